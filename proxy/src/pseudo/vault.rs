//! The conversation vault: each conversation's mapping, so that later turns
//! reuse the placeholders of earlier ones.
//!
//! In memory only, never on disk. Entries are keyed by an HMAC of the
//! conversation prefix and sealed with ChaCha20-Poly1305 under a key made at
//! start (so a memory dump of the map alone reveals nothing, and nothing
//! survives a restart). Each entry lives `ttl` after its last use; the map
//! holds at most `max` conversations, the least recently used go first.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::Mapping;

type Key = [u8; 32];

struct Sealed {
    expires: Instant,
    nonce: [u8; NONCE_LEN],
    data: Vec<u8>,
}

pub struct Vault {
    aead: LessSafeKey,
    mac_key: Zeroizing<[u8; 32]>,
    rng: SystemRandom,
    ttl: Duration,
    max: usize,
    map: Mutex<HashMap<Key, Sealed>>,
}

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("the vault could not draw random bytes")]
    Random,
    #[error("the vault key could not be made")]
    Key,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("ttl", &self.ttl)
            .field("max", &self.max)
            .finish()
    }
}

impl Vault {
    pub fn new(ttl: Duration, max: usize) -> Result<Vault, VaultError> {
        let rng = SystemRandom::new();
        let mut k = Zeroizing::new([0u8; 32]);
        rng.fill(&mut k[..]).map_err(|_| VaultError::Random)?;
        let aead = LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &k[..]).map_err(|_| VaultError::Key)?);
        let mut mac_key = Zeroizing::new([0u8; 32]);
        rng.fill(&mut mac_key[..]).map_err(|_| VaultError::Random)?;
        Ok(Vault {
            aead,
            mac_key,
            rng,
            ttl,
            max: max.max(1),
            map: Mutex::new(HashMap::new()),
        })
    }

    /// The key of a conversation (see [`super::conversation_prefix`]).
    pub fn key(&self, prefix: &[u8]) -> Option<Key> {
        // HMAC takes keys of any length: this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.mac_key[..]).ok()?;
        mac.update(prefix);
        Some(mac.finalize().into_bytes().into())
    }

    pub fn len(&self) -> usize {
        self.map.lock().map(|m| m.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The conversation's mapping, if it is known and not expired.
    pub fn get(&self, key: &Key) -> Option<Mapping> {
        let now = Instant::now();
        let sealed = {
            let mut map = self.map.lock().ok()?;
            match map.get(key) {
                Some(s) if s.expires > now => (s.nonce, s.data.clone()),
                Some(_) => {
                    map.remove(key);
                    return None;
                }
                None => return None,
            }
        };
        let (nonce, data) = sealed;
        let mut buf = Zeroizing::new(data);
        let plain = self
            .aead
            .open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(&key[..]), &mut buf)
            .ok()?;
        let rows: Vec<[String; 4]> = serde_json::from_slice(plain).ok()?;
        let mut mapping = Mapping::default();
        for [entity, canonical, original, placeholder] in rows {
            let (canonical, original) = (Zeroizing::new(canonical), Zeroizing::new(original));
            mapping.push(entity, canonical.to_string(), original.to_string(), placeholder);
        }
        Some(mapping)
    }

    /// Stores (or refreshes) the conversation's mapping.
    pub fn put(&self, key: Key, mapping: &Mapping) {
        if mapping.is_empty() {
            return;
        }
        let rows: Vec<[&str; 4]> = mapping
            .entries
            .iter()
            .map(|e| {
                [
                    e.entity.as_str(),
                    e.canonical.as_str(),
                    e.original.as_str(),
                    e.placeholder.as_str(),
                ]
            })
            .collect();
        let Ok(plain) = serde_json::to_vec(&rows) else { return };
        let mut buf = Zeroizing::new(plain);
        let mut nonce = [0u8; NONCE_LEN];
        if self.rng.fill(&mut nonce).is_err() {
            return;
        }
        let Ok(tag) =
            self.aead
                .seal_in_place_separate_tag(Nonce::assume_unique_for_key(nonce), Aad::from(&key[..]), &mut buf)
        else {
            return;
        };
        let mut data = std::mem::take(&mut *buf);
        data.extend_from_slice(tag.as_ref());
        let now = Instant::now();
        let Ok(mut map) = self.map.lock() else { return };
        if map.len() >= self.max && !map.contains_key(&key) {
            map.retain(|_, s| s.expires > now);
            while map.len() >= self.max {
                let oldest = map.iter().min_by_key(|(_, s)| s.expires).map(|(k, _)| *k);
                match oldest {
                    Some(k) => map.remove(&k),
                    None => break,
                };
            }
        }
        map.insert(
            key,
            Sealed {
                expires: now + self.ttl,
                nonce,
                data,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(values: &[(&str, &str)]) -> Mapping {
        let mut m = Mapping::default();
        for (i, (entity, v)) in values.iter().enumerate() {
            m.push(
                entity.to_string(),
                v.to_lowercase(),
                v.to_string(),
                format!("[{entity}_{}]", i + 1),
            );
        }
        m
    }

    #[test]
    fn round_trip_sealed_and_bound_to_its_key() {
        let v = Vault::new(Duration::from_secs(60), 10).unwrap();
        let k = v.key(b"conversation one").unwrap();
        v.put(k, &mapping(&[("PERSON", "Jane Roe"), ("EMAIL", "jane@roe.example")]));
        let back = v.get(&k).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back.entries[1].placeholder, "[EMAIL_2]");
        assert_eq!(&*back.entries[0].original, "Jane Roe");
        // Sealed: the plaintext is not in memory as stored.
        let map = v.map.lock().unwrap();
        let stored = &map.get(&k).unwrap().data;
        assert!(!stored.windows(8).any(|w| w == b"Jane Roe"));
        drop(map);
        // Another key cannot open it (the key is the associated data).
        let other = v.key(b"conversation two").unwrap();
        assert!(v.get(&other).is_none());
        {
            let mut map = v.map.lock().unwrap();
            let s = map.remove(&k).unwrap();
            map.insert(other, s);
        }
        assert!(
            v.get(&other).is_none(),
            "a sealed entry moved to another key does not open"
        );
    }

    #[test]
    fn ttl_and_size_bound() {
        let v = Vault::new(Duration::from_millis(30), 3).unwrap();
        for i in 0..5u8 {
            v.put(v.key(&[i]).unwrap(), &mapping(&[("PERSON", "A B")]));
        }
        assert_eq!(v.len(), 3);
        assert!(v.get(&v.key(&[0]).unwrap()).is_none(), "the oldest went first");
        assert!(v.get(&v.key(&[4]).unwrap()).is_some());
        std::thread::sleep(Duration::from_millis(60));
        assert!(v.get(&v.key(&[4]).unwrap()).is_none(), "expired");
    }
}
