//! The compliance console: its own listener, logins (passwords and OIDC
//! bearer tokens), sessions, CSRF, roles, every action in the trail, and no
//! detected value on any page.

use std::time::Duration;

use cordon_tests::console::{csrf_of, page, sign_in as login, sign_out};
use cordon_tests::idp::FakeIdp;
use cordon_tests::{Behavior, Cordon, FakeUpstream};
use serde_json::{json, Value};

use crate::{chat_request, config, env};

pub const PASSWORD: &str = "correct horse battery staple";

/// Values the seeded prompts carry: none may appear on a console page.
pub const SEEDED: [&str; 6] = [
    "Maria Gonzalez",
    "00482913",
    "536-22-8451",
    "maria.gonzalez@example.org",
    "4111 1111 1111 1111",
    "03/04/1961",
];

pub const HMAC: &str = "console-test-fingerprint-key-0123456789";

pub fn hipaa() -> String {
    format!("{}/../policies/packs/hipaa.yaml", env!("CARGO_MANIFEST_DIR"))
}

/// The `admin:` section: plaintext on loopback unless `tls` names cert and key files.
pub fn admin(tls: Option<(&str, &str)>, extra: &str) -> String {
    let hash = cordon::console::auth::hash_password(PASSWORD).unwrap();
    let tls = tls.map_or(String::new(), |(c, k)| format!("  tls: {{ cert: {c}, key: {k} }}\n"));
    format!(
        "admin:\n  addr: 127.0.0.1:0\n{tls}  users:\n    - {{ name: ana, role: auditor, password_hash: \"{hash}\" }}\n    - {{ name: vic, role: viewer, password_hash: \"{hash}\" }}\n{extra}"
    )
}

pub fn console_env() -> Vec<(&'static str, &'static str)> {
    let mut e = env();
    e.push(("CONSOLE_HMAC", HMAC));
    e
}

/// A Cordon with a console and a trail seeded by real requests: PHI prompts
/// (kept on premises), plain ones (cloud), a card number (pseudonymized).
pub async fn seeded(admin_section: &str, dir: Option<tempfile::TempDir>) -> (Cordon, [FakeUpstream; 3]) {
    let fakes = [
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    ];
    let extra = format!(
        "policy: {}\naudit:\n  hmac_key_env: CONSOLE_HMAC\n  checkpoint_every: 8\n  prices:\n    m: {{ input_per_mtok: 2.5, output_per_mtok: 10.0 }}\n{admin_section}",
        hipaa()
    );
    let cfg = config(&fakes[0], &fakes[1], &fakes[2], "openai", &extra);
    let e = console_env();
    let cordon = match dir {
        Some(d) => Cordon::start_in(d, &cfg, &e),
        None => Cordon::start(&cfg, &e),
    };
    let prompts = [
        format!(
            "Patient {}, MRN {}, DOB {}, chest pain.",
            SEEDED[0], SEEDED[1], SEEDED[5]
        ),
        format!("Summarize the chart of SSN {} ({}).", SEEDED[2], SEEDED[3]),
        "What is the capital of France?".to_string(),
        format!("Refund card {} please.", SEEDED[4]),
        format!("Lab results follow-up for the patient with SSN {}.", SEEDED[2]),
        "Write a haiku about autumn.".to_string(),
    ];
    for p in &prompts {
        let resp = chat_request(
            &cordon,
            &json!({"model": "m", "messages": [{"role": "user", "content": p}]}),
        )
        .send()
        .await
        .unwrap();
        assert!(resp.status().is_success() || resp.status() == 403, "{}", resp.status());
        resp.bytes().await.unwrap();
    }
    (cordon, fakes)
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn browser() -> reqwest::Client {
    cordon_tests::console::client(Duration::from_secs(30))
}

fn access(dir: &std::path::Path, action: &str) -> Vec<Value> {
    crate::audit_lines(dir)
        .into_iter()
        .filter(|e| e["kind"] == "access" && e["action"] == action)
        .collect()
}

fn assert_clean(what: &str, text: &str) {
    for v in SEEDED {
        assert!(!text.contains(v), "{what} shows the seeded value {v:?}");
    }
}

#[tokio::test]
async fn console_logins_csrf_roles_and_every_action_audited() {
    let (cordon, _fakes) = seeded(&admin(None, ""), None).await;
    let base = format!("http://{}", cordon.console.expect("console listening"));
    let trail = cordon.dir.path().join("audit");

    // Not on the proxy's port.
    let r = crate::http()
        .get(format!("{}/login", cordon.url()))
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), 200);

    // Signed out: pages send to the login form, posts are refused.
    let anon = browser();
    let r = anon.get(format!("{base}/decisions")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login");
    let r = anon.post(format!("{base}/integrity/verify")).send().await.unwrap();
    assert_eq!(r.status(), 401);

    // The login form itself is CSRF-protected (login CSRF), and strict.
    let r = anon.get(format!("{base}/login")).send().await.unwrap();
    let csp = r.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"));
    assert_eq!(r.headers()["x-frame-options"], "DENY");
    let r = browser()
        .post(format!("{base}/login"))
        .form(&[("csrf", "forged"), ("user", "ana"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "a login post without the form's cookie");

    // Wrong password: refused and recorded, without what was typed.
    let r = login(&browser(), &base, "ana", "wrong password").await;
    assert_eq!(r.status(), 401);
    let r = login(&browser(), &base, SEEDED[2], PASSWORD).await;
    assert_eq!(r.status(), 401);
    let failed = access(&trail, "login_failed");
    assert_eq!(failed.len(), 2);
    assert_eq!(failed[0]["user"], "ana");
    assert_eq!(
        failed[1]["user"], "(unknown user)",
        "an unknown name may be a mistyped secret"
    );

    // A viewer reads, but cannot export or look up subjects.
    let viewer = browser();
    let r = login(&viewer, &base, "vic", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let (s, html) = page(&viewer, &format!("{base}/decisions")).await;
    assert_eq!(s, 200);
    assert!(html.contains("vic"));
    for path in [
        "/evidence",
        "/evidence/decisions.csv",
        "/evidence/report.txt",
        "/evidence/report.pdf",
        "/evidence/anything-later",
    ] {
        let (s, _) = page(&viewer, &format!("{base}{path}")).await;
        assert_eq!(s, 403, "viewer on {path}");
    }
    let csrf = csrf_of(&html);
    let r = viewer
        .post(format!("{base}/evidence/subject"))
        .form(&[("csrf", csrf.as_str()), ("value", SEEDED[2])])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(access(&trail, "denied").len() >= 4);

    // An auditor: every page, no seeded value anywhere.
    let auditor = browser();
    assert_eq!(login(&auditor, &base, "ana", PASSWORD).await.status(), 303);
    let mut decision_link = None;
    for path in [
        "/",
        "/decisions",
        "/decisions?category=PHI&zone=local",
        "/integrity",
        "/policies",
        "/evidence",
        "/evidence?from=2020-01-01",
    ] {
        let (s, html) = page(&auditor, &format!("{base}{path}")).await;
        assert_eq!(s, 200, "{path}: {html}");
        assert_clean(path, &html);
        if path.contains("PHI") {
            let total: usize = html
                .split("<strong id=\"total\">")
                .nth(1)
                .and_then(|t| t.split('<').next())
                .and_then(|t| t.parse().ok())
                .unwrap();
            let expected = crate::audit_lines(&trail)
                .iter()
                .filter(|e| e["kind"] == "decision" && e["zone"] == "local" && e["categories"].get("PHI").is_some())
                .count();
            assert!(expected >= 2, "the PHI prompts were routed locally");
            assert_eq!(total, expected, "the console lists what the trail holds");
            assert!(!html.contains("tag-cloud\">cloud"), "only local decisions listed");
            let at = html.find("href=\"/decisions/").unwrap() + "href=\"".len();
            decision_link = Some(html[at..].split('"').next().unwrap().to_string());
        }
    }
    // A period that is not strictly a time is refused, and what was typed
    // is not shown back; on the overview it selects nothing, not everything.
    let typed = "2026-07-01T10:123-45-6789";
    let (s, html) = page(&auditor, &format!("{base}/evidence?from={typed}")).await;
    assert_eq!(s, 400, "{html}");
    assert!(!html.contains("45-6789"), "{html}");
    let (s, html) = page(&auditor, &format!("{base}/?from={typed}")).await;
    assert_eq!(s, 200);
    assert!(!html.contains("45-6789"), "{html}");
    assert!(html.contains("<span class=\"big\">0</span> requests"), "{html}");
    let (s, detail) = page(&auditor, &format!("{base}{}", decision_link.unwrap())).await;
    assert_eq!(s, 200);
    assert!(
        detail.contains("phi-on-prem") && detail.contains("sha256:"),
        "rule and policy hash shown"
    );
    assert!(detail.contains("PHI"));
    assert_clean("decision detail", &detail);

    // CSRF: a post without the session's token is refused, with it accepted.
    let r = auditor
        .post(format!("{base}/integrity/verify"))
        .form(&[("csrf", "nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let (_, html) = page(&auditor, &format!("{base}/integrity")).await;
    let csrf = csrf_of(&html);
    let r = auditor
        .post(format!("{base}/integrity/verify"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let mut result = Value::Null;
    for _ in 0..200 {
        let status: Value = auditor
            .get(format!("{base}/integrity/status.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if status["running"] == false && !status["result"].is_null() {
            result = status;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(result["result"]["ok"], true, "{result}");
    assert_eq!(result["percent"], 100.0);

    // Exports: CSV and the report, as downloads.
    let r = auditor
        .get(format!("{base}/evidence/decisions.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let csv = r.text().await.unwrap();
    assert!(csv.starts_with("seq,time,decision_id"));
    assert_eq!(csv.lines().count(), 7, "a header and six decisions:\n{csv}");
    assert_clean("CSV", &csv);
    // The same, narrowed by the table's filters: what the table lists, oldest first.
    let (_, table) = page(&auditor, &format!("{base}/decisions?category=PHI&zone=local")).await;
    assert!(table.contains("id=\"download-these\""), "auditors get the link");
    let r = auditor
        .get(format!("{base}/evidence/decisions.csv?category=PHI&zone=local"))
        .send()
        .await
        .unwrap();
    let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.contains("_filtered.csv"), "{disposition}");
    let narrowed = r.text().await.unwrap();
    let expected = crate::audit_lines(&trail)
        .iter()
        .filter(|e| e["kind"] == "decision" && e["zone"] == "local" && e["categories"].get("PHI").is_some())
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    let ids: Vec<&str> = narrowed.lines().skip(1).map(|l| l.split(',').nth(2).unwrap()).collect();
    assert_eq!(ids, expected, "{narrowed}");
    let export = access(&trail, "export");
    let last = export.last().unwrap();
    assert_eq!(
        last["params"]["category"], "PHI",
        "the trail says what was exported: {last}"
    );
    assert_eq!(last["results"], expected.len());
    let (_, report) = page(&auditor, &format!("{base}/evidence/report.txt")).await;
    assert!(
        report.contains("0 requests with PHI reached any cloud upstream in clear in this period\n"),
        "{report}"
    );
    // The HIPAA pack lets a card number without clinical context go to the
    // cloud as it is: the report says so plainly.
    assert!(
        report.contains("1 requests with FINANCIAL reached any cloud upstream in clear in this period\n"),
        "{report}"
    );
    // The same report as a PDF: read back, page by page.
    let r = auditor
        .get(format!("{base}/evidence/report.pdf?from=2020-01-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(
        disposition.contains("cordon-report_2020-01-01_now.pdf"),
        "{disposition}"
    );
    let doc = lopdf::Document::load_mem(&r.bytes().await.unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for line in [
        "Cordon audit report",
        "0 requests with PHI reached any cloud upstream",
        "upstream vllm (zone local)",
    ] {
        assert!(text.contains(line), "{line:?} not in the PDF:\n{text}");
    }
    assert_clean("PDF", &text);

    // Subject lookup: the value finds its records by fingerprint, and is
    // neither shown nor written down.
    let r = auditor
        .post(format!("{base}/evidence/subject"))
        .form(&[("csrf", csrf.as_str()), ("value", SEEDED[2])])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<strong>2</strong> decisions carry"),
        "two prompts carried the SSN"
    );
    assert_clean("subject lookup", &html);
    let lookups = access(&trail, "subject_lookup");
    assert_eq!(lookups.len(), 1);
    assert_eq!(lookups[0]["user"], "ana");
    assert_eq!(lookups[0]["results"], 2);
    assert_eq!(lookups[0]["params"]["fingerprint"].as_str().unwrap().len(), 64);

    // Every action is in the trail, which still verifies; no value in it or in the logs.
    for action in [
        "login",
        "search_decisions",
        "view_decision",
        "view_overview",
        "verify",
        "export",
        "report",
    ] {
        assert!(!access(&trail, action).is_empty(), "no `{action}` record");
    }
    let exports = access(&trail, "export");
    assert!(exports.iter().all(|e| e["user"] == "ana"));
    let raw = std::fs::read_dir(&trail)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect::<String>();
    assert_clean("the audit trail", &raw);
    assert_clean("the logs", &cordon.logs());
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "verify"]);
    assert_eq!(code, 0, "{out}");

    // Sign out ends the session.
    let r = sign_out(&auditor, &base, &csrf).await;
    assert_eq!(r.status(), 303);
    let r = auditor.get(format!("{base}/decisions")).send().await.unwrap();
    assert_eq!(r.status(), 303);

    // Repeated failures from one address are slowed down.
    let mut last = 0;
    for _ in 0..6 {
        last = login(&browser(), &base, "ana", "still wrong").await.status().as_u16();
    }
    assert_eq!(last, 429);
}

#[tokio::test]
async fn console_policy_page_shows_rules_tests_and_history() {
    let (cordon, _fakes) = seeded(&admin(None, ""), None).await;
    let base = format!("http://{}", cordon.console.unwrap());
    let client = browser();
    assert_eq!(login(&client, &base, "vic", PASSWORD).await.status(), 303);
    let (s, html) = page(&client, &format!("{base}/policies")).await;
    assert_eq!(s, 200);
    assert!(html.contains("hipaa") && html.contains("phi-on-prem"), "{html}");
    assert!(html.contains("pass"), "the policy's tests ran");
    assert!(html.contains("in force"), "history marks the policy in force");
    assert_clean("policies", &html);
    // Its test prompts show entity types, not the values in them.
    assert!(
        html.contains("[PERSON]") || html.contains("[MEDICAL_RECORD_NUMBER]"),
        "{html}"
    );
}

#[test]
fn console_config_is_checked() {
    let hash = cordon::console::auth::hash_password(PASSWORD).unwrap();
    let base = "listen:\n  - addr: 127.0.0.1:18443\nupstreams:\n  o: { kind: openai, base_url: \"http://127.0.0.1:9/v1\", zone: local }\nroutes:\n  local: [o]\n  cloud: [o]\n";
    for (admin, expect) in [
        (
            format!(
                "admin:\n  addr: 127.0.0.1:18443\n  users: [{{ name: a, role: viewer, password_hash: \"{hash}\" }}]\n"
            ),
            "also a proxy listener",
        ),
        (
            "admin:\n  addr: 127.0.0.1:0\n  users: [{ name: a, role: viewer, password_hash: \"secret\" }]\n"
                .to_string(),
            "not an argon2 password hash",
        ),
        (
            format!("admin:\n  addr: 127.0.0.1:0\n  users: [{{ name: a, role: boss, password_hash: \"{hash}\" }}]\n"),
            "unknown role",
        ),
        (
            format!("admin:\n  addr: 0.0.0.0:0\n  users: [{{ name: a, role: viewer, password_hash: \"{hash}\" }}]\n"),
            "plaintext console",
        ),
        ("admin:\n  addr: 127.0.0.1:0\n".to_string(), "no way to log in"),
        (
            sso_section(
                "http://idp.example/authorize",
                "http://127.0.0.1:1/login/oidc/callback",
                "",
            ),
            "`http://idp.example/authorize` is not usable here",
        ),
        (
            sso_section("https://idp.example/authorize", "https://console.example/callback", ""),
            "/login/oidc/callback",
        ),
        (
            "admin:\n  addr: 127.0.0.1:0\n  oidc:\n    issuer: idp-without-a-url\n    audience: a\n".to_string(),
            "discovery document cannot be fetched",
        ),
        (
            format!("admin:\n  addr: 127.0.0.1:0\n  trusted_proxies: [10.0.0.0/33]\n  users: [{{ name: a, role: viewer, password_hash: \"{hash}\" }}]\n"),
            "not an address or a CIDR block",
        ),
        (
            sso_section(
                "https://idp.example/authorize",
                "https://console.example/login/oidc/callback",
                "      client_secret_env: NOT_SET_ANYWHERE\n",
            ),
            "`NOT_SET_ANYWHERE` is not set",
        ),
        (
            sso_section(
                "https://idp.example/authorize",
                "https://console.example/login/oidc/callback",
                "      end_session_endpoint: http://idp.example/logout\n",
            ),
            "admin.oidc.sso.end_session_endpoint",
        ),
        (
            sso_section(
                "https://idp.example/authorize",
                "https://console.example/login/oidc/callback",
                "      post_logout_redirect_uri: javascript:alert(1)\n",
            ),
            "`javascript:alert(1)` is not usable here",
        ),
    ] {
        let (code, out) = Cordon::refuse(&format!("{base}{admin}"), &[]);
        assert_eq!(code, 2, "{out}");
        assert!(out.contains(expect), "expected `{expect}` in:\n{out}");
    }
}

#[tokio::test]
async fn console_accepts_oidc_bearer_tokens_from_the_issuers_keys() {
    // The issuer's keys from a file (an offline deployment): it serves nothing here.
    let issuer = FakeIdp::start("unused", "http://127.0.0.1:9/").await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("jwks.json"), issuer.jwks().to_string()).unwrap();
    let section = admin(
        None,
        "  oidc:\n    issuer: https://idp.example\n    audience: cordon-console\n    jwks_file: jwks.json\n",
    );
    let (cordon, _fakes) = seeded(&section, Some(dir)).await;
    let base = format!("http://{}", cordon.console.unwrap());
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 600;
    let claims = |role: &str, aud: &str| json!({"iss": "https://idp.example", "aud": aud, "sub": "oscar@example.com", "exp": exp, "cordon_role": role});
    let get = |path: &str, token: &str| browser().get(format!("{base}{path}")).bearer_auth(token).send();
    let good = issuer.token(&claims("auditor", "cordon-console"));
    assert_eq!(get("/evidence", &good).await.unwrap().status(), 200);
    let viewer = issuer.token(&claims("viewer", "cordon-console"));
    assert_eq!(get("/decisions", &viewer).await.unwrap().status(), 200);
    assert_eq!(get("/evidence", &viewer).await.unwrap().status(), 403);
    let wrong_aud = issuer.token(&claims("auditor", "someone-else"));
    assert_eq!(get("/decisions", &wrong_aud).await.unwrap().status(), 401);
    let no_role = issuer.token(&claims("admin", "cordon-console"));
    assert_eq!(get("/decisions", &no_role).await.unwrap().status(), 401);
    let other_key = FakeIdp::start("unused", "http://127.0.0.1:9/")
        .await
        .token(&claims("auditor", "cordon-console"));
    assert_eq!(get("/decisions", &other_key).await.unwrap().status(), 401);
    let hs = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims("auditor", "cordon-console"),
        &jsonwebtoken::EncodingKey::from_secret(b"guessable"),
    )
    .unwrap();
    assert_eq!(get("/decisions", &hs).await.unwrap().status(), 401);
    // An ID token (it carries a nonce) is not an access token.
    let mut id = claims("auditor", "cordon-console");
    id["nonce"] = json!("n");
    assert_eq!(get("/decisions", &issuer.token(&id)).await.unwrap().status(), 401);
    let records = access(&cordon.dir.path().join("audit"), "report");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["user"], "oscar@example.com");
}

/// An `admin:` section with single sign-on only.
fn sso_section(authorize: &str, redirect: &str, extra: &str) -> String {
    format!(
        "admin:\n  addr: 127.0.0.1:0\n  oidc:\n    issuer: https://idp.example\n    audience: a\n    sso:\n      authorization_endpoint: {authorize}\n      token_endpoint: https://idp.example/token\n      client_id: c\n      redirect_uri: {redirect}\n{extra}"
    )
}

/// The `admin:` section for single sign-on at `idp`, the console on `port`
/// (the redirect names it). `scheme`: how browsers reach the console.
/// `discover`: endpoints and keys from the issuer's discovery document,
/// else each configured.
pub fn sso_admin(
    idp: &FakeIdp,
    port: u16,
    scheme: &str,
    host: &str,
    tls: Option<(&str, &str)>,
    discover: bool,
) -> String {
    let iss = idp.issuer();
    let callback = format!("{scheme}://{host}:{port}/login/oidc/callback");
    let (keys, endpoints) = if discover {
        (String::new(), String::new())
    } else {
        (
            format!("    jwks_url: {iss}/jwks\n"),
            format!("      authorization_endpoint: {iss}/authorize\n      token_endpoint: {iss}/token\n"),
        )
    };
    admin(
        tls,
        &format!(
            "  oidc:\n    issuer: {iss}\n    audience: cordon-api\n{keys}    sso:\n{endpoints}      client_id: cordon-console\n      redirect_uri: {callback}\n      scopes: [openid, email]\n"
        ),
    )
    .replace("  addr: 127.0.0.1:0\n", &format!("  addr: 127.0.0.1:{port}\n"))
}

/// Follows the single sign-on from the console to the issuer and back;
/// returns the callback's status and page.
async fn sso(client: &reqwest::Client, base: &str) -> (u16, String) {
    let r = client.get(format!("{base}/login/oidc")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let to_idp = r.headers()["location"].to_str().unwrap().to_string();
    let r = client.get(&to_idp).send().await.unwrap();
    assert_eq!(r.status(), 302, "the issuer sends the browser back");
    let back = r.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&format!("{base}/login/oidc/callback?")), "{back}");
    page(client, &back).await
}

#[tokio::test]
async fn console_single_sign_on_with_the_issuer() {
    let port = cordon_tests::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let idp = FakeIdp::start("cordon-console", &format!("{base}/login/oidc/callback")).await;
    let (cordon, _fakes) = seeded(&sso_admin(&idp, port, "http", "127.0.0.1", None, false), None).await;
    assert_eq!(cordon.console.unwrap().port(), port);
    let trail = cordon.dir.path().join("audit");

    // Sign in: to the issuer with PKCE, a state and a nonce; back with a code.
    let ana = browser();
    let (_, login_page) = page(&ana, &format!("{base}/login")).await;
    assert!(login_page.contains("id=\"sso\""), "{login_page}");
    let r = ana.get(format!("{base}/login/oidc")).send().await.unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("cordon_sso=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (s, html) = sso(&ana, &base).await;
    assert_eq!(s, 200, "{html}");
    assert!(html.contains("Signed in as oscar@example.com"), "{html}");
    assert!(html.contains("http-equiv=\"refresh\" content=\"0; url=/\""), "{html}");
    let (s, html) = page(&ana, &format!("{base}/evidence")).await;
    assert_eq!(s, 200, "an auditor by the token's role claim");
    assert!(html.contains("oscar@example.com"));
    let asked = idp.authorize_requests();
    let last = asked.last().unwrap();
    assert_eq!(last["response_type"], "code");
    assert_eq!(last["code_challenge_method"], "S256");
    assert_eq!(last["scope"], "openid email");
    assert_eq!(last["nonce"].len(), 43);
    assert_ne!(last["state"], last["nonce"]);
    let traded = idp.token_requests();
    assert_eq!(traded.len(), 1);
    assert_eq!(traded[0]["code_verifier"].len(), 43);
    assert!(!traded[0].contains_key("client_secret"), "a public client");

    // The callback is good once, and only in the browser that began it.
    let (s, html) = page(
        &ana,
        &format!("{base}/login/oidc/callback?code=x&state={}", last["state"]),
    )
    .await;
    assert_eq!(s, 401, "{html}");
    let (s, _) = page(
        &browser(),
        &format!("{base}/login/oidc/callback?code=x&state={}", last["state"]),
    )
    .await;
    assert_eq!(s, 401);
    let other = browser();
    other.get(format!("{base}/login/oidc")).send().await.unwrap();
    let to_idp = other.get(format!("{base}/login/oidc")).send().await.unwrap().headers()["location"]
        .to_str()
        .unwrap()
        .to_string();
    let back = other.get(&to_idp).send().await.unwrap().headers()["location"]
        .to_str()
        .unwrap()
        .to_string();
    let (s, html) = page(&browser(), &back).await;
    assert_eq!(s, 401, "a code carried to another browser: {html}");
    assert!(html.contains("not started in this browser"), "{html}");

    // Refusals: the issuer says no; an ID token for another sign-in; no console role.
    idp.deny(Some("access_denied"));
    let (s, html) = sso(&browser(), &base).await;
    assert_eq!(s, 401);
    assert!(html.contains("the issuer answered access_denied"), "{html}");
    idp.deny(None);
    idp.wrong_nonce(true);
    let (s, html) = sso(&browser(), &base).await;
    assert_eq!(s, 401);
    assert!(html.contains("nonce"), "{html}");
    idp.wrong_nonce(false);
    idp.sign_in_as("mallory@example.com", "admin");
    let (s, html) = sso(&browser(), &base).await;
    assert_eq!(s, 401);
    assert!(html.contains("names no console role"), "{html}");

    // A viewer by the role claim cannot export.
    idp.sign_in_as("vera@example.com", "viewer");
    let vera = browser();
    assert_eq!(sso(&vera, &base).await.0, 200);
    assert_eq!(page(&vera, &format!("{base}/decisions")).await.0, 200);
    assert_eq!(page(&vera, &format!("{base}/evidence")).await.0, 403);

    // Signing out ends the session here, and a page sends the browser to
    // the issuer's end-session endpoint (from discovery) with the ID token.
    let (_, html) = page(&ana, &format!("{base}/decisions")).await;
    let r = sign_out(&ana, &base, &csrf_of(&html)).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let to = format!("{}/logout?id_token_hint=", idp.issuer());
    let at = html.find("id=\"issuer-logout\"").expect("a link to the issuer");
    // The page's link and its refresh, as written (HTML-escaped).
    let written = html[..at].rsplit("href=\"").next().unwrap().split('"').next().unwrap();
    assert!(html.contains(&format!("http-equiv=\"refresh\" content=\"0; url={written}\"")));
    let href = written.replace("&#x2f;", "/").replace("&amp;", "&");
    assert!(href.starts_with(&to), "{href}");
    assert_eq!(
        page(&ana, &format!("{base}/decisions")).await.0,
        303,
        "the session ended"
    );
    let oscar_sessions = idp.sessions().len();
    assert_eq!(page(&ana, &href).await.0, 200, "the issuer takes the hint");
    assert_eq!(idp.sessions().len(), oscar_sessions - 1, "signed out at the issuer");
    let hint = idp.logout_requests()[0]["id_token_hint"].clone();
    assert_eq!(idp.logout_requests()[0]["client_id"], "cordon-console");
    // A password session signs out here only.
    let pat = browser();
    login(&pat, &base, "ana", PASSWORD).await;
    let (_, html) = page(&pat, &format!("{base}/decisions")).await;
    let r = sign_out(&pat, &base, &csrf_of(&html)).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login");
    let outs = access(&trail, "logout");
    assert_eq!(outs.len(), 2, "{outs:?}");
    assert_eq!(outs[0]["user"], "oscar@example.com");
    assert_eq!(outs[0]["params"]["at_issuer"], "yes");
    assert_eq!(outs[1]["params"]["at_issuer"], "no");

    // The trail: who signed in and how, each refusal and why; no code.
    let logins = access(&trail, "login");
    let how = |u: &str| {
        logins
            .iter()
            .find(|e| e["user"] == u)
            .map(|e| e["params"]["method"].clone())
    };
    assert_eq!(how("oscar@example.com"), Some(json!("oidc-sso")));
    assert_eq!(how("vera@example.com"), Some(json!("oidc-sso")));
    // Callbacks that were not this browser's are not written down (anyone
    // can send them); the issuer's refusals are.
    let failed = access(&trail, "login_failed");
    assert_eq!(failed.len(), 3, "{failed:?}");
    assert!(failed
        .iter()
        .any(|e| e["params"]["reason"] == "the issuer answered access_denied"));
    let raw = crate::audit_lines(&trail)
        .iter()
        .map(Value::to_string)
        .collect::<String>();
    for t in idp.token_requests() {
        assert!(!raw.contains(&t["code"]), "a code in the trail");
    }
    assert!(
        !raw.contains(&hint) && !cordon.logs().contains(&hint),
        "an ID token written down"
    );
    let (code, out) = cordon.cli(&["audit", "--dir", "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
}

#[tokio::test]
async fn console_behind_a_proxy_limits_and_records_the_browsers_address() {
    let (cordon, _fakes) = seeded(&admin(None, "  trusted_proxies: [127.0.0.1]\n"), None).await;
    let base = format!("http://{}", cordon.console.unwrap());
    let from = |ip: &str| {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("x-forwarded-for", format!("198.51.100.1, {ip}").parse().unwrap());
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(h)
            .build()
            .unwrap()
    };
    // Browsers reach it over the proxy's TLS: its cookies say so.
    let r = from("203.0.113.9").get(format!("{base}/login")).send().await.unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("__Host-cordon_login=") && cookie.contains("Secure"),
        "{cookie}"
    );
    let mut last = 0;
    for _ in 0..6 {
        last = login(&from("203.0.113.7"), &base, "ana", "wrong")
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429, "that browser is locked out");
    assert_eq!(
        login(&from("203.0.113.8"), &base, "ana", PASSWORD).await.status(),
        303,
        "another browser behind the same proxy is not"
    );
    let trail = cordon.dir.path().join("audit");
    let failed = access(&trail, "login_failed");
    assert_eq!(failed.len(), 5);
    assert!(failed.iter().all(|e| e["remote"] == "203.0.113.7"), "{failed:?}");
    assert_eq!(access(&trail, "login")[0]["remote"], "203.0.113.8");
}

/// Issue "Leak-proof request path", console listener: idle and half-sent
/// connections are closed after the console's timeouts, one address gets
/// only its share of connections, and the proxy answers all along.
#[tokio::test]
async fn idle_and_half_sent_console_connections_are_closed_and_the_proxy_still_answers() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    let fakes = [
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
        FakeUpstream::start(Behavior::Answer).await,
    ];
    let section = admin(
        None,
        "  header_timeout: 3s\n  idle_timeout: 3s\n  max_connections_per_address: 12\n",
    );
    let cfg = config(&fakes[0], &fakes[1], &fakes[2], "openai", &section);
    let cordon = Cordon::start(&cfg, &console_env());
    let console = cordon.console.unwrap();
    // The address's whole share: idle ones and ones that stop mid-head.
    let mut held = Vec::new();
    for i in 0..12 {
        let mut s = TcpStream::connect(console).await.unwrap();
        if i % 2 == 1 {
            s.write_all(b"GET /login HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        }
        held.push(s);
    }
    // One more from the same address is closed unserved.
    let mut over = TcpStream::connect(console).await.unwrap();
    let _ = over.write_all(b"GET /login HTTP/1.1\r\nHost: x\r\n\r\n").await;
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), over.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the connection over the share was left open");
    assert!(
        !String::from_utf8_lossy(&buf).contains("HTTP/"),
        "served over the share"
    );
    // The proxy answers meanwhile.
    let resp = chat_request(
        &cordon,
        &json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 200);
    // Every held connection is closed by the server, none answered.
    for (i, s) in held.iter_mut().enumerate() {
        let mut buf = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut buf)).await;
        assert!(read.is_ok(), "console connection {i} still open after 20 s");
        assert!(buf.is_empty(), "connection {i} got {}", String::from_utf8_lossy(&buf));
    }
    // A connection that was served and then left idle is closed too.
    let mut s = TcpStream::connect(console).await.unwrap();
    s.write_all(b"GET /login HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut buf)).await;
    assert!(
        read.is_ok(),
        "an idle keep-alive console connection still open after 20 s"
    );
    assert!(String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 200"));
    // The console serves again, the proxy still answers.
    let client = cordon_tests::console::client(Duration::from_secs(10));
    let (status, _) = page(&client, &format!("http://{console}/login")).await;
    assert_eq!(status, 200);
    let resp = crate::http()
        .get(format!("{}/healthz", cordon.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}
