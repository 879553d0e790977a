//! One case: its stages, each with its questions and parts, and the summary.

pub mod counsel;
pub mod decide;
pub mod drafts;
pub mod follow_up;
pub mod history;
pub mod listen;
pub mod numbers;
pub mod parts;
pub mod remedies;
pub mod shared;
pub mod start;
pub mod talks;

use crate::model::worksheet::{
    Block, StageStatus, blocks, missing, overdue_check_ins, progress, stage_hint, stage_opening,
    status, widget_answer,
};
use crate::model::{Case, Stage};
use crate::route::Route;
use crate::store::record::Kind;
use crate::ui::browser::nav::go;
use crate::ui::browser::time::today;
use crate::ui::kit::case::case_not_found;
use crate::ui::kit::fields::{provide_editing, read_case};
use crate::ui::kit::inputs::question_view;
use crate::ui::kit::lazy::lazy_view;
use crate::ui::kit::{button, dyn_text, dyn_view, el, link, para, when};
use crate::ui::screens::case::parts::widget;
use crate::ui::state::use_app;
use leptos::prelude::*;

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
        move || app.cases(|m| m.contains_key(&id))
    };
    // Only the existence of the case is watched here, so typing does not rebuild the screen.
    let exists = Memo::new(move |_| exists());
    dyn_view(move || {
        if exists.get() {
            return case_body(id.clone(), stage);
        }
        case_not_found()
    })
}

fn case_body(id: String, stage: Stage) -> AnyView {
    provide_editing::<Case>(id.clone());
    let title = read_case(|c| c.title());
    let example = crate::ui::kit::fields::shape_of(|c| u64::from(c.example));
    let done = read_case(progress);
    let delete = delete_case(id.clone());
    let example_note = when(
        move || example.get() == 1,
        move || {
            el("div")
            .class("banner info example-note")
            .child(
                el("p")
                    .child(el("strong").child("This is an example case. ").into_any())
                    .child("Look around, change anything, and delete it when you are ready to start your own.")
                    .into_any(),
            )
            .child(button("Delete the example", "", None, move |_| delete()))
            .into_any()
        },
    );
    vec![
        el("p")
            .class("breadcrumb")
            .child(link(Route::Cases.to_fragment(), "Cases", ""))
            .child(" · ")
            .child(link(
                Route::Start(id.clone()).to_fragment(),
                "Before you call: the five-minute start",
                "",
            ))
            .into_any(),
        el("h1")
            .attr("tabindex", "-1")
            .child(dyn_text(title))
            .into_any(),
        example_note,
        el("p")
            .class("progress-line")
            .child(
                el("progress")
                    .attr("max", "10")
                    .attr("value", move || Some(done().to_string()))
                    .attr("aria-label", "Stages done")
                    .into_any(),
            )
            .child(
                el("span")
                    .child(dyn_text(move || Stage::done_of_all(done())))
                    .into_any(),
            )
            .into_any(),
        stage_nav(&id, stage),
        if stage == Stage::Summary {
            summary_view(id.clone())
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
            let mut a = el("a").attr("href", stage_route(id, s));
            if s == current {
                a = a.attr("aria-current", "step");
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
                .attr("data-state", move || Some(state().to_string()))
                .child(
                    a.child(
                        el("span")
                            .class("step-number")
                            .attr("aria-hidden", "true")
                            .child(number)
                            .into_any(),
                    )
                    .child(el("span").class("step-name").child(s.title()).into_any())
                    .child(
                        el("span")
                            .class("visually-hidden")
                            .child(status_text)
                            .into_any(),
                    )
                    .into_any(),
                )
                .into_any()
        })
        .collect();
    el("nav")
        .class("stages")
        .attr("aria-label", "Worksheet stages")
        .child(el("ol").children(items).into_any())
        .into_any()
}

fn stage_view(stage: Stage) -> AnyView {
    let still = read_case(move |c| missing(stage, c));
    let opening = read_case(move |c| stage_opening(stage, c));
    let all = blocks(stage);
    // Diagnose starts with perceived and actual side by side, each with its evidence.
    let split = if stage == Stage::Diagnose { 4 } else { 0 };
    let render = |b: &Block| match b {
        Block::Q(q) => question_view(*q),
        Block::W(w) => widget(*w),
    };
    let mut body = vec![
        el("h2")
            .attr("id", "stage-title")
            .class("stage-title")
            .attr("tabindex", "-1")
            .child(stage.heading())
            .into_any(),
        para("lede", stage_hint(stage)),
        dyn_view(move || match opening() {
            Some(text) => para("banner", text),
            None => ().into_any(),
        }),
    ];
    if split > 0 {
        body.push(
            el("div")
                .class("side-by-side")
                .children(all[..split].iter().map(render).collect())
                .into_any(),
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
            .child(el("h3").child("Still needed on this stage").into_any())
            .child(
                el("ul")
                    .children(
                        m.into_iter()
                            .map(|x| el("li").child(x).into_any())
                            .collect(),
                    )
                    .into_any(),
            )
            .into_any()
    }));
    el("section")
        .class("stage")
        .attr("aria-labelledby", "stage-title")
        .children(body)
        .into_any()
}

fn prev_next(id: &str, stage: Stage) -> AnyView {
    let mut nav = el("nav")
        .class("prev-next")
        .attr("aria-label", "Previous and next stage");
    if let Some(p) = stage.prev() {
        nav = nav.child(
            el("a")
                .class("button")
                .attr("href", stage_route(id, p))
                .attr("rel", "prev")
                .child(format!("← {}", p.title()))
                .into_any(),
        );
    }
    if let Some(n) = stage.next() {
        nav = nav.child(
            el("a")
                .class("button primary")
                .attr("href", stage_route(id, n))
                .attr("rel", "next")
                .child(format!("Next: {} →", n.title()))
                .into_any(),
        );
    }
    nav.into_any()
}

/// Every answer, stage by stage, with a way back to change it, and what is still missing.
/// Deletes the case (to the trash) and goes back to the list.
fn delete_case(id: String) -> impl Fn() + Copy + 'static {
    let app = use_app();
    let id = StoredValue::new(id);
    move || {
        app.delete(Kind::Case, &id.read_value());
        go(&Route::Cases);
    }
}

// The summary (with its share link) loads with the worksheet's later parts, when first shown.
lazy_view!(Part later, summary_split, summary_view(id: String) => summary(id));

fn summary(id: String) -> AnyView {
    let app = use_app();
    let on_delete = delete_case(id.clone());
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
                    .child(link(stage_route(&id_for_missing, s), s.heading(), ""))
                    .child(format!(": {}", items.join("; ")))
                    .into_any()
            })
            .collect();
        if groups.is_empty() {
            para("", "Nothing: every stage is done.")
        } else {
            el("ul").children(groups).into_any()
        }
    });
    let stages: Vec<AnyView> = Stage::questions()
        .iter()
        .map(|s| summary_stage(&id, *s, app))
        .collect();
    el("section")
        .class("stage")
        .attr("aria-labelledby", "stage-title")
        .child(
            el("h2")
                .attr("id", "stage-title")
                .class("stage-title")
                .attr("tabindex", "-1")
                .child("Summary")
                .into_any(),
        )
        .child(para("lede", stage_hint(Stage::Summary)))
        .child(when(overdue, || {
            para(
                "banner warn",
                "A check-in with this client is overdue. See Follow up.",
            )
        }))
        .child(
            el("div")
                .class("still-missing summary-missing")
                .child(el("h3").child("Still missing").into_any())
                .child(missing_all)
                .into_any(),
        )
        .children(stages)
        .child(crate::ui::kit::share_link::share_panel(app, id))
        .child(
            el("div")
                .class("case-actions")
                .child(button("Delete this case", "danger", None, move |_| {
                    on_delete()
                }))
                .child(para(
                    "muted",
                    "Deleted cases go to the trash, where you can restore them.",
                ))
                .into_any(),
        )
        .into_any()
}

type Answer = Box<dyn Fn(&crate::model::Case) -> Option<String> + Send + Sync>;

/// One stage in the summary: its status and every answer, each with a "Change" link.
fn summary_stage(id: &str, s: Stage, app: crate::ui::state::AppState) -> AnyView {
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
                Some(a) => el("span").class("answer").child(a).into_any(),
                None => el("span").class("muted").child("Not answered").into_any(),
            });
            let change = el("a")
                .class("change")
                .attr("href", href.clone())
                .on_click(move |_| app.focus_field.set(key.map(str::to_string)))
                .child("Change")
                .child(
                    el("span")
                        .class("visually-hidden")
                        .child(format!(": {label}"))
                        .into_any(),
                )
                .into_any();
            Some(
                el("div")
                    .child(el("dt").child(label).into_any())
                    .child(el("dd").child(text).child(" ").child(change).into_any())
                    .into_any(),
            )
        })
        .collect();
    el("section")
        .class("summary-stage")
        .attr("aria-labelledby", heading.clone())
        .child(
            el("h3")
                .id(heading)
                .child(s.heading())
                .child(
                    el("span")
                        .class("badge")
                        .attr("data-state", move || Some(st()))
                        .child(dyn_text(st))
                        .into_any(),
                )
                .into_any(),
        )
        .child(el("dl").class("answers").children(rows).into_any())
        .into_any()
}
