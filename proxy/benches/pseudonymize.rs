//! Pseudonymize + restore on 4 KB chat requests, one core.
//! `cargo bench -p cordon --bench pseudonymize`
//!
//! Per request, what the proxy adds for the `pseudonymize` action, the
//! detectors' scan excluded (it runs for every request; see the `decide`
//! bench):
//! - `pseudonymize`: conversation key, vault lookup, placeholders for every
//!   finding, the second pass over every string, vault store, the body
//!   serialized for the vendor;
//! - `restore_json`: the vendor's 4 KB JSON answer (placeholders in it)
//!   parsed, restored, serialized;
//! - `restore_stream`: the same answer as an SSE stream of 4-character
//!   deltas (about 1,000 events) parsed, restored, encoded;
//! - baselines in the same run: `json_roundtrip` (parse + serialize of the
//!   answer, what any rewriting costs) and `relay_stream` (the stream parsed
//!   and encoded without restoring).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::{json, Value};

use cordon::api::{extract, Endpoint, ParsedRequest};
use cordon::pseudo::restore::{Restorer, Shape, StreamRestore};
use cordon::pseudo::vault::Vault;
use cordon::pseudo::{self, Mapping, Style};
use cordon::sse::{SseEvent, SseParser};

const CLEAN: &str = "Please draft a short, friendly payment reminder for the customer below, mention the amount due \
and the date, and keep it under one hundred words so it fits in a text message. ";
const IDS: &str = "Customer Maria Garcia, card 4111 1111 1111 1111, email maria.garcia@example.org, \
phone (415) 555-0132, IBAN DE89 3704 0044 0532 0130 00. ";

fn request() -> Vec<u8> {
    let mut user = String::new();
    while user.len() < 3700 {
        user.push_str(CLEAN);
        if user.len() < 400 || (1500..1800).contains(&user.len()) {
            user.push_str(IDS);
        }
    }
    let body = json!({
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "You write payment reminders for the billing team."},
            {"role": "user", "content": user},
            {"role": "assistant", "content": "Here is a first draft of the reminder."},
            {"role": "user", "content": "Make it warmer, and mention Maria Garcia by name."},
        ],
        "temperature": 0.2
    });
    serde_json::to_vec(&body).unwrap()
}

fn bench(c: &mut Criterion) {
    let registry = cordon_detectors::Registry::new(&cordon_detectors::DetectorsConfig::default()).unwrap();
    let body = request();
    let parsed = ParsedRequest::parse(Endpoint::ChatCompletions, &body).unwrap();
    let ex = extract(&parsed);
    let summary = cordon::classify::scan(&registry, None, &ex).unwrap();
    assert!(summary.findings.len() >= 10, "{} findings", summary.findings.len());
    let vault = Vault::new(Duration::from_secs(600), 10_000).unwrap();

    // The vendor's answer: the user text as it went out (placeholders in it).
    let applied = pseudo::apply(&parsed, &summary, &ex.texts, Mapping::default(), Style::Token).unwrap();
    let sent_user = Value::Object(applied.body.clone())
        .pointer("/messages/1/content")
        .and_then(Value::as_str)
        .unwrap()
        .to_string();
    assert!(sent_user.contains("[CREDIT_CARD_1]"));
    let answer = json!({"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": sent_user}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 800, "total_tokens": 1700}});
    let answer_bytes = serde_json::to_vec(&answer).unwrap();
    let chars: Vec<char> = sent_user.chars().collect();
    let mut stream = Vec::new();
    for piece in chars.chunks(4) {
        let p: String = piece.iter().collect();
        let ev = json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o-mini",
            "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": null}]});
        SseEvent::data(ev.to_string()).encode_into(&mut stream);
    }
    SseEvent::data("[DONE]").encode_into(&mut stream);
    eprintln!(
        "request {} bytes, {} findings; answer {} bytes; stream {} events",
        body.len(),
        summary.findings.len(),
        answer_bytes.len(),
        chars.len().div_ceil(4) + 1
    );
    let restorer = Arc::new(Restorer::new(applied.mapping, Style::Token));

    let mut g = c.benchmark_group("pseudonymize");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("pseudonymize", |b| {
        b.iter(|| {
            let prefix = pseudo::conversation_prefix(&parsed, Some("t"), Some("c")).unwrap();
            let key = vault.key(&prefix).unwrap();
            let earlier = vault.get(&key).unwrap_or_default();
            let ex = extract(&parsed);
            let a = pseudo::apply(&parsed, &summary, &ex.texts, earlier, Style::Token).unwrap();
            vault.put(key, &a.mapping);
            let out = serde_json::to_vec(&a.body).unwrap();
            (out.len(), Restorer::new(a.mapping, Style::Token))
        })
    });
    g.bench_function("json_roundtrip", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_slice(&answer_bytes).unwrap();
            serde_json::to_vec(&v).unwrap().len()
        })
    });
    g.bench_function("restore_json", |b| {
        b.iter(|| {
            let mut v: Value = serde_json::from_slice(&answer_bytes).unwrap();
            restorer.restore_value(&mut v, true);
            serde_json::to_vec(&v).unwrap().len()
        })
    });
    g.bench_function("relay_stream", |b| {
        b.iter(|| {
            let mut parser = SseParser::new(1 << 20);
            let mut out = Vec::with_capacity(stream.len());
            for ev in parser.push(&stream).unwrap() {
                ev.encode_into(&mut out);
            }
            out.len()
        })
    });
    g.bench_function("restore_stream", |b| {
        b.iter(|| {
            let mut parser = SseParser::new(1 << 20);
            let mut s = StreamRestore::new(restorer.clone(), Shape::Chat);
            let mut out = Vec::with_capacity(stream.len());
            for ev in parser.push(&stream).unwrap() {
                for e in s.on_event(ev) {
                    e.encode_into(&mut out);
                }
            }
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
