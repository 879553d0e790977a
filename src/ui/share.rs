//! Share links: making one for a case (optionally with a passphrase), and opening one as a
//! read-only preview that can be imported as a new case. The framing and checks are in
//! `store::share`; deflating and sealing use the browser (`public/pwa/bytes.js`).

use js_sys::{Function, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::kit::{button, dyn_view, el, heading, link, para, said_line};
use super::print::case_sheet;
use super::state::{AppState, now_ms, use_app};
use super::{current_fragment, download, go, replace, today};
use crate::model::{Case, Stage};
use crate::route::{PrintView, Route};
use crate::store::AnyRecord;
use crate::store::share::{LONG_LINK, ShareError, Shared, frame, from_text, to_text, unframe};

/// Calls `window.mendBytes[name](bytes, passphrase?)`, loading `bytes.js` first if needed.
/// An error carries the message `bytes.js` threw ("too-large" when inflating stopped at its
/// limit), or nothing.
async fn bytes(
    name: &str,
    data: &[u8],
    passphrase: Option<&str>,
) -> Result<Vec<u8>, Option<String>> {
    call_bytes(name, data, passphrase).await.map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
    })
}

async fn call_bytes(name: &str, data: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>, JsValue> {
    let w = window();
    let name_of = |s: &str| JsValue::from_str(s);
    if !Reflect::has(&w, &name_of("mendBytes"))? {
        let load: Function = Reflect::get(&w, &name_of("mendLoadBytes"))?.dyn_into()?;
        JsFuture::from(Promise::from(load.call0(&w)?)).await?;
    }
    let obj = Reflect::get(&w, &name_of("mendBytes"))?;
    let f: Function = Reflect::get(&obj, &name_of(name))?.dyn_into()?;
    let arr = Uint8Array::from(data);
    let promise = match passphrase {
        Some(p) => f.call2(&obj, &arr, &name_of(p)),
        None => f.call1(&obj, &arr),
    }?;
    let out = JsFuture::from(Promise::from(promise)).await?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// The whole link for a case (or a blank worksheet).
async fn make_link(shared: Shared, passphrase: String) -> Option<String> {
    let deflated = bytes("deflate", to_text(&shared).as_bytes(), None)
        .await
        .ok()?;
    let (data, encrypted) = if passphrase.is_empty() {
        (deflated, false)
    } else {
        (
            bytes("seal", &deflated, Some(&passphrase)).await.ok()?,
            true,
        )
    };
    let location = window().location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    Some(format!("{base}{}", frame(&data, encrypted)))
}

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

/// Opens the system's share sheet (`navigator.share`) if the browser has one.
fn share_sheet(data: &JsValue) -> bool {
    let nav: JsValue = window().navigator().into();
    match Reflect::get(&nav, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        Some(f) => f.call1(&nav, data).is_ok(),
        None => false,
    }
}

/// A made link: the link to select, its length, any warning, and "Share or copy the link".
fn link_view(l: String, said: RwSignal<String>, long: Option<AnyView>) -> AnyView {
    let n = l.len();
    let shared_link = l.clone();
    let send = move |_| {
        let data = js_sys::Object::new();
        let _ = Reflect::set(
            &data,
            &JsValue::from_str("url"),
            &JsValue::from_str(&shared_link),
        );
        if share_sheet(&data) {
            return said.set(String::new());
        }
        let link = shared_link.clone();
        spawn_local(async move {
            said.set(if super::copy_text(&link).await {
                "Link copied. Paste it into your message.".into()
            } else {
                "Select the link above and copy it.".into()
            });
        });
    };
    let mut parts = vec![
        el("div")
            .class("field")
            .child(
                el("label")
                    .attr("for", "share-link")
                    .child("Share link")
                    .into_any(),
            )
            .child(
                el("textarea")
                    .attr("id", "share-link")
                    .attr("rows", "3")
                    .attr("readonly", "")
                    .prop("value", move || l.clone())
                    .into_any(),
            )
            .into_any(),
        para("", format!("The link is {n} characters long.")),
    ];
    if let Some(long) = long {
        parts.push(long);
    }
    parts.push(
        el("p")
            .class("actions")
            .child(button("Share or copy the link", "primary", None, send))
            .into_any(),
    );
    parts.into_any()
}

/// On the blank worksheet: a link that opens a blank worksheet for someone else.
pub fn blank_share() -> AnyView {
    let made = RwSignal::new(None::<String>);
    let said = RwSignal::new(String::new());
    let make = move |_| {
        spawn_local(async move {
            match make_link(Shared::Blank, String::new()).await {
                Some(l) => made.set(Some(l)),
                None => said.set("This browser could not make the link.".into()),
            }
        });
    };
    el("div")
        .class("share no-print")
        .child(
            el("p")
                .child(button(
                    "Make a link to this blank worksheet",
                    "",
                    None,
                    make,
                ))
                .into_any(),
        )
        .child(dyn_view(move || match made.get() {
            Some(l) => link_view(l, said, None),
            None => ().into_any(),
        }))
        .child(said_line("", said))
        .into_any()
}

/// "Print or share" on a case's summary.
pub fn share_panel(app: AppState, id: String) -> AnyView {
    let passphrase = RwSignal::new(String::new());
    let made = RwSignal::new(None::<String>);
    let said = RwSignal::new(String::new());
    let case_id = StoredValue::new(id.clone());
    let make = move |_| {
        let Some(case) = app.find::<Case>(&case_id.read_value()).map(|r| r.data) else {
            return;
        };
        said.set("Making the link…".into());
        let pass = passphrase.get_untracked();
        spawn_local(async move {
            match make_link(Shared::Case(Box::new(case)), pass).await {
                Some(l) => {
                    made.set(Some(l));
                    said.set(String::new());
                }
                None => {
                    said.set("This browser could not make the link. Send a file instead.".into())
                }
            }
        });
    };
    let file = move || {
        let rec = app.find::<Case>(&case_id.read_value());
        if let Some(rec) = rec {
            let text = crate::store::backup::export(
                &[AnyRecord::Case(rec)],
                &[],
                &[],
                now_ms(),
                env!("CARGO_PKG_VERSION"),
            );
            download(
                &format!("mend-case-{}.json", today().iso()),
                "application/json",
                &text,
            );
        }
    };
    let result = dyn_view(move || {
        let Some(l) = made.get() else {
            return ().into_any();
        };
        let long = (l.len() > LONG_LINK).then(|| {
            el("div")
                .class("banner warn")
                .child(para(
                    "",
                    "Long links can be cut short by chat apps and some email programs. Sending a file is safer: it opens with Import on the Backup screen.",
                ))
                .child(button("Download as a file", "", None, move |_| file()))
                .into_any()
        });
        link_view(l, said, long)
    });
    let print = |view: PrintView, text: &'static str| {
        el("li")
            .child(link(Route::Print(view).to_fragment(), text, ""))
            .into_any()
    };
    el("section")
        .class("card share no-print")
        .attr("aria-labelledby", "share-h")
        .child(el("h3").attr("id", "share-h").child("Print or share").into_any())
        .child(
            el("ul")
                .class("plain")
                .child(print(PrintView::Case(id.clone()), "Print this case"))
                .child(print(PrintView::Remedy(id), "Print the choose-your-remedy sheet for the client"))
                .child(print(PrintView::Blank, "Print a blank worksheet"))
                .child(print(PrintView::Crib, "Print the conversation crib sheet"))
                .into_any(),
        )
        .child(para(
            "",
            "A share link carries the case inside the link itself; it never passes through a server. Anyone with the link can read it, so add a passphrase for anything sensitive and give the passphrase another way (by phone, say).",
        ))
        .child(
            el("div")
                .class("field")
                .child(el("label").attr("for", "share-pass").child("Passphrase (optional)").into_any())
                .child(
                    el("input")
                        .attr("id", "share-pass")
                        .attr("type", "password")
                        .attr("autocomplete", "new-password")
                        .on_input(move |ev| {
                            passphrase.set(event_target_value(&ev));
                            made.set(None);
                        })
                        .into_any(),
                )
                .into_any(),
        )
        .child(el("p").child(button("Make a share link", "", None, make)).into_any())
        .child(result)
        .child(said_line("", said))
        .into_any()
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
            return vec![
                el("p")
                    .class("message danger")
                    .attr("role", "alert")
                    .child(e)
                    .into_any(),
                para("", "Nothing was added to your cases."),
                el("p")
                    .child(link(Route::Home.to_fragment(), "Go to Home", "button"))
                    .into_any(),
            ]
            .into_any();
        }
        if needs_pass.get() {
            let submit = move |_| {
                error.set(None);
                needs_pass.set(false);
                open(pass.get_untracked());
            };
            return vec![
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
                el("p").child(button("Open", "primary", None, submit)).into_any(),
                dyn_view(move || match error.get() {
                    Some(e) => el("p").class("message danger").attr("role", "alert").child(e).into_any(),
                    None => ().into_any(),
                }),
            ]
            .into_any();
        }
        match app.shared.get() {
            Some(Shared::Case(case)) => {
                let copy = (*case).clone();
                let import = move |_| {
                    let id = app.create(copy.clone());
                    app.shared.set(None);
                    go(&Route::Case {
                        id,
                        stage: Stage::Summary,
                    });
                };
                vec![
                    para("lede", "A read-only preview of the case in the link. Nothing has been added to your cases."),
                    el("p").child(button("Import as a new case", "primary", None, import)).into_any(),
                    case_sheet(&case),
                ]
                .into_any()
            }
            Some(Shared::Blank) => vec![
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
            .into_any(),
            None if payload.read_value().is_empty() => para(
                "",
                "There is nothing to show here. Open the share link again.",
            ),
            None => para("muted", "Opening the link…"),
        }
    });
    vec![heading("A shared case"), body].into_any()
}
