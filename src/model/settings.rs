//! The user's settings: one record.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// ISO 4217 code used for new cases.
    pub currency: String,
    /// When the last backup file was written (ms since 1970), if ever.
    pub last_export: Option<i64>,
    /// Closed cases whose "reflect on it" nudge was waved away (never shown again).
    pub dismissed_nudges: Vec<String>,
    /// The user's name, to sign drafted messages.
    pub name: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            currency: "USD".into(),
            last_export: None,
            dismissed_nudges: Vec::new(),
            name: String::new(),
        }
    }
}

impl Settings {
    /// Two tabs (or devices) changed the settings from the same `base`: keep both sides'
    /// changes. A setting changed here wins over the same one left alone there; lists are
    /// joined; the last export is the later of the two.
    pub fn merge(base: &Settings, ours: &Settings, theirs: &Settings) -> Settings {
        let pick = |b: &String, o: &String, t: &String| if o != b { o.clone() } else { t.clone() };
        let mut dismissed = theirs.dismissed_nudges.clone();
        for id in &ours.dismissed_nudges {
            if !dismissed.contains(id) {
                dismissed.push(id.clone());
            }
        }
        Settings {
            currency: pick(&base.currency, &ours.currency, &theirs.currency),
            last_export: ours.last_export.max(theirs.last_export),
            dismissed_nudges: dismissed,
            name: pick(&base.name, &ours.name, &theirs.name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(currency: &str, last_export: Option<i64>, dismissed: &[&str]) -> Settings {
        Settings {
            currency: currency.into(),
            last_export,
            dismissed_nudges: dismissed.iter().map(|d| d.to_string()).collect(),
            name: String::new(),
        }
    }

    #[test]
    fn both_sides_changes_are_kept() {
        let base = s("USD", Some(5), &["a"]);
        // (ours, theirs, merged)
        let table = [
            // Only theirs changed: take theirs.
            (
                base.clone(),
                s("EUR", Some(9), &["a", "b"]),
                s("EUR", Some(9), &["a", "b"]),
            ),
            // Only ours changed: keep ours.
            (
                s("GBP", Some(5), &["a"]),
                base.clone(),
                s("GBP", Some(5), &["a"]),
            ),
            // Different settings changed on each side: both kept.
            (
                s("GBP", Some(5), &["a"]),
                s("USD", Some(9), &["a", "b"]),
                s("GBP", Some(9), &["a", "b"]),
            ),
            // The same setting changed on both sides: ours wins (the one in front of the user).
            (
                s("GBP", None, &["a", "c"]),
                s("EUR", Some(7), &["a", "b"]),
                s("GBP", Some(7), &["a", "b", "c"]),
            ),
        ];
        for (ours, theirs, merged) in table {
            assert_eq!(
                Settings::merge(&base, &ours, &theirs),
                merged,
                "{ours:?} / {theirs:?}"
            );
        }
    }
}
