//! The user's own conventions for amounts, dates and times, installed once at start as the
//! model's `locale::Conventions`. The formatting itself is the browser's Intl, in
//! `locale.js` beside this file (what it chooses, and why, is written there).

use crate::model::Date;
use crate::model::date::MS_PER_DAY;
use crate::model::locale::{Conventions, decimal, install};
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/ui/browser/locale.js")]
extern "C" {
    #[wasm_bindgen(js_name = formatMoney)]
    fn format_money(decimal: &str, code: &str, digits: u32) -> Option<String>;
    #[wasm_bindgen(js_name = formatDate)]
    fn format_date(ms: f64) -> Option<String>;
    #[wasm_bindgen(js_name = formatMonth)]
    fn format_month(ms: f64) -> Option<String>;
    #[wasm_bindgen(js_name = formatTime)]
    fn format_time(ms: f64) -> Option<String>;
    #[wasm_bindgen(js_name = decimalMark)]
    fn decimal_mark() -> Option<String>;
}

/// Installs the browser's conventions for the life of the page.
pub fn install_browser_conventions() {
    install(Box::new(Browser));
}

struct Browser;

/// Noon UTC of a day: the same day in every zone, whatever the clocks do.
fn noon(date: Date) -> f64 {
    (i64::from(date.days()) * MS_PER_DAY + MS_PER_DAY / 2) as f64
}

impl Conventions for Browser {
    fn money(&self, minor: i64, code: &str, exponent: u32) -> Option<String> {
        format_money(&decimal(minor, exponent), code, exponent)
    }

    fn date(&self, year: i32, month: u32, day: u32) -> Option<String> {
        format_date(noon(Date::from_ymd(year, month, day)?))
    }

    fn month(&self, year: i32, month: u32) -> Option<String> {
        format_month(noon(Date::from_ymd(year, month, 15)?))
    }

    fn time(&self, hour: u32, minute: u32) -> Option<String> {
        format_time(f64::from(hour * 60 + minute) * 60_000.0)
    }

    fn decimal_mark(&self) -> Option<char> {
        decimal_mark()?.chars().next()
    }
}
