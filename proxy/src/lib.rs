//! Cordon: a privacy-enforcing proxy for LLM traffic.
//!
//! Applications point their OpenAI or Anthropic SDK at Cordon. Each request
//! runs through [`pipeline`]: ingress, authentication, parsing, extraction of
//! the texts a model reads, the routing decision, forwarding to an upstream of
//! the decided route (one [`upstream::Provider`] per vendor API: OpenAI and
//! compatible servers, Anthropic, Azure OpenAI, AWS Bedrock, Gemini, Vertex
//! AI, the built-in engine; translated through the common form when the
//! upstream speaks another API than the client) and the response, streamed
//! back as it arrives.
//!
//! The binary is `cordon` (see `main.rs`); this library holds its parts so
//! that tests and benchmarks can drive them.

pub mod api;
pub mod audit;
pub mod auth;
pub mod body;
pub mod classify;
pub mod config;
pub mod conn;
pub mod console;
pub mod engine_api;
pub mod error;
pub mod headers;
pub mod metrics;
pub mod outcome;
pub mod pipeline;
pub mod pseudo;
pub mod redact;
pub mod server;
pub mod shadow;
pub mod sse;
pub mod strict;
pub mod telemetry;
pub mod tls;
pub mod upstream;
