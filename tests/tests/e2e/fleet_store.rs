//! The fleet store's paths the three-replica run does not take, against
//! a real PostgreSQL server: retention in the database, a batch the
//! database already holds in part, a stale checkpoint, and TLS with a
//! pinned CA.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use cordon::audit::ship::{self, ShipConfig, ShipTarget, Shipper};
use cordon::audit::{fleet, Audit, AuditConfig, Body, DecisionRecord, OutcomeRecord};
use cordon_tests::Postgres;
use serde_json::Value;

const PREFIX: &str = "store_";

fn audit_config(dir: &std::path::Path) -> AuditConfig {
    AuditConfig {
        replica: "r".into(),
        ship: None,
        dir: dir.join("trail"),
        signing_key: dir.join("trail/audit.ed25519"),
        hmac_key: None,
        checkpoint_every: 10,
        checkpoint_interval: Duration::from_secs(60),
        segment_max_bytes: 8192,
        segment_max_age: Duration::from_secs(3600),
        retention: None,
        prices: BTreeMap::new(),
        durable_outcomes: true,
    }
}

fn ship_config(url: String, audit: &Audit) -> ShipConfig {
    ShipConfig {
        url_env: "CORDON_AUDIT_PG_URL".into(),
        url: Some(url.into()),
        prefix: PREFIX.into(),
        ca: None,
        batch: 64,
        linger: Duration::from_millis(20),
        max_lag: None,
        checkpoint_max_age: Duration::from_secs(3600),
        keys: BTreeMap::from([("r".to_string(), audit.public_key())]),
    }
}

/// A trail of `n` requests (decision and outcome each) with a checkpoint
/// every 10 records, in 8 KB segments (sealed as they close).
async fn trail(dir: &std::path::Path, n: usize) -> (AuditConfig, Audit) {
    let cfg = audit_config(dir);
    let audit = Audit::open(&cfg).unwrap();
    for i in 0..n {
        let id = format!("d{i}");
        audit
            .decision(DecisionRecord {
                id: id.clone(),
                endpoint: "chat_completions".into(),
                model: "m".into(),
                route: "cloud".into(),
                zone: "cloud".into(),
                action: "cloud".into(),
                rule: "routing.default".into(),
                ..Default::default()
            })
            .await
            .unwrap();
        audit
            .record(Body::Outcome(OutcomeRecord {
                decision_id: id,
                status: 200,
                ..Default::default()
            }))
            .await
            .unwrap();
    }
    (cfg, audit)
}

/// Ships the whole trail with a shipper and waits (bounded) until it is in.
async fn ship_all(cfg: &AuditConfig, audit: &Audit, ship: &ShipConfig) -> u64 {
    let progress = audit.progress();
    let shipper = Shipper::start(
        ShipTarget {
            cfg: ship.clone(),
            replica: "r".into(),
            dir: cfg.dir.clone(),
            pubkey: cordon::audit::keys::public_text(&audit.public_key()),
            retention: None,
        },
        progress.clone(),
    );
    let last = progress.durable_seq.load(Ordering::Acquire);
    let start = Instant::now();
    while progress.shipped_seq.load(Ordering::Acquire) < last {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "not shipped: {:?}",
            progress.last_error()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    shipper.finish(Duration::from_secs(5)).await;
    last
}

fn kind(line: &str) -> String {
    serde_json::from_str::<Value>(line).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn retention_in_postgres_deletes_only_up_to_a_shipped_checkpoint() {
    let pg = Postgres::start();
    let dir = tempfile::tempdir().unwrap();
    let (cfg, audit) = trail(dir.path(), 60).await;
    let ship = ship_config(pg.url(), &audit);
    let last = ship_all(&cfg, &audit, &ship).await;
    audit.shutdown();
    let client = ship::connect(&ship).await.unwrap();
    let before = fleet::lines(&client, PREFIX, "r", 0).await.unwrap();
    assert_eq!(before.len() as u64, last);

    // Nothing is older than a day; and nothing goes past what was shipped.
    let day = Duration::from_secs(86_400);
    assert_eq!(ship::expire(&client, PREFIX, "r", day, last).await.unwrap(), 0);
    tokio::time::sleep(Duration::from_millis(20)).await;
    let now = Duration::from_millis(1);
    assert_eq!(ship::expire(&client, PREFIX, "r", now, 0).await.unwrap(), 0);
    assert_eq!(fleet::lines(&client, PREFIX, "r", 0).await.unwrap().len() as u64, last);

    // Shipped up to seq 50: records go up to the newest checkpoint at or
    // before it, which then opens the stored chain.
    let anchor = before
        .iter()
        .filter(|(seq, l)| *seq <= 50 && kind(l) == "checkpoint")
        .map(|(seq, _)| *seq)
        .max()
        .unwrap();
    assert!(anchor > 1);
    let removed = ship::expire(&client, PREFIX, "r", now, 50).await.unwrap();
    assert_eq!(removed, anchor - 1);
    let after = fleet::lines(&client, PREFIX, "r", 0).await.unwrap();
    assert_eq!(after.first().map(|l| l.0), Some(anchor));
    assert_eq!(after.last().map(|l| l.0), Some(last), "nothing after it goes");
    assert_eq!(after.len() as u64, last - anchor + 1);
    let report = fleet::verify(&client, &ship).await.unwrap();
    assert!(report.ok(), "{}", report.describe());
    assert_eq!(report.replicas[0].first_seq, Some(anchor));
}

#[tokio::test]
async fn a_batch_postgres_already_holds_in_part_is_stored_once() {
    let pg = Postgres::start();
    let dir = tempfile::tempdir().unwrap();
    let (cfg, audit) = trail(dir.path(), 30).await;
    let last = audit.progress().durable_seq.load(Ordering::Acquire);
    let ship = ship_config(pg.url(), &audit);
    let mut client = ship::connect(&ship).await.unwrap();
    ship::migrate(&mut client, PREFIX).await.unwrap();
    client
        .execute(
            &format!("INSERT INTO {PREFIX}replicas (replica, pubkey) VALUES ('r', $1)"),
            &[&cordon::audit::keys::public_text(&audit.public_key())],
        )
        .await
        .unwrap();
    let lines = ship::TrailReader::seek(&cfg.dir, 1)
        .unwrap()
        .read(last, 100_000)
        .unwrap();
    assert_eq!(lines.len() as u64, last);
    let half = lines.len() / 2;
    let store = |batch: Vec<ship::Line>| {
        let framed = ship::frames(&batch).unwrap();
        (batch, framed)
    };

    let (b, f) = store(lines[..half].to_vec());
    let s = ship::store(&mut client, PREFIX, "r", &b, f, last).await.unwrap();
    assert_eq!((s.lines, s.already_held), (half, 0));
    // Sent again from the start (a commit whose answer was lost): the part
    // already there is left out, the rest goes in.
    let (b, f) = store(lines.clone());
    let s = ship::store(&mut client, PREFIX, "r", &b, f, last).await.unwrap();
    assert_eq!((s.lines, s.already_held), (lines.len() - half, half));
    let (b, f) = store(lines.clone());
    let s = ship::store(&mut client, PREFIX, "r", &b, f, last).await.unwrap();
    assert_eq!((s.lines, s.already_held), (0, lines.len()));

    let stored = fleet::lines(&client, PREFIX, "r", 0).await.unwrap();
    let seqs: Vec<u64> = stored.iter().map(|l| l.0).collect();
    assert_eq!(seqs, (1..=last).collect::<Vec<_>>(), "each record once, in order");
    for (l, s) in lines.iter().zip(&stored) {
        assert_eq!(l.text, s.1, "verbatim");
    }
    let report = fleet::verify(&client, &ship).await.unwrap();
    assert!(report.ok(), "{}", report.describe());

    // The stale-checkpoint bound: the same chain fails once its newest
    // checkpoint is older than `checkpoint_max_age`.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let strict = ShipConfig {
        checkpoint_max_age: Duration::from_secs(1),
        ..ship.clone()
    };
    let report = fleet::verify(&client, &strict).await.unwrap();
    assert!(!report.ok());
    let text = report.describe();
    assert!(
        text.contains("replica r: the newest checkpoint (seq")
            && text.contains("past the bound of 1s (audit.ship.postgres.checkpoint_max_age)"),
        "{text}"
    );
    audit.shutdown();
}

#[tokio::test]
async fn shipping_and_verify_fleet_over_tls_with_a_pinned_ca() {
    let mut pg = Postgres::start();
    let dir = tempfile::tempdir().unwrap();
    let pki = cordon_tests::pki::Pki::new(dir.path(), "pg");
    let leaf = pki.server("pg-server", "localhost");
    pg.enable_tls(&leaf.cert_pem, &leaf.key_pem);
    let (cfg, audit) = trail(dir.path(), 20).await;
    let ship = ShipConfig {
        ca: Some(pki.ca_path("pg")),
        ..ship_config(pg.tls_url(), &audit)
    };
    let last = ship_all(&cfg, &audit, &ship).await;
    audit.shutdown();
    let client = ship::connect(&ship).await.unwrap();
    let tls: bool = client
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    assert!(tls, "the connection is TLS");
    assert_eq!(fleet::lines(&client, PREFIX, "r", 0).await.unwrap().len() as u64, last);

    // A CA that did not sign the server's certificate: no connection.
    let other = cordon_tests::pki::Pki::new(dir.path(), "other");
    let wrong = ShipConfig {
        ca: Some(other.ca_path("other")),
        ..ship.clone()
    };
    let Err(err) = ship::connect(&wrong).await else {
        panic!("connected with a CA that did not sign the server's certificate");
    };
    assert!(matches!(err, ship::ShipError::Db(_)), "{err}");

    // The CLI, with the CA pinned in config (`audit.ship.postgres.tls.ca`).
    let yaml = format!(
        "listen:\n  - addr: 127.0.0.1:0\naudit:\n  dir: verifier-trail\n  ship:\n    postgres:\n      url_env: CORDON_AUDIT_PG_URL\n      table_prefix: {PREFIX}\n      tls: {{ ca: {} }}\n      keys:\n        r: {}\n",
        pki.ca_path("pg").display(),
        cfg.dir.join("audit.pub").display()
    );
    std::fs::write(dir.path().join("fleet.yaml"), yaml).unwrap();
    let out = std::process::Command::new(cordon_tests::process::cordon_bin())
        .args(["audit", "--config", "fleet.yaml", "--fleet", "verify"])
        .current_dir(dir.path())
        .env("CORDON_AUDIT_PG_URL", pg.tls_url())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("OK: 1 replica(s)"), "{text}");
}

#[tokio::test]
async fn rows_shipped_before_frames_still_read_and_verify_with_the_frames_after() {
    let pg = Postgres::start();
    let dir = tempfile::tempdir().unwrap();
    let (cfg, audit) = trail(dir.path(), 30).await;
    let ship = ship_config(pg.url(), &audit);
    let client = ship::connect(&ship).await.unwrap();
    // A database as migration 1 left it, with the first half of the trail
    // shipped one line per row, as shipping did before frames.
    client
        .batch_execute(&format!(
            "CREATE TABLE {PREFIX}schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
             INSERT INTO {PREFIX}schema (version) VALUES (1);
             CREATE TABLE {PREFIX}replicas (replica text PRIMARY KEY, pubkey text NOT NULL,
                 registered_at timestamptz NOT NULL DEFAULT now(), local_seq bigint NOT NULL DEFAULT 0,
                 shipped_seq bigint NOT NULL DEFAULT 0, reported_at timestamptz);
             CREATE TABLE {PREFIX}records (replica text NOT NULL, seq bigint NOT NULL, ts_ms bigint NOT NULL,
                 kind text NOT NULL, decision_id text, line text NOT NULL, PRIMARY KEY (replica, seq));
             CREATE INDEX {PREFIX}records_ts ON {PREFIX}records (ts_ms);
             CREATE INDEX {PREFIX}records_decision ON {PREFIX}records (decision_id) WHERE decision_id IS NOT NULL;"
        ))
        .await
        .unwrap();
    let last = audit.progress().durable_seq.load(Ordering::Acquire);
    let half = last / 2;
    client
        .execute(
            &format!("INSERT INTO {PREFIX}replicas (replica, pubkey, local_seq) VALUES ('r', $1, $2)"),
            &[
                &cordon::audit::keys::public_text(&audit.public_key()),
                &i64::try_from(half).unwrap(),
            ],
        )
        .await
        .unwrap();
    let lines = ship::TrailReader::seek(&cfg.dir, 1)
        .unwrap()
        .read(half, 100_000)
        .unwrap();
    for l in &lines {
        client
            .execute(
                &format!(
                    "INSERT INTO {PREFIX}records (replica, seq, ts_ms, kind, decision_id, line) VALUES ('r', $1, $2, $3, $4, $5)"
                ),
                &[
                    &i64::try_from(l.seq).unwrap(),
                    &i64::try_from(l.ts_ms).unwrap(),
                    &l.kind,
                    &l.decision_id,
                    &l.text,
                ],
            )
            .await
            .unwrap();
    }
    // Readers work on such a database (they do not migrate it).
    let report = fleet::verify(&client, &ship).await.unwrap();
    assert!(report.ok(), "{}", report.describe());
    assert_eq!(report.replicas[0].last_seq, half);
    assert_eq!(
        fleet::rows(&client, &ship, &Default::default(), None)
            .await
            .unwrap()
            .len(),
        15
    );

    // A shipper of this version migrates, resumes after the rows there and
    // ships the rest as frames; the readers take both.
    let shipped = ship_all(&cfg, &audit, &ship).await;
    audit.shutdown();
    assert_eq!(shipped, last);
    let frames: i64 = client
        .query_one(&format!("SELECT count(*) FROM {PREFIX}frames"), &[])
        .await
        .unwrap()
        .get(0);
    assert!(frames > 0);
    let stored = fleet::lines(&client, PREFIX, "r", 0).await.unwrap();
    assert_eq!(
        stored.iter().map(|l| l.0).collect::<Vec<_>>(),
        (1..=last).collect::<Vec<_>>()
    );
    let report = fleet::verify(&client, &ship).await.unwrap();
    assert!(report.ok(), "{}", report.describe());
    let rows = fleet::rows(&client, &ship, &Default::default(), None).await.unwrap();
    assert_eq!(rows.len(), 30);
    assert!(
        rows.iter().all(|r| r.row.outcome.is_some()),
        "outcomes joined across both tables"
    );
    let both = fleet::decision(&client, &ship, "d3").await.unwrap().unwrap();
    assert_eq!(both.row.decision.id, "d3");
    let late = fleet::decision(&client, &ship, "d28").await.unwrap().unwrap();
    assert_eq!(late.row.outcome.map(|o| o.status), Some(200));
}
