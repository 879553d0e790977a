//! Which part of a stage draws each widget of the worksheet.

use crate::model::drafts::DraftKind;
use crate::model::guidance::GROUND_RULES;
use crate::model::worksheet::Widget;
use crate::ui::kit::crib::crib_sheet;
use crate::ui::kit::lazy::lazy_view;
use crate::ui::kit::text_list;
use crate::ui::screens::case::decide::{exit, mediation, reflect};
use crate::ui::screens::case::follow_up::{actions, check_ins};
use crate::ui::screens::case::history::{history_view, signals};
use crate::ui::screens::case::listen::{attempts, clarifying};
use crate::ui::screens::case::numbers::{figures_view, reach_advice};
use crate::ui::screens::case::remedies::{confirmation, counter_cost, options, peace, validity};
use leptos::prelude::*;

/// Renders a stage's widget inside its titled section.
pub fn widget(w: Widget) -> AnyView {
    let body = first_part(w).unwrap_or_else(|| later_part(w));
    crate::ui::kit::section(format!("w-{}", w as u8), w.title(), "widget", vec![body])
}

/// The parts built from what the first screens need anyway (the reading, the figures, the
/// client's history), and a few small ones: in the first-visit module.
fn first_part(w: Widget) -> Option<AnyView> {
    Some(match w {
        Widget::ClientHistory => history_view(),
        Widget::Figures => figures_view(),
        Widget::ReachAdvice => reach_advice(),
        Widget::GroundRules => text_list(
            "rules",
            GROUND_RULES.iter().map(|r| r.to_string()).collect(),
        ),
        Widget::GoodFaithSignals => signals(),
        Widget::ValidityAdvice => validity(),
        Widget::Reading => crate::ui::screens::case::counsel::reading_view(),
        Widget::Limits => crate::ui::screens::case::counsel::limits_view(),
        Widget::NotPersonal => crate::ui::screens::case::talks::not_personal(),
        _ => return None,
    })
}

// The parts of the stages from Reach out on (the conversation, the remedies, the follow-up
// and the decision) load when first shown.
lazy_view!(Part later, later_split, later_part(w: Widget) => match w {
    Widget::CribSheet => crib_sheet(true),
    Widget::ClarifyingQuestions => clarifying(),
    Widget::Attempts => attempts(),
    Widget::Contacts => crate::ui::screens::case::talks::contacts_view(),
    Widget::DraftFirstReply => crate::ui::screens::case::drafts::first_replies(),
    Widget::Options => options(),
    Widget::Peace => peace(),
    Widget::Confirmation => confirmation(),
    Widget::CheckIns => check_ins(),
    Widget::Actions => actions(),
    Widget::Exit => exit(),
    Widget::Mediation => mediation(),
    Widget::Reflect => reflect(),
    Widget::CounterCost => counter_cost(),
    Widget::DraftAfterCall => crate::ui::screens::case::drafts::draft_view(DraftKind::AfterCall),
    Widget::DraftCheckIn => crate::ui::screens::case::drafts::draft_view(DraftKind::CheckIn),
    Widget::DraftEnding => crate::ui::screens::case::drafts::draft_view(DraftKind::Ending),
    // Never asked for: `first_part` draws every other widget.
    _ => ().into_any(),
});
