//! Every finding of the rule stages on a fixed corpus, one per line, to
//! check that a change to the mechanism (not the rules) finds exactly the
//! same: dump before and after, then `cmp` the two files. With `--time`,
//! scans the bench's dense corpus (and prose) instead and prints the CPU time per MB.
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
];

/// The sets the bench's dense corpus is made of, in its order.
const DENSE_SETS: &[&str] = &[
    "eval/independent.jsonl",
    "eval-names/names.jsonl",
    "heldout/heldout.jsonl",
];

const LOGS: &str = include_str!("../benches/dense_logs.txt");

const PROSE: &str = "The quarterly review covered the migration of the reporting pipeline to the new cluster. \
Most of the work went into rewriting the ingestion jobs, which had grown around a schema that no longer matched \
what the analysts needed. We agreed to keep the old dashboards running until the end of the month, to compare \
figures side by side, and to retire them once two consecutive weeks match within a tenth of a percent. ";

const SENSITIVE: &str = "Patient: Maria Keller, DOB 03/14/1985, MRN 00482913, seen by Dr. Kowalczyk. \
Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, call +1 (415) 555-0132 or mail maria.keller@example.org. \
Lives at 742 Evergreen Terrace, Springfield, IL 62704. SSN 536-22-1234. api_key=sk-proj-Q7v2LmX9pT4rK8sW1nB6yH3cJ5dF0gZa. ";

fn texts_of(path: &str) -> Vec<String> {
    let dir = env!("CARGO_MANIFEST_DIR");
    let data = std::fs::read_to_string(format!("{dir}/{path}")).expect("evaluation set");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Labeled>(l).expect("JSONL").text)
        .collect()
}

/// `s` cut to at most `target` bytes, on a character boundary.
fn cut(mut s: String, target: usize) -> String {
    s.truncate(target.min(s.len()));
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

/// The bench's prose and mixed inputs.
fn build(target: usize, sensitive_every: usize) -> String {
    let mut s = String::with_capacity(target + 1024);
    let mut i = 0;
    while s.len() < target {
        if sensitive_every > 0 && i % sensitive_every == sensitive_every - 1 {
            s.push_str(SENSITIVE);
        } else {
            s.push_str(PROSE);
        }
        i += 1;
    }
    cut(s, target)
}

/// The bench's dense corpus (`benches/scan.rs`, `dense`).
fn dense(target: usize) -> String {
    let sets: Vec<Vec<String>> = DENSE_SETS.iter().map(|p| texts_of(p)).collect();
    let blocks: Vec<&str> = LOGS.split("\n\n").collect();
    let longest = sets.iter().map(Vec::len).max().unwrap_or(0);
    let mut records = Vec::new();
    for i in 0..longest {
        for set in &sets {
            if let Some(t) = set.get(i) {
                records.push(t.as_str());
            }
        }
    }
    let mut s = String::with_capacity(target + 8192);
    let (mut r, mut b) = (0, 0);
    while s.len() < target {
        s.push_str(records[r % records.len()]);
        s.push_str("\n\n");
        r += 1;
        if r % 16 == 0 {
            s.push_str(blocks[b % blocks.len()]);
            s.push_str("\n\n");
            b += 1;
        }
    }
    cut(s, target)
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// The bench's pathological inputs (`benches/scan.rs`, `pathological`).
fn pathological(target: usize) -> Vec<(&'static str, String)> {
    let mut rng = Lcg(42);
    let mut fill = |piece: &mut dyn FnMut(&mut Lcg) -> String| {
        let mut s = String::with_capacity(target + 64);
        while s.len() < target {
            s.push_str(&piece(&mut rng));
        }
        cut(s, target)
    };
    const CAPS: &[&str] = &[
        "Maria",
        "Keller",
        "Street",
        "Anna",
        "Via",
        "Rue",
        "North",
        "Park",
        "Avenue",
        "Dr",
        "Garcia",
        "Springfield",
        "Calle",
        "Hauptstraße",
        "Boulevard",
        "Lane",
        "Court",
        "Oluwaseun",
        "Van",
        "De",
        "Saint",
        "Mount",
    ];
    const CONTEXT: &[&str] = &[
        "patient",
        "name",
        "dob",
        "ssn",
        "card",
        "phone",
        "mrn",
        "account",
        "routing",
        "iban",
        "born",
        "admitted",
        "dear",
        "regards",
        "street",
        "zip",
        "diagnosis",
        "passport",
        "serial",
        "token",
        "password",
        "member",
    ];
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const PUNCT: &[u8] = b"([{<.,;:-_/\\|#=+*&%$!?'\"`~>}])";
    vec![
        (
            "digits",
            fill(&mut |r: &mut Lcg| {
                let run = 100 + r.next(4000);
                let mut s: String = (0..run).map(|_| char::from(b'0' + r.next(10) as u8)).collect();
                s.push([' ', '-', '.', '/'][r.next(4)]);
                s
            }),
        ),
        (
            "capitalized",
            fill(&mut |r: &mut Lcg| format!("{} ", CAPS[r.next(CAPS.len())])),
        ),
        (
            "context",
            fill(&mut |r: &mut Lcg| format!("{}{}", CONTEXT[r.next(CONTEXT.len())], [" ", ": ", ", "][r.next(3)])),
        ),
        (
            "base64",
            fill(&mut |r: &mut Lcg| {
                let run = 1000 + r.next(20000);
                let mut s: String = (0..run).map(|_| char::from(B64[r.next(B64.len())])).collect();
                s.push_str("= ");
                s
            }),
        ),
        (
            "at_signs",
            fill(&mut |r: &mut Lcg| ["@", "a@", "@b.", "x.y@z", "@@", " @ "][r.next(6)].to_string()),
        ),
        (
            "punctuation",
            fill(&mut |r: &mut Lcg| char::from(PUNCT[r.next(PUNCT.len())]).to_string()),
        ),
    ]
}

/// Nanoseconds this thread has run on a CPU (Linux), else wall clock.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn time(registry: &Registry, seconds: f64) {
    for (name, text) in [
        ("dense_4k", dense(4096)),
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
    }
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
