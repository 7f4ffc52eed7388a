//! `audit:` in the config: where the trail is written and how.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

/// Prices per million tokens, for the cost estimate of outcome records.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub input_per_mtok: f64,
    pub output_per_mtok: f64,
}

/// The runtime audit settings.
#[derive(Debug, Clone)]
pub struct AuditConfig {
    pub dir: PathBuf,
    pub signing_key: PathBuf,
    /// The HMAC key for fingerprints, when configured.
    pub hmac_key: Option<secrecy::SecretString>,
    pub checkpoint_every: u64,
    pub checkpoint_interval: Duration,
    pub segment_max_bytes: u64,
    pub segment_max_age: Duration,
    /// Closed segments older than this are removed (after a checkpoint).
    pub retention: Option<Duration>,
    /// Model name (as served) -> price.
    pub prices: BTreeMap<String, Price>,
    /// `audit.outcomes: durable` (default): an answer's last byte waits
    /// until its outcome record is on disk; `queued`: the outcome goes to
    /// the next group commit and a crash may lose the last ones.
    pub durable_outcomes: bool,
}
