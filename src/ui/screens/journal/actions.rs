//! Prevention actions from cases and entries, in one list.

use crate::model::case::{Action, ActionStatus};
use crate::model::reflection::{ActionRow, Reflection, Source, all_actions};
use crate::model::{Case, Stage};
use crate::route::Route;
use crate::ui::browser::time::today;
use crate::ui::kit::{card, dyn_view, el, link, para};
use crate::ui::screens::journal::entries;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The prevention actions from every entry and every case, in one list. G36, G41.
pub(super) fn actions_section(app: AppState) -> AnyView {
    let rows = Memo::new(move |_| {
        let entries = entries(app);
        app.cases(|m| {
            let cases: Vec<(&str, &Case)> = m.values().map(|r| (r.id.as_str(), &r.data)).collect();
            all_actions(
                cases,
                entries
                    .iter()
                    .map(|(id, e, case)| (id.as_str(), e, e.title(case.as_deref()))),
                today(),
            )
        })
    });
    let body = dyn_view(move || {
        let list = rows.get();
        if list.is_empty() {
            return para(
                "muted",
                "None yet. A system to put in place, in an entry or on a case's Prevent stage, becomes an action here.",
            );
        }
        let open = list
            .iter()
            .filter(|r| r.action.status != ActionStatus::Done)
            .count();
        let overdue = list.iter().filter(|r| r.overdue).count();
        let mut summary = format!("{open} open");
        if overdue > 0 {
            summary.push_str(&format!(", {overdue} overdue"));
        }
        vec![
            para("muted", summary),
            el("ul")
                .class("actions-list")
                .children(
                    list.into_iter()
                        .enumerate()
                        .map(|(n, r)| action_line(app, n, r))
                        .collect(),
                )
                .into_any(),
        ]
        .into_any()
    });
    card("", "actions-h", "Prevention actions")
        .child(body)
        .into_any()
}

fn action_line(app: AppState, n: usize, row: ActionRow) -> AnyView {
    let ActionRow {
        source,
        from,
        index,
        action,
        overdue,
    } = row;
    let href = match &source {
        Source::Case(id) => Route::Case {
            id: id.clone(),
            stage: Stage::Prevent,
        },
        Source::Reflection(id) => Route::JournalEntry(id.clone()),
    }
    .to_fragment();
    let current = action.status;
    let mut meta = vec![from];
    if !action.owner.trim().is_empty() {
        meta.push(format!("with {}", action.owner.trim()));
    }
    if let Some(due) = action.due {
        meta.push(format!("due {}", due.human()));
    }
    let (class, badge) = match (overdue, current == ActionStatus::Done) {
        (true, _) => (
            "overdue",
            el("strong")
                .class("badge danger")
                .child("Overdue")
                .into_any(),
        ),
        (false, true) => (
            "done",
            el("span").class("badge ok").child("Done").into_any(),
        ),
        (false, false) => ("", ().into_any()),
    };
    let status = status_select(
        format!("action-{n}-status"),
        &action.text,
        current,
        move |s| set_status(app, &source, index, s),
    );
    el("li")
        .class(class)
        .child(badge)
        .child(
            el("span")
                .class("action-text")
                .child(action.text.clone())
                .into_any(),
        )
        .child(
            el("span")
                .class("muted")
                .child(" · ")
                .child(link(href, meta.join(" · "), ""))
                .into_any(),
        )
        .child(status)
        .into_any()
}

/// The status of one action, labelled by the action it is about.
fn status_select(
    id: String,
    text: &str,
    current: ActionStatus,
    set: impl Fn(ActionStatus) + 'static,
) -> AnyView {
    let options: Vec<AnyView> = ActionStatus::ALL
        .iter()
        .map(|s| {
            let mut o = el("option")
                .attr("value", s.key().to_string())
                .child(s.label());
            if *s == current {
                o = o.attr("selected", "");
            }
            o.into_any()
        })
        .collect();
    let select = el("select")
        .attr("id", id.clone())
        .on_change(move |ev| {
            let v = event_target_value(&ev);
            if let Some(status) = ActionStatus::ALL.iter().copied().find(|s| s.key() == v) {
                set(status);
            }
        })
        .children(options)
        .into_any();
    el("span")
        .class("field inline")
        .child(
            el("label")
                .attr("for", id)
                .child(format!("Status of “{text}”"))
                .class("visually-hidden")
                .into_any(),
        )
        .child(select)
        .into_any()
}

/// Writes an action's status back where the action lives.
fn set_status(app: AppState, source: &Source, index: usize, status: ActionStatus) {
    let apply = move |actions: &mut Vec<Action>| {
        if let Some(a) = actions.get_mut(index) {
            a.status = status;
        }
    };
    match source {
        Source::Case(id) => app.update::<Case>(id, move |c| apply(&mut c.prevent.actions)),
        Source::Reflection(id) => app.update::<Reflection>(id, move |r| apply(&mut r.actions)),
    }
}
