//! GGUF import against a direct computation: the test writes a tiny GGUF
//! (random weights in every supported block type: Q4_0, Q4_1, Q8_0, Q5_K,
//! Q6_K, F16, BF16, F32; Q4_K takes Q4_1's path) for each architecture
//! (Llama, Llama 3.1's rope factors, Mistral's sliding window, Qwen 2 and 3,
//! Phi 3, Gemma 2 and 3), imports it, runs the graph through ONNX Runtime,
//! and compares its logits with a plain f32 forward pass over the same
//! weights, which the test dequantizes itself from the values it encoded;
//! then flips one detail of that forward pass and checks the comparison
//! fails.

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
        30 => {
            for _ in 0..n {
                let v = half::bf16::from_f32(unif(rng) * scale);
                bytes.extend(v.to_le_bytes());
                values.push(v.to_f32());
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

#[derive(Clone)]
enum V<'a> {
    Bool(bool),
    U32(u32),
    F32(f32),
    Str(&'a str),
    Strs(&'a [String]),
    U8s(&'a [u8]),
    I32s(&'a [i32]),
    F32s(&'a [f32]),
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
            V::Bool(x) => {
                out.extend(7u32.to_le_bytes());
                out.push(u8::from(*x));
            }
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
            V::U8s(a) => {
                out.extend(9u32.to_le_bytes());
                out.extend(0u32.to_le_bytes());
                out.extend((a.len() as u64).to_le_bytes());
                out.extend(a.iter());
            }
            V::I32s(a) => {
                out.extend(9u32.to_le_bytes());
                out.extend(5u32.to_le_bytes());
                out.extend((a.len() as u64).to_le_bytes());
                for x in a.iter() {
                    out.extend(x.to_le_bytes());
                }
            }
            V::F32s(a) => {
                out.extend(9u32.to_le_bytes());
                out.extend(6u32.to_le_bytes());
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

/// What each architecture does differently, as the test's own forward pass
/// reads it (written from the models' definitions, apart from the importer).
#[derive(Clone)]
struct Arch {
    /// The GGUF architecture name.
    gguf: &'static str,
    layers: usize,
    head_dim: usize,
    rot_dim: usize,
    /// Rotary pairs adjacent (llama.cpp's permuted Llama) or in halves (NeoX).
    halves: bool,
    qkv_bias: bool,
    qk_norm: bool,
    fused: bool,
    gemma: bool,
    /// Llama 3.1's frequency factors (`rope_freqs`).
    rope_freqs: bool,
    window: Option<usize>,
    attn_softcap: Option<f32>,
    final_softcap: Option<f32>,
    /// Gemma 3: global layers' base and linear scaling (sliding ones: 10000, unscaled).
    global_base: Option<(f32, f32)>,
}

fn arch(name: &str) -> Arch {
    let base = Arch {
        gguf: "llama",
        layers: LAYERS,
        head_dim: HD,
        rot_dim: HD,
        halves: false,
        qkv_bias: false,
        qk_norm: false,
        fused: false,
        gemma: false,
        rope_freqs: false,
        window: None,
        attn_softcap: None,
        final_softcap: None,
        global_base: None,
    };
    match name {
        "llama" => base,
        "llama3" => Arch {
            rope_freqs: true,
            ..base
        },
        "mistral" => Arch {
            window: Some(4),
            ..base
        },
        "qwen2" => Arch {
            gguf: "qwen2",
            halves: true,
            qkv_bias: true,
            ..base
        },
        "qwen3" => Arch {
            gguf: "qwen3",
            halves: true,
            qk_norm: true,
            head_dim: 32,
            rot_dim: 32,
            ..base
        },
        "phi3" => Arch {
            gguf: "phi3",
            halves: true,
            fused: true,
            head_dim: 32,
            rot_dim: 16,
            window: Some(5),
            ..base
        },
        "gemma2" => Arch {
            gguf: "gemma2",
            halves: true,
            gemma: true,
            window: Some(4),
            attn_softcap: Some(1.5),
            final_softcap: Some(3.0),
            ..base
        },
        "gemma3" => Arch {
            gguf: "gemma3",
            halves: true,
            gemma: true,
            qk_norm: true,
            layers: 6,
            window: Some(4),
            global_base: Some((1_000_000.0, 8.0)),
            ..base
        },
        other => panic!("no test architecture {other}"),
    }
}

impl Arch {
    fn sliding(&self, l: usize) -> bool {
        self.window.is_some()
            && match self.gguf {
                "gemma2" => l % 2 == 0,
                "gemma3" => (l + 1) % 6 != 0,
                _ => true,
            }
    }
}

struct Model {
    tensors: Vec<T>,
    vocab: usize,
    a: Arch,
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

/// A tokenizer as GGUF metadata holds it.
struct Vocab {
    model: &'static str,
    tokens: Vec<String>,
    types: Vec<i32>,
    scores: Vec<f32>,
    /// Tokenizer flags (`tokenizer.ggml.NAME`) the file sets.
    flags: Vec<(&'static str, bool)>,
    /// SentencePiece's compiled normalization map, if the file has one.
    charsmap: Vec<u8>,
}

/// Byte-level BPE (`gpt2`): three control tokens, then the 256 byte characters, no merges.
fn byte_vocab() -> Vocab {
    let mut tokens: Vec<String> = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    tokens.extend(byte_tokens());
    let types = (0..tokens.len()).map(|i| if i < 3 { 3 } else { 1 }).collect();
    let scores = vec![0.0; tokens.len()];
    Vocab {
        model: "gpt2",
        tokens,
        types,
        scores,
        flags: Vec::new(),
        charsmap: Vec::new(),
    }
}

/// A SentencePiece vocabulary (`llama`): unknown, two control tokens, 256
/// byte tokens, then pieces with `▁` for spaces and scores (higher merges
/// first), and the chat template's markers as user-defined tokens.
fn sentencepiece_vocab() -> Vocab {
    let pieces = [
        ("\u{2581}", -1.0),
        ("h", -2.0),
        ("e", -3.0),
        ("l", -4.0),
        ("o", -5.0),
        ("i", -6.0),
        ("w", -7.0),
        ("\u{2581}h", -10.0),
        ("ll", -11.0),
        ("llo", -12.0),
        ("\u{2581}he", -13.0),
        ("\u{2581}hello", -14.0),
        ("\u{2581}hi", -15.0),
    ];
    spm_vocab("llama", true, &pieces, Vec::new(), Vec::new())
}

/// A SentencePiece vocabulary of `model`: unknown, two control tokens, the
/// 256 byte tokens if `bytes`, the pieces with their scores, then the chat
/// template's markers as user-defined tokens.
fn spm_vocab(
    model: &'static str,
    bytes: bool,
    pieces: &[(&str, f32)],
    flags: Vec<(&'static str, bool)>,
    charsmap: Vec<u8>,
) -> Vocab {
    let mut tokens: Vec<String> = vec!["<unk>".into(), "<s>".into(), "</s>".into()];
    let mut types = vec![2, 3, 3];
    if bytes {
        for b in 0..256 {
            tokens.push(format!("<0x{b:02X}>"));
            types.push(6);
        }
    }
    let mut scores = vec![0.0; tokens.len()];
    for &(p, sc) in pieces {
        tokens.push(p.to_string());
        types.push(1);
        scores.push(sc);
    }
    for t in ["<|im_start|>", "<|im_end|>"] {
        tokens.push(t.to_string());
        types.push(4);
        scores.push(0.0);
    }
    Vocab {
        model,
        tokens,
        types,
        scores,
        flags,
        charsmap,
    }
}

/// The pieces of the Unigram test vocabulary and their log-probabilities,
/// chosen so that the best segmentation is neither the longest match nor
/// the fewest pieces: "▁hello" is ▁hell + o (-8), not ▁hello (-8.5) nor
/// ▁he + llo (-9).
const UNIGRAM_PIECES: [(&str, f32); 14] = [
    ("\u{2581}", -2.0),
    ("f", -3.0),
    ("h", -3.0),
    ("e", -3.0),
    ("l", -3.0),
    ("o", -3.0),
    ("i", -3.0),
    ("w", -4.0),
    ("\u{2581}he", -5.0),
    ("llo", -4.0),
    ("\u{2581}hell", -5.0),
    ("\u{2581}hello", -8.5),
    ("\u{2581}hi", -6.0),
    ("\u{2581}w", -5.5),
];

/// A SentencePiece Unigram vocabulary (`t5`, llama.cpp's UGM): unknown, two
/// control tokens, the pieces with their scores (no byte tokens, so an
/// unknown character is `<unk>`), the chat template's markers as
/// user-defined tokens; extra whitespace removed, as T5's normalizer does.
fn unigram_vocab() -> Vocab {
    spm_vocab(
        "t5",
        false,
        &UNIGRAM_PIECES,
        vec![("remove_extra_whitespaces", true)],
        charsmap_fi(),
    )
}

/// A SentencePiece compiled character map (`precompiled_charsmap`: the
/// byte size of a darts-clone double-array trie over UTF-8 bytes, the trie,
/// then the replacements, each ending in NUL) with one entry, the ligature
/// "ﬁ" (EF AC 81) to "fi", its trie laid out by hand.
fn charsmap_fi() -> Vec<u8> {
    // A unit: its children's offset << 10, has-a-value << 8, its byte; a
    // value unit: bit 31 and the replacement's position. From the root
    // (offset 1), each byte's unit is at the position before xor its offset
    // xor the byte: 1 ^ EF = 238, then 512 ^ AC = 684, 768 ^ 81 = 897, and
    // the value at 1024. Darts-clone arrays come in blocks of 256 units, so
    // that a next byte's position (at most 1024 ^ FF) is in the array.
    let unit = |offset: u32, value: bool, byte: u32| offset << 10 | u32::from(value) << 8 | byte;
    let mut trie = vec![0u32; 1280];
    trie[0] = unit(1, false, 0);
    trie[238] = unit(238 ^ 512, false, 0xEF);
    trie[684] = unit(684 ^ 768, false, 0xAC);
    trie[897] = unit(897 ^ 1024, true, 0x81);
    trie[1024] = 1 << 31;
    let mut out = ((trie.len() * 4) as u32).to_le_bytes().to_vec();
    out.extend(trie.iter().flat_map(|u| u.to_le_bytes()));
    out.extend(b"fi\0");
    out
}

/// A tiny random-weight GGUF of the named test architecture (see `arch`).
fn build_arch(dir: &Path, name: &str) -> (std::path::PathBuf, Model, Vec<String>) {
    build_with(dir, name, byte_vocab())
}

fn build_with(dir: &Path, name: &str, voc: Vocab) -> (std::path::PathBuf, Model, Vec<String>) {
    build_full(dir, name, voc, false)
}

/// The same, with every matrix in F32 when `all_f32` (for llama.cpp, which
/// then computes in f32 too instead of quantizing activations to 8 bits).
fn build_full(dir: &Path, name: &str, voc: Vocab, all_f32: bool) -> (std::path::PathBuf, Model, Vec<String>) {
    let a = arch(name);
    let (hd, g) = (a.head_dim, a.gguf);
    let mut rng = Rng::new(2024);
    let tokens = voc.tokens.clone();
    let vocab = tokens.len();
    let f32_or = |ty: u32| if all_f32 { 0 } else { ty };
    let mut ts = vec![tensor(&mut rng, "token_embd.weight", &[vocab, H], f32_or(8), 1.0)];
    // Every block type in some matrix: (q, k, v, o, gate, up, down) per layer.
    let types = [[2, 3, 8, 1, 3, 2, 14], [3, 3, 3, 30, 8, 3, 13]].map(|l| l.map(f32_or));
    for l in 0..a.layers {
        let ty = types[l % 2];
        let p = |s: &str| format!("blk.{l}.{s}");
        ts.push(tensor(&mut rng, &p("attn_norm.weight"), &[H], 0, 1.0));
        if a.fused {
            ts.push(tensor(
                &mut rng,
                &p("attn_qkv.weight"),
                &[(HEADS + 2 * KVH) * hd, H],
                ty[0],
                0.3,
            ));
        } else {
            ts.push(tensor(&mut rng, &p("attn_q.weight"), &[HEADS * hd, H], ty[0], 0.3));
            ts.push(tensor(&mut rng, &p("attn_k.weight"), &[KVH * hd, H], ty[1], 0.3));
            ts.push(tensor(&mut rng, &p("attn_v.weight"), &[KVH * hd, H], ty[2], 0.3));
        }
        if a.qkv_bias {
            ts.push(tensor(&mut rng, &p("attn_q.bias"), &[HEADS * hd], 0, 0.5));
            ts.push(tensor(&mut rng, &p("attn_k.bias"), &[KVH * hd], 0, 0.5));
            ts.push(tensor(&mut rng, &p("attn_v.bias"), &[KVH * hd], 0, 0.5));
        }
        if a.qk_norm {
            ts.push(tensor(&mut rng, &p("attn_q_norm.weight"), &[hd], 0, 1.0));
            ts.push(tensor(&mut rng, &p("attn_k_norm.weight"), &[hd], 0, 1.0));
        }
        ts.push(tensor(&mut rng, &p("attn_output.weight"), &[H, HEADS * hd], ty[3], 0.2));
        if a.gemma {
            ts.push(tensor(&mut rng, &p("post_attention_norm.weight"), &[H], 0, 1.0));
        }
        ts.push(tensor(&mut rng, &p("ffn_norm.weight"), &[H], 0, 1.0));
        if a.fused {
            ts.push(tensor(&mut rng, &p("ffn_up.weight"), &[2 * FF, H], ty[5], 0.3));
        } else {
            ts.push(tensor(&mut rng, &p("ffn_gate.weight"), &[FF, H], ty[4], 0.3));
            ts.push(tensor(&mut rng, &p("ffn_up.weight"), &[FF, H], ty[5], 0.3));
        }
        ts.push(tensor(&mut rng, &p("ffn_down.weight"), &[H, FF], ty[6], 0.2));
        if a.gemma {
            ts.push(tensor(&mut rng, &p("post_ffw_norm.weight"), &[H], 0, 1.0));
        }
    }
    ts.push(tensor(&mut rng, "output_norm.weight", &[H], 0, 1.0));
    if a.fused {
        // Phi's output head is its own matrix.
        ts.push(tensor(&mut rng, "output.weight", &[vocab, H], f32_or(8), 1.0));
    }
    if a.rope_freqs {
        let mut f = tensor(&mut rng, "rope_freqs.weight", &[a.rot_dim / 2], 0, 1.0);
        f.values = (0..a.rot_dim / 2).map(|i| 1.0 + i as f32 * 0.75).collect();
        f.bytes = f.values.iter().flat_map(|v| v.to_le_bytes()).collect();
        ts.push(f);
    }
    let template = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
    let path = dir.join(if name == "llama" {
        "tiny.gguf".to_string()
    } else {
        format!("tiny-{name}.gguf")
    });
    let k = |s: &str| format!("{g}.{s}");
    let mut kv = vec![
        ("general.architecture".to_string(), V::Str(g)),
        (k("block_count"), V::U32(a.layers as u32)),
        (k("context_length"), V::U32(128)),
        (k("embedding_length"), V::U32(H as u32)),
        (k("feed_forward_length"), V::U32(FF as u32)),
        (k("attention.head_count"), V::U32(HEADS as u32)),
        (k("attention.head_count_kv"), V::U32(KVH as u32)),
        (k("rope.freq_base"), V::F32(BASE)),
        (k("attention.layer_norm_rms_epsilon"), V::F32(EPS)),
        ("tokenizer.ggml.model".to_string(), V::Str(voc.model)),
        ("tokenizer.ggml.tokens".to_string(), V::Strs(&tokens)),
        ("tokenizer.ggml.token_type".to_string(), V::I32s(&voc.types)),
        ("tokenizer.ggml.bos_token_id".to_string(), V::U32(1)),
        ("tokenizer.ggml.eos_token_id".to_string(), V::U32(2)),
        ("tokenizer.chat_template".to_string(), V::Str(template)),
    ];
    for (flag, on) in &voc.flags {
        kv.push((format!("tokenizer.ggml.{flag}"), V::Bool(*on)));
    }
    if voc.model == "t5" {
        // llama.cpp takes 2 (T5's) for a Unigram file that names none.
        kv.push(("tokenizer.ggml.unknown_token_id".to_string(), V::U32(0)));
    }
    if !voc.charsmap.is_empty() {
        kv.push(("tokenizer.ggml.precompiled_charsmap".to_string(), V::U8s(&voc.charsmap)));
    }
    if voc.model == "gpt2" {
        kv.push(("tokenizer.ggml.merges".to_string(), V::Strs(&[])));
    } else {
        kv.push(("tokenizer.ggml.scores".to_string(), V::F32s(&voc.scores)));
    }
    if hd != H / HEADS {
        kv.push((k("attention.key_length"), V::U32(hd as u32)));
        kv.push((k("attention.value_length"), V::U32(hd as u32)));
    }
    if a.rot_dim != hd {
        kv.push((k("rope.dimension_count"), V::U32(a.rot_dim as u32)));
    }
    if let Some(w) = a.window {
        kv.push((k("attention.sliding_window"), V::U32(w as u32)));
    }
    if let Some(c) = a.attn_softcap {
        kv.push((k("attn_logit_softcapping"), V::F32(c)));
    }
    if let Some(c) = a.final_softcap {
        kv.push((k("final_logit_softcapping"), V::F32(c)));
    }
    if let Some((b, f)) = a.global_base {
        kv.retain(|(key, _)| *key != k("rope.freq_base"));
        kv.push((k("rope.freq_base"), V::F32(b)));
        kv.push((k("rope.scaling.type"), V::Str("linear")));
        kv.push((k("rope.scaling.factor"), V::F32(f)));
    }
    let kv: Vec<(&str, V)> = kv.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    write_gguf(&path, &kv, &ts);
    (path, Model { tensors: ts, vocab, a }, tokens)
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

/// Rotary embedding over the first `rot` dimensions of each head: adjacent
/// pairs (llama.cpp's "normal" rope on its permuted Q and K) or halves
/// (NeoX), frequency i divided by `factors[i]`, positions by `linear`.
fn rope(v: &mut [f32], a: &Arch, pos: usize, base: f32, linear: f32, factors: Option<&[f32]>) {
    let (hd, rot, halves) = (a.head_dim, a.rot_dim, a.halves);
    for head in v.chunks_exact_mut(hd) {
        for i in 0..rot / 2 {
            let f = factors.map_or(1.0, |f| f[i]);
            let a = (pos as f64 / linear as f64) * (base as f64).powf(-(2.0 * i as f64) / rot as f64) / f as f64;
            let (c, s) = (a.cos() as f32, a.sin() as f32);
            let (i0, i1) = if halves { (i, i + rot / 2) } else { (2 * i, 2 * i + 1) };
            let (x, y) = (head[i0], head[i1]);
            head[i0] = x * c - y * s;
            head[i1] = x * s + y * c;
        }
    }
}

fn gelu_tanh(x: f32) -> f32 {
    0.5 * x * (1.0 + ((2.0 / std::f32::consts::PI).sqrt() * (x + 0.044715 * x * x * x)).tanh())
}

/// Logits at every position of `ids`, f32 all the way.
fn reference(m: &Model, ids: &[i64]) -> Vec<Vec<f32>> {
    reference_as(m, &m.a, ids)
}

/// The same with the architecture's details as `a` says (a flipped one, to
/// show that the comparison can fail).
fn reference_as(m: &Model, a: &Arch, ids: &[i64]) -> Vec<Vec<f32>> {
    let hd = a.head_dim;
    let emb = m.w("token_embd.weight");
    let factors = a.rope_freqs.then(|| m.w("rope_freqs.weight").to_vec());
    let mut keys: Vec<Vec<Vec<f32>>> = vec![Vec::new(); a.layers];
    let mut vals: Vec<Vec<Vec<f32>>> = vec![Vec::new(); a.layers];
    let mut out = Vec::new();
    for (pos, &id) in ids.iter().enumerate() {
        let mut x = emb[id as usize * H..(id as usize + 1) * H].to_vec();
        if a.gemma {
            x.iter_mut().for_each(|v| *v *= (H as f32).sqrt());
        }
        for l in 0..a.layers {
            let p = |s: &str| format!("blk.{l}.{s}");
            let h = rmsnorm(&x, m.w(&p("attn_norm.weight")));
            let (mut q, mut k, v) = if a.fused {
                let qkv = m.linear(&p("attn_qkv"), &h);
                let (q, rest) = qkv.split_at(HEADS * hd);
                let (k, v) = rest.split_at(KVH * hd);
                (q.to_vec(), k.to_vec(), v.to_vec())
            } else {
                (
                    m.linear(&p("attn_q"), &h),
                    m.linear(&p("attn_k"), &h),
                    m.linear(&p("attn_v"), &h),
                )
            };
            if a.qk_norm {
                let (wq, wk) = (m.w(&p("attn_q_norm.weight")), m.w(&p("attn_k_norm.weight")));
                q = q.chunks_exact(hd).flat_map(|c| rmsnorm(c, wq)).collect();
                k = k.chunks_exact(hd).flat_map(|c| rmsnorm(c, wk)).collect();
            }
            let sliding = a.sliding(l);
            let (base, linear) = match a.global_base {
                Some(_) if sliding => (BASE, 1.0),
                Some(g) => g,
                None => (BASE, 1.0),
            };
            rope(&mut q, a, pos, base, linear, factors.as_deref());
            rope(&mut k, a, pos, base, linear, factors.as_deref());
            keys[l].push(k);
            vals[l].push(v);
            // Keys within the window: the last `w` positions, this one included.
            let first = match a.window {
                Some(w) if sliding => (pos + 1).saturating_sub(w),
                _ => 0,
            };
            let mut attn = vec![0f32; HEADS * hd];
            for hq in 0..HEADS {
                let kv = hq / (HEADS / KVH);
                let qh = &q[hq * hd..(hq + 1) * hd];
                let scores: Vec<f32> = keys[l][first..]
                    .iter()
                    .map(|kk| {
                        let s = qh
                            .iter()
                            .zip(&kk[kv * hd..(kv + 1) * hd])
                            .map(|(a, b)| a * b)
                            .sum::<f32>()
                            / (hd as f32).sqrt();
                        match a.attn_softcap {
                            Some(c) => c * (s / c).tanh(),
                            None => s,
                        }
                    })
                    .collect();
                let max = scores.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
                let e: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
                let z: f32 = e.iter().sum();
                for (j, vv) in vals[l][first..].iter().enumerate() {
                    for d in 0..hd {
                        attn[hq * hd + d] += e[j] / z * vv[kv * hd + d];
                    }
                }
            }
            let mut o = matvec(m.w(&p("attn_output.weight")), &attn);
            if a.gemma {
                o = rmsnorm(&o, m.w(&p("post_attention_norm.weight")));
            }
            x.iter_mut().zip(&o).for_each(|(a, b)| *a += b);
            let h2 = rmsnorm(&x, m.w(&p("ffn_norm.weight")));
            let (g, u) = if a.fused {
                let gu = matvec(m.w(&p("ffn_up.weight")), &h2);
                (gu[..FF].to_vec(), gu[FF..].to_vec())
            } else {
                (
                    matvec(m.w(&p("ffn_gate.weight")), &h2),
                    matvec(m.w(&p("ffn_up.weight")), &h2),
                )
            };
            let act: Vec<f32> = g
                .iter()
                .zip(&u)
                .map(|(&g, u)| {
                    if a.gemma {
                        gelu_tanh(g) * u
                    } else {
                        g / (1.0 + (-g).exp()) * u
                    }
                })
                .collect();
            let mut d = matvec(m.w(&p("ffn_down.weight")), &act);
            if a.gemma {
                d = rmsnorm(&d, m.w(&p("post_ffw_norm.weight")));
            }
            x.iter_mut().zip(&d).for_each(|(a, b)| *a += b);
        }
        let hf = rmsnorm(&x, m.w("output_norm.weight"));
        let head = if a.fused { m.w("output.weight") } else { emb };
        let mut logits = matvec(head, &hf);
        if let Some(c) = a.final_softcap {
            logits.iter_mut().for_each(|v| *v = c * (*v / c).tanh());
        }
        out.push(logits);
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
    // Flipped: rotary halves instead of llama.cpp's adjacent pairs.
    check_against_reference("llama", |a| a.halves = true);
}

#[test]
fn an_imported_llama3_gguf_applies_its_rope_frequency_factors() {
    check_against_reference("llama3", |a| a.rope_freqs = false);
}

#[test]
fn an_imported_mistral_gguf_attends_within_its_sliding_window() {
    check_against_reference("mistral", |a| a.window = Some(5));
}

#[test]
fn an_imported_qwen2_gguf_computes_what_its_weights_say() {
    check_against_reference("qwen2", |a| a.halves = false);
}

/// Qwen's rotary layout is NeoX's (halves), as llama.cpp's `LLAMA_ROPE_TYPE_NEOX`
/// for `qwen2` and `qwen3`: its converter does not permute Q and K as Llama's does.
#[test]
fn an_imported_qwen3_gguf_rotates_halves() {
    check_against_reference("qwen3", |a| a.halves = false);
}

#[test]
fn an_imported_qwen3_gguf_normalizes_each_head_of_q_and_k() {
    check_against_reference("qwen3", |a| a.qk_norm = false);
}

#[test]
fn an_imported_phi3_gguf_rotates_part_of_each_head() {
    check_against_reference("phi3", |a| a.rot_dim = 32);
}

#[test]
fn an_imported_gemma2_gguf_caps_its_attention_scores() {
    check_against_reference("gemma2", |a| a.attn_softcap = None);
}

#[test]
fn an_imported_gemma3_gguf_rotates_global_and_sliding_layers_apart() {
    // Flipped: the global layer with the sliding layers' base (10000, unscaled).
    check_against_reference("gemma3", |a| a.global_base = None);
}

/// Imports `name`'s tiny GGUF, runs a prompt and cached decode steps through
/// ONNX Runtime, and compares each position's logits with the test's own
/// forward pass; then flips one detail (`flip`) in that forward pass and
/// checks that the comparison fails.
fn check_against_reference(name: &str, flip: fn(&mut Arch)) {
    let dir = tempfile::tempdir().unwrap();
    let (path, m, _) = build_arch(dir.path(), name);
    let out = dir.path().join("imported");
    let mut calls = 0;
    let report = gguf::import(&path, &out, &ImportOptions::default(), &mut |_, _| calls += 1).unwrap();
    assert!(calls >= m.a.layers + 2, "progress reported {calls} times");
    for ty in ["Q4_0", "Q4_1", "Q8_0", "F16", "BF16", "F32"] {
        assert!(report.types.contains_key(ty), "{ty} not in {:?}", report.types);
    }
    if !m.a.fused {
        for ty in ["Q5_K", "Q6_K"] {
            assert!(report.types.contains_key(ty), "{ty} not in {:?}", report.types);
        }
    }
    let spec = model::ModelSpec::read(&out).unwrap();
    let env = runtime::environment(&runtime::locate(None, Device::Cpu).unwrap()).unwrap();
    let opts = RunnerOptions {
        device: Device::Cpu,
        threads: 1,
        max_batch: 1,
        max_len: 64,
        allow_cpu_fallback: false,
        kv_budget_bytes: None,
        cache_start: 0,
    };
    let mut runner = Runner::open(&spec, &env, &opts).unwrap();
    let ids: Vec<i64> = vec![1, 40, 77, 3, 120, 200, 9, 58, 2, 100, 41];
    let want = reference(&m, &ids);
    // The prompt in one call, then the rest one token at a time (the cache).
    let (prompt, rest) = ids.split_at(6);
    let mut got = vec![runner.extend(0, prompt, 0).unwrap().to_vec()];
    let err = worst(&got[0], &want[prompt.len() - 1]);
    assert!(err < 1e-4, "{name}: prompt logits differ by {err}");
    for (i, &t) in rest.iter().enumerate() {
        let past = prompt.len() + i;
        got.push(runner.decode(&[Some((t, past))]).unwrap().to_vec());
        let err = worst(&got[i + 1], &want[past]);
        assert!(err < 1e-4, "{name}: step {i}: logits differ by {err}");
    }
    // The same comparison against a forward pass with one detail flipped must fail.
    let mut flipped = m.a.clone();
    flip(&mut flipped);
    let other = reference_as(&m, &flipped, &ids);
    let err = got
        .iter()
        .zip(&other[prompt.len() - 1..])
        .map(|(g, w)| worst(g, w))
        .fold(0f32, f32::max);
    assert!(err > 1e-3, "{name}: a flipped detail went unnoticed (error {err})");
}

/// Several new prompts of different lengths in one prefill call (padded
/// rows, each with its own mask length) give each prompt's own logits, and
/// a decode step after it continues each row from its own length.
#[test]
fn batched_prefill_equals_each_prompt_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, m, _) = build(dir.path());
    let out = dir.path().join("imported");
    gguf::import(&path, &out, &ImportOptions::default(), &mut |_, _| {}).unwrap();
    let spec = model::ModelSpec::read(&out).unwrap();
    let env = runtime::environment(&runtime::locate(None, Device::Cpu).unwrap()).unwrap();
    let opts = RunnerOptions {
        device: Device::Cpu,
        threads: 1,
        max_batch: 4,
        max_len: 64,
        allow_cpu_fallback: false,
        kv_budget_bytes: None,
        cache_start: 0,
    };
    let mut runner = Runner::open(&spec, &env, &opts).unwrap();
    let prompts: [&[i64]; 3] = [&[1, 40, 77, 3, 120, 200, 9], &[5, 6], &[1, 40, 77, 3, 99]];
    // Slots 1..4: the rows' cache views start past slot 0.
    let got = runner.prefill(1, &prompts).unwrap().to_vec();
    let v = m.vocab;
    assert_eq!(got.len(), 3 * v, "one logit row per prompt");
    let mut rows = vec![None];
    for (k, p) in prompts.iter().enumerate() {
        let want = reference(&m, p);
        let err = worst(&got[k * v..(k + 1) * v], want.last().unwrap());
        assert!(err < 1e-4, "prompt {k}: batched logits differ by {err}");
        rows.push(Some((70 + k as i64, p.len())));
    }
    let got = runner.decode(&rows).unwrap().to_vec();
    for (k, p) in prompts.iter().enumerate() {
        let mut ids = p.to_vec();
        ids.push(70 + k as i64);
        let want = reference(&m, &ids);
        let err = worst(&got[(k + 1) * v..(k + 2) * v], want.last().unwrap());
        assert!(
            err < 1e-4,
            "prompt {k}: the step after a batched prefill differs by {err}"
        );
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
    // What GroupQueryAttention cannot express is refused with the architecture's name.
    for (key, v, needle) in [
        ("llama.rope.scaling.type", V::Str("yarn"), "rope scaling `yarn`"),
        ("llama.rope.dimension_count", V::U32(8), "rotary embedding over 8 of 16"),
    ] {
        let path = dir.path().join("r.gguf");
        write_gguf(
            &path,
            &[
                ("general.architecture", V::Str("llama")),
                ("llama.embedding_length", V::U32(64)),
                ("llama.attention.head_count", V::U32(4)),
                (key, v),
            ],
            &[],
        );
        let err = gguf::import(&path, &dir.path().join("o"), &ImportOptions::default(), &mut |_, _| {})
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains(needle) && err.contains("llama"), "{err}");
    }
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

/// A SentencePiece vocabulary (`tokenizer.ggml.model: llama`, as Mistral,
/// Llama 2, Phi-3 and Gemma files have): merges from scores, a space
/// prefix after each control token, byte fallback, and the file's chat
/// template.
#[test]
fn a_sentencepiece_vocabulary_tokenizes_as_its_scores_say() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, tokens) = build_with(dir.path(), "llama", sentencepiece_vocab());
    let out = dir.path().join("imported");
    gguf::import(&path, &out, &ImportOptions::default(), &mut |_, _| {}).unwrap();
    let text = cordon_engine::text::Text::load(&out).unwrap();
    let names = |ids: &[i64]| -> Vec<String> { ids.iter().map(|&i| tokens[i as usize].clone()).collect() };
    // Highest score first: ▁h, ll, llo, ▁he, ▁hello, then ▁hi.
    let ids = text.encode("hello hi").unwrap();
    assert_eq!(names(&ids), ["\u{2581}hello", "\u{2581}hi"]);
    // A control token, then text with its space prefix; é has no piece: its bytes.
    let ids = text.encode("<s>hello wé").unwrap();
    assert_eq!(
        names(&ids),
        ["<s>", "\u{2581}hello", "\u{2581}", "w", "<0xC3>", "<0xA9>"]
    );
    assert_eq!(text.decode(&ids).unwrap(), "hello wé");
    let prompt = text
        .render(&[Message {
            role: "user".into(),
            content: "hi".into(),
        }])
        .unwrap();
    assert_eq!(prompt, "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
    let ids = text.encode(&prompt).unwrap();
    assert_eq!(names(&ids)[..2], ["<|im_start|>", "\u{2581}"]);
}

/// A Unigram vocabulary (`tokenizer.ggml.model: t5`, llama.cpp's UGM)
/// tokenizes as the `tokenizers` crate's Unigram model built directly from
/// the same pieces and scores says (the best-scoring segmentation), and as
/// worked out by hand (and as llama.cpp's UGM tokenizer reads the same file,
/// checked once); a model that ignores the scores disagrees. The file's
/// compiled character map and `remove_extra_whitespaces` apply first.
#[test]
fn a_unigram_vocabulary_segments_text_by_its_scores() {
    use tokenizers::models::unigram::Unigram;
    use tokenizers::Model as _;
    let dir = tempfile::tempdir().unwrap();
    let (path, _, tokens) = build_with(dir.path(), "llama", unigram_vocab());
    let out = dir.path().join("imported");
    gguf::import(&path, &out, &ImportOptions::default(), &mut |_, _| {}).unwrap();
    let text = cordon_engine::text::Text::load(&out).unwrap();
    let names = |ids: &[i64]| -> Vec<String> { ids.iter().map(|&i| tokens[i as usize].clone()).collect() };
    let unigram = |score: fn(f32) -> f64| {
        let vocab = tokens
            .iter()
            .zip(unigram_vocab().scores)
            .map(|(t, s)| (t.clone(), score(s)))
            .collect();
        Unigram::from(vocab, Some(0), false).unwrap()
    };
    let reference = unigram(f64::from);
    // Scores ignored (all equal): the fewest pieces win instead.
    let flat = unigram(|_| -1.0);
    // SentencePiece's normalization, by hand: one space prefix, spaces as ▁.
    let spm = |s: &str| format!("\u{2581}{}", s.replace(' ', "\u{2581}"));
    let pieces = |m: &Unigram, s: &str| -> Vec<String> {
        m.tokenize(&spm(s))
            .unwrap()
            .iter()
            .map(|t| tokens[t.id as usize].clone())
            .collect()
    };
    let cases: [(&str, &[&str]); 4] = [
        ("hello", &["\u{2581}hell", "o"]),
        ("hi hello", &["\u{2581}hi", "\u{2581}hell", "o"]),
        ("whole", &["\u{2581}w", "h", "o", "l", "e"]),
        ("hi xyz", &["\u{2581}hi", "\u{2581}", "<unk>"]),
    ];
    let mut flat_differs = false;
    for (s, want) in cases {
        let ids = text.encode(s).unwrap();
        assert_eq!(names(&ids), want, "{s:?}");
        assert_eq!(pieces(&reference, s), want, "{s:?}");
        flat_differs |= pieces(&flat, s) != want;
        if !s.contains('x') {
            assert_eq!(text.decode(&ids).unwrap(), s);
        }
    }
    assert!(flat_differs, "the cases do not depend on the scores");
    // The file's character map first: the ligature is "fi" (without it, <unk>).
    let ids = text.encode("\u{fb01} hi").unwrap();
    assert_eq!(names(&ids), ["\u{2581}", "f", "i", "\u{2581}hi"]);
    assert_eq!(pieces(&reference, "fi hi"), names(&ids));
    // Extra whitespace removed (the file says so), as SentencePiece does.
    assert_eq!(
        names(&text.encode("  hi   hello ").unwrap()),
        ["\u{2581}hi", "\u{2581}hell", "o"]
    );
    // Control and user-defined tokens whole, text between them with its prefix.
    let ids = text.encode("<|im_start|>hi<|im_end|>").unwrap();
    assert_eq!(names(&ids), ["<|im_start|>", "\u{2581}hi", "<|im_end|>"]);
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

/// Writes each architecture's tiny GGUF with Cordon's greedy tokens and
/// first logits beside it, for `scripts/compare-llamacpp` (opt-in:
/// `CORDON_COMPARE_DIR=DIR cargo test -p cordon-engine --test gguf -- --ignored write_tiny_models`).
#[test]
#[ignore]
fn write_tiny_models() {
    let out = std::path::PathBuf::from(std::env::var("CORDON_COMPARE_DIR").unwrap());
    std::fs::create_dir_all(&out).unwrap();
    let env = runtime::environment(&runtime::locate(None, Device::Cpu).unwrap()).unwrap();
    let names = [
        "llama", "llama3", "mistral", "qwen2", "qwen3", "phi3", "gemma2", "gemma3",
    ];
    // Each in its quantized blocks, and with every matrix in F32 (`NAME-f32`).
    for (name, all_f32) in names.iter().flat_map(|n| [(*n, false), (*n, true)]) {
        let dir = tempfile::tempdir().unwrap();
        let (path, m, _) = build_full(dir.path(), name, byte_vocab(), all_f32);
        let name = if all_f32 {
            format!("{name}-f32")
        } else {
            name.to_string()
        };
        let folder = dir.path().join("imported");
        gguf::import(&path, &folder, &ImportOptions::default(), &mut |_, _| {}).unwrap();
        let spec = model::ModelSpec::read(&folder).unwrap();
        let opts = RunnerOptions {
            device: Device::Cpu,
            threads: 1,
            max_batch: 1,
            max_len: 64,
            allow_cpu_fallback: false,
            kv_budget_bytes: None,
            cache_start: 0,
        };
        let mut runner = Runner::open(&spec, &env, &opts).unwrap();
        let prompt: Vec<i64> = vec![1, 40, 77, 3, 120, 200, 9, 58];
        let argmax = |x: &[f32]| (0..x.len()).max_by(|&a, &b| x[a].total_cmp(&x[b])).unwrap() as i64;
        let first = runner.extend(0, &prompt, 0).unwrap().to_vec();
        let want = reference(&m, &prompt);
        let mut tokens = vec![argmax(&first)];
        while tokens.len() < 24 {
            let past = prompt.len() + tokens.len() - 1;
            let l = runner.decode(&[Some((*tokens.last().unwrap(), past))]).unwrap();
            tokens.push(argmax(l));
        }
        std::fs::copy(&path, out.join(format!("{name}.gguf"))).unwrap();
        let doc = serde_json::json!({
            "prompt": prompt,
            "tokens": tokens,
            "logits": first,
            "reference_logits": want.last().unwrap(),
        });
        std::fs::write(out.join(format!("{name}.json")), doc.to_string()).unwrap();
    }
}
