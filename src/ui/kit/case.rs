//! What every screen of a case shares: the case that is not there, its client's history, its reading.

use crate::model::counsel::{Past, Reading, reading};
use crate::model::history::{ClientHistory, client_history};
use crate::model::{Case, Clause, Date};

use crate::route::Route;
use crate::ui::browser::time::local_offset_minutes;
use crate::ui::kit::fields::use_case_id;
use crate::ui::kit::{el, heading, link, para};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A case that is not (or no longer) here, with the way to the trash.
pub fn case_not_found() -> AnyView {
    vec![
        heading("Case not found"),
        para("", "This case is not here. If it was deleted, you can restore it from the trash on the Backup screen."),
        el("p")
            .class("actions")
            .child(link(Route::Cases.to_fragment(), "Back to cases", "button"))
            .child(link(Route::Backup.to_fragment(), "Open the trash", "button"))
            .into_any(),
    ]
    .into_any()
}

/// The reading for case `id`, from its client's history and its clause (tracked).
pub fn case_reading(id: &str, case: &Case) -> Reading {
    reading(case, past_of(id, case))
}

/// What the reading of case `id` needs beside the case: its client's earlier cases, and the
/// windows of the clause it is under (tracked).
pub fn past_of(id: &str, case: &Case) -> Past {
    past_with(&history_of(id), case)
}

/// The reading's view beyond the case, from its client's history.
pub fn past_with(history: &ClientHistory, case: &Case) -> Past {
    let app = use_app();
    let clause = case
        .clause
        .as_ref()
        .and_then(|link| app.list::<Clause, _>(|m| m.get(&link.id).map(|r| r.data.windows())));
    Past {
        clause,
        ..Past::before(history, &case.currency)
    }
}

/// This case's client's other cases.
pub fn use_history() -> Memo<ClientHistory> {
    let id = use_case_id();
    Memo::new(move |_| history_of(&id))
}

/// The other cases of case `id`'s client (tracked: re-read when cases change).
pub fn history_of(id: &str) -> ClientHistory {
    let app = use_app();
    let offset = local_offset_minutes();
    app.cases(|m| {
        let Some(this) = m.get(id) else {
            return ClientHistory::default();
        };
        client_history(
            id,
            &this.data,
            m.values().map(|r| {
                (
                    r.id.as_str(),
                    Date::from_timestamp(r.created, offset),
                    &r.data,
                )
            }),
        )
    })
}
