//! The app shell: header, navigation, save status, and the screen for the current route.

use leptos::ev;
use leptos::prelude::*;

use super::current_fragment;
use super::kit::{dyn_view, el};
use super::pages;
use super::shell::{banners, save_status, toast};
use super::state::AppState;
use crate::route::{Route, Section};

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
            request_animation_frame(move || focus_where_the_user_continues(app));
        }
    });
}

fn focus_where_the_user_continues(app: AppState) {
    let field = app.focus_field.get_untracked().map(|k| format!("#{k}"));
    app.focus_field.set(None);
    let target = field
        .iter()
        .map(String::as_str)
        .chain([".stage-title", "main h1"])
        .find_map(|sel| document().query_selector(sel).ok().flatten());
    if let Some(el) = target {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::start();
    provide_context(app);
    super::pwa::Pwa::start();
    super::sync::start(app);
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
            .child(super::pwa::offline_status())
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
            .child(super::pwa::update_prompt())
            .child(dyn_view(move || pages::screen(route.get())))
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
