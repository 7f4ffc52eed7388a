//! A fake of the cloud endpoints regulated teams contract with, on
//! 127.0.0.1, built to the vendors' documented request and response shapes,
//! each checking its own authentication the way the vendor does:
//!
//! - **Azure OpenAI**: `/openai/deployments/{deployment}/{chat/completions,embeddings}?api-version=V`
//!   and `/openai/v1/...`; checks `api-version` (404 otherwise, as Azure) and
//!   the `api-key` header or an Entra bearer token (401 otherwise); answers
//!   with Azure's `prompt_filter_results` / `content_filter_results`, its
//!   streams open with the empty-`choices` filter chunk; a prompt holding
//!   `FILTER-ME` gets Azure's content-filter 400.
//! - **AWS Bedrock**: `/model/{modelId}/converse` and `/converse-stream`;
//!   recomputes the SigV4 signature (written here from the specification,
//!   not with the proxy's crate) with the known secret and refuses a wrong
//!   one (403, as AWS); streams are `application/vnd.amazon.eventstream`
//!   frames with real CRC32s, framed here by hand.
//! - **Gemini API**: `/v1beta/models/{model}:generateContent` and
//!   `:streamGenerateContent?alt=sse`, the key in `x-goog-api-key`.
//! - **Vertex AI**: `/v1/projects/{p}/locations/{l}/publishers/google/models/{m}:generateContent`
//!   with a bearer token that only its own token endpoint (`/token`) mints,
//!   after checking the service-account JWT's RS256 signature against the
//!   test key's public half.
//!   A prompt holding `BLOCK-ME` gets Google's `promptFeedback.blockReason`.
//!
//! Every answer says [`crate::fake::reply_text`]; a request offering tools
//! gets a call of its first tool with `{"echo": LAST USER TEXT}`.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::{json, Value};
use tokio::net::TcpListener;

use crate::fake::{reply_text, Recorded, REPLY_PIECES};

/// Azure: the key the fake accepts in `api-key`.
pub const AZURE_KEY: &str = "azure-test-key-0123456789";
/// Azure: the Entra ID token the fake accepts as a bearer.
pub const AZURE_TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra-test-token";
/// Azure: the `api-version` values the fake serves.
pub const AZURE_API_VERSIONS: &[&str] = &["2024-10-21", "2025-04-01-preview"];
/// AWS: the access key id and secret the fake verifies signatures with.
pub const AWS_KEY_ID: &str = "AKIDCORDONTEST000001";
pub const AWS_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYCORDONTEST";
/// AWS STS: the web-identity token the fake exchanges, and the session it gives.
pub const AWS_WEB_IDENTITY_TOKEN: &str = "eks-projected-service-account-token-0123";
pub const AWS_SESSION_TOKEN: &str = "FQoGZXIvYXdzEBYaDCordonTestSessionToken";
/// Gemini: the key the fake accepts in `x-goog-api-key`.
pub const GEMINI_KEY: &str = "gemini-test-key-0123456789";
/// Vertex: the service account the test key belongs to.
pub const VERTEX_ACCOUNT: &str = "cordon-test@cordon-test.iam.gserviceaccount.com";

/// The test service account's RSA key pair (PEM), made for these tests only.
pub fn vertex_private_key() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/vertex-test-key.pem")).unwrap()
}

fn vertex_public_key() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/vertex-test-key.pub.pem")).unwrap()
}

struct Shared {
    recorded: Mutex<Vec<Recorded>>,
    /// Whether requests are recorded (not in load runs).
    record: bool,
    /// Access tokens the token endpoint minted.
    tokens: Mutex<Vec<String>>,
    /// JWTs checked at the token endpoint (valid or not).
    token_requests: AtomicUsize,
    addr: SocketAddr,
}

/// The fake cloud: every protocol above on one port. Stops when dropped.
pub struct FakeCloud {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeCloud {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Body = UnsyncBoxBody<Bytes, Infallible>;

impl FakeCloud {
    pub async fn start() -> FakeCloud {
        Self::start_with(true).await
    }

    /// A fake that does not record (for load runs).
    pub async fn start_unrecorded() -> FakeCloud {
        Self::start_with(false).await
    }

    async fn start_with(record: bool) -> FakeCloud {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            recorded: Mutex::new(Vec::new()),
            record,
            tokens: Mutex::new(Vec::new()),
            token_requests: AtomicUsize::new(0),
            addr,
        });
        let s = shared.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
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
        FakeCloud { addr, shared, task }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The token endpoint a service-account key file names as `token_uri`.
    pub fn token_uri(&self) -> String {
        format!("http://{}/token", self.addr)
    }

    /// A service-account key file's JSON for the test key, pointing at this fake.
    pub fn service_account_json(&self) -> String {
        json!({
            "type": "service_account", "project_id": "cordon-test", "private_key_id": "test-key-1",
            "private_key": vertex_private_key(), "client_email": VERTEX_ACCOUNT, "client_id": "1",
            "token_uri": self.token_uri(),
        })
        .to_string()
    }

    /// Model requests received (token requests excluded), in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.recorded.lock().unwrap().clone()
    }

    pub fn count(&self) -> usize {
        self.shared.recorded.lock().unwrap().len()
    }

    /// How many token exchanges (Vertex JWTs, STS web identities) the fake was sent.
    pub fn token_requests(&self) -> usize {
        self.shared.token_requests.load(Ordering::SeqCst)
    }
}

fn json_resp(status: StatusCode, v: &Value) -> Response<Body> {
    let mut resp = Response::new(Full::new(Bytes::from(v.to_string())).boxed_unsync());
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    resp
}

fn stream_resp(content_type: &'static str, chunks: Vec<Vec<u8>>) -> Response<Body> {
    let s = futures_util::stream::iter(
        chunks
            .into_iter()
            .map(|c| Ok::<_, Infallible>(Frame::data(Bytes::from(c)))),
    );
    let mut resp = Response::new(StreamBody::new(s).boxed_unsync());
    resp.headers_mut().insert("content-type", content_type.parse().unwrap());
    resp
}

async fn handle(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Response<Body>, Infallible> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await.map(|c| c.to_bytes()).unwrap_or_default();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    if path == "/token" {
        return Ok(token_endpoint(&shared, &body));
    }
    if path == "/sts" {
        return Ok(sts(&shared, &body));
    }
    if shared.record {
        shared.recorded.lock().unwrap().push(Recorded {
            method: parts.method.to_string(),
            path: match parts.uri.query() {
                Some(q) => format!("{path}?{q}"),
                None => path.clone(),
            },
            headers: parts.headers.clone(),
            body: body.clone(),
        });
    }
    let req: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let resp = if path.starts_with("/openai/") {
        azure(&parts.headers, &path, &query, &req)
    } else if path.starts_with("/model/") {
        bedrock(&parts, &body, &req)
    } else if path.starts_with("/v1beta/models/") {
        if parts.headers.get("x-goog-api-key").and_then(|v| v.to_str().ok()) != Some(GEMINI_KEY) {
            google_error(
                400,
                "API key not valid. Please pass a valid API key.",
                "INVALID_ARGUMENT",
            )
        } else {
            gemini(&path, &req)
        }
    } else if path.starts_with("/v1/projects/") {
        let bearer = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if !bearer.is_some_and(|t| shared.tokens.lock().unwrap().iter().any(|m| m == t)) {
            google_error(
                401,
                "Request had invalid authentication credentials.",
                "UNAUTHENTICATED",
            )
        } else {
            gemini(&path, &req)
        }
    } else {
        json_resp(StatusCode::NOT_FOUND, &json!({"message": "no such path"}))
    };
    Ok(resp)
}

// ---------------------------------------------------------------------------
// What the model "says"
// ---------------------------------------------------------------------------

/// The last user text of an OpenAI chat, a Converse or a Gemini request.
fn last_user_text(req: &Value) -> String {
    let texts = |parts: &Value| -> String {
        parts
            .as_array()
            .map(|a| a.iter().filter_map(|p| p["text"].as_str()).collect::<Vec<_>>().join(""))
            .unwrap_or_default()
    };
    if let Some(msgs) = req["messages"].as_array() {
        if let Some(m) = msgs.iter().rev().find(|m| m["role"] == "user") {
            return match &m["content"] {
                Value::String(s) => s.clone(),
                other => texts(other),
            };
        }
    }
    if let Some(c) = req["contents"].as_array() {
        if let Some(m) = c.iter().rev().find(|m| m["role"] == "user") {
            return texts(&m["parts"]);
        }
    }
    String::new()
}

/// All the text a request carries, to look for the trigger words.
fn all_text(req: &Value) -> String {
    req.to_string()
}

// ---------------------------------------------------------------------------
// Azure OpenAI
// ---------------------------------------------------------------------------

fn azure(headers: &http::HeaderMap, path: &str, query: &str, req: &Value) -> Response<Body> {
    let version = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("api-version="))
        .map(str::to_string);
    let (deployment, op) = if let Some(rest) = path.strip_prefix("/openai/deployments/") {
        match version.as_deref() {
            Some(v) if AZURE_API_VERSIONS.contains(&v) => {}
            _ => {
                return json_resp(
                    StatusCode::NOT_FOUND,
                    &json!({"error": {"code": "404", "message": "Resource not found"}}),
                )
            }
        }
        match rest.split_once('/') {
            Some((d, op)) => (d.to_string(), op.to_string()),
            None => {
                return json_resp(
                    StatusCode::NOT_FOUND,
                    &json!({"error": {"code": "404", "message": "Resource not found"}}),
                )
            }
        }
    } else if let Some(op) = path.strip_prefix("/openai/v1/") {
        (req["model"].as_str().unwrap_or("").to_string(), op.to_string())
    } else {
        return json_resp(
            StatusCode::NOT_FOUND,
            &json!({"error": {"code": "404", "message": "Resource not found"}}),
        );
    };
    let key_ok = headers.get("api-key").and_then(|v| v.to_str().ok()) == Some(AZURE_KEY);
    let token_ok = headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {AZURE_TOKEN}"));
    if !key_ok && !token_ok {
        return json_resp(
            StatusCode::UNAUTHORIZED,
            &json!({"error": {"code": "401", "message": "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}),
        );
    }
    if all_text(req).contains("FILTER-ME") {
        return json_resp(
            StatusCode::BAD_REQUEST,
            &json!({"error": {"message": "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.", "type": null, "param": "prompt", "code": "content_filter", "status": 400,
                "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": {
                    "hate": {"filtered": false, "severity": "safe"}, "self_harm": {"filtered": false, "severity": "safe"},
                    "sexual": {"filtered": false, "severity": "safe"}, "violence": {"filtered": true, "severity": "medium"}}}}}),
        );
    }
    let filters = json!({"hate": {"filtered": false, "severity": "safe"}, "self_harm": {"filtered": false, "severity": "safe"},
        "sexual": {"filtered": false, "severity": "safe"}, "violence": {"filtered": false, "severity": "safe"}});
    let prompt_filters = json!([{"prompt_index": 0, "content_filter_results": filters}]);
    if op == "embeddings" {
        return json_resp(
            StatusCode::OK,
            &json!({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.5, 0.25, 0.125]}],
                "model": "text-embedding-3-small", "usage": {"prompt_tokens": 3, "total_tokens": 3}}),
        );
    }
    if op != "chat/completions" {
        return json_resp(
            StatusCode::NOT_FOUND,
            &json!({"error": {"code": "404", "message": "Resource not found"}}),
        );
    }
    let model = format!("{deployment}-azure");
    let text = reply_text();
    let tool = first_tool(req).map(|name| (name, json!({"echo": last_user_text(req)}).to_string()));
    let usage = json!({"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17});
    if req["stream"] == true {
        let chunk = |choices: Value| {
            format!(
                "data: {}\n\n",
                json!({"id": "chatcmpl-azure", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model,
                    "system_fingerprint": "fp_azure", "choices": choices})
            )
            .into_bytes()
        };
        let mut out = vec![format!(
            "data: {}\n\n",
            json!({"choices": [], "created": 0, "id": "", "model": "", "object": "", "prompt_filter_results": prompt_filters})
        )
        .into_bytes()];
        out.push(chunk(json!([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null, "content_filter_results": {}}])));
        for p in REPLY_PIECES {
            out.push(chunk(json!([{"index": 0, "delta": {"content": p}, "finish_reason": null, "content_filter_results": filters}])));
        }
        let finish = if let Some((name, args)) = &tool {
            out.push(chunk(
                json!([{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_azure", "type": "function",
                "function": {"name": name, "arguments": args}}]}, "finish_reason": null}]),
            ));
            "tool_calls"
        } else {
            "stop"
        };
        out.push(chunk(
            json!([{"index": 0, "delta": {}, "finish_reason": finish, "content_filter_results": {}}]),
        ));
        if req["stream_options"]["include_usage"] == true {
            out.push(format!(
                "data: {}\n\n",
                json!({"id": "chatcmpl-azure", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model, "choices": [], "usage": usage})
            ).into_bytes());
        }
        out.push(b"data: [DONE]\n\n".to_vec());
        return stream_resp("text/event-stream", out);
    }
    let mut message = json!({"role": "assistant", "content": text, "refusal": null});
    let mut finish = "stop";
    if let Some((name, args)) = tool {
        message["tool_calls"] =
            json!([{"id": "call_azure", "type": "function", "function": {"name": name, "arguments": args}}]);
        finish = "tool_calls";
    }
    json_resp(
        StatusCode::OK,
        &json!({"id": "chatcmpl-azure", "object": "chat.completion", "created": 1_700_000_000, "model": model,
            "prompt_filter_results": prompt_filters, "system_fingerprint": "fp_azure",
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": null, "content_filter_results": filters}],
            "usage": usage}),
    )
}

/// The name of the first tool an OpenAI, Converse or Gemini request offers.
fn first_tool(req: &Value) -> Option<String> {
    req["tools"][0]["function"]["name"]
        .as_str()
        .or_else(|| req["toolConfig"]["tools"][0]["toolSpec"]["name"].as_str())
        .or_else(|| req["tools"][0]["functionDeclarations"][0]["name"].as_str())
        .map(str::to_string)
}

// ---------------------------------------------------------------------------
// AWS Bedrock
// ---------------------------------------------------------------------------

fn bedrock(parts: &http::request::Parts, body: &[u8], req: &Value) -> Response<Body> {
    if let Err(why) = verify_sigv4(parts, body) {
        return aws_error(403, "AccessDeniedException", &why);
    }
    let raw_path = parts.uri.path();
    let stream = raw_path.ends_with("/converse-stream");
    if !stream && !raw_path.ends_with("/converse") {
        return aws_error(404, "UnknownOperationException", "unknown operation");
    }
    if req["messages"].as_array().is_none_or(|m| m.is_empty()) {
        return aws_error(400, "ValidationException", "messages: at least one message is required");
    }
    // Converse wants alternating roles starting with the user.
    let roles: Vec<&str> = req["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap_or(""))
        .collect();
    if roles[0] != "user" || roles.windows(2).any(|w| w[0] == w[1]) {
        return aws_error(
            400,
            "ValidationException",
            "A conversation must alternate between user and assistant roles.",
        );
    }
    let tool = first_tool(req).map(|name| (name, json!({"echo": last_user_text(req)})));
    let usage = json!({"inputTokens": 12, "outputTokens": 5, "totalTokens": 17});
    if !stream {
        let mut content = vec![json!({"text": reply_text()})];
        if let Some((name, input)) = &tool {
            content.push(json!({"toolUse": {"toolUseId": "tooluse_fake", "name": name, "input": input}}));
        }
        return json_resp(
            StatusCode::OK,
            &json!({"output": {"message": {"role": "assistant", "content": content}},
                "stopReason": if tool.is_some() { "tool_use" } else { "end_turn" },
                "usage": usage, "metrics": {"latencyMs": 42}}),
        );
    }
    let mut frames = vec![event_frame("messageStart", &json!({"role": "assistant"}))];
    for p in REPLY_PIECES {
        frames.push(event_frame(
            "contentBlockDelta",
            &json!({"contentBlockIndex": 0, "delta": {"text": p}}),
        ));
    }
    frames.push(event_frame("contentBlockStop", &json!({"contentBlockIndex": 0})));
    if let Some((name, input)) = &tool {
        frames.push(event_frame(
            "contentBlockStart",
            &json!({"contentBlockIndex": 1, "start": {"toolUse": {"toolUseId": "tooluse_fake", "name": name}}}),
        ));
        let args = input.to_string();
        let (a, b) = args.split_at(args.len() / 2);
        for piece in [a, b] {
            frames.push(event_frame(
                "contentBlockDelta",
                &json!({"contentBlockIndex": 1, "delta": {"toolUse": {"input": piece}}}),
            ));
        }
        frames.push(event_frame("contentBlockStop", &json!({"contentBlockIndex": 1})));
    }
    frames.push(event_frame(
        "messageStop",
        &json!({"stopReason": if tool.is_some() { "tool_use" } else { "end_turn" }}),
    ));
    frames.push(event_frame(
        "metadata",
        &json!({"usage": usage, "metrics": {"latencyMs": 42}}),
    ));
    // Frames cut across chunk boundaries, as TCP may deliver them.
    let all: Vec<u8> = frames.concat();
    let chunks = all.chunks(37).map(<[u8]>::to_vec).collect();
    stream_resp("application/vnd.amazon.eventstream", chunks)
}

fn aws_error(status: u16, kind: &str, message: &str) -> Response<Body> {
    let mut r = json_resp(StatusCode::from_u16(status).unwrap(), &json!({"message": message}));
    r.headers_mut().insert(
        "x-amzn-errortype",
        format!("{kind}:http://internal.amazon.com/coral/com.amazon.bedrock/")
            .parse()
            .unwrap(),
    );
    r
}

/// One eventstream message: prelude (total length, headers length, CRC32
/// of those 8 bytes), string headers, payload, CRC32 of all before it.
pub fn eventstream_frame(headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::new();
    for (name, value) in headers {
        h.push(name.len() as u8);
        h.extend_from_slice(name.as_bytes());
        h.push(7); // string
        h.extend_from_slice(&(value.len() as u16).to_be_bytes());
        h.extend_from_slice(value.as_bytes());
    }
    let total = 12 + h.len() + payload.len() + 4;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(total as u32).to_be_bytes());
    out.extend_from_slice(&(h.len() as u32).to_be_bytes());
    let prelude_crc = crc32fast::hash(&out);
    out.extend_from_slice(&prelude_crc.to_be_bytes());
    out.extend_from_slice(&h);
    out.extend_from_slice(payload);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

fn event_frame(event: &str, payload: &Value) -> Vec<u8> {
    eventstream_frame(
        &[
            (":event-type", event),
            (":content-type", "application/json"),
            (":message-type", "event"),
        ],
        payload.to_string().as_bytes(),
    )
}

/// URI-encodes as SigV4 does: everything but `A-Za-z0-9-_.~`.
fn uri_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    use hmac::Mac;
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
    m.update(data.as_bytes());
    m.finalize().into_bytes().to_vec()
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(data))
}

/// Checks a SigV4 `Authorization` header against the known secret, as AWS
/// does: the canonical request (path segments encoded once more, sorted
/// query, the signed headers), the string to sign and the derived key.
fn verify_sigv4(parts: &http::request::Parts, body: &[u8]) -> Result<(), String> {
    let auth = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .ok_or("missing Authorization")?;
    let rest = auth.strip_prefix("AWS4-HMAC-SHA256 ").ok_or("not AWS4-HMAC-SHA256")?;
    let mut credential = "";
    let mut signed = "";
    let mut signature = "";
    for part in rest.split(',') {
        let part = part.trim();
        if let Some(v) = part.strip_prefix("Credential=") {
            credential = v;
        } else if let Some(v) = part.strip_prefix("SignedHeaders=") {
            signed = v;
        } else if let Some(v) = part.strip_prefix("Signature=") {
            signature = v;
        }
    }
    let scope: Vec<&str> = credential.split('/').collect();
    if scope.len() != 5 || scope[0] != AWS_KEY_ID || scope[3] != "bedrock" || scope[4] != "aws4_request" {
        return Err("bad credential scope".into());
    }
    let amz_date = parts
        .headers
        .get("x-amz-date")
        .and_then(|v| v.to_str().ok())
        .ok_or("missing x-amz-date")?;
    if !amz_date.starts_with(scope[1]) {
        return Err("date does not match the scope".into());
    }
    if let Some(t) = parts.headers.get("x-amz-security-token") {
        if t != AWS_SESSION_TOKEN || !signed.split(';').any(|h| h == "x-amz-security-token") {
            return Err("The security token included in the request is invalid.".into());
        }
    }
    for required in ["host", "x-amz-date"] {
        if !signed.split(';').any(|h| h == required) {
            return Err(format!("{required} is not signed"));
        }
    }
    let canonical_uri = parts
        .uri
        .path()
        .split('/')
        .map(uri_encode)
        .collect::<Vec<_>>()
        .join("/");
    let mut query: Vec<&str> = parts
        .uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|q| !q.is_empty())
        .collect();
    query.sort();
    let mut canonical_headers = String::new();
    for name in signed.split(';') {
        let v = parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| format!("signed header {name} missing"))?;
        canonical_headers.push_str(&format!("{name}:{}\n", v.trim()));
    }
    let canonical = format!(
        "{}\n{canonical_uri}\n{}\n{canonical_headers}\n{signed}\n{}",
        parts.method,
        query.join("&"),
        sha256_hex(body)
    );
    let to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{}\n{}",
        scope[1..].join("/"),
        sha256_hex(canonical.as_bytes())
    );
    let k_date = hmac(format!("AWS4{AWS_SECRET}").as_bytes(), scope[1]);
    let k_region = hmac(&k_date, scope[2]);
    let k_service = hmac(&k_region, scope[3]);
    let k_signing = hmac(&k_service, "aws4_request");
    let expected = hex::encode(hmac(&k_signing, &to_sign));
    if expected != signature {
        return Err("The request signature we calculated does not match the signature you provided.".into());
    }
    Ok(())
}

/// STS `AssumeRoleWithWebIdentity` (query API, XML answer): the known token
/// and a role ARN give the known keys with a session token.
fn sts(shared: &Shared, body: &[u8]) -> Response<Body> {
    shared.token_requests.fetch_add(1, Ordering::SeqCst);
    let form: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
    let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if field("Action") != Some("AssumeRoleWithWebIdentity")
        || field("WebIdentityToken") != Some(AWS_WEB_IDENTITY_TOKEN)
        || !field("RoleArn").is_some_and(|r| r.starts_with("arn:aws:iam::"))
    {
        let mut r = Response::new(
            Full::new(Bytes::from_static(
                b"<ErrorResponse><Error><Code>InvalidIdentityToken</Code></Error></ErrorResponse>",
            ))
            .boxed_unsync(),
        );
        *r.status_mut() = StatusCode::BAD_REQUEST;
        return r;
    }
    let xml = format!(
        "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleWithWebIdentityResult>\
         <Credentials><AccessKeyId>{AWS_KEY_ID}</AccessKeyId><SecretAccessKey>{AWS_SECRET}</SecretAccessKey>\
         <SessionToken>{AWS_SESSION_TOKEN}</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>\
         </AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>"
    );
    let mut r = Response::new(Full::new(Bytes::from(xml)).boxed_unsync());
    r.headers_mut().insert("content-type", "text/xml".parse().unwrap());
    r
}

// ---------------------------------------------------------------------------
// Gemini API and Vertex AI
// ---------------------------------------------------------------------------

fn google_error(status: u16, message: &str, kind: &str) -> Response<Body> {
    json_resp(
        StatusCode::from_u16(status).unwrap(),
        &json!({"error": {"code": status, "message": message, "status": kind}}),
    )
}

fn gemini(path: &str, req: &Value) -> Response<Body> {
    let stream = path.ends_with(":streamGenerateContent");
    if !stream && !path.ends_with(":generateContent") {
        return google_error(404, "method not found", "NOT_FOUND");
    }
    if req["contents"].as_array().is_none_or(|c| c.is_empty()) {
        return google_error(
            400,
            "* GenerateContentRequest.contents: contents is not specified",
            "INVALID_ARGUMENT",
        );
    }
    let usage = json!({"promptTokenCount": 12, "candidatesTokenCount": 5, "totalTokenCount": 17});
    if all_text(req).contains("BLOCK-ME") {
        return json_resp(
            StatusCode::OK,
            &json!({"promptFeedback": {"blockReason": "SAFETY", "safetyRatings": [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"}]},
                "usageMetadata": {"promptTokenCount": 12, "totalTokenCount": 12}}),
        );
    }
    let tool =
        first_tool(req).map(|name| json!({"functionCall": {"name": name, "args": {"echo": last_user_text(req)}}}));
    if !stream {
        let mut parts = vec![json!({"text": reply_text()})];
        parts.extend(tool);
        return json_resp(
            StatusCode::OK,
            &json!({"candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}],
                "usageMetadata": usage, "modelVersion": "gemini-fake"}),
        );
    }
    let mut out = Vec::new();
    let n = REPLY_PIECES.len();
    for (i, p) in REPLY_PIECES.iter().enumerate() {
        let mut cand = json!({"content": {"role": "model", "parts": [{"text": p}]}, "index": 0});
        let mut ev = json!({"modelVersion": "gemini-fake"});
        if i + 1 == n {
            if let Some(t) = &tool {
                cand["content"]["parts"].as_array_mut().unwrap().push(t.clone());
            }
            cand["finishReason"] = json!("STOP");
            ev["usageMetadata"] = usage.clone();
        }
        ev["candidates"] = json!([cand]);
        out.push(format!("data: {ev}\r\n\r\n").into_bytes());
    }
    stream_resp("text/event-stream", out)
}

/// The OAuth token endpoint: a JWT-bearer grant, the assertion's RS256
/// signature checked against the test key's public half.
fn token_endpoint(shared: &Shared, body: &[u8]) -> Response<Body> {
    shared.token_requests.fetch_add(1, Ordering::SeqCst);
    let form: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
    let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if field("grant_type").as_deref() != Some("urn:ietf:params:oauth:grant-type:jwt-bearer") {
        return json_resp(StatusCode::BAD_REQUEST, &json!({"error": "unsupported_grant_type"}));
    }
    let Some(assertion) = field("assertion") else {
        return json_resp(StatusCode::BAD_REQUEST, &json!({"error": "invalid_request"}));
    };
    let key = jsonwebtoken::DecodingKey::from_rsa_pem(vertex_public_key().as_bytes()).unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    validation.set_audience(&[format!("http://{}/token", shared.addr)]);
    validation.set_issuer(&[VERTEX_ACCOUNT]);
    validation.set_required_spec_claims(&["exp", "iat", "aud", "iss"]);
    match jsonwebtoken::decode::<Value>(&assertion, &key, &validation) {
        Ok(data)
            if data.claims["scope"]
                .as_str()
                .is_some_and(|s| s.contains("cloud-platform")) =>
        {
            let token = format!("ya29.fake-{}", uuid::Uuid::now_v7().simple());
            shared.tokens.lock().unwrap().push(token.clone());
            json_resp(
                StatusCode::OK,
                &json!({"access_token": token, "expires_in": 3599, "token_type": "Bearer"}),
            )
        }
        _ => json_resp(
            StatusCode::BAD_REQUEST,
            &json!({"error": "invalid_grant", "error_description": "Invalid JWT Signature."}),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eventstream_frames_carry_their_lengths_and_crcs() {
        // The total length first; the prelude CRC covers exactly the first
        // 8 bytes, the message CRC everything before it.
        let f = eventstream_frame(&[(":message-type", "event")], b"{}");
        let total = u32::from_be_bytes(f[0..4].try_into().unwrap()) as usize;
        assert_eq!(total, f.len());
        assert_eq!(
            u32::from_be_bytes(f[8..12].try_into().unwrap()),
            crc32fast::hash(&f[0..8])
        );
        let end = f.len() - 4;
        assert_eq!(
            u32::from_be_bytes(f[end..].try_into().unwrap()),
            crc32fast::hash(&f[..end])
        );
    }
}
