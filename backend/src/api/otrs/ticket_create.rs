//! TicketCreate (`POST /Ticket`): a ticket with its first article.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Map, Value};

use super::mapping;
use super::{authenticate, nonempty, params, respond, text, OtrsError, OtrsResult, State};
use crate::api::rest2::common::ctx;
use crate::domain::error::DomainError;
use crate::domain::lifecycle;
use crate::domain::mime;
use crate::store::tickets::{self as ops, MessageInput, MessageKind, NewTicketInput};
use crate::store::{queues, transactions, users};

const OP: &str = "TicketCreate";

pub async fn ticket_create(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(create(state, req, body).await)
}

/// An article as given: whether customers see it (else an internal note), and its message.
pub struct ArticleIn {
    pub internal: bool,
    pub subject: String,
    pub body: String,
    pub mime_type: String,
    pub time_unit: i32,
    pub files: Vec<mime::FileInput>,
}

/// Reads `Article` (and `Attachment` beside it or inside it).
pub fn article(
    a: &Map<String, Value>,
    top: &Map<String, Value>,
    op: &str,
) -> OtrsResult<ArticleIn> {
    let subject = nonempty(a, "Subject")
        .ok_or_else(|| OtrsError::missing(op, "Article->Subject parameter is missing!"))?;
    let body = text(a.get("Body"))
        .filter(|b| !b.is_empty())
        .ok_or_else(|| OtrsError::missing(op, "Article->Body parameter is missing!"))?;
    let mime_type = nonempty(a, "MimeType")
        .or_else(|| nonempty(a, "ContentType"))
        .map(|s| s.split(';').next().unwrap_or("").trim().to_lowercase())
        .unwrap_or_else(|| "text/plain".into());
    if !matches!(mime_type.as_str(), "text/plain" | "text/html") {
        return Err(OtrsError::invalid(
            op,
            format!("Article->MimeType '{mime_type}' is invalid!"),
        ));
    }
    let visible = match text(a.get("IsVisibleForCustomer")) {
        Some(v) => matches!(v.trim(), "1" | "true"),
        None => match nonempty(a, "ArticleType") {
            Some(t) => !t.ends_with("-internal"),
            None => nonempty(a, "CommunicationChannel").is_none_or(|c| c != "Internal"),
        },
    };
    let time_unit = match text(a.get("TimeUnit")) {
        None => 0,
        Some(s) if s.trim().is_empty() => 0,
        Some(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && f.abs() < 1e6)
            .map(|f| f.round() as i32)
            .ok_or_else(|| OtrsError::invalid(op, "Article->TimeUnit is invalid!"))?,
    };
    let mut files = mapping::attachments_in(a.get("Attachment"), op)?;
    files.extend(mapping::attachments_in(top.get("Attachment"), op)?);
    Ok(ArticleIn {
        internal: !visible,
        subject,
        body,
        mime_type,
        time_unit,
        files,
    })
}

pub fn object<'a>(
    m: &'a Map<String, Value>,
    key: &str,
    op: &str,
) -> OtrsResult<Option<&'a Map<String, Value>>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(OtrsError::missing(
            op,
            format!("{key} parameter is missing or not valid!"),
        )),
    }
}

async fn create(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    let m = params(&req, &body, OP)?;
    let st = state.clone();
    state
        .store
        .write(move |conn| -> OtrsResult<Value> {
            let me = authenticate(&st, conn, &m, OP)?;
            let t = object(&m, "Ticket", OP)?.ok_or_else(|| {
                OtrsError::missing(OP, "Ticket parameter is missing or not valid!")
            })?;
            let a = object(&m, "Article", OP)?.ok_or_else(|| {
                OtrsError::missing(OP, "Article parameter is missing or not valid!")
            })?;
            let title = nonempty(t, "Title")
                .ok_or_else(|| OtrsError::missing(OP, "Ticket->Title parameter is missing!"))?;
            let queue_key = nonempty(t, "Queue")
                .or_else(|| nonempty(t, "QueueID"))
                .ok_or_else(|| {
                    OtrsError::missing(
                        OP,
                        "Ticket->QueueID or Ticket->Queue parameter is required!",
                    )
                })?;
            let state_name = nonempty(t, "State");
            let state_id = nonempty(t, "StateID");
            if state_name.is_none() && state_id.is_none() {
                return Err(OtrsError::missing(
                    OP,
                    "Ticket->StateID or Ticket->State parameter is required!",
                ));
            }
            let status = mapping::status_for(state_name.as_deref(), state_id.as_deref())
                .ok_or_else(|| OtrsError::invalid(OP, "Ticket->State is invalid!"))?;
            let prio_name = nonempty(t, "Priority");
            let prio_id = nonempty(t, "PriorityID");
            if prio_name.is_none() && prio_id.is_none() {
                return Err(OtrsError::missing(
                    OP,
                    "Ticket->PriorityID or Ticket->Priority parameter is required!",
                ));
            }
            let priority = mapping::priority_for(prio_name.as_deref(), prio_id.as_deref())
                .ok_or_else(|| OtrsError::invalid(OP, "Ticket->Priority is invalid!"))?;
            let customer = nonempty(t, "CustomerUser").ok_or_else(|| {
                OtrsError::missing(OP, "Ticket->CustomerUser parameter is missing!")
            })?;
            if !mapping::type_ok(
                nonempty(t, "Type").as_deref(),
                nonempty(t, "TypeID").as_deref(),
            ) {
                return Err(OtrsError::invalid(OP, "Ticket->Type is invalid!"));
            }
            let owner = match nonempty(t, "Owner").or_else(|| nonempty(t, "OwnerID")) {
                None => None,
                Some(o) => {
                    let u = users::lookup(conn, &o)?
                        .filter(|u| u.privileged && !u.disabled)
                        .ok_or_else(|| OtrsError::invalid(OP, "Ticket->Owner is invalid!"))?;
                    Some(u.name)
                }
            };
            let art = article(a, &m, OP)?;
            let dfs = mapping::dynamic_fields(m.get("DynamicField"), OP)?;
            let q = queues::lookup(conn, &queue_key)?
                .filter(|q| !q.disabled)
                .ok_or_else(|| OtrsError::invalid(OP, "Ticket->Queue is invalid!"))?;
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let content =
                mime::message_tree(&art.subject, Some(&art.body), &art.mime_type, &art.files);
            let at_create = lifecycle::ON_CREATE.contains(&status);
            let input = NewTicketInput {
                queue: q.id,
                subject: Some(title),
                status: Some(if at_create { status } else { "new" }.to_owned()),
                owner,
                requestors: vec![customer],
                priority: Some(priority),
                initial_priority: Some(priority),
                time_worked: (!art.internal).then_some(art.time_unit),
                content: if art.internal { None } else { content.clone() },
                custom_fields: dfs,
                ..NewTicketInput::default()
            };
            let id = ops::create(conn, &c, &input).map_err(|e| match e {
                DomainError::Forbidden => {
                    OtrsError::denied(OP, "User does not have access to the queue!")
                }
                other => OtrsError::domain(OP, other),
            })?;
            let article_id = if art.internal {
                ops::add_message(
                    conn,
                    &c,
                    id,
                    MessageKind::Comment,
                    &MessageInput {
                        content,
                        subject: Some(art.subject.clone()),
                        time_taken: art.time_unit,
                        ..MessageInput::default()
                    },
                )
                .map_err(|e| OtrsError::domain(OP, e))?;
                transactions::last_of_types(conn, id, &["Comment"])?
            } else {
                transactions::last_of_types(conn, id, &["Create"])?
            }
            .map(|r| r.id)
            .unwrap_or(0);
            if !at_create {
                let row = ops::load(conn, id)?
                    .ok_or_else(|| OtrsError::internal(OP, "created ticket vanished"))?;
                let msgs = ops::set_status(conn, &c, &row, status)
                    .map_err(|e| OtrsError::domain(OP, e))?;
                if msgs.iter().any(|m| m.contains("isn't a valid status")) {
                    return Err(OtrsError::invalid(OP, "Ticket->State is invalid!"));
                }
            }
            Ok(json!({
                "TicketID": id.to_string(),
                "TicketNumber": id.to_string(),
                "ArticleID": article_id.to_string(),
            }))
        })
        .await
}
