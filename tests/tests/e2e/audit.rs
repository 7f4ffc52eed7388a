//! The audit trail: write-ahead decisions, outcomes, tamper evidence,
//! crash recovery, failing closed when it cannot be written.

use std::path::{Path, PathBuf};
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env, http, messages_request, CLIENT_KEY};

const AUDIT: &str = "audit:\n  checkpoint_every: 4\n  checkpoint_interval: 200ms\n  prices:\n    m: { input_per_mtok: 1.0, output_per_mtok: 2.0 }\n";

/// The decision record with this id.
fn decision(dir: &Path, id: &str) -> Value {
    crate::audit_lines(dir)
        .into_iter()
        .find(|e| e["kind"] == "decision" && e["id"] == id)
        .unwrap()
}

async fn fakes() -> (FakeUpstream, FakeUpstream, FakeUpstream) {
    (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    )
}

fn chat(cordon: &Cordon, stream: bool) -> reqwest::RequestBuilder {
    chat_request(
        cordon,
        &json!({"model": "m", "stream": stream, "stream_options": {"include_usage": true},
            "messages": [{"role": "user", "content": "Patient marker-9913, DOB 03/04/1961"}]}),
    )
}

#[tokio::test]
async fn decisions_are_written_before_forwarding_and_outcomes_follow() {
    let (o, a, l) = fakes().await;
    // The prompt holds a patient's date of birth: the baseline policy keeps it on premises.
    l.set_behavior(Behavior::Hang);
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", AUDIT), &env());
    let audit_dir = cordon.dir.path().join("audit");
    // The vendor holds the request: its decision must already be on disk.
    let pending = tokio::spawn(chat(&cordon, false).timeout(Duration::from_secs(30)).send());
    cordon_tests::eventually(Duration::from_secs(10), "the request at the vendor", || l.count() == 1).await;
    let at_vendor = crate::audit_lines(&audit_dir);
    assert!(
        at_vendor.iter().any(|e| e["kind"] == "decision" && e["model"] == "m"),
        "no decision record while the request was upstream: {at_vendor:?}"
    );
    pending.abort();
    l.set_behavior(Behavior::Answer);

    let resp = chat(&cordon, false).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
    resp.bytes().await.unwrap();
    let resp = chat(&cordon, true).send().await.unwrap();
    let stream_id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
    resp.bytes().await.unwrap();

    let outcome = |id: &str| -> Option<Value> {
        crate::audit_lines(&audit_dir)
            .into_iter()
            .find(|e| e["kind"] == "outcome" && e["decision_id"] == id)
    };
    cordon_tests::eventually(Duration::from_secs(10), "the outcomes", || {
        outcome(&id).is_some() && outcome(&stream_id).is_some()
    })
    .await;
    for i in [&id, &stream_id] {
        let out = outcome(i).unwrap();
        assert_eq!(out["status"], 200);
        assert_eq!(out["upstream"], "vllm");
        assert_eq!(out["tokens_in"], 12);
        assert_eq!(out["tokens_out"], 5);
        assert_eq!(out["model_served"], "m");
        // Read to the end by the client: a complete answer, not a disconnect.
        assert!(out["error"].is_null(), "{out}");
        let cost = out["cost_usd"].as_f64().unwrap();
        assert!((cost - (12.0 + 10.0) / 1e6).abs() < 1e-12, "{cost}");
        let decision = decision(&audit_dir, i);
        assert_eq!(decision["route"], "local");
        assert_eq!(decision["zone"], "local");
        assert_eq!(decision["action"], "local");
        assert_eq!(decision["rule"], "sensitive-on-prem");
        assert!(decision["policy_hash"].as_str().unwrap().starts_with("sha256:"));
        assert_eq!(decision["entities"]["DATE"], 1);
        assert_eq!(decision["tenant"], "finance");
        assert_eq!(decision["client"], "billing-app");
    }
    let raw = std::fs::read_to_string(audit_dir.join("audit-000001.jsonl")).unwrap();
    assert!(
        !raw.contains("marker-9913") && !raw.contains("03/04/1961") && !raw.contains("1961-03-04"),
        "prompt text in the trail"
    );
    assert!(!raw.contains(CLIENT_KEY));

    // The reader: verify, query by id, export, stats, report.
    let (code, out) = cordon.cli(&["audit", "--config", "cordon.yaml", "verify"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("OK:"), "{out}");
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "query", "--id", &id, "--json"]);
    assert_eq!(code, 0, "{out}");
    let row: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(row["decision"]["id"], id.as_str());
    assert_eq!(row["outcome"]["status"], 200);
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "export", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("seq,time,decision_id"));
    assert!(out.contains(&stream_id));
    let (code, out) = cordon.cli(&[
        "audit",
        "--dir",
        "audit",
        "export",
        "--format",
        "jsonl",
        "--out",
        "export.jsonl",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("100%") && out.contains("exported 3 records"),
        "progress on stderr: {out}"
    );
    let exported = std::fs::read_to_string(cordon.dir.path().join("export.jsonl")).unwrap();
    assert_eq!(exported.lines().count(), 3);
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "tail", "-n", "2"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.lines().count(), 3, "a header and two rows: {out}");
    assert!(out.contains(&stream_id));
    let (code, out) = cordon.cli(&["audit", "--config", "cordon.yaml", "stats", "--tenant", "finance"]);
    assert_eq!(code, 0);
    assert!(out.contains("requests: 3"), "{out}");
    let (code, out) = cordon.cli(&[
        "audit",
        "--config",
        "cordon.yaml",
        "report",
        "--from",
        "2020-01-01",
        "--pdf",
        "report.pdf",
    ]);
    assert_eq!(code, 0, "{out}");
    let pdf = lopdf::Document::load(cordon.dir.path().join("report.pdf")).unwrap();
    let pdf_text = pdf.extract_text(&[1]).unwrap();
    assert!(pdf_text.contains("upstream vllm (zone local)"), "{pdf_text}");
    assert!(out.contains("upstream vllm (zone local)"), "{out}");
    // The prompt holds a date of birth: the policy kept it home, and the report says so.
    assert!(out.contains("0 requests with PHI reached any cloud upstream"), "{out}");
    assert!(
        out.contains("0 requests with FINANCIAL reached any cloud upstream"),
        "{out}"
    );
}

/// A finished trail, copied aside for each tampering.
async fn sealed_trail() -> (tempfile::TempDir, PathBuf) {
    let (o, a, l) = fakes().await;
    let mut cordon = Cordon::start(&config(&o, &a, &l, "openai", AUDIT), &env());
    for _ in 0..6 {
        chat(&cordon, false).send().await.unwrap().bytes().await.unwrap();
    }
    cordon.signal("TERM");
    assert_eq!(cordon.wait_exit(Duration::from_secs(20)), Some(0));
    let (_, pubkey) = cordon.cli(&["audit", "--dir", "audit", "pubkey"]);
    let keep = tempfile::tempdir().unwrap();
    std::fs::write(keep.path().join("trusted.pub"), pubkey.trim()).unwrap();
    copy_dir(&cordon.dir.path().join("audit"), &keep.path().join("audit"));
    let pubfile = keep.path().join("trusted.pub");
    (keep, pubfile)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn verify(dir: &Path, pubkey: &Path) -> (i32, String) {
    let (dir, pubkey) = (dir.to_string_lossy(), pubkey.to_string_lossy());
    let args = ["audit", "--dir", &dir, "verify", "--pubkey", &pubkey];
    cordon_tests::process::run_cli(Path::new("."), &args, std::iter::empty())
}

fn rewrite(dir: &Path, f: impl FnOnce(&mut Vec<String>)) -> PathBuf {
    let copy = dir.with_file_name(format!("tampered-{}", uuid::Uuid::now_v7()));
    copy_dir(dir, &copy);
    let seg = copy.join("audit-000001.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(&seg)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    f(&mut lines);
    std::fs::write(&seg, lines.join("\n") + "\n").unwrap();
    copy
}

#[tokio::test]
async fn verify_names_the_first_bad_record_for_every_alteration() {
    let (keep, pubkey) = sealed_trail().await;
    let dir = keep.path().join("audit");
    let (code, out) = verify(&dir, &pubkey);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK: 13 records"), "{out}");

    type Tamper = Box<dyn FnOnce(&mut Vec<String>)>;
    let cases: Vec<(&str, Tamper, &str)> = vec![
        (
            "edit",
            Box::new(|l: &mut Vec<String>| l[2] = l[2].replacen("\"ts_ms\":", "\"ts_ms\":1", 1)),
            "record 3 does not match",
        ),
        (
            "delete",
            Box::new(|l: &mut Vec<String>| {
                l.remove(2);
            }),
            "records 3 to 3 are missing",
        ),
        (
            "insert",
            Box::new(|l: &mut Vec<String>| {
                let dup = l[1].clone();
                l.insert(2, dup);
            }),
            "out of order: seq 2 follows 2",
        ),
        (
            "reorder",
            Box::new(|l: &mut Vec<String>| l.swap(1, 2)),
            "records 2 to 2 are missing",
        ),
        (
            "truncate",
            Box::new(|l: &mut Vec<String>| l.truncate(6)),
            "were truncated",
        ),
        (
            "forged checkpoint",
            Box::new(|l: &mut Vec<String>| {
                let i = l.iter().position(|x| x.contains("\"kind\":\"checkpoint\"")).unwrap();
                let mut v: Value = serde_json::from_str(&l[i]).unwrap();
                let sig = v["sig"].as_str().unwrap().to_string();
                let flipped = format!("{}{}", if sig.starts_with('0') { "1" } else { "0" }, &sig[1..]);
                v["sig"] = json!(flipped);
                l[i] = v.to_string();
            }),
            "signature does not verify",
        ),
        (
            "removed from the start",
            Box::new(|l: &mut Vec<String>| {
                l.remove(0);
            }),
            "starts neither at genesis",
        ),
    ];
    for (name, change, expect) in cases {
        let tampered = rewrite(&dir, change);
        let (code, out) = verify(&tampered, &pubkey);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out.contains("FAILED: first bad record"), "{name}: {out}");
        assert!(out.contains(expect), "{name}: expected `{expect}` in {out}");
    }
    // Another key does not verify the trail.
    let other = keep.path().join("other.pub");
    std::fs::write(&other, format!("ed25519:{}", "11".repeat(32))).unwrap();
    let (code, _) = verify(&dir, &other);
    assert_eq!(code, 1);
}

/// Also (issue "Leak-proof request path", lost outcomes): every request
/// answered in full has its outcome record.
#[tokio::test(flavor = "multi_thread")]
async fn kill_9_under_load_loses_no_acknowledged_decision() {
    let (o, a, l) = fakes().await;
    let mut cordon = Cordon::start(&config(&o, &a, &l, "openai", AUDIT), &env());
    let url = cordon.url();
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            let (mut ids, mut answered) = (Vec::new(), Vec::new());
            for _ in 0..200 {
                let resp = http()
                    .post(format!("{url}/v1/chat/completions"))
                    .bearer_auth(CLIENT_KEY)
                    .json(&json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}))
                    .send()
                    .await;
                match resp {
                    Ok(r) if r.status() == 200 => {
                        let id = r.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
                        ids.push(id.clone());
                        match r.bytes().await {
                            Ok(_) => answered.push(id),
                            Err(_) => break,
                        }
                    }
                    _ => break,
                }
            }
            (ids, answered)
        }));
    }
    cordon_tests::eventually(Duration::from_secs(30), "some load", || o.count() >= 300).await;
    cordon.kill9();
    let (mut acknowledged, mut answered) = (Vec::new(), Vec::new());
    for t in tasks {
        let (ids, done) = t.await.unwrap();
        acknowledged.extend(ids);
        answered.extend(done);
    }
    // Up to 16 requests were at the vendor when it died, unanswered.
    assert!(acknowledged.len() >= 300 - 16, "{}", acknowledged.len());
    // A torn last write, as a crash mid-write leaves it.
    let seg = cordon.dir.path().join("audit").join("audit-000001.jsonl");
    let mut f = std::fs::OpenOptions::new().append(true).open(&seg).unwrap();
    std::io::Write::write_all(&mut f, b"{\"seq\":999999,\"ts_ms\":1,\"prev\":\"ab").unwrap();
    drop(f);

    cordon.restart();
    let logs_repair = || cordon.logs().contains("repaired a torn last write");
    cordon_tests::eventually(Duration::from_secs(10), "the torn-write repair in the log", logs_repair).await;
    let resp = chat(&cordon, false).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    cordon.signal("TERM");
    assert_eq!(cordon.wait_exit(Duration::from_secs(20)), Some(0));
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
    let decided: std::collections::HashSet<String> = crate::audit_lines(&cordon.dir.path().join("audit"))
        .into_iter()
        .filter(|e| e["kind"] == "decision")
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    let missing: Vec<&String> = acknowledged.iter().filter(|id| !decided.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "{} answered requests have no decision record",
        missing.len()
    );
    let outcomes: std::collections::HashSet<String> = crate::audit_lines(&cordon.dir.path().join("audit"))
        .into_iter()
        .filter(|e| e["kind"] == "outcome")
        .map(|e| e["decision_id"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<&String> = answered.iter().filter(|id| !outcomes.contains(*id)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} requests answered in full have no outcome record",
        lost.len(),
        answered.len()
    );
}

#[tokio::test]
async fn a_trail_that_cannot_be_written_fails_closed() {
    let (o, a, l) = fakes().await;
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit");
    std::fs::create_dir_all(&audit).unwrap();
    // Every write to the segment fails with ENOSPC, as on a full disk.
    std::os::unix::fs::symlink("/dev/full", audit.join("audit-000001.jsonl")).unwrap();
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", AUDIT), &env());
    let resp = chat(&cordon, false).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("audit"), "{v}");
    assert_eq!(o.count(), 0, "nothing may be forwarded without its record");
    let resp = http().get(format!("{}/readyz", cordon.url())).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["audit"]["healthy"], false);
    let metrics = crate::metrics(&cordon).await;
    assert!(
        metrics.contains("cordon_fail_closed_total{reason=\"audit_unavailable\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("cordon_audit_healthy 0"), "{metrics}");
    assert!(metrics.contains("cordon_audit_write_seconds_count 1"), "{metrics}");
    // Anthropic clients get their own shape.
    let resp = messages_request(
        &cordon,
        &json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 503);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error");
}

#[tokio::test]
async fn findings_are_counted_and_fingerprinted_never_stored() {
    let (o, a, l) = fakes().await;
    let extra = "audit:\n  hmac_key_env: AUDIT_HMAC\n  checkpoint_every: 4\n";
    let mut env = env();
    env.push(("AUDIT_HMAC", "test-fingerprint-key-0123456789"));
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", extra), &env);
    let audit_dir = cordon.dir.path().join("audit");
    let prompt = "Card 4111 1111 1111 1111, SSN 536-22-1234, write to jane.roe@example.org";
    let resp = chat_request(
        &cordon,
        &json!({"model": "m", "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": prompt}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 200);
    let id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
    resp.bytes().await.unwrap();
    let decision = decision(&audit_dir, &id);
    assert_eq!(
        decision["entities"],
        json!({"CREDIT_CARD": 1, "EMAIL": 1, "US_SSN": 1}),
        "{decision}"
    );
    assert_eq!(decision["categories"]["FINANCIAL"], 1, "{decision}");
    let spans = decision["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 3);
    for s in spans {
        assert_eq!(s["pointer"], "/messages/1/content");
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let value = &prompt[start..end];
        assert!(
            ["4111 1111 1111 1111", "536-22-1234", "jane.roe@example.org"].contains(&value),
            "{value}"
        );
    }
    assert_eq!(decision["fingerprints"].as_array().unwrap().len(), 3);
    let raw = std::fs::read_to_string(audit_dir.join("audit-000001.jsonl")).unwrap();
    assert!(!cordon_tests::shows_card(&raw), "a card number in the trail");
    for value in ["536-22", "jane.roe", "example.org"] {
        assert!(!raw.contains(value), "a detected value in the trail: {value}");
    }
    // A subject lookup finds the decision from the value written another way.
    let (code, out) = cordon.cli(&[
        "audit",
        "--config",
        "cordon.yaml",
        "query",
        "--subject",
        "536 22 1234",
        "--json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&id), "subject lookup: {out}");
    // The detector time is a metric; the values are in no metric.
    let metrics = crate::metrics(&cordon).await;
    assert!(metrics.contains("cordon_detector_seconds_count 1"), "{metrics}");
    assert!(!cordon_tests::shows_card(&metrics) && !metrics.contains("jane"));
    let logs = cordon.logs();
    assert!(!cordon_tests::shows_card(&logs) && !logs.contains("jane.roe") && !logs.contains("536-22"));
}

/// Issue "Leak-proof request path", audit amplification: a body of thousands
/// of e-mail addresses writes one bounded record, its counts still exact.
#[tokio::test]
async fn a_request_full_of_addresses_writes_a_bounded_decision_record() {
    let (o, a, l) = fakes().await;
    let extra = "audit:\n  hmac_key_env: AUDIT_HMAC\n  checkpoint_every: 4\n";
    let mut env = env();
    env.push(("AUDIT_HMAC", "test-fingerprint-key-0123456789"));
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", extra), &env);
    let audit_dir = cordon.dir.path().join("audit");
    let n = 3000;
    let prompt: String = (0..n).map(|i| format!("user{i}@example.org ")).collect();
    let resp = chat_request(
        &cordon,
        &json!({"model": "m", "messages": [{"role": "user", "content": prompt}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 200);
    let id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
    resp.bytes().await.unwrap();
    let raw = std::fs::read_to_string(audit_dir.join("audit-000001.jsonl")).unwrap();
    let line = raw
        .lines()
        .find(|l| l.contains(&id) && l.contains("\"decision\""))
        .unwrap();
    assert!(line.len() < 64 * 1024, "a {} byte decision record", line.len());
    let d = decision(&audit_dir, &id);
    assert_eq!(d["entities"]["EMAIL"], n, "{}", d["entities"]);
    assert_eq!(d["spans"].as_array().unwrap().len(), 256);
    assert_eq!(d["spans_omitted"], n - 256);
    assert_eq!(d["fingerprints"].as_array().unwrap().len(), 256);
    assert_eq!(d["fingerprints_omitted"], n - 256);
    assert!(!raw.contains("example.org"), "a detected value in the trail");
    // The readers take it.
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "query", "--id", &id, "--json"]);
    assert_eq!(code, 0, "{out}");
    let row: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(row["decision"]["spans_omitted"], n - 256);
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "export", "--format", "csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&id));
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
}

/// Issue "Leak-proof request path", verify: the newest records removed with
/// `head.json` fail verification, and a trail cut back to an earlier
/// checkpoint (with that checkpoint put back as `head.json`) is caught by a
/// checkpoint kept off the host.
#[tokio::test]
async fn truncation_with_head_json_removed_or_rolled_back_is_caught() {
    let (keep, pubkey) = sealed_trail().await;
    let dir = keep.path().join("audit");
    // The operator's copy, kept elsewhere.
    let offhost = keep.path().join("offhost-checkpoint.json");
    let (d, o) = (dir.to_string_lossy(), offhost.to_string_lossy());
    let (code, out) = cordon_tests::process::run_cli(
        Path::new("."),
        &["audit", "--dir", &d, "checkpoint", "--out", &o],
        std::iter::empty(),
    );
    assert_eq!(code, 0, "{out}");
    let verify_with = |dir: &Path| {
        let (d, p) = (dir.to_string_lossy(), pubkey.to_string_lossy());
        let args = ["audit", "--dir", &d, "verify", "--pubkey", &p, "--checkpoint", &o];
        cordon_tests::process::run_cli(Path::new("."), &args, std::iter::empty())
    };
    let (code, out) = verify_with(&dir);
    assert_eq!(code, 0, "{out}");

    // The newest records and head.json removed.
    let cut = rewrite(&dir, |l| l.truncate(l.len() - 5));
    std::fs::remove_file(cut.join("head.json")).unwrap();
    let (code, out) = verify(&cut, &pubkey);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("head.json is missing"), "{out}");
    let (code, out) = verify_with(&cut);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("were truncated"), "{out}");

    // Cut just after an earlier checkpoint, which is put back as head.json:
    // the trail alone cannot tell; the off-host checkpoint can.
    let mut first_cp = String::new();
    let rolled = rewrite(&dir, |l| {
        let i = l.iter().position(|x| x.contains("\"kind\":\"checkpoint\"")).unwrap();
        first_cp = l[i].clone();
        l.truncate(i + 1);
    });
    std::fs::write(rolled.join("head.json"), &first_cp).unwrap();
    let (code, out) = verify(&rolled, &pubkey);
    assert_eq!(code, 0, "the trail alone passes: {out}");
    let (code, out) = verify_with(&rolled);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("were truncated"), "{out}");

    // The checkpointed record rewritten (a re-signed trail would need the key).
    let edited = rewrite(&dir, |l| {
        let last = l.len() - 1;
        l[last] = l[last].replacen("\"ts_ms\":", "\"ts_ms\":1", 1);
    });
    let (code, out) = verify_with(&edited);
    assert_eq!(code, 1, "{out}");
}
