//! Tickets whose search entry is stale: filled by every ticket transaction, drained by
//! `crate::search::sync`, so any writer (API, mail, jobs) keeps the index current.

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::schema::search_queue;
use super::DbConn;

/// Asks for `ticket` to be (re)indexed.
pub fn touch(conn: &mut DbConn, ticket: i64) -> QueryResult<()> {
    let sql = match conn {
        DbConn::Sqlite(_) => {
            "INSERT INTO search_queue (ticket_id, seq) VALUES (?, 1) \
             ON CONFLICT (ticket_id) DO UPDATE SET seq = search_queue.seq + 1"
        }
        DbConn::Pg(_) => {
            "INSERT INTO search_queue (ticket_id, seq) VALUES ($1, 1) \
             ON CONFLICT (ticket_id) DO UPDATE SET seq = search_queue.seq + 1"
        }
    };
    diesel::sql_query(sql)
        .bind::<BigInt, _>(ticket)
        .execute(conn)?;
    Ok(())
}

/// Queues every ticket (for a full rebuild); `WHERE true` keeps SQLite from reading
/// `ON` as a join constraint.
pub fn touch_all(conn: &mut DbConn) -> QueryResult<usize> {
    diesel::sql_query(
        "INSERT INTO search_queue (ticket_id, seq) SELECT id, 1 FROM tickets WHERE true \
         ON CONFLICT (ticket_id) DO UPDATE SET seq = search_queue.seq + 1",
    )
    .execute(conn)
}

/// Up to `limit` waiting tickets with their change counter, oldest ticket first.
pub fn pending(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(i64, i64)>> {
    search_queue::table
        .order(search_queue::ticket_id)
        .limit(limit)
        .select((search_queue::ticket_id, search_queue::seq))
        .load(conn)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    search_queue::table.count().get_result(conn)
}

/// Marks `ticket` done unless it changed again since `seq` was read.
pub fn done(conn: &mut DbConn, ticket: i64, seq: i64) -> QueryResult<bool> {
    let n = diesel::delete(
        search_queue::table
            .filter(search_queue::ticket_id.eq(ticket))
            .filter(search_queue::seq.eq(seq)),
    )
    .execute(conn)?;
    Ok(n > 0)
}

/// Forgets `ticket` whatever its counter (it has just been removed from the index).
pub fn forget(conn: &mut DbConn, ticket: i64) -> QueryResult<()> {
    diesel::delete(search_queue::table.filter(search_queue::ticket_id.eq(ticket))).execute(conn)?;
    Ok(())
}

/// The ticket's queue entry's sequence number, if it is queued.
pub fn seq_of(conn: &mut DbConn, ticket: i64) -> QueryResult<Option<i64>> {
    search_queue::table
        .filter(search_queue::ticket_id.eq(ticket))
        .select(search_queue::seq)
        .first(conn)
        .optional()
}
