//! `GET /REST/2.0/dashboard/whisperback`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{TopBugsQuery, TopFailingQuery, WhisperbackDashboard};

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::api::rest2::hardware::top_failing;
use crate::api::rest2::known_issues::{require_privileged, top_bugs};
use crate::store::hardware::{self as hw, EvidenceFilter};
use crate::whisperback::compat;

/// Top bugs in the window (as `/known-issues/top`), the ten most failing devices, and device
/// outcomes per Tails version.
#[utoipa::path(
    get, path = "/REST/2.0/dashboard/whisperback", tag = "dashboard",
    params(TopBugsQuery),
    responses((status = 200, body = WhisperbackDashboard), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/dashboard/whisperback")]
pub async fn whisperback_dashboard(
    state: State,
    me: CurrentUser,
    query: web::Query<TopBugsQuery>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let q = query.into_inner();
    let v = state
        .store
        .read(move |conn| -> ApiResult<WhisperbackDashboard> {
            let bugs = top_bugs::run(conn, &me, &q)?;
            let failing = top_failing::run(
                conn,
                &TopFailingQuery {
                    limit: Some(10),
                    ..TopFailingQuery::default()
                },
            )?;
            let table = hw::outcome_table(conn, &EvidenceFilter::default())?;
            Ok(WhisperbackDashboard {
                top_bugs: bugs,
                top_failing: failing.items,
                outcomes_by_version: compat::version_tallies(&table),
            })
        })
        .await?;
    Ok(common::ok(&v))
}
