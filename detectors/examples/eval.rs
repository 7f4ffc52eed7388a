//! Score the detectors on a labeled set.
//!
//! `cargo run --release -p cordon-detectors --example eval [-- DATASET.jsonl [PREDICTIONS.jsonl]]`
//!
//! Without PREDICTIONS, the built-in detectors scan each record. With it
//! (the output of `cordon scan --jsonl`, matched by id), those findings are
//! scored instead, so any detector's output can be compared on the same set.
//!
//! `CORDON_NER_MODEL_DIR=target/tools/rampart` adds the learned recognizer
//! (`detectors.ner`), in `CORDON_NER_MODE` (`gate`, the default, or
//! `always`), at `CORDON_NER_MIN_SCORE` (default 0.6).
#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::process::ExitCode;

use cordon_detectors::eval::{found_by, Labeled, Report, Span};
use cordon_detectors::{DetectorsConfig, Registry};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dataset = args.first().map_or("detectors/eval/dataset.jsonl", String::as_str);
    let text = match std::fs::read_to_string(dataset) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: reading {dataset}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut records = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str::<Labeled>(line) {
            Ok(r) => records.push(r),
            Err(e) => {
                eprintln!("error: {dataset} line {}: {e}", n + 1);
                return ExitCode::from(2);
            }
        }
    }
    let mut report = Report::default();
    if let Some(pred) = args.get(1) {
        let Ok(p) = std::fs::read_to_string(pred) else {
            eprintln!("error: reading {pred}");
            return ExitCode::from(2);
        };
        let mut by_id: HashMap<String, Vec<Span>> = HashMap::new();
        for line in p.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let spans = v["findings"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|f| serde_json::from_value::<Span>(f.clone()).ok())
                        .collect()
                })
                .unwrap_or_default();
            by_id.insert(v["id"].to_string(), spans);
        }
        for r in &records {
            report.add(r, by_id.get(&r.id.to_string()).map_or(&[][..], Vec::as_slice));
        }
    } else {
        let mut config = DetectorsConfig::default();
        if let Some(dir) = std::env::var_os("CORDON_NER_MODEL_DIR") {
            let mut ner = serde_json::json!({ "model_dir": dir.to_string_lossy() });
            if let Ok(mode) = std::env::var("CORDON_NER_MODE") {
                ner["mode"] = mode.into();
            }
            if let Some(min) = std::env::var("CORDON_NER_MIN_SCORE")
                .ok()
                .and_then(|m| m.parse::<f32>().ok())
            {
                ner["min_score"] = min.into();
            }
            match serde_json::from_value(ner) {
                Ok(n) => config.ner = Some(n),
                Err(e) => {
                    eprintln!("error: CORDON_NER_*: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        let registry = match Registry::new(&config) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let start = std::time::Instant::now();
        let bytes: usize = records.iter().map(|r| r.text.len()).sum();
        // CORDON_EVAL_SHOW=PERSON: print that entity's misses and false findings, to study a development set.
        let show = std::env::var("CORDON_EVAL_SHOW").ok();
        for r in &records {
            match found_by(&registry, &r.text) {
                Ok(found) => {
                    if let Some(e) = &show {
                        show_errors(r, &found, e);
                    }
                    report.add(r, &found);
                }
                Err(e) => {
                    eprintln!("error: record {}: {e}", r.id);
                    return ExitCode::from(1);
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "scanned {} records, {bytes} bytes in {secs:.3}s ({:.1} MB/s)",
            records.len(),
            bytes as f64 / secs / 1e6
        );
    }
    print!("{report}");
    ExitCode::SUCCESS
}

/// Print the misses (`-`) and false findings (`+`) of one entity in one record.
fn show_errors(r: &Labeled, found: &[Span], entity: &str) {
    let same = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    let quote = |s: &Span| r.text.get(s.start..s.end).unwrap_or("?").replace('\n', "\\n");
    let context = |s: &Span| {
        let lo = (0..=s.start.saturating_sub(40))
            .rev()
            .find(|i| r.text.is_char_boundary(*i))
            .unwrap_or(0);
        let hi = (s.end.min(r.text.len()) + 30).min(r.text.len());
        let hi = (hi..=r.text.len())
            .find(|i| r.text.is_char_boundary(*i))
            .unwrap_or(r.text.len());
        r.text[lo..hi].replace('\n', "\\n")
    };
    for g in r.spans.iter().filter(|g| g.entity == entity) {
        if !found.iter().any(|f| f.entity == entity && same(f, g)) {
            println!("- {} [{}]  {}", r.id, quote(g), context(g));
        } else if let Some(f) = found
            .iter()
            .find(|f| f.entity == entity && same(f, g) && (f.start, f.end) != (g.start, g.end))
        {
            println!("~ {} [{}] as [{}]", r.id, quote(g), quote(f));
        }
    }
    for f in found.iter().filter(|f| f.entity == entity) {
        if !r.spans.iter().any(|g| g.entity == entity && same(f, g)) {
            println!("+ {} [{}]  {}", r.id, quote(f), context(f));
        }
    }
}
