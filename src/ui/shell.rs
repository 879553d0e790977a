//! Pieces of the shell every screen shares: the save status, the banners that explain a
//! storage problem, notices from other tabs, and the toast with its undo.

use leptos::prelude::*;

use super::state::{AppState, StorageMode, TabNotice, use_app};
use super::{download, export_backup};
use crate::route::Route;
use crate::store::record::Kind;
use crate::store::save::SaveStatus;

/// The header's save status: Saving / Saved / Not saved, never "Saved" after a failure.
#[component]
pub fn SaveStatusView() -> impl IntoView {
    let app = use_app();
    let view = move || {
        if app.mode.get() == StorageMode::MemoryOnly {
            return ("failed", "Not saved: storage is off".to_string());
        }
        match app.status.get() {
            SaveStatus::Idle => ("idle", "Saved in this browser".into()),
            SaveStatus::Saving => ("saving", "Saving…".into()),
            SaveStatus::Saved { .. } => ("saved", "Saved".into()),
            SaveStatus::NotSaved { .. } => ("failed", "Not saved".into()),
        }
    };
    view! {
        <p class="save-status" role="status" data-state=move || view().0>
            {move || view().1}
        </p>
    }
}

/// Storage problems, explained, with the way out (an export) at hand.
#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let failure = move || match app.status.get() {
        SaveStatus::NotSaved { reason } if app.mode.get() == StorageMode::Browser => Some(reason),
        _ => None,
    };
    view! {
        <Show when=move || app.mode.get() == StorageMode::MemoryOnly>
            <div class="banner danger" role="alert">
                <p>
                    <strong>"Nothing you type will be kept. "</strong>
                    "This browser is not letting Mend store anything (storage may be turned off, or this may be a private window). "
                    "You can keep working, but everything is lost when this tab closes. Export a backup file before you leave."
                </p>
                <ExportButton/>
            </div>
        </Show>
        {move || {
            failure()
                .map(|reason| {
                    view! {
                        <div class="banner danger" role="alert">
                            <p>
                                <strong>"Your latest changes are not saved: "</strong>
                                {reason}
                                ". They are still here on screen, and Mend tries again with your next change. "
                                "To be safe, export a backup file now, then free some space (empty the trash, or delete cases you no longer need)."
                            </p>
                            <ExportButton/>
                        </div>
                    }
                })
        }}
        <TabNotices/>
        <SetAsideNotice/>
    }
}

/// Exports everything as a backup file.
#[component]
pub fn ExportButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let app = use_app();
    view! {
        <button
            type="button"
            class:primary=primary
            on:click=move |_| export_backup(app)
        >
            "Export backup file"
        </button>
    }
}

#[component]
fn TabNotices() -> impl IntoView {
    let app = use_app();
    let dismiss = move |i: usize| {
        app.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        })
    };
    view! {
        {move || {
            app.notices
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, notice)| notice_view(app, i, notice, dismiss))
                .collect_view()
        }}
    }
}

fn notice_view(
    app: AppState,
    i: usize,
    notice: TabNotice,
    dismiss: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    match notice {
        TabNotice::Conflict {
            title,
            kind,
            copy_id,
        } => {
            let open = match kind {
                Kind::Case => Route::Case {
                    id: copy_id.clone(),
                    stage: crate::model::Stage::Case,
                }
                .to_fragment(),
                Kind::Settings => Route::Home.to_fragment(),
            };
            let discard_id = copy_id.clone();
            view! {
                <div class="banner warn" role="status">
                    <p>
                        <strong>{format!("“{title}” was also changed in another tab. ")}</strong>
                        "Both versions are kept: yours stays here, and the other tab's is saved as a separate "
                        {kind.noun()}
                        " until you choose."
                    </p>
                    <p class="actions">
                        <a class="button" href=open>"Open the other version"</a>
                        <button
                            type="button"
                            on:click=move |_| {
                                app.delete(kind, &discard_id);
                                dismiss(i);
                            }
                        >
                            "Discard the other version"
                        </button>
                        <button type="button" on:click=move |_| dismiss(i)>
                            "Keep both"
                        </button>
                    </p>
                </div>
            }
            .into_any()
        }
        TabNotice::KeptAfterDelete { title } => view! {
            <div class="banner warn" role="status">
                <p>
                    {format!(
                        "“{title}” was deleted in another tab while you were changing it here. Your version is kept.",
                    )}
                </p>
                <p class="actions">
                    <button type="button" on:click=move |_| dismiss(i)>
                        "OK"
                    </button>
                </p>
            </div>
        }
        .into_any(),
    }
}

/// A quiet pointer to the Backup screen when damaged or newer records were found.
#[component]
fn SetAsideNotice() -> impl IntoView {
    let app = use_app();
    let text = move || {
        let damaged = app.quarantined.with(Vec::len);
        let newer = app.newer.with(Vec::len);
        match (damaged, newer) {
            (0, 0) => None,
            (d, 0) => Some(format!(
                "{d} saved {} could not be read and {} set aside. Everything else loaded.",
                if d == 1 { "item" } else { "items" },
                if d == 1 { "was" } else { "were" }
            )),
            (0, n) => Some(format!(
                "{n} {} from a newer version of Mend {} kept untouched.",
                if n == 1 { "record" } else { "records" },
                if n == 1 { "is" } else { "are" }
            )),
            (d, n) => Some(format!(
                "{d} damaged and {n} newer-version records are kept aside. Everything else loaded."
            )),
        }
    };
    move || {
        text().map(|t| {
            view! {
                <div class="banner info" role="status">
                    <p>
                        {t} " " <a href=Route::Backup.to_fragment()>"See them on the Backup screen"</a>
                    </p>
                </div>
            }
        })
    }
}

/// The toast after an action, with Undo where it applies.
#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    move || {
        app.toast.get().map(|toast| {
            let undo = toast.undo.clone();
            view! {
                <div class="toast" role="status">
                    <span>{toast.message}</span>
                    {undo
                        .map(|item| {
                            view! {
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        app.restore(&item);
                                    }
                                >
                                    "Undo"
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        class="toast-close"
                        aria-label="Dismiss"
                        on:click=move |_| app.toast.set(None)
                    >
                        "×"
                    </button>
                </div>
            }
        })
    }
}

/// Offers the raw text of a set-aside value as a file.
pub fn download_raw(key: &str, raw: &str) {
    let name = format!("{}.txt", key.replace(':', "-"));
    download(&name, "text/plain", raw);
}
