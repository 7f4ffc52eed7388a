//! Audit write path under concurrency: decision records/s with group commit
//! and fsync, and the latency a request waits for its record, against a
//! baseline of one fsync per record measured in the same run.
//!
//! ```text
//! cargo build --release -p cordon-tests && target/release/cordon-auditbench [--seconds 5] [--dir PATH]
//! ```
//! `--dir` picks the file system (default: a temp dir under target/).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use cordon::audit::{Audit, AuditConfig, DecisionRecord};
use hdrhistogram::Histogram;

fn record(i: u64) -> DecisionRecord {
    let mut entities = std::collections::BTreeMap::new();
    entities.insert("US_SSN".to_string(), 1);
    DecisionRecord {
        id: uuid::Uuid::now_v7().to_string(),
        tenant: Some("finance".into()),
        client: Some("billing-app".into()),
        endpoint: "chat_completions".into(),
        model: "gpt-4o-mini".into(),
        route: "local".into(),
        zone: "local".into(),
        action: "local".into(),
        rule: "phi-on-prem".into(),
        entities,
        text_parts: 2,
        text_bytes: 2048 + (i % 7) as usize,
        ..Default::default()
    }
}

use cordon_tests::bench::arg;

async fn run(audit: Arc<Audit>, concurrency: usize, seconds: u64) -> (f64, u64, u64, u64) {
    let until = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..concurrency)
        .map(|w| {
            let audit = audit.clone();
            tokio::spawn(async move {
                let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
                let mut i = w as u64;
                while Instant::now() < until {
                    let t = Instant::now();
                    audit.decision(record(i)).await.unwrap();
                    hist.record(t.elapsed().as_micros().max(1) as u64).unwrap();
                    i += concurrency as u64;
                }
                hist
            })
        })
        .collect();
    let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
    for t in tasks {
        hist.add(t.await.unwrap()).unwrap();
    }
    (
        hist.len() as f64 / seconds as f64,
        hist.value_at_quantile(0.5),
        hist.value_at_quantile(0.99),
        hist.len(),
    )
}

#[tokio::main]
async fn main() {
    let seconds: u64 = arg("--seconds").map(|s| s.parse().unwrap()).unwrap_or(5);
    let base = arg("--dir")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("target"));
    std::fs::create_dir_all(&base).unwrap();
    println!(
        "cordon audit write path: decision records with fsync (group commit), {seconds} s per row, trail under {}",
        base.display()
    );
    println!(
        "{:>5} {:>14} {:>10} {:>10} {:>10}",
        "conc", "records/s", "p50 µs", "p99 µs", "records"
    );
    for concurrency in [1usize, 64] {
        let dir = tempfile::tempdir_in(&base).unwrap();
        let cfg = AuditConfig {
            replica: "cordon".into(),
            ship: None,
            dir: dir.path().join("trail"),
            signing_key: dir.path().join("trail/audit.ed25519"),
            hmac_key: None,
            checkpoint_every: 1000,
            checkpoint_interval: Duration::from_secs(5),
            segment_max_bytes: 64 * 1024 * 1024,
            segment_max_age: Duration::from_secs(86_400),
            retention: None,
            prices: Default::default(),
            durable_outcomes: true,
        };
        let audit = Arc::new(Audit::open(&cfg).unwrap());
        let (rps, p50, p99, n) = run(audit.clone(), concurrency, seconds).await;
        audit.shutdown();
        println!("{concurrency:>5} {rps:>14.0} {p50:>10} {p99:>10} {n:>10}");
    }
    println!("(concurrency 1 is one fsync per record: the baseline group commit is measured against)");
}
