//! The evidence a compliance officer files: the verification summary, the
//! period's report, and decisions as CSV. Shared by `cordon audit` and the console.

use super::read::{format_time, Row};
use super::verify;
use std::collections::BTreeMap;

pub fn describe(r: &verify::Report) -> String {
    if let Some(b) = &r.first_bad {
        let seq = b.seq.map(|s| format!(" (seq {s})")).unwrap_or_default();
        return format!(
            "FAILED: first bad record: {} line {}{seq}: {}",
            b.segment, b.line, b.reason
        );
    }
    let mut text = format!(
        "OK: {}",
        chain_summary(
            r.records,
            r.checkpoints,
            Some(r.segments),
            r.first_seq,
            r.last_seq,
            r.signed_through,
            r.unsigned_tail
        )
    );
    if r.incomplete_tail {
        text.push_str("; an incomplete last line was skipped (a write in progress, or a crash not yet repaired)");
    }
    text
}

/// What a chain that verified holds: "N records and M signed checkpoints
/// [in S segment(s)], seq A..B; signed through seq C", and the records
/// chained after the last checkpoint. Said of a local trail and of each
/// replica in the fleet.
pub fn chain_summary(
    records: u64,
    checkpoints: u64,
    segments: Option<usize>,
    first_seq: Option<u64>,
    last_seq: u64,
    signed_through: u64,
    unsigned_tail: u64,
) -> String {
    let segments = segments.map(|n| format!(" in {n} segment(s)")).unwrap_or_default();
    let mut text = format!(
        "{records} records and {checkpoints} signed checkpoints{segments}, seq {}..{last_seq}; signed through seq {signed_through}",
        first_seq.unwrap_or(0)
    );
    if unsigned_tail > 0 {
        text.push_str(&format!(" ({unsigned_tail} later record(s) chained, not yet signed)"));
    }
    text
}

/// The categories every report accounts for, in this order.
pub const CATEGORIES: [&str; 4] = ["PHI", "PII", "FINANCIAL", "SECRET"];

/// Requests per upstream: its zone, requests by action, requests by category.
pub type UpstreamCounts = (String, BTreeMap<String, u64>, BTreeMap<String, u64>);

/// What a report says of a period's decisions.
#[derive(Debug, Default)]
pub struct Summary {
    /// By upstream (`(not forwarded)` for the rest).
    pub per_upstream: BTreeMap<String, UpstreamCounts>,
    /// By category: requests holding it forwarded to a cloud upstream, as
    /// `(in clear, pseudonymized)`: the second had the values replaced by
    /// placeholders before they left.
    pub to_cloud: BTreeMap<String, (u64, u64)>,
}

pub fn summarize(rows: &[Row]) -> Summary {
    let mut s = Summary {
        to_cloud: CATEGORIES.iter().map(|c| (c.to_string(), (0, 0))).collect(),
        ..Summary::default()
    };
    for r in rows {
        let up = r
            .outcome
            .as_ref()
            .and_then(|o| o.upstream.clone())
            .unwrap_or_else(|| "(not forwarded)".into());
        let e = s
            .per_upstream
            .entry(up)
            .or_insert_with(|| (r.decision.zone.clone(), BTreeMap::new(), BTreeMap::new()));
        *e.1.entry(r.decision.action.clone()).or_default() += 1;
        for c in r.decision.categories.keys() {
            *e.2.entry(c.clone()).or_default() += 1;
        }
        let forwarded = r.outcome.as_ref().is_some_and(|o| o.upstream.is_some());
        if forwarded && r.decision.zone == "cloud" {
            let pseudonymized = !r.decision.pseudonymized.is_empty() || r.decision.action == "pseudonymize";
            for c in r.decision.categories.keys() {
                let n = s.to_cloud.entry(c.clone()).or_default();
                if pseudonymized {
                    n.1 += 1;
                } else {
                    n.0 += 1;
                }
            }
        }
    }
    s
}

pub fn report_text(from: Option<&str>, to: Option<&str>, rows: &[Row], verification: &verify::Report) -> String {
    report_text_for(from, to, rows, &describe(verification))
}

/// The report, with `trail` saying how the records were verified (one
/// trail, or every replica's from PostgreSQL).
pub fn report_text_for(from: Option<&str>, to: Option<&str>, rows: &[Row], trail: &str) -> String {
    let period = format!(
        "{} to {}",
        from.unwrap_or("the start of the trail"),
        to.unwrap_or("now")
    );
    let mut out = format!("Cordon audit report\nperiod: {period}\ntrail: {trail}\n\n");
    let s = summarize(rows);
    out.push_str(&format!("requests: {}\n", rows.len()));
    for (up, (zone, actions, cats)) in &s.per_upstream {
        let total: u64 = actions.values().sum();
        out.push_str(&format!("\nupstream {up} (zone {zone}): {total} requests\n"));
        for (a, n) in actions {
            out.push_str(&format!("  action {a:<14} {n}\n"));
        }
        for (c, n) in cats {
            out.push_str(&format!("  with {c:<16} {n}\n"));
        }
    }
    out.push('\n');
    for cat in CATEGORIES {
        let (clear, pseudo) = s.to_cloud.get(cat).copied().unwrap_or_default();
        out.push_str(&format!(
            "{clear} requests with {cat} reached any cloud upstream in clear in this period"
        ));
        if pseudo > 0 {
            out.push_str(&format!(
                " ({pseudo} more pseudonymized: values replaced before they left)"
            ));
        }
        out.push('\n');
    }
    out
}

pub const CSV_HEADER: &str =
    "seq,time,decision_id,tenant,client,endpoint,model,route,zone,action,rule,entities,status,upstream,model_served,latency_ms,tokens_in,tokens_out,cost_usd,error";

/// Decisions with their outcomes as CSV (RFC 4180 quoting), the header first when `header`.
pub fn write_csv(rows: &[Row], out: &mut dyn std::io::Write, header: bool) -> Result<(), String> {
    let w = |out: &mut dyn std::io::Write, s: &str| writeln!(out, "{s}").map_err(|e| e.to_string());
    if header {
        w(out, CSV_HEADER)?;
    }
    for r in rows {
        let line: Vec<String> = csv_fields(r).iter().map(|f| csv_field(f)).collect();
        w(out, &line.join(","))?;
    }
    Ok(())
}

/// [`write_csv`] for a fleet: each row with the replica that wrote it
/// (its sequence number is that replica's), as a first column `replica`.
pub fn write_fleet_csv(rows: &[(String, Row)], out: &mut dyn std::io::Write) -> Result<(), String> {
    let w = |out: &mut dyn std::io::Write, s: &str| writeln!(out, "{s}").map_err(|e| e.to_string());
    w(out, &format!("replica,{CSV_HEADER}"))?;
    for (replica, r) in rows {
        let line: Vec<String> = std::iter::once(csv_field(replica))
            .chain(csv_fields(r).iter().map(|f| csv_field(f)))
            .collect();
        w(out, &line.join(","))?;
    }
    Ok(())
}

/// One row's fields, in the order of [`CSV_HEADER`].
fn csv_fields(r: &Row) -> [String; 20] {
    let d = &r.decision;
    let o = r.outcome.clone().unwrap_or_default();
    let ents: Vec<String> = d.entities.iter().map(|(k, n)| format!("{k}={n}")).collect();
    [
        r.seq.to_string(),
        format_time(r.ts_ms),
        d.id.clone(),
        d.tenant.clone().unwrap_or_default(),
        d.client.clone().unwrap_or_default(),
        d.endpoint.clone(),
        d.model.clone(),
        d.route.clone(),
        d.zone.clone(),
        d.action.clone(),
        d.rule.clone(),
        ents.join(";"),
        if r.outcome.is_some() {
            o.status.to_string()
        } else {
            String::new()
        },
        o.upstream.unwrap_or_default(),
        o.model_served.unwrap_or_default(),
        format!("{:.3}", o.latency_ms),
        o.tokens_in.map(|t| t.to_string()).unwrap_or_default(),
        o.tokens_out.map(|t| t.to_string()).unwrap_or_default(),
        o.cost_usd.map(|c| format!("{c:.6}")).unwrap_or_default(),
        o.error.unwrap_or_default(),
    ]
}

/// One CSV field (RFC 4180 quoting). A field a spreadsheet would run as a
/// formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return,
/// as a client-chosen model name might) is written with a leading `'`, so
/// that opening an export never runs what a client sent.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonymized_requests_are_counted_apart_from_those_in_clear() {
        use crate::audit::{DecisionRecord, OutcomeRecord};
        let row = |action: &str, zone: &str, upstream: Option<&str>| Row {
            seq: 1,
            ts_ms: 0,
            decision: DecisionRecord {
                action: action.into(),
                zone: zone.into(),
                categories: [("FINANCIAL".to_string(), 1)].into(),
                ..Default::default()
            },
            outcome: Some(OutcomeRecord {
                upstream: upstream.map(str::to_string),
                ..Default::default()
            }),
        };
        let rows = [
            row("cloud", "cloud", Some("openai")),
            row("pseudonymize", "cloud", Some("openai")),
            row("pseudonymize", "cloud", Some("openai")),
            row("local", "local", Some("vllm")),
            row("cloud", "cloud", None),
        ];
        let s = summarize(&rows);
        assert_eq!(s.to_cloud["FINANCIAL"], (1, 2));
        assert_eq!(s.to_cloud["PHI"], (0, 0));
        assert_eq!(s.per_upstream["openai"].1["pseudonymize"], 2);
        assert_eq!(s.per_upstream["(not forwarded)"].1["cloud"], 1);
        let text = report_text(None, None, &rows, &verify::Report::default());
        assert!(
            text.contains(
                "1 requests with FINANCIAL reached any cloud upstream in clear in this period \
             (2 more pseudonymized: values replaced before they left)\n"
            ),
            "{text}"
        );
        assert!(text.contains("0 requests with PHI reached any cloud upstream in clear in this period\n"));
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("gpt-4o"), "gpt-4o");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("a\rb"), "\"a\rb\"");
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        for f in ["+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(csv_field(f).starts_with('\''), "{f}");
        }
    }
}
