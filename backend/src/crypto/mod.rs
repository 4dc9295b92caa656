//! OpenPGP for mail: decrypting and verifying what comes in, signing and encrypting what goes
//! out, and the key store. Sequoia sits behind small synchronous functions in [`pgp`]; this
//! module ties them to queues, users and transactions.

pub mod config;
pub mod incoming;
pub mod keys;
pub mod learn;
pub mod pgp;

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use serde::{Deserialize, Serialize};

use crate::store::DbConn;

pub use config::OpenPgpConfig;

/// What happened to the encryption of an incoming message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum EncryptionStatus {
    /// The message was not encrypted.
    None,
    /// It was encrypted and is now decrypted.
    Decrypted,
    /// It was encrypted and could not be decrypted; the message is kept as received.
    Undecryptable { reason: String },
}

/// What the signature on an incoming message says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureStatus {
    /// Not signed.
    None,
    /// Verified against a stored key that is valid now.
    Good { fingerprint: String },
    /// The signature does not match the content (or is malformed).
    Bad { reason: String },
    /// Signed by a key we do not hold.
    UnknownKey { issuer: String },
    /// Signed by a key that has expired.
    Expired { fingerprint: String },
    /// Signed by a key that has been revoked.
    Revoked { fingerprint: String },
}

/// An incoming message after decryption and verification.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The complete RFC 5322 message: the original outer headers and the decrypted body when it
    /// was encrypted (PGP/MIME, inline armored blocks in text parts, `.gpg`/`.pgp`/`.asc`
    /// attachments); otherwise the input unchanged. The protected Subject, when present,
    /// replaces the outer one.
    pub message: Vec<u8>,
    pub encryption: EncryptionStatus,
    pub signature: SignatureStatus,
    /// The Subject from protected headers (encrypted part), when there was one.
    pub protected_subject: Option<String>,
    /// Fingerprints of the queue keys that decrypted the message.
    pub decrypted_with: Vec<String>,
}

impl Opened {
    /// The message as received, with no OpenPGP content.
    pub fn plain(raw: &[u8]) -> Self {
        Self {
            message: raw.to_vec(),
            encryption: EncryptionStatus::None,
            signature: SignatureStatus::None,
            protected_subject: None,
            decrypted_with: Vec::new(),
        }
    }

    /// True when any OpenPGP encryption was found (decrypted or not).
    pub fn was_encrypted(&self) -> bool {
        !matches!(self.encryption, EncryptionStatus::None)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
    #[error("no such queue")]
    NoQueue,
    #[error("invalid key: {0}")]
    InvalidKey(String),
    #[error("{0}")]
    Invalid(String),
    #[error("OpenPGP: {0}")]
    Pgp(String),
}

impl From<anyhow::Error> for CryptoError {
    fn from(e: anyhow::Error) -> Self {
        Self::Pgp(e.to_string())
    }
}

/// Decrypts and verifies an incoming message for `queue_id` with that queue's secret keys and
/// the stored public keys. Undecryptable mail comes back `Ok` with the message unchanged and an
/// `Undecryptable` status; errors are only for the database.
pub fn open_incoming(
    conn: &mut DbConn,
    queue_id: i64,
    raw: &[u8],
    now: DateTime<Utc>,
) -> Result<Opened, CryptoError> {
    incoming::open(conn, queue_id, raw, now)
}

/// Stores the OpenPGP statuses of `opened` for a transaction (shown by the API).
pub fn record_status(conn: &mut DbConn, transaction_id: i64, opened: &Opened) -> QueryResult<()> {
    keys::record_status(conn, transaction_id, opened)
}

/// Learns public keys for `user_id` from a (decrypted) message: attached `application/pgp-keys`
/// parts, Autocrypt headers, WhisperBack's `OpenPGP-Key:` line and pasted key blocks. Returns
/// the fingerprints stored. Secret keys in a message are ignored.
pub fn learn_keys(
    conn: &mut DbConn,
    user_id: i64,
    message: &[u8],
    now: DateTime<Utc>,
) -> Result<Vec<String>, CryptoError> {
    learn::learn_from_message(conn, user_id, message, now)
}

/// What a queue does with mail that arrives unencrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RequireEncryption {
    /// Accept it.
    #[default]
    Off,
    /// Accept it, and flag the transaction (`unencrypted` in its OpenPGP status).
    Flag,
    /// Refuse it (the gateway answers with a permanent error).
    Refuse,
}

/// The queue's policy for unencrypted incoming mail.
pub fn require_encryption(conn: &mut DbConn, queue_id: i64) -> QueryResult<RequireEncryption> {
    keys::queue_settings(conn, queue_id).map(|s| s.require_encryption)
}

#[cfg(test)]
mod tests;
