//! Home and the cases list: what needs attention first, and every case.

use crate::model::case::{Outcome, Severity};
use crate::model::date::days_ago;
use crate::model::example::worked_example;
use crate::model::reflection::Reflection;
use crate::model::worksheet::{
    CaseFilter, StatusFilter, attention_key, next_step, overdue_check_ins, overdue_list, progress,
};
use crate::model::{Case, Date, Record, Stage};
use crate::route::Route;
use crate::ui::browser::nav::{go, replace};
use crate::ui::browser::time::{local_offset_minutes, now_ms, today};
use crate::ui::kit::calendar::{Dates, calendar_button};
use crate::ui::kit::export::export_nudge_view;
use crate::ui::kit::inputs::filter_select;
use crate::ui::kit::{button, card, dyn_text, dyn_view, el, heading, link, para, when};
use crate::ui::state::{AppState, use_app};
use leptos::prelude::AnyView;
use leptos::prelude::*;

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
    /// Days since the last logged conversation. // G34
    last_contact: Option<i32>,
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
        last_contact: c.days_since_contact(t, local_offset_minutes()),
        example: c.example,
    }
}

/// Cases matching `filter`, what needs attention first.
fn sorted_rows(app: AppState, filter: impl Fn(&Case) -> bool) -> Vec<Row> {
    let t = today();
    let offset = local_offset_minutes();
    app.cases(|m| {
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
    let currency = untrack(|| app.settings()).currency;
    app.create(Case::new(&currency))
}

/// Adds the worked example and opens it.
fn open_example(app: AppState) {
    let id = app.create(worked_example(today(), now_ms()));
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
    let mut meta = format!("{status} · {}", Stage::done_of_all(row.done));
    if let Some(d) = row.received {
        meta.push_str(&format!(" · arrived {}", d.human()));
    }
    if let Some(n) = row.last_contact {
        meta.push_str(&format!(" · last spoke {}", days_ago(n)));
    }
    let mut li = el("li").class("case-row").child(
        el("a")
            .attr("href", href)
            .class("case-link")
            .child(row.title)
            .into_any(),
    );
    if row.example {
        li = li.child(el("span").class("badge").child("Example").into_any());
    }
    if let Some(s) = row.severity {
        li = li.child(
            el("span")
                .class("badge")
                .attr("data-severity", s.key())
                .child(s.label())
                .into_any(),
        );
    }
    if row.overdue > 0 {
        li = li.child(
            el("span")
                .class("badge warn")
                .child("Check-in overdue")
                .into_any(),
        );
    }
    if !row.disputed.is_empty() {
        li = li.child(el("p").class("disputed").child(row.disputed).into_any());
    }
    li.child(el("p").class("meta").child(meta).into_any())
        .into_any()
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
    el("ul").class("case-list").child(items).into_any()
}

/// What the empty state says, with the way in.
fn empty_state() -> AnyView {
    let app = use_app();
    el("div")
        .class("empty card")
        .child(el("h2").child("No cases yet").into_any())
        .child(para(
            "",
            "When a client is unhappy, open a case. Mend walks you through it one stage at a time: the facts, your numbers, reaching out, listening, saying it back, working out what happened, agreeing a remedy, following up, preventing a repeat, and deciding how it ends.",
        ))
        .child(el("p").class("actions").child(button("Open an example case", "", None, move |_| open_example(app))).into_any())
        .child(para("muted", "The example is clearly marked, and you can delete it whenever you like."))
        .into_any()
}

/// How many open cases Home lists.
const HOME_CASES: usize = 8;

pub fn home() -> AnyView {
    vec![
        heading("Handle an unhappy client, calmly"),
        para(
            "lede",
            "One dispute at a time: know your numbers, listen, say it back, agree something fair, and learn from it. Everything stays in this browser.",
        ),
        el("p")
            .child(link(Route::NewCase.to_fragment(), "New case", "button primary big"))
            .into_any(),
        export_nudge_view(true),
        overdue_card(),
        reflect_nudge(),
        open_cases(),
        // Last: the browser offers installing a moment after start, and nothing above may move.
        crate::ui::kit::install::install_offer(),
    ]
    .into_any()
}

/// Every overdue check-in, the longest overdue first. G34
fn overdue_card() -> AnyView {
    let app = use_app();
    let overdue = Memo::new(move |_| {
        app.cases(|m| overdue_list(m.values().map(|r| (r.id.as_str(), &r.data)), today()))
    });
    dyn_view(move || {
        let list = overdue.get();
        if list.is_empty() {
            return ().into_any();
        }
        let items: Vec<AnyView> = list
            .into_iter()
            .map(|o| {
                let href = Route::Case {
                    id: o.case_id,
                    stage: Stage::FollowUp,
                }
                .to_fragment();
                let mut line = format!(" · due {}", o.due.human());
                if !o.note.trim().is_empty() {
                    line.push_str(&format!(": {}", o.note));
                }
                el("li")
                    .child(link(href, o.case_title, ""))
                    .child(line)
                    .into_any()
            })
            .collect();
        card("card attention", "overdue-h", "Check-ins overdue")
            .child(el("ul").class("plain").children(items).into_any())
            .into_any()
    })
}

/// One quiet suggestion to reflect on a closed case; never more than one at a time. G46
fn reflect_nudge() -> AnyView {
    let app = use_app();
    let nudge = Memo::new(move |_| {
        let reflected: Vec<String> =
            app.list::<Reflection, _>(|m| m.values().filter_map(|r| r.data.case.clone()).collect());
        let reflected: Vec<&str> = reflected.iter().map(String::as_str).collect();
        let dismissed = app.settings().dismissed_nudges;
        app.cases(|m| {
            crate::model::reflection::nudge(
                m.values().map(|r| (r.id.as_str(), &r.data)),
                &reflected,
                &dismissed,
                today(),
            )
        })
    });
    dyn_view(move || {
        let Some((id, title)) = nudge.get() else {
            return ().into_any();
        };
        let reflect = Route::NewReflection(Some(id.clone())).to_fragment();
        let not_now = move |_| {
            let id = id.clone();
            app.update_settings(move |s| s.dismissed_nudges.push(id))
        };
        card("card nudge", "nudge-h", "A moment to reflect")
            .child(para(
                "",
                format!("You closed the case with {title} a few days ago. Ten quiet minutes now turn it into something useful: what you would keep, and what you would change."),
            ))
            .child(
                el("p")
                    .class("actions")
                    .child(link(reflect, "Reflect on it", "button primary"))
                    .child(button(
                        "Not now",
                        "",
                        Some(format!("Not now: do not suggest reflecting on {title} again")),
                        not_now,
                    ))
                    .into_any(),
            )
            .into_any()
    })
}

/// Every check-in and clause date still ahead, into the user's calendar at once. // G34
fn upcoming_to_calendar() -> AnyView {
    let app = use_app();
    let ahead = Memo::new(move |_| {
        let today = today();
        app.cases(|m| {
            m.values()
                .any(|r| crate::model::calendar::anything_ahead(&r.data, today))
        })
    });
    when(
        move || ahead.get(),
        || calendar_button("Add all upcoming to calendar", None, Dates::Upcoming),
    )
}

/// The open cases that need attention first, or the way in when there are none.
fn open_cases() -> AnyView {
    let app = use_app();
    let all_open = Memo::new(move |_| sorted_rows(app, |c| !c.is_closed()));
    // Home shows the few that need attention first; the Cases screen has them all. A long
    // list here would bury the next step and slow every start.
    let open = Memo::new(move |_| {
        all_open.with(|l: &Vec<Row>| l.iter().take(HOME_CASES).cloned().collect::<Vec<Row>>())
    });
    let any = Memo::new(move |_| app.cases(|m| !m.is_empty()));
    dyn_view(move || {
        if !any.get() {
            return empty_state();
        }
        card("", "open-h", "Open cases")
            .child(when(
                move || open.read().is_empty(),
                || para("muted", "No open cases. Well done."),
            ))
            .child(case_list(open))
            .child(when(
                move || all_open.with(Vec::len) > HOME_CASES,
                move || {
                    let n = all_open.with(Vec::len);
                    para(
                        "muted",
                        format!("These are the {HOME_CASES} of your {n} open cases that need attention first."),
                    )
                },
            ))
            .child(
                el("p")
                    .child(link(
                        Route::Cases.to_fragment(),
                        "All cases, with search and filters",
                        "",
                    ))
                    .into_any(),
            )
            .child(upcoming_to_calendar())
            .into_any()
    })
}

pub fn cases_list() -> AnyView {
    let app = use_app();
    let filter = RwSignal::new(CaseFilter::default());
    let rows = Memo::new(move |_| {
        let f = filter.get();
        sorted_rows(app, |c| f.matches(c))
    });
    let any = Memo::new(move |_| app.cases(|m| !m.is_empty()));
    let body = dyn_view(move || {
        if !any.get() {
            return empty_state();
        }
        let count = dyn_text(move || {
            let n = rows.read().len();
            format!(
                "{n} {} shown, what needs attention first.",
                if n == 1 { "case" } else { "cases" }
            )
        });
        vec![
            case_filters(app, filter),
            el("p")
                .class("muted")
                .attr("role", "status")
                .child(count)
                .into_any(),
            case_list(rows),
        ]
        .into_any()
    });
    vec![
        heading("Cases"),
        el("p")
            .child(link(
                Route::NewCase.to_fragment(),
                "New case",
                "button primary",
            ))
            .into_any(),
        body,
    ]
    .into_any()
}

/// Search, status, severity and client: what narrows the list.
fn case_filters(app: AppState, filter: RwSignal<CaseFilter>) -> AnyView {
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
    el("div")
        .class("filters")
        .attr("role", "search")
        .attr("aria-label", "Find cases")
        .child(case_search(filter))
        .child(filter_select(
            "filter-status",
            "Status",
            statuses,
            move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| {
                    f.status = match v.as_str() {
                        "open" => StatusFilter::Open,
                        "closed" => StatusFilter::Closed,
                        _ => StatusFilter::All,
                    }
                })
            },
        ))
        .child(filter_select(
            "filter-severity",
            "Severity",
            severities,
            move |ev| {
                let v = event_target_value(&ev).parse::<usize>().ok();
                filter.update(|f| f.severity = v.and_then(|i| Severity::ALL.get(i).copied()))
            },
        ))
        .child(filter_select(
            "filter-client",
            "Client",
            clients(app),
            move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| f.client = (!v.is_empty()).then_some(v))
            },
        ))
        .into_any()
}

fn case_search(filter: RwSignal<CaseFilter>) -> AnyView {
    el("div")
        .class("field")
        .child(
            el("label")
                .attr("for", "case-search")
                .child("Search")
                .into_any(),
        )
        .child(
            el("input")
                .attr("id", "case-search")
                .attr("type", "search")
                .attr("placeholder", "Client, what happened, words…")
                .on_input(move |ev| filter.update(|f| f.query = event_target_value(&ev)))
                .into_any(),
        )
        .into_any()
}

/// Every client named in a case, once, for the client filter ("Any" first).
fn clients(app: AppState) -> Vec<(String, String)> {
    let mut clients: Vec<(String, String)> = untrack(|| {
        app.cases(|m| {
            m.values()
                .filter(|r| !r.data.client.match_key().is_empty())
                .map(|r| (r.data.client.match_key(), r.data.client.display()))
                .collect()
        })
    });
    crate::model::order::sort_by_key(&mut clients, |c| crate::model::order::text(&c.0));
    clients.dedup_by(|a, b| a.0 == b.0);
    clients.insert(0, (String::new(), "Any".into()));
    clients
}

/// `#/cases/new`: creates a case and moves to its five-minute start, replacing the address
/// so a reload does not create another.
pub fn new_case() -> AnyView {
    let app = use_app();
    let id = start_case(app);
    // After this render: switching screens from inside a render is not allowed.
    queue_microtask(move || replace(&Route::Start(id)));
    heading("New case")
}
