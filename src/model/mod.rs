//! Pure domain: types, rules and calculations. No web types, no Leptos; tested natively.

pub mod stage;

pub use stage::Stage;
