//! The installed app as the browser tells it (public/pwa/pwa.js): an update waiting, the
//! offer to install, and whether the browser is online.

use crate::ui::browser::online::online_signal;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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
pub(crate) fn call(name: &str) -> Option<JsValue> {
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

/// A service worker serves this page: every file of the app is in its cache.
pub fn offline_ready() -> bool {
    ask("offlineReady")
}

impl Pwa {
    /// Starts listening. The events may have fired before the app loaded, so the current
    /// state is read once as well.
    pub fn start() -> Pwa {
        let pwa = Pwa {
            update_ready: RwSignal::new(ask("updateReady")),
            installable: RwSignal::new(ask("canInstall")),
            online: online_signal(),
        };
        let handles = [
            window_event_listener_untyped("mend-update-ready", move |_| pwa.update_ready.set(true)),
            window_event_listener_untyped("mend-installable", move |_| {
                pwa.installable.set(ask("canInstall"))
            }),
        ];
        on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
        provide_context(pwa);
        pwa
    }
}

pub fn use_pwa() -> Pwa {
    expect_context::<Pwa>()
}
