//! The reflection journal: an entry written after a dispute (optionally about one case), the
//! prevention actions from entries and from cases in one list, search and filters, and the
//! one quiet nudge to reflect on a closed case. G36, G45–G47.

use serde::{Deserialize, Serialize};

use super::case::{Action, ActionStatus, Case, labelled};
use super::date::Date;

labelled!(
    /// "Would I do exactly the same again?" // G46
    Again {
        Yes = "yes" => "Yes",
        Mostly = "mostly" => "Mostly",
        No = "no" => "No",
    }
);

/// The mood scale, 1 to 5, as people read it.
pub const MOODS: [&str; 5] = ["Very low", "Low", "Steady", "Good", "Very good"];

/// Ways to look after yourself after a hard conversation, in the app's words. // G45
pub const CARE: [&str; 5] = [
    "Stepped away from the work for a while",
    "Went for a walk, or moved in some way",
    "Talked it over with someone I trust",
    "Did something unrelated that I enjoy",
    "Slept on it before deciding anything",
];

/// The one-line prompt under each question of an entry.
pub fn explain(key: &str) -> &'static str {
    match key {
        "expected" => "What you and the client expected, before it went wrong.",
        "happened" => "The facts, as calmly as you can put them.",
        "why" => "Often a gap in what was said, or a step that was skipped.",
        "keep" => "What worked, even in a hard moment.",
        "change" => "One or two things, not a list of faults.",
        "again_why" => {
            "If you would do the same again, it was probably the right call. If not, what would you do?"
        }
        "learned" => "In a sentence you would tell a friend starting out.",
        "system" => {
            "A checklist, a template, a clause in your agreement: something that works without remembering."
        }
        "care_note" => "What helped, or what you will do tonight.",
        "tags" => "Words to find it by later, separated by commas.",
        _ => "",
    }
}

/// One journal entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reflection {
    pub date: Option<Date>,
    /// The case it is about, if any (its id).
    pub case: Option<String>,
    /// What was supposed to happen.
    pub expected: String,
    /// What actually happened.
    pub happened: String,
    /// Why the two differed.
    pub why: String,
    pub keep: String,
    pub change: String,
    pub again: Option<Again>,
    pub again_why: String,
    pub learned: String,
    /// The system or process to put in place; each becomes an action below. // G36
    pub system: String,
    pub actions: Vec<Action>,
    /// Which of `CARE` were done, by position.
    pub care: Vec<bool>,
    pub care_note: String,
    /// 1 to 5, see `MOODS`.
    pub mood_before: Option<u32>,
    pub mood_after: Option<u32>,
    /// Tags, separated by commas, as typed.
    pub tags: String,
}

impl Reflection {
    /// The entry as it reads on paper: each answered question with its answer, in order.
    /// `case` is the title of the case it is about, if any.
    pub fn answers(&self, case: Option<&str>) -> Vec<(&'static str, String)> {
        let joined = |items: Vec<String>| items.join("; ");
        let mood = |v: Option<u32>| {
            v.and_then(|v| (v as usize).checked_sub(1))
                .and_then(|i| MOODS.get(i))
                .copied()
                .unwrap_or("?")
        };
        let mut rows: Vec<(&'static str, String)> = vec![
            ("Date", self.date.map(|d| d.human()).unwrap_or_default()),
            ("The case", case.unwrap_or_default().to_string()),
            ("What was supposed to happen", self.expected.clone()),
            ("What actually happened", self.happened.clone()),
            ("Why they differed", self.why.clone()),
            ("Keep doing", self.keep.clone()),
            ("Change", self.change.clone()),
            (
                "Would I do exactly the same again?",
                self.again
                    .map(|a| format!("{}. {}", a.label(), self.again_why.trim()))
                    .unwrap_or_default(),
            ),
            ("What I learned", self.learned.clone()),
            ("System to put in place", self.system.clone()),
            (
                "Actions",
                joined(
                    self.actions
                        .iter()
                        .filter(|a| !a.text.trim().is_empty())
                        .map(|a| format!("{} ({})", a.text.trim(), a.status.label()))
                        .collect(),
                ),
            ),
            (
                "Looking after myself",
                joined(
                    CARE.iter()
                        .zip(self.care.iter())
                        .filter(|(_, on)| **on)
                        .map(|(c, _)| c.to_string())
                        .chain(Some(self.care_note.trim().to_string()).filter(|n| !n.is_empty()))
                        .collect(),
                ),
            ),
            (
                "Mood",
                match (self.mood_before, self.mood_after) {
                    (None, None) => String::new(),
                    (b, a) => format!("before: {}; after: {}", mood(b), mood(a)),
                },
            ),
            ("Tags", self.tag_list().join(", ")),
        ];
        rows.retain(|(_, v)| !v.trim().is_empty());
        rows
    }

    /// Whether the `i`th of `CARE` was done (entries saved before a suggestion existed
    /// simply have a shorter list).
    pub fn cared(&self, i: usize) -> bool {
        self.care.get(i).copied().unwrap_or(false)
    }

    /// Ticks or unticks the `i`th of `CARE`, growing the list as needed.
    pub fn set_care(&mut self, i: usize, done: bool) {
        if self.care.len() <= i {
            self.care.resize(i + 1, false);
        }
        self.care[i] = done;
    }

    /// A new entry, dated today, about `case` if given.
    pub fn new(today: Date, case: Option<String>) -> Reflection {
        Reflection {
            date: Some(today),
            case,
            ..Reflection::default()
        }
    }

    /// Adds a prevention action (see [`Action::next`]).
    pub fn add_action(&mut self, today: Date) {
        let next = Action::next(&self.actions, &self.system, today);
        self.actions.push(next);
    }

    /// Its tags, trimmed, without empties or repeats (first spelling kept).
    pub fn tag_list(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
                out.push(t.to_string());
            }
        }
        out
    }

    /// Every piece of text in the entry, for search.
    fn text(&self) -> String {
        let mut parts = vec![
            self.expected.as_str(),
            &self.happened,
            &self.why,
            &self.keep,
            &self.change,
            &self.again_why,
            &self.learned,
            &self.system,
            &self.care_note,
            &self.tags,
        ];
        for a in &self.actions {
            parts.push(&a.text);
            parts.push(&a.owner);
        }
        parts.join("\n")
    }

    /// A line to tell entries apart in a list.
    pub fn snippet(&self) -> String {
        [&self.learned, &self.happened, &self.system, &self.expected]
            .into_iter()
            .find(|t| !t.trim().is_empty())
            .map(|t| super::text::excerpt(t, 120))
            .unwrap_or_default()
    }

    /// How it is named: its date, and the case's title when linked.
    pub fn title(&self, case_title: Option<&str>) -> String {
        let date = self.date.map(|d| d.human());
        match (date, case_title) {
            (Some(d), Some(c)) => format!("{d}: {c}"),
            (Some(d), None) => format!("Reflection of {d}"),
            (None, Some(c)) => format!("Reflection: {c}"),
            (None, None) => "Reflection".into(),
        }
    }
}

/// What the journal list is narrowed to. Empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JournalFilter {
    pub text: String,
    pub tag: String,
    /// A case id.
    pub case: String,
    /// `YYYY-MM`.
    pub month: String,
    pub again: Option<Again>,
}

impl JournalFilter {
    /// Whether `entry` passes. `case_title` is its linked case's title, searched too.
    pub fn matches(&self, entry: &Reflection, case_title: Option<&str>) -> bool {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if !words.is_empty() {
            let hay = format!("{}\n{}", entry.text(), case_title.unwrap_or("")).to_lowercase();
            if !words.iter().all(|w| hay.contains(w.as_str())) {
                return false;
            }
        }
        if !self.tag.is_empty()
            && !entry
                .tag_list()
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&self.tag))
        {
            return false;
        }
        if !self.case.is_empty() && entry.case.as_deref() != Some(self.case.as_str()) {
            return false;
        }
        if !self.month.is_empty() && entry.date.map(|d| d.month_key()) != Some(self.month.clone()) {
            return false;
        }
        self.again.is_none() || entry.again == self.again
    }
}

/// The tags used across entries, each once, sorted.
pub fn all_tags<'a>(entries: impl IntoIterator<Item = &'a Reflection>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in entries {
        for t in e.tag_list() {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
                out.push(t);
            }
        }
    }
    super::order::sort_by_key(&mut out, |t| (0, 0, t.to_lowercase()));
    out
}

/// The months with entries (`YYYY-MM`), newest first.
pub fn all_months<'a>(entries: impl IntoIterator<Item = &'a Reflection>) -> Vec<String> {
    let mut out: Vec<String> = entries
        .into_iter()
        .filter_map(|e| e.date.map(|d| d.month_key()))
        .collect();
    out.sort();
    out.dedup();
    out.reverse();
    out
}

/// Where a prevention action lives.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A case's Prevent stage (its id).
    Case(String),
    /// A journal entry (its id).
    Reflection(String),
}

/// One row of the merged actions list.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionRow {
    pub source: Source,
    /// Where it came from, in words ("Case: Marisol Vega").
    pub from: String,
    /// Its position in its source's list.
    pub index: usize,
    pub action: Action,
    pub overdue: bool,
}

/// The prevention actions from cases and journal entries in one list: overdue first, then
/// open ones by due date (undated last), done ones at the end. Empty actions are left out.
pub fn all_actions<'a>(
    cases: impl IntoIterator<Item = (&'a str, &'a Case)>,
    entries: impl IntoIterator<Item = (&'a str, &'a Reflection, String)>,
    today: Date,
) -> Vec<ActionRow> {
    let mut rows = Vec::new();
    let mut add = |source: Source, from: String, actions: &[Action]| {
        for (index, a) in actions.iter().enumerate() {
            if a.text.trim().is_empty() {
                continue;
            }
            rows.push(ActionRow {
                source: source.clone(),
                from: from.clone(),
                index,
                overdue: a.status != ActionStatus::Done && a.due.is_some_and(|d| d < today),
                action: a.clone(),
            });
        }
    };
    for (id, case) in cases {
        add(
            Source::Case(id.to_string()),
            format!("Case: {}", case.title()),
            &case.prevent.actions,
        );
    }
    for (id, entry, title) in entries {
        add(Source::Reflection(id.to_string()), title, &entry.actions);
    }
    super::order::sort_by_key(&mut rows, |r| {
        let rank = match (r.overdue, r.action.status) {
            (true, _) => 0,
            (_, ActionStatus::Done) => 2,
            _ => 1,
        };
        let due = r.action.due.map_or(i64::MAX, |d| d.days() as i64);
        (rank, due, r.action.text.to_lowercase())
    });
    rows
}

/// Days after a case is closed before the journal asks about it.
pub const NUDGE_AFTER_DAYS: i32 = 3;

/// The one case to suggest reflecting on, if any: closed at least `NUDGE_AFTER_DAYS` ago, with
/// no entry about it, and not waved away before. The most recently closed comes first; only
/// one is ever offered at a time.
pub fn nudge<'a>(
    cases: impl IntoIterator<Item = (&'a str, &'a Case)>,
    reflected: &[&str],
    dismissed: &[String],
    today: Date,
) -> Option<(String, String)> {
    cases
        .into_iter()
        .filter(|(id, c)| {
            !c.example
                && c.decide.outcome.is_some()
                && c.decide
                    .closed_on
                    .is_some_and(|d| d.days_until(today) >= NUDGE_AFTER_DAYS)
                && !reflected.contains(id)
                && !dismissed.iter().any(|d| d == id)
        })
        .max_by_key(|(id, c)| (c.decide.closed_on, std::cmp::Reverse(*id)))
        .map(|(id, c)| (id.to_string(), c.title()))
}

/// What the journal is for: care first, then what to keep and change. // G45, G46
pub const JOURNAL_LEDE: &str = "When a dispute is over, look after yourself first. Then, while it is fresh, ask what you would keep and what you would change, and turn the answer into something you will actually do.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_on_paper_lists_only_what_was_answered() {
        let mut r = Reflection::default();
        assert!(r.answers(None).is_empty());
        r.learned = "A checklist beats memory.".into();
        r.mood_before = Some(2);
        assert_eq!(
            r.answers(Some("Dana")),
            vec![
                ("The case", "Dana".to_string()),
                ("What I learned", "A checklist beats memory.".to_string()),
                ("Mood", "before: Low; after: ?".to_string()),
            ]
        );
    }
    use crate::model::case::Outcome;
    use crate::model::json::{from_json, to_json};

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn care_is_read_and_set_by_position_even_on_a_short_list() {
        let mut r = Reflection::default();
        assert!(!r.cared(3));
        r.set_care(3, true);
        assert_eq!(r.care, [false, false, false, true]);
        assert!(r.cared(3) && !r.cared(0) && !r.cared(9));
        r.set_care(0, true);
        r.set_care(3, false);
        assert_eq!(r.care, [true, false, false, false]);
    }

    fn entry() -> Reflection {
        Reflection {
            date: Some(d(2026, 11, 20)),
            case: Some("case1".into()),
            expected: "A launch-ready site.".into(),
            happened: "Checkout broke on launch day.".into(),
            why: "No test order after a settings change.".into(),
            keep: "Calling the client the same day.".into(),
            change: "Test every payment change.".into(),
            again: Some(Again::Mostly),
            again_why: "I would call sooner.".into(),
            learned: "A checklist beats memory.".into(),
            system: "Launch checklist with a test order.".into(),
            actions: vec![Action {
                text: "Write the launch checklist".into(),
                owner: "Jordan".into(),
                due: Some(d(2026, 11, 25)),
                status: ActionStatus::Open,
            }],
            care: vec![true, false, true],
            care_note: "Walked by the river.".into(),
            mood_before: Some(2),
            mood_after: Some(4),
            tags: "launch, Payments, launch ,".into(),
        }
    }

    #[test]
    fn an_entry_round_trips_and_reads_its_tags() {
        let e = entry();
        assert_eq!(from_json::<Reflection>(to_json(&e)).unwrap(), e);
        assert_eq!(e.tag_list(), ["launch", "Payments"]);
        assert_eq!(
            Reflection::new(d(2026, 1, 2), Some("k".into())),
            Reflection {
                date: Some(d(2026, 1, 2)),
                case: Some("k".into()),
                ..Reflection::default()
            }
        );
        assert_eq!(e.title(Some("Marisol Vega")), "20 Nov 2026: Marisol Vega");
        assert_eq!(e.title(None), "Reflection of 20 Nov 2026");
        assert_eq!(Reflection::default().title(None), "Reflection");
        assert_eq!(e.snippet(), "A checklist beats memory.");
        let long = Reflection {
            happened: "é".repeat(200),
            ..Reflection::default()
        };
        assert_eq!(long.snippet().chars().count(), 121);
    }

    #[test]
    fn search_and_filters() {
        let e = entry();
        let f =
            |text: &str, tag: &str, case: &str, month: &str, again: Option<Again>| JournalFilter {
                text: text.into(),
                tag: tag.into(),
                case: case.into(),
                month: month.into(),
                again,
            };
        let table = [
            (f("", "", "", "", None), true),
            (f("CHECKLIST", "", "", "", None), true),
            (f("checklist river", "", "", "", None), true),
            (f("checklist ocean", "", "", "", None), false),
            (f("jordan", "", "", "", None), true),
            (f("marisol", "", "", "", None), true),
            (f("", "payments", "", "", None), true),
            (f("", "refunds", "", "", None), false),
            (f("", "", "case1", "", None), true),
            (f("", "", "case2", "", None), false),
            (f("", "", "", "2026-11", None), true),
            (f("", "", "", "2026-10", None), false),
            (f("", "", "", "", Some(Again::Mostly)), true),
            (f("", "", "", "", Some(Again::No)), false),
            (
                f("launch", "launch", "case1", "2026-11", Some(Again::Mostly)),
                true,
            ),
        ];
        for (filter, want) in table {
            assert_eq!(filter.matches(&e, Some("Marisol Vega")), want, "{filter:?}");
        }
        let other = Reflection {
            date: Some(d(2026, 9, 1)),
            tags: "refunds, Launch".into(),
            ..Reflection::default()
        };
        assert_eq!(all_tags([&e, &other]), ["launch", "Payments", "refunds"]);
        assert_eq!(
            all_months([&e, &other, &Reflection::default()]),
            ["2026-11", "2026-09"]
        );
    }

    #[test]
    fn actions_from_cases_and_entries_make_one_list() {
        let today = d(2026, 11, 22);
        let act = |text: &str, due: Option<Date>, status| Action {
            text: text.into(),
            owner: String::new(),
            due,
            status,
        };
        let mut case = Case::for_client("Marisol Vega");
        case.prevent.actions = vec![
            act("Done already", Some(d(2026, 11, 1)), ActionStatus::Done),
            act(
                "Overdue test order",
                Some(d(2026, 11, 21)),
                ActionStatus::Doing,
            ),
            act("", None, ActionStatus::Open),
            act("Undated", None, ActionStatus::Open),
        ];
        let e = entry();
        let rows = all_actions([("c1", &case)], [("r1", &e, e.title(None))], today);
        let order: Vec<(&str, bool, usize)> = rows
            .iter()
            .map(|r| (r.action.text.as_str(), r.overdue, r.index))
            .collect();
        assert_eq!(
            order,
            [
                ("Overdue test order", true, 1),
                ("Write the launch checklist", false, 0),
                ("Undated", false, 3),
                ("Done already", false, 0),
            ]
        );
        assert_eq!(rows[0].source, Source::Case("c1".into()));
        assert_eq!(rows[0].from, "Case: Marisol Vega");
        assert_eq!(rows[1].source, Source::Reflection("r1".into()));
        assert_eq!(rows[1].from, "Reflection of 20 Nov 2026");
    }

    #[test]
    fn the_nudge_picks_one_closed_case_without_a_reflection() {
        let today = d(2026, 11, 22);
        let closed = |name: &str, on: Date| {
            let mut c = Case::for_client(name);
            c.decide.outcome = Some(Outcome::Resolved);
            c.decide.closed_on = Some(on);
            c
        };
        let old = closed("Old", d(2026, 11, 1));
        let recent = closed("Recent", d(2026, 11, 18));
        let too_new = closed("Too new", d(2026, 11, 20));
        let open = Case::for_client("Still open");
        let mut example = closed("Example", d(2026, 11, 10));
        example.example = true;
        let cases = [
            ("a", &old),
            ("b", &recent),
            ("c", &too_new),
            ("d", &open),
            ("e", &example),
        ];
        let pick = |reflected: &[&str], dismissed: &[String]| {
            nudge(cases, reflected, dismissed, today).map(|(id, _)| id)
        };
        assert_eq!(pick(&[], &[]), Some("b".into()));
        assert_eq!(nudge(cases, &[], &[], today).unwrap().1, "Recent");
        assert_eq!(pick(&["b"], &[]), Some("a".into()));
        assert_eq!(pick(&[], &["b".into()]), Some("a".into()));
        assert_eq!(pick(&["a", "b"], &[]), None);
        // Three days after closing, not before.
        assert_eq!(
            nudge([("c", &too_new)], &[], &[], d(2026, 11, 23)).map(|x| x.0),
            Some("c".into())
        );
        assert_eq!(nudge([("c", &too_new)], &[], &[], d(2026, 11, 22)), None);
    }
}
