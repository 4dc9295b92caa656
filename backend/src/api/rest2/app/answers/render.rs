//! `POST /hushdesk/answers/{id}/render`: the answer filled in for a ticket.

use std::collections::BTreeMap;

use actix_web::{post, web, HttpResponse};
use hushdesk_api::app::{RenderAnswerRequest, RenderedAnswer};
use hushdesk_api::rest2::ErrorBody;

use super::require_reader;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, ctx, State};
use crate::domain::answers::fill;
use crate::store::{answers, app_views, queues, tickets};

fn display_name(u: &crate::store::rows::UserRow) -> String {
    if !u.real_name.trim().is_empty() {
        u.real_name.trim().to_owned()
    } else {
        u.email_address.clone().unwrap_or_else(|| u.name.clone())
    }
}

/// The values of the answer variables for a ticket, replied to by `supporter`.
pub fn ticket_values(
    conn: &mut crate::store::DbConn,
    t: &crate::store::rows::TicketRow,
    supporter: &crate::store::rows::UserRow,
) -> ApiResult<BTreeMap<&'static str, String>> {
    let queue = queues::by_id(conn, t.queue_id)?
        .map(|q| q.name)
        .unwrap_or_default();
    let requestor = app_views::first_requestors(conn, &[t.id])?
        .get(&t.id)
        .copied();
    let requester_name = match requestor {
        Some(u) => app_views::users_by_ids(conn, &[u])?
            .get(&u)
            .map(display_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let mut values = BTreeMap::new();
    values.insert("requester_name", requester_name);
    values.insert("ticket_id", t.id.to_string());
    values.insert("queue", queue);
    values.insert("supporter_name", display_name(supporter));
    values.insert("subject", t.subject.clone());
    Ok(values)
}

/// Fills `{{requester_name}}`, `{{ticket_id}}`, `{{queue}}`, `{{supporter_name}}` and
/// `{{subject}}` for a ticket the caller may see. With `use: true` it counts one use
/// (call it so when the text goes into a reply).
#[utoipa::path(post, path = "/REST/2.0/hushdesk/answers/{id}/render", tag = "answers",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = RenderAnswerRequest,
    responses((status = 200, body = RenderedAnswer), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/hushdesk/answers/{id}/render")]
pub async fn render_answer(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<RenderAnswerRequest>,
) -> ApiResult<HttpResponse> {
    require_reader(&me)?;
    let id = common::path_id(&path)?;
    let req = body.into_inner();
    let st = state.clone();
    let out = state
        .store
        .write(move |conn| -> ApiResult<RenderedAnswer> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let answer = answers::by_id(conn, id)?.ok_or(ApiError::NotFound)?;
            let t = tickets::visible(conn, &c, req.ticket).map_err(|e| match e {
                crate::domain::error::DomainError::NotFound(_) => {
                    ApiError::BadRequest(format!("no ticket {}", req.ticket))
                }
                other => other.into(),
            })?;
            let values = ticket_values(conn, &t, &me.user)?;
            let (text, unknown) = fill(&answer.body, &values);
            let usage_count = if req.use_it {
                answers::count_use(conn, id)?
            } else {
                answer.usage_count
            };
            Ok(RenderedAnswer {
                answer_id: id,
                ticket: t.id,
                body: text,
                unknown_variables: unknown,
                usage_count,
            })
        })
        .await?;
    Ok(common::ok(&out))
}
