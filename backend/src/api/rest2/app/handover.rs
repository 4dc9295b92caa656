//! `GET /hushdesk/handover`: what happened since the last shift.

use std::collections::BTreeMap;

use actix_web::{get, web, HttpResponse};
use hushdesk_api::app::{HandoverQuery, HandoverResponse, SupporterActivity};
use hushdesk_api::rest2::ErrorBody;

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::dates;
use crate::store::app_views;

const UNANSWERED_LIMIT: i64 = 200;

/// Replies sent, tickets resolved and comments per supporter since `since`, how many tickets
/// came in, and those of them nobody answered yet (oldest first).
#[utoipa::path(get, path = "/REST/2.0/hushdesk/handover", tag = "app",
    params(HandoverQuery),
    responses((status = 200, body = HandoverResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
#[get("/hushdesk/handover")]
pub async fn get_handover(
    state: State,
    me: CurrentUser,
    q: web::Query<HandoverQuery>,
) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let now = state.clock.now();
    let since = match q.since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => now - chrono::Duration::hours(8),
        Some(s) => dates::parse(s).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "since must be a date and time (RFC 3339), not {s:?}"
            ))
        })?,
    };
    if since > now {
        return Err(ApiError::BadRequest("since is in the future".into()));
    }
    let lang = shared::language(q.language.as_deref())?;
    let body = state
        .store
        .read(move |conn| -> ApiResult<HandoverResponse> {
            let qs = app_views::visible_queues(conn, &me.rights, q.queue, lang.as_deref())?;
            let ids: Vec<i64> = qs.iter().map(|q| q.id).collect();
            let messages = app_views::messages_since(conn, &ids, since)?;
            let resolved = app_views::resolved_since(conn, &ids, since)?;
            let (new_tickets, waiting) = app_views::new_since(conn, &ids, since, UNANSWERED_LIMIT)?;
            let mut user_ids: Vec<i64> = messages.iter().map(|m| m.0).collect();
            user_ids.extend(resolved.iter().map(|r| r.0));
            user_ids.sort_unstable();
            user_ids.dedup();
            let people = app_views::users_by_ids(conn, &user_ids)?;
            // Only privileged users are supporters; requestors' own messages are not replies.
            let mut per: BTreeMap<i64, (i64, i64, i64)> = BTreeMap::new();
            for (u, kind, n) in messages {
                if people.get(&u).is_some_and(|p| p.privileged) {
                    let e = per.entry(u).or_default();
                    if kind == "Correspond" {
                        e.0 += n;
                    } else {
                        e.2 += n;
                    }
                }
            }
            for (u, n) in resolved {
                if people.get(&u).is_some_and(|p| p.privileged) {
                    per.entry(u).or_default().1 += n;
                }
            }
            let mut per_supporter: Vec<SupporterActivity> = per
                .into_iter()
                .filter_map(|(u, (replies, resolved, comments))| {
                    people.get(&u).map(|p| SupporterActivity {
                        supporter: shared::person(p),
                        replies,
                        resolved,
                        comments,
                    })
                })
                .collect();
            per_supporter.sort_by(|a, b| {
                (b.replies + b.resolved)
                    .cmp(&(a.replies + a.resolved))
                    .then_with(|| a.supporter.name.cmp(&b.supporter.name))
            });
            let unanswered_new = shared::summaries(conn, &waiting, &qs, now)?;
            Ok(HandoverResponse {
                since: shared::time(since),
                until: shared::time(now),
                replies: per_supporter.iter().map(|s| s.replies).sum(),
                resolved: per_supporter.iter().map(|s| s.resolved).sum(),
                new_tickets,
                per_supporter,
                unanswered_new,
            })
        })
        .await?;
    Ok(common::ok(&body))
}
