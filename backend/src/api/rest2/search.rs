//! `GET /tickets`: TicketSQL search, paged, with rights applied inside the query.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use hushdesk_api::rest2::{Collection, ErrorBody};

use super::body;
use super::common::{self, State};
use super::render::{self, FieldSpec, Lookup};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::store::search::{self, OrderBy, SearchRequest};

async fn run(
    state: State,
    me: CurrentUser,
    pairs: Vec<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (page, per_page) = common::paging(&pairs);
    let spec = FieldSpec::from_pairs(&pairs);
    let query = common::param(&pairs, "query").unwrap_or("").to_owned();
    let order_by = common::param(&pairs, "orderby").unwrap_or("id");
    let order_by = OrderBy::parse(order_by)
        .ok_or_else(|| ApiError::BadRequest(format!("Invalid orderby: {order_by}")))?;
    let descending = common::param(&pairs, "order").is_some_and(|o| o.eq_ignore_ascii_case("desc"));
    let extra: String = pairs
        .iter()
        .filter(|(k, _)| k != "page" && k != "per_page")
        .map(|(k, v)| {
            format!(
                "&{}",
                serde_urlencoded::to_string([(k, v)]).unwrap_or_default()
            )
        })
        .collect();
    let st = state.clone();
    let coll = state
        .store
        .read(move |conn| -> ApiResult<Collection> {
            let req = SearchRequest {
                query: &query,
                order_by,
                descending,
                offset: (page - 1) * per_page,
                limit: per_page,
                count_total: true,
            };
            let (rows, total) =
                search::search(conn, st.search.as_content(), &me.rights, me.id(), &req)?;
            let mut lk = Lookup::new(conn);
            let items = render::items(
                &st,
                &mut lk,
                &rows,
                "ticket",
                &spec,
                |t| t.id,
                |s, lk, t| render::to_value(render::ticket(s, lk, t)?),
            )?;
            Ok(common::collection(
                &st, "tickets", items, page, per_page, total, &extra,
            ))
        })
        .await?;
    Ok(common::ok(&coll))
}

/// Search tickets with TicketSQL; bad queries are RT's 400 naming the position.
#[utoipa::path(get, path = "/REST/2.0/tickets", tag = "tickets",
    params(("query" = Option<String>, Query, description = "TicketSQL, e.g. Queue = 'General' AND Status = 'new'"),
           ("orderby" = Option<String>, Query, description = "id, Subject, Status, Created, LastUpdated, Priority, Due, Resolved, Told, Queue, Owner"),
           ("order" = Option<String>, Query, description = "ASC or DESC"),
           ("page" = Option<i64>, Query, description = "Page, from 1"),
           ("per_page" = Option<i64>, Query, description = "Items per page (default 20, max 100)"),
           ("fields" = Option<String>, Query, description = "Comma-separated ticket fields to include in items")),
    responses((status = 200, body = Collection), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
#[get("/tickets")]
pub async fn search_tickets(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let pairs = body::query_pairs(&req)?;
    run(state, me, pairs).await
}

/// The same search with the parameters as a form body (long queries).
#[utoipa::path(post, path = "/REST/2.0/tickets", tag = "tickets",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "query, orderby, order, page, per_page, fields"),
    responses((status = 200, body = Collection), (status = 400, body = ErrorBody)))]
#[post("/tickets")]
pub async fn search_tickets_form(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
    form: web::Bytes,
) -> ApiResult<HttpResponse> {
    let mut pairs = body::query_pairs(&req)?;
    let more: Vec<(String, String)> = serde_urlencoded::from_bytes(&form)
        .map_err(|e| ApiError::BadRequest(format!("Invalid form body: {e}")))?;
    pairs.extend(more);
    run(state, me, pairs).await
}
