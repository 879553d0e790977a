//! The trash, and what was set aside.

use crate::store::trash::TrashItem;
use crate::store::workspace::{Restore, RestoreError};
use crate::ui::kit::export::download_raw;
use crate::ui::kit::{button, card, dyn_view, el, para};
use crate::ui::screens::backup::at;
use crate::ui::state::AppState;
use leptos::prelude::*;

pub(super) fn trash(app: AppState) -> AnyView {
    let confirming = RwSignal::new(false);
    // The trash entry whose record lives again, while the user chooses keep both or replace.
    let asking = RwSignal::new(None::<String>);
    let items = dyn_view(move || {
        app.trash(|t| t.to_vec())
            .into_iter()
            .map(|item| trash_row(app, item, asking))
            .collect::<Vec<_>>()
            .into_any()
    });
    let footer = dyn_view(move || {
        let n = app.trash(|t| t.len());
        if n == 0 {
            return para("muted", "The trash is empty.");
        }
        if !confirming.get() {
            return el("p")
                .child(button("Empty trash…", "", None, move |_| {
                    confirming.set(true)
                }))
                .into_any();
        }
        let empty = move |_| {
            let keys = untrack(|| app.trash(|t| t.iter().map(|x| x.key.clone()).collect()));
            app.purge(keys);
            confirming.set(false);
        };
        el("p")
            .class("confirm")
            .attr("role", "group")
            .attr("aria-label", "Confirm emptying the trash")
            .child(format!("Delete {n} items forever? This cannot be undone."))
            .child(" ")
            .child(button("Yes, empty the trash", "danger", None, empty))
            .child(button("Cancel", "", None, move |_| confirming.set(false)))
            .into_any()
    });
    card("card", "trash-h", "Trash")
        .child(el("ul").class("trash-list").child(items).into_any())
        .child(footer)
        .into_any()
}

/// One deleted record, with Restore and Delete forever. When a record lives at the same place
/// again, Restore asks first: keep both, or replace the one that is there (which then goes
/// to the trash in its stead).
fn trash_row(app: AppState, item: TrashItem, asking: RwSignal<Option<String>>) -> AnyView {
    let title = item.record.title();
    let line = format!(
        " · {}, deleted {}",
        item.record.kind().noun(),
        at(item.deleted)
    );
    let key = StoredValue::new(item.key.clone());
    let restore = move |how: Option<Restore>| match app.restore(&key.get_value(), how) {
        Err(RestoreError::Live { .. }) => asking.set(Some(key.get_value())),
        _ => asking.set(None),
    };
    let purge = move |_| app.purge(vec![key.get_value()]);
    let choice = dyn_view(move || {
        if asking.get().as_deref() != Some(key.read_value().as_str()) {
            return ().into_any();
        }
        el("p")
            .class("confirm")
            .attr("role", "group")
            .attr("aria-label", "Restore over the record that is there now")
            .child(
                "A record with this name is here again (restored, or changed in another tab). Keep both, or replace the one here? Replacing puts it in the trash, so nothing is lost.",
            )
            .child(" ")
            .child(button("Keep both", "primary", None, move |_| restore(Some(Restore::KeepBoth))))
            .child(button("Replace it", "", None, move |_| restore(Some(Restore::Replace))))
            .child(button("Cancel", "", None, move |_| asking.set(None)))
            .into_any()
    });
    el("li")
        .child(
            el("span")
                .child(el("strong").child(title.clone()).into_any())
                .child(line)
                .into_any(),
        )
        .child(
            el("span")
                .class("actions")
                .child(button(
                    "Restore",
                    "",
                    Some(format!("Restore “{title}”")),
                    move |_| restore(None),
                ))
                .child(button(
                    "Delete forever",
                    "danger",
                    Some(format!("Delete “{title}” forever")),
                    purge,
                ))
                .into_any(),
        )
        .child(choice)
        .into_any()
}

pub(super) fn set_aside(app: AppState) -> AnyView {
    dyn_view(move || {
        let damaged = app.quarantined();
        let newer = app.newer().len();
        if damaged.is_empty() && newer == 0 {
            return ().into_any();
        }
        let items: Vec<AnyView> = damaged
            .into_iter()
            .map(|q| {
                let key = q.storage_key.clone();
                let original = q.entry.key.clone();
                let raw = q.entry.raw.clone();
                let preview: String = raw.chars().take(160).collect();
                let label = format!("Download the raw text of {original}");
                let found = format!(" · found {}: {}", at(q.entry.at), q.entry.reason);
                let o2 = original.clone();
                el("li")
                    .child(
                        el("p")
                            .child(el("code").child(original).into_any())
                            .child(found)
                            .into_any(),
                    )
                    .child(el("pre").class("raw").child(preview).into_any())
                    .child(
                        el("p")
                            .class("actions")
                            .child(button("Download raw text", "", Some(label), move |_| {
                                download_raw(&o2, &raw)
                            }))
                            .child(button("Discard", "danger", None, move |_| {
                                app.discard_quarantined(&key)
                            }))
                            .into_any(),
                    )
                    .into_any()
            })
            .collect();
        let intro = (!items.is_empty()).then(|| {
            para(
                "",
                "These saved items could not be read, so they were moved aside with their exact contents. Everything else loaded normally. Download one to keep or inspect it; discard it when you are sure you do not need it.",
            )
        });
        let newer_text = (newer > 0).then(|| {
            para(
                "",
                format!(
                    "{newer} saved {} this version of Mend cannot read. {} kept untouched and included in backup files.",
                    if newer == 1 { "item" } else { "items" },
                    if newer == 1 { "It is" } else { "They are" },
                ),
            )
        });
        let mut sec = card("card", "aside-h", "Set aside");
        if let Some(intro) = intro {
            sec = sec.child(intro);
        }
        sec = sec.child(el("ul").class("aside-list").children(items).into_any());
        if let Some(t) = newer_text {
            sec = sec.child(t);
        }
        sec.into_any()
    })
}
