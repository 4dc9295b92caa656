//! Small helpers every REST 2.0 handler uses.

use actix_web::{web, HttpResponse};
use serde::Serialize;
use serde_json::Value;

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::AppState;
use crate::store::tickets::Ctx;

pub type State = web::Data<AppState>;

pub fn ctx<'a>(state: &'a AppState, me: &'a CurrentUser, now: chrono::NaiveDateTime) -> Ctx<'a> {
    Ctx {
        actor: &me.user,
        rights: &me.rights,
        now,
        org: &state.config.organization,
    }
}

pub fn json<T: Serialize>(status: actix_web::http::StatusCode, body: &T) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("application/json; charset=utf-8")
        .json(body)
}

pub fn ok<T: Serialize>(body: &T) -> HttpResponse {
    json(actix_web::http::StatusCode::OK, body)
}

pub fn created<T: Serialize>(body: &T) -> HttpResponse {
    json(actix_web::http::StatusCode::CREATED, body)
}

/// `page` (1-based) and `per_page` (default 20, at most 100; junk means 20), as RT pages.
pub fn paging(pairs: &[(String, String)]) -> (i64, i64) {
    let get = |k: &str| {
        pairs
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let per_page = get("per_page")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|n| *n > 0)
        .map(|n| n.min(100))
        .unwrap_or(20);
    let page = get("page")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1);
    (page, per_page)
}

pub fn param<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Numeric id from a path segment; anything else is RT's 404.
pub fn path_id(raw: &str) -> ApiResult<i64> {
    raw.trim().parse::<i64>().map_err(|_| ApiError::NotFound)
}

pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "1".into() } else { "0".into() }),
        _ => None,
    }
}

pub fn int(v: &Value, what: &str) -> ApiResult<i32> {
    match v {
        Value::Number(n) => n.as_i64().and_then(|i| i32::try_from(i).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| ApiError::BadRequest(format!("{what} must be an integer")))
}

pub fn flag(v: &Value, what: &str) -> ApiResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Number(n) => Ok(n.as_i64().unwrap_or(0) != 0),
        Value::String(s) => match s.trim() {
            "1" | "true" | "yes" => Ok(true),
            "0" | "false" | "no" | "" => Ok(false),
            _ => Err(ApiError::BadRequest(format!("{what} must be 0 or 1"))),
        },
        Value::Null => Ok(false),
        _ => Err(ApiError::BadRequest(format!("{what} must be 0 or 1"))),
    }
}

/// Addresses given as a string (comma-separated), a list, or null.
pub fn addresses(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(text)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) => s
            .split(',')
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// `CustomFields: {"Name": "v" | ["v", …]}`.
pub fn custom_fields(v: Option<&Value>) -> ApiResult<Vec<(String, Vec<String>)>> {
    match v {
        None | Some(Value::Null) => Ok(vec![]),
        Some(Value::Object(m)) => Ok(m
            .iter()
            .map(|(k, v)| {
                let vals = match v {
                    Value::Array(a) => a.iter().filter_map(text).collect(),
                    other => text(other).into_iter().collect(),
                };
                (k.clone(), vals)
            })
            .collect()),
        Some(_) => Err(ApiError::BadRequest(
            "CustomFields must be an object".into(),
        )),
    }
}

/// Builds an RT collection page.
pub fn collection(
    state: &AppState,
    path: &str,
    items: Vec<hushdesk_api::rest2::RecordRef>,
    page: i64,
    per_page: i64,
    total: Option<i64>,
    extra_query: &str,
) -> hushdesk_api::rest2::Collection {
    let pages = total.map(|t| (t + per_page - 1) / per_page);
    let link = |p: i64| {
        format!(
            "{}?page={p}&per_page={per_page}{extra_query}",
            state.url(path)
        )
    };
    let has_next = match pages {
        Some(pg) => page < pg,
        None => i64::try_from(items.len()).unwrap_or(0) == per_page,
    };
    hushdesk_api::rest2::Collection {
        count: i64::try_from(items.len()).unwrap_or(0),
        page,
        per_page,
        pages,
        total,
        next_page: has_next.then(|| link(page + 1)),
        prev_page: (page > 1).then(|| link(page - 1)),
        items,
    }
}
