//! Scoring detectors against a labeled set: per-entity precision, recall and
//! F1, micro F1, and leak recall (the share of sensitive characters covered by
//! any finding, whatever its label: what a policy needs to keep data home).
//!
//! A finding matches a labeled span of the same entity when they overlap by at
//! least half of their union; each labeled span is matched at most once.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// One labeled record, as the evaluation sets store it (JSON lines).
#[derive(Debug, Clone, Deserialize)]
pub struct Labeled {
    pub id: serde_json::Value,
    pub text: String,
    #[serde(default)]
    pub slice: String,
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// A span with its entity; byte offsets into the UTF-8 text.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Span {
    pub entity: String,
    pub start: usize,
    pub end: usize,
}

/// What `registry` finds in `text` with every recognizer it has (the
/// learned one included), as spans to score.
pub fn found_by(registry: &crate::Registry, text: &str) -> Result<Vec<Span>, crate::ScanError> {
    Ok(registry
        .try_scan(text)?
        .into_iter()
        .map(|f| Span {
            entity: f.entity.as_str().to_string(),
            start: f.start,
            end: f.end,
        })
        .collect())
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub records: usize,
    pub per_entity: BTreeMap<String, Counts>,
    pub micro: Counts,
    pub sensitive_chars: usize,
    pub covered_chars: usize,
    /// Leak recall by slice: (sensitive, covered).
    pub per_slice: BTreeMap<String, (usize, usize)>,
    /// Findings in records labeled with no spans at all.
    pub negative_records: usize,
    pub negative_records_flagged: usize,
    /// PERSON findings in records labeled with no spans at all.
    pub negative_person_findings: usize,
    /// Leak recall by labeled entity: (sensitive, covered by any finding).
    pub per_entity_leak: BTreeMap<String, (usize, usize)>,
    /// Findings in records labeled with no spans, by the entity found.
    pub negative_findings: BTreeMap<String, usize>,
}

impl Report {
    pub fn leak_recall(&self) -> f64 {
        ratio(self.covered_chars, self.sensitive_chars)
    }

    /// Add one record: its labels and what the detectors found.
    pub fn add(&mut self, record: &Labeled, found: &[Span]) {
        self.records += 1;
        let mut used = vec![false; record.spans.len()];
        for f in found {
            let hit = record
                .spans
                .iter()
                .enumerate()
                .position(|(i, g)| !used[i] && g.entity == f.entity && overlap(g, f) * 2 >= union(g, f));
            let c = self.per_entity.entry(f.entity.clone()).or_default();
            match hit {
                Some(i) => {
                    used[i] = true;
                    c.tp += 1;
                }
                None => c.fp += 1,
            }
        }
        for (i, g) in record.spans.iter().enumerate() {
            if !used[i] {
                self.per_entity.entry(g.entity.clone()).or_default().fn_ += 1;
            }
            let (total, covered) = covered_chars(&record.text, g, found);
            self.sensitive_chars += total;
            self.covered_chars += covered;
            let s = self.per_slice.entry(record.slice.clone()).or_default();
            s.0 += total;
            s.1 += covered;
            let e = self.per_entity_leak.entry(g.entity.clone()).or_default();
            e.0 += total;
            e.1 += covered;
        }
        if record.spans.is_empty() {
            self.negative_records += 1;
            for f in found {
                *self.negative_findings.entry(f.entity.clone()).or_default() += 1;
            }
            if !found.is_empty() {
                self.negative_records_flagged += 1;
            }
            self.negative_person_findings += found.iter().filter(|f| f.entity == "PERSON").count();
        }
        self.micro = Counts::default();
        let all: Vec<Counts> = self.per_entity.values().copied().collect();
        for c in all {
            self.micro.add(c);
        }
    }
}

fn overlap(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn union(a: &Span, b: &Span) -> usize {
    a.end.max(b.end) - a.start.min(b.start)
}

/// Characters of `g` (not counting whitespace), and how many of them any finding covers.
fn covered_chars(text: &str, g: &Span, found: &[Span]) -> (usize, usize) {
    let Some(slice) = text.get(g.start..g.end) else {
        return (0, 0);
    };
    let (mut total, mut covered) = (0, 0);
    for (off, ch) in slice.char_indices() {
        if ch.is_whitespace() {
            continue;
        }
        total += 1;
        let at = g.start + off;
        if found.iter().any(|f| f.start <= at && at < f.end) {
            covered += 1;
        }
    }
    (total, covered)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<24} {:>6} {:>6} {:>6} {:>9} {:>7} {:>6}",
            "entity", "tp", "fp", "fn", "precision", "recall", "f1"
        )?;
        for (e, c) in &self.per_entity {
            writeln!(
                f,
                "{:<24} {:>6} {:>6} {:>6} {:>9.3} {:>7.3} {:>6.3}",
                e,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        let m = self.micro;
        writeln!(
            f,
            "{:<24} {:>6} {:>6} {:>6} {:>9.3} {:>7.3} {:>6.3}",
            "micro",
            m.tp,
            m.fp,
            m.fn_,
            m.precision(),
            m.recall(),
            m.f1()
        )?;
        writeln!(f)?;
        for (slice, (total, covered)) in &self.per_slice {
            writeln!(
                f,
                "leak recall {:<20} {:.4} ({covered}/{total} chars)",
                slice,
                ratio(*covered, *total)
            )?;
        }
        for (entity, (total, covered)) in &self.per_entity_leak {
            writeln!(
                f,
                "leak recall {:<20} {:.4} ({covered}/{total} chars)",
                entity,
                ratio(*covered, *total)
            )?;
        }
        writeln!(
            f,
            "negative records flagged: {}/{}",
            self.negative_records_flagged, self.negative_records
        )?;
        for (entity, n) in &self.negative_findings {
            writeln!(f, "findings on negatives {entity:<20} {n}")?;
        }
        writeln!(
            f,
            "false PERSON on negatives: {} ({:.1} per 1,000 negative records)",
            self.negative_person_findings,
            if self.negative_records == 0 {
                0.0
            } else {
                ratio(self.negative_person_findings * 1000, self.negative_records)
            }
        )?;
        writeln!(
            f,
            "records {}  leak recall {:.4} ({}/{} sensitive chars)  precision {:.4}  recall {:.4}  micro F1 {:.4}",
            self.records,
            self.leak_recall(),
            self.covered_chars,
            self.sensitive_chars,
            m.precision(),
            m.recall(),
            m.f1()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(e: &str, s: usize, t: usize) -> Span {
        Span {
            entity: e.into(),
            start: s,
            end: t,
        }
    }

    #[test]
    fn counts_matches_misses_and_leaks() {
        let rec = Labeled {
            id: 1.into(),
            text: "Maria Keller 4111111111111111".into(),
            slice: "t".into(),
            lang: "en".into(),
            spans: vec![span("PERSON", 0, 12), span("CREDIT_CARD", 13, 29)],
        };
        let mut r = Report::default();
        // The card found under a wrong label: a miss and a false positive, but no leak.
        r.add(&rec, &[span("PERSON", 0, 12), span("PHONE", 13, 29)]);
        assert_eq!(r.micro.tp, 1);
        assert_eq!(r.micro.fp, 1);
        assert_eq!(r.micro.fn_, 1);
        assert_eq!(r.leak_recall(), 1.0);
        let mut r = Report::default();
        r.add(&rec, &[span("PERSON", 0, 5)]);
        assert_eq!(r.micro.tp, 0, "less than half of the union is no match");
        assert!((r.leak_recall() - 5.0 / 27.0).abs() < 1e-9);
    }
}
