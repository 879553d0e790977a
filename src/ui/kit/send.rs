//! The ways a text the user will send leaves Mend: copied, or handed to the device's share
//! sheet (a messaging app, mail) where the device has one. Either way the user sends it.

use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::share::{Shared, can_share, share_text};
use crate::ui::kit::button;
use leptos::prelude::*;
use std::rc::Rc;

/// "Copy …" and, only where the browser can share, "Share…". `words` gives the title (for
/// the share sheet) and the text as they are at the press; `said` tells what happened.
pub fn copy_and_share(
    copy_label: &'static str,
    said: RwSignal<String>,
    words: impl Fn() -> (String, String) + 'static,
) -> Vec<AnyView> {
    send_boxed(copy_label, said, Rc::new(words))
}

// One copy of the code for every caller (a generic one per caller costs bytes).
#[inline(never)]
fn send_boxed(
    copy_label: &'static str,
    said: RwSignal<String>,
    words: Rc<dyn Fn() -> (String, String)>,
) -> Vec<AnyView> {
    let to_copy = words.clone();
    let copy = move |_| {
        let (_, text) = to_copy();
        leptos::task::spawn_local(async move {
            said.set(if copy_text(&text).await {
                "Copied. Paste it where you write to them, read it once more, and send it yourself."
                    .into()
            } else {
                "This browser did not allow copying. Select the text and copy it.".into()
            });
        });
    };
    let share = move |_| {
        let (title, text) = words();
        leptos::task::spawn_local(async move {
            said.set(match share_text(&title, &text).await {
                Shared::Done => {
                    "Handed to the app you chose. Read it once more there before you send it."
                        .into()
                }
                Shared::Cancelled => String::new(),
                Shared::Failed => {
                    "This device could not share it. Copy it instead, and paste it into your message."
                        .into()
                }
            });
        });
    };
    let mut out = vec![button(copy_label, "primary", None, copy)];
    if can_share() {
        out.push(button("Share…", "", None, share));
    }
    out
}
