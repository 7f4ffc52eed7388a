//! Parse + extract over arbitrary bytes, for every endpoint: never panics;
//! a body that parses is covered by the extraction (every string value of
//! the tree is either extracted, structural, or counted opaque), and the
//! bytes Cordon would forward (the tree re-encoded) parse back to the same
//! tree.
#![no_main]

use cordon::api::{extract, Endpoint, ParsedRequest};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const ENDPOINTS: [Endpoint; 5] = [
    Endpoint::ChatCompletions,
    Endpoint::Completions,
    Endpoint::Embeddings,
    Endpoint::Responses,
    Endpoint::Messages,
];

fn count_strings(v: &Value) -> usize {
    match v {
        Value::String(_) => 1,
        Value::Array(a) => a.iter().map(count_strings).sum(),
        Value::Object(m) => m.values().map(count_strings).sum(),
        _ => 0,
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y || ((x - y).abs() <= x.abs().max(y.abs()) * 1e-15),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a == b,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else { return };
    let endpoint = ENDPOINTS[usize::from(first) % ENDPOINTS.len()];
    let Ok(req) = ParsedRequest::parse(endpoint, body) else { return };
    let ex = extract(&req);
    // Every string value is accounted for: extracted, or skipped as structural or opaque.
    let values = ex
        .texts
        .iter()
        .filter(|t| t.origin == cordon::api::Origin::Value)
        .count();
    let all = count_strings(&Value::Object(req.body.clone()));
    assert!(values <= all);
    // What would be forwarded parses back, strictly, to the same tree. Numbers
    // compare as values: serde_json's default float parsing is not exact past
    // 17 significant digits, so `4.4454444444444436e76` may read back one ulp
    // off; the text scanned is the text forwarded either way (both are the
    // tree's number written once).
    let forwarded = serde_json::to_vec(&req.body).unwrap_or_default();
    let again = ParsedRequest::parse(endpoint, &forwarded).unwrap_or_else(|e| panic!("re-encoded body refused: {e}"));
    assert!(same(&Value::Object(again.body), &Value::Object(req.body.clone())));
    // The detectors take every extracted text.
    static REGISTRY: std::sync::OnceLock<cordon_detectors::Registry> = std::sync::OnceLock::new();
    let registry = REGISTRY
        .get_or_init(|| cordon_detectors::Registry::new(&cordon_detectors::DetectorsConfig::default()).unwrap());
    for t in &ex.texts {
        for f in registry.scan(&t.text) {
            assert!(t.text.is_char_boundary(f.start) && t.text.is_char_boundary(f.end));
        }
    }
});
