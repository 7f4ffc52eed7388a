//! Policies in the proxy: classify -> decide -> route with the shipped packs,
//! block in the client's shape, fail closed, on_error, jurisdiction, named
//! routes, the classify endpoint, hot reload and the policy commands.
//! Recording fakes prove what reached which vendor.

use std::path::Path;
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env, messages_request};

pub const PACKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies/packs");

const PHI_PROMPT: &str = "Patient Maria Garcia was admitted with chest pain; call her at (415) 555-0132.";
const API_KEY: &str = "sk-proj-Abc123XyZ789LmNoPqRsTuVwXyZ0123456789abcd";

async fn fakes() -> (FakeUpstream, FakeUpstream, FakeUpstream) {
    (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    )
}

/// Starts cordon with `policy_text` written as `policy.yaml` beside the config.
fn start_with_policy(config_text: &str, policy_text: &str) -> Cordon {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), policy_text).unwrap();
    Cordon::start_in(dir, config_text, &env())
}

/// Replaces a file the way deployments do (write beside it, then rename), so
/// the poller never reads a half-written policy.
fn write_atomic(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn pack(name: &str) -> String {
    std::fs::read_to_string(Path::new(PACKS).join(format!("{name}.yaml"))).unwrap()
}

fn user(text: &str) -> Value {
    json!({"model": "m", "messages": [{"role": "user", "content": text}]})
}

#[tokio::test]
async fn hipaa_pack_keeps_phi_local_blocks_secrets_and_lets_the_rest_out() {
    let (o, a, l) = fakes().await;
    let cfg = config(&o, &a, &l, "openai", "policy: policy.yaml\n");
    let cordon = start_with_policy(&cfg, &pack("hipaa"));

    // PHI in clinical context: the on-prem server, never the cloud.
    let resp = chat_request(&cordon, &user(PHI_PROMPT)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    assert_eq!(resp.headers()["x-cordon-rule"], "phi-on-prem");
    resp.bytes().await.unwrap();
    assert_eq!(l.count(), 1);
    assert_eq!(o.connections() + a.connections(), 0, "PHI reached a cloud vendor");

    // A system prompt and a tool result are read too.
    let body = json!({"model": "m", "messages": [
        {"role": "system", "content": "You summarize charts for the ward."},
        {"role": "user", "content": "Summarize."},
        {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "chart", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "MRN: 00123456, admitted 2024-03-02"}
    ]});
    let resp = chat_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.headers()["x-cordon-rule"], "clinical-identifiers");
    resp.bytes().await.unwrap();
    assert_eq!(l.count(), 2);

    // Nothing sensitive: the cloud.
    let resp = chat_request(&cordon, &user("What are first-line treatments for hypertension?"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-route"], "cloud");
    assert_eq!(resp.headers()["x-cordon-rule"], "default");
    resp.bytes().await.unwrap();
    assert_eq!(o.count(), 1);

    // A credential: 403 in each client's shape, naming the rule and the type, never the value.
    let before = (o.count(), l.count());
    let resp = chat_request(&cordon, &user(&format!("why does {API_KEY} fail?")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert_eq!(resp.headers()["x-cordon-route"], "blocked");
    assert_eq!(resp.headers()["x-cordon-rule"], "secrets");
    let decision_id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
    let text = resp.text().await.unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["error"]["type"], "permission_error");
    assert_eq!(v["error"]["code"], "blocked_by_policy");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("`secrets`") && msg.contains("API_KEY"), "{msg}");
    assert!(
        !text.contains(API_KEY) && !text.contains("Abc123"),
        "the value leaked into the error"
    );
    let resp = messages_request(
        &cordon,
        &json!({"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": format!("key {API_KEY}")}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 403);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(v["error"]["type"], "permission_error");
    assert_eq!((o.count(), l.count()), before, "a blocked request went upstream");

    // An image cannot be scanned: on premises, though no rule names it.
    let body = json!({"model": "m", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
    ]}]});
    let resp = chat_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.headers()["x-cordon-rule"], "unscannable");
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    resp.bytes().await.unwrap();

    // The trail: every decision with its action, rule and the policy's hash; the block too.
    let lines = crate::audit_lines(&cordon.dir.path().join("audit"));
    let blocked = lines
        .iter()
        .find(|e| e["kind"] == "decision" && e["id"] == decision_id.as_str())
        .expect("a blocked request has its decision record");
    assert_eq!(blocked["action"], "block");
    assert_eq!(blocked["rule"], "secrets");
    assert_eq!(blocked["entities"]["API_KEY"], 1);
    let hash = cordon_policies::content_hash(pack("hipaa").as_bytes());
    assert!(lines
        .iter()
        .filter(|e| e["kind"] == "decision")
        .all(|e| e["policy_hash"] == hash.as_str()));
    let raw: String = lines.iter().map(|l| l.to_string()).collect();
    assert!(!raw.contains("Maria") && !raw.contains("555-0132") && !raw.contains("Abc123"));
    let logs = cordon.logs();
    assert!(
        !logs.contains("Maria") && !logs.contains("Abc123"),
        "a value in the logs"
    );
    let m = crate::metrics(&cordon).await;
    assert!(m.contains(r#"route="blocked",action="block",rule="secrets""#), "{m}");
}

#[tokio::test]
async fn local_decisions_fail_closed_when_no_local_upstream_answers() {
    let (o, a, _) = fakes().await;
    // An on-prem server that refuses connections.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_url = format!("http://{}/v1", dead.local_addr().unwrap());
    drop(dead);
    let l = FakeUpstream::start(Behavior::Answer).await;
    let cfg = config(&o, &a, &l, "openai, anthropic", "policy: policy.yaml\n").replace(&l.base_v1(), &dead_url);
    let cordon = start_with_policy(&cfg, &pack("hipaa"));
    let resp = chat_request(&cordon, &user(PHI_PROMPT)).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    let v: Value = resp.json().await.unwrap();
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not sent anywhere else"),
        "{v}"
    );
    let resp = messages_request(
        &cordon,
        &json!({"model": "m", "max_tokens": 10, "stream": true, "messages": [{"role": "user", "content": PHI_PROMPT}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 503);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(v["error"]["type"], "overloaded_error");
    assert_eq!(
        o.connections() + a.connections(),
        0,
        "the cloud received bytes of a local request"
    );
    let m = crate::metrics(&cordon).await;
    assert!(
        m.contains(r#"cordon_fail_closed_total{reason="no_local_upstream"} 2"#),
        "{m}"
    );
}

/// A request too large to scan in time: `on_error` decides, and the cloud gets nothing.
#[tokio::test]
async fn detector_timeout_applies_on_error() {
    let (o, a, l) = fakes().await;
    let big = "Please review this long report. The quarterly figures look fine. ".repeat(40_000);
    for (on_error, status) in [("block", 403), ("local", 200)] {
        let policy = format!("version: 1\nname: t\ndefault: cloud\non_error: {on_error}\nrules: []\n");
        let cfg = config(
            &o,
            &a,
            &l,
            "openai",
            "policy: policy.yaml\nlimits:\n  classify_timeout: 1ms\n  max_body_bytes: 16777216\n",
        );
        let cordon = start_with_policy(&cfg, &policy);
        let resp = chat_request(&cordon, &user(&big)).send().await.unwrap();
        assert_eq!(resp.status(), status, "on_error: {on_error}");
        assert_eq!(resp.headers()["x-cordon-rule"], "on_error");
        resp.bytes().await.unwrap();
        let m = crate::metrics(&cordon).await;
        assert!(
            m.contains(r#"cordon_fail_closed_total{reason="classify_timeout"} 1"#),
            "{m}"
        );
    }
    assert_eq!(l.count(), 1);
    assert_eq!(o.connections() + a.connections(), 0);
}

#[tokio::test]
async fn jurisdiction_from_header_or_tenant_and_named_routes() {
    let (o, a, l) = fakes().await;
    let policy = r#"version: 1
name: eu
default: cloud
rules:
  - id: eu-pii
    when: { jurisdiction: EU, categories: [PII] }
    then: { action: cloud, route: cloud-eu }
tests:
  - name: eu
    prompt: "Reply to Anna Schmidt about her order."
    jurisdiction: EU
    expect: { action: cloud, rule: eu-pii, route: cloud-eu }
"#;
    let extra = "  cloud-eu: [anthropic]\npolicy: policy.yaml\ntenants:\n  finance: { jurisdiction: EU }\n";
    let cfg = config(&o, &a, &l, "openai", extra);
    let cordon = start_with_policy(&cfg, policy);
    let pii = user("Reply to Anna Schmidt about her order.");
    // The tenant is EU: its personal data goes only to the EU vendor.
    let resp = chat_request(&cordon, &pii).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-rule"], "eu-pii");
    resp.bytes().await.unwrap();
    assert_eq!((a.count(), o.count()), (1, 0));
    // A header cannot loosen what the tenant's jurisdiction sets (issue 19):
    // US from an EU tenant's client still goes to the EU vendor.
    let resp = chat_request(&cordon, &pii)
        .header("x-cordon-jurisdiction", "us")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-rule"], "eu-pii");
    resp.bytes().await.unwrap();
    assert_eq!((a.count(), o.count()), (2, 0));
    // Unknown codes are refused, not read as a jurisdiction without rules.
    for bad in ["not a code!", "XX", "ZZ-1"] {
        let resp = chat_request(&cordon, &pii)
            .header("x-cordon-jurisdiction", bad)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 400, "{bad}");
    }
    assert_eq!((a.count(), o.count()), (2, 0));
    // A policy naming a route the config lacks does not start.
    let bad = policy.replace("route: cloud-eu }", "route: cloud-mars }");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), &bad).unwrap();
    std::fs::write(dir.path().join("cordon.yaml"), &cfg).unwrap();
    let (code, out) = cordon_tests::process::run_cli(
        dir.path(),
        &["config", "check", dir.path().join("cordon.yaml").to_str().unwrap()],
        env().into_iter(),
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("route `cloud-mars` is not defined") && out.contains("line 7"),
        "{out}"
    );
}

#[tokio::test]
async fn classify_endpoint_and_explain_forward_nothing() {
    let (o, a, l) = fakes().await;
    let cfg = config(&o, &a, &l, "openai", "policy: policy.yaml\n");
    let cordon = start_with_policy(&cfg, &pack("pci"));
    let body = user("Draft a payment reminder for card 4111 1111 1111 1111.");
    let resp = crate::http()
        .post(format!("{}/cordon/v1/classify", cordon.url()))
        .bearer_auth(crate::CLIENT_KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(
        !cordon_tests::shows_card(&text),
        "a value in the classify answer: {text}"
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["decision"]["action"], "pseudonymize");
    assert_eq!(v["decision"]["rule"], "card-numbers");
    assert_eq!(v["decision"]["x_cordon_route"], "cloud");
    assert_eq!(v["findings"][0]["entity"], "CREDIT_CARD");
    assert_eq!(v["findings"][0]["pointer"], "/messages/0/content");
    assert_eq!(v["findings"][0]["start"], 34);
    assert!(v["decision"]["reasons"].as_array().unwrap().len() >= 2);
    // Anthropic shape by parameter; bad input in the client's shape.
    let resp = crate::http()
        .post(format!("{}/cordon/v1/classify?endpoint=messages", cordon.url()))
        .header("x-api-key", crate::CLIENT_KEY)
        .json(&json!({"model": "m", "max_tokens": 5, "system": "card 5555 5555 5555 4444 cvv 123", "messages": []}))
        .send()
        .await
        .unwrap();
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["decision"]["action"], "block");
    assert_eq!(v["findings"][0]["pointer"], "/system");
    let resp = crate::http()
        .post(format!("{}/cordon/v1/classify", cordon.url()))
        .bearer_auth(crate::CLIENT_KEY)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let resp = crate::http()
        .post(format!("{}/cordon/v1/classify", cordon.url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(o.connections() + a.connections() + l.connections(), 0);

    // The same from the command line.
    std::fs::write(cordon.dir.path().join("req.json"), body.to_string()).unwrap();
    let (code, out) = cordon.cli(&["explain", "--config", "cordon.yaml", "req.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("decision: pseudonymize") && out.contains("card-numbers"),
        "{out}"
    );
    assert!(out.contains("CREDIT_CARD") && !cordon_tests::shows_card(&out), "{out}");
    let (code, out) = cordon.cli(&["explain", "--config", "cordon.yaml", "--json", "req.json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["decision"]["rule"], "card-numbers");
    assert_eq!(o.connections() + a.connections() + l.connections(), 0);
}

#[tokio::test]
async fn policy_reloads_atomically_and_refuses_an_invalid_one() {
    let (o, a, l) = fakes().await;
    let v1 = "version: 1\nname: open\ndefault: cloud\nrules: []\n";
    let v2 = "version: 1\nname: closed\ndefault: local\nrules: []\n";
    let cfg = config(
        &o,
        &a,
        &l,
        "openai",
        "policy: { file: policy.yaml, reload_interval: 50ms }\n",
    );
    let cordon = start_with_policy(&cfg, v1);
    let ask = || async {
        let resp = chat_request(&cordon, &user("hello")).send().await.unwrap();
        let route = resp.headers()["x-cordon-route"].to_str().unwrap().to_string();
        resp.bytes().await.unwrap();
        route
    };
    assert_eq!(ask().await, "cloud");
    let path = cordon.dir.path().join("policy.yaml");
    let count = |what: &str| cordon.logs().matches(what).count();
    write_atomic(&path, v2);
    let mut switched = false;
    for _ in 0..250 {
        if ask().await == "local" {
            switched = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(switched, "the new policy never took effect");
    cordon_tests::eventually(Duration::from_secs(10), "the reload log line", || {
        count("policy reloaded") == 1
    })
    .await;
    // Invalid: refused, the previous one keeps serving.
    write_atomic(&path, "version: 1\nname: broken\ndefault: sideways\n");
    cordon_tests::eventually(Duration::from_secs(10), "the refusal in the logs", || {
        count("new policy refused") == 1
    })
    .await;
    assert_eq!(ask().await, "local");
    // SIGHUP re-reads at once.
    write_atomic(&path, v1);
    cordon.signal("HUP");
    cordon_tests::eventually(Duration::from_secs(10), "the reload", || count("policy reloaded") == 2).await;
    assert_eq!(ask().await, "cloud");
    let lines = crate::audit_lines(&cordon.dir.path().join("audit"));
    let hashes: std::collections::BTreeSet<String> = lines
        .iter()
        .filter(|e| e["kind"] == "decision")
        .map(|e| e["policy_hash"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(hashes.len(), 2, "each decision names the policy it was made under");
}

#[test]
fn policy_commands_check_test_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| cordon_tests::process::run_cli(dir.path(), args, std::iter::empty());
    let packs: Vec<String> = ["hipaa", "gdpr", "pci", "finance"]
        .iter()
        .map(|p| format!("{PACKS}/{p}.yaml"))
        .collect();
    let mut args = vec!["policy", "test"];
    args.extend(packs.iter().map(String::as_str));
    let (code, out) = run(&args);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" 0 failed"), "{out}");
    assert!(out.contains("PASS  a card with its security code is refused  -> block (sensitive-authentication-data)"));

    // A wrong expectation fails, readably, with exit 1.
    let broken = pack("pci").replace(
        "expect: { action: block, rule: bulk-card-data }",
        "expect: { action: cloud }",
    );
    std::fs::write(dir.path().join("pci.yaml"), &broken).unwrap();
    let (code, out) = run(&["policy", "test", "pci.yaml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL  a list of card numbers is refused"), "{out}");
    assert!(out.contains("expected cloud, got block (bulk-card-data)"), "{out}");
    assert!(out.contains("CREDIT_CARD ×3"), "{out}");

    // Check: errors with positions, exit 1.
    std::fs::write(
        dir.path().join("bad.yaml"),
        "version: 1\nname: b\ndefault: cloud\nrules:\n  - id: x\n    when: { categories: [PHI] }\n    then: local\n  - id: y\n    when: { entities: [EMAIL] }\n    then: block\n",
    )
    .unwrap();
    let (code, out) = run(&["policy", "check", "bad.yaml"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("line 8, column 5: rules.1: rule `y` can never match"),
        "{out}"
    );
    let (code, out) = run(&["policy", "check", &packs[0]]);
    assert_eq!(code, 0, "{out}");

    // Diff: what would change, per rule and action, with request ids.
    let requests = [
        json!({"id": "r-phi", "body": user(PHI_PROMPT)}),
        json!({"id": "r-plain", "body": user("Write a haiku about the sea.")}),
        json!({"id": "r-card", "body": user("Refund card 4111 1111 1111 1111.")}),
        user("Draft a birthday email to John Smith."),
    ];
    let jsonl: String = requests.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(dir.path().join("reqs.jsonl"), jsonl).unwrap();
    let (code, out) = run(&[
        "policy",
        "diff",
        &packs[0],
        &format!("{PACKS}/baseline.yaml"),
        "--requests",
        "reqs.jsonl",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("4 requests replayed: 3 would be decided differently"),
        "{out}"
    );
    assert!(
        out.contains("cloud (default) -> local (sensitive-on-prem): 2  [r-card, line-4]"),
        "{out}"
    );
    assert!(
        out.contains("local (phi-on-prem) -> local (sensitive-on-prem): 1  [r-phi]"),
        "{out}"
    );
    let (code, out) = run(&[
        "policy",
        "diff",
        &packs[0],
        &format!("{PACKS}/baseline.yaml"),
        "--requests",
        "reqs.jsonl",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changed"], 3);
    assert_eq!(v["actions"]["cloud"]["old"], 3);
    assert_eq!(v["actions"]["cloud"]["new"], 1);
}
