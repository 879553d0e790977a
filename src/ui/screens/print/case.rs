//! A case on paper: the filled case, the remedy sheet, the call script, a draft.

use crate::model::Case;
use crate::model::Stage;
use crate::model::drafts::{self, DraftKind, beside_the_script, call_script};
use crate::model::numbers::offer_text;
use crate::route::Route;
use crate::ui::browser::time::today;
use crate::ui::kit::paper::case_sheet;
use crate::ui::kit::send::copy_and_share;
use crate::ui::kit::{el, heading, para, said_line, text_list};
use crate::ui::screens::print::blank::lines;
use crate::ui::screens::print::{printed, toolbar};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A filled case, for the file or for an advisor.
pub fn case_page(id: String) -> AnyView {
    let app = use_app();
    let Some(case) = app.find::<Case>(&id).map(|r| r.data) else {
        return crate::ui::kit::case::case_not_found();
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
        return crate::ui::kit::case::case_not_found();
    };
    let who = case.client.display();
    let offered = offered_remedies(&case);
    let agreed = if case.resolve.agreed.trim().is_empty() {
        lines(3)
    } else {
        para("", case.resolve.agreed.trim().to_string())
    };
    let back = Route::Case {
        id,
        stage: Stage::Resolve,
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
        return crate::ui::kit::case::case_not_found();
    };
    let reading = untrack(|| crate::ui::kit::case::case_reading(&id, &case));
    let script = call_script(&case, &reading, today());
    let as_text = StoredValue::new(drafts::script_text(&script));
    let title = StoredValue::new(format!("Call script: {}", case.title()));
    let said = RwSignal::new(String::new());
    let send = el("div")
        .class("no-print")
        .child(
            el("p")
                .class("actions")
                .children(copy_and_share("Copy the script", said, move || {
                    (title.get_value(), as_text.get_value())
                }))
                .into_any(),
        )
        .child(said_line("", said))
        .into_any();
    let steps: Vec<AnyView> = script
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
        .child(send)
        .child(printed(head, content))
        .into_any()
}

/// One drafted message of a case, as the user left it, on paper.
pub fn draft_page(id: String, kind: DraftKind) -> AnyView {
    let app = use_app();
    let Some(case) = app.find::<Case>(&id).map(|r| r.data) else {
        return crate::ui::kit::case::case_not_found();
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
        DraftKind::PublicReply | DraftKind::FirstReply | DraftKind::CallFailed => Stage::ReachOut,
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

/// The remedies chosen to offer, as tick boxes for the client, or what to do first.
fn offered_remedies(case: &Case) -> AnyView {
    let offers: Vec<AnyView> = case
        .resolve
        .options
        .iter()
        .filter(|o| o.offered)
        .map(|o| {
            el("li")
                .child(format!("☐ {}", offer_text(o, case)))
                .into_any()
        })
        .collect();
    if offers.is_empty() {
        return para(
            "banner warn",
            "No options are chosen to offer yet. On the Resolve stage, tick \"Offer this to the client\" beside the two or three you want to put forward.",
        );
    }
    el("ul").class("offers ticks").children(offers).into_any()
}

/// A line to sign on, for one party.
fn signature(party: String) -> AnyView {
    el("div")
        .class("signature")
        .child(el("p").child(party).into_any())
        .child(lines(1))
        .child(para("hint", "Signature and date"))
        .into_any()
}
