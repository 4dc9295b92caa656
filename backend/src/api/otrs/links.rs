//! GenericLinkConnectorREST: LinkAdd, LinkDelete, LinkDeleteAll and LinkList between tickets.
//! `Normal` is RT's RefersTo (source refers to target); `ParentChild` is MemberOf (the target,
//! the child, is a member of the source, the parent).

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Map, Value};

use super::{authenticate, nonempty, params, respond, OtrsError, OtrsResult, State};
use crate::api::rest2::common::ctx;
use crate::domain::error::DomainError;
use crate::domain::txn::local_ticket_id;
use crate::store::rows::TicketRow;
use crate::store::tickets::{self as ops, Ctx};
use crate::store::{links, DbConn};

fn ticket_key(m: &Map<String, Value>, object: &str, key: &str, op: &str) -> OtrsResult<i64> {
    let obj = nonempty(m, object).unwrap_or_else(|| "Ticket".into());
    if obj != "Ticket" {
        return Err(OtrsError::invalid(
            op,
            format!("{object} '{obj}' is not supported, only Ticket!"),
        ));
    }
    let raw =
        nonempty(m, key).ok_or_else(|| OtrsError::missing(op, format!("{key} is required!")))?;
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| OtrsError::invalid(op, format!("{key} '{raw}' is invalid!")))
}

/// The RT view name (as seen from the source ticket) for an OTRS link type.
fn view(m: &Map<String, Value>, op: &str) -> OtrsResult<&'static str> {
    match nonempty(m, "Type").as_deref() {
        None | Some("Normal") => Ok("RefersTo"),
        Some("ParentChild") => Ok("HasMember"),
        Some(t) => Err(OtrsError::invalid(op, format!("Type '{t}' is invalid!"))),
    }
}

fn visible(conn: &mut DbConn, c: &Ctx<'_>, id: i64, op: &str) -> OtrsResult<TicketRow> {
    match ops::visible(conn, c, id) {
        Ok(t) => Ok(t),
        Err(DomainError::NotFound(_)) => Err(OtrsError::invalid(
            op,
            format!("Ticket {id} does not exist!"),
        )),
        Err(DomainError::Forbidden) => Err(OtrsError::denied(
            op,
            "User does not have access to the ticket!",
        )),
        Err(e) => Err(OtrsError::domain(op, e)),
    }
}

fn check_link_message(msg: &str, op: &str) -> OtrsResult<()> {
    if msg.starts_with("Ticket ")
        || msg == "Link already exists"
        || msg == "Couldn't find that link"
    {
        Ok(())
    } else {
        Err(OtrsError::invalid(op, msg.to_owned()))
    }
}

async fn run<F>(
    state: State,
    req: HttpRequest,
    body: web::Bytes,
    op: &'static str,
    f: F,
) -> HttpResponse
where
    F: FnOnce(&mut DbConn, &Ctx<'_>, &Map<String, Value>) -> OtrsResult<Value> + Send + 'static,
{
    let m = match params(&req, &body, op) {
        Ok(m) => m,
        Err(e) => return respond(Err(e)),
    };
    let st = state.clone();
    respond(
        state
            .store
            .write(move |conn| -> OtrsResult<Value> {
                let me = authenticate(&st, conn, &m, op)?;
                let now = st.clock.now();
                let c = ctx(&st, &me, now);
                f(conn, &c, &m)
            })
            .await,
    )
}

/// `POST /LinkAdd`: SourceObject/SourceKey, TargetObject/TargetKey, Type, State → `Success`.
pub async fn link_add(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    const OP: &str = "LinkAdd";
    run(state, req, body, OP, |conn, c, m| {
        let src = ticket_key(m, "SourceObject", "SourceKey", OP)?;
        let dst = ticket_key(m, "TargetObject", "TargetKey", OP)?;
        let v = view(m, OP)?;
        if let Some(s) = nonempty(m, "State") {
            if s != "Valid" {
                return Err(OtrsError::invalid(OP, format!("State '{s}' is invalid!")));
            }
        }
        let t = visible(conn, c, src, OP)?;
        visible(conn, c, dst, OP)?;
        let msg = ops::link(conn, c, &t, v, &dst.to_string(), true)
            .map_err(|e| OtrsError::domain(OP, e))?;
        check_link_message(&msg, OP)?;
        Ok(json!({"Success": 1}))
    })
    .await
}

/// `DELETE /LinkDelete`: Object1/Key1, Object2/Key2, Type → `Success` (also when there was no
/// such link, as OTRS does). A Normal link is removed whichever way it was made.
pub async fn link_delete(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    const OP: &str = "LinkDelete";
    run(state, req, body, OP, |conn, c, m| {
        let a = ticket_key(m, "Object1", "Key1", OP)?;
        let b = ticket_key(m, "Object2", "Key2", OP)?;
        let v = view(m, OP)?;
        let ta = visible(conn, c, a, OP)?;
        let tb = visible(conn, c, b, OP)?;
        let msg = ops::link(conn, c, &ta, v, &b.to_string(), false)
            .map_err(|e| OtrsError::domain(OP, e))?;
        check_link_message(&msg, OP)?;
        if msg == "Couldn't find that link" && v == "RefersTo" {
            let msg = ops::link(conn, c, &tb, v, &a.to_string(), false)
                .map_err(|e| OtrsError::domain(OP, e))?;
            check_link_message(&msg, OP)?;
        }
        Ok(json!({"Success": 1}))
    })
    .await
}

/// (other ticket, OTRS type, OTRS direction of the other end) for each Normal or ParentChild
/// link of ticket `id`.
fn links_of(
    conn: &mut DbConn,
    c: &Ctx<'_>,
    id: i64,
) -> OtrsResult<Vec<(i64, &'static str, &'static str)>> {
    let me = ops::uri(c.org, id);
    let mut out = Vec::new();
    for l in links::touching(conn, &me)? {
        let ty = match l.link_type.as_str() {
            "RefersTo" => "Normal",
            "MemberOf" => "ParentChild",
            _ => continue,
        };
        let (other, i_am_base) = if l.base == me {
            (local_ticket_id(&l.target), true)
        } else {
            (local_ticket_id(&l.base), false)
        };
        let Some(other) = other else { continue };
        // OTRS: a Normal link's target and a ParentChild link's child are "Target".
        let direction = match (ty, i_am_base) {
            ("Normal", true) | ("ParentChild", false) => "Target",
            _ => "Source",
        };
        out.push((other, ty, direction));
    }
    Ok(out)
}

/// `DELETE /LinkDeleteAll`: Object, Key → removes every Normal and ParentChild link.
pub async fn link_delete_all(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    const OP: &str = "LinkDeleteAll";
    run(state, req, body, OP, |conn, c, m| {
        let id = ticket_key(m, "Object", "Key", OP)?;
        let t = visible(conn, c, id, OP)?;
        for (other, ty, direction) in links_of(conn, c, t.id)? {
            let view = match (ty, direction) {
                ("Normal", "Target") => "RefersTo",
                ("Normal", _) => "ReferredToBy",
                ("ParentChild", "Target") => "HasMember",
                _ => "MemberOf",
            };
            let msg = ops::link(conn, c, &t, view, &other.to_string(), false)
                .map_err(|e| OtrsError::domain(OP, e))?;
            check_link_message(&msg, OP)?;
        }
        Ok(json!({"Success": 1}))
    })
    .await
}

/// `GET /LinkList`: Object, Key, [Object2, Type, Direction, State] →
/// `LinkList: [{Object, Key, Type, Direction}]`, or no `LinkList` when there are none.
pub async fn link_list(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    const OP: &str = "LinkList";
    run(state, req, body, OP, |conn, c, m| {
        let id = ticket_key(m, "Object", "Key", OP)?;
        if let Some(o) = nonempty(m, "Object2") {
            if o != "Ticket" {
                return Ok(json!({}));
            }
        }
        let want_type = match nonempty(m, "Type").as_deref() {
            None => None,
            Some(t @ ("Normal" | "ParentChild")) => Some(t.to_owned()),
            Some(t) => return Err(OtrsError::invalid(OP, format!("Type '{t}' is invalid!"))),
        };
        let want_dir = match nonempty(m, "Direction").as_deref() {
            None => None,
            Some(d @ ("Source" | "Target")) => Some(d.to_owned()),
            Some(d) => {
                return Err(OtrsError::invalid(
                    OP,
                    format!("Direction '{d}' is invalid!"),
                ))
            }
        };
        if let Some(s) = nonempty(m, "State") {
            if s != "Valid" {
                return Ok(json!({}));
            }
        }
        let t = visible(conn, c, id, OP)?;
        let mut list = Vec::new();
        for (other, ty, dir) in links_of(conn, c, t.id)? {
            if want_type.as_deref().is_some_and(|w| w != ty)
                || want_dir.as_deref().is_some_and(|w| w != dir)
            {
                continue;
            }
            list.push(
                json!({"Object": "Ticket", "Key": other.to_string(), "Type": ty, "Direction": dir}),
            );
        }
        if list.is_empty() {
            return Ok(json!({}));
        }
        Ok(json!({ "LinkList": list }))
    })
    .await
}
