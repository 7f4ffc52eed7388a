//! Generation on the tiny fixture model (random weights, SmolLM2's
//! architecture and tokenizer) through real ONNX Runtime.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use std::path::PathBuf;
use std::sync::OnceLock;

use cordon_engine::{Engine, EngineOptions, Event, FinishReason, Message, Prompt, Sampling, SubmitError};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny")
}

#[derive(serde::Deserialize)]
struct Reference {
    new_tokens: usize,
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    prompt: String,
    prompt_ids: Vec<i64>,
    tokens: Vec<i64>,
}

fn reference() -> Reference {
    let text = std::fs::read_to_string(fixture().join("reference.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `CORDON_TEST_DEVICE=cuda` runs these on the CUDA execution provider
/// (`scripts/gpu-check`); CPU otherwise.
fn device() -> cordon_engine::Device {
    match std::env::var("CORDON_TEST_DEVICE").as_deref() {
        Ok("cuda") => cordon_engine::Device::Cuda,
        _ => cordon_engine::Device::Cpu,
    }
}

fn options() -> EngineOptions {
    let mut o = EngineOptions::new(fixture());
    o.device = device();
    o.threads = 1;
    o.max_batch = 4;
    o.max_context = 256;
    o
}

/// One engine shared by the tests that do not need their own settings.
fn shared() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::load(options()).expect("load the tiny fixture (run scripts/fetch-ort first)"))
}

fn greedy(n: usize) -> Sampling {
    Sampling {
        max_tokens: n,
        ignore_eos: true,
        ..Sampling::default()
    }
}

#[test]
fn greedy_tokens_equal_onnxruntime_genai() {
    let r = reference();
    let engine = shared();
    for case in &r.cases {
        assert_eq!(
            engine.tokenize(&case.prompt).unwrap(),
            case.prompt_ids,
            "tokenizer differs on {:?}",
            case.prompt
        );
        let out = engine
            .submit(Prompt::Tokens(case.prompt_ids.clone()), greedy(r.new_tokens))
            .unwrap()
            .collect_blocking()
            .unwrap();
        assert_eq!(
            out.tokens, case.tokens,
            "tokens differ from onnxruntime-genai for {:?}",
            case.prompt
        );
        assert_eq!(out.finish.reason, FinishReason::Length);
        assert_eq!(out.finish.usage.prompt_tokens, case.prompt_ids.len());
        assert_eq!(out.finish.usage.completion_tokens, r.new_tokens);
        assert_eq!(
            out.text,
            engine.detokenize(&out.tokens).unwrap(),
            "streamed text differs from one decode"
        );
    }
}

#[test]
fn chat_template_renders_the_models_own_prompt() {
    let r = reference();
    let engine = shared();
    let text = engine
        .render(&[Message {
            role: "user".into(),
            content: "What is the capital of France?".into(),
        }])
        .unwrap();
    assert_eq!(text, r.cases[0].prompt);
    let with_system = engine
        .render(&[
            Message {
                role: "system".into(),
                content: "Be brief.".into(),
            },
            Message {
                role: "user".into(),
                content: "Hi".into(),
            },
        ])
        .unwrap();
    assert_eq!(
        with_system,
        "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
    );
}

#[test]
fn batched_requests_produce_the_same_tokens_as_each_alone() {
    let r = reference();
    let engine = shared();
    // Alone, one after the other.
    let alone: Vec<Vec<i64>> = r
        .cases
        .iter()
        .map(|c| {
            engine
                .submit(Prompt::Tokens(c.prompt_ids.clone()), greedy(40))
                .unwrap()
                .collect_blocking()
                .unwrap()
                .tokens
        })
        .collect();
    // Together: all submitted before any finishes, so decode steps are shared
    // by sequences of different lengths.
    let before = engine.stats().batched_rows.load(std::sync::atomic::Ordering::Relaxed);
    let steps_before = engine.stats().decode_steps.load(std::sync::atomic::Ordering::Relaxed);
    let gens: Vec<_> = r
        .cases
        .iter()
        .map(|c| engine.submit(Prompt::Tokens(c.prompt_ids.clone()), greedy(40)).unwrap())
        .collect();
    let together: Vec<Vec<i64>> = gens.into_iter().map(|g| g.collect_blocking().unwrap().tokens).collect();
    assert_eq!(together, alone);
    let rows = engine.stats().batched_rows.load(std::sync::atomic::Ordering::Relaxed) - before;
    let steps = engine.stats().decode_steps.load(std::sync::atomic::Ordering::Relaxed) - steps_before;
    assert!(
        rows > steps,
        "no decode step ran more than one sequence ({rows} rows in {steps} steps)"
    );
}

/// A runner on the fixture model with `max_batch` slots of 256 tokens.
fn fixture_runner(max_batch: usize) -> cordon_engine::runner::Runner {
    use cordon_engine::runner::{Runner, RunnerOptions};
    use cordon_engine::{model, runtime};
    let spec = model::ModelSpec::read(&fixture()).unwrap();
    let env = runtime::environment(&runtime::locate(None, device()).unwrap()).unwrap();
    let opts = RunnerOptions {
        device: device(),
        threads: 1,
        max_batch,
        max_len: 256,
        allow_cpu_fallback: false,
        kv_budget_bytes: None,
        cache_start: 0,
    };
    Runner::open(&spec, &env, &opts).unwrap()
}

/// The builder's graph (logits at every position): prompts prefilled
/// together in padded rows give the logits each gives alone.
#[test]
fn batched_prefill_equals_each_prompt_alone() {
    let r = reference();
    let mut runner = fixture_runner(4);
    let prompts: Vec<&[i64]> = r.cases.iter().take(4).map(|c| c.prompt_ids.as_slice()).collect();
    assert!(
        prompts.windows(2).any(|w| w[0].len() != w[1].len()),
        "lengths should differ"
    );
    let together = runner.prefill(0, &prompts).unwrap().to_vec();
    let v = together.len() / prompts.len();
    for (k, p) in prompts.iter().enumerate() {
        let alone = runner.extend(0, p, 0).unwrap().to_vec();
        let row = &together[k * v..(k + 1) * v];
        let scale = alone.iter().fold(1f32, |m, x| m.max(x.abs()));
        let err = row.iter().zip(&alone).fold(0f32, |m, (a, b)| m.max((a - b).abs())) / scale;
        assert!(err < 1e-3, "prompt {k}: batched prefill differs by {err}");
        let argmax = |x: &[f32]| (0..x.len()).max_by(|&a, &b| x[a].total_cmp(&x[b])).unwrap();
        assert_eq!(argmax(row), argmax(&alone));
        assert_eq!(argmax(row) as i64, r.cases[k].tokens[0]);
    }
}

/// On CPU the cache starts short and doubles as sequences need (16, 32,
/// 64, 128, 256 here): a prompt extended in chunks, one prefilled whole and
/// both decoded side by side (rows of different lengths, an idle row beside
/// them) give the logits of a cache allocated at full length at every step;
/// released, it is short again and still right.
#[test]
fn a_growing_cache_gives_the_logits_of_a_full_one() {
    use cordon_engine::runner::{Runner, RunnerOptions};
    use cordon_engine::{model, runtime};
    let r = reference();
    let spec = model::ModelSpec::read(&fixture()).unwrap();
    let env = runtime::environment(&runtime::locate(None, device()).unwrap()).unwrap();
    let open = |cache_start| {
        let opts = RunnerOptions {
            device: device(),
            threads: 1,
            max_batch: 3,
            max_len: 512,
            allow_cpu_fallback: false,
            kv_budget_bytes: None,
            cache_start,
        };
        Runner::open(&spec, &env, &opts).unwrap()
    };
    let (mut full, mut grown) = (open(512), open(16));
    let cpu = device() == cordon_engine::Device::Cpu;
    assert_eq!(full.cache_len(), 512);
    if cpu {
        assert_eq!(grown.cache_len(), 16);
        assert_eq!(grown.cache_bytes() * 32, full.cache_bytes());
    }
    let close = |a: &[f32], b: &[f32], what: &str| {
        assert_eq!(a.len(), b.len());
        let scale = a.iter().fold(1f32, |m, x| m.max(x.abs()));
        let err = a.iter().zip(b).fold(0f32, |m, (x, y)| m.max((x - y).abs())) / scale;
        assert!(err < 1e-5, "{what}: the growing cache differs by {err}");
    };
    let argmax = |x: &[f32]| (0..x.len()).max_by(|&a, &b| x[a].total_cmp(&x[b])).unwrap() as i64;
    let (a, b) = (&r.cases[0].prompt_ids, &r.cases[3].prompt_ids);
    assert!(a.len() > 32 && b.len() > 32 && a.len() != b.len());
    // Slot 0: in chunks of 10 (the cache grows to 32, then 64, on the way).
    let mut last = Vec::new();
    for start in (0..a.len()).step_by(10) {
        let chunk = &a[start..(start + 10).min(a.len())];
        last = full.extend(0, chunk, start).unwrap().to_vec();
        close(&last, grown.extend(0, chunk, start).unwrap(), "chunked prompt");
    }
    let mut next = [argmax(&last), 0];
    // Slot 1: whole, in a prefill call.
    let one = full.prefill(1, &[b]).unwrap().to_vec();
    close(&one, grown.prefill(1, &[b]).unwrap(), "prefill");
    next[1] = argmax(&one);
    let mut past = [a.len(), b.len()];
    let v = one.len();
    for step in 0..100 {
        let rows = [Some((next[0], past[0])), Some((next[1], past[1])), None];
        let want = full.decode(&rows).unwrap().to_vec();
        close(
            &want[..2 * v],
            &grown.decode(&rows).unwrap()[..2 * v],
            &format!("decode step {step}"),
        );
        for i in 0..2 {
            next[i] = argmax(&want[i * v..(i + 1) * v]);
            past[i] += 1;
        }
    }
    if cpu {
        assert_eq!(grown.cache_len(), 256, "{past:?} tokens");
        assert_eq!(grown.cache_bytes() * 2, full.cache_bytes());
    }
    grown.release();
    if cpu {
        assert_eq!(grown.cache_len(), 16);
    }
    let c = &r.cases[1].prompt_ids;
    close(
        full.extend(2, c, 0).unwrap(),
        grown.extend(2, c, 0).unwrap(),
        "after release",
    );
}

/// On CPU the engine's cache takes what its sequences need, as its stats
/// say: 256 tokens a slot at load, the full `max_context` once a sequence
/// passes 256, and 256 again once the engine is idle.
#[test]
fn the_engines_cache_grows_with_its_sequences_and_goes_back_when_idle() {
    if device() != cordon_engine::Device::Cpu {
        return;
    }
    let mut o = options();
    o.max_context = 512;
    let engine = Engine::load(o).unwrap();
    let full = engine.info().kv_cache_bytes;
    let now = || engine.stats().kv_cache_bytes.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(now(), full / 2);
    let prompt = reference().cases[3].prompt_ids.clone();
    let mut g = engine.submit(Prompt::Tokens(prompt.clone()), greedy(300)).unwrap();
    let mut n = 0;
    while let Some(ev) = g.events.blocking_recv() {
        match ev {
            Event::Token { .. } => {
                n += 1;
                if n == 280 {
                    assert_eq!(now(), full, "{} tokens in the cache", prompt.len() + n);
                }
            }
            Event::Done(_) => break,
            Event::Failed(e) => panic!("{e}"),
        }
    }
    assert_eq!(n, 300);
    let t = std::time::Instant::now();
    while now() != full / 2 && t.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(now(), full / 2, "idle, the cache is not back to 256 tokens a slot");
}

/// A decode step beside a prompt that its slot holds only part of: given
/// at its length, the step's dummy token for that slot lands where the
/// prompt's next chunk goes, and the chunk gives the logits it gives with
/// no step between (given as empty, the dummy overwrote position 0).
#[test]
fn a_decode_step_beside_a_prompt_under_way_leaves_its_cache_alone() {
    let r = reference();
    let mut runner = fixture_runner(2);
    let (p, q) = (&r.cases[3].prompt_ids, &r.cases[2].prompt_ids);
    runner.extend(0, &p[..8], 0).unwrap();
    let alone = runner.extend(0, &p[8..16], 8).unwrap().to_vec();
    runner.extend(1, q, 0).unwrap();
    runner.extend(0, &p[..8], 0).unwrap();
    runner.decode(&[Some((0, 8)), Some((5, q.len()))]).unwrap();
    let after = runner.extend(0, &p[8..16], 8).unwrap();
    let scale = alone.iter().fold(1f32, |m, x| m.max(x.abs()));
    let err = alone.iter().zip(after).fold(0f32, |m, (a, b)| m.max((a - b).abs())) / scale;
    assert!(
        err < 1e-5,
        "the prompt's next chunk differs by {err} after a decode step beside it"
    );
}

/// ONNX Runtime's arena for the model's device reports what it holds (on
/// CPU here: the activations' arena; on CUDA, with `CORDON_TEST_DEVICE=cuda`,
/// the device memory of weights, cache and activations).
#[test]
fn the_runtimes_memory_is_read_from_its_arena() {
    // Its own engine: it reads the figures whenever it goes idle, so the
    // second request starts only after a read that follows the first.
    let engine = Engine::load(options()).unwrap();
    for _ in 0..2 {
        let out = engine
            .submit(Prompt::Tokens(vec![1, 2, 3, 4, 5]), greedy(3))
            .unwrap()
            .collect_blocking()
            .unwrap();
        assert_eq!(out.tokens.len(), 3);
    }
    let m = engine
        .stats()
        .runtime_memory()
        .expect("ONNX Runtime reported no arena statistics");
    assert!(m.reserved > 0 && m.in_use <= m.reserved, "{m:?}");
    if engine.info().device == cordon_engine::Device::Cuda {
        assert!(m.in_use >= engine.info().kv_cache_bytes, "{m:?}");
    }
}

/// What a model swap relies on: an engine whose last handle is dropped
/// (the proxy put another in its place) finishes the requests it holds,
/// whole, then stops.
#[test]
fn a_dropped_engine_finishes_its_requests_before_it_stops() {
    let r = reference();
    let engine = Engine::load(options()).unwrap();
    let gens: Vec<_> = r
        .cases
        .iter()
        .map(|c| {
            engine
                .submit(Prompt::Tokens(c.prompt_ids.clone()), greedy(r.new_tokens))
                .unwrap()
        })
        .collect();
    drop(engine);
    for (g, case) in gens.into_iter().zip(&r.cases) {
        let out = g.collect_blocking().unwrap();
        assert_eq!(out.tokens, case.tokens, "a request in flight was cut or changed");
        assert_eq!(out.finish.reason, FinishReason::Length);
    }
}

#[test]
fn chunked_prefill_equals_whole_prompt() {
    let r = reference();
    let mut o = options();
    o.prefill_chunk = 7;
    o.max_batch = 2;
    let engine = Engine::load(o).unwrap();
    for case in &r.cases {
        let out = engine
            .submit(Prompt::Tokens(case.prompt_ids.clone()), greedy(r.new_tokens))
            .unwrap()
            .collect_blocking()
            .unwrap();
        assert_eq!(out.tokens, case.tokens, "chunked prefill differs for {:?}", case.prompt);
    }
}

#[test]
fn stop_sequences_and_max_tokens_end_generation() {
    let engine = shared();
    let prompt = Prompt::Chat(vec![Message {
        role: "user".into(),
        content: "Hello".into(),
    }]);
    let full = engine
        .submit(prompt.clone(), greedy(30))
        .unwrap()
        .collect_blocking()
        .unwrap();
    assert_eq!(full.tokens.len(), 30);
    // Stop at a piece of text the model is known to produce.
    let cut = full
        .text
        .char_indices()
        .nth(full.text.chars().count() / 2)
        .map(|(i, _)| i)
        .unwrap();
    let stop: String = full.text[cut..].chars().take(3).collect();
    let expect = &full.text[..full.text.find(&stop).unwrap()];
    let out = engine
        .submit(
            prompt,
            Sampling {
                stop: vec![stop.clone()],
                ..greedy(30)
            },
        )
        .unwrap()
        .collect_blocking()
        .unwrap();
    assert_eq!(out.finish.reason, FinishReason::Stop);
    assert_eq!(out.text, expect, "stop {stop:?}");
}

#[test]
fn sampling_with_a_seed_is_reproducible() {
    let engine = shared();
    let s = Sampling {
        temperature: 1.0,
        top_p: 0.9,
        top_k: 40,
        seed: Some(7),
        max_tokens: 20,
        ignore_eos: true,
        ..Sampling::default()
    };
    let p = Prompt::Text("Once upon a time".into());
    let a = engine
        .submit(p.clone(), s.clone())
        .unwrap()
        .collect_blocking()
        .unwrap()
        .tokens;
    let b = engine
        .submit(p.clone(), s.clone())
        .unwrap()
        .collect_blocking()
        .unwrap()
        .tokens;
    let c = engine
        .submit(p, Sampling { seed: Some(8), ..s })
        .unwrap()
        .collect_blocking()
        .unwrap()
        .tokens;
    assert_eq!(a, b);
    assert_ne!(a, c, "another seed gave the same 20 tokens");
}

#[test]
fn a_dropped_request_is_cancelled_and_its_slot_reused() {
    let mut o = options();
    o.max_batch = 1;
    let engine = Engine::load(o).unwrap();
    let mut g = engine
        .submit(Prompt::Text("Once upon a time".into()), greedy(200))
        .unwrap();
    // Wait for the first token, then walk away.
    assert!(matches!(g.events.blocking_recv(), Some(Event::Token { .. })));
    drop(g);
    // The only slot is free again: a new request completes.
    let out = engine
        .submit(Prompt::Text("Hello".into()), greedy(5))
        .unwrap()
        .collect_blocking()
        .unwrap();
    assert_eq!(out.tokens.len(), 5);
    assert_eq!(engine.stats().cancelled.load(std::sync::atomic::Ordering::Relaxed), 1);
}

#[test]
fn a_full_queue_refuses_and_bad_requests_are_invalid() {
    let mut o = options();
    o.max_batch = 1;
    o.max_queue = 2;
    let engine = Engine::load(o).unwrap();
    let mut held = Vec::new();
    let mut refused = 0;
    for _ in 0..8 {
        match engine.submit(Prompt::Text("Once upon a time".into()), greedy(100)) {
            Ok(g) => held.push(g),
            Err(SubmitError::QueueFull(_)) => refused += 1,
            Err(e) => panic!("{e}"),
        }
    }
    // One runs, at most two wait, so at least five are refused.
    assert!(refused >= 5, "refused {refused}");
    drop(held);
    let long = "word ".repeat(400);
    assert!(
        matches!(engine.submit(Prompt::Text(long), greedy(1)), Err(SubmitError::Invalid(m)) if m.contains("context"))
    );
    assert!(matches!(
        engine.submit(
            Prompt::Text("x".into()),
            Sampling {
                temperature: 3.0,
                ..greedy(1)
            }
        ),
        Err(SubmitError::Invalid(_))
    ));
}

#[test]
fn streaming_text_never_splits_a_character() {
    let engine = shared();
    // Sampled at a high temperature the random model emits arbitrary byte tokens.
    let s = Sampling {
        temperature: 2.0,
        seed: Some(3),
        max_tokens: 120,
        ignore_eos: true,
        ..Sampling::default()
    };
    let mut g = engine.submit(Prompt::Text("¿Qué tal? 你好 🙂".into()), s).unwrap();
    let mut streamed = String::new();
    let mut ids = Vec::new();
    while let Some(ev) = g.events.blocking_recv() {
        match ev {
            Event::Token { id, text } => {
                ids.push(id);
                streamed.push_str(&text);
            }
            Event::Done(f) => {
                streamed.push_str(&f.text);
                break;
            }
            Event::Failed(e) => panic!("{e}"),
        }
    }
    // Each piece was a valid String; together they are the whole decode
    // (a trailing incomplete character is the only thing that may be missing).
    let whole = engine.detokenize(&ids).unwrap();
    assert!(
        whole.starts_with(&streamed),
        "streamed text is not a prefix of the decode"
    );
    assert!(whole.len() - streamed.len() <= 3 || whole[streamed.len()..].contains('\u{FFFD}'));
}

#[test]
fn a_folder_that_is_not_a_model_is_refused_clearly() {
    let err = Engine::load(EngineOptions::new("/nonexistent/model"))
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("genai_config.json"), "{err}");
}
