//! At-rest sealing of ticket content: XChaCha20-Poly1305 under a per-ticket data key, the data
//! keys wrapped by one master key. Destroying a ticket's key shreds every copy of its content,
//! backups included.
//!
//! The store's content functions keep their signatures: [`crate::store::Store`] makes its
//! sealer current on the thread that runs each database closure ([`scoped`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

const NONCE_LEN: usize = 24;
const KEY_LEN: usize = 32;
pub const MASTER_KEY_FILE: &str = "sealing.key";
/// Unwrapped data keys kept in memory; the cache starts over when full.
const KEY_CACHE_SIZE: usize = 4096;

/// `[sealing]`: where the master key comes from and whether new content is sealed.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SealingConfig {
    /// Seal new message bodies and attachments (reading sealed content works either way).
    pub enabled: bool,
    /// The master key, 64 hex digits (for example from `HUSHDESK_SEALING__MASTER_KEY`).
    pub master_key: Option<String>,
    /// A file holding the master key as 64 hex digits; `sealing.key` in the data directory
    /// (created with mode 0600 on first start) when neither this nor `master_key` is set.
    pub master_key_file: Option<PathBuf>,
}

impl Default for SealingConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            master_key: None,
            master_key_file: None,
        }
    }
}

impl SealingConfig {
    /// The file the master key is read from (when `master_key` is not set).
    pub fn key_file(&self, data_dir: &Path) -> PathBuf {
        self.master_key_file
            .clone()
            .unwrap_or_else(|| data_dir.join(MASTER_KEY_FILE))
    }
}

impl std::fmt::Debug for SealingConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealingConfig")
            .field("enabled", &self.enabled)
            .field(
                "master_key",
                &self.master_key.as_ref().map(|_| "<redacted>"),
            )
            .field("master_key_file", &self.master_key_file)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("sealed content could not be opened (wrong master key or damaged data)")]
    Open,
    #[error("sealed content is too short")]
    Truncated,
    #[error("master key must be 64 hex digits")]
    BadMasterKey,
    #[error("sealed content needs the master key, and this store was opened without one")]
    NoSealer,
    #[error("master key file {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error(
        "no master key file at {0}, and this database already holds sealed content: point \
         data_dir, [sealing] master_key_file or master_key at the key it was created with"
    )]
    Missing(PathBuf),
}

/// A ticket's data key, in memory only while in use (and in the sealer's cache until the
/// ticket's key is destroyed).
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
    pub fn generate() -> Self {
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        rand::rngs::OsRng.fill_bytes(k.as_mut());
        Self(k)
    }

    /// Seals `plain`; the result is nonce ‖ ciphertext ‖ tag.
    pub fn seal(&self, aad: &[u8], plain: &[u8]) -> Vec<u8> {
        seal_with(&self.0, aad, plain)
    }

    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        open_with(&self.0, aad, sealed)
    }
}

fn seal_with(key: &[u8; KEY_LEN], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let mut out = Vec::with_capacity(NONCE_LEN + plain.len() + 16);
    out.extend_from_slice(&nonce);
    // Encryption with a valid key and nonce length cannot fail; an empty result would only
    // make the content unreadable, never leak it.
    if let Ok(ct) = cipher.encrypt(&XNonce::from(nonce), Payload { msg: plain, aad }) {
        out.extend_from_slice(&ct);
    }
    out
}

fn open_with(key: &[u8; KEY_LEN], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, SealError> {
    if sealed.len() < NONCE_LEN + 16 {
        return Err(SealError::Truncated);
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| SealError::Truncated)?;
    XChaCha20Poly1305::new(&Key::from(*key))
        .decrypt(&XNonce::from(nonce), Payload { msg: ct, aad })
        .map_err(|_| SealError::Open)
}

/// The master key, the switch for sealing new content, and a cache of unwrapped data keys
/// (so reading a ticket costs no key-table lookup). Destroying keys empties the cache and
/// moves its generation on; a key read from the table before that is not cached afterwards.
pub struct Sealer {
    master: Zeroizing<[u8; KEY_LEN]>,
    enabled: bool,
    cache: Mutex<KeyCache>,
}

#[derive(Default)]
struct KeyCache {
    generation: u64,
    keys: HashMap<i64, DataKey>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sealer")
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

impl Sealer {
    pub fn new(master: [u8; KEY_LEN], enabled: bool) -> Self {
        Self {
            master: Zeroizing::new(master),
            enabled,
            cache: Mutex::new(KeyCache::default()),
        }
    }

    /// Master key from config, then the configured file, then `sealing.key` in `data_dir`
    /// (generated on first start, mode 0600). `may_create` is false when the database already
    /// holds sealed content: a missing key file is then an error, not a new key.
    pub fn from_config(
        config: &SealingConfig,
        data_dir: &Path,
        may_create: bool,
    ) -> Result<Self, SealError> {
        if let Some(hex) = &config.master_key {
            return Ok(Self::new(parse_key(hex)?, config.enabled));
        }
        let path = config.key_file(data_dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Self::new(parse_key(&text)?, config.enabled)),
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && config.master_key_file.is_none()
                    && !may_create =>
            {
                Err(SealError::Missing(path))
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound && config.master_key_file.is_none() =>
            {
                let mut key = [0u8; KEY_LEN];
                rand::rngs::OsRng.fill_bytes(&mut key);
                std::fs::create_dir_all(data_dir).map_err(|e| SealError::Io(path.clone(), e))?;
                let text = Zeroizing::new(hex::encode(key));
                crate::write_private(&path, text.as_bytes())
                    .map_err(|e| SealError::Io(path.clone(), e))?;
                Ok(Self::new(key, config.enabled))
            }
            Err(e) => Err(SealError::Io(path, e)),
        }
    }

    /// Whether new content is sealed.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Wraps a ticket's data key for the key table; bound to the ticket id.
    pub fn wrap(&self, ticket_id: i64, key: &DataKey) -> Vec<u8> {
        seal_with(&self.master, &wrap_aad(ticket_id), key.0.as_ref())
    }

    /// A keyed pseudonym of `value` within `context`: HMAC-SHA256 under a key derived from the
    /// master key, 16 hex digits. Stable for one master key, meaningless without it, and
    /// unlinkable across contexts.
    pub fn pseudonym(&self, context: &str, value: i64) -> String {
        use hmac::{Hmac, Mac};
        type H = Hmac<sha2::Sha256>;
        let derived = <H as Mac>::new_from_slice(self.master.as_ref())
            .map(|mut m| {
                m.update(b"hushdesk/pseudonym/v1");
                m.finalize().into_bytes()
            })
            .unwrap_or_default();
        let Ok(mut mac) = <H as Mac>::new_from_slice(&derived) else {
            return format!("u{value}");
        };
        mac.update(context.as_bytes());
        mac.update(b"\0");
        mac.update(&value.to_be_bytes());
        hex::encode(&mac.finalize().into_bytes()[..8])
    }

    pub fn unwrap(&self, ticket_id: i64, wrapped: &[u8]) -> Result<DataKey, SealError> {
        let plain = Zeroizing::new(open_with(&self.master, &wrap_aad(ticket_id), wrapped)?);
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        if plain.len() != KEY_LEN {
            return Err(SealError::Open);
        }
        k.copy_from_slice(&plain);
        Ok(DataKey(k))
    }
}

impl Sealer {
    fn cache(&self) -> std::sync::MutexGuard<'_, KeyCache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cache's generation; take it before reading a key from the table.
    pub fn key_generation(&self) -> u64 {
        self.cache().generation
    }

    /// A cached data key.
    pub fn cached_key(&self, ticket_id: i64) -> Option<DataKey> {
        self.cache().keys.get(&ticket_id).cloned()
    }

    /// Caches a key read (or created) while the cache was at `generation`; a key destroyed
    /// since then is not cached.
    pub fn remember_key(&self, ticket_id: i64, key: &DataKey, generation: u64) {
        let mut c = self.cache();
        if c.generation != generation {
            return;
        }
        if c.keys.len() >= KEY_CACHE_SIZE {
            c.keys.clear();
        }
        c.keys.insert(ticket_id, key.clone());
    }

    /// Caches the key just created for a ticket, over anything cached for that id.
    pub fn replace_key(&self, ticket_id: i64, key: &DataKey) {
        let mut c = self.cache();
        if c.keys.len() >= KEY_CACHE_SIZE {
            c.keys.clear();
        }
        c.keys.insert(ticket_id, key.clone());
    }

    /// Forgets every cached key (called when keys are destroyed, and again once the purge
    /// that destroyed them has committed).
    pub fn forget_keys(&self) {
        let mut c = self.cache();
        c.generation += 1;
        c.keys.clear();
    }
}

fn wrap_aad(ticket_id: i64) -> Vec<u8> {
    format!("hushdesk/ticket-key/v1/{ticket_id}").into_bytes()
}

/// Associated data of one attachment's content: which ticket key, which transaction.
pub fn attachment_aad(ticket_id: i64, transaction_id: i64) -> Vec<u8> {
    format!("hushdesk/attachment/v1/{ticket_id}/{transaction_id}").into_bytes()
}

fn parse_key(text: &str) -> Result<[u8; KEY_LEN], SealError> {
    let bytes = Zeroizing::new(hex::decode(text.trim()).map_err(|_| SealError::BadMasterKey)?);
    let mut key = [0u8; KEY_LEN];
    if bytes.len() != KEY_LEN {
        return Err(SealError::BadMasterKey);
    }
    key.copy_from_slice(&bytes);
    Ok(key)
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Sealer>>> = const { RefCell::new(None) };
}

struct Restore(Option<Arc<Sealer>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let prev = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = prev);
    }
}

/// Runs `f` with `sealer` as this thread's current sealer.
pub fn scoped<T>(sealer: Option<&Arc<Sealer>>, f: impl FnOnce() -> T) -> T {
    let prev = CURRENT.with(|c| c.replace(sealer.cloned()));
    let _restore = Restore(prev);
    f()
}

/// The sealer of the store whose closure runs on this thread, if any.
pub fn current() -> Option<Arc<Sealer>> {
    CURRENT.with(|c| c.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_and_open_round_trip_and_bind_associated_data() {
        let k = DataKey::generate();
        let sealed = k.seal(b"a", b"canary text");
        assert!(!sealed.windows(6).any(|w| w == b"canary"));
        assert_eq!(k.open(b"a", &sealed).unwrap(), b"canary text");
        assert!(matches!(k.open(b"b", &sealed), Err(SealError::Open)));
        assert!(matches!(
            DataKey::generate().open(b"a", &sealed),
            Err(SealError::Open)
        ));
        assert!(matches!(
            k.open(b"a", &sealed[..10]),
            Err(SealError::Truncated)
        ));
    }

    #[test]
    fn key_cache_forgets_destroyed_keys_and_refuses_reads_from_before() {
        let s = Sealer::new([7u8; KEY_LEN], true);
        let k = DataKey::generate();
        let g = s.key_generation();
        s.remember_key(5, &k, g);
        assert_eq!(s.cached_key(5).map(|c| c.0.to_vec()), Some(k.0.to_vec()));
        // A purge destroys keys: the cache empties, and a key read before it is not cached.
        s.forget_keys();
        assert!(s.cached_key(5).is_none());
        s.remember_key(5, &k, g);
        assert!(s.cached_key(5).is_none());
        s.remember_key(5, &k, s.key_generation());
        assert!(s.cached_key(5).is_some());
        // A key created for an id replaces whatever a rolled-back transaction left cached.
        let fresh = DataKey::generate();
        s.replace_key(5, &fresh);
        assert_eq!(
            s.cached_key(5).map(|c| c.0.to_vec()),
            Some(fresh.0.to_vec())
        );
    }

    #[test]
    fn wrapped_keys_open_only_with_the_master_key_and_ticket() {
        let s = Sealer::new([7u8; 32], true);
        let k = DataKey::generate();
        let w = s.wrap(5, &k);
        let back = s.unwrap(5, &w).unwrap();
        assert_eq!(back.0.as_ref(), k.0.as_ref());
        assert!(s.unwrap(6, &w).is_err());
        assert!(Sealer::new([8u8; 32], true).unwrap(5, &w).is_err());
    }

    #[test]
    fn master_key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = SealingConfig::default();
        let a = Sealer::from_config(&cfg, dir.path(), true).unwrap();
        let path = dir.path().join(MASTER_KEY_FILE);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let b = Sealer::from_config(&cfg, dir.path(), true).unwrap();
        assert_eq!(a.master.as_ref(), b.master.as_ref());
        let bad = SealingConfig {
            master_key: Some("abcd".into()),
            ..SealingConfig::default()
        };
        assert!(matches!(
            Sealer::from_config(&bad, dir.path(), true),
            Err(SealError::BadMasterKey)
        ));
        let missing = SealingConfig {
            master_key_file: Some(dir.path().join("nope")),
            ..SealingConfig::default()
        };
        assert!(matches!(
            Sealer::from_config(&missing, dir.path(), true),
            Err(SealError::Io(..))
        ));
        // A database with sealed content and no key here: refused, and no key is made.
        let elsewhere = tempfile::tempdir().unwrap();
        assert!(matches!(
            Sealer::from_config(&cfg, elsewhere.path(), false),
            Err(SealError::Missing(p)) if p == elsewhere.path().join(MASTER_KEY_FILE)
        ));
        assert!(!elsewhere.path().join(MASTER_KEY_FILE).exists());
        // The key that exists is still read when creating is not allowed.
        let c = Sealer::from_config(&cfg, dir.path(), false).unwrap();
        assert_eq!(a.master.as_ref(), c.master.as_ref());
    }

    #[test]
    fn scoped_sets_and_restores_the_current_sealer() {
        assert!(current().is_none());
        let s = Arc::new(Sealer::new([1u8; 32], false));
        scoped(Some(&s), || {
            assert!(current().is_some_and(|c| !c.enabled()));
            scoped(None, || assert!(current().is_none()));
            assert!(current().is_some());
        });
        assert!(current().is_none());
    }
}
