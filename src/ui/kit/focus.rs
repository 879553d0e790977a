//! Where the focus goes after moving to another screen (ui::app), or once a screen that was
//! still loading arrives (kit::lazy).

use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Focuses a field asked for by a "Change" link, else the stage's heading, else the screen's
/// heading. With none of them drawn yet (the screen is still loading), tries again once it is.
pub fn focus_where_the_user_continues(app: AppState) {
    let field = app.focus_field.get_untracked().map(|k| format!("#{k}"));
    let target = field
        .iter()
        .map(String::as_str)
        .chain([".stage-title", "main h1"])
        .find_map(|sel| document().query_selector(sel).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    app.focus_pending.set(target.is_none());
    if let Some(el) = target {
        app.focus_field.set(None);
        let _ = el.focus();
    }
}

/// After a lazy view is drawn: the focus it was waiting for.
pub fn focus_if_pending(app: AppState) {
    if app.focus_pending.get_untracked() {
        request_animation_frame(move || focus_where_the_user_continues(app));
    }
}
