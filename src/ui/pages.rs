//! One function per screen. Screens other than Home are filled in by their own issues.

use leptos::prelude::*;

use super::backup::backup_screen;
use super::cases::{cases_list, home, new_case};
use super::kit::{el, link, para};
use super::worksheet::case_screen;
use crate::route::{PrintView, Route};

/// The screen for a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => home(),
        Route::Cases => cases_list(),
        Route::NewCase => new_case(),
        Route::Case { id, stage } => case_screen(id, stage),
        Route::Backup => backup_screen(),
        Route::Print(view) => super::print::print_screen(view),
        Route::Shared(payload) => super::share::shared_screen(payload),
        Route::NotFound(raw) => not_found(raw),
        other => placeholder(other),
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

/// A heading and a line for screens that later issues fill in.
fn placeholder(route: Route) -> AnyView {
    let heading = match &route {
        Route::Clause => "Mediation clause",
        Route::Journal => "Reflection journal",
        Route::JournalEntry(_) => "Reflection",
        Route::Trends => "Trends",
        Route::Print(PrintView::Blank) => "Blank worksheet",
        Route::Print(PrintView::Crib) => "Conversation crib sheet",
        Route::Print(PrintView::Case(_)) => "Case worksheet",
        Route::Print(PrintView::Remedy(_)) => "Choose your remedy",
        _ => "Mend",
    };
    vec![
        el("h1").a("tabindex", "-1").st(heading).v(),
        para("", "This screen is being built."),
    ]
    .into_any()
}
