//! Cordon's policies: data-sovereignty rules that decide, for each request,
//! whether it is answered on premises (`local`), may go to a cloud vendor
//! (`cloud`), goes out with placeholders (`pseudonymize`) or is refused
//! (`block`).
//!
//! This crate is pure data and evaluation: no I/O, no async, no HTTP.
//!
//! - [`Policy::parse`] reads a policy file (YAML), checks it (unknown
//!   entity or category names, unreachable rules, bad actions, test cases
//!   naming unknown rules) and reports every problem with its line and
//!   column; [`Policy::check_routes`] checks its actions against the routes
//!   a config offers.
//! - [`Policy::evaluate`] decides one request from its [`Facts`] (findings,
//!   tenant, client, jurisdiction, model, endpoint, content that cannot be
//!   scanned): rules in order, first match wins, else `default`.
//!   [`Policy::explain`] does the same and says why.
//! - [`testing`] runs a policy's own test cases through the real detectors.
//! - [`packs`]: the shipped packs (HIPAA, GDPR, PCI, finance, baseline).
//!
//! Content that cannot be scanned (images, audio, files, base64 blobs) is
//! sensitive unless a rule says otherwise: when a request carries some and
//! the deciding rule does not mention `unscannable`, the decision is the
//! stricter of the rule's action and the policy's `unscannable` action
//! (default `local`).

mod eval;
mod policy;
pub mod positions;
mod shadow;
pub mod testing;

pub use eval::{Decision, Facts};
pub use policy::{
    content_hash, Action, ActionKind, Cond, Issue, Policy, Report, Require, RouteTable, Rule, Severity, TestCase,
    Vocabulary, WordSet, ENDPOINTS, UNSCANNABLE_KINDS,
};

/// The packs shipped in `policies/packs/`, embedded in the binary.
pub mod packs {
    pub const BASELINE: &str = include_str!("../packs/baseline.yaml");
    pub const HIPAA: &str = include_str!("../packs/hipaa.yaml");
    pub const GDPR: &str = include_str!("../packs/gdpr.yaml");
    pub const PCI: &str = include_str!("../packs/pci.yaml");
    pub const FINANCE: &str = include_str!("../packs/finance.yaml");

    /// Name -> text, for `cordon policy` and tests.
    pub const ALL: [(&str, &str); 5] = [
        ("baseline", BASELINE),
        ("hipaa", HIPAA),
        ("gdpr", GDPR),
        ("pci", PCI),
        ("finance", FINANCE),
    ];
}

#[cfg(test)]
mod tests;
