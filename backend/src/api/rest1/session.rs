//! REST 1.0 requests and sessions: parameters from the query string and the (form or multipart)
//! body, form login (`user`/`pass` on any path), the `RT_SID_<rtname>.<port>` cookie, and Basic.

use actix_multipart::Multipart;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::StreamExt;

use super::framing::Reply;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::AppState;
use crate::domain::mime::FileInput;
use crate::store::{acl, users};

/// Everything a REST 1.0 request carries besides its path.
#[derive(Debug, Default)]
pub struct Params {
    pub pairs: Vec<(String, String)>,
    /// Multipart file parts by field name (`attachment_1` …), in order.
    pub files: Vec<(String, FileInput)>,
}

impl Params {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

fn content_type(req: &HttpRequest) -> String {
    req.headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads query and body within the configured limit.
pub async fn read_params(
    req: &HttpRequest,
    mut payload: web::Payload,
    state: &AppState,
) -> ApiResult<Params> {
    let mut p = Params {
        pairs: serde_urlencoded::from_str(req.query_string())
            .map_err(|e| ApiError::BadRequest(format!("Invalid query string: {e}")))?,
        files: Vec::new(),
    };
    let limit = state.config.max_body_bytes;
    if content_type(req).starts_with("multipart/form-data") {
        let mut mp = Multipart::new(req.headers(), payload);
        let mut total = 0usize;
        while let Some(field) = mp.next().await {
            let mut field =
                field.map_err(|e| ApiError::BadRequest(format!("Invalid multipart body: {e}")))?;
            let name = field.name().unwrap_or("").to_owned();
            let filename = field
                .content_disposition()
                .and_then(|cd| cd.get_filename())
                .map(str::to_owned);
            let ctype = field.content_type().map(|m| m.essence_str().to_owned());
            let mut data = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk
                    .map_err(|e| ApiError::BadRequest(format!("Invalid multipart body: {e}")))?;
                total += chunk.len();
                if total > limit {
                    return Err(ApiError::TooLarge);
                }
                data.extend_from_slice(&chunk);
            }
            match filename {
                Some(f) if name.starts_with("attachment_") => p.files.push((
                    name,
                    FileInput {
                        filename: f.rsplit(['/', '\\']).next().unwrap_or("").to_owned(),
                        content_type: ctype
                            .filter(|c| !c.is_empty())
                            .unwrap_or_else(|| "application/octet-stream".into()),
                        content: data,
                    },
                )),
                _ => p
                    .pairs
                    .push((name, String::from_utf8_lossy(&data).into_owned())),
            }
        }
        return Ok(p);
    }
    let mut data = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| match e {
            actix_web::error::PayloadError::Overflow => ApiError::TooLarge,
            other => ApiError::BadRequest(format!("Could not read the body: {other}")),
        })?;
        if data.len() + chunk.len() > limit {
            return Err(ApiError::TooLarge);
        }
        data.extend_from_slice(&chunk);
    }
    if !data.is_empty() {
        let more: Vec<(String, String)> = serde_urlencoded::from_bytes(&data)
            .map_err(|e| ApiError::BadRequest(format!("Invalid form body: {e}")))?;
        p.pairs.extend(more);
    }
    Ok(p)
}

/// `RT_SID_<rtname>.<port>`, as RT names its session cookie.
pub fn cookie_name(state: &AppState, req: &HttpRequest) -> String {
    let info = req.connection_info();
    let host = info.host();
    let port = match host.rsplit_once(':') {
        Some((_, p)) if p.chars().all(|c| c.is_ascii_digit()) => p.to_owned(),
        _ => {
            if info.scheme() == "https" {
                "443".into()
            } else {
                "80".into()
            }
        }
    };
    format!("RT_SID_{}.{port}", state.config.rt_name)
}

/// The outcome of authentication: who, and a session cookie to set after a form login.
pub struct Authed {
    pub me: CurrentUser,
    pub set_cookie: Option<Cookie<'static>>,
}

fn session_user(state: &AppState, req: &HttpRequest) -> Option<i64> {
    let prefix = "RT_SID_";
    let cookies = req.cookies().ok()?;
    cookies
        .iter()
        .filter(|c| c.name().starts_with(prefix))
        .find_map(|c| {
            let jwt = hex::decode(c.value()).ok()?;
            let jwt = String::from_utf8(jwt).ok()?;
            state.sessions.check(&jwt)
        })
}

/// Authenticates a REST 1.0 request; `Err` carries RT's 401 text.
pub async fn authenticate(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    params: &Params,
) -> Result<Authed, Reply> {
    if let (Some(user), Some(pass)) = (params.get("user"), params.get("pass")) {
        let (user, pass) = (user.to_owned(), pass.to_owned());
        let found = state
            .store
            .read(move |conn| -> ApiResult<Option<CurrentUser>> {
                let Some(u) = users::by_name(conn, &user)?.filter(|u| !u.disabled) else {
                    return Ok(None);
                };
                let ok = u
                    .password_hash
                    .as_deref()
                    .is_some_and(|h| crate::auth::verify_password(&pass, h));
                if !ok {
                    return Ok(None);
                }
                let rights = acl::effective_rights(conn, &u)?;
                Ok(Some(CurrentUser { user: u, rights }))
            })
            .await
            .map_err(Reply::from)?;
        let Some(me) = found else {
            return Err(Reply::bad_password());
        };
        let now = state.clock.now().and_utc().timestamp();
        let jwt = state
            .sessions
            .issue(me.id(), now, state.config.session_minutes)
            .map_err(|e| Reply::from(ApiError::Internal(e.to_string())))?;
        let cookie = Cookie::build(cookie_name(state, req), hex::encode(jwt))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(state.base_url.starts_with("https://"))
            .finish();
        return Ok(Authed {
            me,
            set_cookie: Some(cookie),
        });
    }
    if let Some(id) = session_user(state, req) {
        let found = state
            .store
            .read(move |conn| -> ApiResult<Option<CurrentUser>> {
                let Some(u) = users::by_id(conn, id)?.filter(|u| !u.disabled) else {
                    return Ok(None);
                };
                let rights = acl::effective_rights(conn, &u)?;
                Ok(Some(CurrentUser { user: u, rights }))
            })
            .await
            .map_err(Reply::from)?;
        if let Some(me) = found {
            return Ok(Authed {
                me,
                set_cookie: None,
            });
        }
        return Err(Reply::credentials_required());
    }
    if req.headers().contains_key("Authorization") {
        let mut pl = actix_web::dev::Payload::None;
        return match CurrentUser::from_request(req, &mut pl).await {
            Ok(me) => Ok(Authed {
                me,
                set_cookie: None,
            }),
            Err(ApiError::Internal(d)) => Err(Reply::from(ApiError::Internal(d))),
            Err(_) => Err(Reply::bad_password()),
        };
    }
    Err(Reply::credentials_required())
}

/// A removal cookie for logout.
pub fn removal(state: &AppState, req: &HttpRequest) -> Cookie<'static> {
    let mut c = Cookie::build(cookie_name(state, req), "")
        .path("/")
        .finish();
    c.make_removal();
    c
}
