//! Listeners and connections: accept, TLS, HTTP/1.1 and HTTP/2, timeouts,
//! graceful shutdown.
//!
//! Order on a new connection (each step bounded by `limits.header_timeout`):
//! 1. a connection slot (`limits.max_connections`; accepting waits for one),
//!    and one of its address's (`limits.max_connections_per_address`, if
//!    set), else the socket is closed;
//! 2. the TLS handshake, on TLS listeners (ALPN picks `h2` or `http/1.1`);
//! 3. for HTTP/1 (and h2c prior knowledge on plaintext), the first request's
//!    head is read here, so a client too slow to send it gets a 408 in an
//!    API error shape instead of a silent close;
//! 4. hyper serves the connection; later requests on it are bounded by
//!    hyper's header timeout and by `limits.idle_timeout` between requests.
//!
//! The console's listener (`admin:`) goes through the same steps
//! ([`serve_connection`]) with its own timeouts and its own connection
//! slots, total and per address ([`Slots`]): exhausting one listener's
//! connections leaves the other serving.

use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use hyper::body::Incoming;
use hyper::Request;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio_rustls::TlsAcceptor;

use crate::audit::Audit;
use crate::auth::ClientCert;
use crate::config::{Config, Limits, Zone};
use crate::conn::{self, ConnLimits, Slots};
use crate::pipeline::App;
use crate::tls::ReloadingConfig;
use crate::upstream::Upstream;

/// How long open connections may finish their requests after a shutdown signal.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a stopping replica keeps shipping its last records to PostgreSQL
/// (what is left is shipped by its next start).
const SHIP_DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

struct Listening {
    listener: TcpListener,
    tls: Option<Arc<ReloadingConfig>>,
}

/// Open connections, to wait for them on shutdown.
#[derive(Default)]
struct Connections {
    open: AtomicUsize,
    all_closed: Notify,
}

struct ConnectionGuard(Arc<Connections>);

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        if self.0.open.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.all_closed.notify_waiters();
        }
    }
}

/// What a bound listener serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Proxy,
    /// The compliance console (`admin:`).
    Console,
}

/// Runs the proxy until SIGTERM or SIGINT, then drains open connections.
/// `on_listen` is told each bound address (with port 0 resolved) and whether
/// it is TLS, once every listener is bound.
pub async fn serve(mut config: Config, on_listen: impl Fn(SocketAddr, bool, Bound)) -> anyhow::Result<()> {
    // Before anything is announced: a signal sent as soon as the listener
    // is reported must find its handler installed.
    let signals = Signals::install()?;
    let upstreams = std::mem::take(&mut config.upstreams)
        .into_iter()
        .map(|u| Upstream::new(u).map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    for u in &upstreams {
        if let Err(reason) = u.availability() {
            tracing::warn!(upstream = u.name(), reason = %reason, "upstream unavailable");
        }
    }
    let cloud_ready = upstreams
        .iter()
        .any(|u| u.zone() == Zone::Cloud && u.availability().is_ok());
    if !cloud_ready {
        if let Some(engine) = upstreams.iter().find_map(|u| u.engine().map(|e| (u.name(), e))) {
            tracing::warn!(
                upstream = engine.0,
                model = %engine.1.info().name,
                "no cloud vendor is available (no API key set): every request is answered on premises by the built-in engine"
            );
        }
    }
    let mut bound = Vec::new();
    for l in &config.listeners {
        let tls = match &l.tls {
            Some(files) => Some(ReloadingConfig::new(files.clone())?),
            None => None,
        };
        let listener = TcpListener::bind(l.addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", l.addr))?;
        bound.push(Listening { listener, tls });
    }
    let console = match config.admin.take() {
        Some(c) => Some((crate::console::bind(&c).await?, c)),
        None => None,
    };
    let audit_cfg = config.audit.clone();
    let limits = config.limits.clone();
    let audit = Arc::new(Audit::open(&config.audit)?);
    tracing::info!(dir = %config.audit.dir.display(), replica = %config.audit.replica, "audit trail open");
    let shipper = match &config.audit.ship {
        Some(ship) => {
            let replica = &config.audit.replica;
            // A replica whose key is pinned must hold that key: fail at start, not at verify.
            if let Some(pinned) = ship.keys.get(replica) {
                if *pinned != audit.public_key() {
                    anyhow::bail!(
                        "audit.ship.postgres.keys pins another public key for replica `{replica}` than {} holds",
                        config.audit.signing_key.display()
                    );
                }
            }
            Some(crate::audit::ship::Shipper::start(
                crate::audit::ship::ShipTarget {
                    cfg: ship.clone(),
                    replica: replica.clone(),
                    dir: config.audit.dir.clone(),
                    pubkey: crate::audit::keys::public_text(&audit.public_key()),
                    retention: config.audit.retention,
                },
                audit.progress(),
            ))
        }
        None => None,
    };
    {
        let p = &config.policy;
        let file = p
            .file
            .as_ref()
            .map_or("<baseline>".to_string(), |f| f.display().to_string());
        tracing::info!(policy = %p.policy.name, file = %file, hash = %p.policy.hash, rules = p.policy.rules.len(), "policy in force");
    }
    let app = Arc::new(App::new(config, upstreams, audit.clone()));
    // The trail says which policy decided what from here on.
    app.record_policy().await;
    app.shadows().record_pending().await;
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let hup = Arc::new(Notify::new());
    let stop_watchers = Arc::new(Notify::new());
    let conns = Arc::new(Connections::default());
    let slots = Slots::new(
        limits.max_connections,
        limits.max_connections_per_address.unwrap_or(usize::MAX),
    );
    let mut tasks = vec![
        tokio::spawn(app.clone().watch_policy(hup.clone(), stop_watchers.clone())),
        tokio::spawn(app.clone().watch_models(hup.clone(), stop_watchers.clone())),
    ];
    for l in bound {
        let addr = l.listener.local_addr()?;
        tracing::info!(addr = %addr, tls = l.tls.is_some(), "listening");
        on_listen(addr, l.tls.is_some(), Bound::Proxy);
        if let Some(tls) = &l.tls {
            tasks.push(tokio::spawn(tls.clone().watch(hup.clone(), stop_watchers.clone())));
        }
        tasks.push(tokio::spawn(accept_loop(
            l,
            app.clone(),
            limits.clone(),
            shutdown_rx.clone(),
            conns.clone(),
            slots.clone(),
        )));
    }
    if let Some(((listener, tls), cfg)) = console {
        let addr = listener.local_addr()?;
        tracing::info!(addr = %addr, tls = tls.is_some(), users = cfg.users.len(), oidc = cfg.oidc.is_some(), "compliance console listening");
        on_listen(addr, tls.is_some(), Bound::Console);
        if let Some(t) = &tls {
            tasks.push(tokio::spawn(t.clone().watch(hup.clone(), stop_watchers.clone())));
        }
        let console = Arc::new(crate::console::Console::new(
            cfg,
            audit_cfg,
            audit.clone(),
            Arc::new(ConsoleView(app.clone())),
        )?);
        tasks.push(tokio::spawn(crate::console::run(
            console,
            listener,
            tls,
            shutdown_rx.clone(),
        )));
    }
    signals.wait(hup).await;
    tracing::info!(open_connections = conns.open.load(Ordering::Acquire), "shutting down");
    let _ = shutdown_tx.send(true);
    stop_watchers.notify_waiters();
    for t in tasks {
        let _ = t.await;
    }
    let drained = tokio::time::timeout(DRAIN_TIMEOUT, async {
        loop {
            let notified = conns.all_closed.notified();
            if conns.open.load(Ordering::Acquire) == 0 {
                return;
            }
            notified.await;
        }
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            open_connections = conns.open.load(Ordering::Acquire),
            "drain timeout; closing"
        );
    }
    if let Some(shipper) = shipper {
        // The final checkpoint first, then ship it with the rest.
        audit.shutdown();
        shipper.finish(SHIP_DRAIN_TIMEOUT).await;
    }
    Ok(())
}

struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    hangup: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> anyhow::Result<Signals> {
        use tokio::signal::unix::{signal, SignalKind};
        let err = |e: std::io::Error| anyhow::anyhow!("cannot install signal handlers: {e}");
        Ok(Signals {
            term: signal(SignalKind::terminate()).map_err(err)?,
            int: signal(SignalKind::interrupt()).map_err(err)?,
            hangup: signal(SignalKind::hangup()).map_err(err)?,
        })
    }

    /// Returns on SIGTERM or SIGINT; SIGHUP reloads TLS certificates and the policy.
    async fn wait(mut self, hup: Arc<Notify>) {
        loop {
            tokio::select! {
                _ = self.term.recv() => return,
                _ = self.int.recv() => return,
                _ = self.hangup.recv() => {
                    tracing::info!("SIGHUP: reloading TLS certificates and the policy");
                    hup.notify_waiters();
                }
            }
        }
    }
}

async fn accept_loop(
    l: Listening,
    app: Arc<App>,
    limits: Limits,
    mut shutdown: watch::Receiver<bool>,
    conns: Arc<Connections>,
    slots: Arc<Slots>,
) {
    loop {
        let permit = tokio::select! {
            p = slots.reserve() => match p { Some(p) => p, None => return },
            _ = shutdown.changed() => return,
        };
        let (tcp, peer) = tokio::select! {
            r = l.listener.accept() => match r {
                Ok(x) => x,
                Err(e) => {
                    // Out of file descriptors and the like: back off, keep serving.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => return,
        };
        let Some(permit) = slots.admit(peer.ip().to_canonical(), permit) else {
            tracing::info!(peer = %peer, "too many connections from this address; closed");
            drop(tcp);
            continue;
        };
        let _ = tcp.set_nodelay(true);
        conns.open.fetch_add(1, Ordering::AcqRel);
        let guard = ConnectionGuard(conns.clone());
        let app = app.clone();
        let limits = limits.clone();
        let tls = l.tls.as_ref().map(|t| t.current());
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            let _guard = guard;
            let _permit = permit;
            if let Err(e) = connection(tcp, peer, tls, app, limits, shutdown).await {
                tracing::debug!(peer = %peer, error = %e, "connection ended with an error");
            }
        });
    }
}

async fn connection(
    tcp: TcpStream,
    peer: SocketAddr,
    tls: Option<Arc<rustls::ServerConfig>>,
    app: Arc<App>,
    limits: Limits,
    shutdown: watch::Receiver<bool>,
) -> io::Result<()> {
    let conn_limits = ConnLimits {
        header_timeout: limits.header_timeout,
        idle_timeout: limits.idle_timeout,
    };
    match tls {
        None => serve_http(tcp, false, None, app, conn_limits, shutdown).await,
        Some(cfg) => {
            let accept = TlsAcceptor::from(cfg).accept(tcp);
            let stream = match tokio::time::timeout(limits.header_timeout, accept).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => {
                    tracing::info!(peer = %peer, error = %e, "TLS handshake failed");
                    return Ok(());
                }
                Err(_) => {
                    tracing::info!(peer = %peer, "TLS handshake timed out");
                    return Ok(());
                }
            };
            let h2 = stream.get_ref().1.alpn_protocol() == Some(b"h2".as_slice());
            // Present only when the listener verified it against `client_ca`.
            let cert = stream
                .get_ref()
                .1
                .peer_certificates()
                .and_then(|certs| certs.first())
                .map(|leaf| Arc::new(ClientCert(crate::tls::certificate_names(leaf))));
            serve_http(stream, h2, cert, app, conn_limits, shutdown).await
        }
    }
}

/// Serves one proxy connection: the pipeline, with the client's verified
/// certificate (if any) on each request.
async fn serve_http<IO>(
    io: IO,
    h2: bool,
    cert: Option<Arc<ClientCert>>,
    app: Arc<App>,
    limits: ConnLimits,
    shutdown: watch::Receiver<bool>,
) -> io::Result<()>
where
    IO: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let handler = move |mut req: Request<Incoming>| {
        if let Some(cert) = &cert {
            req.extensions_mut().insert(cert.clone());
        }
        app.clone().handle(req)
    };
    conn::serve_connection(io, h2, limits, conn::Stalled::AnswerApiError, shutdown, handler).await
}

/// The pipeline as the console may see it ([`crate::console::ProxyView`]).
struct ConsoleView(Arc<App>);

impl crate::console::ProxyView for ConsoleView {
    fn detectors(&self) -> Arc<cordon_detectors::Registry> {
        self.0.config().detectors.clone()
    }

    fn policy(&self) -> Arc<cordon_policies::Policy> {
        self.0.policy()
    }

    fn policy_file(&self) -> Option<std::path::PathBuf> {
        self.0.config().policy.file.clone()
    }

    fn shadows(&self) -> Arc<Vec<crate::config::ShadowPolicy>> {
        self.0.shadows().current()
    }

    fn expect_promotion(&self, hash: &str) {
        self.0.shadows().expect_promotion(hash);
    }

    fn reload_policy(&self) {
        self.0.reload_policy(true);
    }
}
