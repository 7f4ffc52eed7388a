//! Shared test support for Cordon's end-to-end tests and benchmarks.
//!
//! - [`FakeCloud`]: Azure OpenAI, AWS Bedrock, the Gemini API and Vertex AI
//!   on one loopback port, each checking its own authentication (api-key,
//!   SigV4, x-goog-api-key, an OAuth token minted from a signed JWT).
//! - [`FakeUpstream`]: a vendor stand-in on 127.0.0.1 that speaks the OpenAI
//!   and Anthropic APIs (plain and streaming), records every request it gets,
//!   and can be told to fail, hang, or hold a stream after its first event;
//!   [`local::Quirks`] makes it answer like vLLM, Ollama or llama.cpp's server.
//! - [`Cordon`]: the real `cordon` binary started on port 0 with a config
//!   written to a temp dir; waits for its `listening` log events (bounded),
//!   keeps its logs for assertions, and is killed on drop.
//! - [`Pki`]: a test CA, server and client certificates (rcgen).
//! - [`Postgres`]: a real PostgreSQL server in a temporary folder on a free
//!   loopback port (Debian's package; `scripts/fetch-postgres`).
//! - [`sdk_python`]: a venv with the official `openai` and `anthropic` SDKs;
//!   [`leakbench_python`]: one with the `pii-leak-benchmark` conformance harness.
//! - [`Browser`]: headless Chromium over WebDriver (chromedriver on loopback)
//!   to drive the web console; screenshots go to [`browser::artifacts_dir`];
//!   [`console`]: signing in to it with a plain HTTP client.
//! - [`idp::FakeIdp`]: an OpenID Connect issuer (JWKS, authorization code
//!   flow with PKCE) for the console's sign-ins.
//!
//! Everything listens on loopback; every wait is bounded.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod bench;
pub mod browser;
pub mod clouds;
pub mod console;
pub mod fake;
pub mod idp;
pub mod local;
pub mod pki;
pub mod postgres;
pub mod process;
pub mod sdk;
pub mod syslog;

pub use browser::Browser;
pub use clouds::FakeCloud;
pub use fake::{Behavior, FakeUpstream, Recorded};
pub use pki::Pki;
pub use postgres::Postgres;
pub use process::Cordon;
pub use sdk::{leakbench_python, sdk_python};

/// A port free on 127.0.0.1 now (for a listener whose address must be
/// written in its own config, such as the console's single sign-on
/// redirect).
///
/// It is taken below the kernel's ephemeral range, so the outgoing
/// connections of the tests running beside this one cannot take it between
/// now and the moment its listener binds it; only another test's explicit
/// bind could, and the start is random so two callers rarely try the same.
pub fn free_port() -> u16 {
    let any = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    let Some((low, high)) = below_ephemeral() else {
        return any();
    };
    let span = u32::from(high - low);
    // A random start: RandomState is seeded per process and per instance.
    let seed = std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), std::process::id());
    let start = (seed % u64::from(span)) as u32;
    (0..span)
        .map(|i| low + ((start + i) % span) as u16)
        .find(|&port| std::net::TcpListener::bind(("127.0.0.1", port)).is_ok())
        .unwrap_or_else(any)
}

/// The ports [`free_port`] picks from: 10000 up to the start of the kernel's
/// ephemeral range (32768 on Linux by default); none when that range starts
/// lower.
fn below_ephemeral() -> Option<(u16, u16)> {
    let first_ephemeral = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    (first_ephemeral > 11000).then_some((10000, first_ephemeral))
}

/// Fails the test when `cond` does not hold within `timeout`, polling every 20 ms.
pub async fn eventually<F: FnMut() -> bool>(timeout: std::time::Duration, what: &str, mut cond: F) {
    let deadline = std::time::Instant::now() + timeout;
    while !cond() {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Whether `text` shows the test card number 4111 1111 1111 1111 in any of
/// the ways it is written. A bare "4111" is not enough: it turns up by chance
/// in hex fingerprints, ids and timestamps.
pub fn shows_card(text: &str) -> bool {
    ["4111 1111", "4111-1111", "4111111111111111"]
        .iter()
        .any(|form| text.contains(form))
}

#[cfg(test)]
mod free_port_tests {
    use super::{below_ephemeral, free_port};

    #[test]
    fn free_ports_are_below_the_ephemeral_range_and_bindable() {
        let (low, high) = below_ephemeral().expect("Linux's default range starts at 32768");
        for _ in 0..20 {
            let port = free_port();
            assert!((low..high).contains(&port), "{port} not in {low}..{high}");
            std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        }
    }
}
