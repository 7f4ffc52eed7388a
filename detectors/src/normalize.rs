//! Normalization before matching, with every byte mapped back to the original.
//!
//! Evasions that a person reads through but a pattern does not: JSON string
//! escapes left in raw bodies (`\u0040`, `\n`), zero-width characters and soft
//! hyphens inside values, full-width digits and other compatibility forms
//! (Unicode NFKC), and exotic spaces and dashes. The normalized text is what
//! the recognizers see; a span found in it is mapped back to the original
//! bytes, so a finding covers the whole obfuscated form.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The text the recognizers scan, and the way back to the original.
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each normalized byte, the original byte range it came from.
    /// Empty when the text was already normal (the identity map).
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl<'a> Normalized<'a> {
    /// Normalize `original`. Texts that need nothing (the common case: no
    /// backslash and nothing outside ASCII) are borrowed as they are.
    pub fn new(original: &'a str) -> Normalized<'a> {
        let bytes = original.as_bytes();
        if bytes.is_ascii() && memchr::memchr(b'\\', bytes).is_none() {
            return Normalized {
                text: Cow::Borrowed(original),
                starts: Vec::new(),
                ends: Vec::new(),
            };
        }
        let mut b = Builder {
            out: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            ends: Vec::with_capacity(original.len()),
        };
        let mut pos = 0;
        while pos < original.len() {
            let rest = &original[pos..];
            if rest.as_bytes()[0] == b'\\' {
                if let Some((c, len)) = json_escape(rest) {
                    b.push_char(c, pos, pos + len);
                    pos += len;
                    continue;
                }
            }
            let Some(c) = rest.chars().next() else { break };
            let len = c.len_utf8();
            b.push_char(c, pos, pos + len);
            pos += len;
        }
        Normalized {
            text: Cow::Owned(b.out),
            starts: b.starts,
            ends: b.ends,
        }
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
    Normalized::new(value)
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
    fn push_char(&mut self, c: char, from: usize, to: usize) {
        if is_invisible(c) {
            return;
        }
        if c.is_ascii() {
            return self.emit(c, from, to);
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
                let n = fold_punctuation(n).unwrap_or(n);
                self.emit(n, from, to);
            }
        }
    }

    fn emit(&mut self, c: char, from: usize, to: usize) {
        self.out.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(from as u32);
            self.ends.push(to as u32);
        }
    }
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
}
