//! Trends: serious cases first, the figures, the charts and the ledger.

pub mod charts;
pub mod ledger;

use crate::model::date;
use crate::model::money::format_money;
use crate::model::trends::TRENDS_LEDE;
use crate::model::trends::{
    Entry, LedgerRow, Period, Trends, cases_csv, ledger, ledger_csv, select, trends,
};
use crate::model::{Date, Stage};
use crate::route::Route;
use crate::ui::browser::download::download;
use crate::ui::browser::time::today;
use crate::ui::kit::inputs::filter_select;
use crate::ui::kit::{answers, button, card, case_links, dyn_view, el, heading, link, para};
use crate::ui::screens::trends::charts::charts;
use crate::ui::screens::trends::ledger::ledger_view;
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;

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
                            .child(format!(" · waiting {}", date::days(*days)))
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
pub(crate) fn far_out(t: &Trends) -> Vec<AnyView> {
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
                .children(case_links(&t.systemic, Stage::Prevent))
                .child(". If one client felt it, others may have too: a fix for everyone may be worth it.")
                .into_any(),
        );
    }
    card("", "figures-h", "In figures")
        .child(answers(items))
        .children(extra)
        .into_any()
}

/// Runs `f` over the cases of a period (read as the model's entries).
fn with_entries<T>(
    app: crate::ui::state::AppState,
    period: Period,
    f: impl FnOnce(&[Entry]) -> T,
) -> T {
    let now = today();
    let offset = crate::ui::browser::time::local_offset_minutes();
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
    vec![
        heading("Trends"),
        para("lede", TRENDS_LEDE),
        period_picker(period),
        body,
        downloads(app, period, clients),
    ]
    .into_any()
}

/// The period the trends count.
fn period_picker(period: RwSignal<Period>) -> AnyView {
    let options = Period::ALL
        .iter()
        .map(|p| (p.key().to_string(), p.label().to_string()))
        .collect();
    filter_select("trends-period", "Period", options, move |ev| {
        let v = event_target_value(&ev);
        if let Some(p) = Period::ALL.iter().copied().find(|p| p.key() == v) {
            period.set(p);
        }
    })
}

/// The cases and the ledger as CSV files.
fn downloads(app: AppState, period: RwSignal<Period>, clients: Memo<Vec<LedgerRow>>) -> AnyView {
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
        .into_any()
}
