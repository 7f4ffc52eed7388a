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

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::{Buf, Bytes};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::Request;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify, Semaphore};
use tokio_rustls::TlsAcceptor;

use crate::api::ApiKind;
use crate::audit::Audit;
use crate::auth::ClientCert;
use crate::body::{self, ProxyBody};
use crate::config::{Config, Limits, Zone};
use crate::error::error_body;
use crate::pipeline::App;
use crate::tls::ReloadingConfig;
use crate::upstream::Upstream;

/// The longest request head read before handing the connection to hyper.
const MAX_HEAD: usize = 64 * 1024;
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
    let mut tasks = vec![tokio::spawn(
        app.clone().watch_policy(hup.clone(), stop_watchers.clone()),
    )];
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
            app.clone(),
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

/// Per-connection state for the idle timeout.
struct ConnState {
    opened: Instant,
    in_flight: AtomicUsize,
    last_active_ms: AtomicU64,
}

impl ConnState {
    fn touch(&self) {
        let ms = u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_active_ms.store(ms, Ordering::Release);
    }

    /// When the connection becomes idle-expired, if nothing happens before.
    fn idle_deadline(&self, idle: Duration) -> tokio::time::Instant {
        let now = tokio::time::Instant::now();
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return now + idle;
        }
        let last = self.opened + Duration::from_millis(self.last_active_ms.load(Ordering::Acquire));
        tokio::time::Instant::from_std(last + idle).max(now)
    }

    fn is_idle_for(&self, idle: Duration) -> bool {
        self.in_flight.load(Ordering::Acquire) == 0
            && self
                .opened
                .elapsed()
                .saturating_sub(Duration::from_millis(self.last_active_ms.load(Ordering::Acquire)))
                >= idle
    }
}

/// Counts a request as in flight until its response body is done.
struct InFlight(Arc<ConnState>);

impl InFlight {
    fn enter(state: Arc<ConnState>) -> Self {
        state.in_flight.fetch_add(1, Ordering::AcqRel);
        state.touch();
        InFlight(state)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
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
    serve_connection(io, h2, limits, Stalled::AnswerApiError, shutdown, handler).await
}

/// The timeouts one listener's connections are held to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConnLimits {
    /// To send the first request's head (and the TLS handshake before it).
    pub header_timeout: Duration,
    /// Between requests.
    pub idle_timeout: Duration,
}

/// What a client that sent part of a request head and then stalled gets.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stalled {
    /// A 408 in the API's error shape (the proxy).
    AnswerApiError,
    /// The connection closed (the console).
    Close,
}

/// Serves one connection with hyper: the first request head within
/// `limits.header_timeout`, later ones within hyper's header timeout, and
/// closes it once idle for `limits.idle_timeout` or on shutdown.
pub(crate) async fn serve_connection<IO, F, Fut>(
    mut io: IO,
    h2: bool,
    limits: ConnLimits,
    stalled: Stalled,
    mut shutdown: watch::Receiver<bool>,
    handler: F,
) -> io::Result<()>
where
    IO: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    F: Fn(Request<Incoming>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = hyper::Response<ProxyBody>> + Send + 'static,
{
    let prefix = if h2 {
        Bytes::new()
    } else {
        match read_head(&mut io, limits.header_timeout).await? {
            Head::Complete(buf) => buf,
            Head::TimedOut(partial) => {
                return match stalled {
                    Stalled::AnswerApiError => answer_header_timeout(io, &partial).await,
                    Stalled::Close => io.shutdown().await,
                }
            }
        }
    };
    let state = Arc::new(ConnState {
        opened: Instant::now(),
        in_flight: AtomicUsize::new(0),
        last_active_ms: AtomicU64::new(0),
    });
    let svc_state = state.clone();
    let service = service_fn(move |req: Request<Incoming>| {
        let guard = InFlight::enter(svc_state.clone());
        let resp = handler(req);
        async move { Ok::<_, Infallible>(resp.await.map(|b| body::guarded(b, guard))) }
    });
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(256)
        .keep_alive_interval(Some(Duration::from_secs(30)))
        .keep_alive_timeout(Duration::from_secs(20));
    if h2 {
        builder = builder.http2_only();
    }
    let conn = builder.serve_connection(TokioIo::new(Rewind { prefix, inner: io }), service);
    tokio::pin!(conn);
    let mut closing = false;
    loop {
        let idle_at = state.idle_deadline(limits.idle_timeout);
        tokio::select! {
            res = conn.as_mut() => {
                return res.map_err(|e| io::Error::other(e.to_string()));
            }
            _ = shutdown.changed(), if !closing => {
                conn.as_mut().graceful_shutdown();
                closing = true;
            }
            _ = tokio::time::sleep_until(idle_at), if !closing => {
                if state.is_idle_for(limits.idle_timeout) {
                    conn.as_mut().graceful_shutdown();
                    closing = true;
                }
            }
        }
    }
}

/// A listener's connection slots: so many in all, and so many per client
/// address. Each listener has its own, so one exhausted leaves the others.
pub(crate) struct Slots {
    total: Arc<Semaphore>,
    per_address: usize,
    by_address: Mutex<HashMap<IpAddr, usize>>,
}

/// A connection's slot, given back when it drops.
pub(crate) struct Slot {
    slots: Arc<Slots>,
    ip: IpAddr,
    _total: tokio::sync::OwnedSemaphorePermit,
}

impl Slots {
    pub(crate) fn new(total: usize, per_address: usize) -> Arc<Slots> {
        Arc::new(Slots {
            total: Arc::new(Semaphore::new(total)),
            per_address,
            by_address: Mutex::new(HashMap::new()),
        })
    }

    /// Waits for a free slot in all, before accepting: connections beyond
    /// the cap wait in the kernel's backlog and hold no descriptor here.
    pub(crate) async fn reserve(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        self.total.clone().acquire_owned().await.ok()
    }

    /// Takes the slot for an accepted connection from `ip`; `None` when that
    /// address already holds its share (the connection is then closed).
    pub(crate) fn admit(self: &Arc<Self>, ip: IpAddr, total: tokio::sync::OwnedSemaphorePermit) -> Option<Slot> {
        let mut map = self.by_address.lock().ok()?;
        let n = map.entry(ip).or_insert(0);
        if *n >= self.per_address {
            return None;
        }
        *n += 1;
        Some(Slot {
            slots: self.clone(),
            ip,
            _total: total,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut map) = self.slots.by_address.lock() {
            if let Some(n) = map.get_mut(&self.ip) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    map.remove(&self.ip);
                }
            }
        }
    }
}

enum Head {
    /// The head is complete, or the peer closed, or it grew past `MAX_HEAD`:
    /// hyper takes it from here (and answers 431 or closes as it should).
    Complete(Bytes),
    TimedOut(Vec<u8>),
}

async fn read_head<IO: AsyncRead + Unpin>(io: &mut IO, timeout: Duration) -> io::Result<Head> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut searched = 0usize;
    loop {
        if let Some(_pos) = find_head_end(&buf[searched..]) {
            return Ok(Head::Complete(Bytes::from(buf)));
        }
        searched = buf.len().saturating_sub(3);
        if buf.len() >= MAX_HEAD {
            return Ok(Head::Complete(Bytes::from(buf)));
        }
        buf.reserve(4096);
        match tokio::time::timeout_at(deadline, io.read_buf(&mut buf)).await {
            Err(_) => return Ok(Head::TimedOut(buf)),
            Ok(Ok(0)) => return Ok(Head::Complete(Bytes::from(buf))),
            Ok(Ok(_)) => {}
            Ok(Err(e)) => return Err(e),
        }
    }
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Writes a 408 in the API's error shape and closes. The partial head is
/// only looked at to pick the shape.
async fn answer_header_timeout<IO: AsyncWrite + Unpin>(mut io: IO, partial: &[u8]) -> io::Result<()> {
    let anthropic = partial.starts_with(b"POST /v1/messages")
        || partial
            .windows(b"anthropic-version".len())
            .any(|w| w.eq_ignore_ascii_case(b"anthropic-version"));
    let api = if anthropic { ApiKind::Anthropic } else { ApiKind::OpenAi };
    let body = error_body(
        api,
        http::StatusCode::REQUEST_TIMEOUT,
        "the client took too long to send the request headers",
    );
    let id = uuid::Uuid::now_v7();
    tracing::info!(decision_id = %id, status = 408u16, error = "client_timeout", "request");
    let head = format!(
        "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\nx-cordon-decision-id: {id}\r\n\r\n",
        body.len()
    );
    if partial.is_empty() {
        // Nothing was sent at all: an idle socket, not a request. Just close.
        return io.shutdown().await;
    }
    io.write_all(head.as_bytes()).await?;
    io.write_all(&body).await?;
    io.shutdown().await
}

/// An IO that first replays bytes already read from it.
struct Rewind<T> {
    prefix: Bytes,
    inner: T,
}

impl<T: AsyncRead + Unpin> AsyncRead for Rewind<T> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if !this.prefix.is_empty() {
            let n = this.prefix.len().min(buf.remaining());
            buf.put_slice(&this.prefix[..n]);
            this.prefix.advance(n);
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Rewind<T> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn rewind_replays_prefix_then_inner() {
        let (mut a, b) = tokio::io::duplex(64);
        a.write_all(b" world").await.expect("write");
        drop(a);
        let mut r = Rewind {
            prefix: Bytes::from_static(b"hello"),
            inner: b,
        };
        let mut out = String::new();
        r.read_to_string(&mut out).await.expect("read");
        assert_eq!(out, "hello world");
    }

    #[tokio::test]
    async fn slots_hold_each_address_to_its_share_and_come_back() {
        let slots = Slots::new(3, 2);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().expect("ip"), "10.0.0.2".parse().expect("ip"));
        let a1 = slots
            .admit(a, slots.reserve().await.expect("slot"))
            .expect("first from a");
        let a2 = slots
            .admit(a, slots.reserve().await.expect("slot"))
            .expect("second from a");
        assert!(
            slots.admit(a, slots.reserve().await.expect("slot")).is_none(),
            "a's share is 2"
        );
        let b1 = slots
            .admit(b, slots.reserve().await.expect("slot"))
            .expect("b has its own share");
        // All three slots are held: the next waits.
        let waiting = tokio::time::timeout(Duration::from_millis(20), slots.reserve()).await;
        assert!(waiting.is_err(), "a fourth slot in all");
        drop(a1);
        let a3 = slots
            .admit(a, slots.reserve().await.expect("slot"))
            .expect("a's slot came back");
        drop((a2, a3, b1));
        assert!(slots.by_address.lock().expect("lock").is_empty());
    }

    #[tokio::test]
    async fn head_reader_stops_at_blank_line_and_times_out() {
        let (mut a, mut b) = tokio::io::duplex(1024);
        a.write_all(b"GET / HTTP/1.1\r\nhost: x\r\n\r\nbody")
            .await
            .expect("write");
        match read_head(&mut b, Duration::from_secs(5)).await.expect("read") {
            Head::Complete(buf) => assert!(buf.starts_with(b"GET / HTTP/1.1")),
            Head::TimedOut(_) => unreachable!("complete head"),
        }
        let (mut a, mut b) = tokio::io::duplex(1024);
        a.write_all(b"POST /v1/messages HTTP/1.1\r\n").await.expect("write");
        match read_head(&mut b, Duration::from_millis(50)).await.expect("read") {
            Head::TimedOut(partial) => assert!(partial.starts_with(b"POST")),
            Head::Complete(_) => unreachable!("incomplete head"),
        }
    }
}
