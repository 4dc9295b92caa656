//! Mail bookkeeping: messages seen (exactly-once delivery, threading by Message-ID), the
//! tickets' language and auto-reply counts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{mail_autoreplies, mail_messages, tickets};
use super::DbConn;

/// A message already delivered: where it went.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_messages)]
pub struct MailMessageRow {
    pub id: i64,
    pub dedupe_key: String,
    pub message_id: String,
    pub direction: String,
    pub ticket_id: i64,
    pub transaction_id: i64,
    pub queue_id: i64,
    pub status: String,
    pub reason: String,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mail_messages)]
pub struct NewMailMessage<'a> {
    pub dedupe_key: &'a str,
    pub message_id: &'a str,
    pub direction: &'a str,
    pub ticket_id: i64,
    pub transaction_id: i64,
    pub queue_id: i64,
    pub status: &'a str,
    pub reason: &'a str,
    pub created: NaiveDateTime,
}

pub fn by_key(conn: &mut DbConn, key: &str) -> QueryResult<Option<MailMessageRow>> {
    mail_messages::table
        .filter(mail_messages::dedupe_key.eq(key))
        .select(MailMessageRow::as_select())
        .first(conn)
        .optional()
}

/// Records a message; the unique key makes a concurrent second delivery fail here.
pub fn record(conn: &mut DbConn, new: &NewMailMessage<'_>) -> QueryResult<()> {
    diesel::insert_into(mail_messages::table)
        .values(new)
        .execute(conn)
        .map(|_| ())
}

/// The ticket of the first known message among `ids` (In-Reply-To/References, in order).
pub fn ticket_of_message_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Option<i64>> {
    for id in ids.iter().take(50) {
        let found: Option<i64> = mail_messages::table
            .filter(mail_messages::message_id.eq(id))
            .filter(mail_messages::ticket_id.gt(0))
            .order(mail_messages::id)
            .select(mail_messages::ticket_id)
            .first(conn)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

pub fn set_language(conn: &mut DbConn, ticket: i64, language: &str) -> QueryResult<()> {
    diesel::update(tickets::table.find(ticket))
        .set(tickets::language.eq(language))
        .execute(conn)
        .map(|_| ())
}

pub fn language(conn: &mut DbConn, ticket: i64) -> QueryResult<String> {
    tickets::table
        .find(ticket)
        .select(tickets::language)
        .first(conn)
}

/// Auto-replies granted to a requester since `since`.
pub fn autoreplies_since(conn: &mut DbConn, user: i64, since: NaiveDateTime) -> QueryResult<i64> {
    mail_autoreplies::table
        .filter(mail_autoreplies::user_id.eq(user))
        .filter(mail_autoreplies::created.ge(since))
        .count()
        .get_result(conn)
}

pub fn record_autoreply(
    conn: &mut DbConn,
    user: i64,
    ticket: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(mail_autoreplies::table)
        .values((
            mail_autoreplies::user_id.eq(user),
            mail_autoreplies::ticket_id.eq(ticket),
            mail_autoreplies::created.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Remembers the Message-ID of a mail we sent, so answers to it thread onto its ticket.
pub fn record_outbound(
    conn: &mut DbConn,
    message_id: &str,
    ticket: i64,
    transaction: i64,
    queue: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let id = message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    if id.is_empty() {
        return Ok(());
    }
    let key = format!("out:{id}");
    if by_key(conn, &key)?.is_some() {
        return Ok(());
    }
    record(
        conn,
        &NewMailMessage {
            dedupe_key: &key,
            message_id: id,
            direction: "out",
            ticket_id: ticket,
            transaction_id: transaction,
            queue_id: queue,
            status: "sent",
            reason: "",
            created: now,
        },
    )
}
