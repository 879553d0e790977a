//! Home, the cases list, and starting a case (a new one, or the worked example).

use leptos::prelude::*;

use super::backup::export_nudge_view;
use super::kit::{button, click, dyn_text, dyn_view, el, link, on_change, on_input, para, when};
use super::state::{AppState, local_offset_minutes, now_ms, use_app};
use super::{go, replace, today};
use crate::model::case::{Outcome, Severity};
use crate::model::example::worked_example;
use crate::model::worksheet::{
    CaseFilter, StatusFilter, attention_key, next_step, overdue_check_ins, progress,
};
use crate::model::{Case, Date, Record, Stage};
use crate::route::Route;
use leptos::prelude::AnyView;

/// One case as the lists show it.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: String,
    disputed: String,
    severity: Option<Severity>,
    outcome: Option<Outcome>,
    next: Option<(Stage, &'static str)>,
    done: usize,
    overdue: usize,
    received: Option<Date>,
    example: bool,
}

fn row(r: &Record<Case>, t: Date) -> Row {
    let c = &r.data;
    Row {
        id: r.id.clone(),
        title: c.title(),
        disputed: crate::model::text::excerpt(&c.disputed, 140),
        severity: c.severity,
        outcome: c.decide.outcome,
        next: next_step(c),
        done: progress(c),
        overdue: overdue_check_ins(c, t).len(),
        received: c.received,
        example: c.example,
    }
}

/// Cases matching `filter`, what needs attention first.
fn sorted_rows(app: AppState, filter: impl Fn(&Case) -> bool) -> Vec<Row> {
    let t = today();
    let offset = local_offset_minutes();
    app.cases.with(|m| {
        let mut list: Vec<(&Record<Case>, (u8, i32))> = m
            .values()
            .filter(|r| filter(&r.data))
            .map(|r| {
                (
                    r,
                    attention_key(&r.data, Date::from_timestamp(r.created, offset), t),
                )
            })
            .collect();
        crate::model::order::sort_by_key(&mut list, |(r, k)| {
            (i64::from(k.0), i64::from(k.1), r.id.clone())
        });
        list.into_iter().map(|(r, _)| row(r, t)).collect()
    })
}

/// Opens a new case in the user's currency.
pub fn start_case(app: AppState) -> String {
    let currency = app.settings.with_untracked(|s| s.data.currency.clone());
    app.create_case(Case::new(&currency))
}

/// Adds the worked example and opens it.
fn open_example(app: AppState) {
    let id = app.create_case(worked_example(today(), now_ms()));
    go(&Route::Case {
        id,
        stage: Stage::Case,
    });
}

fn case_row(row: Row) -> AnyView {
    let stage = row.next.map_or(Stage::Summary, |(stage, _)| stage);
    let href = Route::Case {
        id: row.id.clone(),
        stage,
    }
    .to_fragment();
    let status = match (row.outcome, row.next) {
        (Some(o), _) => format!("Closed: {}", o.label()),
        (None, Some((stage, what))) => format!("Next: {} — {}", stage.title(), what),
        (None, None) => "Every stage done".into(),
    };
    let mut meta = format!("{status} · {} of 10 stages done", row.done);
    if let Some(d) = row.received {
        meta.push_str(&format!(" · arrived {}", d.human()));
    }
    let mut li = el("li").class("case-row").kid(
        el("a")
            .at("href", href)
            .class("case-link")
            .text(row.title)
            .v(),
    );
    if row.example {
        li = li.kid(el("span").class("badge").st("Example").v());
    }
    if let Some(s) = row.severity {
        li = li.kid(
            el("span")
                .class("badge")
                .a("data-severity", s.key())
                .st(s.label())
                .v(),
        );
    }
    if row.overdue > 0 {
        li = li.kid(el("span").class("badge warn").st("Check-in overdue").v());
    }
    if !row.disputed.is_empty() {
        li = li.kid(el("p").class("disputed").text(row.disputed).v());
    }
    li.kid(el("p").class("meta").text(meta).v()).v()
}

/// The rows as a list that follows the state.
fn case_list(rows: Memo<Vec<Row>>) -> AnyView {
    let items = dyn_view(move || {
        rows.get()
            .into_iter()
            .map(case_row)
            .collect::<Vec<_>>()
            .into_any()
    });
    el("ul").class("case-list").kid(items).v()
}

/// What the empty state says, with the way in.
fn empty_state() -> AnyView {
    let app = use_app();
    el("div")
        .class("empty card")
        .kid(el("h2").st("No cases yet").v())
        .kid(para(
            "",
            "When a client is unhappy, open a case. Mend walks you through it one stage at a time: the facts, your numbers, reaching out, listening, saying it back, working out what happened, agreeing a remedy, following up, preventing a repeat, and deciding how it ends.",
        ))
        .kid(el("p").class("actions").kid(button("Open an example case", "", None, click(move |_| open_example(app)))).v())
        .kid(para("muted", "The example is clearly marked, and you can delete it whenever you like."))
        .v()
}

/// How many open cases Home lists.
const HOME_CASES: usize = 8;

pub fn home() -> AnyView {
    let app = use_app();
    let all_open = Memo::new(move |_| sorted_rows(app, |c| !c.is_closed()));
    // Home shows the few that need attention first; the Cases screen has them all. A long
    // list here would bury the next step and slow every start.
    let open = Memo::new(move |_| {
        all_open.with(|l: &Vec<Row>| l.iter().take(HOME_CASES).cloned().collect::<Vec<Row>>())
    });
    let overdue = Memo::new(move |_| {
        let t = today();
        app.cases.with(|m| {
            let mut list: Vec<(Date, String, String, String)> = m
                .values()
                .flat_map(|r| {
                    overdue_check_ins(&r.data, t)
                        .into_iter()
                        .filter_map(|ci| {
                            Some((ci.due?, r.id.clone(), r.data.title(), ci.note.clone()))
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            crate::model::order::sort_by_key(&mut list, |x| {
                (i64::from(x.0.days()), 0, x.1.clone())
            });
            list
        })
    });
    let any = Memo::new(move |_| app.cases.with(|m| !m.is_empty()));
    // G46: one quiet suggestion to reflect on a closed case; never more than one at a time.
    let nudge = Memo::new(move |_| {
        let reflected: Vec<String> = app.reflections.with(|m| {
            m.values()
                .filter_map(|r| {
                    r.data
                        .get("case")
                        .and_then(|c| c.as_str())
                        .map(String::from)
                })
                .collect()
        });
        let reflected: Vec<&str> = reflected.iter().map(String::as_str).collect();
        let dismissed = app.settings.with(|s| s.data.dismissed_nudges.clone());
        app.cases.with(|m| {
            crate::model::reflection::nudge(
                m.values().map(|r| (r.id.as_str(), &r.data)),
                &reflected,
                &dismissed,
                today(),
            )
        })
    });
    let nudge_view = dyn_view(move || {
        let Some((id, title)) = nudge.get() else {
            return ().into_any();
        };
        let reflect = Route::NewReflection(Some(id.clone())).to_fragment();
        el("section")
            .class("card nudge")
            .a("aria-labelledby", "nudge-h")
            .kid(el("h2").a("id", "nudge-h").st("A moment to reflect").v())
            .kid(para(
                "",
                format!("You closed the case with {title} a few days ago. Ten quiet minutes now turn it into something useful: what you would keep, and what you would change."),
            ))
            .kid(
                el("p")
                    .class("actions")
                    .kid(link(reflect, "Reflect on it", "button primary"))
                    .kid(button(
                        "Not now",
                        "",
                        Some(format!("Not now: do not suggest reflecting on {title} again")),
                        click(move |_| {
                            let id = id.clone();
                            app.update_settings(move |s| s.dismissed_nudges.push(id))
                        }),
                    ))
                    .v(),
            )
            .v()
    });
    let overdue_view = dyn_view(move || {
        let list = overdue.get();
        if list.is_empty() {
            return ().into_any();
        }
        let items: Vec<AnyView> = list
            .into_iter()
            .map(|(due, id, title, note)| {
                let href = Route::Case {
                    id,
                    stage: Stage::FollowUp,
                }
                .to_fragment();
                let mut line = format!(" · due {}", due.human());
                if !note.trim().is_empty() {
                    line.push_str(&format!(": {note}"));
                }
                el("li").kid(link(href, title, "")).text(line).v()
            })
            .collect();
        el("section")
            .class("card attention")
            .a("aria-labelledby", "overdue-h")
            .kid(el("h2").a("id", "overdue-h").st("Check-ins overdue").v())
            .kid(el("ul").class("plain").kids(items).v())
            .v()
    });
    let cases = dyn_view(move || {
        if !any.get() {
            return empty_state();
        }
        el("section")
            .a("aria-labelledby", "open-h")
            .kid(el("h2").a("id", "open-h").st("Open cases").v())
            .kid(when(
                move || open.read().is_empty(),
                || para("muted", "No open cases. Well done."),
            ))
            .kid(case_list(open))
            .kid(when(
                move || all_open.with(Vec::len) > HOME_CASES,
                move || {
                    let n = all_open.with(Vec::len);
                    para(
                        "muted",
                        format!("These are the {HOME_CASES} of your {n} open cases that need attention first."),
                    )
                },
            ))
            .kid(
                el("p")
                    .kid(link(
                        Route::Cases.to_fragment(),
                        "All cases, with search and filters",
                        "",
                    ))
                    .v(),
            )
            .v()
    });
    vec![
        el("h1").a("tabindex", "-1").st("Handle an unhappy client, calmly").v(),
        para(
            "lede",
            "One dispute at a time: know your numbers, listen, say it back, agree something fair, and learn from it. Everything stays in this browser.",
        ),
        el("p").kid(link(Route::NewCase.to_fragment(), "New case", "button primary big")).v(),
        export_nudge_view(true),
        overdue_view,
        nudge_view,
        cases,
        // Last: the browser offers installing a moment after start, and nothing above may move.
        super::pwa::install_offer(),
    ]
    .into_any()
}

/// A select for a filter, from (value, label) pairs.
fn filter_select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    change: super::kit::OnEvent,
) -> AnyView {
    let options: Vec<AnyView> = options
        .into_iter()
        .map(|(v, l)| el("option").at("value", v).text(l).v())
        .collect();
    el("div")
        .class("field")
        .kid(el("label").a("for", id).st(label).v())
        .kid(el("select").a("id", id).on_change(change).kids(options).v())
        .v()
}

pub fn cases_list() -> AnyView {
    let app = use_app();
    let filter = RwSignal::new(CaseFilter::default());
    let rows = Memo::new(move |_| {
        let f = filter.get();
        sorted_rows(app, |c| f.matches(c))
    });
    let any = Memo::new(move |_| app.cases.with(|m| !m.is_empty()));
    let body = dyn_view(move || {
        if !any.get() {
            return empty_state();
        }
        let mut clients: Vec<(String, String)> = app.cases.with_untracked(|m| {
            m.values()
                .filter(|r| !r.data.client.match_key().is_empty())
                .map(|r| (r.data.client.match_key(), r.data.client.display()))
                .collect()
        });
        crate::model::order::sort_by_key(&mut clients, |c| crate::model::order::text(&c.0));
        clients.dedup_by(|a, b| a.0 == b.0);
        clients.insert(0, (String::new(), "Any".into()));
        let statuses = [("all", "All"), ("open", "Open"), ("closed", "Closed")]
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect();
        let severities = std::iter::once((String::new(), "Any".to_string()))
            .chain(
                Severity::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (i.to_string(), s.label().to_string())),
            )
            .collect();
        let search = el("div")
            .class("field")
            .kid(el("label").a("for", "case-search").st("Search").v())
            .kid(
                el("input")
                    .a("id", "case-search")
                    .a("type", "search")
                    .a("placeholder", "Client, what happened, words…")
                    .on_input(on_input(move |ev| {
                        filter.update(|f| f.query = event_target_value(&ev))
                    }))
                    .v(),
            )
            .v();
        let count = dyn_text(move || {
            let n = rows.read().len();
            format!(
                "{n} {} shown, what needs attention first.",
                if n == 1 { "case" } else { "cases" }
            )
        });
        vec![
            el("div")
                .class("filters")
                .a("role", "search")
                .a("aria-label", "Find cases")
                .kid(search)
                .kid(filter_select(
                    "filter-status",
                    "Status",
                    statuses,
                    on_change(move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| {
                            f.status = match v.as_str() {
                                "open" => StatusFilter::Open,
                                "closed" => StatusFilter::Closed,
                                _ => StatusFilter::All,
                            }
                        })
                    }),
                ))
                .kid(filter_select(
                    "filter-severity",
                    "Severity",
                    severities,
                    on_change(move |ev| {
                        let v = event_target_value(&ev).parse::<usize>().ok();
                        filter
                            .update(|f| f.severity = v.and_then(|i| Severity::ALL.get(i).copied()))
                    }),
                ))
                .kid(filter_select(
                    "filter-client",
                    "Client",
                    clients,
                    on_change(move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.client = (!v.is_empty()).then_some(v))
                    }),
                ))
                .v(),
            el("p").class("muted").a("role", "status").kid(count).v(),
            case_list(rows),
        ]
        .into_any()
    });
    vec![
        el("h1").a("tabindex", "-1").st("Cases").v(),
        el("p")
            .kid(link(
                Route::NewCase.to_fragment(),
                "New case",
                "button primary",
            ))
            .v(),
        body,
    ]
    .into_any()
}

/// `#/cases/new`: creates a case and moves to it, replacing the address so a reload does
/// not create another.
pub fn new_case() -> AnyView {
    let app = use_app();
    let id = start_case(app);
    // After this render: switching screens from inside a render is not allowed.
    queue_microtask(move || {
        replace(&Route::Case {
            id,
            stage: Stage::Case,
        })
    });
    el("h1").a("tabindex", "-1").st("New case").v()
}
