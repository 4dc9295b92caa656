//! TicketHistoryGet (`GET /TicketHistory/:TicketID`): RT transactions as OTRS history entries.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::mapping;
use super::{authenticate, params, respond, ticket_id, OtrsError, OtrsResult, State};
use crate::api::rest2::common::ctx;
use crate::api::rest2::render::Lookup;
use crate::domain::error::DomainError;
use crate::domain::rights::Right;
use crate::store::rows::TransactionRow;
use crate::store::tickets as ops;
use crate::store::transactions;

const OP: &str = "TicketHistoryGet";

/// OTRS history type (and its id in OTRS's default table) for an RT transaction.
fn history_type(r: &TransactionRow) -> (&'static str, i64) {
    match (r.txn_type.as_str(), r.field.as_deref().unwrap_or("")) {
        ("Create", _) => ("NewTicket", 1),
        ("Correspond", _) => ("SendAnswer", 8),
        ("Comment", _) => ("AddNote", 15),
        ("Status", _) => ("StateUpdate", 27),
        ("Set", "Queue") => ("Move", 16),
        ("Set", "Owner") => ("OwnerUpdate", 23),
        ("Set", "Priority") => ("PriorityUpdate", 22),
        ("Set", "Type") => ("TypeUpdate", 37),
        ("AddWatcher" | "DelWatcher" | "SetWatcher", _) => ("CustomerUpdate", 21),
        ("CustomField", _) => ("TicketDynamicFieldUpdate", 28),
        ("AddLink", "MergedInto") => ("Merged", 33),
        ("AddLink", _) => ("TicketLinkAdd", 30),
        ("DeleteLink", _) => ("TicketLinkDelete", 31),
        _ => ("Misc", 25),
    }
}

pub async fn ticket_history_get(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(history(state, req, body).await)
}

async fn history(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    let m = params(&req, &body, OP)?;
    let st = state.clone();
    state
        .store
        .read(move |conn| -> OtrsResult<Value> {
            let me = authenticate(&st, conn, &m, OP)?;
            let id = ticket_id(&m, OP)?;
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let t = match ops::visible(conn, &c, id) {
                Ok(t) => t,
                Err(DomainError::NotFound(_)) => {
                    return Err(OtrsError::invalid(OP, "TicketID is invalid!"))
                }
                Err(DomainError::Forbidden) => {
                    return Err(OtrsError::denied(
                        OP,
                        "User does not have access to the ticket!",
                    ))
                }
                Err(e) => return Err(OtrsError::domain(OP, e)),
            };
            let comments = ops::can(conn, &c, &t, Right::ShowTicketComments)?;
            let outgoing = ops::can(conn, &c, &t, Right::ShowOutgoingEmail)?;
            let (rows, _) = transactions::for_ticket(conn, t.id, 0, i64::MAX)?;
            let (_, state_id, _) = mapping::state_of(&t.status);
            let (_, priority_id) = mapping::priority_of(t.priority);
            let mut lk = Lookup::new(conn);
            let mut out = Vec::new();
            for r in rows.iter().filter(|r| match r.txn_type.as_str() {
                "Comment" | "CommentEmailRecord" => comments,
                "EmailRecord" => outgoing,
                _ => true,
            }) {
                let (ty, ty_id) = history_type(r);
                let article = matches!(r.txn_type.as_str(), "Create" | "Correspond" | "Comment");
                out.push(json!({
                    "HistoryID": r.id.to_string(),
                    "HistoryType": ty,
                    "HistoryTypeID": ty_id.to_string(),
                    "Name": lk.describe(r)?,
                    "TicketID": t.id.to_string(),
                    "ArticleID": if article { r.id.to_string() } else { "0".to_owned() },
                    "CreateBy": r.creator.to_string(),
                    "CreateTime": mapping::otrs_time(r.created),
                    "QueueID": t.queue_id.to_string(),
                    "OwnerID": t.owner_id.to_string(),
                    "PriorityID": priority_id.to_string(),
                    "StateID": state_id.to_string(),
                    "TypeID": "1",
                }));
            }
            Ok(json!({"TicketHistory": [{"TicketID": t.id.to_string(), "History": out}]}))
        })
        .await
}
