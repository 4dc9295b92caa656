//! `GET /REST/2.0/hardware/top-failing`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{TopFailingQuery, TopFailingResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::api::rest2::known_issues::require_privileged;
use crate::domain::known_issues as rules;
use crate::store::hardware::{self as hw, EvidenceFilter};
use crate::store::DbConn;
use crate::whisperback::compat;

pub fn run(conn: &mut DbConn, q: &TopFailingQuery) -> ApiResult<TopFailingResponse> {
    let version = q.version.as_deref().map(rules::version).transpose()?;
    let role = match q.role.as_deref() {
        None => None,
        Some(r) => rules::roles(&[r.to_owned()])?.into_iter().next(),
    };
    let limit = usize::try_from(q.limit.unwrap_or(20).clamp(1, 500)).unwrap_or(20);
    let f = EvidenceFilter {
        device: None,
        version: version.clone(),
        role: role.clone(),
        tickets: None,
    };
    let table = hw::outcome_table(conn, &f)?;
    Ok(TopFailingResponse {
        version,
        role,
        items: compat::top_failing(&table, limit),
    })
}

/// Devices ranked by problem reports (fails + partial, i.e. needed a workaround), then by
/// outright failures; from reports linked to known issues and from supporters' marks.
#[utoipa::path(
    get, path = "/REST/2.0/hardware/top-failing", tag = "hardware",
    params(TopFailingQuery),
    responses((status = 200, body = TopFailingResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/hardware/top-failing")]
pub async fn top_failing(
    state: State,
    me: CurrentUser,
    query: web::Query<TopFailingQuery>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let q = query.into_inner();
    let v = state.store.read(move |conn| run(conn, &q)).await?;
    Ok(common::ok(&v))
}
