use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::RetentionReceipt;

use super::{receipt_response, require_super};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::retention as rows;

/// One receipt.
#[utoipa::path(get, path = "/REST/2.0/retention/receipt/{id}", tag = "retention",
    params(("id" = i64, Path, description = "Receipt id")),
    responses((status = 200, body = RetentionReceipt), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/retention/receipt/{id}")]
pub async fn get_receipt(
    state: State,
    me: CurrentUser,
    path: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    require_super(&me)?;
    let id = path.into_inner();
    let r = state
        .store
        .read(move |conn| -> ApiResult<_> { rows::receipt(conn, id)?.ok_or(ApiError::NotFound) })
        .await?;
    Ok(common::ok(&receipt_response(&r)))
}
