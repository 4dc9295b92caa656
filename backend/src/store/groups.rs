//! Groups: RT's system groups and user-defined groups, for granting rights.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::GroupRow;
use super::schema::{group_members, groups};
use super::sqlfn::lower;
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::insert_returning_id;

pub const SYSTEM_DOMAIN: &str = "SystemInternal";
pub const USER_DOMAIN: &str = "UserDefined";
pub const SYSTEM_GROUPS: &[&str] = &["Everyone", "Privileged", "Unprivileged"];

pub fn ensure_system_groups(conn: &mut DbConn, now: NaiveDateTime) -> DomainResult<()> {
    for name in SYSTEM_GROUPS {
        if find(conn, SYSTEM_DOMAIN, name)?.is_none() {
            insert(conn, SYSTEM_DOMAIN, name, "", now)?;
        }
    }
    Ok(())
}

pub fn find(conn: &mut DbConn, domain: &str, name: &str) -> QueryResult<Option<GroupRow>> {
    groups::table
        .filter(groups::domain.eq(domain))
        .filter(lower(groups::name).eq(name.to_lowercase()))
        .select(GroupRow::as_select())
        .first(conn)
        .optional()
}

/// A group by id or name, user-defined first, then system.
pub fn lookup(conn: &mut DbConn, key: &str) -> QueryResult<Option<GroupRow>> {
    if let Ok(id) = key.parse::<i64>() {
        return groups::table
            .find(id)
            .select(GroupRow::as_select())
            .first(conn)
            .optional();
    }
    match find(conn, USER_DOMAIN, key)? {
        Some(g) => Ok(Some(g)),
        None => find(conn, SYSTEM_DOMAIN, key),
    }
}

fn insert(
    conn: &mut DbConn,
    domain: &str,
    name: &str,
    description: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    insert_returning_id!(
        conn,
        groups::table,
        (
            groups::name.eq(name),
            groups::description.eq(description),
            groups::domain.eq(domain),
            groups::disabled.eq(false),
            groups::created.eq(now),
        ),
        groups::id
    )
}

pub fn create(
    conn: &mut DbConn,
    name: &str,
    description: &str,
    now: NaiveDateTime,
) -> DomainResult<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DomainError::Invalid("Group name is required".into()));
    }
    if find(conn, USER_DOMAIN, name)?.is_some() {
        return Err(DomainError::Conflict(format!(
            "Group {name} already exists"
        )));
    }
    Ok(insert(conn, USER_DOMAIN, name, description, now)?)
}

pub fn add_member(conn: &mut DbConn, group: i64, user: i64) -> QueryResult<usize> {
    let exists: i64 = group_members::table
        .filter(group_members::group_id.eq(group))
        .filter(group_members::user_id.eq(user))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(0);
    }
    diesel::insert_into(group_members::table)
        .values((
            group_members::group_id.eq(group),
            group_members::user_id.eq(user),
        ))
        .execute(conn)
}

pub fn remove_member(conn: &mut DbConn, group: i64, user: i64) -> QueryResult<usize> {
    diesel::delete(
        group_members::table
            .filter(group_members::group_id.eq(group))
            .filter(group_members::user_id.eq(user)),
    )
    .execute(conn)
}

pub fn members(conn: &mut DbConn, group: i64) -> QueryResult<Vec<i64>> {
    group_members::table
        .filter(group_members::group_id.eq(group))
        .select(group_members::user_id)
        .order(group_members::user_id)
        .load(conn)
}

pub fn list(conn: &mut DbConn) -> QueryResult<Vec<GroupRow>> {
    groups::table
        .order(groups::id)
        .select(GroupRow::as_select())
        .load(conn)
}

/// Explicit memberships of a user (system groups are implied, not stored).
pub fn of_user(conn: &mut DbConn, user: i64) -> QueryResult<Vec<i64>> {
    group_members::table
        .filter(group_members::user_id.eq(user))
        .select(group_members::group_id)
        .load(conn)
}
