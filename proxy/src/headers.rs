//! Which headers cross the proxy. Hop-by-hop headers (RFC 9110 §7.6.1: the
//! fixed list and every name listed in `Connection`) never do; nor do the
//! client's credentials, which are replaced by the upstream's own key.

use http::header::{HeaderMap, HeaderName};

/// Hop-by-hop headers, plus those that describe the body we re-encode.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "proxy-authenticate",
    "proxy-authorization",
    "host",
    "content-length",
];

/// Client headers that identify or authenticate the client to a vendor:
/// never forwarded.
const CLIENT_CREDENTIALS: &[&str] = &[
    "authorization",
    "x-api-key",
    "api-key",
    "cookie",
    "openai-organization",
    "openai-project",
];

/// Upstream headers that identify our account or set state on the client.
const UPSTREAM_PRIVATE: &[&str] = &["set-cookie", "openai-organization", "openai-project"];

fn connection_listed(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(http::header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

fn copy_except(src: &HeaderMap, dst: &mut HeaderMap, drop: &[&str], keep: impl Fn(&HeaderName) -> bool) {
    let listed = connection_listed(src);
    for (name, value) in src {
        let n = name.as_str();
        if HOP_BY_HOP.contains(&n) || drop.contains(&n) || listed.iter().any(|l| l == n) || !keep(name) {
            continue;
        }
        dst.append(name.clone(), value.clone());
    }
}

/// The client's headers that go upstream: end-to-end ones, without
/// credentials, Cordon's own `x-cordon-*` and `accept-encoding` (we ask the
/// upstream for identity encoding so the answer can be read on the way back).
pub fn request_headers(client: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::with_capacity(client.len());
    copy_except(client, &mut out, CLIENT_CREDENTIALS, |n| {
        let s = n.as_str();
        !s.starts_with("x-cordon-")
            && s != "accept-encoding"
            && s != "expect"
            && s != "forwarded"
            && !s.starts_with("x-forwarded-")
    });
    out
}

/// The upstream's headers that go back to the client.
/// `keep_length`: the body is relayed unchanged, so its length still holds.
pub fn response_headers(upstream: &HeaderMap, keep_length: bool) -> HeaderMap {
    let mut out = HeaderMap::with_capacity(upstream.len() + 4);
    copy_except(upstream, &mut out, UPSTREAM_PRIVATE, |n| {
        !n.as_str().starts_with("x-cordon-")
    });
    if keep_length {
        if let Some(len) = upstream.get(http::header::CONTENT_LENGTH) {
            out.insert(http::header::CONTENT_LENGTH, len.clone());
        }
    } else {
        out.remove(http::header::CONTENT_ENCODING);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_hop_by_hop_and_credentials() {
        let mut h = HeaderMap::new();
        for (k, v) in [
            ("authorization", "Bearer client-secret"),
            ("x-api-key", "client-secret"),
            ("connection", "keep-alive, x-custom-hop"),
            ("x-custom-hop", "1"),
            ("keep-alive", "timeout=5"),
            ("te", "trailers"),
            ("x-cordon-route", "local"),
            ("anthropic-version", "2023-06-01"),
            ("user-agent", "sdk/1.0"),
            ("x-stainless-lang", "python"),
            ("content-length", "12"),
        ] {
            h.append(k, v.parse().expect("hv"));
        }
        let out = request_headers(&h);
        let names: Vec<&str> = out.keys().map(|k| k.as_str()).collect();
        assert_eq!(names, vec!["anthropic-version", "user-agent", "x-stainless-lang"]);
    }

    #[test]
    fn response_keeps_length_only_when_unchanged() {
        let mut h = HeaderMap::new();
        h.insert("content-length", "5".parse().expect("hv"));
        h.insert("set-cookie", "a=b".parse().expect("hv"));
        h.insert("x-request-id", "r1".parse().expect("hv"));
        assert!(response_headers(&h, true).contains_key("content-length"));
        let out = response_headers(&h, false);
        assert!(!out.contains_key("content-length"));
        assert!(!out.contains_key("set-cookie"));
        assert!(out.contains_key("x-request-id"));
    }
}
