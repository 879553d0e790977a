//! Backup health: how much is stored, how full the browser's storage is, and when to nudge
//! the user to export a backup.

use super::backend::{Backend, StorageError, utf16_len};
use crate::model::date::MS_PER_DAY;

/// About what browsers allow one site in localStorage, in UTF-16 code units.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// Nudge after this many records changed since the last export…
pub const NUDGE_CHANGES: usize = 10;
/// …or when the oldest change not in any backup is this many days old.
pub const NUDGE_DAYS: i64 = 7;

/// Space taken by every key and value this site stored, as the browser counts it.
pub fn units_used(backend: &dyn Backend) -> Result<usize, StorageError> {
    let mut total = 0;
    for key in backend.keys()? {
        total += utf16_len(&key) + backend.get(&key)?.as_deref().map_or(0, utf16_len);
    }
    Ok(total)
}

/// Why the user should export now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportNudge {
    /// Many records changed since the last backup (or there never was one).
    ManyChanges { changed: usize },
    /// The oldest change not in any backup is this many days old.
    Stale { changed: usize, days: i64 },
}

impl ExportNudge {
    pub fn message(&self, ever_exported: bool) -> String {
        let (changed, age) = match self {
            ExportNudge::ManyChanges { changed } => (*changed, String::new()),
            ExportNudge::Stale { changed, days } => {
                (*changed, format!(", the oldest from {days} days ago"))
            }
        };
        let what = plural(changed, "record", "records");
        let state = if ever_exported {
            format!("{what} changed since your last backup")
        } else {
            format!(
                "{what} {} not in any backup yet",
                if changed == 1 { "is" } else { "are" }
            )
        };
        let them = if changed == 1 { "it" } else { "them" };
        format!("{state}{age}. Export a backup file to keep {them} safe.")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether to nudge, from each record's last change time and the last export time.
pub fn export_nudge(updated: &[i64], last_export: Option<i64>, now: i64) -> Option<ExportNudge> {
    let since = last_export.unwrap_or(i64::MIN);
    let unsaved: Vec<i64> = updated.iter().copied().filter(|u| *u > since).collect();
    let changed = unsaved.len();
    let oldest = *unsaved.iter().min()?;
    let days = (now - oldest) / MS_PER_DAY;
    if changed >= NUDGE_CHANGES {
        Some(ExportNudge::ManyChanges { changed })
    } else if days >= NUDGE_DAYS {
        Some(ExportNudge::Stale { changed, days })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::backend::MemoryBackend;

    const DAY: i64 = MS_PER_DAY;

    #[test]
    fn space_is_counted_as_the_browser_counts_it() {
        let mut b = MemoryBackend::new();
        b.set("ab", "cd").unwrap();
        b.set("e", "😀").unwrap();
        assert_eq!(units_used(&b).unwrap(), 4 + 3);
    }

    #[test]
    fn nudge_rules() {
        let now = 100 * DAY;
        let many: Vec<i64> = (0..10).map(|i| now - i).collect();
        let table: Vec<(Vec<i64>, Option<i64>, Option<ExportNudge>)> = vec![
            (vec![], None, None),
            (vec![now - DAY], None, None),
            (
                vec![now - 7 * DAY],
                None,
                Some(ExportNudge::Stale {
                    changed: 1,
                    days: 7,
                }),
            ),
            (vec![now - 30 * DAY], Some(now - 29 * DAY), None),
            (
                vec![now - 30 * DAY, now - 8 * DAY],
                Some(now - 29 * DAY),
                Some(ExportNudge::Stale {
                    changed: 1,
                    days: 8,
                }),
            ),
            (
                many.clone(),
                None,
                Some(ExportNudge::ManyChanges { changed: 10 }),
            ),
            (many[..9].to_vec(), None, None),
            (many, Some(now), None),
        ];
        for (updated, last, expected) in table {
            assert_eq!(
                export_nudge(&updated, last, now),
                expected,
                "{updated:?} {last:?}"
            );
        }
    }

    #[test]
    fn messages_read_well() {
        assert_eq!(
            ExportNudge::Stale {
                changed: 1,
                days: 9
            }
            .message(false),
            "1 record is not in any backup yet, the oldest from 9 days ago. Export a backup file to keep it safe."
        );
        assert_eq!(
            ExportNudge::ManyChanges { changed: 12 }.message(true),
            "12 records changed since your last backup. Export a backup file to keep them safe."
        );
    }
}
