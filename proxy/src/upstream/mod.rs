//! Upstreams: where a decided request may go. One file per kind
//! (`openai`, `anthropic`, `engine`); request translation lives apart, in
//! `crate::translate`, and this module only sends.

pub mod anthropic;
pub mod engine;
pub mod openai;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use cordon_engine::Engine;
use http::HeaderMap;

use crate::api::{ApiKind, Endpoint};
use crate::config::{self, UpstreamKind, Zone};

/// Why an upstream could not be used for a request.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Nothing reached the upstream (refused, DNS, TLS): safe to try another.
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("no response within {0:?}")]
    Timeout(Duration),
    #[error("request failed: {0}")]
    Other(String),
}

/// A configured upstream, ready to send.
pub struct Upstream {
    pub config: config::Upstream,
    /// `None` for the built-in engine.
    client: Option<reqwest::Client>,
    /// The built-in engine, or why it could not be loaded.
    engine: Option<Result<Arc<Engine>, String>>,
}

impl Upstream {
    pub fn new(config: config::Upstream) -> Result<Upstream, String> {
        let (client, engine) = match config.kind {
            UpstreamKind::Engine => (None, Some(engine::load(&config))),
            UpstreamKind::Openai | UpstreamKind::Anthropic => (Some(http_client(&config)?), None),
        };
        Ok(Upstream { config, client, engine })
    }

    pub fn name(&self) -> &str {
        &self.config.name
    }

    pub fn zone(&self) -> Zone {
        self.config.zone
    }

    /// The API this upstream speaks.
    pub fn api(&self) -> ApiKind {
        match self.config.kind {
            UpstreamKind::Anthropic => ApiKind::Anthropic,
            UpstreamKind::Openai | UpstreamKind::Engine => ApiKind::OpenAi,
        }
    }

    /// The built-in engine, when this upstream is one and it loaded.
    pub fn engine(&self) -> Option<&Arc<Engine>> {
        self.engine.as_ref().and_then(|e| e.as_ref().ok())
    }

    /// `Err(reason)` when the upstream cannot take requests at all.
    pub fn availability(&self) -> Result<(), String> {
        match self.config.kind {
            UpstreamKind::Engine => match &self.engine {
                Some(Ok(_)) => Ok(()),
                Some(Err(reason)) => Err(reason.clone()),
                None => Err("not loaded".into()),
            },
            UpstreamKind::Openai | UpstreamKind::Anthropic => match (&self.config.api_key, &self.config.api_key_env) {
                (None, Some(var)) => Err(format!("{var} is not set")),
                _ => Ok(()),
            },
        }
    }

    /// Whether this upstream has an endpoint for requests of `endpoint`
    /// (Anthropic serves chat through its own Messages API; embeddings,
    /// completions and responses are OpenAI's alone).
    pub fn serves(&self, endpoint: Endpoint) -> bool {
        if self.config.kind == UpstreamKind::Engine {
            // The engine answers chat; Anthropic's Messages reach it translated.
            return matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages);
        }
        match self.api() {
            // Anthropic's Messages are served through chat completions.
            ApiKind::OpenAi => endpoint.openai_path().is_some() || endpoint == Endpoint::Messages,
            ApiKind::Anthropic => matches!(endpoint, Endpoint::ChatCompletions | Endpoint::Messages),
        }
    }

    /// Sends a request body, already in this upstream's API, and returns once
    /// the response headers are in. The body is read by the caller, chunk by
    /// chunk, under the upstream's read timeout.
    pub async fn send(
        &self,
        endpoint: Endpoint,
        mut headers: HeaderMap,
        body: Bytes,
    ) -> Result<reqwest::Response, SendError> {
        if let Some(Ok(engine)) = &self.engine {
            return Ok(crate::engine_api::chat(engine, &body).await.into_reqwest());
        }
        let Some(client) = &self.client else {
            return Err(SendError::Other(
                self.availability()
                    .err()
                    .unwrap_or_else(|| "not an HTTP upstream".into()),
            ));
        };
        let url = match self.config.kind {
            UpstreamKind::Anthropic => anthropic::url(&self.config, endpoint),
            _ => openai::url(&self.config, endpoint),
        }
        .ok_or_else(|| SendError::Other("endpoint not served by this upstream".into()))?;
        match self.config.kind {
            UpstreamKind::Anthropic => anthropic::authorize(&self.config, &mut headers),
            _ => openai::authorize(&self.config, &mut headers),
        }
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        headers.insert(
            http::header::ACCEPT_ENCODING,
            http::HeaderValue::from_static("identity"),
        );
        let fut = client.post(url).headers(headers).body(body).send();
        match tokio::time::timeout(self.config.timeout, fut).await {
            Err(_) => Err(SendError::Timeout(self.config.timeout)),
            Ok(Ok(resp)) => Ok(resp),
            Ok(Err(e)) if e.is_connect() => Err(SendError::Connect(describe(e))),
            Ok(Err(e)) if e.is_timeout() => Err(SendError::Timeout(self.config.timeout)),
            Ok(Err(e)) => Err(SendError::Other(describe(e))),
        }
    }
}

/// A reqwest error and its causes, without the URL (which could carry a
/// key in a query string).
fn describe(e: reqwest::Error) -> String {
    use std::error::Error;
    let e = e.without_url();
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

fn http_client(cfg: &config::Upstream) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(cfg.connect_timeout)
        .read_timeout(cfg.read_timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(256)
        .tcp_nodelay(true)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("cordon/", env!("CARGO_PKG_VERSION")));
    if let Some(ca) = &cfg.ca_file {
        let pem = std::fs::read(ca).map_err(|e| format!("cannot read {}: {e}", ca.display()))?;
        let certs =
            reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| format!("bad CA bundle {}: {e}", ca.display()))?;
        for c in certs {
            builder = builder.add_root_certificate(c);
        }
    }
    builder.build().map_err(|e| format!("cannot build HTTP client: {e}"))
}
