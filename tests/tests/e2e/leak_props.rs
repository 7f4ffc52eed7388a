//! Issue 19, property: random bodies of each API shape with a value planted
//! at a random place (message text, system prompt, tool descriptions, schema
//! property names and enum values, unknown keys and their values, nested
//! arrays), in any of the encodings a model reads. Under a policy that keeps
//! personal data on premises, the fake cloud receives nothing; under one
//! that pseudonymizes it, the fake cloud never receives the value, plain or
//! encoded. Bounded: a fixed number of cases per policy.

use base64::Engine as _;
use cordon_tests::{Behavior, Cordon, FakeUpstream};
use proptest::test_runner::{Config as PtConfig, TestCaseError, TestRunner};
use serde_json::{json, Value};

use crate::{config, env, http, CLIENT_KEY};

/// Values and the word that tells what they are.
const VALUES: &[(&str, &str)] = &[
    ("SSN", "536-22-1234"),
    ("e-mail", "jane.roe@example.com"),
    ("card", "4111 1111 1111 1111"),
    ("IBAN", "DE89 3704 0044 0532 0130 00"),
];

const ENCODINGS: usize = 8;

/// `value` in encoding `e`: as is, percent, HTML entities, base64 of the
/// labelled value, Arabic-Indic or Devanagari digits, a tag character or a
/// combining mark between characters.
fn encode(label: &str, value: &str, e: usize) -> String {
    let digits = |zero: u32| -> String {
        value
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(zero + d).unwrap_or(c),
                None => c,
            })
            .collect()
    };
    match e {
        0 => format!("{label} {value}"),
        1 => format!(
            "{label} {}",
            value
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() {
                    c.to_string()
                } else {
                    format!("%{:02X}", c as u32)
                })
                .collect::<String>()
        ),
        2 => format!(
            "{label} {}",
            value.chars().map(|c| format!("&#{};", c as u32)).collect::<String>()
        ),
        3 => format!(
            "decode: {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{label} {value}"))
        ),
        4 => format!("{label} {}", digits(0x0660)),
        5 => format!("{label} {}", digits(0x0966)),
        6 => {
            let mut s = String::new();
            for (i, c) in value.chars().enumerate() {
                s.push(c);
                if i == 2 {
                    s.push('\u{E0020}');
                }
            }
            format!("{label} {s}")
        }
        _ => {
            let mut s = String::new();
            for (i, c) in value.chars().enumerate() {
                s.push(c);
                if i == 1 {
                    s.push('\u{0301}');
                }
            }
            format!("{label} {s}")
        }
    }
}

const SITES: usize = 10;

/// A body of API `shape` (0 chat, 1 completions, 2 embeddings, 3 responses,
/// 4 messages) with `plant` at `site`, among filler text.
fn body(shape: usize, site: usize, plant: &str, filler: &str) -> (&'static str, Value) {
    let (path, mut b) = match shape {
        0 => (
            "/v1/chat/completions",
            json!({"model": "m", "messages": [{"role": "system", "content": filler}, {"role": "user", "content": filler}]}),
        ),
        1 => ("/v1/completions", json!({"model": "m", "prompt": filler})),
        2 => ("/v1/embeddings", json!({"model": "m", "input": [filler]})),
        3 => ("/v1/responses", json!({"model": "m", "input": filler})),
        _ => (
            "/v1/messages",
            json!({"model": "m", "max_tokens": 8, "messages": [{"role": "user", "content": filler}]}),
        ),
    };
    let tool = |desc: &str, prop: &str, en: &str| {
        json!([{"type": "function", "function": {"name": "lookup", "description": desc,
            "parameters": {"type": "object", "properties": {prop: {"type": "string", "enum": [en]}}}}}])
    };
    match site {
        // The field the API reads first.
        0 => match shape {
            0 => b["messages"][1]["content"] = json!(plant),
            1 => b["prompt"] = json!(plant),
            2 => b["input"] = json!([filler, plant]),
            3 => b["input"] = json!([{"role": "user", "content": [{"type": "input_text", "text": plant}]}]),
            _ => b["messages"][0]["content"] = json!([{"type": "text", "text": plant}]),
        },
        1 => b["session_note"] = json!(plant),
        2 => b["metadata"] = json!({"notes": [filler, {"deep": plant}]}),
        3 => b[plant] = json!("x"),
        4 => b["extra"] = json!({plant: {"k": filler}}),
        5 => b["tools"] = tool(plant, "q", "a"),
        6 => b["tools"] = tool("looks up", plant, "a"),
        7 => b["tools"] = tool("looks up", "q", plant),
        8 => {
            b["response_format"] = json!({"type": "json_schema", "json_schema": {"name": "r", "schema": {"type": "object", "description": plant}}})
        }
        _ => match shape {
            0 => b["messages"][0]["content"] = json!(plant),
            4 => b["system"] = json!(plant),
            3 => b["instructions"] = json!(plant),
            _ => b["user"] = json!(plant),
        },
    }
    (path, b)
}

/// Every string and key of what the fake received, decoded from JSON.
fn received(fake: &FakeUpstream) -> String {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(m) => m.iter().for_each(|(k, x)| {
                out.push_str(k);
                out.push('\n');
                walk(x, out);
            }),
            _ => {}
        }
    }
    let mut out = String::new();
    for r in fake.requests() {
        out.push_str(&String::from_utf8_lossy(&r.body));
        if let Ok(v) = serde_json::from_slice::<Value>(&r.body) {
            walk(&v, &mut out);
        }
    }
    out
}

fn run(policy: &str, cases: u32, cloud_gets_nothing: bool) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (o, a, l) = rt.block_on(async {
        (
            FakeUpstream::start(Behavior::Answer).await,
            FakeUpstream::start(Behavior::Answer).await,
            FakeUpstream::start(Behavior::Answer).await,
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let extra = if policy.is_empty() {
        String::new()
    } else {
        std::fs::write(dir.path().join("policy.yaml"), policy).unwrap();
        "policy: policy.yaml\n".to_string()
    };
    let cordon = Cordon::start_in(dir, &config(&o, &a, &l, "openai", &extra), &env());
    let client = http();
    let mut runner = TestRunner::new(PtConfig {
        cases,
        failure_persistence: None,
        ..PtConfig::default()
    });
    let strategy = (0..5usize, 0..SITES, 0..ENCODINGS, 0..VALUES.len(), "[a-z ]{0,40}");
    let result = runner.run(&strategy, |(shape, site, enc, val, filler)| {
        let (label, value) = VALUES[val];
        let plant = encode(label, value, enc);
        let (path, b) = body(shape, site, &plant, &format!("Please help. {filler}"));
        let before = o.count();
        let status = rt.block_on(async {
            let mut req = client.post(format!("{}{path}", cordon.url())).json(&b);
            req = if path == "/v1/messages" {
                req.header("x-api-key", CLIENT_KEY)
            } else {
                req.bearer_auth(CLIENT_KEY)
            };
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            resp.bytes().await.unwrap();
            status
        });
        let got = received(&o);
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        // The digits as a run, whatever separators were put between them.
        let squeezed: String = got.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '_')).collect();
        let leaked = got.contains(value)
            || got.contains(plant.trim_start_matches(label).trim())
            || (digits.len() >= 9 && squeezed.contains(&digits));
        if leaked {
            return Err(TestCaseError::fail(format!(
                "leaked: {path} site {site} encoding {enc} {b}"
            )));
        }
        if cloud_gets_nothing && o.count() != before {
            return Err(TestCaseError::fail(format!(
                "went to the cloud ({status}): {path} site {site} encoding {enc} {b}"
            )));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn a_planted_value_never_reaches_the_cloud_under_the_baseline() {
    run("", 96, true);
}

#[test]
fn a_planted_value_leaves_only_as_a_placeholder() {
    let policy = "version: 1\nname: p\ndefault: cloud\non_error: block\nunscannable: local\nrules:\n  - id: secrets\n    when: { categories: [SECRET] }\n    then: block\n  - id: personal\n    when: { categories: [PII, PHI, FINANCIAL] }\n    then: pseudonymize\n";
    run(policy, 64, false);
}
