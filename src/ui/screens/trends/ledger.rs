//! The client ledger.

use crate::model::Stage;
use crate::model::money::format_money;
use crate::model::trends::{LedgerRow, Standing, percent};
use crate::ui::kit::{answers, button, card, case_links, el, para};
use leptos::prelude::*;

/// Clients shown before "Show all": those needing attention come first.
const LEDGER_FIRST: usize = 20;

pub(super) fn ledger_view(rows: &[LedgerRow], all: RwSignal<bool>) -> AnyView {
    let shown = if all.get() {
        rows.len()
    } else {
        rows.len().min(LEDGER_FIRST)
    };
    let cards: Vec<AnyView> = rows[..shown].iter().map(ledger_card).collect();
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

/// Money per currency as people read it, or that none was recorded.
fn amounts(list: &[(String, i64)]) -> String {
    if list.is_empty() {
        return "None recorded".to_string();
    }
    list.iter()
        .map(|(c, v)| format_money(*v, c))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// One client: their standing, the reading, the figures behind it, and their cases.
fn ledger_card(r: &LedgerRow) -> AnyView {
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
    let badge = el("span")
        .class("badge")
        .attr("data-state", state.to_string())
        .child(r.standing.label().to_string())
        .into_any();
    el("li")
        .class("card ledger-row")
        .child(el("h3").child(r.name.clone()).child(badge).into_any())
        .child(el("p").class("reading").child(r.reading.clone()).into_any())
        .child(answers(vec![
            (
                "Cases",
                format!("{} ({} in 12 months)", r.cases.len(), r.recent),
            ),
            ("Revenue recorded", amounts(&r.revenue)),
            ("Concessions given", amounts(&r.conceded)),
            ("Concessions as a share of revenue", share),
            ("Good faith", faith),
        ]))
        .child(para("hint", r.standing.advice()))
        .child(
            el("p")
                .child("Cases: ")
                .children(case_links(&r.cases, Stage::Summary))
                .into_any(),
        )
        .into_any()
}
