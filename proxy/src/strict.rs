//! A strict JSON parse: a [`serde_json::Value`] built from the body, refusing
//! a duplicate key in any object at any depth.
//!
//! Why: serde_json keeps the last of two equal keys, while other parsers
//! (and the vendors' logs) keep the first or both. Had Cordon scanned one and
//! forwarded the raw bytes, the other would leave unscanned. Refusing
//! duplicates makes the parsed tree the only reading of the body; keys are
//! compared after unescaping, so `"messages"` and `"\u006dessages"` are the
//! same key. The error names a line and column, never the key (it may be
//! sensitive).

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::{Map, Number, Value};

/// Parses `bytes` as one JSON value, refusing duplicate keys, invalid UTF-8,
/// lone surrogates and anything after the value.
pub fn parse(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = Strict.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// The message of a duplicate-key error (tests and the error mapping match on it).
pub const DUPLICATE_KEY: &str = "duplicate key";

struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(v) = seq.next_element_seed(Strict)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Strict)?;
            if out.contains_key(&key) {
                return Err(A::Error::custom(DUPLICATE_KEY));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth_without_naming_them() {
        for body in [
            r#"{"messages":[],"messages":[]}"#,
            r#"{"a":{"content":"x","content":"y"}}"#,
            r#"{"a":[{"b":1},{"text":"x","t\u0065xt":"y"}]}"#,
        ] {
            let err = parse(body.as_bytes()).expect_err(body);
            let msg = err.to_string();
            assert!(msg.starts_with(DUPLICATE_KEY), "{msg}");
            assert!(!msg.contains("content") && !msg.contains("text"), "{msg}");
        }
    }

    #[test]
    fn values_parse_as_serde_json_does() {
        let body = r#"{"a":[1,-2,3.5,true,null,"s\u00e9"],"b":{"c":{}},"big":123456789012345678901234567890}"#;
        let strict = parse(body.as_bytes()).unwrap();
        let plain: Value = serde_json::from_str(body).unwrap();
        assert_eq!(strict, plain);
        // Key order is kept (preserve_order), as the relay needs.
        let v = parse(br#"{"z":1,"a":2}"#).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a"]);
    }

    #[test]
    fn trailing_data_lone_surrogates_and_bad_utf8_are_refused() {
        assert!(parse(br#"{"a":1} {"a":2}"#).is_err());
        assert!(parse(br#"{"a":"\ud800"}"#).is_err());
        assert!(parse(b"{\"a\":\"\xff\"}").is_err());
    }
}
