//! Finding and loading ONNX Runtime (`ort` with `load-dynamic`).
//!
//! The library is looked for, in order: the `ort_library` option, the
//! `ORT_DYLIB_PATH` environment variable, then the project's own fetched copy
//! (`scripts/fetch-ort`, `target/tools/onnxruntime[-gpu]/`) beside the current
//! directory or the executable. One process loads one library, once.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::{Device, Error};

pub const ORT_VERSION: &str = "1.31.1";

static LOADED: OnceLock<Result<(PathBuf, ort::environment::Environment), String>> = OnceLock::new();

/// Where the ONNX Runtime library would be taken from, without loading it.
pub fn locate(explicit: Option<&Path>, device: Device) -> Result<PathBuf, Error> {
    if let Some(p) = explicit {
        return exists(p, "ort_library");
    }
    if let Some(p) = std::env::var_os("ORT_DYLIB_PATH") {
        return exists(Path::new(&p), "ORT_DYLIB_PATH");
    }
    let sub = match device {
        Device::Cpu => "onnxruntime",
        Device::Cuda => "onnxruntime-gpu",
    };
    let file = format!("libonnxruntime.so.{ORT_VERSION}");
    let mut bases: Vec<PathBuf> = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        bases.push(cwd);
    }
    if let Ok(exe) = std::env::current_exe() {
        // target/{debug,release}/cordon -> the workspace root is two levels up.
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
    let fetch = match device {
        Device::Cpu => "scripts/fetch-ort",
        Device::Cuda => "scripts/fetch-ort --cuda",
    };
    Err(Error::Runtime(format!(
        "ONNX Runtime {ORT_VERSION} not found: set `ort_library` or ORT_DYLIB_PATH, or run `{fetch}`"
    )))
}

fn exists(p: &Path, what: &str) -> Result<PathBuf, Error> {
    if p.is_file() {
        Ok(p.to_path_buf())
    } else {
        Err(Error::Runtime(format!(
            "{what}: no ONNX Runtime library at {}",
            p.display()
        )))
    }
}

/// Loads the library (once per process) and returns the environment.
pub fn environment(path: &Path) -> Result<ort::environment::Environment, Error> {
    let loaded = LOADED.get_or_init(|| {
        let env = ort::init_from(path)
            .map_err(|e| format!("loading ONNX Runtime from {}: {e}", path.display()))?
            .with_name("cordon-engine")
            .build()
            .map_err(|e| format!("creating the ONNX Runtime environment: {e}"))?;
        Ok((path.to_path_buf(), env))
    });
    match loaded {
        Ok((first, env)) => {
            if first != path {
                tracing::warn!(
                    loaded = %first.display(),
                    requested = %path.display(),
                    "ONNX Runtime is already loaded from another file; using it"
                );
            }
            Ok(env.clone())
        }
        Err(e) => Err(Error::Runtime(e.clone())),
    }
}
