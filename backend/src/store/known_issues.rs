//! Known issues (RT "problems") and the tickets linked to them.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    known_issue_tickets, known_issues, queues, ticket_watchers, tickets, wb_reports,
};
use super::DbConn;
use crate::insert_returning_id;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = known_issues)]
pub struct KnownIssueRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub status: String,
    pub fixed_in: Option<String>,
    pub tracker_url: Option<String>,
    /// Comma-separated, sorted.
    pub affected_versions: String,
    /// Comma-separated device roles.
    pub hardware_roles: String,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

impl KnownIssueRow {
    pub fn affected(&self) -> Vec<String> {
        split_list(&self.affected_versions)
    }
    pub fn roles(&self) -> Vec<String> {
        split_list(&self.hardware_roles)
    }
}

pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Insertable)]
#[diesel(table_name = known_issues)]
pub struct NewKnownIssue {
    pub title: String,
    pub description: String,
    pub status: String,
    pub fixed_in: Option<String>,
    pub tracker_url: Option<String>,
    pub affected_versions: String,
    pub hardware_roles: String,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

/// `None` leaves a column unchanged; `Some(None)` clears a nullable one.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = known_issues)]
pub struct KnownIssueChanges {
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
    pub fixed_in: Option<Option<String>>,
    pub tracker_url: Option<Option<String>>,
    pub affected_versions: Option<String>,
    pub hardware_roles: Option<String>,
    pub last_updated_by: Option<i64>,
    pub last_updated: Option<NaiveDateTime>,
}

pub fn create(conn: &mut DbConn, new: &NewKnownIssue) -> QueryResult<i64> {
    insert_returning_id!(conn, known_issues::table, new, known_issues::id)
}

pub fn get(conn: &mut DbConn, id: i64) -> QueryResult<Option<KnownIssueRow>> {
    known_issues::table
        .find(id)
        .select(KnownIssueRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConn, status: Option<&str>) -> QueryResult<Vec<KnownIssueRow>> {
    let mut q = known_issues::table
        .select(KnownIssueRow::as_select())
        .order(known_issues::id)
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(known_issues::status.eq(s.to_owned()));
    }
    q.load(conn)
}

pub fn update(conn: &mut DbConn, id: i64, changes: &KnownIssueChanges) -> QueryResult<usize> {
    diesel::update(known_issues::table.find(id))
        .set(changes)
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::delete(known_issue_tickets::table.filter(known_issue_tickets::known_issue_id.eq(id)))
        .execute(conn)?;
    diesel::delete(known_issues::table.find(id)).execute(conn)
}

/// Links a ticket; `false` when it already was.
pub fn link(
    conn: &mut DbConn,
    issue: i64,
    ticket: i64,
    by: i64,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let exists = known_issue_tickets::table
        .find((issue, ticket))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if exists {
        return Ok(false);
    }
    diesel::insert_into(known_issue_tickets::table)
        .values((
            known_issue_tickets::known_issue_id.eq(issue),
            known_issue_tickets::ticket_id.eq(ticket),
            known_issue_tickets::linked_by.eq(by),
            known_issue_tickets::linked_at.eq(at),
        ))
        .execute(conn)?;
    Ok(true)
}

pub fn unlink(conn: &mut DbConn, issue: i64, ticket: i64) -> QueryResult<bool> {
    Ok(diesel::delete(known_issue_tickets::table.find((issue, ticket))).execute(conn)? > 0)
}

/// Issues a ticket is linked to.
pub fn of_ticket(conn: &mut DbConn, ticket: i64) -> QueryResult<Vec<i64>> {
    known_issue_tickets::table
        .filter(known_issue_tickets::ticket_id.eq(ticket))
        .select(known_issue_tickets::known_issue_id)
        .order(known_issue_tickets::known_issue_id)
        .load(conn)
}

/// A linked ticket as listed: (ticket, subject, queue name, status, linked at, report id,
/// Tails version, report language, queue id).
pub type LinkedRow = (
    i64,
    String,
    String,
    String,
    NaiveDateTime,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);

pub fn linked(conn: &mut DbConn, issue: i64) -> QueryResult<Vec<LinkedRow>> {
    known_issue_tickets::table
        .inner_join(tickets::table.inner_join(queues::table))
        .left_join(wb_reports::table.on(wb_reports::ticket_id.eq(known_issue_tickets::ticket_id)))
        .filter(known_issue_tickets::known_issue_id.eq(issue))
        .filter(tickets::status.ne("deleted"))
        .select((
            tickets::id,
            tickets::subject,
            queues::name,
            tickets::status,
            known_issue_tickets::linked_at,
            wb_reports::report_id.nullable(),
            wb_reports::tails_version.nullable(),
            wb_reports::language.nullable(),
            tickets::queue_id,
        ))
        .order(tickets::id)
        .load(conn)
}

/// One linked ticket as the rankings need it.
#[derive(Debug, Clone)]
pub struct LinkFact {
    pub issue: i64,
    /// The ticket it counts as (merges followed).
    pub ticket: i64,
    pub created: NaiveDateTime,
    pub queue: i64,
    /// The report's language, else the queue's.
    pub language: String,
}

/// Filters of [`link_facts`].
#[derive(Debug, Default, Clone)]
pub struct LinkFilter {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub queue: Option<i64>,
    /// Queues the reader may see; `None`: all.
    pub visible_queues: Option<Vec<i64>>,
    pub issues: Option<Vec<i64>>,
}

pub fn link_facts(conn: &mut DbConn, f: &LinkFilter) -> QueryResult<Vec<LinkFact>> {
    let mut q = known_issue_tickets::table
        .inner_join(tickets::table.inner_join(queues::table))
        .left_join(wb_reports::table.on(wb_reports::ticket_id.eq(known_issue_tickets::ticket_id)))
        .filter(tickets::status.ne("deleted"))
        .select((
            known_issue_tickets::known_issue_id,
            tickets::effective_id,
            tickets::created,
            tickets::queue_id,
            queues::language,
            wb_reports::language.nullable(),
        ))
        .into_boxed();
    if let Some(from) = f.from {
        q = q.filter(tickets::created.ge(from));
    }
    if let Some(to) = f.to {
        q = q.filter(tickets::created.lt(to));
    }
    if let Some(queue) = f.queue {
        q = q.filter(tickets::queue_id.eq(queue));
    }
    if let Some(vis) = &f.visible_queues {
        q = q.filter(tickets::queue_id.eq_any(vis.clone()));
    }
    if let Some(issues) = &f.issues {
        q = q.filter(known_issue_tickets::known_issue_id.eq_any(issues.clone()));
    }
    let rows: Vec<(i64, i64, NaiveDateTime, i64, String, Option<String>)> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(issue, ticket, created, queue, qlang, rlang)| LinkFact {
            issue,
            ticket,
            created,
            queue,
            language: rlang.filter(|l| !l.is_empty()).unwrap_or(qlang),
        })
        .collect())
}

/// Requestor user ids of each ticket.
pub fn requestors_of(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<HashMap<i64, Vec<i64>>> {
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    for chunk in ticket_ids.chunks(500) {
        let rows: Vec<(i64, i64)> = ticket_watchers::table
            .filter(ticket_watchers::role.eq("Requestor"))
            .filter(ticket_watchers::ticket_id.eq_any(chunk.to_vec()))
            .select((ticket_watchers::ticket_id, ticket_watchers::user_id))
            .load(conn)?;
        for (t, u) in rows {
            out.entry(t).or_default().push(u);
        }
    }
    Ok(out)
}

/// The pseudonym a requestor counts as in a known issue's distinct-requestor count: keyed
/// by the sealing master key when the store has one, and different for every issue.
pub fn requestor_token(issue: i64, user: i64) -> String {
    match crate::sealing::current() {
        Some(s) => s.pseudonym(&format!("known-issue/{issue}/requestor"), user),
        None => format!("u{user}"),
    }
}

/// Pseudonyms frozen on links by a purge, per (issue, ticket); links not frozen are absent.
pub fn frozen_tokens(
    conn: &mut DbConn,
    ticket_ids: &[i64],
) -> QueryResult<HashMap<(i64, i64), Vec<String>>> {
    let mut out = HashMap::new();
    for chunk in ticket_ids.chunks(500) {
        let rows: Vec<(i64, i64, String)> = known_issue_tickets::table
            .filter(known_issue_tickets::ticket_id.eq_any(chunk.to_vec()))
            .filter(known_issue_tickets::requestor_tokens.ne(""))
            .select((
                known_issue_tickets::known_issue_id,
                known_issue_tickets::ticket_id,
                known_issue_tickets::requestor_tokens,
            ))
            .load(conn)?;
        for (issue, ticket, tokens) in rows {
            let list = tokens.split_whitespace().map(str::to_owned).collect();
            out.insert((issue, ticket), list);
        }
    }
    Ok(out)
}

/// Before a purge takes these tickets' watchers away: writes the pseudonyms of their
/// requestors onto their known-issue links (once), so distinct-requestor counts stay.
/// Returns how many links were frozen.
pub fn freeze_requestors(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<u64> {
    let mut frozen = 0u64;
    for chunk in ticket_ids.chunks(500) {
        let links: Vec<(i64, i64)> = known_issue_tickets::table
            .filter(known_issue_tickets::ticket_id.eq_any(chunk.to_vec()))
            .filter(known_issue_tickets::requestor_tokens.eq(""))
            .select((
                known_issue_tickets::known_issue_id,
                known_issue_tickets::ticket_id,
            ))
            .load(conn)?;
        if links.is_empty() {
            continue;
        }
        let mut tickets: Vec<i64> = links.iter().map(|l| l.1).collect();
        tickets.sort_unstable();
        tickets.dedup();
        let requestors = requestors_of(conn, &tickets)?;
        for (issue, ticket) in links {
            let Some(users) = requestors.get(&ticket) else {
                continue;
            };
            let mut tokens: Vec<String> =
                users.iter().map(|u| requestor_token(issue, *u)).collect();
            tokens.sort_unstable();
            tokens.dedup();
            frozen += diesel::update(known_issue_tickets::table.find((issue, ticket)))
                .set(known_issue_tickets::requestor_tokens.eq(tokens.join(" ")))
                .execute(conn)? as u64;
        }
    }
    Ok(frozen)
}
