//! TLS termination: HTTP/2 by ALPN, mTLS, certificate reload.

use std::sync::Arc;
use std::time::Duration;

use cordon_tests::{Behavior, Cordon, FakeUpstream, Pki};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use serde_json::json;

use crate::{env, CLIENT_KEY};

fn tls_config(upstream: &FakeUpstream, client_ca: bool) -> String {
    let ca = if client_ca { ", client_ca: clients-ca.pem" } else { "" };
    // With mTLS, a client may be known by its certificate alone.
    let cert_client = if client_ca {
        "  - { name: cert-app, tenant: clinic, cert_name: billing-app }\n"
    } else {
        ""
    };
    format!(
        "listen:\n  - addr: 127.0.0.1:0\n    tls: {{ cert: server.pem, key: server.key{ca}, reload_interval: 100ms }}\nclients:\n  - {{ name: app, tenant: t, key_env: APP_KEY }}\n{cert_client}upstreams:\n  openai: {{ kind: openai, base_url: \"{}\", api_key_env: VENDOR_KEY, zone: cloud }}\nroutes:\n  cloud: [openai]\n",
        upstream.base_v1()
    )
}

fn client(pki: &Pki, identity: Option<&cordon_tests::pki::Leaf>, http2: bool) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(pki.ca_pem.as_bytes()).unwrap())
        .timeout(Duration::from_secs(20));
    if let Some(id) = identity {
        b = b.identity(reqwest::Identity::from_pem(&id.identity_pem()).unwrap());
    }
    b = if http2 { b } else { b.http1_only() };
    b.build().unwrap()
}

async fn chat(c: &reqwest::Client, cordon: &Cordon) -> Result<reqwest::Response, reqwest::Error> {
    c.post(format!(
        "https://localhost:{}/v1/chat/completions",
        cordon.addr().port()
    ))
    .bearer_auth(CLIENT_KEY)
    .json(&json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}))
    .send()
    .await
}

#[tokio::test]
async fn http2_and_http1_over_tls() {
    let up = FakeUpstream::start(Behavior::Answer).await;
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "server");
    pki.server("server", "cordon-test");
    let cordon = Cordon::start_in(dir, &tls_config(&up, false), &env());
    let resp = chat(&client(&pki, None, true), &cordon).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.version(), reqwest::Version::HTTP_2);
    assert!(resp.headers().contains_key("x-cordon-decision-id"));
    let resp = chat(&client(&pki, None, false), &cordon).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.version(), reqwest::Version::HTTP_11);
    assert_eq!(up.count(), 2);
}

#[tokio::test]
async fn mtls_accepts_known_clients_and_rejects_others() {
    let up = FakeUpstream::start(Behavior::Answer).await;
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "server");
    pki.server("server", "cordon-test");
    let clients = Pki::new(dir.path(), "clients");
    let good = clients.client("good-client", "billing-app");
    let rogue_ca = Pki::new(dir.path(), "rogue");
    let rogue = rogue_ca.client("rogue-client", "billing-app");
    let cordon = Cordon::start_in(dir, &tls_config(&up, true), &env());

    let resp = chat(&client(&pki, Some(&good), true), &cordon).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        chat(&client(&pki, Some(&rogue), true), &cordon).await.is_err(),
        "a certificate from an unknown CA is refused"
    );
    assert!(
        chat(&client(&pki, None, true), &cordon).await.is_err(),
        "no certificate is refused"
    );
    assert_eq!(up.count(), 1);
}

/// Connects with rustls directly and returns the server's leaf certificate,
/// or `None` when the handshake fails (a certificate `ca_pem` did not sign).
async fn served_cert(cordon: &Cordon, ca_pem: &str) -> Option<Vec<u8>> {
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_slice(ca_pem.as_bytes()).unwrap())
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect(cordon.addr()).await.unwrap();
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(ServerName::try_from("localhost").unwrap(), tcp)
        .await
        .ok()?;
    Some(tls.get_ref().1.peer_certificates()?[0].as_ref().to_vec())
}

#[tokio::test]
async fn certificates_reload_without_dropping_connections() {
    let up = FakeUpstream::start(Behavior::Answer).await;
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "server");
    let first = pki.server("server", "first");
    let cordon = Cordon::start_in(dir, &tls_config(&up, false), &env());
    let first_der = CertificateDer::from_pem_slice(first.cert_pem.as_bytes())
        .unwrap()
        .as_ref()
        .to_vec();
    assert_eq!(served_cert(&cordon, &pki.ca_pem).await, Some(first_der.clone()));

    // An HTTP/2 connection opened before the change.
    let keep = client(&pki, None, true);
    assert_eq!(chat(&keep, &cordon).await.unwrap().status(), 200);

    // Write a new certificate over the files (as cert-manager would).
    let pki2 = Pki::new(cordon.dir.path(), "server");
    let second = pki2.server("server", "second");
    let second_der = CertificateDer::from_pem_slice(second.cert_pem.as_bytes())
        .unwrap()
        .as_ref()
        .to_vec();
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while served_cert(&cordon, &pki2.ca_pem).await.as_ref() != Some(&second_der) {
        assert!(
            std::time::Instant::now() < deadline,
            "the new certificate was never served"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The old connection still works (the same pooled HTTP/2 connection).
    assert_eq!(chat(&keep, &cordon).await.unwrap().status(), 200);
    assert_eq!(up.count(), 2);

    // SIGHUP forces a reload too: change the files back and signal.
    std::fs::write(cordon.dir.path().join("server.pem"), &first.cert_pem).unwrap();
    std::fs::write(cordon.dir.path().join("server.key"), &first.key_pem).unwrap();
    cordon.signal("HUP");
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while served_cert(&cordon, &pki.ca_pem).await.as_ref() != Some(&first_der) {
        assert!(std::time::Instant::now() < deadline, "SIGHUP reload never happened");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
