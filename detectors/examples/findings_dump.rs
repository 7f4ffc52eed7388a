//! Every finding of the rule stages on a fixed corpus, one per line, to
//! check that a change to the mechanism (not the rules) finds exactly the
//! same: dump before and after, then `cmp` the two files. With `--time`,
//! scans the bench's dense corpus (and prose) instead and prints the CPU time per MB,
//! and how the cost per byte grows from 64 KB to 1 MB of dense text.
//!
//! `cargo run --release -p cordon-detectors --example findings_dump -- OUT.tsv`
//! `taskset -c 1 cargo run --release -p cordon-detectors --example findings_dump -- --time [SECONDS]`
//! `perf stat -e instructions:u target/release/examples/findings_dump --count 10` (10 scans of 1 MB)
//!
//! The corpus: every text of the evaluation sets (records are numbered, never
//! printed), the bench's inputs (prose, mixed, dense, pathological) and 400
//! slices of the dense text cut at pseudo-random character boundaries.
#![allow(clippy::print_stdout, clippy::expect_used)]

use std::io::Write;
use std::process::ExitCode;

use cordon_detectors::eval::Labeled;
use cordon_detectors::Registry;

const SETS: &[&str] = &[
    "eval/dataset.jsonl",
    "eval/independent.jsonl",
    "heldout/heldout.jsonl",
    "eval-names/names.jsonl",
    "eval-fresh/fresh.jsonl",
    "eval-test/test.jsonl",
    "eval-blind/blind.jsonl",
];

#[path = "../benches/common/corpus.rs"]
mod corpus;

use corpus::{build, dense, pathological, Lcg};

fn texts_of(path: &str) -> Vec<String> {
    let dir = env!("CARGO_MANIFEST_DIR");
    let data = std::fs::read_to_string(format!("{dir}/{path}")).expect("evaluation set");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Labeled>(l).expect("JSONL").text)
        .collect()
}

/// Nanoseconds this thread has run on a CPU (Linux), else wall clock.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn time(registry: &Registry, seconds: f64) {
    let mut per_byte = Vec::new();
    for (name, text) in [
        ("dense_4k", dense(4096)),
        ("dense_64k", dense(64 << 10)),
        ("dense_1m", dense(1 << 20)),
        ("prose_1m", build(1 << 20, 0)),
    ] {
        let _ = registry.scan(&text);
        // Batches of about 4 MB: the CPU clock of /proc ticks coarsely.
        let batch = ((4 << 20) / text.len()).max(1);
        let (cpu0, wall0) = (cpu_ns(), std::time::Instant::now());
        let mut bytes = 0usize;
        let mut best = f64::INFINITY;
        while wall0.elapsed().as_secs_f64() < seconds {
            let c = cpu_ns();
            for _ in 0..batch {
                std::hint::black_box(registry.scan(&text));
            }
            best = best.min((cpu_ns() - c) as f64 / 1e9 / batch as f64);
            bytes += text.len() * batch;
        }
        let cpu = (cpu_ns() - cpu0) as f64 / 1e9;
        println!(
            "{name}: {:.2} MB/s CPU mean, {:.2} MB/s best batch ({:.3} ms per scan), {:.1} MB in {cpu:.2}s CPU",
            bytes as f64 / cpu / 1e6,
            text.len() as f64 / best / 1e6,
            best * 1e3,
            bytes as f64 / 1e6
        );
        per_byte.push(best / text.len() as f64);
    }
    // A scan whose cost grows faster than its input shows here first: the
    // same kind of text, 16 times longer, must not cost more per byte.
    println!(
        "linearity: dense_1m costs {:.2}x per byte what dense_64k costs (about 1 when linear)",
        per_byte[2] / per_byte[1]
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let registry = Registry::with_defaults().expect("registry");
    if args.first().map(String::as_str) == Some("--count") {
        // A fixed amount of work, for `perf stat`: scans of the 1 MB dense corpus.
        let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
        let text = dense(1 << 20);
        for _ in 0..n {
            std::hint::black_box(registry.scan(&text));
        }
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("--time") {
        let secs = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5.0);
        time(&registry, secs);
        return ExitCode::SUCCESS;
    }
    let Some(out) = args.first() else {
        eprintln!("usage: findings_dump OUT.tsv | --time [SECONDS] | --count SCANS");
        return ExitCode::from(2);
    };
    let mut inputs: Vec<(String, String)> = Vec::new();
    for set in SETS {
        for (i, t) in texts_of(set).into_iter().enumerate() {
            inputs.push((format!("{set}#{i}"), t));
        }
    }
    let big = dense(1 << 20);
    inputs.push(("dense_4k".into(), dense(4096)));
    inputs.push(("dense_1m".into(), big.clone()));
    inputs.push(("prose_4k".into(), build(4096, 0)));
    inputs.push(("mixed_4k".into(), build(4096, 3)));
    inputs.push(("mixed_1m".into(), build(1 << 20, 8)));
    for (size, label) in [(64 << 10, "64k"), (1 << 20, "1m")] {
        for (name, text) in pathological(size) {
            inputs.push((format!("path_{name}_{label}"), text));
        }
    }
    let mut rng = Lcg(7);
    for i in 0..400 {
        let len = [64, 300, 1000, 4096, 20000][i % 5];
        let mut s = rng.next(big.len() - len);
        let mut e = s + 1 + rng.next(len);
        while !big.is_char_boundary(s) {
            s -= 1;
        }
        while !big.is_char_boundary(e) {
            e += 1;
        }
        inputs.push((format!("slice{i}_{s}_{e}"), big[s..e].to_string()));
    }
    let Ok(file) = std::fs::File::create(out) else {
        eprintln!("error: creating {out}");
        return ExitCode::from(2);
    };
    let mut w = std::io::BufWriter::new(file);
    let mut n = 0usize;
    for (name, text) in &inputs {
        for f in registry.scan(text) {
            n += 1;
            let _ = writeln!(
                w,
                "{name}\t{}\t{}\t{}\t{}\t{}",
                f.entity, f.start, f.end, f.score, f.detector
            );
        }
    }
    if w.flush().is_err() {
        eprintln!("error: writing {out}");
        return ExitCode::from(2);
    }
    println!("{} texts, {n} findings -> {out}", inputs.len());
    ExitCode::SUCCESS
}
