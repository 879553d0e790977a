//! Thin Leptos components: they read the model and call the store.

mod app;
mod pages;

use leptos::prelude::*;

/// Mounts the app on the page's body. Called by the binary.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// The current fragment of the address bar, e.g. `#/cases`.
pub(crate) fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}
