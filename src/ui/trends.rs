//! The trends screen (in the later module): serious cases still open first, then charts drawn
//! as SVG, each with its numbers as a table, the client ledger, and CSV downloads. G39–G43.
//! Everything is computed in `model::trends`, once per change to the cases or the period.

use leptos::prelude::*;

use super::kit::{answers, button, card, dyn_view, el, heading, link, para};
use super::state::use_app;
use super::{download, today};
use crate::model::money::format_money;
use crate::model::trends::{
    Entry, LedgerRow, Period, Standing, Trends, cases_csv, ledger, ledger_csv, percent, select,
    trends,
};
use crate::model::{Date, Stage};
use crate::route::Route;

/// `v` as a share of `max`, out of 100, with two decimals (`37.50`). Integer arithmetic keeps
/// float formatting out of the wasm.
/// At least `least` hundredths.
fn share_of(v: i64, max: i64, least: i64) -> String {
    let hundredths = crate::model::money::mul_div(v, 10_000, max.max(1))
        .clamp(0, 10_000)
        .max(least);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Horizontal bars: one row per item, each bar an SVG scaled to the largest value.
fn bars(title: &str, id: &str, rows: Vec<(String, i64, String)>, summary: String) -> AnyView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let items: Vec<AnyView> = rows
        .iter()
        .map(|(label, v, shown)| {
            // A bar is always visible when there is something to count.
            let w = share_of(*v, max, if *v > 0 { 100 } else { 0 });
            el("li")
                .child(el("span").class("bar-label").child(label.clone()).into_any())
                .child(
                    view! {
                        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect x="0" y="0" width=w height="10"></rect>
                        </svg>
                    }
                    .into_any(),
                )
                .child(el("span").class("bar-value").child(shown.clone()).into_any())
                .into_any()
        })
        .collect();
    figure(
        title,
        id,
        summary,
        el("ul")
            .class("hbars")
            .attr("aria-hidden", "true")
            .children(items)
            .into_any(),
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
            let h = share_of(*v, max, 0);
            let y = share_of(max - (*v).clamp(0, max), max, 0);
            let tick = if i % every == 0 { label.clone() } else { String::new() };
            el("div")
                .class("col")
                .child(
                    view! {
                        <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect x="1" y=y width="8" height=h></rect>
                        </svg>
                    }
                    .into_any(),
                )
                .child(el("span").class("tick").child(tick).into_any())
                .into_any()
        })
        .collect();
    figure(
        title,
        id,
        summary,
        el("div")
            .class("columns")
            .attr("aria-hidden", "true")
            .children(cols)
            .into_any(),
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
                .child(el("th").attr("scope", "row").child(label).into_any())
                .child(el("td").child(shown).into_any())
                .into_any()
        })
        .collect();
    el("figure")
        .class("chart")
        .attr("aria-labelledby", caption_id.clone())
        .child(
            el("figcaption")
                .attr("id", caption_id)
                .child(el("h3").child(title.to_string()).into_any())
                .child(el("p").class("muted").child(summary).into_any())
                .into_any(),
        )
        .child(chart)
        .child(
            el("details")
                .class("numbers")
                .child(
                    el("summary")
                        .child(format!("{title}: the numbers"))
                        .into_any(),
                )
                .child(
                    el("table")
                        .child(el("tbody").children(table_rows).into_any())
                        .into_any(),
                )
                .into_any(),
        )
        .into_any()
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
    let busiest = t.per_period.iter().max_by_key(|(_, n)| *n);
    let noun = t.span.noun();
    let plural = |n: usize| {
        if n == 1 {
            noun.to_string()
        } else {
            format!("{noun}s")
        }
    };
    out.push(columns(
        &format!("Cases per {noun}"),
        "per-period",
        t.per_period
            .iter()
            .map(|(p, n)| (p.clone(), *n as i64, n.to_string()))
            .collect(),
        match busiest {
            Some((p, n)) => format!(
                "{} {} over {} {}; the busiest was {p} with {n}.",
                t.total - t.far_out.len(),
                if t.total - t.far_out.len() == 1 {
                    "case"
                } else {
                    "cases"
                },
                t.per_period.len(),
                plural(t.per_period.len()),
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
    for (currency, periods) in &t.concession_periods {
        let total = periods
            .iter()
            .fold(0i64, |sum, (_, v)| sum.saturating_add(*v));
        out.push(columns(
            &format!("What concessions cost you ({currency})"),
            &format!("concessions-{}", currency.to_lowercase()),
            periods
                .iter()
                .map(|(p, v)| (p.clone(), *v, format_money(*v, currency)))
                .collect(),
            format!(
                "{} in all, by the {noun} each case closed.",
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
            .children(
                t.serious_open
                    .iter()
                    .map(|(id, title, days)| {
                        el("li")
                            .child(link(
                                Route::Case {
                                    id: id.clone(),
                                    stage: Stage::Case,
                                }
                                .to_fragment(),
                                title.clone(),
                                "",
                            ))
                            .child(format!(
                                " · waiting {days} {}",
                                if *days == 1 { "day" } else { "days" }
                            ))
                            .into_any()
                    })
                    .collect(),
            )
            .into_any()
    };
    card("card attention", "serious-h", "Serious and still open")
        .child(body)
        .into_any()
}

/// Cases dated far from the rest, named rather than drawn as years of empty columns.
fn far_out(t: &Trends) -> Vec<AnyView> {
    if t.far_out.is_empty() {
        return Vec::new();
    }
    let items: Vec<AnyView> = t
        .far_out
        .iter()
        .map(|(id, title, on)| {
            let href = Route::Case {
                id: id.clone(),
                stage: Stage::Case,
            }
            .to_fragment();
            el("li")
                .child(link(href, title.clone(), ""))
                .child(format!(", dated {}", on.human()))
                .into_any()
        })
        .collect();
    vec![
        para(
            "banner warn",
            "Left out of the charts below: dated more than ten years from the rest of your cases. Check their dates.",
        ),
        el("ul").class("far-out").children(items).into_any(),
    ]
}

fn figures(t: &Trends) -> AnyView {
    let mut items = vec![
        ("Cases", t.total.to_string()),
        ("Still open", t.open.to_string()),
    ];
    if let Some(r) = &t.time_to_resolve {
        // A median of whole days is whole, or halfway between two.
        let halves = (r.median * 2.0) as i64;
        let median = if halves % 2 == 0 {
            (halves / 2).to_string()
        } else {
            format!("{}.5", halves / 2)
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
                .child("Judged as something others may feel too: ")
                .children(
                    t.systemic
                        .iter()
                        .enumerate()
                        .map(|(i, (id, title))| {
                            el("span")
                                .child(if i > 0 { ", " } else { "" })
                                .child(link(
                                    Route::Case {
                                        id: id.clone(),
                                        stage: Stage::Prevent,
                                    }
                                    .to_fragment(),
                                    title.clone(),
                                    "",
                                ))
                                .into_any()
                        })
                        .collect(),
                )
                .child(". If one client felt it, others may have too: a fix for everyone may be worth it.")
                .into_any(),
        );
    }
    card("", "figures-h", "In figures")
        .child(answers(items))
        .children(extra)
        .into_any()
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
                .child(
                    el("h3")
                        .child(r.name.clone())
                        .child(
                            el("span")
                                .class("badge")
                                .attr("data-state", state.to_string())
                                .child(r.standing.label().to_string())
                                .into_any(),
                        )
                        .into_any(),
                )
                .child(el("p").class("reading").child(r.reading.clone()).into_any())
                .child(answers(vec![
                    (
                        "Cases",
                        format!("{} ({} in 12 months)", r.cases.len(), r.recent),
                    ),
                    ("Revenue recorded", money(&r.revenue)),
                    ("Concessions given", money(&r.conceded)),
                    ("Concessions as a share of revenue", share),
                    ("Good faith", faith),
                ]))
                .child(para("hint", r.standing.advice()))
                .child(
                    el("p")
                        .child("Cases: ")
                        .children(
                            r.cases
                                .iter()
                                .enumerate()
                                .map(|(i, (id, title))| {
                                    el("span")
                                        .child(if i > 0 { ", " } else { "" })
                                        .child(link(
                                            Route::Case {
                                                id: id.clone(),
                                                stage: Stage::Summary,
                                            }
                                            .to_fragment(),
                                            title.clone(),
                                            "",
                                        ))
                                        .into_any()
                                })
                                .collect(),
                        )
                        .into_any(),
                )
                .into_any()
        })
        .collect();
    card("", "ledger-h", "Client ledger")
        .child(para(
            "",
            "Each client across all their cases. The reading counts disputes in the last 12 months and compares what you conceded with what they have paid you, currency by currency.",
        ))
        .child(el("ul").class("plain ledger").children(cards).into_any())
        .child(if shown < rows.len() {
            el("p")
                .child(button(
                    format!("Show all {} clients", rows.len()),
                    "",
                    None,
                    move |_| all.set(true),
                ))
                .into_any()
        } else {
            ().into_any()
        })
        .into_any()
}

/// Runs `f` over the cases of a period (read as the model's entries).
fn with_entries<T>(
    app: super::state::AppState,
    period: Period,
    f: impl FnOnce(&[Entry]) -> T,
) -> T {
    let now = today();
    let offset = super::state::local_offset_minutes();
    app.cases(|m| {
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
        .child(
            el("label")
                .attr("for", "trends-period")
                .child("Period")
                .into_any(),
        )
        .child(
            el("select")
                .attr("id", "trends-period")
                .on_change(move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(p) = Period::ALL.iter().copied().find(|p| p.key() == v) {
                        period.set(p);
                    }
                })
                .children(
                    Period::ALL
                        .iter()
                        .map(|p| {
                            el("option")
                                .attr("value", p.key())
                                .child(p.label())
                                .into_any()
                        })
                        .collect(),
                )
                .into_any(),
        )
        .into_any();
    let body = dyn_view(move || {
        let t = data.get();
        let rows = clients.get();
        let mut parts = vec![serious_first(&t)];
        if t.total == 0 {
            parts.push(para(
                "empty",
                if app.cases(|m| m.values().any(|r| !r.data.example)) {
                    "No cases in this period. Choose a longer one."
                } else {
                    "Trends appear as your cases build up: how many come in each month, what they are about, how serious they are, how long they take to settle, what they cost you, and which names keep coming up. The worked example is not counted."
                },
            ));
            return parts.into_any();
        }
        parts.push(figures(&t));
        let mut chart_parts = far_out(&t);
        chart_parts.extend(charts(&t));
        parts.push(
            card("", "charts-h", "Charts")
                .children(chart_parts)
                .into_any(),
        );
        if !rows.is_empty() {
            parts.push(ledger_view(&rows, show_all));
        }
        parts.into_any()
    });
    let export_cases = move |_| {
        let csv = with_entries(app, period.get_untracked(), cases_csv);
        download(
            &format!("mend-cases-{}.csv", today().iso()),
            "text/csv",
            &csv,
        );
    };
    let export_ledger = move |_| {
        let csv = clients.with_untracked(|rows| ledger_csv(rows));
        download(
            &format!("mend-client-ledger-{}.csv", today().iso()),
            "text/csv",
            &csv,
        );
    };
    vec![
        heading("Trends"),
        para(
            "lede",
            "Sort complaints by how serious they are, deal with the serious ones now, and watch the rest for patterns. Counted here, on this device, from your cases.",
        ),
        picker,
        body,
        card("no-print", "csv-h", "For a spreadsheet")
            .child(para(
                "",
                "CSV files open in any spreadsheet. The cases file follows the period chosen above; the ledger covers every client.",
            ))
            .child(
                el("p")
                    .class("actions")
                    .child(button("Download cases (.csv)", "", None, export_cases))
                    .child(button("Download client ledger (.csv)", "", None, export_ledger))
                    .into_any(),
            )
            .into_any(),
    ]
    .into_any()
}
