//! The scanner never panics, and every finding is a valid span of the input.
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run scan -- -max_total_time=600`
#![no_main]

use std::sync::OnceLock;

use cordon_detectors::Registry;
use libfuzzer_sys::fuzz_target;

static REGISTRY: OnceLock<Registry> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let registry = REGISTRY.get_or_init(|| Registry::with_defaults().expect("registry"));
    let findings = registry.scan(text);
    let mut last_end = 0;
    for f in &findings {
        assert!(f.start < f.end && f.end <= text.len(), "span out of range");
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "span splits a character");
        assert!(f.start >= last_end, "findings overlap");
        assert!((0.0..=1.0).contains(&f.score));
        last_end = f.end;
    }
});
