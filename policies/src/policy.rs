//! Policy documents: the YAML as written, and its checked, compiled form.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use cordon_detectors::clinical::{Clinical, Signals};
use cordon_detectors::{Categories, Category, Entity, Kind};
use serde::Deserialize;
use serde_yaml_ng::Value;
use sha2::{Digest, Sha256};

use crate::positions::Positions;
use crate::shadow;

/// The endpoint names a policy may use (`when: { endpoint: [...] }`).
pub const ENDPOINTS: [&str; 5] = ["chat_completions", "completions", "embeddings", "responses", "messages"];

/// Kinds of content that cannot be scanned.
pub const UNSCANNABLE_KINDS: [&str; 4] = ["image", "audio", "file", "base64"];

// ---------------------------------------------------------------------------
// Problems, with where they are.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    /// Dotted path of the offending node, e.g. `rules.2.when.entities.0`.
    pub path: String,
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, col)) = self.position {
            write!(f, "line {line}, column {col}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// Every problem found in a policy, errors first.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub source_name: String,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in self.errors() {
            writeln!(f, "{}: error: {i}", self.source_name)?;
        }
        for i in self.warnings() {
            writeln!(f, "{}: warning: {i}", self.source_name)?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

// ---------------------------------------------------------------------------
// The file as written.
// ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    version: u32,
    name: String,
    #[serde(default)]
    description: Option<String>,
    default: Value,
    #[serde(default)]
    on_error: Option<Value>,
    #[serde(default)]
    unscannable: Option<Value>,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    tests: Vec<RawTest>,
    #[serde(default)]
    egress: Option<RawEgress>,
}

/// `egress: { scan: true, redact: true }`: the detectors also read the
/// answers, and the audit trail counts what they find there by type
/// (`scan`); values found in an answer from a cloud upstream are replaced
/// before the client sees them (`redact`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEgress {
    #[serde(default)]
    scan: bool,
    #[serde(default)]
    redact: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    when: Option<RawCond>,
    then: Value,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCond {
    #[serde(default)]
    entities: Option<Vec<String>>,
    #[serde(default)]
    categories: Option<Vec<String>>,
    #[serde(default)]
    min_score: Option<f64>,
    #[serde(default)]
    min_count: Option<u32>,
    #[serde(default)]
    tenant: Option<OneOrMany>,
    #[serde(default)]
    client: Option<OneOrMany>,
    #[serde(default)]
    jurisdiction: Option<OneOrMany>,
    #[serde(default)]
    model: Option<OneOrMany>,
    #[serde(default)]
    endpoint: Option<OneOrMany>,
    #[serde(default)]
    unscannable: Option<bool>,
    #[serde(default)]
    words: Option<Vec<String>>,
    #[serde(default)]
    context: Option<OneOrMany>,
    #[serde(default)]
    all: Option<Vec<RawCond>>,
    #[serde(default)]
    any: Option<Vec<RawCond>>,
    #[serde(default)]
    not: Option<Box<RawCond>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    name: String,
    #[serde(default)]
    prompt: Option<String>,
    #[serde(default)]
    texts: Option<Vec<String>>,
    #[serde(default)]
    tenant: Option<String>,
    #[serde(default)]
    client: Option<String>,
    #[serde(default)]
    jurisdiction: Option<String>,
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    endpoint: Option<String>,
    #[serde(default)]
    unscannable: Vec<String>,
    #[serde(default)]
    detector_error: bool,
    expect: RawExpect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    action: String,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    route: Option<String>,
}

// ---------------------------------------------------------------------------
// The compiled form.
// ---------------------------------------------------------------------------

/// What a request may become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionKind {
    /// Goes to a cloud vendor as is.
    Cloud,
    /// Goes to a cloud vendor with placeholders in place of every finding.
    Pseudonymize,
    /// Answered on premises.
    Local,
    /// Refused.
    Block,
}

impl ActionKind {
    pub const ALL: [ActionKind; 4] = [
        ActionKind::Local,
        ActionKind::Cloud,
        ActionKind::Pseudonymize,
        ActionKind::Block,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Local => "local",
            ActionKind::Cloud => "cloud",
            ActionKind::Pseudonymize => "pseudonymize",
            ActionKind::Block => "block",
        }
    }

    pub fn parse(s: &str) -> Option<ActionKind> {
        ActionKind::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Ordered by how much stays on premises: cloud < pseudonymize < local < block.
    pub fn strictness(self) -> u8 {
        match self {
            ActionKind::Cloud => 0,
            ActionKind::Pseudonymize => 1,
            ActionKind::Local => 2,
            ActionKind::Block => 3,
        }
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An action, with the configured route it names (if any) and what the
/// upstreams it goes to must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub kind: ActionKind,
    pub route: Option<Arc<str>>,
    /// `require:` (cloud and pseudonymize only): residency and contract.
    pub require: Option<Arc<Require>>,
}

/// What an upstream must carry to receive a request (`require:` of an
/// action): one of the `region` labels, a business associate agreement.
/// Matched against the upstreams' `region:` and `baa:` labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Require {
    /// Lowercase region codes (`eu`, `us`); `None`: any region.
    pub region: Option<Vec<String>>,
    /// `true`: only upstreams with `baa: true`.
    pub baa: bool,
}

impl Require {
    /// Whether an upstream labelled `region` / `baa` may receive the request.
    pub fn admits(&self, region: Option<&str>, baa: bool) -> bool {
        let region_ok = match &self.region {
            None => true,
            Some(allowed) => region.is_some_and(|r| allowed.iter().any(|a| a.eq_ignore_ascii_case(r))),
        };
        region_ok && (baa || !self.baa)
    }

    /// In words, for errors and reasons: `region eu, a BAA`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(r) = &self.region {
            parts.push(format!("region {}", r.join(" or ")));
        }
        if self.baa {
            parts.push("a BAA".to_string());
        }
        parts.join(", ")
    }
}

/// A condition: every key present must hold (they are ANDed), `all` of its
/// children, at least one of `any`, and not `not`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cond {
    pub entities: Option<Vec<Entity>>,
    pub categories: Option<Categories>,
    /// Set when `min_score`/`min_count` stand without `entities`/`categories`: any finding.
    pub any_finding: bool,
    pub min_score: f32,
    pub min_count: u32,
    pub tenant: Option<Vec<String>>,
    pub client: Option<Vec<String>>,
    pub jurisdiction: Option<Vec<String>>,
    pub model: Option<Vec<String>>,
    pub endpoint: Option<Vec<String>>,
    pub unscannable: Option<bool>,
    /// Index of this condition's word set in [`Policy::words`].
    pub words: Option<usize>,
    /// The texts have clinical context of one of these kinds
    /// (`context: [clinical]`; see [`cordon_detectors::clinical`]).
    pub context: Option<Signals>,
    pub all: Vec<Cond>,
    pub any: Vec<Cond>,
    pub not: Option<Box<Cond>>,
}

impl Cond {
    /// True when the condition has no constraint at all (matches every request).
    pub fn is_always(&self) -> bool {
        self.is_empty_leaf() && self.all.iter().all(Cond::is_always)
    }

    pub(crate) fn is_empty_leaf(&self) -> bool {
        self.entities.is_none()
            && self.categories.is_none()
            && !self.any_finding
            && self.tenant.is_none()
            && self.client.is_none()
            && self.jurisdiction.is_none()
            && self.model.is_none()
            && self.endpoint.is_none()
            && self.unscannable.is_none()
            && self.words.is_none()
            && self.context.is_none()
            && self.any.is_empty()
            && self.not.is_none()
    }

    /// Whether the condition says anything about content that cannot be scanned.
    pub fn mentions_unscannable(&self) -> bool {
        self.unscannable.is_some()
            || self.all.iter().any(Cond::mentions_unscannable)
            || self.any.iter().any(Cond::mentions_unscannable)
            || self.not.as_deref().is_some_and(Cond::mentions_unscannable)
    }
}

/// One rule: first match wins.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: Arc<str>,
    pub description: Option<String>,
    pub when: Cond,
    pub then: Action,
    /// Precomputed: the rule speaks of unscannable content.
    pub(crate) mentions_unscannable: bool,
}

/// One test case of the policy file, run by `cordon policy test`.
#[derive(Debug, Clone)]
pub struct TestCase {
    pub name: String,
    pub texts: Vec<String>,
    pub tenant: Option<String>,
    pub client: Option<String>,
    pub jurisdiction: Option<String>,
    pub model: Option<String>,
    pub endpoint: Option<String>,
    pub unscannable: Vec<String>,
    pub detector_error: bool,
    pub expect_action: ActionKind,
    pub expect_rule: Option<String>,
    pub expect_route: Option<String>,
}

/// A set of words a condition looks for (whole words, ASCII case folded).
#[derive(Debug, Clone)]
pub struct WordSet {
    pub words: Vec<String>,
}

/// A checked policy, ready to evaluate. Cheap to share (`Arc`).
#[derive(Debug, Clone)]
pub struct Policy {
    pub version: u32,
    pub name: String,
    pub description: Option<String>,
    pub default: Action,
    pub on_error: Action,
    pub unscannable: Action,
    pub rules: Vec<Rule>,
    pub tests: Vec<TestCase>,
    pub words: Vec<WordSet>,
    /// Scan answers too (`egress: { scan: true }`): findings counted in the outcome record.
    pub egress_scan: bool,
    /// Replace what the detectors find in answers from cloud upstreams
    /// (`egress: { redact: true }`): values the client never sent do not reach it.
    pub egress_redact: bool,
    /// One automaton over every word set; pattern ids map through `word_owner`.
    pub(crate) word_ac: Option<AhoCorasick>,
    pub(crate) word_owner: Vec<usize>,
    /// The clinical vocabulary, when a condition asks for clinical context.
    pub(crate) clinical: Option<&'static Clinical>,
    /// `sha256:<hex>` of the file's bytes: recorded with every decision.
    pub hash: String,
    positions: Positions,
}

/// The routes a config offers, for checking a policy's actions against it.
#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    /// Route name -> whether every upstream of it is on premises.
    pub routes: Vec<(String, bool)>,
    /// The route an unnamed `cloud` action takes, when there is one.
    pub cloud_route: Option<String>,
    /// The route an unnamed `local` action takes.
    pub local_route: String,
    /// Route name -> the labels of its upstreams, for checking `require:`
    /// (a route absent here is not checked).
    pub labels: Vec<(String, Vec<UpstreamLabels>)>,
}

/// An upstream's residency and contract labels: `(region, baa)`.
pub type UpstreamLabels = (Option<String>, bool);

/// What a policy can refer to: the entity names the detectors report.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Custom entities from the detectors config, with their categories.
    pub custom: Vec<(Entity, Categories)>,
}

impl Vocabulary {
    pub fn builtin() -> Vocabulary {
        Vocabulary { custom: Vec::new() }
    }

    pub fn of(registry: &cordon_detectors::Registry) -> Vocabulary {
        let custom = registry
            .entities()
            .into_iter()
            .filter(|e| matches!(e, Entity::Custom(_)))
            .map(|e| {
                let c = registry.categories(&e);
                (e, c)
            })
            .collect();
        Vocabulary { custom }
    }

    fn entity(&self, name: &str) -> Option<Entity> {
        Kind::parse(name).map(Entity::Builtin).or_else(|| {
            self.custom
                .iter()
                .find(|(e, _)| e.as_str() == name)
                .map(|(e, _)| e.clone())
        })
    }

    /// The categories an entity belongs to.
    pub fn categories(&self, e: &Entity) -> Categories {
        match e {
            Entity::Builtin(k) => k.categories(),
            Entity::Custom(_) => self
                .custom
                .iter()
                .find(|(c, _)| c == e)
                .map(|(_, c)| *c)
                .unwrap_or_default(),
        }
    }
}

impl Policy {
    /// Parses and checks a policy. `source_name` names the file in messages.
    /// On success, warnings (if any) come back beside the policy.
    pub fn parse(source_name: &str, src: &str, vocab: &Vocabulary) -> Result<(Policy, Report), Report> {
        let mut c = Compiler {
            report: Report {
                source_name: source_name.to_string(),
                issues: Vec::new(),
            },
            positions: Positions::of(src),
            vocab,
            words: Vec::new(),
            uses_context: false,
        };
        let de = serde_yaml_ng::Deserializer::from_str(src);
        let raw: RawPolicy = match serde_path_to_error::deserialize(de) {
            Ok(r) => r,
            Err(err) => {
                let path = err.path().to_string();
                let inner = err.into_inner();
                let position = inner.location().map(|l| (l.line(), l.column()));
                let mut message = inner.to_string();
                if let Some(i) = message.find(" at line ") {
                    message.truncate(i);
                }
                if let Some((prefix, rest)) = message.split_once(": ") {
                    if !prefix.contains(char::is_whitespace) {
                        message = rest.to_string();
                    }
                }
                let hint = if message.starts_with("unknown field") {
                    Some("check the spelling; the accepted keys are listed after `expected`".to_string())
                } else if message.contains("did not match any variant") {
                    Some("write one name or a list of names".to_string())
                } else {
                    None
                };
                c.report.issues.push(Issue {
                    severity: Severity::Error,
                    path: if path == "." { String::new() } else { path },
                    position,
                    message,
                    hint,
                });
                return Err(c.report);
            }
        };
        let policy = c.compile(raw, src);
        match policy {
            Some(p) if !c.report.has_errors() => Ok((p, c.report)),
            _ => Err(c.report),
        }
    }

    /// Checks the policy's actions against the routes a config offers:
    /// named routes exist, `local` names only on-premises routes, and a
    /// `cloud` action has somewhere to go.
    pub fn check_routes(&self, table: &RouteTable) -> Vec<Issue> {
        let mut out = Vec::new();
        let mut check = |path: String, action: &Action| {
            let issue = |message: String, hint: &str| Issue {
                severity: Severity::Error,
                position: self.positions.find(&path),
                path: path.clone(),
                message,
                hint: Some(hint.to_string()),
            };
            match (&action.route, action.kind) {
                (_, ActionKind::Block) => {}
                (Some(r), kind) => match table.routes.iter().find(|(n, _)| **n == **r) {
                    None => out.push(issue(
                        format!("route `{r}` is not defined in the config"),
                        "name a route from the config's `routes:`",
                    )),
                    Some((_, false)) if kind == ActionKind::Local => out.push(issue(
                        format!("`local` names route `{r}`, which holds an upstream that is not on premises"),
                        "a local action may only name a route whose upstreams all have `zone: local` or `kind: engine`",
                    )),
                    _ => {}
                },
                (None, ActionKind::Cloud | ActionKind::Pseudonymize) if table.cloud_route.is_none() => out.push(issue(
                    format!("`{}` needs a cloud route, and the config defines none", action.kind),
                    "define `routes.cloud` in the config, name a route (`{ action: cloud, route: NAME }`), or keep the data local",
                )),
                (None, ActionKind::Local) if !table.routes.iter().any(|(n, _)| *n == table.local_route) => {
                    out.push(issue(
                        format!("`local` needs the route `{}`, and the config does not define it", table.local_route),
                        "define `routes.local` (it may be empty: requests decided local then get 503, never the cloud)",
                    ))
                }
                (None, _) => {}
            }
            // A requirement no upstream of the route can meet: every request
            // decided so is refused (503), never sent elsewhere.
            if let Some(req) = &action.require {
                let route = action.route.as_deref().or(table.cloud_route.as_deref());
                let labels = route.and_then(|r| table.labels.iter().find(|(n, _)| n == r));
                if let (Some(r), Some((_, ups))) = (route, labels) {
                    if !ups.iter().any(|(region, baa)| req.admits(region.as_deref(), *baa)) {
                        out.push(Issue {
                            severity: Severity::Warning,
                            position: self.positions.find(&path),
                            path: path.clone(),
                            message: format!(
                                "route `{r}` can never satisfy this action: no upstream of it carries {}; requests decided so are refused (503)",
                                req.describe()
                            ),
                            hint: Some("label an upstream of the route (`region:`, `baa: true`) or name another route".into()),
                        });
                    }
                }
            }
        };
        check("default".into(), &self.default);
        check("on_error".into(), &self.on_error);
        check("unscannable".into(), &self.unscannable);
        for (i, r) in self.rules.iter().enumerate() {
            check(format!("rules.{i}.then"), &r.then);
        }
        out
    }

    /// Whether a decision reads the texts themselves (`words`, `context`),
    /// not only the findings: callers then pass [`crate::Facts::texts`].
    pub fn needs_texts(&self) -> bool {
        !self.words.is_empty() || self.clinical.is_some()
    }

    /// What the action decided under `rule` (a rule id, `default`,
    /// `on_error`, `unscannable`) requires of the upstreams it goes to.
    pub fn requirement(&self, rule: &str) -> Option<&Arc<Require>> {
        match rule {
            "default" => self.default.require.as_ref(),
            "on_error" => self.on_error.require.as_ref(),
            "unscannable" => self.unscannable.require.as_ref(),
            id => self.rule(id).and_then(|r| r.then.require.as_ref()),
        }
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// Where a node of the file is (for messages of callers).
    pub fn position(&self, path: &str) -> Option<(usize, usize)> {
        self.positions.find(path)
    }

    /// The first 12 hex digits of the hash, for humans.
    pub fn short_hash(&self) -> &str {
        let h = self.hash.strip_prefix("sha256:").unwrap_or(&self.hash);
        h.get(..12).unwrap_or(h)
    }
}

/// `sha256:<hex>` of a policy file's bytes.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

struct Compiler<'a> {
    report: Report,
    positions: Positions,
    vocab: &'a Vocabulary,
    words: Vec<WordSet>,
    /// A condition asks for clinical context.
    uses_context: bool,
}

impl Compiler<'_> {
    fn push(&mut self, severity: Severity, path: &str, message: impl Into<String>, hint: Option<&str>) {
        self.report.issues.push(Issue {
            severity,
            path: path.to_string(),
            position: self.positions.find(path),
            message: message.into(),
            hint: hint.map(str::to_string),
        });
    }

    fn error(&mut self, path: &str, message: impl Into<String>, hint: Option<&str>) {
        self.push(Severity::Error, path, message, hint);
    }

    fn compile(&mut self, raw: RawPolicy, src: &str) -> Option<Policy> {
        if raw.version != 1 {
            self.error(
                "version",
                format!("version {} is not supported", raw.version),
                Some("write `version: 1`"),
            );
        }
        if raw.name.trim().is_empty() {
            self.error("name", "the policy needs a name", None);
        }
        let default = self.action("default", &raw.default);
        let on_error = match &raw.on_error {
            Some(v) => self.action("on_error", v),
            None => Some(Action {
                kind: ActionKind::Block,
                route: None,
                require: None,
            }),
        };
        if on_error.as_ref().is_some_and(|a| a.kind == ActionKind::Cloud) {
            self.push(
                Severity::Warning,
                "on_error",
                "`on_error: cloud` sends requests the detectors could not examine to the cloud",
                Some("fail closed: `block` or `local`"),
            );
        }
        let unscannable = match &raw.unscannable {
            Some(v) => self.action("unscannable", v),
            None => Some(Action {
                kind: ActionKind::Local,
                route: None,
                require: None,
            }),
        };
        let mut rules: Vec<Rule> = Vec::new();
        let mut ids = BTreeSet::new();
        for (i, r) in raw.rules.iter().enumerate() {
            let base = format!("rules.{i}");
            if r.id.is_empty()
                || !r
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            {
                self.error(
                    &format!("{base}.id"),
                    format!("rule id {:?} is not a plain name", r.id),
                    Some("use letters, digits, `-`, `_` and `.` (it is sent in the `x-cordon-rule` header)"),
                );
            } else if ["default", "on_error", "unscannable"].contains(&r.id.as_str()) {
                self.error(
                    &format!("{base}.id"),
                    format!("`{}` is reserved for the policy's own decisions", r.id),
                    Some("choose another id"),
                );
            } else if !ids.insert(r.id.clone()) {
                self.error(
                    &format!("{base}.id"),
                    format!("rule id `{}` is used twice", r.id),
                    Some("rule ids name decisions in the audit trail: make each unique"),
                );
            }
            let when = match &r.when {
                Some(w) => self.cond(&format!("{base}.when"), w),
                None => Some(Cond::default()),
            };
            let then = self.action(&format!("{base}.then"), &r.then);
            if let (Some(when), Some(then)) = (when, then) {
                let mentions_unscannable = when.mentions_unscannable();
                rules.push(Rule {
                    id: Arc::from(r.id.as_str()),
                    description: r.description.clone(),
                    when,
                    then,
                    mentions_unscannable,
                });
            }
        }
        // Rules that can never match: an earlier rule matches everything they do.
        if rules.len() == raw.rules.len() {
            let vocab = self.vocab;
            for j in 0..rules.len() {
                if let Some(i) = (0..j).find(|&i| shadow::implies(&rules[j].when, &rules[i].when, vocab)) {
                    let (a, b) = (rules[i].id.clone(), rules[j].id.clone());
                    self.error(
                        &format!("rules.{j}"),
                        format!("rule `{b}` can never match: rule `{a}` before it matches every request it would"),
                        Some("move the narrower rule first, or remove it"),
                    );
                }
            }
        }
        let tests = self.tests(&raw.tests, &rules);
        let words = std::mem::take(&mut self.words);
        let (word_ac, word_owner) = match build_words(&words) {
            Ok(x) => x,
            Err(e) => {
                self.error("rules", format!("the word lists cannot be compiled: {e}"), None);
                return None;
            }
        };
        let clinical = if self.uses_context {
            match Clinical::shared() {
                Ok(c) => Some(c),
                Err(e) => {
                    self.error("rules", e.to_string(), None);
                    return None;
                }
            }
        } else {
            None
        };
        Some(Policy {
            version: raw.version,
            name: raw.name,
            description: raw.description,
            default: default?,
            on_error: on_error?,
            unscannable: unscannable?,
            rules,
            tests,
            words,
            egress_scan: raw.egress.as_ref().is_some_and(|e| e.scan),
            egress_redact: raw.egress.as_ref().is_some_and(|e| e.redact),
            word_ac,
            word_owner,
            clinical,
            hash: content_hash(src.as_bytes()),
            positions: std::mem::take(&mut self.positions),
        })
    }

    fn action(&mut self, path: &str, v: &Value) -> Option<Action> {
        let mut require = None;
        let (name, route) = match v {
            Value::String(s) => (s.as_str(), None),
            Value::Mapping(m) => {
                let mut name = None;
                let mut route = None;
                for (k, val) in m {
                    match (k.as_str(), val) {
                        (Some("action"), Value::String(s)) => name = Some(s.as_str()),
                        (Some("route"), Value::String(s)) => route = Some(Arc::from(s.as_str())),
                        (Some("require"), v) => require = Some(self.require(&format!("{path}.require"), v)?),
                        (Some(k @ ("action" | "route")), _) => {
                            self.error(&format!("{path}.{k}"), format!("`{k}` must be a name"), None);
                            return None;
                        }
                        (k, _) => {
                            let k = k.unwrap_or("?");
                            self.error(
                                &format!("{path}.{k}"),
                                format!("unknown key `{k}`"),
                                Some("an action is a name (`local`) or `{ action: NAME, route: ROUTE, require: { region: [eu], baa: true } }`"),
                            );
                            return None;
                        }
                    }
                }
                match name {
                    Some(n) => (n, route),
                    None => {
                        self.error(
                            path,
                            "the action is missing",
                            Some("write `{ action: local, route: NAME }`"),
                        );
                        return None;
                    }
                }
            }
            _ => {
                self.error(
                    path,
                    "an action is a name or a map",
                    Some("write `local`, `cloud`, `pseudonymize`, `block`, or `{ action: cloud, route: NAME }`"),
                );
                return None;
            }
        };
        let Some(kind) = ActionKind::parse(name) else {
            self.error(
                path,
                format!("unknown action `{name}`"),
                Some("use one of local, cloud, pseudonymize, block"),
            );
            return None;
        };
        if kind == ActionKind::Block && route.is_some() {
            self.error(path, "`block` takes no route", None);
            return None;
        }
        if require.is_some() && !matches!(kind, ActionKind::Cloud | ActionKind::Pseudonymize) {
            self.error(
                &format!("{path}.require"),
                "`require` applies to `cloud` and `pseudonymize`",
                Some("on premises is already where the data stays"),
            );
            return None;
        }
        Some(Action {
            kind,
            route,
            require: require.map(Arc::new),
        })
    }

    /// `require: { region: eu | [eu, ch], baa: true }`.
    fn require(&mut self, path: &str, v: &Value) -> Option<Require> {
        let Value::Mapping(m) = v else {
            self.error(
                path,
                "`require` is a map",
                Some("write `require: { region: [eu], baa: true }`"),
            );
            return None;
        };
        let mut out = Require::default();
        for (k, val) in m {
            match (k.as_str(), val) {
                (Some("region"), Value::String(s)) => out.region = Some(vec![s.to_ascii_lowercase()]),
                (Some("region"), Value::Sequence(items)) => {
                    let mut regions = Vec::new();
                    for item in items {
                        match item.as_str() {
                            Some(s) if !s.is_empty() => regions.push(s.to_ascii_lowercase()),
                            _ => {
                                self.error(
                                    &format!("{path}.region"),
                                    "a region is a short code",
                                    Some("e.g. eu, us, uk, ch"),
                                );
                                return None;
                            }
                        }
                    }
                    if regions.is_empty() {
                        self.error(&format!("{path}.region"), "name at least one region", None);
                        return None;
                    }
                    out.region = Some(regions);
                }
                (Some("baa"), Value::Bool(b)) => out.baa = *b,
                (k, _) => {
                    let k = k.unwrap_or("?");
                    self.error(
                        &format!("{path}.{k}"),
                        format!("unknown or ill-typed key `{k}`"),
                        Some("`require` takes `region:` (a code or a list) and `baa:` (true or false)"),
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    fn names(&mut self, path: &str, v: Option<&OneOrMany>) -> Option<Vec<String>> {
        let v = match v {
            Some(OneOrMany::One(s)) => vec![s.clone()],
            Some(OneOrMany::Many(v)) => v.clone(),
            None => return None,
        };
        if v.is_empty() {
            self.error(
                path,
                "the list is empty: it would never match",
                Some("list at least one value"),
            );
        }
        Some(v)
    }

    fn cond(&mut self, path: &str, raw: &RawCond) -> Option<Cond> {
        let mut c = Cond {
            min_count: 1,
            ..Cond::default()
        };
        let mut ok = true;
        if let Some(list) = &raw.entities {
            let mut out = Vec::new();
            if list.is_empty() {
                self.error(
                    &format!("{path}.entities"),
                    "the list is empty: it would never match",
                    None,
                );
            }
            for (i, name) in list.iter().enumerate() {
                match self.vocab.entity(name) {
                    Some(e) => out.push(e),
                    None => {
                        ok = false;
                        let hint = closest(name, Kind::ALL.iter().map(|k| k.as_str()))
                            .map(|s| format!("did you mean `{s}`? The names are listed by `cordon scan --list`"))
                            .unwrap_or_else(|| "entity names are listed by `cordon scan --list`".into());
                        self.error(
                            &format!("{path}.entities.{i}"),
                            format!("unknown entity `{name}`"),
                            Some(&hint),
                        );
                    }
                }
            }
            c.entities = Some(out);
        }
        if let Some(list) = &raw.categories {
            let mut set = Categories::default();
            if list.is_empty() {
                self.error(
                    &format!("{path}.categories"),
                    "the list is empty: it would never match",
                    None,
                );
            }
            for (i, name) in list.iter().enumerate() {
                match Category::parse(name) {
                    Some(cat) => set = set.union(Categories::of(&[cat])),
                    None => {
                        ok = false;
                        self.error(
                            &format!("{path}.categories.{i}"),
                            format!("unknown category `{name}`"),
                            Some("use PHI, PII, FINANCIAL or SECRET"),
                        );
                    }
                }
            }
            c.categories = Some(set);
        }
        if let Some(s) = raw.min_score {
            if !(0.0..=1.0).contains(&s) {
                self.error(&format!("{path}.min_score"), format!("{s} is not in [0, 1]"), None);
            }
            c.min_score = s as f32;
        }
        if let Some(n) = raw.min_count {
            if n == 0 {
                self.error(&format!("{path}.min_count"), "must be at least 1", None);
            }
            c.min_count = n.max(1);
        }
        c.any_finding =
            c.entities.is_none() && c.categories.is_none() && (raw.min_score.is_some() || raw.min_count.is_some());
        c.tenant = self.names(&format!("{path}.tenant"), raw.tenant.as_ref());
        c.client = self.names(&format!("{path}.client"), raw.client.as_ref());
        c.model = self.names(&format!("{path}.model"), raw.model.as_ref());
        if let Some(list) = self.names(&format!("{path}.jurisdiction"), raw.jurisdiction.as_ref()) {
            c.jurisdiction = Some(list.iter().map(|j| j.to_ascii_uppercase()).collect());
        }
        if let Some(list) = self.names(&format!("{path}.endpoint"), raw.endpoint.as_ref()) {
            for (i, e) in list.iter().enumerate() {
                if !ENDPOINTS.contains(&e.as_str()) {
                    ok = false;
                    self.error(
                        &format!("{path}.endpoint.{i}"),
                        format!("unknown endpoint `{e}`"),
                        Some("use chat_completions, completions, embeddings, responses or messages"),
                    );
                }
            }
            c.endpoint = Some(list);
        }
        c.unscannable = raw.unscannable;
        if let Some(words) = &raw.words {
            let clean: Vec<String> = words
                .iter()
                .map(|w| w.trim().to_ascii_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            if clean.is_empty() {
                self.error(
                    &format!("{path}.words"),
                    "the list is empty: it would never match",
                    None,
                );
            }
            c.words = Some(self.words.len());
            self.words.push(WordSet { words: clean });
        }
        if let Some(list) = self.names(&format!("{path}.context"), raw.context.as_ref()) {
            let mut set = Signals::default();
            for (i, name) in list.iter().enumerate() {
                match Signals::parse(name) {
                    Some(s) => set = set.union(s),
                    None => {
                        ok = false;
                        self.error(
                            &format!("{path}.context.{i}"),
                            format!("unknown context `{name}`"),
                            Some("use clinical (any of the others), medication, vitals, symptoms, shorthand or procedures"),
                        );
                    }
                }
            }
            self.uses_context = true;
            c.context = Some(set);
        }
        for (key, list, target) in [("all", &raw.all, 0), ("any", &raw.any, 1)] {
            if let Some(list) = list {
                if list.is_empty() {
                    self.error(&format!("{path}.{key}"), "the list is empty", None);
                }
                for (i, child) in list.iter().enumerate() {
                    match self.cond(&format!("{path}.{key}.{i}"), child) {
                        Some(cc) if target == 0 => c.all.push(cc),
                        Some(cc) => c.any.push(cc),
                        None => ok = false,
                    }
                }
            }
        }
        if let Some(n) = &raw.not {
            match self.cond(&format!("{path}.not"), n) {
                Some(cc) => c.not = Some(Box::new(cc)),
                None => ok = false,
            }
        }
        ok.then_some(c)
    }

    fn tests(&mut self, raw: &[RawTest], rules: &[Rule]) -> Vec<TestCase> {
        let mut out = Vec::new();
        for (i, t) in raw.iter().enumerate() {
            let base = format!("tests.{i}");
            let texts = match (&t.prompt, &t.texts) {
                (Some(p), None) => vec![p.clone()],
                (None, Some(v)) => v.clone(),
                (None, None) => Vec::new(),
                (Some(_), Some(_)) => {
                    self.error(&base, "a test has `prompt` or `texts`, not both", None);
                    continue;
                }
            };
            let Some(action) = ActionKind::parse(&t.expect.action) else {
                self.error(
                    &format!("{base}.expect.action"),
                    format!("unknown action `{}`", t.expect.action),
                    Some("use one of local, cloud, pseudonymize, block"),
                );
                continue;
            };
            if let Some(rule) = &t.expect.rule {
                let known = rules.iter().any(|r| &*r.id == rule)
                    || ["default", "on_error", "unscannable"].contains(&rule.as_str());
                if !known {
                    self.error(
                        &format!("{base}.expect.rule"),
                        format!("no rule has the id `{rule}`"),
                        Some("name a rule of this policy, or `default`, `on_error`, `unscannable`"),
                    );
                }
            }
            for (j, k) in t.unscannable.iter().enumerate() {
                if !UNSCANNABLE_KINDS.contains(&k.as_str()) {
                    self.error(
                        &format!("{base}.unscannable.{j}"),
                        format!("unknown content kind `{k}`"),
                        Some("use image, audio, file or base64"),
                    );
                }
            }
            if let Some(e) = &t.endpoint {
                if !ENDPOINTS.contains(&e.as_str()) {
                    self.error(&format!("{base}.endpoint"), format!("unknown endpoint `{e}`"), None);
                }
            }
            out.push(TestCase {
                name: t.name.clone(),
                texts,
                tenant: t.tenant.clone(),
                client: t.client.clone(),
                jurisdiction: t.jurisdiction.as_ref().map(|j| j.to_ascii_uppercase()),
                model: t.model.clone(),
                endpoint: t.endpoint.clone(),
                unscannable: t.unscannable.clone(),
                detector_error: t.detector_error,
                expect_action: action,
                expect_rule: t.expect.rule.clone(),
                expect_route: t.expect.route.clone(),
            });
        }
        out
    }
}

fn build_words(sets: &[WordSet]) -> Result<(Option<AhoCorasick>, Vec<usize>), String> {
    if sets.is_empty() {
        return Ok((None, Vec::new()));
    }
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (i, s) in sets.iter().enumerate() {
        for w in &s.words {
            patterns.push(w.as_str());
            owner.push(i);
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .map_err(|e| e.to_string())?;
    Ok((Some(ac), owner))
}

/// The candidate closest to `name` by edit distance, when it is close.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let upper = name.to_ascii_uppercase();
    candidates
        .map(|c| (levenshtein(&upper, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
