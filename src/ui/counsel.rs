//! Counsel on screen: the reading with its reasons, your limits, words to send, the log of
//! conversations (with support when one gets heated), and the five-minute start before a
//! call. Every rule and every word drafted comes from `model::counsel` and `model::drafts`.

use leptos::prelude::*;

use super::fields::{
    bind_case, check_input, figure_input, labelled, provide_editing, question_view, read_case,
    shape_of, write_case,
};
use super::kit::{
    button, card, dyn_text, dyn_view, el, heading, link, para, said_line, text_list, when,
};
use super::state::{local_offset_minutes, now_ms, use_app};
use super::widgets::{crib_sheet, history_of, use_history};
use super::{copy_text, today};
use crate::model::case::{Channel, Contact};
use crate::model::counsel::{Past, Reading, reading, suggested_limits, time_warning};
use crate::model::date::human_time;
use crate::model::drafts::{self, DraftKind};
use crate::model::figure::Unit;
use crate::model::guidance::{
    AFTER_A_CONVERSATION, CLARIFYING_QUESTIONS, GROUND_RULES, NOT_PERSONAL, TAKE_A_PAUSE,
};
use crate::model::money::format_money;
use crate::model::numbers::{figures, format_hours};
use crate::model::worksheet::{progress, question};
use crate::model::{Case, Stage};
use crate::route::{PrintView, Route};

/// The reading for case `id`, from its client's history (tracked).
pub fn case_reading(id: &str, case: &Case) -> Reading {
    reading(case, Past::before(&history_of(id), &case.currency))
}

/// The reading: what to do, why, what to offer, and what is missing. The same on every
/// stage it shows.
pub fn reading_view() -> AnyView {
    let history = use_history();
    let case = read_case(Case::clone);
    dyn_view(move || {
        let c = case();
        let r = reading(&c, Past::before(&history.get(), &c.currency));
        let reasons: Vec<AnyView> = r
            .reasons
            .iter()
            .map(|x| {
                el("li")
                    .child(x.text.clone())
                    .child(" ")
                    .child(
                        el("span")
                            .class("cite")
                            .child(format!("({})", x.guidance))
                            .into_any(),
                    )
                    .into_any()
            })
            .collect();
        let mut body = vec![
            el("p")
                .class("headline")
                .child(el("strong").child(r.call.headline()).into_any())
                .into_any(),
            el("ul").class("reasons").children(reasons).into_any(),
            para("gesture", r.gesture_text(&c)),
        ];
        if let Some(cost) = r.cost_text(&c) {
            let warns = r.cost.is_some_and(|k| k.warns());
            body.push(para(if warns { "cost warn" } else { "cost" }, cost));
        }
        if !r.missing.is_empty() {
            body.push(
                el("p")
                    .class("missing-title")
                    .child("Still to find out")
                    .into_any(),
            );
            body.push(text_list(
                "missing",
                r.missing
                    .iter()
                    .map(|g| format!("{} {}", g.fact, g.changes))
                    .collect(),
            ));
        }
        el("div")
            .class("reading")
            .attr("data-reading", r.call.key())
            .children(body)
            .into_any()
    })
}

/// A figure field whose hint follows the case.
fn figure_with_hint(
    id: &'static str,
    label: &'static str,
    hint: impl Fn() -> String + Send + 'static,
    unit: Unit,
    b: super::fields::Bind<Option<i64>>,
) -> AnyView {
    let hint_id = format!("{id}-hint");
    el("div")
        .class("field")
        .child(el("label").attr("for", id).child(label).into_any())
        .child(
            el("p")
                .class("hint")
                .attr("id", hint_id.clone())
                .child(dyn_text(hint))
                .into_any(),
        )
        .child(figure_input(id.into(), Some(hint_id), unit, b))
        .into_any()
}

/// Your limits, set before the conversation, with suggestions from the numbers: labelled
/// as suggestions until you use one or type your own. // G3
pub fn limits_view() -> AnyView {
    let suggested = read_case(|c| suggested_limits(c, &figures(c)));
    let own = read_case(|c| c.limits);
    let currency = read_case(|c| c.currency.clone());
    let warning = read_case(|c| time_warning(c, &figures(c)));
    let write = write_case();
    vec![
        para(
            "hint",
            "Decide before you talk: the most you will give back, and how much of your own time this dispute is worth. Every offer is checked against them.",
        ),
        figure_with_hint(
            "limit-concede",
            "The most you will concede",
            move || match (own().concede, suggested().concede) {
                (Some(_), _) => "Your own limit.".into(),
                (None, Some(v)) => format!("Suggested: {}, what you can give and still break even. Until you set your own, the suggestion is used.", format_money(v, &currency())),
                (None, None) => "Fill in your numbers for a suggestion.".into(),
            },
            Unit::Money,
            bind_case(|c| c.limits.concede, |c, v| c.limits.concede = v),
        ),
        when(
            move || own().concede.is_none() && suggested().concede.is_some(),
            move || {
                button("Use the suggested limit", "", None, move |_| {
                    write(Box::new(|c| c.limits.concede = suggested_limits(c, &figures(c)).concede))
                })
            },
        ),
        figure_with_hint(
            "limit-hours",
            "The most time you will spend on it",
            move || match (own().minutes, suggested().minutes) {
                (Some(_), _) => "Your own limit: your hours on the dispute, not the client's time on a call.".into(),
                (None, Some(h)) => format!("Suggested: {}, what the amount in dispute is worth at your rate. Until you set your own, the suggestion is used.", format_hours(h)),
                (None, None) => "Fill in the amount and your hourly worth for a suggestion.".into(),
            },
            Unit::Hours,
            bind_case(|c| c.limits.minutes, |c, v| c.limits.minutes = v),
        ),
        when(
            move || own().minutes.is_none() && suggested().minutes.is_some(),
            move || {
                button("Use the suggested time", "", None, move |_| {
                    write(Box::new(|c| c.limits.minutes = suggested_limits(c, &figures(c)).minutes))
                })
            },
        ),
        dyn_view(move || match warning() {
            Some(w) => para("banner warn", w),
            None => ().into_any(),
        }),
    ]
    .into_any()
}

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

/// A drafted message: editable, then copied, opened in the user's email, or printed. What
/// the user types is kept with the case. // G6, G7, G34
pub fn draft_view(kind: DraftKind) -> AnyView {
    let app = use_app();
    let write = write_case();
    let case_id = super::fields::use_case_id();
    let id = format!("draft-{}", kind.key());
    let signature = move || app.settings().name;
    let case = read_case(Case::clone);
    let draft = move || drafts::current(kind, &case(), &signature(), today());
    let edited = shape_of(move |c| u64::from(c.drafts.iter().any(|d| d.kind == kind.key())));
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let text = draft().body;
        leptos::task::spawn_local(async move {
            said.set(if copy_text(&text).await {
                "Copied. Paste it into your message, read it once more, and send it yourself."
                    .into()
            } else {
                "This browser did not allow copying. Select the text and copy it.".into()
            });
        });
    };
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
                .child(button("Copy the message", "primary", None, copy))
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

/// "It is about the work, not about you." // G47
pub fn not_personal() -> AnyView {
    para("advice", NOT_PERSONAL)
}

/// The conversations so far, a way to log the next one, and support when one got heated.
/// // G7, G8, G34, G45, G47
pub fn contacts_view() -> AnyView {
    let write = write_case();
    let count = shape_of(|c| c.contacts.len() as u64);
    let contacts = read_case(|c| c.contacts.clone());
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
    let list = dyn_view(move || {
        let _ = count.get();
        let offset = local_offset_minutes();
        let items: Vec<AnyView> = untrack(contacts)
            .into_iter()
            .rev()
            .map(|c| {
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
            })
            .collect();
        if items.is_empty() {
            return para(
                "muted",
                "Nothing logged yet. Log each call or message: the summary, the check-ins and Home draw on it.",
            );
        }
        el("ul").class("plain contacts").children(items).into_any()
    });
    let channels: Vec<AnyView> = Channel::ALL
        .iter()
        .map(|ch| {
            let ch = *ch;
            el("option")
                .attr("value", ch.key())
                .prop("selected", super::kit::flag(move || how.get() == ch))
                .child(ch.label())
                .into_any()
        })
        .collect();
    let select = el("select")
        .attr("id", "contact-how")
        .on_change(move |ev| {
            let v = event_target_value(&ev);
            if let Some(ch) = Channel::ALL.iter().find(|c| c.key() == v) {
                how.set(*ch);
            }
        })
        .children(channels)
        .into_any();
    let text = el("textarea")
        .attr("id", "contact-said")
        .attr("rows", "2")
        .prop("value", move || said.get())
        .on_input(move |ev| said.set(event_target_value(&ev)))
        .into_any();
    vec![
        list,
        labelled("contact-how".into(), "How you talked", select),
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

/// One worksheet question, by its key (the same field as on its stage).
fn ask(key: &str) -> AnyView {
    question(key).map_or_else(|| ().into_any(), question_view)
}

/// The clarifying questions to ask on the call, ticked to plan them. // G11, G17, G18, G35
fn questions_to_ask() -> AnyView {
    let items: Vec<AnyView> = CLARIFYING_QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let b = bind_case(
                move |c: &Case| c.listen.questions.iter().any(|x| x.text == *q && x.planned),
                move |c, on| c.listen.question(q).planned = on,
            );
            el("li")
                .child(check_input(format!("plan-{i}"), q.to_string(), b))
                .into_any()
        })
        .collect();
    el("ul").class("checklist").children(items).into_any()
}

/// Before you call: one screen, five minutes, then the script or the first reply. // G6
pub fn start_screen(id: String) -> AnyView {
    let app = use_app();
    if !untrack(|| app.cases(|m| m.contains_key(&id))) {
        return super::worksheet::case_not_found();
    }
    provide_editing::<Case>(id.clone());
    // A memo: the section below must not be rebuilt (and lose its focus) on every keystroke.
    let written = shape_of(|c| u64::from(c.channel.is_some_and(Channel::is_written)));
    let missing = read_case(|c| Stage::questions().len() - progress(c));
    let section = |title, hid, body| card("card", hid, title).children(body).into_any();
    let script = Route::Print(PrintView::Script(id.clone())).to_fragment();
    let worksheet = Route::Case {
        id,
        stage: Stage::Case,
    }
    .to_fragment();
    vec![
        heading("Before you call"),
        para(
            "lede",
            "Five minutes now: who, what, what it is worth to you, and what to say. You can fill in the full worksheet afterwards.",
        ),
        not_personal(),
        section(
            "Who and what",
            "start-who",
            ["client-name", "channel", "disputed", "amount", "invoiced", "minutes-spent", "hourly-worth"]
                .map(ask)
                .into(),
        ),
        section("Your limits", "start-limits", vec![limits_view()]),
        section("What to do, and why", "start-reading", vec![reading_view()]),
        section(
            "On the call",
            "start-call",
            vec![
                el("h3").child("Ground rules").into_any(),
                text_list("rules", GROUND_RULES.iter().map(|r| r.to_string()).collect()),
                el("h3").child("Questions to ask").into_any(),
                questions_to_ask(),
                ask("our-side"),
                el("p")
                    .child(link(script, "Open the call script", "button primary"))
                    .into_any(),
            ],
        ),
        dyn_view(move || {
            if written.get() == 0 {
                return ().into_any();
            }
            section(
                "It came in writing: ask for a call, not a written debate",
                "start-reply",
                vec![ask("reach-when"), ask("reach-time"), draft_view(DraftKind::FirstReply)],
            )
        }),
        el("p")
            .child(dyn_text(move || match missing() {
                0 => "Every stage of the worksheet is done.".into(),
                1 => "One stage of the worksheet still needs answers; fill it in after the call.".into(),
                n => format!("{n} stages of the worksheet still need answers; fill them in after the call."),
            }))
            .child(" ")
            .child(link(worksheet, "Open the full worksheet", ""))
            .into_any(),
        crib_link(),
    ]
    .into_any()
}

/// The crib sheet, folded away.
fn crib_link() -> AnyView {
    el("details")
        .child(
            el("summary")
                .child("The conversation crib sheet")
                .into_any(),
        )
        .child(crib_sheet(false))
        .into_any()
}
