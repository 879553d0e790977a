//! Conversations with the client, and support when one gets heated.

use crate::model::case::{Channel, Contact};
use crate::model::date::human_time;
use crate::model::drafts::DraftKind;
use crate::model::guidance::{AFTER_A_CONVERSATION, NOT_PERSONAL, TAKE_A_PAUSE};
use crate::ui::browser::time::{local_offset_minutes, now_ms};
use crate::ui::kit::fields::{read_case, shape_of, write_case};
use crate::ui::kit::inputs::labelled;
use crate::ui::kit::{button, dyn_view, el, para};
use crate::ui::screens::case::drafts::draft_view;
use leptos::prelude::*;

/// "It is about the work, not about you." // G47
pub fn not_personal() -> AnyView {
    para("advice", NOT_PERSONAL)
}

/// The conversations so far, a way to log the next one, and support when one got heated.
/// // G7, G8, G34, G45, G47
pub fn contacts_view() -> AnyView {
    let write = write_case();
    let how = RwSignal::new(Channel::Phone);
    let said = RwSignal::new(String::new());
    // What was just logged here: Some(true) when it got heated.
    let logged = RwSignal::new(None::<bool>);
    let log = move |heated: bool| {
        let contact = Contact {
            at: now_ms(),
            how: Some(how.get_untracked()),
            said: said.get_untracked().trim().to_string(),
            heated,
        };
        write(Box::new(move |c| c.contacts.push(contact)));
        said.set(String::new());
        logged.set(Some(heated));
    };
    let text = el("textarea")
        .attr("id", "contact-said")
        .attr("rows", "2")
        .prop("value", move || said.get())
        .on_input(move |ev| said.set(event_target_value(&ev)))
        .into_any();
    vec![
        contacts_list(),
        labelled("contact-how".into(), "How you talked", channel_select(how)),
        labelled(
            "contact-said".into(),
            "What was said, in a line or two",
            text,
        ),
        el("p")
            .class("actions")
            .child(button(
                "Log this conversation",
                "primary",
                None,
                move |_| log(false),
            ))
            .child(button("The call got heated", "", None, move |_| log(true)))
            .into_any(),
        dyn_view(move || match logged.get() {
            None => ().into_any(),
            Some(false) => para("banner info", AFTER_A_CONVERSATION),
            Some(true) => support(),
        }),
    ]
    .into_any()
}

/// The conversations so far, newest first; redrawn only when one is added.
fn contacts_list() -> AnyView {
    let count = shape_of(|c| c.contacts.len() as u64);
    let contacts = read_case(|c| c.contacts.clone());
    dyn_view(move || {
        let _ = count.get();
        let offset = local_offset_minutes();
        let items: Vec<AnyView> = untrack(contacts)
            .into_iter()
            .rev()
            .map(|c| contact_item(c, offset))
            .collect();
        if items.is_empty() {
            return para(
                "muted",
                "Nothing logged yet. Log each call or message: the summary, the check-ins and Home draw on it.",
            );
        }
        el("ul").class("plain contacts").children(items).into_any()
    })
}

/// One conversation: when, how, whether it got heated, and what was said.
fn contact_item(c: Contact, offset: i32) -> AnyView {
    let how = c.how.map_or("", Channel::label);
    let mut li = el("li").child(format!("{} · {how}", human_time(c.at, offset)));
    if c.heated {
        li = li.child(" ").child(
            el("span")
                .class("badge warn")
                .child("Got heated")
                .into_any(),
        );
    }
    if !c.said.is_empty() {
        li = li.child(el("p").class("muted").child(c.said).into_any());
    }
    li.into_any()
}

/// How the conversation took place.
fn channel_select(how: RwSignal<Channel>) -> AnyView {
    let channels: Vec<AnyView> = Channel::ALL
        .iter()
        .map(|ch| {
            let ch = *ch;
            el("option")
                .attr("value", ch.key())
                .prop("selected", crate::ui::kit::flag(move || how.get() == ch))
                .child(ch.label())
                .into_any()
        })
        .collect();
    el("select")
        .attr("id", "contact-how")
        .on_change(move |ev| {
            let v = event_target_value(&ev);
            if let Some(ch) = Channel::ALL.iter().find(|c| c.key() == v) {
                how.set(*ch);
            }
        })
        .children(channels)
        .into_any()
}

/// After a heated call: a pause, the written follow-up, and perspective. // G7, G45, G47
fn support() -> AnyView {
    el("div")
        .class("banner info support")
        .attr("role", "status")
        .child(
            el("p")
                .child(
                    el("strong")
                        .child("Logged. Ending it calmly was the right call.")
                        .into_any(),
                )
                .into_any(),
        )
        .child(para("", TAKE_A_PAUSE))
        .child(para("", NOT_PERSONAL))
        .child(para("", "When you are ready, follow up in writing:"))
        .child(draft_view(DraftKind::CallFailed))
        .into_any()
}
