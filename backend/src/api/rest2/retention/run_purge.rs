use actix_web::{post, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::{RetentionReceipt, RunRetentionRequest};

use super::{receipt_response, require_super};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::retention::purge::{self, Trigger};
use crate::retention::Reach;

/// Run a purge now (or a dry run); answers with its receipt.
#[utoipa::path(post, path = "/REST/2.0/retention/run", tag = "retention",
    request_body = RunRetentionRequest,
    responses((status = 200, body = RetentionReceipt), (status = 403, body = ErrorBody)))]
#[post("/retention/run")]
pub async fn run_purge(
    state: State,
    me: CurrentUser,
    body: Option<web::Json<RunRetentionRequest>>,
) -> ApiResult<HttpResponse> {
    require_super(&me)?;
    let dry_run = body.map(|b| b.dry_run).unwrap_or(false);
    let st = state.clone();
    let reach = Reach::new(&st.config, st.search.clone());
    let receipt = tokio::task::spawn_blocking(move || {
        purge::run(
            &st.store,
            &st.config.retention,
            &reach,
            st.clock.as_ref(),
            Trigger::Api,
            dry_run,
            &mut |_, _| {},
        )
    })
    .await
    .map_err(|_| ApiError::Internal("purge task failed".into()))??;
    Ok(common::ok(&receipt_response(&receipt)))
}
