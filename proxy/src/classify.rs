//! Classify and decide: the detectors over every text a model would read,
//! the policy over what they found, and the route the decision takes.
//!
//! Shared by the proxy's request path, `POST /cordon/v1/classify`,
//! `cordon explain` and `cordon policy diff`, so that all four decide alike.

use std::collections::BTreeMap;
use std::sync::Arc;

use cordon_detectors::{Finding, Registry};
use cordon_policies::{ActionKind, Facts, Policy};
use secrecy::SecretString;
use serde_json::{json, Value};

use crate::api::{extract, render_pointer, Extracted, HiddenKeys, Origin, ParsedRequest};
use crate::config::{Config, Route, Zone};
use crate::error::ProxyError;

/// A run of base64 this long (or longer) in a text is a blob the detectors
/// cannot read: content that cannot be scanned.
pub const BASE64_BLOB_MIN: usize = 256;

/// What the classify phase saw: counts, findings (offsets only) and keyed
/// fingerprints. Never a value.
#[derive(Debug, Clone, Default)]
pub struct ContentSummary {
    pub text_parts: usize,
    pub text_bytes: usize,
    /// JSON pointer of each text part, by index.
    pub pointers: Vec<String>,
    /// What the detectors found.
    pub findings: Vec<Finding>,
    /// For each finding, the index of its text part in `pointers`.
    pub finding_parts: Vec<usize>,
    /// Parts that cannot be scanned: `image`, `audio`, `file`, `base64`, each with its pointer.
    pub unscannable: Vec<(&'static str, String)>,
    /// Keyed fingerprints of the detected values (when the trail has a key).
    pub fingerprints: Vec<String>,
    /// Set when the detectors failed or ran out of time: the policy's `on_error` applies.
    pub error: Option<&'static str>,
}

impl ContentSummary {
    /// Findings per entity name.
    pub fn entity_counts(&self) -> BTreeMap<String, u32> {
        let mut m = BTreeMap::new();
        for f in &self.findings {
            *m.entry(f.entity.as_str().to_string()).or_insert(0) += 1;
        }
        m
    }

    /// Findings per category (a finding counts once in each of its categories).
    pub fn category_counts(&self) -> BTreeMap<String, u32> {
        let mut m = BTreeMap::new();
        for f in &self.findings {
            for c in f.categories.iter() {
                *m.entry(c.as_str().to_string()).or_insert(0) += 1;
            }
        }
        m
    }

    pub fn unscannable_kinds(&self) -> Vec<&'static str> {
        self.unscannable.iter().map(|(k, _)| *k).collect()
    }

    /// What a block names: entity types, or the kind of content, never values.
    pub fn describe_for_block(&self, rule: &str) -> String {
        match rule {
            "on_error" => "the request could not be classified".to_string(),
            "unscannable" => {
                let mut kinds = self.unscannable_kinds();
                kinds.sort_unstable();
                kinds.dedup();
                format!("it carries content that cannot be scanned ({})", kinds.join(", "))
            }
            _ if self.findings.is_empty() => "the request matches the rule".to_string(),
            _ => {
                let names: Vec<String> = self.entity_counts().into_keys().collect();
                format!("the request contains {}", names.join(", "))
            }
        }
    }
}

/// Runs the detectors over every text of `ex`. Values stay here: what
/// leaves is entities, offsets and keyed fingerprints. Pointers are written
/// after the scan, so that a key in which something was found is never
/// written by name (see [`crate::api::render_pointer`]).
///
/// Fails when the learned recognizer (`detectors.ner`) does: the request is
/// then unclassified and the policy's `on_error` applies.
pub fn scan(
    registry: &Registry,
    key: Option<&SecretString>,
    ex: &Extracted<'_>,
) -> Result<ContentSummary, cordon_detectors::ScanError> {
    let mut s = ContentSummary {
        text_parts: ex.texts.len(),
        text_bytes: ex.text_bytes(),
        ..Default::default()
    };
    let mut hidden = HiddenKeys::default();
    let mut blobs = Vec::new();
    for (i, part) in ex.texts.iter().enumerate() {
        let text: &str = &part.text;
        if base64_blob(text) {
            blobs.push(i);
        }
        for f in registry.try_scan(text)? {
            if let Some(value) = text.get(f.start..f.end) {
                if let Some(key) = key {
                    let canonical = cordon_detectors::normalize::canonical(value);
                    s.fingerprints.push(crate::audit::keys::fingerprint(key, &canonical));
                }
                if part.origin == Origin::Key {
                    hidden.hide(text);
                }
            }
            s.findings.push(f);
            s.finding_parts.push(i);
        }
    }
    s.pointers = ex.texts.iter().map(|t| t.pointer(&hidden)).collect();
    s.unscannable = ex
        .opaque
        .iter()
        .map(|o| (o.kind, render_pointer(&o.path, &hidden)))
        .collect();
    for i in blobs {
        if let Some(p) = s.pointers.get(i) {
            s.unscannable.push(("base64", p.clone()));
        }
    }
    s.fingerprints.sort();
    s.fingerprints.dedup();
    Ok(s)
}

/// The summary of a request that could not be classified (`why`: the
/// detectors failed or ran out of time): counts and pointers only.
pub fn unclassified(ex: &Extracted<'_>, why: &'static str) -> ContentSummary {
    let hidden = HiddenKeys::default();
    ContentSummary {
        text_parts: ex.texts.len(),
        text_bytes: ex.text_bytes(),
        pointers: ex.texts.iter().map(|t| t.pointer(&hidden)).collect(),
        unscannable: ex
            .opaque
            .iter()
            .map(|o| (o.kind, render_pointer(&o.path, &hidden)))
            .collect(),
        error: Some(why),
        ..Default::default()
    }
}

/// Whether the text holds a run of base64 (letters of both cases and digits,
/// `+/` or `-_`) of [`BASE64_BLOB_MIN`] characters or more: an encoded file
/// or image the model could decode and the detectors cannot read.
pub fn base64_blob(text: &str) -> bool {
    if text.len() < BASE64_BLOB_MIN {
        return false;
    }
    let mut run = 0usize;
    let (mut upper, mut lower, mut digit) = (false, false, false);
    for b in text.bytes() {
        let ok = b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_' | b'=');
        if ok {
            run += 1;
            upper |= b.is_ascii_uppercase();
            lower |= b.is_ascii_lowercase();
            digit |= b.is_ascii_digit();
            if run >= BASE64_BLOB_MIN && upper && lower && digit {
                return true;
            }
        } else {
            run = 0;
            (upper, lower, digit) = (false, false, false);
        }
    }
    false
}

/// Who asks, from where, for what: the request-level facts of a decision.
#[derive(Debug, Clone, Default)]
pub struct Asker<'a> {
    pub tenant: Option<&'a str>,
    pub client: Option<&'a str>,
    /// The tenant's configured jurisdiction: the floor of the decision.
    pub jurisdiction: Option<String>,
    /// A jurisdiction the client named (`x-cordon-jurisdiction`): the policy
    /// is evaluated under it too, and its decision is taken only when it is
    /// stricter, so a client can tighten a decision, never loosen it.
    pub asked_jurisdiction: Option<String>,
    /// The client's pinned route (`clients[].route`).
    pub pinned_route: Option<&'a str>,
    /// An on-premises route the client asked for with `x-cordon-route`.
    pub asked_route: Option<&'a str>,
}

/// The jurisdiction a client named in its `x-cordon-jurisdiction` header:
/// a known code (see [`crate::config::valid_jurisdiction`]), else a 400.
pub fn asked_jurisdiction(header: Option<&http::HeaderValue>) -> Result<Option<String>, ProxyError> {
    let Some(v) = header else { return Ok(None) };
    v.to_str()
        .map(|s| s.trim().to_ascii_uppercase())
        .ok()
        .filter(|j| crate::config::valid_jurisdiction(j))
        .map(Some)
        .ok_or_else(|| {
            ProxyError::BadRequest(
                "`x-cordon-jurisdiction` must be a known code: an ISO 3166 country (US, DE), EU, EEA or UK".into(),
            )
        })
}

/// The tenant's configured jurisdiction.
pub fn tenant_jurisdiction(config: &Config, tenant: Option<&str>) -> Option<String> {
    tenant.and_then(|t| config.tenants.get(t).cloned().flatten())
}

/// What the proxy decided for a request, and why.
#[derive(Debug, Clone)]
pub struct Decision {
    pub action: ActionKind,
    /// The route taken (a key of `routes:`); `None` when blocked.
    pub route: Option<String>,
    pub zone: Option<Zone>,
    /// The policy rule, `default`, `on_error`, `unscannable`, or
    /// `client.route` / `request.header` when the client kept a request closer
    /// than the policy required.
    pub rule: Arc<str>,
    /// The policy in force (its hash goes into the audit record).
    pub policy: Arc<Policy>,
    /// Why, in words (only when explained).
    pub reasons: Vec<String>,
}

impl Decision {
    /// `local`, `cloud` or `blocked`: the `x-cordon-route` response header.
    pub fn route_label(&self) -> &'static str {
        match (self.action, self.zone) {
            (ActionKind::Block, _) | (_, None) => "blocked",
            (_, Some(z)) => z.as_str(),
        }
    }
}

/// The audit record of a policy coming into force.
pub fn policy_record(policy: &Policy, file: Option<&std::path::Path>, reason: &str) -> crate::audit::PolicyRecord {
    crate::audit::PolicyRecord {
        hash: policy.hash.clone(),
        name: policy.name.clone(),
        version: policy.version,
        file: file.map(|f| f.display().to_string()),
        rules: policy.rules.len(),
        reason: reason.into(),
        shadow: false,
    }
}

/// A request that went through [`decide_request`]. Its fields are private
/// to this module and that function is the only one that makes one: holding
/// one proves the request was decided, so an undecided request cannot reach
/// an upstream ([`crate::upstream::Upstream::send`] takes one) by
/// construction.
pub struct Decided<T> {
    request: T,
    decision: Decision,
    /// What the shadow policies would have decided (for the record only).
    shadows: Vec<crate::audit::ShadowDecision>,
}

impl<T> Decided<T> {
    pub fn request(&self) -> &T {
        &self.request
    }

    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    pub fn shadows(&self) -> &[crate::audit::ShadowDecision] {
        &self.shadows
    }

    /// The request, to decide it again (the decision is dropped).
    pub fn into_request(self) -> T {
        self.request
    }

    /// The pseudonymized request in place of the original, under the same
    /// decision: only a `pseudonymize` decision takes one.
    pub fn pseudonymized(self, request: T) -> Result<Decided<T>, ProxyError> {
        if self.decision.action != ActionKind::Pseudonymize {
            return Err(ProxyError::Internal(format!(
                "a `{}` decision cannot take a pseudonymized request",
                self.decision.action
            )));
        }
        Ok(Decided { request, ..self })
    }
}

/// Decides `request` (its content already scanned into `content`) under
/// `policy` for `asker`, and what the shadow policies would decide (`shadows`,
/// given the request's texts when `shadows_need_texts`, and the decision).
pub fn decide_request(
    config: &Config,
    policy: &Arc<Policy>,
    content: &ContentSummary,
    request: Arc<ParsedRequest>,
    asker: &Asker<'_>,
    shadows_need_texts: bool,
    shadows: impl FnOnce(&[&str], &Decision) -> Vec<crate::audit::ShadowDecision>,
) -> Result<Decided<Arc<ParsedRequest>>, ProxyError> {
    let ex = (policy.needs_texts() || shadows_need_texts).then(|| extract(&request));
    let texts: Vec<&str> = ex
        .iter()
        .flat_map(|ex| ex.texts.iter().map(|t| t.text.as_ref()))
        .collect();
    let decision = decide(config, policy, content, &request, &texts, asker, false);
    let shadows = shadows(&texts, &decision);
    drop(texts);
    drop(ex);
    if decision.action != ActionKind::Block && decision.route.is_none() {
        // Config::load checked every route the policy names; a miss is our bug.
        return Err(ProxyError::Internal(format!(
            "no route for the action `{}` of rule `{}`",
            decision.action, decision.rule
        )));
    }
    Ok(Decided {
        request,
        decision,
        shadows,
    })
}

/// Classifies nothing: decides from a summary, and picks the route.
///
/// - `block` takes no route;
/// - `local` takes the rule's route, else the client's pinned route when it
///   is on premises, else `local`;
/// - `cloud` and `pseudonymize` take the rule's route, else the client's
///   pinned route, else `routing.default` (a pseudonymized request goes out
///   with placeholders: see [`crate::pseudo`]);
/// - a client may keep a request closer than the policy requires: a pinned
///   or asked on-premises route turns `cloud` into that route.
///
/// The tenant's jurisdiction decides; a jurisdiction the client names is
/// evaluated too, and wins only when its action is stricter (or, for a
/// tenant without a jurisdiction, as strict).
pub fn decide(
    config: &Config,
    policy: &Arc<Policy>,
    summary: &ContentSummary,
    request: &ParsedRequest,
    texts: &[&str],
    asker: &Asker<'_>,
    explain: bool,
) -> Decision {
    let floor = decide_under(
        config,
        policy,
        summary,
        request,
        texts,
        asker,
        asker.jurisdiction.as_deref(),
        explain,
    );
    match asker.asked_jurisdiction.as_deref() {
        Some(j) if Some(j) != asker.jurisdiction.as_deref() => {
            let mut asked = decide_under(config, policy, summary, request, texts, asker, Some(j), explain);
            // With a tenant jurisdiction, the client's must be stricter to count;
            // without one, the client's adds the only jurisdiction there is,
            // and counts unless it is looser.
            let (a, f) = (asked.action.strictness(), floor.action.strictness());
            if a > f || (a == f && asker.jurisdiction.is_none()) {
                if explain {
                    asked
                        .reasons
                        .push(format!("the client's jurisdiction {j} makes the decision stricter"));
                }
                asked
            } else {
                floor
            }
        }
        _ => floor,
    }
}

#[allow(clippy::too_many_arguments)]
fn decide_under(
    config: &Config,
    policy: &Arc<Policy>,
    summary: &ContentSummary,
    request: &ParsedRequest,
    texts: &[&str],
    asker: &Asker<'_>,
    jurisdiction: Option<&str>,
    explain: bool,
) -> Decision {
    let unscannable = summary.unscannable_kinds();
    let facts = Facts {
        findings: &summary.findings,
        texts,
        tenant: asker.tenant,
        client: asker.client,
        jurisdiction,
        model: &request.model,
        endpoint: request.endpoint.as_str(),
        unscannable: &unscannable,
    };
    let pd = match summary.error {
        Some(why) => policy.on_error(why),
        None if explain => policy.explain(&facts),
        None => policy.evaluate(&facts),
    };
    let mut reasons = pd.reasons;
    let local_zone = |name: &str| config.route(name).filter(|r| r.zone == Zone::Local);
    let (route, rule): (Option<&Route>, Arc<str>) = match pd.action {
        ActionKind::Block => (None, pd.rule),
        ActionKind::Local => {
            let r = match &pd.route {
                Some(name) => config.route(name),
                None => asker
                    .pinned_route
                    .and_then(local_zone)
                    .or_else(|| config.route("local")),
            };
            (r, pd.rule)
        }
        ActionKind::Cloud | ActionKind::Pseudonymize => {
            let closer = asker
                .asked_route
                .and_then(local_zone)
                .map(|r| (r, "request.header"))
                .or_else(|| asker.pinned_route.and_then(local_zone).map(|r| (r, "client.route")));
            match (closer, &pd.route) {
                (Some((r, why)), _) => {
                    if explain {
                        reasons.push(format!("the client keeps the request on premises ({why})"));
                    }
                    (Some(r), Arc::from(why))
                }
                (None, Some(name)) => (config.route(name), pd.rule),
                (None, None) => {
                    let name = asker.pinned_route.unwrap_or(&config.routing.default_route);
                    (config.route(name), pd.rule)
                }
            }
        }
    };
    if explain && pd.action == ActionKind::Pseudonymize && route.is_some_and(|r| r.zone == Zone::Cloud) {
        reasons.push(format!(
            "{} value(s) are replaced by placeholders before the request leaves, and restored in the answer",
            summary.findings.len()
        ));
    }
    Decision {
        action: pd.action,
        zone: route.map(|r| r.zone),
        route: route.map(|r| r.name.clone()),
        rule,
        policy: policy.clone(),
        reasons,
    }
}

/// The findings and the decision as JSON: `POST /cordon/v1/classify` and
/// `cordon explain --json`. Entities, categories, spans and scores; never values.
/// Which upstreams of the decision's route may receive the request under
/// its rule's `require:` (residency, BAA), for `cordon explain`: `None`
/// when the request does not leave on a route.
pub fn eligible_upstreams(config: &Config, d: &Decision) -> Option<Value> {
    let route = config.routes.get(d.route.as_deref()?)?;
    let require = match d.action {
        ActionKind::Cloud | ActionKind::Pseudonymize => d.policy.requirement(&d.rule).map(|r| &**r),
        ActionKind::Local | ActionKind::Block => None,
    };
    let upstreams: Vec<Value> = route
        .upstreams
        .iter()
        .filter_map(|&i| config.upstreams.get(i))
        .map(|u| {
            json!({
                "name": u.name,
                "region": u.region,
                "baa": u.baa,
                "admitted": require.is_none_or(|r| r.admits(u.region.as_deref(), u.baa)),
            })
        })
        .collect();
    Some(json!({
        "route": route.name,
        "require": require.map(|r| r.describe()),
        "upstreams": upstreams,
    }))
}

pub fn explanation(summary: &ContentSummary, d: &Decision) -> Value {
    let findings: Vec<Value> = summary
        .findings
        .iter()
        .zip(&summary.finding_parts)
        .map(|(f, &part)| {
            json!({
                "pointer": summary.pointers.get(part),
                "entity": f.entity.as_str(),
                "categories": f.categories.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                "start": f.start,
                "end": f.end,
                "score": (f64::from(f.score) * 100.0).round() / 100.0,
                "detector": f.detector,
            })
        })
        .collect();
    let unscannable: Vec<Value> = summary
        .unscannable
        .iter()
        .map(|(k, p)| json!({"kind": k, "pointer": p}))
        .collect();
    json!({
        "decision": {
            "action": d.action.as_str(),
            "route": d.route,
            "x_cordon_route": d.route_label(),
            "rule": &*d.rule,
            "reasons": d.reasons,
            "policy": {"name": d.policy.name, "version": d.policy.version, "hash": d.policy.hash},
        },
        "findings": findings,
        "unscannable": unscannable,
        "entities": summary.entity_counts(),
        "categories": summary.category_counts(),
        "text_parts": summary.text_parts,
        "text_bytes": summary.text_bytes,
        "error": summary.error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_with(policy: &str) -> (Config, tempfile::TempDir) {
        use crate::config::{OfflineEnv, Source};
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.yaml"), policy).unwrap();
        let text = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  v: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }\n  c: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\n  e: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  local: [v]\n  cloud: [c]\n  cloud-eu: [e]\npolicy: p.yaml\n";
        let path = dir.path().join("c.yaml");
        let (c, _) = Config::load(&Source::file(&path, text), &OfflineEnv).unwrap();
        (c, dir)
    }

    fn decide_text(config: &Config, text: &str, asker: &Asker<'_>) -> Decision {
        let body = serde_json::json!({"model": "m", "messages": [{"role": "user", "content": text}]});
        let parsed = ParsedRequest::parse(crate::api::Endpoint::ChatCompletions, body.to_string().as_bytes()).unwrap();
        let ex = crate::api::extract(&parsed);
        let summary = scan(&config.detectors, None, &ex).unwrap();
        let texts: Vec<&str> = ex.texts.iter().map(|t| t.text.as_ref()).collect();
        decide(config, &config.policy.policy, &summary, &parsed, &texts, asker, true)
    }

    #[test]
    fn routes_follow_the_action_and_clients_only_keep_data_closer() {
        let policy = "version: 1\nname: t\ndefault: cloud\nrules:\n  - id: cards\n    when: { entities: [CREDIT_CARD] }\n    then: { action: pseudonymize, route: cloud-eu }\n  - id: mail\n    when: { entities: [EMAIL] }\n    then: { action: cloud, route: cloud-eu }\n";
        let (c, _dir) = config_with(policy);
        let none = Asker::default();
        // Pseudonymized requests take the rule's cloud route...
        let d = decide_text(&c, "Refund card 4111 1111 1111 1111.", &none);
        assert_eq!(
            (d.action, d.route.as_deref(), d.route_label()),
            (ActionKind::Pseudonymize, Some("cloud-eu"), "cloud")
        );
        // ...unless the client keeps its data on premises.
        let pinned = Asker {
            pinned_route: Some("local"),
            ..Asker::default()
        };
        let d = decide_text(&c, "Refund card 4111 1111 1111 1111.", &pinned);
        assert_eq!((d.route.as_deref(), &*d.rule), (Some("local"), "client.route"));
        let d = decide_text(&c, "Write to ops@example.com today.", &none);
        assert_eq!(d.route.as_deref(), Some("cloud-eu"));
        let d = decide_text(&c, "Hello there.", &none);
        assert_eq!((d.route.as_deref(), &*d.rule), (Some("cloud"), "default"));
        // A client pinned on premises keeps even cleared traffic there.
        let pinned = Asker {
            pinned_route: Some("local"),
            ..Asker::default()
        };
        let d = decide_text(&c, "Hello there.", &pinned);
        assert_eq!((d.route.as_deref(), &*d.rule), (Some("local"), "client.route"));
        // A client asking for a cloud route by header gets no further than the policy.
        let asked = Asker {
            asked_route: Some("cloud"),
            ..Asker::default()
        };
        let d = decide_text(&c, "Hello there.", &asked);
        assert_eq!(d.route.as_deref(), Some("cloud"));
        assert_eq!(&*d.rule, "default");
    }

    #[test]
    fn base64_blobs_are_found() {
        let blob: String = (0..400).map(|i| ["A", "b", "3", "+"][i % 4]).collect();
        assert!(base64_blob(&format!("see data:image/png;base64,{blob} here")));
        assert!(!base64_blob(&"a".repeat(1000)));
        assert!(!base64_blob(&"word ".repeat(200)));
        let hex: String = (0..300).map(|i| ["a", "1"][i % 2]).collect();
        assert!(!base64_blob(&hex), "no upper case: not base64 we care about");
    }
}
