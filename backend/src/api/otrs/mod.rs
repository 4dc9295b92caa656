//! OTRS/Znuny GenericInterface (`GenericTicketConnectorREST`, `GenericLinkConnectorREST`),
//! wire-compatible with pyotrs 1.5, mapped onto the RT ticket model.
//!
//! Every application error is HTTP 200 with `{"Error":{"ErrorCode","ErrorMessage"}}`, as OTRS
//! answers; GET requests carry their parameters in the query string, the others as a JSON body
//! (query and route parameters are merged in, the body wins).
//!
//! | OTRS                                  | RT / Hushdesk                                      |
//! |---------------------------------------|----------------------------------------------------|
//! | State `new` (StateID 1)               | Status `new`                                       |
//! | State `open` (4)                      | Status `open`                                      |
//! | State `closed successful` (2)         | Status `resolved`                                  |
//! | State `closed unsuccessful` (3)       | Status `rejected`                                  |
//! | State `pending reminder` (6)          | Status `stalled` (PendingTime → Starts)            |
//! | State `removed` (5)                   | Status `deleted`                                   |
//! | State `merged` (9)                    | a ticket merged into another (read only)           |
//! | Priority `1 very low` … `5 very high` | Priority 0, 25, 50, 75, 100 (read back by nearest) |
//! | Lock `unlock` / `lock`                | Owner Nobody / anyone else                         |
//! | TicketNumber                          | ticket id, as a string                             |
//! | Title                                 | Subject                                            |
//! | Queue / QueueID                       | Queue                                              |
//! | CustomerUser / CustomerUserID         | first Requestor                                    |
//! | Type `Unclassified` (TypeID 1)        | Type `ticket`                                      |
//! | Article, visible for customer         | Create / Correspond transaction (ArticleID = id)   |
//! | Article, internal note                | Comment transaction                                |
//! | DynamicField `{Name, Value}`          | ticket custom field                                |
//! | Link `Normal`                         | RefersTo (source refers to target)                 |
//! | Link `ParentChild`                    | MemberOf (child member of parent)                  |
//! | SessionID / AccessToken               | signed session token (same keys as the web login)  |
//!
//! Changes go through the same store operations as REST 2.0, so RT's rules apply: staff
//! correspondence on a `new` ticket opens it, comments need ShowTicketComments to be seen,
//! searches only return tickets the caller may see. History entries carry the ticket's current
//! QueueID/OwnerID/PriorityID/StateID (RT does not keep them per transaction). The nested
//! `DynamicField_<Name>: {Equals: […]}` search form only survives in a JSON body, not in a
//! query string; the query-string form is refused with an explanation.

pub mod history;
pub mod links;
pub mod mapping;
pub mod session;
pub mod ticket_create;
pub mod ticket_get;
pub mod ticket_search;
pub mod ticket_update;

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Map, Value};

use crate::api::auth::CurrentUser;
use crate::api::error::ApiError;
use crate::api::AppState;
use crate::domain::error::DomainError;
use crate::store::{acl, users, DbConn, StoreError};

pub type State = web::Data<AppState>;

/// An OTRS error object: `<Operation>.<Kind>` and a message.
#[derive(Debug)]
pub struct OtrsError {
    pub code: String,
    pub message: String,
}

impl OtrsError {
    pub fn new(op: &str, kind: &str, message: impl Into<String>) -> Self {
        Self {
            code: format!("{op}.{kind}"),
            message: format!("{op}: {}", message.into()),
        }
    }
    pub fn missing(op: &str, message: impl Into<String>) -> Self {
        Self::new(op, "MissingParameter", message)
    }
    pub fn invalid(op: &str, message: impl Into<String>) -> Self {
        Self::new(op, "InvalidParameter", message)
    }
    pub fn denied(op: &str, message: impl Into<String>) -> Self {
        Self::new(op, "AccessDenied", message)
    }
    /// Store or domain failures seen by operation `op`.
    pub fn domain(op: &str, e: DomainError) -> Self {
        match e {
            DomainError::NotFound(m) | DomainError::Invalid(m) | DomainError::Conflict(m) => {
                Self::invalid(op, m)
            }
            DomainError::Forbidden => Self::denied(op, "User does not have access to the ticket!"),
            DomainError::Unavailable(m) => Self::new(op, "Unavailable", m),
            DomainError::Store(s) => Self::internal(op, &s.to_string()),
        }
    }
    pub fn internal(op: &str, detail: &str) -> Self {
        tracing::error!(error = %detail, operation = op, "internal error");
        Self::new(op, "InternalError", "Internal error")
    }
}

impl From<StoreError> for OtrsError {
    fn from(e: StoreError) -> Self {
        Self::internal("GenericInterface", &e.to_string())
    }
}

impl From<diesel::result::Error> for OtrsError {
    fn from(e: diesel::result::Error) -> Self {
        Self::internal("GenericInterface", &e.to_string())
    }
}

impl From<DomainError> for OtrsError {
    fn from(e: DomainError) -> Self {
        Self::domain("GenericInterface", e)
    }
}

impl From<ApiError> for OtrsError {
    fn from(e: ApiError) -> Self {
        Self::internal("GenericInterface", &e.to_string())
    }
}

pub type OtrsResult<T> = Result<T, OtrsError>;

/// Renders a result or an error object; always HTTP 200.
pub fn respond(r: OtrsResult<Value>) -> HttpResponse {
    let body = match r {
        Ok(v) => v,
        Err(e) => json!({"Error": {"ErrorCode": e.code, "ErrorMessage": e.message}}),
    };
    HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .json(body)
}

/// The request's parameters: query string (repeated keys and `key[]` become lists), then the
/// JSON body, then route parameters that are not already given.
pub fn params(req: &HttpRequest, body: &[u8], op: &str) -> OtrsResult<Map<String, Value>> {
    let mut m = Map::new();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string())
        .map_err(|e| OtrsError::invalid(op, format!("Invalid query string: {e}")))?;
    for (k, v) in pairs {
        let k = k.strip_suffix("[]").unwrap_or(&k).to_owned();
        match m.get_mut(&k) {
            Some(Value::Array(a)) => a.push(Value::String(v)),
            Some(old) => {
                let prev = old.take();
                *old = Value::Array(vec![prev, Value::String(v)]);
            }
            None => {
                m.insert(k, Value::String(v));
            }
        }
    }
    if !body.iter().all(u8::is_ascii_whitespace) {
        let v: Value = serde_json::from_slice(body)
            .map_err(|e| OtrsError::invalid(op, format!("Invalid JSON: {e}")))?;
        let Value::Object(b) = v else {
            return Err(OtrsError::invalid(
                op,
                "The request body must be a JSON object",
            ));
        };
        m.extend(b);
    }
    for (k, v) in req.match_info().iter() {
        if !m.contains_key(k) {
            m.insert(k.to_owned(), Value::String(v.to_owned()));
        }
    }
    Ok(m)
}

/// A scalar parameter as text (numbers too); lists give their first element.
pub fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "1" } else { "0" }.into()),
        Value::Array(a) => text(a.first()),
        _ => None,
    }
}

/// A non-empty scalar parameter.
pub fn nonempty(m: &Map<String, Value>, key: &str) -> Option<String> {
    text(m.get(key))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// `0`/`1` flags (also `true`/`false`); absent is false.
pub fn flag(m: &Map<String, Value>, key: &str) -> bool {
    text(m.get(key)).is_some_and(|s| matches!(s.trim(), "1" | "true" | "yes"))
}

/// A list parameter: a JSON list, a repeated query key, or one (comma-free) value.
pub fn list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| text(Some(x)))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        other => text(other)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .into_iter()
            .collect(),
    }
}

/// The caller, from `AccessToken`/`SessionID`, or from `UserLogin`/`CustomerUserLogin` and
/// `Password` given with the request (OTRS accepts both).
pub fn authenticate(
    state: &AppState,
    conn: &mut DbConn,
    m: &Map<String, Value>,
    op: &str,
) -> OtrsResult<CurrentUser> {
    let fail = || OtrsError::new(op, "AuthFail", "User could not be authenticated!");
    let user = if let Some(token) = nonempty(m, "AccessToken").or_else(|| nonempty(m, "SessionID"))
    {
        let id = state.sessions.check(&token).ok_or_else(fail)?;
        users::by_id(conn, id)?
    } else if let Some(login) =
        nonempty(m, "UserLogin").or_else(|| nonempty(m, "CustomerUserLogin"))
    {
        let password = text(m.get("Password")).unwrap_or_default();
        users::by_name(conn, &login)?.filter(|u| {
            u.password_hash
                .as_deref()
                .is_some_and(|h| crate::auth::verify_password(&password, h))
        })
    } else {
        return Err(OtrsError::missing(
            op,
            "UserLogin, CustomerUserLogin or SessionID is required!",
        ));
    };
    let user = user.filter(|u| !u.disabled).ok_or_else(fail)?;
    let rights = acl::effective_rights(conn, &user)?;
    Ok(CurrentUser { user, rights })
}

/// A ticket id parameter.
pub fn ticket_id(m: &Map<String, Value>, op: &str) -> OtrsResult<i64> {
    let raw = nonempty(m, "TicketID")
        .or_else(|| nonempty(m, "TicketNumber"))
        .ok_or_else(|| OtrsError::missing(op, "TicketID or TicketNumber is required!"))?;
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| OtrsError::invalid(op, format!("TicketID '{raw}' is not a valid ticket id")))
}

async fn unknown_route() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("application/json; charset=utf-8")
        .json(json!({"Error": {"ErrorCode": "Provider.RouteNotFound", "ErrorMessage": "No operation is configured for this route"}}))
}

/// Mounted under `/otrs/nph-genericinterface.pl/Webservice`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/GenericTicketConnectorREST")
            .route("/Session", web::post().to(session::session_create))
            .route("/Session/{SessionID}", web::get().to(session::session_get))
            .route("/Ticket", web::post().to(ticket_create::ticket_create))
            .route("/Ticket", web::get().to(ticket_search::ticket_search))
            .route("/Ticket/{TicketID}", web::get().to(ticket_get::ticket_get))
            .route(
                "/Ticket/{TicketID}",
                web::patch().to(ticket_update::ticket_update),
            )
            .route("/TicketList", web::get().to(ticket_get::ticket_get_list))
            .route(
                "/TicketHistory/{TicketID}",
                web::get().to(history::ticket_history_get),
            )
            .default_service(web::to(unknown_route)),
    )
    .service(
        web::scope("/GenericLinkConnectorREST")
            .route("/LinkAdd", web::post().to(links::link_add))
            .route("/LinkDelete", web::delete().to(links::link_delete))
            .route("/LinkDeleteAll", web::delete().to(links::link_delete_all))
            .route("/LinkList", web::get().to(links::link_list))
            .default_service(web::to(unknown_route)),
    )
    .default_service(web::to(unknown_route));
}
