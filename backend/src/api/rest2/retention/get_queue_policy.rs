use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::QueueRetentionPolicy;

use super::policy_response;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::rights::Right;
use crate::retention::policy;
use crate::store::queues;

/// A queue's effective retention policy, with where each rule comes from.
#[utoipa::path(get, path = "/REST/2.0/queue/{id}/retention", tag = "retention",
    params(("id" = String, Path, description = "Queue id or name")),
    responses((status = 200, body = QueueRetentionPolicy), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/queue/{id}/retention")]
pub async fn get_queue_policy(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let config = state.config.clone();
    let p = state
        .store
        .read(move |conn| -> ApiResult<_> {
            let q = queues::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            if !me.rights.on_queue(q.id, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            policy::for_queue(conn, &config.retention, q.id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(common::ok(&policy_response(&p)))
}
