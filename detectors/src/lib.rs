//! Cordon's detectors: the recognizers that find PII, PHI, financial
//! identifiers and secrets in the texts a model would read.
//!
//! This crate does no network I/O and knows nothing of HTTP: it takes text
//! and returns findings. A [`Registry`] is built once from configuration and
//! shared across threads; [`Registry::scan`] runs every enabled recognizer:
//!
//! 1. normalization ([`normalize`]): JSON escapes, percent-encoding, HTML
//!    character references, zero-width and tag characters, NFKC, the digits
//!    of every script, exotic spaces and dashes, with every byte mapped back;
//!    base64 runs that decode to text are scanned too, and what they hold
//!    covers the whole run;
//! 2. the context words of six languages, by an aho-corasick automaton
//!    searched from the starts of words ([`context`]);
//! 3. digit-group runs checked against each identifier's shape and check
//!    digits ([`validators`]); regular shapes (e-mail, URL, keys, dates,
//!    addresses); names from dictionaries with titles and context;
//! 4. optionally ([`DetectorsConfig::ner`]), a learned token classifier on
//!    the words the rules could not settle, as a recall booster for names;
//!    it runs in [`Registry::try_scan`] only, since it can fail;
//! 5. overlaps resolved deterministically, thresholds applied, spans mapped
//!    back to the original text's bytes.
//!
//! Findings carry the entity, its categories, the byte span in the original
//! UTF-8 text, a score in [0, 1] and the detector that produced it; never a
//! copy of the value.

pub mod clinical;
pub mod config;
pub mod conformance;
pub mod context;
pub mod detector;
pub mod entity;
pub mod eval;
mod fields;
mod lexicon;
mod name_shape;
mod names;
mod names_context;
mod ner;
pub mod normalize;
mod numbers;
mod patterns;
mod spoken;
pub mod validators;
mod windowed;

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

pub use config::{ConfigError, CustomRecognizer, DetectorsConfig, NerConfig, NerMode};
pub use detector::{Detector, Input, Shared};
pub use entity::{Categories, Category, Entity, Kind};

/// One finding: what was found and where, never the value itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub entity: Entity,
    pub categories: Categories,
    /// Byte offsets into the original UTF-8 text, `start..end`.
    pub start: usize,
    pub end: usize,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Which recognizer produced it (`card.luhn`, `names.dictionary`, ...).
    pub detector: &'static str,
}

/// A scan that could not finish: the learned recognizer failed. Holds no
/// text; the caller fails closed (the policy's `on_error`).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ScanError(#[from] ner::NerError);

/// Which recognizers a scan runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stages {
    /// Rules, validators and dictionaries: cannot fail.
    Rules,
    /// The rules, then the learned recognizer when configured.
    All,
}

/// What a stage found, before thresholds, overlap resolution and mapping
/// back: an entity, a span of the normalized text and a score. No field can
/// hold a copy of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub kind: Entity,
    /// Byte offsets into the normalized text, `start..end`.
    pub start: usize,
    pub end: usize,
    pub score: f32,
    pub detector: &'static str,
}

struct Custom {
    entity: Entity,
    categories: Categories,
    primary: Option<Category>,
    pattern: Option<Regex>,
    words: Option<AhoCorasick>,
    context: Option<AhoCorasick>,
    score: f32,
    context_score: f32,
}

/// The learned recognizer, with the rules' name reader for its gate.
struct Learned {
    ner: ner::Ner,
    names: Arc<names::Names>,
    person: bool,
}

/// The detectors, built once and shared across threads.
pub struct Registry {
    context: context::ContextIndex,
    patterns: patterns::Patterns,
    care: patterns::Care,
    names: Arc<names::Names>,
    custom: Vec<Custom>,
    learned: Option<Learned>,
    enabled: Vec<bool>,
    thresholds: Vec<f32>,
    min_score: f32,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("entities", &self.entities().len())
            .field("ner", &self.learned.is_some())
            .finish_non_exhaustive()
    }
}

impl Registry {
    /// A registry with every built-in entity enabled and default thresholds.
    pub fn with_defaults() -> Result<Registry, ConfigError> {
        Registry::new(&DetectorsConfig::default())
    }

    /// Build the registry from configuration. Errors name the offending key.
    pub fn new(config: &DetectorsConfig) -> Result<Registry, ConfigError> {
        let resolved = config.resolve()?;
        let mut custom = Vec::new();
        for c in &config.custom {
            custom.push(build_custom(c)?);
        }
        let names = Arc::new(names::Names::new().map_err(|e| ConfigError::Build(e.to_string()))?);
        let learned = match &config.ner {
            Some(c) => Some(Learned {
                ner: ner::Ner::load(c)?,
                names: Arc::clone(&names),
                person: resolved.enabled[Kind::Person as usize],
            }),
            None => None,
        };
        let patterns = patterns::Patterns::new().map_err(|e| ConfigError::Build(e.to_string()))?;
        Ok(Registry {
            context: context::ContextIndex::new(&[]).map_err(|e| ConfigError::Build(e.to_string()))?,
            care: patterns::Care::new(&patterns).map_err(|e| ConfigError::Build(e.to_string()))?,
            patterns,
            names,
            custom,
            learned,
            enabled: resolved.enabled,
            thresholds: resolved.thresholds,
            min_score: resolved.min_score,
        })
    }

    /// The entities this registry can report: enabled built-ins, then custom ones.
    pub fn entities(&self) -> Vec<Entity> {
        let mut v: Vec<Entity> = Kind::ALL
            .iter()
            .filter(|k| self.enabled[**k as usize])
            .map(|k| Entity::Builtin(*k))
            .collect();
        v.extend(self.custom.iter().map(|c| c.entity.clone()));
        v
    }

    /// The categories of an entity this registry knows.
    pub fn categories(&self, entity: &Entity) -> Categories {
        match entity {
            Entity::Builtin(k) => k.categories(),
            Entity::Custom(_) => self
                .custom
                .iter()
                .find(|c| &c.entity == entity)
                .map(|c| c.categories)
                .unwrap_or_default(),
        }
    }

    /// The category an entity is reported under when only one is asked for.
    pub fn primary_category(&self, entity: &Entity) -> Option<Category> {
        match entity {
            Entity::Builtin(k) => Some(k.primary_category()),
            Entity::Custom(_) => {
                let name = self.custom.iter().find(|c| &c.entity == entity)?;
                name.primary
            }
        }
    }

    /// Whether a learned recognizer is configured (see [`Registry::try_scan`]).
    pub fn has_learned(&self) -> bool {
        self.learned.is_some()
    }

    /// Every stage this registry runs, in order: digit runs, patterns,
    /// fields (table columns, HL7 fields, JSON keys), names
    /// (when PERSON is enabled), each custom recognizer, and the learned
    /// recognizer when configured.
    pub fn detectors(&self) -> Vec<&dyn Detector> {
        let mut v: Vec<&dyn Detector> = vec![&detector::Numbers, &self.patterns, &fields::Fields];
        if self.enabled[Kind::Person as usize] {
            v.push(self.names.as_ref());
        }
        v.push(&self.care);
        v.extend(self.custom.iter().map(|c| c as &dyn Detector));
        if let Some(l) = &self.learned {
            v.push(l);
        }
        v
    }

    /// The context words of a normalized text (what [`Input::context`] holds).
    pub fn context_hits(&self, text: &str) -> Vec<context::Hit> {
        let mut hits = Vec::new();
        self.context.find(text, &mut hits);
        hits
    }

    /// Scan `text` with every recognizer, the learned one included when
    /// configured, and return its findings, ordered by start offset. Fails
    /// only when the learned recognizer does: the text is then unclassified.
    pub fn try_scan(&self, text: &str) -> Result<Vec<Finding>, ScanError> {
        let mut out = Vec::new();
        self.scan_stages(text, Stages::All, &mut out)?;
        Ok(out)
    }

    /// Scan `text` with the rules, validators and dictionaries (never the
    /// learned recognizer, which can fail) and return its findings, ordered
    /// by start offset. For what must not fail, like redacting an answer;
    /// classifying a request is [`Registry::try_scan`]'s.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        self.scan_into(text, &mut out);
        out
    }

    /// [`Registry::scan`], appending its findings to `out`.
    pub fn scan_into(&self, text: &str, out: &mut Vec<Finding>) {
        // The rule stages cannot fail.
        let _ = self.scan_stages(text, Stages::Rules, out);
    }

    fn scan_stages(&self, text: &str, stages: Stages, out: &mut Vec<Finding>) -> Result<(), ScanError> {
        if text.is_empty() {
            return Ok(());
        }
        let norm = normalize::Normalized::new(text);
        let cands = self.candidates(&norm, stages)?;
        let mut kept = resolve(cands);
        if self.enabled[Kind::Person as usize] {
            let encoded: Vec<(usize, usize)> = norm.decoded().iter().map(|d| (d.start, d.end)).collect();
            let again = self.names.again(norm.text(), &kept, &encoded);
            kept.extend(again.into_iter().filter(|c| self.passes(c)));
            kept.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
        }
        let mut last_end = 0;
        for c in kept {
            let (start, end) = norm.to_original(c.start, c.end);
            // Two findings from one original character (a ligature split by NFKC) must not overlap.
            let start = start.max(last_end);
            if start >= end {
                continue;
            }
            last_end = end;
            let categories = self.categories(&c.kind);
            out.push(Finding {
                entity: c.kind,
                categories,
                start,
                end,
                score: (c.score * 100.0).round() / 100.0,
                detector: c.detector,
            });
        }
        Ok(())
    }

    /// The candidates of a normalized text, above their thresholds: those of
    /// the text itself, and those of the base64 runs it holds, each of which
    /// covers its whole run.
    fn candidates(&self, norm: &normalize::Normalized<'_>, stages: Stages) -> Result<Vec<Candidate>, ScanError> {
        let t = norm.text();
        let hits = self.context_hits(t);
        let ctx = context::Context { hits: &hits };
        let mut cands = self.run_stages(t, &ctx, stages, |_, _, _| Ok::<(), ScanError>(()))?;
        for d in norm.decoded() {
            let inner = d.normalized();
            for c in self.candidates(&inner, stages)? {
                cands.push(Candidate {
                    start: d.start,
                    end: d.end,
                    ..c
                });
            }
        }
        Ok(cands)
    }

    /// Runs the stages in order on a normalized text, each reading what the
    /// ones before it kept; `each` sees every stage's own candidates before
    /// thresholds (the conformance suite's hook). Returns the candidates
    /// above their thresholds.
    pub(crate) fn run_stages<E: From<ScanError>>(
        &self,
        text: &str,
        context: &context::Context<'_>,
        stages: Stages,
        mut each: impl FnMut(&dyn Detector, &Input<'_>, &[Candidate]) -> Result<(), E>,
    ) -> Result<Vec<Candidate>, E> {
        let mut cands = Vec::new();
        let mut own = Vec::new();
        let shared = detector::Shared::default();
        for d in self.detectors() {
            if d.fallible() && stages == Stages::Rules {
                continue;
            }
            own.clear();
            let input = Input {
                text,
                context,
                found: &cands,
                shared: &shared,
            };
            d.find(&input, &mut own)?;
            each(d, &input, &own)?;
            own.retain(|c| self.passes(c));
            if d.fallible() {
                // A learned name that overlaps a rule's ("Oluwaseun" before the
                // dictionary's "Adeyemi-Okafor") takes the union and the better score,
                // so that the whole name wins the overlap, not a part of it.
                let person = Entity::Builtin(Kind::Person);
                for c in own.iter_mut().filter(|c| c.kind == person) {
                    for r in cands.iter().filter(|r: &&Candidate| r.kind == person) {
                        if r.start >= c.end || c.start >= r.end {
                            continue;
                        }
                        c.start = c.start.min(r.start);
                        c.end = c.end.max(r.end);
                        c.score = c.score.max(r.score);
                    }
                }
            }
            cands.append(&mut own);
        }
        Ok(cands)
    }

    /// Whether a candidate is kept: a non-empty span, at or above its
    /// entity's threshold (a disabled entity's is infinite).
    fn passes(&self, c: &Candidate) -> bool {
        c.start < c.end && c.score >= self.threshold(&c.kind)
    }

    fn threshold(&self, e: &Entity) -> f32 {
        match e {
            Entity::Builtin(k) if self.enabled[*k as usize] => self.thresholds[*k as usize],
            Entity::Builtin(_) => f32::INFINITY,
            Entity::Custom(_) => self.min_score,
        }
    }
}

/// Keep the best of overlapping candidates: higher score, then longer span,
/// then the entity's order, then the earlier start. Deterministic for a given
/// set of candidates, whatever order they were found in.
/// Identifiers that a label announces and that can hold a shorter shape inside them.
fn identifier(kind: &Entity) -> bool {
    matches!(
        kind,
        Entity::Builtin(
            Kind::HealthPlanId
                | Kind::MedicalRecordNumber
                | Kind::AccountNumber
                | Kind::UsPassport
                | Kind::UsDriverLicense
                | Kind::DeviceId
        )
    )
}

/// Shapes that also occur inside an identifier ("J79", "2024", "555-0142").
fn part_of_id(kind: &Entity) -> bool {
    matches!(
        kind,
        Entity::Builtin(Kind::Icd10Code | Kind::Date | Kind::Phone | Kind::ZipCode)
    )
}

fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    // A name inside a street line is the street's ("Via Dante Alighieri 11",
    // "89, avenue Victor Hugo"): the address wins, whatever the scores.
    let street = Entity::Builtin(Kind::StreetAddress);
    let mut streets: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.kind == street && c.score >= 0.8)
        .map(|c| (c.start, c.end))
        .collect();
    if !streets.is_empty() {
        // By start, each with the furthest end of those starting before it:
        // a name is inside a street line when one starting at or before it ends at or after it.
        streets.sort_unstable();
        let mut furthest = 0;
        for s in &mut streets {
            furthest = furthest.max(s.1);
            s.1 = furthest;
        }
        let person = Entity::Builtin(Kind::Person);
        cands.retain(|c| {
            let i = streets.partition_point(|s| s.0 <= c.start);
            c.kind != person || i == 0 || streets[i - 1].1 < c.end
        });
    }
    cands.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.kind.cmp(&b.kind))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len().min(64));
    // Accepted spans, start to (end, index in `kept`), disjoint (a map: inserting stays logarithmic).
    let mut spans: std::collections::BTreeMap<usize, (usize, usize)> = std::collections::BTreeMap::new();
    for c in cands {
        let prev = spans.range(..c.start).next_back().filter(|(_, &(e, _))| e > c.start);
        let next: Vec<(usize, usize, usize)> = spans
            .range(c.start..c.end)
            .map(|(&s, &(e, k))| (s, e, k))
            .take(2)
            .collect();
        match (prev, next.as_slice()) {
            (None, []) => {
                spans.insert(c.start, (c.end, kept.len()));
                kept.push(c);
            }
            // A code, a date, a phone or a postal code inside a longer identifier that nothing
            // else overlaps ("J79" inside the member number "4CQ8-J79-TM24"): the identifier
            // takes its place, or the rest of it would be left in clear.
            //
            // Likewise a shorter finding of the same entity inside a longer one ("AB12" inside the
            // plate "AB12 CDE"): the longer takes its place, whatever the scores. A name only
            // where both start together: a longer one that starts before may hold a title.
            (None, [(s, e, k)])
                if *e <= c.end
                    && c.end - c.start > e - s
                    && (identifier(&c.kind) && part_of_id(&kept[*k].kind)
                        || c.kind == kept[*k].kind && (c.kind != Entity::Builtin(Kind::Person) || c.start == *s)) =>
            {
                spans.remove(s);
                spans.insert(c.start, (c.end, *k));
                kept[*k] = c;
            }
            _ => {}
        }
    }
    kept.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
    kept
}

fn build_custom(c: &CustomRecognizer) -> Result<Custom, ConfigError> {
    let at = |what: &str, e: String| ConfigError::Custom {
        entity: c.entity.clone(),
        message: format!("{what}: {e}"),
    };
    let pattern = match &c.pattern {
        Some(p) => Some(Regex::new(p).map_err(|e| at("pattern", e.to_string()))?),
        None => None,
    };
    let ac = |list: &[String]| -> Result<Option<AhoCorasick>, ConfigError> {
        if list.is_empty() {
            return Ok(None);
        }
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(!c.case_sensitive)
            .match_kind(MatchKind::LeftmostLongest)
            .build(list)
            .map(Some)
            .map_err(|e| at("words", e.to_string()))
    };
    let mut categories = Categories::default();
    let primary = c.categories.first().and_then(|n| Category::parse(n));
    for name in &c.categories {
        let cat = Category::parse(name).ok_or_else(|| at("categories", format!("unknown category {name:?}")))?;
        categories = categories.union(Categories::of(&[cat]));
    }
    Ok(Custom {
        entity: Entity::Custom(Arc::from(c.entity.as_str())),
        categories,
        primary,
        pattern,
        words: ac(&c.words)?,
        context: ac(&c.context)?,
        score: c.score,
        context_score: c.context_score,
    })
}

fn scan_custom(c: &Custom, text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let boundary = |s: usize, e: usize| {
        let word = |i: usize| b.get(i).is_some_and(|x| x.is_ascii_alphanumeric() || *x == b'_');
        !((s > 0 && word(s - 1) && word(s)) || (e > 0 && word(e) && word(e - 1)))
    };
    let mut push = |s: usize, e: usize| {
        let lo = s.saturating_sub(64);
        let lo = (0..=lo).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let near = c.context.as_ref().is_some_and(|ac| ac.is_match(&text[lo..s]));
        let score = if near { c.context_score } else { c.score };
        out.push(Candidate {
            kind: c.entity.clone(),
            start: s,
            end: e,
            score,
            detector: "custom",
        });
    };
    if let Some(re) = &c.pattern {
        for m in re.find_iter(text) {
            if m.start() < m.end() {
                push(m.start(), m.end());
            }
        }
    }
    if let Some(ac) = &c.words {
        for m in ac.find_iter(text) {
            if boundary(m.start(), m.end()) {
                push(m.start(), m.end());
            }
        }
    }
}

impl Detector for Custom {
    fn name(&self) -> &'static str {
        "custom"
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        scan_custom(self, input.text, out);
        Ok(())
    }
}

impl Detector for Learned {
    fn name(&self) -> &'static str {
        "learned"
    }

    fn fallible(&self) -> bool {
        true
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        let t = input.text;
        match self.ner.mode {
            NerMode::Always => self.ner.scan(t, &[(0, t.len())], None, out)?,
            NerMode::Gate if self.person => {
                // What the rules reported is settled; the model reads around the rest.
                let settled: Vec<(usize, usize)> = input.found.iter().map(|c| (c.start, c.end)).collect();
                let words = self.names.unsettled(t, input.context, &settled);
                if !words.is_empty() {
                    self.ner.scan(t, &ner::windows_around(t, &words), Some(&words), out)?;
                }
            }
            NerMode::Gate => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        Registry::with_defaults().unwrap()
    }

    fn found(r: &Registry, text: &str) -> Vec<(String, String)> {
        r.scan(text)
            .into_iter()
            .map(|f| (f.entity.to_string(), text[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn an_identifier_takes_the_place_of_a_code_inside_it() {
        let c = |k: Kind, s, e, score| Candidate {
            kind: k.into(),
            start: s,
            end: e,
            score,
            detector: "test",
        };
        // "Subscriber ID 7FQ2-K41-WN83": a code-shaped "K41" scores higher than the id around it.
        let kept = resolve(vec![
            c(Kind::Icd10Code, 19, 22, 0.9),
            c(Kind::HealthPlanId, 14, 27, 0.8),
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            (kept[0].kind.clone(), kept[0].start, kept[0].end),
            (Kind::HealthPlanId.into(), 14, 27)
        );
        // Not when the longer one also overlaps another finding, nor for other kinds.
        let kept = resolve(vec![
            c(Kind::Icd10Code, 19, 22, 0.9),
            c(Kind::Email, 25, 40, 0.95),
            c(Kind::HealthPlanId, 14, 27, 0.8),
        ]);
        assert_eq!(
            kept.iter().map(|k| (k.start, k.end)).collect::<Vec<_>>(),
            [(19, 22), (25, 40)]
        );
        let kept = resolve(vec![c(Kind::Person, 19, 22, 0.9), c(Kind::Url, 14, 27, 0.8)]);
        assert_eq!(kept.iter().map(|k| (k.start, k.end)).collect::<Vec<_>>(), [(19, 22)]);
        assert!(found(&registry(), "Subscriber ID 7FQ2-K41-WN83, dx E11.9")
            .contains(&("HEALTH_PLAN_ID".into(), "7FQ2-K41-WN83".into())));
        // The same entity, shorter and scored higher, inside a longer finding: the longer one.
        let kept = resolve(vec![c(Kind::VehicleId, 14, 18, 0.85), c(Kind::VehicleId, 14, 22, 0.8)]);
        assert_eq!(kept.iter().map(|k| (k.start, k.end)).collect::<Vec<_>>(), [(14, 22)]);
        // A name goes on to the right ("MOREAU" in "MOREAU, Jürgen"), but does not take
        // a title before it ("mevrouw" before "de Jong").
        let kept = resolve(vec![c(Kind::Person, 0, 6, 0.9), c(Kind::Person, 0, 14, 0.6)]);
        assert_eq!(kept.iter().map(|k| (k.start, k.end)).collect::<Vec<_>>(), [(0, 14)]);
        let kept = resolve(vec![c(Kind::Person, 8, 14, 0.9), c(Kind::Person, 0, 14, 0.6)]);
        assert_eq!(kept.iter().map(|k| (k.start, k.end)).collect::<Vec<_>>(), [(8, 14)]);
        assert_eq!(
            found(&registry(), "Vehicle reg: AB12 CDE, parked in bay 4."),
            [("VEHICLE_ID".to_string(), "AB12 CDE".to_string())]
        );
    }

    #[test]
    fn a_date_in_a_named_persons_sentence_is_theirs() {
        let r = registry();
        let date = |text: &str, value: &str| found(&r, text).contains(&("DATE".into(), value.into()));
        assert!(date(
            "Je confirme que l'IRM de Wairimu Tchakounte est bien calée le 27 décembre 2026.",
            "27 décembre 2026"
        ));
        assert!(date(
            "Hoi allemaal, Oyelaran Adeyemi begint op 19/08/2027 bij ons.",
            "19/08/2027"
        ));
        // Not across a sentence's end or a form's gap, nor a release's or a value date.
        assert!(!date(
            "Wairimu Tchakounte called. 19/08/2027 is the go-live.",
            "19/08/2027"
        ));
        assert!(!date("Payer: Wairimu Tchakounte   Date: 12-Mar-2027", "12-Mar-2027"));
        assert!(!date(
            "Wairimu Tchakounte shipped version 3.2 on 5 May 2027.",
            "5 May 2027"
        ));
        assert!(!date(
            "Transfer from Wairimu Tchakounte, value date 5 May 2027.",
            "5 May 2027"
        ));
    }

    #[test]
    fn a_date_in_a_table_row_that_names_a_person_is_theirs() {
        let r = registry();
        let date = |text: &str, value: &str| found(&r, text).contains(&("DATE".into(), value.into()));
        assert!(date(
            "| Nachname | Vorname | Datum | Telefon |\n| OYELARAN | Wairimu | 03.04.1961 | 4 12 34 56 7 |",
            "03.04.1961"
        ));
        // Not a row without a person, nor a release's date in a row.
        assert!(!date("| Build | 4.2.1 | 03.04.2027 | green |", "03.04.2027"));
        assert!(!date(
            "| Wairimu Tchakounte | release date | 03.04.2027 |",
            "03.04.2027"
        ));
    }

    #[test]
    fn resolution_is_deterministic_and_disjoint() {
        let a = |k: Kind, s, e, score| Candidate {
            kind: k.into(),
            start: s,
            end: e,
            score,
            detector: "t",
        };
        let set = vec![
            a(Kind::Phone, 0, 10, 0.6),
            a(Kind::CreditCard, 0, 19, 0.9),
            a(Kind::Person, 20, 25, 0.8),
            a(Kind::Date, 22, 30, 0.8),
        ];
        let mut rev = set.clone();
        rev.reverse();
        let one: Vec<_> = resolve(set).into_iter().map(|c| (c.kind, c.start)).collect();
        let two: Vec<_> = resolve(rev).into_iter().map(|c| (c.kind, c.start)).collect();
        assert_eq!(one, two);
        assert_eq!(one, vec![(Kind::CreditCard.into(), 0), (Kind::Date.into(), 22)]);
    }

    #[test]
    fn a_name_inside_a_street_line_is_the_street() {
        let r = registry();
        let text = "Mi sono trasferito in Via Dante Alighieri 11, 40122 Bologna.";
        let f = found(&r, text);
        assert!(
            f.contains(&("STREET_ADDRESS".into(), "Via Dante Alighieri 11".into())),
            "{f:?}"
        );
        assert!(!f.iter().any(|(e, _)| e == "PERSON"), "{f:?}");
    }

    #[test]
    fn spans_map_back_to_the_obfuscated_original() {
        let r = registry();
        let text = "card 4111\u{200B}1111 1111\u{00AD}1111 and mail jane\\u0040example.com";
        let f = found(&r, text);
        assert!(
            f.contains(&("CREDIT_CARD".into(), "4111\u{200B}1111 1111\u{00AD}1111".into())),
            "{f:?}"
        );
        assert!(f.contains(&("EMAIL".into(), "jane\\u0040example.com".into())), "{f:?}");
    }

    #[test]
    fn config_disables_and_thresholds() {
        let cfg: DetectorsConfig =
            serde_json::from_str(r#"{"disable": ["EMAIL"], "thresholds": {"PHONE": 0.99}}"#).unwrap();
        let r = Registry::new(&cfg).unwrap();
        let f = found(&r, "mail a@b.com or (415) 555-0132");
        assert!(f.is_empty(), "{f:?}");
        assert!(!r.entities().contains(&Entity::Builtin(Kind::Email)));
    }

    #[test]
    fn custom_regex_and_dictionary_recognizers() {
        let cfg: DetectorsConfig = serde_json::from_str(
            r#"{"custom": [
                {"entity": "EMPLOYEE_ID", "categories": ["PII"], "pattern": "\\bEMP-\\d{6}\\b", "context": ["employee"], "score": 0.55, "context_score": 0.9},
                {"entity": "PROJECT_CODENAME", "categories": ["SECRET"], "words": ["bluebird", "nightjar"], "score": 0.8}
            ]}"#,
        )
        .unwrap();
        let r = Registry::new(&cfg).unwrap();
        let f = r.scan(
            "employee EMP-123456 on Bluebird, not bluebirds; and in another paragraph far away from it: EMP-654321",
        );
        let got: Vec<_> = f.iter().map(|f| (f.entity.as_str().to_string(), f.score)).collect();
        assert_eq!(
            got,
            vec![
                ("EMPLOYEE_ID".into(), 0.9),
                ("PROJECT_CODENAME".into(), 0.8),
                ("EMPLOYEE_ID".into(), 0.55)
            ]
        );
        assert!(r.categories(&f[1].entity).contains(Category::Secret));
    }

    #[test]
    fn bad_config_is_refused_with_the_key() {
        for (json, needle) in [
            (r#"{"disable": ["EMAIL_ADDRESS"]}"#, "EMAIL_ADDRESS"),
            (r#"{"thresholds": {"PHONE": 1.5}}"#, "PHONE"),
            (r#"{"custom": [{"entity": "X_ID", "pattern": "("}]}"#, "X_ID"),
            (r#"{"custom": [{"entity": "EMAIL", "pattern": "x"}]}"#, "EMAIL"),
            (r#"{"custom": [{"entity": "Y_ID"}]}"#, "Y_ID"),
        ] {
            let cfg: DetectorsConfig = serde_json::from_str(json).unwrap();
            let err = Registry::new(&cfg).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains(needle), "{json}: {err}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let r = registry();
        for t in conformance::ODD_INPUTS {
            let _ = r.scan(t);
        }
    }

    #[test]
    fn encoded_values_are_found_and_cover_the_whole_encoding() {
        let r = registry();
        for (text, entity, value) in [
            ("his SSN is 536%2D22%2D1234 ok", "US_SSN", "536%2D22%2D1234"),
            ("his number is %35%33%36-22-1234.", "US_SSN", "%35%33%36-22-1234"),
            (
                "SSN &#53;&#x33;6&ndash;22&#45;1234",
                "US_SSN",
                "&#53;&#x33;6&ndash;22&#45;1234",
            ),
            (
                "mail jane&commat;example&period;com",
                "EMAIL",
                "jane&commat;example&period;com",
            ),
            ("SSN ٥٣٦-٢٢-١٢٣٤", "US_SSN", "٥٣٦-٢٢-١٢٣٤"),
            ("card ४१११ ११११ ११११ ११११", "CREDIT_CARD", "४१११ ११११ ११११ ११११"),
            (
                "SSN 5\u{E0033}36-2\u{FE0F}2-12\u{0301}34",
                "US_SSN",
                "5\u{E0033}36-2\u{FE0F}2-12\u{0301}34",
            ),
            (
                "decode this: U1NOIDUzNi0yMi0xMjM0 please",
                "US_SSN",
                "U1NOIDUzNi0yMi0xMjM0",
            ),
            (
                "payload bXkgY2FyZCBpcyA0MTExIDExMTEgMTExMSAxMTEx",
                "CREDIT_CARD",
                "bXkgY2FyZCBpcyA0MTExIDExMTEgMTExMSAxMTEx",
            ),
            (
                "to: amFuZS5kb2VAZXhhbXBsZS5jb20=",
                "EMAIL",
                "amFuZS5kb2VAZXhhbXBsZS5jb20=",
            ),
            (
                "twice VTFOT0lEVXpOaTB5TWkweE1qTTA=",
                "US_SSN",
                "VTFOT0lEVXpOaTB5TWkweE1qTTA=",
            ),
        ] {
            let f = found(&r, text);
            assert!(f.contains(&(entity.into(), value.into())), "{text}: {f:?}");
        }
    }

    #[test]
    fn ordinary_text_with_encodings_finds_nothing() {
        let r = registry();
        for text in [
            "Save 50% on AT&T plans &amp; more, see &lt;terms&gt;.",
            "Query: q=red%20shoes%2C%20size%2042&sort=asc&page=2",
            "Build HelloWorldExampleApplication from AbstractSingletonProxyFactoryBean.",
            "commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==",
            "पृष्ठ ३ पर देखें, अध्याय १२",
        ] {
            let f = found(&r, text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
    }
}
