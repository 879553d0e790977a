//! Opening a share link: preview, then import as a new case.

use crate::model::{Case, Stage};
use crate::route::{PrintView, Route};
use crate::store::share::{ShareError, Shared, from_text, unframe};
use crate::ui::browser::bytes::bytes;
use crate::ui::browser::nav::{current_fragment, go, replace};
use crate::ui::kit::paper::case_sheet;
use crate::ui::kit::{button, dyn_view, el, heading, link, para};
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

async fn open_link(payload: &str, passphrase: &str) -> Result<Shared, ShareError> {
    let f = unframe(payload)?;
    let data = if f.encrypted {
        bytes("open", &f.data, Some(passphrase))
            .await
            .map_err(|_| ShareError::WrongPassphrase)?
    } else {
        f.data
    };
    let plain = bytes("inflate", &data, None)
        .await
        .map_err(|e| match e.as_deref() {
            Some("too-large") => ShareError::TooLarge,
            _ => ShareError::Damaged,
        })?;
    from_text(std::str::from_utf8(&plain).map_err(|_| ShareError::Damaged)?)
}

/// Opening a link: a read-only preview, and "Import as a new case".
pub fn shared_screen(payload: String) -> AnyView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let needs_pass = RwSignal::new(false);
    let framed = unframe(&payload);
    let encrypted = matches!(framed, Ok(ref f) if f.encrypted);
    let payload = StoredValue::new(payload);
    let open = move |pass: String| {
        spawn_local(async move {
            match open_link(&payload.get_value(), &pass).await {
                Ok(shared) => {
                    app.shared.set(Some(shared));
                    // The link has been read: take it out of the address bar and history,
                    // unless the user has already gone on to another screen.
                    if matches!(Route::parse(&current_fragment()), Route::Shared(p) if !p.is_empty())
                    {
                        replace(&Route::Shared(String::new()));
                    }
                }
                Err(e) => {
                    error.set(Some(e.to_string()));
                    needs_pass.set(encrypted);
                }
            }
        });
    };
    if !payload.read_value().is_empty() {
        match framed {
            Err(e) => error.set(Some(e.to_string())),
            Ok(_) if encrypted => needs_pass.set(true),
            Ok(_) => open(String::new()),
        }
    }
    let pass = RwSignal::new(String::new());
    let body = dyn_view(move || {
        if let Some(e) = error.get().filter(|_| !needs_pass.get()) {
            return refused(e);
        }
        if needs_pass.get() {
            let submit = move || {
                error.set(None);
                needs_pass.set(false);
                open(pass.get_untracked());
            };
            return ask_passphrase(pass, error, submit);
        }
        match app.shared.get() {
            Some(Shared::Case(case)) => case_preview(app, *case),
            Some(Shared::Blank) => blank_preview(),
            None if payload.read_value().is_empty() => para(
                "",
                "There is nothing to show here. Open the share link again.",
            ),
            None => para("muted", "Opening the link…"),
        }
    });
    vec![heading("A shared case"), body].into_any()
}

/// A link that cannot be opened: why, and that nothing changed.
fn refused(why: String) -> AnyView {
    vec![
        el("p")
            .class("message danger")
            .attr("role", "alert")
            .child(why)
            .into_any(),
        para("", "Nothing was added to your cases."),
        el("p")
            .child(link(Route::Home.to_fragment(), "Go to Home", "button"))
            .into_any(),
    ]
    .into_any()
}

/// A sealed link: the passphrase, and what went wrong with the last one tried.
fn ask_passphrase(
    pass: RwSignal<String>,
    error: RwSignal<Option<String>>,
    submit: impl Fn() + 'static,
) -> AnyView {
    vec![
        para("", "This link is protected with a passphrase. Ask the person who sent it, if you do not have it."),
        el("div")
            .class("field")
            .child(el("label").attr("for", "open-pass").child("Passphrase").into_any())
            .child(
                el("input")
                    .attr("id", "open-pass")
                    .attr("type", "password")
                    .attr("autocomplete", "off")
                    .on_input(move |ev| pass.set(event_target_value(&ev)))
                    .into_any(),
            )
            .into_any(),
        el("p").child(button("Open", "primary", None, move |_| submit())).into_any(),
        dyn_view(move || match error.get() {
            Some(e) => el("p").class("message danger").attr("role", "alert").child(e).into_any(),
            None => ().into_any(),
        }),
    ]
    .into_any()
}

/// The case in the link, read-only, with the way to import it.
fn case_preview(app: AppState, case: Case) -> AnyView {
    let copy = case.clone();
    let import = move |_| {
        let id = app.create(copy.clone());
        app.shared.set(None);
        go(&Route::Case {
            id,
            stage: Stage::Summary,
        });
    };
    vec![
        para(
            "lede",
            "A read-only preview of the case in the link. Nothing has been added to your cases.",
        ),
        el("p")
            .child(button("Import as a new case", "primary", None, import))
            .into_any(),
        case_sheet(&case),
    ]
    .into_any()
}

/// A blank worksheet in the link: print it, or start a case.
fn blank_preview() -> AnyView {
    vec![
        para("lede", "This link holds a blank worksheet."),
        el("p")
            .class("actions")
            .child(link(
                Route::Print(PrintView::Blank).to_fragment(),
                "Open the blank worksheet to print",
                "button",
            ))
            .child(link(
                Route::NewCase.to_fragment(),
                "Start a new case",
                "button primary",
            ))
            .into_any(),
    ]
    .into_any()
}
