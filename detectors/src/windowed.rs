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
//!
//! In a window with no letter or digit of another script next to or inside
//! it, Unicode and ASCII word boundaries are the same: there the regex runs
//! with ASCII ones (`(?-u:\b)`), on its lazy DFA.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input};

/// The window of a word found at `start..end` in the bytes, if any match can hold it there.
pub(crate) type WindowFn = fn(&[u8], usize, usize) -> Option<(usize, usize)>;

/// Words that a regex's matches hold, and how far a match reaches from one.
#[derive(Clone)]
pub(crate) struct Words {
    automaton: AhoCorasick,
    /// The words as the automaton holds them: every spelling when case-insensitive.
    list: Vec<String>,
    case_insensitive: bool,
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
}

impl Words {
    /// Push the window of the occurrence at `s..e` of the haystack's bytes, if a match can hold it.
    fn push_window(&self, b: &[u8], s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
        if self.word_start && s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_') {
            return;
        }
        if let Some(f) = self.window {
            if let Some(w) = f(b, s, e) {
                out.push(w);
            }
            return;
        }
        let n = b.len();
        if self.digit_before + self.digit_after > 0
            && !b[s.saturating_sub(self.digit_before)..s].iter().any(u8::is_ascii_digit)
            && !b[e..(e + self.digit_after).min(n)].iter().any(u8::is_ascii_digit)
        {
            return;
        }
        out.push((s.saturating_sub(self.before), (e + self.after).min(n)));
    }
}

/// What every match of a regex holds, and how far the match reaches from it.
pub(crate) enum Anchor {
    /// One of some words, matched case-insensitively or not.
    Words(Box<Words>),
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
        Ok(Anchor::Words(Box::new(Words {
            automaton: AhoCorasickBuilder::new()
                .ascii_case_insensitive(case_insensitive)
                .match_kind(MatchKind::Standard)
                .build(&all)?,
            list: all,
            case_insensitive,
            before,
            after,
            word_start: false,
            digit_before: 0,
            digit_after: 0,
            window: None,
        })))
    }

    /// Only where the word begins a word.
    pub(crate) fn at_word_start(mut self) -> Anchor {
        if let Anchor::Words(w) = &mut self {
            w.word_start = true;
        }
        self
    }

    /// Only with a digit within `before` bytes before the word or `after` bytes after it.
    pub(crate) fn with_digit(mut self, before: usize, after: usize) -> Anchor {
        if let Anchor::Words(w) = &mut self {
            w.digit_before = before;
            w.digit_after = after;
        }
        self
    }

    /// The window of each occurrence given by `f`.
    pub(crate) fn with_window(mut self, f: WindowFn) -> Anchor {
        if let Anchor::Words(w) = &mut self {
            w.window = Some(f);
        }
        self
    }

    /// Push the window of every anchor in `hay`, as (start, end), unsorted.
    fn windows(&self, hay: &str, out: &mut Vec<(usize, usize)>) {
        self.windows_but_words(hay, true, out);
    }

    /// [`Anchor::windows`], without those of words unless `words`.
    fn windows_but_words(&self, hay: &str, words: bool, out: &mut Vec<(usize, usize)>) {
        let b = hay.as_bytes();
        let n = b.len();
        let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize, before: usize, after: usize| {
            out.push((s.saturating_sub(before), (e + after).min(n)));
        };
        match self {
            Anchor::Words(w) => {
                if words {
                    for m in w.automaton.find_overlapping_iter(hay) {
                        w.push_window(b, m.start(), m.end(), out);
                    }
                }
            }
            Anchor::Scan(f) => f(b, out),
            Anchor::CapitalDigit { before, after } => {
                // (A capital is no digit: the digit begins a run of them.)
                for (i, pair) in b.windows(2).enumerate() {
                    if pair[1].is_ascii_digit() && pair[0].is_ascii_uppercase() {
                        push(out, i, i + 2, *before, *after);
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
                    a.windows_but_words(hay, words, out);
                }
            }
        }
    }
}

/// A regex and its anchor.
pub(crate) struct Windowed {
    re: meta::Regex,
    pattern: Box<str>,
    /// When the regex has Unicode word boundaries: the same regex with
    /// ASCII ones, and without any; built for the first window that
    /// needs them (none if they do not build: then the regex itself runs).
    ascii: std::sync::OnceLock<Option<(meta::Regex, meta::Regex)>>,
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
        Ok(Windowed {
            re,
            pattern: pattern.into(),
            ascii: std::sync::OnceLock::new(),
            anchor,
        })
    }

    /// The regex with ASCII word boundaries and the one without any, if it has Unicode ones.
    fn variants(&self) -> Option<&(meta::Regex, meta::Regex)> {
        self.ascii
            .get_or_init(|| {
                let ascii = meta::Regex::new(&ascii_boundaries(&self.pattern)?).ok()?;
                let relaxed = meta::Regex::new(&without_boundaries(&self.pattern)?).ok()?;
                Some((ascii, relaxed))
            })
            .as_ref()
    }

    /// The matches in `hay`, in order, as a search of all of it finds them.
    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Vec<Caps<'h>> {
        if hay.is_ascii() {
            return self.whole(hay);
        }
        let mut windows = Vec::new();
        self.anchor.windows(hay, &mut windows);
        self.in_windows(hay, windows)
    }

    /// [`Windowed::captures`], with the windows of its words taken from
    /// `found`, a search of the same `hay` by a [`Batch`] whose member `i` it is.
    pub(crate) fn captures_in<'h>(&self, hay: &'h str, found: &Found, i: usize) -> Vec<Caps<'h>> {
        if hay.is_ascii() {
            return self.whole(hay);
        }
        let mut windows = found.windows.get(i).cloned().unwrap_or_default();
        self.anchor.windows_but_words(hay, false, &mut windows);
        self.in_windows(hay, windows)
    }

    /// On ASCII the regex keeps its lazy DFA and its prefilters: the
    /// whole haystack at once costs less than the anchors.
    fn whole<'h>(&self, hay: &'h str) -> Vec<Caps<'h>> {
        self.re
            .captures_iter(hay)
            .map(|caps| {
                let group = |i: usize| caps.get_group(i).map(|g| (g.start, g.end));
                Caps {
                    hay,
                    groups: [group(0), group(1), group(2)],
                }
            })
            .collect()
    }

    /// The matches in the windows, searched in order as one search of the whole haystack would.
    fn in_windows<'h>(&self, hay: &'h str, mut windows: Vec<(usize, usize)>) -> Vec<Caps<'h>> {
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
        let mut ascii_caps: Option<Captures> = None;
        let mut at = 0;
        for (ws, we) in merged {
            // The search reads the window and a character on either side.
            let clean = !other_script_word(hay, ws, we);
            let mut s = ws.max(at);
            while s < we {
                let found = match self.variants() {
                    Some((ascii, _)) if clean => {
                        let caps = ascii_caps.get_or_insert_with(|| ascii.create_captures());
                        ascii.search_captures(&Input::new(hay).span(s..we), caps);
                        groups(caps)
                    }
                    Some((_, relaxed)) => self.verified(relaxed, hay, s, we, &mut caps),
                    None => {
                        self.re.search_captures(&Input::new(hay).span(s..we), &mut caps);
                        groups(&caps)
                    }
                };
                let Some(groups) = found else { break };
                let Some((ms, me)) = groups[0] else { break };
                out.push(Caps { hay, groups });
                // No empty matches: each of our shapes holds something.
                at = if me > ms { me } else { ceil_char(hay, me + 1) };
                s = at;
            }
        }
        out
    }

    /// The first match in `hay[s..we]`, found where the regex without its
    /// word boundaries (`relaxed`, on its lazy DFA) matches first: the regex
    /// itself can match only where that one does, so it is tried there,
    /// anchored, then after it. After a few places where it does not, the
    /// regex searches the rest itself: each try may read the same long
    /// stretch again.
    fn verified(
        &self,
        relaxed: &meta::Regex,
        hay: &str,
        mut s: usize,
        we: usize,
        caps: &mut Captures,
    ) -> Option<[Option<(usize, usize)>; 3]> {
        for _ in 0..8 {
            if s >= we {
                return None;
            }
            let m = relaxed.search(&Input::new(hay).span(s..we))?;
            let input = Input::new(hay).span(m.start()..we).anchored(Anchored::Yes);
            self.re.search_captures(&input, caps);
            if caps.is_match() {
                return groups(caps);
            }
            s = ceil_char(hay, m.start() + 1);
        }
        if s >= we {
            return None;
        }
        self.re.search_captures(&Input::new(hay).span(s..we), caps);
        groups(caps)
    }
}

/// The whole match and the first two groups, if there is a match.
fn groups(caps: &Captures) -> Option<[Option<(usize, usize)>; 3]> {
    caps.is_match()
        .then(|| [0, 1, 2].map(|i| caps.get_group(i).map(|g| (g.start, g.end))))
}

/// Regexes whose anchor words are found in one pass over a haystack (two
/// searches: the words in either case, the words in their case) instead of
/// one search per regex: the same occurrences, so the same windows.
pub(crate) struct Batch {
    /// The words of the members' case-insensitive word anchors, then of the
    /// others: each word once, with the word anchors that hold it.
    automata: Vec<(AhoCorasick, Vec<Vec<usize>>)>,
    /// Each word anchor, with the member whose it is.
    anchors: Vec<(usize, Words)>,
    members: usize,
}

/// The windows of a [`Batch`]'s word anchors in one haystack, member by member.
#[derive(Default)]
pub(crate) struct Found {
    windows: Vec<Vec<(usize, usize)>>,
}

impl Batch {
    pub(crate) fn new(members: &[&Windowed]) -> Result<Batch, aho_corasick::BuildError> {
        fn collect(a: &Anchor, member: usize, out: &mut Vec<(usize, Words)>) {
            match a {
                Anchor::Words(w) => out.push((member, (**w).clone())),
                Anchor::Any(all) => all.iter().for_each(|a| collect(a, member, out)),
                _ => {}
            }
        }
        let mut anchors = Vec::new();
        for (i, m) in members.iter().enumerate() {
            collect(&m.anchor, i, &mut anchors);
        }
        let mut automata = Vec::new();
        for case_insensitive in [true, false] {
            let mut list: Vec<&str> = Vec::new();
            let mut owners: Vec<Vec<usize>> = Vec::new();
            let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for (a, (_, w)) in anchors.iter().enumerate() {
                if w.case_insensitive != case_insensitive {
                    continue;
                }
                for word in &w.list {
                    let id = *index.entry(word.as_str()).or_insert_with(|| {
                        list.push(word.as_str());
                        owners.push(Vec::new());
                        list.len() - 1
                    });
                    owners[id].push(a);
                }
            }
            if list.is_empty() {
                continue;
            }
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(case_insensitive)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&list)?;
            automata.push((automaton, owners));
        }
        Ok(Batch {
            automata,
            anchors,
            members: members.len(),
        })
    }

    /// The windows of the members' word anchors in `hay`.
    pub(crate) fn find(&self, hay: &str) -> Found {
        let b = hay.as_bytes();
        let mut windows = vec![Vec::new(); self.members];
        for (automaton, owners) in &self.automata {
            for m in automaton.find_overlapping_iter(hay) {
                for &a in &owners[m.pattern().as_usize()] {
                    let (member, w) = &self.anchors[a];
                    w.push_window(b, m.start(), m.end(), &mut windows[*member]);
                }
            }
        }
        Found { windows }
    }
}

/// `pattern` with ASCII word boundaries (`(?-u:\b)`, `(?-u:\B)`) for its
/// Unicode ones, if it has any.
fn ascii_boundaries(pattern: &str) -> Option<String> {
    boundaries_replaced(pattern, "(?-u:\\b)", "(?-u:\\B)")
}

/// `pattern` without its word boundaries, if it has any: it matches
/// wherever `pattern` does, and elsewhere too.
fn without_boundaries(pattern: &str) -> Option<String> {
    boundaries_replaced(pattern, "(?:)", "(?:)")
}

fn boundaries_replaced(pattern: &str, boundary: &str, not_boundary: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut changed = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => {
                out.push_str(boundary);
                changed = true;
            }
            Some('B') => {
                out.push_str(not_boundary);
                changed = true;
            }
            Some(n) => {
                out.push(c);
                out.push(n);
            }
            None => out.push(c),
        }
    }
    changed.then_some(out)
}

/// Whether a letter or digit of another script than ASCII (what a Unicode
/// word boundary sees as part of a word, an ASCII one does not) is in
/// `hay[start..end]` or right next to it.
fn other_script_word(hay: &str, start: usize, end: usize) -> bool {
    let lo = floor_char(hay, start.saturating_sub(1));
    let hi = ceil_char(hay, (end + 1).min(hay.len()));
    let near = &hay[lo..hi];
    !near.is_ascii()
        && near
            .chars()
            .any(|c| !c.is_ascii() && (c.is_alphanumeric() || regex_syntax::is_word_character(c)))
}

/// `i`, or the nearest character boundary of `s` below it.
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `i`, or the nearest character boundary of `s` above it (at most `s.len()`).
pub(crate) fn ceil_char(s: &str, mut i: usize) -> usize {
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
            "«12.10.2020» – 3/4/24’ and café 1.2.2020 or 1.2.2020ü, März 5, 2021; ü 2020-01-01 ü",
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
        // Many places where the regex without word boundaries matches and the regex does not.
        let glued = format!("{}12.10.2020 ok, ün 3.4.2021", "é12.10.2020é 1.2.2020ß ".repeat(20));
        for t in texts.into_iter().chain([glued.as_str()]) {
            assert_eq!(windowed(&w, t), whole(date, t), "{t}");
        }
        let icd = r"\b([A-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?)\b";
        let w = Windowed::new(icd, Anchor::CapitalDigit { before: 2, after: 12 }).unwrap();
        for t in ["Dx J18.9, R07.9 and éJ18.9 xJ18 J18é A09", "J18.9"] {
            assert_eq!(windowed(&w, t), whole(icd, t), "{t}");
        }
    }

    #[test]
    fn word_boundaries_become_ascii_ones() {
        assert_eq!(
            ascii_boundaries(r"\b\d\\b\B[a\]]").as_deref(),
            Some(r"(?-u:\b)\d\\b(?-u:\B)[a\]]")
        );
        assert_eq!(ascii_boundaries(r"\d+\\b"), None);
        assert_eq!(without_boundaries(r"\bx\B").as_deref(), Some("(?:)x(?:)"));
        assert!(other_script_word("é1", 1, 2));
        assert!(other_script_word("1é", 0, 1));
        assert!(!other_script_word("x1’ 2 é", 0, 7));
        assert!(other_script_word("x1’ 2 é", 0, 8));
    }

    #[test]
    fn a_batch_finds_the_windows_of_each_member() {
        let members = [
            Windowed::new(
                r"\bx",
                Anchor::words(&["Via", "straße", "a"], false, 4, 8)
                    .unwrap()
                    .at_word_start(),
            )
            .unwrap(),
            Windowed::new(
                r"\bx",
                Anchor::Any(vec![
                    Anchor::words(&["via", "Straße", "bd"], true, 2, 3)
                        .unwrap()
                        .with_digit(0, 6),
                    Anchor::CapitalDigit { before: 1, after: 1 },
                ]),
            )
            .unwrap(),
            Windowed::new(r"\bx", Anchor::words(&["VIA", "a"], false, 0, 0).unwrap()).unwrap(),
        ];
        let refs: Vec<&Windowed> = members.iter().collect();
        let batch = Batch::new(&refs).unwrap();
        let hay = "Via via VIA vIa 12 straße STRASSE Straße bD 3 xvia a A1 aa";
        let found = batch.find(hay);
        for (i, m) in members.iter().enumerate() {
            let mut alone = Vec::new();
            m.anchor.windows(hay, &mut alone);
            let mut grouped = found.windows[i].clone();
            m.anchor.windows_but_words(hay, false, &mut grouped);
            alone.sort_unstable();
            grouped.sort_unstable();
            assert_eq!(alone, grouped, "member {i}");
            assert!(!alone.is_empty());
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
