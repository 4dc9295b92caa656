//! `DELETE /hushdesk/answers/{id}`.

use actix_web::{delete, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;

use super::require_manager;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::answers;

/// Deletes a template answer.
#[utoipa::path(delete, path = "/REST/2.0/hushdesk/answers/{id}", tag = "answers",
    params(("id" = i64, Path, description = "Answer id")),
    responses((status = 204, description = "Deleted"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/hushdesk/answers/{id}")]
pub async fn delete_answer(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    require_manager(&me)?;
    let id = common::path_id(&path)?;
    let gone = state
        .store
        .write(move |conn| -> ApiResult<bool> { Ok(answers::delete(conn, id)?) })
        .await?;
    if gone {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::NotFound)
    }
}
