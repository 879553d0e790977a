//! The worked example: a believable dispute filled in at every stage, so a newcomer can see
//! the whole flow before starting their own. It is marked as an example and easy to delete.

use super::case::Case;
use super::date::{Date, MS_PER_DAY};
use super::json::from_json;

/// The example's answers as JSON: data rather than code keeps the wasm smaller. The dates
/// and times are set around today by [`worked_example`].
const EXAMPLE: &str = r#"{"amount":51000,"category":"billing","channel":"email","client":{"company":"Vega's Bakery","contact":"marisol@example.com","name":"Marisol Vega"},"currency":"USD","decide":{"concession":34000,"note":"Would do the same again. The call was the turning point.","outcome":"resolved_with_concession"},"diagnose":{"actual":"A payment setting I changed on launch day broke checkout for two days. The meeting covered her new menu, which she had asked about by email.","actual_evidence":"Deployment log; her email of 2 March asking to talk through the menu.","claim_short":"\"Launch-ready and tested\" on my proposal.","expected":"A site that worked from day one, with fixes included.","fault":"partly","fault_extent":"The checkout bug was mine; the meeting was fair work.","good_faith":"good_faith","good_faith_why":"First complaint in two years; pays on time.","misunderstanding":"no","our_side":"Jordan confirms the meeting agenda was sent a day ahead.","perceived":"Paying for my mistake, at the worst time of year.","perceived_evidence":"Emails from customers whose orders failed.","personality":"no","promise":"The proposal said launch support for one week; it did not say fixes were free after that.","reach":"systemic"},"disputed":"She says 6 of the 32 hours on the invoice for her online ordering site should not be charged: 4 hours spent fixing a checkout bug, and a 2-hour meeting she says was my idea.","example":true,"follow_up":[{"done":true,"note":"Revised invoice paid. She thanked me for the call."},{"note":"Ask how orders are going, and about the spring menu."}],"listen":{"meaning":"She felt let down at her busiest time, and the invoice felt like being billed for her own bad week. The meeting was booked without her agreeing what it was for.","notes":"Calmer once she had said it all. Mentioned her sister recommended me, so the relationship matters to her too.","questions":[{"answer":"Orders failed for two days before Easter.","asked":true,"text":"What happened, from your point of view?"},{"answer":"That launch-week fixes were part of the price.","asked":true,"text":"What were you expecting to happen?"},{"answer":"Take the bug-fix hours off; she is less sure about the meeting.","asked":true,"text":"What would make this right for you?"}],"words":"\"I'm not paying for your mistakes. The checkout broke the week before Easter and I lost orders. And I never asked for that long meeting.\""},"numbers":{"dispute_minutes":240,"future_revenue":300000,"hourly_worth":6500,"invoiced":272000,"materials":6000,"minutes_spent":1920,"revenue_to_date":410000},"people":"Me, Jordan (subcontractor)","prevent":{"actions":[{"owner":"Me","status":"done","text":"Write the launch checklist"},{"owner":"Jordan","status":"open","text":"Update the proposal template"}],"client_idea":"Tell her before changing anything on launch day.","consulted":"Jordan","process_change":"A test order after every payment change; proposals spell out what fixes are included and for how long.","root_cause":"No test order after changing payment settings, and no agreement on what launch support covers.","system":"A launch checklist with a test order at the end, and a 'launch support' paragraph in the proposal template."},"products":"Online ordering website","reach":{"channel":"phone","notes":"Thank her for telling me straight away. Don't open with the timesheet."},"resolve":{"agreed":"I take the 4 bug-fix hours ($340) off the invoice and add a note explaining the meeting. She pays the rest this week and gets 20% off the spring menu update.","counter_offer":"The meeting stays on the invoice, with the agenda and her email attached, so she can see why.","options":[{"amount":34000,"kind":"reduce_amount","note":"The 4 bug-fix hours at my rate.","offered":true},{"amount":120000,"kind":"discount_next","note":"On the spring menu update she mentioned.","offered":true,"percent":20},{"amount":51000,"kind":"reduce_amount","note":"All 6 hours: more than is fair, kept as a fallback."}],"peace":{"next_percent":20,"next_purchase":120000,"now_percent":10},"their_suggestion":"Take the bug-fix hours off the invoice.","valid":"partly"},"restate":{"attempts":[{"at":0,"correction":"No, only the hours fixing the checkout, and the meeting.","mine":"You don't think you should pay for any hours after launch."},{"at":0,"mine":"The 4 hours fixing a bug I caused shouldn't be billed, and the meeting was booked without you agreeing to it."}]},"severity":"significant"}"#;

/// The example, dated around `today` (`now` in ms for the recorded times).
pub fn worked_example(today: Date, now: i64) -> Case {
    let day = |n: i32| Some(today.add_days(n));
    let at = |days_ago: i64, hour: i64| now - days_ago * MS_PER_DAY + hour * 3_600_000;
    let value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap_or_default();
    let mut case: Case = from_json(value).unwrap_or_default();
    case.example = true;
    case.received = day(-12);
    case.reach.when = day(-11);
    for a in &mut case.restate.attempts {
        a.at = at(11, 10);
    }
    case.restate.confirmed_at = Some(at(11, 10));
    case.resolve.confirmed_at = Some(at(10, 15));
    for (c, d) in case.follow_up.iter_mut().zip([-4, 10]) {
        c.due = day(d);
    }
    for (a, d) in case.prevent.actions.iter_mut().zip([-2, 7]) {
        a.due = day(d);
    }
    case.decide.closed_on = day(-5);
    case
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::counsel::{Call, Past, reading};
    use crate::model::numbers::figures;
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
        // A partly valid concern: fix the fair part.
        assert_eq!(reading(&case, Past::default()).call, Call::FixFairPart);
        // The example survives a round trip through storage.
        use crate::model::json::to_json;
        let text = to_json(&case).to_string();
        assert_eq!(
            from_json::<Case>(serde_json::from_str(&text).unwrap()),
            Ok(case)
        );
    }
}
