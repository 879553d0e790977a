//! The browser's print dialog.

use leptos::prelude::*;

/// Opens the browser's print dialog; the print stylesheet does the rest.
pub fn print_page() {
    let _ = window().print();
}
