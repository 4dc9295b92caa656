//! `GET /hushdesk/answers`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::app::{AnswerList, AnswerQuery};
use hushdesk_api::rest2::ErrorBody;

use super::{require_reader, shared, to_api};
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::store::answers::{self, AnswerFilter};

/// Template answers matching every word of `q` (title or body), by language and category;
/// most used first.
#[utoipa::path(get, path = "/REST/2.0/hushdesk/answers", tag = "answers",
    params(AnswerQuery),
    responses((status = 200, body = AnswerList), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/hushdesk/answers")]
pub async fn list_answers(
    state: State,
    me: CurrentUser,
    q: web::Query<AnswerQuery>,
) -> ApiResult<HttpResponse> {
    require_reader(&me)?;
    let q = q.into_inner();
    let (page, per_page) = shared::paging(q.page, q.per_page);
    let filter = AnswerFilter {
        words: q
            .q
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .take(10)
            .map(str::to_owned)
            .collect(),
        language: shared::language(q.language.as_deref())?,
        category: q.category.filter(|c| !c.trim().is_empty()),
    };
    let offset = (page - 1).saturating_mul(per_page);
    let (rows, total) = state
        .store
        .read(move |conn| -> ApiResult<_> { Ok(answers::list(conn, &filter, offset, per_page)?) })
        .await?;
    Ok(common::ok(&AnswerList {
        page,
        per_page,
        total,
        items: rows.into_iter().map(to_api).collect(),
    }))
}
