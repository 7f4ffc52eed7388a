//! The SIEM feed: each decision and outcome record as an OpenTelemetry log
//! record, sent by the OTLP exporter Cordon already has
//! (`telemetry: { otlp_endpoint: ..., siem_logs: true }`).
//!
//! Attributes follow OCSF's API Activity class (`class_uid` 6003, category
//! 6, Application Activity), flattened with dots as OTLP attributes; what
//! OCSF has no field for goes under `unmapped.cordon.*`. The README has the
//! mapping table. Like the trail itself, a record carries names and counts
//! only: entity types and how many, the rule, route and upstream, never a
//! detected value or prompt text (fingerprints and spans stay in the trail).

use std::sync::OnceLock;

use opentelemetry::logs::{AnyValue, LogRecord, Logger, LoggerProvider, Severity};

use super::{DecisionRecord, OutcomeRecord};

/// The logger provider, set once by `telemetry::init` when the feed is on.
static PROVIDER: OnceLock<opentelemetry_sdk::logs::SdkLoggerProvider> = OnceLock::new();
static LOGGER: OnceLock<opentelemetry_sdk::logs::SdkLogger> = OnceLock::new();

/// OCSF API Activity.
const CLASS_UID: i64 = 6003;
const CATEGORY_UID: i64 = 6;
/// OCSF `activity_id` 99: Other (a routing decision, an outcome).
const ACTIVITY_OTHER: i64 = 99;

pub fn install(provider: opentelemetry_sdk::logs::SdkLoggerProvider) {
    let _ = LOGGER.set(provider.logger("cordon.audit"));
    let _ = PROVIDER.set(provider);
}

/// Sends what is queued (at shutdown).
pub fn shutdown() {
    if let Some(p) = PROVIDER.get() {
        if let Err(e) = p.shutdown() {
            tracing::warn!(error = %e, "SIEM log export did not finish cleanly");
        }
    }
}

/// Whether the feed is on.
pub fn enabled() -> bool {
    LOGGER.get().is_some()
}

fn s(v: &str) -> AnyValue {
    AnyValue::String(v.to_string().into())
}

fn i(v: u64) -> AnyValue {
    AnyValue::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// The attributes common to both records.
fn common(r: &mut opentelemetry_sdk::logs::SdkLogRecord, ts_ms: u64, activity: &'static str) {
    r.set_timestamp(std::time::UNIX_EPOCH + std::time::Duration::from_millis(ts_ms));
    r.set_severity_number(Severity::Info);
    r.set_severity_text("INFO");
    r.set_event_name(activity);
    r.add_attribute("class_uid", CLASS_UID);
    r.add_attribute("class_name", "API Activity");
    r.add_attribute("category_uid", CATEGORY_UID);
    r.add_attribute("activity_id", ACTIVITY_OTHER);
    r.add_attribute("activity_name", activity);
    r.add_attribute("type_uid", CLASS_UID * 100 + ACTIVITY_OTHER);
    r.add_attribute("time", i(ts_ms));
    r.add_attribute("severity_id", 1_i64);
    r.add_attribute("metadata.product.name", "Cordon");
    r.add_attribute("metadata.product.vendor_name", "Cordon");
    r.add_attribute("metadata.version", "1.3.0");
}

/// A decision record, once durable (`seq`: its place in `replica`'s trail).
pub fn decision(replica: &str, seq: u64, ts_ms: u64, d: &DecisionRecord) {
    let Some(logger) = LOGGER.get() else { return };
    let mut r = logger.create_log_record();
    common(&mut r, ts_ms, "cordon.decision");
    r.set_body(s(&format!("{} by rule {} on route {}", d.action, d.rule, d.route)));
    let blocked = d.action == "block";
    r.add_attribute("metadata.uid", s(&d.id));
    r.add_attribute("metadata.log_name", "cordon.audit");
    r.add_attribute("metadata.sequence", i(seq));
    r.add_attribute("metadata.log_provider", s(replica));
    r.add_attribute("status_id", if blocked { 2_i64 } else { 1 });
    r.add_attribute("status", if blocked { "Failure" } else { "Success" });
    r.add_attribute("disposition_id", if blocked { 2_i64 } else { 1 });
    r.add_attribute("disposition", s(&d.action));
    r.add_attribute("api.operation", s(&d.endpoint));
    r.add_attribute("api.service.name", s(&d.model));
    r.add_attribute("dst_endpoint.svc_name", s(&d.route));
    r.add_attribute("dst_endpoint.zone", s(&d.zone));
    if let Some(region) = d.regions.first() {
        r.add_attribute("cloud.region", s(region));
    }
    if let Some(c) = &d.client {
        r.add_attribute("actor.app_name", s(c));
    }
    if let Some(t) = &d.tenant {
        r.add_attribute("actor.user.org.name", s(t));
    }
    r.add_attribute("policy.name", s(&d.rule));
    if let Some(h) = &d.policy_hash {
        r.add_attribute("policy.uid", s(h));
    }
    for (entity, n) in &d.entities {
        r.add_attribute(format!("unmapped.cordon.entities.{entity}"), i(u64::from(*n)));
    }
    for (cat, n) in &d.categories {
        r.add_attribute(format!("unmapped.cordon.categories.{cat}"), i(u64::from(*n)));
    }
    for (entity, n) in &d.pseudonymized {
        r.add_attribute(format!("unmapped.cordon.pseudonymized.{entity}"), i(u64::from(*n)));
    }
    r.add_attribute("unmapped.cordon.text_parts", i(d.text_parts as u64));
    r.add_attribute("unmapped.cordon.opaque_parts", i(d.opaque_parts as u64));
    logger.emit(r);
}

/// An outcome record.
pub fn outcome(replica: &str, o: &OutcomeRecord) {
    let Some(logger) = LOGGER.get() else { return };
    let mut r = logger.create_log_record();
    common(&mut r, super::now_ms(), "cordon.outcome");
    let ok = o.error.is_none() && o.status < 400;
    r.set_body(s(&format!(
        "status {} from {}",
        o.status,
        o.upstream.as_deref().unwrap_or("no upstream")
    )));
    r.add_attribute("metadata.correlation_uid", s(&o.decision_id));
    r.add_attribute("metadata.log_name", "cordon.audit");
    r.add_attribute("metadata.log_provider", s(replica));
    r.add_attribute("status_id", if ok { 1_i64 } else { 2 });
    r.add_attribute("status", if ok { "Success" } else { "Failure" });
    r.add_attribute("http_response.code", i64::from(o.status));
    // The error's class only (`upstream_timeout`, ...): no message text.
    if let Some(e) = &o.error {
        r.add_attribute("status_detail", s(e.split(':').next().unwrap_or("error")));
    }
    if let Some(u) = &o.upstream {
        r.add_attribute("dst_endpoint.name", s(u));
    }
    if let Some(region) = &o.region {
        r.add_attribute("cloud.region", s(region));
    }
    if let Some(m) = &o.model_served {
        r.add_attribute("api.service.name", s(m));
    }
    r.add_attribute("duration", o.latency_ms.round() as i64);
    if let Some(t) = o.tokens_in {
        r.add_attribute("unmapped.cordon.tokens_in", i(t));
    }
    if let Some(t) = o.tokens_out {
        r.add_attribute("unmapped.cordon.tokens_out", i(t));
    }
    if let Some(c) = o.cost_usd {
        r.add_attribute("unmapped.cordon.cost_usd", c);
    }
    if let Some(n) = o.restored {
        r.add_attribute("unmapped.cordon.restored", i(n));
    }
    if let Some(ents) = &o.egress_entities {
        for (entity, n) in ents {
            r.add_attribute(format!("unmapped.cordon.egress_entities.{entity}"), i(u64::from(*n)));
        }
    }
    logger.emit(r);
}
