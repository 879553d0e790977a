//! The shell's word on the installed app: offline, and an update waiting for the user.

use crate::ui::browser::pwa::{call, use_pwa};
use crate::ui::kit::{button, el, para, when};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// "Offline" beside the save status, while the network is gone.
pub fn offline_status() -> AnyView {
    let pwa = use_pwa();
    when(
        move || !pwa.online.get(),
        || {
            el("p")
                .class("offline-status")
                .attr("role", "status")
                .child("Offline: everything still works and is saved here.")
                .into_any()
        },
    )
}

/// The quiet prompt when a new version is ready. Applying it saves first, then reloads.
pub fn update_prompt() -> AnyView {
    let pwa = use_pwa();
    let app = use_app();
    when(
        move || pwa.update_ready.get(),
        move || {
            let apply = move |_| {
                app.flush_all();
                call("applyUpdate");
            };
            el("div")
                .class("banner info update")
                .attr("role", "status")
                .child(para(
                    "",
                    "A new version of Mend is ready. Your work is saved; update when it suits you.",
                ))
                .child(button("Update now", "primary", None, apply))
                .into_any()
        },
    )
}
