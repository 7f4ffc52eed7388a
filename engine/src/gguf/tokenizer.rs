//! `tokenizer.json` (Hugging Face `tokenizers` format) from a GGUF's
//! tokenizer metadata. Byte-level BPE (`tokenizer.ggml.model: gpt2`, used by
//! SmolLM, Qwen2 and Llama 3 files): vocabulary, merges, and control or
//! user-defined tokens as added special tokens.

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
    if model != "gpt2" {
        return Err(Error::Model(format!(
            "tokenizer.ggml.model `{model}` is not supported yet (byte-level BPE, `gpt2`, is)"
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
    // 3: control, 4: user-defined.
    let added: Vec<Value> = tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| matches!(types.get(*i), Some(3) | Some(4)))
        .map(|(i, t)| {
            json!({"id": i, "content": t, "single_word": false, "lstrip": false, "rstrip": false,
                   "normalized": false, "special": types.get(i) == Some(&3)})
        })
        .collect();
    let byte_level = json!({"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true});
    let tokenizer_json = json!({
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
    });
    let id = |key: &str| {
        g.get(key)
            .and_then(Meta::as_u64)
            .and_then(|i| tokens.get(i as usize))
            .map(|t| t.to_string())
    };
    Ok(Built {
        tokenizer_json,
        bos: id("tokenizer.ggml.bos_token_id"),
        eos: id("tokenizer.ggml.eos_token_id"),
    })
}
