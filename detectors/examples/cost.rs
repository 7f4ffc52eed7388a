//! What a scan costs on 4 KB of clinical-note-like text: p50 and p99 per
//! text, rules only and with the learned recognizer gated and ungated.
//!
//! `CORDON_NER_MODEL_DIR=target/tools/rampart taskset -c 0 cargo run --release -p cordon-detectors --example cost [-- DATASET.jsonl]`
//!
//! The texts are the `clinical` and `discharge` records of the set
//! (default `detectors/eval/independent.jsonl`) laid end to end and cut
//! into 4 KB pieces.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;
use std::time::Instant;

use cordon_detectors::eval::Labeled;
use cordon_detectors::{DetectorsConfig, Registry};

const SIZE: usize = 4096;
const ROUNDS: usize = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dataset = args.first().map_or("detectors/eval/independent.jsonl", String::as_str);
    let Ok(text) = std::fs::read_to_string(dataset) else {
        eprintln!("error: reading {dataset}");
        return ExitCode::from(2);
    };
    let mut all = String::new();
    for line in text.lines() {
        if let Ok(r) = serde_json::from_str::<Labeled>(line) {
            if r.slice == "clinical" || r.slice == "discharge" {
                all.push_str(&r.text);
                all.push_str("\n\n");
            }
        }
    }
    let mut texts = Vec::new();
    let mut at = 0;
    while at + SIZE <= all.len() {
        let mut end = at + SIZE;
        while !all.is_char_boundary(end) {
            end -= 1;
        }
        texts.push(&all[at..end]);
        at = end;
    }
    println!("{} texts of ~{SIZE} bytes from {dataset}", texts.len());
    let mut configs = vec![("rules only", DetectorsConfig::default())];
    if let Some(dir) = std::env::var_os("CORDON_NER_MODEL_DIR") {
        for mode in ["gate", "always"] {
            let ner = serde_json::json!({ "model_dir": dir.to_string_lossy(), "mode": mode });
            let mut c = DetectorsConfig::default();
            match serde_json::from_value(ner) {
                Ok(n) => c.ner = Some(n),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
            configs.push((if mode == "gate" { "ner gate" } else { "ner always" }, c));
        }
    }
    for (name, config) in configs {
        let registry = match Registry::new(&config) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        // One warm-up pass.
        for t in &texts {
            if let Err(e) = registry.try_scan(t) {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
        let mut times = Vec::with_capacity(texts.len() * ROUNDS);
        for _ in 0..ROUNDS {
            for t in &texts {
                let start = Instant::now();
                let _ = registry.try_scan(t);
                times.push(start.elapsed().as_secs_f64() * 1e3);
            }
        }
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        println!(
            "{name:<12} p50 {:>8.2} ms  p99 {:>8.2} ms  mean {:>8.2} ms per 4 KB ({} scans)",
            pct(0.5),
            pct(0.99),
            times.iter().sum::<f64>() / times.len() as f64,
            times.len()
        );
    }
    ExitCode::SUCCESS
}
