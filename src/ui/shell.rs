//! Pieces of the shell every screen shares: the save status, the banners that explain a
//! storage problem, notices from other tabs, and the toast with its undo.

use leptos::prelude::*;

use super::kit::{button, click, dy, dyn_text, dyn_view, el, link};
use super::state::{AppState, StorageMode, TabNotice, use_app};
use super::{download, export_backup};
use crate::model::Stage;
use crate::route::Route;
use crate::store::record::Kind;
use crate::store::save::SaveStatus;

/// The header's save status: Saving / Saved / Not saved, never "Saved" after a failure.
pub fn save_status() -> AnyView {
    let app = use_app();
    let state = Memo::new(move |_| {
        if app.mode.get() == StorageMode::MemoryOnly {
            return ("failed", "Not saved: storage is off");
        }
        match app.shown_status() {
            SaveStatus::Idle => ("idle", "Saved in this browser"),
            SaveStatus::Saving => ("saving", "Saving…"),
            SaveStatus::Saved { .. } => ("saved", "Saved"),
            SaveStatus::NotSaved { .. } => ("failed", "Not saved"),
        }
    });
    el("p")
        .class("save-status")
        .a("role", "status")
        .at_dyn("data-state", dy(move || Some(state.get().0.to_string())))
        .kid(dyn_text(move || state.get().1.to_string()))
        .v()
}

/// Storage problems, explained, with the way out (an export) at hand.
pub fn banners() -> AnyView {
    let app = use_app();
    let storage = dyn_view(move || {
        if app.mode.get() == StorageMode::MemoryOnly {
            return alert(
                "Nothing you type will be kept. ",
                "This browser is not letting Mend store anything (storage may be turned off, or this may be a private window). You can keep working, but everything is lost when this tab closes. Export a backup file before you leave.".into(),
            );
        }
        match app.shown_status() {
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
        .a("role", "alert")
        .kid(el("p").kid(el("strong").st(lead).v()).text(text).v())
        .kid(export_button(false))
        .v()
}

/// Exports everything as a backup file.
pub fn export_button(primary: bool) -> AnyView {
    let app = use_app();
    button(
        "Export backup file",
        if primary { "primary" } else { "" },
        None,
        click(move |_| export_backup(app)),
    )
}

pub fn tab_notices(app: AppState) -> AnyView {
    dyn_view(move || {
        app.notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, notice)| notice_view(app, i, notice))
            .collect::<Vec<_>>()
            .into_any()
    })
}

fn notice_view(app: AppState, i: usize, notice: TabNotice) -> AnyView {
    let dismiss = move || {
        app.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        })
    };
    let (text, actions): (String, Vec<AnyView>) = match notice {
        TabNotice::Conflict {
            title,
            kind,
            copy_id,
        } => {
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
                    "“{title}” was also changed in another tab. Both versions are kept: yours stays here, and the other tab's is saved as a separate {} until you choose.",
                    kind.noun()
                ),
                vec![
                    link(open.to_fragment(), "Open the other version", "button"),
                    button(
                        "Discard the other version",
                        "",
                        None,
                        click(move |_| {
                            app.delete(kind, &copy_id);
                            dismiss();
                        }),
                    ),
                    button("Keep both", "", None, click(move |_| dismiss())),
                ],
            )
        }
        TabNotice::KeptAfterDelete { title } => (
            format!(
                "“{title}” was deleted in another tab while you were changing it here. Your version is kept."
            ),
            vec![button("OK", "", None, click(move |_| dismiss()))],
        ),
    };
    el("div")
        .class("banner warn")
        .a("role", "status")
        .kid(el("p").text(text).v())
        .kid(el("p").class("actions").kids(actions).v())
        .v()
}

/// A quiet pointer to the Backup screen when damaged or newer records were found.
fn set_aside_notice(app: AppState) -> AnyView {
    dyn_view(move || {
        let damaged = app.quarantined.with(Vec::len);
        let newer = app.newer.with(Vec::len);
        let text = match (damaged, newer) {
            (0, 0) => return ().into_any(),
            (d, 0) => format!(
                "{d} saved {} could not be read and {} set aside. Everything else loaded.",
                if d == 1 { "item" } else { "items" },
                if d == 1 { "was" } else { "were" }
            ),
            (0, n) => format!(
                "{n} {} from a newer version of Mend {} kept untouched.",
                if n == 1 { "record" } else { "records" },
                if n == 1 { "is" } else { "are" }
            ),
            (d, n) => format!(
                "{d} damaged and {n} newer-version records are kept aside. Everything else loaded."
            ),
        };
        el("div")
            .class("banner info")
            .a("role", "status")
            .kid(
                el("p")
                    .text(text)
                    .st(" ")
                    .kid(link(
                        Route::Backup.to_fragment(),
                        "See them on the Backup screen",
                        "",
                    ))
                    .v(),
            )
            .v()
    })
}

/// The toast after an action, with Undo where it applies.
pub fn toast() -> AnyView {
    let app = use_app();
    dyn_view(move || {
        let Some(toast) = app.toast.get() else {
            return ().into_any();
        };
        let undo = toast.undo.map(|item| {
            button(
                "Undo",
                "",
                None,
                click(move |_| {
                    app.restore(&item);
                }),
            )
        });
        let mut t = el("div")
            .class("toast")
            .a("role", "status")
            .kid(el("span").text(toast.message).v());
        if let Some(undo) = undo {
            t = t.kid(undo);
        }
        t.kid(button(
            "×",
            "toast-close",
            Some("Dismiss".into()),
            click(move |_| app.toast.set(None)),
        ))
        .v()
    })
}

/// Offers the raw text of a set-aside value as a file.
pub fn download_raw(key: &str, raw: &str) {
    let name = format!("{}.txt", key.replace(':', "-"));
    download(&name, "text/plain", raw);
}
