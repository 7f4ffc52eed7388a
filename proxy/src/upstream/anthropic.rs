//! Anthropic's Messages API. `base_url` has no version prefix, e.g.
//! `https://api.anthropic.com`. Anthropic clients are relayed as they are;
//! the common form goes through `crate::translate`'s Messages codec.

use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use http::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use super::{Answer, ByteStream, Decoded, Events, Http, Outbound, Provider, SendError, MAX_SSE_EVENT};
use crate::api::{ApiKind, Endpoint};
use crate::config::Upstream;
use crate::translate::{self, TranslateError};

pub struct Anthropic {
    base_url: String,
    api_key: Option<SecretString>,
    key_check: Result<(), String>,
    version: String,
    http: Http,
}

impl Anthropic {
    pub fn new(cfg: &Upstream) -> Result<Anthropic, String> {
        Ok(Anthropic {
            base_url: cfg.base_url.clone(),
            api_key: cfg.api_key.clone(),
            key_check: super::key_availability(cfg),
            version: cfg.anthropic_version.clone(),
            http: Http::new(cfg)?,
        })
    }
}

impl Provider for Anthropic {
    fn native_api(&self) -> Option<ApiKind> {
        Some(ApiKind::Anthropic)
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages)
    }

    fn availability(&self) -> Result<(), String> {
        self.key_check.clone()
    }

    fn encode(&self, common: &Value, model: &str) -> Result<Value, TranslateError> {
        translate::openai_to_anthropic_request(common, model)
    }

    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>> {
        Box::pin(async move {
            let url = format!("{}/v1/messages", self.base_url);
            let mut headers = out.headers;
            // The upstream's own key, and an `anthropic-version` when the
            // client sent none (an OpenAI client translated to Anthropic).
            if let Some(key) = &self.api_key {
                if let Ok(mut v) = HeaderValue::from_str(key.expose_secret()) {
                    v.set_sensitive(true);
                    headers.insert("x-api-key", v);
                }
            }
            if !headers.contains_key("anthropic-version") {
                if let Ok(v) = HeaderValue::from_str(&self.version) {
                    headers.insert("anthropic-version", v);
                }
            }
            self.http.post(&url, headers, out.body).await
        })
    }

    fn decode(&self, body: &Value, model: &str) -> Result<Decoded, TranslateError> {
        translate::anthropic_to_openai_response(body, model).map(Decoded::Answer)
    }

    fn decode_error(&self, status: u16, body: &Value) -> Value {
        translate::anthropic_error_to_openai(status, body)
    }

    fn decode_stream(&self, body: ByteStream, model: &str, include_usage: bool) -> ByteStream {
        let t = translate::AnthropicToOpenAiStream::new(model, include_usage);
        crate::sse::map_events(body, Events(t), MAX_SSE_EVENT).boxed()
    }
}
