//! The key store: queue keys (with secret parts) and user public keys, kept armored beside their
//! fingerprint, with expiry and revocation read from the cert at import time and checked again
//! at use.

use std::cell::RefCell;
use std::time::SystemTime;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::QueryResult;
use sequoia_openpgp::{Cert, KeyHandle};

use super::pgp::{self, StandardPolicy};
use super::{CryptoError, EncryptionStatus, Opened, RequireEncryption, SignatureStatus};
use crate::store::openpgp::{self as rows, KeyRow, NewKey, QueueSettingsRow, TxnStatusRow};
use crate::store::DbConn;

pub use crate::store::openpgp::{OWNER_QUEUE, OWNER_USER};

fn naive(t: SystemTime) -> NaiveDateTime {
    DateTime::<Utc>::from(t).naive_utc()
}

/// Imports every cert in `bytes` for an owner. Secret parts are kept only for queues; a user
/// import drops them. Returns the stored rows.
pub fn import(
    conn: &mut DbConn,
    owner_type: &str,
    owner_id: i64,
    bytes: &[u8],
    source: &str,
    now: DateTime<Utc>,
) -> Result<Vec<KeyRow>, CryptoError> {
    let certs = pgp::parse_certs(bytes).map_err(|e| CryptoError::InvalidKey(e.to_string()))?;
    let mut out = Vec::new();
    for cert in certs {
        out.push(store_cert(conn, owner_type, owner_id, cert, source, now)?);
    }
    Ok(out)
}

/// Stores one cert (merged with the stored copy of the same fingerprint, so new revocations and
/// extended expiry are kept).
pub fn store_cert(
    conn: &mut DbConn,
    owner_type: &str,
    owner_id: i64,
    cert: Cert,
    source: &str,
    now: DateTime<Utc>,
) -> Result<KeyRow, CryptoError> {
    let policy = StandardPolicy::new();
    let fpr = cert.fingerprint().to_hex();
    let cert = if owner_type == OWNER_QUEUE {
        cert
    } else {
        cert.strip_secret_key_material()
    };
    let cert = match rows::key_of(conn, owner_type, owner_id, &fpr)? {
        Some(old) => match pgp::parse_cert(&old.armored) {
            Ok(old_cert) => old_cert
                .merge_public_and_secret(cert)
                .map_err(|e| CryptoError::InvalidKey(e.to_string()))?,
            Err(_) => cert,
        },
        None => cert,
    };
    let info = pgp::info(&policy, now.into(), &cert);
    let armored = if owner_type == OWNER_QUEUE && info.has_secret {
        pgp::armor_secret(&cert)?
    } else {
        pgp::armor_public(&cert)?
    };
    let user_ids = info.user_ids.join("\n");
    let n = now.naive_utc();
    let id = rows::upsert_key(
        conn,
        &NewKey {
            owner_type,
            owner_id,
            fingerprint: &fpr,
            armored: &armored,
            has_secret: info.has_secret,
            user_ids: &user_ids,
            expires: info.expires.map(naive),
            revoked: info.revoked,
            source,
            created: n,
            last_updated: n,
        },
    )?;
    rows::set_handles(conn, id, &pgp::handles_of(&cert))?;
    rows::key_of(conn, owner_type, owner_id, &fpr)?
        .filter(|r| r.id == id)
        .ok_or(CryptoError::Db(diesel::result::Error::NotFound))
}

fn parse_rows(rows: Vec<KeyRow>) -> Vec<Cert> {
    rows.iter()
        .filter_map(|r| pgp::parse_cert(&r.armored).ok())
        .collect()
}

/// The queue's secret certs, each with the configured passphrase.
pub fn queue_secrets(
    conn: &mut DbConn,
    queue: i64,
    passphrase: Option<&str>,
) -> QueryResult<Vec<(Cert, Option<String>)>> {
    let rows = rows::keys_of(conn, OWNER_QUEUE, queue)?;
    Ok(
        parse_rows(rows.into_iter().filter(|r| r.has_secret).collect())
            .into_iter()
            .map(|c| (c, passphrase.map(str::to_owned)))
            .collect(),
    )
}

/// The queue's signing cert: the newest secret key that can sign now.
pub fn queue_signer(conn: &mut DbConn, queue: i64, now: SystemTime) -> QueryResult<Option<Cert>> {
    let policy = StandardPolicy::new();
    let rows = rows::keys_of(conn, OWNER_QUEUE, queue)?;
    Ok(
        parse_rows(rows.into_iter().rev().filter(|r| r.has_secret).collect())
            .into_iter()
            .find(|c| pgp::info(&policy, now, c).can_sign),
    )
}

/// The stored user keys as a verification keyring: a signature's key ids are looked up in
/// `openpgp_key_handles`, and only the matching keys are read and parsed.
pub struct StoredKeyring<'c> {
    conn: RefCell<&'c mut DbConn>,
    failure: RefCell<Option<diesel::result::Error>>,
}

impl<'c> StoredKeyring<'c> {
    pub fn new(conn: &'c mut DbConn) -> Self {
        Self {
            conn: RefCell::new(conn),
            failure: RefCell::new(None),
        }
    }

    /// The first database error a lookup met: a signature checked meanwhile may have been
    /// reported unknown for it, so the caller must not keep the result.
    pub fn finish(self) -> QueryResult<()> {
        match self.failure.into_inner() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl pgp::Keyring for StoredKeyring<'_> {
    fn certs_for(&self, ids: &[KeyHandle]) -> Vec<Cert> {
        let handles: Vec<String> = ids.iter().map(KeyHandle::to_hex).collect();
        let found = match self.conn.try_borrow_mut() {
            Ok(mut conn) => rows::user_keys_with_handles(&mut conn, &handles),
            Err(_) => return Vec::new(),
        };
        match found {
            Ok(rows) => parse_rows(rows),
            Err(e) => {
                self.failure.borrow_mut().get_or_insert(e);
                Vec::new()
            }
        }
    }
}

/// Records the handles of `missing` keys, stored before `openpgp_key_handles` existed (see
/// `store::openpgp::keys_without_handles`); returns how many were indexed. A key that no
/// longer parses is left out (and tried again next start).
pub fn index_handles(conn: &mut DbConn, missing: &[i64]) -> QueryResult<usize> {
    let mut done = 0;
    for chunk in missing.chunks(200) {
        for (id, armored) in rows::armored_keys(conn, chunk)? {
            if let Ok(cert) = pgp::parse_cert(&armored) {
                rows::set_handles(conn, id, &pgp::handles_of(&cert))?;
                done += 1;
            }
        }
    }
    Ok(done)
}

/// The user's keys that can be encrypted to now (not expired, not revoked).
pub fn encryption_certs_for_user(
    conn: &mut DbConn,
    user: i64,
    now: SystemTime,
) -> QueryResult<Vec<Cert>> {
    let policy = StandardPolicy::new();
    Ok(parse_rows(rows::keys_of(conn, OWNER_USER, user)?)
        .into_iter()
        .filter(|c| pgp::can_encrypt_to(&policy, now, c))
        .collect())
}

/// Per-queue settings with defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueSettings {
    pub queue_id: i64,
    pub require_encryption: RequireEncryption,
    pub sign: bool,
    pub encrypt: bool,
    pub autoreply: bool,
    pub autoreply_text: String,
}

impl QueueSettings {
    pub fn defaults(queue_id: i64) -> Self {
        Self {
            queue_id,
            require_encryption: RequireEncryption::Off,
            sign: true,
            encrypt: true,
            autoreply: false,
            autoreply_text: String::new(),
        }
    }
}

pub fn require_from_str(s: &str) -> Option<RequireEncryption> {
    match s {
        "off" => Some(RequireEncryption::Off),
        "flag" => Some(RequireEncryption::Flag),
        "refuse" => Some(RequireEncryption::Refuse),
        _ => None,
    }
}

pub fn require_as_str(r: RequireEncryption) -> &'static str {
    match r {
        RequireEncryption::Off => "off",
        RequireEncryption::Flag => "flag",
        RequireEncryption::Refuse => "refuse",
    }
}

pub fn queue_settings(conn: &mut DbConn, queue: i64) -> QueryResult<QueueSettings> {
    Ok(match rows::queue_settings(conn, queue)? {
        Some(r) => QueueSettings {
            queue_id: queue,
            require_encryption: require_from_str(&r.require_encryption).unwrap_or_default(),
            sign: r.sign,
            encrypt: r.encrypt,
            autoreply: r.autoreply,
            autoreply_text: r.autoreply_text,
        },
        None => QueueSettings::defaults(queue),
    })
}

pub fn save_queue_settings(conn: &mut DbConn, s: &QueueSettings) -> QueryResult<()> {
    rows::save_queue_settings(
        conn,
        &QueueSettingsRow {
            queue_id: s.queue_id,
            require_encryption: require_as_str(s.require_encryption).into(),
            sign: s.sign,
            encrypt: s.encrypt,
            autoreply: s.autoreply,
            autoreply_text: s.autoreply_text.clone(),
        },
    )
}

fn queue_of_transaction(conn: &mut DbConn, txn: i64) -> QueryResult<Option<i64>> {
    use crate::store::schema::{tickets, transactions};
    use diesel::prelude::*;
    let t = crate::store::transactions::by_id(conn, txn)?;
    let Some(t) = t.filter(|t| t.object_type == crate::store::transactions::TICKET) else {
        return Ok(None);
    };
    let _ = transactions::table;
    tickets::table
        .find(t.object_id)
        .select(tickets::queue_id)
        .first(conn)
        .optional()
}

pub fn record_status(conn: &mut DbConn, txn: i64, opened: &Opened) -> QueryResult<()> {
    let (encryption, encryption_detail) = match &opened.encryption {
        EncryptionStatus::None => ("none", String::new()),
        EncryptionStatus::Decrypted => ("decrypted", opened.decrypted_with.join(" ")),
        EncryptionStatus::Undecryptable { reason } => ("undecryptable", reason.clone()),
    };
    let (signature, signer, signature_detail) = match &opened.signature {
        SignatureStatus::None => ("none", String::new(), String::new()),
        SignatureStatus::Good { fingerprint } => ("good", fingerprint.clone(), String::new()),
        SignatureStatus::Bad { reason } => ("bad", String::new(), reason.clone()),
        SignatureStatus::UnknownKey { issuer } => ("unknown_key", issuer.clone(), String::new()),
        SignatureStatus::Expired { fingerprint } => ("expired", fingerprint.clone(), String::new()),
        SignatureStatus::Revoked { fingerprint } => ("revoked", fingerprint.clone(), String::new()),
    };
    let unencrypted_flag = if opened.was_encrypted() {
        false
    } else {
        match queue_of_transaction(conn, txn)? {
            Some(q) => queue_settings(conn, q)?.require_encryption != RequireEncryption::Off,
            None => false,
        }
    };
    rows::save_txn_status(
        conn,
        &TxnStatusRow {
            transaction_id: txn,
            encryption: encryption.into(),
            encryption_detail,
            signature: signature.into(),
            signer,
            signature_detail,
            unencrypted_flag,
            protected_subject: opened.protected_subject.is_some(),
        },
    )
}
