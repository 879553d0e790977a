//! One function per screen. Screens other than Home are filled in by their own issues.

use leptos::prelude::*;

use super::backup::{BackupScreen, ExportNudge};
use super::cases::{CaseScreen, CasesList, NewCase};
use crate::route::{PrintView, Route};

/// The screen for a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Cases => view! { <CasesList/> }.into_any(),
        Route::NewCase => view! { <NewCase/> }.into_any(),
        Route::Case { id, .. } => view! { <CaseScreen id/> }.into_any(),
        Route::Backup => view! { <BackupScreen/> }.into_any(),
        Route::NotFound(raw) => view! { <NotFound raw/> }.into_any(),
        other => placeholder(other).into_any(),
    }
}

#[component]
fn Home() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Handle an unhappy client, calmly"</h1>
        <p class="lede">
            "Mend walks you through one dispute at a time: know your numbers, listen, restate, "
            "agree a fair remedy, and learn from it. Everything stays in this browser."
        </p>
        <p>
            <a class="button primary" href="#/cases/new">"New case"</a>
        </p>
        <ExportNudge with_button=true/>
    }
}

#[component]
fn NotFound(raw: String) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>
            "There is no screen at "
            <code>{raw}</code>
            ". Your cases are safe; this address simply does not lead anywhere."
        </p>
        <p>
            <a class="button primary" href="#/">"Go to Home"</a>
        </p>
    }
}

/// A heading and a line for screens that later issues fill in.
fn placeholder(route: Route) -> impl IntoView {
    let heading = match &route {
        Route::Cases => "Cases",
        Route::NewCase => "New case",
        Route::Case { .. } => "Case",
        Route::Clause => "Mediation clause",
        Route::Journal => "Reflection journal",
        Route::JournalEntry(_) => "Reflection",
        Route::Trends => "Trends",
        Route::Backup => "Backup",
        Route::Print(PrintView::Blank) => "Blank worksheet",
        Route::Print(PrintView::Crib) => "Conversation crib sheet",
        Route::Print(PrintView::Case(_)) => "Case worksheet",
        Route::Print(PrintView::Remedy(_)) => "Choose your remedy",
        Route::Home | Route::NotFound(_) => "Mend",
    };
    view! {
        <h1 tabindex="-1">{heading}</h1>
        <p>"This screen is being built."</p>
    }
}
