//! What the numbers say, and the clock before reaching out.

use crate::model::Case;
use crate::model::date::days_ago;
use crate::model::numbers::{figures, format_permille};
use crate::model::worksheet::{days_waiting, reach_warnings};
use crate::ui::browser::time::today;
use crate::ui::kit::fields::read_case;
use crate::ui::kit::{dyn_view, el, para};
use crate::ui::screens::case::shared::money;
use leptos::prelude::*;

// G1–G5, G43: the figures, then what they suggest.
pub(super) fn figures_view() -> AnyView {
    let case = read_case(Case::clone);
    dyn_view(move || {
        let c = case();
        let f = figures(&c);
        let cur = c.currency.clone();
        let fig = |v: Option<i64>| v.map_or_else(|| "—".to_string(), |v| money(v, &cur));
        let margin = match (f.margin, f.margin_permille) {
            (Some(m), Some(p)) => format!("{} ({})", money(m, &cur), format_permille(p)),
            (Some(m), None) => money(m, &cur),
            _ => "—".into(),
        };
        let rows: Vec<AnyView> = [
            (
                "True cost of the job",
                fig(f.true_cost),
                "Your time at your hourly worth, plus materials and other costs.",
            ),
            (
                "Break-even",
                fig(f.break_even),
                "What you must be paid not to lose money on this job.",
            ),
            (
                "Margin on the job",
                margin,
                "The price invoiced, less the true cost.",
            ),
            (
                "Cost of defending",
                fig(f.defend_cost),
                "The hours the dispute may take, at your hourly worth.",
            ),
            ("Amount in dispute", fig(c.amount), ""),
            (
                "Most you can concede and still break even",
                fig(f.concession_budget),
                "",
            ),
            (
                "Value at risk if the client leaves",
                fig(f.value_at_risk),
                "The future work you expect from them, at your margin.",
            ),
        ]
        .into_iter()
        .map(|(label, value, note)| {
            el("div")
                .child(el("dt").child(label).into_any())
                .child(
                    el("dd")
                        .child(el("span").class("figure").child(value).into_any())
                        .child(el("span").class("note").child(note).into_any())
                        .into_any(),
                )
                .into_any()
        })
        .collect();
        let mut parts = vec![el("dl").class("figures").children(rows).into_any()];
        if let Some(scale) = f.scale {
            parts.push(para("advice", scale.advice()));
        }
        parts.into_any()
    })
}

// G6, G7
pub(super) fn reach_advice() -> AnyView {
    let case = read_case(Case::clone);
    dyn_view(move || {
        let c = case();
        let t = today();
        let waiting = days_waiting(&c, t).map_or_else(
            || {
                "Add the date the complaint arrived on the first stage to keep the clock in view."
                    .to_string()
            },
            |d| format!("The complaint arrived {}.", days_ago(d)),
        );
        let mut parts = vec![para("", waiting)];
        parts.extend(
            reach_warnings(&c, t)
                .into_iter()
                .map(|w| para("banner warn", w)),
        );
        parts.into_any()
    })
}
