//! Paper for the meeting: a blank worksheet, a filled case, the "choose your remedy" sheet
//! for the client, and the conversation crib sheet. Each is an ordinary screen with a Print
//! button; the print stylesheet removes everything else and repeats a running head.

use leptos::prelude::*;

use super::kit::{button, click, el, link, para};
use super::state::use_app;
use super::today;
use super::widgets::crib_sheet;
use crate::model::Case;
use crate::model::case::RemedyKind;
use crate::model::guidance::{CLARIFYING_QUESTIONS, EXIT_CHECKLIST, GROUND_RULES, validity_advice};
use crate::model::numbers::offer_text;
use crate::model::worksheet::{Block, Field, Widget, blocks, stage_hint, widget_answer};
use crate::model::{Stage, case::Validity};
use crate::route::{PrintView, Route};

/// The bar above a sheet on screen: how to print it, and the way back.
fn toolbar(back: Route, back_text: &'static str) -> AnyView {
    el("div")
        .class("print-bar no-print")
        .kid(button(
            "Print",
            "primary",
            None,
            click(|_| {
                let _ = window().print();
            }),
        ))
        .kid(link(back.to_fragment(), back_text, "button"))
        .kid(para(
            "muted",
            "Printing from your browser can also save a PDF.",
        ))
        .v()
}

/// The sheet's content under a running head that the browser repeats at the top of every
/// printed page (a table header does that in every engine; a fixed element does not).
fn printed(head: String, content: Vec<AnyView>) -> AnyView {
    el("table")
        .class("print-frame")
        .a("role", "presentation")
        .kid(
            el("thead")
                .kid(
                    el("tr")
                        .kid(
                            el("td")
                                .kid(el("div").class("running-head").text(head).v())
                                .v(),
                        )
                        .v(),
                )
                .v(),
        )
        .kid(
            el("tbody")
                .kid(el("tr").kid(el("td").kids(content).v()).v())
                .v(),
        )
        .v()
}

fn lines(n: usize) -> AnyView {
    el("div")
        .class("lines")
        .kids((0..n).map(|_| el("div").class("line").v()).collect())
        .v()
}

fn boxes(labels: &[&str]) -> AnyView {
    el("p")
        .class("boxes")
        .text(
            labels
                .iter()
                .map(|l| format!("☐ {l}"))
                .collect::<Vec<_>>()
                .join("   "),
        )
        .v()
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
        .kid(el("p").class("q-label").st(label).v())
        .kid(para("hint", hint))
        .kid(answer)
        .v()
}

fn blank_widget(w: Widget) -> AnyView {
    let body = match w {
        Widget::GroundRules => el("ul").kids(GROUND_RULES.iter().map(|r| el("li").st(r).v()).collect()).v(),
        Widget::CribSheet => crib_sheet(false),
        Widget::ClarifyingQuestions => el("ul")
            .class("plain ticks")
            .kids(CLARIFYING_QUESTIONS.iter().map(|q| el("li").text(format!("☐ {q}")).kid(lines(1)).v()).collect())
            .v(),
        Widget::Attempts => el("div")
            .kids(
                (1..=3)
                    .map(|n| {
                        el("div")
                            .class("q")
                            .kid(el("p").class("q-label").text(format!("Attempt {n}: in your own words")).v())
                            .kid(lines(2))
                            .kid(el("p").class("q-label").st("The client's correction").v())
                            .kid(lines(2))
                            .v()
                    })
                    .collect(),
            )
            .kid(boxes(&["The client confirmed: that's right. Time: ________"]))
            .v(),
        Widget::ValidityAdvice => el("ul")
            .class("plain")
            .kids(
                Validity::ALL
                    .iter()
                    .map(|v| el("li").kid(el("strong").text(format!("{}: ", v.label())).v()).st(validity_advice(*v)).v())
                    .collect(),
            )
            .v(),
        Widget::Options => el("ul")
            .class("plain ticks")
            .kids(RemedyKind::ALL.iter().map(|k| el("li").text(format!("☐ {}   cost to you: ____________", k.label())).v()).collect())
            .v(),
        Widget::Peace => para("", "____ % off this invoice, or ____ % off a next purchase of ____________"),
        Widget::Confirmation => boxes(&["The client confirmed it meets their needs. Date: ________"]),
        Widget::CheckIns | Widget::Actions => el("div")
            .kids((0..3).map(|_| para("", "Date ________   Who ____________   What ______________________________")).collect())
            .v(),
        Widget::Reflect => para(
            "",
            "Afterwards: would you do exactly the same again? ☐ Yes ☐ Mostly ☐ No   What did you learn? ______________________________",
        ),
        Widget::Mediation => para(
            "",
            "Mediation clause in the agreement? ☐ Yes ☐ No   Dispute raised in writing on: ____________",
        ),
        Widget::Exit => el("ul").class("plain ticks").kids(EXIT_CHECKLIST.iter().map(|i| el("li").text(format!("☐ {i}")).v()).collect()).v(),
        Widget::Figures => para(
            "",
            "True cost ________   Break-even ________   Margin ________   Cost of defending ________   Most you can concede ________   Value at risk ________",
        ),
        Widget::ReachAdvice => para("", "Days since the complaint arrived: ______"),
        Widget::ClientHistory | Widget::GoodFaithSignals => para("", "Earlier cases with this client, and what they were given: ____________"),
    };
    el("div")
        .class("q")
        .kid(el("p").class("q-label").st(w.title()).v())
        .kid(body)
        .v()
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
                .kid(
                    el("h2")
                        .text(format!("{}. {}", s.index() + 1, s.title()))
                        .v(),
                )
                .kid(para("lede", stage_hint(*s)))
                .kids(items)
                .v()
        })
        .collect();
    let mut content = vec![
        el("h1").a("tabindex", "-1").st("Blank worksheet").v(),
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
        .kid(toolbar(Route::Cases, "Back to cases"))
        .kid(super::share::blank_share())
        .kid(printed(
            format!("Mend · complaint worksheet · client: ______________ · printed {date}"),
            content,
        ))
        .v()
}

/// The conversation crib sheet on one page.
pub fn crib_page() -> AnyView {
    let content = vec![
        el("h1")
            .a("tabindex", "-1")
            .st("Conversation crib sheet")
            .v(),
        el("h2").st("Ground rules").v(),
        el("ul")
            .kids(GROUND_RULES.iter().map(|r| el("li").st(r).v()).collect())
            .v(),
        el("h2").st("The conversation").v(),
        crib_sheet(false),
        el("h2").st("Questions to ask").v(),
        el("ul")
            .kids(
                CLARIFYING_QUESTIONS
                    .iter()
                    .map(|q| el("li").st(q).v())
                    .collect(),
            )
            .v(),
    ];
    el("div")
        .class("sheet crib-page")
        .kid(toolbar(Route::Cases, "Back to cases"))
        .kid(printed(
            format!(
                "Mend · conversation crib sheet · printed {}",
                today().human()
            ),
            content,
        ))
        .v()
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
                        Some(a) => el("dd").text(a).v(),
                        None => el("dd").class("muted").st("—").v(),
                    };
                    Some(el("div").kid(el("dt").st(label).v()).kid(answer).v())
                })
                .collect();
            el("section")
                .class("sheet-stage")
                .kid(
                    el("h2")
                        .text(format!("{}. {}", s.index() + 1, s.title()))
                        .v(),
                )
                .kid(el("dl").class("answers").kids(rows).v())
                .v()
        })
        .collect();
    el("div").class("case-sheet").kids(stages).v()
}

fn missing_case() -> AnyView {
    vec![
        el("h1").a("tabindex", "-1").st("Case not found").v(),
        para("", "This case is not here. If it was deleted, you can restore it from the trash on the Backup screen."),
    ]
    .into_any()
}

/// A filled case, for the file or for an advisor.
pub fn case_page(id: String) -> AnyView {
    let app = use_app();
    let Some(case) = app
        .cases
        .with_untracked(|m| m.get(&id).map(|r| r.data.clone()))
    else {
        return missing_case();
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
        el("h1")
            .a("tabindex", "-1")
            .text(format!("Case: {}", case.title()))
            .v(),
        case_sheet(&case),
    ];
    el("div")
        .class("sheet")
        .kid(toolbar(back, "Back to the case"))
        .kid(printed(head, content))
        .v()
}

/// The sheet to hand the client: the options chosen to offer, and a line to sign.
pub fn remedy_page(id: String) -> AnyView {
    let app = use_app();
    let Some(case) = app
        .cases
        .with_untracked(|m| m.get(&id).map(|r| r.data.clone()))
    else {
        return missing_case();
    };
    let who = case.client.display();
    let offers: Vec<AnyView> = case
        .resolve
        .options
        .iter()
        .filter(|o| o.offered)
        .map(|o| el("li").text(format!("☐ {}", offer_text(o, &case))).v())
        .collect();
    let offered = if offers.is_empty() {
        para(
            "banner warn",
            "No options are chosen to offer yet. On the Resolve stage, tick \"Offer this to the client\" beside the two or three you want to put forward.",
        )
    } else {
        el("ul").class("offers ticks").kids(offers).v()
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
            .kid(el("p").text(party).v())
            .kid(lines(1))
            .kid(para("hint", "Signature and date"))
            .v()
    };
    let head = format!(
        "Putting it right · {} · {}",
        if who.is_empty() { "client" } else { &who },
        today().human()
    );
    let content = vec![
        el("h1").a("tabindex", "-1").st("Choose your remedy").v(),
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
        el("h2").st("What we agreed").v(),
        agreed,
        el("div")
            .class("signatures")
            .kid(signature("For us".into()))
            .kid(signature(if who.is_empty() {
                "Client".into()
            } else {
                who.clone()
            }))
            .v(),
    ];
    el("div")
        .class("sheet remedy-page")
        .kid(toolbar(back, "Back to the case"))
        .kid(printed(head, content))
        .v()
}

/// The print screen for a route.
pub fn print_screen(view: PrintView) -> AnyView {
    match view {
        PrintView::Blank => blank_sheet(),
        PrintView::Crib => crib_page(),
        PrintView::Case(id) => case_page(id),
        PrintView::Remedy(id) => remedy_page(id),
    }
}
