//! The clock and the calendar where the user is.

use crate::model::Date;

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The local offset from UTC in minutes, east positive.
pub fn local_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Today's date where the user is.
pub(crate) fn today() -> Date {
    Date::from_timestamp(now_ms(), local_offset_minutes())
}
