//! A mediation clause for a service agreement: the choices (a `Clause`), the text they make,
//! the conflicts and gaps among them, the deadlines its windows give a live case, and a draft
//! request for mediation. The wording is Mend's own; each provider's facts are checked against
//! its published model clauses (sources beside [`Provider::facts`]).

use serde::{Deserialize, Serialize};

use super::case::{Case, labelled};
use super::date::Date;
use super::money::format_money;
use super::text::capitalise;

labelled!(
    /// Simple: close to "settle between yourselves first, then mediation". Tiered: each step
    /// spelled out, with what follows a failed mediation.
    Variant {
        Simple = "simple" => "Simple",
        Tiered = "tiered" => "Tiered",
    }
);

labelled!(
    /// How strongly the parties commit to mediation (after the ICC's graded clauses A to D).
    Obligation {
        Remind = "remind" => "A reminder that mediation exists",
        Consider = "consider" => "Must consider mediation",
        First = "first" => "Must mediate first (court or arbitration may run alongside)",
        FirstThenEscalate = "first_then_escalate" => "Must mediate first, then escalate",
    }
);

labelled!(
    /// Who runs the mediation, and whose rules apply.
    Provider {
        Aaa = "aaa" => "AAA (American Arbitration Association)",
        Icdr = "icdr" => "ICDR (the AAA's international centre)",
        Jams = "jams" => "JAMS",
        Cedr = "cedr" => "CEDR (Centre for Effective Dispute Resolution, UK)",
        Icc = "icc" => "ICC (International Chamber of Commerce)",
        Cpr = "cpr" => "CPR (International Institute for Conflict Prevention & Resolution)",
        Wipo = "wipo" => "WIPO Arbitration and Mediation Center",
        Local = "local" => "A named local mediator or service",
        AdHoc = "ad_hoc" => "Ad hoc (no provider)",
    }
);

labelled!(
    /// Which version of the provider's rules applies.
    RulesAt {
        Dispute = "dispute" => "The rules in force when the mediation starts",
        Signing = "signing" => "The rules in force on the date of the agreement",
    }
);

labelled!(
    /// Who talks first, in the negotiation step.
    Negotiators {
        Parties = "parties" => "The people who did the work and the client",
        Senior = "senior" => "Someone senior on each side, not directly involved",
    }
);

labelled!(
    /// How the mediator is chosen.
    Selection {
        Jointly = "jointly" => "Agreed together, otherwise the provider appoints",
        Named = "named" => "A named mediator, with an alternate",
    }
);

labelled!(
    /// Where the mediation happens.
    Venue {
        Either = "either" => "In person, or online if both agree",
        InPerson = "in_person" => "In person",
        Online = "online" => "Online (video)",
    }
);

labelled!(
    /// Who pays for the mediation.
    Costs {
        Equal = "equal" => "All mediation costs shared equally",
        Own = "own" => "Each pays its own costs; the mediator's fees are shared",
        Other = "other" => "Another split (say which)",
    }
);

labelled!(
    /// What follows a failed mediation.
    Then {
        Nothing = "nothing" => "Nothing more is said",
        Arbitration = "arbitration" => "Arbitration",
        Expert = "expert" => "Expert determination",
        Courts = "courts" => "The courts of a named place",
    }
);

/// The choices behind one saved clause.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clause {
    /// The user's name for it, e.g. "Standard web projects".
    pub name: String,
    pub variant: Variant,
    /// Your business, as named in the agreement.
    pub us: String,
    /// The client, as named in the agreement ("the Client" in a template).
    pub them: String,
    /// How the agreement is called ("this Agreement").
    pub agreement: String,
    pub negotiate: bool,
    pub negotiators: Negotiators,
    /// Days after the notice by which the negotiators meet.
    pub meet_days: u32,
    /// Days after the notice that the negotiation may last.
    pub negotiate_days: u32,
    pub obligation: Obligation,
    pub provider: Provider,
    /// The local mediator or service, when the provider is `Local`.
    pub local_name: String,
    pub rules_at: RulesAt,
    pub selection: Selection,
    /// Days to agree a mediator before the provider appoints one.
    pub select_days: u32,
    pub mediator: String,
    pub alternate: String,
    pub qualities: String,
    pub venue: Venue,
    pub place: String,
    pub language: String,
    pub confidential: bool,
    pub costs: Costs,
    pub costs_other: String,
    pub authority: bool,
    pub keep_working: bool,
    pub urgent_relief: bool,
    /// Days the mediation may last before the next step is open.
    pub mediate_days: u32,
    pub then: Then,
    /// Who runs the arbitration, or appoints the expert.
    pub then_by: String,
    /// One or three arbitrators.
    pub arbitrators: u32,
    pub seat: String,
    pub expert_binding: bool,
    pub courts: String,
    pub law: String,
}

impl Default for Clause {
    /// CEDR's figures with ours (see [`Clause::apply_preset`]), written out so that reading a
    /// stored clause does not pull in the provider table.
    fn default() -> Self {
        Clause {
            name: String::new(),
            variant: Variant::Simple,
            us: String::new(),
            them: "the Client".into(),
            agreement: "this Agreement".into(),
            negotiate: true,
            negotiators: Negotiators::Parties,
            meet_days: MEET_DAYS,
            negotiate_days: NEGOTIATE_DAYS,
            obligation: Obligation::First,
            provider: Provider::Cedr,
            local_name: String::new(),
            rules_at: RulesAt::Dispute,
            selection: Selection::Jointly,
            select_days: 14,
            mediator: String::new(),
            alternate: String::new(),
            qualities: String::new(),
            venue: Venue::Either,
            place: String::new(),
            language: "English".into(),
            confidential: true,
            costs: Costs::Equal,
            costs_other: String::new(),
            authority: true,
            keep_working: true,
            urgent_relief: true,
            mediate_days: MEDIATE_DAYS,
            then: Then::Courts,
            then_by: String::new(),
            arbitrators: 1,
            seat: String::new(),
            expert_binding: true,
            courts: String::new(),
            law: String::new(),
        }
    }
}

/// What Mend knows of a provider, for the clause text and its presets.
pub struct Facts {
    /// The body, as named in a clause.
    pub body: &'static str,
    /// Its mediation rules, as named in a clause.
    pub rules: &'static str,
    /// Days to agree a mediator before the provider appoints (0: our general default).
    pub select_days: u32,
    /// Days the mediation runs before escalation (0: our general default).
    pub mediate_days: u32,
    /// A negotiation step as the provider's model clause has it: (meet within, window).
    pub negotiation: Option<(u32, u32)>,
    /// Whether it also administers arbitration (so it can run the next step).
    pub arbitrates: bool,
}

/// Our defaults where a provider's model clause sets no figure: a month to negotiate, two
/// weeks to agree a mediator, and sixty days of mediation (a stepped freelance clause often
/// gives thirty days a step; mediation is given longer because diaries fill up).
const MEET_DAYS: u32 = 14;
const NEGOTIATE_DAYS: u32 = 30;
const SELECT_DAYS: u32 = 14;
const MEDIATE_DAYS: u32 = 60;

impl Provider {
    /// Sources, as summarised in `shared/research/peers-and-pitfalls.md` (section A5):
    /// - AAA: standard mediation clause, mediation under the Commercial Mediation Procedures
    ///   before arbitration or litigation (adr.org/Clauses). No day counts in the model text.
    /// - ICDR: International Mediation Rules; the AAA's international centre.
    /// - JAMS: clause language at jamsinternational.com; a JAMS-based clause in use gives the
    ///   parties 20 days to agree a mediator, after which JAMS appoints.
    /// - CEDR: model clause (cedr.com, LexisNexis model ADR clauses): mediation under the CEDR
    ///   Model Mediation Procedure; unless agreed within 14 days of notice, CEDR nominates.
    /// - ICC: Mediation Rules and clauses A–D (the obligation levels here). ICC's own period
    ///   before arbitration was not verified, so our general default applies.
    /// - CPR: negotiation–mediation clause (cpradr.org model clauses): mediation if not
    ///   resolved within 45 days of the negotiation notice, or no meeting within 20 days;
    ///   negotiation between executives senior to those involved.
    /// - WIPO: mediation clause (wipo.int/amc/en/clauses): place and language named; if not
    ///   settled within 60 (or 90) days, arbitration or expert determination on request.
    pub fn facts(self) -> Facts {
        let f = |body, rules, select_days, mediate_days, negotiation, arbitrates| Facts {
            body,
            rules,
            select_days,
            mediate_days,
            negotiation,
            arbitrates,
        };
        match self {
            Provider::Aaa => f(
                "the American Arbitration Association (AAA)",
                "its Commercial Mediation Procedures",
                0,
                0,
                None,
                true,
            ),
            Provider::Icdr => f(
                "the International Centre for Dispute Resolution (ICDR)",
                "its International Mediation Rules",
                0,
                0,
                None,
                true,
            ),
            Provider::Jams => f("JAMS", "its mediation rules", 20, 0, None, true),
            Provider::Cedr => f(
                "the Centre for Effective Dispute Resolution (CEDR)",
                "the CEDR Model Mediation Procedure",
                14,
                0,
                None,
                false,
            ),
            Provider::Icc => f(
                "the International Chamber of Commerce (ICC)",
                "the ICC Mediation Rules",
                0,
                0,
                None,
                true,
            ),
            Provider::Cpr => f(
                "the International Institute for Conflict Prevention & Resolution (CPR)",
                "the CPR Mediation Procedure",
                0,
                0,
                Some((20, 45)),
                true,
            ),
            Provider::Wipo => f(
                "the WIPO Arbitration and Mediation Center",
                "the WIPO Mediation Rules",
                0,
                60,
                None,
                true,
            ),
            Provider::Local | Provider::AdHoc => f(
                "",
                "a procedure agreed with the mediator",
                0,
                0,
                None,
                false,
            ),
        }
    }

    /// A short name for the provider, in running text ("CEDR").
    pub fn short(self) -> &'static str {
        let label = self.label();
        label.split(' ').next().unwrap_or(label)
    }
}

/// One line of guidance beside an option.
pub fn explain(option: &str) -> &'static str {
    match option {
        "variant" => {
            "Simple is one short paragraph. Tiered spells out each step and what happens if mediation fails."
        }
        "parties" => "Use the names exactly as they appear at the top of the agreement.",
        "negotiate" => "Talking first settles most disagreements, and costs nothing.",
        "meet_days" => "A date to sit down together stops the matter drifting.",
        "negotiate_days" => "After this many days without a settlement, mediation is open.",
        "obligation" => {
            "A reminder binds no one. \"Must mediate first\" means trying mediation before anything else."
        }
        "provider" => "A provider supplies rules and finds a mediator if you cannot agree on one.",
        "rules_at" => {
            "Rules change over time. Choose whether the version at signing or at the dispute applies."
        }
        "selection" => "Agreeing a mediator together is usual; naming one now saves time later.",
        "select_days" => "If you have not agreed a mediator by then, the provider picks one.",
        "qualities" => "For example: experience with small creative businesses.",
        "venue" => "Online mediation is quicker to arrange and cheaper for small disputes.",
        "language" => "The language the mediation is held in.",
        "confidential" => {
            "Lets both sides speak freely: nothing said can be used against them later."
        }
        "costs" => "Sharing the cost equally shows good faith and keeps mediation affordable.",
        "authority" => "A mediation fails when the person in the room cannot say yes.",
        "keep_working" => "Stops a disagreement over one invoice from halting the whole project.",
        "urgent_relief" => {
            "Lets either side go to court at once for an injunction, for example if work is being misused."
        }
        "mediate_days" => "How long mediation may run before the next step is open.",
        "then" => "What happens if mediation does not settle the dispute.",
        "law" => "The country or state whose law governs the agreement.",
        _ => "",
    }
}

impl Clause {
    /// Fills the provider's own figures, and ours where it has none.
    pub fn apply_preset(&mut self) {
        let f = self.provider.facts();
        let or = |v: u32, d: u32| if v == 0 { d } else { v };
        self.select_days = or(f.select_days, SELECT_DAYS);
        self.mediate_days = or(f.mediate_days, MEDIATE_DAYS);
        let (meet, window) = f.negotiation.unwrap_or((MEET_DAYS, NEGOTIATE_DAYS));
        self.meet_days = meet;
        self.negotiate_days = window;
        if self.provider == Provider::Cpr {
            self.negotiate = true;
            self.negotiators = Negotiators::Senior;
        }
        self.then_by = if f.arbitrates {
            self.provider.short().to_string()
        } else {
            String::new()
        };
    }

    /// A new clause: the defaults, with the business named as in the clause changed last
    /// (most people write several clauses for the same business).
    pub fn starting_from(latest: Option<&Clause>) -> Clause {
        Clause {
            us: latest.map(|c| c.us.clone()).unwrap_or_default(),
            ..Clause::default()
        }
    }

    /// A file name for the clause's text: `mediation-clause-web-projects.txt`.
    pub fn file_name(&self, ext: &str) -> String {
        let slug: String = self
            .title()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
        words.insert(0, "mediation-clause");
        format!("{}.{ext}", words.join("-"))
    }

    /// How it is named in lists.
    pub fn title(&self) -> String {
        match self.name.trim() {
            "" => "Untitled clause".into(),
            n => n.to_string(),
        }
    }

    fn us(&self) -> String {
        or_blank(&self.us, "[your business]")
    }

    fn them(&self) -> String {
        or_blank(&self.them, "[the client]")
    }

    fn agreement(&self) -> String {
        or_blank(&self.agreement, "this Agreement")
    }

    /// "mediation under the CEDR Model Mediation Procedure, administered by …".
    fn mediation_under(&self) -> String {
        let f = self.provider.facts();
        let version = match self.rules_at {
            RulesAt::Dispute => "in force when the mediation starts",
            RulesAt::Signing => "in force on the date of this agreement",
        };
        match self.provider {
            Provider::Local => format!(
                "mediation with {}, under {}",
                or_blank(&self.local_name, "[the mediator or service]"),
                f.rules
            ),
            Provider::AdHoc => format!("mediation under {}", f.rules),
            _ => {
                let rules = f
                    .rules
                    .replace("its ", &format!("the {} ", self.provider.short()));
                format!(
                    "mediation administered by {} under {rules} {version}",
                    f.body
                )
            }
        }
    }

    /// The body that appoints a mediator when the parties do not agree, if any.
    fn appointer(&self) -> Option<String> {
        match self.provider {
            Provider::AdHoc => None,
            Provider::Local => Some(or_blank(&self.local_name, "[the mediator or service]")),
            p => Some(p.facts().body.to_string()),
        }
    }

    fn next_step(&self) -> Option<String> {
        let by = or_blank(&self.then_by, "[who runs it]");
        match self.then {
            Then::Nothing => None,
            Then::Arbitration => Some(format!(
                "arbitration administered by {by} under its arbitration rules, before {}; the seat of the arbitration will be {}",
                if self.arbitrators == 3 {
                    "three arbitrators"
                } else {
                    "a sole arbitrator"
                },
                or_blank(&self.seat, "[city and country]")
            )),
            Then::Expert => Some(format!(
                "an independent expert agreed by the parties or, failing agreement within {} days, appointed by {by}; the expert's decision will be {}",
                self.select_days,
                if self.expert_binding {
                    "final and binding"
                } else {
                    "binding only if both parties accept it in writing"
                }
            )),
            Then::Courts => Some(format!(
                "the courts of {}",
                or_blank(&self.courts, "[place]")
            )),
        }
    }

    fn place(&self) -> String {
        let place = or_blank(&self.place, "[place]");
        match self.venue {
            Venue::Either => format!(
                "The mediation will take place in {place}, or online by video if both parties agree."
            ),
            Venue::InPerson => format!("The mediation will take place in {place}."),
            Venue::Online => "The mediation will take place online, by video.".into(),
        }
    }

    fn costs(&self) -> String {
        match self.costs {
            Costs::Equal => "All costs of the mediation, including the mediator's fees and any provider charges, will be shared equally by the parties.".into(),
            Costs::Own => "Each party will pay its own costs of the mediation (such as advisers and travel); the mediator's fees and any provider charges will be shared equally.".into(),
            Costs::Other => format!(
                "The costs of the mediation will be paid as follows: {}.",
                or_blank(self.costs_other.trim_end_matches('.'), "[how the costs are split]")
            ),
        }
    }

    fn confidentiality(&self) -> &'static str {
        "Everything said or written for the purpose of the mediation is confidential and may not be relied on in any later arbitration or court proceedings, except a settlement agreement signed by both parties or where the law requires disclosure."
    }

    fn selection_text(&self) -> String {
        let mut out = match self.selection {
            Selection::Jointly => match self.appointer() {
                Some(a) => format!(
                    "The parties will agree on a mediator within {} days of a request for mediation; if they have not, {a} will appoint one at either party's request.",
                    self.select_days
                ),
                None => format!(
                    "The parties will agree on a mediator within {} days of a request for mediation.",
                    self.select_days
                ),
            },
            Selection::Named => format!(
                "The mediator will be {}, or, if {} cannot act, {}.",
                or_blank(&self.mediator, "[mediator]"),
                or_blank(&self.mediator, "[mediator]"),
                or_blank(&self.alternate, "[alternate]")
            ),
        };
        if !self.qualities.trim().is_empty() {
            out.push_str(&format!(
                " The mediator should have {}.",
                self.qualities.trim().trim_end_matches('.')
            ));
        }
        out
    }

    /// The obligation sentence, with what may run alongside.
    fn obligation_text(&self, start: &str) -> String {
        let under = self.mediation_under();
        match self.obligation {
            Obligation::Remind => format!(
                "{start}the parties note that {under} is available to them, and either of them may propose it."
            ),
            Obligation::Consider => format!(
                "{start}the parties will first discuss and consider in good faith referring it to {under}."
            ),
            Obligation::First => format!(
                "{start}either party may refer it to {under}, and the other will take part in good faith. Either party may still start other proceedings while the mediation goes on."
            ),
            Obligation::FirstThenEscalate => format!(
                "{start}either party may refer it to {under}, and the other will take part in good faith. Neither party may start arbitration or court proceedings about the dispute until the mediation has ended{}.",
                if self.urgent_relief {
                    ", except to ask for urgent interim relief"
                } else {
                    ""
                }
            ),
        }
    }

    /// The clause, as paragraphs. Tiered paragraphs are numbered.
    pub fn render(&self) -> Vec<String> {
        match self.variant {
            Variant::Simple => self.render_simple(),
            Variant::Tiered => self.render_tiered(),
        }
    }

    fn render_simple(&self) -> Vec<String> {
        let mut first = format!(
            "If a disagreement arises between {} and {} out of or relating to {}, they will first try, in good faith, to settle it between themselves. ",
            self.us(),
            self.them(),
            self.agreement()
        );
        first.push_str(&self.obligation_text(&format!(
            "If it is not settled within {} days of either of them raising it in writing, ",
            self.negotiate_days
        )));
        let mut second = vec![self.selection_text(), self.place(), self.costs()];
        if self.confidential {
            second.push(self.confidentiality().into());
        }
        let mut out = vec![first, second.join(" ")];
        if !self.law.trim().is_empty() {
            out.push(format!(
                "{} is governed by the law of {}.",
                capitalise(&self.agreement()),
                self.law.trim()
            ));
        }
        out
    }

    fn render_tiered(&self) -> Vec<String> {
        let mut parts: Vec<String> = vec![format!(
            "Disputes. This clause applies to any dispute, controversy or claim between {} and {} arising out of or relating to {}, including its making, performance, breach or ending.",
            self.us(),
            self.them(),
            self.agreement()
        )];
        let start = if self.negotiate {
            let who = match self.negotiators {
                Negotiators::Parties => "the parties",
                Negotiators::Senior => {
                    "a senior person from each party, with authority to settle and not directly involved in the work,"
                }
            };
            parts.push(format!(
                "Negotiation. Either party may give the other written notice of a dispute. Within {} days of the notice, {who} will meet, in person or by video, and try in good faith to settle it. What is said in these talks is confidential.",
                self.meet_days
            ));
            format!(
                "If the dispute is not settled within {} days of the notice, or the meeting has not taken place within {} days, ",
                self.negotiate_days, self.meet_days
            )
        } else {
            "If a dispute arises, ".to_string()
        };
        parts.push(format!("Mediation. {}", self.obligation_text(&start)));
        parts.push(format!("The mediator. {}", self.selection_text()));
        parts.push(format!(
            "Place and language. {} The language of the mediation will be {}.",
            self.place(),
            or_blank(&self.language, "[language]")
        ));
        let mut conduct = Vec::new();
        if self.confidential {
            conduct.push(self.confidentiality().to_string());
        }
        if self.authority {
            conduct.push("Each party will attend through a person with authority to agree a settlement at the session.".into());
        }
        conduct.push(self.costs());
        parts.push(format!("Conduct and costs. {}", conduct.join(" ")));
        if self.keep_working {
            parts.push(format!(
                "Carrying on. While a dispute is being resolved, each party will keep performing the parts of {} that are not in dispute.",
                self.agreement()
            ));
        }
        if self.urgent_relief {
            parts.push("Urgent relief. Nothing in this clause prevents either party from asking a court for urgent interim relief, such as an injunction, to protect its rights.".into());
        }
        if let Some(next) = self.next_step() {
            let mut text = format!(
                "If mediation fails. If the dispute has not been settled within {} days of the appointment of the mediator, or if a party does not take part in the mediation, it will be finally resolved by {next}.",
                self.mediate_days
            );
            if self.then == Then::Arbitration {
                text.push_str(
                    " The mediator will not act as arbitrator unless both parties agree in writing.",
                );
            }
            parts.push(text);
        }
        if !self.law.trim().is_empty() {
            parts.push(format!(
                "Governing law. This clause and {} are governed by the law of {}.",
                self.agreement(),
                self.law.trim()
            ));
        }
        parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| format!("{}. {p}", i + 1))
            .collect()
    }

    /// The clause as plain text: a heading and its paragraphs.
    pub fn to_text(&self) -> String {
        format!(
            "{}\n\n{}\n\n{NOT_ADVICE}\n",
            self.heading(),
            self.render().join("\n\n")
        )
    }

    /// The clause as Markdown.
    pub fn to_markdown(&self) -> String {
        format!(
            "# {}\n\n{}\n\n_{NOT_ADVICE}_\n",
            self.heading(),
            self.render().join("\n\n")
        )
    }

    fn heading(&self) -> String {
        match self.name.trim() {
            "" => "Dispute resolution".into(),
            n => format!("Dispute resolution ({n})"),
        }
    }

    /// Conflicts and gaps among the choices, each with what to do.
    pub fn flags(&self) -> Vec<Flag> {
        let mut out = Vec::new();
        let mut add = |field: &'static str, conflict: bool, text: &str| {
            out.push(Flag {
                field,
                conflict,
                text: text.to_string(),
            })
        };
        if self.us.trim().is_empty() {
            add(
                "us",
                false,
                "Your business is not named. Use the name on the agreement.",
            );
        }
        if self.them.trim().is_empty() {
            add(
                "them",
                false,
                "The client is not named. \"the Client\" is fine in a template.",
            );
        }
        let tiered = self.variant == Variant::Tiered;
        if tiered
            && self.obligation == Obligation::FirstThenEscalate
            && !self.urgent_relief
            && self.then != Then::Nothing
        {
            add(
                "urgent_relief",
                true,
                "No one may go to court until mediation ends, and there is no exception for urgent relief: you could not quickly stop misuse of your work. Allow urgent relief.",
            );
        }
        if tiered && self.negotiate && self.meet_days >= self.negotiate_days {
            add(
                "meet_days",
                true,
                "The meeting deadline falls on or after the end of the negotiation window, so there is no time left to talk. Meet sooner, or allow a longer window.",
            );
        }
        if self.provider == Provider::Local && self.local_name.trim().is_empty() {
            add(
                "local_name",
                false,
                "Name the local mediator or mediation service.",
            );
        }
        if self.selection == Selection::Jointly && self.provider == Provider::AdHoc {
            add(
                "selection",
                true,
                "With no provider, no one appoints a mediator if you cannot agree on one. Name a mediator, or choose a provider.",
            );
        }
        if self.selection == Selection::Named {
            if self.mediator.trim().is_empty() {
                add("mediator", false, "Name the mediator.");
            } else if self.alternate.trim().is_empty() {
                add(
                    "alternate",
                    false,
                    "Name an alternate, in case the mediator cannot act when the time comes.",
                );
            }
        }
        if self.venue != Venue::Online && self.place.trim().is_empty() {
            add(
                "place",
                false,
                "Say where the mediation takes place (a city), or choose online.",
            );
        }
        if tiered && self.language.trim().is_empty() {
            add("language", false, "Name the language of the mediation.");
        }
        if self.costs == Costs::Other && self.costs_other.trim().is_empty() {
            add("costs_other", false, "Say how the costs are split.");
        }
        if tiered {
            match self.then {
                Then::Arbitration if self.seat.trim().is_empty() => add(
                    "seat",
                    false,
                    "Arbitration needs a seat (a city and country): it decides which courts supervise it.",
                ),
                Then::Arbitration | Then::Expert if self.then_by.trim().is_empty() => add(
                    "then_by",
                    false,
                    "Say who runs the arbitration or appoints the expert. This provider does not run arbitrations.",
                ),
                Then::Courts if self.courts.trim().is_empty() => {
                    add("courts", false, "Name the place whose courts will decide.")
                }
                _ => {}
            }
            if matches!(self.obligation, Obligation::Remind | Obligation::Consider)
                && self.then != Then::Nothing
            {
                add(
                    "obligation",
                    true,
                    "Mediation is optional here, so \"if mediation fails\" may never start. Choose \"must mediate first\" if you want the steps to follow each other.",
                );
            }
        }
        if self.law.trim().is_empty() {
            add(
                "law",
                false,
                "No governing law is named. Say which country's or state's law applies, unless the agreement already does.",
            );
        }
        out
    }

    /// The dates a linked case gets, counted from the day the dispute was raised in
    /// writing.
    pub fn deadlines(&self, raised: Date) -> Vec<Deadline> {
        self.windows().deadlines(raised)
    }

    pub fn windows(&self) -> Windows {
        Windows {
            tiered: self.variant == Variant::Tiered,
            negotiate: self.negotiate,
            meet_days: self.meet_days,
            negotiate_days: self.negotiate_days,
            jointly: self.selection == Selection::Jointly,
            select_days: self.select_days,
            provider: self.provider,
            then: self.then,
            mediate_days: self.mediate_days,
        }
    }

    /// A request for mediation about `case`, ready to edit and send.
    pub fn request(&self, case: &Case, today: Date) -> String {
        let f = self.provider.facts();
        let to = match self.provider {
            Provider::AdHoc => String::new(),
            Provider::Local => format!("{}, and ", or_blank(&self.local_name, "[mediator]")),
            _ => format!("{}, and ", capitalise(f.body)),
        };
        let client = or_blank(&case.client.display(), "[client]");
        let mut contact = client.clone();
        if !case.client.contact.trim().is_empty() {
            contact.push_str(&format!(" ({})", case.client.contact.trim()));
        }
        let value = match case.amount {
            Some(a) => format!(
                "The amount in dispute is {}.",
                format_money(a, &case.currency)
            ),
            None => "The amount in dispute is [amount].".into(),
        };
        let received = case
            .received
            .map(|d| format!(" The complaint was first raised on {}.", d.human()))
            .unwrap_or_default();
        let mediator = match self.selection {
            Selection::Named => format!(
                "We propose {} as mediator (or {} if they cannot act), as the clause provides.",
                or_blank(&self.mediator, "[mediator]"),
                or_blank(&self.alternate, "[alternate]")
            ),
            Selection::Jointly => format!(
                "We propose to agree on a mediator together within {} days of this request.",
                self.select_days
            ),
        };
        let qualities = if self.qualities.trim().is_empty() {
            String::new()
        } else {
            format!(
                " The mediator should have {}.",
                self.qualities.trim().trim_end_matches('.')
            )
        };
        let venue = match self.venue {
            Venue::Online => "online, by video".to_string(),
            _ => format!("in {}", or_blank(&self.place, "[place]")),
        };
        format!(
            "REQUEST FOR MEDIATION\n\nDate: {}\nTo: {to}{contact}\nFrom: {}\n\n\
1. The parties. {} and {client}.\n\n\
2. The agreement. The dispute arises under {}, which provides for mediation in the clause set out below.\n\n\
3. The dispute. {}{received}\n\n\
4. Its value. {value}\n\n\
5. What we propose. {}, held {venue}, in {}. {mediator}{qualities}\n\n\
6. The clause.\n\n{}\n\nSigned: ______________________   for {}\n",
            today.human(),
            self.us(),
            self.us(),
            self.agreement(),
            or_blank(
                case.disputed.trim(),
                "[a short statement of what is disputed]"
            ),
            capitalise(&self.mediation_under()),
            or_blank(&self.language, "[language]"),
            self.render().join("\n\n"),
            self.us(),
        )
    }
}

/// Says this is a template, on screen, on paper and in every file.
pub const NOT_ADVICE: &str = "This is a template to adapt, not legal advice. Rules differ by country and state: for anything important, have a lawyer check it before you sign.";

/// What a case needs from its clause to count its dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Windows {
    pub tiered: bool,
    pub negotiate: bool,
    pub meet_days: u32,
    pub negotiate_days: u32,
    /// The parties agree a mediator (else one is named).
    pub jointly: bool,
    pub select_days: u32,
    pub provider: Provider,
    pub then: Then,
    pub mediate_days: u32,
}

impl Windows {
    /// The dates, counted from the day the dispute was raised in writing. Mediation is
    /// assumed to start on the first day it may.
    pub fn deadlines(&self, raised: Date) -> Vec<Deadline> {
        let mut out = Vec::new();
        let mut add = |label: String, date: Date| out.push(Deadline { label, date });
        let mut mediation_from = raised;
        if !self.tiered || self.negotiate {
            if self.tiered {
                add(
                    "Meet to negotiate by".into(),
                    raised.add_days(self.meet_days as i32),
                );
            }
            mediation_from = raised.add_days(self.negotiate_days as i32);
            add("The negotiation window ends on".into(), mediation_from);
            add("You may start mediation from".into(), mediation_from);
        }
        let agreed_by = mediation_from.add_days(self.select_days as i32);
        if self.jointly {
            let who = match self.provider {
                Provider::Local | Provider::AdHoc => String::new(),
                p => format!(", or {} appoints one", p.short()),
            };
            add(format!("Agree a mediator by{who}:"), agreed_by);
        }
        if self.tiered && self.then != Then::Nothing {
            let next = match self.then {
                Then::Arbitration => "arbitration",
                Then::Expert => "expert determination",
                _ => "court",
            };
            add(
                format!(
                    "If mediation has not settled it, {next} may start from (counting from the mediator's appointment)"
                ),
                agreed_by.add_days(self.mediate_days as i32),
            );
        }
        out
    }
}

/// A conflict (two choices that work against each other) or a gap (something missing).
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    /// The option it is about.
    pub field: &'static str,
    pub conflict: bool,
    pub text: String,
}

/// A date that a linked case gets from its clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Deadline {
    pub label: String,
    pub date: Date,
}

/// Reads a number of days typed into a field: 1 to 365.
pub fn parse_days(text: &str) -> Result<u32, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Enter a number of days.");
    }
    match t.parse::<i64>() {
        Ok(n) if n < 1 => Err("Use at least 1 day."),
        Ok(n) if n > 365 => Err("That is more than a year. Use 365 days or fewer."),
        Ok(n) => Ok(n as u32),
        Err(_) => Err("Enter a whole number of days, such as 30."),
    }
}

fn or_blank(text: &str, blank: &str) -> String {
    match text.trim() {
        "" => blank.to_string(),
        t => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{from_json, to_json};

    fn full(provider: Provider, variant: Variant) -> Clause {
        let mut c = Clause {
            name: "Web projects".into(),
            us: "Jordan Reyes Studio".into(),
            them: "the Client".into(),
            provider,
            variant,
            local_name: "Riverside Mediation".into(),
            place: "Bristol".into(),
            law: "England and Wales".into(),
            courts: "England and Wales".into(),
            seat: "London, United Kingdom".into(),
            ..Clause::default()
        };
        c.apply_preset();
        if provider == Provider::AdHoc {
            c.selection = Selection::Named;
            c.mediator = "Sam Okafor".into();
            c.alternate = "Ana Lima".into();
        }
        c
    }

    #[test]
    fn every_provider_and_variant_renders_complete_text() {
        for &provider in Provider::ALL {
            for &variant in Variant::ALL {
                let c = full(provider, variant);
                let text = c.render().join("\n");
                assert!(
                    text.contains("Jordan Reyes Studio"),
                    "{provider:?} {variant:?}"
                );
                assert!(
                    !text.contains('['),
                    "a placeholder is left in {provider:?} {variant:?}:\n{text}"
                );
                let f = provider.facts();
                if !f.body.is_empty() {
                    assert!(
                        text.contains(f.body),
                        "{provider:?} {variant:?} names its body"
                    );
                }
                if provider == Provider::Local {
                    assert!(text.contains("Riverside Mediation"));
                }
                assert!(
                    text.contains("England and Wales"),
                    "governing law in {provider:?} {variant:?}"
                );
                if variant == Variant::Tiered {
                    assert!(text.starts_with("1. Disputes."), "{text}");
                    assert!(text.contains("the courts of England and Wales"));
                }
                assert!(
                    c.flags().is_empty(),
                    "{provider:?} {variant:?}: {:?}",
                    c.flags()
                );
                assert_eq!(from_json::<Clause>(to_json(&c)).unwrap(), c);
            }
        }
    }

    #[test]
    fn the_default_is_the_cedr_preset() {
        let mut preset = Clause::default();
        preset.apply_preset();
        assert_eq!(preset, Clause::default());
    }

    #[test]
    fn presets_carry_each_providers_published_figures() {
        let cases = [
            (Provider::Cedr, 14, 60, (14, 30), ""),
            (Provider::Jams, 20, 60, (14, 30), "JAMS"),
            (Provider::Cpr, 14, 60, (20, 45), "CPR"),
            (Provider::Wipo, 14, 60, (14, 30), "WIPO"),
            (Provider::Aaa, 14, 60, (14, 30), "AAA"),
            (Provider::AdHoc, 14, 60, (14, 30), ""),
        ];
        for (provider, select, mediate, (meet, window), then_by) in cases {
            let mut c = Clause {
                provider,
                ..Clause::default()
            };
            c.apply_preset();
            assert_eq!(
                (
                    c.select_days,
                    c.mediate_days,
                    c.meet_days,
                    c.negotiate_days,
                    c.then_by.as_str()
                ),
                (select, mediate, meet, window, then_by),
                "{provider:?}"
            );
        }
        let mut cpr = Clause {
            provider: Provider::Cpr,
            ..Clause::default()
        };
        cpr.apply_preset();
        assert_eq!(cpr.negotiators, Negotiators::Senior);
    }

    #[test]
    fn snapshot_simple_cedr() {
        let c = full(Provider::Cedr, Variant::Simple);
        assert_eq!(
            c.render(),
            [
                "If a disagreement arises between Jordan Reyes Studio and the Client out of or relating to this Agreement, they will first try, in good faith, to settle it between themselves. If it is not settled within 30 days of either of them raising it in writing, either party may refer it to mediation administered by the Centre for Effective Dispute Resolution (CEDR) under the CEDR Model Mediation Procedure in force when the mediation starts, and the other will take part in good faith. Either party may still start other proceedings while the mediation goes on.",
                "The parties will agree on a mediator within 14 days of a request for mediation; if they have not, the Centre for Effective Dispute Resolution (CEDR) will appoint one at either party's request. The mediation will take place in Bristol, or online by video if both parties agree. All costs of the mediation, including the mediator's fees and any provider charges, will be shared equally by the parties. Everything said or written for the purpose of the mediation is confidential and may not be relied on in any later arbitration or court proceedings, except a settlement agreement signed by both parties or where the law requires disclosure.",
                "This Agreement is governed by the law of England and Wales.",
            ]
        );
    }

    #[test]
    fn snapshot_tiered_cedr_escalating_to_arbitration() {
        let mut c = full(Provider::Cedr, Variant::Tiered);
        c.obligation = Obligation::FirstThenEscalate;
        c.then = Then::Arbitration;
        c.then_by = "the London Court of International Arbitration".into();
        c.arbitrators = 3;
        c.qualities = "experience of disputes in web design".into();
        assert_eq!(
            c.render(),
            [
                "1. Disputes. This clause applies to any dispute, controversy or claim between Jordan Reyes Studio and the Client arising out of or relating to this Agreement, including its making, performance, breach or ending.",
                "2. Negotiation. Either party may give the other written notice of a dispute. Within 14 days of the notice, the parties will meet, in person or by video, and try in good faith to settle it. What is said in these talks is confidential.",
                "3. Mediation. If the dispute is not settled within 30 days of the notice, or the meeting has not taken place within 14 days, either party may refer it to mediation administered by the Centre for Effective Dispute Resolution (CEDR) under the CEDR Model Mediation Procedure in force when the mediation starts, and the other will take part in good faith. Neither party may start arbitration or court proceedings about the dispute until the mediation has ended, except to ask for urgent interim relief.",
                "4. The mediator. The parties will agree on a mediator within 14 days of a request for mediation; if they have not, the Centre for Effective Dispute Resolution (CEDR) will appoint one at either party's request. The mediator should have experience of disputes in web design.",
                "5. Place and language. The mediation will take place in Bristol, or online by video if both parties agree. The language of the mediation will be English.",
                "6. Conduct and costs. Everything said or written for the purpose of the mediation is confidential and may not be relied on in any later arbitration or court proceedings, except a settlement agreement signed by both parties or where the law requires disclosure. Each party will attend through a person with authority to agree a settlement at the session. All costs of the mediation, including the mediator's fees and any provider charges, will be shared equally by the parties.",
                "7. Carrying on. While a dispute is being resolved, each party will keep performing the parts of this Agreement that are not in dispute.",
                "8. Urgent relief. Nothing in this clause prevents either party from asking a court for urgent interim relief, such as an injunction, to protect its rights.",
                "9. If mediation fails. If the dispute has not been settled within 60 days of the appointment of the mediator, or if a party does not take part in the mediation, it will be finally resolved by arbitration administered by the London Court of International Arbitration under its arbitration rules, before three arbitrators; the seat of the arbitration will be London, United Kingdom. The mediator will not act as arbitrator unless both parties agree in writing.",
                "10. Governing law. This clause and this Agreement are governed by the law of England and Wales.",
            ]
        );
    }

    #[test]
    fn snapshot_tiered_cpr_named_mediator_online() {
        let mut c = full(Provider::Cpr, Variant::Tiered);
        c.selection = Selection::Named;
        c.mediator = "Dana Holt".into();
        c.alternate = "Lee Park".into();
        c.venue = Venue::Online;
        c.rules_at = RulesAt::Signing;
        c.costs = Costs::Own;
        c.keep_working = false;
        c.authority = false;
        c.then = Then::Nothing;
        let text = c.render();
        assert_eq!(text.len(), 8, "{text:#?}");
        assert_eq!(
            text[1],
            "2. Negotiation. Either party may give the other written notice of a dispute. Within 20 days of the notice, a senior person from each party, with authority to settle and not directly involved in the work, will meet, in person or by video, and try in good faith to settle it. What is said in these talks is confidential."
        );
        assert!(text[2].starts_with("3. Mediation. If the dispute is not settled within 45 days of the notice, or the meeting has not taken place within 20 days,"));
        assert!(
            text[2].contains(
                "under the CPR Mediation Procedure in force on the date of this agreement"
            )
        );
        assert_eq!(
            text[3],
            "4. The mediator. The mediator will be Dana Holt, or, if Dana Holt cannot act, Lee Park."
        );
        assert_eq!(
            text[4],
            "5. Place and language. The mediation will take place online, by video. The language of the mediation will be English."
        );
        assert!(text[5].contains("Each party will pay its own costs"));
        assert!(!text.join(" ").contains("If mediation fails"));
    }

    #[test]
    fn each_flag_rule_fires_alone() {
        type Change = fn(&mut Clause);
        let table: [(Change, &str, bool); 14] = [
            (|c| c.us.clear(), "us", false),
            (|c| c.them = " ".into(), "them", false),
            (
                |c| {
                    c.obligation = Obligation::FirstThenEscalate;
                    c.urgent_relief = false;
                },
                "urgent_relief",
                true,
            ),
            (|c| c.meet_days = 30, "meet_days", true),
            (
                |c| {
                    c.provider = Provider::Local;
                    c.local_name.clear();
                },
                "local_name",
                false,
            ),
            (|c| c.provider = Provider::AdHoc, "selection", true),
            (|c| c.selection = Selection::Named, "mediator", false),
            (
                |c| {
                    c.selection = Selection::Named;
                    c.mediator = "Dana Holt".into();
                },
                "alternate",
                false,
            ),
            (|c| c.place.clear(), "place", false),
            (|c| c.language.clear(), "language", false),
            (|c| c.costs = Costs::Other, "costs_other", false),
            (
                |c| {
                    c.then = Then::Arbitration;
                    c.seat.clear();
                },
                "seat",
                false,
            ),
            (|c| c.obligation = Obligation::Consider, "obligation", true),
            (|c| c.law.clear(), "law", false),
        ];
        for (change, field, conflict) in table {
            let mut c = full(Provider::Cedr, Variant::Tiered);
            change(&mut c);
            let flags = c.flags();
            assert_eq!(flags.len(), 1, "{field}: {flags:?}");
            assert_eq!((flags[0].field, flags[0].conflict), (field, conflict));
        }
        // Courts with no place, and an arbitration nobody runs.
        let mut c = full(Provider::Cedr, Variant::Tiered);
        c.courts.clear();
        assert_eq!(c.flags()[0].field, "courts");
        let mut c = full(Provider::Cedr, Variant::Tiered);
        c.then = Then::Arbitration;
        assert_eq!(c.flags()[0].field, "then_by");
        // Online needs no place.
        let mut c = full(Provider::Cedr, Variant::Tiered);
        c.venue = Venue::Online;
        c.place.clear();
        assert!(c.flags().is_empty());
    }

    #[test]
    fn deadlines_count_from_the_day_the_dispute_was_raised() {
        let raised = Date::from_ymd(2026, 3, 2).unwrap();
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        let simple = full(Provider::Cedr, Variant::Simple);
        assert_eq!(
            simple.deadlines(raised),
            [
                Deadline {
                    label: "The negotiation window ends on".into(),
                    date: d(2026, 4, 1)
                },
                Deadline {
                    label: "You may start mediation from".into(),
                    date: d(2026, 4, 1)
                },
                Deadline {
                    label: "Agree a mediator by, or CEDR appoints one:".into(),
                    date: d(2026, 4, 15)
                },
            ]
        );
        let mut tiered = full(Provider::Cpr, Variant::Tiered);
        tiered.obligation = Obligation::FirstThenEscalate;
        let dates: Vec<Date> = tiered.deadlines(raised).iter().map(|x| x.date).collect();
        // Meet within 20 days; 45-day window; 14 days to agree a mediator; 60 days of mediation.
        assert_eq!(
            dates,
            [
                d(2026, 3, 22),
                d(2026, 4, 16),
                d(2026, 4, 16),
                d(2026, 4, 30),
                d(2026, 6, 29)
            ]
        );
        // No negotiation step: mediation is open at once. Across a year end.
        let mut direct = full(Provider::Wipo, Variant::Tiered);
        direct.negotiate = false;
        direct.then = Then::Expert;
        let late = d(2026, 12, 20);
        let dl = direct.deadlines(late);
        assert_eq!(dl[0].date, d(2027, 1, 3));
        assert_eq!(dl[1].date, d(2027, 3, 4));
        assert!(dl[1].label.contains("expert determination"));
    }

    #[test]
    fn days_must_be_between_one_and_a_year() {
        let table = [
            ("30", Ok(30)),
            (" 7 ", Ok(7)),
            ("365", Ok(365)),
            ("", Err("Enter a number of days.")),
            ("0", Err("Use at least 1 day.")),
            ("-5", Err("Use at least 1 day.")),
            (
                "10000",
                Err("That is more than a year. Use 365 days or fewer."),
            ),
            ("2.5", Err("Enter a whole number of days, such as 30.")),
            ("thirty", Err("Enter a whole number of days, such as 30.")),
        ];
        for (text, want) in table {
            assert_eq!(parse_days(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_request_carries_the_case_and_the_clause() {
        let c = full(Provider::Cedr, Variant::Tiered);
        let mut case = Case::default();
        case.client.name = "Marisol Vega".into();
        case.client.company = "Vega's Bakery".into();
        case.client.contact = "marisol@example.com".into();
        case.disputed = "Six invoiced hours she says should not be charged.".into();
        case.amount = Some(51000);
        case.currency = "USD".into();
        case.received = Date::from_ymd(2026, 11, 10);
        let text = c.request(&case, Date::from_ymd(2026, 11, 22).unwrap());
        for part in [
            "REQUEST FOR MEDIATION",
            "Date: 22 Nov 2026",
            "To: The Centre for Effective Dispute Resolution (CEDR), and Marisol Vega (Vega's Bakery) (marisol@example.com)",
            "From: Jordan Reyes Studio",
            "3. The dispute. Six invoiced hours she says should not be charged. The complaint was first raised on 10 Nov 2026.",
            "The amount in dispute is $510.00.",
            "held in Bristol, in English",
            "1. Disputes. This clause applies",
        ] {
            assert!(text.contains(part), "missing {part:?} in\n{text}");
        }
    }

    #[test]
    fn text_and_markdown_carry_the_notice() {
        let c = full(Provider::Jams, Variant::Simple);
        assert!(
            c.to_text()
                .starts_with("Dispute resolution (Web projects)\n\nIf a disagreement")
        );
        assert!(c.to_text().contains(NOT_ADVICE));
        assert!(
            c.to_markdown()
                .starts_with("# Dispute resolution (Web projects)\n\n")
        );
        assert!(
            c.to_markdown()
                .trim_end()
                .ends_with(&format!("_{NOT_ADVICE}_"))
        );
    }

    #[test]
    fn a_new_clause_keeps_the_business_name_and_files_are_named_after_it() {
        let last = Clause {
            us: "Vega Web Ltd".into(),
            law: "England".into(),
            ..Clause::default()
        };
        let new = Clause::starting_from(Some(&last));
        assert_eq!(new.us, "Vega Web Ltd");
        assert_eq!(new.law, "", "only the business carries over");
        assert_eq!(Clause::starting_from(None), Clause::default());
        let named = Clause {
            name: "Web projects — “standard” 2027".into(),
            ..Clause::default()
        };
        assert_eq!(
            named.file_name("md"),
            "mediation-clause-web-projects-standard-2027.md"
        );
        assert_eq!(
            Clause::default().file_name("txt"),
            "mediation-clause-untitled-clause.txt"
        );
    }
}
