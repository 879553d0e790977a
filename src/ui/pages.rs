//! The app's screens: which function draws the screen for each route.

use leptos::prelude::*;

use super::cases::{cases_list, home, new_case};
use super::kit::{el, heading, link};
use super::worksheet::case_screen;
use crate::route::Route;

/// The screen for a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => home(),
        Route::Cases => cases_list(),
        Route::NewCase => new_case(),
        Route::Start(id) => super::counsel::start_screen(id),
        Route::Case { id, stage } => case_screen(id, stage),
        Route::Print(view) => super::print::print_screen(view),
        Route::Shared(payload) => super::share::shared_screen(payload),
        Route::Backup => super::backup::backup_screen(),
        Route::Sync => super::sync::sync_screen(),
        Route::Clause => super::clause::clause_list(),
        Route::ClauseEdit(id) => super::clause::clause_editor(id),
        Route::MediationRequest { clause, case } => super::clause::request_view(clause, case),
        Route::Journal => super::journal::journal_screen(),
        Route::NewReflection(case) => super::journal::new_reflection(case),
        Route::JournalEntry(id) => super::journal::entry_screen(id),
        Route::Trends => super::trends::trends_screen(),
        Route::NotFound(raw) => not_found(raw),
    }
}

fn not_found(raw: String) -> AnyView {
    vec![
        heading("Page not found"),
        el("p")
            .child("There is no screen at ")
            .child(el("code").child(raw).into_any())
            .child(". Your cases are safe; this address simply does not lead anywhere.")
            .into_any(),
        el("p")
            .child(link("#/".into(), "Go to Home", "button primary"))
            .into_any(),
    ]
    .into_any()
}
