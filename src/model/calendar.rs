//! Check-ins and clause deadlines as calendar events: an iCalendar file (RFC 5545) that
//! Google Calendar, Apple Calendar and Outlook open, so a date is not missed by someone who
//! does not open Mend that week. // G34
//!
//! Every event is a whole day: nothing in a case has a time of day, and an all-day event is
//! the same date in every time zone, across any change of the clocks. The text holds the
//! case's name, the next step in our words, and the user's own note: nothing else from the
//! case (no amounts, no contact details).

use super::Case;
use super::Date;
use super::clause::Windows;
use super::date::MS_PER_DAY;

/// One day to remember.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable across exports, so importing again updates the event instead of doubling it.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// Where the case opens in Mend.
    pub link: String,
}

/// The check-in at `index` of a case, if it has a date.
pub fn check_in(case_id: &str, case: &Case, index: usize, link: &str) -> Option<Event> {
    let ci = case.follow_up.get(index)?;
    let mut description = format!(
        "Next step: get in touch with {}, even if the only news is that you are still on it. Ask whether what you agreed is working.",
        who(case)
    );
    if !ci.note.trim().is_empty() {
        description.push_str(&format!("\n\nYour note: {}", ci.note.trim()));
    }
    Some(Event {
        uid: format!("{case_id}-check-in-{index}@mend"),
        date: ci.due?,
        summary: format!("Check in: {}", case.title()),
        description,
        link: link.to_string(),
    })
}

/// The dates a case's mediation clause gives it, counted from the day it was raised.
pub fn deadlines(case_id: &str, case: &Case, windows: &Windows, link: &str) -> Vec<Event> {
    let Some(raised) = case
        .clause
        .as_ref()
        .and_then(|l| l.raised)
        .or(case.received)
    else {
        return Vec::new();
    };
    windows
        .deadlines(raised)
        .into_iter()
        .enumerate()
        .map(|(n, d)| Event {
            uid: format!("{case_id}-deadline-{n}@mend"),
            date: d.date,
            summary: format!("{}: {}", case.title(), as_event(&d.label)),
            description: format!(
                "A date from the mediation clause in your agreement with {}. Next step: check where the case stands in Mend before this day.",
                who(case)
            ),
            link: link.to_string(),
        })
        .collect()
}

/// The clause dates from `today` on: the ones still worth a reminder.
pub fn deadlines_ahead(
    case_id: &str,
    case: &Case,
    windows: &Windows,
    link: &str,
    today: Date,
) -> Vec<Event> {
    let mut all = deadlines(case_id, case, windows, link);
    all.retain(|e| e.date >= today);
    all
}

/// Every check-in still to do and every clause date still ahead of open cases, soonest
/// first. `cases` gives each case's id, the case, its clause's windows (if it has one) and
/// the link to it.
pub fn upcoming<'a>(
    cases: impl Iterator<Item = (&'a str, &'a Case, Option<Windows>, String)>,
    today: Date,
) -> Vec<Event> {
    let mut out = Vec::new();
    for (id, case, windows, link) in cases {
        for (i, ci) in case.follow_up.iter().enumerate() {
            if !ci.done && ci.due.is_some_and(|d| d >= today) {
                out.extend(check_in(id, case, i, &link));
            }
        }
        if let (false, Some(w)) = (case.is_closed(), windows) {
            out.extend(deadlines_ahead(id, case, &w, &link, today));
        }
    }
    super::order::sort_by_key(&mut out, |e| (i64::from(e.date.days()), 0, e.uid.clone()));
    out
}

/// Whether a case has a check-in still to do from `today` on, or clause dates while open:
/// what decides if Home offers to add them (cheaply, without making the events).
pub fn anything_ahead(case: &Case, today: Date) -> bool {
    let check_in = case
        .follow_up
        .iter()
        .any(|c| !c.done && c.due.is_some_and(|d| d >= today));
    check_in || (!case.is_closed() && case.clause.is_some())
}

/// The calendar file. `stamp_ms` is when it was made (DTSTAMP).
pub fn ics(events: &[Event], stamp_ms: i64) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Mend//Mend//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for e in events {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", text(&e.uid)),
            format!("DTSTAMP:{}", utc(stamp_ms)),
            format!("DTSTART;VALUE=DATE:{}", day(e.date)),
            format!("DTEND;VALUE=DATE:{}", day(e.date.add_days(1))),
            format!("SUMMARY:{}", text(&e.summary)),
            format!(
                "DESCRIPTION:{}",
                text(&format!("{}\n\n{}", e.description, e.link))
            ),
            format!("URL:{}", e.link.replace(['\r', '\n'], "")),
            "TRANSP:TRANSPARENT".into(),
            // 9:00 the day before: time to prepare, in every calendar app.
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", text(&e.summary)),
            "TRIGGER:-PT15H".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l) + "\r\n").collect()
}

/// "The negotiation window ends on" reads as an event: "The negotiation window ends".
fn as_event(label: &str) -> String {
    let label = label.trim().trim_end_matches(':');
    for tail in [" on", " by", " from"] {
        if let Some(head) = label.strip_suffix(tail) {
            return head.to_string();
        }
    }
    label.to_string()
}

fn who(case: &Case) -> String {
    let who = case.client.display();
    if who.is_empty() {
        "the client".into()
    } else {
        who
    }
}

/// `20261208`.
fn day(d: Date) -> String {
    d.iso().replace('-', "")
}

/// `20261201T150000Z`.
fn utc(ms: i64) -> String {
    let seconds = ms.rem_euclid(MS_PER_DAY) / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    format!("{}T{h:02}{m:02}{s:02}Z", day(Date::from_timestamp(ms, 0)))
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, any line
/// break as `\n`, other control characters dropped.
fn text(value: &str) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets go on in the next line after a space (§3.1), never inside
/// a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for ch in line.chars() {
        if used + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += ch.len_utf8();
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::Clause;
    use crate::model::case::{CheckIn, ClauseLink};
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn case_with(check_ins: &[(&str, &str, bool)]) -> Case {
        let mut case = Case::for_client("Priya Natarajan");
        case.follow_up = check_ins
            .iter()
            .map(|(due, note, done)| CheckIn {
                due: Date::parse(due),
                note: note.to_string(),
                done: *done,
            })
            .collect();
        case
    }

    /// Parses the file back with an independent parser: (uid, start date, summary,
    /// description) of each event.
    fn parsed(file: &str) -> Vec<(String, String, String, String)> {
        let cal: Calendar = file.parse().expect("a calendar the parser reads");
        cal.components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .map(|e| {
                let start = match e.get_start() {
                    Some(DatePerhapsTime::Date(d)) => d.to_string(),
                    other => panic!("an all-day start, not {other:?}"),
                };
                (
                    e.get_uid().unwrap().to_string(),
                    start,
                    e.get_summary().unwrap().to_string(),
                    e.get_description().unwrap().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_check_in_parses_back_with_its_day_and_the_users_note() {
        let case = case_with(&[("2027-03-14", "Ask whether the refund arrived", false)]);
        let e = check_in(
            "c1",
            &case,
            0,
            "https://example.test/mend/#/case/c1/follow-up",
        )
        .unwrap();
        // 15:00 UTC on 1 Dec 2026.
        let file = ics(&[e], 1_796_137_200_000);
        assert!(file.contains("DTSTAMP:20261201T150000Z\r\n"), "{file}");
        assert!(file.contains("DTSTART;VALUE=DATE:20270314\r\n"));
        assert!(file.contains("DTEND;VALUE=DATE:20270315\r\n"));
        assert!(file.contains("TRIGGER:-PT15H\r\n"));
        let events = parsed(&file);
        assert_eq!(events.len(), 1);
        let (uid, start, summary, description) = &events[0];
        assert_eq!(uid, "c1-check-in-0@mend");
        assert_eq!(start, "2027-03-14");
        assert_eq!(summary, "Check in: Priya Natarajan");
        assert!(description.starts_with("Next step: get in touch with Priya Natarajan"));
        assert!(description.contains("Your note: Ask whether the refund arrived"));
        assert!(description.ends_with("https://example.test/mend/#/case/c1/follow-up"));
    }

    #[test]
    fn clause_deadlines_parse_back_counted_from_the_day_raised() {
        let mut case = case_with(&[]);
        case.clause = Some(ClauseLink {
            id: "k1".into(),
            raised: Some(date("2026-03-01")),
        });
        let windows = Clause::default().windows();
        let want = windows.deadlines(date("2026-03-01"));
        assert!(!want.is_empty());
        let events = deadlines("c1", &case, &windows, "link");
        let back = parsed(&ics(&events, 0));
        assert_eq!(back.len(), want.len());
        for ((uid, start, summary, _), d) in back.iter().zip(&want) {
            assert!(uid.starts_with("c1-deadline-"));
            assert_eq!(start, &d.date.iso());
            assert!(summary.starts_with("Priya Natarajan: "));
            assert!(
                !summary.ends_with(" on") && !summary.ends_with(':'),
                "{summary}"
            );
        }
    }

    #[test]
    fn hostile_text_is_escaped_and_folded_and_comes_back_whole() {
        let note = "Refund; 50% now, rest \\later\r\nline two\u{7}é—€😀 ".repeat(6);
        let case = case_with(&[("2026-12-08", &note, false)]);
        let file = ics(&[check_in("c1", &case, 0, "l").unwrap()], 0);
        for line in file.split("\r\n") {
            assert!(line.len() <= 75, "a line of {} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        let (_, _, _, description) = &parsed(&file)[0];
        let want = note.trim().replace("\r\n", "\n").replace('\u{7}', "");
        assert!(
            description.contains(&format!("Your note: {want}")),
            "{description}"
        );
    }

    #[test]
    fn folding_never_splits_a_character() {
        for pad in 0..4 {
            let line = format!("{}{}", "x".repeat(70 + pad), "€😀é".repeat(40));
            let folded = fold(&line);
            assert_eq!(folded.replace("\r\n ", ""), line);
            assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        }
    }

    #[test]
    fn upcoming_holds_only_what_is_still_ahead_soonest_first() {
        let today = date("2026-12-01");
        let a = case_with(&[
            ("2026-11-30", "overdue", false),
            ("2026-12-20", "later", false),
            ("2026-12-05", "done", true),
        ]);
        let b = case_with(&[("2026-12-01", "today", false), ("", "no date", false)]);
        let mut closed = case_with(&[("2026-12-10", "after closing", false)]);
        closed.decide.outcome = Some(crate::model::case::Outcome::StoodFirm);
        closed.clause = Some(ClauseLink {
            id: "k".into(),
            raised: Some(date("2026-11-25")),
        });
        let w = Clause::default().windows();
        let list = upcoming(
            [
                ("a", &a, None, "la".to_string()),
                ("b", &b, None, "lb".to_string()),
                ("z", &closed, Some(w), "lz".to_string()),
            ]
            .into_iter(),
            today,
        );
        let got: Vec<(String, &str)> = list
            .iter()
            .map(|e| (e.date.iso(), e.uid.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026-12-01".to_string(), "b-check-in-0@mend"),
                ("2026-12-10".to_string(), "z-check-in-0@mend"),
                ("2026-12-20".to_string(), "a-check-in-1@mend"),
            ],
            "a closed case's check-ins still count; its clause dates do not"
        );
    }

    #[test]
    fn labels_read_as_events() {
        assert_eq!(
            as_event("The negotiation window ends on"),
            "The negotiation window ends"
        );
        assert_eq!(as_event("Meet to negotiate by"), "Meet to negotiate");
        assert_eq!(
            as_event("You may start mediation from"),
            "You may start mediation"
        );
        assert_eq!(
            as_event("Agree a mediator by, or CEDR appoints one:"),
            "Agree a mediator by, or CEDR appoints one"
        );
    }
}
