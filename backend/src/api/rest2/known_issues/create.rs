//! `POST /REST/2.0/known-issues`.

use actix_web::{post, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{KnownIssueRequest, KnownIssueResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::known_issues::ROLES;
use crate::store::known_issues::{self as ki, NewKnownIssue};

/// Create a known issue (status defaults to `open`, hardware roles to all four).
#[utoipa::path(
    post, path = "/REST/2.0/known-issues", tag = "known-issues",
    request_body = KnownIssueRequest,
    responses(
        (status = 201, body = KnownIssueResponse),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
    )
)]
#[post("/known-issues")]
pub async fn create_known_issue(
    state: State,
    me: CurrentUser,
    body: web::Json<KnownIssueRequest>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let req = body.into_inner();
    let c = super::changes(&req)?;
    let title = c
        .title
        .ok_or_else(|| ApiError::BadRequest("A known issue needs a title".into()))?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<KnownIssueResponse> {
            let now = st.clock.now();
            let new = NewKnownIssue {
                title,
                description: c.description.unwrap_or_default(),
                status: c.status.unwrap_or_else(|| "open".into()),
                fixed_in: c.fixed_in.flatten(),
                tracker_url: c.tracker_url.flatten(),
                affected_versions: c.affected_versions.unwrap_or_default(),
                hardware_roles: c.hardware_roles.unwrap_or_else(|| ROLES.join(",")),
                creator: me.id(),
                created: now,
                last_updated_by: me.id(),
                last_updated: now,
            };
            let id = ki::create(conn, &new)?;
            super::load_one(conn, &st, &me, id)
        })
        .await?;
    Ok(common::created(&v))
}
