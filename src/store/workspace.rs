//! The workspace: every record in memory, and everything that keeps them safe on the way to
//! storage: the save queue, the trash and its undo, values set aside, and what to do when
//! another tab (or, later, another device) writes. Plain Rust over [`Backend`], so every rule
//! here is tested natively; the UI only mirrors what changed into its signals.

use super::backend::Backend;
use super::backup::{ImportPlan, apply_import};
use super::load::{Loaded, NewerRecord, Quarantined, load_all};
use super::reconcile::{Incoming, reconcile};
use super::record::{AnyRecord, KeyRef, Kind, SETTINGS_ID, decode, parse_key, record_key};
use super::save::{SaveError, SaveQueue, SaveStatus, write_verified};
use super::trash::{self, TrashItem};
use crate::model::record::Records;
use crate::model::reflection::Reflection;
use crate::model::{Case, Clause, Record, Settings};

/// Which parts changed since the UI last looked (it notifies the matching signals).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub cases: bool,
    pub clauses: bool,
    pub reflections: bool,
    pub settings: bool,
    pub trash: bool,
    pub aside: bool,
    pub status: bool,
    pub notices: bool,
}

/// Something the user should know about a change made elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Both sides changed the same record; theirs is kept as a copy under `copy_id`.
    /// `device`: the other side was another device (through sync), not another tab.
    Conflict {
        title: String,
        kind: Kind,
        copy_id: String,
        device: bool,
    },
    /// It was deleted elsewhere while it had unsaved changes here; ours is kept.
    KeptAfterDelete { title: String },
    /// Another device deleted it: it is in the trash here, and can be brought back.
    DeletedElsewhere { undo: Undo },
    /// The sync server offered an older copy of it than this device has (`deleted`: it was
    /// deleted since); refused, nothing here changed.
    OlderRefused { title: String, deleted: bool },
}

/// What a deletion offers to undo: the trash entry it made, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub trash_key: String,
    pub deleted: i64,
    pub title: String,
}

/// Why a restore or an undo did nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreError {
    /// A record lives at the same place again: the user chooses keep both or replace.
    Live {
        title: String,
    },
    /// The trash entry is gone (restored, emptied, or deleted again).
    Gone,
    /// The record came back and may have changed since it was deleted.
    ChangedSince {
        title: String,
    },
    Storage(SaveError),
}

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreError::Live { title } => write!(
                f,
                "“{title}” is here again, so restoring it would replace it. Keep both, or replace it?"
            ),
            RestoreError::Gone => {
                f.write_str("It is no longer in the trash, so there is nothing to undo.")
            }
            RestoreError::ChangedSince { title } => write!(
                f,
                "“{title}” is back already and may have changed since, so it was left as it is."
            ),
            RestoreError::Storage(e) => write!(f, "Nothing was restored: {e}."),
        }
    }
}

/// The user's choice when restoring over a live record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restore {
    KeepBoth,
    Replace,
}

/// Every record in memory, by kind.
#[derive(Clone, Debug, Default)]
pub struct Held {
    pub cases: Records<Case>,
    pub clauses: Records<Clause>,
    pub reflections: Records<Reflection>,
    pub settings: Option<Record<Settings>>,
    /// The hash of each record's text, once sync has asked for it; forgotten when the
    /// record changes, so a round with nothing changed encodes nothing.
    hashes: std::collections::BTreeMap<String, String>,
}

/// A kind of record kept in a list (all but the one settings record).
pub trait Listed: Sized + Clone + PartialEq + 'static {
    const KIND: Kind;
    fn list(held: &Held) -> &Records<Self>;
    fn list_mut(held: &mut Held) -> &mut Records<Self>;
    fn wrap(record: Record<Self>) -> AnyRecord;
}

macro_rules! listed {
    ($ty:ty, $kind:ident, $field:ident) => {
        impl Listed for $ty {
            const KIND: Kind = Kind::$kind;
            fn list(held: &Held) -> &Records<Self> {
                &held.$field
            }
            fn list_mut(held: &mut Held) -> &mut Records<Self> {
                &mut held.$field
            }
            fn wrap(record: Record<Self>) -> AnyRecord {
                AnyRecord::$kind(record)
            }
        }
    };
}

listed!(Case, Case, cases);
listed!(Clause, Clause, clauses);
listed!(Reflection, Reflection, reflections);

impl Held {
    /// The record stored under `key`, as it is in memory now.
    pub fn get(&self, key: &str) -> Option<AnyRecord> {
        match parse_key(key)? {
            KeyRef::Record(Kind::Case, id) => self.one::<Case>(&id),
            KeyRef::Record(Kind::Clause, id) => self.one::<Clause>(&id),
            KeyRef::Record(Kind::Reflection, id) => self.one::<Reflection>(&id),
            KeyRef::Record(Kind::Settings, _) => self.settings.clone().map(AnyRecord::Settings),
            _ => None,
        }
    }

    fn one<T: Listed>(&self, id: &str) -> Option<AnyRecord> {
        T::list(self).get(id).cloned().map(T::wrap)
    }

    /// Puts a record in memory (no write); says which part changed.
    fn put(&mut self, record: AnyRecord, changed: &mut Changed) {
        mark(record.kind(), changed);
        self.hashes.remove(&record.key());
        match record {
            AnyRecord::Case(r) => self.cases.insert(r.id.clone(), r),
            AnyRecord::Clause(r) => self.clauses.insert(r.id.clone(), r),
            AnyRecord::Reflection(r) => self.reflections.insert(r.id.clone(), r),
            AnyRecord::Settings(r) => self.settings = Some(r),
        }
    }

    fn take(&mut self, key: &str, changed: &mut Changed) {
        self.hashes.remove(key);
        let removed = match parse_key(key) {
            Some(KeyRef::Record(Kind::Case, id)) => self.cases.remove(&id).is_some(),
            Some(KeyRef::Record(Kind::Clause, id)) => self.clauses.remove(&id).is_some(),
            Some(KeyRef::Record(Kind::Reflection, id)) => self.reflections.remove(&id).is_some(),
            _ => false,
        };
        if let (true, Some(KeyRef::Record(kind, _))) = (removed, parse_key(key)) {
            mark(kind, changed);
        }
    }

    fn all(&self) -> Vec<AnyRecord> {
        let mut all: Vec<AnyRecord> = self.cases.values().cloned().map(AnyRecord::Case).collect();
        all.extend(self.clauses.values().cloned().map(AnyRecord::Clause));
        all.extend(
            self.reflections
                .values()
                .cloned()
                .map(AnyRecord::Reflection),
        );
        all.extend(self.settings.clone().map(AnyRecord::Settings));
        all
    }
}

fn mark(kind: Kind, changed: &mut Changed) {
    match kind {
        Kind::Case => changed.cases = true,
        Kind::Clause => changed.clauses = true,
        Kind::Reflection => changed.reflections = true,
        Kind::Settings => changed.settings = true,
    }
}

/// The records and their safekeeping.
pub struct Workspace {
    backend: Box<dyn Backend>,
    held: Held,
    trash: Vec<TrashItem>,
    quarantined: Vec<Quarantined>,
    newer: Vec<NewerRecord>,
    queue: SaveQueue,
    notices: Vec<Notice>,
    changed: Changed,
    new_id: Box<dyn FnMut() -> String>,
    /// The settings as last stored, which both tabs started from (for merging).
    settings_base: Option<Settings>,
}

impl Workspace {
    /// Loads every record from `backend`. Fails only when the backend cannot be read at all.
    pub fn open(
        mut backend: Box<dyn Backend>,
        now: i64,
        mut new_id: Box<dyn FnMut() -> String>,
    ) -> Result<Workspace, super::StorageError> {
        let loaded = load_all(backend.as_mut(), now, &mut new_id)?;
        Ok(Workspace::with(backend, loaded, new_id, now))
    }

    fn with(
        backend: Box<dyn Backend>,
        loaded: Loaded,
        new_id: Box<dyn FnMut() -> String>,
        now: i64,
    ) -> Self {
        let mut held = Held::default();
        let mut changed = Changed::default();
        for record in loaded.records {
            held.put(record, &mut changed);
        }
        // The settings as stored, if they ever were (the base for merging).
        let held_settings = held.settings.as_ref().map(|r| r.data.clone());
        // Never stored until first changed, but always there (and in every backup file).
        held.settings
            .get_or_insert_with(|| Record::new(SETTINGS_ID.into(), now, Settings::default()));
        Workspace {
            backend,
            held,
            trash: loaded.trash,
            quarantined: loaded.quarantined,
            newer: loaded.newer,
            queue: SaveQueue::new(),
            notices: Vec::new(),
            changed: Changed::default(),
            new_id,
            settings_base: held_settings,
        }
    }

    // ---- reading ----

    pub fn held(&self) -> &Held {
        &self.held
    }

    /// The settings (defaults until first changed).
    pub fn settings(&self) -> Settings {
        self.held
            .settings
            .as_ref()
            .map(|r| r.data.clone())
            .unwrap_or_default()
    }

    pub fn get(&self, key: &str) -> Option<AnyRecord> {
        self.held.get(key)
    }

    /// Every live record, for export.
    pub fn all_records(&self) -> Vec<AnyRecord> {
        self.held.all()
    }

    pub fn trash(&self) -> &[TrashItem] {
        &self.trash
    }

    pub fn quarantined(&self) -> &[Quarantined] {
        &self.quarantined
    }

    pub fn newer(&self) -> &[NewerRecord] {
        &self.newer
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn status(&self) -> SaveStatus {
        self.queue.status()
    }

    /// What changed since the last call.
    pub fn take_changed(&mut self) -> Changed {
        std::mem::take(&mut self.changed)
    }

    /// The storage underneath (space used, sync's own state).
    pub fn backend(&mut self) -> &mut dyn Backend {
        self.backend.as_mut()
    }

    pub fn fresh_id(&mut self) -> String {
        (self.new_id)()
    }

    // ---- changing ----

    /// Adds a record and writes it at once.
    pub fn create(&mut self, record: AnyRecord, now: i64) {
        let key = record.key();
        self.held.put(record, &mut self.changed);
        self.queue.touch(&key, now);
        self.flush_all(now);
    }

    /// Changes one case, clause or journal entry in memory and queues it to be saved.
    /// False when it is not here (deleted meanwhile): nothing changes.
    pub fn update<T: Listed>(&mut self, id: &str, now: i64, change: impl FnOnce(&mut T)) -> bool {
        let Some(r) = T::list_mut(&mut self.held).get_mut(id) else {
            return false;
        };
        change(&mut r.data);
        r.updated = now;
        mark(T::KIND, &mut self.changed);
        let key = record_key(T::KIND, id);
        self.held.hashes.remove(&key);
        self.touch(&key, now);
        true
    }

    pub fn update_settings(&mut self, now: i64, change: impl FnOnce(&mut Settings)) {
        let settings = self
            .held
            .settings
            .get_or_insert_with(|| Record::new(SETTINGS_ID.into(), now, Settings::default()));
        change(&mut settings.data);
        settings.updated = now;
        self.changed.settings = true;
        let key = record_key(Kind::Settings, SETTINGS_ID);
        self.held.hashes.remove(&key);
        self.touch(&key, now);
    }

    /// Moves a record to the trash; returns what can undo it.
    pub fn delete(&mut self, kind: Kind, id: &str, now: i64) -> Result<Undo, SaveError> {
        let key = record_key(kind, id);
        let Some(record) = self.held.get(&key) else {
            return Err(SaveError::Storage(super::StorageError::Failed(
                "it is no longer here".into(),
            )));
        };
        let item = trash::move_to_trash(self.backend.as_mut(), &record, now)?;
        self.queue.forget(&key);
        self.held.take(&key, &mut self.changed);
        let undo = Undo {
            trash_key: item.key.clone(),
            deleted: item.deleted,
            title: record.title(),
        };
        self.trash.insert(0, item);
        self.changed.trash = true;
        self.changed.status = true;
        Ok(undo)
    }

    /// Whether an undo would still do something: its trash entry is there, from that same
    /// deletion, and the record has not come back since (restored, or written again
    /// elsewhere). The UI offers Undo only while this holds.
    pub fn undo_applies(&self, undo: &Undo) -> bool {
        self.trash
            .iter()
            .find(|t| t.key == undo.trash_key)
            .is_some_and(|t| t.deleted == undo.deleted && self.held.get(&t.record.key()).is_none())
    }

    /// Undoes a deletion, only if that changes nothing newer (see [`Workspace::undo_applies`]).
    pub fn undo(&mut self, undo: &Undo) -> Result<(), RestoreError> {
        let item = self
            .trash
            .iter()
            .find(|t| t.key == undo.trash_key && t.deleted == undo.deleted)
            .cloned()
            .ok_or(RestoreError::Gone)?;
        if self.held.get(&item.record.key()).is_some() {
            return Err(RestoreError::ChangedSince {
                title: undo.title.clone(),
            });
        }
        self.restore_item(&item)
    }

    /// Puts a trashed record back where it was, unless a record lives there again: then the
    /// user must choose ([`RestoreError::Live`]) and nothing changes.
    pub fn restore(&mut self, trash_key: &str) -> Result<(), RestoreError> {
        let item = self.trash_item(trash_key)?;
        if let Some(live) = self.held.get(&item.record.key()) {
            return Err(RestoreError::Live {
                title: live.title(),
            });
        }
        self.restore_item(&item)
    }

    /// Restores with the user's choice when a record lives at the same place: keep both (the
    /// trashed one comes back under a new id), or replace (the live one goes to the trash in
    /// its stead, so it can be restored in turn).
    pub fn restore_as(
        &mut self,
        trash_key: &str,
        how: Restore,
        now: i64,
    ) -> Result<(), RestoreError> {
        let item = self.trash_item(trash_key)?;
        let Some(live) = self.held.get(&item.record.key()) else {
            return self.restore_item(&item);
        };
        match how {
            Restore::KeepBoth => {
                let copy = TrashItem {
                    record: item.record.with_id(self.fresh_id()),
                    ..item
                };
                self.restore_item(&copy)?;
                self.trash.retain(|t| t.key != trash_key);
            }
            Restore::Replace => {
                let swapped = TrashItem {
                    key: item.key.clone(),
                    deleted: now,
                    record: live,
                };
                trash::swap(self.backend.as_mut(), &item, &swapped)
                    .map_err(RestoreError::Storage)?;
                self.queue.forget(&item.record.key());
                self.held.put(item.record.clone(), &mut self.changed);
                self.trash.retain(|t| t.key != trash_key);
                self.trash.insert(0, swapped);
            }
        }
        self.changed.trash = true;
        Ok(())
    }

    fn trash_item(&self, trash_key: &str) -> Result<TrashItem, RestoreError> {
        self.trash
            .iter()
            .find(|t| t.key == trash_key)
            .cloned()
            .ok_or(RestoreError::Gone)
    }

    /// Writes `item`'s record under its own key and removes `item.key` from the trash.
    fn restore_item(&mut self, item: &TrashItem) -> Result<(), RestoreError> {
        trash::restore(self.backend.as_mut(), item).map_err(RestoreError::Storage)?;
        self.held.put(item.record.clone(), &mut self.changed);
        self.trash.retain(|x| x.key != item.key);
        self.changed.trash = true;
        Ok(())
    }

    /// Deletes trash entries for good.
    pub fn purge(&mut self, keys: &[String]) -> Result<(), super::StorageError> {
        trash::purge(self.backend.as_mut(), keys)?;
        self.trash.retain(|x| !keys.contains(&x.key));
        self.changed.trash = true;
        Ok(())
    }

    /// Removes a set-aside value for good.
    pub fn discard_quarantined(&mut self, storage_key: &str) -> Result<(), super::StorageError> {
        self.backend.remove(storage_key)?;
        self.quarantined.retain(|x| x.storage_key != storage_key);
        self.changed.aside = true;
        Ok(())
    }

    pub fn dismiss_notice(&mut self, i: usize) {
        if i < self.notices.len() {
            self.notices.remove(i);
            self.changed.notices = true;
        }
    }

    /// Applies an import's choices (all or nothing) and takes what it wrote into memory.
    /// Returns how many records were written.
    pub fn import(&mut self, plan: &ImportPlan) -> Result<usize, SaveError> {
        let outcome = apply_import(self.backend.as_mut(), plan, &mut self.new_id)?;
        let n = outcome.written.len();
        self.took_in(outcome.written, outcome.trash);
        Ok(n)
    }

    /// Takes records written by an import into memory; nothing is left queued for them.
    fn took_in(&mut self, written: Vec<AnyRecord>, trash: Vec<TrashItem>) {
        for record in written {
            self.queue.forget(&record.key());
            if let AnyRecord::Settings(r) = &record {
                self.settings_base = Some(r.data.clone());
            }
            self.held.put(record, &mut self.changed);
        }
        if !trash.is_empty() {
            self.trash.extend(trash);
            crate::model::order::sort_by_key(&mut self.trash, |x| (-x.deleted, 0, x.key.clone()));
            self.changed.trash = true;
        }
        self.changed.status = true;
    }

    // ---- saving ----

    fn touch(&mut self, key: &str, now: i64) {
        self.queue.touch(key, now);
        self.changed.status = true;
    }

    /// When the next write is due, if any.
    pub fn next_due(&self) -> Option<i64> {
        self.queue.next_due()
    }

    /// Writes the records whose debounce has passed.
    pub fn flush_due(&mut self, now: i64) {
        let keys = self.queue.due_keys(now);
        self.write(keys, now);
    }

    /// Writes everything that is waiting, now.
    pub fn flush_all(&mut self, now: i64) {
        let keys = self.queue.all_keys();
        self.write(keys, now);
    }

    fn write(&mut self, keys: Vec<String>, now: i64) {
        if keys.is_empty() {
            return;
        }
        let settings_key = record_key(Kind::Settings, SETTINGS_ID);
        let wrote_settings = keys.contains(&settings_key);
        let held = &self.held;
        self.queue.write(self.backend.as_mut(), keys, now, |k| {
            held.get(k).map(|r| r.encode())
        });
        if wrote_settings && !self.queue.is_dirty(&settings_key) {
            self.settings_base = Some(self.settings());
        }
        self.changed.status = true;
    }

    // ---- another tab ----

    /// Another tab wrote `key` (`None`: removed it). Takes in what is safe to take, and never
    /// loses what is here: unsaved changes are kept beside theirs, settings are merged, and
    /// what cannot be read is set aside.
    pub fn incoming(&mut self, key: &str, new_value: Option<&str>, now: i64) {
        let local = self.held.get(key);
        let dirty = self.queue.is_dirty(key);
        match reconcile(key, new_value, local.as_ref(), dirty) {
            Incoming::Upsert(record) => self.held.put(record, &mut self.changed),
            Incoming::Remove { key } => self.held.take(&key, &mut self.changed),
            Incoming::Conflict { theirs } => self.keep_theirs_too(theirs, false, now),
            Incoming::Settings(AnyRecord::Settings(theirs)) => {
                let base = self.settings_base.take().unwrap_or_default();
                self.merge_settings(theirs, base, now)
            }
            Incoming::Settings(_) | Incoming::Ignore => {}
            Incoming::RemovedWhileEditing { .. } => {
                if let Some(ours) = local {
                    self.notify(Notice::KeptAfterDelete {
                        title: ours.title(),
                    });
                }
            }
            Incoming::Unreadable { raw, reason } => {
                self.set_aside(key, raw, reason, now);
                if local.is_some() {
                    // Ours goes back where the unreadable value was.
                    self.touch(key, now);
                    self.write(vec![key.to_string()], now);
                }
            }
            Incoming::Newer { raw, reason } => self.keep_newer(key, raw, reason, dirty, now),
            Incoming::Trash { key, item } => {
                self.trash.retain(|t| t.key != key);
                if let Some(item) = item {
                    self.trash.push(*item);
                    crate::model::order::sort_by_key(&mut self.trash, |x| {
                        (-x.deleted, 0, x.key.clone())
                    });
                }
                self.changed.trash = true;
            }
            Incoming::Aside { key, entry } => {
                self.quarantined.retain(|q| q.storage_key != key);
                if let Some(entry) = entry {
                    self.quarantined.push(Quarantined {
                        storage_key: key,
                        entry,
                    });
                }
                self.changed.aside = true;
            }
        }
    }

    /// Both sides changed the same record: theirs is kept as a copy under a new id, ours stays.
    fn keep_theirs_too(&mut self, theirs: AnyRecord, device: bool, now: i64) {
        let copy = theirs.with_id(self.fresh_id());
        let copy_key = copy.key();
        self.held.put(copy.clone(), &mut self.changed);
        self.touch(&copy_key, now);
        self.write(vec![copy_key], now);
        self.notify(Notice::Conflict {
            title: theirs.title(),
            kind: theirs.kind(),
            copy_id: copy.id().to_string(),
            device,
        });
    }

    /// Settings changed elsewhere: each field keeps whichever side changed it since `base`.
    fn merge_settings(&mut self, theirs: Record<Settings>, base: Settings, now: i64) {
        let ours = self.settings();
        let merged = Settings::merge(&base, &ours, &theirs.data);
        let differs = merged != theirs.data;
        self.settings_base = Some(theirs.data.clone());
        self.held.put(
            AnyRecord::Settings(Record {
                data: merged,
                ..theirs
            }),
            &mut self.changed,
        );
        if differs {
            self.touch(&record_key(Kind::Settings, SETTINGS_ID), now);
        }
    }

    // ---- another device (through the sync server) ----

    /// Every live record's key and the hash of its stored text (by `hash`, sync's own): what
    /// sync compares. Each is worked out once per change of the record. Settings that were
    /// never changed (stored, or waiting to be) are not sent.
    pub fn text_hashes(&mut self, hash: fn(&str) -> String) -> Vec<(String, String)> {
        let settings_key = record_key(Kind::Settings, SETTINGS_ID);
        let stored_settings = self.settings_base.is_some() || self.queue.is_dirty(&settings_key);
        let Held {
            cases,
            clauses,
            reflections,
            settings,
            hashes,
        } = &mut self.held;
        let mut out = Vec::new();
        let mut add = |key: String, record: &dyn Fn() -> AnyRecord| {
            let h = match hashes.get(&key) {
                Some(h) => h.clone(),
                None => {
                    let h = hash(&record().encode());
                    hashes.insert(key.clone(), h.clone());
                    h
                }
            };
            out.push((key, h));
        };
        for r in cases.values() {
            add(record_key(Kind::Case, &r.id), &|| {
                AnyRecord::Case(r.clone())
            });
        }
        for r in clauses.values() {
            add(record_key(Kind::Clause, &r.id), &|| {
                AnyRecord::Clause(r.clone())
            });
        }
        for r in reflections.values() {
            add(record_key(Kind::Reflection, &r.id), &|| {
                AnyRecord::Reflection(r.clone())
            });
        }
        if let Some(r) = settings.as_ref().filter(|_| stored_settings) {
            add(settings_key, &|| AnyRecord::Settings(r.clone()));
        }
        out
    }

    /// The stored text of one live record.
    pub fn text_of(&self, key: &str) -> Option<String> {
        self.held.get(key).map(|r| r.encode())
    }

    /// A record written by a newer version of Mend: kept untouched (this version must not
    /// write over it), listed once. Ours leaves memory; if it had changed, it stays as a copy.
    fn keep_newer(&mut self, key: &str, raw: String, reason: String, ours_changed: bool, now: i64) {
        if let Some(ours) = self.held.get(key).filter(|_| ours_changed) {
            let copy = ours.with_id(self.fresh_id());
            let copy_key = copy.key();
            self.held.put(copy, &mut self.changed);
            self.touch(&copy_key, now);
            self.write(vec![copy_key], now);
        }
        self.queue.forget(key);
        self.held.take(key, &mut self.changed);
        self.newer.retain(|n| n.key != key);
        self.newer.push(NewerRecord {
            key: key.into(),
            raw,
            reason,
        });
        self.changed.aside = true;
    }

    /// Another device's version of a record (`raw`, its stored text), with the same rules as
    /// another tab's; then whatever is here now is written, since no tab wrote it.
    /// `ours_changed`: the record changed here since it was last synced; `synced_settings`:
    /// the settings as last synced (the base for merging them). False when what came could
    /// not be stored here.
    pub fn take_remote(
        &mut self,
        key: &str,
        raw: &str,
        ours_changed: bool,
        synced_settings: Option<&str>,
        now: i64,
    ) -> bool {
        let local = self.held.get(key);
        match reconcile(key, Some(raw), local.as_ref(), ours_changed) {
            Incoming::Upsert(record) => self.held.put(record, &mut self.changed),
            Incoming::Conflict { theirs } => self.keep_theirs_too(theirs, true, now),
            Incoming::Settings(AnyRecord::Settings(theirs)) => {
                let base = match synced_settings.map(decode) {
                    Some(Ok(AnyRecord::Settings(r))) => r.data,
                    _ => Settings::default(),
                };
                self.merge_settings(theirs, base, now)
            }
            Incoming::Newer { raw, reason } => {
                // Kept here as it came, for the version that can read it.
                if write_verified(self.backend.as_mut(), key, &raw).is_err() {
                    return false;
                }
                self.keep_newer(key, raw, reason, ours_changed, now);
                return true;
            }
            _ => return true,
        }
        if self.held.get(key).is_some() {
            self.touch(key, now);
            self.write(vec![key.to_string()], now);
        }
        true
    }

    /// Another device deleted a record: here it goes to the trash (with an offer to undo),
    /// unless it changed here since it was last synced; then ours is kept. False when the
    /// move to the trash failed (the record is still here, as before).
    pub fn removed_remotely(&mut self, key: &str, ours_changed: bool, now: i64) -> bool {
        let Some(ours) = self.held.get(key) else {
            return true;
        };
        if ours_changed {
            self.notify(Notice::KeptAfterDelete {
                title: ours.title(),
            });
            return true;
        }
        match self.delete(ours.kind(), ours.id(), now) {
            Ok(undo) => {
                self.notify(Notice::DeletedElsewhere { undo });
                true
            }
            Err(_) => false,
        }
    }

    /// Keys of records set aside here: unreadable, or from a newer version. They are not
    /// live, but nor were they deleted.
    pub fn aside_keys(&self) -> Vec<&str> {
        let damaged = self.quarantined.iter().map(|q| q.entry.key.as_str());
        damaged
            .chain(self.newer.iter().map(|n| n.key.as_str()))
            .collect()
    }

    fn set_aside(&mut self, key: &str, raw: String, reason: String, now: i64) {
        let q = super::load::set_aside(
            self.backend.as_mut(),
            key.to_string(),
            raw,
            reason,
            now,
            &mut self.new_id,
        );
        self.quarantined.push(q);
        self.changed.aside = true;
    }

    /// Sync refused an older copy of a record from the server: the user hears of it once.
    pub fn refused_older(&mut self, title: String, deleted: bool) {
        let notice = Notice::OlderRefused { title, deleted };
        if !self.notices.contains(&notice) {
            self.notify(notice);
        }
    }

    fn notify(&mut self, notice: Notice) {
        self.notices.push(notice);
        self.changed.notices = true;
    }
}

#[cfg(test)]
mod tests {
    //! Each scenario is a way an earlier build lost or hid work. Two tabs are two workspaces
    //! over one storage; what one writes reaches the other as the browser's storage event
    //! would, when the test delivers it.

    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::store::backend::{MemoryBackend, StorageError};

    /// What a tab wrote (`None`: removed), waiting to reach the others.
    type Outbox = Rc<RefCell<Vec<(String, Option<String>)>>>;

    /// One storage shared by the tabs; each tab's writes wait in its outbox.
    #[derive(Clone)]
    struct Tab {
        disk: Rc<RefCell<MemoryBackend>>,
        outbox: Outbox,
    }

    impl Backend for Tab {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.disk.borrow().get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
            self.disk.borrow_mut().set(key, value)?;
            self.outbox
                .borrow_mut()
                .push((key.into(), Some(value.into())));
            Ok(())
        }
        fn remove(&mut self, key: &str) -> Result<(), StorageError> {
            self.disk.borrow_mut().remove(key)?;
            self.outbox.borrow_mut().push((key.into(), None));
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.disk.borrow().keys()
        }
    }

    struct World {
        disk: Rc<RefCell<MemoryBackend>>,
        tabs: Vec<(Workspace, Tab)>,
    }

    fn ids(prefix: &'static str) -> Box<dyn FnMut() -> String> {
        let mut n = 0;
        Box::new(move || {
            n += 1;
            format!("{prefix}{n:015}")
        })
    }

    const PREFIXES: [&str; 2] = ["a", "b"];

    impl World {
        /// `n` tabs over one storage holding `records`.
        fn new(n: usize, records: &[AnyRecord]) -> World {
            let disk = Rc::new(RefCell::new(MemoryBackend::new()));
            for r in records {
                disk.borrow_mut().plant(&r.key(), &r.encode());
            }
            let tabs = (0..n)
                .map(|i| {
                    let tab = Tab {
                        disk: disk.clone(),
                        outbox: Rc::default(),
                    };
                    let ws = Workspace::open(Box::new(tab.clone()), 0, ids(PREFIXES[i])).unwrap();
                    (ws, tab)
                })
                .collect();
            World { disk, tabs }
        }

        fn ws(&mut self, i: usize) -> &mut Workspace {
            &mut self.tabs[i].0
        }

        /// Hands tab `from`'s writes so far to tab `to`, as storage events.
        fn deliver(&mut self, from: usize, to: usize, now: i64) {
            let events: Vec<_> = self.tabs[from].1.outbox.borrow_mut().drain(..).collect();
            for (key, value) in events {
                self.tabs[to].0.incoming(&key, value.as_deref(), now);
            }
        }

        fn stored(&self, key: &str) -> Option<AnyRecord> {
            let raw = self.disk.borrow().get(key).unwrap()?;
            crate::store::record::decode(&raw).ok()
        }

        fn client_on_disk(&self, id: &str) -> Option<String> {
            match self.stored(&record_key(Kind::Case, id))? {
                AnyRecord::Case(r) => Some(r.data.client.name),
                _ => None,
            }
        }
    }

    fn case(id: &str, client: &str) -> AnyRecord {
        AnyRecord::Case(Record::new(id.into(), 1, Case::for_client(client)))
    }

    fn client(ws: &Workspace, id: &str) -> Option<String> {
        ws.held().cases.get(id).map(|r| r.data.client.name.clone())
    }

    fn rename(ws: &mut Workspace, id: &str, name: &str, now: i64) {
        assert!(ws.update::<Case>(id, now, |c| c.client.name = name.into()));
    }

    /// Every client name held in memory, sorted.
    fn clients(ws: &Workspace) -> Vec<String> {
        let mut names: Vec<String> = ws
            .held()
            .cases
            .values()
            .map(|r| r.data.client.name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_stale_undo_after_restore_and_edit_changes_nothing() {
        let mut w = World::new(1, &[case("x", "Dana")]);
        let ws = w.ws(0);
        let undo = ws.delete(Kind::Case, "x", 10).unwrap();
        ws.restore(&undo.trash_key).unwrap();
        rename(ws, "x", "Dana, edited after the restore", 20);
        ws.flush_all(30);
        assert!(!ws.undo_applies(&undo), "the offer goes away");
        assert!(ws.undo(&undo).is_err(), "and says why if pressed");
        assert_eq!(client(ws, "x").unwrap(), "Dana, edited after the restore");
        assert_eq!(
            w.client_on_disk("x").unwrap(),
            "Dana, edited after the restore"
        );
    }

    /// Tab a deletes "x" while tab b has unsaved changes to it: b keeps it, writes it back,
    /// and a sees it back.
    fn deleted_in_a_while_edited_in_b() -> (World, Undo) {
        let mut w = World::new(2, &[case("x", "Dana")]);
        rename(w.ws(1), "x", "Dana, edited in b", 5);
        let undo = w.ws(0).delete(Kind::Case, "x", 10).unwrap();
        w.deliver(0, 1, 11);
        w.ws(1).flush_all(12);
        w.deliver(1, 0, 13);
        (w, undo)
    }

    #[test]
    fn a_record_from_a_newer_version_in_another_tab_is_never_written_over() {
        let mut w = World::new(2, &[case("x", "Dana")]);
        rename(w.ws(1), "x", "Dana, edited in b", 5);
        // Tab a runs a newer Mend and rewrites the case in a format b cannot read.
        let mut newer: serde_json::Value =
            serde_json::from_str(&case("x", "Dana").encode()).unwrap();
        newer["v"] = 99.into();
        let newer = newer.to_string();
        w.disk.borrow_mut().plant("mend:case:x", &newer);
        w.ws(1).incoming("mend:case:x", Some(&newer), 6);
        w.ws(1).flush_all(7);
        assert_eq!(w.disk.borrow().get("mend:case:x").unwrap().unwrap(), newer);
        assert_eq!(client(w.ws(1), "x"), None, "b keeps its hands off it");
        assert_eq!(
            clients(w.ws(1)),
            vec!["Dana, edited in b"],
            "b's edit, kept as a copy"
        );
        assert_eq!(w.ws(1).newer().len(), 1);
    }

    #[test]
    fn restoring_over_a_live_record_asks_and_never_overwrites_it() {
        let (mut w, undo) = deleted_in_a_while_edited_in_b();
        assert_eq!(client(w.ws(0), "x").unwrap(), "Dana, edited in b");

        let before = w.disk.borrow().snapshot();
        let asked = w.ws(0).restore(&undo.trash_key);
        assert!(matches!(asked, Err(RestoreError::Live { .. })), "{asked:?}");
        assert_eq!(w.disk.borrow().snapshot(), before, "nothing changed");

        // Keep both: the trashed copy comes back under a new id.
        w.ws(0)
            .restore_as(&undo.trash_key, Restore::KeepBoth, 20)
            .unwrap();
        assert_eq!(clients(w.ws(0)), vec!["Dana", "Dana, edited in b"]);
        assert_eq!(w.client_on_disk("x").unwrap(), "Dana, edited in b");
        assert!(w.ws(0).trash().is_empty());
    }

    #[test]
    fn replacing_a_live_record_from_the_trash_puts_the_live_one_in_the_trash() {
        let (mut w, undo) = deleted_in_a_while_edited_in_b();
        w.ws(0)
            .restore_as(&undo.trash_key, Restore::Replace, 20)
            .unwrap();
        assert_eq!(w.client_on_disk("x").unwrap(), "Dana");
        let trashed: Vec<String> = w.ws(0).trash().iter().map(|t| t.record.title()).collect();
        assert_eq!(trashed, vec!["Dana, edited in b"]);
    }

    #[test]
    fn the_same_record_edited_in_two_tabs_keeps_both_versions() {
        let mut w = World::new(2, &[case("x", "Dana")]);
        rename(w.ws(0), "x", "Dana, by a", 10);
        rename(w.ws(1), "x", "Dana, by b", 11);
        w.ws(0).flush_all(500);
        w.deliver(0, 1, 501);
        assert_eq!(
            client(w.ws(1), "x").unwrap(),
            "Dana, by b",
            "b keeps its own"
        );
        assert!(matches!(w.ws(1).notices(), [Notice::Conflict { .. }]));
        w.ws(1).flush_all(600);
        w.deliver(1, 0, 601);
        let both = vec!["Dana, by a".to_string(), "Dana, by b".to_string()];
        assert_eq!(clients(w.ws(0)), both);
        assert_eq!(clients(w.ws(1)), both);
        let on_disk: Vec<String> = w
            .disk
            .borrow()
            .keys()
            .unwrap()
            .iter()
            .filter_map(|k| k.strip_prefix("mend:case:").map(str::to_string))
            .filter_map(|id| w.client_on_disk(&id))
            .collect();
        assert_eq!(on_disk.len(), 2);
        assert!(both.iter().all(|c| on_disk.contains(c)));
    }

    #[test]
    fn settings_changed_in_two_tabs_keep_both_changes() {
        let mut w = World::new(2, &[]);
        w.ws(0).update_settings(10, |s| s.currency = "EUR".into());
        w.ws(1)
            .update_settings(11, |s| s.dismissed_nudges.push("case1".into()));
        w.ws(1).flush_all(500);
        w.deliver(1, 0, 501);
        w.ws(0).flush_all(600);
        w.deliver(0, 1, 601);
        for i in 0..2 {
            let s = w.ws(i).settings();
            assert_eq!(s.currency, "EUR", "tab {i}");
            assert_eq!(s.dismissed_nudges, vec!["case1"], "tab {i}");
        }
        let Some(AnyRecord::Settings(stored)) = w.stored("mend:settings") else {
            panic!("no settings stored")
        };
        assert_eq!(stored.data.currency, "EUR");
        assert_eq!(stored.data.dismissed_nudges, vec!["case1"]);
    }

    #[test]
    fn an_unreadable_record_from_another_tab_is_set_aside_and_ours_kept() {
        let mut w = World::new(1, &[case("x", "Dana")]);
        let raw = "{\"kind\":\"case\",\"id\":\"x\",\"v\":2,\"da";
        w.disk.borrow_mut().plant("mend:case:x", raw);
        w.ws(0).incoming("mend:case:x", Some(raw), 10);
        assert_eq!(client(w.ws(0), "x").unwrap(), "Dana");
        let aside = w.ws(0).quarantined();
        assert_eq!(aside.len(), 1);
        assert_eq!(aside[0].entry.raw, raw);
        assert_eq!(aside[0].entry.key, "mend:case:x");
        w.ws(0).flush_all(20);
        assert_eq!(
            w.client_on_disk("x").unwrap(),
            "Dana",
            "ours is written back"
        );
    }

    #[test]
    fn a_failed_write_then_another_tabs_write_loses_neither() {
        let mut w = World::new(2, &[case("x", "Dana"), case("y", "Yusuf")]);
        let used = w.disk.borrow().used();
        w.disk.borrow_mut().quota = Some(used);
        rename(w.ws(0), "x", "Dana, typed while full", 10);
        w.ws(0).flush_all(500);
        assert!(matches!(w.ws(0).status(), SaveStatus::NotSaved { .. }));
        w.disk.borrow_mut().quota = None;

        // Another tab writes a different record: simply taken in, no conflict.
        rename(w.ws(1), "y", "Yusuf, by b", 600);
        w.ws(1).flush_all(700);
        w.deliver(1, 0, 701);
        assert_eq!(client(w.ws(0), "y").unwrap(), "Yusuf, by b");
        assert!(w.ws(0).notices().is_empty());
        assert!(matches!(w.ws(0).status(), SaveStatus::NotSaved { .. }));

        // Then the same record: both versions are kept.
        rename(w.ws(1), "x", "Dana, by b", 800);
        w.ws(1).flush_all(900);
        w.deliver(1, 0, 901);
        assert_eq!(client(w.ws(0), "x").unwrap(), "Dana, typed while full");
        assert!(clients(w.ws(0)).contains(&"Dana, by b".to_string()));
        w.ws(0).flush_all(1000);
        assert!(matches!(w.ws(0).status(), SaveStatus::Saved { .. }));
        assert_eq!(w.client_on_disk("x").unwrap(), "Dana, typed while full");
    }

    #[test]
    fn delete_here_edit_there_then_undo_here_keeps_the_edit() {
        let mut w = World::new(2, &[case("x", "Dana")]);
        rename(w.ws(1), "x", "Dana, edited in b", 5);
        let undo = w.ws(0).delete(Kind::Case, "x", 10).unwrap();
        w.deliver(0, 1, 11);
        assert!(matches!(
            w.ws(1).notices(),
            [Notice::KeptAfterDelete { .. }]
        ));
        w.ws(1).flush_all(12);
        w.deliver(1, 0, 13);
        assert!(!w.ws(0).undo_applies(&undo));
        assert!(w.ws(0).undo(&undo).is_err());
        assert_eq!(client(w.ws(0), "x").unwrap(), "Dana, edited in b");
        assert_eq!(w.client_on_disk("x").unwrap(), "Dana, edited in b");
    }

    #[test]
    fn an_undo_that_still_applies_brings_the_record_back() {
        let mut w = World::new(2, &[case("x", "Dana")]);
        let undo = w.ws(0).delete(Kind::Case, "x", 10).unwrap();
        assert!(w.ws(0).undo_applies(&undo));
        w.ws(0).undo(&undo).unwrap();
        assert_eq!(client(w.ws(0), "x").unwrap(), "Dana");
        assert!(w.ws(0).trash().is_empty());
        w.deliver(0, 1, 21);
        assert_eq!(client(w.ws(1), "x").unwrap(), "Dana");
        assert!(w.ws(1).trash().is_empty());
    }
}
