//! The `[openpgp]` configuration section.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct OpenPgpConfig {
    /// Passphrase unlocking the queues' secret keys (one for all queues), when they are locked.
    /// Also used to lock keys made by `hushdesk key generate`.
    pub passphrase: Option<String>,
    /// Learn users' public keys from the mail they send (attached keys, Autocrypt, pasted blocks).
    pub learn_keys: bool,
}

impl Default for OpenPgpConfig {
    fn default() -> Self {
        Self {
            passphrase: None,
            learn_keys: true,
        }
    }
}

/// The passphrase of the running configuration: mail-in calls [`super::open_incoming`] without
/// the config at hand, so the server installs it here at start.
static PASSPHRASE: parking_lot::RwLock<Option<String>> = parking_lot::RwLock::new(None);

pub fn install(config: &OpenPgpConfig) {
    if config.passphrase.is_some() {
        *PASSPHRASE.write() = config.passphrase.clone();
    }
}

pub fn passphrase() -> Option<String> {
    PASSPHRASE.read().clone()
}
