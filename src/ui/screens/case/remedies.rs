//! Resolve: validity, options costed, the counter-offer, the peace offering, the confirmation.

use crate::model::Case;
use crate::model::case::{RemedyKind, RemedyOption};
use crate::model::counsel::NOTHING_OFFERED;
use crate::model::counsel::limit_line;
use crate::model::counsel::offers_nothing;
use crate::model::counsel::peace_lines;
use crate::model::figure::Unit;
use crate::model::guidance::BEFORE_VALIDITY;
use crate::model::numbers::{RemedyInput, remedy_cost, remedy_inputs};
use crate::model::worksheet::Widget;
use crate::ui::kit::fields::{bind_case, read_case, shape_of, write_case};
use crate::ui::kit::inputs::{check_input, figure_input, labelled, select_input, text_input};
use crate::ui::kit::{button, dyn_text, dyn_view, el, para, text_list, when};
use crate::ui::screens::case::listen::confirm_box;
use crate::ui::screens::case::shared::{cost_line, remove_button};
use leptos::prelude::*;

// G24–G26
pub(super) fn validity() -> AnyView {
    let valid = read_case(|c| c.resolve.valid);
    dyn_view(move || match valid() {
        Some(v) => para("advice", v.advice()),
        None => para("muted", BEFORE_VALIDITY),
    })
}

// G27, G29, G31, G32: a choice of remedies, each costed against what you can give.
pub(super) fn options() -> AnyView {
    let count = shape_of(|c| c.resolve.options.len() as u64);
    let case = read_case(Case::clone);
    let write = write_case();
    let new_kind = RwSignal::new(0usize);
    let add = move |_| {
        let kind = RemedyKind::ALL[new_kind.get_untracked().min(RemedyKind::ALL.len() - 1)];
        write(Box::new(move |c| {
            c.resolve.options.push(RemedyOption {
                kind,
                ..RemedyOption::default()
            })
        }));
    };
    let budget = dyn_text(move || limit_line(&case()));
    let nothing_offered = move || offers_nothing(&case());
    vec![
        para("hint", Widget::Options.hint()),
        el("p").child(budget).into_any(),
        el("ol")
            .class("options")
            .child(dyn_view(move || {
                (0..count.get() as usize)
                    .map(option_row)
                    .collect::<Vec<_>>()
                    .into_any()
            }))
            .into_any(),
        new_option(new_kind, add),
        // G30
        when(nothing_offered, || para("banner warn", NOTHING_OFFERED)),
    ]
    .into_any()
}

/// Reads and writes one option of the resolve stage.
fn opt_get<T: Default>(i: usize, f: impl Fn(&RemedyOption) -> T) -> impl Fn(&Case) -> T {
    move |c| c.resolve.options.get(i).map(&f).unwrap_or_default()
}

fn opt_set<T>(i: usize, f: impl Fn(&mut RemedyOption, T)) -> impl Fn(&mut Case, T) {
    move |c, v| {
        if let Some(o) = c.resolve.options.get_mut(i) {
            f(o, v)
        }
    }
}

fn option_row(i: usize) -> AnyView {
    // Its own memo: the inputs are rebuilt when the kind changes, not on every figure.
    let kind = shape_of(move |c| c.resolve.options.get(i).map_or(0, |o| o.kind as u64));
    let kind = move || RemedyKind::ALL[kind.get() as usize];
    let kind_id = format!("option-{i}-kind");
    el("li")
        .class("option")
        .child(labelled(
            kind_id.clone(),
            format!("Option {}", i + 1),
            select_input(
                kind_id,
                None,
                RemedyKind::LABELS,
                false,
                bind_case(
                    opt_get(i, |o| Some(o.kind as usize)),
                    opt_set(i, |o, k: Option<usize>| {
                        if let Some(k) = k.and_then(|k| RemedyKind::ALL.get(k)) {
                            o.kind = *k;
                        }
                    }),
                ),
            ),
        ))
        .child(dyn_view(move || option_inputs(i, kind())))
        .child(labelled(
            format!("option-{i}-note"),
            "Note",
            text_input(
                format!("option-{i}-note"),
                None,
                false,
                bind_case(
                    opt_get(i, |o| o.note.clone()),
                    opt_set(i, |o, v| o.note = v),
                ),
            ),
        ))
        .child(option_cost(i))
        .child(
            el("div")
                .class("actions")
                .child(check_input(
                    format!("option-{i}-offered"),
                    "Offer this to the client".into(),
                    bind_case(opt_get(i, |o| o.offered), opt_set(i, |o, v| o.offered = v)),
                ))
                // G28, G29: what they turned down sets the floor for what comes next.
                .child(when(read_case(opt_get(i, |o| o.offered)), move || {
                    check_input(
                        format!("option-{i}-declined"),
                        "They turned it down".into(),
                        bind_case(
                            opt_get(i, |o| o.declined),
                            opt_set(i, |o, v| o.declined = v),
                        ),
                    )
                }))
                .child(remove_button(
                    format!("Remove option {}", i + 1),
                    move |c| {
                        if i < c.resolve.options.len() {
                            c.resolve.options.remove(i);
                        }
                    },
                ))
                .into_any(),
        )
        .into_any()
}

/// The figures this kind of remedy needs to be costed.
fn option_inputs(i: usize, kind: RemedyKind) -> AnyView {
    remedy_inputs(kind)
        .iter()
        .enumerate()
        .map(|(n, input)| {
            let id = format!("option-{i}-in-{n}");
            let (label, unit, b) = match *input {
                RemedyInput::Amount(label) => (
                    label,
                    Unit::Money,
                    bind_case(opt_get(i, |o| o.amount), opt_set(i, |o, v| o.amount = v)),
                ),
                RemedyInput::Percent(label) => (
                    label,
                    Unit::Percent,
                    bind_case(
                        opt_get(i, |o| o.percent.map(i64::from)),
                        opt_set(i, |o, v: Option<i64>| o.percent = v.map(|v| v as u32)),
                    ),
                ),
                RemedyInput::Hours(label) => (
                    label,
                    Unit::Hours,
                    bind_case(opt_get(i, |o| o.minutes), opt_set(i, |o, v| o.minutes = v)),
                ),
            };
            labelled(id.clone(), label, figure_input(id, None, unit, b))
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// What an option costs you, against your limit and break-even. // G3
fn option_cost(i: usize) -> AnyView {
    let case = read_case(Case::clone);
    cost_line(move || {
        let c = case();
        let cost = c.resolve.options.get(i).and_then(|o| remedy_cost(o, &c));
        (c, cost)
    })
}

/// What the counter-offer costs you, against your limit and break-even. // G3, G28
pub(super) fn counter_cost() -> AnyView {
    let case = read_case(Case::clone);
    cost_line(move || {
        let c = case();
        let cost = c.resolve.counter_amount;
        (c, cost)
    })
}

// G30
pub(super) fn peace() -> AnyView {
    let case = read_case(Case::clone);
    let comparison = dyn_view(move || text_list("plain comparison", peace_lines(&case())));
    let pct = |id: &'static str,
               label: &'static str,
               get: fn(&Case) -> Option<u32>,
               set: fn(&mut Case, Option<u32>)| {
        labelled(
            id.into(),
            label,
            figure_input(
                id.into(),
                None,
                Unit::Percent,
                bind_case(
                    move |c| get(c).map(i64::from),
                    move |c, v| set(c, v.map(|v| v as u32)),
                ),
            ),
        )
    };
    vec![
        para("hint", Widget::Peace.hint()),
        el("div")
            .class("grid-3")
            .child(pct(
                "peace-now",
                "Off this invoice (%)",
                |c| c.resolve.peace.now_percent,
                |c, v| c.resolve.peace.now_percent = v,
            ))
            .child(pct(
                "peace-next",
                "Off the next purchase (%)",
                |c| c.resolve.peace.next_percent,
                |c, v| c.resolve.peace.next_percent = v,
            ))
            .child(labelled(
                "peace-next-value".into(),
                "Expected next purchase",
                figure_input(
                    "peace-next-value".into(),
                    None,
                    Unit::Money,
                    bind_case(
                        |c| c.resolve.peace.next_purchase,
                        |c, v| c.resolve.peace.next_purchase = v,
                    ),
                ),
            ))
            .into_any(),
        comparison,
    ]
    .into_any()
}

// G31
pub(super) fn confirmation() -> AnyView {
    let confirmed = shape_of(|c| c.resolve.confirmed_at.unwrap_or(0) as u64);
    let agreed = read_case(|c| !c.resolve.agreed.trim().is_empty());
    vec![
        when(
            move || confirmed.get() == 0,
            || para("hint", Widget::Confirmation.hint()),
        ),
        confirm_box(
            confirmed,
            "The client said this meets their needs",
            "The client confirmed it meets their needs",
            agreed,
            |c, v| c.resolve.confirmed_at = v,
        ),
    ]
    .into_any()
}

/// Which kind of option to add, and the button that adds it.
fn new_option(
    new_kind: RwSignal<usize>,
    add: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> AnyView {
    let kinds: Vec<AnyView> = RemedyKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            el("option")
                .attr("value", i.to_string())
                .child(k.label())
                .into_any()
        })
        .collect();
    let select = el("select")
        .attr("id", "new-option")
        .on_change(move |ev| new_kind.set(event_target_value(&ev).parse().unwrap_or(0)))
        .children(kinds)
        .into_any();
    el("div")
        .class("field inline")
        .child(
            el("label")
                .attr("for", "new-option")
                .child("Add an option")
                .into_any(),
        )
        .child(select)
        .child(button("Add option", "", None, add))
        .into_any()
}
