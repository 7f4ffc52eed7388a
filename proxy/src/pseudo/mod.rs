//! Pseudonymization: the `pseudonymize` action.
//!
//! Before a request goes to a cloud upstream, every detected value in every
//! text the model reads is replaced by a placeholder (`[PERSON_1]`, or a
//! format-preserving surrogate), the same value by the same placeholder
//! across the request and, through the [`vault::Vault`], across the turns of
//! a conversation. A second pass replaces every remaining exact occurrence of
//! a replaced value anywhere in the body, whether the detectors flagged that
//! occurrence or not. The answer is restored by [`restore`] before the client
//! sees it, in JSON bodies and SSE streams.
//!
//! Values live only in [`Mapping`] (zeroed on drop) and, encrypted, in the
//! vault. Nothing here logs; errors name pointers, never content.

pub mod restore;
pub mod surrogate;
pub mod vault;

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasher;

use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use crate::api::{value_at_mut, Endpoint, Origin, ParsedRequest, TextPart};
use crate::classify::ContentSummary;
pub use crate::config::pseudo::{PseudoConfig, Style};

/// One replaced value.
pub struct Entry {
    pub entity: String,
    /// The normalized form that decides "same value".
    pub canonical: Zeroizing<String>,
    /// The value as first seen: what the answer gets back.
    pub original: Zeroizing<String>,
    pub placeholder: String,
}

/// Values and their placeholders, for one request or one conversation.
#[derive(Default)]
pub struct Mapping {
    pub entries: Vec<Entry>,
    by_canonical: HashMap<u64, Vec<usize>>,
    by_placeholder: HashMap<String, usize>,
    next: BTreeMap<String, u32>,
    hasher: RandomState,
}

impl std::fmt::Debug for Mapping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the values.
        f.debug_struct("Mapping").field("entries", &self.entries.len()).finish()
    }
}

impl Mapping {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, canonical: &str) -> Option<usize> {
        let h = self.hasher.hash_one(canonical);
        self.by_canonical
            .get(&h)?
            .iter()
            .copied()
            .find(|&i| self.entries.get(i).is_some_and(|e| *e.canonical == canonical))
    }

    /// Adds an entry as it was stored (vault) or made (here).
    pub fn push(&mut self, entity: String, canonical: String, original: String, placeholder: String) {
        let idx = self.entries.len();
        let h = self.hasher.hash_one(canonical.as_str());
        self.by_canonical.entry(h).or_default().push(idx);
        self.by_placeholder.insert(placeholder.clone(), idx);
        if let Some(n) = token_number(&placeholder, &entity) {
            let next = self.next.entry(entity.clone()).or_insert(1);
            *next = (*next).max(n + 1);
        }
        self.entries.push(Entry {
            entity,
            canonical: Zeroizing::new(canonical),
            original: Zeroizing::new(original),
            placeholder,
        });
    }

    /// The placeholder of a value: the one it already has, else a new one
    /// (a surrogate never equal to a value in `avoid`: the request's other values).
    /// Returns its index and whether it is new.
    pub fn placeholder_for(
        &mut self,
        entity: &str,
        value: &str,
        style: Style,
        rng: &mut surrogate::Rng,
        avoid: &HashSet<&str>,
    ) -> (usize, bool) {
        let canonical = cordon_detectors::normalize::canonical(value);
        let canonical = if canonical.is_empty() {
            value.to_string()
        } else {
            canonical
        };
        if let Some(i) = self.find(&canonical) {
            return (i, false);
        }
        let n = {
            let next = self.next.entry(entity.to_string()).or_insert(1);
            let n = *next;
            *next += 1;
            n
        };
        let token = format!("[{entity}_{n}]");
        let placeholder = match style {
            Style::Token => token,
            Style::Surrogate => {
                let mut made = None;
                for _ in 0..16 {
                    let s = surrogate::make(entity, value, n, rng);
                    let clashes = s.is_empty()
                        || s == value
                        || avoid.contains(s.as_str())
                        || self.by_placeholder.contains_key(&s)
                        || self.entries.iter().any(|e| *e.original == s);
                    if !clashes {
                        made = Some(s);
                        break;
                    }
                }
                made.unwrap_or(token)
            }
        };
        self.push(entity.to_string(), canonical, value.to_string(), placeholder);
        (self.entries.len() - 1, true)
    }
}

/// `[ENTITY_N]` -> N when the placeholder is that entity's token.
fn token_number(placeholder: &str, entity: &str) -> Option<u32> {
    placeholder
        .strip_prefix('[')?
        .strip_suffix(']')?
        .strip_prefix(entity)?
        .strip_prefix('_')?
        .parse()
        .ok()
}

/// Why a request could not be pseudonymized (it then fails closed).
#[derive(Debug, thiserror::Error)]
pub enum PseudoError {
    #[error("the text at `{0}` could not be rewritten")]
    Pointer(String),
    #[error("a finding's offsets do not fall on the text at `{0}`")]
    Offsets(String),
    /// A value found in an object key or a number: there is no placeholder
    /// for it that the upstream would take in the same place.
    #[error("a detected value at `{0}` is a key or a number and cannot be replaced")]
    Unreplaceable(String),
}

/// A request, pseudonymized.
pub struct Applied {
    /// The body to send, every detected value replaced.
    pub body: Map<String, Value>,
    /// Every value of the conversation and its placeholder: what the vault keeps.
    pub mapping: Mapping,
    /// The values this request sent and their placeholders: the only ones
    /// an answer to it may get back (a placeholder of an earlier turn, or of
    /// another requester, is left as it is).
    pub sent: Mapping,
    /// Distinct values replaced in this request, by entity type.
    pub counts: BTreeMap<String, u32>,
    /// Occurrences replaced in this request.
    pub replaced: usize,
}

/// Pseudonymizes `req`: the findings of `summary` (offsets into `texts`)
/// first, then every other exact occurrence of a replaced value, in any
/// string of the body but `model`. `mapping` carries earlier turns of the
/// conversation (from the vault) or is empty.
pub fn apply(
    req: &ParsedRequest,
    summary: &ContentSummary,
    texts: &[TextPart<'_>],
    mut mapping: Mapping,
    style: Style,
) -> Result<Applied, PseudoError> {
    let mut rng = surrogate::Rng::from_os();
    let pointer_of = |part: usize| summary.pointers.get(part).cloned().unwrap_or_default();
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let mut seen_here: Vec<bool> = vec![false; mapping.len()];
    // Per text part: (start, end, entry index), in order.
    let mut edits: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); texts.len()];
    let avoid: HashSet<&str> = if style == Style::Surrogate {
        summary
            .findings
            .iter()
            .zip(&summary.finding_parts)
            .filter_map(|(f, &part)| texts.get(part)?.text.get(f.start..f.end))
            .collect()
    } else {
        HashSet::new()
    };
    for (f, &part) in summary.findings.iter().zip(&summary.finding_parts) {
        let Some(t) = texts.get(part) else {
            return Err(PseudoError::Offsets(pointer_of(part)));
        };
        if t.origin != Origin::Value {
            return Err(PseudoError::Unreplaceable(pointer_of(part)));
        }
        let value = t
            .text
            .get(f.start..f.end)
            .ok_or_else(|| PseudoError::Offsets(pointer_of(part)))?;
        let (idx, _) = mapping.placeholder_for(f.entity.as_str(), value, style, &mut rng, &avoid);
        if seen_here.len() <= idx {
            seen_here.resize(idx + 1, false);
        }
        if let Some(seen) = seen_here.get_mut(idx) {
            if !*seen {
                *seen = true;
                *counts.entry(f.entity.as_str().to_string()).or_insert(0) += 1;
            }
        }
        if let Some(e) = edits.get_mut(part) {
            e.push((f.start, f.end, idx));
        }
    }
    let mut root = Value::Object(req.body.clone());
    let mut replaced = 0usize;
    for (i, (part, mut list)) in texts.iter().zip(edits).enumerate() {
        if list.is_empty() {
            continue;
        }
        list.sort_unstable();
        let mut out = String::with_capacity(part.text.len());
        let mut at = 0usize;
        for (start, end, idx) in list {
            if start < at {
                continue; // overlapping findings: the first one already covers it
            }
            let (Some(before), Some(e)) = (part.text.get(at..start), mapping.entries.get(idx)) else {
                return Err(PseudoError::Offsets(pointer_of(i)));
            };
            out.push_str(before);
            out.push_str(&e.placeholder);
            at = end;
            replaced += 1;
        }
        out.push_str(part.text.get(at..).unwrap_or(""));
        match value_at_mut(&mut root, &part.path) {
            Some(Value::String(s)) => *s = out,
            _ => return Err(PseudoError::Pointer(pointer_of(i))),
        }
    }
    // Second pass: a value replaced once is replaced everywhere; one that
    // sits in a key or a number, where no placeholder fits, fails the request.
    let mut used = seen_here;
    used.resize(mapping.len(), false);
    if !mapping.is_empty() {
        let sweeper = Sweeper::new(&mapping);
        if let Value::Object(map) = &mut root {
            for (k, v) in map.iter_mut() {
                if sweeper.sweep(k, &mut used).is_some() {
                    return Err(PseudoError::Unreplaceable("an object key".into()));
                }
                if k != "model" {
                    replaced += sweeper.sweep_value(v, &mut used)?;
                }
            }
        }
    }
    let Value::Object(body) = root else {
        return Err(PseudoError::Pointer(String::new()));
    };
    let mut sent = Mapping::default();
    for (e, _) in mapping.entries.iter().zip(&used).filter(|(_, &u)| u) {
        sent.push(
            e.entity.clone(),
            e.canonical.to_string(),
            e.original.to_string(),
            e.placeholder.clone(),
        );
    }
    Ok(Applied {
        body,
        mapping,
        sent,
        counts,
        replaced,
    })
}

/// Leftmost-longest search for the patterns of one request: a memmem
/// finder each when they are few (built in nanoseconds; an automaton takes
/// tens of microseconds to build), an Aho-Corasick automaton when many.
pub(crate) enum Multi {
    Few(Vec<memchr::memmem::Finder<'static>>),
    Many(AhoCorasick),
}

impl Multi {
    const FEW: usize = 24;

    pub(crate) fn new(patterns: &[&str]) -> Option<Multi> {
        if patterns.is_empty() || patterns.iter().any(|p| p.is_empty()) {
            return None;
        }
        if patterns.len() <= Self::FEW {
            return Some(Multi::Few(
                patterns
                    .iter()
                    .map(|p| memchr::memmem::Finder::new(p).into_owned())
                    .collect(),
            ));
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .ok()
            .map(Multi::Many)
    }

    /// Non-overlapping leftmost-longest matches: (start, end, pattern).
    pub(crate) fn find_all(&self, hay: &str) -> Vec<(usize, usize, usize)> {
        match self {
            Multi::Many(ac) => ac
                .find_iter(hay)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect(),
            Multi::Few(finders) => {
                let mut all: Vec<(usize, usize, usize)> = Vec::new();
                for (i, f) in finders.iter().enumerate() {
                    let len = f.needle().len();
                    all.extend(f.find_iter(hay.as_bytes()).map(|at| (at, at + len, i)));
                }
                if all.len() > 1 {
                    // Leftmost first, then longest; drop what overlaps a kept match.
                    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                    let mut end = 0;
                    all.retain(|m| {
                        let keep = m.0 >= end;
                        if keep {
                            end = m.1;
                        }
                        keep
                    });
                }
                all
            }
        }
    }
}

/// Replaces every whole-word occurrence of a mapped value by its placeholder.
struct Sweeper<'a> {
    ac: Option<Multi>,
    mapping: &'a Mapping,
}

impl<'a> Sweeper<'a> {
    fn new(mapping: &'a Mapping) -> Self {
        let patterns: Vec<&str> = mapping.entries.iter().map(|e| e.original.as_str()).collect();
        Sweeper {
            ac: Multi::new(&patterns),
            mapping,
        }
    }

    /// Replaces mapped values in every string under `v`, marking the
    /// entries it met in `used`. A mapped value inside a key or a number is
    /// an error: it cannot be replaced there and must not leave.
    fn sweep_value(&self, v: &mut Value, used: &mut [bool]) -> Result<usize, PseudoError> {
        match v {
            Value::String(s) => Ok(match self.sweep(s, used) {
                Some((out, n)) => {
                    *s = out;
                    n
                }
                None => 0,
            }),
            Value::Array(items) => items.iter_mut().map(|i| self.sweep_value(i, used)).sum(),
            Value::Object(map) => {
                let mut n = 0;
                for (k, child) in map.iter_mut() {
                    if self.sweep(k, used).is_some() {
                        return Err(PseudoError::Unreplaceable("an object key".into()));
                    }
                    n += self.sweep_value(child, used)?;
                }
                Ok(n)
            }
            Value::Number(num) => {
                if self.sweep(&num.to_string(), used).is_some() {
                    return Err(PseudoError::Unreplaceable("a number".into()));
                }
                Ok(0)
            }
            Value::Null | Value::Bool(_) => Ok(0),
        }
    }

    fn sweep(&self, s: &str, used: &mut [bool]) -> Option<(String, usize)> {
        let ac = self.ac.as_ref()?;
        let mut out: Option<String> = None;
        let mut at = 0usize;
        let mut n = 0usize;
        for (start, end, pattern) in ac.find_all(s) {
            let Some(e) = self.mapping.entries.get(pattern) else {
                continue;
            };
            if !whole_word(s, start, end) {
                continue;
            }
            if let Some(u) = used.get_mut(pattern) {
                *u = true;
            }
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(s.get(at..start).unwrap_or(""));
            o.push_str(&e.placeholder);
            at = end;
            n += 1;
        }
        let mut o = out?;
        o.push_str(s.get(at..).unwrap_or(""));
        Some((o, n))
    }
}

/// Whether `s[start..end]` is not glued to letters or digits on a side where
/// the match itself starts or ends with one ("Ann" is not in "Annual").
fn whole_word(s: &str, start: usize, end: usize) -> bool {
    let inner_first = s.get(start..).and_then(|t| t.chars().next());
    let inner_last = s.get(..end).and_then(|t| t.chars().next_back());
    let before = s.get(..start).and_then(|t| t.chars().next_back());
    let after = s.get(end..).and_then(|t| t.chars().next());
    let glued = |outer: Option<char>, inner: Option<char>| matches!((outer, inner), (Some(o), Some(i)) if o.is_alphanumeric() && i.is_alphanumeric());
    !glued(before, inner_first) && !glued(after, inner_last)
}

/// The bytes that name a conversation: who asks, on which API, and its
/// first turn (system prompt and messages up to the first user message).
/// `None` for single-turn endpoints (completions, embeddings).
pub fn conversation_prefix(req: &ParsedRequest, tenant: Option<&str>, client: Option<&str>) -> Option<Vec<u8>> {
    let mut prefix: Vec<&Value> = Vec::new();
    let msgs: &[Value] = match req.endpoint {
        Endpoint::ChatCompletions | Endpoint::Messages => req.body.get("messages")?.as_array()?,
        Endpoint::Responses => match req.body.get("input")? {
            Value::Array(items) => items,
            v @ Value::String(_) => {
                prefix.push(v);
                &[]
            }
            _ => return None,
        },
        _ => return None,
    };
    for key in ["system", "instructions"] {
        if let Some(v) = req.body.get(key) {
            prefix.push(v);
        }
    }
    for m in msgs {
        prefix.push(m);
        if m.get("role").and_then(Value::as_str) == Some("user") {
            break;
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(tenant.unwrap_or("").as_bytes());
    out.push(0);
    out.extend_from_slice(client.unwrap_or("").as_bytes());
    out.push(0);
    out.extend_from_slice(req.endpoint.as_str().as_bytes());
    out.push(0);
    serde_json::to_writer(&mut out, &prefix).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests;
