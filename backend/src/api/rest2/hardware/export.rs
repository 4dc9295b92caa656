//! `GET /REST/2.0/hardware/export`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{ExportQuery, HardwareExportRow};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::api::rest2::known_issues::require_privileged;
use crate::store::hardware::{self as hw, EvidenceFilter};
use crate::whisperback::compat;

/// Every device's outcome per Tails version, for the known-issues documentation: JSON (an
/// array of rows) or CSV with a header line.
#[utoipa::path(
    get, path = "/REST/2.0/hardware/export", tag = "hardware",
    params(ExportQuery),
    responses(
        (status = 200, description = "One row per device and version", content(
            (Vec<HardwareExportRow> = "application/json"),
            (String = "text/csv")
        )),
        (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/hardware/export")]
pub async fn export_hardware(
    state: State,
    me: CurrentUser,
    query: web::Query<ExportQuery>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let csv = match query.format.as_deref().unwrap_or("json") {
        "json" => false,
        "csv" => true,
        other => {
            return Err(ApiError::BadRequest(format!(
                "Invalid format '{other}': expected json or csv"
            )))
        }
    };
    let rows = state
        .store
        .read(move |conn| -> ApiResult<Vec<HardwareExportRow>> {
            let table = hw::outcome_table(conn, &EvidenceFilter::default())?;
            Ok(compat::export_rows(&table))
        })
        .await?;
    if csv {
        let text = compat::to_csv(&rows).map_err(|e| ApiError::Internal(e.to_string()))?;
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(text));
    }
    Ok(common::ok(&rows))
}
