//! The reflection journal: the list, search and filters.

pub mod actions;
pub mod entry;

use crate::model::Date;
use crate::model::guidance::NOT_PERSONAL;
use crate::model::reflection::JOURNAL_LEDE;
use crate::model::reflection::{Again, JournalFilter, Reflection, all_months, all_tags};
use crate::route::Route;
use crate::ui::browser::nav::replace;
use crate::ui::browser::time::today;
use crate::ui::kit::inputs::filter_select;
use crate::ui::kit::{card, dyn_view, el, heading, link, para};
use crate::ui::screens::journal::actions::actions_section;
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;

/// Every entry with its id and its linked case's title.
pub(crate) fn entries(app: AppState) -> Vec<(String, Reflection, Option<String>)> {
    let list: Vec<(String, Reflection)> =
        app.list::<Reflection, _>(|m| m.values().map(|r| (r.id.clone(), r.data.clone())).collect());
    app.cases(|m| {
        list.into_iter()
            .map(|(id, e)| {
                let case = e
                    .case
                    .as_ref()
                    .and_then(|c| m.get(c).map(|r| r.data.title()));
                (id, e, case)
            })
            .collect()
    })
}

/// Starts an entry (about a case, if given) and puts its address in place of this one, so a
/// reload does not start another.
pub fn new_reflection(case: Option<String>) -> AnyView {
    let app = use_app();
    let id = app.create(Reflection::new(today(), case));
    queue_microtask(move || replace(&Route::JournalEntry(id)));
    heading("New reflection")
}

pub fn journal_screen() -> AnyView {
    let app = use_app();
    let filter = RwSignal::new(JournalFilter::default());
    let all = Memo::new(move |_| entries(app));
    let found = Memo::new(move |_| {
        let f = filter.get();
        all.with(|list| {
            let mut rows: Vec<(String, Reflection, Option<String>)> = list
                .iter()
                .filter(|(_, e, case)| f.matches(e, case.as_deref()))
                .cloned()
                .collect();
            crate::model::order::sort_by_key(&mut rows, |(id, e, _)| {
                (-(e.date.map_or(0, |d| d.days()) as i64), 0, id.clone())
            });
            rows
        })
    });
    let list = dyn_view(move || {
        let total = all.with(Vec::len);
        if total == 0 {
            return para(
                "empty",
                "No entries yet. When a dispute is over, write one: it takes ten minutes, and the lessons stay with you.",
            );
        }
        let rows = found.get();
        let count = para(
            "muted",
            format!(
                "{} of {total} {}",
                rows.len(),
                if total == 1 { "entry" } else { "entries" }
            ),
        );
        let items: Vec<AnyView> = rows
            .into_iter()
            .map(|(id, e, case)| entry_item(id, &e, case.as_deref()))
            .collect();
        vec![count, el("ul").class("entries").children(items).into_any()].into_any()
    });
    vec![
        heading("Reflection journal"),
        para("lede", JOURNAL_LEDE),
        para("", NOT_PERSONAL),
        el("p")
            .child(link(
                Route::NewReflection(None).to_fragment(),
                "New reflection",
                "button primary",
            ))
            .into_any(),
        actions_section(app),
        card("", "entries-h", "Entries")
            .child(filters(filter, all))
            .child(list)
            .into_any(),
    ]
    .into_any()
}

/// Search and the four filters.
fn filters(
    filter: RwSignal<JournalFilter>,
    all: Memo<Vec<(String, Reflection, Option<String>)>>,
) -> AnyView {
    let search = el("input")
        .attr("type", "search")
        .attr("id", "journal-search")
        .attr("autocomplete", "off")
        .on_input(move |ev| {
            let v = event_target_value(&ev);
            filter.update(|f| f.text = v)
        })
        .into_any();
    let pick = move |id: &'static str,
                     label: &'static str,
                     options: Vec<(String, String)>,
                     set: fn(&mut JournalFilter, String)| {
        let mut all = vec![(String::new(), "All".to_string())];
        all.extend(options);
        filter_select(id, label, all, move |ev| {
            let v = event_target_value(&ev);
            filter.update(|f| set(f, v))
        })
    };
    let selects = dyn_view(move || {
        let (tags, months, cases) = all.with(|list| filter_choices(list));
        el("div")
            .class("filters")
            .child(pick(
                "journal-tag",
                "Tag",
                tags.into_iter().map(|t| (t.clone(), t)).collect(),
                |f, v| f.tag = v,
            ))
            .child(pick("journal-case", "Case", cases, |f, v| f.case = v))
            .child(pick(
                "journal-month",
                "Month",
                months
                    .into_iter()
                    .map(|m| {
                        let label = Date::month_name(&m);
                        (m, label)
                    })
                    .collect(),
                |f, v| f.month = v,
            ))
            .child(pick(
                "journal-again",
                "Would do the same again",
                Again::ALL
                    .iter()
                    .map(|a| (a.key().to_string(), a.label().to_string()))
                    .collect(),
                |f, v| f.again = Again::ALL.iter().copied().find(|a| a.key() == v),
            ))
            .into_any()
    });
    vec![
        el("div")
            .class("field no-print")
            .child(
                el("label")
                    .attr("for", "journal-search")
                    .child("Search the journal")
                    .into_any(),
            )
            .child(search)
            .into_any(),
        selects,
    ]
    .into_any()
}

/// The tags, months and cases the entries hold, to filter by.
fn filter_choices(
    list: &[(String, Reflection, Option<String>)],
) -> (Vec<String>, Vec<String>, Vec<(String, String)>) {
    let entries: Vec<&Reflection> = list.iter().map(|(_, e, _)| e).collect();
    let mut cases: Vec<(String, String)> = Vec::new();
    for (_, e, title) in list {
        if let (Some(c), Some(t)) = (&e.case, title)
            && !cases.iter().any(|(id, _)| id == c)
        {
            cases.push((c.clone(), t.clone()));
        }
    }
    (
        all_tags(entries.iter().copied()),
        all_months(entries.iter().copied()),
        cases,
    )
}

/// One entry in the list: its title, an excerpt and its tags.
fn entry_item(id: String, e: &Reflection, case: Option<&str>) -> AnyView {
    let mut li = el("li").child(link(
        Route::JournalEntry(id).to_fragment(),
        e.title(case),
        "",
    ));
    let snippet = e.snippet();
    if !snippet.is_empty() {
        li = li.child(el("p").class("muted").child(snippet).into_any());
    }
    let tags = e.tag_list();
    if !tags.is_empty() {
        li = li.child(
            el("p")
                .class("tags")
                .child(format!("Tags: {}", tags.join(", ")))
                .into_any(),
        );
    }
    li.into_any()
}
