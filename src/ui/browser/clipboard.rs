//! The clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
