//! The immutable history: one row per change, ids shared across all objects as in RT.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{NewTransaction, TransactionRow};
use super::schema::{tickets, transactions};
use super::DbConn;
use crate::insert_returning_id;

pub const TICKET: &str = "RT::Ticket";

/// What to record; the creator and time are passed separately.
#[derive(Debug, Default, Clone)]
pub struct Change {
    pub txn_type: &'static str,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub data: Option<String>,
    pub time_taken: i32,
}

impl Change {
    pub fn new(txn_type: &'static str) -> Self {
        Self {
            txn_type,
            ..Self::default()
        }
    }
    pub fn field(mut self, f: impl Into<String>) -> Self {
        self.field = Some(f.into());
        self
    }
    pub fn old(mut self, v: impl Into<String>) -> Self {
        self.old_value = Some(v.into());
        self
    }
    pub fn new_value(mut self, v: impl Into<String>) -> Self {
        self.new_value = Some(v.into());
        self
    }
    pub fn data(mut self, v: impl Into<String>) -> Self {
        self.data = Some(v.into());
        self
    }
}

pub fn record(
    conn: &mut DbConn,
    object_type: &str,
    object_id: i64,
    change: Change,
    creator: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    super::activity::on_transaction(conn, object_type, object_id, change.txn_type, creator, now)?;
    let new = NewTransaction {
        object_type: object_type.to_owned(),
        object_id,
        txn_type: change.txn_type.to_owned(),
        field: change.field,
        old_value: change.old_value,
        new_value: change.new_value,
        data: change.data,
        time_taken: change.time_taken,
        creator,
        created: now,
    };
    let id = insert_returning_id!(conn, transactions::table, &new, transactions::id)?;
    if object_type == TICKET {
        super::search_queue::touch(conn, object_id)?;
    }
    Ok(id)
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<TransactionRow>> {
    transactions::table
        .find(id)
        .select(TransactionRow::as_select())
        .first(conn)
        .optional()
}

/// Ids of `ticket` and of every ticket merged into it.
pub fn merged_ids(conn: &mut DbConn, ticket: i64) -> QueryResult<Vec<i64>> {
    tickets::table
        .filter(tickets::effective_id.eq(ticket))
        .select(tickets::id)
        .order(tickets::id)
        .load(conn)
}

/// A page of a ticket's history (including tickets merged into it), oldest first.
pub fn for_ticket(
    conn: &mut DbConn,
    ticket: i64,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<TransactionRow>, i64)> {
    let ids = merged_ids(conn, ticket)?;
    let base = || {
        transactions::table
            .filter(transactions::object_type.eq(TICKET))
            .filter(transactions::object_id.eq_any(ids.clone()))
    };
    let total = base().count().get_result(conn)?;
    let rows = base()
        .order(transactions::id)
        .offset(offset)
        .limit(limit)
        .select(TransactionRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The most recent transaction of one of `types` on a ticket.
pub fn last_of_types(
    conn: &mut DbConn,
    ticket: i64,
    types: &[&str],
) -> QueryResult<Option<TransactionRow>> {
    transactions::table
        .filter(transactions::object_type.eq(TICKET))
        .filter(transactions::object_id.eq(ticket))
        .filter(transactions::txn_type.eq_any(types))
        .order(transactions::id.desc())
        .select(TransactionRow::as_select())
        .first(conn)
        .optional()
}
