use super::request::DEFAULT_MAX_TOKENS;
use super::stream::anthropic_event;
use super::*;
use crate::sse::{SseEvent, SseParser};

// -- helpers ------------------------------------------------------------

/// Parses SSE bytes fed `step` bytes at a time.
fn parse_sse(wire: &[u8], step: usize) -> Vec<SseEvent> {
    let mut p = SseParser::new(1 << 20);
    let mut evs = Vec::new();
    for piece in wire.chunks(step.max(1)) {
        evs.extend(p.push(piece).unwrap());
    }
    evs.extend(p.finish().unwrap());
    evs
}

fn encode_all(evs: &[SseEvent]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in evs {
        e.encode_into(&mut out);
    }
    out
}

fn openai_wire(chunks: &[Value], done: bool) -> Vec<u8> {
    let mut evs: Vec<SseEvent> = chunks.iter().map(|c| SseEvent::data(c.to_string())).collect();
    if done {
        evs.push(SseEvent::data("[DONE]"));
    }
    encode_all(&evs)
}

fn anthropic_wire(events: &[Value]) -> Vec<u8> {
    let evs: Vec<SseEvent> = events.iter().map(|e| anthropic_event(e.clone())).collect();
    encode_all(&evs)
}

/// Upstream OpenAI bytes -> (parser, byte by byte) -> translator ->
/// encoded -> parsed back (byte by byte): what an Anthropic client sees.
fn o2a(wire: &[u8], step: usize) -> Vec<SseEvent> {
    let mut t = OpenAiToAnthropicStream::new("claude-sonnet-4-5");
    let mut out = Vec::new();
    for ev in parse_sse(wire, step) {
        out.extend(t.on_event(&ev).unwrap());
    }
    out.extend(t.finish());
    assert!(t.finish().is_empty(), "finish is idempotent");
    let back = parse_sse(&encode_all(&out), 1);
    assert_eq!(back, out, "translated events survive encoding");
    out
}

fn a2o(wire: &[u8], step: usize, include_usage: bool) -> Vec<SseEvent> {
    let mut t = AnthropicToOpenAiStream::new("gpt-4o", include_usage);
    let mut out = Vec::new();
    for ev in parse_sse(wire, step) {
        out.extend(t.on_event(&ev).unwrap());
    }
    out.extend(t.finish());
    assert!(t.finish().is_empty(), "finish is idempotent");
    let back = parse_sse(&encode_all(&out), 1);
    assert_eq!(back, out, "translated events survive encoding");
    out
}

fn datas(evs: &[SseEvent]) -> Vec<Value> {
    evs.iter()
        .filter(|e| e.data != "[DONE]")
        .map(|e| serde_json::from_str(&e.data).unwrap())
        .collect()
}

fn names(evs: &[SseEvent]) -> Vec<&str> {
    evs.iter().map(|e| e.event.as_deref().unwrap_or("")).collect()
}

/// Text an Anthropic client assembles from text_delta events.
fn anthropic_text(evs: &[SseEvent]) -> String {
    datas(evs)
        .iter()
        .filter(|d| d["type"] == "content_block_delta" && d["delta"]["type"] == "text_delta")
        .map(|d| d["delta"]["text"].as_str().unwrap().to_string())
        .collect()
}

/// Text an OpenAI client assembles from delta.content.
fn openai_text(evs: &[SseEvent]) -> String {
    datas(evs)
        .iter()
        .filter_map(|d| {
            d["choices"]
                .get(0)
                .and_then(|c| c["delta"]["content"].as_str())
                .map(str::to_string)
        })
        .collect()
}

/// Splits `text` into pieces at char boundaries, sizes from `rng`.
fn split_text(text: &str, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let n = (rng.below(6) as usize + 1).min(chars.len() - i);
        out.push(chars[i..i + n].iter().collect());
        i += n;
    }
    out
}

use crate::sse::tests::Rng;

fn random_text(rng: &mut Rng, max: u64) -> String {
    let alphabet: Vec<char> = "abc XYZ\n\r\n\t:data: [DONE]{}\"\\é日本🎉\u{2028}".chars().collect();
    (0..rng.below(max) + 1)
        .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
        .collect()
}

fn openai_chunk(delta: Value, finish: Option<&str>) -> Value {
    json!({
        "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
        "object": "chat.completion.chunk",
        "created": 1_741_570_283u64,
        "model": "gpt-4o-2024-08-06",
        "system_fingerprint": "fp_eb9dce56a8",
        "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}],
        "usage": null,
    })
}

fn openai_usage_chunk(prompt: u64, completion: u64) -> Value {
    json!({
        "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
        "object": "chat.completion.chunk",
        "created": 1_741_570_283u64,
        "model": "gpt-4o-2024-08-06",
        "choices": [],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                  "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                  "completion_tokens_details": {"reasoning_tokens": 0}},
    })
}

/// An OpenAI stream of `pieces` of text.
fn openai_text_stream(pieces: &[String], usage: bool, done: bool) -> Vec<u8> {
    let mut chunks = vec![openai_chunk(
        json!({"role": "assistant", "content": "", "refusal": null}),
        None,
    )];
    for p in pieces {
        chunks.push(openai_chunk(json!({"content": p}), None));
    }
    chunks.push(openai_chunk(json!({}), Some("stop")));
    if usage {
        chunks.push(openai_usage_chunk(19, 10));
    }
    openai_wire(&chunks, done)
}

/// An Anthropic stream of `pieces` of text.
fn anthropic_text_stream(pieces: &[String]) -> Vec<u8> {
    let mut events = vec![
        json!({"type": "message_start", "message": {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant",
            "content": [], "model": "claude-sonnet-4-5-20250929", "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": 25, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1}}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "ping"}),
    ];
    for p in pieces {
        events.push(json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": p}}));
    }
    events.push(json!({"type": "content_block_stop", "index": 0}));
    events.push(json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 15}}));
    events.push(json!({"type": "message_stop"}));
    anthropic_wire(&events)
}

const SECRET: &str = "SECRET-CONTENT-7731";

fn assert_no_secret(e: &TranslateError) {
    assert!(!e.to_string().contains(SECRET), "{e}");
    assert!(!format!("{e:?}").contains(SECRET));
}

// -- Anthropic request -> OpenAI request ----------------------------------

#[test]
fn anthropic_request_full_fixture() {
    let req = json!({
        "model": "claude-sonnet-4-5",
        "max_tokens": 1024,
        "system": [
            {"type": "text", "text": "You are a helpful assistant."},
            {"type": "text", "text": "Answer briefly.", "cache_control": {"type": "ephemeral"}}
        ],
        "messages": [
            {"role": "user", "content": "What's the weather in Paris? Here is a photo."},
            {"role": "user", "content": [
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
                {"type": "text", "text": "Also this one."}
            ]},
            {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "Let me check.", "signature": "EqQBCgIYAhIM"},
                {"type": "text", "text": "Let me look that up."},
                {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"location": "Paris, France", "unit": "celsius"}},
                {"type": "tool_use", "id": "toolu_02B", "name": "get_time", "input": {}}
            ]},
            {"role": "user", "content": [
                {"type": "text", "text": "Here you go."},
                {"type": "tool_result", "tool_use_id": "toolu_01A09q90qw90lq917835lq9", "content": "15 degrees"},
                {"type": "tool_result", "tool_use_id": "toolu_02B", "is_error": false, "content": [
                    {"type": "text", "text": "14:02"},
                    {"type": "text", "text": "CET"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}}
                ]}
            ]}
        ],
        "tools": [
            {"name": "get_weather", "description": "Get the current weather", "input_schema": {
                "type": "object", "properties": {"location": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                "required": ["location"]}, "cache_control": {"type": "ephemeral"}},
            {"name": "get_time", "input_schema": {"type": "object", "properties": {}}}
        ],
        "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
        "metadata": {"user_id": "user-1234"},
        "stop_sequences": ["\n\nHuman:", "END"],
        "temperature": 0.7,
        "top_p": 0.9,
        "top_k": 40,
        "thinking": {"type": "enabled", "budget_tokens": 2000},
        "stream": true
    });
    let out = anthropic_to_openai_request(&req, "meta-llama/Llama-3.3-70B-Instruct").unwrap();
    let expected = json!({
        "model": "meta-llama/Llama-3.3-70B-Instruct",
        "messages": [
            {"role": "system", "content": "You are a helpful assistant.\n\nAnswer briefly."},
            {"role": "user", "content": "What's the weather in Paris? Here is a photo."},
            {"role": "user", "content": [
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
                {"type": "text", "text": "Also this one."}
            ]},
            {"role": "assistant", "content": "Let me look that up.", "tool_calls": [
                {"id": "toolu_01A09q90qw90lq917835lq9", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\":\"Paris, France\",\"unit\":\"celsius\"}"}},
                {"id": "toolu_02B", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}
            ]},
            {"role": "tool", "tool_call_id": "toolu_01A09q90qw90lq917835lq9", "content": "15 degrees"},
            {"role": "tool", "tool_call_id": "toolu_02B", "content": "14:02\nCET"},
            {"role": "user", "content": [
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQ"}},
                {"type": "text", "text": "Here you go."}
            ]}
        ],
        "max_tokens": 1024,
        "temperature": 0.7,
        "top_p": 0.9,
        "stop": ["\n\nHuman:", "END"],
        "stream": true,
        "stream_options": {"include_usage": true},
        "tools": [
            {"type": "function", "function": {"name": "get_weather", "description": "Get the current weather", "parameters": {
                "type": "object", "properties": {"location": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                "required": ["location"]}}},
            {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}
        ],
        "tool_choice": "required",
        "parallel_tool_calls": false,
        "user": "user-1234"
    });
    assert_eq!(out, expected);
}

#[test]
fn anthropic_request_minimal_and_tool_only_assistant() {
    let req = json!({
        "model": "claude-haiku-4-5", "max_tokens": 50, "system": "Be terse.",
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "hi"}]},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "f", "input": {"a": 1}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1"}]}
        ],
        "stream": false
    });
    let out = anthropic_to_openai_request(&req, "m").unwrap();
    assert_eq!(out["messages"][0], json!({"role": "system", "content": "Be terse."}));
    // A lone text block becomes a plain string.
    assert_eq!(out["messages"][1], json!({"role": "user", "content": "hi"}));
    assert_eq!(out["messages"][2]["content"], Value::Null);
    assert_eq!(
        out["messages"][2]["tool_calls"][0]["function"]["arguments"],
        "{\"a\":1}"
    );
    assert_eq!(
        out["messages"][3],
        json!({"role": "tool", "tool_call_id": "t1", "content": ""})
    );
    assert_eq!(out["messages"].as_array().unwrap().len(), 4);
    assert_eq!(out["stream"], false);
    assert!(out.get("stream_options").is_none());
    assert!(out.get("tools").is_none());
}

#[test]
fn anthropic_tool_choice_variants() {
    let base = |choice: Value| json!({"model": "x", "max_tokens": 1, "messages": [{"role": "user", "content": "q"}], "tool_choice": choice});
    let tc = |choice: Value| anthropic_to_openai_request(&base(choice), "m").unwrap();
    assert_eq!(tc(json!({"type": "auto"}))["tool_choice"], "auto");
    assert_eq!(tc(json!({"type": "none"}))["tool_choice"], "none");
    assert_eq!(tc(json!({"type": "any"}))["tool_choice"], "required");
    let t = tc(json!({"type": "tool", "name": "get_weather"}));
    assert_eq!(
        t["tool_choice"],
        json!({"type": "function", "function": {"name": "get_weather"}})
    );
    assert!(t.get("parallel_tool_calls").is_none());
    assert!(anthropic_to_openai_request(&base(json!({"type": "tool"})), "m").is_err());
    assert!(anthropic_to_openai_request(&base(json!({"type": "bogus"})), "m").is_err());
}

#[test]
fn anthropic_documents() {
    let req = json!({"model": "x", "max_tokens": 1, "messages": [{"role": "user", "content": [
        {"type": "document", "title": "report.pdf", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0x"}},
        {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "plain doc"}},
        {"type": "text", "text": "Summarise."}
    ]}]});
    let out = anthropic_to_openai_request(&req, "m").unwrap();
    assert_eq!(
        out["messages"][0]["content"],
        json!([
            {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}},
            {"type": "text", "text": "plain doc"},
            {"type": "text", "text": "Summarise."}
        ])
    );
}

#[test]
fn anthropic_request_errors_name_the_problem_only() {
    let cases = [
        json!({"max_tokens": 1}),
        json!("not an object"),
        json!({"messages": [{"role": "system", "content": SECRET}]}),
        json!({"messages": [{"role": "user", "content": 5}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "search_result", "source": SECRET}]}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "image", "source": {"type": "file", "file_id": SECRET}}]}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "tool_result", "content": SECRET}]}]}),
        json!({"messages": [], "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 5}]}),
        json!({"messages": [], "system": [{"type": "image", "text": SECRET}]}),
        json!({"messages": [{"role": "assistant", "content": [{"type": "server_tool_use", "id": SECRET}]}]}),
    ];
    for c in cases {
        let e = anthropic_to_openai_request(&c, "m").unwrap_err();
        assert_no_secret(&e);
    }
}

// -- OpenAI response -> Anthropic response --------------------------------

#[test]
fn openai_response_with_text_and_tool_calls() {
    let resp = json!({
        "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        "object": "chat.completion",
        "created": 1_741_569_952u64,
        "model": "gpt-4o-2024-08-06",
        "choices": [{
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "I'll check both.",
                "refusal": null,
                "annotations": [],
                "tool_calls": [
                    {"id": "call_abc123", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\": \"Boston, MA\"}"}},
                    {"id": "call_def456", "type": "function", "function": {"name": "get_time", "arguments": ""}}
                ]
            },
            "logprobs": null,
            "finish_reason": "tool_calls"
        }],
        "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99,
                  "prompt_tokens_details": {"cached_tokens": 64, "audio_tokens": 0},
                  "completion_tokens_details": {"reasoning_tokens": 0}},
        "service_tier": "default",
        "system_fingerprint": "fp_fc9f1d7035"
    });
    let out = openai_to_anthropic_response(&resp, "claude-sonnet-4-5").unwrap();
    assert_eq!(
        out,
        json!({
            "id": "msg_B9MBs8CjcvOU2jLn4n570S5qMJKcT",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5",
            "content": [
                {"type": "text", "text": "I'll check both."},
                {"type": "tool_use", "id": "call_abc123", "name": "get_weather", "input": {"location": "Boston, MA"}},
                {"type": "tool_use", "id": "call_def456", "name": "get_time", "input": {}}
            ],
            "stop_reason": "tool_use",
            "stop_sequence": null,
            "usage": {"input_tokens": 18, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 64, "output_tokens": 17}
        })
    );
}

#[test]
fn openai_response_finish_reasons() {
    let resp = |finish: &str, tools: bool| {
        let mut message = json!({"role": "assistant", "content": "x"});
        if tools {
            message["tool_calls"] =
                json!([{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]);
        }
        json!({"id": "chatcmpl-1", "choices": [{"index": 0, "message": message, "finish_reason": finish}], "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}})
    };
    let stop = |finish: &str, tools: bool| {
        openai_to_anthropic_response(&resp(finish, tools), "m").unwrap()["stop_reason"].clone()
    };
    assert_eq!(stop("stop", false), "end_turn");
    assert_eq!(stop("length", false), "max_tokens");
    assert_eq!(stop("tool_calls", true), "tool_use");
    assert_eq!(stop("content_filter", false), "refusal");
    // Some servers say "stop" after tool calls.
    assert_eq!(stop("stop", true), "tool_use");
    let r = openai_to_anthropic_response(&resp("stop", false), "m").unwrap();
    assert_eq!(
        r["usage"],
        json!({"input_tokens": 1, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 2})
    );
}

#[test]
fn openai_response_vllm_stop_string_and_refusal() {
    let resp = json!({"id": "chatcmpl-9", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"},
        "finish_reason": "stop", "stop_reason": "END"}]});
    let out = openai_to_anthropic_response(&resp, "m").unwrap();
    assert_eq!(out["stop_reason"], "stop_sequence");
    assert_eq!(out["stop_sequence"], "END");
    // vLLM's integer stop_reason (a stop token id) is a normal end.
    let resp = json!({"id": "chatcmpl-9", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"},
        "finish_reason": "stop", "stop_reason": 128_009}]});
    assert_eq!(
        openai_to_anthropic_response(&resp, "m").unwrap()["stop_reason"],
        "end_turn"
    );

    let resp = json!({"id": "chatcmpl-9", "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
        "refusal": "I can't help with that."}, "finish_reason": "stop"}]});
    let out = openai_to_anthropic_response(&resp, "m").unwrap();
    assert_eq!(out["stop_reason"], "refusal");
    assert_eq!(
        out["content"],
        json!([{"type": "text", "text": "I can't help with that."}])
    );
}

#[test]
fn openai_response_errors() {
    assert!(openai_to_anthropic_response(&json!({"choices": []}), "m").is_err());
    assert!(openai_to_anthropic_response(&json!([]), "m").is_err());
    let bad_args = json!({"choices": [{"message": {"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": format!("{{\"a\": \"{SECRET}")}}]}, "finish_reason": "tool_calls"}]});
    assert_no_secret(&openai_to_anthropic_response(&bad_args, "m").unwrap_err());
    // No id, no usage, empty content: still a valid message.
    let out = openai_to_anthropic_response(
        &json!({"choices": [{"message": {"role": "assistant", "content": ""}, "finish_reason": "stop"}]}),
        "m",
    )
    .unwrap();
    assert!(out["id"].as_str().unwrap().starts_with("msg_"));
    assert_eq!(out["content"], json!([]));
    assert_eq!(out["usage"]["output_tokens"], 0);
}

// -- OpenAI request -> Anthropic request ----------------------------------

#[test]
fn openai_request_full_fixture() {
    let req = json!({
        "model": "gpt-4o",
        "messages": [
            {"role": "developer", "content": "You are a helpful assistant."},
            {"role": "system", "content": [{"type": "text", "text": "Use metric units."}]},
            {"role": "user", "content": [
                {"type": "text", "text": "What's in this image, and what's the weather there?"},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQSkZJRg==", "detail": "high"}},
                {"type": "image_url", "image_url": {"url": "https://upload.wikimedia.org/boardwalk.jpg"}}
            ]},
            {"role": "assistant", "content": null, "tool_calls": [
                {"id": "call_abc123", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\":\"Madison, WI\"}"}},
                {"id": "call.def:456", "type": "function", "function": {"name": "get_time", "arguments": ""}}
            ]},
            {"role": "tool", "tool_call_id": "call_abc123", "content": "{\"temp\": 22}"},
            {"role": "tool", "tool_call_id": "call.def:456", "content": [{"type": "text", "text": "09:00"}]},
            {"role": "user", "content": "Thanks! Summarise."},
            {"role": "assistant", "content": "Sure: "}
        ],
        "max_completion_tokens": 512,
        "max_tokens": 100,
        "temperature": 1.4,
        "top_p": 0.95,
        "n": 1,
        "stop": "###",
        "stream": true,
        "stream_options": {"include_usage": true},
        "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Get weather", "parameters": {
            "type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}, "strict": true}},
            {"type": "function", "function": {"name": "get_time"}}],
        "tool_choice": "required",
        "parallel_tool_calls": false,
        "user": "user-42",
        "response_format": {"type": "text"},
        "seed": 7,
        "logprobs": false
    });
    let out = openai_to_anthropic_request(&req, "claude-sonnet-4-5").unwrap();
    let expected = json!({
        "model": "claude-sonnet-4-5",
        "max_tokens": 512,
        "system": "You are a helpful assistant.\n\nUse metric units.",
        "messages": [
            {"role": "user", "content": [
                {"type": "text", "text": "What's in this image, and what's the weather there?"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQSkZJRg=="}},
                {"type": "image", "source": {"type": "url", "url": "https://upload.wikimedia.org/boardwalk.jpg"}}
            ]},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "call_abc123", "name": "get_weather", "input": {"location": "Madison, WI"}},
                {"type": "tool_use", "id": "call_def_456", "name": "get_time", "input": {}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "call_abc123", "content": "{\"temp\": 22}"},
                {"type": "tool_result", "tool_use_id": "call_def_456", "content": [{"type": "text", "text": "09:00"}]},
                {"type": "text", "text": "Thanks! Summarise."}
            ]},
            // Prefill: trailing whitespace removed (Anthropic rejects it).
            {"role": "assistant", "content": "Sure:"}
        ],
        "temperature": 1.0,
        "top_p": 0.95,
        "stop_sequences": ["###"],
        "stream": true,
        "tools": [
            {"name": "get_weather", "description": "Get weather", "input_schema": {
                "type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}, "strict": true},
            {"name": "get_time", "input_schema": {"type": "object", "properties": {}}}
        ],
        "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
        "metadata": {"user_id": "user-42"}
    });
    assert_eq!(out, expected);
}

#[test]
fn openai_request_defaults_and_merging() {
    let req = json!({"model": "gpt-4o", "messages": [
        {"role": "user", "content": "one"},
        {"role": "user", "content": [{"type": "text", "text": "two"}]},
        {"role": "assistant", "content": "a"},
        {"role": "assistant", "content": [{"type": "text", "text": "b"}, {"type": "refusal", "refusal": "c"}]},
        {"role": "user", "content": ""},
        {"role": "user", "content": "last"}
    ], "stop": ["a", "b"], "max_tokens": 77});
    let out = openai_to_anthropic_request(&req, "claude").unwrap();
    assert_eq!(out["max_tokens"], 77);
    assert_eq!(out["stop_sequences"], json!(["a", "b"]));
    assert_eq!(
        out["messages"],
        json!([
            {"role": "user", "content": [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "bc"}]},
            {"role": "user", "content": "last"}
        ])
    );
    assert!(out.get("system").is_none());
    assert!(out.get("stream").is_none());
    let out = openai_to_anthropic_request(&json!({"messages": [{"role": "user", "content": "x"}]}), "c").unwrap();
    assert_eq!(out["max_tokens"], DEFAULT_MAX_TOKENS);
}

#[test]
fn openai_tool_result_before_text_even_if_out_of_order() {
    let req = json!({"messages": [
        {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
        {"role": "user", "content": "note"},
        {"role": "tool", "tool_call_id": "c1", "content": "r"}
    ]});
    let out = openai_to_anthropic_request(&req, "c").unwrap();
    assert_eq!(out["messages"][1]["content"][0]["type"], "tool_result");
    assert_eq!(out["messages"][1]["content"][1]["type"], "text");
}

#[test]
fn openai_tool_choice_variants() {
    let base = |choice: Value, parallel: Option<bool>| {
        let mut r = json!({"messages": [{"role": "user", "content": "q"}], "tool_choice": choice,
            "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}]});
        if let Some(p) = parallel {
            r["parallel_tool_calls"] = json!(p);
        }
        r
    };
    let tc = |choice: Value, parallel: Option<bool>| {
        openai_to_anthropic_request(&base(choice, parallel), "c").unwrap()["tool_choice"].clone()
    };
    assert_eq!(tc(json!("auto"), None), json!({"type": "auto"}));
    assert_eq!(tc(json!("none"), Some(false)), json!({"type": "none"}));
    assert_eq!(tc(json!("required"), Some(true)), json!({"type": "any"}));
    assert_eq!(
        tc(json!({"type": "function", "function": {"name": "f"}}), None),
        json!({"type": "tool", "name": "f"})
    );
    assert_eq!(
        tc(Value::Null, Some(false)),
        json!({"type": "auto", "disable_parallel_tool_use": true})
    );
    assert!(
        openai_to_anthropic_request(&base(json!({"type": "allowed_tools", "allowed_tools": {}}), None), "c").is_err()
    );
    assert!(openai_to_anthropic_request(&base(json!("sometimes"), None), "c").is_err());
}

#[test]
fn openai_file_parts_and_safety_identifier() {
    let req = json!({"messages": [{"role": "user", "content": [
        {"type": "file", "file": {"filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}},
        {"type": "text", "text": "Summarise"}
    ]}], "safety_identifier": "hash-1"});
    let out = openai_to_anthropic_request(&req, "c").unwrap();
    assert_eq!(
        out["messages"][0]["content"][0],
        json!({"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0x"}, "title": "a.pdf"})
    );
    assert_eq!(out["metadata"], json!({"user_id": "hash-1"}));
}

#[test]
fn openai_request_errors_name_the_problem_only() {
    let cases = [
        json!({"messages": [{"role": "user", "content": SECRET}], "n": 2}),
        json!({"messages": SECRET}),
        json!({"messages": [{"role": "function", "name": "f", "content": SECRET}]}),
        json!({"messages": [{"role": "wizard", "content": SECRET}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": SECRET, "format": "wav"}}]}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "file", "file": {"file_id": SECRET}}]}]}),
        json!({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": format!("data:image/png,{SECRET}")}}]}]}),
        json!({"messages": [{"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": SECRET}}]}]}),
        json!({"messages": [{"role": "tool", "content": SECRET}]}),
        json!({"messages": [], "tools": [{"type": "custom", "custom": {"name": SECRET}}]}),
    ];
    for c in cases {
        let e = openai_to_anthropic_request(&c, "c").unwrap_err();
        assert_no_secret(&e);
    }
    assert_eq!(
        openai_to_anthropic_request(&json!({"messages": [], "n": 3}), "c").unwrap_err(),
        TranslateError::Unsupported("n greater than 1")
    );
}

// -- Anthropic response -> OpenAI response --------------------------------

#[test]
fn anthropic_response_with_tool_use() {
    let resp = json!({
        "id": "msg_01Aq9w938a90dw8q",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5-20250929",
        "content": [
            {"type": "thinking", "thinking": "hmm", "signature": "sig"},
            {"type": "text", "text": "I'll check the weather "},
            {"type": "text", "text": "for you."},
            {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"location": "San Francisco, CA", "unit": "celsius"}}
        ],
        "stop_reason": "tool_use",
        "stop_sequence": null,
        "usage": {"input_tokens": 100, "cache_creation_input_tokens": 20, "cache_read_input_tokens": 300, "output_tokens": 50}
    });
    let out = anthropic_to_openai_response(&resp, "gpt-4o").unwrap();
    assert!(out["created"].as_u64().unwrap() > 1_700_000_000);
    let mut out = out;
    out["created"] = json!(0);
    assert_eq!(
        out,
        json!({
            "id": "chatcmpl-01Aq9w938a90dw8q",
            "object": "chat.completion",
            "created": 0,
            "model": "gpt-4o",
            "choices": [{
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "I'll check the weather for you.",
                    "refusal": null,
                    "tool_calls": [{"id": "toolu_01A09q90qw90lq917835lq9", "type": "function",
                        "function": {"name": "get_weather", "arguments": "{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}"}}]
                },
                "logprobs": null,
                "finish_reason": "tool_calls"
            }],
            "usage": {"prompt_tokens": 420, "completion_tokens": 50, "total_tokens": 470, "prompt_tokens_details": {"cached_tokens": 300}}
        })
    );
}

#[test]
fn anthropic_response_stop_reasons_and_null_content() {
    let resp = |stop: Value, content: Value| {
        json!({"id": "msg_1", "type": "message", "role": "assistant", "content": content, "stop_reason": stop,
               "usage": {"input_tokens": 1, "output_tokens": 1}})
    };
    let fin = |stop: &str| {
        anthropic_to_openai_response(&resp(json!(stop), json!([])), "m").unwrap()["choices"][0]["finish_reason"].clone()
    };
    assert_eq!(fin("end_turn"), "stop");
    assert_eq!(fin("stop_sequence"), "stop");
    assert_eq!(fin("max_tokens"), "length");
    assert_eq!(fin("tool_use"), "tool_calls");
    assert_eq!(fin("refusal"), "content_filter");
    let out = anthropic_to_openai_response(
        &resp(
            json!("tool_use"),
            json!([{"type": "tool_use", "id": "t", "name": "f", "input": {}}]),
        ),
        "m",
    )
    .unwrap();
    assert_eq!(out["choices"][0]["message"]["content"], Value::Null);
    assert!(anthropic_to_openai_response(&json!({"type": "message"}), "m").is_err());
}

#[test]
fn request_round_trip_anthropic_openai_anthropic() {
    let original = json!({
        "model": "claude-sonnet-4-5",
        "max_tokens": 1000,
        "system": "Be kind.",
        "messages": [
            {"role": "user", "content": [
                {"type": "text", "text": "Look:"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/webp", "data": "UklGRg=="}}
            ]},
            {"role": "assistant", "content": [
                {"type": "text", "text": "Checking."},
                {"type": "tool_use", "id": "toolu_1", "name": "lookup", "input": {"q": "x", "n": [1, 2]}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "found"},
                {"type": "text", "text": "And?"}
            ]}
        ],
        "stop_sequences": ["STOP"],
        "temperature": 0.5,
        "stream": true,
        "tools": [{"name": "lookup", "description": "Look up", "input_schema": {"type": "object", "properties": {"q": {"type": "string"}}}}],
        "tool_choice": {"type": "tool", "name": "lookup"},
        "metadata": {"user_id": "u1"}
    });
    let openai = anthropic_to_openai_request(&original, "gpt-4o").unwrap();
    let back = openai_to_anthropic_request(&openai, "claude-sonnet-4-5").unwrap();
    assert_eq!(back["system"], original["system"]);
    assert_eq!(back["messages"], original["messages"]);
    for key in [
        "model",
        "max_tokens",
        "stop_sequences",
        "temperature",
        "stream",
        "tools",
        "tool_choice",
        "metadata",
    ] {
        assert_eq!(back[key], original[key], "{key}");
    }
}

// -- Error bodies --------------------------------------------------------

#[test]
fn error_bodies_openai_to_anthropic() {
    let body = json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}});
    assert_eq!(
        openai_error_to_anthropic(401, &body),
        json!({"type": "error", "error": {"type": "authentication_error", "message": "Incorrect API key provided"}})
    );
    let ty = |status: u16| openai_error_to_anthropic(status, &Value::Null)["error"]["type"].clone();
    assert_eq!(ty(400), "invalid_request_error");
    assert_eq!(ty(403), "permission_error");
    assert_eq!(ty(404), "not_found_error");
    assert_eq!(ty(413), "request_too_large");
    assert_eq!(ty(422), "invalid_request_error");
    assert_eq!(ty(429), "rate_limit_error");
    assert_eq!(ty(500), "api_error");
    assert_eq!(ty(503), "api_error");
    assert_eq!(ty(529), "overloaded_error");
    assert_eq!(
        openai_error_to_anthropic(502, &Value::Null)["error"]["message"],
        "upstream returned HTTP status 502"
    );
    // vLLM and FastAPI shapes.
    let vllm = json!({"object": "error", "message": "max_tokens is too large", "type": "BadRequestError", "param": null, "code": 400});
    assert_eq!(
        openai_error_to_anthropic(400, &vllm)["error"]["message"],
        "max_tokens is too large"
    );
    assert_eq!(
        openai_error_to_anthropic(404, &json!({"detail": "Not Found"}))["error"]["message"],
        "Not Found"
    );
    assert_eq!(
        openai_error_to_anthropic(500, &json!({"error": "boom"}))["error"]["message"],
        "boom"
    );
}

#[test]
fn error_bodies_anthropic_to_openai() {
    let body =
        json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}, "request_id": "req_1"});
    assert_eq!(
        anthropic_error_to_openai(529, &body),
        json!({"error": {"message": "Overloaded", "type": "server_error", "param": null, "code": "overloaded_error"}})
    );
    let body =
        json!({"type": "error", "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"}});
    assert_eq!(
        anthropic_error_to_openai(400, &body)["error"]["type"],
        "invalid_request_error"
    );
    let ty = |status: u16| anthropic_error_to_openai(status, &Value::Null)["error"].clone();
    assert_eq!(ty(401)["type"], "authentication_error");
    assert_eq!(ty(401)["code"], "authentication_error");
    assert_eq!(ty(403)["type"], "permission_error");
    assert_eq!(ty(404)["type"], "invalid_request_error");
    assert_eq!(ty(429)["type"], "rate_limit_error");
    assert_eq!(ty(500)["type"], "server_error");
    assert_eq!(ty(500)["message"], "upstream returned HTTP status 500");
}

// -- Streams: OpenAI -> Anthropic -------------------------------------------

#[test]
fn openai_stream_text_and_tools_bytewise() {
    let chunks = vec![
        openai_chunk(json!({"role": "assistant", "content": "", "refusal": null}), None),
        openai_chunk(json!({"content": "Let me "}), None),
        openai_chunk(json!({"content": "check."}), None),
        openai_chunk(
            json!({"tool_calls": [{"index": 0, "id": "call_DdmO9pD3xa9XTPNJ32zg2hcA", "type": "function",
            "function": {"name": "get_weather", "arguments": ""}}]}),
            None,
        ),
        openai_chunk(
            json!({"tool_calls": [{"index": 0, "function": {"arguments": "{\"location\""}}]}),
            None,
        ),
        openai_chunk(
            json!({"tool_calls": [{"index": 0, "function": {"arguments": ": \"Paris, Fr"}}]}),
            None,
        ),
        openai_chunk(
            json!({"tool_calls": [{"index": 0, "function": {"arguments": "ance\"}"}}]}),
            None,
        ),
        openai_chunk(
            json!({"tool_calls": [{"index": 1, "id": "call_2", "type": "function",
            "function": {"name": "get_time", "arguments": "{}"}}]}),
            None,
        ),
        openai_chunk(json!({}), Some("tool_calls")),
        openai_usage_chunk(120, 40),
    ];
    let wire = openai_wire(&chunks, true);
    let out = o2a(&wire, 1);
    assert_eq!(
        names(&out),
        vec![
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop",
        ]
    );
    let d = datas(&out);
    assert_eq!(d[0]["message"]["id"], "msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    assert_eq!(d[0]["message"]["model"], "claude-sonnet-4-5");
    assert_eq!(d[0]["message"]["usage"]["input_tokens"], 0);
    assert_eq!(
        d[1],
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
    );
    assert_eq!(anthropic_text(&out), "Let me check.");
    assert_eq!(
        d[5],
        json!({"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "call_DdmO9pD3xa9XTPNJ32zg2hcA", "name": "get_weather", "input": {}}})
    );
    let args: String = d[6..9]
        .iter()
        .map(|e| e["delta"]["partial_json"].as_str().unwrap())
        .collect();
    assert_eq!(
        serde_json::from_str::<Value>(&args).unwrap(),
        json!({"location": "Paris, France"})
    );
    assert_eq!(d[10]["content_block"]["name"], "get_time");
    assert_eq!(d[10]["index"], 2);
    assert_eq!(d[12], json!({"type": "content_block_stop", "index": 2}));
    assert_eq!(
        d[13],
        json!({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null},
               "usage": {"input_tokens": 120, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 40}})
    );
    assert_eq!(d[14], json!({"type": "message_stop"}));
    // Same result whatever the chunking.
    for step in [2, 3, 7, 64, wire.len()] {
        assert_eq!(o2a(&wire, step), out, "step {step}");
    }
}

#[test]
fn openai_stream_finish_before_usage_waits_for_usage() {
    let mut t = OpenAiToAnthropicStream::new("claude");
    let ev = |v: Value| SseEvent::data(v.to_string());
    let out = t
        .on_event(&ev(openai_chunk(json!({"role": "assistant", "content": "Hi"}), None)))
        .unwrap();
    assert_eq!(
        names(&out),
        vec!["message_start", "content_block_start", "content_block_delta"]
    );
    let out = t.on_event(&ev(openai_chunk(json!({}), Some("stop")))).unwrap();
    assert_eq!(names(&out), vec!["content_block_stop"]);
    let out = t.on_event(&ev(openai_usage_chunk(9, 3))).unwrap();
    assert_eq!(names(&out), vec!["message_delta", "message_stop"]);
    assert_eq!(datas(&out)[0]["usage"]["output_tokens"], 3);
    assert_eq!(datas(&out)[0]["delta"]["stop_reason"], "end_turn");
    assert!(t.on_event(&SseEvent::data("[DONE]")).unwrap().is_empty());
    assert!(t.finish().is_empty());
}

#[test]
fn openai_stream_usage_in_finish_chunk() {
    let mut finish = openai_chunk(json!({}), Some("length"));
    finish["usage"] = json!({"prompt_tokens": 5, "completion_tokens": 100, "total_tokens": 105});
    let wire = openai_wire(
        &[
            openai_chunk(json!({"content": "abc"}), None),
            finish,
            openai_usage_chunk(5, 100),
        ],
        true,
    );
    let out = o2a(&wire, 5);
    let d = datas(&out);
    assert_eq!(names(&out).iter().filter(|n| **n == "message_stop").count(), 1);
    let delta = d.iter().find(|e| e["type"] == "message_delta").unwrap();
    assert_eq!(delta["delta"]["stop_reason"], "max_tokens");
    assert_eq!(delta["usage"]["output_tokens"], 100);
}

#[test]
fn openai_stream_without_done_or_usage() {
    // finish_reason, then the connection closes: no usage, no [DONE].
    let wire = openai_text_stream(&["Hello".into(), " world".into()], false, false);
    let out = o2a(&wire, 1);
    assert_eq!(anthropic_text(&out), "Hello world");
    let n = names(&out);
    assert_eq!(
        &n[n.len() - 3..],
        &["content_block_stop", "message_delta", "message_stop"]
    );
    assert_eq!(datas(&out).last().unwrap(), &json!({"type": "message_stop"}));
    let delta = &datas(&out)[datas(&out).len() - 2];
    assert_eq!(delta["usage"], json!({"output_tokens": 0}));

    // Usage but no [DONE].
    let out = o2a(&openai_text_stream(&["x".into()], true, false), 1);
    assert_eq!(names(&out).last(), Some(&"message_stop"));

    // [DONE] with no usage.
    let out = o2a(&openai_text_stream(&["x".into()], false, true), 1);
    assert_eq!(names(&out).last(), Some(&"message_stop"));
}

#[test]
fn openai_stream_done_without_finish_reason() {
    let wire = openai_wire(&[openai_chunk(json!({"content": "partial"}), None)], true);
    let out = o2a(&wire, 1);
    let d = datas(&out);
    assert_eq!(d[d.len() - 2]["delta"]["stop_reason"], "end_turn");
    assert_eq!(names(&out).last(), Some(&"message_stop"));
}

#[test]
fn openai_stream_truncated_ends_with_error() {
    let wire = openai_wire(&[openai_chunk(json!({"content": "partial"}), None)], false);
    let out = o2a(&wire, 1);
    assert_eq!(names(&out).last(), Some(&"error"));
    assert_eq!(datas(&out).last().unwrap()["error"]["type"], "api_error");
    // Nothing at all.
    let mut t = OpenAiToAnthropicStream::new("c");
    assert_eq!(names(&t.finish()), vec!["error"]);
    assert!(t.finish().is_empty());
}

#[test]
fn openai_stream_error_chunk() {
    let mut t = OpenAiToAnthropicStream::new("c");
    t.on_event(&SseEvent::data(openai_chunk(json!({"content": "a"}), None).to_string()))
        .unwrap();
    let err = json!({"error": {"message": "Rate limit reached", "type": "requests", "param": null, "code": "rate_limit_exceeded"}});
    let out = t.on_event(&SseEvent::data(err.to_string())).unwrap();
    assert_eq!(names(&out), vec!["error"]);
    assert_eq!(
        datas(&out)[0],
        json!({"type": "error", "error": {"type": "rate_limit_error", "message": "Rate limit reached"}})
    );
    assert!(t.on_event(&SseEvent::data("[DONE]")).unwrap().is_empty());
    assert!(t.finish().is_empty());
    // vLLM puts the HTTP status in code.
    let mut t = OpenAiToAnthropicStream::new("c");
    let out = t
        .on_event(&SseEvent::data(
            json!({"error": {"message": "m", "type": "BadRequestError", "code": 400}}).to_string(),
        ))
        .unwrap();
    assert_eq!(datas(&out)[0]["error"]["type"], "invalid_request_error");
}

#[test]
fn openai_stream_bad_json_is_an_error_without_content() {
    let mut t = OpenAiToAnthropicStream::new("c");
    let e = t
        .on_event(&SseEvent::data(format!("{{\"choices\": [{SECRET}")))
        .unwrap_err();
    assert_no_secret(&e);
}

#[test]
fn openai_stream_interleaved_tool_calls_rejected() {
    let mut t = OpenAiToAnthropicStream::new("c");
    let ev = |v: Value| SseEvent::data(openai_chunk(v, None).to_string());
    t.on_event(&ev(
        json!({"tool_calls": [{"index": 0, "id": "a", "function": {"name": "f", "arguments": "{"}}]}),
    ))
    .unwrap();
    t.on_event(&ev(
        json!({"tool_calls": [{"index": 1, "id": "b", "function": {"name": "g", "arguments": "{"}}]}),
    ))
    .unwrap();
    assert!(t
        .on_event(&ev(
            json!({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]})
        ))
        .is_err());
}

#[test]
fn openai_stream_tool_calls_without_index_and_stop_finish() {
    // Some servers send whole calls without `index` and finish with "stop".
    let chunks = vec![
        openai_chunk(
            json!({"tool_calls": [{"id": "a", "type": "function", "function": {"name": "f", "arguments": "{\"x\":1}"}}]}),
            None,
        ),
        openai_chunk(
            json!({"tool_calls": [{"id": "b", "type": "function", "function": {"name": "g", "arguments": "{}"}}]}),
            None,
        ),
        openai_chunk(json!({}), Some("stop")),
    ];
    let out = o2a(&openai_wire(&chunks, true), 1);
    let d = datas(&out);
    let starts: Vec<&Value> = d.iter().filter(|e| e["type"] == "content_block_start").collect();
    assert_eq!(starts.len(), 2);
    assert_eq!(starts[0]["content_block"]["id"], "a");
    assert_eq!(starts[1]["content_block"]["id"], "b");
    assert_eq!(
        d.iter().find(|e| e["type"] == "message_delta").unwrap()["delta"]["stop_reason"],
        "tool_use"
    );
}

#[test]
fn openai_stream_vllm_stop_sequence_and_other_choices_ignored() {
    let mut fin = openai_chunk(json!({}), Some("stop"));
    fin["choices"][0]["stop_reason"] = json!("</answer>");
    let mut other = openai_chunk(json!({"content": "other choice"}), None);
    other["choices"][0]["index"] = json!(1);
    let out = o2a(
        &openai_wire(&[openai_chunk(json!({"content": "a"}), None), other, fin], true),
        3,
    );
    assert_eq!(anthropic_text(&out), "a");
    let d = datas(&out);
    let delta = d.iter().find(|e| e["type"] == "message_delta").unwrap();
    assert_eq!(
        delta["delta"],
        json!({"stop_reason": "stop_sequence", "stop_sequence": "</answer>"})
    );
}

// -- Streams: Anthropic -> OpenAI -------------------------------------------

fn anthropic_tool_stream() -> Vec<u8> {
    anthropic_wire(&[
        json!({"type": "message_start", "message": {"id": "msg_014p7gG3wDgGV9EUtLvnow3U", "type": "message", "role": "assistant",
            "model": "claude-sonnet-4-5-20250929", "stop_sequence": null, "content": [], "stop_reason": null,
            "usage": {"input_tokens": 472, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 100, "output_tokens": 2}}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": "", "signature": ""}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Let me think"}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "EqQB"}}),
        json!({"type": "content_block_stop", "index": 0}),
        json!({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "ping"}),
        json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Okay, let's check"}}),
        json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": " the weather."}}),
        json!({"type": "content_block_stop", "index": 1}),
        json!({"type": "content_block_start", "index": 2, "content_block": {"type": "tool_use", "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "name": "get_weather", "input": {}}}),
        json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": ""}}),
        json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "{\"location\":"}}),
        json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": " \"San Francisco, CA\"}"}}),
        json!({"type": "content_block_stop", "index": 2}),
        json!({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null}, "usage": {"output_tokens": 89}}),
        json!({"type": "message_stop"}),
    ])
}

#[test]
fn anthropic_stream_text_and_tools_bytewise() {
    let wire = anthropic_tool_stream();
    let out = a2o(&wire, 1, true);
    assert_eq!(out.last().unwrap(), &SseEvent::data("[DONE]"));
    assert!(out.iter().all(|e| e.event.is_none()));
    let d = datas(&out);
    for c in &d {
        assert_eq!(c["id"], "chatcmpl-014p7gG3wDgGV9EUtLvnow3U");
        assert_eq!(c["object"], "chat.completion.chunk");
        assert_eq!(c["model"], "gpt-4o");
    }
    assert_eq!(d[0]["choices"][0]["delta"], json!({"role": "assistant", "content": ""}));
    assert_eq!(d[0]["usage"], Value::Null);
    assert!(d[0].as_object().unwrap().contains_key("usage"));
    assert_eq!(openai_text(&out), "Okay, let's check the weather.");
    let tool_deltas: Vec<&Value> = d
        .iter()
        .filter_map(|c| c["choices"].get(0).and_then(|ch| ch["delta"].get("tool_calls")))
        .collect();
    assert_eq!(
        tool_deltas[0],
        &json!([{"index": 0, "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "type": "function", "function": {"name": "get_weather", "arguments": ""}}])
    );
    let args: String = tool_deltas[1..]
        .iter()
        .map(|t| t[0]["function"]["arguments"].as_str().unwrap())
        .collect();
    assert_eq!(
        serde_json::from_str::<Value>(&args).unwrap(),
        json!({"location": "San Francisco, CA"})
    );
    assert_eq!(tool_deltas.len(), 3, "empty partial_json is skipped");
    let fin = &d[d.len() - 2];
    assert_eq!(fin["choices"][0]["finish_reason"], "tool_calls");
    assert_eq!(fin["choices"][0]["delta"], json!({}));
    let usage = &d[d.len() - 1];
    assert_eq!(usage["choices"], json!([]));
    assert_eq!(
        usage["usage"],
        json!({"prompt_tokens": 572, "completion_tokens": 89, "total_tokens": 661, "prompt_tokens_details": {"cached_tokens": 100}})
    );
    for step in [2, 5, 13, wire.len()] {
        assert_eq!(datas(&a2o(&wire, step, true)).len(), d.len(), "step {step}");
    }
}

#[test]
fn anthropic_stream_without_usage_option() {
    let out = a2o(&anthropic_text_stream(&["Hi".into(), " there".into()]), 1, false);
    let d = datas(&out);
    assert!(d.iter().all(|c| c.get("usage").is_none()));
    assert!(d.iter().all(|c| !c["choices"].as_array().unwrap().is_empty()));
    assert_eq!(d.last().unwrap()["choices"][0]["finish_reason"], "stop");
    assert_eq!(openai_text(&out), "Hi there");
    assert_eq!(out.last().unwrap().data, "[DONE]");
    assert_eq!(out.iter().filter(|e| e.data == "[DONE]").count(), 1);
}

#[test]
fn anthropic_stream_error_event() {
    let wire = anthropic_wire(&[
        json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 1, "output_tokens": 1}}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hel"}}),
        json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
    ]);
    let out = a2o(&wire, 1, true);
    assert_eq!(out.last().unwrap().data, "[DONE]");
    let d = datas(&out);
    assert_eq!(
        d.last().unwrap(),
        &json!({"error": {"message": "Overloaded", "type": "server_error", "param": null, "code": "overloaded_error"}})
    );
    assert_eq!(openai_text(&out), "Hel");
}

#[test]
fn anthropic_stream_missing_message_stop_and_truncation() {
    // message_delta then EOF: finish sends usage and [DONE].
    let wire = anthropic_wire(&[
        json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 3, "output_tokens": 1}}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}}),
        json!({"type": "message_delta", "delta": {"stop_reason": "max_tokens"}, "usage": {"output_tokens": 1}}),
    ]);
    let out = a2o(&wire, 1, true);
    let d = datas(&out);
    assert_eq!(d[d.len() - 2]["choices"][0]["finish_reason"], "length");
    assert_eq!(d[d.len() - 1]["usage"]["prompt_tokens"], 3);
    assert_eq!(out.last().unwrap().data, "[DONE]");

    // Cut before message_delta: an error, then [DONE].
    let wire = anthropic_wire(&[
        json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 3, "output_tokens": 1}}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "o"}}),
    ]);
    let out = a2o(&wire, 1, false);
    let d = datas(&out);
    assert_eq!(d.last().unwrap()["error"]["type"], "server_error");
    assert_eq!(out.last().unwrap().data, "[DONE]");
}

#[test]
fn anthropic_stream_tool_input_given_at_block_start() {
    let wire = anthropic_wire(&[
        json!({"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 3, "output_tokens": 1}}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "tool_use", "id": "t", "name": "f", "input": {"a": 1}}}),
        json!({"type": "content_block_stop", "index": 0}),
        json!({"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 9}}),
        json!({"type": "message_stop"}),
    ]);
    let d = datas(&a2o(&wire, 1, false));
    assert_eq!(
        d[1]["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"],
        "{\"a\":1}"
    );
    assert_eq!(d[2]["choices"][0]["finish_reason"], "tool_calls");
}

#[test]
fn anthropic_stream_bad_json_is_an_error_without_content() {
    let mut t = AnthropicToOpenAiStream::new("m", false);
    let e = t
        .on_event(&SseEvent::named("content_block_delta", format!("{{{SECRET}")))
        .unwrap_err();
    assert_no_secret(&e);
}

// -- Stream properties -----------------------------------------------------

#[test]
fn property_stream_text_is_preserved_both_ways() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..120 {
        let text = random_text(&mut rng, 80);
        let pieces = split_text(&text, &mut rng);
        let step = if round % 4 == 0 { 1 } else { rng.below(40) as usize + 1 };

        // OpenAI upstream -> Anthropic client.
        let to_anthropic = o2a(&openai_text_stream(&pieces, round % 2 == 0, round % 3 != 0), step);
        assert_eq!(anthropic_text(&to_anthropic), text);
        assert_eq!(names(&to_anthropic).last(), Some(&"message_stop"));

        // Anthropic upstream -> OpenAI client.
        let to_openai = a2o(&anthropic_text_stream(&pieces), step, round % 2 == 1);
        assert_eq!(openai_text(&to_openai), text);
        assert_eq!(to_openai.last().unwrap().data, "[DONE]");

        // OpenAI -> Anthropic -> OpenAI.
        let wire = encode_all(&to_anthropic);
        let back = a2o(&wire, step, true);
        assert_eq!(openai_text(&back), text);
        let d = datas(&back);
        assert_eq!(d[d.len() - 2]["choices"][0]["finish_reason"], "stop");
    }
}

#[test]
fn property_tool_arguments_survive_a_round_trip() {
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..60 {
        let args =
            json!({"query": random_text(&mut rng, 40), "n": rng.below(1000), "nested": {"list": [random_text(&mut rng, 5), null, true]}})
                .to_string();
        let mut chunks = vec![openai_chunk(
            json!({"role": "assistant", "content": null,
            "tool_calls": [{"index": 0, "id": "call_x", "type": "function", "function": {"name": "search", "arguments": ""}}]}),
            None,
        )];
        for piece in split_text(&args, &mut rng) {
            chunks.push(openai_chunk(
                json!({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}),
                None,
            ));
        }
        chunks.push(openai_chunk(json!({}), Some("tool_calls")));
        chunks.push(openai_usage_chunk(1, 2));
        let anthropic = o2a(&openai_wire(&chunks, true), rng.below(9) as usize + 1);
        let partial: String = datas(&anthropic)
            .iter()
            .filter(|e| e["delta"]["type"] == "input_json_delta")
            .map(|e| e["delta"]["partial_json"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(partial, args);
        let openai = a2o(&encode_all(&anthropic), 1, false);
        let back: String = datas(&openai)
            .iter()
            .filter_map(|c| {
                c["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"]
                    .as_str()
                    .map(str::to_string)
            })
            .collect();
        assert_eq!(back, args);
        let d = datas(&openai);
        assert_eq!(d.last().unwrap()["choices"][0]["finish_reason"], "tool_calls");
    }
}

// -- echoed stop strings ----------------------------------------------------

/// The client's stop sequences through a stream whose text comes in
/// `pieces`, ending with `finish`: (text the client assembles, stop_reason,
/// stop_sequence).
fn o2a_stops(pieces: &[&str], finish: &str, stops: &[&str]) -> (String, Value, Value) {
    let mut chunks: Vec<Value> = pieces
        .iter()
        .map(|p| json!({"id": "c", "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": null}]}))
        .collect();
    chunks.push(json!({"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]}));
    let mut t = OpenAiToAnthropicStream::new("c").stop_sequences(stops.iter().map(|s| s.to_string()).collect());
    let mut out = Vec::new();
    for ev in parse_sse(&openai_wire(&chunks, true), 7) {
        out.extend(t.on_event(&ev).unwrap());
    }
    out.extend(t.finish());
    let delta = datas(&out).into_iter().find(|d| d["type"] == "message_delta").unwrap();
    (
        anthropic_text(&out),
        delta["delta"]["stop_reason"].clone(),
        delta["delta"]["stop_sequence"].clone(),
    )
}

#[test]
fn an_echoed_stop_string_is_left_out_of_the_stream_and_named() {
    // Split across pieces, after multi-byte text.
    let (text, reason, seq) = o2a_stops(&["Über ", "alles E", "N", "D"], "stop", &["###", "END"]);
    assert_eq!(
        (text.as_str(), reason, seq),
        ("Über alles ", json!("stop_sequence"), json!("END"))
    );
    // A tail that only looked like the start of one is text after all.
    let (text, reason, seq) = o2a_stops(&["The EN", "D-GAME and EN"], "stop", &["END"]);
    assert_eq!(
        (text.as_str(), reason, seq),
        ("The END-GAME and EN", json!("end_turn"), Value::Null)
    );
    // The stop string inside the text, not at its end, stays.
    let (text, _, _) = o2a_stops(&["END of it"], "stop", &["END"]);
    assert_eq!(text, "END of it");
    // A token limit that cut inside a would-be stop string keeps the text.
    let (text, reason, _) = o2a_stops(&["so EN"], "length", &["END"]);
    assert_eq!((text.as_str(), reason), ("so EN", json!("max_tokens")));
    // A finish reason other than stop keeps an exact match too.
    let (text, _, _) = o2a_stops(&["x END"], "length", &["END"]);
    assert_eq!(text, "x END");
    // No stop sequences: nothing held back.
    let (text, reason, _) = o2a_stops(&["a END"], "stop", &[]);
    assert_eq!((text.as_str(), reason), ("a END", json!("end_turn")));
}

#[test]
fn a_stream_cut_short_still_gives_the_held_text() {
    let chunk = json!({"id": "c", "choices": [{"index": 0, "delta": {"content": "half E"}, "finish_reason": null}]});
    let mut t = OpenAiToAnthropicStream::new("c").stop_sequences(vec!["END".into()]);
    let mut out = Vec::new();
    for ev in parse_sse(&openai_wire(&[chunk], false), 3) {
        out.extend(t.on_event(&ev).unwrap());
    }
    out.extend(t.finish());
    assert_eq!(anthropic_text(&out), "half E");
    assert_eq!(datas(&out).last().unwrap()["type"], "error");
}

#[test]
fn an_echoed_stop_string_is_left_out_of_the_message() {
    let stops = vec!["END".to_string()];
    let answer = |text: &str| json!({"id": "c", "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]});
    let mut m = openai_to_anthropic_response(&answer("Done. END"), "c").unwrap();
    strip_echoed_stop(&mut m, &stops);
    assert_eq!(m["content"][0]["text"], "Done. ");
    assert_eq!(
        (m["stop_reason"].clone(), m["stop_sequence"].clone()),
        (json!("stop_sequence"), json!("END"))
    );
    // Only the stop string: no empty text block left.
    let mut m = openai_to_anthropic_response(&answer("END"), "c").unwrap();
    strip_echoed_stop(&mut m, &stops);
    assert_eq!(m["content"], json!([]));
    // Not at the end, or no stops asked: unchanged.
    for (text, stops) in [("END of it", stops.clone()), ("Done. END", Vec::new())] {
        let mut m = openai_to_anthropic_response(&answer(text), "c").unwrap();
        strip_echoed_stop(&mut m, &stops);
        assert_eq!(
            (m["content"][0]["text"].as_str(), m["stop_reason"].as_str()),
            (Some(text), Some("end_turn"))
        );
    }
}
