//! The compliance console: web pages where compliance officers see, search
//! and prove routing decisions, served on the admin listener (`admin:`),
//! never on the proxy's port.
//!
//! - Logins: config users (argon2 hashes) or OIDC bearer tokens (JWKS);
//!   roles `viewer` (reads) and `auditor` (also evidence: report, export,
//!   subject lookup). Sessions live server-side behind a random HttpOnly,
//!   SameSite=Strict cookie (`__Host-` and Secure over TLS).
//! - Every form carries a CSRF token bound to the session; cross-site
//!   posts are refused. Every response carries a strict CSP (no inline
//!   script or style, nothing from elsewhere) and no-store caching.
//! - Every console action is written to the audit trail, durably, before
//!   its answer: who, which role, what, with which filters (names only),
//!   how many records. A subject lookup records the value's keyed
//!   fingerprint, never the value.
//! - Pages, styles, scripts and charts are in the binary: nothing is
//!   fetched from elsewhere.

pub mod auth;
pub mod chart;
pub mod fleet;
pub mod index;
mod views;

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use bytes::Bytes;
use http::{header, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::audit::{AccessRecord, Audit, AuditConfig, Body};
pub use crate::config::console::{
    AdminUser, ConsoleConfig, ConsoleLimits, JwksSource, OidcConfig, Role, SsoConfig, SSO_CALLBACK,
};

/// The browser's address: the peer, or, when the peer is a trusted proxy,
/// the nearest address in `X-Forwarded-For` that is not one (read right to
/// left: each proxy appends the address it received from, and only the
/// entries trusted proxies appended can be believed). `None` when that
/// entry does not read as an address: the request is refused rather than
/// put on the proxy's account (where one client could lock out all).
pub fn client_address(peer: SocketAddr, headers: &http::HeaderMap, trusted: &[ipnet::IpNet]) -> Option<SocketAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    let mut client = peer.ip().to_canonical();
    if !is_trusted(&client) {
        return Some(peer);
    }
    // Entries one by one from the raw bytes: a line with a byte that is not
    // ASCII (which a client can put on the left) spoils nothing on its right.
    let lines: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.as_bytes())
        .collect();
    for hop in lines.iter().rev().flat_map(|l| l.split(|&b| b == b',').rev()) {
        let hop = std::str::from_utf8(hop).ok()?.trim();
        if hop.is_empty() {
            continue;
        }
        // `1.2.3.4`, `1.2.3.4:5678`, `::1`, `[::1]:5678`.
        let ip = hop
            .parse::<IpAddr>()
            .ok()
            .or_else(|| hop.parse::<SocketAddr>().ok().map(|a| a.ip()))?
            .to_canonical();
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    Some(SocketAddr::new(client, peer.port()))
}

/// A "verify now" run.
#[derive(Debug, Clone, Default)]
pub struct VerifyJob {
    pub running: bool,
    pub done_bytes: u64,
    pub total_bytes: u64,
    pub started_by: String,
    pub started_ms: u64,
    pub finished_ms: Option<u64>,
    pub result: Option<Result<crate::audit::verify::Report, String>>,
}

/// What the console may see of the running proxy: a narrow, read-only
/// view (the detectors, the policy in force and its file, the shadow
/// policies), and the one thing it may ask of it: after a promotion it wrote
/// the policy file for, take it into force. The server gives the pipeline
/// behind it; the console never holds the pipeline itself.
pub trait ProxyView: Send + Sync {
    /// The detectors the proxy scans with.
    fn detectors(&self) -> Arc<cordon_detectors::Registry>;
    /// The policy in force.
    fn policy(&self) -> Arc<cordon_policies::Policy>;
    /// The file it was read from (`None`: the embedded baseline).
    fn policy_file(&self) -> Option<std::path::PathBuf>;
    /// The shadow policies in force.
    fn shadows(&self) -> Arc<Vec<crate::config::ShadowPolicy>>;
    /// A promotion to `hash` is about to be written: its reload is recorded
    /// as a promotion.
    fn expect_promotion(&self, hash: &str);
    /// Reads the policy file again and puts it into force.
    fn reload_policy(&self);
}

/// Everything the console's handlers share.
pub struct Console {
    pub cfg: ConsoleConfig,
    pub audit_cfg: AuditConfig,
    pub audit: Arc<Audit>,
    pub app: Arc<dyn ProxyView>,
    pub index: RwLock<index::Index>,
    /// With `audit.ship`: the index is fed from PostgreSQL, every replica's.
    pub fleet: Option<fleet::FleetSource>,
    pub sessions: auth::Sessions,
    pub throttle: auth::Throttle,
    pub oidc: Option<auth::Oidc>,
    pub verify: Mutex<VerifyJob>,
    /// The last run of the policy's tests, by policy hash.
    pub policy_tests: Mutex<Option<views::PolicyTests>>,
    templates: minijinja::Environment<'static>,
    /// Cookies `Secure` and `__Host-` (see [`ConsoleConfig::secure_cookies`]).
    tls: bool,
}

pub const CSS: &str = include_str!("assets/console.css");
pub const JS: &str = include_str!("assets/console.js");
pub const ICON: &str = include_str!("assets/icon.svg");

fn templates() -> anyhow::Result<minijinja::Environment<'static>> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    for (name, text) in [
        ("base.html", include_str!("templates/base.html")),
        ("login.html", include_str!("templates/login.html")),
        ("signed-in.html", include_str!("templates/signed-in.html")),
        ("signed-out.html", include_str!("templates/signed-out.html")),
        ("overview.html", include_str!("templates/overview.html")),
        ("decisions.html", include_str!("templates/decisions.html")),
        ("rows.html", include_str!("templates/rows.html")),
        ("fleet-state.html", include_str!("templates/fleet-state.html")),
        ("decision.html", include_str!("templates/decision.html")),
        ("integrity.html", include_str!("templates/integrity.html")),
        ("evidence.html", include_str!("templates/evidence.html")),
        ("policies.html", include_str!("templates/policies.html")),
        ("shadow.html", include_str!("templates/shadow.html")),
        ("error.html", include_str!("templates/error.html")),
    ] {
        env.add_template(name, text)?;
    }
    Ok(env)
}

impl Console {
    pub fn new(
        cfg: ConsoleConfig,
        audit_cfg: AuditConfig,
        audit: Arc<Audit>,
        app: Arc<dyn ProxyView>,
    ) -> anyhow::Result<Console> {
        let (index, fleet) = match &audit_cfg.ship {
            Some(ship) => (index::Index::fleet(), Some(fleet::FleetSource::new(ship.clone()))),
            None => (index::Index::new(&audit_cfg.dir), None),
        };
        Ok(Console {
            fleet,
            sessions: auth::Sessions::new(cfg.session_ttl),
            throttle: auth::Throttle::default(),
            oidc: cfg.oidc.clone().map(auth::Oidc::new),
            tls: cfg.secure_cookies,
            cfg,
            audit_cfg,
            audit,
            app,
            index: RwLock::new(index),
            verify: Mutex::new(VerifyJob::default()),
            policy_tests: Mutex::new(None),
            templates: templates()?,
        })
    }

    fn cookie_name(&self) -> &'static str {
        if self.tls {
            "__Host-cordon_session"
        } else {
            "cordon_session"
        }
    }

    fn login_cookie_name(&self) -> &'static str {
        if self.tls {
            "__Host-cordon_login"
        } else {
            "cordon_login"
        }
    }

    fn sso_cookie_name(&self) -> &'static str {
        if self.tls {
            "__Host-cordon_sso"
        } else {
            "cordon_sso"
        }
    }

    /// The single sign-on state's cookie: `SameSite=Lax`, since the issuer
    /// sends the browser back from another site (a top-level GET, which Lax
    /// allows); ten minutes; `None` clears it.
    fn sso_cookie(&self, state: Option<&str>) -> String {
        let secure = if self.tls { "; Secure" } else { "" };
        let name = self.sso_cookie_name();
        match state {
            Some(v) => format!("{name}={v}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600{secure}"),
            None => format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
        }
    }

    /// `Set-Cookie` for `name=value`; `None` clears it.
    fn cookie(&self, name: &str, value: Option<&str>) -> String {
        let secure = if self.tls { "; Secure" } else { "" };
        match value {
            Some(v) => format!("{name}={v}; Path=/; HttpOnly; SameSite=Strict{secure}"),
            None => format!("{name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
        }
    }

    /// Brings the index up to date with the trail (off the async threads),
    /// or, with `audit.ship`, with every replica's records in PostgreSQL
    /// (waiting at most [`fleet::PAGE_WAIT`]: a page then shows what is
    /// indexed, and the follower goes on).
    pub async fn refresh(self: &Arc<Self>) {
        if let Some(source) = &self.fleet {
            match tokio::time::timeout(fleet::PAGE_WAIT, fleet::follow(self, source)).await {
                Ok(Err(e)) => tracing::warn!(error = %e, "console: cannot read the fleet's records from PostgreSQL"),
                Ok(Ok(_)) => {}
                Err(_) => tracing::info!("console: still indexing the fleet's records; the page shows those indexed"),
            }
            return;
        }
        let me = self.clone();
        let done = tokio::task::spawn_blocking(move || match me.index.write() {
            Ok(mut ix) => ix.refresh().map_err(|e| e.to_string()),
            Err(_) => Err("index lock poisoned".into()),
        })
        .await;
        if let Ok(Err(e)) | Err(e) = done.map_err(|e| e.to_string()) {
            tracing::warn!(error = %e, "console: cannot read the audit trail");
        }
    }

    /// Writes a console action to the trail and waits until it is durable.
    pub async fn record(
        &self,
        who: &auth::Principal,
        action: &str,
        params: Vec<(&str, String)>,
        results: Option<u64>,
        remote: SocketAddr,
    ) -> Result<(), Response<Full<Bytes>>> {
        let rec = AccessRecord {
            user: who.user.clone(),
            role: who.role.as_str().into(),
            action: action.into(),
            params: params.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            results,
            remote: Some(remote.ip().to_string()),
        };
        match self.audit.record(Body::Access(rec)).await {
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::error!(error = %e, action, "console action refused: the audit trail cannot record it");
                Err(self.error_page(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The audit trail cannot record this action",
                    "Console actions are recorded before they are carried out; the trail is failing, so nothing was done.",
                    None,
                ))
            }
        }
    }

    fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, minijinja::Error> {
        self.templates.get_template(name)?.render(ctx)
    }

    /// A full page.
    pub fn page(
        &self,
        status: StatusCode,
        name: &str,
        ctx: minijinja::Value,
        extra: &[(&str, String)],
    ) -> Response<Full<Bytes>> {
        match self.render(name, ctx) {
            Ok(html) => {
                let mut r = respond(status, "text/html; charset=utf-8", html.into());
                for (k, v) in extra {
                    if let (Ok(k), Ok(v)) = (header::HeaderName::try_from(*k), HeaderValue::try_from(v.as_str())) {
                        r.headers_mut().append(k, v);
                    }
                }
                r
            }
            Err(e) => {
                tracing::error!(error = %e, template = name, "console: template failed");
                respond(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "text/plain; charset=utf-8",
                    "page failed to render".into(),
                )
            }
        }
    }

    pub fn error_page(
        &self,
        status: StatusCode,
        title: &str,
        detail: &str,
        user: Option<&auth::Principal>,
    ) -> Response<Full<Bytes>> {
        let ctx = minijinja::context! {
            title => title,
            detail => detail,
            status => status.as_u16(),
            user => user.map(|u| u.user.clone()),
            role => user.map(|u| u.role.as_str()),
            csrf => "",
            nav => "",
        };
        self.page(status, "error.html", ctx, &[])
    }
}

/// A response with the console's security headers.
pub fn respond(status: StatusCode, ctype: &str, body: Bytes) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(body));
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(ctype) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    r
}

pub fn redirect(to: &str, cookies: &[String]) -> Response<Full<Bytes>> {
    let mut r = respond(StatusCode::SEE_OTHER, "text/plain; charset=utf-8", Bytes::new());
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

/// The largest form the console accepts.
const MAX_FORM: usize = 16 * 1024;

/// One request as the handlers see it.
pub struct Req {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: http::HeaderMap,
    pub form: Vec<(String, String)>,
    pub remote: SocketAddr,
}

impl Req {
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn f(&self, name: &str) -> Option<&str> {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

async fn read_req(req: Request<Incoming>, remote: SocketAddr) -> Result<Req, StatusCode> {
    let (parts, body) = req.into_parts();
    let query = url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let form = if parts.method == Method::POST {
        let bytes = Limited::new(body, MAX_FORM)
            .collect()
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE)?
            .to_bytes();
        url::form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Req {
        method: parts.method,
        path: parts.uri.path().to_string(),
        query,
        headers: parts.headers,
        form,
        remote,
    })
}

/// Binds the admin listener. Fails before anything is served when it cannot.
pub async fn bind(cfg: &ConsoleConfig) -> anyhow::Result<(TcpListener, Option<Arc<crate::tls::ReloadingConfig>>)> {
    let tls = match &cfg.tls {
        Some(files) => Some(crate::tls::ReloadingConfig::new(files.clone())?),
        None => None,
    };
    let listener = TcpListener::bind(cfg.addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {} (admin): {e}", cfg.addr))?;
    Ok((listener, tls))
}

/// Serves the console until `shutdown`.
pub async fn run(
    console: Arc<Console>,
    listener: TcpListener,
    tls: Option<Arc<crate::tls::ReloadingConfig>>,
    mut shutdown: watch::Receiver<bool>,
) {
    // Index the trail before the first page asks. With `audit.ship`, a
    // follower keeps the index up with the fleet's records (ended with the
    // console: the set aborts it when dropped).
    let mut background = tokio::task::JoinSet::new();
    if console.fleet.is_some() {
        let c = console.clone();
        let mut stop = shutdown.clone();
        background.spawn(async move {
            loop {
                if let Some(source) = &c.fleet {
                    if let Err(e) = fleet::follow(&c, source).await {
                        tracing::warn!(error = %e, "console: cannot read the fleet's records from PostgreSQL");
                    }
                }
                tokio::select! {
                    _ = tokio::time::sleep(fleet::FOLLOW_EVERY) => {}
                    _ = stop.changed() => return,
                }
            }
        });
    } else {
        let c = console.clone();
        tokio::spawn(async move { c.refresh().await });
    }
    let limits = console.cfg.limits.clone();
    let conn_limits = crate::conn::ConnLimits {
        header_timeout: limits.header_timeout,
        idle_timeout: limits.idle_timeout,
    };
    let slots = crate::conn::Slots::new(limits.max_connections, limits.max_connections_per_address);
    loop {
        let reserved = tokio::select! {
            p = slots.reserve() => match p { Some(p) => p, None => return },
            _ = shutdown.changed() => return,
        };
        let (tcp, peer) = tokio::select! {
            r = listener.accept() => match r {
                Ok(x) => x,
                Err(e) => {
                    tracing::warn!(error = %e, "console: accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => return,
        };
        let Some(slot) = slots.admit(peer.ip().to_canonical(), reserved) else {
            tracing::info!(peer = %peer, "console: too many connections from this address; closed");
            drop(tcp);
            continue;
        };
        let console = console.clone();
        let tls = tls.as_ref().map(|t| t.current());
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let handler = move |req: Request<Incoming>| {
                let console = console.clone();
                async move {
                    handle(console, req, peer)
                        .await
                        .map(|b| b.map_err(|never| match never {}).boxed_unsync())
                }
            };
            let result = match tls {
                None => {
                    crate::conn::serve_connection(
                        tcp,
                        false,
                        conn_limits,
                        crate::conn::Stalled::Close,
                        shutdown,
                        handler,
                    )
                    .await
                }
                Some(cfg) => {
                    let accept = tokio_rustls::TlsAcceptor::from(cfg).accept(tcp);
                    match tokio::time::timeout(conn_limits.header_timeout, accept).await {
                        Ok(Ok(s)) => {
                            let h2 = s.get_ref().1.alpn_protocol() == Some(b"h2".as_slice());
                            crate::conn::serve_connection(
                                s,
                                h2,
                                conn_limits,
                                crate::conn::Stalled::Close,
                                shutdown,
                                handler,
                            )
                            .await
                        }
                        _ => return,
                    }
                }
            };
            if let Err(e) = result {
                tracing::debug!(peer = %peer, error = %e, "console connection ended with an error");
            }
        });
    }
}

async fn handle(console: Arc<Console>, req: Request<Incoming>, peer: SocketAddr) -> Response<Full<Bytes>> {
    let Some(remote) = client_address(peer, req.headers(), &console.cfg.trusted_proxies) else {
        return console.error_page(
            StatusCode::BAD_REQUEST,
            "Bad X-Forwarded-For",
            "The proxy in front passed on an address that is not one.",
            None,
        );
    };
    let req = match read_req(req, remote).await {
        Ok(r) => r,
        Err(status) => {
            return console.error_page(
                status,
                "Request too large",
                "The form was larger than the console accepts.",
                None,
            )
        }
    };
    views::route(&console, req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "192.0.2.1/32".parse().unwrap()];
        let peer = |ip: &str| SocketAddr::new(ip.parse().unwrap(), 4000);
        let xff = |v: &[u8]| {
            let mut h = http::HeaderMap::new();
            h.insert("x-forwarded-for", http::HeaderValue::from_bytes(v).unwrap());
            h
        };
        let ip = |a: Option<SocketAddr>| a.map(|a| a.ip().to_string());
        let from = |p: &str, h: &[u8]| ip(client_address(peer(p), &xff(h), &trusted));
        let some = |s: &str| Some(s.to_string());
        // Not from a trusted proxy: the peer, whatever the header says.
        assert_eq!(from("198.51.100.9", b"203.0.113.7"), some("198.51.100.9"));
        // From one: the nearest untrusted hop; a forged leftmost entry is not believed.
        assert_eq!(from("10.1.2.3", b"203.0.113.7"), some("203.0.113.7"));
        assert_eq!(
            from("10.1.2.3", b"1.1.1.1, 203.0.113.7, 192.0.2.1"),
            some("203.0.113.7")
        );
        // Ports, IPv6, mapped addresses; bytes a client put on the left spoil nothing.
        assert_eq!(from("10.1.2.3", b"203.0.113.7:5678"), some("203.0.113.7"));
        assert_eq!(from("10.1.2.3", b"[2001:db8::1]:443"), some("2001:db8::1"));
        assert_eq!(from("::ffff:10.1.2.3", b"203.0.113.7"), some("203.0.113.7"));
        assert_eq!(from("10.1.2.3", b"caf\xc3\xa9, 203.0.113.7"), some("203.0.113.7"));
        // No header: the proxy itself; garbage where the client should be: refused.
        assert_eq!(
            ip(client_address(peer("10.1.2.3"), &http::HeaderMap::new(), &trusted)),
            some("10.1.2.3")
        );
        assert_eq!(from("10.1.2.3", b"nonsense"), None);
        assert_eq!(from("10.1.2.3", b"nonsense, 10.9.9.9"), None);
        assert_eq!(
            ip(client_address(peer("10.1.2.3"), &xff(b"203.0.113.7"), &[])),
            some("10.1.2.3")
        );
    }
}
