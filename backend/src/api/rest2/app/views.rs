//! `GET /hushdesk/view/{view}`: the app's ticket lists, paged.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::app::{ViewName, ViewPage, ViewQuery};
use hushdesk_api::rest2::ErrorBody;

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::store::app_views::{self, View};
use crate::store::search::{self, OrderBy, SearchRequest};

fn parse_view(s: &str) -> Option<ViewName> {
    Some(match s {
        "needs-answer" => ViewName::NeedsAnswer,
        "mine" => ViewName::Mine,
        "unowned" => ViewName::Unowned,
        "search" => ViewName::Search,
        _ => return None,
    })
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// TicketSQL for the search view: the user's query, plain words (each in subject or
/// content), and the chosen queues.
pub fn search_sql(query: Option<&str>, text: Option<&str>, queues: &[i64]) -> ApiResult<String> {
    let mut parts = Vec::new();
    if let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) {
        parts.push(format!("({q})"));
    }
    for w in text.unwrap_or("").split_whitespace().take(10) {
        let w = quote(w);
        parts.push(format!("(Subject LIKE {w} OR Content LIKE {w})"));
    }
    if parts.is_empty() {
        return Err(ApiError::BadRequest(
            "search needs a TicketSQL query or some text".into(),
        ));
    }
    let qs: Vec<String> = queues.iter().map(|q| format!("Queue = {q}")).collect();
    if qs.is_empty() {
        parts.push("id = 0".into());
    } else {
        parts.push(format!("({})", qs.join(" OR ")));
    }
    Ok(parts.join(" AND "))
}

/// A page of a view: `needs-answer` (oldest waiting first, with age), `mine`, `unowned`
/// (oldest update first) or `search` (TicketSQL in `query` and/or plain words in `text`).
#[utoipa::path(get, path = "/REST/2.0/hushdesk/view/{view}", tag = "app",
    params(("view" = ViewName, Path, description = "needs-answer, mine, unowned or search"), ViewQuery),
    responses((status = 200, body = ViewPage), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/hushdesk/view/{view}")]
pub async fn get_view(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    q: web::Query<ViewQuery>,
) -> ApiResult<HttpResponse> {
    let view = parse_view(&path).ok_or(ApiError::NotFound)?;
    let q = q.into_inner();
    let lang = shared::language(q.language.as_deref())?;
    let (page, per_page) = shared::paging(q.page, q.per_page);
    let now = state.clock.now();
    let st = state.clone();
    let body = state
        .store
        .read(move |conn| -> ApiResult<ViewPage> {
            let qs = app_views::visible_queues(conn, &me.rights, q.queue, lang.as_deref())?;
            let ids: Vec<i64> = qs.iter().map(|q| q.id).collect();
            let offset = (page - 1).saturating_mul(per_page);
            let (rows, total) = match view {
                ViewName::NeedsAnswer => {
                    app_views::view(conn, View::NeedsAnswer, &ids, offset, per_page)?
                }
                ViewName::Mine => {
                    app_views::view(conn, View::Mine(me.id()), &ids, offset, per_page)?
                }
                ViewName::Unowned => app_views::view(conn, View::Unowned, &ids, offset, per_page)?,
                ViewName::Search => {
                    let sql = search_sql(q.query.as_deref(), q.text.as_deref(), &ids)?;
                    let req = SearchRequest {
                        query: &sql,
                        order_by: OrderBy::LastUpdated,
                        descending: true,
                        offset,
                        limit: per_page,
                        count_total: true,
                    };
                    let (rows, total) =
                        search::search(conn, st.search.as_content(), &me.rights, me.id(), &req)?;
                    (rows, total.unwrap_or(0))
                }
            };
            let items = shared::summaries(conn, &rows, &qs, now)?;
            Ok(ViewPage {
                view,
                page,
                per_page,
                total,
                pages: shared::pages(total, per_page),
                items,
            })
        })
        .await?;
    Ok(common::ok(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_sql_quotes_words_and_limits_queues() {
        let s = search_sql(None, Some("wi-fi it's"), &[3, 4]).unwrap();
        assert_eq!(
            s,
            "(Subject LIKE 'wi-fi' OR Content LIKE 'wi-fi') AND \
             (Subject LIKE 'it\\'s' OR Content LIKE 'it\\'s') AND (Queue = 3 OR Queue = 4)"
        );
        assert!(search_sql(Some("  "), None, &[1]).is_err());
        assert_eq!(
            search_sql(Some("Status = 'new'"), None, &[]).unwrap(),
            "(Status = 'new') AND id = 0"
        );
    }
}
