//! "Add to calendar": days saved as a calendar file (.ics) that the user opens in the
//! calendar app they already use. The file is made here; nothing leaves the device. The
//! code that makes it arrives with the first press (kit::lazy), in one place for every
//! button.

use crate::model::calendar::{self, Event};
use crate::model::clause::Windows;
use crate::model::{Case, Clause, Date, Stage};
use crate::route::Route;
use crate::ui::browser::download::download;
use crate::ui::browser::nav::address_of;
use crate::ui::browser::time::{now_ms, today};
use crate::ui::kit::lazy::Missing;
use crate::ui::kit::{button, el, said_line};
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// Which days a button adds.
#[derive(Clone)]
pub enum Dates {
    /// Every check-in still to do and every clause date still ahead, of every case.
    Upcoming,
    /// One check-in of a case, by its place in the list.
    CheckIn(String, usize),
    /// The clause dates still ahead of a case.
    Clause(String),
}

/// A button that saves `dates` as a calendar file when pressed, and a line that says what
/// happened. `aria`, which starts with `text`, names the dates where several buttons show.
pub fn calendar_button(text: &'static str, aria: Option<String>, dates: Dates) -> AnyView {
    let app = use_app();
    let said = RwSignal::new(String::new());
    let press = move |_| {
        let dates = dates.clone();
        leptos::task::spawn_local(async move {
            if save(app, dates, said).await.is_err() {
                said.set("Mend could not load the part that makes calendar files. Check the connection and try again; your cases are safe.".into());
            }
        })
    };
    el("div")
        .class("calendar-add no-print")
        .child(button(text, "", aria, press))
        .child(said_line("", said))
        .into_any()
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn save(app: AppState, dates: Dates, said: RwSignal<String>) -> Result<(), Missing> {
    let today = today();
    let (file, events) = match dates {
        Dates::Upcoming => (
            format!("mend-upcoming-{}.ics", today.iso()),
            upcoming(app, today),
        ),
        Dates::CheckIn(id, i) => {
            let case = app.find::<Case>(&id).map(|r| r.data).unwrap_or_default();
            let link = link(&id, Stage::FollowUp);
            let Some(event) = calendar::check_in(&id, &case, i, &link) else {
                said.set("Give this check-in a date first.".into());
                return Ok(());
            };
            (
                format!("mend-check-in-{}.ics", event.date.iso()),
                vec![event],
            )
        }
        Dates::Clause(id) => {
            let case = app.find::<Case>(&id).map(|r| r.data).unwrap_or_default();
            let windows = case.clause.as_ref().and_then(|l| windows_of(app, &l.id));
            let events = windows.map_or_else(Vec::new, |w| {
                calendar::deadlines_ahead(&id, &case, &w, &link(&id, Stage::Resolve), today)
            });
            (format!("mend-clause-dates-{}.ics", today.iso()), events)
        }
    };
    save_events(&file, &events, said);
    Ok(())
}

fn link(id: &str, stage: Stage) -> String {
    address_of(&Route::Case {
        id: id.to_string(),
        stage,
    })
}

fn windows_of(app: AppState, clause_id: &str) -> Option<Windows> {
    app.find::<Clause>(clause_id).map(|r| r.data.windows())
}

fn upcoming(app: AppState, today: Date) -> Vec<Event> {
    let cases: Vec<(String, Case)> =
        app.cases(|m| m.values().map(|r| (r.id.clone(), r.data.clone())).collect());
    let rows = cases.iter().map(|(id, case)| {
        let windows = case.clause.as_ref().and_then(|l| windows_of(app, &l.id));
        (id.as_str(), case, windows, link(id, Stage::FollowUp))
    });
    calendar::upcoming(rows, today)
}

/// Saves `events` as `file` and says what to do next in `said`.
fn save_events(file: &str, events: &[Event], said: RwSignal<String>) {
    if events.is_empty() {
        said.set("Nothing ahead to add: no check-in or clause date from today on.".into());
        return;
    }
    download(
        file,
        "text/calendar;charset=utf-8",
        &calendar::ics(events, now_ms()),
    );
    let what = if events.len() == 1 {
        "the date".to_string()
    } else {
        format!("all {} dates", events.len())
    };
    said.set(format!(
        "Saved {file}. Open it to add {what} to your calendar, with a reminder the day before."
    ));
}
