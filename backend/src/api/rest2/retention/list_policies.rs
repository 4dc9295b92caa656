use actix_web::{get, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::RetentionPolicies;

use super::policy_response;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::rights::Right;
use crate::retention::policy;

/// Every queue's effective retention policy (queues the caller administers).
#[utoipa::path(get, path = "/REST/2.0/retention/policies", tag = "retention",
    responses((status = 200, body = RetentionPolicies), (status = 403, body = ErrorBody)))]
#[get("/retention/policies")]
pub async fn list_policies(state: State, me: CurrentUser) -> ApiResult<HttpResponse> {
    let config = state.config.clone();
    let all = state
        .store
        .read(move |conn| -> ApiResult<_> { Ok(policy::all(conn, &config.retention)?) })
        .await?;
    let queues: Vec<_> = all
        .iter()
        .filter(|p| me.rights.on_queue(p.queue_id, Right::AdminQueue))
        .map(policy_response)
        .collect();
    if queues.is_empty() && !all.is_empty() {
        return Err(ApiError::Forbidden);
    }
    Ok(common::ok(&RetentionPolicies { queues }))
}
