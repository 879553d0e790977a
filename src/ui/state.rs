//! The app's state, shared by context: the records in signals, and the glue that sends each
//! change to the store (debounced per record, flushed when the page is hidden), listens to
//! other tabs, and reports what happened. All storage calls go through `crate::store`.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::json::Json;
use crate::model::record::Records;
use crate::model::{Case, Record, Settings, new_id};
use crate::store::backend::{Backend, StorageError};
use crate::store::load::{Loaded, NewerRecord, Quarantined, load_all, set_aside_unreadable};
use crate::store::local::{LocalBackend, PageMemory};
use crate::store::record::{AnyRecord, Kind, SETTINGS_ID, check_doc, record_key};
use crate::store::save::{SaveError, SaveQueue, SaveStatus};
use crate::store::sync::{Incoming, reconcile};
use crate::store::trash::{self, TrashItem};
use serde_json::Value;

/// Where records are being kept.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageMode {
    /// In this browser's storage.
    Browser,
    /// In memory only: the browser refused storage. Nothing survives closing the tab.
    MemoryOnly,
}

/// Something changed in another tab that the user should know about.
#[derive(Clone, Debug, PartialEq)]
pub enum TabNotice {
    /// Both tabs edited the same record; theirs was kept as a copy under `copy_id`.
    Conflict {
        title: String,
        kind: Kind,
        copy_id: String,
    },
    /// The other tab deleted a record with unsaved edits here; ours is kept.
    KeptAfterDelete { title: String },
}

/// A short message after an action, with an optional undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub message: String,
    pub undo: Option<TrashItem>,
}

struct Persistence {
    backend: Box<dyn Backend>,
    queue: SaveQueue,
    /// A flush is scheduled.
    timer: bool,
}

/// Shared state. `Copy`, so every component can take it from context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub cases: RwSignal<Records<Case>>,
    /// Clauses as stored JSON: the app reads a few fields; the clause screens decode them.
    pub clauses: RwSignal<Records<Value>>,
    /// Journal entries as stored JSON, likewise.
    pub reflections: RwSignal<Records<Value>>,
    pub settings: RwSignal<Record<Settings>>,
    pub trash: RwSignal<Vec<TrashItem>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    pub newer: RwSignal<Vec<NewerRecord>>,
    /// This module's own saves.
    pub status: RwSignal<SaveStatus>,
    /// The other module's saves in this page (see [`Module`]).
    pub others: RwSignal<SaveStatus>,
    pub mode: RwSignal<StorageMode>,
    pub notices: RwSignal<Vec<TabNotice>>,
    pub toast: RwSignal<Option<Toast>>,
    /// A field to focus after the next screen change (from a summary's "Change" link).
    pub focus_field: RwSignal<Option<String>>,
    /// What an opened share link holds, kept here once it is out of the address bar.
    pub shared: RwSignal<Option<crate::store::share::Shared>>,
    persistence: StoredValue<Persistence, LocalStorage>,
    module: Module,
}

/// The page runs two wasm modules: the app (Home, cases, print, share) and, loaded when first
/// needed, the later screens (clause, journal, trends, backup). Each keeps its own records in
/// memory and its own save queue; they tell each other what they wrote through window events,
/// exactly as another tab does through storage events.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Module {
    App,
    Later,
}

impl Module {
    fn tag(self) -> &'static str {
        match self {
            Module::App => "a",
            Module::Later => "l",
        }
    }
}

/// Window events between the two modules.
const WROTE: &str = "mend-wrote";
const STATUS: &str = "mend-status";

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The local offset from UTC in minutes, east positive.
pub fn local_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
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
    /// Figures for the benchmark command: start-up time and each record write (ms).
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

impl AppState {
    /// Opens storage, loads every record, and starts listening for other tabs and for the
    /// page being hidden. Falls back to memory, with a warning, when storage is refused.
    pub fn start(module: Module) -> AppState {
        let (backend, mode): (Box<dyn Backend>, StorageMode) = match LocalBackend::open() {
            Ok(b) => (Box::new(b), StorageMode::Browser),
            Err(_) => (Box::new(PageMemory::open()), StorageMode::MemoryOnly),
        };
        let mut persistence = Persistence {
            backend,
            queue: SaveQueue::new(),
            timer: false,
        };
        let mut next_id = fresh_id;
        let (loaded, mode) = match load_all(persistence.backend.as_mut(), now_ms(), &mut next_id) {
            Ok(loaded) => (loaded, mode),
            Err(_) => {
                persistence.backend = Box::new(PageMemory::open());
                (Loaded::default(), StorageMode::MemoryOnly)
            }
        };

        let mut cases = Records::default();
        let mut clauses = Records::default();
        let mut reflections = Records::default();
        let mut settings = Record::new(SETTINGS_ID.into(), now_ms(), Settings::default());
        for record in loaded.records {
            match record {
                AnyRecord::Case(r) => {
                    cases.insert(r.id.clone(), r);
                }
                AnyRecord::Settings(r) => settings = r,
                AnyRecord::Doc(kind, r) => {
                    let docs = if kind == Kind::Reflection {
                        &mut reflections
                    } else {
                        &mut clauses
                    };
                    docs.insert(r.id.clone(), r);
                }
            }
        }

        let state = AppState {
            cases: RwSignal::new(cases),
            clauses: RwSignal::new(clauses),
            reflections: RwSignal::new(reflections),
            settings: RwSignal::new(settings),
            trash: RwSignal::new(loaded.trash),
            quarantined: RwSignal::new(loaded.quarantined),
            newer: RwSignal::new(loaded.newer),
            status: RwSignal::new(SaveStatus::Idle),
            others: RwSignal::new(SaveStatus::Idle),
            mode: RwSignal::new(mode),
            notices: RwSignal::new(Vec::new()),
            toast: RwSignal::new(None),
            focus_field: RwSignal::new(None),
            shared: RwSignal::new(None),
            persistence: StoredValue::new_local(persistence),
            module,
        };
        state.listen();
        TIMINGS.with(|t| t.borrow_mut().0 = performance_now());
        state
    }

    fn listen(self) {
        // Never leave changes behind when the page goes away or into the background.
        let flush = move || self.flush_all();
        let h1 = window_event_listener(ev::pagehide, move |_| flush());
        let h2 = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        let h3 = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            if let Some(key) = e.key() {
                self.on_other_tab(&key, e.new_value().as_deref());
            }
        });
        // The other module of this page wrote, or its save status changed.
        let h4 = window_event_listener_untyped(WROTE, move |e| {
            if let Some(keys) = self.heard(e) {
                for key in keys.lines() {
                    let value = self.with_backend(|b| b.get(key).ok().flatten()).flatten();
                    self.on_other_tab(key, value.as_deref());
                }
            }
        });
        let h5 = window_event_listener_untyped(STATUS, move |e| {
            if let Some(wire) = self.heard(e) {
                self.others.set(SaveStatus::from_wire(&wire));
            }
        });
        on_cleanup(move || {
            h1.remove();
            h2.remove();
            h3.remove();
            h4.remove();
            h5.remove();
        });
    }

    /// What the header shows: this module's saves and the other module's, together.
    pub fn shown_status(&self) -> SaveStatus {
        self.status.get().worst(&self.others.get())
    }

    /// The body of an event from the other module of this page (`None` for our own).
    fn heard(&self, e: web_sys::Event) -> Option<String> {
        let detail = e
            .unchecked_into::<web_sys::CustomEvent>()
            .detail()
            .as_string()?;
        let (from, body) = detail.split_once('\n')?;
        (from != self.module.tag()).then(|| body.to_string())
    }

    /// Tells the other module of this page. Sent after the current call returns, so its
    /// handlers never run while this module is in the middle of a change.
    fn tell(&self, event: &'static str, body: String) {
        let detail = format!("{}\n{body}", self.module.tag());
        queue_microtask(move || {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&wasm_bindgen::JsValue::from_str(&detail));
            if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event, &init) {
                let _ = window().dispatch_event(&e);
            }
        });
    }

    fn tell_wrote(&self, keys: &[String]) {
        if !keys.is_empty() {
            self.tell(WROTE, keys.join("\n"));
        }
    }

    // ---- reading ----

    /// The record stored under `key`, as it is in memory now.
    pub fn record(&self, key: &str) -> Option<AnyRecord> {
        if key == record_key(Kind::Settings, SETTINGS_ID) {
            return Some(AnyRecord::Settings(self.settings.get_untracked()));
        }
        for kind in [Kind::Clause, Kind::Reflection] {
            if let Some(id) = key.strip_prefix(&record_key(kind, "")) {
                return self
                    .docs(kind)
                    .with_untracked(|m| m.get(id).cloned())
                    .map(|r| AnyRecord::Doc(kind, r));
            }
        }
        let id = key.strip_prefix("mend:case:")?;
        self.cases
            .with_untracked(|m| m.get(id).cloned())
            .map(AnyRecord::Case)
    }

    /// Every live record, for export.
    pub fn all_records(&self) -> Vec<AnyRecord> {
        let mut all: Vec<AnyRecord> = self
            .cases
            .with_untracked(|m| m.values().cloned().map(AnyRecord::Case).collect());
        all.extend(self.all_docs());
        all.push(AnyRecord::Settings(self.settings.get_untracked()));
        all
    }

    /// The clauses or the journal entries.
    pub fn docs(&self, kind: Kind) -> RwSignal<Records<Value>> {
        if kind == Kind::Reflection {
            self.reflections
        } else {
            self.clauses
        }
    }

    fn all_docs(&self) -> Vec<AnyRecord> {
        let mut all = Vec::new();
        for kind in [Kind::Clause, Kind::Reflection] {
            self.docs(kind).with_untracked(|m| {
                all.extend(m.values().cloned().map(|r| AnyRecord::Doc(kind, r)))
            });
        }
        all
    }

    /// Times of the user's own records' last changes (for the backup nudge).
    pub fn change_times(&self) -> Vec<i64> {
        self.cases.with(|m| m.values().map(|r| r.updated).collect())
    }

    // ---- changing ----

    /// Puts a record into memory (no write).
    fn put(&self, record: AnyRecord) {
        match record {
            AnyRecord::Case(r) => self.cases.update(|m| {
                m.insert(r.id.clone(), r);
            }),
            AnyRecord::Settings(r) => self.settings.set(r),
            AnyRecord::Doc(kind, r) => self.docs(kind).update(|m| {
                m.insert(r.id.clone(), r);
            }),
        }
    }

    fn take(&self, key: &str) {
        if let Some(id) = key.strip_prefix("mend:case:") {
            self.cases.update(|m| {
                m.remove(id);
            });
        }
        for kind in [Kind::Clause, Kind::Reflection] {
            if let Some(id) = key.strip_prefix(&record_key(kind, "")) {
                self.docs(kind).update(|m| {
                    m.remove(id);
                });
            }
        }
    }

    /// Sets aside clauses and journal entries whose contents cannot be read (the load keeps
    /// them as JSON; this module has their types). Run once by the later screens at start.
    pub fn check_docs(&self) {
        let docs = self.all_docs();
        let mut ids = fresh_id;
        let set = self
            .with_backend(|b| set_aside_unreadable(b, &docs, check_doc, now_ms(), &mut ids))
            .unwrap_or_default();
        if set.is_empty() {
            return;
        }
        let mut keys = Vec::new();
        for q in set {
            keys.push(q.storage_key.clone());
            keys.push(q.entry.key.clone());
            self.take(&q.entry.key);
            self.quarantined.update(|list| list.push(q));
        }
        self.tell_wrote(&keys);
    }

    /// Creates a clause or journal entry and saves it at once. Returns its id.
    pub fn create_doc(&self, kind: Kind, data: Value) -> String {
        let id = fresh_id();
        self.put(AnyRecord::Doc(
            kind,
            Record::new(id.clone(), now_ms(), data),
        ));
        self.touch(&record_key(kind, &id));
        self.flush_all();
        id
    }

    /// Changes one clause or journal entry (read into its type `D`) and queues it to be saved.
    pub fn update_doc<D: Json + Default>(&self, kind: Kind, id: &str, change: impl FnOnce(&mut D)) {
        let now = now_ms();
        let mut found = false;
        self.docs(kind).update(|m| {
            if let Some(r) = m.get_mut(id) {
                let mut doc = D::from_json(&r.data).unwrap_or_default();
                change(&mut doc);
                r.data = doc.to_json();
                r.updated = now;
                found = true;
            }
        });
        if found {
            self.touch(&record_key(kind, id));
        }
    }

    /// Creates a case and saves it at once. Returns its id.
    pub fn create_case(&self, case: Case) -> String {
        let id = fresh_id();
        self.put(AnyRecord::Case(Record::new(id.clone(), now_ms(), case)));
        self.touch(&record_key(Kind::Case, &id));
        self.flush_all();
        id
    }

    /// Changes one case in memory and queues it to be saved.
    pub fn update_case(&self, id: &str, change: impl FnOnce(&mut Case)) {
        let now = now_ms();
        let mut found = false;
        self.cases.update(|m| {
            if let Some(r) = m.get_mut(id) {
                change(&mut r.data);
                r.updated = now;
                found = true;
            }
        });
        if found {
            self.touch(&record_key(Kind::Case, id));
        }
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(|r| {
            change(&mut r.data);
            r.updated = now_ms();
        });
        self.touch(&record_key(Kind::Settings, SETTINGS_ID));
    }

    /// Moves a record to the trash and offers to undo.
    pub fn delete(&self, kind: Kind, id: &str) {
        let key = record_key(kind, id);
        let Some(record) = self.record(&key) else {
            return;
        };
        let result = self
            .persistence
            .try_update_value(|p| {
                let r = trash::move_to_trash(p.backend.as_mut(), &record, now_ms());
                if r.is_ok() {
                    p.queue.forget(&key);
                }
                r
            })
            .unwrap_or(Err(SaveError::Storage(StorageError::Unavailable)));
        match result {
            Ok(item) => {
                self.tell_wrote(&[key.clone(), item.key.clone()]);
                self.take(&key);
                let title = record.title();
                self.trash.update(|t| t.insert(0, item.clone()));
                self.refresh_status();
                self.toast.set(Some(Toast {
                    message: format!("“{title}” moved to the trash."),
                    undo: Some(item),
                }));
            }
            Err(e) => self.toast.set(Some(Toast {
                message: format!("Nothing was deleted: {e}."),
                undo: None,
            })),
        }
    }

    /// Puts a trashed record back.
    pub fn restore(&self, item: &TrashItem) -> bool {
        let result = self
            .persistence
            .try_update_value(|p| trash::restore(p.backend.as_mut(), item))
            .unwrap_or(Err(SaveError::Storage(StorageError::Unavailable)));
        match result {
            Ok(()) => {
                self.tell_wrote(&[item.record.key(), item.key.clone()]);
                self.put(item.record.clone());
                self.trash.update(|t| t.retain(|x| x.key != item.key));
                self.toast.set(Some(Toast {
                    message: format!("“{}” is back.", item.record.title()),
                    undo: None,
                }));
                true
            }
            Err(e) => {
                self.toast.set(Some(Toast {
                    message: format!("Could not restore it: {e}."),
                    undo: None,
                }));
                false
            }
        }
    }

    /// Deletes trash entries for good.
    pub fn purge(&self, keys: Vec<String>) {
        let result = self
            .persistence
            .try_update_value(|p| trash::purge(p.backend.as_mut(), &keys))
            .unwrap_or(Err(StorageError::Unavailable));
        if result.is_ok() {
            self.tell_wrote(&keys);
            self.trash.update(|t| t.retain(|x| !keys.contains(&x.key)));
        }
    }

    /// Removes a set-aside value for good.
    pub fn discard_quarantined(&self, storage_key: &str) {
        let ok = self
            .persistence
            .try_update_value(|p| p.backend.remove(storage_key).is_ok())
            .unwrap_or(false);
        if ok {
            self.tell_wrote(&[storage_key.to_string()]);
            self.quarantined
                .update(|q| q.retain(|x| x.storage_key != storage_key));
        }
    }

    /// Runs `f` with the backend (for import and health figures).
    pub fn with_backend<T>(&self, f: impl FnOnce(&mut dyn Backend) -> T) -> Option<T> {
        self.persistence.try_update_value(|p| f(p.backend.as_mut()))
    }

    /// Takes records written by an import into memory; nothing is left queued for them.
    pub fn took_in(&self, written: Vec<AnyRecord>, trash: Vec<TrashItem>) {
        let mut keys: Vec<String> = written.iter().map(AnyRecord::key).collect();
        keys.extend(trash.iter().map(|t| t.key.clone()));
        self.tell_wrote(&keys);
        for record in written {
            let key = record.key();
            self.persistence.update_value(|p| p.queue.forget(&key));
            self.put(record);
        }
        if !trash.is_empty() {
            self.trash.update(|t| {
                t.extend(trash);
                crate::model::order::sort_by_key(t, |x| (-x.deleted, 0, x.key.clone()));
            });
        }
        self.refresh_status();
    }

    // ---- saving ----

    fn touch(&self, key: &str) {
        let now = now_ms();
        self.persistence.update_value(|p| p.queue.touch(key, now));
        self.refresh_status();
        self.schedule();
    }

    fn schedule(&self) {
        let Some(due) = self
            .persistence
            .with_value(|p| (!p.timer).then(|| p.queue.next_due()).flatten())
        else {
            return;
        };
        self.persistence.update_value(|p| p.timer = true);
        let this = *self;
        let wait = (due - now_ms()).max(0) as u64;
        set_timeout(
            move || {
                this.persistence.update_value(|p| p.timer = false);
                this.flush_due();
                this.schedule();
            },
            Duration::from_millis(wait),
        );
    }

    fn flush_due(&self) {
        let keys = self.persistence.with_value(|p| p.queue.due_keys(now_ms()));
        self.write(keys);
    }

    /// Writes everything that is waiting, now.
    pub fn flush_all(&self) {
        let keys = self.persistence.with_value(|p| p.queue.all_keys());
        self.write(keys);
    }

    fn write(&self, keys: Vec<String>) {
        if keys.is_empty() {
            return;
        }
        let this = *self;
        let now = now_ms();
        self.tell_wrote(&keys);
        self.persistence.update_value(|p| {
            for key in keys {
                let started = performance_now();
                p.queue
                    .write(p.backend.as_mut(), vec![key.clone()], now, |k| {
                        this.record(k).map(|r| r.encode())
                    });
                let took = performance_now() - started;
                TIMINGS.with(|t| {
                    let saves = &mut t.borrow_mut().1;
                    if saves.len() < 10_000 {
                        saves.push(took);
                    }
                });
            }
        });
        self.refresh_status();
    }

    fn refresh_status(&self) {
        let status = self.persistence.with_value(|p| p.queue.status());
        if self.status.get_untracked() != status {
            self.tell(STATUS, status.to_wire());
            self.status.set(status);
        }
    }

    // ---- other tabs ----

    fn on_other_tab(&self, key: &str, new_value: Option<&str>) {
        let local = self.record(key);
        let dirty = self.persistence.with_value(|p| p.queue.is_dirty(key));
        match reconcile(key, new_value, local.as_ref(), dirty) {
            Incoming::Upsert(record) => self.put(record),
            Incoming::Remove { key } => self.take(&key),
            Incoming::Conflict { theirs } => {
                // Keep theirs as a separate record so both survive, whatever happens next.
                if theirs.kind() == Kind::Settings {
                    return;
                }
                let copy = theirs.with_id(fresh_id());
                self.put(copy.clone());
                self.touch(&copy.key());
                self.flush_all();
                self.notices.update(|n| {
                    n.push(TabNotice::Conflict {
                        title: theirs.title(),
                        kind: theirs.kind(),
                        copy_id: copy.id().to_string(),
                    })
                });
            }
            Incoming::RemovedWhileEditing { .. } => {
                if let Some(ours) = local {
                    self.notices.update(|n| {
                        n.push(TabNotice::KeptAfterDelete {
                            title: ours.title(),
                        })
                    });
                }
            }
            Incoming::Lists => self.reload_lists(),
            Incoming::Ignore => {}
        }
    }

    /// Re-reads the trash and set-aside lists (another tab changed them).
    fn reload_lists(&self) {
        let mut ids = fresh_id;
        let loaded = self
            .with_backend(|b| load_all(b, now_ms(), &mut ids).ok())
            .flatten();
        if let Some(loaded) = loaded {
            self.trash.set(loaded.trash);
            self.quarantined.set(loaded.quarantined);
        }
    }
}
