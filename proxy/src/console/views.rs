//! The console's pages: routing, login, and one handler per page.
//!
//! Handlers return a whole error page as their `Err`: it is what the
//! browser is shown, so it is built where the problem is known.
#![allow(clippy::result_large_err)]

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use bytes::Bytes;
use http::{header, Method, Response, StatusCode};
use http_body_util::Full;
use minijinja::{context, Value};
use serde_json::{json, Map, Value as Json};

use super::auth::{self, Principal};
use super::index::{Index, Loc, Row};
use super::{chart, redirect, respond, Console, Req, Role, CSS, ICON, JS};
use crate::audit::read::{format_time, parse_time};
use crate::audit::{Body, Entry};

type Resp = Response<Full<Bytes>>;

/// Rows per page of the decisions table.
const PAGE: usize = 50;
/// A subject lookup lists this many of its decisions, newest first (and counts all).
const SUBJECT_ROWS: usize = 500;

pub async fn route(c: &Arc<Console>, req: Req) -> Resp {
    match (&req.method, req.path.as_str()) {
        (&Method::GET, "/assets/console.css") => return asset(CSS, "text/css; charset=utf-8"),
        (&Method::GET, "/assets/console.js") => return asset(JS, "text/javascript; charset=utf-8"),
        // Browsers fetch /favicon.ico on their own; answering it here keeps that
        // fetch from being sent to the sign-in page (which would replace the
        // sign-in form's cookie behind the user's back).
        (&Method::GET, "/assets/icon.svg" | "/favicon.ico") => return asset(ICON, "image/svg+xml"),
        (&Method::GET, "/login") => return login_form(c, &req, None, StatusCode::OK),
        (&Method::POST, "/login") => return login(c, &req).await,
        (&Method::GET, "/login/oidc") => return sso_begin(c, &req).await,
        (&Method::GET, super::SSO_CALLBACK) => return sso_callback(c, &req).await,
        _ => {}
    }
    let (who, csrf) = match authenticate(c, &req).await {
        Ok(x) => x,
        Err(why) => {
            if req.method == Method::GET
                && !req.path.ends_with(".json")
                && req.headers.get(header::AUTHORIZATION).is_none()
            {
                return redirect("/login", &[]);
            }
            return c.error_page(StatusCode::UNAUTHORIZED, "Not signed in", &why, None);
        }
    };
    if req.method == Method::POST {
        // Bearer-token requests carry no ambient credentials: no CSRF token needed.
        if let Some(expected) = &csrf {
            let cross_site = req
                .headers
                .get("sec-fetch-site")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v == "cross-site");
            let ok = req.f("csrf").is_some_and(|t| auth::same(t, expected));
            if cross_site || !ok {
                tracing::warn!(user = %who.user, path = %req.path, "console: form refused (CSRF token missing or wrong)");
                return c.error_page(
                    StatusCode::FORBIDDEN,
                    "Form refused",
                    "This form did not carry this session's security token (CSRF). Reload the page and try again.",
                    Some(&who),
                );
            }
        }
    }
    let csrf = csrf.unwrap_or_default();
    let p = Page { who: &who, csrf: &csrf };
    let auditor_only = |c: &Console| {
        c.error_page(
            StatusCode::FORBIDDEN,
            "Auditors only",
            "Evidence (reports, exports, subject lookups) is open to the auditor role; you are signed in as a viewer.",
            Some(&who),
        )
    };
    match (&req.method, req.path.as_str()) {
        (&Method::GET, "/") => overview(c, &req, &p).await,
        (&Method::GET, "/decisions") => decisions(c, &req, &p).await,
        (&Method::GET, path) if path.starts_with("/decisions/") => {
            decision(c, &req, &p, &path["/decisions/".len()..]).await
        }
        (&Method::GET, "/integrity") => integrity(c, &req, &p).await,
        (&Method::GET, "/integrity/status.json") => verify_status(c),
        (&Method::POST, "/integrity/verify") => start_verify(c, &req, &p).await,
        (&Method::GET, "/policies") => policies(c, &req, &p).await,
        (&Method::GET, "/policies/shadow") => shadow(c, &req, &p).await,
        // Putting a policy in force is for auditors.
        (&Method::POST, "/policies/shadow/promote") if who.role < Role::Auditor => {
            let _ = c
                .record(&who, "denied", vec![("path", req.path.clone())], None, req.remote)
                .await;
            c.error_page(
                StatusCode::FORBIDDEN,
                "Auditors only",
                "Promoting a shadow policy is open to the auditor role; you are signed in as a viewer.",
                Some(&who),
            )
        }
        (&Method::POST, "/policies/shadow/promote") => promote(c, &req, &p).await,
        (&Method::POST, "/logout") => logout(c, &req, &who).await,
        // Everything under /evidence, present and future, is for auditors.
        (_, path) if (path == "/evidence" || path.starts_with("/evidence/")) && who.role < Role::Auditor => {
            let _ = c
                .record(&who, "denied", vec![("path", req.path.clone())], None, req.remote)
                .await;
            auditor_only(c)
        }
        (&Method::GET, "/evidence") => evidence(c, &req, &p).await,
        (&Method::GET, "/evidence/decisions.csv") => export_csv(c, &req, &p).await,
        (&Method::GET, "/evidence/report.txt") => export_report(c, &req, &p, false).await,
        (&Method::GET, "/evidence/report.pdf") => export_report(c, &req, &p, true).await,
        (&Method::POST, "/evidence/subject") => subject(c, &req, &p).await,
        _ => c.error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no such page in the console.",
            Some(&who),
        ),
    }
}

fn asset(text: &'static str, ctype: &str) -> Resp {
    let mut r = respond(StatusCode::OK, ctype, Bytes::from_static(text.as_bytes()));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        http::HeaderValue::from_static("private, max-age=300"),
    );
    r
}

/// The signed-in user and their form token.
struct Page<'a> {
    who: &'a Principal,
    csrf: &'a str,
}

impl Page<'_> {
    fn base(&self, nav: &str, title: &str) -> Map<String, Json> {
        let mut m = Map::new();
        m.insert("user".into(), json!(self.who.user));
        m.insert("role".into(), json!(self.who.role.as_str()));
        m.insert("auditor".into(), json!(self.who.role >= Role::Auditor));
        m.insert("csrf".into(), json!(self.csrf));
        m.insert("nav".into(), json!(nav));
        m.insert("title".into(), json!(title));
        m
    }
}

async fn authenticate(c: &Console, req: &Req) -> Result<(Principal, Option<String>), String> {
    if let Some(h) = req.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let token = h
            .strip_prefix("Bearer ")
            .ok_or("only bearer tokens are accepted in Authorization")?;
        let oidc = c.oidc.as_ref().ok_or("bearer tokens are not configured (admin.oidc)")?;
        return oidc.check(token.trim()).await.map(|p| (p, None));
    }
    let token = req.cookie(c.cookie_name()).ok_or("sign in first")?;
    let s = c.sessions.get(&token).ok_or("your session has ended; sign in again")?;
    Ok((s.principal, Some(s.csrf)))
}

fn login_form(c: &Console, req: &Req, error: Option<&str>, status: StatusCode) -> Resp {
    // The form token is bound to the browser by its cookie (double submit). A
    // second tab, a reload or a refused attempt keeps the browser's token, so
    // that a form already on screen stays valid; only a missing or malformed
    // one is replaced.
    let token = req
        .cookie(c.login_cookie_name())
        .filter(|t| auth::is_token(t))
        .unwrap_or_else(auth::random_token);
    let ctx = context! {
        title => "Sign in",
        error => error,
        csrf => token,
        users => !c.cfg.users.is_empty(),
        sso => c.cfg.oidc.as_ref().is_some_and(|o| o.sso.is_some()),
        oidc => c.oidc.is_some(),
        issuer => c.cfg.oidc.as_ref().map(|o| o.issuer.clone()),
        nav => "",
        user => Value::from(()),
    };
    c.page(
        status,
        "login.html",
        ctx,
        &[("set-cookie", c.cookie(c.login_cookie_name(), Some(&token)))],
    )
}

async fn login(c: &Arc<Console>, req: &Req) -> Resp {
    let form_ok = match (req.cookie(c.login_cookie_name()), req.f("csrf")) {
        (Some(a), Some(b)) => auth::same(&a, b),
        _ => false,
    };
    if !form_ok {
        return login_form(
            c,
            req,
            Some("The sign-in form expired or did not come from this console. Try again."),
            StatusCode::FORBIDDEN,
        );
    }
    let ip = req.remote.ip();
    if !c.throttle.begin(ip) {
        return login_form(
            c,
            req,
            Some("Too many failed sign-ins from your address. Wait a few minutes."),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let result: Result<Principal, (String, &str)> = if let Some(token) = req.f("token").filter(|t| !t.trim().is_empty())
    {
        match &c.oidc {
            Some(o) => o
                .check(token.trim())
                .await
                .map_err(|_| ("(token)".to_string(), "token refused")),
            None => Err(("(token)".into(), "token refused")),
        }
    } else {
        let name = req.f("user").unwrap_or("").to_string();
        let password = req.f("password").unwrap_or("").to_string();
        let users = c.cfg.users.clone();
        let known = users.iter().any(|u| u.name == name);
        let n = name.clone();
        let checked = tokio::task::spawn_blocking(move || auth::check_password(&users, &n, &password))
            .await
            .ok()
            .flatten();
        // An unknown name is not written down: it may be a mistyped password.
        checked.ok_or((
            if known { name } else { "(unknown user)".into() },
            "wrong user name or password",
        ))
    };
    match result {
        Ok(who) => {
            c.throttle.succeeded(ip);
            let token = match start_session(c, req, &who, None).await {
                Ok(t) => t,
                Err(r) => return r,
            };
            redirect(
                "/",
                &[
                    c.cookie(c.cookie_name(), Some(&token)),
                    c.cookie(c.login_cookie_name(), None),
                ],
            )
        }
        Err((name, why)) => {
            let who = Principal {
                method: if name == "(token)" { "oidc" } else { "password" },
                user: name,
                role: Role::Viewer,
                until: None,
            };
            if let Err(r) = c.record(&who, "login_failed", vec![], None, req.remote).await {
                return r;
            }
            tracing::warn!(remote = %ip, "console: sign-in failed");
            login_form(c, req, Some(why), StatusCode::UNAUTHORIZED)
        }
    }
}

/// Signing out ends the session. A single sign-on session is ended at the
/// issuer too, where it has an end-session endpoint: a page sends the
/// browser there (a page, not a redirect, so that the console's CSP keeps
/// forms to itself), with the session's ID token as the hint.
async fn logout(c: &Console, req: &Req, who: &Principal) -> Resp {
    let ended = req.cookie(c.cookie_name()).and_then(|t| c.sessions.remove(&t));
    let at_issuer = match (&c.oidc, ended.and_then(|s| s.id_token)) {
        (Some(o), Some(t)) => o.end_session_url(&t).await,
        _ => None,
    };
    let params = vec![("at_issuer", if at_issuer.is_some() { "yes" } else { "no" }.into())];
    let _ = c.record(who, "logout", params, None, req.remote).await;
    let clear = c.cookie(c.cookie_name(), None);
    match at_issuer {
        Some(url) => c.page(
            StatusCode::OK,
            "signed-out.html",
            context! { title => "Signed out", issuer_url => url, nav => "" },
            &[("set-cookie", clear)],
        ),
        None => redirect("/login", &[clear]),
    }
}

/// A signed-in user's new session, after its `login` record is in the
/// trail; the browser's old session, if any, ends. `id_token`: a single
/// sign-on's, for signing out at the issuer. Returns the cookie value.
async fn start_session(c: &Console, req: &Req, who: &Principal, id_token: Option<String>) -> Result<String, Resp> {
    c.record(who, "login", vec![("method", who.method.into())], None, req.remote)
        .await?;
    if let Some(old) = req.cookie(c.cookie_name()) {
        c.sessions.remove(&old);
    }
    tracing::info!(user = %who.user, role = who.role.as_str(), method = who.method, "console: signed in");
    Ok(c.sessions.create(who.clone(), id_token))
}

/// Single sign-on: to the issuer, with a fresh state bound to this browser.
async fn sso_begin(c: &Arc<Console>, req: &Req) -> Resp {
    let Some(oidc) = c.oidc.as_ref() else {
        return login_form(c, req, Some("Single sign-on is not configured."), StatusCode::NOT_FOUND);
    };
    match oidc.sso_begin(req.remote.ip()).await {
        Ok((state, url)) => redirect(&url, &[c.sso_cookie(Some(&state))]),
        Err(why) => {
            tracing::warn!(reason = %why, "console: single sign-on cannot start");
            login_form(
                c,
                req,
                Some(&format!(
                    "Single sign-on is not available ({why}). Sign in another way."
                )),
                StatusCode::BAD_GATEWAY,
            )
        }
    }
}

/// Single sign-on: back from the issuer. The state must be this browser's
/// (its cookie) and one this console began; the code is traded for an ID
/// token, which names the user and their console role.
async fn sso_callback(c: &Arc<Console>, req: &Req) -> Resp {
    let clear = c.sso_cookie(None);
    let state = req.q("state").unwrap_or("");
    let mine = req
        .cookie(c.sso_cookie_name())
        .is_some_and(|k| !state.is_empty() && auth::same(&k, state));
    if !mine {
        // Not this browser's sign-in (a stale link, a replay, or someone
        // else's code): nothing is done, nothing is written to the trail
        // (anyone can ask for this), and the browser's own sign-in, if one
        // is under way, is left alone.
        tracing::warn!(remote = %req.remote.ip(), "console: single sign-on callback without this browser's state");
        return login_form(
            c,
            req,
            Some("Single sign-on failed: this sign-in was not started in this browser."),
            StatusCode::UNAUTHORIZED,
        );
    }
    let result = match (c.oidc.as_ref(), req.q("code"), req.q("error")) {
        (None, _, _) => Err("single sign-on is not configured".to_string()),
        (Some(_), _, Some(e)) => {
            let e = auth::oauth_error_code(e).unwrap_or("an unrecognised error");
            Err(format!("the issuer answered {e}"))
        }
        (Some(o), Some(code), None) => o.sso_finish(state, code).await,
        (Some(_), None, None) => Err("the issuer sent no code".to_string()),
    };
    match result {
        Ok((who, id_token)) => {
            let token = match start_session(c, req, &who, Some(id_token)).await {
                Ok(t) => t,
                Err(r) => return r,
            };
            // A page, not a redirect: the browser arrived from the issuer's
            // site, and a redirect would carry that cross-site navigation on,
            // without the SameSite=Strict session cookie. The page's own
            // navigation to / is same-site.
            c.page(
                StatusCode::OK,
                "signed-in.html",
                context! { title => "Signed in", name => who.user.clone(), nav => "" },
                &[
                    ("set-cookie", c.cookie(c.cookie_name(), Some(&token))),
                    ("set-cookie", clear),
                    ("set-cookie", c.cookie(c.login_cookie_name(), None)),
                ],
            )
        }
        Err(why) => {
            let who = Principal {
                method: "oidc-sso",
                user: "(single sign-on)".into(),
                role: Role::Viewer,
                until: None,
            };
            let params = vec![("reason", why.clone())];
            if let Err(r) = c.record(&who, "login_failed", params, None, req.remote).await {
                return r;
            }
            tracing::warn!(remote = %req.remote.ip(), reason = %why, "console: single sign-on failed");
            let mut r = login_form(
                c,
                req,
                Some(&format!("Single sign-on failed: {why}.")),
                StatusCode::UNAUTHORIZED,
            );
            if let Ok(v) = http::HeaderValue::from_str(&clear) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
    }
}

// ---------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------

/// Reads one interned field of a row.
type Field = fn(&Row) -> u16;

/// The decisions filter, resolved against the index's names.
#[derive(Default)]
struct Sel {
    from: Option<u64>,
    to: Option<u64>,
    /// For each name filter: `Some(id)`; a name the trail never saw matches nothing.
    ids: Vec<(Field, u16)>,
    entity: Option<u16>,
    category: Option<u16>,
    status: Option<String>,
    id: Option<u128>,
    fail_closed: bool,
    impossible: bool,
    /// What the audit record and the page say was asked, names only.
    params: Vec<(&'static str, String)>,
    /// Query values kept for the form and the page links.
    form: BTreeMap<&'static str, String>,
}

/// `replica` filters only a fleet index (`audit.ship`); a local one ignores it.
const NAME_FILTERS: [&str; 9] = [
    "tenant", "client", "route", "zone", "action", "rule", "upstream", "model", "replica",
];

fn names_of<'a>(ix: &'a Index, name: &str) -> &'a super::index::Names {
    match name {
        "tenant" => &ix.tenants,
        "client" => &ix.clients,
        "route" => &ix.routes,
        "zone" => &ix.zones,
        "action" => &ix.actions,
        "rule" => &ix.rules,
        "upstream" => &ix.upstreams,
        "replica" => &ix.replicas,
        _ => &ix.models,
    }
}

fn field_of(name: &str) -> Field {
    match name {
        "tenant" => |r| r.tenant,
        "client" => |r| r.client,
        "route" => |r| r.route,
        "zone" => |r| r.zone,
        "action" => |r| r.action,
        "rule" => |r| r.rule,
        "upstream" => |r| r.upstream,
        "replica" => |r| r.replica,
        _ => |r| r.model,
    }
}

fn time_param(req: &Req, name: &'static str, sel: &mut Sel) -> Option<u64> {
    let text = req.q(name)?;
    match parse_time(text) {
        Some(t) => {
            sel.params.push((name, format_time(t)));
            sel.form.insert(name, text.to_string());
            Some(t)
        }
        None => {
            sel.impossible = true;
            sel.params.push((name, "(not a time)".into()));
            None
        }
    }
}

fn selection(ix: &Index, req: &Req) -> Sel {
    let mut sel = Sel::default();
    sel.from = time_param(req, "from", &mut sel);
    sel.to = time_param(req, "to", &mut sel);
    for name in NAME_FILTERS {
        if name == "replica" && !ix.is_fleet() {
            continue;
        }
        let Some(v) = req.q(name) else { continue };
        let key: &'static str = name;
        match names_of(ix, name).id(v) {
            Some(id) => {
                sel.ids.push((field_of(name), id));
                sel.params.push((key, v.to_string()));
                sel.form.insert(key, v.to_string());
            }
            None => {
                sel.impossible = true;
                sel.params.push((key, "(not in the trail)".into()));
            }
        }
    }
    // Entity types and categories: tested on each row's bit sets (see `Index::has_entity`).
    let mut name_id = |key: &'static str, names: &super::index::Names| -> Option<u16> {
        let v = req.q(key)?;
        let id = names.id(v);
        if id.is_some() {
            sel.params.push((key, v.to_string()));
            sel.form.insert(key, v.to_string());
        } else {
            sel.impossible = true;
            sel.params.push((key, "(not in the trail)".into()));
        }
        id
    };
    sel.entity = name_id("entity", &ix.entities);
    sel.category = name_id("category", &ix.categories);
    if let Some(v) = req.q("status") {
        let ok = matches!(v, "2xx" | "3xx" | "4xx" | "5xx" | "none") || (v.len() == 3 && v.parse::<u16>().is_ok());
        if ok {
            sel.status = Some(v.to_string());
            sel.params.push(("status", v.to_string()));
            sel.form.insert("status", v.to_string());
        } else {
            sel.impossible = true;
            sel.params.push(("status", "(not a status)".into()));
        }
    }
    if let Some(v) = req.q("id") {
        if uuid::Uuid::parse_str(v).is_ok() {
            sel.id = Some(super::index::id_key(v));
            sel.params.push(("id", v.to_string()));
            sel.form.insert("id", v.to_string());
        } else {
            sel.impossible = true;
            sel.params.push(("id", "(not a decision id)".into()));
        }
    }
    if req.q("fail_closed").is_some() {
        sel.fail_closed = true;
        sel.params.push(("fail_closed", "yes".into()));
        sel.form.insert("fail_closed", "1".into());
    }
    sel
}

impl Sel {
    fn matches(&self, ix: &Index, r: &Row) -> bool {
        if self.from.is_some_and(|f| r.ts_ms < f) || self.to.is_some_and(|t| r.ts_ms >= t) {
            return false;
        }
        if self.ids.iter().any(|(f, id)| f(r) != *id) {
            return false;
        }
        if self.entity.is_some_and(|e| !ix.has_entity(r, e)) || self.category.is_some_and(|c| !ix.has_category(r, c)) {
            return false;
        }
        if self.id.is_some_and(|id| r.id != id) {
            return false;
        }
        if let Some(s) = &self.status {
            let ok = match s.as_str() {
                "none" => r.status == 0,
                class if class.ends_with("xx") => {
                    let d = u16::from(class.as_bytes()[0].saturating_sub(b'0'));
                    r.status / 100 == d
                }
                code => code.parse::<u16>().is_ok_and(|c| r.status == c),
            };
            if !ok {
                return false;
            }
        }
        !self.fail_closed || r.fail_closed(ix)
    }

    /// Matching row numbers, newest first: the total and those of one page.
    fn page(&self, ix: &Index, skip: usize, take: usize) -> (usize, Vec<usize>) {
        if self.impossible {
            return (0, vec![]);
        }
        let range = ix.time_range(self.from, self.to);
        let mut total = 0usize;
        let mut out = Vec::with_capacity(take);
        for i in range.rev() {
            if self.matches(ix, &ix.rows[i]) {
                if total >= skip && out.len() < take {
                    out.push(i);
                }
                total += 1;
            }
        }
        (total, out)
    }

    fn query_string(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.form.iter().map(|(k, v)| (*k, v.as_str())))
            .finish()
    }
}

/// What a table row needs from the index, taken under its lock; the
/// records themselves are read back after it is released ([`entries`]).
struct Picked {
    seq: u64,
    ts_ms: u64,
    /// The replica that wrote it (a fleet index).
    replica: Option<String>,
    fail_closed: bool,
    decision: Loc,
    outcome: Loc,
}

fn pick(ix: &Index, i: usize) -> Picked {
    let r = &ix.rows[i];
    Picked {
        seq: r.seq,
        ts_ms: r.ts_ms,
        replica: ix.replicas.name(r.replica).map(str::to_string),
        fail_closed: r.fail_closed(ix),
        decision: r.decision,
        outcome: r.outcome,
    }
}

/// The replicas' names by id (`[id - 1]`), for reading a fleet index's rows back.
fn replica_names(ix: &Index) -> Vec<String> {
    (1..=u16::MAX)
        .map_while(|id| ix.replicas.name(id).map(str::to_string))
        .collect()
}

/// Reads back the records at `locs`: from the local trail's segments, or,
/// with `audit.ship`, from PostgreSQL by primary key.
async fn entries(c: &Arc<Console>, locs: Vec<Loc>, replicas: Vec<String>) -> Result<HashMap<Loc, Entry>, String> {
    match &c.fleet {
        Some(source) => source.entries(&locs, &replicas).await,
        None => {
            let dir = c.audit_cfg.dir.clone();
            tokio::task::spawn_blocking(move || super::index::read_entries(&dir, &locs))
                .await
                .map_err(|e| e.to_string())
        }
    }
}

/// The locations of the records of `picked` rows.
fn locs(picked: &[Picked]) -> Vec<Loc> {
    picked.iter().flat_map(|p| [p.decision, p.outcome]).collect()
}

/// A table row for the page, from its records read back.
fn row_json(p: &Picked, entries: &HashMap<Loc, Entry>) -> Json {
    let dec = entries.get(&p.decision).and_then(|e| match &e.body {
        Body::Decision(d) => Some(d),
        _ => None,
    });
    let out = entries.get(&p.outcome).and_then(|e| match &e.body {
        Body::Outcome(o) => Some(o),
        _ => None,
    });
    // A fleet's sequence numbers are each replica's: its rows link by decision id.
    let link = match (&p.replica, dec) {
        (Some(_), Some(d)) => d.id.clone(),
        _ => p.seq.to_string(),
    };
    json!({
        "seq": p.seq,
        "link": link,
        "replica": p.replica,
        "time": format_time(p.ts_ms),
        "id": dec.map(|d| d.id.clone()),
        "tenant": dec.and_then(|d| d.tenant.clone()),
        "client": dec.and_then(|d| d.client.clone()),
        "model": dec.map(|d| d.model.clone()),
        "route": dec.map(|d| d.route.clone()),
        "zone": dec.map(|d| d.zone.clone()),
        "action": dec.map(|d| d.action.clone()),
        "rule": dec.map(|d| d.rule.clone()),
        "entities": dec.map(|d| d.entities.iter().map(|(k, n)| format!("{k} × {n}")).collect::<Vec<_>>()),
        "categories": dec.map(|d| d.categories.keys().cloned().collect::<Vec<_>>()),
        "status": out.map(|o| o.status),
        "upstream": out.and_then(|o| o.upstream.clone()),
        "latency_ms": out.map(|o| format!("{:.0}", o.latency_ms)),
        "fail_closed": p.fail_closed,
    })
}

fn choices(ix: &Index) -> Json {
    let mut m = Map::new();
    for name in NAME_FILTERS {
        if name == "replica" && !ix.is_fleet() {
            continue;
        }
        m.insert(name.into(), json!(names_of(ix, name).all()));
    }
    m.insert("entity".into(), json!(ix.entities.all()));
    m.insert("category".into(), json!(ix.categories.all()));
    Json::Object(m)
}

fn read_index(c: &Console) -> Result<std::sync::RwLockReadGuard<'_, Index>, Resp> {
    c.index.read().map_err(|_| {
        c.error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Index unavailable",
            "The trail's index failed; restart Cordon.",
            None,
        )
    })
}

/// The page for records that cannot be read back.
fn trail_unreadable(c: &Console, p: &Page<'_>, why: &str) -> Resp {
    c.error_page(
        StatusCode::SERVICE_UNAVAILABLE,
        "Cannot read the trail",
        why,
        Some(p.who),
    )
}

/// With `audit.ship`: whether PostgreSQL could be read at the last try
/// (`fleet_error`), so that a page says when it shows only what was indexed.
fn fleet_state(c: &Console, m: &mut Map<String, Json>) {
    if let Some(source) = &c.fleet {
        let error = source.error.lock().ok().and_then(|e| e.clone());
        m.insert("fleet_error".into(), json!(error));
    }
}

async fn decisions(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    c.refresh().await;
    // Bounded: a page past the last shows no rows, and no arithmetic overflows.
    let page_no = req
        .q("page")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 1 << 32);
    let (mut m, params, total, picked, replicas) = {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        let started = std::time::Instant::now();
        let sel = selection(&ix, req);
        let (total, rows) = sel.page(&ix, (page_no - 1) * PAGE, PAGE);
        let took = started.elapsed();
        let picked: Vec<Picked> = rows.iter().map(|&i| pick(&ix, i)).collect();
        let pages = total.div_ceil(PAGE).max(1);
        let qs = sel.query_string();
        let mut m = p.base("decisions", "Decisions");
        m.insert("fleet".into(), json!(ix.is_fleet()));
        m.insert("total".into(), json!(total));
        m.insert("indexed".into(), json!(ix.rows.len()));
        m.insert("page".into(), json!(page_no));
        m.insert("pages".into(), json!(pages));
        m.insert("qs".into(), json!(qs));
        m.insert("form".into(), json!(sel.form));
        m.insert("choices".into(), choices(&ix));
        m.insert("took_ms".into(), json!(format!("{:.1}", took.as_secs_f64() * 1000.0)));
        let mut params = sel.params.clone();
        params.push(("page", page_no.to_string()));
        (m, params, total, picked, replica_names(&ix))
    };
    let found = match entries(c, locs(&picked), replicas).await {
        Ok(e) => e,
        Err(e) => return trail_unreadable(c, p, &e),
    };
    let rows: Vec<Json> = picked.iter().map(|x| row_json(x, &found)).collect();
    m.insert("rows".into(), json!(rows));
    fleet_state(c, &mut m);
    if let Err(r) = c
        .record(p.who, "search_decisions", params, Some(total as u64), req.remote)
        .await
    {
        return r;
    }
    c.page(StatusCode::OK, "decisions.html", Value::from_serialize(&m), &[])
}

async fn decision(c: &Arc<Console>, req: &Req, p: &Page<'_>, which: &str) -> Resp {
    c.refresh().await;
    let at = {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        let at = match which.parse::<u64>() {
            Ok(seq) => ix.find_seq(seq),
            Err(_) => ix.find_id(which),
        };
        at.map(|i| (pick(&ix, i), replica_names(&ix)))
    };
    let found = match at {
        None => None,
        Some((picked, replicas)) => {
            let mut got = match entries(c, locs(std::slice::from_ref(&picked)), replicas).await {
                Ok(e) => e,
                Err(e) => return trail_unreadable(c, p, &e),
            };
            got.remove(&picked.decision).map(|d| {
                let policy = match &d.body {
                    Body::Decision(dr) => dr.policy_hash.as_ref().and_then(|h| {
                        let ix = c.index.read().ok()?;
                        ix.policies
                            .iter()
                            .rev()
                            .find(|ps| &ps.record.hash == h)
                            .map(|ps| ps.record.clone())
                    }),
                    _ => None,
                };
                (
                    d,
                    got.remove(&picked.outcome),
                    policy,
                    picked.fail_closed,
                    picked.replica,
                )
            })
        }
    };
    let Some((d, o, policy, fail_closed, replica)) = found else {
        return c.error_page(
            StatusCode::NOT_FOUND,
            "No such decision",
            "No decision with this number or id is in the trail (it may be past retention).",
            Some(p.who),
        );
    };
    let Body::Decision(dr) = &d.body else {
        return c.error_page(StatusCode::NOT_FOUND, "No such decision", "", Some(p.who));
    };
    let registry = c.app.detectors();
    let entities: Vec<Json> = dr
        .entities
        .iter()
        .map(|(name, n)| {
            let entity = cordon_detectors::Kind::parse(name)
                .map(cordon_detectors::Entity::Builtin)
                .unwrap_or_else(|| cordon_detectors::Entity::Custom(Arc::from(name.as_str())));
            let cats: Vec<&str> = registry.categories(&entity).iter().map(|c| c.as_str()).collect();
            json!({"entity": name, "count": n, "categories": cats})
        })
        .collect();
    let outcome = o.as_ref().and_then(|e| match &e.body {
        Body::Outcome(o) => Some(json!({
            "time": format_time(e.ts_ms),
            "seq": e.seq,
            "status": o.status,
            "upstream": o.upstream,
            "model_served": o.model_served,
            "latency_ms": format!("{:.1}", o.latency_ms),
            "tokens_in": o.tokens_in,
            "tokens_out": o.tokens_out,
            "cost_usd": o.cost_usd.map(|c| format!("{c:.6}")),
            "error": o.error,
            "restored": o.restored,
            "egress_entities": o.egress_entities,
        })),
        _ => None,
    });
    let mut m = p.base("decisions", "Decision");
    m.insert(
        "d".into(),
        json!({
            "seq": d.seq,
            "replica": replica,
            "time": format_time(d.ts_ms),
            "prev": d.prev,
            "id": dr.id, "tenant": dr.tenant, "client": dr.client, "endpoint": dr.endpoint, "model": dr.model,
            "route": dr.route, "zone": dr.zone, "action": dr.action, "rule": dr.rule,
            "policy_hash": dr.policy_hash,
            "categories": dr.categories,
            "spans": dr.spans,
            "spans_omitted": dr.spans_omitted,
            "fingerprints": dr.fingerprints,
            "fingerprints_omitted": dr.fingerprints_omitted,
            "text_parts": dr.text_parts, "text_bytes": dr.text_bytes, "opaque_parts": dr.opaque_parts,
            "pseudonymized": dr.pseudonymized,
            "fail_closed": fail_closed,
        }),
    );
    m.insert("entities".into(), json!(entities));
    m.insert("outcome".into(), outcome.unwrap_or(Json::Null));
    m.insert("policy".into(), json!(policy));
    if let Err(r) = c
        .record(
            p.who,
            "view_decision",
            vec![("decision_id", dr.id.clone())],
            Some(1),
            req.remote,
        )
        .await
    {
        return r;
    }
    c.page(StatusCode::OK, "decision.html", Value::from_serialize(&m), &[])
}

// ---------------------------------------------------------------------------
// Overview
// ---------------------------------------------------------------------------

/// A bucket width for about 24-48 bars over `span` milliseconds.
fn bucket_ms(span: u64) -> u64 {
    const STEPS: [u64; 11] = [
        60_000,
        300_000,
        900_000,
        3_600_000,
        3 * 3_600_000,
        6 * 3_600_000,
        12 * 3_600_000,
        86_400_000,
        7 * 86_400_000,
        30 * 86_400_000,
        365 * 86_400_000,
    ];
    STEPS
        .iter()
        .copied()
        .find(|s| span / s <= 48)
        .unwrap_or(365 * 86_400_000)
}

fn bucket_label(ms: u64, width: u64) -> String {
    let t = format_time(ms);
    if width >= 86_400_000 {
        t[..10].to_string()
    } else if width >= 3_600_000 {
        format!("{} {}", &t[5..10], &t[11..16])
    } else {
        t[11..16].to_string()
    }
}

fn percentile(v: &mut [f32], p: f64) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    let k = ((v.len() - 1) as f64 * p).round() as usize;
    let (_, x, _) = v.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
    *x
}

async fn overview(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    c.refresh().await;
    let (ctx, charts, params, n) = {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        let started = std::time::Instant::now();
        let mut sel = Sel::default();
        sel.from = time_param(req, "from", &mut sel);
        sel.to = time_param(req, "to", &mut sel);
        if let Some(v) = req.q("replica").filter(|_| ix.is_fleet()) {
            match ix.replicas.id(v) {
                Some(id) => {
                    sel.ids.push((field_of("replica"), id));
                    sel.params.push(("replica", v.to_string()));
                    sel.form.insert("replica", v.to_string());
                }
                None => {
                    sel.impossible = true;
                    sel.params.push(("replica", "(not in the trail)".into()));
                }
            }
        }
        let range = ix.time_range(sel.from, sel.to);
        // A time that does not parse selects nothing (not everything).
        let rows: Vec<&Row> = if sel.impossible {
            vec![]
        } else {
            ix.rows[range].iter().filter(|r| sel.matches(&ix, r)).collect()
        };
        // The first and last times (rows from several replicas are nearly, not strictly, in time order).
        let span = rows.iter().fold(None, |acc: Option<(u64, u64)>, r| {
            Some(acc.map_or((r.ts_ms, r.ts_ms), |(a, b)| (a.min(r.ts_ms), b.max(r.ts_ms))))
        });
        let (t0, t1) = match span {
            Some((a, b)) => (sel.from.unwrap_or(a), sel.to.unwrap_or(b + 1)),
            None => (0, 1),
        };
        let width = bucket_ms(t1.saturating_sub(t0));
        let start = t0 / width * width;
        let nb = usize::try_from((t1.saturating_sub(start)).div_ceil(width))
            .unwrap_or(1)
            .clamp(1, 400);
        let labels: Vec<String> = (0..nb).map(|i| bucket_label(start + width * i as u64, width)).collect();
        // Counted by interned id (no string per row: this loop runs over every
        // decision of the period, millions in a fleet), named after.
        let mut by_action: HashMap<u16, Vec<u64>> = HashMap::new();
        let mut by_route: HashMap<u16, Vec<u64>> = HashMap::new();
        let mut by_replica: HashMap<u16, Vec<u64>> = HashMap::new();
        let mut fails = vec![0u64; nb];
        let mut cat_ids: HashMap<u16, u64> = HashMap::new();
        let (mut sensitive, mut kept, mut pseudo, mut blocked, mut clear) = (0u64, 0u64, 0u64, 0u64, 0u64);
        let mut by_route_totals: HashMap<u16, (u64, f64, Vec<f32>, u64)> = HashMap::new();
        let mut fail_total = 0u64;
        let block = ix.actions.id("block");
        let pseudonymize = ix.actions.id("pseudonymize");
        let local = ix.zones.id("local");
        for r in &rows {
            let b = usize::try_from((r.ts_ms.saturating_sub(start)) / width)
                .unwrap_or(0)
                .min(nb - 1);
            by_action.entry(r.action).or_insert_with(|| vec![0; nb])[b] += 1;
            by_route.entry(r.route).or_insert_with(|| vec![0; nb])[b] += 1;
            if r.replica != 0 {
                by_replica.entry(r.replica).or_insert_with(|| vec![0; nb])[b] += 1;
            }
            if r.fail_closed(&ix) {
                fails[b] += 1;
                fail_total += 1;
            }
            for id in ix.categories_of(r) {
                *cat_ids.entry(id).or_default() += 1;
            }
            if r.sensitive() {
                sensitive += 1;
                let action = Some(r.action).filter(|&a| a != 0);
                if action.is_some() && action == block {
                    blocked += 1;
                } else if action.is_some() && action == pseudonymize {
                    pseudo += 1;
                } else if r.zone != 0 && Some(r.zone) == local {
                    kept += 1;
                } else {
                    clear += 1;
                }
            }
            let e = by_route_totals.entry(r.route).or_default();
            e.0 += 1;
            e.1 += f64::from(r.cost_usd);
            if r.status != 0 {
                e.2.push(r.latency_ms);
            }
            e.3 += u64::from(r.tokens_in) + u64::from(r.tokens_out);
        }
        let named = |names: &super::index::Names, m: HashMap<u16, Vec<u64>>| -> BTreeMap<String, Vec<u64>> {
            let mut out: BTreeMap<String, Vec<u64>> = BTreeMap::new();
            for (id, counts) in m {
                let e = out
                    .entry(names.name(id).unwrap_or("-").to_string())
                    .or_insert_with(|| vec![0; nb]);
                for (x, c) in e.iter_mut().zip(counts) {
                    *x += c;
                }
            }
            out
        };
        let by_action = named(&ix.actions, by_action);
        let by_route = named(&ix.routes, by_route);
        let by_replica = named(&ix.replicas, by_replica);
        let mut cats: BTreeMap<String, u64> = BTreeMap::new();
        for (id, n) in cat_ids {
            *cats
                .entry(ix.categories.name(id).unwrap_or("-").to_string())
                .or_default() += n;
        }
        let mut per_route: BTreeMap<String, (u64, f64, Vec<f32>, u64)> = BTreeMap::new();
        for (id, (n, cost, lat, tokens)) in by_route_totals {
            let e = per_route
                .entry(ix.routes.name(id).unwrap_or("-").to_string())
                .or_default();
            e.0 += n;
            e.1 += cost;
            e.2.extend(lat);
            e.3 += tokens;
        }
        let route_table: Vec<Json> = per_route
            .iter_mut()
            .map(|(name, (n, cost, lat, tokens))| {
                json!({
                    "route": name, "requests": n, "cost": format!("{cost:.4}"),
                    "cost_per_1k": format!("{:.4}", *cost * 1000.0 / (*n).max(1) as f64),
                    "p50": format!("{:.0}", percentile(lat, 0.5)), "p95": format!("{:.0}", percentile(lat, 0.95)),
                    "tokens": tokens,
                })
            })
            .collect();
        let share = |x: u64| {
            if sensitive == 0 {
                "-".to_string()
            } else {
                format!("{:.1}%", x as f64 * 100.0 / sensitive as f64)
            }
        };
        let mut charts = vec![
            chart::stacked_bars(
                "c-action",
                "Requests over time by action",
                &labels,
                &by_action.into_iter().collect::<Vec<_>>(),
            ),
            chart::stacked_bars(
                "c-route",
                "Requests over time by route",
                &labels,
                &by_route.into_iter().collect::<Vec<_>>(),
            ),
            chart::hbars(
                "c-cats",
                "Requests by entity category",
                &cats.iter().map(|(k, v)| (k.clone(), *v as f64)).collect::<Vec<_>>(),
                "",
            ),
            chart::hbars(
                "c-sens",
                "Sensitive requests: where they went",
                &[
                    ("kept on premises".to_string(), kept as f64),
                    ("pseudonymized".to_string(), pseudo as f64),
                    ("blocked".to_string(), blocked as f64),
                    ("to cloud in clear".to_string(), clear as f64),
                ],
                "",
            ),
            chart::stacked_bars(
                "c-fail",
                "Fail-closed events over time",
                &labels,
                &[("fail-closed".into(), fails)],
            ),
            chart::hbars(
                "c-lat",
                "Latency p95 by route (ms)",
                &per_route
                    .iter_mut()
                    .map(|(k, v)| (k.clone(), f64::from(percentile(&mut v.2, 0.95))))
                    .collect::<Vec<_>>(),
                " ms",
            ),
            chart::hbars(
                "c-cost",
                "Estimated cost by route (USD)",
                &per_route.iter().map(|(k, v)| (k.clone(), v.1)).collect::<Vec<_>>(),
                "",
            ),
        ];
        if ix.is_fleet() {
            charts.push(chart::stacked_bars(
                "c-replica",
                "Requests over time by replica",
                &labels,
                &by_replica.into_iter().collect::<Vec<_>>(),
            ));
        }
        let mut m = p.base("overview", "Overview");
        m.insert("fleet".into(), json!(ix.is_fleet()));
        m.insert("replicas".into(), json!(ix.replicas.all()));
        m.insert("requests".into(), json!(rows.len()));
        m.insert("sensitive".into(), json!(sensitive));
        m.insert("kept".into(), json!(kept));
        m.insert("kept_share".into(), json!(share(kept + blocked + pseudo)));
        m.insert("pseudo".into(), json!(pseudo));
        m.insert("blocked".into(), json!(blocked));
        m.insert("clear".into(), json!(clear));
        m.insert("fail_closed".into(), json!(fail_total));
        m.insert("routes".into(), json!(route_table));
        m.insert("categories".into(), json!(cats));
        m.insert("form".into(), json!(sel.form));
        m.insert("bucket".into(), json!(bucket_label(start, width)));
        m.insert("width_min".into(), json!(width / 60_000));
        m.insert(
            "took_ms".into(),
            json!(format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0)),
        );
        m.insert("indexed".into(), json!(ix.rows.len()));
        (m, charts, sel.params.clone(), rows.len())
    };
    let mut ctx = ctx;
    fleet_state(c, &mut ctx);
    if let Err(r) = c
        .record(p.who, "view_overview", params, Some(n as u64), req.remote)
        .await
    {
        return r;
    }
    let charts: Vec<Value> = charts.into_iter().map(Value::from_safe_string).collect();
    let ctx = context! { charts => charts, ..Value::from_serialize(&ctx) };
    c.page(StatusCode::OK, "overview.html", ctx, &[])
}

// ---------------------------------------------------------------------------
// Integrity
// ---------------------------------------------------------------------------

fn report_json(r: &crate::audit::verify::Report) -> Json {
    json!({
        "ok": r.ok(),
        "summary": crate::audit::report::describe(r),
        "records": r.records,
        "checkpoints": r.checkpoints,
        "segments": r.segments,
        "first_seq": r.first_seq,
        "last_seq": r.last_seq,
        "signed_through": r.signed_through,
        "unsigned_tail": r.unsigned_tail,
        "first_bad": r.first_bad.as_ref().map(|b| json!({
            "segment": b.segment, "line": b.line, "seq": b.seq, "reason": b.reason,
        })),
    })
}

fn job_json(c: &Console) -> Json {
    let job = c.verify.lock().map(|j| j.clone()).unwrap_or_default();
    let pct = if job.total_bytes == 0 {
        if job.running {
            0.0
        } else {
            100.0
        }
    } else {
        job.done_bytes as f64 * 100.0 / job.total_bytes as f64
    };
    json!({
        "running": job.running,
        // Whole percent, rounded down: 100 only once every byte is checked.
        "percent": pct.clamp(0.0, 100.0).floor() as u32,
        "done_bytes": job.done_bytes,
        "total_bytes": job.total_bytes,
        "started_by": job.started_by,
        "started": (job.started_ms > 0).then(|| format_time(job.started_ms)),
        "finished": job.finished_ms.map(format_time),
        "result": match &job.result {
            Some(Ok(r)) => report_json(r),
            Some(Err(e)) => json!({"ok": false, "summary": format!("verification could not run: {e}")}),
            None => Json::Null,
        },
    })
}

fn verify_status(c: &Console) -> Resp {
    respond(StatusCode::OK, "application/json", job_json(c).to_string().into())
}

async fn integrity(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    c.refresh().await;
    let head = std::fs::read(c.audit_cfg.dir.join(crate::audit::HEAD_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<Entry>(&b).ok())
        .and_then(|e| match e.body {
            Body::Checkpoint(cp) => Some(json!({
                "seq": e.seq, "time": format_time(e.ts_ms), "covers_seq": cp.covers_seq, "key": cp.key,
            })),
            _ => None,
        });
    let mut m = p.base("integrity", "Integrity");
    {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        m.insert("lines".into(), json!(ix.lines));
        m.insert("last_seq".into(), json!(ix.last_seq));
        m.insert("decisions".into(), json!(ix.rows.len()));
        m.insert("access_records".into(), json!(ix.access_records));
        m.insert("fleet_index".into(), json!(ix.is_fleet()));
    }
    m.insert("head".into(), head.unwrap_or(Json::Null));
    // With `audit.ship`: every replica's chain head and lag, from PostgreSQL.
    if let (Some(ship), Some(source)) = (&c.audit_cfg.ship, &c.fleet) {
        let fleet = match source.client().await {
            Ok(client) => crate::audit::fleet::summary(&client, ship).await,
            Err(e) => Err(e),
        };
        match fleet {
            Ok(replicas) => m.insert(
                "fleet".into(),
                json!({"replicas": replicas, "max_age_s": ship.checkpoint_max_age.as_secs()}),
            ),
            Err(e) => m.insert("fleet".into(), json!({"error": e.to_string()})),
        };
    }
    m.insert("job".into(), job_json(c));
    m.insert("dir".into(), json!(c.audit_cfg.dir.display().to_string()));
    if let Err(r) = c.record(p.who, "view_integrity", vec![], None, req.remote).await {
        return r;
    }
    c.page(StatusCode::OK, "integrity.html", Value::from_serialize(&m), &[])
}

async fn start_verify(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    {
        let Ok(mut job) = c.verify.lock() else {
            return redirect("/integrity", &[]);
        };
        if job.running {
            return redirect("/integrity", &[]);
        }
        *job = super::VerifyJob {
            running: true,
            started_by: p.who.user.clone(),
            started_ms: crate::audit::now_ms(),
            ..Default::default()
        };
    }
    if let Err(r) = c.record(p.who, "verify", vec![], None, req.remote).await {
        if let Ok(mut job) = c.verify.lock() {
            job.running = false;
        }
        return r;
    }
    let me = c.clone();
    let who = p.who.clone();
    let remote = req.remote;
    tokio::task::spawn_blocking(move || {
        let key = crate::audit::keys::load_public(&me.audit_cfg.signing_key).map_err(|e| e.to_string());
        let result = key.and_then(|key| {
            crate::audit::verify::verify_with_progress(&me.audit_cfg.dir, &key, &mut |done, total| {
                if let Ok(mut job) = me.verify.lock() {
                    job.done_bytes = done;
                    job.total_bytes = total;
                }
            })
            .map_err(|e| e.to_string())
        });
        let summary = match &result {
            Ok(r) => crate::audit::report::describe(r),
            Err(e) => format!("could not run: {e}"),
        };
        let ok = result.as_ref().is_ok_and(|r| r.ok());
        if let Ok(mut job) = me.verify.lock() {
            job.running = false;
            job.finished_ms = Some(crate::audit::now_ms());
            job.result = Some(result);
        }
        tracing::info!(ok, user = %who.user, "console: trail verified");
        me.audit.note(Body::Access(crate::audit::AccessRecord {
            user: who.user.clone(),
            role: who.role.as_str().into(),
            action: "verify_result".into(),
            params: [("result".to_string(), summary)].into_iter().collect(),
            results: None,
            remote: Some(remote.ip().to_string()),
        }));
    });
    redirect("/integrity", &[])
}

// ---------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------

fn period(req: &Req) -> Result<(Option<String>, Option<String>, crate::audit::read::Filter), String> {
    let mut f = crate::audit::read::Filter::default();
    let from = req.q("from").map(str::to_string);
    let to = req.q("to").map(str::to_string);
    if let Some(t) = &from {
        f.from_ms = Some(parse_time(t).ok_or("`from` is not a date")?);
    }
    if let Some(t) = &to {
        f.to_ms = Some(parse_time(t).ok_or("`to` is not a date")?);
    }
    Ok((from, to, f))
}

/// How the records of a report were verified: the local trail, or (with
/// `audit.ship`) every replica's chain in PostgreSQL against its pinned key.
enum Verified {
    Trail(crate::audit::verify::Report),
    Fleet(crate::audit::fleet::FleetReport),
}

impl Verified {
    fn json(&self) -> Json {
        match self {
            Verified::Trail(r) => report_json(r),
            Verified::Fleet(f) => json!({"ok": f.ok(), "summary": f.describe().trim_end()}),
        }
    }

    /// For the report's `trail:` line.
    fn text(&self) -> String {
        match self {
            Verified::Trail(r) => crate::audit::report::describe(r),
            Verified::Fleet(f) => format!("\n{}", f.describe()),
        }
    }
}

async fn rows_and_verification(
    c: &Arc<Console>,
    filter: crate::audit::read::Filter,
    replica: Option<String>,
) -> Result<(Vec<crate::audit::read::Row>, Verified), String> {
    if let Some(source) = &c.fleet {
        let client = source.client().await.map_err(|e| e.to_string())?;
        let v = crate::audit::fleet::verify(&client, &source.cfg)
            .await
            .map_err(|e| e.to_string())?;
        let rows = crate::audit::fleet::rows(&client, &source.cfg, &filter, replica.as_deref())
            .await
            .map_err(|e| e.to_string())?;
        return Ok((rows.into_iter().map(|r| r.row).collect(), Verified::Fleet(v)));
    }
    let me = c.clone();
    tokio::task::spawn_blocking(move || {
        let key = crate::audit::keys::load_public(&me.audit_cfg.signing_key).map_err(|e| e.to_string())?;
        let v = crate::audit::verify::verify(&me.audit_cfg.dir, &key).map_err(|e| e.to_string())?;
        let rows = crate::audit::read::rows(&me.audit_cfg.dir, &filter).map_err(|e| e.to_string())?;
        Ok((rows, Verified::Trail(v)))
    })
    .await
    .map_err(|e| e.to_string())?
}

/// The report's period (from the query), its decisions and the trail's
/// verification; with `audit.ship`, the replica asked for (`None`: all).
async fn period_rows(
    c: &Arc<Console>,
    req: &Req,
    p: &Page<'_>,
) -> Result<
    (
        Option<String>,
        Option<String>,
        Option<String>,
        Vec<crate::audit::read::Row>,
        Verified,
    ),
    Resp,
> {
    let (from, to, filter) =
        period(req).map_err(|e| c.error_page(StatusCode::BAD_REQUEST, "Bad period", &e, Some(p.who)))?;
    let replica = req.q("replica").filter(|_| c.fleet.is_some()).map(str::to_string);
    let (rows, v) = rows_and_verification(c, filter, replica.clone()).await.map_err(|e| {
        c.error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Cannot read the trail",
            &e,
            Some(p.who),
        )
    })?;
    Ok((from, to, replica, rows, v))
}

async fn evidence(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    let (from, to, replica, rows, v) = match period_rows(c, req, p).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let summary = crate::audit::report::summarize(&rows);
    let to_cloud: Vec<Json> = crate::audit::report::CATEGORIES
        .iter()
        .map(|c| {
            let (clear, pseudonymized) = summary.to_cloud.get(*c).copied().unwrap_or_default();
            json!({"category": c, "clear": clear, "pseudonymized": pseudonymized})
        })
        .collect();
    let per = summary.per_upstream;
    let upstreams: Vec<Json> = per
        .iter()
        .map(|(up, (zone, actions, cats))| {
            json!({"upstream": up, "zone": zone, "total": actions.values().sum::<u64>(), "actions": actions, "categories": cats})
        })
        .collect();
    let mut params: Vec<(&str, String)> = vec![];
    if let Some(f) = &from {
        params.push(("from", f.clone()));
    }
    if let Some(t) = &to {
        params.push(("to", t.clone()));
    }
    if let Some(r) = &replica {
        params.push(("replica", r.clone()));
    }
    if let Err(r) = c
        .record(p.who, "report", params, Some(rows.len() as u64), req.remote)
        .await
    {
        return r;
    }
    let mut m = p.base("evidence", "Evidence");
    m.insert("from".into(), json!(from));
    m.insert("to".into(), json!(to));
    m.insert("requests".into(), json!(rows.len()));
    m.insert("verification".into(), v.json());
    if c.fleet.is_some() {
        let names = read_index(c).map(|ix| ix.replicas.all()).unwrap_or_default();
        m.insert("fleet".into(), json!(true));
        m.insert("replicas".into(), json!(names));
        m.insert("replica".into(), json!(replica));
    }
    m.insert("upstreams".into(), json!(upstreams));
    m.insert("to_cloud".into(), json!(to_cloud));
    m.insert("generated".into(), json!(format_time(crate::audit::now_ms())));
    m.insert(
        "qs".into(),
        json!(url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(from.iter().map(|f| ("from", f.as_str())))
            .extend_pairs(to.iter().map(|t| ("to", t.as_str())))
            .extend_pairs(replica.iter().map(|r| ("replica", r.as_str())))
            .finish()),
    );
    m.insert("lookup".into(), Json::Null);
    m.insert("hmac".into(), json!(c.audit_cfg.hmac_key.is_some()));
    c.page(StatusCode::OK, "evidence.html", Value::from_serialize(&m), &[])
}

fn download(body: Vec<u8>, ctype: &str, name: &str) -> Resp {
    let mut r = respond(StatusCode::OK, ctype, body.into());
    if let Ok(v) = http::HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

fn period_name(from: &Option<String>, to: &Option<String>) -> String {
    let clean = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    };
    format!(
        "{}_{}",
        from.as_deref().map_or("start".into(), clean),
        to.as_deref().map_or("now".into(), clean)
    )
}

/// The decisions of a period as CSV, narrowed by any of the decisions
/// table's filters (the table's "Download these" link), oldest first.
async fn export_csv(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    let (from, to, _) = match period(req) {
        Ok(x) => x,
        Err(e) => return c.error_page(StatusCode::BAD_REQUEST, "Bad period", &e, Some(p.who)),
    };
    c.refresh().await;
    let (picked, mut params, replicas) = {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        let sel = selection(&ix, req);
        let (_, newest_first) = sel.page(&ix, 0, ix.rows.len());
        let picked: Vec<Picked> = newest_first.iter().rev().map(|&i| pick(&ix, i)).collect();
        (picked, sel.params, replica_names(&ix))
    };
    let found = match entries(c, locs(&picked), replicas).await {
        Ok(e) => e,
        Err(e) => return trail_unreadable(c, p, &e),
    };
    let keys: Vec<(u64, u64, Loc, Loc)> = picked.iter().map(|x| (x.seq, x.ts_ms, x.decision, x.outcome)).collect();
    let rows = super::index::assemble(&keys, &found);
    let narrowed = params.iter().any(|(k, _)| *k != "from" && *k != "to");
    let name = format!(
        "cordon-decisions_{}{}.csv",
        period_name(&from, &to),
        if narrowed { "_filtered" } else { "" }
    );
    params.extend([("format", "csv".to_string()), ("file", name.clone())]);
    if let Err(r) = c
        .record(p.who, "export", params, Some(rows.len() as u64), req.remote)
        .await
    {
        return r;
    }
    let mut out = Vec::new();
    let written = if c.fleet.is_some() {
        // Each row with its replica (`assemble` keeps the order and leaves out what no longer reads).
        let by_decision: HashMap<Loc, &str> = picked
            .iter()
            .filter_map(|x| Some((x.decision, x.replica.as_deref()?)))
            .collect();
        let with_replica: Vec<(String, crate::audit::read::Row)> = keys
            .iter()
            .filter(|k| found.get(&k.2).is_some_and(|e| matches!(e.body, Body::Decision(_))))
            .map(|k| by_decision.get(&k.2).copied().unwrap_or("").to_string())
            .zip(rows.iter().cloned())
            .collect();
        crate::audit::report::write_fleet_csv(&with_replica, &mut out)
    } else {
        crate::audit::report::write_csv(&rows, &mut out, true)
    };
    if let Err(e) = written {
        return c.error_page(StatusCode::INTERNAL_SERVER_ERROR, "Export failed", &e, Some(p.who));
    }
    download(out, "text/csv; charset=utf-8", &name)
}

async fn export_report(c: &Arc<Console>, req: &Req, p: &Page<'_>, pdf: bool) -> Resp {
    let (from, to, replica, rows, v) = match period_rows(c, req, p).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (format, ext) = if pdf { ("pdf", "pdf") } else { ("text", "txt") };
    let name = format!("cordon-report_{}.{ext}", period_name(&from, &to));
    let mut params = vec![("format", format.to_string()), ("file", name.clone())];
    if let Some(r) = &replica {
        params.push(("replica", r.clone()));
    }
    if let Err(r) = c
        .record(p.who, "export", params, Some(rows.len() as u64), req.remote)
        .await
    {
        return r;
    }
    let text = crate::audit::report::report_text_for(from.as_deref(), to.as_deref(), &rows, &v.text());
    if !pdf {
        return download(text.into_bytes(), "text/plain; charset=utf-8", &name);
    }
    let generated = format_time(crate::audit::now_ms());
    let built =
        tokio::task::spawn_blocking(move || crate::audit::pdf::report_pdf(&text, "Cordon audit report", &generated))
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r);
    match built {
        Ok(bytes) => download(bytes, "application/pdf", &name),
        Err(e) => c.error_page(StatusCode::INTERNAL_SERVER_ERROR, "Export failed", &e, Some(p.who)),
    }
}

async fn subject(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    let Some(key) = &c.audit_cfg.hmac_key else {
        return c.error_page(
            StatusCode::CONFLICT,
            "Subject lookup is off",
            "The trail has no fingerprint key (audit.hmac_key_env), so values cannot be looked up.",
            Some(p.who),
        );
    };
    let value = req.f("value").unwrap_or("").trim();
    if value.is_empty() {
        return c.error_page(
            StatusCode::BAD_REQUEST,
            "Nothing to look up",
            "Type a value to look up.",
            Some(p.who),
        );
    }
    // The same canonical form the proxy fingerprints findings in; the value
    // goes no further than this function.
    let fp = crate::audit::keys::fingerprint(key, &cordon_detectors::normalize::canonical(value));
    c.refresh().await;
    let (candidates, replicas) = {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        let picked: Vec<Picked> = ix
            .with_fingerprint(&fp)
            .into_iter()
            .rev()
            .map(|i| pick(&ix, i as usize))
            .collect();
        (picked, replica_names(&ix))
    };
    // Confirmed against the full fingerprint in each record.
    let decisions: Vec<Loc> = candidates.iter().map(|x| x.decision).collect();
    let found = match entries(c, decisions, replicas.clone()).await {
        Ok(e) => e,
        Err(e) => return trail_unreadable(c, p, &e),
    };
    let hits: Vec<Picked> = candidates
        .into_iter()
        .filter(|x| {
            found
                .get(&x.decision)
                .is_some_and(|e| matches!(&e.body, Body::Decision(d) if d.fingerprints.contains(&fp)))
        })
        .collect();
    let total = hits.len();
    let shown: Vec<Picked> = hits.into_iter().take(SUBJECT_ROWS).collect();
    let outcomes: Vec<Loc> = shown.iter().map(|x| x.outcome).collect();
    let mut found = found;
    match entries(c, outcomes, replicas).await {
        Ok(more) => found.extend(more),
        Err(e) => return trail_unreadable(c, p, &e),
    }
    let rows: Vec<Json> = shown.iter().map(|x| row_json(x, &found)).collect();
    let fleet = c.fleet.is_some();
    if let Err(r) = c
        .record(
            p.who,
            "subject_lookup",
            vec![("fingerprint", fp.clone())],
            Some(total as u64),
            req.remote,
        )
        .await
    {
        return r;
    }
    let mut m = p.base("evidence", "Subject lookup");
    m.insert("fingerprint".into(), json!(fp));
    m.insert("fleet".into(), json!(fleet));
    m.insert("rows".into(), json!(rows));
    m.insert("total".into(), json!(total));
    m.insert("shown".into(), json!(rows.len()));
    m.insert("lookup".into(), json!(true));
    m.insert("hmac".into(), json!(true));
    m.insert("verification".into(), Json::Null);
    m.insert("from".into(), Json::Null);
    m.insert("to".into(), Json::Null);
    m.insert("qs".into(), json!(""));
    c.page(StatusCode::OK, "evidence.html", Value::from_serialize(&m), &[])
}

// ---------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------

/// The last run of a policy's own tests.
#[derive(Debug, Clone)]
pub struct PolicyTests {
    pub hash: String,
    pub ran_ms: u64,
    pub cases: Vec<Json>,
    pub passed: usize,
}

fn list(v: &Option<Vec<String>>) -> Option<String> {
    v.as_ref().map(|v| v.join(", "))
}

/// A condition in words.
fn cond_text(c: &cordon_policies::Cond, policy: &cordon_policies::Policy) -> String {
    let mut parts = Vec::new();
    if let Some(e) = &c.entities {
        parts.push(format!(
            "entities: {}",
            e.iter().map(|e| e.as_str().to_string()).collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(cats) = &c.categories {
        parts.push(format!(
            "categories: {}",
            cats.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    if c.any_finding {
        parts.push("any finding".into());
    }
    if c.min_score > 0.0 {
        parts.push(format!("score ≥ {}", c.min_score));
    }
    if c.min_count > 1 {
        parts.push(format!("count ≥ {}", c.min_count));
    }
    for (k, v) in [
        ("tenant", &c.tenant),
        ("client", &c.client),
        ("jurisdiction", &c.jurisdiction),
        ("model", &c.model),
        ("endpoint", &c.endpoint),
    ] {
        if let Some(v) = list(v) {
            parts.push(format!("{k}: {v}"));
        }
    }
    if let Some(u) = c.unscannable {
        parts.push(format!("unscannable content: {}", if u { "yes" } else { "no" }));
    }
    if let Some(w) = c.words.and_then(|i| policy.words.get(i)) {
        parts.push(format!("one of {} listed words", w.words.len()));
    }
    if let Some(s) = c.context {
        if s == cordon_detectors::clinical::Signals::CLINICAL {
            parts.push("clinical context".to_string());
        } else {
            parts.push(format!("clinical context: {s}"));
        }
    }
    if !c.all.is_empty() {
        parts.push(format!(
            "all of ({})",
            c.all
                .iter()
                .map(|x| cond_text(x, policy))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if !c.any.is_empty() {
        parts.push(format!(
            "any of ({})",
            c.any
                .iter()
                .map(|x| cond_text(x, policy))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if let Some(n) = &c.not {
        parts.push(format!("not ({})", cond_text(n, policy)));
    }
    if parts.is_empty() {
        "always".into()
    } else {
        parts.join(" and ")
    }
}

fn action_text(a: &cordon_policies::Action) -> String {
    match &a.route {
        Some(r) => format!("{} via {r}", a.kind),
        None => a.kind.to_string(),
    }
}

/// A test prompt with every detected value replaced by its entity type.
fn masked(registry: &cordon_detectors::Registry, text: &str) -> String {
    let mut findings = registry.scan(text);
    findings.sort_by_key(|f| f.start);
    let mut out = String::new();
    let mut at = 0;
    for f in findings {
        let end = f.end.min(text.len());
        if end <= at {
            continue;
        }
        if f.start < at {
            // Overlaps the finding masked just before: mask up to its end too.
            at = end;
            continue;
        }
        out.push_str(text.get(at..f.start).unwrap_or(""));
        out.push_str(&format!("[{}]", f.entity));
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

fn run_policy_tests(c: &Console, policy: &cordon_policies::Policy) -> PolicyTests {
    if let Ok(cached) = c.policy_tests.lock() {
        if let Some(t) = cached.as_ref().filter(|t| t.hash == policy.hash) {
            return t.clone();
        }
    }
    let registry = c.app.detectors();
    let results = cordon_policies::testing::run_tests(policy, &registry);
    let cases: Vec<Json> = results
        .iter()
        .zip(&policy.tests)
        .map(|(r, case)| {
            json!({
                "name": r.name, "passed": r.passed, "expected": r.expected, "got": r.got(),
                "texts": case.texts.iter().map(|t| masked(&registry, t)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let t = PolicyTests {
        hash: policy.hash.clone(),
        ran_ms: crate::audit::now_ms(),
        passed: results.iter().filter(|r| r.passed).count(),
        cases,
    };
    if let Ok(mut cached) = c.policy_tests.lock() {
        *cached = Some(t.clone());
    }
    t
}

async fn policies(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    c.refresh().await;
    let policy = c.app.policy();
    let me = c.clone();
    let pol = policy.clone();
    let tests = match tokio::task::spawn_blocking(move || run_policy_tests(&me, &pol)).await {
        Ok(t) => t,
        Err(e) => {
            return c.error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Policy tests failed",
                &e.to_string(),
                Some(p.who),
            )
        }
    };
    let rules: Vec<Json> = policy
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let id: &str = &r.id;
            let cases: Vec<&Json> = tests
                .cases
                .iter()
                .filter(|c| c["expected"].as_str().is_some_and(|e| e.contains(&format!("({id})"))))
                .collect();
            json!({
                "n": i + 1, "id": id, "description": r.description, "when": cond_text(&r.when, &policy),
                "then": action_text(&r.then), "kind": r.then.kind.as_str(), "cases": cases,
            })
        })
        .collect();
    let history: Vec<Json> = {
        let ix = match read_index(c) {
            Ok(ix) => ix,
            Err(r) => return r,
        };
        ix.policies
            .iter()
            .rev()
            .map(|ps| {
                json!({
                    "seq": ps.seq, "time": format_time(ps.ts_ms), "hash": ps.record.hash, "name": ps.record.name,
                    "version": ps.record.version, "file": ps.record.file, "rules": ps.record.rules,
                    "reason": ps.record.reason, "current": ps.record.hash == policy.hash,
                })
            })
            .collect()
    };
    let mut m = p.base("policies", "Policies");
    m.insert(
        "policy".into(),
        json!({
            "name": policy.name, "version": policy.version, "hash": policy.hash, "description": policy.description,
            "default": action_text(&policy.default), "on_error": action_text(&policy.on_error),
            "unscannable": action_text(&policy.unscannable), "egress_scan": policy.egress_scan,
            "file": c.app.policy_file().map(|f| f.display().to_string()),
        }),
    );
    m.insert("rules".into(), json!(rules));
    m.insert(
        "tests".into(),
        json!({"ran": format_time(tests.ran_ms), "passed": tests.passed, "total": tests.cases.len(), "cases": tests.cases}),
    );
    m.insert("history".into(), json!(history));
    if let Err(r) = c.record(p.who, "view_policies", vec![], None, req.remote).await {
        return r;
    }
    c.page(StatusCode::OK, "policies.html", Value::from_serialize(&m), &[])
}

// ---------------------------------------------------------------------------
// Shadow policies and promotion
// ---------------------------------------------------------------------------

/// The shadows' stats over the period, each with its chart, for the page.
fn shadow_json(
    s: &crate::audit::shadow::ShadowStats,
    in_force: bool,
    promotable: bool,
    from: Option<u64>,
    to: Option<u64>,
) -> Json {
    use crate::audit::shadow::{Outcome, MINUTE_MS};
    let first = from.or(s.minutes.keys().next().copied()).unwrap_or(0);
    let last = to
        .or(s.minutes.keys().next_back().map(|m| m + MINUTE_MS))
        .unwrap_or(first + MINUTE_MS);
    let width = bucket_ms(last.saturating_sub(first).max(MINUTE_MS));
    let start = first - first % width;
    let n = usize::try_from(last.saturating_sub(start).div_ceil(width))
        .unwrap_or(1)
        .clamp(1, 64);
    let labels: Vec<String> = (0..n).map(|i| bucket_label(start + i as u64 * width, width)).collect();
    let mut series: Vec<(String, Vec<u64>)> = ["local", "blocked", "cloud"]
        .iter()
        .map(|k| (k.to_string(), vec![0; n]))
        .collect();
    for (m, counts) in &s.minutes {
        let i = usize::try_from(m.saturating_sub(start) / width).unwrap_or(0).min(n - 1);
        for (k, c) in counts.iter().enumerate() {
            if let Some(v) = series.get_mut(k).and_then(|x| x.1.get_mut(i)) {
                *v += c;
            }
        }
    }
    let chart = chart::stacked_bars(
        &format!(
            "c-shadow-{}",
            s.hash.strip_prefix("sha256:").unwrap_or(&s.hash).get(..8).unwrap_or("")
        ),
        &format!("What {} would have done, over time", s.name),
        &labels,
        &series,
    );
    let outcomes: Vec<Json> = [Outcome::Local, Outcome::Blocked, Outcome::Cloud]
        .iter()
        .map(|o| {
            json!({"name": o.as_str(), "enforced": s.enforced.get(o).copied().unwrap_or(0),
                   "shadow": s.outcomes.get(o).copied().unwrap_or(0)})
        })
        .collect();
    let pairs: Vec<Json> = s
        .pairs
        .iter()
        .map(|p| {
            let ents: Vec<String> = p.entities.iter().map(|(e, n)| format!("{e} ×{n}")).collect();
            json!({"enforced_action": p.enforced_action, "enforced_rule": p.enforced_rule,
                   "shadow_action": p.shadow_action, "shadow_rule": p.shadow_rule, "count": p.count,
                   "loosening": p.loosening, "entities": if ents.is_empty() { "-".to_string() } else { ents.join(", ") },
                   "examples": p.examples})
        })
        .collect();
    json!({
        "name": s.name, "hash": s.hash, "file": s.file, "since": format_time(s.since_ms), "in_force": in_force,
        "decisions": s.decisions, "differing": s.differing, "loosening": s.loosening, "outcomes": outcomes,
        "pairs": pairs, "chart": chart, "promotable": promotable,
    })
}

async fn shadow(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    let (from, to, f) = match period(req) {
        Ok(x) => x,
        Err(e) => return c.error_page(StatusCode::BAD_REQUEST, "Bad period", &e, Some(p.who)),
    };
    let filter = crate::audit::shadow::ShadowFilter {
        from_ms: f.from_ms,
        to_ms: f.to_ms,
        policy: None,
    };
    let dir = c.audit_cfg.dir.clone();
    let summary = match tokio::task::spawn_blocking(move || crate::audit::shadow::summarize(&dir, &filter)).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            return c.error_page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Cannot read the trail",
                &e.to_string(),
                Some(p.who),
            )
        }
        Err(e) => {
            return c.error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Cannot read the trail",
                &e.to_string(),
                Some(p.who),
            )
        }
    };
    let enforced = c.app.policy();
    let current = c.app.shadows();
    let auditor = p.who.role >= Role::Auditor;
    let mut shadows: Vec<Json> = Vec::new();
    let mut listed: Vec<&str> = Vec::new();
    let mut add = |st: &crate::audit::shadow::ShadowStats| {
        let in_force = current.iter().any(|x| x.policy.hash == st.hash);
        let promotable = auditor && in_force && st.hash != enforced.hash && c.app.policy_file().is_some();
        shadows.push(shadow_json(st, in_force, promotable, f.from_ms, f.to_ms));
    };
    // Shadows in force first (even before their first decision), then the others the trail holds.
    for s in current.iter() {
        let st = summary
            .get(&s.policy.hash)
            .cloned()
            .unwrap_or_else(|| crate::audit::shadow::ShadowStats {
                hash: s.policy.hash.clone(),
                name: s.policy.name.clone(),
                file: Some(s.file.display().to_string()),
                ..Default::default()
            });
        listed.push(&s.policy.hash);
        add(&st);
    }
    for st in summary.shadows.iter().filter(|st| !listed.contains(&st.hash.as_str())) {
        add(st);
    }
    let mut m = p.base("policies", "Shadow policies");
    m.insert("enforced".into(), json!({"name": enforced.name, "hash": enforced.hash}));
    m.insert("from".into(), json!(from));
    m.insert("to".into(), json!(to));
    // Said only when true: a link cannot make the page claim a promotion.
    m.insert(
        "promoted".into(),
        json!(req.q("promoted").filter(|h| *h == enforced.hash)),
    );
    let n = shadows.len();
    m.insert("shadows".into(), json!(shadows));
    if let Err(r) = c.record(p.who, "view_shadow", vec![], Some(n as u64), req.remote).await {
        return r;
    }
    c.page(StatusCode::OK, "shadow.html", Value::from_serialize(&m), &[])
}

/// Puts a shadow in force: its file unchanged since it was loaded, its test
/// cases passing; the trail records who, with both hashes, before the
/// policy file is replaced; then the proxy reloads it.
async fn promote(c: &Arc<Console>, req: &Req, p: &Page<'_>) -> Resp {
    let refuse = |status: StatusCode, why: &str| c.error_page(status, "Promotion refused", why, Some(p.who));
    let Some(hash) = req.f("hash").map(str::to_string) else {
        return refuse(StatusCode::BAD_REQUEST, "Name the shadow policy to promote.");
    };
    if req.f("confirm") != Some("yes") {
        return refuse(StatusCode::BAD_REQUEST, "Confirm that you reviewed the differences.");
    }
    let Some(target) = c.app.policy_file() else {
        return refuse(
            StatusCode::CONFLICT,
            "The policy in force is the embedded baseline: there is no file to replace.",
        );
    };
    let Some(candidate) = c.app.shadows().iter().find(|s| s.policy.hash == hash).cloned() else {
        return refuse(StatusCode::CONFLICT, "No shadow policy with this hash is in force.");
    };
    let from = c.app.policy().hash.clone();
    if from == hash {
        return redirect(&format!("/policies/shadow?promoted={hash}"), &[]);
    }
    let bytes = match std::fs::read(&candidate.file) {
        Ok(b) if cordon_policies::content_hash(&b) == hash => b,
        _ => {
            return refuse(
                StatusCode::CONFLICT,
                "The shadow's file changed since it was loaded: review the shadow in force first.",
            )
        }
    };
    let registry = c.app.detectors();
    let pol = candidate.policy.clone();
    let results = tokio::task::spawn_blocking(move || cordon_policies::testing::run_tests(&pol, &registry))
        .await
        .unwrap_or_default();
    let failed = results.iter().filter(|r| !r.passed).count();
    if results.is_empty() || failed > 0 {
        let _ = c
            .record(
                p.who,
                "promote_refused",
                vec![("to", hash.clone()), ("failed", failed.to_string())],
                None,
                req.remote,
            )
            .await;
        return refuse(
            StatusCode::CONFLICT,
            &if results.is_empty() {
                "The candidate has no test cases: a promotion needs them.".to_string()
            } else {
                format!("{failed} of {} of the candidate's test cases fail.", results.len())
            },
        );
    }
    // Written (durably) before the swap: a promotion the trail cannot record is not made.
    let note = crate::shadow::PromotionNote {
        user: p.who.user.clone(),
        from: from.clone(),
        to: hash.clone(),
        candidate: candidate.file.display().to_string(),
        policy_file: target.display().to_string(),
        tests: results.len(),
        ts_ms: crate::audit::now_ms(),
    };
    let mut rec = note.record("console", p.who.role.as_str(), Some(req.remote.ip().to_string()));
    rec.results = Some(1);
    if let Err(e) = c.audit.record(Body::Access(rec)).await {
        tracing::error!(error = %e, "console: promotion refused, the audit trail cannot record it");
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "The audit trail cannot record the promotion; nothing was changed.",
        );
    }
    c.app.expect_promotion(&hash);
    if let Err(e) = crate::shadow::replace_policy_file(&target, &bytes) {
        tracing::error!(error = %e, file = %target.display(), "console: cannot replace the policy file");
        let _ = c
            .record(
                p.who,
                "promote_failed",
                vec![("to", hash.clone()), ("error", e.kind().to_string())],
                None,
                req.remote,
            )
            .await;
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The policy file could not be replaced; the policy in force is unchanged.",
        );
    }
    c.app.reload_policy();
    if c.app.policy().hash != hash {
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The new policy file did not load; see the proxy's log.",
        );
    }
    tracing::info!(user = %p.who.user, from = %from, to = %hash, "console: policy promoted");
    redirect(&format!("/policies/shadow?promoted={hash}"), &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_give_at_most_48_bars() {
        assert_eq!(bucket_ms(30 * 60_000), 60_000);
        assert_eq!(bucket_ms(6 * 3_600_000), 900_000);
        assert_eq!(bucket_ms(24 * 3_600_000), 3_600_000);
        assert_eq!(bucket_ms(30 * 86_400_000), 86_400_000);
        assert!(bucket_ms(u64::MAX / 2) >= 365 * 86_400_000);
        let mut v = vec![5.0, 1.0, 3.0, 2.0, 4.0];
        assert_eq!(percentile(&mut v, 0.5), 3.0);
        assert_eq!(percentile(&mut [], 0.5), 0.0);
    }
}
