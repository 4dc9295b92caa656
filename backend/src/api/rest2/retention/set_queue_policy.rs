use actix_web::{put, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::{QueueRetentionPolicy, SetRetentionRequest};

use super::policy_response;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::retention::{CountedFrom, DataKind, Rule};
use crate::domain::rights::Right;
use crate::retention::policy;
use crate::store::{queues, retention as rows};

/// Store rules for some kinds of a queue's data (over the configuration file); `reset`
/// drops a stored rule. Answers with the queue's effective policy.
#[utoipa::path(put, path = "/REST/2.0/queue/{id}/retention", tag = "retention",
    params(("id" = String, Path, description = "Queue id or name")),
    request_body = SetRetentionRequest,
    responses((status = 200, body = QueueRetentionPolicy), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[put("/queue/{id}/retention")]
pub async fn set_queue_policy(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<SetRetentionRequest>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let mut set = Vec::new();
    let mut reset = Vec::new();
    for r in &body.rules {
        let kind = DataKind::parse(r.kind.trim()).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "Unknown kind of data {:?}: expected one of requester_identity, bodies, \
                 whisperback_logs, hardware_facts, metadata",
                r.kind
            ))
        })?;
        let counted_from = CountedFrom::parse(r.counted_from.trim()).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "Unknown counted_from {:?}: expected resolution or last_activity",
                r.counted_from
            ))
        })?;
        if r.reset {
            reset.push(kind);
        } else {
            set.push((
                kind,
                Rule {
                    max_age_days: r.max_age_days,
                    counted_from,
                },
            ));
        }
    }
    if set.is_empty() && reset.is_empty() {
        return Err(ApiError::BadRequest("No rules given".into()));
    }
    let config = state.config.clone();
    let now = state.clock.now();
    let p = state
        .store
        .write(move |conn| -> ApiResult<_> {
            let q = queues::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            if !me.rights.on_queue(q.id, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            rows::set_rules(conn, q.id, &set, now)?;
            rows::clear_rules(conn, q.id, &reset)?;
            policy::for_queue(conn, &config.retention, q.id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(common::ok(&policy_response(&p)))
}
