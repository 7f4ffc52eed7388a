//! Configuration: one YAML file, read in two steps.
//!
//! 1. [`RawConfig`] is the file as written (`deny_unknown_fields`, errors carry
//!    their YAML path and position).
//! 2. [`Config::build`] checks cross references (routes name upstreams, the
//!    `local` route holds only on-premises upstreams, plaintext only on
//!    loopback, ...), reads secrets from the environment and yields the runtime
//!    form. A config that fails here never serves traffic.
//!
//! Secrets are never written in the file: `*_env` keys name environment
//! variables.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::SecretString;
use serde::Deserialize;

pub mod audit;
pub mod console;
pub mod pseudo;
pub mod telemetry;

/// The configuration used when `cordon serve` runs without `--config`.
pub const EMBEDDED_DEFAULT: &str = include_str!("default.yaml");

/// One problem found in a config file, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigIssue {
    /// Dotted path of the offending key, e.g. `upstreams.openai.base_url`.
    pub path: String,
    /// 1-based line and column, when the file lets us find them.
    pub position: Option<(usize, usize)>,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, col)) = self.position {
            write!(f, "line {line}, column {col}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in a config, errors first. Displayed one per line.
#[derive(Debug, Clone, Default)]
pub struct ConfigReport {
    pub source_name: String,
    pub errors: Vec<ConfigIssue>,
    pub warnings: Vec<ConfigIssue>,
}

impl fmt::Display for ConfigReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "{}: error: {e}", self.source_name)?;
        }
        for w in &self.warnings {
            writeln!(f, "{}: warning: {w}", self.source_name)?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigReport {}

// ---------------------------------------------------------------------------
// Step 1: the file as written.
// ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub listen: Vec<RawListener>,
    #[serde(default)]
    pub clients: Option<Vec<RawClient>>,
    #[serde(default)]
    pub upstreams: BTreeMap<String, RawUpstream>,
    #[serde(default)]
    pub routes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub models: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    pub routing: RawRouting,
    #[serde(default)]
    pub limits: RawLimits,
    #[serde(default)]
    pub audit: RawAudit,
    #[serde(default)]
    pub detectors: cordon_detectors::DetectorsConfig,
    /// The policy file (`policy: FILE` or `policy: { file: FILE, reload_interval: 2s }`).
    #[serde(default)]
    pub policy: Option<RawPolicyRef>,
    /// Per tenant settings: `tenants: { clinic: { jurisdiction: US } }`.
    #[serde(default)]
    pub tenants: BTreeMap<String, RawTenant>,
    /// How the `pseudonymize` action replaces values.
    #[serde(default)]
    pub pseudonymize: RawPseudonymize,
    /// Logs and trace export.
    #[serde(default)]
    pub telemetry: RawTelemetry,
    /// The compliance console's own listener and users.
    #[serde(default)]
    pub admin: Option<RawAdmin>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdmin {
    pub addr: String,
    #[serde(default)]
    pub tls: Option<RawTls>,
    #[serde(default)]
    pub allow_plaintext: bool,
    #[serde(default)]
    pub users: Vec<RawAdminUser>,
    #[serde(default)]
    pub oidc: Option<RawOidc>,
    /// How long a console session lasts without activity (default 30m).
    #[serde(default)]
    pub session_ttl: Option<String>,
    /// Proxies in front of the console (addresses or CIDR blocks) whose
    /// `X-Forwarded-For` names the browser's address: for the sign-in
    /// limit and the trail. Others' `X-Forwarded-For` is ignored.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    /// Time to send a request's head (default: `limits.header_timeout`).
    #[serde(default)]
    pub header_timeout: Option<String>,
    /// Idle time before a connection is closed (default: `limits.idle_timeout`).
    #[serde(default)]
    pub idle_timeout: Option<String>,
    /// Open console connections at most (default 256), apart from the proxy's.
    #[serde(default)]
    pub max_connections: Option<usize>,
    /// Open console connections from one address at most (default 32).
    #[serde(default)]
    pub max_connections_per_address: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdminUser {
    pub name: String,
    /// `viewer` or `auditor`.
    pub role: String,
    /// An argon2 PHC string (`cordon admin hash-password`).
    #[serde(default)]
    pub password_hash: Option<String>,
    /// Or the environment variable holding it.
    #[serde(default)]
    pub password_hash_env: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOidc {
    /// The `iss` tokens must carry.
    pub issuer: String,
    /// The `aud` tokens must carry.
    pub audience: String,
    /// Where the issuer publishes its keys; default: the `jwks_uri` of
    /// `<issuer>/.well-known/openid-configuration`.
    #[serde(default)]
    pub jwks_url: Option<String>,
    /// Or a JWKS file (offline deployments).
    #[serde(default)]
    pub jwks_file: Option<PathBuf>,
    /// The claim holding the role (`viewer` or `auditor`, or a list); default `cordon_role`.
    #[serde(default)]
    pub role_claim: Option<String>,
    /// The claim naming the user in the trail; default `sub`.
    #[serde(default)]
    pub user_claim: Option<String>,
    /// Single sign-on in the browser: OpenID Connect's authorization code
    /// flow with PKCE ("Sign in with ..." on the sign-in page).
    #[serde(default)]
    pub sso: Option<RawSso>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSso {
    /// The issuer's authorization endpoint (where the browser is sent);
    /// default: from `<issuer>/.well-known/openid-configuration`.
    #[serde(default)]
    pub authorization_endpoint: Option<String>,
    /// The issuer's token endpoint (where Cordon trades the code for an ID
    /// token); default: from the discovery document.
    #[serde(default)]
    pub token_endpoint: Option<String>,
    /// This console's client id at the issuer: the `aud` of its ID tokens.
    pub client_id: String,
    /// The environment variable holding the client secret (confidential
    /// clients); absent: a public client, PKCE alone.
    #[serde(default)]
    pub client_secret_env: Option<String>,
    /// Where the issuer sends the browser back: this console's
    /// `/login/oidc/callback`, as registered at the issuer.
    pub redirect_uri: String,
    /// Scopes asked for; default `[openid]` (`openid` is always asked).
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The issuer's end-session endpoint (OpenID Connect RP-initiated
    /// logout): signing out of the console signs out there too. Default:
    /// from the discovery document, where it lists one.
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
    /// Where the issuer sends the browser after signing out there, as
    /// registered at the issuer (e.g. this console's `/login`); absent:
    /// the issuer's own page.
    #[serde(default)]
    pub post_logout_redirect_uri: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTelemetry {
    /// OTLP collector, e.g. `http://otel-collector:4317`; absent: no trace export.
    #[serde(default)]
    pub otlp_endpoint: Option<String>,
    /// `grpc` (default) or `http` (protobuf over HTTP, `/v1/traces` appended).
    #[serde(default)]
    pub otlp_protocol: Option<String>,
    #[serde(default)]
    pub service_name: Option<String>,
    /// Share of new traces kept, 0.0-1.0 (default 1.0); a sampled parent is always followed.
    #[serde(default)]
    pub sample_ratio: Option<f64>,
    /// How often finished spans are sent (default 5s).
    #[serde(default)]
    pub export_interval: Option<String>,
    /// `error`, `warn`, `info` (default), `debug`, `trace`; `CORDON_LOG` overrides.
    #[serde(default)]
    pub log_level: Option<String>,
    /// The environment variable holding the key that `GET /metrics` and the
    /// detailed `GET /readyz` require (`Authorization: Bearer <key>`).
    /// Absent: both are open to anyone who reaches the proxy's port.
    #[serde(default)]
    pub metrics_key_env: Option<String>,
    /// The SIEM feed: every decision and outcome record as an OTLP log
    /// record (OCSF API Activity; names and counts only). Needs `otlp_endpoint`.
    #[serde(default)]
    pub siem_logs: bool,
    /// The same feed as RFC 5424 syslog over TLS (RFC 5425).
    #[serde(default)]
    pub siem_syslog: Option<RawSyslog>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSyslog {
    /// `host:port` of the collector's TLS listener.
    pub endpoint: String,
    /// `tls: { ca: FILE, server_name: NAME }`.
    #[serde(default)]
    pub tls: Option<RawSyslogTls>,
    #[serde(default)]
    pub app_name: Option<String>,
    #[serde(default)]
    pub queue: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSyslogTls {
    #[serde(default)]
    pub ca: Option<PathBuf>,
    #[serde(default)]
    pub server_name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPseudonymize {
    /// `token` (`[PERSON_1]`, the default) or `surrogate` (format-preserving fakes).
    #[serde(default)]
    pub style: Option<String>,
    #[serde(default)]
    pub vault: RawVault,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVault {
    /// How long a conversation's placeholders are kept after its last turn. Default 30m.
    #[serde(default)]
    pub ttl: Option<String>,
    /// The most conversations kept (least recently used go first). Default 10000.
    #[serde(default)]
    pub max_conversations: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawPolicyRef {
    File(PathBuf),
    Full(RawPolicyFile),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicyFile {
    pub file: PathBuf,
    /// How often the file is checked for changes. Default 2s.
    #[serde(default)]
    pub reload_interval: Option<String>,
    /// Candidate policies evaluated beside this one on the same findings,
    /// never enforced: what they would have decided goes into the trail.
    #[serde(default)]
    pub shadow: Vec<PathBuf>,
    /// `differences` (default): a decision record lists the shadows that
    /// decided otherwise; `always`: every shadow, every time.
    #[serde(default)]
    pub shadow_record: Option<ShadowRecording>,
}

/// Which shadow decisions a decision record lists (`policy.shadow_record`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShadowRecording {
    /// Only the shadows whose action, rule or route differ from the decision.
    #[default]
    Differences,
    /// Every shadow in force.
    Always,
}

/// A shadow policy, read from its file.
#[derive(Debug, Clone)]
pub struct ShadowPolicy {
    pub file: PathBuf,
    pub policy: std::sync::Arc<cordon_policies::Policy>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTenant {
    /// `EU`, `US`, `UK`...: the tenant's jurisdiction. A request's
    /// `x-cordon-jurisdiction` header may only make its decision stricter.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    /// Routes dedicated to this tenant (`[local-beta]`): a route that any
    /// tenant lists may be taken by those tenants' clients only (by header
    /// or pin); routes no tenant lists are open to all.
    #[serde(default)]
    pub routes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAudit {
    /// Default: `audit` beside the config file.
    #[serde(default)]
    pub dir: Option<PathBuf>,
    /// Default: `<dir>/audit.ed25519`, created with mode 0600 if absent.
    #[serde(default)]
    pub signing_key: Option<PathBuf>,
    #[serde(default)]
    pub hmac_key_env: Option<String>,
    #[serde(default)]
    pub checkpoint_every: Option<u64>,
    #[serde(default)]
    pub checkpoint_interval: Option<String>,
    #[serde(default)]
    pub segment_max_bytes: Option<u64>,
    #[serde(default)]
    pub segment_max_age: Option<String>,
    #[serde(default)]
    pub retention: Option<String>,
    /// Model name as served -> price per million tokens.
    #[serde(default)]
    pub prices: BTreeMap<String, audit::Price>,
    /// `durable` (default) or `queued`: whether an answer's last byte waits
    /// for its outcome record to be on disk.
    #[serde(default)]
    pub outcomes: Option<String>,
    /// This replica's name in the fleet (default: the hostname, which is the
    /// pod name in a StatefulSet).
    #[serde(default)]
    pub replica: Option<String>,
    /// Where the trail is shipped: `ship: { postgres: { url_env: ... } }`.
    #[serde(default)]
    pub ship: Option<RawShip>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShip {
    pub postgres: RawShipPostgres,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShipPostgres {
    /// The variable holding the connection URL (default `CORDON_AUDIT_PG_URL`).
    #[serde(default)]
    pub url_env: Option<String>,
    /// Prefix of the tables (default `cordon_`).
    #[serde(default)]
    pub table_prefix: Option<String>,
    /// `tls: { ca: FILE }`: the CA that signed the server's certificate
    /// (default: the web PKI roots). TLS is used as the URL's `sslmode` says.
    #[serde(default)]
    pub tls: Option<RawPgTls>,
    /// Records per batch (default 5000).
    #[serde(default)]
    pub batch: Option<usize>,
    /// How long less than a batch waits for more records (default 200ms).
    #[serde(default)]
    pub linger: Option<String>,
    /// Unshipped records past which `/readyz` says not ready (default: no bound).
    #[serde(default)]
    pub max_lag: Option<u64>,
    /// `verify --fleet` fails for a replica whose newest checkpoint in
    /// PostgreSQL is older than this (default 1h).
    #[serde(default)]
    pub checkpoint_max_age: Option<String>,
    /// The public key of each replica, pinned: `ed25519:HEX`, or a file
    /// holding it (`audit.pub`) or the signing key.
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPgTls {
    pub ca: PathBuf,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawListener {
    pub addr: String,
    #[serde(default)]
    pub tls: Option<RawTls>,
    #[serde(default)]
    pub allow_plaintext: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTls {
    pub cert: PathBuf,
    pub key: PathBuf,
    #[serde(default)]
    pub client_ca: Option<PathBuf>,
    /// How often the certificate files are checked for changes.
    #[serde(default)]
    pub reload_interval: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClient {
    pub name: String,
    pub tenant: String,
    /// The client's API key, from this environment variable.
    #[serde(default)]
    pub key_env: Option<String>,
    /// Or: a name (subject CN or SAN) of its TLS client certificate, on a
    /// listener with `client_ca` (mTLS).
    #[serde(default)]
    pub cert_name: Option<String>,
    /// Pin every request of this client to a route (e.g. `local`).
    #[serde(default)]
    pub route: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpstreamKind {
    Openai,
    Anthropic,
    Engine,
    AzureOpenai,
    Bedrock,
    Gemini,
    Vertex,
}

impl UpstreamKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UpstreamKind::Openai => "openai",
            UpstreamKind::Anthropic => "anthropic",
            UpstreamKind::Engine => "engine",
            UpstreamKind::AzureOpenai => "azure_openai",
            UpstreamKind::Bedrock => "bedrock",
            UpstreamKind::Gemini => "gemini",
            UpstreamKind::Vertex => "vertex",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// On premises: sensitive traffic may go there.
    Local,
    /// Leaves the premises.
    Cloud,
}

impl Zone {
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Local => "local",
            Zone::Cloud => "cloud",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUpstream {
    pub kind: UpstreamKind,
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub api_key_env: Option<String>,
    #[serde(default)]
    pub zone: Option<Zone>,
    /// `kind: engine`: the model folder.
    #[serde(default)]
    pub model_dir: Option<PathBuf>,
    /// `kind: engine`: `cpu` or `cuda`.
    #[serde(default)]
    pub device: Option<String>,
    /// `kind: engine`: a GGUF file instead of a folder, imported once into `model_cache`.
    #[serde(default)]
    pub model: Option<PathBuf>,
    /// `kind: engine` with `model:`: where imports are kept (default `model-cache` beside the config).
    #[serde(default)]
    pub model_cache: Option<PathBuf>,
    /// `kind: engine`: the model's name in `/v1/models` (the folder's name by default).
    #[serde(default)]
    pub model_name: Option<String>,
    /// `kind: engine`: ONNX Runtime intra-op threads (0: one per core).
    #[serde(default)]
    pub threads: Option<usize>,
    /// `kind: engine`: sequences decoded together.
    #[serde(default)]
    pub max_batch: Option<usize>,
    /// `kind: engine`: requests waiting for a slot before 429.
    #[serde(default)]
    pub max_queue: Option<usize>,
    /// `kind: engine`: tokens per sequence, prompt and answer.
    #[serde(default)]
    pub max_context: Option<usize>,
    /// `kind: engine`: megabytes the key/value cache may take; requests reserve
    /// their share and are refused (429) when it would not fit.
    #[serde(default)]
    pub kv_budget_mb: Option<usize>,
    /// `kind: engine`: new prompts prefilled together in one call, at most (default 8; 1: one at a time).
    #[serde(default)]
    pub prefill_rows: Option<usize>,
    /// `kind: engine` with `device: cuda`: run on CPU if CUDA cannot be used.
    #[serde(default)]
    pub allow_cpu_fallback: Option<bool>,
    /// `kind: engine`: the ONNX Runtime library (else ORT_DYLIB_PATH, else scripts/fetch-ort's copy).
    #[serde(default)]
    pub ort_library: Option<PathBuf>,
    /// Time allowed until the upstream's response headers arrive.
    #[serde(default)]
    pub timeout: Option<String>,
    /// Time allowed between two chunks of a response body.
    #[serde(default)]
    pub read_timeout: Option<String>,
    #[serde(default)]
    pub connect_timeout: Option<String>,
    /// PEM bundle of extra CAs to trust for this upstream (on-prem servers).
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    /// `kind: anthropic`: the `anthropic-version` header sent when the client sent none.
    #[serde(default)]
    pub anthropic_version: Option<String>,
    /// Residency: the region it runs in, a short code (`eu`, `us`, `uk`, `ch`).
    #[serde(default)]
    pub region: Option<String>,
    /// A business associate agreement (HIPAA) covers it.
    #[serde(default)]
    pub baa: Option<bool>,
    /// `kind: azure_openai`: a dated `api-version` (the deployments API) or `v1` (the `/openai/v1/` API).
    #[serde(default)]
    pub api_version: Option<String>,
    /// `kind: azure_openai` and `vertex`: the variable holding a bearer token (Entra ID, OAuth).
    #[serde(default)]
    pub token_env: Option<String>,
    /// `kind: azure_openai`: a file holding a bearer token, re-read when it changes.
    #[serde(default)]
    pub token_file: Option<PathBuf>,
    /// `kind: bedrock`: the AWS region signed for and, by default, called.
    #[serde(default)]
    pub aws_region: Option<String>,
    /// `kind: vertex`: the Google Cloud project.
    #[serde(default)]
    pub project: Option<String>,
    /// `kind: vertex`: the location (`europe-west4`).
    #[serde(default)]
    pub location: Option<String>,
    /// `kind: vertex`: the variable naming a service-account key file.
    #[serde(default)]
    pub credentials_env: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRouting {
    /// Route taken when nothing else decides. Default: `cloud`.
    #[serde(default)]
    pub default: Option<String>,
    /// Honour the `x-cordon-route: local` request header (a client may only
    /// ask to keep its data closer, never to send it out). Default: true.
    #[serde(default)]
    pub allow_header: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLimits {
    #[serde(default)]
    pub max_body_bytes: Option<u64>,
    #[serde(default)]
    pub header_timeout: Option<String>,
    #[serde(default)]
    pub idle_timeout: Option<String>,
    #[serde(default)]
    pub request_timeout: Option<String>,
    #[serde(default)]
    pub max_concurrent_requests: Option<usize>,
    #[serde(default)]
    pub max_connections: Option<usize>,
    /// Open connections from one client address at most (default: no
    /// limit, since a load balancer in front is one address).
    #[serde(default)]
    pub max_connections_per_address: Option<usize>,
    /// Time the detectors may take on one request before `on_error` applies.
    #[serde(default)]
    pub classify_timeout: Option<String>,
}

// ---------------------------------------------------------------------------
// Step 2: the runtime form.
// ---------------------------------------------------------------------------

#[derive(Debug)]
pub struct Config {
    pub listeners: Vec<Listener>,
    /// `None`: no client authentication (only allowed when every listener is
    /// on loopback).
    pub clients: Option<Vec<Client>>,
    pub upstreams: Vec<Upstream>,
    pub routes: BTreeMap<String, Route>,
    pub models: BTreeMap<String, BTreeMap<String, String>>,
    pub routing: Routing,
    pub limits: Limits,
    pub audit: audit::AuditConfig,
    /// The detectors, built once from `detectors:` and shared by every request.
    pub detectors: std::sync::Arc<cordon_detectors::Registry>,
    pub policy: PolicySetting,
    /// Tenant name -> jurisdiction (upper case).
    pub tenants: BTreeMap<String, Option<String>>,
    /// Route name -> the tenants it is dedicated to (`tenants.*.routes`).
    pub dedicated_routes: BTreeMap<String, Vec<String>>,
    pub pseudonymize: pseudo::PseudoConfig,
    pub telemetry: telemetry::TelemetryConfig,
    /// The compliance console, when `admin:` is configured.
    pub admin: Option<console::ConsoleConfig>,
}

/// The policy in force at start, where it came from, and what a reload
/// checks a new version against.
#[derive(Debug, Clone)]
pub struct PolicySetting {
    /// `None`: the embedded baseline policy.
    pub file: Option<PathBuf>,
    pub reload_interval: Duration,
    pub policy: std::sync::Arc<cordon_policies::Policy>,
    /// Shadow (candidate) policies, in the order listed (`policy.shadow`).
    pub shadows: Vec<ShadowPolicy>,
    pub shadow_record: ShadowRecording,
    pub vocabulary: cordon_policies::Vocabulary,
    pub routes: cordon_policies::RouteTable,
}

impl PolicySetting {
    /// Reads and checks the policy file again (hot reload). The error is the
    /// whole report, one problem per line.
    pub fn reload(&self) -> Result<(cordon_policies::Policy, Vec<cordon_policies::Issue>), String> {
        let Some(path) = &self.file else {
            return Err("the embedded baseline policy does not change".into());
        };
        self.read(path)
    }

    /// Reads and checks a policy file (the one in force, a shadow, a
    /// candidate) against this config's entities and routes.
    pub fn read(&self, path: &Path) -> Result<(cordon_policies::Policy, Vec<cordon_policies::Issue>), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        load_policy(&path.display().to_string(), &text, &self.vocabulary, &self.routes)
            .map_err(|r| r.to_string().trim_end().to_string())
    }
}

/// Parses a policy and checks it against the config's routes.
pub fn load_policy(
    name: &str,
    text: &str,
    vocabulary: &cordon_policies::Vocabulary,
    routes: &cordon_policies::RouteTable,
) -> Result<(cordon_policies::Policy, Vec<cordon_policies::Issue>), cordon_policies::Report> {
    let (policy, mut report) = cordon_policies::Policy::parse(name, text, vocabulary)?;
    report.issues.extend(policy.check_routes(routes));
    if report.has_errors() {
        return Err(report);
    }
    Ok((policy, report.issues))
}

#[derive(Debug, Clone)]
pub struct Listener {
    pub addr: SocketAddr,
    pub tls: Option<TlsFiles>,
}

#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub client_ca: Option<PathBuf>,
    pub reload_interval: Duration,
}

#[derive(Debug)]
pub struct Client {
    pub name: String,
    pub tenant: String,
    pub key: Option<SecretString>,
    pub cert_name: Option<String>,
    pub route: Option<String>,
}

#[derive(Debug)]
pub struct Upstream {
    pub name: String,
    pub kind: UpstreamKind,
    pub zone: Zone,
    /// Without trailing slash. Empty for `kind: engine`.
    pub base_url: String,
    /// `None` when no key is configured or its variable is unset.
    pub api_key: Option<SecretString>,
    pub api_key_env: Option<String>,
    /// `kind: engine`: how to load and run the model.
    pub engine: Option<cordon_engine::EngineOptions>,
    pub timeout: Duration,
    pub read_timeout: Duration,
    pub connect_timeout: Duration,
    pub ca_file: Option<PathBuf>,
    pub anthropic_version: String,
    /// Residency label (`eu`, `us`...), lowercase; `None`: unlabelled.
    pub region: Option<String>,
    /// A business associate agreement covers it.
    pub baa: bool,
    /// The keys of the cloud kinds (azure_openai, bedrock, gemini, vertex).
    pub cloud: CloudOptions,
}

/// Keys only the cloud provider kinds read; checked per kind at load.
#[derive(Debug, Default, Clone)]
pub struct CloudOptions {
    pub api_version: Option<String>,
    /// The bearer token from `token_env`, when set.
    pub token: Option<SecretString>,
    pub token_env: Option<String>,
    pub token_file: Option<PathBuf>,
    pub aws_region: Option<String>,
    pub project: Option<String>,
    pub location: Option<String>,
    /// The service-account key file `credentials_env` names, when set.
    pub credentials_file: Option<PathBuf>,
    pub credentials_env: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Route {
    pub name: String,
    /// Indexes into [`Config::upstreams`], in order of preference.
    pub upstreams: Vec<usize>,
    /// `Local` when every upstream of the route is on premises.
    pub zone: Zone,
    /// The `(region, baa)` labels of its upstreams, in order.
    pub labels: Vec<(Option<String>, bool)>,
}

#[derive(Debug, Clone)]
pub struct Routing {
    pub default_route: String,
    pub allow_header: bool,
}

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_body_bytes: u64,
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub request_timeout: Duration,
    pub max_concurrent_requests: usize,
    pub max_connections: usize,
    /// `None`: no limit per address.
    pub max_connections_per_address: Option<usize>,
    pub classify_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 8 * 1024 * 1024,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(90),
            request_timeout: Duration::from_secs(60),
            max_concurrent_requests: 1024,
            max_connections: 4096,
            max_connections_per_address: None,
            classify_timeout: Duration::from_secs(5),
        }
    }
}

/// Where a config comes from, for messages and for resolving relative paths.
pub struct Source<'a> {
    pub name: String,
    pub text: &'a str,
    /// Relative paths in the file are resolved against this folder.
    pub base_dir: PathBuf,
}

impl<'a> Source<'a> {
    pub fn file(path: &Path, text: &'a str) -> Self {
        let base_dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Source {
            name: path.display().to_string(),
            text,
            base_dir,
        }
    }

    pub fn embedded() -> Source<'static> {
        Source {
            name: "<embedded default>".to_string(),
            text: EMBEDDED_DEFAULT,
            base_dir: PathBuf::from("."),
        }
    }
}

/// Reads the environment; tests and `config check` pass their own.
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

/// The process environment, with a stand-in for every variable that is not
/// set: for the commands that read a config to decide but never forward or
/// authenticate (`cordon explain`, `cordon policy`), which run where the
/// proxy's secrets are not.
pub struct OfflineEnv;

impl Env for OfflineEnv {
    fn var(&self, name: &str) -> Option<String> {
        ProcessEnv
            .var(name)
            .or_else(|| Some("offline-stand-in-not-a-secret".to_string()))
    }
}

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl Config {
    /// Parses and checks a config. On success, the warnings (if any) come
    /// back beside it.
    pub fn load(source: &Source<'_>, env: &dyn Env) -> Result<(Config, Vec<ConfigIssue>), ConfigReport> {
        let (raw, mut b) = Builder::start(source, env)?;
        match b.build(raw) {
            Some(config) if b.report.errors.is_empty() => Ok((config, b.report.warnings)),
            _ => Err(b.report),
        }
    }

    pub fn route(&self, name: &str) -> Option<&Route> {
        self.routes.get(name)
    }
}

/// Only the `detectors` section of a config, for `cordon scan` and `cordon explain`.
pub fn detectors_section(source: &Source<'_>, env: &dyn Env) -> Result<cordon_detectors::Registry, ConfigReport> {
    let (raw, mut b) = Builder::start(source, env)?;
    match b.detectors(&raw.detectors) {
        Some(registry) if b.report.errors.is_empty() => Ok(registry),
        _ => Err(b.report),
    }
}

/// Only the `audit` section of a config, for the `cordon audit` commands
/// (which run where the proxy's other secrets are not set).
pub fn audit_section(source: &Source<'_>, env: &dyn Env) -> Result<audit::AuditConfig, ConfigReport> {
    let (raw, mut b) = Builder::start(source, env)?;
    let audit = b.audit(&raw.audit);
    if b.report.errors.is_empty() {
        Ok(audit)
    } else {
        Err(b.report)
    }
}

fn parse_raw(text: &str) -> Result<RawConfig, ConfigIssue> {
    let de = serde_yaml_ng::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, RawConfig>(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let position = inner.location().map(|l| (l.line(), l.column()));
        let mut message = strip_location(&inner.to_string());
        // serde_yaml_ng prefixes its own path; ours is printed apart.
        if let Some((prefix, rest)) = message.split_once(": ") {
            if !prefix.contains(char::is_whitespace) {
                message = rest.to_string();
            }
        }
        let hint = hint_for(&message);
        ConfigIssue {
            path: if path == "." { String::new() } else { path },
            position,
            message,
            hint,
        }
    })
}

/// serde_yaml_ng appends " at line X column Y"; we print the position ourselves.
fn strip_location(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn hint_for(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some("check the spelling; the fields this key accepts are listed after `expected`".into())
    } else if message.starts_with("missing field") {
        Some("add the field; see the configuration reference in README.md".into())
    } else if message.starts_with("unknown variant") {
        Some("use one of the values listed after `expected`".into())
    } else if message.contains("invalid type") {
        Some("the value has the wrong type for this key (a list, a map, a string or a number)".into())
    } else {
        None
    }
}

/// A jurisdiction code (upper case): an ISO 3166-1 alpha-2 country, `EU`,
/// `EEA` or `UK`, or a country's subdivision (`US-CA`: the country, `-`, one
/// to three letters or digits). Anything else (`XX`) is refused.
pub fn valid_jurisdiction(j: &str) -> bool {
    let (country, sub) = match j.split_once('-') {
        Some((c, s)) => (c, Some(s)),
        None => (j, None),
    };
    let known = matches!(country, "EU" | "EEA" | "UK")
        || (country.len() == 2 && ISO_3166_ALPHA2.split(' ').any(|c| c == country));
    known
        && sub.is_none_or(|s| {
            (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// The officially assigned ISO 3166-1 alpha-2 codes.
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI \
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT \
JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS \
RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA \
UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

impl Config {
    /// Whether `tenant` may take `route` by header or pin: a route that a
    /// tenant lists under `tenants.*.routes` is for those tenants only.
    pub fn entitled(&self, tenant: Option<&str>, route: &str) -> bool {
        match self.dedicated_routes.get(route) {
            None => true,
            Some(owners) => tenant.is_some_and(|t| owners.iter().any(|o| o == t)),
        }
    }
}

/// Parses durations such as `250ms`, `10s`, `5m`, `1h`.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (num, unit) = text.split_at(split);
    let n: u64 = num.parse().ok()?;
    match unit.trim() {
        "ms" => Some(Duration::from_millis(n)),
        "s" => Some(Duration::from_secs(n)),
        "m" => Some(Duration::from_secs(n.checked_mul(60)?)),
        "h" => Some(Duration::from_secs(n.checked_mul(3600)?)),
        "d" => Some(Duration::from_secs(n.checked_mul(86_400)?)),
        _ => None,
    }
}

struct Builder<'a> {
    src: &'a str,
    base_dir: &'a Path,
    env: &'a dyn Env,
    report: ConfigReport,
}

impl<'a> Builder<'a> {
    /// Parses the file (step 1) and readies the checks of step 2.
    fn start(source: &'a Source<'a>, env: &'a dyn Env) -> Result<(RawConfig, Builder<'a>), ConfigReport> {
        let mut report = ConfigReport {
            source_name: source.name.clone(),
            ..Default::default()
        };
        match parse_raw(source.text) {
            Ok(raw) => Ok((
                raw,
                Builder {
                    src: source.text,
                    base_dir: &source.base_dir,
                    env,
                    report,
                },
            )),
            Err(issue) => {
                report.errors.push(issue);
                Err(report)
            }
        }
    }

    fn issue(&self, path: &[&str], message: impl Into<String>, hint: Option<&str>) -> ConfigIssue {
        ConfigIssue {
            path: path.join("."),
            position: locate(self.src, path),
            message: message.into(),
            hint: hint.map(str::to_string),
        }
    }

    fn error(&mut self, path: &[&str], message: impl Into<String>, hint: Option<&str>) {
        let issue = self.issue(path, message, hint);
        self.report.errors.push(issue);
    }

    fn warn(&mut self, path: &[&str], message: impl Into<String>, hint: Option<&str>) {
        let issue = self.issue(path, message, hint);
        self.report.warnings.push(issue);
    }

    fn duration(&mut self, path: &[&str], value: &Option<String>, default: Duration) -> Duration {
        match value {
            None => default,
            Some(text) => match parse_duration(text) {
                Some(d) if !d.is_zero() => d,
                _ => {
                    self.error(
                        path,
                        format!("`{text}` is not a duration"),
                        Some("write a positive number with a unit: 500ms, 10s, 5m, 1h, 30d"),
                    );
                    default
                }
            },
        }
    }

    fn path(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        }
    }

    /// Builds the detectors, the learned recognizer's ONNX session included
    /// (`detectors.ner`, paths relative to the config file), so that a bad
    /// model is an error at start, not at the first request.
    fn detectors(&mut self, raw: &cordon_detectors::DetectorsConfig) -> Option<cordon_detectors::Registry> {
        let mut raw = raw.clone();
        if let Some(ner) = raw.ner.as_mut() {
            ner.model_dir = self.path(&ner.model_dir);
            ner.ort_library = ner.ort_library.as_deref().map(|p| self.path(p));
        }
        match cordon_detectors::Registry::new(&raw) {
            Ok(r) => Some(r),
            Err(e) => {
                let (path, hint): (Vec<&str>, _) = match &e {
                    cordon_detectors::ConfigError::UnknownEntity { key, .. }
                    | cordon_detectors::ConfigError::Score { key, .. } => (
                        key.split('.').take(1).collect(),
                        Some("entity names are listed by `cordon scan --list`"),
                    ),
                    cordon_detectors::ConfigError::Custom { .. } => {
                        (vec!["custom"], Some("entity names are listed by `cordon scan --list`"))
                    }
                    cordon_detectors::ConfigError::Build(_) => {
                        (vec![""], Some("entity names are listed by `cordon scan --list`"))
                    }
                    cordon_detectors::ConfigError::Ner { key, .. } => (
                        vec!["ner", key],
                        Some("`scripts/fetch-rampart` installs the model in target/tools/rampart"),
                    ),
                };
                let mut full = vec!["detectors"];
                full.extend(path);
                self.error(&full, e.to_string(), hint);
                None
            }
        }
    }

    fn build(&mut self, raw: RawConfig) -> Option<Config> {
        let listeners = self.listeners(&raw.listen);
        let clients = self.clients(raw.clients.as_deref());
        if clients.is_none() && listeners.iter().any(|l| !l.addr.ip().is_loopback()) {
            self.error(
                &["clients"],
                "no clients are configured, but a listener is not on loopback",
                Some("add `clients:` with an API key per application, or listen on 127.0.0.1 only"),
            );
        }
        let upstreams = self.upstreams(&raw.upstreams);
        let routes = self.routes(&raw.routes, &upstreams);
        let routing = self.routing(&raw.routing, &routes);
        if let Some(clients) = &clients {
            for (i, c) in clients.iter().enumerate() {
                if let Some(route) = &c.route {
                    if !routes.contains_key(route) {
                        let idx = i.to_string();
                        self.error(
                            &["clients", &idx, "route"],
                            format!("route `{route}` is not defined"),
                            Some("name a route from `routes:`"),
                        );
                    }
                }
            }
        }
        for (model, per_route) in &raw.models {
            for target in per_route.keys() {
                let known = routes.contains_key(target) || upstreams.iter().any(|u| &u.name == target);
                if !known {
                    self.error(
                        &["models", model, target],
                        format!("`{target}` is neither a route nor an upstream"),
                        Some("map a model per route (`local:`, `cloud:`) or per upstream name"),
                    );
                }
            }
        }
        let limits = self.limits(&raw.limits);
        let audit = self.audit(&raw.audit);
        if let Some(ship) = audit.ship.as_ref().filter(|s| s.url.is_none()) {
            let var = ship.url_env.clone();
            self.error(
                &["audit", "ship", "postgres", "url_env"],
                format!("environment variable {var} is not set"),
                Some("the PostgreSQL URL comes only from the environment (postgres://user:password@host/db?sslmode=require)"),
            );
        }
        let detectors = std::sync::Arc::new(self.detectors(&raw.detectors)?);
        let tenants = self.tenants(&raw.tenants, clients.as_deref());
        let dedicated_routes = self.dedicated_routes(&raw.tenants, &routes, clients.as_deref());
        let policy = self.policy(raw.policy.as_ref(), &routes, &routing, &detectors)?;
        let pseudonymize = self.pseudonymize(&raw.pseudonymize);
        let telemetry = self.telemetry(&raw.telemetry);
        let admin = raw.admin.as_ref().and_then(|a| self.admin(a, &listeners, &limits));
        Some(Config {
            admin,
            telemetry,
            pseudonymize,
            detectors,
            policy,
            tenants,
            dedicated_routes,
            listeners,
            clients,
            upstreams,
            routes,
            models: raw.models,
            routing,
            limits,
            audit,
        })
    }

    /// Route -> the tenants it is dedicated to; every listed route must
    /// exist, and no client may be pinned to another tenant's route.
    fn dedicated_routes(
        &mut self,
        raw: &BTreeMap<String, RawTenant>,
        routes: &BTreeMap<String, Route>,
        clients: Option<&[Client]>,
    ) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, t) in raw {
            for r in &t.routes {
                if !routes.contains_key(r) {
                    self.error(
                        &["tenants", name, "routes"],
                        format!("route `{r}` is not defined"),
                        Some("name a route from `routes:`"),
                    );
                }
                out.entry(r.clone()).or_default().push(name.clone());
            }
        }
        for (i, c) in clients.unwrap_or(&[]).iter().enumerate() {
            let Some(route) = &c.route else { continue };
            if out.get(route).is_some_and(|owners| !owners.contains(&c.tenant)) {
                let idx = i.to_string();
                self.error(
                    &["clients", &idx, "route"],
                    format!("route `{route}` is dedicated to other tenants"),
                    Some("add the route to this client's tenant under `tenants.<name>.routes`"),
                );
            }
        }
        out
    }

    fn tenants(
        &mut self,
        raw: &BTreeMap<String, RawTenant>,
        clients: Option<&[Client]>,
    ) -> BTreeMap<String, Option<String>> {
        let mut out = BTreeMap::new();
        for (name, t) in raw {
            let j = t.jurisdiction.as_ref().map(|j| j.trim().to_ascii_uppercase());
            if let Some(j) = &j {
                if !valid_jurisdiction(j) {
                    self.error(
                        &["tenants", name, "jurisdiction"],
                        format!("`{j}` is not a jurisdiction code"),
                        Some("write a short code such as EU, US, UK, CH"),
                    );
                }
            }
            if !clients.is_some_and(|cs| cs.iter().any(|c| &c.tenant == name)) {
                self.warn(
                    &["tenants", name],
                    format!("no client belongs to tenant `{name}`"),
                    Some("clients name their tenant with `tenant:`"),
                );
            }
            out.insert(name.clone(), j);
        }
        out
    }

    fn policy(
        &mut self,
        raw: Option<&RawPolicyRef>,
        routes: &BTreeMap<String, Route>,
        routing: &Routing,
        detectors: &cordon_detectors::Registry,
    ) -> Option<PolicySetting> {
        let table = cordon_policies::RouteTable {
            routes: routes
                .values()
                .map(|r| (r.name.clone(), r.zone == Zone::Local))
                .collect(),
            cloud_route: routes
                .contains_key(&routing.default_route)
                .then(|| routing.default_route.clone()),
            local_route: "local".into(),
            labels: routes.values().map(|r| (r.name.clone(), r.labels.clone())).collect(),
        };
        let vocabulary = cordon_policies::Vocabulary::of(detectors);
        let (file, interval, shadow_files, shadow_record) = match raw {
            None => (None, None, Vec::new(), ShadowRecording::default()),
            Some(RawPolicyRef::File(f)) => (Some(self.path(f)), None, Vec::new(), ShadowRecording::default()),
            Some(RawPolicyRef::Full(f)) => (
                Some(self.path(&f.file)),
                f.reload_interval.clone(),
                f.shadow.iter().map(|s| self.path(s)).collect(),
                f.shadow_record.unwrap_or_default(),
            ),
        };
        let reload_interval = self.duration(&["policy", "reload_interval"], &interval, Duration::from_secs(2));
        let (name, text) = match &file {
            None => (
                "<baseline policy>".to_string(),
                cordon_policies::packs::BASELINE.to_string(),
            ),
            Some(path) => match std::fs::read_to_string(path) {
                Ok(t) => (path.display().to_string(), t),
                Err(e) => {
                    self.error(
                        &["policy"],
                        format!("cannot read the policy file {}: {e}", path.display()),
                        Some("relative paths are resolved against the config file's folder"),
                    );
                    return None;
                }
            },
        };
        let mut shadows: Vec<ShadowPolicy> = Vec::new();
        for path in shadow_files {
            let shadow_name = path.display().to_string();
            if Some(&path) == file.as_ref() || shadows.iter().any(|s| s.file == path) {
                self.error(
                    &["policy", "shadow"],
                    format!("{shadow_name} is listed twice (as a shadow, or as the policy in force)"),
                    None,
                );
                continue;
            }
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    self.error(
                        &["policy", "shadow"],
                        format!("cannot read the shadow policy file {shadow_name}: {e}"),
                        Some("relative paths are resolved against the config file's folder"),
                    );
                    continue;
                }
            };
            match load_policy(&shadow_name, &text, &vocabulary, &table) {
                Ok((p, warnings)) => {
                    for w in warnings {
                        self.warn(&["policy", "shadow"], format!("{shadow_name}: {w}"), None);
                    }
                    shadows.push(ShadowPolicy {
                        file: path,
                        policy: std::sync::Arc::new(p),
                    });
                }
                Err(report) => {
                    for i in report.errors() {
                        self.error(&["policy", "shadow"], format!("{shadow_name}: {i}"), None);
                    }
                }
            }
        }
        match load_policy(&name, &text, &vocabulary, &table) {
            Ok((policy, warnings)) => {
                for w in warnings {
                    self.warn(&["policy"], format!("{name}: {w}"), None);
                }
                Some(PolicySetting {
                    file,
                    reload_interval,
                    policy: std::sync::Arc::new(policy),
                    shadows,
                    shadow_record,
                    vocabulary,
                    routes: table,
                })
            }
            Err(report) => {
                for i in report.errors() {
                    self.error(&["policy"], format!("{name}: {i}"), None);
                }
                None
            }
        }
    }

    fn audit(&mut self, raw: &RawAudit) -> audit::AuditConfig {
        let dir = self.path(raw.dir.as_deref().unwrap_or(Path::new("audit")));
        let signing_key = match &raw.signing_key {
            Some(k) => self.path(k),
            None => dir.join("audit.ed25519"),
        };
        let hmac_key = match &raw.hmac_key_env {
            None => None,
            Some(var) => match self.env.var(var) {
                Some(v) if v.len() >= 16 => Some(SecretString::from(v)),
                Some(_) => {
                    self.error(
                        &["audit", "hmac_key_env"],
                        format!("the key in ${var} is shorter than 16 characters"),
                        Some("use `openssl rand -hex 32`"),
                    );
                    None
                }
                None => {
                    self.error(
                        &["audit", "hmac_key_env"],
                        format!("environment variable {var} is not set"),
                        Some("the fingerprint key comes only from the environment"),
                    );
                    None
                }
            },
        };
        let checkpoint_interval = self.duration(
            &["audit", "checkpoint_interval"],
            &raw.checkpoint_interval,
            Duration::from_secs(5),
        );
        let segment_max_age = self.duration(
            &["audit", "segment_max_age"],
            &raw.segment_max_age,
            Duration::from_secs(86_400),
        );
        let retention = raw
            .retention
            .as_ref()
            .map(|r| self.duration(&["audit", "retention"], &Some(r.clone()), Duration::from_secs(0)));
        let replica = match &raw.replica {
            Some(name) => name.clone(),
            None => audit::default_replica(),
        };
        if !audit::valid_name(&replica, 128) {
            self.error(
                &["audit", "replica"],
                format!("`{replica}` is not a replica name"),
                Some("letters, digits, `.`, `_` and `-`, at most 128"),
            );
        }
        let ship = raw.ship.as_ref().map(|s| self.ship(&s.postgres));
        audit::AuditConfig {
            replica,
            ship,
            dir,
            signing_key,
            hmac_key,
            checkpoint_every: raw.checkpoint_every.unwrap_or(1000).max(1),
            checkpoint_interval,
            segment_max_bytes: raw.segment_max_bytes.unwrap_or(64 * 1024 * 1024),
            segment_max_age,
            retention,
            prices: raw.prices.clone(),
            durable_outcomes: match raw.outcomes.as_deref() {
                None | Some("durable") => true,
                Some("queued") => false,
                Some(other) => {
                    self.error(
                        &["audit", "outcomes"],
                        format!("`{other}` is not `durable` or `queued`"),
                        Some("durable: answers wait for their outcome record; queued: a crash may lose the last ones"),
                    );
                    true
                }
            },
        }
    }

    fn ship(&mut self, raw: &RawShipPostgres) -> audit::ShipConfig {
        let url_env = raw.url_env.clone().unwrap_or_else(|| "CORDON_AUDIT_PG_URL".into());
        let url = self.env.var(&url_env).map(SecretString::from);
        let prefix = raw.table_prefix.clone().unwrap_or_else(|| "cordon_".into());
        let sql_name = prefix
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && prefix.len() <= 40
            && !prefix.starts_with(|c: char| c.is_ascii_digit());
        if !sql_name {
            self.error(
                &["audit", "ship", "postgres", "table_prefix"],
                format!("`{prefix}` cannot prefix a table name"),
                Some("lower-case letters, digits and `_`, at most 40, e.g. `cordon_`"),
            );
        }
        let mut keys = BTreeMap::new();
        for (name, text) in &raw.keys {
            let key = match text.strip_prefix("ed25519:") {
                Some(_) => audit::parse_public_key(text),
                None => audit::read_public_key(&self.path(Path::new(text))),
            };
            match key {
                Ok(k) => {
                    keys.insert(name.clone(), k);
                }
                Err(e) => self.error(
                    &["audit", "ship", "postgres", "keys", name],
                    e,
                    Some("`ed25519:HEX` as `cordon audit pubkey` prints it, or the replica's audit.pub"),
                ),
            }
        }
        let checkpoint_max_age = self.duration(
            &["audit", "ship", "postgres", "checkpoint_max_age"],
            &raw.checkpoint_max_age,
            Duration::from_secs(3600),
        );
        audit::ShipConfig {
            url_env,
            url,
            prefix,
            ca: raw.tls.as_ref().map(|t| self.path(&t.ca)),
            batch: raw.batch.unwrap_or(5000).clamp(1, 50_000),
            linger: self.duration(
                &["audit", "ship", "postgres", "linger"],
                &raw.linger,
                Duration::from_millis(200),
            ),
            max_lag: raw.max_lag,
            checkpoint_max_age,
            keys,
        }
    }

    fn listeners(&mut self, raw: &[RawListener]) -> Vec<Listener> {
        if raw.is_empty() {
            self.error(&["listen"], "no listener", Some("add `- addr: 127.0.0.1:8080`"));
        }
        let mut out = Vec::new();
        for (i, l) in raw.iter().enumerate() {
            let idx = i.to_string();
            let addr: SocketAddr = match l.addr.parse() {
                Ok(a) => a,
                Err(_) => {
                    self.error(
                        &["listen", &idx, "addr"],
                        format!("`{}` is not an address", l.addr),
                        Some("write IP:PORT, e.g. 127.0.0.1:8080 or [::1]:8443"),
                    );
                    continue;
                }
            };
            let tls = l.tls.as_ref().map(|t| self.tls_files(&["listen", &idx, "tls"], t));
            if tls.is_none() && !addr.ip().is_loopback() && !l.allow_plaintext {
                self.error(
                    &["listen", &idx, "addr"],
                    format!("plaintext listener on {addr}, which is not loopback"),
                    Some("add `tls: { cert, key }`, or `allow_plaintext: true` if a trusted proxy terminates TLS in front"),
                );
            }
            if out.iter().any(|o: &Listener| o.addr == addr && addr.port() != 0) {
                self.error(&["listen", &idx, "addr"], format!("{addr} is listed twice"), None);
            }
            out.push(Listener { addr, tls });
        }
        out
    }

    fn tls_files(&mut self, path: &[&str], t: &RawTls) -> TlsFiles {
        let mut at = path.to_vec();
        at.push("reload_interval");
        let reload_interval = self.duration(&at, &t.reload_interval, Duration::from_secs(2));
        let files = TlsFiles {
            cert: self.path(&t.cert),
            key: self.path(&t.key),
            client_ca: t.client_ca.as_deref().map(|p| self.path(p)),
            reload_interval,
        };
        for (key, p) in [
            ("cert", Some(&files.cert)),
            ("key", Some(&files.key)),
            ("client_ca", files.client_ca.as_ref()),
        ] {
            if let Some(p) = p {
                if !p.is_file() {
                    let mut at = path.to_vec();
                    at.push(key);
                    self.error(
                        &at,
                        format!("file `{}` does not exist or is not readable", p.display()),
                        Some("relative paths are resolved against the config file's folder"),
                    );
                }
            }
        }
        files
    }

    fn admin(&mut self, raw: &RawAdmin, listeners: &[Listener], limits: &Limits) -> Option<console::ConsoleConfig> {
        use console::{AdminUser, ConsoleConfig, ConsoleLimits, JwksSource, OidcConfig, Role};
        let addr: SocketAddr = match raw.addr.parse() {
            Ok(a) => a,
            Err(_) => {
                self.error(
                    &["admin", "addr"],
                    format!("`{}` is not an address", raw.addr),
                    Some("write IP:PORT, e.g. 127.0.0.1:9443"),
                );
                return None;
            }
        };
        if addr.port() != 0 && listeners.iter().any(|l| l.addr == addr) {
            self.error(
                &["admin", "addr"],
                format!("{addr} is also a proxy listener"),
                Some("the console has its own port, never the proxy's"),
            );
        }
        let tls = raw.tls.as_ref().map(|t| self.tls_files(&["admin", "tls"], t));
        if tls.is_none() && !addr.ip().is_loopback() && !raw.allow_plaintext {
            self.error(
                &["admin", "addr"],
                format!("plaintext console on {addr}, which is not loopback"),
                Some("add `tls: { cert, key }`, or `allow_plaintext: true` if a trusted proxy terminates TLS in front"),
            );
        }
        let mut users = Vec::new();
        for (i, u) in raw.users.iter().enumerate() {
            let idx = i.to_string();
            let Some(role) = Role::parse(&u.role) else {
                self.error(
                    &["admin", "users", &idx, "role"],
                    format!("unknown role `{}`", u.role),
                    Some("`viewer` (reads) or `auditor` (reads, exports, subject lookups)"),
                );
                continue;
            };
            let hash = match (&u.password_hash, &u.password_hash_env) {
                (Some(h), None) => Some(h.clone()),
                (None, Some(var)) => {
                    let h = self.env.var(var);
                    if h.is_none() {
                        self.error(
                            &["admin", "users", &idx, "password_hash_env"],
                            format!("environment variable `{var}` is not set"),
                            None,
                        );
                    }
                    h
                }
                _ => {
                    self.error(
                        &["admin", "users", &idx],
                        "a user needs exactly one of `password_hash` and `password_hash_env`",
                        Some("make one with `cordon admin hash-password`"),
                    );
                    None
                }
            };
            let Some(hash) = hash else { continue };
            if argon2::PasswordHash::new(&hash).is_err() || !hash.starts_with("$argon2") {
                self.error(
                    &["admin", "users", &idx, "password_hash"],
                    "not an argon2 password hash",
                    Some("make one with `cordon admin hash-password` (an `$argon2id$...` string)"),
                );
                continue;
            }
            if users.iter().any(|x: &AdminUser| x.name == u.name) {
                self.error(
                    &["admin", "users", &idx, "name"],
                    format!("user `{}` is listed twice", u.name),
                    None,
                );
            }
            users.push(AdminUser {
                name: u.name.clone(),
                role,
                password_hash: hash,
            });
        }
        let oidc = raw.oidc.as_ref().and_then(|o| {
            let jwks = match (&o.jwks_url, &o.jwks_file) {
                (Some(_), Some(_)) => {
                    self.error(&["admin", "oidc"], "give `jwks_url` or `jwks_file`, not both", None);
                    return None;
                }
                (None, Some(f)) => {
                    let f = self.path(f);
                    if !f.is_file() {
                        self.error(
                            &["admin", "oidc", "jwks_file"],
                            format!("file `{}` does not exist or is not readable", f.display()),
                            None,
                        );
                    }
                    JwksSource::File(f)
                }
                (None, None) => JwksSource::Discover,
                (Some(url), None) => {
                    if !console::secure_url(url) {
                        self.error(
                            &["admin", "oidc", "jwks_url"],
                            format!("`{url}` is not an https URL"),
                            Some("keys that verify logins must come over https"),
                        );
                        return None;
                    }
                    JwksSource::Url(url.clone())
                }
            };
            let discovers = matches!(jwks, JwksSource::Discover)
                || o.sso
                    .as_ref()
                    .is_some_and(|s| s.authorization_endpoint.is_none() || s.token_endpoint.is_none());
            if discovers && !console::secure_url(&o.issuer) {
                self.error(
                    &["admin", "oidc", "issuer"],
                    format!(
                        "`{}` is not an https URL, so its discovery document cannot be fetched",
                        o.issuer
                    ),
                    Some("give `jwks_url` or `jwks_file` (and the `sso` endpoints), or the issuer's https URL"),
                );
                return None;
            }
            let sso = o.sso.as_ref().and_then(|s| self.sso(s));
            if o.sso.is_some() && sso.is_none() {
                return None;
            }
            Some(OidcConfig {
                issuer: o.issuer.clone(),
                audience: o.audience.clone(),
                sso,
                jwks,
                role_claim: o.role_claim.clone().unwrap_or_else(|| "cordon_role".into()),
                user_claim: o.user_claim.clone().unwrap_or_else(|| "sub".into()),
            })
        });
        if users.is_empty() && oidc.is_none() && raw.oidc.is_none() {
            self.error(
                &["admin"],
                "the console has no way to log in",
                Some("add `users:` (with `cordon admin hash-password`) or `oidc:`"),
            );
        }
        let session_ttl = self.duration(
            &["admin", "session_ttl"],
            &raw.session_ttl,
            Duration::from_secs(30 * 60),
        );
        let mut trusted_proxies = Vec::new();
        for (i, p) in raw.trusted_proxies.iter().enumerate() {
            let net = p
                .parse::<ipnet::IpNet>()
                .ok()
                .or_else(|| p.parse::<std::net::IpAddr>().ok().map(ipnet::IpNet::from));
            match net {
                Some(n) => trusted_proxies.push(n),
                None => self.error(
                    &["admin", "trusted_proxies", &i.to_string()],
                    format!("`{p}` is not an address or a CIDR block"),
                    Some("e.g. `10.0.0.5` or `10.0.0.0/8`"),
                ),
            }
        }
        let d = ConsoleLimits::default();
        let console_limits = ConsoleLimits {
            header_timeout: self.duration(&["admin", "header_timeout"], &raw.header_timeout, limits.header_timeout),
            idle_timeout: self.duration(&["admin", "idle_timeout"], &raw.idle_timeout, limits.idle_timeout),
            max_connections: raw.max_connections.unwrap_or(d.max_connections),
            max_connections_per_address: raw.max_connections_per_address.unwrap_or(d.max_connections_per_address),
        };
        for (key, n) in [
            ("max_connections", console_limits.max_connections),
            (
                "max_connections_per_address",
                console_limits.max_connections_per_address,
            ),
        ] {
            if n == 0 {
                self.error(&["admin", key], "must be positive", None);
            }
        }
        Some(ConsoleConfig {
            limits: console_limits,
            addr,
            // Plaintext off loopback is allowed only behind a proxy that
            // terminates TLS, and trusted proxies or an https sign-on
            // redirect say one is in front: browsers reach the console over
            // HTTPS, so its cookies are `Secure` and `__Host-` all the same.
            secure_cookies: tls.is_some()
                || !addr.ip().is_loopback()
                || !trusted_proxies.is_empty()
                || oidc
                    .as_ref()
                    .and_then(|o| o.sso.as_ref())
                    .is_some_and(|s| s.redirect_uri.starts_with("https:")),
            trusted_proxies,
            tls,
            users,
            oidc,
            session_ttl,
        })
    }

    /// `admin.oidc.sso`: endpoints over https (or on loopback, for tests and
    /// an issuer beside Cordon), a redirect to this console's callback.
    fn sso(&mut self, raw: &RawSso) -> Option<console::SsoConfig> {
        let at = |k: &'static str| ["admin", "oidc", "sso", k];
        let mut ok = true;
        let mut endpoint = |this: &mut Self, key: &'static str, url: &str, path: bool| -> Option<url::Url> {
            let parsed = url::Url::parse(url).ok().filter(|_| console::secure_url(url));
            let good = parsed
                .as_ref()
                .is_some_and(|u| !path || u.path() == console::SSO_CALLBACK);
            if !good {
                ok = false;
                let hint = if path {
                    "this console's address followed by /login/oidc/callback, e.g. https://console.example.com:9443/login/oidc/callback"
                } else {
                    "an https URL from the issuer's /.well-known/openid-configuration"
                };
                this.error(&at(key), format!("`{url}` is not usable here"), Some(hint));
            }
            parsed
        };
        let authorization = raw
            .authorization_endpoint
            .as_ref()
            .map(|u| endpoint(self, "authorization_endpoint", u, false));
        let token = raw
            .token_endpoint
            .as_ref()
            .map(|u| endpoint(self, "token_endpoint", u, false));
        let end_session = raw
            .end_session_endpoint
            .as_ref()
            .map(|u| endpoint(self, "end_session_endpoint", u, false));
        let after_logout = raw.post_logout_redirect_uri.as_ref().map(|u| {
            let good = console::secure_url(u);
            if !good {
                self.error(
                    &at("post_logout_redirect_uri"),
                    format!("`{u}` is not usable here"),
                    Some("an https URL registered at the issuer, e.g. https://console.example.com:9443/login"),
                );
            }
            good.then(|| u.clone())
        });
        let redirect = endpoint(self, "redirect_uri", &raw.redirect_uri, true);
        let secret = match &raw.client_secret_env {
            Some(var) => {
                let v = self.env.var(var);
                if v.is_none() {
                    ok = false;
                    self.error(
                        &at("client_secret_env"),
                        format!("environment variable `{var}` is not set"),
                        None,
                    );
                }
                v
            }
            None => None,
        };
        if raw.client_id.trim().is_empty() {
            ok = false;
            self.error(&at("client_id"), "empty client id", None);
        }
        let mut scopes = vec!["openid".to_string()];
        for s in &raw.scopes {
            if !scopes.contains(s) {
                scopes.push(s.clone());
            }
        }
        if !ok {
            return None;
        }
        Some(console::SsoConfig {
            authorization_endpoint: authorization.map(|u| u.ok_or(())).transpose().ok()?,
            token_endpoint: token.map(|u| u.map(String::from).ok_or(())).transpose().ok()?,
            client_id: raw.client_id.clone(),
            client_secret: secret,
            redirect_uri: redirect?.to_string(),
            scope: scopes.join(" "),
            end_session_endpoint: end_session.map(|u| u.map(String::from).ok_or(())).transpose().ok()?,
            post_logout_redirect_uri: after_logout.map(|u| u.ok_or(())).transpose().ok()?,
        })
    }

    fn clients(&mut self, raw: Option<&[RawClient]>) -> Option<Vec<Client>> {
        let raw = raw?;
        let mut out: Vec<Client> = Vec::new();
        for (i, c) in raw.iter().enumerate() {
            let idx = i.to_string();
            if out.iter().any(|o| o.name == c.name) {
                self.error(
                    &["clients", &idx, "name"],
                    format!("client `{}` is listed twice", c.name),
                    None,
                );
            }
            let key = match &c.key_env {
                None => None,
                Some(var) => match self.env.var(var) {
                    Some(k) if k.len() >= 16 => Some(SecretString::from(k)),
                    Some(_) => {
                        self.error(
                            &["clients", &idx, "key_env"],
                            format!("the key in ${var} is shorter than 16 characters"),
                            Some("use a long random key, e.g. `openssl rand -hex 32`"),
                        );
                        continue;
                    }
                    None => {
                        self.error(
                            &["clients", &idx, "key_env"],
                            format!("environment variable {var} is not set"),
                            Some("client keys come only from the environment; export it before starting cordon"),
                        );
                        continue;
                    }
                },
            };
            if key.is_none() && c.cert_name.is_none() {
                self.error(
                    &["clients", &idx, "name"],
                    format!("client `{}` has no way to authenticate", c.name),
                    Some("add `key_env:` (an API key) or `cert_name:` (its mTLS certificate's name)"),
                );
            }
            out.push(Client {
                name: c.name.clone(),
                tenant: c.tenant.clone(),
                key,
                cert_name: c.cert_name.clone(),
                route: c.route.clone(),
            });
        }
        Some(out)
    }

    fn upstreams(&mut self, raw: &BTreeMap<String, RawUpstream>) -> Vec<Upstream> {
        let mut out = Vec::new();
        for (name, u) in raw {
            let p = |k: &'static str| ["upstreams", name.as_str(), k];
            let zone = match (u.kind, u.zone) {
                (UpstreamKind::Engine, Some(Zone::Cloud)) => {
                    self.error(
                        &p("zone"),
                        "the built-in engine runs on premises",
                        Some("remove `zone:` or set it to `local`"),
                    );
                    Zone::Local
                }
                (UpstreamKind::Engine, _) => Zone::Local,
                (
                    UpstreamKind::AzureOpenai | UpstreamKind::Bedrock | UpstreamKind::Gemini | UpstreamKind::Vertex,
                    z,
                ) => {
                    if z == Some(Zone::Local) {
                        self.error(
                            &p("zone"),
                            format!("`kind: {}` is a cloud vendor's service", u.kind.as_str()),
                            Some("remove `zone:` or set it to `cloud`"),
                        );
                    }
                    Zone::Cloud
                }
                (_, Some(z)) => z,
                (_, None) => {
                    self.error(
                        &p("kind"),
                        "an HTTP upstream must say where it runs",
                        Some("add `zone: local` for a server on premises or `zone: cloud` for a vendor"),
                    );
                    Zone::Cloud
                }
            };
            let base_url = match (u.kind, &u.base_url) {
                (UpstreamKind::Bedrock | UpstreamKind::Gemini | UpstreamKind::Vertex, None) => {
                    default_base_url(u).unwrap_or_default()
                }
                (UpstreamKind::Engine, Some(_)) => {
                    self.error(
                        &p("base_url"),
                        "the built-in engine has no URL",
                        Some("use `model_dir:`"),
                    );
                    String::new()
                }
                (UpstreamKind::Engine, None) => String::new(),
                (_, None) => {
                    self.error(
                        &p("base_url"),
                        "missing base_url",
                        Some("e.g. https://api.openai.com/v1"),
                    );
                    String::new()
                }
                (_, Some(url)) => {
                    let trimmed = url.trim_end_matches('/').to_string();
                    match reqwest::Url::parse(&trimmed) {
                        Ok(parsed) if parsed.scheme() == "https" || parsed.scheme() == "http" => {
                            if parsed.scheme() == "http" && zone == Zone::Cloud {
                                let host_is_loopback = match parsed.host() {
                                    Some(url::Host::Domain(d)) => d == "localhost",
                                    Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                                    Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                                    None => false,
                                };
                                if !host_is_loopback {
                                    self.error(
                                        &p("base_url"),
                                        "a cloud upstream over plain http would send prompts in clear",
                                        Some("use https://"),
                                    );
                                }
                            }
                        }
                        _ => self.error(&p("base_url"), format!("`{url}` is not an http(s) URL"), None),
                    }
                    trimmed
                }
            };
            let api_key = match &u.api_key_env {
                None => None,
                Some(var) => {
                    match self.env.var(var) {
                        Some(v) => Some(SecretString::from(v)),
                        None => {
                            self.warn(
                            &p("api_key_env"),
                            format!("environment variable {var} is not set; upstream `{name}` is unavailable until it is"),
                            Some("export the vendor's API key before starting cordon"),
                        );
                            None
                        }
                    }
                }
            };
            if u.kind == UpstreamKind::Engine {
                match (&u.model_dir, &u.model) {
                    (None, None) => self.error(
                        &p("model_dir"),
                        "the built-in engine needs a model folder (`model_dir:`) or a GGUF file (`model:`)",
                        Some("e.g. models/smollm2-135m-instruct"),
                    ),
                    (Some(_), Some(_)) => self.error(&p("model"), "give `model_dir:` or `model:`, not both", None),
                    (None, Some(m)) if !m.extension().is_some_and(|e| e.eq_ignore_ascii_case("gguf")) => self.error(
                        &p("model"),
                        "`model:` is a GGUF file (.gguf); a folder goes in `model_dir:`",
                        None,
                    ),
                    _ => {}
                }
                if let Some(d) = &u.device {
                    if d != "cpu" && d != "cuda" {
                        self.error(
                            &p("device"),
                            format!("unknown device `{d}`"),
                            Some("use `cpu` or `cuda`"),
                        );
                    }
                }
                for (key, v) in [
                    ("threads", u.threads),
                    ("max_batch", u.max_batch),
                    ("max_queue", u.max_queue),
                    ("prefill_rows", u.prefill_rows),
                    ("kv_budget_mb", u.kv_budget_mb),
                ] {
                    if key != "threads" && v == Some(0) {
                        self.error(&p(key), "must be at least 1", None);
                    }
                }
                if u.max_batch.is_some_and(|b| b > 256) {
                    self.error(&p("max_batch"), "at most 256", None);
                }
                if u.max_context.is_some_and(|c| c < 16) {
                    self.error(&p("max_context"), "at least 16 tokens", None);
                }
                if let Some(lib) = &u.ort_library {
                    if !self.path(lib).is_file() {
                        self.error(
                            &p("ort_library"),
                            format!("file `{}` does not exist", lib.display()),
                            None,
                        );
                    }
                }
            } else {
                for (key, set) in [
                    ("model_dir", u.model_dir.is_some()),
                    ("device", u.device.is_some()),
                    ("model", u.model.is_some()),
                    ("model_cache", u.model_cache.is_some()),
                    ("model_name", u.model_name.is_some()),
                    ("threads", u.threads.is_some()),
                    ("max_batch", u.max_batch.is_some()),
                    ("max_queue", u.max_queue.is_some()),
                    ("max_context", u.max_context.is_some()),
                    ("kv_budget_mb", u.kv_budget_mb.is_some()),
                    ("prefill_rows", u.prefill_rows.is_some()),
                    ("allow_cpu_fallback", u.allow_cpu_fallback.is_some()),
                    ("ort_library", u.ort_library.is_some()),
                ] {
                    if set {
                        self.error(&p(key), format!("`{key}` applies only to `kind: engine`"), None);
                    }
                }
            }
            let cloud = self.cloud_options(name, u);
            let region = u.region.as_ref().map(|r| r.to_ascii_lowercase());
            if let Some(r) = &region {
                if r.is_empty() || r.len() > 16 || !r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    self.error(&p("region"), "a region is a short code", Some("e.g. eu, us, uk, ch"));
                }
            }
            if u.anthropic_version.is_some() && u.kind != UpstreamKind::Anthropic {
                self.error(&p("anthropic_version"), "applies only to `kind: anthropic`", None);
            }
            if let Some(ca) = &u.ca_file {
                if !self.path(ca).is_file() {
                    self.error(&p("ca_file"), format!("file `{}` does not exist", ca.display()), None);
                }
            }
            let timeout = self.duration(&p("timeout"), &u.timeout, Duration::from_secs(60));
            let read_timeout = self.duration(&p("read_timeout"), &u.read_timeout, Duration::from_secs(60));
            let connect_timeout = self.duration(&p("connect_timeout"), &u.connect_timeout, Duration::from_secs(5));
            let engine = match (u.kind, u.model_dir.as_ref().or(u.model.as_ref())) {
                (UpstreamKind::Engine, Some(dir)) => {
                    let mut o = cordon_engine::EngineOptions::new(self.path(dir));
                    if u.model.is_some() {
                        o.model_cache =
                            Some(self.path(u.model_cache.as_deref().unwrap_or(std::path::Path::new("model-cache"))));
                    }
                    o.model_name = u.model_name.clone();
                    o.device = match u.device.as_deref() {
                        Some("cuda") => cordon_engine::Device::Cuda,
                        _ => cordon_engine::Device::Cpu,
                    };
                    o.allow_cpu_fallback = u.allow_cpu_fallback.unwrap_or(false);
                    o.threads = u.threads.unwrap_or(o.threads);
                    o.max_batch = u.max_batch.unwrap_or(o.max_batch);
                    o.max_queue = u.max_queue.unwrap_or(o.max_queue);
                    o.max_context = u.max_context.unwrap_or(o.max_context);
                    o.kv_budget_bytes = u.kv_budget_mb.map(|mb| mb.saturating_mul(1_000_000));
                    o.prefill_rows = u.prefill_rows.unwrap_or(o.prefill_rows);
                    o.ort_library = u.ort_library.as_deref().map(|l| self.path(l));
                    Some(o)
                }
                _ => None,
            };
            out.push(Upstream {
                name: name.clone(),
                kind: u.kind,
                zone,
                base_url,
                api_key,
                api_key_env: u.api_key_env.clone(),
                engine,
                timeout,
                read_timeout,
                connect_timeout,
                ca_file: u.ca_file.as_deref().map(|d| self.path(d)),
                anthropic_version: u.anthropic_version.clone().unwrap_or_else(|| "2023-06-01".into()),
                region,
                baa: u.baa.unwrap_or(false),
                cloud,
            });
        }
        out
    }

    /// The keys of the cloud kinds: each only on its kind, the required ones present.
    fn cloud_options(&mut self, name: &str, u: &RawUpstream) -> CloudOptions {
        use UpstreamKind::*;
        let p = |k: &'static str| ["upstreams", name, k];
        let keys: [(&str, bool, &[UpstreamKind]); 7] = [
            ("api_version", u.api_version.is_some(), &[AzureOpenai]),
            ("token_env", u.token_env.is_some(), &[AzureOpenai, Vertex]),
            ("token_file", u.token_file.is_some(), &[AzureOpenai]),
            ("aws_region", u.aws_region.is_some(), &[Bedrock]),
            ("project", u.project.is_some(), &[Vertex]),
            ("location", u.location.is_some(), &[Vertex]),
            ("credentials_env", u.credentials_env.is_some(), &[Vertex]),
        ];
        for (key, set, kinds) in keys {
            if set && !kinds.contains(&u.kind) {
                let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                self.error(
                    &p(key),
                    format!("`{key}` applies only to `kind: {}`", names.join("` or `kind: ")),
                    None,
                );
            }
        }
        let required: &[(&str, bool)] = match u.kind {
            Bedrock => &[("aws_region", u.aws_region.is_some())],
            Vertex => &[("project", u.project.is_some()), ("location", u.location.is_some())],
            _ => &[],
        };
        for &(key, set) in required {
            if !set {
                self.error(&p(key), format!("`kind: {}` needs `{key}:`", u.kind.as_str()), None);
            }
        }
        if u.kind == Vertex && u.token_env.is_none() && u.credentials_env.is_none() {
            self.error(
                &p("credentials_env"),
                "Vertex AI needs credentials",
                Some("add `credentials_env: GOOGLE_APPLICATION_CREDENTIALS` (a service-account key file) or `token_env:`"),
            );
        }
        if u.kind == AzureOpenai && u.token_env.is_some() && u.token_file.is_some() {
            self.error(&p("token_file"), "give `token_env:` or `token_file:`, not both", None);
        }
        if u.kind == AzureOpenai && u.api_key_env.is_some() && (u.token_env.is_some() || u.token_file.is_some()) {
            self.error(&p("api_key_env"), "give an API key or an Entra token, not both", None);
        }
        let token = u.token_env.as_ref().and_then(|var| {
            let v = self.env.var(var);
            if v.is_none() {
                self.warn(
                    &p("token_env"),
                    format!("environment variable {var} is not set; upstream `{name}` is unavailable until it is"),
                    None,
                );
            }
            v.map(SecretString::from)
        });
        let credentials_file = u.credentials_env.as_ref().and_then(|var| {
            let v = self.env.var(var);
            if v.is_none() {
                self.warn(
                    &p("credentials_env"),
                    format!("environment variable {var} is not set; upstream `{name}` is unavailable until it is"),
                    None,
                );
            }
            v.map(|f| self.path(Path::new(&f)))
        });
        CloudOptions {
            api_version: u.api_version.clone(),
            token,
            token_env: u.token_env.clone(),
            token_file: u.token_file.as_deref().map(|f| self.path(f)),
            aws_region: u.aws_region.clone(),
            project: u.project.clone(),
            location: u.location.clone(),
            credentials_file,
            credentials_env: u.credentials_env.clone(),
        }
    }

    fn routes(&mut self, raw: &BTreeMap<String, Vec<String>>, upstreams: &[Upstream]) -> BTreeMap<String, Route> {
        let mut out = BTreeMap::new();
        for (name, members) in raw {
            let mut idxs = Vec::new();
            for (i, m) in members.iter().enumerate() {
                let pos = i.to_string();
                match upstreams.iter().position(|u| &u.name == m) {
                    Some(idx) => idxs.push(idx),
                    None => self.error(
                        &["routes", name, &pos],
                        format!("upstream `{m}` is not defined"),
                        Some("name an upstream from `upstreams:`"),
                    ),
                }
            }
            let all_local = idxs.iter().all(|&i| upstreams[i].zone == Zone::Local);
            if name == "local" {
                for &i in &idxs {
                    if upstreams[i].zone != Zone::Local {
                        let up = &upstreams[i].name;
                        self.error(
                            &["routes", "local"],
                            format!("upstream `{up}` is in the cloud zone; the local route may only hold on-premises upstreams"),
                            Some("remove it from `routes.local`, or set `zone: local` if it really runs on your premises"),
                        );
                    }
                }
            }
            if idxs.is_empty() && !members.is_empty() {
                continue;
            }
            // `local` is on premises even while empty: a request routed there with
            // no upstream fails, it is never sent elsewhere.
            let zone = if name == "local" || (all_local && !idxs.is_empty()) {
                Zone::Local
            } else {
                Zone::Cloud
            };
            out.insert(
                name.clone(),
                Route {
                    name: name.clone(),
                    labels: idxs
                        .iter()
                        .map(|&i| (upstreams[i].region.clone(), upstreams[i].baa))
                        .collect(),
                    upstreams: idxs,
                    zone,
                },
            );
        }
        if !out.contains_key("local") {
            // What the policy keeps on premises must have a route, even an empty one.
            self.warn(
                &["routes"],
                "no `local` route: requests the policy keeps on premises will be refused (503)",
                Some("add `local: [UPSTREAM...]` with an on-premises upstream (`zone: local` or `kind: engine`)"),
            );
            out.insert(
                "local".to_string(),
                Route {
                    name: "local".to_string(),
                    upstreams: Vec::new(),
                    zone: Zone::Local,
                    labels: Vec::new(),
                },
            );
        }
        out
    }

    fn routing(&mut self, raw: &RawRouting, routes: &BTreeMap<String, Route>) -> Routing {
        let default_route = raw.default.clone().unwrap_or_else(|| "cloud".into());
        if !routes.contains_key(&default_route) {
            self.error(
                &["routing", "default"],
                format!("the default route `{default_route}` is not defined"),
                Some("define it under `routes:` or set `routing.default` to a defined route"),
            );
        }
        Routing {
            default_route,
            allow_header: raw.allow_header.unwrap_or(true),
        }
    }

    fn telemetry(&mut self, raw: &RawTelemetry) -> telemetry::TelemetryConfig {
        use telemetry::{OtlpProtocol, TelemetryConfig};
        let d = TelemetryConfig::default();
        let otlp_endpoint = raw.otlp_endpoint.as_ref().and_then(|e| match url::Url::parse(e) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Some(e.clone()),
            _ => {
                self.error(
                    &["telemetry", "otlp_endpoint"],
                    format!("`{e}` is not an http(s) URL"),
                    Some("e.g. http://otel-collector:4317"),
                );
                None
            }
        });
        let otlp_protocol = match raw.otlp_protocol.as_deref() {
            None | Some("grpc") => OtlpProtocol::Grpc,
            Some("http") | Some("http/protobuf") => OtlpProtocol::Http,
            Some(other) => {
                self.error(
                    &["telemetry", "otlp_protocol"],
                    format!("`{other}` is not an OTLP protocol"),
                    Some("write `grpc` or `http`"),
                );
                d.otlp_protocol
            }
        };
        let sample_ratio = raw.sample_ratio.unwrap_or(d.sample_ratio);
        if !(0.0..=1.0).contains(&sample_ratio) {
            self.error(&["telemetry", "sample_ratio"], "must be between 0.0 and 1.0", None);
        }
        let log_level = raw.log_level.clone().unwrap_or(d.log_level.clone());
        if !["error", "warn", "info", "debug", "trace"].contains(&log_level.as_str()) {
            self.error(
                &["telemetry", "log_level"],
                format!("`{log_level}` is not a log level"),
                Some("write error, warn, info, debug or trace"),
            );
        }
        let metrics_key = raw.metrics_key_env.as_ref().and_then(|var| match self.env.var(var) {
            Some(v) if v.len() >= 16 => Some(SecretString::from(v)),
            Some(_) => {
                self.error(
                    &["telemetry", "metrics_key_env"],
                    format!("the key in ${var} is shorter than 16 characters"),
                    Some("use `openssl rand -hex 32`"),
                );
                None
            }
            None => {
                self.error(
                    &["telemetry", "metrics_key_env"],
                    format!("environment variable {var} is not set"),
                    Some("the metrics key comes only from the environment"),
                );
                None
            }
        });
        if raw.siem_logs && otlp_endpoint.is_none() {
            self.error(
                &["telemetry", "siem_logs"],
                "the SIEM feed goes out by OTLP: it needs `otlp_endpoint`",
                Some("set telemetry.otlp_endpoint to your collector (it forwards the logs to the SIEM)"),
            );
        }
        let siem_syslog = raw.siem_syslog.as_ref().and_then(|r| self.syslog(r));
        TelemetryConfig {
            siem_logs: raw.siem_logs,
            siem_syslog,
            metrics_key,
            otlp_endpoint,
            otlp_protocol,
            service_name: raw.service_name.clone().unwrap_or(d.service_name.clone()),
            sample_ratio: sample_ratio.clamp(0.0, 1.0),
            export_interval: self.duration(
                &["telemetry", "export_interval"],
                &raw.export_interval,
                d.export_interval,
            ),
            log_level,
        }
    }

    fn syslog(&mut self, raw: &RawSyslog) -> Option<telemetry::SyslogConfig> {
        let at = ["telemetry", "siem_syslog", "endpoint"];
        let host = match raw.endpoint.rsplit_once(':') {
            Some((h, p)) if !h.is_empty() && p.parse::<u16>().is_ok_and(|p| p > 0) => {
                h.trim_start_matches('[').trim_end_matches(']').to_string()
            }
            _ => {
                self.error(
                    &at,
                    format!("`{}` is not host:port", raw.endpoint),
                    Some("for example siem.example.com:6514"),
                );
                return None;
            }
        };
        let tls = raw.tls.as_ref();
        let ca = tls.and_then(|t| t.ca.as_ref()).map(|c| self.path(c));
        if let Some(ca) = &ca {
            if !ca.is_file() {
                self.error(
                    &["telemetry", "siem_syslog", "tls", "ca"],
                    format!("{} is not a readable file", ca.display()),
                    None,
                );
            }
        }
        let queue = raw.queue.unwrap_or(10_000);
        if queue == 0 {
            self.error(&["telemetry", "siem_syslog", "queue"], "must be at least 1", None);
        }
        Some(telemetry::SyslogConfig {
            endpoint: raw.endpoint.clone(),
            server_name: tls.and_then(|t| t.server_name.clone()).unwrap_or(host),
            ca,
            app_name: raw.app_name.clone().unwrap_or_else(|| "cordon".into()),
            queue,
        })
    }

    fn pseudonymize(&mut self, raw: &RawPseudonymize) -> pseudo::PseudoConfig {
        let d = pseudo::PseudoConfig::default();
        let style = match raw.style.as_deref() {
            None => d.style,
            Some(s) => pseudo::Style::parse(s).unwrap_or_else(|| {
                self.error(
                    &["pseudonymize", "style"],
                    format!("`{s}` is not a placeholder style"),
                    Some("write `token` ([PERSON_1]) or `surrogate` (realistic fake values)"),
                );
                d.style
            }),
        };
        let max = raw.vault.max_conversations.unwrap_or(d.vault_max_conversations);
        if max == 0 {
            self.error(
                &["pseudonymize", "vault", "max_conversations"],
                "must be positive",
                None,
            );
        }
        pseudo::PseudoConfig {
            style,
            vault_ttl: self.duration(&["pseudonymize", "vault", "ttl"], &raw.vault.ttl, d.vault_ttl),
            vault_max_conversations: max.max(1),
        }
    }

    fn limits(&mut self, raw: &RawLimits) -> Limits {
        let d = Limits::default();
        let limits = Limits {
            max_body_bytes: raw.max_body_bytes.unwrap_or(d.max_body_bytes),
            header_timeout: self.duration(&["limits", "header_timeout"], &raw.header_timeout, d.header_timeout),
            idle_timeout: self.duration(&["limits", "idle_timeout"], &raw.idle_timeout, d.idle_timeout),
            request_timeout: self.duration(&["limits", "request_timeout"], &raw.request_timeout, d.request_timeout),
            max_concurrent_requests: raw.max_concurrent_requests.unwrap_or(d.max_concurrent_requests),
            max_connections: raw.max_connections.unwrap_or(d.max_connections),
            max_connections_per_address: raw.max_connections_per_address,
            classify_timeout: self.duration(
                &["limits", "classify_timeout"],
                &raw.classify_timeout,
                d.classify_timeout,
            ),
        };
        if limits.max_body_bytes == 0 {
            self.error(&["limits", "max_body_bytes"], "must be positive", None);
        }
        if limits.max_concurrent_requests == 0 {
            self.error(&["limits", "max_concurrent_requests"], "must be positive", None);
        }
        if limits.max_connections_per_address == Some(0) {
            self.error(&["limits", "max_connections_per_address"], "must be positive", None);
        }
        if limits.max_connections == 0 {
            self.error(&["limits", "max_connections"], "must be positive", None);
        }
        limits
    }
}

/// Finds the line and column of a dotted key path in block-style YAML
/// (and of the last key on a flow-style line such as `a: { b: 1 }`).
/// Best effort: `None` when the path cannot be followed.
fn locate(src: &str, path: &[&str]) -> Option<(usize, usize)> {
    let mut found: Option<(usize, usize)> = None;
    let mut min_indent: isize = -1;
    let mut start_line = 0usize;
    let lines: Vec<&str> = src.lines().collect();
    for seg in path {
        let index: Option<usize> = seg.parse().ok();
        let mut hit = None;
        let mut seen_items = 0usize;
        for (ln, line) in lines.iter().enumerate().skip(start_line) {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = (line.len() - trimmed.len()) as isize;
            if ln > start_line && indent <= min_indent && found.is_some() {
                break;
            }
            if let Some(i) = index {
                if let Some(rest) = trimmed.strip_prefix("- ") {
                    let _ = rest;
                    if seen_items == i {
                        hit = Some((ln, indent as usize + 1, indent + 1));
                        break;
                    }
                    seen_items += 1;
                }
                continue;
            }
            let key = trimmed.trim_start_matches("- ");
            let item_offset = trimmed.len() - key.len();
            let pat = format!("{seg}:");
            if key.starts_with(&pat) {
                hit = Some((ln, indent as usize + item_offset + 1, indent + item_offset as isize));
                break;
            }
            // Flow style on one line: `name: { seg: value }`.
            if let Some(col) = line
                .find(&format!("{{ {pat}"))
                .or_else(|| line.find(&format!(", {pat}")))
            {
                hit = Some((ln, col + 3, indent + 1));
                break;
            }
        }
        let (ln, col, ind) = hit?;
        found = Some((ln + 1, col));
        min_indent = ind;
        start_line = ln;
    }
    found
}

/// The vendor's endpoint for the cloud kinds that can derive one.
fn default_base_url(u: &RawUpstream) -> Option<String> {
    match u.kind {
        UpstreamKind::Bedrock => Some(format!(
            "https://bedrock-runtime.{}.amazonaws.com",
            u.aws_region.as_deref()?
        )),
        UpstreamKind::Gemini => Some("https://generativelanguage.googleapis.com".into()),
        UpstreamKind::Vertex => Some(format!("https://{}-aiplatform.googleapis.com", u.location.as_deref()?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct MapEnv(Vec<(&'static str, &'static str)>);
    impl Env for MapEnv {
        fn var(&self, name: &str) -> Option<String> {
            self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        }
    }

    fn load(text: &str) -> Result<(Config, Vec<ConfigIssue>), ConfigReport> {
        let env = MapEnv(vec![("APP_KEY", "0123456789abcdef0123"), ("OPENAI_API_KEY", "sk-test")]);
        Config::load(
            &Source {
                name: "t.yaml".into(),
                text,
                base_dir: PathBuf::from("."),
            },
            &env,
        )
    }

    #[test]
    fn audit_ship_and_replica_are_checked() {
        let base = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        let with = |audit: &str, env: Vec<(&'static str, &'static str)>| {
            let text = format!("{base}audit:\n{audit}");
            Config::load(
                &Source {
                    name: "t.yaml".into(),
                    text: &text,
                    base_dir: PathBuf::from("."),
                },
                &MapEnv(env),
            )
        };
        let url = ("PG", "postgres://u@127.0.0.1/db?sslmode=disable");
        let key = "ed25519:3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
        let ok = with(
            &format!(
                "  replica: cordon-0\n  ship:\n    postgres: {{ url_env: PG, keys: {{ cordon-1: \"{key}\" }} }}\n"
            ),
            vec![url],
        )
        .unwrap()
        .0;
        assert_eq!(ok.audit.replica, "cordon-0");
        let ship = ok.audit.ship.unwrap();
        assert_eq!((ship.prefix.as_str(), ship.batch), ("cordon_", 5000));
        assert_eq!(ship.checkpoint_max_age, Duration::from_secs(3600));
        assert_eq!(crate::audit::keys::public_text(&ship.keys["cordon-1"]), key);
        // No replica name given: the hostname.
        let default = with("  dir: a\n", vec![]).unwrap().0;
        assert!(!default.audit.replica.is_empty() && default.audit.ship.is_none());
        for (audit, env, path) in [
            (
                "  ship:\n    postgres: { url_env: PG }\n",
                vec![],
                "audit.ship.postgres.url_env",
            ),
            (
                "  ship:\n    postgres: { url_env: PG, table_prefix: \"x; drop\" }\n",
                vec![url],
                "audit.ship.postgres.table_prefix",
            ),
            (
                "  ship:\n    postgres: { url_env: PG, keys: { a: \"ed25519:00\" } }\n",
                vec![url],
                "audit.ship.postgres.keys.a",
            ),
            ("  replica: \"a b\"\n", vec![], "audit.replica"),
        ] {
            let err = with(audit, env).expect_err(audit);
            assert!(err.errors.iter().any(|e| e.path == path), "{audit}: {err}");
        }
        // The URL never shows in an error.
        let err = with("  ship:\n    postgres: { url_env: PG, batch: x }\n", vec![url]).expect_err("batch");
        assert!(!err.to_string().contains("postgres://"), "{err}");
    }

    #[test]
    fn the_syslog_feed_is_checked() {
        let base = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        let with = |syslog: &str| load(&format!("{base}telemetry:\n  siem_syslog: {syslog}\n"));
        let (c, _) = with("{ endpoint: \"siem.example.com:6514\" }").unwrap();
        let s = c.telemetry.siem_syslog.unwrap();
        assert_eq!(s.server_name, "siem.example.com");
        assert_eq!((s.app_name.as_str(), s.queue, s.ca), ("cordon", 10_000, None));
        let (c, _) = with("{ endpoint: \"[::1]:6514\", tls: { server_name: siem.internal }, queue: 5 }").unwrap();
        let s = c.telemetry.siem_syslog.unwrap();
        assert_eq!((s.server_name.as_str(), s.queue), ("siem.internal", 5));
        for (syslog, path) in [
            ("{ endpoint: siem.example.com }", "telemetry.siem_syslog.endpoint"),
            ("{ endpoint: \"siem:0\" }", "telemetry.siem_syslog.endpoint"),
            (
                "{ endpoint: \"siem:6514\", tls: { ca: no-such-ca.pem } }",
                "telemetry.siem_syslog.tls.ca",
            ),
            ("{ endpoint: \"siem:6514\", queue: 0 }", "telemetry.siem_syslog.queue"),
        ] {
            let err = with(syslog).expect_err(syslog);
            assert!(err.errors.iter().any(|e| e.path == path), "{syslog}: {err}");
        }
    }

    #[test]
    fn shadow_policies_load_and_a_bad_or_repeated_one_does_not_check() {
        let dir = tempfile::tempdir().unwrap();
        let good = "version: 1\nname: p\ndefault: cloud\nrules: []\n";
        std::fs::write(dir.path().join("p.yaml"), good).unwrap();
        std::fs::write(dir.path().join("s.yaml"), good.replace("cloud", "local")).unwrap();
        std::fs::write(dir.path().join("bad.yaml"), "version: 1\nname: b\ndefault: sideways\n").unwrap();
        let cfg = |policy: &str| {
            let text = format!(
                "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  v: {{ kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }}\n  c: {{ kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }}\nroutes:\n  local: [v]\n  cloud: [c]\npolicy: {policy}\n"
            );
            let path = dir.path().join("c.yaml");
            Config::load(&Source::file(&path, &text), &OfflineEnv)
        };
        let (c, _) = cfg("{ file: p.yaml, shadow: [s.yaml], shadow_record: always }").unwrap();
        assert_eq!(c.policy.shadows.len(), 1);
        assert_eq!(c.policy.shadows[0].policy.name, "p");
        assert_eq!(
            c.policy.shadows[0].policy.default.kind,
            cordon_policies::ActionKind::Local
        );
        assert_eq!(c.policy.shadow_record, ShadowRecording::Always);
        let (c, _) = cfg("{ file: p.yaml }").unwrap();
        assert!(c.policy.shadows.is_empty());
        assert_eq!(c.policy.shadow_record, ShadowRecording::Differences);
        let err = cfg("{ file: p.yaml, shadow: [bad.yaml] }").expect_err("an invalid shadow");
        assert!(
            err.errors
                .iter()
                .any(|e| e.path == "policy.shadow" && e.message.contains("bad.yaml")),
            "{err}"
        );
        let err = cfg("{ file: p.yaml, shadow: [s.yaml, s.yaml] }").expect_err("twice");
        assert!(err.to_string().contains("listed twice"), "{err}");
        let err = cfg("{ file: p.yaml, shadow: [p.yaml] }").expect_err("the policy in force");
        assert!(err.to_string().contains("listed twice"), "{err}");
        assert!(cfg("{ file: p.yaml, shadow_record: sometimes }").is_err());
    }

    #[test]
    fn embedded_default_is_valid() {
        let (cfg, _warnings) = load(EMBEDDED_DEFAULT).expect("default config loads");
        assert_eq!(cfg.listeners.len(), 1);
        assert_eq!(cfg.listeners[0].addr.to_string(), "127.0.0.1:8080");
        assert!(cfg.clients.is_none());
        assert_eq!(cfg.routing.default_route, "cloud");
    }

    #[test]
    fn unknown_field_has_position_and_hint() {
        let err = load("listen:\n  - addr: 127.0.0.1:8080\n    tsl: {}\n").expect_err("must fail");
        let e = &err.errors[0];
        assert!(e.message.contains("unknown field `tsl`"), "{e}");
        assert_eq!(e.position.map(|p| p.0), Some(3));
        assert!(e.hint.is_some());
        assert_eq!(e.path, "listen[0].tsl");
    }

    #[test]
    fn cloud_upstream_in_local_route_is_refused_with_position() {
        let text = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  openai: { kind: openai, base_url: \"https://api.openai.com/v1\", zone: cloud }\nroutes:\n  local: [openai]\n  cloud: [openai]\n";
        let err = load(text).expect_err("must fail");
        let e = err
            .errors
            .iter()
            .find(|e| e.path == "routes.local")
            .expect("routes.local error");
        assert!(e.message.contains("cloud zone"));
        assert_eq!(e.position.map(|p| p.0), Some(6));
    }

    #[test]
    fn plaintext_off_loopback_needs_opt_in() {
        let base = "upstreams:\n  o: { kind: openai, base_url: \"https://x.example/v1\", zone: cloud }\nroutes:\n  cloud: [o]\nclients:\n  - { name: a, tenant: t, key_env: APP_KEY }\n";
        let err = load(&format!("listen:\n  - addr: 0.0.0.0:8080\n{base}")).expect_err("must fail");
        assert!(err.errors.iter().any(|e| e.message.contains("plaintext")));
        load(&format!(
            "listen:\n  - addr: 0.0.0.0:8080\n    allow_plaintext: true\n{base}"
        ))
        .expect("opt-in accepted");
    }

    #[test]
    fn no_clients_only_on_loopback() {
        let text = "listen:\n  - { addr: 0.0.0.0:8080, allow_plaintext: true }\nupstreams:\n  o: { kind: openai, base_url: \"https://x.example/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        let err = load(text).expect_err("must fail");
        assert!(err.errors.iter().any(|e| e.path == "clients"));
    }

    #[test]
    fn client_key_must_come_from_a_set_variable() {
        let text = "listen:\n  - addr: 127.0.0.1:0\nclients:\n  - { name: a, tenant: t, key_env: MISSING_KEY }\nupstreams:\n  o: { kind: openai, base_url: \"https://x.example/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        let err = load(text).expect_err("must fail");
        let e = &err.errors[0];
        assert!(e.message.contains("MISSING_KEY"));
        assert_eq!(e.position.map(|p| p.0), Some(4));
    }

    #[test]
    fn cloud_over_plain_http_is_refused() {
        let text = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: { kind: openai, base_url: \"http://api.example.com/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        let err = load(text).expect_err("must fail");
        assert!(err.errors.iter().any(|e| e.message.contains("in clear")));
        let ok = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        load(ok).expect("loopback http is fine (tests, sidecars)");
    }

    #[test]
    fn a_missing_ner_model_is_an_error_at_load_naming_the_path() {
        let text = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  cloud: [o]\ndetectors:\n  ner: { model_dir: no/such/rampart }\n";
        let err = load(text).expect_err("must fail");
        let e = err
            .errors
            .iter()
            .find(|e| e.path == "detectors.ner.model_dir")
            .expect("an error at detectors.ner.model_dir");
        assert!(e.message.contains("no/such/rampart"), "{}", e.message);
        // Unknown keys under `ner` are refused by the parse.
        let typo = text.replace("model_dir", "modeldir");
        assert!(load(&typo).is_err());
    }

    #[test]
    fn outcome_durability_is_durable_unless_queued() {
        let base = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  o: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n";
        assert!(load(base).unwrap().0.audit.durable_outcomes);
        let queued = format!("{base}audit: {{ outcomes: queued }}\n");
        assert!(!load(&queued).unwrap().0.audit.durable_outcomes);
        let err = load(&format!("{base}audit: {{ outcomes: later }}\n")).expect_err("must fail");
        assert!(err.errors.iter().any(|e| e.path == "audit.outcomes"));
    }

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("250ms"), Some(Duration::from_millis(250)));
        assert_eq!(parse_duration("10s"), Some(Duration::from_secs(10)));
        assert_eq!(parse_duration("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("ten"), None);
        assert_eq!(parse_duration("10"), None);
    }

    #[test]
    fn cloud_kinds_take_their_own_keys_and_labels() {
        let base = "listen:\n  - addr: 127.0.0.1:0\nroutes:\n  cloud: [v]\nupstreams:\n  v: ";
        let ok = |up: &str| load(&format!("{base}{up}\n")).map(|(c, _)| c);
        let c = ok("{ kind: bedrock, aws_region: eu-central-1, region: EU, baa: true }").expect("bedrock loads");
        let u = &c.upstreams[0];
        assert_eq!(u.base_url, "https://bedrock-runtime.eu-central-1.amazonaws.com");
        assert_eq!((u.zone, u.region.as_deref(), u.baa), (Zone::Cloud, Some("eu"), true));
        let c = ok("{ kind: vertex, project: p, location: europe-west4, token_env: OPENAI_API_KEY }").expect("vertex");
        assert_eq!(
            c.upstreams[0].base_url,
            "https://europe-west4-aiplatform.googleapis.com"
        );
        assert!(c.upstreams[0].cloud.token.is_some());
        let c = ok("{ kind: azure_openai, base_url: \"https://r.openai.azure.com/\", api_version: \"2024-10-21\", api_key_env: OPENAI_API_KEY }")
            .expect("azure");
        assert_eq!(c.routes["cloud"].labels, vec![(None, false)]);
        let err = |up: &str, path: &str, what: &str| {
            let e = load(&format!("{base}{up}\n")).expect_err(up);
            assert!(
                e.errors.iter().any(|i| i.path == path && i.message.contains(what)),
                "{up}: {:?}",
                e.errors
            );
        };
        err("{ kind: bedrock }", "upstreams.v.aws_region", "needs `aws_region:`");
        err(
            "{ kind: vertex, project: p, location: l }",
            "upstreams.v.credentials_env",
            "needs credentials",
        );
        err(
            "{ kind: openai, base_url: \"https://x/v1\", zone: cloud, api_version: v1 }",
            "upstreams.v.api_version",
            "applies only",
        );
        err("{ kind: gemini, zone: local }", "upstreams.v.zone", "cloud vendor");
        err("{ kind: gemini, region: \"e u\" }", "upstreams.v.region", "short code");
        err("{ kind: azure_openai }", "upstreams.v.base_url", "missing base_url");
    }
}
