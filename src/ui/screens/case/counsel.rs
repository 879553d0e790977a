//! The reading and your limits.

use crate::model::Case;
use crate::model::counsel::{reading, suggested_limits, time_warning};
use crate::model::figure::Unit;
use crate::model::money::format_money;
use crate::model::numbers::{figures, format_hours};
use crate::model::worksheet::Widget;
use crate::ui::kit::case::{past_with, use_history};
use crate::ui::kit::fields::{bind_case, read_case, write_case};
use crate::ui::kit::inputs::figure_input;
use crate::ui::kit::{button, dyn_text, dyn_view, el, para, text_list, when};
use leptos::prelude::*;

/// The reading: what to do, why, what to offer, and what is missing. The same on every
/// stage it shows.
pub fn reading_view() -> AnyView {
    let history = use_history();
    let case = read_case(Case::clone);
    dyn_view(move || {
        let c = case();
        let r = reading(&c, history.with(|h| past_with(h, &c)));
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
    b: crate::ui::kit::fields::Bind<Option<i64>>,
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
        para("hint", Widget::Limits.hint()),
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
            "limit-given",
            "Already given back on this dispute",
            || "Refunds or discounts you have given so far: they come off the limit above.".into(),
            Unit::Money,
            bind_case(|c| c.limits.given, |c, v| c.limits.given = v),
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
        figure_with_hint(
            "limit-spent",
            "Time already spent on it",
            || "Your hours on the dispute so far: they come off the time limit above.".into(),
            Unit::Hours,
            bind_case(|c| c.limits.minutes_spent, |c, v| c.limits.minutes_spent = v),
        ),
        dyn_view(move || match warning() {
            Some(w) => para("banner warn", w),
            None => ().into_any(),
        }),
    ]
    .into_any()
}
