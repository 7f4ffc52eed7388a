//! Shipping the trail to PostgreSQL, so that a fleet of replicas has one
//! record to read and verify.
//!
//! The local trail stays the write-ahead log: a decision is fsynced on the
//! replica before its request goes anywhere. The shipper, one task per
//! replica, follows the trail's files behind the writer (plain or sealed
//! segments alike) and copies each durable line, verbatim (chain hashes and
//! signed checkpoints included), into `<prefix>frames`: a run of lines per
//! row, compressed together as one zstd frame, so that a request takes about
//! 600 bytes in the database instead of 2.5 KB (see [`Frame`]):
//!
//! - ordered and at-least-once: lines go in sequence order, a batch per
//!   transaction; after a restart or a lost connection it resumes from the
//!   highest sequence number PostgreSQL holds for the replica;
//! - idempotent: a batch's transaction locks the replica's row and leaves
//!   out the lines PostgreSQL already holds, so a batch sent twice lands
//!   once; the primary key (replica, first seq) backs it;
//! - batched: one `COPY ... FROM STDIN BINARY` of frames per batch;
//! - with backpressure: it holds at most one batch in memory and reads the
//!   next only when the last is committed; the files are the queue, and
//!   local retention never removes a segment that is not shipped yet;
//! - only durable lines: what a crash could still take back is never sent,
//!   so the database never holds a record the replica's trail does not.
//!
//! Rows of `<prefix>records` (one uncompressed line per row, what shipping
//! wrote before migration 2) are still read, and still count for resuming.
//!
//! Each replica registers its public key in `<prefix>replicas` on first
//! contact and refuses to ship under another key; readers check the chain
//! against keys pinned in their own config, not those in the database.
//!
//! Migrations are plain SQL, numbered, applied at connect in one
//! transaction under an advisory lock (replicas starting together do not
//! race), and recorded in `<prefix>schema`: a few tables do not call for a
//! migration framework, and the shipper must not depend on one being run.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use secrecy::ExposeSecret;
use serde::Deserialize;

use super::now_ms;

/// A query parameter.
type Sql<'a> = dyn tokio_postgres::types::ToSql + Sync + 'a;
use super::writer::segments;

pub use crate::config::audit::{default_replica, valid_name, ShipConfig};

#[derive(Debug, thiserror::Error)]
pub enum ShipError {
    #[error("{0} is not set")]
    NoUrl(String),
    #[error("PostgreSQL TLS: {0}")]
    Tls(String),
    #[error("PostgreSQL: {}", db_text(.0))]
    Db(#[from] tokio_postgres::Error),
    #[error("replica `{0}` is registered in PostgreSQL under another public key; not shipping")]
    KeyMismatch(String),
    #[error("the local trail differs from PostgreSQL at seq {0}; not shipping")]
    Diverged(u64),
    #[error("reading the trail: {0}")]
    Trail(String),
}

/// A database error with the server's message and SQLSTATE when it sent one
/// (statements hold no record values: those travel as parameters).
fn db_text(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{} ({})", d.message(), d.code().code()),
        None => e.to_string(),
    }
}

/// Where shipping stands, shared by the writer (durable), the shipper
/// (shipped), `/metrics` and `/readyz`.
#[derive(Debug, Default)]
pub struct Progress {
    /// The highest sequence number on disk and synced.
    pub durable_seq: AtomicU64,
    /// The highest sequence number PostgreSQL holds for this replica.
    pub shipped_seq: AtomicU64,
    /// Shipping is configured.
    pub enabled: AtomicBool,
    /// The shipper is connected and has resumed.
    pub connected: AtomicBool,
    /// The time of the oldest durable record not yet shipped (an upper
    /// bound on its age when the record itself is not read yet).
    pub oldest_unshipped_ms: AtomicU64,
    /// Records shipped by this process.
    pub shipped_total: AtomicU64,
    /// The last error's kind (`connect`, `insert`, `key`, `diverged`, `trail`).
    pub error: Mutex<Option<&'static str>>,
    /// Woken by the writer when records become durable.
    pub wake: tokio::sync::Notify,
}

impl Progress {
    /// Called by the writer after each sync.
    pub fn set_durable(&self, seq: u64) {
        let before = self.durable_seq.fetch_max(seq, Ordering::AcqRel);
        if seq > before && self.enabled.load(Ordering::Relaxed) {
            self.wake.notify_one();
        }
    }

    /// Durable records not yet in PostgreSQL.
    pub fn lag_records(&self) -> u64 {
        self.durable_seq
            .load(Ordering::Acquire)
            .saturating_sub(self.shipped_seq.load(Ordering::Acquire))
    }

    /// The age of the oldest durable record not yet in PostgreSQL; 0 when
    /// all are shipped.
    pub fn lag_seconds(&self) -> f64 {
        if self.lag_records() == 0 {
            return 0.0;
        }
        let oldest = self.oldest_unshipped_ms.load(Ordering::Acquire);
        now_ms().saturating_sub(oldest) as f64 / 1000.0
    }

    fn fail(&self, kind: &'static str) {
        self.connected.store(false, Ordering::Release);
        if let Ok(mut e) = self.error.lock() {
            *e = Some(kind);
        }
    }

    /// The last error's kind, while not connected.
    pub fn last_error(&self) -> Option<&'static str> {
        if self.connected.load(Ordering::Acquire) {
            return None;
        }
        self.error.lock().ok().and_then(|e| *e)
    }
}

/// Connects to PostgreSQL (TLS by rustls, as the URL's `sslmode` asks) and
/// drives the connection in a task of its own, which ends with the client.
pub async fn connect(cfg: &ShipConfig) -> Result<tokio_postgres::Client, ShipError> {
    let url = cfg.url.as_ref().ok_or_else(|| ShipError::NoUrl(cfg.url_env.clone()))?;
    let tls = tls(cfg)?;
    let (client, conn) = tokio_postgres::connect(url.expose_secret(), tls).await?;
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!(error = %e, "PostgreSQL connection closed");
        }
    });
    Ok(client)
}

fn tls(cfg: &ShipConfig) -> Result<tokio_postgres_rustls::MakeRustlsConnect, ShipError> {
    let config = crate::tls::client_config(cfg.ca.as_deref()).map_err(ShipError::Tls)?;
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// The schema, in order. `{p}` is the table prefix.
const MIGRATIONS: &[(i32, &str)] = &[
    (
        1,
        "CREATE TABLE {p}replicas (
        replica text PRIMARY KEY,
        pubkey text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        local_seq bigint NOT NULL DEFAULT 0,
        shipped_seq bigint NOT NULL DEFAULT 0,
        reported_at timestamptz
    );
    CREATE TABLE {p}records (
        replica text NOT NULL,
        seq bigint NOT NULL,
        ts_ms bigint NOT NULL,
        kind text NOT NULL,
        decision_id text,
        line text NOT NULL,
        PRIMARY KEY (replica, seq)
    );
    CREATE INDEX {p}records_ts ON {p}records (ts_ms);
    CREATE INDEX {p}records_decision ON {p}records (decision_id) WHERE decision_id IS NOT NULL;",
    ),
    (
        2,
        // Records from here on are stored compressed, a frame of lines per
        // row (see `frames`); rows of `records` (from before) are still read.
        "CREATE TABLE {p}frames (
        replica text NOT NULL,
        first_seq bigint NOT NULL,
        last_seq bigint NOT NULL,
        first_ts bigint NOT NULL,
        last_ts bigint NOT NULL,
        checkpoint boolean NOT NULL,
        decision_keys bigint[] NOT NULL,
        body bytea NOT NULL,
        PRIMARY KEY (replica, first_seq)
    );
    ALTER TABLE {p}frames ALTER COLUMN body SET STORAGE EXTERNAL;
    CREATE INDEX {p}frames_ts ON {p}frames (last_ts);
    CREATE INDEX {p}frames_decisions ON {p}frames USING gin (decision_keys);",
    ),
];

/// Brings the schema up to date (idempotent; concurrent callers wait on an
/// advisory lock).
pub async fn migrate(client: &mut tokio_postgres::Client, prefix: &str) -> Result<(), ShipError> {
    let tx = client.transaction().await?;
    // One lock for every Cordon schema in the database: migrations are rare.
    tx.execute("SELECT pg_advisory_xact_lock(7305672001)", &[]).await?;
    tx.batch_execute(&format!(
        "CREATE TABLE IF NOT EXISTS {prefix}schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    ))
    .await?;
    let have: Vec<i32> = tx
        .query(&format!("SELECT version FROM {prefix}schema"), &[])
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for (version, sql) in MIGRATIONS {
        if have.contains(version) {
            continue;
        }
        tx.batch_execute(&sql.replace("{p}", prefix)).await?;
        tx.execute(&format!("INSERT INTO {prefix}schema (version) VALUES ($1)"), &[version])
            .await?;
        tracing::info!(version, "audit store: schema migrated");
    }
    tx.commit().await?;
    Ok(())
}

/// The first fields of a trail line, for the table's columns.
#[derive(Deserialize)]
struct LineHead {
    seq: u64,
    ts_ms: u64,
    kind: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    decision_id: Option<String>,
}

/// One trail line with the columns taken from it.
#[derive(Debug, Clone)]
pub struct Line {
    pub seq: u64,
    pub ts_ms: u64,
    pub kind: String,
    pub decision_id: Option<String>,
    pub text: String,
}

/// The most plain bytes in one stored frame (as in a sealed segment).
const FRAME_BYTES: usize = super::seal::FRAME_BYTES;
/// The most a stored frame may decompress to: a bound against a damaged
/// or hostile row (a frame holds at least one line, and lines are bounded).
pub const MAX_FRAME_PLAIN: usize = 64 << 20;

/// A run of one replica's lines stored as one row of `<prefix>frames`:
/// the lines verbatim, each ending in a newline, as one zstd frame (level
/// 3, with its checksum), and the columns the readers look them up by.
#[derive(Debug, Clone)]
pub struct Frame {
    pub first_seq: u64,
    pub last_seq: u64,
    pub first_ts: u64,
    pub last_ts: u64,
    /// The first line is a signed checkpoint: the chain may start here, so
    /// retention deletes whole frames before one.
    pub checkpoint: bool,
    /// [`decision_key`] of each decision id of its decisions and outcomes.
    pub decision_keys: Vec<i64>,
    pub body: Vec<u8>,
}

/// The key a decision id is indexed by in `<prefix>frames.decision_keys`:
/// the first 64 bits of its SHA-256 (confirm on the record).
pub fn decision_key(id: &str) -> i64 {
    let h = super::sha256_hex(id.as_bytes());
    u64::from_str_radix(&h[..16], 16).map_or(0, |v| v as i64)
}

/// Compresses lines (each ending in a newline) into a stored frame's body.
pub fn encode_frame(text: &[u8]) -> Result<Vec<u8>, ShipError> {
    let mut cx = zstd::bulk::Compressor::new(super::seal::LEVEL).map_err(|e| ShipError::Trail(format!("zstd: {e}")))?;
    cx.include_checksum(true)
        .and_then(|_| cx.compress(text))
        .map_err(|e| ShipError::Trail(format!("zstd: {e}")))
}

/// The lines of a stored frame's body; `Err` (why) when it does not
/// decompress (edited or damaged: zstd checks the frame's checksum).
pub fn decode_frame(body: &[u8]) -> Result<String, String> {
    let plain = zstd::bulk::decompress(body, MAX_FRAME_PLAIN).map_err(|e| e.to_string())?;
    String::from_utf8(plain).map_err(|_| "not UTF-8".to_string())
}

/// Cuts a batch (in sequence order) into frames: a new one at each signed
/// checkpoint, and once a frame holds [`FRAME_BYTES`].
pub fn frames(batch: &[Line]) -> Result<Vec<Frame>, ShipError> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < batch.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < batch.len() && (end == start || (batch[end].kind != "checkpoint" && bytes < FRAME_BYTES)) {
            bytes += batch[end].text.len() + 1;
            end += 1;
        }
        let lines = &batch[start..end];
        let mut text = Vec::with_capacity(bytes);
        for l in lines {
            text.extend_from_slice(l.text.as_bytes());
            text.push(b'\n');
        }
        let mut keys: Vec<i64> = lines
            .iter()
            .filter_map(|l| l.decision_id.as_deref())
            .map(decision_key)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        out.push(Frame {
            first_seq: lines[0].seq,
            last_seq: lines[lines.len() - 1].seq,
            first_ts: lines.iter().map(|l| l.ts_ms).min().unwrap_or(0),
            last_ts: lines.iter().map(|l| l.ts_ms).max().unwrap_or(0),
            checkpoint: lines[0].kind == "checkpoint",
            decision_keys: keys,
            body: encode_frame(&text)?,
        });
        start = end;
    }
    Ok(out)
}

/// The newest sequence number PostgreSQL holds for a replica (frames, and
/// rows of `records` from before frames), under the caller's transaction.
async fn held_seq(c: &impl tokio_postgres::GenericClient, p: &str, replica: &str) -> Result<u64, ShipError> {
    let row = c
        .query_one(
            &format!(
                "SELECT GREATEST((SELECT last_seq FROM {p}frames WHERE replica = $1 ORDER BY first_seq DESC LIMIT 1), \
                 (SELECT max(seq) FROM {p}records WHERE replica = $1))"
            ),
            &[&replica],
        )
        .await?;
    Ok(row
        .get::<_, Option<i64>>(0)
        .and_then(|v| u64::try_from(v).ok())
        .unwrap_or(0))
}

/// The newest line PostgreSQL holds for a replica, with its seq.
async fn newest_line(c: &tokio_postgres::Client, p: &str, replica: &str) -> Result<Option<(u64, String)>, ShipError> {
    let frame = c
        .query_opt(
            &format!("SELECT last_seq, body FROM {p}frames WHERE replica = $1 ORDER BY first_seq DESC LIMIT 1"),
            &[&replica],
        )
        .await?;
    let legacy = c
        .query_opt(
            &format!("SELECT seq, line FROM {p}records WHERE replica = $1 ORDER BY seq DESC LIMIT 1"),
            &[&replica],
        )
        .await?;
    let u = |v: i64| u64::try_from(v).unwrap_or(0);
    let from_frame = match &frame {
        Some(r) => {
            let text = decode_frame(r.get::<_, &[u8]>(1))
                .map_err(|why| ShipError::Trail(format!("the newest frame in PostgreSQL does not read: {why}")))?;
            let last = text.lines().next_back().unwrap_or_default().to_string();
            Some((u(r.get(0)), last))
        }
        None => None,
    };
    let from_row = legacy.map(|r| (u(r.get(0)), r.get::<_, String>(1)));
    Ok(match (from_frame, from_row) {
        (Some(f), Some(r)) => Some(if f.0 >= r.0 { f } else { r }),
        (f, r) => f.or(r),
    })
}

/// What [`store`] did with a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    /// Lines stored.
    pub lines: usize,
    /// Lines PostgreSQL already held (a batch sent again), left out.
    pub already_held: usize,
}

/// Stores a batch (lines in sequence order, and their [`frames`]) in one
/// transaction: locks the replica's row (shippers under one name take
/// turns), leaves out what PostgreSQL already holds (a commit whose answer
/// was lost, a second process under the same name: at-least-once stays
/// idempotent), sends the frames by `COPY ... FROM STDIN BINARY`, and
/// reports `local_seq` (the newest seq the replica has on disk).
pub async fn store(
    client: &mut tokio_postgres::Client,
    p: &str,
    replica: &str,
    batch: &[Line],
    framed: Vec<Frame>,
    local_seq: u64,
) -> Result<Stored, ShipError> {
    let tx = client.transaction().await?;
    tx.query_opt(
        &format!("SELECT 1 FROM {p}replicas WHERE replica = $1 FOR UPDATE"),
        &[&replica],
    )
    .await?;
    let held = held_seq(&tx, p, replica).await?;
    let (framed, already_held) = match batch.iter().position(|l| l.seq > held) {
        Some(0) => (framed, 0),
        Some(i) => (frames(&batch[i..])?, i),
        None => (Vec::new(), batch.len()),
    };
    if !framed.is_empty() {
        copy_frames(&tx, p, replica, &framed).await?;
    }
    let last = i64::try_from(batch.last().map_or(held, |l| l.seq.max(held))).unwrap_or(i64::MAX);
    let local = i64::try_from(local_seq).unwrap_or(i64::MAX);
    tx.execute(
        &format!(
            "UPDATE {p}replicas SET local_seq = GREATEST(local_seq, $2), shipped_seq = $3, reported_at = now() WHERE replica = $1"
        ),
        &[&replica as &Sql, &local, &last],
    )
    .await?;
    tx.commit().await?;
    Ok(Stored {
        lines: batch.len() - already_held,
        already_held,
    })
}

/// Follows the trail's segment files from a sequence number on.
#[derive(Debug)]
pub struct TrailReader {
    dir: PathBuf,
    segment: u32,
    offset: u64,
}

impl TrailReader {
    /// Positions the reader at the first line with a sequence number of at
    /// least `seq` (or at the end of the trail).
    pub fn seek(dir: &Path, seq: u64) -> Result<TrailReader, ShipError> {
        let segs = segments(dir).map_err(|e| ShipError::Trail(e.to_string()))?;
        let mut chosen = segs.first().map_or(1, |s| s.0);
        for (idx, path) in &segs {
            match first_seq(path)? {
                Some(first) if first <= seq => chosen = *idx,
                _ => {}
            }
        }
        let mut r = TrailReader {
            dir: dir.to_path_buf(),
            segment: chosen,
            offset: 0,
        };
        // Skip the lines before `seq` in the chosen segment.
        if let Some(path) = r.path() {
            use std::io::BufRead;
            let mut reader = super::read::segment_reader(&path, 0).map_err(|e| ShipError::Trail(e.to_string()))?;
            let mut buf = Vec::new();
            loop {
                buf.clear();
                let n = reader
                    .read_until(b'\n', &mut buf)
                    .map_err(|e| ShipError::Trail(e.to_string()))?;
                if n == 0 || buf.last() != Some(&b'\n') {
                    break;
                }
                let head: LineHead = serde_json::from_slice(&buf[..n - 1])
                    .map_err(|_| ShipError::Trail(format!("a line of {} does not parse", path.display())))?;
                if head.seq >= seq {
                    break;
                }
                r.offset += n as u64;
            }
        }
        Ok(r)
    }

    /// The current segment, plain or sealed (the sealer may compress a
    /// closed segment while the shipper is still in it: offsets are into
    /// the plain bytes, so they hold across).
    fn path(&self) -> Option<PathBuf> {
        super::read::segment_path(&self.dir, self.segment)
    }

    /// Reads up to `max` complete lines with sequence numbers up to
    /// `durable`, moving on to the next segment at the end of one.
    pub fn read(&mut self, durable: u64, max: usize) -> Result<Vec<Line>, ShipError> {
        use std::io::BufRead;
        let mut out = Vec::new();
        'segments: loop {
            // A segment sealed under the reader is read sealed (`read::segment_reader`).
            let opened = self
                .path()
                .map(|p| super::read::segment_reader(&p, self.offset).map(|r| (p, r)));
            let (path, mut reader) = match opened {
                Some(Ok(r)) => r,
                Some(Err(e)) => return Err(ShipError::Trail(e.to_string())),
                None => {
                    // Not created yet, or a gap in the numbering: take the next one there is.
                    let segs = segments(&self.dir).map_err(|e| ShipError::Trail(e.to_string()))?;
                    match segs.iter().find(|s| s.0 > self.segment) {
                        Some(next) => {
                            self.segment = next.0;
                            self.offset = 0;
                            continue 'segments;
                        }
                        None => return Ok(out),
                    }
                }
            };
            let mut buf = Vec::with_capacity(2048);
            loop {
                if out.len() >= max {
                    return Ok(out);
                }
                buf.clear();
                let n = reader
                    .read_until(b'\n', &mut buf)
                    .map_err(|e| ShipError::Trail(e.to_string()))?;
                if n == 0 || buf.last() != Some(&b'\n') {
                    break;
                }
                let text = std::str::from_utf8(&buf[..n - 1])
                    .map_err(|_| ShipError::Trail(format!("a line of {} is not UTF-8", path.display())))?;
                let head: LineHead = serde_json::from_str(text)
                    .map_err(|_| ShipError::Trail(format!("a line of {} does not parse", path.display())))?;
                if head.seq > durable {
                    return Ok(out);
                }
                self.offset += n as u64;
                out.push(Line {
                    seq: head.seq,
                    ts_ms: head.ts_ms,
                    decision_id: head.decision_id.or(head.id.filter(|_| head.kind == "decision")),
                    kind: head.kind,
                    text: text.to_string(),
                });
            }
            // The end of this segment: a later one means this one is closed.
            let segs = segments(&self.dir).map_err(|e| ShipError::Trail(e.to_string()))?;
            match segs.iter().find(|s| s.0 > self.segment) {
                Some(next) => {
                    self.segment = next.0;
                    self.offset = 0;
                }
                None => return Ok(out),
            }
        }
    }
}

/// The sequence number of a segment's first line (plain or sealed).
fn first_seq(path: &Path) -> Result<Option<u64>, ShipError> {
    Ok(super::read::first_line(path)
        .and_then(|l| serde_json::from_slice::<LineHead>(&l).ok())
        .map(|h| h.seq))
}

/// What the shipper needs to know.
pub struct ShipTarget {
    pub cfg: ShipConfig,
    pub replica: String,
    pub dir: PathBuf,
    /// `ed25519:HEX`, registered for the replica.
    pub pubkey: String,
    /// `audit.retention`, applied to the replica's rows as well.
    pub retention: Option<Duration>,
}

/// The running shipper. [`Shipper::finish`] ships what is durable and stops.
pub struct Shipper {
    task: tokio::task::JoinHandle<()>,
    stop: Arc<AtomicBool>,
    progress: Arc<Progress>,
}

impl Shipper {
    pub fn start(target: ShipTarget, progress: Arc<Progress>) -> Shipper {
        progress.enabled.store(true, Ordering::Release);
        progress.oldest_unshipped_ms.store(now_ms(), Ordering::Release);
        let stop = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(run(target, progress.clone(), stop.clone()));
        Shipper { task, stop, progress }
    }

    /// Asks the shipper to ship what is durable and stop; waits for it at
    /// most `within` (what is left is shipped by the next start).
    pub async fn finish(self, within: Duration) {
        self.stop.store(true, Ordering::Release);
        self.progress.wake.notify_one();
        let abort = self.task.abort_handle();
        if tokio::time::timeout(within, self.task).await.is_err() {
            abort.abort();
            tracing::warn!(
                unshipped = self.progress.lag_records(),
                "audit shipping stopped before PostgreSQL had every record; the next start ships them"
            );
        }
    }
}

async fn run(t: ShipTarget, progress: Arc<Progress>, stop: Arc<AtomicBool>) {
    let mut backoff = Duration::from_millis(100);
    loop {
        match session(&t, &progress, &stop, &mut backoff).await {
            Ok(()) => return,
            Err(e) => {
                let kind = match &e {
                    ShipError::KeyMismatch(_) => "key",
                    ShipError::Diverged(_) => "diverged",
                    ShipError::Trail(_) => "trail",
                    ShipError::NoUrl(_) | ShipError::Tls(_) => "config",
                    ShipError::Db(_) => {
                        if progress.connected.load(Ordering::Acquire) {
                            "insert"
                        } else {
                            "connect"
                        }
                    }
                };
                progress.fail(kind);
                tracing::warn!(error = %e, unshipped = progress.lag_records(), retry_in_ms = backoff.as_millis() as u64, "audit shipping to PostgreSQL interrupted; retrying");
            }
        }
        if stop.load(Ordering::Acquire) {
            return;
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

/// One connection's worth of shipping: connect, migrate, register, resume,
/// then ship batches until stopped (`Ok`) or an error.
async fn session(
    t: &ShipTarget,
    progress: &Progress,
    stop: &AtomicBool,
    backoff: &mut Duration,
) -> Result<(), ShipError> {
    let p = &t.cfg.prefix;
    let mut client = connect(&t.cfg).await?;
    migrate(&mut client, p).await?;
    client
        .execute(
            &format!("INSERT INTO {p}replicas (replica, pubkey) VALUES ($1, $2) ON CONFLICT (replica) DO NOTHING"),
            &[&t.replica, &t.pubkey],
        )
        .await?;
    let row = client
        .query_one(
            &format!("SELECT pubkey FROM {p}replicas WHERE replica = $1"),
            &[&t.replica],
        )
        .await?;
    if row.get::<_, String>(0) != t.pubkey {
        return Err(ShipError::KeyMismatch(t.replica.clone()));
    }
    let newest = newest_line(&client, p, &t.replica).await?;
    let held: u64 = newest.as_ref().map_or(0, |(seq, _)| *seq);
    // The newest row must be the replica's own line: a trail recreated
    // under the same name (a lost volume) would otherwise mix two chains.
    if let Some((_, stored)) = &newest {
        let dir = t.dir.clone();
        let local =
            tokio::task::spawn_blocking(move || TrailReader::seek(&dir, held).and_then(|mut rd| rd.read(held, 1)))
                .await
                .map_err(|e| ShipError::Trail(e.to_string()))??;
        match local.first().filter(|l| l.seq == held) {
            Some(l) if &l.text != stored => return Err(ShipError::Diverged(held)),
            Some(_) => {}
            // The database is ahead of the whole trail: a trail started anew.
            None if progress.durable_seq.load(Ordering::Acquire) < held => return Err(ShipError::Diverged(held)),
            // Removed locally (retention) after it was shipped.
            None => {}
        }
    }
    progress.shipped_seq.store(held, Ordering::Release);
    progress.connected.store(true, Ordering::Release);
    *backoff = Duration::from_millis(100);
    tracing::info!(replica = %t.replica, resume_after = held, "audit shipping to PostgreSQL");
    let dir = t.dir.clone();
    let mut reader = tokio::task::spawn_blocking(move || TrailReader::seek(&dir, held + 1))
        .await
        .map_err(|e| ShipError::Trail(e.to_string()))??;
    let mut shipped = held;
    let mut last_retention = std::time::Instant::now() - Duration::from_secs(3600);
    let mut last_batch = std::time::Instant::now() - Duration::from_secs(3600);
    loop {
        let durable = progress.durable_seq.load(Ordering::Acquire);
        if durable <= shipped {
            progress.oldest_unshipped_ms.store(now_ms(), Ordering::Release);
            if stop.load(Ordering::Acquire) {
                return Ok(());
            }
            if let Some(r) = t
                .retention
                .filter(|_| last_retention.elapsed() >= Duration::from_secs(60))
            {
                last_retention = std::time::Instant::now();
                expire(&client, p, &t.replica, r, shipped).await?;
            }
            // Woken by the writer; the timeout only bounds a missed wake-up.
            let _ = tokio::time::timeout(Duration::from_millis(500), progress.wake.notified()).await;
            continue;
        }
        // Linger: less than a batch waiting goes once `linger` has passed
        // since the last one, so that a busy replica sends a few large
        // batches a second rather than one per group commit (each a
        // transaction and a commit fsync in PostgreSQL). At shutdown, at once.
        let waited = last_batch.elapsed();
        if durable - shipped < t.cfg.batch as u64 && waited < t.cfg.linger && !stop.load(Ordering::Acquire) {
            tokio::time::sleep(t.cfg.linger - waited).await;
            continue;
        }
        last_batch = std::time::Instant::now();
        let max = t.cfg.batch;
        // Read and compressed off the async threads.
        let (r, batch) = tokio::task::spawn_blocking(move || {
            let b = reader.read(durable, max).and_then(|b| {
                let f = frames(&b)?;
                Ok((b, f))
            });
            (reader, b)
        })
        .await
        .map_err(|e| ShipError::Trail(e.to_string()))?;
        reader = r;
        let (batch, framed) = batch?;
        let Some(last) = batch.last().map(|l| l.seq) else {
            // Durable but not readable yet (a segment being opened): look again shortly.
            let _ = tokio::time::timeout(Duration::from_millis(50), progress.wake.notified()).await;
            continue;
        };
        if let Some(first) = batch.first() {
            progress.oldest_unshipped_ms.store(first.ts_ms, Ordering::Release);
        }
        let n = batch.len();
        let last_ts = batch.last().map_or(0, |l| l.ts_ms);
        let local = progress.durable_seq.load(Ordering::Acquire);
        let stored = store(&mut client, p, &t.replica, &batch, framed, local).await?;
        if stored.already_held > 0 {
            tracing::info!(replica = %t.replica, records = stored.already_held, "audit shipping: PostgreSQL already held part of a batch; left out");
        }
        shipped = last;
        progress.shipped_seq.store(last, Ordering::Release);
        // The next unshipped record is newer than the last one shipped.
        progress.oldest_unshipped_ms.store(last_ts, Ordering::Release);
        progress.shipped_total.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// Sends frames by `COPY ... FROM STDIN BINARY` in the transaction `tx`.
async fn copy_frames(
    tx: &tokio_postgres::Transaction<'_>,
    p: &str,
    replica: &str,
    frames: &[Frame],
) -> Result<(), tokio_postgres::Error> {
    use tokio_postgres::binary_copy::BinaryCopyInWriter;
    use tokio_postgres::types::Type;
    let sink = tx
        .copy_in(&format!(
            "COPY {p}frames (replica, first_seq, last_seq, first_ts, last_ts, checkpoint, decision_keys, body) FROM STDIN BINARY"
        ))
        .await?;
    let writer = BinaryCopyInWriter::new(
        sink,
        &[
            Type::TEXT,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::BOOL,
            Type::INT8_ARRAY,
            Type::BYTEA,
        ],
    );
    futures_util::pin_mut!(writer);
    let i = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    for f in frames {
        writer
            .as_mut()
            .write(&[
                &replica as &Sql,
                &i(f.first_seq),
                &i(f.last_seq),
                &i(f.first_ts),
                &i(f.last_ts),
                &f.checkpoint,
                &f.decision_keys,
                &f.body,
            ])
            .await?;
    }
    writer.finish().await?;
    Ok(())
}

/// `audit.retention` in PostgreSQL: removes the replica's records before
/// its newest signed checkpoint that is older than the retention period
/// and shipped (`shipped`): frames ending before it (each checkpoint opens
/// a frame), and rows of `records` before it. The chain then starts at
/// that checkpoint, which still verifies. Returns the records removed.
pub async fn expire(
    client: &tokio_postgres::Client,
    p: &str,
    replica: &str,
    retention: Duration,
    shipped: u64,
) -> Result<u64, ShipError> {
    let cutoff =
        i64::try_from(now_ms().saturating_sub(u64::try_from(retention.as_millis()).unwrap_or(u64::MAX))).unwrap_or(0);
    let shipped = i64::try_from(shipped).unwrap_or(i64::MAX);
    let anchor: Option<i64> = client
        .query_one(
            &format!(
                "SELECT GREATEST( \
                 (SELECT max(first_seq) FROM {p}frames WHERE replica = $1 AND checkpoint AND first_ts < $2 AND first_seq <= $3), \
                 (SELECT max(seq) FROM {p}records WHERE replica = $1 AND kind = 'checkpoint' AND ts_ms < $2 AND seq <= $3))"
            ),
            &[&replica as &Sql, &cutoff, &shipped],
        )
        .await?
        .get(0);
    let Some(anchor) = anchor else { return Ok(0) };
    let frames: i64 = client
        .query_one(
            &format!(
                "WITH gone AS (DELETE FROM {p}frames WHERE replica = $1 AND last_seq < $2 RETURNING last_seq - first_seq + 1 AS n) \
                 SELECT COALESCE(sum(n), 0)::bigint FROM gone"
            ),
            &[&replica as &Sql, &anchor],
        )
        .await?
        .get(0);
    let rows = client
        .execute(
            &format!("DELETE FROM {p}records WHERE replica = $1 AND seq < $2"),
            &[&replica as &Sql, &anchor],
        )
        .await?;
    let removed = u64::try_from(frames).unwrap_or(0) + rows;
    if removed > 0 {
        tracing::info!(replica = %replica, records = removed, before_seq = anchor, "audit store: records past retention removed");
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{Audit, AuditConfig, DecisionRecord};
    use std::collections::BTreeMap;

    fn cfg(dir: &Path) -> AuditConfig {
        AuditConfig {
            replica: "r".into(),
            ship: None,
            dir: dir.join("trail"),
            signing_key: dir.join("trail/audit.ed25519"),
            hmac_key: None,
            checkpoint_every: 5,
            checkpoint_interval: Duration::from_secs(60),
            segment_max_bytes: 1500,
            segment_max_age: Duration::from_secs(3600),
            retention: None,
            prices: BTreeMap::new(),
            durable_outcomes: true,
        }
    }

    #[tokio::test]
    async fn the_reader_follows_segments_from_any_seq_and_stops_at_the_durable_one() {
        let tmp = tempfile::tempdir().unwrap();
        let c = cfg(tmp.path());
        let audit = Audit::open(&c).unwrap();
        for i in 0..40 {
            let rec = DecisionRecord {
                id: format!("d{i}"),
                action: "cloud".into(),
                ..Default::default()
            };
            audit.decision(rec).await.unwrap();
        }
        let durable = audit.progress().durable_seq.load(Ordering::Acquire);
        audit.shutdown();
        assert!(super::segments(&c.dir).unwrap().len() >= 3, "rotated");
        assert!(durable >= 40);
        // From the start, in batches, across segments, each seq once and in order.
        let mut r = TrailReader::seek(&c.dir, 1).unwrap();
        let mut seqs = Vec::new();
        loop {
            let b = r.read(durable, 7).unwrap();
            if b.is_empty() {
                break;
            }
            seqs.extend(b.iter().map(|l| l.seq));
        }
        assert_eq!(seqs, (1..=durable).collect::<Vec<_>>());
        // From the middle; decisions carry their id, checkpoints none.
        let mut r = TrailReader::seek(&c.dir, 23).unwrap();
        let b = r.read(30, 100).unwrap();
        assert_eq!(b.first().map(|l| l.seq), Some(23));
        assert_eq!(b.last().map(|l| l.seq), Some(30), "stops at the durable seq");
        for l in &b {
            assert_eq!(l.decision_id.is_some(), l.kind == "decision", "{l:?}");
            assert!(l.text.starts_with(&format!("{{\"seq\":{},", l.seq)));
        }
    }

    #[test]
    fn lag_is_durable_minus_shipped_and_zero_seconds_when_caught_up() {
        let p = Progress::default();
        p.set_durable(10);
        p.shipped_seq.store(4, Ordering::Release);
        p.oldest_unshipped_ms.store(now_ms() - 3000, Ordering::Release);
        assert_eq!(p.lag_records(), 6);
        assert!(p.lag_seconds() >= 3.0);
        p.shipped_seq.store(10, Ordering::Release);
        assert_eq!((p.lag_records(), p.lag_seconds()), (0, 0.0));
        assert!(valid_name("cordon-0", 128) && !valid_name("a b", 128) && !valid_name("", 128));
    }
}
