//! The checks every [`Detector`](crate::Detector) stage must pass, run on
//! each stage a registry runs ([`crate::Registry::detectors`]), so that a
//! new stage is held to them as soon as it is added.
//!
//! For a text, every stage is run on the normalized text (and on every
//! base64 run decoded beside it), as the registry runs it, and:
//!
//! - its spans are in bounds, non-empty and on character boundaries of the
//!   text it read; its scores are in [0, 1]; it names its detector;
//! - it finds the same candidates when run again (no hidden state);
//! - no candidate carries a copy of the text it covers (its `Debug` form,
//!   which prints every field, does not hold the value);
//! - offsets survive normalization: each span maps back to a non-empty span
//!   of the original on character boundaries, and that original slice,
//!   normalized again, reads as the span did (a finding covers the whole
//!   obfuscated form, not a part of it);
//! - the registry's findings are ordered, disjoint, in bounds and on
//!   character boundaries of the original.
//!
//! A violation names the stage, the check and the offsets, never the text.

use std::collections::BTreeMap;

use crate::context::Context;
use crate::normalize::Normalized;
use crate::{Candidate, Registry, ScanError, Stages};

/// Inputs that break byte arithmetic: escapes cut short, lone surrogates,
/// combining marks and tag characters on digits, base64 padding alone,
/// joiners between digits. Every stage must take them.
pub const ODD_INPUTS: &[&str] = &[
    "",
    "\\",
    "\\u",
    "\\ud800",
    "@",
    "4",
    "+",
    "-----BEGIN",
    "ＳＳＮ",
    "\u{200B}",
    "a\u{0301}",
    "😀4111",
    "%",
    "%E",
    "%F0%9F%98",
    "&",
    "&#",
    "&#x",
    "&#x110000;",
    "&amp",
    "4\u{0301}",
    "\u{E0030}",
    "QUFBQUFBQUFBQUFB",
    "QUFBQUFBQUFBQUFB=",
    "====",
    "1,2:3|4~5_6+7",
    // Found by fuzzing: a surname read back from its comma over a three-byte arrow.
    "'s \ndaughter daughter - hamidalindiwe 😀Z\n 46M[08:00] →日本, OYELARAN, bed 12 →ÿspoke with Will Z\t}\", \":[08:00] a]ABDULLAYEV",
];

/// A broken rule: which stage, which check, where. Holds no text.
#[derive(Debug, thiserror::Error)]
#[error("{stage}: {check} at {start}..{end}")]
pub struct Violation {
    pub stage: &'static str,
    pub check: &'static str,
    pub start: usize,
    pub end: usize,
}

/// How many candidates each stage produced over the texts checked, and how
/// many of them went through a normalization that changed the text.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub candidates: BTreeMap<&'static str, usize>,
    pub normalized: BTreeMap<&'static str, usize>,
    pub findings: usize,
}

/// Runs every stage of `registry` on `text` and checks the rules above;
/// adds what it saw to `report`. A scan error (the learned stage failing)
/// is returned as is.
pub fn check(registry: &Registry, text: &str, report: &mut Report) -> Result<(), CheckError> {
    let norm = Normalized::new(text);
    check_normalized(registry, text, &norm, true, report)?;
    let findings = registry.try_scan(text)?;
    let mut last_end = 0;
    for f in &findings {
        let violation = |check| Violation {
            stage: "registry",
            check,
            start: f.start,
            end: f.end,
        };
        if f.start >= f.end || f.end > text.len() {
            return Err(violation("finding out of bounds or empty").into());
        }
        if !text.is_char_boundary(f.start) || !text.is_char_boundary(f.end) {
            return Err(violation("finding not on character boundaries").into());
        }
        if f.start < last_end {
            return Err(violation("findings overlap or are out of order").into());
        }
        if !(0.0..=1.0).contains(&f.score) {
            return Err(violation("score outside [0, 1]").into());
        }
        last_end = f.end;
    }
    report.findings += findings.len();
    Ok(())
}

/// A check that failed, or a scan that could not run.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Violation(#[from] Violation),
    #[error(transparent)]
    Scan(#[from] ScanError),
}

fn check_normalized(
    registry: &Registry,
    original: &str,
    norm: &Normalized<'_>,
    top: bool,
    report: &mut Report,
) -> Result<(), CheckError> {
    let t = norm.text();
    let hits = registry.context_hits(t);
    let ctx = Context { hits: &hits };
    registry.run_stages(t, &ctx, Stages::All, |d, input, own| {
        let stage = d.name();
        let mut again = Vec::new();
        d.find(input, &mut again)?;
        if again != own {
            return Err(Violation {
                stage,
                check: "not deterministic",
                start: 0,
                end: t.len(),
            }
            .into());
        }
        for c in own {
            check_candidate(stage, c, original, norm, top)?;
            *report.candidates.entry(stage).or_default() += 1;
            if top && !norm.is_identity() {
                *report.normalized.entry(stage).or_default() += 1;
            }
        }
        Ok::<(), CheckError>(())
    })?;
    for d in norm.decoded() {
        check_normalized(registry, &d.text, &d.normalized(), false, report)?;
    }
    Ok(())
}

/// The rules for one candidate that `stage` found in `text` once
/// normalized: for checking a stage's output on its own.
pub fn check_candidate_in(stage: &'static str, c: &Candidate, text: &str) -> Result<(), Violation> {
    check_candidate(stage, c, text, &Normalized::new(text), true)
}

/// The rules for one candidate of `stage` in the normalized text `norm`
/// of `original` (`top`: the text itself, not a decoded run of it).
fn check_candidate(
    stage: &'static str,
    c: &Candidate,
    original: &str,
    norm: &Normalized<'_>,
    top: bool,
) -> Result<(), Violation> {
    let t = norm.text();
    let violation = |check| Violation {
        stage,
        check,
        start: c.start,
        end: c.end,
    };
    if c.start >= c.end || c.end > t.len() {
        return Err(violation("span out of bounds or empty"));
    }
    if !t.is_char_boundary(c.start) || !t.is_char_boundary(c.end) {
        return Err(violation("span not on character boundaries"));
    }
    if !c.score.is_finite() || !(0.0..=1.0).contains(&c.score) {
        return Err(violation("score outside [0, 1]"));
    }
    if c.detector.is_empty() {
        return Err(violation("no detector name"));
    }
    if carries_value(c, &t[c.start..c.end]) {
        return Err(violation("candidate carries the value"));
    }
    if !top || norm.is_identity() {
        return Ok(());
    }
    // The way back through normalization.
    let (s, e) = norm.to_original(c.start, c.end);
    if s >= e || e > original.len() {
        return Err(violation("maps back out of bounds or empty"));
    }
    if !original.is_char_boundary(s) || !original.is_char_boundary(e) {
        return Err(violation("maps back off character boundaries"));
    }
    if Normalized::new(&original[s..e]).text() != &t[c.start..c.end] {
        return Err(violation("maps back to a different value"));
    }
    Ok(())
}

/// Whether the candidate's printed form holds the text it covers. Short or
/// purely alphabetic spans are skipped when they are part of the entity's
/// or detector's own name ("card" in `card.luhn`).
fn carries_value(c: &Candidate, value: &str) -> bool {
    let value = value.trim();
    if value.chars().count() < 4 {
        return false;
    }
    let printed = format!("{c:?}");
    if !printed.contains(value) {
        return false;
    }
    let own = format!("{} {}", c.kind, c.detector).to_ascii_lowercase();
    !own.contains(&value.to_ascii_lowercase())
}
