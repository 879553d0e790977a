//! A case's screen: the stage navigation, the current stage's questions, the summary of every
//! answer with what is still missing, and moving between stages.

use leptos::prelude::*;

use super::fields::{CaseCtx, question_view, read_case};
use super::kit::{button, click, dy, dyn_text, dyn_view, el, link, para, when};
use super::state::use_app;
use super::widgets::widget;
use super::{go, today};
use crate::model::Stage;
use crate::model::worksheet::{
    Block, StageStatus, blocks, missing, overdue_check_ins, progress, stage_hint, status,
    widget_answer,
};
use crate::route::Route;
use crate::store::record::Kind;

fn stage_route(id: &str, stage: Stage) -> String {
    Route::Case {
        id: id.to_string(),
        stage,
    }
    .to_fragment()
}

pub fn case_screen(id: String, stage: Stage) -> AnyView {
    let app = use_app();
    let exists = {
        let id = id.clone();
        move || app.cases.with(|m| m.contains_key(&id))
    };
    // Only the existence of the case is watched here, so typing does not rebuild the screen.
    let exists = Memo::new(move |_| exists());
    dyn_view(move || {
        if exists.get() {
            return case_body(id.clone(), stage);
        }
        vec![
            el("h1").a("tabindex", "-1").st("Case not found").v(),
            para("", "This case is not here. If it was deleted, you can restore it from the trash on the Backup screen."),
            el("p")
                .class("actions")
                .kid(link(Route::Cases.to_fragment(), "Back to cases", "button"))
                .kid(link(Route::Backup.to_fragment(), "Open the trash", "button"))
                .v(),
        ]
        .into_any()
    })
}

fn case_body(id: String, stage: Stage) -> AnyView {
    provide_context(CaseCtx { id: id.clone() });
    let app = use_app();
    let title = read_case(|c| c.title());
    let example = super::fields::shape_of(|c| u64::from(c.example));
    let done = read_case(progress);
    let delete_id = StoredValue::new(id.clone());
    let delete = move || {
        app.delete(Kind::Case, &delete_id.read_value());
        go(&Route::Cases);
    };
    let example_note = when(
        move || example.get() == 1,
        move || {
            el("div")
            .class("banner info example-note")
            .kid(
                el("p")
                    .kid(el("strong").st("This is an example case. ").v())
                    .st("Look around, change anything, and delete it when you are ready to start your own.")
                    .v(),
            )
            .kid(button("Delete the example", "", None, click(move |_| delete())))
            .v()
        },
    );
    vec![
        el("p")
            .class("breadcrumb")
            .kid(link(Route::Cases.to_fragment(), "Cases", ""))
            .v(),
        el("h1").a("tabindex", "-1").kid(dyn_text(title)).v(),
        example_note,
        el("p")
            .class("progress-line")
            .kid(
                el("progress")
                    .a("max", "10")
                    .at_dyn("value", dy(move || Some(done().to_string())))
                    .a("aria-label", "Stages done")
                    .v(),
            )
            .kid(
                el("span")
                    .kid(dyn_text(move || format!("{} of 10 stages done", done())))
                    .v(),
            )
            .v(),
        stage_nav(&id, stage),
        if stage == Stage::Summary {
            summary(id.clone(), delete)
        } else {
            stage_view(stage)
        },
        prev_next(&id, stage),
    ]
    .into_any()
}

/// The stages as numbered steps, each showing whether it is done.
fn stage_nav(id: &str, current: Stage) -> AnyView {
    let statuses = read_case(|c| {
        Stage::questions()
            .iter()
            .map(|s| status(*s, c))
            .collect::<Vec<_>>()
    });
    let items: Vec<AnyView> = Stage::ALL
        .into_iter()
        .map(|s| {
            let state = move || match statuses().get(s.index()) {
                None => "summary",
                Some(StageStatus::Done) => "done",
                Some(StageStatus::Started) => "started",
                Some(StageStatus::NotStarted) => "todo",
            };
            let number = if s == Stage::Summary {
                "✓".to_string()
            } else {
                (s.index() + 1).to_string()
            };
            let mut a = el("a").at("href", stage_route(id, s));
            if s == current {
                a = a.a("aria-current", "step");
            }
            let status_text = dyn_text(move || {
                match state() {
                    "done" => ", done",
                    "started" => ", in progress",
                    _ => "",
                }
                .to_string()
            });
            el("li")
                .at_dyn("data-state", dy(move || Some(state().to_string())))
                .kid(
                    a.kid(
                        el("span")
                            .class("step-number")
                            .a("aria-hidden", "true")
                            .text(number)
                            .v(),
                    )
                    .kid(el("span").class("step-name").st(s.title()).v())
                    .kid(el("span").class("visually-hidden").kid(status_text).v())
                    .v(),
                )
                .v()
        })
        .collect();
    el("nav")
        .class("stages")
        .a("aria-label", "Worksheet stages")
        .kid(el("ol").kids(items).v())
        .v()
}

fn stage_view(stage: Stage) -> AnyView {
    let still = read_case(move |c| missing(stage, c));
    let all = blocks(stage);
    // Diagnose starts with perceived and actual side by side, each with its evidence.
    let split = if stage == Stage::Diagnose { 4 } else { 0 };
    let render = |b: &Block| match b {
        Block::Q(q) => question_view(*q),
        Block::W(w) => widget(*w),
    };
    let mut body = vec![
        el("h2")
            .a("id", "stage-title")
            .class("stage-title")
            .a("tabindex", "-1")
            .text(format!("{}. {}", stage.index() + 1, stage.title()))
            .v(),
        para("lede", stage_hint(stage)),
    ];
    if split > 0 {
        body.push(
            el("div")
                .class("side-by-side")
                .kids(all[..split].iter().map(render).collect())
                .v(),
        );
    }
    body.extend(all[split..].iter().map(render));
    body.push(dyn_view(move || {
        let m = still();
        if m.is_empty() {
            return ().into_any();
        }
        el("div")
            .class("still-missing")
            .kid(el("h3").st("Still needed on this stage").v())
            .kid(
                el("ul")
                    .kids(m.into_iter().map(|x| el("li").st(x).v()).collect())
                    .v(),
            )
            .v()
    }));
    el("section")
        .class("stage")
        .a("aria-labelledby", "stage-title")
        .kids(body)
        .v()
}

fn prev_next(id: &str, stage: Stage) -> AnyView {
    let mut nav = el("nav")
        .class("prev-next")
        .a("aria-label", "Previous and next stage");
    if let Some(p) = stage.prev() {
        nav = nav.kid(
            el("a")
                .class("button")
                .at("href", stage_route(id, p))
                .a("rel", "prev")
                .text(format!("← {}", p.title()))
                .v(),
        );
    }
    if let Some(n) = stage.next() {
        nav = nav.kid(
            el("a")
                .class("button primary")
                .at("href", stage_route(id, n))
                .a("rel", "next")
                .text(format!("Next: {} →", n.title()))
                .v(),
        );
    }
    nav.v()
}

/// Every answer, stage by stage, with a way back to change it, and what is still missing.
fn summary(id: String, on_delete: impl Fn() + Copy + 'static) -> AnyView {
    let app = use_app();
    let case = read_case(|c| c.clone());
    let overdue = read_case(|c| !overdue_check_ins(c, today()).is_empty());
    let id_for_missing = id.clone();
    let missing_all = dyn_view(move || {
        let c = case();
        let groups: Vec<AnyView> = Stage::questions()
            .iter()
            .map(|s| (*s, missing(*s, &c)))
            .filter(|(_, m)| !m.is_empty())
            .map(|(s, items)| {
                el("li")
                    .kid(link(
                        stage_route(&id_for_missing, s),
                        format!("{}. {}", s.index() + 1, s.title()),
                        "",
                    ))
                    .text(format!(": {}", items.join("; ")))
                    .v()
            })
            .collect();
        if groups.is_empty() {
            para("", "Nothing: every stage is done.")
        } else {
            el("ul").kids(groups).v()
        }
    });
    let stages: Vec<AnyView> = Stage::questions()
        .iter()
        .map(|s| summary_stage(&id, *s, app))
        .collect();
    el("section")
        .class("stage")
        .a("aria-labelledby", "stage-title")
        .kid(
            el("h2")
                .a("id", "stage-title")
                .class("stage-title")
                .a("tabindex", "-1")
                .st("Summary")
                .v(),
        )
        .kid(para("lede", stage_hint(Stage::Summary)))
        .kid(when(overdue, || {
            para(
                "banner warn",
                "A check-in with this client is overdue. See Follow up.",
            )
        }))
        .kid(
            el("div")
                .class("still-missing summary-missing")
                .kid(el("h3").st("Still missing").v())
                .kid(missing_all)
                .v(),
        )
        .kids(stages)
        .kid(super::share::share_panel(app, id))
        .kid(
            el("div")
                .class("case-actions")
                .kid(button(
                    "Delete this case",
                    "danger",
                    None,
                    click(move |_| on_delete()),
                ))
                .kid(para(
                    "muted",
                    "Deleted cases go to the trash, where you can restore them.",
                ))
                .v(),
        )
        .v()
}

type Answer = Box<dyn Fn(&crate::model::Case) -> Option<String> + Send + Sync>;

/// One stage in the summary: its status and every answer, each with a "Change" link.
fn summary_stage(id: &str, s: Stage, app: super::state::AppState) -> AnyView {
    let case = read_case(|c| c.clone());
    let href = stage_route(id, s);
    let st = move || status(s, &case()).label().to_string();
    let heading = format!("sum-{}", s.slug());
    let rows: Vec<AnyView> = blocks(s)
        .iter()
        .filter_map(|b| {
            let (label, key, answer): (&'static str, Option<&'static str>, Answer) = match b {
                Block::Q(q) => {
                    let field = q.field;
                    (q.label, Some(q.key), Box::new(move |c| field.answer(c)))
                }
                Block::W(w) => {
                    let w = *w;
                    widget_answer(w, &case())?;
                    (w.title(), None, Box::new(move |c| widget_answer(w, c)))
                }
            };
            let text = dyn_view(move || match answer(&case()) {
                Some(a) => el("span").class("answer").text(a).v(),
                None => el("span").class("muted").st("Not answered").v(),
            });
            let change = el("a")
                .class("change")
                .at("href", href.clone())
                .on_click(click(move |_| app.focus_field.set(key.map(str::to_string))))
                .st("Change")
                .kid(
                    el("span")
                        .class("visually-hidden")
                        .text(format!(": {label}"))
                        .v(),
                )
                .v();
            Some(
                el("div")
                    .kid(el("dt").st(label).v())
                    .kid(el("dd").kid(text).st(" ").kid(change).v())
                    .v(),
            )
        })
        .collect();
    el("section")
        .class("summary-stage")
        .at("aria-labelledby", heading.clone())
        .kid(
            el("h3")
                .id(heading)
                .text(format!("{}. {}", s.index() + 1, s.title()))
                .kid(
                    el("span")
                        .class("badge")
                        .at_dyn("data-state", dy(move || Some(st())))
                        .kid(dyn_text(st))
                        .v(),
                )
                .v(),
        )
        .kid(el("dl").class("answers").kids(rows).v())
        .v()
}
