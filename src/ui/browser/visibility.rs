//! Whether the page is on screen, and being told when that changes.

use leptos::prelude::*;

/// Whether the page is on screen now.
pub fn page_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Calls `f` with whether the page is visible each time it is shown or hidden, for as long
/// as the current owner lives.
pub fn on_visibility_change(f: impl Fn(bool) + 'static) {
    let h = window_event_listener(leptos::ev::visibilitychange, move |_| f(page_visible()));
    on_cleanup(move || h.remove());
}
