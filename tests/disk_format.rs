//! What is on disk does not change shape. The files in `tests/fixtures/disk-2026-12/` were
//! written by the build of 2026-12-01 (main at c0b269f, before records went through serde):
//! one stored record of every kind, a trash entry, a set-aside note, a share link's text and
//! a backup file. Each must load, and write back exactly the same JSON.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;

use mend::store::backup::{ItemStatus, export, plan_import};
use mend::store::load::load_all;
use mend::store::record::decode;
use mend::store::share::{Shared, from_text, to_text};
use mend::store::trash::read_trash;
use mend::store::{AnyRecord, MemoryBackend};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/disk-2026-12/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

const RECORDS: [&str; 4] = [
    "case.json",
    "clause.json",
    "reflection.json",
    "settings.json",
];

/// Every field of `old` is in `new`, with the same value (`new` may have more: fields added
/// since, at their defaults; and a record's schema version `v` may have moved on).
fn keeps_everything(old: &Value, new: &Value, at: &str) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => {
            for (k, v) in o {
                let field = format!("{at}.{k}");
                let moved_on = |a: &Value, b: &Value| a.as_u64() <= b.as_u64();
                match n.get(k) {
                    Some(newer) if k == "v" && moved_on(v, newer) => {}
                    Some(newer) => keeps_everything(v, newer, &field),
                    None => panic!("{field} is gone"),
                }
            }
        }
        (Value::Array(o), Value::Array(n)) if o.len() == n.len() => {
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                keeps_everything(a, b, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(old, new, "{at}"),
    }
}

#[test]
fn every_kind_of_record_reads_and_writes_back_the_same_json() {
    for name in RECORDS {
        let raw = fixture(name);
        let record = decode(&raw).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = json(&record.encode());
        // Cases are at version 3 and settings at 2 now: every field they had stays as it was.
        if name == "case.json" || name == "settings.json" {
            keeps_everything(&json(&raw), &again, name);
            continue;
        }
        assert_eq!(again, json(&raw), "{name}");
    }
}

#[test]
fn the_fields_read_as_written() {
    let AnyRecord::Case(case) = decode(&fixture("case.json")).unwrap() else {
        panic!("not a case")
    };
    assert_eq!(case.data.client.name, "Zoë \"Z\" <b>Ødegaard</b> 😀");
    assert_eq!(case.data.currency, "EUR");
    assert_eq!(case.data.numbers.invoiced, Some(272_000));
    assert_eq!(case.data.resolve.options.len(), 5);
    assert_eq!(case.data.resolve.options[3].minutes, Some(90));
    assert_eq!(case.data.resolve.options[4].percent, Some(15));
    assert_eq!(case.data.decide.exit, vec![true, false, true]);
    assert_eq!(case.data.clause.as_ref().unwrap().id, "clauseFixture0001");
    assert_eq!(case.data.listen.notes, "Notes\nwith a newline");
    let settings = decode(&fixture("settings.json")).unwrap();
    let AnyRecord::Settings(settings) = settings else {
        panic!("not settings")
    };
    assert_eq!(settings.data.currency, "GBP");
    assert_eq!(settings.data.dismissed_nudges, vec!["caseOld000000001"]);
}

#[test]
fn trash_and_set_aside_entries_load_as_written() {
    let raw = fixture("trash-case.json");
    let item = read_trash("mend:trash:case:caseTrashed00001", &raw).unwrap();
    assert_eq!(item.deleted, 1_795_999_999_500);
    keeps_everything(&json(&raw), &json(&item.encode()), "trash");

    let mut b = MemoryBackend::new();
    for name in RECORDS {
        let record = decode(&fixture(name)).unwrap();
        b.plant(&record.key(), &fixture(name));
    }
    b.plant("mend:trash:case:caseTrashed00001", &raw);
    b.plant(
        "mend:quarantine:q00000000000001",
        &fixture("quarantine.json"),
    );
    let before = b.snapshot();
    let loaded = load_all(&mut b, 0, &mut || "unused".into()).unwrap();
    assert_eq!(loaded.records.len(), 4);
    assert_eq!(loaded.trash.len(), 1);
    assert_eq!(loaded.quarantined.len(), 1);
    assert_eq!(
        loaded.quarantined[0].entry.key,
        "mend:case:broken0000000001"
    );
    assert!(loaded.newer.is_empty());
    assert_eq!(b.snapshot(), before, "loading changes nothing stored");
}

#[test]
fn a_share_link_text_reads_and_writes_back_the_same() {
    let raw = fixture("share-case.json");
    let shared = from_text(&raw).unwrap();
    assert!(matches!(&shared, Shared::Case(c) if c.client.name.starts_with("Zoë")));
    keeps_everything(&json(&raw), &json(&to_text(&shared)), "link");
}

#[test]
fn the_backup_file_imports_whole_and_exports_the_same_records() {
    let text = fixture("backup.json");
    let plan = plan_import(&text, &|_| None, &|_| false).unwrap();
    assert!(plan.checksum_ok, "the checksum still matches");
    // Four records of this build, and one from a newer version that cannot be read here.
    assert_eq!(plan.count(&ItemStatus::New), 4);
    assert_eq!(plan.items.len(), 5);
    assert_eq!(plan.trash.len(), 1);
    let records: Vec<AnyRecord> = plan
        .items
        .iter()
        .filter_map(|i| i.incoming.clone())
        .collect();
    let again = json(&export(
        &records,
        &[],
        &plan.trash,
        1_796_000_000_000,
        "0.1.0",
    ));
    let file = json(&text);
    let readable = |v: &Value| -> Vec<Value> {
        v["records"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] != "invoice")
            .cloned()
            .collect()
    };
    keeps_everything(
        &Value::Array(readable(&file)),
        &Value::Array(readable(&again)),
        "records",
    );
    keeps_everything(&file["trash"], &again["trash"], "trash");
}
