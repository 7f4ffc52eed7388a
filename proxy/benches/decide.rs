//! Classify + decide on 4 KB chat requests, one core, against the
//! detectors' own scan of the same texts measured in the same run.
//! `cargo bench -p cordon --bench decide`
//!
//! - `scan_only`: `Registry::scan` over each text of the request (the floor);
//! - `classify_decide`: what the proxy does per request between reading the
//!   body and writing the audit record: JSON parse, extraction of every text
//!   a model reads, the scan, fingerprints, facts, the HIPAA pack's decision
//!   and the route;
//! - `decide_only`: the policy evaluation alone, on the findings;
//! - `shadow_1`, `shadow_3`: what shadow policies add to a request: one
//!   (the GDPR pack) or three (GDPR, PCI, finance) decided on the same
//!   findings beside the HIPAA pack, with `shadow_record: always` (every
//!   shadow's decision built for the record, the dearer case).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use cordon::api::{extract, Endpoint, ParsedRequest};
use cordon::classify::{self, Asker};
use cordon::config::{Config, OfflineEnv, Source};
use cordon_policies::{Facts, Policy};

const CLEAN: &str = "Please summarise the quarterly figures for the operations team, keeping the tone neutral \
and pointing out the two regions where the numbers moved the most since last quarter. ";
const PHI: &str = "Patient Maria Garcia was admitted with chest pain; call her at (415) 555-0132. \
MRN 00123456, DOB 03/04/1961. ";

/// A chat request of about 4 KB: a system prompt, three turns, a tool result.
fn request(sensitive: bool) -> Vec<u8> {
    let mut user = String::new();
    while user.len() < 3000 {
        user.push_str(CLEAN);
    }
    if sensitive {
        user.push_str(PHI);
    }
    let body = serde_json::json!({
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "You are a concise assistant for the operations team."},
            {"role": "user", "content": user},
            {"role": "assistant", "content": "Here is a first summary of the figures you sent."},
            {"role": "user", "content": "Make it shorter, and keep the regions."},
            {"role": "tool", "tool_call_id": "c1", "content": "{\"regions\": [\"north\", \"south\"], \"delta\": 0.12}"}
        ],
        "temperature": 0.2
    });
    serde_json::to_vec(&body).unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let packs = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies/packs");
    let text = format!(
        "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  v: {{ kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }}\n  c: {{ kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }}\nroutes:\n  local: [v]\n  cloud: [c]\npolicy: {{ file: {packs}/hipaa.yaml, shadow: [{packs}/gdpr.yaml, {packs}/pci.yaml, {packs}/finance.yaml], shadow_record: always }}\naudit: {{ dir: {} }}\n",
        dir.path().display()
    );
    let path = dir.path().join("cordon.yaml");
    let (config, _) = Config::load(&Source::file(&path, &text), &OfflineEnv).expect("config");
    let policy: Arc<Policy> = config.policy.policy.clone();
    let mut g = c.benchmark_group("decide");
    for (name, sensitive) in [("clean_4k", false), ("phi_4k", true)] {
        let body = request(sensitive);
        g.throughput(Throughput::Bytes(body.len() as u64));
        let parsed = ParsedRequest::parse(Endpoint::ChatCompletions, &body).unwrap();
        let texts: Vec<String> = extract(&parsed).texts.iter().map(|t| t.text.to_string()).collect();
        g.bench_function(format!("{name}/scan_only"), |b| {
            b.iter(|| {
                let mut n = 0;
                for t in &texts {
                    n += config.detectors.scan(t).len();
                }
                n
            })
        });
        g.bench_function(format!("{name}/classify_decide"), |b| {
            b.iter(|| {
                let parsed = ParsedRequest::parse(Endpoint::ChatCompletions, &body).unwrap();
                let ex = extract(&parsed);
                let summary = classify::scan(&config.detectors, None, &ex).unwrap();
                let texts: Vec<&str> = ex.texts.iter().map(|t| t.text.as_ref()).collect();
                let asker = Asker::default();
                let d = classify::decide(&config, &policy, &summary, &parsed, &texts, &asker, false);
                assert_eq!(d.action == cordon_policies::ActionKind::Local, sensitive);
                d.route_label()
            })
        });
        let summary = classify::scan(&config.detectors, None, &extract(&parsed)).unwrap();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let asker = Asker::default();
        let enforced = classify::decide(&config, &policy, &summary, &parsed, &refs, &asker, false);
        let shadows = &config.policy.shadows;
        assert_eq!(shadows.len(), 3);
        for n in [1, 3] {
            g.bench_function(format!("{name}/shadow_{n}"), |b| {
                b.iter(|| {
                    cordon::shadow::evaluate(
                        &shadows[..n],
                        config.policy.shadow_record,
                        &config,
                        &summary,
                        &parsed,
                        &refs,
                        &asker,
                        &enforced,
                    )
                    .len()
                })
            });
        }
        g.bench_function(format!("{name}/decide_only"), |b| {
            b.iter(|| {
                policy
                    .evaluate(&Facts {
                        findings: &summary.findings,
                        texts: &refs,
                        model: "gpt-4o-mini",
                        endpoint: "chat_completions",
                        ..Facts::default()
                    })
                    .action
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
