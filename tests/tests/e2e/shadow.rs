//! Shadow policies on live traffic: a looser and a stricter candidate
//! decided beside the policy in force change nothing a client or a vendor
//! sees; the trail holds what they would have done, `cordon audit shadow`
//! counts it exactly; shadows hot-reload (an invalid one is refused and the
//! old one keeps running); `cordon policy promote` puts a candidate in
//! force only when its test cases pass, and the trail verifies after.

use std::path::Path;
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{audit_lines, chat_request, config, env};

pub const ENFORCED: &str = "version: 1\nname: enforced\ndefault: cloud\nrules:\n  - id: secrets\n    when: { entities: [US_SSN] }\n    then: block\n  - id: mail-local\n    when: { entities: [EMAIL] }\n    then: local\ntests:\n  - name: mail stays on premises\n    prompt: \"Write to ops@example.com today.\"\n    expect: { action: local, rule: mail-local }\n";
/// Lets e-mail addresses out: loosening.
pub const LOOSER: &str = "version: 1\nname: looser\ndefault: cloud\nrules:\n  - id: secrets\n    when: { entities: [US_SSN] }\n    then: block\ntests:\n  - name: mail goes out\n    prompt: \"Write to ops@example.com today.\"\n    expect: { action: cloud, rule: default }\n";
/// Blocks anything found and keeps the rest on premises.
pub const STRICTER: &str = "version: 1\nname: stricter\ndefault: local\nrules:\n  - id: anything-found\n    when: { min_count: 1 }\n    then: block\ntests:\n  - name: mail is blocked\n    prompt: \"Write to ops@example.com today.\"\n    expect: { action: block, rule: anything-found }\n";

const HELLO: &str = "What is the capital of France?";
const MAIL: &str = "Write to ops@example.com about the invoice.";
const SSN: &str = "My SSN is 536-22-8451, file my taxes.";

/// Three hellos, two e-mails, one SSN, in an interleaved order.
pub fn prompts() -> Vec<&'static str> {
    vec![HELLO, MAIL, SSN, HELLO, MAIL, HELLO]
}

pub fn hash(text: &str) -> String {
    cordon_policies::content_hash(text.as_bytes())
}

async fn fakes() -> [FakeUpstream; 3] {
    [
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    ]
}

/// Starts cordon with `policy.yaml` (enforced), `looser.yaml` and `stricter.yaml` beside its config.
fn start(f: &[FakeUpstream; 3], policy_section: &str) -> Cordon {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("policy.yaml", ENFORCED),
        ("looser.yaml", LOOSER),
        ("stricter.yaml", STRICTER),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    Cordon::start_in(dir, &config(&f[0], &f[1], &f[2], "openai", policy_section), &env())
}

fn write_atomic(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Status, route header, rule header of each prompt, in order.
async fn send_all(cordon: &Cordon, prompts: &[&str]) -> Vec<(u16, String, String)> {
    let mut out = Vec::new();
    for p in prompts {
        let resp = chat_request(
            cordon,
            &json!({"model": "m", "messages": [{"role": "user", "content": p}]}),
        )
        .send()
        .await
        .unwrap();
        let h = |k: &str| resp.headers()[k].to_str().unwrap().to_string();
        out.push((resp.status().as_u16(), h("x-cordon-route"), h("x-cordon-rule")));
        resp.bytes().await.unwrap();
    }
    out
}

/// What each fake received: path and body, in order.
fn receipts(f: &[FakeUpstream; 3]) -> Vec<Vec<(String, Value)>> {
    f.iter()
        .map(|u| u.requests().iter().map(|r| (r.path.clone(), r.json())).collect())
        .collect()
}

fn decisions(dir: &Path) -> Vec<Value> {
    audit_lines(&dir.join("audit"))
        .into_iter()
        .filter(|e| e["kind"] == "decision")
        .collect()
}

#[tokio::test]
async fn shadows_change_nothing_enforced_and_the_trail_counts_them_exactly() {
    // Without shadows.
    let plain_fakes = fakes().await;
    let plain = start(&plain_fakes, "policy: policy.yaml\n");
    let plain_answers = send_all(&plain, &prompts()).await;
    // With a looser and a stricter shadow.
    let shadow_fakes = fakes().await;
    let shadowed = start(
        &shadow_fakes,
        "policy: { file: policy.yaml, shadow: [looser.yaml, stricter.yaml] }\n",
    );
    let shadow_answers = send_all(&shadowed, &prompts()).await;

    // The clients saw the same; the vendors received the same.
    assert_eq!(plain_answers, shadow_answers);
    assert_eq!(
        plain_answers.iter().map(|a| a.1.as_str()).collect::<Vec<_>>(),
        ["cloud", "local", "blocked", "cloud", "local", "cloud"]
    );
    assert_eq!(receipts(&plain_fakes), receipts(&shadow_fakes));
    assert_eq!(shadow_fakes[0].count(), 3, "the three hellos went to the cloud");
    assert_eq!(shadow_fakes[2].count(), 2, "the two e-mails stayed on premises");

    // The enforced decisions are the same records; the shadows ride along.
    let enforced = |d: &Value| {
        (
            d["action"].clone(),
            d["rule"].clone(),
            d["route"].clone(),
            d["zone"].clone(),
            d["entities"].clone(),
            d["policy_hash"].clone(),
        )
    };
    let (a, b) = (decisions(plain.dir.path()), decisions(shadowed.dir.path()));
    assert_eq!(
        a.iter().map(enforced).collect::<Vec<_>>(),
        b.iter().map(enforced).collect::<Vec<_>>()
    );
    assert!(a.iter().all(|d| d.get("shadows").is_none()));
    let (loose, strict) = (hash(LOOSER), hash(STRICTER));
    let listed = |d: &Value, h: &str| {
        d["shadows"]
            .as_array()
            .and_then(|v| v.iter().find(|s| s["policy_hash"] == h))
            .cloned()
    };
    // Recorded only where they differ (the default).
    assert_eq!(b.iter().filter(|d| listed(d, &loose).is_some()).count(), 2);
    assert_eq!(b.iter().filter(|d| listed(d, &strict).is_some()).count(), 6);
    let mail = b.iter().find(|d| d["rule"] == "mail-local").unwrap();
    assert_eq!(
        listed(mail, &loose).unwrap(),
        json!({"policy_hash": loose, "action": "cloud", "rule": "default", "route": "cloud", "zone": "cloud"})
    );
    assert_eq!(
        listed(mail, &strict).unwrap(),
        json!({"policy_hash": strict, "action": "block", "rule": "anything-found", "zone": "none"})
    );
    // Each shadow's policy record precedes the decisions.
    let lines = audit_lines(&shadowed.dir.path().join("audit"));
    let first_decision = lines.iter().position(|e| e["kind"] == "decision").unwrap();
    for h in [&loose, &strict] {
        let at = lines
            .iter()
            .position(|e| e["kind"] == "policy" && e["shadow"] == true && e["hash"] == **h)
            .unwrap_or_else(|| panic!("no shadow record for {h}"));
        assert!(at < first_decision);
    }
    for l in &lines {
        assert!(!l.to_string().contains("536-22-8451") && !l.to_string().contains("ops@example.com"));
    }

    // `cordon explain` shows what each shadow would decide, beside the decision.
    let body = json!({"model": "m", "messages": [{"role": "user", "content": MAIL}]});
    std::fs::write(shadowed.dir.path().join("mail.json"), body.to_string()).unwrap();
    let (code, out) = shadowed.cli(&["explain", "--config", "cordon.yaml", "mail.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("decision: local  (rule `mail-local`"), "{out}");
    assert!(out.contains("shadows (recorded only, never enforced):"), "{out}");
    assert!(
        out.contains(&format!("looser.yaml  {loose}: cloud (rule `default`, route `cloud`)")),
        "{out}"
    );
    assert!(
        out.contains(&format!("stricter.yaml  {strict}: block (rule `anything-found`")),
        "{out}"
    );
    let (code, out) = shadowed.cli(&["explain", "--config", "cordon.yaml", "--json", "mail.json"]);
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["shadows"][0]["policy_hash"], loose);
    assert_eq!(v["shadows"][1]["action"], "block");

    // `cordon audit shadow` counts exactly.
    let (code, out) = shadowed.cli(&["audit", "--dir", "audit", "shadow", "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    let stats = |h: &str| {
        v["shadows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["hash"] == h)
            .unwrap()
            .clone()
    };
    let l = stats(&loose);
    assert_eq!(
        (
            l["decisions"].as_u64(),
            l["differing"].as_u64(),
            l["loosening"].as_u64()
        ),
        (Some(6), Some(2), Some(2))
    );
    assert_eq!(l["pairs"].as_array().unwrap().len(), 1);
    let p = &l["pairs"][0];
    assert_eq!(
        (
            &p["enforced_action"],
            &p["enforced_rule"],
            &p["shadow_action"],
            &p["shadow_rule"],
            &p["count"]
        ),
        (
            &json!("local"),
            &json!("mail-local"),
            &json!("cloud"),
            &json!("default"),
            &json!(2)
        )
    );
    assert_eq!(p["entities"]["EMAIL"], 2);
    let mail_ids: Vec<Value> = b
        .iter()
        .filter(|d| d["rule"] == "mail-local")
        .map(|d| d["id"].clone())
        .collect();
    assert_eq!(p["examples"].as_array().unwrap(), &mail_ids);
    assert_eq!(l["outcomes"], json!({"cloud": 5, "blocked": 1}));
    let s = stats(&strict);
    assert_eq!(
        (
            s["decisions"].as_u64(),
            s["differing"].as_u64(),
            s["loosening"].as_u64()
        ),
        (Some(6), Some(6), Some(0))
    );
    let counts: Vec<(String, u64)> = s["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                format!(
                    "{} -> {}",
                    p["enforced_rule"].as_str().unwrap(),
                    p["shadow_rule"].as_str().unwrap()
                ),
                p["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            ("default -> default".to_string(), 3),
            ("mail-local -> anything-found".to_string(), 2),
            ("secrets -> anything-found".to_string(), 1)
        ]
    );
    assert_eq!(s["outcomes"], json!({"local": 3, "blocked": 3}));
    // One shadow by hash prefix; the table names the loosening.
    let short = &loose[7..17];
    let (code, out) = shadowed.cli(&["audit", "--dir", "audit", "shadow", "--policy", short]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("shadow `looser`") && !out.contains("shadow `stricter`"),
        "{out}"
    );
    assert!(
        out.contains("local (mail-local) -> cloud (default): 2 (LOOSENING: 2)"),
        "{out}"
    );
    // A period before any of it: nothing counted.
    let (_, out) = shadowed.cli(&["audit", "--dir", "audit", "shadow", "--to", "2020-01-01", "--json"]);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v["shadows"].as_array().unwrap().iter().all(|s| s["decisions"] == 0));
}

#[tokio::test]
async fn an_invalid_shadow_is_refused_on_reload_and_the_old_one_keeps_running() {
    let f = fakes().await;
    let cordon = start(
        &f,
        "policy: { file: policy.yaml, reload_interval: 50ms, shadow: [looser.yaml], shadow_record: always }\n",
    );
    let path = cordon.dir.path().join("looser.yaml");
    let count = |what: &str| cordon.logs().matches(what).count();
    write_atomic(&path, "version: 1\nname: broken\ndefault: sideways\n");
    cordon_tests::eventually(Duration::from_secs(10), "the refusal in the logs", || {
        count("new shadow policy refused") >= 1
    })
    .await;
    send_all(&cordon, &[MAIL]).await;
    let last = decisions(cordon.dir.path()).pop().unwrap();
    assert_eq!(
        last["shadows"][0]["policy_hash"],
        hash(LOOSER),
        "the old shadow keeps running"
    );
    assert_eq!(last["route"], "local", "and changes nothing");
    // A valid change takes effect, with its record before the decisions it decides.
    write_atomic(&path, STRICTER);
    cordon_tests::eventually(Duration::from_secs(10), "the shadow reload", || {
        count("shadow policy reloaded") == 1
    })
    .await;
    send_all(&cordon, &[HELLO]).await;
    let lines = audit_lines(&cordon.dir.path().join("audit"));
    let last = lines.iter().rposition(|e| e["kind"] == "decision").unwrap();
    assert_eq!(lines[last]["shadows"][0]["policy_hash"], hash(STRICTER));
    assert_eq!(
        lines[last]["shadows"][0]["rule"], "default",
        "recorded always, even when the same"
    );
    let rec = lines
        .iter()
        .position(|e| e["kind"] == "policy" && e["shadow"] == true && e["hash"] == hash(STRICTER))
        .unwrap();
    assert!(rec < last);
    assert_eq!(lines[rec]["reason"], "reload");
}

#[tokio::test]
async fn promote_checks_the_candidate_records_who_and_the_trail_verifies() {
    let f = fakes().await;
    let mut cordon = start(
        &f,
        "policy: { file: policy.yaml, reload_interval: 50ms, shadow: [looser.yaml] }\n",
    );
    assert_eq!(send_all(&cordon, &[MAIL, HELLO]).await[0].1, "local");
    let policy = cordon.dir.path().join("policy.yaml");

    // A candidate whose own test cases fail is refused; nothing changes.
    let bad = LOOSER.replace(
        "expect: { action: cloud, rule: default }",
        "expect: { action: local, rule: default }",
    );
    std::fs::write(cordon.dir.path().join("bad.yaml"), bad).unwrap();
    let (code, out) = cordon.cli(&["policy", "promote", "bad.yaml", "--config", "cordon.yaml", "--yes"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FAIL") && out.contains("promotion refused: 1 of 1 test cases fail"),
        "{out}"
    );
    // Without --yes, and nobody at a terminal to answer: refused.
    let (code, out) = cordon.cli(&["policy", "promote", "looser.yaml", "--config", "cordon.yaml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not confirmed"), "{out}");
    assert_eq!(std::fs::read_to_string(&policy).unwrap(), ENFORCED);

    // The shadow that passes: its summary shown, then put in force.
    let (code, out) = cordon.cli(&["policy", "promote", "looser.yaml", "--config", "cordon.yaml", "--yes"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("policy check: ok") && out.contains("test cases: 1 passed"),
        "{out}"
    );
    assert!(
        out.contains("2 decisions while in force: 1 decided differently, 1 loosening"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&policy).unwrap(), LOOSER);
    let mut promoted = false;
    for _ in 0..250 {
        if send_all(&cordon, &[MAIL]).await[0].1 == "cloud" {
            promoted = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(promoted, "the promoted policy never took effect");
    let lines = audit_lines(&cordon.dir.path().join("audit"));
    let who = lines
        .iter()
        .position(|e| e["kind"] == "access" && e["action"] == "promote_policy")
        .expect("the promotion's record");
    let w = &lines[who];
    assert_eq!(
        (&w["params"]["from"], &w["params"]["to"]),
        (&json!(hash(ENFORCED)), &json!(hash(LOOSER)))
    );
    assert_eq!(w["params"]["via"], "cli");
    assert!(!w["user"].as_str().unwrap().is_empty());
    let rec = lines
        .iter()
        .position(|e| e["kind"] == "policy" && e["shadow"].is_null() && e["hash"] == hash(LOOSER))
        .unwrap();
    assert_eq!(lines[rec]["reason"], "promote");
    assert!(who < rec, "who promoted is recorded before the policy comes into force");
    let first_cloud_mail = lines
        .iter()
        .position(|e| e["kind"] == "decision" && e["policy_hash"] == hash(LOOSER))
        .unwrap();
    assert!(rec < first_cloud_mail);
    assert!(
        !cordon.dir.path().join("audit/promotion.json").exists(),
        "the note is consumed"
    );

    // The trail verifies after the promotion.
    cordon.signal("TERM");
    assert!(cordon.wait_exit(Duration::from_secs(20)).is_some());
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
}
