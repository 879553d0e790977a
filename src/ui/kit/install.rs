//! The offer to install Mend as an app, where the browser allows it.

use crate::ui::browser::pwa::{call, use_pwa};
use crate::ui::kit::{button, dyn_view, el, para};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// True on iPhone and iPad Safari outside the installed app, where there is no install
/// prompt and the how-to is needed.
fn ios_not_installed() -> bool {
    let nav = window().navigator();
    let ua = nav.user_agent().unwrap_or_default();
    let ios = ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod");
    let standalone = js_sys::Reflect::get(&nav, &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    ios && !standalone
}

/// The install offer: a button where the browser offers one, a how-to on iOS Safari.
pub fn install_offer() -> AnyView {
    let pwa = use_pwa();
    dyn_view(move || {
        if pwa.installable.get() {
            let install = move |_| {
                call("install");
            };
            return el("div")
                .class("banner info install")
                .child(para(
                    "",
                    "Install Mend on this device: it opens like an app, works offline, and the browser is less likely to clear its data.",
                ))
                .child(button("Install app", "primary", None, install))
                .into_any();
        }
        if ios_not_installed() {
            return el("div")
                .class("banner info install")
                .child(para(
                    "",
                    "On iPhone and iPad, add Mend to your Home Screen: tap Share, then Add to Home Screen. Safari clears a website's data after 7 days without a visit, but keeps the data of apps on the Home Screen.",
                ))
                .into_any();
        }
        ().into_any()
    })
}
