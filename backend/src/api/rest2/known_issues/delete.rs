//! `DELETE /REST/2.0/known-issue/{id}`.

use actix_web::{delete, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::rights::Right;
use crate::store::known_issues as ki;

/// Delete a known issue and its ticket links (AdminQueue at system level).
#[utoipa::path(
    delete, path = "/REST/2.0/known-issue/{id}", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id")),
    responses((status = 204, description = "Deleted"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[delete("/known-issue/{id}")]
pub async fn delete_known_issue(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    if !me.rights.on_system(Right::AdminQueue) {
        return Err(ApiError::Forbidden);
    }
    let id = common::path_id(&path)?;
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            if ki::delete(conn, id)? == 0 {
                return Err(ApiError::NotFound);
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
