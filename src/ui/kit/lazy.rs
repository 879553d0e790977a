//! Parts of the app that most visits never open arrive when first opened, in a second wasm
//! module that shares the app's memory and state (wasm-split; scripts/bin/wasm-bindgen cuts
//! it out; every `lazy_view!` names the same module, `later`: see ARCHITECTURE.md). When it
//! cannot be fetched (offline before it was ever loaded here, or a new version deployed since
//! this page opened), a plain message with Try again shows, never a panic.

use crate::ui::browser::pwa::offline_ready;
use crate::ui::kit::focus::focus_if_pending;
use crate::ui::kit::{button, dyn_view, el, heading, para};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos::wasm_split::wasm_split;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;
use wasm_bindgen_futures::spawn_local;

/// A chunk could not be loaded.
pub struct Missing;

impl From<SplitLoaderError> for Missing {
    fn from(_: SplitLoaderError) -> Self {
        Missing
    }
}

/// What a split function gives: the view, once its chunk is here.
pub type Loaded = Result<AnyView, Missing>;
type Loading = Pin<Box<dyn Future<Output = Loaded>>>;

/// What a lazy view is: a whole screen (its message on failure carries the page's heading) or
/// a part of one.
#[derive(Clone, Copy, PartialEq)]
pub enum Shows {
    Screen,
    Part,
}

/// A view in a chunk. `$split` is the split function: the attribute moves its body, and all
/// the code only that body reaches, into the chunk `$chunk`; calling it fetches the chunk
/// first (once). `$view` is the function the rest of the app calls.
macro_rules! lazy_view {
    ($shows:ident $chunk:ident, $split:ident, $vis:vis $view:ident($($arg:ident: $ty:ty),*) => $body:expr) => {
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible
        )]
        fn $split($($arg: $ty),*) -> $crate::ui::kit::lazy::Loaded {
            Ok($body)
        }

        $vis fn $view($($arg: $ty),*) -> AnyView {
            $crate::ui::kit::lazy::lazy(
                move || Box::pin($split($($arg.clone()),*)),
                $crate::ui::kit::lazy::Shows::$shows,
            )
        }
    };
}
pub(crate) use lazy_view;

/// A moment after start, compiles the later part from the service worker's cache, so the
/// first screen drawn from it appears at once. Not on a first visit (nothing cached yet): the
/// service worker is downloading it then, and it is never fetched twice.
pub fn warm_up_later() {
    set_timeout(
        || {
            if offline_ready() {
                spawn_local(async {
                    let _ = preload_later().await;
                });
            }
        },
        Duration::from_secs(2),
    );
}

// Never called: it names the later module, so `preload_later` can fetch it.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_later))]
fn later_module() -> Result<(), Missing> {
    Ok(())
}

/// Draws the view once its chunk is here, and on failure a way on.
pub fn lazy(load: impl Fn() -> Loading + Send + 'static, shows: Shows) -> AnyView {
    lazy_boxed(Box::new(load), shows)
}

/// [`lazy`], boxed: compiled once, not once per lazy view.
#[inline(never)]
fn lazy_boxed(load: Box<dyn Fn() -> Loading + Send>, shows: Shows) -> AnyView {
    let attempt = RwSignal::new(0u32);
    let app = use_app();
    dyn_view(move || {
        attempt.track();
        let loading = SendWrapper::new(load());
        Suspend::new(async move {
            let view = match loading.await {
                Ok(view) => view,
                Err(Missing) => missing(attempt, shows),
            };
            focus_if_pending(app);
            view
        })
        .into_any()
    })
}

fn missing(attempt: RwSignal<u32>, shows: Shows) -> AnyView {
    let alert = el("div")
        .class("banner warn")
        .attr("role", "alert")
        .child(para(
            "",
            "This part of Mend could not be opened. You may be offline and it was never opened \
             on this device before, or a new version of Mend came out since this page was \
             opened. Your cases are safe.",
        ))
        .child(
            el("p")
                .class("actions")
                .child(button("Try again", "primary", None, move |_| {
                    attempt.update(|n| *n += 1)
                }))
                .child(button("Reload Mend", "", None, |_| {
                    let _ = window().location().reload();
                }))
                .into_any(),
        );
    match shows {
        Shows::Screen => vec![heading("Could not open this screen"), alert.into_any()].into_any(),
        Shows::Part => alert.into_any(),
    }
}
