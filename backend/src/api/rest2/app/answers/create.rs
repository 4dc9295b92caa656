//! `POST /hushdesk/answers`.

use actix_web::{post, web, HttpResponse};
use hushdesk_api::app::{Answer, AnswerRequest};
use hushdesk_api::rest2::ErrorBody;

use super::{require_manager, to_api, validate};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::answers;

/// Creates a template answer (SuperUser or `AdminAnswers`).
#[utoipa::path(post, path = "/REST/2.0/hushdesk/answers", tag = "answers",
    request_body = AnswerRequest,
    responses((status = 201, body = Answer), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/hushdesk/answers")]
pub async fn create_answer(
    state: State,
    me: CurrentUser,
    body: web::Json<AnswerRequest>,
) -> ApiResult<HttpResponse> {
    require_manager(&me)?;
    let input = validate(body.into_inner())?;
    let now = state.clock.now();
    let actor = me.id();
    let row = state
        .store
        .write(move |conn| -> ApiResult<_> {
            let id = answers::create(conn, &input, actor, now)?;
            answers::by_id(conn, id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(common::created(&to_api(row)))
}
