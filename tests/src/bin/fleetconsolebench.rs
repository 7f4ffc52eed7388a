//! The compliance console in fleet mode on a large fleet: a real PostgreSQL
//! holding N decisions (and their outcomes) of three replicas, generated
//! in the database with SQL (`generate_series`, ten record shapes as in
//! `cordon-consolebench`), then `cordon serve` with the console and
//! `audit.ship` on that database. Prints how long the console takes to
//! index the fleet, its memory per decision, and what an officer's pages
//! take (median of 9).
//!
//! The generated records are well-formed but not chained: this measures
//! the console, not `verify --fleet` (the evidence page verifies every
//! chain, so it is not timed here).
//!
//! ```text
//! cargo build --release -p cordon -p cordon-tests
//! target/release/cordon-fleetconsolebench [--decisions 10000000]
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::time::{Duration, Instant};

use cordon::audit::{Body, Entry, OutcomeRecord};

const PASSWORD: &str = "bench-password-not-secret";
const PREFIX: &str = "bench_";
/// Decisions per INSERT statement.
const CHUNK: u64 = 1_000_000;

use cordon_tests::bench::arg;

/// Record shape `i` (of ten): as `cordon-consolebench`'s, with
/// placeholders for what varies per record.
fn shapes() -> (Vec<String>, Vec<String>) {
    let mut decisions = Vec::new();
    let mut outcomes = Vec::new();
    for i in 0..10u64 {
        let mut decision = cordon_tests::bench::decision(i);
        decision.id = "__ID__".into();
        decision.tenant = Some("__TENANT__".into());
        decision.client = Some("__CLIENT__".into());
        decision.text_bytes = 1800;
        if !decision.fingerprints.is_empty() {
            decision.fingerprints = vec!["__FP__".to_string()];
        }
        let d = Entry {
            seq: 111_111_111_111,
            ts_ms: 222_222_222_222,
            prev: "__PREV__".into(),
            body: Body::Decision(Box::new(decision)),
        };
        let o = Entry {
            seq: 111_111_111_111,
            ts_ms: 222_222_222_222,
            prev: "__PREV__".into(),
            body: Body::Outcome(OutcomeRecord {
                decision_id: "__ID__".into(),
                status: 200,
                upstream: Some(if i < 4 { "onprem" } else { "openai" }.into()),
                latency_ms: 20.0 + i as f64 * 37.0,
                tokens_in: Some(400),
                tokens_out: Some(120),
                cost_usd: (i >= 4).then_some(0.0002),
                ..Default::default()
            }),
        };
        decisions.push(serde_json::to_string(&d).unwrap());
        outcomes.push(serde_json::to_string(&o).unwrap());
    }
    (decisions, outcomes)
}

fn quote_array(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| format!("'{}'", s.replace('\'', "''"))).collect();
    format!("ARRAY[{}]::text[]", items.join(","))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The `M` of a decisions page's "of M decisions".
fn indexed(html: &str) -> u64 {
    html.split(" of ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let n: u64 = arg("--decisions").and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let per_replica = n / 3;
    let n = per_replica * 3;
    let mut pg = cordon_tests::Postgres::start();
    // Settings a database of this size is run with; the defaults are for a laptop.
    pg.sql("ALTER SYSTEM SET shared_buffers = '2GB'");
    pg.sql("ALTER SYSTEM SET maintenance_work_mem = '1GB'");
    pg.sql("ALTER SYSTEM SET max_wal_size = '1GB'");
    pg.sql("ALTER SYSTEM SET synchronous_commit = off");
    pg.stop();
    pg.start_again();
    let url = pg.url();
    {
        let (mut client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(conn);
        cordon::audit::ship::migrate(&mut client, PREFIX).await.unwrap();
    }

    // N decisions over 90 days, the three replicas interleaved.
    let (decisions, outcomes) = shapes();
    let base_ms: u64 = 1_760_000_000_000;
    let step_ms = (90 * 86_400_000 / n).max(1);
    let started = Instant::now();
    pg.sql(&format!(
        "DROP INDEX {PREFIX}records_ts; DROP INDEX {PREFIX}records_decision"
    ));
    let mut k0 = 0;
    while k0 < per_replica {
        let k1 = (k0 + CHUNK / 3).min(per_replica);
        let sql = format!(
            "INSERT INTO {PREFIX}records (replica, seq, ts_ms, kind, decision_id, line) \
             SELECT 'r' || r, x.seq, x.ts, x.kind, g.id, \
               replace(replace(replace(replace(replace(replace(replace(replace( \
                 x.tpl, '111111111111', x.seq::text), '222222222222', x.ts::text), '__ID__', g.id), \
                 '__TENANT__', 'tenant-' || (g.i % 8)), '__CLIENT__', 'app-' || (g.i % 5)), \
                 '__FP__', lpad(to_hex(g.i % 50000), 64, '0')), '__PREV__', g.prev), '\"status\":200', \
                 CASE WHEN g.i % 97 = 0 THEN '\"status\":503' ELSE '\"status\":200' END) \
             FROM generate_series(1, 3) r, generate_series({k0}, {k1} - 1) k, \
               LATERAL (SELECT k::bigint * 3 + r - 1 AS i, md5('r' || r || '-' || k)::uuid::text AS id, \
                        md5(r || '/' || k) || md5(k || '/' || r) AS prev) g, \
               LATERAL (VALUES (2 * k + 1, {base_ms} + g.i * {step_ms}, 'decision', ({d})[g.i % 10 + 1]), \
                               (2 * k + 2, {base_ms} + g.i * {step_ms} + 40, 'outcome', ({o})[g.i % 10 + 1])) \
                 AS x(seq, ts, kind, tpl)",
            d = quote_array(&decisions),
            o = quote_array(&outcomes),
        );
        pg.sql(&sql);
        k0 = k1;
        println!(
            "loaded {} decisions + outcomes ({:.0} s)",
            k0 * 3,
            started.elapsed().as_secs_f64()
        );
    }
    pg.sql(&format!(
        "CREATE INDEX {PREFIX}records_ts ON {PREFIX}records (ts_ms); \
         CREATE INDEX {PREFIX}records_decision ON {PREFIX}records (decision_id) WHERE decision_id IS NOT NULL"
    ));
    pg.sql(&format!("VACUUM ANALYZE {PREFIX}records"));
    let size = pg.sql(&format!(
        "SELECT pg_size_pretty(pg_total_relation_size('{PREFIX}records'))"
    ));
    println!(
        "PostgreSQL holds {n} decisions + {n} outcomes of 3 replicas ({size} with indexes), made in {:.0} s",
        started.elapsed().as_secs_f64()
    );

    // The console, on the fleet; the replicas are registered only once its
    // memory without them is read, so that the index's cost shows alone.
    let hash = cordon::console::auth::hash_password(PASSWORD).unwrap();
    let config = format!(
        "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: {{ kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }}\nroutes:\n  local: [o]\n  cloud: [o]\naudit:\n  dir: audit\n  replica: console\n  ship:\n    postgres: {{ url_env: CORDON_AUDIT_PG_URL, table_prefix: {PREFIX} }}\nadmin:\n  addr: 127.0.0.1:0\n  users: [{{ name: bench, role: auditor, password_hash: \"{hash}\" }}]\n"
    );
    let cordon = cordon_tests::Cordon::start(&config, &[("CORDON_AUDIT_PG_URL", url.as_str())]);
    let base = format!("http://{}", cordon.console.unwrap());
    let client = cordon_tests::console::client(Duration::from_secs(600));
    let r = cordon_tests::console::sign_in(&client, &base, "bench", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let get = |path: String| cordon_tests::bench::timed_get(client.clone(), path);
    let _ = get(format!("{base}/decisions")).await;
    let rss_before = rss_kb(cordon.pid());
    pg.sql(&format!(
        "INSERT INTO {PREFIX}replicas (replica, pubkey) VALUES ('r1', 'ed25519:00'), ('r2', 'ed25519:00'), ('r3', 'ed25519:00')"
    ));
    let t0 = Instant::now();
    loop {
        let (_, page) = get(format!("{base}/decisions?page=1")).await;
        if indexed(&page) >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let load = t0.elapsed();
    let rss_after = rss_kb(cordon.pid());
    println!(
        "console indexed the fleet's {n} decisions in {:.1} s ({:.0} records/s); memory {} MB -> {} MB: {:.0} bytes per decision",
        load.as_secs_f64(),
        (2 * n) as f64 / load.as_secs_f64(),
        rss_before / 1024,
        rss_after / 1024,
        (rss_after.saturating_sub(rss_before) * 1024) as f64 / n as f64
    );

    let (_, page) = get(format!("{base}/decisions?replica=r2&page=2000")).await;
    let at = page.find("href=\"/decisions/").unwrap() + 6;
    let detail = page[at..].split('"').next().unwrap().to_string();
    let day = |d: u64| cordon::audit::read::format_time(base_ms + d * 86_400_000)[..10].to_string();
    let searches = [
        ("overview charts, whole fleet", "/".to_string()),
        ("overview charts, one replica", "/?replica=r2".to_string()),
        ("decisions, newest page", "/decisions".to_string()),
        ("decisions of one replica", "/decisions?replica=r2".to_string()),
        (
            "one replica + PHI routed locally",
            "/decisions?replica=r2&category=PHI&zone=local".to_string(),
        ),
        (
            "tenant + entity type",
            "/decisions?tenant=tenant-3&entity=US_SSN".to_string(),
        ),
        (
            "one day, page 5",
            format!("/decisions?from={}T00:00&to={}T00:00&page=5", day(45), day(46)),
        ),
        ("page 2000", "/decisions?page=2000".to_string()),
        ("a decision's detail", detail.clone()),
    ];
    println!("\n| console page ({n} decisions, 3 replicas, fleet mode) | median of 9 |\n| --- | --- |");
    for (name, path) in &searches {
        let mut times = Vec::new();
        for _ in 0..9 {
            times.push(get(format!("{base}{path}")).await.0);
        }
        println!("| {name} | {} |", ms(median(times)));
    }
    drop(cordon);
    drop(pg);
}
