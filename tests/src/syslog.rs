//! A SIEM's syslog listener for the tests: RFC 5425 (syslog over TLS) on
//! 127.0.0.1, recording every octet-counted message it receives.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};

/// A running listener; its task stops with the runtime.
pub struct SyslogCollector {
    pub addr: SocketAddr,
    messages: Arc<Mutex<Vec<String>>>,
}

impl SyslogCollector {
    /// Listens with this certificate chain and key (PEM).
    pub async fn start(cert_pem: &str, key_pem: &str) -> SyslogCollector {
        use rustls_pki_types::pem::PemObject;
        let certs: Vec<rustls_pki_types::CertificateDer<'static>> =
            rustls_pki_types::CertificateDer::pem_slice_iter(cert_pem.as_bytes())
                .collect::<Result<_, _>>()
                .expect("certificate");
        let key = rustls_pki_types::PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).expect("key");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .expect("server config");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let messages = Arc::new(Mutex::new(Vec::new()));
        let store = messages.clone();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let store = store.clone();
                tokio::spawn(async move {
                    let Ok(tls) = acceptor.accept(tcp).await else { return };
                    let mut r = BufReader::new(tls);
                    // Octet counting: "LEN SP MSG", LEN without leading zeros.
                    loop {
                        let mut len = Vec::new();
                        match r.read_until(b' ', &mut len).await {
                            Ok(0) | Err(_) => return,
                            Ok(_) => {}
                        }
                        let Some(n) = std::str::from_utf8(&len[..len.len() - 1])
                            .ok()
                            .and_then(|s| s.parse::<usize>().ok())
                            .filter(|n| *n > 0 && *n < 1 << 20)
                        else {
                            store.lock().expect("lock").push(format!("BAD FRAME {len:?}"));
                            return;
                        };
                        let mut msg = vec![0; n];
                        if r.read_exact(&mut msg).await.is_err() {
                            return;
                        }
                        store
                            .lock()
                            .expect("lock")
                            .push(String::from_utf8_lossy(&msg).into_owned());
                    }
                });
            }
        });
        SyslogCollector { addr, messages }
    }

    /// The messages received so far, in order of arrival.
    pub fn messages(&self) -> Vec<String> {
        self.messages.lock().expect("lock").clone()
    }
}
