//! Users: privileged supporters, unprivileged requestors, and RT's fixed users.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{NewUser, UserRow};
use super::schema::users;
use super::sqlfn::{lower, lower_opt};
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::ids::UserId;
use crate::insert_returning_id;

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(lower(users::name).eq(name.to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(lower_opt(users::email_address).eq(email.to_lowercase()))
        .order(users::id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Finds a user by numeric id, login name or email address, as RT's API does.
pub fn lookup(conn: &mut DbConn, key: &str) -> QueryResult<Option<UserRow>> {
    if let Ok(id) = key.parse::<i64>() {
        if let Some(u) = by_id(conn, id)? {
            return Ok(Some(u));
        }
    }
    if let Some(u) = by_name(conn, key)? {
        return Ok(Some(u));
    }
    if key.contains('@') {
        return by_email(conn, key);
    }
    Ok(None)
}

pub fn names_of(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<(i64, String, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::name, users::real_name))
        .load(conn)
}

#[derive(Debug, Clone, Default)]
pub struct UserInput {
    pub name: String,
    pub email_address: Option<String>,
    pub real_name: String,
    pub password_hash: Option<String>,
    pub privileged: bool,
    pub role: String,
    pub disabled: bool,
}

pub fn create(
    conn: &mut DbConn,
    input: &UserInput,
    creator: UserId,
    now: NaiveDateTime,
) -> DomainResult<i64> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(DomainError::Invalid("Name is required".into()));
    }
    if by_name(conn, name)?.is_some() {
        return Err(DomainError::Conflict(format!("User {name} already exists")));
    }
    let new = NewUser {
        name,
        email_address: input.email_address.as_deref().filter(|e| !e.is_empty()),
        real_name: &input.real_name,
        password_hash: input.password_hash.as_deref(),
        privileged: input.privileged,
        role: &input.role,
        disabled: input.disabled,
        creator: creator.0,
        created: now,
        last_updated_by: creator.0,
        last_updated: now,
    };
    Ok(insert_returning_id!(conn, users::table, &new, users::id)?)
}

/// The user for a requestor address, created unprivileged on first sight (as RT does).
pub fn find_or_create_by_email(
    conn: &mut DbConn,
    email: &str,
    creator: UserId,
    now: NaiveDateTime,
) -> DomainResult<i64> {
    let email = email.trim();
    if !looks_like_email(email) {
        if let Some(u) = by_name(conn, email)? {
            return Ok(u.id);
        }
        return Err(DomainError::Invalid(format!(
            "Couldn't load or create user: {email} is not a valid email address"
        )));
    }
    if let Some(u) = by_email(conn, email)? {
        return Ok(u.id);
    }
    if let Some(u) = by_name(conn, email)? {
        return Ok(u.id);
    }
    create(
        conn,
        &UserInput {
            name: email.to_owned(),
            email_address: Some(email.to_owned()),
            ..UserInput::default()
        },
        creator,
        now,
    )
}

/// Minimal syntactic check; addresses are otherwise opaque to the ticket core.
pub fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !s
                    .chars()
                    .any(|c| c.is_whitespace() || c == ',' || c == '<' || c == '>')
        }
        None => false,
    }
}

pub fn set_password(
    conn: &mut DbConn,
    id: i64,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(Some(hash)),
            users::last_updated.eq(now),
        ))
        .execute(conn)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// RT_System, Nobody, and the system groups; idempotent.
pub fn ensure_system_records(conn: &mut DbConn, now: NaiveDateTime) -> DomainResult<()> {
    for (id, name, real) in [
        (UserId::SYSTEM.0, "RT_System", "The RT System itself"),
        (UserId::NOBODY.0, "Nobody", "Nobody in particular"),
    ] {
        if by_id(conn, id)?.is_none() {
            let new = NewUser {
                name,
                email_address: None,
                real_name: real,
                password_hash: None,
                privileged: false,
                role: "",
                disabled: false,
                creator: UserId::SYSTEM.0,
                created: now,
                last_updated_by: UserId::SYSTEM.0,
                last_updated: now,
            };
            let got = insert_returning_id!(conn, users::table, &new, users::id)?;
            if got != id {
                return Err(DomainError::Conflict(format!(
                    "fixed user {name} got id {got}, expected {id}: the database was not empty"
                )));
            }
        }
    }
    super::groups::ensure_system_groups(conn, now)?;
    super::queues::ensure_general(conn, now)?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub name: Option<String>,
    pub email_address: Option<String>,
    pub real_name: Option<String>,
    pub nickname: Option<String>,
    pub organization: Option<String>,
    pub gecos: Option<String>,
    pub comments: Option<String>,
    pub lang: Option<String>,
    pub privileged: Option<bool>,
    pub disabled: Option<bool>,
    pub password_hash: Option<String>,
    pub extra: Option<String>,
}

/// Applies changes and returns RT-style messages for what changed.
pub fn update(
    conn: &mut DbConn,
    user: &UserRow,
    ch: &UserChanges,
    actor: UserId,
    now: NaiveDateTime,
) -> DomainResult<Vec<String>> {
    let mut msgs = Vec::new();
    let mut row = user.clone();
    macro_rules! text {
        ($field:ident, $label:expr) => {
            if let Some(v) = &ch.$field {
                if &row.$field != v {
                    msgs.push(format!(
                        "{} changed from '{}' to '{}'",
                        $label, row.$field, v
                    ));
                    row.$field = v.clone();
                }
            }
        };
    }
    text!(name, "Name");
    text!(real_name, "RealName");
    text!(nickname, "NickName");
    text!(organization, "Organization");
    text!(gecos, "Gecos");
    text!(comments, "Comments");
    text!(lang, "Lang");
    if let Some(e) = &ch.email_address {
        let cur = row.email_address.clone().unwrap_or_default();
        if &cur != e {
            msgs.push(format!("EmailAddress changed from '{cur}' to '{e}'"));
            row.email_address = Some(e.clone()).filter(|s| !s.is_empty());
        }
    }
    if let Some(p) = ch.privileged {
        if p != row.privileged {
            msgs.push(if p {
                "User is now privileged".to_string()
            } else {
                "User is now unprivileged".to_string()
            });
            row.privileged = p;
        }
    }
    if let Some(d) = ch.disabled {
        if d != row.disabled {
            msgs.push(if d { "User disabled" } else { "User enabled" }.to_string());
            row.disabled = d;
        }
    }
    if let Some(h) = &ch.password_hash {
        msgs.push("Password changed".into());
        row.password_hash = Some(h.clone());
    }
    if let Some(x) = &ch.extra {
        if &row.extra != x {
            row.extra = x.clone();
        }
    }
    if row.name != user.name && by_name(conn, &row.name)?.is_some_and(|u| u.id != user.id) {
        return Err(DomainError::Conflict(format!("Name in use: {}", row.name)));
    }
    diesel::update(users::table.find(user.id))
        .set((
            users::name.eq(&row.name),
            users::email_address.eq(&row.email_address),
            users::real_name.eq(&row.real_name),
            users::nickname.eq(&row.nickname),
            users::organization.eq(&row.organization),
            users::gecos.eq(&row.gecos),
            users::comments.eq(&row.comments),
            users::lang.eq(&row.lang),
            users::extra.eq(&row.extra),
            users::privileged.eq(row.privileged),
            users::disabled.eq(row.disabled),
            users::password_hash.eq(&row.password_hash),
            users::last_updated_by.eq(actor.0),
            users::last_updated.eq(now),
        ))
        .execute(conn)?;
    Ok(msgs
        .into_iter()
        .map(|m| format!("User {}: {m}", user.name))
        .collect())
}

pub fn list(
    conn: &mut DbConn,
    offset: i64,
    limit: i64,
    include_disabled: bool,
) -> QueryResult<(Vec<UserRow>, i64)> {
    let mut q = users::table.into_boxed();
    let mut c = users::table.into_boxed();
    if !include_disabled {
        q = q.filter(users::disabled.eq(false));
        c = c.filter(users::disabled.eq(false));
    }
    let total = c.count().get_result(conn)?;
    let rows = q
        .order(users::id)
        .offset(offset)
        .limit(limit)
        .select(UserRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}
