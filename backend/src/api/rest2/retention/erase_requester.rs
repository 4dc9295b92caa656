use actix_web::{post, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::{EraseRequest, RetentionReceipt};

use super::{receipt_response, require_super};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::retention::{erase, Reach};

/// Erase everything about one requester (identity, their tickets' bodies, abuse signals);
/// anonymous ticket skeletons stay for statistics. Answers with the receipt.
#[utoipa::path(post, path = "/REST/2.0/retention/erase", tag = "retention",
    request_body = EraseRequest,
    responses((status = 200, body = RetentionReceipt), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/retention/erase")]
pub async fn erase_requester(
    state: State,
    me: CurrentUser,
    body: web::Json<EraseRequest>,
) -> ApiResult<HttpResponse> {
    require_super(&me)?;
    let email = body.into_inner().email;
    let st = state.clone();
    let receipt = tokio::task::spawn_blocking(move || {
        erase::erase(
            &st.store,
            &Reach::new(&st.config, st.search.clone()),
            st.clock.as_ref(),
            &email,
        )
    })
    .await
    .map_err(|_| ApiError::Internal("erasure task failed".into()))??;
    Ok(common::ok(&receipt_response(&receipt)))
}
