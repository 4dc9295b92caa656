//! REST 1.0 ticket history (short and long forms), attachments and their raw content.

use super::framing::{compose, one, size, Out, Reply};
use super::tickets::visible;
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::ctx;
use crate::api::rest2::render::Lookup;
use crate::api::AppState;
use crate::domain::dates;
use crate::domain::rights::Right;
use crate::store::rows::{TicketRow, TransactionRow};
use crate::store::{attachments, tickets, transactions, DbConn};

fn may_see(kind: &str, comments: bool, outgoing: bool) -> bool {
    match kind {
        "Comment" | "CommentEmailRecord" => comments,
        "EmailRecord" => outgoing,
        _ => true,
    }
}

/// The transactions of a ticket the caller may read, oldest first.
fn readable(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    t: &TicketRow,
) -> ApiResult<Vec<TransactionRow>> {
    let c = ctx(st, me, st.clock.now());
    let comments = tickets::can(conn, &c, t, Right::ShowTicketComments)?;
    let outgoing = tickets::can(conn, &c, t, Right::ShowOutgoingEmail)?;
    let (all, _) = transactions::for_ticket(conn, t.id, 0, i64::MAX)?;
    Ok(all
        .into_iter()
        .filter(|r| may_see(&r.txn_type, comments, outgoing))
        .collect())
}

fn long_form(lk: &mut Lookup<'_>, r: &TransactionRow, ticket: i64) -> ApiResult<Out> {
    let mut o = Out::new();
    one(&mut o, "id", r.id.to_string());
    one(&mut o, "Ticket", ticket.to_string());
    one(&mut o, "TimeTaken", r.time_taken.to_string());
    one(&mut o, "Type", r.txn_type.clone());
    one(&mut o, "Field", r.field.clone().unwrap_or_default());
    one(&mut o, "OldValue", r.old_value.clone().unwrap_or_default());
    one(&mut o, "NewValue", r.new_value.clone().unwrap_or_default());
    let atts = attachments::for_transactions(lk.conn, &[r.id])?;
    let data = match r.txn_type.as_str() {
        "Correspond" | "Comment" => {
            let subject = atts
                .first()
                .map(|a| a.subject.clone())
                .filter(|s| !s.is_empty());
            subject.unwrap_or_else(|| "No Subject".into())
        }
        _ => r.data.clone().unwrap_or_default(),
    };
    one(&mut o, "Data", data);
    one(&mut o, "Description", lk.describe(r)?);
    let content = attachments::first_text(lk.conn, r.id)?
        .map(|(_, c)| c)
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "This transaction appears to have no content".into());
    one(&mut o, "Content", content);
    let creator = lk
        .user(r.creator)?
        .map(|u| u.name)
        .unwrap_or_else(|| r.creator.to_string());
    one(&mut o, "Creator", creator);
    one(&mut o, "Created", dates::sql(r.created));
    let list: Vec<String> = atts
        .iter()
        .map(|a| {
            let name = if a.filename.is_empty() {
                "untitled"
            } else {
                a.filename.as_str()
            };
            format!("{}: {name} ({})", a.id, size(a.content_length))
        })
        .collect();
    one(&mut o, "Attachments", list.join("\n"));
    Ok(o)
}

/// `ticket/<id>/history`, short (`<txn>: <description>`) or `format=l`.
pub fn history(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    long: bool,
) -> ApiResult<Reply> {
    let t = match visible(conn, st, me, id)? {
        Ok(t) => t,
        Err(r) => return Ok(r),
    };
    let rows = readable(conn, st, me, &t)?;
    let n = rows.len();
    let mut lk = Lookup::new(conn);
    if !long {
        let mut body = format!("# {n}/{n} (/total)\n\n");
        for r in &rows {
            body.push_str(&format!("{}: {}\n", r.id, lk.describe(r)?));
        }
        return Ok(Reply::ok(body));
    }
    let mut texts = Vec::with_capacity(n);
    for (i, r) in rows.iter().enumerate() {
        let form = long_form(&mut lk, r, t.id)?;
        texts.push(format!(
            "# {}/{n} (id/{}/total)\n\n{}",
            i + 1,
            r.id,
            compose(&[form])
        ));
    }
    Ok(Reply::ok(texts.join("\n--\n\n")))
}

/// `ticket/<id>/history/id/<txn>`.
pub fn transaction(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    txn: i64,
) -> ApiResult<Reply> {
    let t = match visible(conn, st, me, id)? {
        Ok(t) => t,
        Err(r) => return Ok(r),
    };
    let rows = readable(conn, st, me, &t)?;
    let n = rows.len();
    let Some((i, r)) = rows.iter().enumerate().find(|(_, r)| r.id == txn) else {
        return Ok(Reply::ok(format!(
            "# Transaction {txn} is not related to Ticket {id}\n"
        )));
    };
    let mut lk = Lookup::new(conn);
    let form = long_form(&mut lk, r, t.id)?;
    Ok(Reply::ok(format!(
        "# {}/{n} (id/{}/total)\n\n{}",
        i + 1,
        r.id,
        compose(&[form])
    )))
}

/// `ticket/<id>/attachments`: every MIME part of the ticket's readable transactions.
pub fn list(conn: &mut DbConn, st: &AppState, me: &CurrentUser, id: i64) -> ApiResult<Reply> {
    let t = match visible(conn, st, me, id)? {
        Ok(t) => t,
        Err(r) => return Ok(r),
    };
    let txns: Vec<i64> = readable(conn, st, me, &t)?.iter().map(|r| r.id).collect();
    let atts = attachments::for_transactions(conn, &txns)?;
    let mut o = Out::new();
    one(&mut o, "id", format!("ticket/{}/attachments", t.id));
    let lines: Vec<String> = atts
        .iter()
        .map(|a| {
            let name = if a.filename.is_empty() {
                "(Unnamed)"
            } else {
                a.filename.as_str()
            };
            format!(
                "{}: {name} ({} / {})",
                a.id,
                if a.content_type.is_empty() {
                    "text/plain"
                } else {
                    a.content_type.as_str()
                },
                size(a.content_length)
            )
        })
        .collect();
    one(&mut o, "Attachments", lines.join(",\n"));
    Ok(Reply::ok(compose(&[o])))
}

/// Loads an attachment that belongs to the ticket and that the caller may read.
fn readable_attachment(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    att: i64,
) -> ApiResult<Result<crate::store::rows::AttachmentMeta, Reply>> {
    let t = match visible(conn, st, me, id)? {
        Ok(t) => t,
        Err(r) => return Ok(Err(r)),
    };
    let invalid = || Reply::ok(format!("# Invalid attachment id: {att}\n"));
    let Some(meta) = attachments::meta(conn, att)? else {
        return Ok(Err(invalid()));
    };
    let txns = readable(conn, st, me, &t)?;
    if !txns.iter().any(|r| r.id == meta.transaction_id) {
        return Ok(Err(invalid()));
    }
    Ok(Ok(meta))
}

/// `ticket/<id>/attachments/<att>`: metadata, headers and content as text.
pub fn show(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    att: i64,
) -> ApiResult<Reply> {
    let meta = match readable_attachment(conn, st, me, id, att)? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let content = attachments::content(conn, att)?.unwrap_or_default();
    let mut o = Out::new();
    one(&mut o, "id", meta.id.to_string());
    one(&mut o, "Subject", meta.subject.clone());
    one(&mut o, "Creator", meta.creator.to_string());
    one(&mut o, "Created", dates::sql(meta.created));
    one(&mut o, "Transaction", meta.transaction_id.to_string());
    one(&mut o, "Parent", meta.parent.to_string());
    one(&mut o, "MessageId", meta.message_id.clone());
    one(&mut o, "Filename", meta.filename.clone());
    one(&mut o, "ContentType", meta.content_type.clone());
    one(&mut o, "ContentEncoding", meta.content_encoding.clone());
    one(&mut o, "Headers", meta.headers.clone());
    one(
        &mut o,
        "Content",
        String::from_utf8_lossy(&content).into_owned(),
    );
    Ok(Reply::ok(compose(&[o])))
}

/// `ticket/<id>/attachments/<att>/content`: the raw bytes, and the part's content type.
pub fn content(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    att: i64,
) -> ApiResult<(Reply, Option<String>)> {
    let meta = match readable_attachment(conn, st, me, id, att)? {
        Ok(m) => m,
        Err(r) => return Ok((r, None)),
    };
    let bytes = attachments::content(conn, att)?.unwrap_or_default();
    Ok((
        Reply {
            code: 200,
            reason: "Ok",
            body: bytes,
        },
        Some(meta.content_type),
    ))
}
