//! The one typed client of the Hushdesk API, over the `hushdesk-api` types.
//!
//! Same origin, so the HttpOnly session cookie goes along; plain `web-sys` fetch and
//! serde_json keep the bundle small. A 401 from any call runs the hook set with
//! [`on_unauthorized`], which sends the app back to the login form.

use std::cell::RefCell;
use std::fmt;

use hushdesk_api::app::{
    Answer, AnswerList, AnswerQuery, AnswerRequest, HandoverQuery, HandoverResponse,
    RenderAnswerRequest, RenderedAnswer, SidebarResponse, StatsKind, StatsQuery, StatsResponse,
    TicketPage, ViewCounts, ViewName, ViewPage, ViewQuery,
};
use hushdesk_api::rest2::{
    ErrorBody, LoginRequest, MessageRequest, SessionResponse, UpdateTicketRequest,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestCredentials, RequestInit, Response};

pub(crate) const BASE: &str = "/REST/2.0";

/// Why a request produced no usable answer. Server messages are kept to show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    Unauthorized,
    Forbidden(String),
    NotFound(String),
    /// 400/409/422: the request was refused; the server says why.
    Rejected(String),
    Status(u16, String),
    Network,
    BadBody,
}

impl ApiError {
    /// Text for the user; says what to do where there is something to do.
    pub fn message(&self) -> String {
        match self {
            Self::Unauthorized => "Log in to continue.".to_owned(),
            Self::Forbidden(m) => with_detail("You are not allowed to do this.", m),
            Self::NotFound(m) => with_detail("Not found.", m),
            Self::Rejected(m) => with_detail("The server refused the request.", m),
            Self::Status(code, m) => with_detail(
                &format!("The server answered with an error (HTTP {code})."),
                m,
            ),
            Self::Network => "Cannot reach the server. Check your connection.".to_owned(),
            Self::BadBody => "The server sent an answer this page does not understand.".to_owned(),
        }
    }

    /// Maps a status and the response text (RT's `{"message": …}` when present).
    fn from_response(code: u16, text: &str) -> Self {
        let detail = serde_json::from_str::<ErrorBody>(text)
            .map(|b| b.message)
            .unwrap_or_default();
        match code {
            401 => Self::Unauthorized,
            403 => Self::Forbidden(detail),
            404 => Self::NotFound(detail),
            400 | 409 | 422 => Self::Rejected(detail),
            other => Self::Status(other, detail),
        }
    }
}

fn with_detail(head: &str, detail: &str) -> String {
    let d = detail.trim().trim_end_matches('.').to_lowercase();
    // Skip details that only repeat the head ("Not found." + "Not Found").
    if d.is_empty() || head.to_lowercase().starts_with(&d) {
        head.to_owned()
    } else {
        format!("{head} {detail}")
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

thread_local! {
    static ON_UNAUTHORIZED: RefCell<Option<Box<dyn Fn()>>> = RefCell::new(None);
}

/// Runs `hook` whenever the server answers 401 (session expired or logged out elsewhere).
pub fn on_unauthorized(hook: impl Fn() + 'static) {
    ON_UNAUTHORIZED.with(|h| *h.borrow_mut() = Some(Box::new(hook)));
}

fn unauthorized() {
    ON_UNAUTHORIZED.with(|h| {
        if let Some(hook) = h.borrow().as_ref() {
            hook();
        }
    });
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `?a=1&b=x` from a query struct: its non-empty fields, sorted by name.
pub fn query_string<Q: Serialize>(query: &Q) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(query) else {
        return String::new();
    };
    let mut parts: Vec<String> = map
        .into_iter()
        .filter_map(|(k, v)| {
            let s = match v {
                serde_json::Value::Null => return None,
                serde_json::Value::String(s) if s.is_empty() => return None,
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Some(format!("{}={}", encode(&k), encode(&s)))
        })
        .collect();
    parts.sort();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The wire name of a kebab-case enum (`ViewName::NeedsAnswer` → `needs-answer`).
pub fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) async fn send(method: &str, path: &str, body: Option<String>) -> ApiResult<String> {
    let init = RequestInit::new();
    init.set_method(method);
    // Explicit, so a later move to another origin does not silently drop the session.
    init.set_credentials(RequestCredentials::SameOrigin);
    let has_body = body.is_some();
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(&b));
    }
    let request = Request::new_with_str_and_init(path, &init).map_err(|_| ApiError::Network)?;
    let headers = request.headers();
    headers
        .set("Accept", "application/json")
        .map_err(|_| ApiError::Network)?;
    if has_body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|_| ApiError::Network)?;
    }
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::Network)?;
    let text = match response.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if !response.ok() {
        let err = ApiError::from_response(response.status(), &text);
        if err == ApiError::Unauthorized {
            unauthorized();
        }
        return Err(err);
    }
    Ok(text)
}

pub(crate) async fn get<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    let text = send("GET", path, None).await?;
    serde_json::from_str(&text).map_err(|_| ApiError::BadBody)
}

pub(crate) async fn with_body<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
) -> ApiResult<T> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::BadBody)?;
    let text = send(method, path, Some(json)).await?;
    serde_json::from_str(&text).map_err(|_| ApiError::BadBody)
}

/// For calls whose answer the app does not read (RT's message lists).
async fn with_body_ignored<B: Serialize>(method: &str, path: &str, body: &B) -> ApiResult<()> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::BadBody)?;
    send(method, path, Some(json)).await.map(|_| ())
}

// --- session -------------------------------------------------------------------------

pub async fn session() -> ApiResult<SessionResponse> {
    get(&format!("{BASE}/hushdesk/session")).await
}

pub async fn login(username: String, password: String) -> ApiResult<SessionResponse> {
    with_body(
        "POST",
        &format!("{BASE}/hushdesk/login"),
        &LoginRequest { username, password },
    )
    .await
}

pub async fn logout() -> ApiResult<()> {
    send("POST", &format!("{BASE}/hushdesk/logout"), None)
        .await
        .map(|_| ())
}

/// `GET /REST/2.0/rt` → the server's version.
pub async fn rt_version() -> ApiResult<String> {
    let info: hushdesk_api::rest2::RtInfo = get(&format!("{BASE}/rt")).await?;
    Ok(info.version)
}

// --- queues and views ----------------------------------------------------------------

pub async fn sidebar() -> ApiResult<SidebarResponse> {
    get(&format!("{BASE}/hushdesk/sidebar")).await
}

pub async fn full_text(
    query: &hushdesk_api::search::FullTextQuery,
) -> ApiResult<hushdesk_api::search::FullTextResponse> {
    get(&format!("{BASE}/search{}", query_string(query))).await
}

pub async fn view(name: ViewName, query: &ViewQuery) -> ApiResult<ViewPage> {
    get(&format!(
        "{BASE}/hushdesk/view/{}{}",
        wire_name(&name),
        query_string(query)
    ))
    .await
}

pub async fn view_counts() -> ApiResult<ViewCounts> {
    get(&format!("{BASE}/hushdesk/view-counts")).await
}

pub async fn handover(query: &HandoverQuery) -> ApiResult<HandoverResponse> {
    get(&format!("{BASE}/hushdesk/handover{}", query_string(query))).await
}

// --- tickets -------------------------------------------------------------------------

pub async fn ticket_page(id: i64) -> ApiResult<TicketPage> {
    get(&format!("{BASE}/hushdesk/ticket/{id}")).await
}

/// Reply to the requestors (`reply == true`) or comment.
pub async fn post_message(id: i64, reply: bool, message: &MessageRequest) -> ApiResult<()> {
    let action = if reply { "correspond" } else { "comment" };
    with_body_ignored("POST", &format!("{BASE}/ticket/{id}/{action}"), message).await
}

/// `take`, `untake` or `steal`.
pub async fn ownership(id: i64, action: &str) -> ApiResult<()> {
    send("PUT", &format!("{BASE}/ticket/{id}/{action}"), None)
        .await
        .map(|_| ())
}

pub async fn update_ticket(id: i64, change: &UpdateTicketRequest) -> ApiResult<()> {
    with_body_ignored("PUT", &format!("{BASE}/ticket/{id}"), change).await
}

/// Marks the ticket's requestors abusive (adds to their scores).
pub async fn mark_abusive(id: i64) -> ApiResult<hushdesk_api::retention::AbuseMarkResponse> {
    let text = send("POST", &format!("{BASE}/ticket/{id}/abusive"), None).await?;
    serde_json::from_str(&text).map_err(|_| ApiError::BadBody)
}

// --- template answers ----------------------------------------------------------------

pub async fn answers(query: &AnswerQuery) -> ApiResult<AnswerList> {
    get(&format!("{BASE}/hushdesk/answers{}", query_string(query))).await
}

pub async fn create_answer(answer: &AnswerRequest) -> ApiResult<Answer> {
    with_body("POST", &format!("{BASE}/hushdesk/answers"), answer).await
}

pub async fn update_answer(id: i64, answer: &AnswerRequest) -> ApiResult<Answer> {
    with_body("PUT", &format!("{BASE}/hushdesk/answers/{id}"), answer).await
}

pub async fn delete_answer(id: i64) -> ApiResult<()> {
    send("DELETE", &format!("{BASE}/hushdesk/answers/{id}"), None)
        .await
        .map(|_| ())
}

pub async fn render_answer(id: i64, ticket: i64, use_it: bool) -> ApiResult<RenderedAnswer> {
    with_body(
        "POST",
        &format!("{BASE}/hushdesk/answers/{id}/render"),
        &RenderAnswerRequest { ticket, use_it },
    )
    .await
}

// --- statistics ----------------------------------------------------------------------

pub fn stats_url(kind: StatsKind, query: &StatsQuery) -> String {
    format!(
        "{BASE}/hushdesk/stats/{}{}",
        wire_name(&kind),
        query_string(query)
    )
}

pub async fn stats(kind: StatsKind, query: &StatsQuery) -> ApiResult<StatsResponse> {
    get(&stats_url(kind, query)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unauthorized_asks_to_log_in() {
        assert_eq!(ApiError::from_response(401, ""), ApiError::Unauthorized);
        assert_eq!(ApiError::Unauthorized.message(), "Log in to continue.");
    }

    #[test]
    fn server_message_is_shown() {
        let e = ApiError::from_response(400, r#"{"message":"Invalid Status: frozen"}"#);
        assert_eq!(e, ApiError::Rejected("Invalid Status: frozen".into()));
        assert_eq!(
            e.message(),
            "The server refused the request. Invalid Status: frozen"
        );
        let e = ApiError::from_response(502, "<html>bad gateway</html>");
        assert_eq!(e, ApiError::Status(502, String::new()));
        assert_eq!(
            ApiError::from_response(404, r#"{"message":"Not Found"}"#).message(),
            "Not found."
        );
        assert!(e.message().contains("502"));
    }

    #[test]
    fn query_strings_skip_empty_fields_and_encode() {
        let q = ViewQuery {
            queue: Some(3),
            page: Some(2),
            text: Some("tor browser & co".into()),
            query: Some(String::new()),
            ..ViewQuery::default()
        };
        assert_eq!(
            query_string(&q),
            "?page=2&queue=3&text=tor%20browser%20%26%20co"
        );
        assert_eq!(query_string(&ViewQuery::default()), "");
    }

    #[test]
    fn wire_names_are_kebab_case() {
        assert_eq!(wire_name(&ViewName::NeedsAnswer), "needs-answer");
        assert_eq!(wire_name(&StatsKind::FirstResponse), "first-response");
        let url = stats_url(
            StatsKind::NewTickets,
            &StatsQuery {
                format: Some("csv".into()),
                ..StatsQuery::default()
            },
        );
        assert_eq!(url, "/REST/2.0/hushdesk/stats/new-tickets?format=csv");
    }
}
