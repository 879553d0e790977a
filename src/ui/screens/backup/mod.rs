//! Backup: health, export, import, the trash and what was set aside.

pub mod aside;
pub mod import;

use crate::model::date::days_ago;
use crate::model::date::{MS_PER_DAY, human_time};
use crate::route::Route;
use crate::store::health::QUOTA_UNITS;
use crate::store::local;
use crate::ui::browser::time::{local_offset_minutes, now_ms};
use crate::ui::kit::export::{export_button, export_nudge_view};
use crate::ui::kit::{button, card, dyn_text, el, heading, link, para, when};
use crate::ui::screens::backup::aside::{set_aside, trash};
use crate::ui::screens::backup::import::import;
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

fn at(ms: i64) -> String {
    human_time(ms, local_offset_minutes())
}

pub fn backup_screen() -> AnyView {
    let app = use_app();
    vec![
        heading("Backup"),
        para(
            "lede",
            "Your cases live only in this browser, on this device. Clearing browsing data, a browser reset or a lost phone deletes them. A backup file is the copy that survives that.",
        ),
        health(app),
        el("p")
            .child(link(Route::Sync.to_fragment(), "Sync between your devices", "button"))
            .into_any(),
        import(app),
        trash(app),
        set_aside(app),
    ]
    .into_any()
}

/// Tenths, as text: `12.5`. Integer arithmetic keeps float formatting out of the wasm.
fn tenths(numerator: u64, denominator: u64) -> String {
    let t = (numerator * 10 + denominator / 2) / denominator.max(1);
    format!("{}.{}", t / 10, t % 10)
}

fn health(app: AppState) -> AnyView {
    let persisted = RwSignal::new(None::<bool>);
    spawn_local(async move { persisted.set(local::persisted().await) });
    // Recomputed when records change; reading every key is cheap next to a render.
    let used = Memo::new(move |_| app.units_used());
    let last_export = dyn_text(move || {
        app.settings().last_export.map_or_else(
            || "Never".to_string(),
            |ms| {
                format!(
                    "{} ({})",
                    at(ms),
                    days_ago(((now_ms() - ms) / MS_PER_DAY) as i32)
                )
            },
        )
    });
    let fact = |term: &'static str, value: AnyView| {
        vec![
            el("dt").child(term).into_any(),
            el("dd").child(value).into_any(),
        ]
    };
    let mut facts = fact("Last backup file", last_export);
    facts.extend(fact(
        "Cases stored",
        dyn_text(move || app.cases(|m| m.len()).to_string()),
    ));
    facts.extend(fact("Space used", space_used(used)));
    facts.extend(fact(
        "Kept by the browser",
        dyn_text(move || kept_text(persisted.get()).into()),
    ));
    card("card", "health-h", "Backup health")
        .child(export_nudge_view(false))
        .child(el("dl").class("facts").children(facts).into_any())
        .child(ask_to_keep(persisted))
        .child(crate::ui::kit::install::install_offer())
        .child(el("p").child(export_button(true)).into_any())
        .into_any()
}

/// The space used, as a meter and in figures.
fn space_used(used: Memo<usize>) -> AnyView {
    let meter = el("meter")
        .attr("min", "0")
        .attr("max", QUOTA_UNITS.to_string())
        .attr("high", (QUOTA_UNITS / 5 * 4).to_string())
        .attr("value", move || Some(used.get().to_string()))
        .attr("aria-label", "Space used")
        .into_any();
    let space = dyn_text(move || {
        let u = used.get() as u64;
        format!(
            "{} KB of about 5 MB ({}%)",
            tenths(u, 1024),
            tenths(u * 100, QUOTA_UNITS as u64)
        )
    });
    vec![meter, " ".into_any(), space].into_any()
}

/// Whether the browser promised to keep the data, in words.
fn kept_text(persisted: Option<bool>) -> &'static str {
    match persisted {
        Some(true) => "Yes: the browser has agreed not to clear Mend's data when space runs low.",
        Some(false) => {
            "Not promised: the browser may clear Mend's data if the device runs low on space."
        }
        None => "This browser does not say.",
    }
}

/// When the browser has not promised to keep the data: ask it, and say what it answered.
fn ask_to_keep(persisted: RwSignal<Option<bool>>) -> AnyView {
    let asked = RwSignal::new(false);
    when(
        move || persisted.get() == Some(false),
        move || {
            vec![
                el("p")
                    .child(button("Ask the browser to keep Mend's data", "", None, ask_persist(asked, persisted)))
                    .into_any(),
                when(move || asked.get(), || {
                    para(
                        "muted",
                        "The browser said no for now. Browsers decide this themselves, often based on how much you use a site; installing Mend as an app usually helps. Regular backup files are the sure way.",
                    )
                }),
            ]
            .into_any()
        },
    )
}

/// Asks the browser to keep Mend's data, and shows its answer.
fn ask_persist(
    asked: RwSignal<bool>,
    persisted: RwSignal<Option<bool>>,
) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |_| {
        asked.set(true);
        spawn_local(async move { persisted.set(local::persist().await) });
    }
}
