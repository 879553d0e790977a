//! The reflection journal (in the later module): the entries with search and filters, the
//! prevention actions from entries and cases in one list, and one entry's questions.
//! G36, G45–G47. The rules (search, filters, the merged list) are in `model::reflection`.

use leptos::prelude::*;

use super::docs::{Doc, Ed, date, decode, editing, fieldset, radios, read, text};
use super::kit::{answers, button, click, dy, dyn_view, el, link, on_change, on_input, para};
use super::state::{AppState, use_app};
use super::{go, replace, today};
use crate::model::case::{Action, ActionStatus};
use crate::model::reflection::{
    ActionRow, Again, CARE, JournalFilter, MOODS, Reflection, Source, all_actions, all_months,
    all_tags, explain,
};
use crate::model::{Case, Date, Stage};
use crate::route::Route;
use crate::store::record::Kind;

impl Doc for Reflection {
    const KIND: Kind = Kind::Reflection;
    fn hint(key: &str) -> &'static str {
        explain(key)
    }
}

/// Every entry, read into its type, with its id and its linked case's title.
fn entries(app: AppState) -> Vec<(String, Reflection, Option<String>)> {
    let list: Vec<(String, Reflection)> = app.reflections.with(|m| {
        m.values()
            .map(|r| (r.id.clone(), decode::<Reflection>(&r.data)))
            .collect()
    });
    list.into_iter()
        .map(|(id, e)| {
            let case = e
                .case
                .as_ref()
                .and_then(|c| app.cases.with(|m| m.get(c).map(|r| r.data.title())));
            (id, e, case)
        })
        .collect()
}

/// Starts an entry (about a case, if given) and puts its address in place of this one, so a
/// reload does not start another.
pub fn new_reflection(case: Option<String>) -> AnyView {
    let app = use_app();
    let id = app.create_doc(
        Kind::Reflection,
        crate::model::json::Json::to_json(&Reflection::new(today(), case)),
    );
    queue_microtask(move || replace(&Route::JournalEntry(id)));
    el("h1").a("tabindex", "-1").st("New reflection").v()
}

pub fn journal_screen() -> AnyView {
    let app = use_app();
    let filter = RwSignal::new(JournalFilter::default());
    let all = Memo::new(move |_| entries(app));
    let found = Memo::new(move |_| {
        let f = filter.get();
        all.with(|list| {
            let mut rows: Vec<(String, Reflection, Option<String>)> = list
                .iter()
                .filter(|(_, e, case)| f.matches(e, case.as_deref()))
                .cloned()
                .collect();
            crate::model::order::sort_by_key(&mut rows, |(id, e, _)| {
                (-(e.date.map_or(0, |d| d.days()) as i64), 0, id.clone())
            });
            rows
        })
    });
    let list = dyn_view(move || {
        let total = all.with(Vec::len);
        if total == 0 {
            return para(
                "empty",
                "No entries yet. When a dispute is over, write one: it takes ten minutes, and the lessons stay with you.",
            );
        }
        let rows = found.get();
        let count = para(
            "muted",
            format!(
                "{} of {total} {}",
                rows.len(),
                if total == 1 { "entry" } else { "entries" }
            ),
        );
        let items: Vec<AnyView> = rows
            .into_iter()
            .map(|(id, e, case)| {
                let mut li = el("li").kid(link(
                    Route::JournalEntry(id).to_fragment(),
                    e.title(case.as_deref()),
                    "",
                ));
                let snippet = e.snippet();
                if !snippet.is_empty() {
                    li = li.kid(el("p").class("muted").text(snippet).v());
                }
                let tags = e.tag_list();
                if !tags.is_empty() {
                    li = li.kid(
                        el("p")
                            .class("tags")
                            .text(format!("Tags: {}", tags.join(", ")))
                            .v(),
                    );
                }
                li.v()
            })
            .collect();
        vec![count, el("ul").class("entries").kids(items).v()].into_any()
    });
    vec![
        el("h1").a("tabindex", "-1").st("Reflection journal").v(),
        para(
            "lede",
            "When a dispute is over, look after yourself first. Then, while it is fresh, ask what you would keep and what you would change, and turn the answer into something you will actually do.",
        ),
        para(
            "",
            "A complaint is about the work, not about you. Treat it as a chance to get better.",
        ),
        el("p")
            .kid(link(
                Route::NewReflection(None).to_fragment(),
                "New reflection",
                "button primary",
            ))
            .v(),
        actions_section(app),
        el("section")
            .a("aria-labelledby", "entries-h")
            .kid(el("h2").a("id", "entries-h").st("Entries").v())
            .kid(filters(filter, all))
            .kid(list)
            .v(),
    ]
    .into_any()
}

/// Search and the four filters.
fn filters(
    filter: RwSignal<JournalFilter>,
    all: Memo<Vec<(String, Reflection, Option<String>)>>,
) -> AnyView {
    let search = el("input")
        .a("type", "search")
        .a("id", "journal-search")
        .a("autocomplete", "off")
        .on_input(on_input(move |ev| {
            let v = event_target_value(&ev);
            filter.update(|f| f.text = v)
        }))
        .v();
    let pick = move |id: &'static str,
                     label: &'static str,
                     options: Vec<(String, String)>,
                     set: fn(&mut JournalFilter, String)| {
        let mut opts = vec![el("option").a("value", "").st("All").v()];
        opts.extend(
            options
                .into_iter()
                .map(|(value, text)| el("option").at("value", value).text(text).v()),
        );
        el("div")
            .class("field")
            .kid(el("label").a("for", id).st(label).v())
            .kid(
                el("select")
                    .a("id", id)
                    .on_change(on_change(move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| set(f, v))
                    }))
                    .kids(opts)
                    .v(),
            )
            .v()
    };
    let selects = dyn_view(move || {
        let (tags, months, cases) = all.with(|list| {
            let entries: Vec<&Reflection> = list.iter().map(|(_, e, _)| e).collect();
            let mut cases: Vec<(String, String)> = Vec::new();
            for (_, e, title) in list {
                if let (Some(c), Some(t)) = (&e.case, title)
                    && !cases.iter().any(|(id, _)| id == c)
                {
                    cases.push((c.clone(), t.clone()));
                }
            }
            (
                all_tags(entries.iter().copied()),
                all_months(entries.iter().copied()),
                cases,
            )
        });
        el("div")
            .class("filters")
            .kid(pick(
                "journal-tag",
                "Tag",
                tags.into_iter().map(|t| (t.clone(), t)).collect(),
                |f, v| f.tag = v,
            ))
            .kid(pick("journal-case", "Case", cases, |f, v| f.case = v))
            .kid(pick(
                "journal-month",
                "Month",
                months
                    .into_iter()
                    .map(|m| {
                        let label = Date::month_name(&m);
                        (m, label)
                    })
                    .collect(),
                |f, v| f.month = v,
            ))
            .kid(pick(
                "journal-again",
                "Would do the same again",
                Again::ALL
                    .iter()
                    .map(|a| (a.key().to_string(), a.label().to_string()))
                    .collect(),
                |f, v| f.again = Again::ALL.iter().copied().find(|a| a.key() == v),
            ))
            .v()
    });
    vec![
        el("div")
            .class("field no-print")
            .kid(
                el("label")
                    .a("for", "journal-search")
                    .st("Search the journal")
                    .v(),
            )
            .kid(search)
            .v(),
        selects,
    ]
    .into_any()
}

/// The prevention actions from every entry and every case, in one list. G36, G41.
fn actions_section(app: AppState) -> AnyView {
    let rows = Memo::new(move |_| {
        let entries = entries(app);
        app.cases.with(|m| {
            let cases: Vec<(&str, &Case)> = m.values().map(|r| (r.id.as_str(), &r.data)).collect();
            all_actions(
                cases,
                entries
                    .iter()
                    .map(|(id, e, case)| (id.as_str(), e, e.title(case.as_deref()))),
                today(),
            )
        })
    });
    let body = dyn_view(move || {
        let list = rows.get();
        if list.is_empty() {
            return para(
                "muted",
                "None yet. A system to put in place, in an entry or on a case's Prevent stage, becomes an action here.",
            );
        }
        let open = list
            .iter()
            .filter(|r| r.action.status != ActionStatus::Done)
            .count();
        let overdue = list.iter().filter(|r| r.overdue).count();
        let mut summary = format!("{open} open");
        if overdue > 0 {
            summary.push_str(&format!(", {overdue} overdue"));
        }
        vec![
            para("muted", summary),
            el("ul")
                .class("actions-list")
                .kids(
                    list.into_iter()
                        .enumerate()
                        .map(|(n, r)| action_line(app, n, r))
                        .collect(),
                )
                .v(),
        ]
        .into_any()
    });
    el("section")
        .a("aria-labelledby", "actions-h")
        .kid(el("h2").a("id", "actions-h").st("Prevention actions").v())
        .kid(body)
        .v()
}

fn action_line(app: AppState, n: usize, row: ActionRow) -> AnyView {
    let ActionRow {
        source,
        from,
        index,
        action,
        overdue,
    } = row;
    let href = match &source {
        Source::Case(id) => Route::Case {
            id: id.clone(),
            stage: Stage::Prevent,
        },
        Source::Reflection(id) => Route::JournalEntry(id.clone()),
    }
    .to_fragment();
    let select_id = format!("action-{n}-status");
    let current = action.status;
    let options: Vec<AnyView> = ActionStatus::ALL
        .iter()
        .map(|s| {
            let mut o = el("option").at("value", s.key().to_string()).st(s.label());
            if *s == current {
                o = o.a("selected", "");
            }
            o.v()
        })
        .collect();
    let select = el("select")
        .at("id", select_id.clone())
        .on_change(on_change(move |ev| {
            let v = event_target_value(&ev);
            let Some(status) = ActionStatus::ALL.iter().copied().find(|s| s.key() == v) else {
                return;
            };
            set_status(app, &source, index, status);
        }))
        .kids(options)
        .v();
    let mut meta = vec![from];
    if !action.owner.trim().is_empty() {
        meta.push(format!("with {}", action.owner.trim()));
    }
    if let Some(due) = action.due {
        meta.push(format!("due {}", due.human()));
    }
    let mut li = el("li").class(if current == ActionStatus::Done {
        "done"
    } else if overdue {
        "overdue"
    } else {
        ""
    });
    if overdue {
        li = li.kid(el("strong").class("badge danger").st("Overdue").v());
    } else if current == ActionStatus::Done {
        li = li.kid(el("span").class("badge ok").st("Done").v());
    }
    li.kid(
        el("span")
            .class("action-text")
            .text(action.text.clone())
            .v(),
    )
    .kid(
        el("span")
            .class("muted")
            .text(" · ")
            .kid(link(href, meta.join(" · "), ""))
            .v(),
    )
    .kid(
        el("span")
            .class("field inline")
            .kid(
                el("label")
                    .at("for", select_id)
                    .text(format!("Status of “{}”", action.text))
                    .class("visually-hidden")
                    .v(),
            )
            .kid(select)
            .v(),
    )
    .v()
}

/// Writes an action's status back where the action lives.
fn set_status(app: AppState, source: &Source, index: usize, status: ActionStatus) {
    let apply = move |actions: &mut Vec<Action>| {
        if let Some(a) = actions.get_mut(index) {
            a.status = status;
        }
    };
    match source {
        Source::Case(id) => app.update_case(id, move |c| apply(&mut c.prevent.actions)),
        Source::Reflection(id) => {
            app.update_doc::<Reflection>(Kind::Reflection, id, move |r| apply(&mut r.actions))
        }
    }
}

/// One entry: its questions, its actions, and a printable copy.
pub fn entry_screen(entry_id: String) -> AnyView {
    let app = use_app();
    if !app
        .reflections
        .with_untracked(|m| m.contains_key(&entry_id))
    {
        return vec![
            el("h1").a("tabindex", "-1").st("Reflection").v(),
            para(
                "",
                "This entry is not saved here. It may have been deleted (look in the trash on the Backup screen).",
            ),
            el("p")
                .kid(link(Route::Journal.to_fragment(), "See the journal", "button"))
                .v(),
        ]
        .into_any();
    }
    let ed = editing::<Reflection>(entry_id);
    let mood = |key, legend, get, set| radios(ed, key, legend, &MOODS, get, set);
    let form = vec![
        fieldset(
            "About",
            vec![
                date(ed, "date", "Date", |r| r.date, |r, v| r.date = v),
                case_picker(app, ed),
            ],
        ),
        fieldset(
            "What happened",
            vec![
                text(
                    ed,
                    "expected",
                    "What was supposed to happen?",
                    true,
                    |r| r.expected.clone(),
                    |r, v| r.expected = v,
                ),
                text(
                    ed,
                    "happened",
                    "What actually happened?",
                    true,
                    |r| r.happened.clone(),
                    |r, v| r.happened = v,
                ),
                text(
                    ed,
                    "why",
                    "Why were they different?",
                    true,
                    |r| r.why.clone(),
                    |r, v| r.why = v,
                ),
            ],
        ),
        fieldset(
            "Looking back",
            vec![
                text(
                    ed,
                    "keep",
                    "What will you keep doing?",
                    true,
                    |r| r.keep.clone(),
                    |r, v| r.keep = v,
                ),
                text(
                    ed,
                    "change",
                    "What will you change?",
                    true,
                    |r| r.change.clone(),
                    |r, v| r.change = v,
                ),
                radios(
                    ed,
                    "again",
                    "Would you do exactly the same again?",
                    Again::LABELS,
                    |r| r.again.map_or(usize::MAX, |a| a as usize),
                    |r, i| r.again = Again::ALL.get(i).copied(),
                ),
                text(
                    ed,
                    "again_why",
                    "Why?",
                    true,
                    |r| r.again_why.clone(),
                    |r, v| r.again_why = v,
                ),
            ],
        ),
        fieldset(
            "Lessons",
            vec![
                text(
                    ed,
                    "learned",
                    "What did you learn?",
                    true,
                    |r| r.learned.clone(),
                    |r, v| r.learned = v,
                ),
                text(
                    ed,
                    "system",
                    "What system or process will you put in place?",
                    true,
                    |r| r.system.clone(),
                    |r, v| r.system = v,
                ),
                entry_actions(app, ed),
            ],
        ),
        fieldset(
            "Looking after yourself",
            vec![
                mood(
                    "mood_before",
                    "How did you feel before writing this?",
                    |r: &Reflection| {
                        r.mood_before
                            .map_or(usize::MAX, |m| (m as usize).wrapping_sub(1))
                    },
                    |r: &mut Reflection, i: usize| r.mood_before = Some(i as u32 + 1),
                ),
                care(app, ed),
                text(
                    ed,
                    "care_note",
                    "A note to yourself",
                    true,
                    |r| r.care_note.clone(),
                    |r, v| r.care_note = v,
                ),
                mood(
                    "mood_after",
                    "And now?",
                    |r: &Reflection| {
                        r.mood_after
                            .map_or(usize::MAX, |m| (m as usize).wrapping_sub(1))
                    },
                    |r: &mut Reflection, i: usize| r.mood_after = Some(i as u32 + 1),
                ),
            ],
        ),
        fieldset(
            "Finding it later",
            vec![text(
                ed,
                "tags",
                "Tags",
                false,
                |r| r.tags.clone(),
                |r, v| r.tags = v,
            )],
        ),
    ];
    let delete = click(move |_| {
        app.delete(Kind::Reflection, &ed.id.read_value());
        go(&Route::Journal);
    });
    let print = click(|_| {
        let _ = window().print();
    });
    vec![
        el("p")
            .class("back no-print")
            .kid(link(Route::Journal.to_fragment(), "All entries", ""))
            .v(),
        el("h1").a("tabindex", "-1").st("Reflection").v(),
        para(
            "lede no-print",
            "Step away first if you need to. Then answer what helps; everything saves as you type.",
        ),
        el("div").class("entry-form no-print").kids(form).v(),
        printed_entry(app, ed),
        el("p")
            .class("actions no-print")
            .kid(button("Print this entry", "", None, print))
            .kid(button("Delete this entry", "danger", None, delete))
            .v(),
    ]
    .into_any()
}

/// Which case the entry is about.
fn case_picker(app: AppState, ed: Ed<Reflection>) -> AnyView {
    let linked = read(ed, |r| r.case.clone());
    let options = dyn_view(move || {
        let mut cases: Vec<(String, String)> = app
            .cases
            .with(|m| m.values().map(|r| (r.id.clone(), r.data.title())).collect());
        crate::model::order::sort_by_key(&mut cases, |c| (0, 0, c.1.to_lowercase()));
        let current = linked();
        let mut opts = vec![el("option").a("value", "").st("No case").v()];
        if let Some(c) = &current
            && !cases.iter().any(|(id, _)| id == c)
        {
            opts.push(
                el("option")
                    .at("value", c.clone())
                    .a("selected", "")
                    .st("A case that is no longer here")
                    .v(),
            );
        }
        opts.extend(cases.into_iter().map(|(id, title)| {
            let mut o = el("option").at("value", id.clone()).text(title);
            if current.as_deref() == Some(id.as_str()) {
                o = o.a("selected", "");
            }
            o.v()
        }));
        opts.into_any()
    });
    let to_case = dyn_view(move || match linked() {
        Some(id) if app.cases.with(|m| m.contains_key(&id)) => el("p")
            .kid(link(
                Route::Case {
                    id,
                    stage: Stage::Decide,
                }
                .to_fragment(),
                "Open the case",
                "",
            ))
            .v(),
        _ => ().into_any(),
    });
    vec![
        el("div")
            .class("field")
            .kid(
                el("label")
                    .a("for", "reflection-case")
                    .st("The case it is about")
                    .v(),
            )
            .kid(
                el("select")
                    .a("id", "reflection-case")
                    .on_change(on_change(move |ev| {
                        let v = event_target_value(&ev);
                        app.update_doc::<Reflection>(
                            Kind::Reflection,
                            &ed.id.read_value(),
                            move |r| r.case = (!v.is_empty()).then_some(v),
                        )
                    }))
                    .kid(options)
                    .v(),
            )
            .v(),
        to_case,
    ]
    .into_any()
}

/// The self-care suggestions, ticked or not. G45
fn care(app: AppState, ed: Ed<Reflection>) -> AnyView {
    let items: Vec<AnyView> = CARE
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let id = format!("reflection-care-{i}");
            el("label")
                .class("check")
                .at("for", id.clone())
                .kid(
                    el("input")
                        .a("type", "checkbox")
                        .at("id", id)
                        .flag("checked", dy(move || ed.doc.with(|r| r.cared(i))))
                        .on_change(on_change(move |ev| {
                            let on = event_target_checked(&ev);
                            app.update_doc::<Reflection>(
                                Kind::Reflection,
                                &ed.id.read_value(),
                                move |r| r.set_care(i, on),
                            )
                        }))
                        .v(),
                )
                .kid(el("span").st(label).v())
                .v()
        })
        .collect();
    el("fieldset")
        .class("field")
        .kid(
            el("legend")
                .st("What have you done to look after yourself?")
                .v(),
        )
        .kids(items)
        .v()
}

/// The entry's actions: each with an owner, a due date and a status. G36, G37
fn entry_actions(app: AppState, ed: Ed<Reflection>) -> AnyView {
    let count = Memo::new(move |_| ed.doc.with(|r| r.actions.len()));
    let change = move |f: Box<dyn FnOnce(&mut Reflection)>| {
        app.update_doc::<Reflection>(Kind::Reflection, &ed.id.read_value(), f)
    };
    let add = click(move |_| {
        change(Box::new(|r: &mut Reflection| {
            let first = r.actions.is_empty();
            r.actions.push(Action {
                // The first action starts from the system just described.
                text: if first {
                    r.system.trim().to_string()
                } else {
                    String::new()
                },
                due: Some(today().add_days(14)),
                ..Action::default()
            })
        }))
    });
    let rows = dyn_view(move || {
        let n = count.get();
        (0..n)
            .map(|i| {
                let field = |key: &str| format!("reflection-action-{i}-{key}");
                let text_box = |key: &'static str,
                                label: String,
                                get: fn(&Action) -> String,
                                set: fn(&mut Action, String)| {
                    el("div")
                        .class("field")
                        .kid(el("label").at("for", field(key)).text(label).v())
                        .kid(
                            el("input")
                                .a("type", "text")
                                .a("autocomplete", "off")
                                .at("id", field(key))
                                .value(dy(get_value(ed, i, get)))
                                .on_input(on_input(move |ev| {
                                    let v = event_target_value(&ev);
                                    change(Box::new(move |r: &mut Reflection| {
                                        if let Some(a) = r.actions.get_mut(i) {
                                            set(a, v)
                                        }
                                    }))
                                }))
                                .v(),
                        )
                        .v()
                };
                let due = dy(move || {
                    ed.doc.with(|r| {
                        r.actions
                            .get(i)
                            .and_then(|a| a.due)
                            .map(|d| d.iso())
                            .unwrap_or_default()
                    })
                });
                let status_now = ed
                    .doc
                    .with_untracked(|r| r.actions.get(i).map(|a| a.status));
                let statuses: Vec<AnyView> = ActionStatus::ALL
                    .iter()
                    .map(|s| {
                        let mut o = el("option").at("value", s.key().to_string()).st(s.label());
                        if Some(*s) == status_now {
                            o = o.a("selected", "");
                        }
                        o.v()
                    })
                    .collect();
                el("li")
                    .class("card")
                    .kid(text_box(
                        "text",
                        format!("Action {}", i + 1),
                        |a| a.text.clone(),
                        |a, v| a.text = v,
                    ))
                    .kid(text_box(
                        "owner",
                        "Who does it (or was consulted)".into(),
                        |a| a.owner.clone(),
                        |a, v| a.owner = v,
                    ))
                    .kid(
                        el("div")
                            .class("field")
                            .kid(el("label").at("for", field("due")).st("Due").v())
                            .kid(
                                el("input")
                                    .a("type", "date")
                                    .at("id", field("due"))
                                    .value(due)
                                    .on_change(on_change(move |ev| {
                                        let d = Date::parse(&event_target_value(&ev));
                                        change(Box::new(move |r: &mut Reflection| {
                                            if let Some(a) = r.actions.get_mut(i) {
                                                a.due = d
                                            }
                                        }))
                                    }))
                                    .v(),
                            )
                            .v(),
                    )
                    .kid(
                        el("div")
                            .class("field")
                            .kid(el("label").at("for", field("status")).st("Status").v())
                            .kid(
                                el("select")
                                    .at("id", field("status"))
                                    .on_change(on_change(move |ev| {
                                        let v = event_target_value(&ev);
                                        if let Some(s) =
                                            ActionStatus::ALL.iter().copied().find(|s| s.key() == v)
                                        {
                                            change(Box::new(move |r: &mut Reflection| {
                                                if let Some(a) = r.actions.get_mut(i) {
                                                    a.status = s
                                                }
                                            }))
                                        }
                                    }))
                                    .kids(statuses)
                                    .v(),
                            )
                            .v(),
                    )
                    .kid(button(
                        "Remove",
                        "",
                        Some(format!("Remove action {}", i + 1)),
                        click(move |_| {
                            change(Box::new(move |r: &mut Reflection| {
                                if i < r.actions.len() {
                                    r.actions.remove(i);
                                }
                            }))
                        }),
                    ))
                    .v()
            })
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        el("h2").class("subhead").st("Actions").v(),
        el("ul").class("plain action-rows").kid(rows).v(),
        el("p").kid(button("Add an action", "", None, add)).v(),
    ]
    .into_any()
}

fn get_value(
    ed: Ed<Reflection>,
    i: usize,
    get: fn(&Action) -> String,
) -> impl Fn() -> String + Send + 'static {
    move || {
        ed.doc
            .with(|r| r.actions.get(i).map(get).unwrap_or_default())
    }
}

/// The entry as it prints: each answered question with its answer.
fn printed_entry(app: AppState, ed: Ed<Reflection>) -> AnyView {
    el("div")
        .class("print-only")
        .kid(dyn_view(move || {
            let r = ed.doc.get();
            let case = r
                .case
                .as_ref()
                .and_then(|c| app.cases.with(|m| m.get(c).map(|x| x.data.title())));
            let mut rows: Vec<(&str, String)> = vec![
                ("Date", r.date.map(|d| d.human()).unwrap_or_default()),
                ("The case", case.clone().unwrap_or_default()),
                ("What was supposed to happen", r.expected.clone()),
                ("What actually happened", r.happened.clone()),
                ("Why they differed", r.why.clone()),
                ("Keep doing", r.keep.clone()),
                ("Change", r.change.clone()),
                (
                    "Would I do exactly the same again?",
                    r.again
                        .map(|a| format!("{}. {}", a.label(), r.again_why.trim()))
                        .unwrap_or_default(),
                ),
                ("What I learned", r.learned.clone()),
                ("System to put in place", r.system.clone()),
                (
                    "Actions",
                    r.actions
                        .iter()
                        .filter(|a| !a.text.trim().is_empty())
                        .map(|a| format!("{} ({})", a.text.trim(), a.status.label()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                (
                    "Looking after myself",
                    CARE.iter()
                        .zip(r.care.iter())
                        .filter(|(_, on)| **on)
                        .map(|(c, _)| c.to_string())
                        .chain(Some(r.care_note.trim().to_string()).filter(|n| !n.is_empty()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                (
                    "Mood",
                    match (r.mood_before, r.mood_after) {
                        (None, None) => String::new(),
                        (b, a) => {
                            let m = |v: Option<u32>| {
                                v.and_then(|v| (v as usize).checked_sub(1))
                                    .and_then(|i| MOODS.get(i))
                                    .copied()
                                    .unwrap_or("?")
                            };
                            format!("before: {}; after: {}", m(b), m(a))
                        }
                    },
                ),
                ("Tags", r.tag_list().join(", ")),
            ];
            rows.retain(|(_, v)| !v.trim().is_empty());
            vec![
                el("p")
                    .class("running-head")
                    .text(format!("Mend · reflection · {}", r.title(case.as_deref())))
                    .v(),
                answers(rows),
            ]
            .into_any()
        }))
        .v()
}
