//! `GET /REST/2.0/hardware/worked`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{DeviceQuery, WorkedResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::api::rest2::known_issues::require_privileged;
use crate::domain::known_issues::{self as rules, Outcome};
use crate::store::hardware::{self as hw, EvidenceFilter};

/// Has this hardware worked on version X? `worked` is null when nothing is known.
#[utoipa::path(
    get, path = "/REST/2.0/hardware/worked", tag = "hardware",
    params(DeviceQuery),
    responses((status = 200, body = WorkedResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/hardware/worked")]
pub async fn hardware_worked(
    state: State,
    me: CurrentUser,
    query: web::Query<DeviceQuery>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let (kind, key) = super::ident(&query)?;
    let version = query
        .version
        .as_deref()
        .ok_or_else(|| ApiError::BadRequest("version is required".into()))?;
    let version = rules::version(version)?;
    let v = state
        .store
        .read(move |conn| -> ApiResult<WorkedResponse> {
            let key = hw::canonical_key(conn, &kind, &key)?;
            let f = EvidenceFilter {
                device: Some((kind.clone(), key.clone())),
                version: Some(version.clone()),
                ..EvidenceFilter::default()
            };
            let table = hw::outcome_table(conn, &f)?;
            let tally = table
                .devices
                .values()
                .next()
                .and_then(|e| e.versions.get(&version))
                .cloned()
                .unwrap_or_default();
            let verdict = tally.verdict();
            Ok(WorkedResponse {
                kind,
                key,
                version,
                worked: verdict.map(|o| o != Outcome::Fails),
                outcome: verdict.map(|o| o.as_str().to_owned()),
                works: tally.works,
                fails: tally.fails,
                partial: tally.partial,
            })
        })
        .await?;
    Ok(common::ok(&v))
}
