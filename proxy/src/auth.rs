//! Client authentication: a verified TLS client certificate (mTLS) whose
//! name a client claims, or an API key (as the OpenAI SDK sends it,
//! `Authorization: Bearer`, or as Anthropic's does, `x-api-key`), mapped to
//! a client and its tenant. Keys are compared in constant time.

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

/// The names (subject CN, DNS/URI/e-mail SANs) of the certificate a client
/// presented and the listener verified against its `client_ca`.
#[derive(Debug, Clone, Default)]
pub struct ClientCert(pub Vec<String>);

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
    pub fn authenticate(&self, headers: &HeaderMap, cert: Option<&ClientCert>) -> Result<Identity, ProxyError> {
        let Some(clients) = &self.clients else {
            return Ok(Identity::default());
        };
        let by_cert = cert.and_then(|cert| {
            clients.iter().find(|c| {
                c.cert_name
                    .as_ref()
                    .is_some_and(|n| cert.0.iter().any(|have| have == n))
            })
        });
        let c = match by_cert {
            Some(c) => c,
            None => {
                let presented = presented_key(headers).ok_or(ProxyError::Unauthorized)?;
                let mut found: Option<&Client> = None;
                for c in clients {
                    let Some(key) = &c.key else { continue };
                    let eq: bool = key.expose_secret().as_bytes().ct_eq(presented.as_bytes()).into();
                    if eq && found.is_none() {
                        found = Some(c);
                    }
                }
                found.ok_or(ProxyError::Unauthorized)?
            }
        };
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
                key: Some(SecretString::from("key-aaaaaaaaaaaaaaaa")),
                cert_name: None,
                route: None,
            },
            Client {
                name: "b".into(),
                tenant: "tb".into(),
                key: Some(SecretString::from("key-bbbbbbbbbbbbbbbb")),
                cert_name: Some("ward-app".into()),
                route: Some("local".into()),
            },
        ]))
    }

    #[test]
    fn bearer_and_x_api_key() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "Bearer key-bbbbbbbbbbbbbbbb".parse().expect("hv"));
        let id = auth().authenticate(&h, None).expect("ok");
        assert_eq!(id.tenant.as_deref(), Some("tb"));
        assert_eq!(id.route.as_deref(), Some("local"));
        let mut h = HeaderMap::new();
        h.insert("x-api-key", "key-aaaaaaaaaaaaaaaa".parse().expect("hv"));
        assert_eq!(auth().authenticate(&h, None).expect("ok").client.as_deref(), Some("a"));
    }

    #[test]
    fn certificate_names_identify_clients() {
        let cert = ClientCert(vec!["someone-else".into(), "ward-app".into()]);
        let id = auth().authenticate(&HeaderMap::new(), Some(&cert)).expect("ok");
        assert_eq!(id.client.as_deref(), Some("b"));
        let stranger = ClientCert(vec!["a".into()]);
        assert!(
            auth().authenticate(&HeaderMap::new(), Some(&stranger)).is_err(),
            "a name no client claims"
        );
    }

    #[test]
    fn wrong_or_missing_key() {
        let mut h = HeaderMap::new();
        assert!(auth().authenticate(&h, None).is_err());
        h.insert("authorization", "Bearer key-aaaaaaaaaaaaaaa".parse().expect("hv"));
        assert!(auth().authenticate(&h, None).is_err());
        assert!(Authenticator::new(None).authenticate(&HeaderMap::new(), None).is_ok());
    }
}
