//! Cordon's on-premises engine: text generation on ONNX Runtime.
//!
//! Built under the engine issue. Until then an upstream of `kind: engine` is
//! accepted by the configuration and reported unavailable, so traffic routed
//! to it fails closed rather than leaving the premises.
