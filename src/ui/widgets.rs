//! The parts of worksheet stages that are more than a question: the client's history, the
//! numbers and their reading, conversation helpers, restatements, remedies, check-ins,
//! prevention actions and the exit checklist. The rules behind them live in `model`; views
//! are built with `kit` so they stay small.

use leptos::prelude::*;

use super::fields::{
    bind_case, check_input, date_input, field, figure_input, labelled, read_case, select_input,
    shape_of, text_input, use_case_id, write_case,
};
use super::kit::{button, button_when, dyn_text, dyn_view, el, flag, link, para, text_list, when};
use super::state::{local_offset_minutes, now_ms, use_app};
use super::today;
use crate::model::Clause;
use crate::model::case::{
    Action, ActionStatus, Attempt, CheckIn, ClauseLink, Outcome, RemedyKind, RemedyOption,
};
use crate::model::clause::Deadline;
use crate::model::counsel::{CostCheck, limits, offers_nothing};
use crate::model::date::human_time;
use crate::model::drafts::DraftKind;
use crate::model::figure::Unit;
use crate::model::guidance::{CRIB_SHEET, EXIT_CHECKLIST, GROUND_RULES};
use crate::model::history::{ClientHistory, client_history, good_faith_signals};
use crate::model::money::format_money;
use crate::model::numbers::{
    RemedyInput, figures, format_permille, peace_comparison, remedy_cost, remedy_inputs,
};
use crate::model::reflection::Reflection;
use crate::model::worksheet::{Widget, days_waiting, overdue_check_ins, reach_warnings};
use crate::model::{Case, Date, Stage};
use crate::route::{PrintView, Route};

/// Renders a stage's widget inside its titled section.
pub fn widget(w: Widget) -> AnyView {
    let body = match w {
        Widget::ClientHistory => history_view(),
        Widget::Figures => figures_view(),
        Widget::ReachAdvice => reach_advice(),
        Widget::GroundRules => text_list(
            "rules",
            GROUND_RULES.iter().map(|r| r.to_string()).collect(),
        ),
        Widget::CribSheet => crib_sheet(true),
        Widget::ClarifyingQuestions => clarifying(),
        Widget::Attempts => attempts(),
        Widget::GoodFaithSignals => signals(),
        Widget::ValidityAdvice => validity(),
        Widget::Options => options(),
        Widget::Peace => peace(),
        Widget::Confirmation => confirmation(),
        Widget::CheckIns => check_ins(),
        Widget::Actions => actions(),
        Widget::Exit => exit(),
        Widget::Mediation => mediation(),
        Widget::Reflect => reflect(),
        Widget::Reading => super::counsel::reading_view(),
        Widget::CounterCost => counter_cost(),
        Widget::Limits => super::counsel::limits_view(),
        Widget::Contacts => super::counsel::contacts_view(),
        Widget::NotPersonal => super::counsel::not_personal(),
        Widget::DraftFirstReply => super::counsel::draft_view(DraftKind::FirstReply),
        Widget::DraftAfterCall => super::counsel::draft_view(DraftKind::AfterCall),
        Widget::DraftCheckIn => super::counsel::draft_view(DraftKind::CheckIn),
        Widget::DraftEnding => super::counsel::draft_view(DraftKind::Ending),
    };
    super::kit::section(format!("w-{}", w as u8), w.title(), "widget", vec![body])
}

fn money(v: i64, currency: &str) -> String {
    format_money(v, currency)
}

/// This case's client's other cases.
pub fn use_history() -> Memo<ClientHistory> {
    let id = use_case_id();
    Memo::new(move |_| history_of(&id))
}

/// The other cases of case `id`'s client (tracked: re-read when cases change).
pub fn history_of(id: &str) -> ClientHistory {
    let app = use_app();
    let offset = local_offset_minutes();
    app.cases(|m| {
        let Some(this) = m.get(id) else {
            return ClientHistory::default();
        };
        client_history(
            id,
            &this.data,
            m.values().map(|r| {
                (
                    r.id.as_str(),
                    Date::from_timestamp(r.created, offset),
                    &r.data,
                )
            }),
        )
    })
}

// G22, G39, G42: repeat clients are visible where the case starts.
fn history_view() -> AnyView {
    let history = use_history();
    let named = shape_of(|c| u64::from(!c.client.match_key().is_empty()));
    dyn_view(move || {
        let h = history.get();
        if named.get() == 0 {
            return para(
                "muted",
                "Enter the client's name to see any earlier cases with them.",
            );
        }
        if h.cases.is_empty() {
            return para("muted", "No earlier cases with this client.");
        }
        let conceded: Vec<String> = h.concessions().iter().map(|(c, v)| money(*v, c)).collect();
        let mut summary = h.outcomes_summary();
        if !conceded.is_empty() {
            summary.push_str(&format!(
                " Concessions given so far: {}.",
                conceded.join(" and ")
            ));
        }
        let items: Vec<AnyView> = h
            .cases
            .iter()
            .map(|c| {
                let href = Route::Case {
                    id: c.id.clone(),
                    stage: Stage::Summary,
                }
                .to_fragment();
                let what = if c.title.trim().is_empty() {
                    "Untitled".to_string()
                } else {
                    c.title.clone()
                };
                let outcome = c
                    .outcome
                    .map(|o| format!(" · {}", o.label()))
                    .unwrap_or_default();
                el("li")
                    .child(link(href, format!("{}: {what}", c.on.human()), ""))
                    .child(outcome)
                    .into_any()
            })
            .collect();
        vec![
            el("p")
                .child(el("strong").child(summary).into_any())
                .into_any(),
            el("ul").class("plain").children(items).into_any(),
        ]
        .into_any()
    })
}

// G1–G5, G43: the figures, then what they suggest.
fn figures_view() -> AnyView {
    let case = read_case(Case::clone);
    dyn_view(move || {
        let c = case();
        let f = figures(&c);
        let cur = c.currency.clone();
        let fig = |v: Option<i64>| v.map_or_else(|| "—".to_string(), |v| money(v, &cur));
        let margin = match (f.margin, f.margin_permille) {
            (Some(m), Some(p)) => format!("{} ({})", money(m, &cur), format_permille(p)),
            (Some(m), None) => money(m, &cur),
            _ => "—".into(),
        };
        let rows: Vec<AnyView> = [
            (
                "True cost of the job",
                fig(f.true_cost),
                "Your time at your hourly worth, plus materials and other costs.",
            ),
            (
                "Break-even",
                fig(f.break_even),
                "What you must be paid not to lose money on this job.",
            ),
            (
                "Margin on the job",
                margin,
                "The price invoiced, less the true cost.",
            ),
            (
                "Cost of defending",
                fig(f.defend_cost),
                "The hours the dispute may take, at your hourly worth.",
            ),
            ("Amount in dispute", fig(c.amount), ""),
            (
                "Most you can concede and still break even",
                fig(f.concession_budget),
                "",
            ),
            (
                "Value at risk if the client leaves",
                fig(f.value_at_risk),
                "The future work you expect from them, at your margin.",
            ),
        ]
        .into_iter()
        .map(|(label, value, note)| {
            el("div")
                .child(el("dt").child(label).into_any())
                .child(
                    el("dd")
                        .child(el("span").class("figure").child(value).into_any())
                        .child(el("span").class("note").child(note).into_any())
                        .into_any(),
                )
                .into_any()
        })
        .collect();
        let mut parts = vec![el("dl").class("figures").children(rows).into_any()];
        if let Some(scale) = f.scale {
            parts.push(para("advice", scale.advice()));
        }
        parts.into_any()
    })
}

// G6, G7
fn reach_advice() -> AnyView {
    let case = read_case(Case::clone);
    dyn_view(move || {
        let c = case();
        let t = today();
        let waiting = days_waiting(&c, t).map_or_else(
            || {
                "Add the date the complaint arrived on the first stage to keep the clock in view."
                    .to_string()
            },
            |d| match d {
                0 => "The complaint arrived today.".into(),
                1 => "The complaint arrived yesterday.".into(),
                n => format!("The complaint arrived {n} days ago."),
            },
        );
        let mut parts = vec![para("", waiting)];
        parts.extend(
            reach_warnings(&c, t)
                .into_iter()
                .map(|w| para("banner warn", w)),
        );
        parts.into_any()
    })
}

/// The conversation crib sheet, with a link to its printable page when asked.
pub fn crib_sheet(with_link: bool) -> AnyView {
    let lines: Vec<AnyView> = CRIB_SHEET
        .iter()
        .map(|l| {
            el("div")
                .child(el("dt").child(l.step).into_any())
                .child(el("dd").child(l.say).into_any())
                .into_any()
        })
        .collect();
    let mut parts = vec![el("dl").class("crib").children(lines).into_any()];
    if with_link {
        let script = Route::Print(PrintView::Script(use_case_id())).to_fragment();
        parts.push(
            el("p")
                .class("no-print actions")
                .child(link(script, "This case's call script", "button primary"))
                .child(link(
                    Route::Print(PrintView::Crib).to_fragment(),
                    "The one-page crib sheet to print",
                    "button",
                ))
                .into_any(),
        );
    }
    parts.into_any()
}

// G11, G12
fn clarifying() -> AnyView {
    // The rows change only when a question of the user's own is added: ticking or answering
    // a suggested one must not rebuild the list (and take the focus from it).
    let shape = shape_of(|c| c.listen.texts().len() as u64);
    let texts = read_case(|c| c.listen.texts());
    let write = write_case();
    let new_text = RwSignal::new(String::new());
    let add = move || {
        let t = new_text.get_untracked().trim().to_string();
        if !t.is_empty() {
            write(Box::new(move |c| {
                c.listen.question(&t);
            }));
            new_text.set(String::new());
        }
    };
    let rows = dyn_view(move || {
        let _ = shape.get();
        untrack(texts)
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let (t1, t2, t3, t4) = (text.clone(), text.clone(), text.clone(), text.clone());
                let asked = check_input(
                    format!("asked-{i}"),
                    text.clone(),
                    bind_case(
                        move |c| c.listen.questions.iter().any(|q| q.text == t1 && q.asked),
                        move |c, v| c.listen.question(&t2).asked = v,
                    ),
                );
                let answer = labelled(
                    format!("answer-{i}"),
                    format!("What they said: {text}"),
                    text_input(
                        format!("answer-{i}"),
                        None,
                        false,
                        bind_case(
                            move |c| {
                                c.listen
                                    .questions
                                    .iter()
                                    .find(|q| q.text == t3)
                                    .map(|q| q.answer.clone())
                                    .unwrap_or_default()
                            },
                            move |c, v| c.listen.question(&t4).answer = v,
                        ),
                    ),
                );
                el("li").child(asked).child(answer).into_any()
            })
            .collect::<Vec<_>>()
            .into_any()
    });
    let input = el("input")
        .attr("id", "new-question")
        .attr("type", "text")
        .attr("autocomplete", "off")
        .prop("value", move || new_text.get())
        .on_input(move |ev| new_text.set(event_target_value(&ev)))
        .on_keydown(move |ev| {
            if ev.key() == "Enter" {
                ev.prevent_default();
                add();
            }
        })
        .into_any();
    vec![
        para("hint", "Tick each one you asked, and note what they said."),
        el("ol").class("asked").child(rows).into_any(),
        el("div")
            .class("field inline")
            .child(
                el("label")
                    .attr("for", "new-question")
                    .child("Add your own question")
                    .into_any(),
            )
            .child(input)
            .child(button("Add question", "", None, move |_| add()))
            .into_any(),
    ]
    .into_any()
}

/// The `i`th restatement, created (time-stamped now) when first written.
/// One text of restatement attempt `i` (its words or the client's correction).
fn attempt_field(
    i: usize,
    name: &'static str,
    label: &'static str,
    text: fn(&mut Attempt) -> &mut String,
) -> AnyView {
    let id = format!("{name}-{i}");
    labelled(
        id.clone(),
        label,
        text_input(
            id,
            None,
            true,
            bind_case(
                move |c| {
                    let mut a = c.restate.attempts.get(i).cloned().unwrap_or_default();
                    text(&mut a).clone()
                },
                move |c, v| *text(c.restate.attempt(i, now_ms())) = v,
            ),
        ),
    )
}

/// "Confirmed" with its time and an undo, or the button that records the confirmation.
fn confirm_box(
    confirmed: Memo<u64>,
    said: &'static str,
    confirm_label: &'static str,
    enabled: impl Fn() -> bool + Send + Copy + 'static,
    set: fn(&mut Case, Option<i64>),
) -> AnyView {
    let write = write_case();
    let offset = local_offset_minutes();
    dyn_view(move || match confirmed.get() {
        0 => el("p")
            .child(button_when(confirm_label, "primary", enabled, move |_| {
                write(Box::new(move |c| set(c, Some(now_ms()))))
            }))
            .into_any(),
        at => el("div")
            .class("confirmed")
            .attr("role", "status")
            .child(
                el("p")
                    .child(el("strong").child("Confirmed. ").into_any())
                    .child(format!("{said}, on {}.", human_time(at as i64, offset)))
                    .into_any(),
            )
            .child(button("Undo the confirmation", "", None, move |_| {
                write(Box::new(move |c| set(c, None)))
            }))
            .into_any(),
    })
}

// G13: restate until the client confirms; the confirmation is time-stamped.
fn attempts() -> AnyView {
    let confirmed = shape_of(|c| c.restate.confirmed_at.unwrap_or(0) as u64);
    let has_words = read_case(|c| c.restate.attempts.iter().any(|a| !a.mine.trim().is_empty()));
    let write = write_case();
    // There is always a first attempt to write in, created when first typed into; the
    // number of rows is memoised so that creating it does not rebuild (and unfocus) the row.
    let rows_n = shape_of(|c| c.restate.attempts.len().max(1) as u64);
    let rows = dyn_view(move || {
        (0..rows_n.get() as usize)
            .map(|i| {
                el("li")
                    .child(el("h4").child(format!("Attempt {}", i + 1)).into_any())
                    .child(attempt_field(
                        i,
                        "attempt",
                        "In your own words, the concern is…",
                        |a| &mut a.mine,
                    ))
                    .child(attempt_field(
                        i,
                        "correction",
                        "The client's correction",
                        |a| &mut a.correction,
                    ))
                    .into_any()
            })
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        para(
            "hint",
            "Put the concern in your own words and say it back to the client. If they correct you, write what they said and try again, until they tell you that's right.",
        ),
        el("ol").class("attempts").child(rows).into_any(),
        when(move || confirmed.get() == 0, move || {
            let another = button(
                "Add another attempt",
                "",
                None,
                move |_| {
                    write(Box::new(|c| {
                        let n = c.restate.attempts.len().max(1);
                        c.restate.attempt(n, now_ms());
                    }))
                },
            );
            vec![
                el("p").class("actions").child(another).into_any(),
                para("muted", "This stage counts as done only once the client has confirmed."),
            ]
            .into_any()
        }),
        confirm_box(
            confirmed,
            "The client said you have understood",
            "The client confirmed: that's right",
            has_words,
            |c, v| c.restate.confirmed_at = v,
        ),
    ]
    .into_any()
}

// G22
fn signals() -> AnyView {
    let history = use_history();
    dyn_view(move || {
        let (signals, faith) = good_faith_signals(&history.get(), today());
        vec![text_list("plain", signals), para("advice", faith.advice())].into_any()
    })
}

// G24–G26
fn validity() -> AnyView {
    let valid = read_case(|c| c.resolve.valid);
    dyn_view(move || match valid() {
        Some(v) => para("advice", v.advice()),
        None => para(
            "muted",
            "Choose an answer above to see how to respond. Whatever the answer, start by acknowledging how they feel.",
        ),
    })
}

// G27, G29, G31, G32: a choice of remedies, each costed against what you can give.
fn options() -> AnyView {
    let count = shape_of(|c| c.resolve.options.len() as u64);
    let case = read_case(Case::clone);
    let write = write_case();
    let new_kind = RwSignal::new(0usize);
    let add = move |_| {
        let kind = RemedyKind::ALL[new_kind.get_untracked().min(RemedyKind::ALL.len() - 1)];
        write(Box::new(move |c| {
            c.resolve.options.push(RemedyOption {
                kind,
                ..RemedyOption::default()
            })
        }));
    };
    let budget = dyn_text(move || {
        let c = case();
        let f = figures(&c);
        let m = |v: i64| money(v, &c.currency);
        let limit = limits(&c, &f).concede.map(|l| {
            let whose = if l.suggested {
                "Suggested limit"
            } else {
                "Your limit"
            };
            format!("{whose}: {}.", m(l.value))
        });
        match (limit, f.concession_budget) {
            (Some(l), Some(b)) => format!("{l} You break even giving up to {}.", m(b)),
            (Some(l), None) => l,
            _ => "Set your limits on Know your numbers to see each option against them.".into(),
        }
    });
    let nothing_offered = move || offers_nothing(&case());
    let kinds: Vec<AnyView> = RemedyKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            el("option")
                .attr("value", i.to_string())
                .child(k.label())
                .into_any()
        })
        .collect();
    let select = el("select")
        .attr("id", "new-option")
        .on_change(move |ev| new_kind.set(event_target_value(&ev).parse().unwrap_or(0)))
        .children(kinds)
        .into_any();
    vec![
        para(
            "hint",
            "Give the client a choice of two or three, and let them pick. Solutions, not excuses. Sometimes listening and an apology are all they need; when you were at fault, a fix plus a small thank-you turns a mistake into goodwill.",
        ),
        el("p").child(budget).into_any(),
        el("ol").class("options").child(dyn_view(move || (0..count.get() as usize).map(option_row).collect::<Vec<_>>().into_any())).into_any(),
        el("div")
            .class("field inline")
            .child(el("label").attr("for", "new-option").child("Add an option").into_any())
            .child(select)
            .child(button("Add option", "", None, add))
            .into_any(),
        // G30
        when(nothing_offered, || {
            para(
                "banner warn",
                "Nothing is offered yet. Offering nothing tells the client \"I am right and you are wrong\", even when that is true. A small gesture of goodwill costs little and keeps the door open.",
            )
        }),
    ]
    .into_any()
}

/// Reads and writes one option of the resolve stage.
fn opt_get<T: Default>(i: usize, f: impl Fn(&RemedyOption) -> T) -> impl Fn(&Case) -> T {
    move |c| c.resolve.options.get(i).map(&f).unwrap_or_default()
}

fn opt_set<T>(i: usize, f: impl Fn(&mut RemedyOption, T)) -> impl Fn(&mut Case, T) {
    move |c, v| {
        if let Some(o) = c.resolve.options.get_mut(i) {
            f(o, v)
        }
    }
}

fn option_row(i: usize) -> AnyView {
    // Its own memo: the inputs are rebuilt when the kind changes, not on every figure.
    let kind = shape_of(move |c| c.resolve.options.get(i).map_or(0, |o| o.kind as u64));
    let kind = move || RemedyKind::ALL[kind.get() as usize];
    let kind_id = format!("option-{i}-kind");
    el("li")
        .class("option")
        .child(labelled(
            kind_id.clone(),
            format!("Option {}", i + 1),
            select_input(
                kind_id,
                None,
                RemedyKind::LABELS,
                false,
                bind_case(
                    opt_get(i, |o| Some(o.kind as usize)),
                    opt_set(i, |o, k: Option<usize>| {
                        if let Some(k) = k.and_then(|k| RemedyKind::ALL.get(k)) {
                            o.kind = *k;
                        }
                    }),
                ),
            ),
        ))
        .child(dyn_view(move || option_inputs(i, kind())))
        .child(labelled(
            format!("option-{i}-note"),
            "Note",
            text_input(
                format!("option-{i}-note"),
                None,
                false,
                bind_case(
                    opt_get(i, |o| o.note.clone()),
                    opt_set(i, |o, v| o.note = v),
                ),
            ),
        ))
        .child(option_cost(i))
        .child(
            el("div")
                .class("actions")
                .child(check_input(
                    format!("option-{i}-offered"),
                    "Offer this to the client".into(),
                    bind_case(opt_get(i, |o| o.offered), opt_set(i, |o, v| o.offered = v)),
                ))
                .child(remove_button(
                    format!("Remove option {}", i + 1),
                    move |c| {
                        if i < c.resolve.options.len() {
                            c.resolve.options.remove(i);
                        }
                    },
                ))
                .into_any(),
        )
        .into_any()
}

/// The figures this kind of remedy needs to be costed.
fn option_inputs(i: usize, kind: RemedyKind) -> AnyView {
    remedy_inputs(kind)
        .iter()
        .enumerate()
        .map(|(n, input)| {
            let id = format!("option-{i}-in-{n}");
            let (label, unit, b) = match *input {
                RemedyInput::Amount(label) => (
                    label,
                    Unit::Money,
                    bind_case(opt_get(i, |o| o.amount), opt_set(i, |o, v| o.amount = v)),
                ),
                RemedyInput::Percent(label) => (
                    label,
                    Unit::Percent,
                    bind_case(
                        opt_get(i, |o| o.percent.map(i64::from)),
                        opt_set(i, |o, v: Option<i64>| o.percent = v.map(|v| v as u32)),
                    ),
                ),
                RemedyInput::Hours(label) => (
                    label,
                    Unit::Hours,
                    bind_case(opt_get(i, |o| o.minutes), opt_set(i, |o, v| o.minutes = v)),
                ),
            };
            labelled(id.clone(), label, figure_input(id, None, unit, b))
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// What an option costs you, against your limit and break-even. // G3
fn option_cost(i: usize) -> AnyView {
    let case = read_case(Case::clone);
    cost_line(move || {
        let c = case();
        let cost = c.resolve.options.get(i).and_then(|o| remedy_cost(o, &c));
        (c, cost)
    })
}

/// What the counter-offer costs you, against your limit and break-even. // G3, G28
fn counter_cost() -> AnyView {
    let case = read_case(Case::clone);
    cost_line(move || {
        let c = case();
        let cost = c.resolve.counter_amount;
        (c, cost)
    })
}

/// A cost checked against the limit and break-even, with a warning when it goes beyond.
fn cost_line(of: impl Fn() -> (Case, Option<i64>) + Send + Copy + 'static) -> AnyView {
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
fn remove_button(aria: String, change: impl Fn(&mut Case) + Copy + 'static) -> AnyView {
    let write = write_case();
    button("Remove", "danger", Some(aria), move |_| {
        write(Box::new(change))
    })
}

// G30
fn peace() -> AnyView {
    let case = read_case(Case::clone);
    let comparison = dyn_view(move || {
        let c = case();
        let f = figures(&c);
        let p = peace_comparison(&c, &f);
        let cur = c.currency.clone();
        let mut lines = Vec::new();
        if let (Some(cost), Some(pc)) = (p.now_cost, c.resolve.peace.now_percent) {
            lines.push(format!(
                "{pc}% off this invoice costs you {}, now and for certain. {}",
                money(cost, &cur),
                CostCheck::new(cost, &c, &f).text(&c, &f)
            ));
        }
        if let (Some(cost), Some(pc), Some(next)) = (
            p.next_cost,
            c.resolve.peace.next_percent,
            c.resolve.peace.next_purchase,
        ) {
            let mut line = format!(
                "{pc}% off a next purchase of {} costs {}, and only if they come back, which the discount makes more likely.",
                money(next, &cur),
                money(cost, &cur)
            );
            if let (Some(profit), Some(m)) = (p.next_profit, f.margin_permille) {
                line.push_str(&if profit >= 0 {
                    format!(
                        " At your margin of {}, that job still earns you {}.",
                        format_permille(m),
                        money(profit, &cur)
                    )
                } else {
                    format!(
                        " At your margin of {}, that job would lose you {}.",
                        format_permille(m),
                        money(-profit, &cur)
                    )
                });
            }
            lines.push(line);
        }
        text_list("plain comparison", lines)
    });
    let pct = |id: &'static str,
               label: &'static str,
               get: fn(&Case) -> Option<u32>,
               set: fn(&mut Case, Option<u32>)| {
        labelled(
            id.into(),
            label,
            figure_input(
                id.into(),
                None,
                Unit::Percent,
                bind_case(
                    move |c| get(c).map(i64::from),
                    move |c, v| set(c, v.map(|v| v as u32)),
                ),
            ),
        )
    };
    vec![
        para(
            "hint",
            "Even when you are right, a gesture says you value them. Compare a share off now with a larger share off their next purchase.",
        ),
        el("div")
            .class("grid-3")
            .child(pct("peace-now", "Off this invoice (%)", |c| c.resolve.peace.now_percent, |c, v| {
                c.resolve.peace.now_percent = v
            }))
            .child(pct("peace-next", "Off the next purchase (%)", |c| c.resolve.peace.next_percent, |c, v| {
                c.resolve.peace.next_percent = v
            }))
            .child(labelled(
                "peace-next-value".into(),
                "Expected next purchase",
                figure_input("peace-next-value".into(), None, Unit::Money, bind_case(|c| c.resolve.peace.next_purchase, |c, v| c.resolve.peace.next_purchase = v)),
            ))
            .into_any(),
        comparison,
    ]
    .into_any()
}

// G31
fn confirmation() -> AnyView {
    let confirmed = shape_of(|c| c.resolve.confirmed_at.unwrap_or(0) as u64);
    let agreed = read_case(|c| !c.resolve.agreed.trim().is_empty());
    vec![
        when(
            move || confirmed.get() == 0,
            || {
                para(
                    "hint",
                    "Check with the client that the agreed resolution really meets their needs.",
                )
            },
        ),
        confirm_box(
            confirmed,
            "The client said this meets their needs",
            "The client confirmed it meets their needs",
            agreed,
            |c, v| c.resolve.confirmed_at = v,
        ),
    ]
    .into_any()
}

// G34
fn check_ins() -> AnyView {
    let count = shape_of(|c| c.follow_up.len() as u64);
    let write = write_case();
    let add = move |_| {
        let today = today();
        write(Box::new(move |c| c.add_check_in(today)));
    };
    let overdue = read_case(|c| overdue_check_ins(c, today()).len());
    let rows = dyn_view(move || {
        (0..count.get() as usize)
            .map(check_in_row)
            .collect::<Vec<_>>()
            .into_any()
    });
    vec![
        para("hint", "Keep in touch until it is truly settled. A short message that you are still working on it beats silence."),
        dyn_view(move || match overdue() {
            0 => ().into_any(),
            1 => para("banner warn", "One check-in is overdue. Get in touch today."),
            n => para("banner warn", format!("{n} check-ins are overdue. Get in touch today.")),
        }),
        el("ol").class("rows").child(rows).into_any(),
        el("p").child(button("Add a check-in", "", None, add)).into_any(),
    ]
    .into_any()
}

fn ci_get<T: Default>(i: usize, f: impl Fn(&CheckIn) -> T) -> impl Fn(&Case) -> T {
    move |c| c.follow_up.get(i).map(&f).unwrap_or_default()
}

fn ci_set<T>(i: usize, f: impl Fn(&mut CheckIn, T)) -> impl Fn(&mut Case, T) {
    move |c, v| {
        if let Some(x) = c.follow_up.get_mut(i) {
            f(x, v)
        }
    }
}

fn check_in_row(i: usize) -> AnyView {
    let is_overdue = read_case(move |c| {
        c.follow_up
            .get(i)
            .is_some_and(|x| !x.done && x.due.is_some_and(|d| d < today()))
    });
    el("li")
        .attr("class", move || is_overdue().then(|| "overdue".to_string()))
        .child(
            el("h4")
                .child(format!("Check-in {}", i + 1))
                .child(when(is_overdue, || {
                    el("span").class("badge warn").child("Overdue").into_any()
                }))
                .into_any(),
        )
        .child(labelled(
            format!("checkin-{i}-due"),
            "Date",
            date_input(
                format!("checkin-{i}-due"),
                None,
                bind_case(ci_get(i, |x| x.due), ci_set(i, |x, v| x.due = v)),
            ),
        ))
        .child(labelled(
            format!("checkin-{i}-note"),
            "What to say, or what was said",
            text_input(
                format!("checkin-{i}-note"),
                None,
                true,
                bind_case(ci_get(i, |x| x.note.clone()), ci_set(i, |x, v| x.note = v)),
            ),
        ))
        .child(
            el("div")
                .class("actions")
                .child(check_input(
                    format!("checkin-{i}-done"),
                    "Done".into(),
                    bind_case(ci_get(i, |x| x.done), ci_set(i, |x, v| x.done = v)),
                ))
                .child(remove_button(
                    format!("Remove check-in {}", i + 1),
                    move |c| {
                        if i < c.follow_up.len() {
                            c.follow_up.remove(i);
                        }
                    },
                ))
                .into_any(),
        )
        .into_any()
}

// G36, G37, G41
fn actions() -> AnyView {
    let count = shape_of(|c| c.prevent.actions.len() as u64);
    let write = write_case();
    let add = move |_| {
        let today = today();
        write(Box::new(move |c| c.add_action(today)))
    };
    vec![
        para(
            "hint",
            "Turn the system into steps someone owns, with a date.",
        ),
        el("ol")
            .class("rows")
            .child(dyn_view(move || {
                (0..count.get() as usize)
                    .map(action_row)
                    .collect::<Vec<_>>()
                    .into_any()
            }))
            .into_any(),
        el("p")
            .child(button("Add an action", "", None, add))
            .into_any(),
    ]
    .into_any()
}

fn act_get<T: Default>(i: usize, f: impl Fn(&Action) -> T) -> impl Fn(&Case) -> T {
    move |c| c.prevent.actions.get(i).map(&f).unwrap_or_default()
}

fn act_set<T>(i: usize, f: impl Fn(&mut Action, T)) -> impl Fn(&mut Case, T) {
    move |c, v| {
        if let Some(a) = c.prevent.actions.get_mut(i) {
            f(a, v)
        }
    }
}

fn action_row(i: usize) -> AnyView {
    let status = select_input(
        format!("action-{i}-status"),
        None,
        ActionStatus::LABELS,
        false,
        bind_case(
            act_get(i, |a| Some(a.status as usize)),
            act_set(i, |a, v: Option<usize>| {
                if let Some(s) = v.and_then(|v| ActionStatus::ALL.get(v).copied()) {
                    a.status = s;
                }
            }),
        ),
    );
    el("li")
        .child(el("h4").child(format!("Action {}", i + 1)).into_any())
        .child(labelled(
            format!("action-{i}-text"),
            "What will be done",
            text_input(
                format!("action-{i}-text"),
                None,
                false,
                bind_case(
                    act_get(i, |a| a.text.clone()),
                    act_set(i, |a, v| a.text = v),
                ),
            ),
        ))
        .child(
            el("div")
                .class("grid-3")
                .child(labelled(
                    format!("action-{i}-owner"),
                    "Who",
                    text_input(
                        format!("action-{i}-owner"),
                        None,
                        false,
                        bind_case(
                            act_get(i, |a| a.owner.clone()),
                            act_set(i, |a, v| a.owner = v),
                        ),
                    ),
                ))
                .child(labelled(
                    format!("action-{i}-due"),
                    "By",
                    date_input(
                        format!("action-{i}-due"),
                        None,
                        bind_case(act_get(i, |a| a.due), act_set(i, |a, v| a.due = v)),
                    ),
                ))
                .child(labelled(format!("action-{i}-status"), "Status", status))
                .into_any(),
        )
        .child(remove_button(
            format!("Remove action {}", i + 1),
            move |c| {
                if i < c.prevent.actions.len() {
                    c.prevent.actions.remove(i);
                }
            },
        ))
        .into_any()
}

// G42, G43, G44
fn exit() -> AnyView {
    let ended = shape_of(|c| u64::from(c.decide.outcome == Some(Outcome::Ended)));
    dyn_view(move || {
        if ended.get() == 0 {
            return para(
                "muted",
                "If you decide to end the relationship, a short checklist appears here to help you do it respectfully. It is better that ending is your decision, made calmly, than something that happens to you.",
            );
        }
        let items: Vec<AnyView> = EXIT_CHECKLIST
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let check = check_input(
                    format!("exit-{n}"),
                    item.to_string(),
                    bind_case(
                        move |c| c.decide.exit.get(n).copied().unwrap_or(false),
                        move |c, v| {
                            if c.decide.exit.len() <= n {
                                c.decide.exit.resize(n + 1, false);
                            }
                            c.decide.exit[n] = v;
                        },
                    ),
                );
                el("li").child(check).into_any()
            })
            .collect();
        vec![
            para(
                "hint",
                "End it cleanly and kindly, on a calm day, once you have decided.",
            ),
            el("ul").class("plain").children(items).into_any(),
        ]
        .into_any()
    })
}

// G33: when talking has not settled it, the clause in the agreement says what comes next,
// and by when. The clause itself is written on the Clause screen.
fn mediation() -> AnyView {
    let link = read_case(|c| c.clause.as_ref().map(|l| l.id.clone()));
    vec![
        para(
            "hint",
            "If talking has not settled it, a mediation clause in your agreement says what happens next. Link it here to see its dates for this case.",
        ),
        clause_picker(link),
        clause_dates(link),
    ]
    .into_any()
}

/// Which saved clause applies to this case.
fn clause_picker(link: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> AnyView {
    let app = use_app();
    let write = write_case();
    let choices = Memo::new(move |_| {
        app.list::<Clause, _>(|m| {
            m.values()
                .map(|r| (r.id.clone(), r.data.title()))
                .collect::<Vec<_>>()
        })
    });
    dyn_view(move || {
        let list = choices.get();
        if list.is_empty() {
            return el("p")
                .child("You have no saved mediation clause yet. ")
                .child(link_to(Route::Clause, "Make one on the Clause screen"))
                .child(", then choose it here to see its dates.")
                .into_any();
        }
        let mut options = vec![
            el("option")
                .attr("value", "")
                .prop("selected", flag(move || link().is_none()))
                .child("No clause applies")
                .into_any(),
        ];
        options.extend(list.into_iter().map(|(id, title)| {
            let mine = id.clone();
            el("option")
                .attr("value", id)
                .prop(
                    "selected",
                    flag(move || link().as_deref() == Some(mine.as_str())),
                )
                .child(title)
                .into_any()
        }));
        let select = el("select")
            .attr("id", "mediation-clause")
            .on_change(move |ev| {
                let chosen = event_target_value(&ev);
                write(Box::new(move |c| {
                    c.clause = (!chosen.is_empty()).then(|| ClauseLink {
                        id: chosen,
                        raised: c.clause.as_ref().and_then(|l| l.raised),
                    })
                }))
            })
            .children(options)
            .into_any();
        labelled(
            "mediation-clause".into(),
            "Which clause in your agreement applies?",
            select,
        )
    })
}

/// The linked clause's dates for this case, counted from the day the dispute was raised.
fn clause_dates(link: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> AnyView {
    let app = use_app();
    // The linked clause's id, and whether it is still saved.
    let linked = Memo::new(move |_| {
        link().map(|id| {
            let saved = app.list::<Clause, _>(|m| m.contains_key(&id));
            (id, saved)
        })
    });
    dyn_view(move || match linked.get() {
        None => ().into_any(),
        Some((_, false)) => para(
            "banner warn",
            "The clause linked to this case is no longer saved (it may be in the trash on the Backup screen). Choose another, or restore it.",
        ),
        Some((clause_id, true)) => {
            let request = Route::MediationRequest {
                clause: clause_id.clone(),
                case: use_case_id(),
            };
            vec![
                raised_field(),
                deadlines(clause_id.clone()),
                el("p")
                    .class("actions")
                    .child(link_to(request, "Draft a request for mediation"))
                    .child(link_to(Route::ClauseEdit(clause_id), "Open the clause"))
                    .into_any(),
            ]
            .into_any()
        }
    })
}

/// The day the clause's windows count from.
fn raised_field() -> AnyView {
    let b = bind_case(
        |c| c.clause.as_ref().and_then(|l| l.raised),
        |c, v| {
            if let Some(l) = c.clause.as_mut() {
                l.raised = v
            }
        },
    );
    field(
        "mediation-raised".into(),
        "The day the dispute was raised in writing",
        "The clause's windows count from this day. Leave it empty to count from the day the complaint arrived.",
        "",
        date_input(
            "mediation-raised".into(),
            Some("mediation-raised-hint".into()),
            b,
        ),
    )
}

/// Each date the clause gives this case, and how far off it is.
fn deadlines(clause_id: String) -> AnyView {
    let app = use_app();
    let raised = read_case(|c| c.clause.as_ref().and_then(|l| l.raised).or(c.received));
    let windows =
        Memo::new(move |_| app.list::<Clause, _>(|m| m.get(&clause_id).map(|r| r.data.windows())));
    let items = dyn_view(move || {
        let (Some(from), Some(windows)) = (raised(), windows.get()) else {
            return el("li")
                .child("Enter the day the dispute was raised to see the dates.")
                .into_any();
        };
        let today = today();
        windows
            .deadlines(from)
            .into_iter()
            .map(|d| deadline_item(d, today))
            .collect::<Vec<_>>()
            .into_any()
    });
    el("ul").class("deadlines").child(items).into_any()
}

fn deadline_item(d: Deadline, today: Date) -> AnyView {
    let left = today.days_until(d.date);
    el("li")
        .class(if left < 0 { "past" } else { "" })
        .child(el("span").child(d.label).into_any())
        .child(" ")
        .child(el("strong").child(d.date.human()).into_any())
        .child(format!(" ({})", d.date.relative_to(today)))
        .into_any()
}

fn link_to(route: Route, text: &'static str) -> AnyView {
    link(route.to_fragment(), text, "")
}

// G45–G47: the journal entry for this case, or a way to start one.
fn reflect() -> AnyView {
    let app = use_app();
    let case_id = StoredValue::new(use_case_id());
    let entry = Memo::new(move |_| {
        let case = case_id.read_value();
        app.list::<Reflection, _>(|m| {
            m.values()
                .find(|r| r.data.case.as_deref() == Some(case.as_str()))
                .map(|r| r.id.clone())
        })
    });
    vec![
        para(
            "hint",
            "When it is over, step away for a while first. Then take ten minutes: would you do exactly the same again, and what will you change so it does not happen twice?",
        ),
        dyn_view(move || {
            let (route, text) = match entry.get() {
                Some(id) => (Route::JournalEntry(id), "Open your reflection on this case"),
                None => (
                    Route::NewReflection(Some(case_id.get_value())),
                    "Reflect on this case",
                ),
            };
            el("p").child(link(route.to_fragment(), text, "button")).into_any()
        }),
    ]
    .into_any()
}
