//! What the shadow (candidate) policies would have decided differently,
//! read from the trail alone: `cordon audit shadow` and the console's
//! Policies → Shadow page. No content is needed: the decision records hold
//! the entity types and counts, and each shadow's action, rule and route.
//!
//! Which shadows were in force at a decision follows from the `policy`
//! records: a shadow record (`shadow: true`) puts its policy in force for
//! its file (replacing the one read from that file before); an enforced
//! record with reason `start` (a proxy starting) ends every shadow. A shadow
//! in force that a decision record does not list decided as the policy in
//! force did (`shadow_record: differences`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::{AuditError, Body, DecisionRecord};

/// Example decision ids kept per pair.
pub const EXAMPLES: usize = 5;
/// The width of the time buckets kept for charts.
pub const MINUTE_MS: u64 = 60_000;

/// What to read: a period, and optionally one shadow (its hash, or a prefix
/// of its hex of at least 6 digits).
#[derive(Debug, Default, Clone)]
pub struct ShadowFilter {
    pub from_ms: Option<u64>,
    pub to_ms: Option<u64>,
    pub policy: Option<String>,
}

/// Where a request goes: `local`, `blocked` or `cloud`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Local,
    Blocked,
    Cloud,
}

impl Outcome {
    fn of(zone: &str, action: &str) -> Outcome {
        match (action, zone) {
            ("block", _) => Outcome::Blocked,
            (_, "local") => Outcome::Local,
            (_, "cloud") => Outcome::Cloud,
            _ => Outcome::Blocked,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Local => "local",
            Outcome::Blocked => "blocked",
            Outcome::Cloud => "cloud",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Whether the shadow would send out what the policy in force keeps: to
/// the cloud where it keeps the request on premises or blocks it, or in
/// clear where it pseudonymizes.
pub fn loosens(enforced_zone: &str, enforced_action: &str, shadow_zone: &str, shadow_action: &str) -> bool {
    shadow_zone == "cloud"
        && shadow_action != "block"
        && (enforced_zone != "cloud"
            || enforced_action == "block"
            || (enforced_action == "pseudonymize" && shadow_action == "cloud"))
}

/// One (enforced action/rule → shadow action/rule) pair.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Pair {
    pub enforced_action: String,
    pub enforced_rule: String,
    pub shadow_action: String,
    pub shadow_rule: String,
    pub count: u64,
    /// The first decision ids, at most [`EXAMPLES`].
    pub examples: Vec<String>,
    /// Entity types in these requests, with how many findings of each.
    pub entities: BTreeMap<String, u64>,
    /// Requests of this pair that the shadow would send out where the policy
    /// in force keeps them (see [`loosens`]).
    pub loosening: u64,
}

/// One shadow policy over the period.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ShadowStats {
    pub hash: String,
    pub name: String,
    pub file: Option<String>,
    /// When it first came into force as a shadow (ms since the epoch).
    pub since_ms: u64,
    /// Decisions of the period made while it was in force.
    pub decisions: u64,
    /// Of those, how many it would have decided otherwise.
    pub differing: u64,
    pub loosening: u64,
    /// Where it would have sent the requests: local, blocked, cloud.
    pub outcomes: BTreeMap<Outcome, u64>,
    /// Where the policy in force sent the same requests.
    pub enforced: BTreeMap<Outcome, u64>,
    /// Pairs, most frequent first.
    pub pairs: Vec<Pair>,
    /// Per minute (start, ms): what it would have done, [local, blocked, cloud].
    #[serde(skip)]
    pub minutes: BTreeMap<u64, [u64; 3]>,
}

impl ShadowStats {
    fn add(&mut self, id: &str, d: &DecisionRecord, ts_ms: u64, shadow: Option<&super::ShadowDecision>) {
        self.decisions += 1;
        let enforced = Outcome::of(&d.zone, &d.action);
        *self.enforced.entry(enforced).or_default() += 1;
        let outcome = match shadow {
            Some(s) => Outcome::of(&s.zone, &s.action),
            None => enforced,
        };
        *self.outcomes.entry(outcome).or_default() += 1;
        if let Some(m) = self
            .minutes
            .entry(ts_ms - ts_ms % MINUTE_MS)
            .or_default()
            .get_mut(outcome.index())
        {
            *m += 1;
        }
        let Some(s) = shadow else { return };
        if s.action == d.action && s.rule == d.rule && s.route.as_deref().unwrap_or("") == d.route {
            return; // listed because `shadow_record: always`
        }
        self.differing += 1;
        let loose = loosens(&d.zone, &d.action, &s.zone, &s.action);
        self.loosening += u64::from(loose);
        let at = self.pairs.iter().position(|p| {
            p.enforced_action == d.action
                && p.enforced_rule == d.rule
                && p.shadow_action == s.action
                && p.shadow_rule == s.rule
        });
        let pair = match at {
            Some(i) => &mut self.pairs[i],
            None => {
                self.pairs.push(Pair {
                    enforced_action: d.action.clone(),
                    enforced_rule: d.rule.clone(),
                    shadow_action: s.action.clone(),
                    shadow_rule: s.rule.clone(),
                    ..Pair::default()
                });
                let last = self.pairs.len() - 1;
                &mut self.pairs[last]
            }
        };
        pair.count += 1;
        pair.loosening += u64::from(loose);
        if pair.examples.len() < EXAMPLES {
            pair.examples.push(id.to_string());
        }
        for (e, n) in &d.entities {
            *pair.entities.entry(e.clone()).or_default() += u64::from(*n);
        }
    }
}

/// Every shadow seen in the trail, in the order they came into force.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Summary {
    pub shadows: Vec<ShadowStats>,
}

impl Summary {
    pub fn get(&self, hash: &str) -> Option<&ShadowStats> {
        self.shadows.iter().find(|s| s.hash == hash)
    }
}

/// Whether `hash` is the one `wanted` names (whole, or a hex prefix of 6+).
pub fn hash_matches(hash: &str, wanted: &str) -> bool {
    let hex = |h: &str| h.strip_prefix("sha256:").unwrap_or(h).to_ascii_lowercase();
    let (h, w) = (hex(hash), hex(wanted));
    w.len() >= 6 && h.starts_with(&w)
}

/// Reads the trail in `dir` and sums up each shadow over the period.
pub fn summarize(dir: &Path, filter: &ShadowFilter) -> Result<Summary, AuditError> {
    // file -> hash of the shadow read from it, in force now.
    let mut in_force: BTreeMap<String, String> = BTreeMap::new();
    let mut stats: Vec<ShadowStats> = Vec::new();
    let wanted = |h: &str| filter.policy.as_deref().is_none_or(|w| hash_matches(h, w));
    super::read::for_each(dir, |e| match &e.body {
        Body::Policy(p) if !p.shadow && p.reason == "start" => in_force.clear(),
        Body::Policy(p) if !p.shadow => {}
        Body::Policy(p) => {
            in_force.insert(p.file.clone().unwrap_or_default(), p.hash.clone());
            if wanted(&p.hash) && !stats.iter().any(|s| s.hash == p.hash) {
                stats.push(ShadowStats {
                    hash: p.hash.clone(),
                    name: p.name.clone(),
                    file: p.file.clone(),
                    since_ms: e.ts_ms,
                    ..ShadowStats::default()
                });
            }
        }
        Body::Decision(d) => {
            if filter.from_ms.is_some_and(|f| e.ts_ms < f) || filter.to_ms.is_some_and(|t| e.ts_ms >= t) {
                return;
            }
            for s in stats.iter_mut() {
                let listed = d.shadows.iter().find(|x| x.policy_hash == s.hash);
                if listed.is_some() || in_force.values().any(|h| *h == s.hash) {
                    s.add(&d.id, d, e.ts_ms, listed);
                }
            }
        }
        _ => {}
    })?;
    for s in &mut stats {
        s.pairs.sort_by_key(|p| std::cmp::Reverse(p.count));
    }
    Ok(Summary { shadows: stats })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{Entry, PolicyRecord, ShadowDecision, GENESIS};

    fn write(dir: &Path, bodies: Vec<(u64, Body)>) {
        let mut text = String::new();
        for (i, (ts, body)) in bodies.into_iter().enumerate() {
            let e = Entry {
                seq: i as u64 + 1,
                ts_ms: ts,
                prev: GENESIS.into(),
                body,
            };
            text.push_str(&serde_json::to_string(&e).unwrap());
            text.push('\n');
        }
        std::fs::write(dir.join(crate::audit::segment_name(1)), text).unwrap();
    }

    fn policy(hash: &str, file: &str, shadow: bool, reason: &str) -> Body {
        Body::Policy(PolicyRecord {
            hash: hash.into(),
            name: file.into(),
            file: Some(file.into()),
            reason: reason.into(),
            shadow,
            ..PolicyRecord::default()
        })
    }

    fn decision(id: &str, action: &str, zone: &str, shadows: Vec<ShadowDecision>) -> Body {
        Body::Decision(Box::new(DecisionRecord {
            id: id.into(),
            action: action.into(),
            zone: zone.into(),
            route: if zone == "none" { String::new() } else { zone.into() },
            rule: "r".into(),
            entities: [("EMAIL_ADDRESS".to_string(), 2)].into_iter().collect(),
            shadows,
            ..DecisionRecord::default()
        }))
    }

    fn to_cloud(hash: &str) -> ShadowDecision {
        ShadowDecision {
            policy_hash: hash.into(),
            action: "cloud".into(),
            rule: "default".into(),
            route: Some("cloud".into()),
            zone: "cloud".into(),
        }
    }

    #[test]
    fn counts_pairs_outcomes_and_loosening_and_ends_shadows_at_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            vec![
                (1_000, policy("sha256:aaaaaa01", "p.yaml", false, "start")),
                (1_000, policy("sha256:bbbbbb01", "s.yaml", true, "start")),
                (
                    2_000,
                    decision("d1", "local", "local", vec![to_cloud("sha256:bbbbbb01")]),
                ),
                (3_000, decision("d2", "cloud", "cloud", vec![])),
                (
                    4_000,
                    decision("d3", "block", "none", vec![to_cloud("sha256:bbbbbb01")]),
                ),
                // A restart without the shadow: it is no longer in force.
                (5_000, policy("sha256:aaaaaa01", "p.yaml", false, "start")),
                (6_000, decision("d4", "local", "local", vec![])),
            ],
        );
        let s = summarize(dir.path(), &ShadowFilter::default()).unwrap();
        let st = s.get("sha256:bbbbbb01").unwrap();
        assert_eq!((st.decisions, st.differing, st.loosening), (3, 2, 2));
        assert_eq!(st.outcomes.get(&Outcome::Cloud), Some(&3));
        assert_eq!(st.enforced.get(&Outcome::Local), Some(&1));
        assert_eq!(st.pairs.len(), 2);
        assert_eq!(st.pairs[0].examples.len(), 1);
        assert_eq!(st.pairs[0].entities["EMAIL_ADDRESS"], 2);
        // A period, and a hash prefix.
        let f = ShadowFilter {
            from_ms: Some(2_500),
            to_ms: None,
            policy: Some("bbbbbb".into()),
        };
        let s = summarize(dir.path(), &f).unwrap();
        assert_eq!(s.shadows.len(), 1);
        assert_eq!(s.shadows[0].decisions, 2);
        let f = ShadowFilter {
            policy: Some("aaaaaa".into()),
            ..ShadowFilter::default()
        };
        assert!(summarize(dir.path(), &f).unwrap().shadows.is_empty());
        assert!(
            !hash_matches("sha256:bbbbbb01", "bbb"),
            "too short a prefix names nothing"
        );
    }

    #[test]
    fn loosening_is_going_out_where_the_policy_in_force_keeps_or_masks() {
        assert!(loosens("local", "local", "cloud", "cloud"));
        assert!(loosens("none", "block", "cloud", "pseudonymize"));
        assert!(loosens("cloud", "pseudonymize", "cloud", "cloud"));
        assert!(!loosens("cloud", "cloud", "local", "local"));
        assert!(!loosens("cloud", "cloud", "cloud", "pseudonymize"));
        assert!(!loosens("local", "local", "none", "block"));
    }
}
