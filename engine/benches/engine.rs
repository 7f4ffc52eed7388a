//! Engine speed against onnxruntime-genai, both measured in this run on the
//! same model folder (the builder's SmolLM2-135M-Instruct int4 by default,
//! `models/smollm2-135m-instruct-int4`):
//! - batch 1, greedy, a 95-token chat prompt, 128 new tokens (end of sequence
//!   kept out), one warm-up then 3 runs, the two sides taking turns (each
//!   onnxruntime-genai run a process of its own, with its own warm-up),
//!   medians: time to first token, decode tokens/s, and process CPU ms per
//!   decoded token; both sides with the same ONNX Runtime thread count (1 by
//!   default: on a shared machine CPU time is the steadier figure);
//! - Cordon's aggregate tokens/s with 1, 4 and 8 concurrent requests
//!   (continuous batching), against its own batch-1 figure, with time to
//!   first token (p50, p99) under that load; new prompts prefilled together
//!   (the default) and one at a time (`prefill_rows: 1`), the two engines
//!   taking turns for CORDON_BENCH_ROUNDS (3) rounds, medians.
//!
//! Needs `scripts/prepare-model --builder` (the builder's int4 model and the Python venv with
//! onnxruntime-genai) and `scripts/fetch-ort`.
//! Run: `cargo bench -p cordon-engine --bench engine`
//! (CORDON_BENCH_MODEL may also name a GGUF file: Cordon imports it, and the
//! onnxruntime-genai side is skipped, having no folder of its own).
//! Settings: CORDON_BENCH_MODEL (folder), CORDON_BENCH_DEVICE (cpu or cuda), CORDON_BENCH_THREADS (1),
//! CORDON_BENCH_NEW (128), CORDON_BENCH_PYTHON (target/model-venv/bin/python), CORDON_BENCH_CONTEXT
//! (the engine's `max_context`, 2048; onnxruntime-genai's cache is prompt + new tokens long, 223 here;
//! Cordon's, on CPU, 256 tokens until a sequence needs more), CORDON_BENCH_CACHE_START (the engine's
//! `cache_start`: 2048 or more allocates the cache whole, as before it grew).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use cordon_engine::{Engine, EngineOptions, Event, Prompt, Sampling};

const USER: &str = "I am planning a week-long trip to France in the spring. I would like to visit Paris, \
Lyon and the south coast, and I enjoy museums, local food markets, long walks and small historic towns. \
Please suggest a day-by-day plan, and tell me what the capital of France is famous for.";
const SYSTEM: &str =
    "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n";

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

/// Process CPU time (user + system), from /proc (clock ticks of 10 ms).
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 10)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Run {
    ttft: f64,
    ttft_cpu: f64,
    tok_s: f64,
    cpu_per_tok: f64,
    tokens: Vec<i64>,
}

fn one(engine: &Engine, ids: &[i64], new: usize) -> Run {
    let s = Sampling {
        max_tokens: new,
        ignore_eos: true,
        ..Sampling::default()
    };
    let (t0, c0) = (Instant::now(), cpu());
    let mut g = engine.submit(Prompt::Tokens(ids.to_vec()), s).unwrap();
    let mut tokens = Vec::new();
    let mut first = None;
    while let Some(ev) = g.events.blocking_recv() {
        match ev {
            Event::Token { id, .. } => {
                tokens.push(id);
                if first.is_none() {
                    first = Some((t0.elapsed(), cpu()));
                }
            }
            Event::Done(_) => break,
            Event::Failed(e) => panic!("{e}"),
        }
    }
    let (t_end, c_end) = (t0.elapsed(), cpu());
    let (t1, c1) = first.unwrap();
    let n = (tokens.len() - 1) as f64;
    Run {
        ttft: t1.as_secs_f64() * 1e3,
        ttft_cpu: (c1 - c0).as_secs_f64() * 1e3,
        tok_s: n / (t_end - t1).as_secs_f64(),
        cpu_per_tok: (c_end - c1).as_secs_f64() * 1e3 / n,
        tokens,
    }
}

/// `n` requests submitted at once: aggregate tokens/s, and each request's
/// time to first token (ms, from its submission).
fn aggregate(engine: &Engine, ids: &[i64], new: usize, n: usize) -> (f64, Vec<f64>) {
    let s = Sampling {
        max_tokens: new,
        ignore_eos: true,
        ..Sampling::default()
    };
    let t0 = Instant::now();
    let gens: Vec<_> = (0..n)
        .map(|_| {
            (
                Instant::now(),
                engine.submit(Prompt::Tokens(ids.to_vec()), s.clone()).unwrap(),
            )
        })
        .collect();
    let handles: Vec<_> = gens
        .into_iter()
        .map(|(sent, mut g)| {
            std::thread::spawn(move || {
                let (mut count, mut first) = (0usize, None);
                while let Some(ev) = g.events.blocking_recv() {
                    match ev {
                        Event::Token { .. } => {
                            count += 1;
                            first.get_or_insert_with(|| sent.elapsed().as_secs_f64() * 1e3);
                        }
                        Event::Done(_) => break,
                        Event::Failed(e) => panic!("{e}"),
                    }
                }
                (count, first.unwrap_or(f64::NAN))
            })
        })
        .collect();
    let (mut total, mut ttfts) = (0, Vec::new());
    for h in handles {
        let (count, ttft) = h.join().unwrap();
        total += count;
        ttfts.push(ttft);
    }
    (total as f64 / t0.elapsed().as_secs_f64(), ttfts)
}

/// The `p`-th percentile (nearest rank).
fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    v[rank.min(v.len()) - 1]
}

fn main() {
    // `cargo bench` passes --bench; nothing else is taken from the command line.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let model = PathBuf::from(env_or("CORDON_BENCH_MODEL", "models/smollm2-135m-instruct-int4"));
    let model = if model.is_absolute() { model } else { root.join(model) };
    let threads: usize = env_or("CORDON_BENCH_THREADS", "1").parse().unwrap();
    let new: usize = env_or("CORDON_BENCH_NEW", "128").parse().unwrap();
    let python = root.join(env_or("CORDON_BENCH_PYTHON", "target/model-venv/bin/python"));
    let gguf = model.extension().is_some_and(|e| e == "gguf") && model.is_file();
    if !gguf && !model.join("genai_config.json").is_file() {
        eprintln!(
            "no model at {}: run scripts/prepare-model --builder first",
            model.display()
        );
        std::process::exit(2);
    }
    let mut opts = EngineOptions::new(&model);
    opts.threads = threads;
    if env_or("CORDON_BENCH_DEVICE", "cpu") == "cuda" {
        opts.device = cordon_engine::Device::Cuda;
    }
    opts.max_batch = 8;
    if let Ok(n) = std::env::var("CORDON_BENCH_CONTEXT") {
        opts.max_context = n.parse().unwrap();
    }
    if let Ok(n) = std::env::var("CORDON_BENCH_CACHE_START") {
        opts.cache_start = n.parse().unwrap();
    }
    let opts_base = opts.clone();
    let engine = Engine::load(opts).unwrap();
    let ids = engine
        .tokenize(&format!(
            "{SYSTEM}<|im_start|>user\n{USER}<|im_end|>\n<|im_start|>assistant\n"
        ))
        .unwrap();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "model {} ({} layers, {}), prompt {} tokens, {} new tokens, {} ONNX Runtime thread(s), loadavg {}",
        engine.info().name,
        engine.info().layers,
        engine.info().device.as_str(),
        ids.len(),
        new,
        threads,
        load.split_whitespace().next().unwrap_or("?")
    );

    // onnxruntime-genai, same model, same prompt ids, same threads: one
    // process per run (its own warm-up, then one measured generation),
    // taking turns with Cordon's runs so that a shared machine's load falls
    // on both alike.
    let genai_once = || -> Result<serde_json::Value, String> {
        let out = Command::new(&python)
            .arg(root.join("models/prepare/bench_genai.py"))
            .arg(&model)
            .arg(serde_json::to_string(&ids).unwrap())
            .arg(new.to_string())
            .arg("1")
            .arg(threads.to_string())
            .output()
            .map_err(|e| format!("cannot run {} ({e}): run scripts/prepare-model", python.display()))?;
        if !out.status.success() {
            return Err(format!(
                "onnxruntime-genai failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        serde_json::from_slice(&out.stdout).map_err(|e| format!("onnxruntime-genai's output: {e}"))
    };
    let mut theirs_runs: Vec<serde_json::Value> = Vec::new();
    let mut genai_ok = !gguf;

    // Cordon, batch 1, taking turns with onnxruntime-genai.
    one(&engine, &ids, new);
    let mut runs: Vec<Run> = Vec::new();
    for _ in 0..3 {
        if genai_ok {
            match genai_once() {
                Ok(v) => theirs_runs.push(v),
                Err(e) => {
                    eprintln!("{e}");
                    genai_ok = false;
                }
            }
        }
        runs.push(one(&engine, &ids, new));
    }
    let genai: Option<serde_json::Value> = genai_ok.then(|| {
        let med = |k: &str| median(theirs_runs.iter().map(|g| g[k].as_f64().unwrap_or(f64::NAN)).collect());
        serde_json::json!({
            "ttft_ms": med("ttft_ms"),
            "ttft_cpu_ms": med("ttft_cpu_ms"),
            "decode_tok_s": med("decode_tok_s"),
            "cpu_ms_per_tok": med("cpu_ms_per_tok"),
            "tokens": theirs_runs[0]["tokens"],
        })
    });
    let c_ttft = median(runs.iter().map(|r| r.ttft).collect());
    let c_ttft_cpu = median(runs.iter().map(|r| r.ttft_cpu).collect());
    let c_tps = median(runs.iter().map(|r| r.tok_s).collect());
    let c_cpu = median(runs.iter().map(|r| r.cpu_per_tok).collect());
    println!("\nbatch 1 (medians, in turns)    time to first token   decode tokens/s   CPU ms per token");
    println!("cordon                        {c_ttft:>8.1} ms (CPU {c_ttft_cpu:>5.0})   {c_tps:>10.1}   {c_cpu:>12.2}");
    if let Some(g) = &genai {
        let f = |k: &str| g[k].as_f64().unwrap_or(f64::NAN);
        println!(
            "onnxruntime-genai (Python)    {:>8.1} ms (CPU {:>5.0})   {:>10.1}   {:>12.2}",
            f("ttft_ms"),
            f("ttft_cpu_ms"),
            f("decode_tok_s"),
            f("cpu_ms_per_tok")
        );
        println!(
            "ratio cordon / genai          TTFT {:.2}x faster, decode {:.2}x, CPU per token {:.2}x less",
            f("ttft_ms") / c_ttft,
            c_tps / f("decode_tok_s"),
            f("cpu_ms_per_tok") / c_cpu
        );
        let theirs: Vec<i64> = g["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        let same = theirs.iter().zip(&runs[0].tokens).take_while(|(a, b)| a == b).count();
        println!("greedy tokens identical to onnxruntime-genai: {same}/{}", theirs.len());
    }

    // Aggregate throughput with concurrent requests: new prompts prefilled
    // together (the default) and one at a time (prefill_rows 1, the engine
    // before batched prefill), each against its own batch-1 figure. The two
    // engines take turns, round after round (which goes first alternating),
    // so that a shared machine's load falls on both alike; medians over the
    // rounds, time to first
    // token over every request of every round.
    let mut engines = vec![("new prompts prefilled together", engine)];
    if env_or("CORDON_BENCH_BASELINE", "1") != "0" {
        let mut opts = opts_base;
        opts.prefill_rows = 1;
        engines.push((
            "one prompt per prefill call (prefill_rows: 1)",
            Engine::load(opts).unwrap(),
        ));
    }
    let rounds: usize = env_or("CORDON_BENCH_ROUNDS", "3").parse().unwrap();
    let widths = [1, 4, 8];
    // [engine][width] -> (rates, time to first token of every request)
    let mut seen: Vec<Vec<(Vec<f64>, Vec<f64>)>> = engines
        .iter()
        .map(|_| widths.iter().map(|_| Default::default()).collect())
        .collect();
    for (_, engine) in &engines {
        for &n in &widths {
            aggregate(engine, &ids, new / 4, n); // warm this batch width
        }
    }
    for round in 0..rounds {
        for (w, &n) in widths.iter().enumerate() {
            // Which engine goes first alternates from round to round.
            for k in 0..engines.len() {
                let e = (k + round) % engines.len();
                let engine = &engines[e].1;
                let (rate, ttfts) = aggregate(engine, &ids, new, n);
                seen[e][w].0.push(rate);
                seen[e][w].1.extend(ttfts);
            }
        }
    }
    for (e, (label, engine)) in engines.iter().enumerate() {
        println!(
            "\n{label} (medians of {rounds} rounds)\nconcurrent requests   aggregate tokens/s   vs 1   time to first token p50 / p99 (ms)"
        );
        let base = median(seen[e][0].0.clone());
        for (w, &n) in widths.iter().enumerate() {
            let rate = median(seen[e][w].0.clone());
            println!(
                "{n:>19}   {rate:>18.1}   {:>4.2}x   {:>8.0} / {:>8.0}",
                rate / base,
                percentile(seen[e][w].1.clone(), 50.0),
                percentile(seen[e][w].1.clone(), 99.0)
            );
        }
        let st = engine.stats();
        let r = std::sync::atomic::Ordering::Relaxed;
        println!(
            "prefill calls for new prompts: {} carrying {} prompts",
            st.prefill_calls.load(r),
            st.prefill_rows.load(r)
        );
    }
}
