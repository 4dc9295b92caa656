//! `PUT /REST/2.0/known-issue/{id}`.

use actix_web::{put, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{KnownIssueRequest, KnownIssueResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::known_issues as ki;

/// Change a known issue: absent fields stay; an empty `fixed_in`/`tracker_url` clears it.
#[utoipa::path(
    put, path = "/REST/2.0/known-issue/{id}", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id")),
    request_body = KnownIssueRequest,
    responses((status = 200, body = KnownIssueResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[put("/known-issue/{id}")]
pub async fn update_known_issue(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<KnownIssueRequest>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let id = common::path_id(&path)?;
    let mut c = super::changes(&body.into_inner())?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<KnownIssueResponse> {
            ki::get(conn, id)?.ok_or(ApiError::NotFound)?;
            c.last_updated = Some(st.clock.now());
            c.last_updated_by = Some(me.id());
            ki::update(conn, id, &c)?;
            super::load_one(conn, &st, &me, id)
        })
        .await?;
    Ok(common::ok(&v))
}
