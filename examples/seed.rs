//! Prints `n` realistic stored cases as a JSON object of localStorage keys and values, for
//! seeding a browser in benchmarks: `cargo run --example seed -- 1000`.

use mend::model::{Record, sample};
use mend::store::AnyRecord;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let start = 1_760_000_000_000_i64;
    let entries: serde_json::Map<String, serde_json::Value> = (0..n)
        .map(|i| {
            let id = format!("seed{i:012}");
            let record = AnyRecord::Case(Record {
                id,
                created: start + i as i64 * 3_600_000,
                updated: start + i as i64 * 3_600_000,
                data: sample::case(i),
            });
            (record.key(), serde_json::Value::String(record.encode()))
        })
        .collect();
    println!("{}", serde_json::Value::Object(entries));
}
