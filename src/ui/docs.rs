//! Form fields bound to a clause or a journal entry (in the later module). Both are stored
//! as JSON and read into their type once per change (`Ed::doc`); each field reads its part
//! from there and writes through `AppState::update_doc`.

use leptos::prelude::*;

use super::kit::{dy, dyn_view, el, on_change, on_input};
use super::state::use_app;
use crate::model::Date;
use crate::model::clause::parse_days;
use crate::model::json::Json;
use crate::store::record::Kind;

/// A clause or a journal entry, as the editing screens see it.
pub trait Doc: Json + Default + PartialEq + Clone + Send + Sync + 'static {
    const KIND: Kind;
    /// The one-line explanation under an option, if any.
    fn hint(key: &str) -> &'static str;
}

/// Reads a part of a document. Plain function pointers, so each input compiles once per type.
pub type Part<D, T> = fn(&D) -> T;
/// Writes a part of a document.
pub type SetPart<D, T> = fn(&mut D, T);

/// The document being edited: its id, and its stored JSON read into its type once per change
/// (every field reads from this memo).
pub struct Ed<D: Doc> {
    pub id: StoredValue<String>,
    pub doc: Memo<D>,
}

impl<D: Doc> Clone for Ed<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Doc> Copy for Ed<D> {}

pub fn editing<D: Doc>(doc_id: String) -> Ed<D> {
    let app = use_app();
    let id = StoredValue::new(doc_id);
    let doc = Memo::new(move |_| {
        app.docs(D::KIND).with(|m| {
            m.get(id.read_value().as_str())
                .map(|r| decode(&r.data))
                .unwrap_or_default()
        })
    });
    Ed { id, doc }
}

pub fn decode<D: Doc>(data: &serde_json::Value) -> D {
    D::from_json(data).unwrap_or_default()
}

pub fn read<D: Doc, T: 'static>(
    ed: Ed<D>,
    get: Part<D, T>,
) -> impl Fn() -> T + Copy + Send + 'static {
    move || ed.doc.with(get)
}

pub fn put<D: Doc, T: 'static>(ed: Ed<D>, set: SetPart<D, T>, value: T) {
    use_app().update_doc(D::KIND, &ed.id.read_value(), move |d| set(d, value));
}

/// An enum field as its position in the option list (a memo: sections rebuild on change).
pub fn choice_of<D: Doc>(ed: Ed<D>, get: Part<D, usize>) -> Memo<usize> {
    let r = read(ed, get);
    Memo::new(move |_| r())
}

/// The element id of a document's field, e.g. `clause-law`.
pub fn field_id<D: Doc>(key: &str) -> String {
    format!("{}-{key}", D::KIND.as_str())
}

/// Label, one-line explanation, then the input (which must carry the field's id).
pub fn field(fid: String, label: &'static str, hint: &'static str, input: AnyView) -> AnyView {
    let mut f = el("div")
        .class("field")
        .kid(el("label").at("for", fid.clone()).st(label).v());
    if !hint.is_empty() {
        f = f.kid(
            el("p")
                .class("hint")
                .at("id", format!("{fid}-hint"))
                .st(hint)
                .v(),
        );
    }
    f.kid(input).v()
}

fn described<D: Doc>(key: &'static str) -> Option<String> {
    (!D::hint(key).is_empty()).then(|| format!("{}-hint", field_id::<D>(key)))
}

/// A line of text, or a box of several lines (`area`).
pub fn text<D: Doc>(
    id: Ed<D>,
    key: &'static str,
    label: &'static str,
    area: bool,
    get: Part<D, String>,
    set: SetPart<D, String>,
) -> AnyView {
    let value = read(id, get);
    let input = if area {
        el("textarea").a("rows", "3")
    } else {
        el("input").a("type", "text").a("autocomplete", "off")
    };
    let mut input = input
        .at("id", field_id::<D>(key))
        .value(dy(value))
        .on_input(on_input(move |ev| put(id, set, event_target_value(&ev))));
    if let Some(d) = described::<D>(key) {
        input = input.at("aria-describedby", d);
    }
    field(field_id::<D>(key), label, D::hint(key), input.v())
}

/// Days, 1 to 365. What is typed stays on screen; the clause changes only when it reads as
/// a valid number, and a message at the field says what is wrong otherwise.
pub fn days<D: Doc>(
    id: Ed<D>,
    key: &'static str,
    label: &'static str,
    get: Part<D, u32>,
    set: SetPart<D, u32>,
) -> AnyView {
    let value = read(id, get);
    let typing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<&'static str>);
    let error_id = format!("{}-error", field_id::<D>(key));
    let hint = described::<D>(key);
    let err = error_id.clone();
    let input = el("input")
        .a("type", "text")
        .a("inputmode", "numeric")
        .a("autocomplete", "off")
        .class("number")
        .at("id", field_id::<D>(key))
        .at_dyn(
            "aria-describedby",
            dy(move || {
                let mut ids: Vec<String> = hint.iter().cloned().collect();
                if error.read().is_some() {
                    ids.push(err.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }),
        )
        .at_dyn(
            "aria-invalid",
            dy(move || error.read().is_some().then(|| "true".to_string())),
        )
        .value(dy(move || {
            typing.get().unwrap_or_else(|| value().to_string())
        }))
        .on_input(on_input(move |ev| {
            let t = event_target_value(&ev);
            let parsed = parse_days(&t);
            typing.set(Some(t));
            match parsed {
                Ok(n) => {
                    error.set(None);
                    put(id, set, n);
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
    field(
        field_id::<D>(key),
        label,
        D::hint(key),
        vec![
            el("span")
                .class("with-unit")
                .kid(input)
                .kid(
                    el("span")
                        .class("unit")
                        .a("aria-hidden", "true")
                        .st("days")
                        .v(),
                )
                .v(),
            dyn_view(move || match error.get() {
                Some(e) => el("span")
                    .class("field-error")
                    .at("id", error_id.clone())
                    .st(e)
                    .v(),
                None => ().into_any(),
            }),
        ]
        .into_any(),
    )
}

pub fn check<D: Doc>(
    id: Ed<D>,
    key: &'static str,
    label: &'static str,
    get: Part<D, bool>,
    set: SetPart<D, bool>,
) -> AnyView {
    let checked = read(id, get);
    let mut input = el("input")
        .a("type", "checkbox")
        .at("id", field_id::<D>(key))
        .flag("checked", dy(checked))
        .on_change(on_change(move |ev| put(id, set, event_target_checked(&ev))));
    if let Some(d) = described::<D>(key) {
        input = input.at("aria-describedby", d);
    }
    let mut f = el("div").class("field").kid(
        el("label")
            .class("check")
            .at("for", field_id::<D>(key))
            .kid(input.v())
            .kid(el("span").st(label).v())
            .v(),
    );
    if let Some(d) = described::<D>(key) {
        f = f.kid(el("p").class("hint").at("id", d).st(D::hint(key)).v());
    }
    f.v()
}

/// A short list of choices as radio buttons in a fieldset, named by its legend.
pub fn radios<D: Doc>(
    id: Ed<D>,
    key: &'static str,
    legend: &'static str,
    labels: &'static [&'static str],
    get: Part<D, usize>,
    set: SetPart<D, usize>,
) -> AnyView {
    let current = read(id, get);
    let items: Vec<AnyView> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let rid = format!("{}-{i}", field_id::<D>(key));
            el("label")
                .class("radio")
                .at("for", rid.clone())
                .kid(
                    el("input")
                        .a("type", "radio")
                        .at("id", rid)
                        .at("name", field_id::<D>(key))
                        .flag("checked", dy(move || current() == i))
                        .on_change(on_change(move |_| put(id, set, i)))
                        .v(),
                )
                .kid(el("span").st(label).v())
                .v()
        })
        .collect();
    let mut fs = el("fieldset")
        .class("field")
        .at("id", field_id::<D>(key))
        .a("tabindex", "-1")
        .kid(el("legend").st(legend).v());
    if let Some(d) = described::<D>(key) {
        fs = fs
            .at("aria-describedby", d.clone())
            .kid(el("p").class("hint").at("id", d).st(D::hint(key)).v());
    }
    fs.kid(el("div").class("radios").kids(items).v()).v()
}

/// A titled group of fields.
pub fn fieldset(legend: &'static str, body: Vec<AnyView>) -> AnyView {
    el("fieldset")
        .class("group")
        .kid(el("legend").st(legend).v())
        .kids(body)
        .v()
}

/// A date.
pub fn date<D: Doc>(
    id: Ed<D>,
    key: &'static str,
    label: &'static str,
    get: Part<D, Option<Date>>,
    set: SetPart<D, Option<Date>>,
) -> AnyView {
    let value = read(id, get);
    let mut input = el("input")
        .a("type", "date")
        .at("id", field_id::<D>(key))
        .value(dy(move || value().map(|d| d.iso()).unwrap_or_default()))
        .on_change(on_change(move |ev| {
            put(id, set, Date::parse(&event_target_value(&ev)))
        }));
    if let Some(d) = described::<D>(key) {
        input = input.at("aria-describedby", d);
    }
    field(field_id::<D>(key), label, D::hint(key), input.v())
}
