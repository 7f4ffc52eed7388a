//! `cordon audit ...`: read and verify the audit trail.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use cordon::audit::read::{self, format_time, parse_time, Filter, Row};
use cordon::audit::{keys, report, verify, AuditConfig};
use cordon::config::{audit_section, ProcessEnv, Source};
use secrecy::SecretString;

use super::output;

#[derive(Args)]
pub struct Where {
    /// Read the `audit` section of this config.
    #[arg(long, short, global = true, conflicts_with = "dir")]
    config: Option<PathBuf>,
    /// The trail's folder.
    #[arg(long, global = true)]
    dir: Option<PathBuf>,
    /// Read every replica's trail from PostgreSQL (`audit.ship.postgres` of
    /// --config): verify, query, stats and report.
    #[arg(long, global = true, requires = "config")]
    fleet: bool,
    /// With --fleet: only this replica (query, stats, report).
    #[arg(long, global = true, requires = "fleet")]
    replica: Option<String>,
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the whole trail offline: chain, sequence, signed checkpoints, truncation.
    Verify {
        /// The public key to trust (`cordon audit pubkey` output). Default: the
        /// trail's own audit.pub, which proves integrity only if you trust that file.
        #[arg(long)]
        pubkey: Option<PathBuf>,
        /// A signed checkpoint kept off this host (`cordon audit checkpoint`
        /// output, or a copy of head.json): the trail must still hold it,
        /// which catches the newest records removed together with head.json.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
    },
    /// Print the trail's latest signed checkpoint (head.json), after checking
    /// its signature, to keep off this host for `verify --checkpoint`.
    Checkpoint {
        /// Write it to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The public key to trust. Default: as for `verify`.
        #[arg(long)]
        pubkey: Option<PathBuf>,
    },
    /// Print the public key that verifies the trail's checkpoints.
    Pubkey,
    /// List decisions matching filters.
    Query {
        #[command(flatten)]
        filter: FilterArgs,
        /// Find every record that touched this value (an SSN, an e-mail), by its keyed fingerprint.
        #[arg(long)]
        subject: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Shorthand for --format json.
        #[arg(long)]
        json: bool,
        /// Shorthand for --format csv.
        #[arg(long)]
        csv: bool,
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Show the last decisions; with -f, keep printing new ones.
    Tail {
        #[arg(short = 'n', default_value = "10")]
        lines: usize,
        #[arg(short = 'f', long)]
        follow: bool,
    },
    /// Export decisions (with their outcomes) as JSON Lines or CSV.
    Export {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Requests by route, action, rule, entity type and upstream over a period.
    Stats {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// What the shadow (candidate) policies would have decided differently:
    /// for each (enforced action/rule -> shadow action/rule) pair, the count,
    /// example decision ids and the entity types involved.
    Shadow {
        /// From this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC), inclusive.
        #[arg(long)]
        from: Option<String>,
        /// To this time, exclusive.
        #[arg(long)]
        to: Option<String>,
        /// Only this shadow: its hash, or the first 6 or more hex digits of it.
        #[arg(long)]
        policy: Option<String>,
        /// One JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The evidence a compliance officer files for a period.
    Report {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        pubkey: Option<PathBuf>,
        /// Also write the report as a PDF here (A4).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
}

#[derive(Args, Default, Clone)]
pub struct FilterArgs {
    /// From this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC), inclusive.
    #[arg(long)]
    from: Option<String>,
    /// To this time, exclusive.
    #[arg(long)]
    to: Option<String>,
    #[arg(long)]
    tenant: Option<String>,
    #[arg(long)]
    client: Option<String>,
    #[arg(long)]
    route: Option<String>,
    /// `local` or `cloud`.
    #[arg(long)]
    zone: Option<String>,
    #[arg(long)]
    action: Option<String>,
    #[arg(long)]
    rule: Option<String>,
    /// An entity type, e.g. US_SSN.
    #[arg(long)]
    entity: Option<String>,
    #[arg(long = "id")]
    decision_id: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

impl Format {
    /// `--json` and `--csv` are short for `--format json|csv`.
    fn chosen(format: Format, json: bool, csv: bool) -> Format {
        if json {
            Format::Json
        } else if csv {
            Format::Csv
        } else {
            format
        }
    }
}

fn settings(w: &Where) -> Result<AuditConfig, String> {
    match (&w.config, &w.dir) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            audit_section(&Source::file(path, &text), &ProcessEnv).map_err(|r| r.to_string())
        }
        (None, Some(dir)) => Ok(AuditConfig {
            replica: "cordon".into(),
            ship: None,
            dir: dir.clone(),
            signing_key: dir.join("audit.ed25519"),
            hmac_key: std::env::var("CORDON_AUDIT_HMAC_KEY").ok().map(SecretString::from),
            checkpoint_every: 1000,
            checkpoint_interval: std::time::Duration::from_secs(5),
            segment_max_bytes: 0,
            segment_max_age: std::time::Duration::from_secs(0),
            retention: None,
            prices: Default::default(),
            durable_outcomes: true,
        }),
        (None, None) => Err("say where the trail is: --config FILE or --dir DIR".into()),
    }
}

impl FilterArgs {
    /// The filter, narrowed to one data subject's fingerprint when `subject`
    /// is given (`key_from` says where the fingerprint key comes from).
    fn with_subject(
        &self,
        subject: Option<&str>,
        key: Option<&SecretString>,
        key_from: &str,
    ) -> Result<Filter, String> {
        let mut f = self.build()?;
        if let Some(value) = subject {
            let key = key.ok_or_else(|| format!("--subject needs the fingerprint key ({key_from})"))?;
            // The same canonical form the proxy fingerprints findings in.
            f.fingerprint = Some(keys::fingerprint(key, &cordon_detectors::normalize::canonical(value)));
        }
        Ok(f)
    }

    fn build(&self) -> Result<Filter, String> {
        let time = |t: &Option<String>, name: &str| -> Result<Option<u64>, String> {
            t.as_deref()
                .map(|t| parse_time(t).ok_or_else(|| format!("--{name}: `{t}` is not a date (YYYY-MM-DD)")))
                .transpose()
        };
        Ok(Filter {
            from_ms: time(&self.from, "from")?,
            to_ms: time(&self.to, "to")?,
            tenant: self.tenant.clone(),
            client: self.client.clone(),
            route: self.route.clone(),
            zone: self.zone.clone(),
            action: self.action.clone(),
            rule: self.rule.clone(),
            entity: self.entity.clone(),
            decision_id: self.decision_id.clone(),
            fingerprint: None,
        })
    }
}

pub fn run(w: &Where, cmd: AuditCommand) -> ExitCode {
    match run_inner(w, cmd) {
        Ok(code) => code,
        Err(e) => {
            output::eprint(&format!("cordon audit: {e}"));
            ExitCode::from(2)
        }
    }
}

fn pubkey_for(cfg: &AuditConfig, explicit: Option<&PathBuf>) -> Result<ed25519_dalek::VerifyingKey, String> {
    let path = match explicit {
        Some(p) => p.clone(),
        None if cfg.signing_key.is_file() => cfg.signing_key.clone(),
        None => cfg.dir.join("audit.pub"),
    };
    keys::load_public(&path).map_err(|e| e.to_string())
}

fn run_inner(w: &Where, cmd: AuditCommand) -> Result<ExitCode, String> {
    let cfg = settings(w)?;
    if w.fleet {
        return run_fleet(&cfg, w.replica.as_deref(), cmd);
    }
    match cmd {
        AuditCommand::Pubkey => {
            let key = keys::load_public(&cfg.signing_key).map_err(|e| e.to_string())?;
            output::print(&keys::public_text(&key));
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Checkpoint { out, pubkey } => {
            let key = pubkey_for(&cfg, pubkey.as_ref())?;
            let path = cfg.dir.join(cordon::audit::HEAD_FILE);
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let seq = verify::checkpoint_seq(&bytes, &key).map_err(|b| b.reason)?;
            let line = String::from_utf8_lossy(bytes.trim_ascii_end()).to_string();
            match out {
                Some(file) => {
                    std::fs::write(&file, format!("{line}\n"))
                        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
                    output::eprint(&format!("checkpoint at seq {seq} written to {}", file.display()));
                }
                None => output::print(&line),
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Verify { pubkey, checkpoint } => {
            let key = pubkey_for(&cfg, pubkey.as_ref())?;
            let report = match checkpoint {
                None => verify::verify(&cfg.dir, &key),
                Some(file) => {
                    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
                    verify::verify_with_checkpoint(&cfg.dir, &key, &file.display().to_string(), &bytes)
                }
            }
            .map_err(|e| e.to_string())?;
            output::print(&report::describe(&report));
            Ok(output::exit(report.ok()))
        }
        AuditCommand::Query {
            filter,
            subject,
            format,
            json,
            csv,
            limit,
        } => {
            let f = filter.with_subject(
                subject.as_deref(),
                cfg.hmac_key.as_ref(),
                "audit.hmac_key_env, or CORDON_AUDIT_HMAC_KEY with --dir",
            )?;
            let mut rows = read::rows(&cfg.dir, &f).map_err(|e| e.to_string())?;
            if let Some(n) = limit {
                rows.truncate(n);
            }
            print_rows(&rows, Format::chosen(format, json, csv), &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Tail { lines, follow } => {
            let all = read::rows(&cfg.dir, &Filter::default()).map_err(|e| e.to_string())?;
            let start = all.len().saturating_sub(lines);
            print_rows(&all[start..], Format::Table, &mut std::io::stdout().lock())?;
            let mut seen = all.last().map_or(0, |r| r.seq);
            if !follow {
                return Ok(ExitCode::SUCCESS);
            }
            loop {
                std::thread::sleep(std::time::Duration::from_millis(500));
                let rows = read::rows(&cfg.dir, &Filter::default()).map_err(|e| e.to_string())?;
                let new: Vec<Row> = rows.into_iter().filter(|r| r.seq > seen).collect();
                if let Some(last) = new.last() {
                    seen = last.seq;
                    print_rows_body(&new, &mut std::io::stdout().lock())?;
                }
            }
        }
        AuditCommand::Export { filter, format, out } => {
            let rows = read::rows(&cfg.dir, &filter.build()?).map_err(|e| e.to_string())?;
            let format = if format == Format::Table { Format::Jsonl } else { format };
            let mut sink: Box<dyn std::io::Write> = match &out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
                )),
                None => Box::new(std::io::stdout().lock()),
            };
            let total = rows.len();
            let step = (total / 100).max(1000);
            for (i, chunk) in rows.chunks(step).enumerate() {
                print_rows_as(chunk, format, &mut sink, i == 0)?;
                let done = ((i + 1) * step).min(total);
                if out.is_some() {
                    output::progress(done, total, "records exported");
                }
            }
            sink.flush().map_err(|e| e.to_string())?;
            if out.is_some() {
                output::eprint(&format!("\nexported {total} records"));
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Stats { filter } => {
            let rows = read::rows(&cfg.dir, &filter.build()?).map_err(|e| e.to_string())?;
            output::print(&stats_text(&read::stats(&rows)));
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Shadow { from, to, policy, json } => {
            let time = |t: &Option<String>, name: &str| -> Result<Option<u64>, String> {
                t.as_deref()
                    .map(|t| parse_time(t).ok_or_else(|| format!("--{name}: `{t}` is not a date (YYYY-MM-DD)")))
                    .transpose()
            };
            let f = cordon::audit::shadow::ShadowFilter {
                from_ms: time(&from, "from")?,
                to_ms: time(&to, "to")?,
                policy,
            };
            let summary = cordon::audit::shadow::summarize(&cfg.dir, &f).map_err(|e| e.to_string())?;
            if json {
                output::print(&serde_json::to_string(&summary).map_err(|e| e.to_string())?);
            } else {
                output::print(&shadow_text(&summary));
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Report { filter, pubkey, pdf } => {
            let key = pubkey_for(&cfg, pubkey.as_ref())?;
            let verification = verify::verify(&cfg.dir, &key).map_err(|e| e.to_string())?;
            let rows = read::rows(&cfg.dir, &filter.build()?).map_err(|e| e.to_string())?;
            let text = report::report_text(filter.from.as_deref(), filter.to.as_deref(), &rows, &verification);
            if let Some(path) = pdf {
                let generated = format_time(cordon::audit::now_ms());
                let bytes = cordon::audit::pdf::report_pdf(&text, "Cordon audit report", &generated)?;
                std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            output::print(&text);
            Ok(output::exit(verification.ok()))
        }
    }
}

/// `cordon audit --fleet ...`: every replica's trail, from PostgreSQL.
fn run_fleet(cfg: &AuditConfig, replica: Option<&str>, cmd: AuditCommand) -> Result<ExitCode, String> {
    use cordon::audit::fleet;
    let ship = cfg
        .ship
        .as_ref()
        .ok_or("--fleet reads the store of audit.ship.postgres, which the config does not set")?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async {
        let client = cordon::audit::ship::connect(ship).await.map_err(|e| e.to_string())?;
        let rows = |filter: Filter| {
            let client = &client;
            async move {
                fleet::rows(client, ship, &filter, replica)
                    .await
                    .map_err(|e| e.to_string())
            }
        };
        match cmd {
            AuditCommand::Verify { .. } => {
                let report = fleet::verify_with_progress(&client, ship, &mut |name, n| {
                    output::eprint(&format!("checking replica {name}: {n} rows"));
                })
                .await
                .map_err(|e| e.to_string())?;
                output::print(report.describe().trim_end());
                Ok(output::exit(report.ok()))
            }
            AuditCommand::Query {
                filter,
                subject,
                format,
                json,
                csv,
                limit,
            } => {
                let f = filter.with_subject(subject.as_deref(), cfg.hmac_key.as_ref(), "audit.hmac_key_env")?;
                let mut all = rows(f).await?;
                if let Some(n) = limit {
                    all.truncate(n);
                }
                print_fleet_rows(&all, Format::chosen(format, json, csv), &mut std::io::stdout().lock())?;
                Ok(ExitCode::SUCCESS)
            }
            AuditCommand::Stats { filter } => {
                let all: Vec<Row> = rows(filter.build()?).await?.into_iter().map(|r| r.row).collect();
                output::print(&stats_text(&read::stats(&all)));
                Ok(ExitCode::SUCCESS)
            }
            AuditCommand::Report { filter, pdf, .. } => {
                let verification = fleet::verify(&client, ship).await.map_err(|e| e.to_string())?;
                let all: Vec<Row> = rows(filter.build()?).await?.into_iter().map(|r| r.row).collect();
                let trail = verification.describe();
                let text = report::report_text_for(
                    filter.from.as_deref(),
                    filter.to.as_deref(),
                    &all,
                    &format!("\n{trail}"),
                );
                if let Some(path) = pdf {
                    let generated = format_time(cordon::audit::now_ms());
                    let bytes = cordon::audit::pdf::report_pdf(&text, "Cordon fleet audit report", &generated)?;
                    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                }
                output::print(&text);
                Ok(output::exit(verification.ok()))
            }
            _ => Err(
                "--fleet reads with verify, query, stats and report; the other commands read one replica's folder"
                    .into(),
            ),
        }
    })
}

fn print_fleet_rows(
    rows: &[cordon::audit::fleet::FleetRow],
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<(), String> {
    match format {
        Format::Json | Format::Jsonl => {
            for r in rows {
                let v = serde_json::json!({"replica": r.replica, "seq": r.row.seq, "time": format_time(r.row.ts_ms), "decision": r.row.decision, "outcome": r.row.outcome});
                writeln!(out, "{v}").map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Format::Csv => {
            let plain: Vec<Row> = rows.iter().map(|r| r.row.clone()).collect();
            report::write_csv(&plain, out, true)
        }
        Format::Table => {
            write!(out, "{:<16} ", "replica").map_err(|e| e.to_string())?;
            print_rows_as(&[], Format::Table, out, true)?;
            for r in rows {
                write!(out, "{:<16} ", r.replica).map_err(|e| e.to_string())?;
                print_rows_body(std::slice::from_ref(&r.row), out)?;
            }
            Ok(())
        }
    }
}

fn stats_text(s: &read::Stats) -> String {
    let mut text = format!("requests: {}\n", s.requests);
    for (title, map) in [
        ("by zone", &s.by_zone),
        ("by route", &s.by_route),
        ("by action", &s.by_action),
        ("by rule", &s.by_rule),
        ("by upstream", &s.by_upstream),
        ("entities", &s.by_entity),
        ("categories", &s.by_category),
    ] {
        text.push_str(&format!("{title}:\n"));
        if map.is_empty() {
            text.push_str("  (none)\n");
        }
        for (k, n) in map {
            text.push_str(&format!("  {k:<32} {n}\n"));
        }
    }
    text.push_str(&format!("estimated cost: ${:.4}\n", s.cost_usd));
    text
}

fn print_rows(rows: &[Row], format: Format, out: &mut dyn std::io::Write) -> Result<(), String> {
    print_rows_as(rows, format, out, true)
}

fn print_rows_as(rows: &[Row], format: Format, out: &mut dyn std::io::Write, first: bool) -> Result<(), String> {
    let w = |out: &mut dyn std::io::Write, s: &str| writeln!(out, "{s}").map_err(|e| e.to_string());
    match format {
        Format::Table => {
            if first {
                w(
                    out,
                    &format!(
                        "{:<24} {:<36} {:<10} {:<8} {:<6} {:<16} {:<18} {:>6} {:<12}",
                        "time", "decision", "tenant", "route", "zone", "rule", "entities", "status", "upstream"
                    ),
                )?;
            }
            print_rows_body(rows, out)?;
        }
        Format::Json | Format::Jsonl => {
            for r in rows {
                let v = serde_json::json!({"seq": r.seq, "time": format_time(r.ts_ms), "decision": r.decision, "outcome": r.outcome});
                w(out, &v.to_string())?;
            }
        }
        Format::Csv => report::write_csv(rows, out, first)?,
    }
    Ok(())
}

fn print_rows_body(rows: &[Row], out: &mut dyn std::io::Write) -> Result<(), String> {
    for r in rows {
        let d = &r.decision;
        let ents: Vec<String> = d.entities.iter().map(|(k, n)| format!("{k}={n}")).collect();
        let (status, up) = match &r.outcome {
            Some(o) => (o.status.to_string(), o.upstream.clone().unwrap_or_else(|| "-".into())),
            None => ("-".into(), "-".into()),
        };
        writeln!(
            out,
            "{:<24} {:<36} {:<10} {:<8} {:<6} {:<16} {:<18} {:>6} {:<12}",
            format_time(r.ts_ms),
            d.id,
            d.tenant.as_deref().unwrap_or("-"),
            d.route,
            d.zone,
            d.rule,
            if ents.is_empty() { "-".into() } else { ents.join(",") },
            status,
            up
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `cordon audit shadow` as text (also shown by `cordon policy promote`).
pub fn shadow_text(summary: &cordon::audit::shadow::Summary) -> String {
    use std::fmt::Write as _;
    let mut t = String::new();
    if summary.shadows.is_empty() {
        t.push_str("no shadow policy in the trail for this period\n");
    }
    for s in &summary.shadows {
        let short = s.hash.strip_prefix("sha256:").unwrap_or(&s.hash);
        let _ = writeln!(
            t,
            "shadow `{}` sha256:{} ({}), in force since {}",
            s.name,
            short.get(..12).unwrap_or(short),
            s.file.as_deref().unwrap_or("-"),
            format_time(s.since_ms)
        );
        let _ = writeln!(
            t,
            "  {} decisions while in force: {} decided differently, {} loosening",
            s.decisions, s.differing, s.loosening
        );
        let counts = |m: &std::collections::BTreeMap<cordon::audit::shadow::Outcome, u64>| {
            m.iter()
                .map(|(k, n)| format!("{} {n}", k.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(t, "  enforced:  {}", counts(&s.enforced));
        let _ = writeln!(t, "  shadow:    {}", counts(&s.outcomes));
        if !s.pairs.is_empty() {
            let _ = writeln!(t, "  enforced -> shadow: count, entity types, example decisions");
        }
        for p in &s.pairs {
            let ents: Vec<String> = p.entities.iter().map(|(e, n)| format!("{e} x{n}")).collect();
            let _ = writeln!(
                t,
                "    {} ({}) -> {} ({}): {}{}  [{}]  {}",
                p.enforced_action,
                p.enforced_rule,
                p.shadow_action,
                p.shadow_rule,
                p.count,
                if p.loosening > 0 {
                    format!(" (LOOSENING: {})", p.loosening)
                } else {
                    String::new()
                },
                if ents.is_empty() {
                    "-".to_string()
                } else {
                    ents.join(", ")
                },
                p.examples.join(", ")
            );
        }
    }
    t
}
