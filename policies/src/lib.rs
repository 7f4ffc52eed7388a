//! Cordon's policies: data-sovereignty rules that decide, for each request,
//! whether it is answered on premises (`local`), may go to a cloud vendor
//! (`cloud`), goes out with placeholders (`pseudonymize`) or is refused
//! (`block`).
//!
//! This crate is pure data and evaluation: no I/O, no async. Its policy
//! documents, evaluation and shipped packs are built under the policies
//! issue; until then the proxy routes by configuration
//! (`cordon::pipeline::App::decide`).
