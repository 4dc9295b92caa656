//! `POST /REST/2.0/hardware/marks`.

use actix_web::{post, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{HardwareMarkRequest, HardwareMarkResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, ctx, State};
use crate::api::rest2::known_issues::require_privileged;
use crate::domain::dates;
use crate::domain::known_issues as rules;
use crate::store::hardware::{self as hw, NewMark};
use crate::store::tickets;

/// Record a supporter's mark: this device works / fails / works partially on a version.
/// The latest mark decides the device's outcome on that version.
#[utoipa::path(
    post, path = "/REST/2.0/hardware/marks", tag = "hardware",
    request_body = HardwareMarkRequest,
    responses((status = 201, body = HardwareMarkResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, description = "No such ticket", body = ErrorBody))
)]
#[post("/hardware/marks")]
pub async fn mark_hardware(
    state: State,
    me: CurrentUser,
    body: web::Json<HardwareMarkRequest>,
) -> ApiResult<HttpResponse> {
    require_privileged(&me)?;
    let req = body.into_inner();
    let kind = rules::kind(&req.kind)?;
    let key = rules::device_key(&kind, &req.key)?;
    let version = rules::version(&req.version)?;
    let outcome = rules::outcome(&req.outcome)?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<HardwareMarkResponse> {
            let now = st.clock.now();
            let ticket = match req.ticket {
                Some(t) => Some(tickets::visible(conn, &ctx(&st, &me, now), t)?.id),
                None => None,
            };
            let device_key = hw::canonical_key(conn, &kind, &key)?;
            let new = NewMark {
                kind,
                device_key,
                tails_version: version,
                outcome: outcome.as_str().to_owned(),
                note: req.note,
                ticket_id: ticket,
                creator: me.id(),
                created: now,
            };
            let id = hw::add_mark(conn, &new)?;
            Ok(HardwareMarkResponse {
                id,
                kind: new.kind,
                key: new.device_key,
                version: new.tails_version,
                outcome: new.outcome,
                note: new.note,
                ticket: new.ticket_id,
                created: dates::rest2(Some(now)),
            })
        })
        .await?;
    Ok(common::created(&v))
}
