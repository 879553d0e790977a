//! Money as integer minor units (cents, pence…) of an ISO 4217 currency. Never floats.

use std::fmt;

/// What we know of a currency: its code, how it is usually written, and how many minor
/// units it has (2 for cents, 0 for yen, 3 for fils).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency {
    pub code: &'static str,
    pub symbol: &'static str,
    pub exponent: u32,
    pub name: &'static str,
}

/// The currencies offered in the app; any other valid code also works (2 decimals assumed).
pub const CURRENCIES: &[Currency] = &[
    cur("USD", "$", 2, "US dollar"),
    cur("EUR", "€", 2, "Euro"),
    cur("GBP", "£", 2, "Pound sterling"),
    cur("CAD", "CA$", 2, "Canadian dollar"),
    cur("AUD", "A$", 2, "Australian dollar"),
    cur("NZD", "NZ$", 2, "New Zealand dollar"),
    cur("CHF", "CHF ", 2, "Swiss franc"),
    cur("SEK", "SEK ", 2, "Swedish krona"),
    cur("NOK", "NOK ", 2, "Norwegian krone"),
    cur("DKK", "DKK ", 2, "Danish krone"),
    cur("PLN", "PLN ", 2, "Polish złoty"),
    cur("INR", "₹", 2, "Indian rupee"),
    cur("SGD", "S$", 2, "Singapore dollar"),
    cur("HKD", "HK$", 2, "Hong Kong dollar"),
    cur("ZAR", "R", 2, "South African rand"),
    cur("BRL", "R$", 2, "Brazilian real"),
    cur("MXN", "MX$", 2, "Mexican peso"),
    cur("JPY", "¥", 0, "Japanese yen"),
    cur("KRW", "₩", 0, "South Korean won"),
    cur("KWD", "KWD ", 3, "Kuwaiti dinar"),
];

const fn cur(
    code: &'static str,
    symbol: &'static str,
    exponent: u32,
    name: &'static str,
) -> Currency {
    Currency {
        code,
        symbol,
        exponent,
        name,
    }
}

/// Finds a currency by code; unknown but well-formed codes get two decimals and the code
/// as their symbol.
pub fn currency(code: &str) -> Currency {
    CURRENCIES
        .iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .unwrap_or(Currency {
            code: "XXX",
            symbol: "",
            exponent: 2,
            name: "",
        })
}

/// The largest amount accepted, in major units: far above any small-business dispute, far
/// below where integer arithmetic could overflow.
const MAX_MAJOR: i64 = 1_000_000_000_000;

/// The largest amount a record may hold, in minor units (a trillion in a currency with three
/// decimals). Amounts read from a file or a link beyond it are refused, like typed ones.
pub const MAX_AMOUNT: i64 = MAX_MAJOR * 1000;

/// Adds two amounts without overflow: `None` past what an `i64` holds (never reached by
/// amounts within [`MAX_AMOUNT`] added a few at a time).
pub fn add(a: i64, b: i64) -> Option<i64> {
    a.checked_add(b)
}

/// Adds an amount to a running total without overflow: a total of many amounts stops at the
/// largest figure rather than wrapping to a wrong one.
pub fn add_to(total: &mut i64, amount: i64) {
    *total = total.saturating_add(amount);
}

/// Why typed money could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    Negative,
    TooManyDecimals(u32),
    TooLarge,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::NotANumber => {
                f.write_str("Enter an amount in figures, like 1250 or 1,250.50.")
            }
            MoneyError::Negative => f.write_str("Enter the amount without a minus sign."),
            MoneyError::TooManyDecimals(0) => {
                f.write_str("This currency has no decimals: enter a whole amount.")
            }
            MoneyError::TooManyDecimals(n) => {
                write!(f, "Use at most {n} digits after the decimal point.")
            }
            MoneyError::TooLarge => f.write_str("That amount is too large."),
        }
    }
}

/// Reads an amount a person typed, in the currency `code`, into minor units.
/// Empty text is `Ok(None)`. Accepts a currency symbol or code, spaces, and thousands
/// separators; the decimal separator is a point, or a comma followed only by decimals
/// ("12,50" in EUR is twelve and a half). Where the user's own decimal mark is a comma
/// (`locale::decimal_mark`), points group thousands: "1.200" is twelve hundred.
pub fn parse_money(text: &str, code: &str) -> Result<Option<i64>, MoneyError> {
    let cur = currency(code);
    let mut s: String = text
        .trim()
        .trim_start_matches(cur.symbol.trim())
        .trim_end_matches(cur.symbol.trim())
        .to_string();
    for strip in [cur.code, code] {
        if !strip.is_empty() {
            s = s.replace(strip, "");
        }
    }
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '’' && *c != '_')
        .collect();
    if s.is_empty() {
        return Ok(None);
    }
    if s.starts_with('-') {
        return Err(MoneyError::Negative);
    }
    let s = s.strip_prefix('+').unwrap_or(&s);
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(MoneyError::NotANumber);
    }
    // Which mark separates the decimals? The last one, if it is followed by no other mark
    // and (for a lone comma) by at most the currency's number of decimals.
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    // Where the user's decimal mark is a comma, points group thousands and a lone comma is
    // the decimal mark, whatever follows it.
    let comma_decimals = super::locale::decimal_mark() == Some(',');
    let decimal_at = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(_), None) if comma_decimals && groups_of_three(s) => None,
        (Some(d), None) => Some(d),
        (None, Some(c)) if comma_decimals => (s.matches(',').count() == 1).then_some(c),
        (None, Some(c)) => {
            let after = s.len() - c - 1;
            let commas = s.matches(',').count();
            (commas == 1 && after != 3 && after > 0).then_some(c)
        }
        (None, None) => None,
    };
    let (whole, frac) = match decimal_at {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if frac.contains([',', '.']) || (whole.is_empty() && frac.is_empty()) {
        return Err(MoneyError::NotANumber);
    }
    // Thousands separators must group by three: "1,250" yes, "1.2.3" no.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return Err(MoneyError::NotANumber);
    }
    let whole: String = groups.concat();
    if frac.len() as u32 > cur.exponent {
        return Err(MoneyError::TooManyDecimals(cur.exponent));
    }
    if whole.len() > 13 {
        return Err(MoneyError::TooLarge);
    }
    let major: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::NotANumber)?
    };
    if major > MAX_MAJOR {
        return Err(MoneyError::TooLarge);
    }
    let scale = 10_i64.pow(cur.exponent);
    let mut minor_frac: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| MoneyError::NotANumber)?
    };
    minor_frac *= 10_i64.pow(cur.exponent - frac.len() as u32);
    Ok(Some(major * scale + minor_frac))
}

/// "1.200" or "12.345.678": points between groups of three digits, as thousands.
fn groups_of_three(s: &str) -> bool {
    let mut groups = s.split('.');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && s.contains('.') && groups.all(|g| g.len() == 3)
}

/// `$1,234.50`, `¥12,000`, `CHF 99.00`; negative amounts as `−$5.00`.
/// In the browser, the user's own conventions write it instead (`model::locale`).
pub fn format_money(minor: i64, code: &str) -> String {
    let cur = currency(code);
    let known = if cur.code == "XXX" {
        code.to_ascii_uppercase()
    } else {
        cur.code.to_string()
    };
    if let Some(text) = super::locale::written(|c| c.money(minor, &known, cur.exponent)) {
        return text;
    }
    let symbol = if cur.code == "XXX" {
        format!("{} ", code.to_ascii_uppercase())
    } else {
        cur.symbol.to_string()
    };
    let sign = if minor < 0 { "−" } else { "" };
    format!(
        "{sign}{symbol}{}",
        grouped(minor.unsigned_abs(), cur.exponent)
    )
}

/// The amount as it is typed back into a field: `1234.50`, no symbol, no separators.
pub fn format_for_input(minor: i64, code: &str) -> String {
    super::locale::decimal(minor, currency(code).exponent)
}

fn grouped(minor: u64, exponent: u32) -> String {
    let scale = 10_u64.pow(exponent);
    let whole = (minor / scale).to_string();
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if exponent > 0 {
        out.push_str(&format!(
            ".{:0width$}",
            minor % scale,
            width = exponent as usize
        ));
    }
    out
}

/// `amount × numerator ÷ denominator`, rounded half away from zero, in 128-bit arithmetic.
pub fn mul_div(amount: i64, numerator: i64, denominator: i64) -> i64 {
    if denominator == 0 {
        return 0;
    }
    let n = i128::from(amount) * i128::from(numerator);
    let d = i128::from(denominator);
    let q = n / d;
    let r = n % d;
    let rounded = if 2 * r.abs() >= d.abs() {
        q + if (n < 0) ^ (d < 0) { -1 } else { 1 }
    } else {
        q
    };
    rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// A share of an amount, given in whole percent.
pub fn percent_of(amount: i64, percent: u32) -> i64 {
    mul_div(amount, i64::from(percent), 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_typed_amounts() {
        type Row<'a> = (&'a str, &'a str, Result<Option<i64>, MoneyError>);
        let table: Vec<Row> = vec![
            ("", "USD", Ok(None)),
            ("   ", "USD", Ok(None)),
            ("0", "USD", Ok(Some(0))),
            ("1250", "USD", Ok(Some(125_000))),
            ("1,250", "USD", Ok(Some(125_000))),
            ("1,250.5", "USD", Ok(Some(125_050))),
            ("$1,250.50", "USD", Ok(Some(125_050))),
            ("1 250.50 USD", "USD", Ok(Some(125_050))),
            ("USD 99", "USD", Ok(Some(9_900))),
            (".5", "USD", Ok(Some(50))),
            ("12,50", "EUR", Ok(Some(1_250))),
            ("1.234,56", "EUR", Ok(Some(123_456))),
            ("€ 1.234,56", "EUR", Ok(Some(123_456))),
            ("1'234.50", "CHF", Ok(Some(123_450))),
            ("12,345", "USD", Ok(Some(1_234_500))),
            ("12000", "JPY", Ok(Some(12_000))),
            ("¥12,000", "JPY", Ok(Some(12_000))),
            ("12.5", "JPY", Err(MoneyError::TooManyDecimals(0))),
            ("1.234", "KWD", Ok(Some(1_234))),
            ("1.001", "USD", Err(MoneyError::TooManyDecimals(2))),
            ("-5", "USD", Err(MoneyError::Negative)),
            ("+5", "USD", Ok(Some(500))),
            ("five", "USD", Err(MoneyError::NotANumber)),
            ("1.2.3", "USD", Err(MoneyError::NotANumber)),
            ("12,34,567", "USD", Err(MoneyError::NotANumber)),
            ("1,234,567.89", "USD", Ok(Some(123_456_789))),
            ("1e5", "USD", Err(MoneyError::NotANumber)),
            (".", "USD", Err(MoneyError::NotANumber)),
            ("12..5", "USD", Err(MoneyError::NotANumber)),
            ("99999999999999", "USD", Err(MoneyError::TooLarge)),
            ("1000000000000", "USD", Ok(Some(100_000_000_000_000))),
            ("1000000000001", "USD", Err(MoneyError::TooLarge)),
            ("50", "ABC", Ok(Some(5_000))),
        ];
        for (text, code, expected) in table {
            assert_eq!(parse_money(text, code), expected, "{text:?} in {code}");
        }
    }

    #[test]
    fn formatting_for_people_and_for_fields() {
        let table = [
            (0, "USD", "$0.00", "0.00"),
            (5, "USD", "$0.05", "0.05"),
            (125_050, "USD", "$1,250.50", "1250.50"),
            (-500, "GBP", "−£5.00", "-5.00"),
            (12_000, "JPY", "¥12,000", "12000"),
            (1_234, "KWD", "KWD 1.234", "1.234"),
            (100_000_000, "EUR", "€1,000,000.00", "1000000.00"),
            (4_200, "ABC", "ABC 42.00", "42.00"),
        ];
        for (minor, code, human, input) in table {
            assert_eq!(format_money(minor, code), human);
            assert_eq!(format_for_input(minor, code), input);
            if minor >= 0 {
                assert_eq!(parse_money(input, code), Ok(Some(minor)), "{input}");
            }
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let table = [
            (1_000, 1, 3, 333),
            (1_000, 2, 3, 667),
            (5, 1, 2, 3),
            (-5, 1, 2, -3),
            (250, 15, 100, 38),
            (249, 15, 100, 37),
            (i64::MAX, 2, 1, i64::MAX),
            (7, 1, 0, 0),
        ];
        for (amount, num, den, expected) in table {
            assert_eq!(mul_div(amount, num, den), expected, "{amount}×{num}/{den}");
        }
        assert_eq!(percent_of(12_345, 20), 2_469);
        assert_eq!(percent_of(1, 50), 1);
    }
}
