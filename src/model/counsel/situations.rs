//! The decision model's table: situations taken from the articles, each with the reading,
//! the gesture and the words the articles call for, written down before the code. Amounts
//! are in dollars; a job is billed at $100 an hour unless it says otherwise.
//!
//! Sources, in short: hear first, restate until they agree, hear your side, then decide
//! (000, 002: G11, G13, G21); valid → fix it (000: G25), with a thank-you on a small mistake
//! (004: G32); not valid → acknowledge, explain with something new, a peace offering (000:
//! G24, G26, G30); taking advantage → stand firm (001: G22), and again and again → end it
//! (000: G42); done all you can within your limits and they cost more than they are worth →
//! end it (002: G43); arguing costs more than the amount → settle (002: G3); a small job you
//! cannot agree on → refund and refer, an invested one → a pro-rated or agreed payment (004:
//! G5).

use super::*;
use crate::model::case::{Ask, GoodFaith, Mood, RemedyKind, RemedyOption, Talks, Validity, YesNo};

pub(super) const D: i64 = 100;

/// A job: invoiced, hours spent at $100 an hour, no other costs; the dispute takes an hour.
pub(super) fn job(invoiced: i64, hours: i64, disputed: i64) -> Case {
    let mut c = Case::new("USD");
    c.amount = Some(disputed * D);
    c.numbers.invoiced = Some(invoiced * D);
    c.numbers.minutes_spent = Some(hours * 60);
    c.numbers.hourly_worth = Some(100 * D);
    c.numbers.dispute_minutes = Some(60);
    c
}

/// The client was heard: they confirmed the restatement, and the concern was judged.
fn heard(mut c: Case, valid: Validity) -> Case {
    c.restate.confirmed_at = Some(1);
    c.resolve.valid = Some(valid);
    c
}

pub(super) fn with(mut c: Case, f: impl FnOnce(&mut Case)) -> Case {
    f(&mut c);
    c
}

fn bad_faith(c: &mut Case) {
    c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
}

fn future(dollars: i64) -> impl FnOnce(&mut Case) {
    move |c| c.numbers.future_revenue = Some(dollars * D)
}

/// They have talked it through, offers were made, and they still cannot agree.
fn stuck_after_offers(c: &mut Case) {
    c.resolve.talks = Some(Talks::Stuck);
    c.resolve.options.push(RemedyOption {
        kind: RemedyKind::ReduceAmount,
        amount: Some(200 * D),
        offered: true,
        ..RemedyOption::default()
    });
}

fn past(cases: usize, taking_advantage: usize, concessions: i64) -> Past {
    Past {
        cases,
        taking_advantage,
        concessions: concessions * D,
        clause: None,
    }
}

/// An offer put to them and turned down.
fn declined(kind: RemedyKind, amount: i64) -> impl FnOnce(&mut Case) {
    move |c| {
        c.resolve.options.push(RemedyOption {
            kind,
            amount: Some(amount * D),
            offered: true,
            declined: true,
            ..RemedyOption::default()
        })
    }
}

/// A clause of the plain kind (settle first, 30 days; then a mediator agreed within 14),
/// raised on 1 Dec 2026: mediation may start from 31 Dec 2026, a mediator agreed by
/// 14 Jan 2027.
fn under_clause(c: &mut Case) {
    c.clause = Some(crate::model::case::ClauseLink {
        id: "clause".into(),
        raised: crate::model::Date::from_ymd(2026, 12, 1),
    });
}

fn clause_past() -> Past {
    use crate::model::clause::{Provider, Then, Windows};
    Past {
        clause: Some(Windows {
            tiered: false,
            negotiate: true,
            meet_days: 10,
            negotiate_days: 30,
            jointly: true,
            select_days: 14,
            provider: Provider::Local,
            then: Then::Nothing,
            mediate_days: 60,
        }),
        ..Past::default()
    }
}

struct Situation {
    name: &'static str,
    case: Case,
    past: Past,
    call: Call,
    gesture: Gesture,
    /// Words the reading (reasons, gesture, gaps) must carry.
    says: &'static [&'static str],
    /// Words it must not carry.
    never: &'static [&'static str],
    /// Lines the call script for this case must carry.
    script: &'static [&'static str],
    /// Lines the call script must not carry.
    script_never: &'static [&'static str],
}

const NONE: &[&str] = &[];

fn s(name: &'static str, case: Case, call: Call, gesture: Gesture) -> Situation {
    Situation {
        name,
        case,
        past: Past::default(),
        call,
        gesture,
        says: NONE,
        never: NONE,
        script: NONE,
        script_never: NONE,
    }
}

impl Situation {
    fn past(mut self, p: Past) -> Self {
        self.past = p;
        self
    }
    fn says(mut self, words: &'static [&'static str]) -> Self {
        self.says = words;
        self
    }
    fn never(mut self, words: &'static [&'static str]) -> Self {
        self.never = words;
        self
    }
    fn script(mut self, words: &'static [&'static str]) -> Self {
        self.script = words;
        self
    }
    fn script_never(mut self, words: &'static [&'static str]) -> Self {
        self.script_never = words;
        self
    }
}

/// The peace offering the reading suggests on a $2,000 invoice with room to give: 10% now
/// ($200), or 20% off the next job.
fn peace_200() -> Gesture {
    Gesture::Peace {
        now: Some(Share {
            percent: 10,
            cost: Some(200 * D),
        }),
        next: Share {
            percent: 20,
            cost: None,
        },
    }
}

/// The same on a $300 dispute: capped at half of it, 7% ($140). A gesture, not giving in.
fn peace_140() -> Gesture {
    Gesture::Peace {
        now: Some(Share {
            percent: 7,
            cost: Some(140 * D),
        }),
        next: Share {
            percent: 20,
            cost: None,
        },
    }
}

fn situations() -> Vec<Situation> {
    use Call::*;
    use Validity::{No, Partly, Yes};
    vec![
        // ---- Before the client is heard: no verdict (G11, G13, G21). ----
        s("hear first: the five-minute start with the amount, the price and the hours only",
            job(2000, 15, 600), HearFirst, Gesture::Listen)
            .says(&["up to $500.00 and still break even", "about $100.00 of your time", "the client's confirmation", "whether the concern is valid"])
            .never(&["Offer up to", "Stand firm", "Meet them"])
            .script(&["If they are right", "If you disagree", "Say it back"]),
        s("hear first: $10,000 of future work does not buy a verdict before listening",
            with(job(2000, 15, 600), future(10_000)), HearFirst, Gesture::Listen)
            .says(&["$2,500.00"])
            .never(&["Offer up to $600.00"]),
        s("hear first: a suspicion of bad faith waits until they are heard",
            with(job(2000, 15, 200), bad_faith), HearFirst, Gesture::Listen)
            .never(&["Stand firm"]),
        s("hear first: restatement confirmed, validity not answered: names the one missing",
            with(job(2000, 15, 300), |c| c.restate.confirmed_at = Some(1)), HearFirst, Gesture::Listen)
            .says(&["whether the concern is valid"])
            .never(&["the client's confirmation"]),
        s("hear first: judged valid before they confirmed the restatement: names that",
            with(job(2000, 15, 300), |c| c.resolve.valid = Some(Yes)), HearFirst, Gesture::Listen)
            .says(&["the client's confirmation"])
            .never(&["whether the concern is valid"]),
        s("hear first: nothing typed yet: the frame names the figures it needs",
            Case::new("USD"), HearFirst, Gesture::Listen)
            .says(&["The price invoiced, your hours and what an hour is worth", "Hours the dispute may take"]),
        s("hear first: a third complaint is context, not a verdict",
            job(2000, 15, 300), HearFirst, Gesture::Listen)
            .past(past(2, 0, 500))
            .says(&["2 earlier complaints"])
            .never(&["Consider ending"]),
        s("hear first: unknown future work is said to be unknown, not zero",
            job(2000, 15, 300), HearFirst, Gesture::Listen)
            .says(&["Work you expect from them in future", "unknown is not zero"]),

        // ---- A claim above the price: what is really in dispute is at most what the work
        // was worth (G2); conceding more would be conceding a large sum cheaply (G3). ----
        s("a claim above the price, before they are heard: said, and the frame counts the price",
            job(2000, 15, 3000), HearFirst, Gesture::Listen)
            .says(&["They ask for $3,000.00, more than the $2,000.00 the job was invoiced at", "the figures here count $2,000.00", "against $2,000.00 in dispute"])
            .never(&["against $3,000.00 in dispute"]),
        s("a claim above the price, valid: fixed up to the price, never the claim",
            heard(job(2000, 15, 3000), Yes), FixIt, Gesture::Fix { thank_you: false, up_to: Some(2000 * D) })
            .says(&["They ask for $3,000.00"]),
        s("a claim above the price, not valid, arguing costs more than the job: settle at the price",
            with(heard(job(150, 1, 500), No), |c| c.numbers.dispute_minutes = Some(180)),
            SettleQuickly, Gesture::Settle { amount: 150 * D })
            .says(&["and $150.00 is in dispute", "They ask for $500.00"])
            .never(&["$500.00 is in dispute"]),
        s("a claim below the price is taken as it is",
            heard(job(2000, 15, 300), Yes), FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .never(&["more than the", "They ask for"]),

        // ---- Not sure yet whether they are right: no verdict; what would settle it (G15–G21). ----
        s("validity not sure yet: no verdict, and the records and questions that would settle it",
            heard(job(2000, 15, 300), Validity::Unsure), HearFirst, Gesture::Listen)
            .says(&["not sure yet whether they are right", "Check your side", "what did you expect in the first place", "records and their answers settle it"])
            .never(&["Offer up to", "Meet them", "Stand firm", "the client's confirmation"])
            .script(&["If they are right", "If you disagree"]),
        s("validity not sure yet, bad faith suspected: still no verdict",
            with(heard(job(2000, 15, 300), Validity::Unsure), bad_faith), HearFirst, Gesture::Listen)
            .never(&["Stand firm"]),
        s("a fault outside your hands: own the relationship, fix what you can, blame no one",
            with(heard(job(2000, 15, 300), Yes), |c| c.diagnose.fault = Some(crate::model::case::Fault::Outside)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .says(&["outside your hands", "blame no one"]),
        s("fault not sure yet: the verdict stands on validity alone",
            with(heard(job(2000, 15, 300), Yes), |c| c.diagnose.fault = Some(crate::model::case::Fault::Unsure)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .never(&["outside your hands"]),

        // ---- What already happened counts against the limits set in advance (G3). ----
        s("already given most of your limit: said, and the peace offering fits what is left",
            with(heard(job(2000, 15, 300), No), |c| { c.limits.concede = Some(300 * D); c.limits.given = Some(250 * D); }),
            ExplainAndOffer,
            Gesture::Peace { now: Some(Share { percent: 2, cost: Some(40 * D) }), next: Share { percent: 20, cost: None } })
            .says(&["$250.00 of your limit of $300.00 already given: $50.00 is left"]),
        s("already given all of your limit: the peace offering moves to the next job",
            with(heard(job(2000, 15, 300), No), |c| { c.limits.concede = Some(300 * D); c.limits.given = Some(300 * D); }),
            ExplainAndOffer,
            Gesture::Peace { now: None, next: Share { percent: 20, cost: None } })
            .says(&["$300.00 already given: that is all of your limit of $300.00", "off their next job"]),
        s("a fix on top of what was already given: the cost check counts both",
            with(heard(job(2000, 15, 300), Yes), |c| { c.limits.concede = Some(500 * D); c.limits.given = Some(300 * D); }),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .says(&["$100.00 over your limit with the $300.00 already given"]),

        // ---- One client complains; others probably feel the same (G23, G41). ----
        s("others may feel the same: the reading turns to the other clients of the same work",
            with(heard(job(2000, 15, 300), Yes), |c| c.diagnose.reach = Some(crate::model::case::Reach::Systemic)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .says(&["other clients of the same work", "put it right for all of them"]),
        s("others may feel the same, before they are heard: said as context, still no verdict",
            with(job(2000, 15, 300), |c| c.diagnose.reach = Some(crate::model::case::Reach::Systemic)),
            HearFirst, Gesture::Listen)
            .says(&["other clients of the same work"])
            .never(&["Offer up to"]),
        s("a one-time event: nothing about other clients",
            with(heard(job(2000, 15, 300), Yes), |c| c.diagnose.reach = Some(crate::model::case::Reach::OneTime)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .never(&["other clients"]),

        // ---- Valid: say so and put it right (G25); a thank-you on a small job (G32). ----
        s("valid: a medium job is fixed, costed within the suggested limit",
            heard(job(2000, 15, 300), Yes), FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .says(&["within the suggested limit of $500.00"])
            .script(&["You are right", "put it right"])
            .script_never(&["misunderstanding", "If you disagree"]),
        s("valid on a small job: the fix and a small thank-you, not a refund and a referral (004)",
            heard(job(400, 3, 150), Yes), FixIt, Gesture::Fix { thank_you: true, up_to: Some(150 * D) })
            .says(&["thank-you"])
            .never(&["refer"])
            .script(&["thank-you"]),
        s("valid, the third complaint from this client: history never overrides a valid concern",
            heard(job(2000, 15, 300), Yes), FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .past(past(2, 0, 1000))
            .never(&["Consider ending"]),
        s("valid, from a client judged taking advantage twice before: still fixed",
            with(heard(job(2000, 15, 300), Yes), bad_faith), FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .past(past(2, 2, 1000))
            .never(&["Consider ending"]),
        s("valid, the fix costs more than your own limit: fixed, and the limit named",
            heard(with(job(2000, 15, 800), |c| c.limits.concede = Some(300 * D)), Yes), FixIt,
            Gesture::Fix { thank_you: false, up_to: Some(800 * D) })
            .says(&["$500.00 over your limit", "with work rather than money"]),
        s("valid, even when arguing would cost more than the amount (G25 over G3)",
            heard(with(job(2000, 15, 100), |c| c.numbers.dispute_minutes = Some(600)), Yes), FixIt,
            Gesture::Fix { thank_you: false, up_to: Some(100 * D) }),
        s("valid on a large, invested job: fixed",
            heard(job(9000, 60, 2000), Yes), FixIt, Gesture::Fix { thank_you: false, up_to: Some(2000 * D) }),
        s("valid with no amount typed: the fix, and the amount named as missing",
            heard(with(job(2000, 15, 0), |c| c.amount = None), Yes), FixIt, Gesture::Fix { thank_you: false, up_to: None })
            .says(&["The amount in dispute"]),
        s("valid on a small job, and they will not take the fix: refund and refer (G5)",
            heard(with(job(400, 3, 300), stuck_after_offers), Yes), RefundAndRefer,
            Gesture::RefundAndRefer { amount: Some(300 * D) })
            .script(&["You are right about this"])
            .script_never(&["misunderstanding"]),
        s("valid and stuck after offers, a client who cost you before: never ending, a fair settlement",
            with(heard(with(job(2000, 15, 300), stuck_after_offers), Yes), future(0)), AgreePayment, Gesture::AgreedPayment)
            .past(past(2, 0, 400))
            .never(&["Consider ending"])
            .script(&["You are right about this"])
            .script_never(&["misunderstanding", "one fact they may not know"]),
        s("valid, they say they cannot agree but nothing was offered: make the offer first",
            heard(with(job(400, 3, 150), |c| c.resolve.talks = Some(Talks::Stuck)), Yes), FixIt,
            Gesture::Fix { thank_you: true, up_to: Some(150 * D) })
            .says(&["nothing has been offered"]),

        // ---- Partly valid: the fair part (G25, G19); pro-rated on an invested job (G5). ----
        s("partly valid: put the fair part right, and explain the rest",
            heard(job(2000, 15, 300), Partly), FixFairPart, Gesture::FairPart { pro_rated: false })
            .script(&["part of this", "On the rest"])
            .script_never(&["A fair payment"]),
        s("partly valid on a large, invested job: a pro-rated or agreed payment",
            heard(job(9000, 60, 4000), Partly), FixFairPart, Gesture::FairPart { pro_rated: true })
            .says(&["pro-rated"])
            .script(&["A fair payment"]),
        s("partly valid from someone taking advantage: the fair part and nothing beyond",
            with(heard(job(2000, 15, 300), Partly), bad_faith), FixFairPart, Gesture::FairPart { pro_rated: false })
            .says(&["nothing beyond"])
            .script_never(&["What would make it right?"]),
        s("partly valid, taking advantage again: the fair part, and ending named as your choice",
            with(heard(job(2000, 15, 300), Partly), bad_faith), FixFairPart, Gesture::FairPart { pro_rated: false })
            .past(past(1, 1, 200))
            .says(&["not the first time", "your decision"]),
        s("partly valid on an invested job, and you cannot agree: agree a payment for the work done",
            heard(with(job(9000, 60, 4000), stuck_after_offers), Partly), AgreePayment, Gesture::AgreedPayment)
            .says(&["money you earned"]),
        s("partly valid on a small job, and you cannot agree: refund and refer",
            heard(with(job(400, 3, 200), stuck_after_offers), Partly), RefundAndRefer,
            Gesture::RefundAndRefer { amount: Some(200 * D) }),

        // ---- Not valid, in good faith: acknowledge, explain, a peace offering (G24, G26, G30). ----
        s("not valid, good faith: explain with something new, and a peace offering within your means",
            with(heard(job(2000, 15, 300), No), |c| c.diagnose.good_faith = Some(GoodFaith::GoodFaith)),
            ExplainAndOffer, peace_140())
            .says(&["7% off this invoice", "20% off their next job", "misunderstanding"])
            .never(&["Offer up to $300.00"])
            .script(&["sorry there has been a misunderstanding", "A peace offering"])
            .script_never(&["You are right"]),
        s("not valid, $10,000 of future work: a peace offering, not the full amount (000)",
            with(heard(job(2000, 15, 600), No), future(10_000)), ExplainAndOffer, peace_200())
            .says(&["$2,500.00"])
            .never(&["Offer up to $600.00", "the full"]),
        s("not valid, with your own limit of $500: a peace offering, not the whole limit",
            with(heard(job(2000, 15, 400), No), |c| c.limits.concede = Some(500 * D)), ExplainAndOffer, peace_200())
            .never(&["Offer up to $500.00"]),
        s("not valid on a job that lost money: the gesture comes off the next job",
            heard(job(1000, 15, 200), No), ExplainAndOffer,
            Gesture::Peace { now: None, next: Share { percent: 20, cost: None } })
            .says(&["lost money", "next job"]),
        s("not valid, the peace offering is cut to stay within a small limit of yours",
            with(heard(job(2000, 15, 300), No), |c| c.limits.concede = Some(100 * D)), ExplainAndOffer,
            Gesture::Peace {
                now: Some(Share { percent: 5, cost: Some(100 * D) }),
                next: Share { percent: 20, cost: None },
            }),
        s("not valid, good faith not answered: assume it (G22)",
            heard(job(2000, 15, 300), No), ExplainAndOffer, peace_140())
            .says(&["Assume good faith"]),
        s("not valid, not sure of their good faith: assume it (G22)",
            with(heard(job(2000, 15, 300), No), |c| c.diagnose.good_faith = Some(GoodFaith::Unsure)),
            ExplainAndOffer, peace_140()),
        s("not valid over a small sum on a large invoice: the offering stays below half the sum",
            with(heard(job(2000, 15, 100), No), |c| c.numbers.dispute_minutes = Some(30)), ExplainAndOffer,
            Gesture::Peace {
                now: Some(Share { percent: 2, cost: Some(40 * D) }),
                next: Share { percent: 20, cost: None },
            }),
        s("not valid, arguing costs exactly the amount: no need to give it all (G3 is for more)",
            heard(job(2000, 15, 100), No), ExplainAndOffer,
            Gesture::Peace {
                now: Some(Share { percent: 2, cost: Some(40 * D) }),
                next: Share { percent: 20, cost: None },
            }),
        s("not valid, they misunderstood how to use it: explain or show them (G18)",
            with(heard(job(2000, 15, 600), No), |c| c.diagnose.misunderstanding = Some(YesNo::Yes)),
            ExplainAndOffer, peace_200())
            .says(&["misunderstood how to use"]),
        s("not valid, arguing would cost more than the amount: settle quickly (G3)",
            with(heard(job(2000, 15, 150), No), |c| c.numbers.dispute_minutes = Some(240)), SettleQuickly,
            Gesture::Settle { amount: 150 * D })
            .says(&["$400.00", "$150.00"])
            .script(&["Settle it", "$150.00 off the invoice"]),
        s("not valid, settling quickly would go beyond your limit: said plainly",
            with(heard(job(2000, 15, 150), No), |c| {
                c.numbers.dispute_minutes = Some(240);
                c.limits.concede = Some(100 * D);
            }), SettleQuickly, Gesture::Settle { amount: 150 * D })
            .says(&["$50.00 over your limit"]),
        s("not valid, a third complaint in good faith, still talking: history alone ends nothing",
            heard(job(2000, 15, 300), No), ExplainAndOffer, peace_140())
            .past(past(2, 0, 800))
            .never(&["Consider ending"]),
        s("not valid on a small job, and you cannot agree: refund and refer (004)",
            heard(with(job(400, 3, 300), stuck_after_offers), No), RefundAndRefer,
            Gesture::RefundAndRefer { amount: Some(300 * D) })
            .says(&["someone better suited"])
            .script(&["refund"]),
        s("not valid on an invested job, and you cannot agree: a pro-rated or agreed payment (004)",
            heard(with(job(9000, 60, 5000), stuck_after_offers), No), AgreePayment, Gesture::AgreedPayment),
        s("not valid, offers made within your limits, still stuck, and they cost more than they bring (G43)",
            with(heard(with(job(2000, 15, 800), stuck_after_offers), No), future(1000)), ConsiderEnding,
            Gesture::Exit(ExitTerms::AgreedPayment))
            .past(past(1, 0, 500))
            .says(&["more than they bring"])
            .script(&["not the right person"]),
        s("not valid, stuck, but future work unknown: no ending; the missing figure is named",
            heard(with(job(2000, 15, 800), stuck_after_offers), No), AgreePayment, Gesture::AgreedPayment)
            .past(past(1, 0, 500))
            .says(&["Work you expect from them in future"])
            .never(&["Consider ending"]),
        s("not valid and stuck, but nothing offered yet: make your offer before anything else",
            with(heard(with(job(2000, 15, 800), |c| c.resolve.talks = Some(Talks::Stuck)), No), future(0)),
            ExplainAndOffer, peace_200())
            .says(&["nothing has been offered"])
            .never(&["Consider ending"]),
        s("not valid and stuck, with a clause in the agreement: its next step is named (G33)",
            with(heard(with(job(2000, 15, 800), stuck_after_offers), No), |c| {
                c.clause = Some(crate::model::case::ClauseLink::default());
                c.numbers.future_revenue = Some(20_000 * D);
            }), AgreePayment, Gesture::AgreedPayment)
            .says(&["mediation"]),

        // ---- Not about money: an apology, a redo, someone else (G20, G24, G25, G31). ----
        s("valid, they ask only for an apology, no amount: fix it, the apology costs nothing, no amount asked for",
            with(heard(job(2000, 15, 0), Yes), |c| c.ask = Some(Ask::Apology)),
            FixIt, Gesture::Fix { thank_you: false, up_to: None })
            .says(&["They ask for an apology, not money", "it costs nothing", "Apologise plainly and in full"])
            .never(&["The amount in dispute", "take its value off"]),
        s("valid, they ask for a redo of 3 hours: costed in hours against break-even",
            with(heard(job(2000, 15, 0), Yes), |c| {
                c.ask = Some(Ask::Redo);
                c.resolve.options.push(RemedyOption { kind: RemedyKind::RedoFree, minutes: Some(180), ..RemedyOption::default() });
            }),
            FixIt, Gesture::Fix { thank_you: false, up_to: None })
            .says(&["The redo takes about 3 hours, worth $300.00 of your time, within the $500.00 you can give and still break even", "Offer to redo or fix it at no charge"])
            .never(&["The amount in dispute"]),
        s("valid, a redo of 8 hours on a job with $500 of room: more than break-even allows, said",
            with(heard(job(2000, 15, 0), Yes), |c| {
                c.ask = Some(Ask::Redo);
                c.resolve.options.push(RemedyOption { kind: RemedyKind::RedoFree, minutes: Some(480), ..RemedyOption::default() });
            }),
            FixIt, Gesture::Fix { thank_you: false, up_to: None })
            .says(&["worth $800.00 of your time, more than the $500.00 you can give and still break even"]),
        s("valid, a redo asked but its hours unknown: the missing figure is named",
            with(heard(job(2000, 15, 0), Yes), |c| c.ask = Some(Ask::Redo)),
            FixIt, Gesture::Fix { thank_you: false, up_to: None })
            .says(&["Hours the redo would take"]),
        s("not valid, they ask for someone else: a clash of personalities is checked (G20), a peace offering still",
            with(heard(job(2000, 15, 0), No), |c| c.ask = Some(Ask::Person)),
            ExplainAndOffer, peace_200())
            .says(&["They ask to deal with someone else", "clash of personalities"]),
        s("not heard yet, an apology asked: no verdict, and no amount asked for",
            with(job(2000, 15, 0), |c| c.ask = Some(Ask::Apology)), HearFirst, Gesture::Listen)
            .never(&["The amount in dispute"]),

        s("valid, and the fix goes beyond your limit: both articles, and the choice is yours",
            with(heard(job(2000, 15, 800), Yes), |c| c.limits.concede = Some(300 * D)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(800 * D) })
            .says(&["Two sound pieces of advice pull apart here: a valid concern is fixed, whatever it takes"]),
        s("valid, the fix within your limit: no disagreement to show",
            with(heard(job(2000, 15, 200), Yes), |c| c.limits.concede = Some(300 * D)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(200 * D) })
            .never(&["pull apart"]),

        // ---- How the client is: calm first; a threat met with facts (G8, G10, G33). ----
        s("an angry client, not heard yet: the script opens with how to end a heated call",
            with(job(2000, 15, 300), |c| c.listen.mood = Some(Mood::Angry)), HearFirst, Gesture::Listen)
            .script(&["If it gets heated", "how angry this has made you"]),
        s("an upset client: the opening names it, no heated-call step",
            with(job(2000, 15, 300), |c| c.listen.mood = Some(Mood::Upset)), HearFirst, Gesture::Listen)
            .script(&["how upsetting this has been"])
            .script_never(&["If it gets heated"]),
        s("a calm client: the usual opening",
            with(job(2000, 15, 300), |c| c.listen.mood = Some(Mood::Calm)), HearFirst, Gesture::Listen)
            .script(&["this has been frustrating"])
            .script_never(&["If it gets heated", "angry"]),
        s("a threat, not valid, with a clause: calm, the facts, the clause named, not legal advice",
            with(heard(job(2000, 15, 800), No), |c| {
                c.listen.mood = Some(Mood::Threatening);
                c.clause = Some(crate::model::case::ClauseLink::default());
            }), ExplainAndOffer, peace_200())
            .says(&["do not argue it or threaten back", "name it as the way forward", "This is not legal advice"])
            .script(&["If it gets heated", "do not argue it or threaten back"]),
        s("a threat, valid, no clause: still the fix; no clause named",
            with(heard(job(2000, 15, 300), Yes), |c| c.listen.mood = Some(Mood::Threatening)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .says(&["This is not legal advice"])
            .never(&["name it as the way forward"]),

        // ---- Offers already turned down (G28, G29, G33). ----
        s("not valid, one $300 offer turned down: listed, and the next is never less",
            with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 300)),
            ExplainAndOffer, peace_200())
            .says(&["Turned down so far: “We take $300.00 off the invoice”.", "You already offered $300.00", "do not come back with less"]),
        s("not valid, a $150 offer turned down, a $200 peace offering next: more, so no warning",
            with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 150)),
            ExplainAndOffer, peace_200())
            .says(&["Turned down so far"])
            .never(&["do not come back with less"]),
        s("two offers turned down with a clause: its next step, mediation, and its dates (G33)",
            with(with(with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 150)),
                declined(RemedyKind::RefundPartial, 250)), |c| {
                under_clause(c);
                c.numbers.future_revenue = Some(20_000 * D);
            }), AgreePayment, Gesture::AgreedPayment)
            .past(clause_past())
            .says(&["They turned down your offers.", "its next step is mediation", "You may start mediation from 31 Dec 2026", "Agree a mediator by: 14 Jan 2027", "“We take $150.00 off the invoice”; “A refund of $250.00”."])
            .never(&["talked it through", "counted from the day it arrived"]),
        s("two offers turned down, a third still open: not yet stuck, no mediation",
            with(with(with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 150)),
                declined(RemedyKind::RefundPartial, 250)), |c| {
                under_clause(c);
                c.resolve.options.push(RemedyOption { kind: RemedyKind::DiscountNext, amount: Some(1000 * D), percent: Some(20), offered: true, ..RemedyOption::default() });
            }), ExplainAndOffer, peace_200())
            .past(clause_past())
            .says(&["Turned down so far"])
            .never(&["mediation"]),
        s("two offers turned down but still talking, by your word: not stuck",
            with(with(with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 150)),
                declined(RemedyKind::RefundPartial, 250)), |c| c.resolve.talks = Some(Talks::Talking)),
            ExplainAndOffer, peace_200())
            .never(&["mediation", "They turned down your offers"]),
        s("two offers turned down, a clause, no day raised in writing: the dates say what they count from",
            with(with(with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 150)),
                declined(RemedyKind::RefundPartial, 250)), |c| {
                c.clause = Some(crate::model::case::ClauseLink { id: "clause".into(), raised: None });
                c.received = crate::model::Date::from_ymd(2026, 12, 1);
                c.numbers.future_revenue = Some(20_000 * D);
            }), AgreePayment, Gesture::AgreedPayment)
            .past(clause_past())
            .says(&["You may start mediation from 31 Dec 2026", "counted from the day it arrived"]),
        s("an apology asked, an old amount still typed: no money offered for it",
            with(heard(job(2000, 15, 400), Yes), |c| c.ask = Some(Ask::Apology)),
            FixIt, Gesture::Fix { thank_you: false, up_to: None })
            .never(&["$400.00"]),
        s("two offers turned down, no clause: you cannot agree; a payment for the work, no mediation named",
            with(with(with(heard(job(2000, 15, 800), No), declined(RemedyKind::ReduceAmount, 150)),
                declined(RemedyKind::RefundPartial, 250)), future(20_000)), AgreePayment, Gesture::AgreedPayment)
            .says(&["Turned down so far"])
            .never(&["mediation"]),
        s("valid, the fix offered once and turned down: still the fix, the refusal listed",
            with(heard(job(2000, 15, 300), Yes), declined(RemedyKind::RefundPartial, 300)),
            FixIt, Gesture::Fix { thank_you: false, up_to: Some(300 * D) })
            .says(&["Turned down so far"]),

        // ---- Not valid, taking advantage: firm and polite (G22); again and again: end it (G42). ----
        s("a first claim in bad faith: stand firm, nothing beyond courtesy",
            with(heard(job(2000, 15, 200), No), bad_faith), StandFirm, Gesture::Courtesy)
            .script(&["The facts", "the invoice stands"])
            .script_never(&["A peace offering", "What would make it right?", "thank-you"]),
        s("bad faith with $10,000 of future work: still firm",
            with(with(heard(job(2000, 15, 200), No), bad_faith), future(10_000)), StandFirm, Gesture::Courtesy),
        s("bad faith over a small sum that is dear to argue: still firm (G22 over G3)",
            with(heard(with(job(2000, 15, 50), |c| c.numbers.dispute_minutes = Some(180)), No), bad_faith),
            StandFirm, Gesture::Courtesy)
            .says(&["Two sound pieces of advice pull apart here", "stand firm when the evidence shows", "$300.00 of your time against $50.00"]),
        s("taking advantage on this case and an earlier one: consider ending (G42)",
            with(heard(job(2000, 15, 500), No), bad_faith), ConsiderEnding, Gesture::Exit(ExitTerms::Owed))
            .past(past(1, 1, 300))
            .says(&["2 of their cases", "your decision"])
            .script_never(&["A peace offering"]),
        s("taking advantage again, on a small job: end it, settling only what is owed, no refund",
            with(heard(job(400, 3, 300), No), bad_faith), ConsiderEnding, Gesture::Exit(ExitTerms::Owed))
            .past(past(2, 1, 0))
            .says(&["only what the agreement says is owed"])
            .never(&["refund"])
            .script_never(&["refund"]),
        s("taking advantage again, on an invested job: no gesture on the way out either",
            with(heard(job(9000, 60, 3000), No), bad_faith), ConsiderEnding, Gesture::Exit(ExitTerms::Owed))
            .past(past(1, 1, 0))
            .says(&["only what the agreement says is owed"]),
        s("judged taking advantage before, in good faith now: explain and offer",
            with(heard(job(2000, 15, 300), No), |c| c.diagnose.good_faith = Some(GoodFaith::GoodFaith)),
            ExplainAndOffer, peace_140())
            .past(past(1, 1, 300)),
        s("two earlier complaints in good faith, bad faith only now: firm, not ending",
            with(heard(job(2000, 15, 300), No), bad_faith), StandFirm, Gesture::Courtesy)
            .past(past(2, 0, 600)),
    ]
}

fn words(r: &Reading, case: &Case) -> String {
    let mut all: Vec<String> = vec![r.call.headline().to_string()];
    all.extend(r.reasons.iter().map(|x| x.text.clone()));
    all.push(r.gesture_text(case));
    all.extend(r.cost_text(case));
    all.extend(
        r.missing
            .iter()
            .map(|g| format!("{} {}", g.fact, g.changes)),
    );
    all.join(" | ")
}

fn script_words(case: &Case, r: &Reading) -> String {
    let today = crate::model::Date::from_ymd(2026, 12, 1).unwrap();
    crate::model::drafts::call_script(case, r, today)
        .iter()
        .flat_map(|step| std::iter::once(step.heading.to_string()).chain(step.lines.clone()))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn the_articles_situations() {
    let all = situations();
    assert!(all.len() >= 40, "{} situations", all.len());
    for s in all {
        let r = reading(&s.case, s.past);
        assert_eq!((r.call, &r.gesture), (s.call, &s.gesture), "{}", s.name);
        assert!(!r.reasons.is_empty(), "{}: no reasons", s.name);
        for reason in &r.reasons {
            assert!(reason.guidance.starts_with('G'), "{}: {:?}", s.name, reason);
        }
        let text = words(&r, &s.case);
        for w in s.says {
            assert!(text.contains(w), "{}: says {w:?}?\n{text}", s.name);
        }
        for w in s.never {
            assert!(!text.contains(w), "{}: never {w:?}\n{text}", s.name);
        }
        let script = script_words(&s.case, &r);
        for w in s.script {
            assert!(
                script.contains(w),
                "{}: script says {w:?}?\n{script}",
                s.name
            );
        }
        for w in s.script_never {
            assert!(
                !script.contains(w),
                "{}: script never {w:?}\n{script}",
                s.name
            );
        }
    }
}

#[test]
fn names_are_unique() {
    let all = situations();
    let mut names: Vec<&str> = all.iter().map(|s| s.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), all.len());
}

/// G3: the time worth spending on a claim above the price is what the price is worth.
#[test]
fn the_suggested_time_limit_counts_the_price_not_a_claim_above_it() {
    let over = job(2000, 15, 3000);
    assert_eq!(
        suggested_limits(&over, &figures(&over)).minutes,
        Some(20 * 60)
    );
    let under = job(2000, 15, 300);
    assert_eq!(
        suggested_limits(&under, &figures(&under)).minutes,
        Some(3 * 60)
    );
}

/// G23, G41: Prevent opens with the other clients when others may feel the same.
#[test]
fn prevent_opens_with_the_other_clients_when_others_may_feel_the_same() {
    use crate::model::Stage;
    use crate::model::case::Reach;
    use crate::model::worksheet::stage_opening;
    let mut c = job(2000, 15, 300);
    assert_eq!(stage_opening(Stage::Prevent, &c), None);
    c.diagnose.reach = Some(Reach::OneTime);
    assert_eq!(stage_opening(Stage::Prevent, &c), None);
    c.diagnose.reach = Some(Reach::Systemic);
    assert!(
        stage_opening(Stage::Prevent, &c).is_some_and(|t| t.contains("other clients of that work"))
    );
    for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::Prevent) {
        assert_eq!(stage_opening(stage, &c), None, "{stage:?}");
    }
}

/// G3: time already spent on the dispute counts against the time limit.
#[test]
fn time_already_spent_counts_against_the_time_limit() {
    let mut c = job(2000, 15, 600);
    c.limits.minutes = Some(3 * 60);
    c.numbers.dispute_minutes = Some(2 * 60);
    assert_eq!(time_warning(&c, &figures(&c)), None);
    c.limits.minutes_spent = Some(90);
    let warning =
        time_warning(&c, &figures(&c)).expect("over the limit once the time spent counts");
    assert!(
        warning.contains("in all, with 1.5 hours already spent"),
        "{warning}"
    );
    assert!(
        warning.contains("more than your limit of 3 hours"),
        "{warning}"
    );
}
