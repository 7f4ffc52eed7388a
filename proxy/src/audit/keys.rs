//! Keys: the Ed25519 checkpoint signing key (a file, created with mode 0600
//! on first start) and the HMAC key for fingerprints (from the environment).

use std::io::Write;
use std::path::Path;

use ed25519_dalek::{SigningKey, VerifyingKey};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};

use super::AuditError;

/// Loads the signing key (32 raw bytes, or 64 hex characters), creating it
/// if the file does not exist.
pub fn load_or_create(path: &Path) -> Result<SigningKey, AuditError> {
    match std::fs::read(path) {
        Ok(bytes) => parse(&bytes).ok_or_else(|| AuditError::Key(format!("{} is not an Ed25519 key", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(e) => Err(AuditError::Key(format!("cannot read {}: {e}", path.display()))),
    }
}

fn parse(bytes: &[u8]) -> Option<SigningKey> {
    let text = std::str::from_utf8(bytes).ok().map(str::trim);
    let raw: [u8; 32] = match text.and_then(|t| hex::decode(t).ok()) {
        Some(v) => v.try_into().ok()?,
        None => bytes.try_into().ok()?,
    };
    Some(SigningKey::from_bytes(&raw))
}

fn create(path: &Path) -> Result<SigningKey, AuditError> {
    use std::os::unix::fs::OpenOptionsExt;
    let key = SigningKey::generate(&mut rand_core::OsRng);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| AuditError::Key(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| AuditError::Key(format!("cannot create {}: {e}", path.display())))?;
    f.write_all(hex::encode(key.to_bytes()).as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| AuditError::Key(format!("cannot write {}: {e}", path.display())))?;
    tracing::info!(path = %path.display(), "created the audit signing key");
    Ok(key)
}

/// Reads a public key: 64 hex characters, or a signing key file (whose
/// public half is taken).
pub fn load_public(path: &Path) -> Result<VerifyingKey, AuditError> {
    let bytes = std::fs::read(path).map_err(|e| AuditError::Key(format!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim().trim_start_matches("ed25519:");
    let raw: [u8; 32] = hex::decode(text)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| AuditError::Key(format!("{} holds no Ed25519 key", path.display())))?;
    // A file written by `cordon audit pubkey` starts with "ed25519:".
    if String::from_utf8_lossy(&bytes).trim().starts_with("ed25519:") {
        VerifyingKey::from_bytes(&raw).map_err(|e| AuditError::Key(e.to_string()))
    } else {
        Ok(SigningKey::from_bytes(&raw).verifying_key())
    }
}

/// Parses `ed25519:<hex>`, as `cordon audit pubkey` prints it.
pub fn parse_public(text: &str) -> Result<VerifyingKey, AuditError> {
    crate::config::audit::parse_public_key(text).map_err(AuditError::Key)
}

/// `ed25519:<hex>`, as `cordon audit pubkey` prints it.
pub fn public_text(key: &VerifyingKey) -> String {
    format!("ed25519:{}", hex::encode(key.to_bytes()))
}

/// HMAC-SHA256 of a value under the trail's key, hex. The same value always
/// gives the same fingerprint under one key; without the key it reveals
/// nothing about the value.
pub fn fingerprint(key: &SecretString, value: &str) -> String {
    // HMAC accepts keys of any length; new_from_slice cannot fail.
    let mut mac = match Hmac::<sha2::Sha256>::new_from_slice(key.expose_secret().as_bytes()) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(value.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_with_mode_0600_and_reloads() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k/audit.ed25519");
        let a = load_or_create(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let b = load_or_create(&path).unwrap();
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert_eq!(load_public(&path).unwrap(), a.verifying_key());
        let pubfile = dir.path().join("pub");
        std::fs::write(&pubfile, public_text(&a.verifying_key())).unwrap();
        assert_eq!(load_public(&pubfile).unwrap(), a.verifying_key());
    }

    #[test]
    fn fingerprints_are_keyed() {
        let k1 = SecretString::from("key-one");
        let k2 = SecretString::from("key-two");
        assert_eq!(fingerprint(&k1, "123-45-6789"), fingerprint(&k1, "123-45-6789"));
        assert_ne!(fingerprint(&k1, "123-45-6789"), fingerprint(&k2, "123-45-6789"));
        assert!(!fingerprint(&k1, "123-45-6789").contains("6789"));
    }
}
