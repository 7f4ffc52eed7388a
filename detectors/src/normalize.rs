//! Normalization before matching, with every byte mapped back to the original.
//!
//! Evasions that a person reads through but a pattern does not: JSON string
//! escapes left in raw bodies (`\u0040`, `\n`), zero-width characters and soft
//! hyphens inside values, full-width digits and other compatibility forms
//! (Unicode NFKC), and exotic spaces and dashes. The normalized text is what
//! the recognizers see; a span found in it is mapped back to the original
//! bytes, so a finding covers the whole obfuscated form.
//!
//! Encodings a model reads through are decoded too: percent-encoding
//! (`914%2D34%2D5678`), HTML character references (`&#53;`, `&#x35;`,
//! `&ndash;`), the decimal digits of every script (`٥٣٦`, `५३६`), and tag
//! characters, variation selectors and combining marks used to break up
//! digits. Base64 runs that decode to printable text are kept beside the
//! normalized text ([`Normalized::decoded`]): the recognizers scan them as
//! texts of their own, and whatever they find there covers the whole run.
//!
//! Numbers said in words ("five five five, eight six seven…", "nineteen
//! sixty-two") are written in digits, each digit mapped to its words
//! ([`crate::spoken`]).

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;

use crate::spoken;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The text the recognizers scan, and the way back to the original.
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each normalized byte, the original byte range it came from.
    /// Empty when the text was already normal (the identity map).
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Base64 runs of the normalized text that decode to printable text.
    decoded: Vec<Decoded>,
}

/// A base64 run of the normalized text and the text it decodes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The run's byte span in the normalized text.
    pub start: usize,
    pub end: usize,
    /// What it decodes to: valid UTF-8, printable.
    pub text: String,
    /// How many more base64 layers may be decoded inside it.
    depth: u8,
}

impl Decoded {
    /// The decoded text, normalized in turn (a second base64 layer included,
    /// none beyond).
    pub fn normalized(&self) -> Normalized<'_> {
        Normalized::with_depth(&self.text, self.depth)
    }
}

/// Base64 runs shorter than this are words and identifiers, not encodings.
const MIN_RUN: usize = 12;
/// A longer run is decoded in pieces of this many characters (a multiple
/// of 4, so every piece starts on a quantum), overlapping by `RUN_OVERLAP`.
const MAX_RUN: usize = 4096;
const RUN_OVERLAP: usize = 64;
/// At most this many base64 characters are tried per text, and at most
/// `MAX_DECODES` pieces kept (each a text the recognizers scan): the work
/// stays linear, and bounded, whatever the input. Only failed tries are
/// cheap to pad with, and they count by size, so a payload hidden behind
/// other base64 must come after a megabyte of it.
const MAX_DECODED_CHARS: usize = 1 << 20;
const MAX_DECODES: usize = 1024;
/// Base64 inside base64 is decoded once more, not beyond.
const MAX_DEPTH: u8 = 2;

impl<'a> Normalized<'a> {
    /// Normalize `original`. Texts that need nothing (the common case: ASCII
    /// with no backslash, percent sign or ampersand) are borrowed as they are.
    pub fn new(original: &'a str) -> Normalized<'a> {
        Normalized::with_depth(original, MAX_DEPTH)
    }

    fn with_depth(original: &'a str, depth: u8) -> Normalized<'a> {
        let bytes = original.as_bytes();
        if bytes.is_ascii() && memchr::memchr3(b'\\', b'%', b'&', bytes).is_none() {
            let pieces = spoken::rewrites(original);
            if pieces.is_empty() {
                let decoded = if depth > 0 {
                    base64_runs(original, depth - 1)
                } else {
                    Vec::new()
                };
                return Normalized {
                    text: Cow::Borrowed(original),
                    starts: Vec::new(),
                    ends: Vec::new(),
                    decoded,
                };
            }
            let mut b = Builder::with_capacity(original.len());
            b.push_ascii(original, 0);
            return b.rewritten(&pieces).finish(depth);
        }
        let mut b = Builder::with_capacity(original.len());
        let mut pos = 0;
        while pos < original.len() {
            // ASCII that needs nothing, copied as it is, a run at a time.
            let run = bytes[pos..]
                .iter()
                .position(|&c| c >= 0x80 || matches!(c, b'\\' | b'%' | b'&'))
                .unwrap_or(original.len() - pos);
            if run > 0 {
                b.push_ascii(&original[pos..pos + run], pos);
                pos += run;
                continue;
            }
            let rest = &original[pos..];
            let escape = match rest.as_bytes()[0] {
                b'\\' => json_escape(rest),
                b'%' => percent_escape(rest),
                b'&' => html_reference(rest),
                _ => None,
            };
            if let Some((c, len)) = escape {
                b.push_char(c, pos, pos + len, original[pos + len..].chars().next());
                pos += len;
                continue;
            }
            let Some(c) = rest.chars().next() else { break };
            let len = c.len_utf8();
            b.push_char(c, pos, pos + len, original[pos + len..].chars().next());
            pos += len;
        }
        let pieces = spoken::rewrites(&b.out);
        if !pieces.is_empty() {
            b = b.rewritten(&pieces);
        }
        b.finish(depth)
    }

    /// The base64 runs of the normalized text that decode to printable text.
    pub fn decoded(&self) -> &[Decoded] {
        &self.decoded
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the normalized text is the original itself.
    pub fn is_identity(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Map a span of the normalized text back to the original's bytes.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.is_identity() || start >= end {
            return (start, end);
        }
        let s = self.starts.get(start).copied().unwrap_or(0) as usize;
        let e = self.ends.get(end - 1).copied().unwrap_or(0) as usize;
        (s, e.max(s))
    }
}

/// The form a detected value is fingerprinted in, so that one identifier
/// written two ways (`4111 1111 1111 1111`, `4111-1111-1111-1111`,
/// `Maria Keller`, `MARIA KELLER`) gives one fingerprint: normalized as for
/// scanning, lower-cased, with spaces and separators removed.
pub fn canonical(value: &str) -> String {
    Normalized::with_depth(value, 0)
        .text()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/' | '(' | ')' | '_' | '\''))
        .flat_map(char::to_lowercase)
        .collect()
}

struct Builder {
    out: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Builder {
    fn with_capacity(len: usize) -> Builder {
        Builder {
            out: String::with_capacity(len),
            starts: Vec::with_capacity(len),
            ends: Vec::with_capacity(len),
        }
    }

    /// The normalized text with spoken numbers in digits ([`spoken::rewrites`]
    /// of it): each digit maps to the original bytes of the words it stands for.
    fn rewritten(self, pieces: &[spoken::Piece]) -> Builder {
        let mut b = Builder::with_capacity(self.out.len());
        let mut at = 0;
        for p in pieces {
            b.copy(&self, at, p.start);
            if p.start < p.end {
                let (from, to) = (self.starts[p.start], self.ends[p.end - 1]);
                b.out.push_str(&p.out);
                b.starts.extend(std::iter::repeat_n(from, p.out.len()));
                b.ends.extend(std::iter::repeat_n(to, p.out.len()));
            }
            at = p.end;
        }
        b.copy(&self, at, self.out.len());
        b
    }

    /// Bytes `from..to` of `other`'s text, with their maps.
    fn copy(&mut self, other: &Builder, from: usize, to: usize) {
        self.out.push_str(&other.out[from..to]);
        self.starts.extend_from_slice(&other.starts[from..to]);
        self.ends.extend_from_slice(&other.ends[from..to]);
    }

    fn finish(self, depth: u8) -> Normalized<'static> {
        let decoded = if depth > 0 {
            base64_runs(&self.out, depth - 1)
        } else {
            Vec::new()
        };
        Normalized {
            text: Cow::Owned(self.out),
            starts: self.starts,
            ends: self.ends,
            decoded,
        }
    }

    /// `next` is the original character after this one, if any.
    fn push_char(&mut self, c: char, from: usize, to: usize, next: Option<char>) {
        if is_invisible(c) {
            return;
        }
        if c.is_ascii() {
            return self.emit(c, from, to);
        }
        if let Some(d) = decimal_digit(c) {
            return self.emit(d, from, to);
        }
        // A combining mark on a digit ("4\u{0301}", a keycap "5\u{20E3}"), on
        // a separator between digit groups, or on a capital letter of a code
        // ("DE\u{0301}89 3704", "DEUT\u{0301}DEFF") only hides it. On a
        // lower-case letter it is a decomposed accent, part of the word,
        // unless a digit follows ("ab\u{0301}12").
        if is_combining_mark(c) && self.out.as_bytes().last().is_some_and(|&last| hides(last, next)) {
            return;
        }
        if let Some(m) = fold_punctuation(c) {
            return self.emit(m, from, to);
        }
        let once = std::iter::once(c);
        if is_nfkc_quick(once.clone()) == IsNormalized::Yes {
            return self.emit(c, from, to);
        }
        for n in once.nfkc() {
            if !is_invisible(n) {
                let n = decimal_digit(n).or_else(|| fold_punctuation(n)).unwrap_or(n);
                self.emit(n, from, to);
            }
        }
    }

    /// ASCII text that needs nothing, from `from` in the original.
    fn push_ascii(&mut self, run: &str, from: usize) {
        self.out.push_str(run);
        self.starts.extend((from..from + run.len()).map(|i| i as u32));
        self.ends.extend((from + 1..=from + run.len()).map(|i| i as u32));
    }

    fn emit(&mut self, c: char, from: usize, to: usize) {
        self.out.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(from as u32);
            self.ends.push(to as u32);
        }
    }
}

/// Whether a combining mark after `last` (the last normalized byte) and
/// before `next` only breaks up a value.
fn hides(last: u8, next: Option<char>) -> bool {
    last.is_ascii_digit()
        || last.is_ascii_uppercase()
        || b" -./_,|+:~()".contains(&last)
        || (last.is_ascii_lowercase() && next.is_some_and(|n| n.is_ascii_digit()))
}

/// Characters that render as nothing and are used to break up values.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Spaces and dashes that NFKC keeps but that stand for ' ' and '-'.
fn fold_punctuation(c: char) -> Option<char> {
    match c {
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => Some('\''),
        _ => None,
    }
}

/// A JSON string escape at the start of `s`: the character and the escape's length.
fn json_escape(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    match *b.get(1)? {
        b'n' | b'r' => Some(('\n', 2)),
        b't' => Some(('\t', 2)),
        b'"' => Some(('"', 2)),
        b'/' => Some(('/', 2)),
        b'\\' => Some(('\\', 2)),
        b'u' => {
            let hi = hex4(b.get(2..6)?)?;
            if (0xD800..0xDC00).contains(&hi) {
                if b.get(6) == Some(&b'\\') && b.get(7) == Some(&b'u') {
                    let lo = hex4(b.get(8..12)?)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        return char::from_u32(cp).map(|c| (c, 12));
                    }
                }
                return None;
            }
            char::from_u32(hi).map(|c| (c, 6))
        }
        _ => None,
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &d in b {
        v = v * 16 + (d as char).to_digit(16)?;
    }
    Some(v)
}

/// A percent-encoded character at the start of `s` (`%2D`, `%E2%80%93`):
/// the character and the length of its escapes. Only valid `%XX` sequences
/// that make one whole UTF-8 character decode.
fn percent_escape(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let byte = |i: usize| -> Option<u8> {
        let at = 3 * i;
        if *b.get(at)? != b'%' {
            return None;
        }
        let hi = (*b.get(at + 1)? as char).to_digit(16)?;
        let lo = (*b.get(at + 2)? as char).to_digit(16)?;
        u8::try_from(hi * 16 + lo).ok()
    };
    let lead = byte(0)?;
    let width = match lead {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    for (i, slot) in buf.iter_mut().enumerate().take(width).skip(1) {
        *slot = byte(i)?;
    }
    let c = std::str::from_utf8(&buf[..width]).ok()?.chars().next()?;
    Some((c, 3 * width))
}

/// Named character references a model reads: the common ones, and the
/// punctuation an attacker would spell out inside a value.
const NAMED_REFERENCES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{00A0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hyphen", '\u{2010}'),
    ("dash", '\u{2010}'),
    ("minus", '\u{2212}'),
    ("shy", '\u{00AD}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("commat", '@'),
    ("period", '.'),
    ("comma", ','),
    ("colon", ':'),
    ("semi", ';'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("lowbar", '_'),
    ("plus", '+'),
    ("num", '#'),
    ("lpar", '('),
    ("rpar", ')'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("verbar", '|'),
    ("vert", '|'),
    ("excl", '!'),
    ("quest", '?'),
    ("equals", '='),
    ("percnt", '%'),
    ("dollar", '$'),
    ("ast", '*'),
    ("tilde", '~'),
    ("grave", '`'),
    ("hat", '^'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("hellip", '\u{2026}'),
    ("middot", '\u{00B7}'),
    ("bull", '\u{2022}'),
];

/// An HTML character reference at the start of `s` (`&#53;`, `&#x35;`,
/// `&ndash;`): the character and the reference's length. Numeric references
/// may omit the `;`, as browsers allow; named ones must end in it.
fn html_reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let (from, radix, max) = if hex { (3, 16, 6) } else { (2, 10, 7) };
        let digits = b[from.min(b.len())..]
            .iter()
            .take_while(|c| (**c as char).is_digit(radix))
            .count();
        if digits == 0 || digits > max {
            return None;
        }
        let value = u32::from_str_radix(s.get(from..from + digits)?, radix).ok()?;
        let c = char::from_u32(value).filter(|c| *c != '\0')?;
        let semi = usize::from(b.get(from + digits) == Some(&b';'));
        return Some((c, from + digits + semi));
    }
    let name_len = b[1.min(b.len())..]
        .iter()
        .take(8)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if name_len == 0 || b.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let name = s.get(1..1 + name_len)?;
    let (_, c) = NAMED_REFERENCES.iter().find(|(n, _)| *n == name)?;
    Some((*c, name_len + 2))
}

/// The zero of every run of ten decimal digits (general category Nd), from
/// the Unicode 18 tables of the `unicode-properties` crate: Nd digits come in
/// contiguous runs of ten, each starting at its zero.
const DIGIT_ZEROS: [u32; 77] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136,
    0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0,
    0x11C50, 0x11D50, 0x11DA0, 0x11DE0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// A decimal digit of any script, as its ASCII digit (NFKC keeps `٥` and `५`).
fn decimal_digit(c: char) -> Option<char> {
    let cp = u32::from(c);
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let offset = cp - DIGIT_ZEROS[i];
    if offset < 10 {
        char::from_digit(offset, 10)
    } else {
        None
    }
}

/// The value of a base64 character in either alphabet, or 255.
const fn base64_table() -> [u8; 256] {
    let mut t = [255u8; 256];
    let mut i = 0;
    while i < 26 {
        t[b'A' as usize + i] = i as u8;
        t[b'a' as usize + i] = 26 + i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 52 + d as u8;
        d += 1;
    }
    t[b'+' as usize] = 62;
    t[b'-' as usize] = 62;
    t[b'/' as usize] = 63;
    t[b'_' as usize] = 63;
    t
}

const BASE64: [u8; 256] = base64_table();

/// The base64 runs of `text` that decode to printable text, within the
/// budget. A run is a maximal stretch of one base64 alphabet (standard or
/// URL-safe), optionally padded, of at least `MIN_RUN` characters; one that
/// is all hex digits or all lower-case letters is a hash or a word.
fn base64_runs(text: &str, depth: u8) -> Vec<Decoded> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut budget = Budget {
        chars: MAX_DECODED_CHARS,
        decodes: MAX_DECODES,
    };
    let mut i = 0;
    while i < b.len() {
        if BASE64[b[i] as usize] == 255 {
            i += 1;
            continue;
        }
        let start = i;
        let (mut upper, mut lower, mut digit, mut std_sym, mut url_sym, mut non_hex) =
            (false, false, false, false, false, false);
        let mut line_start = start;
        let mut width = 0;
        loop {
            while i < b.len() {
                let c = b[i];
                match c {
                    b'A'..=b'Z' => upper = true,
                    b'a'..=b'z' => lower = true,
                    b'0'..=b'9' => digit = true,
                    b'+' | b'/' => std_sym = true,
                    b'-' | b'_' => url_sym = true,
                    _ => break,
                }
                non_hex |= !c.is_ascii_hexdigit();
                i += 1;
            }
            match wrapped_line(b, line_start, i, width) {
                Some(next) => {
                    width = i - line_start;
                    i = next;
                    line_start = next;
                }
                None => break,
            }
        }
        let end = i;
        // Padding belongs to the run.
        let mut padded = end;
        while padded < b.len() && padded - end < 2 && b[padded] == b'=' {
            padded += 1;
        }
        // A run inside a longer word of another script is no encoding.
        let glued = |j: usize| b.get(j).is_some_and(|c| *c >= 0x80);
        let mixed_case = upper && (lower || digit);
        if end - start < MIN_RUN || !non_hex || !mixed_case || (start > 0 && glued(start - 1)) || glued(padded) {
            i = padded.max(start + 1);
            continue;
        }
        if budget.decodes == 0 || budget.chars == 0 {
            break;
        }
        if std_sym && url_sym {
            // `path/to/file-name`: try the pieces between the symbols.
            pieces(
                b,
                start,
                end,
                |c| !matches!(c, b'+' | b'/' | b'-' | b'_'),
                depth,
                &mut budget,
                &mut out,
            );
        } else if !decode_run(b, start, end, padded, depth, &mut budget, &mut out) && (std_sym || url_sym) {
            // `https://host/c2VjcmV0...`, `id-c2VjcmV0...`: the run may start
            // or end at a symbol that is not part of the encoding.
            pieces(
                b,
                start,
                end,
                |c| !matches!(c, b'/' | b'-' | b'_'),
                depth,
                &mut budget,
                &mut out,
            );
        }
        i = padded.max(start + 1);
    }
    out
}

/// Wrapped base64 (`base64` and MIME wrap at 76, PEM at 64): whether the
/// line `b[line_start..end]`, which a line break follows, goes on in the
/// next line, and where that line starts. The line must be a whole number
/// of quanta, as wide as the lines before it (`width`, 0 for the first);
/// the next one as wide, or shorter and last (padding, a line break or the
/// end after it).
fn wrapped_line(b: &[u8], line_start: usize, end: usize, width: usize) -> Option<usize> {
    let line = end - line_start;
    let next = match (b.get(end), b.get(end + 1)) {
        (Some(b'\n'), _) => end + 1,
        (Some(b'\r'), Some(b'\n')) => end + 2,
        _ => return None,
    };
    if line < 16 || line % 4 != 0 || line > MAX_WRAP || (width != 0 && line != width) {
        return None;
    }
    let next_len = b[next..].iter().take_while(|c| BASE64[**c as usize] != 255).count();
    let last = next_len > 0 && next_len < line && matches!(b.get(next + next_len), None | Some(b'=' | b'\n' | b'\r'));
    (next_len == line || last).then_some(next)
}

/// The widest line of wrapped base64 joined to the next.
const MAX_WRAP: usize = 1024;

struct Budget {
    chars: usize,
    decodes: usize,
}

/// Decode the pieces of `b[start..end]` made of bytes that `keep` accepts.
fn pieces(
    b: &[u8],
    start: usize,
    end: usize,
    keep: impl Fn(u8) -> bool,
    depth: u8,
    budget: &mut Budget,
    out: &mut Vec<Decoded>,
) {
    let mut s = start;
    while s < end {
        let mut e = s;
        while e < end && keep(b[e]) {
            e += 1;
        }
        let padded = if e == end { end } else { e };
        if e - s >= MIN_RUN {
            decode_run(b, s, e, padded, depth, budget, out);
        }
        s = e + 1;
    }
}

/// Decode `b[start..end]` (padding up to `padded`); push it when it is
/// printable text. A run longer than `MAX_RUN` is decoded in overlapping
/// pieces. Whether anything was pushed.
fn decode_run(
    b: &[u8],
    start: usize,
    end: usize,
    padded: usize,
    depth: u8,
    budget: &mut Budget,
    out: &mut Vec<Decoded>,
) -> bool {
    let mut any = false;
    let mut s = start;
    loop {
        if budget.decodes == 0 || budget.chars == 0 {
            return any;
        }
        let mut e = (s + MAX_RUN).min(end);
        // A wrapped run is cut after a line: lines are whole quanta.
        let mut by_line = false;
        if e < end {
            if let Some(nl) = memchr::memrchr(b'\n', &b[s..e]) {
                e = s + nl + 1;
                by_line = true;
            }
        }
        let last = e == end;
        let len = (e - s).min(budget.chars);
        budget.chars -= len;
        if let Some(text) = decode_printable(&b[s..s + len]) {
            any = true;
            budget.decodes -= 1;
            let run_end = if last && len == e - s { padded } else { s + len };
            out.push(Decoded {
                start: s,
                end: run_end,
                text,
                depth,
            });
        }
        if last {
            return any;
        }
        // The next piece overlaps this one: by `RUN_OVERLAP`, or by a line.
        s = match memchr::memrchr(b'\n', &b[s..e - 1]) {
            Some(nl) if by_line => s + nl + 1,
            _ => s + MAX_RUN - RUN_OVERLAP,
        };
    }
}

/// Base64 (either alphabet, no padding) to text: valid UTF-8 with no control
/// characters but line breaks and tabs, and no replacement character. A
/// trailing partial quantum is dropped.
fn decode_printable(run: &[u8]) -> Option<String> {
    let mut bytes = Vec::with_capacity(run.len() / 4 * 3 + 2);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &c in run {
        if matches!(c, b'\n' | b'\r') {
            continue; // wrapped lines
        }
        let v = BASE64[c as usize];
        if v == 255 {
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            let byte = ((acc >> bits) & 0xFF) as u8;
            if (byte < 0x20 && !matches!(byte, b'\n' | b'\r' | b'\t')) || byte == 0x7F {
                return None;
            }
            bytes.push(byte);
        }
    }
    let text = String::from_utf8(bytes).ok()?;
    let printable = text.chars().all(|c| !c.is_control() || c.is_whitespace()) && !text.contains('\u{FFFD}');
    let graphic = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_ascii_graphic())
        .count();
    (printable && graphic * 4 >= text.chars().count() * 3).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back<'a>(n: &Normalized<'_>, original: &'a str, needle: &str) -> &'a str {
        let start = n.text().find(needle).expect("needle in normalized text");
        let (s, e) = n.to_original(start, start + needle.len());
        &original[s..e]
    }

    #[test]
    fn canonical_forms_agree() {
        assert_eq!(canonical("4111 1111 1111 1111"), canonical("4111-1111-1111-1111"));
        assert_eq!(canonical("４１１１\u{200B}1111.1111/1111"), "4111111111111111");
        assert_eq!(canonical("Maria Keller"), canonical("MARIA  KELLER"));
    }

    #[test]
    fn plain_ascii_is_borrowed() {
        let n = Normalized::new("call 555-0100 now");
        assert!(n.is_identity());
        assert_eq!(n.to_original(5, 13), (5, 13));
    }

    #[test]
    fn spoken_numbers_are_digits_and_spans_cover_their_words() {
        // Plain ASCII, and text that needed other normalization first.
        for original in [
            "call me at five five five, eight six seven, five three oh nine thanks",
            "r\\u00e9f: five five five, eight six seven, five three oh nine thanks",
        ] {
            let n = Normalized::new(original);
            assert!(n.text().contains("555 867 5309 thanks"), "{}", n.text());
            assert_eq!(
                back(&n, original, "555 867 5309"),
                "five five five, eight six seven, five three oh nine"
            );
            assert_eq!(back(&n, original, "867"), "eight six seven");
        }
        assert!(Normalized::new("one of the two nurses").is_identity());
    }

    #[test]
    fn zero_width_and_soft_hyphens_are_removed_and_spans_cover_them() {
        let original = "card 4111\u{200B}1111\u{00AD}1111\u{2060}1111 ok";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "card 4111111111111111 ok");
        assert_eq!(
            back(&n, original, "4111111111111111"),
            "4111\u{200B}1111\u{00AD}1111\u{2060}1111"
        );
    }

    #[test]
    fn full_width_digits_and_at_sign_fold_to_ascii() {
        let original = "ＳＳＮ １２３－４５－６７８９ mail ａ＠ｂ.com";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "SSN 123-45-6789 mail a@b.com");
        assert_eq!(back(&n, original, "123-45-6789"), "１２３－４５－６７８９");
    }

    #[test]
    fn json_escapes_decode_including_surrogate_pairs() {
        let original = r#"jane\u0040example.com\nM\u00fcller \ud83d\ude00 \q"#;
        let n = Normalized::new(original);
        assert_eq!(n.text(), "jane@example.com\nMüller 😀 \\q");
        assert_eq!(back(&n, original, "jane@example.com"), r"jane\u0040example.com");
        assert_eq!(back(&n, original, "Müller"), r"M\u00fcller");
    }

    #[test]
    fn accented_letters_stay_and_map_to_themselves() {
        let original = "Zoë Müller-Lüdenscheid, née José";
        let n = Normalized::new(original);
        assert_eq!(n.text(), original);
        assert_eq!(back(&n, original, "Lüdenscheid"), "Lüdenscheid");
    }

    #[test]
    fn exotic_spaces_and_dashes_fold() {
        let n = Normalized::new("123\u{2013}45\u{00A0}6789");
        assert_eq!(n.text(), "123-45 6789");
    }

    #[test]
    fn broken_escapes_are_kept_verbatim() {
        for s in [r"\u12", r"\ud800 x", r"\uZZZZ", "\\"] {
            let n = Normalized::new(s);
            assert_eq!(n.text(), s);
        }
    }

    #[test]
    fn percent_escapes_decode_and_map_back() {
        let original = "ssn 914%2D34%2D5678 or %35%33%36-22-1234, dash%E2%80%93here";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "ssn 914-34-5678 or 536-22-1234, dash-here");
        assert_eq!(back(&n, original, "914-34-5678"), "914%2D34%2D5678");
        assert_eq!(back(&n, original, "536-22-1234"), "%35%33%36-22-1234");
        assert_eq!(back(&n, original, "dash-here"), "dash%E2%80%93here");
        // A zero-width space, percent-encoded, is still removed.
        assert_eq!(Normalized::new("4111%E2%80%8B1111").text(), "41111111");
    }

    #[test]
    fn broken_percent_escapes_are_kept_verbatim() {
        for s in [
            "50% off", "100%", "%ZZ", "%4", "%E2%80", "%C3x", "%FF%FF", "%C0%AF", "a%%2",
        ] {
            let n = Normalized::new(s);
            assert_eq!(n.text(), s, "{s}");
        }
        // Only the valid escape of a mixed run decodes.
        assert_eq!(Normalized::new("%E2%80%2D").text(), "%E2%80-");
    }

    #[test]
    fn html_references_decode_and_map_back() {
        let original =
            "&#53;&#x33;&#X36;&ndash;22&hyphen;1234 jane&commat;example&period;com &lt;b&gt; &amp;&nbsp;x &#53";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "536-22-1234 jane@example.com <b> & x 5");
        assert_eq!(
            back(&n, original, "536-22-1234"),
            "&#53;&#x33;&#X36;&ndash;22&hyphen;1234"
        );
        assert_eq!(back(&n, original, "jane@example.com"), "jane&commat;example&period;com");
        // The soft hyphen of `&shy;` disappears like the character itself.
        assert_eq!(Normalized::new("4111&shy;1111").text(), "41111111");
    }

    #[test]
    fn unknown_or_broken_references_are_kept_verbatim() {
        for s in [
            "AT&T",
            "a & b",
            "&foo;",
            "&amp",
            "&#;",
            "&#x;",
            "&#xZZ;",
            "&#0;",
            "&#xD800;",
            "&#99999999;",
            "&verylongname;",
        ] {
            assert_eq!(Normalized::new(s).text(), s, "{s}");
        }
    }

    #[test]
    fn every_scripts_decimal_digits_read_as_ascii() {
        for (digits, ascii) in [
            ("٥٣٦-٢٢-١٢٣٤", "536-22-1234"), // Arabic-Indic
            ("۵۳۶-۲۲-۱۲۳۴", "536-22-1234"), // Persian
            ("५३६-२२-१२३४", "536-22-1234"), // Devanagari
            ("৫৩৬-২২-১২৩৪", "536-22-1234"), // Bengali
            ("๕๓๖-๒๒-๑๒๓๔", "536-22-1234"), // Thai
            ("༥༣༦-༢༢-༡༢༣༤", "536-22-1234"), // Tibetan
            ("𝟓𝟑𝟔-𝟐𝟐-𝟏𝟐𝟑𝟒", "536-22-1234"), // mathematical bold
            ("᠕᠓᠖", "536"),                 // Mongolian
            ("𞥕𞥓𞥖", "536"),                 // Adlam
        ] {
            let n = Normalized::new(digits);
            assert_eq!(n.text(), ascii, "{digits}");
            assert_eq!(back(&n, digits, ascii), digits);
        }
        for zero in DIGIT_ZEROS {
            let c = char::from_u32(zero).unwrap();
            let nine = char::from_u32(zero + 9).unwrap();
            assert_eq!(
                (decimal_digit(c), decimal_digit(nine)),
                (Some('0'), Some('9')),
                "{zero:X}"
            );
        }
        assert_eq!(decimal_digit('a'), None);
        assert_eq!(decimal_digit('²'), None); // not Nd: NFKC folds it instead
        assert_eq!(decimal_digit('Ⅻ'), None);
        // Letters of those scripts stay.
        assert_eq!(Normalized::new("नमस्ते مرحبا").text(), "नमस्ते مرحبا");
    }

    #[test]
    fn tags_variation_selectors_and_marks_on_digits_are_removed() {
        let original = "5\u{E0031}3\u{FE0F}6\u{0301}-\u{0308}2\u{20E3}2\u{E0100}-12\u{0336}\u{0336}34";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "536-22-1234");
        assert_eq!(back(&n, original, "536-22-1234"), original);
        // Marks on lower-case letters stay (a decomposed accent is part of
        // the word); on capitals of a code, or before a digit, they go.
        assert_eq!(
            Normalized::new("Jose\u{0301} Garci\u{0301}a").text(),
            "Jose\u{0301} Garci\u{0301}a"
        );
        let iban = "DE\u{0301}89 3704 0044 0532 0130 00";
        let n = Normalized::new(iban);
        assert_eq!(n.text(), "DE89 3704 0044 0532 0130 00");
        assert_eq!(back(&n, iban, "DE89 3704 0044 0532 0130 00"), iban);
        assert_eq!(Normalized::new("DEUT\u{0301}DEFF").text(), "DEUTDEFF");
        assert_eq!(Normalized::new("ab\u{0301}12").text(), "ab12");
    }

    #[test]
    fn base64_runs_decode_beside_the_text() {
        let original = "note: U1NOIDUzNi0yMi0xMjM0 and fn5-U1NOIDUzNi0yMi0xMjM0Pw== end";
        let n = Normalized::new(original);
        assert!(n.is_identity());
        let d = n.decoded();
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].text, "SSN 536-22-1234");
        assert_eq!(&original[d[0].start..d[0].end], "U1NOIDUzNi0yMi0xMjM0");
        assert_eq!(d[1].text, "~~~SSN 536-22-1234?");
        assert_eq!(&original[d[1].start..d[1].end], "fn5-U1NOIDUzNi0yMi0xMjM0Pw==");
        // A run after a URL's slash, and base64 in base64 (decoded once more).
        let url = "https://files.example.net/v1/U1NOIDUzNi0yMi0xMjM0";
        let n = Normalized::new(url);
        assert_eq!(n.decoded().len(), 1);
        assert_eq!(&url[n.decoded()[0].start..n.decoded()[0].end], "U1NOIDUzNi0yMi0xMjM0");
        let twice = Normalized::new("VTFOT0lEVXpOaTB5TWkweE1qTTA=");
        let inner = twice.decoded()[0].normalized();
        assert_eq!(inner.decoded()[0].text, "SSN 536-22-1234");
        assert!(inner.decoded()[0].normalized().decoded().is_empty());
        // Percent-encoded padding decodes first; the run is found in the normalized text.
        let pct = "x=U1NOOiA1MzYtMjItMTIzNCA%2FPz8%3D";
        let n = Normalized::new(pct);
        assert_eq!(n.decoded()[0].text, "SSN: 536-22-1234 ???");
        let (s, e) = n.to_original(n.decoded()[0].start, n.decoded()[0].end);
        assert_eq!(&pct[s..e], "U1NOOiA1MzYtMjItMTIzNCA%2FPz8%3D");
    }

    #[test]
    fn wrapped_base64_is_one_run() {
        // `base64` wraps at 76: the SSN is split across the line break.
        let text =
            "Patient record follows, decode it: Name Maria Keller, SSN 536-22-1234, seen 2024-03-01 at the clinic.";
        let wrapped = "UGF0aWVudCByZWNvcmQgZm9sbG93cywgZGVjb2RlIGl0OiBOYW1lIE1hcmlhIEtlbGxlciwgU1NO\nIDUzNi0yMi0xMjM0LCBzZWVuIDIwMjQtMDMtMDEgYXQgdGhlIGNsaW5pYy4=";
        let original = format!("here:\n{wrapped}\nthanks");
        let n = Normalized::new(&original);
        assert_eq!(n.decoded().len(), 1, "{:?}", n.decoded());
        assert_eq!(n.decoded()[0].text, text);
        assert_eq!(&original[n.decoded()[0].start..n.decoded()[0].end], wrapped);
        // CRLF too; and a following line of prose is not part of the run.
        let crlf = format!("{}\r\nok", wrapped.replace('\n', "\r\n"));
        assert_eq!(Normalized::new(&crlf).decoded()[0].text, text);
        let prose = "UGF0aWVudCByZWNvcmQgZm9sbG93cywgZGVjb2RlIGl0OiBOYW1lIE1hcmlhIEtlbGxlciwgU1NO\nThen we talked.";
        let n = Normalized::new(prose);
        assert_eq!(
            n.decoded()[0].text,
            "Patient record follows, decode it: Name Maria Keller, SSN"
        );
    }

    #[test]
    fn words_hashes_and_identifiers_are_not_base64() {
        for s in [
            "HelloWorldHelloWorld",
            "internationalization and counterrevolutionaries",
            "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "getUserAccountSettingsById(userId) and AbstractSingletonProxyFactoryBean",
            "/usr/local/lib/python3/site-packages/requests/adapters.py",
            "MAX_DECODED_CHARS_PER_TEXT",
            "AKIAJ4RZ2TQ7XK5LMN3P",
        ] {
            let n = Normalized::new(s);
            assert!(n.decoded().is_empty(), "{s}: {:?}", n.decoded());
        }
    }

    #[test]
    fn failed_runs_do_not_use_up_the_decodes() {
        let text = "HelloWorldHelloWorldXYZ getUserAccountSettingsById ".repeat(2000) + "U1NOIDUzNi0yMi0xMjM0";
        let n = Normalized::new(&text);
        assert_eq!(n.decoded().len(), 1);
        assert_eq!(n.decoded()[0].text, "SSN 536-22-1234");
    }

    fn encode(b: &[u8]) -> String {
        let mut enc = String::new();
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for chunk in b.chunks(3) {
            let v = chunk.iter().fold(0u32, |a, &x| (a << 8) | u32::from(x)) << (8 * (3 - chunk.len()));
            for k in 0..=chunk.len() {
                enc.push(alphabet[((v >> (18 - 6 * k)) & 63) as usize] as char);
            }
        }
        enc
    }

    #[test]
    fn long_wrapped_base64_is_decoded_in_aligned_pieces() {
        let doc = "Visit notes for the clinic, patient SSN 536-22-1234, all fine. ".repeat(300);
        let enc = encode(doc.as_bytes());
        let lines: Vec<&str> = enc
            .as_bytes()
            .chunks(76)
            .map(|l| std::str::from_utf8(l).unwrap())
            .collect();
        let wrapped = lines.join("\n");
        let n = Normalized::new(&wrapped);
        let d = n.decoded();
        assert!(d.len() >= 6, "{}", d.len());
        assert_eq!((d[0].start, d.last().unwrap().end), (0, wrapped.len()));
        for piece in d {
            assert!(piece.text.contains("SSN 536-22-1234"), "{:?}", &piece.text[..40]);
        }
        for w in d.windows(2) {
            assert!(w[1].start < w[0].end, "pieces overlap");
        }
    }

    #[test]
    fn base64_work_is_bounded() {
        // A huge run is decoded in pieces, within the budget.
        let doc = "SSN 536-22-1234. ".repeat(100_000);
        let enc = encode(doc.as_bytes());
        let n = Normalized::new(&enc);
        let total: usize = n.decoded().iter().map(|d| d.end - d.start).sum();
        assert!(total <= MAX_DECODED_CHARS + MAX_DECODES * RUN_OVERLAP, "{total}");
        assert!(n.decoded().len() > 10 && n.decoded().len() <= MAX_DECODES);
        assert!(n.decoded()[1].text.contains("536-22-1234"));
    }
}
