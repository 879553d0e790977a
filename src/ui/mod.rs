//! Thin Leptos components: they read the model and call the store.

mod app;
mod backup;
mod cases;
mod clause;
mod counsel;
mod fields;
mod journal;
mod kit;
mod pages;
mod print;
mod pwa;
mod share;
mod shell;
mod state;
mod sync;
mod trends;
mod widgets;
mod worksheet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Date;
use state::{AppState, local_offset_minutes, now_ms};

/// Mounts the app on the page's body. Called by the binary.
pub fn mount() {
    // A panic's message goes to the console (without a stack trace, which would need more code).
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    leptos::mount::mount_to_body(app::App);
}

/// The current fragment of the address bar, e.g. `#/cases`.
pub(crate) fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to a route, adding it to the history.
pub(crate) fn go(route: &crate::route::Route) {
    let _ = window().location().set_hash(&route.to_fragment());
}

/// Replaces the current address with a route, without a new history entry.
pub(crate) fn replace(route: &crate::route::Route) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&route.to_fragment()),
        );
        // replaceState fires no hashchange; tell the router ourselves.
        if let Ok(event) = web_sys::Event::new("hashchange") {
            let _ = window().dispatch_event(&event);
        }
    }
}

/// Today's date where the user is.
pub(crate) fn today() -> Date {
    Date::from_timestamp(now_ms(), local_offset_minutes())
}

/// Offers `text` as a file download. Nothing leaves the device: the file is made here.
pub(crate) fn download(name: &str, mime: &str, text: &str) {
    let result = (|| -> Result<(), wasm_bindgen::JsValue> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(30),
        );
        Ok(())
    })();
    if result.is_err() {
        leptos::logging::warn!("download of {name} failed");
    }
}

/// Writes a backup file of everything and remembers when.
pub(crate) fn export_backup(app: AppState) {
    let now = now_ms();
    let text = app.export_text(now);
    download(
        &crate::store::backup::file_name(today()),
        "application/json",
        &text,
    );
    app.update_settings(|s| s.last_export = Some(now));
}

/// Puts `text` on the clipboard. False when the browser refuses (no permission, insecure
/// page, or no clipboard at all).
pub(crate) async fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsValue;
    let nav: JsValue = window().navigator().into();
    let Ok(clip) = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")) else {
        return false;
    };
    let Some(write) = js_sys::Reflect::get(&clip, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    match write.call1(&clip, &JsValue::from_str(text)) {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p))
            .await
            .is_ok(),
        Err(_) => false,
    }
}
