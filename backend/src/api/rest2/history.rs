//! Ticket history and single transactions.

use actix_web::{get, web, HttpRequest, HttpResponse};
use hushdesk_api::rest2::{Collection, ErrorBody, TransactionResponse};
use serde_json::Value;

use super::body;
use super::common::{self, ctx, State};
use super::render::{self, FieldSpec, Lookup};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::rights::Right;
use crate::store::{tickets, transactions};

/// Comments are hidden from users without ShowTicketComments, outgoing mail without ShowOutgoingEmail.
fn may_see(kind: &str, comments: bool, outgoing: bool) -> bool {
    match kind {
        "Comment" | "CommentEmailRecord" => comments,
        "EmailRecord" => outgoing,
        _ => true,
    }
}

/// A ticket's history, oldest first (tickets merged into it included); unknown ticket → empty.
#[utoipa::path(get, path = "/REST/2.0/ticket/{id}/history", tag = "tickets",
    params(("id" = i64, Path, description = "Ticket id"),
           ("page" = Option<i64>, Query, description = "Page, from 1"),
           ("per_page" = Option<i64>, Query, description = "Items per page (max 100)"),
           ("fields" = Option<String>, Query, description = "Comma-separated fields to include in items")),
    responses((status = 200, body = Collection), (status = 403, body = ErrorBody)))]
#[get("/ticket/{id}/history")]
pub async fn ticket_history(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
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
            let t = match tickets::visible(conn, &c, id) {
                Ok(t) => t,
                Err(crate::domain::error::DomainError::NotFound(_)) => {
                    return Ok(common::collection(
                        &st,
                        &format!("ticket/{id}/history"),
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
            let outgoing = tickets::can(conn, &c, &t, Right::ShowOutgoingEmail)?;
            let (rows, total) = if comments && outgoing {
                transactions::for_ticket(conn, t.id, (page - 1) * per_page, per_page)?
            } else {
                // Filtering happens after loading; histories are short enough to page in memory.
                let (all, _) = transactions::for_ticket(conn, t.id, 0, i64::MAX)?;
                let visible: Vec<_> = all
                    .into_iter()
                    .filter(|r| may_see(&r.txn_type, comments, outgoing))
                    .collect();
                let total = i64::try_from(visible.len()).unwrap_or(0);
                let start = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
                (
                    visible
                        .into_iter()
                        .skip(start)
                        .take(usize::try_from(per_page).unwrap_or(20))
                        .collect(),
                    total,
                )
            };
            let mut lk = Lookup::new(conn);
            let items = render::items(
                &st,
                &mut lk,
                &rows,
                "transaction",
                &spec,
                |r| r.id,
                |s, lk, r| render::to_value(render::transaction(s, lk, r)?),
            )?;
            Ok(common::collection(
                &st,
                &format!("ticket/{}/history", t.id),
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

/// One transaction.
#[utoipa::path(get, path = "/REST/2.0/transaction/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "Transaction id")),
    responses((status = 200, body = TransactionResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/transaction/{id}")]
pub async fn get_transaction(
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
            let r = transactions::by_id(conn, id)?.ok_or(ApiError::NotFound)?;
            if r.object_type == transactions::TICKET {
                let t = tickets::visible(conn, &c, r.object_id)?;
                let comments = tickets::can(conn, &c, &t, Right::ShowTicketComments)?;
                let outgoing = tickets::can(conn, &c, &t, Right::ShowOutgoingEmail)?;
                if !may_see(&r.txn_type, comments, outgoing) {
                    return Err(ApiError::Forbidden);
                }
            } else if !me.rights.superuser {
                return Err(ApiError::Forbidden);
            }
            let mut lk = Lookup::new(conn);
            render::to_value(render::transaction(&st, &mut lk, &r)?)
        })
        .await?;
    Ok(common::ok(&v))
}
