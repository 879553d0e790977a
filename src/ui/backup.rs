//! The Backup screen: backup health, export, import with a preview, the trash, and values
//! set aside because they could not be read.

use leptos::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::kit::{
    button, button_when, card, dyn_text, dyn_view, el, flag, heading, link, para, when,
};
use super::shell::{download_raw, export_button};
use super::state::{AppState, local_offset_minutes, now_ms, use_app};
use crate::model::date::{MS_PER_DAY, human_time};
use crate::route::Route;
use crate::store::backup::{
    Choice, ImportError, ImportPlan, ItemStatus, MAX_IMPORT_BYTES, plan_import,
};
use crate::store::health::{QUOTA_UNITS, export_nudge};
use crate::store::local;
use crate::store::trash::TrashItem;
use crate::store::workspace::{Restore, RestoreError};

fn at(ms: i64) -> String {
    human_time(ms, local_offset_minutes())
}

pub fn backup_screen() -> AnyView {
    let app = use_app();
    vec![
        heading("Backup"),
        para(
            "lede",
            "Your cases live only in this browser, on this device. Clearing browsing data, a browser reset or a lost phone deletes them. A backup file is the copy that survives that.",
        ),
        health(app),
        el("p")
            .child(link(Route::Sync.to_fragment(), "Sync between your devices", "button"))
            .into_any(),
        import(app),
        trash(app),
        set_aside(app),
    ]
    .into_any()
}

/// The export nudge when one is due (on Home, and in the health card).
pub fn export_nudge_view(with_button: bool) -> AnyView {
    let app = use_app();
    dyn_view(move || {
        let last = app.settings().last_export;
        match export_nudge(&app.change_times(), last, now_ms()) {
            None => ().into_any(),
            Some(n) => {
                let mut b = el("div")
                    .class("banner info nudge")
                    .child(el("p").child(n.message(last.is_some())).into_any());
                if with_button {
                    b = b.child(export_button(true));
                }
                b.into_any()
            }
        }
    })
}

/// Tenths, as text: `12.5`. Integer arithmetic keeps float formatting out of the wasm.
fn tenths(numerator: u64, denominator: u64) -> String {
    let t = (numerator * 10 + denominator / 2) / denominator.max(1);
    format!("{}.{}", t / 10, t % 10)
}

fn health(app: AppState) -> AnyView {
    let persisted = RwSignal::new(None::<bool>);
    let asked = RwSignal::new(false);
    spawn_local(async move { persisted.set(local::persisted().await) });

    // Recomputed when records change; reading every key is cheap next to a render.
    let used = Memo::new(move |_| app.units_used());
    let last_export = dyn_text(move || {
        app.settings().last_export.map_or_else(
            || "Never".to_string(),
            |ms| {
                let ago = match (now_ms() - ms) / MS_PER_DAY {
                    0 => "today".to_string(),
                    1 => "yesterday".to_string(),
                    n => format!("{n} days ago"),
                };
                format!("{} ({ago})", at(ms))
            },
        )
    });
    let space = dyn_text(move || {
        let u = used.get() as u64;
        format!(
            "{} KB of about 5 MB ({}%)",
            tenths(u, 1024),
            tenths(u * 100, QUOTA_UNITS as u64)
        )
    });
    let kept = dyn_text(move || {
        match persisted.get() {
            Some(true) => {
                "Yes: the browser has agreed not to clear Mend's data when space runs low."
            }
            Some(false) => {
                "Not promised: the browser may clear Mend's data if the device runs low on space."
            }
            None => "This browser does not say.",
        }
        .to_string()
    });
    let fact = |term: &'static str, value: AnyView| {
        vec![
            el("dt").child(term).into_any(),
            el("dd").child(value).into_any(),
        ]
    };
    let meter = el("meter")
        .attr("min", "0")
        .attr("max", QUOTA_UNITS.to_string())
        .attr("high", (QUOTA_UNITS / 5 * 4).to_string())
        .attr("value", move || Some(used.get().to_string()))
        .attr("aria-label", "Space used")
        .into_any();
    let mut facts = fact("Last backup file", last_export);
    facts.extend(fact(
        "Cases stored",
        dyn_text(move || app.cases(|m| m.len()).to_string()),
    ));
    facts.extend(fact(
        "Space used",
        vec![meter, " ".into_any(), space].into_any(),
    ));
    facts.extend(fact("Kept by the browser", kept));
    let ask = when(
        move || persisted.get() == Some(false),
        move || {
            vec![
            el("p").child(button("Ask the browser to keep Mend's data", "", None, ask_persist(asked, persisted))).into_any(),
            when(move || asked.get(), || {
                para(
                    "muted",
                    "The browser said no for now. Browsers decide this themselves, often based on how much you use a site; installing Mend as an app usually helps. Regular backup files are the sure way.",
                )
            }),
        ]
        .into_any()
        },
    );
    card("card", "health-h", "Backup health")
        .child(export_nudge_view(false))
        .child(el("dl").class("facts").children(facts).into_any())
        .child(ask)
        .child(super::pwa::install_offer())
        .child(el("p").child(export_button(true)).into_any())
        .into_any()
}

/// Asks the browser to keep Mend's data, and shows its answer.
fn ask_persist(
    asked: RwSignal<bool>,
    persisted: RwSignal<Option<bool>>,
) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |_| {
        asked.set(true);
        spawn_local(async move { persisted.set(local::persist().await) });
    }
}

fn import(app: AppState) -> AnyView {
    let plan = RwSignal::new(None::<ImportPlan>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let on_file = move |ev| {
        error.set(None);
        done.set(None);
        plan.set(None);
        confirmed.set(false);
        let Some(file) = file_input().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        let _ = ev;
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

    let messages = dyn_view(move || match (error.get(), done.get()) {
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
    });
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
        .child(messages)
        .child(preview_view)
        .into_any()
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

fn preview(
    p: ImportPlan,
    plan: RwSignal<Option<ImportPlan>>,
    confirmed: RwSignal<bool>,
    apply: impl Fn() + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
) -> AnyView {
    let summary = [
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
    let mut line = summary;
    if let Some(e) = p.exported {
        line.push_str(&format!(". Exported {}.", at(e)));
    }
    if !p.trash.is_empty() {
        line.push_str(&format!(
            " Also {} deleted items for the trash.",
            p.trash.len()
        ));
    }
    let checksum_ok = p.checksum_ok;
    let rows: Vec<AnyView> = p
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let choices = item.choices();
            let label_id = format!("import-row-{i}");
            let choice_view = if choices.len() > 1 {
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
                let by = label_id.clone();
                el("select")
                    .attr("aria-labelledby", by)
                    .on_change(change)
                    .children(options)
                    .into_any()
            } else {
                el("span")
                    .class("muted")
                    .child(choice_label(choices[0]))
                    .into_any()
            };
            el("li")
                .child(
                    el("span")
                        .id(label_id)
                        .child(el("strong").child(item.title.clone()).into_any())
                        .child(format!(" · {}", status_label(&item.status)))
                        .into_any(),
                )
                .child(choice_view)
                .into_any()
        })
        .collect();
    let warning = if checksum_ok {
        ().into_any()
    } else {
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
    };
    el("div")
        .class("import-preview")
        .attr("role", "region")
        .attr("aria-label", "What the file holds")
        .child(el("h3").child("What the file holds").into_any())
        .child(el("p").child(line).into_any())
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

fn trash(app: AppState) -> AnyView {
    let confirming = RwSignal::new(false);
    // The trash entry whose record lives again, while the user chooses keep both or replace.
    let asking = RwSignal::new(None::<String>);
    let items = dyn_view(move || {
        app.trash(|t| t.to_vec())
            .into_iter()
            .map(|item| trash_row(app, item, asking))
            .collect::<Vec<_>>()
            .into_any()
    });
    let footer = dyn_view(move || {
        let n = app.trash(|t| t.len());
        if n == 0 {
            return para("muted", "The trash is empty.");
        }
        if !confirming.get() {
            return el("p")
                .child(button("Empty trash…", "", None, move |_| {
                    confirming.set(true)
                }))
                .into_any();
        }
        let empty = move |_| {
            let keys = untrack(|| app.trash(|t| t.iter().map(|x| x.key.clone()).collect()));
            app.purge(keys);
            confirming.set(false);
        };
        el("p")
            .class("confirm")
            .attr("role", "group")
            .attr("aria-label", "Confirm emptying the trash")
            .child(format!("Delete {n} items forever? This cannot be undone."))
            .child(" ")
            .child(button("Yes, empty the trash", "danger", None, empty))
            .child(button("Cancel", "", None, move |_| confirming.set(false)))
            .into_any()
    });
    card("card", "trash-h", "Trash")
        .child(el("ul").class("trash-list").child(items).into_any())
        .child(footer)
        .into_any()
}

/// One deleted record, with Restore and Delete forever. When a record lives at the same place
/// again, Restore asks first: keep both, or replace the one that is there (which then goes
/// to the trash in its stead).
fn trash_row(app: AppState, item: TrashItem, asking: RwSignal<Option<String>>) -> AnyView {
    let title = item.record.title();
    let line = format!(
        " · {}, deleted {}",
        item.record.kind().noun(),
        at(item.deleted)
    );
    let key = StoredValue::new(item.key.clone());
    let restore = move |how: Option<Restore>| match app.restore(&key.get_value(), how) {
        Err(RestoreError::Live { .. }) => asking.set(Some(key.get_value())),
        _ => asking.set(None),
    };
    let purge = move |_| app.purge(vec![key.get_value()]);
    let choice = dyn_view(move || {
        if asking.get().as_deref() != Some(key.read_value().as_str()) {
            return ().into_any();
        }
        el("p")
            .class("confirm")
            .attr("role", "group")
            .attr("aria-label", "Restore over the record that is there now")
            .child(
                "A record with this name is here again (restored, or changed in another tab). Keep both, or replace the one here? Replacing puts it in the trash, so nothing is lost.",
            )
            .child(" ")
            .child(button("Keep both", "primary", None, move |_| restore(Some(Restore::KeepBoth))))
            .child(button("Replace it", "", None, move |_| restore(Some(Restore::Replace))))
            .child(button("Cancel", "", None, move |_| asking.set(None)))
            .into_any()
    });
    el("li")
        .child(
            el("span")
                .child(el("strong").child(title.clone()).into_any())
                .child(line)
                .into_any(),
        )
        .child(
            el("span")
                .class("actions")
                .child(button(
                    "Restore",
                    "",
                    Some(format!("Restore “{title}”")),
                    move |_| restore(None),
                ))
                .child(button(
                    "Delete forever",
                    "danger",
                    Some(format!("Delete “{title}” forever")),
                    purge,
                ))
                .into_any(),
        )
        .child(choice)
        .into_any()
}

fn set_aside(app: AppState) -> AnyView {
    dyn_view(move || {
        let damaged = app.quarantined();
        let newer = app.newer().len();
        if damaged.is_empty() && newer == 0 {
            return ().into_any();
        }
        let items: Vec<AnyView> = damaged
            .into_iter()
            .map(|q| {
                let key = q.storage_key.clone();
                let original = q.entry.key.clone();
                let raw = q.entry.raw.clone();
                let preview: String = raw.chars().take(160).collect();
                let label = format!("Download the raw text of {original}");
                let found = format!(" · found {}: {}", at(q.entry.at), q.entry.reason);
                let o2 = original.clone();
                el("li")
                    .child(
                        el("p")
                            .child(el("code").child(original).into_any())
                            .child(found)
                            .into_any(),
                    )
                    .child(el("pre").class("raw").child(preview).into_any())
                    .child(
                        el("p")
                            .class("actions")
                            .child(button("Download raw text", "", Some(label), move |_| {
                                download_raw(&o2, &raw)
                            }))
                            .child(button("Discard", "danger", None, move |_| {
                                app.discard_quarantined(&key)
                            }))
                            .into_any(),
                    )
                    .into_any()
            })
            .collect();
        let intro = (!items.is_empty()).then(|| {
            para(
                "",
                "These saved items could not be read, so they were moved aside with their exact contents. Everything else loaded normally. Download one to keep or inspect it; discard it when you are sure you do not need it.",
            )
        });
        let newer_text = (newer > 0).then(|| {
            para(
                "",
                format!(
                    "{newer} saved {} this version of Mend cannot read. {} kept untouched and included in backup files.",
                    if newer == 1 { "item" } else { "items" },
                    if newer == 1 { "It is" } else { "They are" },
                ),
            )
        });
        let mut sec = card("card", "aside-h", "Set aside");
        if let Some(intro) = intro {
            sec = sec.child(intro);
        }
        sec = sec.child(el("ul").class("aside-list").children(items).into_any());
        if let Some(t) = newer_text {
            sec = sec.child(t);
        }
        sec.into_any()
    })
}
