//! `GET /hushdesk/view-counts`: how many tickets each view holds.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::app::{ViewCounts, ViewQuery};
use hushdesk_api::rest2::ErrorBody;

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::store::app_views::{self, View};

/// Totals of the needs-answer, mine and unowned views (same `queue`/`language` filters).
#[utoipa::path(get, path = "/REST/2.0/hushdesk/view-counts", tag = "app",
    params(ViewQuery),
    responses((status = 200, body = ViewCounts), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
#[get("/hushdesk/view-counts")]
pub async fn get_view_counts(
    state: State,
    me: CurrentUser,
    q: web::Query<ViewQuery>,
) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let lang = shared::language(q.language.as_deref())?;
    let counts = state
        .store
        .read(move |conn| -> ApiResult<ViewCounts> {
            let qs = app_views::visible_queues(conn, &me.rights, q.queue, lang.as_deref())?;
            let ids: Vec<i64> = qs.iter().map(|q| q.id).collect();
            let mut total = |v| app_views::view(conn, v, &ids, 0, 0).map(|(_, n)| n);
            Ok(ViewCounts {
                needs_answer: total(View::NeedsAnswer)?,
                mine: total(View::Mine(me.id()))?,
                unowned: total(View::Unowned)?,
            })
        })
        .await?;
    Ok(common::ok(&counts))
}
