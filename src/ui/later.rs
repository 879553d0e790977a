//! The later screens (clause, journal, trends, backup) are a second wasm module, built from
//! `src/bin/mend-later.rs` and loaded the first time one of them is opened, so the first load
//! stays small. This file has both sides: the app's loader and waiting message, and the later
//! module's own root, which draws into `#later-root` and follows the same route.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::app::{follow_route, route_signal};
use super::kit::{button, click, dyn_view, el, para};
use super::shell::{tab_notices, toast};
use super::state::{AppState, Module};
use crate::route::Route;

/// Where the later module is, seen from the app.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LaterState {
    NotLoaded,
    Loading,
    Ready,
    Failed,
}

/// Loads the later module when the route first needs it (and again on "Try again").
pub fn loader(route: ReadSignal<Route>) -> RwSignal<LaterState> {
    let state = RwSignal::new(LaterState::NotLoaded);
    Effect::new(move |_| {
        if route.read().is_later() && state.get() == LaterState::NotLoaded {
            load(state);
        }
    });
    state
}

fn load(state: RwSignal<LaterState>) {
    state.set(LaterState::Loading);
    leptos::task::spawn_local(async move {
        // `mendLoadLater` is defined by pwa.js, which knows the module's hashed file names.
        let promise = js_sys::Reflect::get(&window(), &"mendLoadLater".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&window()).ok())
            .map(js_sys::Promise::from);
        let ok = match promise {
            Some(p) => JsFuture::from(p).await.is_ok(),
            None => false,
        };
        state.set(if ok {
            LaterState::Ready
        } else {
            LaterState::Failed
        });
    });
}

/// What the app shows on a later route until the module has drawn it.
pub fn wait(state: RwSignal<LaterState>) -> AnyView {
    dyn_view(move || {
        match state.get() {
        LaterState::Ready => ().into_any(),
        LaterState::Failed => el("div")
            .class("banner danger")
            .a("role", "alert")
            .kid(para(
                "",
                "This screen could not be opened. If you are offline and have not opened it before, connect once and try again. Your cases are not affected.",
            ))
            .kid(button(
                "Try again",
                "primary",
                None,
                click(move |_| load(state)),
            ))
            .v(),
        _ => el("p")
            .class("muted")
            .a("role", "status")
            .st("Opening…")
            .v(),
    }
    })
}

/// The later module's entry point (called by its binary).
pub fn mount() {
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    let Some(root) = document()
        .get_element_by_id("later-root")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(root, root_view).forget();
}

fn root_view() -> impl IntoView {
    let app = AppState::start(Module::Later);
    app.check_docs();
    provide_context(app);
    super::pwa::Pwa::start();
    let route = route_signal();
    follow_route(app, route, Route::is_later, true);
    // Only a change between later screens redraws; the app's own screens leave this empty.
    let mine = Memo::new(move |_| Some(route.get()).filter(Route::is_later));
    vec![
        tab_notices(app),
        dyn_view(move || match mine.get() {
            Some(route) => screen(route),
            None => ().into_any(),
        }),
        toast(),
    ]
}

fn screen(route: Route) -> AnyView {
    match route {
        Route::Backup => super::backup::backup_screen(),
        Route::Clause => super::clause::clause_list(),
        Route::Journal => super::journal::journal_screen(),
        Route::Trends => super::trends::trends_screen(),
        Route::NewReflection(case) => super::journal::new_reflection(case),
        Route::JournalEntry(id) => super::journal::entry_screen(id),
        Route::ClauseEdit(id) => super::clause::clause_editor(id),
        Route::MediationRequest { clause, case } => super::clause::request_view(clause, case),
        other => vec![
            el("h1").a("tabindex", "-1").text(other.title()).v(),
            para("", "This screen is being built."),
        ]
        .into_any(),
    }
}
