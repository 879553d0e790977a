//! Native store figures: encoding and decoding realistic records, and loading a store of
//! 1,000 cases from memory. Prints figures; asserts nothing about time.
//! Run with `cargo bench --bench store` (or `make bench`).

use std::time::Instant;

use mend::model::{Record, sample};
use mend::store::backend::MemoryBackend;
use mend::store::load::load_all;
use mend::store::record::decode;
use mend::store::{AnyRecord, Backend};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn report(name: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    println!(
        "{name:<44} p50 {:>8.3} ms   p95 {:>8.3} ms   ({} runs)",
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        samples.len()
    );
}

fn main() {
    let records: Vec<AnyRecord> = (0..1000)
        .map(|i| AnyRecord::Case(Record::new(format!("case{i:012}"), 0, sample::case(i))))
        .collect();
    let texts: Vec<String> = records.iter().map(AnyRecord::encode).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "1,000 realistic cases: {:.1} KB encoded, {} bytes each on average",
        bytes as f64 / 1000.0,
        bytes / 1000
    );

    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1000.0
    };
    report(
        "encode one case",
        records
            .iter()
            .map(|r| time(&mut || drop(std::hint::black_box(r.encode()))))
            .collect(),
    );
    report(
        "decode one case",
        texts
            .iter()
            .map(|t| time(&mut || drop(std::hint::black_box(decode(t)))))
            .collect(),
    );

    let mut backend = MemoryBackend::new();
    for r in &records {
        backend.set(&r.key(), &r.encode()).unwrap();
    }
    report(
        "load a store of 1,000 cases",
        (0..20)
            .map(|_| {
                let mut b = backend.clone();
                time(&mut || {
                    let loaded = load_all(&mut b, 0, &mut || "q".into()).unwrap();
                    assert_eq!(loaded.records.len(), 1000);
                })
            })
            .collect(),
    );
}
