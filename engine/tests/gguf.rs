//! GGUF import against a direct computation: the test writes a tiny GGUF
//! (random weights in every supported block type: Q4_0, Q4_1, Q8_0, Q5_K,
//! Q6_K, F16, F32; Q4_K takes Q4_1's path), imports it, runs the graph through ONNX Runtime, and compares its
//! logits with a plain f32 Llama forward pass over the same weights, which
//! the test dequantizes itself from the values it encoded.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use cordon_engine::gguf::{self, ImportOptions};
use cordon_engine::runner::{Runner, RunnerOptions};
use cordon_engine::{model, runtime, sample::Rng, Device, Engine, EngineOptions, Message, Prompt, Sampling};
use half::f16;

const H: usize = 64;
const HEADS: usize = 4;
const KVH: usize = 2;
const HD: usize = 16;
const FF: usize = 256;
const LAYERS: usize = 2;
const BASE: f32 = 10000.0;
const EPS: f32 = 1e-5;

/// A tensor as the test made it: its exact f32 values and its GGUF bytes.
struct T {
    name: String,
    dims: Vec<u64>,
    ty: u32,
    bytes: Vec<u8>,
    values: Vec<f32>,
}

fn tensor(rng: &mut Rng, name: &str, dims: &[usize], ty: u32, scale: f32) -> T {
    let n: usize = dims.iter().product();
    let mut bytes = Vec::new();
    let mut values = Vec::with_capacity(n);
    let unif = |rng: &mut Rng| rng.next_f32() * 2.0 - 1.0;
    match ty {
        0 => {
            for _ in 0..n {
                let v = unif(rng) * scale;
                bytes.extend(v.to_le_bytes());
                values.push(v);
            }
        }
        1 => {
            for _ in 0..n {
                let v = f16::from_f32(unif(rng) * scale);
                bytes.extend(v.to_le_bytes());
                values.push(v.to_f32());
            }
        }
        2 | 3 | 8 => {
            for _ in 0..n / 32 {
                let d = f16::from_f32((rng.next_f32() * 0.5 + 0.5) * scale / 8.0);
                let m = f16::from_f32(-unif(rng).abs() * scale);
                let q: Vec<i32> = (0..32)
                    .map(|_| {
                        if ty == 8 {
                            (rng.next_u64() % 255) as i32 - 127
                        } else {
                            (rng.next_u64() % 16) as i32
                        }
                    })
                    .collect();
                bytes.extend(d.to_le_bytes());
                if ty == 3 {
                    bytes.extend(m.to_le_bytes());
                }
                if ty == 8 {
                    bytes.extend(q.iter().map(|&x| x as i8 as u8));
                } else {
                    // GGUF Q4: byte j holds element j (low nibble) and j + 16 (high nibble).
                    bytes.extend((0..16).map(|j| (q[j] as u8) | ((q[j + 16] as u8) << 4)));
                }
                let (d, m) = (d.to_f32(), m.to_f32());
                values.extend(q.iter().map(|&x| match ty {
                    2 => d * (x as f32 - 8.0),
                    3 => d * x as f32 + m,
                    _ => d * x as f32,
                }));
            }
        }
        12..=14 => {
            // K-quants: random super-blocks with sane scales, read back with the
            // importer's dequantization (itself checked against ggml's reference
            // in the unit tests).
            let size = [144, 176, 210][ty as usize - 12];
            for _ in 0..n / 256 {
                let mut blk: Vec<u8> = (0..size).map(|_| rng.next_u64() as u8).collect();
                let d = f16::from_f32(scale / 64.0).to_le_bytes();
                let dmin = f16::from_f32(scale / 64.0).to_le_bytes();
                if ty == 14 {
                    blk[208..210].copy_from_slice(&d);
                    // Small signed sub-block scales.
                    for b in &mut blk[192..208] {
                        *b = ((*b % 16) as i8 - 8) as u8;
                    }
                } else {
                    blk[0..2].copy_from_slice(&d);
                    blk[2..4].copy_from_slice(&dmin);
                }
                bytes.extend(&blk);
            }
            let kind = match ty {
                12 => gguf::reader::GgmlType::Q4_K,
                13 => gguf::reader::GgmlType::Q5_K,
                _ => gguf::reader::GgmlType::Q6_K,
            };
            values = gguf::quant::dequantize(kind, &bytes, n).unwrap();
        }
        _ => unreachable!(),
    }
    // GGUF dims are innermost first: a matrix of `rows` x `cols` is [cols, rows].
    let gdims: Vec<u64> = dims.iter().rev().map(|&d| d as u64).collect();
    T {
        name: name.into(),
        dims: gdims,
        ty,
        bytes,
        values,
    }
}

fn byte_tokens() -> Vec<String> {
    // GPT-2's byte-to-unicode table: printable bytes map to themselves.
    let mut printable: Vec<u32> = (b'!' as u32..=b'~' as u32)
        .chain(0xA1..=0xAC)
        .chain(0xAE..=0xFF)
        .collect();
    let mut chars: Vec<u32> = printable.clone();
    let mut extra = 0;
    for b in 0..256u32 {
        if !printable.contains(&b) {
            printable.push(b);
            chars.push(256 + extra);
            extra += 1;
        }
    }
    let mut pairs: Vec<(u32, u32)> = printable.into_iter().zip(chars).collect();
    pairs.sort();
    pairs
        .into_iter()
        .map(|(_, c)| char::from_u32(c).unwrap().to_string())
        .collect()
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend((s.len() as u64).to_le_bytes());
    out.extend(s.as_bytes());
}

enum V<'a> {
    U32(u32),
    F32(f32),
    Str(&'a str),
    Strs(&'a [String]),
    I32s(&'a [i32]),
}

fn write_gguf(path: &Path, kv: &[(&str, V)], tensors: &[T]) {
    let mut out = Vec::new();
    out.extend(b"GGUF");
    out.extend(3u32.to_le_bytes());
    out.extend((tensors.len() as u64).to_le_bytes());
    out.extend((kv.len() as u64).to_le_bytes());
    for (k, v) in kv {
        put_str(&mut out, k);
        match v {
            V::U32(x) => {
                out.extend(4u32.to_le_bytes());
                out.extend(x.to_le_bytes());
            }
            V::F32(x) => {
                out.extend(6u32.to_le_bytes());
                out.extend(x.to_le_bytes());
            }
            V::Str(s) => {
                out.extend(8u32.to_le_bytes());
                put_str(&mut out, s);
            }
            V::Strs(a) => {
                out.extend(9u32.to_le_bytes());
                out.extend(8u32.to_le_bytes());
                out.extend((a.len() as u64).to_le_bytes());
                for s in a.iter() {
                    put_str(&mut out, s);
                }
            }
            V::I32s(a) => {
                out.extend(9u32.to_le_bytes());
                out.extend(5u32.to_le_bytes());
                out.extend((a.len() as u64).to_le_bytes());
                for x in a.iter() {
                    out.extend(x.to_le_bytes());
                }
            }
        }
    }
    let mut offset = 0u64;
    for t in tensors {
        put_str(&mut out, &t.name);
        out.extend((t.dims.len() as u32).to_le_bytes());
        for d in &t.dims {
            out.extend(d.to_le_bytes());
        }
        out.extend(t.ty.to_le_bytes());
        out.extend(offset.to_le_bytes());
        offset += (t.bytes.len() as u64).div_ceil(32) * 32;
    }
    while out.len() % 32 != 0 {
        out.push(0);
    }
    for t in tensors {
        out.extend(&t.bytes);
        while out.len() % 32 != 0 {
            out.push(0);
        }
    }
    std::fs::write(path, out).unwrap();
}

struct Model {
    tensors: Vec<T>,
    vocab: usize,
    arch: String,
}

impl Model {
    fn w(&self, name: &str) -> &[f32] {
        &self.tensors.iter().find(|t| t.name == name).unwrap().values
    }

    fn linear(&self, name: &str, x: &[f32]) -> Vec<f32> {
        let mut y = matvec(self.w(&format!("{name}.weight")), x);
        if let Some(b) = self.tensors.iter().find(|t| t.name == format!("{name}.bias")) {
            y.iter_mut().zip(&b.values).for_each(|(a, b)| *a += b);
        }
        y
    }
}

fn build(dir: &Path) -> (std::path::PathBuf, Model, Vec<String>) {
    build_arch(dir, "llama")
}

/// `llama` (adjacent rotary pairs) or `qwen2` (rotary halves, Q/K/V biases).
fn build_arch(dir: &Path, arch: &str) -> (std::path::PathBuf, Model, Vec<String>) {
    let mut rng = Rng::new(2024);
    let mut tokens: Vec<String> = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    tokens.extend(byte_tokens());
    let vocab = tokens.len();
    let mut ts = vec![tensor(&mut rng, "token_embd.weight", &[vocab, H], 8, 1.0)];
    // Every block type in some matrix: (q, k, v, o, gate, up, down) per layer.
    let types = [[2, 3, 8, 1, 3, 2, 14], [3, 3, 3, 0, 8, 3, 13]];
    for (l, ty) in types.iter().enumerate() {
        let p = |s: &str| format!("blk.{l}.{s}");
        ts.push(tensor(&mut rng, &p("attn_norm.weight"), &[H], 0, 1.0));
        ts.push(tensor(&mut rng, &p("attn_q.weight"), &[HEADS * HD, H], ty[0], 0.3));
        ts.push(tensor(&mut rng, &p("attn_k.weight"), &[KVH * HD, H], ty[1], 0.3));
        ts.push(tensor(&mut rng, &p("attn_v.weight"), &[KVH * HD, H], ty[2], 0.3));
        if arch == "qwen2" {
            ts.push(tensor(&mut rng, &p("attn_q.bias"), &[HEADS * HD], 0, 0.5));
            ts.push(tensor(&mut rng, &p("attn_k.bias"), &[KVH * HD], 0, 0.5));
            ts.push(tensor(&mut rng, &p("attn_v.bias"), &[KVH * HD], 0, 0.5));
        }
        ts.push(tensor(&mut rng, &p("attn_output.weight"), &[H, HEADS * HD], ty[3], 0.2));
        ts.push(tensor(&mut rng, &p("ffn_norm.weight"), &[H], 0, 1.0));
        ts.push(tensor(&mut rng, &p("ffn_gate.weight"), &[FF, H], ty[4], 0.3));
        ts.push(tensor(&mut rng, &p("ffn_up.weight"), &[FF, H], ty[5], 0.3));
        ts.push(tensor(&mut rng, &p("ffn_down.weight"), &[H, FF], ty[6], 0.2));
    }
    ts.push(tensor(&mut rng, "output_norm.weight", &[H], 0, 1.0));
    let types_list: Vec<i32> = (0..vocab).map(|i| if i < 3 { 3 } else { 1 }).collect();
    let template = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
    let path = dir.join(if arch == "llama" {
        "tiny.gguf".to_string()
    } else {
        format!("tiny-{arch}.gguf")
    });
    write_gguf(
        &path,
        &[
            ("general.architecture", V::Str(arch)),
            (&*format!("{arch}.block_count"), V::U32(LAYERS as u32)),
            (&*format!("{arch}.context_length"), V::U32(128)),
            (&*format!("{arch}.embedding_length"), V::U32(H as u32)),
            (&*format!("{arch}.feed_forward_length"), V::U32(FF as u32)),
            (&*format!("{arch}.attention.head_count"), V::U32(HEADS as u32)),
            (&*format!("{arch}.attention.head_count_kv"), V::U32(KVH as u32)),
            (&*format!("{arch}.rope.freq_base"), V::F32(BASE)),
            (&*format!("{arch}.attention.layer_norm_rms_epsilon"), V::F32(EPS)),
            ("tokenizer.ggml.model", V::Str("gpt2")),
            ("tokenizer.ggml.tokens", V::Strs(&tokens)),
            ("tokenizer.ggml.token_type", V::I32s(&types_list)),
            ("tokenizer.ggml.merges", V::Strs(&[])),
            ("tokenizer.ggml.bos_token_id", V::U32(1)),
            ("tokenizer.ggml.eos_token_id", V::U32(2)),
            ("tokenizer.chat_template", V::Str(template)),
        ],
        &ts,
    );
    (
        path,
        Model {
            tensors: ts,
            vocab,
            arch: arch.to_string(),
        },
        tokens,
    )
}

fn matvec(w: &[f32], x: &[f32]) -> Vec<f32> {
    let k = x.len();
    w.chunks_exact(k)
        .map(|row| row.iter().zip(x).map(|(a, b)| a * b).sum())
        .collect()
}

fn rmsnorm(x: &[f32], w: &[f32]) -> Vec<f32> {
    let ms = x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32;
    let r = 1.0 / (ms + EPS).sqrt();
    x.iter().zip(w).map(|(v, g)| v * r * g).collect()
}

/// Adjacent pairs rotated (llama.cpp's "normal" rope on its permuted Q and
/// K), or halves (NeoX, Qwen2).
fn rope(v: &mut [f32], pos: usize, halves: bool) {
    for head in v.chunks_exact_mut(HD) {
        for i in 0..HD / 2 {
            let a = pos as f32 * BASE.powf(-(2.0 * i as f32) / HD as f32);
            let (c, s) = (a.cos(), a.sin());
            let (i0, i1) = if halves { (i, i + HD / 2) } else { (2 * i, 2 * i + 1) };
            let (x, y) = (head[i0], head[i1]);
            head[i0] = x * c - y * s;
            head[i1] = x * s + y * c;
        }
    }
}

/// Logits at every position of `ids`, f32 all the way.
fn reference(m: &Model, ids: &[i64]) -> Vec<Vec<f32>> {
    let emb = m.w("token_embd.weight");
    let mut keys: Vec<Vec<Vec<f32>>> = vec![Vec::new(); LAYERS];
    let mut vals: Vec<Vec<Vec<f32>>> = vec![Vec::new(); LAYERS];
    let mut out = Vec::new();
    for (pos, &id) in ids.iter().enumerate() {
        let mut x = emb[id as usize * H..(id as usize + 1) * H].to_vec();
        for l in 0..LAYERS {
            let p = |s: &str| format!("blk.{l}.{s}");
            let h = rmsnorm(&x, m.w(&p("attn_norm.weight")));
            let mut q = m.linear(&p("attn_q"), &h);
            let mut k = m.linear(&p("attn_k"), &h);
            let v = m.linear(&p("attn_v"), &h);
            rope(&mut q, pos, m.arch == "qwen2");
            rope(&mut k, pos, m.arch == "qwen2");
            keys[l].push(k);
            vals[l].push(v);
            let mut attn = vec![0f32; HEADS * HD];
            for hq in 0..HEADS {
                let kv = hq / (HEADS / KVH);
                let qh = &q[hq * HD..(hq + 1) * HD];
                let scores: Vec<f32> = keys[l]
                    .iter()
                    .map(|kk| {
                        qh.iter()
                            .zip(&kk[kv * HD..(kv + 1) * HD])
                            .map(|(a, b)| a * b)
                            .sum::<f32>()
                            / (HD as f32).sqrt()
                    })
                    .collect();
                let max = scores.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
                let e: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
                let z: f32 = e.iter().sum();
                for (j, vv) in vals[l].iter().enumerate() {
                    for d in 0..HD {
                        attn[hq * HD + d] += e[j] / z * vv[kv * HD + d];
                    }
                }
            }
            let o = matvec(m.w(&p("attn_output.weight")), &attn);
            x.iter_mut().zip(&o).for_each(|(a, b)| *a += b);
            let h2 = rmsnorm(&x, m.w(&p("ffn_norm.weight")));
            let g = matvec(m.w(&p("ffn_gate.weight")), &h2);
            let u = matvec(m.w(&p("ffn_up.weight")), &h2);
            let act: Vec<f32> = g.iter().zip(&u).map(|(g, u)| g / (1.0 + (-g).exp()) * u).collect();
            let d = matvec(m.w(&p("ffn_down.weight")), &act);
            x.iter_mut().zip(&d).for_each(|(a, b)| *a += b);
        }
        let hf = rmsnorm(&x, m.w("output_norm.weight"));
        out.push(matvec(emb, &hf));
    }
    assert_eq!(out[0].len(), m.vocab);
    out
}

fn worst(a: &[f32], b: &[f32]) -> f32 {
    let scale = b.iter().map(|v| v.abs()).fold(0.0f32, f32::max).max(1.0);
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0f32, f32::max) / scale
}

#[test]
fn an_imported_gguf_computes_what_its_weights_say() {
    check_against_reference("llama");
}

#[test]
fn an_imported_qwen2_gguf_computes_what_its_weights_say() {
    check_against_reference("qwen2");
}

fn check_against_reference(arch: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (path, m, _) = build_arch(dir.path(), arch);
    let out = dir.path().join("imported");
    let mut calls = 0;
    let report = gguf::import(&path, &out, &ImportOptions::default(), &mut |_, _| calls += 1).unwrap();
    assert!(calls >= LAYERS + 2, "progress reported {calls} times");
    for ty in ["Q4_0", "Q4_1", "Q8_0", "Q5_K", "Q6_K", "F16", "F32"] {
        assert!(report.types.contains_key(ty), "{ty} not in {:?}", report.types);
    }
    let spec = model::ModelSpec::read(&out).unwrap();
    let env = runtime::environment(&runtime::locate(None, Device::Cpu).unwrap()).unwrap();
    let opts = RunnerOptions {
        device: Device::Cpu,
        threads: 1,
        max_batch: 1,
        max_len: 64,
        allow_cpu_fallback: false,
    };
    let mut runner = Runner::open(&spec, &env, &opts).unwrap();
    let ids: Vec<i64> = vec![1, 40, 77, 3, 120, 200, 9, 58, 2, 100, 41];
    let want = reference(&m, &ids);
    // The prompt in one call, then the rest one token at a time (the cache).
    let (prompt, rest) = ids.split_at(6);
    let got = runner.extend(0, prompt, 0).unwrap().to_vec();
    let err = worst(&got, &want[prompt.len() - 1]);
    assert!(err < 1e-4, "prompt logits differ by {err}");
    for (i, &t) in rest.iter().enumerate() {
        let past = prompt.len() + i;
        let got = runner.decode(&[Some((t, past))]).unwrap().to_vec();
        let err = worst(&got, &want[past]);
        assert!(err < 1e-4, "step {i}: logits differ by {err}");
    }
}

#[test]
fn an_imported_gguf_serves_with_its_own_tokenizer_and_template() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, tokens) = build(dir.path());
    // Loading the file itself imports it once into the cache, by content hash.
    let mut o = EngineOptions::new(&path);
    o.threads = 1;
    o.max_batch = 2;
    o.max_context = 64;
    let engine = Engine::load(o.clone()).unwrap();
    assert_eq!(engine.info().name, "tiny");
    let cache: Vec<_> = std::fs::read_dir(dir.path().join(".cordon-import")).unwrap().collect();
    assert_eq!(cache.len(), 1);
    // Byte-level: every byte is its own token here (no merges), specials are whole.
    let ids = engine.tokenize("<|im_start|>hé").unwrap();
    assert_eq!(ids[0], 1);
    assert_eq!(ids.len(), 1 + 3, "{ids:?}");
    assert_eq!(tokens[ids[1] as usize], "h");
    assert_eq!(engine.detokenize(&ids[1..]).unwrap(), "hé");
    let text = engine
        .render(&[Message {
            role: "user".into(),
            content: "hi".into(),
        }])
        .unwrap();
    assert_eq!(text, "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
    let out = engine
        .submit(
            Prompt::Text(text),
            Sampling {
                max_tokens: 5,
                ignore_eos: true,
                ..Sampling::default()
            },
        )
        .unwrap()
        .collect_blocking()
        .unwrap();
    assert_eq!(out.tokens.len(), 5);
    drop(engine);
    // A second load finds the import.
    let started = std::time::Instant::now();
    let _again = Engine::load(o).unwrap();
    let cache: Vec<_> = std::fs::read_dir(dir.path().join(".cordon-import")).unwrap().collect();
    assert_eq!(cache.len(), 1);
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn unsupported_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(1);
    let path = dir.path().join("k.gguf");
    let mut t = tensor(&mut rng, "token_embd.weight", &[8, H], 8, 1.0);
    t.ty = 10; // Q2_K
    write_gguf(&path, &[("general.architecture", V::Str("llama"))], &[t]);
    let err = gguf::import(&path, &dir.path().join("o"), &ImportOptions::default(), &mut |_, _| {})
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("Q2_K"), "{err}");
    let path = dir.path().join("a.gguf");
    write_gguf(&path, &[("general.architecture", V::Str("mamba"))], &[]);
    let err = gguf::import(&path, &dir.path().join("o"), &ImportOptions::default(), &mut |_, _| {})
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("mamba"), "{err}");
    std::fs::write(dir.path().join("x.gguf"), b"not a gguf").unwrap();
    let err = gguf::import(
        &dir.path().join("x.gguf"),
        &dir.path().join("o"),
        &ImportOptions::default(),
        &mut |_, _| {},
    )
    .err()
    .unwrap()
    .to_string();
    assert!(err.contains("GGUF"), "{err}");
}

/// Writes `tests/fixtures/tiny.gguf`, the file the end-to-end tests import
/// (`cargo test -p cordon-engine --test gguf -- --ignored write_fixture`).
#[test]
#[ignore]
fn write_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, _) = build(dir.path());
    std::fs::copy(path, concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.gguf")).unwrap();
}
