//! The scan bench's inputs, shared by `benches/scan.rs` and
//! `examples/findings_dump.rs` (`#[path]` module): business prose, prose with
//! a sensitive paragraph every few, dense text (the evaluation sets' texts
//! with logs) and inputs built to be slow.
#![allow(dead_code, clippy::expect_used)]

pub const PROSE: &str = "The quarterly review covered the migration of the reporting pipeline to the new cluster. \
Most of the work went into rewriting the ingestion jobs, which had grown around a schema that no longer matched \
what the analysts needed. We agreed to keep the old dashboards running until the end of the month, to compare \
figures side by side, and to retire them once two consecutive weeks match within a tenth of a percent. ";

pub const SENSITIVE: &str = "Patient: Maria Keller, DOB 03/14/1985, MRN 00482913, seen by Dr. Kowalczyk. \
Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, call +1 (415) 555-0132 or mail maria.keller@example.org. \
Lives at 742 Evergreen Terrace, Springfield, IL 62704. SSN 536-22-1234. api_key=sk-proj-Q7v2LmX9pT4rK8sW1nB6yH3cJ5dF0gZa. ";

/// Dense log lines, a config file with keys, source code and stack traces.
pub const LOGS: &str = include_str!("../dense_logs.txt");

/// The evaluation sets whose texts make the dense corpus, relative to the crate.
pub const SETS: &[&str] = &[
    "eval/independent.jsonl",
    "eval-names/names.jsonl",
    "heldout/heldout.jsonl",
];

pub fn build(target: usize, sensitive_every: usize) -> String {
    let mut s = String::with_capacity(target + 1024);
    let mut i = 0;
    while s.len() < target {
        if sensitive_every > 0 && i % sensitive_every == sensitive_every - 1 {
            s.push_str(SENSITIVE);
        } else {
            s.push_str(PROSE);
        }
        i += 1;
    }
    cut(s, target)
}

/// `s` cut to at most `target` bytes, on a character boundary.
pub fn cut(mut s: String, target: usize) -> String {
    s.truncate(target.min(s.len()));
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

/// The texts of the evaluation sets, one record of each set in turn, with a
/// block of `dense_logs.txt` after every 16 records; repeated up to `target`.
pub fn dense(target: usize) -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    let sets: Vec<Vec<String>> = SETS
        .iter()
        .map(|p| {
            let path = format!("{dir}/{p}");
            let data = std::fs::read_to_string(&path).expect("evaluation set");
            data.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("JSONL");
                    v["text"].as_str().expect("text").to_string()
                })
                .collect()
        })
        .collect();
    let blocks: Vec<&str> = LOGS.split("\n\n").collect();
    let longest = sets.iter().map(Vec::len).max().unwrap_or(0);
    let mut records = Vec::new();
    for i in 0..longest {
        for set in &sets {
            if let Some(t) = set.get(i) {
                records.push(t.as_str());
            }
        }
    }
    let mut s = String::with_capacity(target + 8192);
    let (mut r, mut b) = (0, 0);
    while s.len() < target {
        s.push_str(records[r % records.len()]);
        s.push_str("\n\n");
        r += 1;
        if r % 16 == 0 {
            s.push_str(blocks[b % blocks.len()]);
            s.push_str("\n\n");
            b += 1;
        }
    }
    cut(s, target)
}

/// A deterministic stream of pseudo-random numbers.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Inputs built to be slow, `target` bytes each.
pub fn pathological(target: usize) -> Vec<(&'static str, String)> {
    let mut rng = Lcg(42);
    let mut fill = |piece: &mut dyn FnMut(&mut Lcg) -> String| {
        let mut s = String::with_capacity(target + 64);
        while s.len() < target {
            s.push_str(&piece(&mut rng));
        }
        cut(s, target)
    };
    const CAPS: &[&str] = &[
        "Maria",
        "Keller",
        "Street",
        "Anna",
        "Via",
        "Rue",
        "North",
        "Park",
        "Avenue",
        "Dr",
        "Garcia",
        "Springfield",
        "Calle",
        "Hauptstraße",
        "Boulevard",
        "Lane",
        "Court",
        "Oluwaseun",
        "Van",
        "De",
        "Saint",
        "Mount",
    ];
    const CONTEXT: &[&str] = &[
        "patient",
        "name",
        "dob",
        "ssn",
        "card",
        "phone",
        "mrn",
        "account",
        "routing",
        "iban",
        "born",
        "admitted",
        "dear",
        "regards",
        "street",
        "zip",
        "diagnosis",
        "passport",
        "serial",
        "token",
        "password",
        "member",
    ];
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const PUNCT: &[u8] = b"([{<.,;:-_/\\|#=+*&%$!?'\"`~>}])";
    vec![
        (
            "digits",
            fill(&mut |r: &mut Lcg| {
                let run = 100 + r.next(4000);
                let mut s: String = (0..run).map(|_| char::from(b'0' + r.next(10) as u8)).collect();
                s.push([' ', '-', '.', '/'][r.next(4)]);
                s
            }),
        ),
        (
            "capitalized",
            fill(&mut |r: &mut Lcg| format!("{} ", CAPS[r.next(CAPS.len())])),
        ),
        (
            "context",
            fill(&mut |r: &mut Lcg| format!("{}{}", CONTEXT[r.next(CONTEXT.len())], [" ", ": ", ", "][r.next(3)])),
        ),
        (
            "base64",
            fill(&mut |r: &mut Lcg| {
                let run = 1000 + r.next(20000);
                let mut s: String = (0..run).map(|_| char::from(B64[r.next(B64.len())])).collect();
                s.push_str("= ");
                s
            }),
        ),
        (
            "at_signs",
            fill(&mut |r: &mut Lcg| ["@", "a@", "@b.", "x.y@z", "@@", " @ "][r.next(6)].to_string()),
        ),
        (
            "punctuation",
            fill(&mut |r: &mut Lcg| char::from(PUNCT[r.next(PUNCT.len())]).to_string()),
        ),
    ]
}
