//! Translation between the OpenAI Chat Completions API and the Anthropic
//! Messages API, both directions: request bodies, response bodies, streams
//! (event by event) and error bodies.
//!
//! An Anthropic-SDK client may be served by an OpenAI-compatible upstream
//! (say an on-prem vLLM) and an OpenAI client by Anthropic. Everything works
//! on [`serde_json::Value`]; fields with no counterpart on the other side are
//! dropped, shapes that cannot be expressed there are refused with a
//! [`TranslateError`] whose message names the problem, never the content.
//!
//! Lossy points worth knowing:
//! - thinking / reasoning content is dropped in every direction (Anthropic
//!   thinking blocks need signatures that an OpenAI upstream cannot give);
//! - Anthropic `tool_result.is_error` has no OpenAI counterpart and is dropped;
//! - Anthropic server tools (web search, code execution, ...) and OpenAI
//!   custom / legacy function-call shapes are refused;
//! - OpenAI `response_format`, `reasoning_effort`, `seed`, penalties,
//!   `logprobs` and Anthropic `top_k`, `thinking`, `service_tier` are dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Map, Value};

use crate::sse::SseEvent;

/// Why a body cannot be translated. The message names the field or shape
/// at fault and never echoes content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslateError {
    /// The body does not have the shape its API requires.
    #[error("invalid body: {0}")]
    Invalid(&'static str),
    /// Valid, but has no counterpart in the other API.
    #[error("not supported across APIs: {0}")]
    Unsupported(&'static str),
}

use TranslateError::{Invalid, Unsupported};

/// Anthropic's default when an OpenAI client gives no token limit
/// (`max_tokens` is required there).
const DEFAULT_MAX_TOKENS: u64 = 4096;

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn u64_of(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A process-unique id for when the upstream gave none.
fn fresh_id(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}{:012x}{nanos:08x}{:04x}", now_secs(), n & 0xffff)
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

// ---------------------------------------------------------------------------
// Anthropic request -> OpenAI request
// ---------------------------------------------------------------------------

/// Anthropic `/v1/messages` request body -> OpenAI `/chat/completions`
/// request body, naming `model` upstream.
pub fn anthropic_to_openai_request(body: &Value, model: &str) -> Result<Value, TranslateError> {
    let body = body.as_object().ok_or(Invalid("request body must be an object"))?;
    let mut out = Map::new();
    out.insert("model".into(), json!(model));

    let mut messages = Vec::new();
    if let Some(system) = body.get("system") {
        let text = anthropic_system_text(system)?;
        if !text.is_empty() {
            messages.push(json!({"role": "system", "content": text}));
        }
    }
    let input = body
        .get("messages")
        .and_then(Value::as_array)
        .ok_or(Invalid("messages must be an array"))?;
    for m in input {
        match str_of(m, "role") {
            Some("user") => anthropic_user_message(m.get("content"), &mut messages)?,
            Some("assistant") => messages.push(anthropic_assistant_message(m.get("content"))?),
            _ => return Err(Invalid("messages[].role must be user or assistant")),
        }
    }
    out.insert("messages".into(), Value::Array(messages));

    if let Some(n) = body.get("max_tokens").filter(|v| v.is_number()) {
        out.insert("max_tokens".into(), n.clone());
    }
    for key in ["temperature", "top_p"] {
        if let Some(v) = body.get(key).filter(|v| v.is_number()) {
            out.insert(key.into(), v.clone());
        }
    }
    if let Some(stops) = body.get("stop_sequences").and_then(Value::as_array) {
        if !stops.is_empty() {
            out.insert("stop".into(), Value::Array(stops.clone()));
        }
    }
    match body.get("stream").and_then(Value::as_bool) {
        Some(true) => {
            out.insert("stream".into(), json!(true));
            // Without this OpenAI streams carry no usage at all.
            out.insert("stream_options".into(), json!({"include_usage": true}));
        }
        Some(false) => {
            out.insert("stream".into(), json!(false));
        }
        None => {}
    }
    if let Some(tools) = body.get("tools") {
        let tools = tools.as_array().ok_or(Invalid("tools must be an array"))?;
        if !tools.is_empty() {
            let mapped = tools
                .iter()
                .map(anthropic_tool_to_openai)
                .collect::<Result<Vec<_>, _>>()?;
            out.insert("tools".into(), Value::Array(mapped));
        }
    }
    if let Some(choice) = body.get("tool_choice").filter(|v| !v.is_null()) {
        let (mapped, no_parallel) = anthropic_tool_choice_to_openai(choice)?;
        out.insert("tool_choice".into(), mapped);
        if no_parallel {
            out.insert("parallel_tool_calls".into(), json!(false));
        }
    }
    if let Some(user) = body.get("metadata").and_then(|m| str_of(m, "user_id")) {
        out.insert("user".into(), json!(user));
    }
    Ok(Value::Object(out))
}

/// `system` as a string or text blocks; blocks are joined by a blank line.
fn anthropic_system_text(system: &Value) -> Result<String, TranslateError> {
    match system {
        Value::Null => Ok(String::new()),
        Value::String(s) => Ok(s.clone()),
        Value::Array(blocks) => {
            let texts = blocks
                .iter()
                .map(|b| match (str_of(b, "type"), str_of(b, "text")) {
                    (Some("text"), Some(t)) => Ok(t),
                    _ => Err(Invalid("system blocks must be text blocks")),
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(texts.join("\n\n"))
        }
        _ => Err(Invalid("system must be a string or an array of text blocks")),
    }
}

/// A user turn. tool_result blocks become `tool` messages (OpenAI wants them
/// right after the assistant's tool calls), in order; the remaining blocks
/// follow as one user message.
fn anthropic_user_message(content: Option<&Value>, out: &mut Vec<Value>) -> Result<(), TranslateError> {
    let blocks = match content {
        Some(Value::String(s)) => {
            out.push(json!({"role": "user", "content": s}));
            return Ok(());
        }
        Some(Value::Array(blocks)) => blocks,
        _ => return Err(Invalid("messages[].content must be a string or an array of blocks")),
    };
    let mut parts = Vec::new();
    // Tool messages carry text only: images returned by tools are passed in
    // the user message that follows them.
    let mut tool_images = Vec::new();
    for block in blocks {
        match str_of(block, "type") {
            Some("text") => {
                let text = str_of(block, "text").ok_or(Invalid("text block without text"))?;
                parts.push(json!({"type": "text", "text": text}));
            }
            Some("image") => parts.push(anthropic_image_to_part(block)?),
            Some("document") => parts.push(anthropic_document_to_part(block)?),
            Some("tool_result") => {
                let id = str_of(block, "tool_use_id").ok_or(Invalid("tool_result block without tool_use_id"))?;
                let text = anthropic_tool_result_content(block.get("content"), &mut tool_images)?;
                out.push(json!({"role": "tool", "tool_call_id": id, "content": text}));
            }
            Some("thinking") | Some("redacted_thinking") => {}
            Some(_) => return Err(Unsupported("content block type in user message")),
            None => return Err(Invalid("content block without type")),
        }
    }
    tool_images.append(&mut parts);
    let parts = tool_images;
    match parts.as_slice() {
        [] => {}
        // A lone text part as a plain string: the form every OpenAI
        // compatible server accepts.
        [only] if only.get("type").and_then(Value::as_str) == Some("text") => {
            out.push(json!({"role": "user", "content": only.get("text").cloned().unwrap_or(Value::Null)}));
        }
        _ => out.push(json!({"role": "user", "content": parts})),
    }
    Ok(())
}

/// tool_result content (string or text/image blocks) -> the tool message's
/// text; images go to `images`.
fn anthropic_tool_result_content(content: Option<&Value>, images: &mut Vec<Value>) -> Result<String, TranslateError> {
    match content {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(blocks)) => {
            let mut texts = Vec::new();
            for b in blocks {
                match str_of(b, "type") {
                    Some("text") => texts.push(str_of(b, "text").ok_or(Invalid("text block without text"))?),
                    Some("image") => images.push(anthropic_image_to_part(b)?),
                    _ => return Err(Unsupported("tool_result content other than text and images")),
                }
            }
            Ok(texts.join("\n"))
        }
        Some(_) => Err(Invalid("tool_result content must be a string or an array")),
    }
}

fn anthropic_image_to_part(block: &Value) -> Result<Value, TranslateError> {
    let source = block.get("source").ok_or(Invalid("image block without source"))?;
    let url = match str_of(source, "type") {
        Some("base64") => {
            let media = str_of(source, "media_type").ok_or(Invalid("image source without media_type"))?;
            let data = str_of(source, "data").ok_or(Invalid("image source without data"))?;
            format!("data:{media};base64,{data}")
        }
        Some("url") => str_of(source, "url")
            .ok_or(Invalid("image source without url"))?
            .to_string(),
        _ => return Err(Unsupported("image source type (only base64 and url)")),
    };
    Ok(json!({"type": "image_url", "image_url": {"url": url}}))
}

/// document blocks: base64 PDFs become OpenAI `file` parts, plain-text
/// documents text parts.
fn anthropic_document_to_part(block: &Value) -> Result<Value, TranslateError> {
    let source = block.get("source").ok_or(Invalid("document block without source"))?;
    match str_of(source, "type") {
        Some("base64") if str_of(source, "media_type") == Some("application/pdf") => {
            let data = str_of(source, "data").ok_or(Invalid("document source without data"))?;
            let filename = str_of(block, "title").unwrap_or("document.pdf");
            Ok(
                json!({"type": "file", "file": {"filename": filename, "file_data": format!("data:application/pdf;base64,{data}")}}),
            )
        }
        Some("text") => {
            let data = str_of(source, "data").ok_or(Invalid("document source without data"))?;
            Ok(json!({"type": "text", "text": data}))
        }
        Some("content") => match source.get("content") {
            Some(Value::String(s)) => Ok(json!({"type": "text", "text": s})),
            Some(Value::Array(blocks)) => {
                let texts = blocks
                    .iter()
                    .map(|b| str_of(b, "text").ok_or(Unsupported("document content other than text")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(json!({"type": "text", "text": texts.join("\n")}))
            }
            _ => Err(Invalid("document content source without content")),
        },
        _ => Err(Unsupported("document source type (only base64 PDF, text and content)")),
    }
}

/// An assistant turn: text blocks joined into `content` (adjacent text
/// blocks, e.g. split by citations, read as one text), tool_use blocks as
/// `tool_calls`.
fn anthropic_assistant_message(content: Option<&Value>) -> Result<Value, TranslateError> {
    let blocks = match content {
        Some(Value::String(s)) => return Ok(json!({"role": "assistant", "content": s})),
        Some(Value::Array(blocks)) => blocks,
        _ => return Err(Invalid("messages[].content must be a string or an array of blocks")),
    };
    let mut text: Option<String> = None;
    let mut calls = Vec::new();
    for block in blocks {
        match str_of(block, "type") {
            Some("text") => {
                let t = str_of(block, "text").ok_or(Invalid("text block without text"))?;
                text.get_or_insert_with(String::new).push_str(t);
            }
            Some("tool_use") => {
                let id = str_of(block, "id").ok_or(Invalid("tool_use block without id"))?;
                let name = str_of(block, "name").ok_or(Invalid("tool_use block without name"))?;
                let input = block.get("input").cloned().unwrap_or_else(|| json!({}));
                calls.push(json!({
                    "id": id,
                    "type": "function",
                    "function": {"name": name, "arguments": input.to_string()},
                }));
            }
            Some("thinking") | Some("redacted_thinking") => {}
            Some(_) => return Err(Unsupported("content block type in assistant message")),
            None => return Err(Invalid("content block without type")),
        }
    }
    let content = match text {
        Some(t) => Value::String(t),
        // With tool calls and no text, OpenAI's content is null.
        None if !calls.is_empty() => Value::Null,
        None => Value::String(String::new()),
    };
    let mut msg = json!({"role": "assistant", "content": content});
    if !calls.is_empty() {
        msg["tool_calls"] = Value::Array(calls);
    }
    Ok(msg)
}

fn anthropic_tool_to_openai(tool: &Value) -> Result<Value, TranslateError> {
    // Client tools have no type (or "custom"); versioned types are Anthropic
    // server or built-in tools (web_search_..., bash_..., ...).
    match str_of(tool, "type") {
        None | Some("custom") => {}
        Some(_) => return Err(Unsupported("Anthropic built-in or server tools")),
    }
    let name = str_of(tool, "name").ok_or(Invalid("tools[].name is missing"))?;
    let mut function = Map::new();
    function.insert("name".into(), json!(name));
    if let Some(d) = str_of(tool, "description") {
        function.insert("description".into(), json!(d));
    }
    let schema = tool
        .get("input_schema")
        .cloned()
        .unwrap_or_else(|| json!({"type": "object", "properties": {}}));
    function.insert("parameters".into(), schema);
    if let Some(strict) = tool.get("strict").and_then(Value::as_bool) {
        function.insert("strict".into(), json!(strict));
    }
    Ok(json!({"type": "function", "function": function}))
}

/// Returns the OpenAI tool_choice and whether parallel tool calls are off.
fn anthropic_tool_choice_to_openai(choice: &Value) -> Result<(Value, bool), TranslateError> {
    let mapped = match str_of(choice, "type") {
        Some("auto") => json!("auto"),
        Some("any") => json!("required"),
        Some("none") => json!("none"),
        Some("tool") => {
            let name = str_of(choice, "name").ok_or(Invalid("tool_choice of type tool without name"))?;
            json!({"type": "function", "function": {"name": name}})
        }
        _ => return Err(Invalid("tool_choice.type must be auto, any, tool or none")),
    };
    let no_parallel = choice.get("disable_parallel_tool_use").and_then(Value::as_bool) == Some(true);
    Ok((mapped, no_parallel))
}

// ---------------------------------------------------------------------------
// OpenAI response -> Anthropic response
// ---------------------------------------------------------------------------

/// OpenAI `chat.completion` -> Anthropic `message`. `model` is the model the
/// client asked for.
pub fn openai_to_anthropic_response(body: &Value, model: &str) -> Result<Value, TranslateError> {
    if !body.is_object() {
        return Err(Invalid("response body must be an object"));
    }
    let choice = body
        .get("choices")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .ok_or(Invalid("response has no choices"))?;
    let message = choice.get("message").ok_or(Invalid("choices[0].message is missing"))?;

    let mut content = Vec::new();
    let mut text = openai_text_content(message.get("content"))?;
    // A refusal (structured outputs) is the text the client gets.
    if let Some(r) = str_of(message, "refusal").filter(|r| !r.is_empty()) {
        text.push_str(r);
    }
    if !text.is_empty() {
        content.push(json!({"type": "text", "text": text}));
    }
    let calls = message
        .get("tool_calls")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for call in calls {
        let function = call
            .get("function")
            .ok_or(Invalid("tool_calls[].function is missing"))?;
        let name = str_of(function, "name").ok_or(Invalid("tool_calls[].function.name is missing"))?;
        let input = parse_arguments(
            function.get("arguments"),
            "tool_calls[].function.arguments is not a JSON object",
        )?;
        let id = str_of(call, "id")
            .map(str::to_string)
            .unwrap_or_else(|| fresh_id("toolu_"));
        content.push(json!({"type": "tool_use", "id": id, "name": name, "input": input}));
    }

    let finish = str_of(choice, "finish_reason").unwrap_or("stop");
    let refused = str_of(message, "refusal").is_some_and(|r| !r.is_empty());
    let stop_sequence = vllm_stop_sequence(choice);
    let stop_reason = if refused {
        "refusal"
    } else if stop_sequence.is_some() && calls.is_empty() {
        "stop_sequence"
    } else {
        stop_reason_from_openai(finish, !calls.is_empty())
    };
    let usage = body.get("usage").map(Tokens::from_openai).unwrap_or_default();
    Ok(json!({
        "id": anthropic_id_from(str_of(body, "id")),
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": if stop_reason == "stop_sequence" { json!(stop_sequence) } else { Value::Null },
        "usage": usage.anthropic_json(),
    }))
}

/// OpenAI message content: a string, null, or an array of text (or
/// refusal) parts, as text.
fn openai_text_content(content: Option<&Value>) -> Result<String, TranslateError> {
    match content {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(parts)) => {
            let mut out = String::new();
            for p in parts {
                match str_of(p, "type") {
                    Some("text") => out.push_str(str_of(p, "text").ok_or(Invalid("text part without text"))?),
                    Some("refusal") => {
                        out.push_str(str_of(p, "refusal").ok_or(Invalid("refusal part without refusal"))?)
                    }
                    _ => return Err(Unsupported("content part other than text here")),
                }
            }
            Ok(out)
        }
        Some(_) => Err(Invalid("content must be a string, null or an array of parts")),
    }
}

// ---------------------------------------------------------------------------
// OpenAI request -> Anthropic request
// ---------------------------------------------------------------------------

/// OpenAI `/chat/completions` request body -> Anthropic `/v1/messages`
/// request body, naming `model` upstream.
pub fn openai_to_anthropic_request(body: &Value, model: &str) -> Result<Value, TranslateError> {
    let body = body.as_object().ok_or(Invalid("request body must be an object"))?;
    if body.get("n").and_then(Value::as_u64).is_some_and(|n| n > 1) {
        return Err(Unsupported("n greater than 1"));
    }
    let input = body
        .get("messages")
        .and_then(Value::as_array)
        .ok_or(Invalid("messages must be an array"))?;

    let mut system = Vec::new();
    // (role, blocks), consecutive same-role turns merged.
    let mut turns: Vec<(&'static str, Vec<Value>)> = Vec::new();
    for m in input {
        let content = m.get("content");
        let (role, blocks) = match str_of(m, "role") {
            Some("system") | Some("developer") => {
                let text = openai_text_content(content)?;
                if !text.is_empty() {
                    system.push(text);
                }
                continue;
            }
            Some("user") => ("user", openai_user_blocks(content)?),
            Some("assistant") => ("assistant", openai_assistant_blocks(m)?),
            Some("tool") => ("user", vec![openai_tool_message_to_result(m)?]),
            Some("function") => return Err(Unsupported("function role messages (legacy function calling)")),
            _ => return Err(Invalid("messages[].role is missing or unknown")),
        };
        // Anthropic rejects empty content: an empty turn is left out.
        if blocks.is_empty() {
            continue;
        }
        match turns.last_mut() {
            Some((last, existing)) if *last == role => existing.extend(blocks),
            _ => turns.push((role, blocks)),
        }
    }
    // Anthropic wants tool_result blocks first in a user turn.
    for (role, blocks) in &mut turns {
        if *role == "user" {
            let (mut results, rest): (Vec<Value>, Vec<Value>) = std::mem::take(blocks)
                .into_iter()
                .partition(|b| str_of(b, "type") == Some("tool_result"));
            results.extend(rest);
            *blocks = results;
        }
    }
    // A final assistant turn (prefill) may not end in whitespace.
    if let Some(("assistant", blocks)) = turns.last_mut() {
        if let Some(last) = blocks.last_mut() {
            if let Some(Value::String(t)) = last.get_mut("text") {
                let trimmed = t.trim_end().len();
                t.truncate(trimmed);
            }
        }
        blocks.retain(|b| str_of(b, "text") != Some(""));
    }
    let messages: Vec<Value> = turns
        .into_iter()
        .filter(|(_, blocks)| !blocks.is_empty())
        .map(|(role, blocks)| {
            let content = match blocks.as_slice() {
                [only] if str_of(only, "type") == Some("text") && only.as_object().is_some_and(|o| o.len() == 2) => {
                    only.get("text").cloned().unwrap_or(Value::Null)
                }
                _ => Value::Array(blocks),
            };
            json!({"role": role, "content": content})
        })
        .collect();

    let mut out = Map::new();
    out.insert("model".into(), json!(model));
    let max_tokens = body
        .get("max_completion_tokens")
        .and_then(Value::as_u64)
        .or_else(|| body.get("max_tokens").and_then(Value::as_u64))
        .unwrap_or(DEFAULT_MAX_TOKENS);
    out.insert("max_tokens".into(), json!(max_tokens));
    if !system.is_empty() {
        out.insert("system".into(), json!(system.join("\n\n")));
    }
    out.insert("messages".into(), Value::Array(messages));
    if let Some(t) = body.get("temperature").and_then(Value::as_f64) {
        // OpenAI allows 0..=2, Anthropic 0..=1: clamp rather than fail.
        out.insert("temperature".into(), json!(t.clamp(0.0, 1.0)));
    }
    if let Some(p) = body.get("top_p").filter(|v| v.is_number()) {
        out.insert("top_p".into(), p.clone());
    }
    match body.get("stop") {
        Some(Value::String(s)) => {
            out.insert("stop_sequences".into(), json!([s]));
        }
        Some(Value::Array(a)) if !a.is_empty() => {
            out.insert("stop_sequences".into(), Value::Array(a.clone()));
        }
        _ => {}
    }
    if let Some(s) = body.get("stream").and_then(Value::as_bool) {
        out.insert("stream".into(), json!(s));
    }
    let mut has_tools = false;
    if let Some(tools) = body.get("tools") {
        let tools = tools.as_array().ok_or(Invalid("tools must be an array"))?;
        if !tools.is_empty() {
            has_tools = true;
            let mapped = tools
                .iter()
                .map(openai_tool_to_anthropic)
                .collect::<Result<Vec<_>, _>>()?;
            out.insert("tools".into(), Value::Array(mapped));
        }
    }
    let mut tool_choice = match body.get("tool_choice") {
        None | Some(Value::Null) => None,
        Some(c) => Some(openai_tool_choice_to_anthropic(c)?),
    };
    // parallel_tool_calls: false lives on Anthropic's tool_choice.
    if has_tools && body.get("parallel_tool_calls").and_then(Value::as_bool) == Some(false) {
        let choice = tool_choice.get_or_insert_with(|| json!({"type": "auto"}));
        if str_of(choice, "type") != Some("none") {
            choice["disable_parallel_tool_use"] = json!(true);
        }
    }
    if let Some(c) = tool_choice {
        out.insert("tool_choice".into(), c);
    }
    // `safety_identifier` is OpenAI's successor to `user`.
    if let Some(user) = body
        .get("user")
        .and_then(Value::as_str)
        .or_else(|| body.get("safety_identifier").and_then(Value::as_str))
    {
        out.insert("metadata".into(), json!({"user_id": user}));
    }
    Ok(Value::Object(out))
}

fn openai_user_blocks(content: Option<&Value>) -> Result<Vec<Value>, TranslateError> {
    let parts = match content {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::String(s)) if s.is_empty() => return Ok(Vec::new()),
        Some(Value::String(s)) => return Ok(vec![json!({"type": "text", "text": s})]),
        Some(Value::Array(parts)) => parts,
        Some(_) => return Err(Invalid("messages[].content must be a string or an array of parts")),
    };
    let mut blocks = Vec::new();
    for part in parts {
        match str_of(part, "type") {
            Some("text") => {
                let text = str_of(part, "text").ok_or(Invalid("text part without text"))?;
                if !text.is_empty() {
                    blocks.push(json!({"type": "text", "text": text}));
                }
            }
            Some("image_url") => blocks.push(openai_image_to_block(part)?),
            Some("file") => blocks.push(openai_file_to_block(part)?),
            Some("input_audio") => return Err(Unsupported("audio input")),
            Some(_) => return Err(Unsupported("content part type")),
            None => return Err(Invalid("content part without type")),
        }
    }
    Ok(blocks)
}

fn openai_image_to_block(part: &Value) -> Result<Value, TranslateError> {
    let url = match part.get("image_url") {
        Some(Value::String(u)) => u.as_str(),
        Some(obj) => str_of(obj, "url").ok_or(Invalid("image_url part without url"))?,
        None => return Err(Invalid("image_url part without image_url")),
    };
    let source = if url.starts_with("data:") {
        let (media_type, data) = parse_data_url(url).ok_or(Unsupported("image data URLs that are not base64"))?;
        json!({"type": "base64", "media_type": media_type, "data": data})
    } else {
        json!({"type": "url", "url": url})
    };
    Ok(json!({"type": "image", "source": source}))
}

/// `file` parts with inline data: PDFs become Anthropic document blocks.
fn openai_file_to_block(part: &Value) -> Result<Value, TranslateError> {
    let file = part.get("file").ok_or(Invalid("file part without file"))?;
    let Some(file_data) = str_of(file, "file_data") else {
        return Err(Unsupported("file parts without inline file_data"));
    };
    let (media_type, data) = parse_data_url(file_data).unwrap_or(("application/pdf", file_data));
    if media_type != "application/pdf" {
        return Err(Unsupported("file parts other than PDF"));
    }
    let mut block = json!({"type": "document", "source": {"type": "base64", "media_type": media_type, "data": data}});
    if let Some(name) = str_of(file, "filename") {
        block["title"] = json!(name);
    }
    Ok(block)
}

fn openai_assistant_blocks(m: &Value) -> Result<Vec<Value>, TranslateError> {
    if m.get("function_call").is_some_and(|f| !f.is_null()) {
        return Err(Unsupported("function_call (legacy function calling)"));
    }
    let mut blocks = Vec::new();
    let mut text = openai_text_content(m.get("content"))?;
    if let Some(r) = str_of(m, "refusal") {
        text.push_str(r);
    }
    if !text.is_empty() {
        blocks.push(json!({"type": "text", "text": text}));
    }
    if let Some(calls) = m.get("tool_calls").and_then(Value::as_array) {
        for call in calls {
            let id = str_of(call, "id").ok_or(Invalid("tool_calls[].id is missing"))?;
            let function = call
                .get("function")
                .ok_or(Unsupported("tool calls other than function calls"))?;
            let name = str_of(function, "name").ok_or(Invalid("tool_calls[].function.name is missing"))?;
            let input = parse_arguments(
                function.get("arguments"),
                "tool_calls[].function.arguments is not a JSON object",
            )?;
            blocks.push(json!({"type": "tool_use", "id": anthropic_tool_id(id), "name": name, "input": input}));
        }
    }
    Ok(blocks)
}

fn openai_tool_message_to_result(m: &Value) -> Result<Value, TranslateError> {
    let id = str_of(m, "tool_call_id").ok_or(Invalid("tool message without tool_call_id"))?;
    let mut block = json!({"type": "tool_result", "tool_use_id": anthropic_tool_id(id)});
    match m.get("content") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            if !s.is_empty() {
                block["content"] = json!(s);
            }
        }
        Some(Value::Array(parts)) => {
            let mut blocks = Vec::new();
            for p in parts {
                match str_of(p, "type") {
                    Some("text") => {
                        let t = str_of(p, "text").ok_or(Invalid("text part without text"))?;
                        if !t.is_empty() {
                            blocks.push(json!({"type": "text", "text": t}));
                        }
                    }
                    Some("image_url") => blocks.push(openai_image_to_block(p)?),
                    _ => return Err(Unsupported("tool message content other than text")),
                }
            }
            if !blocks.is_empty() {
                block["content"] = Value::Array(blocks);
            }
        }
        Some(_) => return Err(Invalid("tool message content must be a string or an array")),
    }
    Ok(block)
}

fn openai_tool_to_anthropic(tool: &Value) -> Result<Value, TranslateError> {
    if str_of(tool, "type") != Some("function") {
        return Err(Unsupported("tools other than function tools"));
    }
    let function = tool.get("function").ok_or(Invalid("tools[].function is missing"))?;
    let name = str_of(function, "name").ok_or(Invalid("tools[].function.name is missing"))?;
    let mut out = Map::new();
    out.insert("name".into(), json!(name));
    if let Some(d) = str_of(function, "description") {
        out.insert("description".into(), json!(d));
    }
    // Anthropic requires an object schema; a function without parameters
    // takes none.
    let schema = function
        .get("parameters")
        .filter(|p| p.is_object())
        .cloned()
        .unwrap_or_else(|| json!({"type": "object", "properties": {}}));
    out.insert("input_schema".into(), schema);
    if let Some(strict) = function.get("strict").and_then(Value::as_bool) {
        out.insert("strict".into(), json!(strict));
    }
    Ok(Value::Object(out))
}

fn openai_tool_choice_to_anthropic(choice: &Value) -> Result<Value, TranslateError> {
    match choice {
        Value::String(s) => match s.as_str() {
            "auto" => Ok(json!({"type": "auto"})),
            "required" => Ok(json!({"type": "any"})),
            "none" => Ok(json!({"type": "none"})),
            _ => Err(Invalid("tool_choice must be auto, required, none or a function")),
        },
        Value::Object(_) => match str_of(choice, "type") {
            Some("function") => {
                let name = choice
                    .get("function")
                    .and_then(|f| str_of(f, "name"))
                    .ok_or(Invalid("tool_choice.function.name is missing"))?;
                Ok(json!({"type": "tool", "name": name}))
            }
            Some("allowed_tools") => Err(Unsupported("tool_choice of type allowed_tools")),
            _ => Err(Invalid("tool_choice.type must be function")),
        },
        _ => Err(Invalid("tool_choice must be a string or an object")),
    }
}

// ---------------------------------------------------------------------------
// Anthropic response -> OpenAI response
// ---------------------------------------------------------------------------

/// Anthropic `message` -> OpenAI `chat.completion`. `model` is the model the
/// client asked for.
pub fn anthropic_to_openai_response(body: &Value, model: &str) -> Result<Value, TranslateError> {
    if !body.is_object() {
        return Err(Invalid("response body must be an object"));
    }
    let blocks = body
        .get("content")
        .and_then(Value::as_array)
        .ok_or(Invalid("response content must be an array"))?;
    let mut text: Option<String> = None;
    let mut calls = Vec::new();
    for block in blocks {
        match str_of(block, "type") {
            Some("text") => text
                .get_or_insert_with(String::new)
                .push_str(str_of(block, "text").unwrap_or("")),
            Some("tool_use") => {
                let id = str_of(block, "id").ok_or(Invalid("tool_use block without id"))?;
                let name = str_of(block, "name").ok_or(Invalid("tool_use block without name"))?;
                let input = block.get("input").cloned().unwrap_or_else(|| json!({}));
                calls.push(
                    json!({"id": id, "type": "function", "function": {"name": name, "arguments": input.to_string()}}),
                );
            }
            // thinking, redacted_thinking, server tool blocks: no counterpart.
            _ => {}
        }
    }
    let mut message = json!({"role": "assistant", "content": text, "refusal": null});
    if !calls.is_empty() {
        message["tool_calls"] = Value::Array(calls);
    }
    let mut usage = Tokens::default();
    if let Some(u) = body.get("usage") {
        usage.update_from_anthropic(u);
    }
    Ok(json!({
        "id": openai_id_from(str_of(body, "id")),
        "object": "chat.completion",
        "created": now_secs(),
        "model": model,
        "choices": [{
            "index": 0,
            "message": message,
            "logprobs": null,
            "finish_reason": finish_reason_from_anthropic(str_of(body, "stop_reason")),
        }],
        "usage": usage.openai_json(),
    }))
}

// ---------------------------------------------------------------------------
// Error bodies
// ---------------------------------------------------------------------------

fn anthropic_error_type_for_status(status: u16) -> &'static str {
    match status {
        400 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        504 => "timeout_error",
        529 => "overloaded_error",
        500..=599 => "api_error",
        _ => "invalid_request_error",
    }
}

fn openai_error_type_for_status(status: u16) -> &'static str {
    match status {
        401 => "authentication_error",
        403 => "permission_error",
        429 => "rate_limit_error",
        500..=599 => "server_error",
        _ => "invalid_request_error",
    }
}

fn status_for_anthropic_error_type(ty: &str) -> u16 {
    match ty {
        "invalid_request_error" => 400,
        "authentication_error" => 401,
        "billing_error" => 402,
        "permission_error" => 403,
        "not_found_error" => 404,
        "request_too_large" => 413,
        "rate_limit_error" => 429,
        "timeout_error" => 504,
        "overloaded_error" => 529,
        _ => 500,
    }
}

/// A status for an OpenAI error met inside a stream (no HTTP status there).
fn status_for_openai_error(err: &Value) -> u16 {
    if let Some(code) = err
        .get("code")
        .and_then(Value::as_u64)
        .filter(|c| (400..=599).contains(c))
    {
        return code as u16;
    }
    match str_of(err, "type").or_else(|| str_of(err, "code")) {
        Some("invalid_request_error") => 400,
        Some("authentication_error") | Some("invalid_api_key") => 401,
        Some("permission_error") => 403,
        Some("not_found_error") | Some("model_not_found") => 404,
        Some("rate_limit_error")
        | Some("rate_limit_exceeded")
        | Some("requests")
        | Some("tokens")
        | Some("insufficient_quota") => 429,
        _ => 500,
    }
}

fn default_error_message(status: u16) -> String {
    format!("upstream returned HTTP status {status}")
}

/// The message of an OpenAI-compatible error body, in the shapes seen in
/// the wild: `{"error":{"message"}}`, `{"error":"..."}`, vLLM's
/// `{"object":"error","message"}`, FastAPI's `{"detail":"..."}`.
fn openai_error_message(body: &Value) -> Option<&str> {
    match body.get("error") {
        Some(Value::String(s)) => return Some(s),
        Some(e) if e.is_object() => {
            if let Some(m) = str_of(e, "message") {
                return Some(m);
            }
        }
        _ => {}
    }
    str_of(body, "message").or_else(|| str_of(body, "detail"))
}

/// An OpenAI-compatible upstream's error body -> Anthropic's error shape.
pub fn openai_error_to_anthropic(status: u16, body: &Value) -> Value {
    let message = openai_error_message(body)
        .map(str::to_string)
        .unwrap_or_else(|| default_error_message(status));
    json!({"type": "error", "error": {"type": anthropic_error_type_for_status(status), "message": message}})
}

/// An Anthropic error body -> OpenAI's error shape. The Anthropic error type
/// is kept as `code`.
pub fn anthropic_error_to_openai(status: u16, body: &Value) -> Value {
    let err = body.get("error");
    let message = err
        .and_then(|e| str_of(e, "message"))
        .or_else(|| str_of(body, "message"))
        .map(str::to_string)
        .unwrap_or_else(|| default_error_message(status));
    let code = err
        .and_then(|e| str_of(e, "type"))
        .unwrap_or_else(|| anthropic_error_type_for_status(status));
    json!({"error": {"message": message, "type": openai_error_type_for_status(status), "param": null, "code": code}})
}

// ---------------------------------------------------------------------------
// Streams: OpenAI chunks -> Anthropic events
// ---------------------------------------------------------------------------

/// The content block an OpenAI -> Anthropic stream has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenBlock {
    Text { block: usize },
    Tool { block: usize, openai_index: u64 },
}

/// Turns an OpenAI `chat.completion.chunk` stream into Anthropic's event
/// stream, event by event.
///
/// OpenAI sends usage last (a chunk with empty `choices`, requested with
/// `stream_options.include_usage`), after the chunk with `finish_reason`:
/// `message_delta` (which carries stop reason and usage) is therefore sent
/// once usage has arrived after the finish reason, or at `[DONE]`, or at
/// [`OpenAiToAnthropicStream::finish`].
#[derive(Debug)]
pub struct OpenAiToAnthropicStream {
    model: String,
    started: bool,
    done: bool,
    next_block: usize,
    open: Option<OpenBlock>,
    /// OpenAI tool call indexes that have had a block.
    tools_seen: Vec<u64>,
    finish_reason: Option<String>,
    stop_sequence: Option<String>,
    usage: Option<Tokens>,
}

impl OpenAiToAnthropicStream {
    pub fn new(model: &str) -> Self {
        OpenAiToAnthropicStream {
            model: model.to_string(),
            started: false,
            done: false,
            next_block: 0,
            open: None,
            tools_seen: Vec::new(),
            finish_reason: None,
            stop_sequence: None,
            usage: None,
        }
    }

    /// Translates one upstream event.
    pub fn on_event(&mut self, ev: &SseEvent) -> Result<Vec<SseEvent>, TranslateError> {
        let mut out = Vec::new();
        if self.done {
            return Ok(out);
        }
        let data = ev.data.trim();
        if data.is_empty() {
            return Ok(out);
        }
        if data == "[DONE]" {
            self.complete(&mut out);
            return Ok(out);
        }
        let chunk: Value = serde_json::from_str(data).map_err(|_| Invalid("upstream stream event is not JSON"))?;
        if let Some(err) = chunk.get("error").filter(|e| !e.is_null()) {
            // An error in the middle of the stream ends it, as in Anthropic's.
            let status = status_for_openai_error(err);
            out.push(anthropic_event(openai_error_to_anthropic(status, &chunk)));
            self.done = true;
            return Ok(out);
        }
        let usage = chunk.get("usage").filter(|u| u.is_object()).map(Tokens::from_openai);
        if usage.is_some() {
            self.usage = usage;
        }
        self.start(str_of(&chunk, "id"), &mut out);

        let choices = chunk
            .get("choices")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // Only the first choice: Anthropic has no `n`.
        for choice in choices
            .iter()
            .filter(|c| c.get("index").and_then(Value::as_u64).unwrap_or(0) == 0)
        {
            if let Some(delta) = choice.get("delta") {
                for key in ["content", "refusal"] {
                    if let Some(text) = str_of(delta, key).filter(|t| !t.is_empty()) {
                        self.text(text, &mut out);
                    }
                }
                if let Some(calls) = delta.get("tool_calls").and_then(Value::as_array) {
                    for call in calls {
                        self.tool_fragment(call, &mut out)?;
                    }
                }
            }
            if let Some(reason) = str_of(choice, "finish_reason") {
                self.close_block(&mut out);
                self.finish_reason = Some(reason.to_string());
                self.stop_sequence = vllm_stop_sequence(choice);
            }
        }
        // Usage that arrives with or after the finish reason is final.
        if usage.is_some() && self.finish_reason.is_some() {
            self.complete(&mut out);
        }
        Ok(out)
    }

    /// Ends the stream: closes what is open. After a finish reason (with no
    /// usage or no `[DONE]` seen) the message ends normally; a stream cut
    /// before any finish reason ends with an Anthropic `error` event, so a
    /// truncated answer is not taken for a complete one. Idempotent.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if self.done {
            return out;
        }
        if self.finish_reason.is_some() {
            self.complete(&mut out);
        } else {
            self.done = true;
            out.push(anthropic_event(json!({
                "type": "error",
                "error": {"type": "api_error", "message": "upstream stream ended before the response was complete"},
            })));
        }
        out
    }

    fn start(&mut self, openai_id: Option<&str>, out: &mut Vec<SseEvent>) {
        if self.started {
            return;
        }
        self.started = true;
        // Usage is rarely known this early (0 then; the final figures come
        // with message_delta).
        let usage = self.usage.map(|u| Tokens { output: 0, ..u }).unwrap_or_default();
        out.push(anthropic_event(json!({
            "type": "message_start",
            "message": {
                "id": anthropic_id_from(openai_id),
                "type": "message",
                "role": "assistant",
                "model": self.model,
                "content": [],
                "stop_reason": null,
                "stop_sequence": null,
                "usage": usage.anthropic_json(),
            },
        })));
    }

    fn text(&mut self, text: &str, out: &mut Vec<SseEvent>) {
        let block = match self.open {
            Some(OpenBlock::Text { block }) => block,
            _ => {
                self.close_block(out);
                let block = self.take_block_index();
                self.open = Some(OpenBlock::Text { block });
                out.push(anthropic_event(json!({
                    "type": "content_block_start",
                    "index": block,
                    "content_block": {"type": "text", "text": ""},
                })));
                block
            }
        };
        out.push(anthropic_event(json!({
            "type": "content_block_delta",
            "index": block,
            "delta": {"type": "text_delta", "text": text},
        })));
    }

    /// One `delta.tool_calls[]` entry. The first fragment of a call carries
    /// its id and name, later ones argument text. Anthropic blocks cannot be
    /// reopened, so fragments of an earlier call arriving after a later one
    /// has started are an error (no known server interleaves them).
    fn tool_fragment(&mut self, call: &Value, out: &mut Vec<SseEvent>) -> Result<(), TranslateError> {
        let current = match self.open {
            Some(OpenBlock::Tool { block, openai_index }) => Some((block, openai_index)),
            _ => None,
        };
        let id = str_of(call, "id").filter(|s| !s.is_empty());
        let index = match call.get("index").and_then(Value::as_u64) {
            Some(i) => i,
            // Servers that leave out `index` send whole calls: a call with
            // an id is a new one.
            None => match (current, id) {
                (Some((_, i)), None) => i,
                _ => self.tools_seen.iter().max().map_or(0, |m| m + 1),
            },
        };
        let function = call.get("function");
        let args = function.and_then(|f| str_of(f, "arguments")).unwrap_or("");
        let block = match current {
            Some((block, open_index)) if open_index == index => block,
            _ if self.tools_seen.contains(&index) => {
                return Err(Invalid("upstream stream interleaves tool call fragments"));
            }
            _ => {
                self.close_block(out);
                let block = self.take_block_index();
                self.open = Some(OpenBlock::Tool {
                    block,
                    openai_index: index,
                });
                self.tools_seen.push(index);
                let name = function.and_then(|f| str_of(f, "name")).unwrap_or("");
                let id = id.map(str::to_string).unwrap_or_else(|| fresh_id("toolu_"));
                out.push(anthropic_event(json!({
                    "type": "content_block_start",
                    "index": block,
                    "content_block": {"type": "tool_use", "id": id, "name": name, "input": {}},
                })));
                block
            }
        };
        if !args.is_empty() {
            out.push(anthropic_event(json!({
                "type": "content_block_delta",
                "index": block,
                "delta": {"type": "input_json_delta", "partial_json": args},
            })));
        }
        Ok(())
    }

    fn take_block_index(&mut self) -> usize {
        let i = self.next_block;
        self.next_block += 1;
        i
    }

    fn close_block(&mut self, out: &mut Vec<SseEvent>) {
        let block = match self.open.take() {
            Some(OpenBlock::Text { block }) | Some(OpenBlock::Tool { block, .. }) => block,
            None => return,
        };
        out.push(anthropic_event(json!({"type": "content_block_stop", "index": block})));
    }

    /// message_delta and message_stop (after message_start, if none yet).
    fn complete(&mut self, out: &mut Vec<SseEvent>) {
        if self.done {
            return;
        }
        self.start(None, out);
        self.close_block(out);
        let saw_tools = !self.tools_seen.is_empty();
        let (stop_reason, stop_sequence) = match (&self.finish_reason, &self.stop_sequence) {
            (Some(_), Some(seq)) if !saw_tools => ("stop_sequence", json!(seq)),
            (Some(r), _) => (stop_reason_from_openai(r, saw_tools), Value::Null),
            (None, _) => (if saw_tools { "tool_use" } else { "end_turn" }, Value::Null),
        };
        let usage = match self.usage {
            Some(u) => u.anthropic_json(),
            None => json!({"output_tokens": 0}),
        };
        out.push(anthropic_event(json!({
            "type": "message_delta",
            "delta": {"stop_reason": stop_reason, "stop_sequence": stop_sequence},
            "usage": usage,
        })));
        out.push(anthropic_event(json!({"type": "message_stop"})));
        self.done = true;
    }
}

/// An Anthropic stream event: named after its `type`.
fn anthropic_event(data: Value) -> SseEvent {
    let name = str_of(&data, "type").unwrap_or("message").to_string();
    SseEvent {
        event: Some(name),
        data: data.to_string(),
    }
}

// ---------------------------------------------------------------------------
// Streams: Anthropic events -> OpenAI chunks
// ---------------------------------------------------------------------------

/// Turns an Anthropic Messages event stream into OpenAI
/// `chat.completion.chunk` events ending with `data: [DONE]`.
#[derive(Debug)]
pub struct AnthropicToOpenAiStream {
    model: String,
    include_usage: bool,
    created: u64,
    id: Option<String>,
    started: bool,
    finish_sent: bool,
    done: bool,
    /// Anthropic block index -> OpenAI tool call index.
    tool_blocks: Vec<(u64, usize)>,
    usage: Tokens,
}

impl AnthropicToOpenAiStream {
    /// `include_usage`: the client asked for `stream_options.include_usage`.
    pub fn new(model: &str, include_usage: bool) -> Self {
        AnthropicToOpenAiStream {
            model: model.to_string(),
            include_usage,
            created: now_secs(),
            id: None,
            started: false,
            finish_sent: false,
            done: false,
            tool_blocks: Vec::new(),
            usage: Tokens::default(),
        }
    }

    /// Translates one upstream event.
    pub fn on_event(&mut self, ev: &SseEvent) -> Result<Vec<SseEvent>, TranslateError> {
        let mut out = Vec::new();
        if self.done {
            return Ok(out);
        }
        let data = ev.data.trim();
        if data.is_empty() {
            return Ok(out);
        }
        let v: Value = serde_json::from_str(data).map_err(|_| Invalid("upstream stream event is not JSON"))?;
        let ty = str_of(&v, "type").or(ev.event.as_deref()).unwrap_or("");
        match ty {
            "message_start" => {
                if let Some(message) = v.get("message") {
                    if self.id.is_none() {
                        self.id = Some(openai_id_from(str_of(message, "id")));
                    }
                    if let Some(u) = message.get("usage") {
                        self.usage.update_from_anthropic(u);
                    }
                }
                self.start(&mut out);
            }
            "content_block_start" => {
                self.start(&mut out);
                let block = v.get("content_block").unwrap_or(&Value::Null);
                match str_of(block, "type") {
                    Some("text") => {
                        if let Some(t) = str_of(block, "text").filter(|t| !t.is_empty()) {
                            out.push(self.chunk(json!({"content": t}), None));
                        }
                    }
                    Some("tool_use") => {
                        let anthropic_index = u64_of(&v, "index");
                        let tool_index = self.tool_blocks.len();
                        self.tool_blocks.push((anthropic_index, tool_index));
                        let id = str_of(block, "id")
                            .map(str::to_string)
                            .unwrap_or_else(|| fresh_id("call_"));
                        let name = str_of(block, "name").unwrap_or("");
                        // Anthropic starts with `"input": {}` and streams the
                        // arguments; an emitter that gives the whole input
                        // here has it sent as the first fragment.
                        let arguments = match block.get("input") {
                            Some(Value::Object(o)) if !o.is_empty() => Value::Object(o.clone()).to_string(),
                            _ => String::new(),
                        };
                        out.push(self.chunk(
                            json!({"tool_calls": [{
                                "index": tool_index,
                                "id": id,
                                "type": "function",
                                "function": {"name": name, "arguments": arguments},
                            }]}),
                            None,
                        ));
                    }
                    // thinking, server tool blocks: no counterpart.
                    _ => {}
                }
            }
            "content_block_delta" => {
                self.start(&mut out);
                let delta = v.get("delta").unwrap_or(&Value::Null);
                match str_of(delta, "type") {
                    Some("text_delta") => {
                        if let Some(t) = str_of(delta, "text").filter(|t| !t.is_empty()) {
                            out.push(self.chunk(json!({"content": t}), None));
                        }
                    }
                    Some("input_json_delta") => {
                        let anthropic_index = u64_of(&v, "index");
                        let tool = self
                            .tool_blocks
                            .iter()
                            .find(|(b, _)| *b == anthropic_index)
                            .map(|(_, t)| *t);
                        if let (Some(tool_index), Some(json)) = (tool, str_of(delta, "partial_json")) {
                            if !json.is_empty() {
                                out.push(self.chunk(
                                    json!({"tool_calls": [{"index": tool_index, "function": {"arguments": json}}]}),
                                    None,
                                ));
                            }
                        }
                    }
                    // thinking_delta, signature_delta, citations_delta.
                    _ => {}
                }
            }
            "message_delta" => {
                self.start(&mut out);
                if let Some(u) = v.get("usage") {
                    self.usage.update_from_anthropic(u);
                }
                let stop = v.get("delta").and_then(|d| str_of(d, "stop_reason"));
                if !self.finish_sent {
                    self.finish_sent = true;
                    out.push(self.chunk(json!({}), Some(finish_reason_from_anthropic(stop))));
                }
            }
            "message_stop" => {
                self.start(&mut out);
                if !self.finish_sent {
                    self.finish_sent = true;
                    out.push(self.chunk(json!({}), Some("stop")));
                }
                self.end(&mut out);
            }
            "error" => {
                let err = v.get("error").unwrap_or(&Value::Null);
                let status = status_for_anthropic_error_type(str_of(err, "type").unwrap_or(""));
                out.push(SseEvent::data(anthropic_error_to_openai(status, &v).to_string()));
                out.push(SseEvent::data("[DONE]"));
                self.done = true;
            }
            // ping, content_block_stop and event types added later.
            _ => {}
        }
        Ok(out)
    }

    /// Ends the stream: after a finish reason, the usage chunk (if asked)
    /// and `[DONE]`; a stream cut before it ends with an OpenAI-shaped error
    /// event and `[DONE]`. Idempotent.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if self.done {
            return out;
        }
        if self.finish_sent {
            self.end(&mut out);
        } else {
            let err = json!({"error": {
                "message": "upstream stream ended before the response was complete",
                "type": "server_error",
                "param": null,
                "code": null,
            }});
            out.push(SseEvent::data(err.to_string()));
            out.push(SseEvent::data("[DONE]"));
            self.done = true;
        }
        out
    }

    /// The first chunk: the assistant role.
    fn start(&mut self, out: &mut Vec<SseEvent>) {
        if self.started {
            return;
        }
        self.started = true;
        out.push(self.chunk(json!({"role": "assistant", "content": ""}), None));
    }

    fn end(&mut self, out: &mut Vec<SseEvent>) {
        if self.include_usage {
            out.push(self.usage_chunk());
        }
        out.push(SseEvent::data("[DONE]"));
        self.done = true;
    }

    fn base(&mut self) -> Map<String, Value> {
        let id = self.id.get_or_insert_with(|| fresh_id("chatcmpl-")).clone();
        let mut m = Map::new();
        m.insert("id".into(), json!(id));
        m.insert("object".into(), json!("chat.completion.chunk"));
        m.insert("created".into(), json!(self.created));
        m.insert("model".into(), json!(self.model));
        m
    }

    fn chunk(&mut self, delta: Value, finish_reason: Option<&str>) -> SseEvent {
        let mut m = self.base();
        m.insert(
            "choices".into(),
            json!([{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish_reason}]),
        );
        // With include_usage, OpenAI puts `"usage": null` on every chunk but
        // the last.
        if self.include_usage {
            m.insert("usage".into(), Value::Null);
        }
        SseEvent::data(Value::Object(m).to_string())
    }

    fn usage_chunk(&mut self) -> SseEvent {
        let mut m = self.base();
        m.insert("choices".into(), json!([]));
        m.insert("usage".into(), self.usage.openai_json());
        SseEvent::data(Value::Object(m).to_string())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::sse::SseParser;

    // -- helpers ------------------------------------------------------------

    /// Parses SSE bytes fed `step` bytes at a time.
    fn parse_sse(wire: &[u8], step: usize) -> Vec<SseEvent> {
        let mut p = SseParser::new(1 << 20);
        let mut evs = Vec::new();
        for piece in wire.chunks(step.max(1)) {
            evs.extend(p.push(piece).unwrap());
        }
        evs.extend(p.finish().unwrap());
        evs
    }

    fn encode_all(evs: &[SseEvent]) -> Vec<u8> {
        let mut out = Vec::new();
        for e in evs {
            e.encode_into(&mut out);
        }
        out
    }

    fn openai_wire(chunks: &[Value], done: bool) -> Vec<u8> {
        let mut evs: Vec<SseEvent> = chunks.iter().map(|c| SseEvent::data(c.to_string())).collect();
        if done {
            evs.push(SseEvent::data("[DONE]"));
        }
        encode_all(&evs)
    }

    fn anthropic_wire(events: &[Value]) -> Vec<u8> {
        let evs: Vec<SseEvent> = events.iter().map(|e| anthropic_event(e.clone())).collect();
        encode_all(&evs)
    }

    /// Upstream OpenAI bytes -> (parser, byte by byte) -> translator ->
    /// encoded -> parsed back (byte by byte): what an Anthropic client sees.
    fn o2a(wire: &[u8], step: usize) -> Vec<SseEvent> {
        let mut t = OpenAiToAnthropicStream::new("claude-sonnet-4-5");
        let mut out = Vec::new();
        for ev in parse_sse(wire, step) {
            out.extend(t.on_event(&ev).unwrap());
        }
        out.extend(t.finish());
        assert!(t.finish().is_empty(), "finish is idempotent");
        let back = parse_sse(&encode_all(&out), 1);
        assert_eq!(back, out, "translated events survive encoding");
        out
    }

    fn a2o(wire: &[u8], step: usize, include_usage: bool) -> Vec<SseEvent> {
        let mut t = AnthropicToOpenAiStream::new("gpt-4o", include_usage);
        let mut out = Vec::new();
        for ev in parse_sse(wire, step) {
            out.extend(t.on_event(&ev).unwrap());
        }
        out.extend(t.finish());
        assert!(t.finish().is_empty(), "finish is idempotent");
        let back = parse_sse(&encode_all(&out), 1);
        assert_eq!(back, out, "translated events survive encoding");
        out
    }

    fn datas(evs: &[SseEvent]) -> Vec<Value> {
        evs.iter()
            .filter(|e| e.data != "[DONE]")
            .map(|e| serde_json::from_str(&e.data).unwrap())
            .collect()
    }

    fn names(evs: &[SseEvent]) -> Vec<&str> {
        evs.iter().map(|e| e.event.as_deref().unwrap_or("")).collect()
    }

    /// Text an Anthropic client assembles from text_delta events.
    fn anthropic_text(evs: &[SseEvent]) -> String {
        datas(evs)
            .iter()
            .filter(|d| d["type"] == "content_block_delta" && d["delta"]["type"] == "text_delta")
            .map(|d| d["delta"]["text"].as_str().unwrap().to_string())
            .collect()
    }

    /// Text an OpenAI client assembles from delta.content.
    fn openai_text(evs: &[SseEvent]) -> String {
        datas(evs)
            .iter()
            .filter_map(|d| {
                d["choices"]
                    .get(0)
                    .and_then(|c| c["delta"]["content"].as_str())
                    .map(str::to_string)
            })
            .collect()
    }

    /// Splits `text` into pieces at char boundaries, sizes from `rng`.
    fn split_text(text: &str, rng: &mut Rng) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let n = (rng.below(6) as usize + 1).min(chars.len() - i);
            out.push(chars[i..i + n].iter().collect());
            i += n;
        }
        out
    }

    use crate::sse::tests::Rng;

    fn random_text(rng: &mut Rng, max: u64) -> String {
        let alphabet: Vec<char> = "abc XYZ\n\r\n\t:data: [DONE]{}\"\\é日本🎉\u{2028}".chars().collect();
        (0..rng.below(max) + 1)
            .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
            .collect()
    }

    fn openai_chunk(delta: Value, finish: Option<&str>) -> Value {
        json!({
            "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
            "object": "chat.completion.chunk",
            "created": 1_741_570_283u64,
            "model": "gpt-4o-2024-08-06",
            "system_fingerprint": "fp_eb9dce56a8",
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}],
            "usage": null,
        })
    }

    fn openai_usage_chunk(prompt: u64, completion: u64) -> Value {
        json!({
            "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
            "object": "chat.completion.chunk",
            "created": 1_741_570_283u64,
            "model": "gpt-4o-2024-08-06",
            "choices": [],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                      "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                      "completion_tokens_details": {"reasoning_tokens": 0}},
        })
    }

    /// An OpenAI stream of `pieces` of text.
    fn openai_text_stream(pieces: &[String], usage: bool, done: bool) -> Vec<u8> {
        let mut chunks = vec![openai_chunk(
            json!({"role": "assistant", "content": "", "refusal": null}),
            None,
        )];
        for p in pieces {
            chunks.push(openai_chunk(json!({"content": p}), None));
        }
        chunks.push(openai_chunk(json!({}), Some("stop")));
        if usage {
            chunks.push(openai_usage_chunk(19, 10));
        }
        openai_wire(&chunks, done)
    }

    /// An Anthropic stream of `pieces` of text.
    fn anthropic_text_stream(pieces: &[String]) -> Vec<u8> {
        let mut events = vec![
            json!({"type": "message_start", "message": {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant",
                "content": [], "model": "claude-sonnet-4-5-20250929", "stop_reason": null, "stop_sequence": null,
                "usage": {"input_tokens": 25, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1}}}),
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
            json!({"type": "ping"}),
        ];
        for p in pieces {
            events.push(json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": p}}));
        }
        events.push(json!({"type": "content_block_stop", "index": 0}));
        events.push(json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 15}}));
        events.push(json!({"type": "message_stop"}));
        anthropic_wire(&events)
    }

    const SECRET: &str = "SECRET-CONTENT-7731";

    fn assert_no_secret(e: &TranslateError) {
        assert!(!e.to_string().contains(SECRET), "{e}");
        assert!(!format!("{e:?}").contains(SECRET));
    }

    // -- Anthropic request -> OpenAI request ----------------------------------

    #[test]
    fn anthropic_request_full_fixture() {
        let req = json!({
            "model": "claude-sonnet-4-5",
            "max_tokens": 1024,
            "system": [
                {"type": "text", "text": "You are a helpful assistant."},
                {"type": "text", "text": "Answer briefly.", "cache_control": {"type": "ephemeral"}}
            ],
            "messages": [
                {"role": "user", "content": "What's the weather in Paris? Here is a photo."},
                {"role": "user", "content": [
                    {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                    {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
                    {"type": "text", "text": "Also this one."}
                ]},
                {"role": "assistant", "content": [
                    {"type": "thinking", "thinking": "Let me check.", "signature": "EqQBCgIYAhIM"},
                    {"type": "text", "text": "Let me look that up."},
                    {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"location": "Paris, France", "unit": "celsius"}},
                    {"type": "tool_use", "id": "toolu_02B", "name": "get_time", "input": {}}
                ]},
                {"role": "user", "content": [
                    {"type": "text", "text": "Here you go."},
                    {"type": "tool_result", "tool_use_id": "toolu_01A09q90qw90lq917835lq9", "content": "15 degrees"},
                    {"type": "tool_result", "tool_use_id": "toolu_02B", "is_error": false, "content": [
                        {"type": "text", "text": "14:02"},
                        {"type": "text", "text": "CET"},
                        {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}}
                    ]}
                ]}
            ],
            "tools": [
                {"name": "get_weather", "description": "Get the current weather", "input_schema": {
                    "type": "object", "properties": {"location": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                    "required": ["location"]}, "cache_control": {"type": "ephemeral"}},
                {"name": "get_time", "input_schema": {"type": "object", "properties": {}}}
            ],
            "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
            "metadata": {"user_id": "user-1234"},
            "stop_sequences": ["\n\nHuman:", "END"],
            "temperature": 0.7,
            "top_p": 0.9,
            "top_k": 40,
            "thinking": {"type": "enabled", "budget_tokens": 2000},
            "stream": true
        });
        let out = anthropic_to_openai_request(&req, "meta-llama/Llama-3.3-70B-Instruct").unwrap();
        let expected = json!({
            "model": "meta-llama/Llama-3.3-70B-Instruct",
            "messages": [
                {"role": "system", "content": "You are a helpful assistant.\n\nAnswer briefly."},
                {"role": "user", "content": "What's the weather in Paris? Here is a photo."},
                {"role": "user", "content": [
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                    {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
                    {"type": "text", "text": "Also this one."}
                ]},
                {"role": "assistant", "content": "Let me look that up.", "tool_calls": [
                    {"id": "toolu_01A09q90qw90lq917835lq9", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\":\"Paris, France\",\"unit\":\"celsius\"}"}},
                    {"id": "toolu_02B", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}
                ]},
                {"role": "tool", "tool_call_id": "toolu_01A09q90qw90lq917835lq9", "content": "15 degrees"},
                {"role": "tool", "tool_call_id": "toolu_02B", "content": "14:02\nCET"},
                {"role": "user", "content": [
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQ"}},
                    {"type": "text", "text": "Here you go."}
                ]}
            ],
            "max_tokens": 1024,
            "temperature": 0.7,
            "top_p": 0.9,
            "stop": ["\n\nHuman:", "END"],
            "stream": true,
            "stream_options": {"include_usage": true},
            "tools": [
                {"type": "function", "function": {"name": "get_weather", "description": "Get the current weather", "parameters": {
                    "type": "object", "properties": {"location": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                    "required": ["location"]}}},
                {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}
            ],
            "tool_choice": "required",
            "parallel_tool_calls": false,
            "user": "user-1234"
        });
        assert_eq!(out, expected);
    }

    #[test]
    fn anthropic_request_minimal_and_tool_only_assistant() {
        let req = json!({
            "model": "claude-haiku-4-5", "max_tokens": 50, "system": "Be terse.",
            "messages": [
                {"role": "user", "content": [{"type": "text", "text": "hi"}]},
                {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "f", "input": {"a": 1}}]},
                {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1"}]}
            ],
            "stream": false
        });
        let out = anthropic_to_openai_request(&req, "m").unwrap();
        assert_eq!(out["messages"][0], json!({"role": "system", "content": "Be terse."}));
        // A lone text block becomes a plain string.
        assert_eq!(out["messages"][1], json!({"role": "user", "content": "hi"}));
        assert_eq!(out["messages"][2]["content"], Value::Null);
        assert_eq!(
            out["messages"][2]["tool_calls"][0]["function"]["arguments"],
            "{\"a\":1}"
        );
        assert_eq!(
            out["messages"][3],
            json!({"role": "tool", "tool_call_id": "t1", "content": ""})
        );
        assert_eq!(out["messages"].as_array().unwrap().len(), 4);
        assert_eq!(out["stream"], false);
        assert!(out.get("stream_options").is_none());
        assert!(out.get("tools").is_none());
    }

    #[test]
    fn anthropic_tool_choice_variants() {
        let base = |choice: Value| json!({"model": "x", "max_tokens": 1, "messages": [{"role": "user", "content": "q"}], "tool_choice": choice});
        let tc = |choice: Value| anthropic_to_openai_request(&base(choice), "m").unwrap();
        assert_eq!(tc(json!({"type": "auto"}))["tool_choice"], "auto");
        assert_eq!(tc(json!({"type": "none"}))["tool_choice"], "none");
        assert_eq!(tc(json!({"type": "any"}))["tool_choice"], "required");
        let t = tc(json!({"type": "tool", "name": "get_weather"}));
        assert_eq!(
            t["tool_choice"],
            json!({"type": "function", "function": {"name": "get_weather"}})
        );
        assert!(t.get("parallel_tool_calls").is_none());
        assert!(anthropic_to_openai_request(&base(json!({"type": "tool"})), "m").is_err());
        assert!(anthropic_to_openai_request(&base(json!({"type": "bogus"})), "m").is_err());
    }

    #[test]
    fn anthropic_documents() {
        let req = json!({"model": "x", "max_tokens": 1, "messages": [{"role": "user", "content": [
            {"type": "document", "title": "report.pdf", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0x"}},
            {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "plain doc"}},
            {"type": "text", "text": "Summarise."}
        ]}]});
        let out = anthropic_to_openai_request(&req, "m").unwrap();
        assert_eq!(
            out["messages"][0]["content"],
            json!([
                {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}},
                {"type": "text", "text": "plain doc"},
                {"type": "text", "text": "Summarise."}
            ])
        );
    }

    #[test]
    fn anthropic_request_errors_name_the_problem_only() {
        let cases = [
            json!({"max_tokens": 1}),
            json!("not an object"),
            json!({"messages": [{"role": "system", "content": SECRET}]}),
            json!({"messages": [{"role": "user", "content": 5}]}),
            json!({"messages": [{"role": "user", "content": [{"type": "search_result", "source": SECRET}]}]}),
            json!({"messages": [{"role": "user", "content": [{"type": "image", "source": {"type": "file", "file_id": SECRET}}]}]}),
            json!({"messages": [{"role": "user", "content": [{"type": "tool_result", "content": SECRET}]}]}),
            json!({"messages": [], "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 5}]}),
            json!({"messages": [], "system": [{"type": "image", "text": SECRET}]}),
            json!({"messages": [{"role": "assistant", "content": [{"type": "server_tool_use", "id": SECRET}]}]}),
        ];
        for c in cases {
            let e = anthropic_to_openai_request(&c, "m").unwrap_err();
            assert_no_secret(&e);
        }
    }

    // -- OpenAI response -> Anthropic response --------------------------------

    #[test]
    fn openai_response_with_text_and_tool_calls() {
        let resp = json!({
            "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
            "object": "chat.completion",
            "created": 1_741_569_952u64,
            "model": "gpt-4o-2024-08-06",
            "choices": [{
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "I'll check both.",
                    "refusal": null,
                    "annotations": [],
                    "tool_calls": [
                        {"id": "call_abc123", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\": \"Boston, MA\"}"}},
                        {"id": "call_def456", "type": "function", "function": {"name": "get_time", "arguments": ""}}
                    ]
                },
                "logprobs": null,
                "finish_reason": "tool_calls"
            }],
            "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99,
                      "prompt_tokens_details": {"cached_tokens": 64, "audio_tokens": 0},
                      "completion_tokens_details": {"reasoning_tokens": 0}},
            "service_tier": "default",
            "system_fingerprint": "fp_fc9f1d7035"
        });
        let out = openai_to_anthropic_response(&resp, "claude-sonnet-4-5").unwrap();
        assert_eq!(
            out,
            json!({
                "id": "msg_B9MBs8CjcvOU2jLn4n570S5qMJKcT",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-5",
                "content": [
                    {"type": "text", "text": "I'll check both."},
                    {"type": "tool_use", "id": "call_abc123", "name": "get_weather", "input": {"location": "Boston, MA"}},
                    {"type": "tool_use", "id": "call_def456", "name": "get_time", "input": {}}
                ],
                "stop_reason": "tool_use",
                "stop_sequence": null,
                "usage": {"input_tokens": 18, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 64, "output_tokens": 17}
            })
        );
    }

    #[test]
    fn openai_response_finish_reasons() {
        let resp = |finish: &str, tools: bool| {
            let mut message = json!({"role": "assistant", "content": "x"});
            if tools {
                message["tool_calls"] =
                    json!([{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]);
            }
            json!({"id": "chatcmpl-1", "choices": [{"index": 0, "message": message, "finish_reason": finish}], "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}})
        };
        let stop = |finish: &str, tools: bool| {
            openai_to_anthropic_response(&resp(finish, tools), "m").unwrap()["stop_reason"].clone()
        };
        assert_eq!(stop("stop", false), "end_turn");
        assert_eq!(stop("length", false), "max_tokens");
        assert_eq!(stop("tool_calls", true), "tool_use");
        assert_eq!(stop("content_filter", false), "refusal");
        // Some servers say "stop" after tool calls.
        assert_eq!(stop("stop", true), "tool_use");
        let r = openai_to_anthropic_response(&resp("stop", false), "m").unwrap();
        assert_eq!(
            r["usage"],
            json!({"input_tokens": 1, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 2})
        );
    }

    #[test]
    fn openai_response_vllm_stop_string_and_refusal() {
        let resp = json!({"id": "chatcmpl-9", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"},
            "finish_reason": "stop", "stop_reason": "END"}]});
        let out = openai_to_anthropic_response(&resp, "m").unwrap();
        assert_eq!(out["stop_reason"], "stop_sequence");
        assert_eq!(out["stop_sequence"], "END");
        // vLLM's integer stop_reason (a stop token id) is a normal end.
        let resp = json!({"id": "chatcmpl-9", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"},
            "finish_reason": "stop", "stop_reason": 128_009}]});
        assert_eq!(
            openai_to_anthropic_response(&resp, "m").unwrap()["stop_reason"],
            "end_turn"
        );

        let resp = json!({"id": "chatcmpl-9", "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
            "refusal": "I can't help with that."}, "finish_reason": "stop"}]});
        let out = openai_to_anthropic_response(&resp, "m").unwrap();
        assert_eq!(out["stop_reason"], "refusal");
        assert_eq!(
            out["content"],
            json!([{"type": "text", "text": "I can't help with that."}])
        );
    }

    #[test]
    fn openai_response_errors() {
        assert!(openai_to_anthropic_response(&json!({"choices": []}), "m").is_err());
        assert!(openai_to_anthropic_response(&json!([]), "m").is_err());
        let bad_args = json!({"choices": [{"message": {"role": "assistant", "tool_calls": [
            {"id": "c", "type": "function", "function": {"name": "f", "arguments": format!("{{\"a\": \"{SECRET}")}}]}, "finish_reason": "tool_calls"}]});
        assert_no_secret(&openai_to_anthropic_response(&bad_args, "m").unwrap_err());
        // No id, no usage, empty content: still a valid message.
        let out = openai_to_anthropic_response(
            &json!({"choices": [{"message": {"role": "assistant", "content": ""}, "finish_reason": "stop"}]}),
            "m",
        )
        .unwrap();
        assert!(out["id"].as_str().unwrap().starts_with("msg_"));
        assert_eq!(out["content"], json!([]));
        assert_eq!(out["usage"]["output_tokens"], 0);
    }

    // -- OpenAI request -> Anthropic request ----------------------------------

    #[test]
    fn openai_request_full_fixture() {
        let req = json!({
            "model": "gpt-4o",
            "messages": [
                {"role": "developer", "content": "You are a helpful assistant."},
                {"role": "system", "content": [{"type": "text", "text": "Use metric units."}]},
                {"role": "user", "content": [
                    {"type": "text", "text": "What's in this image, and what's the weather there?"},
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQSkZJRg==", "detail": "high"}},
                    {"type": "image_url", "image_url": {"url": "https://upload.wikimedia.org/boardwalk.jpg"}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "call_abc123", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\":\"Madison, WI\"}"}},
                    {"id": "call.def:456", "type": "function", "function": {"name": "get_time", "arguments": ""}}
                ]},
                {"role": "tool", "tool_call_id": "call_abc123", "content": "{\"temp\": 22}"},
                {"role": "tool", "tool_call_id": "call.def:456", "content": [{"type": "text", "text": "09:00"}]},
                {"role": "user", "content": "Thanks! Summarise."},
                {"role": "assistant", "content": "Sure: "}
            ],
            "max_completion_tokens": 512,
            "max_tokens": 100,
            "temperature": 1.4,
            "top_p": 0.95,
            "n": 1,
            "stop": "###",
            "stream": true,
            "stream_options": {"include_usage": true},
            "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Get weather", "parameters": {
                "type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}, "strict": true}},
                {"type": "function", "function": {"name": "get_time"}}],
            "tool_choice": "required",
            "parallel_tool_calls": false,
            "user": "user-42",
            "response_format": {"type": "text"},
            "seed": 7,
            "logprobs": false
        });
        let out = openai_to_anthropic_request(&req, "claude-sonnet-4-5").unwrap();
        let expected = json!({
            "model": "claude-sonnet-4-5",
            "max_tokens": 512,
            "system": "You are a helpful assistant.\n\nUse metric units.",
            "messages": [
                {"role": "user", "content": [
                    {"type": "text", "text": "What's in this image, and what's the weather there?"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQSkZJRg=="}},
                    {"type": "image", "source": {"type": "url", "url": "https://upload.wikimedia.org/boardwalk.jpg"}}
                ]},
                {"role": "assistant", "content": [
                    {"type": "tool_use", "id": "call_abc123", "name": "get_weather", "input": {"location": "Madison, WI"}},
                    {"type": "tool_use", "id": "call_def_456", "name": "get_time", "input": {}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "call_abc123", "content": "{\"temp\": 22}"},
                    {"type": "tool_result", "tool_use_id": "call_def_456", "content": [{"type": "text", "text": "09:00"}]},
                    {"type": "text", "text": "Thanks! Summarise."}
                ]},
                // Prefill: trailing whitespace removed (Anthropic rejects it).
                {"role": "assistant", "content": "Sure:"}
            ],
            "temperature": 1.0,
            "top_p": 0.95,
            "stop_sequences": ["###"],
            "stream": true,
            "tools": [
                {"name": "get_weather", "description": "Get weather", "input_schema": {
                    "type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}, "strict": true},
                {"name": "get_time", "input_schema": {"type": "object", "properties": {}}}
            ],
            "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
            "metadata": {"user_id": "user-42"}
        });
        assert_eq!(out, expected);
    }

    #[test]
    fn openai_request_defaults_and_merging() {
        let req = json!({"model": "gpt-4o", "messages": [
            {"role": "user", "content": "one"},
            {"role": "user", "content": [{"type": "text", "text": "two"}]},
            {"role": "assistant", "content": "a"},
            {"role": "assistant", "content": [{"type": "text", "text": "b"}, {"type": "refusal", "refusal": "c"}]},
            {"role": "user", "content": ""},
            {"role": "user", "content": "last"}
        ], "stop": ["a", "b"], "max_tokens": 77});
        let out = openai_to_anthropic_request(&req, "claude").unwrap();
        assert_eq!(out["max_tokens"], 77);
        assert_eq!(out["stop_sequences"], json!(["a", "b"]));
        assert_eq!(
            out["messages"],
            json!([
                {"role": "user", "content": [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}]},
                {"role": "assistant", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "bc"}]},
                {"role": "user", "content": "last"}
            ])
        );
        assert!(out.get("system").is_none());
        assert!(out.get("stream").is_none());
        let out = openai_to_anthropic_request(&json!({"messages": [{"role": "user", "content": "x"}]}), "c").unwrap();
        assert_eq!(out["max_tokens"], DEFAULT_MAX_TOKENS);
    }

    #[test]
    fn openai_tool_result_before_text_even_if_out_of_order() {
        let req = json!({"messages": [
            {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
            {"role": "user", "content": "note"},
            {"role": "tool", "tool_call_id": "c1", "content": "r"}
        ]});
        let out = openai_to_anthropic_request(&req, "c").unwrap();
        assert_eq!(out["messages"][1]["content"][0]["type"], "tool_result");
        assert_eq!(out["messages"][1]["content"][1]["type"], "text");
    }

    #[test]
    fn openai_tool_choice_variants() {
        let base = |choice: Value, parallel: Option<bool>| {
            let mut r = json!({"messages": [{"role": "user", "content": "q"}], "tool_choice": choice,
                "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}]});
            if let Some(p) = parallel {
                r["parallel_tool_calls"] = json!(p);
            }
            r
        };
        let tc = |choice: Value, parallel: Option<bool>| {
            openai_to_anthropic_request(&base(choice, parallel), "c").unwrap()["tool_choice"].clone()
        };
        assert_eq!(tc(json!("auto"), None), json!({"type": "auto"}));
        assert_eq!(tc(json!("none"), Some(false)), json!({"type": "none"}));
        assert_eq!(tc(json!("required"), Some(true)), json!({"type": "any"}));
        assert_eq!(
            tc(json!({"type": "function", "function": {"name": "f"}}), None),
            json!({"type": "tool", "name": "f"})
        );
        assert_eq!(
            tc(Value::Null, Some(false)),
            json!({"type": "auto", "disable_parallel_tool_use": true})
        );
        assert!(
            openai_to_anthropic_request(&base(json!({"type": "allowed_tools", "allowed_tools": {}}), None), "c")
                .is_err()
        );
        assert!(openai_to_anthropic_request(&base(json!("sometimes"), None), "c").is_err());
    }

    #[test]
    fn openai_file_parts_and_safety_identifier() {
        let req = json!({"messages": [{"role": "user", "content": [
            {"type": "file", "file": {"filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}},
            {"type": "text", "text": "Summarise"}
        ]}], "safety_identifier": "hash-1"});
        let out = openai_to_anthropic_request(&req, "c").unwrap();
        assert_eq!(
            out["messages"][0]["content"][0],
            json!({"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0x"}, "title": "a.pdf"})
        );
        assert_eq!(out["metadata"], json!({"user_id": "hash-1"}));
    }

    #[test]
    fn openai_request_errors_name_the_problem_only() {
        let cases = [
            json!({"messages": [{"role": "user", "content": SECRET}], "n": 2}),
            json!({"messages": SECRET}),
            json!({"messages": [{"role": "function", "name": "f", "content": SECRET}]}),
            json!({"messages": [{"role": "wizard", "content": SECRET}]}),
            json!({"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": SECRET, "format": "wav"}}]}]}),
            json!({"messages": [{"role": "user", "content": [{"type": "file", "file": {"file_id": SECRET}}]}]}),
            json!({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": format!("data:image/png,{SECRET}")}}]}]}),
            json!({"messages": [{"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": SECRET}}]}]}),
            json!({"messages": [{"role": "tool", "content": SECRET}]}),
            json!({"messages": [], "tools": [{"type": "custom", "custom": {"name": SECRET}}]}),
        ];
        for c in cases {
            let e = openai_to_anthropic_request(&c, "c").unwrap_err();
            assert_no_secret(&e);
        }
        assert_eq!(
            openai_to_anthropic_request(&json!({"messages": [], "n": 3}), "c").unwrap_err(),
            TranslateError::Unsupported("n greater than 1")
        );
    }

    // -- Anthropic response -> OpenAI response --------------------------------

    #[test]
    fn anthropic_response_with_tool_use() {
        let resp = json!({
            "id": "msg_01Aq9w938a90dw8q",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5-20250929",
            "content": [
                {"type": "thinking", "thinking": "hmm", "signature": "sig"},
                {"type": "text", "text": "I'll check the weather "},
                {"type": "text", "text": "for you."},
                {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"location": "San Francisco, CA", "unit": "celsius"}}
            ],
            "stop_reason": "tool_use",
            "stop_sequence": null,
            "usage": {"input_tokens": 100, "cache_creation_input_tokens": 20, "cache_read_input_tokens": 300, "output_tokens": 50}
        });
        let out = anthropic_to_openai_response(&resp, "gpt-4o").unwrap();
        assert!(out["created"].as_u64().unwrap() > 1_700_000_000);
        let mut out = out;
        out["created"] = json!(0);
        assert_eq!(
            out,
            json!({
                "id": "chatcmpl-01Aq9w938a90dw8q",
                "object": "chat.completion",
                "created": 0,
                "model": "gpt-4o",
                "choices": [{
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "I'll check the weather for you.",
                        "refusal": null,
                        "tool_calls": [{"id": "toolu_01A09q90qw90lq917835lq9", "type": "function",
                            "function": {"name": "get_weather", "arguments": "{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}"}}]
                    },
                    "logprobs": null,
                    "finish_reason": "tool_calls"
                }],
                "usage": {"prompt_tokens": 420, "completion_tokens": 50, "total_tokens": 470, "prompt_tokens_details": {"cached_tokens": 300}}
            })
        );
    }

    #[test]
    fn anthropic_response_stop_reasons_and_null_content() {
        let resp = |stop: Value, content: Value| {
            json!({"id": "msg_1", "type": "message", "role": "assistant", "content": content, "stop_reason": stop,
                   "usage": {"input_tokens": 1, "output_tokens": 1}})
        };
        let fin = |stop: &str| {
            anthropic_to_openai_response(&resp(json!(stop), json!([])), "m").unwrap()["choices"][0]["finish_reason"]
                .clone()
        };
        assert_eq!(fin("end_turn"), "stop");
        assert_eq!(fin("stop_sequence"), "stop");
        assert_eq!(fin("max_tokens"), "length");
        assert_eq!(fin("tool_use"), "tool_calls");
        assert_eq!(fin("refusal"), "content_filter");
        let out = anthropic_to_openai_response(
            &resp(
                json!("tool_use"),
                json!([{"type": "tool_use", "id": "t", "name": "f", "input": {}}]),
            ),
            "m",
        )
        .unwrap();
        assert_eq!(out["choices"][0]["message"]["content"], Value::Null);
        assert!(anthropic_to_openai_response(&json!({"type": "message"}), "m").is_err());
    }

    #[test]
    fn request_round_trip_anthropic_openai_anthropic() {
        let original = json!({
            "model": "claude-sonnet-4-5",
            "max_tokens": 1000,
            "system": "Be kind.",
            "messages": [
                {"role": "user", "content": [
                    {"type": "text", "text": "Look:"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/webp", "data": "UklGRg=="}}
                ]},
                {"role": "assistant", "content": [
                    {"type": "text", "text": "Checking."},
                    {"type": "tool_use", "id": "toolu_1", "name": "lookup", "input": {"q": "x", "n": [1, 2]}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": "found"},
                    {"type": "text", "text": "And?"}
                ]}
            ],
            "stop_sequences": ["STOP"],
            "temperature": 0.5,
            "stream": true,
            "tools": [{"name": "lookup", "description": "Look up", "input_schema": {"type": "object", "properties": {"q": {"type": "string"}}}}],
            "tool_choice": {"type": "tool", "name": "lookup"},
            "metadata": {"user_id": "u1"}
        });
        let openai = anthropic_to_openai_request(&original, "gpt-4o").unwrap();
        let back = openai_to_anthropic_request(&openai, "claude-sonnet-4-5").unwrap();
        assert_eq!(back["system"], original["system"]);
        assert_eq!(back["messages"], original["messages"]);
        for key in [
            "model",
            "max_tokens",
            "stop_sequences",
            "temperature",
            "stream",
            "tools",
            "tool_choice",
            "metadata",
        ] {
            assert_eq!(back[key], original[key], "{key}");
        }
    }

    // -- Error bodies --------------------------------------------------------

    #[test]
    fn error_bodies_openai_to_anthropic() {
        let body = json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}});
        assert_eq!(
            openai_error_to_anthropic(401, &body),
            json!({"type": "error", "error": {"type": "authentication_error", "message": "Incorrect API key provided"}})
        );
        let ty = |status: u16| openai_error_to_anthropic(status, &Value::Null)["error"]["type"].clone();
        assert_eq!(ty(400), "invalid_request_error");
        assert_eq!(ty(403), "permission_error");
        assert_eq!(ty(404), "not_found_error");
        assert_eq!(ty(413), "request_too_large");
        assert_eq!(ty(422), "invalid_request_error");
        assert_eq!(ty(429), "rate_limit_error");
        assert_eq!(ty(500), "api_error");
        assert_eq!(ty(503), "api_error");
        assert_eq!(ty(529), "overloaded_error");
        assert_eq!(
            openai_error_to_anthropic(502, &Value::Null)["error"]["message"],
            "upstream returned HTTP status 502"
        );
        // vLLM and FastAPI shapes.
        let vllm = json!({"object": "error", "message": "max_tokens is too large", "type": "BadRequestError", "param": null, "code": 400});
        assert_eq!(
            openai_error_to_anthropic(400, &vllm)["error"]["message"],
            "max_tokens is too large"
        );
        assert_eq!(
            openai_error_to_anthropic(404, &json!({"detail": "Not Found"}))["error"]["message"],
            "Not Found"
        );
        assert_eq!(
            openai_error_to_anthropic(500, &json!({"error": "boom"}))["error"]["message"],
            "boom"
        );
    }

    #[test]
    fn error_bodies_anthropic_to_openai() {
        let body = json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}, "request_id": "req_1"});
        assert_eq!(
            anthropic_error_to_openai(529, &body),
            json!({"error": {"message": "Overloaded", "type": "server_error", "param": null, "code": "overloaded_error"}})
        );
        let body = json!({"type": "error", "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"}});
        assert_eq!(
            anthropic_error_to_openai(400, &body)["error"]["type"],
            "invalid_request_error"
        );
        let ty = |status: u16| anthropic_error_to_openai(status, &Value::Null)["error"].clone();
        assert_eq!(ty(401)["type"], "authentication_error");
        assert_eq!(ty(401)["code"], "authentication_error");
        assert_eq!(ty(403)["type"], "permission_error");
        assert_eq!(ty(404)["type"], "invalid_request_error");
        assert_eq!(ty(429)["type"], "rate_limit_error");
        assert_eq!(ty(500)["type"], "server_error");
        assert_eq!(ty(500)["message"], "upstream returned HTTP status 500");
    }

    // -- Streams: OpenAI -> Anthropic -------------------------------------------

    #[test]
    fn openai_stream_text_and_tools_bytewise() {
        let chunks = vec![
            openai_chunk(json!({"role": "assistant", "content": "", "refusal": null}), None),
            openai_chunk(json!({"content": "Let me "}), None),
            openai_chunk(json!({"content": "check."}), None),
            openai_chunk(
                json!({"tool_calls": [{"index": 0, "id": "call_DdmO9pD3xa9XTPNJ32zg2hcA", "type": "function",
                "function": {"name": "get_weather", "arguments": ""}}]}),
                None,
            ),
            openai_chunk(
                json!({"tool_calls": [{"index": 0, "function": {"arguments": "{\"location\""}}]}),
                None,
            ),
            openai_chunk(
                json!({"tool_calls": [{"index": 0, "function": {"arguments": ": \"Paris, Fr"}}]}),
                None,
            ),
            openai_chunk(
                json!({"tool_calls": [{"index": 0, "function": {"arguments": "ance\"}"}}]}),
                None,
            ),
            openai_chunk(
                json!({"tool_calls": [{"index": 1, "id": "call_2", "type": "function",
                "function": {"name": "get_time", "arguments": "{}"}}]}),
                None,
            ),
            openai_chunk(json!({}), Some("tool_calls")),
            openai_usage_chunk(120, 40),
        ];
        let wire = openai_wire(&chunks, true);
        let out = o2a(&wire, 1);
        assert_eq!(
            names(&out),
            vec![
                "message_start",
                "content_block_start",
                "content_block_delta",
                "content_block_delta",
                "content_block_stop",
                "content_block_start",
                "content_block_delta",
                "content_block_delta",
                "content_block_delta",
                "content_block_stop",
                "content_block_start",
                "content_block_delta",
                "content_block_stop",
                "message_delta",
                "message_stop",
            ]
        );
        let d = datas(&out);
        assert_eq!(d[0]["message"]["id"], "msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
        assert_eq!(d[0]["message"]["model"], "claude-sonnet-4-5");
        assert_eq!(d[0]["message"]["usage"]["input_tokens"], 0);
        assert_eq!(
            d[1],
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
        );
        assert_eq!(anthropic_text(&out), "Let me check.");
        assert_eq!(
            d[5],
            json!({"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "call_DdmO9pD3xa9XTPNJ32zg2hcA", "name": "get_weather", "input": {}}})
        );
        let args: String = d[6..9]
            .iter()
            .map(|e| e["delta"]["partial_json"].as_str().unwrap())
            .collect();
        assert_eq!(
            serde_json::from_str::<Value>(&args).unwrap(),
            json!({"location": "Paris, France"})
        );
        assert_eq!(d[10]["content_block"]["name"], "get_time");
        assert_eq!(d[10]["index"], 2);
        assert_eq!(d[12], json!({"type": "content_block_stop", "index": 2}));
        assert_eq!(
            d[13],
            json!({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null},
                   "usage": {"input_tokens": 120, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 40}})
        );
        assert_eq!(d[14], json!({"type": "message_stop"}));
        // Same result whatever the chunking.
        for step in [2, 3, 7, 64, wire.len()] {
            assert_eq!(o2a(&wire, step), out, "step {step}");
        }
    }

    #[test]
    fn openai_stream_finish_before_usage_waits_for_usage() {
        let mut t = OpenAiToAnthropicStream::new("claude");
        let ev = |v: Value| SseEvent::data(v.to_string());
        let out = t
            .on_event(&ev(openai_chunk(json!({"role": "assistant", "content": "Hi"}), None)))
            .unwrap();
        assert_eq!(
            names(&out),
            vec!["message_start", "content_block_start", "content_block_delta"]
        );
        let out = t.on_event(&ev(openai_chunk(json!({}), Some("stop")))).unwrap();
        assert_eq!(names(&out), vec!["content_block_stop"]);
        let out = t.on_event(&ev(openai_usage_chunk(9, 3))).unwrap();
        assert_eq!(names(&out), vec!["message_delta", "message_stop"]);
        assert_eq!(datas(&out)[0]["usage"]["output_tokens"], 3);
        assert_eq!(datas(&out)[0]["delta"]["stop_reason"], "end_turn");
        assert!(t.on_event(&SseEvent::data("[DONE]")).unwrap().is_empty());
        assert!(t.finish().is_empty());
    }

    #[test]
    fn openai_stream_usage_in_finish_chunk() {
        let mut finish = openai_chunk(json!({}), Some("length"));
        finish["usage"] = json!({"prompt_tokens": 5, "completion_tokens": 100, "total_tokens": 105});
        let wire = openai_wire(
            &[
                openai_chunk(json!({"content": "abc"}), None),
                finish,
                openai_usage_chunk(5, 100),
            ],
            true,
        );
        let out = o2a(&wire, 5);
        let d = datas(&out);
        assert_eq!(names(&out).iter().filter(|n| **n == "message_stop").count(), 1);
        let delta = d.iter().find(|e| e["type"] == "message_delta").unwrap();
        assert_eq!(delta["delta"]["stop_reason"], "max_tokens");
        assert_eq!(delta["usage"]["output_tokens"], 100);
    }

    #[test]
    fn openai_stream_without_done_or_usage() {
        // finish_reason, then the connection closes: no usage, no [DONE].
        let wire = openai_text_stream(&["Hello".into(), " world".into()], false, false);
        let out = o2a(&wire, 1);
        assert_eq!(anthropic_text(&out), "Hello world");
        let n = names(&out);
        assert_eq!(
            &n[n.len() - 3..],
            &["content_block_stop", "message_delta", "message_stop"]
        );
        assert_eq!(datas(&out).last().unwrap(), &json!({"type": "message_stop"}));
        let delta = &datas(&out)[datas(&out).len() - 2];
        assert_eq!(delta["usage"], json!({"output_tokens": 0}));

        // Usage but no [DONE].
        let out = o2a(&openai_text_stream(&["x".into()], true, false), 1);
        assert_eq!(names(&out).last(), Some(&"message_stop"));

        // [DONE] with no usage.
        let out = o2a(&openai_text_stream(&["x".into()], false, true), 1);
        assert_eq!(names(&out).last(), Some(&"message_stop"));
    }

    #[test]
    fn openai_stream_done_without_finish_reason() {
        let wire = openai_wire(&[openai_chunk(json!({"content": "partial"}), None)], true);
        let out = o2a(&wire, 1);
        let d = datas(&out);
        assert_eq!(d[d.len() - 2]["delta"]["stop_reason"], "end_turn");
        assert_eq!(names(&out).last(), Some(&"message_stop"));
    }

    #[test]
    fn openai_stream_truncated_ends_with_error() {
        let wire = openai_wire(&[openai_chunk(json!({"content": "partial"}), None)], false);
        let out = o2a(&wire, 1);
        assert_eq!(names(&out).last(), Some(&"error"));
        assert_eq!(datas(&out).last().unwrap()["error"]["type"], "api_error");
        // Nothing at all.
        let mut t = OpenAiToAnthropicStream::new("c");
        assert_eq!(names(&t.finish()), vec!["error"]);
        assert!(t.finish().is_empty());
    }

    #[test]
    fn openai_stream_error_chunk() {
        let mut t = OpenAiToAnthropicStream::new("c");
        t.on_event(&SseEvent::data(openai_chunk(json!({"content": "a"}), None).to_string()))
            .unwrap();
        let err = json!({"error": {"message": "Rate limit reached", "type": "requests", "param": null, "code": "rate_limit_exceeded"}});
        let out = t.on_event(&SseEvent::data(err.to_string())).unwrap();
        assert_eq!(names(&out), vec!["error"]);
        assert_eq!(
            datas(&out)[0],
            json!({"type": "error", "error": {"type": "rate_limit_error", "message": "Rate limit reached"}})
        );
        assert!(t.on_event(&SseEvent::data("[DONE]")).unwrap().is_empty());
        assert!(t.finish().is_empty());
        // vLLM puts the HTTP status in code.
        let mut t = OpenAiToAnthropicStream::new("c");
        let out = t
            .on_event(&SseEvent::data(
                json!({"error": {"message": "m", "type": "BadRequestError", "code": 400}}).to_string(),
            ))
            .unwrap();
        assert_eq!(datas(&out)[0]["error"]["type"], "invalid_request_error");
    }

    #[test]
    fn openai_stream_bad_json_is_an_error_without_content() {
        let mut t = OpenAiToAnthropicStream::new("c");
        let e = t
            .on_event(&SseEvent::data(format!("{{\"choices\": [{SECRET}")))
            .unwrap_err();
        assert_no_secret(&e);
    }

    #[test]
    fn openai_stream_interleaved_tool_calls_rejected() {
        let mut t = OpenAiToAnthropicStream::new("c");
        let ev = |v: Value| SseEvent::data(openai_chunk(v, None).to_string());
        t.on_event(&ev(
            json!({"tool_calls": [{"index": 0, "id": "a", "function": {"name": "f", "arguments": "{"}}]}),
        ))
        .unwrap();
        t.on_event(&ev(
            json!({"tool_calls": [{"index": 1, "id": "b", "function": {"name": "g", "arguments": "{"}}]}),
        ))
        .unwrap();
        assert!(t
            .on_event(&ev(
                json!({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]})
            ))
            .is_err());
    }

    #[test]
    fn openai_stream_tool_calls_without_index_and_stop_finish() {
        // Some servers send whole calls without `index` and finish with "stop".
        let chunks = vec![
            openai_chunk(
                json!({"tool_calls": [{"id": "a", "type": "function", "function": {"name": "f", "arguments": "{\"x\":1}"}}]}),
                None,
            ),
            openai_chunk(
                json!({"tool_calls": [{"id": "b", "type": "function", "function": {"name": "g", "arguments": "{}"}}]}),
                None,
            ),
            openai_chunk(json!({}), Some("stop")),
        ];
        let out = o2a(&openai_wire(&chunks, true), 1);
        let d = datas(&out);
        let starts: Vec<&Value> = d.iter().filter(|e| e["type"] == "content_block_start").collect();
        assert_eq!(starts.len(), 2);
        assert_eq!(starts[0]["content_block"]["id"], "a");
        assert_eq!(starts[1]["content_block"]["id"], "b");
        assert_eq!(
            d.iter().find(|e| e["type"] == "message_delta").unwrap()["delta"]["stop_reason"],
            "tool_use"
        );
    }

    #[test]
    fn openai_stream_vllm_stop_sequence_and_other_choices_ignored() {
        let mut fin = openai_chunk(json!({}), Some("stop"));
        fin["choices"][0]["stop_reason"] = json!("</answer>");
        let mut other = openai_chunk(json!({"content": "other choice"}), None);
        other["choices"][0]["index"] = json!(1);
        let out = o2a(
            &openai_wire(&[openai_chunk(json!({"content": "a"}), None), other, fin], true),
            3,
        );
        assert_eq!(anthropic_text(&out), "a");
        let d = datas(&out);
        let delta = d.iter().find(|e| e["type"] == "message_delta").unwrap();
        assert_eq!(
            delta["delta"],
            json!({"stop_reason": "stop_sequence", "stop_sequence": "</answer>"})
        );
    }

    // -- Streams: Anthropic -> OpenAI -------------------------------------------

    fn anthropic_tool_stream() -> Vec<u8> {
        anthropic_wire(&[
            json!({"type": "message_start", "message": {"id": "msg_014p7gG3wDgGV9EUtLvnow3U", "type": "message", "role": "assistant",
                "model": "claude-sonnet-4-5-20250929", "stop_sequence": null, "content": [], "stop_reason": null,
                "usage": {"input_tokens": 472, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 100, "output_tokens": 2}}}),
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": "", "signature": ""}}),
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Let me think"}}),
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "EqQB"}}),
            json!({"type": "content_block_stop", "index": 0}),
            json!({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}),
            json!({"type": "ping"}),
            json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Okay, let's check"}}),
            json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": " the weather."}}),
            json!({"type": "content_block_stop", "index": 1}),
            json!({"type": "content_block_start", "index": 2, "content_block": {"type": "tool_use", "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "name": "get_weather", "input": {}}}),
            json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": ""}}),
            json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "{\"location\":"}}),
            json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": " \"San Francisco, CA\"}"}}),
            json!({"type": "content_block_stop", "index": 2}),
            json!({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null}, "usage": {"output_tokens": 89}}),
            json!({"type": "message_stop"}),
        ])
    }

    #[test]
    fn anthropic_stream_text_and_tools_bytewise() {
        let wire = anthropic_tool_stream();
        let out = a2o(&wire, 1, true);
        assert_eq!(out.last().unwrap(), &SseEvent::data("[DONE]"));
        assert!(out.iter().all(|e| e.event.is_none()));
        let d = datas(&out);
        for c in &d {
            assert_eq!(c["id"], "chatcmpl-014p7gG3wDgGV9EUtLvnow3U");
            assert_eq!(c["object"], "chat.completion.chunk");
            assert_eq!(c["model"], "gpt-4o");
        }
        assert_eq!(d[0]["choices"][0]["delta"], json!({"role": "assistant", "content": ""}));
        assert_eq!(d[0]["usage"], Value::Null);
        assert!(d[0].as_object().unwrap().contains_key("usage"));
        assert_eq!(openai_text(&out), "Okay, let's check the weather.");
        let tool_deltas: Vec<&Value> = d
            .iter()
            .filter_map(|c| c["choices"].get(0).and_then(|ch| ch["delta"].get("tool_calls")))
            .collect();
        assert_eq!(
            tool_deltas[0],
            &json!([{"index": 0, "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "type": "function", "function": {"name": "get_weather", "arguments": ""}}])
        );
        let args: String = tool_deltas[1..]
            .iter()
            .map(|t| t[0]["function"]["arguments"].as_str().unwrap())
            .collect();
        assert_eq!(
            serde_json::from_str::<Value>(&args).unwrap(),
            json!({"location": "San Francisco, CA"})
        );
        assert_eq!(tool_deltas.len(), 3, "empty partial_json is skipped");
        let fin = &d[d.len() - 2];
        assert_eq!(fin["choices"][0]["finish_reason"], "tool_calls");
        assert_eq!(fin["choices"][0]["delta"], json!({}));
        let usage = &d[d.len() - 1];
        assert_eq!(usage["choices"], json!([]));
        assert_eq!(
            usage["usage"],
            json!({"prompt_tokens": 572, "completion_tokens": 89, "total_tokens": 661, "prompt_tokens_details": {"cached_tokens": 100}})
        );
        for step in [2, 5, 13, wire.len()] {
            assert_eq!(datas(&a2o(&wire, step, true)).len(), d.len(), "step {step}");
        }
    }

    #[test]
    fn anthropic_stream_without_usage_option() {
        let out = a2o(&anthropic_text_stream(&["Hi".into(), " there".into()]), 1, false);
        let d = datas(&out);
        assert!(d.iter().all(|c| c.get("usage").is_none()));
        assert!(d.iter().all(|c| !c["choices"].as_array().unwrap().is_empty()));
        assert_eq!(d.last().unwrap()["choices"][0]["finish_reason"], "stop");
        assert_eq!(openai_text(&out), "Hi there");
        assert_eq!(out.last().unwrap().data, "[DONE]");
        assert_eq!(out.iter().filter(|e| e.data == "[DONE]").count(), 1);
    }

    #[test]
    fn anthropic_stream_error_event() {
        let wire = anthropic_wire(&[
            json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 1, "output_tokens": 1}}}),
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hel"}}),
            json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
        ]);
        let out = a2o(&wire, 1, true);
        assert_eq!(out.last().unwrap().data, "[DONE]");
        let d = datas(&out);
        assert_eq!(
            d.last().unwrap(),
            &json!({"error": {"message": "Overloaded", "type": "server_error", "param": null, "code": "overloaded_error"}})
        );
        assert_eq!(openai_text(&out), "Hel");
    }

    #[test]
    fn anthropic_stream_missing_message_stop_and_truncation() {
        // message_delta then EOF: finish sends usage and [DONE].
        let wire = anthropic_wire(&[
            json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 3, "output_tokens": 1}}}),
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}}),
            json!({"type": "message_delta", "delta": {"stop_reason": "max_tokens"}, "usage": {"output_tokens": 1}}),
        ]);
        let out = a2o(&wire, 1, true);
        let d = datas(&out);
        assert_eq!(d[d.len() - 2]["choices"][0]["finish_reason"], "length");
        assert_eq!(d[d.len() - 1]["usage"]["prompt_tokens"], 3);
        assert_eq!(out.last().unwrap().data, "[DONE]");

        // Cut before message_delta: an error, then [DONE].
        let wire = anthropic_wire(&[
            json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 3, "output_tokens": 1}}}),
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "o"}}),
        ]);
        let out = a2o(&wire, 1, false);
        let d = datas(&out);
        assert_eq!(d.last().unwrap()["error"]["type"], "server_error");
        assert_eq!(out.last().unwrap().data, "[DONE]");
    }

    #[test]
    fn anthropic_stream_tool_input_given_at_block_start() {
        let wire = anthropic_wire(&[
            json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 3, "output_tokens": 1}}}),
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "tool_use", "id": "t", "name": "f", "input": {"a": 1}}}),
            json!({"type": "content_block_stop", "index": 0}),
            json!({"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 9}}),
            json!({"type": "message_stop"}),
        ]);
        let d = datas(&a2o(&wire, 1, false));
        assert_eq!(
            d[1]["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"],
            "{\"a\":1}"
        );
        assert_eq!(d[2]["choices"][0]["finish_reason"], "tool_calls");
    }

    #[test]
    fn anthropic_stream_bad_json_is_an_error_without_content() {
        let mut t = AnthropicToOpenAiStream::new("m", false);
        let e = t
            .on_event(&SseEvent::named("content_block_delta", format!("{{{SECRET}")))
            .unwrap_err();
        assert_no_secret(&e);
    }

    // -- Stream properties -----------------------------------------------------

    #[test]
    fn property_stream_text_is_preserved_both_ways() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for round in 0..120 {
            let text = random_text(&mut rng, 80);
            let pieces = split_text(&text, &mut rng);
            let step = if round % 4 == 0 { 1 } else { rng.below(40) as usize + 1 };

            // OpenAI upstream -> Anthropic client.
            let to_anthropic = o2a(&openai_text_stream(&pieces, round % 2 == 0, round % 3 != 0), step);
            assert_eq!(anthropic_text(&to_anthropic), text);
            assert_eq!(names(&to_anthropic).last(), Some(&"message_stop"));

            // Anthropic upstream -> OpenAI client.
            let to_openai = a2o(&anthropic_text_stream(&pieces), step, round % 2 == 1);
            assert_eq!(openai_text(&to_openai), text);
            assert_eq!(to_openai.last().unwrap().data, "[DONE]");

            // OpenAI -> Anthropic -> OpenAI.
            let wire = encode_all(&to_anthropic);
            let back = a2o(&wire, step, true);
            assert_eq!(openai_text(&back), text);
            let d = datas(&back);
            assert_eq!(d[d.len() - 2]["choices"][0]["finish_reason"], "stop");
        }
    }

    #[test]
    fn property_tool_arguments_survive_a_round_trip() {
        let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..60 {
            let args =
                json!({"query": random_text(&mut rng, 40), "n": rng.below(1000), "nested": {"list": [random_text(&mut rng, 5), null, true]}})
                    .to_string();
            let mut chunks = vec![openai_chunk(
                json!({"role": "assistant", "content": null,
                "tool_calls": [{"index": 0, "id": "call_x", "type": "function", "function": {"name": "search", "arguments": ""}}]}),
                None,
            )];
            for piece in split_text(&args, &mut rng) {
                chunks.push(openai_chunk(
                    json!({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}),
                    None,
                ));
            }
            chunks.push(openai_chunk(json!({}), Some("tool_calls")));
            chunks.push(openai_usage_chunk(1, 2));
            let anthropic = o2a(&openai_wire(&chunks, true), rng.below(9) as usize + 1);
            let partial: String = datas(&anthropic)
                .iter()
                .filter(|e| e["delta"]["type"] == "input_json_delta")
                .map(|e| e["delta"]["partial_json"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(partial, args);
            let openai = a2o(&encode_all(&anthropic), 1, false);
            let back: String = datas(&openai)
                .iter()
                .filter_map(|c| {
                    c["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"]
                        .as_str()
                        .map(str::to_string)
                })
                .collect();
            assert_eq!(back, args);
            let d = datas(&openai);
            assert_eq!(d.last().unwrap()["choices"][0]["finish_reason"], "tool_calls");
        }
    }
}
