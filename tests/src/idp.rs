//! A stand-in for an OpenID Connect issuer on 127.0.0.1: its discovery
//! document, an Ed25519 key and its JWKS (`/jwks`), tokens it signs, and
//! the authorization code flow
//! with PKCE (`/authorize` signs the user in at once and sends the browser
//! back with a code; `/token` trades the code, once, for an ID token when
//! the verifier matches the challenge), and RP-initiated logout (`/logout`,
//! with an ID token it issued as the hint). It checks what a real issuer
//! checks, and records what it was asked.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::{json, Value};
use tokio::net::TcpListener;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// An issued code, waiting to be traded.
struct Grant {
    client_id: String,
    redirect_uri: String,
    challenge: String,
    nonce: String,
    sub: String,
    role: String,
}

struct State {
    client_id: String,
    redirect_uri: String,
    /// Who signs in next, in which role (`cordon_role`).
    user: Mutex<(String, String)>,
    /// Refuse the next sign-ins with this OAuth error.
    deny: Mutex<Option<String>>,
    /// Sign ID tokens with this nonce instead of the one asked for.
    wrong_nonce: Mutex<bool>,
    grants: Mutex<HashMap<String, Grant>>,
    /// Every `/authorize` query, as pairs.
    authorize: Mutex<Vec<Vec<(String, String)>>>,
    /// Every `/token` form, as pairs.
    token: Mutex<Vec<Vec<(String, String)>>>,
    /// Every `/logout` query, as pairs.
    logout: Mutex<Vec<Vec<(String, String)>>>,
    /// ID tokens issued, and not yet signed out of.
    sessions: Mutex<Vec<String>>,
    key: jsonwebtoken::EncodingKey,
    jwks: Value,
    issuer: String,
}

pub struct FakeIdp {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeIdp {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FakeIdp {
    /// An issuer that knows one client: `client_id`, sending browsers back
    /// to `redirect_uri` only.
    pub async fn start(client_id: &str, redirect_uri: &str) -> FakeIdp {
        use ring::signature::KeyPair as _;
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind fake issuer");
        let addr = listener.local_addr().expect("addr");
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
        let pair = ring::signature::Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
        let x = B64.encode(pair.public_key().as_ref());
        let state = Arc::new(State {
            client_id: client_id.into(),
            redirect_uri: redirect_uri.into(),
            user: Mutex::new(("oscar@example.com".into(), "auditor".into())),
            deny: Mutex::new(None),
            wrong_nonce: Mutex::new(false),
            grants: Mutex::new(HashMap::new()),
            authorize: Mutex::new(Vec::new()),
            token: Mutex::new(Vec::new()),
            logout: Mutex::new(Vec::new()),
            sessions: Mutex::new(Vec::new()),
            key: jsonwebtoken::EncodingKey::from_ed_der(pkcs8.as_ref()),
            jwks: json!({"keys": [{"kty": "OKP", "crv": "Ed25519", "x": x, "kid": "k1", "alg": "EdDSA", "use": "sig"}]}),
            issuer: format!("http://{addr}"),
        });
        let s = state.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let s = s.clone();
                tokio::spawn(async move {
                    let svc = service_fn(move |req| {
                        let s = s.clone();
                        async move { Ok::<_, Infallible>(handle(&s, req).await) }
                    });
                    let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(tcp), svc)
                        .await;
                });
            }
        });
        FakeIdp { addr, state, task }
    }

    /// The issuer (`iss`): `http://127.0.0.1:PORT`.
    pub fn issuer(&self) -> String {
        self.state.issuer.clone()
    }

    pub fn jwks(&self) -> Value {
        self.state.jwks.clone()
    }

    /// Who signs in next, and the role their tokens carry.
    pub fn sign_in_as(&self, sub: &str, role: &str) {
        *self.state.user.lock().unwrap() = (sub.into(), role.into());
    }

    /// Answer the next sign-ins with this OAuth error (`None`: sign in).
    pub fn deny(&self, error: Option<&str>) {
        *self.state.deny.lock().unwrap() = error.map(str::to_string);
    }

    /// Put another nonce than the one asked for in the next ID tokens.
    pub fn wrong_nonce(&self, on: bool) {
        *self.state.wrong_nonce.lock().unwrap() = on;
    }

    /// The `/authorize` queries received.
    pub fn authorize_requests(&self) -> Vec<HashMap<String, String>> {
        let q = self.state.authorize.lock().unwrap();
        q.iter().map(|p| p.iter().cloned().collect()).collect()
    }

    /// The `/token` forms received.
    pub fn token_requests(&self) -> Vec<HashMap<String, String>> {
        let q = self.state.token.lock().unwrap();
        q.iter().map(|p| p.iter().cloned().collect()).collect()
    }

    /// The `/logout` queries received.
    pub fn logout_requests(&self) -> Vec<HashMap<String, String>> {
        let q = self.state.logout.lock().unwrap();
        q.iter().map(|p| p.iter().cloned().collect()).collect()
    }

    /// ID tokens issued whose sign-in was not ended by a `/logout`.
    pub fn sessions(&self) -> Vec<String> {
        self.state.sessions.lock().unwrap().clone()
    }

    /// A token signed by this issuer's key.
    pub fn token(&self, claims: &Value) -> String {
        sign(&self.state, claims)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

fn sign(s: &State, claims: &Value) -> String {
    let mut h = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::EdDSA);
    h.kid = Some("k1".into());
    jsonwebtoken::encode(&h, claims, &s.key).unwrap()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn answer(status: StatusCode, body: Value) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.to_string())))
        .unwrap()
}

fn back_to(uri: &str, pairs: &[(&str, &str)]) -> Response<Full<Bytes>> {
    let mut u = url::Url::parse(uri).unwrap();
    if !pairs.is_empty() {
        u.query_pairs_mut().extend_pairs(pairs);
    }
    Response::builder()
        .status(StatusCode::FOUND)
        .header("location", u.as_str())
        .body(Full::new(Bytes::new()))
        .unwrap()
}

async fn handle(s: &State, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let query: Vec<(String, String)> = url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let q = |k: &str| {
        query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    match (&parts.method, parts.uri.path()) {
        (&Method::GET, "/jwks") => answer(StatusCode::OK, s.jwks.clone()),
        (&Method::GET, "/.well-known/openid-configuration") => answer(
            StatusCode::OK,
            json!({
                "issuer": s.issuer,
                "authorization_endpoint": format!("{}/authorize", s.issuer),
                "token_endpoint": format!("{}/token", s.issuer),
                "jwks_uri": format!("{}/jwks", s.issuer),
                "end_session_endpoint": format!("{}/logout", s.issuer),
                "response_types_supported": ["code"],
                "code_challenge_methods_supported": ["S256"],
                "id_token_signing_alg_values_supported": ["EdDSA"],
            }),
        ),
        (&Method::GET, "/authorize") => {
            s.authorize.lock().unwrap().push(query.clone());
            // A real issuer shows its error page, not a redirect, for an
            // unknown client or an unregistered redirect.
            if q("client_id") != s.client_id || q("redirect_uri") != s.redirect_uri {
                return answer(StatusCode::BAD_REQUEST, json!({"error": "invalid_request"}));
            }
            let state = q("state");
            if let Some(e) = s.deny.lock().unwrap().clone() {
                return back_to(&s.redirect_uri, &[("error", &e), ("state", &state)]);
            }
            if q("response_type") != "code"
                || q("code_challenge_method") != "S256"
                || q("code_challenge").is_empty()
                || !q("scope").split(' ').any(|x| x == "openid")
            {
                return back_to(&s.redirect_uri, &[("error", "invalid_request"), ("state", &state)]);
            }
            let code = B64.encode(
                ring::rand::generate::<[u8; 16]>(&ring::rand::SystemRandom::new())
                    .unwrap()
                    .expose(),
            );
            let (sub, role) = s.user.lock().unwrap().clone();
            s.grants.lock().unwrap().insert(
                code.clone(),
                Grant {
                    client_id: q("client_id"),
                    redirect_uri: q("redirect_uri"),
                    challenge: q("code_challenge"),
                    nonce: q("nonce"),
                    sub,
                    role,
                },
            );
            back_to(&s.redirect_uri, &[("code", &code), ("state", &state)])
        }
        (&Method::POST, "/token") => {
            let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            let form: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
            s.token.lock().unwrap().push(form.clone());
            let f = |k: &str| {
                form.iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            // A code is good once.
            let Some(g) = s.grants.lock().unwrap().remove(&f("code")) else {
                return answer(StatusCode::BAD_REQUEST, json!({"error": "invalid_grant"}));
            };
            let digest = ring::digest::digest(&ring::digest::SHA256, f("code_verifier").as_bytes());
            if f("grant_type") != "authorization_code"
                || f("client_id") != g.client_id
                || f("redirect_uri") != g.redirect_uri
                || B64.encode(digest.as_ref()) != g.challenge
            {
                return answer(StatusCode::BAD_REQUEST, json!({"error": "invalid_grant"}));
            }
            let nonce = if *s.wrong_nonce.lock().unwrap() {
                "another-sign-in".to_string()
            } else {
                g.nonce
            };
            let id_token = sign(
                s,
                &json!({"iss": s.issuer, "aud": g.client_id, "sub": g.sub, "iat": now(), "exp": now() + 300,
                        "nonce": nonce, "cordon_role": g.role}),
            );
            s.sessions.lock().unwrap().push(id_token.clone());
            answer(
                StatusCode::OK,
                json!({"access_token": "opaque-access-token", "token_type": "Bearer", "expires_in": 300, "id_token": id_token}),
            )
        }
        (&Method::GET, "/logout") => {
            s.logout.lock().unwrap().push(query.clone());
            // The hint must be an ID token this issuer gave this client.
            let mut sessions = s.sessions.lock().unwrap();
            let Some(i) = sessions.iter().position(|t| *t == q("id_token_hint")) else {
                return answer(StatusCode::BAD_REQUEST, json!({"error": "invalid_request"}));
            };
            if q("client_id") != s.client_id {
                return answer(StatusCode::BAD_REQUEST, json!({"error": "invalid_request"}));
            }
            sessions.remove(i);
            match query.iter().find(|(k, _)| k == "post_logout_redirect_uri") {
                Some((_, to)) if url::Url::parse(to).is_ok() => back_to(to, &[]),
                Some(_) => answer(StatusCode::BAD_REQUEST, json!({"error": "invalid_request"})),
                None => answer(StatusCode::OK, json!({"signed_out": true})),
            }
        }
        _ => answer(StatusCode::NOT_FOUND, json!({"error": "not_found"})),
    }
}
