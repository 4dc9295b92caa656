//! `GET /REST/2.0/known-issues/top`.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{TopBugsQuery, TopBugsResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::dates;
use crate::store::{known_issues::LinkFilter, queues, DbConn};
use crate::whisperback::compat;

fn date(s: Option<&str>, what: &str) -> ApiResult<Option<chrono::NaiveDateTime>> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => dates::parse(s)
            .map(Some)
            .ok_or_else(|| ApiError::BadRequest(format!("Invalid date for {what}: '{s}'"))),
    }
}

/// Runs a top-bugs query for `me` (shared with the dashboard).
pub fn run(conn: &mut DbConn, me: &CurrentUser, q: &TopBugsQuery) -> ApiResult<TopBugsResponse> {
    let from = date(q.from.as_deref(), "from")?;
    let to = date(q.to.as_deref(), "to")?;
    let queue = match q.queue.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(k) => Some(
            queues::lookup(conn, k)?
                .ok_or_else(|| ApiError::BadRequest(format!("Queue '{k}' not found")))?,
        ),
    };
    let language = q
        .language
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_lowercase);
    if language
        .as_deref()
        .is_some_and(|l| !queues::valid_language(l))
    {
        return Err(ApiError::BadRequest(
            "language must be an ISO 639-1 code".into(),
        ));
    }
    let limit = q.limit.unwrap_or(20).clamp(1, 500);
    let filter = LinkFilter {
        from,
        to,
        queue: queue.as_ref().map(|q| q.id),
        ..super::visible_filter(me)
    };
    let items = compat::top_bugs(
        conn,
        &filter,
        language.as_deref(),
        q.all.unwrap_or(false),
        usize::try_from(limit).unwrap_or(20),
    )?;
    Ok(TopBugsResponse {
        from: from.map(|d| dates::rest2(Some(d))),
        to: to.map(|d| dates::rest2(Some(d))),
        queue: queue.map(|q| q.name),
        language,
        items,
    })
}

/// Top bugs: open known issues ranked by linked tickets created in the window (then by
/// distinct requestors), optionally for one queue or one language.
#[utoipa::path(
    get, path = "/REST/2.0/known-issues/top", tag = "known-issues",
    params(TopBugsQuery),
    responses((status = 200, body = TopBugsResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/known-issues/top")]
pub async fn top_bugs(
    state: State,
    me: CurrentUser,
    query: web::Query<TopBugsQuery>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let q = query.into_inner();
    let v = state.store.read(move |conn| run(conn, &me, &q)).await?;
    Ok(common::ok(&v))
}
