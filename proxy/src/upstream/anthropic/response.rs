//! Response and error bodies, both directions.

use serde_json::{json, Value};

use super::*;
use crate::upstream::TranslateError::Invalid;

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
    let mut text = text_content(message.get("content"))?;
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

/// An Anthropic `message` translated from a server that echoed the matched
/// stop string at the end of its text: the string is left out and named in
/// `stop_sequence`, as Anthropic's own answers do. `stops` are the client's
/// `stop_sequences`; a message that did not end its turn on text is left
/// as it is.
pub fn strip_echoed_stop(message: &mut Value, stops: &[String]) {
    if message.get("stop_reason").and_then(Value::as_str) != Some("end_turn") {
        return;
    }
    let Some(content) = message.get_mut("content").and_then(Value::as_array_mut) else {
        return;
    };
    let Some(text) = content
        .last_mut()
        .filter(|b| b.get("type").and_then(Value::as_str) == Some("text"))
        .and_then(|b| b.get_mut("text"))
    else {
        return;
    };
    let Some(stop) = stops
        .iter()
        .find(|s| !s.is_empty() && text.as_str().is_some_and(|t| t.ends_with(s.as_str())))
    else {
        return;
    };
    let kept = text
        .as_str()
        .map(|t| t[..t.len() - stop.len()].to_string())
        .unwrap_or_default();
    if kept.is_empty() {
        content.pop();
    } else {
        *text = Value::String(kept);
    }
    message["stop_reason"] = json!("stop_sequence");
    message["stop_sequence"] = json!(stop);
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

pub(super) fn status_for_anthropic_error_type(ty: &str) -> u16 {
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
pub(super) fn status_for_openai_error(err: &Value) -> u16 {
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
