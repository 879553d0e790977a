//! The mediation-clause screens (in the later module): the saved clauses, one clause's
//! options beside its live text, and a request for mediation drafted from a case.
//! The text, the flags and the dates all come from `model::clause`.

use leptos::prelude::*;

use super::docs::{
    Doc, Ed, check, choice_of, days, decode, editing, field, field_id, fieldset, put, radios, read,
    text,
};
use super::kit::{button, click, dy, dyn_text, dyn_view, el, link, on_change, para};
use super::state::use_app;
use super::{copy_text, download, go, today};
use crate::model::Clause;
use crate::model::clause::{
    Costs, NOT_ADVICE, Negotiators, Obligation, Provider, RulesAt, Selection, Then, Variant, Venue,
    explain,
};
use crate::model::json::Json;
use crate::route::{Route, is_valid_id};
use crate::store::record::Kind;

fn provider_select(id: Ed<Clause>) -> AnyView {
    let current = read(id, |c| c.provider as usize);
    let options: Vec<AnyView> = Provider::LABELS
        .iter()
        .enumerate()
        .map(|(i, l)| {
            el("option")
                .at("value", i.to_string())
                .flag("selected", dy(move || current() == i))
                .st(l)
                .v()
        })
        .collect();
    let select = el("select")
        .at("id", field_id::<Clause>("provider"))
        .at(
            "aria-describedby",
            format!("{}-hint", field_id::<Clause>("provider")),
        )
        .on_change(on_change(move |ev| {
            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                // A new provider brings its own figures (see `Clause::apply_preset`).
                put(
                    id,
                    |c, i: usize| {
                        c.provider = Provider::ALL[i.min(Provider::ALL.len() - 1)];
                        c.apply_preset();
                    },
                    i,
                );
            }
        }))
        .kids(options)
        .v();
    field(
        field_id::<Clause>("provider"),
        "Provider and rules",
        explain("provider"),
        select,
    )
}

impl Doc for Clause {
    const KIND: Kind = Kind::Clause;
    fn hint(key: &str) -> &'static str {
        explain(key)
    }
}

/// The saved clauses.
pub fn clause_list() -> AnyView {
    let app = use_app();
    let create = click(move |_| {
        // A new clause starts with the business name used last time.
        let us = app.clauses.with_untracked(|m| {
            m.values()
                .max_by_key(|r| r.updated)
                .map(|r| decode::<Clause>(&r.data).us)
                .unwrap_or_default()
        });
        let id = app.create_doc(
            Kind::Clause,
            Clause {
                us,
                ..Clause::default()
            }
            .to_json(),
        );
        go(&Route::ClauseEdit(id));
    });
    let list = dyn_view(move || {
        let mut rows: Vec<(i64, String, String, String)> = app.clauses.with(|m| {
            m.values()
                .map(|r| {
                    let c = &decode::<Clause>(&r.data);
                    (
                        r.updated,
                        r.id.clone(),
                        c.title(),
                        format!("{} · {}", c.variant.label(), c.provider.short()),
                    )
                })
                .collect()
        });
        if rows.is_empty() {
            return para(
                "empty",
                "No clauses yet. Make one for your standard agreement; it takes a few minutes, and you can keep several (one per kind of work, say).",
            );
        }
        crate::model::order::sort_by_key(&mut rows, |r| (-r.0, 0, r.1.clone()));
        el("ul")
            .class("clause-list")
            .kids(
                rows.into_iter()
                    .map(|(_, id, title, what)| {
                        el("li")
                            .kid(link(Route::ClauseEdit(id).to_fragment(), title, ""))
                            .kid(el("span").class("muted").text(format!(" · {what}")).v())
                            .v()
                    })
                    .collect(),
            )
            .v()
    });
    vec![
        el("h1").a("tabindex", "-1").st("Mediation clauses").v(),
        para(
            "lede",
            "Put a clause in every agreement that says how a disagreement will be handled: talk it through first, and if that fails, bring in a mediator. Agreeing this while everyone is on good terms saves a lot of grief later.",
        ),
        para("notice", NOT_ADVICE),
        el("p").kid(button("New clause", "primary", None, create)).v(),
        list,
    ]
    .into_any()
}

/// One clause: its options beside its live text.
pub fn clause_editor(clause_id: String) -> AnyView {
    let app = use_app();
    if !app.clauses.with_untracked(|m| m.contains_key(&clause_id)) {
        return vec![
            el("h1").a("tabindex", "-1").st("Mediation clause").v(),
            para(
                "",
                "This clause is not saved here. It may have been deleted (look in the trash on the Backup screen).",
            ),
            el("p")
                .kid(link(Route::Clause.to_fragment(), "See your clauses", "button"))
                .v(),
        ]
        .into_any();
    }
    let id = editing::<Clause>(clause_id.clone());
    let variant = choice_of(id, |c| c.variant as usize);
    let negotiate = choice_of(id, |c| c.negotiate as usize);
    let provider = choice_of(id, |c| c.provider as usize);
    let selection = choice_of(id, |c| c.selection as usize);
    let venue = choice_of(id, |c| c.venue as usize);
    let costs = choice_of(id, |c| c.costs as usize);
    let then = choice_of(id, |c| c.then as usize);
    let tiered = move || variant.get() == Variant::Tiered as usize;

    let options = vec![
        fieldset(
            "About this clause",
            vec![
                text(
                    id,
                    "name",
                    "Name for this clause",
                    false,
                    |c| c.name.clone(),
                    |c, v| c.name = v,
                ),
                radios(
                    id,
                    "variant",
                    "Variant",
                    Variant::LABELS,
                    |c| c.variant as usize,
                    |c, i| c.variant = Variant::ALL[i],
                ),
            ],
        ),
        fieldset(
            "The parties",
            vec![
                text(
                    id,
                    "us",
                    "Your business",
                    false,
                    |c| c.us.clone(),
                    |c, v| c.us = v,
                ),
                text(
                    id,
                    "them",
                    "The client",
                    false,
                    |c| c.them.clone(),
                    |c, v| c.them = v,
                ),
                text(
                    id,
                    "agreement",
                    "What the agreement is called",
                    false,
                    |c| c.agreement.clone(),
                    |c, v| c.agreement = v,
                ),
            ],
        ),
        fieldset(
            "Talking first",
            vec![dyn_view(move || {
                if !tiered() {
                    return days(
                        id,
                        "negotiate_days",
                        "Days to settle it between yourselves",
                        |c| c.negotiate_days,
                        |c, v| c.negotiate_days = v,
                    );
                }
                vec![
                    check(
                        id,
                        "negotiate",
                        "Start with a negotiation step",
                        |c| c.negotiate,
                        |c, v| c.negotiate = v,
                    ),
                    dyn_view(move || {
                        if negotiate.get() == 0 {
                            return ().into_any();
                        }
                        vec![
                            radios(
                                id,
                                "negotiators",
                                "Who negotiates",
                                Negotiators::LABELS,
                                |c| c.negotiators as usize,
                                |c, i| c.negotiators = Negotiators::ALL[i],
                            ),
                            days(
                                id,
                                "meet_days",
                                "Meet within",
                                |c| c.meet_days,
                                |c, v| c.meet_days = v,
                            ),
                            days(
                                id,
                                "negotiate_days",
                                "Negotiation window",
                                |c| c.negotiate_days,
                                |c, v| c.negotiate_days = v,
                            ),
                        ]
                        .into_any()
                    }),
                ]
                .into_any()
            })],
        ),
        fieldset(
            "Mediation",
            vec![
                radios(
                    id,
                    "obligation",
                    "How firm the commitment is",
                    Obligation::LABELS,
                    |c| c.obligation as usize,
                    |c, i| c.obligation = Obligation::ALL[i],
                ),
                provider_select(id),
                dyn_view(move || match Provider::ALL[provider.get()] {
                    Provider::Local => text(
                        id,
                        "local_name",
                        "The mediator or service",
                        false,
                        |c| c.local_name.clone(),
                        |c, v| c.local_name = v,
                    ),
                    Provider::AdHoc => ().into_any(),
                    _ => radios(
                        id,
                        "rules_at",
                        "Which version of the rules",
                        RulesAt::LABELS,
                        |c| c.rules_at as usize,
                        |c, i| c.rules_at = RulesAt::ALL[i],
                    ),
                }),
                radios(
                    id,
                    "selection",
                    "Choosing the mediator",
                    Selection::LABELS,
                    |c| c.selection as usize,
                    |c, i| c.selection = Selection::ALL[i],
                ),
                dyn_view(move || {
                    if selection.get() == Selection::Jointly as usize {
                        return days(
                            id,
                            "select_days",
                            "Days to agree a mediator",
                            |c| c.select_days,
                            |c, v| c.select_days = v,
                        );
                    }
                    vec![
                        text(
                            id,
                            "mediator",
                            "Named mediator",
                            false,
                            |c| c.mediator.clone(),
                            |c, v| c.mediator = v,
                        ),
                        text(
                            id,
                            "alternate",
                            "Alternate, if they cannot act",
                            false,
                            |c| c.alternate.clone(),
                            |c, v| c.alternate = v,
                        ),
                    ]
                    .into_any()
                }),
                text(
                    id,
                    "qualities",
                    "Qualities you want in the mediator (optional)",
                    false,
                    |c| c.qualities.clone(),
                    |c, v| c.qualities = v,
                ),
            ],
        ),
        fieldset(
            "Where and how",
            vec![
                radios(
                    id,
                    "venue",
                    "Where",
                    Venue::LABELS,
                    |c| c.venue as usize,
                    |c, i| c.venue = Venue::ALL[i],
                ),
                dyn_view(move || {
                    if venue.get() == Venue::Online as usize {
                        return ().into_any();
                    }
                    text(
                        id,
                        "place",
                        "City",
                        false,
                        |c| c.place.clone(),
                        |c, v| c.place = v,
                    )
                }),
                dyn_view(move || {
                    if !tiered() {
                        return ().into_any();
                    }
                    text(
                        id,
                        "language",
                        "Language",
                        false,
                        |c| c.language.clone(),
                        |c, v| c.language = v,
                    )
                }),
                check(
                    id,
                    "confidential",
                    "Keep the mediation confidential",
                    |c| c.confidential,
                    |c, v| c.confidential = v,
                ),
                radios(
                    id,
                    "costs",
                    "Costs",
                    Costs::LABELS,
                    |c| c.costs as usize,
                    |c, i| c.costs = Costs::ALL[i],
                ),
                dyn_view(move || {
                    if costs.get() != Costs::Other as usize {
                        return ().into_any();
                    }
                    text(
                        id,
                        "costs_other",
                        "How the costs are split",
                        false,
                        |c| c.costs_other.clone(),
                        |c, v| c.costs_other = v,
                    )
                }),
                dyn_view(move || {
                    if !tiered() {
                        return ().into_any();
                    }
                    vec![
                        check(
                            id,
                            "authority",
                            "Each side sends someone who can settle",
                            |c| c.authority,
                            |c, v| c.authority = v,
                        ),
                        check(
                            id,
                            "keep_working",
                            "Keep working on what is not in dispute",
                            |c| c.keep_working,
                            |c, v| c.keep_working = v,
                        ),
                        check(
                            id,
                            "urgent_relief",
                            "Allow urgent relief from a court",
                            |c| c.urgent_relief,
                            |c, v| c.urgent_relief = v,
                        ),
                    ]
                    .into_any()
                }),
            ],
        ),
        dyn_view(move || {
            if !tiered() {
                return ().into_any();
            }
            fieldset(
                "If mediation fails",
                vec![
                    days(
                        id,
                        "mediate_days",
                        "Days of mediation before the next step",
                        |c| c.mediate_days,
                        |c, v| c.mediate_days = v,
                    ),
                    radios(
                        id,
                        "then",
                        "Then",
                        Then::LABELS,
                        |c| c.then as usize,
                        |c, i| c.then = Then::ALL[i],
                    ),
                    dyn_view(move || match Then::ALL[then.get()] {
                        Then::Nothing => ().into_any(),
                        Then::Arbitration => vec![
                            text(
                                id,
                                "then_by",
                                "Who runs the arbitration",
                                false,
                                |c| c.then_by.clone(),
                                |c, v| c.then_by = v,
                            ),
                            radios(
                                id,
                                "arbitrators",
                                "Arbitrators",
                                &["One", "Three"],
                                |c| (c.arbitrators == 3) as usize,
                                |c, i| c.arbitrators = if i == 1 { 3 } else { 1 },
                            ),
                            text(
                                id,
                                "seat",
                                "Seat (city and country)",
                                false,
                                |c| c.seat.clone(),
                                |c, v| c.seat = v,
                            ),
                        ]
                        .into_any(),
                        Then::Expert => vec![
                            text(
                                id,
                                "then_by",
                                "Who appoints the expert",
                                false,
                                |c| c.then_by.clone(),
                                |c, v| c.then_by = v,
                            ),
                            check(
                                id,
                                "expert_binding",
                                "The expert's decision is binding",
                                |c| c.expert_binding,
                                |c, v| c.expert_binding = v,
                            ),
                        ]
                        .into_any(),
                        Then::Courts => text(
                            id,
                            "courts",
                            "The courts of (place)",
                            false,
                            |c| c.courts.clone(),
                            |c, v| c.courts = v,
                        ),
                    }),
                ],
            )
        }),
        fieldset(
            "Governing law",
            vec![text(
                id,
                "law",
                "Governing law",
                false,
                |c| c.law.clone(),
                |c, v| c.law = v,
            )],
        ),
    ];

    let clause = move || id.doc.get();
    let said = RwSignal::new(String::new());
    let copy = click(move |_| {
        let text = clause().to_text();
        leptos::task::spawn_local(async move {
            said.set(if copy_text(&text).await {
                "Copied. Paste it into your agreement.".into()
            } else {
                "This browser did not allow copying. Select the text and copy it.".into()
            });
        });
    });
    let file_name = move |ext: &str| {
        let slug: String = clause()
            .title()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("mediation-clause-{}.{ext}", slug.trim_matches('-'))
    };
    let txt = click(move |_| download(&file_name("txt"), "text/plain", &clause().to_text()));
    let md = click(move |_| download(&file_name("md"), "text/markdown", &clause().to_markdown()));
    let print = click(|_| {
        let _ = window().print();
    });
    // Actions and flags first: the text can be long, and this panel scrolls on its own.
    let preview = el("section")
        .class("clause-preview")
        .a("aria-labelledby", "clause-text-h")
        .kid(el("h2").a("id", "clause-text-h").st("Your clause").v())
        .kid(para("notice", NOT_ADVICE))
        .kid(
            el("p")
                .class("actions no-print")
                .kid(button("Copy the clause", "primary", None, copy))
                .kid(button("Download .txt", "", None, txt))
                .kid(button("Download .md", "", None, md))
                .kid(button("Print", "", None, print))
                .v(),
        )
        .kid(
            el("p")
                .class("no-print")
                .a("role", "status")
                .kid(dyn_text(move || said.get()))
                .v(),
        )
        .kid(
            el("div")
                .class("flags no-print")
                .kid(dyn_view(move || flags_view(clause().flags())))
                .v(),
        )
        .kid(
            el("div")
                .class("clause-text")
                .a("data-testid", "clause-text")
                .kid(dyn_view(move || {
                    clause()
                        .render()
                        .into_iter()
                        .map(|p| el("p").text(p).v())
                        .collect::<Vec<_>>()
                        .into_any()
                }))
                .v(),
        )
        .v();

    let delete = click(move |_| {
        app.delete(Kind::Clause, &id.id.read_value());
        go(&Route::Clause);
    });
    vec![
        el("p")
            .class("back no-print")
            .kid(link(Route::Clause.to_fragment(), "All clauses", ""))
            .v(),
        el("h1").a("tabindex", "-1").st("Mediation clause").v(),
        el("div")
            .class("clause-layout")
            .kid(el("div").class("clause-options no-print").kids(options).v())
            .kid(preview)
            .v(),
        cases_using(clause_id),
        el("p")
            .class("no-print")
            .kid(button("Delete this clause", "danger", None, delete))
            .v(),
    ]
    .into_any()
}

fn flags_view(flags: Vec<crate::model::clause::Flag>) -> AnyView {
    if flags.is_empty() {
        return para("ok", "No gaps or conflicts found in these choices.");
    }
    let items: Vec<AnyView> = flags
        .into_iter()
        .map(|f| {
            let target = field_id::<Clause>(f.field);
            el("li")
                .class(if f.conflict { "conflict" } else { "gap" })
                .kid(
                    el("strong")
                        .st(if f.conflict {
                            "Conflict: "
                        } else {
                            "Missing: "
                        })
                        .v(),
                )
                .text(f.text)
                .st(" ")
                .kid(button(
                    "Go to the option",
                    "link-button",
                    None,
                    click(move |_| focus(&target)),
                ))
                .v()
        })
        .collect();
    vec![
        el("h3").st("Check these before you use it").v(),
        el("ul").class("flag-list").kids(items).v(),
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
fn cases_using(clause_id: String) -> AnyView {
    let app = use_app();
    let id = StoredValue::new(clause_id);
    dyn_view(move || {
        let rows: Vec<(String, String)> = app.cases.with(|m| {
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
                .kids(
                    rows.into_iter()
                        .map(|(case, title)| {
                            el("li")
                                .kid(link(
                                    Route::Case {
                                        id: case.clone(),
                                        stage: crate::model::Stage::Resolve,
                                    }
                                    .to_fragment(),
                                    title,
                                    "",
                                ))
                                .st(" · ")
                                .kid(link(
                                    Route::MediationRequest {
                                        clause: id.get_value(),
                                        case,
                                    }
                                    .to_fragment(),
                                    "Draft a request for mediation",
                                    "",
                                ))
                                .v()
                        })
                        .collect(),
                )
                .v()
        };
        el("section")
            .class("card no-print")
            .a("aria-labelledby", "clause-cases-h")
            .kid(
                el("h2")
                    .a("id", "clause-cases-h")
                    .st("Cases this clause applies to")
                    .v(),
            )
            .kid(body)
            .v()
    })
}

/// A request for mediation, drafted from a case and its clause.
pub fn request_view(clause_id: String, case_id: String) -> AnyView {
    let app = use_app();
    let clause = app
        .clauses
        .with_untracked(|m| m.get(&clause_id).map(|r| decode::<Clause>(&r.data)));
    let case = app
        .cases
        .with_untracked(|m| m.get(&case_id).map(|r| r.data.clone()));
    let heading = el("h1").a("tabindex", "-1").st("Request for mediation").v();
    let (Some(clause), Some(case)) = (clause, case) else {
        return vec![
            heading,
            para(
                "",
                "The clause or the case for this request is no longer saved here (it may be in the trash on the Backup screen).",
            ),
            el("p")
                .kid(link(Route::Clause.to_fragment(), "See your clauses", "button"))
                .v(),
        ]
        .into_any();
    };
    debug_assert!(is_valid_id(&case_id));
    let text = clause.request(&case, today());
    let paragraphs: Vec<AnyView> = text
        .split("\n\n")
        .map(|p| el("p").text(p.to_string()).v())
        .collect();
    let said = RwSignal::new(String::new());
    let copy = click(move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            said.set(if copy_text(&text).await {
                "Copied. Paste it into an email or letter, check it, and send it.".into()
            } else {
                "This browser did not allow copying. Select the text and copy it.".into()
            });
        });
    });
    let print = click(|_| {
        let _ = window().print();
    });
    vec![
        heading,
        para(
            "lede no-print",
            format!(
                "A draft for {}, from the case and the clause \"{}\". Read it through, fill anything in brackets, then send it to the other side (and to the provider, if the clause names one).",
                case.title(),
                clause.title()
            ),
        ),
        para("notice", NOT_ADVICE),
        el("div").class("letter").kids(paragraphs).v(),
        el("p")
            .class("actions no-print")
            .kid(button("Copy the request", "primary", None, copy))
            .kid(button("Print", "", None, print))
            .kid(link(Route::ClauseEdit(clause_id).to_fragment(), "Open the clause", "button"))
            .kid(link(
                Route::Case {
                    id: case_id,
                    stage: crate::model::Stage::Resolve,
                }
                .to_fragment(),
                "Back to the case",
                "button",
            ))
            .v(),
        el("p").class("no-print").a("role", "status").kid(dyn_text(move || said.get())).v(),
    ]
    .into_any()
}
