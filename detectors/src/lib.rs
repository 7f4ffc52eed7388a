//! Cordon's detectors: the recognizers that find PII, PHI, financial
//! identifiers and secrets in the texts a model would read.
//!
//! This crate does no network I/O and knows nothing of HTTP: it takes text
//! and returns findings. The recognizers themselves are built under the
//! detectors issue; the proxy already extracts every text a model reads,
//! with its JSON location (`cordon::api::extract`), for them to scan.
