//! Words to say and send, drafted from the case: the messages a stressed owner most needs,
//! and a call script in the articles' order. Names, amounts and dates come from the case; a
//! fact the case does not hold shows as a visible gap in square brackets, never as invented
//! text. The user edits and sends; Mend never sends anything.

use super::case::{Case, Outcome};
use super::date::Date;
use super::guidance::{CLARIFYING_QUESTIONS, GROUND_RULES};
use super::money::{format_money, percent_of};
use super::numbers::offer_text;

/// Which message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftKind {
    /// The first reply to a written complaint: asks for a call, defends nothing. // G6, G7
    FirstReply,
    /// When the call did not work: what would they feel is fair? // G7, G28
    CallFailed,
    /// What you understood and agreed, and when they will hear from you. // G13, G31, G34
    AfterCall,
    /// Still on it; the next update by a date. // G34
    CheckIn,
    /// A respectful ending. // G42, G43
    Ending,
}

impl DraftKind {
    pub const ALL: [DraftKind; 5] = [
        DraftKind::FirstReply,
        DraftKind::CallFailed,
        DraftKind::AfterCall,
        DraftKind::CheckIn,
        DraftKind::Ending,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DraftKind::FirstReply => "first-reply",
            DraftKind::CallFailed => "call-failed",
            DraftKind::AfterCall => "after-call",
            DraftKind::CheckIn => "check-in",
            DraftKind::Ending => "ending",
        }
    }

    pub fn from_key(key: &str) -> Option<DraftKind> {
        DraftKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            DraftKind::FirstReply => "First reply: ask for a call",
            DraftKind::CallFailed => "When the call did not work",
            DraftKind::AfterCall => "Summary after the call",
            DraftKind::CheckIn => "Check-in update",
            DraftKind::Ending => "Ending the relationship",
        }
    }

    /// When to use it, in a line.
    pub fn when(self) -> &'static str {
        match self {
            DraftKind::FirstReply => {
                "Their complaint came in writing. Reply soon, but ask to talk: a voice carries the care an email cannot."
            }
            DraftKind::CallFailed => {
                "The call broke down or got heated. Follow up in writing, and ask them what would be fair."
            }
            DraftKind::AfterCall => {
                "Right after the call, so you both hold the same understanding."
            }
            DraftKind::CheckIn => {
                "Whenever you promised news, even if the news is that you are still on it."
            }
            DraftKind::Ending => "Only once you have decided, on a calm day.",
        }
    }
}

/// The message for `kind` as the user left it: their edited text, else drafted afresh.
pub fn current(kind: DraftKind, case: &Case, signature: &str, today: Date) -> Draft {
    let drafted = draft(kind, case, signature, today);
    match case.drafts.iter().find(|d| d.kind == kind.key()) {
        Some(edited) => Draft {
            body: edited.text.clone(),
            ..drafted
        },
        None => drafted,
    }
}

/// Keeps the user's edit of a draft with the case (one per kind).
pub fn keep_edit(case: &mut Case, kind: DraftKind, text: String) {
    match case.drafts.iter_mut().find(|d| d.kind == kind.key()) {
        Some(d) => d.text = text,
        None => case.drafts.push(super::case::EditedDraft {
            kind: kind.key().into(),
            text,
        }),
    }
}

/// Drops the user's edit: the draft follows the case again.
pub fn drop_edit(case: &mut Case, kind: DraftKind) {
    case.drafts.retain(|d| d.kind != kind.key());
}

/// A message: its subject and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub subject: String,
    pub body: String,
}

/// `value`, or a visible gap naming what is missing.
fn or_gap(value: &str, missing: &str) -> String {
    match value.trim() {
        "" => format!("[{missing}]"),
        v => v.to_string(),
    }
}

/// The day of the next update: the next open check-in, else the gap.
pub fn next_update(case: &Case, today: Date) -> String {
    case.follow_up
        .iter()
        .filter(|c| !c.done)
        .filter_map(|c| c.due)
        .filter(|d| *d >= today)
        .min()
        .map_or_else(|| "[the date of your next update]".into(), Date::human)
}

/// The proposed call: its day (if not already past) and time as the case has them.
fn proposed_call(case: &Case, today: Date) -> String {
    let day = case.reach.when.filter(|d| *d >= today).map(Date::human);
    match (day, case.reach.time.trim()) {
        (Some(d), "") => format!("on {d} [at a time]"),
        (Some(d), t) => format!("on {d}, {t}"),
        (None, "") => "[on a day and at a time that suits you]".into(),
        (None, t) => t.to_string(),
    }
}

/// Your latest restatement of the concern (the one the client confirmed, once they have).
pub fn restatement(case: &Case) -> Option<&str> {
    case.restate
        .attempts
        .iter()
        .rev()
        .map(|a| a.mine.trim())
        .find(|t| !t.is_empty())
}

/// The restatement the client confirmed, if they have. // G13
fn confirmed_restatement(case: &Case) -> Option<&str> {
    case.restate.confirmed_at.and(restatement(case))
}

/// Drafts a message from the case. `signature` is the user's name (a gap when empty).
pub fn draft(kind: DraftKind, case: &Case, signature: &str, today: Date) -> Draft {
    let name = or_gap(&case.client.name, "their name");
    let sign = or_gap(signature, "your name");
    let next = next_update(case, today);
    let (subject, middle) = match kind {
        DraftKind::FirstReply => (
            "Thank you for your message".to_string(),
            format!(
                "Thank you for writing to me, and for telling me plainly. I am sorry for the trouble this has caused you.\n\nI want to understand it properly, and that is easier in conversation than by email. Could we talk {}? If that does not suit you, tell me a time that does.",
                proposed_call(case, today)
            ),
        ),
        DraftKind::CallFailed => (
            "Following up on our call".to_string(),
            format!(
                "Thank you for talking with me. I am sorry we could not settle it on the call; I still want to find a way through that works for you.\n\nSo that I understand exactly what you are hoping for: what would you feel is a fair way to resolve this? Put it in whatever words suit you, and I will come back to you by {next}."
            ),
        ),
        DraftKind::AfterCall => (
            "What we agreed".to_string(),
            format!(
                "Thank you for your time today. So that we hold the same understanding, here is what I took from our conversation.\n\nWhat concerned you: {}\n\nWhat we agreed: {}\n\nYou will hear from me by {next}. If I have misunderstood anything, please tell me.",
                or_gap(
                    confirmed_restatement(case).unwrap_or(""),
                    "what concerned them, as they agreed it"
                ),
                or_gap(&case.resolve.agreed, "what you agreed")
            ),
        ),
        DraftKind::CheckIn => (
            "An update".to_string(),
            format!(
                "A short note to say I am still working on this, and have not forgotten you. You will hear from me again by {next}, sooner if I have news."
            ),
        ),
        DraftKind::Ending => ("Our work together".to_string(), ending(case)),
    };
    Draft {
        subject,
        body: format!("Hello {name},\n\n{middle}\n\nWith best regards,\n{sign}"),
    }
}

/// The respectful ending, from the exit checklist: settle, refer, put it in writing. // G43
fn ending(case: &Case) -> String {
    let settle = match (case.decide.outcome, case.decide.concession) {
        (Some(Outcome::Ended), Some(v)) if v > 0 => format!(
            "I will settle what is owed as our agreement sets out, and refund {}.",
            format_money(v, &case.currency)
        ),
        _ => "I will settle what is owed as our agreement sets out: [a refund, or a payment for the part delivered].".into(),
    };
    format!(
        "Thank you for the work we have done together. After thinking it over carefully, I have decided that I am not the right person to go on working with you, and I would rather say so clearly than let things drift.\n\n{settle}\n\nIf it helps, {} may be a good fit for what you need. I wish you well.",
        or_gap(&case.decide.refer_to, "someone who may suit you better")
    )
}

/// One step of the call script: a heading and the lines to say or do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub heading: &'static str,
    pub lines: Vec<String>,
}

/// The call script for this case, in the articles' order: calm and acknowledge, sorry for the
/// misunderstanding, their story, say it back, what would make it right, what you can bring,
/// the options, the peace offering, does this meet your needs, and the close. // G8–G13,
/// G24–G31, G34
pub fn call_script(case: &Case, today: Date) -> Vec<Step> {
    let step = |heading, lines: Vec<String>| Step { heading, lines };
    let said = |t: &str| format!("“{t}”");
    vec![
        step(
            "Calm, and acknowledge",
            vec![said(&format!(
                "Thank you for taking the time, {}. I can hear this has been frustrating, and I am glad you told me.",
                or_gap(&case.client.name, "their name")
            ))],
        ),
        step(
            "Sorry for the misunderstanding",
            vec![said("I am sorry there has been a misunderstanding.")],
        ),
        step("Their story", their_story(case)),
        step(
            "Say it back",
            vec![said(&format!(
                "So if I have it right: {} Is that it?",
                or_gap(
                    restatement(case).unwrap_or(""),
                    "what you understood, in your words"
                )
            ))],
        ),
        step(
            "What would make it right?",
            vec![
                said("What would feel like a fair way to settle this for you?"),
                match case.resolve.their_suggestion.trim() {
                    "" => "Let them answer first; it is often reasonable.".into(),
                    s => format!("They said before: {s}"),
                },
                // G28: more than you can do? Say so, and offer what you can.
                match case.resolve.counter_offer.trim() {
                    "" => "If it is more than you can do, say what you cannot do, and offer what you can.".into(),
                    c => said(&format!("That is more than I can do; what I can offer is this: {c}")),
                },
            ],
        ),
        step(
            "What you can bring",
            vec![or_gap(
                first_filled(&[&case.diagnose.our_side, &case.diagnose.actual_evidence]),
                "one fact they may not know: a record, a reason, another way to see it",
            )],
        ),
        step("The options", options_in_words(case)),
        step("A peace offering", vec![peace_in_words(case)]),
        step(
            "Does this meet your needs?",
            vec![said("Would that work for you?")],
        ),
        step(
            "Close",
            vec![said(&format!(
                "Thank you. I will send you a short summary today, and you will hear from me by {}.",
                next_update(case, today)
            ))],
        ),
    ]
}

fn first_filled<'a>(texts: &[&'a String]) -> &'a str {
    texts
        .iter()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .unwrap_or("")
}

/// Ask them to tell it, then the questions chosen (or the first suggested ones).
fn their_story(case: &Case) -> Vec<String> {
    let mut lines = vec!["Let them tell it all; do not interrupt or defend.".to_string()];
    let planned: Vec<&str> = case
        .listen
        .questions
        .iter()
        .filter(|q| q.planned)
        .map(|q| q.text.as_str())
        .collect();
    let questions: Vec<&str> = if planned.is_empty() {
        CLARIFYING_QUESTIONS.iter().take(3).copied().collect()
    } else {
        planned
    };
    lines.extend(questions.into_iter().map(|q| format!("“{q}”")));
    lines
}

/// The options marked to offer, as the client would hear them.
fn options_in_words(case: &Case) -> Vec<String> {
    let offered: Vec<String> = case
        .resolve
        .options
        .iter()
        .filter(|o| o.offered)
        .map(|o| offer_text(o, case))
        .collect();
    if offered.is_empty() {
        return vec!["[two or three options to offer, from Resolve]".into()];
    }
    let mut lines =
        vec!["“Here are some ways we could put this right; which would suit you?”".into()];
    lines.extend(offered);
    lines
}

/// The peace offering as it would be said. // G30
pub fn peace_in_words(case: &Case) -> String {
    let p = &case.resolve.peace;
    let m = |v: i64| format_money(v, &case.currency);
    match (p.now_percent, p.next_percent) {
        (Some(now), _) if now > 0 => match case.numbers.invoiced {
            Some(inv) => format!(
                "“As a thank-you for your patience, I would like to take {now}% ({}) off this invoice.”",
                m(percent_of(inv, now.min(100)))
            ),
            None => format!(
                "“As a thank-you for your patience, I would like to take {now}% off this invoice.”"
            ),
        },
        (_, Some(next)) if next > 0 => {
            format!("“As a thank-you for your patience, {next}% off your next order with me.”")
        }
        _ => "[a gesture of goodwill, even if you are right: a share off this invoice or the next]"
            .into(),
    }
}

/// The rules to keep beside the script. // G8, G9, G10
pub fn beside_the_script() -> (&'static [&'static str], &'static str) {
    (
        GROUND_RULES,
        "If it gets heated: “I want to get this right, and I think we both need a pause. Can I call you back tomorrow?” Then end the call kindly, and follow up in writing.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::{Attempt, CheckIn, Question, RemedyKind, RemedyOption};

    fn today() -> Date {
        Date::from_ymd(2026, 12, 1).unwrap()
    }

    /// A complete case: every fact the drafts use.
    fn complete() -> Case {
        let mut c = Case::new("EUR");
        c.client.name = "Marisol Vega".into();
        c.reach.when = Some(today().add_days(1));
        c.reach.time = "at 10 in the morning".into();
        c.restate.attempts = vec![Attempt {
            mine: "The checkout bug cost you orders in your busiest week.".into(),
            ..Attempt::default()
        }];
        c.restate.confirmed_at = Some(1_000);
        c.resolve.agreed = "I take the four bug-fix hours off the invoice.".into();
        c.follow_up = vec![CheckIn {
            due: Some(today().add_days(7)),
            ..CheckIn::default()
        }];
        c.decide.outcome = Some(Outcome::Ended);
        c.decide.refer_to = "Studio Norte".into();
        c.decide.concession = Some(34_000);
        c.numbers.invoiced = Some(272_000);
        c.resolve.peace.now_percent = Some(10);
        c.resolve.options = vec![RemedyOption {
            kind: RemedyKind::ReduceAmount,
            amount: Some(34_000),
            offered: true,
            ..RemedyOption::default()
        }];
        c.diagnose.our_side = "The meeting agenda was sent a day ahead.".into();
        c.resolve.counter_offer = "two hours of fixes next week, free".into();
        c.listen.questions = vec![Question {
            text: "Was anything promised that you did not get?".into(),
            planned: true,
            ..Question::default()
        }];
        c
    }

    #[test]
    fn drafts_of_a_complete_case_have_no_gaps_and_use_its_facts() {
        let c = complete();
        for kind in DraftKind::ALL {
            let d = draft(kind, &c, "Alex Moreno", today());
            let text = format!("{}\n{}", d.subject, d.body);
            assert!(!text.contains('['), "{kind:?} has a gap:\n{text}");
            assert!(
                text.starts_with(&d.subject) && d.body.starts_with("Hello Marisol Vega,"),
                "{kind:?}"
            );
            assert!(d.body.ends_with("Alex Moreno"), "{kind:?}");
        }
        let first = draft(DraftKind::FirstReply, &c, "Alex", today()).body;
        assert!(
            first.contains("on 2 Dec 2026, at 10 in the morning"),
            "{first}"
        );
        assert!(first.contains("sorry") && first.contains("talk"));
        // It defends nothing: no invoice, no hours, no "but".
        for word in ["invoice", "hours", " but ", "however"] {
            assert!(
                !first.to_lowercase().contains(word),
                "defends with {word:?}: {first}"
            );
        }
        let failed = draft(DraftKind::CallFailed, &c, "Alex", today()).body;
        assert!(failed.contains("fair"), "{failed}");
        let after = draft(DraftKind::AfterCall, &c, "Alex", today()).body;
        assert!(
            after.contains("busiest week")
                && after.contains("four bug-fix hours")
                && after.contains("8 Dec 2026")
        );
        let check = draft(DraftKind::CheckIn, &c, "Alex", today()).body;
        assert!(check.contains("still working") && check.contains("8 Dec 2026"));
        let end = draft(DraftKind::Ending, &c, "Alex", today()).body;
        assert!(
            end.contains("€340.00"),
            "amounts in the case's currency: {end}"
        );
    }

    #[test]
    fn drafts_of_an_empty_case_show_each_missing_fact_as_a_gap() {
        let c = Case::new("USD");
        let expect: [(DraftKind, &[&str]); 5] = [
            (
                DraftKind::FirstReply,
                &[
                    "[their name]",
                    "[on a day and at a time that suits you]",
                    "[your name]",
                ],
            ),
            (DraftKind::CallFailed, &["[the date of your next update]"]),
            (
                DraftKind::AfterCall,
                &[
                    "[what concerned them, as they agreed it]",
                    "[what you agreed]",
                ],
            ),
            (DraftKind::CheckIn, &["[the date of your next update]"]),
            (
                DraftKind::Ending,
                &[
                    "[a refund, or a payment for the part delivered]",
                    "[someone who may suit you better]",
                ],
            ),
        ];
        for (kind, gaps) in expect {
            let body = draft(kind, &c, "  ", today()).body;
            for gap in gaps {
                assert!(body.contains(gap), "{kind:?} lacks {gap}:\n{body}");
            }
        }
        // A day without a time keeps the day and marks the time.
        let mut day = c.clone();
        day.reach.when = Some(today());
        assert!(
            draft(DraftKind::FirstReply, &day, "A", today())
                .body
                .contains("on 1 Dec 2026 [at a time]")
        );
        // A day already past is not proposed again.
        day.reach.when = Some(today().add_days(-3));
        assert!(
            draft(DraftKind::FirstReply, &day, "A", today())
                .body
                .contains("[on a day and at a time that suits you]")
        );
        // A restatement the client has not confirmed is not what "they agreed".
        let mut unconfirmed = complete();
        unconfirmed.restate.confirmed_at = None;
        assert!(
            draft(DraftKind::AfterCall, &unconfirmed, "A", today())
                .body
                .contains("[what concerned them, as they agreed it]")
        );
    }

    #[test]
    fn an_edited_draft_is_kept_until_dropped() {
        let mut c = complete();
        let fresh = current(DraftKind::CheckIn, &c, "A", today());
        keep_edit(&mut c, DraftKind::CheckIn, "My own words".into());
        keep_edit(&mut c, DraftKind::CheckIn, "My own words, again".into());
        assert_eq!(c.drafts.len(), 1);
        let kept = current(DraftKind::CheckIn, &c, "A", today());
        assert_eq!(
            (kept.subject.as_str(), kept.body.as_str()),
            (fresh.subject.as_str(), "My own words, again")
        );
        assert_eq!(
            current(DraftKind::Ending, &c, "A", today()).body,
            draft(DraftKind::Ending, &c, "A", today()).body
        );
        drop_edit(&mut c, DraftKind::CheckIn);
        assert_eq!(current(DraftKind::CheckIn, &c, "A", today()), fresh);
        for kind in DraftKind::ALL {
            assert_eq!(DraftKind::from_key(kind.key()), Some(kind));
        }
    }

    #[test]
    fn the_call_script_follows_the_articles_order_with_this_cases_words() {
        let c = complete();
        let script = call_script(&c, today());
        let headings: Vec<&str> = script.iter().map(|s| s.heading).collect();
        assert_eq!(
            headings,
            [
                "Calm, and acknowledge",
                "Sorry for the misunderstanding",
                "Their story",
                "Say it back",
                "What would make it right?",
                "What you can bring",
                "The options",
                "A peace offering",
                "Does this meet your needs?",
                "Close",
            ]
        );
        let all = script
            .iter()
            .flat_map(|s| s.lines.clone())
            .collect::<Vec<_>>()
            .join("\n");
        for fact in [
            "Marisol Vega",
            "Was anything promised that you did not get?",
            "busiest week",
            "agenda was sent",
            "what I can offer is this: two hours of fixes next week, free",
            "€340.00 off the invoice",
            "10% (€272.00)",
            "8 Dec 2026",
        ] {
            assert!(all.contains(fact), "script lacks {fact}:\n{all}");
        }
        assert!(!all.contains('['), "{all}");
        // With nothing chosen, the suggested questions stand in; missing facts are gaps.
        let empty = call_script(&Case::new("USD"), today());
        let text = empty
            .iter()
            .flat_map(|s| s.lines.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains(CLARIFYING_QUESTIONS[0]));
        assert!(text.contains("[two or three options to offer, from Resolve]"));
        assert!(text.contains("[a gesture of goodwill"));
    }
}
