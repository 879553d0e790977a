//! The installable, offline app: the "update available" prompt, the install offer, and the
//! offline indicator. The service worker and its registration live in `public/pwa/`; they
//! tell the app about updates and install offers with window events, and this module calls
//! back into `window.mendPwa`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::kit::{button, dyn_view, el, para, when};
use super::state::use_app;

/// What the browser says about installing and updating.
#[derive(Clone, Copy)]
pub struct Pwa {
    pub update_ready: RwSignal<bool>,
    pub installable: RwSignal<bool>,
    pub online: RwSignal<bool>,
}

fn pwa_object() -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &JsValue::from_str("mendPwa"))
        .ok()
        .filter(|v| v.is_object())
}

/// Calls `window.mendPwa[name]()`, returning its result.
fn call(name: &str) -> Option<JsValue> {
    let obj = pwa_object()?;
    let f: js_sys::Function = js_sys::Reflect::get(&obj, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    f.call0(&obj).ok()
}

fn ask(name: &str) -> bool {
    call(name).and_then(|v| v.as_bool()).unwrap_or(false)
}

impl Pwa {
    /// Starts listening. The events may have fired before the app loaded, so the current
    /// state is read once as well.
    pub fn start() -> Pwa {
        let pwa = Pwa {
            update_ready: RwSignal::new(ask("updateReady")),
            installable: RwSignal::new(ask("canInstall")),
            online: RwSignal::new(window().navigator().on_line()),
        };
        let handles = [
            window_event_listener_untyped("mend-update-ready", move |_| pwa.update_ready.set(true)),
            window_event_listener_untyped("mend-installable", move |_| {
                pwa.installable.set(ask("canInstall"))
            }),
            window_event_listener_untyped("online", move |_| pwa.online.set(true)),
            window_event_listener_untyped("offline", move |_| pwa.online.set(false)),
        ];
        on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
        provide_context(pwa);
        pwa
    }
}

pub fn use_pwa() -> Pwa {
    expect_context::<Pwa>()
}

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
