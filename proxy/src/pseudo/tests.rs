use std::sync::atomic::Ordering;
use std::sync::Arc;

use serde_json::{json, Value};

use super::restore::{Restorer, Shape, StreamRestore};
use super::*;
use crate::api::{extract, Endpoint, ParsedRequest};
use crate::sse::SseEvent;

fn registry() -> cordon_detectors::Registry {
    cordon_detectors::Registry::new(&cordon_detectors::DetectorsConfig::default()).unwrap()
}

fn parse(endpoint: Endpoint, body: &Value) -> ParsedRequest {
    ParsedRequest::parse(endpoint, body.to_string().as_bytes()).unwrap()
}

fn pseudonymize(req: &ParsedRequest, mapping: Mapping, style: Style) -> Applied {
    let ex = extract(req);
    let summary = crate::classify::scan(&registry(), None, &ex).unwrap();
    apply(req, &summary, &ex.texts, mapping, style).unwrap()
}

fn all_strings(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s}\n"),
        Value::Array(a) => a.iter().map(all_strings).collect(),
        Value::Object(m) => m.values().map(all_strings).collect(),
        _ => String::new(),
    }
}

const CARD: &str = "4111 1111 1111 1111";
const CARD_COMPACT: &str = "4111111111111111";
const OTHER_CARD: &str = "5500 0000 0000 0004";
const EMAIL: &str = "jane.roe@clinic.example";

#[test]
fn same_value_same_placeholder_other_value_other_placeholder() {
    let body = json!({"model": "gpt-4o", "user": EMAIL, "messages": [
        {"role": "system", "content": format!("Escalations go to {EMAIL}.")},
        {"role": "user", "content": format!("Refund card {CARD}, not {OTHER_CARD}. Card {CARD_COMPACT} again; mail {EMAIL}.")},
    ]});
    let req = parse(Endpoint::ChatCompletions, &body);
    let a = pseudonymize(&req, Mapping::default(), Style::Token);
    let sent = Value::Object(a.body.clone());
    let text = sent.to_string();
    for v in [CARD, CARD_COMPACT, OTHER_CARD, EMAIL] {
        assert!(!text.contains(v), "{v} leaked: {text}");
    }
    let user = sent.pointer("/messages/1/content").and_then(Value::as_str).unwrap();
    assert_eq!(
        user,
        "Refund card [CREDIT_CARD_1], not [CREDIT_CARD_2]. Card [CREDIT_CARD_1] again; mail [EMAIL_1]."
    );
    // The `user` field is not a text the detectors read: the second pass still replaces it.
    assert_eq!(sent["user"], "[EMAIL_1]");
    assert_eq!(sent["model"], "gpt-4o");
    assert_eq!(a.counts.get("CREDIT_CARD"), Some(&2));
    assert_eq!(a.counts.get("EMAIL"), Some(&1));
    assert!(a.replaced >= 5);
    // The first surface form is what comes back.
    let r = Restorer::new(a.mapping, Style::Token);
    assert_eq!(
        r.restore_str("[CREDIT_CARD_1] / [CREDIT_CARD_2] / [EMAIL_1]", false, true)
            .unwrap(),
        format!("{CARD} / {OTHER_CARD} / {EMAIL}")
    );
}

#[test]
fn undetected_repeats_and_word_boundaries() {
    // "Smith" alone (no first name, no title) may not be detected; once the
    // full name is, its exact occurrences go too, but not inside other words.
    let body = json!({"model": "m", "messages": [
        {"role": "user", "content": "Patient John Smith was seen today. Ask John Smith about Smithfield."},
        {"role": "assistant", "content": "Noted: John Smith."},
    ]});
    let req = parse(Endpoint::ChatCompletions, &body);
    let a = pseudonymize(&req, Mapping::default(), Style::Token);
    let sent = Value::Object(a.body);
    let s = all_strings(&sent);
    assert!(!s.contains("John Smith"), "{s}");
    assert!(s.contains("Smithfield"), "a longer word is left alone: {s}");
}

#[test]
fn tool_call_arguments_stay_valid_json() {
    let args = json!({"card": CARD, "note": "refund"}).to_string();
    let body = json!({"model": "m", "messages": [
        {"role": "user", "content": format!("Refund {CARD}")},
        {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "refund", "arguments": args}}]},
    ]});
    let req = parse(Endpoint::ChatCompletions, &body);
    let a = pseudonymize(&req, Mapping::default(), Style::Token);
    let sent = Value::Object(a.body);
    let args = sent
        .pointer("/messages/1/tool_calls/0/function/arguments")
        .and_then(Value::as_str)
        .unwrap();
    let parsed: Value = serde_json::from_str(args).unwrap();
    assert_eq!(parsed["card"], "[CREDIT_CARD_1]");
}

#[test]
fn surrogates_are_realistic_consistent_and_restored() {
    let body = json!({"model": "m", "messages": [
        {"role": "user", "content": format!("Card {CARD} and again {CARD_COMPACT}; IBAN DE89 3704 0044 0532 0130 00.")},
    ]});
    let req = parse(Endpoint::ChatCompletions, &body);
    let a = pseudonymize(&req, Mapping::default(), Style::Surrogate);
    let sent = Value::Object(a.body);
    let user = sent
        .pointer("/messages/0/content")
        .and_then(Value::as_str)
        .unwrap()
        .to_string();
    assert!(!user.contains(CARD) && !user.contains("3704 0044"), "{user}");
    let card = a
        .mapping
        .entries
        .iter()
        .find(|e| e.entity == "CREDIT_CARD")
        .map(|e| e.placeholder.clone())
        .unwrap();
    let digits: String = card.chars().filter(char::is_ascii_digit).collect();
    assert!(cordon_detectors::validators::luhn(&digits), "{card}");
    assert_eq!(
        user.matches(&card).count(),
        2,
        "the same card, the same surrogate: {user}"
    );
    let r = Restorer::new(a.mapping, Style::Surrogate);
    let back = r.restore_str(&user, false, true).unwrap();
    assert_eq!(
        back,
        format!("Card {CARD} and again {CARD}; IBAN DE89 3704 0044 0532 0130 00.")
    );
}

#[test]
fn conversations_keep_their_placeholders_across_turns() {
    let vault = vault::Vault::new(std::time::Duration::from_secs(60), 100).unwrap();
    let first = json!({"role": "user", "content": format!("Draft a reminder for card {CARD}.")});
    let turn1 = parse(Endpoint::ChatCompletions, &json!({"model": "m", "messages": [first]}));
    let key = vault
        .key(&conversation_prefix(&turn1, Some("t"), Some("c")).unwrap())
        .unwrap();
    let a1 = pseudonymize(&turn1, vault.get(&key).unwrap_or_default(), Style::Token);
    vault.put(key, &a1.mapping);
    let turn2 = parse(
        Endpoint::ChatCompletions,
        &json!({"model": "m", "messages": [first, {"role": "assistant", "content": format!("Reminder for {CARD} drafted.")},
            {"role": "user", "content": format!("Now one for {OTHER_CARD}, and mail {EMAIL}.")}]}),
    );
    let key2 = vault
        .key(&conversation_prefix(&turn2, Some("t"), Some("c")).unwrap())
        .unwrap();
    assert_eq!(key, key2, "the same conversation");
    let a2 = pseudonymize(&turn2, vault.get(&key2).unwrap(), Style::Token);
    let sent = Value::Object(a2.body);
    assert_eq!(
        sent.pointer("/messages/1/content").and_then(Value::as_str),
        Some("Reminder for [CREDIT_CARD_1] drafted.")
    );
    assert_eq!(
        sent.pointer("/messages/2/content").and_then(Value::as_str),
        Some("Now one for [CREDIT_CARD_2], and mail [EMAIL_1].")
    );
    // Other clients, other conversations.
    let other = conversation_prefix(&turn2, Some("t"), Some("other")).unwrap();
    assert_ne!(vault.key(&other).unwrap(), key);
    assert!(conversation_prefix(
        &parse(Endpoint::Completions, &json!({"model": "m", "prompt": "x"})),
        None,
        None
    )
    .is_none());
}

fn mapping(values: &[(&str, &str, &str)]) -> Mapping {
    let mut m = Mapping::default();
    for (entity, original, placeholder) in values {
        m.push(
            entity.to_string(),
            original.to_lowercase(),
            original.to_string(),
            placeholder.to_string(),
        );
    }
    m
}

fn restorer() -> Arc<Restorer> {
    Arc::new(Restorer::new(
        mapping(&[
            ("PERSON", "Jane \"JJ\" Roe", "[PERSON_1]"),
            ("PERSON", "Max Mustermann", "[PERSON_2]"),
            ("CREDIT_CARD", CARD, "[CREDIT_CARD_1]"),
        ]),
        Style::Token,
    ))
}

#[test]
fn hold_back_only_what_could_still_be_a_placeholder() {
    let r = restorer();
    let mut held = String::new();
    assert_eq!(r.feed(&mut held, "Dear [PER", false, false), "Dear ");
    assert_eq!(held, "[PER");
    assert_eq!(r.feed(&mut held, "SON_", false, false), "");
    assert_eq!(held, "[PERSON_");
    assert_eq!(
        r.feed(&mut held, "1], card [CREDIT", false, false),
        "Jane \"JJ\" Roe, card "
    );
    assert_eq!(held, "[CREDIT");
    assert_eq!(
        r.feed(&mut held, "S", false, false),
        "[CREDITS",
        "not a placeholder any more: given back"
    );
    assert_eq!(held, "");
    assert_eq!(r.feed(&mut held, "a [ b [", false, false), "a [ b ");
    assert_eq!(
        r.feed(&mut held, "", false, true),
        "[",
        "the end of a channel gives everything back"
    );
    assert_eq!(
        r.feed(&mut held, "[PERSON_3]", false, false),
        "[PERSON_3]",
        "unknown numbers stay"
    );
    assert_eq!(r.stats.restored.load(Ordering::Relaxed), 1);
    // JSON text (tool-call arguments): the value goes in escaped.
    assert_eq!(
        r.feed(&mut held, "{\"name\": \"[PERSON_1]\"}", true, false),
        "{\"name\": \"Jane \\\"JJ\\\" Roe\"}"
    );
}

#[test]
fn json_answers_are_restored_everywhere_including_tool_calls() {
    let r = restorer();
    let mut v = json!({"choices": [{"message": {"content": "Hi [PERSON_2], card [CREDIT_CARD_1].",
        "tool_calls": [{"function": {"name": "f", "arguments": "{\"who\":\"[PERSON_1]\"}"}}]}}]});
    r.restore_value(&mut v, true);
    assert_eq!(
        v.pointer("/choices/0/message/content").unwrap(),
        &json!(format!("Hi Max Mustermann, card {CARD}."))
    );
    let args: Value = serde_json::from_str(
        v.pointer("/choices/0/message/tool_calls/0/function/arguments")
            .unwrap()
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(args["who"], "Jane \"JJ\" Roe");
    // Anthropic tool_use input is structured: plain strings.
    let mut v = json!({"content": [{"type": "tool_use", "input": {"who": "[PERSON_2]"}}]});
    r.restore_value(&mut v, true);
    assert_eq!(v.pointer("/content/0/input/who").unwrap(), "Max Mustermann");
}

#[test]
fn paraphrases_are_left_alone_and_counted() {
    let r = restorer();
    let mut v = json!({"content": [{"type": "text", "text": "[PERSON_1] (Person 1) and PERSON_2 and credit card 1, not Person 9."}]});
    r.restore_value(&mut v, true);
    assert_eq!(
        v.pointer("/content/0/text").unwrap(),
        "Jane \"JJ\" Roe (Person 1) and PERSON_2 and credit card 1, not Person 9."
    );
    assert_eq!(r.stats.paraphrased.load(Ordering::Relaxed), 3);
}

/// Splits `text` into pieces of 1..=max chars, deterministically from `seed`.
fn pieces(text: &str, seed: u64, max: u64) -> Vec<String> {
    let mut rng = surrogate::Rng::seeded(seed);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let n = (1 + rng.below(max) as usize).min(chars.len() - i);
        out.push(chars[i..i + n].iter().collect());
        i += n;
    }
    out
}

const ANSWER: &str = "Dear [PERSON_1], your card [CREDIT_CARD_1] is fine. [PERSON_2] agrees [";

fn restored_answer() -> String {
    format!("Dear Jane \"JJ\" Roe, your card {CARD} is fine. Max Mustermann agrees [")
}

fn chat_events(parts: &[String]) -> Vec<SseEvent> {
    let chunk = |delta: Value, finish: Value| {
        SseEvent::data(
            json!({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
                "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]})
            .to_string(),
        )
    };
    let mut evs = vec![chunk(json!({"role": "assistant", "content": ""}), Value::Null)];
    evs.extend(parts.iter().map(|p| chunk(json!({"content": p}), Value::Null)));
    evs.push(chunk(json!({}), json!("stop")));
    evs.push(SseEvent::data("[DONE]"));
    evs
}

fn anthropic_events(parts: &[String]) -> Vec<SseEvent> {
    let mut evs = vec![
        SseEvent::named(
            "message_start",
            json!({"type": "message_start", "message": {"content": []}}).to_string(),
        ),
        SseEvent::named(
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
                .to_string(),
        ),
    ];
    evs.extend(parts.iter().map(|p| {
        SseEvent::named(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": p}}).to_string(),
        )
    }));
    evs.push(SseEvent::named(
        "content_block_stop",
        json!({"type": "content_block_stop", "index": 0}).to_string(),
    ));
    evs.push(SseEvent::named(
        "message_stop",
        json!({"type": "message_stop"}).to_string(),
    ));
    evs
}

fn responses_events(parts: &[String]) -> Vec<SseEvent> {
    let mut evs: Vec<SseEvent> = parts
        .iter()
        .map(|p| {
            SseEvent::named(
                "response.output_text.delta",
                json!({"type": "response.output_text.delta", "output_index": 0, "content_index": 0, "item_id": "m1", "delta": p})
                    .to_string(),
            )
        })
        .collect();
    evs.push(SseEvent::named(
        "response.output_text.done",
        json!({"type": "response.output_text.done", "output_index": 0, "content_index": 0, "text": ANSWER}).to_string(),
    ));
    evs
}

/// The text a client reassembles from a restored stream.
fn reassemble(shape: Shape, events: &[SseEvent]) -> String {
    let mut out = String::new();
    for ev in events {
        let Ok(v) = serde_json::from_str::<Value>(&ev.data) else {
            continue;
        };
        let piece = match shape {
            Shape::Chat => v.pointer("/choices/0/delta/content"),
            Shape::Messages => v.pointer("/delta/text"),
            Shape::Responses => v.get("delta"),
            Shape::Completions => v.pointer("/choices/0/text"),
        };
        if let Some(Value::String(s)) = piece {
            out.push_str(s);
        }
    }
    out
}

#[test]
fn streams_of_every_shape_restore_placeholders_split_anywhere() {
    for seed in 0..40 {
        let max = 1 + seed % 6;
        let parts = pieces(ANSWER, seed, max);
        for (shape, events) in [
            (Shape::Chat, chat_events(&parts)),
            (Shape::Messages, anthropic_events(&parts)),
            (Shape::Responses, responses_events(&parts)),
        ] {
            let r = restorer();
            let mut s = StreamRestore::new(r.clone(), shape);
            let mut out = Vec::new();
            for ev in events {
                out.extend(s.on_event(ev));
            }
            out.extend(s.finish());
            assert_eq!(reassemble(shape, &out), restored_answer(), "{shape:?} seed {seed}");
            assert!(out
                .iter()
                .all(|e| !e.data.contains("[PERSON_") && !e.data.contains("[CREDIT_CARD_")));
            assert_eq!(r.stats.restored.load(Ordering::Relaxed), 3, "{shape:?} seed {seed}");
        }
    }
}

#[test]
fn held_bytes_go_out_before_the_channel_ends() {
    // The stream ends in the middle of something that looked like a placeholder.
    let parts: Vec<String> = ["Call [PERSON", "_"].iter().map(|s| s.to_string()).collect();
    let r = restorer();
    let mut s = StreamRestore::new(r, Shape::Chat);
    let mut out = Vec::new();
    for ev in chat_events(&parts) {
        out.extend(s.on_event(ev));
    }
    let finish = out.iter().position(|e| e.data.contains("\"stop\"")).unwrap();
    assert_eq!(reassemble(Shape::Chat, &out[..finish]), "Call [PERSON_");
    let synthesized: Value = serde_json::from_str(&out[finish - 1].data).unwrap();
    assert_eq!(synthesized["id"], "c1");
    assert_eq!(synthesized.pointer("/choices/0/delta/content").unwrap(), "[PERSON_");
    assert!(synthesized.pointer("/choices/0/finish_reason").unwrap().is_null());

    let r = restorer();
    let mut s = StreamRestore::new(r, Shape::Messages);
    let mut out = Vec::new();
    for ev in anthropic_events(&parts) {
        out.extend(s.on_event(ev));
    }
    let stop = out
        .iter()
        .position(|e| e.event.as_deref() == Some("content_block_stop"))
        .unwrap();
    assert_eq!(reassemble(Shape::Messages, &out[..stop]), "Call [PERSON_");
}

#[test]
fn tool_call_argument_streams_are_restored_escaped() {
    let r = restorer();
    let mut s = StreamRestore::new(r, Shape::Chat);
    let args = "{\"who\": \"[PERSON_1]\", \"card\": \"[CREDIT_CARD_1]\"}";
    let mut out = Vec::new();
    for (i, p) in pieces(args, 5, 2).iter().enumerate() {
        let call = if i == 0 {
            json!({"index": 0, "id": "call_1", "type": "function", "function": {"name": "f", "arguments": p}})
        } else {
            json!({"index": 0, "function": {"arguments": p}})
        };
        let ev = json!({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": 0, "delta": {"tool_calls": [call]}, "finish_reason": null}]});
        out.extend(s.on_event(SseEvent::data(ev.to_string())));
    }
    out.extend(s.on_event(SseEvent::data(
        json!({"id": "c1", "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}).to_string(),
    )));
    let mut joined = String::new();
    for e in &out {
        let v: Value = serde_json::from_str(&e.data).unwrap();
        if let Some(Value::String(a)) = v.pointer("/choices/0/delta/tool_calls/0/function/arguments") {
            joined.push_str(a);
        }
    }
    let parsed: Value = serde_json::from_str(&joined).unwrap();
    assert_eq!(parsed, json!({"who": "Jane \"JJ\" Roe", "card": CARD}));
}

#[test]
fn few_and_many_patterns_find_the_same_leftmost_longest_matches() {
    let mut patterns: Vec<String> = [
        "Ann",
        "Anna Lee",
        "Lee",
        "4111 1111",
        "4111 1111 1111 1111",
        "1111 1111",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let hay = "Anna Lee and Ann; card 4111 1111 1111 1111 or 4111 1111, Lee.";
    let few = Multi::new(&patterns.iter().map(String::as_str).collect::<Vec<_>>()).unwrap();
    assert!(matches!(few, Multi::Few(_)));
    let found = few.find_all(hay);
    let texts: Vec<&str> = found.iter().map(|&(s, e, _)| &hay[s..e]).collect();
    assert_eq!(texts, ["Anna Lee", "Ann", "4111 1111 1111 1111", "4111 1111", "Lee"]);
    // Padding the set past the threshold switches to the automaton: same matches.
    for i in 0..40 {
        patterns.push(format!("zz-unused-{i}"));
    }
    let many = Multi::new(&patterns.iter().map(String::as_str).collect::<Vec<_>>()).unwrap();
    assert!(matches!(many, Multi::Many(_)));
    assert_eq!(many.find_all(hay), found);
}
