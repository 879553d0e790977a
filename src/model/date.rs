//! Calendar dates and timestamps.
//!
//! Mend only needs whole days (received on, due on, N days later) and millisecond
//! timestamps for "last changed". Days are counted from 1970-01-01 with the civil-calendar
//! conversion by Howard Hinnant ("chrono-Compatible Low-Level Date Algorithms"), which is a
//! few lines and keeps the wasm smaller than a general date-time crate.

use super::locale::written;
use std::fmt;

pub const MS_PER_DAY: i64 = 86_400_000;

/// What a date field says when it cannot take what was typed. // one rule with Date::typed
pub const DATE_RANGE: &str = "Enter a whole date between 1 Jan 1900 and 31 Dec 2100. The date saved before is kept until then.";

/// A calendar date, stored as days since 1970-01-01 and written as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// Builds a date, or `None` when the day does not exist (e.g. 2026-02-30).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Keep to years people type; this also keeps the arithmetic far from overflow.
        if !(1..=9999).contains(&year) {
            return None;
        }
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    pub fn days(self) -> i32 {
        self.0
    }

    /// (year, month 1–12, day 1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// The local date of a timestamp, given the local offset from UTC in minutes
    /// (east positive, so UTC+2 is 120).
    pub fn from_timestamp(ms: i64, offset_minutes: i32) -> Date {
        let local = ms + i64::from(offset_minutes) * 60_000;
        Date(local.div_euclid(MS_PER_DAY) as i32)
    }

    /// Parses `YYYY-MM-DD`, the value of an `<input type="date">`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The first and last day a date field accepts: years people type for a dispute.
    pub const FIRST: Date = Date(-25_567); // 1900-01-01
    pub const LAST: Date = Date(47_846); // 2100-12-31

    /// A date as typed into a date field: empty is no date; a real day from 1900 to 2100 is
    /// a date; anything else (a five-digit year, a day that does not exist, a part left
    /// blank) is refused with what to enter, and the saved date stays as it was.
    pub fn typed(text: &str) -> Result<Option<Date>, &'static str> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        match Date::parse(text) {
            Some(d) if (Date::FIRST..=Date::LAST).contains(&d) => Ok(Some(d)),
            _ => Err(DATE_RANGE),
        }
    }

    /// A word of warning when a date lies far from `today`: likely a slip of the year.
    pub fn far_from(self, today: Date) -> Option<&'static str> {
        let days = today.days_until(self);
        if days > 366 {
            Some("That is more than a year from today. Check the year.")
        } else if days < -366 * 20 {
            Some("That is more than 20 years ago. Check the year.")
        } else {
            None
        }
    }

    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.0 - self.0
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// A short, unambiguous form for people: `3 Mar 2026`, or the user's own (`locale`).
    pub fn human(self) -> String {
        let (y, m, d) = self.ymd();
        if let Some(text) = written(|c| c.date(y, m, d)) {
            return text;
        }
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }

    /// A month key (`2026-03`) as people read it: `Mar 2026`. Anything else comes back as is.
    pub fn month_name(key: &str) -> String {
        match Date::parse(&format!("{key}-01")) {
            Some(d) => {
                let (y, m, _) = d.ymd();
                Date::month_year(y, m)
            }
            None => key.to_string(),
        }
    }

    /// "Mar 2026", for a month of a year.
    pub fn month_year(year: i32, month: u32) -> String {
        if let Some(text) = written(|c| c.month(year, month)) {
            return text;
        }
        let name = MONTHS.get(month.wrapping_sub(1) as usize).unwrap_or(&"");
        format!("{name} {year}")
    }

    /// `2026-03`, for grouping by month.
    pub fn month_key(self) -> String {
        let (y, m, _) = self.ymd();
        format!("{y:04}-{m:02}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A number of days, for people: `1 day`, `3 days`.
pub fn days(n: i32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// Days before today, for people: `today`, `yesterday`, `3 days ago`.
pub fn days_ago(n: i32) -> String {
    match n {
        0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{} ago", days(n)),
    }
}

impl Date {
    /// How far this day is from `today`, for people: `today`, `in 3 days`, `2 days ago`.
    pub fn relative_to(self, today: Date) -> String {
        match today.days_until(self) {
            0 => "today".into(),
            n if n > 0 => format!("in {}", days(n)),
            -1 => "1 day ago".into(),
            n => days_ago(-n),
        }
    }
}

/// Stored as `YYYY-MM-DD`; anything else (or an impossible day) is an error.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    #[inline(never)]
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom("not a date"))
    }
}

/// A timestamp for people: `3 Mar 2026, 14:05` in local time, or the user's own (`locale`).
pub fn human_time(ms: i64, offset_minutes: i32) -> String {
    let local = ms + i64::from(offset_minutes) * 60_000;
    let day = Date(local.div_euclid(MS_PER_DAY) as i32);
    let minutes = local.rem_euclid(MS_PER_DAY) / 60_000;
    let (hour, minute) = ((minutes / 60) as u32, (minutes % 60) as u32);
    let time =
        written(|c| c.time(hour, minute)).unwrap_or_else(|| format!("{hour:02}:{minute:02}"));
    format!("{}, {time}", day.human())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_keys_read_as_month_names() {
        assert_eq!(Date::month_name("2026-03"), "Mar 2026");
        assert_eq!(Date::month_name("2025-10"), "Oct 2025");
        assert_eq!(Date::month_name("garbage"), "garbage");
    }

    #[test]
    fn known_dates_convert_both_ways() {
        let table = [
            (1970, 1, 1, 0),
            (1969, 12, 31, -1),
            (2000, 2, 29, 11_016),
            (2026, 11, 22, 20_779),
            (2024, 12, 31, 20_088),
            (1, 1, 1, -719_162),
            (9999, 12, 31, 2_932_896),
        ];
        for (y, m, d, days) in table {
            let date = Date::from_ymd(y, m, d).unwrap();
            assert_eq!(date.days(), days, "{y}-{m}-{d}");
            assert_eq!(Date::from_days(days).ymd(), (y, m, d));
        }
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        let start = Date::from_ymd(1900, 1, 1).unwrap().days();
        let end = Date::from_ymd(2300, 1, 1).unwrap().days();
        for days in start..end {
            let (y, m, d) = Date::from_days(days).ymd();
            assert_eq!(Date::from_ymd(y, m, d).unwrap().days(), days);
        }
    }

    #[test]
    fn parsing_accepts_only_real_iso_dates() {
        let table = [
            ("2026-11-22", Some((2026, 11, 22))),
            (" 2026-01-05 ", Some((2026, 1, 5))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("2100-02-29", None),
            ("2000-02-29", Some((2000, 2, 29))),
            ("2026-13-01", None),
            ("2026-00-10", None),
            ("2026-04-31", None),
            ("2026-4-3", None),
            ("26-04-03", None),
            ("", None),
            ("2026/04/03", None),
            ("2026-04-03T10:00", None),
            ("+026-04-03", None),
            ("0000-01-01", None),
        ];
        for (text, expected) in table {
            assert_eq!(Date::parse(text).map(Date::ymd), expected, "{text:?}");
        }
    }

    #[test]
    fn arithmetic_and_formatting() {
        let d = Date::from_ymd(2026, 2, 27).unwrap();
        assert_eq!(d.add_days(2).iso(), "2026-03-01");
        assert_eq!(d.add_days(-58).iso(), "2025-12-31");
        assert_eq!(d.days_until(d.add_days(45)), 45);
        assert_eq!(d.add_days(10).days_until(d), -10);
        assert_eq!(d.human(), "27 Feb 2026");
        assert_eq!(d.month_key(), "2026-02");
        assert_eq!(d.to_string(), "2026-02-27");
    }

    #[test]
    fn timestamps_use_the_local_offset() {
        // 2026-11-22 23:30 UTC
        let ms = Date::from_ymd(2026, 11, 22).unwrap().days() as i64 * MS_PER_DAY + 84_600_000;
        assert_eq!(Date::from_timestamp(ms, 0).iso(), "2026-11-22");
        assert_eq!(Date::from_timestamp(ms, 60).iso(), "2026-11-23");
        assert_eq!(Date::from_timestamp(ms, -300).iso(), "2026-11-22");
        assert_eq!(human_time(ms, 0), "22 Nov 2026, 23:30");
        assert_eq!(human_time(ms, 90), "23 Nov 2026, 01:00");
        assert_eq!(Date::from_timestamp(-1, 0).iso(), "1969-12-31");
    }

    #[test]
    fn json_uses_iso_text() {
        use crate::model::json::{from_json, to_json};
        use serde_json::json;
        let d = Date::from_ymd(2026, 3, 9).unwrap();
        assert_eq!(to_json(&d), json!("2026-03-09"));
        assert_eq!(from_json::<Date>(json!("2026-03-09")), Ok(d));
        assert!(from_json::<Date>(json!("2026-02-30")).is_err());
        assert!(from_json::<Date>(json!(7)).is_err());
    }

    #[test]
    fn a_typed_date_is_a_real_day_from_1900_to_2100_or_it_changes_nothing() {
        type Typed = Result<Option<(i32, u32, u32)>, &'static str>;
        let table: [(&str, Typed); 9] = [
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("2026-03-04", Ok(Some((2026, 3, 4)))),
            ("1900-01-01", Ok(Some((1900, 1, 1)))),
            ("2100-12-31", Ok(Some((2100, 12, 31)))),
            ("20255-03-04", Err(DATE_RANGE)),
            ("1899-12-31", Err(DATE_RANGE)),
            ("0002-03-04", Err(DATE_RANGE)),
            ("2026-02-30", Err(DATE_RANGE)),
        ];
        for (text, want) in table {
            assert_eq!(
                Date::typed(text).map(|d| d.map(Date::ymd)),
                want,
                "{text:?}"
            );
        }
        assert_eq!(Date::FIRST.iso(), "1900-01-01");
        assert_eq!(Date::LAST.iso(), "2100-12-31");
    }

    #[test]
    fn a_date_far_from_today_is_flagged() {
        let today = Date::from_ymd(2026, 12, 1).unwrap();
        assert_eq!(today.add_days(300).far_from(today), None);
        assert!(today.add_days(400).far_from(today).is_some());
        assert_eq!(today.add_days(-366 * 19).far_from(today), None);
        assert!(Date::FIRST.far_from(today).is_some());
    }

    #[test]
    fn days_read_relative_to_today() {
        let today = Date::from_ymd(2026, 12, 1).unwrap();
        let table = [
            (0, "today"),
            (1, "in 1 day"),
            (14, "in 14 days"),
            (-1, "1 day ago"),
            (-30, "30 days ago"),
        ];
        for (offset, text) in table {
            assert_eq!(today.add_days(offset).relative_to(today), text);
        }
    }
}
