//! The address bar: where the user is, and moving elsewhere.

use leptos::prelude::*;

/// The current fragment of the address bar, e.g. `#/cases`.
pub(crate) fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The full address of a route in this installation of Mend, for a link kept outside it
/// (a calendar event).
pub(crate) fn address_of(route: &crate::route::Route) -> String {
    let l = window().location();
    let origin = l.origin().unwrap_or_default();
    let path = l.pathname().unwrap_or_default();
    format!("{origin}{path}{}", route.to_fragment())
}

/// Goes to a route, adding it to the history.
pub(crate) fn go(route: &crate::route::Route) {
    let _ = window().location().set_hash(&route.to_fragment());
}

/// Replaces the current address with a route, without a new history entry.
pub(crate) fn replace(route: &crate::route::Route) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&route.to_fragment()),
        );
        // replaceState fires no hashchange; tell the router ourselves.
        if let Ok(event) = web_sys::Event::new("hashchange") {
            let _ = window().dispatch_event(&event);
        }
    }
}
