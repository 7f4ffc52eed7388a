//! The built-in on-premises engine (`kind: engine`).
//!
//! The ONNX Runtime engine is built in the `cordon-engine` crate (its own
//! issue). Until it lands, an engine upstream is configured but unavailable:
//! it is reported not ready and skipped when routing, so a request whose
//! route holds nothing else fails with 503 — it never falls back to the cloud.

use crate::config::Upstream;

pub fn availability(cfg: &Upstream) -> Result<(), String> {
    let dir = cfg
        .model_dir
        .as_ref()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    Err(format!(
        "the built-in engine is not part of this build yet (model_dir {dir})"
    ))
}
