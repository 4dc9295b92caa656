//! `GET /REST/2.0/ticket/{id}/known-issues`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::KnownIssueList;

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, ctx, State};
use crate::store::{known_issues as ki, tickets};

/// The known issues a ticket is linked to.
#[utoipa::path(
    get, path = "/REST/2.0/ticket/{id}/known-issues", tag = "known-issues",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = KnownIssueList), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/ticket/{id}/known-issues")]
pub async fn ticket_known_issues(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let id = common::path_id(&path)?;
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<KnownIssueList> {
            let now = st.clock.now();
            let t = tickets::visible(conn, &ctx(&st, &me, now), id)?;
            let items = ki::of_ticket(conn, t.id)?
                .into_iter()
                .map(|i| super::load_one(conn, &st, &me, i))
                .collect::<ApiResult<Vec<_>>>()?;
            Ok(KnownIssueList {
                total: i64::try_from(items.len()).unwrap_or(i64::MAX),
                items,
            })
        })
        .await?;
    Ok(common::ok(&v))
}
