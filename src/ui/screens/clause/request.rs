//! A request for mediation, from a clause and a case.

use crate::model::Clause;
use crate::model::clause::NOT_ADVICE;
use crate::route::Route;
use crate::ui::browser::printing::print_page;
use crate::ui::browser::time::today;
use crate::ui::kit::send::copy_and_share;
use crate::ui::kit::{button, el, heading, link, para, said_line};
use crate::ui::screens::clause::clause_missing;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A request for mediation, drafted from a case and its clause.
pub fn request_view(clause_id: String, case_id: String) -> AnyView {
    let app = use_app();
    let clause = untrack(|| app.list::<Clause, _>(|m| m.get(&clause_id).map(|r| r.data.clone())));
    let case = untrack(|| app.cases(|m| m.get(&case_id).map(|r| r.data.clone())));
    let (Some(clause), Some(case)) = (clause, case) else {
        return clause_missing(
            "Request for mediation",
            "The clause or the case for this request is no longer saved here (it may be in the trash on the Backup screen).",
        );
    };
    let text = clause.request(&case, today());
    let paragraphs: Vec<AnyView> = text
        .split("\n\n")
        .map(|p| el("p").child(p.to_string()).into_any())
        .collect();
    let said = RwSignal::new(String::new());
    let text = StoredValue::new(text);
    vec![
        heading("Request for mediation"),
        para(
            "lede no-print",
            format!(
                "A draft for {}, from the case and the clause \"{}\". Read it through, fill anything in brackets, then send it to the other side (and to the provider, if the clause names one).",
                case.title(),
                clause.title()
            ),
        ),
        para("notice", NOT_ADVICE),
        el("div").class("letter").children(paragraphs).into_any(),
        el("p")
            .class("actions no-print")
            .children(copy_and_share("Copy the request", said, move || {
                ("Request for mediation".into(), text.get_value())
            }))
            .child(button("Print", "", None, |_| print_page()))
            .child(link(Route::ClauseEdit(clause_id).to_fragment(), "Open the clause", "button"))
            .child(link(
                Route::Case {
                    id: case_id,
                    stage: crate::model::Stage::Resolve,
                }
                .to_fragment(),
                "Back to the case",
                "button",
            ))
            .into_any(),
        said_line("no-print", said),
    ]
    .into_any()
}
