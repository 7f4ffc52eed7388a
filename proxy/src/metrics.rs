//! Prometheus metrics, served on `GET /metrics` (OpenMetrics text).
//!
//! Labels are low-cardinality names from the config and fixed classes:
//! route, action, rule, upstream, endpoint, status. Never a value, never
//! prompt text, never a client key.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub endpoint: String,
    /// `local`, `cloud`, or `none` when refused before a decision.
    pub route: String,
    pub action: String,
    pub rule: String,
    pub upstream: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct UpstreamErrorLabels {
    pub upstream: String,
    /// `connect`, `timeout`, `5xx`, `other`.
    pub class: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabels {
    pub reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EngineLabels {
    pub upstream: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EngineTokenLabels {
    pub upstream: String,
    /// `prompt` or `generated`.
    pub kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EntityLabels {
    pub entity: String,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 100 µs .. ~100 s
    Histogram::new(exponential_buckets(0.0001, 2.5, 16))
}

/// The same measurements as OpenTelemetry instruments, exported by OTLP when
/// `telemetry.otlp_endpoint` is set (no-ops otherwise).
pub struct OtelInstruments {
    pub requests: opentelemetry::metrics::Counter<u64>,
    pub duration: opentelemetry::metrics::Histogram<f64>,
    pub upstream_errors: opentelemetry::metrics::Counter<u64>,
    pub fail_closed: opentelemetry::metrics::Counter<u64>,
    pub audit_write: opentelemetry::metrics::Histogram<f64>,
    pub detector_time: opentelemetry::metrics::Histogram<f64>,
    pub policy_reloads: opentelemetry::metrics::Counter<u64>,
    pub pseudonymized: opentelemetry::metrics::Counter<u64>,
}

impl OtelInstruments {
    fn new() -> Self {
        let m = opentelemetry::global::meter("cordon");
        let seconds = |name: &'static str, what: &'static str| {
            m.f64_histogram(name).with_unit("s").with_description(what).build()
        };
        OtelInstruments {
            requests: m
                .u64_counter("cordon.requests")
                .with_description("Requests answered, by route, action, rule, upstream and status")
                .build(),
            duration: seconds(
                "cordon.request.duration",
                "Time from request to response headers (first byte of a stream)",
            ),
            upstream_errors: m
                .u64_counter("cordon.upstream.errors")
                .with_description("Upstream attempts that failed, by class")
                .build(),
            fail_closed: m
                .u64_counter("cordon.fail_closed")
                .with_description("Requests refused or kept on premises rather than sent anywhere less safe")
                .build(),
            audit_write: seconds(
                "cordon.audit.write.duration",
                "Time a request waits for its decision record to be durable",
            ),
            detector_time: seconds("cordon.detector.duration", "Time the detectors take over one request"),
            policy_reloads: m
                .u64_counter("cordon.policy.reloads")
                .with_description("Policy file changes, loaded or refused")
                .build(),
            pseudonymized: m
                .u64_counter("cordon.pseudonymized.values")
                .with_description("Distinct values replaced by placeholders, by entity type")
                .build(),
        }
    }
}

/// Attributes from label pairs.
fn attrs(pairs: &[(&'static str, &str)]) -> Vec<opentelemetry::KeyValue> {
    pairs
        .iter()
        .map(|(k, v)| opentelemetry::KeyValue::new(*k, v.to_string()))
        .collect()
}

pub struct Metrics {
    registry: Registry,
    pub otel: OtelInstruments,
    pub requests: Family<RequestLabels, Counter>,
    pub duration: HistogramFamily<RequestLabels>,
    pub upstream_errors: Family<UpstreamErrorLabels, Counter>,
    pub fail_closed: Family<ReasonLabels, Counter>,
    pub audit_write: Histogram,
    pub detector_time: Histogram,
    pub policy_reloads: Family<ReasonLabels, Counter>,
    pub pseudonymized: Family<EntityLabels, Counter>,
    pub audit_healthy: Gauge,
    pub audit_queue: Gauge,
    /// Durable audit records not yet in PostgreSQL (`audit.ship`).
    pub ship_lag_records: Gauge,
    /// Age of the oldest of them, in seconds.
    pub ship_lag_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    /// Records shipped by this process.
    pub shipped: Counter,
    /// 1 while the shipper is connected to PostgreSQL.
    pub ship_connected: Gauge,
    /// The RFC 5424 SIEM feed (`telemetry.siem_syslog`).
    pub syslog_sent: Counter,
    pub syslog_dropped: Counter,
    pub syslog_connected: Gauge,
    pub in_flight: Gauge,
    /// The built-in engines' state, set from their counters on scrape.
    pub engine_waiting: Family<EngineLabels, Gauge>,
    pub engine_active: Family<EngineLabels, Gauge>,
    pub engine_tokens: Family<EngineTokenLabels, Counter>,
    pub engine_rejected: Family<EngineLabels, Counter>,
    pub engine_cancelled: Family<EngineLabels, Counter>,
    /// Bytes a built-in engine holds, by kind (`weights`, `kv_cache`).
    pub engine_memory: Family<EngineTokenLabels, Gauge>,
    pub engine_kv_reserved: Family<EngineLabels, Gauge>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("cordon");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "requests",
            "Requests answered, by route, action, rule, upstream and status",
            requests.clone(),
        );
        let duration: HistogramFamily<RequestLabels> = Family::new_with_constructor(latency_histogram);
        registry.register(
            "request_duration_seconds",
            "Time from request to response headers (first byte of a stream)",
            duration.clone(),
        );
        let upstream_errors = Family::<UpstreamErrorLabels, Counter>::default();
        registry.register(
            "upstream_errors",
            "Upstream attempts that failed, by class",
            upstream_errors.clone(),
        );
        let fail_closed = Family::<ReasonLabels, Counter>::default();
        registry.register(
            "fail_closed",
            "Requests refused or kept on premises rather than sent anywhere less safe (audit trail down, no on-premises upstream, detectors failed or timed out)",
            fail_closed.clone(),
        );
        let audit_write = Histogram::new(exponential_buckets(0.00005, 2.0, 16));
        registry.register(
            "audit_write_seconds",
            "Time a request waits for its decision record to be durable",
            audit_write.clone(),
        );
        // 10 µs .. ~0.3 s
        let detector_time = Histogram::new(exponential_buckets(0.00001, 2.0, 16));
        registry.register(
            "detector_seconds",
            "Time the detectors take over all texts of one request",
            detector_time.clone(),
        );
        let policy_reloads = Family::<ReasonLabels, Counter>::default();
        registry.register(
            "policy_reloads",
            "Policy file changes: `loaded` (in force) or `refused` (invalid; the old policy kept serving)",
            policy_reloads.clone(),
        );
        let pseudonymized = Family::<EntityLabels, Counter>::default();
        registry.register(
            "pseudonymized_values",
            "Distinct values replaced by placeholders before a request left, by entity type",
            pseudonymized.clone(),
        );
        let audit_healthy = Gauge::default();
        registry.register(
            "audit_healthy",
            "1 while the audit trail can be written",
            audit_healthy.clone(),
        );
        let audit_queue = Gauge::default();
        registry.register(
            "audit_queue_depth",
            "Audit records handed to the writer and not yet written",
            audit_queue.clone(),
        );
        let ship_lag_records = Gauge::default();
        registry.register(
            "audit_ship_lag_records",
            "Durable audit records not yet shipped to PostgreSQL (audit.ship)",
            ship_lag_records.clone(),
        );
        let ship_lag_seconds = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        registry.register(
            "audit_ship_lag_seconds",
            "Age of the oldest durable audit record not yet shipped to PostgreSQL",
            ship_lag_seconds.clone(),
        );
        let shipped = Counter::default();
        registry.register(
            "audit_shipped_records",
            "Audit records shipped to PostgreSQL by this process",
            shipped.clone(),
        );
        let ship_connected = Gauge::default();
        registry.register(
            "audit_ship_connected",
            "1 while the audit shipper is connected to PostgreSQL",
            ship_connected.clone(),
        );
        let syslog_sent = Counter::default();
        registry.register(
            "siem_syslog_sent_messages",
            "SIEM syslog messages written to the collector (telemetry.siem_syslog)",
            syslog_sent.clone(),
        );
        let syslog_dropped = Counter::default();
        registry.register(
            "siem_syslog_dropped_messages",
            "SIEM syslog messages dropped because the queue to the collector was full",
            syslog_dropped.clone(),
        );
        let syslog_connected = Gauge::default();
        registry.register(
            "siem_syslog_connected",
            "1 while the SIEM syslog feed is connected to its collector",
            syslog_connected.clone(),
        );
        let in_flight = Gauge::default();
        registry.register("requests_in_flight", "Model requests being served", in_flight.clone());
        let engine_memory = Family::<EngineTokenLabels, Gauge>::default();
        registry.register(
            "engine_memory_bytes",
            "Memory a built-in engine holds: its model's weights (the graph and its data files), its key/value \
             cache at full size (kv_cache: allocated at load on CUDA) and what it takes now (kv_cache_allocated: \
             on CPU it grows with the sequences), and what ONNX Runtime's arena for its device reports \
             (runtime_in_use, runtime_reserved: on CUDA, device memory), by kind",
            engine_memory.clone(),
        );
        let engine_kv_reserved = Family::<EngineLabels, Gauge>::default();
        registry.register(
            "engine_kv_reserved_tokens",
            "Key/value cache tokens reserved by a built-in engine's queued and running requests (with kv_budget_mb)",
            engine_kv_reserved.clone(),
        );
        let engine_waiting = Family::<EngineLabels, Gauge>::default();
        registry.register(
            "engine_queue_depth",
            "Requests waiting for a slot in a built-in engine",
            engine_waiting.clone(),
        );
        let engine_active = Family::<EngineLabels, Gauge>::default();
        registry.register(
            "engine_active_sequences",
            "Sequences a built-in engine is generating",
            engine_active.clone(),
        );
        let engine_tokens = Family::<EngineTokenLabels, Counter>::default();
        registry.register(
            "engine_tokens",
            "Tokens a built-in engine has read (prompt) and generated",
            engine_tokens.clone(),
        );
        let engine_rejected = Family::<EngineLabels, Counter>::default();
        registry.register(
            "engine_rejected_requests",
            "Requests a built-in engine refused because its queue was full",
            engine_rejected.clone(),
        );
        let engine_cancelled = Family::<EngineLabels, Counter>::default();
        registry.register(
            "engine_cancelled_requests",
            "Generations dropped because the client went away",
            engine_cancelled.clone(),
        );
        Metrics {
            registry,
            requests,
            duration,
            upstream_errors,
            fail_closed,
            audit_write,
            detector_time,
            policy_reloads,
            pseudonymized,
            otel: OtelInstruments::new(),
            audit_healthy,
            audit_queue,
            ship_lag_records,
            ship_lag_seconds,
            shipped,
            ship_connected,
            syslog_sent,
            syslog_dropped,
            syslog_connected,
            in_flight,
            engine_waiting,
            engine_active,
            engine_tokens,
            engine_rejected,
            engine_cancelled,
            engine_memory,
            engine_kv_reserved,
        }
    }

    /// The OpenMetrics text exposition.
    /// One answered request: counted and timed, for Prometheus and OTLP.
    pub fn request(&self, labels: &RequestLabels, seconds: f64) {
        self.duration.get_or_create(labels).observe(seconds);
        self.requests.get_or_create(labels).inc();
        if crate::telemetry::metrics_exported() {
            let status = labels.status.to_string();
            let attrs = attrs(&[
                ("endpoint", labels.endpoint.as_str()),
                ("route", labels.route.as_str()),
                ("action", labels.action.as_str()),
                ("rule", labels.rule.as_str()),
                ("upstream", labels.upstream.as_str()),
                ("status", status.as_str()),
            ]);
            self.otel.duration.record(seconds, &attrs);
            self.otel.requests.add(1, &attrs);
        }
    }

    /// An upstream attempt that failed (`connect`, `timeout`, `5xx`, `other`).
    pub fn upstream_error(&self, upstream: &str, class: &str) {
        let labels = UpstreamErrorLabels {
            upstream: upstream.to_string(),
            class: class.to_string(),
        };
        self.upstream_errors.get_or_create(&labels).inc();
        if crate::telemetry::metrics_exported() {
            self.otel
                .upstream_errors
                .add(1, &attrs(&[("upstream", upstream), ("class", class)]));
        }
    }

    /// A request refused or kept on premises rather than sent anywhere less safe.
    pub fn fail_closed(&self, reason: &str) {
        self.fail_closed
            .get_or_create(&ReasonLabels {
                reason: reason.to_string(),
            })
            .inc();
        if crate::telemetry::metrics_exported() {
            self.otel.fail_closed.add(1, &attrs(&[("reason", reason)]));
        }
    }

    /// A policy file change: `loaded` or `refused`.
    pub fn policy_reload(&self, reason: &str) {
        self.policy_reloads
            .get_or_create(&ReasonLabels {
                reason: reason.to_string(),
            })
            .inc();
        if crate::telemetry::metrics_exported() {
            self.otel.policy_reloads.add(1, &attrs(&[("reason", reason)]));
        }
    }

    /// `n` distinct values of `entity` replaced by placeholders.
    pub fn pseudonymized(&self, entity: &str, n: u32) {
        self.pseudonymized
            .get_or_create(&EntityLabels {
                entity: entity.to_string(),
            })
            .inc_by(u64::from(n));
        if crate::telemetry::metrics_exported() {
            self.otel.pseudonymized.add(u64::from(n), &attrs(&[("entity", entity)]));
        }
    }

    /// The wait for a decision record to be durable.
    pub fn audit_write(&self, seconds: f64) {
        self.audit_write.observe(seconds);
        self.otel.audit_write.record(seconds, &[]);
    }

    /// The detectors' time on one request.
    pub fn detector_time(&self, seconds: f64) {
        self.detector_time.observe(seconds);
        self.otel.detector_time.record(seconds, &[]);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_with_labels() {
        let m = Metrics::new();
        let l = RequestLabels {
            endpoint: "chat_completions".into(),
            route: "cloud".into(),
            action: "cloud".into(),
            rule: "routing.default".into(),
            upstream: "openai".into(),
            status: 200,
        };
        m.requests.get_or_create(&l).inc();
        m.duration.get_or_create(&l).observe(0.002);
        let text = m.render();
        assert!(
            text.contains("cordon_requests_total{endpoint=\"chat_completions\",route=\"cloud\""),
            "{text}"
        );
        assert!(text.contains("cordon_request_duration_seconds_bucket"), "{text}");
        assert!(text.ends_with("# EOF\n"));
    }
}
