//! `PUT /REST/2.0/known-issue/{id}/ticket/{ticket}`.

use actix_web::{put, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::KnownIssueLinkResponse;

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, ctx, State};
use crate::domain::rights::Right;
use crate::store::{known_issues as ki, tickets};

/// Link a ticket to a known issue (needs ModifyTicket on the ticket).
#[utoipa::path(
    put, path = "/REST/2.0/known-issue/{id}/ticket/{ticket}", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id"), ("ticket" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = KnownIssueLinkResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[put("/known-issue/{id}/ticket/{ticket}")]
pub async fn link_ticket(
    state: State,
    me: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let (id, ticket) = (common::path_id(&path.0)?, common::path_id(&path.1)?);
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<KnownIssueLinkResponse> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            ki::get(conn, id)?.ok_or(ApiError::NotFound)?;
            let t = tickets::visible(conn, &c, ticket)?;
            if !tickets::can(conn, &c, &t, Right::ModifyTicket)? {
                return Err(ApiError::Forbidden);
            }
            let changed = ki::link(conn, id, t.id, me.id(), now)?;
            Ok(KnownIssueLinkResponse {
                known_issue: id,
                ticket: t.id,
                changed,
            })
        })
        .await?;
    Ok(common::ok(&v))
}
