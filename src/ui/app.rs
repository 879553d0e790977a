//! The app shell: header, navigation, save status, and the screen for the current route.

use leptos::ev;
use leptos::prelude::*;

use super::current_fragment;
use super::kit::{click, dy, dyn_view, el};
use super::pages;
use super::shell::{banners, save_status, toast};
use super::state::{AppState, Module};
use crate::route::{Route, Section};

/// The route from the address bar, kept current.
pub(super) fn route_signal() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    let handle = window_event_listener(ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_fragment()));
    });
    on_cleanup(move || handle.remove());
    route
}

/// For the routes this module shows (`mine`), the tab title follows the screen, and after
/// moving to another screen the focus goes where the user continues: a field asked for by a
/// "Change" link, else the stage's heading, else the screen's heading. Keyboard and
/// screen-reader users then start at the top of the new content.
/// `at_start`: whether the first screen also takes focus (the later module mounts after the
/// user has asked for one of its screens).
pub(super) fn follow_route(
    app: AppState,
    route: ReadSignal<Route>,
    mine: fn(&Route) -> bool,
    at_start: bool,
) {
    Effect::new(move |first: Option<()>| {
        let route = route.read();
        if mine(&route) {
            document().set_title(&format!("{} · Mend", route.title()));
        } else if first.is_some() {
            // The other module draws this screen and may change the same records: hand it
            // everything typed here first.
            app.flush_all();
        }
    });
    Effect::new(move |first: Option<()>| {
        // At start, only when the user came from another screen (focus is on what they
        // clicked); on a fresh page load the focus stays at the top of the page.
        let from_elsewhere = at_start
            && document()
                .active_element()
                .is_some_and(|e| e.tag_name() != "BODY");
        let moved_here = (from_elsewhere || first.is_some()) && mine(&route.read());
        if moved_here {
            request_animation_frame(move || {
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
            });
        }
    });
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::start(Module::App);
    provide_context(app);
    super::pwa::Pwa::start();
    let route = route_signal();
    follow_route(app, route, |r| !r.is_later(), false);
    let later = super::later::loader(route);

    let section = Memo::new(move |_| route.read().section());

    let links: Vec<AnyView> = Section::ALL
        .into_iter()
        .map(|s| {
            let link = el("a")
                .at("href", s.route().to_fragment())
                .at_dyn(
                    "aria-current",
                    dy(move || (section.get() == s).then(|| "page".to_string())),
                )
                .st(s.label())
                .v();
            el("li").kid(link).v()
        })
        .collect();
    vec![
        el("a")
            .class("skip-link")
            .a("href", "#main")
            .on_click(click(skip_to_main))
            .st("Skip to content")
            .v(),
        el("header")
            .class("app-header")
            .kid(
                el("a")
                    .class("brand")
                    .a("href", "#/")
                    .kid(el("span").class("brand-mark").a("aria-hidden", "true").v())
                    .st("Mend")
                    .v(),
            )
            .kid(save_status())
            .kid(super::pwa::offline_status())
            .kid(
                el("nav")
                    .class("app-nav")
                    .a("aria-label", "Main")
                    .kid(el("ul").kids(links).v())
                    .v(),
            )
            .v(),
        el("main")
            .a("id", "main")
            .a("tabindex", "-1")
            .kid(banners())
            .kid(super::pwa::update_prompt())
            .kid(dyn_view(move || pages::screen(route.get(), later)))
            // The later screens' module draws here; it is never re-created.
            .kid(el("div").a("id", "later-root").v())
            .v(),
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
