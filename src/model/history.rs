//! A client's history across cases, and the good-faith signals it gives. // G22, G39, G42

use super::case::{Case, GoodFaith, Outcome};
use super::date::Date;
use super::money::format_money;

/// One earlier case of the same client.
#[derive(Clone, Debug, PartialEq)]
pub struct PastCase {
    pub id: String,
    pub title: String,
    /// When the complaint came in (or, failing that, when the case was opened).
    pub on: Date,
    pub outcome: Option<Outcome>,
    pub concession: Option<i64>,
    pub currency: String,
    /// You judged them taking advantage in that case. // G42
    pub taking_advantage: bool,
}

/// The other cases of this case's client, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClientHistory {
    pub cases: Vec<PastCase>,
    /// The day this case started, if it was among those looked through.
    pub on: Option<Date>,
}

/// The day a case started: when the complaint was received, else when it was opened.
pub fn case_date(case: &Case, created: Date) -> Date {
    case.received.unwrap_or(created)
}

/// The earlier or other cases of `this` case's client. `all` yields (id, opened on, case).
pub fn client_history<'a>(
    this_id: &str,
    this: &Case,
    all: impl IntoIterator<Item = (&'a str, Date, &'a Case)>,
) -> ClientHistory {
    let key = this.client.match_key();
    if key.is_empty() {
        return ClientHistory::default();
    }
    let mut h = ClientHistory::default();
    for (id, created, c) in all {
        if id == this_id {
            h.on = Some(case_date(c, created));
        } else if c.client.match_key() == key && !c.example {
            h.cases.push(PastCase {
                id: id.to_string(),
                title: c.disputed.clone(),
                on: case_date(c, created),
                outcome: c.decide.outcome,
                concession: c.decide.concession,
                currency: c.currency.clone(),
                taking_advantage: c.diagnose.good_faith == Some(GoodFaith::TakingAdvantage),
            });
        }
    }
    super::order::sort_by_key(&mut h.cases, |c| (i64::from(c.on.days()), 0, c.id.clone()));
    h
}

impl ClientHistory {
    /// Only the cases that started before this one (or on the same day). // G42, G43
    pub fn before_this(&self) -> ClientHistory {
        let cases = self
            .cases
            .iter()
            .filter(|c| self.on.is_none_or(|on| c.on <= on));
        ClientHistory {
            cases: cases.cloned().collect(),
            on: self.on,
        }
    }

    /// Concessions given, per currency (never summed across currencies), by currency code.
    pub fn concessions(&self) -> Vec<(String, i64)> {
        let mut out: Vec<(String, i64)> = Vec::new();
        for c in &self.cases {
            if let Some(v) = c.concession.filter(|v| *v > 0) {
                match out.iter_mut().find(|(cur, _)| *cur == c.currency) {
                    Some((_, total)) => super::money::add_to(total, v),
                    None => out.push((c.currency.clone(), v)),
                }
            }
        }
        super::order::sort_by_key(&mut out, |(cur, _)| super::order::text(cur));
        out
    }

    /// Concessions given in one currency.
    pub fn concessions_in(&self, currency: &str) -> i64 {
        self.concessions()
            .into_iter()
            .find(|(c, _)| c == currency)
            .map_or(0, |(_, v)| v)
    }

    /// Cases within the year before `today`.
    pub fn within_year(&self, today: Date) -> usize {
        self.cases
            .iter()
            .filter(|c| c.on.days_until(today) <= 365 && c.on <= today)
            .count()
    }

    /// "2 earlier cases: 1 resolved with a concession, 1 still open."
    pub fn outcomes_summary(&self) -> String {
        // In a fixed order: open first, then each way a case can end.
        const LABELS: [&str; 5] = [
            "still open",
            "resolved",
            "resolved with a concession",
            "you stood firm",
            "relationship ended",
        ];
        let mut counts = [0usize; 5];
        for c in &self.cases {
            counts[c.outcome.map_or(0, |o| o as usize + 1)] += 1;
        }
        let parts: Vec<String> = LABELS
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(l, n)| format!("{n} {l}"))
            .collect();
        format!(
            "{} earlier {}: {}.",
            self.cases.len(),
            if self.cases.len() == 1 {
                "case"
            } else {
                "cases"
            },
            parts.join(", ")
        )
    }
}

/// What the history suggests about good faith.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaithReading {
    /// No reason to doubt: assume good faith. // G22
    AssumeGoodFaith,
    /// A pattern worth watching. // G22
    Watch,
    /// A repeated pattern of concessions: the relationship may not be working. // G42
    Pattern,
}

impl FaithReading {
    pub fn advice(self) -> &'static str {
        match self {
            FaithReading::AssumeGoodFaith => {
                "Nothing in this client's history suggests bad faith. Start from the assumption that they are honest and mean what they say."
            }
            FaithReading::Watch => {
                "This client has complained before and received something. Stay fair and open, but if the evidence shows they are trying it on, you may stand firm."
            }
            FaithReading::Pattern => {
                "Complaints and concessions keep repeating with this client. Ask yourself whether they take advantage of your goodwill; if so, letting them go may be your best decision."
            }
        }
    }
}

/// The signals from this client's history, as sentences, and what they add up to.
pub fn good_faith_signals(history: &ClientHistory, today: Date) -> (Vec<String>, FaithReading) {
    let n = history.cases.len();
    if n == 0 {
        return (
            vec!["No earlier complaints from this client.".into()],
            FaithReading::AssumeGoodFaith,
        );
    }
    let mut signals = Vec::new();
    let recent = history.within_year(today);
    signals.push(format!(
        "{n} earlier {} from this client, {recent} in the last 12 months.",
        if n == 1 { "complaint" } else { "complaints" }
    ));
    let conceded: Vec<String> = history
        .concessions()
        .iter()
        .map(|(cur, v)| format_money(*v, cur))
        .collect();
    let with_concession = history
        .cases
        .iter()
        .filter(|c| c.concession.unwrap_or(0) > 0)
        .count();
    if !conceded.is_empty() {
        signals.push(format!(
            "Concessions already given: {} over {with_concession} {}.",
            conceded.join(" and "),
            if with_concession == 1 {
                "case"
            } else {
                "cases"
            }
        ));
    }
    let firm = history
        .cases
        .iter()
        .filter(|c| c.outcome == Some(Outcome::StoodFirm))
        .count();
    if firm > 0 {
        signals.push(format!(
            "You stood firm {firm} {} before.",
            if firm == 1 { "time" } else { "times" }
        ));
    }
    let reading = if n >= 3 && with_concession >= 2 {
        FaithReading::Pattern
    } else if recent >= 2 || (with_concession >= 1 && recent >= 1) {
        FaithReading::Watch
    } else {
        FaithReading::AssumeGoodFaith
    };
    (signals, reading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::Client;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn past(
        on: Date,
        outcome: Option<Outcome>,
        concession: Option<i64>,
        currency: &str,
    ) -> PastCase {
        PastCase {
            id: "x".into(),
            title: String::new(),
            on,
            outcome,
            concession,
            currency: currency.into(),
            taking_advantage: false,
        }
    }

    #[test]
    fn history_finds_the_same_client_and_skips_this_case_and_examples() {
        let client = |name: &str| Client {
            name: name.into(),
            ..Default::default()
        };
        let this = Case {
            client: client("Dana Smith"),
            ..Case::new("USD")
        };
        let same = Case {
            client: client("dana  smith"),
            received: Some(d(2026, 1, 5)),
            ..Case::new("USD")
        };
        let other = Case {
            client: client("Someone Else"),
            ..Case::new("USD")
        };
        let example = Case {
            client: client("Dana Smith"),
            example: true,
            ..Case::new("USD")
        };
        let opened = d(2026, 3, 1);
        let all = vec![
            ("this", opened, &this),
            ("same", opened, &same),
            ("other", opened, &other),
            ("example", opened, &example),
        ];
        let h = client_history("this", &this, all.clone());
        assert_eq!(h.cases.len(), 1);
        assert_eq!(h.cases[0].id, "same");
        assert_eq!(h.cases[0].on, d(2026, 1, 5));
        let nameless = Case::new("USD");
        assert!(client_history("n", &nameless, all).cases.is_empty());
    }

    #[test]
    fn concessions_are_kept_per_currency() {
        let h = ClientHistory {
            cases: vec![
                past(
                    d(2026, 1, 1),
                    Some(Outcome::ResolvedWithConcession),
                    Some(10_000),
                    "USD",
                ),
                past(
                    d(2026, 2, 1),
                    Some(Outcome::ResolvedWithConcession),
                    Some(5_000),
                    "EUR",
                ),
                past(
                    d(2026, 3, 1),
                    Some(Outcome::ResolvedWithConcession),
                    Some(2_500),
                    "USD",
                ),
                past(d(2026, 4, 1), None, None, "USD"),
            ],
            on: None,
        };
        assert_eq!(
            h.concessions(),
            vec![("EUR".to_string(), 5_000), ("USD".to_string(), 12_500)]
        );
        assert_eq!(h.concessions_in("USD"), 12_500);
        assert_eq!(h.concessions_in("GBP"), 0);
        assert_eq!(
            h.outcomes_summary(),
            "4 earlier cases: 1 still open, 3 resolved with a concession."
        );
    }

    #[test]
    fn the_signals_table() {
        let today = d(2026, 11, 22);
        let concession = |on, v| past(on, Some(Outcome::ResolvedWithConcession), Some(v), "USD");
        let plain = |on| past(on, Some(Outcome::Resolved), None, "USD");
        let table: Vec<(Vec<PastCase>, FaithReading, usize)> = vec![
            (vec![], FaithReading::AssumeGoodFaith, 1),
            (vec![plain(d(2024, 1, 1))], FaithReading::AssumeGoodFaith, 1),
            (vec![plain(d(2026, 6, 1))], FaithReading::AssumeGoodFaith, 1),
            (vec![concession(d(2026, 6, 1), 100)], FaithReading::Watch, 2),
            (
                vec![plain(d(2026, 3, 1)), plain(d(2026, 6, 1))],
                FaithReading::Watch,
                1,
            ),
            (
                vec![
                    concession(d(2025, 1, 1), 100),
                    concession(d(2025, 6, 1), 100),
                    plain(d(2026, 6, 1)),
                ],
                FaithReading::Pattern,
                2,
            ),
            (
                vec![past(d(2026, 5, 1), Some(Outcome::StoodFirm), None, "USD")],
                FaithReading::AssumeGoodFaith,
                2,
            ),
        ];
        for (cases, expected, lines) in table {
            let (signals, reading) = good_faith_signals(
                &ClientHistory {
                    cases: cases.clone(),
                    on: None,
                },
                today,
            );
            assert_eq!(reading, expected, "{cases:?}");
            assert_eq!(signals.len(), lines, "{signals:?}");
        }
        let (signals, _) = good_faith_signals(
            &ClientHistory {
                cases: vec![
                    concession(d(2026, 6, 1), 45_000),
                    concession(d(2026, 7, 1), 5_000),
                ],
                on: None,
            },
            today,
        );
        assert_eq!(
            signals[0],
            "2 earlier complaints from this client, 2 in the last 12 months."
        );
        assert_eq!(
            signals[1],
            "Concessions already given: $500.00 over 2 cases."
        );
    }
}
