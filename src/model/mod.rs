//! Pure domain: types, rules and calculations. No web types, no Leptos; tested natively.

pub mod b64;
pub mod calendar;
pub mod case;
pub mod clause;
pub mod counsel;
pub mod date;
pub mod drafts;
pub mod example;
pub mod figure;
pub mod guidance;
pub mod history;
pub mod json;
pub mod locale;
pub mod money;
pub mod numbers;
pub mod order;
pub mod record;
pub mod reflection;
pub mod sample;
pub mod settings;
pub mod stage;
pub mod text;
pub mod trends;
pub mod worksheet;

pub use case::Case;
pub use clause::Clause;
pub use date::Date;
pub use record::{Record, new_id};
pub use settings::Settings;
pub use stage::Stage;
