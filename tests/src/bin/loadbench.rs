//! Load run: requests/s and latency straight to a fast fake vendor and
//! through Cordon, in one run, at concurrency 1 and 64, with a 2 KB chat body.
//!
//! ```text
//! cargo build --release -p cordon -p cordon-tests
//! target/release/cordon-loadbench [--seconds 5] [--concurrency 1,64] [--policy hipaa|FILE] [--pii] [--otlp]
//!     [--pin] [--cordon-bins before=PATH,after=PATH] [--bedrock] [--ship]
//! (`--otlp [--sample 0.1]`: traces exported by OTLP/HTTP to a collector on 127.0.0.1 that accepts and drops them)
//! ```
//!
//! Everything runs on 127.0.0.1; each phase is bounded by `--seconds`.
//!
//! - `--pin`: each proxy under test (Cordon) runs on CPU 0 alone
//!   (`taskset`), the load generator and the fake vendor on CPU 1.
//! - `--cordon-bins NAME=PATH,...`: several Cordon binaries (say the commit
//!   before a change and after it), each measured in the same run.
//! - `--ship`: also the same Cordon shipping its audit trail to a real
//!   PostgreSQL on 127.0.0.1 (`audit.ship`; `scripts/fetch-postgres`); its
//!   row against the first Cordon's is what shipping adds.
//! - `--bedrock`: also a Cordon whose cloud upstream is `kind: bedrock` on
//!   the fake cloud (`cordon_tests::FakeCloud`): the same OpenAI client
//!   request translated to Converse, SigV4-signed (the fake checks each
//!   signature) and its answer translated back; its row against the first
//!   Cordon's (pass-through) is the translation's added latency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use cordon_tests::{Cordon, FakeCloud, FakeUpstream};
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;

struct Phase {
    rps: f64,
    p50_us: u64,
    p99_us: u64,
    errors: u64,
}

fn chat_body(pii: bool) -> Bytes {
    // A realistic 2 KB chat request; with `pii`, a customer's name, card, e-mail and phone in it.
    let mut filler =
        "Please summarise the quarterly figures for the operations team, keeping the tone neutral. ".repeat(22);
    if pii {
        filler.truncate(filler.len() - 180);
        filler.push_str(
            "Remind Maria Garcia (maria.garcia@example.org, (415) 555-0132) that card 4111 1111 1111 1111 is due.",
        );
    }
    let body = serde_json::json!({
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "You are a concise assistant."},
            {"role": "user", "content": filler}
        ],
        "temperature": 0.2,
        "max_tokens": 256
    });
    let bytes = serde_json::to_vec(&body).unwrap();
    assert!((1900..2300).contains(&bytes.len()), "body is {} bytes", bytes.len());
    Bytes::from(bytes)
}

async fn worker(
    addr: SocketAddr,
    path: &'static str,
    body: Bytes,
    until: Instant,
    warmup_end: Instant,
) -> (Histogram<u64>, u64, u64) {
    let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
    let mut done = 0u64;
    let mut errors = 0u64;
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.set_nodelay(true).unwrap();
    let (mut send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tcp)).await.unwrap();
    tokio::spawn(conn);
    while Instant::now() < until {
        let req = Request::post(path)
            .header("host", "127.0.0.1")
            .header("content-type", "application/json")
            .header("authorization", "Bearer bench-client-key-0123456789")
            .body(Full::new(body.clone()))
            .unwrap();
        let started = Instant::now();
        let ok = match send.send_request(req).await {
            Ok(resp) => {
                let status = resp.status();
                resp.into_body().collect().await.is_ok() && status.is_success()
            }
            Err(_) => false,
        };
        let elapsed = started.elapsed();
        if started >= warmup_end {
            if ok {
                hist.record(elapsed.as_micros().max(1) as u64).unwrap();
                done += 1;
            } else {
                errors += 1;
            }
        }
        if !ok && send.ready().await.is_err() {
            break;
        }
    }
    (hist, done, errors)
}

async fn phase(addr: SocketAddr, path: &'static str, concurrency: usize, seconds: u64, body: &Bytes) -> Phase {
    let start = Instant::now();
    let warmup_end = start + Duration::from_millis(500);
    let until = warmup_end + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| tokio::spawn(worker(addr, path, body.clone(), until, warmup_end)))
        .collect();
    let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
    let (mut done, mut errors) = (0u64, 0u64);
    for t in tasks {
        let (h, d, e) = t.await.unwrap();
        hist.add(h).unwrap();
        done += d;
        errors += e;
    }
    Phase {
        rps: done as f64 / seconds as f64,
        p50_us: hist.value_at_quantile(0.50),
        p99_us: hist.value_at_quantile(0.99),
        errors,
    }
}

/// Pins a running process (all its threads) to `cpus` (`taskset` syntax).
fn pin(pid: u32, cpus: &str) {
    let ok = std::process::Command::new("taskset")
        .args(["-a", "-p", "-c", cpus, &pid.to_string()])
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "taskset could not pin pid {pid}");
}

use cordon_tests::bench::arg;

#[tokio::main]
async fn main() {
    let seconds: u64 = arg("--seconds").map(|s| s.parse().unwrap()).unwrap_or(5);
    let levels: Vec<usize> = arg("--concurrency")
        .unwrap_or_else(|| "1,64".into())
        .split(',')
        .map(|c| c.parse().unwrap())
        .collect();
    let fake = FakeUpstream::start_unrecorded().await;
    // `--policy hipaa` (a shipped pack) or `--policy FILE`; default: the baseline policy.
    let policy = arg("--policy").map(|p| {
        let packs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies/packs");
        let pack = packs.join(format!("{p}.yaml"));
        let path = if pack.is_file() {
            pack
        } else {
            std::path::PathBuf::from(&p)
        };
        std::fs::canonicalize(&path).unwrap_or_else(|e| panic!("policy {}: {e}", path.display()))
    });
    let policy_line = policy
        .as_ref()
        .map(|p| format!("policy: {}\n", p.display()))
        .unwrap_or_default();
    let collector = FakeUpstream::start_unrecorded().await;
    let otlp = std::env::args().any(|a| a == "--otlp");
    let telemetry_line = if otlp {
        format!(
            "telemetry: {{ otlp_endpoint: \"{}\", otlp_protocol: http, export_interval: 1s, sample_ratio: {} }}\n",
            collector.base(),
            arg("--sample").unwrap_or_else(|| "1.0".into())
        )
    } else {
        String::new()
    };
    let config = format!(
        "{telemetry_line}listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  vendor: {{ kind: openai, base_url: \"{}\", api_key_env: BENCH_VENDOR_KEY, zone: cloud }}\nroutes:\n  local: []\n  cloud: [vendor]\nlimits:\n  max_concurrent_requests: 4096\n{policy_line}",
        fake.base_v1()
    );
    let pinned = std::env::args().any(|a| a == "--pin");
    if pinned {
        // This process: the load generator and the fake vendor.
        pin(std::process::id(), "1");
    }
    let bins: Vec<(String, Option<String>)> = match arg("--cordon-bins") {
        Some(list) => list
            .split(',')
            .map(|kv| {
                let (name, path) = kv.split_once('=').unwrap_or((kv, kv));
                (name.to_string(), Some(path.to_string()))
            })
            .collect(),
        None => vec![("cordon".to_string(), None)],
    };
    let mut cordons = Vec::new();
    for (name, path) in &bins {
        if let Some(p) = path {
            std::env::set_var("CORDON_BIN", p);
        }
        let c = Cordon::start(
            &config,
            &[
                ("BENCH_VENDOR_KEY", "sk-bench"),
                ("CORDON_LOG", std::env::var("CORDON_LOG").as_deref().unwrap_or("info")),
            ],
        );
        if pinned {
            pin(c.pid(), "0");
        }
        cordons.push((name.clone(), c));
    }
    // `--ship`: the same Cordon again, shipping its trail to a real
    // PostgreSQL (started here, as the tests do): the added p99 of shipping.
    let _pg = if std::env::args().any(|a| a == "--ship") {
        let pg = cordon_tests::Postgres::start();
        let url = pg.url();
        let c = Cordon::start(
            &format!("{config}audit:\n  replica: bench\n  ship:\n    postgres: {{ url_env: BENCH_PG_URL }}\n"),
            &[
                ("BENCH_VENDOR_KEY", "sk-bench"),
                ("BENCH_PG_URL", url.as_str()),
                ("CORDON_LOG", std::env::var("CORDON_LOG").as_deref().unwrap_or("info")),
            ],
        );
        if pinned {
            pin(c.pid(), "0");
        }
        cordons.push(("shipping".to_string(), c));
        Some(pg)
    } else {
        None
    };
    let cloud = FakeCloud::start_unrecorded().await;
    if std::env::args().any(|a| a == "--bedrock") {
        use cordon_tests::clouds::{AWS_KEY_ID, AWS_SECRET};
        let bedrock = format!(
            "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  vendor: {{ kind: bedrock, aws_region: us-east-1, base_url: \"{}\" }}\nroutes:\n  local: []\n  cloud: [vendor]\nmodels:\n  gpt-4o-mini: {{ vendor: \"anthropic.claude-3-5-haiku-20241022-v1:0\" }}\nlimits:\n  max_concurrent_requests: 4096\n{policy_line}",
            cloud.base()
        );
        let c = Cordon::start(
            &bedrock,
            &[
                ("AWS_ACCESS_KEY_ID", AWS_KEY_ID),
                ("AWS_SECRET_ACCESS_KEY", AWS_SECRET),
                ("CORDON_LOG", std::env::var("CORDON_LOG").as_deref().unwrap_or("info")),
            ],
        );
        if pinned {
            pin(c.pid(), "0");
        }
        cordons.push(("bedrock".to_string(), c));
    }
    let pii = std::env::args().any(|a| a == "--pii");
    if otlp {
        println!("traces: exported by OTLP/HTTP to {}", collector.base());
    }
    let body = chat_body(pii);
    println!("cordon load run: 2 KB chat body ({} bytes), {seconds} s per phase after 0.5 s warm-up, loopback, HTTP/1.1 keep-alive", body.len());
    println!(
        "policy: {} ({})",
        policy
            .as_ref()
            .map_or("baseline (embedded)".to_string(), |p| p.display().to_string()),
        if pii {
            "the body holds a name, a card, an e-mail and a phone number"
        } else {
            "the body holds no sensitive data: every request is classified, decided `cloud` and forwarded"
        }
    );
    println!(
        "{:>5} {:>8} {:>12} {:>10} {:>10} {:>7}",
        "conc", "target", "req/s", "p50 µs", "p99 µs", "errors"
    );
    if pinned {
        println!("pinned: Cordon on CPU 0, load generator and fake vendor on CPU 1");
    }
    for &c in &levels {
        let direct = phase(fake.addr, "/v1/chat/completions", c, seconds, &body).await;
        let mut rows = vec![("direct".to_string(), direct)];
        for (name, cordon) in &cordons {
            let p = phase(cordon.addr(), "/v1/chat/completions", c, seconds, &body).await;
            rows.push((name.clone(), p));
        }
        for (name, p) in &rows {
            println!(
                "{c:>5} {name:>8} {:>12.0} {:>10} {:>10} {:>7}",
                p.rps, p.p50_us, p.p99_us, p.errors
            );
        }
        let direct = &rows[0].1;
        for (name, p) in rows.iter().filter(|(n, _)| n != "direct") {
            println!(
                "{c:>5}    {name}: added p50 {:+} µs, p99 {:+} µs; throughput = {:.0}% of direct",
                p.p50_us as i64 - direct.p50_us as i64,
                p.p99_us as i64 - direct.p99_us as i64,
                100.0 * p.rps / direct.rps.max(1.0),
            );
        }
        // Each binary against the first one named (the baseline of a change).
        if let Some((first, base)) = rows.get(1) {
            for (name, p) in rows.iter().skip(2) {
                println!(
                    "{c:>5}    {name} vs {first}: {:.1}% throughput, p50 {:+} µs, p99 {:+} µs",
                    100.0 * p.rps / base.rps.max(1.0),
                    p.p50_us as i64 - base.p50_us as i64,
                    p.p99_us as i64 - base.p99_us as i64
                );
            }
        }
    }
}
