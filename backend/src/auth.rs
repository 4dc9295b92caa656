//! Credentials: argon2 passwords, hashed API tokens, Basic-auth cache, and app session JWTs.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use jsonwebtoken::{DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    hex::encode(buf)
}

/// SHA-256 of a token's full text; tokens are long random strings, so a fast hash suffices.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// RT's token form: `<token id>-<owner id>-<32 hex>`.
pub fn format_token(id: i64, owner: i64, secret: &str) -> String {
    format!("{id}-{owner}-{secret}")
}

/// Splits a presented token into (token id, owner id).
pub fn parse_token(token: &str) -> Option<(i64, i64)> {
    let mut it = token.trim().splitn(3, '-');
    let id = it.next()?.parse().ok()?;
    let owner = it.next()?.parse().ok()?;
    let secret = it.next()?;
    (secret.len() == 32 && secret.bytes().all(|b| b.is_ascii_hexdigit())).then_some((id, owner))
}

pub fn hashes_equal(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// Remembers recently verified Basic credentials (by a hash of name and password) so a
/// client sending Basic on every request pays the password hash once per window.
#[derive(Debug)]
pub struct BasicCache {
    ttl: Duration,
    entries: parking_lot::Mutex<HashMap<[u8; 32], (i64, Instant)>>,
}

const BASIC_CACHE_MAX: usize = 10_000;

impl BasicCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: parking_lot::Mutex::new(HashMap::new()),
        }
    }

    fn key(user: &str, password: &str) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(user.as_bytes());
        h.update([0u8]);
        h.update(password.as_bytes());
        h.finalize().into()
    }

    pub fn get(&self, user: &str, password: &str) -> Option<i64> {
        let key = Self::key(user, password);
        let mut map = self.entries.lock();
        match map.get(&key) {
            Some((id, at)) if at.elapsed() < self.ttl => Some(*id),
            Some(_) => {
                map.remove(&key);
                None
            }
            None => None,
        }
    }

    pub fn put(&self, user: &str, password: &str, id: i64) {
        let mut map = self.entries.lock();
        if map.len() >= BASIC_CACHE_MAX {
            let ttl = self.ttl;
            map.retain(|_, (_, at)| at.elapsed() < ttl);
            if map.len() >= BASIC_CACHE_MAX {
                map.clear();
            }
        }
        map.insert(Self::key(user, password), (id, Instant::now()));
    }

    /// Forgets everything (after a password change or a user being disabled).
    pub fn clear(&self) {
        self.entries.lock().clear();
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct SessionClaims {
    pub sub: i64,
    pub exp: i64,
    pub iat: i64,
}

pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl std::fmt::Debug for SessionKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKeys(..)")
    }
}

impl SessionKeys {
    pub fn new(secret: &[u8]) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    pub fn issue(
        &self,
        user: i64,
        now: i64,
        minutes: i64,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        jsonwebtoken::encode(
            &Header::default(),
            &SessionClaims {
                sub: user,
                iat: now,
                exp: now + minutes * 60,
            },
            &self.encoding,
        )
    }

    /// The user id of a valid, unexpired session token.
    pub fn check(&self, token: &str) -> Option<i64> {
        let v = Validation::default();
        jsonwebtoken::decode::<SessionClaims>(token, &self.decoding, &v)
            .ok()
            .map(|d| d.claims.sub)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_parse_only_in_rt_form() {
        let secret = random_hex(16);
        let t = format_token(7, 3, &secret);
        assert_eq!(parse_token(&t), Some((7, 3)));
        assert_eq!(parse_token("7-3-short"), None);
        assert_eq!(parse_token("x-3-0123456789abcdef0123456789abcdef"), None);
    }

    #[test]
    fn passwords_verify() {
        let h = hash_password("s3cret").unwrap();
        assert!(verify_password("s3cret", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("s3cret", "not a hash"));
    }

    #[test]
    fn basic_cache_expires() {
        let c = BasicCache::new(Duration::from_millis(0));
        c.put("root", "pw", 3);
        assert_eq!(c.get("root", "pw"), None);
        let c = BasicCache::new(Duration::from_secs(60));
        c.put("root", "pw", 3);
        assert_eq!(c.get("root", "pw"), Some(3));
        assert_eq!(c.get("root", "other"), None);
    }

    #[test]
    fn sessions_round_trip() {
        let k = SessionKeys::new(b"0123456789abcdef0123456789abcdef");
        let now = chrono::DateTime::parse_from_rfc3339("2030-01-01T00:00:00Z")
            .unwrap()
            .timestamp();
        let t = k.issue(5, now, 10).unwrap();
        assert_eq!(k.check(&t), Some(5));
        assert_eq!(k.check("garbage"), None);
    }
}
