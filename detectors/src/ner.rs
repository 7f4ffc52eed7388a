//! The learned recognizer (`detectors.ner`): a token-classification model
//! (Rampart, a MiniLM BERT with 35 BIO labels, `scripts/fetch-rampart`) on
//! ONNX Runtime, as a recall booster for PERSON and optionally STREET_ADDRESS.
//!
//! Alone it is no detector: on an unseen names set it misses a quarter of
//! the names and reports about 0.4 false names per negative text. So by
//! default ([`NerMode::Gate`]) it runs only on windows around the words the
//! rules could not settle: capitalized words no recognizer reported and no
//! dictionary knows as an ordinary word (and lower-case words right after a
//! title or "name is"), and only what it finds on those words is kept.
//!
//! The text is tokenized with the model's own `tokenizer.json` (byte offsets
//! into the text), classified in windows of at most 512 tokens that overlap
//! by 64, and labels are read per word (a word's label is its first
//! sub-word's). Adjacent GIVEN_NAME/SURNAME words, joined by a space, a
//! hyphen, an apostrophe or an initial's full stop, make one name.
//!
//! A failure of the model is an error of the scan, never a silent skip: the
//! caller's `on_error` applies.

use std::path::Path;
use std::sync::Mutex;

use cordon_onnx::ort;
use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::Tensor;
use tokenizers::Tokenizer;

use crate::config::{ConfigError, NerConfig, NerMode};
use crate::entity::Kind;
use crate::Candidate;

/// The detector name on the model's findings.
pub const DETECTOR: &str = "ner.rampart";

/// Bytes of text either side of a gated word that the model reads with it.
const WINDOW_CONTEXT: usize = 64;
/// Tokens shared by two consecutive model windows.
const OVERLAP_TOKENS: usize = 64;
/// A learned finding never outranks a validated or dictionary one on the same span.
const MAX_SCORE: f32 = 0.85;

/// The model failed while scanning (never holds any of the text).
#[derive(Debug, thiserror::Error)]
#[error("the learned recognizer (detectors.ner) failed: {0}")]
pub struct NerError(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Other,
    Given,
    Surname,
    Building,
    Street,
    Secondary,
}

impl Tag {
    fn of(label: &str) -> Tag {
        let bare = label
            .strip_prefix("B-")
            .or_else(|| label.strip_prefix("I-"))
            .unwrap_or(label);
        match bare {
            "GIVEN_NAME" => Tag::Given,
            "SURNAME" => Tag::Surname,
            "BUILDING_NUMBER" => Tag::Building,
            "STREET_NAME" => Tag::Street,
            "SECONDARY_ADDRESS" => Tag::Secondary,
            _ => Tag::Other,
        }
    }

    fn person(self) -> bool {
        matches!(self, Tag::Given | Tag::Surname)
    }

    fn address(self) -> bool {
        matches!(self, Tag::Building | Tag::Street | Tag::Secondary)
    }
}

/// A loaded model, shared across threads (one session behind a lock).
pub(crate) struct Ner {
    session: Mutex<Session>,
    tokenizer: Tokenizer,
    /// The tag of each output label id.
    tags: Vec<Tag>,
    cls: i64,
    sep: i64,
    /// Which optional inputs the graph takes.
    attention_mask: bool,
    token_type_ids: bool,
    /// Tokens per window, without [CLS] and [SEP].
    budget: usize,
    min_score: f32,
    pub(crate) mode: NerMode,
    addresses: bool,
}

/// One word as the model labelled it: byte span in the scanned text.
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    tag: Tag,
    score: f32,
}

impl Ner {
    /// Loads the model named by `config`. Every failure is a config error
    /// naming the key and the path.
    pub(crate) fn load(config: &NerConfig) -> Result<Ner, ConfigError> {
        let dir = &config.model_dir;
        let err = |key: &'static str, message: String| ConfigError::Ner { key, message };
        let at = |p: &Path, e: &dyn std::fmt::Display| format!("{}: {e}", p.display());
        if !dir.is_dir() {
            return Err(err(
                "model_dir",
                format!(
                    "{}: no such directory (run scripts/fetch-rampart, then point model_dir at target/tools/rampart)",
                    dir.display()
                ),
            ));
        }
        let config_path = dir.join("config.json");
        let raw = std::fs::read_to_string(&config_path).map_err(|e| err("model_dir", at(&config_path, &e)))?;
        let labels: ModelConfig = serde_json::from_str(&raw).map_err(|e| err("model_dir", at(&config_path, &e)))?;
        let mut tags = Vec::new();
        for (id, label) in &labels.id2label {
            let id: usize = id
                .parse()
                .map_err(|_| err("model_dir", at(&config_path, &"id2label keys must be numbers")))?;
            if id >= 4096 {
                return Err(err("model_dir", at(&config_path, &"id2label has ids above 4095")));
            }
            if tags.len() <= id {
                tags.resize(id + 1, Tag::Other);
            }
            tags[id] = Tag::of(label);
        }
        if !tags.iter().any(|t| t.person()) {
            return Err(err(
                "model_dir",
                at(&config_path, &"no GIVEN_NAME or SURNAME label: not a name recognizer"),
            ));
        }
        let max_positions = labels.max_position_embeddings.unwrap_or(512);
        if max_positions < 2 + 2 * OVERLAP_TOKENS {
            return Err(err(
                "model_dir",
                at(&config_path, &"max_position_embeddings is too small"),
            ));
        }

        let tok_path = dir.join("tokenizer.json");
        let mut tokenizer = Tokenizer::from_file(&tok_path).map_err(|e| err("model_dir", at(&tok_path, &e)))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(|e| err("model_dir", at(&tok_path, &e)))?;
        let special = |t: &str| {
            tokenizer
                .token_to_id(t)
                .map(i64::from)
                .ok_or_else(|| err("model_dir", at(&tok_path, &format!("no {t} token"))))
        };
        let (cls, sep) = (special("[CLS]")?, special("[SEP]")?);

        let lib = cordon_onnx::locate(
            config.ort_library.as_deref(),
            "detectors.ner.ort_library",
            cordon_onnx::Flavor::Cpu,
        )
        .map_err(|m| err("ort_library", m))?;
        let env = cordon_onnx::environment(&lib).map_err(|m| err("ort_library", m))?;
        let graph = dir.join("onnx").join("model_q4.onnx");
        if !graph.is_file() {
            return Err(err("model_dir", at(&graph, &"missing (run scripts/fetch-rampart)")));
        }
        let session = Session::builder(&env.environment)
            .map_err(|e| err("model_dir", format!("session options: {e}")))?
            .with_optimization_level(GraphOptimizationLevel::All)
            .map_err(|e| err("model_dir", format!("session options: {e}")))?
            .with_intra_threads(config.threads.max(1))
            .map_err(|e| err("threads", format!("{e}")))?
            .with_inter_threads(1)
            .map_err(|e| err("threads", format!("{e}")))?
            .commit_from_file(&graph)
            .map_err(|e| err("model_dir", at(&graph, &e)))?;
        let names: Vec<&str> = session.inputs().iter().map(|i| i.name()).collect();
        if !names.contains(&"input_ids") {
            return Err(err("model_dir", at(&graph, &"the graph has no `input_ids` input")));
        }
        if let Some(other) = names
            .iter()
            .find(|n| !matches!(**n, "input_ids" | "attention_mask" | "token_type_ids"))
        {
            return Err(err(
                "model_dir",
                at(&graph, &format!("unexpected graph input `{other}`")),
            ));
        }
        let (attention_mask, token_type_ids) = (names.contains(&"attention_mask"), names.contains(&"token_type_ids"));
        Ok(Ner {
            session: Mutex::new(session),
            tokenizer,
            tags,
            cls,
            sep,
            attention_mask,
            token_type_ids,
            budget: max_positions - 2,
            min_score: config.min_score,
            mode: config.mode,
            addresses: config.addresses,
        })
    }

    /// Runs the model over `windows` (byte ranges of `text`) and appends its
    /// PERSON (and STREET_ADDRESS) candidates. With `keep`, only spans that
    /// overlap one of those byte ranges are kept (the gate's words).
    pub(crate) fn scan(
        &self,
        text: &str,
        windows: &[(usize, usize)],
        keep: Option<&[(usize, usize)]>,
        out: &mut Vec<Candidate>,
    ) -> Result<(), NerError> {
        let mut words = Vec::new();
        for &(lo, hi) in windows {
            let Some(slice) = text.get(lo..hi) else {
                return Err(NerError("a window is not on character boundaries".into()));
            };
            words.clear();
            self.words(slice, lo, &mut words)?;
            for (kind, start, end, score) in self.spans(text, &words) {
                let kept = keep.is_none_or(|k| k.iter().any(|&(s, e)| s < end && start < e));
                if kept {
                    out.push(Candidate {
                        kind: kind.into(),
                        start,
                        end,
                        score: score.min(MAX_SCORE),
                        detector: DETECTOR,
                    });
                }
            }
        }
        Ok(())
    }

    /// The words of `slice` (which starts at byte `base` of the text), each
    /// with its label and probability.
    fn words(&self, slice: &str, base: usize, out: &mut Vec<Word>) -> Result<(), NerError> {
        let enc = self
            .tokenizer
            .encode(slice, false)
            .map_err(|e| NerError(format!("tokenizing: {e}")))?;
        let ids = enc.get_ids();
        let offsets = enc.get_offsets();
        let word_ids = enc.get_word_ids();
        let n = ids.len();
        if n == 0 {
            return Ok(());
        }
        // Per token: (label id, probability, distance to its window's edge);
        // where windows overlap, the window that sees more context on both sides wins.
        let mut best: Vec<(usize, f32, usize)> = vec![(0, 0.0, 0); n];
        let mut seen = vec![false; n];
        for (s, e) in plan_windows(word_ids, self.budget, OVERLAP_TOKENS) {
            let labels = self.classify(&ids[s..e])?;
            for (k, (label, p)) in labels.into_iter().enumerate() {
                let t = s + k;
                let margin = k.min(e - s - 1 - k);
                if !seen[t] || margin > best[t].2 {
                    best[t] = (label, p, margin);
                    seen[t] = true;
                }
            }
        }
        let mut t = 0;
        while t < n {
            let w = word_ids[t];
            let mut u = t + 1;
            while u < n && w.is_some() && word_ids[u] == w {
                u += 1;
            }
            let (start, end) = (offsets[t].0, offsets[u - 1].1);
            if start < end && slice.is_char_boundary(start) && slice.is_char_boundary(end) {
                let (label, score, _) = best[t];
                out.push(Word {
                    start: base + start,
                    end: base + end,
                    tag: self.tags.get(label).copied().unwrap_or(Tag::Other),
                    score,
                });
            }
            t = u;
        }
        Ok(())
    }

    /// Runs the model on one window of token ids: per token, the most
    /// probable label and its probability.
    fn classify(&self, ids: &[u32]) -> Result<Vec<(usize, f32)>, NerError> {
        let err = |what: &'static str| move |e: ort::Error| NerError(format!("{what}: {e}"));
        let len = ids.len() + 2;
        let mut input: Vec<i64> = Vec::with_capacity(len);
        input.push(self.cls);
        input.extend(ids.iter().map(|&i| i64::from(i)));
        input.push(self.sep);
        let shape = [1usize, len];
        let mut feed: Vec<(&str, ort::value::DynValue)> = Vec::with_capacity(3);
        feed.push((
            "input_ids",
            Tensor::from_array((shape, input)).map_err(err("input"))?.into_dyn(),
        ));
        if self.attention_mask {
            feed.push((
                "attention_mask",
                Tensor::from_array((shape, vec![1i64; len]))
                    .map_err(err("input"))?
                    .into_dyn(),
            ));
        }
        if self.token_type_ids {
            feed.push((
                "token_type_ids",
                Tensor::from_array((shape, vec![0i64; len]))
                    .map_err(err("input"))?
                    .into_dyn(),
            ));
        }
        let mut session = self
            .session
            .lock()
            .map_err(|_| NerError("the session lock is poisoned".into()))?;
        let outputs = session.run(feed).map_err(err("inference"))?;
        let logits = outputs
            .values()
            .next()
            .ok_or_else(|| NerError("the model has no output".into()))?;
        let (dims, data) = logits.try_extract_tensor::<f32>().map_err(err("output"))?;
        let labels = self.tags.len();
        if dims.len() != 3 || dims[1] != len as i64 || dims[2] != labels as i64 || data.len() != len * labels {
            return Err(NerError(format!(
                "output of shape {dims:?}, expected [1, {len}, {labels}]"
            )));
        }
        // Skip [CLS] and [SEP]; softmax over each token's logits.
        Ok(data
            .chunks_exact(labels)
            .skip(1)
            .take(ids.len())
            .map(|row| {
                let (arg, max) =
                    row.iter().enumerate().fold(
                        (0, f32::NEG_INFINITY),
                        |(a, m), (i, &v)| if v > m { (i, v) } else { (a, m) },
                    );
                let sum: f32 = row.iter().map(|&v| (v - max).exp()).sum();
                (arg, 1.0 / sum)
            })
            .collect())
    }

    /// Labelled words to spans: names from adjacent GIVEN_NAME/SURNAME
    /// words; addresses (when asked) from a building number with a street name.
    fn spans(&self, text: &str, words: &[Word]) -> Vec<(Kind, usize, usize, f32)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            let person = w.tag.person() && w.score >= self.min_score && has_letter(&text[w.start..w.end]);
            let address = self.addresses && w.tag.address() && w.score >= self.min_score;
            if !person && !address {
                i += 1;
                continue;
            }
            let same = |x: &Word| x.score >= self.min_score && if person { x.tag.person() } else { x.tag.address() };
            // Extend over words of the same kind; remember the last word that
            // has a letter (or, for an address, any), so a name never ends on a hyphen.
            let (mut j, mut last) = (i, i);
            let (mut sum, mut count, mut sum_last, mut count_last) = (w.score, 1usize, w.score, 1usize);
            let mut parts = (w.tag == Tag::Building, w.tag == Tag::Street);
            loop {
                // An unlabelled hyphen, apostrophe or full stop between two parts is skipped over.
                let mut k = j + 1;
                if k < words.len() && !same(&words[k]) && punctuation(&text[words[k].start..words[k].end]) {
                    k += 1;
                }
                if k >= words.len() || !same(&words[k]) || !joined(text, words[j].end, words[k].start, person) {
                    break;
                }
                j = k;
                sum += words[j].score;
                count += 1;
                parts.0 |= words[j].tag == Tag::Building;
                parts.1 |= words[j].tag == Tag::Street;
                if !person || has_letter(&text[words[j].start..words[j].end]) {
                    last = j;
                    sum_last = sum;
                    count_last = count;
                }
            }
            let score = sum_last / count_last as f32;
            if person {
                out.push((Kind::Person, w.start, words[last].end, score));
            } else if parts.0 && parts.1 {
                out.push((Kind::StreetAddress, w.start, words[last].end, score));
            }
            i = j + 1;
        }
        out
    }
}

#[derive(serde::Deserialize)]
struct ModelConfig {
    id2label: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    max_position_embeddings: Option<usize>,
}

fn punctuation(s: &str) -> bool {
    s.len() <= 3 && !s.chars().any(char::is_alphanumeric)
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Whether two labelled words belong to one entity: a name's parts are
/// joined by a space, or glued by a hyphen, an apostrophe or a full stop
/// ("Adeyemi-Okafor", "O'Brien", "J. Smith"); an address's also by a comma.
fn joined(text: &str, end: usize, start: usize, person: bool) -> bool {
    let Some(gap) = text.get(end..start) else {
        return false;
    };
    if gap.is_empty() {
        return true;
    }
    let trimmed = gap.trim_start_matches([' ', '\t']);
    if trimmed.is_empty() {
        return gap.len() <= 3;
    }
    if person {
        matches!(gap, "-" | "'" | "’" | ". " | ".")
    } else {
        matches!(trimmed, ", " | "," | "# " | "#") && gap.len() <= 3
    }
}

/// Splits a token sequence into windows of at most `budget` tokens, each
/// after the first starting `overlap` tokens before the previous one ended,
/// moved back to a word's start (and always forward of the previous start).
fn plan_windows(word_ids: &[Option<u32>], budget: usize, overlap: usize) -> Vec<(usize, usize)> {
    let n = word_ids.len();
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let end = (start + budget).min(n);
        out.push((start, end));
        if end == n {
            break;
        }
        let mut next = end - overlap.min(budget - 1);
        while next > start + 1 && word_ids[next].is_some() && word_ids[next] == word_ids[next - 1] {
            next -= 1;
        }
        start = next;
    }
    out
}

/// The byte windows the model reads around the gated words: each word with
/// [`WINDOW_CONTEXT`] bytes either side, widened to whitespace (within a
/// few bytes) and to character boundaries, overlapping windows merged.
pub(crate) fn windows_around(text: &str, words: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in words {
        let mut lo = s.saturating_sub(WINDOW_CONTEXT);
        let stop = lo.saturating_sub(24);
        while lo > stop && !b[lo - 1].is_ascii_whitespace() {
            lo -= 1;
        }
        while lo > 0 && !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (e + WINDOW_CONTEXT).min(b.len());
        let stop = (hi + 24).min(b.len());
        while hi < stop && !b[hi].is_ascii_whitespace() {
            hi += 1;
        }
        while hi < b.len() && !text.is_char_boundary(hi) {
            hi += 1;
        }
        match out.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_every_token_and_overlap() {
        let ids: Vec<Option<u32>> = (0..1200u32).map(|i| Some(i / 3)).collect();
        let w = plan_windows(&ids, 510, 64);
        assert_eq!(w.first().map(|x| x.0), Some(0));
        assert_eq!(w.last().map(|x| x.1), Some(1200));
        for pair in w.windows(2) {
            assert!(pair[1].0 < pair[0].1, "{w:?}");
            assert!(pair[1].0 > pair[0].0, "{w:?}");
            assert_eq!(ids[pair[1].0].map(|x| x * 3), Some(pair[1].0 as u32), "{w:?}");
        }
        assert!(w.iter().all(|(s, e)| e - s <= 510));
        assert_eq!(plan_windows(&[], 510, 64), vec![]);
    }

    #[test]
    fn byte_windows_are_on_char_boundaries_and_merged() {
        let text = "é".repeat(200) + " Thandiwe " + &"ü".repeat(300) + " Oluwaseun";
        let a = text.find("Thandiwe").unwrap_or(0);
        let b = text.find("Oluwaseun").unwrap_or(0);
        let w = windows_around(&text, &[(a, a + 8), (b, b + 9)]);
        for (lo, hi) in &w {
            assert!(text.is_char_boundary(*lo) && text.is_char_boundary(*hi));
        }
        assert!(w.iter().any(|(lo, hi)| *lo <= a && a + 8 <= *hi));
        assert!(w.iter().any(|(lo, hi)| *lo <= b && b + 9 <= *hi));
        let near = windows_around("Ann and Bob", &[(0, 3), (8, 11)]);
        assert_eq!(near, vec![(0, 11)]);
    }

    #[test]
    fn name_parts_join_on_spaces_hyphens_and_initials() {
        let t = "Adeyemi-Okafor J. Smith O'Brien and\nSmith";
        assert!(joined(t, 7, 8, true));
        assert!(joined(t, 16, 18, true));
        assert!(!joined(t, 31, 36, true));
        assert!(!joined(t, 35, 36, true));
    }
}
