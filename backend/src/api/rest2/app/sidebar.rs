//! `GET /hushdesk/sidebar`: queues with their counts, for polling.

use actix_web::{get, HttpResponse};
use hushdesk_api::app::{QueueCounts, SidebarResponse};
use hushdesk_api::rest2::ErrorBody;

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::store::app_views;

pub const POLL_SECONDS: i64 = 30;

/// Every queue the caller sees every ticket of, with counts of new, needs-answer and open
/// tickets. Poll it every `poll_seconds`.
#[utoipa::path(get, path = "/REST/2.0/hushdesk/sidebar", tag = "app",
    responses((status = 200, body = SidebarResponse), (status = 401, body = ErrorBody)))]
#[get("/hushdesk/sidebar")]
pub async fn get_sidebar(state: State, me: CurrentUser) -> ApiResult<HttpResponse> {
    let now = state.clock.now();
    let queues = state
        .store
        .read(move |conn| -> ApiResult<Vec<QueueCounts>> {
            let qs = app_views::visible_queues(conn, &me.rights, None, None)?;
            let ids: Vec<i64> = qs.iter().map(|q| q.id).collect();
            let counts = app_views::queue_counts(conn, &ids)?;
            Ok(qs
                .into_iter()
                .map(|q| {
                    let [new, needs_answer, open] = counts.get(&q.id).copied().unwrap_or_default();
                    QueueCounts {
                        id: q.id,
                        name: q.name,
                        language: q.language,
                        new,
                        needs_answer,
                        open,
                    }
                })
                .collect())
        })
        .await?;
    Ok(common::ok(&SidebarResponse {
        queues,
        generated_at: shared::time(now),
        poll_seconds: POLL_SECONDS,
    }))
}
