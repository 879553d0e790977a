//! Where records are kept: a small key-value interface, so the store's logic can be tested
//! natively against memory with faults injected, and run in the browser on localStorage.

use std::collections::BTreeMap;
use std::fmt;

/// Why a storage operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused storage altogether (disabled, or private mode).
    Unavailable,
    /// The storage is full.
    QuotaExceeded,
    /// Any other refusal, with the browser's words.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => {
                f.write_str("this browser is not letting Mend store anything")
            }
            StorageError::QuotaExceeded => f.write_str("this browser's storage for Mend is full"),
            // The browser's own words stay out of what a person reads.
            StorageError::Failed(_) => f.write_str("the browser refused to store it"),
        }
    }
}

/// get, set, remove, keys: all the store needs from a place to keep text.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// A set-aside note (JSON, an object) with the value stored under `key` as its `"raw"`,
    /// written as JSON text. A browser's stored text can hold what a Rust `String` cannot (an
    /// emoji cut in half); the browser's backend fills it in without passing it through Rust,
    /// so the note keeps the value exactly. `None` when nothing is stored under `key`.
    fn note_with_value(&self, key: &str, note: &str) -> Result<Option<String>, StorageError> {
        let Some(raw) = self.get(key)? else {
            return Ok(None);
        };
        let fail = || StorageError::Failed("note".into());
        let mut value: serde_json::Value = serde_json::from_str(note).map_err(|_| fail())?;
        value
            .as_object_mut()
            .ok_or_else(fail)?
            .insert("raw".into(), serde_json::Value::String(raw));
        Ok(Some(value.to_string()))
    }
}

/// Storage in memory. The app falls back to it when the browser offers none; tests use its
/// faults to reproduce how browsers lose data (compiled only into the tests).
#[derive(Clone, Debug, Default)]
pub struct MemoryBackend {
    /// What is stored, by key.
    pub data: BTreeMap<String, String>,
    /// Writes fail with `QuotaExceeded` once keys and values would exceed this many
    /// UTF-16 code units (how browsers count localStorage).
    #[cfg(test)]
    pub quota: Option<usize>,
    /// Every write fails with this message.
    #[cfg(test)]
    pub fail_writes: Option<String>,
    /// Writes report success but store a truncated value (a lying backend).
    #[cfg(test)]
    pub truncate_writes: bool,
    /// Every operation fails as if storage were disabled.
    #[cfg(test)]
    pub unavailable: bool,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// Puts a raw value in place, bypassing every check (to plant corrupt records).
    pub fn plant(&mut self, key: &str, value: &str) {
        self.data.insert(key.into(), value.into());
    }

    /// Everything stored, for assertions.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.data.clone()
    }

    /// UTF-16 code units used by keys and values, as a browser counts them.
    pub fn used(&self) -> usize {
        self.data
            .iter()
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }
}

pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryBackend {
    /// The fault a test set up for this operation (`write`: the key and value being set).
    #[cfg(test)]
    fn fault(&self, write: Option<(&str, &str)>) -> Result<(), StorageError> {
        if self.unavailable {
            return Err(StorageError::Unavailable);
        }
        let Some((key, value)) = write else {
            return Ok(());
        };
        if let Some(why) = &self.fail_writes {
            return Err(StorageError::Failed(why.clone()));
        }
        if let Some(quota) = self.quota {
            let current = self
                .data
                .get(key)
                .map_or(0, |v| utf16_len(key) + utf16_len(v));
            if self.used() - current + utf16_len(key) + utf16_len(value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        Ok(())
    }

    #[cfg(not(test))]
    fn fault(&self, _write: Option<(&str, &str)>) -> Result<(), StorageError> {
        Ok(())
    }

    /// What a write stores: the value, or half of it for a test's lying backend.
    fn stored(&self, value: &str) -> String {
        #[cfg(test)]
        if self.truncate_writes {
            return value.chars().take(value.chars().count() / 2).collect();
        }
        value.to_string()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.fault(None)?;
        Ok(self.data.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.fault(Some((key, value)))?;
        let stored = self.stored(value);
        self.data.insert(key.into(), stored);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.fault(None)?;
        self.data.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.fault(None)?;
        Ok(self.data.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_lists() {
        let mut b = MemoryBackend::new();
        b.set("a", "1").unwrap();
        b.set("b", "2").unwrap();
        assert_eq!(b.get("a").unwrap().as_deref(), Some("1"));
        assert_eq!(b.keys().unwrap(), vec!["a", "b"]);
        b.remove("a").unwrap();
        assert_eq!(b.get("a").unwrap(), None);
    }

    #[test]
    fn quota_counts_utf16_and_allows_shrinking_rewrites() {
        let mut b = MemoryBackend {
            quota: Some(10),
            ..Default::default()
        };
        b.set("k", "12345678").unwrap(); // 9 units
        assert_eq!(b.set("j", "xx"), Err(StorageError::QuotaExceeded));
        b.set("k", "1").unwrap(); // rewriting the same key counts only the new value
        b.set("j", "xx").unwrap();
        assert_eq!(b.set("k", "😀😀😀😀"), Err(StorageError::QuotaExceeded)); // 8 units + 1 + 3
    }

    #[test]
    fn faults_fail_each_operation() {
        let mut off = MemoryBackend {
            unavailable: true,
            ..Default::default()
        };
        assert_eq!(off.get("a"), Err(StorageError::Unavailable));
        assert_eq!(off.set("a", "1"), Err(StorageError::Unavailable));
        assert_eq!(off.remove("a"), Err(StorageError::Unavailable));
        assert_eq!(off.keys(), Err(StorageError::Unavailable));

        let mut failing = MemoryBackend {
            fail_writes: Some("disk error".into()),
            ..Default::default()
        };
        assert_eq!(
            failing.set("a", "1"),
            Err(StorageError::Failed("disk error".into()))
        );

        let mut lying = MemoryBackend {
            truncate_writes: true,
            ..Default::default()
        };
        lying.set("a", "123456").unwrap();
        assert_eq!(lying.get("a").unwrap().as_deref(), Some("123"));
    }
}
