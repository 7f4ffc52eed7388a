//! The SIEM feed as RFC 5424 syslog over TLS (RFC 5425): each decision and
//! outcome record, mapped to the same OCSF fields as the OTLP feed
//! (`audit::siem`), as one message with octet-counting framing.
//!
//! ```text
//! 512 <109>1 2026-12-06T11:30:00.123Z replica-0 cordon 4711 cordon.decision - \
//!   [ocsf@32473 class_uid="6003" ... dst_endpoint.zone="onprem"] \
//!   [cordon@32473 entities.US_SSN="1" text_parts="1"] local by rule phi on route onprem
//! ```
//!
//! - PRI: facility 13 (log audit); severity 6 (informational), 5 (notice)
//!   for a blocked request or a failed outcome.
//! - HOSTNAME is the replica, APP-NAME `app_name`, PROCID the process id,
//!   MSGID the activity (`cordon.decision`, `cordon.outcome`).
//! - Two structured-data elements under the documentation enterprise number
//!   32473 (RFC 5612): `ocsf@32473` holds the OCSF fields, dotted as in the
//!   OTLP feed; `cordon@32473` holds what OCSF has no field for (the
//!   `unmapped.cordon.` prefix dropped). Parameter names longer than
//!   RFC 5424's 32 characters are cut.
//! - MSG is the record's one-line summary (names only).
//!
//! Like the trail, a message carries names and counts, never a detected
//! value. Sending never blocks a request: messages go through a bounded
//! queue to one connection task; when the queue is full (the collector is
//! down or slow) a message is dropped and counted. The task reconnects
//! with backoff and resends the message it was writing.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;

use super::siem::{Event, Val};
use crate::config::telemetry::SyslogConfig;

/// The enterprise number RFC 5612 reserves for documentation and examples.
const PEN: u32 = 32473;
/// Facility 13: log audit.
const FACILITY: u8 = 13;
const NILVALUE: &str = "-";

/// The feed's counters, read by `/metrics`.
#[derive(Debug, Default)]
pub struct SyslogStats {
    pub sent: AtomicU64,
    pub dropped: AtomicU64,
    pub connected: AtomicBool,
}

struct Feed {
    tx: mpsc::Sender<String>,
    app_name: String,
    stats: Arc<SyslogStats>,
}

static FEED: OnceLock<Feed> = OnceLock::new();

/// Whether the feed is on.
pub fn enabled() -> bool {
    FEED.get().is_some()
}

/// The feed's counters, when it is on.
pub fn stats() -> Option<Arc<SyslogStats>> {
    FEED.get().map(|f| f.stats.clone())
}

/// Starts the feed's connection task on the current tokio runtime.
pub fn install(cfg: &SyslogConfig) -> Result<(), String> {
    let tls = client_config(cfg)?;
    let server_name = rustls_pki_types::ServerName::try_from(cfg.server_name.clone())
        .map_err(|e| format!("siem_syslog.server_name `{}`: {e}", cfg.server_name))?;
    let handle = tokio::runtime::Handle::try_current().map_err(|e| format!("siem_syslog: {e}"))?;
    let (tx, rx) = mpsc::channel(cfg.queue.max(1));
    let stats = Arc::new(SyslogStats::default());
    let feed = Feed {
        tx,
        app_name: cfg.app_name.clone(),
        stats: stats.clone(),
    };
    if FEED.set(feed).is_err() {
        return Err("siem_syslog: the feed is already running".into());
    }
    handle.spawn(run(cfg.endpoint.clone(), server_name, tls, rx, stats));
    Ok(())
}

/// Queues a record's message; drops it (and counts it) when the queue is full.
pub fn send(e: Event) {
    let Some(feed) = FEED.get() else { return };
    let msg = format(&e, &feed.app_name, std::process::id());
    if feed.tx.try_send(frame(&msg)).is_err() {
        feed.stats.dropped.fetch_add(1, Ordering::Relaxed);
    }
}

fn client_config(cfg: &SyslogConfig) -> Result<Arc<rustls::ClientConfig>, String> {
    crate::tls::client_config(cfg.ca.as_deref())
        .map(Arc::new)
        .map_err(|e| format!("siem_syslog.tls: {e}"))
}

/// The connection task: connect, write frames in order, reconnect on error.
async fn run(
    addr: String,
    server_name: rustls_pki_types::ServerName<'static>,
    tls: Arc<rustls::ClientConfig>,
    mut rx: mpsc::Receiver<String>,
    stats: Arc<SyslogStats>,
) {
    let connector = tokio_rustls::TlsConnector::from(tls);
    let mut pending: Option<String> = None;
    let mut backoff = Duration::from_millis(250);
    loop {
        let conn = async {
            let tcp = tokio::net::TcpStream::connect(&addr).await?;
            tcp.set_nodelay(true)?;
            connector.connect(server_name.clone(), tcp).await
        };
        let mut stream = match tokio::time::timeout(Duration::from_secs(10), conn).await {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, addr = %addr, "SIEM syslog: cannot connect");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(30));
                continue;
            }
            Err(_) => {
                tracing::warn!(addr = %addr, "SIEM syslog: connect timed out");
                continue;
            }
        };
        stats.connected.store(true, Ordering::Release);
        backoff = Duration::from_millis(250);
        loop {
            let msg = match pending.take() {
                Some(m) => m,
                None => match rx.recv().await {
                    Some(m) => m,
                    // Shutdown: the sender is gone.
                    None => {
                        let _ = stream.shutdown().await;
                        return;
                    }
                },
            };
            let wrote = async {
                stream.write_all(msg.as_bytes()).await?;
                // Batch what is already queued before flushing.
                while let Ok(next) = rx.try_recv() {
                    stream.write_all(next.as_bytes()).await?;
                    stats.sent.fetch_add(1, Ordering::Relaxed);
                }
                stream.flush().await
            };
            match wrote.await {
                Ok(()) => {
                    stats.sent.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "SIEM syslog: connection lost; reconnecting");
                    stats.connected.store(false, Ordering::Release);
                    pending = Some(msg);
                    break;
                }
            }
        }
    }
}

/// RFC 5425's octet counting: the message's length in bytes, a space, the message.
fn frame(msg: &str) -> String {
    format!("{} {msg}", msg.len())
}

/// One RFC 5424 message for `e`.
fn format(e: &Event, app_name: &str, pid: u32) -> String {
    let severity = if e.failure { 5 } else { 6 };
    let pri = u32::from(FACILITY) * 8 + severity;
    let host = e
        .fields
        .iter()
        .find(|(k, _)| k == "metadata.log_provider")
        .map(|(_, v)| v.to_string())
        .unwrap_or_default();
    let mut ocsf = format!("[ocsf@{PEN}");
    let mut cordon = format!("[cordon@{PEN}");
    for (k, v) in &e.fields {
        match k.strip_prefix("unmapped.cordon.") {
            Some(rest) => param(&mut cordon, rest, v),
            None => param(&mut ocsf, k, v),
        }
    }
    ocsf.push(']');
    cordon.push(']');
    let sd = if cordon.len() > format!("[cordon@{PEN}]").len() {
        format!("{ocsf}{cordon}")
    } else {
        ocsf
    };
    format!(
        "<{pri}>1 {} {} {} {pid} {} {sd} {}",
        super::read::format_time(e.ts_ms),
        header_field(&host, 255),
        header_field(app_name, 48),
        header_field(e.activity, 32),
        e.body
    )
}

/// A header field: printable US-ASCII without spaces, at most `max` bytes, `-` when empty.
fn header_field(s: &str, max: usize) -> String {
    let v: String = s.chars().filter(|c| c.is_ascii_graphic()).take(max).collect();
    if v.is_empty() {
        NILVALUE.into()
    } else {
        v
    }
}

/// ` name="value"`: the name cut to 32 printable characters without `=`,
/// space, `]` or `"`; the value with `"`, `\` and `]` escaped.
fn param(out: &mut String, name: &str, v: &Val) {
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_graphic() && !matches!(c, '=' | ']' | '"'))
        .take(32)
        .collect();
    if name.is_empty() {
        return;
    }
    out.push(' ');
    out.push_str(&name);
    out.push_str("=\"");
    for c in v.to_string().chars() {
        if matches!(c, '"' | '\\' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Event {
            activity: "cordon.decision",
            ts_ms: 1_782_864_000_123,
            body: "local by rule phi on route onprem".into(),
            failure: false,
            fields: vec![
                ("class_uid".into(), Val::I(6003)),
                ("metadata.log_provider".into(), Val::S("cordon-0".into())),
                ("policy.name".into(), Val::S("odd \"rule\" [x]".into())),
                ("unmapped.cordon.entities.US_SSN".into(), Val::I(2)),
                (
                    "unmapped.cordon.entities.A_VERY_LONG_CUSTOM_ENTITY_NAME_INDEED".into(),
                    Val::I(1),
                ),
            ],
        }
    }

    #[test]
    fn a_record_is_one_rfc5424_message_with_structured_data() {
        let m = format(&event(), "cordon", 4711);
        let want = concat!(
            "<110>1 2026-07-01T00:00:00.123Z cordon-0 cordon 4711 cordon.decision ",
            r#"[ocsf@32473 class_uid="6003" metadata.log_provider="cordon-0" policy.name="odd \"rule\" [x\]"]"#,
            r#"[cordon@32473 entities.US_SSN="2" entities.A_VERY_LONG_CUSTOM_ENTI="1"]"#,
            " local by rule phi on route onprem"
        );
        assert_eq!(m, want);
    }

    #[test]
    fn a_blocked_request_is_a_notice_and_frames_count_octets() {
        let mut e = event();
        e.failure = true;
        let m = format(&e, "cordon", 1);
        assert!(m.starts_with("<109>1 "), "{m}");
        let f = frame("héllo");
        assert_eq!(f, "6 héllo");
    }

    #[test]
    fn header_fields_are_printable_ascii_or_nil() {
        assert_eq!(header_field("", 10), "-");
        assert_eq!(header_field("répl ica", 10), "rplica");
        assert_eq!(header_field("abcdef", 3), "abc");
    }
}
