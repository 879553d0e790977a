//! The only door to persistence. Filled in by the storage work; the foundation keeps the
//! layer in place so the UI never reaches for `localStorage` directly.
