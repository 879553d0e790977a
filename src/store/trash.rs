//! The trash: deleting moves a record here, so it can be restored. Emptying is explicit.

use serde_json::{Map, Value};

use super::backend::{Backend, StorageError};
use super::record::{AnyRecord, DecodeError, Kind, PREFIX, decode_value};
use super::save::{SaveError, write_verified};

/// A deleted record.
#[derive(Clone, Debug, PartialEq)]
pub struct TrashItem {
    pub key: String,
    /// When it was deleted (ms).
    pub deleted: i64,
    pub record: AnyRecord,
}

impl TrashItem {
    /// The text stored under the trash key.
    pub fn encode(&self) -> String {
        let mut m = Map::new();
        m.insert("deleted".into(), Value::from(self.deleted));
        m.insert("record".into(), self.record.to_envelope().to_value());
        Value::Object(m).to_string()
    }
}

pub fn trash_key(kind: Kind, id: &str) -> String {
    format!("{PREFIX}trash:{kind}:{id}")
}

/// Reads a trash entry.
pub fn read_trash(key: &str, raw: &str) -> Result<TrashItem, DecodeError> {
    /// As stored: when, and the record's envelope.
    #[derive(serde::Deserialize)]
    struct Stored {
        deleted: i64,
        record: Value,
    }
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Unparseable(e.to_string()))?;
    let stored: Stored = crate::model::json::from_json(value).map_err(DecodeError::WrongShape)?;
    Ok(TrashItem {
        key: key.to_string(),
        deleted: stored.deleted,
        record: decode_value(stored.record)?,
    })
}

/// Moves a record to the trash: the trash entry is written and verified before the record
/// is removed, so a failure (a full storage) deletes nothing.
pub fn move_to_trash(
    backend: &mut dyn Backend,
    record: &AnyRecord,
    now: i64,
) -> Result<TrashItem, SaveError> {
    if record.kind() == Kind::Settings {
        return Err(SaveError::Storage(StorageError::Failed(
            "settings cannot be deleted".into(),
        )));
    }
    let item = TrashItem {
        key: trash_key(record.kind(), record.id()),
        deleted: now,
        record: record.clone(),
    };
    write_verified(backend, &item.key, &item.encode())?;
    backend.remove(&record.key())?;
    Ok(item)
}

/// Puts a deleted record back where it was.
pub fn restore(backend: &mut dyn Backend, item: &TrashItem) -> Result<(), SaveError> {
    write_verified(backend, &item.record.key(), &item.record.encode())?;
    backend.remove(&item.key)?;
    Ok(())
}

/// Restores `item` over a live record, which takes its place in the trash (`live`, under the
/// same trash key). If the record cannot be written, the trash entry is put back as it was.
pub fn swap(
    backend: &mut dyn Backend,
    item: &TrashItem,
    live: &TrashItem,
) -> Result<(), SaveError> {
    write_verified(backend, &live.key, &live.encode())?;
    if let Err(e) = write_verified(backend, &item.record.key(), &item.record.encode()) {
        let _ = backend.set(&item.key, &item.encode());
        return Err(e);
    }
    Ok(())
}

/// Deletes trash entries for good.
pub fn purge(backend: &mut dyn Backend, keys: &[String]) -> Result<(), StorageError> {
    for key in keys {
        backend.remove(key)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Record, Settings};
    use crate::store::backend::MemoryBackend;
    use crate::store::record::SETTINGS_ID;

    fn case(id: &str) -> AnyRecord {
        AnyRecord::Case(Record::new(id.into(), 5, Case::for_client("Ann")))
    }

    #[test]
    fn delete_then_restore_gives_back_the_same_record() {
        let mut b = MemoryBackend::new();
        let rec = case("a");
        b.set(&rec.key(), &rec.encode()).unwrap();
        let before = b.snapshot();
        let item = move_to_trash(&mut b, &rec, 100).unwrap();
        assert_eq!(b.get(&rec.key()).unwrap(), None);
        assert_eq!(item.key, "mend:trash:case:a");
        assert_eq!(
            read_trash(&item.key, &b.get(&item.key).unwrap().unwrap()).unwrap(),
            item
        );
        restore(&mut b, &item).unwrap();
        assert_eq!(b.snapshot(), before);
    }

    #[test]
    fn a_full_storage_deletes_nothing() {
        let mut b = MemoryBackend::new();
        let rec = case("a");
        b.set(&rec.key(), &rec.encode()).unwrap();
        b.quota = Some(b.used());
        let before = b.snapshot();
        assert_eq!(
            move_to_trash(&mut b, &rec, 1),
            Err(SaveError::Storage(StorageError::QuotaExceeded))
        );
        assert_eq!(b.snapshot(), before);
    }

    #[test]
    fn settings_cannot_be_trashed_and_purge_removes_for_good() {
        let mut b = MemoryBackend::new();
        let s = AnyRecord::Settings(Record::new(SETTINGS_ID.into(), 1, Settings::default()));
        assert!(move_to_trash(&mut b, &s, 1).is_err());
        let item = move_to_trash(&mut b, &case("a"), 1).unwrap();
        purge(&mut b, std::slice::from_ref(&item.key)).unwrap();
        assert!(b.keys().unwrap().is_empty());
    }

    #[test]
    fn damaged_trash_entries_are_reported_as_corrupt() {
        assert!(read_trash("k", "{oops").unwrap_err().is_corrupt());
        assert!(read_trash("k", "{\"deleted\":1}").unwrap_err().is_corrupt());
        assert!(
            read_trash("k", "{\"deleted\":1,\"record\":{\"kind\":\"case\"}}")
                .unwrap_err()
                .is_corrupt()
        );
    }
}
