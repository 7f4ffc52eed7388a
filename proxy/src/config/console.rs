//! `admin:` in the config: the compliance console's listener, users and
//! single sign-on.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::TlsFiles;

/// A console role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Overview, decisions, integrity, policies.
    Viewer,
    /// Also evidence: reports, exports, subject lookups.
    Auditor,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "viewer" => Some(Role::Viewer),
            "auditor" => Some(Role::Auditor),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Auditor => "auditor",
        }
    }
}

#[derive(Debug, Clone)]
pub struct AdminUser {
    pub name: String,
    pub role: Role,
    pub password_hash: String,
}

#[derive(Debug, Clone)]
pub enum JwksSource {
    Url(String),
    File(PathBuf),
    /// The `jwks_uri` of the issuer's discovery document.
    Discover,
}

#[derive(Debug, Clone)]
pub struct OidcConfig {
    pub issuer: String,
    pub audience: String,
    pub jwks: JwksSource,
    pub role_claim: String,
    pub user_claim: String,
    pub sso: Option<SsoConfig>,
}

/// Where the issuer sends the browser back after single sign-on.
pub const SSO_CALLBACK: &str = "/login/oidc/callback";

/// Single sign-on: OpenID Connect's authorization code flow with PKCE.
#[derive(Clone)]
pub struct SsoConfig {
    /// `None`: from the issuer's discovery document.
    pub authorization_endpoint: Option<url::Url>,
    /// `None`: from the issuer's discovery document.
    pub token_endpoint: Option<String>,
    pub client_id: String,
    pub client_secret: Option<String>,
    pub redirect_uri: String,
    /// Space-separated, `openid` first.
    pub scope: String,
    /// `None`: from the issuer's discovery document, if it lists one.
    pub end_session_endpoint: Option<String>,
    pub post_logout_redirect_uri: Option<String>,
}

impl std::fmt::Debug for SsoConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoConfig")
            .field(
                "authorization_endpoint",
                &self.authorization_endpoint.as_ref().map(url::Url::as_str),
            )
            .field("token_endpoint", &self.token_endpoint)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "(set)"))
            .field("redirect_uri", &self.redirect_uri)
            .field("scope", &self.scope)
            .field("end_session_endpoint", &self.end_session_endpoint)
            .field("post_logout_redirect_uri", &self.post_logout_redirect_uri)
            .finish()
    }
}

/// `admin:` in the config.
#[derive(Debug, Clone)]
pub struct ConsoleConfig {
    pub addr: SocketAddr,
    pub tls: Option<TlsFiles>,
    /// Browsers reach the console over HTTPS (its own TLS, or a proxy's in
    /// front): cookies are `Secure` with the `__Host-` prefix.
    pub secure_cookies: bool,
    pub users: Vec<AdminUser>,
    pub oidc: Option<OidcConfig>,
    pub session_ttl: Duration,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub limits: ConsoleLimits,
}

/// The console listener's own bounds, apart from the proxy's: a flood of
/// idle or half-sent connections here cannot starve the proxy listeners.
#[derive(Debug, Clone)]
pub struct ConsoleLimits {
    /// To finish the TLS handshake and send a request head.
    pub header_timeout: Duration,
    /// Idle time between requests before the connection is closed.
    pub idle_timeout: Duration,
    pub max_connections: usize,
    /// Per client address (the peer's: a proxy in front counts as one).
    pub max_connections_per_address: usize,
}

impl Default for ConsoleLimits {
    fn default() -> Self {
        ConsoleLimits {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(90),
            max_connections: 256,
            max_connections_per_address: 32,
        }
    }
}

/// An https URL, or http to this host (an issuer beside Cordon, and tests):
/// what login keys and the console's single sign-on may be fetched from.
pub fn secure_url(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| {
        u.scheme() == "https"
            || (u.scheme() == "http" && u.host_str().is_some_and(|h| h == "127.0.0.1" || h == "localhost"))
    })
}
