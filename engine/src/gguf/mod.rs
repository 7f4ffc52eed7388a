//! GGUF import: a llama.cpp model file becomes an engine model folder
//! (onnxruntime-genai layout) with the graph built here, weights mapped into
//! MatMulNBits exactly (Q4_0, Q4_1, Q8_0), no Python and no re-quantization.
//!
//! The graph uses the operators onnxruntime-genai's builder uses
//! (GroupQueryAttention with rotary embedding, MatMulNBits,
//! SkipSimplifiedLayerNormalization), so the engine drives it like any
//! builder model and the CUDA execution provider runs it too.

pub mod onnx;
pub mod quant;
pub mod reader;
pub mod tokenizer;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::json;
use sha2::{Digest, Sha256};

use self::onnx::{attr_f, attr_i, attr_s, value_info, Builder, Dim};
use self::quant::ZeroPoints;
use self::reader::{GgmlType, Gguf, Meta};
use crate::Error;

/// Architectures (GGUF `general.architecture`) the importer builds.
pub const ARCHITECTURES: &[&str] = &["llama", "qwen2", "qwen3", "phi3", "gemma2", "gemma3"];

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// MatMulNBits `accuracy_level`: 0 (the default) computes with f32
    /// activations, exactly what the GGUF's weights say; 4 quantizes
    /// activations to int8 per block, as llama.cpp does for its Q4 and Q8
    /// dot products: about 3 times faster on CPU, and enough to flip close
    /// calls (SmolLM2's first token on "What is the capital of France?").
    pub accuracy_level: i64,
}

/// What an import did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub source: String,
    pub sha256: String,
    pub architecture: String,
    pub layers: usize,
    /// The file's tensors by GGUF type.
    pub types: std::collections::BTreeMap<String, usize>,
    pub seconds: f64,
    pub bytes: u64,
}

/// What the graph is built from: the file's hyperparameters, and what each
/// architecture does differently.
struct Hyper {
    arch: String,
    layers: usize,
    hidden: usize,
    heads: usize,
    kv_heads: usize,
    head_dim: usize,
    /// Dimensions rotated per head (Phi: fewer than `head_dim`).
    rot_dim: usize,
    eps: f32,
    rope_base: f32,
    /// Positions are divided by this (linear rope scaling).
    rope_linear: f32,
    /// cos and sin are multiplied by this (Phi's LongRoPE magnitude).
    attn_factor: f32,
    context: usize,
    vocab: usize,
    /// Tokens each position attends to (itself included) on sliding layers.
    window: Option<usize>,
    /// Attention scores and final logits: `cap * tanh(x / cap)`, where set.
    attn_softcap: Option<f32>,
    final_softcap: Option<f32>,
}

impl Hyper {
    fn gemma(&self) -> bool {
        self.arch.starts_with("gemma")
    }

    /// Whether layer `l` uses the sliding window: every layer where a window
    /// is set, except Gemma's global ones (every second layer in Gemma 2,
    /// every sixth in Gemma 3, as llama.cpp builds them).
    fn sliding(&self, l: usize) -> bool {
        self.window.is_some()
            && match self.arch.as_str() {
                "gemma2" => l % 2 == 0,
                "gemma3" => (l + 1) % 6 != 0,
                _ => true,
            }
    }

    /// The rotary base of layer `l` (Gemma 3's sliding layers use 10000,
    /// unscaled).
    fn rope_base(&self, l: usize) -> (f32, f32) {
        if self.arch == "gemma3" && self.sliding(l) {
            (10_000.0, 1.0)
        } else {
            (self.rope_base, self.rope_linear)
        }
    }
}

fn meta_u(g: &Gguf, key: &str) -> Result<usize, Error> {
    g.require(key)?
        .as_u64()
        .map(|v| v as usize)
        .ok_or_else(|| Error::Model(format!("GGUF `{key}` is not a number")))
}

fn hyper(g: &Gguf) -> Result<Hyper, Error> {
    let arch = g
        .require("general.architecture")?
        .as_str()
        .unwrap_or_default()
        .to_string();
    if !ARCHITECTURES.contains(&arch.as_str()) {
        return Err(Error::Model(format!(
            "GGUF architecture `{arch}` is not supported (importable: {})",
            ARCHITECTURES.join(", ")
        )));
    }
    let k = |s: &str| format!("{arch}.{s}");
    let f = |s: &str| g.get(&k(s)).and_then(Meta::as_f64).map(|v| v as f32);
    let hidden = meta_u(g, &k("embedding_length"))?;
    let heads = meta_u(g, &k("attention.head_count"))?;
    let kv_heads = g
        .get(&k("attention.head_count_kv"))
        .and_then(Meta::as_u64)
        .map_or(heads, |v| v as usize);
    if heads == 0 || kv_heads == 0 || heads % kv_heads != 0 {
        return Err(Error::Model(format!(
            "GGUF: {heads} heads, {kv_heads} key/value heads and width {hidden} do not fit"
        )));
    }
    let head_dim = match g.get(&k("attention.key_length")).and_then(Meta::as_u64) {
        Some(v) => v as usize,
        None if hidden % heads == 0 => hidden / heads,
        None => {
            return Err(Error::Model(format!(
                "GGUF: width {hidden} is not a multiple of {heads} heads"
            )))
        }
    };
    if let Some(v) = g.get(&k("attention.value_length")).and_then(Meta::as_u64) {
        if v as usize != head_dim {
            return Err(Error::Model(format!(
                "`{arch}`: keys of {head_dim} and values of {v} per head: GroupQueryAttention needs them equal"
            )));
        }
    }
    let rot_dim = g
        .get(&k("rope.dimension_count"))
        .and_then(Meta::as_u64)
        .map_or(head_dim, |v| v as usize);
    // GroupQueryAttention's rotary tables are [positions, rot_dim / 2], a
    // multiple of 8 and at most half the head.
    if rot_dim % 16 != 0 || rot_dim / 2 > head_dim / 16 * 8 {
        return Err(Error::Model(format!(
            "`{arch}`: a rotary embedding over {rot_dim} of {head_dim} dimensions per head cannot be expressed \
             with GroupQueryAttention (its tables take a multiple of 16, at most the head)"
        )));
    }
    let scaling = g
        .get(&k("rope.scaling.type"))
        .and_then(Meta::as_str)
        .unwrap_or("none")
        .to_string();
    let rope_linear = match scaling.as_str() {
        "none" => 1.0,
        "linear" => f("rope.scaling.factor").unwrap_or(1.0),
        // Llama 3.1's scaling comes as the `rope_freqs` tensor, read below.
        "llama3" => 1.0,
        other => {
            return Err(Error::Model(format!(
                "`{arch}`: rope scaling `{other}` is not supported (none, linear, and Llama 3's and Phi's \
                 frequency factors are)"
            )))
        }
    };
    let mut context = g
        .get(&k("context_length"))
        .and_then(Meta::as_u64)
        .map_or(2048, |v| v as usize);
    // Phi's LongRoPE: the short factors hold up to the original context; the
    // long ones (past it) are not built, so the context stops there.
    if g.tensor("rope_factors_long.weight").is_some() {
        if let Some(orig) = g.get(&k("rope.scaling.original_context_length")).and_then(Meta::as_u64) {
            context = context.min(orig as usize);
        }
    }
    let vocab = match g.get(&k("vocab_size")).and_then(Meta::as_u64) {
        Some(v) => v as usize,
        None => g.require("tokenizer.ggml.tokens")?.as_arr().map_or(0, <[Meta]>::len),
    };
    let window = g
        .get(&k("attention.sliding_window"))
        .and_then(Meta::as_u64)
        .map(|v| v as usize)
        .filter(|&w| w > 0 && w < context);
    // Gemma 2 caps at 50 (attention) and 30 (logits) where the file says
    // nothing, as llama.cpp does.
    let gemma2 = arch == "gemma2";
    let cap = |s: &str, default: f32| {
        f(s).or((gemma2 && default > 0.0).then_some(default))
            .filter(|&c| c > 0.0)
    };
    Ok(Hyper {
        layers: meta_u(g, &k("block_count"))?,
        hidden,
        heads,
        kv_heads,
        head_dim,
        rot_dim,
        eps: f("attention.layer_norm_rms_epsilon").unwrap_or(1e-5),
        rope_base: f("rope.freq_base").unwrap_or(10_000.0),
        rope_linear,
        attn_factor: f("rope.scaling.attn_factor").unwrap_or(1.0),
        context,
        vocab,
        window,
        attn_softcap: cap("attn_logit_softcapping", 50.0),
        final_softcap: cap("final_logit_softcapping", 30.0),
        arch,
    })
}

/// GroupQueryAttention's rotary tables, `[context, rot_dim / 2]` each:
/// angle = (pos / linear) * base^(-2i / rot_dim) / factor_i, cos and sin
/// times `magnitude`.
fn rope_tables(
    context: usize,
    rot_dim: usize,
    base: f32,
    linear: f32,
    factors: Option<&[f32]>,
    magnitude: f32,
) -> (Vec<f32>, Vec<f32>) {
    let half = rot_dim / 2;
    let (mut cos, mut sin) = (Vec::with_capacity(context * half), Vec::with_capacity(context * half));
    for pos in 0..context {
        for i in 0..half {
            let mut inv = (base as f64).powf(-(2.0 * i as f64) / rot_dim as f64);
            if let Some(f) = factors.and_then(|f| f.get(i)) {
                inv /= *f as f64;
            }
            let a = pos as f64 / linear as f64 * inv;
            cos.push((a.cos() * magnitude as f64) as f32);
            sin.push((a.sin() * magnitude as f64) as f32);
        }
    }
    (cos, sin)
}

struct Graph<'a> {
    g: &'a Gguf,
    b: Builder,
    /// Per activation: its sums over blocks of 32, shared by the matrices that read it.
    sums: std::collections::HashMap<String, String>,
    accuracy_level: i64,
}

impl<'a> Graph<'a> {
    fn tensor(&self, name: &str) -> Result<(&'a reader::TensorInfo, &'a [u8]), Error> {
        let g: &'a Gguf = self.g;
        let t = g
            .tensor(name)
            .ok_or_else(|| Error::Model(format!("GGUF has no tensor `{name}`")))?;
        Ok((t, g.bytes_of(t)?))
    }

    /// `x` of `[.., K]` summed over each block of 32: `[.., K/32]`.
    fn block_sums(&mut self, x: &str, k: usize) -> String {
        if let Some(s) = self.sums.get(x) {
            return s.clone();
        }
        let shape = self.b.i64s(&format!("{x}.blocks"), &[4], &[0, 0, (k / 32) as i64, 32]);
        let blocks = self.b.node("Reshape", "", &[x, &shape], 1, vec![]).remove(0);
        let last = self.b.i64s(&format!("{x}.last"), &[1], &[-1]);
        let s = self
            .b
            .node("ReduceSum", "", &[&blocks, &last], 1, vec![attr_i("keepdims", 0)])
            .remove(0);
        self.sums.insert(x.to_string(), s.clone());
        s
    }

    fn vector(&mut self, name: &str) -> Result<String, Error> {
        let (t, raw) = self.tensor(name)?;
        let (ty, n) = (t.ty, t.elements());
        let v = quant::dequantize(ty, raw, n)?;
        Ok(self.b.f32s(name, &[n as i64], &v))
    }

    /// `x @ W^T` for a GGUF weight of `[K, N]`, plus its bias if there is one.
    fn linear(&mut self, x: &str, name: &str, bias: Option<&str>) -> Result<String, Error> {
        let (t, raw) = self.tensor(name)?;
        let (ty, dims) = (t.ty, t.dims.clone());
        if dims.len() != 2 {
            return Err(Error::Model(format!("`{name}` is not a matrix")));
        }
        let (k, n) = (dims[0] as usize, dims[1] as usize);
        let out = match ty {
            GgmlType::Q4_0 | GgmlType::Q4_1 | GgmlType::Q8_0 | GgmlType::Q4_K | GgmlType::Q5_K | GgmlType::Q6_K => {
                let nb = quant::nbits(ty, raw, k, n)?;
                let kb = (k / nb.block) as i64;
                let blob = i64::from(nb.bits) * nb.block as i64 / 8;
                let bq = self
                    .b
                    .init(&format!("{name}.q"), onnx::UINT8, &[n as i64, kb, blob], &nb.b);
                let sc = self.b.f32s(&format!("{name}.scales"), &[n as i64, kb], &nb.scales);
                let mut inputs = vec![x.to_string(), bq, sc];
                let mut minimum = None;
                match &nb.zero_points {
                    ZeroPoints::U8(z) => {
                        let cols = z.len() as i64 / n as i64;
                        inputs.push(self.b.init(&format!("{name}.zp"), onnx::UINT8, &[n as i64, cols], z));
                    }
                    ZeroPoints::Min(m) => {
                        // Zero points of 0 (MatMulNBits' default is the middle), the minimum added below.
                        let blocks = k / nb.block;
                        let cols = if nb.bits == 4 { blocks.div_ceil(2) } else { blocks };
                        let zeros = vec![0u8; n * cols];
                        let cols = cols as i64;
                        inputs.push(
                            self.b
                                .init(&format!("{name}.zp"), onnx::UINT8, &[n as i64, cols], &zeros),
                        );
                        minimum = Some(m);
                    }
                }
                let attrs = vec![
                    attr_i("K", k as i64),
                    attr_i("N", n as i64),
                    attr_i("bits", i64::from(nb.bits)),
                    attr_i("block_size", nb.block as i64),
                    attr_i("accuracy_level", self.accuracy_level),
                ];
                let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
                let y = self.b.node("MatMulNBits", "com.microsoft", &refs, 1, attrs).remove(0);
                match minimum {
                    None => y,
                    Some(m) => {
                        // + (block sums of x) @ (minimums)^T, [K/32, N].
                        let mut mt = vec![0f32; m.len()];
                        for r in 0..n {
                            for c in 0..k / 32 {
                                mt[c * n + r] = m[r * (k / 32) + c];
                            }
                        }
                        let mt = self.b.f32s(&format!("{name}.min"), &[kb, n as i64], &mt);
                        let sums = self.block_sums(x, k);
                        let corr = self.b.node("MatMul", "", &[&sums, &mt], 1, vec![]).remove(0);
                        self.b.node("Add", "", &[&y, &corr], 1, vec![]).remove(0)
                    }
                }
            }
            GgmlType::F32 | GgmlType::F16 | GgmlType::BF16 => {
                let w = quant::dequantize(ty, raw, k * n)?;
                let mut wt = vec![0f32; k * n];
                for r in 0..n {
                    for c in 0..k {
                        wt[c * n + r] = w[r * k + c];
                    }
                }
                let wt = self.b.f32s(&format!("{name}.t"), &[k as i64, n as i64], &wt);
                self.b.node("MatMul", "", &[x, &wt], 1, vec![]).remove(0)
            }
            other => {
                return Err(Error::Model(format!(
                    "`{name}` is {}: Q4_0, Q4_1, Q8_0, Q4_K, Q5_K, Q6_K, F16, BF16 and F32 are imported",
                    other.name()
                )));
            }
        };
        match bias {
            Some(bname) if self.g.tensor(bname).is_some() => {
                let bias = self.vector(bname)?;
                Ok(self.b.node("Add", "", &[&out, &bias], 1, vec![]).remove(0))
            }
            _ => Ok(out),
        }
    }
}

/// Builds the model folder for `gguf` in `out`. `progress(done, total)` is
/// called as layers are written.
pub fn import(
    gguf: &Path,
    out: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, Error> {
    let started = Instant::now();
    let (bytes, sha256) = read_hashed(gguf)?;
    import_read(gguf, bytes, sha256, started, out, opts, progress)
}

/// The file's bytes and their SHA-256, in hex.
fn read_hashed(gguf: &Path) -> Result<(Vec<u8>, String), Error> {
    let bytes = std::fs::read(gguf).map_err(|e| Error::Model(format!("{}: {e}", gguf.display())))?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    Ok((bytes, sha256))
}

/// `import` of a file already read (`cached` reads it once, for its hash too).
fn import_read(
    gguf: &Path,
    bytes: Vec<u8>,
    sha256: String,
    started: Instant,
    out: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, Error> {
    let g = Gguf::parse(bytes)?;
    let h = hyper(&g)?;
    let tok = tokenizer::build(&g)?;
    let mut gr = Graph {
        g: &g,
        b: Builder::new("model.onnx.data"),
        sums: Default::default(),
        accuracy_level: opts.accuracy_level,
    };
    let total = h.layers + 2;
    progress(0, total);

    // Lengths from the mask: each row's (seqlens_k) and the widest (total).
    let axis1 = gr.b.i64s("axis1", &[1], &[1]);
    let one = gr.b.i64s("one", &[], &[1]);
    let sum =
        gr.b.node(
            "ReduceSum",
            "",
            &["attention_mask", &axis1],
            1,
            vec![attr_i("keepdims", 0)],
        )
        .remove(0);
    let minus = gr.b.node("Sub", "", &[&sum, &one], 1, vec![]).remove(0);
    let seqlens =
        gr.b.node("Cast", "", &[&minus], 1, vec![attr_i("to", i64::from(onnx::INT32))])
            .remove(0);
    let shape = gr.b.node("Shape", "", &["attention_mask"], 1, vec![]).remove(0);
    let width =
        gr.b.node("Gather", "", &[&shape, &one], 1, vec![attr_i("axis", 0)])
            .remove(0);
    let total_len =
        gr.b.node("Cast", "", &[&width], 1, vec![attr_i("to", i64::from(onnx::INT32))])
            .remove(0);

    // Rotary tables for GroupQueryAttention, one pair per distinct base:
    // Llama 3.1's `rope_freqs` and Phi's short LongRoPE factors divide the
    // frequencies.
    let factors = ["rope_freqs.weight", "rope_factors_short.weight"]
        .iter()
        .find(|n| g.tensor(n).is_some())
        .map(|n| {
            let (t, raw) = gr.tensor(n)?;
            let f = quant::dequantize(t.ty, raw, t.elements())?;
            if f.len() != h.rot_dim / 2 {
                return Err(Error::Model(format!(
                    "`{n}` has {} factors for {} rotary frequencies",
                    f.len(),
                    h.rot_dim / 2
                )));
            }
            Ok(f)
        })
        .transpose()?;
    let mut tables: Vec<((u32, u32), (String, String))> = Vec::new();
    let mut table_for = |gr: &mut Graph, base: f32, linear: f32| -> (String, String) {
        let key = (base.to_bits(), linear.to_bits());
        if let Some((_, t)) = tables.iter().find(|(k, _)| *k == key) {
            return t.clone();
        }
        let (cos, sin) = rope_tables(h.context, h.rot_dim, base, linear, factors.as_deref(), h.attn_factor);
        let n = tables.len();
        let dims = [h.context as i64, (h.rot_dim / 2) as i64];
        let t = (
            gr.b.f32s(&format!("cos_cache{n}"), &dims, &cos),
            gr.b.f32s(&format!("sin_cache{n}"), &dims, &sin),
        );
        tables.push((key, t.clone()));
        t
    };
    // llama.cpp's converter permutes Llama's Q and K rows into adjacent pairs
    // (its "normal" rope); the others keep halves (NeoX).
    let interleaved = i64::from(h.arch == "llama");

    // Embedding (dequantized: looked up, not multiplied).
    let (emb_ty, emb_raw, emb_dims) = {
        let (t, raw) = gr.tensor("token_embd.weight")?;
        (t.ty, raw, t.dims.clone())
    };
    if emb_dims.len() != 2 || emb_dims[0] as usize != h.hidden || emb_dims[1] as usize != h.vocab {
        return Err(Error::Model(format!(
            "token_embd.weight is {emb_dims:?}, not [{}, {}]",
            h.hidden, h.vocab
        )));
    }
    let table = quant::dequantize(emb_ty, emb_raw, h.hidden * h.vocab)?;
    let table = gr.b.f32s("embed_tokens", &[h.vocab as i64, h.hidden as i64], &table);
    let mut hidden =
        gr.b.node("Gather", "", &[&table, "input_ids"], 1, vec![attr_i("axis", 0)])
            .remove(0);
    if h.gemma() {
        // Gemma scales the embedding by sqrt(width) (the output head reads the table unscaled).
        let scale = gr.b.f32s("embed_scale", &[], &[(h.hidden as f32).sqrt()]);
        hidden = gr.b.node("Mul", "", &[&hidden, &scale], 1, vec![]).remove(0);
    }
    progress(1, total);

    let rms = |gr: &mut Graph, x: &str, w: &str| -> String {
        gr.b.node(
            "SimplifiedLayerNormalization",
            "",
            &[x, w],
            1,
            vec![attr_f("epsilon", h.eps), attr_i("axis", -1), attr_i("stash_type", 1)],
        )
        .remove(0)
    };
    let norm0 = gr.vector("blk.0.attn_norm.weight")?;
    let mut x = rms(&mut gr, &hidden, &norm0);
    for l in 0..h.layers {
        let p = |s: &str| format!("blk.{l}.{s}");
        let (q_width, kv_width) = ((h.heads * h.head_dim) as i64, (h.kv_heads * h.head_dim) as i64);
        let (mut q, mut k, v) = if g.tensor(&p("attn_qkv.weight")).is_some() {
            // Phi: one fused projection, split.
            let qkv = gr.linear(&x, &p("attn_qkv.weight"), Some(&p("attn_qkv.bias")))?;
            let sizes =
                gr.b.i64s(&format!("{l}.qkv_split"), &[3], &[q_width, kv_width, kv_width]);
            let mut parts = gr.b.node("Split", "", &[&qkv, &sizes], 3, vec![attr_i("axis", -1)]);
            let v = parts.remove(2);
            let k = parts.remove(1);
            (parts.remove(0), k, v)
        } else {
            (
                gr.linear(&x, &p("attn_q.weight"), Some(&p("attn_q.bias")))?,
                gr.linear(&x, &p("attn_k.weight"), Some(&p("attn_k.bias")))?,
                gr.linear(&x, &p("attn_v.weight"), Some(&p("attn_v.bias")))?,
            )
        };
        // Qwen 3 and Gemma 3: RMSNorm over each head of Q and K, before the rotation.
        for (t, name, n) in [
            (&mut q, "attn_q_norm.weight", h.heads),
            (&mut k, "attn_k_norm.weight", h.kv_heads),
        ] {
            if g.tensor(&p(name)).is_some() {
                let w = gr.vector(&p(name))?;
                let heads =
                    gr.b.i64s(&format!("{l}.{name}.heads"), &[4], &[0, 0, n as i64, h.head_dim as i64]);
                let flat =
                    gr.b.i64s(&format!("{l}.{name}.flat"), &[3], &[0, 0, (n * h.head_dim) as i64]);
                let r = gr.b.node("Reshape", "", &[t.as_str(), &heads], 1, vec![]).remove(0);
                let r = rms(&mut gr, &r, &w);
                *t = gr.b.node("Reshape", "", &[&r, &flat], 1, vec![]).remove(0);
            }
        }
        let attn = format!("gqa_{l}");
        let (pk, pv) = (format!("past_key_values.{l}.key"), format!("past_key_values.{l}.value"));
        let (ok, ov) = (format!("present.{l}.key"), format!("present.{l}.value"));
        let (base, linear) = h.rope_base(l);
        let (cos, sin) = table_for(&mut gr, base, linear);
        // ONNX Runtime's local window counts the keys a position attends
        // to, itself included (measured: its CPU kernel, 1.31).
        let window = match (h.sliding(l), h.window) {
            (true, Some(w)) => w as i64,
            _ => -1,
        };
        let mut attrs = vec![
            attr_i("num_heads", h.heads as i64),
            attr_i("kv_num_heads", h.kv_heads as i64),
            attr_f("scale", 1.0 / (h.head_dim as f32).sqrt()),
            attr_i("do_rotary", 1),
            attr_i("rotary_interleaved", interleaved),
            attr_i("local_window_size", window),
        ];
        if let Some(cap) = h.attn_softcap {
            attrs.push(attr_f("softcap", cap));
        }
        gr.b.node_to(
            "GroupQueryAttention",
            "com.microsoft",
            &[&q, &k, &v, &pk, &pv, &seqlens, &total_len, &cos, &sin],
            &[&attn, &ok, &ov],
            attrs,
        );
        let mut o = gr.linear(&attn, &p("attn_output.weight"), Some(&p("attn_output.bias")))?;
        if g.tensor(&p("post_attention_norm.weight")).is_some() {
            let w = gr.vector(&p("post_attention_norm.weight"))?;
            o = rms(&mut gr, &o, &w);
        }
        let ffn_norm = gr.vector(&p("ffn_norm.weight"))?;
        let outs = gr.b.node(
            "SkipSimplifiedLayerNormalization",
            "com.microsoft",
            &[&o, &hidden, &ffn_norm],
            4,
            vec![attr_f("epsilon", h.eps)],
        );
        let (h2, resid) = (outs[0].clone(), outs[3].clone());
        let (gate, up) = if g.tensor(&p("ffn_gate.weight")).is_some() {
            (
                gr.linear(&h2, &p("ffn_gate.weight"), None)?,
                gr.linear(&h2, &p("ffn_up.weight"), None)?,
            )
        } else {
            // Phi: gate and up in one matrix, gate first.
            let both = gr.linear(&h2, &p("ffn_up.weight"), None)?;
            let mut parts = gr.b.node(
                "Split",
                "",
                &[&both],
                2,
                vec![attr_i("axis", -1), attr_i("num_outputs", 2)],
            );
            let up = parts.remove(1);
            (parts.remove(0), up)
        };
        let act = if h.gemma() {
            let gelu =
                gr.b.node("Gelu", "", &[&gate], 1, vec![attr_s("approximate", "tanh")])
                    .remove(0);
            gr.b.node("Mul", "", &[&gelu, &up], 1, vec![]).remove(0)
        } else {
            let sig = gr.b.node("Sigmoid", "", &[&gate], 1, vec![]).remove(0);
            let silu = gr.b.node("Mul", "", &[&gate, &sig], 1, vec![]).remove(0);
            gr.b.node("Mul", "", &[&silu, &up], 1, vec![]).remove(0)
        };
        let mut down = gr.linear(&act, &p("ffn_down.weight"), None)?;
        if g.tensor(&p("post_ffw_norm.weight")).is_some() {
            let w = gr.vector(&p("post_ffw_norm.weight"))?;
            down = rms(&mut gr, &down, &w);
        }
        let next_norm = if l + 1 < h.layers {
            gr.vector(&format!("blk.{}.attn_norm.weight", l + 1))?
        } else {
            gr.vector("output_norm.weight")?
        };
        let outs = gr.b.node(
            "SkipSimplifiedLayerNormalization",
            "com.microsoft",
            &[&down, &resid, &next_norm],
            4,
            vec![attr_f("epsilon", h.eps)],
        );
        x = outs[0].clone();
        hidden = outs[3].clone();
        progress(l + 2, total);
    }
    // Logits for each row's last position only: index seqlens_k - (total -
    // S), clamped to the row (a prompt: its own last token, padded rows
    // included; a decode step: 0; a later chunk: S - 1).
    let ids_shape = gr.b.node("Shape", "", &["input_ids"], 1, vec![]).remove(0);
    let seq =
        gr.b.node("Gather", "", &[&ids_shape, &one], 1, vec![attr_i("axis", 0)])
            .remove(0);
    let lead_pad = gr.b.node("Sub", "", &[&width, &seq], 1, vec![]).remove(0);
    let last = gr.b.node("Sub", "", &[&minus, &lead_pad], 1, vec![]).remove(0);
    let zero = gr.b.i64s("zero", &[], &[0]);
    let seq_last = gr.b.node("Sub", "", &[&seq, &one], 1, vec![]).remove(0);
    let last = gr.b.node("Clip", "", &[&last, &zero, &seq_last], 1, vec![]).remove(0);
    let col = gr.b.i64s("last_shape", &[3], &[-1, 1, 1]);
    let last = gr.b.node("Reshape", "", &[&last, &col], 1, vec![]).remove(0);
    let wide = gr.b.i64s("last_expand", &[3], &[1, 1, h.hidden as i64]);
    let last = gr.b.node("Expand", "", &[&last, &wide], 1, vec![]).remove(0);
    let x =
        gr.b.node("GatherElements", "", &[&x, &last], 1, vec![attr_i("axis", 1)])
            .remove(0);
    // The output projection. When tied to the embedding: at accuracy level
    // 0, the embedding's own f32 table read transposed (`Gemm`, no second
    // copy; exact, and faster than 8-bit MatMulNBits at level 0); at other
    // levels, MatMulNBits over the embedding's own blocks.
    let quantized_embedding = !matches!(emb_ty, GgmlType::F32 | GgmlType::F16 | GgmlType::BF16);
    let logits = if g.tensor("output.weight").is_some() || (opts.accuracy_level != 0 && quantized_embedding) {
        let head = if g.tensor("output.weight").is_some() {
            "output.weight"
        } else {
            "token_embd.weight"
        };
        gr.linear(&x, head, None)?
    } else {
        let flat_shape = gr.b.i64s("flat_shape", &[2], &[-1, h.hidden as i64]);
        let flat = gr.b.node("Reshape", "", &[&x, &flat_shape], 1, vec![]).remove(0);
        let y =
            gr.b.node("Gemm", "", &[&flat, &table], 1, vec![attr_i("transB", 1)])
                .remove(0);
        let in_shape = gr.b.node("Shape", "", &[&x], 1, vec![]).remove(0);
        let start = gr.b.i64s("slice_start", &[1], &[0]);
        let end = gr.b.i64s("slice_end", &[1], &[2]);
        let lead = gr.b.node("Slice", "", &[&in_shape, &start, &end], 1, vec![]).remove(0);
        let vocab = gr.b.i64s("vocab_dim", &[1], &[h.vocab as i64]);
        let out_shape =
            gr.b.node("Concat", "", &[&lead, &vocab], 1, vec![attr_i("axis", 0)])
                .remove(0);
        gr.b.node("Reshape", "", &[&y, &out_shape], 1, vec![]).remove(0)
    };
    match h.final_softcap {
        // Gemma 2: cap * tanh(logits / cap).
        Some(cap) => {
            let c = gr.b.f32s("final_softcap", &[], &[cap]);
            let d = gr.b.node("Div", "", &[&logits, &c], 1, vec![]).remove(0);
            let t = gr.b.node("Tanh", "", &[&d], 1, vec![]).remove(0);
            gr.b.node_to("Mul", "", &[&t, &c], &["logits"], vec![]);
        }
        None => gr.b.node_to("Identity", "", &[&logits], &["logits"], vec![]),
    }
    let mut inputs = vec![
        value_info(
            "input_ids",
            onnx::INT64,
            &[Dim::P("batch_size"), Dim::P("sequence_length")],
        ),
        value_info(
            "attention_mask",
            onnx::INT64,
            &[Dim::P("batch_size"), Dim::P("total_sequence_length")],
        ),
    ];
    let mut outputs = vec![value_info(
        "logits",
        onnx::FLOAT,
        &[Dim::P("batch_size"), Dim::N(1), Dim::N(h.vocab as i64)],
    )];
    let kv = |name: String, len: &'static str| {
        value_info(
            &name,
            onnx::FLOAT,
            &[
                Dim::P("batch_size"),
                Dim::N(h.kv_heads as i64),
                Dim::P(len),
                Dim::N(h.head_dim as i64),
            ],
        )
    };
    for kind in ["key", "value"] {
        for l in 0..h.layers {
            inputs.push(kv(format!("past_key_values.{l}.{kind}"), "past_sequence_length"));
            outputs.push(kv(format!("present.{l}.{kind}"), "total_sequence_length"));
        }
    }
    let mut types = std::collections::BTreeMap::new();
    for t in &g.tensors {
        *types.entry(t.ty.name()).or_insert(0) += 1;
    }
    let meta = vec![
        ("source_sha256".to_string(), sha256.clone()),
        ("source".to_string(), file_name(gguf)),
    ];
    let (model, data) = gr.b.encode(inputs, outputs, meta);

    // The folder, written beside and renamed into place.
    let part = out.with_extension("part");
    let _ = std::fs::remove_dir_all(&part);
    std::fs::create_dir_all(&part).map_err(|e| Error::Model(format!("{}: {e}", part.display())))?;
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(part.join(name), bytes).map_err(|e| Error::Model(format!("writing {name}: {e}")))
    };
    write("model.onnx", &model)?;
    write("model.onnx.data", &data)?;
    write("tokenizer.json", tok.tokenizer_json.to_string().as_bytes())?;
    if let Some(t) = g.get("tokenizer.chat_template").and_then(Meta::as_str) {
        write("chat_template.jinja", t.as_bytes())?;
    }
    let tok_id = |key: &str| g.get(key).and_then(Meta::as_u64);
    let eos = tok_id("tokenizer.ggml.eos_token_id").unwrap_or(2);
    let genai = json!({
        "model": {
            "bos_token_id": tok_id("tokenizer.ggml.bos_token_id").unwrap_or(1),
            "context_length": h.context,
            "decoder": {
                "session_options": {"log_id": "cordon", "provider_options": []},
                "filename": "model.onnx",
                "head_size": h.head_dim,
                "hidden_size": h.hidden,
                "inputs": {"input_ids": "input_ids", "attention_mask": "attention_mask",
                           "past_key_names": "past_key_values.%d.key", "past_value_names": "past_key_values.%d.value"},
                "outputs": {"logits": "logits", "present_key_names": "present.%d.key", "present_value_names": "present.%d.value"},
                "num_attention_heads": h.heads,
                "num_hidden_layers": h.layers,
                "num_key_value_heads": h.kv_heads,
            },
            "eos_token_id": eos,
            "pad_token_id": tok_id("tokenizer.ggml.padding_token_id").unwrap_or(eos),
            "type": h.arch,
            "vocab_size": h.vocab,
        },
        "search": {"do_sample": false, "max_length": h.context, "past_present_share_buffer": true,
                   "num_beams": 1, "temperature": 1.0, "top_k": 50, "top_p": 1.0, "repetition_penalty": 1.0},
    });
    write(
        "genai_config.json",
        serde_json::to_string_pretty(&genai).unwrap_or_default().as_bytes(),
    )?;
    write(
        "tokenizer_config.json",
        json!({"bos_token": tok.bos, "eos_token": tok.eos, "model_max_length": h.context})
            .to_string()
            .as_bytes(),
    )?;
    let report = Report {
        source: file_name(gguf),
        sha256,
        architecture: h.arch.clone(),
        layers: h.layers,
        types,
        seconds: started.elapsed().as_secs_f64(),
        bytes: (model.len() + data.len()) as u64,
    };
    write(
        "import.json",
        serde_json::to_string_pretty(&report).unwrap_or_default().as_bytes(),
    )?;
    let _ = std::fs::remove_dir_all(out);
    std::fs::rename(&part, out).map_err(|e| Error::Model(format!("{}: {e}", out.display())))?;
    progress(total, total);
    Ok(report)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The folder a GGUF file is imported into, in `cache` by content hash;
/// imports it the first time.
pub fn cached(gguf: &Path, cache: &Path, opts: &ImportOptions) -> Result<PathBuf, Error> {
    let started = Instant::now();
    let (bytes, hash) = read_hashed(gguf)?;
    let dir = cache.join(format!("{}-acc{}", &hash[..16], opts.accuracy_level));
    if dir.join("genai_config.json").is_file() && dir.join("import.json").is_file() {
        return Ok(dir);
    }
    std::fs::create_dir_all(cache).map_err(|e| Error::Model(format!("{}: {e}", cache.display())))?;
    let report = import_read(gguf, bytes, hash, started, &dir, opts, &mut |_, _| {})?;
    tracing::info!(source = %report.source, seconds = report.seconds, bytes = report.bytes, dir = %dir.display(), "GGUF imported");
    Ok(dir)
}
