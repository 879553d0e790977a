//! One reflection: the form, its actions, and the entry on paper.

use crate::model::Stage;
use crate::model::case::{Action, ActionStatus};
use crate::model::reflection::{Again, CARE, MOODS, Reflection, explain};
use crate::route::Route;
use crate::store::record::Kind;
use crate::ui::browser::nav::go;
use crate::ui::browser::printing::print_page;
use crate::ui::browser::time::today;
use crate::ui::kit::fields::{Bind, Change, bind, provide_editing, read, shape, write};
use crate::ui::kit::inputs::{
    check_input, choice_field, date_input, field, fieldset, labelled, select_input, text_field,
    text_input,
};
use crate::ui::kit::{answers, button, dyn_view, el, heading, link, para};
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;

/// The element id of an entry's field, e.g. `reflection-learned`.
fn field_id(key: &str) -> String {
    format!("reflection-{key}")
}

/// A question answered in a few lines.
pub(super) fn answer(
    key: &'static str,
    label: &'static str,
    get: fn(&Reflection) -> &String,
    set: fn(&mut Reflection) -> &mut String,
) -> AnyView {
    text_field::<Reflection>(field_id(key), label, explain(key), true, get, set)
}

/// A choice on the mood scale.
fn mood(
    key: &'static str,
    legend: &'static str,
    get: fn(&Reflection) -> Option<u32>,
    set: fn(&mut Reflection, Option<u32>),
) -> AnyView {
    let b = bind::<Reflection, Option<usize>>(
        move |r| get(r).and_then(|m| (m as usize).checked_sub(1)),
        move |r, i| set(r, i.map(|i| i as u32 + 1)),
    );
    choice_field(field_id(key), legend, "", "", &MOODS, b)
}

/// One entry: its questions, its actions, and a printable copy.
pub fn entry_screen(entry_id: String) -> AnyView {
    let app = use_app();
    if !untrack(|| app.list::<Reflection, _>(|m| m.contains_key(&entry_id))) {
        return vec![
            heading("Reflection"),
            para(
                "",
                "This entry is not saved here. It may have been deleted (look in the trash on the Backup screen).",
            ),
            el("p")
                .child(link(Route::Journal.to_fragment(), "See the journal", "button"))
                .into_any(),
        ]
        .into_any();
    }
    let ed = provide_editing::<Reflection>(entry_id);
    let delete = move |_| {
        app.delete(Kind::Reflection, &ed.id.read_value());
        go(&Route::Journal);
    };
    vec![
        el("p")
            .class("back no-print")
            .child(link(Route::Journal.to_fragment(), "All entries", ""))
            .into_any(),
        heading("Reflection"),
        para(
            "lede no-print",
            "Step away first if you need to. Then answer what helps; everything saves as you type.",
        ),
        el("div")
            .class("entry-form no-print")
            .children(entry_form(app))
            .into_any(),
        printed_entry(app),
        el("p")
            .class("actions no-print")
            .child(button("Print this entry", "", None, |_| print_page()))
            .child(button("Delete this entry", "danger", None, delete))
            .into_any(),
    ]
    .into_any()
}

/// The entry's questions, in groups.
fn entry_form(app: AppState) -> Vec<AnyView> {
    vec![
        about(app),
        fieldset(
            "What happened",
            vec![
                answer(
                    "expected",
                    "What was supposed to happen?",
                    |r| &r.expected,
                    |r| &mut r.expected,
                ),
                answer(
                    "happened",
                    "What actually happened?",
                    |r| &r.happened,
                    |r| &mut r.happened,
                ),
                answer(
                    "why",
                    "Why were they different?",
                    |r| &r.why,
                    |r| &mut r.why,
                ),
            ],
        ),
        looking_back(),
        fieldset(
            "Lessons",
            vec![
                answer(
                    "learned",
                    "What did you learn?",
                    |r| &r.learned,
                    |r| &mut r.learned,
                ),
                answer(
                    "system",
                    "What system or process will you put in place?",
                    |r| &r.system,
                    |r| &mut r.system,
                ),
                entry_actions(),
            ],
        ),
        looking_after_yourself(),
        fieldset("Finding it later", vec![tags()]),
    ]
}

/// The date, and the case it is about.
fn about(app: AppState) -> AnyView {
    let date_id = field_id("date");
    let date = date_input(
        date_id.clone(),
        None,
        bind::<Reflection, _>(|r| r.date, |r, v| r.date = v),
    );
    fieldset(
        "About",
        vec![field(date_id, "Date", "", "", date), case_picker(app)],
    )
}

/// What to keep, what to change, and would you do the same again. // G46
fn looking_back() -> AnyView {
    let again = bind::<Reflection, Option<usize>>(
        |r| r.again.map(|a| a as usize),
        |r, i| r.again = i.and_then(|i| Again::ALL.get(i).copied()),
    );
    fieldset(
        "Looking back",
        vec![
            answer(
                "keep",
                "What will you keep doing?",
                |r| &r.keep,
                |r| &mut r.keep,
            ),
            answer(
                "change",
                "What will you change?",
                |r| &r.change,
                |r| &mut r.change,
            ),
            choice_field(
                field_id("again"),
                "Would you do exactly the same again?",
                "",
                "",
                Again::LABELS,
                again,
            ),
            answer("again_why", "Why?", |r| &r.again_why, |r| &mut r.again_why),
        ],
    )
}

/// Mood before and after, and how you are looking after yourself. // G45
fn looking_after_yourself() -> AnyView {
    fieldset(
        "Looking after yourself",
        vec![
            mood(
                "mood_before",
                "How did you feel before writing this?",
                |r| r.mood_before,
                |r, m| r.mood_before = m,
            ),
            care(),
            answer(
                "care_note",
                "A note to yourself",
                |r| &r.care_note,
                |r| &mut r.care_note,
            ),
            mood(
                "mood_after",
                "And now?",
                |r| r.mood_after,
                |r, m| r.mood_after = m,
            ),
        ],
    )
}

pub(super) fn tags() -> AnyView {
    text_field::<Reflection>(
        field_id("tags"),
        "Tags",
        explain("tags"),
        false,
        |r| &r.tags,
        |r| &mut r.tags,
    )
}

/// Which case the entry is about.
fn case_picker(app: AppState) -> AnyView {
    let linked = read::<Reflection, Option<String>>(|r| r.case.clone());
    let set = write::<Reflection>();
    let options = dyn_view(move || {
        let mut cases: Vec<(String, String)> =
            app.cases(|m| m.values().map(|r| (r.id.clone(), r.data.title())).collect());
        crate::model::order::sort_by_key(&mut cases, |c| (0, 0, c.1.to_lowercase()));
        let current = linked();
        let mut opts = vec![el("option").attr("value", "").child("No case").into_any()];
        if let Some(c) = &current
            && !cases.iter().any(|(id, _)| id == c)
        {
            opts.push(
                el("option")
                    .attr("value", c.clone())
                    .attr("selected", "")
                    .child("A case that is no longer here")
                    .into_any(),
            );
        }
        opts.extend(cases.into_iter().map(|(id, title)| {
            let mut o = el("option").attr("value", id.clone()).child(title);
            if current.as_deref() == Some(id.as_str()) {
                o = o.attr("selected", "");
            }
            o.into_any()
        }));
        opts.into_any()
    });
    let to_case = dyn_view(move || match linked() {
        Some(id) if app.cases(|m| m.contains_key(&id)) => el("p")
            .child(link(
                Route::Case {
                    id,
                    stage: Stage::Decide,
                }
                .to_fragment(),
                "Open the case",
                "",
            ))
            .into_any(),
        _ => ().into_any(),
    });
    let select = el("select")
        .attr("id", "reflection-case")
        .on_change(move |ev| {
            let v = event_target_value(&ev);
            set(Box::new(move |r| r.case = (!v.is_empty()).then_some(v)))
        })
        .child(options)
        .into_any();
    vec![
        labelled("reflection-case".into(), "The case it is about", select),
        to_case,
    ]
    .into_any()
}

/// The self-care suggestions, ticked or not. G45
fn care() -> AnyView {
    let items: Vec<AnyView> = CARE
        .iter()
        .enumerate()
        .map(|(i, label)| {
            check_input(
                format!("reflection-care-{i}"),
                label.to_string(),
                bind::<Reflection, bool>(move |r| r.cared(i), move |r, on| r.set_care(i, on)),
            )
        })
        .collect();
    el("fieldset")
        .class("field")
        .child(
            el("legend")
                .child("What have you done to look after yourself?")
                .into_any(),
        )
        .children(items)
        .into_any()
}

/// Reads and writes one of the entry's actions.
fn action_bind<V: Default + 'static>(
    i: usize,
    get: fn(&Action) -> V,
    set: fn(&mut Action, V),
) -> Bind<V> {
    bind::<Reflection, V>(
        move |r| r.actions.get(i).map(get).unwrap_or_default(),
        move |r, v| {
            if let Some(a) = r.actions.get_mut(i) {
                set(a, v)
            }
        },
    )
}

/// The entry's actions: each with an owner, a due date and a status. G36, G37
fn entry_actions() -> AnyView {
    let count = shape::<Reflection>(|r| r.actions.len() as u64);
    let change = write::<Reflection>();
    let add = move |_| {
        let today = today();
        change(Box::new(move |r: &mut Reflection| r.add_action(today)))
    };
    let rows = dyn_view(move || {
        (0..count.get() as usize)
            .map(|i| entry_action(i, change))
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        el("h2").class("subhead").child("Actions").into_any(),
        el("ul").class("plain action-rows").child(rows).into_any(),
        el("p")
            .child(button("Add an action", "", None, add))
            .into_any(),
    ]
    .into_any()
}

fn entry_action(i: usize, change: impl Fn(Change<Reflection>) + Copy + 'static) -> AnyView {
    let id = |key: &str| format!("reflection-action-{i}-{key}");
    let status = action_bind::<Option<usize>>(
        i,
        |a| Some(a.status as usize),
        |a, s| {
            if let Some(s) = s.and_then(|s| ActionStatus::ALL.get(s)) {
                a.status = *s
            }
        },
    );
    let remove = move |_| {
        change(Box::new(move |r: &mut Reflection| {
            if i < r.actions.len() {
                r.actions.remove(i);
            }
        }))
    };
    el("li")
        .class("card")
        .child(labelled(
            id("text"),
            format!("Action {}", i + 1),
            text_input(
                id("text"),
                None,
                false,
                action_bind(i, |a| a.text.clone(), |a, v| a.text = v),
            ),
        ))
        .child(labelled(
            id("owner"),
            "Who does it (or was consulted)",
            text_input(
                id("owner"),
                None,
                false,
                action_bind(i, |a| a.owner.clone(), |a, v| a.owner = v),
            ),
        ))
        .child(labelled(
            id("due"),
            "Due",
            date_input(id("due"), None, action_bind(i, |a| a.due, |a, v| a.due = v)),
        ))
        .child(labelled(
            id("status"),
            "Status",
            select_input(id("status"), None, ActionStatus::LABELS, false, status),
        ))
        .child(button(
            "Remove",
            "",
            Some(format!("Remove action {}", i + 1)),
            remove,
        ))
        .into_any()
}

/// The entry as it prints: each answered question with its answer.
fn printed_entry(app: AppState) -> AnyView {
    let entry = read::<Reflection, Reflection>(Reflection::clone);
    el("div")
        .class("print-only")
        .child(dyn_view(move || {
            let r = entry();
            let case = r
                .case
                .as_ref()
                .and_then(|c| app.cases(|m| m.get(c).map(|x| x.data.title())));
            let rows = r.answers(case.as_deref());
            vec![
                el("p")
                    .class("running-head")
                    .child(format!("Mend · reflection · {}", r.title(case.as_deref())))
                    .into_any(),
                answers(rows),
            ]
            .into_any()
        }))
        .into_any()
}
