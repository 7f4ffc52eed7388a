//! AWS Bedrock (`kind: bedrock`): the Converse and ConverseStream APIs,
//! `POST {base_url}/model/{modelId}/converse` and `/converse-stream`, signed
//! with SigV4 (service `bedrock`, region `aws_region`). `base_url` defaults
//! to `https://bedrock-runtime.{aws_region}.amazonaws.com`; the model id
//! is the one the `models:` map names for this upstream.
//!
//! Credentials, in this order: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`
//! (/ `AWS_SESSION_TOKEN`); then a web-identity token
//! (`AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`, what EKS gives a pod),
//! exchanged at STS (`AssumeRoleWithWebIdentity`) and refreshed five
//! minutes before it expires.
//!
//! Streams come as `application/vnd.amazon.eventstream` frames, decoded
//! with their CRCs checked (`aws-smithy-eventstream`), and leave as OpenAI
//! chunks. Tool use, system prompts, stop reasons and usage are mapped both
//! ways.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_eventstream::frame::{DecodedFrame, MessageFrameDecoder};
use aws_smithy_types::event_stream::{HeaderValue as EsValue, Message};
use bytes::{Bytes, BytesMut};
use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{json, Map, Value};
use tokio::sync::Mutex;

use super::TranslateError::{self, Invalid, Unsupported};
use super::{
    fresh_id, now, text_content, user_parts, Answer, ByteStream, Decoded, Http, Outbound, Provider, SendError,
};
use crate::api::{ApiKind, Endpoint};
use crate::body::BoxError;
use crate::config::Upstream;

/// The longest eventstream frame accepted (AWS's limit is 16 MiB).
const MAX_FRAME: usize = 16 * 1024 * 1024;
/// Credentials from STS are renewed this long before they expire.
const REFRESH_BEFORE: Duration = Duration::from_secs(300);

pub struct Bedrock {
    base_url: String,
    region: String,
    creds: CredentialSource,
    http: Http,
}

/// Where the signing keys come from.
enum CredentialSource {
    /// Static keys from the environment.
    Static(Credentials),
    /// A web-identity token file exchanged at STS, cached until shortly before expiry.
    WebIdentity {
        token_file: std::path::PathBuf,
        role_arn: String,
        sts_url: String,
        cached: Mutex<Option<(Credentials, SystemTime)>>,
    },
    None,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Bedrock {
    pub fn new(cfg: &Upstream) -> Result<Bedrock, String> {
        let region = cfg.cloud.aws_region.clone().unwrap_or_default();
        let creds = match (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
            (Some(id), Some(secret)) => CredentialSource::Static(Credentials::new(
                id,
                secret,
                env("AWS_SESSION_TOKEN"),
                None,
                "environment",
            )),
            _ => match (env("AWS_WEB_IDENTITY_TOKEN_FILE"), env("AWS_ROLE_ARN")) {
                (Some(file), Some(role_arn)) => CredentialSource::WebIdentity {
                    token_file: file.into(),
                    role_arn,
                    sts_url: env("AWS_STS_ENDPOINT").unwrap_or_else(|| format!("https://sts.{region}.amazonaws.com")),
                    cached: Mutex::new(None),
                },
                _ => CredentialSource::None,
            },
        };
        Ok(Bedrock {
            base_url: cfg.base_url.clone(),
            region,
            creds,
            http: Http::new(cfg)?,
        })
    }

    async fn credentials(&self) -> Result<Credentials, SendError> {
        match &self.creds {
            CredentialSource::Static(c) => Ok(c.clone()),
            CredentialSource::None => Err(SendError::Other("no AWS credentials".into())),
            CredentialSource::WebIdentity {
                token_file,
                role_arn,
                sts_url,
                cached,
            } => {
                let mut cached = cached.lock().await;
                if let Some((c, expires)) = cached.as_ref() {
                    if SystemTime::now() + REFRESH_BEFORE < *expires {
                        return Ok(c.clone());
                    }
                }
                let token = std::fs::read_to_string(token_file)
                    .map_err(|e| SendError::Other(format!("web identity token file unreadable: {}", e.kind())))?;
                let (c, expires) = assume_role(&self.http, sts_url, role_arn, token.trim()).await?;
                *cached = Some((c.clone(), expires));
                Ok(c)
            }
        }
    }
}

/// STS `AssumeRoleWithWebIdentity` (a query API answering XML).
async fn assume_role(
    http: &Http,
    sts_url: &str,
    role_arn: &str,
    token: &str,
) -> Result<(Credentials, SystemTime), SendError> {
    let form: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("Action", "AssumeRoleWithWebIdentity")
        .append_pair("Version", "2011-06-15")
        .append_pair("RoleArn", role_arn)
        .append_pair("RoleSessionName", "cordon")
        .append_pair("WebIdentityToken", token)
        .finish();
    let resp = http
        .client()
        .post(sts_url)
        .header(http::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .map_err(|e| SendError::Connect(format!("STS: {}", super::describe(e))))?;
    let status = resp.status();
    let text = resp.text().await.map_err(|e| SendError::Other(super::describe(e)))?;
    if !status.is_success() {
        return Err(SendError::Other(format!("STS refused the web identity: HTTP {status}")));
    }
    let field = |name: &str| -> Option<String> {
        let open = format!("<{name}>");
        let start = text.find(&open)? + open.len();
        let end = text[start..].find(&format!("</{name}>"))? + start;
        Some(text[start..end].trim().to_string())
    };
    let (Some(id), Some(secret), Some(session)) =
        (field("AccessKeyId"), field("SecretAccessKey"), field("SessionToken"))
    else {
        return Err(SendError::Other("STS answered without credentials".into()));
    };
    let expires = field("Expiration")
        .and_then(|e| httpdate_rfc3339(&e))
        .unwrap_or_else(|| SystemTime::now() + Duration::from_secs(900));
    Ok((
        Credentials::new(id, secret, Some(session), Some(expires), "sts"),
        expires,
    ))
}

/// `2026-01-02T03:04:05Z` as a time (STS's Expiration).
fn httpdate_rfc3339(s: &str) -> Option<SystemTime> {
    let s = s.trim_end_matches('Z');
    let (date, time) = s.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time
        .split(':')
        .map(|p| p.split('.').next().and_then(|x| x.parse::<i64>().ok()));
    let (hh, mm, ss) = (t.next()??, t.next()??, t.next()??);
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    Some(SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// Percent-encodes a path segment (a model id may hold `:` and `/`).
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Provider for Bedrock {
    fn native_api(&self) -> Option<ApiKind> {
        None
    }

    fn serves(&self, endpoint: Endpoint) -> bool {
        matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages)
    }

    fn availability(&self) -> Result<(), String> {
        match self.creds {
            CredentialSource::None => Err(
                "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN"
                    .into(),
            ),
            _ => Ok(()),
        }
    }

    fn encode(&self, common: &Value, _model: &str) -> Result<Value, TranslateError> {
        converse_request(common)
    }

    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>> {
        Box::pin(async move {
            let op = if out.stream { "converse-stream" } else { "converse" };
            let url = format!("{}/model/{}/{op}", self.base_url, segment(&out.model));
            let creds = self.credentials().await?;
            let mut headers = super::trace_headers(&out.headers);
            headers.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            if out.stream {
                headers.insert(
                    http::header::ACCEPT,
                    HeaderValue::from_static("application/vnd.amazon.eventstream"),
                );
            }
            sign_request(&url, &mut headers, &out.body, &creds, &self.region)?;
            self.http.post(&url, headers, out.body).await
        })
    }

    fn decode(&self, body: &Value, model: &str) -> Result<Decoded, TranslateError> {
        converse_response(body, model).map(Decoded::Answer)
    }

    fn decode_error(&self, status: u16, body: &Value) -> Value {
        let message = body
            .get("message")
            .or_else(|| body.get("Message"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format!("upstream returned HTTP status {status}"));
        json!({"error": {"message": message, "type": error_type(status), "param": null, "code": null}})
    }

    fn decode_stream(&self, body: ByteStream, model: &str, include_usage: bool) -> ByteStream {
        decode_eventstream(body, model.to_string(), include_usage)
    }
}

fn error_type(status: u16) -> &'static str {
    match status {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        500..=599 => "server_error",
        _ => "invalid_request_error",
    }
}

/// Signs a POST with SigV4 (service `bedrock`), adding `x-amz-date`,
/// `authorization` and, with a session, `x-amz-security-token`.
fn sign_request(
    url: &str,
    headers: &mut HeaderMap,
    body: &[u8],
    creds: &Credentials,
    region: &str,
) -> Result<(), SendError> {
    let identity = creds.clone().into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("bedrock")
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| SendError::Other(format!("cannot sign: {e}")))?
        .into();
    let host = reqwest::Url::parse(url)
        .ok()
        .and_then(|u| {
            let h = u.host_str()?.to_string();
            Some(match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h,
            })
        })
        .ok_or_else(|| SendError::Other("bad upstream URL".into()))?;
    let signed: Vec<(&str, &str)> = vec![("host", host.as_str()), ("content-type", "application/json")];
    let req = SignableRequest::new("POST", url, signed.into_iter(), SignableBody::Bytes(body))
        .map_err(|e| SendError::Other(format!("cannot sign: {e}")))?;
    let (instructions, _) = sign(req, &params)
        .map_err(|e| SendError::Other(format!("cannot sign: {e}")))?
        .into_parts();
    for (name, value) in instructions.headers() {
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| SendError::Other("bad signed header".into()))?;
        let mut v = HeaderValue::from_str(value).map_err(|_| SendError::Other("bad signed header".into()))?;
        if name == http::header::AUTHORIZATION || name.as_str() == "x-amz-security-token" {
            v.set_sensitive(true);
        }
        headers.insert(name, v);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Common form (OpenAI chat) -> Converse
// ---------------------------------------------------------------------------

/// An OpenAI chat body as a Converse request.
pub fn converse_request(body: &Value) -> Result<Value, TranslateError> {
    let body = body.as_object().ok_or(Invalid("request body must be an object"))?;
    let input = body
        .get("messages")
        .and_then(Value::as_array)
        .ok_or(Invalid("messages must be an array"))?;
    let mut system = Vec::new();
    let mut messages: Vec<(String, Vec<Value>)> = Vec::new();
    for m in input {
        let role = m.get("role").and_then(Value::as_str).unwrap_or("");
        let (role, blocks) = match role {
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
                    "Bedrock takes images as data: URLs only",
                    "only text and image parts reach Bedrock",
                    |mime, data| {
                        let format = mime.strip_prefix("image/").ok_or(Unsupported("not an image"))?;
                        let format = if format == "jpg" { "jpeg" } else { format };
                        Ok(json!({"image": {"format": format, "source": {"bytes": data}}}))
                    },
                )?,
            ),
            "assistant" => ("assistant", assistant_blocks(m)?),
            "tool" => {
                let id = m
                    .get("tool_call_id")
                    .and_then(Value::as_str)
                    .ok_or(Invalid("tool messages need tool_call_id"))?;
                let text = text_content(m.get("content"))?;
                let result = json!({"toolResult": {"toolUseId": id, "content": [{"text": text}], "status": "success"}});
                ("user", vec![result])
            }
            _ => {
                return Err(Invalid(
                    "messages[].role must be system, developer, user, assistant or tool",
                ))
            }
        };
        if blocks.is_empty() {
            continue;
        }
        // Converse wants roles to alternate: consecutive turns of one role merge.
        match messages.last_mut() {
            Some((last, content)) if last == role => content.extend(blocks),
            _ => messages.push((role.to_string(), blocks)),
        }
    }
    let mut out = Map::new();
    out.insert(
        "messages".into(),
        Value::Array(
            messages
                .into_iter()
                .map(|(role, content)| json!({"role": role, "content": content}))
                .collect(),
        ),
    );
    if !system.is_empty() {
        out.insert("system".into(), Value::Array(system));
    }
    let mut inference = Map::new();
    if let Some(n) = body
        .get("max_completion_tokens")
        .or_else(|| body.get("max_tokens"))
        .filter(|v| v.is_u64())
    {
        inference.insert("maxTokens".into(), n.clone());
    }
    if let Some(t) = body.get("temperature").filter(|v| v.is_number()) {
        inference.insert("temperature".into(), t.clone());
    }
    if let Some(t) = body.get("top_p").filter(|v| v.is_number()) {
        inference.insert("topP".into(), t.clone());
    }
    match body.get("stop") {
        Some(Value::String(s)) => {
            inference.insert("stopSequences".into(), json!([s]));
        }
        Some(Value::Array(a)) if !a.is_empty() => {
            inference.insert("stopSequences".into(), Value::Array(a.clone()));
        }
        _ => {}
    }
    if !inference.is_empty() {
        out.insert("inferenceConfig".into(), Value::Object(inference));
    }
    let choice = body.get("tool_choice").filter(|v| !v.is_null());
    let tools = body.get("tools").and_then(Value::as_array).filter(|t| !t.is_empty());
    if let (Some(tools), false) = (tools, choice.and_then(Value::as_str) == Some("none")) {
        let specs = tools.iter().map(tool_spec).collect::<Result<Vec<_>, _>>()?;
        let mut cfg = Map::new();
        cfg.insert("tools".into(), Value::Array(specs));
        match choice {
            None => {}
            Some(Value::String(s)) if s == "auto" => {
                cfg.insert("toolChoice".into(), json!({"auto": {}}));
            }
            Some(Value::String(s)) if s == "required" => {
                cfg.insert("toolChoice".into(), json!({"any": {}}));
            }
            Some(c) => {
                let name = c
                    .get("function")
                    .and_then(|f| f.get("name"))
                    .and_then(Value::as_str)
                    .ok_or(Invalid("tool_choice must be auto, none, required or a function"))?;
                cfg.insert("toolChoice".into(), json!({"tool": {"name": name}}));
            }
        }
        out.insert("toolConfig".into(), Value::Object(cfg));
    }
    Ok(Value::Object(out))
}

fn assistant_blocks(m: &Value) -> Result<Vec<Value>, TranslateError> {
    let mut out = Vec::new();
    let text = text_content(m.get("content"))?;
    if !text.is_empty() {
        out.push(json!({"text": text}));
    }
    for call in m.get("tool_calls").and_then(Value::as_array).into_iter().flatten() {
        let f = call
            .get("function")
            .ok_or(Invalid("tool_calls[].function is missing"))?;
        let name = f
            .get("name")
            .and_then(Value::as_str)
            .ok_or(Invalid("tool_calls[].function.name"))?;
        let id = call
            .get("id")
            .and_then(Value::as_str)
            .ok_or(Invalid("tool_calls[].id"))?;
        let args = match f.get("arguments") {
            Some(Value::String(s)) if s.trim().is_empty() => json!({}),
            Some(Value::String(s)) => {
                serde_json::from_str(s).map_err(|_| Invalid("tool_calls[].function.arguments is not JSON"))?
            }
            Some(v @ Value::Object(_)) => v.clone(),
            _ => json!({}),
        };
        out.push(json!({"toolUse": {"toolUseId": id, "name": name, "input": args}}));
    }
    Ok(out)
}

fn tool_spec(tool: &Value) -> Result<Value, TranslateError> {
    if tool.get("type").and_then(Value::as_str) != Some("function") {
        return Err(Unsupported("only function tools reach Bedrock"));
    }
    let f = tool.get("function").ok_or(Invalid("tools[].function is missing"))?;
    let name = f
        .get("name")
        .and_then(Value::as_str)
        .ok_or(Invalid("tools[].function.name"))?;
    let mut spec = Map::new();
    spec.insert("name".into(), json!(name));
    if let Some(d) = f.get("description").and_then(Value::as_str) {
        spec.insert("description".into(), json!(d));
    }
    let schema = f
        .get("parameters")
        .cloned()
        .unwrap_or_else(|| json!({"type": "object", "properties": {}}));
    spec.insert("inputSchema".into(), json!({"json": schema}));
    Ok(json!({"toolSpec": spec}))
}

// ---------------------------------------------------------------------------
// Converse -> common form
// ---------------------------------------------------------------------------

/// Converse `stopReason` -> OpenAI `finish_reason`.
fn finish_reason(stop: Option<&str>) -> &'static str {
    match stop {
        Some("max_tokens") | Some("model_context_window_exceeded") => "length",
        Some("tool_use") => "tool_calls",
        Some("guardrail_intervened") | Some("content_filtered") => "content_filter",
        _ => "stop",
    }
}

fn usage(u: Option<&Value>) -> Value {
    let n = |k: &str| u.and_then(|u| u.get(k)).and_then(Value::as_u64).unwrap_or(0);
    let (i, o) = (n("inputTokens"), n("outputTokens"));
    json!({"prompt_tokens": i, "completion_tokens": o, "total_tokens": i + o})
}

/// A Converse answer as a `chat.completion`.
pub fn converse_response(body: &Value, model: &str) -> Result<Value, TranslateError> {
    let content = body
        .get("output")
        .and_then(|o| o.get("message"))
        .and_then(|m| m.get("content"))
        .and_then(Value::as_array)
        .ok_or(Invalid("output.message.content is missing"))?;
    let mut text = String::new();
    let mut calls = Vec::new();
    for block in content {
        if let Some(t) = block.get("text").and_then(Value::as_str) {
            text.push_str(t);
        } else if let Some(t) = block.get("toolUse") {
            let args = t.get("input").cloned().unwrap_or_else(|| json!({}));
            calls.push(json!({
                "id": t.get("toolUseId").and_then(Value::as_str).unwrap_or(""),
                "type": "function",
                "function": {"name": t.get("name").and_then(Value::as_str).unwrap_or(""), "arguments": args.to_string()},
            }));
        }
    }
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
    Ok(json!({
        "id": fresh_id("chatcmpl-"),
        "object": "chat.completion",
        "created": now(),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason(body.get("stopReason").and_then(Value::as_str))}],
        "usage": usage(body.get("usage")),
    }))
}

/// ConverseStream's events, one frame at a time, as OpenAI chunks.
struct StreamState {
    id: String,
    created: u64,
    model: String,
    include_usage: bool,
    /// Converse content block index -> OpenAI tool call index.
    tools: Vec<(u64, usize)>,
    finish: Option<&'static str>,
    done: bool,
}

impl StreamState {
    fn chunk(&self, delta: Value, finish: Option<&str>) -> Value {
        json!({
            "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        })
    }

    /// The chunks for one eventstream message.
    fn on_message(&mut self, msg: &Message) -> Result<Vec<Value>, BoxError> {
        let header = |name: &str| {
            msg.headers()
                .iter()
                .find(|h| h.name().as_str() == name)
                .and_then(|h| match h.value() {
                    EsValue::String(s) => Some(s.as_str().to_string()),
                    _ => None,
                })
        };
        let payload: Value = serde_json::from_slice(msg.payload()).unwrap_or(Value::Null);
        match header(":message-type").as_deref() {
            Some("event") => {}
            Some("exception") | Some("error") => {
                let kind = header(":exception-type")
                    .or_else(|| header(":error-code"))
                    .unwrap_or_else(|| "error".into());
                let message = payload
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("Bedrock ended the stream with an error");
                self.done = true;
                let status = if kind.starts_with("throttling") { 429 } else { 500 };
                let code = if status == 429 {
                    "rate_limit_exceeded"
                } else {
                    "server_error"
                };
                return Ok(vec![
                    json!({"error": {"message": message, "type": error_type(status), "code": code, "bedrock": kind}}),
                ]);
            }
            _ => return Err("an eventstream frame without a message type".into()),
        }
        let mut out = Vec::new();
        match header(":event-type").as_deref() {
            Some("messageStart") => out.push(self.chunk(json!({"role": "assistant", "content": ""}), None)),
            Some("contentBlockStart") => {
                if let Some(t) = payload.get("start").and_then(|s| s.get("toolUse")) {
                    let block = payload.get("contentBlockIndex").and_then(Value::as_u64).unwrap_or(0);
                    let index = self.tools.len();
                    self.tools.push((block, index));
                    out.push(self.chunk(
                        json!({"tool_calls": [{"index": index, "id": t.get("toolUseId"), "type": "function",
                            "function": {"name": t.get("name"), "arguments": ""}}]}),
                        None,
                    ));
                }
            }
            Some("contentBlockDelta") => {
                let delta = payload.get("delta");
                if let Some(t) = delta.and_then(|d| d.get("text")).and_then(Value::as_str) {
                    out.push(self.chunk(json!({"content": t}), None));
                } else if let Some(input) = delta
                    .and_then(|d| d.get("toolUse"))
                    .and_then(|t| t.get("input"))
                    .and_then(Value::as_str)
                {
                    let block = payload.get("contentBlockIndex").and_then(Value::as_u64).unwrap_or(0);
                    if let Some(&(_, index)) = self.tools.iter().find(|(b, _)| *b == block) {
                        out.push(self.chunk(
                            json!({"tool_calls": [{"index": index, "function": {"arguments": input}}]}),
                            None,
                        ));
                    }
                }
            }
            Some("messageStop") => {
                let f = finish_reason(payload.get("stopReason").and_then(Value::as_str));
                self.finish = Some(f);
                out.push(self.chunk(json!({}), Some(f)));
            }
            Some("metadata") if self.include_usage => {
                out.push(json!({
                    "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
                    "choices": [], "usage": usage(payload.get("usage")),
                }));
            }
            // contentBlockStop, metadata without usage asked for, and events added later: nothing to say.
            _ => {}
        }
        Ok(out)
    }
}

fn sse(v: &Value) -> Vec<u8> {
    format!("data: {v}\n\n").into_bytes()
}

/// Decodes an eventstream body into OpenAI chunk events, frame by frame,
/// each frame's CRCs checked; a bad frame ends the stream with an error.
pub fn decode_eventstream(body: ByteStream, model: String, include_usage: bool) -> ByteStream {
    struct St {
        body: ByteStream,
        buf: BytesMut,
        decoder: MessageFrameDecoder,
        state: StreamState,
        ended: bool,
    }
    let st = St {
        body,
        buf: BytesMut::new(),
        decoder: MessageFrameDecoder::new(),
        state: StreamState {
            id: fresh_id("chatcmpl-"),
            created: now(),
            model,
            include_usage,
            tools: Vec::new(),
            finish: None,
            done: false,
        },
        ended: false,
    };
    futures_util::stream::unfold(st, |mut st| async move {
        if st.ended {
            return None;
        }
        loop {
            let mut out = Vec::new();
            // Every complete frame in the buffer.
            loop {
                if st.state.done {
                    break;
                }
                match st.decoder.decode_frame(&mut st.buf) {
                    Ok(DecodedFrame::Complete(msg)) => match st.state.on_message(&msg) {
                        Ok(chunks) => chunks.iter().for_each(|c| out.extend(sse(c))),
                        Err(e) => {
                            st.ended = true;
                            return Some((Err(e), st));
                        }
                    },
                    Ok(DecodedFrame::Incomplete) => break,
                    Err(e) => {
                        st.ended = true;
                        let e: BoxError = format!("bad eventstream frame: {e}").into();
                        return Some((Err(e), st));
                    }
                }
            }
            if st.state.done {
                out.extend_from_slice(b"data: [DONE]\n\n");
                st.ended = true;
                return Some((Ok(Bytes::from(out)), st));
            }
            if !out.is_empty() {
                return Some((Ok(Bytes::from(out)), st));
            }
            match st.body.next().await {
                Some(Ok(chunk)) => {
                    if st.buf.len() + chunk.len() > MAX_FRAME {
                        st.ended = true;
                        return Some((Err("eventstream frame too large".into()), st));
                    }
                    st.buf.extend_from_slice(&chunk);
                }
                Some(Err(e)) => {
                    st.ended = true;
                    return Some((Err(e), st));
                }
                None => {
                    st.ended = true;
                    if !st.buf.is_empty() {
                        return Some((Err("the eventstream ended inside a frame".into()), st));
                    }
                    if st.state.finish.is_none() {
                        return Some((Err("the eventstream ended before messageStop".into()), st));
                    }
                    return Some((Ok(Bytes::from_static(b"data: [DONE]\n\n")), st));
                }
            }
        }
    })
    .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_smithy_eventstream::frame::write_message_to;
    use aws_smithy_types::event_stream::Header;

    fn frame(event: &str, payload: Value) -> Vec<u8> {
        let msg = Message::new(Bytes::from(payload.to_string()))
            .add_header(Header::new(":message-type", EsValue::String("event".into())))
            .add_header(Header::new(":event-type", EsValue::String(event.to_string().into())))
            .add_header(Header::new(":content-type", EsValue::String("application/json".into())));
        let mut out = Vec::new();
        write_message_to(&msg, &mut out).unwrap();
        out
    }

    async fn decode(bytes: Vec<u8>, piece: usize) -> (String, Option<String>) {
        let chunks: Vec<Result<Bytes, BoxError>> = bytes.chunks(piece).map(|c| Ok(Bytes::copy_from_slice(c))).collect();
        let mut s = decode_eventstream(futures_util::stream::iter(chunks).boxed(), "m".into(), true);
        let mut out = String::new();
        while let Some(item) = s.next().await {
            match item {
                Ok(b) => out.push_str(std::str::from_utf8(&b).unwrap()),
                Err(e) => return (out, Some(e.to_string())),
            }
        }
        (out, None)
    }

    fn stream_frames() -> Vec<u8> {
        [
            frame("messageStart", json!({"role": "assistant"})),
            frame(
                "contentBlockDelta",
                json!({"contentBlockIndex": 0, "delta": {"text": "Hel"}}),
            ),
            frame(
                "contentBlockDelta",
                json!({"contentBlockIndex": 0, "delta": {"text": "lo"}}),
            ),
            frame("contentBlockStop", json!({"contentBlockIndex": 0})),
            frame(
                "contentBlockStart",
                json!({"contentBlockIndex": 1, "start": {"toolUse": {"toolUseId": "t1", "name": "f"}}}),
            ),
            frame(
                "contentBlockDelta",
                json!({"contentBlockIndex": 1, "delta": {"toolUse": {"input": "{\"a\":"}}}),
            ),
            frame(
                "contentBlockDelta",
                json!({"contentBlockIndex": 1, "delta": {"toolUse": {"input": "1}"}}}),
            ),
            frame("messageStop", json!({"stopReason": "tool_use"})),
            frame(
                "metadata",
                json!({"usage": {"inputTokens": 3, "outputTokens": 4, "totalTokens": 7}}),
            ),
        ]
        .concat()
    }

    #[tokio::test]
    async fn eventstream_frames_become_openai_chunks_whatever_the_chunking() {
        for piece in [1, 7, 4096] {
            let (out, err) = decode(stream_frames(), piece).await;
            assert_eq!(err, None);
            let events: Vec<Value> = out
                .lines()
                .filter_map(|l| l.strip_prefix("data: "))
                .filter(|d| *d != "[DONE]")
                .map(|d| serde_json::from_str(d).unwrap())
                .collect();
            let text: String = events
                .iter()
                .filter_map(|e| e["choices"][0]["delta"]["content"].as_str())
                .collect();
            assert_eq!(text, "Hello");
            let args: String = events
                .iter()
                .filter_map(|e| e["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str())
                .collect();
            assert_eq!(args, "{\"a\":1}");
            assert!(events.iter().any(|e| e["choices"][0]["finish_reason"] == "tool_calls"));
            assert_eq!(events.last().unwrap()["usage"]["total_tokens"], 7);
            assert!(out.ends_with("data: [DONE]\n\n"));
        }
    }

    #[tokio::test]
    async fn a_frame_with_a_bad_crc_ends_the_stream_with_an_error() {
        let mut bytes = stream_frames();
        // A payload byte of the second frame: its message CRC no longer matches.
        let first = u32::from_be_bytes(bytes[0..4].try_into().unwrap()) as usize;
        bytes[first + 40] ^= 0x20;
        let (out, err) = decode(bytes.clone(), 5).await;
        assert!(err.unwrap().contains("bad eventstream frame"));
        assert!(!out.contains("[DONE]"));
        // A truncated stream is an error too.
        let (_, err) = decode(stream_frames()[..first + 10].to_vec(), 64).await;
        assert!(err.is_some());
    }

    #[test]
    fn converse_requests_carry_system_tools_and_alternating_turns() {
        let body = json!({"model": "m", "max_tokens": 50, "temperature": 0.2, "stop": ["X"], "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "a"}, {"role": "user", "content": [{"type": "text", "text": "b"}]},
            {"role": "assistant", "content": "ok", "tool_calls": [{"id": "t1", "type": "function", "function": {"name": "f", "arguments": "{\"q\":1}"}}]},
            {"role": "tool", "tool_call_id": "t1", "content": "done"}],
            "tools": [{"type": "function", "function": {"name": "f", "description": "d", "parameters": {"type": "object"}}}],
            "tool_choice": {"type": "function", "function": {"name": "f"}}});
        let c = converse_request(&body).unwrap();
        assert_eq!(c["system"], json!([{"text": "Be brief."}]));
        assert_eq!(c["messages"].as_array().unwrap().len(), 3, "{c}");
        assert_eq!(c["messages"][0]["content"], json!([{"text": "a"}, {"text": "b"}]));
        assert_eq!(c["messages"][1]["content"][1]["toolUse"]["input"], json!({"q": 1}));
        assert_eq!(c["messages"][2]["content"][0]["toolResult"]["toolUseId"], "t1");
        assert_eq!(
            c["inferenceConfig"],
            json!({"maxTokens": 50, "temperature": 0.2, "stopSequences": ["X"]})
        );
        assert_eq!(c["toolConfig"]["toolChoice"], json!({"tool": {"name": "f"}}));
        assert_eq!(
            c["toolConfig"]["tools"][0]["toolSpec"]["inputSchema"]["json"]["type"],
            "object"
        );
        let none =
            json!({"messages": [{"role": "user", "content": "a"}], "tools": body["tools"], "tool_choice": "none"});
        assert!(converse_request(&none).unwrap().get("toolConfig").is_none());
        let remote = json!({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}]});
        assert!(converse_request(&remote).is_err());
    }

    #[test]
    fn converse_answers_map_stop_reasons_tools_and_usage() {
        let body = json!({"output": {"message": {"role": "assistant", "content": [{"text": "hi"},
            {"toolUse": {"toolUseId": "t9", "name": "f", "input": {"k": "v"}}}]}},
            "stopReason": "tool_use", "usage": {"inputTokens": 5, "outputTokens": 2, "totalTokens": 7}});
        let v = converse_response(&body, "m").unwrap();
        assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
        assert_eq!(v["choices"][0]["message"]["tool_calls"][0]["id"], "t9");
        assert_eq!(
            v["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"],
            "{\"k\":\"v\"}"
        );
        assert_eq!(
            v["usage"],
            json!({"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7})
        );
        for (stop, finish) in [
            ("max_tokens", "length"),
            ("guardrail_intervened", "content_filter"),
            ("end_turn", "stop"),
        ] {
            let b = json!({"output": {"message": {"content": [{"text": "x"}]}}, "stopReason": stop});
            assert_eq!(
                converse_response(&b, "m").unwrap()["choices"][0]["finish_reason"],
                finish
            );
        }
    }

    #[test]
    fn sts_expiration_parses() {
        let t = httpdate_rfc3339("2026-01-02T03:04:05Z").unwrap();
        let secs = t.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
        assert_eq!(secs, 1_767_323_045);
        assert_eq!(segment("anthropic.claude-v1:0"), "anthropic.claude-v1%3A0");
    }
}
