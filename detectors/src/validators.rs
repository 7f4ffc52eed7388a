//! Check digits and structural rules. A value that fails its checksum is not
//! that entity. Every function takes the compact form (separators removed,
//! letters upper-cased) and allocates nothing.

fn digits(s: &str) -> Option<impl DoubleEndedIterator<Item = u32> + Clone + '_> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().map(|b| u32::from(b - b'0')))
}

/// Luhn over the digits of `s` (cards, IMEI).
pub fn luhn(s: &str) -> bool {
    digits(s).is_some_and(|d| luhn_sum(d) % 10 == 0)
}

fn luhn_sum(d: impl DoubleEndedIterator<Item = u32>) -> u32 {
    d.rev()
        .enumerate()
        .map(|(i, v)| {
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                v
            }
        })
        .sum()
}

/// A payment card number: 12-19 digits, a known issuer prefix, Luhn.
pub fn credit_card(s: &str) -> bool {
    (12..=19).contains(&s.len()) && luhn(s) && (major_card(s) || minor_card(s))
}

/// The major networks' prefixes and lengths (Luhn checked by the caller).
fn major_card(s: &str) -> bool {
    let n = s.len();
    let p = |k: usize| s.get(..k).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    match s.as_bytes().first() {
        Some(b'4') => matches!(n, 13 | 16 | 19),                              // Visa
        Some(b'5') => ((51..=55).contains(&p(2)) || p(4) == 5019) && n == 16, // Mastercard, Dankort
        Some(b'2') => (2221..=2720).contains(&p(4)) && n == 16,               // Mastercard 2-series
        Some(b'3') => {
            (matches!(p(2), 34 | 37) && n == 15)                                          // Amex
            || ((3528..=3589).contains(&p(4)) && (16..=19).contains(&n))                  // JCB
            || ((matches!(p(2), 36 | 38 | 39) || (300..=305).contains(&p(3))) && (14..=19).contains(&n))
        } // Diners
        Some(b'6') => {
            n >= 13 && (p(4) == 6011 || p(2) == 65 || (644..=649).contains(&p(3)) || p(2) == 62 || p(4) == 6304)
        }
        _ => false,
    }
}

/// UATP (1, 15 digits) and Maestro (50, 56-69; 12-19 digits): shapes that
/// ordinary numbers take more often than the major networks' ones.
fn minor_card(s: &str) -> bool {
    let n = s.len();
    let p2: u32 = s.get(..2).and_then(|x| x.parse().ok()).unwrap_or(0);
    (s.starts_with('1') && n == 15) || (p2 == 50 || (56..=69).contains(&p2))
}

/// A valid card number of a minor network only (UATP, Maestro), or of 12
/// digits: reported lower without a card word.
pub fn weak_card(s: &str) -> bool {
    s.len() < 13 || !major_card(s)
}

/// A US National Provider Identifier: 10 digits starting 1 or 2, Luhn with the 80840 prefix.
pub fn npi(s: &str) -> bool {
    if s.len() != 10 || !matches!(s.as_bytes()[0], b'1' | b'2') {
        return false;
    }
    digits(s).is_some_and(|d| (luhn_sum(d) + 24) % 10 == 0) // 80840 contributes 24
}

/// An IMEI: 15 digits, Luhn, not all one digit.
pub fn imei(s: &str) -> bool {
    s.len() == 15 && luhn(s) && !all_same(s)
}

pub(crate) fn all_same(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().all(|&c| c == b[0])
}

/// IBAN lengths by country: every country of the SWIFT IBAN registry
/// (ISO 13616), as of its 2025 release.
fn iban_length(cc: &str) -> Option<usize> {
    Some(match cc {
        "NO" => 15,
        "BE" => 16,
        "DK" | "FI" | "FK" | "FO" | "GL" | "NL" | "SD" => 18,
        "MK" | "SI" => 19,
        "AT" | "BA" | "EE" | "KZ" | "LT" | "LU" | "MN" | "XK" => 20,
        "CH" | "HR" | "LI" | "LV" => 21,
        "BG" | "BH" | "CR" | "DE" | "GB" | "GE" | "IE" | "ME" | "RS" | "VA" => 22,
        "AE" | "GI" | "IL" | "IQ" | "OM" | "SO" | "TL" => 23,
        "AD" | "CZ" | "ES" | "MD" | "PK" | "RO" | "SA" | "SE" | "SK" | "TN" | "VG" => 24,
        "LY" | "PT" | "ST" => 25,
        "IS" | "TR" => 26,
        "BI" | "DJ" | "FR" | "GR" | "IT" | "MC" | "MR" | "SM" => 27,
        "AL" | "AZ" | "BY" | "CY" | "DO" | "GT" | "HN" | "HU" | "LB" | "NI" | "PL" | "SV" => 28,
        "BR" | "EG" | "PS" | "QA" | "UA" => 29,
        "JO" | "KW" | "MU" | "YE" => 30,
        "MT" | "SC" => 31,
        "LC" => 32,
        "RU" => 33,
        _ => return None,
    })
}

/// Whether `cc` (upper case) is a country of the IBAN registry.
pub fn iban_country(cc: &str) -> bool {
    iban_length(cc).is_some()
}

/// An IBAN: known country, its length, mod-97 = 1.
pub fn iban(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 15 || !b[..2].iter().all(u8::is_ascii_uppercase) || !b[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    if iban_length(&s[..2]) != Some(b.len()) || !b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let mut rem = 0u32;
    for &c in b[4..].iter().chain(&b[..4]) {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(c - b'A') + 10) % 97;
        }
    }
    rem == 1
}

/// An ABA routing transit number: 9 digits, valid Federal Reserve prefix, weighted checksum.
pub fn aba_routing(s: &str) -> bool {
    let prefix: u32 = s.get(..2).and_then(|p| p.parse().ok()).unwrap_or(99);
    (prefix <= 12 || (21..=32).contains(&prefix) || (61..=72).contains(&prefix) || prefix == 80) && aba_checksum(s)
}

/// Nine digits whose ABA check digit holds, whatever Federal Reserve district
/// their prefix names (a routing number typed under its label).
pub fn aba_checksum(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if s.len() != 9 || all_same(s) {
        return false;
    }
    let sum: u32 = d.zip([3, 7, 1].iter().cycle()).map(|(v, w)| v * w).sum();
    sum % 10 == 0
}

/// A US SSN: 9 digits outside the ranges never issued.
pub fn ssn(s: &str) -> bool {
    if s.len() != 9 || digits(s).is_none() {
        return false;
    }
    let area: u32 = s[..3].parse().unwrap_or(0);
    let group: u32 = s[3..5].parse().unwrap_or(0);
    let serial: u32 = s[5..].parse().unwrap_or(0);
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0 && !all_same(s) && s != "123456789"
}

/// A number shaped like an SSN in the 9xx area, which the SSA never issues:
/// the IRS's ITINs and adoption numbers live there, and people type them
/// where an SSN is asked for. Group and serial not zero, not one digit
/// repeated. `Some(true)` when the group is in an ITIN range (50-65, 70-88,
/// 90-92, 94-99), `Some(false)` for another 9xx number, `None` otherwise.
pub fn ssn_area_9xx(s: &str) -> Option<bool> {
    if s.len() != 9 || digits(s).is_none() || !s.starts_with('9') || all_same(s) {
        return None;
    }
    let group: u32 = s[3..5].parse().unwrap_or(0);
    let serial: u32 = s[5..].parse().unwrap_or(0);
    if group == 0 || serial == 0 {
        return None;
    }
    Some(matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99))
}

/// A DEA registration number: 2 letters, 7 digits, check digit.
pub fn dea(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b"ABCDEFGHJKLMPRSTUX".contains(&b[0]) || !(b[1].is_ascii_uppercase() || b[1] == b'9') {
        return false;
    }
    let Some(d) = digits(&s[2..]) else { return false };
    let d: Vec<u32> = d.collect();
    let check = (d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5]);
    check % 10 == d[6]
}

/// An NHS number: 10 digits, mod-11 check digit (10 is never valid).
pub fn nhs(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if s.len() != 10 || all_same(s) {
        return false;
    }
    let d: Vec<u32> = d.collect();
    let sum: u32 = d[..9].iter().enumerate().map(|(i, v)| v * (10 - i as u32)).sum();
    let check = 11 - sum % 11;
    let check = if check == 11 { 0 } else { check };
    check != 10 && check == d[9]
}

/// A Dutch BSN: 9 digits, the 11-proof.
pub fn bsn(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if s.len() != 9 || all_same(s) {
        return false;
    }
    let sum: i64 = d
        .enumerate()
        .map(|(i, v)| {
            if i == 8 {
                -i64::from(v)
            } else {
                i64::from(v) * (9 - i as i64)
            }
        })
        .sum();
    sum != 0 && sum % 11 == 0
}

const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// A Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter).
pub fn es_dni(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b[8].is_ascii_uppercase() {
        return false;
    }
    let lead = match b[0] {
        b'X' => 0,
        b'Y' => 1,
        b'Z' => 2,
        c if c.is_ascii_digit() => u32::from(c - b'0'),
        _ => return false,
    };
    let Some(rest) = digits(&s[1..8]) else { return false };
    let n = rest.fold(lead, |acc, v| acc * 10 + v);
    DNI_LETTERS[(n % 23) as usize] == b[8]
}

/// A Spanish DNI written with 7 digits (the leading 0 left out): the
/// letter is that of the number padded to 8 digits.
pub fn es_dni_short(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 8 || !b[7].is_ascii_uppercase() {
        return false;
    }
    let Some(d) = digits(&s[..7]) else { return false };
    let n = d.fold(0, |acc, v| acc * 10 + v);
    DNI_LETTERS[(n % 23) as usize] == b[7]
}

/// An Italian codice fiscale: 16 characters in its shape (omocodia allowed), check character.
pub fn it_fiscal_code(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 16 {
        return false;
    }
    const OMOCODIA: &[u8] = b"LMNPQRSTUV";
    let digit_like = |c: u8| c.is_ascii_digit() || OMOCODIA.contains(&c);
    let shape_ok = b[..6].iter().all(u8::is_ascii_uppercase)
        && digit_like(b[6])
        && digit_like(b[7])
        && b"ABCDEHLMPRST".contains(&b[8])
        && digit_like(b[9])
        && digit_like(b[10])
        && b[11].is_ascii_uppercase()
        && b[12..15].iter().all(|&c| digit_like(c))
        && b[15].is_ascii_uppercase();
    if !shape_ok {
        return false;
    }
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
    ];
    let mut sum = 0;
    for (i, &c) in b[..15].iter().enumerate() {
        let idx = if c.is_ascii_digit() {
            (c - b'0') as usize
        } else {
            (c - b'A') as usize
        };
        // Position 1 (index 0) is odd.
        sum += if i % 2 == 0 { ODD[idx] } else { idx as u32 };
    }
    u32::from(b[15] - b'A') == sum % 26
}

/// A French NIR (numéro de sécurité sociale): 13 digits (2A/2B for Corsica) + 2-digit key.
pub fn fr_nir(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 15 || !matches!(b[0], b'1' | b'2' | b'3' | b'4' | b'7' | b'8') {
        return false;
    }
    let (body, corsica) = match &s[5..7] {
        "2A" => (format!("{}19{}", &s[..5], &s[7..13]), 1_000_000u64),
        "2B" => (format!("{}18{}", &s[..5], &s[7..13]), 2_000_000u64),
        _ => (s[..13].to_string(), 0),
    };
    let (Ok(n), Ok(key)) = (body.parse::<u64>(), s[13..].parse::<u64>()) else {
        return false;
    };
    if corsica == 0 && digits(&s[..13]).is_none() {
        return false;
    }
    let month: u32 = s[3..5].parse().unwrap_or(0);
    if !((1..=12).contains(&month) || (20..=42).contains(&month) || (50..=99).contains(&month)) {
        return false;
    }
    (1..=97).contains(&key) && 97 - n % 97 == key
}

/// A German tax identification number (Steuer-ID): 11 digits, first not 0,
/// one digit repeated in the first ten, ISO 7064 MOD 11,10 check digit.
pub fn de_tax_id(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if s.len() != 11 || s.as_bytes()[0] == b'0' {
        return false;
    }
    let d: Vec<u32> = d.collect();
    let mut counts = [0u8; 10];
    for &v in &d[..10] {
        counts[v as usize] += 1;
    }
    let repeated: Vec<u8> = counts.iter().copied().filter(|&c| c > 1).collect();
    if repeated.len() != 1 || repeated[0] > 3 {
        return false;
    }
    let mut product = 10;
    for &v in &d[..10] {
        let mut sum = (v + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    check == d[10]
}

/// A vehicle identification number: 17 characters, no I/O/Q, North American check digit.
pub fn vin(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 17 || !b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
        return false;
    }
    if b.iter().any(|c| matches!(c, b'I' | b'O' | b'Q')) || b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let value = |c: u8| -> u32 {
        match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'H' => u32::from(c - b'A') + 1,
            b'J'..=b'N' => u32::from(c - b'J') + 1,
            b'P' => 7,
            b'R' => 9,
            b'S'..=b'Z' => u32::from(c - b'S') + 2,
            _ => 0,
        }
    };
    let sum: u32 = b.iter().zip(WEIGHTS).map(|(&c, w)| value(c) * w).sum();
    let check = sum % 11;
    let expected = if check == 10 { b'X' } else { b'0' + check as u8 };
    b[8] == expected
}

/// A UK National Insurance number: prefix rules, 6 digits, suffix A-D.
pub fn uk_nino(s: &str) -> bool {
    let b = s.as_bytes();
    if !(b.len() == 9 || b.len() == 8) || !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() {
        return false;
    }
    if b"DFIQUV".contains(&b[0]) || b"DFIOQUV".contains(&b[1]) {
        return false;
    }
    if matches!(&s[..2], "BG" | "GB" | "KN" | "NK" | "NT" | "TN" | "ZZ") {
        return false;
    }
    if digits(&s[2..8]).is_none() {
        return false;
    }
    b.len() == 8 || matches!(b[8], b'A'..=b'D')
}

/// ISO 3166 alpha-2 country codes, for BICs.
const COUNTRIES: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

pub fn is_country(cc: &str) -> bool {
    cc.len() == 2 && COUNTRIES.as_bytes().chunks(2).any(|c| c == cc.as_bytes())
}

/// A SWIFT/BIC code's shape: 4 letters, a country, 2 alphanumerics, optional 3 more.
pub fn bic(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b[..4].iter().all(u8::is_ascii_uppercase)
        && is_country(&s[4..6])
        && b[6..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards() {
        for ok in [
            "4111111111111111",
            "5500000000000004",
            "340000000000009",
            "6011000000000004",
            "2221000000000009",
            // UATP, Dankort, Maestro (Presidio's recognizer test vectors).
            "122000000000003",
            "5019717010103742",
            "6759649826438453",
            "6304000000000000",
        ] {
            assert!(credit_card(ok), "{ok}");
        }
        for bad in [
            "4111111111111112",
            "1234567812345670",
            "411111111111",
            "9111111111111111",
        ] {
            assert!(!credit_card(bad), "{bad}");
        }
    }

    #[test]
    fn npi_and_imei() {
        assert!(npi("1234567893"));
        assert!(!npi("1234567890"));
        assert!(!npi("3234567893"));
        assert!(imei("490154203237518"));
        assert!(!imei("490154203237517"));
    }

    #[test]
    fn ibans() {
        assert!(iban("DE89370400440532013000"));
        assert!(iban("GB82WEST12345698765432"));
        assert!(iban("NL91ABNA0417164300"));
        assert!(iban("FR1420041010050500013M02606"));
        assert!(!iban("DE89370400440532013001"));
        assert!(!iban("DE8937040044053201300")); // wrong length
        assert!(!iban("XX89370400440532013000"));
        // Costa Rica (22 since 2015) and Libya (25), from the SWIFT registry.
        assert!(iban("CR05015202001026284066"));
        assert!(iban("LY83002048000020100120361"));
        assert!(!iban("CR0515202001026284066"));
        for cc in ["EG", "SD", "RU", "BI", "DJ", "FK", "MN", "NI", "OM", "SO", "YE", "HN"] {
            assert!(iban_length(cc).is_some(), "{cc}");
        }
    }

    #[test]
    fn minor_networks_are_weak_cards() {
        assert!(weak_card("122000000000003"));
        assert!(weak_card("6759649826438453"));
        assert!(!weak_card("5019717010103742"));
        assert!(!weak_card("4111111111111111"));
        assert!(!credit_card("122000000000004"));
        assert!(!credit_card("7000000000000007"));
    }

    #[test]
    fn ssn_shaped_9xx_numbers() {
        assert_eq!(ssn_area_9xx("912345678"), Some(false));
        assert_eq!(ssn_area_9xx("912701234"), Some(true));
        assert_eq!(ssn_area_9xx("900931234"), Some(false));
        assert_eq!(ssn_area_9xx("999991234"), Some(true));
        for bad in [
            "536221234",
            "912001234",
            "912340000",
            "999999999",
            "91234567",
            "9123456789",
            "91234567x",
        ] {
            assert_eq!(ssn_area_9xx(bad), None, "{bad}");
        }
    }

    #[test]
    fn routing_and_ssn() {
        assert!(aba_routing("021000021"));
        assert!(aba_routing("011000015"));
        assert!(!aba_routing("021000022"));
        assert!(!aba_routing("991000021"));
        assert!(ssn("536-22-1234".replace('-', "").as_str()));
        for bad in [
            "000221234",
            "666221234",
            "912221234",
            "536001234",
            "536220000",
            "123456789",
        ] {
            assert!(!ssn(bad), "{bad}");
        }
    }

    #[test]
    fn dea_nhs_bsn() {
        assert!(dea("AB1234563"));
        assert!(!dea("AB1234564"));
        assert!(!dea("IB1234563"));
        assert!(nhs("9434765919"));
        assert!(!nhs("9434765918"));
        assert!(bsn("111222333"));
        assert!(bsn("123456782"));
        assert!(!bsn("123456789"));
    }

    #[test]
    fn dni_fiscal_nir_taxid() {
        assert!(es_dni("12345678Z"));
        assert!(!es_dni("12345678A"));
        assert!(es_dni("X1234567L"));
        // 7 digits: the letter of the number padded to 8 digits.
        assert!(es_dni_short("1234567L"));
        assert!(!es_dni_short("1234567A"));
        assert!(es_dni("01234567L"));
        assert!(it_fiscal_code("RSSMRA85T10A562S"));
        assert!(!it_fiscal_code("RSSMRA85T10A562T"));
        assert!(fr_nir("184127645108946"));
        assert!(!fr_nir("184127645108947"));
        assert!(fr_nir("2690299341732"[..].to_string().add_key().as_str()));
        assert!(de_tax_id("86095742719"));
        assert!(!de_tax_id("86095742718"));
        assert!(!de_tax_id("12345678901"));
    }

    trait AddKey {
        fn add_key(self) -> String;
    }
    impl AddKey for String {
        fn add_key(self) -> String {
            let n: u64 = self.parse().unwrap();
            format!("{self}{:02}", 97 - n % 97)
        }
    }

    #[test]
    fn vin_nino_bic() {
        assert!(vin("1HGCM82633A004352"));
        assert!(!vin("11111111111111111"));
        assert!(!vin("1HGCM82643A004352"));
        assert!(uk_nino("AB123456C"));
        assert!(!uk_nino("QQ123456C"));
        assert!(!uk_nino("AB123456E"));
        assert!(bic("DEUTDEFF"));
        assert!(bic("COBADEFFXXX"));
        assert!(!bic("ABSTRACT"));
    }
}
