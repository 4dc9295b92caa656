//! Ticket custom fields: definitions, where they apply, and values with history.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{CfValueRow, CustomFieldRow};
use super::schema::{
    custom_field_values, custom_fields, object_custom_field_values, object_custom_fields,
};
use super::sqlfn::lower;
use super::transactions::{self, Change};
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::insert_returning_id;

pub const TICKET_LOOKUP: &str = "RT::Queue-RT::Ticket";
pub const TYPES: &[&str] = &[
    "Freeform",
    "Select",
    "Text",
    "Date",
    "DateTime",
    "IPAddress",
    "Autocomplete",
    "Combobox",
];

#[derive(Debug, Clone, Default)]
pub struct CfInput {
    pub name: String,
    pub cf_type: String,
    /// 1 = single value, 0 = unlimited.
    pub max_values: i32,
    pub description: String,
    pub values: Vec<String>,
}

pub fn create(
    conn: &mut DbConn,
    input: &CfInput,
    creator: i64,
    now: NaiveDateTime,
) -> DomainResult<i64> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(DomainError::Invalid("Custom field name is required".into()));
    }
    let cf_type = TYPES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(&input.cf_type))
        .ok_or_else(|| {
            DomainError::Invalid(format!("Invalid custom field type '{}'", input.cf_type))
        })?;
    if input.max_values < 0 {
        return Err(DomainError::Invalid(
            "MaxValues must be 0 (unlimited) or more".into(),
        ));
    }
    if by_name(conn, name)?.is_some() {
        return Err(DomainError::Conflict(format!(
            "Custom field {name} already exists"
        )));
    }
    let id = insert_returning_id!(
        conn,
        custom_fields::table,
        (
            custom_fields::name.eq(name),
            custom_fields::cf_type.eq(*cf_type),
            custom_fields::max_values.eq(input.max_values),
            custom_fields::lookup_type.eq(TICKET_LOOKUP),
            custom_fields::description.eq(&input.description),
            custom_fields::creator.eq(creator),
            custom_fields::created.eq(now),
        ),
        custom_fields::id
    )?;
    for (i, v) in input.values.iter().enumerate() {
        diesel::insert_into(custom_field_values::table)
            .values((
                custom_field_values::custom_field_id.eq(id),
                custom_field_values::name.eq(v),
                custom_field_values::sort_order.eq(i32::try_from(i).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// Applies a field to a queue, or to every queue with `queue = 0`.
pub fn apply(conn: &mut DbConn, cf: i64, queue: i64) -> QueryResult<()> {
    let exists: i64 = object_custom_fields::table
        .filter(object_custom_fields::custom_field_id.eq(cf))
        .filter(object_custom_fields::object_id.eq(queue))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(object_custom_fields::table)
            .values((
                object_custom_fields::custom_field_id.eq(cf),
                object_custom_fields::object_id.eq(queue),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<CustomFieldRow>> {
    custom_fields::table
        .find(id)
        .select(CustomFieldRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<CustomFieldRow>> {
    custom_fields::table
        .filter(custom_fields::lookup_type.eq(TICKET_LOOKUP))
        .filter(lower(custom_fields::name).eq(name.to_lowercase()))
        .select(CustomFieldRow::as_select())
        .first(conn)
        .optional()
}

pub fn lookup(conn: &mut DbConn, key: &str) -> QueryResult<Option<CustomFieldRow>> {
    if let Ok(id) = key.parse::<i64>() {
        if let Some(cf) = by_id(conn, id)? {
            return Ok(Some(cf));
        }
    }
    by_name(conn, key)
}

pub fn list(conn: &mut DbConn) -> QueryResult<Vec<CustomFieldRow>> {
    custom_fields::table
        .order(custom_fields::id)
        .select(CustomFieldRow::as_select())
        .load(conn)
}

/// Enabled ticket fields applying to `queue` (globally or directly).
pub fn for_queue(conn: &mut DbConn, queue: i64) -> QueryResult<Vec<CustomFieldRow>> {
    let applied = object_custom_fields::table
        .filter(object_custom_fields::object_id.eq_any(vec![0, queue]))
        .select(object_custom_fields::custom_field_id);
    custom_fields::table
        .filter(custom_fields::id.eq_any(applied))
        .filter(custom_fields::disabled.eq(false))
        .filter(custom_fields::lookup_type.eq(TICKET_LOOKUP))
        .order(custom_fields::id)
        .select(CustomFieldRow::as_select())
        .load(conn)
}

/// Allowed values of a Select field, in order.
pub fn options(conn: &mut DbConn, cf: i64) -> QueryResult<Vec<String>> {
    custom_field_values::table
        .filter(custom_field_values::custom_field_id.eq(cf))
        .order((custom_field_values::sort_order, custom_field_values::id))
        .select(custom_field_values::name)
        .load(conn)
}

/// Current values of every field on a ticket, by field id.
pub fn ticket_values(conn: &mut DbConn, ticket: i64) -> QueryResult<BTreeMap<i64, Vec<String>>> {
    let rows: Vec<CfValueRow> = object_custom_field_values::table
        .filter(object_custom_field_values::object_type.eq(transactions::TICKET))
        .filter(object_custom_field_values::object_id.eq(ticket))
        .filter(object_custom_field_values::disabled.eq(false))
        .order(object_custom_field_values::id)
        .select(CfValueRow::as_select())
        .load(conn)?;
    let mut map: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for r in rows {
        map.entry(r.custom_field_id).or_default().push(r.content);
    }
    Ok(map)
}

/// Replaces a ticket's values of `cf` with `wanted`, recording each change; returns messages.
pub fn set_ticket_values(
    conn: &mut DbConn,
    ticket: i64,
    cf: &CustomFieldRow,
    wanted: &[String],
    actor: i64,
    now: NaiveDateTime,
) -> DomainResult<Vec<String>> {
    let mut wanted: Vec<String> = wanted
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    wanted.dedup();
    if cf.max_values == 1 && wanted.len() > 1 {
        wanted = wanted.split_off(wanted.len() - 1);
    } else if cf.max_values > 1
        && wanted.len() > usize::try_from(cf.max_values).unwrap_or(usize::MAX)
    {
        return Err(DomainError::Invalid(format!(
            "{} accepts at most {} values",
            cf.name, cf.max_values
        )));
    }
    if cf.cf_type == "Select" {
        let allowed = options(conn, cf.id)?;
        if let Some(bad) = wanted.iter().find(|v| !allowed.contains(v)) {
            return Err(DomainError::Invalid(format!(
                "Invalid value '{bad}' for custom field {}",
                cf.name
            )));
        }
    }
    let current: Vec<CfValueRow> = object_custom_field_values::table
        .filter(object_custom_field_values::object_type.eq(transactions::TICKET))
        .filter(object_custom_field_values::object_id.eq(ticket))
        .filter(object_custom_field_values::custom_field_id.eq(cf.id))
        .filter(object_custom_field_values::disabled.eq(false))
        .order(object_custom_field_values::id)
        .select(CfValueRow::as_select())
        .load(conn)?;
    let mut msgs = Vec::new();
    let removed: Vec<&CfValueRow> = current
        .iter()
        .filter(|r| !wanted.contains(&r.content))
        .collect();
    let added: Vec<&String> = wanted
        .iter()
        .filter(|w| !current.iter().any(|r| &r.content == *w))
        .collect();
    for r in &removed {
        diesel::update(object_custom_field_values::table.find(r.id))
            .set(object_custom_field_values::disabled.eq(true))
            .execute(conn)?;
    }
    for v in &added {
        diesel::insert_into(object_custom_field_values::table)
            .values((
                object_custom_field_values::custom_field_id.eq(cf.id),
                object_custom_field_values::object_type.eq(transactions::TICKET),
                object_custom_field_values::object_id.eq(ticket),
                object_custom_field_values::content.eq(v.as_str()),
                object_custom_field_values::creator.eq(actor),
                object_custom_field_values::created.eq(now),
            ))
            .execute(conn)?;
    }
    // A single-valued field changing is one transaction with old and new; otherwise one per value.
    if cf.max_values == 1 && removed.len() == 1 && added.len() == 1 {
        let (o, n) = (removed[0].content.clone(), added[0].clone());
        transactions::record(
            conn,
            transactions::TICKET,
            ticket,
            Change::new("CustomField")
                .field(cf.name.clone())
                .old(o.clone())
                .new_value(n.clone()),
            actor,
            now,
        )?;
        msgs.push(format!("{} {o} changed to {n}", cf.name));
    } else {
        for r in &removed {
            transactions::record(
                conn,
                transactions::TICKET,
                ticket,
                Change::new("CustomField")
                    .field(cf.name.clone())
                    .old(r.content.clone()),
                actor,
                now,
            )?;
            msgs.push(format!(
                "{} is no longer a value for custom field {}",
                r.content, cf.name
            ));
        }
        for v in &added {
            transactions::record(
                conn,
                transactions::TICKET,
                ticket,
                Change::new("CustomField")
                    .field(cf.name.clone())
                    .new_value((*v).clone()),
                actor,
                now,
            )?;
            msgs.push(format!("{v} added as a value for {}", cf.name));
        }
    }
    Ok(msgs)
}
