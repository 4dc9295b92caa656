//! `GET /hushdesk/me`: the logged-in user with a summary of their rights.

use actix_web::{get, HttpResponse};
use hushdesk_api::app::{MeResponse, QueueRights};
use hushdesk_api::rest2::ErrorBody;

use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, State};
use crate::domain::rights::Right;
use crate::store::queues;

/// Who is logged in, what they may do system-wide and per queue.
#[utoipa::path(get, path = "/REST/2.0/hushdesk/me", tag = "app",
    responses((status = 200, body = MeResponse), (status = 401, body = ErrorBody)))]
#[get("/hushdesk/me")]
pub async fn get_me(state: State, me: CurrentUser) -> ApiResult<HttpResponse> {
    let all = state
        .store
        .read(|conn| -> ApiResult<_> { Ok(queues::all(conn)?) })
        .await?;
    let r = &me.rights;
    let mut system: Vec<String> = Right::ALL
        .iter()
        .filter(|x| r.on_system(**x))
        .map(|x| x.as_str().to_owned())
        .collect();
    if r.superuser {
        system = vec![Right::SuperUser.as_str().to_owned()];
    }
    let queue_rights = all
        .iter()
        .filter(|q| !q.disabled)
        .map(|q| QueueRights {
            queue_id: q.id,
            queue: q.name.clone(),
            rights: Right::ALL
                .iter()
                .filter(|x| **x != Right::SuperUser && r.on_queue(q.id, **x))
                .map(|x| x.as_str().to_owned())
                .collect(),
        })
        .filter(|q| {
            q.rights
                .iter()
                .any(|x| x == "SeeQueue" || x == "ShowTicket")
        })
        .collect();
    Ok(common::ok(&MeResponse {
        id: me.id(),
        name: me.user.name.clone(),
        real_name: me.user.real_name.clone(),
        email: me.user.email_address.clone(),
        privileged: me.user.privileged,
        superuser: r.superuser,
        manage_answers: super::answers::may_manage(&me),
        system_rights: system,
        queues: queue_rights,
    }))
}
