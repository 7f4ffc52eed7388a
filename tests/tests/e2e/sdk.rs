//! The official OpenAI and Anthropic Python SDKs against Cordon over TLS.

use std::process::{Command, Stdio};
use std::time::Duration;

use cordon_tests::fake::reply_text;
use cordon_tests::process::wait_output;
use cordon_tests::sdk::sdk_scripts;
use cordon_tests::{sdk_python, Behavior, Cordon, FakeUpstream, Pki};
use serde_json::Value;

use crate::{config, env, CLIENT_KEY, UPSTREAM_KEY};

struct Setup {
    cordon: Cordon,
    ca: std::path::PathBuf,
    _ca_dir: tempfile::TempDir,
}

fn start(o: &FakeUpstream, a: &FakeUpstream, l: &FakeUpstream, cloud: &str) -> Setup {
    start_with(o, a, l, cloud, None)
}

/// With `policy`, written beside the config as the policy in force.
fn start_with(o: &FakeUpstream, a: &FakeUpstream, l: &FakeUpstream, cloud: &str, policy: Option<&str>) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let extra = match policy {
        Some(p) => {
            std::fs::write(dir.path().join("policy.yaml"), p).unwrap();
            "policy: policy.yaml\n"
        }
        None => "",
    };
    let ca_dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(ca_dir.path(), "sdk");
    let leaf = pki.server("server", "cordon-sdk-test");
    std::fs::copy(&leaf.cert, dir.path().join("server.pem")).unwrap();
    std::fs::copy(&leaf.key, dir.path().join("server.key")).unwrap();
    let text = config(o, a, l, cloud, extra).replace(
        "  - addr: 127.0.0.1:0\n",
        "  - addr: 127.0.0.1:0\n    tls: { cert: server.pem, key: server.key }\n",
    );
    let cordon = Cordon::start_in(dir, &text, &env());
    Setup {
        cordon,
        ca: pki.ca_path("sdk"),
        _ca_dir: ca_dir,
    }
}

fn run(setup: &Setup, mode: &str, key: &str) -> Value {
    run_with(setup, mode, key, "Patient marker-5521 asks for a summary.")
}

fn run_with(setup: &Setup, mode: &str, key: &str, prompt: &str) -> Value {
    let python = sdk_python();
    let child = Command::new(python)
        .arg(sdk_scripts().join("sdk_client.py"))
        .arg(mode)
        .env(
            "CORDON_BASE",
            format!("https://localhost:{}", setup.cordon.addr().port()),
        )
        .env("CORDON_CA", &setup.ca)
        .env("CORDON_KEY", key)
        .env("CORDON_PROMPT", prompt)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (code, out) = wait_output(child, Duration::from_secs(120));
    assert_eq!(code, 0, "{mode} failed:\n{out}");
    let line = out
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON from {mode}:\n{out}"));
    serde_json::from_str(line).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn official_sdks_same_api() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let setup = start(&o, &a, &l, "openai");
    let s = &setup;
    let v = tokio::task::block_in_place(|| run(s, "openai-chat", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    assert_eq!(v["finish_reason"], "stop");
    assert_eq!(v["route"], "cloud");
    let v = tokio::task::block_in_place(|| run(s, "openai-stream", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    assert_eq!(v["chunks"], 5);
    assert_eq!(v["usage"], 17);
    let v = tokio::task::block_in_place(|| run(s, "openai-bad-key", "wrong-key-0123456789"));
    assert_eq!(v["status"], 401);
    assert_eq!(o.count(), 2);
    for r in o.requests() {
        assert!(!r.everything().contains(CLIENT_KEY));
        assert_eq!(r.headers["authorization"], format!("Bearer {UPSTREAM_KEY}"));
    }
    // A credential in the prompt: the SDKs raise their own permission error,
    // naming the rule and the entity type, never the value.
    let secret = "Why does sk-proj-Abc123XyZ789LmNoPqRsTuVwXyZ0123456789abcd get a 401?";
    for mode in ["openai-blocked", "anthropic-blocked"] {
        let v = tokio::task::block_in_place(|| run_with(s, mode, CLIENT_KEY, secret));
        assert_eq!(v["error"], "permission", "{mode}: {v}");
        assert_eq!(v["status"], 403);
        let msg = v["message"].as_str().unwrap();
        assert!(msg.contains("`secrets`") && msg.contains("API_KEY"), "{mode}: {msg}");
        assert!(!v.to_string().contains("Abc123"), "{mode}: the value came back: {v}");
    }
    assert_eq!(o.count(), 2, "a blocked request reached the vendor");
    let logged = || setup.cordon.logs().matches("\"message\":\"request\"").count() >= 3;
    cordon_tests::eventually(Duration::from_secs(10), "the request log events", logged).await;
    assert!(!setup.cordon.logs().contains("marker-5521"));
}

#[tokio::test(flavor = "multi_thread")]
async fn official_sdks_anthropic_and_translation_both_ways() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    // Cloud route: Anthropic first. Anthropic SDK -> Anthropic vendor,
    // OpenAI SDK -> Anthropic vendor (translated).
    let setup = start(&o, &a, &l, "anthropic");
    let s = &setup;
    let v = tokio::task::block_in_place(|| run(s, "anthropic-messages", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    assert_eq!(v["stop_reason"], "end_turn");
    assert_eq!(v["route"], "cloud");
    let v = tokio::task::block_in_place(|| run(s, "anthropic-stream", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    assert_eq!(v["stop_reason"], "end_turn");
    let v = tokio::task::block_in_place(|| run(s, "openai-chat", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    let v = tokio::task::block_in_place(|| run(s, "openai-stream", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    assert_eq!(a.count(), 4);
    for r in a.requests() {
        assert_eq!(r.path, "/v1/messages");
        assert!(!r.everything().contains(CLIENT_KEY));
        assert_eq!(r.headers["x-api-key"], UPSTREAM_KEY);
    }
    drop(setup);

    // Cloud route: OpenAI. Anthropic SDK -> OpenAI vendor (translated).
    let setup = start(&o, &a, &l, "openai");
    let s = &setup;
    let v = tokio::task::block_in_place(|| run(s, "anthropic-messages", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    let v = tokio::task::block_in_place(|| run(s, "anthropic-stream", CLIENT_KEY));
    assert_eq!(v["text"], reply_text());
    assert_eq!(v["stop_reason"], "end_turn");
    assert_eq!(o.count(), 2);
    assert!(o.requests().iter().all(|r| r.path == "/v1/chat/completions"));
}

#[tokio::test(flavor = "multi_thread")]
async fn official_sdks_get_pseudonymized_answers_restored() {
    // Vendors that echo what they receive, one character per stream event.
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Echo { piece: 1 }).await,
        FakeUpstream::start(Behavior::Echo { piece: 1 }).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let policy = "version: 1\nname: t\ndefault: cloud\nrules:\n  - id: cards\n    when: { entities: [CREDIT_CARD] }\n    then: pseudonymize\n";
    let setup = start_with(&o, &a, &l, "openai", Some(policy));
    let s = &setup;
    let prompt = "Draft a payment reminder for card 4111 1111 1111 1111, due Friday.";
    for mode in ["openai-chat", "openai-stream", "anthropic-messages", "anthropic-stream"] {
        let v = tokio::task::block_in_place(|| run_with(s, mode, CLIENT_KEY, prompt));
        assert_eq!(v["text"], prompt, "{mode}: {v}");
    }
    assert_eq!(o.count(), 4);
    for r in o.requests() {
        let body = r.everything();
        assert!(!cordon_tests::shows_card(&body) && body.contains("[CREDIT_CARD_1]"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn official_sdks_against_the_built_in_engine() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    // The on-premises upstream is the in-process engine on the tiny fixture model.
    let dir = tempfile::tempdir().unwrap();
    let ca_dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(ca_dir.path(), "sdk");
    let leaf = pki.server("server", "cordon-sdk-test");
    std::fs::copy(&leaf.cert, dir.path().join("server.pem")).unwrap();
    std::fs::copy(&leaf.key, dir.path().join("server.key")).unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../engine/tests/fixtures/tiny");
    let text: String = config(&o, &a, &l, "openai", "")
        .replace(
            "  - addr: 127.0.0.1:0\n",
            "  - addr: 127.0.0.1:0\n    tls: { cert: server.pem, key: server.key }\n",
        )
        .lines()
        .map(|line| {
            if line.trim_start().starts_with("vllm:") {
                format!("  vllm: {{ kind: engine, model_dir: \"{fixture}\", threads: 1, max_context: 512 }}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let setup = Setup {
        cordon: Cordon::start_in(dir, &text, &env()),
        ca: pki.ca_path("sdk"),
        _ca_dir: ca_dir,
    };
    let s = &setup;
    let prompt = "Patient SSN 078-05-1120 reports chest pain. Summarize.";
    let v = tokio::task::block_in_place(|| run_with(s, "openai-chat", CLIENT_KEY, prompt));
    assert_eq!(v["route"], "local", "{v}");
    assert_eq!(v["model"], "tiny");
    assert!(!v["text"].as_str().unwrap().is_empty(), "{v}");
    assert!(
        ["stop", "length"].contains(&v["finish_reason"].as_str().unwrap()),
        "{v}"
    );
    assert!(v["usage"].as_u64().unwrap() > 20, "{v}");
    let v = tokio::task::block_in_place(|| run_with(s, "openai-stream", CLIENT_KEY, prompt));
    assert!(v["chunks"].as_u64().unwrap() > 1, "{v}");
    assert!(v["usage"].as_u64().is_some(), "include_usage: {v}");
    assert!(v["finish_reason"].is_string(), "{v}");
    let v = tokio::task::block_in_place(|| run_with(s, "anthropic-messages", CLIENT_KEY, prompt));
    assert_eq!(v["route"], "local", "{v}");
    assert!(
        ["end_turn", "max_tokens"].contains(&v["stop_reason"].as_str().unwrap()),
        "{v}"
    );
    assert!(!v["text"].as_str().unwrap().is_empty(), "{v}");
    let v = tokio::task::block_in_place(|| run_with(s, "anthropic-stream", CLIENT_KEY, prompt));
    assert!(v["chunks"].as_u64().unwrap() > 1, "{v}");
    assert!(v["stop_reason"].is_string(), "{v}");
    assert_eq!(o.count() + a.count() + l.count(), 0, "a request left the premises");
    assert!(!setup.cordon.logs().contains("078-05-1120"));
}
