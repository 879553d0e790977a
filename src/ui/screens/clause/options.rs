//! The clause's options, grouped as they read.

use crate::model::Clause;
use crate::model::clause::{
    Costs, Negotiators, Obligation, Provider, RulesAt, Selection, Then, Variant, Venue, explain,
};
use crate::ui::kit::dyn_view;
use crate::ui::kit::fields::bind;
use crate::ui::kit::inputs::{field, fieldset, hint_id, select_input};
use crate::ui::screens::clause::{check, choice, chosen, days, field_id, text};
use leptos::prelude::*;

/// Every option, in groups; options that do not apply to the choices made are hidden.
pub(super) fn options() -> Vec<AnyView> {
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

pub(super) fn mediation() -> Vec<AnyView> {
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
