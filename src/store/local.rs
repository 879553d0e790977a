//! The browser's localStorage as a [`Backend`], through gloo-storage, and the browser's
//! storage-persistence API. Compiled for wasm32 only.
//!
//! Records are stored as the exact text of their envelopes, so reads and writes go through
//! `LocalStorage::raw()`: gloo's typed `get`/`set` would JSON-encode the text again, and hide
//! the browser's own error, which tells a full storage from one that is turned off.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::backend::{Backend, StorageError};

pub struct LocalBackend {
    storage: web_sys::Storage,
}

/// Names a browser's storage exception.
fn classify(err: JsValue) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) => match e.name().as_str() {
            // Chromium and WebKit, then older Firefox.
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
            "SecurityError" | "InvalidAccessError" => StorageError::Unavailable,
            name => StorageError::Failed(format!("{name}: {}", e.message())),
        },
        None => StorageError::Failed(err.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

impl LocalBackend {
    /// Opens localStorage and proves it takes a write. Fails when storage is disabled,
    /// blocked, or throws on every write (as some private modes do).
    pub fn open() -> Result<LocalBackend, StorageError> {
        // Asked here first: gloo's `raw()` throws when the browser refuses storage.
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => {}
            _ => return Err(StorageError::Unavailable),
        }
        let storage = LocalStorage::raw();
        // Outside our prefix, so a probe left behind is never mistaken for a record.
        const PROBE: &str = "mend-probe";
        match storage.set_item(PROBE, "1").map_err(classify) {
            // A full storage still works for reading; the save path reports it.
            Ok(()) | Err(StorageError::QuotaExceeded) => {}
            Err(_) => return Err(StorageError::Unavailable),
        }
        LocalStorage::delete(PROBE);
        Ok(LocalBackend { storage })
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn note_with_value(&self, key: &str, note: &str) -> Result<Option<String>, StorageError> {
        // getItem through JavaScript, so the value stays a JS string; JSON.stringify then
        // escapes any half of a surrogate pair, which a Rust String would replace.
        let storage: &JsValue = self.storage.as_ref();
        let get: js_sys::Function = js_sys::Reflect::get(storage, &"getItem".into())
            .and_then(JsCast::dyn_into)
            .map_err(classify)?;
        let raw = get.call1(storage, &key.into()).map_err(classify)?;
        if raw.is_null() {
            return Ok(None);
        }
        let fail = |_| StorageError::Failed("note".into());
        let note = js_sys::JSON::parse(note).map_err(fail)?;
        js_sys::Reflect::set(&note, &"raw".into(), &raw).map_err(fail)?;
        Ok(js_sys::JSON::stringify(&note).ok().map(String::from))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = LocalStorage::length();
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(key) = self.storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Absent on some browsers and in insecure contexts.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(|has| *has)?;
    Some(navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Whether the browser has promised not to clear this site's storage under pressure.
/// `None` when the browser does not say.
pub async fn persisted() -> Option<bool> {
    ask(storage_manager()?.persisted()).await
}

/// Asks the browser to keep this site's storage. Returns what it granted.
pub async fn persist() -> Option<bool> {
    ask(storage_manager()?.persist()).await
}
