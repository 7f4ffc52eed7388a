//! Finding and loading ONNX Runtime (`ort` with `load-dynamic`), shared by
//! the engine and the detectors' learned recognizer.
//!
//! `ort` allows one environment per process, ever: whoever loads first
//! (the engine or the detectors) creates it here, and everyone else gets a
//! handle to that same one. That is why this lives in its own small crate
//! that both depend on, rather than in either.
//!
//! The library is looked for, in order: an explicit path (a config key),
//! the `ORT_DYLIB_PATH` environment variable, then the project's own fetched
//! copy (`scripts/fetch-ort`, `target/tools/onnxruntime[-gpu]/`) beside the
//! current directory or the executable.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use ort;

/// The ONNX Runtime release `scripts/fetch-ort` installs.
pub const ORT_VERSION: &str = "1.31.1";

/// Which build of the library to look for in `target/tools`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Cpu,
    Cuda,
}

static LOADED: OnceLock<Result<(PathBuf, ort::environment::Environment), String>> = OnceLock::new();

/// Where the ONNX Runtime library would be taken from, without loading it.
/// `key` names the explicit setting in errors (`ort_library`).
pub fn locate(explicit: Option<&Path>, key: &str, flavor: Flavor) -> Result<PathBuf, String> {
    if let Some(p) = explicit {
        return exists(p, key);
    }
    if let Some(p) = std::env::var_os("ORT_DYLIB_PATH") {
        return exists(Path::new(&p), "ORT_DYLIB_PATH");
    }
    let sub = match flavor {
        Flavor::Cpu => "onnxruntime",
        Flavor::Cuda => "onnxruntime-gpu",
    };
    let file = format!("libonnxruntime.so.{ORT_VERSION}");
    let mut bases: Vec<PathBuf> = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        bases.push(cwd);
    }
    if let Ok(exe) = std::env::current_exe() {
        // target/{debug,release}/cordon -> the workspace root is two levels up
        // (three for target/debug/deps/<test>, four for examples).
        for dir in exe.ancestors().skip(1).take(4) {
            bases.push(dir.to_path_buf());
        }
    }
    for base in &bases {
        let p = base.join("target/tools").join(sub).join(&file);
        if p.is_file() {
            return Ok(p);
        }
    }
    let fetch = match flavor {
        Flavor::Cpu => "scripts/fetch-ort",
        Flavor::Cuda => "scripts/fetch-ort --cuda",
    };
    Err(format!(
        "ONNX Runtime {ORT_VERSION} not found: set `{key}` or ORT_DYLIB_PATH, or run `{fetch}`"
    ))
}

fn exists(p: &Path, what: &str) -> Result<PathBuf, String> {
    if p.is_file() {
        Ok(p.to_path_buf())
    } else {
        Err(format!("{what}: no ONNX Runtime library at {}", p.display()))
    }
}

/// The process's environment, loaded from `path` by the first caller.
pub struct Loaded {
    pub environment: ort::environment::Environment,
    /// Set when the library was already loaded from another file: that one
    /// is used (a process cannot hold two), and the caller may say so.
    pub other_file: Option<PathBuf>,
}

/// Loads the library (once per process) and returns the environment.
pub fn environment(path: &Path) -> Result<Loaded, String> {
    let loaded = LOADED.get_or_init(|| {
        let env = ort::init_from(path)
            .map_err(|e| format!("loading ONNX Runtime from {}: {e}", path.display()))?
            .with_name("cordon")
            .build()
            .map_err(|e| format!("creating the ONNX Runtime environment: {e}"))?;
        Ok((path.to_path_buf(), env))
    });
    match loaded {
        Ok((first, env)) => Ok(Loaded {
            environment: env.clone(),
            other_file: (first != path).then(|| first.clone()),
        }),
        Err(e) => Err(e.clone()),
    }
}
