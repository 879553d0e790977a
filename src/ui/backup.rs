//! The Backup screen: backup health, export, import with a preview, the trash, and values
//! set aside because they could not be read.

use leptos::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::shell::{ExportButton, download_raw};
use super::state::{AppState, fresh_id, local_offset_minutes, now_ms, use_app};
use crate::model::date::{MS_PER_DAY, human_time};
use crate::store::backup::{
    Choice, ImportError, ImportPlan, ItemStatus, MAX_IMPORT_BYTES, apply_import, plan_import,
};
use crate::store::health::{QUOTA_UNITS, export_nudge, units_used};
use crate::store::local;

fn when(ms: i64) -> String {
    human_time(ms, local_offset_minutes())
}

#[component]
pub fn BackupScreen() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Backup"</h1>
        <p class="lede">
            "Your cases live only in this browser, on this device. Clearing browsing data, "
            "a browser reset or a lost phone deletes them. A backup file is the copy that survives that."
        </p>
        <Health/>
        <Import/>
        <Trash/>
        <SetAside/>
    }
}

/// Shows the export nudge when one is due; used on Home and here.
#[component]
pub fn ExportNudge(
    /// Offer the export right in the nudge (where no other export button is near).
    #[prop(optional)]
    with_button: bool,
) -> impl IntoView {
    let app = use_app();
    let nudge = move || {
        let last = app.settings.with(|s| s.data.last_export);
        export_nudge(&app.change_times(), last, now_ms()).map(|n| n.message(last.is_some()))
    };
    move || {
        nudge().map(|message| {
            view! {
                <div class="banner info nudge">
                    <p>{message}</p>
                    {with_button.then(|| view! { <ExportButton primary=true/> })}
                </div>
            }
        })
    }
}

#[component]
fn Health() -> impl IntoView {
    let app = use_app();
    let (persisted, set_persisted) = signal(None::<bool>);
    let (asked, set_asked) = signal(false);
    spawn_local(async move { set_persisted.set(local::persisted().await) });

    // Recomputed when records change; reading every key is cheap next to a render.
    let used = Memo::new(move |_| {
        app.cases.track();
        app.settings.track();
        app.trash.track();
        app.status.track();
        app.with_backend(|b| units_used(b).unwrap_or(0))
            .unwrap_or(0)
    });
    let count = move || app.cases.with(|m| m.len());
    let last_export = move || {
        app.settings.with(|s| s.data.last_export).map_or_else(
            || "Never".to_string(),
            |ms| {
                let days = (now_ms() - ms) / MS_PER_DAY;
                let ago = match days {
                    0 => "today".to_string(),
                    1 => "yesterday".to_string(),
                    n => format!("{n} days ago"),
                };
                format!("{} ({ago})", when(ms))
            },
        )
    };
    let percent = move || used.get() as f64 * 100.0 / QUOTA_UNITS as f64;
    let ask = move |_| {
        set_asked.set(true);
        spawn_local(async move { set_persisted.set(local::persist().await) });
    };

    view! {
        <section class="card" aria-labelledby="health-h">
            <h2 id="health-h">"Backup health"</h2>
            <ExportNudge/>
            <dl class="facts">
                <dt>"Last backup file"</dt>
                <dd>{last_export}</dd>
                <dt>"Cases stored"</dt>
                <dd>{count}</dd>
                <dt>"Space used"</dt>
                <dd>
                    <meter
                        id="space"
                        min="0"
                        max=QUOTA_UNITS
                        high=QUOTA_UNITS as f64 * 0.8
                        value=move || used.get()
                        aria-label="Space used"
                    ></meter>
                    " "
                    {move || {
                        format!(
                            "{:.1} KB of about 5 MB ({:.1}%)",
                            used.get() as f64 / 1024.0,
                            percent(),
                        )
                    }}
                </dd>
                <dt>"Kept by the browser"</dt>
                <dd>
                    {move || match persisted.get() {
                        Some(true) => {
                            "Yes: the browser has agreed not to clear Mend's data when space runs low."
                        }
                        Some(false) => {
                            "Not promised: the browser may clear Mend's data if the device runs low on space."
                        }
                        None => "This browser does not say.",
                    }}
                </dd>
            </dl>
            <Show when=move || persisted.get() == Some(false)>
                <p>
                    <button type="button" on:click=ask>
                        "Ask the browser to keep Mend's data"
                    </button>
                </p>
                <Show when=move || asked.get()>
                    <p class="muted" role="status">
                        "The browser said no for now. Browsers decide this themselves, often based on how much you use a site; installing Mend as an app usually helps. Regular backup files are the sure way."
                    </p>
                </Show>
            </Show>
            <p>
                <ExportButton primary=true/>
            </p>
        </section>
    }
}

#[component]
fn Import() -> impl IntoView {
    let app = use_app();
    let plan = RwSignal::new(None::<ImportPlan>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        error.set(None);
        done.set(None);
        plan.set(None);
        confirmed.set(false);
        let Some(file) = input.get().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        // Checked before reading: a huge file is refused without loading it.
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            error.set(Some(ImportError::TooLarge { bytes: size }.to_string()));
            return;
        }
        spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    error.set(Some("This file could not be read.".into()));
                    return;
                }
            };
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
    };

    let reset_input = move || {
        if let Some(i) = input.get() {
            i.set_value("");
        }
    };
    let cancel = move |_| {
        plan.set(None);
        reset_input();
    };
    let apply = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let mut ids = fresh_id;
        match app
            .with_backend(|b| apply_import(b, &p, &mut ids))
            .unwrap_or(Err(crate::store::SaveError::Storage(
                crate::store::StorageError::Unavailable,
            ))) {
            Ok(outcome) => {
                let n = outcome.written.len();
                app.took_in(outcome.written, outcome.trash);
                done.set(Some(format!(
                    "Imported {n} {}.",
                    if n == 1 { "record" } else { "records" }
                )));
                plan.set(None);
                reset_input();
            }
            Err(e) => error.set(Some(format!("Nothing was imported: {e}."))),
        }
    };

    view! {
        <section class="card" aria-labelledby="import-h">
            <h2 id="import-h">"Import a backup file"</h2>
            <p class="muted">
                "You will see what the file holds before anything changes. Nothing here is replaced unless you choose it."
            </p>
            <div class="field">
                <label for="import-file">"Backup file"</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    node_ref=input
                    on:change=on_file
                />
            </div>
            {move || error.get().map(|e| view! { <p class="message danger" role="alert">{e}</p> })}
            {move || done.get().map(|d| view! { <p class="message ok" role="status">{d}</p> })}
            {move || plan.get().map(|p| preview(app, p, plan, confirmed, apply, cancel))}
        </section>
    }
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
    _app: AppState,
    p: ImportPlan,
    plan: RwSignal<Option<ImportPlan>>,
    confirmed: RwSignal<bool>,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
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
    let checksum_ok = p.checksum_ok;
    let exported = p.exported.map(when);
    let trash = p.trash.len();
    let rows = p
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let choices = item.choices();
            let label_id = format!("import-row-{i}");
            let choice_view = if choices.len() > 1 {
                view! {
                    <select
                        aria-labelledby=label_id.clone()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            plan.update(|p| {
                                if let Some(p) = p.as_mut() {
                                    let item = &mut p.items[i];
                                    if let Some(c) = item
                                        .choices()
                                        .iter()
                                        .find(|c| choice_label(**c) == v)
                                    {
                                        item.choice = *c;
                                    }
                                }
                            });
                        }
                    >
                        {choices
                            .iter()
                            .map(|c| {
                                let label = choice_label(*c);
                                view! {
                                    <option value=label selected=*c == item.choice>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                }
                .into_any()
            } else {
                view! { <span class="muted">{choice_label(choices[0])}</span> }.into_any()
            };
            view! {
                <li>
                    <span id=label_id>
                        <strong>{item.title.clone()}</strong>
                        " · "
                        {status_label(&item.status)}
                    </span>
                    {choice_view}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="import-preview" role="region" aria-label="What the file holds">
            <h3>"What the file holds"</h3>
            <p>
                {summary}
                {exported.map(|e| format!(". Exported {e}."))}
                {(trash > 0).then(|| format!(" Also {trash} deleted items for the trash."))}
            </p>
            <Show when=move || !checksum_ok>
                <div class="banner warn">
                    <p>
                        <strong>"This file's checksum does not match. "</strong>
                        "It was changed after it was exported, or it is damaged. Look through the list below before importing."
                    </p>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || confirmed.get()
                            on:change=move |ev| confirmed.set(event_target_checked(&ev))
                        />
                        "I have checked; import it anyway"
                    </label>
                </div>
            </Show>
            <ul class="import-rows">{rows}</ul>
            <p class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=move || !checksum_ok && !confirmed.get()
                    on:click=apply
                >
                    "Import"
                </button>
                <button type="button" on:click=cancel>
                    "Cancel"
                </button>
            </p>
        </div>
    }
}

#[component]
fn Trash() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let empty = move |_| {
        let keys = app
            .trash
            .with_untracked(|t| t.iter().map(|x| x.key.clone()).collect());
        app.purge(keys);
        confirming.set(false);
    };
    view! {
        <section class="card" aria-labelledby="trash-h">
            <h2 id="trash-h">"Trash"</h2>
            <Show
                when=move || !app.trash.read().is_empty()
                fallback=|| view! { <p class="muted">"The trash is empty."</p> }
            >
                <ul class="trash-list">
                    <For
                        each=move || app.trash.get()
                        key=|item| item.key.clone()
                        let(item)
                    >
                        {
                            let title = item.record.title();
                            let deleted = when(item.deleted);
                            let kind = item.record.kind().noun();
                            let key = item.key.clone();
                            view! {
                                <li>
                                    <span>
                                        <strong>{title.clone()}</strong>
                                        {format!(" · {kind}, deleted {deleted}")}
                                    </span>
                                    <span class="actions">
                                        <button
                                            type="button"
                                            aria-label=format!("Restore “{title}”")
                                            on:click=move |_| {
                                                app.restore(&item);
                                            }
                                        >
                                            "Restore"
                                        </button>
                                        <button
                                            type="button"
                                            class="danger"
                                            aria-label=format!("Delete “{title}” forever")
                                            on:click=move |_| app.purge(vec![key.clone()])
                                        >
                                            "Delete forever"
                                        </button>
                                    </span>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <p>
                                <button type="button" on:click=move |_| confirming.set(true)>
                                    "Empty trash…"
                                </button>
                            </p>
                        }
                    }
                >
                    <p class="confirm" role="group" aria-label="Confirm emptying the trash">
                        {move || {
                            format!(
                                "Delete {} items forever? This cannot be undone.",
                                app.trash.read().len(),
                            )
                        }}
                        " "
                        <button type="button" class="danger" on:click=empty>
                            "Yes, empty the trash"
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>
                            "Cancel"
                        </button>
                    </p>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn SetAside() -> impl IntoView {
    let app = use_app();
    let any = move || !app.quarantined.read().is_empty() || !app.newer.read().is_empty();
    view! {
        <Show when=any>
            <section class="card" aria-labelledby="aside-h">
                <h2 id="aside-h">"Set aside"</h2>
                <Show when=move || !app.quarantined.read().is_empty()>
                    <p>
                        "These saved items could not be read, so they were moved aside with their exact contents. "
                        "Everything else loaded normally. Download one to keep or inspect it; discard it when you are sure you do not need it."
                    </p>
                    <ul class="aside-list">
                        <For
                            each=move || app.quarantined.get()
                            key=|q| q.storage_key.clone()
                            let(q)
                        >
                            {
                                let key = q.storage_key.clone();
                                let original = q.entry.key.clone();
                                let raw = q.entry.raw.clone();
                                let preview: String = raw.chars().take(160).collect();
                                view! {
                                    <li>
                                        <p>
                                            <code>{original.clone()}</code>
                                            {format!(
                                                " · found {}: {}",
                                                when(q.entry.at),
                                                q.entry.reason,
                                            )}
                                        </p>
                                        <pre class="raw">{preview}</pre>
                                        <p class="actions">
                                            <button
                                                type="button"
                                                aria-label=format!("Download the raw text of {original}")
                                                on:click=move |_| download_raw(&original, &raw)
                                            >
                                                "Download raw text"
                                            </button>
                                            <button
                                                type="button"
                                                class="danger"
                                                on:click=move |_| app.discard_quarantined(&key)
                                            >
                                                "Discard"
                                            </button>
                                        </p>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </Show>
                <Show when=move || !app.newer.read().is_empty()>
                    <p>
                        {move || {
                            let n = app.newer.read().len();
                            format!(
                                "{n} {} written by a newer version of Mend. This version cannot show {}, so {} kept untouched and included in backup files.",
                                if n == 1 { "record was" } else { "records were" },
                                if n == 1 { "it" } else { "them" },
                                if n == 1 { "it is" } else { "they are" },
                            )
                        }}
                    </p>
                </Show>
            </section>
        </Show>
    }
}
