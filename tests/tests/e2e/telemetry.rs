//! Traces and the no-values rule: a span per request with a child per
//! phase, exported by OTLP/HTTP to a recording collector on 127.0.0.1; W3C
//! trace context taken from the client and passed to the vendor; and prompts
//! full of personal data through every path (allowed, local, blocked,
//! pseudonymized, upstream error, bad input) leave no value in logs, spans
//! or metrics.

use std::collections::BTreeSet;
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use opentelemetry_proto::tonic::collector::metrics::v1::ExportMetricsServiceRequest;
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value::Value as Any;
use opentelemetry_proto::tonic::trace::v1::Span;
use prost::Message;
use serde_json::json;

use crate::{chat_request, config, env, http, CLIENT_KEY};

const POLICY: &str = "version: 1\nname: t\ndefault: cloud\nrules:\n  - id: secrets\n    when: { categories: [SECRET] }\n    then: block\n  - id: cards\n    when: { entities: [CREDIT_CARD] }\n    then: pseudonymize\n  - id: phi\n    when: { categories: [PHI] }\n    then: local\n";

const VALUES: &[&str] = &[
    "Maria Garcia",
    "03/04/1961",
    "(415) 555-0132",
    "sk-proj-Abc123XyZ789LmNoPqRsTuVwXyZ0123456789abcd",
    "4111 1111 1111 1111",
    "4111111111111111",
    "123-45-6789",
];

const TRACE_ID: &str = "0af7651916cd43dd8448eb211c80319c";
const CLIENT_SPAN: &str = "b7ad6b7169203331";

fn spans(collector: &FakeUpstream) -> Vec<Span> {
    collector
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/traces")
        .flat_map(|r| {
            ExportTraceServiceRequest::decode(r.body.as_ref())
                .unwrap()
                .resource_spans
                .into_iter()
                .flat_map(|rs| rs.scope_spans)
                .flat_map(|ss| ss.spans)
        })
        .collect()
}

fn attr(span: &Span, key: &str) -> Option<String> {
    span.attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| match kv.value.as_ref()?.value.as_ref()? {
            Any::StringValue(s) => Some(s.clone()),
            Any::IntValue(i) => Some(i.to_string()),
            other => Some(format!("{other:?}")),
        })
}

#[tokio::test]
async fn traces_cover_every_phase_and_no_value_reaches_logs_spans_or_metrics() {
    let (o, a, l, collector) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
    let extra = format!(
        "policy: policy.yaml\ntelemetry: {{ otlp_endpoint: \"{}\", otlp_protocol: http, export_interval: 200ms, service_name: cordon-test }}\n",
        collector.base()
    );
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", &extra), &env());
    let user = |text: &str| json!({"model": "m", "messages": [{"role": "user", "content": text}]});

    // Allowed, with the client's trace context.
    let resp = chat_request(&cordon, &user("What is the capital of France?"))
        .header("traceparent", format!("00-{TRACE_ID}-{CLIENT_SPAN}-01"))
        .header("x-request-id", "req-7f3a-0042")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-cordon-route"], "cloud");
    resp.bytes().await.unwrap();
    let sent = o.requests()[0].headers["traceparent"].to_str().unwrap().to_string();
    assert!(sent.starts_with(&format!("00-{TRACE_ID}-")), "{sent}");
    assert!(
        !sent.contains(CLIENT_SPAN),
        "the vendor's parent is cordon's span: {sent}"
    );
    // Local, blocked, pseudonymized.
    for (text, route) in [
        (
            "Patient Maria Garcia, DOB 03/04/1961, call (415) 555-0132 about her chest pain.",
            "local",
        ),
        (
            "Why does sk-proj-Abc123XyZ789LmNoPqRsTuVwXyZ0123456789abcd fail?",
            "blocked",
        ),
        ("Draft a reminder for card 4111 1111 1111 1111.", "cloud"),
    ] {
        let resp = chat_request(&cordon, &user(text)).send().await.unwrap();
        assert_eq!(resp.headers()["x-cordon-route"], route);
        resp.bytes().await.unwrap();
    }
    // Upstream error on a pseudonymized request.
    o.set_behavior(Behavior::Status(500));
    let resp = chat_request(&cordon, &user("Card 4111111111111111 again, and SSN 123-45-6789."))
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_server_error());
    resp.bytes().await.unwrap();
    // Bad input: broken JSON full of values.
    let resp = http()
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .header("content-type", "application/json")
        .body(
            "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"SSN 123-45-6789 for Maria Garcia\"",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    resp.bytes().await.unwrap();

    // Six requests, each with its phases, reach the collector.
    let names = || spans(&collector).iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    cordon_tests::eventually(Duration::from_secs(20), "the exported spans", || {
        names().iter().filter(|n| *n == "cordon.request").count() >= 6 && names().iter().any(|n| n == "cordon.relay")
    })
    .await;
    let all = spans(&collector);
    let present: BTreeSet<&str> = all.iter().map(|s| s.name.as_str()).collect();
    for phase in [
        "cordon.request",
        "cordon.read_body",
        "cordon.parse",
        "cordon.classify",
        "cordon.decide",
        "cordon.pseudonymize",
        "cordon.audit_write",
        "cordon.upstream",
        "cordon.relay",
    ] {
        assert!(present.contains(phase), "no {phase} span: {present:?}");
    }
    let requests: Vec<&Span> = all.iter().filter(|s| s.name == "cordon.request").collect();
    // The client's trace: cordon's request span is the child of the client's span.
    let first = requests
        .iter()
        .find(|s| hex(&s.trace_id) == TRACE_ID)
        .expect("the request span joined the client's trace");
    assert_eq!(hex(&first.parent_span_id), CLIENT_SPAN);
    assert_eq!(attr(first, "route").as_deref(), Some("cloud"));
    assert_eq!(attr(first, "http.response.status_code").as_deref(), Some("200"));
    let blocked = requests
        .iter()
        .find(|s| attr(s, "action").as_deref() == Some("block"))
        .unwrap();
    assert_eq!(attr(blocked, "rule").as_deref(), Some("secrets"));
    assert_eq!(attr(blocked, "entity_types").as_deref(), Some("API_KEY:1"));
    assert!(requests
        .iter()
        .any(|s| attr(s, "action").as_deref() == Some("pseudonymize")));
    assert!(requests
        .iter()
        .any(|s| attr(s, "error.type").as_deref() == Some("bad_json")
            || attr(s, "http.response.status_code").as_deref() == Some("400")));
    // Child spans hang off their request.
    let ids: BTreeSet<Vec<u8>> = requests.iter().map(|s| s.span_id.clone()).collect();
    assert!(all
        .iter()
        .filter(|s| s.name == "cordon.classify")
        .all(|s| ids.contains(&s.parent_span_id)));

    // Metrics by OTLP too.
    let metric_names = || -> BTreeSet<String> {
        collector
            .requests()
            .iter()
            .filter(|r| r.path == "/v1/metrics")
            .flat_map(|r| {
                ExportMetricsServiceRequest::decode(r.body.as_ref())
                    .unwrap()
                    .resource_metrics
                    .into_iter()
                    .flat_map(|rm| rm.scope_metrics)
                    .flat_map(|sm| sm.metrics)
                    .map(|m| m.name)
            })
            .collect()
    };
    cordon_tests::eventually(Duration::from_secs(20), "the exported metrics", || {
        metric_names().contains("cordon.requests")
    })
    .await;
    let names = metric_names();
    for m in [
        "cordon.requests",
        "cordon.request.duration",
        "cordon.detector.duration",
        "cordon.audit.write.duration",
        "cordon.upstream.errors",
        "cordon.pseudonymized.values",
        "cordon.audit.queue_depth",
        "cordon.audit.healthy",
        "cordon.requests.in_flight",
    ] {
        assert!(names.contains(m), "{m} not exported by OTLP: {names:?}");
    }

    // No value anywhere: exported spans and metrics (raw protobuf), logs, /metrics.
    let exported: Vec<u8> = collector.requests().iter().flat_map(|r| r.body.to_vec()).collect();
    let exported = String::from_utf8_lossy(&exported).to_string();
    let metrics = crate::metrics(&cordon).await;
    let logs = cordon.logs();
    for v in VALUES {
        assert!(!exported.contains(v), "a value in the exported spans");
        assert!(!logs.contains(v), "a value in the logs");
        assert!(!metrics.contains(v), "a value in the metrics");
    }
    assert!(logs.contains("\"decision_id\""));
    assert!(
        logs.contains("\"request_id\":\"req-7f3a-0042\""),
        "the client's request id is logged"
    );
    assert_eq!(attr(first, "request_id").as_deref(), Some("req-7f3a-0042"));
    assert!(metrics.contains("cordon_audit_queue_depth "), "{metrics}");
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Issue "Leak-proof request path": with `telemetry.metrics_key_env`,
/// `/metrics` needs the key and `/readyz` without it names no upstream or
/// route; `/healthz` stays open; a key that is not set stops the start.
#[tokio::test]
async fn metrics_and_readiness_details_need_the_metrics_key() {
    const KEY: &str = "metrics-key-0123456789abcdef";
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let cfg = config(&o, &a, &l, "openai", "telemetry:\n  metrics_key_env: METRICS_KEY\n");
    let mut e = env();
    e.push(("METRICS_KEY", KEY));
    let cordon = Cordon::start(&cfg, &e);
    let get = |path: &str, key: Option<&str>| {
        let req = http().get(format!("{}{path}", cordon.url()));
        match key {
            Some(k) => req.bearer_auth(k),
            None => req,
        }
    };
    for key in [None, Some("wrong-key-0123456789abcdef"), Some(CLIENT_KEY)] {
        let resp = get("/metrics", key).send().await.unwrap();
        assert_eq!(resp.status(), 401, "{key:?}");
        let text = resp.text().await.unwrap();
        assert!(!text.contains("cordon_requests_total"), "{text}");
    }
    let resp = get("/metrics", Some(KEY)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("cordon_audit_healthy"));

    let resp = get("/readyz", None).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let bare = resp.text().await.unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&bare).unwrap(),
        json!({"status": "ready"})
    );
    for name in ["vllm", "openai", "anthropic", "local", "cloud"] {
        assert!(!bare.contains(name), "`{name}` in {bare}");
    }
    let resp = get("/readyz", Some(KEY)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let full: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(full["upstreams"]["vllm"]["available"], true, "{full}");
    assert_eq!(get("/healthz", None).send().await.unwrap().status(), 200);

    let (code, out) = Cordon::refuse(&cfg, &env());
    assert_ne!(code, 0);
    assert!(out.contains("metrics_key_env"), "{out}");
    assert!(!out.contains(KEY));
}

/// The attributes of every exported log record, as text.
fn log_records(collector: &FakeUpstream) -> Vec<std::collections::BTreeMap<String, String>> {
    use opentelemetry_proto::tonic::collector::logs::v1::ExportLogsServiceRequest;
    collector
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/logs")
        .flat_map(|r| {
            ExportLogsServiceRequest::decode(r.body.as_ref())
                .unwrap()
                .resource_logs
                .into_iter()
                .flat_map(|rl| rl.scope_logs)
                .flat_map(|sl| sl.log_records)
        })
        .map(|rec| {
            let mut m: std::collections::BTreeMap<String, String> = rec
                .attributes
                .iter()
                .map(|kv| {
                    let v = match kv.value.as_ref().and_then(|v| v.value.as_ref()) {
                        Some(Any::StringValue(s)) => s.clone(),
                        Some(Any::IntValue(i)) => i.to_string(),
                        Some(Any::DoubleValue(d)) => d.to_string(),
                        other => format!("{other:?}"),
                    };
                    (kv.key.clone(), v)
                })
                .collect();
            m.insert("event_name".into(), rec.event_name.clone());
            if let Some(Any::StringValue(b)) = rec.body.as_ref().and_then(|b| b.value.as_ref()) {
                m.insert("body".into(), b.clone());
            }
            m
        })
        .collect()
}

/// The SIEM tests' three requests, one per action the feed must tell
/// apart (kept local, blocked, pseudonymized): their decision ids.
async fn siem_requests(cordon: &Cordon) -> Vec<String> {
    let user = |text: &str| json!({"model": "m", "messages": [{"role": "user", "content": text}]});
    let mut ids = Vec::new();
    for text in [
        "Patient Maria Garcia, DOB 03/04/1961, call (415) 555-0132 about her chest pain.",
        "Why does sk-proj-Abc123XyZ789LmNoPqRsTuVwXyZ0123456789abcd fail?",
        "Draft a reminder for card 4111 1111 1111 1111.",
    ] {
        let resp = chat_request(cordon, &user(text)).send().await.unwrap();
        ids.push(resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string());
        resp.bytes().await.unwrap();
    }
    ids
}

/// Issue 22: the SIEM feed. Decision and outcome records leave as OTLP log
/// records in OCSF's API Activity shape, names and counts only.
#[tokio::test]
async fn the_siem_feed_sends_decisions_and_outcomes_as_ocsf_log_records_without_values() {
    let (o, a, l, collector) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
    let extra = format!(
        "policy: policy.yaml\naudit: {{ replica: siem-test }}\ntelemetry: {{ otlp_endpoint: \"{}\", otlp_protocol: http, export_interval: 200ms, siem_logs: true }}\n",
        collector.base()
    );
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", &extra), &env());
    let ids = siem_requests(&cordon).await;
    cordon_tests::eventually(Duration::from_secs(20), "the exported log records", || {
        let recs = log_records(&collector);
        ids.iter()
            .all(|id| recs.iter().any(|r| r.get("metadata.uid") == Some(id)))
            && recs.iter().any(|r| r.get("metadata.correlation_uid") == Some(&ids[2]))
    })
    .await;
    let recs = log_records(&collector);
    let decision = |id: &str| {
        recs.iter()
            .find(|r| r.get("metadata.uid").map(String::as_str) == Some(id))
            .unwrap()
    };
    for r in &recs {
        assert_eq!(r["class_uid"], "6003", "{r:?}");
        assert_eq!(r["category_uid"], "6");
        assert_eq!(r["type_uid"], "600399");
        assert_eq!(r["metadata.log_provider"], "siem-test");
    }
    let local = decision(&ids[0]);
    assert_eq!(local["event_name"], "cordon.decision");
    assert_eq!(local["disposition"], "local");
    assert_eq!(local["policy.name"], "phi");
    assert_eq!(local["dst_endpoint.zone"], "local");
    assert_eq!(local["actor.app_name"], "billing-app");
    assert_eq!(local["actor.user.org.name"], "finance");
    assert!(
        local.keys().any(|k| k.starts_with("unmapped.cordon.categories.PHI")),
        "{local:?}"
    );
    let blocked = decision(&ids[1]);
    assert_eq!(blocked["disposition"], "block");
    assert_eq!(blocked["disposition_id"], "2");
    assert_eq!(blocked["unmapped.cordon.entities.API_KEY"], "1");
    let pseudo = decision(&ids[2]);
    assert_eq!(pseudo["disposition"], "pseudonymize");
    assert_eq!(pseudo["unmapped.cordon.pseudonymized.CREDIT_CARD"], "1");
    let outcome = recs
        .iter()
        .find(|r| r.get("metadata.correlation_uid") == Some(&ids[2]))
        .unwrap();
    assert_eq!(outcome["event_name"], "cordon.outcome");
    assert_eq!(outcome["http_response.code"], "200");
    assert_eq!(outcome["dst_endpoint.name"], "openai");
    // No value in any record (decoded) nor in the raw protobuf.
    let text = format!("{recs:?}");
    let raw: Vec<u8> = collector
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/logs")
        .flat_map(|r| r.body.to_vec())
        .collect();
    let raw = String::from_utf8_lossy(&raw).to_string();
    for v in VALUES {
        assert!(!text.contains(v) && !raw.contains(v), "a value in the SIEM feed");
    }
    assert!(!cordon_tests::shows_card(&raw));
}

/// Issue 22: the same SIEM feed as RFC 5424 syslog over TLS (RFC 5425),
/// octet-counted, to a listener whose CA is pinned; names and counts only.
/// (Two threads: the listener answers while the test waits for Cordon to start.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_siem_feed_goes_out_as_rfc5424_syslog_over_tls_without_values() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let dir = tempfile::tempdir().unwrap();
    let pki = cordon_tests::pki::Pki::new(dir.path(), "syslog");
    let leaf = pki.server("syslog-server", "localhost");
    let collector = cordon_tests::syslog::SyslogCollector::start(&leaf.cert_pem, &leaf.key_pem).await;
    std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
    let extra = format!(
        "policy: policy.yaml\naudit: {{ replica: siem-test }}\ntelemetry: {{ siem_syslog: {{ endpoint: \"{}\", tls: {{ ca: syslog-ca.pem, server_name: localhost }}, app_name: cordon-test }} }}\n",
        collector.addr
    );
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", &extra), &env());
    let ids = siem_requests(&cordon).await;
    let has = |msgs: &[String], needle: &str| msgs.iter().any(|m| m.contains(needle));
    cordon_tests::eventually(Duration::from_secs(20), "the syslog messages", || {
        let msgs = collector.messages();
        ids.iter().all(|id| has(&msgs, &format!("metadata.uid=\"{id}\"")))
            && has(&msgs, &format!("metadata.correlation_uid=\"{}\"", ids[2]))
    })
    .await;
    let msgs = collector.messages();
    let decision = |id: &str| {
        msgs.iter()
            .find(|m| m.contains(&format!("metadata.uid=\"{id}\"")))
            .unwrap()
            .clone()
    };
    for m in &msgs {
        assert!(!m.starts_with("BAD FRAME"), "{m}");
        // <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD]
        let head: Vec<&str> = m.splitn(7, ' ').collect();
        assert!(head[0] == "<110>1" || head[0] == "<109>1", "{m}");
        assert!(head[1].len() == 24 && head[1].ends_with('Z'), "{m}");
        assert_eq!(head[2], "siem-test", "{m}");
        assert_eq!(head[3], "cordon-test", "{m}");
        assert!(head[4].parse::<u32>().is_ok(), "{m}");
        assert!(head[5] == "cordon.decision" || head[5] == "cordon.outcome", "{m}");
        assert!(head[6].starts_with("[ocsf@32473 class_uid=\"6003\""), "{m}");
    }
    let local = decision(&ids[0]);
    assert!(local.starts_with("<110>1 "), "{local}");
    for want in [
        "disposition=\"local\"",
        "policy.name=\"phi\"",
        "dst_endpoint.zone=\"local\"",
    ] {
        assert!(local.contains(want), "{want} in {local}");
    }
    assert!(
        local.contains("[cordon@32473 ") && local.contains("categories.PHI"),
        "{local}"
    );
    let blocked = decision(&ids[1]);
    assert!(blocked.starts_with("<109>1 "), "a block is a notice: {blocked}");
    assert!(blocked.contains("entities.API_KEY=\"1\""), "{blocked}");
    let pseudo = decision(&ids[2]);
    assert!(pseudo.contains("pseudonymized.CREDIT_CARD=\"1\""), "{pseudo}");
    let text = msgs.join("\n");
    for v in VALUES {
        assert!(!text.contains(v), "a value in the syslog feed");
    }
    assert!(!cordon_tests::shows_card(&text));
    // The feed's counters.
    let metrics = crate::metrics(&cordon).await;
    assert!(metrics.contains("cordon_siem_syslog_connected 1"), "{metrics}");
    assert!(
        !metrics.contains("cordon_siem_syslog_sent_messages_total 0\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains("cordon_siem_syslog_dropped_messages_total 0"),
        "{metrics}"
    );
}
