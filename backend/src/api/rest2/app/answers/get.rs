//! `GET /hushdesk/answers/{id}`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::app::Answer;
use hushdesk_api::rest2::ErrorBody;

use super::{require_reader, to_api};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::answers;

/// One template answer.
#[utoipa::path(get, path = "/REST/2.0/hushdesk/answers/{id}", tag = "answers",
    params(("id" = i64, Path, description = "Answer id")),
    responses((status = 200, body = Answer), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/hushdesk/answers/{id}")]
pub async fn get_answer(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    require_reader(&me)?;
    let id = common::path_id(&path)?;
    let row = state
        .store
        .read(move |conn| -> ApiResult<_> { Ok(answers::by_id(conn, id)?) })
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(common::ok(&to_api(row)))
}
