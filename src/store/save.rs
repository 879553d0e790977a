//! Saving: only changed records are written, each a short while after its last change, and
//! every write is read back and compared. A failed write is never reported as saved; the
//! record stays queued and is retried with the next change.

use std::fmt;

use super::backend::{Backend, StorageError};

/// How long after the last change to a record it is written.
pub const DEBOUNCE_MS: i64 = 400;

/// Why a record was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Storage(StorageError),
    /// The browser accepted the write but gave back something else.
    ReadBack,
}

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> Self {
        SaveError::Storage(e)
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Storage(e) => e.fmt(f),
            SaveError::ReadBack => {
                f.write_str("the browser did not keep what was written (it read back differently)")
            }
        }
    }
}

/// Writes `value` under `key`, then reads it back and compares.
pub fn write_verified(backend: &mut dyn Backend, key: &str, value: &str) -> Result<(), SaveError> {
    backend.set(key, value)?;
    match backend.get(key)? {
        Some(stored) if stored == value => Ok(()),
        _ => Err(SaveError::ReadBack),
    }
}

/// What the header shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the app started.
    Idle,
    /// Changes are waiting to be written.
    Saving,
    /// Everything is written and verified.
    Saved { at: i64 },
    /// At least one record could not be written; it is kept in memory.
    NotSaved { reason: String },
}

/// The records waiting to be written, and the ones whose last write failed. Plain lists:
/// they hold a handful of keys at most (the records changed in the last moments).
#[derive(Clone, Debug, Default)]
pub struct SaveQueue {
    due: Vec<(String, i64)>,
    failed: Vec<(String, SaveError)>,
    last_saved: Option<i64>,
}

/// Sets `key` to `value` in a small keyed list.
fn put<V>(list: &mut Vec<(String, V)>, key: &str, value: V) {
    match list.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => list.push((key.to_string(), value)),
    }
}

fn has<V>(list: &[(String, V)], key: &str) -> bool {
    list.iter().any(|(k, _)| k == key)
}

fn drop_key<V>(list: &mut Vec<(String, V)>, key: &str) {
    list.retain(|(k, _)| k != key);
}

fn sorted(mut keys: Vec<String>) -> Vec<String> {
    crate::model::order::sort_by_key(&mut keys, |k| crate::model::order::text(k));
    keys
}

impl SaveQueue {
    pub fn new() -> Self {
        Self::default()
    }

    /// A record changed: write it after the debounce. Records that failed before are retried
    /// along with it.
    pub fn touch(&mut self, key: &str, now: i64) {
        let at = now + DEBOUNCE_MS;
        put(&mut self.due, key, at);
        let failed: Vec<String> = self.failed.iter().map(|(k, _)| k.clone()).collect();
        for k in failed {
            put(&mut self.due, &k, at);
        }
    }

    /// When the next write is due, if any.
    pub fn next_due(&self) -> Option<i64> {
        self.due.iter().map(|(_, at)| *at).min()
    }

    /// Keys whose debounce has passed.
    pub fn due_keys(&self, now: i64) -> Vec<String> {
        sorted(
            self.due
                .iter()
                .filter(|(_, at)| *at <= now)
                .map(|(k, _)| k.clone())
                .collect(),
        )
    }

    /// Every key with unwritten changes (for flushing when the page is hidden).
    pub fn all_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.due.iter().map(|(k, _)| k.clone()).collect();
        keys.extend(
            self.failed
                .iter()
                .filter(|(k, _)| !has(&self.due, k))
                .map(|(k, _)| k.clone()),
        );
        sorted(keys)
    }

    /// True while the record has changes that are not safely stored.
    pub fn is_dirty(&self, key: &str) -> bool {
        has(&self.due, key) || has(&self.failed, key)
    }

    /// Records the outcome of writing `key`.
    pub fn finish(&mut self, key: &str, result: Result<(), SaveError>, now: i64) {
        drop_key(&mut self.due, key);
        match result {
            Ok(()) => {
                drop_key(&mut self.failed, key);
                self.last_saved = Some(now);
            }
            Err(e) => put(&mut self.failed, key, e),
        }
    }

    /// The record is gone (deleted or replaced): nothing left to write.
    pub fn forget(&mut self, key: &str) {
        drop_key(&mut self.due, key);
        drop_key(&mut self.failed, key);
    }

    pub fn status(&self) -> SaveStatus {
        if let Some((_, e)) = self.failed.first() {
            return SaveStatus::NotSaved {
                reason: e.to_string(),
            };
        }
        if !self.due.is_empty() {
            return SaveStatus::Saving;
        }
        match self.last_saved {
            Some(at) => SaveStatus::Saved { at },
            None => SaveStatus::Idle,
        }
    }

    /// Writes `keys`, looking up each record's current text with `encode` (`None` when the
    /// record no longer exists), and records each outcome.
    pub fn write(
        &mut self,
        backend: &mut dyn Backend,
        keys: Vec<String>,
        now: i64,
        encode: impl Fn(&str) -> Option<String>,
    ) {
        for key in keys {
            match encode(&key) {
                Some(text) => {
                    let result = write_verified(backend, &key, &text);
                    self.finish(&key, result, now);
                }
                None => self.forget(&key),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::backend::MemoryBackend;

    fn text(key: &str) -> Option<String> {
        Some(format!("value of {key}"))
    }

    #[test]
    fn only_changed_records_are_written_after_the_debounce() {
        let mut b = MemoryBackend::new();
        b.plant("mend:case:other", "untouched");
        let mut q = SaveQueue::new();
        assert_eq!(q.status(), SaveStatus::Idle);
        q.touch("mend:case:a", 1000);
        q.touch("mend:case:a", 1100);
        assert_eq!(q.status(), SaveStatus::Saving);
        assert!(
            q.due_keys(1000 + DEBOUNCE_MS).is_empty(),
            "debounce restarts on each change"
        );
        assert_eq!(q.next_due(), Some(1100 + DEBOUNCE_MS));
        let keys = q.due_keys(1100 + DEBOUNCE_MS);
        assert_eq!(keys, vec!["mend:case:a"]);
        q.write(&mut b, keys, 1500, text);
        assert_eq!(q.status(), SaveStatus::Saved { at: 1500 });
        assert_eq!(
            b.get("mend:case:a").unwrap().as_deref(),
            Some("value of mend:case:a")
        );
        assert_eq!(
            b.get("mend:case:other").unwrap().as_deref(),
            Some("untouched")
        );
    }

    #[test]
    fn a_full_storage_is_never_reported_as_saved_and_the_next_change_retries() {
        let mut b = MemoryBackend {
            quota: Some(30),
            ..Default::default()
        };
        let mut q = SaveQueue::new();
        q.touch("mend:case:a", 0);
        q.write(&mut b, q.all_keys(), 500, text);
        assert_eq!(
            q.status(),
            SaveStatus::NotSaved {
                reason: "this browser's storage for Mend is full".into()
            }
        );
        assert!(q.is_dirty("mend:case:a"));
        assert_eq!(b.get("mend:case:a").unwrap(), None);

        // Space is freed; a change to another record retries the failed one too.
        b.quota = None;
        q.touch("mend:case:b", 1000);
        let keys = q.due_keys(1000 + DEBOUNCE_MS);
        assert_eq!(keys, vec!["mend:case:a", "mend:case:b"]);
        assert!(
            matches!(q.status(), SaveStatus::NotSaved { .. }),
            "still not saved until retried"
        );
        q.write(&mut b, keys, 1400, text);
        assert_eq!(q.status(), SaveStatus::Saved { at: 1400 });
        assert!(b.get("mend:case:a").unwrap().is_some());
    }

    #[test]
    fn every_fault_leaves_the_record_dirty_and_not_saved() {
        let faults: Vec<(MemoryBackend, SaveError)> = vec![
            (
                MemoryBackend {
                    fail_writes: Some("I/O error".into()),
                    ..Default::default()
                },
                SaveError::Storage(StorageError::Failed("I/O error".into())),
            ),
            (
                MemoryBackend {
                    truncate_writes: true,
                    ..Default::default()
                },
                SaveError::ReadBack,
            ),
            (
                MemoryBackend {
                    unavailable: true,
                    ..Default::default()
                },
                SaveError::Storage(StorageError::Unavailable),
            ),
            (
                MemoryBackend {
                    quota: Some(0),
                    ..Default::default()
                },
                SaveError::Storage(StorageError::QuotaExceeded),
            ),
        ];
        for (mut b, expected) in faults {
            let mut q = SaveQueue::new();
            q.touch("k", 0);
            q.write(&mut b, q.all_keys(), 1, text);
            assert_eq!(q.failed.first().map(|(_, e)| e), Some(&expected));
            assert!(q.is_dirty("k"));
            assert_eq!(q.all_keys(), vec!["k"]);
            assert_eq!(
                q.status(),
                SaveStatus::NotSaved {
                    reason: expected.to_string()
                }
            );
        }
    }

    #[test]
    fn deleted_records_are_dropped_from_the_queue() {
        let mut b = MemoryBackend::new();
        let mut q = SaveQueue::new();
        q.touch("gone", 0);
        q.write(&mut b, q.all_keys(), 500, |_| None);
        assert!(!q.is_dirty("gone"));
        assert_eq!(b.keys().unwrap(), Vec::<String>::new());
        q.touch("x", 0);
        q.forget("x");
        assert_eq!(q.all_keys(), Vec::<String>::new());
    }
}
