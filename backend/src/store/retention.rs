//! Retention rows and the set-based purges: bodies, identities, ticket history. Tickets
//! themselves are never deleted, so counts per queue, status and day survive every purge.

use chrono::NaiveDateTime;
use diesel::dsl::not;
use diesel::prelude::*;

use super::schema::{
    attachments, links, object_custom_field_values, retention_policies, retention_purged,
    retention_receipts, ticket_watchers, tickets, transactions, users,
};
use super::transactions::TICKET;
use super::{ticket_keys, DbConn};
use crate::domain::error::DomainResult;
use crate::domain::ids::UserId;
use crate::domain::lifecycle;
use crate::domain::retention::{CountedFrom, DataKind, Rule};
use crate::insert_returning_id;

/// The unprivileged user that stands in for requestors whose identity was purged.
pub const ANONYMOUS: &str = "hushdesk-anonymous";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = retention_policies)]
pub struct PolicyRow {
    pub id: i64,
    pub queue_id: i64,
    pub kind: String,
    pub max_age_days: Option<i32>,
    pub counted_from: String,
    pub updated: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = retention_receipts)]
pub struct ReceiptRow {
    pub id: i64,
    pub trigger: String,
    pub dry_run: bool,
    pub started: NaiveDateTime,
    pub finished: NaiveDateTime,
    pub policy: String,
    pub counts: String,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = retention_receipts)]
pub struct NewReceipt<'a> {
    pub trigger: &'a str,
    pub dry_run: bool,
    pub started: NaiveDateTime,
    pub finished: NaiveDateTime,
    pub policy: &'a str,
    pub counts: &'a str,
}

pub fn policy_rows(conn: &mut DbConn) -> QueryResult<Vec<PolicyRow>> {
    retention_policies::table
        .order((retention_policies::queue_id, retention_policies::kind))
        .select(PolicyRow::as_select())
        .load(conn)
}

/// Replaces a queue's stored rules for the given kinds.
pub fn set_rules(
    conn: &mut DbConn,
    queue_id: i64,
    rules: &[(DataKind, Rule)],
    now: NaiveDateTime,
) -> QueryResult<()> {
    for (kind, rule) in rules {
        diesel::delete(
            retention_policies::table
                .filter(retention_policies::queue_id.eq(queue_id))
                .filter(retention_policies::kind.eq(kind.as_str())),
        )
        .execute(conn)?;
        diesel::insert_into(retention_policies::table)
            .values((
                retention_policies::queue_id.eq(queue_id),
                retention_policies::kind.eq(kind.as_str()),
                retention_policies::max_age_days.eq(rule
                    .max_age_days
                    .map(|d| i32::try_from(d).unwrap_or(i32::MAX))),
                retention_policies::counted_from.eq(rule.counted_from.as_str()),
                retention_policies::updated.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Removes a queue's stored rules for the given kinds (back to the configuration).
pub fn clear_rules(conn: &mut DbConn, queue_id: i64, kinds: &[DataKind]) -> QueryResult<()> {
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    diesel::delete(
        retention_policies::table
            .filter(retention_policies::queue_id.eq(queue_id))
            .filter(retention_policies::kind.eq_any(names)),
    )
    .execute(conn)?;
    Ok(())
}

macro_rules! due_query {
    ($queue:expr, $kind:expr, $rule:expr, $cutoff:expr) => {{
        let purged = retention_purged::table
            .filter(retention_purged::kind.eq($kind.as_str()))
            .select(retention_purged::ticket_id);
        let mut q = tickets::table
            .filter(tickets::queue_id.eq($queue))
            .filter(tickets::is_merged.eq(false))
            .filter(not(tickets::id.eq_any(purged)))
            .into_boxed();
        match $rule.counted_from {
            CountedFrom::Resolution => {
                q = q
                    .filter(tickets::status.eq_any(lifecycle::INACTIVE))
                    .filter(diesel::BoolExpressionMethods::or(
                        tickets::resolved.lt($cutoff),
                        tickets::resolved
                            .is_null()
                            .and(tickets::last_updated.lt($cutoff)),
                    ));
            }
            CountedFrom::LastActivity => {
                q = q.filter(tickets::last_updated.lt($cutoff));
            }
        }
        q
    }};
}

/// Tickets (not merged away) of `queue` whose `kind` is due and not yet purged.
pub fn due(
    conn: &mut DbConn,
    queue: i64,
    kind: DataKind,
    rule: Rule,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<i64>> {
    let Some(cutoff) = rule.cutoff(now) else {
        return Ok(Vec::new());
    };
    due_query!(queue, kind, rule, cutoff)
        .order(tickets::id)
        .limit(limit)
        .select(tickets::id)
        .load(conn)
}

/// How many tickets of `queue` are due for `kind`.
pub fn count_due(
    conn: &mut DbConn,
    queue: i64,
    kind: DataKind,
    rule: Rule,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let Some(cutoff) = rule.cutoff(now) else {
        return Ok(0);
    };
    due_query!(queue, kind, rule, cutoff)
        .count()
        .get_result(conn)
}

/// The tickets and every ticket merged into them.
pub fn with_merged(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<i64>> {
    let mut all: Vec<i64> = tickets::table
        .filter(tickets::effective_id.eq_any(ids))
        .select(tickets::id)
        .load(conn)?;
    all.extend_from_slice(ids);
    all.sort_unstable();
    all.dedup();
    Ok(all)
}

/// Records that `kind` was purged from these tickets.
pub fn mark(conn: &mut DbConn, ids: &[i64], kind: DataKind, now: NaiveDateTime) -> QueryResult<()> {
    diesel::delete(
        retention_purged::table
            .filter(retention_purged::ticket_id.eq_any(ids))
            .filter(retention_purged::kind.eq(kind.as_str())),
    )
    .execute(conn)?;
    for chunk in ids.chunks(200) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|id| {
                (
                    retention_purged::ticket_id.eq(*id),
                    retention_purged::kind.eq(kind.as_str()),
                    retention_purged::purged.eq(now),
                )
            })
            .collect();
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(retention_purged::table)
                .values(rows)
                .execute(c)?,
            DbConn::Pg(c) => diesel::insert_into(retention_purged::table)
                .values(rows)
                .execute(c)?,
        };
    }
    Ok(())
}

/// Ids of the transactions of these tickets.
pub fn transaction_ids(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<i64>> {
    transactions::table
        .filter(transactions::object_type.eq(TICKET))
        .filter(transactions::object_id.eq_any(ids))
        .select(transactions::id)
        .load(conn)
}

/// Ids of the attachments of these transactions that still hold something.
pub fn attachment_ids(conn: &mut DbConn, txns: &[i64]) -> QueryResult<Vec<i64>> {
    attachments::table
        .filter(attachments::transaction_id.eq_any(txns))
        .select(attachments::id)
        .load(conn)
}

/// What a bodies purge removed.
#[derive(Debug, Default, Clone, Copy)]
pub struct BodyCounts {
    pub attachments: u64,
    pub keys: u64,
}

/// Destroys the tickets' keys and clears content, subjects, file names and headers; `ids`
/// must include merged tickets. Search-index entries are removed by the caller.
pub fn purge_bodies(conn: &mut DbConn, ids: &[i64], txns: &[i64]) -> QueryResult<BodyCounts> {
    let keys = ticket_keys::destroy(conn, ids)?;
    let attachments =
        diesel::update(attachments::table.filter(attachments::transaction_id.eq_any(txns)))
            .set((
                attachments::content.eq(None::<Vec<u8>>),
                attachments::sealed_by.eq(None::<i64>),
                attachments::subject.eq(""),
                attachments::filename.eq(""),
                attachments::headers.eq(""),
                attachments::message_id.eq(""),
            ))
            .execute(conn)?;
    diesel::update(tickets::table.filter(tickets::id.eq_any(ids)))
        .set(tickets::subject.eq(""))
        .execute(conn)?;
    diesel::update(
        transactions::table
            .filter(transactions::id.eq_any(txns))
            .filter(transactions::data.is_not_null()),
    )
    .set(transactions::data.eq(None::<String>))
    .execute(conn)?;
    diesel::update(
        transactions::table
            .filter(transactions::id.eq_any(txns))
            .filter(transactions::field.eq("Subject")),
    )
    .set((
        transactions::old_value.eq(None::<String>),
        transactions::new_value.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(BodyCounts {
        attachments: attachments as u64,
        keys: keys as u64,
    })
}

/// The stand-in for purged requestors, created on first use.
pub fn anonymous_user(conn: &mut DbConn, now: NaiveDateTime) -> DomainResult<i64> {
    if let Some(u) = super::users::by_name(conn, ANONYMOUS)? {
        return Ok(u.id);
    }
    super::users::create(
        conn,
        &super::users::UserInput {
            name: ANONYMOUS.into(),
            disabled: true,
            ..Default::default()
        },
        UserId::SYSTEM,
        now,
    )
}

/// What an identity purge changed.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdentityCounts {
    pub watchers: u64,
    pub users_anonymised: u64,
    pub openpgp_keys: u64,
}

/// Replaces unprivileged watchers of these tickets (and their traces as creators) by the
/// anonymous user, clears mail headers, and blanks users left with no ticket.
pub fn purge_identity(
    conn: &mut DbConn,
    ids: &[i64],
    txns: &[i64],
    anonymous: i64,
) -> QueryResult<IdentityCounts> {
    // Known issues keep counting these requestors, under pseudonyms.
    super::known_issues::freeze_requestors(conn, ids)?;
    let rows: Vec<(i64, String, i64)> = ticket_watchers::table
        .inner_join(users::table)
        .filter(ticket_watchers::ticket_id.eq_any(ids))
        .filter(users::privileged.eq(false))
        .filter(users::id.ne(anonymous))
        .filter(users::id.gt(UserId::NOBODY.0))
        .select((
            ticket_watchers::ticket_id,
            ticket_watchers::role,
            ticket_watchers::user_id,
        ))
        .load(conn)?;
    let mut people: Vec<i64> = rows.iter().map(|r| r.2).collect();
    people.sort_unstable();
    people.dedup();
    for (ticket, role, user) in &rows {
        diesel::delete(
            ticket_watchers::table
                .filter(ticket_watchers::ticket_id.eq(ticket))
                .filter(ticket_watchers::role.eq(role))
                .filter(ticket_watchers::user_id.eq(user)),
        )
        .execute(conn)?;
        let row = (
            ticket_watchers::ticket_id.eq(*ticket),
            ticket_watchers::role.eq(role.as_str()),
            ticket_watchers::user_id.eq(anonymous),
        );
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(ticket_watchers::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(c)?,
            DbConn::Pg(c) => diesel::insert_into(ticket_watchers::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(c)?,
        };
    }
    // Unprivileged creators (requestors who wrote in) become the anonymous user too.
    let unprivileged: Vec<i64> = {
        let mut creators: Vec<i64> = tickets::table
            .filter(tickets::id.eq_any(ids))
            .select(tickets::creator)
            .load(conn)?;
        creators.extend(
            transactions::table
                .filter(transactions::id.eq_any(txns))
                .select(transactions::creator)
                .distinct()
                .load::<i64>(conn)?,
        );
        creators.sort_unstable();
        creators.dedup();
        users::table
            .filter(users::id.eq_any(creators))
            .filter(users::privileged.eq(false))
            .filter(users::id.gt(UserId::NOBODY.0))
            .filter(users::id.ne(anonymous))
            .select(users::id)
            .load(conn)?
    };
    people.extend(&unprivileged);
    people.sort_unstable();
    people.dedup();
    diesel::update(
        tickets::table
            .filter(tickets::id.eq_any(ids))
            .filter(tickets::creator.eq_any(&unprivileged)),
    )
    .set(tickets::creator.eq(anonymous))
    .execute(conn)?;
    diesel::update(
        tickets::table
            .filter(tickets::id.eq_any(ids))
            .filter(tickets::last_updated_by.eq_any(&unprivileged)),
    )
    .set(tickets::last_updated_by.eq(anonymous))
    .execute(conn)?;
    diesel::update(
        transactions::table
            .filter(transactions::id.eq_any(txns))
            .filter(transactions::creator.eq_any(&unprivileged)),
    )
    .set(transactions::creator.eq(anonymous))
    .execute(conn)?;
    diesel::update(
        attachments::table
            .filter(attachments::transaction_id.eq_any(txns))
            .filter(attachments::creator.eq_any(&unprivileged)),
    )
    .set(attachments::creator.eq(anonymous))
    .execute(conn)?;
    let as_text: Vec<String> = people.iter().map(i64::to_string).collect();
    diesel::update(
        transactions::table
            .filter(transactions::id.eq_any(txns))
            .filter(transactions::new_value.eq_any(&as_text)),
    )
    .filter(transactions::txn_type.eq_any(["AddWatcher", "DelWatcher", "SetWatcher"]))
    .set(transactions::new_value.eq(anonymous.to_string()))
    .execute(conn)?;
    diesel::update(
        transactions::table
            .filter(transactions::id.eq_any(txns))
            .filter(transactions::old_value.eq_any(&as_text)),
    )
    .filter(transactions::txn_type.eq_any(["AddWatcher", "DelWatcher", "SetWatcher"]))
    .set(transactions::old_value.eq(anonymous.to_string()))
    .execute(conn)?;
    diesel::update(attachments::table.filter(attachments::transaction_id.eq_any(txns)))
        .set(attachments::headers.eq(""))
        .execute(conn)?;
    let mut anonymised = 0u64;
    let mut keys = 0u64;
    for user in &people {
        let still_watching: i64 = ticket_watchers::table
            .filter(ticket_watchers::user_id.eq(user))
            .count()
            .get_result(conn)?;
        if still_watching == 0 {
            let b = blank_user(conn, *user)?;
            anonymised += u64::from(b.blanked);
            keys += b.openpgp_keys;
        }
    }
    Ok(IdentityCounts {
        watchers: rows.len() as u64,
        users_anonymised: anonymised,
        openpgp_keys: keys,
    })
}

/// What blanking one user changed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Blanked {
    /// The user was unprivileged and is now blank.
    pub blanked: bool,
    /// OpenPGP keys removed with the identity (their user ids name the person).
    pub openpgp_keys: u64,
}

/// Blanks an unprivileged user's identity in place (the row stays: history refers to it) and
/// removes the user's OpenPGP keys.
pub fn blank_user(conn: &mut DbConn, user: i64) -> QueryResult<Blanked> {
    let n = diesel::update(
        users::table
            .filter(users::id.eq(user))
            .filter(users::privileged.eq(false)),
    )
    .set((
        users::name.eq(format!("purged-{user}")),
        users::email_address.eq(None::<String>),
        users::real_name.eq(""),
        users::nickname.eq(""),
        users::organization.eq(""),
        users::gecos.eq(""),
        users::comments.eq(""),
        users::extra.eq("{}"),
        users::password_hash.eq(None::<String>),
        users::disabled.eq(true),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(Blanked::default());
    }
    let keys = super::openpgp::delete_owner_keys(conn, super::openpgp::OWNER_USER, user)?;
    Ok(Blanked {
        blanked: true,
        openpgp_keys: keys as u64,
    })
}

/// Reduces tickets to the skeleton statistics count: history, custom field values, links
/// and watchers go; queue, status, type and dates stay. Returns transactions removed.
pub fn purge_metadata(conn: &mut DbConn, ids: &[i64], txns: &[i64]) -> QueryResult<u64> {
    super::known_issues::freeze_requestors(conn, ids)?;
    diesel::delete(attachments::table.filter(attachments::transaction_id.eq_any(txns)))
        .execute(conn)?;
    let removed =
        diesel::delete(transactions::table.filter(transactions::id.eq_any(txns))).execute(conn)?;
    diesel::delete(
        object_custom_field_values::table
            .filter(object_custom_field_values::object_type.eq(TICKET))
            .filter(object_custom_field_values::object_id.eq_any(ids)),
    )
    .execute(conn)?;
    diesel::delete(
        links::table.filter(
            links::local_base
                .eq_any(ids)
                .or(links::local_target.eq_any(ids)),
        ),
    )
    .execute(conn)?;
    diesel::delete(ticket_watchers::table.filter(ticket_watchers::ticket_id.eq_any(ids)))
        .execute(conn)?;
    diesel::update(tickets::table.filter(tickets::id.eq_any(ids)))
        .set((
            tickets::subject.eq(""),
            tickets::owner_id.eq(UserId::NOBODY.0),
        ))
        .execute(conn)?;
    Ok(removed as u64)
}

/// Every ticket an address is a watcher of, or created.
pub fn tickets_of_user(conn: &mut DbConn, user: i64) -> QueryResult<Vec<i64>> {
    let mut ids: Vec<i64> = ticket_watchers::table
        .filter(ticket_watchers::user_id.eq(user))
        .select(ticket_watchers::ticket_id)
        .load(conn)?;
    ids.extend(
        tickets::table
            .filter(tickets::creator.eq(user))
            .select(tickets::id)
            .load::<i64>(conn)?,
    );
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

pub fn insert_receipt(conn: &mut DbConn, new: &NewReceipt<'_>) -> QueryResult<i64> {
    insert_returning_id!(conn, retention_receipts::table, new, retention_receipts::id)
}

pub fn receipts(conn: &mut DbConn, offset: i64, limit: i64) -> QueryResult<(Vec<ReceiptRow>, i64)> {
    let total = retention_receipts::table.count().get_result(conn)?;
    let rows = retention_receipts::table
        .order(retention_receipts::id.desc())
        .offset(offset)
        .limit(limit)
        .select(ReceiptRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

pub fn receipt(conn: &mut DbConn, id: i64) -> QueryResult<Option<ReceiptRow>> {
    retention_receipts::table
        .find(id)
        .select(ReceiptRow::as_select())
        .first(conn)
        .optional()
}
