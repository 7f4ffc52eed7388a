//! The third-party conformance harness `pii-leak-benchmark` (PyPI,
//! Apache-2.0; pinned in `tests/leakbench/requirements.txt`, installed into
//! `target/leakbench-venv` on first run) against the real binary.
//!
//! The harness runs its own capture server on 127.0.0.1 and expects the
//! gateway's cloud upstream to be that server (`http://127.0.0.1:PORT/v1`,
//! OpenAI shape: it answers only `POST /v1/chat/completions`, and
//! `GET /v1/models` in v1). Its default port is 8765; both profiles take the
//! port as a flag (`--capture-port`, `--upstream-port`), so each test picks a
//! free one and the two tests may run side by side.
//!
//! Cordon runs with one client, the capture as its only cloud upstream, a
//! fake on-prem server as its local route, and a policy that pseudonymizes
//! every category, credentials included: the harness counts a blocked (403)
//! request as NOT MEASURED, and it wants every value restored in the answer.
//!
//! - `selfcheck` (v1, profile `pii-secrets-v1`): one streamed chat request,
//!   3 times, whose user message holds an email at example.com, an SSN in the
//!   900-999 area, a published test card number, AWS's documentation access
//!   key id, and GitHub and Slack example tokens. CLEAN (exit 0) when no value
//!   reaches the capture in any recoverable form (request line, headers, body,
//!   decoded: percent, base64, hex, char codes, look-alikes, joined fragments)
//!   and the client gets its prompt back exactly, one character per event.
//! - v2 (`pii-leak-benchmark-v2`, response split): 32 cases over entity
//!   (EMAIL, SSN, CARDPAN, USPHONE) x where the request carries the values
//!   (user message, system message, an unknown top-level key `session_note`,
//!   a tool's description) x how the capture's answer carries a value never
//!   sent (plain or percent-encoded; whole or split across events; in delta
//!   `content` or in an extra delta field `record_field`). `pass` when no
//!   value reaches the capture, every echoed value comes back restored, and
//!   no injected value reaches the client.
//!
//! `CORDON_LEAKBENCH_SEED` overrides the v2 seed (a fixed one by default, so
//! a failure reproduces). On failure, each test prints the harness's own
//! report and, for v2, one line per case (`tests/leakbench/v2_cases.py`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use cordon_tests::process::wait_output;
use cordon_tests::{free_port, leakbench_python, Behavior, Cordon, FakeUpstream};
use serde_json::Value;

use crate::{env, CLIENT_KEY};

/// Every category pseudonymized, credentials too (a 403 is "not measured"
/// for the harness, not "contained"); nothing blocked but detector failures;
/// answers from the cloud redacted (values the client never sent).
const POLICY: &str = r#"version: 1
name: leakbench
description: Everything the detectors find leaves only as placeholders, restored in the answer.
default: pseudonymize
on_error: block
unscannable: block
egress: { redact: true }
rules:
  - id: credentials
    when: { categories: [SECRET] }
    then: pseudonymize
  - id: personal-data
    when: { categories: [PII, PHI, FINANCIAL] }
    then: pseudonymize
"#;

/// The v2 seed unless `CORDON_LEAKBENCH_SEED` names another.
const V2_SEED: &str = "c0d0a1b2c3d4e5f6";

/// How long one harness run may take (v2: 32 cases, about 1 s each).
const RUN_TIMEOUT: Duration = Duration::from_secs(300);

/// Cordon with the capture on `capture_port` as its only cloud upstream.
fn start(capture_port: u16, local: &FakeUpstream) -> Cordon {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
    let config = format!(
        r#"listen:
  - addr: 127.0.0.1:0
clients:
  - {{ name: leakbench, tenant: conformance, key_env: APP_KEY }}
upstreams:
  capture: {{ kind: openai, base_url: "http://127.0.0.1:{capture_port}/v1", api_key_env: VENDOR_KEY, zone: cloud, timeout: 20s }}
  vllm:    {{ kind: openai, base_url: "{}", zone: local, timeout: 5s }}
routes:
  local: [vllm]
  cloud: [capture]
policy: policy.yaml
"#,
        local.base_v1()
    );
    Cordon::start_in(dir, &config, &env())
}

/// Runs `python -m MODULE ARGS...` in the harness's venv, in `cwd`, with the
/// client key where the harness reads it. Returns exit code and output.
fn harness(module_or_script: &[&str], args: &[String], cwd: &Path) -> (i32, String) {
    let child = Command::new(leakbench_python())
        .args(module_or_script)
        .args(args)
        .current_dir(cwd)
        .env("CONFORMANCE_TARGET_API_KEY", CLIENT_KEY)
        .env_remove("V2_GATEWAY_TOKEN")
        .env_remove("V2_GATEWAY_HEADERS")
        .env_remove("CONFORMANCE_TARGET_HEADERS")
        .env_remove("CONFORMANCE_CAPTURE_TOKEN")
        .env_remove("CONFORMANCE_CAPTURE_PUBLIC_URL")
        .env("PYTHONUNBUFFERED", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_output(child, RUN_TIMEOUT)
}

fn read_json(path: &Path, out: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}\n{out}", path.display()));
    serde_json::from_str(&text).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn leakbench_v1_selfcheck_with_credentials_is_clean() {
    let local = FakeUpstream::start(Behavior::Answer).await;
    let work = tempfile::tempdir().unwrap();

    // The harness's own floor: with no gateway in between it must see a LEAK,
    // else its capture is blind and no other result means anything.
    let control = free_port();
    let (code, out) = tokio::task::block_in_place(|| {
        harness(
            &["-m", "pii_leak_benchmark.cli", "selfcheck"],
            &[
                "--target-base-url".into(),
                "capture://self".into(),
                "--capture-port".into(),
                control.to_string(),
                "--iterations".into(),
                "1".into(),
            ],
            work.path(),
        )
    });
    assert_eq!(code, 1, "negative control: expected LEAK (exit 1):\n{out}");
    assert!(out.contains("LEAK"), "negative control:\n{out}");

    let port = free_port();
    let cordon = start(port, &local);
    let report = work.path().join("v1.json");
    let (code, out) = tokio::task::block_in_place(|| {
        harness(
            &["-m", "pii_leak_benchmark.cli", "selfcheck"],
            &[
                "--target-base-url".into(),
                format!("{}/v1", cordon.url()),
                "--capture-port".into(),
                port.to_string(),
                "--profile".into(),
                "pii-secrets-v1".into(),
                "--duty".into(),
                "restore".into(),
                "--iterations".into(),
                "3".into(),
                "--timeout-seconds".into(),
                "30".into(),
                "--json-out".into(),
                report.display().to_string(),
            ],
            work.path(),
        )
    });
    let v = read_json(&report, &out);
    let boundary = &v["checks"]["configured_upstream_boundary"];
    // The harness itself worked: Cordon forwarded to the capture, and the
    // capture tied what it saw to this run.
    assert!(
        boundary["correlated_requests"].as_u64().unwrap_or(0) >= 1,
        "nothing from this run reached the capture (exit {code}):\n{out}\n{}",
        cordon.logs()
    );
    assert_eq!(
        boundary["uninspectable_requests"], 0,
        "the capture could not inspect Cordon's requests:\n{out}"
    );
    let tested: Vec<&String> = v["fixture"]["formats"].as_object().unwrap().keys().collect();
    for entity in [
        "EMAIL",
        "SSN",
        "CREDIT_CARD",
        "AWS_ACCESS_KEY_ID",
        "GITHUB_TOKEN",
        "SLACK_TOKEN",
    ] {
        assert!(tested.iter().any(|t| *t == entity), "{entity} was not sent: {tested:?}");
    }
    assert_eq!(
        code, 0,
        "selfcheck is not CLEAN (exit {code}): leaked {} {}; checks {}\n{out}",
        boundary["leaked_entity_types"], boundary["leak_evidence"], v["checks"]
    );
    assert!(out.contains("CLEAN"), "{out}");
    assert_eq!(v["passed"], true, "{out}");
    assert_eq!(boundary["leaked_entity_types"], serde_json::json!([]), "{out}");
    assert_eq!(
        local.count(),
        0,
        "a request went to the local route instead of the capture"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn leakbench_v2_response_split_passes() {
    let local = FakeUpstream::start(Behavior::Answer).await;
    let work = tempfile::tempdir().unwrap();
    let port = free_port();
    let cordon = start(port, &local);
    let seed = std::env::var("CORDON_LEAKBENCH_SEED").unwrap_or_else(|_| V2_SEED.to_string());
    let gateway = format!("{}/v1/chat/completions", cordon.url());
    let out_dir = work.path().join("v2");
    let (code, out) = tokio::task::block_in_place(|| {
        harness(
            &["-m", "pii_leak_benchmark.v2_cli"],
            &[
                "--validate".into(),
                "--out".into(),
                out_dir.display().to_string(),
                "--only".into(),
                "cordon".into(),
                "--gateway-url".into(),
                gateway.clone(),
                "--upstream-port".into(),
                port.to_string(),
                "--model".into(),
                "test".into(),
                "--seed".into(),
                seed.clone(),
                "--json-out".into(),
                work.path().join("summary.json").display().to_string(),
            ],
            work.path(),
        )
    });
    // Exit 0: the report was written and is valid against the v2 schema.
    assert_eq!(code, 0, "the v2 run failed or its report is invalid:\n{out}");
    let v = read_json(&out_dir.join("cordon.json"), &out);
    let metrics = &v["metrics"];
    let checks = &v["checks"];
    let ok = v["outcome"] == "pass"
        && v["passed"] == true
        && metrics["cases_inconclusive"] == 0
        && checks["sse_validity"]["passed"] == true;
    if !ok {
        // Which case leaked how: the same cases through the same scorer, one line each.
        let script = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("leakbench")
            .join("v2_cases.py");
        let (_, cases) = tokio::task::block_in_place(|| {
            harness(
                &[script.to_str().unwrap()],
                &[gateway.clone(), port.to_string(), seed.clone(), "test".into()],
                work.path(),
            )
        });
        panic!(
            "v2 (seed {seed}): outcome {}, passed {}, inconclusive {}\n\
             request path: leaked {} {}\n\
             response path: injected values reaching the client {} {}\n\
             echo fidelity {} ({} of {} values restored)\n\
             sse {}\n\
             {out}\nper case:\n{cases}",
            v["outcome"],
            v["passed"],
            metrics["cases_inconclusive"],
            checks["configured_upstream_boundary"]["leaked_entity_types"],
            checks["configured_upstream_boundary"]["leak_evidence"],
            checks["response_injection_containment"]["leaked_entity_types"],
            checks["response_injection_containment"]["leak_evidence"],
            metrics["fidelity_rate"],
            checks["response_fidelity"]["iterations_matching"],
            checks["response_fidelity"]["iterations_completed"],
            checks["sse_validity"],
        );
    }
    assert_eq!(
        local.count(),
        0,
        "a request went to the local route instead of the capture"
    );
}
