//! The built-in on-premises engine (`kind: engine`): the model runs in this
//! process (`cordon-engine`), with no HTTP hop. Requests arrive in OpenAI's
//! chat shape (Anthropic's are translated first) and are answered by
//! `crate::engine_api`, whose answer is this provider's own stream.
//!
//! A model that fails to load leaves the upstream unavailable, with the
//! reason: it is reported not ready and skipped when routing, so a request
//! whose route holds nothing else fails with 503, never to the cloud.

use std::sync::Arc;

use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderValue};
use serde_json::Value;

use super::TranslateError;
use super::{Answer, ByteStream, Decoded, Outbound, Provider, SendError};
use crate::api::{ApiKind, Endpoint};
use crate::body::BoxError;
use crate::config::Upstream;
use crate::engine_api;

pub struct Engine {
    /// The model, or why it could not be loaded.
    engine: Result<Arc<cordon_engine::Engine>, String>,
}

impl Engine {
    /// Loads the upstream's model (seconds; at start).
    pub fn load(cfg: &Upstream) -> Engine {
        Engine { engine: load(cfg) }
    }
}

fn load(cfg: &Upstream) -> Result<Arc<cordon_engine::Engine>, String> {
    let Some(opts) = cfg.engine.clone() else {
        return Err("no model folder configured".into());
    };
    let started = std::time::Instant::now();
    match cordon_engine::Engine::load(opts) {
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

/// The engine's answer as an upstream's.
fn answer(a: engine_api::Answer) -> Answer {
    let mut headers = HeaderMap::new();
    headers.insert(http::header::CONTENT_TYPE, HeaderValue::from_static(a.content_type));
    let body: ByteStream = match a.body {
        engine_api::Body::Full(b) => futures_util::stream::once(async move { Ok(b) }).boxed(),
        engine_api::Body::Stream(s) => s.map(|r| r.map_err(|e| Box::new(e) as BoxError)).boxed(),
    };
    Answer {
        status: a.status,
        headers,
        body,
    }
}

impl Provider for Engine {
    fn native_api(&self) -> Option<ApiKind> {
        Some(ApiKind::OpenAi)
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        // The engine answers chat; Anthropic's Messages reach it translated.
        matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages)
    }

    fn availability(&self) -> Result<(), String> {
        self.engine.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    fn encode(&self, common: &Value, model: &str) -> Result<Value, TranslateError> {
        let mut body = common.clone();
        if let Some(o) = body.as_object_mut() {
            o.insert("model".into(), Value::String(model.to_string()));
        }
        Ok(body)
    }

    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>> {
        Box::pin(async move {
            let engine = self.engine.as_ref().map_err(|r| SendError::Other(r.clone()))?;
            Ok(answer(engine_api::chat(engine, &out.body).await))
        })
    }

    fn decode(&self, body: &Value, _model: &str) -> Result<Decoded, TranslateError> {
        Ok(Decoded::Answer(body.clone()))
    }

    fn decode_error(&self, _status: u16, body: &Value) -> Value {
        body.clone()
    }

    fn decode_stream(&self, body: ByteStream, _model: &str, _include_usage: bool) -> ByteStream {
        body
    }

    fn engine(&self) -> Option<&Arc<cordon_engine::Engine>> {
        self.engine.as_ref().ok()
    }
}
