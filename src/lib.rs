//! Mend: private, offline help for handling an unhappy client.
//!
//! Three layers (see ARCHITECTURE.md): `model` is the pure domain, `store` is the only
//! code that touches storage, and `ui` holds thin Leptos components. `route` maps
//! screens to URL fragments.

pub mod model;
pub mod route;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
