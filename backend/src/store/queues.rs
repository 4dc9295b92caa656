//! Queues: one per language and team, each with its own addresses and lifecycle.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{NewQueue, QueueRow};
use super::schema::{queue_watchers, queues};
use super::sqlfn::lower;
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::ids::UserId;
use crate::insert_returning_id;

pub fn ensure_general(conn: &mut DbConn, now: NaiveDateTime) -> DomainResult<()> {
    if by_name(conn, "General")?.is_none() {
        create(
            conn,
            &QueueInput {
                name: "General".into(),
                description: "The default queue".into(),
                language: "en".into(),
                ..QueueInput::default()
            },
            UserId::SYSTEM,
            now,
        )?;
    }
    Ok(())
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<QueueRow>> {
    queues::table
        .find(id)
        .select(QueueRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<QueueRow>> {
    queues::table
        .filter(lower(queues::name).eq(name.to_lowercase()))
        .select(QueueRow::as_select())
        .first(conn)
        .optional()
}

/// A queue by numeric id or by name.
pub fn lookup(conn: &mut DbConn, key: &str) -> QueryResult<Option<QueueRow>> {
    if let Ok(id) = key.trim().parse::<i64>() {
        if let Some(q) = by_id(conn, id)? {
            return Ok(Some(q));
        }
    }
    by_name(conn, key.trim())
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<QueueRow>> {
    queues::table
        .order((queues::sort_order, queues::name))
        .select(QueueRow::as_select())
        .load(conn)
}

pub fn list(
    conn: &mut DbConn,
    offset: i64,
    limit: i64,
    include_disabled: bool,
    visible: Option<&[i64]>,
) -> QueryResult<(Vec<QueueRow>, i64)> {
    let mut q = queues::table.into_boxed();
    let mut c = queues::table.into_boxed();
    if !include_disabled {
        q = q.filter(queues::disabled.eq(false));
        c = c.filter(queues::disabled.eq(false));
    }
    if let Some(ids) = visible {
        q = q.filter(queues::id.eq_any(ids.to_vec()));
        c = c.filter(queues::id.eq_any(ids.to_vec()));
    }
    let total = c.count().get_result(conn)?;
    let rows = q
        .order(queues::id)
        .offset(offset)
        .limit(limit)
        .select(QueueRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

#[derive(Debug, Clone, Default)]
pub struct QueueInput {
    pub name: String,
    pub description: String,
    pub correspond_address: String,
    pub comment_address: String,
    pub language: String,
    pub lifecycle: Option<String>,
    pub sort_order: i32,
    pub sla_disabled: Option<bool>,
    pub disabled: bool,
}

/// ISO 639-1: two lower-case letters (queues are "one per language").
pub fn valid_language(lang: &str) -> bool {
    lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase())
}

pub fn create(
    conn: &mut DbConn,
    input: &QueueInput,
    actor: UserId,
    now: NaiveDateTime,
) -> DomainResult<i64> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(DomainError::Invalid("Queue name is required".into()));
    }
    if by_name(conn, name)?.is_some() {
        return Err(DomainError::Conflict(
            "Could not create queue. Queue already exists".into(),
        ));
    }
    let language = if input.language.is_empty() {
        "en"
    } else {
        input.language.as_str()
    };
    if !valid_language(language) {
        return Err(DomainError::Invalid(format!(
            "Invalid language '{language}': expected an ISO 639-1 code such as 'en'"
        )));
    }
    let lifecycle = input.lifecycle.as_deref().unwrap_or("default");
    if lifecycle != "default" {
        return Err(DomainError::Invalid(format!(
            "Invalid lifecycle '{lifecycle}'"
        )));
    }
    let new = NewQueue {
        name,
        description: &input.description,
        correspond_address: &input.correspond_address,
        comment_address: &input.comment_address,
        language,
        lifecycle,
        sort_order: input.sort_order,
        sla_disabled: input.sla_disabled.unwrap_or(true),
        disabled: input.disabled,
        creator: actor.0,
        created: now,
        last_updated_by: actor.0,
        last_updated: now,
    };
    Ok(insert_returning_id!(conn, queues::table, &new, queues::id)?)
}

#[derive(Debug, Clone, Default)]
pub struct QueueChanges {
    pub name: Option<String>,
    pub description: Option<String>,
    pub correspond_address: Option<String>,
    pub comment_address: Option<String>,
    pub language: Option<String>,
    pub lifecycle: Option<String>,
    pub sort_order: Option<i32>,
    pub sla_disabled: Option<bool>,
    pub disabled: Option<bool>,
}

pub fn update(
    conn: &mut DbConn,
    queue: &QueueRow,
    ch: &QueueChanges,
    actor: UserId,
    now: NaiveDateTime,
) -> DomainResult<Vec<String>> {
    let mut row = queue.clone();
    let mut msgs = Vec::new();
    let label = queue.name.clone();
    macro_rules! text {
        ($field:ident, $label:expr) => {
            if let Some(v) = &ch.$field {
                if &row.$field != v {
                    msgs.push(format!(
                        "Queue {}: {} changed from \"{}\" to \"{}\"",
                        label, $label, row.$field, v
                    ));
                    row.$field = v.clone();
                }
            }
        };
    }
    text!(name, "Name");
    text!(description, "Description");
    text!(correspond_address, "CorrespondAddress");
    text!(comment_address, "CommentAddress");
    if let Some(l) = &ch.language {
        if !valid_language(l) {
            return Err(DomainError::Invalid(format!(
                "Invalid language '{l}': expected an ISO 639-1 code such as 'en'"
            )));
        }
    }
    text!(language, "Language");
    if let Some(l) = &ch.lifecycle {
        if l != "default" {
            return Err(DomainError::Invalid(format!("Invalid lifecycle '{l}'")));
        }
    }
    if let Some(s) = ch.sort_order {
        if s != row.sort_order {
            msgs.push(format!(
                "Queue {label}: SortOrder changed from \"{}\" to \"{s}\"",
                row.sort_order
            ));
            row.sort_order = s;
        }
    }
    if let Some(s) = ch.sla_disabled {
        if s != row.sla_disabled {
            msgs.push(format!(
                "Queue {label}: SLADisabled changed from \"{}\" to \"{}\"",
                u8::from(row.sla_disabled),
                u8::from(s)
            ));
            row.sla_disabled = s;
        }
    }
    if let Some(d) = ch.disabled {
        if d != row.disabled {
            msgs.push(format!(
                "Queue {label}: {}",
                if d { "Queue disabled" } else { "Queue enabled" }
            ));
            row.disabled = d;
        }
    }
    if row.name != queue.name && by_name(conn, &row.name)?.is_some_and(|q| q.id != queue.id) {
        return Err(DomainError::Conflict(format!(
            "Queue {} already exists",
            row.name
        )));
    }
    diesel::update(queues::table.find(queue.id))
        .set((
            queues::name.eq(&row.name),
            queues::description.eq(&row.description),
            queues::correspond_address.eq(&row.correspond_address),
            queues::comment_address.eq(&row.comment_address),
            queues::language.eq(&row.language),
            queues::sort_order.eq(row.sort_order),
            queues::sla_disabled.eq(row.sla_disabled),
            queues::disabled.eq(row.disabled),
            queues::last_updated_by.eq(actor.0),
            queues::last_updated.eq(now),
        ))
        .execute(conn)?;
    Ok(msgs)
}

pub fn watchers(conn: &mut DbConn, queue: i64) -> QueryResult<Vec<(String, i64)>> {
    queue_watchers::table
        .filter(queue_watchers::queue_id.eq(queue))
        .select((queue_watchers::role, queue_watchers::user_id))
        .order((queue_watchers::role, queue_watchers::user_id))
        .load(conn)
}
