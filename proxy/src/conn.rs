//! One HTTP connection, for the proxy's listeners and the console's alike:
//! the first request head read within its timeout (a client that stalls
//! gets a 408 or is closed), idle connections closed, draining on shutdown,
//! and the connection slots per client address.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::IpAddr;
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
use tokio::sync::{watch, Semaphore};

use crate::api::ApiKind;
use crate::body::{self, ProxyBody};
use crate::error::error_body;

/// The longest request head read before handing the connection to hyper.
const MAX_HEAD: usize = 64 * 1024;

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
