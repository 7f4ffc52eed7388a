//! Numbers written as they are spoken, rewritten as digits before matching.
//!
//! Call transcripts, voicemails and dictation carry identifiers as words:
//! "five five five, eight six seven, five three oh nine", "nineteen
//! sixty-two", "zéro six, douze, trente-quatre", "treinta y dos". A pattern
//! for digits reads none of them. [`rewrites`] finds runs of number words in
//! seven languages (Dutch too) and says which digits each word stands for; the
//! normalizer puts those digits in the scanned copy with every byte mapped
//! back to its word, so a finding covers the words themselves.
//!
//! A run is rewritten only when it is a number nobody would write in words
//! in running prose: two number words that are not also ordinary words (as
//! "one", "un", "otto" or "once" are), or four of any kind; and when there
//! are only two, they must make a number of three digits or more ("nineteen
//! sixty", "four twelve"), not a quantity ("five hundred"). Inside a
//! run, "oh" is zero, "double"/"triple" repeat the next digit, a tens word and
//! a unit make one number ("twenty four", "treinta y dos", "vinte e dois"),
//! "hundred" and "thousand" multiply, fillers ("uh", "um") are dropped, and a
//! comma, dash or full stop between words becomes one space, the way the
//! groups of a phone or card number are written.
//!
//! Capital letters said alone join the digits around them into a code when
//! the run has spoken digits and four words or more: "G B nine five, N W B K,
//! seven seven three two" is `GB95 NWBK 7732` (an IBAN the IBAN check then
//! reads), "W D L four Y E T H oh two S R" a licence.

use crate::windowed::{ceil_char, floor_char};

/// A piece of the rewritten text: `out` stands for bytes `start..end` of the
/// input. Pieces are sorted and disjoint; bytes outside them are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub out: String,
}

/// What one word means inside a spoken number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// 0 to 9.
    Unit(u8),
    /// 10 to 99 said as one word ("twelve", "sixty", "vingt-deux").
    Pair(u8),
    /// A tens word that a unit may complete ("twenty" [four], "treinta" [y dos]).
    Tens(u8),
    /// "hundred", "cent", "hundert", "cien(to)", "cento", "cem".
    Hundred,
    /// "thousand", "mille", "tausend", "mil".
    Thousand,
    /// "double" / "triple": the next unit, two or three times.
    Times(u8),
    /// Joins a tens word and its unit ("y", "e", "et", "und"), or hundreds and the rest ("and").
    Joiner,
    /// Hesitation inside a run ("uh", "um", "euh", "äh", "eh").
    Filler,
    /// Units said as one hyphenated word ("five-five-five", "oh-nine"): the value and how many digits.
    Seq(u64, u8),
    /// A number from 100 said as one word ("novecientos", "quinhentos",
    /// "neunzehnhundertsiebenundneunzig", "millenovecentottantaquattro").
    Value(u16),
    /// A day of the month said as an ordinal, and how it is written in digits.
    Ordinal(u8, Style),
    /// A capital letter said alone inside a code: "G B nine five, N W B K, …"
    /// (an IBAN), "G four seven eight …" (a passport), "W D L four …" (a licence).
    Letter(u8),
    /// Digits written as digits among spoken ones, as speech recognisers
    /// mix them ("four one one 7 3 nine"): their value and how many there are.
    Numeral(u16, u8),
}

/// How an ordinal is written in digits: "23rd", "16.", "1er", or "1".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    English,
    German,
    French,
    Plain,
}

impl Style {
    fn write(self, n: u8) -> String {
        match self {
            Style::English => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            Style::German => format!("{n}."),
            Style::French if n == 1 => "1er".into(),
            Style::French | Style::Plain => n.to_string(),
        }
    }
}

/// A number word found in the text.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    tok: Tok,
    /// Also an ordinary word ("one", "un", "once", "otto", "oh").
    common: bool,
}

/// The pieces that put digits in place of the spoken numbers of `text`.
pub fn rewrites(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut run: Vec<Word> = Vec::new();
    let mut lower = String::new();
    let mut words = number_words(text).peekable();
    let mut numerals = numerals(text).peekable();
    // Number words and numerals, in the order of the text.
    let tokens = std::iter::from_fn(|| match (words.peek(), numerals.peek()) {
        (Some(w), Some(n)) if n.0 < w.0 => numerals.next(),
        (Some(_), _) => words.next(),
        (None, _) => numerals.next(),
    });
    for (start, end) in tokens {
        let found = if text.as_bytes()[start].is_ascii_digit() {
            numeral(&text[start..end])
        } else {
            lookup(&text[start..end], &mut lower)
        };
        let Some((tok, common)) = found else {
            continue;
        };
        let word = Word {
            start,
            end,
            tok,
            common,
        };
        match run.last() {
            Some(prev) if prev.end > start => continue,
            Some(prev) => match gap(text, prev.end, start, &mut lower) {
                Some(between) => run.extend(between),
                None => flush(text, &mut run, &mut pieces),
            },
            None => {}
        }
        run.push(word);
    }
    flush(text, &mut run, &mut pieces);
    pieces
}

/// The joiners and fillers between two number words of one run ("treinta
/// y dos", "five uh five"), or `None` when the text between them ends the
/// run: a word of another kind, a line break, or more than one comma, dash,
/// full stop or semicolon (or run of them, as in "five... six").
fn gap(text: &str, from: usize, to: usize, lower: &mut String) -> Option<Vec<Word>> {
    let between = &text[from..to];
    let mut words = Vec::new();
    // Marks in a row count once: "five... six" is a pause, as "five, six" is.
    let mut marks = 0;
    // A speaker's correction ("no sorry", "i mean", "nee wacht"): a pause too.
    let mut corrections = 0;
    let mut corrected = false;
    let mut last_mark = false;
    let mut at = 0;
    for (i, c) in between.char_indices() {
        if i < at {
            continue;
        }
        let mark = is_mark(c);
        if mark && !last_mark {
            marks += 1;
        }
        last_mark = mark;
        match c {
            ' ' | '\t' => {}
            _ if mark => {}
            c if c.is_alphabetic() => {
                let len = between[i..]
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(between.len() - i);
                let (start, end) = (from + i, from + i + len);
                match lookup(&text[start..end], lower) {
                    Some((tok @ (Tok::Joiner | Tok::Filler), common)) if words.len() < 2 => {
                        words.push(Word {
                            start,
                            end,
                            tok,
                            common,
                        });
                    }
                    _ if corrections < 3 && correction(&text[start..end], &mut corrected) => corrections += 1,
                    _ => return None,
                }
                at = i + len;
            }
            _ => return None,
        }
    }
    if corrections > 0 && !corrected {
        return None;
    }
    (marks + usize::from(corrected) <= 1 && !between.is_empty()).then_some(words)
}

/// A digit's word only Portuguese has, of those that may stand beside "um".
fn portuguese_digit(word: &str) -> bool {
    [
        "dois", "duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the text between two groups of a run is a pause: a mark, or a correction.
fn pause(between: &str) -> bool {
    let mut strong = false;
    between.chars().any(is_mark)
        || between
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| correction(w, &mut strong) || lookup(w, &mut String::new()).is_some())
            && strong
}

/// Whether `word` belongs to a speaker's correction of the digits just said
/// ("no sorry", "i mean", "no wait", "non pardon", "nee wacht", "não
/// desculpe", "scusi", "cioè", "digo", "aliás"), and sets `strong` when it
/// is the word that makes one: "no" or "i" alone correct nothing.
fn correction(word: &str, strong: &mut bool) -> bool {
    const STRONG: [&str; 16] = [
        "sorry",
        "wait",
        "mean",
        "pardon",
        "scusi",
        "scusa",
        "cioè",
        "digo",
        "perdón",
        "perdon",
        "aliás",
        "wacht",
        "desculpe",
        "entschuldigung",
        "correction",
        "meine",
    ];
    const WEAK: [&str; 8] = ["no", "i", "non", "nee", "não", "nein", "ich", "oh"];
    let w = word.to_lowercase();
    if STRONG.contains(&w.as_str()) {
        *strong = true;
        return true;
    }
    WEAK.contains(&w.as_str())
}

/// A mark between the words of a spoken number that stands for a pause
/// between its groups: a comma, a dash, a full stop, a semicolon, an ellipsis.
fn is_mark(c: char) -> bool {
    matches!(c, ',' | '-' | '.' | ';' | '–' | '—' | '…')
}

/// Turns a finished run into pieces when it qualifies, and empties it.
fn flush(text: &str, run: &mut Vec<Word>, pieces: &mut Vec<Piece>) {
    // Portuguese "um" is one, not a hesitation, beside Portuguese digits: "nove um seis".
    for k in 0..run.len() {
        if run[k].tok == Tok::Filler && text[run[k].start..run[k].end].eq_ignore_ascii_case("um") {
            let beside = |w: Option<&Word>| w.is_some_and(|w| portuguese_digit(&text[w.start..w.end]));
            if beside(k.checked_sub(1).map(|i| &run[i])) || beside(run.get(k + 1)) {
                run[k].tok = Tok::Unit(1);
            }
        }
    }
    // A run does not end on a joiner or a filler ("twenty and", "five uh").
    while run.last().is_some_and(|w| matches!(w.tok, Tok::Joiner | Tok::Filler)) {
        run.pop();
    }
    // Numerals join a run that two number words or more make spoken ("4 five
    // six", not "page 12 of 40" nor "2024 one patient"), or a code spelled
    // one character at a time ("N L 5 6 R A B O 8 9 …", not "OH 59 90 52 A").
    let numerals = run.iter().any(|w| matches!(w.tok, Tok::Numeral(..)));
    let count = |f: fn(Tok) -> bool| run.iter().filter(|w| f(w.tok)).count();
    let said = || count(|t| !matches!(t, Tok::Numeral(..) | Tok::Letter(_) | Tok::Joiner | Tok::Filler));
    let spelled = || count(|t| matches!(t, Tok::Letter(_))) >= 2 && count(|t| matches!(t, Tok::Numeral(_, 2..))) == 0;
    if numerals && said() < 2 && !spelled() {
        if let Some(date) = numeral_date(text, run) {
            pieces.extend(date);
        }
        run.clear();
        return;
    }
    if let (Some(first), Some(last)) = (run.first(), run.last()) {
        let dated = Dated {
            month_before: month_before(text, first.start),
            month_after: month_after(text, last.end),
        };
        if let Some(out) = convert(text, run, dated) {
            // "plus four four double seven …": an international number's '+', said as a word.
            let digits: usize = out
                .iter()
                .map(|p| p.out.bytes().filter(u8::is_ascii_digit).count())
                .sum();
            if let Some(plus) = plus_before(text, first.start).filter(|_| digits >= 10) {
                pieces.push(Piece {
                    start: plus,
                    end: first.start,
                    out: "+".into(),
                });
            }
            pieces.extend(out);
        }
    }
    run.clear();
}

/// Where "plus" (or "más", "mais", "più") starts when it is the word right before
/// `start`, one space between.
fn plus_before(text: &str, start: usize) -> Option<usize> {
    let (word_start, word) = last_word(text[..start].strip_suffix(' ')?);
    matches!(
        word.to_lowercase().as_str(),
        "plus" | "más" | "mas" | "mais" | "più" | "piu"
    )
    .then_some(word_start)
}

/// Whether a run of number words sits beside a month's name, where one
/// number word alone is a day ("august twenty-sixth", "the fourth of
/// march", "quince de octubre") and a day and a year are two numbers
/// ("december seventeen nineteen sixty-two").
#[derive(Debug, Clone, Copy, Default)]
struct Dated {
    month_before: bool,
    month_after: bool,
}

/// Whether the word before `start` is a month's name.
fn month_before(text: &str, start: usize) -> bool {
    is_month(last_word(text[..start].trim_end_matches([' ', ','])).1)
}

/// The letters that end `before`, and where they start (empty at its end when none do).
fn last_word(before: &str) -> (usize, &str) {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    (start, &before[start..])
}

/// Whether a month's name comes after `end`, perhaps after "of", "de", "du" or "di".
pub(crate) fn month_after(text: &str, end: usize) -> bool {
    let rest = past_link(&text[end..], &["of ", "de ", "du ", "di ", "del "]);
    let word = rest.find(|c: char| !c.is_alphabetic()).map_or(rest, |n| &rest[..n]);
    is_month(word)
}

/// `s` past its leading spaces and commas and the first of `links` it then
/// starts with, in any case: "of march" -> "march", ", de 2026" -> "2026".
fn past_link<'a>(s: &'a str, links: &[&str]) -> &'a str {
    let s = s.trim_start_matches([' ', ',']);
    links
        .iter()
        .find(|l| s.get(..l.len()).is_some_and(|head| head.eq_ignore_ascii_case(l)))
        .map_or(s, |l| &s[l.len()..])
}

/// Whether a year follows the month after `end`: "luglio 1980", "de marzo de 2026",
/// "mai neunzehnhundert…", "november nineteen …".
fn year_after_month(text: &str, end: usize) -> bool {
    let rest = past_link(&text[end..], &["of ", "de ", "du ", "di ", "del "]);
    let month_len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let after = past_link(&rest[month_len..], &["de ", "del "]);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let word = after.find(|c: char| !c.is_alphabetic()).map_or(after, |n| &after[..n]);
    digits == 4 || digits == 0 && lookup(word, &mut String::new()).is_some_and(|(t, _)| !matches!(t, Tok::Letter(_)))
}

/// A month's full name in one of the six languages, in any case.
fn is_month(word: &str) -> bool {
    if !(3..=10).contains(&word.chars().count()) {
        return false;
    }
    matches!(
        word.to_lowercase().as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "januar"
            | "jänner"
            | "februar"
            | "märz"
            | "mai"
            | "juni"
            | "juli"
            | "oktober"
            | "dezember"
            | "janvier"
            | "février"
            | "mars"
            | "avril"
            | "juin"
            | "juillet"
            | "août"
            | "septembre"
            | "octobre"
            | "novembre"
            | "décembre"
            | "enero"
            | "febrero"
            | "marzo"
            | "abril"
            | "mayo"
            | "junio"
            | "julio"
            | "agosto"
            | "septiembre"
            | "setiembre"
            | "octubre"
            | "noviembre"
            | "diciembre"
            | "gennaio"
            | "febbraio"
            | "aprile"
            | "maggio"
            | "giugno"
            | "luglio"
            | "settembre"
            | "ottobre"
            | "dicembre"
            | "januari"
            | "februari"
            | "maart"
            | "mei"
            | "augustus"
            | "janeiro"
            | "fevereiro"
            | "março"
            | "maio"
            | "junho"
            | "julho"
            | "setembro"
            | "outubro"
            | "novembro"
            | "dezembro"
    )
}

/// The pieces of one run, or none when it does not read as a spoken number.
fn convert(text: &str, run: &[Word], dated: Dated) -> Option<Vec<Piece>> {
    let numbers = run
        .iter()
        .filter(|w| !matches!(w.tok, Tok::Joiner | Tok::Filler))
        .count();
    let plain = run
        .iter()
        .filter(|w| !w.common && !matches!(w.tok, Tok::Joiner | Tok::Filler))
        .count();
    // Capital letters count only in a code with spoken digits: "G B nine five, N W B K, …".
    let letters = run.iter().filter(|w| matches!(w.tok, Tok::Letter(_))).count();
    let numbers = numbers - letters;
    let code = letters > 0 && numbers >= 1 && letters + numbers >= 4;
    if letters > 0 && !code {
        return convert_without_letters(text, run, dated);
    }
    let date = dated.month_before || dated.month_after;
    // One word beside a month is a day or a year ("june twenty-one", "le quatre mars").
    let ordinal = run.iter().any(|w| matches!(w.tok, Tok::Ordinal(..)));
    // A day that is also a word ("otto", "once") counts before a month and its year:
    // "otto luglio 1980", "once de marzo de 2026"; in lower case, as said, not a
    // street named after a date ("Av. Sete de Setembro, 1933").
    let dated_day = || {
        dated.month_after
            && text[run[0].start..].starts_with(|c: char| c.is_lowercase())
            && year_after_month(text, run[run.len() - 1].end)
    };
    let day_or_year = date && numbers == 1 && (plain == 1 || ordinal || dated_day());
    if !code && !day_or_year && (numbers < 2 || plain < 2 && numbers < 4) {
        return None;
    }
    // "five hundred", "two thousand": quantities, not identifiers.
    if !date && numbers == 2 && run.iter().any(|w| matches!(w.tok, Tok::Hundred | Tok::Thousand)) {
        return None;
    }
    // Each group: the words it covers and the digits they make.
    let mut groups: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let w = run[i];
        let (digits, used) = match w.tok {
            Tok::Unit(u) => hundreds(run, i, u32::from(u)).unwrap_or((u.to_string(), 1)),
            Tok::Pair(p) => hundreds(run, i, u32::from(p)).unwrap_or((format!("{p:02}"), 1)),
            Tok::Value(v) => more(run, i + 1, u32::from(v)),
            // "mil novecientos cuarenta y ocho", "mille neuf cent soixante-deux".
            Tok::Thousand if i == 0 || run[i - 1].tok == Tok::Filler => more(run, i + 1, 1000),
            Tok::Ordinal(n, style) => (style.write(n), 1),
            Tok::Letter(c) => (char::from(c).to_string(), 1),
            Tok::Tens(t) => {
                // "twenty four", "treinta y dos", "vinte e dois".
                let mut j = i + 1;
                if run.get(j).is_some_and(|n| n.tok == Tok::Joiner) {
                    j += 1;
                }
                match run.get(j).map(|n| n.tok) {
                    Some(Tok::Unit(u)) if u > 0 => {
                        let value = u32::from(t) + u32::from(u);
                        hundreds(run, j, value)
                            .map(|(d, used)| (d, used + j - i))
                            .unwrap_or((value.to_string(), j - i + 1))
                    }
                    // "twenty first": the tens and an ordinal.
                    Some(Tok::Ordinal(u, style)) if u < 10 && j == i + 1 => (style.write(t + u), 2),
                    _ => hundreds(run, i, u32::from(t)).unwrap_or((t.to_string(), 1)),
                }
            }
            Tok::Seq(value, len) => (format!("{value:0width$}", width = usize::from(len)), 1),
            Tok::Numeral(value, len) => (format!("{value:0width$}", width = usize::from(len)), 1),
            Tok::Times(n) => match run.get(i + 1).map(|n| n.tok) {
                Some(Tok::Unit(u)) => (u.to_string().repeat(usize::from(n)), 2),
                Some(Tok::Numeral(u @ 0..=9, 1)) => (u.to_string().repeat(usize::from(n)), 2),
                _ => return None,
            },
            // "hundred" with nothing before it: "a hundred", or prose.
            Tok::Hundred | Tok::Thousand => return None,
            Tok::Filler => {
                i += 1;
                continue;
            }
            // A joiner that joins no tens and unit ends one number and starts another ("two and three").
            Tok::Joiner => return convert_split(text, run, dated, |k| k == i),
        };
        groups.push((i, i + used - 1, digits));
        i += used;
    }
    let digits: usize = groups.iter().map(|g| g.2.len()).sum();
    if !code && !date && numbers == 2 && digits < 3 {
        return None;
    }
    // A day is its own number: after a month, before the year ("december
    // seventeen nineteen sixty-two" is 17 1962), and an ordinal always ("ninth nineteen ninety").
    let apart = |n: usize| {
        let (first, last, digits) = &groups[n - 1];
        let day = digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) && last - first <= 2;
        let year_after = groups[n..].iter().map(|g| g.2.len()).sum::<usize>() >= 4;
        matches!(run[*last].tok, Tok::Ordinal(..)) || n == 1 && dated.month_before && day && year_after
    };
    let mut pieces = Vec::new();
    for (n, (first, last, digits)) in groups.iter().enumerate() {
        if n > 0 {
            // The gap since the previous group: a space where a mark stood, else nothing.
            let prev_end = run[groups[n - 1].1].end;
            let start = run[*first].start;
            let mark = pause(&text[prev_end..start]) || apart(n);
            pieces.push(Piece {
                start: prev_end,
                end: start,
                out: if mark { " ".into() } else { String::new() },
            });
        }
        let (start, end) = (run[*first].start, run[*last].end);
        pieces.push(Piece {
            start,
            end,
            out: digits.clone(),
        });
    }
    // A month said beside the run makes it a day or a year already.
    if !code && !date && !ordinal && date_word_before(text, run[0].start) {
        as_birth_date(&mut pieces);
    }
    Some(pieces)
}

/// Whether a word of a person's date comes shortly before `start`: of
/// birth ("date of birth", "DOB", "born", "geboren", "né", "nacido", "nata",
/// "nascimento") or of a visit ("appointment", "Termin", "rendez-vous",
/// "cita", "visita", "consulta", "afspraak").
fn date_word_before(text: &str, start: usize) -> bool {
    let before = text[floor_char(text, start.saturating_sub(40))..start].to_lowercase();
    [
        "birth",
        "dob",
        "d.o.b",
        "born",
        "geboren",
        "geb.",
        "né ",
        "née",
        "nacid",
        "nacim",
        "nata ",
        "nato ",
        "nasc",
        "nací",
        "appointment",
        "booked for",
        "termin",
        "rendez-vous",
        "consultation",
        "cita ",
        "cita del",
        "visita",
        "consulta",
        "appuntamento",
        "afspraak",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// Three numerals after a word of a person's date, as a recogniser writes a
/// date said as digits: "date of birth 08 10 1985", "Termin am 3 11 2025".
/// Day and month of one or two digits, a year of two or four.
fn numeral_date(text: &str, run: &[Word]) -> Option<Vec<Piece>> {
    let [a, b, c] = run else { return None };
    let (Tok::Numeral(x, 1..=2), Tok::Numeral(y, 1..=2), Tok::Numeral(_, 2 | 4)) = (a.tok, b.tok, c.tok) else {
        return None;
    };
    let day_month = |d: u16, m: u16| (1..=31).contains(&d) && (1..=12).contains(&m);
    if !(day_month(x, y) || day_month(y, x)) || !date_word_before(text, a.start) {
        return None;
    }
    let slash = |from: &Word, to: &Word| Piece {
        start: from.end,
        end: to.start,
        out: "/".into(),
    };
    Some(vec![slash(a, b), slash(b, c)])
}

/// A date of birth said as digits ("zero four oh eight nineteen fifty-two"
/// is 04081952) written as one: `04/08/1952`, when its eight digits are a
/// day and a month in either order and a year from 1900 to 2029, or its six
/// digits a day, a month and a year's last two ("one two one one ninety
/// three" is `12/11/93`).
fn as_birth_date(pieces: &mut [Piece]) {
    let digits: String = pieces
        .iter()
        .flat_map(|p| p.out.chars())
        .filter(char::is_ascii_digit)
        .collect();
    let part = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<u32>().ok());
    let (Some(a), Some(b)) = (part(0..2), part(2..4)) else {
        return;
    };
    let day_month = (1..=12).contains(&a) && (1..=31).contains(&b) || (1..=31).contains(&a) && (1..=12).contains(&b);
    let year = match digits.len() {
        8 => part(4..8).is_some_and(|y| (1900..=2029).contains(&y)),
        6 => true,
        _ => false,
    };
    if !day_month || !year {
        return;
    }
    let mut seen = 0;
    for p in pieces.iter_mut() {
        if !p.out.bytes().all(|c| c.is_ascii_digit()) {
            // A space between groups: the slashes separate them now.
            p.out.clear();
            continue;
        }
        let mut out = String::with_capacity(p.out.len() + 2);
        for c in p.out.chars() {
            if seen == 2 || seen == 4 {
                out.push('/');
            }
            out.push(c);
            seen += 1;
        }
        p.out = out;
    }
}

/// A run that holds capital letters but is no code ("Plan B twenty
/// minutes"): its number words alone, each stretch between letters a run of
/// its own.
fn convert_without_letters(text: &str, run: &[Word], dated: Dated) -> Option<Vec<Piece>> {
    convert_split(text, run, dated, |k| matches!(run[k].tok, Tok::Letter(_)))
}

/// A run cut at the words `at` picks (they are dropped), each part converted
/// on its own: the month before the run belongs to the first part, the month
/// after it to the last.
fn convert_split(text: &str, run: &[Word], dated: Dated, at: impl Fn(usize) -> bool) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for k in 0..=run.len() {
        if k < run.len() && !at(k) {
            continue;
        }
        let part_dated = Dated {
            month_before: dated.month_before && start == 0,
            month_after: dated.month_after && k == run.len(),
        };
        if start < k {
            pieces.extend(convert(text, &run[start..k], part_dated).unwrap_or_default());
        }
        start = k + 1;
    }
    (!pieces.is_empty()).then_some(pieces)
}

/// A number that goes on from `value` with smaller parts from `run[i]`:
/// hundreds ("novecientos", "neuf cent"), tens and units ("cuarenta y
/// ocho"). Returns the digits and how many words it took, counting the one
/// before `i`.
fn more(run: &[Word], mut i: usize, mut value: u32) -> (String, usize) {
    let first = i - 1;
    loop {
        if run.get(i).is_some_and(|w| w.tok == Tok::Joiner) && i + 1 < run.len() {
            i += 1;
        }
        match run.get(i).map(|w| w.tok) {
            Some(Tok::Value(v)) if v < 1000 && value % 1000 == 0 => {
                value += u32::from(v);
                i += 1;
            }
            Some(Tok::Unit(u)) if value % 1000 == 0 && run.get(i + 1).is_some_and(|w| w.tok == Tok::Hundred) => {
                value += u32::from(u) * 100;
                i += 2;
            }
            Some(Tok::Hundred) if value % 1000 == 0 => {
                value += 100;
                i += 1;
            }
            Some(Tok::Tens(t)) if value % 100 == 0 => {
                value += u32::from(t);
                i += 1;
                let j = if run.get(i).is_some_and(|w| w.tok == Tok::Joiner) {
                    i + 1
                } else {
                    i
                };
                if let Some(Tok::Unit(u)) = run.get(j).map(|w| w.tok) {
                    value += u32::from(u);
                    i = j + 1;
                }
                break;
            }
            Some(Tok::Pair(p)) if value % 100 == 0 => {
                value += u32::from(p);
                i += 1;
                break;
            }
            Some(Tok::Unit(u)) if value % 10 == 0 && value >= 100 => {
                value += u32::from(u);
                i += 1;
                break;
            }
            _ => break,
        }
    }
    // A joiner the number did not take stays outside it.
    while i > first + 1 && run[i - 1].tok == Tok::Joiner {
        i -= 1;
    }
    (value.to_string(), i - first)
}

/// `value` at `run[i]` followed by "hundred"/"thousand" [and] [rest]: the
/// digits and how many words they took ("five hundred and twelve" → 512,
/// "nineteen hundred" → 1900, "two thousand and five" → 2005).
fn hundreds(run: &[Word], i: usize, value: u32) -> Option<(String, usize)> {
    let scale = match run.get(i + 1)?.tok {
        Tok::Hundred => 100,
        Tok::Thousand => 1000,
        _ => return None,
    };
    let mut j = i + 2;
    if run.get(j).is_some_and(|w| w.tok == Tok::Joiner) {
        j += 1;
    }
    let (rest, used) = match run.get(j).map(|w| w.tok) {
        Some(Tok::Unit(u)) => (u32::from(u), 1),
        Some(Tok::Pair(p)) => (u32::from(p), 1),
        Some(Tok::Tens(t)) => match run.get(j + 1).map(|w| w.tok) {
            Some(Tok::Unit(u)) if u > 0 => (u32::from(t) + u32::from(u), 2),
            _ => (u32::from(t), 1),
        },
        _ => return Some(((value * scale).to_string(), 2)),
    };
    if rest >= scale {
        return Some(((value * scale).to_string(), 2));
    }
    Some(((value * scale + rest).to_string(), j - i + used))
}

/// The words of `text` that may be number words, as byte ranges: runs of
/// letters, with inner hyphens ("twenty-four", "quatre-vingt-dix"), whose
/// first three letters are those of a word of the vocabulary or of a glued
/// tens stem. A table of those beginnings stops ordinary words ("the",
/// "patient") with one lookup, so they cost no more than the pass itself.
fn number_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let beginnings = &vocabulary().beginnings;
    let mut pos = 0;
    // Word starts are found 64 bytes at a time, without a branch per byte:
    // a bit per byte that may be part of a word (an ASCII letter, or any byte
    // of a character above ASCII), and a word starts where such a byte
    // follows one that is not. Only starts whose beginning is a number
    // word's are looked at further.
    let mut chunk = 0;
    let mut starts = 0u64;
    let mut carry = false;
    std::iter::from_fn(move || loop {
        while starts == 0 {
            let from = chunk * 64;
            if from >= bytes.len() {
                return None;
            }
            let block = &bytes[from..bytes.len().min(from + 64)];
            let mut letters = 0u64;
            for (i, &b) in block.iter().enumerate() {
                letters |= u64::from(WORDISH[usize::from(b)]) << i;
            }
            starts = letters & !(letters << 1 | u64::from(carry));
            carry = letters >> 63 == 1 && block.len() == 64;
            chunk += 1;
        }
        let start = (chunk - 1) * 64 + starts.trailing_zeros() as usize;
        starts &= starts - 1;
        let alone = bytes.get(start + 1).is_none_or(|&c| WORDISH[usize::from(c)] != 1);
        let capital = bytes[start].is_ascii_uppercase() && alone;
        // A letter said alone in lower case, as recognisers write it ("x r seven one …"),
        // not a vowel that is a word ("a", "e", "o", "y") nor an elided article ("l'").
        let letter = capital
            || alone
                && lower_letter(bytes[start])
                && (start == 0 || matches!(bytes[start - 1], b' ' | b'\n' | b'\t'))
                && bytes
                    .get(start + 1)
                    .is_none_or(|&c| matches!(c, b' ' | b',' | b'.' | b'\n'));
        if start < pos || !(letter || beginnings.contains(beginning(&bytes[start..]))) || !text.is_char_boundary(start)
        {
            continue;
        }
        // Inside a hyphenated word ("x-five"), or after a character above
        // ASCII that is no letter ("—five").
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| {
            c.is_alphabetic() || c == '-' && text[..start - 1].chars().next_back().is_some_and(char::is_alphabetic)
        }) {
            continue;
        }
        let end = word_end(text, start);
        if end > start {
            pos = end;
            return Some((start, end));
        }
    })
}

/// Numerals of one to four digits that stand alone as a spoken digit's word
/// would: after a space, a bracket or the text's start, and before a space,
/// the text's end, or a mark that a space or the end follows. Not a part of
/// "3.5", "12:30", "1,000", "12/03", "B12" or "12kg".
fn numerals(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let start = pos + bytes[pos..].iter().position(u8::is_ascii_digit)?;
            let end = start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
            pos = end;
            let before = start.checked_sub(1).map(|i| bytes[i]);
            let alone_before = before.is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'(' | b'"'));
            let alone_after = match bytes.get(end) {
                None | Some(b' ' | b'\t' | b'\n' | b')' | b'"') => true,
                Some(b',' | b'.' | b';' | b'?' | b'!') => bytes.get(end + 1).is_none_or(|b| b.is_ascii_whitespace()),
                _ => false,
            };
            if end - start <= 4 && alone_before && alone_after {
                return Some((start, end));
            }
        }
        None
    })
}

/// A numeral's meaning inside a spoken number.
fn numeral(digits: &str) -> Option<(Tok, bool)> {
    let value = digits.parse().ok()?;
    Some((Tok::Numeral(value, digits.len() as u8), false))
}

/// A lower-case letter that may be said alone inside a code: no vowel that
/// is a word of its own in one of the languages.
fn lower_letter(c: u8) -> bool {
    c.is_ascii_lowercase() && !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Bytes that may be part of a word: ASCII letters and every byte of a
/// character above ASCII.
const WORDISH: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = ((b as u8).is_ascii_alphabetic() || b >= 0x80) as u8;
        b += 1;
    }
    table
};

/// Where the word that starts at `start` ends: letters, and hyphens with a
/// letter after them.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let hyphen = b == b'-' && end > start && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
        if b.is_ascii_alphabetic() || hyphen {
            end += 1;
        } else if b >= 0x80 {
            match text[end..].chars().next() {
                Some(c) if c.is_alphabetic() => end += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

/// A key of a word's first three bytes (fewer when it is shorter), the same for either case of a
/// letter (ASCII, and Latin-1's accented letters in UTF-8).
fn beginning(word: &[u8]) -> usize {
    // A hyphen ends the beginning of "oh-nine" as the word's end ends "oh".
    let key = |i: usize| match word.get(i) {
        Some(&b) if b.is_ascii_alphabetic() || b >= 0x80 => usize::from((b | 0x20) & 31),
        _ => 0,
    };
    key(0) << 10 | key(1) << 5 | key(2)
}

/// A set of [`beginning`] keys.
struct Beginnings(Vec<u64>);

impl Beginnings {
    fn insert(&mut self, key: usize) {
        self.0[key / 64] |= 1 << (key % 64);
    }

    fn contains(&self, key: usize) -> bool {
        self.0[key / 64] & (1 << (key % 64)) != 0
    }
}

/// The vocabulary as a map, and the beginnings of its words.
struct Vocabulary {
    words: std::collections::HashMap<&'static str, (Tok, bool)>,
    beginnings: Beginnings,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY_INDEX: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
    VOCABULARY_INDEX.get_or_init(|| {
        let words = VOCABULARY.iter().map(|&(w, tok, common)| (w, (tok, common))).collect();
        // Joiners and fillers are read in the gaps between number words.
        let mut beginnings = Beginnings(vec![0; (1 << 15) / 64]);
        VOCABULARY
            .iter()
            .filter(|(_, tok, _)| !matches!(tok, Tok::Joiner | Tok::Filler))
            .map(|(w, _, _)| *w)
            .chain(GLUED.iter().map(|(stem, _)| *stem))
            .for_each(|w| beginnings.insert(beginning(w.as_bytes())));
        Vocabulary { words, beginnings }
    })
}

/// The meaning of `word` in a spoken number, and whether it is also an
/// ordinary word. `lower` is scratch space.
fn lookup(word: &str, lower: &mut String) -> Option<(Tok, bool)> {
    // The longest: "neunzehnhundertsiebenundneunzig".
    if word.len() > 40 {
        return None;
    }
    if let [c @ b'A'..=b'Z'] = word.as_bytes() {
        return Some((Tok::Letter(*c), true));
    }
    if let [c] = word.as_bytes() {
        if lower_letter(*c) {
            return Some((Tok::Letter(c.to_ascii_uppercase()), true));
        }
    }
    lower.clear();
    if word.is_ascii() {
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(word.chars().flat_map(char::to_lowercase));
    }
    let w = lower.as_str();
    if let Some(found) = simple(w) {
        return Some(found);
    }
    // Only these words are numbers of parts: hyphenated ones, German ones
    // with "und", German ordinals, glued tens, and years in one word.
    // Cheap tests first: most words that get here are ordinary ("this", "doctor").
    let hyphen = w.contains('-');
    if !hyphen && w.len() < 6 {
        return None;
    }
    let glued = || GLUED.iter().any(|(stem, _)| w.starts_with(stem));
    let long = || {
        w.len() >= 9
            && ["und", "hundert", "tausend", "mille", "mila", "honderd", "duizend"]
                .iter()
                .any(|p| memchr::memmem::find(w.as_bytes(), p.as_bytes()).is_some())
    };
    if !(hyphen || w.ends_with("ten") || w.ends_with("tig") || w.ends_with("ter") || glued() || long()) {
        return None;
    }
    if let Some(v) = compound(w) {
        return Some((Tok::Pair(v), false));
    }
    // A German ordinal without an article's ending: "elfter", "vierzehnter"
    // read as "elften", "vierzehnten".
    if let Some(stem) = w.strip_suffix("ter") {
        let dative = format!("{stem}ten");
        if let Some(found @ (Tok::Ordinal(..), _)) = simple(&dative) {
            return Some(found);
        }
        return ordinal(&dative).map(|o| (o, false));
    }
    if let Some(found) = ordinal(w).or_else(|| year(w)) {
        return Some((found, false));
    }
    units_in_a_row(w).map(|seq| (seq, false))
}

/// A day said as an ordinal of parts: "twenty-third", "sechzehnten",
/// "einundzwanzigsten", "dreißigsten".
fn ordinal(w: &str) -> Option<Tok> {
    if let Some((tens, unit)) = w.rsplit_once('-') {
        let tens = match simple(tens)?.0 {
            Tok::Tens(t) => t,
            _ => return None,
        };
        return match simple(unit)?.0 {
            Tok::Ordinal(u, Style::English) if u < 10 => Some(Tok::Ordinal(tens + u, Style::English)),
            _ => None,
        };
    }
    let stem = w.strip_suffix("sten").or_else(|| w.strip_suffix("ten"))?;
    let n = match simple(stem).map(|f| f.0) {
        Some(Tok::Pair(p) | Tok::Tens(p)) => p,
        _ => compound(stem)?,
    };
    (n <= 31).then_some(Tok::Ordinal(n, Style::German))
}

/// A year said as one word: "neunzehnhundertsiebenundneunzig",
/// "zweitausendsechs", "millenovecentottantaquattro", "duemilatre".
fn year(w: &str) -> Option<Tok> {
    let value = if let Some((high, low)) = w.split_once("hundert") {
        part_value(high)? * 100 + part_value(low)?
    } else if let Some((high, low)) = w.split_once("tausend") {
        part_value(if high == "ein" { "eins" } else { high })? * 1000 + part_value(low)?
    } else if let Some(low) = w.strip_prefix("mille") {
        1000 + italian_hundreds(low)?
    } else if let Some((high, low)) = w.split_once("mila") {
        part_value(high)? * 1000 + italian_hundreds(low)?
    } else if let Some((high, low)) = w.split_once("honderd") {
        part_value(high)? * 100 + part_value(low)?
    } else if let Some((high, low)) = w.split_once("duizend") {
        part_value(high)? * 1000 + part_value(low)?
    } else {
        return None;
    };
    u16::try_from(value)
        .ok()
        .filter(|v| (1000..3000).contains(v))
        .map(Tok::Value)
}

/// The hundreds, tens and units of an Italian number in one word:
/// "novecentottantaquattro" (984), "tre" (3), "" (0).
fn italian_hundreds(w: &str) -> Option<u32> {
    if w.is_empty() {
        return Some(0);
    }
    let (hundreds, rest) = match w.find("cent") {
        Some(at) => {
            let h = match &w[..at] {
                "" => 1,
                unit => match simple(unit)?.0 {
                    Tok::Unit(u) => u32::from(u),
                    _ => return None,
                },
            };
            (h, &w[at + 4..])
        }
        None => (0, w),
    };
    // "novecentotre" keeps the o of "cento"; "novecentottanta" drops it.
    let low = part_value(rest).or_else(|| part_value(rest.strip_prefix('o')?))?;
    Some(hundreds * 100 + low)
}

/// The value of a part of a number written in one word: "" is 0, then a
/// number word ("neunzehn", "novecientos") or a compound ("siebenundneunzig").
fn part_value(p: &str) -> Option<u32> {
    if p.is_empty() {
        return Some(0);
    }
    match simple(p).map(|f| f.0) {
        Some(Tok::Unit(u)) => Some(u32::from(u)),
        Some(Tok::Pair(n) | Tok::Tens(n)) => Some(u32::from(n)),
        Some(Tok::Value(v)) => Some(u32::from(v)),
        _ => compound(p).map(u32::from),
    }
}

/// Units joined by hyphens ("five-five-five", "oh-nine"), up to 18 digits.
fn units_in_a_row(w: &str) -> Option<Tok> {
    let mut value = 0u64;
    let mut len = 0u8;
    for part in w.split('-') {
        match simple(part)?.0 {
            Tok::Unit(u) if len < 18 => {
                value = value * 10 + u64::from(u);
                len += 1;
            }
            _ => return None,
        }
    }
    (len >= 2).then_some(Tok::Seq(value, len))
}

/// Number words of one piece: the word, its meaning, and whether it is also an ordinary word.
#[rustfmt::skip]
const VOCABULARY: &[(&str, Tok, bool)] = &[
    // English
    ("zero", Tok::Unit(0), false),
    ("nought", Tok::Unit(0), false),
    ("oh", Tok::Unit(0), true),
    ("one", Tok::Unit(1), true),
    ("two", Tok::Unit(2), false),
    ("three", Tok::Unit(3), false),
    ("four", Tok::Unit(4), false),
    ("five", Tok::Unit(5), false),
    ("six", Tok::Unit(6), false),
    ("seven", Tok::Unit(7), false),
    ("eight", Tok::Unit(8), false),
    ("nine", Tok::Unit(9), false),
    ("ten", Tok::Pair(10), false),
    ("eleven", Tok::Pair(11), false),
    ("twelve", Tok::Pair(12), false),
    ("thirteen", Tok::Pair(13), false),
    ("fourteen", Tok::Pair(14), false),
    ("fifteen", Tok::Pair(15), false),
    ("sixteen", Tok::Pair(16), false),
    ("seventeen", Tok::Pair(17), false),
    ("eighteen", Tok::Pair(18), false),
    ("nineteen", Tok::Pair(19), false),
    ("twenty", Tok::Tens(20), false),
    ("thirty", Tok::Tens(30), false),
    ("forty", Tok::Tens(40), false),
    ("fourty", Tok::Tens(40), false),
    ("fifty", Tok::Tens(50), false),
    ("sixty", Tok::Tens(60), false),
    ("seventy", Tok::Tens(70), false),
    ("eighty", Tok::Tens(80), false),
    ("ninety", Tok::Tens(90), false),
    ("hundred", Tok::Hundred, false),
    ("thousand", Tok::Thousand, false),
    ("double", Tok::Times(2), true),
    ("triple", Tok::Times(3), true),
    ("and", Tok::Joiner, true),
    ("e", Tok::Joiner, true),
    ("y", Tok::Joiner, true),
    ("uh", Tok::Filler, true),
    ("um", Tok::Filler, true),
    ("umm", Tok::Filler, true),
    ("er", Tok::Filler, true),
    ("erm", Tok::Filler, true),
    ("ah", Tok::Filler, true),
    ("euh", Tok::Filler, true),
    ("äh", Tok::Filler, true),
    ("öh", Tok::Filler, true),
    ("ähm", Tok::Filler, true),
    ("eh", Tok::Filler, true),
    ("ehm", Tok::Filler, true),
    ("uhm", Tok::Filler, true),
    ("hmm", Tok::Filler, true),
    ("heu", Tok::Filler, true),
    ("hum", Tok::Filler, true),
    ("ahn", Tok::Filler, true),
    // Dutch ("vier", "acht" and "elf" are spelled as in German)
    ("nul", Tok::Unit(0), true),
    ("een", Tok::Unit(1), true),
    ("één", Tok::Unit(1), false),
    ("twee", Tok::Unit(2), false),
    ("drie", Tok::Unit(3), false),
    ("vijf", Tok::Unit(5), false),
    ("zes", Tok::Unit(6), false),
    ("zeven", Tok::Unit(7), false),
    ("negen", Tok::Unit(9), false),
    ("tien", Tok::Pair(10), false),
    ("twaalf", Tok::Pair(12), false),
    ("dertien", Tok::Pair(13), false),
    ("veertien", Tok::Pair(14), false),
    ("vijftien", Tok::Pair(15), false),
    ("zestien", Tok::Pair(16), false),
    ("zeventien", Tok::Pair(17), false),
    ("achttien", Tok::Pair(18), false),
    ("negentien", Tok::Pair(19), false),
    ("twintig", Tok::Tens(20), false),
    ("dertig", Tok::Tens(30), false),
    ("veertig", Tok::Tens(40), false),
    ("vijftig", Tok::Tens(50), false),
    ("zestig", Tok::Tens(60), false),
    ("zeventig", Tok::Tens(70), false),
    ("tachtig", Tok::Tens(80), false),
    ("negentig", Tok::Tens(90), false),
    ("honderd", Tok::Hundred, false),
    ("duizend", Tok::Thousand, false),
    // German
    ("null", Tok::Unit(0), true),
    ("eins", Tok::Unit(1), true),
    ("ein", Tok::Unit(1), true),
    ("zwei", Tok::Unit(2), false),
    ("zwo", Tok::Unit(2), false),
    ("drei", Tok::Unit(3), false),
    ("vier", Tok::Unit(4), false),
    ("fünf", Tok::Unit(5), false),
    ("sechs", Tok::Unit(6), false),
    ("sieben", Tok::Unit(7), false),
    ("acht", Tok::Unit(8), true),
    ("neun", Tok::Unit(9), false),
    ("zehn", Tok::Pair(10), false),
    ("elf", Tok::Pair(11), true),
    ("zwölf", Tok::Pair(12), false),
    ("dreizehn", Tok::Pair(13), false),
    ("vierzehn", Tok::Pair(14), false),
    ("fünfzehn", Tok::Pair(15), false),
    ("sechzehn", Tok::Pair(16), false),
    ("siebzehn", Tok::Pair(17), false),
    ("achtzehn", Tok::Pair(18), false),
    ("neunzehn", Tok::Pair(19), false),
    ("zwanzig", Tok::Tens(20), false),
    ("dreißig", Tok::Tens(30), false),
    ("dreissig", Tok::Tens(30), false),
    ("vierzig", Tok::Tens(40), false),
    ("fünfzig", Tok::Tens(50), false),
    ("sechzig", Tok::Tens(60), false),
    ("siebzig", Tok::Tens(70), false),
    ("achtzig", Tok::Tens(80), false),
    ("neunzig", Tok::Tens(90), false),
    ("hundert", Tok::Hundred, false),
    ("tausend", Tok::Thousand, false),
    ("und", Tok::Joiner, true),
    // French
    ("zéro", Tok::Unit(0), false),
    ("un", Tok::Unit(1), true),
    ("une", Tok::Unit(1), true),
    ("deux", Tok::Unit(2), false),
    ("trois", Tok::Unit(3), false),
    ("quatre", Tok::Unit(4), false),
    ("cinq", Tok::Unit(5), false),
    ("sept", Tok::Unit(7), false),
    ("huit", Tok::Unit(8), false),
    ("neuf", Tok::Unit(9), true),
    ("dix", Tok::Pair(10), false),
    ("onze", Tok::Pair(11), false),
    ("douze", Tok::Pair(12), false),
    ("treize", Tok::Pair(13), false),
    ("quatorze", Tok::Pair(14), false),
    ("quinze", Tok::Pair(15), false),
    ("seize", Tok::Pair(16), false),
    ("vingt", Tok::Tens(20), false),
    ("trente", Tok::Tens(30), false),
    ("quarante", Tok::Tens(40), false),
    ("cinquante", Tok::Tens(50), false),
    ("soixante", Tok::Tens(60), false),
    ("cent", Tok::Hundred, true),
    ("mille", Tok::Thousand, true),
    ("et", Tok::Joiner, true),
    // Spanish
    ("cero", Tok::Unit(0), false),
    ("uno", Tok::Unit(1), true),
    ("una", Tok::Unit(1), true),
    ("dos", Tok::Unit(2), true),
    ("tres", Tok::Unit(3), true),
    ("cuatro", Tok::Unit(4), false),
    ("cinco", Tok::Unit(5), false),
    ("seis", Tok::Unit(6), false),
    ("siete", Tok::Unit(7), false),
    ("ocho", Tok::Unit(8), false),
    ("nueve", Tok::Unit(9), false),
    ("diez", Tok::Pair(10), false),
    ("once", Tok::Pair(11), true),
    ("doce", Tok::Pair(12), false),
    ("trece", Tok::Pair(13), false),
    ("catorce", Tok::Pair(14), false),
    ("catorze", Tok::Pair(14), false),
    ("quince", Tok::Pair(15), false),
    ("dieciséis", Tok::Pair(16), false),
    ("diecisiete", Tok::Pair(17), false),
    ("dieciocho", Tok::Pair(18), false),
    ("diecinueve", Tok::Pair(19), false),
    ("veinte", Tok::Tens(20), false),
    ("treinta", Tok::Tens(30), false),
    ("cuarenta", Tok::Tens(40), false),
    ("cincuenta", Tok::Tens(50), false),
    ("sesenta", Tok::Tens(60), false),
    ("setenta", Tok::Tens(70), false),
    ("ochenta", Tok::Tens(80), false),
    ("noventa", Tok::Tens(90), false),
    ("cien", Tok::Hundred, false),
    ("ciento", Tok::Hundred, false),
    ("mil", Tok::Thousand, true),
    // Italian
    ("due", Tok::Unit(2), true),
    ("tre", Tok::Unit(3), true),
    ("quattro", Tok::Unit(4), false),
    ("cinque", Tok::Unit(5), false),
    ("sei", Tok::Unit(6), true),
    ("sette", Tok::Unit(7), false),
    ("otto", Tok::Unit(8), true),
    ("nove", Tok::Unit(9), true),
    ("dieci", Tok::Pair(10), false),
    ("undici", Tok::Pair(11), false),
    ("dodici", Tok::Pair(12), false),
    ("tredici", Tok::Pair(13), false),
    ("quattordici", Tok::Pair(14), false),
    ("quindici", Tok::Pair(15), false),
    ("sedici", Tok::Pair(16), false),
    ("diciassette", Tok::Pair(17), false),
    ("diciotto", Tok::Pair(18), false),
    ("diciannove", Tok::Pair(19), false),
    ("venti", Tok::Tens(20), false),
    ("trenta", Tok::Tens(30), false),
    ("quaranta", Tok::Tens(40), false),
    ("cinquanta", Tok::Tens(50), false),
    ("sessanta", Tok::Tens(60), false),
    ("settanta", Tok::Tens(70), false),
    ("ottanta", Tok::Tens(80), false),
    ("novanta", Tok::Tens(90), false),
    ("cento", Tok::Hundred, false),
    // Portuguese
    ("uma", Tok::Unit(1), true),
    ("dois", Tok::Unit(2), false),
    ("duas", Tok::Unit(2), false),
    ("três", Tok::Unit(3), false),
    ("sete", Tok::Unit(7), true),
    ("oito", Tok::Unit(8), false),
    ("dez", Tok::Pair(10), true),
    ("doze", Tok::Pair(12), false),
    ("treze", Tok::Pair(13), false),
    ("dezesseis", Tok::Pair(16), false),
    ("dezasseis", Tok::Pair(16), false),
    ("dezessete", Tok::Pair(17), false),
    ("dezassete", Tok::Pair(17), false),
    ("dezoito", Tok::Pair(18), false),
    ("dezenove", Tok::Pair(19), false),
    ("dezanove", Tok::Pair(19), false),
    ("vinte", Tok::Tens(20), false),
    ("trinta", Tok::Tens(30), false),
    ("quarenta", Tok::Tens(40), false),
    ("sessenta", Tok::Tens(60), false),
    ("oitenta", Tok::Tens(80), false),
    ("cem", Tok::Hundred, false),
    // Hundreds in one word
    ("doscientos", Tok::Value(200), false),
    ("trescientos", Tok::Value(300), false),
    ("cuatrocientos", Tok::Value(400), false),
    ("quinientos", Tok::Value(500), false),
    ("seiscientos", Tok::Value(600), false),
    ("setecientos", Tok::Value(700), false),
    ("ochocientos", Tok::Value(800), false),
    ("novecientos", Tok::Value(900), false),
    ("duzentos", Tok::Value(200), false),
    ("trezentos", Tok::Value(300), false),
    ("quatrocentos", Tok::Value(400), false),
    ("quinhentos", Tok::Value(500), false),
    ("seiscentos", Tok::Value(600), false),
    ("setecentos", Tok::Value(700), false),
    ("oitocentos", Tok::Value(800), false),
    ("novecentos", Tok::Value(900), false),
    ("duecento", Tok::Value(200), false),
    ("trecento", Tok::Value(300), false),
    ("quattrocento", Tok::Value(400), false),
    ("cinquecento", Tok::Value(500), false),
    ("seicento", Tok::Value(600), false),
    ("settecento", Tok::Value(700), false),
    ("ottocento", Tok::Value(800), false),
    ("novecento", Tok::Value(900), false),
    // Days as ordinals
    ("first", Tok::Ordinal(1, Style::English), true),
    ("second", Tok::Ordinal(2, Style::English), true),
    ("third", Tok::Ordinal(3, Style::English), false),
    ("fourth", Tok::Ordinal(4, Style::English), false),
    ("fifth", Tok::Ordinal(5, Style::English), false),
    ("sixth", Tok::Ordinal(6, Style::English), false),
    ("seventh", Tok::Ordinal(7, Style::English), false),
    ("eighth", Tok::Ordinal(8, Style::English), false),
    ("ninth", Tok::Ordinal(9, Style::English), false),
    ("tenth", Tok::Ordinal(10, Style::English), false),
    ("eleventh", Tok::Ordinal(11, Style::English), false),
    ("twelfth", Tok::Ordinal(12, Style::English), false),
    ("thirteenth", Tok::Ordinal(13, Style::English), false),
    ("fourteenth", Tok::Ordinal(14, Style::English), false),
    ("fifteenth", Tok::Ordinal(15, Style::English), false),
    ("sixteenth", Tok::Ordinal(16, Style::English), false),
    ("seventeenth", Tok::Ordinal(17, Style::English), false),
    ("eighteenth", Tok::Ordinal(18, Style::English), false),
    ("nineteenth", Tok::Ordinal(19, Style::English), false),
    ("twentieth", Tok::Ordinal(20, Style::English), false),
    ("thirtieth", Tok::Ordinal(30, Style::English), false),
    ("ersten", Tok::Ordinal(1, Style::German), false),
    ("zweiten", Tok::Ordinal(2, Style::German), false),
    ("dritten", Tok::Ordinal(3, Style::German), false),
    ("vierten", Tok::Ordinal(4, Style::German), false),
    ("fünften", Tok::Ordinal(5, Style::German), false),
    ("sechsten", Tok::Ordinal(6, Style::German), false),
    ("siebten", Tok::Ordinal(7, Style::German), false),
    ("achten", Tok::Ordinal(8, Style::German), false),
    ("neunten", Tok::Ordinal(9, Style::German), false),
    ("zehnten", Tok::Ordinal(10, Style::German), false),
    ("elften", Tok::Ordinal(11, Style::German), false),
    ("zwölften", Tok::Ordinal(12, Style::German), false),
    ("premier", Tok::Ordinal(1, Style::French), true),
    ("primero", Tok::Ordinal(1, Style::Plain), true),
    ("primo", Tok::Ordinal(1, Style::Plain), true),
    ("primeiro", Tok::Ordinal(1, Style::Plain), true),
];

/// A number word of one piece.
fn simple(w: &str) -> Option<(Tok, bool)> {
    vocabulary().words.get(w).copied()
}

/// Spanish "veinti-" and Italian tens with the unit glued on ("trentadue", "ventotto").
const GLUED: [(&str, u8); 17] = [
    ("veinti", 20),
    ("venti", 20),
    ("vent", 20),
    ("trenta", 30),
    ("trent", 30),
    ("quaranta", 40),
    ("quarant", 40),
    ("cinquanta", 50),
    ("cinquant", 50),
    ("sessanta", 60),
    ("sessant", 60),
    ("settanta", 70),
    ("settant", 70),
    ("ottanta", 80),
    ("ottant", 80),
    ("novanta", 90),
    ("novant", 90),
];

/// Dutch tens, which a unit and "en" come before in one word.
const DUTCH_TENS: [(&str, u8); 8] = [
    ("twintig", 20),
    ("dertig", 30),
    ("veertig", 40),
    ("vijftig", 50),
    ("zestig", 60),
    ("zeventig", 70),
    ("tachtig", 80),
    ("negentig", 90),
];

/// A number from 11 to 99 written as one word of parts: "twenty-four",
/// "vingt-deux", "soixante-dix-huit", "quatre-vingt-douze",
/// "zweiundvierzig", "veintitrés", "trentadue", "ventotto".
fn compound(w: &str) -> Option<u8> {
    if w.contains('-') {
        let mut total = 0u32;
        // Units alone ("five-five-five") are digits in a row, not a sum.
        let mut tens = false;
        let mut parts = w.split('-').peekable();
        while let Some(part) = parts.next() {
            if part == "et" || part == "y" {
                continue;
            }
            // "quatre-vingt(s)": four twenties.
            if part == "quatre" && parts.peek().is_some_and(|n| *n == "vingt" || *n == "vingts") {
                parts.next();
                total += 80;
                tens = true;
                continue;
            }
            let value = match simple(part)?.0 {
                Tok::Unit(u) => u32::from(u),
                Tok::Pair(p) | Tok::Tens(p) => {
                    tens = true;
                    u32::from(p)
                }
                _ => return None,
            };
            total += value;
        }
        return u8::try_from(total).ok().filter(|t| tens && (11..100).contains(t));
    }
    // Dutch: unit "en" (or "ën" after a vowel) tens, "zevenentachtig", "tweeëntwintig".
    if w.ends_with("tig") {
        for (tens, t) in DUTCH_TENS {
            let Some(head) = w.strip_suffix(tens) else { continue };
            let unit = head.strip_suffix("en").or_else(|| head.strip_suffix("ën"))?;
            return match simple(unit)?.0 {
                Tok::Unit(u) if u > 0 => Some(t + u),
                _ => None,
            };
        }
    }
    // German: unit "und" tens.
    if let Some((unit, tens)) = w.split_once("und") {
        let unit = match unit {
            "ein" => 1,
            u => match simple(u)?.0 {
                Tok::Unit(u) if u > 0 => u,
                _ => return None,
            },
        };
        return match simple(tens)?.0 {
            Tok::Tens(t) => Some(t + unit),
            _ => None,
        };
    }
    for (stem, tens) in GLUED {
        if let Some(rest) = w.strip_prefix(stem) {
            let unit = match rest {
                "uno" | "un" | "ún" => 1,
                "dós" | "dos" | "due" => 2,
                "trés" | "tres" | "tré" | "tre" => 3,
                "cuatro" | "quattro" => 4,
                "cinco" | "cinque" => 5,
                "séis" | "seis" | "sei" => 6,
                "siete" | "sette" => 7,
                "ocho" | "otto" => 8,
                "nueve" | "nove" => 9,
                _ => continue,
            };
            return Some(tens + unit);
        }
    }
    None
}

/// E-mail addresses said aloud: "znavarro at gmail dot com", "tomasz dot
/// bianchi three one at gmail dot com", "rfernando arroba hotmail punto es",
/// "mei bindestrich diallo ät t bindestrich online punkt de". Found from
/// their top-level domain after a spoken dot, then back to the "at" and over
/// the words of the local part (at most six, up to a word such as "email",
/// "is" or "a" that introduces it). Returns byte spans.
pub fn emails(text: &str) -> Vec<(usize, usize)> {
    static SPOKEN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    #[allow(clippy::expect_used)] // Built from constants: a failure is a defect the tests show.
    let address = SPOKEN.get_or_init(|| {
        let dot = r"(?:dot|punto|point|ponto|punkt)";
        let join = r"(?:dot|punto|point|ponto|punkt|dash|hyphen|bindestrich|trait\s+d'union|tiret|guion|guión|trattino|hífen|underscore)";
        regex::Regex::new(&format!(
            r"(?i)\b(?:at|arroba|arobase|chiocciola|ät)\s+[\p{{L}}\d]+(?:\s+{join}\s+[\p{{L}}\d]+)*\s+{dot}\s+(?:com|org|net|edu|gov|info|io|co|de|fr|es|it|pt|br|uk|ch|at|be|nl|eu|ie|ca|au|mx|ar|me)\b(?:\s+{dot}\s+(?:uk|br|pt|es|au|nz|za|in|mx|ar|co|it|fr|de)\b)?"
        ))
        .expect("the spoken address pattern compiles")
    });
    // Where a dot is said, in lower case, as transcripts write it.
    let mut dots: Vec<(usize, usize)> = [&b" dot "[..], b" punto ", b" point ", b" ponto ", b" punkt "]
        .iter()
        .flat_map(|word| memchr::memmem::find_iter(text.as_bytes(), word).map(|at| (at, at + word.len())))
        .collect();
    dots.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (hit_start, hit_end) in dots {
        if out.last().is_some_and(|&(_, end)| hit_start < end) {
            continue;
        }
        let from = floor_char(text, hit_start.saturating_sub(160));
        let to = ceil_char(text, (hit_end + 24).min(text.len()));
        let Some(m) = address
            .find_iter(&text[from..to])
            .find(|m| from + m.end() > hit_start && from + m.start() < hit_start)
        else {
            continue;
        };
        let (at, end) = (from + m.start(), from + m.end());
        // "met at the point com", "look at it dot com": prose, not an address.
        let domain = text[at..end]
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_lowercase();
        let before = text[..at]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if PROSE_DOMAIN.contains(&domain.as_str()) || PROSE_BEFORE_AT.contains(&before.as_str()) {
            continue;
        }
        let start = local_part(text, at);
        if start < at {
            out.push((start, end));
        }
    }
    out
}

/// Words that are no mail domain after "at" in prose ("at the point").
const PROSE_DOMAIN: &[&str] = &[
    "the", "a", "an", "it", "this", "that", "my", "your", "our", "their", "his", "her", "its", "home", "work", "least",
    "all", "some", "any", "one", "first", "last", "which", "what", "which", "night", "noon", "once", "times",
];

/// Words that go before "at" in prose, not ends of an address ("we met at").
const PROSE_BEFORE_AT: &[&str] = &[
    "met", "meet", "look", "looked", "looking", "arrive", "arrived", "be", "been", "was", "were", "is", "are", "am",
    "stay", "stayed", "work", "works", "worked", "live", "lives", "lived", "it", "them", "us", "him", "her", "me",
    "you", "we", "they", "i", "see", "saw", "seen", "call", "called", "back", "up", "off", "out", "here", "there",
    "now", "only", "just", "good", "bad", "great", "best", "all", "both", "well", "even", "point", "aimed", "born",
];

/// Where the spoken local part before the "at" at `at` starts: up to six
/// words of letters and digits, number words and joiners, back to a word
/// that introduces an address or a line's label.
fn local_part(text: &str, at: usize) -> usize {
    const INTRODUCERS: &[&str] = &[
        "email",
        "e-mail",
        "mail",
        "is",
        "es",
        "est",
        "è",
        "é",
        "ist",
        "a",
        "an",
        "à",
        "para",
        "to",
        "my",
        "your",
        "his",
        "her",
        "the",
        "and",
        "or",
        "me",
        "mir",
        "moi",
        "la",
        "le",
        "el",
        "il",
        "o",
        "ou",
        "oder",
        "y",
        "e",
        "et",
        "sempre",
        "toujours",
        "siempre",
        "immer",
        "c'est",
        "address",
        "adresse",
        "dirección",
        "indirizzo",
        "endereço",
        "with",
        "con",
        "com",
        "mit",
        "avec",
        "per",
        "por",
        "pour",
        "für",
        "scrivimi",
        "escríbeme",
        "schreib",
        "manda",
        "send",
        "is:",
        "new",
        "nueva",
        "nouvelle",
        "nuova",
        "neue",
        "nova",
        "same",
        "that",
    ];
    let mut start = at;
    let mut words = 0;
    let mut rest = text[..at].trim_end_matches(' ');
    while words < 6 {
        let word_start = rest
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '_' | '.' | '\''))
            .last()
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[word_start..];
        if word.is_empty() || INTRODUCERS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            break;
        }
        start = word_start;
        words += 1;
        // Not across a line's label or a sentence ("Caller: tomasz …").
        let before = &rest[..word_start];
        if !before.ends_with(' ') || before.trim_end().ends_with([':', ',', '.', '?', '!', '\n']) {
            break;
        }
        rest = before.trim_end_matches(' ');
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with the pieces applied.
    fn apply(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for p in rewrites(text) {
            out.push_str(&text[at..p.start]);
            out.push_str(&p.out);
            at = p.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn digits_said_one_by_one_and_in_groups() {
        assert_eq!(
            apply("call me at five five five, eight six seven, five three oh nine ok"),
            "call me at 555 867 5309 ok"
        );
        assert_eq!(apply("it's four one two seven"), "it's 4127");
        assert_eq!(apply("born nineteen sixty-two"), "born 1962");
        assert_eq!(apply("born nineteen sixty two, in march"), "born 1962, in march");
        assert_eq!(apply("twenty twenty-four"), "2024");
        assert_eq!(apply("double four seven triple two"), "447222");
        assert_eq!(apply("five uh five five"), "555");
        assert_eq!(apply("five hundred and twelve oak"), "512 oak");
        assert_eq!(apply("two thousand and five"), "2005");
        assert_eq!(apply("five-five-five, oh-one-two-three"), "555 0123");
        assert_eq!(apply("two and three four five"), "two and 345");
        assert_eq!(apply("eight one six... five seven two... oh seven"), "816 572 07");
        assert_eq!(apply("five, . six seven eight"), "five, . 678");
    }

    #[test]
    fn numerals_among_spoken_digits() {
        assert_eq!(apply("card is four one one 7 3 nine 2 8 ok"), "card is 41173928 ok");
        assert_eq!(
            apply("the number is 555 one two three 4567 thanks"),
            "the number is 5551234567 thanks"
        );
        assert_eq!(apply("oh seven 7 0 0 nine double 0 1 2 3"), "07700900123");
        assert_eq!(apply("march 3 nineteen sixty two"), "march 3 1962");
        assert_eq!(
            apply("date of birth march eleven nineteen fifty-six"),
            "date of birth march 11 1956"
        );
        assert_eq!(
            apply("date of birth one two one one ninety three."),
            "date of birth 12/11/93."
        );
        assert_eq!(apply("may twenty five two thousand twenty five"), "may 25 2025");
        assert_eq!(apply("nato il otto luglio 1980"), "nato il 8 luglio 1980");
        assert_eq!(
            apply("la cita fue el once de marzo de 2026"),
            "la cita fue el 11 de marzo de 2026"
        );
        assert_eq!(apply("geboortedatum dertien mei 1969"), "geboortedatum 13 mei 1969");
        assert_eq!(apply("I saw her once in may"), "I saw her once in may");
        assert_eq!(apply("Av. Sete de Setembro, 1933"), "Av. Sete de Setembro, 1933");
        assert_eq!(
            apply("user said: date of birth\nuser: 10 22 1999"),
            "user said: date of birth\nuser: 10/22/1999"
        );
        assert_eq!(
            apply("My date of birth is 04 09 1994."),
            "My date of birth is 04/09/1994."
        );
        assert_eq!(
            apply("uw afspraak van een vijf nul 3 2025 is verzet"),
            "uw afspraak van 15/03/2025 is verzet"
        );
        assert_eq!(
            apply("geboren am elfter Februar zweitausendfünf"),
            "geboren am 11. Februar 2005"
        );
        assert_eq!(
            apply("a consulta de zero nove ahn zero nove 2025"),
            "a consulta de 09/09/2025"
        );
        assert_eq!(apply("room 10 22 1999"), "room 10 22 1999");
        assert_eq!(
            apply("geboren veertien november negentien zevenentachtig"),
            "geboren 14 november 1987"
        );
        assert_eq!(apply("tweeëntwintig, tweeduizend vijfentwintig"), "22 2025");
        assert_eq!(apply("five five five, 8 6 seven, five three oh 9."), "555 867 5309.");
        assert_eq!(apply("es ist N L 5 6 R A B O 8 9 0 7"), "es ist NL56RABO8907");
        assert_eq!(
            apply("my member ID is x r seven one six eight"),
            "my member ID is XR7168"
        );
        assert_eq!(apply("five five no sorry five six seven"), "55 567");
        assert_eq!(apply("three one nine i mean five six 4 4"), "319 5644");
        assert_eq!(apply("ligue para o nove um seis oito"), "ligue para o 9168");
        assert_eq!(apply("five um five five"), "555");
        // "no" alone corrects nothing, nor does a vowel spell anything.
        assert_eq!(apply("five five no five six"), "five five no five six");
        assert_eq!(apply("plan a two three"), "plan a two three");
        // Numerals beside one number word, or none, stay as they are.
        for text in [
            "page 12 of 40",
            "2024 one patient",
            "bed 4 five patients",
            "room 12 and two beds",
            "take 2 tablets three times a day",
            "3.5 five",
            "at 12:30 two three",
            "UK NINO OH 59 90 52 A, NHS",
            "Sidhu\tML 24 75 12 D\tW12 2TZ",
        ] {
            assert_eq!(apply(text), text);
        }
    }

    #[test]
    fn the_seven_languages() {
        assert_eq!(
            apply("c'est zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit"),
            "c'est 06 12 34 56 78"
        );
        assert_eq!(apply("quatre-vingt-douze"), "quatre-vingt-douze");
        assert_eq!(apply("null drei null, zweiundvierzig"), "030 42");
        assert_eq!(apply("es el seis cuatro dos, treinta y dos"), "es el 642 32");
        assert_eq!(apply("tre tre nove, ventotto quattro"), "339 284");
        assert_eq!(apply("nove dois três, vinte e dois"), "923 22");
        assert_eq!(apply("op nul zes nul negen een twee zes"), "op 0609126");
        assert_eq!(
            apply("phone plus four four seven seven zero nine double zero eight eight nine"),
            "phone +44770900889"
        );
        assert_eq!(apply("plus two three four"), "plus 234");
        assert_eq!(apply("twee patiënten en een arts"), "twee patiënten en een arts");
    }

    #[test]
    fn days_and_years_beside_a_month() {
        for (spoken, digits) in [
            (
                "the twenty-third of august nineteen thirty two",
                "the 23rd of august 1932",
            ),
            ("december seventeen nineteen sixty two", "december 17 1962"),
            ("april three nineteen forty seven", "april 3 1947"),
            ("august sixteen twenty twenty four", "august 16 2024"),
            ("december ninth nineteen ninety", "december 9th 1990"),
            ("june twenty-one", "june 21"),
            (
                "am sechzehnten November neunzehnhundertsiebenundneunzig",
                "am 16. November 1997",
            ),
            (
                "el quince de octubre de mil novecientos cuarenta y ocho",
                "el 15 de octubre de 1948",
            ),
            ("le deux octobre dix-neuf cent soixante-quatre", "le 2 octobre 1964"),
            ("le premier mars deux mille six", "le 1er mars 2006"),
            (
                "il quindici dicembre millenovecentottantaquattro",
                "il 15 dicembre 1984",
            ),
            (
                "oito de janeiro de mil novecentos e setenta e três",
                "8 de janeiro de 1973",
            ),
        ] {
            assert_eq!(apply(spoken), digits, "{spoken}");
        }
        // A month's name does not make a number of every word beside it.
        for prose in ["may one day", "the second of may", "one march", "un niño de diez años."] {
            assert_eq!(
                apply(prose),
                prose.replace("the second of may", "the 2nd of may"),
                "{prose}"
            );
        }
    }

    #[test]
    fn any_text_gives_sorted_pieces_on_character_boundaries() {
        // Number words, months, marks and characters of several bytes, mixed at random.
        let parts = [
            "five",
            "six",
            "twenty-",
            "third",
            "of",
            "mai",
            "août",
            "niño",
            "años",
            "•",
            "…",
            ", ",
            ". ",
            " ",
            "-",
            "y",
            "e",
            "mil",
            "novecientos",
            "zéro",
            "ZWÖLF",
            "neunzehnhundert",
            "ñ",
            "\n",
            "oh",
            "uh",
            "x",
        ];
        let mut seed = 0x2545_f491_u64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            let mut at = 0;
            for p in rewrites(&text) {
                assert!(p.start >= at && p.start <= p.end, "{text:?}");
                assert!(
                    text.is_char_boundary(p.start) && text.is_char_boundary(p.end),
                    "{text:?}"
                );
                at = p.end;
            }
        }
    }

    #[test]
    fn addresses_said_aloud() {
        let said =
            |text: &str| -> Vec<String> { emails(text).into_iter().map(|(s, e)| text[s..e].to_string()).collect() };
        assert_eq!(
            said("my email is okoro dot femi two at yahoo dot co dot uk, thanks"),
            ["okoro dot femi two at yahoo dot co dot uk"]
        );
        assert_eq!(
            said("écris-moi à lebrun arobase orange point fr"),
            ["lebrun arobase orange point fr"]
        );
        assert_eq!(
            said("Agent: delgado underscore ana at outlook dot com"),
            ["delgado underscore ana at outlook dot com"]
        );
        for prose in [
            "we met at the point com meeting",
            "look at it dot com",
            "at noon dot com launch",
            "the dot com era",
        ] {
            assert!(said(prose).is_empty(), "{prose}");
        }
    }

    #[test]
    fn a_date_of_birth_said_as_digits() {
        assert_eq!(
            apply("date of birth PT: zero four oh eight nineteen fifty-two thanks"),
            "date of birth PT: 04/08/1952 thanks"
        );
        assert_eq!(apply("DOB one one one three, nineteen thirty five"), "DOB 11/13/1935");
        // Not without a word of birth, and not when the digits are no date.
        assert_eq!(apply("call zero four oh eight nineteen fifty-two"), "call 04081952");
        assert_eq!(apply("born nine nine nine nine one nine five two"), "born 99991952");
    }

    #[test]
    fn codes_of_capitals_and_spoken_digits() {
        assert_eq!(
            apply("it's G B nine five, N W B K, seven seven three two, six three"),
            "it's GB95 NWBK 7732 63"
        );
        assert_eq!(
            apply("licence W D L four Y E T H oh two S R ok"),
            "licence WDL4YETH02SR ok"
        );
        assert_eq!(apply("passport G four seven eight zero six"), "passport G47806");
        // Capitals that make no code leave the numbers around them as they were.
        for prose in ["Plan B twenty minutes", "I think I can", "Vitamin D, A and E"] {
            assert_eq!(apply(prose), prose, "{prose}");
        }
        assert_eq!(apply("Plan B five five five one"), "Plan B5551");
    }

    #[test]
    fn words_of_prose_stay_words() {
        for prose in [
            "one of the two nurses",
            "five hundred milligrams",
            "take two tablets",
            "one or two",
            "un deux",
            "the one and only",
            "otto e due",
            "once upon a time",
            "a hundred times",
            "double room",
            "twenty minutes",
            "forty five",
        ] {
            assert_eq!(apply(prose), prose, "{prose}");
        }
    }

    #[test]
    fn pieces_cover_the_words_they_replace() {
        let text = "at five five five, eight";
        let pieces = rewrites(text);
        let shown: Vec<(&str, &str)> = pieces.iter().map(|p| (&text[p.start..p.end], p.out.as_str())).collect();
        assert_eq!(
            shown,
            [
                ("five", "5"),
                (" ", ""),
                ("five", "5"),
                (" ", ""),
                ("five", "5"),
                (", ", " "),
                ("eight", "8")
            ]
        );
    }
}
