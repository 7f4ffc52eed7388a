//! Every way a request can fail, and the one place ([`ProxyError::into_response`])
//! where a failure becomes an HTTP answer in the client API's own error shape.
//!
//! Messages are written here, from fixed text and names from the config;
//! never from request content, so an error body cannot echo a prompt.

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode};
use serde_json::json;

use crate::body::{full, ProxyBody};

/// The API family a client speaks; decides the error shape it gets back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKind {
    OpenAi,
    Anthropic,
}

/// Who caused a failure: tells operators where to look and lets metrics
/// count them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blame {
    Client,
    Upstream,
    Cordon,
}

impl Blame {
    pub fn as_str(self) -> &'static str {
        match self {
            Blame::Client => "client",
            Blame::Upstream => "upstream",
            Blame::Cordon => "cordon",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProxyError {
    #[error("no such endpoint")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("missing or invalid API key")]
    Unauthorized,
    #[error("unsupported content type")]
    UnsupportedMediaType,
    #[error("request body exceeds {limit} bytes")]
    BodyTooLarge { limit: u64 },
    #[error("request body is not valid JSON: {0}")]
    BadJson(String),
    #[error("invalid request: {0}")]
    BadRequest(String),
    /// The model name is not echoed: it is client text, and may carry anything.
    #[error("the requested model is not available (GET /v1/models lists them)")]
    UnknownModel,
    #[error("the client took too long to send the request")]
    ClientTimeout,
    #[error("too many concurrent requests")]
    Overloaded,
    #[error("no upstream of route `{route}` can serve this request")]
    NoUpstream { route: String, detail: String },
    #[error("upstream `{upstream}` failed: {detail}")]
    UpstreamFailed { upstream: String, detail: String },
    #[error("upstream `{upstream}` did not answer in time")]
    UpstreamTimeout { upstream: String },
    #[error("the audit trail cannot be written; nothing was forwarded")]
    AuditUnavailable,
    /// The policy refused the request. Names the rule and entity types only.
    #[error("blocked by policy rule `{rule}`")]
    Blocked { rule: String, because: String },
    /// Decided on premises, and no on-premises upstream could take it: the
    /// request went nowhere else.
    #[error("no on-premises upstream of route `{route}` is available; the request was not sent anywhere else")]
    LocalUnavailable { route: String, detail: String },
    #[error("internal error: {0}")]
    Internal(String),
}

impl ProxyError {
    pub fn status(&self) -> StatusCode {
        match self {
            ProxyError::NotFound | ProxyError::UnknownModel => StatusCode::NOT_FOUND,
            ProxyError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ProxyError::Unauthorized => StatusCode::UNAUTHORIZED,
            ProxyError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProxyError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ProxyError::BadJson(_) | ProxyError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ProxyError::ClientTimeout => StatusCode::REQUEST_TIMEOUT,
            ProxyError::Blocked { .. } => StatusCode::FORBIDDEN,
            ProxyError::Overloaded
            | ProxyError::NoUpstream { .. }
            | ProxyError::AuditUnavailable
            | ProxyError::LocalUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ProxyError::UpstreamFailed { .. } => StatusCode::BAD_GATEWAY,
            ProxyError::UpstreamTimeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            ProxyError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn blame(&self) -> Blame {
        match self {
            ProxyError::UpstreamFailed { .. } | ProxyError::UpstreamTimeout { .. } => Blame::Upstream,
            ProxyError::NoUpstream { .. }
            | ProxyError::LocalUnavailable { .. }
            | ProxyError::Internal(_)
            | ProxyError::Overloaded
            | ProxyError::AuditUnavailable => Blame::Cordon,
            _ => Blame::Client,
        }
    }

    /// A short, stable label for logs and metrics.
    pub fn class(&self) -> &'static str {
        match self {
            ProxyError::NotFound => "not_found",
            ProxyError::MethodNotAllowed => "method_not_allowed",
            ProxyError::Unauthorized => "unauthorized",
            ProxyError::UnsupportedMediaType => "unsupported_media_type",
            ProxyError::BodyTooLarge { .. } => "body_too_large",
            ProxyError::BadJson(_) => "bad_json",
            ProxyError::BadRequest(_) => "bad_request",
            ProxyError::UnknownModel => "unknown_model",
            ProxyError::ClientTimeout => "client_timeout",
            ProxyError::Overloaded => "overloaded",
            ProxyError::NoUpstream { .. } => "no_upstream",
            ProxyError::UpstreamFailed { .. } => "upstream_failed",
            ProxyError::UpstreamTimeout { .. } => "upstream_timeout",
            ProxyError::AuditUnavailable => "audit_unavailable",
            ProxyError::Blocked { .. } => "blocked",
            ProxyError::LocalUnavailable { .. } => "local_unavailable",
            ProxyError::Internal(_) => "internal",
        }
    }

    fn message(&self) -> String {
        match self {
            ProxyError::NoUpstream { route, detail } => {
                format!("no upstream of route `{route}` can serve this request ({detail})")
            }
            ProxyError::Blocked { rule, because } => format!("blocked by policy rule `{rule}`: {because}"),
            ProxyError::LocalUnavailable { route, detail } => format!(
                "this request must be answered on premises and no upstream of route `{route}` is available ({detail}); it was not sent anywhere else"
            ),
            other => other.to_string(),
        }
    }

    /// The error as an HTTP response in the client's API shape.
    pub fn into_response(self, api: ApiKind) -> Response<ProxyBody> {
        let status = self.status();
        let body = error_body(api, status, &self.message());
        let mut resp = Response::new(full(Bytes::from(body)));
        *resp.status_mut() = status;
        let headers = resp.headers_mut();
        headers.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if matches!(self, ProxyError::Overloaded) {
            headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if matches!(self, ProxyError::Unauthorized) && api == ApiKind::OpenAi {
            headers.insert(http::header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        resp
    }
}

/// The JSON error body each API's SDKs understand.
pub fn error_body(api: ApiKind, status: StatusCode, message: &str) -> Vec<u8> {
    let value = match api {
        ApiKind::OpenAi => {
            let (kind, code) = match status.as_u16() {
                400 | 404 | 405 | 413 | 415 => ("invalid_request_error", status_code_name(status)),
                401 => ("invalid_request_error", "invalid_api_key"),
                403 => ("permission_error", "blocked_by_policy"),
                408 => ("timeout_error", "request_timeout"),
                429 | 503 => ("server_error", status_code_name(status)),
                _ => ("server_error", status_code_name(status)),
            };
            json!({"error": {"message": message, "type": kind, "param": null, "code": code}})
        }
        ApiKind::Anthropic => {
            let kind = match status.as_u16() {
                400 | 405 | 408 | 415 => "invalid_request_error",
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                413 => "request_too_large",
                429 => "rate_limit_error",
                503 => "overloaded_error",
                504 => "timeout_error",
                _ => "api_error",
            };
            json!({"type": "error", "error": {"type": kind, "message": message}})
        }
    };
    serde_json::to_vec(&value).unwrap_or_default()
}

fn status_code_name(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "request_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_per_api() {
        let v: serde_json::Value =
            serde_json::from_slice(&error_body(ApiKind::OpenAi, StatusCode::PAYLOAD_TOO_LARGE, "too big"))
                .expect("json");
        assert_eq!(v["error"]["message"], "too big");
        assert_eq!(v["error"]["type"], "invalid_request_error");
        let v: serde_json::Value =
            serde_json::from_slice(&error_body(ApiKind::Anthropic, StatusCode::UNAUTHORIZED, "no key")).expect("json");
        assert_eq!(v["type"], "error");
        assert_eq!(v["error"]["type"], "authentication_error");
    }

    #[test]
    fn statuses() {
        assert_eq!(ProxyError::ClientTimeout.status(), 408);
        assert_eq!(ProxyError::BodyTooLarge { limit: 1 }.status(), 413);
        assert_eq!(ProxyError::UpstreamTimeout { upstream: "u".into() }.status(), 504);
        assert_eq!(
            ProxyError::UpstreamFailed {
                upstream: "u".into(),
                detail: "x".into()
            }
            .status(),
            502
        );
        assert_eq!(ProxyError::Unauthorized.blame(), Blame::Client);
    }
}
