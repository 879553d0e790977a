//! Small building blocks that keep the wasm small.
//!
//! Leptos compiles every distinct view type into its own code. A closure is a distinct type,
//! and so is every element that holds one, up to the next type-erased boundary. Boxing each
//! reactive closure and event handler, and returning `AnyView` from helpers, makes most views
//! share one compiled shape: measured here, it cut the wasm by more than half. The rule in
//! this crate: reactive values go through [`dy`], changing parts through [`dyn_view`] /
//! [`dyn_text`], handlers through [`click`] / [`on_input`] / [`on_change`]. The builder's
//! steps are never inlined: each use is then a call, not a copy of the step.

use leptos::ev;
use leptos::prelude::*;

/// A reactive value, boxed.
pub type Dyn<T> = Box<dyn Fn() -> T + Send>;

pub fn dy<T: 'static>(f: impl Fn() -> T + Send + 'static) -> Dyn<T> {
    Box::new(f)
}

/// A part of the page that changes with the state.
#[inline(never)]
pub fn dyn_view(f: impl Fn() -> AnyView + Send + 'static) -> AnyView {
    dy(f).into_any()
}

/// Text that changes with the state. User text is always rendered as text.
#[inline(never)]
pub fn dyn_text(f: impl Fn() -> String + Send + 'static) -> AnyView {
    dy(f).into_any()
}

pub type Click = Box<dyn FnMut(ev::MouseEvent)>;
pub type OnEvent = Box<dyn FnMut(ev::Event)>;
pub type OnKey = Box<dyn FnMut(ev::KeyboardEvent)>;

pub fn click(f: impl FnMut(ev::MouseEvent) + 'static) -> Click {
    Box::new(f)
}

pub fn on_input(f: impl FnMut(ev::Event) + 'static) -> OnEvent {
    Box::new(f)
}

pub fn on_change(f: impl FnMut(ev::Event) + 'static) -> OnEvent {
    Box::new(f)
}

pub fn on_key(f: impl FnMut(ev::KeyboardEvent) + 'static) -> OnKey {
    Box::new(f)
}

/// Shows `view()` while `when()` holds.
#[inline(never)]
pub fn when(
    cond: impl Fn() -> bool + Send + 'static,
    view: impl Fn() -> AnyView + Send + 'static,
) -> AnyView {
    dyn_view(move || if cond() { view() } else { ().into_any() })
}

/// A button. `class` is "", "primary" or "danger"; `aria` names it for screen readers when
/// the visible text alone would be ambiguous.
#[inline(never)]
pub fn button(
    text: impl Into<String>,
    class: &'static str,
    aria: Option<String>,
    on: Click,
) -> AnyView {
    let mut b = el("button").a("type", "button").class(class);
    if let Some(aria) = aria {
        b = b.at("aria-label", aria);
    }
    b.text(text).on_click(on).v()
}

/// A button that can be disabled.
#[inline(never)]
pub fn button_when(
    text: impl Into<String>,
    class: &'static str,
    enabled: Dyn<bool>,
    on: Click,
) -> AnyView {
    el("button")
        .a("type", "button")
        .class(class)
        .flag("disabled", dy(move || !enabled()))
        .text(text)
        .on_click(on)
        .v()
}

/// A link.
#[inline(never)]
pub fn link(href: String, text: impl Into<String>, class: &'static str) -> AnyView {
    el("a").at("href", href).class(class).text(text).v()
}

/// A list of plain text items.
#[inline(never)]
pub fn text_list(class: &'static str, items: Vec<String>) -> AnyView {
    el("ul")
        .class(class)
        .kids(items.into_iter().map(|t| el("li").text(t).v()).collect())
        .v()
}

/// A `<dl class="answers">` of plain-text terms and their values.
#[inline(never)]
pub fn answers(rows: Vec<(&'static str, String)>) -> AnyView {
    el("dl")
        .class("answers")
        .kids(
            rows.into_iter()
                .map(|(k, v)| {
                    el("div")
                        .kid(el("dt").st(k).v())
                        .kid(el("dd").text(v).v())
                        .v()
                })
                .collect(),
        )
        .v()
}

/// A paragraph of text with a class.
#[inline(never)]
pub fn para(class: &'static str, text: impl Into<String>) -> AnyView {
    el("p").class(class).text(text).v()
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
        .at("aria-labelledby", id.clone())
        .kid(el("h3").id(id).text(title).v())
        .kids(body)
        .v()
}

use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::html::element::{ElementChild, custom};
use leptos::tachys::html::event::on;
use leptos::tachys::html::property::prop;
use leptos::tachys::view::add_attr::AddAnyAttr;

/// An element under construction. Every element built this way has the same type, so the
/// code to create, update and remove it is compiled once for the whole app.
pub struct El {
    tag: &'static str,
    attrs: Vec<AnyAttribute>,
    kids: Vec<AnyView>,
}

/// Starts an element: `el("p").class("hint").text("…").v()`.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    El {
        tag,
        attrs: Vec::new(),
        kids: Vec::new(),
    }
}

impl El {
    /// A fixed attribute.
    #[inline(never)]
    pub fn a(mut self, key: &'static str, value: &'static str) -> Self {
        self.attrs
            .push(custom_attribute(key, value).into_any_attr());
        self
    }

    /// An attribute from text made at run time.
    #[inline(never)]
    pub fn at(mut self, key: &'static str, value: String) -> Self {
        self.attrs
            .push(custom_attribute(key, value).into_any_attr());
        self
    }

    /// An attribute that follows the state; `None` removes it.
    #[inline(never)]
    pub fn at_dyn(mut self, key: &'static str, value: Dyn<Option<String>>) -> Self {
        self.attrs
            .push(custom_attribute(key, value).into_any_attr());
        self
    }

    #[inline(never)]
    pub fn class(self, value: &'static str) -> Self {
        self.a("class", value)
    }

    #[inline(never)]
    pub fn id(self, value: String) -> Self {
        self.at("id", value)
    }

    /// The `value` property of an input, following the state.
    #[inline(never)]
    pub fn value(mut self, value: Dyn<String>) -> Self {
        self.attrs.push(prop("value", value).into_any_attr());
        self
    }

    /// A boolean property (`checked`, `selected`, `disabled`), following the state.
    #[inline(never)]
    pub fn flag(mut self, key: &'static str, value: Dyn<bool>) -> Self {
        self.attrs.push(prop(key, value).into_any_attr());
        self
    }

    #[inline(never)]
    pub fn on_click(mut self, f: Click) -> Self {
        self.attrs.push(on(leptos::ev::click, f).into_any_attr());
        self
    }

    #[inline(never)]
    pub fn on_input(mut self, f: OnEvent) -> Self {
        self.attrs.push(on(leptos::ev::input, f).into_any_attr());
        self
    }

    #[inline(never)]
    pub fn on_change(mut self, f: OnEvent) -> Self {
        self.attrs.push(on(leptos::ev::change, f).into_any_attr());
        self
    }

    #[inline(never)]
    pub fn on_blur(mut self, f: Box<dyn FnMut(leptos::ev::FocusEvent)>) -> Self {
        self.attrs.push(on(leptos::ev::blur, f).into_any_attr());
        self
    }

    #[inline(never)]
    pub fn on_keydown(mut self, f: OnKey) -> Self {
        self.attrs.push(on(leptos::ev::keydown, f).into_any_attr());
        self
    }

    /// A child: any view.
    #[inline(never)]
    pub fn kid(mut self, view: AnyView) -> Self {
        self.kids.push(view);
        self
    }

    #[inline(never)]
    pub fn kids(mut self, views: Vec<AnyView>) -> Self {
        self.kids.extend(views);
        self
    }

    /// Fixed text. Text is always text, never markup.
    #[inline(never)]
    pub fn st(mut self, text: &'static str) -> Self {
        self.kids.push(text.into_any());
        self
    }

    /// Text made at run time (user text included): always rendered as text.
    #[inline(never)]
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.kids.push(text.into().into_any());
        self
    }

    /// Finishes the element.
    #[inline(never)]
    pub fn v(self) -> AnyView {
        custom(self.tag)
            .child(self.kids)
            .add_any_attr(self.attrs)
            .into_any()
    }
}
