//! Check-ins and prevention actions.

use crate::model::Case;
use crate::model::case::{Action, ActionStatus, CheckIn};
use crate::model::worksheet::Widget;
use crate::model::worksheet::overdue_check_ins;
use crate::ui::browser::time::today;
use crate::ui::kit::calendar::{Dates, calendar_button};
use crate::ui::kit::fields::use_case_id;
use crate::ui::kit::fields::{bind_case, read_case, shape_of, write_case};
use crate::ui::kit::inputs::{check_input, date_input, labelled, select_input, text_input};
use crate::ui::kit::{button, dyn_view, el, para, when};
use crate::ui::screens::case::shared::remove_button;
use leptos::prelude::*;

// G34
pub(super) fn check_ins() -> AnyView {
    let count = shape_of(|c| c.follow_up.len() as u64);
    let write = write_case();
    let add = move |_| {
        let today = today();
        write(Box::new(move |c| c.add_check_in(today)));
    };
    let overdue = read_case(|c| overdue_check_ins(c, today()).len());
    let rows = dyn_view(move || {
        (0..count.get() as usize)
            .map(check_in_row)
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        para("hint", Widget::CheckIns.hint()),
        dyn_view(move || match overdue() {
            0 => ().into_any(),
            1 => para(
                "banner warn",
                "One check-in is overdue. Get in touch today.",
            ),
            n => para(
                "banner warn",
                format!("{n} check-ins are overdue. Get in touch today."),
            ),
        }),
        el("ol").class("rows").child(rows).into_any(),
        el("p")
            .child(button("Add a check-in", "", None, add))
            .into_any(),
    ]
    .into_any()
}

fn ci_get<T: Default>(i: usize, f: impl Fn(&CheckIn) -> T) -> impl Fn(&Case) -> T {
    move |c| c.follow_up.get(i).map(&f).unwrap_or_default()
}

fn ci_set<T>(i: usize, f: impl Fn(&mut CheckIn, T)) -> impl Fn(&mut Case, T) {
    move |c, v| {
        if let Some(x) = c.follow_up.get_mut(i) {
            f(x, v)
        }
    }
}

fn check_in_row(i: usize) -> AnyView {
    let is_overdue = read_case(move |c| {
        c.follow_up
            .get(i)
            .is_some_and(|x| !x.done && x.due.is_some_and(|d| d < today()))
    });
    el("li")
        .attr("class", move || is_overdue().then(|| "overdue".to_string()))
        .child(
            el("h4")
                .child(format!("Check-in {}", i + 1))
                .child(when(is_overdue, || {
                    el("span").class("badge warn").child("Overdue").into_any()
                }))
                .into_any(),
        )
        .child(labelled(
            format!("checkin-{i}-due"),
            "Date",
            date_input(
                format!("checkin-{i}-due"),
                None,
                bind_case(ci_get(i, |x| x.due), ci_set(i, |x, v| x.due = v)),
            ),
        ))
        .child(labelled(
            format!("checkin-{i}-note"),
            "What to say, or what was said",
            text_input(
                format!("checkin-{i}-note"),
                None,
                true,
                bind_case(ci_get(i, |x| x.note.clone()), ci_set(i, |x, v| x.note = v)),
            ),
        ))
        .child(
            el("div")
                .class("actions")
                .child(calendar_button(
                    "Add to calendar",
                    Some(format!("Add to calendar: check-in {}", i + 1)),
                    Dates::CheckIn(use_case_id(), i),
                ))
                .child(check_input(
                    format!("checkin-{i}-done"),
                    "Done".into(),
                    bind_case(ci_get(i, |x| x.done), ci_set(i, |x, v| x.done = v)),
                ))
                .child(remove_button(
                    format!("Remove check-in {}", i + 1),
                    move |c| {
                        if i < c.follow_up.len() {
                            c.follow_up.remove(i);
                        }
                    },
                ))
                .into_any(),
        )
        .into_any()
}

// G36, G37, G41
pub(super) fn actions() -> AnyView {
    let count = shape_of(|c| c.prevent.actions.len() as u64);
    let write = write_case();
    let add = move |_| {
        let today = today();
        write(Box::new(move |c| c.add_action(today)))
    };
    vec![
        para("hint", Widget::Actions.hint()),
        el("ol")
            .class("rows")
            .child(dyn_view(move || {
                (0..count.get() as usize)
                    .map(action_row)
                    .collect::<Vec<_>>()
                    .into_any()
            }))
            .into_any(),
        el("p")
            .child(button("Add an action", "", None, add))
            .into_any(),
    ]
    .into_any()
}

fn act_get<T: Default>(i: usize, f: impl Fn(&Action) -> T) -> impl Fn(&Case) -> T {
    move |c| c.prevent.actions.get(i).map(&f).unwrap_or_default()
}

fn act_set<T>(i: usize, f: impl Fn(&mut Action, T)) -> impl Fn(&mut Case, T) {
    move |c, v| {
        if let Some(a) = c.prevent.actions.get_mut(i) {
            f(a, v)
        }
    }
}

fn action_row(i: usize) -> AnyView {
    let status = select_input(
        format!("action-{i}-status"),
        None,
        ActionStatus::LABELS,
        false,
        bind_case(
            act_get(i, |a| Some(a.status as usize)),
            act_set(i, |a, v: Option<usize>| {
                if let Some(s) = v.and_then(|v| ActionStatus::ALL.get(v).copied()) {
                    a.status = s;
                }
            }),
        ),
    );
    el("li")
        .child(el("h4").child(format!("Action {}", i + 1)).into_any())
        .child(labelled(
            format!("action-{i}-text"),
            "What will be done",
            text_input(
                format!("action-{i}-text"),
                None,
                false,
                bind_case(
                    act_get(i, |a| a.text.clone()),
                    act_set(i, |a, v| a.text = v),
                ),
            ),
        ))
        .child(
            el("div")
                .class("grid-3")
                .child(labelled(
                    format!("action-{i}-owner"),
                    "Who",
                    text_input(
                        format!("action-{i}-owner"),
                        None,
                        false,
                        bind_case(
                            act_get(i, |a| a.owner.clone()),
                            act_set(i, |a, v| a.owner = v),
                        ),
                    ),
                ))
                .child(labelled(
                    format!("action-{i}-due"),
                    "By",
                    date_input(
                        format!("action-{i}-due"),
                        None,
                        bind_case(act_get(i, |a| a.due), act_set(i, |a, v| a.due = v)),
                    ),
                ))
                .child(labelled(format!("action-{i}-status"), "Status", status))
                .into_any(),
        )
        .child(remove_button(
            format!("Remove action {}", i + 1),
            move |c| {
                if i < c.prevent.actions.len() {
                    c.prevent.actions.remove(i);
                }
            },
        ))
        .into_any()
}
