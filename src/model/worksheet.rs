//! The worksheet's questions, stage by stage, as data: the stage screens, the summary and the
//! printed worksheet all read this one catalogue. Also what is still missing, each stage's
//! status, a case's next step, overdue check-ins, and how the cases list sorts and filters.

use super::case::*;
use super::date::Date;
use super::money::format_money;
use super::numbers::format_hours;
use super::stage::Stage;

/// How a question's answer is kept and edited.
#[derive(Clone, Copy)]
pub enum Field {
    Text(fn(&Case) -> &String, fn(&mut Case) -> &mut String),
    Area(fn(&Case) -> &String, fn(&mut Case) -> &mut String),
    Date(fn(&Case) -> Option<Date>, fn(&mut Case, Option<Date>)),
    Money(fn(&Case) -> Option<i64>, fn(&mut Case, Option<i64>)),
    Hours(fn(&Case) -> Option<i64>, fn(&mut Case, Option<i64>)),
    Choice(
        &'static [&'static str],
        fn(&Case) -> Option<usize>,
        fn(&mut Case, Option<usize>),
    ),
    /// The case's currency, chosen from the list.
    Currency,
}

/// One question of the worksheet.
#[derive(Clone, Copy)]
pub struct Question {
    /// Unique on its stage; used as the field's id and anchor.
    pub key: &'static str,
    pub label: &'static str,
    /// One line under the label.
    pub hint: &'static str,
    /// A few lines behind "Why this matters"; empty for none.
    pub why: &'static str,
    pub field: Field,
    /// Whether this case needs it answered: listed as still missing while it is not.
    pub needed: fn(&Case) -> bool,
}

fn always(_: &Case) -> bool {
    true
}

fn never(_: &Case) -> bool {
    false
}

/// Parts of a stage that are more than a question: lists, calculations, advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    ClientHistory,
    Figures,
    ReachAdvice,
    GroundRules,
    CribSheet,
    ClarifyingQuestions,
    Attempts,
    GoodFaithSignals,
    ValidityAdvice,
    Options,
    Peace,
    Confirmation,
    CheckIns,
    Actions,
    Exit,
    Mediation,
    Reflect,
    /// The reading, its reasons and what to offer (the same on each stage it shows).
    Reading,
    /// The counter-offer's cost against your limits.
    CounterCost,
    /// Your limits for this dispute, with suggestions.
    Limits,
    /// Conversations and messages with the client, and "the call got heated".
    Contacts,
    /// "It is about the work, not about you." // G47
    NotPersonal,
    DraftFirstReply,
    DraftAfterCall,
    DraftCheckIn,
    DraftEnding,
}

impl Widget {
    /// The one-line advice shown with this part of a stage, where it has one.
    pub fn hint(self) -> &'static str {
        match self {
            // G34
            Widget::CheckIns => {
                "Keep in touch until it is truly settled. A short message that you are still working on it beats silence."
            }
            // G36, G41
            Widget::Actions => "Turn the system into steps someone owns, with a date.",
            // G33
            Widget::Mediation => {
                "If talking has not settled it, a mediation clause in your agreement says what happens next. Link it here to see its dates for this case."
            }
            // G45, G46
            Widget::Reflect => {
                "When it is over, step away for a while first. Then take ten minutes: would you do exactly the same again, and what will you change so it does not happen twice?"
            }
            // G13
            Widget::Attempts => {
                "Put the concern in your own words and say it back to the client. If they correct you, write what they said and try again, until they tell you that's right."
            }
            // G27, G29, G31, G32
            Widget::Options => {
                "Give the client a choice of two or three, and let them pick. Solutions, not excuses. Sometimes listening and an apology are all they need; when you were at fault, a fix plus a small thank-you turns a mistake into goodwill."
            }
            // G30
            Widget::Peace => {
                "Even when you are right, a gesture says you value them. Compare a share off now with a larger share off their next purchase."
            }
            // G31
            Widget::Confirmation => {
                "Check with the client that the agreed resolution really meets their needs."
            }
            // G3
            Widget::Limits => {
                "Decide before you talk: the most you will give back, and how much of your own time this dispute is worth. Every offer is checked against them."
            }
            _ => "",
        }
    }

    /// The heading shown for this part, and used in the summary.
    pub fn title(self) -> &'static str {
        match self {
            Widget::ClientHistory => "This client's history",
            Widget::Figures => "What your numbers say",
            Widget::ReachAdvice => "Before you reach out",
            Widget::GroundRules => "Ground rules for the conversation",
            Widget::CribSheet => "Conversation crib sheet",
            Widget::ClarifyingQuestions => "Clarifying questions",
            Widget::Attempts => "Your restatements",
            Widget::GoodFaithSignals => "Signals from this client's history",
            Widget::ValidityAdvice => "What that means for your answer",
            Widget::Options => "Options to offer",
            Widget::Peace => "Peace offering: now, or next time?",
            Widget::Confirmation => "The client's confirmation",
            Widget::CheckIns => "Check-ins",
            Widget::Actions => "Prevention actions",
            Widget::Exit => "A respectful exit",
            Widget::Mediation => "If you cannot agree: the mediation clause",
            Widget::Reflect => "Afterwards: reflect on it",
            Widget::Reading => "What to do, and why",
            Widget::CounterCost => "The counter-offer against your limits",
            Widget::Limits => "Your limits for this dispute",
            Widget::Contacts => "Conversations with the client",
            Widget::NotPersonal => "Not about you",
            Widget::DraftFirstReply => "Words to send: asking for a call",
            Widget::DraftAfterCall => "Words to send: the summary after the call",
            Widget::DraftCheckIn => "Words to send: a check-in update",
            Widget::DraftEnding => "Words to send: ending the relationship",
        }
    }
}

#[derive(Clone, Copy)]
pub enum Block {
    Q(Question),
    W(Widget),
}

use Block::W;

const fn q(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    why: &'static str,
    field: Field,
    required: bool,
) -> Block {
    Block::Q(Question {
        key,
        label,
        hint,
        why,
        field,
        needed: if required { always } else { never },
    })
}

/// A question needed only in some cases (`needed` says which).
const fn needed_when(block: Block, needed: fn(&Case) -> bool) -> Block {
    match block {
        Block::Q(q) => Block::Q(Question { needed, ..q }),
        other => other,
    }
}

macro_rules! text {
    ($($f:ident).+) => { Field::Text(|c: &Case| &c.$($f).+, |c: &mut Case| &mut c.$($f).+) };
}
macro_rules! area {
    ($($f:ident).+) => { Field::Area(|c: &Case| &c.$($f).+, |c: &mut Case| &mut c.$($f).+) };
}
macro_rules! opt {
    ($kind:ident, $($f:ident).+) => { Field::$kind(|c: &Case| c.$($f).+, |c: &mut Case, v| c.$($f).+ = v) };
}
macro_rules! choice {
    ($ty:ident, $($f:ident).+) => {
        Field::Choice(
            $ty::LABELS,
            |c: &Case| c.$($f).+.map(|v| v as usize),
            |c: &mut Case, i: Option<usize>| c.$($f).+ = i.and_then(|i| $ty::ALL.get(i).copied()),
        )
    };
}

const CASE: &[Block] = &[
    q(
        "client-name",
        "Client's name",
        "The person you deal with.",
        "",
        text!(client.name),
        true,
    ),
    q(
        "client-company",
        "Company",
        "Leave empty if they are a private client.",
        "",
        text!(client.company),
        false,
    ),
    q(
        "client-contact",
        "How to reach them",
        "Phone or email, whichever you use with them.",
        "",
        text!(client.contact),
        false,
    ),
    W(Widget::ClientHistory),
    // G6
    q(
        "received",
        "Date the complaint arrived",
        "The day it reached you.",
        "A complaint left waiting grows. Knowing the day it arrived keeps the clock in view.",
        opt!(Date, received),
        true,
    ),
    q(
        "channel",
        "How it came in",
        "This shapes how you reply.",
        "",
        choice!(Channel, channel),
        true,
    ),
    q(
        "disputed",
        "What is disputed",
        "A sentence or two: what they are unhappy about.",
        "",
        area!(disputed),
        true,
    ),
    // G47
    W(Widget::NotPersonal),
    q(
        "currency",
        "Currency",
        "Used for every amount in this case.",
        "",
        Field::Currency,
        false,
    ),
    // G28
    q(
        "ask",
        "What they ask for",
        "Not every complaint is about money: a redo, an apology or someone else to deal with are answers too.",
        "",
        choice!(Ask, ask),
        false,
    ),
    // Only when they ask for money.
    needed_when(
        q(
            "amount",
            "Amount in dispute",
            "What they want back, or will not pay. Leave it empty when they ask for no money.",
            "",
            opt!(Money, amount),
            true,
        ),
        Case::asks_money,
    ),
    // G39
    q(
        "severity",
        "How serious is it?",
        "From once in a blue moon to serious, fix it now.",
        "Sorting complaints by how serious they are lets you deal with the serious ones straight away and keep an eye on the rest for patterns.",
        choice!(Severity, severity),
        true,
    ),
    q(
        "category",
        "What it is about",
        "Used to spot trends later.",
        "",
        choice!(Category, category),
        false,
    ),
    // G40
    q(
        "people",
        "People involved",
        "Your staff or partners, separated by commas.",
        "When the same name turns up in case after case, it usually points to training or a process to fix, not to someone to blame.",
        text!(people),
        false,
    ),
    // G40
    q(
        "products",
        "Products or services involved",
        "Separated by commas.",
        "A product that keeps drawing complaints, or praise, tells you where to act: fix it, or offer more of it.",
        text!(products),
        false,
    ),
];

const NUMBERS: &[Block] = &[
    // G1
    q(
        "minutes-spent",
        "Hours spent on the job",
        "Count the hidden time too: calls, fixes, admin.",
        "You cannot judge a fair concession without knowing what the work really cost you.",
        opt!(Hours, numbers.minutes_spent),
        true,
    ),
    // G2
    q(
        "hourly-worth",
        "What an hour of your time is worth",
        "What you would charge for it, or could earn with it elsewhere.",
        "Your time is a cost even when nobody invoices it. Pricing it shows where you break even and what arguing will really cost.",
        opt!(Money, numbers.hourly_worth),
        true,
    ),
    q(
        "materials",
        "Materials",
        "Parts and supplies you paid for on this job.",
        "",
        opt!(Money, numbers.materials),
        false,
    ),
    q(
        "other-costs",
        "Other costs",
        "Travel, subcontractors, fees.",
        "",
        opt!(Money, numbers.other_costs),
        false,
    ),
    q(
        "invoiced",
        "Price invoiced",
        "What you billed for this job.",
        "",
        opt!(Money, numbers.invoiced),
        true,
    ),
    q(
        "amount-numbers",
        "Amount in dispute",
        "The same amount as on the first stage.",
        "",
        opt!(Money, amount),
        true,
    ),
    q(
        "revenue-to-date",
        "What this client has paid you so far",
        "Across all your work for them.",
        "",
        opt!(Money, numbers.revenue_to_date),
        false,
    ),
    // G4
    q(
        "future-revenue",
        "Work you expect from them in future",
        "A fair guess for the next year or two.",
        "Winning the argument can cost you the client, and everyone they talk to. Weigh what the relationship is still worth, not just this invoice.",
        opt!(Money, numbers.future_revenue),
        false,
    ),
    // G3
    q(
        "dispute-minutes",
        "Hours the dispute may take",
        "Calls, meetings, letters, rework.",
        "Decide up front what this dispute is worth to you. Spending a day to defend a small sum is a loss, and so is giving away a large one in a hurry.",
        opt!(Hours, numbers.dispute_minutes),
        true,
    ),
    W(Widget::Figures),
    // G3
    W(Widget::Limits),
    W(Widget::Reading),
];

const REACH_OUT: &[Block] = &[
    W(Widget::ReachAdvice),
    // G7
    q(
        "reach-channel",
        "How you will reach out",
        "A call or a meeting carries warmth that an email cannot.",
        "Written replies to a written complaint tend to read as a defence. Your voice, or better your face, shows you care. If a call goes nowhere, follow up by email.",
        choice!(Channel, reach.channel),
        true,
    ),
    // G6
    q(
        "reach-when",
        "When",
        "As soon as you can; avoiding it only makes it harder.",
        "",
        opt!(Date, reach.when),
        true,
    ),
    q(
        "reach-time",
        "At what time",
        "As you would say it: \"at 10 tomorrow\", \"Tuesday afternoon\".",
        "",
        text!(reach.time),
        false,
    ),
    // G6, G7
    W(Widget::DraftFirstReply),
    W(Widget::GroundRules),
    W(Widget::CribSheet),
    q(
        "reach-notes",
        "Notes for the conversation",
        "What you want to say, and what to avoid.",
        "",
        area!(reach.notes),
        false,
    ),
    // G7, G8, G34, G45, G47
    W(Widget::Contacts),
];

const LISTEN: &[Block] = &[
    // G8, G10
    q(
        "mood",
        "How are they?",
        "As far as you can tell. It shapes how you open the call.",
        "An upset or angry person cannot take in facts until they feel heard: calm comes first, solutions after.",
        choice!(Mood, listen.mood),
        false,
    ),
    // G11
    q(
        "words",
        "The grievance, in the client's words",
        "Write what they said, not your answer to it.",
        "Start from their complaint, not from your defence. Seeing it from their side first makes everything after easier.",
        area!(listen.words),
        true,
    ),
    // G12
    q(
        "meaning",
        "What they seem to mean",
        "Often an expectation that was not met, or something never said clearly.",
        "What people say and what they mean can differ. The real issue is often a broken expectation or a gap in communication.",
        area!(listen.meaning),
        false,
    ),
    W(Widget::ClarifyingQuestions),
    // G14
    q(
        "listen-notes",
        "Notes",
        "Anything else you noticed.",
        "People rarely complain without a reason they believe in. Even an odd complaint usually has some truth in it, and to them it matters.",
        area!(listen.notes),
        false,
    ),
    W(Widget::Contacts),
];

const RESTATE: &[Block] = &[W(Widget::Attempts)];

const DIAGNOSE: &[Block] = &[
    // G15
    q(
        "perceived",
        "What the client experienced",
        "The problem as they see it.",
        "Is the problem in how it was seen, or in what was actually delivered? The answer changes the remedy.",
        area!(diagnose.perceived),
        true,
    ),
    q(
        "perceived-evidence",
        "Their evidence",
        "Emails, photos, what they pointed to.",
        "",
        area!(diagnose.perceived_evidence),
        false,
    ),
    // G15, G21
    q(
        "actual",
        "What actually happened",
        "The facts, as far as you can establish them.",
        "",
        area!(diagnose.actual),
        true,
    ),
    // G21
    q(
        "actual-evidence",
        "Your evidence",
        "Timesheets, messages, notes from your people.",
        "",
        area!(diagnose.actual_evidence),
        false,
    ),
    // G16
    q(
        "claim-short",
        "Which promise of your work fell short?",
        "What you said it would do, that it did not.",
        "",
        text!(diagnose.claim_short),
        false,
    ),
    // G16
    q(
        "expected",
        "What did they expect in the first place?",
        "Their picture before the work began.",
        "",
        area!(diagnose.expected),
        false,
    ),
    // G17
    q(
        "promise",
        "Was something promised that was not delivered?",
        "By you, or by whoever sold the work.",
        "",
        area!(diagnose.promise),
        false,
    ),
    // G18
    q(
        "misunderstanding",
        "Did they misunderstand how to use what you delivered?",
        "If so, a clear explanation may be the fix.",
        "",
        choice!(YesNo, diagnose.misunderstanding),
        false,
    ),
    q(
        "retraining",
        "What would help them use it well?",
        "An explanation, a short session, written steps.",
        "",
        text!(diagnose.retraining),
        false,
    ),
    // G19
    q(
        "fault",
        "Was your work truly at fault?",
        "Be honest with yourself here.",
        "",
        choice!(Fault, diagnose.fault),
        false,
    ),
    q(
        "fault-extent",
        "To what extent?",
        "Which part, and how much of the whole.",
        "",
        text!(diagnose.fault_extent),
        false,
    ),
    // G20
    q(
        "personality",
        "Is a clash of personalities part of it?",
        "Between the client and you or someone on your team.",
        "",
        choice!(YesNo, diagnose.personality),
        false,
    ),
    // G21
    q(
        "our-side",
        "Your side of the story",
        "What your records and people say happened.",
        "Hear both sides before you decide. A complicated problem deserves a little time.",
        area!(diagnose.our_side),
        false,
    ),
    W(Widget::GoodFaithSignals),
    // G22
    q(
        "good-faith",
        "Good faith, or taking advantage?",
        "Assume good faith unless the evidence says otherwise.",
        "Most clients are honest. Stand firm only when the evidence shows someone is trying to take advantage.",
        choice!(GoodFaith, diagnose.good_faith),
        true,
    ),
    q(
        "good-faith-why",
        "What makes you think so?",
        "",
        "",
        text!(diagnose.good_faith_why),
        false,
    ),
    // G23
    q(
        "reach",
        "A one-off, or something to fix for everyone?",
        "If one client says it, others may feel it.",
        "When one client complains, others who stayed silent often feel the same. A fix for everyone is worth more than a fix for one.",
        choice!(Reach, diagnose.reach),
        true,
    ),
    W(Widget::Reading),
];

const RESOLVE: &[Block] = &[
    // G21, G24, G25, G26: judged once both sides are heard; the reading waits for it.
    q(
        "valid",
        "Is the concern valid?",
        "Answer once you have heard them out and checked your side. Even when it is not, acknowledge how they feel.",
        "",
        choice!(Validity, resolve.valid),
        true,
    ),
    W(Widget::ValidityAdvice),
    W(Widget::Reading),
    // G28
    q(
        "their-suggestion",
        "What did the client say would make it right?",
        "Ask them before you suggest anything; their answer is often reasonable.",
        "Clients mostly want things to be even. Asking first shows respect, and often the remedy they name is easy to give.",
        area!(resolve.their_suggestion),
        false,
    ),
    // G27, G29, G32
    W(Widget::Options),
    // G28
    q(
        "counter-offer",
        "Your counter-offer",
        "If their request is out of reach: say what you cannot do, then what you can.",
        "",
        area!(resolve.counter_offer),
        false,
    ),
    // G3
    q(
        "counter-amount",
        "What the counter-offer costs you",
        "If it is money, or work you can price. It is checked against your limits.",
        "",
        opt!(Money, resolve.counter_amount),
        false,
    ),
    W(Widget::CounterCost),
    // G30
    W(Widget::Peace),
    // G5, G43: once offers were made, whether you can still agree changes the reading.
    q(
        "talks",
        "Can you still reach an agreement?",
        "Answer once you have put your offers to them.",
        "If you have talked it through and cannot agree, the reading turns to a clean way out: a refund and a referral on a small job, an agreed payment for the work done on a larger one, or, if they cost more than they are worth, ending it.",
        choice!(Talks, resolve.talks),
        false,
    ),
    // G31
    q(
        "agreed",
        "The agreed resolution",
        "What you both agreed, in plain words.",
        "A good resolution is fair to both of you. Sometimes being heard and acknowledged is all the client needed.",
        area!(resolve.agreed),
        true,
    ),
    W(Widget::Confirmation),
    // G13, G31, G34
    W(Widget::DraftAfterCall),
    // G33
    W(Widget::Mediation),
];

const FOLLOW_UP: &[Block] = &[
    W(Widget::CheckIns),
    W(Widget::DraftCheckIn),
    W(Widget::Contacts),
];

const PREVENT: &[Block] = &[
    // G35
    q(
        "client-idea",
        "How does the client think it could have been avoided?",
        "Ask them; write down any useful ideas.",
        "",
        area!(prevent.client_idea),
        false,
    ),
    // G36, G38
    q(
        "root-cause",
        "The root cause",
        "Look at how things are done before looking at who did them.",
        "Unhappy clients usually trace back to a policy or a process rather than to one person. Most people want to do good work and are held back by how things are set up.",
        area!(prevent.root_cause),
        true,
    ),
    // G37
    q(
        "process-change",
        "What will change in how you work",
        "The change in your process, policy or habits.",
        "",
        area!(prevent.process_change),
        false,
    ),
    // G37
    q(
        "consulted",
        "Who you worked it out with",
        "Staff, partners, anyone who will carry it out.",
        "People carry out the changes they helped shape, and resent the ones forced on them.",
        text!(prevent.consulted),
        false,
    ),
    // G36, G41, G33
    q(
        "system",
        "The system you are putting in place",
        "So this cannot happen the same way again.",
        "The same problem twice wastes time and loses clients. If the cause is in your control, put a system in place. One that helps with any dispute: a clause in your agreements saying you will first try to settle between you, then go to mediation (the Clause screen drafts one).",
        area!(prevent.system),
        true,
    ),
    W(Widget::Actions),
];

const DECIDE: &[Block] = &[
    // G42, G43, G44
    q(
        "outcome",
        "How did it end?",
        "You cannot please everyone every time; an honest ending is still a good one.",
        "",
        choice!(Outcome, decide.outcome),
        true,
    ),
    q(
        "closed-on",
        "Date closed",
        "",
        "",
        opt!(Date, decide.closed_on),
        false,
    ),
    q(
        "concession",
        "What the resolution cost you",
        "Refunds, discounts and free work at cost. It feeds your trends.",
        "",
        opt!(Money, decide.concession),
        false,
    ),
    // G43
    W(Widget::Exit),
    // G5, G43
    q(
        "refer-to",
        "If you end it: someone who may suit them better",
        "A name to pass on, so they are not left stranded.",
        "",
        text!(decide.refer_to),
        false,
    ),
    W(Widget::DraftEnding),
    // G47
    W(Widget::NotPersonal),
    q(
        "decide-note",
        "Anything to remember",
        "",
        "",
        area!(decide.note),
        false,
    ),
    // G45, G46, G47
    W(Widget::Reflect),
];

/// A question of the worksheet, wherever it is asked, by its key.
pub fn question(key: &str) -> Option<Question> {
    Stage::questions()
        .iter()
        .flat_map(|s| blocks(*s))
        .find_map(|b| match b {
            Block::Q(q) if q.key == key => Some(*q),
            _ => None,
        })
}

/// The blocks of a stage, in order. The summary has none of its own.
pub fn blocks(stage: Stage) -> &'static [Block] {
    match stage {
        Stage::Case => CASE,
        Stage::Numbers => NUMBERS,
        Stage::ReachOut => REACH_OUT,
        Stage::Listen => LISTEN,
        Stage::Restate => RESTATE,
        Stage::Diagnose => DIAGNOSE,
        Stage::Resolve => RESOLVE,
        Stage::FollowUp => FOLLOW_UP,
        Stage::Prevent => PREVENT,
        Stage::Decide => DECIDE,
        Stage::Summary => &[],
    }
}

/// What a stage opens with for this case, before its questions, when the case calls for it.
pub fn stage_opening(stage: Stage, case: &Case) -> Option<&'static str> {
    match stage {
        // G23, G41
        Stage::Prevent if case.diagnose.reach == Some(super::case::Reach::Systemic) => Some(
            "Others who had the same work may feel the same. Start there: look at your other clients of that work, put it right for them before they have to ask, and change how it is done so it cannot happen again.",
        ),
        _ => None,
    }
}

/// A one-line hint under each stage's heading.
pub fn stage_hint(stage: Stage) -> &'static str {
    match stage {
        Stage::Case => "Who, what, when and how serious. Facts only; feelings come later.",
        Stage::Numbers => {
            "Know where you stand before you talk: what the job cost, and what the dispute is worth."
        }
        Stage::ReachOut => "Answer soon, in a way that lets them hear you care.",
        Stage::Listen => "Let them say it all. Your turn comes later.",
        Stage::Restate => "Say it back in your own words until they tell you that's right.",
        Stage::Diagnose => "Work out what really happened, from both sides, before you decide.",
        Stage::Resolve => {
            "Ask what would make it right, offer choices, and agree something fair to both."
        }
        Stage::FollowUp => "Keep in touch until it is truly settled, even when there is no news.",
        Stage::Prevent => "Make sure the same thing cannot happen twice.",
        Stage::Decide => "Close the case, and decide what the relationship is worth.",
        Stage::Summary => "Every answer in one place, and what is still missing.",
    }
}

impl Field {
    /// Whether the question has an answer.
    pub fn answered(&self, case: &Case) -> bool {
        match self {
            Field::Text(get, _) | Field::Area(get, _) => !get(case).trim().is_empty(),
            Field::Date(get, _) => get(case).is_some(),
            Field::Money(get, _) | Field::Hours(get, _) => get(case).is_some(),
            Field::Choice(_, get, _) => get(case).is_some(),
            Field::Currency => !case.currency.is_empty(),
        }
    }

    /// The answer as a person reads it, or `None` when unanswered.
    pub fn answer(&self, case: &Case) -> Option<String> {
        if !self.answered(case) {
            return None;
        }
        Some(match self {
            Field::Text(get, _) | Field::Area(get, _) => get(case).trim().to_string(),
            Field::Date(get, _) => get(case)?.human(),
            Field::Money(get, _) => format_money(get(case)?, &case.currency),
            Field::Hours(get, _) => format_hours(get(case)?),
            Field::Choice(labels, get, _) => labels.get(get(case)?)?.to_string(),
            Field::Currency => case.currency.clone(),
        })
    }
}

/// What a list or confirmation on a stage amounts to, for the summary.
pub fn widget_answer(widget: Widget, case: &Case) -> Option<String> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match widget {
        Widget::ClarifyingQuestions => {
            let asked: Vec<&str> = case
                .listen
                .questions
                .iter()
                .filter(|q| q.asked)
                .map(|q| q.text.as_str())
                .collect();
            (!asked.is_empty()).then(|| format!("Asked: {}", asked.join(" · ")))
        }
        Widget::Attempts => {
            let n = case.restate.attempts.len();
            (n > 0).then(|| {
                let last = &case.restate.attempts[n - 1].mine;
                let state = if case.restate.confirmed_at.is_some() {
                    "the client confirmed"
                } else {
                    "not yet confirmed"
                };
                format!(
                    "{}; {state}. Latest: {last}",
                    plural(n, "attempt", "attempts")
                )
            })
        }
        Widget::Options => {
            let offered: Vec<&str> = case
                .resolve
                .options
                .iter()
                .filter(|o| o.offered)
                .map(|o| o.kind.label())
                .collect();
            (!case.resolve.options.is_empty()).then(|| {
                format!(
                    "{} considered; offered: {}",
                    plural(case.resolve.options.len(), "option", "options"),
                    if offered.is_empty() {
                        "none yet".to_string()
                    } else {
                        offered.join(", ")
                    }
                )
            })
        }
        Widget::Peace => {
            let p = &case.resolve.peace;
            (p.now_percent.is_some() || p.next_percent.is_some()).then(|| {
                format!(
                    "{}% off this invoice, or {}% off the next purchase",
                    p.now_percent.unwrap_or(0),
                    p.next_percent.unwrap_or(0)
                )
            })
        }
        Widget::Confirmation => case
            .resolve
            .confirmed_at
            .map(|_| "The client confirmed it meets their needs.".to_string()),
        Widget::CheckIns => {
            let n = case.follow_up.len();
            (n > 0).then(|| {
                let done = case.follow_up.iter().filter(|c| c.done).count();
                format!("{}, {done} done", plural(n, "check-in", "check-ins"))
            })
        }
        Widget::Actions => {
            let n = case.prevent.actions.len();
            (n > 0).then(|| {
                let done = case
                    .prevent
                    .actions
                    .iter()
                    .filter(|a| a.status == ActionStatus::Done)
                    .count();
                format!("{}, {done} done", plural(n, "action", "actions"))
            })
        }
        Widget::Exit => {
            let ticked = case.decide.exit.iter().filter(|t| **t).count();
            (ticked > 0).then(|| {
                format!(
                    "{ticked} of {} exit steps done",
                    super::guidance::EXIT_CHECKLIST.len()
                )
            })
        }
        Widget::Mediation => case
            .clause
            .as_ref()
            .map(|_| "A mediation clause applies: its dates are on the Resolve stage.".to_string()),
        _ => None,
    }
}

/// What a stage still needs, in words, in the order it is asked.
pub fn missing(stage: Stage, case: &Case) -> Vec<&'static str> {
    let mut out = Vec::new();
    for block in blocks(stage) {
        match block {
            Block::Q(q) if (q.needed)(case) && !q.field.answered(case) => out.push(q.label),
            Block::W(Widget::Attempts) => {
                if case
                    .restate
                    .attempts
                    .iter()
                    .all(|a| a.mine.trim().is_empty())
                {
                    out.push("Your restatement of the concern");
                }
                // G13: the stage is done only when the client has confirmed.
                if case.restate.confirmed_at.is_none() {
                    out.push("The client's confirmation that you have understood");
                }
            }
            Block::W(Widget::Confirmation) if case.resolve.confirmed_at.is_none() => {
                out.push("The client's confirmation that the resolution meets their needs")
            }
            Block::W(Widget::CheckIns) if case.follow_up.iter().all(|c| c.due.is_none()) => {
                out.push("A date to check in with the client")
            }
            _ => {}
        }
    }
    out
}

/// How far a stage has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    NotStarted,
    Started,
    Done,
}

impl StageStatus {
    pub fn label(self) -> &'static str {
        match self {
            StageStatus::NotStarted => "not started",
            StageStatus::Started => "in progress",
            StageStatus::Done => "done",
        }
    }
}

fn touched(stage: Stage, case: &Case) -> bool {
    blocks(stage).iter().any(|b| match b {
        Block::Q(q) => !matches!(q.field, Field::Currency) && q.field.answered(case),
        Block::W(Widget::Attempts) => !case.restate.attempts.is_empty(),
        Block::W(Widget::CheckIns) => !case.follow_up.is_empty(),
        Block::W(Widget::Options) => !case.resolve.options.is_empty(),
        Block::W(Widget::Actions) => !case.prevent.actions.is_empty(),
        Block::W(Widget::ClarifyingQuestions) => case.listen.questions.iter().any(|q| q.asked),
        _ => false,
    })
}

pub fn status(stage: Stage, case: &Case) -> StageStatus {
    if missing(stage, case).is_empty() {
        StageStatus::Done
    } else if touched(stage, case) {
        StageStatus::Started
    } else {
        StageStatus::NotStarted
    }
}

/// How many of the ten stages are done.
pub fn progress(case: &Case) -> usize {
    Stage::questions()
        .iter()
        .filter(|s| status(**s, case) == StageStatus::Done)
        .count()
}

/// The next thing to do on an open case: the first stage not done, and what it needs.
pub fn next_step(case: &Case) -> Option<(Stage, &'static str)> {
    if case.is_closed() {
        return None;
    }
    Stage::questions()
        .iter()
        .find_map(|s| missing(*s, case).first().map(|m| (*s, *m)))
}

/// Check-ins not done whose date has passed. // G34
pub fn overdue_check_ins(case: &Case, today: Date) -> Vec<&CheckIn> {
    case.follow_up
        .iter()
        .filter(|c| !c.done && c.due.is_some_and(|d| d < today))
        .collect()
}

/// One overdue check-in, for the list on Home.
#[derive(Clone, Debug, PartialEq)]
pub struct OverdueCheckIn {
    pub due: Date,
    pub case_id: String,
    pub case_title: String,
    pub note: String,
}

/// Every overdue check-in across the cases, the longest overdue first. // G34
pub fn overdue_list<'a>(
    cases: impl Iterator<Item = (&'a str, &'a Case)>,
    today: Date,
) -> Vec<OverdueCheckIn> {
    let mut list: Vec<OverdueCheckIn> = cases
        .flat_map(|(id, case)| {
            overdue_check_ins(case, today)
                .into_iter()
                .filter_map(move |ci| {
                    Some(OverdueCheckIn {
                        due: ci.due?,
                        case_id: id.to_string(),
                        case_title: case.title(),
                        note: ci.note.clone(),
                    })
                })
        })
        .collect();
    crate::model::order::sort_by_key(&mut list, |x| {
        (i64::from(x.due.days()), 0, x.case_id.clone())
    });
    list
}

/// Days since the complaint arrived, if known. // G6
pub fn days_waiting(case: &Case, today: Date) -> Option<i32> {
    case.received
        .map(|r| r.days_until(today))
        .filter(|d| *d >= 0)
}

/// Reach-out advice: a written reply to a written complaint, and a complaint left waiting.
pub fn reach_warnings(case: &Case, today: Date) -> Vec<String> {
    let mut out = Vec::new();
    // G7
    if let (Some(came), Some(reply)) = (case.channel, case.reach.channel)
        && came.is_written()
        && reply.is_written()
    {
        out.push(
            "They wrote to you, and you plan to write back. A written answer to a written complaint often reads as a defence; a call or a meeting lets them hear that you care. Write when a call has not worked, or when they asked to be reached only in writing: then keep it warm, and ask for their side and what would be fair."
                .to_string(),
        );
    }
    // G6
    if let Some(days) = days_waiting(case, today) {
        let planned_soon = case.reach.when.is_some_and(|w| w <= today.add_days(1));
        if days >= 2 && !planned_soon {
            out.push(format!(
                "The complaint arrived {}. Reach out soon: every day it waits makes the conversation harder.",
                super::date::days_ago(days)
            ));
        }
    }
    out
}

/// Which cases to show in the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    Open,
    Closed,
}

/// The cases list's filters. Empty means "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseFilter {
    pub query: String,
    pub status: StatusFilter,
    pub severity: Option<Severity>,
    /// A client's match key.
    pub client: Option<String>,
}

impl CaseFilter {
    pub fn matches(&self, case: &Case) -> bool {
        let status_ok = match self.status {
            StatusFilter::All => true,
            StatusFilter::Open => !case.is_closed(),
            StatusFilter::Closed => case.is_closed(),
        };
        let severity_ok = self.severity.is_none() || case.severity == self.severity;
        let client_ok = self
            .client
            .as_ref()
            .is_none_or(|c| case.client.match_key() == *c);
        status_ok && severity_ok && client_ok && search(case, &self.query)
    }
}

/// Case-insensitive search across the case's main text.
pub fn search(case: &Case, query: &str) -> bool {
    // ASCII case folding: Unicode case tables would add kilobytes to the wasm.
    let words: Vec<String> = query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        return true;
    }
    let haystack = [
        case.client.name.as_str(),
        &case.client.company,
        &case.disputed,
        &case.people,
        &case.products,
        &case.listen.words,
        &case.listen.notes,
        &case.diagnose.actual,
        &case.resolve.agreed,
    ]
    .join("\n")
    .to_ascii_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Sort key for "what needs attention first": overdue check-ins, then serious open cases,
/// then other open cases (longest waiting first), then closed ones (most recent first).
pub fn attention_key(case: &Case, opened: Date, today: Date) -> (u8, i32) {
    let since = super::history::case_date(case, opened).days();
    if case.is_closed() {
        return (4, -case.decide.closed_on.map_or(since, Date::days));
    }
    let rank = if !overdue_check_ins(case, today).is_empty() {
        0
    } else if case.severity == Some(Severity::Serious) {
        1
    } else if case.severity == Some(Severity::Significant) {
        2
    } else {
        3
    };
    (rank, since)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_with_advice_say_it_in_a_sentence_or_two() {
        let with: Vec<Widget> = [
            Widget::CheckIns,
            Widget::Actions,
            Widget::Mediation,
            Widget::Reflect,
            Widget::Attempts,
            Widget::Options,
            Widget::Peace,
            Widget::Confirmation,
            Widget::Limits,
        ]
        .into();
        for w in with {
            let h = w.hint();
            assert!(h.ends_with(['.', '?']) && h.len() < 260, "{w:?}: {h}");
        }
        assert_eq!(Widget::Figures.hint(), "");
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn keys_are_unique_and_every_stage_has_blocks() {
        let mut keys = Vec::new();
        for stage in Stage::questions() {
            assert!(!blocks(*stage).is_empty(), "{stage:?}");
            for b in blocks(*stage) {
                if let Block::Q(q) = b {
                    keys.push(q.key);
                    assert!(!q.label.is_empty());
                }
            }
        }
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate question keys");
    }

    #[test]
    fn fields_read_and_write_through_their_accessors() {
        let mut case = Case::new("EUR");
        for stage in Stage::questions() {
            for b in blocks(*stage) {
                let Block::Q(q) = b else { continue };
                match q.field {
                    Field::Text(_, set) | Field::Area(_, set) => {
                        *set(&mut case) = format!("{} answer", q.key)
                    }
                    Field::Date(_, set) => set(&mut case, Some(d(2026, 3, 4))),
                    Field::Money(_, set) => set(&mut case, Some(12_345)),
                    Field::Hours(_, set) => set(&mut case, Some(90)),
                    Field::Choice(labels, _, set) => set(&mut case, Some(labels.len() - 1)),
                    Field::Currency => {}
                }
                assert!(q.field.answered(&case), "{}", q.key);
            }
        }
        let answer = |key: &str| {
            Stage::questions()
                .iter()
                .flat_map(|s| blocks(*s))
                .find_map(|b| match b {
                    Block::Q(q) if q.key == key => q.field.answer(&case),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(answer("client-name"), "client-name answer");
        assert_eq!(answer("received"), "4 Mar 2026");
        assert_eq!(answer("amount"), "€123.45");
        assert_eq!(answer("minutes-spent"), "1.5 hours");
        assert_eq!(answer("severity"), "Serious: fix it now");
        assert_eq!(answer("currency"), "EUR");
        assert_eq!(case.decide.outcome, Some(Outcome::Ended));
        // Out-of-range choices clear rather than panic.
        if let Block::Q(Question {
            field: Field::Choice(_, get, set),
            ..
        }) = CASE[5]
        {
            set(&mut case, Some(99));
            assert_eq!(get(&case), None);
        }
    }

    #[test]
    fn the_amount_is_missing_only_when_they_ask_for_money() {
        let mut case = Case::new("USD");
        for (ask, listed) in [
            (None, true),
            (Some(Ask::MoneyBack), true),
            (Some(Ask::Discount), true),
            (Some(Ask::Redo), false),
            (Some(Ask::Apology), false),
            (Some(Ask::Person), false),
        ] {
            case.ask = ask;
            let missing = missing(Stage::Case, &case);
            assert_eq!(missing.contains(&"Amount in dispute"), listed, "{ask:?}");
        }
    }

    #[test]
    fn the_restate_stage_is_done_only_when_the_client_confirms() {
        let mut case = Case::new("USD");
        assert_eq!(status(Stage::Restate, &case), StageStatus::NotStarted);
        assert_eq!(
            missing(Stage::Restate, &case),
            vec![
                "Your restatement of the concern",
                "The client's confirmation that you have understood"
            ]
        );
        case.restate.attempts.push(Attempt {
            mine: "You feel the six hours of rework should not be billed.".into(),
            correction: "Not only that: the meeting too.".into(),
            at: 1,
        });
        assert_eq!(status(Stage::Restate, &case), StageStatus::Started);
        assert_eq!(
            missing(Stage::Restate, &case),
            vec!["The client's confirmation that you have understood"]
        );
        case.restate.attempts.push(Attempt {
            mine: "The rework hours and the extra meeting should not be billed.".into(),
            ..Default::default()
        });
        assert_eq!(status(Stage::Restate, &case), StageStatus::Started);
        case.restate.confirmed_at = Some(5);
        assert_eq!(status(Stage::Restate, &case), StageStatus::Done);
        assert!(
            widget_answer(Widget::Attempts, &case)
                .unwrap()
                .starts_with("2 attempts; the client confirmed")
        );
    }

    #[test]
    fn the_summary_lists_what_is_still_missing() {
        let mut case = Case::new("USD");
        assert_eq!(
            missing(Stage::Case, &case),
            vec![
                "Client's name",
                "Date the complaint arrived",
                "How it came in",
                "What is disputed",
                "Amount in dispute",
                "How serious is it?"
            ]
        );
        case.client.name = "  ".into();
        assert_eq!(
            missing(Stage::Case, &case)[0],
            "Client's name",
            "blank text is not an answer"
        );
        case.client.name = "Dana".into();
        case.received = Some(d(2026, 1, 1));
        case.channel = Some(Channel::Email);
        case.disputed = "Six hours".into();
        case.amount = Some(0);
        case.severity = Some(Severity::Minor);
        assert!(missing(Stage::Case, &case).is_empty(), "zero is an answer");
        assert_eq!(status(Stage::Case, &case), StageStatus::Done);
        assert_eq!(progress(&case), 1);
        assert_eq!(
            missing(Stage::FollowUp, &case),
            vec!["A date to check in with the client"]
        );
        assert_eq!(
            missing(Stage::Resolve, &case),
            vec![
                "Is the concern valid?",
                "The agreed resolution",
                "The client's confirmation that the resolution meets their needs"
            ]
        );
        assert_eq!(
            next_step(&case),
            Some((Stage::Numbers, "Hours spent on the job"))
        );
        case.decide.outcome = Some(Outcome::Resolved);
        assert_eq!(next_step(&case), None, "closed cases have no next step");
    }

    #[test]
    fn overdue_check_ins_and_waiting_days() {
        let today = d(2026, 11, 22);
        let mut case = Case::new("USD");
        case.follow_up = vec![
            CheckIn {
                due: Some(d(2026, 11, 20)),
                note: "call".into(),
                done: false,
            },
            CheckIn {
                due: Some(d(2026, 11, 21)),
                note: "done one".into(),
                done: true,
            },
            CheckIn {
                due: Some(today),
                note: "today".into(),
                done: false,
            },
            CheckIn {
                due: None,
                note: "someday".into(),
                done: false,
            },
        ];
        let overdue = overdue_check_ins(&case, today);
        assert_eq!(overdue.len(), 1);
        assert_eq!(overdue[0].note, "call");

        // Across cases: the longest overdue first, each with its case.
        let mut other = Case::for_client("Bo");
        other.follow_up = vec![CheckIn {
            due: Some(d(2026, 11, 1)),
            note: "chase".into(),
            done: false,
        }];
        case.client.name = "Ann".into();
        let list = overdue_list([("a", &case), ("b", &other)].into_iter(), today);
        let seen: Vec<(&str, &str, &str)> = list
            .iter()
            .map(|o| (o.case_id.as_str(), o.case_title.as_str(), o.note.as_str()))
            .collect();
        assert_eq!(seen, vec![("b", "Bo", "chase"), ("a", "Ann", "call")]);
        assert_eq!(days_waiting(&case, today), None);
        case.received = Some(d(2026, 11, 19));
        assert_eq!(days_waiting(&case, today), Some(3));
        case.received = Some(d(2026, 11, 30));
        assert_eq!(
            days_waiting(&case, today),
            None,
            "a future date is not waiting"
        );
    }

    #[test]
    fn reach_out_warnings() {
        let today = d(2026, 11, 22);
        let mut case = Case::new("USD");
        assert!(reach_warnings(&case, today).is_empty());
        case.channel = Some(Channel::Email);
        case.reach.channel = Some(Channel::Letter);
        assert_eq!(reach_warnings(&case, today).len(), 1);
        case.reach.channel = Some(Channel::Phone);
        assert!(reach_warnings(&case, today).is_empty());
        case.received = Some(d(2026, 11, 18));
        assert!(reach_warnings(&case, today)[0].contains("4 days ago"));
        case.reach.when = Some(today.add_days(1));
        assert!(
            reach_warnings(&case, today).is_empty(),
            "a call planned for tomorrow is soon enough"
        );
        case.reach.when = Some(today.add_days(5));
        assert_eq!(reach_warnings(&case, today).len(), 1);
    }

    #[test]
    fn filters_and_search() {
        let mut a = Case::new("USD");
        a.client.name = "Dana Smith".into();
        a.disputed = "Six hours of rework".into();
        a.severity = Some(Severity::Serious);
        let mut b = Case::new("USD");
        b.client.name = "Northwind".into();
        b.disputed = "Logo revisions".into();
        b.decide.outcome = Some(Outcome::Resolved);
        let table: Vec<(CaseFilter, bool, bool)> = vec![
            (CaseFilter::default(), true, true),
            (
                CaseFilter {
                    query: "rework".into(),
                    ..Default::default()
                },
                true,
                false,
            ),
            (
                CaseFilter {
                    query: "DANA hours".into(),
                    ..Default::default()
                },
                true,
                false,
            ),
            (
                CaseFilter {
                    query: "dana logo".into(),
                    ..Default::default()
                },
                false,
                false,
            ),
            (
                CaseFilter {
                    status: StatusFilter::Open,
                    ..Default::default()
                },
                true,
                false,
            ),
            (
                CaseFilter {
                    status: StatusFilter::Closed,
                    ..Default::default()
                },
                false,
                true,
            ),
            (
                CaseFilter {
                    severity: Some(Severity::Serious),
                    ..Default::default()
                },
                true,
                false,
            ),
            (
                CaseFilter {
                    client: Some("northwind".into()),
                    ..Default::default()
                },
                false,
                true,
            ),
        ];
        for (f, ea, eb) in table {
            assert_eq!((f.matches(&a), f.matches(&b)), (ea, eb), "{f:?}");
        }
    }

    #[test]
    fn attention_order() {
        let today = d(2026, 11, 22);
        let opened = d(2026, 11, 1);
        let mut overdue = Case::new("USD");
        overdue.follow_up.push(CheckIn {
            due: Some(d(2026, 11, 2)),
            ..Default::default()
        });
        let serious = Case {
            severity: Some(Severity::Serious),
            ..Case::new("USD")
        };
        let old_minor = Case {
            received: Some(d(2026, 10, 1)),
            ..Case::new("USD")
        };
        let new_minor = Case {
            received: Some(d(2026, 11, 20)),
            ..Case::new("USD")
        };
        let mut closed = Case::new("USD");
        closed.decide.outcome = Some(Outcome::Resolved);
        let mut cases = [&closed, &new_minor, &serious, &old_minor, &overdue];
        cases.sort_by_key(|c| attention_key(c, opened, today));
        assert!(std::ptr::eq(cases[0], &overdue));
        assert!(std::ptr::eq(cases[1], &serious));
        assert!(std::ptr::eq(cases[2], &old_minor));
        assert!(std::ptr::eq(cases[3], &new_minor));
        assert!(std::ptr::eq(cases[4], &closed));
    }
}
