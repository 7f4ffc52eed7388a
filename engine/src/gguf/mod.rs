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

use self::onnx::{attr_f, attr_i, value_info, Builder, Dim};
use self::quant::ZeroPoints;
use self::reader::{GgmlType, Gguf, Meta};
use crate::Error;

/// Architectures (GGUF `general.architecture`) the importer builds.
pub const ARCHITECTURES: &[&str] = &["llama", "qwen2"];

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

struct Hyper {
    arch: String,
    layers: usize,
    hidden: usize,
    heads: usize,
    kv_heads: usize,
    head_dim: usize,
    eps: f32,
    rope_base: f32,
    context: usize,
    vocab: usize,
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
    let hidden = meta_u(g, &k("embedding_length"))?;
    let heads = meta_u(g, &k("attention.head_count"))?;
    let kv_heads = g
        .get(&k("attention.head_count_kv"))
        .and_then(Meta::as_u64)
        .map_or(heads, |v| v as usize);
    if heads == 0 || kv_heads == 0 || hidden % heads != 0 || heads % kv_heads != 0 {
        return Err(Error::Model(format!(
            "GGUF: {heads} heads, {kv_heads} key/value heads and width {hidden} do not fit"
        )));
    }
    let head_dim = g
        .get(&k("attention.key_length"))
        .and_then(Meta::as_u64)
        .map_or(hidden / heads, |v| v as usize);
    if let Some(rot) = g.get(&k("rope.dimension_count")).and_then(Meta::as_u64) {
        if rot as usize != head_dim {
            return Err(Error::Model(format!(
                "partial rotary embedding ({rot} of {head_dim}) is not supported"
            )));
        }
    }
    let vocab = match g.get(&k("vocab_size")).and_then(Meta::as_u64) {
        Some(v) => v as usize,
        None => g.require("tokenizer.ggml.tokens")?.as_arr().map_or(0, <[Meta]>::len),
    };
    Ok(Hyper {
        layers: meta_u(g, &k("block_count"))?,
        hidden,
        heads,
        kv_heads,
        head_dim,
        eps: g
            .get(&k("attention.layer_norm_rms_epsilon"))
            .and_then(Meta::as_f64)
            .unwrap_or(1e-5) as f32,
        rope_base: g.get(&k("rope.freq_base")).and_then(Meta::as_f64).unwrap_or(10_000.0) as f32,
        context: g
            .get(&k("context_length"))
            .and_then(Meta::as_u64)
            .map_or(2048, |v| v as usize),
        vocab,
        arch,
    })
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
            GgmlType::F32 | GgmlType::F16 => {
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
                    "`{name}` is {}: Q4_0, Q4_1, Q8_0, Q4_K, Q5_K, Q6_K, F16 and F32 are imported",
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

    // Rotary tables for GroupQueryAttention: [context, head_dim / 2].
    let half = h.head_dim / 2;
    let (mut cos, mut sin) = (
        Vec::with_capacity(h.context * half),
        Vec::with_capacity(h.context * half),
    );
    for pos in 0..h.context {
        for i in 0..half {
            let inv = (h.rope_base as f64).powf(-(2.0 * i as f64) / h.head_dim as f64);
            let a = pos as f64 * inv;
            cos.push(a.cos() as f32);
            sin.push(a.sin() as f32);
        }
    }
    let cos = gr.b.f32s("cos_cache", &[h.context as i64, half as i64], &cos);
    let sin = gr.b.f32s("sin_cache", &[h.context as i64, half as i64], &sin);
    // llama.cpp's converter permutes Llama's Q and K rows into adjacent pairs
    // (its "normal" rope); Qwen2 keeps halves (NeoX).
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
    progress(1, total);

    let norm0 = gr.vector("blk.0.attn_norm.weight")?;
    let mut x =
        gr.b.node(
            "SimplifiedLayerNormalization",
            "",
            &[&hidden, &norm0],
            1,
            vec![attr_f("epsilon", h.eps), attr_i("axis", -1), attr_i("stash_type", 1)],
        )
        .remove(0);
    for l in 0..h.layers {
        let p = |s: &str| format!("blk.{l}.{s}");
        let q = gr.linear(&x, &p("attn_q.weight"), Some(&p("attn_q.bias")))?;
        let k = gr.linear(&x, &p("attn_k.weight"), Some(&p("attn_k.bias")))?;
        let v = gr.linear(&x, &p("attn_v.weight"), Some(&p("attn_v.bias")))?;
        let attn = format!("gqa_{l}");
        let (pk, pv) = (format!("past_key_values.{l}.key"), format!("past_key_values.{l}.value"));
        let (ok, ov) = (format!("present.{l}.key"), format!("present.{l}.value"));
        gr.b.node_to(
            "GroupQueryAttention",
            "com.microsoft",
            &[&q, &k, &v, &pk, &pv, &seqlens, &total_len, &cos, &sin],
            &[&attn, &ok, &ov],
            vec![
                attr_i("num_heads", h.heads as i64),
                attr_i("kv_num_heads", h.kv_heads as i64),
                attr_f("scale", 1.0 / (h.head_dim as f32).sqrt()),
                attr_i("do_rotary", 1),
                attr_i("rotary_interleaved", interleaved),
                attr_i("local_window_size", -1),
            ],
        );
        let o = gr.linear(&attn, &p("attn_output.weight"), None)?;
        let ffn_norm = gr.vector(&p("ffn_norm.weight"))?;
        let outs = gr.b.node(
            "SkipSimplifiedLayerNormalization",
            "com.microsoft",
            &[&o, &hidden, &ffn_norm],
            4,
            vec![attr_f("epsilon", h.eps)],
        );
        let (h2, resid) = (outs[0].clone(), outs[3].clone());
        let gate = gr.linear(&h2, &p("ffn_gate.weight"), None)?;
        let up = gr.linear(&h2, &p("ffn_up.weight"), None)?;
        let sig = gr.b.node("Sigmoid", "", &[&gate], 1, vec![]).remove(0);
        let silu = gr.b.node("Mul", "", &[&gate, &sig], 1, vec![]).remove(0);
        let act = gr.b.node("Mul", "", &[&silu, &up], 1, vec![]).remove(0);
        let down = gr.linear(&act, &p("ffn_down.weight"), None)?;
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
    // The output projection. When tied to the embedding: at accuracy level
    // 0, the embedding's own f32 table read transposed (`Gemm`, no second
    // copy; exact, and faster than 8-bit MatMulNBits at level 0); at other
    // levels, MatMulNBits over the embedding's own blocks.
    let quantized_embedding = !matches!(emb_ty, GgmlType::F32 | GgmlType::F16);
    if g.tensor("output.weight").is_some() || (opts.accuracy_level != 0 && quantized_embedding) {
        let head = if g.tensor("output.weight").is_some() {
            "output.weight"
        } else {
            "token_embd.weight"
        };
        let logits = gr.linear(&x, head, None)?;
        gr.b.node_to("Identity", "", &[&logits], &["logits"], vec![]);
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
        gr.b.node_to("Reshape", "", &[&y, &out_shape], &["logits"], vec![]);
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
        &[Dim::P("batch_size"), Dim::P("sequence_length"), Dim::N(h.vocab as i64)],
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
