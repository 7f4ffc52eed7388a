//! `tokenizer.json` (Hugging Face `tokenizers` format) from a GGUF's
//! tokenizer metadata, with control or user-defined tokens as added special
//! tokens:
//! - byte-level BPE (`tokenizer.ggml.model: gpt2`, used by SmolLM, Qwen and
//!   Llama 3 files): vocabulary and merges;
//! - SentencePiece BPE (`llama`: Llama 2, Mistral, Phi-3, Gemma): the
//!   vocabulary with `▁` for spaces, byte fallback (`<0x41>` tokens), and
//!   merges made from the pieces' scores as `transformers` converts a
//!   SentencePiece model (a piece that two others make up is their merge,
//!   ranked by its score); the space prefix as `add_space_prefix` says;
//! - SentencePiece Unigram (`t5`, llama.cpp's UGM): pieces and their
//!   scores (the best-scoring segmentation), after the file's compiled
//!   character map (`precompiled_charsmap`) and with extra whitespace
//!   removed where `remove_extra_whitespaces` says.

use serde_json::{json, Value};

use super::reader::{Gguf, Meta};
use crate::Error;

pub struct Built {
    pub tokenizer_json: Value,
    pub bos: Option<String>,
    pub eos: Option<String>,
}

pub fn build(g: &Gguf) -> Result<Built, Error> {
    let model = g.require("tokenizer.ggml.model")?.as_str().unwrap_or_default();
    if !matches!(model, "gpt2" | "llama" | "t5") {
        return Err(Error::Model(format!(
            "tokenizer.ggml.model `{model}` is not supported (byte-level BPE `gpt2`, SentencePiece `llama` and \
             `t5` are)"
        )));
    }
    let tokens: Vec<&str> = g
        .require("tokenizer.ggml.tokens")?
        .as_arr()
        .unwrap_or_default()
        .iter()
        .map(|t| t.as_str().unwrap_or_default())
        .collect();
    let types: Vec<u64> = match g.get("tokenizer.ggml.token_type").and_then(Meta::as_arr) {
        Some(a) => a.iter().map(|t| t.as_u64().unwrap_or(1)).collect(),
        None => vec![1; tokens.len()],
    };
    let id = |key: &str| {
        g.get(key)
            .and_then(Meta::as_u64)
            .and_then(|i| tokens.get(i as usize))
            .map(|t| t.to_string())
    };
    let added = added_tokens(&tokens, &types);
    let tokenizer_json = match model {
        "gpt2" => byte_level(g, &tokens, added),
        _ => sentencepiece(g, model, &tokens, &types, added),
    };
    Ok(Built {
        tokenizer_json,
        bos: id("tokenizer.ggml.bos_token_id"),
        eos: id("tokenizer.ggml.eos_token_id"),
    })
}

/// Control (3) and user-defined (4) tokens, matched whole before the model runs.
fn added_tokens(tokens: &[&str], types: &[u64]) -> Vec<Value> {
    tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| matches!(types.get(*i), Some(3) | Some(4)))
        .map(|(i, t)| {
            json!({"id": i, "content": t, "single_word": false, "lstrip": false, "rstrip": false,
                   "normalized": false, "special": types.get(i) == Some(&3)})
        })
        .collect()
}

const SPACE: &str = "\u{2581}";

fn sentencepiece(g: &Gguf, model: &str, tokens: &[&str], types: &[u64], added: Vec<Value>) -> Value {
    let scores: Vec<f64> = match g.get("tokenizer.ggml.scores").and_then(Meta::as_arr) {
        Some(a) => a.iter().map(|s| s.as_f64().unwrap_or(0.0)).collect(),
        None => vec![0.0; tokens.len()],
    };
    let prefix = !matches!(g.get("tokenizer.ggml.add_space_prefix"), Some(Meta::Bool(false)));
    let unk = g
        .get("tokenizer.ggml.unknown_token_id")
        .and_then(Meta::as_u64)
        .map(|i| i as usize)
        .or_else(|| types.iter().position(|&t| t == 2));
    let mut normalizers = Vec::new();
    // Unigram files carry SentencePiece's normalizer, which llama.cpp's UGM
    // tokenizer applies in this order: the compiled character map (T5's
    // NFKC and more; the same format as the `tokenizers` crate's
    // `Precompiled`, a map it cannot read fails the load), then
    // `remove_extra_whitespaces` (no leading or trailing spaces, runs of
    // spaces as one).
    let unigram = model == "t5";
    let charsmap: Vec<u8> = match g.get("tokenizer.ggml.precompiled_charsmap").and_then(Meta::as_arr) {
        Some(a) if unigram => a
            .iter()
            .map(|b| match b {
                // u8 or i8 elements: the byte either way.
                Meta::Int(i) => u8::try_from(i.rem_euclid(256)).unwrap_or_default(),
                _ => 0,
            })
            .collect(),
        _ => Vec::new(),
    };
    if !charsmap.is_empty() {
        use base64::Engine as _;
        normalizers.push(json!({"type": "Precompiled",
            "precompiled_charsmap": base64::engine::general_purpose::STANDARD.encode(&charsmap)}));
    }
    if unigram && matches!(g.get("tokenizer.ggml.remove_extra_whitespaces"), Some(Meta::Bool(true))) {
        normalizers.push(json!({"type": "Strip", "strip_left": true, "strip_right": true}));
        normalizers.push(json!({"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}));
    }
    if prefix {
        normalizers.push(json!({"type": "Prepend", "prepend": SPACE}));
    }
    normalizers.push(json!({"type": "Replace", "pattern": {"String": " "}, "content": SPACE}));
    let mut decoders = vec![
        json!({"type": "Replace", "pattern": {"String": SPACE}, "content": " "}),
        json!({"type": "ByteFallback"}),
        json!({"type": "Fuse"}),
    ];
    if prefix {
        decoders.push(json!({"type": "Strip", "content": " ", "start": 1, "stop": 0}));
    }
    let model_json = if unigram {
        let vocab: Vec<Value> = tokens.iter().zip(&scores).map(|(t, s)| json!([t, s])).collect();
        json!({"type": "Unigram", "unk_id": unk, "vocab": vocab, "byte_fallback": types.contains(&6)})
    } else {
        let mut vocab = serde_json::Map::new();
        for (i, t) in tokens.iter().enumerate() {
            vocab.insert((*t).to_string(), json!(i));
        }
        // Merges from scores: each normal piece that two normal pieces make up,
        // highest score first, then by the halves' ids.
        let normal: std::collections::HashMap<&str, usize> = tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| types.get(*i).is_none_or(|&t| t == 1))
            .map(|(i, t)| (*t, i))
            .collect();
        let mut merges: Vec<(f64, usize, usize, &str, &str)> = Vec::new();
        for (&piece, &i) in &normal {
            for (at, _) in piece.char_indices().skip(1) {
                let (l, r) = piece.split_at(at);
                if let (Some(&a), Some(&b)) = (normal.get(l), normal.get(r)) {
                    merges.push((scores.get(i).copied().unwrap_or(0.0), a, b, l, r));
                }
            }
        }
        merges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let merges: Vec<Value> = merges.iter().map(|m| json!([m.3, m.4])).collect();
        json!({"type": "BPE", "dropout": null, "unk_token": unk.and_then(|u| tokens.get(u)),
               "continuing_subword_prefix": null, "end_of_word_suffix": null, "fuse_unk": true,
               "byte_fallback": true, "ignore_merges": false, "vocab": vocab, "merges": merges})
    };
    json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": normalizers},
        "pre_tokenizer": null,
        "post_processor": null,
        "decoder": {"type": "Sequence", "decoders": decoders},
        "model": model_json,
    })
}

fn byte_level(g: &Gguf, tokens: &[&str], added: Vec<Value>) -> Value {
    let merges: Vec<Value> = match g.get("tokenizer.ggml.merges").and_then(Meta::as_arr) {
        Some(a) => a
            .iter()
            .filter_map(|m| m.as_str())
            .filter_map(|m| m.split_once(' ').map(|(a, b)| json!([a, b])))
            .collect(),
        None => Vec::new(),
    };
    let mut vocab = serde_json::Map::new();
    for (i, t) in tokens.iter().enumerate() {
        vocab.insert((*t).to_string(), json!(i));
    }
    let byte_level = json!({"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true});
    json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": added,
        "normalizer": null,
        "pre_tokenizer": byte_level,
        "post_processor": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
        "decoder": byte_level,
        "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
                  "vocab": vocab, "merges": merges},
    })
}
