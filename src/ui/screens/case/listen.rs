//! Clarifying questions and restatements.

use crate::model::Case;
use crate::model::case::Attempt;
use crate::model::date::human_time;
use crate::model::worksheet::Widget;
use crate::ui::browser::time::{local_offset_minutes, now_ms};
use crate::ui::kit::fields::{bind_case, read_case, shape_of, write_case};
use crate::ui::kit::inputs::{check_input, labelled, text_input};
use crate::ui::kit::{button, button_when, dyn_view, el, para, when};
use leptos::prelude::*;

// G11, G12
pub(super) fn clarifying() -> AnyView {
    // The rows change only when a question of the user's own is added: ticking or answering
    // a suggested one must not rebuild the list (and take the focus from it).
    let shape = shape_of(|c| c.listen.texts().len() as u64);
    let texts = read_case(|c| c.listen.texts());
    let write = write_case();
    let new_text = RwSignal::new(String::new());
    let add = move || {
        let t = new_text.get_untracked().trim().to_string();
        if !t.is_empty() {
            write(Box::new(move |c| {
                c.listen.question(&t);
            }));
            new_text.set(String::new());
        }
    };
    let rows = dyn_view(move || {
        let _ = shape.get();
        untrack(texts)
            .into_iter()
            .enumerate()
            .map(|(i, text)| question_row(i, text))
            .collect::<Vec<_>>()
            .into_any()
    });
    let input = el("input")
        .attr("id", "new-question")
        .attr("type", "text")
        .attr("autocomplete", "off")
        .prop("value", move || new_text.get())
        .on_input(move |ev| new_text.set(event_target_value(&ev)))
        .on_keydown(move |ev| {
            if ev.key() == "Enter" {
                ev.prevent_default();
                add();
            }
        })
        .into_any();
    vec![
        para("hint", "Tick each one you asked, and note what they said."),
        el("ol").class("asked").child(rows).into_any(),
        el("div")
            .class("field inline")
            .child(
                el("label")
                    .attr("for", "new-question")
                    .child("Add your own question")
                    .into_any(),
            )
            .child(input)
            .child(button("Add question", "", None, move |_| add()))
            .into_any(),
    ]
    .into_any()
}

/// The `i`th restatement, created (time-stamped now) when first written.
/// One text of restatement attempt `i` (its words or the client's correction).
fn attempt_field(
    i: usize,
    name: &'static str,
    label: &'static str,
    text: fn(&mut Attempt) -> &mut String,
) -> AnyView {
    let id = format!("{name}-{i}");
    labelled(
        id.clone(),
        label,
        text_input(
            id,
            None,
            true,
            bind_case(
                move |c| {
                    let mut a = c.restate.attempts.get(i).cloned().unwrap_or_default();
                    text(&mut a).clone()
                },
                move |c, v| *text(c.restate.attempt(i, now_ms())) = v,
            ),
        ),
    )
}

/// "Confirmed" with its time and an undo, or the button that records the confirmation.
pub(super) fn confirm_box(
    confirmed: Memo<u64>,
    said: &'static str,
    confirm_label: &'static str,
    enabled: impl Fn() -> bool + Send + Copy + 'static,
    set: fn(&mut Case, Option<i64>),
) -> AnyView {
    let write = write_case();
    let offset = local_offset_minutes();
    dyn_view(move || match confirmed.get() {
        0 => el("p")
            .child(button_when(confirm_label, "primary", enabled, move |_| {
                write(Box::new(move |c| set(c, Some(now_ms()))))
            }))
            .into_any(),
        at => el("div")
            .class("confirmed")
            .attr("role", "status")
            .child(
                el("p")
                    .child(el("strong").child("Confirmed. ").into_any())
                    .child(format!("{said}, on {}.", human_time(at as i64, offset)))
                    .into_any(),
            )
            .child(button("Undo the confirmation", "", None, move |_| {
                write(Box::new(move |c| set(c, None)))
            }))
            .into_any(),
    })
}

// G13: restate until the client confirms; the confirmation is time-stamped.
pub(super) fn attempts() -> AnyView {
    let confirmed = shape_of(|c| c.restate.confirmed_at.unwrap_or(0) as u64);
    let has_words = read_case(|c| c.restate.attempts.iter().any(|a| !a.mine.trim().is_empty()));
    let write = write_case();
    // There is always a first attempt to write in, created when first typed into; the
    // number of rows is memoised so that creating it does not rebuild (and unfocus) the row.
    let rows_n = shape_of(|c| c.restate.attempts.len().max(1) as u64);
    let rows = dyn_view(move || {
        (0..rows_n.get() as usize)
            .map(|i| {
                el("li")
                    .child(el("h4").child(format!("Attempt {}", i + 1)).into_any())
                    .child(attempt_field(
                        i,
                        "attempt",
                        "In your own words, the concern is…",
                        |a| &mut a.mine,
                    ))
                    .child(attempt_field(
                        i,
                        "correction",
                        "The client's correction",
                        |a| &mut a.correction,
                    ))
                    .into_any()
            })
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        para("hint", Widget::Attempts.hint()),
        el("ol").class("attempts").child(rows).into_any(),
        when(
            move || confirmed.get() == 0,
            move || {
                let another = button("Add another attempt", "", None, move |_| {
                    write(Box::new(|c| {
                        let n = c.restate.attempts.len().max(1);
                        c.restate.attempt(n, now_ms());
                    }))
                });
                vec![
                    el("p").class("actions").child(another).into_any(),
                    para(
                        "muted",
                        "This stage counts as done only once the client has confirmed.",
                    ),
                ]
                .into_any()
            },
        ),
        confirm_box(
            confirmed,
            "The client said you have understood",
            "The client confirmed: that's right",
            has_words,
            |c, v| c.restate.confirmed_at = v,
        ),
    ]
    .into_any()
}

/// One clarifying question: ticked when asked, and what the client said.
fn question_row(i: usize, text: String) -> AnyView {
    let (t1, t2, t3, t4) = (text.clone(), text.clone(), text.clone(), text.clone());
    let asked = check_input(
        format!("asked-{i}"),
        text.clone(),
        bind_case(
            move |c| c.listen.questions.iter().any(|q| q.text == t1 && q.asked),
            move |c, v| c.listen.question(&t2).asked = v,
        ),
    );
    let said = bind_case(
        move |c| {
            c.listen
                .questions
                .iter()
                .find(|q| q.text == t3)
                .map(|q| q.answer.clone())
                .unwrap_or_default()
        },
        move |c, v| c.listen.question(&t4).answer = v,
    );
    let answer = labelled(
        format!("answer-{i}"),
        format!("What they said: {text}"),
        text_input(format!("answer-{i}"), None, false, said),
    );
    el("li").child(asked).child(answer).into_any()
}
