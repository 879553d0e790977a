//! Whether the browser is online, as it says.

use leptos::prelude::*;

/// Whether the browser believes it is online now.
pub fn is_online() -> bool {
    window().navigator().on_line()
}

/// A signal that follows the browser's online and offline events, for as long as the
/// current owner lives.
pub fn online_signal() -> RwSignal<bool> {
    let online = RwSignal::new(is_online());
    let handles = [
        window_event_listener_untyped("online", move |_| online.set(true)),
        window_event_listener_untyped("offline", move |_| online.set(false)),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    online
}
