//! `GET /REST/2.0/known-issue/{id}`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::KnownIssueResponse;

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};

/// A known issue with its counts of linked tickets and distinct requestors.
#[utoipa::path(
    get, path = "/REST/2.0/known-issue/{id}", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id")),
    responses((status = 200, body = KnownIssueResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/known-issue/{id}")]
pub async fn show_known_issue(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let id = common::path_id(&path)?;
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| super::load_one(conn, &st, &me, id))
        .await?;
    Ok(common::ok(&v))
}
