//! Python tools the end-to-end tests drive, each in its own venv under
//! `target/`, created on first use from a pinned requirements file (PyPI):
//!
//! - the official Python SDKs (`openai`, `anthropic`) in `target/sdk-venv`,
//!   from `tests/sdk/requirements.txt`;
//! - the third-party PII conformance harness `pii-leak-benchmark` in
//!   `target/leakbench-venv`, from `tests/leakbench/requirements.txt`
//!   (see `tests/tests/e2e/leakbench.rs`).
//!
//! Built in a scratch folder and renamed into place, so concurrent test
//! processes never see a half-made venv. A venv is rebuilt when its
//! requirements file changes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The SDK venv's python, creating the venv if needed.
pub fn sdk_python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| venv_python("sdk-venv", "CORDON_SDK_VENV", &sdk_scripts().join("requirements.txt")))
        .clone()
}

/// The folder holding the SDK test scripts.
pub fn sdk_scripts() -> PathBuf {
    workspace_root().join("tests").join("sdk")
}

/// The python of the venv holding `pii-leak-benchmark`, creating the venv if
/// needed. `CORDON_LEAKBENCH_VENV` names another folder for it. Run its
/// commands as modules (`python -m pii_leak_benchmark.cli`,
/// `python -m pii_leak_benchmark.v2_cli`): the console scripts' shebangs name
/// the scratch folder the venv was built in.
pub fn leakbench_python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            let reqs = workspace_root()
                .join("tests")
                .join("leakbench")
                .join("requirements.txt");
            venv_python("leakbench-venv", "CORDON_LEAKBENCH_VENV", &reqs)
        })
        .clone()
}

/// The python of the venv `target/<name>` (or the folder named by `env_var`),
/// holding exactly `reqs`: created on first use, rebuilt when `reqs` changes.
fn venv_python(name: &str, env_var: &str, reqs: &Path) -> PathBuf {
    let root = workspace_root();
    let venv = std::env::var_os(env_var)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target").join(name));
    let python = venv.join("bin").join("python");
    let want = std::fs::read_to_string(reqs).unwrap_or_else(|e| panic!("{}: {e}", reqs.display()));
    let marker = venv.join("cordon-requirements.txt");
    if python.exists() && std::fs::read_to_string(&marker).ok().as_deref() == Some(want.as_str()) {
        return python;
    }
    let scratch = venv.with_file_name(format!("{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let ok = Command::new("python3")
        .arg("-m")
        .arg("venv")
        .arg(&scratch)
        .status()
        .expect("python3 -m venv");
    assert!(ok.success(), "python3 -m venv failed");
    let ok = Command::new(scratch.join("bin").join("python"))
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(reqs)
        .status()
        .expect("pip install");
    assert!(ok.success(), "pip install -r {} failed", reqs.display());
    std::fs::write(scratch.join("cordon-requirements.txt"), &want).expect("marker");
    let _ = std::fs::remove_dir_all(&venv);
    if std::fs::rename(&scratch, &venv).is_err() {
        // Another process won the race; use its venv.
        let _ = std::fs::remove_dir_all(&scratch);
    }
    python
}
