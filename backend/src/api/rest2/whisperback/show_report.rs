//! `GET /REST/2.0/ticket/{id}/whisperback`: the report facts of a ticket.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::WhisperbackReportResponse;

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, ctx, State};
use crate::store::{tickets, whisperback as wb};

/// The WhisperBack report stored with a ticket: typed facts and the full facts JSON.
#[utoipa::path(
    get, path = "/REST/2.0/ticket/{id}/whisperback", tag = "whisperback",
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, body = WhisperbackReportResponse),
        (status = 403, body = ErrorBody),
        (status = 404, description = "No such ticket, or it holds no report", body = ErrorBody),
    )
)]
#[get("/ticket/{id}/whisperback")]
pub async fn show_report(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<WhisperbackReportResponse> {
            let now = st.clock.now();
            let t = tickets::visible(conn, &ctx(&st, &me, now), id)?;
            let r = wb::by_ticket(conn, t.id)?.ok_or(ApiError::NotFound)?;
            let devices = wb::devices_of(conn, r.id)?;
            Ok(super::report_response(r, devices))
        })
        .await?;
    Ok(common::ok(&v))
}
