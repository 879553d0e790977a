//! Realistic sample data: deterministic variations on believable disputes, for benchmarks
//! and for seeding the browser in tests.

use super::Case;
use super::case::Client;

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

/// The `n`th sample case: the same `n` always gives the same case.
pub fn case(n: usize) -> Case {
    Case {
        client: Client {
            name: format!("{} #{n}", CLIENTS[n % CLIENTS.len()]),
            ..Client::default()
        },
        disputed: format!(
            "{} They wrote on a Monday morning, clearly upset, and copied in their business partner. \
             We have a good history with them over {} projects.",
            DISPUTES[n % DISPUTES.len()],
            n % 7 + 1
        ),
        ..Case::default()
    }
}
