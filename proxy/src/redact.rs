//! Answer redaction (`egress: { redact: true }` in the policy): what the
//! detectors find in an answer from a cloud upstream is replaced by
//! `[REDACTED_<ENTITY>]` before the client sees it.
//!
//! It runs on the upstream's answer before placeholders are restored, so a
//! value the client itself sent (which went out as a placeholder) comes back
//! restored, while a value the model produced on its own (a hallucinated or
//! injected e-mail, card or SSN) does not reach the client. Every string of
//! the answer is read, whatever its field, except a few structural ones
//! (`id`, `model`, `role`, `type`, `finish_reason`...).
//!
//! Streams: each string field of the events (by its path) is a channel. The
//! last [`HOLD`] bytes of a channel are held back until the next event of
//! that channel or its end, so a value split across events is seen whole; a
//! finding that crosses the cut moves the cut before it. When the stream
//! (or the choice) ends, what is held goes out, redacted, in an event of the
//! channel's own shape.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use cordon_detectors::Registry;
use serde_json::Value;

use crate::body::BoxError;
use crate::sse::{EventMap, SseEvent};

/// Bytes of each stream channel held back: longer than any value the
/// detectors find in one piece (e-mail addresses, cards, IBANs, with their
/// percent- or entity-encoded forms).
pub const HOLD: usize = 160;

/// Keys whose string values are protocol, not content.
fn structural(key: &str) -> bool {
    matches!(
        key,
        "id" | "object"
            | "model"
            | "role"
            | "type"
            | "finish_reason"
            | "stop_reason"
            | "system_fingerprint"
            | "service_tier"
            | "event"
            | "status"
            | "item_id"
            | "call_id"
            | "tool_call_id"
            | "tool_use_id"
            | "signature"
    )
}

/// Replaces detected values in answers; counts what it replaced.
pub struct Redactor {
    registry: Arc<Registry>,
    redacted: AtomicU64,
}

impl Redactor {
    pub fn new(registry: Arc<Registry>) -> Redactor {
        Redactor {
            registry,
            redacted: AtomicU64::new(0),
        }
    }

    /// Values replaced so far.
    pub fn redacted(&self) -> u64 {
        self.redacted.load(Ordering::Relaxed)
    }

    /// Splits `buf` into what may go out now (redacted) and what must wait:
    /// the last [`HOLD`] bytes unless `last`, and never a cut through a
    /// finding.
    fn split(&self, buf: &str, last: bool) -> (String, String) {
        let mut findings = self.registry.scan(buf);
        findings.sort_by_key(|f| f.start);
        let mut cut = if last {
            buf.len()
        } else {
            floor_boundary(buf, buf.len().saturating_sub(HOLD))
        };
        // A finding across the cut waits whole (findings may overlap: repeat until none crosses).
        loop {
            let crossing = findings.iter().find(|f| f.start < cut && f.end > cut).map(|f| f.start);
            match crossing {
                Some(start) => cut = floor_boundary(buf, start),
                None => break,
            }
        }
        let (head, tail) = buf.split_at(cut);
        let mut out = String::with_capacity(head.len());
        let mut at = 0;
        for f in findings.iter().filter(|f| f.end <= cut) {
            if f.start < at {
                continue;
            }
            out.push_str(head.get(at..f.start).unwrap_or(""));
            out.push_str("[REDACTED_");
            out.push_str(f.entity.as_str());
            out.push(']');
            at = f.end;
            self.redacted.fetch_add(1, Ordering::Relaxed);
        }
        out.push_str(head.get(at..).unwrap_or(""));
        (out, tail.to_string())
    }

    /// Redacts a whole text.
    pub fn redact_text(&self, text: &str) -> String {
        self.split(text, true).0
    }

    /// Redacts every content string of a whole answer (JSON bodies).
    pub fn redact_value(&self, v: &mut Value) {
        let mut paths = Vec::new();
        strings(v, &mut Vec::new(), &mut paths);
        for p in paths {
            if let Some(Value::String(s)) = at_mut(v, &p) {
                let red = self.redact_text(s);
                *s = red;
            }
        }
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    K(String),
    I(usize),
}

/// The paths of every content string under `v`.
fn strings(v: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::String(_) => out.push(path.clone()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::I(i));
                strings(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, child) in map {
                if child.is_string() && structural(k) {
                    continue;
                }
                path.push(Step::K(k.clone()));
                strings(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at_mut<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, s| match s {
        Step::K(k) => v.get_mut(k.as_str()),
        Step::I(i) => v.get_mut(*i),
    })
}

/// Whether an event ends the channels it does not carry text for: a
/// choice's finish, a block's or message's stop, a response's completion.
fn ends(v: &Value) -> bool {
    let finished = v
        .get("choices")
        .and_then(Value::as_array)
        .is_some_and(|cs| cs.iter().any(|c| c.get("finish_reason").is_some_and(|f| !f.is_null())));
    let kind = v.get("type").and_then(Value::as_str).unwrap_or("");
    finished
        || matches!(
            kind,
            "content_block_stop" | "message_delta" | "message_stop" | "response.completed" | "response.incomplete"
        )
        || kind.ends_with(".done")
}

struct Channel {
    held: String,
    /// The channel's last event, every content string emptied: what
    /// carries the held bytes out at the end (one copy per event, shared by
    /// the event's channels).
    template: (Option<String>, Arc<Value>),
}

/// Redacts one SSE stream, event by event (see the module doc).
pub struct StreamRedact {
    r: Arc<Redactor>,
    channels: BTreeMap<Vec<Step>, Channel>,
}

impl StreamRedact {
    pub fn new(r: Arc<Redactor>) -> StreamRedact {
        StreamRedact {
            r,
            channels: BTreeMap::new(),
        }
    }

    /// Events carrying what every channel still holds, redacted.
    fn flush(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        for (path, ch) in std::mem::take(&mut self.channels) {
            if ch.held.is_empty() {
                continue;
            }
            let (event, shared) = ch.template;
            let mut value = Value::clone(&shared);
            if let Some(slot) = at_mut(&mut value, &path) {
                *slot = Value::String(self.r.redact_text(&ch.held));
                out.push(SseEvent {
                    event,
                    data: value.to_string(),
                });
            }
        }
        out
    }
}

impl EventMap for StreamRedact {
    fn on_event(&mut self, ev: SseEvent) -> Result<Vec<SseEvent>, BoxError> {
        let Ok(mut v) = serde_json::from_str::<Value>(&ev.data) else {
            // `[DONE]` or anything that is not JSON: everything held goes first.
            let mut out = self.flush();
            out.push(ev);
            return Ok(out);
        };
        let last = ends(&v);
        let mut paths = Vec::new();
        strings(&v, &mut Vec::new(), &mut paths);
        let mut blank = v.clone();
        for p in &paths {
            if let Some(slot) = at_mut(&mut blank, p) {
                *slot = Value::String(String::new());
            }
        }
        if let Some(Value::Array(choices)) = blank.get_mut("choices") {
            for c in choices.iter_mut() {
                if let Some(f) = c.get_mut("finish_reason") {
                    *f = Value::Null;
                }
            }
        }
        if let Value::Object(map) = &mut blank {
            map.remove("usage");
        }
        let blank = Arc::new(blank);
        for p in paths {
            let Some(Value::String(s)) = at_mut(&mut v, &p) else {
                continue;
            };
            let ch = self.channels.entry(p).or_insert_with(|| Channel {
                held: String::new(),
                template: (None, Arc::new(Value::Null)),
            });
            let mut buf = std::mem::take(&mut ch.held);
            buf.push_str(s);
            let (emit, hold) = self.r.split(&buf, last);
            *s = emit;
            ch.held = hold;
            ch.template = (ev.event.clone(), blank.clone());
        }
        let mut out = if last { self.flush() } else { Vec::new() };
        out.push(SseEvent {
            event: ev.event,
            data: v.to_string(),
        });
        Ok(out)
    }

    fn finish(&mut self) -> Vec<SseEvent> {
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor() -> Arc<Redactor> {
        let registry = cordon_detectors::Registry::new(&cordon_detectors::DetectorsConfig::default()).unwrap();
        Arc::new(Redactor::new(Arc::new(registry)))
    }

    #[test]
    fn whole_answers_lose_what_the_detectors_find_in_any_field() {
        let r = redactor();
        let mut v = serde_json::json!({"id": "chatcmpl-1", "choices": [{"index": 0, "message": {"role": "assistant",
            "content": "Write to jane.roe@example.com today.", "record_field": "card 4111 1111 1111 1111"}}]});
        r.redact_value(&mut v);
        let s = v.to_string();
        assert!(!s.contains("jane.roe@example.com") && !s.contains("4111 1111"), "{s}");
        assert!(s.contains("[REDACTED_EMAIL]") && s.contains("chatcmpl-1"), "{s}");
        assert_eq!(r.redacted(), 2);
    }

    #[test]
    fn a_value_split_across_events_is_caught_and_text_still_flows() {
        let r = redactor();
        let mut m = StreamRedact::new(r);
        let chunk = |text: &str, finish: Option<&str>| {
            SseEvent {
            event: None,
            data: serde_json::json!({"id": "c", "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}]})
                .to_string(),
        }
        };
        let pieces = [
            "Here is a long enough answer to let some text flow before the value: ".repeat(4),
            "mail jane.ro".into(),
            "e@example.com and bye".into(),
        ];
        let mut out = Vec::new();
        for p in &pieces {
            out.extend(m.on_event(chunk(p, None)).unwrap());
        }
        assert!(!out.is_empty(), "text flows before the end");
        out.extend(m.on_event(chunk("", Some("stop"))).unwrap());
        out.extend(
            m.on_event(SseEvent {
                event: None,
                data: "[DONE]".into(),
            })
            .unwrap(),
        );
        out.extend(m.finish());
        let text: String = out
            .iter()
            .filter_map(|e| serde_json::from_str::<Value>(&e.data).ok())
            .filter_map(|v| {
                v.pointer("/choices/0/delta/content")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .collect();
        assert!(!text.contains("jane.roe@example.com"), "{text}");
        assert!(text.contains("[REDACTED_EMAIL] and bye"), "{text}");
        assert!(text.starts_with("Here is a long enough answer"), "{text}");
        assert_eq!(out.last().map(|e| e.data.as_str()), Some("[DONE]"));
    }
}
