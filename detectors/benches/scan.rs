//! Scan throughput on one core.
//!
//! `cargo bench -p cordon-detectors --bench scan`
//!
//! - `prose_*`, `mixed_*`: business prose, with a sensitive paragraph every few.
//! - `dense_*`: what users send: the texts of the evaluation sets (clinical
//!   notes, claims, chats, forms, code with secrets, six languages) laid end
//!   to end, with the app logs, config and stack traces of `dense_logs.txt`.
//! - `path_*`: inputs built to be slow (long digit runs, capitalized words,
//!   context words, base64-looking runs, '@', punctuation), at 64 KB and 1 MB:
//!   the throughput must be about the same at both sizes (no superlinear cost).
#![allow(clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use cordon_detectors::Registry;

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{build, dense, pathological};

fn bench(c: &mut Criterion) {
    let registry = Registry::with_defaults().expect("registry");
    let mut g = c.benchmark_group("scan");
    for (name, text) in [
        ("prose_4k", build(4096, 0)),
        ("mixed_4k", build(4096, 3)),
        ("dense_4k", dense(4096)),
        ("prose_1m", build(1 << 20, 0)),
        ("mixed_1m", build(1 << 20, 8)),
        ("dense_1m", dense(1 << 20)),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| registry.scan(t))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for (size, label) in [(64 << 10, "64k"), (1 << 20, "1m")] {
        for (name, text) in pathological(size) {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, label), &text, |b, t| b.iter(|| registry.scan(t)));
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
