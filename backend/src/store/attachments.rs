//! Attachments: every transaction's MIME tree, byte-exact, and the only door to content.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{AttachmentMeta, NewAttachment};
use super::schema::{attachments, transactions};
use super::DbConn;
use crate::domain::mime::Part;
use crate::insert_returning_id;

/// Stores a tree under `transaction_id`; returns the id of its root.
pub fn insert_tree(
    conn: &mut DbConn,
    transaction_id: i64,
    part: &Part,
    creator: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    insert_part(conn, transaction_id, 0, part, creator, now)
}

fn insert_part(
    conn: &mut DbConn,
    transaction_id: i64,
    parent: i64,
    part: &Part,
    creator: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let content = if part.children.is_empty() {
        Some(part.content.as_slice())
    } else {
        None
    };
    let new = NewAttachment {
        transaction_id,
        parent,
        message_id: &part.message_id,
        subject: &part.subject,
        filename: &part.filename,
        content_type: &part.content_type,
        content_encoding: &part.content_encoding,
        headers: &part.headers,
        content,
        content_length: i64::try_from(part.content.len()).unwrap_or(i64::MAX),
        creator,
        created: now,
    };
    let id = insert_returning_id!(conn, attachments::table, &new, attachments::id)?;
    for child in &part.children {
        insert_part(conn, transaction_id, id, child, creator, now)?;
    }
    Ok(id)
}

pub fn meta(conn: &mut DbConn, id: i64) -> QueryResult<Option<AttachmentMeta>> {
    attachments::table
        .find(id)
        .select(AttachmentMeta::as_select())
        .first(conn)
        .optional()
}

pub fn content(conn: &mut DbConn, id: i64) -> QueryResult<Option<Vec<u8>>> {
    attachments::table
        .find(id)
        .select(attachments::content)
        .first::<Option<Vec<u8>>>(conn)
        .optional()
        .map(Option::flatten)
}

pub fn for_transactions(conn: &mut DbConn, txns: &[i64]) -> QueryResult<Vec<AttachmentMeta>> {
    attachments::table
        .filter(attachments::transaction_id.eq_any(txns))
        .order(attachments::id)
        .select(AttachmentMeta::as_select())
        .load(conn)
}

/// The ticket an attachment belongs to (through its transaction).
pub fn ticket_of(conn: &mut DbConn, id: i64) -> QueryResult<Option<(String, i64)>> {
    attachments::table
        .inner_join(transactions::table)
        .filter(attachments::id.eq(id))
        .select((transactions::object_type, transactions::object_id))
        .first(conn)
        .optional()
}

/// Every attachment of a ticket's transactions (merged tickets included), optionally filtered.
pub fn for_ticket(
    conn: &mut DbConn,
    ticket_ids: &[i64],
    only_named: bool,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<AttachmentMeta>, i64)> {
    let base = || {
        let mut q = attachments::table
            .inner_join(transactions::table)
            .filter(transactions::object_type.eq(super::transactions::TICKET))
            .filter(transactions::object_id.eq_any(ticket_ids.to_vec()))
            .into_boxed();
        if only_named {
            q = q.filter(attachments::filename.ne(""));
        }
        q
    };
    let total = base().count().get_result(conn)?;
    let rows = base()
        .order(attachments::id)
        .offset(offset)
        .limit(limit)
        .select(AttachmentMeta::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The first text part of a transaction, decoded, for history views.
pub fn first_text(conn: &mut DbConn, transaction_id: i64) -> QueryResult<Option<(String, String)>> {
    let row: Option<(String, Option<Vec<u8>>)> = attachments::table
        .filter(attachments::transaction_id.eq(transaction_id))
        .filter(attachments::content_type.like("text/%"))
        .filter(attachments::filename.eq(""))
        .order(attachments::id)
        .select((attachments::content_type, attachments::content))
        .first(conn)
        .optional()?;
    Ok(row.map(|(ct, c)| {
        (
            ct,
            String::from_utf8_lossy(&c.unwrap_or_default()).into_owned(),
        )
    }))
}
