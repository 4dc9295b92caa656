//! Attachments: the MIME parts of a ticket's transactions, content byte-exact.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use hushdesk_api::rest2::{AttachmentResponse, Collection, ErrorBody, SearchClause};
use serde_json::Value;

use super::body;
use super::common::{self, ctx, State};
use super::render::{self, FieldSpec, Lookup};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::rights::Right;
use crate::store::rows::AttachmentMeta;
use crate::store::{attachments, tickets, transactions};

fn matches(a: &AttachmentMeta, clauses: &[SearchClause]) -> ApiResult<bool> {
    for c in clauses {
        let value = common::text(&c.value).unwrap_or_default();
        let actual = match c.field.as_str() {
            "Filename" => a.filename.as_str(),
            "ContentType" => a.content_type.as_str(),
            "Subject" => a.subject.as_str(),
            "MessageId" => a.message_id.as_str(),
            other => {
                return Err(ApiError::BadRequest(format!(
                    "Unsupported attachment search field: {other}"
                )))
            }
        };
        let ok = match c.operator.to_ascii_uppercase().as_str() {
            "=" => actual == value,
            "!=" => actual != value,
            "LIKE" => actual.to_lowercase().contains(&value.to_lowercase()),
            "NOT LIKE" => !actual.to_lowercase().contains(&value.to_lowercase()),
            "IS" => actual.is_empty(),
            "IS NOT" => !actual.is_empty(),
            other => {
                return Err(ApiError::BadRequest(format!(
                    "Unsupported operator: {other}"
                )))
            }
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn list(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    clauses: Vec<SearchClause>,
) -> ApiResult<HttpResponse> {
    let pairs = body::query_pairs(&req)?;
    let (page, per_page) = common::paging(&pairs);
    let spec = FieldSpec::from_pairs(&pairs);
    let id = path.trim().parse::<i64>().unwrap_or(0);
    let st = state.clone();
    let coll = state
        .store
        .read(move |conn| -> ApiResult<Collection> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let where_ = format!("ticket/{id}/attachments");
            let t = match tickets::visible(conn, &c, id) {
                Ok(t) => t,
                Err(crate::domain::error::DomainError::NotFound(_)) => {
                    return Ok(common::collection(
                        &st,
                        &where_,
                        vec![],
                        page,
                        per_page,
                        Some(0),
                        "",
                    ));
                }
                Err(e) => return Err(e.into()),
            };
            let comments = tickets::can(conn, &c, &t, Right::ShowTicketComments)?;
            let ids = transactions::merged_ids(conn, t.id)?;
            let (all, _) = attachments::for_ticket(conn, &ids, false, 0, i64::MAX)?;
            let mut hidden_txns = Vec::new();
            if !comments {
                let (txns, _) = transactions::for_ticket(conn, t.id, 0, i64::MAX)?;
                hidden_txns = txns
                    .into_iter()
                    .filter(|r| r.txn_type == "Comment" || r.txn_type == "CommentEmailRecord")
                    .map(|r| r.id)
                    .collect();
            }
            let mut kept = Vec::new();
            for a in all {
                if !hidden_txns.contains(&a.transaction_id) && matches(&a, &clauses)? {
                    kept.push(a);
                }
            }
            let total = i64::try_from(kept.len()).unwrap_or(0);
            let start = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
            let mut lk = Lookup::new(conn);
            let page_rows: Vec<_> = kept
                .into_iter()
                .skip(start)
                .take(usize::try_from(per_page).unwrap_or(20))
                .collect();
            let items = render::items(
                &st,
                &mut lk,
                &page_rows,
                "attachment",
                &spec,
                |a| a.id,
                |s, lk, a| render::to_value(render::attachment(s, lk, a, &[])?),
            )?;
            Ok(common::collection(
                &st,
                &where_,
                items,
                page,
                per_page,
                Some(total),
                "",
            ))
        })
        .await?;
    Ok(common::ok(&coll))
}

/// Search a ticket's attachments with `[{"field","operator","value"}]` clauses (all must hold).
#[utoipa::path(post, path = "/REST/2.0/ticket/{id}/attachments", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id"),
           ("fields" = Option<String>, Query, description = "Fields to include, e.g. Filename,ContentType,ContentLength")),
    request_body(content = Vec<SearchClause>),
    responses((status = 200, body = Collection), (status = 400, body = ErrorBody)))]
#[post("/ticket/{id}/attachments")]
pub async fn search_attachments(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let b = body::read(&req, payload, &state).await?;
    let clauses: Vec<SearchClause> = match b.json {
        Value::Null => vec![],
        v => body::typed(v, "search clauses")?,
    };
    list(state, me, path, req, clauses).await
}

/// Every attachment of a ticket.
#[utoipa::path(get, path = "/REST/2.0/ticket/{id}/attachments", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = Collection)))]
#[get("/ticket/{id}/attachments")]
pub async fn list_attachments(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    list(state, me, path, req, vec![]).await
}

/// One attachment; `Content` is base64 of the exact bytes.
#[utoipa::path(get, path = "/REST/2.0/attachment/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "Attachment id")),
    responses((status = 200, body = AttachmentResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/attachment/{id}")]
pub async fn get_attachment(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<Value> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let meta = attachments::meta(conn, id)?.ok_or(ApiError::NotFound)?;
            let txn = transactions::by_id(conn, meta.transaction_id)?.ok_or(ApiError::NotFound)?;
            let t = tickets::visible(conn, &c, txn.object_id)?;
            if (txn.txn_type == "Comment" || txn.txn_type == "CommentEmailRecord")
                && !tickets::can(conn, &c, &t, Right::ShowTicketComments)?
            {
                return Err(ApiError::Forbidden);
            }
            let content = attachments::content(conn, id)?.unwrap_or_default();
            let mut lk = Lookup::new(conn);
            render::to_value(render::attachment(&st, &mut lk, &meta, &content)?)
        })
        .await?;
    Ok(common::ok(&v))
}
