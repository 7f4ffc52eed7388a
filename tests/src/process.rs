//! The real `cordon` binary, started on port 0 and waited for.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long `cordon` may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The `cordon` binary of this workspace (built by `cargo test --workspace`,
/// or set `CORDON_BIN`).
pub fn cordon_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("CORDON_BIN") {
        return PathBuf::from(p);
    }
    // Beside this executable (target/<profile>/cordon-loadbench), or one up
    // from a test harness (target/<profile>/deps/e2e-...).
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().expect("exe dir");
    let bin = [
        dir.join("cordon"),
        dir.parent().map(|p| p.join("cordon")).unwrap_or_default(),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .unwrap_or_else(|| dir.join("cordon"));
    assert!(
        bin.exists(),
        "{} not found: build it first (cargo build -p cordon, or run scripts/test)",
        bin.display()
    );
    // `cargo test -p cordon-tests` alone does not rebuild the binary: refuse
    // to test a stale one.
    let built = std::fs::metadata(&bin)
        .and_then(|m| m.modified())
        .expect("binary mtime");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../proxy/src");
    if let Some(newer) = newest_file(&src).filter(|(t, _)| *t > built) {
        panic!(
            "{} is older than {}: run `cargo build -p cordon` (or `cargo test --workspace`)",
            bin.display(),
            newer.1.display()
        );
    }
    bin
}

fn newest_file(dir: &std::path::Path) -> Option<(std::time::SystemTime, PathBuf)> {
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let candidate = if path.is_dir() {
            newest_file(&path)
        } else {
            entry.metadata().and_then(|m| m.modified()).ok().map(|t| (t, path))
        };
        if let Some(c) = candidate {
            if newest.as_ref().is_none_or(|n| c.0 > n.0) {
                newest = Some(c);
            }
        }
    }
    newest
}

/// A running `cordon serve`. Killed on drop.
pub struct Cordon {
    child: Child,
    pub addrs: Vec<SocketAddr>,
    /// The compliance console's listener, when `admin:` is configured.
    pub console: Option<SocketAddr>,
    logs: Arc<Mutex<Vec<String>>>,
    pub dir: tempfile::TempDir,
    env: Vec<(String, String)>,
}

impl Cordon {
    /// Writes `config` (YAML) to a temp dir and starts `cordon serve` on it,
    /// with `env` added to the environment. Returns once every listener is up.
    pub fn start(config: &str, env: &[(&str, &str)]) -> Cordon {
        let dir = tempfile::tempdir().expect("tempdir");
        Self::start_in(dir, config, env)
    }

    /// As [`Cordon::start`], in a given dir (where certificates may already be).
    pub fn start_in(dir: tempfile::TempDir, config: &str, env: &[(&str, &str)]) -> Cordon {
        let path = dir.path().join("cordon.yaml");
        std::fs::write(&path, config).expect("write config");
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let (child, addrs, console, logs) = Self::spawn(&path, config, &env);
        Cordon {
            child,
            addrs,
            console,
            logs,
            dir,
            env,
        }
    }

    /// Kills the process with SIGKILL (no shutdown, no final checkpoint).
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts `cordon serve` again on the same config, folder and environment.
    pub fn restart(&mut self) {
        self.kill9();
        let path = self.dir.path().join("cordon.yaml");
        let config = std::fs::read_to_string(&path).expect("config");
        let (child, addrs, console, logs) = Self::spawn(&path, &config, &self.env);
        self.child = child;
        self.addrs = addrs;
        self.console = console;
        self.logs = logs;
    }

    /// Runs `cordon ARGS...` to completion (bounded) in the instance's folder.
    pub fn cli(&self, args: &[&str]) -> (i32, String) {
        run_cli(
            self.dir.path(),
            args,
            self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        )
    }

    #[allow(clippy::type_complexity)]
    fn spawn(
        path: &std::path::Path,
        config: &str,
        env: &[(String, String)],
    ) -> (Child, Vec<SocketAddr>, Option<SocketAddr>, Arc<Mutex<Vec<String>>>) {
        let mut cmd = Command::new(cordon_bin());
        cmd.arg("serve").arg("--config").arg(path);
        cmd.env_remove("OPENAI_API_KEY").env_remove("ANTHROPIC_API_KEY");
        cmd.env("CORDON_LOG", "info,cordon=debug")
            .env("CORDON_LOG_FORMAT", "json");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn cordon");
        let expected = config.matches("addr:").count().max(1);
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        // stdout: "cordon listening on ADDR (http|https)", one line per
        // listener, and "cordon console listening on ADDR (...)".
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let (rest, console) = match line.strip_prefix("cordon listening on ") {
                    Some(rest) => (rest, false),
                    None => match line.strip_prefix("cordon console listening on ") {
                        Some(rest) => (rest, true),
                        None => continue,
                    },
                };
                if let Some(a) = rest
                    .split_whitespace()
                    .next()
                    .and_then(|a| a.parse::<SocketAddr>().ok())
                {
                    let _ = tx.send((a, console));
                }
            }
        });
        let stderr = child.stderr.take().expect("stderr");
        let sink = logs.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                sink.lock().unwrap().push(line);
            }
        });
        let deadline = Instant::now() + START_TIMEOUT;
        let mut addrs = Vec::new();
        let mut console = None;
        while addrs.len() + usize::from(console.is_some()) < expected {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok((a, false)) => addrs.push(a),
                Ok((a, true)) => console = Some(a),
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("cordon did not start listening:\n{}", logs.lock().unwrap().join("\n"));
                }
            }
        }
        (child, addrs, console, logs)
    }

    /// Runs `cordon serve` expecting it to refuse to start; returns its exit
    /// code and everything it printed.
    pub fn refuse(config: &str, env: &[(&str, &str)]) -> (i32, String) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("cordon.yaml"), config).expect("write config");
        run_cli(dir.path(), &["serve", "--config", "cordon.yaml"], env.iter().copied())
    }

    pub fn addr(&self) -> SocketAddr {
        self.addrs[0]
    }

    /// `http://ADDR` of the first listener.
    pub fn url(&self) -> String {
        format!("http://{}", self.addrs[0])
    }

    /// Everything cordon logged so far.
    pub fn logs(&self) -> String {
        self.logs.lock().unwrap().join("\n")
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends a signal (e.g. "HUP", "TERM") with `kill`.
    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill");
        assert!(ok.success());
    }

    /// Waits (bounded) for the process to exit; returns its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Cordon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `cordon ARGS...` in `dir` to completion (bounded, 60 s).
pub fn run_cli<'a>(
    dir: &std::path::Path,
    args: &[&str],
    env: impl Iterator<Item = (&'a str, &'a str)>,
) -> (i32, String) {
    let mut cmd = Command::new(cordon_bin());
    cmd.args(args).current_dir(dir).envs(env);
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cordon");
    wait_output(child, Duration::from_secs(60))
}

/// Runs a command to completion (bounded), returning exit code and stdout+stderr.
pub fn wait_output(mut child: Child, timeout: Duration) -> (i32, String) {
    let deadline = Instant::now() + timeout;
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}
