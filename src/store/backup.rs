//! Backup files: export everything as one versioned JSON file with a checksum; import it back
//! with validation, a preview, and a merge in which nothing is replaced without a choice.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::fmt;

use super::backend::Backend;
use super::load::NewerRecord;
use super::record::{AnyRecord, Kind, decode_value};
use super::save::{SaveError, write_verified};
use super::trash::{TrashItem, read_trash, trash_key};
use crate::model::Date;

pub const FORMAT: &str = "mend-backup";
pub const FORMAT_VERSION: u32 = 1;
/// Larger than any browser's storage for one site, so a bigger file cannot be ours.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// SHA-256 of the records and trash, as compact JSON with sorted keys.
fn checksum(records: &[Value], trash: &[Value]) -> String {
    let body = json!({ "records": records, "trash": trash }).to_string();
    let digest = Sha256::digest(body.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The whole backup file's text. Records from a newer version are included as they are.
pub fn export(
    records: &[AnyRecord],
    newer: &[NewerRecord],
    trash: &[TrashItem],
    now: i64,
    app_version: &str,
) -> String {
    let mut values: Vec<Value> = records.iter().map(|r| r.to_envelope().to_value()).collect();
    values.extend(
        newer
            .iter()
            .filter_map(|n| serde_json::from_str(&n.raw).ok()),
    );
    let trash: Vec<Value> = trash
        .iter()
        .filter_map(|t| serde_json::from_str(&t.encode()).ok())
        .collect();
    let mut file = Map::new();
    file.insert("format".into(), FORMAT.into());
    file.insert("version".into(), FORMAT_VERSION.into());
    file.insert("exported".into(), now.into());
    file.insert("app".into(), app_version.into());
    file.insert("checksum".into(), checksum(&values, &trash).into());
    file.insert("records".into(), Value::Array(values));
    file.insert("trash".into(), Value::Array(trash));
    serde_json::to_string_pretty(&Value::Object(file)).unwrap_or_default()
}

/// `mend-backup-2026-11-22.json`.
pub fn file_name(today: Date) -> String {
    format!("mend-backup-{}.json", today.iso())
}

/// Why a file cannot be imported. Each says what is wrong in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge { bytes: usize },
    NotJson,
    Truncated,
    NotABackup,
    NewerFormat { version: u64 },
    Damaged(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("This file is empty."),
            ImportError::TooLarge { bytes } => {
                // Tenths of a megabyte, in integers: keeps float formatting out of the wasm.
                let tenths = (*bytes as u64 * 10 + 524_288) / 1_048_576;
                write!(
                    f,
                    "This file is {}.{} MB, too large to be a Mend backup (the limit is {} MB).",
                    tenths / 10,
                    tenths % 10,
                    MAX_IMPORT_BYTES / 1_048_576
                )
            }
            ImportError::NotJson => f.write_str(
                "This file is not a Mend backup: it is not the kind of text file Mend writes.",
            ),
            ImportError::Truncated => f.write_str(
                "This backup file ends too early: it was probably cut off while copying or downloading. Try the original file.",
            ),
            ImportError::NotABackup => f.write_str(
                "This file is readable, but it is not a Mend backup (it does not say it is one).",
            ),
            ImportError::NewerFormat { version } => write!(
                f,
                "This backup was made by a newer version of Mend (format {version}). Update Mend, then import it."
            ),
            ImportError::Damaged(why) => write!(f, "This backup file is damaged: {why}."),
        }
    }
}

/// How an incoming record compares with what is here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemStatus {
    /// Not here yet.
    New,
    /// Already here, with the same contents.
    Identical,
    /// Here, but the file's copy was changed more recently.
    Newer,
    /// Here, and the copy here was changed more recently (or at the same time).
    Older,
    /// Cannot be imported, and why.
    Invalid(String),
}

/// What to do with one incoming record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Add it (it is new).
    Add,
    /// Keep what is here and add the file's copy under a new id.
    KeepBoth,
    /// Replace what is here with the file's copy.
    Replace,
    /// Leave it out.
    Skip,
}

/// One row of the import preview.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportItem {
    pub incoming: Option<AnyRecord>,
    pub status: ItemStatus,
    /// A title for the preview (the record's, or a description of the bad entry).
    pub title: String,
    pub choice: Choice,
}

impl ImportItem {
    /// The choices that make sense for this row; the first is the default.
    pub fn choices(&self) -> &'static [Choice] {
        match (&self.status, self.incoming.as_ref().map(AnyRecord::kind)) {
            (ItemStatus::New, _) => &[Choice::Add, Choice::Skip],
            (ItemStatus::Identical | ItemStatus::Invalid(_), _) => &[Choice::Skip],
            (_, Some(Kind::Settings)) => &[Choice::Skip, Choice::Replace],
            _ => &[Choice::KeepBoth, Choice::Replace, Choice::Skip],
        }
    }
}

/// A validated file, ready to preview.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// False when the checksum is missing or does not match: the user must confirm.
    pub checksum_ok: bool,
    pub exported: Option<i64>,
    pub items: Vec<ImportItem>,
    /// Deleted records in the file that are not in this trash yet.
    pub trash: Vec<TrashItem>,
}

impl ImportPlan {
    pub fn count(&self, status: &ItemStatus) -> usize {
        self.items
            .iter()
            .filter(|i| std::mem::discriminant(&i.status) == std::mem::discriminant(status))
            .count()
    }
}

/// One entry of a file's record list: parsed, or why it could not be, in our words.
type Entry = Result<Value, &'static str>;

/// A file's top level, and its record list read entry by entry (when it has one).
type FileParts = (Map<String, Value>, Option<Vec<Entry>>);

/// Stands in for half of an emoji while the file is read: no text Mend writes holds it.
const CUT: &str = "\\u0000";

/// The file's top level, and its records one by one, so that a value cut inside an emoji
/// costs only its own record. A file that is not JSON, or ends too early, is refused whole.
fn read_file(text: &str) -> Result<FileParts, ImportError> {
    let parsed = serde_json::from_str::<Value>(text).or_else(|e| {
        let what = e.to_string();
        if what.contains("surrogate") || what.contains("hex escape") {
            serde_json::from_str(&super::load::replace_lone_surrogates(text, CUT))
        } else {
            Err(e)
        }
    });
    let parts = match parsed {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err(ImportError::NotABackup),
        Err(e) if e.is_eof() => return Err(ImportError::Truncated),
        Err(e) if e.to_string().contains("number out of range") => {
            return Err(ImportError::Damaged(
                "it holds a number far larger than any Mend writes".into(),
            ));
        }
        Err(_) => return Err(ImportError::NotJson),
    };
    let records = parts.get("records").and_then(Value::as_array).map(|list| {
        list.iter()
            .map(|v| match holds_cut(v) {
                true => Err("it holds a character that was cut in half, so its text is damaged"),
                false => Ok(v.clone()),
            })
            .collect()
    });
    Ok((parts, records))
}

/// Whether any text in `v` holds the stand-in for a cut character.
fn holds_cut(v: &Value) -> bool {
    match v {
        Value::String(s) => s.contains('\0'),
        Value::Array(a) => a.iter().any(holds_cut),
        Value::Object(o) => o.values().any(holds_cut),
        _ => false,
    }
}

/// Reads and validates a backup file's text; `existing` looks up the record here by key.
/// Fails only when the whole file is unusable; bad entries become `Invalid` rows.
pub fn plan_import(
    text: &str,
    existing: &dyn Fn(&str) -> Option<AnyRecord>,
    existing_trash: &dyn Fn(&str) -> bool,
) -> Result<ImportPlan, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (file, records) = read_file(text)?;
    if file.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotABackup);
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(ImportError::NewerFormat { version: v });
        }
        _ => return Err(ImportError::Damaged("its format version is missing".into())),
    }
    let Some(records) = records else {
        return Err(ImportError::Damaged(
            "its list of records is missing".into(),
        ));
    };
    let trash = match file.get("trash") {
        None => Vec::new(),
        Some(Value::Array(t)) => t.clone(),
        Some(_) => return Err(ImportError::Damaged("its trash is not a list".into())),
    };
    // A file with an unreadable entry cannot match its checksum: the user confirms.
    let readable: Option<Vec<Value>> = records.iter().map(|r| r.clone().ok()).collect();
    let checksum_ok = readable.is_some_and(|all| {
        file.get("checksum").and_then(Value::as_str) == Some(&checksum(&all, &trash))
    });

    let mut seen: Vec<String> = Vec::new();
    let items = records
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let invalid = |why: String| ImportItem {
                incoming: None,
                status: ItemStatus::Invalid(why),
                title: format!("Entry {} in the file", i + 1),
                choice: Choice::Skip,
            };
            let value = match value {
                Ok(v) => v.clone(),
                Err(why) => return invalid(why.to_string()),
            };
            let record = match decode_value(value) {
                Ok(r) => r,
                Err(e) => return invalid(format!("it cannot be read: {e}")),
            };
            // A linear look-up: a backup holds at most a few thousand records.
            if seen.contains(&record.key()) {
                return invalid("it appears twice in the file".into());
            }
            seen.push(record.key());
            let status = match existing(&record.key()) {
                None => ItemStatus::New,
                Some(here) if here.same_data(&record) => ItemStatus::Identical,
                Some(here) if record.updated() > here.updated() => ItemStatus::Newer,
                Some(_) => ItemStatus::Older,
            };
            let mut item = ImportItem {
                title: record.title(),
                incoming: Some(record),
                status,
                choice: Choice::Skip,
            };
            item.choice = item.choices()[0];
            item
        })
        .collect();

    let trash = trash
        .iter()
        .filter_map(|v| {
            let raw = v.to_string();
            let kind_id = v.get("record").map(|r| {
                (
                    r.get("kind").and_then(Value::as_str).unwrap_or(""),
                    r.get("id").and_then(Value::as_str).unwrap_or(""),
                )
            })?;
            let key = trash_key(Kind::parse(kind_id.0)?, kind_id.1);
            let item = read_trash(&key, &raw).ok()?;
            (!existing_trash(&key) && existing(&item.record.key()).is_none()).then_some(item)
        })
        .collect();

    Ok(ImportPlan {
        checksum_ok,
        exported: file.get("exported").and_then(Value::as_i64),
        items,
        trash,
    })
}

/// What an import wrote, for the app to take into memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOutcome {
    /// Records written (new ones, copies, and replacements).
    pub written: Vec<AnyRecord>,
    pub trash: Vec<TrashItem>,
}

/// Applies the user's choices. All or nothing: if any write fails, everything written so
/// far is undone and the error returned.
pub fn apply_import(
    backend: &mut dyn Backend,
    plan: &ImportPlan,
    new_id: &mut dyn FnMut() -> String,
) -> Result<ImportOutcome, SaveError> {
    let mut outcome = ImportOutcome::default();
    let mut undo: Vec<(String, Option<String>)> = Vec::new();
    let mut write = |backend: &mut dyn Backend, key: String, text: String| {
        let before = backend.get(&key)?;
        undo.push((key.clone(), before));
        write_verified(backend, &key, &text)
    };
    let result = (|| {
        for item in &plan.items {
            let Some(record) = &item.incoming else {
                continue;
            };
            let record = match item.choice {
                Choice::Skip => continue,
                Choice::Add | Choice::Replace => record.clone(),
                Choice::KeepBoth => record.with_id(new_id()),
            };
            write(backend, record.key(), record.encode())?;
            outcome.written.push(record);
        }
        for item in &plan.trash {
            write(backend, item.key.clone(), item.encode())?;
            outcome.trash.push(item.clone());
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(outcome),
        Err(e) => {
            for (key, before) in undo.into_iter().rev() {
                let _ = match before {
                    Some(text) => backend.set(&key, &text),
                    None => backend.remove(&key),
                };
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Record, Settings};
    use crate::store::backend::{MemoryBackend, StorageError};
    use crate::store::record::SETTINGS_ID;
    use std::collections::BTreeMap;

    fn case(id: &str, client: &str, updated: i64) -> AnyRecord {
        AnyRecord::Case(Record {
            id: id.into(),
            created: 1,
            updated,
            data: Case::for_client(client),
        })
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("copy{n}")
        }
    }

    fn here(records: &[AnyRecord]) -> impl Fn(&str) -> Option<AnyRecord> + '_ {
        move |key| records.iter().find(|r| r.key() == key).cloned()
    }

    fn no_trash(_: &str) -> bool {
        false
    }

    #[test]
    fn export_then_import_into_empty_storage_gives_identical_records() {
        let records = vec![
            case("a", "Ann, \"A\" <script>alert(1)</script>", 5),
            case("b", "Bo 😀 مرحبا", 6),
            AnyRecord::Settings(Record::new(SETTINGS_ID.into(), 1, Settings::default())),
        ];
        let trash = vec![TrashItem {
            key: trash_key(Kind::Case, "t"),
            deleted: 9,
            record: case("t", "Gone", 3),
        }];
        let text = export(&records, &[], &trash, 100, "0.1.0");
        let plan = plan_import(&text, &|_| None, &no_trash).unwrap();
        assert!(plan.checksum_ok);
        assert_eq!(plan.exported, Some(100));
        assert!(
            plan.items
                .iter()
                .all(|i| i.status == ItemStatus::New && i.choice == Choice::Add)
        );
        let mut b = MemoryBackend::new();
        let out = apply_import(&mut b, &plan, &mut ids()).unwrap();
        assert_eq!(out.written, records);
        assert_eq!(out.trash, trash);
        let expected: BTreeMap<String, String> = records
            .iter()
            .map(|r| (r.key(), r.encode()))
            .chain(trash.iter().map(|t| (t.key.clone(), t.encode())))
            .collect();
        assert_eq!(b.snapshot(), expected);
    }

    #[test]
    fn the_preview_classifies_each_record_and_defaults_to_keeping_both() {
        let mine = vec![
            case("same", "Same", 5),
            case("theirs-newer", "Old text", 5),
            case("mine-newer", "My text", 50),
            case("same-time", "Mine", 5),
        ];
        let incoming = vec![
            case("same", "Same", 9),
            case("theirs-newer", "New text", 9),
            case("mine-newer", "Their text", 9),
            case("same-time", "Theirs", 5),
            case("fresh", "Fresh", 1),
            AnyRecord::Settings(Record::new(
                SETTINGS_ID.into(),
                1,
                Settings {
                    currency: "EUR".into(),
                    ..Settings::default()
                },
            )),
        ];
        let mut with_settings = mine.clone();
        with_settings.push(AnyRecord::Settings(Record::new(
            SETTINGS_ID.into(),
            1,
            Settings::default(),
        )));
        let text = export(&incoming, &[], &[], 1, "x");
        let plan = plan_import(&text, &here(&with_settings), &no_trash).unwrap();
        let rows: Vec<(String, ItemStatus, Choice)> = plan
            .items
            .iter()
            .map(|i| (i.title.clone(), i.status.clone(), i.choice))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("Same".into(), ItemStatus::Identical, Choice::Skip),
                ("New text".into(), ItemStatus::Newer, Choice::KeepBoth),
                ("Their text".into(), ItemStatus::Older, Choice::KeepBoth),
                ("Theirs".into(), ItemStatus::Older, Choice::KeepBoth),
                ("Fresh".into(), ItemStatus::New, Choice::Add),
                ("Settings".into(), ItemStatus::Older, Choice::Skip),
            ]
        );
        assert_eq!(plan.count(&ItemStatus::Older), 3);
    }

    #[test]
    fn merging_never_replaces_without_a_choice() {
        let mine = vec![case("a", "Mine", 5)];
        let mut b = MemoryBackend::new();
        b.set(&mine[0].key(), &mine[0].encode()).unwrap();
        let text = export(&[case("a", "Theirs", 9)], &[], &[], 1, "x");

        // Default: keep both.
        let plan = plan_import(&text, &here(&mine), &no_trash).unwrap();
        let out = apply_import(&mut b, &plan, &mut ids()).unwrap();
        assert_eq!(out.written, vec![case("copy1", "Theirs", 9)]);
        assert_eq!(b.get("mend:case:a").unwrap().unwrap(), mine[0].encode());

        // Skip: nothing changes.
        let mut plan = plan_import(&text, &here(&mine), &no_trash).unwrap();
        plan.items[0].choice = Choice::Skip;
        let before = b.snapshot();
        assert_eq!(
            apply_import(&mut b, &plan, &mut ids()).unwrap(),
            ImportOutcome::default()
        );
        assert_eq!(b.snapshot(), before);

        // Replace, when chosen.
        plan.items[0].choice = Choice::Replace;
        apply_import(&mut b, &plan, &mut ids()).unwrap();
        assert_eq!(
            b.get("mend:case:a").unwrap().unwrap(),
            case("a", "Theirs", 9).encode()
        );
    }

    #[test]
    fn a_failed_write_during_import_undoes_everything() {
        let mine = vec![case("a", "Mine", 5)];
        let mut b = MemoryBackend::new();
        b.set(&mine[0].key(), &mine[0].encode()).unwrap();
        let big = "x".repeat(500);
        let text = export(
            &[
                case("a", "Theirs", 9),
                case("b", "B", 1),
                case("c", &big, 1),
            ],
            &[],
            &[],
            1,
            "x",
        );
        let mut plan = plan_import(&text, &here(&mine), &no_trash).unwrap();
        plan.items[0].choice = Choice::Replace;
        b.quota = Some(b.used() + 400);
        let before = b.snapshot();
        assert_eq!(
            apply_import(&mut b, &plan, &mut ids()),
            Err(SaveError::Storage(StorageError::QuotaExceeded))
        );
        assert_eq!(b.snapshot(), before);
    }

    #[test]
    fn a_checksum_mismatch_is_reported_for_confirmation() {
        let text = export(&[case("a", "Ann", 1)], &[], &[], 1, "x");
        let tampered = text.replace("Ann", "Eve");
        let plan = plan_import(&tampered, &|_| None, &no_trash).unwrap();
        assert!(!plan.checksum_ok);
        assert_eq!(plan.items[0].title, "Eve");
        let missing: Value = {
            let mut v: Value = serde_json::from_str(&text).unwrap();
            v.as_object_mut().unwrap().remove("checksum");
            v
        };
        assert!(
            !plan_import(&missing.to_string(), &|_| None, &no_trash)
                .unwrap()
                .checksum_ok
        );
    }

    #[test]
    fn every_kind_of_bad_file_gets_its_own_error() {
        let good = export(&[case("a", "Ann", 1)], &[], &[], 1, "x");
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        let table: Vec<(String, ImportError)> = vec![
            ("".into(), ImportError::Empty),
            ("  \n".into(), ImportError::Empty),
            (
                huge,
                ImportError::TooLarge {
                    bytes: MAX_IMPORT_BYTES + 1,
                },
            ),
            ("hello, this is a letter".into(), ImportError::NotJson),
            (
                "<html><script>alert(1)</script>".into(),
                ImportError::NotJson,
            ),
            ("\u{0}\u{1}binary".into(), ImportError::NotJson),
            (good[..good.len() / 2].into(), ImportError::Truncated),
            ("[1,2,3]".into(), ImportError::NotABackup),
            ("{\"some\":\"json\"}".into(), ImportError::NotABackup),
            (
                good.replace("\"version\": 1", "\"version\": 2"),
                ImportError::NewerFormat { version: 2 },
            ),
            (
                good.replace("\"version\": 1", "\"version\": \"one\""),
                ImportError::Damaged("its format version is missing".into()),
            ),
            (
                good.replace("\"records\"", "\"rekords\""),
                ImportError::Damaged("its list of records is missing".into()),
            ),
            (
                good.replace("\"trash\": []", "\"trash\": 5"),
                ImportError::Damaged("its trash is not a list".into()),
            ),
        ];
        for (text, expected) in table {
            let got = plan_import(&text, &|_| None, &no_trash).unwrap_err();
            assert_eq!(got, expected, "{}", &text[..text.len().min(60)]);
            assert!(got.to_string().ends_with('.'), "{got}");
        }
    }

    #[test]
    fn one_unreadable_value_costs_only_its_own_record() {
        let good = export(&[case("a", "Ann", 1), case("b", "Bo", 1)], &[], &[], 1, "x");
        // Records with a value Mend cannot take: a number beyond its field, half an emoji.
        let bad = [
            r#"{"kind":"case","id":"big","v":4,"created":9223372036854775808,"updated":1,"data":{}}"#,
            r#"{"kind":"case","id":"cut","v":4,"created":1,"updated":1,"data":{"disputed":"ab\ud83d"}}"#,
        ];
        let text = good.replacen(
            "\"records\": [",
            &format!("\"records\": [{},", bad.join(",")),
            1,
        );
        let plan = plan_import(&text, &|_| None, &no_trash).expect("the file imports");
        assert!(!plan.checksum_ok, "a changed file is confirmed by the user");
        let rows: Vec<(&str, String)> = plan
            .items
            .iter()
            .map(|i| match &i.status {
                ItemStatus::Invalid(why) => ("invalid", why.clone()),
                _ => ("ok", i.title.clone()),
            })
            .collect();
        assert_eq!(rows.iter().filter(|r| r.0 == "ok").count(), 2, "{rows:?}");
        let whys: Vec<&str> = rows
            .iter()
            .filter(|r| r.0 == "invalid")
            .map(|r| r.1.as_str())
            .collect();
        assert_eq!(whys.len(), 2, "{rows:?}");
        assert!(whys.iter().any(|w| w.contains("cut in half")), "{whys:?}");
        assert!(
            whys.iter()
                .any(|w| w.contains("not in the form Mend expects")),
            "{whys:?}"
        );
        for why in &whys {
            assert_no_library_words(why);
        }
        let mut b = MemoryBackend::new();
        let outcome = apply_import(&mut b, &plan, &mut ids()).unwrap();
        assert_eq!(outcome.written.len(), 2);
        // A number no JSON reader can hold makes the file unreadable as a whole, said so.
        let huge = good.replacen("\"exported\": 1", "\"exported\": 1e999", 1);
        assert_eq!(
            plan_import(&huge, &|_| None, &no_trash)
                .unwrap_err()
                .to_string(),
            "This backup file is damaged: it holds a number far larger than any Mend writes."
        );
    }

    /// What a person reads is in Mend's words: never a parser's or a browser's.
    pub(crate) fn assert_no_library_words(text: &str) {
        for word in [
            "invalid type",
            "invalid value",
            "expected",
            "line ",
            "column",
            "EOF",
            "serde",
            "i64",
            "u64",
            "Error",
            "error",
        ] {
            assert!(!text.contains(word), "library words ({word}) in: {text}");
        }
    }

    #[test]
    fn every_message_a_person_reads_is_in_our_words() {
        use crate::store::backend::StorageError;
        use crate::store::record::{DecodeError, decode};
        use crate::store::share::ShareError;
        let mut messages: Vec<String> = vec![
            ImportError::Empty.to_string(),
            ImportError::TooLarge { bytes: 20 << 20 }.to_string(),
            ImportError::NotJson.to_string(),
            ImportError::Truncated.to_string(),
            ImportError::NotABackup.to_string(),
            ImportError::NewerFormat { version: 3 }.to_string(),
            StorageError::Unavailable.to_string(),
            StorageError::QuotaExceeded.to_string(),
            StorageError::Failed("QuotaError: DOMException 22".into()).to_string(),
            DecodeError::WrongShape(
                "invalid value: integer `9223372036854775808`, expected i64".into(),
            )
            .to_string(),
            DecodeError::Unparseable("EOF while parsing a value at line 1 column 3".into())
                .to_string(),
            crate::model::date::DATE_RANGE.to_string(),
        ];
        for e in [
            ShareError::Empty,
            ShareError::NotMend,
            ShareError::WrongVersion('9'),
            ShareError::Truncated { missing: 4 },
            ShareError::Damaged,
            ShareError::TooLarge,
            ShareError::WrongPassphrase,
        ] {
            messages.push(e.to_string());
        }
        // And what decoding says of real damage.
        for raw in [
            "{",
            "[]",
            r#"{"kind":"case","id":"x","v":4,"created":1,"updated":1,"data":{"amount":"x"}}"#,
        ] {
            messages.push(decode(raw).unwrap_err().to_string());
        }
        for text in ["", "{", "[1]", "{\"format\":\"mend-backup\"}"] {
            if let Err(e) = plan_import(text, &|_| None, &no_trash) {
                messages.push(e.to_string());
            }
        }
        for m in &messages {
            assert_no_library_words(m);
        }
        assert!(
            ShareError::TooLarge
                .to_string()
                .contains("not made by Mend")
        );
    }

    #[test]
    fn bad_entries_are_listed_as_invalid_and_skipped() {
        let mut v: Value = serde_json::from_str(&export(
            &[case("a", "Ann", 1), case("b", "Bo", 1)],
            &[],
            &[],
            1,
            "x",
        ))
        .unwrap();
        let records = v["records"].as_array_mut().unwrap();
        records.push(json!({"kind": "case", "id": "<img src=x onerror=alert(1)>", "v": 1, "created": 1, "updated": 1, "data": {}}));
        records.push(json!("just a string"));
        let dup = records[0].clone();
        records.push(dup);
        let plan = plan_import(&v.to_string(), &|_| None, &no_trash).unwrap();
        let statuses: Vec<bool> = plan
            .items
            .iter()
            .map(|i| matches!(i.status, ItemStatus::Invalid(_)))
            .collect();
        assert_eq!(statuses, vec![false, false, true, true, true]);
        assert!(
            plan.items
                .iter()
                .filter(|i| i.incoming.is_none())
                .all(|i| i.choice == Choice::Skip)
        );
        let ItemStatus::Invalid(why) = &plan.items[4].status else {
            unreachable!()
        };
        assert_eq!(why, "it appears twice in the file");
        let mut b = MemoryBackend::new();
        let out = apply_import(&mut b, &plan, &mut ids()).unwrap();
        assert_eq!(out.written.len(), 2);
    }

    #[test]
    fn records_from_a_newer_version_are_exported_and_not_imported() {
        let newer = NewerRecord {
            key: "mend:case:n".into(),
            raw: "{\"kind\":\"case\",\"id\":\"n\",\"v\":9,\"created\":1,\"updated\":1,\"data\":{}}"
                .into(),
            reason: String::new(),
        };
        let text = export(&[], std::slice::from_ref(&newer), &[], 1, "x");
        assert!(text.contains("\"v\": 9"));
        let plan = plan_import(&text, &|_| None, &no_trash).unwrap();
        assert!(
            matches!(&plan.items[0].status, ItemStatus::Invalid(why) if why.contains("newer version"))
        );
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(
            file_name(Date::from_ymd(2026, 11, 2).unwrap()),
            "mend-backup-2026-11-02.json"
        );
    }
}
