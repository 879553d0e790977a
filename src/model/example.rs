//! The worked example: a believable dispute filled in at every stage, so a newcomer can see
//! the whole flow before starting their own. It is marked as an example and easy to delete.

use super::case::*;
use super::date::{Date, MS_PER_DAY};

/// The example, dated around `today` (`now` in ms for the recorded times).
pub fn worked_example(today: Date, now: i64) -> Case {
    let day = |n: i32| today.add_days(n);
    let at = |days_ago: i64, hour: i64| now - days_ago * MS_PER_DAY + hour * 3_600_000;
    let h = |hours: i64| Some(hours * 60);
    Case {
        example: true,
        client: Client {
            name: "Marisol Vega".into(),
            company: "Vega's Bakery".into(),
            contact: "marisol@example.com".into(),
        },
        received: Some(day(-12)),
        channel: Some(Channel::Email),
        disputed: "She says 6 of the 32 hours on the invoice for her online ordering site should not be charged: 4 hours spent fixing a checkout bug, and a 2-hour meeting she says was my idea.".into(),
        amount: Some(51_000),
        currency: "USD".into(),
        severity: Some(Severity::Significant),
        category: Some(Category::Billing),
        people: "Me, Jordan (subcontractor)".into(),
        products: "Online ordering website".into(),
        numbers: Numbers {
            minutes_spent: h(32),
            hourly_worth: Some(6_500),
            materials: Some(6_000),
            other_costs: None,
            invoiced: Some(272_000),
            revenue_to_date: Some(410_000),
            future_revenue: Some(300_000),
            dispute_minutes: h(4),
        },
        reach: ReachOut {
            channel: Some(Channel::Phone),
            when: Some(day(-11)),
            notes: "Thank her for telling me straight away. Don't open with the timesheet.".into(),
        },
        listen: Listen {
            words: "\"I'm not paying for your mistakes. The checkout broke the week before Easter and I lost orders. And I never asked for that long meeting.\"".into(),
            meaning: "She felt let down at her busiest time, and the invoice felt like being billed for her own bad week. The meeting was booked without her agreeing what it was for.".into(),
            notes: "Calmer once she had said it all. Mentioned her sister recommended me, so the relationship matters to her too.".into(),
            questions: vec![
                Question {
                    text: "What happened, from your point of view?".into(),
                    asked: true,
                    answer: "Orders failed for two days before Easter.".into(),
                },
                Question {
                    text: "What were you expecting to happen?".into(),
                    asked: true,
                    answer: "That launch-week fixes were part of the price.".into(),
                },
                Question {
                    text: "What would make this right for you?".into(),
                    asked: true,
                    answer: "Take the bug-fix hours off; she is less sure about the meeting.".into(),
                },
            ],
        },
        restate: Restate {
            attempts: vec![
                Attempt {
                    mine: "You don't think you should pay for any hours after launch.".into(),
                    correction: "No, only the hours fixing the checkout, and the meeting.".into(),
                    at: at(11, 10),
                },
                Attempt {
                    mine: "The 4 hours fixing a bug I caused shouldn't be billed, and the meeting was booked without you agreeing to it.".into(),
                    correction: String::new(),
                    at: at(11, 10),
                },
            ],
            confirmed_at: Some(at(11, 10)),
        },
        diagnose: Diagnose {
            perceived: "Paying for my mistake, at the worst time of year.".into(),
            perceived_evidence: "Emails from customers whose orders failed.".into(),
            actual: "A payment setting I changed on launch day broke checkout for two days. The meeting covered her new menu, which she had asked about by email.".into(),
            actual_evidence: "Deployment log; her email of 2 March asking to talk through the menu.".into(),
            claim_short: "\"Launch-ready and tested\" on my proposal.".into(),
            expected: "A site that worked from day one, with fixes included.".into(),
            promise: "The proposal said launch support for one week; it did not say fixes were free after that.".into(),
            misunderstanding: Some(YesNo::No),
            retraining: String::new(),
            fault: Some(Fault::Partly),
            fault_extent: "The checkout bug was mine; the meeting was fair work.".into(),
            personality: Some(YesNo::No),
            our_side: "Jordan confirms the meeting agenda was sent a day ahead.".into(),
            good_faith: Some(GoodFaith::GoodFaith),
            good_faith_why: "First complaint in two years; pays on time.".into(),
            reach: Some(Reach::Systemic),
        },
        resolve: Resolve {
            valid: Some(Validity::Partly),
            their_suggestion: "Take the bug-fix hours off the invoice.".into(),
            options: vec![
                RemedyOption {
                    kind: RemedyKind::ReduceAmount,
                    amount: Some(34_000),
                    note: "The 4 bug-fix hours at my rate.".into(),
                    offered: true,
                    ..Default::default()
                },
                RemedyOption {
                    kind: RemedyKind::DiscountNext,
                    amount: Some(120_000),
                    percent: Some(20),
                    note: "On the spring menu update she mentioned.".into(),
                    offered: true,
                    ..Default::default()
                },
                RemedyOption {
                    kind: RemedyKind::ReduceAmount,
                    amount: Some(51_000),
                    note: "All 6 hours: more than is fair, kept as a fallback.".into(),
                    offered: false,
                    ..Default::default()
                },
            ],
            counter_offer: "The meeting stays on the invoice, with the agenda and her email attached, so she can see why.".into(),
            peace: Peace {
                now_percent: Some(10),
                next_percent: Some(20),
                next_purchase: Some(120_000),
            },
            agreed: "I take the 4 bug-fix hours ($340) off the invoice and add a note explaining the meeting. She pays the rest this week and gets 20% off the spring menu update.".into(),
            confirmed_at: Some(at(10, 15)),
        },
        follow_up: vec![
            CheckIn {
                due: Some(day(-4)),
                note: "Revised invoice paid. She thanked me for the call.".into(),
                done: true,
            },
            CheckIn {
                due: Some(day(10)),
                note: "Ask how orders are going, and about the spring menu.".into(),
                done: false,
            },
        ],
        prevent: Prevent {
            client_idea: "Tell her before changing anything on launch day.".into(),
            root_cause: "No test order after changing payment settings, and no agreement on what launch support covers.".into(),
            process_change: "A test order after every payment change; proposals spell out what fixes are included and for how long.".into(),
            consulted: "Jordan".into(),
            system: "A launch checklist with a test order at the end, and a 'launch support' paragraph in the proposal template.".into(),
            actions: vec![
                Action {
                    text: "Write the launch checklist".into(),
                    owner: "Me".into(),
                    due: Some(day(-2)),
                    status: ActionStatus::Done,
                },
                Action {
                    text: "Update the proposal template".into(),
                    owner: "Jordan".into(),
                    due: Some(day(7)),
                    status: ActionStatus::Open,
                },
            ],
        },
        decide: Decide {
            outcome: Some(Outcome::ResolvedWithConcession),
            closed_on: Some(day(-5)),
            concession: Some(34_000),
            exit: Vec::new(),
            note: "Would do the same again. The call was the turning point.".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::numbers::{Reading, figures, reading};
    use crate::model::stage::Stage;
    use crate::model::worksheet::{StageStatus, status};

    #[test]
    fn the_example_is_complete_marked_and_reads_sensibly() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let case = worked_example(today, 1_795_000_000_000);
        assert!(case.example);
        for stage in Stage::questions() {
            assert_eq!(status(*stage, &case), StageStatus::Done, "{stage:?}");
        }
        let f = figures(&case);
        assert_eq!(f.true_cost, Some(214_000));
        assert_eq!(f.margin, Some(58_000));
        assert!(matches!(reading(&case, &f, 0, 0), Reading::GiveWay { .. }));
        // The example survives a round trip through storage.
        use crate::model::json::Json;
        let text = case.to_json().to_string();
        assert_eq!(
            Case::from_json(&serde_json::from_str(&text).unwrap()),
            Ok(case)
        );
    }
}
