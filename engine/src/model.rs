//! A model folder in the onnxruntime-genai layout: `genai_config.json`,
//! the decoder graph (`model.onnx`, weights as external data), `tokenizer.json`
//! and `tokenizer_config.json` (or `chat_template.jinja`).
//!
//! Everything the graph needs is read from the config and checked against
//! the graph's own inputs and outputs, by name (the builder's outputs list
//! every key before every value; nothing relies on order).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Error;

/// Model families whose decoder graphs the engine drives (decoder-only,
/// rotary attention inside GroupQueryAttention).
pub const FAMILIES: &[&str] = &[
    "llama", "mistral", "qwen2", "qwen3", "phi", "phi3", "smollm", "smollm3", "granite", "gemma", "gemma2", "gemma3",
];

#[derive(Debug, Deserialize)]
struct GenaiConfig {
    model: ModelSection,
    #[serde(default)]
    search: SearchSection,
}

#[derive(Debug, Deserialize)]
struct ModelSection {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    context_length: Option<usize>,
    eos_token_id: OneOrMany,
    #[serde(default)]
    bos_token_id: Option<i64>,
    vocab_size: usize,
    decoder: DecoderSection,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(i64),
    Many(Vec<i64>),
}

#[derive(Debug, Deserialize)]
struct DecoderSection {
    filename: String,
    head_size: usize,
    #[serde(default)]
    hidden_size: Option<usize>,
    num_attention_heads: usize,
    num_hidden_layers: usize,
    num_key_value_heads: usize,
    inputs: DecoderInputs,
    outputs: DecoderOutputs,
}

#[derive(Debug, Deserialize)]
struct DecoderInputs {
    input_ids: String,
    attention_mask: Option<String>,
    position_ids: Option<String>,
    past_key_names: String,
    past_value_names: String,
}

#[derive(Debug, Deserialize)]
struct DecoderOutputs {
    logits: String,
    present_key_names: String,
    present_value_names: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchSection {
    #[serde(default)]
    pub past_present_share_buffer: Option<bool>,
    #[serde(default)]
    pub max_length: Option<usize>,
    #[serde(default)]
    pub temperature: Option<f32>,
    #[serde(default)]
    pub top_k: Option<usize>,
    #[serde(default)]
    pub top_p: Option<f32>,
    #[serde(default)]
    pub repetition_penalty: Option<f32>,
    #[serde(default)]
    pub do_sample: Option<bool>,
}

/// What the engine knows about a model folder before opening the graph.
#[derive(Debug)]
pub struct ModelSpec {
    pub dir: PathBuf,
    pub family: String,
    pub graph: PathBuf,
    pub layers: usize,
    pub heads: usize,
    pub kv_heads: usize,
    pub head_size: usize,
    pub hidden_size: Option<usize>,
    pub vocab: usize,
    pub context: usize,
    pub eos: Vec<i64>,
    pub bos: Option<i64>,
    pub names: IoNames,
    pub search: SearchSection,
}

/// Graph input and output names, one per layer for the cache.
#[derive(Debug, Clone)]
pub struct IoNames {
    pub input_ids: String,
    pub attention_mask: String,
    pub position_ids: Option<String>,
    pub past_keys: Vec<String>,
    pub past_values: Vec<String>,
    pub logits: String,
    pub present_keys: Vec<String>,
    pub present_values: Vec<String>,
}

fn layer_names(pattern: &str, layers: usize, what: &str) -> Result<Vec<String>, Error> {
    if !pattern.contains("%d") {
        return Err(Error::Model(format!(
            "genai_config.json: {what} `{pattern}` has no `%d` for the layer number"
        )));
    }
    Ok((0..layers).map(|i| pattern.replacen("%d", &i.to_string(), 1)).collect())
}

impl ModelSpec {
    /// Reads and checks `genai_config.json` and the files it names.
    pub fn read(dir: &Path) -> Result<ModelSpec, Error> {
        let cfg_path = dir.join("genai_config.json");
        let text = std::fs::read_to_string(&cfg_path).map_err(|e| {
            Error::Model(format!(
                "{}: {e} (not an onnxruntime-genai model folder?)",
                cfg_path.display()
            ))
        })?;
        let cfg: GenaiConfig =
            serde_json::from_str(&text).map_err(|e| Error::Model(format!("{}: {e}", cfg_path.display())))?;
        let m = cfg.model;
        if !FAMILIES.contains(&m.kind.as_str()) {
            return Err(Error::Model(format!(
                "model type `{}` is not supported (decoder-only families: {})",
                m.kind,
                FAMILIES.join(", ")
            )));
        }
        let d = m.decoder;
        if d.num_hidden_layers == 0 || d.num_key_value_heads == 0 || d.head_size == 0 {
            return Err(Error::Model(
                "genai_config.json: layers, key/value heads and head size must be positive".into(),
            ));
        }
        if d.num_attention_heads % d.num_key_value_heads != 0 {
            return Err(Error::Model(format!(
                "genai_config.json: {} attention heads are not a multiple of {} key/value heads",
                d.num_attention_heads, d.num_key_value_heads
            )));
        }
        let Some(attention_mask) = d.inputs.attention_mask else {
            return Err(Error::Model(
                "genai_config.json: the decoder has no `attention_mask` input".into(),
            ));
        };
        if cfg.search.past_present_share_buffer == Some(false) {
            return Err(Error::Model(
                "the model does not share past and present key/value buffers (search.past_present_share_buffer is \
                 false): the engine drives GroupQueryAttention graphs, whose cache is updated in place"
                    .into(),
            ));
        }
        let graph = dir.join(&d.filename);
        if !graph.is_file() {
            return Err(Error::Model(format!("missing decoder graph {}", graph.display())));
        }
        for f in ["tokenizer.json"] {
            if !dir.join(f).is_file() {
                return Err(Error::Model(format!("missing {} in {}", f, dir.display())));
            }
        }
        let layers = d.num_hidden_layers;
        let names = IoNames {
            input_ids: d.inputs.input_ids,
            attention_mask,
            position_ids: d.inputs.position_ids,
            past_keys: layer_names(&d.inputs.past_key_names, layers, "past_key_names")?,
            past_values: layer_names(&d.inputs.past_value_names, layers, "past_value_names")?,
            logits: d.outputs.logits,
            present_keys: layer_names(&d.outputs.present_key_names, layers, "present_key_names")?,
            present_values: layer_names(&d.outputs.present_value_names, layers, "present_value_names")?,
        };
        let eos = match m.eos_token_id {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        };
        Ok(ModelSpec {
            dir: dir.to_path_buf(),
            family: m.kind,
            graph,
            layers,
            heads: d.num_attention_heads,
            kv_heads: d.num_key_value_heads,
            head_size: d.head_size,
            hidden_size: d.hidden_size,
            vocab: m.vocab_size,
            context: m.context_length.or(cfg.search.max_length).unwrap_or(2048),
            eos,
            bos: m.bos_token_id,
            names,
            search: cfg.search,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, cfg: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("genai_config.json"), cfg).unwrap();
        std::fs::write(dir.join("model.onnx"), b"x").unwrap();
        std::fs::write(dir.join("tokenizer.json"), b"{}").unwrap();
    }

    const GOOD: &str = r#"{"model":{"type":"llama","eos_token_id":[2,3],"bos_token_id":1,"vocab_size":10,
      "context_length":64,"decoder":{"filename":"model.onnx","head_size":16,"num_attention_heads":4,
      "num_hidden_layers":2,"num_key_value_heads":2,
      "inputs":{"input_ids":"input_ids","attention_mask":"attention_mask",
        "past_key_names":"past_key_values.%d.key","past_value_names":"past_key_values.%d.value"},
      "outputs":{"logits":"logits","present_key_names":"present.%d.key","present_value_names":"present.%d.value"}}},
      "search":{"past_present_share_buffer":true}}"#;

    #[test]
    fn reads_names_per_layer() {
        let dir = std::env::temp_dir().join(format!("cordon-engine-spec-{}", std::process::id()));
        write(&dir, GOOD);
        let spec = ModelSpec::read(&dir).unwrap();
        assert_eq!(spec.names.past_keys, ["past_key_values.0.key", "past_key_values.1.key"]);
        assert_eq!(spec.names.present_values, ["present.0.value", "present.1.value"]);
        assert_eq!(spec.eos, [2, 3]);
        assert_eq!(spec.context, 64);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_what_it_cannot_drive() {
        let dir = std::env::temp_dir().join(format!("cordon-engine-spec-bad-{}", std::process::id()));
        for (edit, needle) in [
            (GOOD.replace("\"llama\"", "\"whisper\""), "model type `whisper`"),
            (
                GOOD.replace(
                    "\"past_present_share_buffer\":true",
                    "\"past_present_share_buffer\":false",
                ),
                "share",
            ),
            (
                GOOD.replace("\"attention_mask\":\"attention_mask\",", ""),
                "attention_mask",
            ),
            (GOOD.replace("past_key_values.%d.key", "past_key_values.key"), "%d"),
            (GOOD.replace("model.onnx", "other.onnx"), "missing decoder graph"),
        ] {
            write(&dir, &edit);
            let err = ModelSpec::read(&dir).unwrap_err().to_string();
            assert!(err.contains(needle), "{err} should name {needle}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
