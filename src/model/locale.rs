//! How amounts, dates and times are written for people: the one door.
//!
//! The model keeps integers and ISO dates, and writes them for people in one plain style
//! ("$1,234.50", "3 Mar 2026", "14:05"), which is what native tests read. In the browser
//! the ui installs the user's own conventions once at start (`ui/browser/locale.rs`, through
//! the platform's Intl), so every reading, draft, list and printout follows them without a
//! locale passed through every function. The app's words stay English either way.

use std::cell::OnceCell;

/// The user's conventions. Each answer may be `None` (the platform could not say), and the
/// plain style is used instead.
pub trait Conventions {
    /// `minor` units of the currency `code`, which has `exponent` decimals: "1.200,50 €".
    fn money(&self, minor: i64, code: &str, exponent: u32) -> Option<String>;
    /// A calendar day: "Dec 4, 2026", "4 Dec 2026", "04.12.2026".
    fn date(&self, year: i32, month: u32, day: u32) -> Option<String>;
    /// A month of a year, for charts and tables: "Mar 2026", "03.2026".
    fn month(&self, year: i32, month: u32) -> Option<String>;
    /// A time of day: "2:05 PM", "14:05".
    fn time(&self, hour: u32, minute: u32) -> Option<String>;
    /// The mark the user writes before decimals: `.` or `,`.
    fn decimal_mark(&self) -> Option<char> {
        None
    }
}

thread_local! {
    static INSTALLED: OnceCell<Box<dyn Conventions>> = const { OnceCell::new() };
}

/// Installs the user's conventions; the first install stands for the life of the page.
pub fn install(conventions: Box<dyn Conventions>) {
    INSTALLED.with(|cell| {
        let _ = cell.set(conventions);
    });
}

/// What the installed conventions write, if any are installed and they could say.
pub(crate) fn written(ask: impl FnOnce(&dyn Conventions) -> Option<String>) -> Option<String> {
    INSTALLED.with(|cell| cell.get().and_then(|c| ask(c.as_ref())))
}

/// The user's decimal mark, when the installed conventions know it.
pub fn decimal_mark() -> Option<char> {
    INSTALLED.with(|cell| cell.get().and_then(|c| c.decimal_mark()))
}

/// An amount as an exact decimal for a formatter: `-1234.50` for −123450 with 2 decimals.
/// A string, not a float, so no amount a user can type is ever rounded on the way.
pub fn decimal(minor: i64, exponent: u32) -> String {
    let scale = 10_u64.pow(exponent);
    let abs = minor.unsigned_abs();
    let sign = if minor < 0 { "-" } else { "" };
    if exponent == 0 {
        return format!("{sign}{abs}");
    }
    format!(
        "{sign}{}.{:0width$}",
        abs / scale,
        abs % scale,
        width = exponent as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::date::human_time;
    use crate::model::money::format_money;

    #[test]
    fn exact_decimals_for_the_formatter() {
        let rows: &[(i64, u32, &str)] = &[
            (0, 2, "0.00"),
            (5, 2, "0.05"),
            (120_050, 2, "1200.50"),
            (-123_450, 2, "-1234.50"),
            (12_000, 0, "12000"),
            (1_234, 3, "1.234"),
            (999_999_999_999_999, 2, "9999999999999.99"),
            (i64::MIN, 2, "-92233720368547758.08"),
        ];
        for (minor, exponent, want) in rows {
            assert_eq!(decimal(*minor, *exponent), *want, "{minor} with {exponent}");
        }
    }

    /// Conventions that answer in a recognisable way, or not at all.
    struct Marked(bool);
    impl Conventions for Marked {
        fn money(&self, minor: i64, code: &str, exponent: u32) -> Option<String> {
            self.0
                .then(|| format!("<{} {code}>", decimal(minor, exponent)))
        }
        fn date(&self, y: i32, m: u32, d: u32) -> Option<String> {
            self.0.then(|| format!("<{d}.{m}.{y}>"))
        }
        fn month(&self, y: i32, m: u32) -> Option<String> {
            self.0.then(|| format!("<{m}.{y}>"))
        }
        fn time(&self, h: u32, m: u32) -> Option<String> {
            self.0.then(|| format!("<{h}h{m}>"))
        }
    }

    // Each test runs on its own thread, so each has its own installed conventions.
    #[test]
    fn the_plain_style_until_conventions_are_installed() {
        let d = Date::parse("2026-12-04").unwrap();
        assert_eq!(format_money(120_050, "EUR"), "€1,200.50");
        assert_eq!(d.human(), "4 Dec 2026");
        assert_eq!(Date::month_name("2026-03"), "Mar 2026");
        assert_eq!(human_time(0, 0), "1 Jan 1970, 00:00");
    }

    #[test]
    fn installed_conventions_write_every_amount_date_and_time() {
        install(Box::new(Marked(true)));
        let d = Date::parse("2026-12-04").unwrap();
        assert_eq!(format_money(120_050, "EUR"), "<1200.50 EUR>");
        assert_eq!(format_money(12_000, "jpy"), "<12000 JPY>");
        assert_eq!(d.human(), "<4.12.2026>");
        assert_eq!(Date::month_name("2026-03"), "<3.2026>");
        assert_eq!(Date::month_year(2025, 10), "<10.2025>");
        // 14:05 on 4 Dec 2026 UTC, read two hours east.
        let ms = 1_796_393_100_000;
        assert_eq!(human_time(ms, 120), "<4.12.2026>, <16h5>");
    }

    /// Conventions whose decimal mark is a comma, as in German or French.
    struct CommaDecimals;
    impl Conventions for CommaDecimals {
        fn money(&self, _: i64, _: &str, _: u32) -> Option<String> {
            None
        }
        fn date(&self, _: i32, _: u32, _: u32) -> Option<String> {
            None
        }
        fn month(&self, _: i32, _: u32) -> Option<String> {
            None
        }
        fn time(&self, _: u32, _: u32) -> Option<String> {
            None
        }
        fn decimal_mark(&self) -> Option<char> {
            Some(',')
        }
    }

    /// Where the decimal mark is a comma, points group thousands ("1.200" is twelve hundred)
    /// and a lone comma is always the decimal mark ("1,250" is not twelve hundred and fifty).
    #[test]
    fn a_comma_decimal_user_types_amounts_their_way() {
        use crate::model::money::{MoneyError, parse_money};
        install(Box::new(CommaDecimals));
        type Row<'a> = (&'a str, Result<Option<i64>, MoneyError>);
        let rows: Vec<Row> = vec![
            ("1.200", Ok(Some(120_000))),
            ("1.200.000", Ok(Some(120_000_000))),
            ("1.200,50", Ok(Some(120_050))),
            ("1200,50", Ok(Some(120_050))),
            ("12,5", Ok(Some(1_250))),
            ("1,250", Err(MoneyError::TooManyDecimals(2))),
            ("1.5", Ok(Some(150))),
            ("12.50", Ok(Some(1_250))),
            ("1200.50", Ok(Some(120_050))),
            ("1.2.3", Err(MoneyError::NotANumber)),
        ];
        for (text, want) in rows {
            assert_eq!(parse_money(text, "EUR"), want, "{text:?}");
        }
    }

    #[test]
    fn conventions_that_cannot_say_fall_back_to_the_plain_style() {
        install(Box::new(Marked(false)));
        assert_eq!(format_money(-500, "USD"), "−$5.00");
        assert_eq!(Date::parse("2026-03-03").unwrap().human(), "3 Mar 2026");
        assert_eq!(human_time(0, 60), "1 Jan 1970, 01:00");
    }
}
