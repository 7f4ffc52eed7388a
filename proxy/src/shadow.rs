//! Shadow policies: candidates evaluated beside the policy in force, on the
//! same findings and facts (no second scan), whose decisions go into the
//! decision record and nowhere else: they never change the route, what is
//! replaced, or what the client sees.
//!
//! - [`Shadows::evaluate`] runs each shadow through [`classify::decide`]
//!   with the request's summary and returns what each would have done;
//! - shadows hot-reload like the policy in force (an invalid file is
//!   refused and the shadow in force keeps running), and each one that
//!   comes into force is written to the trail as a `policy` record with
//!   `shadow: true` before the first decision that names it;
//! - promotion ([`replace_policy_file`], [`PromotionNote`]) puts a candidate
//!   in force by replacing the policy file whole; the trail records who did
//!   it, with both hashes (`promote_policy` access record), before the
//!   policy record of the promoted policy.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;
use serde::{Deserialize, Serialize};

use crate::api::ParsedRequest;
use crate::audit::{AccessRecord, Audit, Body, PolicyRecord, ShadowDecision};
use crate::classify::{self, Asker, ContentSummary, Decision};
use crate::config::{Config, PolicySetting, ShadowPolicy, ShadowRecording};

/// The file in the trail's folder where `cordon policy promote` leaves who
/// promoted what, for the proxy to record when it loads the promoted policy.
pub const PROMOTION_NOTE: &str = "promotion.json";

/// The shadow policies in force, and their records not yet in the trail.
pub struct Shadows {
    set: ArcSwap<Vec<ShadowPolicy>>,
    recording: ShadowRecording,
    audit: Arc<Audit>,
    trail_dir: PathBuf,
    /// Shadow policies that came into force and have no record yet, with why.
    pending: Mutex<Vec<(ShadowPolicy, &'static str)>>,
    /// `pending` is not empty: spares decisions the lock.
    unrecorded: AtomicBool,
    /// One writer of shadow records at a time.
    writing: tokio::sync::Mutex<()>,
    /// The hash a console promotion is putting in force (its access record
    /// is already written): the reload that loads it says `promote`.
    expected: Mutex<Option<String>>,
    /// A promotion by `cordon policy promote`, to record before the policy
    /// record of the promoted policy.
    promotion: Mutex<Option<PromotionNote>>,
    /// One reload of the policy in force at a time: the file watcher and a
    /// console promotion may both see the new file.
    reloading: Mutex<()>,
}

/// Who put which policy in force, left by `cordon policy promote` in the
/// trail's folder ([`PROMOTION_NOTE`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PromotionNote {
    pub user: String,
    pub from: String,
    pub to: String,
    pub candidate: String,
    pub policy_file: String,
    pub tests: usize,
    pub ts_ms: u64,
}

impl PromotionNote {
    /// The access record that says who promoted what.
    pub fn record(&self, via: &str, role: &str, remote: Option<String>) -> AccessRecord {
        AccessRecord {
            user: self.user.clone(),
            role: role.into(),
            action: "promote_policy".into(),
            params: [
                ("from", self.from.clone()),
                ("to", self.to.clone()),
                ("candidate", self.candidate.clone()),
                ("policy_file", self.policy_file.clone()),
                ("tests_passed", self.tests.to_string()),
                ("via", via.to_string()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
            results: None,
            remote,
        }
    }
}

impl Shadows {
    pub fn new(setting: &PolicySetting, audit: Arc<Audit>, trail_dir: PathBuf) -> Shadows {
        let pending: Vec<(ShadowPolicy, &'static str)> = setting.shadows.iter().map(|s| (s.clone(), "start")).collect();
        Shadows {
            unrecorded: AtomicBool::new(!pending.is_empty()),
            set: ArcSwap::from_pointee(setting.shadows.clone()),
            recording: setting.shadow_record,
            audit,
            trail_dir,
            pending: Mutex::new(pending),
            writing: tokio::sync::Mutex::new(()),
            expected: Mutex::new(None),
            promotion: Mutex::new(None),
            reloading: Mutex::new(()),
        }
    }

    /// The shadow policies in force now.
    pub fn current(&self) -> Arc<Vec<ShadowPolicy>> {
        self.set.load_full()
    }

    /// Whether a shadow reads the texts themselves (word counts, clinical
    /// context), so that the decide phase extracts them.
    pub fn needs_texts(&self) -> bool {
        self.set.load().iter().any(|s| s.policy.needs_texts())
    }

    /// What each shadow would have decided, on the findings and facts the
    /// enforced decision was made on; only those that differ from it unless
    /// `shadow_record: always`. Allocates nothing without shadows.
    pub fn evaluate(
        &self,
        config: &Config,
        summary: &ContentSummary,
        request: &ParsedRequest,
        texts: &[&str],
        asker: &Asker<'_>,
        enforced: &Decision,
    ) -> Vec<ShadowDecision> {
        evaluate(
            &self.set.load(),
            self.recording,
            config,
            summary,
            request,
            texts,
            asker,
            enforced,
        )
    }

    /// Re-reads every shadow file; a changed one that checks takes effect
    /// for new requests at once, an invalid one is refused with a log line
    /// and the shadow in force keeps running. `force`: log even when
    /// nothing changed (SIGHUP).
    pub fn reload(self: &Arc<Self>, setting: &PolicySetting, force: bool) {
        let current = self.set.load_full();
        let mut next: Option<Vec<ShadowPolicy>> = None;
        for (i, s) in current.iter().enumerate() {
            let bytes = match std::fs::read(&s.file) {
                Ok(b) => b,
                Err(e) => {
                    tracing::warn!(shadow = %s.file.display(), error = %e, "shadow policy file unreadable; keeping the shadow in force");
                    continue;
                }
            };
            if cordon_policies::content_hash(&bytes) == s.policy.hash {
                if force {
                    tracing::info!(shadow = %s.policy.name, hash = %s.policy.hash, "shadow policy unchanged");
                }
                continue;
            }
            match setting.read(&s.file) {
                Ok((policy, warnings)) => {
                    for w in warnings {
                        tracing::warn!(shadow = %s.file.display(), warning = %w, "shadow policy warning");
                    }
                    tracing::info!(
                        shadow = %policy.name,
                        hash = %policy.hash,
                        previous = %s.policy.hash,
                        rules = policy.rules.len(),
                        "shadow policy reloaded"
                    );
                    let fresh = ShadowPolicy {
                        file: s.file.clone(),
                        policy: Arc::new(policy),
                    };
                    let list = next.get_or_insert_with(|| current.as_ref().clone());
                    if let Some(slot) = list.get_mut(i) {
                        *slot = fresh.clone();
                    }
                    if let Ok(mut p) = self.pending.lock() {
                        p.push((fresh, "reload"));
                    }
                }
                Err(report) => {
                    tracing::error!(shadow = %s.file.display(), errors = %report, "new shadow policy refused; keeping the shadow in force");
                }
            }
        }
        if let Some(list) = next {
            // The flag first: a decision that sees the new set also sees
            // that its record is still to be written.
            self.unrecorded.store(true, Ordering::Release);
            self.set.store(Arc::new(list));
            let me = self.clone();
            tokio::spawn(async move { me.record_pending().await });
        }
    }

    /// Writes the records of shadows that came into force and have none
    /// yet. Called before each decision record (cheap when there are none),
    /// after the enforced policy's own record.
    pub async fn record_pending(&self) {
        if !self.unrecorded.load(Ordering::Acquire) {
            return;
        }
        let _one = self.writing.lock().await;
        let todo: Vec<(ShadowPolicy, &'static str)> = match self.pending.lock() {
            Ok(p) => p.clone(),
            Err(_) => return,
        };
        let mut written = 0;
        for (s, reason) in &todo {
            if let Err(e) = self.audit.record(Body::Policy(shadow_record(s, reason))).await {
                tracing::error!(error = %e, "a shadow policy's audit record could not be written; it is written before the next decision");
                break;
            }
            written += 1;
        }
        if let Ok(mut p) = self.pending.lock() {
            let n = written.min(p.len());
            p.drain(..n);
            if p.is_empty() {
                self.unrecorded.store(false, Ordering::Release);
            }
        }
    }

    /// Held while the policy in force is reloaded (see `App::reload_policy` in the pipeline).
    pub fn reloading(&self) -> std::sync::MutexGuard<'_, ()> {
        self.reloading.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The console is about to put `hash` in force (its access record is
    /// written): the reload that loads it is a promotion.
    pub fn expect_promotion(&self, hash: &str) {
        if let Ok(mut e) = self.expected.lock() {
            *e = Some(hash.to_string());
        }
    }

    /// Why the policy `to` comes into force in place of `from`: `promote`
    /// when the console or `cordon policy promote` put it there (the latter
    /// left a note, whose record [`Shadows::record_promotion`] writes),
    /// else `reload`.
    pub fn reason_for(&self, from: &str, to: &str) -> &'static str {
        if let Ok(mut e) = self.expected.lock() {
            if e.as_deref() == Some(to) {
                *e = None;
                return "promote";
            }
        }
        match self.read_note() {
            Some(note) if note.to == to && (note.from == from || from.is_empty()) => {
                if let Ok(mut p) = self.promotion.lock() {
                    *p = Some(note);
                }
                "promote"
            }
            _ => "reload",
        }
    }

    fn read_note(&self) -> Option<PromotionNote> {
        let bytes = std::fs::read(self.trail_dir.join(PROMOTION_NOTE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes the access record of a promotion by `cordon policy promote`,
    /// if one is waiting, and removes its note. `Err`: not written (the
    /// policy record waits for it).
    pub async fn record_promotion(&self) -> Result<(), crate::audit::AuditError> {
        let note = self.promotion.lock().ok().and_then(|p| p.clone());
        let Some(note) = note else { return Ok(()) };
        self.audit.record(Body::Access(note.record("cli", "cli", None))).await?;
        if let Ok(mut p) = self.promotion.lock() {
            *p = None;
        }
        let _ = std::fs::remove_file(self.trail_dir.join(PROMOTION_NOTE));
        Ok(())
    }
}

/// What each of `set` would have decided (see [`Shadows::evaluate`]); the
/// whole added cost of shadows per request (`cargo bench -p cordon --bench decide`).
#[allow(clippy::too_many_arguments)]
pub fn evaluate(
    set: &[ShadowPolicy],
    recording: ShadowRecording,
    config: &Config,
    summary: &ContentSummary,
    request: &ParsedRequest,
    texts: &[&str],
    asker: &Asker<'_>,
    enforced: &Decision,
) -> Vec<ShadowDecision> {
    if set.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in set {
        let d = classify::decide(config, &s.policy, summary, request, texts, asker, false);
        let differs = d.action != enforced.action || d.rule != enforced.rule || d.route != enforced.route;
        if differs || recording == ShadowRecording::Always {
            out.push(ShadowDecision {
                policy_hash: s.policy.hash.clone(),
                action: d.action.as_str().to_string(),
                rule: d.rule.to_string(),
                zone: match (d.action, d.zone) {
                    (cordon_policies::ActionKind::Block, _) | (_, None) => "none",
                    (_, Some(z)) => z.as_str(),
                }
                .to_string(),
                route: d.route,
            });
        }
    }
    out
}

/// The `policy` record of a shadow coming into force.
pub fn shadow_record(s: &ShadowPolicy, reason: &str) -> PolicyRecord {
    let mut rec = crate::classify::policy_record(&s.policy, Some(&s.file), reason);
    rec.shadow = true;
    rec
}

/// Replaces `path` whole with `bytes`: written beside it, synced, renamed
/// over it, and the folder synced, so that a reader (the proxy's reload)
/// sees the old file or the new one, never a part.
pub fn replace_policy_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.promote-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = std::fs::set_permissions(&tmp, meta.permissions());
        }
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes a promotion note into the trail's folder (whole, as
/// [`replace_policy_file`] does).
pub fn write_note(trail_dir: &Path, note: &PromotionNote) -> std::io::Result<()> {
    std::fs::create_dir_all(trail_dir)?;
    let bytes = serde_json::to_vec(note).map_err(std::io::Error::other)?;
    replace_policy_file(&trail_dir.join(PROMOTION_NOTE), &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{OfflineEnv, Source};

    #[test]
    fn shadows_are_decided_on_the_same_summary_and_listed_when_they_differ() {
        let dir = tempfile::tempdir().unwrap();
        let write = |n: &str, t: &str| std::fs::write(dir.path().join(n), t).unwrap();
        write("p.yaml", "version: 1\nname: p\ndefault: cloud\nrules:\n  - id: mail\n    when: { entities: [EMAIL] }\n    then: local\n");
        write("same.yaml", "version: 1\nname: same\ndefault: cloud\nrules: []\n");
        write("closed.yaml", "version: 1\nname: closed\ndefault: local\nrules: []\n");
        let text = "listen:\n  - addr: 127.0.0.1:0\nupstreams:\n  v: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }\n  c: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: cloud }\nroutes:\n  local: [v]\n  cloud: [c]\npolicy: { file: p.yaml, shadow: [same.yaml, closed.yaml] }\n";
        let (config, _) = Config::load(&Source::file(&dir.path().join("c.yaml"), text), &OfflineEnv).unwrap();
        let decide = |prompt: &str, recording| {
            let body = serde_json::json!({"model": "m", "messages": [{"role": "user", "content": prompt}]});
            let parsed =
                ParsedRequest::parse(crate::api::Endpoint::ChatCompletions, body.to_string().as_bytes()).unwrap();
            let ex = crate::api::extract(&parsed);
            let summary = classify::scan(&config.detectors, None, &ex).unwrap();
            let texts: Vec<&str> = ex.texts.iter().map(|t| t.text.as_ref()).collect();
            let asker = Asker::default();
            let d = classify::decide(&config, &config.policy.policy, &summary, &parsed, &texts, &asker, false);
            let shadows = evaluate(
                &config.policy.shadows,
                recording,
                &config,
                &summary,
                &parsed,
                &texts,
                &asker,
                &d,
            );
            (d, shadows)
        };
        // Nothing found: `same` agrees (not listed), `closed` keeps it on premises.
        let (d, s) = decide("Hello there.", ShadowRecording::Differences);
        assert_eq!((d.route.as_deref(), &*d.rule), (Some("cloud"), "default"));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].policy_hash, config.policy.shadows[1].policy.hash);
        assert_eq!(
            (
                s[0].action.as_str(),
                s[0].rule.as_str(),
                s[0].route.as_deref(),
                s[0].zone.as_str()
            ),
            ("local", "default", Some("local"), "local")
        );
        // An e-mail: the policy in force keeps it; `same` would let it out.
        let (d, s) = decide("Write to ops@example.com today.", ShadowRecording::Differences);
        assert_eq!(&*d.rule, "mail");
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].action.as_str(), s[0].zone.as_str()), ("cloud", "cloud"));
        // `always`: every shadow, every time.
        let (_, s) = decide("Hello there.", ShadowRecording::Always);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn replacing_a_file_leaves_the_new_content_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("policy.yaml");
        std::fs::write(&p, "old").unwrap();
        replace_policy_file(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, vec!["policy.yaml".to_string()]);
    }
}
