//! The request pipeline: one visible sequence of phases.
//!
//! ```text
//! ingress ─ authenticate ─ read body ─ parse ─ extract ─ decide ─ route/forward ─ respond
//! ```
//!
//! Each phase is a method of [`App`] that returns a `Result`; every error
//! becomes a response in one place ([`ProxyError::into_response`]) and every
//! way out passes through [`App::handle`], which stamps the decision id and
//! route on the response and writes the request's log event.
//!
//! Forwarding takes a [`Decided`] request: a value only
//! [`classify::decide_request`] (called by [`App::decide`]) can make, so an
//! undecided request cannot reach an upstream by construction.
//! The policy engine, the detectors and the audit trail slot in at
//! `extract`/`decide` without changing the phases around them.

use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderValue, Request, Response, StatusCode};
use http_body_util::{BodyExt, Limited};
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use tracing::field::Empty;
use tracing::Instrument;

use arc_swap::ArcSwap;
use cordon_policies::{ActionKind, Policy};

use crate::api::{api_from_headers, extract, ApiKind, Endpoint, ParsedRequest};
use crate::audit::{Audit, DecisionRecord, OutcomeRecord};
use crate::auth::{Authenticator, ClientCert, Identity};
use crate::body::{self, BoxError, ProxyBody};
use crate::classify::{self, Asker, ContentSummary, Decided, Decision};
use crate::config::{Config, Route, Zone};
use crate::error::{Blame, ProxyError};
use crate::headers;
use crate::metrics::{Metrics, RequestLabels};
use crate::outcome::{Egress, OutcomeBody};
use crate::pseudo::restore::{Restorer, Shape, StreamRestore};
use crate::pseudo::vault::Vault;
use crate::sse::map_events;
use crate::upstream::{Answer, Decoded, SendError, Upstream, MAX_SSE_EVENT};

/// A child span when the request is traced (sampled, with an exporter), else
/// a disabled one: unsampled requests pay for one span, not ten.
macro_rules! child_span {
    ($traced:expr, $($arg:tt)*) => {
        if $traced {
            tracing::info_span!($($arg)*)
        } else {
            tracing::Span::none()
        }
    };
}

/// The request header a client sets to keep a request on premises.
pub const ROUTE_HEADER: &str = "x-cordon-route";
/// The request header that names the data subjects' jurisdiction (`EU`, `US`, `UK`).
pub const JURISDICTION_HEADER: &str = "x-cordon-jurisdiction";
/// Requests with more text than this are scanned on a blocking thread,
/// under `limits.classify_timeout`; smaller ones in place.
const INLINE_SCAN_BYTES: usize = 64 * 1024;
const MAX_UPSTREAM_BODY: usize = 64 * 1024 * 1024;

/// Everything a request needs, built once from the config.
pub struct App {
    config: Config,
    auth: Authenticator,
    upstreams: Vec<Upstream>,
    limiter: Arc<Semaphore>,
    audit: Arc<Audit>,
    metrics: Metrics,
    /// The policy in force; swapped whole by a reload.
    policy: ArcSwap<Policy>,
    /// The policy in force has no record in the trail yet (just loaded, or
    /// its write failed), and why it came into force: the next decision
    /// writes it first. The flag spares decisions the lock.
    policy_pending: std::sync::Mutex<Option<&'static str>>,
    policy_unrecorded: std::sync::atomic::AtomicBool,
    /// One policy record written at a time.
    policy_writing: tokio::sync::Mutex<()>,
    /// Shadow (candidate) policies, decided beside the one in force.
    shadows: Arc<crate::shadow::Shadows>,
    /// Conversations' placeholders (pseudonymization); `None` if it could not be keyed.
    vault: Option<Vault>,
    /// Observable gauges for OTLP (audit health and queue, requests in flight), kept alive here.
    #[allow(dead_code)]
    gauges: Vec<opentelemetry::metrics::ObservableGauge<i64>>,
}

/// The gauges OTLP reads when it exports (the Prometheus ones are set on scrape).
fn observe_gauges(
    audit: &Arc<Audit>,
    in_flight: &prometheus_client::metrics::gauge::Gauge,
    engines: Vec<(String, Arc<crate::upstream::engine::Slot>)>,
) -> Vec<opentelemetry::metrics::ObservableGauge<i64>> {
    let m = opentelemetry::global::meter("cordon");
    let (a, b) = (audit.clone(), audit.clone());
    let flight = in_flight.clone();
    vec![
        m.i64_observable_gauge("cordon.audit.healthy")
            .with_description("1 while the audit trail can be written")
            .with_callback(move |o| o.observe(i64::from(a.is_healthy()), &[]))
            .build(),
        m.i64_observable_gauge("cordon.audit.queue_depth")
            .with_description("Audit records handed to the writer and not yet written")
            .with_callback(move |o| o.observe(i64::try_from(b.queue_depth()).unwrap_or(i64::MAX), &[]))
            .build(),
        m.i64_observable_gauge("cordon.requests.in_flight")
            .with_description("Model requests being served")
            .with_callback(move |o| o.observe(flight.get(), &[]))
            .build(),
        m.i64_observable_gauge("cordon.engine.state")
            .with_description(
                "Built-in engines: requests waiting, sequences active, tokens read and generated, requests rejected \
                 and cancelled since start (by upstream and measure)",
            )
            .with_callback(move |o| {
                for (name, slot) in &engines {
                    for (measure, v) in slot.totals().measures() {
                        o.observe(
                            i64::try_from(v).unwrap_or(i64::MAX),
                            &[
                                opentelemetry::KeyValue::new("upstream", name.clone()),
                                opentelemetry::KeyValue::new("measure", measure),
                            ],
                        );
                    }
                }
            })
            .build(),
    ]
}

/// A built-in engine's model and memory, for the detailed `/readyz`.
fn engine_memory(e: &cordon_engine::Engine) -> Value {
    let info = e.info();
    json!({
        "model": info.name,
        "device": info.device.as_str(),
        "max_batch": info.max_batch,
        "max_context": info.max_context,
        "weights_bytes": info.weights_bytes,
        "kv_cache_bytes": info.kv_cache_bytes,
        // What the cache takes now: on CPU it grows with the sequences, up to kv_cache_bytes.
        "kv_cache_allocated_bytes": e.stats().kv_cache_bytes.load(std::sync::atomic::Ordering::Relaxed),
        "kv_budget_tokens": info.kv_budget_tokens,
        "kv_reserved_tokens": e.stats().kv_reserved_tokens.load(std::sync::atomic::Ordering::Relaxed),
        // ONNX Runtime's arena for the device (on CUDA, device memory), where it reports one.
        "runtime_in_use_bytes": e.stats().runtime_memory().map(|m| m.in_use),
        "runtime_reserved_bytes": e.stats().runtime_memory().map(|m| m.reserved),
    })
}

/// What is known of a request as it moves through the phases; read once at
/// the end to stamp headers and write the log event.
pub struct RequestCtx {
    pub id: String,
    pub api: ApiKind,
    pub endpoint: Option<Endpoint>,
    pub identity: Identity,
    pub decision: Option<Decision>,
    pub upstream: Option<String>,
    /// The region label of `upstream`.
    pub region: Option<String>,
    /// The error's class and who caused it, when the request failed.
    pub error: Option<(&'static str, Blame)>,
    /// The decision record is on disk: an outcome record must follow.
    pub audited: bool,
    /// Set when the answer is being restored (pseudonymized requests).
    pub restorer: Option<Arc<Restorer>>,
    /// The client's `x-request-id` (printable ASCII, at most 128 characters), for logs and traces.
    pub request_id: Option<String>,
    /// The request's span is exported (an exporter is on and the trace is sampled).
    pub traced: bool,
    started: Instant,
}

impl RequestCtx {
    fn new<B>(req: &Request<B>) -> Self {
        RequestCtx {
            id: uuid::Uuid::now_v7().to_string(),
            api: api_from_headers(req.uri().path(), req.headers()),
            endpoint: None,
            identity: Identity::default(),
            decision: None,
            upstream: None,
            region: None,
            error: None,
            audited: false,
            restorer: None,
            request_id: req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
                .map(str::to_string),
            traced: false,
            started: Instant::now(),
        }
    }
}

impl App {
    pub fn new(mut config: Config, upstreams: Vec<Upstream>, audit: Arc<Audit>) -> Self {
        let limiter = Arc::new(Semaphore::new(config.limits.max_concurrent_requests));
        let metrics = Metrics::new();
        let auth = Authenticator::new(config.clients.take());
        let policy = ArcSwap::new(config.policy.policy.clone());
        let shadows = Arc::new(crate::shadow::Shadows::new(
            &config.policy,
            audit.clone(),
            config.audit.dir.clone(),
        ));
        // A promotion made while the proxy was down is recorded at start.
        let _ = shadows.reason_for("", &config.policy.policy.hash);
        let p = &config.pseudonymize;
        let vault = match Vault::new(p.vault_ttl, p.vault_max_conversations) {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::error!(error = %e, "the pseudonymization vault is off: placeholders are not kept across turns");
                None
            }
        };
        let engines: Vec<(String, Arc<crate::upstream::engine::Slot>)> = upstreams
            .iter()
            .filter_map(|u| u.engine_slot().map(|e| (u.name().to_string(), e)))
            .collect();
        let gauges = observe_gauges(&audit, &metrics.in_flight, engines);
        App {
            gauges,
            policy,
            policy_pending: std::sync::Mutex::new(Some("start")),
            shadows,
            policy_unrecorded: std::sync::atomic::AtomicBool::new(true),
            policy_writing: tokio::sync::Mutex::new(()),
            vault,
            config,
            auth,
            upstreams,
            limiter,
            audit,
            metrics,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The policy in force now.
    pub fn policy(&self) -> Arc<Policy> {
        self.policy.load_full()
    }

    /// The shadow policies.
    pub fn shadows(&self) -> &Arc<crate::shadow::Shadows> {
        &self.shadows
    }

    /// Writes the policy in force to the trail (hash, version, why it came
    /// into force), if it has not been written yet. A trail that cannot be
    /// written does not stop the server: requests are refused until it
    /// recovers, and the first decision after that writes this record before
    /// its own, so every decision follows its policy's record.
    pub async fn record_policy(&self) {
        use std::sync::atomic::Ordering;
        let _one = self.policy_writing.lock().await;
        let Some(reason) = self.policy_pending.lock().ok().and_then(|p| *p) else {
            return;
        };
        if self.shadows.record_promotion().await.is_err() {
            tracing::error!(
                "the promotion's audit record could not be written; it is written before the next decision"
            );
            return;
        }
        let policy = self.policy.load_full();
        let rec = classify::policy_record(&policy, self.config.policy.file.as_deref(), reason);
        match self.audit.record(crate::audit::Body::Policy(rec)).await {
            Ok(_) => {
                // A reload while this was written leaves its own record to write.
                if self.policy.load().hash == policy.hash {
                    if let Ok(mut p) = self.policy_pending.lock() {
                        *p = None;
                    }
                    self.policy_unrecorded.store(false, Ordering::Release);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "the policy's audit record could not be written; it is written before the next decision");
            }
        }
    }

    /// Re-reads the policy file. A valid new policy takes effect for new
    /// requests at once (requests in flight keep the one they were decided
    /// by); an invalid one is refused with a log line and the old one keeps
    /// serving. `force`: log even when nothing changed (SIGHUP).
    pub fn reload_policy(self: &Arc<Self>, force: bool) {
        let Some(path) = &self.config.policy.file else { return };
        let _one = self.shadows.reloading();
        let text = match std::fs::read(path) {
            Ok(t) => t,
            Err(e) => {
                tracing::warn!(policy = %path.display(), error = %e, "policy file unreadable; keeping the policy in force");
                return;
            }
        };
        let current = self.policy.load();
        if cordon_policies::content_hash(&text) == current.hash {
            if force {
                tracing::info!(policy = %current.name, hash = %current.hash, "policy unchanged");
            }
            return;
        }
        match self.config.policy.reload() {
            Ok((policy, warnings)) => {
                for w in warnings {
                    tracing::warn!(policy = %path.display(), warning = %w, "policy warning");
                }
                tracing::info!(
                    policy = %policy.name,
                    hash = %policy.hash,
                    previous = %current.hash,
                    rules = policy.rules.len(),
                    "policy reloaded"
                );
                let reason = self.shadows.reason_for(&current.hash, &policy.hash);
                self.policy.store(Arc::new(policy));
                if let Ok(mut p) = self.policy_pending.lock() {
                    *p = Some(reason);
                }
                self.policy_unrecorded.store(true, std::sync::atomic::Ordering::Release);
                let app = self.clone();
                tokio::spawn(async move { app.record_policy().await });
                self.metrics.policy_reload("loaded");
            }
            Err(report) => {
                tracing::error!(policy = %path.display(), errors = %report, "new policy refused; keeping the policy in force");
                self.metrics.policy_reload("refused");
            }
        }
    }

    /// Watches the policy file (polling its content every
    /// `policy.reload_interval`) and reloads on change or when `hup` is
    /// notified (SIGHUP), until `stop`.
    pub async fn watch_policy(self: Arc<Self>, hup: Arc<tokio::sync::Notify>, stop: Arc<tokio::sync::Notify>) {
        if self.config.policy.file.is_none() {
            return;
        }
        let interval = self.config.policy.reload_interval;
        crate::tls::watch_until_stopped(interval, &hup, &stop, |force| {
            self.reload_policy(force);
            self.shadows.reload(&self.config.policy, force);
        })
        .await;
    }

    /// Watches the built-in engines' model files (at the policy's reload
    /// interval, and at once on SIGHUP) and swaps in a changed model (see
    /// [`crate::upstream::engine::Slot::check`]); each swap is recorded in
    /// the trail. Until `stop`.
    pub async fn watch_models(self: Arc<Self>, hup: Arc<tokio::sync::Notify>, stop: Arc<tokio::sync::Notify>) {
        let slots: Vec<_> = self.upstreams.iter().filter_map(|u| u.engine_slot()).collect();
        if slots.is_empty() {
            return;
        }
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<()>();
        let checks = {
            let app = self.clone();
            async move {
                while rx.recv().await.is_some() {
                    for slot in &slots {
                        if let Some(swap) = slot.check().await {
                            app.record_swap(swap).await;
                        }
                    }
                }
            }
        };
        let ticks = crate::tls::watch_until_stopped(self.config.policy.reload_interval, &hup, &stop, |_| {
            let _ = tx.send(());
        });
        tokio::select! {
            _ = ticks => {}
            _ = checks => {}
        }
    }

    async fn record_swap(&self, swap: crate::upstream::engine::Swap) {
        let rec = crate::audit::ModelRecord {
            upstream: swap.upstream,
            model: swap.model,
            previous: swap.previous,
            source: swap.source,
            reason: "swap".into(),
        };
        if let Err(e) = self.audit.record(crate::audit::Body::Model(rec)).await {
            tracing::error!(error = %e, "the model swap's audit record could not be written");
        }
    }

    /// Runs the whole pipeline for one request. Never fails: every error is
    /// answered in the client's shape. Runs on every way out: stamps
    /// `x-cordon-decision-id` (and the route and rule once decided) and logs
    /// one event per request, with names and counts only.
    pub async fn handle<B>(self: Arc<Self>, req: Request<B>) -> Response<ProxyBody>
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
    {
        let mut ctx = RequestCtx::new(&req);
        let span = tracing::info_span!(
            "cordon.request",
            otel.kind = "server",
            decision_id = %ctx.id,
            request_id = ctx.request_id.as_deref().unwrap_or(""),
            http.request.method = %req.method(),
            url.path = %req.uri().path(),
            endpoint = Empty,
            tenant = Empty,
            client = Empty,
            model = Empty,
            finding_count = Empty,
            entity_types = Empty,
            action = Empty,
            rule = Empty,
            route = Empty,
            upstream = Empty,
            http.response.status_code = Empty,
            error.type = Empty,
        );
        crate::telemetry::adopt_parent(&span, req.headers());
        ctx.traced = crate::telemetry::sampled(&span);
        let mut resp = match self.run(&mut ctx, req).instrument(span.clone()).await {
            Ok(resp) => resp,
            Err(err) => {
                ctx.error = Some((err.class(), err.blame()));
                err.into_response(ctx.api)
            }
        };
        let h = resp.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&ctx.id) {
            h.insert("x-cordon-decision-id", v);
        }
        if let Some(d) = &ctx.decision {
            h.insert("x-cordon-route", HeaderValue::from_static(d.route_label()));
            if let Ok(v) = HeaderValue::from_str(&d.rule) {
                h.insert("x-cordon-rule", v);
            }
        }
        let status = resp.status().as_u16();
        span.record("http.response.status_code", status);
        if let Some(e) = ctx.endpoint {
            span.record("endpoint", e.as_str());
        }
        for (field, value) in [
            ("tenant", &ctx.identity.tenant),
            ("client", &ctx.identity.client),
            ("upstream", &ctx.upstream),
        ] {
            if let Some(v) = value {
                span.record(field, v.as_str());
            }
        }
        if let Some(d) = &ctx.decision {
            span.record("action", d.action.as_str());
            span.record("rule", &*d.rule);
            span.record("route", d.route_label());
        }
        if let Some((class, _)) = ctx.error {
            span.record("error.type", class);
        }
        if ctx.audited {
            let record = OutcomeRecord {
                decision_id: ctx.id.clone(),
                status,
                upstream: ctx.upstream.clone(),
                region: ctx.region.clone(),
                error: ctx.error.map(|(class, _)| class.to_string()),
                ..Default::default()
            };
            let ctype = resp
                .headers()
                .get(http::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            let length = resp
                .headers()
                .get(http::header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok()?.parse().ok());
            let audit = self.audit.clone();
            let restorer = ctx.restorer.clone();
            // Egress scanning: answers that came from an upstream, when the deciding policy asks.
            let egress = ctx
                .decision
                .as_ref()
                .filter(|d| d.policy.egress_scan && ctx.upstream.is_some() && ctx.error.is_none())
                .map(|_| Egress::new(self.config.detectors.clone(), restorer.clone()));
            // The answer's relay outlives this function: its span closes with the body.
            let relay = child_span!(ctx.traced, parent: &span, "cordon.relay");
            resp = resp.map(|b| {
                OutcomeBody::wrap(b, audit, record, ctx.started, &ctype, length, restorer, egress)
                    .with_span(relay)
                    .boxed_unsync()
            });
        }
        let elapsed = ctx.started.elapsed();
        self.observe(&ctx, status, elapsed);
        let latency_ms = elapsed.as_secs_f64() * 1000.0;
        let endpoint = ctx.endpoint.map(Endpoint::as_str).unwrap_or("unknown");
        let route = ctx.decision.as_ref().and_then(|d| d.route.as_deref()).unwrap_or("");
        let action = ctx.decision.as_ref().map_or("", |d| d.action.as_str());
        let rule = ctx.decision.as_ref().map_or("", |d| &*d.rule);
        tracing::info!(
            decision_id = %ctx.id,
            request_id = ctx.request_id.as_deref().unwrap_or(""),
            endpoint,
            status,
            route,
            action,
            rule,
            upstream = ctx.upstream.as_deref().unwrap_or(""),
            client = ctx.identity.client.as_deref().unwrap_or(""),
            tenant = ctx.identity.tenant.as_deref().unwrap_or(""),
            error = ctx.error.map_or("", |(class, _)| class),
            blame = ctx.error.map_or("", |(_, blame)| blame.as_str()),
            latency_ms,
            "request"
        );
        resp
    }

    async fn run<B>(&self, ctx: &mut RequestCtx, req: Request<B>) -> Result<Response<ProxyBody>, ProxyError>
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
    {
        // Ingress: which endpoint; probes answer before authentication.
        let endpoint = Endpoint::route(req.method(), req.uri().path())?;
        ctx.endpoint = Some(endpoint);
        match endpoint {
            Endpoint::Healthz => return Ok(json_response(StatusCode::OK, &json!({"status": "ok"}))),
            Endpoint::Readyz => return Ok(self.readyz(req.headers())),
            Endpoint::Metrics => return Ok(self.render_metrics(req.headers())),
            _ => {}
        }
        let cert = req.extensions().get::<Arc<ClientCert>>().cloned();
        ctx.identity = self.auth.authenticate(req.headers(), cert.as_deref())?;
        if endpoint == Endpoint::Models {
            return Ok(self.models(ctx.api));
        }
        ctx.api = endpoint.api();
        // Held until the response body has been sent.
        let permit = self
            .limiter
            .clone()
            .try_acquire_owned()
            .map_err(|_| ProxyError::Overloaded)?;
        let in_flight = InFlightGauge::enter(&self.metrics.in_flight);
        if endpoint == Endpoint::Classify {
            let resp = self.classify_only(ctx, req).await?;
            return Ok(resp.map(|b| body::guarded(b, (permit, in_flight))));
        }
        let (parts, body) = req.into_parts();
        let bytes = self
            .read_body(&parts.headers, body)
            .instrument(child_span!(ctx.traced, "cordon.read_body"))
            .await?;
        let mut parsed = child_span!(ctx.traced, "cordon.parse").in_scope(|| ParsedRequest::parse(endpoint, &bytes))?;
        // From here on the parsed tree is the request: what goes upstream is
        // encoded from it, never from the client's bytes.
        drop(bytes);
        self.check_model(&mut parsed)?;
        tracing::Span::current().record("model", parsed.model.as_str());
        let parsed = Arc::new(parsed);
        let cspan = child_span!(
            ctx.traced,
            "cordon.classify",
            text_parts = Empty,
            text_bytes = Empty,
            finding_count = Empty,
            entity_types = Empty
        );
        let summary = self.classify(&parsed).instrument(cspan.clone()).await;
        let types: Vec<String> = summary
            .entity_counts()
            .iter()
            .map(|(entity, n)| format!("{entity}:{n}"))
            .collect();
        for s in [&cspan, &tracing::Span::current()] {
            s.record("finding_count", summary.findings.len());
            s.record("entity_types", types.join(",").as_str());
        }
        cspan.record("text_parts", summary.text_parts);
        cspan.record("text_bytes", summary.text_bytes);
        let dspan = child_span!(ctx.traced, "cordon.decide", action = Empty, rule = Empty, route = Empty);
        let mut decided = dspan.in_scope(|| self.decide(&ctx.identity, &parts.headers, parsed, &summary))?;
        dspan.record("action", decided.decision().action.as_str());
        dspan.record("rule", &*decided.decision().rule);
        dspan.record("route", decided.decision().route_label());
        // Pseudonymize: placeholders out, originals kept here to restore the answer.
        let mut restorer = None;
        let mut pseudonymized = std::collections::BTreeMap::new();
        if decided.decision().action == ActionKind::Pseudonymize && decided.decision().zone == Some(Zone::Cloud) {
            let pspan = child_span!(ctx.traced, "cordon.pseudonymize", values = Empty);
            match pspan.in_scope(|| self.pseudonymize(ctx, decided.request(), &summary)) {
                Ok((request, r, counts)) => {
                    decided = decided.pseudonymized(Arc::new(request))?;
                    let r = Arc::new(r);
                    ctx.restorer = Some(r.clone());
                    restorer = Some(r);
                    pspan.record("values", counts.values().sum::<u32>());
                    pseudonymized = counts;
                }
                Err(e) => {
                    // Fail closed: nothing leaves in clear; the policy's on_error decides.
                    tracing::error!(decision_id = %ctx.id, error = %e, "pseudonymization failed; the policy's on_error applies");
                    self.metrics.fail_closed("pseudonymize_failed");
                    let failed = ContentSummary {
                        error: Some("pseudonymize_failed"),
                        ..summary.clone()
                    };
                    decided = self.decide(&ctx.identity, &parts.headers, decided.into_request(), &failed)?;
                }
            }
        }
        ctx.decision = Some(decided.decision().clone());
        // Write-ahead: the decision is durable before any byte goes upstream,
        // and before a block is answered.
        let mut record = decision_record(ctx, &decided, &summary);
        // Residency, in configs that use it: what was required and where the
        // request may go (records of configs without labels are unchanged).
        let labelled = |r: &Route| r.labels.iter().any(|(region, _)| region.is_some());
        let route = decided.decision().route.as_deref().and_then(|r| self.config.route(r));
        let require = self.requirement(decided.decision());
        if let Some(route) = route.filter(|r| require.is_some() || labelled(r)) {
            record.require = require.map(|r| r.describe());
            record.regions = route
                .upstreams
                .iter()
                .filter_map(|&i| self.upstreams.get(i))
                .filter(|u| require.is_none_or(|r| r.admits(u.config.region.as_deref(), u.config.baa)))
                .map(|u| u.config.region.clone().unwrap_or_else(|| "unlabelled".into()))
                .collect();
        }
        record.pseudonymized = pseudonymized;
        let waited = Instant::now();
        if self.policy_unrecorded.load(std::sync::atomic::Ordering::Acquire) {
            self.record_policy().await;
        }
        self.shadows.record_pending().await;
        let written = self
            .audit
            .decision(record)
            .instrument(child_span!(ctx.traced, "cordon.audit_write"))
            .await;
        self.metrics.audit_write(waited.elapsed().as_secs_f64());
        if written.is_err() {
            self.metrics.fail_closed("audit_unavailable");
            return Err(ProxyError::AuditUnavailable);
        }
        ctx.audited = true;
        let d = decided.decision();
        if d.action == ActionKind::Block {
            return Err(ProxyError::Blocked {
                rule: d.rule.to_string(),
                because: summary.describe_for_block(&d.rule),
            });
        }
        let resp = self.forward(ctx, &decided, &parts.headers, restorer).await?;
        Ok(resp.map(|b| body::guarded(b, (permit, in_flight))))
    }

    /// Reads the request body under the size limit and the request timeout.
    /// Refuses anything but JSON before reading a byte of it.
    async fn read_body<B>(&self, headers: &HeaderMap, body: B) -> Result<Bytes, ProxyError>
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
    {
        let is_json = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let mime = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
                mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
            })
            .unwrap_or(false);
        if !is_json {
            return Err(ProxyError::UnsupportedMediaType);
        }
        let limit = self.config.limits.max_body_bytes;
        let declared = headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(ProxyError::BodyTooLarge { limit });
        }
        let limited = Limited::new(body, usize::try_from(limit).unwrap_or(usize::MAX));
        match tokio::time::timeout(self.config.limits.request_timeout, limited.collect()).await {
            Err(_) => Err(ProxyError::ClientTimeout),
            Ok(Ok(collected)) => Ok(collected.to_bytes()),
            Ok(Err(e)) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => {
                Err(ProxyError::BodyTooLarge { limit })
            }
            Ok(Err(_)) => Err(ProxyError::BadRequest("the request body could not be read".into())),
        }
    }

    /// Runs the detectors over every text the model would read. Small
    /// requests are scanned in place (unless the learned recognizer is
    /// configured); large ones on a blocking thread under
    /// `limits.classify_timeout`. A detector that fails (panics) or runs out
    /// of time marks the summary: the policy's `on_error` then decides.
    async fn classify(&self, parsed: &Arc<ParsedRequest>) -> ContentSummary {
        let started = Instant::now();
        let ex = extract(parsed);
        // The learned recognizer takes milliseconds per window: never on an executor thread.
        let result = if ex.text_bytes() <= INLINE_SCAN_BYTES && !self.config.detectors.has_learned() {
            let run = || classify::scan(&self.config.detectors, self.config.audit.hmac_key.as_ref(), &ex);
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                Ok(Ok(summary)) => Ok(summary),
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "a detector failed");
                    Err("detector_failed")
                }
                Err(_) => Err("detector_failed"),
            }
        } else {
            let registry = self.config.detectors.clone();
            let key = self.config.audit.hmac_key.clone();
            let parsed = parsed.clone();
            let run = move || classify::scan(&registry, key.as_ref(), &extract(&parsed));
            match tokio::time::timeout(self.config.limits.classify_timeout, tokio::task::spawn_blocking(run)).await {
                Ok(Ok(Ok(summary))) => Ok(summary),
                Ok(Ok(Err(e))) => {
                    tracing::error!(error = %e, "a detector failed");
                    Err("detector_failed")
                }
                Ok(Err(_)) => Err("detector_failed"),
                Err(_) => Err("classify_timeout"),
            }
        };
        self.metrics.detector_time(started.elapsed().as_secs_f64());
        match result {
            Ok(summary) => summary,
            Err(why) => {
                tracing::error!(
                    reason = why,
                    "the request could not be classified; the policy's on_error applies"
                );
                self.metrics.fail_closed(why);
                classify::unclassified(&ex, why)
            }
        }
    }

    /// Replaces every detected value of the request by its placeholder
    /// (reusing the conversation's from the vault), and returns the request
    /// to send, the restorer for the answer (which knows only the values
    /// this request sent) and the counts by type.
    #[allow(clippy::type_complexity)]
    fn pseudonymize(
        &self,
        ctx: &RequestCtx,
        request: &ParsedRequest,
        summary: &ContentSummary,
    ) -> Result<(ParsedRequest, Restorer, std::collections::BTreeMap<String, u32>), crate::pseudo::PseudoError> {
        let style = self.config.pseudonymize.style;
        let key = self.vault.as_ref().and_then(|v| {
            let prefix = crate::pseudo::conversation_prefix(
                request,
                ctx.identity.tenant.as_deref(),
                ctx.identity.client.as_deref(),
            )?;
            v.key(&prefix)
        });
        let earlier = match (&self.vault, &key) {
            (Some(v), Some(k)) => v.get(k).unwrap_or_default(),
            _ => crate::pseudo::Mapping::default(),
        };
        let ex = extract(request);
        let applied = crate::pseudo::apply(request, summary, &ex.texts, earlier, style)?;
        if let (Some(v), Some(k)) = (&self.vault, key) {
            v.put(k, &applied.mapping);
        }
        for (entity, n) in &applied.counts {
            self.metrics.pseudonymized(entity, *n);
        }
        let sent = ParsedRequest {
            endpoint: request.endpoint,
            body: applied.body,
            model: request.model.clone(),
            stream: request.stream,
            model_mapped: request.model_mapped,
        };
        Ok((sent, Restorer::new(applied.sent, style), applied.counts))
    }

    /// With a `models:` map, only the models it names may be asked for (and
    /// such a name is the operator's, not scanned); without one, the model
    /// name is client text like any other and is scanned.
    fn check_model(&self, req: &mut ParsedRequest) -> Result<(), ProxyError> {
        if self.config.models.is_empty() {
            return Ok(());
        }
        if self.config.models.contains_key(&req.model) {
            req.model_mapped = true;
            Ok(())
        } else {
            Err(ProxyError::UnknownModel)
        }
    }

    /// Decides: the policy in force over the findings and the request's
    /// facts, then the route (see [`classify::decide`]). A client's
    /// `x-cordon-route` header may only name an on-premises route (a client
    /// may keep its data closer, never send it out).
    pub fn decide(
        &self,
        identity: &Identity,
        headers: &HeaderMap,
        request: Arc<ParsedRequest>,
        content: &ContentSummary,
    ) -> Result<Decided<Arc<ParsedRequest>>, ProxyError> {
        let asked = match headers.get(ROUTE_HEADER) {
            Some(v) if self.config.routing.allow_header => {
                let name = v
                    .to_str()
                    .map_err(|_| ProxyError::BadRequest(format!("`{ROUTE_HEADER}` is not text")))?;
                let route = self
                    .config
                    .route(name)
                    .ok_or_else(|| ProxyError::BadRequest(format!("`{ROUTE_HEADER}` names no configured route")))?;
                if route.zone != Zone::Local {
                    return Err(ProxyError::BadRequest(format!(
                        "`{ROUTE_HEADER}` may only name an on-premises route"
                    )));
                }
                if !self.config.entitled(identity.tenant.as_deref(), &route.name) {
                    return Err(ProxyError::BadRequest(format!(
                        "`{ROUTE_HEADER}` names a route this client's tenant may not use"
                    )));
                }
                Some(route.name.as_str())
            }
            _ => None,
        };
        let asker = self.asker(identity, headers, asked)?;
        let policy = self.policy.load_full();
        classify::decide_request(
            &self.config,
            &policy,
            content,
            request.clone(),
            &asker,
            self.shadows.needs_texts(),
            |texts, decision| {
                self.shadows
                    .evaluate(&self.config, content, &request, texts, &asker, decision)
            },
        )
    }

    fn asker<'a>(
        &'a self,
        identity: &'a Identity,
        headers: &HeaderMap,
        asked: Option<&'a str>,
    ) -> Result<Asker<'a>, ProxyError> {
        Ok(Asker {
            tenant: identity.tenant.as_deref(),
            client: identity.client.as_deref(),
            jurisdiction: classify::tenant_jurisdiction(&self.config, identity.tenant.as_deref()),
            asked_jurisdiction: classify::asked_jurisdiction(headers.get(JURISDICTION_HEADER))?,
            pinned_route: identity.route.as_deref(),
            asked_route: asked,
        })
    }

    /// `POST /cordon/v1/classify[?endpoint=messages]`: the body is a request
    /// as a client would send it (chat completions unless `endpoint` says
    /// otherwise, or the client speaks Anthropic). Answers the findings
    /// (entity, categories, span, score) and the decision with its reasons,
    /// as the proxy would decide it for this client now. Forwards nothing,
    /// writes no audit record.
    async fn classify_only<B>(&self, ctx: &mut RequestCtx, req: Request<B>) -> Result<Response<ProxyBody>, ProxyError>
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
    {
        let named = req
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("endpoint=")))
            .map(|n| Endpoint::parse_name(n).ok_or_else(|| ProxyError::BadRequest(format!("unknown endpoint `{n}`"))))
            .transpose()?;
        let target = named.unwrap_or(if ctx.api == ApiKind::Anthropic {
            Endpoint::Messages
        } else {
            Endpoint::ChatCompletions
        });
        ctx.api = target.api();
        let (parts, body) = req.into_parts();
        let bytes = self.read_body(&parts.headers, body).await?;
        let mut parsed = ParsedRequest::parse(target, &bytes)?;
        parsed.model_mapped = self.config.models.contains_key(&parsed.model);
        let parsed = Arc::new(parsed);
        let summary = self.classify(&parsed).await;
        let asker = self.asker(&ctx.identity, &parts.headers, None)?;
        let policy = self.policy.load_full();
        let ex = extract(&parsed);
        let texts: Vec<&str> = ex.texts.iter().map(|t| t.text.as_ref()).collect();
        let d = classify::decide(&self.config, &policy, &summary, &parsed, &texts, &asker, true);
        Ok(json_response(StatusCode::OK, &classify::explanation(&summary, &d)))
    }

    fn route_named(&self, name: &str) -> Result<&Route, ProxyError> {
        // Config::load checked every route reference; a miss is our bug.
        self.config
            .route(name)
            .ok_or_else(|| ProxyError::Internal(format!("route `{name}` vanished")))
    }

    /// Tries the route's upstreams in order. An upstream that cannot serve
    /// the endpoint or the model, is unavailable, refuses the connection,
    /// times out or answers 5xx is passed over for the next one, all within
    /// the decided route, so sensitive traffic never falls back to cloud.
    async fn forward(
        &self,
        ctx: &mut RequestCtx,
        decided: &Decided<Arc<ParsedRequest>>,
        client_headers: &HeaderMap,
        restorer: Option<Arc<Restorer>>,
    ) -> Result<Response<ProxyBody>, ProxyError> {
        let req: &ParsedRequest = decided.request();
        let route = self.route_named(decided.decision().route.as_deref().unwrap_or(""))?;
        let fwd_headers = headers::request_headers(client_headers);
        let mut last_error: Option<ProxyError> = None;
        let mut skipped: Vec<String> = Vec::new();
        let require = self.requirement(decided.decision());
        // Whether the requirement passed over an upstream of the route.
        let mut excluded = false;
        for &idx in &route.upstreams {
            let Some(up) = self.upstreams.get(idx) else { continue };
            // Residency and contract first: an upstream the decision does not
            // admit is never tried, whatever else is down.
            if let Some(r) = require {
                if !r.admits(up.config.region.as_deref(), up.config.baa) {
                    skipped.push(format!("{} does not carry {}", up.name(), r.describe()));
                    excluded = true;
                    continue;
                }
            }
            if !up.serves(req.endpoint) {
                skipped.push(format!("{} does not serve {}", up.name(), req.endpoint.as_str()));
                continue;
            }
            if let Err(reason) = up.availability() {
                skipped.push(format!("{} is unavailable: {reason}", up.name()));
                continue;
            }
            let Some(model) = self.upstream_model(&req.model, route, up) else {
                skipped.push(format!("{} has no model mapped for this request", up.name()));
                continue;
            };
            // The upstream tried last is the one the outcome names.
            ctx.upstream = Some(up.name().to_string());
            ctx.region = up.config.region.clone();
            let uspan = child_span!(
                ctx.traced,
                "cordon.upstream",
                otel.kind = "client",
                upstream = up.name(),
                http.response.status_code = Empty,
                error.type = Empty
            );
            let mut headers = fwd_headers.clone();
            crate::telemetry::inject(&uspan, &mut headers);
            let sent = up.send(decided, &model, headers).instrument(uspan.clone()).await;
            match &sent {
                Ok(resp) => uspan.record("http.response.status_code", resp.status.as_u16()),
                Err(SendError::Connect(_)) => uspan.record("error.type", "connect"),
                Err(SendError::Timeout(_)) => uspan.record("error.type", "timeout"),
                Err(SendError::Encode(_)) => uspan.record("error.type", "encode"),
                Err(SendError::Other(_)) => uspan.record("error.type", "other"),
            };
            match sent {
                Ok(resp) if resp.status.is_server_error() => {
                    let status = resp.status.as_u16();
                    self.metrics.upstream_error(up.name(), "5xx");
                    tracing::warn!(decision_id = %ctx.id, upstream = up.name(), status, "upstream error; trying the next upstream of the route");
                    last_error = Some(ProxyError::UpstreamFailed {
                        upstream: up.name().to_string(),
                        detail: format!("HTTP {status}"),
                    });
                }
                Ok(resp) => {
                    // Answers from the cloud lose what the detectors find in
                    // them, when the deciding policy asks (before restoring).
                    let redactor = (decided.decision().policy.egress_redact && up.zone() == Zone::Cloud)
                        .then(|| Arc::new(crate::redact::Redactor::new(self.config.detectors.clone())));
                    return self.respond(req, up, resp, restorer, redactor).await;
                }
                Err(SendError::Encode(e)) => {
                    return Err(ProxyError::BadRequest(format!("cannot translate this request: {e}")));
                }
                Err(e) => {
                    let class = match &e {
                        SendError::Connect(_) => "connect",
                        SendError::Timeout(_) => "timeout",
                        SendError::Encode(_) | SendError::Other(_) => "other",
                    };
                    self.metrics.upstream_error(up.name(), class);
                    tracing::warn!(decision_id = %ctx.id, upstream = up.name(), error = %e, "upstream unreachable; trying the next upstream of the route");
                    last_error = Some(match e {
                        SendError::Timeout(_) => ProxyError::UpstreamTimeout {
                            upstream: up.name().to_string(),
                        },
                        other => ProxyError::UpstreamFailed {
                            upstream: up.name().to_string(),
                            detail: other.to_string(),
                        },
                    });
                }
            }
        }
        if route.zone == Zone::Local {
            // Sensitive traffic had nowhere on premises to go: refused, not rerouted.
            self.metrics.fail_closed("no_local_upstream");
            let detail = match &last_error {
                Some(e) => e.to_string(),
                None if skipped.is_empty() => "the route is empty".into(),
                None => skipped.join("; "),
            };
            return Err(ProxyError::LocalUnavailable {
                route: route.name.clone(),
                detail,
            });
        }
        if let (Some(r), true) = (require, excluded) {
            // Upstreams the decision admits were tried and failed; the others
            // are not a fallback: no upstream of the route may take it (503).
            let mut detail = skipped;
            if let Some(e) = &last_error {
                detail.push(e.to_string());
            }
            self.metrics.fail_closed("no_admitted_upstream");
            return Err(ProxyError::NoUpstream {
                route: route.name.clone(),
                detail: format!("{} required: {}", r.describe(), detail.join("; ")),
            });
        }
        Err(last_error.unwrap_or_else(|| ProxyError::NoUpstream {
            route: route.name.clone(),
            detail: if skipped.is_empty() {
                "the route is empty".into()
            } else {
                skipped.join("; ")
            },
        }))
    }

    /// What the decision requires of the upstreams it goes to (the deciding
    /// action's `require:`), for requests that leave the premises.
    fn requirement<'d>(&self, d: &'d Decision) -> Option<&'d cordon_policies::Require> {
        match d.action {
            ActionKind::Cloud | ActionKind::Pseudonymize => d.policy.requirement(&d.rule).map(|r| &**r),
            ActionKind::Local | ActionKind::Block => None,
        }
    }

    /// The model name to send to `up`: from the `models:` map (per upstream
    /// name, then per route), or the client's own when there is no map.
    fn upstream_model(&self, requested: &str, route: &Route, up: &Upstream) -> Option<String> {
        if self.config.models.is_empty() {
            return Some(requested.to_string());
        }
        let map = self.config.models.get(requested)?;
        map.get(up.name()).or_else(|| map.get(&route.name)).cloned()
    }

    /// Turns the upstream's answer into the client's: relayed chunk by chunk
    /// when the provider speaks the client's API; otherwise decoded by the
    /// provider into the common form and encoded into the client's API
    /// (streams event by event); placeholders restored when the request was
    /// pseudonymized.
    async fn respond(
        &self,
        req: &ParsedRequest,
        up: &Upstream,
        resp: Answer,
        restorer: Option<Arc<Restorer>>,
        redactor: Option<Arc<crate::redact::Redactor>>,
    ) -> Result<Response<ProxyBody>, ProxyError> {
        let mut status = resp.status;
        let client_api = req.endpoint.api();
        let provider = up.provider();
        let same = up.native_api() == Some(client_api);
        // Errors of a provider whose error shapes differ from its API's are decoded.
        let same = same && (status.is_success() || !provider.maps_errors());
        if same && restorer.is_none() && redactor.is_none() {
            let headers = headers::response_headers(&resp.headers, true);
            let mut out = Response::new(body::stream(resp.body));
            *out.status_mut() = status;
            *out.headers_mut() = headers;
            return Ok(out);
        }
        let mut headers = headers::response_headers(&resp.headers, false);
        headers.remove(http::header::CONTENT_LENGTH);
        let failed = |detail: &str| ProxyError::UpstreamFailed {
            upstream: up.name().to_string(),
            detail: detail.to_string(),
        };
        let is_sse = resp.is_sse();
        if status.is_success() && req.stream && (is_sse || !same) {
            let events: futures_util::stream::BoxStream<'static, Result<Bytes, BoxError>> = if same {
                resp.body
            } else {
                // An Anthropic client needs usage to close its stream.
                let include_usage = client_api == ApiKind::Anthropic || client_include_usage(req);
                let common = provider.decode_stream(resp.body, &req.model, include_usage);
                match client_api {
                    ApiKind::OpenAi => common,
                    ApiKind::Anthropic => {
                        let t = crate::upstream::Events(
                            crate::upstream::anthropic::OpenAiToAnthropicStream::new(&req.model)
                                .stop_sequences(crate::upstream::anthropic::stop_sequences(&req.body)),
                        );
                        map_events(common, t, MAX_SSE_EVENT).boxed()
                    }
                }
            };
            headers.insert(
                http::header::CONTENT_TYPE,
                HeaderValue::from_static("text/event-stream"),
            );
            headers.insert(http::header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            let events = match redactor {
                Some(r) => map_events(events, crate::redact::StreamRedact::new(r), MAX_SSE_EVENT).boxed(),
                None => events,
            };
            let body = match (restorer, Shape::of(req.endpoint)) {
                (Some(r), Some(shape)) => body::stream(map_events(events, StreamRestore::new(r, shape), MAX_SSE_EVENT)),
                _ => body::stream(events),
            };
            let mut out = Response::new(body);
            *out.status_mut() = status;
            *out.headers_mut() = headers;
            return Ok(out);
        }
        let bytes = read_all(resp.body)
            .await
            .map_err(|_| failed("unreadable response body"))?;
        let parsed = serde_json::from_slice::<Value>(&bytes);
        let mut value = if same {
            match parsed {
                Ok(v) => v,
                Err(_) if redactor.is_some() => {
                    return Err(failed("the answer is not JSON and cannot be checked"));
                }
                Err(_) => {
                    // Not JSON: relayed as it came.
                    let mut out = Response::new(body::full(bytes));
                    *out.status_mut() = status;
                    *out.headers_mut() = headers;
                    return Ok(out);
                }
            }
        } else if !status.is_success() {
            let common = provider.decode_error(status.as_u16(), &parsed.unwrap_or(Value::Null));
            match client_api {
                ApiKind::Anthropic => crate::upstream::anthropic::openai_error_to_anthropic(status.as_u16(), &common),
                ApiKind::OpenAi => common,
            }
        } else {
            let value = parsed.map_err(|_| failed("response is not JSON"))?;
            let decoded = provider
                .decode(&value, &req.model)
                .map_err(|e| failed(&format!("response cannot be translated: {e}")))?;
            match decoded {
                Decoded::Answer(common) => match client_api {
                    ApiKind::Anthropic => {
                        let mut message = crate::upstream::anthropic::openai_to_anthropic_response(&common, &req.model)
                            .map_err(|e| failed(&format!("response cannot be translated: {e}")))?;
                        let stops = crate::upstream::anthropic::stop_sequences(&req.body);
                        crate::upstream::anthropic::strip_echoed_stop(&mut message, &stops);
                        message
                    }
                    ApiKind::OpenAi => common,
                },
                Decoded::Refusal(common) => {
                    status = StatusCode::BAD_REQUEST;
                    match client_api {
                        ApiKind::Anthropic => crate::upstream::anthropic::openai_error_to_anthropic(400, &common),
                        ApiKind::OpenAi => common,
                    }
                }
            }
        };
        if let Some(r) = &redactor {
            r.redact_value(&mut value);
        }
        if let Some(r) = &restorer {
            r.restore_value(&mut value, true);
        }
        Ok(json_with_headers(status, &value, headers))
    }

    fn observe(&self, ctx: &RequestCtx, status: u16, elapsed: std::time::Duration) {
        let (route, action, rule) = match &ctx.decision {
            Some(d) => (d.route_label(), d.action.as_str(), &*d.rule),
            None => ("none", "none", ""),
        };
        let labels = RequestLabels {
            endpoint: ctx.endpoint.map(Endpoint::as_str).unwrap_or("unknown").to_string(),
            route: route.to_string(),
            action: action.to_string(),
            rule: rule.to_string(),
            upstream: ctx.upstream.clone().unwrap_or_default(),
            status,
        };
        self.metrics.request(&labels, elapsed.as_secs_f64());
    }

    /// `GET /metrics`: Prometheus (OpenMetrics) text; with
    /// `telemetry.metrics_key_env`, only for a request that carries the key.
    fn render_metrics(&self, headers: &HeaderMap) -> Response<ProxyBody> {
        if !crate::telemetry::telemetry_allowed(self.config.telemetry.metrics_key.as_ref(), headers) {
            let mut h = HeaderMap::new();
            h.insert(http::header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            let body = json!({"error": {"message": "metrics need the metrics key", "type": "authentication_error"}});
            return json_with_headers(StatusCode::UNAUTHORIZED, &body, h);
        }
        self.metrics.audit_healthy.set(i64::from(self.audit.is_healthy()));
        self.metrics
            .audit_queue
            .set(i64::try_from(self.audit.queue_depth()).unwrap_or(i64::MAX));
        let ship = self.audit.progress();
        if ship.enabled.load(std::sync::atomic::Ordering::Acquire) {
            use std::sync::atomic::Ordering::{Acquire, Relaxed};
            self.metrics
                .ship_lag_records
                .set(i64::try_from(ship.lag_records()).unwrap_or(i64::MAX));
            self.metrics.ship_lag_seconds.set(ship.lag_seconds());
            self.metrics.ship_connected.set(i64::from(ship.connected.load(Acquire)));
            self.metrics
                .shipped
                .inner()
                .fetch_max(ship.shipped_total.load(Relaxed), Relaxed);
        }
        if let Some(syslog) = crate::audit::syslog::stats() {
            use std::sync::atomic::Ordering::{Acquire, Relaxed};
            self.metrics
                .syslog_sent
                .inner()
                .fetch_max(syslog.sent.load(Relaxed), Relaxed);
            self.metrics
                .syslog_dropped
                .inner()
                .fetch_max(syslog.dropped.load(Relaxed), Relaxed);
            self.metrics
                .syslog_connected
                .set(i64::from(syslog.connected.load(Acquire)));
        }
        for u in self.upstreams.iter() {
            let Some(engine) = u.engine() else { continue };
            // The upstream's counts, across model swaps.
            let Some(st) = u.engine_slot().map(|s| s.totals()) else {
                continue;
            };
            let l = crate::metrics::EngineLabels {
                upstream: u.name().to_string(),
            };
            let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
            self.metrics.engine_waiting.get_or_create(&l).set(n(st.waiting));
            let info = engine.info();
            let reserved = engine
                .stats()
                .kv_reserved_tokens
                .load(std::sync::atomic::Ordering::Relaxed);
            self.metrics
                .engine_kv_reserved
                .get_or_create(&l)
                .set(i64::try_from(reserved).unwrap_or(i64::MAX));
            let runtime = engine.stats().runtime_memory();
            let memory = [
                ("weights", Some(info.weights_bytes)),
                ("kv_cache", Some(info.kv_cache_bytes)),
                (
                    "kv_cache_allocated",
                    Some(engine.stats().kv_cache_bytes.load(std::sync::atomic::Ordering::Relaxed)),
                ),
                ("runtime_in_use", runtime.map(|m| m.in_use)),
                ("runtime_reserved", runtime.map(|m| m.reserved)),
            ];
            for (kind, v) in memory.into_iter().filter_map(|(k, v)| Some((k, v?))) {
                let ml = crate::metrics::EngineTokenLabels {
                    upstream: u.name().to_string(),
                    kind: kind.into(),
                };
                self.metrics.engine_memory.get_or_create(&ml).set(n(v));
            }
            self.metrics.engine_active.get_or_create(&l).set(n(st.active));
            // The engines count; the counters catch up with them on scrape.
            let catch_up = |c: &prometheus_client::metrics::counter::Counter, now: u64| {
                c.inner().fetch_max(now, std::sync::atomic::Ordering::Relaxed);
            };
            catch_up(&self.metrics.engine_rejected.get_or_create(&l), st.rejected);
            catch_up(&self.metrics.engine_cancelled.get_or_create(&l), st.cancelled);
            for (kind, v) in [("prompt", st.prompt_tokens), ("generated", st.generated_tokens)] {
                let tl = crate::metrics::EngineTokenLabels {
                    upstream: u.name().to_string(),
                    kind: kind.into(),
                };
                catch_up(&self.metrics.engine_tokens.get_or_create(&tl), v);
            }
        }
        let mut resp = Response::new(body::full(self.metrics.render()));
        resp.headers_mut().insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
        );
        resp
    }

    /// `GET /v1/models`: the model names clients may ask for.
    fn models(&self, api: ApiKind) -> Response<ProxyBody> {
        // The `models:` map's names, then each loaded engine's own model.
        let mut names: Vec<String> = self.config.models.keys().cloned().collect();
        for u in self.upstreams.iter() {
            if let Some(e) = u.engine() {
                if !names.contains(&e.info().name) {
                    names.push(e.info().name.clone());
                }
            }
        }
        let body = match api {
            ApiKind::OpenAi => json!({
                "object": "list",
                "data": names.iter().map(|n| json!({"id": n, "object": "model", "created": 0, "owned_by": "cordon"})).collect::<Vec<_>>(),
            }),
            ApiKind::Anthropic => json!({
                "data": names.iter().map(|n| json!({"type": "model", "id": n, "display_name": n, "created_at": "1970-01-01T00:00:00Z"})).collect::<Vec<_>>(),
                "has_more": false,
                "first_id": names.first(),
                "last_id": names.last(),
            }),
        };
        json_response(StatusCode::OK, &body)
    }

    /// `GET /readyz`: ready when the default route has an upstream that can
    /// take requests. Lists every upstream's state (names and reasons only),
    /// unless a metrics key is configured and the request lacks it: then
    /// the bare status.
    fn readyz(&self, headers: &HeaderMap) -> Response<ProxyBody> {
        let mut ups = serde_json::Map::new();
        for u in &self.upstreams {
            let state = match u.availability() {
                Ok(()) => json!({"zone": u.zone().as_str(), "available": true}),
                Err(reason) => json!({"zone": u.zone().as_str(), "available": false, "reason": reason}),
            };
            let state = match (state, u.engine()) {
                (mut v, Some(e)) => {
                    v["engine"] = engine_memory(&e);
                    v
                }
                (v, None) => v,
            };
            ups.insert(u.name().to_string(), state);
        }
        let mut routes = serde_json::Map::new();
        for (name, r) in &self.config.routes {
            let usable = r
                .upstreams
                .iter()
                .any(|&i| self.upstreams.get(i).is_some_and(|u| u.availability().is_ok()));
            routes.insert(name.clone(), json!({"zone": r.zone.as_str(), "usable": usable}));
        }
        let default = &self.config.routing.default_route;
        let audit_ok = self.audit.is_healthy();
        let progress = self.audit.progress();
        let ship = self.config.audit.ship.as_ref().map(|s| {
            let lag = progress.lag_records();
            let within = s.max_lag.is_none_or(|max| lag <= max);
            let mut v = json!({
                "replica": self.config.audit.replica,
                "connected": progress.connected.load(std::sync::atomic::Ordering::Acquire),
                "shipped_seq": progress.shipped_seq.load(std::sync::atomic::Ordering::Acquire),
                "lag_records": lag,
                "lag_seconds": progress.lag_seconds(),
                "within_max_lag": within,
            });
            if let Some(e) = progress.last_error() {
                v["error"] = json!(e);
            }
            (v, within)
        });
        let ship_ok = ship.as_ref().is_none_or(|(_, within)| *within);
        let ready = audit_ok
            && ship_ok
            && routes
                .get(default)
                .and_then(|r| r.get("usable"))
                .and_then(Value::as_bool)
                .unwrap_or(false);
        let status = if ready {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        if !crate::telemetry::telemetry_allowed(self.config.telemetry.metrics_key.as_ref(), headers) {
            return json_response(status, &json!({"status": if ready {"ready"} else {"not_ready"}}));
        }
        json_response(
            status,
            &json!({"status": if ready {"ready"} else {"not_ready"}, "default_route": default, "audit": {"healthy": audit_ok, "ship": ship.map(|(v, _)| v)}, "routes": routes, "upstreams": ups}),
        )
    }
}

/// Counts a model request in `cordon_requests_in_flight` until its body is done.
struct InFlightGauge(prometheus_client::metrics::gauge::Gauge);

impl InFlightGauge {
    fn enter(g: &prometheus_client::metrics::gauge::Gauge) -> Self {
        g.inc();
        InFlightGauge(g.clone())
    }
}

impl Drop for InFlightGauge {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// The decision record: names, counts and offsets only, never content.
fn decision_record(
    ctx: &RequestCtx,
    decided: &Decided<Arc<ParsedRequest>>,
    content: &ContentSummary,
) -> DecisionRecord {
    let d = decided.decision();
    DecisionRecord {
        id: ctx.id.clone(),
        tenant: ctx.identity.tenant.clone(),
        client: ctx.identity.client.clone(),
        endpoint: decided.request().endpoint.as_str().to_string(),
        model: decided.request().model.clone(),
        route: d.route.clone().unwrap_or_default(),
        zone: d.zone.map_or("none", Zone::as_str).to_string(),
        action: d.action.as_str().to_string(),
        rule: d.rule.to_string(),
        policy_hash: Some(d.policy.hash.clone()),
        text_parts: content.text_parts,
        text_bytes: content.text_bytes,
        opaque_parts: content.unscannable.len(),
        entities: content.entity_counts(),
        categories: content.category_counts(),
        spans: content
            .findings
            .iter()
            .zip(&content.finding_parts)
            .map(|(f, &part)| crate::audit::Span {
                pointer: content.pointers.get(part).cloned().unwrap_or_default(),
                start: f.start,
                end: f.end,
                entity: f.entity.as_str().to_string(),
            })
            .collect(),
        fingerprints: content.fingerprints.clone(),
        pseudonymized: std::collections::BTreeMap::new(),
        shadows: decided.shadows().to_vec(),
        ..Default::default()
    }
}

async fn read_all(mut stream: crate::upstream::ByteStream) -> Result<Bytes, BoxError> {
    let mut out = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if out.len() + chunk.len() > MAX_UPSTREAM_BODY {
            return Err("upstream body too large".into());
        }
        out.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(out))
}

/// Whether an OpenAI client asked for usage in its stream.
fn client_include_usage(req: &ParsedRequest) -> bool {
    req.body
        .get("stream_options")
        .and_then(|o| o.get("include_usage"))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

fn json_response(status: StatusCode, value: &Value) -> Response<ProxyBody> {
    json_with_headers(status, value, HeaderMap::new())
}

fn json_with_headers(status: StatusCode, value: &Value, mut headers: HeaderMap) -> Response<ProxyBody> {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    headers.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.remove(http::header::CONTENT_LENGTH);
    let mut resp = Response::new(body::full(bytes));
    *resp.status_mut() = status;
    *resp.headers_mut() = headers;
    resp
}
