use actix_web::{post, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::AbuseMarkResponse;

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::rights::Right;
use crate::store::{tickets, users};

/// Mark a ticket's requestors abusive: each mark adds to their score (stored under a keyed
/// hash of the address) until it expires.
#[utoipa::path(post, path = "/REST/2.0/ticket/{id}/abusive", tag = "retention",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = AbuseMarkResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/ticket/{id}/abusive")]
pub async fn mark_abusive(
    state: State,
    me: CurrentUser,
    path: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let st = state.clone();
    let resp = state
        .store
        .write(move |conn| -> ApiResult<AbuseMarkResponse> {
            let now = st.clock.now();
            let ctx = common::ctx(&st, &me, now);
            let t = tickets::visible(conn, &ctx, id)?;
            if !tickets::can(conn, &ctx, &t, Right::ModifyTicket)? {
                return Err(ApiError::Forbidden);
            }
            let scorer = st
                .store
                .abuse_scorer()
                .cloned()
                .ok_or_else(|| ApiError::Internal("abuse scoring is not set up".into()))?;
            let mut marked = 0u32;
            let mut flagged = false;
            for (role, uid) in tickets::watchers(conn, t.id)? {
                if role != "Requestor" {
                    continue;
                }
                if let Some(addr) = users::by_id(conn, uid)?.and_then(|u| u.email_address) {
                    scorer.mark(conn, &addr, now)?;
                    marked += 1;
                    flagged |= scorer.flagged(conn, &addr, now)?;
                }
            }
            Ok(AbuseMarkResponse { marked, flagged })
        })
        .await?;
    Ok(common::ok(&resp))
}
