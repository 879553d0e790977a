//! Words to say and send, drafted from the case: the messages a stressed owner most needs,
//! and a call script in the articles' order. Names, amounts and dates come from the case; a
//! fact the case does not hold shows as a visible gap in square brackets, never as invented
//! text. The user edits and sends; Mend never sends anything.

use super::case::{Case, Channel, GoodFaith, Mood, Validity};
use super::counsel::{Call, ExitTerms, Gesture, Reading, heard};
use super::date::Date;
use super::guidance::{CLARIFYING_QUESTIONS, GROUND_RULES};
use super::money::{format_money, percent_of};
use super::numbers::offer_text;

/// Which message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftKind {
    /// A short public answer to a public review: it takes the matter private, owns nothing it
    /// cannot know and argues nothing (the articles are silent on reviews; G6–G10's spirit).
    PublicReply,
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
    pub const ALL: [DraftKind; 6] = [
        DraftKind::PublicReply,
        DraftKind::FirstReply,
        DraftKind::CallFailed,
        DraftKind::AfterCall,
        DraftKind::CheckIn,
        DraftKind::Ending,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DraftKind::PublicReply => "public-reply",
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
            DraftKind::PublicReply => "Public reply to the review",
            DraftKind::FirstReply => "First reply",
            DraftKind::CallFailed => "When the call did not work",
            DraftKind::AfterCall => "Summary after the call",
            DraftKind::CheckIn => "Check-in update",
            DraftKind::Ending => "Ending the relationship",
        }
    }

    /// When to use it, in a line.
    pub fn when(self) -> &'static str {
        match self {
            DraftKind::PublicReply => {
                "Under the review, for everyone to read: short, calm, and taking it private. Then send the first reply to them directly."
            }
            DraftKind::FirstReply => {
                "Their complaint came in writing. Reply soon, and ask to talk: a voice carries the care an email cannot. If you answer in writing (a call failed, or they asked for it), it asks for their side instead."
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

/// A sentence as typed, ending with a full stop unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?', '…']) || t.ends_with(']') {
        t.to_string()
    } else {
        format!("{t}.")
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

/// Your latest restatement of the concern, unless the client corrected it: one they
/// corrected is never said back to them as it was (the one they confirmed, once they have).
/// // G13
pub fn restatement(case: &Case) -> Option<&str> {
    let last = latest_attempt(case)?;
    last.correction.trim().is_empty().then(|| last.mine.trim())
}

/// Your latest written restatement, corrected or not.
fn latest_attempt(case: &Case) -> Option<&super::case::Attempt> {
    case.restate
        .attempts
        .iter()
        .rev()
        .find(|a| !a.mine.trim().is_empty())
}

/// The restatement the client confirmed, if they have. // G13
fn confirmed_restatement(case: &Case) -> Option<&str> {
    case.restate.confirmed_at.and(restatement(case))
}

/// The thanks that opens a first reply, true to how the complaint came in: a phone
/// complaint is not thanked "for writing". // G6, G24
fn thanks_for_raising(channel: Option<Channel>) -> &'static str {
    match channel {
        Some(Channel::Email | Channel::Letter) => {
            "Thank you for writing to me, and for telling me plainly."
        }
        Some(Channel::Phone | Channel::InPerson) => {
            "Thank you for telling me about this when we spoke, and for being plain with me."
        }
        Some(Channel::Review) => "Thank you for taking the time to tell me how you felt.",
        Some(Channel::Other) | None => {
            "Thank you for letting me know, and for being plain with me."
        }
    }
}

/// Whether a public reply goes under the complaint: it came as a public review.
pub fn needs_public_reply(case: &Case) -> bool {
    case.channel == Some(Channel::Review)
}

/// The first reply: it asks for a call, unless you chose to answer in writing (a call failed,
/// or they asked to be reached only in writing: G7's fallback); then it asks for their side
/// and what would be fair. // G6, G7, G11, G28
fn first_reply(case: &Case, today: Date, next: &str) -> String {
    let thanks = thanks_for_raising(case.channel);
    if case.answers_in_writing() {
        return format!(
            "{thanks} I am sorry for the trouble this has caused you.\n\nI want to understand it properly. Could you tell me what happened as you see it, and what would put it right for you? I will read it carefully and answer by {next}."
        );
    }
    format!(
        "{thanks} I am sorry for the trouble this has caused you.\n\nI want to understand it properly, and that is easier in conversation than in writing. Could we talk {}? If that does not suit you, tell me a time that does.",
        proposed_call(case, today)
    )
}

/// Drafts a message from the case. `signature` is the user's name (a gap when empty).
pub fn draft(kind: DraftKind, case: &Case, signature: &str, today: Date) -> Draft {
    let name = or_gap(&case.client.name, "their name");
    let sign = or_gap(signature, "your name");
    let next = next_update(case, today);
    let (subject, middle) = match kind {
        DraftKind::PublicReply => (
            "A reply to your review".to_string(),
            "Thank you for taking the time to write this. I am sorry it was not the experience you hoped for. I would like to understand what happened and put it right, so I am contacting you directly.".to_string(),
        ),
        DraftKind::FirstReply => (
            "Thank you for your message".to_string(),
            first_reply(case, today, &next),
        ),
        DraftKind::CallFailed => (
            "Following up on our call".to_string(),
            call_failed(case, &next),
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

/// Heard, and judged to be taking advantage: no invitation to name a price. // G22
fn firm_with(case: &Case) -> bool {
    heard(case) && case.diagnose.good_faith == Some(GoodFaith::TakingAdvantage)
}

/// Heard, and judged right in whole or in part.
fn they_are_right(case: &Case) -> bool {
    heard(case) && matches!(case.resolve.valid, Some(Validity::Yes | Validity::Partly))
}

/// When the call did not work: ask what would be fair (G7, G28); to someone taking
/// advantage, the facts once, never "the invoice stands" over a part that is valid (G22,
/// G25).
fn call_failed(case: &Case, next: &str) -> String {
    let opening = "Thank you for talking with me. I am sorry we still see this differently.";
    let look = format!(
        "If something I have not seen changes the picture, send it to me and I will look at it by {next}."
    );
    match (firm_with(case), case.resolve.valid) {
        (true, Some(Validity::Partly)) => format!(
            "{opening} I will put right the part that fell short, as I offered. Beyond that, the invoice stands as it is.\n\n{look}"
        ),
        (true, Some(Validity::No)) => format!(
            "{opening} I have looked into it carefully, and this is what happened: {}\n\nThe invoice stands as it is. {look}",
            sentence(&or_gap(&case.diagnose.our_side, "the facts, briefly"))
        ),
        _ => format!(
            "Thank you for talking with me. I am sorry we could not settle it on the call; I still want to find a way through that works for you.\n\nSo that I understand exactly what you are hoping for: what would you feel is a fair way to resolve this? Put it in whatever words suit you, and I will come back to you by {next}."
        ),
    }
}

/// The respectful ending: settle, refer, put it in writing. It states only what the case
/// holds: the agreed resolution, else a gap; never an amount nobody agreed. // G43
fn ending(case: &Case) -> String {
    let settle = match case.resolve.agreed.trim() {
        // No gesture on the way out for someone taking advantage. // G22, G42
        "" if firm_with(case) => "I will settle what is owed as our agreement sets out: [what the agreement says is owed].".to_string(),
        "" => "I will settle what is owed as our agreement sets out: [a refund, or a payment for the part delivered].".to_string(),
        agreed => format!("I will settle what is owed as our agreement sets out, and as we agreed: {}", sentence(agreed)),
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

/// The call script as plain text, to keep on the phone during the call: numbered steps,
/// each with its lines.
pub fn script_text(steps: &[Step]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(n, s)| format!("{}. {}\n{}", n + 1, s.heading, s.lines.join("\n")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn step(heading: &'static str, lines: Vec<String>) -> Step {
    Step { heading, lines }
}

/// After a correction, the client's own words to start from. // G13
fn corrected_last_time(case: &Case) -> Option<String> {
    let correction = latest_attempt(case)?.correction.trim();
    (!correction.is_empty()).then(|| {
        format!(
            "Last time they corrected you: {}. Say it again their way.",
            said(correction)
        )
    })
}

/// Words to say, in quotes.
fn said(t: &str) -> String {
    format!("“{t}”")
}

/// The call script for this case, in the articles' order: calm them, hear them, say it back;
/// then the answer the reading calls for; then check it meets their needs and close.
/// // G8–G13, G22, G24–G32, G34, G42, G43
pub fn call_script(case: &Case, reading: &Reading, today: Date) -> Vec<Step> {
    let name = or_gap(&case.client.name, "their name");
    let mood = case.listen.mood;
    let heard_how = match mood {
        Some(Mood::Upset) => "how upsetting this has been",
        Some(Mood::Angry | Mood::Threatening) => "how angry this has made you",
        _ => "this has been frustrating",
    };
    // With an angry client, the way to end a heated call comes first, not last. // G8
    let mut steps: Vec<Step> = match mood {
        Some(Mood::Angry | Mood::Threatening) => {
            vec![step("Have this ready", vec![HEATED.into()])]
        }
        _ => Vec::new(),
    };
    let mut calm = vec![said(&format!(
        "Thank you for taking the time, {name}. I can hear {heard_how}, and I am glad you told me."
    ))];
    if mood == Some(Mood::Threatening) {
        calm.push("If they mention a lawyer, a chargeback or a review, do not argue it or threaten back: “I understand. I would still like us to settle this between us.” Then go on.".into());
    }
    steps.extend([
        step("Calm, and acknowledge", calm),
        step("Their story", their_story(case)),
        step(
            "Say it back",
            vec![
                said(&format!(
                    "So if I have it right: {} Is that it?",
                    sentence(&or_gap(
                        restatement(case).unwrap_or(""),
                        "what you understood, in your words"
                    ))
                )),
                "If they correct you, say it again their way, until they agree.".into(),
            ]
            .into_iter()
            .chain(corrected_last_time(case))
            .collect(),
        ),
    ]);
    steps.extend(answer(case, reading));
    steps.extend(close(case, reading, today));
    steps
}

/// The steps that answer the concern, as the reading calls for.
fn answer(case: &Case, reading: &Reading) -> Vec<Step> {
    let sorry = || {
        step(
            "Sorry for the misunderstanding",
            vec![said("I am sorry there has been a misunderstanding.")],
        )
    };
    let bring = || step("What you can bring", vec![fact_they_may_not_know(case)]);
    // When they were right, in whole or part, the way out starts from that, never from a
    // misunderstanding. // G24, G25
    let opening = || {
        if they_are_right(case) {
            vec![step(
                "Say they are right",
                vec![said(
                    "You are right about this, and I am sorry. I want to settle it fairly.",
                )],
            )]
        } else {
            vec![sorry(), bring()]
        }
    };
    // Someone taking advantage is not invited to name a price. // G22
    let ask = || (!firm_with(case)).then(|| make_right(case));
    match reading.call {
        Call::HearFirst => vec![
            step("Then answer, on what you heard", hear_first_branches(case)),
            make_right(case),
            step("The options", options_in_words(case)),
            step("A peace offering, if you disagree", vec![peace_in_words(case, reading)]),
        ],
        Call::FixIt => {
            let mut steps = vec![
                step("Say they are right", vec![said("You are right, and I am sorry. I want to put it right.")]),
                make_right(case),
                step("How you will put it right", options_in_words(case)),
            ];
            if matches!(reading.gesture, Gesture::Fix { thank_you: true, .. }) {
                steps.push(step(
                    "A thank-you",
                    vec![said("And as a thank-you for your patience, I would like to add [a small extra or gift].")],
                ));
            }
            steps
        }
        Call::FixFairPart => {
            let mut steps = vec![
                step(
                    "Own the fair part",
                    vec![said(&format!(
                        "You are right about part of this: {} I will put that part right.",
                        sentence(&or_gap(&case.diagnose.fault_extent, "the part that fell short"))
                    ))],
                ),
                step("On the rest", vec![format!("“On the rest, here is something you may not know.” {}", fact_they_may_not_know(case))]),
            ];
            steps.extend(ask());
            steps.push(step("The options", options_in_words(case)));
            if matches!(reading.gesture, Gesture::FairPart { pro_rated: true }) {
                steps.push(fair_payment());
            }
            steps
        }
        Call::ExplainAndOffer => vec![
            sorry(),
            bring(),
            make_right(case),
            step("The options", options_in_words(case)),
            step("A peace offering", vec![peace_in_words(case, reading)]),
        ],
        Call::SettleQuickly => vec![
            sorry(),
            step(
                "Settle it",
                vec![said(&format!(
                    "I would rather put this behind us quickly than take more of your time over it: I will take {} off the invoice.",
                    case.amount.map_or("[the amount]".into(), |a| format_money(a, &case.currency))
                ))],
            ),
        ],
        Call::StandFirm => vec![
            step(
                "The facts, once",
                vec![said(&format!(
                    "I have looked into this carefully. Here is what happened: {}",
                    sentence(&or_gap(&case.diagnose.our_side, "the facts, from your records"))
                ))],
            ),
            step("Hold, politely", vec![said("I understand you see it differently, but the invoice stands as it is.")]),
            step(
                "If they push",
                vec!["Stay courteous, repeat the facts once, and offer nothing extra. If it gets heated, end the call kindly and follow up in writing.".into()],
            ),
        ],
        Call::RefundAndRefer => {
            let mut steps = opening();
            steps.push(step(
                "A clean end",
                vec![said(&format!(
                    "I do not think I am the best fit for what you need. I will refund {}, and {} may suit you better.",
                    case.amount.map_or("[the amount]".into(), |a| format_money(a, &case.currency)),
                    or_gap(&case.decide.refer_to, "someone who may suit them better")
                ))],
            ));
            steps
        }
        Call::AgreePayment => {
            let mut steps = opening();
            steps.push(fair_payment());
            if case.clause.is_some() {
                steps.push(step(
                    "If you still cannot agree",
                    vec!["Your agreement's clause names the next step: mediation, within its deadlines.".into()],
                ));
            }
            steps
        }
        Call::ConsiderEnding => vec![
            step(
                "Decide it on a calm day",
                vec!["Only once you have decided. Say it plainly and politely, and do not argue the case again.".into()],
            ),
            step(
                "Say it plainly",
                vec![said("I have thought about this carefully, and I am not the right person to keep working with you.")],
            ),
            step("Settle fairly", vec![said(&exit_words(case, reading))]),
        ],
    }
}

/// Before the verdict: the three ways to answer, once they have been heard. // G22, G24–G26
fn hear_first_branches(case: &Case) -> Vec<String> {
    vec![
        "If they are right: “You are right, and I am sorry. I want to put it right.” Then ask what would make it right.".into(),
        format!(
            "If you disagree: “I am sorry there has been a misunderstanding.” Then one fact they may not know: {}",
            first_filled(&[&case.diagnose.our_side, &case.diagnose.actual_evidence])
                .map_or_else(|| "[a record, a reason, another way to see it]".to_string(), sentence)
        ),
        "If the evidence shows they are trying to take advantage: stay courteous, state the facts once, and offer nothing extra.".into(),
    ]
}

/// Ask what would make it right, and the counter-offer if theirs is out of reach. // G28
fn make_right(case: &Case) -> Step {
    step(
        "What would make it right?",
        vec![
            said("What would feel like a fair way to settle this for you?"),
            match case.resolve.their_suggestion.trim() {
                "" => "Let them answer first; it is often reasonable.".into(),
                s => format!("They said before: {s}"),
            },
            match case.resolve.counter_offer.trim() {
                "" => {
                    "If it is more than you can do, say what you cannot do, and offer what you can."
                        .into()
                }
                c => format!(
                    "If it is more than you can do: “That is more than I can do; what I can offer is this: {c}”"
                ),
            },
        ],
    )
}

/// A pro-rated or agreed payment for the work delivered. // G5
fn fair_payment() -> Step {
    step(
        "A fair payment",
        vec![said(
            "For the work that was delivered, could we agree a payment of [a share] of the invoice?",
        )],
    )
}

/// The new information to bring: your side, or your evidence. // G21, G26
fn fact_they_may_not_know(case: &Case) -> String {
    first_filled(&[&case.diagnose.our_side, &case.diagnose.actual_evidence]).map_or_else(
        || "[one fact they may not know: a record, a reason, another way to see it]".into(),
        str::to_string,
    )
}

/// The words of a respectful exit. // G5, G43
fn exit_words(case: &Case, reading: &Reading) -> String {
    let agreed = case.resolve.agreed.trim();
    let settle = if agreed.is_empty() {
        "I will settle what our agreement says.".to_string()
    } else {
        format!(
            "I will settle what our agreement says, and what we agreed: {}",
            sentence(agreed)
        )
    };
    match reading.gesture {
        Gesture::Exit(ExitTerms::Owed) => settle,
        Gesture::Exit(ExitTerms::Refund) => format!(
            "{settle} I will refund the job, and {} may suit you better.",
            or_gap(&case.decide.refer_to, "someone who may suit them better")
        ),
        _ => format!(
            "{settle} For the work done, I propose [a fair payment for the part delivered]."
        ),
    }
}

/// Check it meets their needs (not when holding firm or ending), and close. // G31, G34
fn close(case: &Case, reading: &Reading, today: Date) -> Vec<Step> {
    let mut steps = Vec::new();
    if !matches!(reading.call, Call::StandFirm | Call::ConsiderEnding) {
        steps.push(step(
            "Does this meet your needs?",
            vec![said("Would that work for you?")],
        ));
    }
    let closing = match reading.call {
        Call::ConsiderEnding => {
            "Thank you for hearing me out. I will put this in writing today.".to_string()
        }
        _ => format!(
            "Thank you. I will send you a short summary today, and you will hear from me by {}.",
            next_update(case, today)
        ),
    };
    steps.push(step("Close", vec![said(&closing)]));
    steps
}

fn first_filled<'a>(texts: &[&'a String]) -> Option<&'a str> {
    texts.iter().map(|t| t.trim()).find(|t| !t.is_empty())
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

/// The peace offering as it would be said: the one you set on Resolve, else the reading's
/// suggestion, marked as one. // G30
pub fn peace_in_words(case: &Case, reading: &Reading) -> String {
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
        _ if matches!(reading.gesture, Gesture::Peace { .. }) => format!(
            "[set it on Resolve] Suggested: {}",
            reading.gesture_text(case)
        ),
        _ => "[a gesture of goodwill, even if you are right: a share off this invoice or the next]"
            .into(),
    }
}

/// How to end a call that gets heated. // G8
const HEATED: &str = "If it gets heated: “I want to get this right, and I think we both need a pause. Can I call you back tomorrow?” Then end the call kindly, and follow up in writing.";

/// The rules to keep beside the script. // G8, G9, G10
pub fn beside_the_script() -> (&'static [&'static str], &'static str) {
    (GROUND_RULES, HEATED)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_as_text_numbers_its_steps_and_keeps_every_line() {
        let steps = vec![
            step(
                "Calm, and acknowledge",
                vec!["Thank you.".into(), "I hear you.".into()],
            ),
            step("Listen", vec!["What happened?".into()]),
        ];
        assert_eq!(
            super::script_text(&steps),
            "1. Calm, and acknowledge\nThank you.\nI hear you.\n\n2. Listen\nWhat happened?"
        );
    }

    use super::*;
    use crate::model::case::{
        Attempt, CheckIn, GoodFaith, Outcome, Question, RemedyKind, RemedyOption, Validity,
    };
    use crate::model::counsel::{Past, reading};

    fn today() -> Date {
        Date::from_ymd(2026, 12, 1).unwrap()
    }

    /// A complete case, heard and judged partly valid: every fact the drafts use.
    fn complete() -> Case {
        let mut c = Case::new("EUR");
        c.client.name = "Marisol Vega".into();
        c.channel = Some(Channel::Email);
        c.reach.when = Some(today().add_days(1));
        c.reach.time = "at 10 in the morning".into();
        c.restate.attempts = vec![Attempt {
            mine: "The checkout bug cost you orders in your busiest week.".into(),
            ..Attempt::default()
        }];
        c.restate.confirmed_at = Some(1_000);
        c.resolve.valid = Some(Validity::Partly);
        c.diagnose.fault_extent = "the checkout bug was mine".into();
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

    fn read(c: &Case) -> Reading {
        reading(c, Past::default())
    }

    fn body(kind: DraftKind, c: &Case) -> String {
        draft(kind, c, "Alex", today()).body
    }

    fn script_text(c: &Case) -> String {
        call_script(c, &read(c), today())
            .iter()
            .flat_map(|s| std::iter::once(s.heading.to_string()).chain(s.lines.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn drafts_of_a_complete_case_have_no_gaps_and_use_its_facts() {
        let c = complete();
        for kind in DraftKind::ALL {
            let d = draft(kind, &c, "Alex Moreno", today());
            let text = format!("{}\n{}", d.subject, d.body);
            assert!(!text.contains('['), "{kind:?} has a gap:\n{text}");
            assert!(d.body.starts_with("Hello Marisol Vega,"), "{kind:?}");
            assert!(d.body.ends_with("Alex Moreno"), "{kind:?}");
        }
        let first = body(DraftKind::FirstReply, &c);
        assert!(
            first.contains("on 2 Dec 2026, at 10 in the morning"),
            "{first}"
        );
        assert!(first.contains("Thank you for writing"), "{first}");
        assert!(first.contains("sorry") && first.contains("talk"));
        // It defends nothing: no invoice, no hours, no "but".
        for word in ["invoice", "hours", " but ", "however"] {
            assert!(
                !first.to_lowercase().contains(word),
                "defends with {word:?}: {first}"
            );
        }
        let failed = body(DraftKind::CallFailed, &c);
        assert!(failed.contains("fair"), "{failed}");
        let after = body(DraftKind::AfterCall, &c);
        assert!(
            after.contains("busiest week")
                && after.contains("four bug-fix hours")
                && after.contains("8 Dec 2026")
        );
        let check = body(DraftKind::CheckIn, &c);
        assert!(check.contains("still working") && check.contains("8 Dec 2026"));
        let end = body(DraftKind::Ending, &c);
        assert!(
            end.contains("as we agreed: I take the four bug-fix hours off the invoice."),
            "{end}"
        );
    }

    #[test]
    fn the_first_reply_thanks_them_for_the_way_it_came_in() {
        let table = [
            (Some(Channel::Email), "Thank you for writing"),
            (Some(Channel::Letter), "Thank you for writing"),
            (Some(Channel::Phone), "when we spoke"),
            (Some(Channel::InPerson), "when we spoke"),
            (Some(Channel::Review), "taking the time to tell me"),
            (None, "Thank you for letting me know"),
        ];
        for (channel, opening) in table {
            let mut c = complete();
            c.channel = channel;
            let text = body(DraftKind::FirstReply, &c);
            assert!(text.contains(opening), "{channel:?}: {text}");
            if !matches!(channel, Some(Channel::Email | Channel::Letter)) {
                assert!(!text.contains("writing to me"), "{channel:?}: {text}");
            }
        }
    }

    #[test]
    fn answering_in_writing_the_first_reply_asks_for_their_account_not_a_call() {
        let mut c = complete();
        c.reach.channel = Some(Channel::Phone);
        assert!(body(DraftKind::FirstReply, &c).contains("Could we talk"));
        for written in [Channel::Email, Channel::Letter] {
            c.reach.channel = Some(written);
            let text = body(DraftKind::FirstReply, &c);
            assert!(!text.contains("talk") && !text.contains("call"), "{text}");
            assert!(
                text.contains("Could you tell me what happened as you see it"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_public_reply_takes_it_private_and_says_nothing_of_the_case() {
        let mut c = complete();
        c.channel = Some(Channel::Review);
        c.disputed = "Six hours she says should not be charged".into();
        let public = body(DraftKind::PublicReply, &c);
        assert!(public.contains("contacting you directly"), "{public}");
        for private in [
            "Six hours",
            "$",
            "invoice",
            "refund",
            "misunderstanding",
            "but",
        ] {
            assert!(!public.contains(private), "{private:?} in {public}");
        }
    }

    #[test]
    fn the_ending_letter_states_only_what_was_agreed() {
        // A concession recorded for trends is not a refund anyone agreed to.
        let mut c = complete();
        c.resolve.agreed.clear();
        let end = body(DraftKind::Ending, &c);
        assert!(
            !end.contains("€340.00") && !end.contains("refund €"),
            "{end}"
        );
        assert!(
            end.contains("[a refund, or a payment for the part delivered]"),
            "{end}"
        );
    }

    #[test]
    fn after_a_failed_call_bad_faith_gets_the_facts_not_an_invitation() {
        let mut c = complete();
        c.resolve.valid = Some(Validity::No);
        c.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
        let text = body(DraftKind::CallFailed, &c);
        assert!(
            text.contains("agenda was sent") && text.contains("stands"),
            "{text}"
        );
        assert!(
            !text.contains("what would you feel is a fair way"),
            "{text}"
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
            let text = draft(kind, &c, "  ", today()).body;
            for gap in gaps {
                assert!(text.contains(gap), "{kind:?} lacks {gap}:\n{text}");
            }
        }
        // A day without a time keeps the day and marks the time.
        let mut day = c.clone();
        day.reach.when = Some(today());
        assert!(body(DraftKind::FirstReply, &day).contains("on 1 Dec 2026 [at a time]"));
        // A day already past is not proposed again.
        day.reach.when = Some(today().add_days(-3));
        assert!(
            body(DraftKind::FirstReply, &day).contains("[on a day and at a time that suits you]")
        );
        // A restatement the client has not confirmed is not what "they agreed".
        let mut unconfirmed = complete();
        unconfirmed.restate.confirmed_at = None;
        assert!(
            body(DraftKind::AfterCall, &unconfirmed)
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

    /// G13: say it back until they agree you have it. A restatement they corrected is never
    /// said again as it was; their correction is where the next one starts.
    #[test]
    fn the_script_says_back_only_a_restatement_they_did_not_correct() {
        let attempt = |mine: &str, correction: &str| Attempt {
            mine: mine.into(),
            correction: correction.into(),
            ..Attempt::default()
        };
        // (attempts, confirmed, says back, their correction shown)
        type Row<'a> = (Vec<Attempt>, bool, Option<&'a str>, Option<&'a str>);
        let rows: Vec<Row> = vec![
            (vec![], false, None, None),
            (
                vec![attempt("my rate felt too high", "")],
                false,
                Some("my rate felt too high"),
                None,
            ),
            (
                vec![attempt(
                    "my rate felt too high",
                    "No: you missed the deadline",
                )],
                false,
                None,
                Some("No: you missed the deadline"),
            ),
            (
                vec![
                    attempt("my rate felt too high", "No: you missed the deadline"),
                    attempt("the late delivery cost you a client", ""),
                ],
                true,
                Some("the late delivery cost you a client"),
                None,
            ),
            (
                vec![
                    attempt("the delay", ""),
                    attempt(
                        "the delay cost you a launch",
                        "It was the silence, not the delay",
                    ),
                ],
                false,
                None,
                Some("It was the silence, not the delay"),
            ),
        ];
        for (attempts, confirmed, says, correction) in rows {
            let mut c = Case::new("USD");
            c.restate.attempts = attempts.clone();
            c.restate.confirmed_at = confirmed.then_some(1);
            assert_eq!(restatement(&c), says, "{attempts:?}");
            let text = script_text(&c);
            match says {
                Some(s) => assert!(
                    text.contains(&format!("So if I have it right: {s}. Is that it?")),
                    "{text}"
                ),
                None => assert!(
                    text.contains("[what you understood, in your words]"),
                    "{text}"
                ),
            }
            for a in attempts.iter().filter(|a| !a.correction.is_empty()) {
                assert!(
                    !text.contains(&format!("right: {}", a.mine)),
                    "said back a corrected one: {text}"
                );
            }
            match correction {
                Some(w) => assert!(
                    text.contains(&format!("Last time they corrected you: “{w}”")),
                    "{text}"
                ),
                None => assert!(!text.contains("Last time they corrected you"), "{text}"),
            }
            assert_eq!(confirmed_restatement(&c), says.filter(|_| confirmed));
        }
    }

    #[test]
    fn the_call_script_follows_the_articles_order_with_this_cases_words() {
        let c = complete();
        let script = call_script(&c, &read(&c), today());
        let headings: Vec<&str> = script.iter().map(|s| s.heading).collect();
        assert_eq!(
            headings,
            [
                "Calm, and acknowledge",
                "Their story",
                "Say it back",
                "Own the fair part",
                "On the rest",
                "What would make it right?",
                "The options",
                "Does this meet your needs?",
                "Close",
            ]
        );
        let all = script_text(&c);
        for fact in [
            "Marisol Vega",
            "Was anything promised that you did not get?",
            "busiest week. Is that it?",
            "the checkout bug was mine.",
            "agenda was sent",
            "what I can offer is this: two hours of fixes next week, free",
            "€340.00 off the invoice",
            "8 Dec 2026",
        ] {
            assert!(all.contains(fact), "script lacks {fact}:\n{all}");
        }
        assert!(!all.contains('['), "{all}");
    }

    #[test]
    fn before_they_are_heard_the_script_holds_every_answer_and_the_gaps() {
        let empty = Case::new("USD");
        let text = script_text(&empty);
        assert!(text.contains(CLARIFYING_QUESTIONS[0]));
        for branch in [
            "If they are right",
            "If you disagree",
            "If the evidence shows they are trying to take advantage",
        ] {
            assert!(text.contains(branch), "{branch}:\n{text}");
        }
        assert!(text.contains("[two or three options to offer, from Resolve]"));
        assert!(text.contains("[a gesture of goodwill"));
        // A restatement without a full stop still reads as two sentences.
        let mut typed = empty.clone();
        typed.restate.attempts = vec![Attempt {
            mine: "you feel my rate is too high".into(),
            ..Attempt::default()
        }];
        assert!(script_text(&typed).contains("you feel my rate is too high. Is that it?"));
    }

    #[test]
    fn a_suggested_peace_offering_is_marked_as_a_suggestion_in_the_script() {
        let mut c = complete();
        c.resolve.valid = Some(Validity::No);
        c.resolve.peace = Default::default();
        c.numbers.minutes_spent = Some(15 * 60);
        c.numbers.hourly_worth = Some(10_000);
        let text = script_text(&c);
        assert!(
            text.contains(
                "[set it on Resolve] Suggested: A peace offering: 10% off this invoice (€272.00)"
            ),
            "{text}"
        );
    }
}
