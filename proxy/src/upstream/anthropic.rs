//! Anthropic's Messages API. `base_url` has no version prefix, e.g.
//! `https://api.anthropic.com`.

use http::{HeaderMap, HeaderValue};
use secrecy::ExposeSecret;

use crate::api::Endpoint;
use crate::config::Upstream;

pub fn url(cfg: &Upstream, endpoint: Endpoint) -> Option<String> {
    match endpoint {
        // An OpenAI chat request arrives here translated to Messages.
        Endpoint::Messages | Endpoint::ChatCompletions => Some(format!("{}/v1/messages", cfg.base_url)),
        _ => None,
    }
}

/// Injects the upstream's own key and an `anthropic-version` when the
/// client sent none (an OpenAI client translated to Anthropic).
pub fn authorize(cfg: &Upstream, headers: &mut HeaderMap) {
    if let Some(key) = &cfg.api_key {
        if let Ok(mut v) = HeaderValue::from_str(key.expose_secret()) {
            v.set_sensitive(true);
            headers.insert("x-api-key", v);
        }
    }
    if !headers.contains_key("anthropic-version") {
        if let Ok(v) = HeaderValue::from_str(&cfg.anthropic_version) {
            headers.insert("anthropic-version", v);
        }
    }
}
