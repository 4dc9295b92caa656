//! Who is calling: `Authorization: token …`, HTTP Basic, `?token=`, or the app's session cookie.

use std::future::Future;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpRequest};
use base64::Engine;

use super::error::ApiError;
use super::AppState;
use crate::domain::rights::EffectiveRights;
use crate::store::rows::UserRow;
use crate::store::{acl, tokens, users, StoreError};

pub const SESSION_COOKIE: &str = "hushdesk_session";

/// The authenticated caller and their resolved rights.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: UserRow,
    pub rights: EffectiveRights,
}

enum Presented {
    Token(String),
    Basic(String, String),
    Session(String),
    Nothing,
}

fn presented(req: &HttpRequest) -> Presented {
    if let Some(h) = req
        .headers()
        .get("Authorization")
        .and_then(|h| h.to_str().ok())
    {
        let h = h.trim();
        if let Some(t) = h
            .strip_prefix("token ")
            .or_else(|| h.strip_prefix("Token "))
        {
            return Presented::Token(t.trim().to_owned());
        }
        if let Some(b) = h
            .strip_prefix("Basic ")
            .or_else(|| h.strip_prefix("basic "))
        {
            if let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(b.trim()) {
                if let Ok(text) = String::from_utf8(raw) {
                    if let Some((u, p)) = text.split_once(':') {
                        return Presented::Basic(u.to_owned(), p.to_owned());
                    }
                }
            }
            return Presented::Basic(String::new(), String::new());
        }
    }
    if let Some(t) =
        web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.get("token").cloned())
    {
        return Presented::Token(t);
    }
    if let Some(c) = req.cookie(SESSION_COOKIE) {
        return Presented::Session(c.value().to_owned());
    }
    Presented::Nothing
}

fn refusal(req: &HttpRequest) -> ApiError {
    let browser = req
        .headers()
        .get("User-Agent")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ua| ua.contains("Mozilla"));
    let wants_json = req
        .headers()
        .get("Accept")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"));
    let has_cookie = req.headers().contains_key("Cookie");
    if (browser || has_cookie) && !wants_json {
        ApiError::LoginRedirect
    } else {
        ApiError::Unauthorized
    }
}

/// Resolves the presented credentials to an enabled user id.
fn authenticate(state: &AppState, p: Presented) -> Result<Option<UserRow>, ApiError> {
    let mut conn = state.store.conn()?;
    let user = match p {
        Presented::Nothing => return Ok(None),
        Presented::Token(t) => {
            let Some((id, owner)) = crate::auth::parse_token(&t) else {
                return Ok(None);
            };
            let Some(row) = tokens::by_id(&mut conn, id)? else {
                return Ok(None);
            };
            if row.owner_id != owner
                || !crate::auth::hashes_equal(&row.token_hash, &crate::auth::token_hash(&t))
            {
                return Ok(None);
            }
            // "Last used" to the minute is enough, and spares a write on every request.
            let now = state.clock.now();
            if row
                .last_used
                .is_none_or(|t| now - t > chrono::Duration::seconds(60))
            {
                state.store.write_blocking(|c| -> Result<usize, ApiError> {
                    Ok(tokens::touch(c, row.id, now)?)
                })?;
            }
            users::by_id(&mut conn, owner)?
        }
        Presented::Basic(name, password) => {
            if name.is_empty() {
                return Ok(None);
            }
            if let Some(id) = state.basic_cache.get(&name, &password) {
                users::by_id(&mut conn, id)?
            } else {
                let Some(u) = users::by_name(&mut conn, &name)? else {
                    return Ok(None);
                };
                let ok = u
                    .password_hash
                    .as_deref()
                    .is_some_and(|h| crate::auth::verify_password(&password, h));
                if !ok {
                    return Ok(None);
                }
                state.basic_cache.put(&name, &password, u.id);
                Some(u)
            }
        }
        Presented::Session(jwt) => match state.sessions.check(&jwt) {
            Some(id) => users::by_id(&mut conn, id)?,
            None => return Ok(None),
        },
    };
    Ok(user.filter(|u| !u.disabled))
}

impl CurrentUser {
    pub fn id(&self) -> i64 {
        self.user.id
    }
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| ApiError::Internal("application state missing".into()))?;
            let p = presented(&req);
            let st = state.clone();
            let found =
                tokio::task::spawn_blocking(move || -> Result<Option<CurrentUser>, ApiError> {
                    let Some(user) = authenticate(&st, p)? else {
                        return Ok(None);
                    };
                    let mut conn = st.store.conn()?;
                    let rights = acl::effective_rights(&mut conn, &user)?;
                    Ok(Some(CurrentUser { user, rights }))
                })
                .await
                .map_err(|_| ApiError::from(StoreError::Join))??;
            found.ok_or_else(|| refusal(&req))
        })
    }
}
