//! The built-in engine end to end: `cordon serve` with a `kind: engine`
//! upstream on the tiny fixture model (real ONNX Runtime, random weights),
//! and `cordon engine serve` / `generate` on their own.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, env, http, messages_request};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../engine/tests/fixtures/tiny");
const SSN: &str = "078-05-1120";

fn config(openai: &FakeUpstream, model_dir: &str, engine_extra: &str) -> String {
    config_with(
        openai,
        &format!(
            r#"{{ kind: engine, model_dir: "{model_dir}", model_name: tiny-llama, threads: 1, max_context: 512{engine_extra} }}"#
        ),
    )
}

/// One client, a cloud vendor, and `onprem` (YAML flow map) as the local route.
fn config_with(openai: &FakeUpstream, onprem: &str) -> String {
    format!(
        r#"listen:
  - addr: 127.0.0.1:0
clients:
  - {{ name: clinic-app, tenant: health, key_env: APP_KEY }}
upstreams:
  openai: {{ kind: openai, base_url: "{}", api_key_env: VENDOR_KEY, zone: cloud, timeout: 2s }}
  onprem: {onprem}
routes:
  local: [onprem]
  cloud: [openai]
audit:
  dir: audit
"#,
        openai.base_v1()
    )
}

fn sensitive(max_tokens: u64, stream: bool) -> Value {
    json!({
        "model": "gpt-4o-mini",
        "max_tokens": max_tokens,
        "stream": stream,
        "messages": [{"role": "user", "content": format!("Patient John Carter, SSN {SSN}, was admitted with chest pain. Summarize.")}],
    })
}

/// The text of an OpenAI SSE stream, whether it ended with [DONE], and its finish reason.
fn sse_text(body: &str) -> (String, bool, Option<String>) {
    let mut text = String::new();
    let mut finish = None;
    for v in crate::sse_data(body) {
        if let Some(c) = v["choices"][0]["delta"]["content"].as_str() {
            text.push_str(c);
        }
        if let Some(f) = v["choices"][0]["finish_reason"].as_str() {
            finish = Some(f.to_string());
        }
    }
    (text, body.contains("data: [DONE]"), finish)
}

#[tokio::test]
async fn sensitive_traffic_is_answered_in_process_and_nothing_leaves() {
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let cordon = Cordon::start(&config(&openai, FIXTURE, ""), &env());

    // JSON: an OpenAI chat completion with usage in the model's tokens.
    let resp = chat_request(&cordon, &sensitive(12, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let a: Value = resp.json().await.unwrap();
    assert_eq!(a["object"], "chat.completion");
    assert_eq!(a["model"], "tiny-llama");
    let content = a["choices"][0]["message"]["content"].as_str().unwrap().to_string();
    let usage = &a["usage"];
    let completion = usage["completion_tokens"].as_u64().unwrap();
    assert!(usage["prompt_tokens"].as_u64().unwrap() > 20);
    assert!((1..=12).contains(&completion), "{usage}");
    assert_eq!(
        usage["total_tokens"].as_u64().unwrap(),
        usage["prompt_tokens"].as_u64().unwrap() + completion
    );
    let finish = a["choices"][0]["finish_reason"].as_str().unwrap();
    assert_eq!(finish, if completion == 12 { "length" } else { "stop" });

    // Greedy decoding: the same answer again, and streamed.
    let again: Value = chat_request(&cordon, &sensitive(12, false))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["choices"][0]["message"]["content"], content.as_str());
    let resp = chat_request(&cordon, &sensitive(12, true)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let (streamed, done, stream_finish) = sse_text(&resp.text().await.unwrap());
    assert!(done, "the stream ends with [DONE]");
    assert_eq!(streamed, content);
    assert_eq!(stream_finish.as_deref(), Some(finish));

    // Anthropic's Messages API, translated for the engine and back.
    let body = json!({"model": "claude-x", "max_tokens": 12, "messages": [{"role": "user", "content": format!("Patient John Carter, SSN {SSN}, was admitted with chest pain. Summarize.")}]});
    let resp = messages_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let m: Value = resp.json().await.unwrap();
    assert_eq!(m["type"], "message");
    assert_eq!(m["content"][0]["text"], content.as_str());

    // Tools cannot be honoured by this model: a clear 400, in the client's shape.
    let mut with_tools = sensitive(4, false);
    with_tools["tools"] = json!([{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]);
    let resp = chat_request(&cordon, &with_tools).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    let e: Value = resp.json().await.unwrap();
    assert!(e["error"]["message"].as_str().unwrap().contains("tool"), "{e}");

    // The engine's model is listed.
    let models = crate::models(&cordon).await;
    assert!(
        models["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"] == "tiny-llama"),
        "{models}"
    );

    // The engine's state is on /metrics.
    let m = crate::metrics(&cordon).await;
    assert!(
        m.contains(r#"cordon_engine_tokens_total{upstream="onprem",kind="generated"}"#),
        "{m}"
    );
    assert!(m.contains(r#"cordon_engine_queue_depth{upstream="onprem"} 0"#), "{m}");

    // Nothing left the premises, and the record says where each went.
    assert_eq!(openai.count(), 0, "sensitive traffic reached the cloud vendor");
    let dir = cordon.dir.path().join("audit");
    cordon_tests::eventually(Duration::from_secs(10), "the outcomes", || {
        crate::audit_lines(&dir)
            .iter()
            .filter(|e| e["kind"] == "outcome")
            .count()
            >= 5
    })
    .await;
    let lines = crate::audit_lines(&dir);
    let decisions: Vec<&Value> = lines.iter().filter(|e| e["kind"] == "decision").collect();
    assert!(
        decisions.iter().all(|d| d["zone"] == "local" && d["route"] == "local"),
        "{decisions:?}"
    );
    let outcomes: Vec<&Value> = lines.iter().filter(|e| e["kind"] == "outcome").collect();
    assert!(
        outcomes.iter().any(|o| o["upstream"] == "onprem" && o["status"] == 200),
        "{outcomes:?}"
    );
    let trail: String = lines.iter().map(Value::to_string).collect();
    assert!(
        !trail.contains(SSN) && !trail.contains("John Carter"),
        "a value is in the audit trail"
    );
    let logs = cordon.logs();
    assert!(logs.contains("engine loaded"), "{logs}");
    assert!(
        !logs.contains(SSN) && !logs.contains("John Carter"),
        "a value is in the logs"
    );
}

#[tokio::test]
async fn a_full_engine_answers_429_in_the_clients_shape() {
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let cordon = Cordon::start(&config(&openai, FIXTURE, ", max_batch: 1, max_queue: 1"), &env());
    // Long streams hold the only slot and the only queue place.
    let mut held = Vec::new();
    for _ in 0..2 {
        let resp = chat_request(&cordon, &sensitive(400, true)).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        held.push(resp);
    }
    let resp = chat_request(&cordon, &sensitive(4, false)).send().await.unwrap();
    assert_eq!(resp.status(), 429);
    let e: Value = resp.json().await.unwrap();
    assert_eq!(e["error"]["type"], "rate_limit_error", "{e}");
    let body =
        json!({"model": "claude-x", "max_tokens": 4, "messages": [{"role": "user", "content": format!("SSN {SSN}")}]});
    let resp = messages_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.status(), 429);
    let e: Value = resp.json().await.unwrap();
    assert_eq!(e["type"], "error", "{e}");
    // Walking away frees the engine: the next request is answered.
    drop(held);
    let mut answered = false;
    for _ in 0..100 {
        if chat_request(&cordon, &sensitive(2, false))
            .send()
            .await
            .unwrap()
            .status()
            == 200
        {
            answered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(answered, "the engine stayed full after its clients went away");
    assert_eq!(openai.count(), 0);
}

/// A small key/value cache budget: the cache is sized within it at load,
/// each request reserves its prompt plus `max_tokens`, and one that would
/// not fit what is left is refused before it starts (429, the client's
/// shape), though slots and the queue still have room. Memory is on
/// `/metrics` and `/readyz`.
#[tokio::test]
async fn a_request_past_the_kv_budget_is_refused_before_it_starts() {
    let openai = FakeUpstream::start(Behavior::Answer).await;
    // The fixture's cache is 512 bytes a token (2 layers, 2 key/value heads of
    // 16, f32): 1 MB holds 1953 tokens, so three slots of 512, 1536 tokens.
    let cordon = Cordon::start(&config(&openai, FIXTURE, ", max_batch: 8, kv_budget_mb: 1"), &env());
    let ready: Value = crate::readyz(&cordon).await;
    let e = &ready["upstreams"]["onprem"]["engine"];
    assert_eq!(e["max_batch"], 3, "{ready}");
    assert_eq!(e["kv_cache_bytes"], 3 * 512 * 512, "{ready}");
    assert_eq!(e["kv_budget_tokens"], 1536, "{ready}");
    assert!(e["weights_bytes"].as_u64().unwrap() > 1_000_000, "{ready}");
    // Three long streams reserve about 3 x 440 tokens.
    let mut held = Vec::new();
    for _ in 0..3 {
        let resp = chat_request(&cordon, &sensitive(400, true)).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        held.push(resp);
    }
    let m = crate::metrics(&cordon).await;
    assert!(
        m.contains(&format!(
            r#"cordon_engine_memory_bytes{{upstream="onprem",kind="kv_cache"}} {}"#,
            3 * 512 * 512
        )),
        "{m}"
    );
    assert!(
        m.contains(r#"cordon_engine_memory_bytes{upstream="onprem",kind="weights"}"#),
        "{m}"
    );
    // What the cache takes now (on CPU it grows with the sequences).
    assert!(
        m.contains(r#"cordon_engine_memory_bytes{upstream="onprem",kind="kv_cache_allocated"}"#),
        "{m}"
    );
    assert!(
        !m.contains(r#"cordon_engine_kv_reserved_tokens{upstream="onprem"} 0"#),
        "{m}"
    );
    // What ONNX Runtime's arena for the device reports (read before the
    // engine took its first request).
    for kind in ["runtime_in_use", "runtime_reserved"] {
        assert!(
            m.contains(&format!(
                r#"cordon_engine_memory_bytes{{upstream="onprem",kind="{kind}"}}"#
            )),
            "{m}"
        );
    }
    let ready: Value = crate::readyz(&cordon).await;
    let e = &ready["upstreams"]["onprem"]["engine"];
    assert!(e["runtime_reserved_bytes"].is_u64(), "{ready}");
    let resp = chat_request(&cordon, &sensitive(400, false)).send().await.unwrap();
    assert_eq!(resp.status(), 429);
    let e: Value = resp.json().await.unwrap();
    assert_eq!(e["error"]["type"], "rate_limit_error", "{e}");
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("key/value cache budget"),
        "{e}"
    );
    // A small one still fits.
    let resp = chat_request(&cordon, &sensitive(2, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    // Walking away gives the reservations back.
    drop(held);
    let mut answered = false;
    for _ in 0..100 {
        if chat_request(&cordon, &sensitive(400, false))
            .send()
            .await
            .unwrap()
            .status()
            == 200
        {
            answered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(answered, "the budget stayed reserved after its clients went away");
    assert_eq!(openai.count(), 0);
}

/// Two engine upstreams in one process, each with its own model and limits.
#[tokio::test]
async fn several_engines_serve_side_by_side_with_their_own_limits() {
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let work = tempfile::tempdir().unwrap();
    let cfg = config(&openai, FIXTURE, ", max_batch: 1").replace(
        "routes:",
        &format!(
            "  imported: {{ kind: engine, model: \"{TINY_GGUF}\", model_cache: \"{}\", threads: 1, max_batch: 2, \
             max_context: 64 }}\nroutes:",
            work.path().join("cache").display()
        ),
    );
    let cfg = cfg.replace("local: [onprem]", "local: [onprem, imported]");
    let cordon = Cordon::start(&cfg, &env());
    let ready: Value = crate::readyz(&cordon).await;
    let (a, b) = (
        &ready["upstreams"]["onprem"]["engine"],
        &ready["upstreams"]["imported"]["engine"],
    );
    assert_eq!(
        (a["model"].as_str(), a["max_batch"].as_u64()),
        (Some("tiny-llama"), Some(1)),
        "{ready}"
    );
    assert_eq!(
        (b["model"].as_str(), b["max_batch"].as_u64()),
        (Some("tiny"), Some(2)),
        "{ready}"
    );
    assert_eq!(b["max_context"], 64, "{ready}");
    let m = crate::metrics(&cordon).await;
    for u in ["onprem", "imported"] {
        assert!(
            m.contains(&format!(
                r#"cordon_engine_memory_bytes{{upstream="{u}",kind="kv_cache"}}"#
            )),
            "{m}"
        );
    }
    let resp = chat_request(&cordon, &sensitive(3, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(openai.count(), 0);
}

/// Hot swap: new files in the upstream's model folder replace the running
/// model on SIGHUP; a stream in flight ends whole; new requests get the new
/// model; the swap is in the trail.
#[tokio::test]
async fn a_changed_model_is_swapped_in_without_dropping_streams() {
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let work = tempfile::tempdir().unwrap();
    let model = work.path().join("model");
    std::fs::create_dir_all(&model).unwrap();
    for f in std::fs::read_dir(FIXTURE).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), model.join(f.file_name())).unwrap();
    }
    let imported = work.path().join("imported");
    let (code, text) = cordon_tests::process::run_cli(
        work.path(),
        &["engine", "import", TINY_GGUF, "--out", imported.to_str().unwrap()],
        std::iter::empty(),
    );
    assert_eq!(code, 0, "{text}");
    let cordon = Cordon::start(&config(&openai, model.to_str().unwrap(), ""), &env());
    let weights = |ready: &Value| {
        ready["upstreams"]["onprem"]["engine"]["weights_bytes"]
            .as_u64()
            .unwrap()
    };
    let before = weights(&crate::readyz(&cordon).await);
    let counted = |kind: &str, m: &str| {
        crate::metric_value(
            m,
            &format!(r#"cordon_engine_tokens_total{{upstream="onprem",kind="{kind}"}}"#),
        )
    };
    // A request answered on the running model, counted.
    let resp = chat_request(&cordon, &sensitive(2, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let m = crate::metrics(&cordon).await;
    let first = (counted("prompt", &m), counted("generated", &m));
    assert!(first.0 > 0.0, "{m}");
    // A stream in flight on the running model.
    let stream = chat_request(&cordon, &sensitive(300, true)).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    // The new model's files in place of the old, then SIGHUP.
    for f in std::fs::read_dir(&model).unwrap() {
        std::fs::remove_file(f.unwrap().path()).unwrap();
    }
    for f in std::fs::read_dir(&imported).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), model.join(f.file_name())).unwrap();
    }
    cordon.signal("HUP");
    let dir = cordon.dir.path().join("audit");
    cordon_tests::eventually(Duration::from_secs(30), "the swap's audit record", || {
        crate::audit_lines(&dir)
            .iter()
            .any(|e| e["kind"] == "model" && e["reason"] == "swap" && e["upstream"] == "onprem")
    })
    .await;
    let (_, done, finish) = sse_text(&stream.text().await.unwrap());
    assert!(done, "the stream in flight was cut");
    assert_eq!(finish.as_deref(), Some("length"));
    let after = weights(&crate::readyz(&cordon).await);
    assert_ne!(before, after, "the new model is not the one serving");
    // The old engine's counts stay, with the 300 tokens it generated for the
    // stream, also those after the swap.
    let m = crate::metrics(&cordon).await;
    let swapped = (counted("prompt", &m), counted("generated", &m));
    assert!(swapped.0 > first.0, "{m}");
    assert_eq!(swapped.1, first.1 + 300.0, "{m}");
    // The new model's tokens add to them (they used to stay flat until the
    // new engine's own counts passed the old totals).
    let resp = chat_request(&cordon, &sensitive(3, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let usage = resp.json::<Value>().await.unwrap()["usage"].clone();
    let m = crate::metrics(&cordon).await;
    assert_eq!(
        counted("prompt", &m),
        swapped.0 + usage["prompt_tokens"].as_f64().unwrap(),
        "{m}"
    );
    assert_eq!(
        counted("generated", &m),
        swapped.1 + usage["completion_tokens"].as_f64().unwrap(),
        "{m}"
    );
    assert_eq!(openai.count(), 0);
}

#[tokio::test]
async fn a_model_that_cannot_load_fails_closed() {
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let empty = tempfile::tempdir().unwrap();
    let cordon = Cordon::start(&config(&openai, empty.path().to_str().unwrap(), ""), &env());
    let ready = http().get(format!("{}/readyz", cordon.url())).send().await.unwrap();
    let text = ready.text().await.unwrap();
    assert!(text.contains("genai_config.json"), "{text}");
    let resp = chat_request(&cordon, &sensitive(4, false)).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(
        openai.count(),
        0,
        "the request went to the cloud when the engine was down"
    );
}

struct Served {
    child: Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn engine_serve(args: &[&str]) -> Served {
    let mut child = Command::new(cordon_tests::process::cordon_bin())
        .args([
            "engine",
            "serve",
            "--model",
            FIXTURE,
            "--listen",
            "127.0.0.1:0",
            "--threads",
            "1",
        ])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split(" on ").nth(1) {
                let _ = tx.send(rest.split_whitespace().next().unwrap_or_default().to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("engine serve announces its address");
    Served {
        child,
        url: format!("http://{addr}"),
    }
}

#[tokio::test]
async fn engine_serve_is_an_openai_compatible_server() {
    let served = engine_serve(&["--name", "tiny-llama"]);
    let models: Value = http()
        .get(format!("{}/v1/models", served.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(models["data"][0]["id"], "tiny-llama");
    let body = json!({"model": "tiny-llama", "max_tokens": 6, "messages": [{"role": "user", "content": "Hello"}]});
    let a: Value = http()
        .post(format!("{}/v1/chat/completions", served.url))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let content = a["choices"][0]["message"]["content"].as_str().unwrap().to_string();
    let mut sbody = body.clone();
    sbody["stream"] = json!(true);
    sbody["stream_options"] = json!({"include_usage": true});
    let text = http()
        .post(format!("{}/v1/chat/completions", served.url))
        .json(&sbody)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (streamed, done, _) = sse_text(&text);
    assert!(done);
    assert_eq!(streamed, content);
    assert!(text.contains("\"usage\":{"), "include_usage sends a usage chunk");
    let bad = http()
        .post(format!("{}/v1/chat/completions", served.url))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let e: Value = bad.json().await.unwrap();
    assert_eq!(e["error"]["type"], "invalid_request_error");
    let missing = http().get(format!("{}/v1/nothing", served.url)).send().await.unwrap();
    assert_eq!(missing.status(), 404);

    // A proxy in front of it, as a `zone: local` OpenAI-compatible upstream.
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let cfg = config_with(
        &openai,
        &format!(
            r#"{{ kind: openai, base_url: "{}/v1", zone: local, timeout: 10s }}"#,
            served.url
        ),
    );
    let cordon = Cordon::start(&cfg, &env());
    let resp = chat_request(&cordon, &sensitive(6, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let a: Value = resp.json().await.unwrap();
    assert_eq!(a["model"], "tiny-llama");
    assert_eq!(openai.count(), 0);
}

/// `cordon engine generate` on one thread: exit code and output.
fn generate(dir: &std::path::Path, model: &str, max_tokens: &str) -> (i32, String) {
    cordon_tests::process::run_cli(
        dir,
        &[
            "engine",
            "generate",
            "--model",
            model,
            "--threads",
            "1",
            "--max-tokens",
            max_tokens,
            "Hello",
        ],
        std::iter::empty(),
    )
}

#[test]
fn engine_generate_prints_an_answer_and_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = generate(dir.path(), FIXTURE, "5");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("prompt") && out.contains("tokens/s"), "{out}");
    let (code, out) = cordon_tests::process::run_cli(
        dir.path(),
        &["engine", "generate", "--model", "/nonexistent", "Hello"],
        std::iter::empty(),
    );
    assert_ne!(code, 0);
    assert!(out.contains("genai_config.json"), "{out}");
}

const TINY_GGUF: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../engine/tests/fixtures/tiny.gguf");

#[tokio::test]
async fn a_gguf_file_is_imported_and_served() {
    // `cordon engine import`: a folder the engine loads.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported");
    let (code, text) = cordon_tests::process::run_cli(
        dir.path(),
        &["engine", "import", TINY_GGUF, "--out", out.to_str().unwrap()],
        std::iter::empty(),
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("imported tiny.gguf (llama, 2 layers"), "{text}");
    for f in [
        "model.onnx",
        "model.onnx.data",
        "genai_config.json",
        "tokenizer.json",
        "chat_template.jinja",
        "import.json",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let (code, text) = generate(dir.path(), out.to_str().unwrap(), "3");
    assert_eq!(code, 0, "{text}");

    // `kind: engine, model: FILE.gguf`: imported on first load, into model_cache.
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let work = tempfile::tempdir().unwrap();
    std::fs::copy(TINY_GGUF, work.path().join("tiny.gguf")).unwrap();
    let cfg = config(&openai, "unused", "").replace(
        r#"model_dir: "unused", model_name: tiny-llama"#,
        &format!(
            r#"model: "{}", model_cache: "{}""#,
            work.path().join("tiny.gguf").display(),
            work.path().join("cache").display()
        ),
    );
    let cordon = Cordon::start(&cfg, &env());
    let resp = chat_request(&cordon, &sensitive(4, false)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let a: Value = resp.json().await.unwrap();
    assert_eq!(a["model"], "tiny");
    assert_eq!(openai.count(), 0);
    assert_eq!(std::fs::read_dir(work.path().join("cache")).unwrap().count(), 1);
}

/// The engine and the detectors' learned recognizer share the one ONNX
/// Runtime environment a process may hold: with both configured, a name
/// only the model knows keeps the request on premises, and the engine answers.
#[tokio::test]
async fn the_learned_recognizer_and_the_engine_share_onnx_runtime() {
    let model = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/tools/rampart");
    if !model.join(".complete").is_file() {
        eprintln!("skipped: run scripts/fetch-rampart");
        return;
    }
    let openai = FakeUpstream::start(Behavior::Answer).await;
    let text = format!(
        "{}detectors:\n  ner: {{ model_dir: {:?} }}\n",
        config(&openai, FIXTURE, ""),
        model.display().to_string()
    );
    let cordon = Cordon::start(&text, &env());
    let body = json!({
        "model": "gpt-4o-mini",
        "max_tokens": 4,
        "messages": [{"role": "user", "content": "Hi Thandiwe, your refill is ready. Write a reminder."}],
    });
    let resp = chat_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    let a: Value = resp.json().await.unwrap();
    assert_eq!(a["model"], "tiny-llama");
    assert!(openai.requests().is_empty(), "nothing went to the cloud");
}
