//! Users: supporters and requestors.

use std::collections::BTreeMap;

use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use hushdesk_api::rest2::{ErrorBody, RecordRef, UserRequest, UserResponse};
use serde_json::Value;

use super::body;
use super::common::{self, State};
use super::render::{self, Lookup};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::ids::UserId;
use crate::domain::rights::Right;
use crate::store::rows::UserRow;
use crate::store::users::{self, UserChanges, UserInput};

/// RT user fields Hushdesk keeps as columns; other RT fields live in `extra`.
const COLUMNS: &[&str] = &[
    "Name",
    "Password",
    "EmailAddress",
    "RealName",
    "NickName",
    "Nickname",
    "Organization",
    "Gecos",
    "Comments",
    "Lang",
    "Privileged",
    "Disabled",
];
const EXTRA: &[&str] = &[
    "Address1",
    "Address2",
    "City",
    "State",
    "Zip",
    "Country",
    "HomePhone",
    "WorkPhone",
    "MobilePhone",
    "PagerPhone",
    "ContactInfo",
    "Signature",
    "EmailEncoding",
    "WebEncoding",
    "ExternalContactInfoId",
    "ContactInfoSystem",
    "ExternalAuthId",
    "AuthSystem",
    "Timezone",
    "FreeformContactInfo",
];

struct Parsed {
    changes: UserChanges,
    password: Option<String>,
    extra: BTreeMap<String, Value>,
}

fn parse(m: &serde_json::Map<String, Value>) -> ApiResult<Parsed> {
    let mut extra = BTreeMap::new();
    for (k, v) in m {
        if COLUMNS.contains(&k.as_str()) || k == "CustomFields" {
            continue;
        }
        if EXTRA.contains(&k.as_str()) {
            extra.insert(
                k.clone(),
                Value::String(common::text(v).unwrap_or_default()),
            );
        } else {
            return Err(ApiError::BadRequest(format!("Unknown field: {k}")));
        }
    }
    let t = |k: &str| m.get(k).and_then(common::text);
    Ok(Parsed {
        changes: UserChanges {
            name: t("Name"),
            email_address: t("EmailAddress"),
            real_name: t("RealName"),
            nickname: t("NickName").or_else(|| t("Nickname")),
            organization: t("Organization"),
            gecos: t("Gecos"),
            comments: t("Comments"),
            lang: t("Lang"),
            privileged: m
                .get("Privileged")
                .map(|v| common::flag(v, "Privileged"))
                .transpose()?,
            disabled: m
                .get("Disabled")
                .map(|v| common::flag(v, "Disabled"))
                .transpose()?,
            password_hash: None,
            extra: None,
        },
        password: t("Password").filter(|p| !p.is_empty()),
        extra,
    })
}

fn hash(password: &str) -> ApiResult<String> {
    if password.chars().count() < 8 {
        return Err(ApiError::BadRequest(
            "Password too short: at least 8 characters".into(),
        ));
    }
    crate::auth::hash_password(password).map_err(|e| ApiError::Internal(e.to_string()))
}

fn may_see(me: &CurrentUser, u: &UserRow) -> bool {
    me.id() == u.id || me.user.privileged || me.rights.on_system(Right::AdminUsers)
}

/// Show a user by id, name or email address.
#[utoipa::path(get, path = "/REST/2.0/user/{id}", tag = "users",
    params(("id" = String, Path, description = "User id, name or email address")),
    responses((status = 200, body = UserResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/user/{id}")]
pub async fn get_user(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<Value> {
            let u = users::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            if !may_see(&me, &u) {
                return Err(ApiError::Forbidden);
            }
            let mut lk = Lookup::new(conn);
            render::to_value(render::user(&st, &mut lk, &u)?)
        })
        .await?;
    Ok(common::ok(&v))
}

/// Create a user (needs AdminUsers); answers with the user's name as RT does.
#[utoipa::path(post, path = "/REST/2.0/user", tag = "users",
    request_body = UserRequest,
    responses((status = 201, body = RecordRef), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/user")]
pub async fn create_user(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    if !me.rights.on_system(Right::AdminUsers) {
        return Err(ApiError::Forbidden);
    }
    let b = body::read(&req, payload, &state).await?;
    let p = parse(&body::object(b.json)?)?;
    let name = p
        .changes
        .name
        .clone()
        .ok_or_else(|| ApiError::BadRequest("Name is required".into()))?;
    let password_hash = p.password.as_deref().map(hash).transpose()?;
    let st = state.clone();
    let name2 = name.clone();
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let now = st.clock.now();
            let id = users::create(
                conn,
                &UserInput {
                    name: name2,
                    email_address: p.changes.email_address.clone(),
                    real_name: p.changes.real_name.clone().unwrap_or_default(),
                    password_hash,
                    privileged: p.changes.privileged.unwrap_or(false),
                    role: String::new(),
                    disabled: p.changes.disabled.unwrap_or(false),
                },
                UserId(me.id()),
                now,
            )
            .map_err(|e| match e {
                crate::domain::error::DomainError::Conflict(m) => ApiError::BadRequest(m),
                other => other.into(),
            })?;
            let u = users::by_id(conn, id)?.ok_or(ApiError::NotFound)?;
            let rest = UserChanges {
                nickname: p.changes.nickname,
                organization: p.changes.organization,
                gecos: p.changes.gecos,
                comments: p.changes.comments,
                lang: p.changes.lang,
                extra: (!p.extra.is_empty())
                    .then(|| serde_json::to_string(&p.extra).unwrap_or_default()),
                ..UserChanges::default()
            };
            users::update(conn, &u, &rest, UserId(me.id()), now)?;
            Ok(())
        })
        .await?;
    Ok(common::created(&render::reference(&state, "user", name)))
}

/// Change a user's fields (needs AdminUsers, or be that user for personal fields).
#[utoipa::path(put, path = "/REST/2.0/user/{id}", tag = "users",
    params(("id" = String, Path, description = "User id, name or email address")),
    request_body = UserRequest,
    responses((status = 200, body = Vec<String>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[put("/user/{id}")]
pub async fn update_user(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let b = body::read(&req, payload, &state).await?;
    let mut p = parse(&body::object(b.json)?)?;
    p.changes.password_hash = p.password.as_deref().map(hash).transpose()?;
    let st = state.clone();
    let msgs = state
        .store
        .write(move |conn| -> ApiResult<Vec<String>> {
            let u = users::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            let admin = me.rights.on_system(Right::AdminUsers);
            let self_edit = me.id() == u.id
                && p.changes.privileged.is_none()
                && p.changes.disabled.is_none()
                && p.changes.name.is_none();
            if !admin && !self_edit {
                return Err(ApiError::Forbidden);
            }
            if !p.extra.is_empty() {
                let mut merged: BTreeMap<String, Value> =
                    serde_json::from_str(&u.extra).unwrap_or_default();
                merged.extend(p.extra.clone());
                p.changes.extra = Some(serde_json::to_string(&merged).unwrap_or_default());
            }
            Ok(users::update(
                conn,
                &u,
                &p.changes,
                UserId(me.id()),
                st.clock.now(),
            )?)
        })
        .await?;
    if msgs
        .iter()
        .any(|m| m.ends_with("Password changed") || m.ends_with("User disabled"))
    {
        state.basic_cache.clear();
    }
    Ok(common::ok(&msgs))
}

/// Disable a user (RT keeps the record).
#[utoipa::path(delete, path = "/REST/2.0/user/{id}", tag = "users",
    params(("id" = String, Path, description = "User id, name or email address")),
    responses((status = 204, description = "Disabled"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/user/{id}")]
pub async fn disable_user(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    if !me.rights.on_system(Right::AdminUsers) {
        return Err(ApiError::Forbidden);
    }
    let st = state.clone();
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let u = users::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            let ch = UserChanges {
                disabled: Some(true),
                ..UserChanges::default()
            };
            users::update(conn, &u, &ch, UserId(me.id()), st.clock.now())?;
            Ok(())
        })
        .await?;
    state.basic_cache.clear();
    Ok(HttpResponse::NoContent().finish())
}
