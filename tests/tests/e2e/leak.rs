//! Issue 19: the request path does not leak, tried as an attacker would.
//! One test per numbered item of the issue; the real binary with the
//! baseline policy (personal data stays on premises), a fake cloud and a
//! fake on-prem server that record what they receive. The fake cloud must
//! never receive the planted value in clear.

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env, http, messages_request, CLIENT_KEY};

const SSN: &str = "536-22-1234";

async fn fakes() -> (FakeUpstream, FakeUpstream, FakeUpstream) {
    (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    )
}

/// Every string of a JSON body, keys included, and the body's raw text:
/// where a planted value could sit in what a vendor received.
fn received(fake: &FakeUpstream) -> String {
    let mut all = String::new();
    for r in fake.requests() {
        all.push_str(&String::from_utf8_lossy(&r.body));
        all.push('\n');
        if let Ok(v) = serde_json::from_slice::<Value>(&r.body) {
            strings(&v, &mut all);
        }
    }
    all
}

fn strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Number(n) => {
            out.push_str(&n.to_string());
            out.push('\n');
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => {
            for (k, x) in m {
                out.push_str(k);
                out.push('\n');
                strings(x, out);
            }
        }
        _ => {}
    }
}

/// The value, in the forms it may take: as written, and digits only.
fn shows(all: &str, value: &str) -> bool {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let all_digits: String = all.chars().filter(|c| c.is_ascii_digit() || *c == '\n').collect();
    all.contains(value) || (digits.len() >= 9 && all_digits.contains(&digits))
}

async fn send_chat(cordon: &Cordon, body: &Value) -> (u16, String) {
    let resp = chat_request(cordon, body).send().await.unwrap();
    let status = resp.status().as_u16();
    let route = resp
        .headers()
        .get("x-cordon-route")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    resp.bytes().await.unwrap();
    (status, route)
}

async fn send_raw(cordon: &Cordon, path: &str, body: &str) -> reqwest::Response {
    let mut req = http()
        .post(format!("{}{path}", cordon.url()))
        .header("content-type", "application/json")
        .body(body.to_string());
    req = if path == "/v1/messages" {
        req.header("x-api-key", CLIENT_KEY)
    } else {
        req.bearer_auth(CLIENT_KEY)
    };
    req.send().await.unwrap()
}

#[tokio::test]
async fn item1_duplicate_keys_are_refused_in_the_clients_shape() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let planted = format!("My SSN is {SSN}");
    let cases: Vec<(&str, String)> = vec![
        (
            "/v1/chat/completions",
            format!(
                r#"{{"model":"gpt-4o-mini","messages":[{{"role":"user","content":"{planted}"}}],"messages":[{{"role":"user","content":"Write a haiku"}}]}}"#
            ),
        ),
        (
            "/v1/chat/completions",
            format!(
                r#"{{"model":"m","messages":[{{"role":"user","content":"{planted}","content":"Write a haiku"}}]}}"#
            ),
        ),
        (
            "/v1/chat/completions",
            format!(
                r#"{{"model":"m","messages":[{{"role":"user","content":[{{"type":"text","text":"{planted}","text":"hi"}}]}}]}}"#
            ),
        ),
        (
            "/v1/chat/completions",
            format!(
                r#"{{"model":"m","messages":[{{"role":"user","content":"hi"}}],"tools":[{{"type":"function","function":{{"name":"f","description":"{planted}"}}}}],"tools":[]}}"#
            ),
        ),
        (
            "/v1/completions",
            format!(r#"{{"model":"m","prompt":"{planted}","prompt":"hi"}}"#),
        ),
        (
            "/v1/embeddings",
            format!(r#"{{"model":"m","input":"{planted}","input":"hi"}}"#),
        ),
        (
            "/v1/responses",
            format!(r#"{{"model":"m","input":"hi","instructions":"{planted}","instructions":"be brief"}}"#),
        ),
        (
            "/v1/messages",
            format!(
                r#"{{"model":"m","max_tokens":5,"system":"{planted}","system":"be brief","messages":[{{"role":"user","content":"hi"}}]}}"#
            ),
        ),
        (
            "/v1/messages",
            format!(
                r#"{{"model":"m","max_tokens":5,"messages":[{{"role":"user","content":"{planted}"}}],"messages":[{{"role":"user","content":"hi"}}]}}"#
            ),
        ),
        // The same key, escaped.
        (
            "/v1/chat/completions",
            format!(
                r#"{{"model":"m","messages":[{{"role":"user","content":"{planted}"}}],"\u006dessages":[{{"role":"user","content":"hi"}}]}}"#
            ),
        ),
    ];
    for (path, body) in cases {
        let resp = send_raw(&cordon, path, &body).await;
        assert_eq!(resp.status(), 400, "{path} {body}");
        let anthropic = path == "/v1/messages";
        let v: Value = resp.json().await.unwrap();
        if anthropic {
            assert_eq!(v["type"], "error", "{v}");
        }
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains("duplicate key"), "{msg}");
        assert!(!msg.contains("536") && !msg.contains("messages\""), "{msg}");
    }
    assert_eq!(o.connections() + a.connections() + l.connections(), 0);
}

#[tokio::test]
async fn item2_every_field_the_model_reads_is_scanned() {
    let (o, a, l) = fakes().await;
    // The Anthropic client is relayed to the Anthropic vendor; OpenAI clients to OpenAI.
    let cordon = Cordon::start(&config(&o, &a, &l, "openai, anthropic", ""), &env());
    let s = format!("SSN {SSN}");
    let user = json!({"role": "user", "content": "Fill in the form."});
    let chat = |extra: Value| {
        let mut b = json!({"model": "m", "messages": [user.clone()]});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let bodies: Vec<(&str, Value)> = vec![
        (
            "/v1/chat/completions",
            chat(
                json!({"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {"x": {"type": "string", "description": s}}}}}]}),
            ),
        ),
        (
            "/v1/chat/completions",
            chat(
                json!({"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {"x": {"type": "string", "enum": [s]}}}}}]}),
            ),
        ),
        (
            "/v1/chat/completions",
            chat(
                json!({"response_format": {"type": "json_schema", "json_schema": {"name": "r", "schema": {"type": "object", "description": s}}}}),
            ),
        ),
        (
            "/v1/chat/completions",
            chat(json!({"functions": [{"name": "f", "description": s}]})),
        ),
        (
            "/v1/chat/completions",
            chat(json!({"prediction": {"type": "content", "content": s}})),
        ),
        (
            "/v1/chat/completions",
            json!({"model": "m", "messages": [user.clone(), {"role": "assistant", "content": null, "function_call": {"name": "f", "arguments": s}}]}),
        ),
        (
            "/v1/chat/completions",
            json!({"model": "m", "messages": [user.clone(), {"role": "assistant", "refusal": s}]}),
        ),
        (
            "/v1/completions",
            json!({"model": "m", "prompt": "Complete:", "suffix": s}),
        ),
        (
            "/v1/responses",
            json!({"model": "m", "input": "hi", "text": {"format": {"type": "json_schema", "name": "r", "schema": {"type": "object", "description": s}}}}),
        ),
        (
            "/v1/responses",
            json!({"model": "m", "prompt": {"id": "pmpt_1", "variables": {"who": s}}}),
        ),
        (
            "/v1/responses",
            json!({"model": "m", "input": [{"type": "reasoning", "id": "r1", "summary": [{"type": "summary_text", "text": s}]}, {"role": "user", "content": "hi"}]}),
        ),
        (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "see title"}, "title": s}]}]}),
        ),
        (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "see context"}, "context": s}]}]}),
        ),
        (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "tools": [{"name": "t", "input_schema": {"type": "object", "properties": {"x": {"type": "string", "description": s}}}}]}),
        ),
        (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": [{"type": "text", "text": "ok", "citations": [{"type": "char_location", "cited_text": s, "document_index": 0, "start_char_index": 0, "end_char_index": 3}]}]}, {"role": "user", "content": "more"}]}),
        ),
        (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": [{"type": "web_search_tool_result", "tool_use_id": "t", "content": [{"type": "web_search_result", "url": "https://x.example", "title": s}]}]}, {"role": "user", "content": "more"}]}),
        ),
        (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "mcp_servers": [{"type": "url", "url": "https://mcp.example", "name": s}]}),
        ),
    ];
    for (path, body) in &bodies {
        let resp = send_raw(&cordon, path, &body.to_string()).await;
        let status = resp.status().as_u16();
        let route = resp
            .headers()
            .get("x-cordon-route")
            .map(|v| v.to_str().unwrap().to_string());
        resp.bytes().await.unwrap();
        // Kept on premises (a block the on-prem server cannot translate is a 400 there).
        assert_eq!(route.as_deref(), Some("local"), "{path} {body}");
        assert!(status == 200 || status == 400, "{status} {path} {body}");
    }
    assert!(!shows(&received(&o), SSN) && !shows(&received(&a), SSN));
    assert_eq!(o.count() + a.count(), 0);
}

#[tokio::test]
async fn item3_unknown_keys_are_scanned_and_wrong_types_refused() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let hi = json!([{"role": "user", "content": "Write a haiku"}]);
    // Unknown keys and prompt-like keys of other APIs: scanned, kept on premises.
    for body in [
        json!({"model": "m", "messages": hi, "session_note": format!("Patient Maria Lopez SSN {SSN}")}),
        json!({"model": "m", "messages": hi, "prompt": format!("SSN {SSN}")}),
        json!({"model": "m", "messages": hi, "input": format!("SSN {SSN}")}),
        json!({"model": "m", "messages": hi, "instructions": format!("SSN {SSN}")}),
        json!({"model": "m", "messages": hi, "system": format!("SSN {SSN}")}),
        json!({"model": "m", "messages": hi, "metadata": {"note": format!("SSN {SSN}")}}),
        json!({"model": "m", "messages": hi, format!("SSN {SSN}"): "key"}),
    ] {
        let (status, route) = send_chat(&cordon, &body).await;
        assert_eq!((status, route.as_str()), (200, "local"), "{body}");
    }
    // Wrong types: 400 before anything is sent.
    let ssn_digits: u64 = 536_221_234;
    for body in [
        json!({"model": "m", "messages": [{"role": "user", "content": ssn_digits}]}),
        json!({"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": {"value": format!("SSN {SSN}")}}]}]}),
        json!({"model": "m", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": {"ssn": SSN}}}]}]}),
        json!({"model": "m", "messages": [format!("SSN {SSN}")]}),
    ] {
        let (status, _) = send_chat(&cordon, &body).await;
        assert_eq!(status, 400, "{body}");
    }
    // Token ids cannot be read: unscannable, kept on premises by the baseline.
    for (path, body) in [
        ("/v1/completions", json!({"model": "m", "prompt": [20, 536, 22, 1234]})),
        ("/v1/embeddings", json!({"model": "m", "input": [[20, 536, 22, 1234]]})),
    ] {
        let resp = send_raw(&cordon, path, &body.to_string()).await;
        assert_eq!(resp.headers()["x-cordon-route"], "local", "{path}");
        assert_eq!(resp.headers()["x-cordon-rule"], "unscannable", "{path}");
        resp.bytes().await.unwrap();
    }
    assert!(!shows(&received(&o), SSN) && !received(&o).contains("Maria Lopez"));
    assert_eq!(o.count(), 0);
}

#[tokio::test]
async fn item4_encodings_are_read_before_detection() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let arabic: String = "٥٣٦-٢٢-١٢٣٤".into();
    let devanagari: String = "५३६-२२-१२३४".into();
    let thai: String = "๕๓๖-๒๒-๑๒๓๔".into();
    let tagged: String = "5\u{E0031}36-2\u{0301}2-12\u{FE0F}34".into();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(format!("SSN {SSN}"));
    let cases = [
        "SSN 536%2D22%2D1234".to_string(),
        "SSN &#53;&#51;&#54;-22-1234".to_string(),
        format!("Decode this: {b64}"),
        format!("SSN {arabic}"),
        format!("SSN {devanagari}"),
        format!("SSN {thai}"),
        format!("SSN {tagged}"),
        "card 4111_1111_1111_1111".to_string(),
        "card 4111|1111|1111|1111".to_string(),
        "SSN 536:22:1234".to_string(),
        "SSN 536~22~1234".to_string(),
    ];
    for text in &cases {
        let body = json!({"model": "m", "messages": [{"role": "user", "content": text}]});
        let (status, route) = send_chat(&cordon, &body).await;
        assert_eq!((status, route.as_str()), (200, "local"), "{text}");
    }
    assert_eq!(o.count(), 0, "{}", received(&o));
}

#[tokio::test]
async fn item5_headers_only_tighten() {
    let (o, a, l) = fakes().await;
    let l2 = FakeUpstream::start(Behavior::Answer).await;
    let extra = "  local-beta: [beta-onprem]\ntenants:\n  finance: { jurisdiction: EU }\n  beta: { routes: [local-beta] }\npolicy: policy.yaml\n";
    let cfg = config(&o, &a, &l, "openai", extra).replace(
        "  vllm:",
        &format!(
            "  beta-onprem: {{ kind: openai, base_url: \"{}\", zone: local, timeout: 2s }}\n  vllm:",
            l2.base_v1()
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let gdpr = std::fs::read_to_string(std::path::Path::new(crate::policy::PACKS).join("gdpr.yaml")).unwrap();
    std::fs::write(dir.path().join("policy.yaml"), gdpr).unwrap();
    let cordon = Cordon::start_in(dir, &cfg, &env());
    let eu = json!({"model": "m", "messages": [{"role": "user", "content": "Write to Anna Schmidt at anna.schmidt@example.de about her order."}]});
    for header in [None, Some("US"), Some("us"), Some("CH")] {
        let mut req = chat_request(&cordon, &eu);
        if let Some(h) = header {
            req = req.header("x-cordon-jurisdiction", h);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 200, "{header:?}");
        assert_eq!(resp.headers()["x-cordon-route"], "local", "{header:?}");
        resp.bytes().await.unwrap();
    }
    for bad in ["XX", "Mars", "EU; US"] {
        let resp = chat_request(&cordon, &eu)
            .header("x-cordon-jurisdiction", bad)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 400, "{bad}");
    }
    // Tenant finance may not take beta's dedicated on-prem upstream.
    let resp = chat_request(&cordon, &eu)
        .header("x-cordon-route", "local-beta")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("may not use"), "{v}");
    assert_eq!(o.count(), 0, "{}", received(&o));
    assert_eq!(l2.connections(), 0);
    // A client pinned to another tenant's route does not start.
    let pinned = cfg.replace(
        "tenant: finance, key_env: APP_KEY",
        "tenant: finance, key_env: APP_KEY, route: local-beta",
    );
    let (code, out) = Cordon::refuse(&pinned, &env());
    assert_ne!(code, 0);
    assert!(out.contains("dedicated to other tenants"), "{out}");
}

#[tokio::test]
async fn item6_placeholders_restore_only_what_the_same_request_sent() {
    let o = FakeUpstream::start(Behavior::Echo { piece: 3 }).await;
    let (a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let policy = "version: 1\nname: p\ndefault: cloud\nrules:\n  - id: cards\n    when: { entities: [CREDIT_CARD] }\n    then: pseudonymize\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), policy).unwrap();
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", "policy: policy.yaml\n"), &env());
    let sys = json!({"role": "system", "content": "You are the billing assistant."});
    // User X: a card, in the first turn.
    let x = json!({"model": "m", "messages": [sys, {"role": "user", "content": "Hello"}, {"role": "assistant", "content": "Hi!"},
        {"role": "user", "content": "My card is 4111 1111 1111 1111."}]});
    let (status, _) = send_chat(&cordon, &x).await;
    assert_eq!(status, 200);
    // User Y: same system prompt and first turn; asks for X's placeholder back.
    for stream in [false, true] {
        let y = json!({"model": "m", "stream": stream, "messages": [sys, {"role": "user", "content": "Hello"}, {"role": "assistant", "content": "Hi!"},
            {"role": "user", "content": "My card is 5555 5555 5555 4444. Repeat exactly: [CREDIT_CARD_1] [CREDIT_CARD_2]"}]});
        let text = chat_request(&cordon, &y).send().await.unwrap().text().await.unwrap();
        let answer: String = if stream {
            crate::sse_data(&text)
                .iter()
                .filter_map(|v| {
                    v.pointer("/choices/0/delta/content")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .collect()
        } else {
            let v: Value = serde_json::from_str(&text).unwrap();
            v.pointer("/choices/0/message/content")
                .and_then(Value::as_str)
                .unwrap()
                .to_string()
        };
        assert!(
            !answer.contains("4111 1111 1111 1111"),
            "X's card came back to Y: {answer}"
        );
        assert!(
            answer.contains("5555 5555 5555 4444"),
            "Y's own card is restored: {answer}"
        );
    }
    assert!(!shows(&received(&o), "4111 1111 1111 1111") && !shows(&received(&o), "5555 5555 5555 4444"));
}

#[tokio::test]
async fn the_anthropic_path_refuses_wrong_types_in_its_shape() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "anthropic", ""), &env());
    let resp = messages_request(
        &cordon,
        &json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": {"text": SSN}}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert!(!v.to_string().contains(SSN));
    assert_eq!(a.connections() + o.connections(), 0);
}
