//! The client-facing APIs: which endpoint a request is for, which API family
//! (and so which error shape) it speaks, and the texts a model would read.

use http::{HeaderMap, Method};
use serde_json::Value;

use crate::error::ProxyError;

/// The API family a client speaks; decides the error shape it gets back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKind {
    OpenAi,
    Anthropic,
}

/// The endpoints of the proxy listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    ChatCompletions,
    Completions,
    Embeddings,
    Responses,
    Messages,
    Models,
    /// `POST /cordon/v1/classify`: findings and decision, nothing forwarded.
    Classify,
    Healthz,
    Readyz,
    Metrics,
}

impl Endpoint {
    /// Maps method and path to an endpoint. Unknown paths are `NotFound`,
    /// known paths with the wrong method `MethodNotAllowed`.
    pub fn route(method: &Method, path: &str) -> Result<Endpoint, ProxyError> {
        let path = path.trim_end_matches('/');
        let (endpoint, want) = match path {
            "/v1/chat/completions" => (Endpoint::ChatCompletions, Method::POST),
            "/v1/completions" => (Endpoint::Completions, Method::POST),
            "/v1/embeddings" => (Endpoint::Embeddings, Method::POST),
            "/v1/responses" => (Endpoint::Responses, Method::POST),
            "/v1/messages" => (Endpoint::Messages, Method::POST),
            "/v1/models" => (Endpoint::Models, Method::GET),
            "/cordon/v1/classify" => (Endpoint::Classify, Method::POST),
            "/healthz" => (Endpoint::Healthz, Method::GET),
            "/readyz" => (Endpoint::Readyz, Method::GET),
            "/metrics" => (Endpoint::Metrics, Method::GET),
            _ => return Err(ProxyError::NotFound),
        };
        if *method == want || (want == Method::GET && *method == Method::HEAD) {
            Ok(endpoint)
        } else {
            Err(ProxyError::MethodNotAllowed)
        }
    }

    /// The API family of a model endpoint.
    pub fn api(self) -> ApiKind {
        match self {
            Endpoint::Messages => ApiKind::Anthropic,
            _ => ApiKind::OpenAi,
        }
    }

    /// A model endpoint by name: `chat_completions`, `/v1/chat/completions`,
    /// `chat/completions`, `messages`... (for `cordon explain` and the
    /// classify endpoint's `endpoint` parameter).
    pub fn parse_name(name: &str) -> Option<Endpoint> {
        let n = name.trim().trim_start_matches('/');
        let n = n.strip_prefix("v1/").unwrap_or(n);
        match n {
            "chat_completions" | "chat/completions" => Some(Endpoint::ChatCompletions),
            "completions" => Some(Endpoint::Completions),
            "embeddings" => Some(Endpoint::Embeddings),
            "responses" => Some(Endpoint::Responses),
            "messages" => Some(Endpoint::Messages),
            _ => None,
        }
    }

    /// The path below an OpenAI-style base URL (`.../v1`).
    pub fn openai_path(self) -> Option<&'static str> {
        match self {
            Endpoint::ChatCompletions => Some("/chat/completions"),
            Endpoint::Completions => Some("/completions"),
            Endpoint::Embeddings => Some("/embeddings"),
            Endpoint::Responses => Some("/responses"),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Endpoint::ChatCompletions => "chat_completions",
            Endpoint::Completions => "completions",
            Endpoint::Embeddings => "embeddings",
            Endpoint::Responses => "responses",
            Endpoint::Messages => "messages",
            Endpoint::Models => "models",
            Endpoint::Classify => "classify",
            Endpoint::Healthz => "healthz",
            Endpoint::Readyz => "readyz",
            Endpoint::Metrics => "metrics",
        }
    }
}

/// Guesses the API family of a request that did not match a model endpoint
/// (404s, `/v1/models`): Anthropic's SDKs always send `anthropic-version`.
pub fn api_from_headers(path: &str, headers: &HeaderMap) -> ApiKind {
    if path.starts_with("/v1/messages")
        || headers.contains_key("anthropic-version")
        || headers.contains_key("x-api-key")
    {
        ApiKind::Anthropic
    } else {
        ApiKind::OpenAi
    }
}

/// A request body, parsed: the JSON object (unknown fields kept as they came)
/// and the few fields the proxy acts on.
#[derive(Debug)]
pub struct ParsedRequest {
    pub endpoint: Endpoint,
    pub body: serde_json::Map<String, Value>,
    pub model: String,
    pub stream: bool,
}

impl ParsedRequest {
    /// Parses a JSON body. Errors never quote the body.
    pub fn parse(endpoint: Endpoint, bytes: &[u8]) -> Result<ParsedRequest, ProxyError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            // serde_json syntax errors name a line and column, never content.
            ProxyError::BadJson(format!(
                "{} at line {} column {}",
                syntax_kind(&e),
                e.line(),
                e.column()
            ))
        })?;
        let Value::Object(body) = value else {
            return Err(ProxyError::BadRequest("the request body must be a JSON object".into()));
        };
        let model = match body.get("model") {
            Some(Value::String(m)) if !m.is_empty() => m.clone(),
            Some(Value::String(_)) | None => {
                return Err(ProxyError::BadRequest("`model` is required".into()));
            }
            Some(_) => return Err(ProxyError::BadRequest("`model` must be a string".into())),
        };
        let stream = match body.get("stream") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(ProxyError::BadRequest("`stream` must be a boolean".into())),
        };
        if stream && endpoint == Endpoint::Embeddings {
            return Err(ProxyError::BadRequest("embeddings cannot be streamed".into()));
        }
        let parsed = ParsedRequest {
            endpoint,
            body,
            model,
            stream,
        };
        parsed.check_shape()?;
        Ok(parsed)
    }

    /// Checks the field that carries the prompt has a usable type, so that a
    /// request whose text cannot be found is refused rather than forwarded
    /// unexamined.
    fn check_shape(&self) -> Result<(), ProxyError> {
        let (field, ok) = match self.endpoint {
            Endpoint::ChatCompletions => ("messages", matches!(self.body.get("messages"), Some(Value::Array(_)))),
            Endpoint::Messages => ("messages", matches!(self.body.get("messages"), Some(Value::Array(_)))),
            Endpoint::Completions => (
                "prompt",
                matches!(self.body.get("prompt"), Some(Value::String(_) | Value::Array(_))),
            ),
            Endpoint::Embeddings => (
                "input",
                matches!(self.body.get("input"), Some(Value::String(_) | Value::Array(_))),
            ),
            Endpoint::Responses => (
                "input",
                matches!(self.body.get("input"), Some(Value::String(_) | Value::Array(_)))
                    || self.body.contains_key("previous_response_id")
                    || self.body.contains_key("prompt"),
            ),
            _ => return Ok(()),
        };
        if ok {
            Ok(())
        } else {
            Err(ProxyError::BadRequest(format!(
                "`{field}` is missing or has the wrong type"
            )))
        }
    }
}

fn syntax_kind(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "unexpected end of input",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "unexpected value",
        serde_json::error::Category::Io => "read error",
    }
}

/// One text a model would read, and where it sits in the request
/// (a JSON pointer). Detectors scan these; nothing else of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPart<'a> {
    pub pointer: String,
    pub text: &'a str,
}

/// Content a model would read that is not text (images, audio, files):
/// it cannot be scanned, so policy treats it as sensitive unless told otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpaquePart {
    pub pointer: String,
    pub kind: &'static str,
}

#[derive(Debug, Default)]
pub struct Extracted<'a> {
    pub texts: Vec<TextPart<'a>>,
    pub opaque: Vec<OpaquePart>,
}

impl Extracted<'_> {
    pub fn text_bytes(&self) -> usize {
        self.texts.iter().map(|t| t.text.len()).sum()
    }
}

/// Collects every text a model would read: system prompts, messages, content
/// blocks, tool definitions, tool calls and their results.
pub fn extract(req: &ParsedRequest) -> Extracted<'_> {
    let mut out = Extracted::default();
    let body = &req.body;
    match req.endpoint {
        Endpoint::ChatCompletions => {
            if let Some(Value::Array(msgs)) = body.get("messages") {
                for (i, m) in msgs.iter().enumerate() {
                    let base = format!("/messages/{i}");
                    if let Some(c) = m.get("content") {
                        walk_content(c, &format!("{base}/content"), &mut out);
                    }
                    if let Some(Value::Array(calls)) = m.get("tool_calls") {
                        for (j, call) in calls.iter().enumerate() {
                            if let Some(Value::String(args)) = call.pointer("/function/arguments") {
                                out.texts.push(TextPart {
                                    pointer: format!("{base}/tool_calls/{j}/function/arguments"),
                                    text: args,
                                });
                            }
                        }
                    }
                    if let Some(Value::String(name)) = m.get("name") {
                        out.texts.push(TextPart {
                            pointer: format!("{base}/name"),
                            text: name,
                        });
                    }
                }
            }
            walk_tools(body.get("tools"), &mut out);
        }
        Endpoint::Messages => {
            if let Some(s) = body.get("system") {
                walk_content(s, "/system", &mut out);
            }
            if let Some(Value::Array(msgs)) = body.get("messages") {
                for (i, m) in msgs.iter().enumerate() {
                    if let Some(c) = m.get("content") {
                        walk_content(c, &format!("/messages/{i}/content"), &mut out);
                    }
                }
            }
            walk_tools(body.get("tools"), &mut out);
        }
        Endpoint::Completions => walk_content_opt(body.get("prompt"), "/prompt", &mut out),
        Endpoint::Embeddings => walk_content_opt(body.get("input"), "/input", &mut out),
        Endpoint::Responses => {
            walk_content_opt(body.get("instructions"), "/instructions", &mut out);
            walk_content_opt(body.get("input"), "/input", &mut out);
            walk_tools(body.get("tools"), &mut out);
        }
        Endpoint::Models | Endpoint::Classify | Endpoint::Healthz | Endpoint::Readyz | Endpoint::Metrics => {}
    }
    out
}

fn walk_content_opt<'a>(v: Option<&'a Value>, pointer: &str, out: &mut Extracted<'a>) {
    if let Some(v) = v {
        walk_content(v, pointer, out);
    }
}

/// Walks a content value of any of the APIs' shapes: a string, an array of
/// strings or parts/blocks, nested tool results. Every string under a key a
/// model reads is collected; binary parts are listed as opaque.
fn walk_content<'a>(v: &'a Value, pointer: &str, out: &mut Extracted<'a>) {
    match v {
        Value::String(s) => out.texts.push(TextPart {
            pointer: pointer.to_string(),
            text: s,
        }),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_content(item, &format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            let kind = map.get("type").and_then(Value::as_str).unwrap_or("");
            match kind {
                "image" | "image_url" | "input_image" => out.opaque.push(OpaquePart {
                    pointer: pointer.to_string(),
                    kind: "image",
                }),
                "input_audio" | "audio" => out.opaque.push(OpaquePart {
                    pointer: pointer.to_string(),
                    kind: "audio",
                }),
                "file" | "input_file" | "document" => {
                    // Anthropic documents may carry plain text; anything else is opaque.
                    match map.get("source").and_then(|s| s.get("data")) {
                        Some(Value::String(t))
                            if map.get("source").and_then(|s| s.get("type")).and_then(Value::as_str)
                                == Some("text") =>
                        {
                            out.texts.push(TextPart {
                                pointer: format!("{pointer}/source/data"),
                                text: t,
                            })
                        }
                        _ => out.opaque.push(OpaquePart {
                            pointer: pointer.to_string(),
                            kind: "file",
                        }),
                    }
                }
                _ => {
                    for key in ["text", "content", "input", "output", "arguments", "thinking", "refusal"] {
                        if let Some(child) = map.get(key) {
                            let p = format!("{pointer}/{key}");
                            match child {
                                // tool_use.input is structured data: every string in it counts.
                                Value::Object(_) if key == "input" => walk_all_strings(child, &p, out),
                                _ => walk_content(child, &p, out),
                            }
                        }
                    }
                }
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn walk_all_strings<'a>(v: &'a Value, pointer: &str, out: &mut Extracted<'a>) {
    match v {
        Value::String(s) => out.texts.push(TextPart {
            pointer: pointer.to_string(),
            text: s,
        }),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_all_strings(item, &format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, child) in map {
                walk_all_strings(child, &format!("{pointer}/{}", escape_pointer(k)), out);
            }
        }
        _ => {}
    }
}

fn walk_tools<'a>(tools: Option<&'a Value>, out: &mut Extracted<'a>) {
    if let Some(Value::Array(tools)) = tools {
        for (i, t) in tools.iter().enumerate() {
            for p in ["/description", "/function/description"] {
                if let Some(Value::String(d)) = t.pointer(p) {
                    out.texts.push(TextPart {
                        pointer: format!("/tools/{i}{p}"),
                        text: d,
                    });
                }
            }
        }
    }
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_paths() {
        assert_eq!(
            Endpoint::route(&Method::POST, "/v1/chat/completions").ok(),
            Some(Endpoint::ChatCompletions)
        );
        assert_eq!(
            Endpoint::route(&Method::POST, "/v1/messages").ok(),
            Some(Endpoint::Messages)
        );
        assert!(matches!(
            Endpoint::route(&Method::GET, "/v1/messages"),
            Err(ProxyError::MethodNotAllowed)
        ));
        assert!(matches!(
            Endpoint::route(&Method::POST, "/v2/nothing"),
            Err(ProxyError::NotFound)
        ));
    }

    #[test]
    fn bad_json_does_not_echo() {
        let err = ParsedRequest::parse(Endpoint::ChatCompletions, br#"{"model": "m", "messages": [SECRET-123"#)
            .expect_err("bad");
        let msg = err.to_string();
        assert!(!msg.contains("SECRET"), "{msg}");
        assert_eq!(err.status(), 400);
    }

    #[test]
    fn wrong_types_are_400() {
        for body in [
            r#"[]"#,
            r#"{"messages": []}"#,
            r#"{"model": 5, "messages": []}"#,
            r#"{"model": "m", "messages": "hi"}"#,
            r#"{"model": "m", "messages": [], "stream": "yes"}"#,
        ] {
            let err = ParsedRequest::parse(Endpoint::ChatCompletions, body.as_bytes()).expect_err(body);
            assert_eq!(err.status(), 400, "{body}");
        }
    }

    #[test]
    fn extracts_openai_chat_texts() {
        let body = br#"{"model":"m","messages":[
            {"role":"system","content":"be brief"},
            {"role":"user","content":[{"type":"text","text":"hello"},{"type":"image_url","image_url":{"url":"data:..."}}]},
            {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"q\":\"x\"}"}}]},
            {"role":"tool","tool_call_id":"c1","content":"result text"}
        ],"tools":[{"type":"function","function":{"name":"f","description":"looks up","parameters":{}}}],"unknown_field":{"kept":true}}"#;
        let req = ParsedRequest::parse(Endpoint::ChatCompletions, body).expect("parse");
        let ex = extract(&req);
        let ptrs: Vec<(&str, &str)> = ex.texts.iter().map(|t| (t.pointer.as_str(), t.text)).collect();
        assert_eq!(
            ptrs,
            vec![
                ("/messages/0/content", "be brief"),
                ("/messages/1/content/0/text", "hello"),
                ("/messages/2/tool_calls/0/function/arguments", "{\"q\":\"x\"}"),
                ("/messages/3/content", "result text"),
                ("/tools/0/function/description", "looks up"),
            ]
        );
        assert_eq!(
            ex.opaque,
            vec![OpaquePart {
                pointer: "/messages/1/content/1".into(),
                kind: "image"
            }]
        );
        assert!(req.body.contains_key("unknown_field"));
    }

    #[test]
    fn extracts_anthropic_texts() {
        let body = br#"{"model":"m","max_tokens":10,"system":[{"type":"text","text":"sys"}],"messages":[
            {"role":"user","content":"hi"},
            {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":{"name":"Ann","n":[1,"two"]}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"out"}]}]}
        ]}"#;
        let req = ParsedRequest::parse(Endpoint::Messages, body).expect("parse");
        let texts: Vec<&str> = extract(&req).texts.iter().map(|t| t.text).collect();
        assert_eq!(texts, vec!["sys", "hi", "Ann", "two", "out"]);
    }
}
