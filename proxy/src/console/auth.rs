//! Console logins: config users with argon2 password hashes, bearer tokens
//! (JWT) checked against an OIDC issuer's JWKS, or single sign-on at that
//! issuer (authorization code flow with PKCE); sessions held
//! server-side behind a random cookie; CSRF tokens bound to the session;
//! failed logins slowed down per client address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine as _;
use jsonwebtoken::jwk::{AlgorithmParameters, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use sha2::Digest as _;
use subtle::ConstantTimeEq;

use super::{AdminUser, JwksSource, OidcConfig, Role};
pub use crate::config::console::secure_url;

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user: String,
    pub role: Role,
    /// `password` or `oidc`.
    pub method: &'static str,
    /// When the credential stops being valid (a token's `exp`, unix
    /// seconds): a session started with it ends then too.
    pub until: Option<u64>,
}

/// A random token, base64url, 32 bytes of entropy.
pub fn random_token() -> String {
    use rand_core::RngCore;
    let mut b = [0u8; 32];
    rand_core::OsRng.fill_bytes(&mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// Whether `t` has the shape of a [`random_token`].
pub fn is_token(t: &str) -> bool {
    t.len() == 43 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An OAuth error code (`access_denied`, `invalid_grant`...) as the issuer
/// sent it, or `None` for anything else: nothing else the issuer sends is
/// repeated in pages, logs or the trail.
pub fn oauth_error_code(e: &str) -> Option<&str> {
    (!e.is_empty() && e.len() <= 40 && e.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then_some(e)
}

/// Constant-time string equality.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// An argon2id hash (PHC string) of `password`, with a random salt and the
/// library's recommended parameters.
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// A hash to check passwords of unknown users against, so that a wrong
/// name takes as long as a wrong password.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("cordon-no-such-user").unwrap_or_default());

/// Checks a name and password against the configured users (slow on
/// purpose: run it off the async threads).
pub fn check_password(users: &[AdminUser], name: &str, password: &str) -> Option<Principal> {
    let user = users.iter().find(|u| u.name == name);
    let hash = user.map_or(DUMMY_HASH.as_str(), |u| u.password_hash.as_str());
    let ok = PasswordHash::new(hash)
        .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false);
    let user = user?;
    ok.then(|| Principal {
        user: user.name.clone(),
        role: user.role,
        method: "password",
        until: None,
    })
}

/// A logged-in browser.
#[derive(Clone)]
pub struct Session {
    pub principal: Principal,
    pub csrf: String,
    /// The ID token of a single sign-on, kept for signing out at the
    /// issuer (`id_token_hint`); never logged.
    pub id_token: Option<String>,
    started: Instant,
    last_seen: Instant,
}

/// Sessions by the SHA-256 of their cookie (the cookie itself is not kept).
pub struct Sessions {
    ttl: Duration,
    map: Mutex<HashMap<String, Session>>,
}

const MAX_SESSIONS: usize = 10_000;
/// However active, a session ends this long after sign-in.
const MAX_LIFETIME: Duration = Duration::from_secs(12 * 3600);

impl Sessions {
    pub fn new(ttl: Duration) -> Sessions {
        Sessions {
            ttl,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Starts a session (`id_token`: a single sign-on's); returns the cookie value.
    pub fn create(&self, principal: Principal, id_token: Option<String>) -> String {
        let token = random_token();
        let Ok(mut map) = self.map.lock() else { return token };
        let now = Instant::now();
        map.retain(|_, s| now.duration_since(s.last_seen) < self.ttl);
        if map.len() >= MAX_SESSIONS {
            // Oldest first out.
            if let Some(k) = map.iter().min_by_key(|(_, s)| s.last_seen).map(|(k, _)| k.clone()) {
                map.remove(&k);
            }
        }
        map.insert(
            crate::audit::sha256_hex(token.as_bytes()),
            Session {
                principal,
                csrf: random_token(),
                id_token,
                started: now,
                last_seen: now,
            },
        );
        token
    }

    /// The live session for a cookie value, its idle time renewed.
    pub fn get(&self, token: &str) -> Option<Session> {
        let mut map = self.map.lock().ok()?;
        let key = crate::audit::sha256_hex(token.as_bytes());
        let now = Instant::now();
        let s = map.get_mut(&key)?;
        let expired = s.principal.until.is_some_and(|u| crate::audit::now_ms() / 1000 >= u);
        if now.duration_since(s.last_seen) >= self.ttl || now.duration_since(s.started) >= MAX_LIFETIME || expired {
            map.remove(&key);
            return None;
        }
        s.last_seen = now;
        Some(s.clone())
    }

    /// Ends the session of a cookie value; returns it, if it was live.
    pub fn remove(&self, token: &str) -> Option<Session> {
        self.map
            .lock()
            .ok()?
            .remove(&crate::audit::sha256_hex(token.as_bytes()))
    }
}

/// Sign-in attempts per client address: after `LIMIT` failed ones within
/// `WINDOW`, that address is refused until the window passes. Each attempt
/// is counted when it starts (before the slow password check), so parallel
/// guesses cannot all slip under the limit; a success takes back only its
/// own count, so signing in with one account between guesses does not
/// clear them.
pub struct Throttle {
    attempts: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

const LIMIT: u32 = 5;
const WINDOW: Duration = Duration::from_secs(300);
/// Addresses the limiter keeps track of at once.
const MAX_ADDRESSES: usize = 100_000;

/// What one client is, for the limits: its IPv4 address, or its IPv6 /64
/// (one host is usually given a whole /64).
fn subnet(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let mut o = v6.octets();
            o[8..].fill(0);
            IpAddr::from(o)
        }
        v4 => v4,
    }
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            attempts: Mutex::new(HashMap::new()),
        }
    }
}

impl Throttle {
    /// Starts an attempt from `ip`; false if that address is locked out.
    pub fn begin(&self, ip: IpAddr) -> bool {
        let Ok(mut m) = self.attempts.lock() else { return false };
        let now = Instant::now();
        m.retain(|_, (_, t)| now.duration_since(*t) < WINDOW);
        if m.len() >= MAX_ADDRESSES && !m.contains_key(&subnet(ip)) {
            // Under a flood from that many addresses, the oldest is
            // forgotten: an attacker holding them gains no more guesses than
            // the addresses give anyway, and sign-ins stay open to others.
            if let Some(k) = m.iter().min_by_key(|(_, (_, t))| *t).map(|(k, _)| *k) {
                m.remove(&k);
            }
        }
        let e = m.entry(subnet(ip)).or_insert((0, now));
        if e.0 >= LIMIT {
            return false;
        }
        e.0 += 1;
        e.1 = now;
        true
    }

    /// The attempt begun from `ip` succeeded: it does not count.
    pub fn succeeded(&self, ip: IpAddr) {
        if let Ok(mut m) = self.attempts.lock() {
            if let Some(e) = m.get_mut(&subnet(ip)) {
                e.0 = e.0.saturating_sub(1);
            }
        }
    }
}

/// Bearer tokens checked against the issuer's keys, fetched and cached.
pub struct Oidc {
    cfg: OidcConfig,
    keys: tokio::sync::Mutex<Option<(JwkSet, Instant)>>,
    http: reqwest::Client,
    /// Single sign-ons under way, by state.
    pending: Mutex<HashMap<String, Pending>>,
    /// The discovery document, or why it could not be had, and when.
    discovery: tokio::sync::Mutex<Option<(Result<Discovery, String>, Instant)>>,
}

/// What the console takes from the issuer's discovery document.
#[derive(Debug, Clone)]
struct Discovery {
    authorization_endpoint: url::Url,
    token_endpoint: String,
    jwks_uri: String,
    /// Where it lists one (RP-initiated logout).
    end_session_endpoint: Option<String>,
}

const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// A failed fetch is not retried sooner (an issuer down is not hammered).
const DISCOVERY_RETRY: Duration = Duration::from_secs(30);

/// Keys are fetched again after this long, or when a token names an unknown key
/// (at most once per `REFETCH_MIN`).
const KEYS_TTL: Duration = Duration::from_secs(600);
const REFETCH_MIN: Duration = Duration::from_secs(30);

impl Oidc {
    pub fn new(cfg: OidcConfig) -> Oidc {
        Oidc {
            cfg,
            keys: tokio::sync::Mutex::new(None),
            pending: Mutex::new(HashMap::new()),
            discovery: tokio::sync::Mutex::new(None),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
        }
    }

    /// A small JSON document from the issuer (at most 1 MB).
    async fn get_json(&self, what: &str, url: &str) -> Result<serde_json::Value, String> {
        let resp = self
            .http
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| format!("{what}: {}", e.without_url()))?;
        if !resp.status().is_success() {
            return Err(format!("{what}: HTTP {}", resp.status().as_u16()));
        }
        let body = read_capped(resp, 1 << 20).await.map_err(|e| format!("{what}: {e}"))?;
        serde_json::from_slice(&body).map_err(|_| format!("{what}: not JSON"))
    }

    async fn fetch(&self) -> Result<JwkSet, String> {
        let doc = match &self.cfg.jwks {
            JwksSource::File(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
                serde_json::from_str(&text).map_err(|_| format!("{}: not JSON", p.display()))?
            }
            JwksSource::Url(u) => self.get_json("JWKS", u).await?,
            JwksSource::Discover => {
                let d = self.discovery().await?;
                self.get_json("JWKS", &d.jwks_uri).await?
            }
        };
        serde_json::from_value(doc).map_err(|e| format!("JWKS is not a key set: {e}"))
    }

    /// The issuer's discovery document (`/.well-known/openid-configuration`),
    /// fetched when first needed and kept for an hour. Its `issuer` must be
    /// the configured one, its endpoints https (or on this host).
    async fn discovery(&self) -> Result<Discovery, String> {
        let mut guard = self.discovery.lock().await;
        if let Some((d, at)) = &*guard {
            let ttl = if d.is_ok() { DISCOVERY_TTL } else { DISCOVERY_RETRY };
            if at.elapsed() < ttl {
                return d.clone();
            }
        }
        let d = self.fetch_discovery().await;
        *guard = Some((d.clone(), Instant::now()));
        d
    }

    async fn fetch_discovery(&self) -> Result<Discovery, String> {
        let url = format!(
            "{}/.well-known/openid-configuration",
            self.cfg.issuer.trim_end_matches('/')
        );
        let doc = self.get_json("the issuer's discovery document", &url).await?;
        let field = |k: &str| -> Result<String, String> {
            let v = doc
                .get(k)
                .and_then(|v| v.as_str())
                .ok_or_else(|| format!("the issuer's discovery document has no `{k}`"))?;
            if k != "issuer" && !secure_url(v) {
                return Err(format!("the issuer's `{k}` is not an https URL"));
            }
            Ok(v.to_string())
        };
        // Exactly the configured issuer: the one its tokens' `iss` must name.
        if field("issuer")? != self.cfg.issuer {
            return Err("the discovery document names another issuer".into());
        }
        // PKCE with S256 where the issuer says which methods it supports.
        if let Some(methods) = doc.get("code_challenge_methods_supported").and_then(|m| m.as_array()) {
            if !methods.iter().any(|m| m == "S256") {
                return Err("the issuer does not support PKCE with S256".into());
            }
        }
        Ok(Discovery {
            authorization_endpoint: url::Url::parse(&field("authorization_endpoint")?)
                .map_err(|_| "the issuer's `authorization_endpoint` is not a URL")?,
            token_endpoint: field("token_endpoint")?,
            jwks_uri: field("jwks_uri")?,
            // Optional: an issuer without one (or with one not over https)
            // is signed out of by its own means.
            end_session_endpoint: field("end_session_endpoint").ok(),
        })
    }

    async fn key_set(&self, kid: Option<&str>) -> Result<JwkSet, String> {
        let mut guard = self.keys.lock().await;
        let stale = match &*guard {
            None => true,
            Some((set, at)) => {
                let age = at.elapsed();
                let unknown = kid.is_some_and(|k| set.find(k).is_none());
                age >= KEYS_TTL || (unknown && age >= REFETCH_MIN)
            }
        };
        if stale {
            match self.fetch().await {
                Ok(set) => *guard = Some((set, Instant::now())),
                Err(e) if guard.is_none() => return Err(e),
                Err(e) => tracing::warn!(error = %e, "console: JWKS refresh failed; keeping the keys held"),
            }
        }
        guard.as_ref().map(|(s, _)| s.clone()).ok_or_else(|| "no keys".into())
    }

    /// Checks a bearer token (an access token for `audience`): see [`Oidc::verify`].
    pub async fn check(&self, token: &str) -> Result<Principal, String> {
        let claims = self.verify(token, &self.cfg.audience).await?;
        if claims.get("nonce").is_some() {
            return Err("an ID token is not an access token".into());
        }
        let mut who = self.principal(&claims)?;
        who.until = claims.get("exp").and_then(serde_json::Value::as_u64);
        Ok(who)
    }

    /// Checks a JWT: an asymmetric signature by a key of the set, `iss`,
    /// `aud`, `exp` (and `nbf`); returns its claims.
    async fn verify(&self, token: &str, audience: &str) -> Result<serde_json::Value, String> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| "not a JWT")?;
        let alg = header.alg;
        if matches!(alg, Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512) {
            return Err("symmetric token signatures are not accepted".into());
        }
        let set = self.key_set(header.kid.as_deref()).await?;
        let jwk = match &header.kid {
            Some(kid) => set.find(kid),
            None if set.keys.len() == 1 => set.keys.first(),
            None => None,
        }
        .ok_or("the token's key is not in the issuer's key set")?;
        if matches!(jwk.algorithm, AlgorithmParameters::OctetKey(_)) {
            return Err("symmetric keys are not accepted".into());
        }
        // A key that says what it is for is used for nothing else.
        if matches!(
            jwk.common.public_key_use,
            Some(jsonwebtoken::jwk::PublicKeyUse::Encryption)
        ) {
            return Err("the token's key is an encryption key".into());
        }
        if let Some(ka) = &jwk.common.key_algorithm {
            if format!("{ka:?}") != format!("{alg:?}") {
                return Err(format!("the token's key is for {ka:?}, not {alg:?}"));
            }
        }
        let key = DecodingKey::from_jwk(jwk).map_err(|e| format!("unusable key: {e}"))?;
        let mut v = Validation::new(alg);
        v.set_issuer(&[&self.cfg.issuer]);
        v.set_audience(&[audience]);
        v.set_required_spec_claims(&["exp", "iss", "aud"]);
        v.validate_nbf = true;
        v.leeway = 30;
        let data =
            jsonwebtoken::decode::<serde_json::Value>(token, &key, &v).map_err(|e| format!("token refused: {e}"))?;
        Ok(data.claims)
    }

    /// Who the claims name, in which console role.
    fn principal(&self, claims: &serde_json::Value) -> Result<Principal, String> {
        let user = claims
            .get(&self.cfg.user_claim)
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("the token has no `{}` claim", self.cfg.user_claim))?
            .to_string();
        let roles: Vec<&str> = match claims.get(&self.cfg.role_claim) {
            Some(serde_json::Value::String(s)) => vec![s.as_str()],
            Some(serde_json::Value::Array(a)) => a.iter().filter_map(|v| v.as_str()).collect(),
            _ => vec![],
        };
        let role = if roles.contains(&"auditor") {
            Role::Auditor
        } else if roles.contains(&"viewer") {
            Role::Viewer
        } else {
            return Err(format!(
                "the token's `{}` claim names no console role (viewer, auditor)",
                self.cfg.role_claim
            ));
        };
        Ok(Principal {
            user,
            role,
            method: "oidc",
            until: None,
        })
    }

    /// Single sign-on, first leg: where to send the browser, and the `state`
    /// to bind to it (in a cookie). The nonce and the PKCE verifier stay here.
    pub async fn sso_begin(&self, ip: IpAddr) -> Result<(String, String), String> {
        let sso = self.cfg.sso.as_ref().ok_or("single sign-on is not configured")?;
        let (state, nonce, verifier) = (random_token(), random_token(), random_token());
        let challenge =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier.as_bytes()));
        let mut url = match &sso.authorization_endpoint {
            Some(u) => u.clone(),
            None => self.discovery().await?.authorization_endpoint,
        };
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &sso.client_id)
            .append_pair("redirect_uri", &sso.redirect_uri)
            .append_pair("scope", &sso.scope)
            .append_pair("state", &state)
            .append_pair("nonce", &nonce)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        let mut pending = self.pending.lock().map_err(|_| "sign-in state lost")?;
        let now = Instant::now();
        pending.retain(|_, p| now.duration_since(p.at) < SSO_WINDOW);
        // One address keeps a few sign-ins open at most: its oldest goes.
        let who = subnet(ip);
        let mine: Vec<(Instant, String)> = pending
            .iter()
            .filter(|(_, p)| p.from == who)
            .map(|(k, p)| (p.at, k.clone()))
            .collect();
        if mine.len() >= PENDING_PER_ADDRESS {
            if let Some((_, k)) = mine.into_iter().min() {
                pending.remove(&k);
            }
        }
        if pending.len() >= MAX_PENDING {
            // Full (abandoned sign-ins, or a flood): the oldest goes, so that
            // new sign-ins are never refused.
            if let Some(k) = pending.iter().min_by_key(|(_, p)| p.at).map(|(k, _)| k.clone()) {
                pending.remove(&k);
            }
        }
        pending.insert(
            state.clone(),
            Pending {
                nonce,
                verifier,
                at: now,
                from: who,
            },
        );
        Ok((state, url.to_string()))
    }

    /// Single sign-on, second leg: the issuer sent the browser back with a
    /// `code` for `state` (already matched to the browser's cookie). Each
    /// state is used once, within ten minutes: the code is traded at the
    /// token endpoint (with the PKCE verifier), and the ID token checked:
    /// signature, issuer, audience (our client id), expiry, and the nonce.
    /// Returns who signed in and their ID token.
    pub async fn sso_finish(&self, state: &str, code: &str) -> Result<(Principal, String), String> {
        let sso = self.cfg.sso.as_ref().ok_or("single sign-on is not configured")?;
        let p = self
            .pending
            .lock()
            .map_err(|_| "sign-in state lost")?
            .remove(state)
            .filter(|p| p.at.elapsed() < SSO_WINDOW)
            .ok_or("this sign-in was not started here, was used already, or took too long")?;
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", sso.redirect_uri.as_str()),
            ("client_id", sso.client_id.as_str()),
            ("code_verifier", p.verifier.as_str()),
        ];
        if let Some(secret) = &sso.client_secret {
            form.push(("client_secret", secret.as_str()));
        }
        let token_endpoint = match &sso.token_endpoint {
            Some(t) => t.clone(),
            None => self.discovery().await?.token_endpoint,
        };
        let resp = self
            .http
            .post(&token_endpoint)
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&form)
            .send()
            .await
            .map_err(|e| format!("the issuer's token endpoint: {}", e.without_url()))?;
        let status = resp.status();
        // The body is the issuer's: only its OAuth error code is repeated.
        let body: serde_json::Value = match read_capped(resp, 64 * 1024).await {
            Ok(b) => serde_json::from_slice(&b).unwrap_or_default(),
            Err(_) => serde_json::Value::Null,
        };
        if !status.is_success() {
            let code = body
                .get("error")
                .and_then(|e| e.as_str())
                .and_then(oauth_error_code)
                .unwrap_or("no error code");
            return Err(format!(
                "the issuer refused the code (HTTP {}, {code})",
                status.as_u16()
            ));
        }
        let id_token = body
            .get("id_token")
            .and_then(|t| t.as_str())
            .ok_or("the issuer's answer has no ID token")?;
        let claims = self.verify(id_token, &sso.client_id).await?;
        // Several audiences, or an authorized party: it must be this client.
        let several = claims
            .get("aud")
            .and_then(|a| a.as_array())
            .is_some_and(|a| a.len() > 1);
        let azp = claims.get("azp").and_then(|a| a.as_str());
        if (several || azp.is_some()) && azp != Some(sso.client_id.as_str()) {
            return Err("the ID token was issued to another client (azp)".into());
        }
        let nonce = claims.get("nonce").and_then(|n| n.as_str()).unwrap_or("");
        if !same(nonce, &p.nonce) {
            return Err("the ID token is not for this sign-in (nonce)".into());
        }
        let mut who = self.principal(&claims)?;
        who.method = "oidc-sso";
        Ok((who, id_token.to_string()))
    }

    /// Where to send a browser signing out of a single sign-on session, so
    /// that it signs out at the issuer too (OpenID Connect RP-initiated
    /// logout, with the session's ID token as `id_token_hint`); `None`
    /// where the issuer has no end-session endpoint (or cannot be asked).
    pub async fn end_session_url(&self, id_token: &str) -> Option<String> {
        let sso = self.cfg.sso.as_ref()?;
        let endpoint = match &sso.end_session_endpoint {
            Some(e) => e.clone(),
            None => match self.discovery().await {
                Ok(d) => d.end_session_endpoint?,
                Err(e) => {
                    tracing::warn!(error = %e, "console: cannot sign out at the issuer");
                    return None;
                }
            },
        };
        let mut url = url::Url::parse(&endpoint).ok()?;
        url.query_pairs_mut()
            .append_pair("id_token_hint", id_token)
            .append_pair("client_id", &sso.client_id);
        if let Some(after) = &sso.post_logout_redirect_uri {
            url.query_pairs_mut().append_pair("post_logout_redirect_uri", after);
        }
        Some(url.into())
    }
}

/// An answer's body, refused past `cap` bytes (declared or read).
async fn read_capped(mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, String> {
    if resp.content_length().is_some_and(|n| n > cap as u64) {
        return Err(format!("larger than {cap} bytes"));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| e.without_url().to_string())? {
        if body.len() + chunk.len() > cap {
            return Err(format!("larger than {cap} bytes"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A single sign-on begun and not yet finished.
struct Pending {
    nonce: String,
    verifier: String,
    at: Instant,
    /// Who began it (see [`subnet`]).
    from: IpAddr,
}

/// How long a browser has at the issuer.
const SSO_WINDOW: Duration = Duration::from_secs(600);
const MAX_PENDING: usize = 10_000;
const PENDING_PER_ADDRESS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_and_unknown_users_fail() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        let users = vec![AdminUser {
            name: "ana".into(),
            role: Role::Auditor,
            password_hash: hash,
        }];
        assert_eq!(
            check_password(&users, "ana", "correct horse").map(|p| p.role),
            Some(Role::Auditor)
        );
        assert!(check_password(&users, "ana", "wrong").is_none());
        assert!(check_password(&users, "bob", "correct horse").is_none());
    }

    #[test]
    fn token_shape() {
        let t = random_token();
        assert!(is_token(&t), "{t}");
        assert!(!is_token("forged"));
        assert!(!is_token(&format!("{}=", &t[1..])));
        assert!(!is_token(&format!("{t}x")));
    }

    #[test]
    fn sessions_expire_and_end() {
        let s = Sessions::new(Duration::from_millis(50));
        let p = Principal {
            user: "ana".into(),
            role: Role::Viewer,
            method: "password",
            until: None,
        };
        // A token's session ends with the token, however active.
        let spent = Principal {
            method: "oidc",
            until: Some(crate::audit::now_ms() / 1000),
            ..p.clone()
        };
        assert!(s.get(&s.create(spent, None)).is_none());
        let t = s.create(p.clone(), None);
        assert_eq!(s.get(&t).map(|x| x.principal), Some(p.clone()));
        assert!(s.get("forged").is_none());
        std::thread::sleep(Duration::from_millis(60));
        assert!(s.get(&t).is_none(), "idle past the TTL");
        let t = s.create(p, Some("id-token".into()));
        assert_eq!(s.remove(&t).and_then(|s| s.id_token).as_deref(), Some("id-token"));
        assert!(s.get(&t).is_none());
        assert!(s.remove(&t).is_none());
    }

    #[test]
    fn throttle_blocks_after_repeated_failures() {
        let t = Throttle::default();
        let ip: IpAddr = [127, 0, 0, 1].into();
        let other: IpAddr = [127, 0, 0, 2].into();
        // Successes do not count, and do not clear earlier failures.
        for _ in 0..3 {
            assert!(t.begin(ip));
            t.succeeded(ip);
        }
        for _ in 0..LIMIT - 1 {
            assert!(t.begin(ip)); // failed
        }
        assert!(t.begin(ip));
        t.succeeded(ip);
        assert!(t.begin(ip)); // the fifth failure
        assert!(!t.begin(ip), "locked out");
        assert!(t.begin(other), "only that address");
    }
}
