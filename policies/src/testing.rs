//! The policy test runner: each test case of a policy file is classified by
//! the real detectors and decided by the policy; the outcome is compared
//! with what the case expects.

use cordon_detectors::Registry;

use crate::eval::{Decision, Facts};
use crate::policy::{Policy, TestCase};

/// The outcome of one test case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    pub passed: bool,
    pub decision: Decision,
    /// `action` or `action (rule)` as the case expects it.
    pub expected: String,
    /// Entity names found (with counts), for a readable failure.
    pub found: Vec<(String, usize)>,
}

impl CaseResult {
    /// `local (phi-on-prem)`.
    pub fn got(&self) -> String {
        match &self.decision.route {
            Some(r) => format!("{} via {r} ({})", self.decision.action, self.decision.rule),
            None => format!("{} ({})", self.decision.action, self.decision.rule),
        }
    }
}

/// Runs one case.
pub fn run_case(policy: &Policy, registry: &Registry, case: &TestCase) -> CaseResult {
    let mut findings = Vec::new();
    // A detector that fails leaves the case unclassified, as in the proxy.
    let mut failed = false;
    for t in &case.texts {
        match registry.try_scan(t) {
            Ok(f) => findings.extend(f),
            Err(_) => failed = true,
        }
    }
    let texts: Vec<&str> = case.texts.iter().map(String::as_str).collect();
    let unscannable: Vec<&str> = case.unscannable.iter().map(String::as_str).collect();
    let facts = Facts {
        findings: &findings,
        texts: &texts,
        tenant: case.tenant.as_deref(),
        client: case.client.as_deref(),
        jurisdiction: case.jurisdiction.as_deref(),
        model: case.model.as_deref().unwrap_or(""),
        endpoint: case.endpoint.as_deref().unwrap_or("chat_completions"),
        unscannable: &unscannable,
    };
    let decision = if case.detector_error {
        policy.on_error("test case: detector_error")
    } else if failed {
        policy.on_error("detector_failed")
    } else {
        policy.explain(&facts)
    };
    let route_ok = match &case.expect_route {
        None => true,
        Some(want) => match &decision.route {
            Some(r) => **r == **want,
            // An action without a named route takes the route of its own name.
            None => want == decision.action.as_str(),
        },
    };
    let passed = decision.action == case.expect_action
        && case.expect_rule.as_ref().is_none_or(|r| **r == *decision.rule)
        && route_ok;
    let mut expected = case.expect_action.to_string();
    if let Some(r) = &case.expect_route {
        expected.push_str(&format!(" via {r}"));
    }
    if let Some(r) = &case.expect_rule {
        expected.push_str(&format!(" ({r})"));
    }
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for f in &findings {
        *counts.entry(f.entity.as_str().to_string()).or_insert(0) += 1;
    }
    CaseResult {
        name: case.name.clone(),
        passed,
        decision,
        expected,
        found: counts.into_iter().collect(),
    }
}

/// Runs every case of the policy, in file order.
pub fn run_tests(policy: &Policy, registry: &Registry) -> Vec<CaseResult> {
    policy.tests.iter().map(|c| run_case(policy, registry, c)).collect()
}
