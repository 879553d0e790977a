//! Making a share link for a case or a blank worksheet.

use crate::model::Case;
use crate::route::{PrintView, Route};
use crate::store::AnyRecord;
use crate::store::share::{LONG_LINK, Shared, frame, to_text};
use crate::ui::browser::bytes::bytes;
use crate::ui::browser::download::download;
use crate::ui::browser::time::{now_ms, today};
use crate::ui::kit::{button, dyn_view, el, link, para, said_line};
use crate::ui::state::AppState;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;

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
            said.set(if crate::ui::browser::clipboard::copy_text(&link).await {
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
    let result = dyn_view(move || {
        let Some(l) = made.get() else {
            return ().into_any();
        };
        let long = (l.len() > LONG_LINK).then(|| too_long(app, case_id));
        link_view(l, said, long)
    });
    el("section")
        .class("card share no-print")
        .attr("aria-labelledby", "share-h")
        .child(el("h3").attr("id", "share-h").child("Print or share").into_any())
        .child(print_links(id))
        .child(para(
            "",
            "A share link carries the case inside the link itself; it never passes through a server. Anyone with the link can read it, so add a passphrase for anything sensitive and give the passphrase another way (by phone, say).",
        ))
        .child(passphrase_field(passphrase, made))
        .child(el("p").child(button("Make a share link", "", None, make)).into_any())
        .child(result)
        .child(said_line("", said))
        .into_any()
}

/// The case's paper views.
fn print_links(id: String) -> AnyView {
    let print = |view: PrintView, text: &'static str| {
        el("li")
            .child(link(Route::Print(view).to_fragment(), text, ""))
            .into_any()
    };
    el("ul")
        .class("plain")
        .child(print(PrintView::Case(id.clone()), "Print this case"))
        .child(print(
            PrintView::Remedy(id),
            "Print the choose-your-remedy sheet for the client",
        ))
        .child(print(PrintView::Blank, "Print a blank worksheet"))
        .child(print(PrintView::Crib, "Print the conversation crib sheet"))
        .into_any()
}

/// An optional passphrase; changing it forgets the link made with the old one.
fn passphrase_field(passphrase: RwSignal<String>, made: RwSignal<Option<String>>) -> AnyView {
    el("div")
        .class("field")
        .child(
            el("label")
                .attr("for", "share-pass")
                .child("Passphrase (optional)")
                .into_any(),
        )
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
        .into_any()
}

/// A link too long for some apps: the case as a file instead.
fn too_long(app: AppState, case_id: StoredValue<String>) -> AnyView {
    let file = move |_| {
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
    el("div")
        .class("banner warn")
        .child(para(
            "",
            "Long links can be cut short by chat apps and some email programs. Sending a file is safer: it opens with Import on the Backup screen.",
        ))
        .child(button("Download as a file", "", None, file))
        .into_any()
}
