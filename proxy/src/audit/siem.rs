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

/// A field's value: what OTLP takes as an attribute and syslog as a parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    S(String),
    I(i64),
    F(f64),
}

impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::S(v.to_string())
    }
}

impl From<&String> for Val {
    fn from(v: &String) -> Val {
        Val::S(v.clone())
    }
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::I(v)
    }
}

impl From<u64> for Val {
    fn from(v: u64) -> Val {
        Val::I(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::F(v)
    }
}

impl std::fmt::Display for Val {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Val::S(s) => f.write_str(s),
            Val::I(i) => write!(f, "{i}"),
            Val::F(x) => write!(f, "{x}"),
        }
    }
}

/// One record for the SIEM, mapped once to OCSF's fields and rendered by
/// each feed (OTLP here, RFC 5424 syslog in `audit::syslog`).
#[derive(Debug, Clone)]
pub struct Event {
    /// `cordon.decision` or `cordon.outcome`.
    pub activity: &'static str,
    pub ts_ms: u64,
    /// A one-line summary of names only.
    pub body: String,
    /// A blocked request or a failed outcome.
    pub failure: bool,
    /// OCSF fields, dotted (`class_uid`, `dst_endpoint.zone`, `unmapped.cordon.entities.US_SSN`).
    pub fields: Vec<(String, Val)>,
}

impl Event {
    fn new(activity: &'static str, ts_ms: u64, body: String) -> Event {
        let mut e = Event {
            activity,
            ts_ms,
            body,
            failure: false,
            fields: Vec::with_capacity(32),
        };
        e.add("class_uid", CLASS_UID);
        e.add("class_name", "API Activity");
        e.add("category_uid", CATEGORY_UID);
        e.add("activity_id", ACTIVITY_OTHER);
        e.add("activity_name", activity);
        e.add("type_uid", CLASS_UID * 100 + ACTIVITY_OTHER);
        e.add("time", ts_ms);
        e.add("severity_id", 1_i64);
        e.add("metadata.product.name", "Cordon");
        e.add("metadata.product.vendor_name", "Cordon");
        e.add("metadata.version", "1.3.0");
        e
    }

    fn add(&mut self, key: impl Into<String>, v: impl Into<Val>) {
        self.fields.push((key.into(), v.into()));
    }
}

/// A decision record as the SIEM sees it (`seq`: its place in `replica`'s trail).
pub fn decision_event(replica: &str, seq: u64, ts_ms: u64, d: &DecisionRecord) -> Event {
    let mut e = Event::new(
        "cordon.decision",
        ts_ms,
        format!("{} by rule {} on route {}", d.action, d.rule, d.route),
    );
    let blocked = d.action == "block";
    e.failure = blocked;
    e.add("metadata.uid", &d.id);
    e.add("metadata.log_name", "cordon.audit");
    e.add("metadata.sequence", seq);
    e.add("metadata.log_provider", replica);
    e.add("status_id", if blocked { 2_i64 } else { 1 });
    e.add("status", if blocked { "Failure" } else { "Success" });
    e.add("disposition_id", if blocked { 2_i64 } else { 1 });
    e.add("disposition", &d.action);
    e.add("api.operation", &d.endpoint);
    e.add("api.service.name", &d.model);
    e.add("dst_endpoint.svc_name", &d.route);
    e.add("dst_endpoint.zone", &d.zone);
    if let Some(region) = d.regions.first() {
        e.add("cloud.region", region);
    }
    if let Some(c) = &d.client {
        e.add("actor.app_name", c);
    }
    if let Some(t) = &d.tenant {
        e.add("actor.user.org.name", t);
    }
    e.add("policy.name", &d.rule);
    if let Some(h) = &d.policy_hash {
        e.add("policy.uid", h);
    }
    for (entity, n) in &d.entities {
        e.add(format!("unmapped.cordon.entities.{entity}"), u64::from(*n));
    }
    for (cat, n) in &d.categories {
        e.add(format!("unmapped.cordon.categories.{cat}"), u64::from(*n));
    }
    for (entity, n) in &d.pseudonymized {
        e.add(format!("unmapped.cordon.pseudonymized.{entity}"), u64::from(*n));
    }
    e.add("unmapped.cordon.text_parts", d.text_parts as u64);
    e.add("unmapped.cordon.opaque_parts", d.opaque_parts as u64);
    e
}

/// An outcome record as the SIEM sees it.
pub fn outcome_event(replica: &str, o: &OutcomeRecord) -> Event {
    let ok = o.error.is_none() && o.status < 400;
    let mut e = Event::new(
        "cordon.outcome",
        super::now_ms(),
        format!(
            "status {} from {}",
            o.status,
            o.upstream.as_deref().unwrap_or("no upstream")
        ),
    );
    e.failure = !ok;
    e.add("metadata.correlation_uid", &o.decision_id);
    e.add("metadata.log_name", "cordon.audit");
    e.add("metadata.log_provider", replica);
    e.add("status_id", if ok { 1_i64 } else { 2 });
    e.add("status", if ok { "Success" } else { "Failure" });
    e.add("http_response.code", i64::from(o.status));
    // The error's class only (`upstream_timeout`, ...): no message text.
    if let Some(err) = &o.error {
        e.add("status_detail", err.split(':').next().unwrap_or("error"));
    }
    if let Some(u) = &o.upstream {
        e.add("dst_endpoint.name", u);
    }
    if let Some(region) = &o.region {
        e.add("cloud.region", region);
    }
    if let Some(m) = &o.model_served {
        e.add("api.service.name", m);
    }
    e.add("duration", o.latency_ms.round() as i64);
    if let Some(t) = o.tokens_in {
        e.add("unmapped.cordon.tokens_in", t);
    }
    if let Some(t) = o.tokens_out {
        e.add("unmapped.cordon.tokens_out", t);
    }
    if let Some(c) = o.cost_usd {
        e.add("unmapped.cordon.cost_usd", c);
    }
    if let Some(n) = o.restored {
        e.add("unmapped.cordon.restored", n);
    }
    if let Some(ents) = &o.egress_entities {
        for (entity, n) in ents {
            e.add(format!("unmapped.cordon.egress_entities.{entity}"), u64::from(*n));
        }
    }
    e
}

/// Whether any feed wants the records.
pub fn wanted() -> bool {
    enabled() || super::syslog::enabled()
}

/// A decision record, once durable, to every feed that is on.
pub fn decision(replica: &str, seq: u64, ts_ms: u64, d: &DecisionRecord) {
    if wanted() {
        emit(decision_event(replica, seq, ts_ms, d));
    }
}

/// An outcome record, to every feed that is on.
pub fn outcome(replica: &str, o: &OutcomeRecord) {
    if wanted() {
        emit(outcome_event(replica, o));
    }
}

fn emit(e: Event) {
    if let Some(logger) = LOGGER.get() {
        let mut r = logger.create_log_record();
        r.set_timestamp(std::time::UNIX_EPOCH + std::time::Duration::from_millis(e.ts_ms));
        r.set_severity_number(Severity::Info);
        r.set_severity_text("INFO");
        r.set_event_name(e.activity);
        r.set_body(AnyValue::String(e.body.clone().into()));
        for (k, v) in &e.fields {
            match v {
                Val::S(s) => r.add_attribute(k.clone(), AnyValue::String(s.clone().into())),
                Val::I(i) => r.add_attribute(k.clone(), *i),
                Val::F(x) => r.add_attribute(k.clone(), *x),
            }
        }
        logger.emit(r);
    }
    super::syslog::send(e);
}
