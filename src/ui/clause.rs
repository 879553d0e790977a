//! The mediation-clause screens: the saved clauses, one clause's options beside its live
//! text, and a request for mediation drafted from a case. The text, the flags and the dates
//! all come from `model::clause`.

use leptos::prelude::*;

use super::fields::{
    Bind, bind, check_input, choice_field, days_input, field, fieldset, hint_id, provide_editing,
    read, select_input, shape, text_field,
};
use super::kit::{button, card, dyn_view, el, heading, link, para, print_page, said_line};
use super::state::use_app;
use super::{copy_text, download, go, today};
use crate::model::Clause;
use crate::model::clause::{
    Costs, NOT_ADVICE, Negotiators, Obligation, Provider, RulesAt, Selection, Then, Variant, Venue,
    explain,
};
use crate::route::Route;
use crate::store::record::Kind;

/// The element id of a clause option, e.g. `clause-law` (flags point at these).
fn field_id(key: &str) -> String {
    format!("clause-{key}")
}

/// A line of text.
fn text(
    key: &'static str,
    label: &'static str,
    get: fn(&Clause) -> &String,
    set: fn(&mut Clause) -> &mut String,
) -> AnyView {
    text_field::<Clause>(field_id(key), label, explain(key), false, get, set)
}

/// A number of days, 1 to 365.
fn days(
    key: &'static str,
    label: &'static str,
    get: fn(&Clause) -> u32,
    set: fn(&mut Clause, u32),
) -> AnyView {
    let id = field_id(key);
    let hint = explain(key);
    let input = days_input(
        id.clone(),
        hint_id(&id, hint),
        bind::<Clause, u32>(get, set),
    );
    field(id, label, hint, "", input)
}

/// A checkbox, with its one-line explanation under it.
fn check(
    key: &'static str,
    label: &'static str,
    get: fn(&Clause) -> bool,
    set: fn(&mut Clause, bool),
) -> AnyView {
    let id = field_id(key);
    let hint = explain(key);
    let mut f = el("div").class("field").child(check_input(
        id.clone(),
        label.into(),
        bind::<Clause, bool>(get, set),
    ));
    if let Some(d) = hint_id(&id, hint) {
        f = f.child(el("p").class("hint").attr("id", d).child(hint).into_any());
    }
    f.into_any()
}

/// One of a few choices, as radio buttons.
fn choice(
    key: &'static str,
    legend: &'static str,
    labels: &'static [&'static str],
    get: fn(&Clause) -> usize,
    set: fn(&mut Clause, usize),
) -> AnyView {
    let b: Bind<Option<usize>> = bind::<Clause, Option<usize>>(
        move |c| Some(get(c)),
        move |c, i| {
            if let Some(i) = i.filter(|i| *i < labels.len()) {
                set(c, i)
            }
        },
    );
    choice_field(field_id(key), legend, explain(key), "", labels, b)
}

/// Which of an option's choices is made (a memo: sections rebuild only when it changes).
fn chosen(get: fn(&Clause) -> usize) -> Memo<u64> {
    shape::<Clause>(move |c| get(c) as u64)
}

/// The saved clauses.
pub fn clause_list() -> AnyView {
    let app = use_app();
    let create = move |_| {
        let latest =
            app.list::<Clause, _>(|m| m.values().max_by_key(|r| r.updated).map(|r| r.data.clone()));
        let id = app.create(Clause::starting_from(latest.as_ref()));
        go(&Route::ClauseEdit(id));
    };
    let list = dyn_view(move || {
        let mut rows: Vec<(i64, String, String, String)> = app.list::<Clause, _>(|m| {
            m.values()
                .map(|r| {
                    let c = &r.data;
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
            .children(
                rows.into_iter()
                    .map(|(_, id, title, what)| {
                        el("li")
                            .child(link(Route::ClauseEdit(id).to_fragment(), title, ""))
                            .child(
                                el("span")
                                    .class("muted")
                                    .child(format!(" · {what}"))
                                    .into_any(),
                            )
                            .into_any()
                    })
                    .collect(),
            )
            .into_any()
    });
    vec![
        heading("Mediation clauses"),
        para(
            "lede",
            "Put a clause in every agreement that says how a disagreement will be handled: talk it through first, and if that fails, bring in a mediator. Agreeing this while everyone is on good terms saves a lot of grief later.",
        ),
        para("notice", NOT_ADVICE),
        el("p").child(button("New clause", "primary", None, create)).into_any(),
        list,
    ]
    .into_any()
}

/// What a screen says when the clause it needs is not saved here.
fn clause_missing(title: &'static str, what: &'static str) -> AnyView {
    vec![
        heading(title),
        para("", what),
        el("p")
            .child(link(
                Route::Clause.to_fragment(),
                "See your clauses",
                "button",
            ))
            .into_any(),
    ]
    .into_any()
}

/// One clause: its options beside its live text.
pub fn clause_editor(clause_id: String) -> AnyView {
    let app = use_app();
    if !untrack(|| app.list::<Clause, _>(|m| m.contains_key(&clause_id))) {
        return clause_missing(
            "Mediation clause",
            "This clause is not saved here. It may have been deleted (look in the trash on the Backup screen).",
        );
    }
    let ed = provide_editing::<Clause>(clause_id.clone());
    let delete = move |_| {
        app.delete(Kind::Clause, &ed.id.read_value());
        go(&Route::Clause);
    };
    vec![
        el("p")
            .class("back no-print")
            .child(link(Route::Clause.to_fragment(), "All clauses", ""))
            .into_any(),
        heading("Mediation clause"),
        el("div")
            .class("clause-layout")
            .child(
                el("div")
                    .class("clause-options no-print")
                    .children(options())
                    .into_any(),
            )
            .child(preview())
            .into_any(),
        cases_using(clause_id),
        el("p")
            .class("no-print")
            .child(button("Delete this clause", "danger", None, delete))
            .into_any(),
    ]
    .into_any()
}

/// Every option, in groups; options that do not apply to the choices made are hidden.
fn options() -> Vec<AnyView> {
    let variant = chosen(|c| c.variant as usize);
    let tiered = move || variant.get() == Variant::Tiered as u64;
    vec![
        fieldset(
            "About this clause",
            vec![
                text("name", "Name for this clause", |c| &c.name, |c| &mut c.name),
                choice(
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
                text("us", "Your business", |c| &c.us, |c| &mut c.us),
                text("them", "The client", |c| &c.them, |c| &mut c.them),
                text(
                    "agreement",
                    "What the agreement is called",
                    |c| &c.agreement,
                    |c| &mut c.agreement,
                ),
            ],
        ),
        fieldset(
            "Talking first",
            vec![dyn_view(move || talking_first(tiered()))],
        ),
        fieldset("Mediation", mediation()),
        fieldset("Where and how", where_and_how(tiered)),
        dyn_view(move || {
            if tiered() {
                fieldset("If mediation fails", if_it_fails())
            } else {
                ().into_any()
            }
        }),
        fieldset(
            "Governing law",
            vec![text("law", "Governing law", |c| &c.law, |c| &mut c.law)],
        ),
    ]
}

/// The negotiation step: a window in the simple clause; in the tiered one, optional, with
/// who meets and by when.
fn talking_first(tiered: bool) -> AnyView {
    if !tiered {
        return days(
            "negotiate_days",
            "Days to settle it between yourselves",
            |c| c.negotiate_days,
            |c, v| c.negotiate_days = v,
        );
    }
    let negotiate = chosen(|c| c.negotiate as usize);
    vec![
        check(
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
                choice(
                    "negotiators",
                    "Who negotiates",
                    Negotiators::LABELS,
                    |c| c.negotiators as usize,
                    |c, i| c.negotiators = Negotiators::ALL[i],
                ),
                days(
                    "meet_days",
                    "Meet within",
                    |c| c.meet_days,
                    |c, v| c.meet_days = v,
                ),
                days(
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
}

fn mediation() -> Vec<AnyView> {
    let provider = chosen(|c| c.provider as usize);
    let selection = chosen(|c| c.selection as usize);
    vec![
        choice(
            "obligation",
            "How firm the commitment is",
            Obligation::LABELS,
            |c| c.obligation as usize,
            |c, i| c.obligation = Obligation::ALL[i],
        ),
        provider_select(),
        dyn_view(move || match Provider::ALL[provider.get() as usize] {
            Provider::Local => text(
                "local_name",
                "The mediator or service",
                |c| &c.local_name,
                |c| &mut c.local_name,
            ),
            Provider::AdHoc => ().into_any(),
            _ => choice(
                "rules_at",
                "Which version of the rules",
                RulesAt::LABELS,
                |c| c.rules_at as usize,
                |c, i| c.rules_at = RulesAt::ALL[i],
            ),
        }),
        choice(
            "selection",
            "Choosing the mediator",
            Selection::LABELS,
            |c| c.selection as usize,
            |c, i| c.selection = Selection::ALL[i],
        ),
        dyn_view(move || {
            if selection.get() == Selection::Jointly as u64 {
                return days(
                    "select_days",
                    "Days to agree a mediator",
                    |c| c.select_days,
                    |c, v| c.select_days = v,
                );
            }
            vec![
                text(
                    "mediator",
                    "Named mediator",
                    |c| &c.mediator,
                    |c| &mut c.mediator,
                ),
                text(
                    "alternate",
                    "Alternate, if they cannot act",
                    |c| &c.alternate,
                    |c| &mut c.alternate,
                ),
            ]
            .into_any()
        }),
        text(
            "qualities",
            "Qualities you want in the mediator (optional)",
            |c| &c.qualities,
            |c| &mut c.qualities,
        ),
    ]
}

/// The provider: choosing one brings its own figures (see `Clause::apply_preset`).
fn provider_select() -> AnyView {
    let b = bind::<Clause, Option<usize>>(
        |c| Some(c.provider as usize),
        |c, i| {
            if let Some(p) = i.and_then(|i| Provider::ALL.get(i)) {
                c.provider = *p;
                c.apply_preset();
            }
        },
    );
    let id = field_id("provider");
    let hint = explain("provider");
    let select = select_input(id.clone(), hint_id(&id, hint), Provider::LABELS, false, b);
    field(id, "Provider and rules", hint, "", select)
}

fn where_and_how(tiered: impl Fn() -> bool + Copy + Send + 'static) -> Vec<AnyView> {
    let venue = chosen(|c| c.venue as usize);
    let costs = chosen(|c| c.costs as usize);
    vec![
        choice(
            "venue",
            "Where",
            Venue::LABELS,
            |c| c.venue as usize,
            |c, i| c.venue = Venue::ALL[i],
        ),
        dyn_view(move || {
            if venue.get() == Venue::Online as u64 {
                return ().into_any();
            }
            text("place", "City", |c| &c.place, |c| &mut c.place)
        }),
        dyn_view(move || {
            if !tiered() {
                return ().into_any();
            }
            text("language", "Language", |c| &c.language, |c| &mut c.language)
        }),
        check(
            "confidential",
            "Keep the mediation confidential",
            |c| c.confidential,
            |c, v| c.confidential = v,
        ),
        choice(
            "costs",
            "Costs",
            Costs::LABELS,
            |c| c.costs as usize,
            |c, i| c.costs = Costs::ALL[i],
        ),
        dyn_view(move || {
            if costs.get() != Costs::Other as u64 {
                return ().into_any();
            }
            text(
                "costs_other",
                "How the costs are split",
                |c| &c.costs_other,
                |c| &mut c.costs_other,
            )
        }),
        dyn_view(move || {
            if !tiered() {
                return ().into_any();
            }
            vec![
                check(
                    "authority",
                    "Each side sends someone who can settle",
                    |c| c.authority,
                    |c, v| c.authority = v,
                ),
                check(
                    "keep_working",
                    "Keep working on what is not in dispute",
                    |c| c.keep_working,
                    |c, v| c.keep_working = v,
                ),
                check(
                    "urgent_relief",
                    "Allow urgent relief from a court",
                    |c| c.urgent_relief,
                    |c, v| c.urgent_relief = v,
                ),
            ]
            .into_any()
        }),
    ]
}

/// What follows a failed mediation (tiered clauses only).
fn if_it_fails() -> Vec<AnyView> {
    let then = chosen(|c| c.then as usize);
    vec![
        days(
            "mediate_days",
            "Days of mediation before the next step",
            |c| c.mediate_days,
            |c, v| c.mediate_days = v,
        ),
        choice(
            "then",
            "Then",
            Then::LABELS,
            |c| c.then as usize,
            |c, i| c.then = Then::ALL[i],
        ),
        dyn_view(move || match Then::ALL[then.get() as usize] {
            Then::Nothing => ().into_any(),
            Then::Arbitration => vec![
                text(
                    "then_by",
                    "Who runs the arbitration",
                    |c| &c.then_by,
                    |c| &mut c.then_by,
                ),
                choice(
                    "arbitrators",
                    "Arbitrators",
                    &["One", "Three"],
                    |c| (c.arbitrators == 3) as usize,
                    |c, i| c.arbitrators = if i == 1 { 3 } else { 1 },
                ),
                text(
                    "seat",
                    "Seat (city and country)",
                    |c| &c.seat,
                    |c| &mut c.seat,
                ),
            ]
            .into_any(),
            Then::Expert => vec![
                text(
                    "then_by",
                    "Who appoints the expert",
                    |c| &c.then_by,
                    |c| &mut c.then_by,
                ),
                check(
                    "expert_binding",
                    "The expert's decision is binding",
                    |c| c.expert_binding,
                    |c, v| c.expert_binding = v,
                ),
            ]
            .into_any(),
            Then::Courts => text(
                "courts",
                "The courts of (place)",
                |c| &c.courts,
                |c| &mut c.courts,
            ),
        }),
    ]
}

/// The clause as it reads now, with its flags and the ways to take it away.
fn preview() -> AnyView {
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
fn cases_using(clause_id: String) -> AnyView {
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

/// A request for mediation, drafted from a case and its clause.
pub fn request_view(clause_id: String, case_id: String) -> AnyView {
    let app = use_app();
    let clause = untrack(|| app.list::<Clause, _>(|m| m.get(&clause_id).map(|r| r.data.clone())));
    let case = untrack(|| app.cases(|m| m.get(&case_id).map(|r| r.data.clone())));
    let (Some(clause), Some(case)) = (clause, case) else {
        return clause_missing(
            "Request for mediation",
            "The clause or the case for this request is no longer saved here (it may be in the trash on the Backup screen).",
        );
    };
    let text = clause.request(&case, today());
    let paragraphs: Vec<AnyView> = text
        .split("\n\n")
        .map(|p| el("p").child(p.to_string()).into_any())
        .collect();
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            said.set(if copy_text(&text).await {
                "Copied. Paste it into an email or letter, check it, and send it.".into()
            } else {
                "This browser did not allow copying. Select the text and copy it.".into()
            });
        });
    };
    vec![
        heading("Request for mediation"),
        para(
            "lede no-print",
            format!(
                "A draft for {}, from the case and the clause \"{}\". Read it through, fill anything in brackets, then send it to the other side (and to the provider, if the clause names one).",
                case.title(),
                clause.title()
            ),
        ),
        para("notice", NOT_ADVICE),
        el("div").class("letter").children(paragraphs).into_any(),
        el("p")
            .class("actions no-print")
            .child(button("Copy the request", "primary", None, copy))
            .child(button("Print", "", None, |_| print_page()))
            .child(link(Route::ClauseEdit(clause_id).to_fragment(), "Open the clause", "button"))
            .child(link(
                Route::Case {
                    id: case_id,
                    stage: crate::model::Stage::Resolve,
                }
                .to_fragment(),
                "Back to the case",
                "button",
            ))
            .into_any(),
        said_line("no-print", said),
    ]
    .into_any()
}
