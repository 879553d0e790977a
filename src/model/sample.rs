//! Realistic sample data: deterministic variations on believable disputes, for benchmarks
//! and for seeding the browser in tests.

use super::case::{Category, Client, Outcome, Reach, Severity};
use super::{Case, Date};

const CLIENTS: [&str; 8] = [
    "Dana Whitfield",
    "Northwind Bakery",
    "Okafor & Sons Plumbing",
    "Marisol Vega",
    "Blue Heron Yoga Studio",
    "Tomasz Kowalski",
    "Greenleaf Dental",
    "Aiko Tanaka",
];

const DISPUTES: [&str; 4] = [
    "Says six of the invoiced hours were spent fixing our own mistake and should not be charged.",
    "Unhappy with the logo revisions; wants a refund of the second instalment.",
    "The kitchen tap still drips a week after the repair; asks for the call-out fee back.",
    "Feels the workshop did not cover what the brochure promised and wants a partial refund.",
];

const PEOPLE: [&str; 6] = ["Jordan", "Sam", "Priya", "Alex", "Me", "Chris"];
const PRODUCTS: [&str; 5] = [
    "Website",
    "Logo",
    "Kitchen repair",
    "Workshop",
    "Monthly retainer",
];

/// The `n`th sample case: the same `n` always gives the same case. Cases spread over about
/// two years before November 2026, across categories, severities, outcomes, two currencies
/// and 120 clients (so clients repeat), as a busy small business would see them.
pub fn case(n: usize) -> Case {
    let received = Date::from_ymd(2026, 11, 1)
        .expect("a real date")
        .add_days(-((n * 7 % 700) as i32));
    let currency = if n.is_multiple_of(5) { "EUR" } else { "USD" };
    let outcome = match n % 5 {
        0 => None,
        k => Some(Outcome::ALL[k - 1]),
    };
    let mut case = Case {
        client: Client {
            name: format!("{} #{}", CLIENTS[n % CLIENTS.len()], n % 120),
            ..Client::default()
        },
        received: Some(received),
        disputed: format!(
            "{} They wrote on a Monday morning, clearly upset, and copied in their business partner. \
             We have a good history with them over {} projects.",
            DISPUTES[n % DISPUTES.len()],
            n % 7 + 1
        ),
        amount: Some(((n * 37) % 900 + 50) as i64 * 100),
        currency: currency.into(),
        severity: Some(Severity::ALL[n * 3 % Severity::ALL.len()]),
        category: Some(Category::ALL[n % Category::ALL.len()]),
        people: format!("{}, {}", PEOPLE[n % 6], PEOPLE[(n / 6) % 6]),
        products: PRODUCTS[n % PRODUCTS.len()].into(),
        ..Case::default()
    };
    case.numbers.revenue_to_date = Some(((n % 40) as i64 + 5) * 50_000);
    if n.is_multiple_of(6) {
        case.diagnose.reach = Some(Reach::Systemic);
    }
    if let Some(outcome) = outcome {
        case.decide.outcome = Some(outcome);
        case.decide.closed_on = Some(received.add_days((n % 20) as i32 + 1));
        if outcome == Outcome::ResolvedWithConcession {
            case.decide.concession = Some(((n % 9) as i64 + 1) * 2_500);
        }
    }
    case
}
