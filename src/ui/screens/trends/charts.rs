//! Charts drawn as SVG, each with its numbers as a table.

use crate::model::money::format_money;
use crate::model::trends::Trends;
use crate::ui::kit::{El, el};
use leptos::prelude::*;

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
    let chart = el("ul").class("hbars").children(items);
    figure(title, id, summary, chart, rows)
}

/// Columns over time: one per month, with the month under it.
pub(super) fn columns(
    title: &str,
    id: &str,
    rows: Vec<(String, i64, String)>,
    summary: String,
) -> AnyView {
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
    let chart = el("div").class("columns").children(cols);
    figure(title, id, summary, chart, rows)
}

/// A chart with its caption (a summary in words) and its numbers as a table.
fn figure(
    title: &str,
    id: &str,
    summary: String,
    chart: El,
    rows: Vec<(String, i64, String)>,
) -> AnyView {
    // The picture is for the eye; the table below carries the same numbers for everyone.
    let chart = chart.attr("aria-hidden", "true").into_any();
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

pub(super) fn counted(list: &[(&'static str, usize)]) -> Vec<(String, i64, String)> {
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

pub(super) fn charts(t: &Trends) -> Vec<AnyView> {
    let mut out = vec![
        per_period(t),
        bars(
            "What they are about",
            "categories",
            counted(&t.categories),
            top(&t.categories),
        ),
        bars(
            "How serious",
            "severities",
            counted(&t.severities),
            top(&t.severities),
        ),
        bars(
            "How they ended",
            "outcomes",
            counted(&t.outcomes),
            top(&t.outcomes),
        ),
    ];
    if !t.people.is_empty() || !t.products.is_empty() {
        out.push(names(t));
    }
    for (currency, periods) in &t.concession_periods {
        out.push(concessions(t, currency, periods));
    }
    out
}

/// Cases per month (or quarter, or year), with the busiest named.
fn per_period(t: &Trends) -> AnyView {
    let noun = t.span.noun();
    let shown = t.total - t.far_out.len();
    let summary = match t.per_period.iter().max_by_key(|(_, n)| *n) {
        Some((p, n)) => format!(
            "{shown} {} over {} {noun}{}; the busiest was {p} with {n}.",
            if shown == 1 { "case" } else { "cases" },
            t.per_period.len(),
            if t.per_period.len() == 1 { "" } else { "s" },
        ),
        None => String::new(),
    };
    let rows = t
        .per_period
        .iter()
        .map(|(p, n)| (p.clone(), *n as i64, n.to_string()))
        .collect();
    columns(&format!("Cases per {noun}"), "per-period", rows, summary)
}

/// People and products named in more than one case. // G40
fn names(t: &Trends) -> AnyView {
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
    bars(
        "Names that keep coming up",
        "names",
        names,
        "People and products named in more than one case. A name that recurs may need support or training; a product may need fixing, or more of it if the praise recurs.".into(),
    )
}

/// What concessions cost, in one currency, by the period each case closed.
fn concessions(t: &Trends, currency: &str, periods: &[(String, i64)]) -> AnyView {
    let total = periods
        .iter()
        .fold(0i64, |sum, (_, v)| sum.saturating_add(*v));
    let rows = periods
        .iter()
        .map(|(p, v)| (p.clone(), *v, format_money(*v, currency)))
        .collect();
    let summary = format!(
        "{} in all, by the {} each case closed.",
        format_money(total, currency),
        t.span.noun()
    );
    columns(
        &format!("What concessions cost you ({currency})"),
        &format!("concessions-{}", currency.to_lowercase()),
        rows,
        summary,
    )
}
