//! Reading and verifying every replica's trail from PostgreSQL
//! (`cordon audit ... --fleet`, and the console with `audit.ship`).
//!
//! The database is not trusted: each replica's rows are checked as its
//! trail is, line by line, against the public key pinned in the reader's
//! config (`audit.ship.postgres.keys`), never the one the database holds.
//! A record deleted or edited in the database breaks the chain (or a
//! checkpoint's signature) and is named by replica and sequence number; a
//! stored frame that does not decompress is named by its range.
//!
//! Records are read from `<prefix>frames` (compressed runs of lines, see
//! [`super::ship::Frame`]) and `<prefix>records` (one line per row, from
//! before frames), through [`replica_lines`].

use std::collections::BTreeMap;
use std::time::Duration;

use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use futures_util::{pin_mut, TryStreamExt};

use super::read::{Filter, Row};
use super::ship::{ShipConfig, ShipError};
use super::{now_ms, sha256_hex, Body, Checkpoint, Entry, GENESIS};

/// The most problems listed per replica.
const MAX_PROBLEMS: usize = 20;

/// One replica's trail in the database, checked.
#[derive(Debug, Default, Clone)]
pub struct ReplicaReport {
    pub replica: String,
    /// The key registered in the database (`ed25519:HEX`), if any.
    pub registered_key: Option<String>,
    pub records: u64,
    pub checkpoints: u64,
    pub first_seq: Option<u64>,
    pub last_seq: u64,
    /// The newest sequence number the replica says it has written.
    pub local_seq: u64,
    pub signed_through: u64,
    /// Records after the newest checkpoint: chained, not yet signed.
    pub unsigned_tail: u64,
    /// The time of the newest checkpoint.
    pub newest_checkpoint_ms: Option<u64>,
    /// When the replica last shipped.
    pub reported_ms: Option<u64>,
    /// What is wrong, each naming the sequence numbers; empty: verified.
    pub problems: Vec<String>,
    /// Ranges written on the replica and missing from the database.
    pub gaps: Vec<(u64, u64)>,
}

impl ReplicaReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    fn problem(&mut self, text: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(text);
        }
    }

    /// Records the replica holds that the database does not (yet).
    pub fn lag_records(&self) -> u64 {
        self.local_seq.saturating_sub(self.last_seq)
    }
}

/// Every replica's report.
#[derive(Debug, Default, Clone)]
pub struct FleetReport {
    pub replicas: Vec<ReplicaReport>,
}

impl FleetReport {
    pub fn ok(&self) -> bool {
        !self.replicas.is_empty() && self.replicas.iter().all(ReplicaReport::ok)
    }

    /// One line per replica, then the verdict.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for r in &self.replicas {
            if r.ok() {
                let summary = super::report::chain_summary(
                    r.records,
                    r.checkpoints,
                    None,
                    r.first_seq,
                    r.last_seq,
                    r.signed_through,
                    r.unsigned_tail,
                );
                out.push_str(&format!("replica {}: OK: {summary}\n", r.replica));
            } else {
                out.push_str(&format!("replica {}: FAILED\n", r.replica));
                for p in &r.problems {
                    out.push_str(&format!("  replica {}: {p}\n", r.replica));
                }
            }
        }
        let records: u64 = self.replicas.iter().map(|r| r.records).sum();
        let bad = self.replicas.iter().filter(|r| !r.ok()).count();
        if self.replicas.is_empty() {
            out.push_str("FAILED: no replica has shipped a record\n");
        } else if bad == 0 {
            out.push_str(&format!(
                "OK: {} replica(s), {records} records, every chain verified against its pinned key\n",
                self.replicas.len()
            ));
        } else {
            out.push_str(&format!(
                "FAILED: {bad} of {} replica(s) do not verify\n",
                self.replicas.len()
            ));
        }
        out
    }
}

/// Checks one replica's lines, fed in sequence order.
struct Chain<'k> {
    key: Option<&'k VerifyingKey>,
    prev_hash: Option<String>,
    prev_seq: u64,
    report: ReplicaReport,
}

fn check_signature(cp: &Checkpoint, key: &VerifyingKey) -> Result<(), String> {
    if cp.key != hex::encode(key.to_bytes()) {
        return Err("signed by another key than the one pinned".into());
    }
    let sig = hex::decode(&cp.sig)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
        .ok_or("its signature is malformed")?;
    key.verify(&Checkpoint::message(cp.covers_seq, &cp.head), &sig)
        .map_err(|_| "its signature does not verify".to_string())
}

impl Chain<'_> {
    /// A stored frame that does not decompress: its records are unreadable.
    fn damaged(&mut self, first: u64, last: u64, why: &str) {
        let r = &mut self.report;
        r.problem(format!(
            "records {first} to {last}: the stored frame does not decompress ({why}): edited or damaged"
        ));
        r.gaps.push((first, last));
        r.first_seq.get_or_insert(first);
        r.last_seq = last;
        self.prev_seq = last;
        self.prev_hash = None;
    }

    fn feed(&mut self, row_seq: u64, line: &str) {
        let r = &mut self.report;
        let entry: Entry = match serde_json::from_str(line) {
            Ok(e) => e,
            Err(_) => {
                r.problem(format!("seq {row_seq}: not a valid audit record (edited)"));
                self.prev_hash = None;
                self.prev_seq = row_seq;
                return;
            }
        };
        if entry.seq != row_seq {
            r.problem(format!(
                "seq {row_seq}: the row holds a record with seq {} (edited or moved)",
                entry.seq
            ));
        }
        let hash = sha256_hex(line.as_bytes());
        match &self.prev_hash {
            None if r.first_seq.is_none() => {
                // Genesis, or (after retention) a signed checkpoint of what came before.
                let anchored = matches!(&entry.body, Body::Checkpoint(cp) if cp.head == entry.prev && cp.covers_seq + 1 == entry.seq);
                if !(anchored || (entry.seq == 1 && entry.prev == GENESIS)) {
                    r.problem(format!(
                        "records 1 to {} are missing: the chain starts at seq {} at neither genesis nor a signed checkpoint",
                        row_seq.saturating_sub(1),
                        row_seq
                    ));
                    r.gaps.push((1, row_seq.saturating_sub(1)));
                }
                r.first_seq = Some(row_seq);
            }
            None => {}
            Some(h) => {
                if row_seq != self.prev_seq + 1 {
                    r.problem(format!(
                        "records {} to {} are missing (deleted, or never shipped)",
                        self.prev_seq + 1,
                        row_seq - 1
                    ));
                    r.gaps.push((self.prev_seq + 1, row_seq - 1));
                } else if &entry.prev != h {
                    r.problem(format!(
                        "seq {}: the record does not match the hash seq {row_seq} recorded for it (edited or replaced)",
                        self.prev_seq
                    ));
                }
            }
        }
        match &entry.body {
            Body::Checkpoint(cp) => {
                let verdict = match self.key {
                    None => Err("no key to check it with".to_string()),
                    Some(k) => check_signature(cp, k),
                }
                .and_then(|_| {
                    (cp.head == entry.prev && cp.covers_seq + 1 == entry.seq)
                        .then_some(())
                        .ok_or_else(|| "it does not cover the record before it".to_string())
                });
                match verdict {
                    Ok(()) => {
                        r.checkpoints += 1;
                        r.signed_through = cp.covers_seq;
                        r.unsigned_tail = 0;
                        r.newest_checkpoint_ms = Some(entry.ts_ms);
                    }
                    Err(why) => r.problem(format!("seq {row_seq}: checkpoint rejected: {why}")),
                }
            }
            _ => {
                r.records += 1;
                r.unsigned_tail += 1;
            }
        }
        r.last_seq = row_seq;
        self.prev_seq = row_seq;
        self.prev_hash = Some(hash);
    }
}

/// The replicas the database knows: (name, registered key, local seq, last report).
async fn replicas(
    client: &tokio_postgres::Client,
    p: &str,
) -> Result<Vec<(String, Option<String>, u64, Option<u64>)>, ShipError> {
    let frames = frames_table(client, p).await?;
    let rows = client
        .query(
            &format!(
                "SELECT r.replica, r.pubkey, r.local_seq, (extract(epoch FROM r.reported_at) * 1000)::bigint \
                 FROM {p}replicas r \
                 UNION ALL \
                 SELECT DISTINCT replica, NULL::text, 0::bigint, NULL::bigint FROM \
                 (SELECT replica FROM {p}records UNION SELECT replica FROM {frames} fr) x \
                 WHERE replica NOT IN (SELECT replica FROM {p}replicas) \
                 ORDER BY 1"
            ),
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let seq: i64 = r.get(2);
            let at: Option<i64> = r.get(3);
            (
                r.get(0),
                r.get(1),
                u64::try_from(seq).unwrap_or(0),
                at.and_then(|a| u64::try_from(a).ok()),
            )
        })
        .collect())
}

/// What to read frames from: `<prefix>frames`, or, in a database no
/// shipper has migrated to frames yet (readers do not migrate: an
/// auditor's account may not create tables), an empty relation.
async fn frames_table(client: &tokio_postgres::Client, p: &str) -> Result<String, ShipError> {
    let table = format!("{p}frames");
    let there: bool = client
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&table])
        .await?
        .get(0);
    Ok(if there {
        table
    } else {
        "(SELECT NULL::text AS replica, 0::bigint AS first_seq, 0::bigint AS last_seq, 0::bigint AS first_ts, \
         0::bigint AS last_ts, false AS checkpoint, '{}'::bigint[] AS decision_keys, ''::bytea AS body WHERE false)"
            .to_string()
    })
}

/// One stored record, or a run of them that cannot be read.
pub enum Stored<'a> {
    Line {
        seq: u64,
        line: &'a str,
    },
    /// A frame that does not decompress: records `first` to `last`.
    Damaged {
        first: u64,
        last: u64,
        why: String,
    },
}

/// The seq of a line (what its own `seq` field says), if it parses.
fn line_seq(line: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Head {
        seq: u64,
    }
    serde_json::from_str::<Head>(line).ok().map(|h| h.seq)
}

/// Calls `f` with each of a replica's stored records in sequence order,
/// from `from_seq` on: rows of `<prefix>records` (shipped before frames),
/// then the lines of `<prefix>frames`, decompressed. Returns how many.
pub async fn replica_lines(
    client: &tokio_postgres::Client,
    p: &str,
    replica: &str,
    from_seq: u64,
    f: &mut (dyn FnMut(Stored<'_>) + Send),
) -> Result<u64, ShipError> {
    let frames = frames_table(client, p).await?;
    let from = i64::try_from(from_seq).unwrap_or(i64::MAX);
    let u = |v: i64| u64::try_from(v).unwrap_or(0);
    let mut n = 0;
    let rows = client
        .query_raw(
            &format!("SELECT seq, line FROM {p}records WHERE replica = $1 AND seq >= $2 ORDER BY seq"),
            [&replica as &(dyn tokio_postgres::types::ToSql + Sync), &from],
        )
        .await?;
    pin_mut!(rows);
    while let Some(row) = rows.try_next().await? {
        f(Stored::Line {
            seq: u(row.get(0)),
            line: row.get(1),
        });
        n += 1;
    }
    let frames = client
        .query_raw(
            &format!(
                "SELECT first_seq, last_seq, body FROM {frames} fr WHERE replica = $1 AND last_seq >= $2 ORDER BY first_seq"
            ),
            [&replica as &(dyn tokio_postgres::types::ToSql + Sync), &from],
        )
        .await?;
    pin_mut!(frames);
    while let Some(row) = frames.try_next().await? {
        let (first, last) = (u(row.get(0)), u(row.get(1)));
        match super::ship::decode_frame(row.get(2)) {
            Ok(text) => {
                let mut expect = first;
                for line in text.lines() {
                    let seq = line_seq(line).unwrap_or(expect);
                    expect = seq + 1;
                    if seq >= from_seq {
                        f(Stored::Line { seq, line });
                        n += 1;
                    }
                }
            }
            Err(why) => f(Stored::Damaged { first, last, why }),
        }
    }
    Ok(n)
}

/// A replica's stored lines from `from_seq` on, as `(seq, line)`.
pub async fn lines(
    client: &tokio_postgres::Client,
    p: &str,
    replica: &str,
    from_seq: u64,
) -> Result<Vec<(u64, String)>, ShipError> {
    let mut out = Vec::new();
    let mut bad = None;
    replica_lines(client, p, replica, from_seq, &mut |s| match s {
        Stored::Line { seq, line } => out.push((seq, line.to_string())),
        Stored::Damaged { first, last, why } => {
            bad.get_or_insert(format!("records {first} to {last}: {why}"));
        }
    })
    .await?;
    match bad {
        Some(why) => Err(ShipError::Trail(why)),
        None => Ok(out),
    }
}

/// Verifies every replica's trail in the database (`verify --fleet`):
/// chains and checkpoints against the pinned keys, gaps (records a replica
/// wrote and the database lacks), and checkpoints older than
/// `checkpoint_max_age`.
pub async fn verify(client: &tokio_postgres::Client, cfg: &ShipConfig) -> Result<FleetReport, ShipError> {
    verify_with_progress(client, cfg, &mut |_, _| {}).await
}

/// [`verify`], telling `progress` each replica's name and records checked.
pub async fn verify_with_progress(
    client: &tokio_postgres::Client,
    cfg: &ShipConfig,
    progress: &mut (dyn FnMut(&str, u64) + Send),
) -> Result<FleetReport, ShipError> {
    let p = &cfg.prefix;
    let mut report = FleetReport::default();
    for (name, registered, local_seq, reported_ms) in replicas(client, p).await? {
        let pinned = cfg.keys.get(&name);
        let mut chain = Chain {
            key: pinned,
            prev_hash: None,
            prev_seq: 0,
            report: ReplicaReport {
                replica: name.clone(),
                registered_key: registered.clone(),
                local_seq,
                reported_ms,
                ..Default::default()
            },
        };
        match (pinned, &registered) {
            (None, _) => chain.report.problem(format!(
                "no public key is pinned for this replica in audit.ship.postgres.keys (the database registers {})",
                registered.as_deref().unwrap_or("none")
            )),
            (Some(k), Some(reg)) if super::keys::public_text(k) != *reg => chain
                .report
                .problem("the database registers another public key than the one pinned".into()),
            (Some(_), None) => chain
                .report
                .problem("the replica is not registered in the database".into()),
            _ => {}
        }
        let mut n: u64 = 0;
        replica_lines(client, p, &name, 0, &mut |s| {
            match s {
                Stored::Line { seq, line } => chain.feed(seq, line),
                Stored::Damaged { first, last, why } => chain.damaged(first, last, &why),
            }
            n += 1;
            if n % 100_000 == 0 {
                progress(&name, n);
            }
        })
        .await?;
        progress(&name, n);
        let mut r = chain.report;
        if r.local_seq > r.last_seq {
            r.problem(format!(
                "records {} to {} were written on the replica but are not in PostgreSQL (unshipped, or deleted from the end)",
                r.last_seq + 1,
                r.local_seq
            ));
            r.gaps.push((r.last_seq + 1, r.local_seq));
        }
        match r.newest_checkpoint_ms {
            None if r.last_seq > 0 => r.problem("no signed checkpoint".into()),
            Some(at) => {
                let age = Duration::from_millis(now_ms().saturating_sub(at));
                if age > cfg.checkpoint_max_age {
                    r.problem(format!(
                        "the newest checkpoint (seq {}) is {}s old, past the bound of {}s (audit.ship.postgres.checkpoint_max_age)",
                        r.signed_through + 1,
                        age.as_secs(),
                        cfg.checkpoint_max_age.as_secs()
                    ));
                }
            }
            None => {}
        }
        report.replicas.push(r);
    }
    Ok(report)
}

/// A decision with its outcome and the replica that wrote it.
#[derive(Debug, Clone)]
pub struct FleetRow {
    pub replica: String,
    pub row: Row,
}

/// The decisions of every replica matching `filter` (and `replica`, when
/// given), oldest first, each joined with its outcome.
pub async fn rows(
    client: &tokio_postgres::Client,
    cfg: &ShipConfig,
    filter: &Filter,
    replica: Option<&str>,
) -> Result<Vec<FleetRow>, ShipError> {
    let p = &cfg.prefix;
    let frames = frames_table(client, p).await?;
    // Outcomes follow their decision, so the time filter starts at the
    // decision and runs open-ended for outcomes.
    let from = filter.from_ms.map_or(0, |f| i64::try_from(f).unwrap_or(i64::MAX));
    let to = filter.to_ms.map_or(i64::MAX, |t| i64::try_from(t).unwrap_or(i64::MAX));
    let replica = replica.map(str::to_string);
    let mut join = Join::new(filter);
    // Rows shipped before frames.
    let sql = format!(
        "SELECT replica, seq, ts_ms, kind, line FROM {p}records \
         WHERE kind IN ('decision', 'outcome') AND ts_ms >= $1 AND (kind = 'outcome' OR ts_ms < $2) \
         AND ($3::text IS NULL OR replica = $3) ORDER BY ts_ms, replica, seq"
    );
    let stream = client
        .query_raw(
            &sql,
            [&from as &(dyn tokio_postgres::types::ToSql + Sync), &to, &replica],
        )
        .await?;
    pin_mut!(stream);
    while let Some(row) = stream.try_next().await? {
        let seq: i64 = row.get(1);
        join.feed(row.get(0), u64::try_from(seq).unwrap_or(0), row.get(4));
    }
    // Frames holding records of the period (or outcomes after it), each
    // replica's in sequence order: an outcome comes after its decision.
    let stream = client
        .query_raw(
            &format!(
                "SELECT replica, first_seq, body FROM {frames} fr WHERE last_ts >= $1 \
                 AND ($2::text IS NULL OR replica = $2) ORDER BY replica, first_seq"
            ),
            [&from as &(dyn tokio_postgres::types::ToSql + Sync), &replica],
        )
        .await?;
    pin_mut!(stream);
    while let Some(row) = stream.try_next().await? {
        let name: &str = row.get(0);
        let first: i64 = row.get(1);
        // A frame that does not read is for `verify --fleet` to report.
        let Ok(text) = super::ship::decode_frame(row.get(2)) else {
            continue;
        };
        let mut expect = u64::try_from(first).unwrap_or(0);
        for line in text.lines() {
            let seq = line_seq(line).unwrap_or(expect);
            expect = seq + 1;
            join.feed(name, seq, line);
        }
    }
    let mut out = join.out;
    out.sort_by(|a, b| (a.row.ts_ms, &a.replica, a.row.seq).cmp(&(b.row.ts_ms, &b.replica, b.row.seq)));
    Ok(out)
}

/// Decisions matching a filter, joined with their outcomes as lines come.
struct Join<'f> {
    filter: &'f Filter,
    out: Vec<FleetRow>,
    index: BTreeMap<(String, String), usize>,
}

impl<'f> Join<'f> {
    fn new(filter: &'f Filter) -> Join<'f> {
        Join {
            filter,
            out: Vec::new(),
            index: BTreeMap::new(),
        }
    }

    fn feed(&mut self, replica: &str, seq: u64, line: &str) {
        // Cheap test first: only decisions and outcomes are parsed whole.
        if !(line.contains("\"kind\":\"decision\"") || line.contains("\"kind\":\"outcome\"")) {
            return;
        }
        let Ok(entry) = serde_json::from_str::<Entry>(line) else {
            return;
        };
        match entry.body {
            Body::Decision(d) if self.filter.matches(entry.ts_ms, &d) => {
                self.index.insert((replica.to_string(), d.id.clone()), self.out.len());
                self.out.push(FleetRow {
                    replica: replica.to_string(),
                    row: Row {
                        seq,
                        ts_ms: entry.ts_ms,
                        decision: *d,
                        outcome: None,
                    },
                });
            }
            Body::Outcome(o) if self.filter.from_ms.is_none_or(|f| entry.ts_ms >= f) => {
                if let Some(&i) = self.index.get(&(replica.to_string(), o.decision_id.clone())) {
                    self.out[i].row.outcome = Some(o);
                }
            }
            _ => {}
        }
    }
}

/// A decision by id, with its outcome and replica: looked up by the
/// frames' `decision_keys` index (and `records.decision_id` for rows from
/// before frames), confirmed on the records.
pub async fn decision(
    client: &tokio_postgres::Client,
    cfg: &ShipConfig,
    id: &str,
) -> Result<Option<FleetRow>, ShipError> {
    let p = &cfg.prefix;
    let frames = frames_table(client, p).await?;
    let filter = Filter {
        decision_id: Some(id.to_string()),
        ..Default::default()
    };
    let mut join = Join::new(&filter);
    for row in client
        .query(
            &format!("SELECT replica, seq, line FROM {p}records WHERE decision_id = $1 ORDER BY replica, seq"),
            &[&id],
        )
        .await?
    {
        let seq: i64 = row.get(1);
        join.feed(row.get(0), u64::try_from(seq).unwrap_or(0), row.get(2));
    }
    let key = super::ship::decision_key(id);
    for row in client
        .query(
            &format!(
                "SELECT replica, first_seq, body FROM {frames} fr WHERE decision_keys @> ARRAY[$1::bigint] \
                 ORDER BY replica, first_seq"
            ),
            &[&key],
        )
        .await?
    {
        let name: &str = row.get(0);
        let Ok(text) = super::ship::decode_frame(row.get(2)) else {
            continue;
        };
        let first: i64 = row.get(1);
        let mut expect = u64::try_from(first).unwrap_or(0);
        for line in text.lines() {
            let seq = line_seq(line).unwrap_or(expect);
            expect = seq + 1;
            if line.contains(id) {
                join.feed(name, seq, line);
            }
        }
    }
    Ok(join.out.into_iter().next())
}

/// One replica as the console's integrity page lists it: read from the
/// replicas table and two index lookups, in milliseconds at any size (the
/// full check is `verify --fleet`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReplicaSummary {
    pub replica: String,
    /// `ed25519:HEX`, as registered.
    pub key: String,
    /// Whether the registered key is the one pinned in this config.
    pub pinned: Option<bool>,
    /// The newest seq in the database.
    pub last_seq: u64,
    /// The newest seq the replica had on disk at its last batch.
    pub local_seq: u64,
    /// `local_seq - last_seq`.
    pub lag_records: u64,
    /// Seconds since the replica last shipped.
    pub since_report_s: Option<u64>,
    /// The newest checkpoint: its seq and age in seconds.
    pub checkpoint_seq: Option<u64>,
    pub checkpoint_age_s: Option<u64>,
    /// Older than `checkpoint_max_age`.
    pub stale: bool,
}

/// Every replica's chain head and lag (see [`ReplicaSummary`]).
pub async fn summary(client: &tokio_postgres::Client, cfg: &ShipConfig) -> Result<Vec<ReplicaSummary>, ShipError> {
    let p = &cfg.prefix;
    let frames = frames_table(client, p).await?;
    let rows = client
        .query(
            &format!(
                "SELECT r.replica, r.pubkey, r.local_seq, \
                 (extract(epoch FROM now() - r.reported_at))::bigint, \
                 GREATEST((SELECT max(seq) FROM {p}records x WHERE x.replica = r.replica), \
                  (SELECT last_seq FROM {frames} f WHERE f.replica = r.replica ORDER BY first_seq DESC LIMIT 1)), \
                 (SELECT ARRAY[seq, ts_ms] FROM {p}records x WHERE x.replica = r.replica AND kind = 'checkpoint' \
                  ORDER BY seq DESC LIMIT 1), \
                 (SELECT ARRAY[first_seq, first_ts] FROM {frames} f WHERE f.replica = r.replica AND checkpoint \
                  ORDER BY first_seq DESC LIMIT 1) \
                 FROM {p}replicas r ORDER BY r.replica"
            ),
            &[],
        )
        .await?;
    let now = now_ms();
    Ok(rows
        .iter()
        .map(|r| {
            let replica: String = r.get(0);
            let key: String = r.get(1);
            let u = |v: Option<i64>| v.and_then(|v| u64::try_from(v).ok());
            let local_seq = u(Some(r.get(2))).unwrap_or(0);
            let last_seq = u(r.get(4)).unwrap_or(0);
            // The newer of the newest checkpoint row and the newest frame opening with one.
            let cp: Option<Vec<i64>> = match (r.get::<_, Option<Vec<i64>>>(5), r.get::<_, Option<Vec<i64>>>(6)) {
                (Some(a), Some(b)) => Some(if a.first() >= b.first() { a } else { b }),
                (a, b) => a.or(b),
            };
            let checkpoint_seq = cp.as_ref().and_then(|c| u(c.first().copied()));
            let checkpoint_age_s = cp
                .as_ref()
                .and_then(|c| u(c.get(1).copied()))
                .map(|ts| now.saturating_sub(ts) / 1000);
            ReplicaSummary {
                pinned: cfg.keys.get(&replica).map(|k| super::keys::public_text(k) == key),
                stale: checkpoint_age_s.is_none_or(|a| a > cfg.checkpoint_max_age.as_secs()),
                replica,
                key,
                last_seq,
                local_seq,
                lag_records: local_seq.saturating_sub(last_seq),
                since_report_s: u(r.get(3)),
                checkpoint_seq,
                checkpoint_age_s,
            }
        })
        .collect())
}

/// The replicas registered in the database, by name (the console follows
/// each; a replica registers itself before it ships its first record).
pub async fn replica_names(client: &tokio_postgres::Client, cfg: &ShipConfig) -> Result<Vec<String>, ShipError> {
    let p = &cfg.prefix;
    let rows = client
        .query(&format!("SELECT replica FROM {p}replicas ORDER BY replica"), &[])
        .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Up to `limit` of `replica`'s records after sequence number `after`, in
/// order, as `(seq, line)`: how the console's index follows the fleet. Rows
/// shipped before frames come first (a range scan of the primary key),
/// then the lines of the frames that follow (another), decompressed.
pub async fn lines_after(
    client: &tokio_postgres::Client,
    cfg: &ShipConfig,
    replica: &str,
    after: u64,
    limit: u32,
) -> Result<Vec<(u64, String)>, ShipError> {
    let p = &cfg.prefix;
    let frames = frames_table(client, p).await?;
    let from = i64::try_from(after).unwrap_or(i64::MAX);
    let u = |v: i64| u64::try_from(v).unwrap_or(0);
    let mut out: Vec<(u64, String)> = client
        .query(
            &format!("SELECT seq, line FROM {p}records WHERE replica = $1 AND seq > $2 ORDER BY seq LIMIT $3"),
            &[&replica, &from, &i64::from(limit)],
        )
        .await?
        .iter()
        .map(|r| (u(r.get(0)), r.get(1)))
        .collect();
    if out.len() >= limit as usize {
        return Ok(out);
    }
    // Each frame holds at least one line: never more frames than lines wanted.
    let want = i64::from(limit) - out.len() as i64;
    let rows = client
        .query(
            &format!(
                "SELECT first_seq, body FROM {frames} fr WHERE replica = $1 AND last_seq > $2 \
                 ORDER BY first_seq LIMIT $3"
            ),
            &[&replica, &from, &want.min(64)],
        )
        .await?;
    for row in rows {
        let text = super::ship::decode_frame(row.get(1))
            .map_err(|why| ShipError::Trail(format!("{replica}: frame at record {}: {why}", u(row.get(0)))))?;
        let mut expect = u(row.get(0));
        for line in text.lines() {
            let seq = line_seq(line).unwrap_or(expect);
            expect = seq + 1;
            if seq > after && out.len() < limit as usize {
                out.push((seq, line.to_string()));
            }
        }
        if out.len() >= limit as usize {
            break;
        }
    }
    Ok(out)
}

/// The records at these `(replica, seq)` keys, as `(replica, seq, line)`,
/// in no particular order; keys the database does not hold are left out.
/// Two queries by the primary key, however many keys: the rows shipped
/// before frames, and the frame holding each key (decompressed once).
pub async fn lines_at(
    client: &tokio_postgres::Client,
    cfg: &ShipConfig,
    keys: &[(String, u64)],
) -> Result<Vec<(String, u64, String)>, ShipError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let p = &cfg.prefix;
    let frames = frames_table(client, p).await?;
    let names: Vec<&str> = keys.iter().map(|(r, _)| r.as_str()).collect();
    let seqs: Vec<i64> = keys
        .iter()
        .map(|(_, s)| i64::try_from(*s).unwrap_or(i64::MAX))
        .collect();
    let u = |v: i64| u64::try_from(v).unwrap_or(0);
    let mut out: Vec<(String, u64, String)> = client
        .query(
            &format!(
                "SELECT r.replica, r.seq, r.line FROM {p}records r \
                 JOIN unnest($1::text[], $2::bigint[]) AS k(replica, seq) ON r.replica = k.replica AND r.seq = k.seq"
            ),
            &[&names, &seqs],
        )
        .await?
        .iter()
        .map(|r| (r.get(0), u(r.get(1)), r.get(2)))
        .collect();
    let wanted: std::collections::HashSet<(&str, u64)> = keys.iter().map(|(r, s)| (r.as_str(), *s)).collect();
    let rows = client
        .query(
            &format!(
                "SELECT DISTINCT ON (f.replica, f.first_seq) f.replica, f.first_seq, f.body \
                 FROM unnest($1::text[], $2::bigint[]) AS k(replica, seq) \
                 CROSS JOIN LATERAL (SELECT fr.replica, fr.first_seq, fr.last_seq, fr.body FROM {frames} fr \
                   WHERE fr.replica = k.replica AND fr.first_seq <= k.seq ORDER BY fr.first_seq DESC LIMIT 1) f \
                 WHERE f.last_seq >= k.seq"
            ),
            &[&names, &seqs],
        )
        .await?;
    for row in rows {
        let replica: String = row.get(0);
        let Ok(text) = super::ship::decode_frame(row.get(2)) else {
            continue;
        };
        let mut expect = u(row.get(1));
        for line in text.lines() {
            let seq = line_seq(line).unwrap_or(expect);
            expect = seq + 1;
            if wanted.contains(&(replica.as_str(), seq)) {
                out.push((replica.clone(), seq, line.to_string()));
            }
        }
    }
    Ok(out)
}
