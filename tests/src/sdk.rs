//! The official Python SDKs (`openai`, `anthropic`) in a venv under
//! `target/sdk-venv`, created on first use from `tests/sdk/requirements.txt`
//! (PyPI). Built in a scratch folder and renamed into place, so concurrent
//! test processes never see a half-made venv.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The venv's python, creating the venv if needed.
pub fn sdk_python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(create).clone()
}

/// The folder holding the SDK test scripts.
pub fn sdk_scripts() -> PathBuf {
    workspace_root().join("tests").join("sdk")
}

fn create() -> PathBuf {
    let root = workspace_root();
    let venv = std::env::var_os("CORDON_SDK_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target").join("sdk-venv"));
    let python = venv.join("bin").join("python");
    let reqs = root.join("tests").join("sdk").join("requirements.txt");
    let want = std::fs::read_to_string(&reqs).expect("tests/sdk/requirements.txt");
    let marker = venv.join("cordon-requirements.txt");
    if python.exists() && std::fs::read_to_string(&marker).ok().as_deref() == Some(want.as_str()) {
        return python;
    }
    let scratch = venv.with_file_name(format!("sdk-venv.tmp-{}", std::process::id()));
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
        .arg(&reqs)
        .status()
        .expect("pip install");
    assert!(ok.success(), "pip install -r tests/sdk/requirements.txt failed");
    std::fs::write(scratch.join("cordon-requirements.txt"), &want).expect("marker");
    let _ = std::fs::remove_dir_all(&venv);
    if std::fs::rename(&scratch, &venv).is_err() {
        // Another process won the race; use its venv.
        let _ = std::fs::remove_dir_all(&scratch);
    }
    python
}
