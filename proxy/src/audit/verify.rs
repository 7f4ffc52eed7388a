//! Offline verification of a trail with nothing but the public key.
//!
//! Checks, in order: every line parses; sequence numbers follow each other
//! (a gap is a deletion, a repeat or step back an insertion or reordering);
//! each line's `prev` is the SHA-256 of the line before (any edit breaks the
//! link after it); each checkpoint's signature, head and coverage; and that
//! the trail reaches the latest checkpoint recorded in `head.json` (a trail
//! cut behind it was truncated).

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

/// [`verify`], telling `progress` the bytes checked so far and the trail's
/// size in bytes (when it started), every few thousand records.
pub fn verify_with_progress(
    dir: &Path,
    key: &VerifyingKey,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Report, super::AuditError> {
    let mut report = Report::default();
    // Read before the segments: the writer updates head.json only after the
    // checkpoint is on disk in a segment, so on a live trail the segments
    // read next always reach it.
    let head = std::fs::read(dir.join(HEAD_FILE)).ok();
    let mut prev_hash: Option<String> = None;
    let mut prev_seq: u64 = 0;
    let segs = segments(dir)?;
    report.segments = segs.len();
    let last_segment = segs.len().saturating_sub(1);
    let total: u64 = segs
        .iter()
        .filter_map(|(_, p)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let mut done: u64 = 0;
    progress(0, total);
    'outer: for (n, (_, path)) in segs.iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let bytes = std::fs::read(path).map_err(|e| super::AuditError::Io(e.to_string()))?;
        let bad = |line: usize, seq: Option<u64>, reason: String| BadRecord {
            segment: name.clone(),
            line,
            seq,
            reason,
        };
        let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if complete < bytes.len() {
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
                    // The trail starts at genesis, or (after retention) at a
                    // segment opening with a signed checkpoint.
                    let anchored = match &entry.body {
                        Body::Checkpoint(cp) => cp.head == entry.prev && cp.covers_seq + 1 == entry.seq,
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
    }
    progress(total, total);
    report.last_seq = prev_seq;
    if let (None, Some(head)) = (&report.first_bad, head) {
        check_head_file(&head, key, &mut report);
    }
    Ok(report)
}

/// A trail cut behind its latest checkpoint still chains; `head.json`
/// (signed) says how far it reached.
fn check_head_file(bytes: &[u8], key: &VerifyingKey, report: &mut Report) {
    let bad = |reason: String, seq: Option<u64>| BadRecord {
        segment: HEAD_FILE.into(),
        line: 1,
        seq,
        reason,
    };
    let entry: Entry = match serde_json::from_slice(bytes) {
        Ok(e) => e,
        Err(_) => {
            report.first_bad = Some(bad("head file is not a checkpoint".into(), None));
            return;
        }
    };
    let Body::Checkpoint(cp) = &entry.body else {
        report.first_bad = Some(bad("head file is not a checkpoint".into(), None));
        return;
    };
    if let Err(reason) = check_signature(cp, key) {
        report.first_bad = Some(bad(reason, None));
        return;
    }
    if entry.seq > report.last_seq {
        report.first_bad = Some(bad(
            format!(
                "the trail ends at seq {} but a signed checkpoint at seq {} exists: records {} to {} were truncated",
                report.last_seq,
                entry.seq,
                report.last_seq + 1,
                entry.seq
            ),
            Some(report.last_seq + 1),
        ));
    }
}
