//! The compliance console in a real headless Chromium (Debian's `chromium`
//! and `chromedriver`, installed by `scripts/fetch-chromium`), over TLS,
//! against a trail seeded by real requests. Screenshots of every page go to
//! `target/test-artifacts/console/`.

use std::time::Duration;

use cordon_tests::browser::{artifacts_dir, Browser};
use fantoccini::Locator;

use cordon_tests::idp::FakeIdp;

use crate::console::{admin, seeded, sso_admin, PASSWORD, SEEDED};

const WAIT: Duration = Duration::from_secs(20);

/// No seeded value in the page source.
async fn assert_clean(b: &Browser, page: &str) {
    let src = b.source().await;
    for v in SEEDED {
        assert!(!src.contains(v), "{page} shows the seeded value {v:?}");
    }
}

/// Every form control has a label, the skip link comes first, and nothing
/// came from another origin.
async fn assert_accessible_and_local(b: &Browser, page: &str) {
    let unlabelled = b
        .execute(
            "return [...document.querySelectorAll('input:not([type=hidden]),select,textarea')]\
             .filter(e => !e.labels || e.labels.length === 0).map(e => e.name || e.id);",
            vec![],
        )
        .await;
    assert_eq!(unlabelled, serde_json::json!([]), "{page}: controls without a label");
    let first = b
        .execute(
            "return document.querySelector('a, button, input, select, textarea').className;",
            vec![],
        )
        .await;
    assert_eq!(first, "skip", "{page}: the skip link is the first focusable element");
    let foreign = b
        .execute(
            "return performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(location.origin));",
            vec![],
        )
        .await;
    assert_eq!(foreign, serde_json::json!([]), "{page}: loaded from elsewhere");
}

async fn shot(b: &Browser, name: &str) {
    b.screenshot(artifacts_dir().join(format!("{name}.png"))).await;
}

async fn sign_in(b: &Browser, base: &str, user: &str) {
    b.goto(&format!("{base}/")).await;
    assert!(
        b.current_url().await.ends_with("/login"),
        "signed out: sent to the login page"
    );
    b.fill("#user", user).await;
    b.fill("#password", PASSWORD).await;
    b.click("#sign-in").await;
    b.wait_for("form.who", WAIT).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let pki = cordon_tests::Pki::new(dir.path(), "console");
    let leaf = pki.server("console", "localhost");
    let section = admin(
        Some((&leaf.cert.display().to_string(), &leaf.key.display().to_string())),
        "",
    );
    let (cordon, _fakes) = seeded(&section, Some(dir)).await;
    let base = format!("https://localhost:{}", cordon.console.unwrap().port());
    let b = Browser::start().await;

    // Log in.
    b.goto(&format!("{base}/login")).await;
    shot(&b, "01-login").await;
    assert_accessible_and_local(&b, "login").await;
    sign_in(&b, &base, "ana").await;
    let cookies = b.client().get_all_cookies().await.unwrap();
    let session = cookies
        .iter()
        .find(|c| c.name() == "__Host-cordon_session")
        .expect("the session cookie");
    assert_eq!(session.secure(), Some(true));
    assert_eq!(session.http_only(), Some(true));
    assert_eq!(session.same_site().map(|s| format!("{s:?}")).as_deref(), Some("Strict"));

    // Overview.
    b.wait_for("svg.chart", WAIT).await;
    shot(&b, "02-overview").await;
    assert_clean(&b, "overview").await;
    assert_accessible_and_local(&b, "overview").await;

    // Filter to PHI routed locally, with the form.
    b.click("a[href='/decisions']").await;
    b.wait_for("#f-category", WAIT).await;
    for (css, v) in [("#f-category", "PHI"), ("#f-zone", "local")] {
        b.client()
            .find(Locator::Css(css))
            .await
            .unwrap()
            .select_by_value(v)
            .await
            .unwrap();
    }
    b.click("#apply").await;
    b.wait_for("#total", WAIT).await;
    let url = b.current_url().await;
    assert!(url.contains("category=PHI") && url.contains("zone=local"), "{url}");
    let total: usize = b.text("#total").await.parse().unwrap();
    assert!(total >= 2, "the PHI prompts kept on premises are listed");
    let rows = b.client().find_all(Locator::Css("table.rows tbody tr")).await.unwrap();
    assert_eq!(rows.len(), total);
    let src = b.source().await;
    assert!(!src.contains("tag-cloud\">cloud</span>"), "only local decisions");
    shot(&b, "03-decisions-phi-local").await;
    assert_clean(&b, "decisions").await;
    assert_accessible_and_local(&b, "decisions").await;

    // A decision.
    b.click("table.rows tbody a").await;
    b.wait_for("#h-find", WAIT).await;
    let src = b.source().await;
    assert!(src.contains("phi-on-prem") || src.contains("clinical-identifiers"));
    assert!(src.contains("sha256:"), "the policy hash");
    shot(&b, "04-decision").await;
    assert_clean(&b, "decision").await;

    // Verify now, with its progress.
    b.click("a[href='/integrity']").await;
    b.click("#verify-now").await;
    let result = b.wait_for("#verify-result", WAIT).await;
    let text = result.text().await.unwrap();
    assert!(text.starts_with("Verified"), "{text}");
    assert_eq!(b.text("#verify-percent").await, "100%");
    shot(&b, "05-integrity").await;
    assert_clean(&b, "integrity").await;
    assert_accessible_and_local(&b, "integrity").await;

    // A form without this session's token is refused.
    b.execute(
        "document.querySelector('form[action=\"/integrity/verify\"] input[name=csrf]').value = 'forged';",
        vec![],
    )
    .await;
    b.click("#verify-now").await;
    b.wait_for("p.error", WAIT).await;
    assert!(b.source().await.contains("Form refused"));

    // Evidence: the report for a period, printable, and downloaded.
    b.goto(&format!("{base}/evidence?from=2020-01-01")).await;
    b.wait_for("#h-report", WAIT).await;
    shot(&b, "06-evidence-report").await;
    assert_clean(&b, "evidence").await;
    assert_accessible_and_local(&b, "evidence").await;
    b.click("#download-csv").await;
    let csv = b.wait_for_download(".csv", WAIT).await;
    let csv = std::fs::read_to_string(csv).unwrap();
    assert!(
        csv.starts_with("seq,time,decision_id") && csv.lines().count() == 7,
        "{csv}"
    );
    for v in SEEDED {
        assert!(!csv.contains(v));
    }
    b.click("#download-report").await;
    let report = std::fs::read_to_string(b.wait_for_download(".txt", WAIT).await).unwrap();
    assert!(report.contains("Cordon audit report"));
    b.click("#download-pdf").await;
    let pdf = lopdf::Document::load(b.wait_for_download(".pdf", WAIT).await).unwrap();
    assert!(pdf.extract_text(&[1]).unwrap().contains("Cordon audit report"));

    // Subject lookup: typed into the page, never shown back.
    b.fill("#subject", SEEDED[2]).await;
    b.click("#lookup").await;
    b.wait_for("#h-lookup", WAIT).await;
    assert!(b.source().await.contains("<strong>2</strong> decisions carry"));
    shot(&b, "07-subject-lookup").await;
    assert_clean(&b, "subject lookup").await;

    // Policies.
    b.click("a[href='/policies']").await;
    b.wait_for("#h-rules", WAIT).await;
    shot(&b, "08-policies").await;
    assert_clean(&b, "policies").await;

    // Sign out; a viewer cannot export.
    b.click("form.who button").await;
    b.wait_for("#sign-in", WAIT).await;
    sign_in(&b, &base, "vic").await;
    b.goto(&format!("{base}/evidence")).await;
    b.wait_for("p.error", WAIT).await;
    assert!(b.source().await.contains("Auditors only"));
    shot(&b, "09-viewer-refused").await;
    b.goto(&format!("{base}/evidence/decisions.csv")).await;
    b.wait_for("p.error", WAIT).await;
    assert!(
        b.source().await.contains("Auditors only"),
        "{}: {}",
        b.current_url().await,
        b.source().await
    );
    b.close().await;

    // The trail recorded all of it.
    let lines = crate::audit_lines(&cordon.dir.path().join("audit"));
    let did = |who: &str, action: &str| {
        lines
            .iter()
            .any(|e| e["kind"] == "access" && e["user"] == who && e["action"] == action)
    };
    for action in [
        "login",
        "search_decisions",
        "view_decision",
        "verify",
        "export",
        "subject_lookup",
        "logout",
    ] {
        assert!(did("ana", action), "no `{action}` by ana");
    }
    assert!(did("vic", "denied"));
}

/// Single sign-on in a real browser: the console on https://localhost, the
/// issuer on http://127.0.0.1 (another site), so the way back is a
/// cross-site navigation: the state cookie (SameSite=Lax) must come along,
/// and the session cookie (SameSite=Strict) must work once signed in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_sign_on_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let pki = cordon_tests::Pki::new(dir.path(), "console");
    let leaf = pki.server("console", "localhost");
    let port = cordon_tests::free_port();
    let base = format!("https://localhost:{port}");
    let idp = FakeIdp::start("cordon-console", &format!("{base}/login/oidc/callback")).await;
    let (cert, key) = (leaf.cert.display().to_string(), leaf.key.display().to_string());
    // Endpoints and keys from the issuer's discovery document; back to the
    // sign-in page after signing out there.
    let section = sso_admin(&idp, port, "https", "localhost", Some((&cert, &key)), true).replace(
        "      scopes: [openid, email]\n",
        &format!("      scopes: [openid, email]\n      post_logout_redirect_uri: {base}/login\n"),
    );
    let (cordon, _fakes) = seeded(&section, Some(dir)).await;
    let b = Browser::start().await;
    b.goto(&format!("{base}/")).await;
    b.wait_for("#sso", WAIT).await;
    shot(&b, "10-login-sso").await;
    b.click("#sso").await;
    // To the issuer, back, and on to the overview, signed in.
    b.wait_for("form.who", WAIT).await;
    assert!(b.source().await.contains("oscar@example.com"));
    let cookies = b.client().get_all_cookies().await.unwrap();
    let names: Vec<&str> = cookies.iter().map(|c| c.name()).collect();
    assert!(names.contains(&"__Host-cordon_session"), "{names:?}");
    assert!(!names.contains(&"__Host-cordon_sso"), "the state is cleared: {names:?}");
    b.goto(&format!("{base}/evidence")).await;
    b.wait_for("#h-report", WAIT).await;
    shot(&b, "11-signed-in-by-sso").await;
    assert_accessible_and_local(&b, "evidence after single sign-on").await;
    // Signing out: here, then at the issuer, and back to the sign-in page.
    assert_eq!(idp.sessions().len(), 1);
    b.click("form.who button").await;
    b.wait_for("#sign-in", WAIT).await;
    assert!(b.current_url().await.starts_with(&format!("{base}/login")));
    assert!(idp.sessions().is_empty(), "signed out at the issuer");
    assert_eq!(
        idp.logout_requests()[0]["post_logout_redirect_uri"],
        format!("{base}/login")
    );
    b.goto(&format!("{base}/evidence")).await;
    b.wait_for("#sign-in", WAIT).await;
    b.close().await;
    let lines = crate::audit_lines(&cordon.dir.path().join("audit"));
    assert!(lines
        .iter()
        .any(|e| e["action"] == "login" && e["user"] == "oscar@example.com" && e["params"]["method"] == "oidc-sso"));
    assert!(lines
        .iter()
        .any(|e| e["action"] == "logout" && e["user"] == "oscar@example.com" && e["params"]["at_issuer"] == "yes"));
}

/// Policies → Shadow in a real browser: the looser candidate's differences
/// flagged as loosening, its promotion by an auditor (CSRF-protected form),
/// recorded before the swap; a viewer gets no promotion form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shadow_policy_promotion_in_a_real_browser() {
    use crate::shadow::{hash, ENFORCED, LOOSER, STRICTER};
    let dir = tempfile::tempdir().unwrap();
    let pki = cordon_tests::Pki::new(dir.path(), "console");
    let leaf = pki.server("console", "localhost");
    for (name, text) in [
        ("policy.yaml", ENFORCED),
        ("looser.yaml", LOOSER),
        ("stricter.yaml", STRICTER),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let fakes = [
        cordon_tests::FakeUpstream::start(cordon_tests::Behavior::Answer).await,
        cordon_tests::FakeUpstream::start(cordon_tests::Behavior::Answer).await,
        cordon_tests::FakeUpstream::start(cordon_tests::Behavior::Answer).await,
    ];
    let section = format!(
        "policy: {{ file: policy.yaml, reload_interval: 50ms, shadow: [looser.yaml, stricter.yaml] }}\n{}",
        admin(
            Some((&leaf.cert.display().to_string(), &leaf.key.display().to_string())),
            ""
        )
    );
    let cfg = crate::config(&fakes[0], &fakes[1], &fakes[2], "openai", &section);
    let cordon = cordon_tests::Cordon::start_in(dir, &cfg, &crate::console::console_env());
    let ask = |text: &'static str| {
        let req = crate::chat_request(
            &cordon,
            &serde_json::json!({"model": "m", "messages": [{"role": "user", "content": text}]}),
        );
        async move {
            let resp = req.send().await.unwrap();
            let route = resp.headers()["x-cordon-route"].to_str().unwrap().to_string();
            resp.bytes().await.unwrap();
            route
        }
    };
    let mail = "Write to ops@example.com about the invoice.";
    for text in [mail, "Hello there.", mail] {
        ask(text).await;
    }
    let base = format!("https://localhost:{}", cordon.console.unwrap().port());
    let b = Browser::start().await;
    sign_in(&b, &base, "ana").await;
    b.goto(&format!("{base}/policies")).await;
    b.click("#shadow-link").await;
    b.wait_for("#differing-1", WAIT).await;
    shot(&b, "12-shadow").await;
    assert_accessible_and_local(&b, "shadow").await;
    let src = b.source().await;
    assert!(!src.contains("ops@example.com"), "no value on the page");
    assert!(src.contains("looser") && src.contains("stricter"));
    assert_eq!(b.text("#differing-1").await, "2");
    assert!(b.text("#loosening-1").await.starts_with('2'));
    assert!(
        b.exists("tr.loosening").await,
        "the looser shadow's differences are flagged"
    );
    assert_eq!(
        b.text("#differing-2").await,
        "3",
        "the stricter one differs on every request"
    );
    assert!(b.exists("svg.chart").await);
    // A promotion form without this session's token is refused; nothing changes.
    b.execute(
        "document.querySelector('form.promote input[name=csrf]').value = 'forged';",
        vec![],
    )
    .await;
    b.click("#confirm-1").await;
    b.click("#promote-1").await;
    b.wait_for("p.error", WAIT).await;
    assert!(b.source().await.contains("Form refused"));
    assert_eq!(
        std::fs::read_to_string(cordon.dir.path().join("policy.yaml")).unwrap(),
        ENFORCED
    );
    // Promote the looser one.
    b.goto(&format!("{base}/policies/shadow")).await;
    b.wait_for("#differing-1", WAIT).await;
    b.click("#confirm-1").await;
    b.click("#promote-1").await;
    b.wait_for("#promoted", WAIT).await;
    shot(&b, "13-shadow-promoted").await;
    assert_eq!(
        std::fs::read_to_string(cordon.dir.path().join("policy.yaml")).unwrap(),
        LOOSER
    );
    assert_eq!(ask(mail).await, "cloud", "the promoted policy is in force");
    // A viewer sees the page, not the form.
    b.click("form.who button").await;
    b.wait_for("#sign-in", WAIT).await;
    sign_in(&b, &base, "vic").await;
    b.goto(&format!("{base}/policies/shadow")).await;
    b.wait_for("#differing-1", WAIT).await;
    assert!(!b.exists("form.promote").await, "no promotion for viewers");
    // Nor by a form of their own, with their own session's token.
    b.execute(
        "const f = document.createElement('form'); f.method = 'post'; f.action = '/policies/shadow/promote';\
         for (const [k, v] of [['csrf', document.querySelector('form.who input[name=csrf]').value], \
         ['hash', arguments[0]], ['confirm', 'yes']]) { const i = document.createElement('input'); \
         i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); } document.body.appendChild(f); f.submit();",
        vec![serde_json::json!(hash(STRICTER))],
    )
    .await;
    b.wait_for("p.error", WAIT).await;
    assert!(b.source().await.contains("Auditors only"));
    assert_eq!(
        std::fs::read_to_string(cordon.dir.path().join("policy.yaml")).unwrap(),
        LOOSER
    );
    b.close().await;

    // Who promoted what, with both hashes, before the policy came into force.
    let lines = crate::audit_lines(&cordon.dir.path().join("audit"));
    let who = lines
        .iter()
        .position(|e| e["kind"] == "access" && e["action"] == "promote_policy")
        .expect("the promotion's record");
    assert_eq!(lines[who]["user"], "ana");
    assert!(lines
        .iter()
        .any(|e| e["kind"] == "access" && e["action"] == "denied" && e["user"] == "vic"));
    assert_eq!(
        lines.iter().filter(|e| e["action"] == "promote_policy").count(),
        1,
        "one promotion: the forged and the viewer's were not made"
    );
    assert_eq!(lines[who]["params"]["via"], "console");
    assert_eq!(lines[who]["params"]["from"], hash(ENFORCED));
    assert_eq!(lines[who]["params"]["to"], hash(LOOSER));
    let rec = lines
        .iter()
        .position(|e| e["kind"] == "policy" && e["reason"] == "promote" && e["hash"] == hash(LOOSER))
        .expect("the promoted policy's record");
    assert!(who < rec);
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
}

/// The console of a fleet, in a real browser: three replicas ship to one
/// PostgreSQL; the console of one of them lists every replica's decisions
/// with their replica, and its replica filter narrows the list to one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fleet_console_in_a_real_browser() {
    use cordon_tests::{Behavior, Cordon, FakeUpstream, Postgres};
    let pg = Postgres::start();
    let url = pg.url();
    let (o, a, l) = (
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    );
    let mut environment = crate::env();
    environment.push(("CORDON_AUDIT_PG_URL", url.as_str()));
    let replicas: Vec<Cordon> = ["r1", "r2", "r3"]
        .iter()
        .map(|name| {
            let mut cfg = crate::fleet::replica_config(&o, &a, &l, name);
            if *name == "r1" {
                cfg.push_str(&admin(None, ""));
            }
            Cordon::start(&cfg, &environment)
        })
        .collect();
    let answered = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    crate::fleet::load(replicas.iter().map(Cordon::url).collect(), 24, answered.clone()).await;
    assert_eq!(answered.lock().unwrap().len(), 24);
    crate::fleet::drained(&replicas).await;

    let base = format!("http://{}", replicas[0].console.unwrap());
    let b = Browser::start().await;
    sign_in(&b, &base, "ana").await;
    b.wait_for("svg.chart", WAIT).await;
    assert!(b.source().await.contains("Requests over time by replica"));
    shot(&b, "fleet-01-overview").await;

    // Every replica's decisions, each with its replica.
    b.click("a[href='/decisions']").await;
    b.wait_for("#f-replica", WAIT).await;
    assert_eq!(b.text("#total").await, "24");
    assert_eq!(
        replicas_listed(&b).await,
        ["r1", "r2", "r3"].iter().map(|s| s.to_string()).collect()
    );
    shot(&b, "fleet-02-decisions").await;
    assert_accessible_and_local(&b, "fleet decisions").await;

    // The replica filter, with the form.
    b.client()
        .find(Locator::Css("#f-replica"))
        .await
        .unwrap()
        .select_by_value("r2")
        .await
        .unwrap();
    b.click("#apply").await;
    b.wait_for("#total", WAIT).await;
    assert!(b.current_url().await.contains("replica=r2"));
    assert_eq!(b.text("#total").await, "8");
    assert_eq!(replicas_listed(&b).await, ["r2".to_string()].into_iter().collect());
    shot(&b, "fleet-03-decisions-r2").await;

    // One of r2's decisions, read back from PostgreSQL.
    b.click("table.rows tbody a").await;
    b.wait_for("#h-find", WAIT).await;
    assert!(b.source().await.contains("replica <span class=\"mono\">r2</span>"));
    shot(&b, "fleet-04-decision").await;

    // The integrity page lists each replica's chain and lag.
    b.click("a[href='/integrity']").await;
    b.wait_for("[data-replica='r3']", WAIT).await;
    shot(&b, "fleet-05-integrity").await;
    b.close().await;
}

/// The replicas named in the decisions table's replica column.
async fn replicas_listed(b: &Browser) -> std::collections::BTreeSet<String> {
    let js = "return [...document.querySelectorAll('table.rows td.replica')].map(e => e.textContent.trim());";
    let v = b.execute(js, vec![]).await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}
