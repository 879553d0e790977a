//! The clause's text as it stands, its flags, and the cases it applies to.

use crate::model::Clause;
use crate::model::clause::NOT_ADVICE;
use crate::route::Route;
use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::download::download;
use crate::ui::browser::printing::print_page;
use crate::ui::kit::fields::read;
use crate::ui::kit::{button, card, dyn_view, el, link, para, said_line};
use crate::ui::screens::clause::field_id;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The clause as it reads now, with its flags and the ways to take it away.
pub(super) fn preview() -> AnyView {
    let clause = read::<Clause, Clause>(Clause::clone);
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let text = clause().to_text();
        leptos::task::spawn_local(async move {
            said.set(if copy_text(&text).await {
                "Copied. Paste it into your agreement.".into()
            } else {
                "This browser did not allow copying. Select the text and copy it.".into()
            });
        });
    };
    let txt = move |_| {
        let c = clause();
        download(&c.file_name("txt"), "text/plain", &c.to_text())
    };
    let md = move |_| {
        let c = clause();
        download(&c.file_name("md"), "text/markdown", &c.to_markdown())
    };
    // Actions and flags first: the text can be long, and this panel scrolls on its own.
    card("clause-preview", "clause-text-h", "Your clause")
        .child(para("notice", NOT_ADVICE))
        .child(
            el("p")
                .class("actions no-print")
                .child(button("Copy the clause", "primary", None, copy))
                .child(button("Download .txt", "", None, txt))
                .child(button("Download .md", "", None, md))
                .child(button("Print", "", None, |_| print_page()))
                .into_any(),
        )
        .child(said_line("no-print", said))
        .child(
            el("div")
                .class("flags no-print")
                .child(dyn_view(move || flags_view(clause().flags())))
                .into_any(),
        )
        .child(
            el("div")
                .class("clause-text")
                .attr("data-testid", "clause-text")
                .child(dyn_view(move || {
                    clause()
                        .render()
                        .into_iter()
                        .map(|p| el("p").child(p).into_any())
                        .collect::<Vec<_>>()
                        .into_any()
                }))
                .into_any(),
        )
        .into_any()
}

fn flags_view(flags: Vec<crate::model::clause::Flag>) -> AnyView {
    if flags.is_empty() {
        return para("ok", "No gaps or conflicts found in these choices.");
    }
    let items: Vec<AnyView> = flags
        .into_iter()
        .map(|f| {
            let target = field_id(f.field);
            el("li")
                .class(if f.conflict { "conflict" } else { "gap" })
                .child(
                    el("strong")
                        .child(if f.conflict {
                            "Conflict: "
                        } else {
                            "Missing: "
                        })
                        .into_any(),
                )
                .child(f.text)
                .child(" ")
                .child(button("Go to the option", "link-button", None, move |_| {
                    focus(&target)
                }))
                .into_any()
        })
        .collect();
    vec![
        el("h3").child("Check these before you use it").into_any(),
        el("ul").class("flag-list").children(items).into_any(),
    ]
    .into_any()
}

fn focus(element_id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(e) = document()
        .get_element_by_id(element_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// The cases this clause applies to, each with a request for mediation.
pub(super) fn cases_using(clause_id: String) -> AnyView {
    let app = use_app();
    let id = StoredValue::new(clause_id);
    dyn_view(move || {
        let rows: Vec<(String, String)> = app.cases(|m| {
            m.values()
                .filter(|r| {
                    r.data
                        .clause
                        .as_ref()
                        .is_some_and(|l| l.id == *id.read_value())
                })
                .map(|r| (r.id.clone(), r.data.title()))
                .collect()
        });
        let body = if rows.is_empty() {
            para(
                "hint",
                "No case uses this clause yet. To link one, open the case's Resolve stage and choose this clause there; its dates then show on the case.",
            )
        } else {
            el("ul")
                .children(
                    rows.into_iter()
                        .map(|(case, title)| {
                            el("li")
                                .child(link(
                                    Route::Case {
                                        id: case.clone(),
                                        stage: crate::model::Stage::Resolve,
                                    }
                                    .to_fragment(),
                                    title,
                                    "",
                                ))
                                .child(" · ")
                                .child(link(
                                    Route::MediationRequest {
                                        clause: id.get_value(),
                                        case,
                                    }
                                    .to_fragment(),
                                    "Draft a request for mediation",
                                    "",
                                ))
                                .into_any()
                        })
                        .collect(),
                )
                .into_any()
        };
        card(
            "card no-print",
            "clause-cases-h",
            "Cases this clause applies to",
        )
        .child(body)
        .into_any()
    })
}
