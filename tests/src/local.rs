//! The quirks of the OpenAI-compatible servers teams run on premises (vLLM,
//! Ollama, LM Studio, llama.cpp's server), for [`crate::Behavior::Local`].
//!
//! Each quirk is a flag, so a test can name the combination a server shows:
//! - `vllm()`: an empty first delta with the role, `stop_reason` carrying the
//!   matched stop string, and `usage` on every chunk when the client asks for
//!   `stream_options.continuous_usage_stats`;
//! - `ollama()`: `system_fingerprint: fp_ollama`, and usage in a last chunk
//!   with empty `choices` when asked;
//! - `llama_cpp()`: an empty `delta: {}` with the finish reason, `usage` and
//!   `timings` on that last chunk whether asked or not;
//! - `keepalive`: chunks with empty `choices` and no usage between pieces;
//! - `echo_stop`: the matched stop string left at the end of the text.
//!
//! The answer is the last user message's text, cut at the first stop string
//! the request names (`finish_reason: stop`), or after `max_tokens` pieces of
//! `piece` characters (`finish_reason: length`).

use serde_json::{json, Value};

#[derive(Clone, Debug, Default)]
pub struct Quirks {
    pub piece: usize,
    pub role_first: bool,
    pub stop_reason_field: bool,
    pub continuous_usage: bool,
    pub usage_chunk: bool,
    pub usage_on_finish: bool,
    pub keepalive: bool,
    pub echo_stop: bool,
    pub fingerprint: Option<&'static str>,
}

impl Quirks {
    pub fn vllm() -> Quirks {
        Quirks {
            piece: 3,
            role_first: true,
            stop_reason_field: true,
            continuous_usage: true,
            usage_chunk: true,
            ..Quirks::default()
        }
    }

    pub fn ollama() -> Quirks {
        Quirks {
            piece: 4,
            usage_chunk: true,
            fingerprint: Some("fp_ollama"),
            ..Quirks::default()
        }
    }

    pub fn llama_cpp() -> Quirks {
        Quirks {
            piece: 2,
            usage_on_finish: true,
            ..Quirks::default()
        }
    }
}

/// What the server generates for `req`: the text (with an echoed stop
/// string when the quirk says so), the finish reason, the stop string that
/// ended it, and the pieces the text streams in.
struct Generation {
    text: String,
    finish: &'static str,
    stop: Option<String>,
    pieces: Vec<String>,
}

fn generate(q: &Quirks, req: &Value, prompt: &str) -> Generation {
    let stops: Vec<String> = match req.get("stop") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    };
    let first_stop = stops
        .iter()
        .filter_map(|s| prompt.find(s.as_str()).map(|at| (at, s.clone())))
        .min_by_key(|(at, _)| *at);
    let (mut text, mut finish, stop) = match first_stop {
        Some((at, s)) => (prompt[..at].to_string(), "stop", Some(s)),
        None => (prompt.to_string(), "stop", None),
    };
    let mut pieces = crate::fake::split(&text, q.piece);
    if let Some(max) = req.get("max_tokens").and_then(Value::as_u64) {
        if (max as usize) < pieces.len() {
            pieces.truncate(max as usize);
            text = pieces.concat();
            finish = "length";
        }
    }
    let stop = if finish == "length" { None } else { stop };
    if q.echo_stop {
        if let Some(s) = &stop {
            text.push_str(s);
            pieces.push(s.clone());
        }
    }
    Generation {
        text,
        finish,
        stop,
        pieces,
    }
}

/// Token counts after `n` pieces (one token a piece).
fn usage(n: usize) -> Value {
    json!({"prompt_tokens": 17, "completion_tokens": n, "total_tokens": 17 + n})
}

/// The non-streamed answer.
pub fn answer(q: &Quirks, req: &Value, prompt: &str, model: &str) -> Value {
    let g = generate(q, req, prompt);
    let mut choice = json!({"index": 0, "message": {"role": "assistant", "content": g.text}, "logprobs": null, "finish_reason": g.finish});
    if q.stop_reason_field {
        choice["stop_reason"] = json!(g.stop);
    }
    let mut v = json!({"id": "chatcmpl-local", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [choice], "usage": usage(g.pieces.len())});
    if let Some(fp) = q.fingerprint {
        v["system_fingerprint"] = json!(fp);
    }
    v
}

/// The streamed answer, as SSE event strings.
pub fn events(q: &Quirks, req: &Value, prompt: &str, model: &str) -> Vec<String> {
    let g = generate(q, req, prompt);
    let asked_usage = req
        .pointer("/stream_options/include_usage")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let continuous = asked_usage
        && q.continuous_usage
        && req
            .pointer("/stream_options/continuous_usage_stats")
            .and_then(Value::as_bool)
            .unwrap_or(false);
    let chunk = |choices: Value, usage: Option<Value>| {
        let mut v = json!({"id": "chatcmpl-local", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model, "choices": choices});
        if let Some(fp) = q.fingerprint {
            v["system_fingerprint"] = json!(fp);
        }
        if let Some(u) = usage {
            v["usage"] = u;
        }
        format!("data: {v}\n\n")
    };
    let keepalive = || chunk(json!([]), None);
    let mut out = Vec::new();
    if q.keepalive {
        out.push(keepalive());
    }
    if q.role_first {
        out.push(chunk(
            json!([{"index": 0, "delta": {"role": "assistant", "content": ""}, "logprobs": null, "finish_reason": null}]),
            continuous.then(|| usage(0)),
        ));
    }
    for (i, p) in g.pieces.iter().enumerate() {
        let mut delta = json!({"content": p});
        if i == 0 && !q.role_first {
            delta["role"] = json!("assistant");
        }
        out.push(chunk(
            json!([{"index": 0, "delta": delta, "logprobs": null, "finish_reason": null}]),
            continuous.then(|| usage(i + 1)),
        ));
        if q.keepalive {
            out.push(keepalive());
        }
    }
    let mut last = if q.usage_on_finish {
        json!({"index": 0, "delta": {}, "finish_reason": g.finish})
    } else {
        json!({"index": 0, "delta": {"content": ""}, "logprobs": null, "finish_reason": g.finish})
    };
    if q.stop_reason_field {
        last["stop_reason"] = json!(g.stop);
    }
    let n = g.pieces.len();
    let mut finish = chunk(json!([last]), (continuous || q.usage_on_finish).then(|| usage(n)));
    if q.usage_on_finish {
        let mut v: Value = serde_json::from_str(finish.trim_start_matches("data: ").trim_end()).unwrap();
        v["timings"] = json!({"prompt_n": 17, "predicted_n": n, "predicted_ms": 12.5});
        finish = format!("data: {v}\n\n");
    }
    out.push(finish);
    if asked_usage && q.usage_chunk && !continuous {
        out.push(chunk(json!([]), Some(usage(n))));
    }
    out.push("data: [DONE]\n\n".to_string());
    out
}
