//! Talking to the compliance console as a browser does, without one: a
//! client that keeps cookies and does not follow redirects, the CSRF token
//! of a page's form, and the password sign-in.

use std::time::Duration;

/// A browser-like client: keeps cookies, does not follow redirects, accepts
/// the test PKI's certificates.
pub fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .danger_accept_invalid_certs(true)
        .timeout(timeout)
        .build()
        .unwrap()
}

/// The token in a page's `csrf` form field.
pub fn csrf_of(html: &str) -> String {
    let field = "name=\"csrf\" value=\"";
    let at = html.find(field).expect("a csrf field") + field.len();
    html[at..].split('"').next().unwrap().to_string()
}

/// A GET: its status and body.
pub async fn page(client: &reqwest::Client, url: &str) -> (u16, String) {
    let r = client.get(url).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.text().await.unwrap())
}

/// Signs in with the form (its token from the sign-in page); returns the
/// answer to the POST (303 to `/` on success).
pub async fn sign_in(client: &reqwest::Client, base: &str, user: &str, password: &str) -> reqwest::Response {
    let (_, form) = page(client, &format!("{base}/login")).await;
    let token = csrf_of(&form);
    client
        .post(format!("{base}/login"))
        .form(&[("csrf", token.as_str()), ("user", user), ("password", password)])
        .send()
        .await
        .unwrap()
}

/// Signs out with the form's token `csrf`; returns the answer to the POST.
pub async fn sign_out(client: &reqwest::Client, base: &str, csrf: &str) -> reqwest::Response {
    client
        .post(format!("{base}/logout"))
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap()
}
