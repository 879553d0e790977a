//! A drafted message: edit, copy or share, open in your email, print.

use crate::model::Case;
use crate::model::drafts::{self, DraftKind};
use crate::route::{PrintView, Route};
use crate::ui::browser::time::today;
use crate::ui::kit::fields::{read_case, shape_of, write_case};
use crate::ui::kit::inputs::labelled;
use crate::ui::kit::send::copy_and_share;
use crate::ui::kit::{button, dyn_text, el, link, para, said_line, when};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// `mailto:` with the subject and text filled in: the user's own mail program sends it.
fn mailto(to: &str, subject: &str, body: &str) -> String {
    let enc = |t: &str| String::from(js_sys::encode_uri_component(t));
    let to = if to.contains('@') { to.trim() } else { "" };
    format!(
        "mailto:{}?subject={}&body={}",
        enc(to),
        enc(subject),
        enc(body)
    )
}

/// The first reply, and before it, when the complaint is a public review, the short public
/// answer under it.
pub fn first_replies() -> AnyView {
    let review = read_case(drafts::needs_public_reply);
    vec![
        when(review, || draft_view(DraftKind::PublicReply)),
        draft_view(DraftKind::FirstReply),
    ]
    .into_any()
}

/// A drafted message: editable, then copied, opened in the user's email, or printed. What
/// the user types is kept with the case. // G6, G7, G34
pub fn draft_view(kind: DraftKind) -> AnyView {
    let app = use_app();
    let write = write_case();
    let case_id = crate::ui::kit::fields::use_case_id();
    let id = format!("draft-{}", kind.key());
    let signature = move || app.settings().name;
    let case = read_case(Case::clone);
    let draft = move || drafts::current(kind, &case(), &signature(), today());
    let edited = shape_of(move |c| u64::from(c.drafts.iter().any(|d| d.kind == kind.key())));
    let said = RwSignal::new(String::new());
    let textarea = el("textarea")
        .id(id.clone())
        .attr("rows", "9")
        .prop("value", move || draft().body)
        .on_input(move |ev| {
            let text = event_target_value(&ev);
            write(Box::new(move |c| drafts::keep_edit(c, kind, text)))
        })
        .into_any();
    let print = Route::Print(PrintView::Draft(case_id, kind)).to_fragment();
    el("div")
        .class("draft")
        .child(para("hint", kind.when()))
        .child(
            el("p")
                .child(dyn_text(move || format!("Subject: {}", draft().subject)))
                .into_any(),
        )
        .child(labelled(id, format!("Message: {}", kind.title()), textarea))
        .child(
            el("p")
                .class("actions no-print")
                .children(copy_and_share("Copy the message", said, move || {
                    let d = draft();
                    (d.subject, d.body)
                }))
                .child(
                    el("a")
                        .class("button")
                        .attr("href", move || {
                            let d = draft();
                            Some(mailto(&case().client.contact, &d.subject, &d.body))
                        })
                        .child("Open in your email")
                        .into_any(),
                )
                .child(link(print, "Print it", "button"))
                .child(when(
                    move || edited.get() == 1,
                    move || {
                        button("Start again from the case", "", None, move |_| {
                            write(Box::new(move |c| drafts::drop_edit(c, kind)))
                        })
                    },
                ))
                .into_any(),
        )
        .child(said_line("no-print", said))
        .into_any()
}
