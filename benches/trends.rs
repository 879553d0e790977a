//! Trends figures: the trends, the client ledger and the cases CSV for 5,000 realistic cases,
//! as the trends screen computes them when the cases or the period change. Prints figures;
//! asserts nothing about time. Run with `cargo bench --bench trends` (or `make bench`).

use std::time::Instant;

use mend::model::trends::{Period, cases_csv, ledger, select, trends};
use mend::model::{Case, Date, sample};

fn main() {
    let cases: Vec<(String, Case)> = (0..5000)
        .map(|i| (format!("case{i:012}"), sample::case(i)))
        .collect();
    let today = Date::from_ymd(2026, 11, 22).expect("a real date");
    let created = Date::from_ymd(2024, 1, 1).expect("a real date");
    let mut samples = Vec::new();
    let mut csv_ms = Vec::new();
    let mut shape = (0, 0, 0);
    for _ in 0..15 {
        let t = Instant::now();
        let entries = select(
            cases.iter().map(|(id, c)| (id.as_str(), created, c)),
            Period::All,
            today,
        );
        let tr = trends(&entries, today);
        let rows = ledger(&entries, today);
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let csv = cases_csv(&entries);
        csv_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        shape = (tr.total, rows.len(), csv.len());
        std::hint::black_box((tr, rows, csv));
    }
    samples.sort_by(f64::total_cmp);
    csv_ms.sort_by(f64::total_cmp);
    println!(
        "trends + client ledger for {} cases ({} clients): median {:.1} ms, slowest {:.1} ms ({} runs)",
        shape.0,
        shape.1,
        samples[samples.len() / 2],
        samples[samples.len() - 1],
        samples.len()
    );
    println!(
        "cases CSV for {} cases ({:.0} KB): median {:.1} ms (made only when downloaded)",
        shape.0,
        shape.2 as f64 / 1000.0,
        csv_ms[csv_ms.len() / 2]
    );
}
