//! Mapping rows to the app's types, shared by the app handlers.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use hushdesk_api::app::{PersonRef, TicketSummary};

use crate::api::error::{ApiError, ApiResult};
use crate::domain::ids::UserId;
use crate::store::rows::{QueueRow, TicketRow, UserRow};
use crate::store::{app_views, DbConn};

pub fn time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn person(u: &UserRow) -> PersonRef {
    PersonRef {
        id: u.id,
        name: u.name.clone(),
        real_name: u.real_name.clone(),
        email: u.email_address.clone(),
        privileged: u.privileged,
    }
}

/// `page` from 1 and `per_page` (default 50, at most 200).
pub fn paging(page: Option<i64>, per_page: Option<i64>) -> (i64, i64) {
    let page = page.filter(|p| *p > 0).unwrap_or(1);
    let per_page = per_page.filter(|p| *p > 0).unwrap_or(50).min(200);
    (page, per_page)
}

pub fn pages(total: i64, per_page: i64) -> i64 {
    (total + per_page - 1) / per_page.max(1)
}

/// ISO 639-1 code from a query, or a clear 400.
pub fn language(l: Option<&str>) -> ApiResult<Option<String>> {
    match l.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(None),
        Some(l) if crate::store::queues::valid_language(l) => Ok(Some(l.to_owned())),
        Some(l) => Err(ApiError::BadRequest(format!(
            "language must be a two-letter ISO 639-1 code, not {l:?}"
        ))),
    }
}

/// Summaries of tickets with a fixed number of queries (owners, requestors, waiting state).
pub fn summaries(
    conn: &mut DbConn,
    rows: &[TicketRow],
    queues: &[QueueRow],
    now: NaiveDateTime,
) -> ApiResult<Vec<TicketSummary>> {
    let ids: Vec<i64> = rows.iter().map(|t| t.id).collect();
    let activity = app_views::activity(conn, &ids)?;
    let requestors = app_views::first_requestors(conn, &ids)?;
    let mut user_ids: Vec<i64> = rows.iter().map(|t| t.owner_id).collect();
    user_ids.extend(requestors.values().copied());
    user_ids.sort_unstable();
    user_ids.dedup();
    let people = app_views::users_by_ids(conn, &user_ids)?;
    let queue_of: HashMap<i64, &QueueRow> = queues.iter().map(|q| (q.id, q)).collect();
    let mut missing: Vec<i64> = rows
        .iter()
        .map(|t| t.queue_id)
        .filter(|q| !queue_of.contains_key(q))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let extra: Vec<QueueRow> = missing
        .iter()
        .filter_map(|q| crate::store::queues::by_id(conn, *q).transpose())
        .collect::<Result<_, _>>()?;
    let mut queue_of = queue_of;
    for q in &extra {
        queue_of.insert(q.id, q);
    }
    let mut flagged: HashMap<i64, bool> = HashMap::new();
    for u in requestors.values() {
        if flagged.contains_key(u) {
            continue;
        }
        let addresses: Vec<String> = people
            .get(u)
            .and_then(|p| p.email_address.clone())
            .into_iter()
            .collect();
        flagged.insert(
            *u,
            crate::retention::abuse::any_flagged(conn, &addresses, now)?,
        );
    }
    Ok(rows
        .iter()
        .map(|t| {
            let (needs, since) = activity.get(&t.id).copied().unwrap_or((false, None));
            let needs = needs && !crate::domain::lifecycle::is_inactive(&t.status);
            let since = since.filter(|_| needs);
            let q = queue_of.get(&t.queue_id);
            TicketSummary {
                id: t.id,
                subject: t.subject.clone(),
                status: t.status.clone(),
                queue_id: t.queue_id,
                queue: q.map(|q| q.name.clone()).unwrap_or_default(),
                language: q.map(|q| q.language.clone()).unwrap_or_default(),
                owner: (t.owner_id != UserId::NOBODY.0)
                    .then(|| people.get(&t.owner_id).map(person))
                    .flatten(),
                requestor: requestors
                    .get(&t.id)
                    .and_then(|u| people.get(u))
                    .map(person),
                created: time(t.created),
                last_updated: time(t.last_updated),
                needs_answer: needs,
                waiting_since: since.map(time),
                age_seconds: since.map(|s| (now - s).num_seconds().max(0)),
                abuse_flag: requestors
                    .get(&t.id)
                    .and_then(|u| flagged.get(u))
                    .copied()
                    .unwrap_or(false),
            }
        })
        .collect())
}
