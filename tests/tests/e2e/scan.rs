//! `cordon scan`: findings for a person, as JSON, and in batch (JSON lines).

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use cordon_tests::process::{cordon_bin, run_cli, wait_output};
use serde_json::Value;

fn scan_stdin(args: &[&str], input: &str) -> (i32, String) {
    let mut child = Command::new(cordon_bin())
        .arg("scan")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    wait_output(child, Duration::from_secs(60))
}

#[test]
fn scan_hides_values_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Patient: Maria Keller, SSN 536-22-1234, card 4111-1111-1111-1111";
    let (code, out) = run_cli(dir.path(), &["scan", text], std::iter::empty());
    assert_eq!(code, 0, "{out}");
    for entity in ["PERSON", "US_SSN", "CREDIT_CARD"] {
        assert!(out.contains(entity), "{entity} missing: {out}");
    }
    for value in ["Keller", "536-22", "4111"] {
        assert!(
            !out.contains(value),
            "value {value} printed without --show-values: {out}"
        );
    }
    let (code, out) = run_cli(
        dir.path(),
        &["scan", "--json", "--show-values", text],
        std::iter::empty(),
    );
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let values: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["Maria Keller", "536-22-1234", "4111-1111-1111-1111"]);
    // The same from standard input.
    let (code, out) = scan_stdin(&["--json"], text);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"US_SSN\""), "{out}");
}

#[test]
fn jsonl_batch_answers_every_line_with_byte_offsets() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"Zoë Müller: IBAN DE89 3704 0044 0532 0130 00\"}\n",
        "{\"id\":2,\"text\":\"nothing to see, order #4411-2231\"}\n",
        "\n",
        "not json\n",
        "{\"id\":\"c\",\"text\":\"mail jane\\\\u0040example.org\"}\n",
    );
    let (code, out) = scan_stdin(&["--jsonl"], input);
    assert_eq!(code, 1, "a bad line makes the exit status 1: {out}");
    let lines: Vec<Value> = out.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0]["id"], "a");
    let iban = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["entity"] == "IBAN")
        .unwrap();
    let text = "Zoë Müller: IBAN DE89 3704 0044 0532 0130 00";
    let (s, e) = (
        iban["start"].as_u64().unwrap() as usize,
        iban["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "DE89 3704 0044 0532 0130 00", "offsets are UTF-8 bytes");
    assert_eq!(iban["category"], "FINANCIAL");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["findings"], serde_json::json!([]));
    assert!(lines[2]["error"].as_str().unwrap().contains("line 4"));
    // An escaped e-mail: the finding covers the whole escaped form.
    let f = &lines[3]["findings"][0];
    assert_eq!(f["entity"], "EMAIL");
    assert_eq!((f["start"].as_u64(), f["end"].as_u64()), (Some(5), Some(26)));
}

#[test]
fn scan_config_adds_custom_recognizers_and_refuses_unknown_entities() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cordon.yaml");
    std::fs::write(
        &cfg,
        "listen: [{ addr: 127.0.0.1:0 }]\ndetectors:\n  disable: [EMAIL]\n  custom:\n    - { entity: EMPLOYEE_ID, pattern: 'EMP-\\d{6}', categories: [PII] }\n",
    )
    .unwrap();
    let (code, out) = run_cli(
        dir.path(),
        &["scan", "--config", "cordon.yaml", "--json", "EMP-123456 a@b.org"],
        std::iter::empty(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("EMPLOYEE_ID") && !out.contains("EMAIL"), "{out}");
    std::fs::write(
        &cfg,
        "listen: [{ addr: 127.0.0.1:0 }]\ndetectors:\n  disable: [EMAILS]\n",
    )
    .unwrap();
    let (code, out) = run_cli(
        dir.path(),
        &["scan", "--config", "cordon.yaml", "x"],
        std::iter::empty(),
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("EMAILS") && out.contains("detectors"), "{out}");
}

#[test]
fn scan_config_with_the_learned_recognizer() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cordon.yaml");
    // A missing model is a config error at load, naming the key and the path.
    std::fs::write(
        &cfg,
        "listen: [{ addr: 127.0.0.1:0 }]\ndetectors:\n  ner: { model_dir: models/no-such-rampart }\n",
    )
    .unwrap();
    let (code, out) = run_cli(
        dir.path(),
        &["scan", "--config", "cordon.yaml", "x"],
        std::iter::empty(),
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("detectors.ner.model_dir") && out.contains("no-such-rampart"),
        "{out}"
    );

    let model = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/tools/rampart");
    if !model.join(".complete").is_file() {
        eprintln!("skipped: run scripts/fetch-rampart for the model half");
        return;
    }
    std::fs::write(
        &cfg,
        format!(
            "listen: [{{ addr: 127.0.0.1:0 }}]\ndetectors:\n  ner: {{ model_dir: {:?} }}\n",
            model.display().to_string()
        ),
    )
    .unwrap();
    let text = "Hi Thandiwe, your refill is ready";
    let (code, out) = run_cli(
        dir.path(),
        &["scan", "--config", "cordon.yaml", "--json", text],
        std::iter::empty(),
    );
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(out.lines().last().unwrap_or("")).unwrap();
    let person = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["entity"] == "PERSON")
        .cloned()
        .unwrap_or_else(|| panic!("no PERSON: {out}"));
    assert_eq!(
        &text[person["start"].as_u64().unwrap() as usize..person["end"].as_u64().unwrap() as usize],
        "Thandiwe"
    );
    assert!(
        !out.contains("Thandiwe"),
        "a value printed without --show-values: {out}"
    );
}
