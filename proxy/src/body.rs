//! The response body type every handler returns.

use bytes::Bytes;
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Full, StreamBody};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A response body: a full buffer or a stream relayed as it arrives.
pub type ProxyBody = UnsyncBoxBody<Bytes, BoxError>;

pub fn full(bytes: impl Into<Bytes>) -> ProxyBody {
    Full::new(bytes.into()).map_err(|never| match never {}).boxed_unsync()
}

pub fn empty() -> ProxyBody {
    full(Bytes::new())
}

/// A body from a stream of chunks; each chunk is written as soon as it comes.
pub fn stream<S>(s: S) -> ProxyBody
where
    S: futures_util::Stream<Item = Result<Bytes, BoxError>> + Send + 'static,
{
    use futures_util::StreamExt;
    StreamBody::new(s.map(|r| r.map(hyper::body::Frame::data))).boxed_unsync()
}

/// Wraps a body so that `guard` lives until the body is finished or dropped
/// (a concurrency permit, an in-flight counter).
pub fn guarded<G: Send + Unpin + 'static>(inner: ProxyBody, guard: G) -> ProxyBody {
    Guarded { inner, _guard: guard }.boxed_unsync()
}

struct Guarded<G> {
    inner: ProxyBody,
    _guard: G,
}

impl<G: Unpin> hyper::body::Body for Guarded<G> {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Bytes>, BoxError>>> {
        std::pin::Pin::new(&mut self.get_mut().inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}
