//! The element builder in Leptos's vocabulary, and the few controls every screen shares.

pub mod calendar;
pub mod case;
pub mod crib;
pub mod export;
pub mod fields;
pub mod focus;
pub mod inputs;
pub mod install;
pub mod lazy;
pub mod paper;
pub mod send;
pub mod share_link;

use leptos::ev;
use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::html::element::{ElementChild, custom};
use leptos::tachys::html::event::on;
use leptos::tachys::html::property::prop;
use leptos::tachys::view::add_attr::AddAnyAttr;

/// A reactive value, boxed.
pub type Dyn<T> = Box<dyn Fn() -> T + Send>;

/// A part of the page that changes with the state.
#[inline(never)]
pub fn dyn_view(f: impl Fn() -> AnyView + Send + 'static) -> AnyView {
    let f: Dyn<AnyView> = Box::new(f);
    f.into_any()
}

/// Text that changes with the state. User text is always rendered as text.
#[inline(never)]
pub fn dyn_text(f: impl Fn() -> String + Send + 'static) -> AnyView {
    let f: Dyn<String> = Box::new(f);
    f.into_any()
}

/// Shows `view()` while `when()` holds.
pub fn when(
    cond: impl Fn() -> bool + Send + 'static,
    view: impl Fn() -> AnyView + Send + 'static,
) -> AnyView {
    when_boxed(Box::new(cond), Box::new(view))
}

/// [`when`], boxed: its view is compiled once, not once per caller.
#[inline(never)]
fn when_boxed(cond: Dyn<bool>, view: Dyn<AnyView>) -> AnyView {
    dyn_view(move || if cond() { view() } else { ().into_any() })
}

/// What an attribute can be set to: fixed text, text made at run time, or a value that
/// follows the state (`None` removes the attribute).
pub trait AttrValue {
    fn into_attr(self, key: &'static str) -> AnyAttribute;
}

impl AttrValue for &'static str {
    fn into_attr(self, key: &'static str) -> AnyAttribute {
        custom_attribute(key, self).into_any_attr()
    }
}

impl AttrValue for String {
    fn into_attr(self, key: &'static str) -> AnyAttribute {
        custom_attribute(key, self).into_any_attr()
    }
}

impl<F: Fn() -> Option<String> + Send + 'static> AttrValue for F {
    fn into_attr(self, key: &'static str) -> AnyAttribute {
        dyn_attr(key, Box::new(self))
    }
}

#[inline(never)]
fn dyn_attr(key: &'static str, value: Dyn<Option<String>>) -> AnyAttribute {
    custom_attribute(key, value).into_any_attr()
}

/// What a DOM property can follow: text (an input's `value`) or a flag (`checked`,
/// `selected`, `disabled`).
pub trait PropValue {
    fn into_prop(self, key: &'static str) -> AnyAttribute;
}

impl<F: Fn() -> String + Send + 'static> PropValue for F {
    fn into_prop(self, key: &'static str) -> AnyAttribute {
        text_prop(key, Box::new(self))
    }
}

/// A flag property, following the state.
pub struct Flag(pub Dyn<bool>);

impl PropValue for Flag {
    fn into_prop(self, key: &'static str) -> AnyAttribute {
        flag_prop(key, self.0)
    }
}

/// A flag that follows `f` (for `.prop("checked", flag(move || …))`).
pub fn flag(f: impl Fn() -> bool + Send + 'static) -> Flag {
    Flag(Box::new(f))
}

#[inline(never)]
fn text_prop(key: &'static str, value: Dyn<String>) -> AnyAttribute {
    prop(key, value).into_any_attr()
}

#[inline(never)]
fn flag_prop(key: &'static str, value: Dyn<bool>) -> AnyAttribute {
    prop(key, value).into_any_attr()
}

/// What a child can be: any view, or text (always rendered as text, never as markup).
pub trait Child {
    fn into_child(self) -> AnyView;
}

impl Child for AnyView {
    fn into_child(self) -> AnyView {
        self
    }
}

impl Child for &'static str {
    fn into_child(self) -> AnyView {
        self.into_any()
    }
}

impl Child for &'static &'static str {
    fn into_child(self) -> AnyView {
        (*self).into_any()
    }
}

impl Child for String {
    fn into_child(self) -> AnyView {
        self.into_any()
    }
}

/// An element under construction. Every element built this way has the same type, so the
/// code to create, update and remove it is compiled once for the whole app.
pub struct El {
    tag: &'static str,
    attrs: Vec<AnyAttribute>,
    children: Vec<AnyView>,
}

/// Starts an element: `el("p").class("hint").child("…").into_any()`.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    El {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

type Handler<E> = Box<dyn FnMut(E)>;

impl El {
    /// An attribute: fixed text, text made at run time, or a closure that follows the state.
    pub fn attr(self, key: &'static str, value: impl AttrValue) -> Self {
        self.any_attr(value.into_attr(key))
    }

    #[inline(never)]
    fn any_attr(mut self, attr: AnyAttribute) -> Self {
        self.attrs.push(attr);
        self
    }

    #[inline(never)]
    pub fn class(self, value: &'static str) -> Self {
        self.attr("class", value)
    }

    #[inline(never)]
    pub fn id(self, value: String) -> Self {
        self.attr("id", value)
    }

    /// A DOM property that follows the state: `.prop("value", move || …)`,
    /// `.prop("checked", flag(move || …))`.
    pub fn prop(self, key: &'static str, value: impl PropValue) -> Self {
        self.any_attr(value.into_prop(key))
    }

    pub fn on_click(self, f: impl FnMut(ev::MouseEvent) + 'static) -> Self {
        self.on_click_boxed(Box::new(f))
    }

    #[inline(never)]
    fn on_click_boxed(self, f: Handler<ev::MouseEvent>) -> Self {
        self.any_attr(on(ev::click, f).into_any_attr())
    }

    pub fn on_input(self, f: impl FnMut(ev::Event) + 'static) -> Self {
        self.on_input_boxed(Box::new(f))
    }

    #[inline(never)]
    fn on_input_boxed(self, f: Handler<ev::Event>) -> Self {
        self.any_attr(on(ev::input, f).into_any_attr())
    }

    pub fn on_change(self, f: impl FnMut(ev::Event) + 'static) -> Self {
        self.on_change_boxed(Box::new(f))
    }

    #[inline(never)]
    fn on_change_boxed(self, f: Handler<ev::Event>) -> Self {
        self.any_attr(on(ev::change, f).into_any_attr())
    }

    pub fn on_blur(self, f: impl FnMut(ev::FocusEvent) + 'static) -> Self {
        self.on_blur_boxed(Box::new(f))
    }

    #[inline(never)]
    fn on_blur_boxed(self, f: Handler<ev::FocusEvent>) -> Self {
        self.any_attr(on(ev::blur, f).into_any_attr())
    }

    pub fn on_keydown(self, f: impl FnMut(ev::KeyboardEvent) + 'static) -> Self {
        self.on_keydown_boxed(Box::new(f))
    }

    #[inline(never)]
    fn on_keydown_boxed(self, f: Handler<ev::KeyboardEvent>) -> Self {
        self.any_attr(on(ev::keydown, f).into_any_attr())
    }

    /// A child: any view, or text.
    pub fn child(self, child: impl Child) -> Self {
        self.any_child(child.into_child())
    }

    #[inline(never)]
    fn any_child(mut self, view: AnyView) -> Self {
        self.children.push(view);
        self
    }

    #[inline(never)]
    pub fn children(mut self, views: Vec<AnyView>) -> Self {
        self.children.extend(views);
        self
    }

    /// Finishes the element.
    #[inline(never)]
    pub fn into_any(self) -> AnyView {
        custom(self.tag)
            .child(self.children)
            .add_any_attr(self.attrs)
            .into_any()
    }
}

/// A button. `class` is "", "primary" or "danger"; `aria` names it for screen readers when
/// the visible text alone would be ambiguous.
pub fn button(
    text: impl Into<String>,
    class: &'static str,
    aria: Option<String>,
    on_click: impl FnMut(ev::MouseEvent) + 'static,
) -> AnyView {
    button_boxed(text.into(), class, aria, None, Box::new(on_click))
}

/// A button that can be disabled.
pub fn button_when(
    text: impl Into<String>,
    class: &'static str,
    enabled: impl Fn() -> bool + Send + 'static,
    on_click: impl FnMut(ev::MouseEvent) + 'static,
) -> AnyView {
    let enabled: Dyn<bool> = Box::new(enabled);
    button_boxed(text.into(), class, None, Some(enabled), Box::new(on_click))
}

#[inline(never)]
fn button_boxed(
    text: String,
    class: &'static str,
    aria: Option<String>,
    enabled: Option<Dyn<bool>>,
    on_click: Handler<ev::MouseEvent>,
) -> AnyView {
    let mut b = el("button").attr("type", "button").class(class);
    if let Some(aria) = aria {
        b = b.attr("aria-label", aria);
    }
    if let Some(enabled) = enabled {
        b = b.prop("disabled", flag(move || !enabled()));
    }
    b.child(text).on_click_boxed(on_click).into_any()
}

/// A link.
#[inline(never)]
pub fn link(href: String, text: impl Into<String>, class: &'static str) -> AnyView {
    el("a")
        .attr("href", href)
        .class(class)
        .child(text.into())
        .into_any()
}

/// A list of plain text items.
#[inline(never)]
pub fn text_list(class: &'static str, items: Vec<String>) -> AnyView {
    el("ul")
        .class(class)
        .children(
            items
                .into_iter()
                .map(|t| el("li").child(t).into_any())
                .collect(),
        )
        .into_any()
}

/// A `<dl class="answers">` of plain-text terms and their values.
#[inline(never)]
pub fn answers(rows: Vec<(&'static str, String)>) -> AnyView {
    el("dl")
        .class("answers")
        .children(
            rows.into_iter()
                .map(|(k, v)| {
                    el("div")
                        .child(el("dt").child(k).into_any())
                        .child(el("dd").child(v).into_any())
                        .into_any()
                })
                .collect(),
        )
        .into_any()
}

/// A paragraph of text with a class.
#[inline(never)]
pub fn para(class: &'static str, text: impl Into<String>) -> AnyView {
    el("p").class(class).child(text.into()).into_any()
}

/// A live line that says what an action just did (announced by screen readers).
#[inline(never)]
pub fn said_line(class: &'static str, said: RwSignal<String>) -> AnyView {
    el("p")
        .class(class)
        .attr("role", "status")
        .child(dyn_text(move || said.get()))
        .into_any()
}

/// A screen's heading, which takes the focus when the screen opens.
#[inline(never)]
pub fn heading(text: impl Into<String>) -> AnyView {
    el("h1")
        .attr("tabindex", "-1")
        .child(text.into())
        .into_any()
}

/// A section labelled by its own h2, to go on with `.child(…)`. `class` may be empty.
#[inline(never)]
pub fn card(class: &'static str, id: &'static str, title: &'static str) -> El {
    let section = el("section").attr("aria-labelledby", id);
    let section = if class.is_empty() {
        section
    } else {
        section.class(class)
    };
    section.child(el("h2").attr("id", id).child(title).into_any())
}

/// A titled section, labelled by its heading.
#[inline(never)]
pub fn section(
    id: String,
    title: impl Into<String>,
    class: &'static str,
    body: Vec<AnyView>,
) -> AnyView {
    el("section")
        .class(class)
        .attr("aria-labelledby", id.clone())
        .child(el("h3").id(id).child(title.into()).into_any())
        .children(body)
        .into_any()
}

/// Cases as links to one of their stages, separated by commas: "Dana, Marisol".
pub fn case_links(cases: &[(String, String)], stage: crate::model::Stage) -> Vec<AnyView> {
    cases
        .iter()
        .enumerate()
        .map(|(i, (id, title))| {
            let href = crate::route::Route::Case {
                id: id.clone(),
                stage,
            }
            .to_fragment();
            el("span")
                .child(if i > 0 { ", " } else { "" })
                .child(link(href, title.clone(), ""))
                .into_any()
        })
        .collect()
}
