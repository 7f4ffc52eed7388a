//! The built-in on-premises engine (`kind: engine`): the model runs in this
//! process (`cordon-engine`), with no HTTP hop. Requests arrive in OpenAI's
//! chat shape (Anthropic's are translated first) and are answered by
//! `crate::engine_api`, whose answer is this provider's own stream.
//!
//! A model that fails to load leaves the upstream unavailable, with the
//! reason: it is reported not ready and skipped when routing, so a request
//! whose route holds nothing else fails with 503, never to the cloud.
//!
//! Hot swap: when the model's files change (checked on SIGHUP and at the
//! policy's reload interval, see [`Slot::check`]), the new model is loaded
//! beside the running one, then put in its place for new requests. Requests
//! in flight hold the old engine until they end: its thread finishes their
//! sequences (draining), then stops and frees its memory. A model that does
//! not load leaves the running one in place.

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
    slot: Arc<Slot>,
}

/// The engine an upstream serves with now, and what its model's files
/// looked like when it was loaded.
pub struct Slot {
    upstream: String,
    opts: Option<cordon_engine::EngineOptions>,
    /// The model, or why it could not be loaded.
    current: arc_swap::ArcSwap<Result<Arc<cordon_engine::Engine>, String>>,
    stamp: std::sync::Mutex<Stamp>,
    /// One check at a time (a load takes seconds).
    checking: tokio::sync::Mutex<()>,
    /// The counts of the engines this one replaced. Held while the serving
    /// engine is replaced and while counts are read, so a read never sees
    /// an engine twice or not at all.
    replaced: std::sync::Mutex<Replaced>,
}

/// The engines an upstream served with before: their counters stay part of
/// the upstream's, so its metrics only grow across swaps.
#[derive(Default)]
struct Replaced {
    /// Counts of the replaced engines that have stopped.
    ended: cordon_engine::Snapshot,
    /// Counters of replaced engines that may still be finishing requests.
    draining: Vec<Arc<cordon_engine::Stats>>,
}

/// Names, sizes and modification times of the model's files.
type Stamp = Vec<(String, u64, Option<std::time::SystemTime>)>;

fn stamp(path: &std::path::Path) -> Stamp {
    let entry = |p: &std::path::Path| {
        std::fs::metadata(p).ok().map(|m| {
            (
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                m.len(),
                m.modified().ok(),
            )
        })
    };
    if path.is_dir() {
        let mut out: Stamp = std::fs::read_dir(path)
            .map(|d| d.filter_map(Result::ok).filter_map(|e| entry(&e.path())).collect())
            .unwrap_or_default();
        out.sort();
        out
    } else {
        entry(path).into_iter().collect()
    }
}

/// A model put in place of another.
pub struct Swap {
    pub upstream: String,
    pub model: String,
    pub previous: String,
    pub source: String,
}

impl Slot {
    /// The engine serving now, if its model loaded.
    pub fn engine(&self) -> Option<Arc<cordon_engine::Engine>> {
        self.current.load().as_ref().as_ref().ok().cloned()
    }

    /// The upstream's counts since start: the serving engine's plus those of
    /// every engine it replaced (also what they counted while draining), so
    /// they never go back after a swap. Gauges (waiting, active) add up the
    /// engines still working.
    pub fn totals(&self) -> cordon_engine::Snapshot {
        let Ok(mut replaced) = self.replaced.lock() else {
            // A panic while counting: the serving engine alone.
            return self.engine().map(|e| e.stats().snapshot()).unwrap_or_default();
        };
        let now = self.engine().map(|e| e.stats().snapshot()).unwrap_or_default();
        let Replaced { ended, draining } = &mut *replaced;
        // An engine whose counters only we still hold has stopped: keep its
        // final counts and let the counters go.
        draining.retain(|s| {
            if Arc::strong_count(s) > 1 {
                return true;
            }
            *ended = *ended
                + cordon_engine::Snapshot {
                    waiting: 0,
                    active: 0,
                    ..s.snapshot()
                };
            false
        });
        draining.iter().fold(*ended + now, |t, s| t + s.snapshot())
    }

    /// Loads the model again if its files changed since it was loaded and
    /// puts it in place; `None` when nothing changed or the new one did not
    /// load (logged; the running one stays).
    pub async fn check(self: &Arc<Self>) -> Option<Swap> {
        let opts = self.opts.clone()?;
        let _one = self.checking.lock().await;
        let now = stamp(&opts.model_dir);
        if self.stamp.lock().is_ok_and(|s| *s == now) {
            return None;
        }
        let slot = self.clone();
        let loaded = tokio::task::spawn_blocking(move || load(&slot.upstream, Some(opts))).await;
        if let Ok(mut s) = self.stamp.lock() {
            *s = now;
        }
        let engine = match loaded {
            Ok(Ok(e)) => e,
            Ok(Err(e)) => {
                tracing::error!(upstream = %self.upstream, error = %e, "the changed model did not load; the running one stays");
                return None;
            }
            Err(e) => {
                tracing::error!(upstream = %self.upstream, error = %e, "loading the changed model failed");
                return None;
            }
        };
        let previous = self.engine().map(|e| e.info().name.clone()).unwrap_or_default();
        let model = engine.info().name.clone();
        // From here new requests go to the new engine; those in flight keep
        // the old one (an `Arc` each) until they end. Its counters go on
        // counting for the upstream (under the lock `totals` reads with).
        {
            let mut replaced = self.replaced.lock().ok();
            let old = self.current.swap(Arc::new(Ok(engine)));
            if let (Some(r), Ok(e)) = (replaced.as_mut(), old.as_ref()) {
                r.draining.push(Arc::clone(e.stats()));
            }
        }
        tracing::info!(upstream = %self.upstream, model = %model, previous = %previous, "model swapped");
        Some(Swap {
            upstream: self.upstream.clone(),
            model,
            previous,
            source: self
                .opts
                .as_ref()
                .and_then(|o| o.model_dir.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        })
    }
}

impl Engine {
    /// Loads the upstream's model (seconds; at start).
    pub fn load(cfg: &Upstream) -> Engine {
        let stamp = cfg.engine.as_ref().map(|o| stamp(&o.model_dir)).unwrap_or_default();
        Engine {
            slot: Arc::new(Slot {
                upstream: cfg.name.clone(),
                opts: cfg.engine.clone(),
                current: arc_swap::ArcSwap::from_pointee(load(&cfg.name, cfg.engine.clone())),
                stamp: std::sync::Mutex::new(stamp),
                checking: tokio::sync::Mutex::new(()),
                replaced: std::sync::Mutex::new(Replaced::default()),
            }),
        }
    }
}

fn load(upstream: &str, opts: Option<cordon_engine::EngineOptions>) -> Result<Arc<cordon_engine::Engine>, String> {
    let Some(opts) = opts else {
        return Err("no model folder configured".into());
    };
    let started = std::time::Instant::now();
    match cordon_engine::Engine::load(opts) {
        Ok(e) => {
            let info = e.info();
            tracing::info!(
                upstream = %upstream,
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
        self.slot
            .current
            .load()
            .as_ref()
            .as_ref()
            .map(|_| ())
            .map_err(Clone::clone)
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
            // This request's engine: a swap after this line leaves it in place.
            let engine = self
                .slot
                .current
                .load_full()
                .as_ref()
                .clone()
                .map_err(SendError::Other)?;
            Ok(answer(engine_api::chat(&engine, &out.body).await))
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

    fn engine(&self) -> Option<Arc<cordon_engine::Engine>> {
        self.slot.engine()
    }

    fn engine_slot(&self) -> Option<Arc<Slot>> {
        Some(self.slot.clone())
    }
}
