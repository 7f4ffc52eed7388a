//! The built-in on-premises engine (`kind: engine`): the model runs in this
//! process (`cordon-engine`), with no HTTP hop. Requests arrive in OpenAI's
//! chat shape (Anthropic's are translated first) and are answered by
//! `crate::engine_api`.
//!
//! A model that fails to load leaves the upstream unavailable, with the
//! reason: it is reported not ready and skipped when routing, so a request
//! whose route holds nothing else fails with 503, never to the cloud.

use std::sync::Arc;

use cordon_engine::Engine;

use crate::config::Upstream;

/// Loads the upstream's model (seconds; at start).
pub fn load(cfg: &Upstream) -> Result<Arc<Engine>, String> {
    let Some(opts) = cfg.engine.clone() else {
        return Err("no model folder configured".into());
    };
    let started = std::time::Instant::now();
    match Engine::load(opts) {
        Ok(e) => {
            let info = e.info();
            tracing::info!(
                upstream = %cfg.name,
                model = %info.name,
                family = %info.family,
                layers = info.layers,
                device = info.device.as_str(),
                max_batch = info.max_batch,
                max_context = info.max_context,
                cache_mb = info.cache_mb,
                onnxruntime = %info.runtime_library.display(),
                load_ms = started.elapsed().as_millis() as u64,
                "engine loaded"
            );
            Ok(Arc::new(e))
        }
        Err(e) => Err(format!("the engine could not load its model: {e}")),
    }
}
