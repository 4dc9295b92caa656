//! REST 1.0 `search/ticket`: TicketSQL with formats `i`, `s` and `l`, all matches at once.

use super::framing::{compose, Reply};
use super::tickets::{only_fields, ticket_form};
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::render::Lookup;
use crate::api::AppState;
use crate::domain::error::DomainError;
use crate::store::search::{self, OrderBy, SearchRequest};
use crate::store::DbConn;

/// Upper bound on one answer; RT returns every match, this keeps a runaway query bounded.
const MAX_RESULTS: i64 = 100_000;

pub fn tickets(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    query: &str,
    orderby: Option<&str>,
    format: Option<&str>,
    fields: Option<&str>,
) -> ApiResult<Reply> {
    let raw = orderby.unwrap_or("").trim();
    let (descending, field) = match raw.strip_prefix('-') {
        Some(f) => (true, f),
        None => (false, raw.strip_prefix('+').unwrap_or(raw)),
    };
    let Some(order_by) = OrderBy::parse(field) else {
        return Ok(Reply::new(
            400,
            "Bad request",
            format!("Invalid query: 'Invalid orderby: {field}'\n"),
        ));
    };
    let req = SearchRequest {
        query,
        order_by,
        descending,
        offset: 0,
        limit: MAX_RESULTS,
        count_total: false,
    };
    let rows = match search::search(conn, st.search.as_content(), &me.rights, me.id(), &req) {
        Ok((rows, _)) => rows,
        Err(DomainError::Invalid(m)) => {
            return Ok(Reply::new(
                400,
                "Bad request",
                format!("Invalid query: '{m}'\n"),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    if rows.is_empty() {
        return Ok(Reply::ok("No matching results.\n"));
    }
    match format.unwrap_or("l") {
        "i" => Ok(Reply::ok(
            rows.iter()
                .map(|t| format!("ticket/{}\n", t.id))
                .collect::<String>(),
        )),
        "s" => Ok(Reply::ok(
            rows.iter()
                .map(|t| format!("{}: {}\n", t.id, t.subject))
                .collect::<String>(),
        )),
        _ => {
            let mut lk = Lookup::new(conn);
            let mut forms = Vec::with_capacity(rows.len());
            for t in &rows {
                forms.push(only_fields(ticket_form(&mut lk, t)?, fields));
            }
            Ok(Reply::ok(compose(&forms)))
        }
    }
}
