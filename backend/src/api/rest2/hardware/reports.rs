//! `GET /REST/2.0/hardware/reports`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{DeviceQuery, DeviceReport, DeviceReportList};

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::api::rest2::known_issues::require_privileged;
use crate::domain::dates;
use crate::domain::rights::Right;
use crate::store::hardware as hw;

/// Which reports mention this device (tickets the reader may see).
#[utoipa::path(
    get, path = "/REST/2.0/hardware/reports", tag = "hardware",
    params(DeviceQuery),
    responses((status = 200, body = DeviceReportList), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/hardware/reports")]
pub async fn device_reports(
    state: State,
    me: CurrentUser,
    query: web::Query<DeviceQuery>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let (kind, key) = super::ident(&query)?;
    let v = state
        .store
        .read(move |conn| -> ApiResult<DeviceReportList> {
            let key = hw::canonical_key(conn, &kind, &key)?;
            let visible = me.rights.queues_with(Right::ShowTicket);
            let mut items: Vec<DeviceReport> = hw::mentions(conn, &kind, &key)?
                .into_iter()
                .filter(|m| visible.as_ref().is_none_or(|v| v.contains(&m.1)))
                .map(
                    |(ticket, _, report_id, version, role, name, created)| DeviceReport {
                        ticket,
                        report_id,
                        tails_version: version,
                        role,
                        name,
                        created: dates::rest2(Some(created)),
                    },
                )
                .collect();
            items.dedup_by(|a, b| a.ticket == b.ticket && a.role == b.role);
            Ok(DeviceReportList { kind, key, items })
        })
        .await?;
    Ok(common::ok(&v))
}
