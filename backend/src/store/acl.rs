//! Access control entries and the resolution of a user's effective rights.

use std::collections::HashSet;

use diesel::prelude::*;

use super::rows::{AceRow, UserRow};
use super::schema::acl;
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::rights::{EffectiveRights, Right, Role};
use crate::insert_returning_id;

/// Who an ACE grants to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    User(i64),
    Group(i64),
    Role(Role),
}

/// Where an ACE applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    System,
    Queue(i64),
}

fn principal_cols(p: &Principal) -> (&'static str, i64, &'static str) {
    match p {
        Principal::User(id) => ("User", *id, ""),
        Principal::Group(id) => ("Group", *id, ""),
        Principal::Role(r) => ("Role", 0, r.as_str()),
    }
}

fn scope_cols(s: Scope) -> (&'static str, i64) {
    match s {
        Scope::System => ("System", 0),
        Scope::Queue(q) => ("Queue", q),
    }
}

/// Grants `right`; granting twice is not an error.
pub fn grant(conn: &mut DbConn, p: &Principal, right: Right, scope: Scope) -> DomainResult<bool> {
    let (pt, pid, role) = principal_cols(p);
    let (ot, oid) = scope_cols(scope);
    let existing: i64 = acl::table
        .filter(acl::principal_type.eq(pt))
        .filter(acl::principal_id.eq(pid))
        .filter(acl::role_name.eq(role))
        .filter(acl::right_name.eq(right.as_str()))
        .filter(acl::object_type.eq(ot))
        .filter(acl::object_id.eq(oid))
        .count()
        .get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    insert_returning_id!(
        conn,
        acl::table,
        (
            acl::principal_type.eq(pt),
            acl::principal_id.eq(pid),
            acl::role_name.eq(role),
            acl::right_name.eq(right.as_str()),
            acl::object_type.eq(ot),
            acl::object_id.eq(oid),
        ),
        acl::id
    )?;
    Ok(true)
}

pub fn revoke(conn: &mut DbConn, p: &Principal, right: Right, scope: Scope) -> DomainResult<bool> {
    let (pt, pid, role) = principal_cols(p);
    let (ot, oid) = scope_cols(scope);
    let n = diesel::delete(
        acl::table
            .filter(acl::principal_type.eq(pt))
            .filter(acl::principal_id.eq(pid))
            .filter(acl::role_name.eq(role))
            .filter(acl::right_name.eq(right.as_str()))
            .filter(acl::object_type.eq(ot))
            .filter(acl::object_id.eq(oid)),
    )
    .execute(conn)?;
    Ok(n > 0)
}

pub fn list(conn: &mut DbConn) -> QueryResult<Vec<AceRow>> {
    acl::table
        .order(acl::id)
        .select(AceRow::as_select())
        .load(conn)
}

/// Resolves what `user` may do: direct grants, explicit groups, implied system groups and roles.
pub fn effective_rights(conn: &mut DbConn, user: &UserRow) -> DomainResult<EffectiveRights> {
    if user.disabled {
        return Ok(EffectiveRights::default());
    }
    let mut groups = super::groups::of_user(conn, user.id)?;
    for sys in [
        "Everyone",
        if user.privileged {
            "Privileged"
        } else {
            "Unprivileged"
        },
    ] {
        if let Some(g) = super::groups::find(conn, super::groups::SYSTEM_DOMAIN, sys)? {
            groups.push(g.id);
        }
    }
    let aces: Vec<AceRow> = acl::table
        .filter(
            (acl::principal_type
                .eq("User")
                .and(acl::principal_id.eq(user.id)))
            .or(acl::principal_type
                .eq("Group")
                .and(acl::principal_id.eq_any(&groups)))
            .or(acl::principal_type.eq("Role")),
        )
        .select(AceRow::as_select())
        .load(conn)?;
    let mut eff = EffectiveRights::default();
    for ace in aces {
        let Some(right) = Right::parse(&ace.right_name) else {
            continue;
        };
        if ace.principal_type == "Role" {
            let Some(role) = Role::parse(&ace.role_name) else {
                continue;
            };
            let key = (
                if ace.object_type == "Queue" {
                    ace.object_id
                } else {
                    0
                },
                role,
            );
            eff.roles
                .entry(key)
                .or_insert_with(HashSet::new)
                .insert(right);
            continue;
        }
        if right == Right::SuperUser && ace.object_type == "System" {
            eff.superuser = true;
        }
        match ace.object_type.as_str() {
            "System" => {
                eff.system.insert(right);
            }
            "Queue" => {
                eff.per_queue
                    .entry(ace.object_id)
                    .or_default()
                    .insert(right);
            }
            _ => {}
        }
    }
    Ok(eff)
}

/// Parses `System` / `Queue:<name or id>`-style scopes given by the CLI and API.
pub fn parse_scope(conn: &mut DbConn, queue: Option<&str>) -> DomainResult<Scope> {
    match queue {
        None => Ok(Scope::System),
        Some(q) => {
            let row = super::queues::lookup(conn, q)?
                .ok_or_else(|| DomainError::NotFound(format!("No queue named {q} exists.")))?;
            Ok(Scope::Queue(row.id))
        }
    }
}
