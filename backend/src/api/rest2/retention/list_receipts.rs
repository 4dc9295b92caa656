use actix_web::{get, HttpRequest, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::retention::RetentionReceipts;

use super::{receipt_response, require_super};
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::body;
use crate::api::rest2::common::{self, State};
use crate::store::retention as rows;

/// Receipts of purges and erasures, newest first.
#[utoipa::path(get, path = "/REST/2.0/retention/receipts", tag = "retention",
    params(("page" = Option<i64>, Query, description = "1-based page"),
           ("per_page" = Option<i64>, Query, description = "At most 100")),
    responses((status = 200, body = RetentionReceipts), (status = 403, body = ErrorBody)))]
#[get("/retention/receipts")]
pub async fn list_receipts(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    require_super(&me)?;
    let pairs = body::query_pairs(&req)?;
    let (page, per_page) = common::paging(&pairs);
    let (items, total) = state
        .store
        .read(move |conn| -> ApiResult<_> {
            Ok(rows::receipts(conn, (page - 1) * per_page, per_page)?)
        })
        .await?;
    Ok(common::ok(&RetentionReceipts {
        total,
        page,
        per_page,
        items: items.iter().map(receipt_response).collect(),
    }))
}
