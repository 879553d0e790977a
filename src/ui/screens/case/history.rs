//! The client's history, and the good-faith signals it gives.

use crate::model::Stage;
use crate::model::history::good_faith_signals;
use crate::route::Route;
use crate::ui::browser::time::today;
use crate::ui::kit::case::use_history;
use crate::ui::kit::fields::shape_of;
use crate::ui::kit::{dyn_view, el, link, para, text_list};
use crate::ui::screens::case::shared::money;
use leptos::prelude::*;

// G22, G39, G42: repeat clients are visible where the case starts.
pub(super) fn history_view() -> AnyView {
    let history = use_history();
    let named = shape_of(|c| u64::from(!c.client.match_key().is_empty()));
    dyn_view(move || {
        let h = history.get();
        if named.get() == 0 {
            return para(
                "muted",
                "Enter the client's name to see any earlier cases with them.",
            );
        }
        if h.cases.is_empty() {
            return para("muted", "No earlier cases with this client.");
        }
        let conceded: Vec<String> = h.concessions().iter().map(|(c, v)| money(*v, c)).collect();
        let mut summary = h.outcomes_summary();
        if !conceded.is_empty() {
            summary.push_str(&format!(
                " Concessions given so far: {}.",
                conceded.join(" and ")
            ));
        }
        let items: Vec<AnyView> = h
            .cases
            .iter()
            .map(|c| {
                let href = Route::Case {
                    id: c.id.clone(),
                    stage: Stage::Summary,
                }
                .to_fragment();
                let what = if c.title.trim().is_empty() {
                    "Untitled".to_string()
                } else {
                    c.title.clone()
                };
                let outcome = c
                    .outcome
                    .map(|o| format!(" · {}", o.label()))
                    .unwrap_or_default();
                el("li")
                    .child(link(href, format!("{}: {what}", c.on.human()), ""))
                    .child(outcome)
                    .into_any()
            })
            .collect();
        vec![
            el("p")
                .child(el("strong").child(summary).into_any())
                .into_any(),
            el("ul").class("plain").children(items).into_any(),
        ]
        .into_any()
    })
}

// G22
pub(super) fn signals() -> AnyView {
    let history = use_history();
    dyn_view(move || {
        let (signals, faith) = good_faith_signals(&history.get(), today());
        vec![text_list("plain", signals), para("advice", faith.advice())].into_any()
    })
}
