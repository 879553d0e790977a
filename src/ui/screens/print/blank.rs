//! The blank worksheet and the crib sheet on paper.

use crate::model::case::RemedyKind;
use crate::model::counsel::Call;
use crate::model::guidance::{CLARIFYING_QUESTIONS, EXIT_CHECKLIST, GROUND_RULES, NOT_PERSONAL};
use crate::model::worksheet::{Block, Field, Widget, blocks, stage_hint};
use crate::model::{Stage, case::Validity};
use crate::route::Route;
use crate::ui::browser::time::today;
use crate::ui::kit::crib::crib_sheet;
use crate::ui::kit::paper::stage_section;
use crate::ui::kit::{el, heading, para};
use crate::ui::screens::print::{printed, toolbar};
use leptos::prelude::*;

pub(super) fn lines(n: usize) -> AnyView {
    el("div")
        .class("lines")
        .children((0..n).map(|_| el("div").class("line").into_any()).collect())
        .into_any()
}

fn boxes(labels: &[&str]) -> AnyView {
    el("p")
        .class("boxes")
        .child(
            labels
                .iter()
                .map(|l| format!("☐ {l}"))
                .collect::<Vec<_>>()
                .join("   "),
        )
        .into_any()
}

/// One question on paper, to answer by hand.
fn blank_question(label: &'static str, hint: &'static str, field: Field) -> AnyView {
    let answer = match field {
        Field::Area(..) => lines(3),
        Field::Choice(labels, ..) => boxes(labels),
        Field::Currency => lines(1),
        _ => lines(1),
    };
    el("div")
        .class("q")
        .child(el("p").class("q-label").child(label).into_any())
        .child(para("hint", hint))
        .child(answer)
        .into_any()
}

fn blank_widget(w: Widget) -> AnyView {
    let body = match w {
        Widget::GroundRules => el("ul").children(GROUND_RULES.iter().map(|r| el("li").child(r).into_any()).collect()).into_any(),
        Widget::CribSheet => crib_sheet(false),
        Widget::ClarifyingQuestions => el("ul")
            .class("plain ticks")
            .children(CLARIFYING_QUESTIONS.iter().map(|q| el("li").child(format!("☐ {q}")).child(lines(1)).into_any()).collect())
            .into_any(),
        Widget::Attempts => blank_attempts(),
        Widget::ValidityAdvice => blank_validity(),
        Widget::Options => el("ul")
            .class("plain ticks")
            .children(RemedyKind::ALL.iter().map(|k| el("li").child(format!("☐ {}   cost to you: ____________", k.label())).into_any()).collect())
            .into_any(),
        Widget::Peace => para("", "____ % off this invoice, or ____ % off a next purchase of ____________"),
        Widget::Confirmation => boxes(&["The client confirmed it meets their needs. Date: ________"]),
        Widget::CheckIns | Widget::Actions => el("div")
            .children((0..3).map(|_| para("", "Date ________   Who ____________   What ______________________________")).collect())
            .into_any(),
        Widget::Reflect => para(
            "",
            "Afterwards: would you do exactly the same again? ☐ Yes ☐ Mostly ☐ No   What did you learn? ______________________________",
        ),
        Widget::Mediation => para(
            "",
            "Mediation clause in the agreement? ☐ Yes ☐ No   Dispute raised in writing on: ____________",
        ),
        Widget::Exit => el("ul").class("plain ticks").children(EXIT_CHECKLIST.iter().map(|i| el("li").child(format!("☐ {i}")).into_any()).collect()).into_any(),
        Widget::Figures => para(
            "",
            "True cost ________   Break-even ________   Margin ________   Cost of defending ________   Most you can concede ________   Value at risk ________",
        ),
        Widget::ReachAdvice => para("", "Days since the complaint arrived: ______"),
        Widget::ClientHistory | Widget::GoodFaithSignals => para("", "Earlier cases with this client, and what they were given: ____________"),
        Widget::Limits => para("", "The most you will concede ____________   already given ____________   The most time you will spend ________ hours   already spent ________ hours"),
        Widget::Reading => boxes(&Call::ALL[1..].iter().map(|c| c.headline()).collect::<Vec<_>>()),
        Widget::CounterCost => para("", "Within your limit?  ☐ Yes ☐ No     Above break-even?  ☐ Yes ☐ No"),
        Widget::Contacts => el("div")
            .children((0..3).map(|_| para("", "When ________   How ________   What was said ______________________   ☐ Got heated")).collect())
            .into_any(),
        // G47: words for the paper too.
        Widget::NotPersonal => para("", NOT_PERSONAL),
        // Drafts are written on screen, from the case.
        Widget::DraftFirstReply | Widget::DraftAfterCall | Widget::DraftCheckIn | Widget::DraftEnding => {
            return ().into_any();
        }
    };
    el("div")
        .class("q")
        .child(el("p").class("q-label").child(w.title()).into_any())
        .child(body)
        .into_any()
}

/// A blank worksheet: every stage's questions, with room to write.
pub fn blank_sheet() -> AnyView {
    let date = today().human();
    let stages: Vec<AnyView> = Stage::questions()
        .iter()
        .map(|s| {
            let items: Vec<AnyView> = blocks(*s)
                .iter()
                .map(|b| match b {
                    Block::Q(q) => blank_question(q.label, q.hint, q.field),
                    Block::W(w) => blank_widget(*w),
                })
                .collect();
            let mut body = vec![para("lede", stage_hint(*s))];
            body.extend(items);
            stage_section(*s, body)
        })
        .collect();
    let mut content = vec![
        heading("Blank worksheet"),
        para(
            "lede",
            "Take this to the meeting and write the answers in. Later, type them into Mend so your numbers are worked out for you.",
        ),
        para(
            "",
            "Client: ______________________   Date: ____________   Case: ______________________",
        ),
    ];
    content.extend(stages);
    el("div")
        .class("sheet")
        .child(toolbar(Route::Cases, "Back to cases"))
        .child(crate::ui::kit::share_link::blank_share())
        .child(printed(
            format!("Mend · complaint worksheet · client: ______________ · printed {date}"),
            content,
        ))
        .into_any()
}

/// The conversation crib sheet on one page.
pub fn crib_page() -> AnyView {
    let content = vec![
        heading("Conversation crib sheet"),
        el("h2").child("Ground rules").into_any(),
        el("ul")
            .children(
                GROUND_RULES
                    .iter()
                    .map(|r| el("li").child(r).into_any())
                    .collect(),
            )
            .into_any(),
        el("h2").child("The conversation").into_any(),
        crib_sheet(false),
        el("h2").child("Questions to ask").into_any(),
        el("ul")
            .children(
                CLARIFYING_QUESTIONS
                    .iter()
                    .map(|q| el("li").child(q).into_any())
                    .collect(),
            )
            .into_any(),
    ];
    el("div")
        .class("sheet crib-page")
        .child(toolbar(Route::Cases, "Back to cases"))
        .child(printed(
            format!(
                "Mend · conversation crib sheet · printed {}",
                today().human()
            ),
            content,
        ))
        .into_any()
}

/// Room for three restatements and the client's corrections, and the confirmation.
fn blank_attempts() -> AnyView {
    el("div")
        .children(
            (1..=3)
                .map(|n| {
                    el("div")
                        .class("q")
                        .child(
                            el("p")
                                .class("q-label")
                                .child(format!("Attempt {n}: in your own words"))
                                .into_any(),
                        )
                        .child(lines(2))
                        .child(
                            el("p")
                                .class("q-label")
                                .child("The client's correction")
                                .into_any(),
                        )
                        .child(lines(2))
                        .into_any()
                })
                .collect(),
        )
        .child(boxes(&[
            "The client confirmed: that's right. Time: ________",
        ]))
        .into_any()
}

/// What each answer to "is the concern valid?" means.
fn blank_validity() -> AnyView {
    el("ul")
        .class("plain")
        .children(
            Validity::ALL
                .iter()
                .map(|v| {
                    el("li")
                        .child(el("strong").child(format!("{}: ", v.label())).into_any())
                        .child(v.advice())
                        .into_any()
                })
                .collect(),
        )
        .into_any()
}
