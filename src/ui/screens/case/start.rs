//! Before you call: one screen, five minutes, then the script or the first reply.

use crate::model::case::Channel;
use crate::model::guidance::START_LEDE;
use crate::model::guidance::{CLARIFYING_QUESTIONS, GROUND_RULES};
use crate::model::worksheet::{progress, question};
use crate::model::{Case, Stage};
use crate::route::{PrintView, Route};
use crate::ui::kit::crib::crib_sheet;
use crate::ui::kit::fields::{bind_case, provide_editing, read_case, shape_of};
use crate::ui::kit::inputs::{check_input, question_view};
use crate::ui::kit::lazy::lazy_view;
use crate::ui::kit::{card, dyn_text, dyn_view, el, heading, link, para, text_list};
use crate::ui::screens::case::counsel::{limits_view, reading_view};
use crate::ui::screens::case::drafts::first_replies;
use crate::ui::screens::case::talks::not_personal;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One worksheet question, by its key (the same field as on its stage).
fn ask(key: &str) -> AnyView {
    question(key).map_or_else(|| ().into_any(), question_view)
}

/// The clarifying questions to ask on the call, ticked to plan them. // G11, G17, G18, G35
fn questions_to_ask() -> AnyView {
    let items: Vec<AnyView> = CLARIFYING_QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let b = bind_case(
                move |c: &Case| c.listen.questions.iter().any(|x| x.text == *q && x.planned),
                move |c, on| c.listen.question(q).planned = on,
            );
            el("li")
                .child(check_input(format!("plan-{i}"), q.to_string(), b))
                .into_any()
        })
        .collect();
    el("ul").class("checklist").children(items).into_any()
}

/// Before you call: one screen, five minutes, then the script or the first reply. // G6
pub fn start_screen(id: String) -> AnyView {
    let app = use_app();
    if !untrack(|| app.cases(|m| m.contains_key(&id))) {
        return crate::ui::kit::case::case_not_found();
    }
    provide_editing::<Case>(id.clone());
    // A memo: the section below must not be rebuilt (and lose its focus) on every keystroke.
    let written = shape_of(|c| u64::from(c.channel.is_some_and(Channel::is_written)));
    let missing = read_case(|c| Stage::questions().len() - progress(c));
    let script = Route::Print(PrintView::Script(id.clone())).to_fragment();
    let worksheet = Route::Case {
        id,
        stage: Stage::Case,
    }
    .to_fragment();
    vec![
        heading("Before you call"),
        para("lede", START_LEDE),
        not_personal(),
        section(
            "Who and what",
            "start-who",
            [
                "client-name",
                "channel",
                "disputed",
                "ask",
                "amount",
                "invoiced",
                "minutes-spent",
                "hourly-worth",
            ]
            .map(ask)
            .into(),
        ),
        section("Your limits", "start-limits", vec![limits_view()]),
        section("What to do, and why", "start-reading", vec![reading_view()]),
        on_the_call(script),
        written_reply(written),
        still_to_do(missing, worksheet),
        crib_link(),
    ]
    .into_any()
}

/// The crib sheet, folded away.
fn crib_link() -> AnyView {
    el("details")
        .child(
            el("summary")
                .child("The conversation crib sheet")
                .into_any(),
        )
        .child(crib_sheet(false))
        .into_any()
}

fn section(title: &'static str, hid: &'static str, body: Vec<AnyView>) -> AnyView {
    card("card", hid, title).children(body).into_any()
}

/// The ground rules, the questions to plan, your side, and the way to the script. // G8, G11
fn on_the_call(script: String) -> AnyView {
    section(
        "On the call",
        "start-call",
        vec![
            el("h3").child("Ground rules").into_any(),
            text_list(
                "rules",
                GROUND_RULES.iter().map(|r| r.to_string()).collect(),
            ),
            el("h3").child("Questions to ask").into_any(),
            questions_to_ask(),
            ask("our-side"),
            el("p")
                .child(link(script, "Open the call script", "button primary"))
                .into_any(),
        ],
    )
}

// The draft, its copy and share, and every draft's wording load when first shown: a new
// visitor's first screens never need them.
lazy_view!(Part later, first_reply_split, first_reply() => first_replies());

/// A written complaint: when to call, and the first reply asking for a call; or, when you
/// chose to answer in writing (a call failed, or they asked for it), the reply that asks for
/// their side. // G6, G7
fn written_reply(written: Memo<u64>) -> AnyView {
    let in_writing = shape_of(|c| u64::from(c.answers_in_writing()));
    dyn_view(move || {
        if written.get() == 0 {
            return ().into_any();
        }
        let title = match in_writing.get() {
            0 => "It came in writing: ask for a call, not a written debate",
            _ => "It came in writing: you answer in writing",
        };
        section(
            title,
            "start-reply",
            vec![ask("reach-when"), ask("reach-time"), first_reply()],
        )
    })
}

/// How much of the worksheet is left, and the way to it.
fn still_to_do(missing: impl Fn() -> usize + Send + Sync + 'static, worksheet: String) -> AnyView {
    el("p")
        .child(dyn_text(move || match missing() {
            0 => "Every stage of the worksheet is done.".into(),
            1 => {
                "One stage of the worksheet still needs answers; fill it in after the call.".into()
            }
            n => format!(
                "{n} stages of the worksheet still need answers; fill them in after the call."
            ),
        }))
        .child(" ")
        .child(link(worksheet, "Open the full worksheet", ""))
        .into_any()
}
