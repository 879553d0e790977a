//! A case: one dispute with one client, with the answers of every worksheet stage.
//! Every field has a default so older and partial records load; money is in minor units of
//! the case's currency; hours are kept in minutes.

use serde::{Deserialize, Serialize};

use super::date::Date;

/// Generates an enum's list of values and labels, in the order they are offered.
macro_rules! labelled {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $key:literal => $label:expr),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

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
    }
);

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
    pub notes: String,
}

/// A clarifying question, ticked when asked, with what was said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Question {
    pub text: String,
    pub asked: bool,
    pub answer: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Listen {
    pub words: String,
    pub meaning: String,
    pub notes: String,
    pub questions: Vec<Question>,
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
    pub peace: Peace,
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{from_json, to_json};

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
