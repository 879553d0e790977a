//! Know your numbers: what the job cost you, where you break even, what defending costs, how
//! much you can give and still break even, and what is at risk if the client leaves; what
//! each remedy costs. What to do about it is `counsel`'s. // G1–G5

use super::case::{Case, MAX_MINUTES, RemedyKind, RemedyOption};
use super::money::{add, format_money, mul_div, percent_of};

/// Minutes at an hourly rate, in minor units.
pub fn time_cost(minutes: i64, hourly: i64) -> i64 {
    mul_div(minutes, hourly, 60)
}

/// `7.5 hours`, `1 hour`, `45 minutes`.
pub fn format_hours(minutes: i64) -> String {
    if minutes < 60 && minutes % 60 != 0 {
        return format!("{minutes} minutes");
    }
    let hours = minutes / 60;
    let rest = minutes % 60;
    if rest == 0 {
        return format!("{hours} {}", if hours == 1 { "hour" } else { "hours" });
    }
    let hundredths = mul_div(rest, 100, 60);
    let text = format!("{hours}.{hundredths:02}");
    format!("{} hours", text.trim_end_matches('0'))
}

/// Hours as typed back into a field: `7.5`, `0.75`, `12`.
pub fn hours_for_input(minutes: i64) -> String {
    let hundredths = mul_div(minutes, 100, 60);
    let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Reads hours as typed: `7.5`, `7,5`, `7:30`, `7h30`. Empty is `Ok(None)`.
pub fn parse_hours(text: &str) -> Result<Option<i64>, String> {
    let t: String = text
        .trim()
        .to_ascii_lowercase()
        .replace("hours", "")
        .replace("hrs", "")
        .replace('h', ":");
    let t = t.trim().trim_end_matches(':').trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || "Enter hours as a number, like 6 or 7.5 or 7:30.".to_string();
    let minutes = if let Some((h, m)) = t.split_once(':') {
        let h: i64 = if h.trim().is_empty() {
            0
        } else {
            h.trim().parse().map_err(|_| bad())?
        };
        let m: i64 = m.trim().parse().map_err(|_| bad())?;
        if !(0..60).contains(&m) {
            return Err("Minutes after the colon must be between 0 and 59.".into());
        }
        h.checked_mul(60)
            .and_then(|x| x.checked_add(m))
            .ok_or_else(bad)?
    } else {
        let t = t.replace(',', ".");
        let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
        if !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
            || (whole.is_empty() && frac.is_empty())
        {
            return Err(if t.starts_with('-') {
                "Enter hours without a minus sign.".into()
            } else {
                bad()
            });
        }
        if frac.len() > 2 {
            return Err("Use at most two decimals for hours.".into());
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| bad())?
        };
        let frac_hundredths: i64 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<2}").parse().map_err(|_| bad())?
        };
        whole.checked_mul(60).ok_or_else(bad)? + mul_div(frac_hundredths, 60, 100)
    };
    if minutes > MAX_MINUTES {
        return Err("That is more hours than a dispute can take; check the figure.".into());
    }
    Ok(Some(minutes))
}

/// How big the job was, which changes what a fair way out looks like. // G5
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobScale {
    Small,
    Medium,
    Large,
}

/// Up to this many hours a job counts as small…
pub const SMALL_JOB_MINUTES: i64 = 8 * 60;
/// …and from this many, as a large investment.
pub const LARGE_JOB_MINUTES: i64 = 40 * 60;

impl JobScale {
    pub fn advice(self) -> &'static str {
        match self {
            // G5
            JobScale::Small => {
                "A small job: if the two of you cannot agree, the simplest way out may be to refund it and point the client to someone better suited."
            }
            JobScale::Medium => {
                "A job of this size: put right what is fair; if you cannot agree, a payment for the part delivered well is a fair way out."
            }
            JobScale::Large => {
                "You invested a lot in this job: aim for a pro-rated or otherwise agreed payment, and do not walk away from money you earned."
            }
        }
    }
}

/// Everything worked out from the numbers stage. `None` where an input is missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Your time on the job at your hourly worth. // G1, G2
    pub time_cost: Option<i64>,
    /// Time, materials and other costs. // G1
    pub true_cost: Option<i64>,
    /// What you must be paid to break even on this job (equal to the true cost). // G2
    pub break_even: Option<i64>,
    /// Price invoiced less true cost; negative for a loss.
    pub margin: Option<i64>,
    /// The margin as a share of the price, in tenths of a percent.
    pub margin_permille: Option<i64>,
    /// The hours the dispute may take, at your hourly worth. // G3
    pub defend_cost: Option<i64>,
    /// The most you can give back and still break even. // G3
    pub concession_budget: Option<i64>,
    /// Future work that leaves with the client, at your margin (all of it when the margin
    /// is not known yet). // G4
    pub value_at_risk: Option<i64>,
    pub scale: Option<JobScale>,
}

pub fn figures(case: &Case) -> Figures {
    let n = &case.numbers;
    let time = n
        .minutes_spent
        .zip(n.hourly_worth)
        .map(|(m, w)| time_cost(m, w));
    let true_cost = time
        .and_then(|t| add(t, n.materials.unwrap_or(0)))
        .and_then(|t| add(t, n.other_costs.unwrap_or(0)));
    let margin = n
        .invoiced
        .zip(true_cost)
        .and_then(|(p, c)| p.checked_sub(c));
    let margin_permille = margin
        .zip(n.invoiced)
        .filter(|(_, p)| *p > 0)
        .map(|(m, p)| mul_div(m, 1000, p));
    Figures {
        time_cost: time,
        true_cost,
        break_even: true_cost,
        margin,
        margin_permille,
        defend_cost: n
            .dispute_minutes
            .zip(n.hourly_worth)
            .map(|(m, w)| time_cost(m, w)),
        concession_budget: margin.map(|m| m.max(0)),
        value_at_risk: n
            .future_revenue
            .filter(|v| *v > 0)
            .map(|v| margin_permille.map_or(v, |m| mul_div(v, m.clamp(0, 1000), 1000))),
        scale: n.minutes_spent.map(|m| {
            if m <= SMALL_JOB_MINUTES {
                JobScale::Small
            } else if m >= LARGE_JOB_MINUTES {
                JobScale::Large
            } else {
                JobScale::Medium
            }
        }),
    }
}

/// `23.5%` from tenths of a percent.
pub fn format_permille(permille: i64) -> String {
    let sign = if permille < 0 { "−" } else { "" };
    let p = permille.abs();
    if p % 10 == 0 {
        format!("{sign}{}%", p / 10)
    } else {
        format!("{sign}{}.{}%", p / 10, p % 10)
    }
}

/// What a remedy would cost you, when its inputs are known.
pub fn remedy_cost(option: &RemedyOption, case: &Case) -> Option<i64> {
    let n = &case.numbers;
    match option.kind {
        RemedyKind::RedoFree => option
            .minutes
            .zip(n.hourly_worth)
            .and_then(|(m, w)| add(time_cost(m, w), option.amount.unwrap_or(0))),
        RemedyKind::ReduceAmount | RemedyKind::Replacement | RemedyKind::RefundPartial => {
            option.amount
        }
        RemedyKind::FreeExtra => option.amount.or_else(|| {
            option
                .minutes
                .zip(n.hourly_worth)
                .map(|(m, w)| time_cost(m, w))
        }),
        RemedyKind::ReducePercent => n
            .invoiced
            .zip(option.percent)
            .map(|(p, pc)| percent_of(p, pc)),
        RemedyKind::DiscountNext => option
            .amount
            .zip(option.percent)
            .map(|(next, pc)| percent_of(next, pc)),
        RemedyKind::RefundFull => n.invoiced,
        RemedyKind::ProRated => n
            .invoiced
            .zip(option.percent)
            .map(|(p, paid)| p.saturating_sub(percent_of(p, paid.min(100)))),
        RemedyKind::ApologyOnly => Some(0),
    }
}

/// What a remedy of this kind needs to be costed, as the app asks for it.
pub fn remedy_inputs(kind: RemedyKind) -> &'static [RemedyInput] {
    use RemedyInput::*;
    match kind {
        RemedyKind::RedoFree => &[Hours("Hours to redo it"), Amount("Materials for the redo")],
        RemedyKind::ReduceAmount => &[Amount("Reduce the invoice by")],
        RemedyKind::ReducePercent => &[Percent("Share off the invoice (%)")],
        RemedyKind::DiscountNext => &[Percent("Discount (%)"), Amount("Expected next purchase")],
        RemedyKind::FreeExtra => &[
            Amount("What the extra costs you"),
            Hours("Or: hours it takes"),
        ],
        RemedyKind::Replacement => &[Amount("What the replacement costs you")],
        RemedyKind::RefundFull | RemedyKind::ApologyOnly => &[],
        RemedyKind::RefundPartial => &[Amount("Amount refunded")],
        RemedyKind::ProRated => &[Percent("Share of the invoice still paid (%)")],
    }
}

/// An input a remedy option asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemedyInput {
    Amount(&'static str),
    Percent(&'static str),
    Hours(&'static str),
}

/// A remedy as it is offered to the client, in their terms (what they get, not what it
/// costs you). // G29
pub fn offer_text(option: &RemedyOption, case: &Case) -> String {
    let m = |v: i64| format_money(v, &case.currency);
    let pct = option.percent.unwrap_or(0);
    let main = match option.kind {
        RemedyKind::RedoFree => "We redo the work, at no charge".to_string(),
        RemedyKind::ReduceAmount => option.amount.map_or("We reduce the invoice".into(), |a| {
            format!("We take {} off the invoice", m(a))
        }),
        RemedyKind::ReducePercent => match remedy_cost(option, case) {
            Some(a) => format!("We take {pct}% off the invoice ({})", m(a)),
            None => format!("We take {pct}% off the invoice"),
        },
        RemedyKind::DiscountNext => format!("{pct}% off your next order with us"),
        RemedyKind::FreeExtra => "We add something extra, at no charge".into(),
        RemedyKind::Replacement => "We replace it, at no charge".into(),
        RemedyKind::RefundFull => case.numbers.invoiced.map_or("A full refund".into(), |a| {
            format!("A full refund of {}", m(a))
        }),
        RemedyKind::RefundPartial => option.amount.map_or("A partial refund".into(), |a| {
            format!("A refund of {}", m(a))
        }),
        RemedyKind::ProRated => match case.numbers.invoiced {
            Some(inv) => format!(
                "You pay {pct}% of the invoice ({}) for the part that was delivered",
                m(percent_of(inv, pct.min(100)))
            ),
            None => format!("You pay {pct}% of the invoice for the part that was delivered"),
        },
        RemedyKind::ApologyOnly => "Our apology, and our thanks for telling us".into(),
    };
    let note = option.note.trim();
    if note.is_empty() {
        format!("{main}.")
    } else {
        format!("{main}: {note}")
    }
}

/// A share off this invoice now, against a larger share off the next purchase. // G30
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeaceComparison {
    /// The discount on this invoice: a certain cost, now.
    pub now_cost: Option<i64>,
    /// The discount on the next purchase: a cost only if they come back.
    pub next_cost: Option<i64>,
    /// What the next job still earns you after the discount, at this job's margin.
    pub next_profit: Option<i64>,
}

pub fn peace_comparison(case: &Case, f: &Figures) -> PeaceComparison {
    let p = &case.resolve.peace;
    let next_cost = p
        .next_purchase
        .zip(p.next_percent)
        .map(|(n, pc)| percent_of(n, pc));
    PeaceComparison {
        now_cost: case
            .numbers
            .invoiced
            .zip(p.now_percent)
            .map(|(i, pc)| percent_of(i, pc)),
        next_cost,
        next_profit: p
            .next_purchase
            .zip(f.margin_permille)
            .zip(next_cost)
            .map(|((n, m), c)| mul_div(n, m, 1000).saturating_sub(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::Numbers;

    const H: i64 = 60;

    fn case(numbers: Numbers, amount: Option<i64>) -> Case {
        Case {
            numbers,
            amount,
            ..Case::new("USD")
        }
    }

    fn nums(
        spent_h: i64,
        worth: i64,
        materials: i64,
        invoiced: i64,
        future: Option<i64>,
        dispute_h: i64,
    ) -> Numbers {
        Numbers {
            minutes_spent: Some(spent_h * H),
            hourly_worth: Some(worth),
            materials: Some(materials),
            other_costs: None,
            invoiced: Some(invoiced),
            revenue_to_date: None,
            future_revenue: future,
            dispute_minutes: Some(dispute_h * H),
        }
    }

    #[test]
    fn figures_for_a_typical_job() {
        // 20 h at $80, $200 materials, invoiced $2,400, dispute may take 3 h.
        let c = case(
            nums(20, 8_000, 20_000, 240_000, Some(500_000), 3),
            Some(48_000),
        );
        let f = figures(&c);
        assert_eq!(f.time_cost, Some(160_000));
        assert_eq!(f.true_cost, Some(180_000));
        assert_eq!(f.break_even, Some(180_000));
        assert_eq!(f.margin, Some(60_000));
        assert_eq!(f.margin_permille, Some(250));
        assert_eq!(f.defend_cost, Some(24_000));
        assert_eq!(f.concession_budget, Some(60_000));
        assert_eq!(f.value_at_risk, Some(125_000), "$5,000 at a 25% margin");
        assert_eq!(f.scale, Some(JobScale::Medium));
    }

    #[test]
    fn zero_missing_and_extreme_inputs() {
        let empty = figures(&Case::new("USD"));
        assert_eq!(empty, Figures::default());

        let mut n = nums(0, 0, 0, 0, None, 0);
        n.materials = None;
        let f = figures(&case(n, None));
        assert_eq!(f.true_cost, Some(0));
        assert_eq!(f.margin, Some(0));
        assert_eq!(f.margin_permille, None, "no share of a zero price");
        assert_eq!(f.scale, Some(JobScale::Small));

        // A loss-making job: no budget to concede.
        let f = figures(&case(nums(50, 10_000, 0, 300_000, None, 1), None));
        assert_eq!(f.margin, Some(-200_000));
        assert_eq!(f.concession_budget, Some(0));
        assert_eq!(f.margin_permille, Some(-667));
        assert_eq!(f.scale, Some(JobScale::Large));

        // Huge numbers do not overflow.
        let f = figures(&case(
            nums(100_000, 100_000_000_000_000, 0, i64::MAX / 4, None, 0),
            None,
        ));
        assert!(f.time_cost.unwrap() > 0);

        // Hours without a rate give no cost.
        let n = Numbers {
            minutes_spent: Some(90),
            ..Default::default()
        };
        assert_eq!(figures(&case(n, None)).true_cost, None);
    }

    #[test]
    fn time_costs_round_to_the_minor_unit() {
        let table = [
            (90, 8_000, 12_000),
            (1, 10_000, 167),
            (20, 4_999, 1_666),
            (0, 5_000, 0),
        ];
        for (minutes, hourly, expected) in table {
            assert_eq!(
                time_cost(minutes, hourly),
                expected,
                "{minutes} min at {hourly}"
            );
        }
        // Yen have no minor unit: 1 minute at ¥5,000/h is ¥83.
        assert_eq!(time_cost(1, 5_000), 83);
    }

    #[test]
    fn remedy_costs() {
        let c = case(nums(20, 8_000, 0, 240_000, None, 1), Some(48_000));
        let opt = |kind, amount, percent, minutes| RemedyOption {
            kind,
            amount,
            percent,
            minutes,
            ..Default::default()
        };
        let table = [
            (
                opt(RemedyKind::RedoFree, Some(5_000), None, Some(120)),
                Some(21_000),
            ),
            (opt(RemedyKind::RedoFree, None, None, None), None),
            (
                opt(RemedyKind::ReduceAmount, Some(24_000), None, None),
                Some(24_000),
            ),
            (
                opt(RemedyKind::ReducePercent, None, Some(20), None),
                Some(48_000),
            ),
            (
                opt(RemedyKind::DiscountNext, Some(100_000), Some(40), None),
                Some(40_000),
            ),
            (
                opt(RemedyKind::FreeExtra, None, None, Some(60)),
                Some(8_000),
            ),
            (
                opt(RemedyKind::Replacement, Some(3_500), None, None),
                Some(3_500),
            ),
            (opt(RemedyKind::RefundFull, None, None, None), Some(240_000)),
            (
                opt(RemedyKind::RefundPartial, Some(10_000), None, None),
                Some(10_000),
            ),
            (
                opt(RemedyKind::ProRated, None, Some(75), None),
                Some(60_000),
            ),
            (opt(RemedyKind::ProRated, None, Some(150), None), Some(0)),
            (opt(RemedyKind::ApologyOnly, None, None, None), Some(0)),
        ];
        for (o, expected) in table {
            assert_eq!(remedy_cost(&o, &c), expected, "{:?}", o.kind);
        }
        for kind in RemedyKind::ALL {
            let _ = remedy_inputs(*kind);
        }
    }

    #[test]
    fn offers_read_in_the_clients_terms() {
        let c = case(nums(20, 8_000, 0, 240_000, None, 1), None);
        let opt = |kind, amount, percent, note: &str| RemedyOption {
            kind,
            amount,
            percent,
            note: note.into(),
            ..Default::default()
        };
        let table = [
            (
                opt(RemedyKind::ReduceAmount, Some(34_000), None, ""),
                "We take $340.00 off the invoice.",
            ),
            (
                opt(RemedyKind::ReducePercent, None, Some(10), ""),
                "We take 10% off the invoice ($240.00).",
            ),
            (
                opt(
                    RemedyKind::DiscountNext,
                    Some(100_000),
                    Some(20),
                    "On the spring update",
                ),
                "20% off your next order with us: On the spring update",
            ),
            (
                opt(RemedyKind::RefundFull, None, None, ""),
                "A full refund of $2,400.00.",
            ),
            (
                opt(RemedyKind::ProRated, None, Some(75), ""),
                "You pay 75% of the invoice ($1,800.00) for the part that was delivered.",
            ),
            (
                opt(RemedyKind::ApologyOnly, None, None, ""),
                "Our apology, and our thanks for telling us.",
            ),
            (
                opt(RemedyKind::RefundPartial, None, None, ""),
                "A partial refund.",
            ),
        ];
        for (o, expected) in table {
            assert_eq!(offer_text(&o, &c), expected, "{:?}", o.kind);
            assert!(
                !offer_text(&o, &c).contains("Costs"),
                "never the cost to you"
            );
        }
    }

    #[test]
    fn peace_offering_now_against_next_purchase() {
        // The example from the advice: 20% off this invoice, or 40% off the next purchase.
        let mut c = case(nums(20, 8_000, 0, 240_000, None, 1), None);
        c.resolve.peace.now_percent = Some(20);
        c.resolve.peace.next_percent = Some(40);
        c.resolve.peace.next_purchase = Some(100_000);
        let p = peace_comparison(&c, &figures(&c));
        assert_eq!(p.now_cost, Some(48_000));
        assert_eq!(p.next_cost, Some(40_000));
        // Margin is 33.3%: $333 profit on $1,000, less the $400 discount.
        assert_eq!(p.next_profit, Some(-6_700));
        let empty = peace_comparison(&Case::new("USD"), &Figures::default());
        assert_eq!(
            empty,
            PeaceComparison {
                now_cost: None,
                next_cost: None,
                next_profit: None
            }
        );
    }

    #[test]
    fn hours_are_read_and_written_for_people() {
        let table: Vec<(&str, Result<Option<i64>, ()>)> = vec![
            ("", Ok(None)),
            ("6", Ok(Some(360))),
            ("7.5", Ok(Some(450))),
            ("7,5", Ok(Some(450))),
            ("7:30", Ok(Some(450))),
            ("7h30", Ok(Some(450))),
            ("7h", Ok(Some(420))),
            ("0.25", Ok(Some(15))),
            (".5", Ok(Some(30))),
            ("2 hours", Ok(Some(120))),
            ("1.333", Err(())),
            ("-2", Err(())),
            ("two", Err(())),
            ("7:75", Err(())),
            ("99999999", Err(())),
        ];
        for (text, expected) in table {
            assert_eq!(parse_hours(text).map_err(|_| ()), expected, "{text:?}");
        }
        assert_eq!(format_hours(450), "7.5 hours");
        assert_eq!(format_hours(60), "1 hour");
        assert_eq!(format_hours(45), "45 minutes");
        assert_eq!(format_hours(0), "0 hours");
        assert_eq!(format_hours(20), "20 minutes");
        assert_eq!(format_hours(100), "1.67 hours");
        for minutes in 0..=600 {
            let text = hours_for_input(minutes);
            assert_eq!(parse_hours(&text), Ok(Some(minutes)), "{minutes} → {text}");
        }
        assert_eq!(hours_for_input(450), "7.5");
        assert_eq!(hours_for_input(45), "0.75");
        assert_eq!(hours_for_input(720), "12");
        assert_eq!(format_permille(235), "23.5%");
        assert_eq!(format_permille(-667), "−66.7%");
        assert_eq!(format_permille(300), "30%");
    }

    #[test]
    fn job_scale_advice() {
        assert!(JobScale::Small.advice().contains("refund"));
        assert!(JobScale::Large.advice().contains("pro-rated"));
    }
}
