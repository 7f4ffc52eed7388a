//! TLS termination: rustls with TLS 1.2 and 1.3 only, HTTP/2 and HTTP/1.1 by
//! ALPN, optional client certificates (mTLS), and certificates reloaded from
//! disk without dropping open connections.
//!
//! Each new connection takes the current `ServerConfig` from an `ArcSwap`;
//! a reload swaps in a new one, so open connections keep the config they
//! were accepted with and new ones get the new certificate.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use arc_swap::ArcSwap;
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::sync::Notify;

use crate::config::TlsFiles;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {what} from `{path}`: {reason}")]
    Read {
        what: &'static str,
        path: String,
        reason: String,
    },
    #[error("`{path}` holds no {what}")]
    Empty { what: &'static str, path: String },
    #[error("invalid TLS setup: {0}")]
    Rustls(String),
}

fn read_certs(path: &Path, what: &'static str) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| TlsError::Read {
            what,
            path: path.display().to_string(),
            reason: e.to_string(),
        })?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsError::Read {
            what,
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
    if certs.is_empty() {
        return Err(TlsError::Empty {
            what,
            path: path.display().to_string(),
        });
    }
    Ok(certs)
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Builds a server config from the PEM files as they are now.
pub fn server_config(files: &TlsFiles) -> Result<Arc<ServerConfig>, TlsError> {
    let certs = read_certs(&files.cert, "certificates")?;
    let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|e| TlsError::Read {
        what: "a private key",
        path: files.key.display().to_string(),
        reason: e.to_string(),
    })?;
    let builder = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| TlsError::Rustls(e.to_string()))?;
    let builder = match &files.client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            for c in read_certs(ca, "client CA certificates")? {
                roots.add(c).map_err(|e| TlsError::Rustls(e.to_string()))?;
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .map_err(|e| TlsError::Rustls(e.to_string()))?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let mut config = builder
        .with_single_cert(certs, key)
        .map_err(|e| TlsError::Rustls(e.to_string()))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The live TLS config of one listener and what it was built from.
pub struct ReloadingConfig {
    files: TlsFiles,
    current: ArcSwap<ServerConfig>,
    stamp: std::sync::Mutex<Vec<Option<(SystemTime, u64)>>>,
}

impl ReloadingConfig {
    pub fn new(files: TlsFiles) -> Result<Arc<Self>, TlsError> {
        let config = server_config(&files)?;
        let stamp = stamps(&files);
        Ok(Arc::new(ReloadingConfig {
            files,
            current: ArcSwap::new(config),
            stamp: std::sync::Mutex::new(stamp),
        }))
    }

    pub fn current(&self) -> Arc<ServerConfig> {
        self.current.load_full()
    }

    /// Rebuilds the config when `force` or when a file changed. A file that
    /// does not parse (for instance, half written) keeps the old config.
    pub fn reload(&self, force: bool) {
        let now = stamps(&self.files);
        {
            let Ok(mut last) = self.stamp.lock() else { return };
            if !force && *last == now {
                return;
            }
            *last = now;
        }
        match server_config(&self.files) {
            Ok(config) => {
                self.current.store(config);
                tracing::info!(cert = %self.files.cert.display(), "TLS certificate reloaded");
            }
            Err(e) => tracing::warn!(error = %e, "TLS reload failed; keeping the previous certificate"),
        }
    }

    /// Watches the files (polling their modification time and size) and
    /// reloads on change or when `hup` is notified (SIGHUP), until `stop`.
    pub async fn watch(self: Arc<Self>, hup: Arc<Notify>, stop: Arc<Notify>) {
        let interval = self.files.reload_interval;
        watch_until_stopped(interval, &hup, &stop, |force| self.reload(force)).await;
    }
}

/// Calls `reload(false)` every `interval` and `reload(true)` when `hup` is
/// notified (SIGHUP), until `stop`. The stop is registered before the loop,
/// so one notified while a reload runs is not missed. Shared by the TLS
/// files and the policy file.
pub async fn watch_until_stopped(interval: Duration, hup: &Notify, stop: &Notify, reload: impl Fn(bool)) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let stopped = stop.notified();
    tokio::pin!(stopped);
    stopped.as_mut().enable();
    loop {
        tokio::select! {
            _ = tick.tick() => reload(false),
            _ = hup.notified() => reload(true),
            _ = &mut stopped => return,
        }
    }
}

fn stamps(files: &TlsFiles) -> Vec<Option<(SystemTime, u64)>> {
    [Some(&files.cert), Some(&files.key), files.client_ca.as_ref()]
        .into_iter()
        .flatten()
        .map(|p| {
            std::fs::metadata(p)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())))
        })
        .collect()
}

/// The names a verified client certificate carries: subject common names,
/// then DNS, URI and e-mail SANs. Empty if it does not parse.
pub fn certificate_names(cert: &CertificateDer<'_>) -> Vec<String> {
    use x509_parser::extensions::GeneralName;
    let Ok((_, x)) = x509_parser::parse_x509_certificate(cert.as_ref()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = x
        .subject()
        .iter_common_name()
        .filter_map(|cn| cn.as_str().ok())
        .map(str::to_string)
        .collect();
    if let Ok(Some(san)) = x.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(n) | GeneralName::URI(n) | GeneralName::RFC822Name(n) => out.push(n.to_string()),
                _ => {}
            }
        }
    }
    out
}

/// A TLS client configuration that trusts the CA in `ca` (PEM), or the web
/// PKI roots without one: for the connections Cordon opens itself (the
/// audit shipper's PostgreSQL, the SIEM's syslog listener).
pub fn client_config(ca: Option<&std::path::Path>) -> Result<rustls::ClientConfig, String> {
    use rustls_pki_types::pem::PemObject;
    let mut roots = RootCertStore::empty();
    match ca {
        Some(ca) => {
            let certs =
                rustls_pki_types::CertificateDer::pem_file_iter(ca).map_err(|e| format!("{}: {e}", ca.display()))?;
            for c in certs {
                let c = c.map_err(|e| format!("{}: {e}", ca.display()))?;
                roots.add(c).map_err(|e| format!("{}: {e}", ca.display()))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    Ok(rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth())
}
