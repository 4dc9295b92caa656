//! OpenPGP keys of queues and users, queue mail settings, per-transaction OpenPGP status and
//! the outbox (Hushdesk extensions).

use actix_web::{delete, get, post, put, web, HttpResponse};
use base64::Engine as _;
use hushdesk_api::openpgp::{
    GenerateKeyRequest, ImportKeyRequest, KeyList, KeyResponse, OutboxItem, OutboxList,
    QueueMailSettings, QueueMailSettingsUpdate, TransactionOpenPgp,
};
use hushdesk_api::rest2::ErrorBody;

use super::common::{self, ctx, State};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::crypto::keys::{self, OWNER_QUEUE, OWNER_USER};
use crate::crypto::pgp::{self, CipherSuite, StandardPolicy};
use crate::crypto::CryptoError;
use crate::domain::dates;
use crate::domain::rights::Right;
use crate::store::openpgp::{self as rows, KeyRow, OutboxRow};
use crate::store::{queues, tickets, users, DbConn};

impl From<CryptoError> for ApiError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::Db(d) => d.into(),
            CryptoError::NoQueue => Self::NotFound,
            CryptoError::InvalidKey(m) => Self::BadRequest(format!("Invalid OpenPGP key: {m}")),
            CryptoError::Invalid(m) => Self::BadRequest(m),
            CryptoError::Pgp(m) => Self::BadRequest(format!("OpenPGP: {m}")),
        }
    }
}

fn key_response(r: &KeyRow, now: chrono::NaiveDateTime) -> KeyResponse {
    let policy = StandardPolicy::new();
    let cert = pgp::parse_cert(&r.armored).ok();
    let info = cert
        .as_ref()
        .map(|c| pgp::info(&policy, now.and_utc().into(), c));
    KeyResponse {
        fingerprint: r.fingerprint.clone(),
        user_ids: r
            .user_ids
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        has_secret: r.has_secret,
        expires: r.expires.map(|e| dates::rest2(Some(e))),
        revoked: info.as_ref().map(|i| i.revoked).unwrap_or(r.revoked),
        can_encrypt: info.as_ref().is_some_and(|i| i.can_encrypt),
        can_sign: r.has_secret && info.as_ref().is_some_and(|i| i.can_sign),
        source: r.source.clone(),
        created: dates::rest2(Some(r.created)),
        public_key: cert
            .as_ref()
            .and_then(|c| pgp::armor_public(c).ok())
            .unwrap_or_default(),
    }
}

fn queue_id(conn: &mut DbConn, key: &str) -> ApiResult<i64> {
    Ok(queues::lookup(conn, key)?.ok_or(ApiError::NotFound)?.id)
}

fn user_id(conn: &mut DbConn, me: &CurrentUser, key: &str) -> ApiResult<i64> {
    let u = users::lookup(conn, key)?.ok_or(ApiError::NotFound)?;
    if u.id != me.user.id && !me.rights.on_system(Right::AdminUsers) {
        return Err(ApiError::Forbidden);
    }
    Ok(u.id)
}

fn key_bytes(body: &ImportKeyRequest) -> ApiResult<Vec<u8>> {
    match (&body.armored, &body.base64) {
        (Some(a), _) if !a.trim().is_empty() => Ok(a.as_bytes().to_vec()),
        (_, Some(b)) if !b.trim().is_empty() => base64::engine::general_purpose::STANDARD
            .decode(b.split_whitespace().collect::<String>())
            .map_err(|_| ApiError::BadRequest("base64: not valid base64".into())),
        _ => Err(ApiError::BadRequest(
            "Give the key as `armored` or `base64`".into(),
        )),
    }
}

fn list(conn: &mut DbConn, owner: &str, id: i64, now: chrono::NaiveDateTime) -> ApiResult<KeyList> {
    Ok(KeyList {
        keys: rows::keys_of(conn, owner, id)?
            .iter()
            .map(|r| key_response(r, now))
            .collect(),
    })
}

/// A queue's keys (public parts).
#[utoipa::path(get, path = "/REST/2.0/queue/{id}/keys", tag = "openpgp",
    params(("id" = String, Path, description = "Queue id or name")),
    responses((status = 200, body = KeyList), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/queue/{id}/keys")]
pub async fn list_queue_keys(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<KeyList> {
            let q = queue_id(conn, &path)?;
            if !me.rights.on_queue(q, Right::SeeQueue) && !me.rights.on_queue(q, Right::AdminQueue)
            {
                return Err(ApiError::Forbidden);
            }
            list(conn, OWNER_QUEUE, q, st.clock.now())
        })
        .await?;
    Ok(common::ok(&v))
}

/// Import keys for a queue; secret keys are kept (they decrypt and sign the queue's mail).
#[utoipa::path(post, path = "/REST/2.0/queue/{id}/keys", tag = "openpgp",
    params(("id" = String, Path, description = "Queue id or name")),
    request_body = ImportKeyRequest,
    responses((status = 201, body = KeyList), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/queue/{id}/keys")]
pub async fn import_queue_keys(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<ImportKeyRequest>,
) -> ApiResult<HttpResponse> {
    let bytes = key_bytes(&body)?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<KeyList> {
            let q = queue_id(conn, &path)?;
            if !me.rights.on_queue(q, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            let now = st.clock.now();
            let stored = keys::import(conn, OWNER_QUEUE, q, &bytes, "import", now.and_utc())?;
            Ok(KeyList {
                keys: stored.iter().map(|r| key_response(r, now)).collect(),
            })
        })
        .await?;
    Ok(common::created(&v))
}

/// Generate a new key for a queue (Cv25519 unless asked otherwise), locked with the configured
/// passphrase when one is set.
#[utoipa::path(post, path = "/REST/2.0/queue/{id}/keys/generate", tag = "openpgp",
    params(("id" = String, Path, description = "Queue id or name")),
    request_body = GenerateKeyRequest,
    responses((status = 201, body = KeyResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/queue/{id}/keys/generate")]
pub async fn generate_queue_key(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<GenerateKeyRequest>,
) -> ApiResult<HttpResponse> {
    let suite = cipher_suite(body.cipher.as_deref())?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<KeyResponse> {
            let q = queues::lookup(conn, &path)?.ok_or(ApiError::NotFound)?;
            if !me.rights.on_queue(q.id, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            let now = st.clock.now();
            let uid = match body.user_id.as_deref().map(str::trim) {
                Some(u) if !u.is_empty() => u.to_owned(),
                _ => default_user_id(&q, &st.config.rt_name, &st.config.organization),
            };
            let row = generate_for_queue(
                conn,
                q.id,
                &uid,
                suite,
                st.config.openpgp.passphrase.as_deref(),
                now,
            )?;
            Ok(key_response(&row, now))
        })
        .await?;
    Ok(common::created(&v))
}

pub fn cipher_suite(s: Option<&str>) -> ApiResult<CipherSuite> {
    match s.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") | Some("cv25519") => Ok(CipherSuite::Cv25519),
        Some("rsa3072") | Some("rsa3k") => Ok(CipherSuite::RSA3k),
        Some("rsa4096") | Some("rsa4k") => Ok(CipherSuite::RSA4k),
        Some(other) => Err(ApiError::BadRequest(format!(
            "Unknown cipher '{other}' (cv25519, rsa3072 or rsa4096)"
        ))),
    }
}

pub fn default_user_id(q: &crate::store::rows::QueueRow, rt_name: &str, org: &str) -> String {
    let addr = if q.correspond_address.trim().is_empty() {
        format!("{rt_name}@{org}")
    } else {
        q.correspond_address.trim().to_owned()
    };
    format!("{} <{addr}>", q.name)
}

/// Generates and stores a queue key (shared by the API and the CLI).
pub fn generate_for_queue(
    conn: &mut DbConn,
    queue: i64,
    user_id: &str,
    suite: CipherSuite,
    passphrase: Option<&str>,
    now: chrono::NaiveDateTime,
) -> Result<KeyRow, CryptoError> {
    let cert = pgp::generate(user_id, suite, now.and_utc().into(), passphrase)?;
    keys::store_cert(conn, OWNER_QUEUE, queue, cert, "generate", now.and_utc())
}

/// Delete one of a queue's keys.
#[utoipa::path(delete, path = "/REST/2.0/queue/{id}/key/{fingerprint}", tag = "openpgp",
    params(("id" = String, Path, description = "Queue id or name"), ("fingerprint" = String, Path, description = "Hex fingerprint")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/queue/{id}/key/{fingerprint}")]
pub async fn delete_queue_key(
    state: State,
    me: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (key, fpr) = path.into_inner();
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let q = queue_id(conn, &key)?;
            if !me.rights.on_queue(q, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            match rows::delete_key(conn, OWNER_QUEUE, q, &normal_fpr(&fpr))? {
                0 => Err(ApiError::NotFound),
                _ => Ok(()),
            }
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn normal_fpr(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// A user's public keys (the user themselves, or AdminUsers).
#[utoipa::path(get, path = "/REST/2.0/user/{id}/keys", tag = "openpgp",
    params(("id" = String, Path, description = "User id, name or email address")),
    responses((status = 200, body = KeyList), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/user/{id}/keys")]
pub async fn list_user_keys(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<KeyList> {
            let u = user_id(conn, &me, &path)?;
            list(conn, OWNER_USER, u, st.clock.now())
        })
        .await?;
    Ok(common::ok(&v))
}

/// Import public keys for a user (secret parts are dropped).
#[utoipa::path(post, path = "/REST/2.0/user/{id}/keys", tag = "openpgp",
    params(("id" = String, Path, description = "User id, name or email address")),
    request_body = ImportKeyRequest,
    responses((status = 201, body = KeyList), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/user/{id}/keys")]
pub async fn import_user_keys(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<ImportKeyRequest>,
) -> ApiResult<HttpResponse> {
    let bytes = key_bytes(&body)?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<KeyList> {
            let u = user_id(conn, &me, &path)?;
            let now = st.clock.now();
            let stored = keys::import(conn, OWNER_USER, u, &bytes, "import", now.and_utc())?;
            Ok(KeyList {
                keys: stored.iter().map(|r| key_response(r, now)).collect(),
            })
        })
        .await?;
    Ok(common::created(&v))
}

/// Delete one of a user's keys.
#[utoipa::path(delete, path = "/REST/2.0/user/{id}/key/{fingerprint}", tag = "openpgp",
    params(("id" = String, Path, description = "User id, name or email address"), ("fingerprint" = String, Path, description = "Hex fingerprint")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/user/{id}/key/{fingerprint}")]
pub async fn delete_user_key(
    state: State,
    me: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (key, fpr) = path.into_inner();
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let u = user_id(conn, &me, &key)?;
            match rows::delete_key(conn, OWNER_USER, u, &normal_fpr(&fpr))? {
                0 => Err(ApiError::NotFound),
                _ => Ok(()),
            }
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn settings_response(s: &keys::QueueSettings) -> QueueMailSettings {
    QueueMailSettings {
        require_encryption: keys::require_as_str(s.require_encryption).into(),
        sign: s.sign,
        encrypt: s.encrypt,
        autoreply: s.autoreply,
        autoreply_text: s.autoreply_text.clone(),
    }
}

/// A queue's OpenPGP and outgoing-mail settings.
#[utoipa::path(get, path = "/REST/2.0/queue/{id}/mail-settings", tag = "openpgp",
    params(("id" = String, Path, description = "Queue id or name")),
    responses((status = 200, body = QueueMailSettings), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/queue/{id}/mail-settings")]
pub async fn get_queue_mail_settings(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let v = state
        .store
        .read(move |conn| -> ApiResult<QueueMailSettings> {
            let q = queue_id(conn, &path)?;
            if !me.rights.on_queue(q, Right::SeeQueue) && !me.rights.on_queue(q, Right::AdminQueue)
            {
                return Err(ApiError::Forbidden);
            }
            Ok(settings_response(&keys::queue_settings(conn, q)?))
        })
        .await?;
    Ok(common::ok(&v))
}

/// Change a queue's OpenPGP and outgoing-mail settings (AdminQueue).
#[utoipa::path(put, path = "/REST/2.0/queue/{id}/mail-settings", tag = "openpgp",
    params(("id" = String, Path, description = "Queue id or name")),
    request_body = QueueMailSettingsUpdate,
    responses((status = 200, body = QueueMailSettings), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[put("/queue/{id}/mail-settings")]
pub async fn update_queue_mail_settings(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<QueueMailSettingsUpdate>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let require = body
        .require_encryption
        .as_deref()
        .map(|r| {
            keys::require_from_str(r.trim()).ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "require_encryption must be off, flag or refuse, not '{r}'"
                ))
            })
        })
        .transpose()?;
    let v = state
        .store
        .write(move |conn| -> ApiResult<QueueMailSettings> {
            let q = queue_id(conn, &path)?;
            if !me.rights.on_queue(q, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            let mut s = keys::queue_settings(conn, q)?;
            if let Some(r) = require {
                s.require_encryption = r;
            }
            if let Some(x) = body.sign {
                s.sign = x;
            }
            if let Some(x) = body.encrypt {
                s.encrypt = x;
            }
            if let Some(x) = body.autoreply {
                s.autoreply = x;
            }
            if let Some(x) = body.autoreply_text {
                s.autoreply_text = x;
            }
            keys::save_queue_settings(conn, &s)?;
            Ok(settings_response(&s))
        })
        .await?;
    Ok(common::ok(&v))
}

/// What OpenPGP said about an incoming transaction (encryption and signature status).
#[utoipa::path(get, path = "/REST/2.0/transaction/{id}/openpgp", tag = "openpgp",
    params(("id" = i64, Path, description = "Transaction id")),
    responses((status = 200, body = TransactionOpenPgp), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/transaction/{id}/openpgp")]
pub async fn transaction_openpgp(
    state: State,
    me: CurrentUser,
    path: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<TransactionOpenPgp> {
            let txn = crate::store::transactions::by_id(conn, id)?.ok_or(ApiError::NotFound)?;
            if txn.object_type != crate::store::transactions::TICKET {
                return Err(ApiError::NotFound);
            }
            let c = ctx(&st, &me, st.clock.now());
            tickets::visible(conn, &c, txn.object_id)?;
            let row = rows::txn_status(conn, id)?;
            Ok(match row {
                Some(r) => TransactionOpenPgp {
                    transaction: id,
                    encryption: r.encryption,
                    encryption_detail: r.encryption_detail,
                    signature: r.signature,
                    signer: r.signer,
                    signature_detail: r.signature_detail,
                    unencrypted: r.unencrypted_flag,
                    protected_subject: r.protected_subject,
                },
                None => TransactionOpenPgp {
                    transaction: id,
                    encryption: "none".into(),
                    encryption_detail: String::new(),
                    signature: "none".into(),
                    signer: String::new(),
                    signature_detail: String::new(),
                    unencrypted: false,
                    protected_subject: false,
                },
            })
        })
        .await?;
    Ok(common::ok(&v))
}

fn outbox_item(r: OutboxRow) -> OutboxItem {
    OutboxItem {
        id: r.id,
        ticket: r.ticket_id,
        transaction: r.transaction_id,
        kind: r.kind,
        status: r.status,
        error: r.error,
        attempts: r.attempts,
        next_attempt: dates::rest2(Some(r.next_attempt)),
        message_id: r.message_id,
        recipients: r.recipients,
        encrypted: r.encrypted,
        signed: r.signed,
        record_transaction: r.record_transaction_id,
        created: dates::rest2(Some(r.created)),
        sent: r.sent.map(|s| dates::rest2(Some(s))),
    }
}

fn outgoing_visible(
    conn: &mut DbConn,
    st: &crate::api::AppState,
    me: &CurrentUser,
    ticket: i64,
) -> ApiResult<()> {
    let c = ctx(st, me, st.clock.now());
    let t = tickets::visible(conn, &c, ticket)?;
    if !me.rights.on_queue(t.queue_id, Right::ShowOutgoingEmail) {
        return Err(ApiError::Forbidden);
    }
    Ok(())
}

/// A ticket's outgoing mail with its delivery status (held mail says why).
#[utoipa::path(get, path = "/REST/2.0/ticket/{id}/outbox", tag = "openpgp",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = OutboxList), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/ticket/{id}/outbox")]
pub async fn ticket_outbox(
    state: State,
    me: CurrentUser,
    path: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<OutboxList> {
            outgoing_visible(conn, &st, &me, id)?;
            Ok(OutboxList {
                items: rows::outbox_for_ticket(conn, id)?
                    .into_iter()
                    .map(outbox_item)
                    .collect(),
            })
        })
        .await?;
    Ok(common::ok(&v))
}

/// Try a held or failed message again now (after importing a missing key, say).
#[utoipa::path(post, path = "/REST/2.0/outbox/{id}/retry", tag = "openpgp",
    params(("id" = i64, Path, description = "Outbox id")),
    responses((status = 200, body = OutboxItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/outbox/{id}/retry")]
pub async fn retry_outbox(
    state: State,
    me: CurrentUser,
    path: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<OutboxItem> {
            let row = rows::outbox_row(conn, id)?.ok_or(ApiError::NotFound)?;
            outgoing_visible(conn, &st, &me, row.ticket_id)?;
            let c = ctx(&st, &me, st.clock.now());
            let t = tickets::visible(conn, &c, row.ticket_id)?;
            if !me.rights.on_queue(t.queue_id, Right::ModifyTicket) {
                return Err(ApiError::Forbidden);
            }
            if row.status == "sent" {
                return Err(ApiError::Conflict("This message was already sent".into()));
            }
            let r = crate::mail::outbound::retry(conn, id, st.clock.now())?
                .ok_or(ApiError::NotFound)?;
            Ok(outbox_item(r))
        })
        .await?;
    Ok(common::ok(&v))
}
