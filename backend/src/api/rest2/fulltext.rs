//! `GET /search`: free text over the full-text index, with filters, rights and snippets.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::search::{FullTextHit, FullTextQuery, FullTextResponse, SnippetPiece};

use super::common::{self, State};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::dates;
use crate::search::{self, language};
use crate::store::search::HitFilters;

fn date(name: &str, v: Option<&str>, end_of_day: bool) -> ApiResult<Option<chrono::NaiveDateTime>> {
    let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let d = dates::parse(v).ok_or_else(|| {
        ApiError::BadRequest(format!("{name}: invalid date '{v}' (use YYYY-MM-DD)"))
    })?;
    let whole_day = v.len() == 10 && end_of_day;
    Ok(Some(if whole_day {
        d + chrono::Duration::days(1) - chrono::Duration::seconds(1)
    } else {
        d
    }))
}

/// Find tickets by the words in their subject, messages, comments and text attachments.
#[utoipa::path(get, path = "/REST/2.0/search", tag = "tickets",
    params(FullTextQuery),
    responses((status = 200, body = FullTextResponse),
              (status = 400, body = ErrorBody, description = "No word to search, a bad filter or date"),
              (status = 401, body = ErrorBody),
              (status = 503, body = ErrorBody, description = "The search server is unreachable")))]
#[get("/search")]
pub async fn search_fulltext(
    state: State,
    me: CurrentUser,
    query: web::Query<FullTextQuery>,
) -> ApiResult<HttpResponse> {
    let q = query.into_inner();
    let per_page = q.per_page.unwrap_or(20);
    let page = q.page.unwrap_or(1);
    if !(1..=100).contains(&per_page) || page < 1 {
        return Err(ApiError::BadRequest(
            "page must be at least 1 and per_page between 1 and 100".into(),
        ));
    }
    if let Some(l) = q.language.as_deref().filter(|l| !language::is_code(l)) {
        return Err(ApiError::BadRequest(format!(
            "language: '{l}' is not an ISO 639-1 code such as 'en'"
        )));
    }
    let mut filters = HitFilters {
        language: q.language.clone().filter(|l| !l.is_empty()),
        statuses: q
            .status
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect(),
        created_from: date("from", q.from.as_deref(), false)?,
        created_to: date("to", q.to.as_deref(), true)?,
        queue: None,
    };
    let st = state.clone();
    let body = state
        .store
        .read(move |conn| -> ApiResult<FullTextResponse> {
            if let Some(name) = q.queue.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                let found = match name.parse::<i64>() {
                    Ok(id) => crate::store::queues::by_id(conn, id)?,
                    Err(_) => crate::store::queues::by_name(conn, name)?,
                };
                let queue = found
                    .ok_or_else(|| ApiError::BadRequest(format!("queue: no queue '{name}'")))?;
                filters.queue = Some(queue.id);
            }
            let offset = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
            let found = search::search_tickets(
                conn,
                st.search.as_ref(),
                &me.rights,
                me.id(),
                &q.q,
                &filters,
                st.config.search.max_candidates,
                offset,
                usize::try_from(per_page).unwrap_or(20),
            )?;
            let mut items = Vec::with_capacity(found.items.len());
            for f in found.items {
                let queue = crate::store::queues::by_id(conn, f.ticket.queue_id)?;
                items.push(FullTextHit {
                    id: f.ticket.id,
                    subject: f.ticket.subject.clone(),
                    queue: queue.as_ref().map(|q| q.name.clone()).unwrap_or_default(),
                    language: queue.map(|q| q.language).unwrap_or_default(),
                    status: f.ticket.status.clone(),
                    created: dates::rest2(Some(f.ticket.created)),
                    last_updated: dates::rest2(Some(f.ticket.last_updated)),
                    _url: st.url(&format!("ticket/{}", f.ticket.id)),
                    snippet: f
                        .snippet
                        .into_iter()
                        .map(|p| SnippetPiece {
                            text: p.text,
                            highlight: p.highlight,
                        })
                        .collect(),
                });
            }
            Ok(FullTextResponse {
                count: i64::try_from(items.len()).unwrap_or(0),
                page,
                per_page,
                total: found.total,
                backend: st.search.name().into(),
                items,
            })
        })
        .await?;
    Ok(common::ok(&body))
}
