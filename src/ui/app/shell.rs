//! The shell's parts: the save status, banners, notices and the toast.

use crate::model::Stage;
use crate::route::Route;
use crate::store::record::Kind;
use crate::store::save::SaveStatus;
use crate::store::workspace::Notice;
use crate::ui::kit::export::export_button;
use crate::ui::kit::{button, dyn_text, dyn_view, el, link, when};
use crate::ui::state::{AppState, StorageMode, use_app};
use leptos::prelude::*;

/// The header's save status: Saving / Saved / Not saved, never "Saved" after a failure.
pub fn save_status() -> AnyView {
    let app = use_app();
    let state = Memo::new(move |_| {
        if app.mode == StorageMode::MemoryOnly {
            return ("failed", "Not saved: storage is off");
        }
        match app.status() {
            SaveStatus::Idle => ("idle", "Saved in this browser"),
            SaveStatus::Saving => ("saving", "Saving…"),
            SaveStatus::Saved { .. } => ("saved", "Saved"),
            SaveStatus::NotSaved { .. } => ("failed", "Not saved"),
        }
    });
    el("p")
        .class("save-status")
        .attr("role", "status")
        .attr("data-state", move || Some(state.get().0.to_string()))
        .child(dyn_text(move || state.get().1.to_string()))
        .into_any()
}

/// Storage problems, explained, with the way out (an export) at hand.
pub fn banners() -> AnyView {
    let app = use_app();
    let storage = dyn_view(move || {
        if app.mode == StorageMode::MemoryOnly {
            return alert(
                "Nothing you type will be kept. ",
                "This browser is not letting Mend store anything (storage may be turned off, or this may be a private window). You can keep working, but everything is lost when this tab closes. Export a backup file before you leave.".into(),
            );
        }
        match app.status() {
            SaveStatus::NotSaved { reason } => alert(
                "Your latest changes are not saved: ",
                format!(
                    "{reason}. They are still here on screen, and Mend tries again with your next change. To be safe, export a backup file now, then free some space (empty the trash, or delete cases you no longer need)."
                ),
            ),
            _ => ().into_any(),
        }
    });
    vec![storage, tab_notices(app), set_aside_notice(app)].into_any()
}

/// A storage alert with the export at hand.
fn alert(lead: &'static str, text: String) -> AnyView {
    el("div")
        .class("banner danger")
        .attr("role", "alert")
        .child(
            el("p")
                .child(el("strong").child(lead).into_any())
                .child(text)
                .into_any(),
        )
        .child(export_button(false))
        .into_any()
}

pub fn tab_notices(app: AppState) -> AnyView {
    dyn_view(move || {
        app.notices()
            .into_iter()
            .enumerate()
            .map(|(i, notice)| notice_view(app, i, notice))
            .collect::<Vec<_>>()
            .into_any()
    })
}

fn notice_view(app: AppState, i: usize, notice: Notice) -> AnyView {
    let dismiss = move || app.dismiss_notice(i);
    let (text, actions): (String, Vec<AnyView>) = match notice {
        Notice::Conflict {
            title,
            kind,
            copy_id,
            device,
        } => {
            let other = if device {
                "on another device"
            } else {
                "in another tab"
            };
            let open = match kind {
                Kind::Case => Route::Case {
                    id: copy_id.clone(),
                    stage: Stage::Case,
                },
                Kind::Clause => Route::ClauseEdit(copy_id.clone()),
                Kind::Reflection => Route::JournalEntry(copy_id.clone()),
                Kind::Settings => Route::Home,
            };
            (
                format!(
                    "“{title}” was also changed {other}. Both versions are kept: yours stays here, and the other version is saved as a separate {} until you choose.",
                    kind.noun()
                ),
                vec![
                    link(open.to_fragment(), "Open the other version", "button"),
                    button("Discard the other version", "", None, move |_| {
                        app.delete(kind, &copy_id);
                        dismiss();
                    }),
                    button("Keep both", "", None, move |_| dismiss()),
                ],
            )
        }
        Notice::DeletedElsewhere { undo } => (
            format!(
                "“{}” was deleted on another device. It is in the trash here.",
                undo.title
            ),
            vec![
                when(
                    {
                        let undo = undo.clone();
                        move || app.undo_applies(&undo)
                    },
                    move || {
                        let undo = undo.clone();
                        button("Bring it back", "", None, move |_| {
                            app.undo(&undo);
                            dismiss();
                        })
                    },
                ),
                button("OK", "", None, move |_| dismiss()),
            ],
        ),
        Notice::OlderRefused { title, deleted } => (
            if deleted {
                format!(
                    "The sync server sent back “{title}”, which was deleted. It was refused and stays deleted. The server may have been restored from an old backup."
                )
            } else {
                format!(
                    "The sync server sent an older copy of “{title}” than this device already has. It was refused: your copy here is unchanged and goes back to the server. The server may have been restored from an old backup."
                )
            },
            vec![button("OK", "", None, move |_| dismiss())],
        ),
        Notice::KeptAfterDelete { title } => (
            format!(
                "“{title}” was deleted in another tab while you were changing it here. Your version is kept."
            ),
            vec![button("OK", "", None, move |_| dismiss())],
        ),
    };
    el("div")
        .class("banner warn")
        .attr("role", "status")
        .child(el("p").child(text).into_any())
        .child(el("p").class("actions").children(actions).into_any())
        .into_any()
}

/// A quiet pointer to the Backup screen when damaged or newer records were found.
fn set_aside_notice(app: AppState) -> AnyView {
    dyn_view(move || {
        let damaged = app.quarantined().len();
        let newer = app.newer().len();
        let text = match (damaged, newer) {
            (0, 0) => return ().into_any(),
            (d, 0) => format!(
                "{d} saved {} could not be read and {} set aside. Everything else loaded.",
                if d == 1 { "item" } else { "items" },
                if d == 1 { "was" } else { "were" }
            ),
            (0, n) => format!(
                "{n} saved {} this version of Mend cannot read {} kept untouched. Everything else loaded.",
                if n == 1 { "item" } else { "items" },
                if n == 1 { "is" } else { "are" }
            ),
            (d, n) => format!(
                "{d} damaged and {n} unreadable saved items are kept aside, untouched. Everything else loaded."
            ),
        };
        el("div")
            .class("banner info")
            .attr("role", "status")
            .child(
                el("p")
                    .child(text)
                    .child(" ")
                    .child(link(
                        Route::Backup.to_fragment(),
                        "See them on the Backup screen",
                        "",
                    ))
                    .into_any(),
            )
            .into_any()
    })
}

/// The toast after an action, with Undo while it still applies: once the record is back or
/// has changed since, the offer goes away.
pub fn toast() -> AnyView {
    let app = use_app();
    dyn_view(move || {
        let Some(toast) = app.toast.get() else {
            return ().into_any();
        };
        let undo = toast.undo.map(|undo| {
            let offer = undo.clone();
            when(
                move || app.undo_applies(&offer),
                move || {
                    let undo = undo.clone();
                    button("Undo", "", None, move |_| app.undo(&undo))
                },
            )
        });
        el("div")
            .class("toast")
            .attr("role", "status")
            .child(el("span").child(toast.message).into_any())
            .child(undo.unwrap_or_else(|| ().into_any()))
            .child(button(
                "×",
                "toast-close",
                Some("Dismiss".into()),
                move |_| app.toast.set(None),
            ))
            .into_any()
    })
}
