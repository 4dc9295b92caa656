//! Tickets: create, show, update, delete, ownership, correspondence and comments.

use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use hushdesk_api::rest2::{
    CreateTicketRequest, ErrorBody, InlineAttachment, MessageRequest, RecordRef, TicketResponse,
    UpdateTicketRequest,
};
use serde_json::Value;

use super::body;
use super::common::{self, ctx, State};
use super::render::{self, FieldSpec, Lookup};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::mime;
use crate::store::queues;
use crate::store::tickets::{self as ops, MessageKind, NewTicketInput, OwnerAction};

fn files_from(
    json: &serde_json::Map<String, Value>,
    mut files: Vec<mime::FileInput>,
) -> ApiResult<Vec<mime::FileInput>> {
    if let Some(v) = json.get("Attachments") {
        let inline: Vec<InlineAttachment> = body::typed(v.clone(), "Attachments")?;
        files.extend(body::inline_files(&inline)?);
    }
    Ok(files)
}

fn opt_int(m: &serde_json::Map<String, Value>, key: &str) -> ApiResult<Option<i32>> {
    m.get(key)
        .filter(|v| !v.is_null())
        .map(|v| common::int(v, key))
        .transpose()
}

fn opt_date(
    m: &serde_json::Map<String, Value>,
    key: &str,
) -> ApiResult<Option<chrono::NaiveDateTime>> {
    match m.get(key).and_then(common::text) {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => crate::domain::dates::parse(&s)
            .map(Some)
            .ok_or_else(|| ApiError::BadRequest(format!("Invalid date for {key}: '{s}'"))),
    }
}

const KNOWN_CREATE_FIELDS: &[&str] = &[
    "Queue",
    "Subject",
    "Content",
    "ContentType",
    "Requestor",
    "Requestors",
    "Cc",
    "AdminCc",
    "Owner",
    "Status",
    "Priority",
    "InitialPriority",
    "FinalPriority",
    "TimeEstimated",
    "TimeWorked",
    "TimeLeft",
    "Starts",
    "Due",
    "Type",
    "CustomFields",
    "Attachments",
    "CustomRoles",
    "SLA",
];

/// Create a ticket (JSON, or multipart with a `JSON` part and `Attachments` files).
#[utoipa::path(
    post, path = "/REST/2.0/ticket", tag = "tickets",
    request_body(content = CreateTicketRequest, description = "RT ticket fields; multipart/form-data with a `JSON` part and `Attachments` files is also accepted"),
    responses(
        (status = 201, description = "Created", body = RecordRef),
        (status = 400, description = "Invalid input", body = ErrorBody),
        (status = 401, description = "Unauthorized", body = ErrorBody),
        (status = 403, description = "Forbidden", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
    )
)]
#[post("/ticket")]
pub async fn create_ticket(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let b = body::read(&req, payload, &state).await?;
    let m = body::object(b.json)?;
    if let Some(k) = m
        .keys()
        .find(|k| !KNOWN_CREATE_FIELDS.contains(&k.as_str()))
    {
        return Err(ApiError::BadRequest(format!("Unknown field: {k}")));
    }
    let queue_key = m
        .get("Queue")
        .and_then(common::text)
        .ok_or_else(|| ApiError::BadRequest("Could not create ticket. Queue not set".into()))?;
    let files = files_from(&m, b.files)?;
    let subject = m.get("Subject").and_then(common::text);
    let content = m.get("Content").and_then(common::text);
    let content_type = m
        .get("ContentType")
        .and_then(common::text)
        .unwrap_or_else(|| "text/plain".into());
    if !matches!(content_type.as_str(), "text/plain" | "text/html") {
        return Err(ApiError::BadRequest(format!(
            "Invalid ContentType '{content_type}'"
        )));
    }
    let mut input = NewTicketInput {
        subject: subject.clone(),
        status: m.get("Status").and_then(common::text),
        owner: m.get("Owner").and_then(common::text),
        ticket_type: m.get("Type").and_then(common::text),
        requestors: common::addresses(m.get("Requestor").or_else(|| m.get("Requestors"))),
        cc: common::addresses(m.get("Cc")),
        admin_cc: common::addresses(m.get("AdminCc")),
        priority: opt_int(&m, "Priority")?,
        initial_priority: opt_int(&m, "InitialPriority")?,
        final_priority: opt_int(&m, "FinalPriority")?,
        time_estimated: opt_int(&m, "TimeEstimated")?,
        time_worked: opt_int(&m, "TimeWorked")?,
        time_left: opt_int(&m, "TimeLeft")?,
        starts: opt_date(&m, "Starts")?,
        due: opt_date(&m, "Due")?,
        content: mime::message_tree(
            subject.as_deref().unwrap_or(""),
            content.as_deref(),
            &content_type,
            &files,
        ),
        custom_fields: common::custom_fields(m.get("CustomFields"))?,
        ..NewTicketInput::default()
    };
    let st = state.clone();
    let id = state
        .store
        .write(move |conn| -> ApiResult<i64> {
            let q = queues::lookup(conn, &queue_key)?.ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "Could not create ticket. Queue '{queue_key}' not found"
                ))
            })?;
            input.queue = q.id;
            let now = st.clock.now();
            Ok(ops::create(conn, &ctx(&st, &me, now), &input)?)
        })
        .await?;
    Ok(common::created(&render::reference(&state, "ticket", id)))
}

/// Show a ticket; a merged ticket's number shows the ticket it was merged into.
#[utoipa::path(
    get, path = "/REST/2.0/ticket/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id"),
           ("fields[Queue]" = Option<String>, Query, description = "Sub-fields to expand in a reference, e.g. Name")),
    responses((status = 200, body = TicketResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/ticket/{id}")]
pub async fn get_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let spec = FieldSpec::from_pairs(&body::query_pairs(&req)?);
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<Value> {
            let now = st.clock.now();
            let t = ops::visible(conn, &ctx(&st, &me, now), id)?;
            let mut lk = Lookup::new(conn);
            let rec = render::ticket(&st, &mut lk, &t)?;
            let mut v = render::to_value(rec)?;
            if let Value::Object(m) = &mut v {
                render::expand(&st, &mut lk, m, &spec)?;
            }
            Ok(v)
        })
        .await?;
    Ok(common::ok(&v))
}

/// Update fields, watchers, custom fields and links, or merge (`MergeInto`). Invalid values come
/// back as messages with 200, as RT does.
#[utoipa::path(
    put, path = "/REST/2.0/ticket/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    request_body(content = UpdateTicketRequest, description = "RT fields (Subject, Status, Owner, Priority, Due, Requestor, Cc, AdminCc, CustomFields, MergeInto, AddRefersTo, DeleteDependsOn …)"),
    responses((status = 200, body = Vec<String>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[put("/ticket/{id}")]
pub async fn update_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let b = body::read(&req, payload, &state).await?;
    let fields: Vec<(String, Value)> = body::object(b.json)?.into_iter().collect();
    let st = state.clone();
    let msgs = state
        .store
        .write(move |conn| -> ApiResult<Vec<String>> {
            let now = st.clock.now();
            Ok(ops::update(conn, &ctx(&st, &me, now), id, &fields)?)
        })
        .await?;
    Ok(common::ok(&msgs))
}

/// Mark a ticket deleted (the record stays, as in RT).
#[utoipa::path(
    delete, path = "/REST/2.0/ticket/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 204, description = "Deleted"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[delete("/ticket/{id}")]
pub async fn delete_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let st = state.clone();
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let now = st.clock.now();
            Ok(ops::delete(conn, &ctx(&st, &me, now), id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn owner(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    action: OwnerAction,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let st = state.clone();
    let msgs = state
        .store
        .write(move |conn| -> ApiResult<Vec<String>> {
            let now = st.clock.now();
            Ok(ops::owner_action(conn, &ctx(&st, &me, now), id, action)?)
        })
        .await?;
    Ok(common::ok(&msgs))
}

/// Take an unowned ticket.
#[utoipa::path(put, path = "/REST/2.0/ticket/{id}/take", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = Vec<String>), (status = 404, body = ErrorBody)))]
#[put("/ticket/{id}/take")]
pub async fn take_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    owner(state, me, path, OwnerAction::Take).await
}

/// Give up ownership of a ticket you own.
#[utoipa::path(put, path = "/REST/2.0/ticket/{id}/untake", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = Vec<String>), (status = 404, body = ErrorBody)))]
#[put("/ticket/{id}/untake")]
pub async fn untake_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    owner(state, me, path, OwnerAction::Untake).await
}

/// Take a ticket owned by someone else.
#[utoipa::path(put, path = "/REST/2.0/ticket/{id}/steal", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = Vec<String>), (status = 404, body = ErrorBody)))]
#[put("/ticket/{id}/steal")]
pub async fn steal_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    owner(state, me, path, OwnerAction::Steal).await
}

async fn message(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
    kind: MessageKind,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)
        .map_err(|_| ApiError::BadRequest("Message could not be recorded".into()))?;
    let b = body::read(&req, payload, &state).await?;
    let m = body::object(b.json)?;
    let files = files_from(&m, b.files)?;
    let content = m.get("Content").and_then(common::text);
    let content_type = m
        .get("ContentType")
        .and_then(common::text)
        .unwrap_or_else(|| "text/plain".into());
    if !matches!(content_type.as_str(), "text/plain" | "text/html") {
        return Err(ApiError::BadRequest(format!(
            "Invalid ContentType '{content_type}'"
        )));
    }
    if content.is_none() && files.is_empty() {
        return Err(ApiError::BadRequest(
            "No content or attachments given".into(),
        ));
    }
    let subject = m.get("Subject").and_then(common::text);
    let input = ops::MessageInput {
        content: mime::message_tree(
            subject.as_deref().unwrap_or(""),
            content.as_deref(),
            &content_type,
            &files,
        ),
        subject,
        time_taken: m
            .get("TimeTaken")
            .map(|v| common::int(v, "TimeTaken"))
            .transpose()?
            .unwrap_or(0),
        status: m.get("Status").and_then(common::text),
        custom_fields: common::custom_fields(m.get("CustomFields"))?,
    };
    let st = state.clone();
    let msgs = state
        .store
        .write(move |conn| -> ApiResult<Vec<String>> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            match ops::add_message(conn, &c, id, kind, &input) {
                Err(crate::domain::error::DomainError::NotFound(_)) => {
                    Err(ApiError::BadRequest("Message could not be recorded".into()))
                }
                other => Ok(other?),
            }
        })
        .await?;
    Ok(common::created(&msgs))
}

/// Reply to the requestors (RT "correspond").
#[utoipa::path(post, path = "/REST/2.0/ticket/{id}/correspond", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    request_body(content = MessageRequest, description = "JSON, or multipart with a `JSON` part and `Attachments` files"),
    responses((status = 201, body = Vec<String>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/ticket/{id}/correspond")]
pub async fn correspond_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    message(state, me, path, req, payload, MessageKind::Correspond).await
}

/// Add a private comment for staff.
#[utoipa::path(post, path = "/REST/2.0/ticket/{id}/comment", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    request_body(content = MessageRequest, description = "JSON, or multipart with a `JSON` part and `Attachments` files"),
    responses((status = 201, body = Vec<String>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/ticket/{id}/comment")]
pub async fn comment_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    message(state, me, path, req, payload, MessageKind::Comment).await
}
