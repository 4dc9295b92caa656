//! Hushdesk's admin extensions under REST 2.0: custom fields, rights, groups and API tokens.

use actix_web::{delete, get, post, web, HttpResponse};
use hushdesk_api::rest2::{
    AceRequest, AceResponse, CustomFieldRequest, CustomFieldResponse, ErrorBody, GroupRequest,
    GroupResponse, TokenRequest, TokenResponse,
};

use super::common::{self, State};
use super::render;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::dates;
use crate::domain::rights::{Right, Role};
use crate::store::acl::{self, Principal};
use crate::store::custom_fields::{self, CfInput};
use crate::store::rows::CustomFieldRow;
use crate::store::{groups, queues, tokens, users, DbConn};

fn require(me: &CurrentUser, right: Right) -> ApiResult<()> {
    if me.rights.on_system(right) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

fn cf_response(conn: &mut DbConn, cf: &CustomFieldRow) -> ApiResult<CustomFieldResponse> {
    Ok(CustomFieldResponse {
        id: cf.id,
        name: cf.name.clone(),
        kind: cf.cf_type.clone(),
        max_values: cf.max_values,
        lookup_type: cf.lookup_type.clone(),
        description: cf.description.clone(),
        disabled: u8::from(cf.disabled).to_string(),
        values: custom_fields::options(conn, cf.id)?,
    })
}

/// Create a ticket custom field and apply it to queues (or all).
#[utoipa::path(post, path = "/REST/2.0/customfield", tag = "admin",
    request_body = CustomFieldRequest,
    responses((status = 201, body = CustomFieldResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/customfield")]
pub async fn create_custom_field(
    state: State,
    me: CurrentUser,
    body: web::Json<CustomFieldRequest>,
) -> ApiResult<HttpResponse> {
    require(&me, Right::AdminCustomField)?;
    let req = body.into_inner();
    let st = state.clone();
    let resp = state
        .store
        .write(move |conn| -> ApiResult<CustomFieldResponse> {
            let id = custom_fields::create(
                conn,
                &CfInput {
                    name: req.name.clone(),
                    cf_type: req.kind.clone(),
                    max_values: req.max_values,
                    description: req.description.clone(),
                    values: req.values.clone(),
                },
                me.id(),
                st.clock.now(),
            )?;
            if req.queues.is_empty() {
                custom_fields::apply(conn, id, 0)?;
            }
            for q in &req.queues {
                let row = queues::lookup(conn, q)?
                    .ok_or_else(|| ApiError::BadRequest(format!("No queue named {q} exists.")))?;
                custom_fields::apply(conn, id, row.id)?;
            }
            let cf = custom_fields::by_id(conn, id)?.ok_or(ApiError::NotFound)?;
            cf_response(conn, &cf)
        })
        .await?;
    Ok(common::created(&resp))
}

/// Show a custom field.
#[utoipa::path(get, path = "/REST/2.0/customfield/{id}", tag = "admin",
    params(("id" = String, Path, description = "Custom field id or name")),
    responses((status = 200, body = CustomFieldResponse), (status = 404, body = ErrorBody)))]
#[get("/customfield/{id}")]
pub async fn get_custom_field(
    state: State,
    _me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let resp = state
        .store
        .read(move |conn| -> ApiResult<CustomFieldResponse> {
            let cf = custom_fields::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            cf_response(conn, &cf)
        })
        .await?;
    Ok(common::ok(&resp))
}

fn principal(conn: &mut DbConn, req: &AceRequest) -> ApiResult<Principal> {
    match req.principal_type.as_str() {
        "User" => Ok(Principal::User(
            users::lookup(conn, &req.principal)?
                .ok_or_else(|| {
                    ApiError::BadRequest(format!("No user named {} exists.", req.principal))
                })?
                .id,
        )),
        "Group" => Ok(Principal::Group(
            groups::lookup(conn, &req.principal)?
                .ok_or_else(|| {
                    ApiError::BadRequest(format!("No group named {} exists.", req.principal))
                })?
                .id,
        )),
        "Role" => Ok(Principal::Role(Role::parse(&req.principal).ok_or_else(
            || ApiError::BadRequest(format!("Unknown role {}", req.principal)),
        )?)),
        other => Err(ApiError::BadRequest(format!(
            "principal_type must be User, Group or Role, not {other}"
        ))),
    }
}

async fn change_ace(
    state: State,
    me: CurrentUser,
    req: AceRequest,
    grant: bool,
) -> ApiResult<HttpResponse> {
    let right = Right::parse(&req.right)
        .ok_or_else(|| ApiError::BadRequest(format!("Unknown right {}", req.right)))?;
    let st = state.clone();
    let msg = state
        .store
        .write(move |conn| -> ApiResult<String> {
            let scope = acl::parse_scope(conn, req.queue.as_deref()).map_err(|e| match e {
                crate::domain::error::DomainError::NotFound(m) => ApiError::BadRequest(m),
                other => other.into(),
            })?;
            let allowed = match scope {
                acl::Scope::System => me.rights.superuser,
                acl::Scope::Queue(q) => me.rights.on_queue(q, Right::AdminQueue),
            };
            if !allowed {
                return Err(ApiError::Forbidden);
            }
            let p = principal(conn, &req)?;
            let changed = if grant {
                acl::grant(conn, &p, right, scope)?
            } else {
                acl::revoke(conn, &p, right, scope)?
            };
            let _ = &st;
            Ok(match (grant, changed) {
                (true, true) => "Right Granted".into(),
                (true, false) => "That principal already has that right".into(),
                (false, true) => "Right revoked".into(),
                (false, false) => "That principal does not have that right".into(),
            })
        })
        .await?;
    Ok(common::ok(&vec![msg]))
}

/// Grant a right to a user, group or role, system-wide or on one queue.
#[utoipa::path(post, path = "/REST/2.0/acl", tag = "admin",
    request_body = AceRequest,
    responses((status = 200, body = Vec<String>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/acl")]
pub async fn grant_right(
    state: State,
    me: CurrentUser,
    body: web::Json<AceRequest>,
) -> ApiResult<HttpResponse> {
    change_ace(state, me, body.into_inner(), true).await
}

/// Revoke a right.
#[utoipa::path(delete, path = "/REST/2.0/acl", tag = "admin",
    request_body = AceRequest,
    responses((status = 200, body = Vec<String>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[delete("/acl")]
pub async fn revoke_right(
    state: State,
    me: CurrentUser,
    body: web::Json<AceRequest>,
) -> ApiResult<HttpResponse> {
    change_ace(state, me, body.into_inner(), false).await
}

/// Every access control entry (superusers only).
#[utoipa::path(get, path = "/REST/2.0/acl", tag = "admin",
    responses((status = 200, body = Vec<AceResponse>), (status = 403, body = ErrorBody)))]
#[get("/acl")]
pub async fn list_rights(state: State, me: CurrentUser) -> ApiResult<HttpResponse> {
    if !me.rights.superuser {
        return Err(ApiError::Forbidden);
    }
    let rows = state
        .store
        .read(|conn| -> ApiResult<_> { Ok(acl::list(conn)?) })
        .await?;
    let out: Vec<AceResponse> = rows
        .into_iter()
        .map(|a| AceResponse {
            id: a.id,
            principal_type: a.principal_type,
            principal_id: a.principal_id,
            role: a.role_name,
            right: a.right_name,
            object_type: a.object_type,
            object_id: a.object_id,
        })
        .collect();
    Ok(common::ok(&out))
}

fn group_response(
    state: &crate::api::AppState,
    conn: &mut DbConn,
    g: &crate::store::rows::GroupRow,
) -> ApiResult<GroupResponse> {
    let mut members = Vec::new();
    for uid in groups::members(conn, g.id)? {
        if let Some(u) = users::by_id(conn, uid)? {
            members.push(render::reference(state, "user", u.name));
        }
    }
    Ok(GroupResponse {
        id: g.id,
        name: g.name.clone(),
        description: g.description.clone(),
        domain: g.domain.clone(),
        members,
    })
}

/// Create a user-defined group, optionally with members.
#[utoipa::path(post, path = "/REST/2.0/group", tag = "admin",
    request_body = GroupRequest,
    responses((status = 201, body = GroupResponse), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/group")]
pub async fn create_group(
    state: State,
    me: CurrentUser,
    body: web::Json<GroupRequest>,
) -> ApiResult<HttpResponse> {
    require(&me, Right::AdminGroup)?;
    let req = body.into_inner();
    let st = state.clone();
    let resp = state
        .store
        .write(move |conn| -> ApiResult<GroupResponse> {
            let id =
                groups::create(conn, &req.name, &req.description, st.clock.now()).map_err(|e| {
                    match e {
                        crate::domain::error::DomainError::Conflict(m) => ApiError::BadRequest(m),
                        other => other.into(),
                    }
                })?;
            for m in &req.members {
                let u = users::lookup(conn, m)?
                    .ok_or_else(|| ApiError::BadRequest(format!("No user named {m} exists.")))?;
                groups::add_member(conn, id, u.id)?;
            }
            let g = groups::lookup(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
            group_response(&st, conn, &g)
        })
        .await?;
    Ok(common::created(&resp))
}

/// Show a group and its members.
#[utoipa::path(get, path = "/REST/2.0/group/{id}", tag = "admin",
    params(("id" = String, Path, description = "Group id or name")),
    responses((status = 200, body = GroupResponse), (status = 404, body = ErrorBody)))]
#[get("/group/{id}")]
pub async fn get_group(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    if !me.user.privileged && !me.rights.superuser {
        return Err(ApiError::Forbidden);
    }
    let key = path.into_inner();
    let st = state.clone();
    let resp = state
        .store
        .read(move |conn| -> ApiResult<GroupResponse> {
            let g = groups::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            group_response(&st, conn, &g)
        })
        .await?;
    Ok(common::ok(&resp))
}

fn token_response(t: &crate::store::rows::TokenRow, secret: Option<String>) -> TokenResponse {
    TokenResponse {
        id: t.id,
        description: t.description.clone(),
        created: dates::rest2(Some(t.created)),
        last_used: t.last_used.map(|d| dates::rest2(Some(d))),
        token: secret,
    }
}

fn token_owner(conn: &mut DbConn, me: &CurrentUser, key: &str) -> ApiResult<i64> {
    let u = users::lookup(conn, key)?.ok_or(ApiError::NotFound)?;
    if u.id != me.id() && !me.rights.on_system(Right::AdminUsers) {
        return Err(ApiError::Forbidden);
    }
    if u.id == me.id() && !me.rights.on_system(Right::ManageAuthTokens) && !me.user.privileged {
        return Err(ApiError::Forbidden);
    }
    Ok(u.id)
}

/// Create an API token for a user; the token is shown only in this answer.
#[utoipa::path(post, path = "/REST/2.0/user/{id}/tokens", tag = "users",
    params(("id" = String, Path, description = "User id or name")),
    request_body = TokenRequest,
    responses((status = 201, body = TokenResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/user/{id}/tokens")]
pub async fn create_token(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<TokenRequest>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let description = body.into_inner().description;
    let st = state.clone();
    let resp = state
        .store
        .write(move |conn| -> ApiResult<TokenResponse> {
            let owner = token_owner(conn, &me, &key)?;
            let (row, token) =
                crate::cli::admin::new_token(conn, owner, &description, st.clock.now())?;
            Ok(token_response(&row, Some(token)))
        })
        .await?;
    Ok(common::created(&resp))
}

/// A user's tokens (never their secrets).
#[utoipa::path(get, path = "/REST/2.0/user/{id}/tokens", tag = "users",
    params(("id" = String, Path, description = "User id or name")),
    responses((status = 200, body = Vec<TokenResponse>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/user/{id}/tokens")]
pub async fn list_tokens(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let resp = state
        .store
        .read(move |conn| -> ApiResult<Vec<TokenResponse>> {
            let owner = token_owner(conn, &me, &key)?;
            Ok(tokens::for_owner(conn, owner)?
                .iter()
                .map(|t| token_response(t, None))
                .collect())
        })
        .await?;
    Ok(common::ok(&resp))
}

/// Revoke one of a user's tokens.
#[utoipa::path(delete, path = "/REST/2.0/user/{id}/token/{token_id}", tag = "users",
    params(("id" = String, Path, description = "User id or name"), ("token_id" = i64, Path, description = "Token id")),
    responses((status = 204, description = "Revoked"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/user/{id}/token/{token_id}")]
pub async fn revoke_token(
    state: State,
    me: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (key, tid) = path.into_inner();
    let tid = common::path_id(&tid)?;
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let owner = token_owner(conn, &me, &key)?;
            let t = tokens::by_id(conn, tid)?
                .filter(|t| t.owner_id == owner)
                .ok_or(ApiError::NotFound)?;
            tokens::delete(conn, t.id)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
