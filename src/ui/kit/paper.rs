//! A filled case on paper, as printed or previewed from a link.

use crate::model::Case;
use crate::model::Stage;
use crate::model::worksheet::{Block, blocks, widget_answer};
use crate::ui::kit::el;
use leptos::prelude::*;

/// Every answer of a case, stage by stage, read-only.
pub fn case_sheet(case: &Case) -> AnyView {
    let stages: Vec<AnyView> = Stage::questions()
        .iter()
        .map(|s| {
            let rows: Vec<AnyView> = blocks(*s)
                .iter()
                .filter_map(|b| {
                    let (label, answer) = match b {
                        Block::Q(q) => (q.label, q.field.answer(case)),
                        Block::W(w) => (w.title(), Some(widget_answer(*w, case)?)),
                    };
                    let answer = match answer {
                        Some(a) => el("dd").child(a).into_any(),
                        None => el("dd").class("muted").child("—").into_any(),
                    };
                    Some(
                        el("div")
                            .child(el("dt").child(label).into_any())
                            .child(answer)
                            .into_any(),
                    )
                })
                .collect();
            stage_section(
                *s,
                vec![el("dl").class("answers").children(rows).into_any()],
            )
        })
        .collect();
    el("div").class("case-sheet").children(stages).into_any()
}

/// One stage of a worksheet on paper: its numbered heading, then what it holds.
pub fn stage_section(stage: Stage, body: Vec<AnyView>) -> AnyView {
    el("section")
        .class("sheet-stage")
        .child(el("h2").child(stage.heading()).into_any())
        .children(body)
        .into_any()
}
