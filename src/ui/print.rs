//! Paper for the meeting: a blank worksheet, a filled case, the "choose your remedy" sheet
//! for the client, and the conversation crib sheet. Each is an ordinary screen with a Print
//! button; the print stylesheet removes everything else and repeats a running head.

use leptos::prelude::*;

use super::kit::{button, el, heading, link, para, text_list};
use super::state::use_app;
use super::today;
use super::widgets::crib_sheet;
use crate::model::Case;
use crate::model::case::RemedyKind;
use crate::model::counsel::Call;
use crate::model::drafts::{self, DraftKind, beside_the_script, call_script};
use crate::model::guidance::{CLARIFYING_QUESTIONS, EXIT_CHECKLIST, GROUND_RULES, NOT_PERSONAL};
use crate::model::numbers::offer_text;
use crate::model::worksheet::{Block, Field, Widget, blocks, stage_hint, widget_answer};
use crate::model::{Stage, case::Validity};
use crate::route::{PrintView, Route};

/// The bar above a sheet on screen: how to print it, and the way back.
fn toolbar(back: Route, back_text: &'static str) -> AnyView {
    el("div")
        .class("print-bar no-print")
        .child(button("Print", "primary", None, |_| {
            super::kit::print_page()
        }))
        .child(link(back.to_fragment(), back_text, "button"))
        .child(para(
            "muted",
            "Printing from your browser can also save a PDF.",
        ))
        .into_any()
}

/// The sheet's content under a running head that the browser repeats at the top of every
/// printed page (a table header does that in every engine; a fixed element does not).
fn printed(head: String, content: Vec<AnyView>) -> AnyView {
    el("table")
        .class("print-frame")
        .attr("role", "presentation")
        .child(
            el("thead")
                .child(
                    el("tr")
                        .child(
                            el("td")
                                .child(el("div").class("running-head").child(head).into_any())
                                .into_any(),
                        )
                        .into_any(),
                )
                .into_any(),
        )
        .child(
            el("tbody")
                .child(
                    el("tr")
                        .child(el("td").children(content).into_any())
                        .into_any(),
                )
                .into_any(),
        )
        .into_any()
}

fn lines(n: usize) -> AnyView {
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
        Widget::Attempts => el("div")
            .children(
                (1..=3)
                    .map(|n| {
                        el("div")
                            .class("q")
                            .child(el("p").class("q-label").child(format!("Attempt {n}: in your own words")).into_any())
                            .child(lines(2))
                            .child(el("p").class("q-label").child("The client's correction").into_any())
                            .child(lines(2))
                            .into_any()
                    })
                    .collect(),
            )
            .child(boxes(&["The client confirmed: that's right. Time: ________"]))
            .into_any(),
        Widget::ValidityAdvice => el("ul")
            .class("plain")
            .children(
                Validity::ALL
                    .iter()
                    .map(|v| el("li").child(el("strong").child(format!("{}: ", v.label())).into_any()).child(v.advice()).into_any())
                    .collect(),
            )
            .into_any(),
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
        Widget::Limits => para("", "The most you will concede ____________   The most time you will spend ________ hours"),
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
            el("section")
                .class("sheet-stage")
                .child(
                    el("h2")
                        .child(format!("{}. {}", s.index() + 1, s.title()))
                        .into_any(),
                )
                .child(para("lede", stage_hint(*s)))
                .children(items)
                .into_any()
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
        .child(super::share::blank_share())
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

/// Every answer of a case, stage by stage, read-only.
pub fn case_sheet(case: &Case) -> AnyView {
    let stages: Vec<AnyView> = Stage::questions()
        .iter()
        .map(|s| {
            let rows: Vec<AnyView> = blocks(*s)
                .iter()
                .filter_map(|b| {
                    let (label, answer) = match b {
                        Block::Q(q) => (q.label, q.field.answer(case)),
                        Block::W(w) => (w.title(), Some(widget_answer(*w, case)?)),
                    };
                    let answer = match answer {
                        Some(a) => el("dd").child(a).into_any(),
                        None => el("dd").class("muted").child("—").into_any(),
                    };
                    Some(
                        el("div")
                            .child(el("dt").child(label).into_any())
                            .child(answer)
                            .into_any(),
                    )
                })
                .collect();
            el("section")
                .class("sheet-stage")
                .child(
                    el("h2")
                        .child(format!("{}. {}", s.index() + 1, s.title()))
                        .into_any(),
                )
                .child(el("dl").class("answers").children(rows).into_any())
                .into_any()
        })
        .collect();
    el("div").class("case-sheet").children(stages).into_any()
}

/// A filled case, for the file or for an advisor.
pub fn case_page(id: String) -> AnyView {
    let app = use_app();
    let Some(case) = app.find::<Case>(&id).map(|r| r.data) else {
        return super::worksheet::case_not_found();
    };
    let back = Route::Case {
        id,
        stage: Stage::Summary,
    };
    let head = format!(
        "Mend · case: {} · printed {}",
        case.title(),
        today().human()
    );
    let content = vec![
        heading(format!("Case: {}", case.title())),
        case_sheet(&case),
    ];
    el("div")
        .class("sheet")
        .child(toolbar(back, "Back to the case"))
        .child(printed(head, content))
        .into_any()
}

/// The sheet to hand the client: the options chosen to offer, and a line to sign.
pub fn remedy_page(id: String) -> AnyView {
    let app = use_app();
    let Some(case) = app.find::<Case>(&id).map(|r| r.data) else {
        return super::worksheet::case_not_found();
    };
    let who = case.client.display();
    let offers: Vec<AnyView> = case
        .resolve
        .options
        .iter()
        .filter(|o| o.offered)
        .map(|o| {
            el("li")
                .child(format!("☐ {}", offer_text(o, &case)))
                .into_any()
        })
        .collect();
    let offered = if offers.is_empty() {
        para(
            "banner warn",
            "No options are chosen to offer yet. On the Resolve stage, tick \"Offer this to the client\" beside the two or three you want to put forward.",
        )
    } else {
        el("ul").class("offers ticks").children(offers).into_any()
    };
    let agreed = if case.resolve.agreed.trim().is_empty() {
        lines(3)
    } else {
        para("", case.resolve.agreed.trim().to_string())
    };
    let back = Route::Case {
        id,
        stage: Stage::Resolve,
    };
    let signature = |party: String| {
        el("div")
            .class("signature")
            .child(el("p").child(party).into_any())
            .child(lines(1))
            .child(para("hint", "Signature and date"))
            .into_any()
    };
    let head = format!(
        "Putting it right · {} · {}",
        if who.is_empty() { "client" } else { &who },
        today().human()
    );
    let content = vec![
        heading("Choose your remedy"),
        para(
            "",
            format!(
                "For: {}",
                if who.is_empty() {
                    "______________________".to_string()
                } else {
                    who.clone()
                }
            ),
        ),
        para("", format!("About: {}", case.disputed.trim())),
        para(
            "lede",
            "Thank you for telling us what went wrong. Here are the ways we can put it right. Please choose the one that suits you best, or tell us if something else would.",
        ),
        offered,
        el("h2").child("What we agreed").into_any(),
        agreed,
        el("div")
            .class("signatures")
            .child(signature("For us".into()))
            .child(signature(if who.is_empty() {
                "Client".into()
            } else {
                who.clone()
            }))
            .into_any(),
    ];
    el("div")
        .class("sheet remedy-page")
        .child(toolbar(back, "Back to the case"))
        .child(printed(head, content))
        .into_any()
}

/// The call script for a case, on one page: the steps in order, the rules beside them.
/// // G8–G13, G24–G31, G34
pub fn script_page(id: String) -> AnyView {
    let app = use_app();
    let Some(case) = app.find::<Case>(&id).map(|r| r.data) else {
        return super::worksheet::case_not_found();
    };
    let reading = untrack(|| super::counsel::case_reading(&id, &case));
    let steps: Vec<AnyView> = call_script(&case, &reading, today())
        .into_iter()
        .enumerate()
        .map(|(n, step)| {
            el("li")
                .child(
                    el("h2")
                        .child(format!("{}. {}", n + 1, step.heading))
                        .into_any(),
                )
                .children(step.lines.into_iter().map(|l| para("", l)).collect())
                .into_any()
        })
        .collect();
    let (rules, heated) = beside_the_script();
    let aside = el("aside")
        .class("script-aside")
        .attr("aria-labelledby", "script-rules")
        .child(
            el("h2")
                .attr("id", "script-rules")
                .child("Ground rules")
                .into_any(),
        )
        .child(text_list(
            "rules",
            rules.iter().map(|r| r.to_string()).collect(),
        ))
        .child(el("h2").child("If it gets heated").into_any())
        .child(para("", heated))
        .into_any();
    let head = format!("Call script · {} · {}", case.title(), today().human());
    let content = vec![
        heading(format!("Call script: {}", case.title())),
        el("div")
            .class("script")
            .child(el("ol").class("script-steps").children(steps).into_any())
            .child(aside)
            .into_any(),
    ];
    let back = Route::Start(id);
    el("div")
        .class("sheet script-page")
        .child(toolbar(back, "Back to Before you call"))
        .child(printed(head, content))
        .into_any()
}

/// One drafted message of a case, as the user left it, on paper.
pub fn draft_page(id: String, kind: DraftKind) -> AnyView {
    let app = use_app();
    let Some(case) = app.find::<Case>(&id).map(|r| r.data) else {
        return super::worksheet::case_not_found();
    };
    let name = untrack(|| app.settings()).name;
    let d = drafts::current(kind, &case, &name, today());
    let head = format!("{} · {}", kind.title(), case.title());
    let content = vec![
        heading(kind.title()),
        para("", format!("Subject: {}", d.subject)),
        el("div")
            .class("letter")
            .children(
                d.body
                    .split("\n\n")
                    .map(|p| para("", p.to_string()))
                    .collect(),
            )
            .into_any(),
    ];
    let stage = match kind {
        DraftKind::FirstReply | DraftKind::CallFailed => Stage::ReachOut,
        DraftKind::AfterCall => Stage::Resolve,
        DraftKind::CheckIn => Stage::FollowUp,
        DraftKind::Ending => Stage::Decide,
    };
    el("div")
        .class("sheet")
        .child(toolbar(Route::Case { id, stage }, "Back to the case"))
        .child(printed(head, content))
        .into_any()
}

/// The print screen for a route.
pub fn print_screen(view: PrintView) -> AnyView {
    match view {
        PrintView::Blank => blank_sheet(),
        PrintView::Crib => crib_page(),
        PrintView::Case(id) => case_page(id),
        PrintView::Remedy(id) => remedy_page(id),
        PrintView::Script(id) => script_page(id),
        PrintView::Draft(id, kind) => draft_page(id, kind),
    }
}
