//! `cordon scan`: the detectors on a text, from the command line.
//!
//! For a person: each finding with its entity, score and place (line and
//! column), values hidden unless `--show-values`. `--json`: one JSON object.
//! `--jsonl`: batch mode, one `{"id":..,"text":..}` per input line and one
//! `{"id":..,"findings":[..]}` per output line, offsets in UTF-8 bytes.

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use cordon::config::{ProcessEnv, Source};
use cordon_detectors::{Finding, Registry};
use serde_json::{json, Value};

use super::output;

#[derive(clap::Args)]
pub struct ScanArgs {
    /// Config file whose `detectors:` section to use (default: built-in settings).
    #[arg(long, short)]
    config: Option<PathBuf>,
    /// Print one JSON object instead of lines for a person.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Batch mode: read `{"id":..,"text":..}` lines from stdin, write one result line each.
    #[arg(long)]
    jsonl: bool,
    /// Show the detected values (never in logs; only here, on request).
    #[arg(long)]
    show_values: bool,
    /// List the entities and their categories, and exit.
    #[arg(long)]
    list: bool,
    /// The text to scan; standard input when absent.
    text: Option<String>,
}

pub fn run(args: ScanArgs) -> ExitCode {
    let registry = match load(args.config.as_deref()) {
        Ok(r) => r,
        Err(message) => {
            output::eprint(&message);
            return ExitCode::from(2);
        }
    };
    if args.list {
        for e in registry.entities() {
            let cats: Vec<&str> = registry.categories(&e).iter().map(|c| c.as_str()).collect();
            output::print(&format!("{:<24} {}", e.as_str(), cats.join(", ")));
        }
        return ExitCode::SUCCESS;
    }
    if args.jsonl {
        return batch(&registry);
    }
    let text = match args.text {
        Some(t) => t,
        None => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                output::eprint(&format!("error: reading standard input: {e}"));
                return ExitCode::from(2);
            }
            match String::from_utf8(buf) {
                Ok(t) => t,
                Err(_) => {
                    output::eprint("error: standard input is not UTF-8 text");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let findings = match registry.try_scan(&text) {
        Ok(f) => f,
        Err(e) => {
            output::eprint(&format!("error: {e}"));
            return ExitCode::from(1);
        }
    };
    if args.json {
        let list: Vec<Value> = findings
            .iter()
            .map(|f| finding_json(&registry, f, &text, args.show_values))
            .collect();
        output::print(&json!({ "findings": list }).to_string());
    } else {
        output::print(&human(&registry, &findings, &text, args.show_values));
    }
    ExitCode::SUCCESS
}

fn load(config: Option<&std::path::Path>) -> Result<Registry, String> {
    match config {
        None => Registry::with_defaults().map_err(|e| format!("error: {e}")),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("error: reading {}: {e}", path.display()))?;
            let source = Source::file(path, &text);
            cordon::config::detectors_section(&source, &ProcessEnv).map_err(|r| r.to_string())
        }
    }
}

fn finding_json(registry: &Registry, f: &Finding, text: &str, show: bool) -> Value {
    let mut v = json!({
        "entity": f.entity.as_str(),
        "category": registry.primary_category(&f.entity).map(|c| c.as_str()),
        "categories": registry.categories(&f.entity).iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "start": f.start,
        "end": f.end,
        "score": f.score,
        "detector": f.detector,
    });
    if show {
        v["value"] = Value::String(text.get(f.start..f.end).unwrap_or("").to_string());
    }
    v
}

fn human(registry: &Registry, findings: &[Finding], text: &str, show: bool) -> String {
    if findings.is_empty() {
        return "no findings".to_string();
    }
    let mut out = format!(
        "{} finding{}\n",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    );
    for f in findings {
        let (line, col) = line_col(text, f.start);
        let cats: Vec<&str> = registry.categories(&f.entity).iter().map(|c| c.as_str()).collect();
        out.push_str(&format!(
            "  {:<22} {:.2}  line {line}, col {col}, bytes {}..{}  [{}]  {}",
            f.entity.as_str(),
            f.score,
            f.start,
            f.end,
            cats.join(", "),
            f.detector
        ));
        if show {
            out.push_str(&format!("  {:?}", text.get(f.start..f.end).unwrap_or("")));
        }
        out.push('\n');
    }
    if !show {
        out.push_str("values hidden; --show-values prints them\n");
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn batch(registry: &Registry) -> ExitCode {
    let stdin = std::io::stdin().lock();
    let mut out = output::lines();
    let mut failed = 0usize;
    for (n, line) in stdin.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                output::eprint(&format!("error: reading standard input: {e}"));
                return ExitCode::from(2);
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = match serde_json::from_slice::<Value>(&line) {
            Ok(Value::Object(obj)) => {
                let id = obj.get("id").cloned().unwrap_or(Value::Null);
                match obj.get("text") {
                    Some(Value::String(text)) => match registry.try_scan(text) {
                        Err(e) => {
                            failed += 1;
                            json!({ "id": id, "error": format!("line {}: {e}", n + 1) })
                        }
                        Ok(found) => {
                            let findings: Vec<Value> = found
                                .iter()
                                .map(|f| {
                                    json!({
                                        "entity": f.entity.as_str(),
                                        "category": registry.primary_category(&f.entity).map(|c| c.as_str()),
                                        "start": f.start,
                                        "end": f.end,
                                        "score": f.score,
                                    })
                                })
                                .collect();
                            json!({ "id": id, "findings": findings })
                        }
                    },
                    _ => {
                        failed += 1;
                        json!({ "id": id, "error": format!("line {}: \"text\" must be a string", n + 1) })
                    }
                }
            }
            Ok(_) | Err(_) => {
                failed += 1;
                json!({ "id": null, "error": format!("line {}: not a JSON object with \"id\" and \"text\"", n + 1) })
            }
        };
        if writeln!(out, "{result}").is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed > 0 {
        output::eprint(&format!("{failed} input line(s) could not be scanned"));
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
