//! Relaying: credentials, headers, unknown fields, streaming, routes.

use std::time::Duration;

use cordon_tests::{fake::reply_text, Behavior, Cordon, FakeUpstream};
use futures_util::StreamExt;
use serde_json::{json, Value};

use crate::{chat_request, config, env, http, CLIENT_KEY, UPSTREAM_KEY};

async fn three() -> (FakeUpstream, FakeUpstream, FakeUpstream) {
    (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    )
}

#[tokio::test]
async fn chat_is_relayed_with_the_upstream_key_and_unknown_fields_kept() {
    let (o, a, l) = three().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let body = json!({
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Patient marker-7731 needs a summary."}],
        "vendor_extension": {"nested": [1, 2, 3]},
        "temperature": 0.2
    });
    let resp = http()
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .header("connection", "x-custom-hop")
        .header("x-custom-hop", "must-not-pass")
        .header("x-trace-me", "passes")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-route"], "cloud");
    assert_eq!(resp.headers()["x-cordon-rule"], "default");
    let id = resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert!(resp.headers().get("set-cookie").is_none(), "vendor cookies stay behind");
    let answer: Value = resp.json().await.unwrap();
    assert_eq!(answer["choices"][0]["message"]["content"], reply_text());

    let got = o.requests();
    assert_eq!(got.len(), 1);
    let r = &got[0];
    assert_eq!(r.path, "/v1/chat/completions");
    assert_eq!(r.headers["authorization"], format!("Bearer {UPSTREAM_KEY}"));
    assert!(!r.everything().contains(CLIENT_KEY), "the client's key was forwarded");
    assert!(
        r.headers.get("x-custom-hop").is_none(),
        "a header named in Connection is hop-by-hop"
    );
    assert_eq!(r.headers["x-trace-me"], "passes");
    assert_eq!(
        r.json(),
        body,
        "the body reaches the vendor as sent, unknown fields included"
    );
    assert_eq!(a.count() + l.count(), 0);
    // The request is logged (the log pipe is read by another thread: wait
    // for it), with its decision id and without the prompt text.
    cordon_tests::eventually(Duration::from_secs(10), "the request's log event", || {
        cordon.logs().contains(&id)
    })
    .await;
    assert!(!cordon.logs().contains("marker-7731"));
}

#[tokio::test]
async fn a_second_request_gets_a_new_decision_id() {
    let (o, a, l) = three().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let mut ids = std::collections::HashSet::new();
    for _ in 0..3 {
        let resp = chat_request(&cordon, &json!({"model": "m", "messages": []}))
            .send()
            .await
            .unwrap();
        ids.insert(resp.headers()["x-cordon-decision-id"].to_str().unwrap().to_string());
    }
    assert_eq!(ids.len(), 3);
}

#[tokio::test]
async fn streams_are_relayed_event_by_event() {
    let (o, a, l) = three().await;
    let gate = o.hold_streams();
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let resp = chat_request(
        &cordon,
        &json!({"model": "m", "stream": true, "messages": [{"role": "user", "content": "hi"}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let mut stream = resp.bytes_stream();
    // The vendor holds everything after its first event: if cordon buffered
    // the stream, this first read would never complete.
    let first = tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .expect("first event relayed before the stream ended")
        .unwrap()
        .unwrap();
    let first = String::from_utf8_lossy(&first).to_string();
    assert!(first.starts_with("data: "), "{first}");
    assert!(!first.contains("[DONE]"));
    gate.add_permits(1);
    let mut rest = first;
    while let Some(chunk) = tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .unwrap()
    {
        rest.push_str(&String::from_utf8_lossy(&chunk.unwrap()));
    }
    assert!(rest.trim_end().ends_with("data: [DONE]"));
    let text: String = rest
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| v["choices"][0]["delta"]["content"].as_str().map(str::to_string))
        .collect();
    assert_eq!(text, reply_text());
}

#[tokio::test]
async fn other_openai_endpoints_and_models() {
    let (o, a, l) = three().await;
    let extra = "models:\n  gpt-4o-mini: { cloud: gpt-4o-mini-2024-07-18, local: smollm2-135m-instruct }\n  text-embedding-3-small: { cloud: text-embedding-3-small }\n";
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", extra), &env());
    let c = http();
    for (path, body) in [
        ("/v1/completions", json!({"model": "gpt-4o-mini", "prompt": "Say hi"})),
        (
            "/v1/embeddings",
            json!({"model": "text-embedding-3-small", "input": ["a", "b"]}),
        ),
        (
            "/v1/responses",
            json!({"model": "gpt-4o-mini", "input": "Say hi", "instructions": "brief"}),
        ),
    ] {
        let resp = c
            .post(format!("{}{path}", cordon.url()))
            .bearer_auth(CLIENT_KEY)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{path}");
    }
    let paths: Vec<String> = o.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths, vec!["/v1/completions", "/v1/embeddings", "/v1/responses"]);
    // The model map renamed the model for the cloud route.
    assert_eq!(o.requests()[0].json()["model"], "gpt-4o-mini-2024-07-18");
    assert_eq!(o.requests()[1].json()["model"], "text-embedding-3-small");

    let models = crate::models(&cordon).await;
    let ids: Vec<&str> = models["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["gpt-4o-mini", "text-embedding-3-small"]);

    // Local route: the header asks for it; the local model name is used.
    let resp = c
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .header("x-cordon-route", "local")
        .json(&json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    assert_eq!(resp.headers()["x-cordon-rule"], "request.header");
    assert_eq!(l.requests()[0].json()["model"], "smollm2-135m-instruct");
    assert!(
        l.requests()[0].headers.get("authorization").is_none(),
        "no key configured for vllm, none sent"
    );
    assert_eq!(o.count(), 3);

    // Unknown model: 404 in the client's shape.
    let resp = c
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .json(&json!({"model": "not-a-model", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("not available"));
    // Embeddings have no local model: refused on the local route, not sent to cloud.
    let resp = c
        .post(format!("{}/v1/embeddings", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .header("x-cordon-route", "local")
        .json(&json!({"model": "text-embedding-3-small", "input": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(o.count(), 3);
}

#[tokio::test]
async fn local_traffic_never_falls_back_to_cloud() {
    let (o, a, l) = three().await;
    l.set_behavior(Behavior::Status(500));
    let extra = "  - { name: ward-app, tenant: clinic, key_env: WARD_KEY, route: local }\n";
    let text = config(&o, &a, &l, "openai", "").replace(
        "  - { name: billing-app, tenant: finance, key_env: APP_KEY }\n",
        &format!("  - {{ name: billing-app, tenant: finance, key_env: APP_KEY }}\n{extra}"),
    );
    let mut e = env();
    e.push(("WARD_KEY", "wk-test-0123456789abcdef"));
    let cordon = Cordon::start(&text, &e);
    let resp = http()
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth("wk-test-0123456789abcdef")
        .json(&json!({"model": "m", "messages": [{"role": "user", "content": "MRN 00123456"}]}))
        .send()
        .await
        .unwrap();
    // Every on-premises upstream failed: 503, and nothing went anywhere else.
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["x-cordon-route"], "local");
    // The MRN keeps the request local by policy (the client is pinned there too).
    assert_eq!(resp.headers()["x-cordon-rule"], "sensitive-on-prem");
    assert_eq!(l.count(), 1);
    assert_eq!(o.count() + a.count(), 0, "nothing may reach a cloud vendor");
    // A client may not ask to leave the premises.
    let resp = http()
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .header("x-cordon-route", "cloud")
        .json(&json!({"model": "m", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(o.count(), 0);

    // Metrics: the refusal is counted, by names only.
    let resp = http().get(format!("{}/metrics", cordon.url())).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(
        text.contains("cordon_fail_closed_total{reason=\"no_local_upstream\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("cordon_upstream_errors_total{upstream=\"vllm\",class=\"5xx\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("cordon_requests_total{endpoint=\"chat_completions\",route=\"local\",action=\"local\",rule=\"sensitive-on-prem\",upstream=\"vllm\",status=\"503\"} 1"),
        "{text}"
    );
    assert!(text.contains("cordon_audit_healthy 1"), "{text}");
    assert!(!text.contains("00123456") && !text.contains("wk-test"), "{text}");
}

#[tokio::test]
async fn upstream_failures_fall_over_within_the_route() {
    let (o, a, l) = three().await;
    // The first cloud upstream answers 503; the second (Anthropic, with
    // translation) serves the request.
    o.set_behavior(Behavior::Status(503));
    let cordon = Cordon::start(&config(&o, &a, &l, "openai, anthropic", ""), &env());
    let resp = chat_request(
        &cordon,
        &json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], reply_text());
    assert_eq!(o.count(), 1);
    assert_eq!(a.count(), 1);
    assert_eq!(a.requests()[0].headers["x-api-key"], UPSTREAM_KEY);
}
