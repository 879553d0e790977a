//! Another writer: when another tab writes a key (the browser's `storage` event), decide what
//! this tab should do with it. A record with unsaved edits here is never overwritten, and a
//! value that cannot be read is never taken in.

use super::load::QuarantineEntry;
use super::record::{AnyRecord, DecodeError, KeyRef, decode, parse_key};
use super::trash::{TrashItem, read_trash};

/// What this tab should do about a change made in another tab.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// Take the other tab's version (new, or changed while untouched here).
    Upsert(AnyRecord),
    /// The other tab deleted it and nothing is pending here: drop it.
    Remove { key: String },
    /// Both tabs changed it. Keep ours, and keep theirs too, until the user chooses.
    Conflict { theirs: AnyRecord },
    /// The other tab deleted a record with unsaved edits here: keep ours.
    RemovedWhileEditing { key: String },
    /// Settings are merged field by field rather than kept twice.
    Settings(AnyRecord),
    /// What the other tab wrote cannot be read: set it aside; keep ours.
    Unreadable { raw: String, reason: String },
    /// Written by a newer version of Mend: leave it alone.
    Newer { raw: String, reason: String },
    /// A trash entry was written (`Some`) or removed (`None`).
    Trash {
        key: String,
        item: Option<Box<TrashItem>>,
    },
    /// A set-aside value was written (`Some`) or discarded (`None`).
    Aside {
        key: String,
        entry: Option<QuarantineEntry>,
    },
    /// Nothing to do (not ours, or already the same).
    Ignore,
}

/// Decides how to apply another tab's write of `key` (`new_value` is `None` on removal).
pub fn reconcile(
    key: &str,
    new_value: Option<&str>,
    local: Option<&AnyRecord>,
    locally_dirty: bool,
) -> Incoming {
    match parse_key(key) {
        Some(KeyRef::Record(..)) => {}
        Some(KeyRef::Trash(_)) => {
            let item = new_value.and_then(|raw| read_trash(key, raw).ok());
            return Incoming::Trash {
                key: key.into(),
                item: item.map(Box::new),
            };
        }
        Some(KeyRef::Quarantine(_)) => {
            let entry = new_value.map(|raw| QuarantineEntry::read(key, raw, 0));
            return Incoming::Aside {
                key: key.into(),
                entry,
            };
        }
        _ => return Incoming::Ignore,
    }
    let Some(raw) = new_value else {
        return match (local, locally_dirty) {
            (None, _) => Incoming::Ignore,
            (Some(_), true) => Incoming::RemovedWhileEditing { key: key.into() },
            (Some(_), false) => Incoming::Remove { key: key.into() },
        };
    };
    let theirs = match decode(raw) {
        Ok(theirs) if theirs.key() == key => theirs,
        Ok(_) => {
            return Incoming::Unreadable {
                raw: raw.into(),
                reason: "its contents belong to another record".into(),
            };
        }
        Err(e @ DecodeError::Newer { .. }) => {
            return Incoming::Newer {
                raw: raw.into(),
                reason: e.to_string(),
            };
        }
        Err(e) => {
            return Incoming::Unreadable {
                raw: raw.into(),
                reason: e.to_string(),
            };
        }
    };
    match local {
        Some(ours) if ours.same_data(&theirs) => Incoming::Ignore,
        _ if matches!(theirs, AnyRecord::Settings(_)) => Incoming::Settings(theirs),
        Some(_) if locally_dirty => Incoming::Conflict { theirs },
        _ => Incoming::Upsert(theirs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Record, Settings};
    use crate::store::record::SETTINGS_ID;

    fn case(id: &str, client: &str) -> AnyRecord {
        AnyRecord::Case(Record::new(id.into(), 1, Case::for_client(client)))
    }

    #[test]
    fn the_rules_table() {
        let ours = case("a", "Ours");
        let theirs = case("a", "Theirs");
        let same = case("a", "Ours");
        let key = "mend:case:a";
        let t = theirs.encode();
        let s = same.encode();
        let settings = AnyRecord::Settings(Record::new(SETTINGS_ID.into(), 1, Settings::default()));
        let st = settings.encode();
        let mut newer = theirs.to_envelope();
        newer.v = 99;
        let newer = newer.to_value().to_string();
        let cut = &t[..t.len() / 2];
        type Row<'a> = (
            &'a str,
            Option<&'a str>,
            Option<&'a AnyRecord>,
            bool,
            Incoming,
        );
        let table: Vec<Row> = vec![
            (key, Some(&t), None, false, Incoming::Upsert(theirs.clone())),
            (
                key,
                Some(&t),
                Some(&ours),
                false,
                Incoming::Upsert(theirs.clone()),
            ),
            (
                key,
                Some(&t),
                Some(&ours),
                true,
                Incoming::Conflict {
                    theirs: theirs.clone(),
                },
            ),
            (key, Some(&s), Some(&ours), true, Incoming::Ignore),
            (
                key,
                None,
                Some(&ours),
                false,
                Incoming::Remove { key: key.into() },
            ),
            (
                key,
                None,
                Some(&ours),
                true,
                Incoming::RemovedWhileEditing { key: key.into() },
            ),
            (key, None, None, false, Incoming::Ignore),
            (
                key,
                Some(cut),
                Some(&ours),
                false,
                Incoming::Unreadable {
                    raw: cut.into(),
                    reason: "its saved text is damaged or cut off".into(),
                },
            ),
            (
                "mend:case:b",
                Some(&t),
                None,
                false,
                Incoming::Unreadable {
                    raw: t.clone(),
                    reason: "its contents belong to another record".into(),
                },
            ),
            (
                key,
                Some(&newer),
                Some(&ours),
                true,
                Incoming::Newer {
                    raw: newer.clone(),
                    reason: "it was written by a newer version of Mend (case, version 99)".into(),
                },
            ),
            (
                "mend:settings",
                Some(&st),
                None,
                true,
                Incoming::Settings(settings.clone()),
            ),
            (
                "mend:trash:case:a",
                Some("{}"),
                None,
                false,
                Incoming::Trash {
                    key: "mend:trash:case:a".into(),
                    item: None,
                },
            ),
            (
                "mend:quarantine:q",
                None,
                None,
                false,
                Incoming::Aside {
                    key: "mend:quarantine:q".into(),
                    entry: None,
                },
            ),
            ("not-ours", Some(&t), None, false, Incoming::Ignore),
        ];
        for (key, value, local, dirty, expected) in table {
            assert_eq!(
                reconcile(key, value, local, dirty),
                expected,
                "{key} {value:?} dirty={dirty}"
            );
        }
    }
}
