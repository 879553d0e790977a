//! The Backup screen: backup health, export, import with a preview, the trash, and values
//! set aside because they could not be read.

use leptos::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::kit::{button, button_when, click, dy, dyn_text, dyn_view, el, on_change, para, when};
use super::shell::{download_raw, export_button};
use super::state::{AppState, fresh_id, local_offset_minutes, now_ms, use_app};
use crate::model::date::{MS_PER_DAY, human_time};
use crate::store::backup::{
    Choice, ImportError, ImportPlan, ItemStatus, MAX_IMPORT_BYTES, apply_import, plan_import,
};
use crate::store::health::{QUOTA_UNITS, export_nudge, units_used};
use crate::store::local;

fn at(ms: i64) -> String {
    human_time(ms, local_offset_minutes())
}

pub fn backup_screen() -> AnyView {
    let app = use_app();
    vec![
        el("h1").a("tabindex", "-1").st("Backup").v(),
        para(
            "lede",
            "Your cases live only in this browser, on this device. Clearing browsing data, a browser reset or a lost phone deletes them. A backup file is the copy that survives that.",
        ),
        health(app),
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
        let last = app.settings.with(|s| s.data.last_export);
        match export_nudge(&app.change_times(), last, now_ms()) {
            None => ().into_any(),
            Some(n) => {
                let mut b = el("div")
                    .class("banner info nudge")
                    .kid(el("p").text(n.message(last.is_some())).v());
                if with_button {
                    b = b.kid(export_button(true));
                }
                b.v()
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
    let used = Memo::new(move |_| {
        app.cases.track();
        app.settings.track();
        app.trash.track();
        app.status.track();
        app.with_backend(|b| units_used(b).unwrap_or(0))
            .unwrap_or(0)
    });
    let last_export = dyn_text(move || {
        app.settings.with(|s| s.data.last_export).map_or_else(
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
    let fact =
        |term: &'static str, value: AnyView| vec![el("dt").st(term).v(), el("dd").kid(value).v()];
    let meter = el("meter")
        .a("min", "0")
        .at("max", QUOTA_UNITS.to_string())
        .at("high", (QUOTA_UNITS / 5 * 4).to_string())
        .at_dyn("value", dy(move || Some(used.get().to_string())))
        .a("aria-label", "Space used")
        .v();
    let mut facts = fact("Last backup file", last_export);
    facts.extend(fact(
        "Cases stored",
        dyn_text(move || app.cases.with(|m| m.len()).to_string()),
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
            el("p").kid(button("Ask the browser to keep Mend's data", "", None, ask_persist(asked, persisted))).v(),
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
    el("section")
        .class("card")
        .a("aria-labelledby", "health-h")
        .kid(el("h2").a("id", "health-h").st("Backup health").v())
        .kid(export_nudge_view(false))
        .kid(el("dl").class("facts").kids(facts).v())
        .kid(ask)
        .kid(super::pwa::install_offer())
        .kid(el("p").kid(export_button(true)).v())
        .v()
}

/// Asks the browser to keep Mend's data, and shows its answer.
fn ask_persist(asked: RwSignal<bool>, persisted: RwSignal<Option<bool>>) -> super::kit::Click {
    click(move |_| {
        asked.set(true);
        spawn_local(async move { persisted.set(local::persist().await) });
    })
}

fn import(app: AppState) -> AnyView {
    let plan = RwSignal::new(None::<ImportPlan>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let on_file = on_change(move |ev| {
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
            let trash_keys: Vec<String> = app
                .trash
                .with_untracked(|t| t.iter().map(|x| x.key.clone()).collect());
            match plan_import(&text, &|key| app.record(key), &|key| {
                trash_keys.iter().any(|k| k == key)
            }) {
                Ok(p) => plan.set(Some(p)),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    });

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
        let mut ids = fresh_id;
        let result = app
            .with_backend(|b| apply_import(b, &p, &mut ids))
            .unwrap_or(Err(crate::store::SaveError::Storage(
                crate::store::StorageError::Unavailable,
            )));
        match result {
            Ok(outcome) => {
                let n = outcome.written.len();
                app.took_in(outcome.written, outcome.trash);
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
            .a("role", "alert")
            .text(e)
            .v(),
        (None, Some(d)) => el("p").class("message ok").a("role", "status").text(d).v(),
        _ => ().into_any(),
    });
    let preview_view = dyn_view(move || match plan.get() {
        Some(p) => preview(p, plan, confirmed, apply, reset),
        None => ().into_any(),
    });
    let input = el("input")
        .a("id", "import-file")
        .a("type", "file")
        .a("accept", ".json,application/json")
        .on_change(on_file)
        .v();
    el("section")
        .class("card")
        .a("aria-labelledby", "import-h")
        .kid(el("h2").a("id", "import-h").st("Import a backup file").v())
        .kid(para("muted", "You will see what the file holds before anything changes. Nothing here is replaced unless you choose it."))
        .kid(el("div").class("field").kid(el("label").a("for", "import-file").st("Backup file").v()).kid(input).v())
        .kid(messages)
        .kid(preview_view)
        .v()
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
                        let mut o = el("option").a("value", label);
                        if *c == item.choice {
                            o = o.a("selected", "");
                        }
                        o.st(label).v()
                    })
                    .collect();
                let change = on_change(move |ev| {
                    let v = event_target_value(&ev);
                    // Untracked: the preview stays as it is (and keeps focus); only the choice changes.
                    plan.update_untracked(|p| {
                        if let Some(item) = p.as_mut().and_then(|p| p.items.get_mut(i))
                            && let Some(c) = item.choices().iter().find(|c| choice_label(**c) == v)
                        {
                            item.choice = *c;
                        }
                    });
                });
                let by = label_id.clone();
                el("select")
                    .at("aria-labelledby", by)
                    .on_change(change)
                    .kids(options)
                    .v()
            } else {
                el("span").class("muted").st(choice_label(choices[0])).v()
            };
            el("li")
                .kid(
                    el("span")
                        .id(label_id)
                        .kid(el("strong").text(item.title.clone()).v())
                        .text(format!(" · {}", status_label(&item.status)))
                        .v(),
                )
                .kid(choice_view)
                .v()
        })
        .collect();
    let warning = if checksum_ok {
        ().into_any()
    } else {
        let check = el("input")
            .a("type", "checkbox")
            .flag("checked", dy(move || confirmed.get()))
            .on_change(on_change(move |ev| {
                confirmed.set(event_target_checked(&ev))
            }))
            .v();
        el("div")
            .class("banner warn")
            .kid(
                el("p")
                    .kid(el("strong").st("This file's checksum does not match. ").v())
                    .st("It was changed after it was exported, or it is damaged. Look through the list below before importing.")
                    .v(),
            )
            .kid(el("label").class("check").kid(check).st("I have checked; import it anyway").v())
            .v()
    };
    el("div")
        .class("import-preview")
        .a("role", "region")
        .a("aria-label", "What the file holds")
        .kid(el("h3").st("What the file holds").v())
        .kid(el("p").text(line).v())
        .kid(warning)
        .kid(el("ul").class("import-rows").kids(rows).v())
        .kid(
            el("p")
                .class("actions")
                .kid(button_when(
                    "Import",
                    "primary",
                    dy(move || checksum_ok || confirmed.get()),
                    click(move |_| apply()),
                ))
                .kid(button("Cancel", "", None, click(move |_| cancel())))
                .v(),
        )
        .v()
}

fn trash(app: AppState) -> AnyView {
    let confirming = RwSignal::new(false);
    let items = dyn_view(move || {
        app.trash
            .get()
            .into_iter()
            .map(|item| {
                let title = item.record.title();
                let line = format!(
                    " · {}, deleted {}",
                    item.record.kind().noun(),
                    at(item.deleted)
                );
                let key = item.key.clone();
                let restore = button(
                    "Restore",
                    "",
                    Some(format!("Restore “{title}”")),
                    click(move |_| {
                        app.restore(&item);
                    }),
                );
                let purge = button(
                    "Delete forever",
                    "danger",
                    Some(format!("Delete “{title}” forever")),
                    click(move |_| app.purge(vec![key.clone()])),
                );
                el("li")
                    .kid(el("span").kid(el("strong").text(title).v()).text(line).v())
                    .kid(el("span").class("actions").kid(restore).kid(purge).v())
                    .v()
            })
            .collect::<Vec<_>>()
            .into_any()
    });
    let footer = dyn_view(move || {
        if app.trash.read().is_empty() {
            return para("muted", "The trash is empty.");
        }
        if !confirming.get() {
            return el("p")
                .kid(button(
                    "Empty trash…",
                    "",
                    None,
                    click(move |_| confirming.set(true)),
                ))
                .v();
        }
        let empty = click(move |_| {
            let keys = app
                .trash
                .with_untracked(|t| t.iter().map(|x| x.key.clone()).collect());
            app.purge(keys);
            confirming.set(false);
        });
        el("p")
            .class("confirm")
            .a("role", "group")
            .a("aria-label", "Confirm emptying the trash")
            .kid(dyn_text(move || {
                format!(
                    "Delete {} items forever? This cannot be undone.",
                    app.trash.read().len()
                )
            }))
            .st(" ")
            .kid(button("Yes, empty the trash", "danger", None, empty))
            .kid(button(
                "Cancel",
                "",
                None,
                click(move |_| confirming.set(false)),
            ))
            .v()
    });
    el("section")
        .class("card")
        .a("aria-labelledby", "trash-h")
        .kid(el("h2").a("id", "trash-h").st("Trash").v())
        .kid(el("ul").class("trash-list").kid(items).v())
        .kid(footer)
        .v()
}

fn set_aside(app: AppState) -> AnyView {
    dyn_view(move || {
        let damaged = app.quarantined.get();
        let newer = app.newer.read().len();
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
                    .kid(el("p").kid(el("code").text(original).v()).text(found).v())
                    .kid(el("pre").class("raw").text(preview).v())
                    .kid(
                        el("p")
                            .class("actions")
                            .kid(button(
                                "Download raw text",
                                "",
                                Some(label),
                                click(move |_| download_raw(&o2, &raw)),
                            ))
                            .kid(button(
                                "Discard",
                                "danger",
                                None,
                                click(move |_| app.discard_quarantined(&key)),
                            ))
                            .v(),
                    )
                    .v()
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
                    "{newer} {} written by a newer version of Mend. This version cannot show {}, so {} kept untouched and included in backup files.",
                    if newer == 1 { "record was" } else { "records were" },
                    if newer == 1 { "it" } else { "them" },
                    if newer == 1 { "it is" } else { "they are" },
                ),
            )
        });
        let mut sec = el("section")
            .class("card")
            .a("aria-labelledby", "aside-h")
            .kid(el("h2").a("id", "aside-h").st("Set aside").v());
        if let Some(intro) = intro {
            sec = sec.kid(intro);
        }
        sec = sec.kid(el("ul").class("aside-list").kids(items).v());
        if let Some(t) = newer_text {
            sec = sec.kid(t);
        }
        sec.v()
    })
}
