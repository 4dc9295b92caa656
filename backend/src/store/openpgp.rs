//! Rows of the OpenPGP key store, per-queue settings, transaction statuses and the outbox.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    openpgp_key_handles, openpgp_keys, openpgp_queue_settings, openpgp_transaction_status,
    outbound_mail,
};
use super::DbConn;
use crate::insert_returning_id;

pub const OWNER_QUEUE: &str = "queue";
pub const OWNER_USER: &str = "user";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = openpgp_keys)]
pub struct KeyRow {
    pub id: i64,
    pub owner_type: String,
    pub owner_id: i64,
    pub fingerprint: String,
    pub armored: String,
    pub has_secret: bool,
    pub user_ids: String,
    pub expires: Option<NaiveDateTime>,
    pub revoked: bool,
    pub source: String,
    pub created: NaiveDateTime,
    pub last_updated: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = openpgp_keys)]
pub struct NewKey<'a> {
    pub owner_type: &'a str,
    pub owner_id: i64,
    pub fingerprint: &'a str,
    pub armored: &'a str,
    pub has_secret: bool,
    pub user_ids: &'a str,
    pub expires: Option<NaiveDateTime>,
    pub revoked: bool,
    pub source: &'a str,
    pub created: NaiveDateTime,
    pub last_updated: NaiveDateTime,
}

pub fn keys_of(conn: &mut DbConn, owner_type: &str, owner_id: i64) -> QueryResult<Vec<KeyRow>> {
    openpgp_keys::table
        .filter(openpgp_keys::owner_type.eq(owner_type))
        .filter(openpgp_keys::owner_id.eq(owner_id))
        .order(openpgp_keys::id)
        .select(KeyRow::as_select())
        .load(conn)
}

pub fn key_of(
    conn: &mut DbConn,
    owner_type: &str,
    owner_id: i64,
    fingerprint: &str,
) -> QueryResult<Option<KeyRow>> {
    openpgp_keys::table
        .filter(openpgp_keys::owner_type.eq(owner_type))
        .filter(openpgp_keys::owner_id.eq(owner_id))
        .filter(openpgp_keys::fingerprint.eq(fingerprint))
        .select(KeyRow::as_select())
        .first(conn)
        .optional()
}

/// Every stored public key of users (for verifying signatures).
/// Inserts or replaces the key `fingerprint` of an owner; returns its row id.
pub fn upsert_key(conn: &mut DbConn, new: &NewKey<'_>) -> QueryResult<i64> {
    if let Some(old) = key_of(conn, new.owner_type, new.owner_id, new.fingerprint)? {
        diesel::update(openpgp_keys::table.find(old.id))
            .set((
                openpgp_keys::armored.eq(new.armored),
                openpgp_keys::has_secret.eq(new.has_secret),
                openpgp_keys::user_ids.eq(new.user_ids),
                openpgp_keys::expires.eq(new.expires),
                openpgp_keys::revoked.eq(new.revoked),
                openpgp_keys::last_updated.eq(new.last_updated),
            ))
            .execute(conn)?;
        return Ok(old.id);
    }
    insert_returning_id!(conn, openpgp_keys::table, new, openpgp_keys::id)
}

pub fn delete_key(
    conn: &mut DbConn,
    owner_type: &str,
    owner_id: i64,
    fingerprint: &str,
) -> QueryResult<usize> {
    let ids: Vec<i64> = openpgp_keys::table
        .filter(openpgp_keys::owner_type.eq(owner_type))
        .filter(openpgp_keys::owner_id.eq(owner_id))
        .filter(openpgp_keys::fingerprint.eq(fingerprint))
        .select(openpgp_keys::id)
        .load(conn)?;
    delete_rows(conn, &ids)
}

/// Deletes every key of an owner (with their handles); returns how many.
pub fn delete_owner_keys(conn: &mut DbConn, owner_type: &str, owner_id: i64) -> QueryResult<usize> {
    let ids: Vec<i64> = openpgp_keys::table
        .filter(openpgp_keys::owner_type.eq(owner_type))
        .filter(openpgp_keys::owner_id.eq(owner_id))
        .select(openpgp_keys::id)
        .load(conn)?;
    delete_rows(conn, &ids)
}

fn delete_rows(conn: &mut DbConn, ids: &[i64]) -> QueryResult<usize> {
    diesel::delete(openpgp_key_handles::table.filter(openpgp_key_handles::key_id.eq_any(ids)))
        .execute(conn)?;
    diesel::delete(openpgp_keys::table.filter(openpgp_keys::id.eq_any(ids))).execute(conn)
}

/// Replaces the handles (hex key ids and fingerprints) recorded for key row `key_id`.
pub fn set_handles(conn: &mut DbConn, key_id: i64, handles: &[String]) -> QueryResult<()> {
    diesel::delete(openpgp_key_handles::table.filter(openpgp_key_handles::key_id.eq(key_id)))
        .execute(conn)?;
    let rows: Vec<_> = handles
        .iter()
        .map(|h| {
            (
                openpgp_key_handles::handle.eq(h),
                openpgp_key_handles::key_id.eq(key_id),
            )
        })
        .collect();
    match conn {
        DbConn::Sqlite(c) => diesel::insert_into(openpgp_key_handles::table)
            .values(&rows)
            .execute(c)?,
        DbConn::Pg(c) => diesel::insert_into(openpgp_key_handles::table)
            .values(&rows)
            .execute(c)?,
    };
    Ok(())
}

/// User keys with any of these handles (upper-case hex key ids or fingerprints).
pub fn user_keys_with_handles(conn: &mut DbConn, handles: &[String]) -> QueryResult<Vec<KeyRow>> {
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    let ids = openpgp_key_handles::table
        .filter(openpgp_key_handles::handle.eq_any(handles))
        .select(openpgp_key_handles::key_id);
    openpgp_keys::table
        .filter(openpgp_keys::owner_type.eq(OWNER_USER))
        .filter(openpgp_keys::id.eq_any(ids))
        .order(openpgp_keys::id)
        .select(KeyRow::as_select())
        .load(conn)
}

/// Ids of the keys that have no handles recorded (stored before handles existed).
pub fn keys_without_handles(conn: &mut DbConn) -> QueryResult<Vec<i64>> {
    let known = openpgp_key_handles::table.select(openpgp_key_handles::key_id);
    openpgp_keys::table
        .filter(openpgp_keys::id.ne_all(known))
        .order(openpgp_keys::id)
        .select(openpgp_keys::id)
        .load(conn)
}

/// (id, armored) of these key rows.
pub fn armored_keys(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    openpgp_keys::table
        .filter(openpgp_keys::id.eq_any(ids))
        .order(openpgp_keys::id)
        .select((openpgp_keys::id, openpgp_keys::armored))
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = openpgp_queue_settings)]
pub struct QueueSettingsRow {
    pub queue_id: i64,
    pub require_encryption: String,
    pub sign: bool,
    pub encrypt: bool,
    pub autoreply: bool,
    pub autoreply_text: String,
}

pub fn queue_settings(conn: &mut DbConn, queue: i64) -> QueryResult<Option<QueueSettingsRow>> {
    openpgp_queue_settings::table
        .find(queue)
        .select(QueueSettingsRow::as_select())
        .first(conn)
        .optional()
}

pub fn save_queue_settings(conn: &mut DbConn, row: &QueueSettingsRow) -> QueryResult<()> {
    let n = diesel::update(openpgp_queue_settings::table.find(row.queue_id))
        .set(row)
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(openpgp_queue_settings::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = openpgp_transaction_status)]
pub struct TxnStatusRow {
    pub transaction_id: i64,
    pub encryption: String,
    pub encryption_detail: String,
    pub signature: String,
    pub signer: String,
    pub signature_detail: String,
    pub unencrypted_flag: bool,
    pub protected_subject: bool,
}

pub fn save_txn_status(conn: &mut DbConn, row: &TxnStatusRow) -> QueryResult<()> {
    let n = diesel::update(openpgp_transaction_status::table.find(row.transaction_id))
        .set(row)
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(openpgp_transaction_status::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

pub fn txn_status(conn: &mut DbConn, txn: i64) -> QueryResult<Option<TxnStatusRow>> {
    openpgp_transaction_status::table
        .find(txn)
        .select(TxnStatusRow::as_select())
        .first(conn)
        .optional()
}

/// The recorded statuses of these transactions (those without one are left out).
pub fn txn_statuses(conn: &mut DbConn, txns: &[i64]) -> QueryResult<Vec<TxnStatusRow>> {
    openpgp_transaction_status::table
        .filter(openpgp_transaction_status::transaction_id.eq_any(txns))
        .select(TxnStatusRow::as_select())
        .load(conn)
}

/// Whether any incoming transaction of these ever arrived encrypted.
pub fn any_encrypted(conn: &mut DbConn, txns: &[i64]) -> QueryResult<bool> {
    let n: i64 = openpgp_transaction_status::table
        .filter(openpgp_transaction_status::transaction_id.eq_any(txns))
        .filter(openpgp_transaction_status::encryption.ne("none"))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbound_mail)]
pub struct OutboxRow {
    pub id: i64,
    pub ticket_id: i64,
    pub transaction_id: i64,
    pub kind: String,
    pub status: String,
    pub error: String,
    pub attempts: i32,
    pub next_attempt: NaiveDateTime,
    pub message_id: String,
    pub recipients: String,
    pub encrypted: bool,
    pub signed: bool,
    pub record_transaction_id: Option<i64>,
    pub created: NaiveDateTime,
    pub sent: Option<NaiveDateTime>,
}

pub fn enqueue(
    conn: &mut DbConn,
    ticket: i64,
    txn: i64,
    kind: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    insert_returning_id!(
        conn,
        outbound_mail::table,
        (
            outbound_mail::ticket_id.eq(ticket),
            outbound_mail::transaction_id.eq(txn),
            outbound_mail::kind.eq(kind),
            outbound_mail::status.eq("pending"),
            outbound_mail::next_attempt.eq(now),
            outbound_mail::created.eq(now),
        ),
        outbound_mail::id
    )
}

/// Locks an outbox row until the transaction ends (an update that changes nothing); 0 when
/// the row is gone (a purge took the ticket's mail).
pub fn lock_outbox_row(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::update(outbound_mail::table.find(id))
        .set(outbound_mail::status.eq(outbound_mail::status))
        .execute(conn)
}

pub fn outbox_row(conn: &mut DbConn, id: i64) -> QueryResult<Option<OutboxRow>> {
    outbound_mail::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()
}

pub fn outbox_for_ticket(conn: &mut DbConn, ticket: i64) -> QueryResult<Vec<OutboxRow>> {
    outbound_mail::table
        .filter(outbound_mail::ticket_id.eq(ticket))
        .order(outbound_mail::id)
        .select(OutboxRow::as_select())
        .load(conn)
}

pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    outbound_mail::table
        .filter(outbound_mail::status.eq("pending"))
        .filter(outbound_mail::next_attempt.le(now))
        .order(outbound_mail::id)
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)
}

/// Marks a row sent, unless another worker already did; returns whether this call did.
pub fn mark_sent(
    conn: &mut DbConn,
    id: i64,
    message_id: &str,
    recipients: &str,
    encrypted: bool,
    signed: bool,
    record_txn: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        outbound_mail::table
            .find(id)
            .filter(outbound_mail::status.eq("pending")),
    )
    .set((
        outbound_mail::status.eq("sent"),
        outbound_mail::error.eq(""),
        outbound_mail::message_id.eq(message_id),
        outbound_mail::recipients.eq(recipients),
        outbound_mail::encrypted.eq(encrypted),
        outbound_mail::signed.eq(signed),
        outbound_mail::record_transaction_id.eq(Some(record_txn)),
        outbound_mail::sent.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Deletes outbox rows that were sent before `before`; returns how many. Their EmailRecord
/// transactions stay in the tickets' history.
pub fn prune_sent(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        outbound_mail::table
            .filter(outbound_mail::status.eq("sent"))
            .filter(outbound_mail::sent.lt(before)),
    )
    .execute(conn)
}

pub fn mark(
    conn: &mut DbConn,
    id: i64,
    status: &str,
    error: &str,
    attempts: i32,
    next_attempt: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(outbound_mail::table.find(id))
        .set((
            outbound_mail::status.eq(status),
            outbound_mail::error.eq(error),
            outbound_mail::attempts.eq(attempts),
            outbound_mail::next_attempt.eq(next_attempt),
        ))
        .execute(conn)
}
