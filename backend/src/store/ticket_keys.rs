//! The key table: one wrapped data key per ticket. Deleting a ticket's row shreds its content.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::ticket_keys;
use super::DbConn;
use crate::sealing::{DataKey, SealError, Sealer};

fn damaged(e: SealError) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(Box::new(e))
}

/// The ticket's data key, if it still exists: from the sealer's cache, else the key table.
pub fn get(conn: &mut DbConn, sealer: &Sealer, ticket_id: i64) -> QueryResult<Option<DataKey>> {
    if let Some(k) = sealer.cached_key(ticket_id) {
        return Ok(Some(k));
    }
    let generation = sealer.key_generation();
    let key = stored(conn, sealer, ticket_id)?;
    if let Some(k) = &key {
        sealer.remember_key(ticket_id, k, generation);
    }
    Ok(key)
}

/// The key as the table holds it, bypassing the cache.
fn stored(conn: &mut DbConn, sealer: &Sealer, ticket_id: i64) -> QueryResult<Option<DataKey>> {
    let wrapped: Option<Vec<u8>> = ticket_keys::table
        .find(ticket_id)
        .select(ticket_keys::wrapped_key)
        .first(conn)
        .optional()?;
    wrapped
        .map(|w| sealer.unwrap(ticket_id, &w).map_err(damaged))
        .transpose()
}

/// The ticket's data key, created on first use. Concurrent writers agree on one key. The
/// cache is safe here: a key created by a transaction that rolls back is forgotten before
/// the store lets another writer in (`Store::write_blocking`), and PostgreSQL never reuses
/// a ticket id. `new_ticket` says the ticket is being created in this transaction: its key
/// is then inserted without looking for one first.
pub fn get_or_create(
    conn: &mut DbConn,
    sealer: &Sealer,
    ticket_id: i64,
    now: NaiveDateTime,
    new_ticket: bool,
) -> QueryResult<DataKey> {
    if !new_ticket {
        if let Some(k) = get(conn, sealer, ticket_id)? {
            return Ok(k);
        }
    }
    let key = DataKey::generate();
    let wrapped = sealer.wrap(ticket_id, &key);
    let row = (
        ticket_keys::ticket_id.eq(ticket_id),
        ticket_keys::wrapped_key.eq(&wrapped),
        ticket_keys::created.eq(now),
    );
    let inserted = match conn {
        DbConn::Sqlite(c) => diesel::insert_into(ticket_keys::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        DbConn::Pg(c) => diesel::insert_into(ticket_keys::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    if inserted == 1 {
        // A key cached for this id by a transaction that rolled back must not outlive it.
        sealer.replace_key(ticket_id, &key);
        return Ok(key);
    }
    // Someone else's key won (or the ticket was not new after all): use the stored one.
    let generation = sealer.key_generation();
    let stored = stored(conn, sealer, ticket_id)?.ok_or(diesel::result::Error::NotFound)?;
    sealer.remember_key(ticket_id, &stored, generation);
    Ok(stored)
}

/// Destroys the keys of these tickets; returns how many existed. The caller also calls
/// [`Sealer::forget_keys`] once its transaction has committed.
pub fn destroy(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<usize> {
    let n = diesel::delete(ticket_keys::table.filter(ticket_keys::ticket_id.eq_any(ticket_ids)))
        .execute(conn)?;
    if let Some(s) = crate::sealing::current() {
        s.forget_keys();
    }
    Ok(n)
}

/// One stored wrapped key, to check at start that the configured master key opens it.
pub fn any(conn: &mut DbConn) -> QueryResult<Option<(i64, Vec<u8>)>> {
    ticket_keys::table
        .select((ticket_keys::ticket_id, ticket_keys::wrapped_key))
        .first(conn)
        .optional()
}
