//! Who is waiting for an answer: one `ticket_activity` row per ticket, kept current on every
//! Create and Correspond transaction so the *Needs answer* view is one indexed query.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{ticket_activity, users};
use super::transactions::TICKET;
use super::DbConn;
use crate::domain::ids::UserId;

/// Called by `transactions::record` for every transaction it writes. Messages from
/// privileged users (and RT_System) answer; anyone else's make the ticket wait.
pub fn on_transaction(
    conn: &mut DbConn,
    object_type: &str,
    ticket: i64,
    txn_type: &str,
    creator: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    if object_type != TICKET || !matches!(txn_type, "Create" | "Correspond") {
        return Ok(());
    }
    let privileged: bool = users::table
        .find(creator)
        .select(users::privileged)
        .first(conn)
        .optional()?
        .unwrap_or(false)
        || creator == UserId::SYSTEM.0;
    let existing: Option<(bool, Option<NaiveDateTime>, Option<NaiveDateTime>)> =
        ticket_activity::table
            .find(ticket)
            .select((
                ticket_activity::needs_answer,
                ticket_activity::waiting_since,
                ticket_activity::first_response,
            ))
            .first(conn)
            .optional()?;
    let (_, waiting, first) = existing.unwrap_or((false, None, None));
    let (needs, waiting, first) = if privileged {
        let first = match (first, txn_type) {
            (None, "Correspond") => Some(now),
            (f, _) => f,
        };
        (false, None, first)
    } else {
        (true, Some(waiting.unwrap_or(now)), first)
    };
    if existing.is_some() {
        diesel::update(ticket_activity::table.find(ticket))
            .set((
                ticket_activity::needs_answer.eq(needs),
                ticket_activity::waiting_since.eq(waiting),
                ticket_activity::first_response.eq(first),
            ))
            .execute(conn)?;
    } else {
        diesel::insert_into(ticket_activity::table)
            .values((
                ticket_activity::ticket_id.eq(ticket),
                ticket_activity::needs_answer.eq(needs),
                ticket_activity::waiting_since.eq(waiting),
                ticket_activity::first_response.eq(first),
            ))
            .execute(conn)?;
    }
    Ok(())
}
