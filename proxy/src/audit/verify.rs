//! Offline verification of a trail with nothing but the public key.
//!
//! Checks, in order: every line parses; sequence numbers follow each other
//! (a gap is a deletion, a repeat or step back an insertion or reordering);
//! each line's `prev` is the SHA-256 of the line before (any edit breaks the
//! link after it); each checkpoint's signature, head and coverage; and that
//! the trail reaches the latest checkpoint recorded in `head.json` and holds
//! it unchanged (a trail cut behind it was truncated). `head.json` must be
//! there once the trail has records. Whoever can cut the trail can also
//! delete `head.json`, so a copy of it kept elsewhere (an off-host
//! checkpoint, see [`verify_with_checkpoint`]) is checked the same way.

use std::path::Path;

use ed25519_dalek::{Signature, Verifier, VerifyingKey};

use super::writer::{segments, HEAD_FILE};
use super::{sha256_hex, Body, Checkpoint, Entry, GENESIS};

/// The first problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    pub segment: String,
    pub line: usize,
    /// The sequence number of the first bad record, when known.
    pub seq: Option<u64>,
    pub reason: String,
}

#[derive(Debug, Default, Clone)]
pub struct Report {
    pub segments: usize,
    pub records: u64,
    pub checkpoints: u64,
    pub first_seq: Option<u64>,
    pub last_seq: u64,
    /// The last sequence number a valid signed checkpoint covers.
    pub signed_through: u64,
    /// Records after the last checkpoint: chained, not yet signed.
    pub unsigned_tail: u64,
    /// The last segment ends in an incomplete line: a write in progress, or
    /// a crash not yet repaired by a restart. Not counted, not a failure.
    pub incomplete_tail: bool,
    pub first_bad: Option<BadRecord>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.first_bad.is_none()
    }
}

fn check_signature(cp: &Checkpoint, key: &VerifyingKey) -> Result<(), String> {
    if cp.key != hex::encode(key.to_bytes()) {
        return Err("checkpoint signed by another key".into());
    }
    let sig = hex::decode(&cp.sig)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
        .ok_or("checkpoint signature is malformed")?;
    key.verify(&Checkpoint::message(cp.covers_seq, &cp.head), &sig)
        .map_err(|_| "checkpoint signature does not verify".to_string())
}

/// Verifies the trail in `dir` with `key`.
pub fn verify(dir: &Path, key: &VerifyingKey) -> Result<Report, super::AuditError> {
    verify_with_progress(dir, key, &mut |_, _| {})
}

/// [`verify`], and also against `checkpoint`: a signed checkpoint line (a
/// copy of `head.json`) kept where whoever can alter the trail cannot
/// reach. The trail must contain that line, byte for byte, at its sequence
/// number; `name` names it in the report.
pub fn verify_with_checkpoint(
    dir: &Path,
    key: &VerifyingKey,
    name: &str,
    checkpoint: &[u8],
) -> Result<Report, super::AuditError> {
    verify_inner(dir, key, Some((name, checkpoint)), &mut |_, _| {})
}

/// The sequence number of a checkpoint line (`head.json`), once its
/// signature is checked.
pub fn checkpoint_seq(bytes: &[u8], key: &VerifyingKey) -> Result<u64, BadRecord> {
    anchor(HEAD_FILE, bytes, key).map(|a| a.seq)
}

/// A signed checkpoint line the trail must hold.
struct Anchor {
    source: String,
    seq: u64,
    hash: String,
}

/// Reads a checkpoint line (`head.json` or a copy of it) and checks its signature.
fn anchor(source: &str, bytes: &[u8], key: &VerifyingKey) -> Result<Anchor, BadRecord> {
    let bad = |reason: String| BadRecord {
        segment: source.to_string(),
        line: 1,
        seq: None,
        reason,
    };
    let line = bytes.trim_ascii_end();
    let entry: Entry = serde_json::from_slice(line).map_err(|_| bad(format!("{source} is not a checkpoint")))?;
    let Body::Checkpoint(cp) = &entry.body else {
        return Err(bad(format!("{source} is not a checkpoint")));
    };
    check_signature(cp, key).map_err(bad)?;
    Ok(Anchor {
        source: source.to_string(),
        seq: entry.seq,
        hash: sha256_hex(line),
    })
}

/// [`verify`], telling `progress` the bytes checked so far and the trail's
/// size in bytes (when it started), every few thousand records.
pub fn verify_with_progress(
    dir: &Path,
    key: &VerifyingKey,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Report, super::AuditError> {
    verify_inner(dir, key, None, progress)
}

fn verify_inner(
    dir: &Path,
    key: &VerifyingKey,
    external: Option<(&str, &[u8])>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Report, super::AuditError> {
    let mut report = Report::default();
    // Read before the segments: the writer updates head.json only after the
    // checkpoint is on disk in a segment, so on a live trail the segments
    // read next always reach it.
    let head = std::fs::read(dir.join(HEAD_FILE)).ok();
    let mut anchors = Vec::new();
    let mut anchor_bad = None;
    let sources = head.as_deref().map(|h| (HEAD_FILE, h)).into_iter().chain(external);
    for (source, bytes) in sources {
        match anchor(source, bytes, key) {
            Ok(a) => anchors.push(a),
            Err(b) => {
                anchor_bad.get_or_insert(b);
            }
        }
    }
    let mut prev_hash: Option<String> = None;
    let mut prev_seq: u64 = 0;
    let segs = segments(dir)?;
    report.segments = segs.len();
    let last_segment = segs.len().saturating_sub(1);
    let total: u64 = segs.iter().filter_map(|(_, p)| super::read::segment_len(p).ok()).sum();
    let mut done: u64 = 0;
    progress(0, total);
    'outer: for (n, (index, path)) in segs.iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        // A sealed segment is checked on its decompressed lines; a frame
        // that does not decompress ends it, and is named after the lines before it.
        let (bytes, damage) = super::read::segment_bytes_checked(path)?;
        let bad = |line: usize, seq: Option<u64>, reason: String| BadRecord {
            segment: name.clone(),
            line,
            seq,
            reason,
        };
        let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if complete < bytes.len() && damage.is_none() {
            if n != last_segment {
                let line = bytes.split(|&b| b == b'\n').count();
                report.first_bad = Some(bad(
                    line,
                    Some(prev_seq + 1),
                    "incomplete last line in a closed segment".into(),
                ));
                break;
            }
            report.incomplete_tail = true;
        }
        for (i, line) in bytes[..complete].split(|&b| b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let lineno = i + 1;
            let entry: Entry = match serde_json::from_slice(line) {
                Ok(e) => e,
                Err(_) => {
                    report.first_bad = Some(bad(lineno, Some(prev_seq + 1), "not a valid audit record".into()));
                    break 'outer;
                }
            };
            match &prev_hash {
                None => {
                    // The trail starts at genesis, or (after retention removed
                    // the first segments) at a later segment opening with a
                    // signed checkpoint. The first segment always starts at genesis.
                    let anchored = match &entry.body {
                        Body::Checkpoint(cp) => {
                            *index > 1 && i == 0 && cp.head == entry.prev && cp.covers_seq + 1 == entry.seq
                        }
                        _ => false,
                    };
                    if !(anchored || (entry.seq == 1 && entry.prev == GENESIS)) {
                        report.first_bad = Some(bad(
                            lineno,
                            Some(entry.seq),
                            "the trail starts neither at genesis nor at a signed checkpoint (records were removed from its start)".into(),
                        ));
                        break 'outer;
                    }
                    report.first_seq = Some(entry.seq);
                }
                Some(h) => {
                    if entry.seq != prev_seq + 1 {
                        let reason = if entry.seq > prev_seq + 1 {
                            format!(
                                "seq {} follows {}: records {} to {} are missing (deleted or moved)",
                                entry.seq,
                                prev_seq,
                                prev_seq + 1,
                                entry.seq - 1
                            )
                        } else {
                            format!(
                                "out of order: seq {} follows {} (inserted or reordered)",
                                entry.seq, prev_seq
                            )
                        };
                        report.first_bad = Some(bad(lineno, Some(entry.seq), reason));
                        break 'outer;
                    }
                    if &entry.prev != h {
                        report.first_bad = Some(bad(
                            lineno.saturating_sub(1).max(1),
                            Some(prev_seq),
                            format!("record {prev_seq} does not match the hash its successor recorded (altered or replaced)"),
                        ));
                        break 'outer;
                    }
                }
            }
            if let Some(a) = anchors
                .iter()
                .find(|a| a.seq == entry.seq && a.hash != sha256_hex(line))
            {
                report.first_bad = Some(bad(
                    lineno,
                    Some(entry.seq),
                    format!(
                        "record {} is not the signed checkpoint {} holds (the trail was rewritten from here)",
                        entry.seq, a.source
                    ),
                ));
                break 'outer;
            }
            if let Body::Checkpoint(cp) = &entry.body {
                let coherent = cp.head == entry.prev && cp.covers_seq + 1 == entry.seq;
                if let Err(reason) = check_signature(cp, key).and_then(|_| {
                    coherent
                        .then_some(())
                        .ok_or_else(|| "checkpoint does not cover the record before it".to_string())
                }) {
                    report.first_bad = Some(bad(lineno, Some(entry.seq), reason));
                    break 'outer;
                }
                report.checkpoints += 1;
                report.signed_through = cp.covers_seq;
                report.unsigned_tail = 0;
            } else {
                report.records += 1;
                report.unsigned_tail += 1;
            }
            prev_seq = entry.seq;
            prev_hash = Some(sha256_hex(line));
            done += line.len() as u64 + 1;
            if i % 4096 == 0 {
                progress(done.min(total), total);
            }
        }
        if let Some(why) = damage {
            let line = bytes[..complete].iter().filter(|&&b| b == b'\n').count() + 1;
            report.first_bad = Some(bad(
                line,
                Some(prev_seq + 1),
                format!("records from seq {} on cannot be read: {why}", prev_seq + 1),
            ));
            break;
        }
    }
    progress(total, total);
    report.last_seq = prev_seq;
    if report.first_bad.is_none() {
        report.first_bad = anchor_bad;
    }
    if report.first_bad.is_none() {
        check_reached(&anchors, &mut report);
    }
    // A live trail gets head.json with its first checkpoint, right after its
    // first batch: look again before calling it missing.
    let has_records = report.records + report.checkpoints > 0;
    if report.first_bad.is_none() && head.is_none() && has_records && !dir.join(HEAD_FILE).exists() {
        report.first_bad = Some(BadRecord {
            segment: HEAD_FILE.into(),
            line: 1,
            seq: None,
            reason: format!(
                "{HEAD_FILE} is missing: the trail's end cannot be checked (records after any point may have been removed); \
                 verify against a copy kept elsewhere with --checkpoint"
            ),
        });
    }
    Ok(report)
}

/// A trail cut behind its latest checkpoint still chains; a signed
/// checkpoint (`head.json`, or a copy kept elsewhere) says how far it reached.
fn check_reached(anchors: &[Anchor], report: &mut Report) {
    if let Some(a) = anchors.iter().filter(|a| a.seq > report.last_seq).max_by_key(|a| a.seq) {
        report.first_bad = Some(BadRecord {
            segment: a.source.clone(),
            line: 1,
            seq: Some(report.last_seq + 1),
            reason: format!(
                "the trail ends at seq {} but a signed checkpoint at seq {} exists: records {} to {} were truncated",
                report.last_seq,
                a.seq,
                report.last_seq + 1,
                a.seq
            ),
        });
    }
}
