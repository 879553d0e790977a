//! Figures as people type them into a field: money, hours, a percent or a number of days.
//! What is typed either reads as a figure (or as nothing, when the field is empty) or gives
//! the message to show at the field; the stored value changes only in the first case.

use super::money::{format_for_input, parse_money};
use super::numbers::{hours_for_input, parse_hours};

/// What a figure field holds, and how it is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Minor units of a currency.
    Money,
    /// Minutes, shown and typed as hours.
    Hours,
    /// A whole percent, 0 to 100.
    Percent,
    /// Whole days, 1 to 365 (a clause's windows); never empty.
    Days,
}

/// Reads a typed figure. `Ok(None)`: the field was emptied.
pub fn parse_figure(unit: Unit, text: &str, currency: &str) -> Result<Option<i64>, String> {
    match unit {
        Unit::Money => parse_money(text, currency).map_err(|e| e.to_string()),
        Unit::Hours => parse_hours(text),
        Unit::Percent => parse_percent(text),
        Unit::Days => super::clause::parse_days(text)
            .map(|d| Some(i64::from(d)))
            .map_err(str::to_string),
    }
}

/// A stored figure as it is typed back into its field.
pub fn figure_for_input(unit: Unit, value: i64, currency: &str) -> String {
    match unit {
        Unit::Money => format_for_input(value, currency),
        Unit::Hours => hours_for_input(value),
        Unit::Percent | Unit::Days => value.to_string(),
    }
}

/// What the field shows after the figure.
pub fn unit_label(unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Money => currency.to_string(),
        Unit::Hours => "hours".into(),
        Unit::Percent => "%".into(),
        Unit::Days => "days".into(),
    }
}

/// A whole percent, 0 to 100, with or without the sign. Empty is `Ok(None)`.
pub fn parse_percent(text: &str) -> Result<Option<i64>, String> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(v) if (0..=100).contains(&v) => Ok(Some(v)),
        _ => Err("Enter a whole percent from 0 to 100.".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_figures_read_or_say_what_is_wrong() {
        type Row = (Unit, &'static str, Result<Option<i64>, &'static str>);
        let table: &[Row] = &[
            (Unit::Percent, "", Ok(None)),
            (Unit::Percent, " 15 % ", Ok(Some(15))),
            (Unit::Percent, "0", Ok(Some(0))),
            (Unit::Percent, "100%", Ok(Some(100))),
            (
                Unit::Percent,
                "101",
                Err("Enter a whole percent from 0 to 100."),
            ),
            (
                Unit::Percent,
                "-1",
                Err("Enter a whole percent from 0 to 100."),
            ),
            (
                Unit::Percent,
                "12.5",
                Err("Enter a whole percent from 0 to 100."),
            ),
            (Unit::Hours, "7:30", Ok(Some(450))),
            (Unit::Hours, "", Ok(None)),
            (Unit::Money, "1,234.50", Ok(Some(123_450))),
            (Unit::Money, "", Ok(None)),
            (Unit::Days, "30", Ok(Some(30))),
            (Unit::Days, "", Err("Enter a number of days.")),
            (Unit::Days, "0", Err("Use at least 1 day.")),
            (
                Unit::Days,
                "366",
                Err("That is more than a year. Use 365 days or fewer."),
            ),
        ];
        for (unit, text, expected) in table {
            let got = parse_figure(*unit, text, "USD");
            assert_eq!(got, expected.map_err(str::to_string), "{unit:?} {text:?}");
        }
    }

    #[test]
    fn stored_figures_type_back_as_they_read() {
        let table = [
            (Unit::Money, 123_450, "1234.50"),
            (Unit::Hours, 450, "7.5"),
            (Unit::Percent, 15, "15"),
            (Unit::Days, 30, "30"),
        ];
        for (unit, value, shown) in table {
            let text = figure_for_input(unit, value, "USD");
            assert_eq!(text, shown, "{unit:?}");
            assert_eq!(
                parse_figure(unit, &text, "USD"),
                Ok(Some(value)),
                "{unit:?}"
            );
        }
        assert_eq!(unit_label(Unit::Money, "EUR"), "EUR");
        assert_eq!(unit_label(Unit::Days, "EUR"), "days");
    }
}
