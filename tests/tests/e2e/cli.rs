//! `cordon config check` and refusing to start on a bad config.

use std::time::Duration;

use cordon_tests::process::run_cli;
use cordon_tests::Cordon;

fn check(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.yaml"), text).unwrap();
    run_cli(
        dir.path(),
        &["config", "check", "c.yaml"],
        [("K", "0123456789abcdef0123")].into_iter(),
    )
}

#[test]
fn config_check_reports_position_and_hint() {
    let (code, out) = check("listen:\n  - addr: 127.0.0.1:8080\nupstreams:\n  o: { kind: openai, base_url: \"https://x.example/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n  local: [o]\n");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("line 7"), "{out}");
    assert!(out.contains("routes.local"), "{out}");
    assert!(out.contains("hint:"), "{out}");

    let (code, out) = check("listen:\n  - adr: 127.0.0.1:8080\n");
    assert_eq!(code, 1);
    assert!(out.contains("line 2") && out.contains("unknown field `adr`"), "{out}");

    let (code, out) = check("listen:\n  - addr: 127.0.0.1:8080\nclients:\n  - { name: a, tenant: t, key_env: K }\nupstreams:\n  o: { kind: openai, base_url: \"https://x.example/v1\", zone: cloud }\nroutes:\n  cloud: [o]\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(": ok"));
}

#[test]
fn serve_refuses_an_invalid_config() {
    let (code, out) = Cordon::refuse(
        "listen:\n  - addr: 0.0.0.0:0\nupstreams: {}\nroutes:\n  cloud: []\n",
        &[],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("plaintext listener"), "{out}");
    assert!(out.contains("not starting"));
}

#[test]
fn sigterm_stops_cleanly() {
    let mut cordon = Cordon::start("listen:\n  - addr: 127.0.0.1:0\nroutes:\n  cloud: []\n", &[]);
    cordon.signal("TERM");
    assert_eq!(cordon.wait_exit(Duration::from_secs(20)), Some(0));
}
