//! `cordon policy check|test|diff|packs|promote` and `cordon explain`:
//! policies from the command line. Each reads a config (`--config`, else the
//! embedded default) for its detectors, routes and tenants, without its
//! secrets; none forwards anything. `promote` is the one that changes a
//! file: the config's policy file, replaced whole.

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use cordon::api::{extract, Endpoint, ParsedRequest};
use cordon::classify::{self, Asker, ContentSummary, Decision};
use cordon::config::{Config, OfflineEnv, Source};
use cordon_policies::testing::run_tests;
use cordon_policies::Policy;
use serde_json::{json, Value};

use super::output;

#[derive(clap::Subcommand)]
pub enum PolicyCommand {
    /// Validate a policy: every error with its line, column and a hint; exit 1 on error.
    Check {
        file: PathBuf,
        /// Also check the routes the policy names against this config.
        #[arg(long, short)]
        config: Option<PathBuf>,
    },
    /// Run the test cases of each policy through the detectors; exit 1 if any fails.
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Config whose detectors (custom recognizers, thresholds) to use.
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// Print why each case was decided as it was.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Replay requests against two policies and print what would change.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// JSON lines: a request body each, or `{"id", "endpoint", "tenant", "client", "jurisdiction", "body"}`.
        #[arg(long)]
        requests: PathBuf,
        #[arg(long, short)]
        config: Option<PathBuf>,
        /// One JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the shipped packs, or print one (`cordon policy packs hipaa > hipaa.yaml`).
    Packs { name: Option<String> },
    /// Put a candidate in force: `policy check` and its own test cases must
    /// pass; shows what it did as a shadow; asks (or --yes); then replaces
    /// the config's policy file whole. The running proxy loads it and
    /// records who promoted what, with both hashes.
    Promote {
        candidate: PathBuf,
        /// The config whose policy file is replaced (and whose trail is read).
        #[arg(long, short)]
        config: PathBuf,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// Config whose detectors, routes, tenants and policy to use (default: the embedded default).
    #[arg(long, short)]
    config: Option<PathBuf>,
    /// Decide with this policy instead of the config's.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// The endpoint the body is for: chat_completions (default), completions, embeddings, responses, messages.
    #[arg(long, default_value = "chat_completions")]
    endpoint: String,
    /// Decide as this client of the config would be (its tenant and pinned route).
    #[arg(long)]
    client: Option<String>,
    #[arg(long)]
    tenant: Option<String>,
    /// As the `x-cordon-jurisdiction` header would (default: the tenant's).
    #[arg(long)]
    jurisdiction: Option<String>,
    /// Print one JSON object (what `POST /cordon/v1/classify` answers).
    #[arg(long)]
    json: bool,
    /// The request body (JSON); `-` or absent: standard input.
    request: Option<PathBuf>,
}

pub fn run(cmd: PolicyCommand) -> ExitCode {
    let result = match cmd {
        PolicyCommand::Check { file, config } => check(&file, config.as_deref()),
        PolicyCommand::Test { files, config, verbose } => test(&files, config.as_deref(), verbose),
        PolicyCommand::Diff {
            old,
            new,
            requests,
            config,
            json,
        } => diff(&old, &new, &requests, config.as_deref(), json),
        PolicyCommand::Packs { name } => packs(name.as_deref()),
        PolicyCommand::Promote { candidate, config, yes } => promote(&candidate, &config, yes),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            output::eprint(&message);
            ExitCode::from(2)
        }
    }
}

/// The config these commands decide with: secrets not needed.
fn load_config(path: Option<&Path>) -> Result<Config, String> {
    let loaded = match path {
        None => Config::load(&Source::embedded(), &OfflineEnv),
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
            Config::load(&Source::file(p, &text), &OfflineEnv)
        }
    };
    loaded.map(|(c, _)| c).map_err(|r| r.to_string())
}

/// Reads and checks a policy file against the config: errors as text.
fn load_policy(path: &Path, config: &Config) -> Result<(Policy, Vec<cordon_policies::Issue>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    cordon::config::load_policy(
        &path.display().to_string(),
        &text,
        &config.policy.vocabulary,
        &config.policy.routes,
    )
    .map_err(|r| r.to_string())
}

fn check(file: &Path, config: Option<&Path>) -> Result<ExitCode, String> {
    let cfg = load_config(config)?;
    let name = file.display();
    let text = std::fs::read_to_string(file).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let parsed = if config.is_some() {
        cordon::config::load_policy(&name.to_string(), &text, &cfg.policy.vocabulary, &cfg.policy.routes)
    } else {
        Policy::parse(&name.to_string(), &text, &cfg.policy.vocabulary).map(|(p, r)| (p, r.issues))
    };
    match parsed {
        Ok((p, warnings)) => {
            for w in &warnings {
                output::print(&format!("{name}: warning: {w}"));
            }
            let routes = if config.is_some() {
                "routes checked against the config"
            } else {
                "routes not checked (pass --config)"
            };
            output::print(&format!(
                "{name}: ok: policy `{}` version {}, {} rules, {} test cases, {} ({routes})",
                p.name,
                p.version,
                p.rules.len(),
                p.tests.len(),
                p.hash
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            output::eprint(&report.to_string());
            Ok(ExitCode::FAILURE)
        }
    }
}

fn test(files: &[PathBuf], config: Option<&Path>, verbose: bool) -> Result<ExitCode, String> {
    let cfg = load_config(config)?;
    let (mut passed, mut failed, mut broken) = (0usize, 0usize, 0usize);
    let mut out = output::lines();
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                output::eprint(&format!("{}: cannot read: {e}", file.display()));
                broken += 1;
                continue;
            }
        };
        let policy = match Policy::parse(&file.display().to_string(), &text, &cfg.policy.vocabulary) {
            Ok((p, _)) => p,
            Err(report) => {
                let _ = out.flush();
                output::eprint(&report.to_string());
                broken += 1;
                continue;
            }
        };
        let _ = writeln!(
            out,
            "{}: policy `{}` ({}), {} test cases",
            file.display(),
            policy.name,
            policy.short_hash(),
            policy.tests.len()
        );
        if policy.tests.is_empty() {
            let _ = writeln!(out, "  (no test cases: add `tests:` to the policy)");
        }
        for r in run_tests(&policy, &cfg.detectors) {
            if r.passed {
                passed += 1;
                let _ = writeln!(out, "  PASS  {}  -> {}", r.name, r.got());
            } else {
                failed += 1;
                let found: Vec<String> = r.found.iter().map(|(e, n)| format!("{e} ×{n}")).collect();
                let found = if found.is_empty() {
                    "nothing".to_string()
                } else {
                    found.join(", ")
                };
                let _ = writeln!(out, "  FAIL  {}", r.name);
                let _ = writeln!(
                    out,
                    "        expected {}, got {}; detectors found {found}",
                    r.expected,
                    r.got()
                );
            }
            if verbose || !r.passed {
                for why in &r.decision.reasons {
                    let _ = writeln!(out, "        - {why}");
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "{passed} passed, {failed} failed{}",
        if broken > 0 {
            format!(", {broken} file(s) could not be read or checked")
        } else {
            String::new()
        }
    );
    let _ = out.flush();
    Ok(output::exit(failed == 0 && broken == 0))
}

/// Who runs this command, for the trail.
fn operator() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

fn promote(candidate: &Path, config: &Path, yes: bool) -> Result<ExitCode, String> {
    use cordon::audit::shadow::{summarize, ShadowFilter};
    let cfg = load_config(Some(config))?;
    let target = cfg
        .policy
        .file
        .clone()
        .ok_or("the config names no policy file (`policy:`): there is nothing to replace")?;
    let bytes = std::fs::read(candidate).map_err(|e| format!("{}: cannot read: {e}", candidate.display()))?;
    let refuse = |why: &str| {
        output::eprint(&format!("promotion refused: {why}"));
        Ok(ExitCode::FAILURE)
    };
    // 1. The check, against this config's entities and routes.
    let policy = match load_policy(candidate, &cfg) {
        Ok((p, warnings)) => {
            for w in &warnings {
                output::print(&format!("{}: warning: {w}", candidate.display()));
            }
            p
        }
        Err(report) => {
            output::eprint(&report);
            return refuse("the candidate does not pass `cordon policy check`");
        }
    };
    output::print(&format!(
        "policy check: ok: `{}` version {}, {} rules, {}",
        policy.name,
        policy.version,
        policy.rules.len(),
        policy.hash
    ));
    // 2. Its own test cases, with this config's detectors.
    let results = run_tests(&policy, &cfg.detectors);
    for r in &results {
        let mark = if r.passed { "PASS" } else { "FAIL" };
        output::print(&format!(
            "  {mark}  {}  (expected {}, got {})",
            r.name,
            r.expected,
            r.got()
        ));
    }
    let failed = results.iter().filter(|r| !r.passed).count();
    if results.is_empty() {
        return refuse("the candidate has no test cases (`tests:`): a promotion needs them");
    }
    if failed > 0 {
        return refuse(&format!("{failed} of {} test cases fail", results.len()));
    }
    output::print(&format!("test cases: {} passed", results.len()));
    // 3. What it did as a shadow, since it came into force as one.
    let filter = ShadowFilter {
        policy: Some(policy.hash.clone()),
        ..ShadowFilter::default()
    };
    match summarize(&cfg.audit.dir, &filter) {
        Ok(s) if !s.shadows.is_empty() => output::print(&super::audit::shadow_text(&s)),
        Ok(_) => output::print("shadow: this candidate never ran as a shadow policy; there is no live evidence"),
        Err(e) => output::print(&format!("shadow: the trail cannot be read ({e})")),
    }
    let current = std::fs::read(&target).map_err(|e| format!("{}: cannot read: {e}", target.display()))?;
    let from = cordon_policies::content_hash(&current);
    if from == policy.hash {
        output::print(&format!("{} is already in force in {}", policy.hash, target.display()));
        return Ok(ExitCode::SUCCESS);
    }
    // 4. Confirmation.
    if !yes {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return refuse("not confirmed: pass --yes, or run it in a terminal to answer");
        }
        output::write(&format!(
            "Replace {} ({from}) with {} ({})? [y/N] ",
            target.display(),
            candidate.display(),
            policy.hash
        ));
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|e| format!("reading the answer: {e}"))?;
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            return refuse("not confirmed");
        }
    }
    // 5. Who did it, for the proxy to record; then the file, whole.
    let note = cordon::shadow::PromotionNote {
        user: operator(),
        from: from.clone(),
        to: policy.hash.clone(),
        candidate: candidate.display().to_string(),
        policy_file: target.display().to_string(),
        tests: results.len(),
        ts_ms: cordon::audit::now_ms(),
    };
    cordon::shadow::write_note(&cfg.audit.dir, &note)
        .map_err(|e| format!("cannot write the promotion note in {}: {e}", cfg.audit.dir.display()))?;
    cordon::shadow::replace_policy_file(&target, &bytes)
        .map_err(|e| format!("cannot replace {}: {e}", target.display()))?;
    output::print(&format!(
        "promoted: {} now holds `{}` ({}), was {from}.\nA running proxy loads it within {:?} (at once on SIGHUP) and records the promotion in its trail.",
        target.display(),
        policy.name,
        policy.hash,
        cfg.policy.reload_interval
    ));
    Ok(ExitCode::SUCCESS)
}

fn packs(name: Option<&str>) -> Result<ExitCode, String> {
    match name {
        None => {
            for (n, text) in cordon_policies::packs::ALL {
                let desc = text.lines().find_map(|l| l.strip_prefix("description: ")).unwrap_or("");
                output::print(&format!("{n:<10} {desc}"));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(n) => match cordon_policies::packs::ALL.iter().find(|(p, _)| *p == n) {
            Some((_, text)) => {
                output::print(text);
                Ok(ExitCode::SUCCESS)
            }
            None => Err(format!("no pack named `{n}`; `cordon policy packs` lists them")),
        },
    }
}

/// One request to decide, from a JSON line or a file.
struct Sample {
    id: String,
    endpoint: Endpoint,
    body: Vec<u8>,
    tenant: Option<String>,
    client: Option<String>,
    jurisdiction: Option<String>,
}

impl Sample {
    fn from_line(n: usize, line: &str) -> Result<Sample, String> {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {n}: not JSON: {e}"))?;
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let (body, endpoint) = match v.get("body") {
            Some(b @ Value::Object(_)) => (b.clone(), text("endpoint")),
            Some(_) => return Err(format!("line {n}: `body` must be a JSON object")),
            None => (v.clone(), None),
        };
        let endpoint = match endpoint {
            Some(e) => Endpoint::parse_name(&e).ok_or_else(|| format!("line {n}: unknown endpoint `{e}`"))?,
            None => Endpoint::ChatCompletions,
        };
        Ok(Sample {
            id: text("id").unwrap_or_else(|| format!("line-{n}")),
            endpoint,
            body: serde_json::to_vec(&body).map_err(|e| e.to_string())?,
            tenant: text("tenant"),
            client: text("client"),
            jurisdiction: text("jurisdiction").map(|j| j.to_ascii_uppercase()),
        })
    }
}

/// Classifies a sample once; decides it with each policy given.
fn classify_sample(
    cfg: &Config,
    s: &Sample,
    policies: &[&Arc<Policy>],
    explain: bool,
) -> Result<(ContentSummary, Vec<Decision>), String> {
    let parsed = ParsedRequest::parse(s.endpoint, &s.body).map_err(|e| e.to_string())?;
    let ex = extract(&parsed);
    // As in the proxy: a detector that fails leaves the sample unclassified (`on_error`).
    let summary =
        classify::scan(&cfg.detectors, None, &ex).unwrap_or_else(|_| classify::unclassified(&ex, "detector_failed"));
    let texts: Vec<&str> = ex.texts.iter().map(|t| t.text.as_ref()).collect();
    let client = s
        .client
        .as_deref()
        .and_then(|c| cfg.clients.as_ref().and_then(|cs| cs.iter().find(|x| x.name == c)));
    let tenant = s.tenant.as_deref().or(client.map(|c| c.tenant.as_str()));
    let asker = Asker {
        tenant,
        client: s.client.as_deref(),
        jurisdiction: classify::tenant_jurisdiction(cfg, tenant),
        asked_jurisdiction: s.jurisdiction.clone(),
        pinned_route: client.and_then(|c| c.route.as_deref()),
        asked_route: None,
    };
    let decisions = policies
        .iter()
        .map(|p| classify::decide(cfg, p, &summary, &parsed, &texts, &asker, explain))
        .collect();
    Ok((summary, decisions))
}

fn label(d: &Decision) -> String {
    format!("{} ({})", d.action, d.rule)
}

fn diff(old: &Path, new: &Path, requests: &Path, config: Option<&Path>, json: bool) -> Result<ExitCode, String> {
    let cfg = load_config(config)?;
    let (a, _) = load_policy(old, &cfg)?;
    let (b, _) = load_policy(new, &cfg)?;
    let (a, b) = (Arc::new(a), Arc::new(b));
    let file = std::fs::File::open(requests).map_err(|e| format!("{}: cannot read: {e}", requests.display()))?;
    let mut transitions: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut actions: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut rules_old: BTreeMap<String, usize> = BTreeMap::new();
    let mut rules_new: BTreeMap<String, usize> = BTreeMap::new();
    let (mut total, mut changed) = (0usize, 0usize);
    let mut errors = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{}: {e}", requests.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let sample = match Sample::from_line(i + 1, &line) {
            Ok(s) => s,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (_, ds) = match classify_sample(&cfg, &sample, &[&a, &b], false) {
            Ok(x) => x,
            Err(e) => {
                errors.push(format!("{}: {e}", sample.id));
                continue;
            }
        };
        let (da, db) = (&ds[0], &ds[1]);
        total += 1;
        actions.entry(da.action.to_string()).or_default().0 += 1;
        actions.entry(db.action.to_string()).or_default().1 += 1;
        *rules_old.entry(da.rule.to_string()).or_default() += 1;
        *rules_new.entry(db.rule.to_string()).or_default() += 1;
        if da.action != db.action || da.rule != db.rule || da.route != db.route {
            changed += 1;
            transitions.entry((label(da), label(db))).or_default().push(sample.id);
        }
    }
    if json {
        let list: Vec<Value> = transitions
            .iter()
            .map(|((from, to), ids)| serde_json::json!({"from": from, "to": to, "count": ids.len(), "ids": ids}))
            .collect();
        let acts: BTreeMap<&String, Value> = actions
            .iter()
            .map(|(k, (o, n))| (k, serde_json::json!({"old": o, "new": n})))
            .collect();
        output::print(
            &serde_json::json!({
                "old": {"name": a.name, "hash": a.hash},
                "new": {"name": b.name, "hash": b.hash},
                "requests": total,
                "changed": changed,
                "changes": list,
                "actions": acts,
                "rules_old": rules_old,
                "rules_new": rules_new,
                "errors": errors,
            })
            .to_string(),
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = output::lines();
    let _ = writeln!(
        out,
        "old: {} `{}` ({})\nnew: {} `{}` ({})",
        old.display(),
        a.name,
        a.short_hash(),
        new.display(),
        b.name,
        b.short_hash()
    );
    let _ = writeln!(out, "{total} requests replayed: {changed} would be decided differently");
    if !transitions.is_empty() {
        let _ = writeln!(out, "\nchanges (old -> new: count, request ids):");
        for ((from, to), ids) in &transitions {
            let shown: Vec<&str> = ids.iter().take(20).map(String::as_str).collect();
            let more = if ids.len() > 20 {
                format!(" and {} more", ids.len() - 20)
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {from} -> {to}: {}  [{}{more}]", ids.len(), shown.join(", "));
        }
    }
    let _ = writeln!(out, "\nby action (old -> new):");
    for (k, (o, n)) in &actions {
        let _ = writeln!(out, "  {k:<13} {o:>6} -> {n:<6} ({:+})", *n as i64 - *o as i64);
    }
    let _ = writeln!(out, "\nby rule (old -> new):");
    let all_rules: std::collections::BTreeSet<&String> = rules_old.keys().chain(rules_new.keys()).collect();
    for r in all_rules {
        let (o, n) = (
            rules_old.get(r).copied().unwrap_or(0),
            rules_new.get(r).copied().unwrap_or(0),
        );
        let _ = writeln!(out, "  {r:<32} {o:>6} -> {n:<6} ({:+})", n as i64 - o as i64);
    }
    if !errors.is_empty() {
        let _ = writeln!(out, "\n{} request(s) skipped:", errors.len());
        for e in &errors {
            let _ = writeln!(out, "  {e}");
        }
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

pub fn explain(args: ExplainArgs) -> ExitCode {
    match explain_inner(args) {
        Ok(code) => code,
        Err(message) => {
            output::eprint(&message);
            ExitCode::from(2)
        }
    }
}

fn explain_inner(args: ExplainArgs) -> Result<ExitCode, String> {
    let cfg = load_config(args.config.as_deref())?;
    let policy = match &args.policy {
        Some(p) => Arc::new(load_policy(p, &cfg)?.0),
        None => cfg.policy.policy.clone(),
    };
    let endpoint =
        Endpoint::parse_name(&args.endpoint).ok_or_else(|| format!("unknown endpoint `{}`", args.endpoint))?;
    let body = match args.request.as_deref() {
        None => read_stdin()?,
        Some(p) if p == Path::new("-") => read_stdin()?,
        Some(p) => std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?,
    };
    if let Some(j) = &args.jurisdiction {
        if !cordon::config::valid_jurisdiction(&j.to_ascii_uppercase()) {
            return Err(format!("`{j}` is not a jurisdiction code (EU, US, UK...)"));
        }
    }
    let sample = Sample {
        id: "request".into(),
        endpoint,
        body,
        tenant: args.tenant.clone(),
        client: args.client.clone(),
        jurisdiction: args.jurisdiction.as_ref().map(|j| j.to_ascii_uppercase()),
    };
    // The policy in force, then the config's shadows (unless another policy was named).
    let shadows: Vec<&cordon::config::ShadowPolicy> = match &args.policy {
        Some(_) => Vec::new(),
        None => cfg.policy.shadows.iter().collect(),
    };
    let mut policies = vec![&policy];
    policies.extend(shadows.iter().map(|s| &s.policy));
    let (summary, ds) = classify_sample(&cfg, &sample, &policies, true)?;
    let Some(d) = ds.first() else {
        return Err("no decision".into());
    };
    let upstreams = classify::eligible_upstreams(&cfg, d);
    let shadow_decisions: Vec<(&cordon::config::ShadowPolicy, &Decision)> =
        shadows.iter().copied().zip(ds.iter().skip(1)).collect();
    if args.json {
        let mut v = classify::explanation(&summary, d);
        v["upstreams"] = upstreams.unwrap_or(Value::Null);
        v["shadows"] = shadow_decisions
            .iter()
            .map(|(s, sd)| {
                json!({"file": s.file.display().to_string(), "policy_hash": sd.policy.hash, "action": sd.action.as_str(),
                    "rule": &*sd.rule, "route": sd.route})
            })
            .collect();
        output::print(&v.to_string());
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = output::lines();
    let route = d.route.as_deref().unwrap_or("none");
    let _ = writeln!(
        out,
        "decision: {}  (rule `{}`, route `{route}`, x-cordon-route: {})",
        d.action,
        d.rule,
        d.route_label()
    );
    let _ = writeln!(
        out,
        "policy:   `{}` version {}, {}",
        d.policy.name, d.policy.version, d.policy.hash
    );
    let _ = writeln!(out, "why:");
    for r in &d.reasons {
        let _ = writeln!(out, "  - {r}");
    }
    let _ = writeln!(
        out,
        "findings ({} in {} text parts, {} bytes; values hidden):",
        summary.findings.len(),
        summary.text_parts,
        summary.text_bytes
    );
    for (f, &part) in summary.findings.iter().zip(&summary.finding_parts) {
        let cats: Vec<&str> = f.categories.iter().map(|c| c.as_str()).collect();
        let _ = writeln!(
            out,
            "  {:<22} {:.2}  {}  bytes {}..{}  [{}]",
            f.entity.as_str(),
            f.score,
            summary.pointers.get(part).map_or("", String::as_str),
            f.start,
            f.end,
            cats.join(", ")
        );
    }
    for (kind, pointer) in &summary.unscannable {
        let _ = writeln!(out, "  cannot be scanned: {kind} at {pointer}");
    }
    if let Some(u) = &upstreams {
        let require = u["require"]
            .as_str()
            .map(|r| format!(", requires {r}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "upstreams (route `{}`{require}):",
            u["route"].as_str().unwrap_or("")
        );
        let list = u["upstreams"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        for up in list {
            let _ = writeln!(
                out,
                "  {:<16} region {:<6} baa {:<5}  {}",
                up["name"].as_str().unwrap_or(""),
                up["region"].as_str().unwrap_or("-"),
                up["baa"].as_bool().unwrap_or(false),
                if up["admitted"] == true {
                    "may receive it"
                } else {
                    "may not"
                }
            );
        }
        if !list.iter().any(|up| up["admitted"] == true) {
            let _ = writeln!(
                out,
                "  none may receive it: the client would get 503, never another upstream"
            );
        }
    }
    if !shadow_decisions.is_empty() {
        let _ = writeln!(out, "shadows (recorded only, never enforced):");
        for (s, sd) in &shadow_decisions {
            let _ = writeln!(
                out,
                "  {}  {}: {} (rule `{}`, route `{}`)",
                s.file.display(),
                sd.policy.hash,
                sd.action,
                sd.rule,
                sd.route.as_deref().unwrap_or("none")
            );
        }
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| format!("reading standard input: {e}"))?;
    Ok(buf)
}
