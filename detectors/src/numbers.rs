//! Identifiers made of digit groups: cards, national numbers, phones, and the
//! context-bound numbers (accounts, passports) when their context is near.
//!
//! One pass finds runs of alphanumeric tokens joined by separators a person
//! would write inside a number (spaces, dots, dashes, slashes, line breaks,
//! parentheses; and, alone between two groups, `_ , | + : ~`). Every contiguous sub-range of a run is then checked in its
//! compact form against each identifier's shape and validator, so that
//! `4111 1111 1111 1111`, `4111.1111.1111.1111` and `4111\n1111 1111 1111`
//! are the same card, and the separators of the run decide nothing.

use crate::context::{self as cx, Context};
use crate::entity::Kind;
use crate::validators as v;
use crate::Candidate;

const MAX_TOKENS: usize = 12;
const MAX_COMPACT: usize = 34;

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    digits: u8,
    letters: u8,
    upper: bool,
}

impl Tok {
    fn len(&self) -> usize {
        self.end - self.start
    }
    fn joins(&self) -> bool {
        self.digits > 0 || (self.upper && self.letters as usize == self.len() && self.len() <= 4)
    }
}

/// Not a tab: it ends a table's cell ("12/03/1961\t555-123-4567" is a date, then a phone).
fn is_sep(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'/' | b'\n' | b'\r' | b'(' | b')')
}

/// Characters that join digit groups only when written alone between two
/// groups of at least two characters (`4111_1111_1111_1111`, `536|22|1234`,
/// `536:22:1234`). They also make ordinary numbers (`1,234,567`, `12:30`,
/// `2+2`): the shapes and check digits decide, and thousands never make a phone.
fn is_joiner(b: u8) -> bool {
    matches!(b, b'_' | b',' | b'|' | b'+' | b':' | b'~')
}

/// Find the runs in `text` and push every candidate they hold.
pub fn scan(text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let mut pos = 0;
    let mut toks: Vec<Tok> = Vec::with_capacity(MAX_TOKENS);
    while pos < b.len() {
        // Next digit.
        let Some(off) = b[pos..].iter().position(u8::is_ascii_digit) else {
            break;
        };
        let digit_at = pos + off;
        // Start of its token.
        let mut ts = digit_at;
        while ts > 0 && b[ts - 1].is_ascii_alphanumeric() {
            ts -= 1;
        }
        if ts > 0 && b[ts - 1] >= 0x80 {
            // Part of a word in another script or with accents: not an identifier.
            pos = skip_token(b, digit_at);
            continue;
        }
        toks.clear();
        // One upper-case letter group before it may belong (NINO "AB 12 34 56 C").
        // A lower-case one ("ab 12 34 56 c") only ever as a NINO's.
        if let Some(prev) = previous_token(b, ts) {
            if (prev.joins() || (prev.len() == 2 && prev.letters == 2)) && prev.digits == 0 {
                toks.push(prev);
            }
        }
        let mut t = token_at(b, ts);
        toks.push(t);
        // A run keeps one kind of separator once a joiner is used: a log
        // timestamp ("01-29 23:27:26,411") is no identifier.
        let mut kind: Option<u8> = None;
        loop {
            if toks.len() >= MAX_TOKENS {
                break;
            }
            let Some((next, sep)) = next_token(b, t) else { break };
            if !(next.joins() || nino_suffix(&toks, next) || iban_letters(b, &toks, next))
                || kind.is_some_and(|k| k != sep)
            {
                break;
            }
            kind = Some(sep);
            toks.push(next);
            t = next;
        }
        // A run may not end in a letter group unless it is the NINO suffix.
        check_run(text, &toks, ctx, out);
        pos = t.end.max(digit_at + 1);
    }
}

/// A letter group of up to four letters, any case, right after an IBAN's country and check
/// digits: the bank's code of an IBAN written in lower case ("gb44 nwbk 9154 …").
fn iban_letters(b: &[u8], toks: &[Tok], next: Tok) -> bool {
    toks.len() == 1 && next.digits == 0 && next.len() <= 4 && iban_head(&b[toks[0].start..toks[0].end])
}

/// An IBAN's first group, any case: a country that has IBANs and two check digits ("DE89", "gb29").
fn iban_head(w: &[u8]) -> bool {
    w.len() == 4
        && w[..2].iter().all(u8::is_ascii_alphabetic)
        && w[2..].iter().all(u8::is_ascii_digit)
        && std::str::from_utf8(&w[..2]).is_ok_and(|cc| v::iban_country(&cc.to_ascii_uppercase()))
}

/// A one-letter token, any case, closing a 2-letter prefix and six digits
/// ("ab 12 34 56 c").
fn nino_suffix(toks: &[Tok], next: Tok) -> bool {
    let digits: usize = toks.iter().skip(1).map(|t| t.digits as usize).sum();
    next.len() == 1
        && next.letters == 1
        && toks.len() >= 2
        && toks[0].digits == 0
        && toks[0].len() == 2
        && digits == 6
        && toks[1..].iter().all(|t| t.letters == 0)
}

fn skip_token(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
        i += 1;
    }
    i.max(1)
}

fn token_at(b: &[u8], start: usize) -> Tok {
    let mut end = start;
    let (mut digits, mut letters, mut upper) = (0u8, 0u8, true);
    while end < b.len() && b[end].is_ascii_alphanumeric() {
        if b[end].is_ascii_digit() {
            digits = digits.saturating_add(1);
        } else {
            letters = letters.saturating_add(1);
            upper &= b[end].is_ascii_uppercase();
        }
        end += 1;
    }
    Tok {
        start,
        end,
        digits,
        letters,
        upper,
    }
}

/// The separator between two tokens: 1-3 separator characters, not a sentence end.
fn separator_ok(sep: &[u8]) -> bool {
    if sep.is_empty() || sep.len() > 3 || !sep.iter().all(|&c| is_sep(c)) {
        return false;
    }
    let newlines = sep.iter().filter(|&&c| c == b'\n').count();
    let dots = sep.iter().filter(|&&c| c == b'.').count();
    !(newlines > 1 || dots > 1 || (dots == 1 && sep.len() > 1 && sep[0] == b'.'))
}

/// The token after `prev` and the kind of separator before it: the joiner
/// itself, or 0 for the separators of `is_sep`.
fn next_token(b: &[u8], prev: Tok) -> Option<(Tok, u8)> {
    let end = prev.end;
    if let Some(&joiner) = b.get(end).filter(|c| is_joiner(**c)) {
        if prev.len() < 2 || !b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let t = token_at(b, end + 1);
        if t.len() < 2 || b.get(t.end).is_some_and(|&c| c >= 0x80) {
            return None;
        }
        return Some((t, joiner));
    }
    let mut i = end;
    while i < b.len() && i - end < 3 && is_sep(b[i]) {
        i += 1;
    }
    if i == end || i >= b.len() || !b[i].is_ascii_alphanumeric() || !separator_ok(&b[end..i]) {
        return None;
    }
    let t = token_at(b, i);
    if b.get(t.end).is_some_and(|&c| c >= 0x80) {
        return None;
    }
    Some((t, 0))
}

fn previous_token(b: &[u8], start: usize) -> Option<Tok> {
    let mut i = start;
    while i > 0 && start - i < 3 && is_sep(b[i - 1]) {
        i -= 1;
    }
    if i == start || i == 0 || !b[i - 1].is_ascii_alphanumeric() || !separator_ok(&b[i..start]) {
        return None;
    }
    let end = i;
    let mut s = end;
    while s > 0 && b[s - 1].is_ascii_alphanumeric() {
        s -= 1;
    }
    if s > 0 && b[s - 1] >= 0x80 {
        return None;
    }
    Some(token_at(b, s))
}

struct Compact {
    buf: [u8; MAX_COMPACT],
    len: usize,
}

impl Compact {
    fn as_str(&self) -> &str {
        // Only ASCII alphanumerics are ever pushed.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn check_run(text: &str, toks: &[Tok], ctx: &Context<'_>, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    // A run that opens with an IBAN's country and check digits ("DE89 3704
    // 0044 ...") is an account number written as one, valid or not: its
    // digit groups are no phone and no card.
    let iban_shaped =
        toks.iter().take(2).any(|t| iban_head(&b[t.start..t.end])) && toks.iter().map(Tok::len).sum::<usize>() >= 14;
    for i in 0..toks.len() {
        let mut c = Compact {
            buf: [0; MAX_COMPACT],
            len: 0,
        };
        for j in i..toks.len() {
            let t = toks[j];
            if c.len + t.len() > MAX_COMPACT {
                break;
            }
            for &ch in &b[t.start..t.end] {
                c.buf[c.len] = ch.to_ascii_uppercase();
                c.len += 1;
            }
            if toks[i].digits == 0 && toks[i].len() > 2 {
                continue; // a leading letter group is only ever a 2-letter NINO prefix
            }
            if toks[i].digits == 0 && !toks[i].upper {
                // A lower-case word before digits ("is 1234567") is only a NINO's prefix.
                nino(&toks[i..=j], c.as_str(), ctx, out);
                continue;
            }
            classify(text, &toks[i..=j], c.as_str(), ctx, iban_shaped, out);
        }
    }
}

/// Whether `start` is inside a date: its day after "2020-04-" or "12/03/", or its month
/// after "2021-" and before its day.
fn mid_date(b: &[u8], start: usize) -> bool {
    let Some(&sep) = start.checked_sub(1).and_then(|k| b.get(k)) else {
        return false;
    };
    if !matches!(sep, b'-' | b'/' | b'.') {
        return false;
    }
    let month = b[..start - 1].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    // "2021-08-29…" read from its month: a year, then two digits and the same separator.
    let year_before = month == 4 && matches!(&b[start - 5..start - 3], b"19" | b"20");
    if year_before {
        return b
            .get(start..start + 3)
            .is_some_and(|m| m[0].is_ascii_digit() && m[1].is_ascii_digit() && m[2] == sep);
    }
    let k = start - 1 - month;
    if !(1..=2).contains(&month) || k == 0 || b[k - 1] != sep {
        return false;
    }
    let year = b[..k - 1].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    (1..=4).contains(&year)
}

fn push(out: &mut Vec<Candidate>, kind: Kind, start: usize, end: usize, score: f32, detector: &'static str) {
    if score > 0.0 {
        out.push(Candidate {
            kind: kind.into(),
            start,
            end,
            score: score.min(1.0),
            detector,
        });
    }
}

fn nino(toks: &[Tok], c: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
    let (start, end) = (toks[0].start, toks[toks.len() - 1].end);
    if c.len() == 9 && v::uk_nino(c) {
        let s = if ctx.near(start, end, cx::NINO, 48, 24) {
            0.98
        } else if ctx.nearest_before(start, cx::NEGATIVE, 24).is_some() {
            0.4
        } else {
            0.75
        };
        push(out, Kind::UkNino, start, end, s, "nino.format");
    }
}

fn classify(text: &str, toks: &[Tok], c: &str, ctx: &Context<'_>, iban_shaped: bool, out: &mut Vec<Candidate>) {
    let (start, end) = (toks[0].start, toks[toks.len() - 1].end);
    let n = c.len();
    let all_digits = c.bytes().all(|x| x.is_ascii_digit());
    let mut len_buf = [0usize; MAX_TOKENS];
    for (l, t) in len_buf.iter_mut().zip(toks) {
        *l = t.len();
    }
    let lens = &len_buf[..toks.len()];
    let near = |k: cx::Ctx, before: usize| ctx.near(start, end, k, before, 24);
    let near_before = |k: cx::Ctx, before: usize| ctx.nearest_before(start, k, before).is_some();
    let negative = near_before(cx::NEGATIVE, 24);
    // "ends in 4766": the last digits of something, not an identifier. A whole
    // number after such words ("ending in 4766 was replaced by 4168 0039 …")
    // is still one.
    let last_digits = near_before(cx::LAST_DIGITS, 24);
    if last_digits && n <= 6 {
        return;
    }
    // Scores for numbers that stand alone get a penalty when the text calls them an order or a version.
    let penalty = if negative { 0.35 } else { 0.0 };
    // A number written in an identifier's own layout (an SSN's 3-2-4, a
    // phone's 3-3-4) is rarely an order or a reference: a smaller penalty,
    // so that a word like "reference" before it does not hide it.
    let layout_penalty = if negative { 0.14 } else { 0.0 };

    if all_digits {
        if (12..=19).contains(&n) && !iban_shaped && v::credit_card(c) {
            let grouped = lens.len() == 1 || lens.iter().take(lens.len() - 1).all(|&l| l == 4) || lens == [4, 6, 5];
            // UATP and Maestro: their prefixes are those of many ordinary numbers.
            let base = match (v::weak_card(c), grouped) {
                (true, _) if n == 12 => 0.4,
                (true, _) => 0.6,
                (false, true) => 0.9,
                (false, false) => 0.75,
            };
            let s = if near(cx::CARD, 48) { 1.0 } else { base - penalty };
            push(out, Kind::CreditCard, start, end, s, "card.luhn");
        }
        if n == 15 && v::imei(c) {
            let s = if near(cx::DEVICE, 48) { 0.95 } else { 0.45 - penalty };
            push(out, Kind::DeviceId, start, end, s, "imei.luhn");
        }
        if n == 15 && v::fr_nir(c) {
            let s = if near(cx::FR_NIR, 48) { 1.0 } else { 0.8 - penalty };
            push(out, Kind::FrNir, start, end, s, "fr_nir.key");
        }
        // A 5-4 layout is a ZIP+4 ("60688-8590"), never an SSN.
        if n == 9 && lens != [5, 4] {
            // The closest label before a 9-digit number names it: "SSN ...,
            // routing 021000021" is a routing number, not an SSN.
            let labels = cx::SSN | cx::ROUTING | cx::NL_BSN | cx::ACCOUNT | cx::DRIVER_LICENSE | cx::PASSPORT;
            let own = |k: cx::Ctx| match ctx.nearest_before(start, labels, 48) {
                Some(h) => h.kinds & k != 0,
                None => near(k, 48),
            };
            if v::ssn(c) {
                let formatted = lens == [3, 2, 4];
                let s = if own(cx::SSN) {
                    1.0
                } else if formatted {
                    0.8 - layout_penalty
                } else {
                    0.3 - penalty
                };
                push(out, Kind::UsSsn, start, end, s, "ssn.ranges");
            } else if let Some(itin_group) = v::ssn_area_9xx(c) {
                // No entity of its own: an ITIN (or another 9xx number typed
                // where an SSN goes) is reported as the SSN it stands for.
                let s = if near(cx::ITIN, 48) {
                    if itin_group {
                        0.9
                    } else {
                        0.75
                    }
                } else if lens == [3, 2, 4] {
                    // The SSN's own layout in the never-issued 9xx area: an
                    // ITIN, or a stand-in typed where an SSN goes.
                    (if itin_group { 0.7 } else { 0.65 }) - layout_penalty
                } else {
                    0.0
                };
                push(out, Kind::UsSsn, start, end, s, "ssn.itin");
            }
            if v::aba_routing(c) {
                let s = if own(cx::ROUTING) { 0.98 } else { 0.3 - penalty };
                push(out, Kind::UsBankRouting, start, end, s, "aba.checksum");
            } else if own(cx::ROUTING) && ctx.nearest_before(start, cx::ROUTING, 16).is_some() && v::aba_checksum(c) {
                // Right after its label, the check digit is enough.
                push(out, Kind::UsBankRouting, start, end, 0.9, "aba.labelled");
            }
            if v::bsn(c) {
                let s = if own(cx::NL_BSN) { 0.98 } else { 0.3 - penalty };
                push(out, Kind::NlBsn, start, end, s, "bsn.11proof");
            }
        }
        if n == 10 {
            if v::npi(c) {
                let s = if near(cx::NPI, 48) { 0.98 } else { 0.3 - penalty };
                push(out, Kind::Npi, start, end, s, "npi.luhn");
            }
            if v::nhs(c) {
                let formatted = lens == [3, 3, 4];
                let s = if near(cx::NHS, 48) {
                    0.98
                } else if formatted {
                    0.55 - penalty
                } else {
                    0.35 - penalty
                };
                push(out, Kind::UkNhs, start, end, s, "nhs.mod11");
            }
        }
        if n == 11 && v::de_tax_id(c) {
            let s = if near(cx::DE_TAX, 48) { 0.98 } else { 0.45 - penalty };
            push(out, Kind::DeTaxId, start, end, s, "de_taxid.iso7064");
        }
        if !iban_shaped {
            phone(text, toks, c, lens, ctx, (penalty, layout_penalty), out);
        }
    } else {
        if n == 9 && v::es_dni(c) {
            let s = if near(cx::ES_DNI, 48) { 1.0 } else { 0.85 - penalty };
            push(out, Kind::EsDni, start, end, s, "es_dni.letter");
        }
        if n == 8 && v::es_dni_short(c) {
            // 7 digits and the letter: the DNI with its leading 0 left out.
            let s = if near(cx::ES_DNI, 48) { 0.95 } else { 0.6 - penalty };
            push(out, Kind::EsDni, start, end, s, "es_dni.letter");
        }
        if n == 9 && v::dea(c) {
            let s = if near(cx::DEA, 48) { 0.98 } else { 0.6 - penalty };
            push(out, Kind::DeaNumber, start, end, s, "dea.checksum");
        }
        if (n == 8 || n == 9) && v::uk_nino(c) {
            let s = if near(cx::NINO, 48) {
                0.98
            } else if n == 9 {
                0.75 - penalty
            } else {
                0.2
            };
            push(out, Kind::UkNino, start, end, s, "nino.format");
        }
        if n >= 15 && v::iban(c) {
            push(out, Kind::Iban, start, end, 0.98, "iban.mod97");
            // The bank's code in brackets right after the account: "DE64 3248 … 30 (NOHADEHH)",
            // or after a slash: "FR76 … 374 / HYEKFRINX32".
            for (lead, close) in [(" (", Some(b')')), (" / ", None)] {
                let Some(inner) = text[end..].strip_prefix(lead) else {
                    continue;
                };
                let len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
                let closed = match close {
                    Some(c) => inner.as_bytes().get(len) == Some(&c),
                    None => inner.as_bytes().get(len).is_none_or(|c| !c.is_ascii_alphanumeric()),
                };
                if (len == 8 || len == 11) && closed && v::bic(&inner[..len]) {
                    let at = end + lead.len();
                    push(out, Kind::SwiftBic, at, at + len, 0.9, "bic.after_iban");
                }
            }
        }
        if n == 16 && v::it_fiscal_code(c) {
            push(out, Kind::ItFiscalCode, start, end, 0.98, "it_cf.check");
        }
        if n == 17 && v::vin(c) {
            let s = if near(cx::VIN, 48) { 1.0 } else { 0.85 - penalty };
            push(out, Kind::VehicleId, start, end, s, "vin.check");
        }
        // Written in capitals, as banks write it, and not an e-mail address's local
        // part ("mkeller88@orange.fr" after "BIC …": its name was taken for a BIC).
        let capitals = !text[start..end].bytes().any(|x| x.is_ascii_lowercase());
        let in_email = text.as_bytes().get(end) == Some(&b'@');
        if (n == 8 || n == 11) && toks.len() == 1 && capitals && !in_email && v::bic(c) {
            let s = if near(cx::BIC, 48) { 0.98 } else { 0.35 };
            push(out, Kind::SwiftBic, start, end, s, "bic.format");
        }
    }
}

fn phone(
    text: &str,
    toks: &[Tok],
    c: &str,
    lens: &[usize],
    ctx: &Context<'_>,
    (penalty, layout_penalty): (f32, f32),
    out: &mut Vec<Candidate>,
) {
    let b = text.as_bytes();
    let n = c.len();
    let mut start = toks[0].start;
    let end = toks[toks.len() - 1].end;
    // The rest of a date ("2020-04-04\n081.483.88": its day, then the next row's
    // code); and a mask's or a placeholder's one digit ("(999) 999-9999"). Not the rest
    // of any number: "0-212-555-0133" still holds a phone.
    if mid_date(b, start) || v::all_same(c) {
        return;
    }
    // Include a leading '+' and an opening parenthesis.
    let mut plus = false;
    let mut k = start;
    while k > 0 && start - k < 3 && matches!(b[k - 1], b'+' | b'(' | b' ') {
        k -= 1;
        if b[k] == b'+' {
            plus = true;
            start = k;
        } else if b[k] == b'(' {
            start = k;
        }
    }
    if b.get(start) == Some(&b' ') {
        start += 1;
    }
    let cb = c.as_bytes();
    let intl00 = c.starts_with("00") && n >= 11;
    let groups = lens.len();
    let base: f32 = if plus || intl00 {
        if (8..=15).contains(&n) && cb[if intl00 { 2 } else { 0 }] != b'0' {
            0.8
        } else {
            0.0
        }
    } else if n == 10 && (b'2'..=b'9').contains(&cb[0]) && (b'2'..=b'9').contains(&cb[3]) {
        let parens = b.get(start) == Some(&b'(');
        if lens == [3, 3, 4] || parens {
            0.7
        } else if groups == 1 {
            0.3
        } else {
            0.4
        }
    } else if n == 10 && cb[0] == b'3' && (b'1'..=b'9').contains(&cb[1]) {
        // An Italian mobile ("347 004 1378", "320-9434465"): only with a phone word.
        0.3
    } else if n == 11 && cb[0] == b'1' && (b'2'..=b'9').contains(&cb[1]) && groups >= 3 {
        0.65
    } else if n == 11 && cb[2] == b'9' && cb[0] != b'0' && b.get(start) == Some(&b'(') && lens[0] == 2 {
        // A Brazilian mobile: "(61) 99674-5201", area code in brackets, then 9 and eight digits.
        0.7
    } else if n == 9 && (cb[0] == b'2' || (b'6'..=b'9').contains(&cb[0])) {
        // Spanish and Portuguese numbers carry no trunk 0: "656 882 014",
        // "95 778 90 45", "969 666 327", "21 234 5678".
        if groups >= 3 && lens.iter().all(|&l| l >= 2) {
            0.4
        } else {
            0.25
        }
    } else if cb[0] == b'0' && cb.get(1) != Some(&b'0') && (9..=12).contains(&n) {
        if groups >= 2 && lens.iter().all(|&l| l >= 2) {
            0.55
        } else {
            0.35
        }
    } else {
        0.0
    };
    if base <= 0.0 {
        return;
    }
    // An amount with thousands separators ("2,345,678,901") is no phone.
    let thousands = groups >= 2
        && lens[0] <= 3
        && lens[1..].iter().all(|&l| l == 3)
        && toks
            .windows(2)
            .all(|w| b.get(w[0].end) == Some(&b',') && w[1].start == w[0].end + 1);
    if thousands {
        return;
    }
    // Dates and times look like digit groups too.
    if groups == 3 && lens[0] <= 4 && lens.contains(&4) && n == 8 {
        return;
    }
    // A date and its clock's hour ("08-10-2026 08:50"), a log's milliseconds,
    // process and thread ("15:41:50.062  5946  29713"). (A number broken across
    // lines stays a phone: "+34\n760 041 909".)
    let clock_after = b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    let before = &b[start.saturating_sub(9)..start];
    let clock_before = before.len() == 9
        && before[8] == b'.'
        && before[2] == b':'
        && before[5] == b':'
        && before
            .iter()
            .enumerate()
            .all(|(i, c)| matches!(i, 2 | 5 | 8) || c.is_ascii_digit());
    if (clock_after && lens.last().is_some_and(|&l| l <= 2)) || clock_before {
        return;
    }
    // A phone word after the number counts on the same line, unless a
    // field ends in between ("Driver's license: 926678232 (GA)\nPhone: ...").
    let word_after = ctx
        .after(end, cx::PHONE, 16)
        .is_some_and(|h| !text[end..h.start].contains(['\n', '|', '\t']));
    let layout = n == 10 && (lens == [3, 3, 4] || b.get(start) == Some(&b'('));
    // "acct 00375111498", "checking account 00498917575": the label before says what it is.
    // An identifier's own label right before it ("NHS no 444 709 8261. To cancel
    // call …") outweighs a phone word after it.
    let id_label = cx::ACCOUNT
        | cx::MRN
        | cx::HEALTH_PLAN
        | cx::NHS
        | cx::SSN
        | cx::ITIN
        | cx::NPI
        | cx::DEA
        | cx::NINO
        | cx::PASSPORT
        | cx::DRIVER_LICENSE
        | cx::DE_TAX
        | cx::NL_BSN
        | cx::FR_NIR
        | cx::ES_DNI
        | cx::IT_FISCAL;
    let labelled_id = ctx
        .nearest_before(start, id_label | cx::PHONE, 24)
        .is_some_and(|h| h.kinds & id_label != 0 && h.kinds & cx::PHONE == 0);
    // Right before it, with only "no", "number", "is" or punctuation between:
    // then the label outweighs a phone word after the number too.
    let own_label = labelled_id
        && ctx.nearest_before(start, id_label, 24).is_some_and(|h| {
            text[h.end..start]
                .split(|c: char| c.is_whitespace() || matches!(c, ':' | '#' | '-' | '.' | '('))
                .all(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "" | "no" | "nr" | "number" | "num" | "n°" | "nº" | "is"
                    )
                })
        });
    let s = if (ctx.nearest_before(start, cx::PHONE, 40).is_some() || word_after) && !own_label {
        (base + 0.35).max(0.9)
    } else if labelled_id {
        (base - penalty).min(0.6)
    } else if layout {
        base - layout_penalty
    } else {
        base - penalty
    };
    push(out, Kind::Phone, start, end, s, "phone.format");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::ContextIndex;

    fn run(text: &str) -> Vec<(String, String, f32)> {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        idx.find(text, &mut hits);
        let mut out = Vec::new();
        scan(text, &Context { hits: &hits }, &mut out);
        out.into_iter()
            .filter(|c| c.score >= 0.5)
            .map(|c| (c.kind.to_string(), text[c.start..c.end].to_string(), c.score))
            .collect()
    }

    fn has(found: &[(String, String, f32)], kind: &str, value: &str) -> bool {
        found.iter().any(|(k, v, _)| k == kind && v == value)
    }

    #[test]
    fn a_bic_after_an_iban_and_a_slash() {
        let found = run("RIB : FR7630006000011234567890189 / AGRIFRPP882 merci");
        assert!(has(&found, "SWIFT_BIC", "AGRIFRPP882"), "{found:?}");
        assert!(!run("FR7630006000011234567890189 / AGRIFRPP882X")
            .iter()
            .any(|(k, _, _)| k == "SWIFT_BIC"));
    }

    #[test]
    fn a_date_and_its_clock_and_a_logs_process_ids_are_no_phones() {
        for text in [
            "08-10-2026 08:50 - Noor: hoi",
            "2026-07-01 10:30:28,872 INFO sync",
            "03-21 15:41:50.062  5946  29713 I Telematics: ok",
            // A row's date, then the next row's code.
            "HT-791/M,Dry bag,24.50,2021-08-29\n076.707.63,Headlamp",
            // An input mask.
            "type: tel\nmask: \"(999) 999-9999\"",
        ] {
            assert!(!run(text).iter().any(|(k, _, _)| k == "PHONE"), "{text}");
        }
        assert!(has(&run("call me on 0612 345 678"), "PHONE", "0612 345 678"));
        assert!(has(&run("call 1-212-555-0133 today"), "PHONE", "1-212-555-0133"));
        // Digits joined before a phone do not hide it.
        assert!(run("call 0-212-555-0133 today")
            .iter()
            .any(|(k, v, _)| k == "PHONE" && v.ends_with("555-0133")));
        // Broken across lines, a number is still one.
        assert!(has(
            &run("Contact: +44 20\n5974 8221 today"),
            "PHONE",
            "+44 20\n5974 8221"
        ));
    }

    #[test]
    fn phones_after_the_words_that_ask_for_a_call_back() {
        for (text, phone) in [
            ("en een terugbelnummer beller: 0681644522", "0681644522"),
            ("Belt u ons op 0681944792 of mail", "0681944792"),
            ("e un numero per richiamarla: 3601240515", "3601240515"),
        ] {
            assert!(has(&run(text), "PHONE", phone), "{text}");
        }
    }

    #[test]
    fn a_tab_ends_a_number() {
        // A table's date, then its phone: no number across the cells.
        let found = run("12/03/1961\t(415) 555-0137");
        assert!(found.iter().all(|(_, v, _)| !v.contains('\t')), "{found:?}");
        assert!(has(&found, "PHONE", "(415) 555-0137"), "{found:?}");
    }

    #[test]
    fn cards_with_any_separators() {
        for t in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4111/1111/1111/1111",
            "4111111111111111",
            "4111 1111\n1111 1111",
        ] {
            let f = run(&format!("pay with {t} today"));
            assert!(has(&f, "CREDIT_CARD", t), "{t}: {f:?}");
        }
        assert!(run("pay with 4111 1111 1111 1112 today")
            .iter()
            .all(|(k, _, _)| k != "CREDIT_CARD"));
    }

    #[test]
    fn a_labelled_routing_number_and_an_account_number_that_looks_like_a_phone() {
        // The check digit holds; the prefix names no Federal Reserve district.
        assert!(has(
            &run("ABA routing: 393846340 SWIFT"),
            "US_BANK_ROUTING",
            "393846340"
        ));
        assert!(!has(&run("ticket 393846340 closed"), "US_BANK_ROUTING", "393846340"));
        // An account label right before: the phone yields to the account number.
        let phone = |t: &str| run(t).into_iter().any(|(k, _, s)| k == "PHONE" && s >= 0.7);
        assert!(!phone("checking account 00498917575."));
        assert!(phone("Call me at 00498917575"));
        // An identifier's own label right before outweighs a phone word after it;
        // a label further off ("the beneficiary at") does not.
        assert!(!phone("NHS no 943 476 5919. Please call us to rebook"));
        assert!(phone("Call the beneficiary at 0113 496 0338."));
    }

    #[test]
    fn a_bic_in_brackets_after_an_iban() {
        let f = run("Bankverbindung: DE12 5001 0517 0648 4898 90 (COBADEFFXXX), danke");
        assert!(has(&f, "IBAN", "DE12 5001 0517 0648 4898 90"), "{f:?}");
        assert!(has(&f, "SWIFT_BIC", "COBADEFFXXX"), "{f:?}");
        // A word in brackets, or a code after something that is no IBAN.
        assert!(!run("DE12 5001 0517 0648 4898 90 (Girokonto)")
            .iter()
            .any(|(k, _, _)| k == "SWIFT_BIC"));
        assert!(!run("order 12345 (COBADEFF)")
            .iter()
            .any(|(k, _, s)| k == "SWIFT_BIC" && *s >= 0.5));
        // An e-mail address's local part near a BIC's label is no BIC.
        assert!(!run("BIC BNPAFRPP. Contact : mkeller88@orange.fr")
            .iter()
            .any(|(k, v, _)| k == "SWIFT_BIC" && v == "mkeller88"));
    }

    #[test]
    fn social_alone_names_an_ssn_but_social_media_does_not() {
        assert!(has(
            &run("please mask my full social (231564789) in the letter"),
            "US_SSN",
            "231564789"
        ));
        assert!(!run("my social media id is 231564789")
            .iter()
            .any(|(k, _, _)| k == "US_SSN"));
    }

    #[test]
    fn ssn_needs_format_or_context() {
        assert!(has(&run("his number is 536-22-1234."), "US_SSN", "536-22-1234"));
        assert!(has(&run("SSN 536221234"), "US_SSN", "536221234"));
        assert!(!has(&run("reference 536221234"), "US_SSN", "536221234"));
        assert!(run("SSN 666-22-1234").iter().all(|(k, _, _)| k != "US_SSN"));
    }

    #[test]
    fn an_identifiers_own_layout_survives_a_reference_word() {
        // "reference" or "order" before a bare run of digits hides it; before
        // an SSN's 3-2-4 or a phone's 3-3-4 layout it only lowers the score.
        assert!(has(&run("Reference record: 536-22-1234"), "US_SSN", "536-22-1234"));
        assert!(has(&run("Order ref: 415-555-0132"), "PHONE", "415-555-0132"));
        assert!(has(&run("Reference (415) 555-0132"), "PHONE", "(415) 555-0132"));
        assert!(!has(&run("Order ref: 4155550132"), "PHONE", "4155550132"));
    }

    #[test]
    fn european_identifiers() {
        assert!(has(
            &run("IBAN: DE89 3704 0044 0532 0130 00."),
            "IBAN",
            "DE89 3704 0044 0532 0130 00"
        ));
        assert!(has(
            &run("IBAN GB82 WEST 1234 5698 7654 32"),
            "IBAN",
            "GB82 WEST 1234 5698 7654 32"
        ));
        assert!(has(&run("NI number AB 12 34 56 C please"), "UK_NINO", "AB 12 34 56 C"));
        assert!(has(&run("DNI 12345678Z"), "ES_DNI", "12345678Z"));
        assert!(has(&run("CF RSSMRA85T10A562S"), "IT_FISCAL_CODE", "RSSMRA85T10A562S"));
        assert!(has(
            &run("NIR 1 84 12 76 451 089 46"),
            "FR_NIR",
            "1 84 12 76 451 089 46"
        ));
        assert!(has(&run("Steuer-ID 86 095 742 719"), "DE_TAX_ID", "86 095 742 719"));
        assert!(has(&run("BSN 111222333"), "NL_BSN", "111222333"));
        assert!(has(&run("NHS number 943 476 5919"), "UK_NHS", "943 476 5919"));
        assert!(has(&run("VIN 1HGCM82633A004352"), "VEHICLE_ID", "1HGCM82633A004352"));
    }

    #[test]
    fn phones() {
        let f = run("call me at +1 (415) 555-0132 tomorrow");
        assert!(has(&f, "PHONE", "+1 (415) 555-0132"), "{f:?}");
        assert!(has(&run("Tel. 06 12 34 56 78"), "PHONE", "06 12 34 56 78"));
        assert!(has(&run("reach me: 415.555.0132"), "PHONE", "415.555.0132"));
        assert!(has(&run("+49 30 12345678"), "PHONE", "+49 30 12345678"));
        assert!(run("version 2024 released").is_empty());
        assert!(has(&run("Se llama a Sr. Ruiz al 656 882 014"), "PHONE", "656 882 014"));
        assert!(has(
            &run("Personne à prévenir : Inès, 0340188271."),
            "PHONE",
            "0340188271"
        ));
        assert!(!has(&run("Order 656882014 shipped"), "PHONE", "656882014"));
        // Brazilian mobiles, Italian mobiles and Portuguese numbers with their words.
        assert!(has(&run("Telefone: (11) 98765-4321"), "PHONE", "(11) 98765-4321"));
        assert!(has(&run("cell. 331 204 7788, sera"), "PHONE", "331 204 7788"));
        assert!(has(&run("telemóvel 912 345 678"), "PHONE", "912 345 678"));
        assert!(!has(&run("fattura 3310047788 pagata"), "PHONE", "3310047788"));
        assert!(!has(&run("pedido (12) 34567-8901 enviado"), "PHONE", "(12) 34567-8901"));
        assert!(!has(
            &run("License: 926678232 (GA)\nPhone: +1 615 685 4014"),
            "PHONE",
            "926678232"
        ));
    }

    #[test]
    fn routing_and_npi_need_context() {
        assert!(has(&run("routing number 021000021"), "US_BANK_ROUTING", "021000021"));
        assert!(has(&run("NPI: 1234567893"), "NPI", "1234567893"));
        assert!(!has(&run("value 1234567893"), "NPI", "1234567893"));
    }

    #[test]
    fn last_four_digits_are_not_findings() {
        assert!(run("card ending in 4242").is_empty());
        // A whole number after those words still is one: it was left in clear before.
        let f = run("card ending in 5120 was replaced by 4539 1488 0343 6467");
        assert!(has(&f, "CREDIT_CARD", "4539 1488 0343 6467"), "{f:?}");
        let f = run("meine alte Karte endet auf 5120, die neue ist 4539 1488  0343 6467");
        assert!(has(&f, "CREDIT_CARD", "4539 1488  0343 6467"), "{f:?}");
    }

    #[test]
    fn more_separators_inside_digit_groups() {
        for (text, kind, value) in [
            (
                "pay with 4111_1111_1111_1111 today",
                "CREDIT_CARD",
                "4111_1111_1111_1111",
            ),
            (
                "pay with 4111|1111|1111|1111 today",
                "CREDIT_CARD",
                "4111|1111|1111|1111",
            ),
            (
                "pay with 4111,1111,1111,1111 today",
                "CREDIT_CARD",
                "4111,1111,1111,1111",
            ),
            (
                "pay with 4111+1111+1111+1111 today",
                "CREDIT_CARD",
                "4111+1111+1111+1111",
            ),
            ("his number is 536|22|1234.", "US_SSN", "536|22|1234"),
            ("his number is 536:22:1234.", "US_SSN", "536:22:1234"),
            ("his number is 536~22~1234.", "US_SSN", "536~22~1234"),
            ("his number is 536_22_1234.", "US_SSN", "536_22_1234"),
            ("his number is 536,22,1234.", "US_SSN", "536,22,1234"),
            ("call me at 415|555|0132", "PHONE", "415|555|0132"),
            ("call me at 415~555~0132", "PHONE", "415~555~0132"),
        ] {
            let f = run(text);
            assert!(has(&f, kind, value), "{text}: {f:?}");
        }
    }

    #[test]
    fn ordinary_numbers_with_those_separators_are_not_identifiers() {
        for text in [
            "the meeting is at 12:30 today",
            "from 10:30:45 to 11:45:00",
            "population 1,234,567 in 2020",
            "revenue 2,345,678,901 dollars",
            "call volume 2,345,678,901 this year",
            "2+2 is 4, and 12+30 is 42",
            "ratio 16:9, scale 1:50000",
            "ids 12,34,56,78,90",
            "v1_2_3 and build_2024_01_15",
            "pay with 4111_1111_1111_1112 today",
            "SSN 666|22|1234",
            "at 2024-01-29 23:27:26,411 the job ran",
            "ts 2024-02-19 12:07:54,933 and 06:20:34.138889+00:00",
            "2025-10-30T06:20:34.834147 started",
        ] {
            let f = run(text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
    }

    #[test]
    fn ssn_shaped_numbers_in_the_9xx_area() {
        for text in [
            "SSN: 912-34-5678",
            "my social security number is 912345678",
            "ITIN 912-70-1234 on the W-7",
            "Taxpayer identification number (TIN): 987 65 4321",
            "his number is 912-70-1234.",
            "his number is 912-34-5678.",
            "Reference: 923-41-5678",
        ] {
            let f = run(text);
            assert!(f.iter().any(|(k, _, _)| k == "US_SSN"), "{text}: {f:?}");
        }
        for text in [
            "reference 912701234",
            "order 912701234",
            "SSN 900-00-1234",
            "SSN 999-99-9999",
        ] {
            let f = run(text);
            assert!(f.iter().all(|(k, _, _)| k != "US_SSN"), "{text}: {f:?}");
        }
    }

    #[test]
    fn peer_vectors_cards_nino_dni() {
        for card in ["122000000000003", "5019717010103742", "6759649826438453"] {
            let f = run(&format!("pay with {card} today"));
            assert!(has(&f, "CREDIT_CARD", card), "{card}: {f:?}");
        }
        assert!(has(&run("NI number ab 12 34 56 c"), "UK_NINO", "ab 12 34 56 c"));
        assert!(has(&run("his nino is ab123456c."), "UK_NINO", "ab123456c"));
        assert!(run("it is 1234567 now").iter().all(|(k, _, _)| k != "DEA_NUMBER"));
        assert!(has(&run("DNI 1234567-L"), "ES_DNI", "1234567-L"));
        assert!(has(&run("DNI 1234567L"), "ES_DNI", "1234567L"));
        assert!(!has(&run("DNI 1234567A"), "ES_DNI", "1234567A"));
    }

    #[test]
    fn an_iban_in_lower_case_with_its_banks_code() {
        let f = run("asking why gb29 nwbk 6016 1331 9268 19 got rejected");
        assert!(has(&f, "IBAN", "gb29 nwbk 6016 1331 9268 19"), "{f:?}");
    }

    #[test]
    fn iban_shaped_runs_are_no_phone_and_labels_name_their_numbers() {
        for t in ["IBAN DE89 3704 0044 0532 0130 01", "FR76 3000 6000 0112 3456 7890 188"] {
            let f = run(t);
            assert!(
                f.iter().all(|(k, _, _)| k != "PHONE" && k != "CREDIT_CARD"),
                "{t}: {f:?}"
            );
        }
        let f = run("Chicago, IL 60688-8590. SSN: 703-59-2128");
        assert!(!has(&f, "US_SSN", "60688-8590"), "{f:?}");
        let f = run("SSN 536-22-1234, routing 021000021");
        assert!(
            f.iter()
                .any(|(k, v, s)| k == "US_BANK_ROUTING" && v == "021000021" && *s > 0.9),
            "{f:?}"
        );
        assert!(
            !f.iter().any(|(k, v, s)| k == "US_SSN" && v == "021000021" && *s > 0.9),
            "{f:?}"
        );
    }
}
