//! Logs, traces and OTLP metrics.
//!
//! - Logs: structured JSON on stderr (`CORDON_LOG_FORMAT=text` for people),
//!   level from `telemetry.log_level` (`CORDON_LOG` overrides, with
//!   `tracing` directives).
//! - Traces: a span per request (`cordon.request`) with a child per phase
//!   (`cordon.read_body`, `cordon.parse`, `cordon.classify`, `cordon.decide`,
//!   `cordon.pseudonymize`, `cordon.audit_write`, `cordon.upstream`,
//!   `cordon.relay`), exported by OTLP (gRPC or HTTP/protobuf) when
//!   `telemetry.otlp_endpoint` is set. W3C trace context (`traceparent`,
//!   `tracestate`) is taken from the client and passed to the upstreams.
//! - Metrics: the instruments of [`crate::metrics::OtelInstruments`], sent
//!   by OTLP to the same endpoint (`/metrics` serves them to Prometheus).
//!
//! Span attributes are names and counts (tenant, route, action, rule,
//! upstream, model, status, entity types and counts): never a value, never
//! prompt text.

use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue};
use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{BatchConfigBuilder, Sampler, SdkTracerProvider};
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::filter::FilterExt;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

pub use crate::config::telemetry::{OtlpProtocol, TelemetryConfig};

static METRICS_EXPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether metrics go out by OTLP: without it the OpenTelemetry instruments
/// are skipped (their attributes are not even built).
pub fn metrics_exported() -> bool {
    METRICS_EXPORTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Whether a request may see telemetry details (`/metrics`, the detailed
/// `/readyz`): no key is configured, or it sends `Authorization: Bearer
/// <key>` (compared in constant time).
pub fn telemetry_allowed(key: Option<&secrecy::SecretString>, headers: &http::HeaderMap) -> bool {
    use secrecy::ExposeSecret;
    use subtle::ConstantTimeEq;
    let Some(key) = key else { return true };
    let Some(sent) = headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
    else {
        return false;
    };
    bool::from(sent.trim().as_bytes().ct_eq(key.expose_secret().as_bytes()))
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        TelemetryConfig {
            otlp_endpoint: None,
            otlp_protocol: OtlpProtocol::Grpc,
            service_name: "cordon".into(),
            sample_ratio: 1.0,
            export_interval: Duration::from_secs(5),
            log_level: "info".into(),
            metrics_key: None,
            siem_logs: false,
            siem_syslog: None,
        }
    }
}

/// Keeps the exporters alive; [`Telemetry::shutdown`] flushes what is left.
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
    meters: Option<opentelemetry_sdk::metrics::SdkMeterProvider>,
}

impl Telemetry {
    /// Sends the spans still queued (bounded by the exporter's timeout).
    pub fn shutdown(self) {
        if let Some(p) = self.provider {
            if let Err(e) = p.shutdown() {
                tracing::warn!(error = %e, "trace export did not finish cleanly");
            }
        }
        if let Some(m) = self.meters {
            if let Err(e) = m.shutdown() {
                tracing::warn!(error = %e, "metric export did not finish cleanly");
            }
        }
        crate::audit::siem::shutdown();
    }
}

/// Installs logging and, with an OTLP endpoint, tracing export. With an
/// endpoint it must run inside the Tokio runtime that will serve.
pub fn init(cfg: &TelemetryConfig) -> Result<Telemetry, String> {
    // The exporters' own HTTP/2 and gRPC stacks stay quiet: their events
    // would otherwise be traced and exported in turn.
    let quiet = "h2=warn,hyper=warn,hyper_util=warn,tonic=warn,tower=warn,reqwest=warn,opentelemetry=warn,opentelemetry_sdk=warn,opentelemetry_otlp=warn";
    let filter = match std::env::var("CORDON_LOG") {
        Ok(directives) => EnvFilter::try_new(format!("{quiet},{directives}")),
        Err(_) => EnvFilter::try_new(format!("{},{quiet}", cfg.log_level)),
    }
    .map_err(|e| format!("log level: {e}"))?;
    let text = std::env::var("CORDON_LOG_FORMAT").is_ok_and(|f| f == "text");
    // The log sees events only: spans are for the trace exporter. (A span
    // the log layer saw would have its fields formatted as text on every
    // record, for nothing.) With no exporter, no layer wants spans and
    // creating one costs next to nothing.
    let events = tracing_subscriber::filter::filter_fn(|m| m.is_event());
    let fmt = if text {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(filter.and(events))
            .boxed()
    } else {
        tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .with_writer(std::io::stderr)
            .with_filter(filter.and(events))
            .boxed()
    };
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let provider = match &cfg.otlp_endpoint {
        Some(endpoint) => Some(provider(cfg, endpoint)?),
        None => None,
    };
    // Metrics by OTLP too: the instruments of `crate::metrics::Metrics` record
    // into the global meter provider (a no-op without an endpoint).
    let meters = match &cfg.otlp_endpoint {
        Some(endpoint) => {
            let m = meter_provider(cfg, endpoint)?;
            opentelemetry::global::set_meter_provider(m.clone());
            METRICS_EXPORTED.store(true, std::sync::atomic::Ordering::Relaxed);
            Some(m)
        }
        None => None,
    };
    if let (Some(endpoint), true) = (&cfg.otlp_endpoint, cfg.siem_logs) {
        crate::audit::siem::install(logger_provider(cfg, endpoint)?);
    }
    if let Some(syslog) = &cfg.siem_syslog {
        crate::audit::syslog::install(syslog)?;
    }
    // Cordon's own spans only: not those of the HTTP and gRPC stacks (the
    // exporter's among them).
    let ours = tracing_subscriber::filter::filter_fn(|m| m.is_span() && m.target().starts_with("cordon"));
    let otel = provider.as_ref().map(|p| {
        tracing_opentelemetry::layer()
            .with_tracer(p.tracer("cordon"))
            .with_filter(ours)
    });
    tracing_subscriber::registry()
        .with(fmt)
        .with(otel)
        .try_init()
        .map_err(|e| format!("logging: {e}"))?;
    Ok(Telemetry { provider, meters })
}

/// What every exported span and metric says of its source.
fn resource(cfg: &TelemetryConfig) -> opentelemetry_sdk::Resource {
    opentelemetry_sdk::Resource::builder()
        .with_service_name(cfg.service_name.clone())
        .build()
}

/// The OTLP/HTTP URL of a signal (`traces`, `metrics`) under the collector's base URL.
fn signal_url(endpoint: &str, signal: &str) -> String {
    format!("{}/v1/{signal}", endpoint.trim_end_matches('/'))
}

fn meter_provider(
    cfg: &TelemetryConfig,
    endpoint: &str,
) -> Result<opentelemetry_sdk::metrics::SdkMeterProvider, String> {
    let exporter = match cfg.otlp_protocol {
        OtlpProtocol::Grpc => opentelemetry_otlp::MetricExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build(),
        OtlpProtocol::Http => opentelemetry_otlp::MetricExporter::builder()
            .with_http()
            .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
            .with_endpoint(signal_url(endpoint, "metrics"))
            .build(),
    }
    .map_err(|e| format!("OTLP metric exporter for {endpoint}: {e}"))?;
    let reader = opentelemetry_sdk::metrics::periodic_reader_with_async_runtime::PeriodicReader::builder(
        exporter,
        opentelemetry_sdk::runtime::Tokio,
    )
    .with_interval(cfg.export_interval)
    .build();
    Ok(opentelemetry_sdk::metrics::SdkMeterProvider::builder()
        .with_reader(reader)
        .with_resource(resource(cfg))
        .build())
}

/// The SIEM feed's logs, batched like the spans.
fn logger_provider(
    cfg: &TelemetryConfig,
    endpoint: &str,
) -> Result<opentelemetry_sdk::logs::SdkLoggerProvider, String> {
    let exporter = match cfg.otlp_protocol {
        OtlpProtocol::Grpc => opentelemetry_otlp::LogExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build(),
        OtlpProtocol::Http => opentelemetry_otlp::LogExporter::builder()
            .with_http()
            .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
            .with_endpoint(signal_url(endpoint, "logs"))
            .build(),
    }
    .map_err(|e| format!("OTLP log exporter for {endpoint}: {e}"))?;
    let batch = opentelemetry_sdk::logs::log_processor_with_async_runtime::BatchLogProcessor::builder(
        exporter,
        opentelemetry_sdk::runtime::Tokio,
    )
    .with_batch_config(
        opentelemetry_sdk::logs::BatchConfigBuilder::default()
            .with_scheduled_delay(cfg.export_interval)
            .build(),
    )
    .build();
    Ok(opentelemetry_sdk::logs::SdkLoggerProvider::builder()
        .with_log_processor(batch)
        .with_resource(resource(cfg))
        .build())
}

fn provider(cfg: &TelemetryConfig, endpoint: &str) -> Result<SdkTracerProvider, String> {
    let exporter = match cfg.otlp_protocol {
        OtlpProtocol::Grpc => opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build(),
        OtlpProtocol::Http => opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
            .with_endpoint(signal_url(endpoint, "traces"))
            .build(),
    }
    .map_err(|e| format!("OTLP exporter for {endpoint}: {e}"))?;
    let batch = opentelemetry_sdk::trace::span_processor_with_async_runtime::BatchSpanProcessor::builder(
        exporter,
        opentelemetry_sdk::runtime::Tokio,
    )
    .with_batch_config(
        BatchConfigBuilder::default()
            .with_scheduled_delay(cfg.export_interval)
            .build(),
    )
    .build();
    Ok(SdkTracerProvider::builder()
        .with_span_processor(batch)
        .with_resource(resource(cfg))
        .with_sampler(Sampler::ParentBased(Box::new(Sampler::TraceIdRatioBased(
            cfg.sample_ratio,
        ))))
        .build())
}

struct HeaderExtract<'a>(&'a HeaderMap);

impl Extractor for HeaderExtract<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(HeaderName::as_str).collect()
    }
}

struct HeaderInject<'a>(&'a mut HeaderMap);

impl Injector for HeaderInject<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(k), Ok(v)) = (HeaderName::from_bytes(key.as_bytes()), HeaderValue::from_str(&value)) {
            self.0.insert(k, v);
        }
    }
}

/// Makes the client's W3C trace context (if any) the parent of `span`.
pub fn adopt_parent(span: &tracing::Span, headers: &HeaderMap) {
    if headers.contains_key("traceparent") {
        let cx = TraceContextPropagator::new().extract(&HeaderExtract(headers));
        // Fails only when tracing export is off: then there is nothing to link.
        let _ = span.set_parent(cx);
    }
}

/// Whether `span` is exported: enabled (an exporter is on) and sampled.
pub fn sampled(span: &tracing::Span) -> bool {
    use opentelemetry::trace::TraceContextExt;
    !span.is_disabled() && span.context().span().span_context().is_sampled()
}

/// Writes `span`'s W3C trace context into the headers for an upstream.
/// Without tracing export the client's own `traceparent` (if any) goes on as it came.
pub fn inject(span: &tracing::Span, headers: &mut HeaderMap) {
    let cx = span.context();
    use opentelemetry::trace::TraceContextExt;
    if cx.span().span_context().is_valid() {
        TraceContextPropagator::new().inject_context(&cx, &mut HeaderInject(headers));
    }
}
