//! Google Vertex AI (`kind: vertex`): Gemini models in a chosen project and
//! location, `POST {base_url}/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent`
//! (and `:streamGenerateContent?alt=sse`). `base_url` defaults to
//! `https://{location}-aiplatform.googleapis.com`. Bodies are Gemini's
//! (`super::gemini`'s codec).
//!
//! Auth: an OAuth access token, from `token_env`, or minted from a
//! service-account key file (`credentials_env` names the variable holding
//! its path): an RS256-signed JWT (`iss` the account, `aud` its `token_uri`,
//! scope `cloud-platform`) exchanged at the key's `token_uri`, cached until
//! five minutes before it expires.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use futures_util::future::BoxFuture;
use http::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::Value;
use tokio::sync::Mutex;

use super::gemini::{decode_sse, generate_request, generate_response, google_error, method, segment};
use super::TranslateError;
use super::{Answer, ByteStream, Decoded, Http, Outbound, Provider, SendError};
use crate::api::{ApiKind, Endpoint};
use crate::config::Upstream;

const SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";
const REFRESH_BEFORE: Duration = Duration::from_secs(300);

/// The fields of a service-account key file that minting a token needs.
#[derive(Deserialize)]
struct ServiceAccount {
    client_email: String,
    private_key: String,
    #[serde(default)]
    private_key_id: Option<String>,
    token_uri: String,
}

enum TokenSource {
    Static(Option<SecretString>, Result<(), String>),
    KeyFile {
        path: PathBuf,
        cached: Mutex<Option<(SecretString, SystemTime)>>,
    },
}

pub struct Vertex {
    base_url: String,
    project: String,
    location: String,
    tokens: TokenSource,
    http: Http,
}

impl Vertex {
    pub fn new(cfg: &Upstream) -> Result<Vertex, String> {
        let c = &cfg.cloud;
        let tokens = match (&c.token_env, &c.credentials_file, &c.credentials_env) {
            (Some(var), _, _) => {
                let check = match &c.token {
                    Some(_) => Ok(()),
                    None => Err(format!("{var} is not set")),
                };
                TokenSource::Static(c.token.clone(), check)
            }
            (None, Some(path), _) => TokenSource::KeyFile {
                path: path.clone(),
                cached: Mutex::new(None),
            },
            (None, None, Some(var)) => TokenSource::Static(None, Err(format!("{var} is not set"))),
            (None, None, None) => TokenSource::Static(None, Err("no credentials".into())),
        };
        Ok(Vertex {
            base_url: cfg.base_url.clone(),
            project: c.project.clone().unwrap_or_default(),
            location: c.location.clone().unwrap_or_default(),
            tokens,
            http: Http::new(cfg)?,
        })
    }

    async fn token(&self) -> Result<SecretString, SendError> {
        match &self.tokens {
            TokenSource::Static(Some(t), _) => Ok(t.clone()),
            TokenSource::Static(None, check) => Err(SendError::Other(
                check.clone().err().unwrap_or_else(|| "no credentials".into()),
            )),
            TokenSource::KeyFile { path, cached } => {
                let mut cached = cached.lock().await;
                if let Some((t, expires)) = cached.as_ref() {
                    if SystemTime::now() + REFRESH_BEFORE < *expires {
                        return Ok(t.clone());
                    }
                }
                let (t, expires) = mint(&self.http, path).await?;
                *cached = Some((t.clone(), expires));
                Ok(t)
            }
        }
    }
}

/// Reads the key file, signs a JWT and exchanges it for an access token.
async fn mint(http: &Http, path: &std::path::Path) -> Result<(SecretString, SystemTime), SendError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| SendError::Other(format!("service-account key file unreadable: {}", e.kind())))?;
    let sa: ServiceAccount = serde_json::from_str(&text)
        .map_err(|_| SendError::Other("the service-account key file is not a service-account key".into()))?;
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(sa.private_key.as_bytes())
        .map_err(|_| SendError::Other("the service-account private key is not an RSA PEM key".into()))?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let claims = serde_json::json!({
        "iss": sa.client_email, "scope": SCOPE, "aud": sa.token_uri, "iat": now, "exp": now + 3600,
    });
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = sa.private_key_id.clone();
    let jwt = jsonwebtoken::encode(&header, &claims, &key)
        .map_err(|e| SendError::Other(format!("cannot sign the token request: {e}")))?;
    let form: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
        .append_pair("assertion", &jwt)
        .finish();
    let resp = http
        .client()
        .post(&sa.token_uri)
        .header(http::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .map_err(|e| SendError::Connect(format!("token endpoint: {}", super::describe(e))))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(SendError::Other(format!(
            "the token endpoint refused the key: HTTP {status}"
        )));
    }
    let bytes = resp.bytes().await.map_err(|e| SendError::Other(super::describe(e)))?;
    let v: Value = serde_json::from_slice(&bytes)
        .map_err(|_| SendError::Other("the token endpoint's answer is not JSON".into()))?;
    let token = v
        .get("access_token")
        .and_then(Value::as_str)
        .ok_or_else(|| SendError::Other("the token endpoint answered no access_token".into()))?;
    let ttl = v.get("expires_in").and_then(Value::as_u64).unwrap_or(3600);
    Ok((
        SecretString::from(token.to_string()),
        SystemTime::now() + Duration::from_secs(ttl),
    ))
}

impl Provider for Vertex {
    fn native_api(&self) -> Option<ApiKind> {
        None
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages)
    }

    fn availability(&self) -> Result<(), String> {
        match &self.tokens {
            TokenSource::Static(_, check) => check.clone(),
            TokenSource::KeyFile { path, .. } if !path.is_file() => {
                Err("the service-account key file does not exist".into())
            }
            TokenSource::KeyFile { .. } => Ok(()),
        }
    }

    fn encode(&self, common: &Value, _model: &str) -> Result<Value, TranslateError> {
        generate_request(common)
    }

    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>> {
        Box::pin(async move {
            let url = format!(
                "{}/v1/projects/{}/locations/{}/publishers/google/models/{}{}",
                self.base_url,
                segment(&self.project),
                segment(&self.location),
                segment(&out.model),
                method(out.stream)
            );
            let token = self.token().await?;
            let mut headers = super::trace_headers(&out.headers);
            let mut v = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
                .map_err(|_| SendError::Other("the token is not a header value".into()))?;
            v.set_sensitive(true);
            headers.insert(http::header::AUTHORIZATION, v);
            self.http.post(&url, headers, out.body).await
        })
    }

    fn decode(&self, body: &Value, model: &str) -> Result<Decoded, TranslateError> {
        generate_response(body, model)
    }

    fn decode_error(&self, status: u16, body: &Value) -> Value {
        google_error(status, body)
    }

    fn decode_stream(&self, body: ByteStream, model: &str, include_usage: bool) -> ByteStream {
        decode_sse(body, model, include_usage)
    }
}
