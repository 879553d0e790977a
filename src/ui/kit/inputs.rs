//! Inputs for a bound field: text, dates, figures, choices and ticks, and worksheet questions.

use crate::model::date::DATE_RANGE;
use crate::model::figure::{Unit, figure_for_input, parse_figure, unit_label};
use crate::model::money::CURRENCIES;
use crate::model::worksheet::{Field, Question};
use crate::model::{Case, Date};
use crate::store::workspace::Listed;
use crate::ui::kit::fields::{Bind, Editing, bind, bind_case, read_case};
use crate::ui::kit::{Dyn, El, dyn_text, dyn_view, el, flag};
use leptos::prelude::*;

/// "Why this matters", folded away until asked for.
pub fn why(text: &'static str) -> AnyView {
    if text.is_empty() {
        return ().into_any();
    }
    el("details")
        .class("why")
        .child(el("summary").child("Why this matters").into_any())
        .child(el("p").child(text).into_any())
        .into_any()
}

/// The hint under a label, if any; its id is `<id>-hint`.
fn hint(id: &str, text: &'static str) -> AnyView {
    if text.is_empty() {
        return ().into_any();
    }
    el("p")
        .class("hint")
        .id(format!("{id}-hint"))
        .child(text)
        .into_any()
}

/// The id of the hint that describes a field, when it has one.
pub fn hint_id(id: &str, text: &str) -> Option<String> {
    (!text.is_empty()).then(|| format!("{id}-hint"))
}

/// Label, hint, the input (which must carry `id`), and why it matters.
#[inline(never)]
pub fn field(
    id: String,
    label: impl Into<String>,
    hint_text: &'static str,
    why_text: &'static str,
    input: AnyView,
) -> AnyView {
    el("div")
        .class("field")
        .child(
            el("label")
                .attr("for", id.clone())
                .child(label.into())
                .into_any(),
        )
        .child(hint(&id, hint_text))
        .child(input)
        .child(why(why_text))
        .into_any()
}

/// A text field bound to a text part of the record being edited, with its label and hint.
pub fn text_field<T: Listed>(
    id: String,
    label: &'static str,
    hint_text: &'static str,
    area: bool,
    get: fn(&T) -> &String,
    set: fn(&mut T) -> &mut String,
) -> AnyView {
    let b = bind::<T, String>(move |r| get(r).clone(), move |r, v| *set(r) = v);
    let input = text_input(id.clone(), hint_id(&id, hint_text), area, b);
    field(id, label, hint_text, "", input)
}

/// A field with only its label.
pub fn labelled(id: String, label: impl Into<String>, input: AnyView) -> AnyView {
    field(id, label, "", "", input)
}

/// A group of radio buttons in a fieldset named by its legend (the fieldset carries `id`,
/// so a "Change" link or a flag can focus it).
#[inline(never)]
pub fn choice_field(
    id: String,
    legend: &'static str,
    hint_text: &'static str,
    why_text: &'static str,
    labels: &'static [&'static str],
    b: Bind<Option<usize>>,
) -> AnyView {
    let mut set = el("fieldset")
        .class("field")
        .attr("id", id.clone())
        .attr("tabindex", "-1");
    if let Some(d) = hint_id(&id, hint_text) {
        set = set.attr("aria-describedby", d);
    }
    set.child(el("legend").child(legend).into_any())
        .child(hint(&id, hint_text))
        .child(radios(id, labels, b))
        .child(why(why_text))
        .into_any()
}

/// A titled group of fields.
pub fn fieldset(legend: &'static str, body: Vec<AnyView>) -> AnyView {
    el("fieldset")
        .class("group")
        .child(el("legend").child(legend).into_any())
        .children(body)
        .into_any()
}

/// Up to this many choices show as radio buttons; more as a list to pick from.
const RADIO_LIMIT: usize = 6;

/// One worksheet question: label, hint, the input, and why it matters.
pub fn question_view(question: Question) -> AnyView {
    let id = question.key.to_string();
    let described = hint_id(&id, question.hint);
    let input: AnyView = match question.field {
        Field::Choice(labels, get, set) if labels.len() <= RADIO_LIMIT => {
            return choice_field(
                id,
                question.label,
                question.hint,
                question.why,
                labels,
                bind_case(get, set),
            );
        }
        Field::Text(get, set) | Field::Area(get, set) => text_input(
            id.clone(),
            described,
            matches!(question.field, Field::Area(..)),
            bind_case(move |c| get(c).clone(), move |c, v| *set(c) = v),
        ),
        Field::Date(get, set) => date_input(id.clone(), described, bind_case(get, set)),
        Field::Money(get, set) => {
            figure_input(id.clone(), described, Unit::Money, bind_case(get, set))
        }
        Field::Hours(get, set) => {
            figure_input(id.clone(), described, Unit::Hours, bind_case(get, set))
        }
        Field::Choice(labels, get, set) => {
            select_input(id.clone(), described, labels, true, bind_case(get, set))
        }
        Field::Currency => currency_input(
            id.clone(),
            described,
            bind_case(|c| c.currency.clone(), |c, v| c.currency = v),
        ),
    };
    field(id, question.label, question.hint, question.why, input)
}

/// Adds `aria-describedby` when there is something describing the field.
fn described_by(e: El, described: Option<String>) -> El {
    match described {
        Some(d) => e.attr("aria-describedby", d),
        None => e,
    }
}

/// A text box, or a box of several lines (`area`).
#[inline(never)]
pub fn text_input(id: String, described: Option<String>, area: bool, b: Bind<String>) -> AnyView {
    let e = if area {
        el("textarea").attr("rows", "3")
    } else {
        el("input").attr("type", "text").attr("autocomplete", "off")
    };
    described_by(e.id(id), described)
        .prop("value", move || b.get())
        .on_input(move |ev| b.set(event_target_value(&ev)))
        .into_any()
}

/// A date field, from 1900 to 2100. A real date is saved as it is typed; what cannot be a
/// date (a five-digit year, a year before 1900, a part left blank) gets a message when the
/// field is left, and the date saved last stays; emptying the field clears the date; a date
/// far from today is flagged.
#[inline(never)]
pub fn date_input(id: String, described: Option<String>, b: Bind<Option<Date>>) -> AnyView {
    let error = RwSignal::new(None::<&'static str>);
    let note_id = format!("{id}-note");
    let ids = note_id.clone();
    let input = el("input")
        .attr("type", "date")
        .id(id)
        .attr("min", Date::FIRST.iso())
        .attr("max", Date::LAST.iso())
        .attr("aria-describedby", move || {
            let mut all: Vec<String> = described.iter().cloned().collect();
            all.push(ids.clone());
            Some(all.join(" "))
        })
        .attr("aria-invalid", move || {
            error.read().is_some().then(|| "true".to_string())
        })
        .prop("value", move || {
            b.get().map(|d| d.iso()).unwrap_or_default()
        })
        // While typing, the browser reports a half-typed date as empty: only real dates count.
        .on_input(move |ev| {
            if let Ok(Some(d)) = Date::typed(&event_target_value(&ev)) {
                error.set(None);
                b.set(Some(d));
            }
        })
        // Blur also fires when the field is removed with its screen: the signals may be gone.
        .on_blur(move |ev| {
            let Some(field) = date_field(&ev) else { return };
            let text = field.value();
            let verdict = match Date::typed(&text) {
                Ok(None) if field.validity().bad_input() => Err(DATE_RANGE),
                other => other,
            };
            match verdict {
                Ok(Some(_)) => {
                    error.try_set(None);
                }
                Ok(None) => {
                    error.try_set(None);
                    b.set(None);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        })
        .into_any();
    let note = dyn_view(move || {
        let (class, text) = match (
            error.get(),
            b.get()
                .and_then(|d| d.far_from(crate::ui::browser::time::today())),
        ) {
            (Some(e), _) => ("field-error", e),
            (None, Some(w)) => ("field-warn", w),
            (None, None) => ("field-note", ""),
        };
        el("span")
            .class(class)
            .id(note_id.clone())
            .child(text)
            .into_any()
    });
    vec![input, note].into_any()
}

/// The date field an event came from.
fn date_field(ev: &leptos::ev::FocusEvent) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into().ok()
}

/// The currency of the current case, when there is one (money fields show it).
fn field_currency() -> Dyn<String> {
    match use_context::<Editing<Case>>() {
        Some(_) => Box::new(read_case(|c| c.currency.clone())),
        None => Box::new(String::new),
    }
}

/// A money, hours, percent or days field. The text as typed stays on screen; the record
/// changes only when it reads as a valid figure, and a clear message at the field says what
/// is wrong otherwise.
#[inline(never)]
pub fn figure_input(
    id: String,
    described: Option<String>,
    unit: Unit,
    b: Bind<Option<i64>>,
) -> AnyView {
    let currency = StoredValue::new_local(field_currency());
    let currency = move || currency.try_with_value(|f| f()).unwrap_or_default();
    let shown = move || {
        b.get()
            .map(|v| figure_for_input(unit, v, &currency()))
            .unwrap_or_default()
    };
    // What the user is typing, kept while they type so nothing jumps under the cursor.
    let typing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let err_id = error_id.clone();
    let input = el("input")
        .id(id)
        .attr("type", "text")
        .attr(
            "inputmode",
            if unit == Unit::Days {
                "numeric"
            } else {
                "decimal"
            },
        )
        .attr("autocomplete", "off")
        .class("number")
        .attr("aria-describedby", move || {
            let mut ids: Vec<String> = described.iter().cloned().collect();
            if error.read().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
        .attr("aria-invalid", move || {
            error.read().is_some().then(|| "true".to_string())
        })
        .prop("value", move || typing.get().unwrap_or_else(shown))
        .on_input(move |ev| {
            let text = event_target_value(&ev);
            let parsed = parse_figure(unit, &text, &currency());
            // Local state first: storing the figure may rebuild the view around this field.
            typing.set(Some(text));
            match parsed {
                Ok(v) => {
                    error.set(None);
                    b.set(v);
                }
                Err(e) => error.set(Some(e)),
            }
        })
        // Blur also fires when the field is removed with its screen: the signals may be gone.
        .on_blur(move |_| {
            if error.try_with_untracked(Option::is_none) == Some(true) {
                typing.try_set(None);
            }
        })
        .into_any();
    let unit_text = dyn_text(move || unit_label(unit, &currency()));
    vec![with_unit(input, unit_text), error_note(error, error_id)].into_any()
}

/// A figure's input with its unit beside it ($, %, hours), which readers of the label hear.
fn with_unit(input: AnyView, unit: AnyView) -> AnyView {
    el("span")
        .class("with-unit")
        .child(input)
        .child(
            el("span")
                .class("unit")
                .attr("aria-hidden", "true")
                .child(unit)
                .into_any(),
        )
        .into_any()
}

/// What is wrong with what was typed, under the field, when anything is.
fn error_note(error: RwSignal<Option<String>>, id: String) -> AnyView {
    dyn_view(move || match error.get() {
        Some(e) => el("span")
            .class("field-error")
            .id(id.clone())
            .child(e)
            .into_any(),
        None => ().into_any(),
    })
}

/// Days, 1 to 365, bound to a whole number of days.
pub fn days_input(id: String, described: Option<String>, b: Bind<u32>) -> AnyView {
    let days = Bind {
        get: StoredValue::new_local(Box::new(move || Some(i64::from(b.get())))),
        set: StoredValue::new_local(Box::new(move |v: Option<i64>| {
            if let Some(d) = v.and_then(|v| u32::try_from(v).ok()) {
                b.set(d)
            }
        })),
    };
    figure_input(id, described, Unit::Days, days)
}

/// Radio buttons for a short list of choices.
#[inline(never)]
fn radios(name: String, labels: &'static [&'static str], b: Bind<Option<usize>>) -> AnyView {
    let items: Vec<AnyView> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let id = format!("{name}-{i}");
            el("label")
                .class("radio")
                .attr("for", id.clone())
                .child(
                    el("input")
                        .attr("type", "radio")
                        .id(id)
                        .attr("name", name.clone())
                        .prop("checked", flag(move || b.get() == Some(i)))
                        .on_change(move |_| b.set(Some(i)))
                        .into_any(),
                )
                .child(el("span").child(*label).into_any())
                .into_any()
        })
        .collect();
    el("div").class("radios").children(items).into_any()
}

/// A list to pick from, for longer lists of choices. `blank`: the answer may be left (or set
/// back to) not chosen; otherwise there is always a choice.
#[inline(never)]
pub fn select_input(
    id: String,
    described: Option<String>,
    labels: &'static [&'static str],
    blank: bool,
    b: Bind<Option<usize>>,
) -> AnyView {
    let mut options = Vec::new();
    if blank {
        options.push(
            el("option")
                .attr("value", "")
                .prop("selected", flag(move || b.get().is_none()))
                .child("Not chosen yet")
                .into_any(),
        );
    }
    options.extend(labels.iter().enumerate().map(|(i, l)| {
        el("option")
            .attr("value", i.to_string())
            .prop("selected", flag(move || b.get() == Some(i)))
            .child(*l)
            .into_any()
    }));
    described_by(el("select").id(id), described)
        .on_change(move |ev| b.set(event_target_value(&ev).parse::<usize>().ok()))
        .children(options)
        .into_any()
}

/// A checkbox with its label.
#[inline(never)]
pub fn check_input(id: String, label: String, b: Bind<bool>) -> AnyView {
    el("label")
        .class("check")
        .attr("for", id.clone())
        .child(
            el("input")
                .attr("type", "checkbox")
                .id(id)
                .prop("checked", flag(move || b.get()))
                .on_change(move |ev| b.set(event_target_checked(&ev)))
                .into_any(),
        )
        .child(el("span").child(label).into_any())
        .into_any()
}

/// The currency of a case.
fn currency_input(id: String, described: Option<String>, b: Bind<String>) -> AnyView {
    let options: Vec<AnyView> = CURRENCIES
        .iter()
        .map(|c| {
            el("option")
                .attr("value", c.code)
                .prop("selected", flag(move || b.get() == c.code))
                .child(format!("{} – {}", c.code, c.name))
                .into_any()
        })
        .collect();
    described_by(el("select").id(id), described)
        .on_change(move |ev| b.set(event_target_value(&ev)))
        .children(options)
        .into_any()
}

/// A select for a filter, from (value, label) pairs.
pub fn filter_select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    change: impl FnMut(leptos::ev::Event) + 'static,
) -> AnyView {
    let options: Vec<AnyView> = options
        .into_iter()
        .map(|(v, l)| el("option").attr("value", v).child(l).into_any())
        .collect();
    el("div")
        .class("field")
        .child(el("label").attr("for", id).child(label).into_any())
        .child(
            el("select")
                .attr("id", id)
                .on_change(change)
                .children(options)
                .into_any(),
        )
        .into_any()
}
