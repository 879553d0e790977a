//! Thin Leptos components: they read the model and call the store. Where things live:
//! - `app`: the shell around every screen and the router;
//! - `state`: the one state adapter over `store::Workspace`;
//! - `kit`: the element builder and the few controls every screen shares;
//! - `browser`: one file per browser capability;
//! - `screens`: one room per screen; screens never import each other.

mod app;
mod browser;
mod kit;
mod screens;
mod state;

/// Mounts the app on the page's body. Called by the binary.
pub fn mount() {
    // A panic's message goes to the console (without a stack trace, which would need more code).
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    browser::locale::install_browser_conventions();
    // The first screen painted from the page itself (scripts/prerender.mjs) goes as the app
    // draws the same in its place, in one task, so nothing flickers.
    let document = leptos::prelude::document();
    while let Some(el) = document.query_selector("[data-prerendered]").ok().flatten() {
        el.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
