//! OpenAI and every OpenAI-compatible server (vLLM, Ollama, LM Studio, TGI,
//! llama.cpp, Gemini's compatibility endpoint). `base_url` includes the
//! version prefix, e.g. `https://api.openai.com/v1`.
//!
//! The common form is this API's chat shape: encoding and decoding are the
//! identity, and OpenAI clients are relayed as they are.

use futures_util::future::BoxFuture;
use http::{HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use super::TranslateError;
use super::{Answer, ByteStream, Decoded, Http, Outbound, Provider, SendError};
use crate::api::{ApiKind, Endpoint};
use crate::config::Upstream;

pub struct OpenAi {
    base_url: String,
    api_key: Option<SecretString>,
    key_check: Result<(), String>,
    http: Http,
}

impl OpenAi {
    pub fn new(cfg: &Upstream) -> Result<OpenAi, String> {
        Ok(OpenAi {
            base_url: cfg.base_url.clone(),
            api_key: cfg.api_key.clone(),
            key_check: super::key_availability(cfg),
            http: Http::new(cfg)?,
        })
    }

    fn url(&self, endpoint: Endpoint) -> Option<String> {
        let path = match endpoint {
            // An Anthropic client's request arrives here translated to chat.
            Endpoint::Messages => "/chat/completions",
            other => other.openai_path()?,
        };
        Some(format!("{}{path}", self.base_url))
    }
}

/// `Authorization: Bearer KEY`, marked sensitive.
pub(crate) fn bearer(headers: &mut HeaderMap, key: &SecretString) {
    if let Ok(mut v) = HeaderValue::from_str(&format!("Bearer {}", key.expose_secret())) {
        v.set_sensitive(true);
        headers.insert(http::header::AUTHORIZATION, v);
    }
}

impl Provider for OpenAi {
    fn native_api(&self) -> Option<ApiKind> {
        Some(ApiKind::OpenAi)
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        // Anthropic's Messages are served through chat completions.
        endpoint.openai_path().is_some() || endpoint == Endpoint::Messages
    }

    fn availability(&self) -> Result<(), String> {
        self.key_check.clone()
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
                .url(out.endpoint)
                .ok_or_else(|| SendError::Other("endpoint not served by this upstream".into()))?;
            let mut headers = out.headers;
            // The upstream's own key; the client's was removed before.
            if let Some(key) = &self.api_key {
                bearer(&mut headers, key);
            }
            self.http.post(&url, headers, out.body).await
        })
    }

    fn decode(&self, body: &Value, _model: &str) -> Result<Decoded, TranslateError> {
        Ok(Decoded::Answer(body.clone()))
    }

    fn decode_error(&self, _status: u16, body: &Value) -> Value {
        body.clone()
    }

    fn decode_stream(&self, body: ByteStream, _model: &str, _include_usage: bool) -> ByteStream {
        body
    }
}
