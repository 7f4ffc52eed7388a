//! The outcome of a decided request, written to the audit trail when its
//! response body is finished (or dropped): status, upstream, model served,
//! latency, and tokens read off the response as it passes (the `usage` of a
//! JSON answer, or of the SSE events that carry it). Only counts are kept.
//!
//! The answer's last frame (or its end) is held back until the outcome
//! record is on disk: a client that got the whole answer can count on its
//! outcome surviving a crash. A client that goes away before the end gets
//! its outcome queued, not awaited.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use serde_json::Value;

use crate::audit::{Audit, OutcomeRecord};
use crate::body::{BoxError, ProxyBody};
use crate::pseudo::restore::Restorer;
use crate::sse::SseParser;
use std::sync::atomic::Ordering;

/// The most of a JSON answer kept to read its usage.
const MAX_JSON: usize = 4 * 1024 * 1024;
/// The most answer text the egress scan reads.
const MAX_EGRESS_TEXT: usize = 256 * 1024;

/// Egress scanning (`egress: { scan: true }` in the policy): the answer's
/// texts, scanned when it ends; findings counted by type in the outcome.
pub struct Egress {
    pub registry: Arc<cordon_detectors::Registry>,
    /// For a pseudonymized request: the values put back are not counted
    /// (they are the client's own, restored).
    pub restorer: Option<Arc<Restorer>>,
    text: String,
}

impl Egress {
    pub fn new(registry: Arc<cordon_detectors::Registry>, restorer: Option<Arc<Restorer>>) -> Egress {
        Egress {
            registry,
            restorer,
            text: String::new(),
        }
    }

    /// Collects the strings a model wrote: every string of the answer but
    /// identifiers, names and enumerations.
    fn collect(&mut self, v: &Value, sep: &str) {
        match v {
            Value::String(s) if self.text.len() + s.len() + sep.len() <= MAX_EGRESS_TEXT => {
                self.text.push_str(s);
                self.text.push_str(sep);
            }
            Value::Array(items) => items.iter().for_each(|i| self.collect(i, sep)),
            Value::Object(map) => {
                for (k, child) in map {
                    if !NOT_TEXT.contains(&k.as_str()) {
                        self.collect(child, sep);
                    }
                }
            }
            _ => {}
        }
    }

    fn scan(&self) -> BTreeMap<String, u32> {
        let mut counts = BTreeMap::new();
        for f in self.registry.scan(&self.text) {
            let restored = self
                .restorer
                .as_ref()
                .is_some_and(|r| self.text.get(f.start..f.end).is_some_and(|value| r.is_original(value)));
            if !restored {
                *counts.entry(f.entity.as_str().to_string()).or_insert(0) += 1;
            }
        }
        counts
    }
}

/// Keys whose strings are not text a model wrote.
const NOT_TEXT: &[&str] = &[
    "id",
    "object",
    "model",
    "type",
    "role",
    "finish_reason",
    "stop_reason",
    "stop_sequence",
    "system_fingerprint",
    "status",
    "name",
    "tool_call_id",
    "call_id",
    "item_id",
    "service_tier",
    "index",
    "logprobs",
    "signature",
];

/// Watches a response body go by and writes the outcome when it ends.
pub struct OutcomeBody {
    inner: ProxyBody,
    watch: Option<Watch>,
    /// Bytes still to come when the answer declared its length.
    remaining: Option<u64>,
    /// The answer's last frame (`None`: its end), held until the outcome is durable.
    held: Option<Held>,
}

type FrameResult = Option<Result<Frame<Bytes>, BoxError>>;

struct Held {
    durable: tokio::sync::oneshot::Receiver<Result<u64, crate::audit::AuditError>>,
    last: FrameResult,
}

struct Watch {
    /// The relay's span: closed when the answer ends.
    span: tracing::Span,
    audit: Arc<Audit>,
    restore: Option<Arc<Restorer>>,
    egress: Option<Egress>,
    record: OutcomeRecord,
    started: Instant,
    reader: Reader,
}

enum Reader {
    Json(Vec<u8>),
    Sse(SseParser),
    Nothing,
}

impl OutcomeBody {
    /// `content_type` says how to read the body for usage (event stream or
    /// JSON); `length` is its declared `Content-Length`, if any.
    #[allow(clippy::too_many_arguments)]
    pub fn wrap(
        inner: ProxyBody,
        audit: Arc<Audit>,
        record: OutcomeRecord,
        started: Instant,
        content_type: &str,
        length: Option<u64>,
        restore: Option<Arc<Restorer>>,
        egress: Option<Egress>,
    ) -> Self {
        let reader = if content_type.starts_with("text/event-stream") {
            Reader::Sse(SseParser::new(MAX_JSON))
        } else if content_type.starts_with("application/json") {
            Reader::Json(Vec::new())
        } else {
            Reader::Nothing
        };
        OutcomeBody {
            inner,
            remaining: length,
            held: None,
            watch: Some(Watch {
                span: tracing::Span::none(),
                audit,
                restore,
                egress,
                record,
                started,
                reader,
            }),
        }
    }
}

impl OutcomeBody {
    /// The span that lasts as long as the answer's relay.
    pub fn with_span(mut self, span: tracing::Span) -> Self {
        if let Some(w) = &mut self.watch {
            w.span = span;
        }
        self
    }
}

impl Watch {
    fn observe(&mut self, chunk: &[u8]) {
        match &mut self.reader {
            Reader::Json(buf) => {
                if buf.len() + chunk.len() <= MAX_JSON {
                    buf.extend_from_slice(chunk);
                }
            }
            Reader::Sse(parser) => {
                if let Ok(events) = parser.push(chunk) {
                    for ev in events {
                        let usage = ev.data.contains("usage") || ev.data.contains("\"model\"");
                        if usage || self.egress.is_some() {
                            if let Ok(v) = serde_json::from_str::<Value>(&ev.data) {
                                if usage {
                                    read_usage(&v, &mut self.record);
                                }
                                if let Some(e) = &mut self.egress {
                                    // Stream deltas join without separators: a value split across events is whole again.
                                    e.collect(&v, "");
                                }
                            }
                        }
                    }
                }
            }
            Reader::Nothing => {}
        }
    }

    /// Completes the record: usage, egress findings, latency, restorations.
    fn complete(&mut self) {
        if let Reader::Json(buf) = &self.reader {
            if let Ok(v) = serde_json::from_slice::<Value>(buf) {
                read_usage(&v, &mut self.record);
                if let Some(e) = &mut self.egress {
                    e.collect(&v, "\n");
                }
            }
        }
        if let Some(e) = &self.egress {
            self.record.egress_entities = Some(e.scan());
        }
        self.record.latency_ms = self.started.elapsed().as_secs_f64() * 1000.0;
        if let Some(r) = &self.restore {
            self.record.restored = Some(r.stats.restored.load(Ordering::Relaxed));
            self.record.paraphrased = Some(r.stats.paraphrased.load(Ordering::Relaxed));
        }
    }

    /// The answer ended: writes the outcome; the receiver says when it is durable.
    fn finish(mut self) -> tokio::sync::oneshot::Receiver<Result<u64, crate::audit::AuditError>> {
        self.complete();
        self.audit.outcome_durable(self.record)
    }

    /// The client went away: queues the outcome.
    fn abandon(mut self) {
        self.complete();
        self.audit.outcome(self.record);
    }
}

/// Takes token counts and the model from any of the APIs' shapes: OpenAI
/// chat/completions (`usage.prompt_tokens`), Responses and Anthropic
/// (`usage.input_tokens`), nested under `message` or `response` in stream
/// events. Larger counts win (streams report them growing).
fn read_usage(v: &Value, rec: &mut OutcomeRecord) {
    for holder in [Some(v), v.get("message"), v.get("response")].into_iter().flatten() {
        if let Some(model) = holder.get("model").and_then(Value::as_str) {
            rec.model_served = Some(model.to_string());
        }
        if let Some(u) = holder.get("usage") {
            let input = u
                .get("prompt_tokens")
                .or_else(|| u.get("input_tokens"))
                .and_then(Value::as_u64);
            let output = u
                .get("completion_tokens")
                .or_else(|| u.get("output_tokens"))
                .and_then(Value::as_u64);
            if let Some(i) = input {
                rec.tokens_in = Some(rec.tokens_in.map_or(i, |x| x.max(i)));
            }
            if let Some(o) = output {
                rec.tokens_out = Some(rec.tokens_out.map_or(o, |x| x.max(o)));
            }
        }
    }
}

impl Body for OutcomeBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = self.get_mut();
        if let Some(held) = &mut this.held {
            let written = match Pin::new(&mut held.durable).poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(r) => matches!(r, Ok(Ok(_))),
            };
            let last = this.held.take().and_then(|h| h.last);
            if !written {
                // Fail closed: an answer whose outcome the trail cannot hold is not completed.
                tracing::error!("audit outcome not written; the answer is cut short");
                return Poll::Ready(Some(Err("the audit trail cannot record the outcome".into())));
            }
            return Poll::Ready(last);
        }
        let res = Pin::new(&mut this.inner).poll_frame(cx);
        let ended = match &res {
            Poll::Ready(Some(Ok(frame))) => {
                if let (Some(w), Some(data)) = (this.watch.as_mut(), frame.data_ref()) {
                    w.observe(data);
                    if let Some(r) = &mut this.remaining {
                        *r = r.saturating_sub(data.len() as u64);
                    }
                }
                // hyper stops polling an answer once its declared length is
                // written (or its body says it has ended) and drops it without
                // asking for the end: that is a complete answer, not a disconnect.
                this.remaining == Some(0) || this.inner.is_end_stream()
            }
            Poll::Ready(Some(Err(_))) => {
                if let Some(w) = this.watch.as_mut() {
                    w.record.error = Some("upstream_stream_error".into());
                }
                false
            }
            Poll::Ready(None) => true,
            Poll::Pending => false,
        };
        match (ended, this.watch.take()) {
            (true, Some(w)) => {
                // `ended` is only ever true for a ready frame or end.
                let Poll::Ready(last) = res else { return Poll::Pending };
                if !w.audit.durable_outcomes() {
                    // `audit.outcomes: queued`: the next group commit writes it.
                    w.abandon();
                    return Poll::Ready(last);
                }
                this.held = Some(Held {
                    durable: w.finish(),
                    last,
                });
                // Polls the receiver now, registering the waker.
                Pin::new(this).poll_frame(cx)
            }
            (_, w) => {
                this.watch = w;
                res
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        // Not ended while an outcome is still to be written, so that hyper
        // polls for the end and the outcome is durable before it.
        self.watch.is_none() && self.held.is_none() && self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for OutcomeBody {
    fn drop(&mut self) {
        // The client went away before the end: still an outcome.
        if let Some(mut w) = self.watch.take() {
            if w.record.error.is_none() {
                w.record.error = Some("client_disconnected".into());
            }
            w.abandon();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_from_every_shape() {
        let mut r = OutcomeRecord::default();
        read_usage(
            &serde_json::json!({"model": "gpt-x", "usage": {"prompt_tokens": 12, "completion_tokens": 5}}),
            &mut r,
        );
        assert_eq!(
            (r.tokens_in, r.tokens_out, r.model_served.as_deref()),
            (Some(12), Some(5), Some("gpt-x"))
        );
        let mut r = OutcomeRecord::default();
        read_usage(
            &serde_json::json!({"type": "message_start", "message": {"model": "claude", "usage": {"input_tokens": 9, "output_tokens": 1}}}),
            &mut r,
        );
        read_usage(
            &serde_json::json!({"type": "message_delta", "usage": {"output_tokens": 7}}),
            &mut r,
        );
        assert_eq!((r.tokens_in, r.tokens_out), (Some(9), Some(7)));
    }
}
