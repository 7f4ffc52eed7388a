//! Headless Chromium driven over WebDriver (`chromedriver` + [`fantoccini`]),
//! for the tests that use the web console like a person would.
//!
//! [`Browser::start`] runs `chromedriver --port=0` on loopback in its own
//! process group, opens a session on a fresh profile and download directory
//! (both in a temp dir), and kills the whole group (driver and browser) on
//! drop. A driver that loses the race for the port it picked is started again. The helpers panic with the selector and the page's URL when something
//! is missing; every wait is bounded. Install the browser with
//! `scripts/fetch-chromium`; `CHROMIUM` and `CHROMEDRIVER` point elsewhere.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// How long [`Browser::fill`], [`Browser::click`] and [`Browser::text`] wait for their element.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// How long [`Browser::start`] waits for chromedriver to listen and for the browser session.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// Polling interval of the bounded waits.
const POLL: Duration = Duration::from_millis(50);

/// Where screenshots and other artifacts of the browser tests go:
/// `target/test-artifacts/console/` in the workspace, created if missing.
pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-artifacts/console");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// A headless Chromium session; the driver and the browser die with it.
pub struct Browser {
    client: Client,
    driver: Child,
    /// Output of chromedriver (and the browser's stderr), for failure messages.
    driver_log: Arc<Mutex<String>>,
    downloads: PathBuf,
    /// What [`Browser::wait_for_download`] returned already.
    downloaded: Mutex<Vec<PathBuf>>,
    /// Holds the profile and the download directory; removed on drop.
    _dir: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session. Panics, saying to
    /// run `scripts/fetch-chromium`, when either binary is missing.
    pub async fn start() -> Browser {
        let chromedriver = find_binary("CHROMEDRIVER", &["/usr/bin/chromedriver"]);
        // The real binary rather than Debian's /usr/bin/chromium wrapper script, which adds
        // flags (remote extensions, GPU rasterization) and shell noise on stderr.
        let chromium = find_binary("CHROMIUM", &["/usr/lib/chromium/chromium", "/usr/bin/chromium"]);

        let dir = tempfile::Builder::new().prefix("cordon-browser").tempdir().unwrap();
        let downloads = dir.path().join("downloads");
        let profile = dir.path().join("profile");
        std::fs::create_dir_all(&downloads).unwrap();
        std::fs::create_dir_all(&profile).unwrap();

        // From here on a panic drops `guard`, which kills the process group.
        let (mut guard, driver_log, port) = start_driver(&chromedriver).await;
        let deadline = Instant::now() + START_TIMEOUT;

        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("acceptInsecureCerts".into(), json!(true));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--ignore-certificate-errors",
                    "--window-size=1280,900",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-extensions",
                    "--password-store=basic",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false,
                    "profile.default_content_settings.popups": 0,
                    "profile.default_content_setting_values.automatic_downloads": 1,
                },
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        // The port is reported once chromedriver listens; retry briefly all the same.
        let client = loop {
            match tokio::time::timeout(
                deadline.saturating_duration_since(Instant::now()),
                builder.connect(&url),
            )
            .await
            {
                Ok(Ok(client)) => break client,
                Ok(Err(e)) if Instant::now() + POLL < deadline && e.to_string().contains("connect") => {
                    tokio::time::sleep(POLL).await;
                }
                Ok(Err(e)) => panic!("opening a chromedriver session: {e}\n{}", driver_log.lock().unwrap()),
                Err(_) => panic!(
                    "no chromedriver session within {START_TIMEOUT:?}:\n{}",
                    driver_log.lock().unwrap()
                ),
            }
        };
        // No `Browser.setDownloadBehavior` needed: --headless=new is the full browser, so the
        // download prefs apply as they do headed (second `a.csv` lands as `a (1).csv`). That
        // CDP command would route downloads through DevTools, which keeps only one `a.csv`.
        Browser {
            client,
            driver: guard.0.take().unwrap(),
            driver_log,
            downloads,
            downloaded: Mutex::new(Vec::new()),
            _dir: dir,
        }
    }

    /// The fantoccini client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Where downloads land.
    pub fn download_dir(&self) -> &Path {
        &self.downloads
    }

    /// What chromedriver (and the browser) printed so far.
    pub fn driver_log(&self) -> String {
        self.driver_log.lock().unwrap().clone()
    }

    /// Loads `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("loading {url}: {e}"));
    }

    pub async fn current_url(&self) -> String {
        self.client
            .current_url()
            .await
            .unwrap_or_else(|e| panic!("reading the URL: {e}"))
            .to_string()
    }

    /// The page's HTML as the browser has it now (after scripts ran).
    pub async fn source(&self) -> String {
        self.client
            .source()
            .await
            .unwrap_or_else(|e| panic!("reading the page source: {e}"))
    }

    /// Saves a PNG of the viewport to `path` (a relative path is taken under
    /// [`artifacts_dir`]), creating its directory; returns where it went.
    pub async fn screenshot(&self, path: impl AsRef<Path>) -> PathBuf {
        let path = path.as_ref();
        let path = if path.is_relative() {
            artifacts_dir().join(path)
        } else {
            path.to_path_buf()
        };
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("taking a screenshot: {e}"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("creating {}: {e}", parent.display()));
        }
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        path
    }

    /// Replaces the value of the input matching `css` with `text` (typed, so the
    /// page sees key events). Waits up to [`DEFAULT_WAIT`] for the element.
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.wait_for(css, DEFAULT_WAIT).await;
        el.clear().await.unwrap_or_else(|e| panic!("clearing {css}: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// Clicks the element matching `css`; waits up to [`DEFAULT_WAIT`] for it.
    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css, DEFAULT_WAIT).await;
        el.click().await.unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// The rendered text of the element matching `css`; waits up to [`DEFAULT_WAIT`] for it.
    pub async fn text(&self, css: &str) -> String {
        let el = self.wait_for(css, DEFAULT_WAIT).await;
        el.text()
            .await
            .unwrap_or_else(|e| panic!("reading the text of {css}: {e}"))
    }

    /// Whether an element matches `css` now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        self.find_now(css).await.is_some()
    }

    /// The first element matching `css`, polling until `timeout`.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(el) = self.find_now(css).await {
                return el;
            }
            if Instant::now() >= deadline {
                panic!(
                    "no element matches {css:?} after {timeout:?} on {}",
                    self.current_url().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until `timeout` for a finished download whose file name ends with
    /// `suffix` and that no earlier call returned, and returns its path.
    /// Chromium writes `NAME.crdownload` and renames it when done; a second
    /// download of the same name lands as `NAME (1).EXT`.
    pub async fn wait_for_download(&self, suffix: &str, timeout: Duration) -> PathBuf {
        let deadline = Instant::now() + timeout;
        loop {
            let mut done = None;
            let mut partial = false;
            let mut seen = Vec::new();
            let taken = self.downloaded.lock().unwrap().clone();
            for entry in std::fs::read_dir(&self.downloads).unwrap().map_while(Result::ok) {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".crdownload") {
                    partial = true;
                } else if name.ends_with(suffix) && !taken.contains(&entry.path()) {
                    done = Some(entry.path());
                }
                seen.push(name);
            }
            // Chromium reserves the final name with an empty file while the
            // `.crdownload` is being written: done only once that is gone.
            if let (Some(path), false) = (done, partial) {
                self.downloaded.lock().unwrap().push(path.clone());
                return path;
            }
            if Instant::now() >= deadline {
                panic!(
                    "no new finished download ending in {suffix:?} after {timeout:?} in {}; found {seen:?}",
                    self.downloads.display()
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs `js` as the body of a function in the page (`arguments[i]` are
    /// `args`); returns what it returns.
    pub async fn execute(&self, js: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(js, args)
            .await
            .unwrap_or_else(|e| panic!("running script {js:?}: {e}"))
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver
    /// (`POST /session/{id}/goog/cdp/execute`); returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(CdpExecute {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Ends the session (the browser quits), then stops chromedriver.
    pub async fn close(mut self) {
        let client = self.client.clone();
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        kill_group(&mut self.driver);
    }

    async fn find_now(&self, css: &str) -> Option<Element> {
        match self.client.find(Locator::Css(css)).await {
            Ok(el) => Some(el),
            Err(e) if e.is_no_such_element() => None,
            // The page was navigating (a click's response still loading): not there yet.
            Err(e) if e.to_string().contains("aborted by navigation") => None,
            Err(e) => panic!("finding {css:?}: {e}"),
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        kill_group(&mut self.driver);
    }
}

/// Kills chromedriver's process group unless disarmed (for panics during [`Browser::start`]).
/// How many times [`start_driver`] starts chromedriver when it loses the race for its port.
const START_ATTEMPTS: usize = 3;

/// Starts chromedriver on a port of its choosing and returns it with its log and that port.
///
/// With `--port=0` chromedriver picks a free port on one address family and then binds the
/// same number on the other, which another process may hold by then ("IPv4 port not
/// available. Exiting..."). That loss is retried, a bounded number of times; anything
/// else panics with chromedriver's output.
async fn start_driver(chromedriver: &Path) -> (DriverGuard, Arc<Mutex<String>>, u16) {
    for attempt in 1..=START_ATTEMPTS {
        // Its own process group, so that drop can kill the browser chromedriver starts as well.
        let mut driver = std::os::unix::process::CommandExt::process_group(
            Command::new(chromedriver)
                // Prints the port it picked. No --allowed-ips: with it, it listens on all interfaces.
                .arg("--port=0")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped()),
            0,
        )
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", chromedriver.display()));
        let driver_log = Arc::new(Mutex::new(String::new()));
        let (port_tx, port_rx) = tokio::sync::oneshot::channel::<u16>();
        let mut port_tx = Some(port_tx);
        let stdout = driver.stdout.take().unwrap();
        let log = driver_log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // "ChromeDriver was started successfully on port 43513."
                if let Some(rest) = line.split("started successfully on port ").nth(1) {
                    if let (Ok(port), Some(tx)) = (rest.trim_end_matches('.').trim().parse(), port_tx.take()) {
                        let _ = tx.send(port);
                    }
                }
                keep_line(&log, &line);
            }
        });
        let stderr = driver.stderr.take().unwrap();
        let log = driver_log.clone();
        let stderr_reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                keep_line(&log, &line);
            }
        });

        let mut guard = DriverGuard(Some(driver));
        match tokio::time::timeout(START_TIMEOUT, port_rx).await {
            Ok(Ok(port)) => return (guard, driver_log, port),
            // The stdout reader ended without a port: chromedriver is exiting. Once its group
            // is dead its stderr is closed, so the reader has all of it.
            Ok(Err(_)) if attempt < START_ATTEMPTS => {
                if let Some(child) = &mut guard.0 {
                    kill_group(child);
                }
                let _ = stderr_reader.join();
                if !lost_port_race(&driver_log.lock().unwrap()) {
                    panic!("chromedriver exited before listening:\n{}", driver_log.lock().unwrap());
                }
            }
            _ => panic!(
                "chromedriver did not report its port within {START_TIMEOUT:?} (attempt {attempt}):\n{}",
                driver_log.lock().unwrap()
            ),
        }
    }
    unreachable!("the last attempt returns or panics")
}

/// Whether chromedriver's output says it exited because the port it picked was taken.
fn lost_port_race(log: &str) -> bool {
    log.contains("port not available") || log.contains("Address already in use")
}

struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            kill_group(child);
        }
    }
}

/// SIGKILLs the process group `child` leads (chromedriver and the browser it
/// started) and reaps `child`. Idempotent.
fn kill_group(child: &mut Child) {
    if let Ok(Some(_)) = child.try_wait() {
        // Already reaped: its pid (the group id) may have been reused.
        return;
    }
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

fn keep_line(log: &Mutex<String>, line: &str) {
    let mut log = log.lock().unwrap();
    // Bounded: keep the start (how it began) and stop growing after 64 KiB.
    if log.len() < 64 * 1024 {
        log.push_str(line);
        log.push('\n');
    }
}

fn find_binary(var: &str, candidates: &[&str]) -> PathBuf {
    if let Some(path) = std::env::var_os(var) {
        let path = PathBuf::from(path);
        assert!(
            path.is_file(),
            "{var}={} does not exist; run scripts/fetch-chromium",
            path.display()
        );
        return path;
    }
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{} is missing: run scripts/fetch-chromium (or set {var})",
                candidates.join(" or ")
            )
        })
}

/// chromedriver's extension endpoint for raw DevTools commands.
#[derive(Debug)]
struct CdpExecute {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpExecute {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"cmd": self.cmd, "params": self.params}).to_string()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::lost_port_race;

    #[test]
    fn a_taken_port_is_told_from_other_exits() {
        let lost = "Starting ChromeDriver 148.0 on port 0\nOnly local connections are allowed.\n\
                    [1.5][SEVERE]: bind() failed: Address already in use (98)\nIPv4 port not available. Exiting...\n";
        assert!(lost_port_race(lost));
        assert!(!lost_port_race("error while loading shared libraries: libnss3.so\n"));
    }
}
