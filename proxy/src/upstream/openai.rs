//! OpenAI and every OpenAI-compatible server (vLLM, Ollama, LM Studio, TGI,
//! Azure OpenAI's v1 API, Gemini's compatibility endpoint).
//! `base_url` includes the version prefix, e.g. `https://api.openai.com/v1`.

use http::{HeaderMap, HeaderValue};
use secrecy::ExposeSecret;

use crate::api::Endpoint;
use crate::config::Upstream;

pub fn url(cfg: &Upstream, endpoint: Endpoint) -> Option<String> {
    let path = match endpoint {
        // An Anthropic client's request arrives here translated to chat.
        Endpoint::Messages => "/chat/completions",
        other => other.openai_path()?,
    };
    Some(format!("{}{path}", cfg.base_url))
}

/// Injects the upstream's own key; the client's was removed before.
pub fn authorize(cfg: &Upstream, headers: &mut HeaderMap) {
    if let Some(key) = &cfg.api_key {
        if let Ok(mut v) = HeaderValue::from_str(&format!("Bearer {}", key.expose_secret())) {
            v.set_sensitive(true);
            headers.insert(http::header::AUTHORIZATION, v);
        }
    }
}
