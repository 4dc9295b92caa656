//! OpenPGP key store, per-queue mail settings, transaction statuses and the outbox (Hushdesk
//! extensions under /REST/2.0). Times are `YYYY-MM-DDTHH:MM:SSZ` in UTC.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One stored key (public part only; secret key material is never returned).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct KeyResponse {
    /// Upper-case hex fingerprint.
    pub fingerprint: String,
    pub user_ids: Vec<String>,
    /// The store holds the secret key (queue keys).
    pub has_secret: bool,
    /// When the primary key expires, if it does.
    pub expires: Option<String>,
    pub revoked: bool,
    /// Usable now to encrypt to (valid, not expired, not revoked).
    pub can_encrypt: bool,
    /// Usable now to sign with (queue keys with a secret part).
    pub can_sign: bool,
    /// `import`, `generate`, `attachment`, `autocrypt` or `pasted`.
    pub source: String,
    pub created: String,
    /// The armored public key.
    pub public_key: String,
}

/// `GET …/keys`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct KeyList {
    pub keys: Vec<KeyResponse>,
}

/// `POST …/keys`: armored (or base64 binary) keys; a keyring may hold several.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct ImportKeyRequest {
    /// ASCII-armored key block(s).
    #[serde(default)]
    pub armored: Option<String>,
    /// Binary keyring, base64-encoded (alternative to `armored`).
    #[serde(default)]
    pub base64: Option<String>,
}

/// `POST /REST/2.0/queue/{id}/keys/generate`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq, Default)]
pub struct GenerateKeyRequest {
    /// User ID; default `<queue name> <correspond address>`.
    #[serde(default)]
    pub user_id: Option<String>,
    /// `cv25519` (default), `rsa3072` or `rsa4096`.
    #[serde(default)]
    pub cipher: Option<String>,
}

/// A queue's OpenPGP and outgoing-mail settings.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct QueueMailSettings {
    /// Unencrypted incoming mail: `off` (accept), `flag` (accept and flag) or `refuse`.
    pub require_encryption: String,
    /// Sign outgoing mail with the queue's key.
    pub sign: bool,
    /// Encrypt outgoing mail to every recipient whose key is known.
    pub encrypt: bool,
    /// Auto-reply to requestors of new tickets created by mail.
    pub autoreply: bool,
    /// Auto-reply text; empty: a built-in text naming the ticket.
    pub autoreply_text: String,
}

/// `PUT /REST/2.0/queue/{id}/mail-settings`: fields to change.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq, Default)]
pub struct QueueMailSettingsUpdate {
    #[serde(default)]
    pub require_encryption: Option<String>,
    #[serde(default)]
    pub sign: Option<bool>,
    #[serde(default)]
    pub encrypt: Option<bool>,
    #[serde(default)]
    pub autoreply: Option<bool>,
    #[serde(default)]
    pub autoreply_text: Option<String>,
}

/// `GET /REST/2.0/transaction/{id}/openpgp`: what OpenPGP said about an incoming message.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct TransactionOpenPgp {
    pub transaction: i64,
    /// `none`, `decrypted` or `undecryptable`.
    pub encryption: String,
    /// Why it could not be decrypted, or the fingerprint(s) of the queue key that decrypted it.
    pub encryption_detail: String,
    /// `none`, `good`, `bad`, `unknown_key`, `expired` or `revoked`.
    pub signature: String,
    /// Signer's fingerprint (good, expired, revoked) or the issuer (unknown_key).
    pub signer: String,
    /// Why a bad signature is bad.
    pub signature_detail: String,
    /// The queue requires encryption and this message was not encrypted.
    pub unencrypted: bool,
    /// The Subject came from encrypted protected headers.
    pub protected_subject: bool,
}

/// One outgoing message.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: i64,
    pub ticket: i64,
    /// The Correspond, Comment or Create transaction it comes from.
    pub transaction: i64,
    /// `correspond`, `comment` or `autoreply`.
    pub kind: String,
    /// `pending`, `sent`, `held` (see `error`), `failed` (delivery gave up; see `error`) or
    /// `skipped` (no recipient with an address).
    pub status: String,
    pub error: String,
    pub attempts: i32,
    pub next_attempt: String,
    pub message_id: String,
    pub recipients: String,
    pub encrypted: bool,
    pub signed: bool,
    /// The EmailRecord / CommentEmailRecord transaction, once sent.
    pub record_transaction: Option<i64>,
    pub created: String,
    pub sent: Option<String>,
}

/// `GET /REST/2.0/ticket/{id}/outbox`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct OutboxList {
    pub items: Vec<OutboxItem>,
}
