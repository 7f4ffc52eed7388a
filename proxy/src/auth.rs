//! Client authentication: an API key (as the OpenAI SDK sends it,
//! `Authorization: Bearer`, or as Anthropic's does, `x-api-key`) mapped to a
//! client and its tenant. Keys are compared in constant time.

use http::HeaderMap;
use secrecy::ExposeSecret;
use subtle::ConstantTimeEq;

use crate::config::Client;
use crate::error::ProxyError;

/// Who sent a request.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    /// `None` when client authentication is off (loopback only).
    pub client: Option<String>,
    pub tenant: Option<String>,
    /// A route this client is pinned to.
    pub route: Option<String>,
}

pub struct Authenticator {
    clients: Option<Vec<Client>>,
}

impl Authenticator {
    pub fn new(clients: Option<Vec<Client>>) -> Self {
        Authenticator { clients }
    }

    /// Finds the client whose key the request presents. Every configured key
    /// is compared, whether or not an earlier one matched, so the time taken
    /// does not tell which client (if any) is close.
    pub fn authenticate(&self, headers: &HeaderMap) -> Result<Identity, ProxyError> {
        let Some(clients) = &self.clients else {
            return Ok(Identity::default());
        };
        let presented = presented_key(headers).ok_or(ProxyError::Unauthorized)?;
        let mut found: Option<&Client> = None;
        for c in clients {
            let eq: bool = c.key.expose_secret().as_bytes().ct_eq(presented.as_bytes()).into();
            if eq && found.is_none() {
                found = Some(c);
            }
        }
        let c = found.ok_or(ProxyError::Unauthorized)?;
        Ok(Identity {
            client: Some(c.name.clone()),
            tenant: Some(c.tenant.clone()),
            route: c.route.clone(),
        })
    }
}

fn presented_key(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get(http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        if v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer ") {
            return Some(v[7..].trim());
        }
    }
    for name in ["x-api-key", "api-key"] {
        if let Some(v) = headers.get(name).and_then(|v| v.to_str().ok()) {
            return Some(v.trim());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    fn auth() -> Authenticator {
        Authenticator::new(Some(vec![
            Client {
                name: "a".into(),
                tenant: "ta".into(),
                key: SecretString::from("key-aaaaaaaaaaaaaaaa"),
                route: None,
            },
            Client {
                name: "b".into(),
                tenant: "tb".into(),
                key: SecretString::from("key-bbbbbbbbbbbbbbbb"),
                route: Some("local".into()),
            },
        ]))
    }

    #[test]
    fn bearer_and_x_api_key() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "Bearer key-bbbbbbbbbbbbbbbb".parse().expect("hv"));
        let id = auth().authenticate(&h).expect("ok");
        assert_eq!(id.tenant.as_deref(), Some("tb"));
        assert_eq!(id.route.as_deref(), Some("local"));
        let mut h = HeaderMap::new();
        h.insert("x-api-key", "key-aaaaaaaaaaaaaaaa".parse().expect("hv"));
        assert_eq!(auth().authenticate(&h).expect("ok").client.as_deref(), Some("a"));
    }

    #[test]
    fn wrong_or_missing_key() {
        let mut h = HeaderMap::new();
        assert!(auth().authenticate(&h).is_err());
        h.insert("authorization", "Bearer key-aaaaaaaaaaaaaaa".parse().expect("hv"));
        assert!(auth().authenticate(&h).is_err());
        assert!(Authenticator::new(None).authenticate(&HeaderMap::new()).is_ok());
    }
}
