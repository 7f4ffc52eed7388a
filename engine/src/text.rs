//! Text in and out: the model's tokenizer (`tokenizers`), its own Jinja chat
//! template (`minijinja`), and streaming detokenization that never emits a
//! broken UTF-8 character.

use std::path::Path;

use serde::Serialize;
use tokenizers::Tokenizer;

use crate::Error;

/// One chat message, as the template sees it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Message {
    pub role: String,
    pub content: String,
}

pub struct Text {
    tokenizer: Tokenizer,
    /// The chat template, compiled once at load (as `chat`).
    chat: Option<minijinja::Environment<'static>>,
    bos: String,
    eos: String,
}

fn special(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Object(o)) => o
            .get("content")
            .and_then(|c| c.as_str())
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    }
}

impl Text {
    pub fn load(dir: &Path) -> Result<Text, Error> {
        let tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
            .map_err(|e| Error::Model(format!("{}: {e}", dir.join("tokenizer.json").display())))?;
        let cfg: serde_json::Value = match std::fs::read_to_string(dir.join("tokenizer_config.json")) {
            Ok(s) => serde_json::from_str(&s)
                .map_err(|e| Error::Model(format!("{}: {e}", dir.join("tokenizer_config.json").display())))?,
            Err(_) => serde_json::Value::Null,
        };
        let template = match std::fs::read_to_string(dir.join("chat_template.jinja")) {
            Ok(t) => Some(t),
            Err(_) => match cfg.get("chat_template") {
                Some(serde_json::Value::String(t)) => Some(t.clone()),
                // A list of named templates: take the default one.
                Some(serde_json::Value::Array(list)) => list
                    .iter()
                    .find(|t| t.get("name").and_then(|n| n.as_str()) == Some("default"))
                    .and_then(|t| t.get("template"))
                    .and_then(|t| t.as_str())
                    .map(str::to_string),
                _ => None,
            },
        };
        // Compiled now: a broken template is a load error, not a request error.
        let chat = match template {
            Some(t) => {
                let mut env = environment();
                env.add_template_owned("chat", t)
                    .map_err(|e| Error::Model(format!("chat template: {e}")))?;
                Some(env)
            }
            None => None,
        };
        Ok(Text {
            tokenizer,
            chat,
            bos: special(cfg.get("bos_token")),
            eos: special(cfg.get("eos_token")),
        })
    }

    /// The prompt text for a conversation, with the assistant's turn opened.
    pub fn render(&self, messages: &[Message]) -> Result<String, Error> {
        let Some(env) = &self.chat else {
            return Err(Error::Request(
                "the model has no chat template; send a plain prompt".into(),
            ));
        };
        let tmpl = env
            .get_template("chat")
            .map_err(|e| Error::Model(format!("chat template: {e}")))?;
        tmpl.render(minijinja::context! {
            messages => messages,
            add_generation_prompt => true,
            bos_token => &self.bos,
            eos_token => &self.eos,
        })
        .map_err(|e| Error::Request(format!("chat template: {e}")))
    }

    /// Token ids of an already-templated prompt (special tokens are in the text).
    pub fn encode(&self, text: &str) -> Result<Vec<i64>, Error> {
        let enc = self
            .tokenizer
            .encode(text, false)
            .map_err(|e| Error::Request(format!("tokenizing: {e}")))?;
        Ok(enc.get_ids().iter().map(|&i| i64::from(i)).collect())
    }

    pub fn decode(&self, ids: &[i64]) -> Result<String, Error> {
        let ids: Vec<u32> = ids.iter().map(|&i| i as u32).collect();
        self.tokenizer
            .decode(&ids, true)
            .map_err(|e| Error::Runtime(format!("detokenizing: {e}")))
    }
}

fn environment() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
    env.add_function("raise_exception", |msg: String| -> Result<String, minijinja::Error> {
        Err(minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, msg))
    });
    env
}

/// Streaming detokenizer: decodes a window of recent tokens and emits only
/// text that is complete (a byte-level token that ends inside a UTF-8
/// character decodes to U+FFFD until the rest arrives).
#[derive(Debug, Default)]
pub struct Detokenizer {
    ids: Vec<i64>,
    prefix: usize,
    read: usize,
}

impl Detokenizer {
    pub fn push(&mut self, text: &Text, id: i64) -> Result<String, Error> {
        self.ids.push(id);
        let before = text.decode(&self.ids[self.prefix..self.read])?;
        let now = text.decode(&self.ids[self.prefix..])?;
        if now.len() > before.len() && !now.ends_with('\u{FFFD}') && now.is_char_boundary(before.len()) {
            let delta = now[before.len()..].to_string();
            self.prefix = self.read;
            self.read = self.ids.len();
            Ok(delta)
        } else {
            Ok(String::new())
        }
    }
}

/// Holds back text that could still become a stop sequence.
#[derive(Debug)]
pub struct StopScan {
    stops: Vec<String>,
    pending: String,
}

impl StopScan {
    pub fn new(stops: Vec<String>) -> StopScan {
        StopScan {
            stops: stops.into_iter().filter(|s| !s.is_empty()).collect(),
            pending: String::new(),
        }
    }

    /// Text that may go out now, and whether a stop sequence was reached
    /// (the stop itself and anything after it are dropped).
    pub fn push(&mut self, delta: &str) -> (String, bool) {
        self.pending.push_str(delta);
        if let Some(at) = self.stops.iter().filter_map(|s| self.pending.find(s.as_str())).min() {
            let out = self.pending[..at].to_string();
            self.pending.clear();
            return (out, true);
        }
        // Keep the longest suffix that is a prefix of some stop sequence.
        let mut keep = 0;
        for s in &self.stops {
            for (i, _) in s.char_indices().skip(1) {
                if self.pending.ends_with(&s[..i]) {
                    keep = keep.max(i);
                }
            }
        }
        let cut = self.pending.len() - keep;
        let out = self.pending[..cut].to_string();
        self.pending.drain(..cut);
        (out, false)
    }

    /// What is left when generation ends for another reason.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_sequences_hold_back_only_possible_prefixes() {
        let mut s = StopScan::new(vec!["\nUser:".into(), "###".into()]);
        assert_eq!(s.push("Hello"), ("Hello".into(), false));
        assert_eq!(s.push(" #"), (" ".into(), false));
        assert_eq!(s.push("#x"), ("##x".into(), false));
        assert_eq!(s.push("\nUs"), (String::new(), false));
        assert_eq!(s.push("er: more"), (String::new(), true));
        let mut s = StopScan::new(vec!["END".into()]);
        assert_eq!(s.push("abcE"), ("abc".into(), false));
        assert_eq!(s.finish(), "E");
    }
}
