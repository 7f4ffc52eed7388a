//! Finding and loading ONNX Runtime: the engine's side of [`cordon_onnx`],
//! which holds the one environment a process may have (the detectors'
//! learned recognizer shares it).
//!
//! The library is looked for, in order: the `ort_library` option, the
//! `ORT_DYLIB_PATH` environment variable, then the project's own fetched copy
//! (`scripts/fetch-ort`, `target/tools/onnxruntime[-gpu]/`) beside the current
//! directory or the executable. One process loads one library, once.

use std::path::{Path, PathBuf};

use crate::{Device, Error};

pub use cordon_onnx::ORT_VERSION;

/// Where the ONNX Runtime library would be taken from, without loading it.
pub fn locate(explicit: Option<&Path>, device: Device) -> Result<PathBuf, Error> {
    let flavor = match device {
        Device::Cpu => cordon_onnx::Flavor::Cpu,
        Device::Cuda => cordon_onnx::Flavor::Cuda,
    };
    cordon_onnx::locate(explicit, "ort_library", flavor).map_err(Error::Runtime)
}

/// Loads the library (once per process) and returns the environment.
pub fn environment(path: &Path) -> Result<ort::environment::Environment, Error> {
    let loaded = cordon_onnx::environment(path).map_err(Error::Runtime)?;
    if let Some(first) = &loaded.other_file {
        tracing::warn!(
            loaded = %first.display(),
            requested = %path.display(),
            "ONNX Runtime is already loaded from another file; using it"
        );
    }
    Ok(loaded.environment)
}
