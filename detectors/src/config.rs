//! Detector configuration: which entities, what thresholds, custom recognizers.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::entity::Kind;

/// The `detectors:` section of the Cordon config (also read by `cordon scan --config`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetectorsConfig {
    /// Findings below this score are dropped (default 0.5).
    #[serde(default)]
    pub min_score: Option<f32>,
    /// When set, only these built-in entities are detected.
    #[serde(default)]
    pub enable: Option<Vec<String>>,
    /// Built-in entities not to detect.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Per-entity minimum score.
    #[serde(default)]
    pub thresholds: BTreeMap<String, f32>,
    /// Recognizers of the team's own identifiers.
    #[serde(default)]
    pub custom: Vec<CustomRecognizer>,
    /// The learned name (and address) recognizer, a recall booster for
    /// PERSON. Off unless set.
    #[serde(default)]
    pub ner: Option<NerConfig>,
}

/// `detectors.ner`: a token-classification model (Rampart, `scripts/fetch-rampart`)
/// run over what the dictionaries could not settle.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NerConfig {
    /// The model directory: `onnx/model_q4.onnx`, `tokenizer.json`, `config.json`.
    pub model_dir: PathBuf,
    /// A word counts as part of a name when the model's probability for its
    /// label is at least this (default 0.6).
    #[serde(default = "default_ner_min_score")]
    pub min_score: f32,
    /// `gate` (default): only windows around capitalized words the rules
    /// could not settle; `always`: the whole text.
    #[serde(default)]
    pub mode: NerMode,
    /// Also report STREET_ADDRESS (building number + street name) from the model.
    #[serde(default)]
    pub addresses: bool,
    /// The ONNX Runtime library (else ORT_DYLIB_PATH, else the fetched copy).
    /// A process holds one: if the engine loaded it first, that one is used.
    #[serde(default)]
    pub ort_library: Option<PathBuf>,
    /// Intra-op threads of the session (default 1: scans run in parallel
    /// across requests, not within one).
    #[serde(default = "default_ner_threads")]
    pub threads: usize,
}

/// When the learned recognizer runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NerMode {
    /// Around capitalized words (and lower-case words right after a title or
    /// "name is") that no rule reported and no dictionary knows as ordinary.
    #[default]
    Gate,
    /// Over the whole text.
    Always,
}

fn default_ner_min_score() -> f32 {
    0.6
}
fn default_ner_threads() -> usize {
    1
}

/// A recognizer from config: a regular expression and/or a word list, with
/// context words that raise its score.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRecognizer {
    /// Entity name, upper snake case, not a built-in name (`EMPLOYEE_ID`).
    pub entity: String,
    #[serde(default = "default_categories")]
    pub categories: Vec<String>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// Words that, within 64 bytes before a match, raise its score to `context_score`.
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default = "default_score")]
    pub score: f32,
    #[serde(default = "default_context_score")]
    pub context_score: f32,
}

fn default_categories() -> Vec<String> {
    vec!["PII".to_string()]
}
fn default_score() -> f32 {
    0.6
}
fn default_context_score() -> f32 {
    0.9
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("unknown entity {name:?} in detectors.{key} (known: PERSON, EMAIL, US_SSN, ... see `cordon scan --list`)")]
    UnknownEntity { key: &'static str, name: String },
    #[error("detectors.{key}: score {value} for {name} is outside [0, 1]")]
    Score {
        key: &'static str,
        name: String,
        value: f32,
    },
    #[error("detectors.custom {entity}: {message}")]
    Custom { entity: String, message: String },
    #[error("building the detectors failed: {0}")]
    Build(String),
    #[error("detectors.ner.{key}: {message}")]
    Ner { key: &'static str, message: String },
}

pub(crate) struct Resolved {
    pub enabled: Vec<bool>,
    pub thresholds: Vec<f32>,
    pub min_score: f32,
}

/// Default minimum score for a finding to count.
pub const DEFAULT_MIN_SCORE: f32 = 0.5;

impl DetectorsConfig {
    pub(crate) fn resolve(&self) -> Result<Resolved, ConfigError> {
        let kind = |key: &'static str, name: &str| {
            Kind::parse(name).ok_or_else(|| ConfigError::UnknownEntity {
                key,
                name: name.to_string(),
            })
        };
        let score_ok = |key: &'static str, name: &str, value: f32| {
            if (0.0..=1.0).contains(&value) {
                Ok(value)
            } else {
                Err(ConfigError::Score {
                    key,
                    name: name.to_string(),
                    value,
                })
            }
        };
        let min = score_ok("min_score", "min_score", self.min_score.unwrap_or(DEFAULT_MIN_SCORE))?;
        let mut enabled = vec![self.enable.is_none(); Kind::ALL.len()];
        if let Some(list) = &self.enable {
            for name in list {
                enabled[kind("enable", name)? as usize] = true;
            }
        }
        for name in &self.disable {
            enabled[kind("disable", name)? as usize] = false;
        }
        let mut thresholds = vec![min; Kind::ALL.len()];
        for (name, value) in &self.thresholds {
            thresholds[kind("thresholds", name)? as usize] = score_ok("thresholds", name, *value)?;
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in &self.custom {
            let err = |m: &str| {
                Err(ConfigError::Custom {
                    entity: c.entity.clone(),
                    message: m.to_string(),
                })
            };
            let valid_name = !c.entity.is_empty()
                && c.entity
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                && c.entity.as_bytes()[0].is_ascii_uppercase();
            if !valid_name {
                return err("entity names are upper snake case, like EMPLOYEE_ID");
            }
            if Kind::parse(&c.entity).is_some() {
                return err("is a built-in entity; pick another name");
            }
            if !seen.insert(c.entity.clone()) {
                return err("is defined twice");
            }
            if c.pattern.is_none() && c.words.is_empty() {
                return err("needs a pattern or words");
            }
            score_ok("custom.score", &c.entity, c.score)?;
            score_ok("custom.context_score", &c.entity, c.context_score)?;
        }
        if let Some(ner) = &self.ner {
            score_ok("ner.min_score", "min_score", ner.min_score)?;
        }
        Ok(Resolved {
            enabled,
            thresholds,
            min_score: min,
        })
    }
}
