//! REST 1.0 links: `ticket/<id>/links/show`, `ticket/link` (one link) and `ticket/<id>/links`.

use super::framing::{self, compose, many, one, Form, Out, Reply};
use super::tickets::{does_not_exist, visible};
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::ctx;
use crate::api::AppState;
use crate::domain::error::DomainError;
use crate::store::rows::TicketRow;
use crate::store::tickets as ops;
use crate::store::{links, DbConn};

/// RT's REST 1.0 names for the link views, in the order it prints them.
const VIEWS: &[(&str, &str)] = &[
    ("Members", "HasMember"),
    ("MemberOf", "MemberOf"),
    ("RefersTo", "RefersTo"),
    ("ReferredToBy", "ReferredToBy"),
    ("DependsOn", "DependsOn"),
    ("DependedOnBy", "DependedOnBy"),
];

fn current(conn: &mut DbConn, st: &AppState, t: &TicketRow) -> ApiResult<Vec<(String, String)>> {
    let me = ops::uri(&st.config.organization, t.id);
    let mut out = Vec::new();
    for l in links::touching(conn, &me)? {
        if l.link_type == "MergedInto" {
            continue;
        }
        let reverse = l.target == me;
        let other = if reverse { l.base } else { l.target };
        out.push((links::view_name(&l.link_type, reverse).to_owned(), other));
    }
    Ok(out)
}

pub fn show(conn: &mut DbConn, st: &AppState, me: &CurrentUser, id: i64) -> ApiResult<Reply> {
    let t = match visible(conn, st, me, id)? {
        Ok(t) => t,
        Err(r) => return Ok(r),
    };
    let all = current(conn, st, &t)?;
    let mut o = Out::new();
    one(&mut o, "id", format!("ticket/{}/links", t.id));
    for (label, view) in VIEWS {
        let uris: Vec<String> = all
            .iter()
            .filter(|(v, _)| v == view)
            .map(|(_, u)| u.clone())
            .collect();
        if !uris.is_empty() {
            many(&mut o, label, uris);
        }
    }
    Ok(Reply::ok(compose(&[o])))
}

fn view_of(rel: &str) -> Option<&'static str> {
    let (stored, reverse) = links::resolve_view(rel)?;
    Some(links::view_name(stored, reverse))
}

/// `ticket/link`: form `id`, `rel`, `to`, `del`.
pub fn edit_one(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: &str,
    rel: &str,
    to: &str,
    del: bool,
) -> ApiResult<Reply> {
    let Ok(id) = id.trim().parse::<i64>() else {
        return Ok(Reply::bad_request(&format!("Invalid ticket id: '{id}'")));
    };
    let Some(view) = view_of(rel) else {
        return Ok(Reply::bad_request(&format!("Invalid link '{rel}'")));
    };
    let Some(t) = ops::load(conn, id)? else {
        return Ok(Reply::new(400, "Bad Request", does_not_exist(id)));
    };
    let c = ctx(st, me, st.clock.now());
    match ops::link(conn, &c, &t, view, to, !del) {
        Ok(m) if m.starts_with("Ticket ") => {
            let verb = if del { "Deleted" } else { "Created" };
            Ok(Reply::ok(format!(
                "{m} {verb} link {} {view} {}\n",
                t.id,
                to.trim()
            )))
        }
        Ok(m) => Ok(Reply::ok(format!("{m}\n"))),
        Err(DomainError::Forbidden) => Ok(Reply::new(
            403,
            "Permission denied",
            format!("# You are not allowed to modify ticket {id}.\n"),
        )),
        Err(DomainError::Invalid(m) | DomainError::Conflict(m) | DomainError::NotFound(m)) => {
            Ok(Reply::bad_request(&m))
        }
        Err(e) => Err(e.into()),
    }
}

/// `ticket/<id>/links`: each named view is set to exactly the listed tickets/URIs.
pub fn edit_all(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    form: &Form,
) -> ApiResult<Reply> {
    let Some(t) = ops::load(conn, id)? else {
        return Ok(Reply::new(400, "Bad Request", does_not_exist(id)));
    };
    let org = st.config.organization.clone();
    let norm = |v: &str| -> String {
        match v.trim().parse::<i64>() {
            Ok(n) => ops::uri(&org, n),
            Err(_) => v.trim().to_owned(),
        }
    };
    let have = current(conn, st, &t)?;
    let c = ctx(st, me, st.clock.now());
    let mut errors = Vec::new();
    for (key, value) in form {
        if key.eq_ignore_ascii_case("id") {
            continue;
        }
        let Some(view) = view_of(key) else {
            return Ok(Reply::syntax_error(&format!("{key}: Unknown field.")));
        };
        let want: Vec<String> = value
            .split([',', '\n', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(norm)
            .collect();
        let existing: Vec<&String> = have
            .iter()
            .filter(|(v, _)| v == view)
            .map(|(_, u)| u)
            .collect();
        let mut todo: Vec<(String, bool)> = Vec::new();
        for w in &want {
            if !existing.contains(&w) {
                todo.push((w.clone(), true));
            }
        }
        for e in existing {
            if !want.contains(e) {
                todo.push((e.clone(), false));
            }
        }
        for (target, add) in todo {
            match ops::link(conn, &c, &t, view, &target, add) {
                Ok(_) => {}
                Err(DomainError::Forbidden) => errors.push("Permission Denied".to_owned()),
                Err(
                    DomainError::Invalid(m) | DomainError::Conflict(m) | DomainError::NotFound(m),
                ) => errors.push(m),
                Err(e) => return Err(e.into()),
            }
        }
    }
    if !errors.is_empty() {
        let body: String = errors.iter().map(|m| format!("# {m}\n")).collect();
        return Ok(Reply::new(409, "Syntax Error", body));
    }
    let _ = framing::get(form, "id");
    Ok(Reply::comment(&format!(
        "Links for ticket {} updated.",
        t.id
    )))
}
