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
    /// This replica's name in the fleet (`audit.replica`, default the hostname).
    pub replica: String,
    /// Shipping to PostgreSQL (`audit.ship.postgres`), when configured.
    pub ship: Option<ShipConfig>,
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

/// `audit.ship.postgres`, built.
#[derive(Debug, Clone)]
pub struct ShipConfig {
    /// The variable the URL was read from (named in errors).
    pub url_env: String,
    /// `None` when the variable is not set (the `cordon audit` commands
    /// that do not read the fleet need no URL).
    pub url: Option<secrecy::SecretString>,
    /// Table name prefix, checked to be a plain SQL name.
    pub prefix: String,
    /// The CA for the server's certificate; `None`: the web PKI roots.
    pub ca: Option<PathBuf>,
    /// Records per batch (one COPY, one transaction).
    pub batch: usize,
    /// How long less than a batch may wait for more records.
    pub linger: Duration,
    /// Unshipped records past which the replica is not ready.
    pub max_lag: Option<u64>,
    /// How old a replica's newest checkpoint may be for `verify --fleet`.
    pub checkpoint_max_age: Duration,
    /// Pinned public keys, by replica.
    pub keys: BTreeMap<String, ed25519_dalek::VerifyingKey>,
}

/// The default replica name: the host's name (a StatefulSet pod's name).
pub fn default_replica() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "cordon".into())
}

/// A replica name: letters, digits, `.`, `_`, `-`; 1 to `max` bytes.
pub fn valid_name(name: &str, max: usize) -> bool {
    !name.is_empty()
        && name.len() <= max
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A pinned public key: `ed25519:HEX` (as `cordon audit pubkey` prints it).
pub fn parse_public_key(text: &str) -> Result<ed25519_dalek::VerifyingKey, String> {
    let raw: [u8; 32] = text
        .trim()
        .strip_prefix("ed25519:")
        .and_then(|h| hex::decode(h).ok())
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| "not an Ed25519 public key (`ed25519:` and 64 hex digits)".to_string())?;
    ed25519_dalek::VerifyingKey::from_bytes(&raw).map_err(|e| e.to_string())
}

/// A pinned public key from a file: `ed25519:HEX` (`audit.pub`), or a
/// signing key (64 hex digits) whose public half is taken.
pub fn read_public_key(path: &std::path::Path) -> Result<ed25519_dalek::VerifyingKey, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = text.trim();
    if text.starts_with("ed25519:") {
        return parse_public_key(text);
    }
    let raw: [u8; 32] = hex::decode(text)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| format!("{} holds no Ed25519 key", path.display()))?;
    Ok(ed25519_dalek::SigningKey::from_bytes(&raw).verifying_key())
}
