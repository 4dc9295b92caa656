//! `GET /REST/2.0/known-issue/{id}/tickets`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{LinkedTicket, LinkedTicketList};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::dates;
use crate::domain::rights::Right;
use crate::store::known_issues as ki;

/// Tickets linked to a known issue (those the reader may see).
#[utoipa::path(
    get, path = "/REST/2.0/known-issue/{id}/tickets", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id")),
    responses((status = 200, body = LinkedTicketList), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/known-issue/{id}/tickets")]
pub async fn list_linked_tickets(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let id = common::path_id(&path)?;
    let v = state
        .store
        .read(move |conn| -> ApiResult<LinkedTicketList> {
            ki::get(conn, id)?.ok_or(ApiError::NotFound)?;
            let visible = me.rights.queues_with(Right::ShowTicket);
            let items = ki::linked(conn, id)?
                .into_iter()
                .filter(|r| visible.as_ref().is_none_or(|v| v.contains(&r.8)))
                .map(
                    |(ticket, subject, queue, status, at, report_id, version, lang, _)| {
                        LinkedTicket {
                            ticket,
                            subject,
                            queue,
                            status,
                            linked_at: dates::rest2(Some(at)),
                            report_id,
                            tails_version: version,
                            language: lang,
                        }
                    },
                )
                .collect();
            Ok(LinkedTicketList {
                known_issue: id,
                items,
            })
        })
        .await?;
    Ok(common::ok(&v))
}
