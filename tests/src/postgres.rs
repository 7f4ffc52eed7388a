//! A real PostgreSQL server for the fleet tests: Debian's `postgresql`
//! package (`scripts/fetch-postgres` installs it), `initdb` into a temporary
//! folder as an unprivileged user (the `postgres` account when the tests
//! run as root), listening on 127.0.0.1 on a free port. Stopped on drop.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A running (or stopped, then started again) PostgreSQL cluster.
pub struct Postgres {
    pub port: u16,
    bin: PathBuf,
    dir: tempfile::TempDir,
    /// `Some("postgres")` when the server runs as another user than the tests.
    user: Option<&'static str>,
    running: bool,
}

/// The newest `/usr/lib/postgresql/<version>/bin`.
fn bin_dir() -> PathBuf {
    let mut dirs: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_string_lossy().parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((v, bin))
        })
        .collect();
    dirs.sort();
    dirs.pop()
        .map(|d| d.1)
        .expect("no PostgreSQL server in /usr/lib/postgresql: run scripts/fetch-postgres")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl Postgres {
    /// Creates a cluster (trust authentication on loopback, superuser
    /// `cordon`) and starts it.
    pub fn start() -> Postgres {
        let bin = bin_dir();
        let dir = tempfile::Builder::new().prefix("cordon-pg").tempdir().expect("tempdir");
        let user = is_root().then_some("postgres");
        if let Some(u) = user {
            let ok = Command::new("chown")
                .arg(format!("{u}:"))
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(ok.success(), "cannot hand {} to {u}", dir.path().display());
        }
        let pg = Postgres {
            port: crate::free_port(),
            bin,
            dir,
            user,
            running: false,
        };
        let (code, out) = pg.run_as(
            "initdb",
            &[
                "-D",
                &pg.data().display().to_string(),
                "-U",
                "cordon",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ],
        );
        assert_eq!(code, 0, "initdb failed:\n{out}");
        let mut pg = pg;
        pg.start_again();
        pg
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Runs a server program as the server's user; (exit code, output).
    fn run_as(&self, program: &str, args: &[&str]) -> (i32, String) {
        let exe = self.bin.join(program);
        let mut cmd = match self.user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.arg("-u").arg(u).arg("--").arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        cmd.args(args).current_dir(self.dir.path());
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
        crate::process::wait_output(child, std::time::Duration::from_secs(120))
    }

    /// `postgres://cordon@127.0.0.1:PORT/postgres` without TLS.
    pub fn url(&self) -> String {
        format!("postgres://cordon@127.0.0.1:{}/postgres?sslmode=disable", self.port)
    }

    /// Turns TLS on (`ssl = on`) with this server certificate and key, and
    /// restarts the server. Clients may then connect with [`Postgres::tls_url`].
    pub fn enable_tls(&mut self, cert_pem: &str, key_pem: &str) {
        let data = self.data();
        std::fs::write(data.join("server.crt"), cert_pem).expect("write server.crt");
        std::fs::write(data.join("server.key"), key_pem).expect("write server.key");
        // The server refuses a key others can read, or one it does not own.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(data.join("server.key"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
        if let Some(u) = self.user {
            for f in ["server.crt", "server.key"] {
                let ok = Command::new("chown")
                    .arg(format!("{u}:"))
                    .arg(data.join(f))
                    .status()
                    .expect("chown");
                assert!(ok.success());
            }
        }
        let conf = data.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf).expect("postgresql.conf");
        text.push_str("\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        std::fs::write(&conf, text).expect("postgresql.conf");
        if self.running {
            self.stop();
        }
        self.start_again();
    }

    /// `postgres://cordon@127.0.0.1:PORT/postgres?sslmode=require`.
    pub fn tls_url(&self) -> String {
        format!("postgres://cordon@127.0.0.1:{}/postgres?sslmode=require", self.port)
    }

    /// Starts the stopped server again, on the same port and data.
    pub fn start_again(&mut self) {
        let data = self.data().display().to_string();
        let log = self.dir.path().join("server.log").display().to_string();
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.dir.path().display()
        );
        let (code, out) = self.run_as(
            "pg_ctl",
            &["-D", &data, "-l", &log, "-o", &opts, "-w", "-t", "60", "start"],
        );
        assert_eq!(code, 0, "pg_ctl start failed:\n{out}\n{}", self.log());
        self.running = true;
    }

    /// Stops the server (fast shutdown: clients are disconnected).
    pub fn stop(&mut self) {
        let data = self.data().display().to_string();
        let (code, out) = self.run_as("pg_ctl", &["-D", &data, "-m", "fast", "-w", "-t", "60", "stop"]);
        assert_eq!(code, 0, "pg_ctl stop failed:\n{out}");
        self.running = false;
    }

    /// The server's log.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Runs SQL with psql; returns its unaligned, tuples-only output.
    pub fn sql(&self, sql: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args([
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                &self.url(),
                "-c",
                sql,
            ])
            .stdin(Stdio::null())
            .output()
            .expect("psql");
        assert!(
            out.status.success(),
            "psql failed on {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The audit frames stored under `prefix` (`<prefix>frames`, see
    /// `cordon::audit::ship::Frame`) matching `cond` (SQL over its columns,
    /// e.g. `replica = 'r1'`), decompressed, in (replica, first_seq) order.
    pub fn frames(&self, prefix: &str, cond: &str) -> Vec<StoredFrame> {
        let out = self.sql(&format!(
            "SELECT replica || ' ' || first_seq || ' ' || encode(body, 'hex') FROM {prefix}frames \
             WHERE {cond} ORDER BY replica, first_seq"
        ));
        out.lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                let mut parts = l.split(' ');
                let replica = parts.next().unwrap_or_default().to_string();
                let first_seq = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
                let body = hex::decode(parts.next().unwrap_or_default()).expect("hex body");
                let text = cordon::audit::ship::decode_frame(&body).expect("a frame that decompresses");
                StoredFrame {
                    replica,
                    first_seq,
                    lines: text.lines().map(str::to_string).collect(),
                }
            })
            .collect()
    }

    /// Every stored line under `prefix`: (replica, line), in order.
    pub fn stored_lines(&self, prefix: &str) -> Vec<(String, String)> {
        self.frames(prefix, "true")
            .into_iter()
            .flat_map(|f| {
                let r = f.replica;
                f.lines.into_iter().map(move |l| (r.clone(), l))
            })
            .collect()
    }

    /// Puts `lines` in place of a stored frame's body (recompressed), as
    /// someone with write access to the database could.
    pub fn rewrite_frame(&self, prefix: &str, frame: &StoredFrame) {
        let mut text = String::new();
        for l in &frame.lines {
            text.push_str(l);
            text.push('\n');
        }
        let body = cordon::audit::ship::encode_frame(text.as_bytes()).expect("zstd");
        self.sql(&format!(
            "UPDATE {prefix}frames SET body = decode('{}', 'hex') WHERE replica = '{}' AND first_seq = {}",
            hex::encode(body),
            frame.replica,
            frame.first_seq
        ));
    }

    /// The server's data folder's parent (logs, socket).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if self.running {
            let data = self.data().display().to_string();
            let _ = self.run_as("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }
    }
}

/// A row of `<prefix>frames`, decompressed.
#[derive(Debug, Clone)]
pub struct StoredFrame {
    pub replica: String,
    pub first_seq: u64,
    pub lines: Vec<String>,
}
