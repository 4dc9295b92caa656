//! `GET /REST/2.0/hardware/device`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{DeviceQuery, DeviceResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::api::rest2::known_issues::require_privileged;
use crate::store::hardware::{self as hw, EvidenceFilter};
use crate::whisperback::compat;

/// A device's outcomes on every Tails version with evidence (newest first).
#[utoipa::path(
    get, path = "/REST/2.0/hardware/device", tag = "hardware",
    params(DeviceQuery),
    responses((status = 200, body = DeviceResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, description = "No report or mark mentions it", body = ErrorBody))
)]
#[get("/hardware/device")]
pub async fn show_device(
    state: State,
    me: CurrentUser,
    query: web::Query<DeviceQuery>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let (kind, key) = super::ident(&query)?;
    let v = state
        .store
        .read(move |conn| -> ApiResult<DeviceResponse> {
            let key = hw::canonical_key(conn, &kind, &key)?;
            let f = EvidenceFilter {
                device: Some((kind.clone(), key.clone())),
                ..EvidenceFilter::default()
            };
            let table = hw::outcome_table(conn, &f)?;
            let described = hw::describe(conn, &kind, &key)?;
            let entry = table.devices.values().next();
            if entry.is_none() && described.is_empty() {
                return Err(ApiError::NotFound);
            }
            // Purged reports leave only the kept counts: their roles and name stand in.
            let mut roles: Vec<String> = described
                .iter()
                .map(|(r, _)| r.clone())
                .chain(entry.iter().flat_map(|e| e.roles.iter().cloned()))
                .collect();
            roles.sort();
            roles.dedup();
            let name = described
                .iter()
                .map(|(_, n)| n.clone())
                .chain(entry.map(|e| e.name.clone()))
                .find(|n| !n.is_empty())
                .unwrap_or_default();
            Ok(DeviceResponse {
                kind,
                key,
                name,
                roles,
                reports: i64::try_from(described.len()).unwrap_or(i64::MAX),
                versions: entry.map(compat::device_versions).unwrap_or_default(),
            })
        })
        .await?;
    Ok(common::ok(&v))
}
