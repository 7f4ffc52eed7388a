//! The on-prem OpenAI-compatible servers' quirks through the real proxy:
//! vLLM's usage on every chunk and its `stop_reason`, Ollama's usage chunk
//! with empty `choices`, llama.cpp's usage and timings on the finishing
//! chunk, keep-alive chunks with empty `choices`, `finish_reason: length`,
//! and a stop string echoed at the end of the text. OpenAI clients get the
//! server's answer as it was sent; Anthropic clients get a well-formed
//! Messages answer and stream; the trail's outcome counts the tokens once.

use std::time::Duration;

use cordon_tests::local::Quirks;
use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env, messages_request, sse_data};

const PROMPT: &str = "Summarise the ward rota for next week. END of the request, ignore the rest.";
const BEFORE_STOP: &str = "Summarise the ward rota for next week. ";

/// Every profile a test runs: the three servers, and one with keep-alive
/// chunks and an echoed stop string (LM Studio and older llama.cpp builds).
fn profiles() -> Vec<(&'static str, Quirks)> {
    vec![
        ("vllm", Quirks::vllm()),
        ("ollama", Quirks::ollama()),
        ("llama.cpp", Quirks::llama_cpp()),
        (
            "keep-alive, echoed stop",
            Quirks {
                piece: 5,
                keepalive: true,
                echo_stop: true,
                usage_chunk: true,
                ..Quirks::default()
            },
        ),
    ]
}

async fn start(q: Quirks) -> (FakeUpstream, FakeUpstream, FakeUpstream, Cordon) {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Local(q)).await,
    );
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", "audit:\n  checkpoint_every: 4\n"), &env());
    (o, a, l, cordon)
}

fn outcome(cordon: &Cordon, id: &str) -> Option<Value> {
    crate::audit_lines(&cordon.dir.path().join("audit"))
        .into_iter()
        .find(|e| e["kind"] == "outcome" && e["decision_id"] == id)
}

#[tokio::test]
async fn openai_clients_get_each_servers_stream_as_sent() {
    for (name, q) in profiles() {
        let (o, a, _l, cordon) = start(q).await;
        let body = json!({"model": "m", "stream": true, "stop": ["END"],
            "stream_options": {"include_usage": true, "continuous_usage_stats": true},
            "messages": [{"role": "user", "content": PROMPT}]});
        let resp = chat_request(&cordon, &body)
            .header("x-cordon-route", "local")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{name}");
        let id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
        let text = resp.text().await.unwrap();
        assert!(text.trim_end().ends_with("data: [DONE]"), "{name}: {text}");
        let chunks = sse_data(&text);
        // Keep-alive and usage chunks (empty `choices`) reach the client too.
        let joined = crate::streamed_text(&chunks);
        assert!(joined.starts_with(BEFORE_STOP), "{name}: {joined}");
        let finish: Vec<&Value> = chunks
            .iter()
            .filter(|c| c["choices"][0]["finish_reason"].is_string())
            .collect();
        assert_eq!(finish.len(), 1, "{name}: one finishing chunk");
        assert_eq!(finish[0]["choices"][0]["finish_reason"], "stop", "{name}");

        // The outcome reads the tokens once, whether they came on every
        // chunk, on the finishing one or in a chunk of their own.
        cordon_tests::eventually(Duration::from_secs(10), "the outcome", || {
            outcome(&cordon, &id).is_some()
        })
        .await;
        let out = outcome(&cordon, &id).unwrap();
        assert_eq!(out["status"], 200, "{name}");
        assert!(out["error"].is_null(), "{name}: {out}");
        assert_eq!(out["tokens_in"], 17, "{name}: {out}");
        let expected_out = chunks
            .iter()
            .filter(|c| {
                c["choices"][0]["delta"]["content"]
                    .as_str()
                    .is_some_and(|s| !s.is_empty())
            })
            .count();
        assert_eq!(out["tokens_out"], expected_out, "{name}: {out}");
        assert_eq!(o.count() + a.count(), 0, "{name}");
    }
}

#[tokio::test]
async fn anthropic_clients_on_each_server() {
    for (name, q) in profiles() {
        let (o, a, _l, cordon) = start(q).await;
        let body = json!({"model": "claude-x", "max_tokens": 200, "stop_sequences": ["END"],
            "messages": [{"role": "user", "content": PROMPT}]});
        let resp = messages_request(&cordon, &body)
            .header("x-cordon-route", "local")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{name}");
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["content"][0]["text"], BEFORE_STOP, "{name}: {v}");
        assert_eq!(v["usage"]["input_tokens"], 17, "{name}: {v}");
        if name == "vllm" || name.contains("echoed") {
            // The server said which stop string ended it.
            assert_eq!(v["stop_reason"], "stop_sequence", "{name}: {v}");
            assert_eq!(v["stop_sequence"], "END", "{name}: {v}");
        } else {
            assert_eq!(v["stop_reason"], "end_turn", "{name}: {v}");
        }

        let mut streaming = body.clone();
        streaming["stream"] = json!(true);
        let resp = messages_request(&cordon, &streaming)
            .header("x-cordon-route", "local")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{name}");
        let events = sse_data(&resp.text().await.unwrap());
        assert_eq!(events.first().unwrap()["type"], "message_start", "{name}");
        assert_eq!(events.last().unwrap()["type"], "message_stop", "{name}");
        let joined = crate::anthropic_streamed_text(&events);
        assert_eq!(joined, BEFORE_STOP, "{name}");
        let deltas: Vec<&Value> = events.iter().filter(|e| e["type"] == "message_delta").collect();
        assert_eq!(deltas.len(), 1, "{name}: {events:?}");
        let delta = deltas[0];
        if name == "vllm" || name.contains("echoed") {
            assert_eq!(delta["delta"]["stop_reason"], "stop_sequence", "{name}: {delta}");
            assert_eq!(delta["delta"]["stop_sequence"], "END", "{name}: {delta}");
        } else {
            assert_eq!(delta["delta"]["stop_reason"], "end_turn", "{name}: {delta}");
        }
        assert!(delta["usage"]["output_tokens"].as_u64().unwrap() > 0, "{name}: {delta}");

        // A token limit: `finish_reason: length` is Anthropic's max_tokens.
        let mut short = streaming.clone();
        short["max_tokens"] = json!(2);
        let resp = messages_request(&cordon, &short)
            .header("x-cordon-route", "local")
            .send()
            .await
            .unwrap();
        let events = sse_data(&resp.text().await.unwrap());
        let delta = events.iter().find(|e| e["type"] == "message_delta").unwrap();
        assert_eq!(delta["delta"]["stop_reason"], "max_tokens", "{name}: {delta}");
        assert_eq!(delta["usage"]["output_tokens"], 2, "{name}: {delta}");
        assert_eq!(o.count() + a.count(), 0, "{name}");
    }
}

/// A pseudonymized request to a cloud vendor that runs vLLM or Ollama
/// underneath: the placeholders in its quirky stream (keep-alive chunks,
/// usage on every chunk, the role alone first) are restored for the client,
/// and the original never reaches it.
#[tokio::test]
async fn placeholders_are_restored_in_each_servers_stream() {
    const POLICY: &str = "version: 1\nname: pseudonymize-everything\ndefault: pseudonymize\non_error: block\nunscannable: block\nrules: []\n";
    const EMAIL: &str = "rota.lead@st-elsewhere.example.org";
    for (name, mut q) in profiles() {
        q.echo_stop = false;
        let (o, a, l) = (
            FakeUpstream::start(Behavior::Local(q)).await,
            FakeUpstream::start(Behavior::Answer).await,
            FakeUpstream::start(Behavior::Answer).await,
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
        let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", "policy: policy.yaml\n"), &env());
        let prompt = format!("Write to {EMAIL} about the rota.");
        let body = json!({"model": "m", "stream": true,
            "stream_options": {"include_usage": true, "continuous_usage_stats": true},
            "messages": [{"role": "user", "content": prompt}]});
        let resp = chat_request(&cordon, &body).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{name}");
        let chunks = sse_data(&resp.text().await.unwrap());
        let joined = crate::streamed_text(&chunks);
        assert_eq!(joined, prompt, "{name}");
        assert_eq!(o.count(), 1, "{name}");
        assert!(
            !o.requests()[0].everything().contains(EMAIL),
            "{name}: the address reached the vendor"
        );
        assert_eq!(a.count() + l.count(), 0, "{name}");
    }
}

/// Cordon in front of a real llama.cpp server (`scripts/llama-cpp-check`
/// builds it from the llama-cpp-python sdist and sets
/// `CORDON_LLAMA_CPP_URL`); the answers' text is the model's, so only their
/// shape is checked.
#[tokio::test]
#[ignore = "needs a llama.cpp server: scripts/llama-cpp-check"]
async fn real_llama_cpp_server() {
    let url = std::env::var("CORDON_LLAMA_CPP_URL").expect("CORDON_LLAMA_CPP_URL");
    let cfg = format!(
        "listen:\n  - addr: 127.0.0.1:0\nclients:\n  - {{ name: app, tenant: t, key_env: APP_KEY, route: local }}\nupstreams:\n  llama: {{ kind: openai, base_url: \"{url}\", zone: local, timeout: 120s }}\nroutes:\n  local: [llama]\n  cloud: []\n"
    );
    let cordon = Cordon::start(&cfg, &env());
    let user = "Name three colours.";
    let mut report = Vec::new();

    // OpenAI client: plain, then streamed with usage, then cut by max_tokens.
    let body = json!({"model": "smollm2", "max_tokens": 40, "messages": [{"role": "user", "content": user}]});
    let v: Value = chat_request(&cordon, &body).send().await.unwrap().json().await.unwrap();
    assert!(
        v["choices"][0]["message"]["content"]
            .as_str()
            .is_some_and(|t| !t.is_empty()),
        "{v}"
    );
    assert!(v["usage"]["completion_tokens"].as_u64().unwrap() > 0, "{v}");
    report.push(format!(
        "openai plain: finish_reason {}",
        v["choices"][0]["finish_reason"]
    ));
    let mut s = body.clone();
    s["stream"] = json!(true);
    s["stream_options"] = json!({"include_usage": true});
    let resp = chat_request(&cordon, &s).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(text.trim_end().ends_with("data: [DONE]"), "{text}");
    let chunks = sse_data(&text);
    let joined = crate::streamed_text(&chunks);
    assert!(!joined.is_empty());
    let usage_chunks = chunks.iter().filter(|c| c["usage"].is_object()).count();
    let empty_choices = chunks
        .iter()
        .filter(|c| c["choices"].as_array().is_some_and(Vec::is_empty))
        .count();
    report.push(format!(
        "openai stream: {} chunks, {usage_chunks} with usage, {empty_choices} with empty choices",
        chunks.len()
    ));
    let mut short = body.clone();
    short["max_tokens"] = json!(3);
    let v: Value = chat_request(&cordon, &short)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["choices"][0]["finish_reason"], "length", "{v}");

    // Anthropic client: plain and streamed, a token limit, a stop sequence.
    let body = json!({"model": "smollm2", "max_tokens": 40, "messages": [{"role": "user", "content": user}]});
    let v: Value = messages_request(&cordon, &body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["type"], "message", "{v}");
    assert!(v["content"][0]["text"].as_str().is_some_and(|t| !t.is_empty()), "{v}");
    report.push(format!("anthropic plain: stop_reason {}", v["stop_reason"]));
    let mut s = body.clone();
    s["stream"] = json!(true);
    s["max_tokens"] = json!(3);
    let events = sse_data(
        &messages_request(&cordon, &s)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(events.last().unwrap()["type"], "message_stop", "{events:?}");
    let delta = events.iter().find(|e| e["type"] == "message_delta").unwrap();
    assert_eq!(delta["delta"]["stop_reason"], "max_tokens", "{delta}");
    let mut stop = body.clone();
    stop["stop_sequences"] = json!([","]);
    stop["stream"] = json!(true);
    let events = sse_data(
        &messages_request(&cordon, &stop)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let joined = crate::anthropic_streamed_text(&events);
    let delta = events.iter().find(|e| e["type"] == "message_delta").unwrap();
    assert!(!joined.contains(','), "the stop sequence is not in the text: {joined}");
    report.push(format!(
        "anthropic stream with stop_sequences [\",\"]: stop_reason {}, stop_sequence {}",
        delta["delta"]["stop_reason"], delta["delta"]["stop_sequence"]
    ));
    eprintln!("llama.cpp server through Cordon:\n  {}", report.join("\n  "));
}
