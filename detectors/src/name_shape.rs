//! How much one word looks like a given name or a surname rather than an
//! ordinary word, from its letters alone: a logistic regression over hashed
//! character n-grams, trained offline on public name and word lists
//! (`data/build_name_shape.py`, which documents the sources). The PERSON
//! stage asks it about capitalized words no dictionary holds, so that
//! "Nomvula" or "Oyelaran" can be a name where the context allows one,
//! while "Lisinopril" or "Onboarding" stays a word.
//!
//! The weights are 2^18 signed bytes and an f32 bias, embedded; a query
//! hashes at most a few dozen n-grams (well under a microsecond).

/// The trained weights (`data/name_shape.bin`): 2^BITS i8, then the bias as a little-endian f32.
const MODEL: &[u8] = include_bytes!("../data/name_shape.bin");
const BITS: u32 = 18;
/// Stored weight = round(weight * SCALE).
const SCALE: f32 = 24.0;
const NGRAMS: [usize; 4] = [2, 3, 4, 5];
/// Longer words are not scored (no name in the training lists is longer).
const MAX_CHARS: usize = 24;

const _: () = assert!(MODEL.len() == (1 << BITS) + 4, "name_shape.bin has the wrong size");

fn fnv1a(h: u32, bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(h, |h, &c| (h ^ u32::from(c)).wrapping_mul(0x0100_0193))
}

/// The probability that `word` (any case) is a name by its shape, in [0, 1];
/// 0 for a word with anything but letters, '-' and '\'', or too long.
pub(crate) fn name_likeness(word: &str) -> f32 {
    // "Dlamini-Zwane": each part of a double name on its own, as the lists hold them.
    if word.contains('-') {
        return word
            .split('-')
            .map(|part| if part.chars().count() >= 2 { one_word(part) } else { 0.0 })
            .fold(1.0, f32::min);
    }
    one_word(word)
}

fn one_word(word: &str) -> f32 {
    let mut chars = ['\0'; MAX_CHARS + 2];
    let mut n = 0;
    chars[0] = '^';
    n += 1;
    for c in word.chars().flat_map(char::to_lowercase) {
        if !(c.is_alphabetic() || c == '-' || c == '\'') || n > MAX_CHARS {
            return 0.0;
        }
        chars[n] = c;
        n += 1;
    }
    if n < 3 {
        return 0.0;
    }
    chars[n] = '$';
    n += 1;
    let chars = &chars[..n];
    let weights = &MODEL[..1 << BITS];
    let bias = f32::from_le_bytes([
        MODEL[1 << BITS],
        MODEL[(1 << BITS) + 1],
        MODEL[(1 << BITS) + 2],
        MODEL[(1 << BITS) + 3],
    ]);
    let mask = (1u32 << BITS) - 1;
    let mut z = bias;
    let mut buf = [0u8; 4];
    for len in NGRAMS {
        for gram in chars.windows(len) {
            // FNV-1a over the n-gram's length byte, then its UTF-8 bytes (as the trainer does).
            let mut h = fnv1a(0x811C_9DC5, &[len as u8]);
            for c in gram {
                h = fnv1a(h, c.encode_utf8(&mut buf).as_bytes());
            }
            z += f32::from(weights[(h & mask) as usize] as i8) / SCALE;
        }
    }
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

#[cfg(test)]
mod tests {
    use super::name_likeness;

    #[test]
    fn names_of_many_traditions_look_like_names_and_words_do_not() {
        // None of these is in the training lists' samples checked by hand; the
        // model is asked about shapes, so a few misses either way are expected.
        let names = [
            "Oluwaseyi",
            "Chukwuemeka",
            "Nkechinyere",
            "Thandiwe",
            "Bogdanović",
            "Wojciechowska",
            "Papadimitriou",
            "Gunnarsdóttir",
            "Nguyen",
            "Oyelaran",
            "Kamakau",
            "Rasoanaivo",
        ];
        let words = [
            "Lisinopril",
            "Metoprolol",
            "Onboarding",
            "Administration",
            "Reconciliation",
            "Bestellung",
            "Rechnungsnummer",
            "Remboursement",
            "Facturación",
            "Appuntamento",
            "Spreadsheet",
            "Deployment",
        ];
        let found = names.iter().filter(|w| name_likeness(w) >= 0.5).count();
        let taken = words.iter().filter(|w| name_likeness(w) >= 0.5).count();
        assert!(found >= 9, "names found {found} of {}", names.len());
        assert!(taken <= 2, "words taken for names {taken} of {}", words.len());
    }

    #[test]
    fn only_letters_and_sane_lengths_are_scored() {
        assert_eq!(name_likeness("A1"), 0.0);
        assert_eq!(name_likeness("x"), 0.0);
        assert_eq!(name_likeness("abc@def"), 0.0);
        assert_eq!(name_likeness(&"a".repeat(40)), 0.0);
        let p = name_likeness("Maria");
        assert!((0.0..=1.0).contains(&p));
        assert_eq!(name_likeness("MARIA"), p, "case does not matter");
    }
}
