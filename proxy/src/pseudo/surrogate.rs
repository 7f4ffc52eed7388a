//! Format-preserving surrogates: values that look like the real thing to a
//! model (a name, a Luhn-valid card number, an IBAN with valid check
//! digits) and belong to nobody: reserved ranges where they exist (SSN area
//! 9xx, `example.com`, TEST-NET addresses), random digits elsewhere.

use rand_core::RngCore;

/// A small fast generator (the engine's SplitMix64), seeded from the OS for each request.
pub struct Rng(cordon_engine::sample::Rng);

impl Rng {
    pub fn from_os() -> Rng {
        Rng::seeded(rand_core::OsRng.next_u64())
    }

    pub fn seeded(seed: u64) -> Rng {
        Rng(cordon_engine::sample::Rng::new(seed))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    fn digit(&mut self) -> u8 {
        b'0' + self.below(10) as u8
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list.get(self.below(list.len() as u64) as usize).copied().unwrap_or("")
    }
}

const GIVEN: &[&str] = &[
    "Avery", "Blake", "Casey", "Dana", "Elliot", "Frankie", "Gray", "Harper", "Indigo", "Jules", "Kendall", "Logan",
    "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sasha", "Tatum", "Val", "Wren",
];
const SURNAMES: &[&str] = &[
    "Ashdown",
    "Brightwell",
    "Carrow",
    "Dunmore",
    "Elsworth",
    "Fenwick",
    "Garside",
    "Holloway",
    "Ingleby",
    "Jarrow",
    "Kettering",
    "Larkholm",
    "Marwood",
    "Northcott",
    "Orridge",
    "Pennock",
    "Quarrie",
    "Redfern",
    "Stallard",
    "Thackeray",
    "Underhill",
    "Varley",
    "Whitlock",
];

/// A surrogate for `value` of type `entity`; `n` is the value's number
/// within its type (used where a reserved form needs one).
pub fn make(entity: &str, value: &str, n: u32, rng: &mut Rng) -> String {
    match entity {
        "PERSON" => person(value, rng),
        "EMAIL" => format!(
            "{}.{}{n}@example.com",
            rng.pick(GIVEN).to_lowercase(),
            rng.pick(SURNAMES).to_lowercase()
        ),
        "CREDIT_CARD" => card(value, rng),
        "IBAN" => iban(value, rng),
        "US_SSN" => {
            // Area numbers 900-999 are never issued.
            let mut first = true;
            map_chars(value, rng, |c, _| match c {
                '0'..='9' if first => {
                    first = false;
                    Some('9')
                }
                _ => None,
            })
        }
        "IP_ADDRESS" => {
            if value.contains(':') {
                format!("2001:db8::{:x}", n)
            } else {
                format!("192.0.2.{}", (n % 254) + 1)
            }
        }
        "URL" => format!("https://example.org/r/{n}"),
        "DATE" => date(value, rng),
        _ => map_chars(value, rng, |_, _| None),
    }
}

fn person(value: &str, rng: &mut Rng) -> String {
    let words = value.split_whitespace().count();
    let mut name = if words <= 1 {
        rng.pick(SURNAMES).to_string()
    } else {
        format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES))
    };
    let letters: Vec<char> = value.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        name = name.to_uppercase();
    } else if letters.iter().all(|c| c.is_lowercase()) {
        name = name.to_lowercase();
    }
    name
}

/// Replaces every ASCII digit and letter of `value` (keeping case, layout
/// and punctuation) unless `keep` says what to put instead.
fn map_chars(value: &str, rng: &mut Rng, mut keep: impl FnMut(char, &mut Rng) -> Option<char>) -> String {
    value
        .chars()
        .map(|c| {
            if let Some(k) = keep(c, rng) {
                return k;
            }
            if c.is_ascii_digit() {
                char::from(rng.digit())
            } else if c.is_ascii_uppercase() {
                char::from(b'A' + rng.below(26) as u8)
            } else if c.is_ascii_lowercase() {
                char::from(b'a' + rng.below(26) as u8)
            } else {
                c
            }
        })
        .collect()
}

/// Same length and grouping, same first digit (the brand), random middle,
/// and a Luhn check digit.
fn card(value: &str, rng: &mut Rng) -> String {
    let n = value.chars().filter(char::is_ascii_digit).count();
    if n < 2 {
        return map_chars(value, rng, |_, _| None);
    }
    let first = value.chars().find(char::is_ascii_digit).unwrap_or('4');
    let mut digits: Vec<u8> = Vec::with_capacity(n);
    digits.push(first as u8 - b'0');
    while digits.len() < n - 1 {
        digits.push(rng.below(10) as u8);
    }
    digits.push(luhn_check_digit(&digits));
    let mut it = digits.into_iter();
    value
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from(b'0' + it.next().unwrap_or(0))
            } else {
                c
            }
        })
        .collect()
}

/// The digit that makes `payload` + digit pass the Luhn check (the
/// detectors' own validator decides).
fn luhn_check_digit(payload: &[u8]) -> u8 {
    let digits: String = payload.iter().map(|d| char::from(b'0' + d)).collect();
    (0..10u8)
        .find(|d| cordon_detectors::validators::luhn(&format!("{digits}{d}")))
        .unwrap_or(0)
}

/// Same country and layout, random account part, valid mod-97 check digits.
fn iban(value: &str, rng: &mut Rng) -> String {
    let compact: Vec<char> = value.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if compact.len() < 5 || !compact.iter().take(2).all(|c| c.is_ascii_alphabetic()) {
        return map_chars(value, rng, |_, _| None);
    }
    let country: String = compact.iter().take(2).map(|c| c.to_ascii_uppercase()).collect();
    let bban: String = compact
        .iter()
        .skip(4)
        .map(|c| {
            if c.is_ascii_digit() {
                char::from(rng.digit())
            } else {
                char::from(b'A' + rng.below(26) as u8)
            }
        })
        .collect();
    let check = 98 - mod97(&format!("{bban}{country}00"));
    let full: Vec<char> = format!("{country}{check:02}{bban}").chars().collect();
    let mut it = full.into_iter();
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                let n = it.next().unwrap_or('0');
                if c.is_ascii_lowercase() {
                    n.to_ascii_lowercase()
                } else {
                    n
                }
            } else {
                c
            }
        })
        .collect()
}

/// The IBAN remainder: letters as two-digit numbers (A = 10).
pub fn mod97(s: &str) -> u32 {
    let mut r: u32 = 0;
    for c in s.chars() {
        let v = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            'A'..='Z' => u32::from(c) - u32::from('A') + 10,
            'a'..='z' => u32::from(c) - u32::from('a') + 10,
            _ => continue,
        };
        r = if v >= 10 { (r * 100 + v) % 97 } else { (r * 10 + v) % 97 };
    }
    r
}

/// Digit groups kept plausible: two digits become 01-12 (a valid day and
/// month), four become a year 1950-2009; month names stay.
fn date(value: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(value.len());
    let bytes: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes.get(i).copied().unwrap_or(' ');
        if c.is_ascii_digit() {
            let mut j = i;
            while bytes.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            match j - i {
                4 => out.push_str(&format!("{}", 1950 + rng.below(60))),
                2 => out.push_str(&format!("{:02}", 1 + rng.below(12))),
                1 => out.push_str(&format!("{}", 1 + rng.below(9))),
                len => (0..len).for_each(|_| out.push(char::from(rng.digit()))),
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_keep_layout_and_pass_luhn() {
        let mut rng = Rng::seeded(7);
        for v in ["4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"] {
            let s = make("CREDIT_CARD", v, 1, &mut rng);
            assert_eq!(s.len(), v.len());
            assert_ne!(s, v);
            let digits: String = s.chars().filter(char::is_ascii_digit).collect();
            assert!(cordon_detectors::validators::luhn(&digits), "{s}");
            assert_eq!(s.chars().next(), v.chars().next());
            let layout = |x: &str| x.chars().map(|c| c.is_ascii_digit()).collect::<Vec<_>>();
            assert_eq!(layout(&s), layout(v));
        }
    }

    #[test]
    fn ibans_keep_country_and_have_valid_check_digits() {
        let mut rng = Rng::seeded(9);
        for v in [
            "DE89 3704 0044 0532 0130 00",
            "GB82WEST12345698765432",
            "fr1420041010050500013m02606",
        ] {
            let s = make("IBAN", v, 1, &mut rng);
            assert_eq!(s.len(), v.len());
            assert_eq!(
                s.get(..2).map(str::to_ascii_uppercase),
                v.get(..2).map(str::to_ascii_uppercase)
            );
            let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(cordon_detectors::validators::iban(&compact.to_ascii_uppercase()), "{s}");
        }
        // The reference example from ISO 13616.
        assert_eq!(mod97("370400440532013000DE89"), 1);
    }

    #[test]
    fn other_types_look_right() {
        let mut rng = Rng::seeded(3);
        let ssn = make("US_SSN", "123-45-6789", 1, &mut rng);
        assert!(ssn.starts_with('9') && ssn.len() == 11 && &ssn[3..4] == "-", "{ssn}");
        assert!(make("EMAIL", "jane@corp.io", 2, &mut rng).ends_with("2@example.com"));
        let name = make("PERSON", "John Smith", 1, &mut rng);
        assert_eq!(name.split(' ').count(), 2);
        let upper = make("PERSON", "SMITH", 1, &mut rng);
        assert_eq!(upper, upper.to_uppercase());
        let d = make("DATE", "03/04/1961", 1, &mut rng);
        assert_eq!(d.len(), 10);
        assert_eq!(make("IP_ADDRESS", "10.1.2.3", 4, &mut rng), "192.0.2.5");
        let mrn = make("MEDICAL_RECORD_NUMBER", "MRN-00123456", 1, &mut rng);
        assert_eq!(mrn.len(), 12);
        assert_eq!(&mrn[3..4], "-");
    }
}
