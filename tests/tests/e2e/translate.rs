//! API translation through the real proxy: an Anthropic client served by an
//! OpenAI-compatible upstream and the other way round, streaming too.

use cordon_tests::{fake::reply_text, Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env, http, sse_data, CLIENT_KEY};

#[tokio::test]
async fn anthropic_client_on_an_openai_upstream() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let cordon = Cordon::start(&config(&o, &a, &l, "anthropic", ""), &env());
    let body = json!({"model": "claude-x", "max_tokens": 50, "system": "Be brief.",
        "messages": [{"role": "user", "content": "hi"}]});
    // Sent on the local route, whose only upstream speaks OpenAI.
    let resp = http()
        .post(format!("{}/v1/messages", cordon.url()))
        .header("x-api-key", CLIENT_KEY)
        .header("anthropic-version", "2023-06-01")
        .header("x-cordon-route", "local")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "message");
    assert_eq!(v["content"][0]["text"], reply_text());
    assert_eq!(v["stop_reason"], "end_turn");
    assert_eq!(v["model"], "claude-x");
    let sent = l.requests()[0].json();
    assert_eq!(l.requests()[0].path, "/v1/chat/completions");
    assert_eq!(sent["messages"][0], json!({"role": "system", "content": "Be brief."}));
    assert_eq!(sent["max_tokens"], 50);

    // Streaming: Anthropic events out of OpenAI chunks.
    let mut streaming = body.clone();
    streaming["stream"] = json!(true);
    let resp = http()
        .post(format!("{}/v1/messages", cordon.url()))
        .header("x-api-key", CLIENT_KEY)
        .header("x-cordon-route", "local")
        .json(&streaming)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let text = resp.text().await.unwrap();
    let events = sse_data(&text);
    assert_eq!(events.first().unwrap()["type"], "message_start");
    assert_eq!(events.last().unwrap()["type"], "message_stop");
    let joined = crate::anthropic_streamed_text(&events);
    assert_eq!(joined, reply_text());
    assert_eq!(o.count() + a.count(), 0);
}

#[tokio::test]
async fn openai_client_on_an_anthropic_upstream() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let cordon = Cordon::start(&config(&o, &a, &l, "anthropic", ""), &env());
    let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]});
    let resp = chat_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["object"], "chat.completion");
    assert_eq!(v["choices"][0]["message"]["content"], reply_text());
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    let sent = &a.requests()[0];
    assert_eq!(sent.path, "/v1/messages");
    assert_eq!(sent.json()["system"], "Be brief.");
    assert!(sent.json()["max_tokens"].as_u64().unwrap() > 0);
    assert!(sent.headers.contains_key("anthropic-version"));

    let mut streaming = body.clone();
    streaming["stream"] = json!(true);
    let resp = chat_request(&cordon, &streaming).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(text.trim_end().ends_with("data: [DONE]"), "{text}");
    let chunks = sse_data(&text);
    let joined = crate::streamed_text(&chunks);
    assert_eq!(joined, reply_text());
    assert!(chunks.iter().any(|c| c["choices"][0]["finish_reason"] == "stop"));

    // A vendor 4xx comes back in the client's own shape.
    a.set_behavior(Behavior::Status(400));
    let resp = chat_request(&cordon, &body).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].is_string(), "{v}");
    assert_eq!(o.count() + l.count(), 0);
}
