//! The compliance console on a large trail: seeds N decisions with their
//! outcomes through the real audit writer, starts `cordon serve` with the
//! console on that trail, and times what an officer does: the first page
//! (the index is built), filtered searches, a decision's detail, the
//! overview charts; against the baseline of the same search done by
//! `cordon audit query`, which reads the whole trail, timed in the same run.
//!
//! ```text
//! cargo build --release -p cordon -p cordon-tests && target/release/cordon-consolebench [--records 1000000]
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cordon::audit::{Audit, AuditConfig, DecisionRecord, OutcomeRecord};

const PASSWORD: &str = "bench-password-not-secret";

use cordon_tests::bench::arg;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let n: u64 = arg("--records").and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::Builder::new()
        .prefix("consolebench")
        .tempdir_in(concat!(env!("CARGO_MANIFEST_DIR"), "/../target"))
        .unwrap();
    let trail = dir.path().join("audit");
    let cfg = AuditConfig {
        replica: "cordon".into(),
        ship: None,
        dir: trail.clone(),
        signing_key: trail.join("audit.ed25519"),
        hmac_key: None,
        checkpoint_every: 10_000,
        checkpoint_interval: Duration::from_secs(5),
        segment_max_bytes: 256 << 20,
        segment_max_age: Duration::from_secs(86_400),
        retention: None,
        prices: BTreeMap::new(),
        durable_outcomes: true,
    };
    let started = Instant::now();
    {
        let audit = Arc::new(Audit::open(&cfg).unwrap());
        let mut i = 0u64;
        while i < n {
            let batch: Vec<DecisionRecord> = (i..(i + 2000).min(n)).map(cordon_tests::bench::decision).collect();
            let mut set = tokio::task::JoinSet::new();
            for d in batch {
                let a = audit.clone();
                let id = d.id.clone();
                let k = i;
                set.spawn(async move {
                    a.decision(d).await.unwrap();
                    a.outcome(OutcomeRecord {
                        decision_id: id,
                        status: if k % 97 == 0 { 503 } else { 200 },
                        upstream: (k % 97 != 0).then(|| if k % 10 < 4 { "onprem" } else { "openai" }.to_string()),
                        latency_ms: 20.0 + (k % 500) as f64,
                        tokens_in: Some(400),
                        tokens_out: Some(120),
                        cost_usd: (k % 10 >= 4).then_some(0.0002),
                        ..Default::default()
                    });
                });
                i += 1;
            }
            while let Some(r) = set.join_next().await {
                r.unwrap();
            }
        }
        audit.shutdown();
    }
    let bytes: u64 = std::fs::read_dir(&trail)
        .unwrap()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "seeded {n} decisions + outcomes in {:.1} s ({:.0} MB of trail)",
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1e6
    );

    let hash = cordon::console::auth::hash_password(PASSWORD).unwrap();
    let config = format!(
        "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: {{ kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }}\nroutes:\n  local: [o]\n  cloud: [o]\naudit: {{ dir: audit }}\nadmin:\n  addr: 127.0.0.1:0\n  users: [{{ name: bench, role: auditor, password_hash: \"{hash}\" }}]\n"
    );
    let t0 = Instant::now();
    let cordon = cordon_tests::Cordon::start_in(dir, &config, &[]);
    let base = format!("http://{}", cordon.console.unwrap());
    let client = cordon_tests::console::client(Duration::from_secs(600));
    let r = cordon_tests::console::sign_in(&client, &base, "bench", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let get = |path: String| cordon_tests::bench::timed_get(client.clone(), path);
    let (first, page) = get(format!("{base}/decisions?page=2000")).await;
    let at = page.find("href=\"/decisions/").unwrap() + 6;
    let detail = page[at..].split('"').next().unwrap().to_string();
    println!(
        "first page after start (index built): {} ({} from process start)",
        ms(first),
        ms(t0.elapsed())
    );
    let rss = std::fs::read_to_string(format!("/proc/{}/status", cordon.pid()))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS")).map(|l| l.to_string()))
        .unwrap_or_default();
    println!("cordon memory with the index: {}", rss.trim());

    let searches = [
        ("all, newest page", "/decisions".to_string()),
        ("PHI routed locally", "/decisions?category=PHI&zone=local".to_string()),
        (
            "tenant + entity type",
            "/decisions?tenant=tenant-3&entity=US_SSN".to_string(),
        ),
        ("status 5xx, page 3", "/decisions?status=5xx&page=3".to_string()),
        (
            "a rare rule + client",
            "/decisions?rule=secrets&client=app-2".to_string(),
        ),
        ("a decision's detail", detail.clone()),
        ("overview charts, whole trail", "/".to_string()),
    ];
    println!("\n| console request ({n} decisions) | median of 9 |\n| --- | --- |");
    let mut phi = Duration::ZERO;
    for (name, path) in &searches {
        let mut times = Vec::new();
        for _ in 0..9 {
            times.push(get(format!("{base}{path}")).await.0);
        }
        let m = median(times);
        if path.contains("PHI") {
            phi = m;
        }
        println!("| {name} | {} |", ms(m));
    }
    // Baseline: the same PHI-local search by reading the trail, as `cordon audit query` does.
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let (code, out) = cordon.cli(&["audit", "--dir", "audit", "query", "--zone", "local", "--limit", "50"]);
        assert_eq!(code, 0, "{out}");
        times.push(t.elapsed());
    }
    let base_t = median(times);
    println!(
        "\nbaseline `cordon audit query --zone local --limit 50` (reads the whole trail): {} (median of 3)",
        ms(base_t)
    );
    println!(
        "console search for PHI routed locally: {} -> {:.0}x faster than the baseline",
        ms(phi),
        base_t.as_secs_f64() / phi.as_secs_f64()
    );
}
