//! What the parts of a case's stages share: money as read, a cost against the limits, and a
//! button that removes a row.

use crate::model::Case;
use crate::model::counsel::CostCheck;
use crate::model::money::format_money;
use crate::model::numbers::figures;
use crate::ui::kit::fields::write_case;
use crate::ui::kit::{button, dyn_view, para};
use leptos::prelude::*;

pub(super) fn money(v: i64, currency: &str) -> String {
    format_money(v, currency)
}

/// A cost checked against the limit and break-even, with a warning when it goes beyond.
pub(super) fn cost_line(of: impl Fn() -> (Case, Option<i64>) + Send + Copy + 'static) -> AnyView {
    dyn_view(move || {
        let (c, cost) = of();
        let Some(cost) = cost else {
            return para(
                "cost",
                "Fill in the figures above to see what it costs you.",
            );
        };
        let f = figures(&c);
        let check = CostCheck::new(cost, &c, &f);
        para(
            if check.warns() { "cost warn" } else { "cost" },
            check.text(&c, &f),
        )
    })
}

/// A "Remove" button that changes the case.
pub(super) fn remove_button(aria: String, change: impl Fn(&mut Case) + Copy + 'static) -> AnyView {
    let write = write_case();
    button("Remove", "danger", Some(aria), move |_| {
        write(Box::new(change))
    })
}
