//! The user's settings: one record.

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// ISO 4217 code used for new cases.
    pub currency: String,
    /// When the last backup file was written (ms since 1970), if ever.
    pub last_export: Option<i64>,
    /// Closed cases whose "reflect on it" nudge was waved away (never shown again).
    pub dismissed_nudges: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            currency: "USD".into(),
            last_export: None,
            dismissed_nudges: Vec::new(),
        }
    }
}

crate::json_struct!(Settings {
    currency,
    last_export,
    dismissed_nudges
});
