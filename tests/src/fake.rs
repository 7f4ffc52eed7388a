//! A fake LLM vendor on 127.0.0.1: answers like OpenAI and Anthropic and
//! records what it receives.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use http::{HeaderMap, Request, Response, StatusCode};
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The text every fake completion answers with, split into stream pieces.
pub const REPLY_PIECES: &[&str] = &["Hello", " from", " the", " fake", " upstream."];

pub fn reply_text() -> String {
    REPLY_PIECES.concat()
}

/// What the fake does with a request.
#[derive(Clone, Debug)]
pub enum Behavior {
    /// Answer like the vendor would (OpenAI paths and `/v1/messages`).
    Answer,
    /// Answer every request with this status and a vendor-shaped error.
    Status(u16),
    /// Accept the request and never answer.
    Hang,
    /// Answer with the text of the last user message, as received, streamed
    /// `piece` characters per event; when the request offers tools, the same
    /// text also comes back as a tool call's arguments `{"echo": TEXT}`.
    Echo { piece: usize },
    /// Answer `/chat/completions` like an on-prem OpenAI-compatible server
    /// with these quirks (see [`crate::local`]), echoing the last user
    /// message's text.
    Local(crate::local::Quirks),
}

/// One request as the fake received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Recorded {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("recorded body is JSON")
    }

    /// Headers and body as one string, to search for leaks.
    pub fn everything(&self) -> String {
        let mut s = format!("{} {}\n", self.method, self.path);
        for (k, v) in &self.headers {
            s.push_str(&format!("{k}: {}\n", String::from_utf8_lossy(v.as_bytes())));
        }
        s.push_str(&String::from_utf8_lossy(&self.body));
        s
    }
}

struct Shared {
    behavior: Mutex<Behavior>,
    recorded: Mutex<Vec<Recorded>>,
    record: bool,
    /// When set, streams pause after their first event until a permit is added.
    gate: Mutex<Option<Arc<Semaphore>>>,
    /// Delay between stream events.
    event_delay: Mutex<Duration>,
    /// TCP connections accepted: zero proves not a byte was received.
    connections: std::sync::atomic::AtomicUsize,
}

/// A fake vendor listening on 127.0.0.1:0. Stops when dropped.
pub struct FakeUpstream {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeUpstream {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Body = UnsyncBoxBody<Bytes, Infallible>;

impl FakeUpstream {
    pub async fn start(behavior: Behavior) -> FakeUpstream {
        Self::start_with(behavior, true).await
    }

    /// A fake that does not record (for load runs).
    pub async fn start_unrecorded() -> FakeUpstream {
        Self::start_with(Behavior::Answer, false).await
    }

    async fn start_with(behavior: Behavior, record: bool) -> FakeUpstream {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind fake upstream");
        let addr = listener.local_addr().expect("addr");
        let shared = Arc::new(Shared {
            behavior: Mutex::new(behavior),
            recorded: Mutex::new(Vec::new()),
            record,
            gate: Mutex::new(None),
            event_delay: Mutex::new(Duration::ZERO),
            connections: std::sync::atomic::AtomicUsize::new(0),
        });
        let s = shared.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                s.connections.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let _ = tcp.set_nodelay(true);
                let s = s.clone();
                tokio::spawn(async move {
                    let svc = service_fn(move |req| handle(s.clone(), req));
                    let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(tcp), svc)
                        .await;
                });
            }
        });
        FakeUpstream { addr, shared, task }
    }

    /// `http://127.0.0.1:PORT` (Anthropic-style base URL).
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:PORT/v1` (OpenAI-style base URL).
    pub fn base_v1(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    pub fn set_behavior(&self, b: Behavior) {
        *self.shared.behavior.lock().unwrap() = b;
    }

    pub fn set_event_delay(&self, d: Duration) {
        *self.shared.event_delay.lock().unwrap() = d;
    }

    /// Makes streams stop after their first event; returns the gate to open
    /// (`add_permits(1)` lets one held stream finish).
    pub fn hold_streams(&self) -> Arc<Semaphore> {
        let gate = Arc::new(Semaphore::new(0));
        *self.shared.gate.lock().unwrap() = Some(gate.clone());
        gate
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.recorded.lock().unwrap().clone()
    }

    /// TCP connections accepted so far (zero: no byte of any request arrived).
    pub fn connections(&self) -> usize {
        self.shared.connections.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The last request received.
    pub fn last(&self) -> Option<Recorded> {
        self.shared.recorded.lock().unwrap().last().cloned()
    }

    pub fn count(&self) -> usize {
        self.shared.recorded.lock().unwrap().len()
    }
}

async fn handle(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Response<Body>, Infallible> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await.map(|c| c.to_bytes()).unwrap_or_default();
    let path = parts.uri.path().to_string();
    if shared.record {
        shared.recorded.lock().unwrap().push(Recorded {
            method: parts.method.to_string(),
            path: path.clone(),
            headers: parts.headers.clone(),
            body: body.clone(),
        });
    }
    if path == "/v1/traces" || path == "/v1/metrics" {
        // An OTLP/HTTP collector: the export is recorded above; an empty protobuf answer accepts it.
        let mut resp = Response::new(Full::new(Bytes::new()).boxed_unsync());
        resp.headers_mut()
            .insert("content-type", "application/x-protobuf".parse().unwrap());
        return Ok(resp);
    }
    let behavior = shared.behavior.lock().unwrap().clone();
    let anthropic = path.ends_with("/messages");
    let req: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let model = req
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or("fake-model")
        .to_string();
    let stream = req.get("stream").and_then(Value::as_bool).unwrap_or(false);
    match behavior {
        Behavior::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            Ok(json_resp(StatusCode::OK, &json!({})))
        }
        Behavior::Status(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let v = if anthropic {
                json!({"type": "error", "error": {"type": "api_error", "message": format!("fake failure {code}")}})
            } else {
                json!({"error": {"message": format!("fake failure {code}"), "type": "server_error", "param": null, "code": null}})
            };
            Ok(json_resp(status, &v))
        }
        Behavior::Echo { piece } => {
            let text = last_user_text(&req);
            let tool = req
                .get("tools")
                .is_some_and(|t| t.as_array().is_some_and(|a| !a.is_empty()))
                .then(|| json!({"echo": text}).to_string());
            let events = match (anthropic, stream) {
                (false, false) => {
                    return Ok(json_resp(
                        StatusCode::OK,
                        &openai_chat_text(&model, &text, tool.as_deref()),
                    ))
                }
                (true, false) => {
                    return Ok(json_resp(
                        StatusCode::OK,
                        &anthropic_message_text(&model, &text, tool.as_deref()),
                    ))
                }
                (false, true) => openai_chat_events(
                    &model,
                    false,
                    &split(&text, piece),
                    tool.as_deref().map(|t| split(t, piece)),
                ),
                (true, true) => {
                    anthropic_events(&model, &split(&text, piece), tool.as_deref().map(|t| split(t, piece)))
                }
            };
            Ok(sse_resp(&shared, events))
        }
        Behavior::Local(q) => {
            let text = last_user_text(&req);
            if !stream {
                return Ok(json_resp(
                    StatusCode::OK,
                    &crate::local::answer(&q, &req, &text, &model),
                ));
            }
            Ok(sse_resp(&shared, crate::local::events(&q, &req, &text, &model)))
        }
        Behavior::Answer => {
            let usage = req
                .pointer("/stream_options/include_usage")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let events: Vec<String> = if path.ends_with("/chat/completions") {
                if !stream {
                    return Ok(json_resp(StatusCode::OK, &openai_chat(&model)));
                }
                openai_chat_stream(&model, usage)
            } else if anthropic {
                if !stream {
                    return Ok(json_resp(StatusCode::OK, &anthropic_message(&model)));
                }
                anthropic_stream(&model)
            } else if path.ends_with("/embeddings") {
                return Ok(json_resp(
                    StatusCode::OK,
                    &json!({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2, 0.3]}], "model": model, "usage": {"prompt_tokens": 3, "total_tokens": 3}}),
                ));
            } else if path.ends_with("/completions") {
                return Ok(json_resp(
                    StatusCode::OK,
                    &json!({"id": "cmpl-fake", "object": "text_completion", "created": 1_700_000_000, "model": model, "choices": [{"text": reply_text(), "index": 0, "logprobs": null, "finish_reason": "stop"}], "usage": {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8}}),
                ));
            } else if path.ends_with("/responses") {
                return Ok(json_resp(
                    StatusCode::OK,
                    &json!({"id": "resp_fake", "object": "response", "created_at": 1_700_000_000, "status": "completed", "model": model, "output": [{"type": "message", "id": "msg_fake", "status": "completed", "role": "assistant", "content": [{"type": "output_text", "text": reply_text(), "annotations": []}]}], "usage": {"input_tokens": 5, "output_tokens": 5, "total_tokens": 10}}),
                ));
            } else {
                return Ok(json_resp(
                    StatusCode::NOT_FOUND,
                    &json!({"error": {"message": "no such path", "type": "invalid_request_error"}}),
                ));
            };
            Ok(sse_resp(&shared, events))
        }
    }
}

/// An event stream of `events`, paced by the fake's gate and event delay.
fn sse_resp(shared: &Shared, events: Vec<String>) -> Response<Body> {
    let gate = shared.gate.lock().unwrap().clone();
    let delay = *shared.event_delay.lock().unwrap();
    let s = futures_util::stream::iter(events.into_iter().enumerate()).then(move |(i, ev)| {
        let gate = gate.clone();
        async move {
            if i == 1 {
                if let Some(g) = gate {
                    if let Ok(p) = g.acquire().await {
                        p.forget();
                    }
                }
            }
            if i > 0 && !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Ok::<_, Infallible>(Frame::data(Bytes::from(ev)))
        }
    });
    let mut resp = Response::new(StreamBody::new(s).boxed_unsync());
    resp.headers_mut()
        .insert("content-type", "text/event-stream".parse().unwrap());
    resp.headers_mut().insert("x-request-id", "req_fake".parse().unwrap());
    resp
}

/// The text of the last user message (string content or text parts).
fn last_user_text(req: &Value) -> String {
    let Some(msgs) = req.get("messages").and_then(Value::as_array) else {
        return String::new();
    };
    let Some(m) = msgs.iter().rev().find(|m| m["role"] == "user") else {
        return String::new();
    };
    match &m["content"] {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .filter_map(|p| p["text"].as_str())
            .collect::<Vec<_>>()
            .join(""),
        _ => String::new(),
    }
}

/// `text` in pieces of `n` characters (at least one).
pub fn split(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(n.max(1)).map(|c| c.iter().collect()).collect()
}

fn json_resp(status: StatusCode, v: &Value) -> Response<Body> {
    let mut resp = Response::new(Full::new(Bytes::from(serde_json::to_vec(v).unwrap())).boxed_unsync());
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    resp.headers_mut().insert("x-request-id", "req_fake".parse().unwrap());
    resp.headers_mut().insert("set-cookie", "vendor=1".parse().unwrap());
    resp
}

pub fn openai_chat(model: &str) -> Value {
    openai_chat_text(model, &reply_text(), None)
}

fn openai_chat_text(model: &str, text: &str, tool_args: Option<&str>) -> Value {
    let mut message = json!({"role": "assistant", "content": text, "refusal": null});
    if let Some(args) = tool_args {
        message["tool_calls"] =
            json!([{"id": "call_fake", "type": "function", "function": {"name": "echo", "arguments": args}}]);
    }
    json!({
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [{"index": 0, "message": message, "logprobs": null, "finish_reason": if tool_args.is_some() { "tool_calls" } else { "stop" }}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17},
        "system_fingerprint": "fp_fake"
    })
}

fn openai_chat_stream(model: &str, usage: bool) -> Vec<String> {
    let pieces: Vec<String> = REPLY_PIECES.iter().map(|p| p.to_string()).collect();
    openai_chat_events(model, usage, &pieces, None)
}

fn openai_chat_events(model: &str, usage: bool, pieces: &[String], tool: Option<Vec<String>>) -> Vec<String> {
    let chunk = |delta: Value, finish: Value| {
        let v = json!({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model,
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]});
        format!("data: {v}\n\n")
    };
    let mut out = vec![chunk(json!({"role": "assistant", "content": ""}), Value::Null)];
    for p in pieces {
        out.push(chunk(json!({"content": p}), Value::Null));
    }
    let finish = if let Some(args) = &tool {
        for (i, a) in args.iter().enumerate() {
            let call = if i == 0 {
                json!({"index": 0, "id": "call_fake", "type": "function", "function": {"name": "echo", "arguments": a}})
            } else {
                json!({"index": 0, "function": {"arguments": a}})
            };
            out.push(chunk(json!({"tool_calls": [call]}), Value::Null));
        }
        "tool_calls"
    } else {
        "stop"
    };
    out.push(chunk(json!({}), json!(finish)));
    if usage {
        let v = json!({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model,
            "choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17}});
        out.push(format!("data: {v}\n\n"));
    }
    out.push("data: [DONE]\n\n".into());
    out
}

pub fn anthropic_message(model: &str) -> Value {
    anthropic_message_text(model, &reply_text(), None)
}

fn anthropic_message_text(model: &str, text: &str, tool_args: Option<&str>) -> Value {
    let mut content = vec![json!({"type": "text", "text": text})];
    if let Some(args) = tool_args {
        let input: Value = serde_json::from_str(args).unwrap_or(Value::Null);
        content.push(json!({"type": "tool_use", "id": "toolu_fake", "name": "echo", "input": input}));
    }
    json!({
        "id": "msg_fake", "type": "message", "role": "assistant", "model": model,
        "content": content,
        "stop_reason": if tool_args.is_some() { "tool_use" } else { "end_turn" }, "stop_sequence": null,
        "usage": {"input_tokens": 12, "output_tokens": 5}
    })
}

fn anthropic_stream(model: &str) -> Vec<String> {
    let pieces: Vec<String> = REPLY_PIECES.iter().map(|p| p.to_string()).collect();
    anthropic_events(model, &pieces, None)
}

fn anthropic_events(model: &str, pieces: &[String], tool: Option<Vec<String>>) -> Vec<String> {
    let ev = |name: &str, v: Value| format!("event: {name}\ndata: {v}\n\n");
    // One content block: start, a delta per piece (`kind` names the delta and its field), stop.
    let block = |out: &mut Vec<String>, index: u32, start: Value, kind: &str, field: &str, pieces: &[String]| {
        out.push(ev(
            "content_block_start",
            json!({"type": "content_block_start", "index": index, "content_block": start}),
        ));
        for p in pieces {
            out.push(ev(
                "content_block_delta",
                json!({"type": "content_block_delta", "index": index, "delta": {"type": kind, field: p}}),
            ));
        }
        out.push(ev(
            "content_block_stop",
            json!({"type": "content_block_stop", "index": index}),
        ));
    };
    let mut out = vec![
        ev(
            "message_start",
            json!({"type": "message_start", "message": {"id": "msg_fake", "type": "message", "role": "assistant", "model": model, "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 12, "output_tokens": 1}}}),
        ),
        ev("ping", json!({"type": "ping"})),
    ];
    block(
        &mut out,
        0,
        json!({"type": "text", "text": ""}),
        "text_delta",
        "text",
        pieces,
    );
    if let Some(args) = tool {
        let start = json!({"type": "tool_use", "id": "toolu_fake", "name": "echo", "input": {}});
        block(&mut out, 1, start, "input_json_delta", "partial_json", &args);
    }
    out.push(ev("message_delta", json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 5}})));
    out.push(ev("message_stop", json!({"type": "message_stop"})));
    out
}
