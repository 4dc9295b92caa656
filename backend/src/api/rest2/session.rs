//! Server identity and the web app's login (a JWT in an HttpOnly, SameSite=Strict cookie).

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{get, post, web, HttpResponse};
use hushdesk_api::rest2::{ErrorBody, LoginRequest, RtInfo, SessionResponse};

use super::common::{self, State};
use crate::api::auth::{CurrentUser, SESSION_COOKIE};
use crate::api::error::{ApiError, ApiResult};
use crate::store::{acl, users};

pub const VERSION: &str = concat!("Hushdesk/", env!("CARGO_PKG_VERSION"));

/// Server version, as RT's `GET /REST/2.0/rt`.
#[utoipa::path(get, path = "/REST/2.0/rt", tag = "system",
    responses((status = 200, body = RtInfo), (status = 401, body = ErrorBody)))]
#[get("/rt")]
pub async fn rt_info(_me: CurrentUser) -> ApiResult<HttpResponse> {
    Ok(common::ok(&RtInfo {
        version: VERSION.into(),
        plugins: vec![],
    }))
}

fn session(me: &CurrentUser) -> SessionResponse {
    SessionResponse {
        id: me.id(),
        name: me.user.name.clone(),
        real_name: me.user.real_name.clone(),
        privileged: me.user.privileged,
        superuser: me.rights.superuser,
    }
}

/// Who is logged in.
#[utoipa::path(get, path = "/REST/2.0/hushdesk/session", tag = "session",
    responses((status = 200, body = SessionResponse), (status = 401, body = ErrorBody)))]
#[get("/hushdesk/session")]
pub async fn get_session(me: CurrentUser) -> ApiResult<HttpResponse> {
    Ok(common::ok(&session(&me)))
}

/// Log in to the web app: checks the password and sets the session cookie.
#[utoipa::path(post, path = "/REST/2.0/hushdesk/login", tag = "session",
    request_body = LoginRequest,
    responses((status = 200, body = SessionResponse), (status = 401, body = ErrorBody)))]
#[post("/hushdesk/login")]
pub async fn login(state: State, body: web::Json<LoginRequest>) -> ApiResult<HttpResponse> {
    let req = body.into_inner();
    let st = state.clone();
    let me = state
        .store
        .read(move |conn| -> ApiResult<CurrentUser> {
            let u = users::by_name(conn, &req.username)?
                .filter(|u| !u.disabled)
                .filter(|u| {
                    u.password_hash
                        .as_deref()
                        .is_some_and(|h| crate::auth::verify_password(&req.password, h))
                })
                .ok_or(ApiError::Unauthorized)?;
            let rights = acl::effective_rights(conn, &u)?;
            let _ = &st;
            Ok(CurrentUser { user: u, rights })
        })
        .await?;
    let now = state.clock.now().and_utc().timestamp();
    let jwt = state
        .sessions
        .issue(me.id(), now, state.config.session_minutes)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let cookie = Cookie::build(SESSION_COOKIE, jwt)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.base_url.starts_with("https://"))
        .max_age(time::Duration::minutes(state.config.session_minutes))
        .finish();
    Ok(HttpResponse::Ok().cookie(cookie).json(session(&me)))
}

/// Log out of the web app.
#[utoipa::path(post, path = "/REST/2.0/hushdesk/logout", tag = "session",
    responses((status = 204, description = "Logged out")))]
#[post("/hushdesk/logout")]
pub async fn logout() -> HttpResponse {
    let mut cookie = Cookie::build(SESSION_COOKIE, "")
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .finish();
    cookie.make_removal();
    HttpResponse::NoContent().cookie(cookie).finish()
}
