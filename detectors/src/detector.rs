//! The one interface every recognizer stage implements.
//!
//! Like ripgrep's `Matcher`, it is small on purpose: a stage reads a
//! normalized text with its context words and what the stages before it
//! found, and appends candidates (an entity, a byte span, a score, its own
//! name). A stage never returns a copy of the text: [`Candidate`] has no
//! field that could hold one. Thresholds, overlaps and the way back to the
//! original bytes are the [`crate::Registry`]'s, the same for every stage.
//!
//! Every stage a registry runs is listed by [`crate::Registry::detectors`],
//! and [`crate::conformance`] checks each of them on the same texts: a new
//! stage is checked as soon as the registry runs it.

use crate::context::Context;
use crate::{Candidate, ScanError};

/// What a stage reads.
pub struct Input<'a> {
    /// The normalized text ([`crate::normalize::Normalized::text`]).
    pub text: &'a str,
    /// The context words found in it.
    pub context: &'a Context<'a>,
    /// What the stages before this one found, above their thresholds.
    pub found: &'a [Candidate],
    /// What the stages of this scan compute once and share.
    pub shared: &'a Shared,
}

/// Work that more than one stage of a scan needs, done at most once per
/// scan, by whichever stage needs it first.
#[derive(Default)]
pub struct Shared {
    /// The spans of every date-shaped match in the text (the patterns
    /// stage's dates rule and the care stage read the same ones).
    pub(crate) dates: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// A recognizer stage.
pub trait Detector: Send + Sync {
    /// A short name for reports and the conformance suite (`numbers`,
    /// `patterns`, `names`, `custom`, `learned`); the detectors named in its
    /// candidates are finer (`card.luhn`, `names.context`).
    fn name(&self) -> &'static str;

    /// Appends the candidates of `input.text` to `out`. Spans are byte
    /// offsets into `input.text`, on character boundaries, `start < end`.
    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError>;

    /// Whether the stage can fail (a learned model): such stages run only in
    /// [`crate::Registry::try_scan`], whose caller fails closed.
    fn fallible(&self) -> bool {
        false
    }
}

/// Digit runs checked against each identifier's shape and check digits.
pub(crate) struct Numbers;

impl Detector for Numbers {
    fn name(&self) -> &'static str {
        "numbers"
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        crate::numbers::scan(input.text, input.context, out);
        Ok(())
    }
}

impl Detector for crate::patterns::Patterns {
    fn name(&self) -> &'static str {
        "patterns"
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        self.scan_shared(input.text, input.context, input.shared, out);
        Ok(())
    }
}

impl Detector for crate::patterns::Care {
    fn name(&self) -> &'static str {
        "care"
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        self.scan_shared(input.text, input.context, input.found, input.shared, out);
        Ok(())
    }
}

impl Detector for crate::names::Names {
    fn name(&self) -> &'static str {
        "names"
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        self.scan(input.text, input.context, input.found, out);
        Ok(())
    }
}
