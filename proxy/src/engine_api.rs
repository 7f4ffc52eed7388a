//! The built-in engine behind OpenAI's chat completions API: the same code
//! answers in process (`kind: engine` upstreams) and over HTTP
//! (`cordon engine serve`).
//!
//! Requests are OpenAI chat bodies; answers are `chat.completion` objects or
//! `chat.completion.chunk` events ending in `data: [DONE]`, with usage counted
//! in the model's own tokens. Errors are OpenAI error objects: 400 for a
//! request the engine cannot run, 429 when its queue is full, 503 when it
//! has stopped. Dropping the answer's body (the client went away) cancels
//! the generation at its next step.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use cordon_engine::{Engine, Event, Message, Prompt, Sampling, SubmitError};
use futures_util::stream::{self, BoxStream, StreamExt};
use http::StatusCode;
use serde_json::{json, Value};

/// Tokens generated when the request sets no limit.
pub const DEFAULT_MAX_TOKENS: usize = 512;

pub enum Body {
    Full(Bytes),
    Stream(BoxStream<'static, Result<Bytes, std::io::Error>>),
}

pub struct Answer {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub body: Body,
}

impl Answer {
    fn json(status: StatusCode, v: &Value) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            body: Body::Full(Bytes::from(v.to_string())),
        }
    }

    /// As a response of `cordon engine serve`.
    pub fn into_response(self) -> http::Response<crate::body::ProxyBody> {
        let body = match self.body {
            Body::Full(b) => crate::body::full(b),
            Body::Stream(s) => crate::body::stream(s.map(|r| r.map_err(|e| Box::new(e) as crate::body::BoxError))),
        };
        let mut resp = http::Response::new(body);
        *resp.status_mut() = self.status;
        resp.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(self.content_type),
        );
        resp
    }
}

/// An OpenAI error object.
pub fn error(status: StatusCode, kind: &str, message: &str) -> Answer {
    Answer::json(
        status,
        &json!({"error": {"message": message, "type": kind, "param": null, "code": null}}),
    )
}

fn invalid(message: impl AsRef<str>) -> Answer {
    error(StatusCode::BAD_REQUEST, "invalid_request_error", message.as_ref())
}

/// The `GET /v1/models` list.
pub fn models(engine: &Engine) -> Value {
    json!({"object": "list", "data": [model_object(engine)]})
}

fn model_object(engine: &Engine) -> Value {
    json!({"id": engine.info().name, "object": "model", "created": 0, "owned_by": "cordon"})
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A request, read.
struct Chat {
    messages: Vec<Message>,
    sampling: Sampling,
    stream: bool,
    include_usage: bool,
}

fn text_of(content: &Value) -> Result<String, String> {
    match content {
        Value::Null => Ok(String::new()),
        Value::String(s) => Ok(s.clone()),
        Value::Array(parts) => {
            let mut out = String::new();
            for p in parts {
                match p.get("type").and_then(Value::as_str) {
                    Some("text") | Some("input_text") => {
                        out.push_str(p.get("text").and_then(Value::as_str).unwrap_or_default());
                    }
                    Some(other) => {
                        return Err(format!(
                            "content parts of type `{other}` are not supported by this model"
                        ))
                    }
                    None => return Err("a content part has no `type`".into()),
                }
            }
            Ok(out)
        }
        _ => Err("`content` must be a string or an array of parts".into()),
    }
}

fn number(body: &Value, key: &str) -> Result<Option<f64>, String> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or_else(|| format!("`{key}` must be a number")),
    }
}

fn read_chat(body: &[u8], engine: &Engine) -> Result<Chat, String> {
    let body: Value = serde_json::from_slice(body).map_err(|e| format!("the body is not valid JSON: {e}"))?;
    let Some(list) = body.get("messages").and_then(Value::as_array) else {
        return Err("`messages` must be an array".into());
    };
    if list.is_empty() {
        return Err("`messages` is empty".into());
    }
    for key in ["tools", "functions"] {
        if body
            .get(key)
            .is_some_and(|v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
        {
            return Err(format!(
                "`{key}`: tool calling is not supported by the on-premises model"
            ));
        }
    }
    if let Some(n) = number(&body, "n")? {
        if n != 1.0 {
            return Err("`n` must be 1".into());
        }
    }
    let mut messages = Vec::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        let role = m
            .get("role")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("messages[{i}] has no `role`"))?;
        let role = match role {
            "developer" | "system" => "system",
            "user" | "assistant" => role,
            "tool" | "function" => "user",
            other => return Err(format!("messages[{i}]: unknown role `{other}`")),
        };
        let content = text_of(m.get("content").unwrap_or(&Value::Null)).map_err(|e| format!("messages[{i}]: {e}"))?;
        messages.push(Message {
            role: role.into(),
            content,
        });
    }
    let mut s = Sampling::default();
    if let Some(t) = number(&body, "temperature")? {
        s.temperature = t as f32;
    }
    if let Some(p) = number(&body, "top_p")? {
        s.top_p = p as f32;
    }
    if let Some(k) = number(&body, "top_k")? {
        s.top_k = k.max(0.0) as usize;
    }
    if let Some(r) = number(&body, "repetition_penalty")? {
        s.repetition_penalty = r as f32;
    }
    if let Some(seed) = number(&body, "seed")? {
        s.seed = Some(seed as i64 as u64);
    }
    let max = match number(&body, "max_completion_tokens")? {
        Some(m) => Some(m),
        None => number(&body, "max_tokens")?,
    };
    s.max_tokens = match max {
        Some(m) if m >= 1.0 => m as usize,
        Some(_) => return Err("`max_tokens` must be at least 1".into()),
        None => DEFAULT_MAX_TOKENS.min(engine.info().max_context),
    };
    s.stop = match body.get("stop") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(many)) => many
            .iter()
            .map(|v| v.as_str().map(str::to_string).ok_or("`stop` must hold strings"))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`stop` must be a string or an array of strings".into()),
    };
    let stream = body.get("stream").and_then(Value::as_bool).unwrap_or(false);
    let include_usage = body
        .pointer("/stream_options/include_usage")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok(Chat {
        messages,
        sampling: s,
        stream,
        include_usage,
    })
}

/// Answers one `POST /v1/chat/completions` body.
pub async fn chat(engine: &Arc<Engine>, body: &[u8]) -> Answer {
    let chat = match read_chat(body, engine) {
        Ok(c) => c,
        Err(msg) => return invalid(msg),
    };
    let generation = match engine.submit(Prompt::Chat(chat.messages), chat.sampling) {
        Ok(g) => g,
        Err(SubmitError::QueueFull(_)) => {
            return error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limit_error",
                "the on-premises engine is at capacity; retry shortly",
            );
        }
        Err(SubmitError::Closed) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "server_error",
                "the on-premises engine is not running",
            );
        }
        Err(SubmitError::Invalid(msg)) => return invalid(msg),
        Err(e @ SubmitError::KvBudget { .. }) => {
            return error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limit_error",
                &format!("the on-premises engine is at capacity: {e}; retry shortly"),
            );
        }
    };
    let id = format!("chatcmpl-{}", uuid::Uuid::now_v7().simple());
    let model = engine.info().name.clone();
    let created = now();
    if !chat.stream {
        // Waited for whole, so that a failure is an error response, not a cut body.
        return match generation.collect().await {
            Ok(out) => {
                let usage = out.finish.usage;
                Answer::json(
                    StatusCode::OK,
                    &json!({
                        "id": id, "object": "chat.completion", "created": created, "model": model,
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": out.text},
                                     "logprobs": null, "finish_reason": out.finish.reason.as_str()}],
                        "usage": {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens,
                                  "total_tokens": usage.prompt_tokens + usage.completion_tokens},
                    }),
                )
            }
            Err(e) => {
                tracing::error!(error = %e, "engine generation failed");
                error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "server_error",
                    "the on-premises engine failed",
                )
            }
        };
    }
    // One `chat.completion.chunk` event: a delta (with its finish reason), or
    // the usage alone with no choices.
    let chunk = move |delta: Option<(Value, Option<&str>)>, usage: Option<cordon_engine::Usage>| -> Bytes {
        let mut v = json!({"id": id, "object": "chat.completion.chunk", "created": created, "model": model});
        v["choices"] = match delta {
            Some((d, finish)) => json!([{"index": 0, "delta": d, "logprobs": null, "finish_reason": finish}]),
            None => json!([]),
        };
        if let Some(u) = usage {
            v["usage"] = json!({"prompt_tokens": u.prompt_tokens, "completion_tokens": u.completion_tokens,
                                "total_tokens": u.prompt_tokens + u.completion_tokens});
        }
        Bytes::from(format!("data: {v}\n\n"))
    };
    let include_usage = chat.include_usage;
    let first = chunk(Some((json!({"role": "assistant", "content": ""}), None)), None);
    struct State<F> {
        gen: cordon_engine::Generation,
        chunk: F,
        done: bool,
    }
    let events = stream::unfold(
        State {
            gen: generation,
            chunk,
            done: false,
        },
        move |mut st| async move {
            if st.done {
                return None;
            }
            loop {
                match st.gen.events.recv().await {
                    Some(Event::Token { text, .. }) if text.is_empty() => continue,
                    Some(Event::Token { text, .. }) => {
                        let b = (st.chunk)(Some((json!({"content": text}), None)), None);
                        return Some((Ok(b), st));
                    }
                    Some(Event::Done(f)) => {
                        let mut out = Vec::new();
                        if !f.text.is_empty() {
                            out.extend_from_slice(&(st.chunk)(Some((json!({"content": f.text}), None)), None));
                        }
                        out.extend_from_slice(&(st.chunk)(Some((json!({}), Some(f.reason.as_str()))), None));
                        if include_usage {
                            out.extend_from_slice(&(st.chunk)(None, Some(f.usage)));
                        }
                        out.extend_from_slice(b"data: [DONE]\n\n");
                        st.done = true;
                        return Some((Ok(Bytes::from(out)), st));
                    }
                    Some(Event::Failed(e)) => {
                        tracing::error!(error = %e, "engine generation failed");
                        st.done = true;
                        let v = json!({"error": {"message": "the on-premises engine failed", "type": "server_error"}});
                        return Some((Ok(Bytes::from(format!("data: {v}\n\n"))), st));
                    }
                    None => {
                        st.done = true;
                        return Some((Err(std::io::Error::other("the on-premises engine stopped")), st));
                    }
                }
            }
        },
    );
    let body = stream::once(async move { Ok(first) }).chain(events);
    Answer {
        status: StatusCode::OK,
        content_type: "text/event-stream",
        body: Body::Stream(body.boxed()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_parts_join_and_unknown_parts_are_refused() {
        let parts = json!([{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]);
        assert_eq!(text_of(&parts).unwrap(), "ab");
        let img = json!([{"type": "image_url", "image_url": {"url": "x"}}]);
        assert!(text_of(&img).unwrap_err().contains("image_url"));
    }
}
