//! Form fields bound to a record: the screen says which record it edits; a field reads and writes a part of it.

use crate::model::Case;
use crate::store::workspace::Listed;
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;

/// The record a screen edits (provided as context by that screen).
pub struct Editing<T> {
    pub id: StoredValue<String>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for Editing<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Editing<T> {}

/// Says which record the fields below this point edit.
pub fn provide_editing<T: Listed>(id: String) -> Editing<T> {
    let editing = Editing {
        id: StoredValue::new(id),
        kind: PhantomData,
    };
    provide_context(editing);
    editing
}

pub fn editing<T: Listed>() -> Editing<T> {
    expect_context::<Editing<T>>()
}

/// The id of the case being edited.
pub fn use_case_id() -> String {
    editing::<Case>().id.get_value()
}

/// Reads a part of the record being edited, reactively (re-run on every change to a record
/// of its kind: fine for a field's value or a line of text). The record's default when it is
/// gone.
pub fn read<T: Listed, V: Default + 'static>(
    f: impl Fn(&T) -> V + 'static,
) -> impl Fn() -> V + Copy + Send + Sync + 'static {
    read_boxed::<T, V>(Box::new(f))
}

/// A reader whose value type is hidden: it puts what it read into the `Option<V>` it is
/// handed. One type per record type, so the code that stores and calls it compiles once.
type Reader<T> = Box<dyn Fn(&T, &mut dyn Any)>;

/// [`read`], boxed: the reader it gives has one type per record type, not one per caller's
/// closure or value type, so the code for it (and for whatever holds it) is compiled once;
/// per value type there is only the call and the `Option` it fills.
fn read_boxed<T: Listed, V: Default + 'static>(
    f: Box<dyn Fn(&T) -> V>,
) -> impl Fn() -> V + Copy + Send + Sync + 'static {
    let app = use_app();
    let ed = editing::<T>();
    let reader: Reader<T> = Box::new(move |r, out| {
        if let Some(out) = out.downcast_mut::<Option<V>>() {
            *out = Some(f(r));
        }
    });
    let reader = StoredValue::new_local(reader);
    move || {
        let mut value: Option<V> = None;
        read_into(app, ed, reader, &mut value);
        value.unwrap_or_default()
    }
}

/// Runs a [`Reader`] on the record being edited, tracked; not when it is gone. Not generic
/// in what is read, so compiled once per record type.
#[inline(never)]
fn read_into<T: Listed>(
    app: AppState,
    ed: Editing<T>,
    reader: StoredValue<Reader<T>, LocalStorage>,
    out: &mut dyn Any,
) {
    with_record(app, ed, &mut |r| {
        reader.try_with_value(|f| f(r, &mut *out));
    });
}

/// Runs `f` on the record being edited, tracked; not when it is gone. Not generic in what is
/// read, so compiled once per record type.
#[inline(never)]
fn with_record<T: Listed>(app: AppState, ed: Editing<T>, f: &mut dyn FnMut(&T)) {
    app.list::<T, ()>(|m| {
        // `try_`: a field may be read once more while its screen is being taken down.
        ed.id.try_with_value(|id| {
            if let Some(r) = m.get(id) {
                f(&r.data)
            }
        });
    })
}

/// A part of the current case, reactively.
pub fn read_case<V: Default + 'static>(
    f: impl Fn(&Case) -> V + 'static,
) -> impl Fn() -> V + Copy + Send + Sync + 'static {
    read::<Case, V>(f)
}

/// A number that changes only when the *shape* of the record changes (how many rows, which
/// kind). Views holding fields rebuild from it, so typing in a field (which changes the
/// record, but not its shape) never rebuilds, and unfocuses, the field.
pub fn shape<T: Listed>(f: impl Fn(&T) -> u64 + 'static) -> Memo<u64> {
    shape_boxed::<T>(Box::new(f))
}

fn shape_boxed<T: Listed>(f: Box<dyn Fn(&T) -> u64>) -> Memo<u64> {
    let read = read_boxed::<T, u64>(f);
    Memo::new(move |_| read())
}

/// As [`shape`], for the current case.
pub fn shape_of(f: impl Fn(&Case) -> u64 + 'static) -> Memo<u64> {
    shape::<Case>(f)
}

/// A change to a record.
pub type Change<T> = Box<dyn FnOnce(&mut T)>;

/// Changes the record being edited (and queues it to be saved).
pub fn write<T: Listed>() -> impl Fn(Change<T>) + Copy + 'static {
    let app = use_app();
    let ed = editing::<T>();
    move |change| {
        if let Some(id) = ed.id.try_get_value() {
            app.update::<T>(&id, change)
        }
    }
}

/// Changes the current case.
pub fn write_case() -> impl Fn(Change<Case>) + Copy + 'static {
    write::<Case>()
}

/// A part of a record, bound for a field: how to read it (reactively) and how to write it.
/// Boxed, so every input below is compiled once, whatever record it edits.
pub struct Bind<V: 'static> {
    pub(super) get: StoredValue<Box<dyn Fn() -> V>, LocalStorage>,
    pub(super) set: StoredValue<Box<dyn Fn(V)>, LocalStorage>,
}

impl<V> Clone for Bind<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for Bind<V> {}

impl<V: Default + 'static> Bind<V> {
    pub fn get(&self) -> V {
        self.get.try_with_value(|f| f()).unwrap_or_default()
    }

    pub fn set(&self, value: V) {
        self.set.try_with_value(|f| f(value));
    }
}

/// Writes a part of a record.
type Setter<T, V> = Box<dyn Fn(&mut T, V)>;

/// Binds a part of the record being edited.
pub fn bind<T: Listed, V: Default + 'static>(
    get: impl Fn(&T) -> V + 'static,
    set: impl Fn(&mut T, V) + 'static,
) -> Bind<V> {
    bind_boxed::<T, V>(Box::new(get), Box::new(set))
}

/// [`bind`], boxed: compiled once per record and value type, not once per field.
fn bind_boxed<T: Listed, V: Default + 'static>(
    get: Box<dyn Fn(&T) -> V>,
    set: Setter<T, V>,
) -> Bind<V> {
    let read = read_boxed::<T, V>(get);
    let write = write::<T>();
    let set = StoredValue::new_local(set);
    Bind {
        get: StoredValue::new_local(Box::new(read)),
        set: StoredValue::new_local(Box::new(move |v: V| {
            write(Box::new(move |r| {
                set.try_with_value(|s| s(r, v));
            }))
        })),
    }
}

/// Binds a part of the current case.
pub fn bind_case<V: Default + 'static>(
    get: impl Fn(&Case) -> V + 'static,
    set: impl Fn(&mut Case, V) + 'static,
) -> Bind<V> {
    bind::<Case, V>(get, set)
}
