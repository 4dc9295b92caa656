//! REST 1.0 users and queues: `user/<id|name>`, `queue/<id|name>`, and `edit` with
//! `id: user/new|user/<n>` or `id: queue/new|queue/<n>`.

use super::framing::{self, compose, one, Form, Out, Reply};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::AppState;
use crate::domain::error::DomainError;
use crate::domain::ids::UserId;
use crate::domain::rights::Right;
use crate::store::queues::{self, QueueChanges, QueueInput};
use crate::store::rows::{QueueRow, UserRow};
use crate::store::users::{self, UserChanges, UserInput};
use crate::store::DbConn;

fn flag(v: bool) -> String {
    u8::from(v).to_string()
}

fn user_form(u: &UserRow) -> Out {
    let mut o = Out::new();
    one(&mut o, "id", format!("user/{}", u.id));
    one(&mut o, "Password", "********");
    one(&mut o, "Name", u.name.clone());
    one(
        &mut o,
        "EmailAddress",
        u.email_address.clone().unwrap_or_default(),
    );
    one(&mut o, "RealName", u.real_name.clone());
    if !u.nickname.is_empty() {
        one(&mut o, "NickName", u.nickname.clone());
    }
    if !u.organization.is_empty() {
        one(&mut o, "Organization", u.organization.clone());
    }
    one(&mut o, "Gecos", u.gecos.clone());
    one(&mut o, "Comments", u.comments.clone());
    if !u.lang.is_empty() {
        one(&mut o, "Lang", u.lang.clone());
    }
    one(&mut o, "Privileged", flag(u.privileged));
    one(&mut o, "Disabled", flag(u.disabled));
    o
}

fn no_such(kind: &str, key: &str) -> Reply {
    Reply::ok(format!(
        "# No {kind} named {key} exists.\nid: {kind}/{key}\n"
    ))
}

pub fn show_user(conn: &mut DbConn, me: &CurrentUser, key: &str) -> ApiResult<Reply> {
    let Some(u) = users::lookup(conn, key.trim())? else {
        return Ok(no_such("user", key));
    };
    if u.id != me.id() && !me.user.privileged && !me.rights.on_system(Right::AdminUsers) {
        return Ok(Reply::new(
            403,
            "Permission denied",
            "# You are not allowed to see this user.\n",
        ));
    }
    Ok(Reply::ok(compose(&[user_form(&u)])))
}

fn queue_form(q: &QueueRow) -> Out {
    let mut o = Out::new();
    one(&mut o, "id", format!("queue/{}", q.id));
    one(&mut o, "Name", q.name.clone());
    one(&mut o, "Description", q.description.clone());
    one(&mut o, "CorrespondAddress", q.correspond_address.clone());
    one(&mut o, "CommentAddress", q.comment_address.clone());
    one(&mut o, "Disabled", flag(q.disabled));
    one(&mut o, "SLADisabled", flag(q.sla_disabled));
    o
}

pub fn show_queue(conn: &mut DbConn, me: &CurrentUser, key: &str) -> ApiResult<Reply> {
    let Some(q) = queues::lookup(conn, key.trim())? else {
        return Ok(no_such("queue", key));
    };
    if !me.rights.on_queue(q.id, Right::SeeQueue) && !me.rights.on_queue(q.id, Right::AdminQueue) {
        return Ok(Reply::new(
            403,
            "Permission denied",
            "# You are not allowed to see this queue.\n",
        ));
    }
    Ok(Reply::ok(compose(&[queue_form(&q)])))
}

fn bool_field(key: &str, v: &str) -> Result<bool, Reply> {
    match v.trim() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" | "" => Ok(false),
        other => Err(Reply::syntax_error(&format!(
            "{key}: Invalid value '{other}' (expected 0 or 1)"
        ))),
    }
}

/// User fields from a form; the password comes back separately (hashed by the caller).
fn user_changes(form: &Form) -> Result<(UserChanges, Option<String>), Reply> {
    let mut ch = UserChanges::default();
    let mut password = None;
    for (key, v) in form {
        let v = v.trim().to_owned();
        match key.to_ascii_lowercase().as_str() {
            "id" => {}
            "name" => ch.name = Some(v),
            "emailaddress" => ch.email_address = Some(v),
            "realname" => ch.real_name = Some(v),
            "nickname" => ch.nickname = Some(v),
            "organization" => ch.organization = Some(v),
            "gecos" => ch.gecos = Some(v),
            "comments" => ch.comments = Some(v),
            "lang" => ch.lang = Some(v),
            "privileged" => ch.privileged = Some(bool_field(key, &v)?),
            "disabled" => ch.disabled = Some(bool_field(key, &v)?),
            "password" => {
                if !v.is_empty() && v != "********" {
                    password = Some(v)
                }
            }
            _ => return Err(Reply::syntax_error(&format!("{key}: Unknown field."))),
        }
    }
    Ok((ch, password))
}

fn hash(pw: &str) -> ApiResult<String> {
    crate::auth::hash_password(pw).map_err(|e| ApiError::Internal(e.to_string()))
}

/// `edit` with `id: user/new` or `id: user/<n>`; needs AdminUsers.
pub fn edit_user(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    target: &str,
    form: &Form,
) -> ApiResult<Reply> {
    if !me.rights.on_system(Right::AdminUsers) {
        return Ok(Reply::new(
            403,
            "Permission denied",
            "# You are not allowed to create or modify users.\n",
        ));
    }
    let (mut ch, password) = match user_changes(form) {
        Ok(x) => x,
        Err(r) => return Ok(r),
    };
    let password_hash = password.as_deref().map(hash).transpose()?;
    let now = st.clock.now();
    let actor = UserId(me.id());
    if target == "new" {
        let Some(name) = ch.name.clone().filter(|n| !n.is_empty()) else {
            return Ok(Reply::bad_request(
                "Could not create user. Name is required",
            ));
        };
        let input = UserInput {
            name,
            email_address: ch.email_address.clone(),
            real_name: ch.real_name.clone().unwrap_or_default(),
            password_hash,
            privileged: ch.privileged.unwrap_or(false),
            role: String::new(),
            disabled: ch.disabled.unwrap_or(false),
        };
        let id = match users::create(conn, &input, actor, now) {
            Ok(id) => id,
            Err(DomainError::Invalid(m) | DomainError::Conflict(m)) => {
                return Ok(Reply::bad_request(&format!("Could not create user. {m}")))
            }
            Err(e) => return Err(e.into()),
        };
        let u = users::by_id(conn, id)?.ok_or(ApiError::NotFound)?;
        let rest = UserChanges {
            nickname: ch.nickname.take(),
            organization: ch.organization.take(),
            gecos: ch.gecos.take(),
            comments: ch.comments.take(),
            lang: ch.lang.take(),
            ..UserChanges::default()
        };
        users::update(conn, &u, &rest, actor, now)?;
        return Ok(Reply::comment(&format!("User {id} created.")));
    }
    let Some(u) = users::lookup(conn, target)? else {
        return Ok(no_such("user", target));
    };
    ch.password_hash = password_hash;
    match users::update(conn, &u, &ch, actor, now) {
        Ok(_) => Ok(Reply::comment(&format!("User {} updated.", u.id))),
        Err(DomainError::Invalid(m) | DomainError::Conflict(m)) => Ok(Reply::syntax_error(&m)),
        Err(e) => Err(e.into()),
    }
}

fn queue_changes(form: &Form) -> Result<QueueChanges, Reply> {
    let mut ch = QueueChanges::default();
    for (key, v) in form {
        let v = v.trim().to_owned();
        match key.to_ascii_lowercase().as_str() {
            "id" => {}
            "name" => ch.name = Some(v),
            "description" => ch.description = Some(v),
            "correspondaddress" => ch.correspond_address = Some(v),
            "commentaddress" => ch.comment_address = Some(v),
            "lifecycle" => ch.lifecycle = Some(v),
            "sortorder" => {
                ch.sort_order = Some(
                    v.parse()
                        .map_err(|_| Reply::syntax_error(&format!("{key}: Invalid value '{v}'")))?,
                )
            }
            "sladisabled" => ch.sla_disabled = Some(bool_field(key, &v)?),
            "disabled" => ch.disabled = Some(bool_field(key, &v)?),
            // RT 5 dropped these queue columns; old clients still send them.
            "initialpriority" | "finalpriority" | "defaultduein" => {}
            _ => return Err(Reply::syntax_error(&format!("{key}: Unknown field."))),
        }
    }
    Ok(ch)
}

/// `edit` with `id: queue/new` or `id: queue/<id or name>`; needs AdminQueue.
pub fn edit_queue(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    target: &str,
    form: &Form,
) -> ApiResult<Reply> {
    let ch = match queue_changes(form) {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let now = st.clock.now();
    let actor = UserId(me.id());
    if target == "new" {
        if !me.rights.on_system(Right::AdminQueue) {
            return Ok(Reply::new(
                403,
                "Permission denied",
                "# You are not allowed to create queues.\n",
            ));
        }
        let input = QueueInput {
            name: ch.name.clone().unwrap_or_default(),
            description: ch.description.clone().unwrap_or_default(),
            correspond_address: ch.correspond_address.clone().unwrap_or_default(),
            comment_address: ch.comment_address.clone().unwrap_or_default(),
            language: String::new(),
            lifecycle: ch.lifecycle.clone(),
            sort_order: ch.sort_order.unwrap_or(0),
            sla_disabled: ch.sla_disabled,
            disabled: ch.disabled.unwrap_or(false),
        };
        return match queues::create(conn, &input, actor, now) {
            Ok(id) => Ok(Reply::comment(&format!("Queue {id} created."))),
            Err(DomainError::Invalid(_) | DomainError::Conflict(_)) => {
                Ok(Reply::bad_request("Could not create queue."))
            }
            Err(e) => Err(e.into()),
        };
    }
    let Some(q) = queues::lookup(conn, target)? else {
        return Ok(no_such("queue", target));
    };
    if !me.rights.on_queue(q.id, Right::AdminQueue) {
        return Ok(Reply::new(
            403,
            "Permission denied",
            format!("# You are not allowed to modify queue {target}.\n"),
        ));
    }
    match queues::update(conn, &q, &ch, actor, now) {
        Ok(_) => Ok(Reply::comment(&format!("Queue {target} updated."))),
        Err(DomainError::Invalid(m) | DomainError::Conflict(m)) => Ok(Reply::syntax_error(&m)),
        Err(e) => Err(e.into()),
    }
}

pub fn get<'a>(form: &'a Form, key: &str) -> Option<&'a str> {
    framing::get(form, key)
}
