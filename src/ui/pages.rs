//! The app's screens, one function each. The later screens (clause, journal, trends, backup)
//! are drawn by the second module (`later.rs`); here they only wait for it.

use leptos::prelude::*;

use super::cases::{cases_list, home, new_case};
use super::kit::{el, link};
use super::later::{LaterState, wait};
use super::worksheet::case_screen;
use crate::route::Route;

/// The screen for a route.
pub fn screen(route: Route, later: RwSignal<LaterState>) -> AnyView {
    match route {
        Route::Home => home(),
        Route::Cases => cases_list(),
        Route::NewCase => new_case(),
        Route::Case { id, stage } => case_screen(id, stage),
        Route::Print(view) => super::print::print_screen(view),
        Route::Shared(payload) => super::share::shared_screen(payload),
        Route::NotFound(raw) => not_found(raw),
        _ => wait(later),
    }
}

fn not_found(raw: String) -> AnyView {
    vec![
        el("h1").a("tabindex", "-1").st("Page not found").v(),
        el("p")
            .st("There is no screen at ")
            .kid(el("code").text(raw).v())
            .st(". Your cases are safe; this address simply does not lead anywhere.")
            .v(),
        el("p")
            .kid(link("#/".into(), "Go to Home", "button primary"))
            .v(),
    ]
    .into_any()
}
