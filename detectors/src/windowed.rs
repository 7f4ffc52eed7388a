//! Regular expressions searched only around their anchors.
//!
//! A regex with Unicode word boundaries cannot use its lazy DFA on text with
//! non-ASCII letters: the engine falls back to its PikeVM, some hundred
//! times slower, over the whole haystack. Most of our shapes hold something
//! rare that every match must contain (a street word, a month name, a digit,
//! a separator, then a digit): the regex runs on small windows around those
//! anchors instead, in the same haystack, so that look-around assertions
//! (`\b`, `^`) see the same context as in a search of the whole haystack.
//!
//! Matches are the same as the whole haystack's, in the same order, as long
//! as each lies inside its anchor's window: `before` bytes before the anchor
//! and `after` bytes after it. Each window is sized from its regex, with room
//! for runs of spaces and long words; a match longer than that (an address
//! with a 150-letter word in it) is not found.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::util::captures::Captures;
use regex_automata::{meta, Input};

/// The window of a word found at `start..end` in the bytes, if any match can hold it there.
pub(crate) type WindowFn = fn(&[u8], usize, usize) -> Option<(usize, usize)>;

/// What every match of a regex holds, and how far the match reaches from it.
pub(crate) enum Anchor {
    /// One of some words, matched case-insensitively or not.
    Words {
        words: AhoCorasick,
        before: usize,
        after: usize,
        /// The word begins a word: no ASCII letter, digit or '_' before it.
        word_start: bool,
        /// An ASCII digit within this many bytes before the word, or
        /// `digit_after` bytes after it (both 0: no digit needed).
        digit_before: usize,
        digit_after: usize,
        /// The window of an occurrence (start, end) in the haystack's
        /// bytes, or none where no match can hold it: instead of `before`,
        /// `after` and the digits.
        window: Option<WindowFn>,
    },
    /// Windows found by a function of the haystack's bytes.
    Scan(fn(&[u8], &mut Vec<(usize, usize)>)),
    /// An ASCII capital right before an ASCII digit.
    CapitalDigit { before: usize, after: usize },
    /// One of `seps` between two ASCII digits.
    DigitSepDigit {
        seps: &'static [u8],
        before: usize,
        after: usize,
    },
    /// ':' before one to three digits and '.': where an IPv6 address holds an IPv4 one.
    ColonDotted { before: usize, after: usize },
    /// The first separator of a MAC address: ':' or '-' between hex digits
    /// and the same three bytes on, or '.' and another five bytes on.
    MacSeparator,
    /// Any of these.
    Any(Vec<Anchor>),
}

impl Anchor {
    /// Words as anchors: every spelling of them (`case_insensitive`: both
    /// cases of each letter, as a `(?i)` regex would match them).
    pub(crate) fn words(
        words: &[&str],
        case_insensitive: bool,
        before: usize,
        after: usize,
    ) -> Result<Anchor, aho_corasick::BuildError> {
        let mut all: Vec<String> = Vec::new();
        for w in words {
            if case_insensitive {
                all.extend(crate::context::spellings(w));
            } else {
                all.push((*w).to_string());
            }
        }
        Ok(Anchor::Words {
            words: AhoCorasickBuilder::new()
                .ascii_case_insensitive(case_insensitive)
                .match_kind(MatchKind::Standard)
                .build(&all)?,
            before,
            after,
            word_start: false,
            digit_before: 0,
            digit_after: 0,
            window: None,
        })
    }

    /// Only where the word begins a word.
    pub(crate) fn at_word_start(mut self) -> Anchor {
        if let Anchor::Words { word_start, .. } = &mut self {
            *word_start = true;
        }
        self
    }

    /// Only with a digit within `before` bytes before the word or `after` bytes after it.
    pub(crate) fn with_digit(mut self, before: usize, after: usize) -> Anchor {
        if let Anchor::Words {
            digit_before,
            digit_after,
            ..
        } = &mut self
        {
            *digit_before = before;
            *digit_after = after;
        }
        self
    }

    /// The window of each occurrence given by `f`.
    pub(crate) fn with_window(mut self, f: WindowFn) -> Anchor {
        if let Anchor::Words { window, .. } = &mut self {
            *window = Some(f);
        }
        self
    }

    /// Push the window of every anchor in `hay`, as (start, end), unsorted.
    fn windows(&self, hay: &str, out: &mut Vec<(usize, usize)>) {
        let b = hay.as_bytes();
        let n = b.len();
        let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize, before: usize, after: usize| {
            out.push((s.saturating_sub(before), (e + after).min(n)));
        };
        match self {
            Anchor::Words {
                words,
                before,
                after,
                word_start,
                digit_before,
                digit_after,
                window,
            } => {
                for m in words.find_overlapping_iter(hay) {
                    let (s, e) = (m.start(), m.end());
                    if *word_start && s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_') {
                        continue;
                    }
                    if let Some(f) = window {
                        if let Some(w) = f(b, s, e) {
                            out.push(w);
                        }
                        continue;
                    }
                    if *digit_before + *digit_after > 0
                        && !b[s.saturating_sub(*digit_before)..s].iter().any(u8::is_ascii_digit)
                        && !b[e..(e + *digit_after).min(n)].iter().any(u8::is_ascii_digit)
                    {
                        continue;
                    }
                    push(out, s, e, *before, *after);
                }
            }
            Anchor::Scan(f) => f(b, out),
            Anchor::CapitalDigit { before, after } => {
                for i in memchr_digits(b) {
                    if i > 0 && b[i - 1].is_ascii_uppercase() {
                        push(out, i - 1, i + 1, *before, *after);
                    }
                }
            }
            Anchor::DigitSepDigit { seps, before, after } => {
                for &sep in *seps {
                    for i in memchr::memchr_iter(sep, b) {
                        if i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                            push(out, i, i + 1, *before, *after);
                        }
                    }
                }
            }
            Anchor::ColonDotted { before, after } => {
                for i in memchr::memchr_iter(b':', b) {
                    let digits = b[i + 1..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
                    if (1..=3).contains(&digits) && b.get(i + 1 + digits) == Some(&b'.') {
                        push(out, i, i + 1, *before, *after);
                    }
                }
            }
            Anchor::MacSeparator => {
                let hex = |i: usize| b.get(i).is_some_and(u8::is_ascii_hexdigit);
                for i in memchr::memchr3_iter(b':', b'-', b'.', b) {
                    let reach = if b[i] == b'.' { 5 } else { 3 };
                    if i > 0 && hex(i - 1) && hex(i + 1) && b.get(i + reach) == Some(&b[i]) {
                        push(out, i, i + 1, 4, 16);
                    }
                }
            }
            Anchor::Any(all) => {
                for a in all {
                    a.windows(hay, out);
                }
            }
        }
    }
}

/// The positions of the ASCII digits that follow a non-digit.
fn memchr_digits(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    (0..b.len()).filter(move |&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
}

/// A regex and its anchor.
pub(crate) struct Windowed {
    re: meta::Regex,
    anchor: Anchor,
}

/// One group of a match.
#[derive(Clone, Copy)]
pub(crate) struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    pub(crate) fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match: the whole match and the first two groups.
pub(crate) struct Caps<'h> {
    hay: &'h str,
    groups: [Option<(usize, usize)>; 3],
}

impl<'h> Caps<'h> {
    pub(crate) fn get(&self, i: usize) -> Option<Group<'h>> {
        let (start, end) = (*self.groups.get(i)?)?;
        Some(Group {
            hay: self.hay,
            start,
            end,
        })
    }
}

impl Windowed {
    pub(crate) fn new(pattern: &str, anchor: Anchor) -> Result<Windowed, regex::Error> {
        let re = meta::Regex::new(pattern).map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(Windowed { re, anchor })
    }

    /// The matches in `hay`, in order, as a search of all of it finds them.
    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Vec<Caps<'h>> {
        // On ASCII the regex keeps its lazy DFA and its prefilters: the
        // whole haystack at once costs less than the anchors.
        if hay.is_ascii() {
            return self
                .re
                .captures_iter(hay)
                .map(|caps| {
                    let group = |i: usize| caps.get_group(i).map(|g| (g.start, g.end));
                    Caps {
                        hay,
                        groups: [group(0), group(1), group(2)],
                    }
                })
                .collect();
        }
        let mut windows = Vec::new();
        self.anchor.windows(hay, &mut windows);
        windows.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(windows.len());
        for (s, e) in windows {
            let (s, e) = (floor_char(hay, s), ceil_char(hay, e));
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let mut out = Vec::new();
        if merged.is_empty() {
            return out;
        }
        let mut caps: Captures = self.re.create_captures();
        let mut at = 0;
        for (ws, we) in merged {
            let mut s = ws.max(at);
            while s < we {
                self.re.search_captures(&Input::new(hay).span(s..we), &mut caps);
                let Some(m) = caps.get_match() else { break };
                let group = |i: usize| caps.get_group(i).map(|g| (g.start, g.end));
                out.push(Caps {
                    hay,
                    groups: [group(0), group(1), group(2)],
                });
                // No empty matches: each of our shapes holds something.
                at = if m.end() > m.start() {
                    m.end()
                } else {
                    ceil_char(hay, m.end() + 1)
                };
                s = at;
            }
        }
        out
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of `re` in `hay` as a search of the whole haystack finds them.
    fn whole(re: &str, hay: &str) -> Vec<[Option<(usize, usize)>; 3]> {
        let re = regex::Regex::new(re).unwrap();
        re.captures_iter(hay)
            .map(|c| [0, 1, 2].map(|i| c.get(i).map(|m| (m.start(), m.end()))))
            .collect()
    }

    fn windowed(w: &Windowed, hay: &str) -> Vec<[Option<(usize, usize)>; 3]> {
        w.captures(hay)
            .iter()
            .map(|c| [0, 1, 2].map(|i| c.get(i).map(|g| (g.start(), g.end()))))
            .collect()
    }

    #[test]
    fn finds_what_a_search_of_the_whole_haystack_finds() {
        let texts = [
            "Seen 12.03.2024 and 2024-03-15, not 555-0132 or 1.5; 3/4/24 ok. Né le 3 mai 1960, MÄRZ 5, 2021.",
            "Ünter 1.2.3 Ñ 01/02/03/04 é12.10.2020é x2020-01-01 2020-1-1-1",
            "",
            "1.2",
            "ß 4.5.2020",
        ];
        let date = r"(?i)\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}\.?\s+(?:mai|märz)\.?,?\s+\d{4}|(?:mai|märz)\.?\s+\d{1,2},?\s+\d{4})\b";
        let anchor = Anchor::Any(vec![
            Anchor::words(&["mai", "märz"], true, 32, 32).unwrap().at_word_start(),
            Anchor::DigitSepDigit {
                seps: b"/.-",
                before: 6,
                after: 12,
            },
        ]);
        let w = Windowed::new(date, anchor).unwrap();
        for t in texts {
            assert_eq!(windowed(&w, t), whole(date, t), "{t}");
        }
        let icd = r"\b([A-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?)\b";
        let w = Windowed::new(icd, Anchor::CapitalDigit { before: 2, after: 12 }).unwrap();
        for t in ["Dx J18.9, R07.9 and éJ18.9 xJ18 J18é A09", "J18.9"] {
            assert_eq!(windowed(&w, t), whole(icd, t), "{t}");
        }
    }

    #[test]
    fn words_are_spelled_in_both_cases() {
        let a = Anchor::words(&["straße"], true, 0, 0).unwrap();
        let mut out = Vec::new();
        a.windows("STRASSE Straße STRAẞE straẞe", &mut out);
        assert_eq!(out.len(), 3);
    }
}
