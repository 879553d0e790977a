//! The screens most visits never open, loaded when one is first opened (kit::lazy).

use crate::route::PrintView;
use crate::ui::kit::lazy::lazy_view;
use crate::ui::screens;
use leptos::prelude::*;

lazy_view!(Screen later, trends_split, pub trends() => screens::trends::trends_screen());
lazy_view!(Screen later, backup_split, pub backup() => screens::backup::backup_screen());
lazy_view!(Screen later, sync_split, pub sync() => screens::sync::sync_screen());
lazy_view!(Screen later, print_split, pub print(view: PrintView) => screens::print::print_screen(view));
lazy_view!(Screen later, shared_split, pub shared(payload: String) =>
    screens::share::shared_screen(payload));
lazy_view!(Screen later, clauses_split, pub clauses() => screens::clause::clause_list());
lazy_view!(Screen later, clause_split, pub clause(id: String) => screens::clause::clause_editor(id));
lazy_view!(Screen later, request_split, pub request(clause: String, case: String) =>
    screens::clause::request::request_view(clause, case));
lazy_view!(Screen later, journal_split, pub journal() => screens::journal::journal_screen());
lazy_view!(Screen later, reflection_split, pub new_reflection(case: Option<String>) =>
    screens::journal::new_reflection(case));
lazy_view!(Screen later, entry_split, pub journal_entry(id: String) =>
    screens::journal::entry::entry_screen(id));
