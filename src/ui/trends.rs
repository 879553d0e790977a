//! The trends screen (in the later module): serious cases still open first, then charts drawn
//! as SVG, each with its numbers as a table, the client ledger, and CSV downloads. G39–G43.
//! Everything is computed in `model::trends`, once per change to the cases or the period.

use leptos::prelude::*;

use super::kit::{answers, button, click, dyn_view, el, link, on_change, para};
use super::state::use_app;
use super::{download, today};
use crate::model::money::format_money;
use crate::model::trends::{
    Entry, LedgerRow, Period, Standing, Trends, cases_csv, ledger, ledger_csv, percent, select,
    trends,
};
use crate::model::{Date, Stage};
use crate::route::Route;

/// A month key (`2026-03`) as people read it: "Mar 2026".
fn month_label(key: &str) -> String {
    Date::month_name(key)
}

/// Horizontal bars: one row per item, each bar an SVG scaled to the largest value.
fn bars(title: &str, id: &str, rows: Vec<(String, i64, String)>, summary: String) -> AnyView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let items: Vec<AnyView> = rows
        .iter()
        .map(|(label, v, shown)| {
            let w = (*v as f64 / max as f64 * 100.0).max(if *v > 0 { 1.0 } else { 0.0 });
            el("li")
                .kid(el("span").class("bar-label").text(label.clone()).v())
                .kid(
                    view! {
                        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect x="0" y="0" width=format!("{w:.2}") height="10"></rect>
                        </svg>
                    }
                    .into_any(),
                )
                .kid(el("span").class("bar-value").text(shown.clone()).v())
                .v()
        })
        .collect();
    figure(
        title,
        id,
        summary,
        el("ul")
            .class("hbars")
            .a("aria-hidden", "true")
            .kids(items)
            .v(),
        rows,
    )
}

/// Columns over time: one per month, with the month under it.
fn columns(title: &str, id: &str, rows: Vec<(String, i64, String)>, summary: String) -> AnyView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let every = rows.len().div_ceil(12).max(1);
    let cols: Vec<AnyView> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, v, _))| {
            let h = *v as f64 / max as f64 * 100.0;
            let y = 100.0 - h;
            let tick = if i % every == 0 { label.clone() } else { String::new() };
            el("div")
                .class("col")
                .kid(
                    view! {
                        <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect x="1" y=format!("{y:.2}") width="8" height=format!("{h:.2}")></rect>
                        </svg>
                    }
                    .into_any(),
                )
                .kid(el("span").class("tick").text(tick).v())
                .v()
        })
        .collect();
    figure(
        title,
        id,
        summary,
        el("div")
            .class("columns")
            .a("aria-hidden", "true")
            .kids(cols)
            .v(),
        rows,
    )
}

/// A chart with its caption (a summary in words) and its numbers as a table.
fn figure(
    title: &str,
    id: &str,
    summary: String,
    chart: AnyView,
    rows: Vec<(String, i64, String)>,
) -> AnyView {
    let caption_id = format!("{id}-caption");
    let table_rows: Vec<AnyView> = rows
        .into_iter()
        .map(|(label, _, shown)| {
            el("tr")
                .kid(el("th").a("scope", "row").text(label).v())
                .kid(el("td").text(shown).v())
                .v()
        })
        .collect();
    el("figure")
        .class("chart")
        .at("aria-labelledby", caption_id.clone())
        .kid(
            el("figcaption")
                .at("id", caption_id)
                .kid(el("h3").text(title.to_string()).v())
                .kid(el("p").class("muted").text(summary).v())
                .v(),
        )
        .kid(chart)
        .kid(
            el("details")
                .class("numbers")
                .kid(el("summary").text(format!("{title}: the numbers")).v())
                .kid(el("table").kid(el("tbody").kids(table_rows).v()).v())
                .v(),
        )
        .v()
}

fn counted(list: &[(&'static str, usize)]) -> Vec<(String, i64, String)> {
    list.iter()
        .map(|(l, n)| (l.to_string(), *n as i64, n.to_string()))
        .collect()
}

fn top(list: &[(&'static str, usize)]) -> String {
    match list.iter().max_by_key(|(_, n)| *n) {
        Some((l, n)) => format!("Most often: {l} ({n})."),
        None => String::new(),
    }
}

fn charts(t: &Trends) -> Vec<AnyView> {
    let mut out = Vec::new();
    let busiest = t.per_month.iter().max_by_key(|(_, n)| *n);
    out.push(columns(
        "Cases per month",
        "per-month",
        t.per_month
            .iter()
            .map(|(m, n)| (month_label(m), *n as i64, n.to_string()))
            .collect(),
        match busiest {
            Some((m, n)) => format!(
                "{} {} over {} {}; the busiest was {} with {n}.",
                t.total,
                if t.total == 1 { "case" } else { "cases" },
                t.per_month.len(),
                if t.per_month.len() == 1 {
                    "month"
                } else {
                    "months"
                },
                month_label(m)
            ),
            None => String::new(),
        },
    ));
    out.push(bars(
        "What they are about",
        "categories",
        counted(&t.categories),
        top(&t.categories),
    ));
    out.push(bars(
        "How serious",
        "severities",
        counted(&t.severities),
        top(&t.severities),
    ));
    out.push(bars(
        "How they ended",
        "outcomes",
        counted(&t.outcomes),
        top(&t.outcomes),
    ));
    if !t.people.is_empty() || !t.products.is_empty() {
        let names: Vec<(String, i64, String)> = t
            .people
            .iter()
            .map(|(n, c)| (format!("{n} (person)"), *c as i64, format!("{c} cases")))
            .chain(
                t.products
                    .iter()
                    .map(|(n, c)| (format!("{n} (product)"), *c as i64, format!("{c} cases"))),
            )
            .collect();
        out.push(bars(
            "Names that keep coming up",
            "names",
            names,
            "People and products named in more than one case. A name that recurs may need support or training; a product may need fixing, or more of it if the praise recurs.".into(),
        ));
    }
    for (currency, months) in &t.concession_months {
        let total: i64 = months.iter().map(|(_, v)| v).sum();
        out.push(columns(
            &format!("What concessions cost you ({currency})"),
            &format!("concessions-{}", currency.to_lowercase()),
            months
                .iter()
                .map(|(m, v)| (month_label(m), *v, format_money(*v, currency)))
                .collect(),
            format!(
                "{} in all, by the month each case closed.",
                format_money(total, currency)
            ),
        ));
    }
    out
}

fn serious_first(t: &Trends) -> AnyView {
    let body = if t.serious_open.is_empty() {
        para("ok", "Nothing serious is waiting.")
    } else {
        el("ul")
            .kids(
                t.serious_open
                    .iter()
                    .map(|(id, title, days)| {
                        el("li")
                            .kid(link(
                                Route::Case {
                                    id: id.clone(),
                                    stage: Stage::Case,
                                }
                                .to_fragment(),
                                title.clone(),
                                "",
                            ))
                            .text(format!(
                                " · waiting {days} {}",
                                if *days == 1 { "day" } else { "days" }
                            ))
                            .v()
                    })
                    .collect(),
            )
            .v()
    };
    el("section")
        .class("card attention")
        .a("aria-labelledby", "serious-h")
        .kid(
            el("h2")
                .a("id", "serious-h")
                .st("Serious and still open")
                .v(),
        )
        .kid(body)
        .v()
}

fn figures(t: &Trends) -> AnyView {
    let mut items = vec![
        ("Cases", t.total.to_string()),
        ("Still open", t.open.to_string()),
    ];
    if let Some(r) = &t.time_to_resolve {
        let median = if r.median.fract() == 0.0 {
            format!("{}", r.median as i64)
        } else {
            format!("{:.1}", r.median)
        };
        items.push((
            "Time to resolve",
            format!(
                "median {median} days (from {} to {} days, {} {})",
                r.shortest,
                r.longest,
                r.cases,
                if r.cases == 1 { "case" } else { "cases" }
            ),
        ));
    }
    if !t.concessions.is_empty() {
        items.push((
            "Concessions given",
            t.concessions
                .iter()
                .map(|(c, v)| format_money(*v, c))
                .collect::<Vec<_>>()
                .join(" and "),
        ));
    }
    let mut extra: Vec<AnyView> = Vec::new();
    if !t.repeat_clients.is_empty() {
        extra.push(para(
            "",
            format!(
                "Clients who came back with another complaint: {}.",
                t.repeat_clients
                    .iter()
                    .map(|(n, c)| format!("{n} ({c})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if !t.systemic.is_empty() {
        extra.push(
            el("p")
                .st("Judged as something others may feel too: ")
                .kids(
                    t.systemic
                        .iter()
                        .enumerate()
                        .map(|(i, (id, title))| {
                            el("span")
                                .text(if i > 0 { ", " } else { "" })
                                .kid(link(
                                    Route::Case {
                                        id: id.clone(),
                                        stage: Stage::Prevent,
                                    }
                                    .to_fragment(),
                                    title.clone(),
                                    "",
                                ))
                                .v()
                        })
                        .collect(),
                )
                .st(". If one client felt it, others may have too: a fix for everyone may be worth it.")
                .v(),
        );
    }
    el("section")
        .a("aria-labelledby", "figures-h")
        .kid(el("h2").a("id", "figures-h").st("In figures").v())
        .kid(answers(items))
        .kids(extra)
        .v()
}

/// Clients shown before "Show all": those needing attention come first.
const LEDGER_FIRST: usize = 20;

fn ledger_view(rows: &[LedgerRow], all: RwSignal<bool>) -> AnyView {
    let shown = if all.get() {
        rows.len()
    } else {
        rows.len().min(LEDGER_FIRST)
    };
    let cards: Vec<AnyView> = rows[..shown]
        .iter()
        .map(|r| {
            let money = |list: &[(String, i64)]| {
                if list.is_empty() {
                    "None recorded".to_string()
                } else {
                    list.iter()
                        .map(|(c, v)| format_money(*v, c))
                        .collect::<Vec<_>>()
                        .join(" and ")
                }
            };
            let share = if r.share.is_empty() {
                "—".to_string()
            } else {
                r.share
                    .iter()
                    .map(|(c, s)| format!("{} ({c})", percent(*s)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut faith = format!(
                "Judged in good faith in {} of {}",
                r.good_faith,
                r.cases.len()
            );
            if r.taking_advantage > 0 {
                faith.push_str(&format!("; taking advantage in {}", r.taking_advantage));
            }
            let state = match r.standing {
                Standing::Healthy => "done",
                Standing::Watch => "watch",
                Standing::ConsiderEnding => "end",
            };
            el("li")
                .class("card ledger-row")
                .kid(
                    el("h3")
                        .text(r.name.clone())
                        .kid(
                            el("span")
                                .class("badge")
                                .at("data-state", state.to_string())
                                .text(r.standing.label().to_string())
                                .v(),
                        )
                        .v(),
                )
                .kid(el("p").class("reading").text(r.reading.clone()).v())
                .kid(answers(vec![
                    (
                        "Cases",
                        format!("{} ({} in 12 months)", r.cases.len(), r.recent),
                    ),
                    ("Revenue recorded", money(&r.revenue)),
                    ("Concessions given", money(&r.conceded)),
                    ("Concessions as a share of revenue", share),
                    ("Good faith", faith),
                ]))
                .kid(para("hint", r.standing.advice()))
                .kid(
                    el("p")
                        .st("Cases: ")
                        .kids(
                            r.cases
                                .iter()
                                .enumerate()
                                .map(|(i, (id, title))| {
                                    el("span")
                                        .text(if i > 0 { ", " } else { "" })
                                        .kid(link(
                                            Route::Case {
                                                id: id.clone(),
                                                stage: Stage::Summary,
                                            }
                                            .to_fragment(),
                                            title.clone(),
                                            "",
                                        ))
                                        .v()
                                })
                                .collect(),
                        )
                        .v(),
                )
                .v()
        })
        .collect();
    el("section")
        .a("aria-labelledby", "ledger-h")
        .kid(el("h2").a("id", "ledger-h").st("Client ledger").v())
        .kid(para(
            "",
            "Each client across all their cases. The reading counts disputes in the last 12 months and compares what you conceded with what they have paid you, currency by currency.",
        ))
        .kid(el("ul").class("plain ledger").kids(cards).v())
        .kid(if shown < rows.len() {
            el("p")
                .kid(button(
                    format!("Show all {} clients", rows.len()),
                    "",
                    None,
                    click(move |_| all.set(true)),
                ))
                .v()
        } else {
            ().into_any()
        })
        .v()
}

/// Runs `f` over the cases of a period (read as the model's entries).
fn with_entries<T>(
    app: super::state::AppState,
    period: Period,
    f: impl FnOnce(&[Entry]) -> T,
) -> T {
    let now = today();
    let offset = super::state::local_offset_minutes();
    app.cases.with(|m| {
        let entries = select(
            m.values().map(|r| {
                (
                    r.id.as_str(),
                    Date::from_timestamp(r.created, offset),
                    &r.data,
                )
            }),
            period,
            now,
        );
        f(&entries)
    })
}

pub fn trends_screen() -> AnyView {
    let app = use_app();
    let period = RwSignal::new(Period::All);
    let show_all = RwSignal::new(false);
    // Recomputed only when the cases or the period change.
    let data = Memo::new(move |_| {
        let p = period.get();
        let now = today();
        with_entries(app, p, |entries| trends(entries, now))
    });
    let clients = Memo::new(move |_| {
        let now = today();
        with_entries(app, Period::All, |entries| ledger(entries, now))
    });
    let picker = el("div")
        .class("field")
        .kid(el("label").a("for", "trends-period").st("Period").v())
        .kid(
            el("select")
                .a("id", "trends-period")
                .on_change(on_change(move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(p) = Period::ALL.iter().copied().find(|p| p.key() == v) {
                        period.set(p);
                    }
                }))
                .kids(
                    Period::ALL
                        .iter()
                        .map(|p| el("option").a("value", p.key()).st(p.label()).v())
                        .collect(),
                )
                .v(),
        )
        .v();
    let body = dyn_view(move || {
        let t = data.get();
        let rows = clients.get();
        let mut parts = vec![serious_first(&t)];
        if t.total == 0 {
            parts.push(para(
                "empty",
                if app.cases.with(|m| m.values().any(|r| !r.data.example)) {
                    "No cases in this period. Choose a longer one."
                } else {
                    "Trends appear as your cases build up: how many come in each month, what they are about, how serious they are, how long they take to settle, what they cost you, and which names keep coming up. The worked example is not counted."
                },
            ));
            return parts.into_any();
        }
        parts.push(figures(&t));
        parts.push(
            el("section")
                .a("aria-labelledby", "charts-h")
                .kid(el("h2").a("id", "charts-h").st("Charts").v())
                .kids(charts(&t))
                .v(),
        );
        if !rows.is_empty() {
            parts.push(ledger_view(&rows, show_all));
        }
        parts.into_any()
    });
    let export_cases = click(move |_| {
        let csv = with_entries(app, period.get_untracked(), cases_csv);
        download(
            &format!("mend-cases-{}.csv", today().iso()),
            "text/csv",
            &csv,
        );
    });
    let export_ledger = click(move |_| {
        let csv = clients.with_untracked(|rows| ledger_csv(rows));
        download(
            &format!("mend-client-ledger-{}.csv", today().iso()),
            "text/csv",
            &csv,
        );
    });
    vec![
        el("h1").a("tabindex", "-1").st("Trends").v(),
        para(
            "lede",
            "Sort complaints by how serious they are, deal with the serious ones now, and watch the rest for patterns. Counted here, on this device, from your cases.",
        ),
        picker,
        body,
        el("section")
            .class("no-print")
            .a("aria-labelledby", "csv-h")
            .kid(el("h2").a("id", "csv-h").st("For a spreadsheet").v())
            .kid(para(
                "",
                "CSV files open in any spreadsheet. The cases file follows the period chosen above; the ledger covers every client.",
            ))
            .kid(
                el("p")
                    .class("actions")
                    .kid(button("Download cases (.csv)", "", None, export_cases))
                    .kid(button("Download client ledger (.csv)", "", None, export_ledger))
                    .v(),
            )
            .v(),
    ]
    .into_any()
}
