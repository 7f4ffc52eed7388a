//! The cloud providers through the real proxy, against `FakeCloud` (Azure
//! OpenAI, Bedrock, Gemini, Vertex on loopback, each checking its own
//! authentication): OpenAI and Anthropic clients, plain and streaming,
//! tools, usage, the vendors' errors and refusals in the client's shape.

use cordon_tests::clouds::{AWS_KEY_ID, AWS_SECRET, AZURE_KEY, AZURE_TOKEN, GEMINI_KEY};
use cordon_tests::fake::reply_text;
use cordon_tests::{Cordon, FakeCloud};
use serde_json::{json, Value};

use crate::{chat_request, messages_request, sse_data, CLIENT_KEY};

/// A config with one cloud upstream `up` (its YAML flow map) serving model
/// `gpt-4o-mini` as `served`.
fn cloud_config(up: &str, served: &str) -> String {
    format!(
        r#"listen:
  - addr: 127.0.0.1:0
clients:
  - {{ name: billing-app, tenant: finance, key_env: APP_KEY }}
upstreams:
  vendor: {up}
routes:
  local: []
  cloud: [vendor]
models:
  gpt-4o-mini: {{ vendor: "{served}" }}
"#
    )
}

fn env_with(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut e = vec![("APP_KEY", CLIENT_KEY)];
    e.extend_from_slice(extra);
    e
}

fn chat(text: &str) -> Value {
    json!({"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": text}]})
}

fn tools_chat(text: &str, stream: bool) -> Value {
    let mut v = json!({"model": "gpt-4o-mini", "stream": stream,
        "messages": [{"role": "user", "content": text}],
        "tools": [{"type": "function", "function": {"name": "lookup", "description": "Look it up.",
            "parameters": {"type": "object", "properties": {"echo": {"type": "string"}}}}}]});
    if stream {
        v["stream_options"] = json!({"include_usage": true});
    }
    v
}

fn messages(text: &str, stream: bool) -> Value {
    json!({"model": "gpt-4o-mini", "max_tokens": 64, "stream": stream, "system": "Be brief.",
        "messages": [{"role": "user", "content": text}]})
}

/// The text of an OpenAI stream, its finish reason and its usage total.
fn openai_stream(text: &str) -> (String, Option<String>, Option<u64>, Vec<Value>) {
    let events = sse_data(text);
    let mut out = String::new();
    let mut finish = None;
    let mut usage = None;
    let mut calls = Vec::new();
    for e in &events {
        if let Some(u) = e["usage"]["total_tokens"].as_u64() {
            usage = Some(u);
        }
        for c in e["choices"].as_array().into_iter().flatten() {
            if let Some(t) = c["delta"]["content"].as_str() {
                out.push_str(t);
            }
            if let Some(f) = c["finish_reason"].as_str() {
                finish = Some(f.to_string());
            }
            for t in c["delta"]["tool_calls"].as_array().into_iter().flatten() {
                calls.push(t.clone());
            }
        }
    }
    (out, finish, usage, calls)
}

/// The text of an Anthropic stream and its stop reason.
fn anthropic_stream(text: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut stop = None;
    for e in sse_data(text) {
        if e["type"] == "content_block_delta" {
            if let Some(t) = e["delta"]["text"].as_str() {
                out.push_str(t);
            }
        }
        if let Some(s) = e["delta"]["stop_reason"].as_str() {
            stop = Some(s.to_string());
        }
    }
    (out, stop)
}

/// Chat, stream, tools and an Anthropic client, on whatever provider `cordon` fronts.
async fn common_round(cordon: &Cordon) {
    let resp = chat_request(cordon, &chat("Say hello.")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], reply_text(), "{v}");
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    assert_eq!(v["usage"]["total_tokens"], 17);

    let resp = chat_request(cordon, &tools_chat("find marker-77", true))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let (text, finish, usage, calls) = openai_stream(&resp.text().await.unwrap());
    assert_eq!(text, reply_text());
    assert_eq!(finish.as_deref(), Some("tool_calls"));
    assert_eq!(usage, Some(17));
    let args: String = calls
        .iter()
        .filter_map(|c| c["function"]["arguments"].as_str())
        .collect();
    assert_eq!(
        serde_json::from_str::<Value>(&args).unwrap(),
        json!({"echo": "find marker-77"})
    );
    assert_eq!(calls[0]["function"]["name"], "lookup");

    let resp = chat_request(cordon, &tools_chat("find marker-78", false))
        .send()
        .await
        .unwrap();
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls", "{v}");
    let args = v["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
        .as_str()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(args).unwrap(),
        json!({"echo": "find marker-78"})
    );

    let resp = messages_request(cordon, &messages("Say hello.", false))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "message");
    assert_eq!(v["content"][0]["text"], reply_text(), "{v}");
    assert_eq!(v["stop_reason"], "end_turn");
    assert_eq!(v["usage"]["output_tokens"], 5);

    let resp = messages_request(cordon, &messages("Say hello.", true))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let (text, stop) = anthropic_stream(&resp.text().await.unwrap());
    assert_eq!(text, reply_text());
    assert_eq!(stop.as_deref(), Some("end_turn"));
}

#[tokio::test]
async fn azure_openai_deployments_api_with_api_key() {
    let cloud = FakeCloud::start().await;
    let up = format!(
        "{{ kind: azure_openai, base_url: \"{}\", api_version: \"2024-10-21\", api_key_env: AZURE_KEY, region: eu, baa: true, timeout: 5s }}",
        cloud.base()
    );
    let cfg = cloud_config(&up, "gpt4o-prod").replace(
        "models:\n",
        "models:\n  text-embedding-3-small: { vendor: embed-prod }\n",
    );
    let cordon = Cordon::start(&cfg, &env_with(&[("AZURE_KEY", AZURE_KEY)]));
    common_round(&cordon).await;
    let reqs = cloud.requests();
    assert_eq!(
        reqs[0].path,
        "/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21"
    );
    for r in &reqs {
        assert_eq!(r.headers["api-key"], AZURE_KEY);
        assert!(r.headers.get("authorization").is_none());
        assert!(!r.everything().contains(CLIENT_KEY));
    }
    // An OpenAI client is relayed as is: Azure's filter results ride along.
    let v: Value = chat_request(&cordon, &chat("hi"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(v["prompt_filter_results"].is_array(), "{v}");

    // Embeddings, on their deployment.
    let resp = crate::http()
        .post(format!("{}/v1/embeddings", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .json(&json!({"model": "text-embedding-3-small", "input": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["data"][0]["embedding"][0], 0.5);
    assert_eq!(
        cloud.requests().last().unwrap().path,
        "/openai/deployments/embed-prod/embeddings?api-version=2024-10-21"
    );

    // The content filter, in each client's shape.
    let resp = chat_request(&cordon, &chat("FILTER-ME please")).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], "content_filter", "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("(violence)"), "{v}");
    let resp = messages_request(&cordon, &messages("FILTER-ME please", false))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(v["error"]["type"], "invalid_request_error");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("content filter"),
        "{v}"
    );
}

#[tokio::test]
async fn azure_openai_v1_api_with_an_entra_token_file_reread_when_it_changes() {
    let cloud = FakeCloud::start().await;
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("entra-token");
    std::fs::write(&token, format!("{AZURE_TOKEN}\n")).unwrap();
    let up = format!(
        "{{ kind: azure_openai, base_url: \"{}\", api_version: v1, token_file: \"{}\", region: eu, timeout: 5s }}",
        cloud.base(),
        token.display()
    );
    let cordon = Cordon::start(&cloud_config(&up, "gpt4o-v1"), &env_with(&[]));
    let resp = chat_request(&cordon, &chat("hi")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let r = cloud.requests().pop().unwrap();
    assert_eq!(r.path, "/openai/v1/chat/completions");
    assert_eq!(r.json()["model"], "gpt4o-v1");
    assert_eq!(r.headers["authorization"], format!("Bearer {AZURE_TOKEN}"));
    // A rotated (here: wrong) token is read at once: Azure's 401, in OpenAI's shape.
    std::fs::write(&token, "expired-token").unwrap();
    let resp = chat_request(&cordon, &chat("hi")).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "authentication_error", "{v}");
    std::fs::write(&token, AZURE_TOKEN).unwrap();
    let resp = chat_request(&cordon, &chat("hi")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
}

fn bedrock_up(cloud: &FakeCloud) -> String {
    format!(
        "{{ kind: bedrock, aws_region: us-east-1, base_url: \"{}\", region: us, baa: true, timeout: 5s }}",
        cloud.base()
    )
}

const BEDROCK_MODEL: &str = "anthropic.claude-3-5-sonnet-20240620-v1:0";

#[tokio::test]
async fn bedrock_converse_signed_with_sigv4() {
    let cloud = FakeCloud::start().await;
    let env = env_with(&[("AWS_ACCESS_KEY_ID", AWS_KEY_ID), ("AWS_SECRET_ACCESS_KEY", AWS_SECRET)]);
    let cordon = Cordon::start(&cloud_config(&bedrock_up(&cloud), BEDROCK_MODEL), &env);
    common_round(&cordon).await;
    let reqs = cloud.requests();
    assert_eq!(
        reqs[0].path,
        "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse"
    );
    assert_eq!(
        reqs[1].path,
        "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream"
    );
    let sent = reqs[0].json();
    assert_eq!(sent["system"], json!([{"text": "Be brief."}]));
    assert_eq!(sent["messages"][0]["content"][0]["text"], "Say hello.");
    let tools = reqs[1].json();
    assert_eq!(tools["toolConfig"]["tools"][0]["toolSpec"]["name"], "lookup");
    assert_eq!(
        tools["toolConfig"]["tools"][0]["toolSpec"]["inputSchema"]["json"]["type"],
        "object"
    );
    for r in &reqs {
        assert!(r.headers["authorization"]
            .to_str()
            .unwrap()
            .starts_with("AWS4-HMAC-SHA256 Credential=AKIDCORDONTEST000001/"));
        assert!(!r.everything().contains(CLIENT_KEY));
        assert!(!r.everything().contains(AWS_SECRET));
    }
    // A tool result goes back as a Converse toolResult in a user turn.
    let follow = json!({"model": "gpt-4o-mini", "messages": [
        {"role": "user", "content": "find it"},
        {"role": "assistant", "content": null, "tool_calls": [{"id": "tooluse_fake", "type": "function", "function": {"name": "lookup", "arguments": "{\"echo\":\"x\"}"}}]},
        {"role": "tool", "tool_call_id": "tooluse_fake", "content": "found"}]});
    let resp = chat_request(&cordon, &follow).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let sent = cloud.requests().pop().unwrap().json();
    assert_eq!(
        sent["messages"][1]["content"][0]["toolUse"]["input"],
        json!({"echo": "x"})
    );
    assert_eq!(
        sent["messages"][2]["content"][0]["toolResult"]["toolUseId"],
        "tooluse_fake"
    );
}

#[tokio::test]
async fn bedrock_with_web_identity_credentials_from_sts_cached() {
    use cordon_tests::clouds::{AWS_SESSION_TOKEN, AWS_WEB_IDENTITY_TOKEN};
    let cloud = FakeCloud::start().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("token"), AWS_WEB_IDENTITY_TOKEN).unwrap();
    let file: &'static str = Box::leak(dir.path().join("token").display().to_string().into_boxed_str());
    let sts: &'static str = Box::leak(format!("{}/sts", cloud.base()).into_boxed_str());
    let env = env_with(&[
        ("AWS_WEB_IDENTITY_TOKEN_FILE", file),
        ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/cordon"),
        ("AWS_STS_ENDPOINT", sts),
    ]);
    let cordon = Cordon::start(&cloud_config(&bedrock_up(&cloud), BEDROCK_MODEL), &env);
    for _ in 0..2 {
        let resp = chat_request(&cordon, &chat("hi")).send().await.unwrap();
        assert_eq!(resp.status(), 200);
    }
    assert_eq!(
        cloud.token_requests(),
        1,
        "the session is cached until shortly before it expires"
    );
    for r in cloud.requests() {
        assert_eq!(r.headers["x-amz-security-token"], AWS_SESSION_TOKEN);
    }
}

#[tokio::test]
async fn bedrock_refuses_a_wrong_signature_in_the_clients_shape() {
    let cloud = FakeCloud::start().await;
    let env = env_with(&[
        ("AWS_ACCESS_KEY_ID", AWS_KEY_ID),
        ("AWS_SECRET_ACCESS_KEY", "not-the-secret-the-fake-knows"),
    ]);
    let cordon = Cordon::start(&cloud_config(&bedrock_up(&cloud), BEDROCK_MODEL), &env);
    let resp = chat_request(&cordon, &chat("hi")).send().await.unwrap();
    assert_eq!(resp.status(), 403);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "permission_error", "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("signature"), "{v}");
    let resp = messages_request(&cordon, &messages("hi", false)).send().await.unwrap();
    assert_eq!(resp.status(), 403);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "permission_error", "{v}");
}

#[tokio::test]
async fn gemini_api_with_its_key_and_safety_blocks_as_errors() {
    let cloud = FakeCloud::start().await;
    let up = format!(
        "{{ kind: gemini, base_url: \"{}\", api_key_env: GEMINI_KEY, region: us, timeout: 5s }}",
        cloud.base()
    );
    let cordon = Cordon::start(
        &cloud_config(&up, "gemini-2.0-flash"),
        &env_with(&[("GEMINI_KEY", GEMINI_KEY)]),
    );
    common_round(&cordon).await;
    let reqs = cloud.requests();
    assert_eq!(reqs[0].path, "/v1beta/models/gemini-2.0-flash:generateContent");
    assert_eq!(
        reqs[1].path,
        "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"
    );
    assert_eq!(reqs[0].json()["systemInstruction"]["parts"][0]["text"], "Be brief.");
    assert_eq!(reqs[1].json()["tools"][0]["functionDeclarations"][0]["name"], "lookup");
    for r in &reqs {
        assert_eq!(r.headers["x-goog-api-key"], GEMINI_KEY);
        assert!(!r.everything().contains(CLIENT_KEY));
    }
    let resp = chat_request(&cordon, &chat("BLOCK-ME now")).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], "content_filter", "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("SAFETY"));
    let resp = messages_request(&cordon, &messages("BLOCK-ME now", false))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error", "{v}");
}

#[tokio::test]
async fn vertex_with_a_service_account_token_minted_once_and_cached() {
    let cloud = FakeCloud::start().await;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("sa.json");
    std::fs::write(&key, cloud.service_account_json()).unwrap();
    let key_path = key.display().to_string();
    let up = format!(
        "{{ kind: vertex, project: cordon-test, location: europe-west4, base_url: \"{}\", credentials_env: SA_KEY_FILE, region: eu, baa: true, timeout: 5s }}",
        cloud.base()
    );
    let leaked: &'static str = Box::leak(key_path.into_boxed_str());
    let cordon = Cordon::start(
        &cloud_config(&up, "gemini-2.0-flash"),
        &env_with(&[("SA_KEY_FILE", leaked)]),
    );
    common_round(&cordon).await;
    let reqs = cloud.requests();
    assert_eq!(
        reqs[0].path,
        "/v1/projects/cordon-test/locations/europe-west4/publishers/google/models/gemini-2.0-flash:generateContent"
    );
    assert!(reqs[1].path.ends_with(":streamGenerateContent?alt=sse"));
    for r in &reqs {
        assert!(r.headers["authorization"]
            .to_str()
            .unwrap()
            .starts_with("Bearer ya29.fake-"));
    }
    assert_eq!(cloud.token_requests(), 1, "the access token is cached");

    // A key the token endpoint does not know: its JWT fails the signature check.
    let other = dir.path().join("other.json");
    let wrong_key = std::process::Command::new("openssl")
        .args(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
        .output()
        .unwrap();
    let mut sa: Value = serde_json::from_str(&cloud.service_account_json()).unwrap();
    sa["private_key"] = json!(String::from_utf8(wrong_key.stdout).unwrap());
    std::fs::write(&other, sa.to_string()).unwrap();
    let other_path: &'static str = Box::leak(other.display().to_string().into_boxed_str());
    let cordon = Cordon::start(
        &cloud_config(&up, "gemini-2.0-flash"),
        &env_with(&[("SA_KEY_FILE", other_path)]),
    );
    let before = cloud.count();
    let resp = chat_request(&cordon, &chat("hi")).send().await.unwrap();
    assert_eq!(resp.status(), 502);
    assert_eq!(cloud.count(), before, "no model request without a token");
    assert_eq!(cloud.token_requests(), 2);
}

/// Runs `sdk_client.py MODE` against `cordon` (TLS, CA `ca`) for `model`.
fn sdk(cordon: &Cordon, ca: &std::path::Path, mode: &str, model: &str, prompt: &str) -> Value {
    let child = std::process::Command::new(cordon_tests::sdk_python())
        .arg(cordon_tests::sdk::sdk_scripts().join("sdk_client.py"))
        .arg(mode)
        .env("CORDON_BASE", format!("https://localhost:{}", cordon.addr().port()))
        .env("CORDON_CA", ca)
        .env("CORDON_KEY", CLIENT_KEY)
        .env("CORDON_MODEL", model)
        .env("CORDON_PROMPT", prompt)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (code, out) = cordon_tests::process::wait_output(child, std::time::Duration::from_secs(120));
    assert_eq!(code, 0, "{mode} on {model} failed:\n{out}");
    let line = out.lines().rev().find(|l| l.starts_with('{')).unwrap();
    serde_json::from_str(line).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn official_sdks_in_front_of_each_cloud_provider() {
    let cloud = FakeCloud::start().await;
    let dir = tempfile::tempdir().unwrap();
    let ca_dir = tempfile::tempdir().unwrap();
    let pki = cordon_tests::Pki::new(ca_dir.path(), "clouds");
    let leaf = pki.server("server", "cordon-clouds-test");
    std::fs::copy(&leaf.cert, dir.path().join("server.pem")).unwrap();
    std::fs::copy(&leaf.key, dir.path().join("server.key")).unwrap();
    std::fs::write(dir.path().join("sa.json"), cloud.service_account_json()).unwrap();
    let base = cloud.base();
    let cfg = format!(
        r#"listen:
  - addr: 127.0.0.1:0
    tls: {{ cert: server.pem, key: server.key }}
clients:
  - {{ name: billing-app, tenant: finance, key_env: APP_KEY }}
upstreams:
  azure:   {{ kind: azure_openai, base_url: "{base}", api_version: "2024-10-21", api_key_env: AZURE_KEY, timeout: 5s }}
  bedrock: {{ kind: bedrock, aws_region: us-east-1, base_url: "{base}", timeout: 5s }}
  gemini:  {{ kind: gemini, base_url: "{base}", api_key_env: GEMINI_KEY, timeout: 5s }}
  vertex:  {{ kind: vertex, project: p1, location: europe-west4, base_url: "{base}", credentials_env: SA_KEY_FILE, timeout: 5s }}
routes:
  local: []
  cloud: [azure, bedrock, gemini, vertex]
models:
  azure-model:   {{ azure: gpt4o-prod }}
  bedrock-model: {{ bedrock: "{BEDROCK_MODEL}" }}
  gemini-model:  {{ gemini: gemini-2.0-flash }}
  vertex-model:  {{ vertex: gemini-2.0-flash }}
"#
    );
    let env = env_with(&[
        ("AZURE_KEY", AZURE_KEY),
        ("AWS_ACCESS_KEY_ID", AWS_KEY_ID),
        ("AWS_SECRET_ACCESS_KEY", AWS_SECRET),
        ("GEMINI_KEY", GEMINI_KEY),
        ("SA_KEY_FILE", "sa.json"),
    ]);
    let cordon = Cordon::start_in(dir, &cfg, &env);
    let ca = pki.ca_path("clouds");
    let c = &cordon;
    for model in ["azure-model", "bedrock-model", "gemini-model", "vertex-model"] {
        let before = cloud.count();
        let run = |mode: &str, prompt: &str| tokio::task::block_in_place(|| sdk(c, &ca, mode, model, prompt));
        let v = run("openai-chat", "Say hello.");
        assert_eq!(v["text"], reply_text(), "{model}: {v}");
        assert_eq!(v["finish_reason"], "stop");
        assert_eq!(v["usage"], 17, "{model}");
        assert_eq!(v["route"], "cloud");
        let v = run("openai-stream", "Say hello.");
        assert_eq!(v["text"], reply_text(), "{model}: {v}");
        assert_eq!(v["chunks"], 5, "{model}");
        assert_eq!(v["finish_reason"], "stop");
        assert_eq!(v["usage"], 17, "{model}");
        let v = run("openai-tools", "find marker-9");
        assert_eq!(v["tool"], "lookup", "{model}: {v}");
        assert_eq!(v["arguments"], json!({"echo": "find marker-9"}));
        assert_eq!(v["finish_reason"], "tool_calls");
        assert_eq!(v["usage"], 17);
        let v = run("anthropic-messages", "Say hello.");
        assert_eq!(v["text"], reply_text(), "{model}: {v}");
        assert_eq!(v["stop_reason"], "end_turn");
        assert_eq!(v["usage"], 17);
        let v = run("anthropic-stream", "Say hello.");
        assert_eq!(v["text"], reply_text(), "{model}: {v}");
        assert_eq!(v["stop_reason"], "end_turn");
        assert_eq!(v["usage"], 5);
        let v = run("anthropic-tools", "find marker-10");
        assert_eq!(v["tool"], "lookup", "{model}: {v}");
        assert_eq!(v["arguments"], json!({"echo": "find marker-10"}));
        assert_eq!(v["stop_reason"], "tool_use");
        assert_eq!(cloud.count(), before + 6, "{model}: one vendor request per SDK call");
    }
    let paths: Vec<String> = cloud.requests().iter().map(|r| r.path.clone()).collect();
    assert!(paths[0].starts_with("/openai/deployments/gpt4o-prod/"), "{paths:?}");
    assert!(paths[6].starts_with("/model/"), "{paths:?}");
    assert!(paths[12].starts_with("/v1beta/models/gemini-2.0-flash:"), "{paths:?}");
    assert!(
        paths[18].starts_with("/v1/projects/p1/locations/europe-west4/"),
        "{paths:?}"
    );
}
