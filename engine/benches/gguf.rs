//! GGUF import against the builder, in one run:
//! - agreement: top-1 next-token agreement with a reference dequantization
//!   of the same GGUF run in fp32 (the onnxruntime-genai builder's fp32
//!   model of transformers' dequantized weights), teacher-forced over a
//!   100-token text, for the imported model (accuracy level 0 and 4) and the
//!   builder's int4 re-quantization;
//! - "What is the capital of France?", greedy, for each;
//! - decode tokens/s, 1 thread, 128 tokens, for each.
//!
//! Needs `scripts/prepare-model` (the GGUF and its import) and
//! `scripts/prepare-model --builder` with `--precision int4` and `fp32`.
//! Run: `cargo bench -p cordon-engine --bench gguf`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use cordon_engine::gguf::{self, ImportOptions};
use cordon_engine::runner::{Runner, RunnerOptions};
use cordon_engine::{model, runtime, Device, Engine, EngineOptions, Message, Prompt, Sampling};

const TEXT: &str = "The Loire Valley in central France is known for its castles, vineyards and slow rivers. \
Kings and nobles built hundreds of chateaux there during the Renaissance, and many of them are open to \
visitors today. The region's white wines, made mostly from Chenin Blanc and Sauvignon Blanc grapes, are \
served with goat cheese and river fish. Cyclists follow a long marked route along the river banks, stopping \
in small towns for lunch, and in the evening the old streets fill with music from the summer festivals.";

fn runner(dir: &Path) -> Runner {
    let spec = model::ModelSpec::read(dir).unwrap();
    let env = runtime::environment(&runtime::locate(None, Device::Cpu).unwrap()).unwrap();
    let opts = RunnerOptions {
        device: Device::Cpu,
        threads: 1,
        max_batch: 1,
        max_len: 256,
        allow_cpu_fallback: false,
        kv_budget_bytes: None,
        cache_start: 0,
    };
    Runner::open(&spec, &env, &opts).unwrap()
}

/// The model's top-1 prediction after each prefix of `ids`.
fn top1(dir: &Path, ids: &[i64]) -> Vec<usize> {
    let mut r = runner(dir);
    let mut out = Vec::new();
    for (pos, &t) in ids.iter().enumerate() {
        let logits = if pos == 0 {
            r.extend(0, &[t], 0).unwrap()
        } else {
            r.decode(&[Some((t, pos))]).unwrap()
        };
        out.push(logits.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0);
    }
    out
}

fn engine(dir: &Path) -> Engine {
    let mut o = EngineOptions::new(dir);
    o.threads = 1;
    o.max_batch = 1;
    Engine::load(o).unwrap()
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let models = root.join("models");
    let gguf_file = models.join("SmolLM2-135M-Instruct.Q4_1.gguf");
    let fp32 = models.join("smollm2-135m-instruct-fp32");
    let int4 = models.join("smollm2-135m-instruct-int4");
    for p in [&gguf_file, &fp32, &int4] {
        if !p.exists() {
            eprintln!(
                "missing {}: run scripts/prepare-model, and --builder with --precision int4 and fp32",
                p.display()
            );
            std::process::exit(2);
        }
    }
    let work = root.join("target/gguf-bench");
    let mut imported = Vec::new();
    for level in [0, 4] {
        let out = work.join(format!("imported-acc{level}"));
        let t = Instant::now();
        let report = gguf::import(
            &gguf_file,
            &out,
            &ImportOptions { accuracy_level: level },
            &mut |_, _| {},
        )
        .unwrap();
        println!(
            "import (accuracy level {level}): {:.2} s wall ({:.2} s measured inside), {:.1} MB",
            t.elapsed().as_secs_f64(),
            report.seconds,
            report.bytes as f64 / 1e6
        );
        imported.push((format!("imported GGUF, accuracy level {level}"), out));
    }
    let candidates: Vec<(String, PathBuf)> = imported
        .into_iter()
        .chain([("builder int4 (re-quantized)".to_string(), int4.clone())])
        .collect();

    let reference = engine(&fp32);
    let ids = reference.tokenize(TEXT).unwrap();
    let ids = &ids[..ids.len().min(100)];
    drop(reference);
    let want = top1(&fp32, ids);
    println!(
        "\ntop-1 agreement with the fp32 dequantization over {} tokens:",
        ids.len()
    );
    for (name, dir) in &candidates {
        let got = top1(dir, ids);
        let same = got.iter().zip(&want).filter(|(a, b)| a == b).count();
        println!(
            "  {name:<40} {:.3} ({same}/{})",
            same as f64 / ids.len() as f64,
            ids.len()
        );
    }

    println!("\n\"What is the capital of France?\", greedy:");
    let q = vec![Message {
        role: "user".into(),
        content: "What is the capital of France?".into(),
    }];
    for (name, dir) in candidates
        .iter()
        .chain([("fp32 reference".to_string(), fp32.clone())].iter())
    {
        let e = engine(dir);
        let out = e
            .submit(
                Prompt::Chat(q.clone()),
                Sampling {
                    max_tokens: 40,
                    ..Sampling::default()
                },
            )
            .unwrap()
            .collect_blocking()
            .unwrap();
        println!("  {name:<40} [{}] {:?}", out.finish.reason.as_str(), out.text);
    }

    println!("\ndecode speed, 1 thread, 128 tokens (end of sequence kept out), median of 3:");
    let mut base = None;
    for (name, dir) in candidates.iter().rev() {
        let e = engine(dir);
        let prompt = e.render(&q).unwrap();
        let mut rates = Vec::new();
        for rep in 0..4 {
            let mut g = e
                .submit(
                    Prompt::Text(prompt.clone()),
                    Sampling {
                        max_tokens: 128,
                        ignore_eos: true,
                        ..Sampling::default()
                    },
                )
                .unwrap();
            let mut first = None;
            let mut n = 0;
            while let Some(ev) = g.events.blocking_recv() {
                match ev {
                    cordon_engine::Event::Token { .. } => {
                        n += 1;
                        first.get_or_insert_with(Instant::now);
                    }
                    _ => break,
                }
            }
            if rep > 0 {
                rates.push((n - 1) as f64 / first.unwrap().elapsed().as_secs_f64());
            }
        }
        rates.sort_by(f64::total_cmp);
        let rate = rates[1];
        let b = *base.get_or_insert(rate);
        println!(
            "  {name:<40} {rate:>7.1} tokens/s ({:.2}x the builder's int4)",
            rate / b
        );
    }
}
