//! The parts of the reading that are not a situation: the history it counts, the limits it
//! suggests and labels, the costs it checks, and the time warning. Amounts in dollars.

use super::*;
use crate::model::case::GoodFaith;

use super::situations::{D, job, with};

#[test]
fn only_complaints_before_this_one_count_and_bad_faith_is_counted() {
    use crate::model::history::client_history;
    let on = |y, m, d| crate::model::Date::from_ymd(y, m, d).unwrap();
    let mut this = Case::for_client("Dana");
    this.received = Some(on(2026, 5, 1));
    let mut earlier = Case::for_client("Dana");
    earlier.decide.concession = Some(100 * D);
    earlier.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
    let mut later = Case::for_client("Dana");
    later.diagnose.good_faith = Some(GoodFaith::TakingAdvantage);
    let all = [
        ("this", on(2026, 5, 1), &this),
        ("earlier", on(2026, 1, 1), &earlier),
        ("later", on(2026, 9, 1), &later),
    ];
    let past = Past::before(&client_history("this", &this, all), "USD");
    assert_eq!(
        past,
        Past {
            cases: 1,
            taking_advantage: 1,
            concessions: 100 * D,
            clause: None,
        }
    );
}

#[test]
fn limits_are_suggested_from_the_numbers_labelled_so_and_the_users_own_win() {
    // Margin $500: give up to $500; $600 at $100 an hour is worth 6 hours.
    let c = job(2000, 15, 600);
    let f = figures(&c);
    assert_eq!(
        suggested_limits(&c, &f),
        Limits {
            concede: Some(500 * D),
            minutes: Some(6 * 60),
            ..Limits::default()
        }
    );
    let in_use = limits(&c, &f);
    assert_eq!(
        in_use.concede,
        Some(Limit {
            value: 500 * D,
            suggested: true
        })
    );
    assert_eq!(in_use.concede.unwrap().name(), "the suggested limit");
    let own = with(c.clone(), |c| c.limits.concede = Some(0));
    let mine = limits(&own, &f).concede.unwrap();
    assert_eq!(
        (mine.value, mine.suggested),
        (0, false),
        "zero is a limit too"
    );
    assert_eq!(mine.name(), "your limit");
    // A loss-making job: nothing to give at break-even.
    let loss = job(1000, 15, 200);
    assert_eq!(suggested_limits(&loss, &figures(&loss)).concede, Some(0));
    // At least an hour, whatever the amount.
    let tiny = job(2000, 15, 10);
    assert_eq!(suggested_limits(&tiny, &figures(&tiny)).minutes, Some(60));
    // Nothing to suggest from: no figures.
    assert_eq!(
        suggested_limits(&Case::default(), &Figures::default()),
        Limits::default()
    );
}

#[test]
fn costs_are_checked_against_the_limit_in_use_and_break_even() {
    let c = with(job(2000, 15, 600), |c| c.limits.concede = Some(300 * D));
    let f = figures(&c);
    let table = [
        (200 * D, Some(true), Some(true), false),
        (400 * D, Some(false), Some(true), true),
        (700 * D, Some(false), Some(false), true),
        (0, Some(true), Some(true), false),
    ];
    for (cost, limit, even, warns) in table {
        let check = CostCheck::new(cost, &c, &f);
        assert_eq!(
            (check.within_limit, check.within_break_even, check.warns()),
            (limit, even, warns),
            "{cost}"
        );
    }
    assert_eq!(
        CostCheck::new(400 * D, &c, &f).text(&c, &f),
        "Costs you $400.00: $100.00 over your limit; you still break even."
    );
    // No limit of your own: the suggestion is named as one, never as your decision.
    let suggested = job(2000, 15, 600);
    let fs = figures(&suggested);
    let text = CostCheck::new(200 * D, &suggested, &fs).text(&suggested, &fs);
    assert_eq!(
        text,
        "Costs you $200.00: within the suggested limit of $500.00; you still break even."
    );
    assert!(!text.contains("your limit"));
    // Another currency: the figures are in it.
    let mut jpy = c.clone();
    jpy.currency = "JPY".into();
    assert!(
        CostCheck::new(400, &jpy, &figures(&jpy))
            .text(&jpy, &figures(&jpy))
            .contains("¥400")
    );
    // No figures and no limit: it says what would let it compare.
    let bare = Case::new("USD");
    let check = CostCheck::new(100, &bare, &Figures::default());
    assert_eq!(
        (check.within_limit, check.within_break_even, check.warns()),
        (None, None, false)
    );
    assert!(
        check
            .text(&bare, &Figures::default())
            .contains("set your limit")
    );
}

#[test]
fn a_peace_offering_counts_as_an_offer() {
    let mut c = Case::new("USD");
    assert!(offers_nothing(&c));
    c.resolve.peace.next_percent = Some(20);
    assert!(!offers_nothing(&c), "a peace offering is an offer");
    c.resolve.peace.next_percent = Some(0);
    assert!(offers_nothing(&c), "zero percent is not");
    c.resolve.counter_offer = "Half the meeting off".into();
    assert!(!offers_nothing(&c));
}

#[test]
fn the_time_limit_is_about_your_hours_never_the_clients_time() {
    let c = with(job(2000, 15, 600), |c| {
        c.numbers.dispute_minutes = Some(10 * 60)
    });
    let w = time_warning(&c, &figures(&c)).unwrap();
    assert!(
        w.contains("10 hours") && w.contains("6 hours") && w.contains("$1,000.00"),
        "{w}"
    );
    assert!(w.contains("the suggested limit"), "{w}");
    // G9: never put an upset client on a clock.
    assert!(
        !w.to_lowercase().contains("keep the conversation short"),
        "{w}"
    );
    assert!(w.contains("Never hurry the client"), "{w}");
    let ok = with(c, |c| c.limits.minutes = Some(12 * 60));
    assert_eq!(time_warning(&ok, &figures(&ok)), None);
}

#[test]
fn every_reading_has_a_headline_reason_and_gesture_text() {
    for call in Call::ALL {
        assert!(!call.headline().is_empty() && !call.key().is_empty());
    }
    let empty = reading(&Case::new("EUR"), Past::default());
    assert_eq!(empty.call, Call::HearFirst);
    assert!(!empty.gesture_text(&Case::new("EUR")).is_empty());
}

#[test]
fn the_peace_offerings_are_compared_in_words() {
    let mut c = with(job(2000, 15, 600), |c| c.limits.concede = Some(300 * D));
    assert!(peace_lines(&c).is_empty(), "nothing set, nothing said");
    c.resolve.peace.now_percent = Some(10);
    c.resolve.peace.next_percent = Some(20);
    c.resolve.peace.next_purchase = Some(1000 * D);
    let lines = peace_lines(&c);
    assert_eq!(
        lines[0],
        "10% off this invoice costs you $200.00, now and for certain. Costs you $200.00: within your limit of $300.00; you still break even."
    );
    // 20% of $1,000 is $200; at a 25% margin the job earns $250, so $50 is left.
    assert!(
        lines[1].contains("costs $200.00, and only if they come back"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].ends_with("that job still earns you $50.00."),
        "{}",
        lines[1]
    );
}

#[test]
fn the_limit_line_says_whose_limit_it_is() {
    let c = job(2000, 15, 600);
    assert_eq!(
        limit_line(&c),
        "Suggested limit: $500.00. You break even giving up to $500.00."
    );
    let own = with(c, |c| c.limits.concede = Some(300 * D));
    assert_eq!(
        limit_line(&own),
        "Your limit: $300.00. You break even giving up to $500.00."
    );
    assert!(limit_line(&Case::new("USD")).starts_with("Set your limits"));
}
