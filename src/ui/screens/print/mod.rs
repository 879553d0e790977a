//! Paper: which sheet each print route draws, and the sheet around it.

pub mod blank;
pub mod case;

use crate::route::{PrintView, Route};
use crate::ui::kit::{button, el, link, para};
use crate::ui::screens::print::blank::{blank_sheet, crib_page};
use crate::ui::screens::print::case::{case_page, draft_page, remedy_page, script_page};
use leptos::prelude::*;

/// The bar above a sheet on screen: how to print it, and the way back.
fn toolbar(back: Route, back_text: &'static str) -> AnyView {
    el("div")
        .class("print-bar no-print")
        .child(button("Print", "primary", None, |_| {
            crate::ui::browser::printing::print_page()
        }))
        .child(link(back.to_fragment(), back_text, "button"))
        .child(para(
            "muted",
            "Printing from your browser can also save a PDF.",
        ))
        .into_any()
}

/// The sheet's content under a running head that the browser repeats at the top of every
/// printed page (a table header does that in every engine; a fixed element does not).
fn printed(head: String, content: Vec<AnyView>) -> AnyView {
    el("table")
        .class("print-frame")
        .attr("role", "presentation")
        .child(
            el("thead")
                .child(
                    el("tr")
                        .child(
                            el("td")
                                .child(el("div").class("running-head").child(head).into_any())
                                .into_any(),
                        )
                        .into_any(),
                )
                .into_any(),
        )
        .child(
            el("tbody")
                .child(
                    el("tr")
                        .child(el("td").children(content).into_any())
                        .into_any(),
                )
                .into_any(),
        )
        .into_any()
}

/// The print screen for a route.
pub fn print_screen(view: PrintView) -> AnyView {
    match view {
        PrintView::Blank => blank_sheet(),
        PrintView::Crib => crib_page(),
        PrintView::Case(id) => case_page(id),
        PrintView::Remedy(id) => remedy_page(id),
        PrintView::Script(id) => script_page(id),
        PrintView::Draft(id, kind) => draft_page(id, kind),
    }
}
