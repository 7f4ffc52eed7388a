//! Request bodies: an Anthropic client's request into the common form, and
//! the common form into an Anthropic Messages request.

use serde_json::{json, Map, Value};

use super::*;
use crate::upstream::TranslateError::{Invalid, Unsupported};

/// Anthropic's default when an OpenAI client gives no token limit
/// (`max_tokens` is required there).
pub(super) const DEFAULT_MAX_TOKENS: u64 = 4096;

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
                let text = text_content(content)?;
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
    let mut text = text_content(m.get("content"))?;
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
