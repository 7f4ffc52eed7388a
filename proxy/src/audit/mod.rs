//! The audit trail: every routing decision, durable before any byte goes
//! upstream, chained with SHA-256 and signed at checkpoints with Ed25519.
//!
//! Storage is a folder of append-only JSON Lines segments
//! (`audit-000001.jsonl`, ...); a closed segment is sealed with zstd
//! (`audit-000001.jsonl.zst`, [`seal`]) and read back through [`read`].
//! One line is one [`Entry`]: a sequence number, a time, the SHA-256 of the previous line (across segments), and a body:
//! a decision, an outcome, or a signed checkpoint. Plain files were chosen
//! over SQLite because the trail is append-only, must be verifiable offline
//! with nothing but the public key and `sha256sum`-level tools, and group
//! commit is one `write` + one `fdatasync` per batch.
//!
//! Records never hold a detected value or prompt text: only names, counts,
//! offsets and keyed HMAC-SHA256 fingerprints.

pub mod fleet;
pub mod keys;
pub mod pdf;
pub mod read;
pub mod report;
pub mod seal;
pub mod shadow;
pub mod ship;
pub mod siem;
pub mod syslog;
pub mod verify;
mod writer;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

pub use crate::config::audit::{AuditConfig, Price};

pub use writer::{recover, segment_name, segments, HEAD_FILE};

/// The hash a first record chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One line of the trail.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub seq: u64,
    /// Milliseconds since the Unix epoch.
    pub ts_ms: u64,
    /// Hex SHA-256 of the previous line's bytes (without its newline).
    pub prev: String,
    #[serde(flatten)]
    pub body: Body,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    /// Boxed: a decision record is much larger than the other bodies.
    Decision(Box<DecisionRecord>),
    Outcome(OutcomeRecord),
    Checkpoint(Checkpoint),
    /// Something a person did in the compliance console.
    Access(AccessRecord),
    /// A policy came into force (at start, or by a reload).
    Policy(PolicyRecord),
    /// A built-in engine's model was put in place of another (hot swap).
    Model(ModelRecord),
}

/// A model serving a built-in engine upstream from this record on.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ModelRecord {
    pub upstream: String,
    /// The model's name (`/v1/models`).
    pub model: String,
    /// The model it replaced.
    pub previous: String,
    /// The model folder's or GGUF file's name.
    pub source: String,
    /// `swap`.
    pub reason: String,
}

/// One console action: who did what, with which parameters (filters, a
/// period, a subject's keyed fingerprint), never a looked-up value.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AccessRecord {
    /// The user's name (config users) or token subject (OIDC).
    pub user: String,
    pub role: String,
    /// `login`, `login_failed`, `logout`, `view_decision`, `subject_lookup`,
    /// `export`, `report`, `verify`.
    pub action: String,
    /// The action's parameters, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    /// How many records the action returned, where it returns some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<u64>,
    /// The client's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<String>,
}

/// A policy in force from this record on.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PolicyRecord {
    pub hash: String,
    pub name: String,
    pub version: u32,
    /// The file it was read from; absent for the embedded baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub rules: usize,
    /// `start`, `reload`, or `promote` (a candidate put in force by
    /// `cordon policy promote` or the console; an access record
    /// `promote_policy` names who, with both hashes).
    pub reason: String,
    /// A shadow (candidate) policy: evaluated beside the policy in force on
    /// the same findings, never enforced. Absent (false) for the policy in
    /// force. A shadow record replaces the shadow read from the same `file`;
    /// an enforced record with reason `start` ends every shadow before it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shadow: bool,
}

/// What a shadow policy would have decided for a request. Entity types and
/// counts stay in the decision record; nothing here holds a value.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ShadowDecision {
    /// SHA-256 of the shadow policy (its `policy` record has `shadow: true`).
    pub policy_hash: String,
    /// `local`, `cloud`, `pseudonymize` or `block`.
    pub action: String,
    pub rule: String,
    /// The route it would have taken; absent when it would block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// `local`, `cloud` or `none` (blocked).
    pub zone: String,
}

/// Where a request was sent and why. Written before it is forwarded.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DecisionRecord {
    /// The decision id, also sent to the client as `x-cordon-decision-id`.
    pub id: String,
    pub tenant: Option<String>,
    pub client: Option<String>,
    pub endpoint: String,
    pub model: String,
    /// The route's name (a key of `routes:`).
    pub route: String,
    /// `local` or `cloud`: where the route's upstreams are.
    pub zone: String,
    /// `local`, `cloud`, `pseudonymize` or `block`.
    pub action: String,
    pub rule: String,
    /// SHA-256 of the policy in force; absent while routing is by config.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_hash: Option<String>,
    /// The deciding action's `require:` (`region eu, a BAA`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require: Option<String>,
    /// The regions of the route's upstreams the request may go to, in order
    /// of preference (`unlabelled` for an upstream without `region:`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default)]
    pub entities: BTreeMap<String, u32>,
    #[serde(default)]
    pub categories: BTreeMap<String, u32>,
    /// Findings as JSON pointer + byte offsets + entity, never the value;
    /// the first [`MAX_SPANS`] of them (see `spans_omitted`).
    #[serde(default)]
    pub spans: Vec<Span>,
    /// Spans left out of this record by the [`MAX_SPANS`] bound (the counts
    /// in `entities` and `categories` still count them).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub spans_omitted: usize,
    /// Keyed HMAC-SHA256 of each distinct detected value, for subject
    /// lookups; the first [`MAX_FINGERPRINTS`] (see `fingerprints_omitted`).
    #[serde(default)]
    pub fingerprints: Vec<String>,
    /// Fingerprints left out by the [`MAX_FINGERPRINTS`] bound: a subject
    /// lookup may miss a value of this request.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fingerprints_omitted: usize,
    pub text_parts: usize,
    pub text_bytes: usize,
    /// Images, audio, files, base64 blobs: content that could not be scanned.
    pub opaque_parts: usize,
    /// Distinct values replaced by placeholders before the request left, by entity type.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pseudonymized: BTreeMap<String, u32>,
    /// What each shadow policy in force would have decided: only those that
    /// differ from this decision (action, rule or route), or all of them
    /// with `policy.shadow_record: always`. A shadow in force and absent
    /// here decided as the policy in force did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shadows: Vec<ShadowDecision>,
}

/// The most spans one decision record keeps: a request full of findings
/// (a megabyte of e-mail addresses) must not write megabytes of fsynced
/// trail per request.
pub const MAX_SPANS: usize = 256;
/// The most fingerprints one decision record keeps.
pub const MAX_FINGERPRINTS: usize = 256;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl DecisionRecord {
    /// Bounds the record's size: keeps the first [`MAX_SPANS`] spans and
    /// [`MAX_FINGERPRINTS`] fingerprints and says how many were left out.
    /// Counts by entity and category stay exact. Applied by
    /// [`Audit::decision`] to every record written.
    pub fn cap(&mut self) {
        if self.spans.len() > MAX_SPANS {
            self.spans_omitted += self.spans.len() - MAX_SPANS;
            self.spans.truncate(MAX_SPANS);
        }
        if self.fingerprints.len() > MAX_FINGERPRINTS {
            self.fingerprints_omitted += self.fingerprints.len() - MAX_FINGERPRINTS;
            self.fingerprints.truncate(MAX_FINGERPRINTS);
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Span {
    pub pointer: String,
    pub start: usize,
    pub end: usize,
    pub entity: String,
}

/// What came of a decided request. Written after the response.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct OutcomeRecord {
    pub decision_id: String,
    pub status: u16,
    pub upstream: Option<String>,
    /// The region of the upstream that answered (its `region:` label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub model_served: Option<String>,
    pub latency_ms: f64,
    pub tokens_in: Option<u64>,
    pub tokens_out: Option<u64>,
    pub cost_usd: Option<f64>,
    pub error: Option<String>,
    /// Placeholders put back into the answer (pseudonymized requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored: Option<u64>,
    /// Paraphrased placeholders ("Person 1") seen in the answer and left alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paraphrased: Option<u64>,
    /// With `egress: { scan: true }`: what the detectors found in the answer,
    /// by type (values the proxy restored not counted); empty: nothing found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_entities: Option<BTreeMap<String, u32>>,
}

/// A signed statement that the chain up to `covers_seq` ends in `head`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Checkpoint {
    pub covers_seq: u64,
    /// Hex SHA-256 of the line with seq `covers_seq` (the previous line).
    pub head: String,
    /// Hex of the Ed25519 public key that signed.
    pub key: String,
    /// Hex Ed25519 signature over [`Checkpoint::message`].
    pub sig: String,
}

impl Checkpoint {
    pub fn message(covers_seq: u64, head: &str) -> Vec<u8> {
        format!("cordon-audit-checkpoint-v1\n{covers_seq}\n{head}").into_bytes()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("audit trail I/O error: {0}")]
    Io(String),
    #[error("audit trail is failing; requests are refused until it recovers")]
    Unavailable,
    #[error("audit signing key: {0}")]
    Key(String),
    #[error("audit trail is corrupt: {0}")]
    Corrupt(String),
}

/// The handle the proxy writes through. Cheap to share.
pub struct Audit {
    tx: Mutex<Option<std::sync::mpsc::Sender<writer::Cmd>>>,
    healthy: Arc<AtomicBool>,
    /// Records handed to the writer and not yet written.
    queued: Arc<std::sync::atomic::AtomicU64>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    prices: BTreeMap<String, Price>,
    durable_outcomes: bool,
    /// Durable and shipped sequence numbers, for the shipper and the lag.
    progress: Arc<ship::Progress>,
    public_key: ed25519_dalek::VerifyingKey,
    /// This replica's name, for the SIEM feed.
    replica: String,
}

impl Audit {
    /// Opens the trail: repairs a torn last write, loads (or creates, mode
    /// 0600) the signing key, and starts the writer thread.
    pub fn open(cfg: &AuditConfig) -> Result<Audit, AuditError> {
        let key = keys::load_or_create(&cfg.signing_key)?;
        let public_key = key.verifying_key();
        let healthy = Arc::new(AtomicBool::new(true));
        let queued = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let progress = Arc::new(ship::Progress::default());
        // Set before the writer starts: local retention then waits for shipping.
        progress.enabled.store(cfg.ship.is_some(), Ordering::Release);
        let (tx, thread) = writer::start(cfg, key, healthy.clone(), queued.clone(), progress.clone())?;
        Ok(Audit {
            replica: cfg.replica.clone(),
            progress,
            public_key,
            tx: Mutex::new(Some(tx)),
            healthy,
            queued,
            thread: Mutex::new(Some(thread)),
            prices: cfg.prices.clone(),
            durable_outcomes: cfg.durable_outcomes,
        })
    }

    /// Where shipping stands (durable and shipped sequence numbers).
    pub fn progress(&self) -> Arc<ship::Progress> {
        self.progress.clone()
    }

    /// The key that verifies this trail's checkpoints.
    pub fn public_key(&self) -> ed25519_dalek::VerifyingKey {
        self.public_key
    }

    /// Whether answers wait for their outcome record (`audit.outcomes`).
    pub fn durable_outcomes(&self) -> bool {
        self.durable_outcomes
    }

    pub fn is_healthy(&self) -> bool {
        self.healthy.load(Ordering::Acquire)
    }

    /// Records waiting for the writer (the audit queue depth).
    pub fn queue_depth(&self) -> u64 {
        self.queued.load(Ordering::Relaxed)
    }

    fn send(&self, cmd: writer::Cmd) -> Result<(), AuditError> {
        let guard = self.tx.lock().map_err(|_| AuditError::Unavailable)?;
        let tx = guard.as_ref().ok_or(AuditError::Unavailable)?;
        // Counted before the writer can see it, so that its decrement never comes first.
        let record = u64::from(matches!(cmd, writer::Cmd::Append(..)));
        self.queued.fetch_add(record, Ordering::Relaxed);
        tx.send(cmd).map_err(|_| {
            self.queued.fetch_sub(record, Ordering::Relaxed);
            AuditError::Unavailable
        })
    }

    /// Appends a decision record and returns once it is on disk (fsync),
    /// sharing the fsync with every record queued meanwhile. The record is
    /// bounded first ([`DecisionRecord::cap`]).
    pub async fn decision(&self, mut rec: DecisionRecord) -> Result<u64, AuditError> {
        rec.cap();
        let (ack, done) = tokio::sync::oneshot::channel();
        let ts_ms = now_ms();
        let body = Body::Decision(Box::new(rec));
        self.send(writer::Cmd::Append(writer::serialize(&body), Some(ack)))?;
        let seq = done.await.map_err(|_| AuditError::Unavailable)??;
        if let (true, Body::Decision(rec)) = (siem::wanted(), &body) {
            siem::decision(&self.replica, seq, ts_ms, rec);
        }
        Ok(seq)
    }

    /// Appends a console action or policy record and returns once it is on
    /// disk: an action the trail cannot record is not carried out.
    pub async fn record(&self, body: Body) -> Result<u64, AuditError> {
        let (ack, done) = tokio::sync::oneshot::channel();
        self.send(writer::Cmd::Append(writer::serialize(&body), Some(ack)))?;
        done.await.map_err(|_| AuditError::Unavailable)?
    }

    /// Queues an outcome record; it is made durable by the next group commit.
    /// For an answer the client did not get whole (it went away).
    pub fn outcome(&self, mut rec: OutcomeRecord) {
        self.price(&mut rec);
        self.note(Body::Outcome(rec));
    }

    /// Appends an outcome record; the receiver completes once it is on disk
    /// (sharing the group commit). The answer's last frame waits for it, so
    /// an answered request's outcome survives a crash.
    pub fn outcome_durable(&self, mut rec: OutcomeRecord) -> tokio::sync::oneshot::Receiver<Result<u64, AuditError>> {
        self.price(&mut rec);
        let (ack, done) = tokio::sync::oneshot::channel();
        // On a send failure the sender is dropped with the command: the receiver reports it.
        let _ = self.send(writer::Cmd::Append(writer::serialize(&Body::Outcome(rec)), Some(ack)));
        done
    }

    fn price(&self, rec: &mut OutcomeRecord) {
        if rec.cost_usd.is_none() {
            rec.cost_usd = self.cost(rec.model_served.as_deref(), rec.tokens_in, rec.tokens_out);
        }
        // Both ways of writing an outcome price it first: the SIEM feed sees it here.
        siem::outcome(&self.replica, rec);
    }

    /// Queues a record; it is made durable by the next group commit.
    pub fn note(&self, body: Body) {
        if self.send(writer::Cmd::Append(writer::serialize(&body), None)).is_err() {
            tracing::error!("audit writer is gone; record not written");
        }
    }

    fn cost(&self, model: Option<&str>, tin: Option<u64>, tout: Option<u64>) -> Option<f64> {
        let price = self.prices.get(model?)?;
        let (tin, tout) = (tin.unwrap_or(0) as f64, tout.unwrap_or(0) as f64);
        Some((tin * price.input_per_mtok + tout * price.output_per_mtok) / 1_000_000.0)
    }

    /// Writes a final checkpoint and stops the writer, waiting for it.
    pub fn shutdown(&self) {
        if let Ok(mut tx) = self.tx.lock() {
            if let Some(tx) = tx.take() {
                let _ = tx.send(writer::Cmd::Shutdown);
            }
        }
        if let Ok(mut t) = self.thread.lock() {
            if let Some(t) = t.take() {
                let _ = t.join();
            }
        }
    }
}

impl Drop for Audit {
    fn drop(&mut self) {
        self.shutdown();
    }
}

pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn cfg(dir: &std::path::Path) -> AuditConfig {
        AuditConfig {
            replica: "cordon".into(),
            ship: None,
            dir: dir.join("trail"),
            signing_key: dir.join("trail/audit.ed25519"),
            hmac_key: None,
            checkpoint_every: 5,
            checkpoint_interval: Duration::from_secs(60),
            segment_max_bytes: 2048,
            segment_max_age: Duration::from_secs(3600),
            retention: None,
            prices: BTreeMap::new(),
            durable_outcomes: true,
        }
    }

    fn decision(i: usize) -> DecisionRecord {
        DecisionRecord {
            id: format!("d{i}"),
            endpoint: "chat_completions".into(),
            model: "m".into(),
            route: "cloud".into(),
            zone: "cloud".into(),
            action: "cloud".into(),
            rule: "routing.default".into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn rotates_segments_and_expired_ones_leave_a_verifiable_trail() {
        let tmp = tempfile::tempdir().unwrap();
        let mut c = cfg(tmp.path());
        let audit = Audit::open(&c).unwrap();
        for i in 0..60 {
            audit.decision(decision(i)).await.unwrap();
        }
        audit.shutdown();
        let segs = writer::segments(&c.dir).unwrap();
        assert!(segs.len() >= 3, "rotated into {} segments", segs.len());
        let key = keys::load_public(&c.signing_key).unwrap();
        let report = verify::verify(&c.dir, &key).unwrap();
        assert!(report.ok(), "{:?}", report.first_bad);
        assert_eq!(report.records, 60);

        // Expire everything but the open segment: what is left still verifies.
        c.retention = Some(Duration::from_millis(1));
        std::thread::sleep(Duration::from_millis(20));
        let audit = Audit::open(&c).unwrap();
        for i in 60..120 {
            audit.decision(decision(i)).await.unwrap();
        }
        audit.shutdown();
        let after = writer::segments(&c.dir).unwrap();
        assert!(
            after.first().map(|s| s.0) > segs.first().map(|s| s.0),
            "old segments were removed"
        );
        let report = verify::verify(&c.dir, &key).unwrap();
        assert!(report.ok(), "{:?}", report.first_bad);
        assert!(report.first_seq.unwrap_or(0) > 1);
    }

    #[tokio::test]
    async fn decision_records_are_bounded_and_say_what_was_left_out() {
        let tmp = tempfile::tempdir().unwrap();
        let mut c = cfg(tmp.path());
        c.segment_max_bytes = 1 << 30;
        let audit = Audit::open(&c).unwrap();
        let mut rec = decision(0);
        rec.entities.insert("EMAIL_ADDRESS".into(), 5000);
        rec.categories.insert("PII".into(), 5000);
        rec.spans = (0..5000)
            .map(|i| Span {
                pointer: "/messages/0/content".into(),
                start: i * 20,
                end: i * 20 + 19,
                entity: "EMAIL_ADDRESS".into(),
            })
            .collect();
        rec.fingerprints = (0..5000).map(|i| format!("{i:064x}")).collect();
        audit.decision(rec).await.unwrap();
        audit.decision(decision(1)).await.unwrap();
        audit.shutdown();
        let text = std::fs::read_to_string(c.dir.join(segment_name(1))).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].len() < 64 * 1024, "{} bytes", lines[0].len());
        let Body::Decision(d) = serde_json::from_str::<Entry>(lines[0]).unwrap().body else {
            unreachable!("a decision first")
        };
        assert_eq!((d.spans.len(), d.spans_omitted), (MAX_SPANS, 5000 - MAX_SPANS));
        assert_eq!(
            (d.fingerprints.len(), d.fingerprints_omitted),
            (MAX_FINGERPRINTS, 5000 - MAX_FINGERPRINTS)
        );
        assert_eq!(d.entities["EMAIL_ADDRESS"], 5000, "counts stay exact");
        assert_eq!(d.spans[0].start, 0, "the first spans are kept");
        // A record under the bound says nothing of omissions.
        assert!(!lines[1].contains("omitted"), "{}", lines[1]);
        // A record written before the bound existed still reads.
        let old = r#"{"seq":1,"ts_ms":1,"prev":"00","kind":"decision","id":"x","tenant":null,"client":null,"endpoint":"e","model":"m","route":"r","zone":"cloud","action":"cloud","rule":"r","spans":[],"fingerprints":[],"text_parts":1,"text_bytes":1,"opaque_parts":0}"#;
        let Body::Decision(d) = serde_json::from_str::<Entry>(old).unwrap().body else {
            unreachable!("a decision")
        };
        assert_eq!((d.spans_omitted, d.fingerprints_omitted), (0, 0));
        let key = keys::load_public(&c.signing_key).unwrap();
        assert!(verify::verify(&c.dir, &key).unwrap().ok());
    }

    /// A trail of 60 decisions (and their outcomes) in 2 KB segments, shut
    /// down: every closed segment sealed.
    async fn sealed_trail(c: &AuditConfig) -> Vec<(u32, std::path::PathBuf)> {
        let audit = Audit::open(c).unwrap();
        for i in 0..60 {
            audit.decision(decision(i)).await.unwrap();
            audit
                .record(Body::Outcome(OutcomeRecord {
                    decision_id: format!("d{i}"),
                    status: 200,
                    ..Default::default()
                }))
                .await
                .unwrap();
        }
        audit.shutdown();
        writer::segments(&c.dir).unwrap()
    }

    #[tokio::test]
    async fn sealed_segments_read_verify_ship_and_index_as_plain_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let c = cfg(tmp.path());
        let segs = sealed_trail(&c).await;
        assert!(segs.len() >= 3, "{segs:?}");
        let (last, sealed) = segs.split_last().unwrap();
        assert!(!seal::is_sealed(&last.1), "the open segment stays plain");
        for (idx, path) in sealed {
            assert!(seal::is_sealed(path), "{path:?}");
            assert!(!c.dir.join(segment_name(*idx)).exists(), "the plain copy is removed");
            // zstd reads it as it is, and it holds the chain's lines.
            let plain = zstd::stream::decode_all(std::fs::File::open(path).unwrap()).unwrap();
            assert_eq!(plain, read::segment_bytes(path).unwrap());
            assert!(plain.starts_with(b"{\"seq\":"));
        }
        let key = keys::load_public(&c.signing_key).unwrap();
        let report = verify::verify(&c.dir, &key).unwrap();
        assert!(report.ok(), "{:?}", report.first_bad);
        assert_eq!(report.records, 120);
        let rows = read::rows(&c.dir, &read::Filter::default()).unwrap();
        assert_eq!(rows.len(), 60);
        assert!(rows.iter().all(|r| r.outcome.is_some()));
        // The shipper's reader, from the start and from the middle of a sealed segment.
        let mut r = ship::TrailReader::seek(&c.dir, 1).unwrap();
        let all = r.read(u64::MAX, 10_000).unwrap();
        assert_eq!(all.len() as u64, report.last_seq);
        assert!(all.iter().enumerate().all(|(i, l)| l.seq == i as u64 + 1));
        let mut r = ship::TrailReader::seek(&c.dir, 17).unwrap();
        assert_eq!(r.read(u64::MAX, 3).unwrap().first().map(|l| l.seq), Some(17));
        // The console's index reads lines back from sealed segments by offset.
        let mut index = crate::console::index::Index::new(&c.dir);
        index.refresh().unwrap();
        assert_eq!(index.rows.len(), 60);
        for row in &index.rows {
            let e = index.entry(row.decision).unwrap();
            assert_eq!(e.seq, row.seq);
        }
        // Reopened, the trail goes on from where it was.
        let audit = Audit::open(&c).unwrap();
        audit.decision(decision(60)).await.unwrap();
        audit.shutdown();
        let report = verify::verify(&c.dir, &key).unwrap();
        assert!(report.ok(), "{:?}", report.first_bad);
        assert_eq!(report.records, 121);
    }

    #[tokio::test]
    async fn plain_segments_from_before_sealing_still_read_and_are_sealed_at_start() {
        let tmp = tempfile::tempdir().unwrap();
        let c = cfg(tmp.path());
        let segs = sealed_trail(&c).await;
        // Segment 1 as it was before sealing existed; segment 2 both ways
        // (a sealing cut short after its rename).
        let plain1 = c.dir.join(segment_name(1));
        std::fs::write(&plain1, read::segment_bytes(&segs[0].1).unwrap()).unwrap();
        std::fs::remove_file(&segs[0].1).unwrap();
        let plain2 = c.dir.join(segment_name(2));
        std::fs::write(&plain2, read::segment_bytes(&segs[1].1).unwrap()).unwrap();
        let key = keys::load_public(&c.signing_key).unwrap();
        let report = verify::verify(&c.dir, &key).unwrap();
        assert!(report.ok(), "{:?}", report.first_bad);
        assert_eq!(report.records, 120);
        Audit::open(&c).unwrap().shutdown();
        assert!(!plain1.exists() && !plain2.exists());
        assert!(seal::is_sealed(&writer::segments(&c.dir).unwrap()[0].1));
        assert!(verify::verify(&c.dir, &key).unwrap().ok());
    }

    #[tokio::test]
    async fn a_flipped_byte_in_a_sealed_segment_fails_verify_naming_the_segment_and_seq() {
        let tmp = tempfile::tempdir().unwrap();
        let c = cfg(tmp.path());
        let segs = sealed_trail(&c).await;
        let key = keys::load_public(&c.signing_key).unwrap();
        let (_, path) = &segs[1];
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let first_seq = read::first_line(path)
            .and_then(|l| serde_json::from_slice::<Entry>(&l).ok())
            .unwrap()
            .seq;
        let good = std::fs::read(path).unwrap();
        // Inside the compressed data, and inside the seek table.
        for at in [good.len() / 3, good.len() - 14] {
            let mut bad = good.clone();
            bad[at] ^= 0x01;
            std::fs::write(path, &bad).unwrap();
            let report = verify::verify(&c.dir, &key).unwrap();
            let b = report.first_bad.expect("a flipped byte fails verify");
            assert_eq!(b.segment, name, "{b:?}");
            assert_eq!(b.seq, Some(first_seq), "{b:?}");
            assert!(b.reason.contains("altered or damaged"), "{b:?}");
        }
        std::fs::write(path, &good).unwrap();
        assert!(verify::verify(&c.dir, &key).unwrap().ok());
    }

    #[tokio::test]
    async fn reopening_continues_the_chain() {
        let tmp = tempfile::tempdir().unwrap();
        let c = cfg(tmp.path());
        for round in 0..3 {
            let audit = Audit::open(&c).unwrap();
            for i in 0..7 {
                let seq = audit.decision(decision(round * 10 + i)).await.unwrap();
                assert!(seq > 0);
            }
            audit.shutdown();
        }
        let key = keys::load_public(&c.signing_key).unwrap();
        let report = verify::verify(&c.dir, &key).unwrap();
        assert!(report.ok(), "{:?}", report.first_bad);
        assert_eq!(report.records, 21);
        assert_eq!(report.unsigned_tail, 0, "shutdown seals the trail with a checkpoint");
    }
}
