//! The conversation crib sheet, on a stage or on paper.

use crate::model::guidance::CRIB_SHEET;
use crate::route::{PrintView, Route};
use crate::ui::kit::fields::use_case_id;
use crate::ui::kit::{el, link};
use leptos::prelude::*;

/// The conversation crib sheet, with a link to its printable page when asked.
pub fn crib_sheet(with_link: bool) -> AnyView {
    let lines: Vec<AnyView> = CRIB_SHEET
        .iter()
        .map(|l| {
            el("div")
                .child(el("dt").child(l.step).into_any())
                .child(el("dd").child(l.say).into_any())
                .into_any()
        })
        .collect();
    let mut parts = vec![el("dl").class("crib").children(lines).into_any()];
    if with_link {
        let script = Route::Print(PrintView::Script(use_case_id())).to_fragment();
        parts.push(
            el("p")
                .class("no-print actions")
                .child(link(script, "This case's call script", "button primary"))
                .child(link(
                    Route::Print(PrintView::Crib).to_fragment(),
                    "The one-page crib sheet to print",
                    "button",
                ))
                .into_any(),
        );
    }
    parts.into_any()
}
