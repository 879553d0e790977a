//! Start-up: read every Mend key, migrate what is old, set aside what is damaged (keeping its
//! raw text), leave what is newer untouched, and load the rest. One bad record never stops
//! the others from loading.

use serde::{Deserialize, Serialize};

use super::backend::{Backend, StorageError};
use super::record::{AnyRecord, DecodeError, KeyRef, PREFIX, decode, parse_key};
use super::save::write_verified;
use super::trash::{TrashItem, read_trash};

/// A value that could not be read, moved aside with its raw text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuarantineEntry {
    /// The key it was found under.
    pub key: String,
    /// Exactly what was stored.
    pub raw: String,
    /// Why it could not be read, in words.
    pub reason: String,
    /// When it was moved aside (ms).
    pub at: i64,
}

impl QuarantineEntry {
    /// Reads a set-aside note stored under `key`; a damaged note is itself kept as the raw
    /// text (found at `now`).
    pub fn read(key: &str, raw: &str, now: i64) -> QuarantineEntry {
        serde_json::from_str(raw)
            .or_else(|_| serde_json::from_str(&readable_escapes(raw)))
            .ok()
            .and_then(|v| crate::model::json::from_json(v).ok())
            .unwrap_or_else(|| QuarantineEntry {
                key: key.into(),
                raw: raw.into(),
                reason: "the set-aside note itself is damaged".into(),
                at: now,
            })
    }
}

/// The note's JSON with each escape that is half of a surrogate pair (which the browser
/// writes for a value cut inside an emoji, and serde_json refuses) shown as U+FFFD. Only for
/// reading the note: what is stored stays as it was.
fn readable_escapes(json: &str) -> String {
    replace_lone_surrogates(json, "\\ufffd")
}

/// JSON text with each `\uD800`–`\uDFFF` escape that is not half of a pair replaced by `with`.
pub(crate) fn replace_lone_surrogates(json: &str, with: &str) -> String {
    let unit = |s: &str| s.get(2..6).and_then(|h| u16::from_str_radix(h, 16).ok());
    let (mut out, mut rest) = (String::with_capacity(json.len()), json);
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let escape = match unit(rest) {
            Some(hi @ 0xD800..=0xDBFF) if rest.get(6..8) == Some("\\u") => {
                match rest.get(6..).and_then(unit) {
                    Some(0xDC00..=0xDFFF) => Some((12, None)),
                    _ => Some((6, Some(hi))),
                }
            }
            Some(u @ 0xD800..=0xDFFF) => Some((6, Some(u))),
            Some(_) => Some((6, None)),
            // `\\`, `\"` and the rest: two characters, kept.
            None => None,
        };
        let (take, lone) = escape.unwrap_or((2, None));
        let take = take.min(rest.len());
        match lone {
            Some(_) => out.push_str(with),
            None => out.push_str(&rest[..take]),
        }
        rest = &rest[take..];
    }
    out.push_str(rest);
    out
}

/// A quarantined value as listed on the Backup screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    /// Where the entry lives now: its quarantine key, or the original key when moving it
    /// aside failed (then it is left exactly where it was).
    pub storage_key: String,
    pub entry: QuarantineEntry,
}

/// A record this build cannot read because a newer Mend wrote it. Kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct NewerRecord {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// Everything found at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub records: Vec<AnyRecord>,
    pub trash: Vec<TrashItem>,
    pub quarantined: Vec<Quarantined>,
    pub newer: Vec<NewerRecord>,
}

pub fn quarantine_key(id: &str) -> String {
    format!("{PREFIX}quarantine:{id}")
}

/// What one stored value turned out to be.
enum Found {
    Record(AnyRecord),
    Trash(TrashItem),
    /// Unreadable: moved aside, with why.
    Damaged(String),
    /// Written by a newer version: left where it is, untouched.
    Newer(String),
    /// Already set aside earlier.
    SetAside,
}

/// Reads every Mend key. Damaged values are moved to `mend:quarantine:<id>` (ids from
/// `new_id`); if that write fails the value stays where it is and is still reported.
pub fn load_all(
    backend: &mut dyn Backend,
    now: i64,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Loaded, StorageError> {
    let mut loaded = Loaded::default();
    let mut keys = backend.keys()?;
    crate::model::order::sort_by_key(&mut keys, |k| crate::model::order::text(k));
    for key in keys {
        let Some(kind) = parse_key(&key) else {
            continue;
        };
        let Some(raw) = backend.get(&key)? else {
            continue;
        };
        let found = match kind {
            KeyRef::Record(kind, id) => match decode(&raw) {
                Ok(rec) if rec.kind() == kind && rec.id() == id => Found::Record(rec),
                Ok(_) => Found::Damaged("its contents belong to another record".into()),
                Err(e @ DecodeError::Newer { .. }) => Found::Newer(e.to_string()),
                Err(e) => Found::Damaged(e.to_string()),
            },
            KeyRef::Trash(_) => match read_trash(&key, &raw) {
                Ok(item) => Found::Trash(item),
                Err(e) if e.is_corrupt() => Found::Damaged(e.to_string()),
                Err(e) => Found::Newer(e.to_string()),
            },
            KeyRef::Quarantine(_) => Found::SetAside,
            // Under our prefix but of no kind this build knows: say only what is known.
            KeyRef::Unknown => {
                Found::Newer("kept untouched; this version of Mend cannot read it".into())
            }
        };
        match found {
            Found::Record(rec) => loaded.records.push(rec),
            Found::Trash(item) => loaded.trash.push(item),
            Found::Damaged(reason) => loaded
                .quarantined
                .push(set_aside(backend, key, raw, reason, now, new_id)),
            Found::Newer(reason) => loaded.newer.push(NewerRecord { key, raw, reason }),
            Found::SetAside => loaded.quarantined.push(Quarantined {
                entry: QuarantineEntry::read(&key, &raw, now),
                storage_key: key,
            }),
        }
    }
    crate::model::order::sort_by_key(&mut loaded.trash, |t| (-t.deleted, 0, t.key.clone()));
    Ok(loaded)
}

/// Moves `raw` (found under `key`) aside to a quarantine key, with why; the original key is
/// removed once the copy is safely written. If that write fails, the value stays where it was
/// and is still listed.
pub(crate) fn set_aside(
    backend: &mut dyn Backend,
    key: String,
    raw: String,
    reason: String,
    now: i64,
    new_id: &mut dyn FnMut() -> String,
) -> Quarantined {
    let entry = QuarantineEntry {
        key: key.clone(),
        raw,
        reason,
        at: now,
    };
    let qkey = quarantine_key(&new_id());
    // The note is written with the value exactly as stored, filled in by the backend.
    let note = crate::model::json::to_json(&QuarantineEntry {
        raw: String::new(),
        ..entry.clone()
    })
    .to_string();
    let moved = match backend.note_with_value(&key, &note) {
        Ok(Some(text)) => {
            write_verified(backend, &qkey, &text).is_ok() && backend.remove(&key).is_ok()
        }
        _ => false,
    };
    Quarantined {
        storage_key: if moved { qkey } else { key },
        entry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Record, Settings};
    use crate::store::backend::MemoryBackend;
    use crate::store::record::{Kind, SETTINGS_ID, record_key};

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("q{n}")
        }
    }

    fn case(id: &str, client: &str) -> AnyRecord {
        AnyRecord::Case(Record::new(id.into(), 10, Case::for_client(client)))
    }

    #[test]
    fn a_clause_that_does_not_read_as_a_clause_is_set_aside_at_start() {
        let mut b = MemoryBackend::new();
        let good = AnyRecord::Clause(Record::new(
            "good".into(),
            10,
            crate::model::Clause::default(),
        ));
        let mut bad = good.with_id("bad".into()).to_envelope();
        bad.data = serde_json::json!({"variant": 5});
        b.set(&good.key(), &good.encode()).unwrap();
        b.set("mend:clause:bad", &bad.to_value().to_string())
            .unwrap();
        let loaded = load_all(&mut b, 20, &mut ids()).unwrap();
        assert_eq!(loaded.records, vec![good.clone()]);
        assert_eq!(loaded.quarantined.len(), 1);
        let q = &loaded.quarantined[0];
        assert_eq!(q.storage_key, "mend:quarantine:q1");
        assert_eq!(q.entry.key, "mend:clause:bad");
        // Said in our words, never the parser's.
        assert_eq!(
            q.entry.reason,
            "a value in it is not in the form Mend expects"
        );
        assert_eq!(b.get("mend:clause:bad").unwrap(), None);
        assert_eq!(b.get("mend:clause:good").unwrap(), Some(good.encode()));
    }

    #[test]
    fn good_records_load_and_foreign_keys_are_ignored() {
        let mut b = MemoryBackend::new();
        let a = case("a", "Ann");
        let s = AnyRecord::Settings(Record::new(SETTINGS_ID.into(), 1, Settings::default()));
        b.plant(&a.key(), &a.encode());
        b.plant(&s.key(), &s.encode());
        b.plant("someone-else", "{}");
        let loaded = load_all(&mut b, 0, &mut ids()).unwrap();
        assert_eq!(loaded.records, vec![a, s]);
        assert!(loaded.quarantined.is_empty() && loaded.newer.is_empty());
        assert_eq!(b.get("someone-else").unwrap().as_deref(), Some("{}"));
    }

    #[test]
    fn a_note_with_half_an_emoji_still_reads_and_pairs_are_kept() {
        let cut = r#"{"key":"mend:case:a","raw":"ab\ud83d","reason":"r","at":5}"#;
        assert!(serde_json::from_str::<serde_json::Value>(cut).is_err());
        let e = QuarantineEntry::read("mend:quarantine:x", cut, 9);
        assert_eq!((e.raw.as_str(), e.at), ("ab\u{fffd}", 5));
        let whole = r#"{"raw":"\ud83d\ude00 \\ud83d \n"}"#;
        assert_eq!(
            readable_escapes(whole),
            r#"{"raw":"\ud83d\ude00 \\ud83d \n"}"#
        );
        assert_eq!(readable_escapes(r#""\udc00\ud800x""#), r#""\ufffd\ufffdx""#);
    }

    #[test]
    fn a_corrupt_record_is_quarantined_with_its_raw_text_and_the_rest_loads() {
        let mut b = MemoryBackend::new();
        let good = case("good", "Ann");
        b.plant(&good.key(), &good.encode());
        b.plant(
            "mend:case:bad",
            "{\"kind\":\"case\",\"id\":\"bad\",\"v\":1,\"crea",
        );
        let loaded = load_all(&mut b, 99, &mut ids()).unwrap();
        assert_eq!(loaded.records, vec![good]);
        assert_eq!(loaded.quarantined.len(), 1);
        let q = &loaded.quarantined[0];
        assert_eq!(q.storage_key, "mend:quarantine:q1");
        assert_eq!(q.entry.key, "mend:case:bad");
        assert!(q.entry.raw.ends_with("\"crea"));
        assert_eq!(q.entry.reason, "its saved text is damaged or cut off");
        assert_eq!(b.get("mend:case:bad").unwrap(), None, "moved aside");
        let kept: QuarantineEntry = crate::model::json::from_json(
            serde_json::from_str(&b.get("mend:quarantine:q1").unwrap().unwrap()).unwrap(),
        )
        .unwrap();
        assert_eq!(kept, q.entry);

        // The next start lists it again, from the quarantine key.
        let again = load_all(&mut b, 200, &mut ids()).unwrap();
        assert_eq!(again.quarantined, loaded.quarantined);
    }

    #[test]
    fn a_record_under_the_wrong_key_is_quarantined() {
        let mut b = MemoryBackend::new();
        b.plant(&record_key(Kind::Case, "x"), &case("y", "Ann").encode());
        let loaded = load_all(&mut b, 0, &mut ids()).unwrap();
        assert!(loaded.records.is_empty());
        assert_eq!(loaded.quarantined.len(), 1);
    }

    #[test]
    fn when_storage_is_full_a_corrupt_value_stays_in_place_and_is_still_reported() {
        let mut b = MemoryBackend::new();
        b.plant("mend:case:bad", "garbage");
        b.quota = Some(b.used());
        let loaded = load_all(&mut b, 0, &mut ids()).unwrap();
        assert_eq!(loaded.quarantined[0].storage_key, "mend:case:bad");
        assert_eq!(b.get("mend:case:bad").unwrap().as_deref(), Some("garbage"));
    }

    #[test]
    fn records_from_a_newer_version_are_kept_untouched_and_reported() {
        let mut b = MemoryBackend::new();
        let mut env = case("n", "Ann").to_envelope();
        env.v = 7;
        let raw = env.to_value().to_string();
        b.plant("mend:case:n", &raw);
        b.plant("mend:invoice:z", "{\"anything\":1}");
        let before = b.snapshot();
        let loaded = load_all(&mut b, 0, &mut ids()).unwrap();
        assert!(loaded.records.is_empty() && loaded.quarantined.is_empty());
        assert_eq!(loaded.newer.len(), 2);
        assert!(
            loaded
                .newer
                .iter()
                .any(|n| n.key == "mend:case:n" && n.raw == raw)
        );
        assert_eq!(b.snapshot(), before);
    }

    #[test]
    fn unavailable_storage_is_an_error_not_an_empty_load() {
        let mut b = MemoryBackend {
            unavailable: true,
            ..Default::default()
        };
        assert_eq!(
            load_all(&mut b, 0, &mut ids()),
            Err(StorageError::Unavailable)
        );
    }
}
