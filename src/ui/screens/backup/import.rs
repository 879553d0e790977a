//! Importing a backup file: validate, preview, merge.

use crate::store::backup::{
    Choice, ImportError, ImportItem, ImportPlan, ItemStatus, MAX_IMPORT_BYTES, plan_import,
};
use crate::ui::kit::{button, button_when, card, dyn_view, el, flag, para};
use crate::ui::screens::backup::at;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};

pub(super) fn import(app: AppState) -> AnyView {
    let plan = RwSignal::new(None::<ImportPlan>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let on_file = move |_| {
        error.set(None);
        done.set(None);
        plan.set(None);
        confirmed.set(false);
        read_plan(app, plan, error);
    };
    let reset = move || {
        plan.set(None);
        if let Some(i) = file_input() {
            i.set_value("");
        }
    };
    let apply = move || {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        match app.import(&p) {
            Ok(n) => {
                done.set(Some(format!(
                    "Imported {n} {}.",
                    if n == 1 { "record" } else { "records" }
                )));
                reset();
            }
            Err(e) => error.set(Some(format!("Nothing was imported: {e}."))),
        }
    };
    let preview_view = dyn_view(move || match plan.get() {
        Some(p) => preview(p, plan, confirmed, apply, reset),
        None => ().into_any(),
    });
    let input = el("input")
        .attr("id", "import-file")
        .attr("type", "file")
        .attr("accept", ".json,application/json")
        .on_change(on_file)
        .into_any();
    card("card", "import-h", "Import a backup file")
        .child(para("muted", "You will see what the file holds before anything changes. Nothing here is replaced unless you choose it."))
        .child(el("div").class("field").child(el("label").attr("for", "import-file").child("Backup file").into_any()).child(input).into_any())
        .child(import_messages(error, done))
        .child(preview_view)
        .into_any()
}

/// Reads the chosen file and plans its import, or says why it cannot be.
fn read_plan(app: AppState, plan: RwSignal<Option<ImportPlan>>, error: RwSignal<Option<String>>) {
    let Some(file) = file_input().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
        return;
    };
    // Checked before reading: a huge file is refused without loading it.
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        error.set(Some(ImportError::TooLarge { bytes: size }.to_string()));
        return;
    }
    spawn_local(async move {
        let Ok(text) = JsFuture::from(file.text()).await else {
            error.set(Some("This file could not be read.".into()));
            return;
        };
        let text = text.as_string().unwrap_or_default();
        let trash_keys: Vec<String> =
            untrack(|| app.trash(|t| t.iter().map(|x| x.key.clone()).collect()));
        match plan_import(&text, &|key| app.record(key), &|key| {
            trash_keys.iter().any(|k| k == key)
        }) {
            Ok(p) => plan.set(Some(p)),
            Err(e) => error.set(Some(e.to_string())),
        }
    });
}

/// What went wrong, or what was imported.
fn import_messages(error: RwSignal<Option<String>>, done: RwSignal<Option<String>>) -> AnyView {
    dyn_view(move || match (error.get(), done.get()) {
        (Some(e), _) => el("p")
            .class("message danger")
            .attr("role", "alert")
            .child(e)
            .into_any(),
        (None, Some(d)) => el("p")
            .class("message ok")
            .attr("role", "status")
            .child(d)
            .into_any(),
        _ => ().into_any(),
    })
}

/// The file input of the import form.
fn file_input() -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    document().get_element_by_id("import-file")?.dyn_into().ok()
}

fn status_label(status: &ItemStatus) -> String {
    match status {
        ItemStatus::New => "New".into(),
        ItemStatus::Identical => "Already here, identical".into(),
        ItemStatus::Newer => "Already here; the file's copy is newer".into(),
        ItemStatus::Older => "Already here; the copy here is newer".into(),
        ItemStatus::Invalid(why) => format!("Cannot be imported: {why}"),
    }
}

fn choice_label(choice: Choice) -> &'static str {
    match choice {
        Choice::Add => "Add it",
        Choice::KeepBoth => "Keep both",
        Choice::Replace => "Replace the one here",
        Choice::Skip => "Leave it out",
    }
}

pub(super) fn preview(
    p: ImportPlan,
    plan: RwSignal<Option<ImportPlan>>,
    confirmed: RwSignal<bool>,
    apply: impl Fn() + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
) -> AnyView {
    let checksum_ok = p.checksum_ok;
    let rows: Vec<AnyView> = p
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| import_row(i, item, plan))
        .collect();
    let warning = if checksum_ok {
        ().into_any()
    } else {
        checksum_warning(confirmed)
    };
    el("div")
        .class("import-preview")
        .attr("role", "region")
        .attr("aria-label", "What the file holds")
        .child(el("h3").child("What the file holds").into_any())
        .child(el("p").child(summary_line(&p)).into_any())
        .child(warning)
        .child(el("ul").class("import-rows").children(rows).into_any())
        .child(
            el("p")
                .class("actions")
                .child(button_when(
                    "Import",
                    "primary",
                    move || checksum_ok || confirmed.get(),
                    move |_| apply(),
                ))
                .child(button("Cancel", "", None, move |_| cancel()))
                .into_any(),
        )
        .into_any()
}

/// "2 new, 1 identical. Exported 3 Mar 2026, 10:00. Also 1 deleted item for the trash."
fn summary_line(p: &ImportPlan) -> String {
    let mut line = [
        (ItemStatus::New, "new"),
        (ItemStatus::Identical, "identical"),
        (ItemStatus::Newer, "newer in the file"),
        (ItemStatus::Older, "older in the file"),
        (ItemStatus::Invalid(String::new()), "cannot be imported"),
    ]
    .into_iter()
    .filter_map(|(s, label)| {
        let n = p.count(&s);
        (n > 0).then(|| format!("{n} {label}"))
    })
    .collect::<Vec<_>>()
    .join(", ");
    if let Some(e) = p.exported {
        line.push_str(&format!(". Exported {}.", at(e)));
    }
    if !p.trash.is_empty() {
        line.push_str(&format!(
            " Also {} deleted items for the trash.",
            p.trash.len()
        ));
    }
    line
}

/// One record of the file: its title and status, and what to do with it.
fn import_row(i: usize, item: &ImportItem, plan: RwSignal<Option<ImportPlan>>) -> AnyView {
    let label_id = format!("import-row-{i}");
    el("li")
        .child(
            el("span")
                .id(label_id.clone())
                .child(el("strong").child(item.title.clone()).into_any())
                .child(format!(" · {}", status_label(&item.status)))
                .into_any(),
        )
        .child(row_choice(i, item, label_id, plan))
        .into_any()
}

/// The choice for one row: a select when there is more than one, else the one as text.
fn row_choice(
    i: usize,
    item: &ImportItem,
    label_id: String,
    plan: RwSignal<Option<ImportPlan>>,
) -> AnyView {
    let choices = item.choices();
    if choices.len() < 2 {
        return el("span")
            .class("muted")
            .child(choice_label(choices[0]))
            .into_any();
    }
    let options: Vec<AnyView> = choices
        .iter()
        .map(|c| {
            let label = choice_label(*c);
            let mut o = el("option").attr("value", label);
            if *c == item.choice {
                o = o.attr("selected", "");
            }
            o.child(label).into_any()
        })
        .collect();
    let change = move |ev| {
        let v = event_target_value(&ev);
        // Untracked: the preview stays as it is (and keeps focus); only the choice changes.
        plan.update_untracked(|p| {
            if let Some(item) = p.as_mut().and_then(|p| p.items.get_mut(i))
                && let Some(c) = item.choices().iter().find(|c| choice_label(**c) == v)
            {
                item.choice = *c;
            }
        });
    };
    el("select")
        .attr("aria-labelledby", label_id)
        .on_change(change)
        .children(options)
        .into_any()
}

/// A file changed after export: say so, and ask the user to confirm.
fn checksum_warning(confirmed: RwSignal<bool>) -> AnyView {
    let check = el("input")
        .attr("type", "checkbox")
        .prop("checked", flag(move || confirmed.get()))
        .on_change(move |ev| confirmed.set(event_target_checked(&ev)))
        .into_any();
    el("div")
        .class("banner warn")
        .child(
            el("p")
                .child(el("strong").child("This file's checksum does not match. ").into_any())
                .child("It was changed after it was exported, or it is damaged. Look through the list below before importing.")
                .into_any(),
        )
        .child(el("label").class("check").child(check).child("I have checked; import it anyway").into_any())
        .into_any()
}
