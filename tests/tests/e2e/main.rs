//! End-to-end tests: the real `cordon` binary, fake vendors on 127.0.0.1.
//! One test binary made of modules, sharing `cordon_tests` support.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod audit;
mod cli;
mod clouds;
mod console;
mod console_browser;
mod deploy;
mod engine;
mod errors;
mod fleet;
mod fleet_store;
mod leak;
mod leak_props;
mod leakbench;
mod local_servers;
mod policy;
mod pseudonymize;
mod relay;
mod residency;
mod scan;
mod sdk;
mod shadow;
mod telemetry;
mod tls;
mod translate;

use cordon_tests::FakeUpstream;

/// The client key every test client presents.
pub const CLIENT_KEY: &str = "ck-test-0123456789abcdef";
/// The key Cordon injects towards the fake vendors.
pub const UPSTREAM_KEY: &str = "sk-upstream-fedcba9876543210";

pub fn env() -> Vec<(&'static str, &'static str)> {
    vec![("APP_KEY", CLIENT_KEY), ("VENDOR_KEY", UPSTREAM_KEY)]
}

/// A config with one client, an OpenAI-shaped cloud vendor, an
/// Anthropic-shaped cloud vendor (both under a BAA, as the HIPAA pack
/// requires of cloud upstreams), and an on-prem OpenAI-compatible server.
/// `cloud` lists the cloud route's upstreams; `extra` is appended as is.
pub fn config(
    openai: &FakeUpstream,
    anthropic: &FakeUpstream,
    local: &FakeUpstream,
    cloud: &str,
    extra: &str,
) -> String {
    format!(
        r#"listen:
  - addr: 127.0.0.1:0
clients:
  - {{ name: billing-app, tenant: finance, key_env: APP_KEY }}
upstreams:
  openai:    {{ kind: openai, base_url: "{}", api_key_env: VENDOR_KEY, zone: cloud, baa: true, timeout: 2s }}
  anthropic: {{ kind: anthropic, base_url: "{}", api_key_env: VENDOR_KEY, zone: cloud, baa: true, timeout: 2s }}
  vllm:      {{ kind: openai, base_url: "{}", zone: local, timeout: 2s }}
routes:
  local: [vllm]
  cloud: [{cloud}]
{extra}"#,
        openai.base_v1(),
        anthropic.base(),
        local.base_v1()
    )
}

/// A reqwest client for plaintext loopback.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap()
}

/// `POST /v1/chat/completions` on the first listener, with the client key.
pub fn chat_request(cordon: &cordon_tests::Cordon, body: &serde_json::Value) -> reqwest::RequestBuilder {
    http()
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .json(body)
}

/// `POST /v1/messages` on the first listener, with the client key as
/// Anthropic's SDK sends it.
pub fn messages_request(cordon: &cordon_tests::Cordon, body: &serde_json::Value) -> reqwest::RequestBuilder {
    http()
        .post(format!("{}/v1/messages", cordon.url()))
        .header("x-api-key", CLIENT_KEY)
        .json(body)
}

/// The JSON data of each server-sent event, in order (`[DONE]` left out).
pub fn sse_data(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .map(str::trim)
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

/// The text an OpenAI client assembles from streamed chunks (`delta.content`).
pub fn streamed_text(chunks: &[serde_json::Value]) -> String {
    chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect()
}

/// The text an Anthropic client assembles from stream events (`delta.text`).
pub fn anthropic_streamed_text(events: &[serde_json::Value]) -> String {
    events.iter().filter_map(|e| e["delta"]["text"].as_str()).collect()
}

/// `GET /v1/models` on the first listener, with the client key.
pub async fn models(cordon: &cordon_tests::Cordon) -> serde_json::Value {
    http()
        .get(format!("{}/v1/models", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A GET of `path` on a running instance (no credentials).
async fn get(cordon: &cordon_tests::Cordon, path: &str) -> reqwest::Response {
    http().get(format!("{}{path}", cordon.url())).send().await.unwrap()
}

/// The detailed `/readyz` (open: no metrics key configured), as JSON.
pub async fn readyz(cordon: &cordon_tests::Cordon) -> serde_json::Value {
    get(cordon, "/readyz").await.json().await.unwrap()
}

/// The `/metrics` page of a running instance.
pub async fn metrics(cordon: &cordon_tests::Cordon) -> String {
    get(cordon, "/metrics").await.text().await.unwrap()
}

/// The value of the sample `series` (name and labels, as written) in a
/// `/metrics` text; 0 when it is not there.
pub fn metric_value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or(0.0)
}

/// Every record of the audit trail in `dir`, segments in order.
pub fn audit_lines(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let mut segs: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    segs.sort();
    let mut out = Vec::new();
    for s in segs {
        for l in std::fs::read_to_string(s).unwrap().lines() {
            out.push(serde_json::from_str(l).unwrap());
        }
    }
    out
}
