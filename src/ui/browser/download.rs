//! Files made on the device and offered for download.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
