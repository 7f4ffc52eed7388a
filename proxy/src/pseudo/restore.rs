//! Restoring the answer: placeholders back to the values they stand for,
//! before the client sees a byte.
//!
//! - JSON answers: every string (tool-call `arguments`, which are JSON text
//!   themselves, get the value JSON-escaped).
//! - SSE streams of both APIs: each delta field (a choice's `content`, a tool
//!   call's `arguments`, an Anthropic block's `text`/`partial_json`, a
//!   Responses `*.delta`) is a channel. A placeholder may be split across
//!   events down to one character each; a channel holds back only the bytes
//!   that could still be the start of a placeholder, and gives them back as
//!   soon as they cannot, or when the channel ends (a `finish_reason`, a
//!   `content_block_stop`, a `*.done`, `[DONE]` or the end of the stream),
//!   in an event of the channel's own shape.
//! - Paraphrases ("Person 1", "PERSON_1") are left alone and counted.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use regex::Regex;
use serde_json::{json, Value};
use zeroize::Zeroizing;

use super::{Mapping, Multi, Style};
use crate::api::Endpoint;
use crate::body::BoxError;
use crate::sse::{EventMap, SseEvent};

/// What restoring did, read by the outcome record when the answer ends.
#[derive(Debug, Default)]
pub struct RestoreStats {
    /// Placeholders put back.
    pub restored: AtomicU64,
    /// Paraphrased placeholders seen ("Person 1") and left alone.
    pub paraphrased: AtomicU64,
}

/// Placeholders -> values, for one answer.
pub struct Restorer {
    ac: Option<Multi>,
    placeholders: Vec<String>,
    originals: Vec<Zeroizing<String>>,
    /// The longest placeholder, in bytes.
    max_len: usize,
    /// Bytes a placeholder can start with.
    starts: [bool; 256],
    /// Token placeholders (`PERSON_1`), to recognise paraphrases; empty for surrogates.
    tokens: HashSet<String>,
    pub stats: Arc<RestoreStats>,
}

impl std::fmt::Debug for Restorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Restorer")
            .field("placeholders", &self.placeholders.len())
            .finish()
    }
}

impl Restorer {
    pub fn new(mapping: Mapping, style: Style) -> Restorer {
        let mut placeholders = Vec::with_capacity(mapping.entries.len());
        let mut originals = Vec::with_capacity(mapping.entries.len());
        let mut starts = [false; 256];
        let mut tokens = HashSet::new();
        for e in mapping.entries {
            if let Some(&b) = e.placeholder.as_bytes().first() {
                starts[usize::from(b)] = true;
            }
            if style == Style::Token {
                if let Some(t) = e.placeholder.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
                    tokens.insert(t.to_string());
                }
            }
            placeholders.push(e.placeholder);
            originals.push(e.original);
        }
        let refs: Vec<&str> = placeholders.iter().map(String::as_str).collect();
        let ac = Multi::new(&refs);
        Restorer {
            ac,
            max_len: placeholders.iter().map(String::len).max().unwrap_or(0),
            placeholders,
            originals,
            starts,
            tokens,
            stats: Arc::new(RestoreStats::default()),
        }
    }

    fn original(&self, pattern: usize, json: bool, out: &mut String) {
        let Some(o) = self.originals.get(pattern) else { return };
        if json {
            // Inside JSON text (tool-call arguments): escaped as a JSON string's content.
            let quoted = Zeroizing::new(serde_json::to_string(o.as_str()).unwrap_or_default());
            out.push_str(quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or(""));
        } else {
            out.push_str(o);
        }
    }

    /// Whether `value` is one of the values this restorer puts back.
    pub fn is_original(&self, value: &str) -> bool {
        self.originals.iter().any(|o| o.as_str() == value)
    }

    /// Every complete placeholder of `s` restored; `None` when there is none.
    pub fn restore_str(&self, s: &str, json: bool, count: bool) -> Option<String> {
        let ac = self.ac.as_ref()?;
        let mut out: Option<String> = None;
        let mut at = 0;
        let mut n = 0u64;
        for (start, end, pattern) in ac.find_all(s) {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 32));
            o.push_str(s.get(at..start).unwrap_or(""));
            self.original(pattern, json, o);
            at = end;
            n += 1;
        }
        let mut o = out?;
        o.push_str(s.get(at..).unwrap_or(""));
        if count {
            self.stats.restored.fetch_add(n, Ordering::Relaxed);
        }
        Some(o)
    }

    /// Restores every string of a JSON value in place. `arguments` and
    /// `partial_json` strings are JSON text: values go in escaped.
    pub fn restore_value(&self, v: &mut Value, count: bool) {
        self.walk(v, false, count);
    }

    fn walk(&self, v: &mut Value, json: bool, count: bool) {
        match v {
            Value::String(s) => {
                if let Some(r) = self.restore_str(s, json, count) {
                    *s = r;
                }
                if count {
                    self.count_paraphrases(&mut String::new(), s);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| self.walk(i, false, count)),
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    let json = k == "arguments" || k == "partial_json";
                    self.walk(child, json, count);
                }
            }
            _ => {}
        }
    }

    /// How many bytes at the end of `s` could still be the start of a
    /// placeholder (0 when none could).
    pub fn hold_len(&self, s: &str) -> usize {
        let bytes = s.as_bytes();
        let longest = self.max_len.saturating_sub(1).min(s.len());
        for k in (1..=longest).rev() {
            let start = s.len() - k;
            if !bytes.get(start).is_some_and(|&b| self.starts[usize::from(b)]) || !s.is_char_boundary(start) {
                continue;
            }
            let tail = &bytes[start..];
            if self
                .placeholders
                .iter()
                .any(|p| p.len() > k && p.as_bytes().starts_with(tail))
            {
                return k;
            }
        }
        0
    }

    /// Streams `input` through a channel: returns what can be emitted now,
    /// keeps in `held` what could still become a placeholder. `last`: the
    /// channel ends here, nothing is held.
    pub fn feed(&self, held: &mut String, input: &str, json: bool, last: bool) -> String {
        let mut buf = std::mem::take(held);
        buf.push_str(input);
        let mut out = String::with_capacity(buf.len());
        let mut at = 0;
        if let Some(ac) = &self.ac {
            let mut n = 0;
            for (start, end, pattern) in ac.find_all(&buf) {
                out.push_str(buf.get(at..start).unwrap_or(""));
                self.original(pattern, json, &mut out);
                at = end;
                n += 1;
            }
            self.stats.restored.fetch_add(n, Ordering::Relaxed);
        }
        let rest = buf.get(at..).unwrap_or("");
        let keep = if last { 0 } else { self.hold_len(rest) };
        let split = rest.len() - keep;
        out.push_str(rest.get(..split).unwrap_or(""));
        held.push_str(rest.get(split..).unwrap_or(""));
        zeroize::Zeroize::zeroize(&mut buf);
        out
    }

    /// Counts paraphrases of token placeholders ("Person 1", "credit card 2")
    /// that end in `text`; `tail` is the end of what the channel emitted
    /// before (so a paraphrase split across events counts once).
    pub fn count_paraphrases(&self, tail: &mut String, text: &str) {
        let Some(re) = paraphrase_regex().filter(|_| !self.tokens.is_empty()) else {
            return;
        };
        // A paraphrase ends in a digit: most deltas have none.
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            push_tail(tail, text);
            return;
        }
        let whole = format!("{tail}{text}");
        let n = re
            .captures_iter(&whole)
            .filter(|c| c.get(0).is_some_and(|m| m.end() > tail.len()))
            .filter(|c| {
                let (Some(name), Some(num)) = (c.get(1), c.get(2)) else {
                    return false;
                };
                let compact: String = name
                    .as_str()
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                paraphrase_names()
                    .get(&compact)
                    .is_some_and(|entity| self.tokens.contains(&format!("{entity}_{}", num.as_str())))
            })
            .count();
        if n > 0 {
            self.stats.paraphrased.fetch_add(n as u64, Ordering::Relaxed);
        }
        tail.clear();
        push_tail(tail, &whole);
    }
}

/// Keeps the last 48 bytes (or so, on a character boundary) of what a
/// channel emitted.
fn push_tail(tail: &mut String, text: &str) {
    const KEEP: usize = 48;
    tail.push_str(text);
    if tail.len() > 2 * KEEP {
        let mut cut = tail.len() - KEEP;
        while !tail.is_char_boundary(cut) {
            cut += 1;
        }
        tail.drain(..cut);
    }
}

/// `PERSON 1`, `credit card #2`, `Us_Ssn-3`: an entity name, words joined by
/// space, `_` or `-` or nothing, then a number.
fn paraphrase_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let names: Vec<String> = cordon_detectors::Kind::ALL
            .iter()
            .map(|k| k.as_str().split('_').collect::<Vec<_>>().join("[ _-]?"))
            .collect();
        Regex::new(&format!(r"(?i)\b({})[ _#-]?([0-9]{{1,4}})\b", names.join("|"))).ok()
    })
    .as_ref()
}

/// Entity names without separators -> entity names.
fn paraphrase_names() -> &'static HashMap<String, &'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        cordon_detectors::Kind::ALL
            .iter()
            .map(|k| (k.as_str().replace('_', ""), k.as_str()))
            .collect()
    })
}

/// Which client API shape a stream has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Chat,
    Completions,
    Responses,
    Messages,
}

impl Shape {
    pub fn of(endpoint: Endpoint) -> Option<Shape> {
        match endpoint {
            Endpoint::ChatCompletions => Some(Shape::Chat),
            Endpoint::Completions => Some(Shape::Completions),
            Endpoint::Responses => Some(Shape::Responses),
            Endpoint::Messages => Some(Shape::Messages),
            _ => None,
        }
    }
}

const TEXT: u8 = 0;
const REFUSAL: u8 = 1;
const REASONING: u8 = 2;
const ARGS: u8 = 3;
const OTHER: u8 = 4;

/// (choice/block/output index, content/tool-call index, kind).
type ChannelKey = (u64, u64, u8);

struct Channel {
    held: String,
    tail: String,
    json: bool,
    /// An event of the channel's shape and the path of its delta string:
    /// what carries held bytes out when the channel ends.
    template: Template,
}

type Template = (Option<String>, Value, Vec<Seg<'static>>);

/// A step into a JSON value (serde_json's `pointer` allocates per step).
#[derive(Debug, Clone, Copy)]
enum Seg<'a> {
    K(&'a str),
    I(usize),
}

use Seg::{I, K};

fn at<'v>(v: &'v Value, path: &[Seg<'_>]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        K(k) => v.get(*k),
        I(i) => v.get(*i),
    })
}

fn at_mut<'v>(v: &'v mut Value, path: &[Seg<'_>]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        K(k) => v.get_mut(*k),
        I(i) => v.get_mut(*i),
    })
}

/// Restores one SSE stream, event by event.
pub struct StreamRestore {
    r: Arc<Restorer>,
    shape: Shape,
    channels: BTreeMap<ChannelKey, Channel>,
}

impl StreamRestore {
    pub fn new(r: Arc<Restorer>, shape: Shape) -> StreamRestore {
        StreamRestore {
            r,
            shape,
            channels: BTreeMap::new(),
        }
    }

    /// The events to send for one upstream event: held bytes of channels
    /// that end here (as events of their own), then the event, restored.
    pub fn on_event(&mut self, ev: SseEvent) -> Vec<SseEvent> {
        let Ok(mut v) = serde_json::from_str::<Value>(&ev.data) else {
            // `[DONE]` or anything that is not JSON: every channel ends first.
            let mut out = self.flush(|_| true);
            out.push(ev);
            return out;
        };
        let mut out = Vec::new();
        match self.shape {
            Shape::Chat | Shape::Completions => self.openai_choices(&ev, &mut v, &mut out),
            Shape::Messages => self.anthropic(&ev, &mut v, &mut out),
            Shape::Responses => self.responses(&ev, &mut v, &mut out),
        }
        out.push(SseEvent {
            event: ev.event,
            data: v.to_string(),
        });
        out
    }

    /// The end of the stream: whatever is still held goes out.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        self.flush(|_| true)
    }

    /// Feeds the delta string at `path` of `v` through its channel.
    fn feed_at(
        &mut self,
        key: ChannelKey,
        v: &mut Value,
        path: &[Seg<'_>],
        json: bool,
        last: bool,
        template: impl FnOnce(&Value) -> Template,
    ) {
        if !matches!(at(v, path), Some(Value::String(_))) {
            return;
        }
        let ch = self.channels.entry(key).or_insert_with(|| Channel {
            held: String::new(),
            tail: String::new(),
            json,
            template: template(v),
        });
        if let Some(Value::String(s)) = at_mut(v, path) {
            let emitted = self.r.feed(&mut ch.held, s, ch.json, last);
            self.r.count_paraphrases(&mut ch.tail, &emitted);
            *s = emitted;
        }
    }

    /// Events carrying what the channels chosen by `which` still hold.
    fn flush(&mut self, which: impl Fn(&ChannelKey) -> bool) -> Vec<SseEvent> {
        let mut out = Vec::new();
        for (key, ch) in self.channels.iter_mut() {
            if !which(key) || ch.held.is_empty() {
                continue;
            }
            let held = std::mem::take(&mut ch.held);
            let emitted = self.r.feed(&mut String::new(), &held, ch.json, true);
            self.r.count_paraphrases(&mut ch.tail, &emitted);
            let (event, mut value, path) = ch.template.clone();
            if let Some(slot) = at_mut(&mut value, &path) {
                *slot = Value::String(emitted);
            }
            out.push(SseEvent {
                event,
                data: value.to_string(),
            });
        }
        out
    }

    fn openai_choices(&mut self, ev: &SseEvent, v: &mut Value, out: &mut Vec<SseEvent>) {
        let chat = self.shape == Shape::Chat;
        let n = v.get("choices").and_then(Value::as_array).map_or(0, Vec::len);
        let mut ending = Vec::new();
        for pos in 0..n {
            let Some(choice) = v.get("choices").and_then(|c| c.get(pos)) else {
                continue;
            };
            let index = choice.get("index").and_then(Value::as_u64).unwrap_or(pos as u64);
            let last = choice.get("finish_reason").is_some_and(|f| !f.is_null());
            let calls = choice
                .get("delta")
                .and_then(|d| d.get("tool_calls"))
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            if last {
                ending.push(index);
            }
            let fields: &[(&'static str, u8)] = if chat {
                &[
                    ("content", TEXT),
                    ("refusal", REFUSAL),
                    ("reasoning_content", REASONING),
                ]
            } else {
                &[("text", TEXT)]
            };
            for &(field, kind) in fields {
                let chat_path = [K("choices"), I(pos), K("delta"), K(field)];
                let text_path = [K("choices"), I(pos), K(field)];
                let path: &[Seg<'_>] = if chat { &chat_path } else { &text_path };
                let name = ev.event.clone();
                self.feed_at((index, 0, kind), v, path, false, last, |v| {
                    if chat {
                        let choice =
                            json!({"index": index, "delta": {field: ""}, "logprobs": null, "finish_reason": null});
                        (
                            name,
                            openai_template(v, choice),
                            vec![K("choices"), I(0), K("delta"), K(field)],
                        )
                    } else {
                        let choice = json!({"index": index, "text": "", "logprobs": null, "finish_reason": null});
                        (name, openai_template(v, choice), vec![K("choices"), I(0), K("text")])
                    }
                });
            }
            for c in 0..calls {
                let call = [K("choices"), I(pos), K("delta"), K("tool_calls"), I(c)];
                let j = at(v, &call)
                    .and_then(|t| t.get("index"))
                    .and_then(Value::as_u64)
                    .unwrap_or(c as u64);
                let args = [
                    K("choices"),
                    I(pos),
                    K("delta"),
                    K("tool_calls"),
                    I(c),
                    K("function"),
                    K("arguments"),
                ];
                let name = ev.event.clone();
                self.feed_at((index, j, ARGS), v, &args, true, last, |v| {
                    let choice = json!({"index": index, "delta": {"tool_calls": [{"index": j, "function": {"arguments": ""}}]}, "logprobs": null, "finish_reason": null});
                    (
                        name,
                        openai_template(v, choice),
                        vec![
                            K("choices"),
                            I(0),
                            K("delta"),
                            K("tool_calls"),
                            I(0),
                            K("function"),
                            K("arguments"),
                        ],
                    )
                });
            }
        }
        for index in ending {
            out.extend(self.flush(|k| k.0 == index));
        }
    }

    fn anthropic(&mut self, ev: &SseEvent, v: &mut Value, out: &mut Vec<SseEvent>) {
        let kind = v.get("type").and_then(Value::as_str).unwrap_or("").to_string();
        let index = v.get("index").and_then(Value::as_u64).unwrap_or(0);
        match kind.as_str() {
            "content_block_delta" => {
                let delta_type = at(v, &[K("delta"), K("type")]).and_then(Value::as_str).unwrap_or("");
                let (field, k, json) = match delta_type {
                    "text_delta" => ("text", TEXT, false),
                    "input_json_delta" => ("partial_json", ARGS, true),
                    "thinking_delta" => ("thinking", REASONING, false),
                    _ => {
                        self.r.restore_value(v, true);
                        return;
                    }
                };
                let name = ev.event.clone();
                let path = [K("delta"), K(field)];
                self.feed_at((index, 0, k), v, &path, json, false, |v| {
                    (name, v.clone(), path.to_vec())
                });
            }
            "content_block_stop" => out.extend(self.flush(|k| k.0 == index)),
            "message_delta" | "message_stop" => out.extend(self.flush(|_| true)),
            _ => self.r.restore_value(v, false),
        }
    }

    fn responses(&mut self, ev: &SseEvent, v: &mut Value, out: &mut Vec<SseEvent>) {
        let kind = v.get("type").and_then(Value::as_str).unwrap_or("").to_string();
        let oi = v.get("output_index").and_then(Value::as_u64).unwrap_or(0);
        let ci = v
            .get("content_index")
            .or_else(|| v.get("summary_index"))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let channel_kind = |name: &str| -> u8 {
            if name.contains("function_call_arguments") || name.contains("custom_tool_call_input") {
                ARGS
            } else if name.contains("output_text") {
                TEXT
            } else if name.contains("refusal") {
                REFUSAL
            } else if name.contains("reasoning") {
                REASONING
            } else {
                OTHER
            }
        };
        if let Some(stem) = kind.strip_suffix(".delta") {
            if matches!(v.get("delta"), Some(Value::String(_))) {
                let k = channel_kind(stem);
                let name = ev.event.clone();
                let path = [K("delta")];
                self.feed_at((oi, ci, k), v, &path, k == ARGS, false, |v| {
                    (name, v.clone(), path.to_vec())
                });
                return;
            }
        }
        if let Some(stem) = kind.strip_suffix(".done") {
            let k = channel_kind(stem);
            if kind == "response.output_item.done" {
                out.extend(self.flush(|key| key.0 == oi));
            } else {
                out.extend(self.flush(|key| *key == (oi, ci, k)));
            }
        } else if matches!(
            kind.as_str(),
            "response.completed" | "response.incomplete" | "response.failed" | "error"
        ) {
            out.extend(self.flush(|_| true));
        }
        // Whole texts (`*.done`, the completed response): restored as they are.
        self.r.restore_value(v, false);
    }
}

/// An OpenAI chunk like `v` (id, model, created...) with one choice and no usage.
fn openai_template(v: &Value, choice: Value) -> Value {
    let mut t = serde_json::Map::new();
    if let Value::Object(map) = v {
        for (k, val) in map {
            match k.as_str() {
                "choices" => {
                    t.insert(k.clone(), Value::Array(vec![choice.clone()]));
                }
                "usage" => {}
                _ => {
                    t.insert(k.clone(), val.clone());
                }
            }
        }
    }
    t.entry("choices").or_insert_with(|| Value::Array(vec![choice]));
    Value::Object(t)
}

impl EventMap for StreamRestore {
    fn on_event(&mut self, ev: SseEvent) -> Result<Vec<SseEvent>, BoxError> {
        Ok(StreamRestore::on_event(self, ev))
    }

    fn finish(&mut self) -> Vec<SseEvent> {
        StreamRestore::finish(self)
    }
}
