//! The deployment artifacts in `deploy/`, checked with what runs offline:
//! the Helm chart lints and renders (Helm from `scripts/fetch-helm`), its
//! manifests parse and keep the hardening, the configs it and the compose
//! file ship pass `cordon config check`, the compose, collector and
//! Prometheus files parse, every metric the Grafana dashboard plots is one
//! Cordon exports, and the Dockerfiles build with the README's command.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use cordon_tests::{Behavior, Cordon, FakeUpstream, Pki};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn helm() -> PathBuf {
    let h = root().join("target/tools/helm");
    assert!(
        h.exists(),
        "Helm is missing: run scripts/fetch-helm (scripts/test does)"
    );
    h
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn docs(yaml: &str) -> Vec<Value> {
    serde_yaml_ng::Deserializer::from_str(yaml)
        .map(|d| <Value as serde::Deserialize>::deserialize(d).unwrap())
        .filter(|v| !v.is_null())
        .collect()
}

/// Runs `cordon config check` on `config` after moving its absolute paths into `dir`.
fn config_check(dir: &Path, config: &str, moves: &[(&str, &Path)], env: &[(&str, &str)]) {
    let mut text = config.to_string();
    for (from, to) in moves {
        text = text.replace(from, &format!("{}/", to.display()));
    }
    let file = dir.join("cordon.yaml");
    std::fs::write(&file, text).unwrap();
    let (code, out) =
        cordon_tests::process::run_cli(dir, &["config", "check", file.to_str().unwrap()], env.iter().copied());
    assert_eq!(
        code, 0,
        "the shipped config does not pass `cordon config check`:\n{out}"
    );
}

#[test]
fn the_helm_chart_lints_renders_and_stays_hardened() {
    let chart = root().join("deploy/helm/cordon");
    run(Command::new(helm()).arg("lint").arg("--strict").arg(&chart));
    let rendered = run(Command::new(helm()).args(["template", "t"]).arg(&chart));
    let manifests = docs(&rendered);
    let kinds: BTreeSet<&str> = manifests.iter().filter_map(|m| m["kind"].as_str()).collect();
    for k in [
        "ConfigMap",
        "Secret",
        "Service",
        "StatefulSet",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "NetworkPolicy",
    ] {
        assert!(kinds.contains(k), "no {k} in the chart: {kinds:?}");
    }
    let sts = manifests.iter().find(|m| m["kind"] == "StatefulSet").unwrap();
    let pod = &sts["spec"]["template"]["spec"];
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    let c = &pod["containers"][0];
    assert_eq!(c["securityContext"]["readOnlyRootFilesystem"], true);
    assert_eq!(c["securityContext"]["allowPrivilegeEscalation"], false);
    assert_eq!(c["livenessProbe"]["httpGet"]["path"], "/healthz");
    assert_eq!(c["readinessProbe"]["httpGet"]["path"], "/readyz");
    assert_eq!(sts["spec"]["volumeClaimTemplates"][0]["metadata"]["name"], "audit");
    // By default no cloud vendor is reachable: only DNS, the engine and the collector.
    let np = manifests.iter().find(|m| m["kind"] == "NetworkPolicy").unwrap();
    assert_eq!(np["spec"]["egress"].as_array().unwrap().len(), 3);
    let with_vendor = run(Command::new(helm())
        .args([
            "template",
            "t",
            "--set",
            "networkPolicy.vendors[0].ipBlock.cidr=203.0.113.0/24",
        ])
        .arg(&chart));
    let np = docs(&with_vendor)
        .into_iter()
        .find(|m| m["kind"] == "NetworkPolicy")
        .unwrap();
    assert_eq!(np["spec"]["egress"].as_array().unwrap().len(), 4);
    // The fleet: the PostgreSQL URL comes from a Secret, and PostgreSQL may be reached.
    let fleet = run(Command::new(helm())
        .args([
            "template",
            "t",
            "--set",
            "fleet.postgres.secretName=cordon-pg",
            "--set",
            "networkPolicy.postgres[0].ipBlock.cidr=10.20.0.5/32",
        ])
        .arg(&chart));
    let fleet = docs(&fleet);
    let sts = fleet.iter().find(|m| m["kind"] == "StatefulSet").unwrap();
    let env = &sts["spec"]["template"]["spec"]["containers"][0]["env"][0];
    assert_eq!(env["name"], "CORDON_AUDIT_PG_URL");
    assert_eq!(env["valueFrom"]["secretKeyRef"]["name"], "cordon-pg");
    assert_eq!(env["valueFrom"]["secretKeyRef"]["key"], "url");
    let np = fleet.iter().find(|m| m["kind"] == "NetworkPolicy").unwrap();
    assert_eq!(np["spec"]["egress"].as_array().unwrap().len(), 4);

    // The config and policy the chart ships pass Cordon's own checks.
    let dir = tempfile::tempdir().unwrap();
    let cm = |name: &str, key: &str| -> String {
        manifests
            .iter()
            .find(|m| m["kind"] == "ConfigMap" && m["metadata"]["name"] == name)
            .and_then(|m| m["data"][key].as_str())
            .unwrap()
            .to_string()
    };
    let pki = Pki::new(dir.path(), "chart");
    let leaf = pki.server("tls", "cordon");
    let tls = dir.path().join("tls");
    std::fs::create_dir_all(&tls).unwrap();
    std::fs::copy(&leaf.cert, tls.join("tls.crt")).unwrap();
    std::fs::copy(&leaf.key, tls.join("tls.key")).unwrap();
    let policy = dir.path().join("policy");
    std::fs::create_dir_all(&policy).unwrap();
    std::fs::write(policy.join("policy.yaml"), cm("t-cordon-policy", "policy.yaml")).unwrap();
    let audit = dir.path().join("audit");
    config_check(
        dir.path(),
        &cm("t-cordon-config", "cordon.yaml"),
        &[
            ("/etc/cordon/tls/", &tls),
            ("/etc/cordon/policy/", &policy),
            ("/var/lib/cordon/audit", &audit),
        ],
        &[
            ("CORDON_CLIENT_KEY", "ck-0123456789abcdef"),
            ("OPENAI_API_KEY", "sk-x"),
            ("CORDON_AUDIT_HMAC_KEY", "0123456789abcdef0123"),
            ("CORDON_METRICS_KEY", "mk-0123456789abcdef"),
        ],
    );
}

#[test]
fn compose_collector_prometheus_systemd_and_dockerfiles() {
    let deploy = root().join("deploy");
    let read = |p: &str| std::fs::read_to_string(deploy.join(p)).unwrap();
    let compose = &docs(&read("compose/compose.yaml"))[0];
    for s in [
        "cordon",
        "otel-collector",
        "prometheus",
        "postgres",
        "replica-0",
        "replica-1",
        "replica-2",
    ] {
        assert!(compose["services"][s].is_object(), "no {s} service");
    }
    assert_eq!(compose["services"]["cordon"]["read_only"], true);
    let otel = &docs(&read("compose/otel-collector.yaml"))[0];
    assert!(otel["service"]["pipelines"]["traces"]["receivers"][0] == "otlp");
    let prom = &docs(&read("compose/prometheus.yml"))[0];
    assert_eq!(
        prom["scrape_configs"][0]["static_configs"][0]["targets"][0],
        "cordon:8080"
    );
    let dir = tempfile::tempdir().unwrap();
    let packs = root().join("policies/packs");
    config_check(
        dir.path(),
        &read("compose/cordon.yaml"),
        &[
            ("/etc/cordon/packs/", &packs),
            ("/var/lib/cordon/audit", &dir.path().join("audit")),
        ],
        &[
            ("CORDON_CLIENT_KEY", "ck-0123456789abcdef"),
            ("OPENAI_API_KEY", "sk-x"),
            ("ANTHROPIC_API_KEY", "sk-y"),
            ("CORDON_AUDIT_HMAC_KEY", "0123456789abcdef0123"),
            ("CORDON_METRICS_KEY", "mk-0123456789abcdef"),
        ],
    );
    // The fleet profile's replicas ship to the postgres service.
    assert_eq!(compose["services"]["replica-2"]["hostname"], "cordon-2");
    let fleet_dir = tempfile::tempdir().unwrap();
    config_check(
        fleet_dir.path(),
        &read("compose/fleet.yaml"),
        &[
            ("/etc/cordon/packs/", &packs),
            ("/var/lib/cordon/audit", &fleet_dir.path().join("audit")),
        ],
        &[
            ("CORDON_CLIENT_KEY", "ck-0123456789abcdef"),
            ("OPENAI_API_KEY", "sk-x"),
            ("CORDON_AUDIT_HMAC_KEY", "0123456789abcdef0123"),
            (
                "CORDON_AUDIT_PG_URL",
                "postgres://cordon@postgres:5432/cordon?sslmode=disable",
            ),
        ],
    );
    // The systemd unit starts what the CLI offers, sandboxed.
    let unit = read("systemd/cordon.service");
    assert!(unit.contains("ExecStart=/usr/local/bin/cordon serve --config /etc/cordon/cordon.yaml"));
    for hardening in [
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "DynamicUser=yes",
        "CapabilityBoundingSet=",
    ] {
        assert!(unit.contains(hardening), "{hardening}");
    }
    // Both images build the binary with the README's command, and run as non-root.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let build = "cargo build --release -p cordon --locked";
    assert!(readme.contains(build), "the README gives the image's build command");
    for f in ["docker/Dockerfile", "docker/Dockerfile.cuda"] {
        let d = read(f);
        assert!(d.contains(&format!("RUN {build}")), "{f} builds with `{build}`");
        assert!(d.contains("USER 10001:10001"), "{f} runs as non-root");
        assert!(
            readme.contains(&format!("docker build -f deploy/{f}")),
            "the README shows how to build {f}"
        );
    }
}

#[tokio::test]
async fn the_dashboard_plots_only_metrics_cordon_exports() {
    let dash: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("deploy/grafana/cordon-dashboard.json")).unwrap())
            .unwrap();
    let mut names = BTreeSet::new();
    for p in dash["panels"].as_array().unwrap() {
        for t in p["targets"].as_array().unwrap() {
            let expr = t["expr"].as_str().unwrap();
            let mut rest = expr;
            while let Some(i) = rest.find("cordon_") {
                let name: String = rest[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                rest = &rest[i + name.len()..];
                names.insert(name);
            }
        }
    }
    assert!(names.len() >= 10, "{names:?}");
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let cordon = Cordon::start(&crate::config(&o, &a, &l, "openai", ""), &crate::env());
    let metrics = crate::metrics(&cordon).await;
    for n in names {
        let family = n.trim_end_matches("_bucket").trim_end_matches("_total").to_string();
        assert!(
            metrics.contains(&format!("# TYPE {family} ")),
            "the dashboard plots {n}, which Cordon does not export"
        );
    }
}
