//! One file per browser capability the app uses, so each is written once.

pub mod bytes;
pub mod clipboard;
pub mod download;
pub mod locale;
pub mod nav;
pub mod online;
pub mod printing;
pub mod pwa;
pub mod share;
pub mod time;
pub mod visibility;
