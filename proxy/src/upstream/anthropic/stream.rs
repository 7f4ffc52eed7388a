//! Streams, event by event, both directions.

use serde_json::{json, Map, Value};

use super::response::{status_for_anthropic_error_type, status_for_openai_error};
use super::*;
use crate::upstream::TranslateError::Invalid;

use crate::sse::SseEvent;

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
///
/// With the client's stop sequences ([`Self::stop_sequences`]), text that
/// may be the start of one is held back until the next text shows it is not:
/// a server that echoes the matched stop string at the end of its answer
/// (Anthropic's never include it) then ends with `stop_sequence` and the
/// string left out, as a Messages stream would.
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
    /// The client's stop sequences, and the text held back as the possible
    /// start of one.
    stops: Vec<String>,
    held: String,
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
            stops: Vec::new(),
            held: String::new(),
        }
    }

    /// The stop sequences the client asked for (`stop_sequences`).
    pub fn stop_sequences(mut self, stops: Vec<String>) -> Self {
        self.stops = stops.into_iter().filter(|s| !s.is_empty()).collect();
        self
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
                        self.hold_text(text, &mut out);
                    }
                }
                if let Some(calls) = delta.get("tool_calls").and_then(Value::as_array) {
                    for call in calls {
                        self.tool_fragment(call, &mut out)?;
                    }
                }
            }
            if let Some(reason) = str_of(choice, "finish_reason") {
                self.stop_sequence = vllm_stop_sequence(choice);
                if reason == "stop" && self.tools_seen.is_empty() && self.stops.contains(&self.held) {
                    // The matched stop string, echoed: left out, and named.
                    let echoed = std::mem::take(&mut self.held);
                    self.stop_sequence.get_or_insert(echoed);
                }
                self.release_held(&mut out);
                self.close_block(&mut out);
                self.finish_reason = Some(reason.to_string());
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
            self.release_held(&mut out);
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

    /// Text from the upstream: sent, but for a tail that may be the start of
    /// one of the client's stop sequences, held until more text or the
    /// finish reason settles it.
    fn hold_text(&mut self, text: &str, out: &mut Vec<SseEvent>) {
        if self.stops.is_empty() {
            self.text(text, out);
            return;
        }
        self.held.push_str(text);
        let keep = self
            .held
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| self.stops.iter().any(|s| s.starts_with(&self.held[i..])))
            .unwrap_or(self.held.len());
        if keep > 0 {
            let sent: String = self.held.drain(..keep).collect();
            self.text(&sent, out);
        }
    }

    /// Sends the text held back, as text.
    fn release_held(&mut self, out: &mut Vec<SseEvent>) {
        if !self.held.is_empty() {
            let held = std::mem::take(&mut self.held);
            self.text(&held, out);
        }
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
        self.release_held(out);
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
        self.release_held(out);
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
pub(super) fn anthropic_event(data: Value) -> SseEvent {
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
