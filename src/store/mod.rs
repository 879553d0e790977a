//! The only door to persistence. One key per record under `mend:`, each a versioned
//! envelope; every write verified by reading it back; damaged values set aside, never
//! dropped; deletions go to a trash; backups are checksummed and merged, never blindly
//! replaced. The logic here is tested natively against [`backend::MemoryBackend`], whose
//! faults reproduce the ways browsers lose data. `local` is the localStorage backend.

pub mod backend;
pub mod backup;
pub mod health;
pub mod load;
pub mod reconcile;
pub mod record;
pub mod save;
pub mod share;
pub mod sync;
pub mod trash;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod local;

pub use backend::{Backend, MemoryBackend, StorageError};
pub use record::{AnyRecord, Kind};
pub use save::{SaveError, SaveQueue, SaveStatus};
