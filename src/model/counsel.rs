//! The reading: what to do about this dispute, and why, in a line or two. One decision
//! model, in the articles' order (DESIGN.md, "Counsel"):
//! - until the client is heard (they confirmed your restatement, and you answered whether
//!   the concern is valid) it says "hear them out first" and frames the money; no verdict
//!   (G11, G13, G21);
//! - then it decides by validity first, then good faith, then history, the size of the job,
//!   future work and your limits. History never overrides a valid concern.
//!
//! Every reason names the guidance it follows. A fact that would change the reading and is
//! not known is named as missing, never counted as zero.

pub use super::case::Limits;
use super::case::{Ask, Case, Fault, GoodFaith, Mood, RemedyKind, RemedyOption, Talks, Validity};
use super::clause::Windows;
use super::history::ClientHistory;
use super::money::{format_money, percent_of};
use super::numbers::{
    Figures, JobScale, figures, format_hours, offer_text, remedy_cost, time_cost,
};

/// What to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// Not heard yet: listen, restate, hear your side; decide after. // G11, G13, G21
    HearFirst,
    /// The concern is valid: say so and put it right. // G25
    FixIt,
    /// Part of it is valid: put that part right, explain the rest. // G19, G25, G26
    FixFairPart,
    /// Not valid, in good faith: acknowledge, explain with something new, and make a
    /// peace offering. // G24, G26, G30
    ExplainAndOffer,
    /// Arguing costs more than the amount: settle it fast. // G3
    SettleQuickly,
    /// Taking advantage: hold to the value of your work, politely. // G22
    StandFirm,
    /// A small job you cannot agree on: refund it and point them elsewhere. // G5
    RefundAndRefer,
    /// A job you invested in and cannot agree on: a pro-rated or agreed payment. // G5
    AgreePayment,
    /// Taking advantage again and again, or costing more than they are worth after you did
    /// what you could: end it, on your terms. // G42, G43
    ConsiderEnding,
}

impl Call {
    /// Every call, in the order a case can move through them (for the blank worksheet).
    pub const ALL: [Call; 9] = [
        Call::HearFirst,
        Call::FixIt,
        Call::FixFairPart,
        Call::ExplainAndOffer,
        Call::SettleQuickly,
        Call::StandFirm,
        Call::RefundAndRefer,
        Call::AgreePayment,
        Call::ConsiderEnding,
    ];

    pub fn headline(self) -> &'static str {
        match self {
            Call::HearFirst => "Hear them out first",
            Call::FixIt => "They are right: put it right",
            Call::FixFairPart => "Put right the part that is fair",
            Call::ExplainAndOffer => "Explain, and make a peace offering",
            Call::SettleQuickly => "Settle it quickly",
            Call::StandFirm => "Stand firm, politely",
            Call::RefundAndRefer => "Refund it and refer them on",
            Call::AgreePayment => "Agree a fair payment for the work done",
            Call::ConsiderEnding => "Consider ending the relationship, on your terms",
        }
    }

    /// A short name for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            Call::HearFirst => "hear",
            Call::FixIt => "fix",
            Call::FixFairPart => "fair-part",
            Call::ExplainAndOffer => "explain",
            Call::SettleQuickly => "settle",
            Call::StandFirm => "firm",
            Call::RefundAndRefer => "refund",
            Call::AgreePayment => "payment",
            Call::ConsiderEnding => "end",
        }
    }
}

/// A share off an invoice, and what it costs you when the invoice is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub percent: u32,
    pub cost: Option<i64>,
}

/// What to put on the table: the gesture that fits the reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// Nothing yet: listen first.
    Listen,
    /// Redo, reduce or replace, up to the amount in dispute; on a small job, a small
    /// thank-you beside it. // G25, G32
    Fix { thank_you: bool, up_to: Option<i64> },
    /// The fair part put right; on an invested job as a pro-rated or agreed payment.
    /// // G5, G19, G25
    FairPart { pro_rated: bool },
    /// A share off this invoice (none when it would cost more than you can give), or a
    /// larger share off the next job, which also brings them back. // G30
    Peace { now: Option<Share>, next: Share },
    /// Give them the amount: arguing costs more. // G3
    Settle { amount: i64 },
    /// Nothing beyond courtesy and what is owed. // G22
    Courtesy,
    /// Refund the job and suggest someone better suited. // G5
    RefundAndRefer { amount: Option<i64> },
    /// A payment for the part delivered, pro-rated or agreed. // G5
    AgreedPayment,
    /// End it cleanly, on these terms. // G5, G22, G42, G43
    Exit(ExitTerms),
}

/// What ending it settles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitTerms {
    /// Only what the agreement says is owed: no gesture for someone taking advantage. // G22, G42
    Owed,
    /// A small job: refund it and refer them on. // G5, G43
    Refund,
    /// A larger job: an agreed payment for the work done. // G5, G43
    AgreedPayment,
}

/// One reason for the reading, and the guidance it follows ("G25, G32").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub text: String,
    pub guidance: &'static str,
}

/// A fact the case does not hold, and what knowing it would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub fact: &'static str,
    pub changes: &'static str,
}

/// The reading: the call, its reasons, the gesture and what is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub call: Call,
    pub reasons: Vec<Reason>,
    pub gesture: Gesture,
    /// What the gesture costs against your limit and break-even, when it has a cost.
    pub cost: Option<CostCheck>,
    pub missing: Vec<Gap>,
}

/// The client's history and the case's clause, as the reading needs them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Past {
    /// Earlier complaints from this client.
    pub cases: usize,
    /// Earlier cases in which you judged they were taking advantage. // G42
    pub taking_advantage: usize,
    /// Concessions given to them before, in this case's currency.
    pub concessions: i64,
    /// The windows of the mediation clause the case is under, if one is linked. // G33
    pub clause: Option<Windows>,
}

impl Past {
    /// This client's complaints before this case, and what they were given, in `currency`.
    pub fn before(history: &ClientHistory, currency: &str) -> Past {
        let earlier = history.before_this();
        Past {
            cases: earlier.cases.len(),
            taking_advantage: earlier.cases.iter().filter(|c| c.taking_advantage).count(),
            concessions: earlier.concessions_in(currency),
            clause: None,
        }
    }
}

/// A limit in use, and whether you set it or Mend suggested it from your numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub value: i64,
    pub suggested: bool,
}

impl Limit {
    /// "your limit" or "the suggested limit": a suggestion is never called your decision.
    pub fn name(self) -> &'static str {
        if self.suggested {
            "the suggested limit"
        } else {
            "your limit"
        }
    }
}

/// The limits in use: yours where you set them, suggested from the numbers where not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LimitsInUse {
    pub concede: Option<Limit>,
    pub minutes: Option<Limit>,
}

/// The limits as the user set them, or suggested from the numbers where they did not. // G3
pub fn limits(case: &Case, f: &Figures) -> LimitsInUse {
    let suggested = suggested_limits(case, f);
    let pick = |own: Option<i64>, suggestion: Option<i64>| match own {
        Some(value) => Some(Limit {
            value,
            suggested: false,
        }),
        None => suggestion.map(|value| Limit {
            value,
            suggested: true,
        }),
    };
    LimitsInUse {
        concede: pick(case.limits.concede, suggested.concede),
        minutes: pick(case.limits.minutes, suggested.minutes),
    }
}

/// A starting point: give up to what keeps you at break-even on the job; spend no more time
/// than the amount in dispute is worth at your hourly rate (at least an hour). // G2, G3
pub fn suggested_limits(case: &Case, f: &Figures) -> Limits {
    let minutes = in_dispute(case)
        .zip(case.numbers.hourly_worth)
        .filter(|(_, w)| *w > 0)
        .map(|(a, w)| super::money::mul_div(a, 60, w).max(60));
    Limits {
        concede: f.concession_budget,
        minutes,
        ..Limits::default()
    }
}

/// "$150.00 of your limit of $300.00 already given: $150.00 is left." // G3
fn already_given(case: &Case, limit: Option<Limit>) -> Option<String> {
    let given = case.limits.given.filter(|g| *g > 0)?;
    let m = |v: i64| format_money(v, &case.currency);
    Some(match limit {
        Some(l) if given >= l.value => format!(
            "{} already given: that is all of {} of {}. Anything more is beyond it; give more only knowingly.",
            m(given),
            l.name(),
            m(l.value)
        ),
        Some(l) => format!(
            "{} of {} of {} already given: {} is left.",
            m(given),
            l.name(),
            m(l.value),
            m(l.value - given)
        ),
        None => format!("{} already given on this dispute.", m(given)),
    })
}

/// What is really in dispute: the amount claimed, but never more than the price the job was
/// invoiced at. A claim above the price is not taken at face value. // G2, G3
pub fn in_dispute(case: &Case) -> Option<i64> {
    // An amount left from before they said they want no money is not in dispute.
    let claimed = case.amount.filter(|a| *a > 0 && case.asks_money())?;
    Some(match case.numbers.invoiced.filter(|i| *i > 0) {
        Some(price) => claimed.min(price),
        None => claimed,
    })
}

/// The claim and the price, when the client asks for more than the job was invoiced at.
fn claim_over_price(case: &Case) -> Option<(i64, i64)> {
    let claimed = case.amount?;
    let price = case.numbers.invoiced.filter(|i| *i > 0)?;
    (claimed > price).then_some((claimed, price))
}

/// Heard means both: the client confirmed the restatement, and the concern was judged.
/// // G11, G13, G21
pub fn heard(case: &Case) -> bool {
    case.restate.confirmed_at.is_some() && case.resolve.valid.is_some_and(|v| v != Validity::Unsure)
}

/// The reading for this case, given the client's history.
pub fn reading(case: &Case, past: Past) -> Reading {
    let ctx = Context::new(case, past);
    let mut r = match case.resolve.valid.filter(|_| heard(case)) {
        None => ctx.hear_first(),
        Some(Validity::Yes) => ctx.valid(),
        Some(Validity::Partly) => ctx.partly_valid(),
        Some(Validity::No) => ctx.not_valid(),
        // Never past `heard`: "not sure yet" is no verdict.
        Some(Validity::Unsure) => ctx.hear_first(),
    };
    if case.diagnose.fault == Some(Fault::Outside) {
        r.reasons.push(reason(
            "The fault lies outside your hands, but the client is yours: own the relationship, put right what you can, and blame no one to them.",
            "G19, G25",
        ));
    }
    if let Some(line) = already_given(case, ctx.limit) {
        r.reasons.push(reason(line, "G3"));
    }
    if case.diagnose.reach == Some(super::case::Reach::Systemic) {
        r.reasons.push(reason(
            "They are likely not the only one: look at your other clients of the same work, and put it right for all of them (Prevent).",
            "G23, G41",
        ));
    }
    ctx.what_they_ask(&mut r);
    if case.listen.mood == Some(Mood::Threatening) {
        let clause = if case.clause.is_some() {
            " Your agreement's clause says how disputes are settled: name it as the way forward."
        } else {
            ""
        };
        r.reasons.push(reason(
            format!("They threaten a lawyer, a chargeback or a bad review. Stay calm, keep to the facts and the dates, and do not argue it or threaten back.{clause} This is not legal advice: for a claim at law, ask a lawyer."),
            "G8, G33",
        ));
    }
    if let Some((claimed, price)) = claim_over_price(case) {
        r.reasons.push(reason(
            format!(
                "They ask for {}, more than the {} the job was invoiced at. What is really in dispute is at most what the work was worth: the figures here count {}, and any offer starts from there.",
                ctx.m(claimed),
                ctx.m(price),
                ctx.m(price)
            ),
            "G2, G3",
        ));
    }
    if r.call != Call::HearFirst {
        ctx.common_reasons(&mut r);
    }
    r.cost = ctx.gesture_cost(&r.gesture);
    if r.call == Call::FixIt && r.cost.is_some_and(|c| c.within_limit == Some(false)) {
        r.reasons.push(reason(
            "Two sound pieces of advice pull apart here: a valid concern is fixed, whatever it takes, and you decide beforehand what a dispute is worth to you. This fix goes beyond that. Your choice: fix it in full, or put it right in a way that costs you less, and say so plainly.",
            "G25, G3",
        ));
    }
    ctx.after_declined(&mut r);
    // Where the value of the relationship can move the reading: the frame before a verdict,
    // and whether a client you cannot agree with costs more than they bring. // G4, G43
    let weighs_future = r.call == Call::HearFirst || ctx.could_end();
    if weighs_future && case.numbers.future_revenue.is_none() {
        r.missing.push(FUTURE_WORK);
    }
    r
}

/// Not sure yet whether they are right: no verdict, and what would settle it. // G15–G21
fn what_would_settle_it() -> Vec<Reason> {
    vec![
        reason(
            "You are not sure yet whether they are right, so no verdict: settle that first.",
            "G21",
        ),
        reason(
            "Check your side: the quote or agreement, what you delivered and when, your messages and time records, and what anyone who worked on it remembers.",
            "G17, G21",
        ),
        reason(
            "Ask them: what did you expect in the first place, and which part fell short? Was anything promised that you did not get?",
            "G15, G16, G17",
        ),
        reason(
            "Then weigh it: a misunderstanding of how to use the work, or the work itself at fault, and how far?",
            "G18, G19",
        ),
    ]
}

/// Unknown future work is not zero. // G4, G43
const FUTURE_WORK: Gap = Gap {
    fact: "Work you expect from them in future:",
    changes: "not entered; unknown is not zero. It decides whether they cost more than they bring (G43). Enter 0 if none.",
};

/// What one reading is made from.
struct Context<'a> {
    case: &'a Case,
    past: Past,
    f: Figures,
    limit: Option<Limit>,
    disputed: Option<i64>,
}

fn reason(text: impl Into<String>, guidance: &'static str) -> Reason {
    Reason {
        text: text.into(),
        guidance,
    }
}

impl<'a> Context<'a> {
    fn new(case: &'a Case, past: Past) -> Context<'a> {
        let f = figures(case);
        Context {
            limit: limits(case, &f).concede,
            case,
            past,
            f,
            disputed: in_dispute(case),
        }
    }

    fn m(&self, v: i64) -> String {
        format_money(v, &self.case.currency)
    }

    fn read(&self, call: Call, reasons: Vec<Reason>, gesture: Gesture) -> Reading {
        Reading {
            call,
            reasons,
            gesture,
            cost: None,
            missing: Vec::new(),
        }
    }

    /// Money already given back on this dispute.
    fn given(&self) -> i64 {
        self.case.limits.given.unwrap_or(0).max(0)
    }

    fn small(&self) -> bool {
        self.f.scale == Some(JobScale::Small)
    }

    fn invested(&self) -> bool {
        self.f.scale == Some(JobScale::Large)
    }

    /// Talked through and cannot agree, after offers were made: until something was put
    /// to them, the way out is to make an offer. // G28, G29
    fn stuck(&self) -> bool {
        self.case.resolve.talks == Some(Talks::Stuck) && !offers_nothing(self.case)
            || self.refused_twice()
    }

    /// Two offers turned down, none still open, nothing agreed, and the user has not said
    /// they are still talking: as good as not agreeing. // G28, G33
    fn refused_twice(&self) -> bool {
        let r = &self.case.resolve;
        declined(self.case).count() >= 2
            && !r.options.iter().any(|o| o.offered && !o.declined)
            && r.agreed.trim().is_empty()
            && r.talks != Some(Talks::Talking)
    }

    /// They said they cannot agree, but nothing was offered yet.
    fn stuck_without_offers(&self) -> bool {
        self.case.resolve.talks == Some(Talks::Stuck) && offers_nothing(self.case)
    }

    fn bad_faith(&self) -> bool {
        self.case.diagnose.good_faith == Some(GoodFaith::TakingAdvantage)
    }

    /// Not valid, in good faith, stuck after offers: the only place where G43 can end it.
    fn could_end(&self) -> bool {
        heard(self.case)
            && self.case.resolve.valid == Some(Validity::No)
            && !self.bad_faith()
            && self.stuck()
    }

    /// Reasons every verdict shares: offer before giving up (G28, G29); explain a
    /// misunderstanding of how to use the work (G18).
    fn common_reasons(&self, r: &mut Reading) {
        if self.stuck_without_offers() {
            r.reasons.push(reason(
                "You cannot agree yet, but nothing has been offered: put a choice of remedies to them before anything else.",
                "G28, G29",
            ));
        }
        if self.case.diagnose.misunderstanding == Some(super::case::YesNo::Yes) {
            r.reasons.push(reason(
                "They misunderstood how to use what you delivered: a clear explanation, or a short session, may be the fix.",
                "G18",
            ));
        }
    }

    /// Before a verdict: listen, and the money as a frame. // G2, G3, G4, G11, G13, G21
    fn hear_first(&self) -> Reading {
        let mut reasons = vec![reason(
            "Let them tell it all, say it back until they agree you have it, and hear your own side too. Decide only then.",
            "G11, G13, G21",
        )];
        let mut missing = Vec::new();
        if self.case.restate.confirmed_at.is_none() {
            missing.push(Gap {
                fact: "Still to hear: the client's confirmation",
                changes: "that your restatement is right (Restate).",
            });
        }
        match self.case.resolve.valid {
            None => missing.push(Gap {
                fact: "Still to decide: whether the concern is valid",
                changes: "once you have heard both sides (Resolve).",
            }),
            Some(Validity::Unsure) => {
                reasons.extend(what_would_settle_it());
                missing.push(Gap {
                    fact: "Still to decide: whether the concern is valid",
                    changes: "once your records and their answers settle it (Resolve).",
                });
            }
            Some(_) => {}
        }
        match self.f.concession_budget {
            Some(b) => reasons.push(reason(
                format!(
                    "To frame it: you could give up to {} and still break even on this job.",
                    self.m(b)
                ),
                "G2, G3",
            )),
            None => missing.push(Gap {
                fact: "The price invoiced, your hours and what an hour is worth",
                changes: "would show how much you could give and still break even.",
            }),
        }
        match self.f.defend_cost {
            Some(d) => reasons.push(reason(
                format!(
                    "Arguing it would take about {} of your time{}.",
                    self.m(d),
                    self.disputed
                        .map(|a| format!(", against {} in dispute", self.m(a)))
                        .unwrap_or_default()
                ),
                "G3",
            )),
            None => missing.push(Gap {
                fact: "Hours the dispute may take",
                changes: "would show what defending costs in your time.",
            }),
        }
        if let Some(w) = self.f.value_at_risk {
            reasons.push(reason(
                format!(
                    "The work you expect from them is worth about {} to you.",
                    self.m(w)
                ),
                "G4",
            ));
        }
        if self.past.cases > 0 {
            reasons.push(reason(
                format!(
                    "{} earlier {} from them: judge this one on its own facts.",
                    self.past.cases,
                    if self.past.cases == 1 {
                        "complaint"
                    } else {
                        "complaints"
                    }
                ),
                "G14, G22",
            ));
        }
        let mut r = self.read(Call::HearFirst, reasons, Gesture::Listen);
        r.missing = missing;
        r
    }

    /// Valid: say so and put it right, whatever the history. // G25, G32, G5
    fn valid(&self) -> Reading {
        if self.stuck() {
            return self.cannot_agree("They turned down your fix.");
        }
        let mut reasons = vec![reason(
            "The concern is valid: say so plainly and put it right, by redoing, reducing or replacing.",
            "G25",
        )];
        if self.small() {
            reasons.push(reason(
                "On a small job, a quick fix with a small thank-you beside it turns a mistake into goodwill.",
                "G32",
            ));
        }
        if self.bad_faith() || self.past.cases > 0 {
            reasons.push(reason(
                "Their history or motives do not change that: a valid concern is fixed.",
                "G25",
            ));
        }
        let mut r = self.read(
            Call::FixIt,
            reasons,
            Gesture::Fix {
                thank_you: self.small(),
                up_to: self.disputed,
            },
        );
        if self.disputed.is_none() && self.case.asks_money() {
            r.missing.push(Gap {
                fact: "The amount in dispute",
                changes: "would cost the fix against your limits.",
            });
        }
        r
    }

    /// When they ask for something other than money, what that asks of you. // G20, G24, G28, G31
    fn what_they_ask(&self, r: &mut Reading) {
        match self.case.ask {
            Some(Ask::Apology) => r.reasons.push(reason(
                "They ask for an apology, not money. Where it is owed, give it plainly and in full: it costs nothing, and being heard and acknowledged is often all that is needed.",
                "G24, G31",
            )),
            Some(Ask::Person) => r.reasons.push(reason(
                "They ask to deal with someone else. If it is a clash of personalities, another person taking it over may be the fix; if you work alone, say so and offer a fresh start in writing.",
                "G20",
            )),
            Some(Ask::Redo) => self.redo_cost(r),
            _ => {}
        }
    }

    /// A redo is paid in hours: what it takes against what the job can still give. // G1, G2, G25
    fn redo_cost(&self, r: &mut Reading) {
        let redo = self
            .case
            .resolve
            .options
            .iter()
            .filter(|o| o.kind == RemedyKind::RedoFree)
            .find_map(|o| Some((o.minutes?, remedy_cost(o, self.case)?)));
        let Some((minutes, cost)) = redo else {
            r.missing.push(Gap {
                fact: "Hours the redo would take",
                changes: "would cost it against break-even: add “Redo the work, free” with its hours (Resolve).",
            });
            return;
        };
        let room = match self.f.concession_budget {
            Some(b) if cost > b => format!(
                ", more than the {} you can give and still break even",
                self.m(b)
            ),
            Some(b) => format!(
                ", within the {} you can give and still break even",
                self.m(b)
            ),
            None => String::new(),
        };
        r.reasons.push(reason(
            format!(
                "They ask for the work to be redone, not money. The redo takes about {}, worth {} of your time{room}.",
                format_hours(minutes),
                self.m(cost)
            ),
            "G1, G2, G25",
        ));
    }

    /// Partly valid: the fair part; pro-rated on an invested job. // G5, G19, G22, G25, G26
    fn partly_valid(&self) -> Reading {
        if self.stuck() {
            return self.cannot_agree("You could not agree on the fair part.");
        }
        let mut reasons = vec![reason(
            "Part of the concern is valid: own that part and put it right; for the rest, explain calmly with something they did not know.",
            "G19, G25, G26",
        )];
        if self.invested() {
            reasons.push(reason(
                "You invested a lot in this job: settle the fair part as a pro-rated or agreed payment.",
                "G5",
            ));
        }
        if self.bad_faith() {
            reasons.push(reason(
                "You think they are taking advantage: give the fair part, and nothing beyond it.",
                "G22",
            ));
            if self.past.taking_advantage > 0 {
                reasons.push(reason(
                    "It is not the first time. If it keeps happening, ending the relationship may be best, as your decision.",
                    "G42",
                ));
            }
        }
        self.read(
            Call::FixFairPart,
            reasons,
            Gesture::FairPart {
                pro_rated: self.invested(),
            },
        )
    }

    /// Not valid: by good faith, then history, the cost of arguing and your limits.
    fn not_valid(&self) -> Reading {
        if self.bad_faith() {
            return self.taking_advantage();
        }
        let assumed = match self.case.diagnose.good_faith {
            Some(GoodFaith::GoodFaith) => None,
            _ => Some(reason(
                "Assume good faith unless the evidence shows otherwise.",
                "G22",
            )),
        };
        let mut r = if self.stuck() {
            self.cannot_agree(if self.refused_twice() {
                "They turned down your offers."
            } else {
                "You have talked it through and cannot agree."
            })
        } else if let Some(r) = self.settle_quickly() {
            r
        } else {
            self.explain_and_offer()
        };
        r.reasons.extend(assumed);
        r
    }

    /// G22, G42: firm the first time; again and again, your decision to end it.
    fn taking_advantage(&self) -> Reading {
        let times = self.past.taking_advantage + 1;
        if times >= 2 {
            return self.read(
                Call::ConsiderEnding,
                vec![reason(
                    format!("You judged them taking advantage on {times} of their cases. Ending it may be best, and better as your decision than theirs."),
                    "G42",
                )],
                Gesture::Exit(ExitTerms::Owed),
            );
        }
        let mut reasons = vec![reason(
            "Not valid, and the evidence says they are taking advantage: stay courteous, state the facts once, give nothing beyond what is owed.",
            "G22",
        )];
        // Where the articles pull apart, both sides, and the choice is the user's.
        let costly = self.f.defend_cost.zip(self.disputed).filter(|(d, a)| d > a);
        if let Some((d, a)) = costly {
            reasons.push(reason(
                format!(
                    "Two sound pieces of advice pull apart here: stand firm when the evidence shows they are taking advantage, and never spend more defending than the amount is worth. Arguing this would take about {} of your time against {}. Your choice: firm and brief keeps the cost down.",
                    self.m(d),
                    self.m(a)
                ),
                "G22, G3",
            ));
        }
        self.read(Call::StandFirm, reasons, Gesture::Courtesy)
    }

    /// G3: arguing would cost more than the amount itself.
    fn settle_quickly(&self) -> Option<Reading> {
        let disputed = self.disputed?;
        let defend = self.f.defend_cost.filter(|d| *d > disputed)?;
        Some(self.read(
            Call::SettleQuickly,
            vec![reason(
                format!(
                    "Arguing would take about {} of your time, and {} is in dispute: settle it quickly and move on.",
                    self.m(defend),
                    self.m(disputed)
                ),
                "G3",
            )],
            Gesture::Settle { amount: disputed },
        ))
    }

    /// G24, G26, G30, G4: acknowledge, explain, and a peace offering that fits.
    fn explain_and_offer(&self) -> Reading {
        let mut reasons = vec![reason(
            "You disagree: say you are sorry there has been a misunderstanding, then explain without defending, with something new they did not know.",
            "G24, G26",
        )];
        let now = self.peace_now();
        reasons.push(match (now, self.f.margin) {
            (None, Some(m)) if m < 0 => reason(
                "This job already lost money: make the peace offering off their next job, which also brings them back.",
                "G30",
            ),
            (None, _) => reason(
                match self.limit {
                    Some(l) if l.value == 0 => format!("{} leaves nothing to give on this invoice: make the peace offering off their next job.", super::text::capitalise(l.name())),
                    _ => "What you can give leaves nothing to offer on this invoice: make the peace offering off their next job.".into(),
                },
                "G30, G3",
            ),
            (Some(_), _) => reason(
                "Offer something even though you are right: offering nothing tells them they are wrong.",
                "G30",
            ),
        });
        if let Some(w) = self.f.value_at_risk {
            reasons.push(reason(
                format!(
                    "The work you expect from them is worth about {} to you: worth a generous gesture, not the amount in dispute.",
                    self.m(w)
                ),
                "G4",
            ));
        }
        self.read(
            Call::ExplainAndOffer,
            reasons,
            Gesture::Peace {
                now,
                next: Share {
                    percent: PEACE_NEXT_PERCENT,
                    cost: None,
                },
            },
        )
    }

    /// A share off this invoice: up to [`PEACE_NOW_PERCENT`], cut to stay within the limit,
    /// break-even and half the amount in dispute (a gesture, not giving in); none when
    /// nothing is left to give. // G3, G30
    fn peace_now(&self) -> Option<Share> {
        let invoiced = self.case.numbers.invoiced;
        let half_disputed = self.disputed.map(|d| d / 2);
        let cap = [
            self.limit
                .map(|l| l.value.saturating_sub(self.given()).max(0)),
            self.f.concession_budget,
            half_disputed,
        ]
        .into_iter()
        .flatten()
        .min();
        let fits = |p: u32| match (invoiced, cap) {
            (Some(i), Some(c)) => percent_of(i, p) <= c,
            _ => true,
        };
        let percent = (1..=PEACE_NOW_PERCENT).rev().find(|p| fits(*p))?;
        Some(Share {
            percent,
            cost: invoiced.map(|i| percent_of(i, percent)),
        })
    }

    /// Talked through and stuck: end it if they cost more than they bring after your
    /// offers (G43); else refund and refer a small job, agree a payment on a larger one
    /// (G5); a clause in the agreement says what comes next (G33).
    fn cannot_agree(&self, why: &str) -> Reading {
        if let Some(mut r) = self
            .could_end()
            .then(|| self.costs_more_than_worth())
            .flatten()
        {
            r.reasons.extend(self.clause_next());
            return r;
        }
        let mut r = if self.small() {
            self.read(
                Call::RefundAndRefer,
                vec![reason(
                    format!("{why} On a small job the simplest way out is to refund it and suggest someone better suited."),
                    "G5",
                )],
                Gesture::RefundAndRefer {
                    amount: self.disputed,
                },
            )
        } else {
            self.read(
                Call::AgreePayment,
                vec![reason(
                    format!("{why} Seek a pro-rated or agreed payment for the work delivered: do not walk away from money you earned."),
                    "G5",
                )],
                Gesture::AgreedPayment,
            )
        };
        if let Some(next) = self.clause_next() {
            r.reasons.push(next);
        }
        r
    }

    /// The clause's next step, with its dates when the clause and the day it was raised are
    /// known. // G33
    fn clause_next(&self) -> Option<Reason> {
        let link = self.case.clause.as_ref()?;
        let raised = link.raised.or(self.case.received);
        let mut dates: Vec<String> = match (&self.past.clause, raised) {
            (Some(w), Some(day)) => w
                .deadlines(day)
                .iter()
                .map(|d| format!("{} {}", d.label, d.date.human()))
                .collect(),
            _ => Vec::new(),
        };
        if link.raised.is_none() && !dates.is_empty() {
            dates.push("counted from the day it arrived: set the day it was raised in writing (Resolve) to be sure".into());
        }
        let mut text = "Your agreement has a clause for this: its next step is mediation, within its deadlines (Resolve).".to_string();
        if !dates.is_empty() {
            text = format!("{text} {}.", dates.join("; "));
        }
        Some(reason(text, "G33"))
    }

    /// What was offered and turned down, and the floor it sets for what comes next: coming
    /// back with less after a refusal goes backwards. // G28, G29
    fn after_declined(&self, r: &mut Reading) {
        let turned_down: Vec<&RemedyOption> = declined(self.case).collect();
        if turned_down.is_empty() {
            return;
        }
        let offers: Vec<String> = turned_down
            .iter()
            .map(|o| format!("“{}”", offer_text(o, self.case).trim_end_matches('.')))
            .collect();
        r.reasons.push(reason(
            format!("Turned down so far: {}.", offers.join("; ")),
            "G28, G29",
        ));
        let highest = turned_down
            .iter()
            .filter_map(|o| remedy_cost(o, self.case))
            .max();
        let next = r.cost.map(|c| c.cost);
        if let Some(highest) = highest.filter(|h| next.is_some_and(|n| n < *h)) {
            r.reasons.push(reason(
                format!(
                    "You already offered {} and they turned it down: do not come back with less. Offer at least that again in another form (a redo, a discount on the next job), or a different remedy.",
                    self.m(highest)
                ),
                "G28, G29",
            ));
        }
    }

    /// G43: you offered what you could within your limits, it did not settle, and the
    /// client costs more than the work they bring. Needs the future work to be known.
    fn costs_more_than_worth(&self) -> Option<Reading> {
        self.case.numbers.future_revenue?;
        let worth = self.f.value_at_risk.unwrap_or(0);
        let costs = self
            .past
            .concessions
            .saturating_add(self.disputed.unwrap_or(0))
            .saturating_add(self.f.defend_cost.unwrap_or(0));
        (costs > worth).then(|| {
            self.read(
                Call::ConsiderEnding,
                vec![reason(
                    format!(
                        "You made your offers and still cannot agree, and they cost you {} against {} of future work at your margin: more than they bring.",
                        self.m(costs),
                        self.m(worth)
                    ),
                    "G43",
                )],
                Gesture::Exit(if self.small() {
                    ExitTerms::Refund
                } else {
                    ExitTerms::AgreedPayment
                }),
            )
        })
    }

    /// What the gesture costs, checked against the limit and break-even.
    fn gesture_cost(&self, g: &Gesture) -> Option<CostCheck> {
        let cost = match g {
            Gesture::Fix { up_to, .. } => (*up_to)?,
            Gesture::Settle { amount } => *amount,
            Gesture::RefundAndRefer { amount } => (*amount)?,
            Gesture::Peace { now, .. } => now.and_then(|s| s.cost)?,
            _ => return None,
        };
        Some(CostCheck::new(cost, self.case, &self.f))
    }
}

/// The peace offering suggested off this invoice, at most, in percent…
pub const PEACE_NOW_PERCENT: u32 = 10;
/// …and off the next job: larger, since it costs only if they come back. // G30
pub const PEACE_NEXT_PERCENT: u32 = 20;

impl Reading {
    /// The gesture, in a line or two, with the case's figures.
    pub fn gesture_text(&self, case: &Case) -> String {
        let m = |v: i64| format_money(v, &case.currency);
        match &self.gesture {
            Gesture::Listen => {
                "Offer nothing yet: first understand what would make it right for them.".into()
            }
            Gesture::Fix { thank_you, up_to } => {
                let mut t = match up_to {
                    Some(a) => format!(
                        "Offer to redo, correct or replace it at no charge, or to take up to {} off.",
                        m(*a)
                    ),
                    None => match case.ask {
                        Some(Ask::Apology) => "Apologise plainly and in full, and put right whatever can still be put right.".into(),
                        Some(Ask::Redo) => "Offer to redo or fix it at no charge, as they ask.".into(),
                        Some(Ask::Person) => "Offer them someone else to deal with if you can, and put right what fell short.".into(),
                        _ => "Offer to redo, correct or replace it at no charge, or to take its value off.".into(),
                    },
                };
                if *thank_you {
                    t.push_str(" Add a small thank-you for their patience: a little extra, or a small gift.");
                }
                t
            }
            Gesture::FairPart { pro_rated: false } => {
                "Offer to redo the part that fell short at no charge, or to take off what that part is worth.".into()
            }
            Gesture::FairPart { pro_rated: true } => {
                "Offer a pro-rated payment: they pay for the part delivered well, and the part that fell short comes off.".into()
            }
            Gesture::Peace { now, next } => peace_text(*now, *next, &m),
            Gesture::Settle { amount } => format!("Offer the {} they dispute, and close it.", m(*amount)),
            Gesture::Courtesy => {
                "Offer nothing beyond what you owe them, and keep every word courteous.".into()
            }
            Gesture::RefundAndRefer { amount } => match amount {
                Some(a) => format!("Refund {} and suggest someone better suited to what they need.", m(*a)),
                None => "Refund the job and suggest someone better suited to what they need.".into(),
            },
            Gesture::AgreedPayment => {
                "Propose a payment for the part delivered, pro-rated or agreed between you.".into()
            }
            Gesture::Exit(ExitTerms::Owed) => {
                "Settle only what the agreement says is owed; end it in writing, briefly and politely.".into()
            }
            Gesture::Exit(ExitTerms::Refund) => {
                "Settle what the agreement says, refund the job and refer them on; end it in writing, briefly and politely.".into()
            }
            Gesture::Exit(ExitTerms::AgreedPayment) => {
                "Settle what the agreement says, with an agreed payment for the work done; end it in writing, briefly and politely.".into()
            }
        }
    }

    /// What the gesture costs against the limit and break-even, when it has a cost.
    pub fn cost_text(&self, case: &Case) -> Option<String> {
        let check = self.cost?;
        let mut text = check.text(case, &figures(case));
        if check.within_limit == Some(false) {
            text.push_str(" Do it with work rather than money where you can, or go beyond the limit knowingly.");
        }
        Some(text)
    }
}

fn peace_text(now: Option<Share>, next: Share, m: &dyn Fn(i64) -> String) -> String {
    let later = format!(
        "{}% off their next job, which costs you only if they come back, and makes that likelier",
        next.percent
    );
    match now {
        Some(Share {
            percent,
            cost: Some(c),
        }) => format!(
            "A peace offering: {percent}% off this invoice ({}), or {later}.",
            m(c)
        ),
        Some(Share {
            percent,
            cost: None,
        }) => {
            format!("A peace offering: {percent}% off this invoice, or {later}.")
        }
        None => format!("A peace offering on the next job: {later}."),
    }
}

/// The peace offering the user set, compared: a share off this invoice (a cost now, and
/// certain) against a larger share off the next purchase (a cost only if they come back,
/// and what that job still earns at this job's margin). // G3, G30
pub fn peace_lines(c: &Case) -> Vec<String> {
    let f = figures(c);
    let p = super::numbers::peace_comparison(c, &f);
    let m = |v: i64| format_money(v, &c.currency);
    let mut lines = Vec::new();
    if let (Some(cost), Some(pc)) = (p.now_cost, c.resolve.peace.now_percent) {
        lines.push(format!(
            "{pc}% off this invoice costs you {}, now and for certain. {}",
            m(cost),
            CostCheck::new(cost, c, &f).text(c, &f)
        ));
    }
    let next = (
        p.next_cost,
        c.resolve.peace.next_percent,
        c.resolve.peace.next_purchase,
    );
    if let (Some(cost), Some(pc), Some(next)) = next {
        let mut line = format!(
            "{pc}% off a next purchase of {} costs {}, and only if they come back, which the discount makes more likely.",
            m(next),
            m(cost)
        );
        if let (Some(profit), Some(margin)) = (p.next_profit, f.margin_permille) {
            let margin = super::numbers::format_permille(margin);
            line.push_str(&if profit >= 0 {
                format!(
                    " At your margin of {margin}, that job still earns you {}.",
                    m(profit)
                )
            } else {
                format!(
                    " At your margin of {margin}, that job would lose you {}.",
                    m(-profit)
                )
            });
        }
        lines.push(line);
    }
    lines
}

/// The limit in use and break-even, in a line, above the options: "Suggested limit: $500.00.
/// You break even giving up to $500.00." // G2, G3
pub fn limit_line(c: &Case) -> String {
    let f = figures(c);
    let m = |v: i64| format_money(v, &c.currency);
    let limit = limits(c, &f).concede.map(|l| {
        let whose = if l.suggested {
            "Suggested limit"
        } else {
            "Your limit"
        };
        format!("{whose}: {}.", m(l.value))
    });
    match (limit, f.concession_budget) {
        (Some(l), Some(b)) => format!("{l} You break even giving up to {}.", m(b)),
        (Some(l), None) => l,
        _ => "Set your limits on Know your numbers to see each option against them.".into(),
    }
}

/// What the app says while nothing is on the table. // G30
pub const NOTHING_OFFERED: &str = "Nothing is offered yet. Offering nothing tells the client \"I am right and you are wrong\", even when that is true. A small gesture of goodwill costs little and keeps the door open.";

/// The remedies put to the client and turned down.
fn declined(case: &Case) -> impl Iterator<Item = &RemedyOption> {
    case.resolve
        .options
        .iter()
        .filter(|o| o.offered && o.declined)
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

/// How a cost compares with the limit in use and with break-even. // G3
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostCheck {
    pub cost: i64,
    /// The limit it was checked against (yours, or the suggested one).
    pub limit: Option<Limit>,
    /// `Some(false)` when it goes beyond that limit.
    pub within_limit: Option<bool>,
    /// `Some(false)` when it would take you below break-even on the job.
    pub within_break_even: Option<bool>,
}

impl CostCheck {
    pub fn new(cost: i64, case: &Case, f: &Figures) -> CostCheck {
        let limit = limits(case, f).concede;
        let given = case.limits.given.unwrap_or(0).max(0);
        CostCheck {
            cost,
            limit,
            within_limit: limit.map(|l| cost.saturating_add(given) <= l.value),
            within_break_even: f.concession_budget.map(|b| cost <= b),
        }
    }

    /// "Costs you $340.00: within your limit of $500.00; you still break even."
    pub fn text(&self, case: &Case, _f: &Figures) -> String {
        let m = |v: i64| format_money(v, &case.currency);
        let given = case.limits.given.unwrap_or(0).max(0);
        let total = self.cost.saturating_add(given);
        let with_given = if given > 0 {
            format!(" with the {} already given", m(given))
        } else {
            String::new()
        };
        let against_limit = match self.limit {
            Some(l) if total <= l.value => {
                format!("within {} of {}{with_given}", l.name(), m(l.value))
            }
            Some(l) => format!(
                "{} over {}{with_given}",
                m(total.saturating_sub(l.value)),
                l.name()
            ),
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

/// The hours the dispute may take, against the time limit in use. The limit is about your
/// own hours on the dispute, never about hurrying the client on a call. // G3, G9
pub fn time_warning(case: &Case, f: &Figures) -> Option<String> {
    let spent = case.limits.minutes_spent.unwrap_or(0).max(0);
    let planned = case.numbers.dispute_minutes?.saturating_add(spent);
    let limit = limits(case, f).minutes?;
    (planned > limit.value).then(|| {
        let cost = case
            .numbers
            .hourly_worth
            .map(|w| format!(" (about {})", format_money(time_cost(planned, w), &case.currency)))
            .unwrap_or_default();
        let so_far = if spent > 0 {
            format!(" in all, with {} already spent", format_hours(spent))
        } else {
            String::new()
        };
        format!(
            "The dispute may take {}{cost} of your time{so_far}, more than {} of {}. Spend less of your own time on it, or raise the limit knowingly. Never hurry the client.",
            format_hours(planned),
            limit.name(),
            format_hours(limit.value)
        )
    })
}

#[cfg(test)]
mod situations;

#[cfg(test)]
mod tests;
