//! Azure OpenAI (`kind: azure_openai`): OpenAI's API on a Microsoft
//! resource, under the customer's contract and in the region they chose.
//!
//! - `base_url` is the resource, e.g. `https://RESOURCE.openai.azure.com`.
//! - With a dated `api_version` (`2024-10-21`), requests go to the
//!   deployments API, `{base_url}/openai/deployments/{deployment}/chat/completions?api-version=...`
//!   (and `/embeddings`, `/completions`); the deployment is the model the
//!   `models:` map names for this upstream.
//! - With `api_version: v1` or none, to the `/openai/v1/` API
//!   (`{base_url}/openai/v1/chat/completions`, `/embeddings`, `/responses`),
//!   the deployment in the body's `model`.
//! - Auth: `api-key: KEY` (`api_key_env`), or a Microsoft Entra ID bearer
//!   token from `token_env` or `token_file` (re-read whenever the file
//!   changes, as workload identity rotates it).
//!
//! OpenAI clients are relayed as they are (Azure's `content_filter_results`
//! and `prompt_filter_results` ride along; the SDKs ignore them); Anthropic
//! clients are translated, a `content_filter` finish becoming a `refusal`
//! stop and Azure's errors Anthropic's.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::SystemTime;

use futures_util::future::BoxFuture;
use http::{HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{json, Value};

use super::TranslateError;
use super::{Answer, ByteStream, Decoded, Http, Outbound, Provider, SendError};
use crate::api::{ApiKind, Endpoint};
use crate::config::Upstream;

/// How requests are authorized.
enum Auth {
    /// `api-key: KEY`.
    Key(Option<SecretString>, Result<(), String>),
    /// `Authorization: Bearer TOKEN`, from a variable.
    Token(Option<SecretString>, Result<(), String>),
    /// `Authorization: Bearer TOKEN`, from a file re-read when it changes.
    TokenFile(TokenFile),
}

/// A token file and its last content, keyed by modification time and length.
struct TokenFile {
    path: PathBuf,
    cached: Mutex<Option<(SystemTime, u64, SecretString)>>,
}

impl TokenFile {
    /// The token, re-read when the file changed since the last read.
    fn token(&self) -> Result<SecretString, String> {
        let meta = std::fs::metadata(&self.path).map_err(|e| format!("token file unreadable: {}", e.kind()))?;
        let stamp = (meta.modified().unwrap_or(SystemTime::UNIX_EPOCH), meta.len());
        let mut cached = self.cached.lock().map_err(|_| "token cache poisoned".to_string())?;
        if let Some((at, len, token)) = cached.as_ref() {
            if (*at, *len) == stamp {
                return Ok(token.clone());
            }
        }
        let text = std::fs::read_to_string(&self.path).map_err(|e| format!("token file unreadable: {}", e.kind()))?;
        let token = text.trim();
        if token.is_empty() {
            return Err("token file is empty".into());
        }
        let token = SecretString::from(token.to_string());
        *cached = Some((stamp.0, stamp.1, token.clone()));
        Ok(token)
    }
}

pub struct Azure {
    base_url: String,
    /// A dated version for the deployments API; `None`: the v1 API.
    api_version: Option<String>,
    auth: Auth,
    http: Http,
}

impl Azure {
    pub fn new(cfg: &Upstream) -> Result<Azure, String> {
        let c = &cfg.cloud;
        let auth = if let Some(path) = &c.token_file {
            Auth::TokenFile(TokenFile {
                path: path.clone(),
                cached: Mutex::new(None),
            })
        } else if let Some(var) = &c.token_env {
            let check = match &c.token {
                Some(_) => Ok(()),
                None => Err(format!("{var} is not set")),
            };
            Auth::Token(c.token.clone(), check)
        } else {
            let check = match (&cfg.api_key, &cfg.api_key_env) {
                (Some(_), _) => Ok(()),
                (None, Some(var)) => Err(format!("{var} is not set")),
                (None, None) => Err("no credentials: set `api_key_env`, `token_env` or `token_file`".into()),
            };
            Auth::Key(cfg.api_key.clone(), check)
        };
        let api_version = c.api_version.clone().filter(|v| v != "v1");
        Ok(Azure {
            base_url: cfg.base_url.clone(),
            api_version,
            auth,
            http: Http::new(cfg)?,
        })
    }

    /// The URL for a request of `endpoint` to `deployment`.
    pub fn url(&self, endpoint: Endpoint, deployment: &str) -> Option<String> {
        match &self.api_version {
            Some(v) => {
                let path = match endpoint {
                    Endpoint::ChatCompletions | Endpoint::Messages => "chat/completions",
                    Endpoint::Embeddings => "embeddings",
                    Endpoint::Completions => "completions",
                    _ => return None,
                };
                let dep = url::form_urlencoded::byte_serialize(deployment.as_bytes()).collect::<String>();
                let ver = url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
                Some(format!(
                    "{}/openai/deployments/{dep}/{path}?api-version={ver}",
                    self.base_url
                ))
            }
            None => {
                let path = match endpoint {
                    Endpoint::Messages => "/chat/completions",
                    other => other.openai_path()?,
                };
                Some(format!("{}/openai/v1{path}", self.base_url))
            }
        }
    }

    fn authorize(&self, headers: &mut HeaderMap) -> Result<(), SendError> {
        let (name, value) = match &self.auth {
            Auth::Key(Some(key), _) => ("api-key", key.expose_secret().to_string()),
            Auth::Token(Some(token), _) => ("authorization", format!("Bearer {}", token.expose_secret())),
            Auth::TokenFile(f) => {
                let token = f.token().map_err(SendError::Other)?;
                ("authorization", format!("Bearer {}", token.expose_secret()))
            }
            Auth::Key(None, _) | Auth::Token(None, _) => return Err(SendError::Other("no credentials".into())),
        };
        let mut v =
            HeaderValue::from_str(&value).map_err(|_| SendError::Other("credential is not a header value".into()))?;
        v.set_sensitive(true);
        headers.insert(name, v);
        Ok(())
    }
}

impl Provider for Azure {
    fn native_api(&self) -> Option<ApiKind> {
        Some(ApiKind::OpenAi)
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        match endpoint {
            Endpoint::ChatCompletions | Endpoint::Messages | Endpoint::Embeddings | Endpoint::Completions => true,
            // The Responses API is on the v1 API only.
            Endpoint::Responses => self.api_version.is_none(),
            _ => false,
        }
    }

    fn availability(&self) -> Result<(), String> {
        match &self.auth {
            Auth::Key(_, check) | Auth::Token(_, check) => check.clone(),
            Auth::TokenFile(f) => f.token().map(|_| ()),
        }
    }

    fn encode(&self, common: &Value, model: &str) -> Result<Value, TranslateError> {
        let mut body = common.clone();
        if let Some(o) = body.as_object_mut() {
            o.insert("model".into(), Value::String(model.to_string()));
        }
        Ok(body)
    }

    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>> {
        Box::pin(async move {
            let url = self
                .url(out.endpoint, &out.model)
                .ok_or_else(|| SendError::Other("endpoint not served by this upstream".into()))?;
            let mut headers = out.headers;
            self.authorize(&mut headers)?;
            self.http.post(&url, headers, out.body).await
        })
    }

    fn decode(&self, body: &Value, _model: &str) -> Result<Decoded, TranslateError> {
        Ok(Decoded::Answer(body.clone()))
    }

    fn decode_error(&self, status: u16, body: &Value) -> Value {
        azure_error(status, body)
    }

    fn maps_errors(&self) -> bool {
        true
    }

    fn decode_stream(&self, body: ByteStream, _model: &str, _include_usage: bool) -> ByteStream {
        // Azure's chunks are OpenAI's; its first, `choices: []` with
        // `prompt_filter_results`, is skipped by the client encoders.
        body
    }
}

/// Azure's error bodies in OpenAI's shape: `{"error": {"code", "message",
/// "innererror": {"code": "ResponsibleAIPolicyViolation", ...}}}` and the
/// bare `{"statusCode", "message"}` of its gateway. A content-filter refusal
/// says so, naming the filter's categories, never the content.
pub fn azure_error(status: u16, body: &Value) -> Value {
    let err = body.get("error").filter(|e| e.is_object());
    let code = err.and_then(|e| e.get("code")).and_then(|c| {
        c.as_str()
            .map(str::to_string)
            .or_else(|| c.as_u64().map(|n| n.to_string()))
    });
    let inner = err.and_then(|e| e.get("innererror"));
    let filtered = code.as_deref() == Some("content_filter")
        || inner.and_then(|i| i.get("code")).and_then(Value::as_str) == Some("ResponsibleAIPolicyViolation");
    if filtered {
        let categories: Vec<&str> = inner
            .and_then(|i| i.get("content_filter_result"))
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter(|(_, v)| v.get("filtered").and_then(Value::as_bool) == Some(true))
                    .map(|(k, _)| k.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let which = if categories.is_empty() {
            String::new()
        } else {
            format!(" ({})", categories.join(", "))
        };
        return json!({"error": {
            "message": format!("Azure OpenAI's content filter refused this request{which}"),
            "type": "invalid_request_error",
            "param": "prompt",
            "code": "content_filter",
        }});
    }
    let message = err
        .and_then(|e| e.get("message"))
        .or_else(|| body.get("message"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("upstream returned HTTP status {status}"));
    let kind = match status {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        500..=599 => "server_error",
        _ => "invalid_request_error",
    };
    json!({"error": {"message": message, "type": kind, "param": null, "code": code}})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_filter_errors_name_the_categories_only() {
        let body = json!({"error": {"code": "content_filter", "message": "The response was filtered", "param": "prompt", "status": 400,
            "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": {
                "hate": {"filtered": false, "severity": "safe"}, "violence": {"filtered": true, "severity": "medium"}}}}});
        let e = azure_error(400, &body);
        assert_eq!(e["error"]["code"], "content_filter");
        assert_eq!(e["error"]["type"], "invalid_request_error");
        assert!(e["error"]["message"].as_str().unwrap().contains("(violence)"));
    }

    #[test]
    fn gateway_errors_keep_their_message_and_status_class() {
        let e = azure_error(
            401,
            &json!({"statusCode": 401, "message": "Unauthorized. Access token is missing"}),
        );
        assert_eq!(e["error"]["type"], "authentication_error");
        assert_eq!(e["error"]["message"], "Unauthorized. Access token is missing");
        let e = azure_error(
            404,
            &json!({"error": {"code": "DeploymentNotFound", "message": "no such deployment"}}),
        );
        assert_eq!(e["error"]["code"], "DeploymentNotFound");
    }
}
