//! The writer: one thread that owns the open segment. Records queued by
//! concurrent requests are written together and share one `fdatasync`
//! (group commit); each waiting request is acknowledged only after it.
//!
//! A failed write or sync truncates the segment back to where the batch
//! began (no partial records), fails every record of the batch, and marks
//! the trail unhealthy until a later batch succeeds.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};

use super::{now_ms, sha256_hex, AuditConfig, AuditError, Body, Checkpoint, Entry, GENESIS};

/// The most records one group commit takes.
const MAX_BATCH: usize = 8192;
/// The file holding the latest checkpoint, rewritten atomically: lets
/// `verify` detect a trail truncated behind a checkpoint.
pub const HEAD_FILE: &str = "head.json";
/// The public key, written beside the trail for convenience.
pub const PUBKEY_FILE: &str = "audit.pub";

pub(super) enum Cmd {
    /// A record body already serialized (by the caller, off the writer
    /// thread): `{"kind":...}`.
    Append(Vec<u8>, Option<tokio::sync::oneshot::Sender<Result<u64, AuditError>>>),
    Shutdown,
}

pub fn segment_name(index: u32) -> String {
    format!("audit-{index:06}.jsonl")
}

/// The segments of a trail, oldest first: plain (`.jsonl`) or sealed
/// (`.jsonl.zst`); where both are there (a sealing cut short), the sealed
/// one, which is complete once it has its name. Read them with the
/// functions of [`super::read`], which take either.
pub fn segments(dir: &Path) -> Result<Vec<(u32, PathBuf)>, AuditError> {
    let rd = std::fs::read_dir(dir).map_err(|e| AuditError::Io(format!("cannot read {}: {e}", dir.display())))?;
    let mut found: std::collections::BTreeMap<u32, PathBuf> = std::collections::BTreeMap::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix("audit-") else {
            continue;
        };
        let (num, sealed) = match rest.strip_suffix(".jsonl.zst") {
            Some(n) => (n, true),
            None => match rest.strip_suffix(".jsonl") {
                Some(n) => (n, false),
                None => continue,
            },
        };
        let Ok(idx) = num.parse::<u32>() else { continue };
        if sealed || !found.contains_key(&idx) {
            found.insert(idx, e.path());
        }
    }
    Ok(found.into_iter().collect())
}

/// Where the trail ends, after repairing a torn last write.
#[derive(Debug, Clone)]
pub struct Tail {
    pub segment: u32,
    pub path: PathBuf,
    pub len: u64,
    pub seq: u64,
    pub head: String,
    pub since_checkpoint: u64,
    /// Bytes cut off the end of the last segment (a torn write).
    pub repaired_bytes: u64,
}

/// Finds the end of the trail in `dir` (creating it), cutting off an
/// incomplete last line left by a crash mid-write. Complete records are
/// never removed.
pub fn recover(dir: &Path) -> Result<Tail, AuditError> {
    std::fs::create_dir_all(dir).map_err(|e| AuditError::Io(format!("cannot create {}: {e}", dir.display())))?;
    let segs = segments(dir)?;
    let Some((last_idx, last_path)) = segs.last().cloned() else {
        return Ok(Tail {
            segment: 1,
            path: dir.join(segment_name(1)),
            len: 0,
            seq: 0,
            head: GENESIS.to_string(),
            since_checkpoint: 0,
            repaired_bytes: 0,
        });
    };
    if super::seal::is_sealed(&last_path) {
        // Only closed segments are sealed: the trail goes on in a new one.
        let b = super::read::segment_bytes(&last_path)?;
        let line = b.split(|&c| c == b'\n').rfind(|l| !l.is_empty()).unwrap_or(&[]);
        let e: Entry = serde_json::from_slice(line).map_err(|e| AuditError::Corrupt(e.to_string()))?;
        return Ok(Tail {
            segment: last_idx + 1,
            path: dir.join(segment_name(last_idx + 1)),
            len: 0,
            seq: e.seq,
            head: sha256_hex(line),
            since_checkpoint: u64::from(!matches!(e.body, Body::Checkpoint(_))),
            repaired_bytes: 0,
        });
    }
    let bytes = read_segment(&last_path)?;
    let mut keep = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(i) => i + 1,
        None => 0,
    };
    // A last line that ends in a newline but does not parse is torn too
    // (the newline of a partial write that reached disk out of order).
    while keep > 0 {
        let start = bytes[..keep - 1].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if serde_json::from_slice::<Entry>(&bytes[start..keep - 1]).is_ok() {
            break;
        }
        keep = start;
    }
    let repaired = bytes.len() as u64 - keep as u64;
    if repaired > 0 {
        let f = OpenOptions::new()
            .write(true)
            .open(&last_path)
            .map_err(|e| AuditError::Io(format!("cannot repair {}: {e}", last_path.display())))?;
        f.set_len(keep as u64)
            .and_then(|_| f.sync_all())
            .map_err(|e| AuditError::Io(format!("cannot repair {}: {e}", last_path.display())))?;
        tracing::warn!(segment = %last_path.display(), bytes = repaired, "audit trail: repaired a torn last write");
    }
    let lines: Vec<&[u8]> = bytes[..keep].split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    let (seq, head) = match lines.last() {
        Some(line) => {
            let e: Entry = serde_json::from_slice(line).map_err(|e| AuditError::Corrupt(e.to_string()))?;
            (e.seq, sha256_hex(line))
        }
        None => match segs.len().checked_sub(2).and_then(|i| segs.get(i)) {
            // The last segment is empty: the head is the previous one's end.
            Some((_, prev)) => {
                let b = super::read::segment_bytes(prev)?;
                let line = b.split(|&c| c == b'\n').rfind(|l| !l.is_empty()).unwrap_or(&[]);
                let e: Entry = serde_json::from_slice(line).map_err(|e| AuditError::Corrupt(e.to_string()))?;
                (e.seq, sha256_hex(line))
            }
            None => (0, GENESIS.to_string()),
        },
    };
    let since_checkpoint = lines
        .iter()
        .rev()
        .take_while(|l| !serde_json::from_slice::<Entry>(l).is_ok_and(|e| matches!(e.body, Body::Checkpoint(_))))
        .count() as u64;
    Ok(Tail {
        segment: last_idx,
        path: last_path,
        len: keep as u64,
        seq,
        head,
        since_checkpoint,
        repaired_bytes: repaired,
    })
}

/// The first complete line of a segment, plain or sealed.
fn first_line(path: &Path) -> Option<Entry> {
    serde_json::from_slice(&super::read::first_line(path)?).ok()
}

/// Reads a segment up to its size on disk (a segment that is a device
/// reports size 0 and reads as empty).
fn read_segment(path: &Path) -> Result<Vec<u8>, AuditError> {
    let mut f = File::open(path).map_err(|e| AuditError::Io(format!("cannot open {}: {e}", path.display())))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut buf = Vec::with_capacity(len as usize);
    (&mut f)
        .take(len)
        .read_to_end(&mut buf)
        .map_err(|e| AuditError::Io(format!("cannot read {}: {e}", path.display())))?;
    Ok(buf)
}

struct Writer {
    dir: PathBuf,
    key: SigningKey,
    file: File,
    tail: Tail,
    every: u64,
    interval: Duration,
    max_bytes: u64,
    max_age: Duration,
    retention: Option<Duration>,
    last_checkpoint: Instant,
    segment_opened: Instant,
    buf: Vec<u8>,
    healthy: Arc<AtomicBool>,
    /// Written but not yet synced (outcome records only).
    dirty: bool,
    /// No `head.json` yet (a new trail): the first batch is checkpointed at
    /// once, so that a trail with records always has one (`verify` requires it).
    head_missing: bool,
    /// The synced sequence number goes here, for the shipper.
    progress: Arc<super::ship::Progress>,
    /// Closed segments go here to be sealed (compressed) off this thread.
    sealer: Option<Sender<PathBuf>>,
}

/// Seals closed segments ([`super::seal`]) on a thread of its own: one
/// takes about a second per 100 MB, which the writer must not wait for.
/// It ends when the writer drops its sender; the writer joins it on the
/// way out (a segment not sealed then is sealed at the next start).
fn start_sealer(rx: Receiver<PathBuf>) -> Option<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("cordon-audit-seal".into())
        .spawn(move || {
            for path in rx {
                if !path.exists() {
                    continue;
                }
                match super::seal::seal(&path) {
                    Ok((plain, sealed)) => {
                        tracing::info!(segment = %path.display(), plain, sealed, "audit segment sealed (zstd)")
                    }
                    Err(e) => tracing::warn!(segment = %path.display(), error = %e, "cannot seal an audit segment; it stays plain"),
                }
            }
        })
        .ok()
}

pub(super) fn start(
    cfg: &AuditConfig,
    key: SigningKey,
    healthy: Arc<AtomicBool>,
    queued: Arc<std::sync::atomic::AtomicU64>,
    progress: Arc<super::ship::Progress>,
) -> Result<(Sender<Cmd>, std::thread::JoinHandle<()>), AuditError> {
    super::seal::clean(&cfg.dir);
    let tail = recover(&cfg.dir)?;
    let file = open_append(&tail.path)?;
    // Closed segments left plain (by a stop mid-sealing, or from before
    // sealing) are sealed now.
    let (seal_tx, seal_rx) = std::sync::mpsc::channel();
    let sealer = start_sealer(seal_rx);
    for (idx, path) in segments(&cfg.dir)? {
        if idx < tail.segment && !super::seal::is_sealed(&path) {
            let _ = seal_tx.send(path);
        }
    }
    // What a killed process left in the page cache is made durable before
    // the shipper may send it (if this sync fails, the next one that
    // succeeds covers it: the writer's own errors surface at its first write).
    if file.sync_all().is_ok() {
        progress.set_durable(tail.seq);
    }
    let pubkey = super::keys::public_text(&key.verifying_key());
    let _ = std::fs::write(cfg.dir.join(PUBKEY_FILE), format!("{pubkey}\n"));
    let mut w = Writer {
        dir: cfg.dir.clone(),
        key,
        file,
        tail,
        every: cfg.checkpoint_every.max(1),
        interval: cfg.checkpoint_interval,
        max_bytes: cfg.segment_max_bytes,
        max_age: cfg.segment_max_age,
        retention: cfg.retention,
        last_checkpoint: Instant::now(),
        segment_opened: Instant::now(),
        buf: Vec::with_capacity(1 << 20),
        healthy,
        progress,
        dirty: false,
        head_missing: !cfg.dir.join(HEAD_FILE).exists(),
        sealer: sealer.as_ref().map(|_| seal_tx),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("cordon-audit".into())
        .spawn(move || {
            w.run(rx, &queued);
            drop(w);
            if let Some(s) = sealer {
                let _ = s.join();
            }
        })
        .map_err(|e| AuditError::Io(format!("cannot start the audit writer: {e}")))?;
    Ok((tx, thread))
}

/// A body as the writer takes it. Serializing plain data cannot fail; were
/// it to, the empty object would make `verify` fail loudly, not silently.
pub(super) fn serialize(body: &Body) -> Vec<u8> {
    serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec())
}

fn open_append(path: &Path) -> Result<File, AuditError> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| AuditError::Io(format!("cannot open {}: {e}", path.display())))
}

impl Writer {
    fn run(&mut self, rx: Receiver<Cmd>, queued: &std::sync::atomic::AtomicU64) {
        loop {
            let wait = self
                .interval
                .saturating_sub(self.last_checkpoint.elapsed())
                .max(Duration::from_millis(1));
            let mut batch = Vec::new();
            let mut stop = false;
            match rx.recv_timeout(wait) {
                Ok(cmd) => batch.push(cmd),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => stop = true,
            }
            while batch.len() < MAX_BATCH {
                match rx.try_recv() {
                    Ok(cmd) => batch.push(cmd),
                    Err(_) => break,
                }
            }
            let records = batch.iter().filter(|c| matches!(c, Cmd::Append(..))).count() as u64;
            let mut acks = Vec::with_capacity(batch.len());
            let before = self.tail.clone();
            self.buf.clear();
            for cmd in batch {
                match cmd {
                    Cmd::Append(body, ack) => {
                        let seq = self.append(&body, false);
                        acks.push((ack, seq));
                    }
                    Cmd::Shutdown => stop = true,
                }
            }
            let due = self.tail.since_checkpoint >= self.every
                || (self.tail.since_checkpoint > 0
                    && (stop || self.head_missing || self.last_checkpoint.elapsed() >= self.interval));
            if due {
                self.checkpoint();
            }
            // Outcome records wait for no one: they are written at once and
            // synced with the next decision batch, checkpoint or idle tick,
            // so a request's decision never queues behind another's outcome.
            let sync = due || stop || acks.iter().any(|(ack, _)| ack.is_some());
            if self.buf.is_empty() && self.dirty && self.file.sync_data().is_ok() {
                self.dirty = false;
                self.progress.set_durable(self.tail.seq);
            }
            if !self.buf.is_empty() {
                match self.commit(&before, sync) {
                    Ok(()) => {
                        self.healthy.store(true, Ordering::Release);
                        for (ack, seq) in acks {
                            if let Some(ack) = ack {
                                let _ = ack.send(Ok(seq));
                            }
                        }
                        if due {
                            self.write_head();
                        }
                    }
                    Err(e) => {
                        tracing::error!(error = %e, records = acks.len(), "audit write failed; refusing requests until it recovers");
                        self.healthy.store(false, Ordering::Release);
                        for (ack, _) in acks {
                            if let Some(ack) = ack {
                                let _ = ack.send(Err(AuditError::Unavailable));
                            }
                        }
                    }
                }
            }
            // Counted by the sender before it handed them over.
            queued.fetch_sub(records, Ordering::Relaxed);
            if stop {
                return;
            }
            if self.tail.since_checkpoint == 0
                && self.tail.len > 0
                && (self.tail.len >= self.max_bytes || self.segment_opened.elapsed() >= self.max_age)
            {
                if let Err(e) = self.rotate() {
                    tracing::error!(error = %e, "audit segment rotation failed");
                }
            }
        }
    }

    /// Puts one entry into the batch buffer and advances the chain. The
    /// line is the [`Entry`] serialization: the chain fields, then the
    /// body's own fields (`body` is `{"kind":...}`).
    fn append(&mut self, body: &[u8], is_checkpoint: bool) -> u64 {
        let seq = self.tail.seq + 1;
        let start = self.buf.len();
        let _ = write!(
            self.buf,
            "{{\"seq\":{seq},\"ts_ms\":{},\"prev\":\"{}\",",
            now_ms(),
            self.tail.head
        );
        self.buf.extend_from_slice(body.get(1..).unwrap_or_default());
        let line_len = self.buf.len() - start;
        self.tail.head = sha256_hex(&self.buf[start..]);
        self.tail.seq = seq;
        self.buf.push(b'\n');
        self.tail.len += line_len as u64 + 1;
        if is_checkpoint {
            self.tail.since_checkpoint = 0;
            self.last_checkpoint = Instant::now();
        } else {
            self.tail.since_checkpoint += 1;
        }
        seq
    }

    fn checkpoint(&mut self) {
        let covers_seq = self.tail.seq;
        let head = self.tail.head.clone();
        let sig = self.key.sign(&Checkpoint::message(covers_seq, &head));
        let body = Body::Checkpoint(Checkpoint {
            covers_seq,
            head,
            key: hex::encode(self.key.verifying_key().to_bytes()),
            sig: hex::encode(sig.to_bytes()),
        });
        self.append(&serialize(&body), true);
    }

    /// Writes the batch (and syncs it, with `sync`); on failure cuts the
    /// file back to `before` so no partial record remains, and restores the
    /// chain state.
    fn commit(&mut self, before: &Tail, sync: bool) -> Result<(), AuditError> {
        let res = self
            .file
            .write_all(&self.buf)
            .and_then(|_| if sync { self.file.sync_data() } else { Ok(()) });
        self.dirty = !sync || (self.dirty && res.is_err());
        if let Err(e) = res {
            let _ = self.file.set_len(before.len);
            let _ = self.file.seek(SeekFrom::End(0));
            let _ = self.file.sync_data();
            self.tail = before.clone();
            return Err(AuditError::Io(e.to_string()));
        }
        if sync {
            self.progress.set_durable(self.tail.seq);
        }
        Ok(())
    }

    /// Records the latest checkpoint in `head.json` (write, fsync, rename).
    fn write_head(&mut self) {
        let Some(line) = self.buf.split(|&b| b == b'\n').rfind(|l| !l.is_empty()) else {
            return;
        };
        let tmp = self.dir.join(format!("{HEAD_FILE}.tmp"));
        let res = File::create(&tmp)
            .and_then(|mut f| f.write_all(line).and_then(|_| f.sync_all()))
            .and_then(|_| std::fs::rename(&tmp, self.dir.join(HEAD_FILE)));
        // Tried once: a failing head file does not make every batch a checkpoint.
        self.head_missing = false;
        if let Err(e) = res {
            tracing::warn!(error = %e, "cannot update the audit head file");
        }
    }

    /// Starts a new segment whose first line is a signed checkpoint of the
    /// chain so far: each segment can be verified from its own start, so
    /// old segments can be removed under the retention setting.
    fn rotate(&mut self) -> Result<(), AuditError> {
        let next = self.tail.segment + 1;
        let path = self.dir.join(segment_name(next));
        let file = open_append(&path)?;
        let before = Tail {
            segment: next,
            path: path.clone(),
            len: 0,
            ..self.tail.clone()
        };
        let old = std::mem::replace(&mut self.file, file);
        drop(old);
        let closed = std::mem::replace(&mut self.tail, before.clone()).path;
        self.buf.clear();
        self.checkpoint();
        self.commit(&before, true)?;
        self.write_head();
        self.segment_opened = Instant::now();
        if let Some(d) = &self.dir_fsync() {
            tracing::debug!(error = %d, "directory fsync failed");
        }
        if let Some(s) = &self.sealer {
            let _ = s.send(closed);
        }
        self.expire();
        Ok(())
    }

    fn dir_fsync(&self) -> Option<std::io::Error> {
        File::open(&self.dir).and_then(|d| d.sync_all()).err()
    }

    /// Removes closed segments older than the retention period. Every
    /// segment after the first starts with a signed checkpoint, so what
    /// remains still verifies.
    fn expire(&self) {
        let Some(retention) = self.retention else { return };
        let Ok(segs) = segments(&self.dir) else { return };
        let shipping = self.progress.enabled.load(Ordering::Acquire);
        let shipped = self.progress.shipped_seq.load(Ordering::Acquire);
        for (i, (idx, path)) in segs.iter().enumerate() {
            if *idx >= self.tail.segment {
                continue;
            }
            // With shipping, a segment goes only once PostgreSQL holds all of
            // it: the next segment opens with a checkpoint covering its end.
            if shipping {
                let end = segs
                    .get(i + 1)
                    .and_then(|(_, next)| first_line(next))
                    .map(|e| e.seq.saturating_sub(1));
                if end.is_none_or(|end| end > shipped) {
                    continue;
                }
            }
            let old = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > retention);
            if old {
                match std::fs::remove_file(path) {
                    Ok(()) => tracing::info!(segment = %path.display(), "audit segment expired"),
                    Err(e) => tracing::warn!(segment = %path.display(), error = %e, "cannot remove an expired segment"),
                }
            }
        }
    }
}
