//! Abuse signals, keyed by an HMAC of the requester's normalised address (never the address).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::abuse_signals;
use super::DbConn;

pub fn add(
    conn: &mut DbConn,
    requester_hash: &str,
    signal: &str,
    weight: i32,
    now: NaiveDateTime,
    expires: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(abuse_signals::table)
        .values((
            abuse_signals::requester_hash.eq(requester_hash),
            abuse_signals::signal.eq(signal),
            abuse_signals::weight.eq(weight),
            abuse_signals::created.eq(now),
            abuse_signals::expires.eq(expires),
        ))
        .execute(conn)?;
    Ok(())
}

/// Sum of the weights that have not expired.
pub fn score(conn: &mut DbConn, requester_hash: &str, now: NaiveDateTime) -> QueryResult<i64> {
    let weights: Vec<i32> = abuse_signals::table
        .filter(abuse_signals::requester_hash.eq(requester_hash))
        .filter(abuse_signals::expires.gt(now))
        .select(abuse_signals::weight)
        .load(conn)?;
    Ok(weights.into_iter().map(i64::from).sum())
}

/// How many signals of one kind arrived since `since`.
pub fn count_since(
    conn: &mut DbConn,
    requester_hash: &str,
    signal: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    abuse_signals::table
        .filter(abuse_signals::requester_hash.eq(requester_hash))
        .filter(abuse_signals::signal.eq(signal))
        .filter(abuse_signals::created.ge(since))
        .count()
        .get_result(conn)
}

/// Deletes expired signals; returns how many.
pub fn expire(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<u64> {
    let n = diesel::delete(abuse_signals::table.filter(abuse_signals::expires.le(now)))
        .execute(conn)?;
    Ok(n as u64)
}

/// Deletes every signal of one requester (erasure on request).
pub fn forget(conn: &mut DbConn, requester_hash: &str) -> QueryResult<u64> {
    let n = diesel::delete(
        abuse_signals::table.filter(abuse_signals::requester_hash.eq(requester_hash)),
    )
    .execute(conn)?;
    Ok(n as u64)
}
