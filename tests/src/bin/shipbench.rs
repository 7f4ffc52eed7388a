//! Shipping the audit trail to PostgreSQL: sustained records/s from one
//! replica to one PostgreSQL server (a real one, started in a temp dir on
//! 127.0.0.1 as the tests do), the lag left when a load ends, and the
//! bytes each request's records take on disk and in the database.
//!
//! ```text
//! cargo build --release -p cordon-tests --bin cordon-shipbench
//! target/release/cordon-shipbench [--records 200000] [--seconds 10] [--batch 5000] [--keep]
//! ```
//!
//! - backlog: `--records` decision + outcome records written first (no
//!   shipping), then one shipper sends them all: records/s.
//! - live: 64 writers append decisions (each waiting for its fsync, as
//!   requests do) for `--seconds` while the shipper runs: records/s written,
//!   the lag (records, seconds) at the end of the load, and how long it took
//!   to drain.
//! - size: bytes per request (decision + outcome) in the local segments and
//!   in PostgreSQL (`pg_total_relation_size` of the records table, indexes
//!   included).
//!
//! The records are those of a 4 KB prompt with protected health
//! information: 12 findings of 7 entity types, their spans and keyed
//! fingerprints, and an outcome with tokens and cost.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cordon::audit::ship::{Progress, ShipConfig, ShipTarget, Shipper};
use cordon::audit::{Audit, AuditConfig, Body, DecisionRecord, OutcomeRecord, Span};
use cordon_tests::Postgres;

use cordon_tests::bench::arg;

/// The decision record of a 4 KB PHI prompt.
pub fn phi_decision() -> DecisionRecord {
    let found = [
        ("PERSON", "PII", 3),
        ("DATE", "PHI", 2),
        ("MEDICAL_RECORD_NUMBER", "PHI", 2),
        ("US_SSN", "PII", 1),
        ("PHONE_NUMBER", "PII", 2),
        ("EMAIL_ADDRESS", "PII", 1),
        ("US_ADDRESS", "PII", 1),
    ];
    let mut entities = BTreeMap::new();
    let mut categories: BTreeMap<String, u32> = BTreeMap::new();
    let mut spans = Vec::new();
    let mut fingerprints = Vec::new();
    let mut at = 40;
    for (entity, cat, n) in found {
        entities.insert(entity.to_string(), n);
        *categories.entry(cat.to_string()).or_default() += n;
        for _ in 0..n {
            spans.push(Span {
                pointer: "/messages/1/content".into(),
                start: at,
                end: at + 14,
                entity: entity.to_string(),
            });
            at += 301;
            let fp: [u8; 32] = std::array::from_fn(|_| rand_byte());
            fingerprints.push(hex_str(&fp));
        }
    }
    DecisionRecord {
        id: uuid::Uuid::now_v7().to_string(),
        tenant: Some("clinic".into()),
        client: Some("ward-app".into()),
        endpoint: "chat_completions".into(),
        model: "gpt-4o-mini".into(),
        route: "local".into(),
        zone: "local".into(),
        action: "local".into(),
        rule: "phi-on-prem".into(),
        policy_hash: Some(format!("sha256:{}", hex_str(&[7u8; 32]))),
        regions: vec!["unlabelled".into()],
        entities,
        categories,
        spans,
        fingerprints,
        text_parts: 2,
        text_bytes: 4096,
        ..Default::default()
    }
}

fn outcome(id: &str) -> OutcomeRecord {
    OutcomeRecord {
        decision_id: id.to_string(),
        status: 200,
        upstream: Some("onprem".into()),
        model_served: Some("smollm2-135m-instruct".into()),
        latency_ms: 812.4,
        tokens_in: Some(1043),
        tokens_out: Some(212),
        cost_usd: Some(0.0),
        ..Default::default()
    }
}

fn rand_byte() -> u8 {
    use std::cell::Cell;
    use std::sync::atomic::AtomicU64;
    // One stream per thread, each seeded apart: with one seed for all,
    // two threads wrote the same fingerprints and compression found the
    // repeats (a real trail's fingerprints do not repeat that way).
    static SEEDS: AtomicU64 = AtomicU64::new(1);
    thread_local!(static S: Cell<u64> = Cell::new(
        0x9e37_79b9_7f4a_7c15 ^ SEEDS.fetch_add(1, Ordering::Relaxed).wrapping_mul(0xd1b5_4a32_d192_ed03)
    ));
    S.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        (x >> 24) as u8
    })
}

fn hex_str(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn audit_config(dir: &std::path::Path, ship: Option<ShipConfig>) -> AuditConfig {
    AuditConfig {
        replica: "bench".into(),
        ship,
        dir: dir.join("trail"),
        signing_key: dir.join("trail/audit.ed25519"),
        hmac_key: None,
        checkpoint_every: 1000,
        checkpoint_interval: Duration::from_secs(5),
        segment_max_bytes: 64 * 1024 * 1024,
        segment_max_age: Duration::from_secs(86_400),
        retention: None,
        prices: BTreeMap::new(),
        durable_outcomes: true,
    }
}

fn ship_config(pg: &Postgres, prefix: &str, batch: usize) -> ShipConfig {
    ShipConfig {
        url_env: "CORDON_AUDIT_PG_URL".into(),
        url: Some(pg.url().into()),
        prefix: prefix.into(),
        ca: None,
        batch,
        linger: Duration::from_millis(200),
        max_lag: None,
        checkpoint_max_age: Duration::from_secs(3600),
        keys: BTreeMap::new(),
    }
}

fn target(cfg: &AuditConfig, ship: ShipConfig, audit: &Audit) -> ShipTarget {
    ShipTarget {
        cfg: ship,
        replica: cfg.replica.clone(),
        dir: cfg.dir.clone(),
        pubkey: cordon::audit::keys::public_text(&audit.public_key()),
        retention: None,
    }
}

/// Bytes on disk: (all segments, sealed segments alone, lines in the
/// sealed ones). Looks again when a segment is sealed under it.
fn trail_bytes(dir: &std::path::Path) -> (u64, u64, u64) {
    'again: loop {
        let (mut all, mut sealed, mut lines) = (0, 0, 0);
        for (_, p) in cordon::audit::segments(dir).unwrap() {
            let Ok(meta) = std::fs::metadata(&p) else {
                continue 'again;
            };
            all += meta.len();
            if cordon::audit::seal::is_sealed(&p) {
                sealed += meta.len();
                let plain = cordon::audit::read::segment_bytes(&p).unwrap();
                lines += plain.iter().filter(|&&b| b == b'\n').count() as u64;
            }
        }
        return (all, sealed, lines);
    }
}

/// The trail's size as JSON Lines (plain bytes, sealed or not).
fn plain_bytes(dir: &std::path::Path) -> u64 {
    'again: loop {
        let mut all = 0;
        for (_, p) in cordon::audit::segments(dir).unwrap() {
            let Ok(len) = cordon::audit::read::segment_len(&p) else {
                continue 'again;
            };
            all += len;
        }
        return all;
    }
}

async fn wait_shipped(progress: &Progress, seq: u64, limit: Duration) -> Duration {
    let start = Instant::now();
    while progress.shipped_seq.load(Ordering::Acquire) < seq {
        assert!(start.elapsed() < limit, "not shipped within {limit:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    start.elapsed()
}

#[tokio::main]
async fn main() {
    let records: u64 = arg("--records").map(|s| s.parse().unwrap()).unwrap_or(200_000);
    let seconds: u64 = arg("--seconds").map(|s| s.parse().unwrap()).unwrap_or(10);
    let batch: usize = arg("--batch").map(|s| s.parse().unwrap()).unwrap_or(5000);
    let pg = Postgres::start();
    let base = tempfile::Builder::new()
        .prefix("shipbench")
        .tempdir_in("target")
        .unwrap();
    let keep = std::env::args().any(|a| a == "--keep");
    println!(
        "cordon audit shipping to PostgreSQL ({}), batch {batch}",
        pg.sql("SHOW server_version")
    );

    // Backlog: write, then ship everything.
    let dir = base.path().join("backlog");
    let cfg = audit_config(&dir, None);
    let audit = Arc::new(Audit::open(&cfg).unwrap());
    let writers = 64u64;
    let per = records / 2 / writers;
    let tasks: Vec<_> = (0..writers)
        .map(|_| {
            let audit = audit.clone();
            tokio::spawn(async move {
                for _ in 0..per {
                    let d = phi_decision();
                    let id = d.id.clone();
                    audit.decision(d).await.unwrap();
                    audit.record(Body::Outcome(outcome(&id))).await.unwrap();
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let requests = per * writers;
    let progress = audit.progress();
    let last = progress.durable_seq.load(Ordering::Acquire);
    let plain = plain_bytes(&cfg.dir);
    let ship = ship_config(&pg, "bench_", batch);
    let shipper = Shipper::start(target(&cfg, ship.clone(), &audit), progress.clone());
    let took = wait_shipped(&progress, last, Duration::from_secs(600)).await;
    shipper.finish(Duration::from_secs(5)).await;
    // Shutting down waits for the sealing of the closed segments.
    audit.shutdown();
    let (local, sealed, sealed_lines) = trail_bytes(&cfg.dir);
    let frames: u64 = pg.sql("SELECT count(*) FROM bench_frames").parse().unwrap();
    let pg_bytes: u64 = pg
        .sql("SELECT pg_total_relation_size('bench_frames') + pg_total_relation_size('bench_records')")
        .parse()
        .unwrap();
    let per_line = |bytes: u64, lines: u64| bytes as f64 / lines.max(1) as f64;
    println!(
        "backlog: {last} records ({requests} requests) shipped in {:.2} s: {:.0} records/s",
        took.as_secs_f64(),
        last as f64 / took.as_secs_f64()
    );
    // A request is two records (decision, outcome); checkpoints add 0.1%.
    println!(
        "size on disk: {:.0} bytes/request as JSON Lines before sealing; {:.0} bytes/request in sealed segments \
         ({sealed} bytes, {sealed_lines} records); {:.0} bytes/request for the whole trail with its open segment",
        per_line(plain, last) * 2.0,
        per_line(sealed, sealed_lines) * 2.0,
        per_line(local, last) * 2.0,
    );
    println!(
        "size in PostgreSQL: {:.0} bytes/request ({frames} frames, {pg_bytes} bytes: frames and records tables, \
         TOAST and indexes)",
        per_line(pg_bytes, last) * 2.0
    );

    // Live: ship while 64 writers append.
    let dir = base.path().join("live");
    let ship = ship_config(&pg, "live_", batch);
    let cfg = audit_config(&dir, Some(ship.clone()));
    let audit = Arc::new(Audit::open(&cfg).unwrap());
    let progress = audit.progress();
    let shipper = Shipper::start(target(&cfg, ship, &audit), progress.clone());
    let until = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..writers)
        .map(|_| {
            let audit = audit.clone();
            tokio::spawn(async move {
                let mut n = 0u64;
                while Instant::now() < until {
                    let d = phi_decision();
                    let id = d.id.clone();
                    audit.decision(d).await.unwrap();
                    audit.record(Body::Outcome(outcome(&id))).await.unwrap();
                    n += 2;
                }
                n
            })
        })
        .collect();
    let mut written = 0;
    for t in tasks {
        written += t.await.unwrap();
    }
    let lag_records = progress.lag_records();
    let lag_seconds = progress.lag_seconds();
    let last = progress.durable_seq.load(Ordering::Acquire);
    let drain = wait_shipped(&progress, last, Duration::from_secs(600)).await;
    shipper.finish(Duration::from_secs(5)).await;
    audit.shutdown();
    if keep {
        println!("trails kept in {}", base.keep().display());
    }
    println!(
        "live: {written} records written in {seconds} s ({:.0} records/s, fsync per group commit) while shipping; \
         at the end of the load: lag {lag_records} records, {lag_seconds:.2} s; drained {:.2} s later",
        written as f64 / seconds as f64,
        drain.as_secs_f64()
    );
}
