//! The app: the shell around every screen, the router, and which screen each route draws.

pub mod lazy;
pub mod pwa;
pub mod shell;

use crate::route::Route;
use crate::route::Section;
use crate::ui::app::shell::{banners, save_status, toast};
use crate::ui::browser::nav::current_fragment;
use crate::ui::kit::{dyn_view, el, heading, link};
use crate::ui::screens::case::case_screen;
use crate::ui::screens::cases::{cases_list, home, new_case};
use crate::ui::state::AppState;
use leptos::ev;
use leptos::prelude::*;

/// The route from the address bar, kept current.
fn route_signal() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    let handle = window_event_listener(ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_fragment()));
    });
    on_cleanup(move || handle.remove());
    route
}

/// The tab title follows the screen, and after moving to another screen the focus goes where
/// the user continues: a field asked for by a "Change" link, else the stage's heading, else
/// the screen's heading. Keyboard and screen-reader users then start at the top of the new
/// content. On a fresh page load the focus stays at the top of the page.
fn follow_route(app: AppState, route: ReadSignal<Route>) {
    Effect::new(move |_| {
        document().set_title(&format!("{} · Mend", route.read().title()));
    });
    Effect::new(move |first: Option<()>| {
        route.track();
        if first.is_some() {
            request_animation_frame(move || {
                crate::ui::kit::focus::focus_where_the_user_continues(app)
            });
        }
    });
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::start();
    provide_context(app);
    crate::ui::browser::pwa::Pwa::start();
    crate::ui::screens::sync::start(app);
    crate::ui::kit::lazy::warm_up_later();
    let route = route_signal();
    follow_route(app, route);

    let section = Memo::new(move |_| route.read().section());

    let links: Vec<AnyView> = Section::ALL
        .into_iter()
        .map(|s| {
            let link = el("a")
                .attr("href", s.route().to_fragment())
                .attr("aria-current", move || {
                    (section.get() == s).then(|| "page".to_string())
                })
                .child(s.label())
                .into_any();
            el("li").child(link).into_any()
        })
        .collect();
    vec![
        el("a")
            .class("skip-link")
            .attr("href", "#main")
            .on_click(skip_to_main)
            .child("Skip to content")
            .into_any(),
        el("header")
            .class("app-header")
            .child(
                el("a")
                    .class("brand")
                    .attr("href", "#/")
                    .child(
                        el("span")
                            .class("brand-mark")
                            .attr("aria-hidden", "true")
                            .into_any(),
                    )
                    .child("Mend")
                    .into_any(),
            )
            .child(save_status())
            .child(crate::ui::app::pwa::offline_status())
            .child(
                el("nav")
                    .class("app-nav")
                    .attr("aria-label", "Main")
                    .child(el("ul").children(links).into_any())
                    .into_any(),
            )
            .into_any(),
        el("main")
            .attr("id", "main")
            .attr("tabindex", "-1")
            .child(banners())
            .child(crate::ui::app::pwa::update_prompt())
            .child(dyn_view(move || screen(route.get())))
            .into_any(),
        toast(),
    ]
}

/// The skip link must not change the fragment: the fragment is the route.
fn skip_to_main(ev: ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// The screen for a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => home(),
        Route::Cases => cases_list(),
        Route::NewCase => new_case(),
        Route::Start(id) => crate::ui::screens::case::start::start_screen(id),
        Route::Case { id, stage } => case_screen(id, stage),
        Route::Print(view) => lazy::print(view),
        Route::Shared(payload) => lazy::shared(payload),
        Route::Backup => lazy::backup(),
        Route::Sync => lazy::sync(),
        Route::Clause => lazy::clauses(),
        Route::ClauseEdit(id) => lazy::clause(id),
        Route::MediationRequest { clause, case } => lazy::request(clause, case),
        Route::Journal => lazy::journal(),
        Route::NewReflection(case) => lazy::new_reflection(case),
        Route::JournalEntry(id) => lazy::journal_entry(id),
        Route::Trends => lazy::trends(),
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
