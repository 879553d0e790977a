//! The browser's localStorage as a [`Backend`], and the browser's storage-persistence API.
//! Compiled for wasm32 only.

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
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        let storage = window
            .local_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)?;
        // Outside our prefix, so a probe left behind is never mistaken for a record.
        const PROBE: &str = "mend-probe";
        match storage.set_item(PROBE, "1").map_err(classify) {
            // A full storage still works for reading; the save path reports it.
            Ok(()) | Err(StorageError::QuotaExceeded) => {}
            Err(_) => return Err(StorageError::Unavailable),
        }
        let _ = storage.remove_item(PROBE);
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

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(key) = self.storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Memory for when the browser refuses storage: a map kept on the page, so the app and its
/// later screens (a second module) still see the same records. Lost when the tab closes.
pub struct PageMemory {
    map: js_sys::Map,
}

impl PageMemory {
    pub fn open() -> PageMemory {
        let window: JsValue = web_sys::window().map(JsValue::from).unwrap_or_default();
        let name = JsValue::from_str("mendMemory");
        let map = match js_sys::Reflect::get(&window, &name).map(JsCast::dyn_into::<js_sys::Map>) {
            Ok(Ok(map)) => map,
            _ => {
                let map = js_sys::Map::new();
                let _ = js_sys::Reflect::set(&window, &name, &map);
                map
            }
        };
        PageMemory { map }
    }
}

impl Backend for PageMemory {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.get(&JsValue::from_str(key)).as_string())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.map
            .set(&JsValue::from_str(key), &JsValue::from_str(value));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.map.delete(&JsValue::from_str(key));
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(js_sys::Array::from(&self.map.keys().into())
            .iter()
            .filter_map(|k| k.as_string())
            .collect())
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
