//! Replies sent to tickets when their known issue was fixed: one per issue and ticket.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::known_issue_replies as r;
use super::DbConn;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = r)]
pub struct NewReply {
    pub known_issue_id: i64,
    pub ticket_id: i64,
    pub transaction_id: i64,
    pub language: String,
    pub answer_id: i64,
    pub creator: i64,
    pub created: NaiveDateTime,
}

/// Tickets already replied to for this issue.
pub fn contacted(conn: &mut DbConn, issue: i64) -> QueryResult<Vec<i64>> {
    r::table
        .filter(r::known_issue_id.eq(issue))
        .select(r::ticket_id)
        .order(r::ticket_id)
        .load(conn)
}

pub fn record(conn: &mut DbConn, new: &NewReply) -> QueryResult<()> {
    diesel::insert_into(r::table).values(new).execute(conn)?;
    Ok(())
}

/// The newest transaction of this type on a ticket (the reply just recorded).
pub fn last_transaction(
    conn: &mut DbConn,
    ticket: i64,
    txn_type: &str,
) -> QueryResult<Option<i64>> {
    use super::schema::transactions as t;
    t::table
        .filter(t::object_type.eq(super::transactions::TICKET))
        .filter(t::object_id.eq(ticket))
        .filter(t::txn_type.eq(txn_type))
        .select(t::id)
        .order(t::id.desc())
        .first(conn)
        .optional()
}
