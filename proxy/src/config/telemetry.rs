//! `telemetry:` in the config.

use std::time::Duration;

/// OTLP transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OtlpProtocol {
    /// gRPC (port 4317 by convention).
    #[default]
    Grpc,
    /// HTTP with protobuf bodies (port 4318; `/v1/traces` is appended).
    Http,
}

/// `telemetry:` in the config.
#[derive(Debug, Clone)]
pub struct TelemetryConfig {
    pub otlp_endpoint: Option<String>,
    pub otlp_protocol: OtlpProtocol,
    pub service_name: String,
    /// Share of traces kept (root spans; a sampled parent is always followed).
    pub sample_ratio: f64,
    /// How often finished spans are sent.
    pub export_interval: Duration,
    /// `error`, `warn`, `info`, `debug`, `trace`.
    pub log_level: String,
    /// The key `GET /metrics` and the detailed `GET /readyz` require; `None`: open.
    pub metrics_key: Option<secrecy::SecretString>,
    /// Decision and outcome records as OTLP log records (`audit::siem`).
    pub siem_logs: bool,
    /// The same records as RFC 5424 syslog over TLS (`audit::syslog`).
    pub siem_syslog: Option<SyslogConfig>,
}

/// `telemetry.siem_syslog`: where the RFC 5424 feed goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyslogConfig {
    /// `host:port` of the collector's TLS syslog listener (6514 by convention).
    pub endpoint: String,
    /// The name its certificate must carry (default: the host of `addr`).
    pub server_name: String,
    /// The CA that signed it (default: the web PKI roots).
    pub ca: Option<std::path::PathBuf>,
    /// APP-NAME (default `cordon`).
    pub app_name: String,
    /// Messages held while the collector is slow or away; past it they are dropped and counted.
    pub queue: usize,
}
