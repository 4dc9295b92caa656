//! Queries behind the app's sidebar, views, shift handover and statistics. Callers pass the
//! queues the user may see; every query is limited to them.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::rows::{QueueRow, TicketRow, UserRow};
use super::schema::{queues, ticket_activity, ticket_watchers, tickets, transactions, users};
use super::transactions::TICKET;
use super::DbConn;
use crate::domain::ids::UserId;
use crate::domain::lifecycle;
use crate::domain::rights::{EffectiveRights, Right};

/// Enabled queues where the user sees every ticket, narrowed by an optional queue and language.
pub fn visible_queues(
    conn: &mut DbConn,
    rights: &EffectiveRights,
    queue: Option<i64>,
    language: Option<&str>,
) -> QueryResult<Vec<QueueRow>> {
    let allowed = rights.queues_with(Right::ShowTicket);
    let mut q = queues::table
        .filter(queues::disabled.eq(false))
        .into_boxed();
    if let Some(ids) = allowed {
        q = q.filter(queues::id.eq_any(ids));
    }
    if let Some(id) = queue {
        q = q.filter(queues::id.eq(id));
    }
    if let Some(l) = language {
        q = q.filter(queues::language.eq(l.to_owned()));
    }
    q.order((queues::sort_order, queues::name))
        .select(QueueRow::as_select())
        .load(conn)
}

/// Per queue: (new, needs answer, open).
pub fn queue_counts(conn: &mut DbConn, queue_ids: &[i64]) -> QueryResult<HashMap<i64, [i64; 3]>> {
    let by_status: Vec<(i64, String, i64)> = tickets::table
        .filter(tickets::id.eq(tickets::effective_id))
        .filter(tickets::queue_id.eq_any(queue_ids))
        .filter(tickets::status.eq_any(["new", "open"]))
        .group_by((tickets::queue_id, tickets::status))
        .select((tickets::queue_id, tickets::status, count_star()))
        .load(conn)?;
    let waiting: Vec<(i64, i64)> = tickets::table
        .inner_join(ticket_activity::table)
        .filter(tickets::id.eq(tickets::effective_id))
        .filter(tickets::queue_id.eq_any(queue_ids))
        .filter(tickets::status.ne_all(lifecycle::INACTIVE))
        .filter(ticket_activity::needs_answer.eq(true))
        .group_by(tickets::queue_id)
        .select((tickets::queue_id, count_star()))
        .load(conn)?;
    let mut out: HashMap<i64, [i64; 3]> = HashMap::new();
    for (q, status, n) in by_status {
        let slot = if status == "new" { 0 } else { 2 };
        out.entry(q).or_default()[slot] += n;
    }
    for (q, n) in waiting {
        out.entry(q).or_default()[1] += n;
    }
    Ok(out)
}

/// Which tickets a view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    NeedsAnswer,
    Mine(i64),
    Unowned,
}

/// A page of a view and the view's total.
pub fn view(
    conn: &mut DbConn,
    view: View,
    queue_ids: &[i64],
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<TicketRow>, i64)> {
    match view {
        View::NeedsAnswer => {
            let base = || {
                tickets::table
                    .inner_join(ticket_activity::table)
                    .filter(tickets::id.eq(tickets::effective_id))
                    .filter(tickets::queue_id.eq_any(queue_ids))
                    .filter(tickets::status.ne_all(lifecycle::INACTIVE))
                    .filter(ticket_activity::needs_answer.eq(true))
            };
            let total = base().count().get_result(conn)?;
            let rows = base()
                .order((ticket_activity::waiting_since.asc(), tickets::id.asc()))
                .offset(offset)
                .limit(limit)
                .select(TicketRow::as_select())
                .load(conn)?;
            Ok((rows, total))
        }
        View::Mine(_) | View::Unowned => {
            let owner = match view {
                View::Mine(me) => me,
                _ => UserId::NOBODY.0,
            };
            let base = || {
                tickets::table
                    .filter(tickets::id.eq(tickets::effective_id))
                    .filter(tickets::queue_id.eq_any(queue_ids))
                    .filter(tickets::status.ne_all(lifecycle::INACTIVE))
                    .filter(tickets::owner_id.eq(owner))
            };
            let total = base().count().get_result(conn)?;
            let rows = base()
                .order((tickets::last_updated.asc(), tickets::id.asc()))
                .offset(offset)
                .limit(limit)
                .select(TicketRow::as_select())
                .load(conn)?;
            Ok((rows, total))
        }
    }
}

/// Waiting state per ticket: (needs answer, waiting since).
pub fn activity(
    conn: &mut DbConn,
    ticket_ids: &[i64],
) -> QueryResult<HashMap<i64, (bool, Option<NaiveDateTime>)>> {
    let rows: Vec<(i64, bool, Option<NaiveDateTime>)> = ticket_activity::table
        .filter(ticket_activity::ticket_id.eq_any(ticket_ids))
        .select((
            ticket_activity::ticket_id,
            ticket_activity::needs_answer,
            ticket_activity::waiting_since,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(t, n, w)| (t, (n, w))).collect())
}

/// The first requestor of each ticket.
pub fn first_requestors(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = ticket_watchers::table
        .filter(ticket_watchers::ticket_id.eq_any(ticket_ids))
        .filter(ticket_watchers::role.eq("Requestor"))
        .order((ticket_watchers::ticket_id, ticket_watchers::user_id))
        .select((ticket_watchers::ticket_id, ticket_watchers::user_id))
        .load(conn)?;
    let mut out = HashMap::new();
    for (t, u) in rows {
        out.entry(t).or_insert(u);
    }
    Ok(out)
}

pub fn users_by_ids(conn: &mut DbConn, ids: &[i64]) -> QueryResult<HashMap<i64, UserRow>> {
    let rows: Vec<UserRow> = users::table
        .filter(users::id.eq_any(ids))
        .select(UserRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|u| (u.id, u)).collect())
}

/// Counts per (creator, transaction type) of replies and comments since a time.
pub fn messages_since(
    conn: &mut DbConn,
    queue_ids: &[i64],
    since: NaiveDateTime,
) -> QueryResult<Vec<(i64, String, i64)>> {
    transactions::table
        .filter(transactions::created.ge(since))
        .filter(transactions::txn_type.eq_any(["Correspond", "Comment"]))
        .filter(transactions::object_type.eq(TICKET))
        .filter(
            transactions::object_id.eq_any(
                tickets::table
                    .filter(tickets::queue_id.eq_any(queue_ids))
                    .select(tickets::id),
            ),
        )
        .group_by((transactions::creator, transactions::txn_type))
        .select((transactions::creator, transactions::txn_type, count_star()))
        .load(conn)
}

/// Tickets set to resolved since a time, per user who did it.
pub fn resolved_since(
    conn: &mut DbConn,
    queue_ids: &[i64],
    since: NaiveDateTime,
) -> QueryResult<Vec<(i64, i64)>> {
    transactions::table
        .filter(transactions::created.ge(since))
        .filter(transactions::txn_type.eq("Status"))
        .filter(transactions::new_value.eq("resolved"))
        .filter(transactions::object_type.eq(TICKET))
        .filter(
            transactions::object_id.eq_any(
                tickets::table
                    .filter(tickets::queue_id.eq_any(queue_ids))
                    .select(tickets::id),
            ),
        )
        .group_by(transactions::creator)
        .select((transactions::creator, count_star()))
        .load(conn)
}

/// Tickets created since a time: how many, and those still waiting for a first answer.
pub fn new_since(
    conn: &mut DbConn,
    queue_ids: &[i64],
    since: NaiveDateTime,
    limit: i64,
) -> QueryResult<(i64, Vec<TicketRow>)> {
    let created = tickets::table
        .filter(tickets::id.eq(tickets::effective_id))
        .filter(tickets::queue_id.eq_any(queue_ids))
        .filter(tickets::created.ge(since))
        .count()
        .get_result(conn)?;
    let waiting = tickets::table
        .inner_join(ticket_activity::table)
        .filter(tickets::id.eq(tickets::effective_id))
        .filter(tickets::queue_id.eq_any(queue_ids))
        .filter(tickets::created.ge(since))
        .filter(tickets::status.ne_all(lifecycle::INACTIVE))
        .filter(ticket_activity::first_response.is_null())
        .order((tickets::created.asc(), tickets::id.asc()))
        .limit(limit)
        .select(TicketRow::as_select())
        .load(conn)?;
    Ok((created, waiting))
}

/// What the statistics need of each ticket.
#[derive(Debug, Clone, Queryable)]
pub struct StatsTicket {
    pub queue_id: i64,
    pub status: String,
    pub created: NaiveDateTime,
    pub resolved: Option<NaiveDateTime>,
    pub first_response: Option<NaiveDateTime>,
}

/// Every ticket (merged ones excluded) of the queues created up to `until`.
pub fn stats_tickets(
    conn: &mut DbConn,
    queue_ids: &[i64],
    until: NaiveDateTime,
) -> QueryResult<Vec<StatsTicket>> {
    tickets::table
        .left_join(ticket_activity::table)
        .filter(tickets::id.eq(tickets::effective_id))
        .filter(tickets::queue_id.eq_any(queue_ids))
        .filter(tickets::created.lt(until))
        .select((
            tickets::queue_id,
            tickets::status,
            tickets::created,
            tickets::resolved,
            ticket_activity::first_response.nullable(),
        ))
        .load::<(
            i64,
            String,
            NaiveDateTime,
            Option<NaiveDateTime>,
            Option<NaiveDateTime>,
        )>(conn)
        .map(|rows| {
            rows.into_iter()
                .map(
                    |(queue_id, status, created, resolved, first_response)| StatsTicket {
                        queue_id,
                        status,
                        created,
                        resolved,
                        first_response,
                    },
                )
                .collect()
        })
}

/// Tickets each user requested (all roles of Requestor, any ticket).
pub fn requested_counts(conn: &mut DbConn, user_ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = ticket_watchers::table
        .filter(ticket_watchers::user_id.eq_any(user_ids))
        .filter(ticket_watchers::role.eq("Requestor"))
        .group_by(ticket_watchers::user_id)
        .select((ticket_watchers::user_id, count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// A message body part of a transaction: (attachment id, transaction id, content type, bytes).
pub type BodyPart = (i64, i64, String, Option<Vec<u8>>);

/// The unnamed text/plain and text/html parts of the transactions, in order.
pub fn body_parts(conn: &mut DbConn, txn_ids: &[i64]) -> QueryResult<Vec<BodyPart>> {
    use super::schema::attachments;
    type Row = (i64, i64, String, Option<Vec<u8>>, Option<i64>);
    let rows: Vec<Row> = attachments::table
        .filter(attachments::transaction_id.eq_any(txn_ids))
        .filter(attachments::filename.eq(""))
        .filter(attachments::content_type.eq_any(["text/plain", "text/html"]))
        .order(attachments::id)
        .select((
            attachments::id,
            attachments::transaction_id,
            attachments::content_type,
            attachments::content,
            attachments::sealed_by,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, txn, ct, content, sealed_by)| {
            let content = super::attachments::unseal(conn, content, sealed_by, txn)?;
            Ok((id, txn, ct, content))
        })
        .collect()
}
