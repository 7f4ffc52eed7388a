//! Scan throughput on one core: 4 KB mixed prompts, and a 1 MB document.
//! `cargo bench -p cordon-detectors --bench scan`
#![allow(clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use cordon_detectors::Registry;

const PROSE: &str = "The quarterly review covered the migration of the reporting pipeline to the new cluster. \
Most of the work went into rewriting the ingestion jobs, which had grown around a schema that no longer matched \
what the analysts needed. We agreed to keep the old dashboards running until the end of the month, to compare \
figures side by side, and to retire them once two consecutive weeks match within a tenth of a percent. ";

const SENSITIVE: &str = "Patient: Maria Keller, DOB 03/14/1985, MRN 00482913, seen by Dr. Kowalczyk. \
Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, call +1 (415) 555-0132 or mail maria.keller@example.org. \
Lives at 742 Evergreen Terrace, Springfield, IL 62704. SSN 536-22-1234. api_key=sk-proj-Q7v2LmX9pT4rK8sW1nB6yH3cJ5dF0gZa. ";

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
    s.truncate(target);
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

fn bench(c: &mut Criterion) {
    let registry = Registry::with_defaults().expect("registry");
    let mut g = c.benchmark_group("scan");
    for (name, text) in [
        ("prose_4k", build(4096, 0)),
        ("mixed_4k", build(4096, 3)),
        ("prose_1m", build(1 << 20, 0)),
        ("mixed_1m", build(1 << 20, 8)),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| registry.scan(t))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
