//! Google's Gemini API (`kind: gemini`): `POST {base_url}/v1beta/models/{model}:generateContent`
//! and `:streamGenerateContent?alt=sse`, the key in `x-goog-api-key`.
//! `base_url` defaults to `https://generativelanguage.googleapis.com`.
//!
//! The codec here (common form <-> `generateContent`) serves Vertex AI too
//! (`super::vertex`), which speaks the same bodies on other URLs:
//! `systemInstruction`, `contents` and their parts, `functionDeclarations`
//! and `functionCall` / `functionResponse`, `finishReason`, `usageMetadata`.
//! A prompt blocked by Google's safety filters is a refusal: a 400 in the
//! client's error shape naming the block reason.

use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use http::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{json, Map, Value};

use super::TranslateError::{self, Invalid, Unsupported};
use super::{
    fresh_id, now, text_content, user_parts, Answer, ByteStream, Decoded, Http, Outbound, Provider, SendError,
    MAX_SSE_EVENT,
};
use crate::api::{ApiKind, Endpoint};
use crate::body::BoxError;
use crate::config::Upstream;
use crate::sse::SseEvent;

pub struct Gemini {
    base_url: String,
    api_key: Option<SecretString>,
    key_check: Result<(), String>,
    http: Http,
}

impl Gemini {
    pub fn new(cfg: &Upstream) -> Result<Gemini, String> {
        let key_check = match (&cfg.api_key, &cfg.api_key_env) {
            (Some(_), _) => Ok(()),
            (None, Some(var)) => Err(format!("{var} is not set")),
            (None, None) => Err("no API key: set `api_key_env`".into()),
        };
        Ok(Gemini {
            base_url: cfg.base_url.clone(),
            api_key: cfg.api_key.clone(),
            key_check,
            http: Http::new(cfg)?,
        })
    }
}

/// `:generateContent` or `:streamGenerateContent?alt=sse`.
pub(crate) fn method(stream: bool) -> &'static str {
    if stream {
        ":streamGenerateContent?alt=sse"
    } else {
        ":generateContent"
    }
}

/// Percent-encodes a path segment.
pub(crate) fn segment(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

impl Provider for Gemini {
    fn native_api(&self) -> Option<ApiKind> {
        None
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages)
    }

    fn availability(&self) -> Result<(), String> {
        self.key_check.clone()
    }

    fn encode(&self, common: &Value, _model: &str) -> Result<Value, TranslateError> {
        generate_request(common)
    }

    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>> {
        Box::pin(async move {
            let url = format!(
                "{}/v1beta/models/{}{}",
                self.base_url,
                segment(&out.model),
                method(out.stream)
            );
            let mut headers = super::trace_headers(&out.headers);
            let key = self
                .api_key
                .as_ref()
                .ok_or_else(|| SendError::Other("no API key".into()))?;
            let mut v = HeaderValue::from_str(key.expose_secret())
                .map_err(|_| SendError::Other("the API key is not a header value".into()))?;
            v.set_sensitive(true);
            headers.insert("x-goog-api-key", v);
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

/// Google's error body (`{"error": {"code", "message", "status"}}`) in OpenAI's shape.
pub(crate) fn google_error(status: u16, body: &Value) -> Value {
    let err = body
        .get("error")
        .or_else(|| body.as_array().and_then(|a| a.first()?.get("error")));
    let message = err
        .and_then(|e| e.get("message"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("upstream returned HTTP status {status}"));
    let code = err.and_then(|e| e.get("status")).cloned().unwrap_or(Value::Null);
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

// ---------------------------------------------------------------------------
// Common form (OpenAI chat) -> generateContent
// ---------------------------------------------------------------------------

/// An OpenAI chat body as a `generateContent` request.
pub fn generate_request(body: &Value) -> Result<Value, TranslateError> {
    let body = body.as_object().ok_or(Invalid("request body must be an object"))?;
    let input = body
        .get("messages")
        .and_then(Value::as_array)
        .ok_or(Invalid("messages must be an array"))?;
    let mut system = Vec::new();
    let mut contents: Vec<(&'static str, Vec<Value>)> = Vec::new();
    // tool_call_id -> function name, for the answers to calls.
    let mut call_names: Vec<(String, String)> = Vec::new();
    for m in input {
        let (role, parts) = match m.get("role").and_then(Value::as_str).unwrap_or("") {
            "system" | "developer" => {
                let text = text_content(m.get("content"))?;
                if !text.is_empty() {
                    system.push(json!({"text": text}));
                }
                continue;
            }
            "user" => (
                "user",
                user_parts(
                    m.get("content"),
                    "Gemini takes images as data: URLs only",
                    "only text and image parts reach Gemini",
                    |mime, data| Ok(json!({"inlineData": {"mimeType": mime, "data": data}})),
                )?,
            ),
            "assistant" => {
                let mut parts = Vec::new();
                let text = text_content(m.get("content"))?;
                if !text.is_empty() {
                    parts.push(json!({"text": text}));
                }
                for call in m.get("tool_calls").and_then(Value::as_array).into_iter().flatten() {
                    let f = call
                        .get("function")
                        .ok_or(Invalid("tool_calls[].function is missing"))?;
                    let name = f
                        .get("name")
                        .and_then(Value::as_str)
                        .ok_or(Invalid("tool_calls[].function.name"))?;
                    if let Some(id) = call.get("id").and_then(Value::as_str) {
                        call_names.push((id.to_string(), name.to_string()));
                    }
                    let args = match f.get("arguments") {
                        Some(Value::String(s)) if s.trim().is_empty() => json!({}),
                        Some(Value::String(s)) => serde_json::from_str(s)
                            .map_err(|_| Invalid("tool_calls[].function.arguments is not JSON"))?,
                        Some(v @ Value::Object(_)) => v.clone(),
                        _ => json!({}),
                    };
                    parts.push(json!({"functionCall": {"name": name, "args": args}}));
                }
                ("model", parts)
            }
            "tool" => {
                let id = m
                    .get("tool_call_id")
                    .and_then(Value::as_str)
                    .ok_or(Invalid("tool messages need tool_call_id"))?;
                let name = call_names
                    .iter()
                    .find(|(i, _)| i == id)
                    .map(|(_, n)| n.clone())
                    .ok_or(Invalid("a tool message answers no earlier tool call"))?;
                let text = text_content(m.get("content"))?;
                // A JSON object result is passed as is; anything else as text.
                let response = match serde_json::from_str::<Value>(&text) {
                    Ok(v @ Value::Object(_)) => v,
                    _ => json!({"content": text}),
                };
                (
                    "user",
                    vec![json!({"functionResponse": {"name": name, "response": response}})],
                )
            }
            _ => {
                return Err(Invalid(
                    "messages[].role must be system, developer, user, assistant or tool",
                ))
            }
        };
        if parts.is_empty() {
            continue;
        }
        match contents.last_mut() {
            Some((last, p)) if *last == role => p.extend(parts),
            _ => contents.push((role, parts)),
        }
    }
    let mut out = Map::new();
    out.insert(
        "contents".into(),
        Value::Array(
            contents
                .into_iter()
                .map(|(role, parts)| json!({"role": role, "parts": parts}))
                .collect(),
        ),
    );
    if !system.is_empty() {
        out.insert("systemInstruction".into(), json!({"parts": system}));
    }
    let mut gen = Map::new();
    if let Some(n) = body
        .get("max_completion_tokens")
        .or_else(|| body.get("max_tokens"))
        .filter(|v| v.is_u64())
    {
        gen.insert("maxOutputTokens".into(), n.clone());
    }
    for (from, to) in [("temperature", "temperature"), ("top_p", "topP"), ("seed", "seed")] {
        if let Some(v) = body.get(from).filter(|v| v.is_number()) {
            gen.insert(to.into(), v.clone());
        }
    }
    match body.get("stop") {
        Some(Value::String(s)) => {
            gen.insert("stopSequences".into(), json!([s]));
        }
        Some(Value::Array(a)) if !a.is_empty() => {
            gen.insert("stopSequences".into(), Value::Array(a.clone()));
        }
        _ => {}
    }
    if body
        .get("response_format")
        .and_then(|f| f.get("type"))
        .and_then(Value::as_str)
        == Some("json_object")
    {
        gen.insert("responseMimeType".into(), json!("application/json"));
    }
    if !gen.is_empty() {
        out.insert("generationConfig".into(), Value::Object(gen));
    }
    if let Some(tools) = body.get("tools").and_then(Value::as_array).filter(|t| !t.is_empty()) {
        let decls = tools.iter().map(declaration).collect::<Result<Vec<_>, _>>()?;
        out.insert("tools".into(), json!([{"functionDeclarations": decls}]));
        let config = match body.get("tool_choice") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s == "auto" => Some(json!({"mode": "AUTO"})),
            Some(Value::String(s)) if s == "none" => Some(json!({"mode": "NONE"})),
            Some(Value::String(s)) if s == "required" => Some(json!({"mode": "ANY"})),
            Some(c) => {
                let name = c
                    .get("function")
                    .and_then(|f| f.get("name"))
                    .and_then(Value::as_str)
                    .ok_or(Invalid("tool_choice must be auto, none, required or a function"))?;
                Some(json!({"mode": "ANY", "allowedFunctionNames": [name]}))
            }
        };
        if let Some(c) = config {
            out.insert("toolConfig".into(), json!({"functionCallingConfig": c}));
        }
    }
    Ok(Value::Object(out))
}

fn declaration(tool: &Value) -> Result<Value, TranslateError> {
    if tool.get("type").and_then(Value::as_str) != Some("function") {
        return Err(Unsupported("only function tools reach Gemini"));
    }
    let f = tool.get("function").ok_or(Invalid("tools[].function is missing"))?;
    let name = f
        .get("name")
        .and_then(Value::as_str)
        .ok_or(Invalid("tools[].function.name"))?;
    let mut d = Map::new();
    d.insert("name".into(), json!(name));
    if let Some(desc) = f.get("description").and_then(Value::as_str) {
        d.insert("description".into(), json!(desc));
    }
    if let Some(p) = f.get("parameters") {
        d.insert("parameters".into(), p.clone());
    }
    Ok(Value::Object(d))
}

// ---------------------------------------------------------------------------
// generateContent -> common form
// ---------------------------------------------------------------------------

/// `finishReason` -> OpenAI `finish_reason`; `calls`: function calls were made.
fn finish_reason(reason: Option<&str>, calls: bool) -> &'static str {
    match reason {
        Some("MAX_TOKENS") => "length",
        Some("SAFETY" | "RECITATION" | "BLOCKLIST" | "PROHIBITED_CONTENT" | "SPII" | "IMAGE_SAFETY" | "LANGUAGE") => {
            "content_filter"
        }
        _ if calls => "tool_calls",
        _ => "stop",
    }
}

fn usage(u: Option<&Value>) -> Value {
    let n = |k: &str| u.and_then(|u| u.get(k)).and_then(Value::as_u64).unwrap_or(0);
    let (p, c) = (
        n("promptTokenCount"),
        n("candidatesTokenCount") + n("thoughtsTokenCount"),
    );
    json!({"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c})
}

/// A prompt Google's filters blocked: `promptFeedback.blockReason`.
fn refusal(body: &Value) -> Option<Value> {
    let reason = body
        .get("promptFeedback")
        .and_then(|f| f.get("blockReason"))
        .and_then(Value::as_str)?;
    Some(json!({"error": {
        "message": format!("the provider's safety filters blocked this prompt ({reason})"),
        "type": "invalid_request_error",
        "param": "messages",
        "code": "content_filter",
    }}))
}

/// A `functionCall` part as an OpenAI tool call (Gemini's calls carry no
/// id unless the model gives one: made from the position).
fn tool_call(call: &Value, n: usize) -> Value {
    let id = call
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("call_{n}"));
    let args = call.get("args").cloned().unwrap_or_else(|| json!({}));
    json!({"id": id, "type": "function", "function": {"name": call.get("name").and_then(Value::as_str).unwrap_or(""), "arguments": args.to_string()}})
}

/// A `generateContent` answer as a `chat.completion`, or a refusal.
pub fn generate_response(body: &Value, model: &str) -> Result<Decoded, TranslateError> {
    if let Some(r) = refusal(body) {
        return Ok(Decoded::Refusal(r));
    }
    let cand = body
        .get("candidates")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .ok_or(Invalid("the answer has no candidates"))?;
    let mut text = String::new();
    let mut calls = Vec::new();
    for part in cand
        .get("content")
        .and_then(|c| c.get("parts"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if part.get("thought").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        if let Some(t) = part.get("text").and_then(Value::as_str) {
            text.push_str(t);
        } else if let Some(c) = part.get("functionCall") {
            calls.push(tool_call(c, calls.len()));
        }
    }
    let finish = finish_reason(cand.get("finishReason").and_then(Value::as_str), !calls.is_empty());
    let mut message = Map::new();
    message.insert("role".into(), json!("assistant"));
    message.insert(
        "content".into(),
        if text.is_empty() && !calls.is_empty() {
            Value::Null
        } else {
            json!(text)
        },
    );
    if !calls.is_empty() {
        message.insert("tool_calls".into(), Value::Array(calls));
    }
    Ok(Decoded::Answer(json!({
        "id": fresh_id("chatcmpl-"),
        "object": "chat.completion",
        "created": now(),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": usage(body.get("usageMetadata")),
    })))
}

/// `streamGenerateContent?alt=sse` events as OpenAI chunk events.
struct GeminiStream {
    id: String,
    created: u64,
    model: String,
    include_usage: bool,
    started: bool,
    calls: usize,
    finished: bool,
    usage: Option<Value>,
}

impl GeminiStream {
    fn chunk(&self, delta: Value, finish: Option<&str>) -> SseEvent {
        let v = json!({
            "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        });
        SseEvent::data(v.to_string())
    }
}

impl crate::sse::EventMap for GeminiStream {
    fn on_event(&mut self, ev: SseEvent) -> Result<Vec<SseEvent>, BoxError> {
        let v: Value =
            serde_json::from_str(&ev.data).map_err(|_| -> BoxError { "a stream event is not JSON".into() })?;
        let mut out = Vec::new();
        if let Some(err) = refusal(&v).or_else(|| v.get("error").map(|_| google_error(500, &v))) {
            out.push(SseEvent::data(err.to_string()));
            self.finished = true;
            return Ok(out);
        }
        if !self.started {
            self.started = true;
            out.push(self.chunk(json!({"role": "assistant", "content": ""}), None));
        }
        if let Some(u) = v.get("usageMetadata") {
            self.usage = Some(u.clone());
        }
        let Some(cand) = v.get("candidates").and_then(Value::as_array).and_then(|c| c.first()) else {
            return Ok(out);
        };
        for part in cand
            .get("content")
            .and_then(|c| c.get("parts"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if part.get("thought").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            if let Some(t) = part.get("text").and_then(Value::as_str) {
                if !t.is_empty() {
                    out.push(self.chunk(json!({"content": t}), None));
                }
            } else if let Some(c) = part.get("functionCall") {
                let mut call = tool_call(c, self.calls);
                if let Some(o) = call.as_object_mut() {
                    o.insert("index".into(), json!(self.calls));
                }
                self.calls += 1;
                out.push(self.chunk(json!({"tool_calls": [call]}), None));
            }
        }
        if let Some(reason) = cand.get("finishReason").and_then(Value::as_str) {
            if !self.finished {
                self.finished = true;
                out.push(self.chunk(json!({}), Some(finish_reason(Some(reason), self.calls > 0))));
            }
        }
        Ok(out)
    }

    fn finish(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if !self.finished {
            let err =
                json!({"error": {"message": "the stream ended before its finish reason", "type": "server_error"}});
            out.push(SseEvent::data(err.to_string()));
        } else if self.include_usage {
            let v = json!({
                "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
                "choices": [], "usage": usage(self.usage.as_ref()),
            });
            out.push(SseEvent::data(v.to_string()));
        }
        out.push(SseEvent::data("[DONE]"));
        out
    }
}

/// Decodes Gemini's SSE stream into the common form.
pub(crate) fn decode_sse(body: ByteStream, model: &str, include_usage: bool) -> ByteStream {
    let map = GeminiStream {
        id: fresh_id("chatcmpl-"),
        created: now(),
        model: model.to_string(),
        include_usage,
        started: false,
        calls: 0,
        finished: false,
        usage: None,
    };
    crate::sse::map_events(body, map, MAX_SSE_EVENT).boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_tools_and_tool_results_map_to_gemini() {
        let body = json!({"model": "m", "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call_0", "type": "function",
                "function": {"name": "weather", "arguments": "{\"city\":\"Paris\"}"}}]},
            {"role": "tool", "tool_call_id": "call_0", "content": "{\"temp\":21}"},
        ], "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object"}}}],
           "tool_choice": "required", "max_tokens": 64, "stop": "END"});
        let g = generate_request(&body).unwrap();
        assert_eq!(g["systemInstruction"]["parts"][0]["text"], "Be brief.");
        assert_eq!(g["contents"][1]["role"], "model");
        assert_eq!(g["contents"][1]["parts"][0]["functionCall"]["args"]["city"], "Paris");
        assert_eq!(g["contents"][2]["parts"][0]["functionResponse"]["name"], "weather");
        assert_eq!(g["contents"][2]["parts"][0]["functionResponse"]["response"]["temp"], 21);
        assert_eq!(g["tools"][0]["functionDeclarations"][0]["name"], "weather");
        assert_eq!(g["toolConfig"]["functionCallingConfig"]["mode"], "ANY");
        assert_eq!(g["generationConfig"]["maxOutputTokens"], 64);
        assert_eq!(g["generationConfig"]["stopSequences"][0], "END");
    }

    #[test]
    fn answers_calls_usage_and_blocks_map_back() {
        let body = json!({"candidates": [{"content": {"role": "model", "parts": [
            {"functionCall": {"name": "weather", "args": {"city": "Paris"}}}]}, "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 7, "candidatesTokenCount": 3, "totalTokenCount": 10}});
        let Decoded::Answer(v) = generate_response(&body, "gemini-x").unwrap() else {
            panic!("not an answer")
        };
        assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
        assert_eq!(
            v["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"],
            "{\"city\":\"Paris\"}"
        );
        assert_eq!(v["usage"]["total_tokens"], 10);
        let blocked = json!({"promptFeedback": {"blockReason": "SAFETY"}});
        let Decoded::Refusal(e) = generate_response(&blocked, "m").unwrap() else {
            panic!("not a refusal")
        };
        assert!(e["error"]["message"].as_str().unwrap().contains("SAFETY"));
        let cut = json!({"candidates": [{"content": {"parts": [{"text": "a"}]}, "finishReason": "MAX_TOKENS"}]});
        let Decoded::Answer(v) = generate_response(&cut, "m").unwrap() else {
            panic!("not an answer")
        };
        assert_eq!(v["choices"][0]["finish_reason"], "length");
    }
}
