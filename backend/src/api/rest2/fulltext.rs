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

/// Comma-separated values of a filter; each must be a version or id (letters, digits, `.:_-`).
fn list(name: &str, v: Option<&str>) -> ApiResult<Vec<String>> {
    let mut out = Vec::new();
    for item in v
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if item.len() > 100
            || !item
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | ':' | '_' | '-' | '~' | '+'))
        {
            return Err(ApiError::BadRequest(format!(
                "{name}: '{item}' is not a version or hardware id"
            )));
        }
        out.push(item.to_owned());
    }
    Ok(out)
}

/// `vendor:device` in hex, as WhisperBack's PCI and USB ids are keyed.
fn is_bus_id(s: &str) -> bool {
    s.split_once(':').is_some_and(|(v, d)| {
        v.len() == 4 && d.len() == 4 && (v.bytes().chain(d.bytes())).all(|b| b.is_ascii_hexdigit())
    })
}

/// PCI/USB ids separated by commas, or one laptop model key (which may hold commas:
/// "MacBookAir8,2").
fn hardware(v: Option<&str>) -> ApiResult<Vec<String>> {
    let v = v.map(str::trim).unwrap_or("");
    if v.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = v.split(',').map(str::trim).collect();
    if parts.iter().all(|p| is_bus_id(p)) {
        return Ok(parts.into_iter().map(str::to_owned).collect());
    }
    if v.len() > 200 || v.chars().any(char::is_control) {
        return Err(ApiError::BadRequest(format!(
            "hardware: '{v}' is neither PCI/USB ids (vendor:device) nor a model key"
        )));
    }
    Ok(vec![v.to_owned()])
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
        tails_versions: list("tails_version", q.tails_version.as_deref())?,
        hardware: hardware(q.hardware.as_deref())?,
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
                    queue: queue.map(|q| q.name).unwrap_or_default(),
                    language: f.language,
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
