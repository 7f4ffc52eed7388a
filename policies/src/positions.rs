//! Where each node of a YAML document is: dotted paths (`rules.2.when.entities.1`)
//! mapped to 1-based line and column, block and flow style alike, so that a
//! validation error can point at the offending token.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Dotted path -> (line, column), both 1-based.
#[derive(Debug, Default, Clone)]
pub struct Positions {
    map: HashMap<String, (usize, usize)>,
}

impl Positions {
    /// Indexes `src`. A document the YAML parser refuses gives an empty
    /// index (the serde pass reports the syntax error with its own position).
    pub fn of(src: &str) -> Positions {
        let mut rx = Receiver::default();
        let mut parser = Parser::new_from_str(src);
        if parser.load(&mut rx, false).is_err() {
            return Positions::default();
        }
        Positions { map: rx.map }
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(pos) = self.map.get(p) {
                return Some(*pos);
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return self.map.get("").copied(),
            }
        }
    }
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

#[derive(Default)]
struct Receiver {
    stack: Vec<Frame>,
    map: HashMap<String, (usize, usize)>,
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}.{child}")
    }
}

impl Receiver {
    /// The path of the value about to be read, or `None` when a key is expected.
    fn value_path(&self) -> Option<String> {
        match self.stack.last() {
            None => Some(String::new()),
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map { path, key: Some(k) }) => Some(join(path, k)),
            Some(Frame::Seq { path, index }) => Some(join(path, &index.to_string())),
        }
    }

    /// A value was read: the parent moves on to its next key or item.
    fn advance(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { index, .. }) => *index += 1,
            None => {}
        }
    }

    fn record(&mut self, path: String, mark: Marker) {
        // yaml-rust2 columns start at 0.
        self.map.entry(path).or_insert((mark.line(), mark.col() + 1));
    }
}

impl MarkedEventReceiver for Receiver {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(text, ..) => match self.value_path() {
                // A key: its position stands for the entry.
                None => {
                    if let Some(Frame::Map { path, key }) = self.stack.last_mut() {
                        let p = join(path, &text);
                        // A block map's own mark is at its first colon: its first key stands for it.
                        let map_path = path.clone();
                        *key = Some(text);
                        self.record(map_path, mark);
                        self.record(p, mark);
                    }
                }
                Some(p) => {
                    self.record(p, mark);
                    self.advance();
                }
            },
            Event::Alias(_) if self.value_path().is_some() => self.advance(),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = self.value_path().unwrap_or_default();
                if matches!(ev, Event::SequenceStart(..)) {
                    self.record(path.clone(), mark);
                }
                self.stack.push(if matches!(ev, Event::MappingStart(..)) {
                    Frame::Map { path, key: None }
                } else {
                    Frame::Seq { path, index: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.advance();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_and_flow_positions() {
        let src = "version: 1\nrules:\n  - id: a\n    when: { entities: [API_KEY, NOPE] }\n    then: block\n  - id: b\n    when:\n      categories:\n        - PHI\n";
        let p = Positions::of(src);
        assert_eq!(p.find("version"), Some((1, 1)));
        assert_eq!(p.find("rules.0.id"), Some((3, 5)));
        assert_eq!(p.find("rules.0.when.entities.1"), Some((4, 33)));
        assert_eq!(p.find("rules.0.then"), Some((5, 5)));
        assert_eq!(p.find("rules.1.when.categories.0"), Some((9, 11)));
        // Unknown children fall back to the nearest ancestor.
        assert_eq!(p.find("rules.1.when.categories.7"), Some((8, 7)));
    }
}
