//! Two tabs: when another tab writes a record, this tab learns of it (the browser's `storage`
//! event) and decides what to do. A record with unsaved edits here is never overwritten.

use super::record::{AnyRecord, KeyRef, decode, parse_key};

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
    /// Trash or set-aside values changed: refresh those lists.
    Lists,
    /// Nothing to do (not ours, unreadable, or already the same).
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
        Some(KeyRef::Trash(_) | KeyRef::Quarantine(_)) => return Incoming::Lists,
        _ => return Incoming::Ignore,
    }
    let Some(raw) = new_value else {
        return match (local, locally_dirty) {
            (None, _) => Incoming::Ignore,
            (Some(_), true) => Incoming::RemovedWhileEditing { key: key.into() },
            (Some(_), false) => Incoming::Remove { key: key.into() },
        };
    };
    // A value this tab cannot read (damaged, or from a newer version) is left alone; the
    // next start deals with it.
    let Ok(theirs) = decode(raw) else {
        return Incoming::Ignore;
    };
    if theirs.key() != key {
        return Incoming::Ignore;
    }
    match local {
        Some(ours) if ours.same_data(&theirs) => Incoming::Ignore,
        Some(_) if locally_dirty => Incoming::Conflict { theirs },
        _ => Incoming::Upsert(theirs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Record};

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
            (key, Some("{broken"), Some(&ours), false, Incoming::Ignore),
            ("mend:case:b", Some(&t), None, false, Incoming::Ignore),
            (
                "mend:trash:case:a",
                Some("{}"),
                None,
                false,
                Incoming::Lists,
            ),
            ("mend:quarantine:q", None, None, false, Incoming::Lists),
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
