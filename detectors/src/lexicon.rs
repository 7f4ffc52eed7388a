//! The ordinary words of English, German, French, Spanish, Italian, Portuguese
//! and Dutch: every form and lemma of spacy-lookups-data's lemma tables and
//! stopwords-iso's stop words, as a Bloom filter built by
//! `data/build_ordinary_names.py` (about 2% false positives: a word no language
//! uses is now and then taken for one, never the other way round).
//!
//! It tells a word no list holds and no language uses ("hamida", "warsame")
//! from an ordinary one ("going", "precisa"): the first can be a name where the
//! context holds one, the second cannot.

static BITS: &[u8] = include_bytes!("../data/lexicon.bin");
/// The constants of `build_ordinary_names.py`.
const HASHES: u64 = 5;

fn fnv1a64(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for c in bytes {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    h
}

/// Whether `word` (any case) is an ordinary word of one of the seven languages.
pub(crate) fn is_word(word: &str) -> bool {
    let h = if word.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
        fnv1a64(word.bytes())
    } else {
        fnv1a64(word.to_lowercase().into_bytes().into_iter())
    };
    let bits = (BITS.len() * 8) as u64;
    let (h1, h2) = (h & 0xFFFF_FFFF, (h >> 32) | 1);
    (0..HASHES).all(|i| {
        let k = (h1 + i * h2) % bits;
        BITS[(k / 8) as usize] & (1 << (k % 8)) != 0
    })
}

#[cfg(test)]
mod tests {
    use super::is_word;

    #[test]
    fn ordinary_words_of_the_seven_languages_and_no_unknown_names() {
        for w in [
            "going", "precisa", "braucht", "necesita", "with", "from", "Clerk", "HELPDESK", "für", "après",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in [
            "hamida",
            "warsame",
            "shahlo",
            "Cuauhtémoc",
            "temuulen",
            "ganzorig",
            "dilnoza",
        ] {
            assert!(!is_word(w), "{w}");
        }
    }
}
