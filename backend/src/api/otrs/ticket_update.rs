//! TicketUpdate (`PATCH /Ticket/:TicketID`): ticket fields, dynamic fields and a new article.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::mapping;
use super::ticket_create::{article, object};
use super::{authenticate, nonempty, params, respond, ticket_id, OtrsError, OtrsResult, State};
use crate::api::rest2::common::ctx;
use crate::domain::error::DomainError;
use crate::domain::mime;
use crate::domain::rights::Right;
use crate::store::tickets::{self as ops, MessageInput, MessageKind};
use crate::store::{queues, transactions, users};

const OP: &str = "TicketUpdate";

const TICKET_KEYS: &[&str] = &[
    "Title",
    "Queue",
    "QueueID",
    "State",
    "StateID",
    "Priority",
    "PriorityID",
    "Owner",
    "OwnerID",
    "CustomerUser",
    "Type",
    "TypeID",
    "PendingTime",
];

/// Messages of `store::tickets::update` that report a refusal rather than a change.
fn refusal(msg: &str) -> Option<OtrsError> {
    if msg.ends_with("Permission Denied") {
        return Some(OtrsError::denied(
            OP,
            "User does not have access to the ticket!",
        ));
    }
    let bad = [
        "could not be found",
        "may not own",
        "Queue change failed",
        "You may not",
        "Invalid",
        "isn't a valid status",
        "Unknown field",
        "cannot be changed",
        "Couldn't",
        "not a valid",
    ];
    bad.iter()
        .any(|b| msg.contains(b))
        .then(|| OtrsError::invalid(OP, msg.to_owned()))
}

pub async fn ticket_update(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(update(state, req, body).await)
}

async fn update(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    let m = params(&req, &body, OP)?;
    let st = state.clone();
    state
        .store
        .write(move |conn| -> OtrsResult<Value> {
            let me = authenticate(&st, conn, &m, OP)?;
            let id = ticket_id(&m, OP)?;
            let tk = object(&m, "Ticket", OP)?;
            let art = object(&m, "Article", OP)?
                .map(|a| article(a, &m, OP))
                .transpose()?;
            if art.is_none() && m.get("Attachment").is_some_and(|v| !v.is_null()) {
                return Err(OtrsError::missing(OP, "Attachment needs an Article!"));
            }
            let dfs = mapping::dynamic_fields(m.get("DynamicField"), OP)?;
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
            let mut fields: Vec<(String, Value)> = Vec::new();
            if let Some(tk) = tk {
                if let Some(k) = tk.keys().find(|k| !TICKET_KEYS.contains(&k.as_str())) {
                    return Err(OtrsError::invalid(
                        OP,
                        format!("Ticket->{k} is not supported!"),
                    ));
                }
                if !mapping::type_ok(
                    nonempty(tk, "Type").as_deref(),
                    nonempty(tk, "TypeID").as_deref(),
                ) {
                    return Err(OtrsError::invalid(OP, "Ticket->Type is invalid!"));
                }
                if let Some(title) = nonempty(tk, "Title") {
                    fields.push(("Subject".into(), json!(title)));
                }
                if let Some(q) = nonempty(tk, "Queue").or_else(|| nonempty(tk, "QueueID")) {
                    let q = queues::lookup(conn, &q)?
                        .filter(|q| !q.disabled)
                        .ok_or_else(|| OtrsError::invalid(OP, "Ticket->Queue is invalid!"))?;
                    fields.push(("Queue".into(), json!(q.id.to_string())));
                }
                if let Some(o) = nonempty(tk, "Owner").or_else(|| nonempty(tk, "OwnerID")) {
                    let u = users::lookup(conn, &o)?
                        .filter(|u| u.privileged && !u.disabled)
                        .ok_or_else(|| OtrsError::invalid(OP, "Ticket->Owner is invalid!"))?;
                    fields.push(("Owner".into(), json!(u.name)));
                }
                let (sn, sid) = (nonempty(tk, "State"), nonempty(tk, "StateID"));
                if sn.is_some() || sid.is_some() {
                    let s = mapping::status_for(sn.as_deref(), sid.as_deref())
                        .ok_or_else(|| OtrsError::invalid(OP, "Ticket->State is invalid!"))?;
                    fields.push(("Status".into(), json!(s)));
                }
                let (pn, pid) = (nonempty(tk, "Priority"), nonempty(tk, "PriorityID"));
                if pn.is_some() || pid.is_some() {
                    let p = mapping::priority_for(pn.as_deref(), pid.as_deref())
                        .ok_or_else(|| OtrsError::invalid(OP, "Ticket->Priority is invalid!"))?;
                    fields.push(("Priority".into(), json!(p)));
                }
                if let Some(cu) = nonempty(tk, "CustomerUser") {
                    fields.push(("Requestor".into(), json!([cu])));
                }
                if let Some(pt) = tk.get("PendingTime").filter(|v| !v.is_null()) {
                    fields.push(("Starts".into(), json!(mapping::pending_time(pt, OP)?)));
                }
                if !fields.is_empty() && !ops::can(conn, &c, &t, Right::ModifyTicket)? {
                    return Err(OtrsError::denied(
                        OP,
                        "User does not have access to the ticket!",
                    ));
                }
            }
            if !dfs.is_empty() {
                let map: serde_json::Map<String, Value> =
                    dfs.into_iter().map(|(k, v)| (k, json!(v))).collect();
                fields.push(("CustomFields".into(), Value::Object(map)));
            }
            let msgs =
                ops::update(conn, &c, t.id, &fields).map_err(|e| OtrsError::domain(OP, e))?;
            if let Some(e) = msgs.iter().find_map(|m| refusal(m)) {
                return Err(e);
            }
            let mut out = json!({"TicketID": t.id.to_string(), "TicketNumber": t.id.to_string()});
            if let Some(a) = art {
                let kind = if a.internal {
                    MessageKind::Comment
                } else {
                    MessageKind::Correspond
                };
                let content = mime::message_tree(&a.subject, Some(&a.body), &a.mime_type, &a.files);
                let msgs = ops::add_message(
                    conn,
                    &c,
                    t.id,
                    kind,
                    &MessageInput {
                        content,
                        subject: Some(a.subject.clone()),
                        time_taken: a.time_unit,
                        ..MessageInput::default()
                    },
                )
                .map_err(|e| OtrsError::domain(OP, e))?;
                if let Some(e) = msgs.iter().find_map(|m| refusal(m)) {
                    return Err(e);
                }
                let ty = if a.internal { "Comment" } else { "Correspond" };
                let aid = transactions::last_of_types(conn, t.id, &[ty])?
                    .map(|r| r.id)
                    .unwrap_or(0);
                out["ArticleID"] = json!(aid.to_string());
            }
            Ok(out)
        })
        .await
}
