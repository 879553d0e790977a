//! A case: one dispute with one client, with the answers of every worksheet stage.
//! Every field has a default so older and partial records load; money is in minor units of
//! the case's currency; hours are kept in minutes.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::guidance::CLARIFYING_QUESTIONS;
use super::money::MAX_AMOUNT;

/// The most time a record may hold, in minutes (100,000 hours): what can be typed.
pub const MAX_MINUTES: i64 = 100_000 * 60;

/// The last moment a date can show (the end of year 9999, in ms since 1970).
const MAX_MOMENT: i64 = 253_402_300_799_999;

/// Generates an enum's list of values and labels, in the order they are offered.
macro_rules! labelled {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $key:literal => $label:expr),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        // Stored as its key. Written out rather than derived: serde's derive for an enum
        // brings its variant machinery, several KB per enum, to read what is one word.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            // Called, not copied, into each struct that holds one (twice each: serde's derive
            // reads a struct from an object or from a list).
            #[inline(never)]
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = String::deserialize(d)?;
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.key() == key)
                    .ok_or_else(|| serde::de::Error::custom(concat!("not a known ", stringify!($name))))
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const LABELS: &'static [&'static str] = &[$($label),+];

            pub fn label(self) -> &'static str {
                Self::LABELS[self as usize]
            }

            /// The name it is stored under.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
        }
    };
}
pub(crate) use labelled;

labelled!(
    /// How the complaint reached you.
    Channel {
        Email = "email" => "Email",
        Letter = "letter" => "Letter",
        Phone = "phone" => "Phone call",
        InPerson = "in_person" => "In person",
        Review = "review" => "Public review",
        Other = "other" => "Other",
    }
);

impl Channel {
    /// A complaint that arrived, or a reply that goes out, as text rather than a voice.
    pub fn is_written(self) -> bool {
        matches!(self, Channel::Email | Channel::Letter | Channel::Review)
    }
}

labelled!(
    /// What the client asks for: money, or something else. // G28, G29
    Ask {
        MoneyBack = "money_back" => "Money back, or not to pay",
        Discount = "discount" => "A discount",
        Redo = "redo" => "The work redone or fixed",
        Apology = "apology" => "An apology",
        Person = "person" => "Someone else to deal with",
        Other = "other" => "Something else",
    }
);

impl Ask {
    /// Whether it is about money, so an amount in dispute is part of it.
    pub fn is_money(self) -> bool {
        matches!(self, Ask::MoneyBack | Ask::Discount | Ask::Other)
    }
}

labelled!(
    /// How the client is, as far as you can tell: it shapes how you open. // G8, G10
    Mood {
        Calm = "calm" => "Calm",
        Upset = "upset" => "Upset",
        Angry = "angry" => "Angry",
        Threatening = "threatening" => "Threatening (a lawyer, a chargeback, bad reviews)",
    }
);

labelled!(
    /// How serious the complaint is, from "once in a blue moon" to "fix it now". // G39
    Severity {
        BlueMoon = "blue_moon" => "Once in a blue moon",
        Minor = "minor" => "Minor: worth watching",
        Significant = "significant" => "Significant",
        Serious = "serious" => "Serious: fix it now",
    }
);

labelled!(
    /// What the complaint is about, for trends.
    Category {
        Billing = "billing" => "The invoice or price",
        Quality = "quality" => "Quality of the work",
        Delay = "delay" => "Late or slow",
        Scope = "scope" => "What was included",
        Communication = "communication" => "Communication",
        Treatment = "treatment" => "How someone was treated",
        Product = "product" => "A product",
        Other = "other" => "Something else",
    }
);

labelled!(
    /// Is the client's concern valid? // G25, G26
    Validity {
        Yes = "yes" => "Yes",
        Partly = "partly" => "Partly",
        No = "no" => "No",
        Unsure = "unsure" => "Not sure yet",
    }
);

labelled!(
    /// Can the two of you still reach an agreement? // G5, G33, G43
    Talks {
        Talking = "talking" => "Still talking it through",
        Stuck = "stuck" => "We have tried, and cannot agree",
    }
);

impl Validity {
    /// What to do with each answer to "is the concern valid?". // G24, G25, G26
    pub fn advice(self) -> &'static str {
        match self {
            // G25
            Validity::Yes => {
                "Say so plainly, and put it right: redo the work at no charge, take it off the invoice, whatever it takes for them to leave satisfied."
            }
            // G25, G26
            Validity::Partly => {
                "Own the part that is fair and fix it; for the rest, explain your view calmly, with something new they did not know."
            }
            // G15–G21
            Validity::Unsure => {
                "Then give no verdict yet. Check your records and ask them what they expected; the reading lists what would settle it. Answer Yes, Partly or No once you know."
            }
            // G24, G26
            Validity::No => {
                "Still acknowledge that they are upset and that you are sorry for the misunderstanding. Then explain without defending yourself, bringing new information or a new way of seeing what they know."
            }
        }
    }
}

labelled!(
    /// An answer that may not be known yet.
    YesNo {
        Yes = "yes" => "Yes",
        No = "no" => "No",
        Unsure = "unsure" => "Not sure yet",
    }
);

labelled!(
    /// Was the work truly at fault? // G19
    Fault {
        No = "no" => "No",
        Partly = "partly" => "Partly",
        Fully = "fully" => "Yes, clearly",
        Outside = "outside" => "Outside my hands (a supplier, courier, host, or their own set-up)",
        Unsure = "unsure" => "Not sure yet",
    }
);

labelled!(
    /// Good faith, or taking advantage? // G22
    GoodFaith {
        GoodFaith = "good_faith" => "Acting in good faith",
        Unsure = "unsure" => "Not sure",
        TakingAdvantage = "taking_advantage" => "Trying to take advantage",
    }
);

labelled!(
    /// A one-off, or something that needs fixing for everyone? // G23
    Reach {
        OneTime = "one_time" => "A one-time event",
        Systemic = "systemic" => "Others may feel the same",
    }
);

labelled!(
    /// How the case ended. // G42, G43
    Outcome {
        Resolved = "resolved" => "Resolved",
        ResolvedWithConcession = "resolved_with_concession" => "Resolved, with a concession",
        StoodFirm = "stood_firm" => "Stood firm",
        Ended = "ended" => "Ended the relationship",
    }
);

labelled!(
    /// A kind of remedy to offer. // G29
    RemedyKind {
        RedoFree = "redo_free" => "Redo the work, free",
        ReduceAmount = "reduce_amount" => "Reduce the invoice by an amount",
        ReducePercent = "reduce_percent" => "Reduce the invoice by a share",
        DiscountNext = "discount_next" => "Discount on the next purchase",
        FreeExtra = "free_extra" => "A free extra",
        Replacement = "replacement" => "A replacement",
        RefundFull = "refund_full" => "Full refund",
        RefundPartial = "refund_partial" => "Partial refund",
        ProRated = "pro_rated" => "Pro-rated payment",
        ApologyOnly = "apology_only" => "An apology only",
    }
);

labelled!(
    /// Where a prevention action stands.
    ActionStatus {
        Open = "open" => "To do",
        Doing = "doing" => "In progress",
        Done = "done" => "Done",
    }
);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Client {
    pub name: String,
    pub company: String,
    pub contact: String,
}

impl Client {
    /// The name used to match a client's cases: lower case, single spaces. Falls back to the
    /// company when no person is named.
    pub fn match_key(&self) -> String {
        let source = if self.name.trim().is_empty() {
            &self.company
        } else {
            &self.name
        };
        source
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// "Dana Smith (Northwind)", or whichever part is known.
    pub fn display(&self) -> String {
        match (self.name.trim(), self.company.trim()) {
            ("", "") => String::new(),
            (n, "") => n.to_string(),
            ("", c) => c.to_string(),
            (n, c) => format!("{n} ({c})"),
        }
    }
}

/// Know your numbers. Money in minor units; time in minutes. // G1–G5
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Numbers {
    pub minutes_spent: Option<i64>,
    pub hourly_worth: Option<i64>,
    pub materials: Option<i64>,
    pub other_costs: Option<i64>,
    pub invoiced: Option<i64>,
    pub revenue_to_date: Option<i64>,
    pub future_revenue: Option<i64>,
    pub dispute_minutes: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReachOut {
    pub channel: Option<Channel>,
    pub when: Option<Date>,
    /// The time proposed for the call, as the user puts it ("Tuesday at 10").
    pub time: String,
    pub notes: String,
}

/// The user's own limits for this dispute, set before the conversation. // G3
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// The most you will give back, in minor units.
    pub concede: Option<i64>,
    /// The most time you will spend on it, in minutes.
    pub minutes: Option<i64>,
    /// Money already given back on this dispute (refunds, discounts), in minor units: it
    /// comes off the limit.
    pub given: Option<i64>,
    /// Time already spent on this dispute, in minutes: it comes off the time limit.
    pub minutes_spent: Option<i64>,
}

/// One conversation or message with the client. // G34
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// When (ms).
    pub at: i64,
    pub how: Option<Channel>,
    /// What was said, in a line or two.
    pub said: String,
    /// It got heated. // G8
    pub heated: bool,
}

/// A draft the user edited, kept with the case so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditedDraft {
    /// Which draft (see `model::drafts::DraftKind::key`).
    pub kind: String,
    pub text: String,
}

/// A clarifying question, ticked when asked, with what was said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Question {
    pub text: String,
    /// Chosen to ask, before the call (the call script lists these).
    pub planned: bool,
    pub asked: bool,
    pub answer: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Listen {
    pub mood: Option<Mood>,
    pub words: String,
    pub meaning: String,
    pub notes: String,
    pub questions: Vec<Question>,
}

impl Listen {
    /// The question with this text, added when first used. // G11
    pub fn question(&mut self, text: &str) -> &mut Question {
        let i = match self.questions.iter().position(|q| q.text == text) {
            Some(i) => i,
            None => {
                self.questions.push(Question {
                    text: text.into(),
                    ..Question::default()
                });
                self.questions.len() - 1
            }
        };
        &mut self.questions[i]
    }

    /// Every question to offer: the suggested ones, then the user's own. // G11, G12
    pub fn texts(&self) -> Vec<String> {
        let mut all: Vec<String> = CLARIFYING_QUESTIONS.iter().map(|s| s.to_string()).collect();
        for q in &self.questions {
            if !all.contains(&q.text) {
                all.push(q.text.clone());
            }
        }
        all
    }
}

/// One try at putting the concern in your own words, and how the client answered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attempt {
    pub mine: String,
    pub correction: String,
    /// When it was written (ms).
    pub at: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Restate {
    pub attempts: Vec<Attempt>,
    /// When the client said "that's right" (ms). // G13
    pub confirmed_at: Option<i64>,
}

impl Restate {
    /// Attempt `i`, made (with any before it) when first written in, at `now` (ms). // G13
    pub fn attempt(&mut self, i: usize, now: i64) -> &mut Attempt {
        while self.attempts.len() <= i {
            self.attempts.push(Attempt {
                at: now,
                ..Attempt::default()
            });
        }
        &mut self.attempts[i]
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Diagnose {
    pub perceived: String,
    pub perceived_evidence: String,
    pub actual: String,
    pub actual_evidence: String,
    pub claim_short: String,
    pub expected: String,
    pub promise: String,
    pub misunderstanding: Option<YesNo>,
    pub retraining: String,
    pub fault: Option<Fault>,
    pub fault_extent: String,
    pub personality: Option<YesNo>,
    pub our_side: String,
    pub good_faith: Option<GoodFaith>,
    pub good_faith_why: String,
    pub reach: Option<Reach>,
}

/// A remedy considered, with what it takes. Which inputs matter depends on the kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RemedyOption {
    pub kind: RemedyKind,
    pub amount: Option<i64>,
    pub percent: Option<u32>,
    pub minutes: Option<i64>,
    pub note: String,
    /// Put to the client as one of the choices.
    pub offered: bool,
    /// Offered, and the client turned it down.
    pub declined: bool,
}

impl Default for RemedyOption {
    fn default() -> Self {
        RemedyOption {
            kind: RemedyKind::ApologyOnly,
            amount: None,
            percent: None,
            minutes: None,
            note: String::new(),
            offered: false,
            declined: false,
        }
    }
}

/// The peace offering to compare: a share off this invoice, or a larger share off the
/// next purchase. // G30
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Peace {
    pub now_percent: Option<u32>,
    pub next_percent: Option<u32>,
    pub next_purchase: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resolve {
    pub valid: Option<Validity>,
    pub their_suggestion: String,
    pub options: Vec<RemedyOption>,
    pub counter_offer: String,
    /// What the counter-offer costs you, when it is money.
    pub counter_amount: Option<i64>,
    pub peace: Peace,
    /// Whether you can still agree, once offers were put to them. // G5, G43
    pub talks: Option<Talks>,
    pub agreed: String,
    /// When the client confirmed the agreed resolution meets their needs (ms). // G31
    pub confirmed_at: Option<i64>,
}

/// A planned check-in with the client. // G34
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    pub due: Option<Date>,
    pub note: String,
    pub done: bool,
}

/// How far ahead a new check-in is planned. // G34
pub const CHECK_IN_DAYS: i32 = 7;
/// How far ahead a new prevention action is due: a date is what makes it happen. // G36
pub const ACTION_DAYS: i32 = 14;

impl CheckIn {
    /// A new check-in, a week from today.
    pub fn new(today: Date) -> CheckIn {
        CheckIn {
            due: Some(today.add_days(CHECK_IN_DAYS)),
            ..CheckIn::default()
        }
    }
}

/// Something to change so this does not happen again. // G36, G41
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub text: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
}

impl Default for Action {
    fn default() -> Self {
        Action {
            text: String::new(),
            owner: String::new(),
            due: None,
            status: ActionStatus::Open,
        }
    }
}

impl Action {
    /// The next action for a list, wherever it lives (a case's Prevent stage or a journal
    /// entry): due in two weeks, and the first one starts from the system just described.
    pub fn next(existing: &[Action], system: &str, today: Date) -> Action {
        Action {
            text: if existing.is_empty() {
                system.trim().to_string()
            } else {
                String::new()
            },
            due: Some(today.add_days(ACTION_DAYS)),
            ..Action::default()
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prevent {
    pub client_idea: String,
    pub root_cause: String,
    pub process_change: String,
    pub consulted: String,
    pub system: String,
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Decide {
    pub outcome: Option<Outcome>,
    pub closed_on: Option<Date>,
    /// What the resolution cost you, for trends and the client ledger.
    pub concession: Option<i64>,
    /// The respectful exit checklist, by item. // G43
    pub exit: Vec<bool>,
    /// Someone who may suit the client better, when ending. // G5, G43
    pub refer_to: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Case {
    /// Set on the worked example, so it is clearly marked and easy to delete.
    pub example: bool,
    pub client: Client,
    pub received: Option<Date>,
    pub channel: Option<Channel>,
    pub disputed: String,
    /// What they ask for; `None` until answered (read as money, as before it was asked).
    pub ask: Option<Ask>,
    /// The amount in dispute, in minor units of `currency`.
    pub amount: Option<i64>,
    pub currency: String,
    pub severity: Option<Severity>,
    pub category: Option<Category>,
    /// People involved, separated by commas, as typed.
    pub people: String,
    /// Products or services involved, separated by commas, as typed.
    pub products: String,
    pub numbers: Numbers,
    pub reach: ReachOut,
    pub listen: Listen,
    pub restate: Restate,
    pub diagnose: Diagnose,
    pub resolve: Resolve,
    pub follow_up: Vec<CheckIn>,
    pub prevent: Prevent,
    pub decide: Decide,
    /// The mediation clause that applies, if one does (see `model::clause`).
    pub clause: Option<ClauseLink>,
    pub limits: Limits,
    /// Every conversation and message with the client, oldest first.
    pub contacts: Vec<Contact>,
    pub drafts: Vec<EditedDraft>,
}

/// Which saved clause applies to a case, and the day the dispute was raised in writing:
/// the clause's windows count from that day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClauseLink {
    pub id: String,
    pub raised: Option<Date>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            example: false,
            client: Client::default(),
            received: None,
            channel: None,
            disputed: String::new(),
            ask: None,
            amount: None,
            currency: "USD".into(),
            severity: None,
            category: None,
            people: String::new(),
            products: String::new(),
            numbers: Numbers::default(),
            reach: ReachOut::default(),
            listen: Listen::default(),
            restate: Restate::default(),
            diagnose: Diagnose::default(),
            resolve: Resolve::default(),
            follow_up: Vec::new(),
            prevent: Prevent::default(),
            decide: Decide::default(),
            clause: None,
            limits: Limits::default(),
            contacts: Vec::new(),
            drafts: Vec::new(),
        }
    }
}

/// Splits a typed list ("Anna, Ben,  ,Cleo") into its names.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Case {
    /// Whether they ask for money (or have not said): then the amount in dispute matters.
    pub fn asks_money(&self) -> bool {
        self.ask.is_none_or(Ask::is_money)
    }

    /// You chose to answer in writing (a call failed, or they asked for it). // G7
    pub fn answers_in_writing(&self) -> bool {
        self.reach.channel.is_some_and(Channel::is_written)
    }

    /// A new case in the user's currency.
    pub fn new(currency: &str) -> Case {
        Case {
            currency: currency.to_string(),
            ..Case::default()
        }
    }

    /// A new case for a client with this name (in US dollars).
    pub fn for_client(name: &str) -> Case {
        Case {
            client: Client {
                name: name.to_string(),
                ..Client::default()
            },
            ..Case::default()
        }
    }

    /// How the case is named in lists and notices.
    pub fn title(&self) -> String {
        let who = self.client.display();
        if who.is_empty() {
            "Untitled case".into()
        } else {
            who
        }
    }

    pub fn is_closed(&self) -> bool {
        self.decide.outcome.is_some()
    }

    pub fn people_list(&self) -> Vec<String> {
        split_list(&self.people)
    }

    pub fn products_list(&self) -> Vec<String> {
        split_list(&self.products)
    }

    /// Refuses figures that could not have been typed (a damaged or hand-edited file, a link
    /// made by something else): amounts beyond [`MAX_AMOUNT`], times beyond [`MAX_MINUTES`],
    /// anything negative, a percent over 100. Names the first such field.
    pub fn check_figures(&self) -> Result<(), String> {
        let n = &self.numbers;
        let mut amounts: Vec<(&str, Option<i64>)> = vec![
            ("amount", self.amount),
            ("numbers.hourly_worth", n.hourly_worth),
            ("numbers.materials", n.materials),
            ("numbers.other_costs", n.other_costs),
            ("numbers.invoiced", n.invoiced),
            ("numbers.revenue_to_date", n.revenue_to_date),
            ("numbers.future_revenue", n.future_revenue),
            (
                "resolve.peace.next_purchase",
                self.resolve.peace.next_purchase,
            ),
            ("decide.concession", self.decide.concession),
            ("limits.concede", self.limits.concede),
            ("limits.given", self.limits.given),
            ("resolve.counter_amount", self.resolve.counter_amount),
        ];
        amounts.extend(
            self.resolve
                .options
                .iter()
                .map(|o| ("resolve.options.amount", o.amount)),
        );
        let mut times = vec![
            ("numbers.minutes_spent", n.minutes_spent),
            ("numbers.dispute_minutes", n.dispute_minutes),
            ("limits.minutes", self.limits.minutes),
            ("limits.minutes_spent", self.limits.minutes_spent),
        ];
        times.extend(
            self.resolve
                .options
                .iter()
                .map(|o| ("resolve.options.minutes", o.minutes)),
        );
        let mut percents = vec![
            ("resolve.peace.now_percent", self.resolve.peace.now_percent),
            (
                "resolve.peace.next_percent",
                self.resolve.peace.next_percent,
            ),
        ];
        percents.extend(
            self.resolve
                .options
                .iter()
                .map(|o| ("resolve.options.percent", o.percent)),
        );
        let out_of = |list: Vec<(&str, Option<i64>)>, max: i64, what: &str| match list
            .into_iter()
            .find(|(_, v)| v.is_some_and(|v| !(0..=max).contains(&v)))
        {
            Some((field, _)) => Err(format!("{field}: {what}")),
            None => Ok(()),
        };
        out_of(
            amounts,
            MAX_AMOUNT,
            "an amount larger than Mend accepts, or below zero",
        )?;
        out_of(
            times,
            MAX_MINUTES,
            "more hours than Mend accepts, or below zero",
        )?;
        let moments = self.contacts.iter().map(|c| ("contacts.at", Some(c.at)));
        out_of(moments.collect(), MAX_MOMENT, "a time Mend cannot show")?;
        let percents = percents
            .into_iter()
            .map(|(f, p)| (f, p.map(i64::from)))
            .collect();
        out_of(percents, 100, "a percent over 100")
    }

    /// Days since the last logged conversation with the client, if any. // G34
    pub fn days_since_contact(&self, today: Date, offset_minutes: i32) -> Option<i32> {
        let last = self.contacts.iter().map(|c| c.at).max()?;
        Some(
            Date::from_timestamp(last, offset_minutes)
                .days_until(today)
                .max(0),
        )
    }

    /// Adds a prevention action (see [`Action::next`]).
    pub fn add_action(&mut self, today: Date) {
        let next = Action::next(&self.prevent.actions, &self.prevent.system, today);
        self.prevent.actions.push(next);
    }

    /// Plans a check-in (see [`CheckIn::new`]).
    pub fn add_check_in(&mut self, today: Date) {
        self.follow_up.push(CheckIn::new(today));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{from_json, to_json};

    #[test]
    fn a_question_is_added_once_and_the_suggested_ones_are_always_offered() {
        let mut l = Listen::default();
        let n = l.texts().len();
        l.question(CLARIFYING_QUESTIONS[0]).asked = true;
        l.question(CLARIFYING_QUESTIONS[0]).answer = "Yes".into();
        assert_eq!(l.questions.len(), 1);
        assert_eq!(l.texts().len(), n, "ticking a suggested one adds no row");
        l.question("Which page?").planned = true;
        assert_eq!(l.texts().last().unwrap(), "Which page?");
        assert_eq!(l.texts().len(), n + 1);
    }

    #[test]
    fn an_attempt_is_made_when_first_written_in() {
        let mut r = Restate::default();
        r.attempt(1, 7).mine = "second".into();
        assert_eq!(r.attempts.len(), 2, "the first is made too");
        assert_eq!((r.attempts[0].at, r.attempts[1].at), (7, 7));
        r.attempt(0, 9).mine = "first".into();
        assert_eq!(r.attempts[0].at, 7, "an existing attempt keeps its time");
        assert_eq!(r.attempts.len(), 2);
    }

    #[test]
    fn labels_follow_the_variants() {
        assert_eq!(Channel::ALL.len(), Channel::LABELS.len());
        assert_eq!(Severity::Serious.label(), "Serious: fix it now");
        assert_eq!(RemedyKind::ALL.len(), RemedyKind::LABELS.len());
        assert_eq!(Outcome::Ended.label(), "Ended the relationship");
        assert_eq!(to_json(&Channel::InPerson), serde_json::json!("in_person"));
        assert_eq!(
            from_json::<Channel>(serde_json::json!("in_person")),
            Ok(Channel::InPerson)
        );
        assert!(from_json::<Channel>(serde_json::json!("fax")).is_err());
    }

    #[test]
    fn clients_match_by_name_or_company() {
        let a = Client {
            name: "  Dana   SMITH ".into(),
            ..Default::default()
        };
        let b = Client {
            name: "dana smith".into(),
            company: "Northwind".into(),
            ..Default::default()
        };
        let c = Client {
            company: "Northwind".into(),
            ..Default::default()
        };
        assert_eq!(a.match_key(), b.match_key());
        assert_eq!(c.match_key(), "northwind");
        assert_eq!(b.display(), "dana smith (Northwind)");
        assert_eq!(c.display(), "Northwind");
        assert_eq!(Client::default().display(), "");
    }

    #[test]
    fn titles_and_lists() {
        let mut case = Case::new("EUR");
        assert_eq!(case.title(), "Untitled case");
        assert_eq!(case.currency, "EUR");
        case.client.name = "Dana".into();
        case.people = "Anna, Ben,  ,Cleo;Dev\nEd".into();
        assert_eq!(case.title(), "Dana");
        assert_eq!(case.people_list(), vec!["Anna", "Ben", "Cleo", "Dev", "Ed"]);
        assert!(!case.is_closed());
        case.decide.outcome = Some(Outcome::StoodFirm);
        assert!(case.is_closed());
    }

    #[test]
    fn new_actions_and_check_ins_follow_one_rule_wherever_they_are_added() {
        let today = Date::from_ymd(2026, 12, 1).unwrap();
        let mut case = Case::default();
        case.prevent.system = "  A launch checklist ".into();
        case.add_action(today);
        case.add_action(today);
        let a = &case.prevent.actions;
        assert_eq!(
            a[0].text, "A launch checklist",
            "the first starts from the system"
        );
        assert_eq!(a[1].text, "", "later ones start empty");
        for action in a {
            assert_eq!(action.due, Date::from_ymd(2026, 12, 15));
            assert_eq!(action.status, ActionStatus::Open);
        }
        let mut entry = crate::model::reflection::Reflection::new(today, None);
        entry.system = "A launch checklist".into();
        entry.add_action(today);
        assert_eq!(
            entry.actions,
            vec![a[0].clone()],
            "the same rule in the journal"
        );
        case.add_check_in(today);
        assert_eq!(case.follow_up[0].due, Date::from_ymd(2026, 12, 8));
        assert!(!case.follow_up[0].done);
    }

    #[test]
    fn figures_that_could_not_have_been_typed_are_refused() {
        let ok = Case {
            amount: Some(MAX_AMOUNT),
            ..Case::default()
        };
        assert_eq!(ok.check_figures(), Ok(()));
        type Damage = Box<dyn Fn(&mut Case)>;
        let table: Vec<(Damage, &str)> = vec![
            (Box::new(|c| c.amount = Some(MAX_AMOUNT + 1)), "amount"),
            (
                Box::new(|c| c.numbers.invoiced = Some(i64::MAX)),
                "numbers.invoiced",
            ),
            (
                Box::new(|c| c.decide.concession = Some(-1)),
                "decide.concession",
            ),
            (
                Box::new(|c| c.numbers.minutes_spent = Some(MAX_MINUTES + 1)),
                "numbers.minutes_spent",
            ),
            (
                Box::new(|c| c.resolve.peace.now_percent = Some(101)),
                "resolve.peace.now_percent",
            ),
            (
                Box::new(|c| {
                    c.resolve.options.push(RemedyOption {
                        amount: Some(i64::MIN),
                        ..RemedyOption::default()
                    })
                }),
                "resolve.options.amount",
            ),
            (Box::new(|c| c.limits.concede = Some(-5)), "limits.concede"),
            (
                Box::new(|c| c.resolve.counter_amount = Some(i64::MAX)),
                "resolve.counter_amount",
            ),
            (
                Box::new(|c| c.limits.minutes = Some(MAX_MINUTES + 1)),
                "limits.minutes",
            ),
            (
                Box::new(|c| {
                    c.contacts.push(Contact {
                        at: i64::MAX,
                        ..Contact::default()
                    })
                }),
                "contacts.at",
            ),
        ];
        for (change, field) in table {
            let mut case = Case::default();
            change(&mut case);
            let err = case.check_figures().unwrap_err();
            assert!(err.starts_with(field), "{err}");
        }
    }

    #[test]
    fn days_since_the_last_conversation() {
        let today = Date::from_ymd(2026, 12, 10).unwrap();
        let mut case = Case::default();
        assert_eq!(case.days_since_contact(today, 0), None);
        let at = |d: Date| d.days() as i64 * crate::model::date::MS_PER_DAY + 3_600_000;
        for day in [3, 7, 5] {
            case.contacts.push(Contact {
                at: at(today.add_days(-day)),
                ..Contact::default()
            });
        }
        assert_eq!(
            case.days_since_contact(today, 0),
            Some(3),
            "the latest counts"
        );
    }

    #[test]
    fn a_partial_record_loads_with_defaults() {
        let case: Case = from_json(
            serde_json::from_str(r#"{"client":{"name":"Ann"},"numbers":{"invoiced":500}}"#)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(case.client.name, "Ann");
        assert_eq!(case.numbers.invoiced, Some(500));
        assert_eq!(case.currency, "USD");
        assert!(case.follow_up.is_empty());
    }
}
