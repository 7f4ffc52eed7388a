//! Upstreams: where a decided request may go.
//!
//! One [`Provider`] per vendor API, one file each: `openai` (and every
//! OpenAI-compatible server), `anthropic`, `azure` (Azure OpenAI), `bedrock`
//! (AWS Bedrock's Converse API), `gemini` (Google's Gemini API), `vertex`
//! (Vertex AI) and `engine` (the built-in model, in process). A provider says what it serves, encodes a request from the
//! common form (OpenAI's chat shape) into its wire format, sends it, and
//! decodes answers and streams back into the common form. The client's side
//! of a translation (an Anthropic client's request into the common form, the
//! common answer back into Anthropic's) is the same pair of codecs, in
//! [`anthropic`].
//!
//! Sending takes the [`Decided`] request itself ([`Upstream::send`]): the
//! bytes a provider sends are an [`Outbound`], which only this module can
//! make, and only from a decided request. Nothing undecided can be sent.

pub mod anthropic;
pub mod azure;
pub mod bedrock;
pub mod engine;
pub mod gemini;
pub mod openai;
pub mod vertex;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use cordon_engine::Engine;
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use http::{HeaderMap, StatusCode};
use serde_json::Value;

use crate::api::{ApiKind, Endpoint, ParsedRequest};
use crate::body::BoxError;
use crate::classify::Decided;
use crate::config::{self, UpstreamKind, Zone};

/// The longest server-sent event a stream decoder accepts.
/// Why a body cannot be translated between the common form and a provider's
/// or a client's API. The message names the field or shape at fault and
/// never echoes content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslateError {
    /// The body does not have the shape its API requires.
    #[error("invalid body: {0}")]
    Invalid(&'static str),
    /// Valid, but has no counterpart in the other API.
    #[error("not supported across APIs: {0}")]
    Unsupported(&'static str),
}

pub const MAX_SSE_EVENT: usize = 4 * 1024 * 1024;

/// Why an upstream could not be used for a request.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Nothing reached the upstream (refused, DNS, TLS): safe to try another.
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("no response within {0:?}")]
    Timeout(Duration),
    /// The request has no counterpart in this provider's API (the client's fault).
    #[error("cannot translate this request: {0}")]
    Encode(TranslateError),
    #[error("request failed: {0}")]
    Other(String),
}

/// A whole answer in the common form.
pub enum Decoded {
    /// A `chat.completion`.
    Answer(Value),
    /// The provider refused to answer (a safety block): an OpenAI error
    /// object, answered to the client as a 400 in its own shape.
    Refusal(Value),
}

/// A body relayed chunk by chunk.
pub type ByteStream = BoxStream<'static, Result<Bytes, BoxError>>;

/// An upstream's answer: status and headers in, the body still to read.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: ByteStream,
}

impl Answer {
    fn from_reqwest(resp: reqwest::Response) -> Answer {
        Answer {
            status: resp.status(),
            headers: resp.headers().clone(),
            body: resp.bytes_stream().map_err(|e| -> BoxError { Box::new(e) }).boxed(),
        }
    }

    /// Whether the body is a stream of server-sent events.
    pub fn is_sse(&self) -> bool {
        self.headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"))
    }
}

/// A decided request encoded for one provider. Its fields are private to
/// this module and its providers: only [`Upstream::send`] makes one.
pub struct Outbound {
    /// The endpoint in the provider's terms: the client's own when the
    /// provider speaks the client's API, else chat completions.
    endpoint: Endpoint,
    /// The model (deployment, model id) on this upstream.
    model: String,
    stream: bool,
    /// The client's forwardable headers (credentials removed) and trace context.
    headers: HeaderMap,
    body: Bytes,
}

/// One vendor API. Implementations live one per file in this module.
pub trait Provider: Send + Sync {
    /// The client API this provider speaks as is: a request in that API is
    /// sent unchanged but for `model` (byte for byte when that matches too),
    /// and its answer relayed as it comes. `None`: always translated.
    fn native_api(&self) -> Option<ApiKind>;

    /// Whether it has an endpoint for a client request of `endpoint`.
    fn serves(&self, endpoint: Endpoint) -> bool;

    /// `Err(reason)` when it cannot take requests at all (no key, no model).
    fn availability(&self) -> Result<(), String>;

    /// Encodes a request in the common form (an OpenAI chat body) into
    /// this provider's wire format.
    fn encode(&self, common: &Value, model: &str) -> Result<Value, TranslateError>;

    /// Sends, and returns once the answer's headers are in; the body is
    /// read by the caller, chunk by chunk, under the read timeout.
    fn send<'a>(&'a self, out: Outbound) -> BoxFuture<'a, Result<Answer, SendError>>;

    /// A successful, whole answer in the common form (`chat.completion`),
    /// or the provider's refusal (a safety block) as a common-form error.
    fn decode(&self, body: &Value, model: &str) -> Result<Decoded, TranslateError>;

    /// An error answer in the common form (`{"error": {...}}`, OpenAI's shape).
    fn decode_error(&self, status: u16, body: &Value) -> Value;

    /// A streamed answer as common-form server-sent events
    /// (`chat.completion.chunk` ... `[DONE]`).
    fn decode_stream(&self, body: ByteStream, model: &str, include_usage: bool) -> ByteStream;

    /// Whether error answers are decoded into the client's shape even when
    /// the provider speaks the client's API (its errors differ from it).
    fn maps_errors(&self) -> bool {
        false
    }

    /// The built-in engine, when this is one and it loaded (the one serving
    /// now: a model swap puts another in place).
    fn engine(&self) -> Option<Arc<Engine>> {
        None
    }

    /// The built-in engine's slot, where model swaps happen.
    fn engine_slot(&self) -> Option<Arc<engine::Slot>> {
        None
    }
}

/// A configured upstream, ready to send.
pub struct Upstream {
    pub config: config::Upstream,
    provider: Box<dyn Provider>,
}

impl Upstream {
    pub fn new(config: config::Upstream) -> Result<Upstream, String> {
        let provider: Box<dyn Provider> = match config.kind {
            UpstreamKind::Engine => Box::new(engine::Engine::load(&config)),
            UpstreamKind::Openai => Box::new(openai::OpenAi::new(&config)?),
            UpstreamKind::Anthropic => Box::new(anthropic::Anthropic::new(&config)?),
            UpstreamKind::AzureOpenai => Box::new(azure::Azure::new(&config)?),
            UpstreamKind::Bedrock => Box::new(bedrock::Bedrock::new(&config)?),
            UpstreamKind::Gemini => Box::new(gemini::Gemini::new(&config)?),
            UpstreamKind::Vertex => Box::new(vertex::Vertex::new(&config)?),
        };
        Ok(Upstream { config, provider })
    }

    pub fn name(&self) -> &str {
        &self.config.name
    }

    pub fn zone(&self) -> Zone {
        self.config.zone
    }

    /// See [`Provider::native_api`].
    pub fn native_api(&self) -> Option<ApiKind> {
        self.provider.native_api()
    }

    /// The provider behind this upstream.
    pub fn provider(&self) -> &dyn Provider {
        &*self.provider
    }

    /// The built-in engine, when this upstream is one and it loaded.
    pub fn engine(&self) -> Option<Arc<Engine>> {
        self.provider.engine()
    }

    /// See [`Provider::engine_slot`].
    pub fn engine_slot(&self) -> Option<Arc<engine::Slot>> {
        self.provider.engine_slot()
    }

    /// `Err(reason)` when the upstream cannot take requests at all.
    pub fn availability(&self) -> Result<(), String> {
        self.provider.availability()
    }

    /// Whether this upstream can serve a client request of `endpoint`.
    pub fn serves(&self, endpoint: Endpoint) -> bool {
        self.provider.serves(endpoint)
    }

    /// Encodes the decided request for this upstream (model `model`) and
    /// sends it: the only way a request leaves. What is sent is encoded from
    /// the parsed tree the detectors scanned (with placeholders when
    /// pseudonymized), never from the client's bytes. In the provider's own
    /// API: that tree re-encoded, `model` replaced when it differs (unknown
    /// fields kept, in order; a compact body comes out byte for byte as it
    /// came). Otherwise: through the common form into the provider's.
    pub async fn send(
        &self,
        decided: &Decided<Arc<ParsedRequest>>,
        model: &str,
        headers: HeaderMap,
    ) -> Result<Answer, SendError> {
        let req: &ParsedRequest = decided.request();
        let client_api = req.endpoint.api();
        let (endpoint, value) = if self.provider.native_api() == Some(client_api) {
            if model == req.model {
                let body = serde_json::to_vec(&req.body)
                    .map_err(|e| SendError::Other(format!("cannot encode the upstream request: {e}")))?;
                return self
                    .dispatch(req.endpoint, model, req.stream, headers, body.into())
                    .await;
            }
            let mut body = req.body.clone();
            body.insert("model".into(), Value::String(model.to_string()));
            (req.endpoint, Value::Object(body))
        } else {
            let common = common_request(req, model).map_err(SendError::Encode)?;
            let wire = self.provider.encode(&common, model).map_err(SendError::Encode)?;
            (Endpoint::ChatCompletions, wire)
        };
        let body = serde_json::to_vec(&value)
            .map_err(|e| SendError::Other(format!("cannot encode the upstream request: {e}")))?;
        self.dispatch(endpoint, model, req.stream, headers, body.into()).await
    }

    async fn dispatch(
        &self,
        endpoint: Endpoint,
        model: &str,
        stream: bool,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<Answer, SendError> {
        let out = Outbound {
            endpoint,
            model: model.to_string(),
            stream,
            headers,
            body,
        };
        self.provider.send(out).await
    }
}

/// A client's request in the common form: OpenAI chat bodies as they are,
/// Anthropic's translated.
fn common_request(req: &ParsedRequest, model: &str) -> Result<Value, TranslateError> {
    match req.endpoint {
        Endpoint::ChatCompletions => Ok(Value::Object(req.body.clone())),
        Endpoint::Messages => anthropic::anthropic_to_openai_request(&Value::Object(req.body.clone()), model),
        _ => Err(TranslateError::Unsupported(
            "this endpoint is served only by upstreams that speak its API",
        )),
    }
}

/// An HTTP client and the upstream's timeouts, shared by the HTTP providers.
pub(crate) struct Http {
    client: reqwest::Client,
    timeout: Duration,
}

impl Http {
    pub(crate) fn new(cfg: &config::Upstream) -> Result<Http, String> {
        Ok(Http {
            client: http_client(cfg)?,
            timeout: cfg.timeout,
        })
    }

    /// POSTs `body` with `headers` (plus JSON content type and no
    /// compression) and waits for the answer's headers.
    pub(crate) async fn post(&self, url: &str, mut headers: HeaderMap, body: Bytes) -> Result<Answer, SendError> {
        if !headers.contains_key(http::header::CONTENT_TYPE) {
            headers.insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
        }
        headers.insert(
            http::header::ACCEPT_ENCODING,
            http::HeaderValue::from_static("identity"),
        );
        let fut = self.client.post(url).headers(headers).body(body).send();
        match tokio::time::timeout(self.timeout, fut).await {
            Err(_) => Err(SendError::Timeout(self.timeout)),
            Ok(Ok(resp)) => Ok(Answer::from_reqwest(resp)),
            Ok(Err(e)) if e.is_connect() => Err(SendError::Connect(describe(e))),
            Ok(Err(e)) if e.is_timeout() => Err(SendError::Timeout(self.timeout)),
            Ok(Err(e)) => Err(SendError::Other(describe(e))),
        }
    }

    /// The client itself, for side calls (token endpoints).
    pub(crate) fn client(&self) -> &reqwest::Client {
        &self.client
    }
}

/// `Err` naming the variable when a key is configured and its variable unset.
pub(crate) fn key_availability(cfg: &config::Upstream) -> Result<(), String> {
    match (&cfg.api_key, &cfg.api_key_env) {
        (None, Some(var)) => Err(format!("{var} is not set")),
        _ => Ok(()),
    }
}

/// A reqwest error and its causes, without the URL (which could carry a
/// key in a query string).
pub(crate) fn describe(e: reqwest::Error) -> String {
    use std::error::Error;
    let e = e.without_url();
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

fn http_client(cfg: &config::Upstream) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(cfg.connect_timeout)
        .read_timeout(cfg.read_timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(256)
        .tcp_nodelay(true)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("cordon/", env!("CARGO_PKG_VERSION")));
    if let Some(ca) = &cfg.ca_file {
        let pem = std::fs::read(ca).map_err(|e| format!("cannot read {}: {e}", ca.display()))?;
        let certs =
            reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| format!("bad CA bundle {}: {e}", ca.display()))?;
        for c in certs {
            builder = builder.add_root_certificate(c);
        }
    }
    builder.build().map_err(|e| format!("cannot build HTTP client: {e}"))
}

/// A stream translator from [`anthropic`] as an [`crate::sse::EventMap`].
pub(crate) struct Events<T>(pub(crate) T);

impl crate::sse::EventMap for Events<anthropic::AnthropicToOpenAiStream> {
    fn on_event(&mut self, ev: crate::sse::SseEvent) -> Result<Vec<crate::sse::SseEvent>, BoxError> {
        self.0.on_event(&ev).map_err(|e| Box::new(e) as BoxError)
    }
    fn finish(&mut self) -> Vec<crate::sse::SseEvent> {
        self.0.finish()
    }
}

impl crate::sse::EventMap for Events<anthropic::OpenAiToAnthropicStream> {
    fn on_event(&mut self, ev: crate::sse::SseEvent) -> Result<Vec<crate::sse::SseEvent>, BoxError> {
        self.0.on_event(&ev).map_err(|e| Box::new(e) as BoxError)
    }
    fn finish(&mut self) -> Vec<crate::sse::SseEvent> {
        self.0.finish()
    }
}

/// The trace context headers, the only client-side headers a translating
/// provider sends on (the client's own API headers mean nothing there).
pub(crate) fn trace_headers(from: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::new();
    for name in ["traceparent", "tracestate"] {
        if let Some(v) = from.get(name) {
            out.insert(name, v.clone());
        }
    }
    out
}

/// The text of an OpenAI message's `content`: a string, null, or text (and
/// refusal) parts only, for the places that take no other parts.
pub(crate) fn text_content(content: Option<&Value>) -> Result<String, TranslateError> {
    use TranslateError::{Invalid, Unsupported};
    let field = |p: &Value, key: &str, what: &'static str| {
        p.get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or(Invalid(what))
    };
    match content {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(parts)) => {
            let mut out = String::new();
            for p in parts {
                match p.get("type").and_then(Value::as_str) {
                    Some("text") => out.push_str(&field(p, "text", "text part without text")?),
                    Some("refusal") => out.push_str(&field(p, "refusal", "refusal part without refusal")?),
                    _ => return Err(Unsupported("content part other than text here")),
                }
            }
            Ok(out)
        }
        Some(_) => Err(Invalid("content must be a string, null or an array of parts")),
    }
}

/// A process-unique id (`chatcmpl-…`, `msg_…`, `call_…`) for what an
/// upstream gave none.
pub(crate) fn fresh_id(prefix: &str) -> String {
    format!("{prefix}{}", uuid::Uuid::now_v7().simple())
}

/// Seconds since the epoch, for `created`.
pub(crate) fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A user message's `content` as a provider's parts, for providers that take
/// images inline only: `{"text": …}` for text (a string content is one part,
/// none when empty), `image(mime, base64)` for an image given as a `data:`
/// URL. Other images and other parts are refused with the messages given.
pub(crate) fn user_parts(
    content: Option<&serde_json::Value>,
    not_data_url: &'static str,
    other_part: &'static str,
    image: impl Fn(&str, &str) -> Result<serde_json::Value, TranslateError>,
) -> Result<Vec<serde_json::Value>, TranslateError> {
    use serde_json::{json, Value};
    match content {
        Some(Value::Array(parts)) => parts
            .iter()
            .map(|p| match p.get("type").and_then(Value::as_str) {
                Some("text") => Ok(json!({"text": p.get("text").and_then(Value::as_str).unwrap_or("")})),
                Some("image_url") => {
                    let url = p
                        .get("image_url")
                        .and_then(|i| i.get("url"))
                        .and_then(Value::as_str)
                        .ok_or(TranslateError::Invalid("image_url.url must be a string"))?;
                    let (mime, data) = url
                        .strip_prefix("data:")
                        .and_then(|r| r.split_once(";base64,"))
                        .ok_or(TranslateError::Unsupported(not_data_url))?;
                    image(mime, data)
                }
                _ => Err(TranslateError::Unsupported(other_part)),
            })
            .collect(),
        other => {
            let text = text_content(other)?;
            Ok(if text.is_empty() {
                Vec::new()
            } else {
                vec![json!({"text": text})]
            })
        }
    }
}
