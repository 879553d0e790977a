//! Property tests of everything that reads untrusted text: share links, backup files, stored
//! records, and the small parsers behind form fields. Each property runs on generated inputs
//! (random text, and valid inputs cut short or changed by a character) and must never panic;
//! where the input is valid, it must read back exactly what was written.
//!
//! `cargo test` runs a few hundred inputs per property. `make fuzz` runs the same properties
//! on many more (MEND_FUZZ_CASES, default 512 here) and prints how many ran.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use mend::model::clause::parse_days;
use mend::model::money::parse_money;
use mend::model::{Date, Record, sample};
use mend::store::AnyRecord;
use mend::store::backup::{export, plan_import};
use mend::store::record::decode;
use mend::store::share::{ShareError, Shared, frame, from_text, to_text, unframe};

fn cases() -> u32 {
    std::env::var("MEND_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

/// Runs `test` on `cases()` inputs from `strategy`; prints the count.
fn check<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let count = AtomicUsize::new(0);
    runner
        .run(&strategy, |input| {
            count.fetch_add(1, Ordering::Relaxed);
            test(input);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let n = count.load(Ordering::Relaxed);
    println!("{name}: {n} inputs, none panicked");
}

/// A valid input, then cut, changed or added to at a random place.
fn mutated(valid: String) -> impl Strategy<Value = String> {
    let len = valid.chars().count();
    (0..=len, any::<char>(), 0..3u8).prop_map(move |(at, ch, how)| {
        let chars: Vec<char> = valid.chars().collect();
        let mut out: Vec<char> = chars.clone();
        match how {
            0 => out.truncate(at),
            1 if at < len => out[at] = ch,
            _ => out.insert(at, ch),
        }
        out.into_iter().collect()
    })
}

fn link_for(n: usize) -> String {
    let text = to_text(&Shared::Case(Box::new(sample::case(n))));
    payload(&frame(text.as_bytes(), n.is_multiple_of(2)))
}

/// The part of a link after `#/shared/`, which is what the app hands to `unframe`.
fn payload(link: &str) -> String {
    link.strip_prefix("#/shared/")
        .expect("frame makes a share path")
        .to_owned()
}

#[test]
fn share_links_never_panic_and_changed_links_are_refused() {
    check("share link: random text", ".{0,300}", |s: String| {
        let _ = unframe(&s);
        let _ = from_text(&s);
    });
    let link = link_for(3);
    let original = unframe(&link).expect("a valid link").data;
    check(
        "share link: valid link cut or changed",
        mutated(link.clone()),
        move |s: String| {
            match unframe(&s) {
                // Only an unchanged payload may come back (a change in the frame's padding
                // characters may be tolerated, but never different data).
                Ok(f) => assert_eq!(f.data, original, "a changed link read as other data: {s}"),
                Err(
                    ShareError::Empty
                    | ShareError::NotMend
                    | ShareError::WrongVersion(_)
                    | ShareError::Truncated { .. }
                    | ShareError::Damaged
                    | ShareError::TooLarge
                    | ShareError::WrongPassphrase,
                ) => {}
            }
        },
    );
    check(
        "share link: any bytes round-trip",
        (
            proptest::collection::vec(any::<u8>(), 0..600),
            any::<bool>(),
        ),
        |(data, encrypted): (Vec<u8>, bool)| {
            let f = unframe(&payload(&frame(&data, encrypted))).expect("a link we made reads back");
            assert_eq!((f.data, f.encrypted), (data, encrypted));
        },
    );
}

fn backup_of(n: usize) -> String {
    let records: Vec<AnyRecord> = (0..n)
        .map(|i| {
            AnyRecord::Case(Record::new(
                format!("case{i:012}"),
                1_700_000_000_000,
                sample::case(i),
            ))
        })
        .collect();
    export(&records, &[], &[], 1_760_000_000_000, "fuzz")
}

#[test]
fn backup_files_never_panic_and_a_valid_one_reads_back() {
    let nothing_here = |_: &str| None;
    let no_trash = |_: &str| false;
    check("backup: random text", ".{0,400}", |s: String| {
        let _ = plan_import(&s, &nothing_here, &no_trash);
    });
    check(
        "backup: random JSON-ish text",
        r#"\{"format":"mend-backup","version":[0-9],"records":\[.{0,80}\],"trash":\[\]\}"#,
        |s: String| {
            let _ = plan_import(&s, &nothing_here, &no_trash);
        },
    );
    let file = backup_of(2);
    check(
        "backup: valid file cut or changed",
        mutated(file),
        move |s: String| {
            if let Ok(plan) = plan_import(&s, &nothing_here, &no_trash) {
                // A changed file never passes its checksum silently with changed records.
                for item in plan.items.iter().filter_map(|i| i.incoming.as_ref()) {
                    if plan.checksum_ok {
                        let AnyRecord::Case(r) = item else { continue };
                        let n: usize = r.id[4..].parse().unwrap_or(usize::MAX);
                        assert_eq!(Some(&r.data), (n < 2).then(|| sample::case(n)).as_ref());
                    }
                }
            }
        },
    );
    check(
        "backup: exported cases read back the same",
        0usize..40,
        |n: usize| {
            let plan = plan_import(&backup_of(n), &nothing_here, &no_trash).expect("our own file");
            assert!(plan.checksum_ok);
            assert_eq!(plan.items.len(), n);
            for (i, item) in plan.items.iter().enumerate() {
                let Some(AnyRecord::Case(r)) = &item.incoming else {
                    panic!("entry {i} did not read")
                };
                assert_eq!(r.data, sample::case(r.id[4..].parse().unwrap()));
            }
        },
    );
}

#[test]
fn stored_records_and_field_parsers_never_panic() {
    check("stored record: random text", ".{0,300}", |s: String| {
        let _ = decode(&s);
    });
    let stored = AnyRecord::Case(Record::new("abc".into(), 1, sample::case(5))).encode();
    check(
        "stored record: valid record cut or changed",
        mutated(stored),
        |s: String| {
            let _ = decode(&s);
        },
    );
    check(
        "date field: typed text, a date from 1900 to 2100 or nothing saved",
        "[0-9 -]{0,14}|[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}",
        |s: String| match Date::typed(&s) {
            Ok(Some(d)) => {
                assert!((Date::FIRST..=Date::LAST).contains(&d), "{s:?} → {d}");
                assert_eq!(d.iso(), s.trim(), "a date reads back as typed");
            }
            Ok(None) => assert!(s.trim().is_empty(), "{s:?} cleared the date"),
            Err(_) => {}
        },
    );
    check(
        "date field: every day from 1900 to 2100 types in",
        0i32..=73_413,
        |n: i32| {
            let d = Date::FIRST.add_days(n);
            assert_eq!(Date::typed(&d.iso()), Ok(Some(d)));
        },
    );
    check("field parsers: random text", ".{0,40}", |s: String| {
        let _ = Date::parse(&s);
        let _ = parse_money(&s, "USD");
        let _ = parse_money(&s, "JPY");
        let _ = parse_days(&s);
    });
}

/// A case whose figures are any numbers at all (as a damaged or hand-made file could hold).
fn case_with_figures(v: [i64; 10], percents: [u32; 3]) -> mend::model::Case {
    use mend::model::case::{Outcome, RemedyKind, RemedyOption};
    let mut c = sample::case(v[0].unsigned_abs() as usize % 50);
    c.amount = Some(v[0]);
    c.numbers.minutes_spent = Some(v[1]);
    c.numbers.hourly_worth = Some(v[2]);
    c.numbers.materials = Some(v[3]);
    c.numbers.other_costs = Some(v[4]);
    c.numbers.invoiced = Some(v[5]);
    c.numbers.future_revenue = Some(v[6]);
    c.numbers.dispute_minutes = Some(v[7]);
    c.resolve.peace.next_purchase = Some(v[8]);
    c.resolve.peace.now_percent = Some(percents[0]);
    c.resolve.peace.next_percent = Some(percents[1]);
    c.decide.concession = Some(v[9]);
    c.decide.outcome = Some(Outcome::ResolvedWithConcession);
    c.resolve.options = RemedyKind::ALL
        .iter()
        .map(|kind| RemedyOption {
            kind: *kind,
            amount: Some(v[3]),
            percent: Some(percents[2]),
            minutes: Some(v[1]),
            ..RemedyOption::default()
        })
        .collect();
    c
}

#[test]
fn money_sums_never_overflow_whatever_the_figures() {
    use mend::model::case::{GoodFaith, Talks, Validity};
    use mend::model::counsel::{CostCheck, Past, reading, time_warning};
    use mend::model::numbers::{figures, peace_comparison, remedy_cost};
    use mend::model::trends::{Entry, ledger, trends};
    let figure = prop_oneof![
        any::<i64>(),
        Just(i64::MAX),
        Just(i64::MIN),
        Just(mend::model::money::MAX_AMOUNT),
        0i64..1_000_000,
    ];
    check(
        "money: any figures in a case and across many cases",
        (
            proptest::array::uniform10(figure),
            proptest::array::uniform3(any::<u32>()),
            1usize..40,
        ),
        |(v, p, copies): ([i64; 10], [u32; 3], usize)| {
            let case = case_with_figures(v, p);
            let f = figures(&case);
            let past = Past {
                cases: 3,
                taking_advantage: (v[8].unsigned_abs() % 3) as usize,
                concessions: v[9],
                clause: None,
            };
            // Every stage of the reading: not heard, then each answer on validity, stuck or not.
            let mut heard = case.clone();
            heard.restate.confirmed_at = Some(v[4]);
            let validities = [
                None,
                Some(Validity::Yes),
                Some(Validity::Partly),
                Some(Validity::No),
            ];
            for (i, valid) in validities.into_iter().enumerate() {
                heard.resolve.valid = valid;
                heard.resolve.talks = (i % 2 == 0).then_some(Talks::Stuck);
                heard.diagnose.good_faith = (v[7] % 2 == 0).then_some(GoodFaith::TakingAdvantage);
                let r = reading(&heard, past.clone());
                let _ = r.gesture_text(&heard);
            }
            let _ = reading(&case, past.clone()).gesture_text(&case);
            let _ = time_warning(&case, &f);
            let _ = peace_comparison(&case, &f);
            for o in &case.resolve.options {
                if let Some(cost) = remedy_cost(o, &case) {
                    let _ = CostCheck::new(cost, &case, &f).text(&case, &f);
                }
            }
            let today = Date::from_ymd(2026, 12, 1).unwrap();
            let entries: Vec<Entry> = (0..copies)
                .map(|_| Entry {
                    id: "x",
                    on: today,
                    case: &case,
                })
                .collect();
            let _ = trends(&entries, today);
            let _ = ledger(&entries, today);
            // A case with such figures never loads: it is refused with the field named.
            let in_range = case.check_figures().is_ok();
            let stored = AnyRecord::Case(Record::new("abc".into(), 1, case)).encode();
            assert_eq!(decode(&stored).is_ok(), in_range);
        },
    );
}
