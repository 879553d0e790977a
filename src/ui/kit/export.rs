//! Backups from anywhere in the app: the export button, the nudge when one is due, and a
//! set-aside value offered as a file.

use crate::store::health::export_nudge;
use crate::ui::browser::download::download;
use crate::ui::browser::time::now_ms;
use crate::ui::kit::{button, dyn_view, el};
use crate::ui::state::{export_backup, use_app};
use leptos::prelude::*;

/// Exports everything as a backup file.
pub fn export_button(primary: bool) -> AnyView {
    let app = use_app();
    button(
        "Export backup file",
        if primary { "primary" } else { "" },
        None,
        move |_| export_backup(app),
    )
}

/// Offers the raw text of a set-aside value as a file.
pub fn download_raw(key: &str, raw: &str) {
    let name = format!("{}.txt", key.replace(':', "-"));
    download(&name, "text/plain", raw);
}

/// The export nudge when one is due (on Home, and in the health card).
pub fn export_nudge_view(with_button: bool) -> AnyView {
    let app = use_app();
    dyn_view(move || {
        let last = app.settings().last_export;
        match export_nudge(&app.change_times(), last, now_ms()) {
            None => ().into_any(),
            Some(n) => {
                let mut b = el("div")
                    .class("banner info nudge")
                    .child(el("p").child(n.message(last.is_some())).into_any());
                if with_button {
                    b = b.child(export_button(true));
                }
                b.into_any()
            }
        }
    })
}
