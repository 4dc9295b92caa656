//! Attachments: every transaction's MIME tree, byte-exact, and the only door to content.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{AttachmentMeta, NewAttachment};
use super::schema::{attachments, transactions};
use super::{ticket_keys, DbConn};
use crate::domain::mime::Part;
use crate::insert_returning_id;
use crate::sealing::{self, DataKey, SealError};

/// The key new content of one transaction is sealed with.
struct SealWith {
    ticket_id: i64,
    key: DataKey,
    aad: Vec<u8>,
}

/// Stores a tree under `transaction_id`; returns the id of its root. Content of a ticket's
/// transaction is sealed under the ticket's data key when the store has an enabled sealer.
pub fn insert_tree(
    conn: &mut DbConn,
    transaction_id: i64,
    part: &Part,
    creator: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let seal = match sealing::current().filter(|s| s.enabled()) {
        Some(sealer) => {
            let owner: Option<(String, i64, String)> = transactions::table
                .find(transaction_id)
                .select((
                    transactions::object_type,
                    transactions::object_id,
                    transactions::txn_type,
                ))
                .first(conn)
                .optional()?;
            match owner {
                Some((kind, ticket_id, txn_type)) if kind == super::transactions::TICKET => {
                    // A Create transaction's ticket is new: it has no key yet.
                    let new_ticket = txn_type == "Create";
                    Some(SealWith {
                        ticket_id,
                        key: ticket_keys::get_or_create(conn, &sealer, ticket_id, now, new_ticket)?,
                        aad: sealing::attachment_aad(ticket_id, transaction_id),
                    })
                }
                _ => None,
            }
        }
        None => None,
    };
    insert_part(conn, transaction_id, 0, part, creator, now, seal.as_ref())
}

fn insert_part(
    conn: &mut DbConn,
    transaction_id: i64,
    parent: i64,
    part: &Part,
    creator: i64,
    now: NaiveDateTime,
    seal: Option<&SealWith>,
) -> QueryResult<i64> {
    let sealed;
    let (content, sealed_by) = match (part.children.is_empty(), seal) {
        (false, _) => (None, None),
        (true, None) => (Some(part.content.as_slice()), None),
        (true, Some(s)) => {
            sealed = s.key.seal(&s.aad, &part.content);
            (Some(sealed.as_slice()), Some(s.ticket_id))
        }
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
        sealed_by,
    };
    let id = insert_returning_id!(conn, attachments::table, &new, attachments::id)?;
    for child in &part.children {
        insert_part(conn, transaction_id, id, child, creator, now, seal)?;
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
    let row: Option<(Option<Vec<u8>>, Option<i64>, i64)> = attachments::table
        .find(id)
        .select((
            attachments::content,
            attachments::sealed_by,
            attachments::transaction_id,
        ))
        .first(conn)
        .optional()?;
    match row {
        Some((content, sealed_by, txn)) => unseal(conn, content, sealed_by, txn),
        None => Ok(None),
    }
}

/// Opens sealed content; content whose key was destroyed reads as absent. Every reader of
/// `attachments.content` goes through this (or `content`/`first_text`).
pub fn unseal(
    conn: &mut DbConn,
    content: Option<Vec<u8>>,
    sealed_by: Option<i64>,
    transaction_id: i64,
) -> QueryResult<Option<Vec<u8>>> {
    let (Some(sealed), Some(ticket_id)) = (content.as_ref(), sealed_by) else {
        return Ok(content);
    };
    let damaged = |e: SealError| diesel::result::Error::DeserializationError(Box::new(e));
    let sealer = sealing::current().ok_or_else(|| damaged(SealError::NoSealer))?;
    match ticket_keys::get(conn, &sealer, ticket_id)? {
        Some(key) => key
            .open(&sealing::attachment_aad(ticket_id, transaction_id), sealed)
            .map(Some)
            .map_err(damaged),
        None => Ok(None),
    }
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
    let row: Option<(String, Option<Vec<u8>>, Option<i64>)> = attachments::table
        .filter(attachments::transaction_id.eq(transaction_id))
        .filter(attachments::content_type.like("text/%"))
        .filter(attachments::filename.eq(""))
        .order(attachments::id)
        .select((
            attachments::content_type,
            attachments::content,
            attachments::sealed_by,
        ))
        .first(conn)
        .optional()?;
    let Some((ct, content, sealed_by)) = row else {
        return Ok(None);
    };
    let c = unseal(conn, content, sealed_by, transaction_id)?;
    Ok(Some((
        ct,
        String::from_utf8_lossy(&c.unwrap_or_default()).into_owned(),
    )))
}
