//! `PUT /hushdesk/answers/{id}`.

use actix_web::{put, web, HttpResponse};
use hushdesk_api::app::{Answer, AnswerRequest};
use hushdesk_api::rest2::ErrorBody;

use super::{require_manager, to_api, validate};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::answers;

/// Replaces a template answer's title, body, language and category.
#[utoipa::path(put, path = "/REST/2.0/hushdesk/answers/{id}", tag = "answers",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = AnswerRequest,
    responses((status = 200, body = Answer), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[put("/hushdesk/answers/{id}")]
pub async fn update_answer(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<AnswerRequest>,
) -> ApiResult<HttpResponse> {
    require_manager(&me)?;
    let id = common::path_id(&path)?;
    let input = validate(body.into_inner())?;
    let now = state.clock.now();
    let actor = me.id();
    let row = state
        .store
        .write(move |conn| -> ApiResult<_> {
            if !answers::update(conn, id, &input, actor, now)? {
                return Err(ApiError::NotFound);
            }
            answers::by_id(conn, id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(common::ok(&to_api(row)))
}
