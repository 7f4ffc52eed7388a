//! Residency and contracts: `region:` and `baa:` on upstreams, `require:`
//! in policies. A decided request goes only to upstreams that carry what its
//! action requires; with none available it is refused (503), never sent to
//! another region or to a vendor without a BAA.

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{audit_lines, chat_request, CLIENT_KEY, UPSTREAM_KEY};

const PACKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies/packs");

/// Two cloud upstreams, `us` (region us, no BAA) and `eu` (region eu, a
/// BAA), in that order of preference; the `eu` one may be down.
fn config(us: &FakeUpstream, eu_url: &str, jurisdiction: &str) -> String {
    format!(
        r#"listen:
  - addr: 127.0.0.1:0
clients:
  - {{ name: app, tenant: acme, key_env: APP_KEY }}
tenants:
  acme: {{ jurisdiction: {jurisdiction} }}
upstreams:
  vendor-us: {{ kind: openai, base_url: "{}", api_key_env: VENDOR_KEY, zone: cloud, region: us, timeout: 2s }}
  vendor-eu: {{ kind: openai, base_url: "{eu_url}", api_key_env: VENDOR_KEY, zone: cloud, region: eu, baa: true, timeout: 2s }}
routes:
  local: []
  cloud: [vendor-us, vendor-eu]
policy: policy.yaml
audit: {{ dir: audit }}
"#,
        us.base_v1()
    )
}

fn start(cfg: &str, policy: &str) -> (Cordon, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), policy).unwrap();
    let audit = dir.path().join("audit");
    let cordon = Cordon::start_in(dir, cfg, &[("APP_KEY", CLIENT_KEY), ("VENDOR_KEY", UPSTREAM_KEY)]);
    (cordon, audit)
}

/// A URL where nothing listens.
fn dead_url() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1", l.local_addr().unwrap());
    drop(l);
    url
}

fn user(text: &str) -> Value {
    json!({"model": "m", "messages": [{"role": "user", "content": text}]})
}

const EU_PERSONAL: &str = "Reply to Anna Schmidt (anna.schmidt@example.de) about her late delivery.";

const EU_POLICY: &str = r#"version: 1
name: eu-cloud
default: cloud
on_error: block
rules:
  - id: eu-personal-data-in-eu
    when: { jurisdiction: [EU], categories: [PII] }
    then: { action: cloud, require: { region: [eu] } }
"#;

#[tokio::test]
async fn eu_personal_data_never_reaches_a_us_region_even_when_it_is_the_only_one_up() {
    let us = FakeUpstream::start(Behavior::Answer).await;
    let (cordon, audit) = start(&config(&us, &dead_url(), "EU"), EU_POLICY);
    let resp = chat_request(&cordon, &user(EU_PERSONAL)).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["x-cordon-rule"], "eu-personal-data-in-eu");
    let v: Value = resp.json().await.unwrap();
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("vendor-us does not carry region eu"), "{msg}");
    assert!(!msg.contains("Schmidt"), "{msg}");
    assert_eq!(us.connections(), 0, "not a byte reached the us region");
    // `cordon explain` says which upstreams of the route may receive it.
    std::fs::write(cordon.dir.path().join("req.json"), user(EU_PERSONAL).to_string()).unwrap();
    let (code, out) = cordon.cli(&["explain", "--config", "cordon.yaml", "--client", "app", "req.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("upstreams (route `cloud`, requires region eu):"), "{out}");
    assert!(
        out.lines().any(|l| l.contains("vendor-us") && l.ends_with("may not")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("vendor-eu") && l.ends_with("may receive it")),
        "{out}"
    );
    assert!(!out.contains("Schmidt"), "{out}");
    let (code, out) = cordon.cli(&[
        "explain",
        "--config",
        "cordon.yaml",
        "--client",
        "app",
        "--json",
        "req.json",
    ]);
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["upstreams"]["require"], "region eu");
    let admitted: Vec<(&str, bool)> = v["upstreams"]["upstreams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["name"].as_str().unwrap(), u["admitted"].as_bool().unwrap()))
        .collect();
    assert_eq!(admitted, [("vendor-us", false), ("vendor-eu", true)]);
    assert_eq!(us.connections(), 0, "explain forwards nothing");
    // Without personal data, the same tenant's request may use any region.
    let resp = chat_request(&cordon, &user("What is the capital of France?"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(us.count(), 1);
    assert!(!us.requests()[0].everything().contains("Schmidt"));
    // The decision record names what was required and where it could go;
    // the outcome, the region that answered (written once the answer ends).
    let outcomes = || audit_lines(&audit).iter().filter(|l| l["kind"] == "outcome").count();
    cordon_tests::eventually(std::time::Duration::from_secs(10), "two outcome records", || {
        outcomes() >= 2
    })
    .await;
    let lines = audit_lines(&audit);
    let decisions: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "decision").collect();
    assert_eq!(decisions[0]["require"], "region eu", "{}", decisions[0]);
    assert_eq!(decisions[0]["regions"], json!(["eu"]));
    assert_eq!(decisions[1]["regions"], json!(["us", "eu"]));
    let outcomes: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "outcome").collect();
    assert!(outcomes.iter().any(|o| o["region"] == "us"), "{outcomes:?}");
}

#[tokio::test]
async fn eu_personal_data_goes_to_the_eu_region_when_it_is_up() {
    let us = FakeUpstream::start(Behavior::Answer).await;
    let eu = FakeUpstream::start(Behavior::Answer).await;
    let (cordon, _audit) = start(&config(&us, &eu.base_v1(), "EU"), EU_POLICY);
    let resp = chat_request(&cordon, &user(EU_PERSONAL)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(eu.count(), 1);
    assert_eq!(us.connections(), 0);
    assert!(eu.requests()[0].everything().contains("Schmidt"));
}

#[tokio::test]
async fn gdpr_pack_keeps_eu_requests_in_eu_regions() {
    let us = FakeUpstream::start(Behavior::Answer).await;
    let gdpr = std::fs::read_to_string(format!("{PACKS}/gdpr.yaml")).unwrap();
    let (cordon, _audit) = start(&config(&us, &dead_url(), "EU"), &gdpr);
    // Personal data of an EU data subject stays on premises (no local upstream: 503).
    let resp = chat_request(&cordon, &user(EU_PERSONAL)).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["x-cordon-rule"], "eu-personal-data");
    // What an EU tenant sends to the cloud goes to EU regions only: the only one up is us.
    let resp = chat_request(&cordon, &user("Summarize GDPR Article 17 for our wiki."))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["x-cordon-rule"], "eu-residency");
    assert_eq!(us.connections(), 0);
    // A US tenant's request may use the us region.
    let (cordon, _audit) = start(&config(&us, &dead_url(), "US"), &gdpr);
    let resp = chat_request(&cordon, &user("Summarize GDPR Article 17 for our wiki."))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(us.count(), 1);
}

const PHI: &str = "Patient Maria Garcia was admitted with chest pain; her phone is (415) 555-0132.";

#[tokio::test]
async fn phi_reaches_only_baa_upstreams() {
    let us = FakeUpstream::start(Behavior::Answer).await;
    let eu = FakeUpstream::start(Behavior::Answer).await;
    let policy = r#"version: 1
name: phi-under-baa
default: cloud
on_error: block
rules:
  - id: phi-to-baa
    when: { categories: [PHI] }
    then: { action: pseudonymize, require: { baa: true } }
"#;
    let (cordon, _audit) = start(&config(&us, &eu.base_v1(), "US"), policy);
    let resp = chat_request(&cordon, &user(PHI)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-rule"], "phi-to-baa");
    assert_eq!(us.connections(), 0, "the vendor without a BAA got nothing");
    assert_eq!(eu.count(), 1);
    // Placeholders out, even to the vendor under a BAA.
    assert!(!eu.requests()[0].everything().contains("555-0132"));
    // No BAA vendor up: refused (503), never sent to the other one.
    let (cordon, _audit) = start(&config(&us, &dead_url(), "US"), policy);
    let resp = chat_request(&cordon, &user(PHI)).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    let v: Value = resp.json().await.unwrap();
    assert!(
        v["error"]["message"].as_str().unwrap().contains("a BAA required"),
        "{v}"
    );
    assert!(!v.to_string().contains("555-0132"));
    assert_eq!(us.connections(), 0);
}

#[tokio::test]
async fn hipaa_pack_sends_the_cloud_only_to_baa_vendors_and_config_check_says_when_it_cannot() {
    let us = FakeUpstream::start(Behavior::Answer).await;
    let eu = FakeUpstream::start(Behavior::Answer).await;
    let hipaa = std::fs::read_to_string(format!("{PACKS}/hipaa.yaml")).unwrap();
    let (cordon, _audit) = start(&config(&us, &eu.base_v1(), "US"), &hipaa);
    let resp = chat_request(&cordon, &user("What are first-line treatments for hypertension?"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(eu.count(), 1);
    assert_eq!(us.connections(), 0);

    // A config whose cloud route holds no BAA vendor: `config check` and
    // `policy check` say the pack's default can never be met there.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), &hipaa).unwrap();
    let cfg = config(&us, &eu.base_v1(), "US").replace("  cloud: [vendor-us, vendor-eu]", "  cloud: [vendor-us]");
    std::fs::write(dir.path().join("cordon.yaml"), &cfg).unwrap();
    let env = [("APP_KEY", CLIENT_KEY), ("VENDOR_KEY", UPSTREAM_KEY)];
    let (code, out) = cordon_tests::process::run_cli(dir.path(), &["config", "check", "cordon.yaml"], env.into_iter());
    assert_eq!(code, 0, "a warning, not an error: {out}");
    assert!(out.contains("route `cloud` can never satisfy this action"), "{out}");
    assert!(out.contains("a BAA"), "{out}");
    let (_, out) = cordon_tests::process::run_cli(
        dir.path(),
        &["policy", "check", "policy.yaml", "--config", "cordon.yaml"],
        env.into_iter(),
    );
    assert!(out.contains("can never satisfy"), "{out}");
}
