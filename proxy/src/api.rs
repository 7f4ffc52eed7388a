//! The client-facing APIs: which endpoint a request is for, which API family
//! (and so which error shape) it speaks, and the texts a model would read.

use std::borrow::Cow;

use http::{HeaderMap, Method};
use serde_json::Value;

use crate::error::ProxyError;

pub use crate::error::ApiKind;

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
///
/// Built only by [`ParsedRequest::parse`], which refuses a duplicate key
/// anywhere and a field of the wrong type where the API defines one, so
/// this tree is the one reading of the body. What goes upstream is encoded
/// from this tree (see `pipeline::upstream_body`), never the client's bytes.
#[derive(Debug)]
pub struct ParsedRequest {
    pub endpoint: Endpoint,
    pub body: serde_json::Map<String, Value>,
    pub model: String,
    pub stream: bool,
    /// `model` names an entry of the `models:` map (set by the pipeline's
    /// model check): an operator's name, not client text, so it is not
    /// scanned. A model name the map does not know is scanned like any text.
    pub model_mapped: bool,
}

impl ParsedRequest {
    /// Parses a JSON body strictly. Errors never quote the body.
    pub fn parse(endpoint: Endpoint, bytes: &[u8]) -> Result<ParsedRequest, ProxyError> {
        let value: Value = crate::strict::parse(bytes).map_err(|e| {
            // The messages name a line and column, never content.
            if e.to_string().starts_with(crate::strict::DUPLICATE_KEY) {
                return ProxyError::BadRequest(format!(
                    "duplicate key in a JSON object at line {} column {}",
                    e.line(),
                    e.column()
                ));
            }
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
        shape::check(endpoint, &body)?;
        Ok(ParsedRequest {
            endpoint,
            body,
            model,
            stream,
            model_mapped: false,
        })
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

/// The types the APIs define for the fields that carry what a model reads.
/// A field of another type is a 400: a translator or an upstream might read
/// it in a way the walk below did not foresee. Messages name positions,
/// never content.
mod shape {
    use serde_json::{Map, Value};

    use super::Endpoint;
    use crate::error::ProxyError;

    type R = Result<(), ProxyError>;

    fn bad(what: String) -> ProxyError {
        ProxyError::BadRequest(what)
    }

    fn is_str_or_null(v: Option<&Value>) -> bool {
        matches!(v, None | Some(Value::Null | Value::String(_)))
    }

    pub(super) fn check(endpoint: Endpoint, body: &Map<String, Value>) -> R {
        match endpoint {
            Endpoint::ChatCompletions => {
                let Some(Value::Array(msgs)) = body.get("messages") else {
                    return Err(bad("`messages` is missing or has the wrong type".into()));
                };
                for (i, m) in msgs.iter().enumerate() {
                    chat_message(m, i)?;
                }
                list_of_objects(body.get("tools"), "tools")?;
                list_of_objects(body.get("functions"), "functions")?;
                Ok(())
            }
            Endpoint::Messages => {
                match body.get("system") {
                    None | Some(Value::Null | Value::String(_)) => {}
                    Some(Value::Array(blocks)) => {
                        for (j, b) in blocks.iter().enumerate() {
                            block(b, &format!("system[{j}]"))?;
                        }
                    }
                    Some(_) => return Err(bad("`system` must be a string or an array of blocks".into())),
                }
                let Some(Value::Array(msgs)) = body.get("messages") else {
                    return Err(bad("`messages` is missing or has the wrong type".into()));
                };
                for (i, m) in msgs.iter().enumerate() {
                    let Value::Object(m) = m else {
                        return Err(bad(format!("`messages[{i}]` must be an object")));
                    };
                    role(m, i, &["user", "assistant"])?;
                    blocks_or_text(m.get("content"), &format!("messages[{i}].content"), true)?;
                }
                list_of_objects(body.get("tools"), "tools")
            }
            Endpoint::Completions => prompt_like(body.get("prompt"), "prompt", true)
                .and_then(|()| text_or_null(body.get("suffix"), "suffix")),
            Endpoint::Embeddings => prompt_like(body.get("input"), "input", true),
            Endpoint::Responses => {
                let has_input = match body.get("input") {
                    None => false,
                    Some(Value::String(_)) => true,
                    Some(Value::Array(items)) => {
                        for (i, item) in items.iter().enumerate() {
                            response_item(item, i)?;
                        }
                        true
                    }
                    Some(_) => return Err(bad("`input` must be a string or an array of items".into())),
                };
                if !has_input && !body.contains_key("previous_response_id") && !body.contains_key("prompt") {
                    return Err(bad("`input` is missing or has the wrong type".into()));
                }
                text_or_null(body.get("instructions"), "instructions")?;
                list_of_objects(body.get("tools"), "tools")
            }
            Endpoint::Models | Endpoint::Classify | Endpoint::Healthz | Endpoint::Readyz | Endpoint::Metrics => Ok(()),
        }
    }

    fn text_or_null(v: Option<&Value>, at: &str) -> R {
        if is_str_or_null(v) {
            Ok(())
        } else {
            Err(bad(format!("`{at}` must be a string")))
        }
    }

    fn list_of_objects(v: Option<&Value>, at: &str) -> R {
        match v {
            None | Some(Value::Null) => Ok(()),
            Some(Value::Array(items)) if items.iter().all(Value::is_object) => Ok(()),
            Some(_) => Err(bad(format!("`{at}` must be an array of objects"))),
        }
    }

    fn role(m: &Map<String, Value>, i: usize, allowed: &[&str]) -> R {
        match m.get("role") {
            Some(Value::String(r)) if allowed.contains(&r.as_str()) => Ok(()),
            _ => Err(bad(format!(
                "`messages[{i}].role` must be one of: {}",
                allowed.join(", ")
            ))),
        }
    }

    const CHAT_ROLES: &[&str] = &["system", "developer", "user", "assistant", "tool", "function"];

    fn chat_message(m: &Value, i: usize) -> R {
        let Value::Object(m) = m else {
            return Err(bad(format!("`messages[{i}]` must be an object")));
        };
        role(m, i, CHAT_ROLES)?;
        match m.get("content") {
            None | Some(Value::Null | Value::String(_)) => {}
            Some(Value::Array(parts)) => {
                for (j, p) in parts.iter().enumerate() {
                    block(p, &format!("messages[{i}].content[{j}]"))?;
                }
            }
            Some(_) => {
                return Err(bad(format!(
                    "`messages[{i}].content` must be a string or an array of parts"
                )))
            }
        }
        for key in ["name", "refusal", "tool_call_id"] {
            text_or_null(m.get(key), &format!("messages[{i}].{key}"))?;
        }
        match m.get("tool_calls") {
            None | Some(Value::Null) => {}
            Some(Value::Array(calls)) => {
                for (j, c) in calls.iter().enumerate() {
                    let Value::Object(c) = c else {
                        return Err(bad(format!("`messages[{i}].tool_calls[{j}]` must be an object")));
                    };
                    function_call(c.get("function"), &format!("messages[{i}].tool_calls[{j}].function"))?;
                }
            }
            Some(_) => return Err(bad(format!("`messages[{i}].tool_calls` must be an array"))),
        }
        if m.contains_key("function_call") {
            function_call(m.get("function_call"), &format!("messages[{i}].function_call"))?;
        }
        Ok(())
    }

    fn function_call(v: Option<&Value>, at: &str) -> R {
        match v {
            None | Some(Value::Null) => Ok(()),
            Some(Value::Object(f)) => {
                text_or_null(f.get("name"), &format!("{at}.name"))?;
                text_or_null(f.get("arguments"), &format!("{at}.arguments"))
            }
            Some(_) => Err(bad(format!("`{at}` must be an object"))),
        }
    }

    /// A content part (OpenAI) or block (Anthropic): an object with a
    /// string `type`, whose text-carrying fields are strings.
    fn block(b: &Value, at: &str) -> R {
        let Value::Object(b) = b else {
            return Err(bad(format!("`{at}` must be an object")));
        };
        let kind = match b.get("type") {
            Some(Value::String(t)) => t.as_str(),
            None if b.contains_key("text") => "text",
            _ => return Err(bad(format!("`{at}.type` must be a string"))),
        };
        match kind {
            "text" | "input_text" | "output_text" => match b.get("text") {
                Some(Value::String(_)) => Ok(()),
                _ => Err(bad(format!("`{at}.text` must be a string"))),
            },
            "refusal" => text_or_null(b.get("refusal"), &format!("{at}.refusal")),
            "thinking" => text_or_null(b.get("thinking"), &format!("{at}.thinking")),
            "tool_use" | "server_tool_use" | "mcp_tool_use" => match b.get("input") {
                None | Some(Value::Object(_)) => Ok(()),
                _ => Err(bad(format!("`{at}.input` must be an object"))),
            },
            "tool_result" | "mcp_tool_result" => blocks_or_text(b.get("content"), &format!("{at}.content"), false),
            _ => Ok(()),
        }
    }

    fn blocks_or_text(v: Option<&Value>, at: &str, required: bool) -> R {
        match v {
            None | Some(Value::Null) if !required => Ok(()),
            Some(Value::String(_)) => Ok(()),
            Some(Value::Array(blocks)) => {
                for (j, b) in blocks.iter().enumerate() {
                    block(b, &format!("{at}[{j}]"))?;
                }
                Ok(())
            }
            _ => Err(bad(format!("`{at}` must be a string or an array of blocks"))),
        }
    }

    /// `prompt` (completions) and `input` (embeddings): a string, strings,
    /// or token ids (numbers, or arrays of numbers).
    fn prompt_like(v: Option<&Value>, at: &str, required: bool) -> R {
        let ok = match v {
            None => !required,
            Some(Value::String(_)) => true,
            Some(Value::Array(items)) => {
                items.iter().all(Value::is_string)
                    || items.iter().all(Value::is_number)
                    || items
                        .iter()
                        .all(|i| i.as_array().is_some_and(|a| a.iter().all(Value::is_number)))
            }
            Some(_) => false,
        };
        if ok {
            Ok(())
        } else {
            Err(bad(format!(
                "`{at}` is missing or has the wrong type (a string, strings, or token ids)"
            )))
        }
    }

    /// An item of a Responses `input`: a message (its content a string or
    /// parts) or another typed item.
    fn response_item(item: &Value, i: usize) -> R {
        let Value::Object(m) = item else {
            return Err(bad(format!("`input[{i}]` must be an object")));
        };
        if m.contains_key("role") {
            role(m, i, CHAT_ROLES).map_err(|_| bad(format!("`input[{i}].role` is not a known role")))?;
            blocks_or_text(m.get("content"), &format!("input[{i}].content"), true)?;
        } else if !matches!(m.get("type"), Some(Value::String(_))) {
            return Err(bad(format!("`input[{i}].type` must be a string")));
        }
        for key in ["arguments", "output"] {
            if let Some(v) = m.get(key) {
                if !(v.is_string() || (key == "output" && v.is_array())) {
                    return Err(bad(format!("`input[{i}].{key}` must be a string")));
                }
            }
        }
        Ok(())
    }
}

/// One step of a path into the body: an object member (its key, and its
/// position among the object's members) or an array element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str, usize),
    Index(usize),
}

/// Where a scanned text sits: a string value, an object key, or a number
/// read as its digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Value,
    Key,
    Number,
}

/// One text the upstream would receive, and where it sits in the request.
/// Detectors scan these; [`extract`] yields every one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPart<'a> {
    pub path: Vec<Seg<'a>>,
    pub text: Cow<'a, str>,
    pub origin: Origin,
}

impl TextPart<'_> {
    /// The part's location as a JSON pointer, for records and answers (see [`render_pointer`]).
    pub fn pointer(&self, hidden: &HiddenKeys) -> String {
        let mut p = render_pointer(&self.path, hidden);
        if self.origin == Origin::Key {
            p.push_str("#key");
        }
        p
    }
}

/// Object keys in which the detectors found something: never written out,
/// by name, in a pointer (identified by their address in the parsed body).
#[derive(Debug, Default)]
pub struct HiddenKeys(std::collections::HashSet<usize>);

impl HiddenKeys {
    pub fn hide(&mut self, key: &str) {
        self.0.insert(key.as_ptr() as usize);
    }

    fn hides(&self, key: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&(key.as_ptr() as usize))
    }
}

/// A JSON pointer to `path`. A key is written by name only when it looks
/// like a field name (letters, digits, `_`, `-`, `$`, at most 40 bytes, at
/// most two digits) and the detectors found nothing in it; any other key is
/// written `*N` (the object's N-th member), so a pointer in an audit record
/// or an answer never carries what a client put in a key.
pub fn render_pointer(path: &[Seg<'_>], hidden: &HiddenKeys) -> String {
    let mut out = String::new();
    for seg in path {
        out.push('/');
        match seg {
            Seg::Index(i) => out.push_str(&i.to_string()),
            Seg::Key(k, i) => {
                if plain_key(k) && !hidden.hides(k) {
                    out.push_str(k);
                } else {
                    out.push('*');
                    out.push_str(&i.to_string());
                }
            }
        }
    }
    out
}

fn plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 40
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$'))
        && k.bytes().filter(u8::is_ascii_digit).count() <= 2
}

/// The value at `path` in `root`, for rewriting (pseudonymization).
pub fn value_at_mut<'v>(root: &'v mut Value, path: &[Seg<'_>]) -> Option<&'v mut Value> {
    let mut at = root;
    for seg in path {
        at = match (seg, at) {
            (Seg::Key(k, _), Value::Object(m)) => m.get_mut(*k)?,
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(at)
}

/// Content a model would read that is not text (images, audio, files, token
/// ids, base64 payloads): it cannot be scanned, so policy treats it as
/// sensitive unless told otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpaquePart<'a> {
    pub path: Vec<Seg<'a>>,
    pub kind: &'static str,
}

#[derive(Debug, Default)]
pub struct Extracted<'a> {
    pub texts: Vec<TextPart<'a>>,
    pub opaque: Vec<OpaquePart<'a>>,
}

impl Extracted<'_> {
    pub fn text_bytes(&self) -> usize {
        self.texts.iter().map(|t| t.text.len()).sum()
    }
}

/// Collects every text the upstream would receive: every string value, at
/// any depth, under any key, known or not; every object key that is not a
/// field name of the APIs; every number of five characters or more (read as
/// its digits: an identifier may be sent as a number). Skipped, and why:
///
/// - `model` when it names an entry of the `models:` map (the operator's
///   name; the upstream gets the map's model instead);
/// - `role` when it is one of the APIs' roles, and `type` when it is a
///   lower-case word (`text`, `image_url`, `tool_use`, `string`...):
///   enumerations the upstream validates; any other value is scanned;
/// - base64 payloads (`data:` URLs, `data`/`file_data` of images, audio and
///   files) and token-id prompts: listed as opaque, so the policy's
///   `unscannable` action applies.
pub fn extract(req: &ParsedRequest) -> Extracted<'_> {
    let mut w = Walker {
        out: Extracted::default(),
        path: Vec::with_capacity(8),
    };
    for (idx, (key, value)) in req.body.iter().enumerate() {
        w.path.push(Seg::Key(key, idx));
        let token_ids = matches!(
            (req.endpoint, key.as_str()),
            (Endpoint::Completions, "prompt") | (Endpoint::Embeddings, "input")
        ) && matches!(value, Value::Array(items) if items.iter().any(|i| !i.is_string()));
        if !known_key(key) {
            w.key(key);
        }
        match (key.as_str(), value) {
            ("model", Value::String(_)) if req.model_mapped => {}
            _ if token_ids => w.opaque("tokens"),
            _ => w.walk(value, Some(key), false),
        }
        w.path.pop();
    }
    w.out
}

struct Walker<'a> {
    out: Extracted<'a>,
    path: Vec<Seg<'a>>,
}

impl<'a> Walker<'a> {
    fn text(&mut self, text: Cow<'a, str>, origin: Origin) {
        self.out.texts.push(TextPart {
            path: self.path.clone(),
            text,
            origin,
        });
    }

    fn key(&mut self, key: &'a str) {
        self.text(Cow::Borrowed(key), Origin::Key);
    }

    fn opaque(&mut self, kind: &'static str) {
        self.out.opaque.push(OpaquePart {
            path: self.path.clone(),
            kind,
        });
    }

    /// `key`: the key this value sits under (array elements inherit it).
    /// `in_opaque`: inside an image, audio or file part, whose payload is
    /// already counted as opaque.
    fn walk(&mut self, v: &'a Value, key: Option<&'a str>, in_opaque: bool) {
        match v {
            Value::String(s) => {
                if structural(key, s) {
                    return;
                }
                if binary(key, s) {
                    if !in_opaque {
                        self.opaque("base64");
                    }
                    return;
                }
                self.text(Cow::Borrowed(s), Origin::Value);
            }
            Value::Number(n) => {
                let digits = n.to_string();
                if digits.len() >= 5 {
                    self.text(Cow::Owned(digits), Origin::Number);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.path.push(Seg::Index(i));
                    self.walk(item, key, in_opaque);
                    self.path.pop();
                }
            }
            Value::Object(map) => {
                let kind = opaque_kind(map);
                if let Some(kind) = kind {
                    if !in_opaque {
                        self.opaque(kind);
                    }
                }
                for (idx, (k, child)) in map.iter().enumerate() {
                    self.path.push(Seg::Key(k, idx));
                    if !known_key(k) {
                        self.key(k);
                    }
                    self.walk(child, Some(k), in_opaque || kind.is_some());
                    self.path.pop();
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }
}

/// Values of enumerations the upstream validates (see [`extract`]).
fn structural(key: Option<&str>, value: &str) -> bool {
    match key {
        Some("role") => matches!(
            value,
            "system" | "developer" | "user" | "assistant" | "tool" | "function"
        ),
        Some("type") => {
            value.len() <= 40
                && value.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        }
        _ => false,
    }
}

/// A base64 payload the detectors cannot read: a `data:` URL, or a long
/// unbroken base64 run under `data` / `file_data`.
fn binary(key: Option<&str>, value: &str) -> bool {
    if value.len() < 16 {
        return false;
    }
    if value.starts_with("data:") && value.get(..200).unwrap_or(value).contains(";base64,") {
        return true;
    }
    matches!(key, Some("data" | "file_data"))
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
}

/// The kind of content a part or block carries when it is not text.
fn opaque_kind(map: &serde_json::Map<String, Value>) -> Option<&'static str> {
    match map.get("type").and_then(Value::as_str)? {
        "image" | "image_url" | "input_image" => Some("image"),
        "input_audio" | "audio" => Some("audio"),
        "file" | "input_file" => Some("file"),
        "document" => {
            // Anthropic documents may carry plain text (scanned like any text); anything else is opaque.
            let source = map.get("source").and_then(|s| s.get("type")).and_then(Value::as_str);
            if matches!(source, Some("text" | "content")) {
                None
            } else {
                Some("file")
            }
        }
        _ => None,
    }
}

/// Field names of the APIs (and of JSON Schema in tool definitions): keys
/// that carry no client data, so they are not scanned as text. Every other
/// key is.
fn known_key(k: &str) -> bool {
    matches!(
        k,
        "model"
            | "messages"
            | "role"
            | "content"
            | "text"
            | "type"
            | "name"
            | "id"
            | "tool_calls"
            | "tool_call_id"
            | "function"
            | "functions"
            | "function_call"
            | "arguments"
            | "tools"
            | "tool_choice"
            | "description"
            | "parameters"
            | "properties"
            | "required"
            | "items"
            | "enum"
            | "const"
            | "default"
            | "examples"
            | "title"
            | "format"
            | "pattern"
            | "minimum"
            | "maximum"
            | "minLength"
            | "maxLength"
            | "minItems"
            | "maxItems"
            | "additionalProperties"
            | "anyOf"
            | "oneOf"
            | "allOf"
            | "$ref"
            | "$defs"
            | "definitions"
            | "nullable"
            | "strict"
            | "stream"
            | "stream_options"
            | "include_usage"
            | "max_tokens"
            | "max_completion_tokens"
            | "max_output_tokens"
            | "temperature"
            | "top_p"
            | "top_k"
            | "n"
            | "stop"
            | "stop_sequences"
            | "seed"
            | "user"
            | "metadata"
            | "response_format"
            | "json_schema"
            | "schema"
            | "system"
            | "input"
            | "instructions"
            | "prompt"
            | "suffix"
            | "image_url"
            | "url"
            | "detail"
            | "source"
            | "media_type"
            | "data"
            | "file"
            | "file_id"
            | "file_data"
            | "filename"
            | "input_schema"
            | "tool_use_id"
            | "is_error"
            | "cache_control"
            | "parallel_tool_calls"
            | "logprobs"
            | "top_logprobs"
            | "frequency_penalty"
            | "presence_penalty"
            | "logit_bias"
            | "modalities"
            | "audio"
            | "input_audio"
            | "voice"
            | "encoding_format"
            | "dimensions"
            | "previous_response_id"
            | "store"
            | "reasoning"
            | "reasoning_effort"
            | "effort"
            | "summary"
            | "truncation"
            | "include"
            | "annotations"
            | "refusal"
            | "thinking"
            | "signature"
            | "budget_tokens"
            | "citations"
            | "context"
            | "output"
            | "call_id"
            | "status"
            | "service_tier"
            | "prediction"
            | "variables"
            | "version"
    )
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

    fn texts(ex: &Extracted<'_>) -> Vec<(String, String)> {
        let none = HiddenKeys::default();
        ex.texts
            .iter()
            .map(|t| (t.pointer(&none), t.text.to_string()))
            .collect()
    }

    #[test]
    fn extracts_openai_chat_texts() {
        let body = br#"{"model":"m","messages":[
            {"role":"system","content":"be brief"},
            {"role":"user","content":[{"type":"text","text":"hello"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg"}}]},
            {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"q\":\"x\"}"}}]},
            {"role":"tool","tool_call_id":"c1","content":"result text"}
        ],"tools":[{"type":"function","function":{"name":"f","description":"looks up","parameters":{"type":"object","properties":{"patient_name":{"type":"string","description":"who","enum":["Ann Lee"]}}}}}],"unknown_field":{"kept":"yes"},"max_tokens":12345}"#;
        let req = ParsedRequest::parse(Endpoint::ChatCompletions, body).expect("parse");
        let ex = extract(&req);
        let got = texts(&ex);
        let want: Vec<(&str, &str)> = vec![
            ("/model", "m"),
            ("/messages/0/content", "be brief"),
            ("/messages/1/content/0/text", "hello"),
            ("/messages/2/tool_calls/0/id", "c1"),
            ("/messages/2/tool_calls/0/function/name", "f"),
            ("/messages/2/tool_calls/0/function/arguments", "{\"q\":\"x\"}"),
            ("/messages/3/tool_call_id", "c1"),
            ("/messages/3/content", "result text"),
            ("/tools/0/function/name", "f"),
            ("/tools/0/function/description", "looks up"),
            (
                "/tools/0/function/parameters/properties/patient_name#key",
                "patient_name",
            ),
            (
                "/tools/0/function/parameters/properties/patient_name/description",
                "who",
            ),
            ("/tools/0/function/parameters/properties/patient_name/enum/0", "Ann Lee"),
            ("/unknown_field#key", "unknown_field"),
            ("/unknown_field/kept#key", "kept"),
            ("/unknown_field/kept", "yes"),
            ("/max_tokens", "12345"),
        ];
        let want: Vec<(String, String)> = want.into_iter().map(|(a, b)| (a.into(), b.into())).collect();
        assert_eq!(got, want);
        let opaque: Vec<(String, &str)> = ex
            .opaque
            .iter()
            .map(|o| (render_pointer(&o.path, &HiddenKeys::default()), o.kind))
            .collect();
        assert_eq!(opaque, vec![("/messages/1/content/1".to_string(), "image")]);
    }

    #[test]
    fn a_mapped_model_is_not_scanned_and_keys_with_findings_are_not_named() {
        let body = br#"{"model":"m","messages":[{"role":"user","content":"hi"}],"Maria Lopez 536-22-1234":{"x":"y"}}"#;
        let mut req = ParsedRequest::parse(Endpoint::ChatCompletions, body).expect("parse");
        req.model_mapped = true;
        let ex = extract(&req);
        assert!(!ex.texts.iter().any(|t| t.text == "m"));
        // A key that is not a plain field name is never written by name.
        let ptrs: Vec<String> = texts(&ex).into_iter().map(|(p, _)| p).collect();
        assert!(ptrs.contains(&"/*2#key".to_string()), "{ptrs:?}");
        assert!(ptrs.contains(&"/*2/x".to_string()), "{ptrs:?}");
        // A plain key in which something was found is hidden too.
        let body = br#"{"model":"m","messages":[{"role":"user","content":"hi"}],"jsmith":"y"}"#;
        let req = ParsedRequest::parse(Endpoint::ChatCompletions, body).expect("parse");
        let ex = extract(&req);
        let mut hidden = HiddenKeys::default();
        let part = ex.texts.iter().find(|t| t.origin == Origin::Key).unwrap();
        assert_eq!(part.pointer(&hidden), "/jsmith#key");
        hidden.hide(&part.text);
        assert_eq!(part.pointer(&hidden), "/*2#key");
    }

    #[test]
    fn every_string_of_every_shape_is_extracted() {
        // Fields the attacker's run found unscanned, one per API.
        let cases: &[(Endpoint, &str, &str)] = &[
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object","properties":{"a":{"description":"PLANT"}}}}}}"#,
                "/response_format/json_schema/schema/properties/a/description",
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"assistant","content":null,"function_call":{"name":"f","arguments":"PLANT"}}]}"#,
                "/messages/0/function_call/arguments",
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"assistant","refusal":"PLANT"}]}"#,
                "/messages/0/refusal",
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":"x"}],"prediction":{"type":"content","content":"PLANT"}}"#,
                "/prediction/content",
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":"x"}],"functions":[{"name":"f","description":"PLANT"}]}"#,
                "/functions/0/description",
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":"x"}],"prompt":"PLANT"}"#,
                "/prompt",
            ),
            (
                Endpoint::Completions,
                r#"{"model":"m","prompt":"x","suffix":"PLANT"}"#,
                "/suffix",
            ),
            (
                Endpoint::Responses,
                r#"{"model":"m","input":"x","text":{"format":{"type":"json_schema","schema":{"description":"PLANT"}}}}"#,
                "/text/format/schema/description",
            ),
            (
                Endpoint::Responses,
                r#"{"model":"m","prompt":{"id":"p","variables":{"who":"PLANT"}}}"#,
                "/prompt/variables/who",
            ),
            (
                Endpoint::Responses,
                r#"{"model":"m","input":[{"type":"reasoning","summary":[{"type":"summary_text","text":"PLANT"}]}]}"#,
                "/input/0/summary/0/text",
            ),
            (
                Endpoint::Messages,
                r#"{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"d"},"title":"PLANT"}]}]}"#,
                "/messages/0/content/0/title",
            ),
            (
                Endpoint::Messages,
                r#"{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0xLjQKJcfsj6IKNSAwIG9iago"},"context":"PLANT"}]}]}"#,
                "/messages/0/content/0/context",
            ),
            (
                Endpoint::Messages,
                r#"{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"x"}],"tools":[{"name":"t","input_schema":{"type":"object","properties":{"a":{"description":"PLANT"}}}}]}"#,
                "/tools/0/input_schema/properties/a/description",
            ),
            (
                Endpoint::Messages,
                r#"{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"text","text":"x","citations":[{"type":"char_location","cited_text":"PLANT"}]}]}]}"#,
                "/messages/0/content/0/citations/0/cited_text",
            ),
            (
                Endpoint::Messages,
                r#"{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"x"}],"mcp_servers":[{"type":"url","url":"https://x.example","name":"PLANT"}]}"#,
                "/mcp_servers/0/name",
            ),
        ];
        for (endpoint, body, pointer) in cases {
            let req = ParsedRequest::parse(*endpoint, body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
            let got = texts(&extract(&req));
            assert!(got.iter().any(|(p, t)| p == pointer && t == "PLANT"), "{body}: {got:?}");
        }
    }

    #[test]
    fn token_ids_and_binary_payloads_are_opaque() {
        let req = ParsedRequest::parse(Endpoint::Completions, br#"{"model":"m","prompt":[536,22,1234]}"#).unwrap();
        let ex = extract(&req);
        assert_eq!(ex.opaque.len(), 1);
        assert_eq!(ex.opaque[0].kind, "tokens");
        let req = ParsedRequest::parse(Endpoint::Embeddings, br#"{"model":"m","input":[[5,3],[6]]}"#).unwrap();
        assert_eq!(extract(&req).opaque[0].kind, "tokens");
        // A data URL outside any image part is still counted.
        let req = ParsedRequest::parse(
            Endpoint::ChatCompletions,
            br#"{"model":"m","messages":[{"role":"user","content":"x"}],"blob":"data:text/plain;base64,U1NOIDUzNi0yMi0xMjM0"}"#,
        )
        .unwrap();
        let ex = extract(&req);
        assert_eq!(ex.opaque[0].kind, "base64");
        assert!(!ex.texts.iter().any(|t| t.text.starts_with("data:")));
    }

    #[test]
    fn a_type_or_role_outside_the_vocabulary_is_scanned() {
        let req = ParsedRequest::parse(
            Endpoint::ChatCompletions,
            br#"{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"extra":{"type":"Maria Lopez"}}"#,
        )
        .unwrap();
        let got: Vec<String> = texts(&extract(&req)).into_iter().map(|(_, t)| t).collect();
        assert!(got.contains(&"Maria Lopez".to_string()));
        assert!(!got.contains(&"text".to_string()) && !got.contains(&"user".to_string()));
    }

    #[test]
    fn unexpected_types_are_400() {
        let cases: &[(Endpoint, &str)] = &[
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":536221234}]}"#,
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":{"value":"x"}}]}]}"#,
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":{"a":1}}}]}]}"#,
            ),
            (Endpoint::ChatCompletions, r#"{"model":"m","messages":["hello"]}"#),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"boss","content":"x"}]}"#,
            ),
            (
                Endpoint::ChatCompletions,
                r#"{"model":"m","messages":[{"role":"user","content":"x"}],"tools":["f"]}"#,
            ),
            (
                Endpoint::Messages,
                r#"{"model":"m","messages":[{"role":"user","content":{"text":"x"}}]}"#,
            ),
            (Endpoint::Messages, r#"{"model":"m","system":5,"messages":[]}"#),
            (
                Endpoint::Messages,
                r#"{"model":"m","messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":"x"}]}]}"#,
            ),
            (Endpoint::Completions, r#"{"model":"m","prompt":["a",1]}"#),
            (
                Endpoint::Completions,
                r#"{"model":"m","prompt":"a","suffix":{"a":"b"}}"#,
            ),
            (Endpoint::Embeddings, r#"{"model":"m","input":{"a":"b"}}"#),
            (Endpoint::Responses, r#"{"model":"m","input":[5]}"#),
            (Endpoint::Responses, r#"{"model":"m","input":"x","instructions":["a"]}"#),
        ];
        for (endpoint, body) in cases {
            let err = ParsedRequest::parse(*endpoint, body.as_bytes()).expect_err(body);
            assert_eq!(err.status(), 400, "{body}");
            assert!(!err.to_string().contains("536"), "{err}");
        }
    }

    #[test]
    fn duplicate_keys_are_400_at_any_depth() {
        for body in [
            r#"{"model":"m","messages":[{"role":"user","content":"My SSN is 536-22-1234"}],"messages":[{"role":"user","content":"hi"}]}"#,
            r#"{"model":"m","messages":[{"role":"user","content":"a","content":"b"}]}"#,
            r#"{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a","text":"b"}]}]}"#,
        ] {
            let err = ParsedRequest::parse(Endpoint::ChatCompletions, body.as_bytes()).expect_err(body);
            assert_eq!(err.status(), 400);
            assert!(err.to_string().contains("duplicate key"), "{err}");
        }
    }

    #[test]
    fn extracts_anthropic_texts() {
        let body = br#"{"model":"m","max_tokens":10,"system":[{"type":"text","text":"sys"}],"messages":[
            {"role":"user","content":"hi"},
            {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":{"name":"Ann","n":[1,"two"]}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"out"}]}]}
        ]}"#;
        let mut req = ParsedRequest::parse(Endpoint::Messages, body).expect("parse");
        req.model_mapped = true;
        let got: Vec<String> = texts(&extract(&req)).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, vec!["sys", "hi", "t", "f", "Ann", "two", "t", "out"]);
    }
}
