//! Anthropic's Messages API, both as a provider and as a client API.
//!
//! As a provider (`base_url` has no version prefix, e.g.
//! `https://api.anthropic.com`): Anthropic clients are relayed as they are;
//! the common form (OpenAI's chat shape) is encoded into a Messages request
//! and answers, errors and streams are decoded back. As a client API: an
//! Anthropic-SDK client's request becomes the common form, and the common
//! answer goes back in Anthropic's shape. Each direction has its file:
//! [`request`], [`response`] (answers and error bodies) and [`stream`].
//!
//! Everything works on [`serde_json::Value`]; fields with no counterpart on
//! the other side are dropped, shapes that cannot be expressed there are
//! refused with a [`TranslateError`] whose message names the problem, never
//! the content.
//!
//! Lossy points worth knowing:
//! - thinking / reasoning content is dropped in every direction (Anthropic
//!   thinking blocks need signatures that an OpenAI upstream cannot give);
//! - Anthropic `tool_result.is_error` has no OpenAI counterpart and is dropped;
//! - Anthropic server tools (web search, code execution, ...) and OpenAI
//!   custom / legacy function-call shapes are refused;
//! - OpenAI `response_format`, `reasoning_effort`, `seed`, penalties,
//!   `logprobs` and Anthropic `top_k`, `thinking`, `service_tier` are dropped.

mod request;
mod response;
mod stream;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

pub use request::{anthropic_to_openai_request, openai_to_anthropic_request};
pub use response::{
    anthropic_error_to_openai, anthropic_to_openai_response, openai_error_to_anthropic, openai_to_anthropic_response,
    strip_echoed_stop,
};
pub use stream::{AnthropicToOpenAiStream, OpenAiToAnthropicStream};

/// An Anthropic request's `stop_sequences` (empty when none).
pub fn stop_sequences(body: &serde_json::Map<String, Value>) -> Vec<String> {
    body.get("stop_sequences")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use http::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use super::{Answer, ByteStream, Decoded, Events, Http, Outbound, Provider, SendError, MAX_SSE_EVENT};
use crate::api::{ApiKind, Endpoint};
use crate::config::Upstream;
use serde_json::json;

use super::{fresh_id, now as now_secs, text_content, TranslateError};
use TranslateError::Invalid;

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
        request::openai_to_anthropic_request(common, model)
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
        response::anthropic_to_openai_response(body, model).map(Decoded::Answer)
    }

    fn decode_error(&self, status: u16, body: &Value) -> Value {
        response::anthropic_error_to_openai(status, body)
    }

    fn decode_stream(&self, body: ByteStream, model: &str, include_usage: bool) -> ByteStream {
        let t = stream::AnthropicToOpenAiStream::new(model, include_usage);
        crate::sse::map_events(body, Events(t), MAX_SSE_EVENT).boxed()
    }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn u64_of(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

/// `chatcmpl-XYZ` -> `msg_XYZ`.
fn anthropic_id_from(openai_id: Option<&str>) -> String {
    match openai_id {
        Some(id) if !id.is_empty() => format!("msg_{}", id.strip_prefix("chatcmpl-").unwrap_or(id)),
        _ => fresh_id("msg_"),
    }
}

/// `msg_XYZ` -> `chatcmpl-XYZ`.
fn openai_id_from(anthropic_id: Option<&str>) -> String {
    match anthropic_id {
        Some(id) if !id.is_empty() => format!("chatcmpl-{}", id.strip_prefix("msg_").unwrap_or(id)),
        _ => fresh_id("chatcmpl-"),
    }
}

/// Anthropic requires tool_use ids to match `^[a-zA-Z0-9_-]+$`; OpenAI
/// compatible servers are less strict. The same mapping is applied to the
/// tool_use id and to the tool_result that refers to it, so pairs still match.
fn anthropic_tool_id(id: &str) -> String {
    if id.is_empty() {
        return "toolu_".to_string();
    }
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Splits `data:<media type>[;params];base64,<data>`.
fn parse_data_url(url: &str) -> Option<(&str, &str)> {
    let rest = url.strip_prefix("data:")?;
    let (meta, data) = rest.split_once(',')?;
    let meta = meta.strip_suffix(";base64")?;
    let media_type = meta.split(';').next().unwrap_or(meta);
    Some((media_type, data))
}

/// Tool arguments (a JSON string in OpenAI) as the object Anthropic wants.
/// Empty arguments are the empty object.
fn parse_arguments(args: Option<&Value>, what: &'static str) -> Result<Value, TranslateError> {
    match args {
        None | Some(Value::Null) => Ok(json!({})),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(json!({})),
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Object(_)) => Ok(v),
            _ => Err(Invalid(what)),
        },
        // Some servers send the object itself.
        Some(v @ Value::Object(_)) => Ok(v.clone()),
        Some(_) => Err(Invalid(what)),
    }
}

/// Token counts in Anthropic's terms: `input` excludes cached tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tokens {
    input: u64,
    output: u64,
    cache_read: u64,
    cache_creation: u64,
}

impl Tokens {
    /// OpenAI `prompt_tokens` includes cached tokens; Anthropic's
    /// `input_tokens` does not (cache reads are counted separately).
    fn from_openai(usage: &Value) -> Self {
        let prompt = u64_of(usage, "prompt_tokens");
        let cached = usage
            .get("prompt_tokens_details")
            .map(|d| u64_of(d, "cached_tokens"))
            .unwrap_or(0)
            .min(prompt);
        Tokens {
            input: prompt - cached,
            output: u64_of(usage, "completion_tokens"),
            cache_read: cached,
            cache_creation: 0,
        }
    }

    /// Updates from an Anthropic usage object; absent fields are kept
    /// (`message_delta` usage may carry only `output_tokens`).
    fn update_from_anthropic(&mut self, usage: &Value) {
        let get = |k: &str| usage.get(k).and_then(Value::as_u64);
        if let Some(n) = get("input_tokens") {
            self.input = n;
        }
        if let Some(n) = get("output_tokens") {
            self.output = n;
        }
        if let Some(n) = get("cache_read_input_tokens") {
            self.cache_read = n;
        }
        if let Some(n) = get("cache_creation_input_tokens") {
            self.cache_creation = n;
        }
    }

    fn anthropic_json(&self) -> Value {
        json!({
            "input_tokens": self.input,
            "cache_creation_input_tokens": self.cache_creation,
            "cache_read_input_tokens": self.cache_read,
            "output_tokens": self.output,
        })
    }

    fn openai_json(&self) -> Value {
        // Everything the model read counts as prompt on the OpenAI side.
        let prompt = self.input + self.cache_read + self.cache_creation;
        json!({
            "prompt_tokens": prompt,
            "completion_tokens": self.output,
            "total_tokens": prompt + self.output,
            "prompt_tokens_details": {"cached_tokens": self.cache_read},
        })
    }
}

/// OpenAI finish_reason -> Anthropic stop_reason. `saw_tools`: some servers
/// say "stop" after tool calls; Anthropic clients look for "tool_use".
fn stop_reason_from_openai(finish_reason: &str, saw_tools: bool) -> &'static str {
    match finish_reason {
        "length" => "max_tokens",
        "tool_calls" | "function_call" => "tool_use",
        "content_filter" => "refusal",
        _ if saw_tools => "tool_use",
        _ => "end_turn",
    }
}

/// vLLM reports the matched stop string in `choices[].stop_reason`; that is
/// Anthropic's `stop_sequence` stop.
fn vllm_stop_sequence(choice: &Value) -> Option<String> {
    if choice.get("finish_reason").and_then(Value::as_str) != Some("stop") {
        return None;
    }
    str_of(choice, "stop_reason").map(str::to_string)
}

/// Anthropic stop_reason -> OpenAI finish_reason.
fn finish_reason_from_anthropic(stop_reason: Option<&str>) -> &'static str {
    match stop_reason {
        Some("max_tokens") | Some("model_context_window_exceeded") => "length",
        Some("tool_use") => "tool_calls",
        Some("refusal") => "content_filter",
        // end_turn, stop_sequence, pause_turn, absent.
        _ => "stop",
    }
}
