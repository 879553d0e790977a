//! The app's state, shared by context: a thin adapter between the store's [`Workspace`]
//! (which holds every record, once) and the page. It keeps one trigger per part of the
//! workspace, notified when that part changes, runs the save timer, and listens for other
//! tabs and for the page being hidden. Every rule lives in `crate::store`.

use crate::model::record::Records;
use crate::model::{Case, Settings, new_id};
use crate::store::backend::{Backend, MemoryBackend};
use crate::store::backup::ImportPlan;
use crate::store::load::{NewerRecord, Quarantined};
use crate::store::local::LocalBackend;
use crate::store::record::{AnyRecord, Kind};
use crate::store::save::{SaveError, SaveStatus};
use crate::store::trash::TrashItem;
use crate::store::workspace::{Changed, Listed, Notice, Restore, RestoreError, Undo, Workspace};
use crate::ui::browser::download::download;
use crate::ui::browser::time::{now_ms, today};
use crate::ui::browser::visibility::on_visibility_change;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// Where records are being kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageMode {
    /// In this browser's storage.
    Browser,
    /// In memory only: the browser refused storage. Nothing survives closing the tab.
    MemoryOnly,
}

/// A short message after an action, with an undo while it still applies.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub message: String,
    pub undo: Option<Undo>,
}

/// One trigger per part of the workspace: readers track the parts they read.
#[derive(Clone, Copy)]
struct Parts {
    cases: Trigger,
    clauses: Trigger,
    reflections: Trigger,
    settings: Trigger,
    trash: Trigger,
    aside: Trigger,
    status: Trigger,
    notices: Trigger,
}

impl Parts {
    fn new() -> Parts {
        Parts {
            cases: Trigger::new(),
            clauses: Trigger::new(),
            reflections: Trigger::new(),
            settings: Trigger::new(),
            trash: Trigger::new(),
            aside: Trigger::new(),
            status: Trigger::new(),
            notices: Trigger::new(),
        }
    }

    fn notify(&self, c: Changed) {
        let pairs = [
            (c.cases, self.cases),
            (c.clauses, self.clauses),
            (c.reflections, self.reflections),
            (c.settings, self.settings),
            (c.trash, self.trash),
            (c.aside, self.aside),
            (c.status, self.status),
            (c.notices, self.notices),
        ];
        for (changed, trigger) in pairs {
            if changed {
                trigger.notify();
            }
        }
    }

    fn of(&self, kind: Kind) -> Trigger {
        match kind {
            Kind::Case => self.cases,
            Kind::Clause => self.clauses,
            Kind::Reflection => self.reflections,
            Kind::Settings => self.settings,
        }
    }
}

/// Shared state. `Copy`, so every component can take it from context.
#[derive(Clone, Copy)]
pub struct AppState {
    ws: StoredValue<Workspace, LocalStorage>,
    parts: Parts,
    /// A save is scheduled.
    timer: StoredValue<bool>,
    pub mode: StorageMode,
    pub toast: RwSignal<Option<Toast>>,
    /// A field to focus after the next screen change (from a summary's "Change" link).
    pub focus_field: RwSignal<Option<String>>,
    /// The screen just moved to was still loading, so the focus waits for it (kit::lazy).
    pub focus_pending: RwSignal<bool>,
    /// What an opened share link holds, kept here once it is out of the address bar.
    pub shared: RwSignal<Option<crate::store::share::Shared>>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A fresh random, URL-safe id from the browser's cryptographic generator.
pub fn fresh_id() -> String {
    let mut bytes = [0u8; 12];
    let filled = window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()));
    if filled.is_err() {
        // No crypto (very old browsers): fall back to Math.random, still unique enough.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    new_id(bytes)
}

fn performance_now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

thread_local! {
    /// Figures for the benchmark command: start-up time and each save's write (ms).
    static TIMINGS: std::cell::RefCell<(f64, Vec<f64>)> = const { std::cell::RefCell::new((0.0, Vec::new())) };
}

/// The app's own timings as JSON, read by `make bench`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mend_timings() -> String {
    TIMINGS.with(|t| {
        let t = t.borrow();
        serde_json::json!({ "ready": t.0, "saves": t.1 }).to_string()
    })
}

/// Opens the browser's storage, or memory when the browser refuses it.
fn open_workspace() -> (Workspace, StorageMode) {
    if let Ok(local) = LocalBackend::open()
        && let Ok(ws) = Workspace::open(Box::new(local), now_ms(), Box::new(fresh_id))
    {
        return (ws, StorageMode::Browser);
    }
    let memory: Box<dyn Backend> = Box::new(MemoryBackend::new());
    let ws = Workspace::open(memory, now_ms(), Box::new(fresh_id))
        .unwrap_or_else(|_| unreachable!("memory is always readable"));
    (ws, StorageMode::MemoryOnly)
}

impl AppState {
    /// Loads every record and starts listening for other tabs and for the page being hidden.
    pub fn start() -> AppState {
        let (ws, mode) = open_workspace();
        let state = AppState {
            ws: StoredValue::new_local(ws),
            parts: Parts::new(),
            timer: StoredValue::new(false),
            mode,
            toast: RwSignal::new(None),
            focus_field: RwSignal::new(None),
            focus_pending: RwSignal::new(false),
            shared: RwSignal::new(None),
        };
        state.listen();
        TIMINGS.with(|t| t.borrow_mut().0 = performance_now());
        state
    }

    fn listen(self) {
        // Never leave changes behind when the page goes away or into the background.
        let h1 = window_event_listener(ev::pagehide, move |_| self.flush_all());
        on_visibility_change(move |visible| {
            if !visible {
                self.flush_all();
            }
        });
        let h3 = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            if let Some(key) = e.key() {
                let value = e.new_value();
                self.act(|w| w.incoming(&key, value.as_deref(), now_ms()));
            }
        });
        on_cleanup(move || {
            h1.remove();
            h3.remove();
        });
    }

    /// Runs a change on the workspace, then tells the page what changed and schedules saves.
    /// `f` must not read the app's state (the workspace is borrowed while it runs).
    fn act<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> R {
        let (result, changed) = self
            .ws
            .try_update_value(|w| {
                let r = f(w);
                (r, w.take_changed())
            })
            .unwrap_or_else(|| unreachable!("the workspace lives as long as the app"));
        self.parts.notify(changed);
        self.schedule();
        result
    }

    /// A change to the workspace from outside the UI's own actions (sync).
    pub(super) fn with_workspace<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> R {
        self.act(f)
    }

    fn peek<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.ws
            .try_with_value(f)
            .unwrap_or_else(|| unreachable!("the workspace lives as long as the app"))
    }

    // ---- reading (tracked: a view or memo that reads re-runs when that part changes) ----

    /// Reads the cases, clauses or journal entries.
    pub fn list<T: Listed, R>(&self, f: impl FnOnce(&Records<T>) -> R) -> R {
        self.parts.of(T::KIND).track();
        self.peek(|w| f(T::list(w.held())))
    }

    pub fn cases<R>(&self, f: impl FnOnce(&Records<Case>) -> R) -> R {
        self.list::<Case, R>(f)
    }

    pub fn settings(&self) -> Settings {
        self.parts.settings.track();
        self.peek(Workspace::settings)
    }

    pub fn trash<R>(&self, f: impl FnOnce(&[TrashItem]) -> R) -> R {
        self.parts.trash.track();
        self.peek(|w| f(w.trash()))
    }

    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.parts.aside.track();
        self.peek(|w| w.quarantined().to_vec())
    }

    pub fn newer(&self) -> Vec<NewerRecord> {
        self.parts.aside.track();
        self.peek(|w| w.newer().to_vec())
    }

    pub fn notices(&self) -> Vec<Notice> {
        self.parts.notices.track();
        self.peek(|w| w.notices().to_vec())
    }

    pub fn status(&self) -> SaveStatus {
        self.parts.status.track();
        self.peek(Workspace::status)
    }

    /// One case, clause or journal entry as it is now (not tracked: for a one-off action).
    pub fn find<T: Listed>(&self, id: &str) -> Option<crate::model::Record<T>> {
        self.peek(|w| T::list(w.held()).get(id).cloned())
    }

    /// The record stored under `key`, as it is in memory now (not tracked).
    pub fn record(&self, key: &str) -> Option<AnyRecord> {
        self.peek(|w| w.get(key))
    }

    /// Whether an undo still applies (tracked: the offer goes away when it no longer does).
    pub fn undo_applies(&self, undo: &Undo) -> bool {
        self.parts.trash.track();
        for kind in Kind::ALL {
            self.parts.of(kind).track();
        }
        self.peek(|w| w.undo_applies(undo))
    }

    /// Times of the records' last changes (for the backup nudge).
    pub fn change_times(&self) -> Vec<i64> {
        self.cases(|m| m.values().map(|r| r.updated).collect())
    }

    /// Space used in storage, as the browser counts it (tracked on every save).
    pub fn units_used(&self) -> usize {
        self.parts.status.track();
        self.parts.trash.track();
        self.ws
            .try_update_value(|w| crate::store::health::units_used(w.backend()).unwrap_or(0))
            .unwrap_or(0)
    }

    /// The whole backup file's text.
    pub fn export_text(&self, now: i64) -> String {
        self.peek(|w| {
            crate::store::backup::export(
                &w.all_records(),
                w.newer(),
                w.trash(),
                now,
                env!("CARGO_PKG_VERSION"),
            )
        })
    }

    // ---- changing ----

    /// Adds a case, clause or journal entry and saves it at once. Returns its id.
    pub fn create<T: Listed>(&self, data: T) -> String {
        let now = now_ms();
        self.act(|w| {
            let id = w.fresh_id();
            w.create(
                T::wrap(crate::model::Record::new(id.clone(), now, data)),
                now,
            );
            id
        })
    }

    /// Changes one case, clause or journal entry and queues it to be saved.
    pub fn update<T: Listed>(&self, id: &str, change: impl FnOnce(&mut T)) {
        let now = now_ms();
        self.act(|w| w.update(id, now, change));
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        let now = now_ms();
        self.act(|w| w.update_settings(now, change));
    }

    /// Moves a record to the trash and offers to undo.
    pub fn delete(&self, kind: Kind, id: &str) {
        let now = now_ms();
        let toast = match self.act(|w| w.delete(kind, id, now)) {
            Ok(undo) => Toast {
                message: format!("“{}” moved to the trash.", undo.title),
                undo: Some(undo),
            },
            Err(e) => Toast {
                message: format!("Nothing was deleted: {e}."),
                undo: None,
            },
        };
        self.toast.set(Some(toast));
    }

    /// Undoes a deletion if nothing newer would be lost; says so otherwise.
    pub fn undo(&self, undo: &Undo) {
        let message = match self.act(|w| w.undo(undo)) {
            Ok(()) => format!("“{}” is back.", undo.title),
            Err(e) => e.to_string(),
        };
        self.toast.set(Some(Toast {
            message,
            undo: None,
        }));
    }

    /// Restores from the trash; `how` is the user's choice when the record lives again.
    pub fn restore(&self, trash_key: &str, how: Option<Restore>) -> Result<(), RestoreError> {
        let now = now_ms();
        let result = self.act(|w| match how {
            None => w.restore(trash_key),
            Some(how) => w.restore_as(trash_key, how, now),
        });
        if result.is_ok() {
            self.toast.set(Some(Toast {
                message: "Restored from the trash.".into(),
                undo: None,
            }));
        }
        result
    }

    /// Deletes trash entries for good.
    pub fn purge(&self, keys: Vec<String>) {
        if let Err(e) = self.act(|w| w.purge(&keys)) {
            self.toast.set(Some(Toast {
                message: format!("The trash was not emptied: {e}."),
                undo: None,
            }));
        }
    }

    /// Removes a set-aside value for good.
    pub fn discard_quarantined(&self, storage_key: &str) {
        let _ = self.act(|w| w.discard_quarantined(storage_key));
    }

    pub fn dismiss_notice(&self, i: usize) {
        self.act(|w| w.dismiss_notice(i));
    }

    /// Applies an import's choices; returns how many records it wrote.
    pub fn import(&self, plan: &ImportPlan) -> Result<usize, SaveError> {
        self.act(|w| w.import(plan))
    }

    // ---- saving ----

    fn schedule(&self) {
        let due = self.peek(Workspace::next_due);
        let Some(due) = due.filter(|_| !self.timer.get_value()) else {
            return;
        };
        self.timer.set_value(true);
        let this = *self;
        let wait = (due - now_ms()).max(0) as u64;
        set_timeout(
            move || {
                this.timer.set_value(false);
                this.timed(|w| w.flush_due(now_ms()));
            },
            Duration::from_millis(wait),
        );
    }

    /// Writes everything that is waiting, now.
    pub fn flush_all(&self) {
        self.timed(|w| w.flush_all(now_ms()));
    }

    /// A write, timed for `make bench`.
    fn timed(&self, f: impl FnOnce(&mut Workspace)) {
        let started = performance_now();
        self.act(f);
        let took = performance_now() - started;
        TIMINGS.with(|t| {
            let saves = &mut t.borrow_mut().1;
            if saves.len() < 10_000 {
                saves.push(took);
            }
        });
    }
}

/// Writes a backup file of everything and remembers when.
pub(crate) fn export_backup(app: AppState) {
    let now = now_ms();
    let text = app.export_text(now);
    download(
        &crate::store::backup::file_name(today()),
        "application/json",
        &text,
    );
    app.update_settings(|s| s.last_export = Some(now));
}
