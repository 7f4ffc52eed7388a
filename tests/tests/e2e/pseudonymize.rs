//! Pseudonymization end to end: a corpus of sensitive prompts of every
//! entity type goes through `cordon` with a policy that pseudonymizes
//! everything, to fake vendors that echo what they receive. Not one original
//! value may reach a vendor (byte for byte, and after JSON unescaping), and
//! every one must come back to the client, streaming and not, in text and in
//! tool-call arguments, same API and translated.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env, messages_request};

const DATASET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../detectors/eval/dataset.jsonl");

const POLICY: &str = "version: 1\nname: pseudonymize-everything\ndefault: pseudonymize\non_error: block\nunscannable: block\nrules: []\n";

struct Prompt {
    id: String,
    text: String,
    /// The labeled sensitive values in the text.
    values: Vec<String>,
    entities: BTreeSet<String>,
}

/// Prompts from the detectors' labeled evaluation set whose every labeled
/// span the detectors find (pseudonymization can only replace what was
/// detected; the detectors' recall is measured by their own evaluation).
/// Chosen round-robin over entity types so that every type is in.
fn corpus(max: usize) -> Vec<Prompt> {
    let registry = cordon_detectors::Registry::new(&cordon_detectors::DetectorsConfig::default()).unwrap();
    let mut by_entity: BTreeMap<String, Vec<Prompt>> = BTreeMap::new();
    for line in std::fs::read_to_string(DATASET).unwrap().lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        let spans = rec["spans"].as_array().unwrap();
        if spans.is_empty() {
            continue;
        }
        let text = rec["text"].as_str().unwrap().to_string();
        let findings = registry.scan(&text);
        let covered = spans.iter().all(|s| {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            (start..end).all(|i| findings.iter().any(|f| f.start <= i && i < f.end))
        });
        if !covered {
            continue;
        }
        let values: Vec<String> = spans
            .iter()
            .map(|s| text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize].to_string())
            .collect();
        let entities: BTreeSet<String> = spans
            .iter()
            .map(|s| s["entity"].as_str().unwrap().to_string())
            .collect();
        let first = entities.iter().next().unwrap().clone();
        // File each prompt under its rarest entity so every type gets prompts.
        let key = entities
            .iter()
            .min_by_key(|e| by_entity.get(*e).map_or(0, Vec::len))
            .cloned()
            .unwrap_or(first);
        by_entity.entry(key).or_default().push(Prompt {
            id: rec["id"].as_str().unwrap().to_string(),
            text,
            values,
            entities,
        });
    }
    let mut out = Vec::new();
    let mut queues: Vec<std::vec::IntoIter<Prompt>> = by_entity.into_values().map(Vec::into_iter).collect();
    while out.len() < max {
        let before = out.len();
        for q in queues.iter_mut() {
            if out.len() < max {
                if let Some(p) = q.next() {
                    out.push(p);
                }
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

fn start(cloud: &str, extra: &str, o: &FakeUpstream, a: &FakeUpstream, l: &FakeUpstream) -> Cordon {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
    let cfg = config(o, a, l, cloud, &format!("policy: policy.yaml\n{extra}"));
    Cordon::start_in(dir, &cfg, &env())
}

/// Every string of a JSON value, joined: the text after JSON unescaping.
fn strings(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s}\n"),
        Value::Array(a) => a.iter().map(strings).collect(),
        Value::Object(m) => m.values().map(strings).collect(),
        _ => String::new(),
    }
}

/// (text, tool arguments) as a client reassembles them from an answer.
fn answer_of(body: &str, stream: bool, anthropic: bool) -> (String, String) {
    let (mut text, mut args) = (String::new(), String::new());
    if stream {
        for v in crate::sse_data(body) {
            if anthropic {
                if let Some(t) = v.pointer("/delta/text").and_then(Value::as_str) {
                    text.push_str(t);
                }
                if let Some(t) = v.pointer("/delta/partial_json").and_then(Value::as_str) {
                    args.push_str(t);
                }
            } else {
                if let Some(t) = v.pointer("/choices/0/delta/content").and_then(Value::as_str) {
                    text.push_str(t);
                }
                if let Some(t) = v
                    .pointer("/choices/0/delta/tool_calls/0/function/arguments")
                    .and_then(Value::as_str)
                {
                    args.push_str(t);
                }
            }
        }
    } else {
        let v: Value = serde_json::from_str(body).unwrap();
        if anthropic {
            for block in v["content"].as_array().unwrap() {
                if let Some(t) = block["text"].as_str() {
                    text.push_str(t);
                }
                if block["type"] == "tool_use" {
                    args.push_str(&block["input"].to_string());
                }
            }
        } else {
            text.push_str(
                v.pointer("/choices/0/message/content")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            );
            if let Some(a) = v
                .pointer("/choices/0/message/tool_calls/0/function/arguments")
                .and_then(Value::as_str)
            {
                args.push_str(a);
            }
        }
    }
    (text, args)
}

const TOOLS_OPENAI: &str = r#"[{"type": "function", "function": {"name": "echo", "description": "Echo a text.", "parameters": {"type": "object", "properties": {"echo": {"type": "string"}}}}}]"#;
const TOOLS_ANTHROPIC: &str = r#"[{"name": "echo", "description": "Echo a text.", "input_schema": {"type": "object", "properties": {"echo": {"type": "string"}}}}]"#;

/// Sends every prompt three ways (OpenAI JSON, OpenAI stream, Anthropic
/// JSON or stream), some with tools, and checks what the client got back.
/// Returns how many answers came back exactly as the prompt was written.
async fn run_corpus(cordon: &Cordon, prompts: &[Prompt], o: &FakeUpstream, a: &FakeUpstream) -> usize {
    let mut exact = 0;
    for (i, p) in prompts.iter().enumerate() {
        let piece = [1, 2, 3, 5, 8][i % 5];
        o.set_behavior(Behavior::Echo { piece });
        a.set_behavior(Behavior::Echo { piece });
        let tools = i % 7 == 0;
        for (anthropic, stream) in [(false, false), (false, true), (true, i % 2 == 1)] {
            let mut body = json!({"model": "m", "max_tokens": 512, "stream": stream,
                "messages": [{"role": "user", "content": p.text}]});
            if tools {
                let t = if anthropic { TOOLS_ANTHROPIC } else { TOOLS_OPENAI };
                body["tools"] = serde_json::from_str(t).unwrap();
            }
            let req = if anthropic {
                messages_request(cordon, &body)
            } else {
                chat_request(cordon, &body)
            };
            let counts = (o.count(), a.count());
            let resp = req.send().await.unwrap();
            assert_eq!(resp.status(), 200, "{}", p.id);
            // What the vendor received: not one of the prompt's values, raw or unescaped.
            let sent = match (o.count() - counts.0, a.count() - counts.1) {
                (1, 0) => o.last().unwrap(),
                (0, 1) => a.last().unwrap(),
                other => panic!("one request, {other:?} received"),
            };
            let raw = String::from_utf8_lossy(&sent.body).to_string();
            let unescaped = strings(&sent.json());
            for v in &p.values {
                assert!(
                    !raw.contains(v.as_str()) && !unescaped.contains(v.as_str()),
                    "a value of prompt {} reached the vendor ({anthropic}, {stream})",
                    p.id
                );
            }
            assert_eq!(resp.headers()["x-cordon-rule"], "default");
            assert_eq!(resp.headers()["x-cordon-route"], "cloud");
            let got = resp.text().await.unwrap();
            let (text, args) = answer_of(&got, stream, anthropic);
            for v in &p.values {
                assert!(
                    text.contains(v.as_str()),
                    "{}: a value was not restored in the text ({anthropic}, {stream})",
                    p.id
                );
                if tools {
                    let echoed: Value = serde_json::from_str(&args).unwrap();
                    assert!(
                        echoed["echo"].as_str().unwrap().contains(v.as_str()),
                        "{}: a value was not restored in the tool call ({anthropic}, {stream})",
                        p.id
                    );
                }
            }
            if text == p.text {
                exact += 1;
            }
        }
    }
    assert_eq!(o.count() + a.count(), prompts.len() * 3);
    exact
}

fn no_value_in(what: &str, text: &str, prompts: &[Prompt]) {
    for p in prompts {
        for v in &p.values {
            // Short values (a year, a ZIP) may occur by chance in ids and timestamps.
            if v.chars().count() >= 8 {
                assert!(!text.contains(v.as_str()), "{}: a value is in the {what}", p.id);
            }
        }
    }
}

#[tokio::test]
async fn no_original_value_reaches_the_vendor_and_every_one_comes_back() {
    let prompts = corpus(240);
    assert!(prompts.len() >= 200, "only {} prompts", prompts.len());
    let types: BTreeSet<&str> = prompts
        .iter()
        .flat_map(|p| p.entities.iter().map(String::as_str))
        .collect();
    let every: BTreeSet<&str> = cordon_detectors::Kind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(types, every, "every entity type is in the corpus");

    let (o, a, l) = (
        FakeUpstream::start(Behavior::Echo { piece: 1 }).await,
        FakeUpstream::start(Behavior::Echo { piece: 1 }).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    // OpenAI clients to an OpenAI vendor (same API), Anthropic clients translated.
    let cordon = start("openai", "", &o, &a, &l);
    let exact = run_corpus(&cordon, &prompts, &o, &a).await;
    assert_eq!(l.count(), 0);
    // A prompt with two spellings of one value gets the first one back twice: all others come back exactly.
    assert!(
        exact * 10 >= prompts.len() * 3 * 9,
        "{exact} of {} answers exact",
        prompts.len() * 3
    );

    // The trail says what was pseudonymized, by type, and what was restored; never a value.
    let audit_dir = cordon.dir.path().join("audit");
    let n = prompts.len() * 3;
    cordon_tests::eventually(Duration::from_secs(20), "the outcomes", || {
        crate::audit_lines(&audit_dir)
            .iter()
            .filter(|e| e["kind"] == "outcome")
            .count()
            >= n
    })
    .await;
    let lines = crate::audit_lines(&audit_dir);
    let decisions: Vec<&Value> = lines.iter().filter(|e| e["kind"] == "decision").collect();
    assert_eq!(decisions.len(), n);
    assert!(decisions
        .iter()
        .all(|d| d["action"] == "pseudonymize" && d["zone"] == "cloud"));
    let typed: BTreeSet<String> = decisions
        .iter()
        .flat_map(|d| d["pseudonymized"].as_object().unwrap().keys().cloned())
        .collect();
    assert_eq!(typed.len(), every.len(), "counts by type for every type: {typed:?}");
    let restored: u64 = lines
        .iter()
        .filter(|e| e["kind"] == "outcome")
        .map(|e| e["restored"].as_u64().unwrap())
        .sum();
    assert!(restored as usize >= n, "{restored} placeholders restored");
    let trail: String = std::fs::read_dir(&audit_dir)
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    no_value_in("audit trail", &trail, &prompts);
    no_value_in("logs", &cordon.logs(), &prompts);
    let metrics = crate::metrics(&cordon).await;
    assert!(metrics.contains("cordon_pseudonymized_values_total{entity=\"CREDIT_CARD\"}"));
}

#[tokio::test]
async fn surrogates_and_the_anthropic_vendor() {
    let prompts = corpus(62);
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Echo { piece: 1 }).await,
        FakeUpstream::start(Behavior::Echo { piece: 1 }).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    // Anthropic clients to an Anthropic vendor (same API), OpenAI clients translated.
    let cordon = start("anthropic", "pseudonymize:\n  style: surrogate\n", &o, &a, &l);
    run_corpus(&cordon, &prompts, &o, &a).await;
    // Surrogates look like values, not like tokens.
    let sent: String = a.requests().iter().map(|r| strings(&r.json())).collect();
    assert!(!sent.contains("[PERSON_"), "surrogates, not tokens");
}

#[tokio::test]
async fn a_conversation_keeps_its_placeholders_across_turns() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Echo { piece: 4 }).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let cordon = start("openai", "", &o, &a, &l);
    let first =
        json!({"role": "user", "content": "Draft a payment reminder for card 4111 1111 1111 1111, holder Jane Roe."});
    let resp = chat_request(&cordon, &json!({"model": "m", "messages": [first]}))
        .send()
        .await
        .unwrap();
    let v: Value = resp.json().await.unwrap();
    let answer = v
        .pointer("/choices/0/message/content")
        .and_then(Value::as_str)
        .unwrap()
        .to_string();
    assert!(answer.contains("4111 1111 1111 1111") && answer.contains("Jane Roe"));
    let turn2 = json!({"model": "m", "stream": true, "messages": [first,
        {"role": "assistant", "content": answer},
        {"role": "user", "content": "Now one for card 5500 0000 0000 0004, and copy Jane Roe."}]});
    let got = chat_request(&cordon, &turn2)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (text, _) = answer_of(&got, true, false);
    assert_eq!(text, "Now one for card 5500 0000 0000 0004, and copy Jane Roe.");
    let sent = o.requests()[1].json();
    let person = |s: &str| s.contains("[PERSON_1]");
    let turn1_user = sent.pointer("/messages/0/content").and_then(Value::as_str).unwrap();
    let turn2_user = sent.pointer("/messages/2/content").and_then(Value::as_str).unwrap();
    assert!(
        turn1_user.contains("[CREDIT_CARD_1]") && person(turn1_user),
        "{turn1_user}"
    );
    assert_eq!(
        sent.pointer("/messages/1/content").and_then(Value::as_str),
        Some(turn1_user),
        "the echoed answer, restored for the client, goes out again as the same placeholders"
    );
    assert!(
        turn2_user.contains("[CREDIT_CARD_2]") && person(turn2_user),
        "{turn2_user}"
    );
    // A client kept on premises by its header gets no placeholders: it stays local, in clear.
    let resp = chat_request(&cordon, &json!({"model": "m", "messages": [first]}))
        .header("x-cordon-route", "local")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    resp.bytes().await.unwrap();
    assert!(l.requests()[0].json().to_string().contains("4111 1111 1111 1111"));
    assert_eq!(o.count(), 2);
}

#[tokio::test]
async fn egress_scanning_counts_what_the_answers_carry() {
    let policy = "version: 1\nname: egress\ndefault: cloud\negress: { scan: true }\nrules:\n  - id: cards\n    when: { entities: [CREDIT_CARD] }\n    then: pseudonymize\n";
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Echo { piece: 3 }).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), policy).unwrap();
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", "policy: policy.yaml\n"), &env());
    let audit_dir = cordon.dir.path().join("audit");
    let mut ids = Vec::new();
    for (text, stream) in [
        ("Forward this to ops.lead@example.com today.", true),
        ("Refund card 4111 1111 1111 1111 today.", false),
        ("Refund card 4111 1111 1111 1111 today.", true),
    ] {
        let resp = chat_request(
            &cordon,
            &json!({"model": "m", "stream": stream, "messages": [{"role": "user", "content": text}]}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(resp.status(), 200);
        ids.push(resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string());
        let body = resp.text().await.unwrap();
        assert_eq!(answer_of(&body, stream, false).0, text);
    }
    let outcome = |id: &str| {
        crate::audit_lines(&audit_dir)
            .into_iter()
            .find(|e| e["kind"] == "outcome" && e["decision_id"] == id)
    };
    cordon_tests::eventually(Duration::from_secs(10), "the outcomes", || {
        ids.iter().all(|i| outcome(i).is_some())
    })
    .await;
    // The cloud answer echoed an e-mail address: counted, by type only.
    assert_eq!(outcome(&ids[0]).unwrap()["egress_entities"], json!({"EMAIL": 1}));
    // The card was the client's own, pseudonymized and restored: not counted.
    for id in &ids[1..] {
        let out = outcome(id).unwrap();
        assert_eq!(out["egress_entities"], json!({}), "{out}");
        assert_eq!(out["restored"], 1);
    }
    let trail: String = std::fs::read_dir(&audit_dir)
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(!trail.contains("ops.lead@example.com") && !trail.contains("4111 1111 1111 1111"));
}
