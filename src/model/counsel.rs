//! The reading: what to do about this dispute, and why, in a line or two. One decision,
//! made from the numbers, the user's own limits, the value of the relationship, whether the
//! concern is valid, good faith and the client's history, and the size of the job. It is the
//! same wherever it is shown. Every rule cites the guidance it follows.

pub use super::case::Limits;
use super::case::{Case, GoodFaith, Validity};
use super::history::ClientHistory;
use super::money::{format_money, mul_div};
use super::numbers::{Figures, JobScale, figures, format_hours, time_cost};

/// What to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// The concern is valid: put it right. // G25
    FixIt,
    /// Give them what they ask, or most of it: the relationship is worth more. // G4
    MeetThem,
    /// Hold to the value of your work, politely. // G22, G26, G30
    StandFirm,
    /// Arguing costs more than the amount: settle it fast. // G3
    SettleQuickly,
    /// The client costs more than they are worth, again and again. // G42, G43
    ConsiderEnding,
}

impl Call {
    pub const ALL: [Call; 5] = [
        Call::FixIt,
        Call::MeetThem,
        Call::StandFirm,
        Call::SettleQuickly,
        Call::ConsiderEnding,
    ];

    pub fn headline(self) -> &'static str {
        match self {
            Call::FixIt => "Fix it",
            Call::MeetThem => "Meet them",
            Call::StandFirm => "Stand firm, politely",
            Call::SettleQuickly => "Settle quickly",
            Call::ConsiderEnding => "Consider ending the relationship",
        }
    }

    /// A short name for styling.
    pub fn key(self) -> &'static str {
        match self {
            Call::FixIt => "fix",
            Call::MeetThem => "meet",
            Call::StandFirm => "firm",
            Call::SettleQuickly => "settle",
            Call::ConsiderEnding => "end",
        }
    }
}

/// What to put on the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offer {
    /// Redo or correct the work at no charge, or take this much off. // G25
    Fix { amount: i64 },
    /// Put right the part of the concern that is fair. // G25
    FixPart,
    /// A small job that cannot be put right easily: refund it and point them elsewhere. // G5
    RefundAndRefer { amount: i64 },
    /// Give way, up to this much (all they ask, or your limit). // G4
    Concede { amount: i64 },
    /// Nothing off; a gesture of goodwill instead. // G30
    Goodwill,
    /// Nothing beyond what is owed: a firm, polite line. // G22
    NoExtras,
    /// Where you invested a lot: a payment for the part delivered. // G5
    ProRated,
}

/// The limits as the user set them, or suggested from the numbers where they did not. // G3
pub fn limits(case: &Case, f: &Figures) -> Limits {
    let suggested = suggested_limits(case, f);
    Limits {
        concede: case.limits.concede.or(suggested.concede),
        minutes: case.limits.minutes.or(suggested.minutes),
    }
}

/// A starting point: give up to what keeps you at break-even on the job; spend no more time
/// than the amount in dispute is worth at your hourly rate (at least an hour). // G2, G3
pub fn suggested_limits(case: &Case, f: &Figures) -> Limits {
    let minutes = case
        .amount
        .zip(case.numbers.hourly_worth)
        .filter(|(_, w)| *w > 0)
        .map(|(a, w)| mul_div(a, 60, w).max(60));
    Limits {
        concede: f.concession_budget,
        minutes,
    }
}

/// What the client has cost: concessions already given, the amount now in dispute, and the
/// time this dispute takes. // G43
fn cost_of_client(case: &Case, f: &Figures, past_concessions: i64) -> i64 {
    past_concessions
        .saturating_add(case.amount.unwrap_or(0))
        .saturating_add(f.defend_cost.unwrap_or(0))
}

/// The client's history, as the reading needs it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Past {
    /// Earlier complaints from this client.
    pub cases: usize,
    /// Concessions given to them before, in this case's currency.
    pub concessions: i64,
}

impl Past {
    /// This client's complaints before this case, and what they were given, in `currency`.
    pub fn before(history: &ClientHistory, currency: &str) -> Past {
        let earlier = history.before_this();
        Past {
            cases: earlier.cases.len(),
            concessions: earlier.concessions_in(currency),
        }
    }
}

/// The reading, with its reasons and what to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub call: Call,
    /// Why, in a line or two, with the case's figures.
    pub because: String,
    pub offer: Offer,
    /// The offer goes beyond the limits you set: say so.
    pub beyond_limits: bool,
}

/// What is still needed before a reading can be given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing(pub Vec<&'static str>);

/// Decides what to do about the dispute.
pub fn decide(case: &Case, past: Past) -> Result<Verdict, Missing> {
    let f = figures(case);
    let Some(disputed) = case.amount.filter(|a| *a > 0) else {
        return Err(Missing(vec!["the amount in dispute"]));
    };
    let m = |v: i64| format_money(v, &case.currency);
    let limit = limits(case, &f);
    let worth = f.value_at_risk;
    let bad_faith = case.diagnose.good_faith == Some(GoodFaith::TakingAdvantage);
    let costs = cost_of_client(case, &f, past.concessions);
    let over_limit = |amount: i64| limit.concede.is_some_and(|l| amount > l);

    // G42, G43: taken advantage of again and again, or complaint after complaint beyond your
    // limits, and the client costs more than they bring.
    let repeated = past.cases > 0 && (bad_faith || (past.cases >= 2 && over_limit(disputed)));
    if repeated && costs > worth.unwrap_or(0) {
        let offer = match f.scale {
            Some(JobScale::Small) => Offer::RefundAndRefer { amount: disputed },
            _ => Offer::ProRated,
        };
        let against = match worth {
            Some(w) => format!("against {} of future work at your margin", m(w)),
            None => "with no future work from them counted".into(),
        };
        return Ok(Verdict {
            call: Call::ConsiderEnding,
            because: format!(
                "because this is complaint number {} from them, and with what you have given before, they have cost you {} {against}.",
                past.cases + 1,
                m(costs),
            ),
            offer,
            beyond_limits: false,
        });
    }

    // G25: a valid concern is put right; a partly valid one, the fair part. G5: a small job
    // may simply be refunded, unless the client is worth keeping (G4).
    let valued = worth.is_some_and(|w| w >= disputed);
    if let Some(valid @ (Validity::Yes | Validity::Partly)) = case.resolve.valid {
        let (offer, because) = match (valid, f.scale) {
            (Validity::Partly, _) => (
                Offer::FixPart,
                "because part of the concern is valid: put that part right, without arguing.",
            ),
            (_, Some(JobScale::Small)) if !valued => (
                Offer::RefundAndRefer { amount: disputed },
                "because the concern is valid: put it right, without arguing.",
            ),
            _ => (
                Offer::Fix { amount: disputed },
                "because the concern is valid: put it right, without arguing.",
            ),
        };
        return Ok(Verdict {
            call: Call::FixIt,
            because: because.into(),
            beyond_limits: valid == Validity::Yes && over_limit(disputed),
            offer,
        });
    }

    // G22: someone taking advantage gets a firm, polite line and nothing extra.
    if bad_faith {
        return Ok(Verdict {
            call: Call::StandFirm,
            because: "because the evidence says they are trying to take advantage: be courteous and brief, and give nothing beyond what is owed.".into(),
            offer: Offer::NoExtras,
            beyond_limits: false,
        });
    }

    // G3: arguing would cost more than the amount itself.
    if let Some(defend) = f.defend_cost.filter(|d| *d >= disputed) {
        return Ok(Verdict {
            call: Call::SettleQuickly,
            because: format!(
                "because arguing would take about {} of your time, and {} is in dispute.",
                m(defend),
                m(disputed)
            ),
            offer: Offer::Concede { amount: disputed },
            beyond_limits: over_limit(disputed),
        });
    }

    // G4: the relationship is worth more than the amount; give way within your limits (with
    // nothing to give, this falls to standing firm, with goodwill).
    let affordable = limit.concede.is_some_and(|l| disputed <= l);
    let amount = limit.concede.map_or(disputed, |l| disputed.min(l.max(0)));
    if amount > 0 && (valued || (affordable && case.resolve.valid.is_none())) {
        let because = match worth {
            Some(w) if valued => format!(
                "because the work you expect from them is worth about {} to you, more than the {} in dispute.",
                m(w),
                m(disputed)
            ),
            _ => format!(
                "because giving {} keeps you within your limit, and a small concession can keep a client.",
                m(disputed)
            ),
        };
        return Ok(Verdict {
            call: Call::MeetThem,
            because,
            offer: Offer::Concede { amount },
            beyond_limits: false,
        });
    }

    // G26, G30: you disagree, or it would cost more than you can give: hold, with goodwill.
    if limit.concede.is_none() && case.resolve.valid.is_none() {
        return Err(missing_figures(case));
    }
    let because = match limit.concede {
        Some(l) if disputed > l => format!(
            "because giving back {} is more than your limit of {}.",
            m(disputed),
            m(l.max(0))
        ),
        _ => "because you do not think the concern is valid: explain calmly, with something new they did not know.".into(),
    };
    Ok(Verdict {
        call: Call::StandFirm,
        because,
        offer: match f.scale {
            Some(JobScale::Large) if disputed > limit.concede.unwrap_or(0) => Offer::ProRated,
            _ => Offer::Goodwill,
        },
        beyond_limits: false,
    })
}

/// The figures that would complete a reading.
fn missing_figures(case: &Case) -> Missing {
    let n = &case.numbers;
    let mut missing = Vec::new();
    if n.minutes_spent.is_none() {
        missing.push("hours spent on the job");
    }
    if n.hourly_worth.is_none() {
        missing.push("what an hour of your time is worth");
    }
    if n.invoiced.is_none() {
        missing.push("the price invoiced");
    }
    if missing.is_empty() {
        missing.push("the most you will concede");
    }
    Missing(missing)
}

impl Offer {
    /// What to offer, in a line, with the case's figures.
    pub fn text(&self, currency: &str) -> String {
        let m = |v: i64| format_money(v, currency);
        match self {
            Offer::Fix { amount } => format!(
                "Offer to redo or correct the work at no charge, or to take up to {} off.",
                m(*amount)
            ),
            Offer::FixPart => "Offer to redo the part that fell short at no charge, or to take off what that part is worth.".into(),
            Offer::RefundAndRefer { amount } => format!(
                "A small job: refund it ({}) and suggest someone better suited.",
                m(*amount)
            ),
            Offer::Concede { amount } => format!("Offer up to {}.", m(*amount)),
            Offer::Goodwill => {
                "Offer a gesture of goodwill, such as a share off this invoice or a larger one off the next; offering nothing says you think they are wrong.".into()
            }
            Offer::NoExtras => "Offer nothing beyond what you owe them.".into(),
            Offer::ProRated => {
                "Agree a payment for the part you delivered, rather than walking away from money you earned.".into()
            }
        }
    }
}

/// Nothing is on the table: no option offered, no counter-offer and no peace offering.
/// Offering nothing says "I am right and you are wrong". // G30
pub fn offers_nothing(case: &Case) -> bool {
    let r = &case.resolve;
    !r.options.iter().any(|o| o.offered)
        && r.counter_offer.trim().is_empty()
        && r.counter_amount.unwrap_or(0) == 0
        && r.peace.now_percent.unwrap_or(0) == 0
        && r.peace.next_percent.unwrap_or(0) == 0
}

/// How a cost compares with the limits and with break-even. // G3
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostCheck {
    pub cost: i64,
    /// `Some(false)` when it goes beyond the most you will concede.
    pub within_limit: Option<bool>,
    /// `Some(false)` when it would take you below break-even on the job.
    pub within_break_even: Option<bool>,
}

impl CostCheck {
    pub fn new(cost: i64, case: &Case, f: &Figures) -> CostCheck {
        let limit = limits(case, f).concede;
        CostCheck {
            cost,
            within_limit: limit.map(|l| cost <= l),
            within_break_even: f.concession_budget.map(|b| cost <= b),
        }
    }

    /// "Costs you $340: within your limit of $500 and above break-even."
    pub fn text(&self, case: &Case, f: &Figures) -> String {
        let m = |v: i64| format_money(v, &case.currency);
        let limit = limits(case, f).concede.unwrap_or(0);
        let against_limit = match self.within_limit {
            Some(true) => format!("within your limit of {}", m(limit)),
            Some(false) => format!("{} over your limit", m(self.cost.saturating_sub(limit))),
            None => "set your limit to compare".into(),
        };
        let against_break_even = match self.within_break_even {
            Some(true) => "you still break even",
            Some(false) => "below break-even on this job",
            None => "fill in your numbers to compare with break-even",
        };
        format!(
            "Costs you {}: {against_limit}; {against_break_even}.",
            m(self.cost)
        )
    }

    /// Goes beyond the limit or below break-even.
    pub fn warns(&self) -> bool {
        self.within_limit == Some(false) || self.within_break_even == Some(false)
    }
}

/// The time the dispute may take, against the time you decided it is worth. // G3
pub fn time_warning(case: &Case, f: &Figures) -> Option<String> {
    let planned = case.numbers.dispute_minutes?;
    let limit = limits(case, f).minutes?;
    (planned > limit).then(|| {
        let cost = case
            .numbers
            .hourly_worth
            .map(|w| format!(" (about {})", format_money(time_cost(planned, w), &case.currency)))
            .unwrap_or_default();
        format!(
            "The dispute may take {}{cost}, more than the {} you decided it is worth. Keep the conversation short, or raise your limit knowingly.",
            format_hours(planned),
            format_hours(limit)
        )
    })
}

#[cfg(test)]
mod tests {
    //! The situations below come from the articles; each expected call was written from them
    //! first. Amounts are in dollars.

    use super::*;
    use crate::model::case::{GoodFaith, Validity};

    const D: i64 = 100;

    /// A job: invoiced, hours spent at $100 an hour, no other costs.
    fn job(invoiced: i64, hours: i64, disputed: i64) -> Case {
        let mut c = Case::new("USD");
        c.amount = Some(disputed * D);
        c.numbers.invoiced = Some(invoiced * D);
        c.numbers.minutes_spent = Some(hours * 60);
        c.numbers.hourly_worth = Some(100 * D);
        c.numbers.dispute_minutes = Some(60);
        c
    }

    struct Situation {
        name: &'static str,
        case: Case,
        past: Past,
        call: Call,
        offer: Offer,
    }

    fn with(mut c: Case, f: impl FnOnce(&mut Case)) -> Case {
        f(&mut c);
        c
    }

    fn situations() -> Vec<Situation> {
        let none = Past::default();
        vec![
            Situation {
                name: "G25: a valid concern is fixed, within the limits",
                case: with(job(2000, 15, 300), |c| {
                    c.resolve.valid = Some(Validity::Yes)
                }),
                past: none,
                call: Call::FixIt,
                offer: Offer::Fix { amount: 300 * D },
            },
            Situation {
                name: "G25: a partly valid concern: fix the fair part",
                case: with(job(2000, 15, 300), |c| {
                    c.resolve.valid = Some(Validity::Partly)
                }),
                past: none,
                call: Call::FixIt,
                offer: Offer::FixPart,
            },
            Situation {
                name: "G25 over G3: valid even when arguing would be dear",
                case: with(job(2000, 15, 100), |c| {
                    c.resolve.valid = Some(Validity::Yes);
                    c.numbers.dispute_minutes = Some(10 * 60);
                }),
                past: none,
                call: Call::FixIt,
                offer: Offer::Fix { amount: 100 * D },
            },
            Situation {
                name: "G22: $200 disputed, $500 margin, $10,000 expected, taking advantage: stand firm",
                case: with(job(2000, 15, 200), |c| {
                    c.numbers.future_revenue = Some(10_000 * D);
                    c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
                }),
                past: none,
                call: Call::StandFirm,
                offer: Offer::NoExtras,
            },
            Situation {
                name: "G22: bad faith over a small amount gets a firm line, even when arguing costs more",
                case: with(job(2000, 15, 50), |c| {
                    c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
                    c.numbers.dispute_minutes = Some(3 * 60);
                }),
                past: none,
                call: Call::StandFirm,
                offer: Offer::NoExtras,
            },
            Situation {
                name: "G4: $600 disputed on a $500 margin, $10,000 expected, limit $800: meet them",
                case: with(job(2000, 15, 600), |c| {
                    c.numbers.future_revenue = Some(10_000 * D);
                    c.limits.concede = Some(800 * D);
                }),
                past: none,
                call: Call::MeetThem,
                offer: Offer::Concede { amount: 600 * D },
            },
            Situation {
                name: "G4 within limits: the same with a $400 limit: meet them up to the limit",
                case: with(job(2000, 15, 600), |c| {
                    c.numbers.future_revenue = Some(10_000 * D);
                    c.limits.concede = Some(400 * D);
                }),
                past: none,
                call: Call::MeetThem,
                offer: Offer::Concede { amount: 400 * D },
            },
            Situation {
                name: "G3: defending costs more than the amount disputed: settle quickly",
                case: with(job(2000, 15, 150), |c| {
                    c.numbers.dispute_minutes = Some(4 * 60)
                }),
                past: none,
                call: Call::SettleQuickly,
                offer: Offer::Concede { amount: 150 * D },
            },
            Situation {
                name: "G42: taken advantage of again, costs above their worth: consider ending",
                case: with(job(2000, 15, 500), |c| {
                    c.numbers.future_revenue = Some(2000 * D);
                    c.numbers.dispute_minutes = Some(3 * 60);
                    c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
                }),
                past: Past {
                    cases: 2,
                    concessions: 1000 * D,
                },
                call: Call::ConsiderEnding,
                offer: Offer::ProRated,
            },
            Situation {
                name: "G43: complaint after complaint beyond your limits, worth little: consider ending",
                case: with(job(2000, 15, 800), |c| {
                    c.numbers.future_revenue = Some(1600 * D);
                    c.limits.concede = Some(300 * D);
                }),
                past: Past {
                    cases: 3,
                    concessions: 3000 * D,
                },
                call: Call::ConsiderEnding,
                offer: Offer::ProRated,
            },
            Situation {
                name: "G5: ending a small job: refund and refer",
                case: with(job(400, 3, 300), |c| {
                    c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage)
                }),
                past: Past {
                    cases: 1,
                    concessions: 0,
                },
                call: Call::ConsiderEnding,
                offer: Offer::RefundAndRefer { amount: 300 * D },
            },
            Situation {
                name: "G42 not on a first offence: bad faith once, much future work: stand firm",
                case: with(job(2000, 15, 500), |c| {
                    c.numbers.future_revenue = Some(10_000 * D);
                    c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
                }),
                past: none,
                call: Call::StandFirm,
                offer: Offer::NoExtras,
            },
            Situation {
                name: "G4 with nothing to give: future work, but a limit of zero: stand firm, with goodwill",
                case: with(job(2000, 15, 600), |c| {
                    c.numbers.future_revenue = Some(10_000 * D);
                    c.limits.concede = Some(0);
                }),
                past: none,
                call: Call::StandFirm,
                offer: Offer::Goodwill,
            },
            Situation {
                name: "G5 with G4: a valid concern on a small job for a client worth keeping: fix it",
                case: with(job(600, 3, 300), |c| {
                    c.resolve.valid = Some(Validity::Yes);
                    c.numbers.future_revenue = Some(5_000 * D);
                }),
                past: none,
                call: Call::FixIt,
                offer: Offer::Fix { amount: 300 * D },
            },
            Situation {
                name: "G5: a valid concern on a small job: refund and refer",
                case: with(job(400, 4, 400), |c| c.resolve.valid = Some(Validity::Yes)),
                past: none,
                call: Call::FixIt,
                offer: Offer::RefundAndRefer { amount: 400 * D },
            },
            Situation {
                name: "G5: an invested job, more disputed than you can give: a pro-rated payment",
                case: with(job(9000, 60, 5000), |c| {
                    c.resolve.valid = Some(Validity::No)
                }),
                past: none,
                call: Call::StandFirm,
                offer: Offer::ProRated,
            },
            Situation {
                name: "G30: not valid, more than the margin, no future work: stand firm with goodwill",
                case: with(job(2000, 15, 900), |c| c.resolve.valid = Some(Validity::No)),
                past: none,
                call: Call::StandFirm,
                offer: Offer::Goodwill,
            },
            Situation {
                name: "G26, G30: not valid but affordable and no future: still firm, with goodwill",
                case: with(job(2000, 15, 100), |c| {
                    c.resolve.valid = Some(Validity::No);
                    c.numbers.dispute_minutes = Some(30);
                }),
                past: none,
                call: Call::StandFirm,
                offer: Offer::Goodwill,
            },
            Situation {
                name: "G4: not yet judged, affordable, some future work: meet them",
                case: with(job(2000, 15, 200), |c| {
                    c.numbers.future_revenue = Some(1000 * D)
                }),
                past: none,
                call: Call::MeetThem,
                offer: Offer::Concede { amount: 200 * D },
            },
            Situation {
                name: "G4: good faith, not judged, within break-even, no future: meet them",
                case: job(2000, 15, 300),
                past: none,
                call: Call::MeetThem,
                offer: Offer::Concede { amount: 300 * D },
            },
        ]
    }

    /// One situation, by the start of its name.
    fn situation(name: &str) -> Situation {
        situations()
            .into_iter()
            .find(|s| s.name.starts_with(name))
            .unwrap_or_else(|| panic!("no situation {name}"))
    }

    #[test]
    fn the_articles_situations() {
        for s in situations() {
            let v = decide(&s.case, s.past).unwrap_or_else(|m| panic!("{}: missing {m:?}", s.name));
            assert_eq!((v.call, &v.offer), (s.call, &s.offer), "{}", s.name);
            assert!(
                v.because.starts_with("because"),
                "{}: {}",
                s.name,
                v.because
            );
        }
    }

    #[test]
    fn the_issue_reports_are_answered() {
        // $200 on a $500 margin, $10,000 expected, taking advantage: not "give way".
        let s = &situation("G22: $200 disputed");
        assert_eq!(decide(&s.case, s.past).unwrap().call, Call::StandFirm);
        // The good-faith answer moves the reading.
        let mut c = s.case.clone();
        c.diagnose.good_faith = Some(GoodFaith::GoodFaith);
        assert_eq!(decide(&c, s.past).unwrap().call, Call::MeetThem);
        // $600 on the same job, $10,000 expected: the future is weighed.
        let v = decide(&situation("G4: $600 disputed").case, Past::default()).unwrap();
        assert!(v.because.contains("$2,500.00"), "{}", v.because);
    }

    #[test]
    fn only_complaints_before_this_one_count_against_the_client() {
        use crate::model::history::client_history;
        let on = |y, m, d| crate::model::Date::from_ymd(y, m, d).unwrap();
        let mut this = Case::for_client("Dana");
        this.received = Some(on(2026, 5, 1));
        let mut earlier = Case::for_client("Dana");
        earlier.decide.concession = Some(100 * D);
        let later = Case::for_client("Dana");
        let all = [
            ("this", on(2026, 5, 1), &this),
            ("earlier", on(2026, 1, 1), &earlier),
            ("later", on(2026, 9, 1), &later),
        ];
        let past = Past::before(&client_history("this", &this, all), "USD");
        assert_eq!(
            past,
            Past {
                cases: 1,
                concessions: 100 * D
            }
        );
    }

    #[test]
    fn a_reading_needs_the_amount_and_enough_figures() {
        assert_eq!(
            decide(&Case::new("USD"), Past::default()),
            Err(Missing(vec!["the amount in dispute"]))
        );
        let bare = Case {
            amount: Some(100 * D),
            ..Case::new("USD")
        };
        let Err(Missing(m)) = decide(&bare, Past::default()) else {
            panic!("a reading from an amount alone")
        };
        assert!(m.contains(&"the price invoiced"));
        // A valid concern needs no figures to be put right.
        let valid = with(bare, |c| c.resolve.valid = Some(Validity::Yes));
        assert_eq!(decide(&valid, Past::default()).unwrap().call, Call::FixIt);
    }

    #[test]
    fn limits_are_suggested_from_the_numbers_and_the_users_own_win() {
        // Margin $500: give up to $500; $600 at $100 an hour is worth 6 hours.
        let c = job(2000, 15, 600);
        let f = figures(&c);
        assert_eq!(
            suggested_limits(&c, &f),
            Limits {
                concede: Some(500 * D),
                minutes: Some(6 * 60)
            }
        );
        let own = with(c.clone(), |c| c.limits.concede = Some(0));
        assert_eq!(limits(&own, &f).concede, Some(0), "zero is a limit too");
        // A loss-making job: nothing to give at break-even.
        let loss = job(1000, 15, 200);
        assert_eq!(suggested_limits(&loss, &figures(&loss)).concede, Some(0));
        // At least an hour, whatever the amount.
        let tiny = job(2000, 15, 10);
        assert_eq!(suggested_limits(&tiny, &figures(&tiny)).minutes, Some(60));
        // Nothing to suggest from: no figures.
        assert_eq!(
            suggested_limits(&Case::default(), &Figures::default()),
            Limits::default()
        );
    }

    #[test]
    fn costs_are_checked_against_the_limit_and_break_even() {
        let c = with(job(2000, 15, 600), |c| c.limits.concede = Some(300 * D));
        let f = figures(&c);
        let table = [
            (200 * D, Some(true), Some(true), false),
            (400 * D, Some(false), Some(true), true),
            (700 * D, Some(false), Some(false), true),
            (0, Some(true), Some(true), false),
        ];
        for (cost, limit, even, warns) in table {
            let check = CostCheck::new(cost, &c, &f);
            assert_eq!(
                (check.within_limit, check.within_break_even, check.warns()),
                (limit, even, warns),
                "{cost}"
            );
        }
        assert_eq!(
            CostCheck::new(400 * D, &c, &f).text(&c, &f),
            "Costs you $400.00: $100.00 over your limit; you still break even."
        );
        // Another currency: the figures are in it.
        let mut eur = c.clone();
        eur.currency = "JPY".into();
        assert!(
            CostCheck::new(400, &eur, &figures(&eur))
                .text(&eur, &figures(&eur))
                .contains("¥400")
        );
        // No figures and no limit: it says what would let it compare.
        let bare = Case::new("USD");
        let check = CostCheck::new(100, &bare, &Figures::default());
        assert_eq!(
            (check.within_limit, check.within_break_even, check.warns()),
            (None, None, false)
        );
        assert!(
            check
                .text(&bare, &Figures::default())
                .contains("set your limit")
        );
    }

    #[test]
    fn a_peace_offering_counts_as_an_offer() {
        let mut c = Case::new("USD");
        assert!(offers_nothing(&c));
        c.resolve.peace.next_percent = Some(20);
        assert!(!offers_nothing(&c), "a peace offering is an offer");
        c.resolve.peace.next_percent = Some(0);
        assert!(offers_nothing(&c), "zero percent is not");
        c.resolve.counter_offer = "Half the meeting off".into();
        assert!(!offers_nothing(&c));
    }

    #[test]
    fn the_time_the_dispute_takes_is_checked_against_the_time_it_is_worth() {
        let c = with(job(2000, 15, 600), |c| {
            c.numbers.dispute_minutes = Some(10 * 60)
        });
        let w = time_warning(&c, &figures(&c)).unwrap();
        assert!(
            w.contains("10 hours") && w.contains("6 hours") && w.contains("$1,000.00"),
            "{w}"
        );
        let ok = with(c, |c| c.limits.minutes = Some(12 * 60));
        assert_eq!(time_warning(&ok, &figures(&ok)), None);
    }
}
