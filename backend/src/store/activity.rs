//! Who is waiting for an answer: one `ticket_activity` row per ticket, kept current on every
//! Create and Correspond transaction so the *Needs answer* view is one indexed query.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{ticket_activity, transactions, users};
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

/// Recomputes a ticket's waiting state from its history and that of the tickets merged into
/// it (after a merge the survivor waits if the latest message of either came from a requestor).
pub fn recompute(conn: &mut DbConn, ticket: i64) -> QueryResult<()> {
    let ids = super::transactions::merged_ids(conn, ticket)?;
    let msgs: Vec<(String, NaiveDateTime, i64, bool)> = transactions::table
        .inner_join(users::table.on(users::id.eq(transactions::creator)))
        .filter(transactions::object_type.eq(TICKET))
        .filter(transactions::object_id.eq_any(ids))
        .filter(transactions::txn_type.eq_any(["Create", "Correspond"]))
        .order((transactions::created, transactions::id))
        .select((
            transactions::txn_type,
            transactions::created,
            transactions::creator,
            users::privileged,
        ))
        .load(conn)?;
    let mut state: (bool, Option<NaiveDateTime>, Option<NaiveDateTime>) = (false, None, None);
    for (kind, at, creator, privileged) in msgs {
        if privileged || creator == UserId::SYSTEM.0 {
            if kind == "Correspond" && state.2.is_none() {
                state.2 = Some(at);
            }
            state = (false, None, state.2);
        } else {
            state = (true, Some(state.1.unwrap_or(at)), state.2);
        }
    }
    let (needs, waiting, first) = state;
    diesel::delete(ticket_activity::table.find(ticket)).execute(conn)?;
    diesel::insert_into(ticket_activity::table)
        .values((
            ticket_activity::ticket_id.eq(ticket),
            ticket_activity::needs_answer.eq(needs),
            ticket_activity::waiting_since.eq(waiting),
            ticket_activity::first_response.eq(first),
        ))
        .execute(conn)?;
    Ok(())
}
