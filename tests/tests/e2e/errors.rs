//! Bad input and failing upstreams: a clear status in the client's error
//! shape, no request content echoed, and the server goes on serving.

use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{chat_request, config, env, http, messages_request, CLIENT_KEY};

const LIMITS: &str = "limits:\n  max_body_bytes: 4096\n  header_timeout: 300ms\n  request_timeout: 2s\n";

async fn fakes() -> (FakeUpstream, FakeUpstream, FakeUpstream) {
    (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    )
}

async fn post(cordon: &Cordon, path: &str, key: Option<&str>, ctype: &str, body: Vec<u8>) -> (u16, Value) {
    let mut req = http()
        .post(format!("{}{path}", cordon.url()))
        .header("content-type", ctype)
        .body(body);
    if let Some(k) = key {
        req = req.header("x-api-key", k).header("anthropic-version", "2023-06-01");
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    assert!(resp.headers().contains_key("x-cordon-decision-id"));
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn openai_error(v: &Value) -> &str {
    v["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("not an OpenAI error: {v}"))
}

fn anthropic_error(v: &Value) -> &str {
    assert_eq!(v["type"], "error", "not an Anthropic error: {v}");
    v["error"]["message"].as_str().unwrap()
}

#[tokio::test]
async fn bad_requests_get_4xx_in_the_client_shape() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", LIMITS), &env());
    let secret = "SECRET-4111111111111111";
    let chat = "/v1/chat/completions";

    let (s, v) = post(
        &cordon,
        chat,
        Some(CLIENT_KEY),
        "application/json",
        format!("{{\"model\": \"m\", \"messages\": [{secret}").into_bytes(),
    )
    .await;
    assert_eq!(s, 400);
    assert!(!openai_error(&v).contains("SECRET"));

    let (s, v) = post(
        &cordon,
        "/v1/messages",
        Some(CLIENT_KEY),
        "application/json",
        format!("{{\"model\": {secret}").into_bytes(),
    )
    .await;
    assert_eq!(s, 400);
    assert!(!anthropic_error(&v).contains("SECRET"));

    let (s, v) = post(
        &cordon,
        chat,
        Some(CLIENT_KEY),
        "application/json",
        br#"{"model": "m", "messages": "not a list"}"#.to_vec(),
    )
    .await;
    assert_eq!(s, 400);
    openai_error(&v);

    let (s, v) = post(
        &cordon,
        chat,
        Some(CLIENT_KEY),
        "application/json",
        vec![0xff, 0xfe, b'{'],
    )
    .await;
    assert_eq!(s, 400, "invalid UTF-8");
    openai_error(&v);

    let (s, v) = post(&cordon, chat, Some(CLIENT_KEY), "text/plain", b"hello".to_vec()).await;
    assert_eq!(s, 415);
    openai_error(&v);

    let big = format!(
        "{{\"model\": \"m\", \"messages\": [{{\"role\": \"user\", \"content\": \"{}\"}}]}}",
        "x".repeat(8192)
    );
    let (s, v) = post(
        &cordon,
        "/v1/messages",
        Some(CLIENT_KEY),
        "application/json",
        big.into_bytes(),
    )
    .await;
    assert_eq!(s, 413);
    anthropic_error(&v);

    let (s, v) = post(
        &cordon,
        chat,
        None,
        "application/json",
        br#"{"model":"m","messages":[]}"#.to_vec(),
    )
    .await;
    assert_eq!(s, 401);
    openai_error(&v);
    let (s, v) = post(
        &cordon,
        "/v1/messages",
        Some("wrong-key-0123456789"),
        "application/json",
        br#"{"model":"m","messages":[]}"#.to_vec(),
    )
    .await;
    assert_eq!(s, 401);
    assert_eq!(v["error"]["type"], "authentication_error");

    let (s, v) = post(
        &cordon,
        "/v1/nothing-here",
        Some(CLIENT_KEY),
        "application/json",
        b"{}".to_vec(),
    )
    .await;
    assert_eq!(s, 404);
    anthropic_error(&v);

    assert_eq!(o.count() + a.count() + l.count(), 0, "nothing bad was forwarded");
    // Every request so far is logged (read by another thread: wait), none with its content.
    let logged = || cordon.logs().matches("\"message\":\"request\"").count() >= 9;
    cordon_tests::eventually(Duration::from_secs(10), "the request log events", logged).await;
    assert!(!cordon.logs().contains("SECRET"));
    assert!(
        cordon.logs().contains("\"blame\":\"client\""),
        "each failure says who caused it"
    );

    // A chunked body that never ends is cut by the size limit, too: the
    // client gets its 413 while it is still sending.
    let mut tcp = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
    let head = format!("POST {chat} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {CLIENT_KEY}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
    tcp.write_all(head.as_bytes()).await.unwrap();
    let (mut rd, mut wr) = tcp.into_split();
    let writer = tokio::spawn(async move {
        for _ in 0..100_000 {
            if wr.write_all(b"10\r\nxxxxxxxxxxxxxxxx\r\n").await.is_err() {
                return;
            }
        }
    });
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(10), rd.read(&mut buf))
        .await
        .expect("answered")
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    writer.abort();

    // And the server goes on.
    let (s, _) = post(
        &cordon,
        chat,
        Some(CLIENT_KEY),
        "application/json",
        br#"{"model":"m","messages":[]}"#.to_vec(),
    )
    .await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn slow_clients_get_408_and_the_server_goes_on() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", LIMITS), &env());
    // Headers that never finish.
    let mut tcp = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
    tcp.write_all(b"POST /v1/messages HTTP/1.1\r\nhost: x\r\n")
        .await
        .unwrap();
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut buf))
        .await
        .expect("closed after the header timeout")
        .unwrap();
    let text = String::from_utf8_lossy(&buf);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("\"type\":\"error\""), "Anthropic shape: {text}");

    // A body that never finishes: 408 after request_timeout.
    let mut tcp = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
    let head = format!("POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {CLIENT_KEY}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{{\"model\":");
    tcp.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(10), tcp.read(&mut buf))
        .await
        .expect("answered")
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");

    let resp = chat_request(&cordon, &json!({"model": "m", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn upstream_down_5xx_and_timeout() {
    let (o, a, l) = fakes().await;
    // A port nobody listens on.
    let dead = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead_addr = dead.local_addr().unwrap();
    drop(dead);
    let text = config(&o, &a, &l, "openai", "").replace(&o.base_v1(), &format!("http://{dead_addr}/v1"));
    let cordon = Cordon::start(&text, &env());
    let req = || {
        chat_request(
            &cordon,
            &json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}),
        )
    };
    let resp = req().send().await.unwrap();
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert!(openai_error(&v).contains("openai"), "names the upstream: {v}");
    drop(cordon);

    o.set_behavior(Behavior::Status(500));
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let resp = messages_request(
        &cordon,
        &json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    anthropic_error(&v);

    o.set_behavior(Behavior::Hang);
    let started = std::time::Instant::now();
    let resp = chat_request(&cordon, &json!({"model": "m", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 504);
    assert!(started.elapsed() < Duration::from_secs(15));
    // Vendor 4xx errors are the vendor's answer: relayed as they are.
    o.set_behavior(Behavior::Status(429));
    let resp = chat_request(&cordon, &json!({"model": "m", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
}

#[tokio::test]
async fn probes() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let resp = http().get(format!("{}/healthz", cordon.url())).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let resp = http().get(format!("{}/readyz", cordon.url())).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["upstreams"]["openai"]["available"], true);
    drop(cordon);
    // Without the vendor key, the cloud route cannot serve: not ready.
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &[("APP_KEY", CLIENT_KEY)]);
    let resp = http().get(format!("{}/readyz", cordon.url())).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["upstreams"]["openai"]["available"], false);
    assert!(v["upstreams"]["openai"]["reason"]
        .as_str()
        .unwrap()
        .contains("VENDOR_KEY"));
}

#[tokio::test]
async fn idle_keep_alive_connections_are_closed() {
    let (o, a, l) = fakes().await;
    let extra = "limits:\n  idle_timeout: 300ms\n";
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", extra), &env());
    let mut tcp = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
    tcp.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tcp.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    // Nothing more is sent: the server closes the idle connection.
    let n = tokio::time::timeout(Duration::from_secs(10), tcp.read(&mut buf))
        .await
        .expect("closed by the idle timeout")
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn http2_prior_knowledge_on_plaintext_loopback() {
    let (o, a, l) = fakes().await;
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", ""), &env());
    let c = reqwest::Client::builder().http2_prior_knowledge().build().unwrap();
    let resp = c
        .post(format!("{}/v1/chat/completions", cordon.url()))
        .bearer_auth(CLIENT_KEY)
        .json(&json!({"model": "m", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.version(), reqwest::Version::HTTP_2);
}

/// With `limits.max_connections_per_address`, one address gets only its
/// share of the proxy's connections; the rest are closed unserved, and a
/// slot comes back when a connection closes.
#[tokio::test]
async fn one_address_gets_only_its_share_of_connections() {
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let extra = "limits:\n  max_connections_per_address: 4\n  header_timeout: 30s\n";
    let cordon = Cordon::start(&config(&o, &a, &l, "openai", extra), &env());
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(tokio::net::TcpStream::connect(cordon.addr()).await.unwrap());
    }
    let mut over = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
    let _ = over.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").await;
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), over.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the connection over the share was left open");
    assert!(
        !String::from_utf8_lossy(&buf).contains("HTTP/"),
        "served over the share"
    );
    drop(held.pop());
    // The slot comes back once the server sees the close.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let mut s = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
        let _ = s
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await;
        let mut buf = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut buf)).await;
        if String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no slot came back");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
