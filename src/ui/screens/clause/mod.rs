//! Mediation clauses: the list and the editor.

pub mod options;
pub mod preview;
pub mod request;

use crate::model::Clause;
use crate::model::clause::{NOT_ADVICE, explain};
use crate::route::Route;
use crate::store::record::Kind;
use crate::ui::browser::nav::go;
use crate::ui::kit::fields::{Bind, bind, provide_editing, shape};
use crate::ui::kit::inputs::{check_input, choice_field, days_input, field, hint_id, text_field};
use crate::ui::kit::{button, dyn_view, el, heading, link, para};
use crate::ui::screens::clause::options::options;
use crate::ui::screens::clause::preview::{cases_using, preview};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The element id of a clause option, e.g. `clause-law` (flags point at these).
fn field_id(key: &str) -> String {
    format!("clause-{key}")
}

/// A line of text.
pub(crate) fn text(
    key: &'static str,
    label: &'static str,
    get: fn(&Clause) -> &String,
    set: fn(&mut Clause) -> &mut String,
) -> AnyView {
    text_field::<Clause>(field_id(key), label, explain(key), false, get, set)
}

/// A number of days, 1 to 365.
fn days(
    key: &'static str,
    label: &'static str,
    get: fn(&Clause) -> u32,
    set: fn(&mut Clause, u32),
) -> AnyView {
    let id = field_id(key);
    let hint = explain(key);
    let input = days_input(
        id.clone(),
        hint_id(&id, hint),
        bind::<Clause, u32>(get, set),
    );
    field(id, label, hint, "", input)
}

/// A checkbox, with its one-line explanation under it.
pub(crate) fn check(
    key: &'static str,
    label: &'static str,
    get: fn(&Clause) -> bool,
    set: fn(&mut Clause, bool),
) -> AnyView {
    let id = field_id(key);
    let hint = explain(key);
    let mut f = el("div").class("field").child(check_input(
        id.clone(),
        label.into(),
        bind::<Clause, bool>(get, set),
    ));
    if let Some(d) = hint_id(&id, hint) {
        f = f.child(el("p").class("hint").attr("id", d).child(hint).into_any());
    }
    f.into_any()
}

/// One of a few choices, as radio buttons.
fn choice(
    key: &'static str,
    legend: &'static str,
    labels: &'static [&'static str],
    get: fn(&Clause) -> usize,
    set: fn(&mut Clause, usize),
) -> AnyView {
    let b: Bind<Option<usize>> = bind::<Clause, Option<usize>>(
        move |c| Some(get(c)),
        move |c, i| {
            if let Some(i) = i.filter(|i| *i < labels.len()) {
                set(c, i)
            }
        },
    );
    choice_field(field_id(key), legend, explain(key), "", labels, b)
}

/// Which of an option's choices is made (a memo: sections rebuild only when it changes).
fn chosen(get: fn(&Clause) -> usize) -> Memo<u64> {
    shape::<Clause>(move |c| get(c) as u64)
}

/// The saved clauses.
pub fn clause_list() -> AnyView {
    let app = use_app();
    let create = move |_| {
        let latest =
            app.list::<Clause, _>(|m| m.values().max_by_key(|r| r.updated).map(|r| r.data.clone()));
        let id = app.create(Clause::starting_from(latest.as_ref()));
        go(&Route::ClauseEdit(id));
    };
    let list = dyn_view(move || {
        let mut rows: Vec<(i64, String, String, String)> = app.list::<Clause, _>(|m| {
            m.values()
                .map(|r| {
                    let c = &r.data;
                    (
                        r.updated,
                        r.id.clone(),
                        c.title(),
                        format!("{} · {}", c.variant.label(), c.provider.short()),
                    )
                })
                .collect()
        });
        if rows.is_empty() {
            return para(
                "empty",
                "No clauses yet. Make one for your standard agreement; it takes a few minutes, and you can keep several (one per kind of work, say).",
            );
        }
        crate::model::order::sort_by_key(&mut rows, |r| (-r.0, 0, r.1.clone()));
        el("ul")
            .class("clause-list")
            .children(
                rows.into_iter()
                    .map(|(_, id, title, what)| {
                        el("li")
                            .child(link(Route::ClauseEdit(id).to_fragment(), title, ""))
                            .child(
                                el("span")
                                    .class("muted")
                                    .child(format!(" · {what}"))
                                    .into_any(),
                            )
                            .into_any()
                    })
                    .collect(),
            )
            .into_any()
    });
    vec![
        heading("Mediation clauses"),
        para(
            "lede",
            "Put a clause in every agreement that says how a disagreement will be handled: talk it through first, and if that fails, bring in a mediator. Agreeing this while everyone is on good terms saves a lot of grief later.",
        ),
        para("notice", NOT_ADVICE),
        el("p").child(button("New clause", "primary", None, create)).into_any(),
        list,
    ]
    .into_any()
}

/// What a screen says when the clause it needs is not saved here.
fn clause_missing(title: &'static str, what: &'static str) -> AnyView {
    vec![
        heading(title),
        para("", what),
        el("p")
            .child(link(
                Route::Clause.to_fragment(),
                "See your clauses",
                "button",
            ))
            .into_any(),
    ]
    .into_any()
}

/// One clause: its options beside its live text.
pub fn clause_editor(clause_id: String) -> AnyView {
    let app = use_app();
    if !untrack(|| app.list::<Clause, _>(|m| m.contains_key(&clause_id))) {
        return clause_missing(
            "Mediation clause",
            "This clause is not saved here. It may have been deleted (look in the trash on the Backup screen).",
        );
    }
    let ed = provide_editing::<Clause>(clause_id.clone());
    let delete = move |_| {
        app.delete(Kind::Clause, &ed.id.read_value());
        go(&Route::Clause);
    };
    vec![
        el("p")
            .class("back no-print")
            .child(link(Route::Clause.to_fragment(), "All clauses", ""))
            .into_any(),
        heading("Mediation clause"),
        el("div")
            .class("clause-layout")
            .child(
                el("div")
                    .class("clause-options no-print")
                    .children(options())
                    .into_any(),
            )
            .child(preview())
            .into_any(),
        cases_using(clause_id),
        el("p")
            .class("no-print")
            .child(button("Delete this clause", "danger", None, delete))
            .into_any(),
    ]
    .into_any()
}
