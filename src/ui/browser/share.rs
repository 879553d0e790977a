//! The device's own share sheet (Web Share API): messaging apps, mail, notes.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// How a share ended.
pub(crate) enum Shared {
    Done,
    /// The user closed the sheet: nothing to say.
    Cancelled,
    Failed,
}

/// Whether this browser has a share sheet at all (most phones; few desktops).
pub(crate) fn can_share() -> bool {
    let nav: JsValue = window().navigator().into();
    js_sys::Reflect::get(&nav, &"share".into()).is_ok_and(|f| f.is_function())
}

/// Opens the share sheet with `title` and `text`.
pub(crate) async fn share_text(title: &str, text: &str) -> Shared {
    let nav: JsValue = window().navigator().into();
    let Some(share) = js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Shared::Failed;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let Ok(promise) = share.call1(&nav, &data) else {
        return Shared::Failed;
    };
    match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Shared::Done,
        Err(e) if js_sys::Reflect::get(&e, &"name".into()).ok() == Some("AbortError".into()) => {
            Shared::Cancelled
        }
        Err(_) => Shared::Failed,
    }
}
