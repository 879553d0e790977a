//! The app shell: header, navigation, save status, and the screen for the current route.

use leptos::ev;
use leptos::prelude::*;

use super::current_fragment;
use super::pages;
use super::shell::{Banners, SaveStatusView, ToastView};
use super::state::AppState;
use crate::route::{Route, Section};

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::start());
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    let handle = window_event_listener(ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_fragment()));
    });
    on_cleanup(move || handle.remove());

    // The tab title follows the screen.
    Effect::new(move |_| {
        document().set_title(&format!("{} · Mend", route.read().title()));
    });

    // After moving to another screen, put focus on its heading so keyboard and
    // screen-reader users start at the top of the new content.
    Effect::new(move |first: Option<()>| {
        route.track();
        if first.is_some() {
            request_animation_frame(|| {
                if let Ok(Some(h1)) = document().query_selector("main h1") {
                    use leptos::wasm_bindgen::JsCast;
                    if let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h1.focus();
                    }
                }
            });
        }
    });

    let section = Memo::new(move |_| route.read().section());

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Mend"
            </a>
            <SaveStatusView/>
            <nav class="app-nav" aria-label="Main">
                <ul>
                    {Section::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <a
                                        href=s.route().to_fragment()
                                        aria-current=move || {
                                            (section.get() == s).then_some("page")
                                        }
                                    >
                                        {s.label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <Banners/>
            {move || pages::screen(route.get())}
        </main>
        <ToastView/>
    }
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
