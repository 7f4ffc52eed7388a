//! The learned recognizer (`detectors.ner`) with the real Rampart model.
//! The model tests run when `scripts/fetch-rampart` has installed it (as
//! `scripts/test` does) and ONNX Runtime is there (`scripts/fetch-ort`);
//! otherwise they say so and pass. The config errors need neither.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use cordon_detectors::{DetectorsConfig, Registry};

fn model_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/tools/rampart");
    let ort = cordon_onnx::locate(None, "ort_library", cordon_onnx::Flavor::Cpu).is_ok();
    if dir.join(".complete").is_file() && ort {
        Some(dir)
    } else {
        eprintln!("skipped: run scripts/fetch-rampart and scripts/fetch-ort for the model tests");
        None
    }
}

fn registry(dir: &std::path::Path, mode: &str) -> Registry {
    let cfg: DetectorsConfig = serde_json::from_value(serde_json::json!({
        "ner": { "model_dir": dir, "mode": mode }
    }))
    .unwrap();
    Registry::new(&cfg).unwrap()
}

fn persons(r: &Registry, text: &str) -> Vec<(String, &'static str)> {
    let found = r.try_scan(text).unwrap();
    for f in &found {
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{text}: {f:?}"
        );
    }
    found
        .into_iter()
        .filter(|f| f.entity.as_str() == "PERSON")
        .map(|f| (text[f.start..f.end].to_string(), f.detector))
        .collect()
}

#[test]
fn finds_names_the_dictionaries_miss() {
    let Some(dir) = model_dir() else { return };
    let plain = Registry::with_defaults().unwrap();
    for mode in ["gate", "always"] {
        let r = registry(&dir, mode);
        assert!(r.has_learned());
        for (text, name) in [
            ("Prescriber: Dr. Oluwaseun Adeyemi-Okafor", "Oluwaseun Adeyemi-Okafor"),
            ("Hi Thandiwe, your refill is ready", "Thandiwe"),
            (
                "Discussed the results with Siosaia Fifita and his daughter.",
                "Siosaia Fifita",
            ),
        ] {
            let got = persons(&r, text);
            assert!(got.iter().any(|(v, _)| v == name), "{mode}: {text}: {got:?}");
            // The plain scan (rules only) is the registry's, unchanged.
            assert_eq!(r.scan(text), plain.scan(text), "{text}");
        }
    }
    // At least one of them is the model's alone.
    let r = registry(&dir, "gate");
    let text = "Discussed the results with Siosaia Fifita and his daughter.";
    let rules: Vec<_> = plain
        .scan(text)
        .into_iter()
        .filter(|f| f.entity.as_str() == "PERSON")
        .collect();
    let learned = persons(&r, text);
    assert!(
        rules.is_empty() || learned.iter().any(|(_, d)| *d == "ner.rampart"),
        "{rules:?} {learned:?}"
    );
}

#[test]
fn offsets_are_on_char_boundaries_in_any_script() {
    let Some(dir) = model_dir() else { return };
    let r = registry(&dir, "always");
    let long = "Die Patientin Zoë Müller-Lüdenscheidt (geb. 1961) berichtet über Schmerzen. ".repeat(40);
    for text in [
        "Patientin: Zoë Müller-Lüdenscheidt, Straße 5 😀",
        "Señora Ñúñez habló con José Ángel Güemes.",
        "日本語のテキスト 田中太郎 さん",
        "Ελένη Παπαδοπούλου",
        "\u{200B}Anna\u{0301} Ko\u{0308}nig",
        long.as_str(),
    ] {
        persons(&r, text);
    }
}

#[test]
fn ordinary_text_stays_clean_under_the_gate() {
    let Some(dir) = model_dir() else { return };
    let r = registry(&dir, "gate");
    for text in [
        "The quick brown fox jumps over the lazy dog.",
        "Take 500 mg twice daily with food. Follow up in two weeks.",
        "Build the project with cargo and run the tests.",
    ] {
        let got = persons(&r, text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn a_bad_model_dir_is_a_config_error_naming_the_path() {
    let cfg: DetectorsConfig =
        serde_json::from_value(serde_json::json!({"ner": {"model_dir": "/nonexistent/rampart"}})).unwrap();
    let err = Registry::new(&cfg).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        err.contains("detectors.ner.model_dir") && err.contains("/nonexistent/rampart"),
        "{err}"
    );

    // A directory that is not a model: the missing file is named.
    let dir = std::env::temp_dir().join(format!("cordon-ner-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg: DetectorsConfig = serde_json::from_value(serde_json::json!({"ner": {"model_dir": dir}})).unwrap();
    let err = Registry::new(&cfg).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("config.json"), "{err}");
    std::fs::remove_dir_all(&dir).ok();

    let bad: Result<DetectorsConfig, _> =
        serde_json::from_value(serde_json::json!({"ner": {"model_dir": "x", "mode": "sometimes"}}));
    assert!(bad.is_err());
    let cfg: DetectorsConfig =
        serde_json::from_value(serde_json::json!({"ner": {"model_dir": "x", "min_score": 1.5}})).unwrap();
    let err = Registry::new(&cfg).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("ner.min_score"), "{err}");
}

/// The learned stage passes the conformance suite
/// ([`cordon_detectors::conformance`]), gated and ungated, on names,
/// obfuscated and odd text.
#[test]
fn the_learned_stage_conforms() {
    let Some(dir) = model_dir() else { return };
    for mode in ["gate", "always"] {
        let r = registry(&dir, mode);
        let stages: Vec<&str> = r.detectors().iter().map(|d| d.name()).collect();
        assert_eq!(stages.last(), Some(&"learned"), "{stages:?}");
        let mut report = cordon_detectors::conformance::Report::default();
        for (i, text) in [
            "Prescriber: Dr. Oluwaseun Adeyemi-Okafor, NPI 1234567893",
            "Hi Thandiwe, your refill is ready. Zoë Ñúñez-Ørsted called from +44 20 7946 0958.",
            "bed 12 siosaia fifita - fall risk; Ｔｈａｎｄｉｗｅ\u{200B} Ｄｌａｍｉｎｉ 😀",
            "Patient: Nguyễn Thị Minh Khai\u{0301}, DOB 03/04/1961, lives at 12 Rue de l'Église, 75004 Paris.",
            // A name the rules leave to the model (the gate sends it there).
            "The rota was swapped with Mpho Kgomotso after lunch.",
            "",
            "\u{E0031}\u{FE0F}é",
        ]
        .iter()
        .enumerate()
        {
            if let Err(e) = cordon_detectors::conformance::check(&r, text, &mut report) {
                panic!("{mode} text #{i}: {e}");
            }
        }
        assert!(
            report.candidates.get("learned").copied().unwrap_or(0) > 0,
            "{mode}: {report:?}"
        );
    }
}
