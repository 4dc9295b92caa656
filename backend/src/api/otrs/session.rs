//! SessionCreate and SessionGet: the session key is a signed, expiring token.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::{nonempty, params, respond, text, OtrsError, OtrsResult, State};
use crate::store::users;

/// `POST /Session`: `UserLogin` or `CustomerUserLogin` and `Password` → `SessionID` and
/// `AccessToken` (the same token; pyotrs reads the latter, legacy clients the former).
pub async fn session_create(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(create(state, req, body).await)
}

async fn create(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    const OP: &str = "SessionCreate";
    let m = params(&req, &body, OP)?;
    let login = nonempty(&m, "UserLogin")
        .or_else(|| nonempty(&m, "CustomerUserLogin"))
        .ok_or_else(|| OtrsError::missing(OP, "UserLogin or CustomerUserLogin is required!"))?;
    let password = text(m.get("Password"))
        .filter(|p| !p.is_empty())
        .ok_or_else(|| OtrsError::missing(OP, "Password is required!"))?;
    let uid = state
        .store
        .read(move |conn| -> OtrsResult<Option<i64>> {
            Ok(users::by_name(conn, &login)?
                .filter(|u| !u.disabled)
                .filter(|u| {
                    u.password_hash
                        .as_deref()
                        .is_some_and(|h| crate::auth::verify_password(&password, h))
                })
                .map(|u| u.id))
        })
        .await?
        .ok_or_else(|| OtrsError::new(OP, "AuthFail", "Authorization failing!"))?;
    let now = state.clock.now().and_utc().timestamp();
    let token = state
        .sessions
        .issue(uid, now, state.config.session_minutes)
        .map_err(|e| OtrsError::internal(OP, &e.to_string()))?;
    Ok(json!({"SessionID": token, "AccessToken": token}))
}

/// `GET /Session/:SessionID` → `SessionData` (key/value list) and `AccessTokenData`.
pub async fn session_get(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(get(state, req, body).await)
}

async fn get(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    const OP: &str = "SessionGet";
    let m = params(&req, &body, OP)?;
    let token = req
        .match_info()
        .get("SessionID")
        .map(str::to_owned)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| nonempty(&m, "SessionID"))
        .or_else(|| nonempty(&m, "AccessToken"))
        .ok_or_else(|| OtrsError::missing(OP, "SessionID is required!"))?;
    let invalid = || OtrsError::new(OP, "SessionInvalid", "SessionID is Invalid!");
    let uid = state.sessions.check(&token).ok_or_else(invalid)?;
    let user = state
        .store
        .read(move |conn| -> OtrsResult<_> { Ok(users::by_id(conn, uid)?) })
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(invalid)?;
    let kind = if user.privileged { "User" } else { "Customer" };
    let email = user.email_address.clone().unwrap_or_default();
    let pairs = [
        ("UserID", user.id.to_string()),
        ("UserLogin", user.name.clone()),
        ("UserFullname", user.real_name.clone()),
        ("UserEmail", email),
        ("UserType", kind.to_owned()),
    ];
    let data: Vec<Value> = pairs
        .iter()
        .map(|(k, v)| json!({"Key": k, "Value": v}))
        .collect();
    let token_data: serde_json::Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
        .collect();
    Ok(json!({"SessionData": data, "AccessTokenData": token_data}))
}
