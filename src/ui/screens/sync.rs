//! Sync on the page: the browser's side of `store::sync` (requests and crypto through
//! `public/pwa/sync.js`, loaded only once sync is on), the loop that keeps devices in step
//! while the page is visible and online, and the Sync screen.

use crate::model::date::human_time;
use crate::store::save::SaveStatus;
use crate::store::sync::{
    Config, Host, NetError, Refused, Reply, SyncError, change_passphrase, connect, forget,
    load_config, load_meta, passphrase_problem, retry_after, rotate_key, round, save_config,
    unreadable_message, waiting,
};
use crate::store::workspace::Workspace;
use crate::ui::browser::online::is_online;
use crate::ui::browser::time::{local_offset_minutes, now_ms};
use crate::ui::browser::visibility::{on_visibility_change, page_visible};
use crate::ui::kit::lazy::Missing;
use crate::ui::kit::{button, card, dyn_text, dyn_view, el, heading, para, said_line, text_list};
use crate::ui::state::{AppState, use_app};
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};

/// Calls `window.mendSync[name](…args)`, loading sync.js first if needed.
async fn js(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let w: JsValue = window().into();
    if !Reflect::has(&w, &"mendSync".into()).unwrap_or(false) {
        let load: Function = Reflect::get(&w, &"mendLoadSync".into())?.dyn_into()?;
        JsFuture::from(Promise::from(load.call0(&w)?)).await?;
    }
    let sync = Reflect::get(&w, &"mendSync".into())?;
    let f: Function = Reflect::get(&sync, &name.into())?.dyn_into()?;
    let out = f.apply(&sync, &args.iter().collect::<js_sys::Array>())?;
    match out.dyn_ref::<Promise>() {
        Some(p) => JsFuture::from(p.clone()).await,
        None => Ok(out),
    }
}

fn text(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// The page as the sync engine's host.
struct Web(AppState);

impl Host for Web {
    async fn send(
        &self,
        cfg: &Config,
        method: &'static str,
        path: &str,
        body: Option<String>,
    ) -> Result<Reply, NetError> {
        let url = match path {
            "" => cfg.base(),
            path => format!("{}/{path}", cfg.base()),
        };
        let wait = path.contains("feed=longpoll");
        let args = [
            text(&url),
            text(method),
            text(&cfg.user),
            text(&cfg.password),
            body.map_or(JsValue::NULL, |b| text(&b)),
            JsValue::from_bool(wait),
        ];
        match js("request", &args).await {
            Ok(answer) => {
                let v: serde_json::Value =
                    serde_json::from_str(&answer.as_string().unwrap_or_default())
                        .unwrap_or_default();
                Ok(Reply {
                    status: v["status"].as_u64().unwrap_or(0) as u16,
                    body: v["body"].as_str().unwrap_or("").into(),
                })
            }
            Err(e) => Err(match e.as_string().as_deref() {
                Some("cors") => NetError::Cors,
                Some("stopped") => NetError::Stopped,
                _ => NetError::Unreachable,
            }),
        }
    }

    async fn crypto(&self, op: &'static str, args: &[&str]) -> Option<String> {
        let args: Vec<JsValue> = args.iter().map(|a| text(a)).collect();
        js(op, &args).await.ok()?.as_string()
    }

    fn with_ws<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> R {
        self.0.with_workspace(f)
    }

    fn now(&self) -> i64 {
        now_ms()
    }
}

/// What the Sync screen shows.
#[derive(Clone, Debug, Default, PartialEq)]
struct SyncState {
    /// Sync is on, with this server and database.
    on: Option<String>,
    last: Option<i64>,
    waiting: usize,
    error: Option<String>,
    /// What the server would not take in the last round, in plain words.
    refused: Vec<String>,
    /// Documents on the server this device cannot open.
    unreadable: usize,
    running: bool,
}

#[derive(Clone, Copy)]
struct SyncCtx(RwSignal<SyncState>);

/// Waits `ms` without blocking the page.
async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(p).await;
}

fn visible_and_online() -> bool {
    page_visible() && is_online()
}

/// Starts sync (if it is on) and keeps the page's part of it: a change here or the page being
/// hidden stops the long poll, so the loop sends at once or pauses.
pub fn start(app: AppState) {
    let state = RwSignal::new(SyncState::default());
    provide_context(SyncCtx(state));
    refresh(app, state, None);
    // A save here, or the page going out of view: stop waiting on the server.
    Effect::new(move |_| {
        if matches!(app.status(), SaveStatus::Saved { .. }) {
            js_stop();
        }
    });
    on_visibility_change(move |_| js_stop());
    if app.with_workspace(|w| load_config(w.backend())).is_some() {
        spawn_local(async move {
            if resume(app, state).await.is_err() {
                state.update(|s| s.error = Some(NOT_LOADED.into()));
            }
        });
    }
}

const NOT_LOADED: &str = "Sync is on, but Mend could not load its sync part. Reload Mend to sync; \
                          your cases are safe on this device.";

// The loop and the engine are in the part loaded when first needed (kit::lazy): a device
// without sync never needs them at start-up.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn resume(app: AppState, state: RwSignal<SyncState>) -> Result<(), Missing> {
    refresh(app, state, None);
    run(app, state);
    Ok(())
}

fn js_stop() {
    if Reflect::has(&window(), &"mendSync".into()).unwrap_or(false) {
        spawn_local(async {
            let _ = js("stop", &[]).await;
        });
    }
}

/// Reads sync's settings and state into the signal, with an error when there is one.
fn refresh(app: AppState, state: RwSignal<SyncState>, error: Option<String>) {
    let (cfg, last, count) = app.with_workspace(|w| {
        let cfg = load_config(w.backend());
        let meta = load_meta(w.backend());
        let count = cfg.as_ref().map_or(0, |c| waiting(w, c, &meta));
        (cfg, meta.last_synced, count)
    });
    state.update(|s| {
        s.on = cfg.map(|c| c.base());
        s.last = last;
        s.waiting = count;
        s.error = error;
        if s.on.is_none() {
            s.refused.clear();
            s.unreadable = 0;
        }
    });
}

/// The loop: a round, then a long poll while the page is visible and online; a pause when it
/// is not, or after an error. It ends when sync is turned off.
fn run(app: AppState, state: RwSignal<SyncState>) {
    if state.get_untracked().running {
        return;
    }
    state.update(|s| s.running = true);
    spawn_local(async move {
        let host = Web(app);
        let mut wait = false;
        let mut failures = 0;
        while let Some(cfg) = app.with_workspace(|w| load_config(w.backend())) {
            if !visible_and_online() {
                sleep(2000).await;
                wait = false;
                continue;
            }
            let turn = js("lock", &[]).await.ok();
            // Read again once it is this tab's turn: a new key may have been made meanwhile.
            let cfg = app
                .with_workspace(|w| load_config(w.backend()))
                .unwrap_or(cfg);
            let result = round(&host, &cfg, wait).await;
            end_turn(turn);
            let error = result.as_ref().err().map(SyncError::to_string);
            // Records the server refused wait for the next long poll, not the next second.
            wait = result.as_ref().is_ok_and(|r| r.waiting <= r.refused.len());
            refresh(app, state, error);
            if let Ok(r) = &result {
                let refused = r.refused.iter().map(Refused::message).collect();
                state.update(|s| {
                    s.refused = refused;
                    s.unreadable = r.unreadable;
                });
            }
            // After an error, a pause before trying again, longer after each; with changes
            // still to send, a short one; otherwise straight into the long poll.
            failures = if result.is_err() { failures + 1 } else { 0 };
            match (&result, wait) {
                (Err(_), _) => sleep(retry_after(failures, js_sys::Math::random()) as i32).await,
                (Ok(_), false) => sleep(1000).await,
                _ => {}
            }
        }
        state.update(|s| s.running = false);
    });
}

/// Ends this tab's turn to sync (see `lock` in sync.js).
fn end_turn(turn: Option<JsValue>) {
    if let Some(end) = turn.and_then(|t| t.dyn_into::<Function>().ok()) {
        let _ = end.call0(&JsValue::NULL);
    }
}

fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> AnyView {
    el("div")
        .class("field")
        .child(el("label").attr("for", id).child(label).into_any())
        .child(
            el("input")
                .attr("id", id)
                .attr("type", kind)
                .attr("autocomplete", "off")
                .prop("value", move || value.get())
                .on_input(move |ev| value.set(event_target_value(&ev)))
                .into_any(),
        )
        .into_any()
}

pub fn sync_screen() -> AnyView {
    let app = use_app();
    let state = expect_context::<SyncCtx>().0;
    let on = Memo::new(move |_| state.with(|s| s.on.clone()));
    vec![
        heading("Sync between devices"),
        para(
            "lede",
            "Keep your cases on your phone and your laptop, through a CouchDB server you run or rent. Everything is encrypted here before it leaves: the server never sees a name, an amount or a word you typed. Nothing is sent anywhere until you turn sync on.",
        ),
        // Only turning sync on or off changes the card: each round's news must not rebuild
        // it (and empty a passphrase being typed).
        dyn_view(move || match on.get() {
            Some(on) => status_card(app, state, on),
            None => setup_card(app, state),
        }),
        help(),
    ]
    .into_any()
}

/// The records the server would not take, by name, with what to do.
fn refused_list(state: RwSignal<SyncState>) -> AnyView {
    let refused = Memo::new(move |_| state.with(|s| s.refused.clone()));
    dyn_view(move || {
        let list = refused.get();
        if list.is_empty() {
            return ().into_any();
        }
        el("div")
            .class("banner warn")
            .child(para(
                "",
                "The server did not take these records this time. Everything else keeps syncing:",
            ))
            .child(text_list("", list))
            .into_any()
    })
}

fn status_card(app: AppState, state: RwSignal<SyncState>, on: String) -> AnyView {
    let offset = local_offset_minutes();
    let line = dyn_text(move || {
        let s = state.get();
        let last = s.last.map_or("not yet".into(), |t| human_time(t, offset));
        match s.waiting {
            0 => format!("Last synced: {last}. Nothing waiting."),
            1 => format!("Last synced: {last}. 1 change waiting to be sent."),
            n => format!("Last synced: {last}. {n} changes waiting to be sent."),
        }
    });
    let current = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let said = RwSignal::new(String::new());
    let change = move |_| {
        let (now, p) = (current.get_untracked(), pass.get_untracked());
        if let Some(problem) = passphrase_problem(&p) {
            return said.set(problem.into());
        }
        spawn_local(async move {
            let Some(cfg) = app.with_workspace(|w| load_config(w.backend())) else {
                return;
            };
            said.set(match change_passphrase(&Web(app), &cfg, &now, &p).await {
                Ok(()) => "Passphrase changed. Your other devices keep syncing; a new device needs the new one.".into(),
                Err(SyncError::WrongPassphrase) => "That is not the current passphrase. Nothing was changed.".into(),
                Err(e) => e.to_string(),
            });
            current.set(String::new());
            pass.set(String::new());
        });
    };
    let new_key = move |_| {
        let now = current.get_untracked();
        said.set("Sealing every record under a new key…".into());
        spawn_local(async move {
            let Some(cfg) = app.with_workspace(|w| load_config(w.backend())) else {
                return;
            };
            // This tab's turn, with no round under way: none may write under the old key.
            let _ = js("stop", &[]).await;
            let turn = js("lock", &[]).await.ok();
            let made = rotate_key(&Web(app), &cfg, &now).await;
            let kept = made
                .as_ref()
                .is_ok_and(|next| app.with_workspace(|w| save_config(w.backend(), next)));
            end_turn(turn);
            said.set(match made {
                Ok(_) if kept => "Done: every record is sealed under a new key, and the old copies are gone from the server. Your other devices ask for the passphrase once.".into(),
                Ok(_) => "This browser did not keep the new key. Turn sync off and on again with your passphrase; your records are safe.".into(),
                Err(SyncError::WrongPassphrase) => "That is not the current passphrase. Nothing was changed.".into(),
                Err(e) => e.to_string(),
            });
            current.set(String::new());
            refresh(app, state, None);
        });
    };
    let off = move |_| {
        app.with_workspace(|w| forget(w.backend()));
        js_stop();
        refresh(app, state, None);
    };
    card("card", "sync-on-h", "Sync is on")
        .child(para("", format!("With {on}.")))
        .child(el("p").attr("role", "status").child(line).into_any())
        .child(refused_list(state))
        .child(dyn_view(move || match state.with(|s| s.unreadable) {
            0 => ().into_any(),
            n => para("banner warn", unreadable_message(n)),
        }))
        .child(dyn_view(move || match state.get().error {
            Some(e) => para("banner warn", e),
            None => ().into_any(),
        }))
        .child(field(
            "sync-current-pass",
            "Current sync passphrase",
            "password",
            current,
        ))
        .child(field(
            "sync-new-pass",
            "New sync passphrase",
            "password",
            pass,
        ))
        .child(
            el("p")
                .class("actions")
                .child(button("Change the passphrase", "", None, change))
                .child(button("Make a new key", "", None, new_key))
                .child(button("Turn sync off on this device", "danger", None, off))
                .into_any(),
        )
        .child(para(
            "hint",
            "Both need the current passphrase. A new key (the passphrase stays) seals every record again and removes the old copies from the server: use it if someone may have seen this device's sync settings. Turning sync off removes the key and the server login from this device; your records stay.",
        ))
        .child(said_line("", said))
        .into_any()
}

fn setup_card(app: AppState, state: RwSignal<SyncState>) -> AnyView {
    let server = RwSignal::new(String::new());
    let db = RwSignal::new("mend".to_string());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let said = RwSignal::new(String::new());
    let turn_on = move |_| {
        let cfg = Config {
            server: server.get_untracked().trim().into(),
            db: db.get_untracked().trim().into(),
            user: user.get_untracked(),
            password: password.get_untracked(),
            key: String::new(),
            wrapped: String::new(),
        };
        if let Some(p) = cfg.problem() {
            return said.set(p.into());
        }
        // How strong it must be is checked where a new key is made: joining takes the
        // passphrase the data already has.
        let p = pass.get_untracked();
        said.set("Connecting…".into());
        spawn_local(async move {
            match connect(&Web(app), cfg, &p).await {
                Ok(cfg) if app.with_workspace(|w| save_config(w.backend(), &cfg)) => {
                    said.set(String::new());
                    refresh(app, state, None);
                    run(app, state);
                }
                Ok(_) => said.set("This browser did not keep the sync settings.".into()),
                Err(e) => said.set(e.to_string()),
            }
        });
    };
    card("card", "sync-setup-h", "Turn sync on")
        .child(field("sync-server", "Server address", "url", server))
        .child(para(
            "hint",
            "Where your CouchDB answers, for example https://couch.example.com, or http://127.0.0.1:5984 on this computer.",
        ))
        .child(field("sync-db", "Database", "text", db))
        .child(field("sync-user", "User name", "text", user))
        .child(field("sync-password", "Password", "password", password))
        .child(field("sync-pass", "Sync passphrase", "password", pass))
        .child(para(
            "hint",
            "Separate from the login: it encrypts your records, and only you know it. Use the same one on each device; a new one needs at least 12 characters (four ordinary words will do). It cannot be recovered.",
        ))
        .child(el("p").child(button("Turn sync on", "primary", None, turn_on)).into_any())
        .child(said_line("", said))
        .into_any()
}

/// Setting up CouchDB, step by step.
fn help() -> AnyView {
    let origin = window().location().origin().unwrap_or_default();
    let steps = [
        "Run CouchDB 3, for example with its official container image: docker run -d --name mend-couch -p 5984:5984 -e COUCHDB_USER=admin -e COUCHDB_PASSWORD=choose-one couchdb:3".to_string(),
        "Create the users database (first run only), then one for Mend: curl -X PUT http://admin:choose-one@127.0.0.1:5984/_users and curl -X PUT http://admin:choose-one@127.0.0.1:5984/mend".into(),
        "Create a user for it: curl -X PUT http://admin:choose-one@127.0.0.1:5984/_users/org.couchdb.user:dana -H 'Content-Type: application/json' -d '{\"name\":\"dana\",\"password\":\"another\",\"roles\":[],\"type\":\"user\"}' and make it the database's only member: curl -X PUT http://admin:choose-one@127.0.0.1:5984/mend/_security -H 'Content-Type: application/json' -d '{\"members\":{\"names\":[\"dana\"]}}'".into(),
        format!("Let this app in, and nobody without a login: in the server's settings, [chttpd] enable_cors = true and require_valid_user = true; [cors] origins = {origin}, credentials = true, headers = accept, authorization, content-type, origin, referer, methods = GET, PUT, POST, HEAD, DELETE."),
        "For a server other devices reach over the internet, put it behind HTTPS. Then fill in the form above on each device, with the same passphrase.".into(),
    ];
    el("details")
        .class("card")
        .child(
            el("summary")
                .child("Setting up CouchDB, step by step")
                .into_any(),
        )
        .child(
            el("ol")
                .children(
                    steps
                        .into_iter()
                        .map(|s| el("li").child(s).into_any())
                        .collect(),
                )
                .into_any(),
        )
        .into_any()
}
