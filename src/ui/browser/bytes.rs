//! Compression and sealing by the browser, for share links (public/pwa/bytes.js).

use js_sys::{Function, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `window.mendBytes[name](bytes, passphrase?)`, loading `bytes.js` first if needed.
/// An error carries the message `bytes.js` threw ("too-large" when inflating stopped at its
/// limit), or nothing.
pub(crate) async fn bytes(
    name: &str,
    data: &[u8],
    passphrase: Option<&str>,
) -> Result<Vec<u8>, Option<String>> {
    call_bytes(name, data, passphrase).await.map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
    })
}

async fn call_bytes(name: &str, data: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>, JsValue> {
    let w = window();
    let name_of = |s: &str| JsValue::from_str(s);
    if !Reflect::has(&w, &name_of("mendBytes"))? {
        let load: Function = Reflect::get(&w, &name_of("mendLoadBytes"))?.dyn_into()?;
        JsFuture::from(Promise::from(load.call0(&w)?)).await?;
    }
    let obj = Reflect::get(&w, &name_of("mendBytes"))?;
    let f: Function = Reflect::get(&obj, &name_of(name))?.dyn_into()?;
    let arr = Uint8Array::from(data);
    let promise = match passphrase {
        Some(p) => f.call2(&obj, &arr, &name_of(p)),
        None => f.call1(&obj, &arr),
    }?;
    let out = JsFuture::from(Promise::from(promise)).await?;
    Ok(Uint8Array::new(&out).to_vec())
}
