//! Form fields for the worksheet. Questions from the catalogue in `model::worksheet` render
//! through [`QuestionView`]; lists (attempts, options, check-ins…) reuse the same inputs with
//! their own accessors.

use leptos::prelude::*;

use super::kit::{El, dy, dyn_text, dyn_view, el, on_change, on_input};
use super::state::use_app;
use crate::model::money::{CURRENCIES, format_for_input, parse_money};
use crate::model::numbers::{hours_for_input, parse_hours};
use crate::model::worksheet::{Field, Question};
use crate::model::{Case, Date};

/// The case being edited, provided by the case screen.
#[derive(Clone)]
pub struct CaseCtx {
    pub id: String,
}

pub fn use_case_id() -> String {
    expect_context::<CaseCtx>().id
}

/// Reads a part of a case. Boxed, so the inputs below are compiled once rather than once per
/// field: that keeps the wasm small.
pub type Reader<T> = StoredValue<Box<dyn Fn(&Case) -> T>, LocalStorage>;
/// Writes a part of a case (boxed for the same reason).
pub type Writer<T> = StoredValue<Box<dyn Fn(&mut Case, T)>, LocalStorage>;

pub fn getter<T: 'static>(f: impl Fn(&Case) -> T + 'static) -> Reader<T> {
    StoredValue::new_local(Box::new(f))
}

pub fn setter<T: 'static>(f: impl Fn(&mut Case, T) + 'static) -> Writer<T> {
    StoredValue::new_local(Box::new(f))
}

/// Reads something from the current case, reactively (re-run on every change to the case:
/// fine for a field's value or a line of text).
pub fn read_case<T: Default + 'static>(
    f: impl Fn(&Case) -> T + 'static,
) -> impl Fn() -> T + Copy + 'static {
    read(getter(f))
}

fn read<T: Default + 'static>(f: Reader<T>) -> impl Fn() -> T + Copy + 'static {
    let app = use_app();
    let id = StoredValue::new(use_case_id());
    move || {
        app.cases.with(|m| {
            m.get(id.read_value().as_str())
                .map(|r| f.with_value(|f| f(&r.data)))
                .unwrap_or_default()
        })
    }
}

/// A number that changes only when the *shape* of a part of the case changes (how many rows,
/// which kind). Views holding fields rebuild from it, so typing in a field (which changes
/// the case, but not its shape) never rebuilds, and unfocuses, the field. One memo type for
/// every such use keeps the wasm small.
pub fn shape_of(f: impl Fn(&Case) -> u64 + 'static) -> Memo<u64> {
    let read = read_case(f);
    Memo::new(move |_| read())
}

/// Writes `value` through `set`, queuing the case to be saved.
fn put<T: 'static>(set: Writer<T>, value: T) {
    write_case()(Box::new(move |c| set.with_value(|s| s(c, value))));
}

/// Changes the current case (and queues it to be saved).
/// A change to a case.
pub type CaseChange = Box<dyn FnOnce(&mut Case)>;

pub fn write_case() -> impl Fn(CaseChange) + Copy + 'static {
    let app = use_app();
    let id = StoredValue::new(use_case_id());
    move |change| app.update_case(&id.read_value(), change)
}

/// "Why this matters", folded away until asked for.
pub fn why(text: &'static str) -> AnyView {
    if text.is_empty() {
        return ().into_any();
    }
    el("details")
        .class("why")
        .kid(el("summary").st("Why this matters").v())
        .kid(el("p").st(text).v())
        .v()
}

/// Up to this many choices show as radio buttons; more as a list to pick from.
const RADIO_LIMIT: usize = 6;

/// One worksheet question: label, hint, the input, and why it matters.
pub fn question_view(question: Question) -> AnyView {
    let id = question.key.to_string();
    let hint_id = format!("{id}-hint");
    let has_hint = !question.hint.is_empty();
    let described = has_hint.then(|| hint_id.clone());
    let hint = move || {
        if has_hint {
            el("span")
                .class("hint")
                .id(hint_id.clone())
                .st(question.hint)
                .v()
        } else {
            ().into_any()
        }
    };

    if let Field::Choice(labels, get, set) = question.field
        && labels.len() <= RADIO_LIMIT
    {
        let mut set_el = el("fieldset").class("field");
        if let Some(d) = described {
            set_el = set_el.at("aria-describedby", d);
        }
        return set_el
            .kid(el("legend").st(question.label).v())
            .kid(hint())
            .kid(radios(id, labels, getter(get), setter(set)))
            .kid(why(question.why))
            .v();
    }

    let input: AnyView = match question.field {
        Field::Text(get, set) | Field::Area(get, set) => text_box(
            id.clone(),
            described,
            matches!(question.field, Field::Area(..)),
            getter(move |c| get(c).clone()),
            setter(move |c, v| *set(c) = v),
        ),
        Field::Date(get, set) => date_box(id.clone(), described, getter(get), setter(set)),
        Field::Money(get, set) => {
            number_box(id.clone(), described, Unit::Money, getter(get), setter(set))
        }
        Field::Hours(get, set) => {
            number_box(id.clone(), described, Unit::Hours, getter(get), setter(set))
        }
        Field::Choice(labels, get, set) => {
            select_input(id.clone(), described, labels, getter(get), setter(set))
        }
        Field::Currency => currency_input(id.clone(), described),
    };
    el("div")
        .class("field")
        .kid(el("label").at("for", id).st(question.label).v())
        .kid(hint())
        .kid(input)
        .kid(why(question.why))
        .v()
}

/// A text box or text area bound to the case.
pub fn text_input(
    id: String,
    described: Option<String>,
    area: bool,
    get: impl Fn(&Case) -> String + 'static,
    set: impl Fn(&mut Case, String) + 'static,
) -> AnyView {
    text_box(id, described, area, getter(get), setter(set))
}

/// Adds `aria-describedby` when there is something describing the field.
fn described_by(e: El, described: Option<String>) -> El {
    match described {
        Some(d) => e.at("aria-describedby", d),
        None => e,
    }
}

fn text_box(
    id: String,
    described: Option<String>,
    area: bool,
    get: Reader<String>,
    set: Writer<String>,
) -> AnyView {
    let value = read(get);
    let e = if area {
        el("textarea").a("rows", "3")
    } else {
        el("input").a("type", "text").a("autocomplete", "off")
    };
    described_by(e.id(id), described)
        .value(dy(value))
        .on_input(on_input(move |ev| put(set, event_target_value(&ev))))
        .v()
}

/// A date bound to the case.
pub fn date_input(
    id: String,
    described: Option<String>,
    get: impl Fn(&Case) -> Option<Date> + 'static,
    set: impl Fn(&mut Case, Option<Date>) + 'static,
) -> AnyView {
    date_box(id, described, getter(get), setter(set))
}

fn date_box(
    id: String,
    described: Option<String>,
    get: Reader<Option<Date>>,
    set: Writer<Option<Date>>,
) -> AnyView {
    let date = read(get);
    described_by(el("input").a("type", "date").id(id), described)
        .value(dy(move || date().map(|d| d.iso()).unwrap_or_default()))
        .on_change(on_change(move |ev| {
            put(set, Date::parse(&event_target_value(&ev)))
        }))
        .v()
}

/// What a number field holds.
#[derive(Clone, Copy, PartialEq)]
pub enum Unit {
    /// Minor units of the case's currency.
    Money,
    /// Minutes, shown and typed as hours.
    Hours,
    /// A whole percent, 0–100.
    Percent,
}

fn parse_percent(text: &str) -> Result<Option<i64>, String> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(v) if (0..=100).contains(&v) => Ok(Some(v)),
        _ => Err("Enter a whole percent from 0 to 100.".into()),
    }
}

/// A money, hours or percent field bound to the case. The text as typed stays on screen;
/// the case changes only when it reads as a valid figure, and a clear message at the field
/// says what is wrong otherwise.
pub fn number_input(
    id: String,
    described: Option<String>,
    unit: Unit,
    get: impl Fn(&Case) -> Option<i64> + 'static,
    set: impl Fn(&mut Case, Option<i64>) + 'static,
) -> AnyView {
    number_box(id, described, unit, getter(get), setter(set))
}

fn number_box(
    id: String,
    described: Option<String>,
    unit: Unit,
    get: Reader<Option<i64>>,
    set: Writer<Option<i64>>,
) -> AnyView {
    let figure = read(get);
    let currency = read_case(|c| c.currency.clone());
    let shown = move || {
        let cur = currency();
        figure()
            .map(|v| match unit {
                Unit::Money => format_for_input(v, &cur),
                Unit::Hours => hours_for_input(v),
                Unit::Percent => v.to_string(),
            })
            .unwrap_or_default()
    };
    // What the user is typing, kept while they type so nothing jumps under the cursor.
    let typing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let err_id = error_id.clone();
    let describe = dy(move || {
        let mut ids: Vec<String> = described.iter().cloned().collect();
        if error.read().is_some() {
            ids.push(err_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    });
    let input = el("input")
        .id(id)
        .a("type", "text")
        .a("inputmode", "decimal")
        .a("autocomplete", "off")
        .class("number")
        .at_dyn("aria-describedby", describe)
        .at_dyn(
            "aria-invalid",
            dy(move || error.read().is_some().then(|| "true".to_string())),
        )
        .value(dy(move || typing.get().unwrap_or_else(shown)))
        .on_input(on_input(move |ev| {
            let text = event_target_value(&ev);
            let parsed = match unit {
                Unit::Money => parse_money(&text, &currency()).map_err(|e| e.to_string()),
                Unit::Hours => parse_hours(&text),
                Unit::Percent => parse_percent(&text),
            };
            // Local state first: storing the figure may rebuild the view around this field.
            typing.set(Some(text));
            match parsed {
                Ok(v) => {
                    error.set(None);
                    put(set, v);
                }
                Err(e) => error.set(Some(e)),
            }
        }))
        // Blur also fires when the field is removed with its screen: the signals may be gone.
        .on_blur(Box::new(move |_| {
            if error.try_with_untracked(Option::is_none) == Some(true) {
                typing.try_set(None);
            }
        }))
        .v();
    let unit_text = dyn_text(move || match unit {
        Unit::Money => currency(),
        Unit::Hours => "hours".into(),
        Unit::Percent => "%".into(),
    });
    vec![
        el("span")
            .class("with-unit")
            .kid(input)
            .kid(
                el("span")
                    .class("unit")
                    .a("aria-hidden", "true")
                    .kid(unit_text)
                    .v(),
            )
            .v(),
        dyn_view(move || match error.get() {
            Some(e) => el("span")
                .class("field-error")
                .id(error_id.clone())
                .text(e)
                .v(),
            None => ().into_any(),
        }),
    ]
    .into_any()
}

/// Radio buttons for a short list of choices.
fn radios(
    name: String,
    labels: &'static [&'static str],
    get: Reader<Option<usize>>,
    set: Writer<Option<usize>>,
) -> AnyView {
    let current = read(get);
    let items: Vec<AnyView> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let id = format!("{name}-{i}");
            el("label")
                .class("radio")
                .at("for", id.clone())
                .kid(
                    el("input")
                        .a("type", "radio")
                        .id(id)
                        .at("name", name.clone())
                        .flag("checked", dy(move || current() == Some(i)))
                        .on_change(on_change(move |_| put(set, Some(i))))
                        .v(),
                )
                .kid(el("span").st(label).v())
                .v()
        })
        .collect();
    el("div").class("radios").kids(items).v()
}

/// A select bound to the case, for longer lists.
pub fn select_input(
    id: String,
    described: Option<String>,
    labels: &'static [&'static str],
    get: Reader<Option<usize>>,
    set: Writer<Option<usize>>,
) -> AnyView {
    let current = read(get);
    let mut options = vec![
        el("option")
            .a("value", "")
            .flag("selected", dy(move || current().is_none()))
            .st("Not chosen yet")
            .v(),
    ];
    options.extend(labels.iter().enumerate().map(|(i, l)| {
        el("option")
            .at("value", i.to_string())
            .flag("selected", dy(move || current() == Some(i)))
            .st(l)
            .v()
    }));
    described_by(el("select").id(id), described)
        .on_change(on_change(move |ev| {
            put(set, event_target_value(&ev).parse::<usize>().ok())
        }))
        .kids(options)
        .v()
}

/// A checkbox bound to the case.
pub fn check_input(
    id: String,
    label: String,
    get: impl Fn(&Case) -> bool + 'static,
    set: impl Fn(&mut Case, bool) + 'static,
) -> AnyView {
    check_box(id, label, getter(get), setter(set))
}

fn check_box(id: String, label: String, get: Reader<bool>, set: Writer<bool>) -> AnyView {
    let checked = read(get);
    el("label")
        .class("check")
        .at("for", id.clone())
        .kid(
            el("input")
                .a("type", "checkbox")
                .id(id)
                .flag("checked", dy(checked))
                .on_change(on_change(move |ev| put(set, event_target_checked(&ev))))
                .v(),
        )
        .kid(el("span").text(label).v())
        .v()
}

fn currency_input(id: String, described: Option<String>) -> AnyView {
    let current = read_case(|c| c.currency.clone());
    let options: Vec<AnyView> = CURRENCIES
        .iter()
        .map(|c| {
            el("option")
                .a("value", c.code)
                .flag("selected", dy(move || current() == c.code))
                .text(format!("{} – {}", c.code, c.name))
                .v()
        })
        .collect();
    let set = setter(|c: &mut Case, v: String| c.currency = v);
    described_by(el("select").id(id), described)
        .on_change(on_change(move |ev| put(set, event_target_value(&ev))))
        .kids(options)
        .v()
}

/// A field with its label, around any input.
pub fn labelled(id: String, label: impl Into<String>, input: AnyView) -> AnyView {
    el("div")
        .class("field")
        .kid(el("label").at("for", id).text(label).v())
        .kid(input)
        .v()
}
