//! `GET /REST/2.0/known-issues`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{KnownIssueList, KnownIssueListQuery};

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::domain::known_issues as rules;
use crate::store::known_issues as ki;
use crate::whisperback::compat;

/// Every known issue (optionally of one status) with its counts.
#[utoipa::path(
    get, path = "/REST/2.0/known-issues", tag = "known-issues",
    params(KnownIssueListQuery),
    responses((status = 200, body = KnownIssueList), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/known-issues")]
pub async fn list_known_issues(
    state: State,
    me: CurrentUser,
    query: web::Query<KnownIssueListQuery>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let status = query
        .into_inner()
        .status
        .map(|s| rules::status(&s))
        .transpose()?;
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<KnownIssueList> {
            let rows = ki::list(conn, status.as_deref())?;
            let counts = compat::issue_counts(conn, &super::visible_filter(&me), None)?;
            let items: Vec<_> = rows
                .into_iter()
                .map(|r| {
                    let c = counts.get(&r.id);
                    super::response(&st, r, c)
                })
                .collect();
            Ok(KnownIssueList {
                total: i64::try_from(items.len()).unwrap_or(i64::MAX),
                items,
            })
        })
        .await?;
    Ok(common::ok(&v))
}
