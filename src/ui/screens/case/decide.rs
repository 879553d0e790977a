//! Decide: the respectful exit, the mediation clause and its dates, and reflecting on it.

use crate::model::case::{ClauseLink, Outcome};
use crate::model::clause::Deadline;
use crate::model::guidance::BEFORE_ENDING;
use crate::model::guidance::EXIT_CHECKLIST;
use crate::model::reflection::Reflection;
use crate::model::worksheet::Widget;
use crate::model::{Clause, Date};
use crate::route::Route;
use crate::ui::browser::time::today;
use crate::ui::kit::calendar::{Dates, calendar_button};
use crate::ui::kit::fields::{bind_case, read_case, shape_of, use_case_id, write_case};
use crate::ui::kit::inputs::{check_input, date_input, field, labelled};
use crate::ui::kit::{dyn_view, el, flag, link, para};
use crate::ui::state::use_app;
use leptos::prelude::*;

// G42, G43, G44
pub(super) fn exit() -> AnyView {
    let ended = shape_of(|c| u64::from(c.decide.outcome == Some(Outcome::Ended)));
    dyn_view(move || {
        if ended.get() == 0 {
            return para("muted", BEFORE_ENDING);
        }
        let items: Vec<AnyView> = EXIT_CHECKLIST
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let check = check_input(
                    format!("exit-{n}"),
                    item.to_string(),
                    bind_case(
                        move |c| c.decide.exit.get(n).copied().unwrap_or(false),
                        move |c, v| {
                            if c.decide.exit.len() <= n {
                                c.decide.exit.resize(n + 1, false);
                            }
                            c.decide.exit[n] = v;
                        },
                    ),
                );
                el("li").child(check).into_any()
            })
            .collect();
        vec![
            para(
                "hint",
                "End it cleanly and kindly, on a calm day, once you have decided.",
            ),
            el("ul").class("plain").children(items).into_any(),
        ]
        .into_any()
    })
}

// G33: when talking has not settled it, the clause in the agreement says what comes next,
// and by when. The clause itself is written on the Clause screen.
pub(super) fn mediation() -> AnyView {
    let link = read_case(|c| c.clause.as_ref().map(|l| l.id.clone()));
    vec![
        para("hint", Widget::Mediation.hint()),
        clause_picker(link),
        clause_dates(link),
    ]
    .into_any()
}

/// Which saved clause applies to this case.
fn clause_picker(link: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> AnyView {
    let app = use_app();
    let write = write_case();
    let choices = Memo::new(move |_| {
        app.list::<Clause, _>(|m| {
            m.values()
                .map(|r| (r.id.clone(), r.data.title()))
                .collect::<Vec<_>>()
        })
    });
    dyn_view(move || {
        let list = choices.get();
        if list.is_empty() {
            return el("p")
                .child("You have no saved mediation clause yet. ")
                .child(link_to(Route::Clause, "Make one on the Clause screen"))
                .child(", then choose it here to see its dates.")
                .into_any();
        }
        let mut options = vec![
            el("option")
                .attr("value", "")
                .prop("selected", flag(move || link().is_none()))
                .child("No clause applies")
                .into_any(),
        ];
        options.extend(list.into_iter().map(|(id, title)| {
            let mine = id.clone();
            el("option")
                .attr("value", id)
                .prop(
                    "selected",
                    flag(move || link().as_deref() == Some(mine.as_str())),
                )
                .child(title)
                .into_any()
        }));
        let select = el("select")
            .attr("id", "mediation-clause")
            .on_change(move |ev| {
                let chosen = event_target_value(&ev);
                write(Box::new(move |c| {
                    c.clause = (!chosen.is_empty()).then(|| ClauseLink {
                        id: chosen,
                        raised: c.clause.as_ref().and_then(|l| l.raised),
                    })
                }))
            })
            .children(options)
            .into_any();
        labelled(
            "mediation-clause".into(),
            "Which clause in your agreement applies?",
            select,
        )
    })
}

/// The linked clause's dates for this case, counted from the day the dispute was raised.
fn clause_dates(link: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> AnyView {
    let app = use_app();
    // The linked clause's id, and whether it is still saved.
    let linked = Memo::new(move |_| {
        link().map(|id| {
            let saved = app.list::<Clause, _>(|m| m.contains_key(&id));
            (id, saved)
        })
    });
    dyn_view(move || match linked.get() {
        None => ().into_any(),
        Some((_, false)) => para(
            "banner warn",
            "The clause linked to this case is no longer saved (it may be in the trash on the Backup screen). Choose another, or restore it.",
        ),
        Some((clause_id, true)) => {
            let request = Route::MediationRequest {
                clause: clause_id.clone(),
                case: use_case_id(),
            };
            vec![
                raised_field(),
                deadlines(clause_id.clone()),
                el("p")
                    .class("actions")
                    .child(link_to(request, "Draft a request for mediation"))
                    .child(link_to(Route::ClauseEdit(clause_id), "Open the clause"))
                    .into_any(),
            ]
            .into_any()
        }
    })
}

/// The day the clause's windows count from.
fn raised_field() -> AnyView {
    let b = bind_case(
        |c| c.clause.as_ref().and_then(|l| l.raised),
        |c, v| {
            if let Some(l) = c.clause.as_mut() {
                l.raised = v
            }
        },
    );
    field(
        "mediation-raised".into(),
        "The day the dispute was raised in writing",
        "The clause's windows count from this day. Leave it empty to count from the day the complaint arrived.",
        "",
        date_input(
            "mediation-raised".into(),
            Some("mediation-raised-hint".into()),
            b,
        ),
    )
}

/// Each date the clause gives this case, how far off it is, and the dates still ahead into
/// the user's calendar.
fn deadlines(clause_id: String) -> AnyView {
    let app = use_app();
    let raised = read_case(|c| c.clause.as_ref().and_then(|l| l.raised).or(c.received));
    let windows =
        Memo::new(move |_| app.list::<Clause, _>(|m| m.get(&clause_id).map(|r| r.data.windows())));
    let items = dyn_view(move || {
        let (Some(from), Some(windows)) = (raised(), windows.get()) else {
            return el("li")
                .child("Enter the day the dispute was raised to see the dates.")
                .into_any();
        };
        let today = today();
        windows
            .deadlines(from)
            .into_iter()
            .map(|d| deadline_item(d, today))
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        el("ul").class("deadlines").child(items).into_any(),
        calendar_button(
            "Add these dates to calendar",
            None,
            Dates::Clause(use_case_id()),
        ),
    ]
    .into_any()
}

fn deadline_item(d: Deadline, today: Date) -> AnyView {
    let left = today.days_until(d.date);
    el("li")
        .class(if left < 0 { "past" } else { "" })
        .child(el("span").child(d.label).into_any())
        .child(" ")
        .child(el("strong").child(d.date.human()).into_any())
        .child(format!(" ({})", d.date.relative_to(today)))
        .into_any()
}

fn link_to(route: Route, text: &'static str) -> AnyView {
    link(route.to_fragment(), text, "")
}

// G45–G47: the journal entry for this case, or a way to start one.
pub(super) fn reflect() -> AnyView {
    let app = use_app();
    let case_id = StoredValue::new(use_case_id());
    let entry = Memo::new(move |_| {
        let case = case_id.read_value();
        app.list::<Reflection, _>(|m| {
            m.values()
                .find(|r| r.data.case.as_deref() == Some(case.as_str()))
                .map(|r| r.id.clone())
        })
    });
    vec![
        para("hint", Widget::Reflect.hint()),
        dyn_view(move || {
            let (route, text) = match entry.get() {
                Some(id) => (Route::JournalEntry(id), "Open your reflection on this case"),
                None => (
                    Route::NewReflection(Some(case_id.get_value())),
                    "Reflect on this case",
                ),
            };
            el("p")
                .child(link(route.to_fragment(), text, "button"))
                .into_any()
        }),
    ]
    .into_any()
}
