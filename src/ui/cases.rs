//! The cases list and a case's screen.

use leptos::prelude::*;

use super::state::use_app;
use super::{go, replace};
use crate::model::{Case, Stage};
use crate::route::Route;
use crate::store::record::Kind;

#[component]
pub fn CasesList() -> impl IntoView {
    let app = use_app();
    let cases = Memo::new(move |_| {
        let mut list: Vec<(String, String, i64)> = app.cases.with(|m| {
            m.values()
                .map(|r| (r.id.clone(), r.data.title(), r.updated))
                .collect()
        });
        list.sort_by_key(|c| std::cmp::Reverse(c.2));
        list
    });
    view! {
        <h1 tabindex="-1">"Cases"</h1>
        <p>
            <a class="button primary" href=Route::NewCase.to_fragment()>"New case"</a>
        </p>
        <Show
            when=move || !cases.read().is_empty()
            fallback=|| view! { <p class="muted">"No cases yet."</p> }
        >
            <ul class="case-list">
                <For each=move || cases.get() key=|c| c.clone() let((id, title, _))>
                    <li>
                        <a href=Route::Case { id, stage: Stage::Case }.to_fragment()>{title}</a>
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// `#/cases/new`: creates a case and moves to it, replacing the address so a reload does
/// not create another.
#[component]
pub fn NewCase() -> impl IntoView {
    let app = use_app();
    let id = app.create_case(Case::default());
    // After this render: switching screens from inside a render is not allowed.
    queue_microtask(move || {
        replace(&Route::Case {
            id,
            stage: Stage::Case,
        })
    });
    view! { <h1 tabindex="-1">"New case"</h1> }
}

#[component]
pub fn CaseScreen(id: String) -> impl IntoView {
    let app = use_app();
    let exists = {
        let id = id.clone();
        move || app.cases.with(|m| m.contains_key(&id))
    };
    let missing = view! {
        <h1 tabindex="-1">"Case not found"</h1>
        <p>"This case is not here. It may have been deleted; look in the trash on the Backup screen."</p>
        <p>
            <a class="button" href=Route::Cases.to_fragment()>"Back to cases"</a>
        </p>
    };
    view! {
        <Show when=exists.clone() fallback=move || missing.clone()>
            <CaseForm id=id.clone()/>
        </Show>
    }
}

#[component]
fn CaseForm(id: String) -> impl IntoView {
    let app = use_app();
    let read = {
        let id = id.clone();
        move |f: fn(&Case) -> String| {
            let id = id.clone();
            move || {
                app.cases
                    .with(|m| m.get(&id).map(|r| f(&r.data)).unwrap_or_default())
            }
        }
    };
    let write = {
        let id = id.clone();
        move |f: fn(&mut Case, String)| {
            let id = id.clone();
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                app.update_case(&id, |c| f(c, value));
            }
        }
    };
    let title = read(|c| c.title());
    let delete_id = id.clone();
    view! {
        <h1 tabindex="-1">{title}</h1>
        <div class="field">
            <label for="client">"Client"</label>
            <input
                id="client"
                type="text"
                autocomplete="off"
                prop:value=read(|c| c.client.clone())
                on:input=write(|c, v| c.client = v)
            />
        </div>
        <div class="field">
            <label for="summary">"What is the dispute about?"</label>
            <textarea
                id="summary"
                rows="4"
                prop:value=read(|c| c.summary.clone())
                on:input=write(|c, v| c.summary = v)
            ></textarea>
        </div>
        <p>
            <button
                type="button"
                class="danger"
                on:click=move |_| {
                    app.delete(Kind::Case, &delete_id);
                    go(&Route::Cases);
                }
            >
                "Delete case"
            </button>
        </p>
    }
}
