//! Evaluation: the facts of one request in, a decision out.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use cordon_detectors::clinical::Signals;
use cordon_detectors::Finding;

use crate::policy::{ActionKind, Cond, Policy};

/// What is known of a request when it is decided. Borrowed: building one
/// copies nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts<'a> {
    /// What the detectors found (offsets only; values are not needed here).
    pub findings: &'a [Finding],
    /// The texts the model would read, for `words` and `context` conditions.
    pub texts: &'a [&'a str],
    pub tenant: Option<&'a str>,
    pub client: Option<&'a str>,
    /// Upper case (`EU`, `US`, `UK`).
    pub jurisdiction: Option<&'a str>,
    /// The model the client asked for.
    pub model: &'a str,
    /// `chat_completions`, `completions`, `embeddings`, `responses` or `messages`.
    pub endpoint: &'a str,
    /// Kinds of the parts that cannot be scanned (`image`, `audio`, `file`, `base64`).
    pub unscannable: &'a [&'a str],
}

/// The outcome of a policy for one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub action: ActionKind,
    /// The route the deciding rule names; `None`: the action's usual route.
    pub route: Option<Arc<str>>,
    /// The rule's id, or `default`, `on_error`, `unscannable`.
    pub rule: Arc<str>,
    /// Why, in words (names and counts, never values). Filled by
    /// [`Policy::explain`]; empty from [`Policy::evaluate`].
    pub reasons: Vec<String>,
}

struct Ev<'a, 'f> {
    policy: &'a Policy,
    facts: &'a Facts<'f>,
    /// Which word sets occur in the texts; computed on first need.
    words: OnceCell<Vec<bool>>,
    /// The clinical context of the texts; computed on first need.
    context: OnceCell<Signals>,
}

impl Policy {
    /// Decides a request. The hot path: no reasons are written.
    pub fn evaluate(&self, facts: &Facts<'_>) -> Decision {
        self.decide(facts, None)
    }

    /// Decides a request and says why.
    pub fn explain(&self, facts: &Facts<'_>) -> Decision {
        let mut reasons = Vec::new();
        let mut d = self.decide(facts, Some(&mut reasons));
        d.reasons = reasons;
        d
    }

    /// The decision when the request could not be classified (a detector
    /// failed or ran out of time): the policy's `on_error` action.
    pub fn on_error(&self, why: &str) -> Decision {
        Decision {
            action: self.on_error.kind,
            route: self.on_error.route.clone(),
            rule: Arc::from("on_error"),
            reasons: vec![format!(
                "the request could not be classified ({why}): on_error is `{}`",
                self.on_error.kind
            )],
        }
    }

    fn decide(&self, facts: &Facts<'_>, mut trace: Option<&mut Vec<String>>) -> Decision {
        let ev = Ev {
            policy: self,
            facts,
            words: OnceCell::new(),
            context: OnceCell::new(),
        };
        let mut chosen = None;
        for r in &self.rules {
            let mut local = trace.as_ref().map(|_| Vec::new());
            if ev.cond(&r.when, local.as_mut()) {
                if let (Some(t), Some(mut l)) = (trace.as_deref_mut(), local) {
                    t.push(format!("rule `{}` matched", r.id));
                    t.append(&mut l);
                }
                chosen = Some(r);
                break;
            }
        }
        let (action, route, rule, mentions) = match chosen {
            Some(r) => (r.then.kind, r.then.route.clone(), r.id.clone(), r.mentions_unscannable),
            None => {
                if let Some(t) = trace.as_deref_mut() {
                    t.push(format!("no rule matched: the default is `{}`", self.default.kind));
                }
                (
                    self.default.kind,
                    self.default.route.clone(),
                    Arc::from("default"),
                    false,
                )
            }
        };
        if !facts.unscannable.is_empty() && !mentions && self.unscannable.kind.strictness() > action.strictness() {
            if let Some(t) = trace {
                t.push(format!(
                    "{} cannot be scanned and no rule speaks of it: `unscannable` is `{}`, stricter than `{action}`",
                    describe_unscannable(facts.unscannable),
                    self.unscannable.kind
                ));
            }
            return Decision {
                action: self.unscannable.kind,
                route: self.unscannable.route.clone(),
                rule: Arc::from("unscannable"),
                reasons: Vec::new(),
            };
        }
        Decision {
            action,
            route,
            rule,
            reasons: Vec::new(),
        }
    }
}

fn describe_unscannable(kinds: &[&str]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for k in kinds {
        *counts.entry(k).or_insert(0) += 1;
    }
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k} part(s)")).collect();
    parts.join(", ")
}

/// `PERSON ×2, DATE ×1` for the findings that `keep` selects.
fn describe<'f>(findings: impl Iterator<Item = &'f Finding>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *counts.entry(f.entity.as_str()).or_insert(0) += 1;
    }
    let mut s = String::new();
    for (i, (e, n)) in counts.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{e} ×{n}");
    }
    s
}

impl Ev<'_, '_> {
    fn cond(&self, c: &Cond, mut trace: Option<&mut Vec<String>>) -> bool {
        let f = self.facts;
        // Cheap, request-level keys first.
        if let Some(list) = &c.tenant {
            if !f.tenant.is_some_and(|t| list.iter().any(|x| x == t)) {
                return false;
            }
            note(&mut trace, || format!("tenant is `{}`", f.tenant.unwrap_or("")));
        }
        if let Some(list) = &c.client {
            if !f.client.is_some_and(|t| list.iter().any(|x| x == t)) {
                return false;
            }
            note(&mut trace, || format!("client is `{}`", f.client.unwrap_or("")));
        }
        if let Some(list) = &c.jurisdiction {
            if !f.jurisdiction.is_some_and(|t| list.iter().any(|x| x == t)) {
                return false;
            }
            note(&mut trace, || {
                format!("jurisdiction is {}", f.jurisdiction.unwrap_or(""))
            });
        }
        if let Some(list) = &c.endpoint {
            if !list.iter().any(|x| x == f.endpoint) {
                return false;
            }
            note(&mut trace, || format!("endpoint is {}", f.endpoint));
        }
        if let Some(list) = &c.model {
            if !list.iter().any(|p| glob(p, f.model)) {
                return false;
            }
            note(&mut trace, || format!("model `{}` is listed", f.model));
        }
        if let Some(want) = c.unscannable {
            if f.unscannable.is_empty() == want {
                return false;
            }
            note(&mut trace, || {
                if want {
                    format!("{} cannot be scanned", describe_unscannable(f.unscannable))
                } else {
                    "every part could be scanned".to_string()
                }
            });
        }
        if let Some(es) = &c.entities {
            let hit = |x: &&Finding| x.score >= c.min_score && es.contains(&x.entity);
            if (f.findings.iter().filter(hit).count() as u32) < c.min_count {
                return false;
            }
            note(&mut trace, || {
                format!("found {}", describe(f.findings.iter().filter(hit)))
            });
        }
        if let Some(cs) = c.categories {
            let hit = |x: &&Finding| x.score >= c.min_score && x.categories.intersects(cs);
            if (f.findings.iter().filter(hit).count() as u32) < c.min_count {
                return false;
            }
            note(&mut trace, || {
                let names: Vec<&str> = cs.iter().map(|c| c.as_str()).collect();
                format!(
                    "found {} data: {}",
                    names.join("/"),
                    describe(f.findings.iter().filter(hit))
                )
            });
        }
        if c.any_finding {
            let hit = |x: &&Finding| x.score >= c.min_score;
            if (f.findings.iter().filter(hit).count() as u32) < c.min_count {
                return false;
            }
            note(&mut trace, || {
                format!("found {}", describe(f.findings.iter().filter(hit)))
            });
        }
        if let Some(set) = c.words {
            if !self.word_sets().get(set).copied().unwrap_or(false) {
                return false;
            }
            note(&mut trace, || {
                let n = self.policy.words.get(set).map_or(0, |w| w.words.len());
                format!("the text uses a word from the rule's list of {n}")
            });
        }
        if let Some(want) = c.context {
            let have = self.context();
            if !have.intersects(want) {
                return false;
            }
            note(&mut trace, || {
                format!("the text has clinical context ({})", have.intersection(want))
            });
        }
        for child in &c.all {
            if !self.cond(child, trace.as_deref_mut()) {
                return false;
            }
        }
        if !c.any.is_empty() {
            let mut matched = false;
            for child in &c.any {
                let mut local = trace.as_ref().map(|_| Vec::new());
                if self.cond(child, local.as_mut()) {
                    if let (Some(t), Some(mut l)) = (trace.as_deref_mut(), local) {
                        t.append(&mut l);
                    }
                    matched = true;
                    break;
                }
            }
            if !matched {
                return false;
            }
        }
        if let Some(n) = &c.not {
            if self.cond(n, None) {
                return false;
            }
            note(&mut trace, || "the `not` condition does not hold".to_string());
        }
        true
    }

    fn context(&self) -> Signals {
        *self.context.get_or_init(|| match self.policy.clinical {
            Some(c) => c.scan_all(self.facts.texts),
            None => Signals::default(),
        })
    }

    fn word_sets(&self) -> &[bool] {
        self.words.get_or_init(|| {
            let mut seen = vec![false; self.policy.words.len()];
            if let Some(ac) = &self.policy.word_ac {
                for text in self.facts.texts {
                    for m in ac.find_overlapping_iter(*text) {
                        let owner = self.policy.word_owner.get(m.pattern().as_usize()).copied();
                        let Some(owner) = owner else { continue };
                        if !seen[owner] && whole_word(text, m.start(), m.end()) {
                            seen[owner] = true;
                        }
                    }
                }
            }
            seen
        })
    }
}

fn note(trace: &mut Option<&mut Vec<String>>, make: impl FnOnce() -> String) {
    if let Some(t) = trace {
        t.push(make());
    }
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// `*` matches any run of characters; everything else matches itself.
pub(crate) fn glob(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let Some(first) = parts.next() else {
        return text.is_empty();
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = parts.collect();
    if pieces.is_empty() {
        return rest.is_empty();
    }
    for (i, p) in pieces.iter().enumerate() {
        if i + 1 == pieces.len() {
            return rest.ends_with(p);
        }
        match rest.find(p) {
            Some(at) => rest = &rest[at + p.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("gpt-4o*", "gpt-4o-mini"));
        assert!(glob("*mini", "gpt-4o-mini"));
        assert!(glob("gpt-*-mini", "gpt-4o-mini"));
        assert!(glob("gpt-4o-mini", "gpt-4o-mini"));
        assert!(!glob("gpt-4o", "gpt-4o-mini"));
        assert!(!glob("claude*", "gpt-4o"));
        assert!(glob("*", ""));
    }

    #[test]
    fn whole_words() {
        assert!(whole_word("the patient is", 4, 11));
        assert!(!whole_word("outpatients", 3, 10));
        assert!(whole_word("patient.", 0, 7));
    }
}
