//! Queues: one per language and team.

use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use hushdesk_api::rest2::{Collection, ErrorBody, QueueRequest, QueueResponse, RecordRef};
use serde_json::Value;

use super::body;
use super::common::{self, State};
use super::render::{self, FieldSpec, Lookup};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::ids::UserId;
use crate::domain::rights::Right;
use crate::store::queues::{self, QueueChanges, QueueInput};

fn see(me: &CurrentUser, queue: i64) -> bool {
    me.rights.on_queue(queue, Right::SeeQueue) || me.rights.on_queue(queue, Right::AdminQueue)
}

/// Show a queue by id or name.
#[utoipa::path(get, path = "/REST/2.0/queue/{id}", tag = "queues",
    params(("id" = String, Path, description = "Queue id or name")),
    responses((status = 200, body = QueueResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/queue/{id}")]
pub async fn get_queue(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let st = state.clone();
    let v = state
        .store
        .read(move |conn| -> ApiResult<Value> {
            let q = queues::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            if !see(&me, q.id) {
                return Err(ApiError::Forbidden);
            }
            let mut lk = Lookup::new(conn);
            render::to_value(render::queue(&st, &mut lk, &q)?)
        })
        .await?;
    Ok(common::ok(&v))
}

/// Every queue the caller can see (`find_disabled_rows=1` includes disabled ones).
#[utoipa::path(get, path = "/REST/2.0/queues/all", tag = "queues",
    params(("find_disabled_rows" = Option<i64>, Query, description = "1 to include disabled queues"),
           ("fields" = Option<String>, Query, description = "Comma-separated queue fields to include")),
    responses((status = 200, body = Collection)))]
#[get("/queues/all")]
pub async fn list_queues(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let pairs = body::query_pairs(&req)?;
    let (page, per_page) = common::paging(&pairs);
    let spec = FieldSpec::from_pairs(&pairs);
    let disabled = common::param(&pairs, "find_disabled_rows").is_some_and(|v| v.trim() == "1");
    let st = state.clone();
    let coll = state
        .store
        .read(move |conn| -> ApiResult<Collection> {
            let visible: Option<Vec<i64>> = if me.rights.superuser {
                None
            } else {
                Some(
                    queues::all(conn)?
                        .into_iter()
                        .filter(|q| see(&me, q.id))
                        .map(|q| q.id)
                        .collect(),
                )
            };
            let (rows, total) = queues::list(
                conn,
                (page - 1) * per_page,
                per_page,
                disabled,
                visible.as_deref(),
            )?;
            let mut lk = Lookup::new(conn);
            let items = render::items(
                &st,
                &mut lk,
                &rows,
                "queue",
                &spec,
                |q| q.id,
                |s, lk, q| render::to_value(render::queue(s, lk, q)?),
            )?;
            Ok(common::collection(
                &st,
                "queues/all",
                items,
                page,
                per_page,
                Some(total),
                "",
            ))
        })
        .await?;
    Ok(common::ok(&coll))
}

fn changes(m: &serde_json::Map<String, Value>) -> ApiResult<QueueChanges> {
    const KNOWN: &[&str] = &[
        "Name",
        "Description",
        "CorrespondAddress",
        "CommentAddress",
        "Language",
        "Lifecycle",
        "SortOrder",
        "SLADisabled",
        "Disabled",
    ];
    if let Some(k) = m.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(ApiError::BadRequest(format!("Unknown field: {k}")));
    }
    let t = |k: &str| m.get(k).and_then(common::text);
    Ok(QueueChanges {
        name: t("Name"),
        description: t("Description"),
        correspond_address: t("CorrespondAddress"),
        comment_address: t("CommentAddress"),
        language: t("Language"),
        lifecycle: t("Lifecycle"),
        sort_order: m
            .get("SortOrder")
            .map(|v| common::int(v, "SortOrder"))
            .transpose()?,
        sla_disabled: m
            .get("SLADisabled")
            .map(|v| common::flag(v, "SLADisabled"))
            .transpose()?,
        disabled: m
            .get("Disabled")
            .map(|v| common::flag(v, "Disabled"))
            .transpose()?,
    })
}

/// Create a queue (needs AdminQueue).
#[utoipa::path(post, path = "/REST/2.0/queue", tag = "queues",
    request_body = QueueRequest,
    responses((status = 201, body = RecordRef), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[post("/queue")]
pub async fn create_queue(
    state: State,
    me: CurrentUser,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    if !me.rights.on_system(Right::AdminQueue) {
        return Err(ApiError::Forbidden);
    }
    let b = body::read(&req, payload, &state).await?;
    let ch = changes(&body::object(b.json)?)?;
    let input = QueueInput {
        name: ch
            .name
            .clone()
            .ok_or_else(|| ApiError::BadRequest("Name is required".into()))?,
        description: ch.description.unwrap_or_default(),
        correspond_address: ch.correspond_address.unwrap_or_default(),
        comment_address: ch.comment_address.unwrap_or_default(),
        language: ch.language.unwrap_or_default(),
        lifecycle: ch.lifecycle,
        sort_order: ch.sort_order.unwrap_or(0),
        sla_disabled: ch.sla_disabled,
        disabled: ch.disabled.unwrap_or(false),
    };
    let st = state.clone();
    let id = state
        .store
        .write(move |conn| -> ApiResult<i64> {
            let id = queues::create(conn, &input, UserId(me.id()), st.clock.now()).map_err(
                |e| match e {
                    crate::domain::error::DomainError::Conflict(m) => ApiError::BadRequest(m),
                    other => other.into(),
                },
            )?;
            Ok(id)
        })
        .await?;
    Ok(common::created(&render::reference(&state, "queue", id)))
}

/// Change a queue's fields; answers RT's messages.
#[utoipa::path(put, path = "/REST/2.0/queue/{id}", tag = "queues",
    params(("id" = String, Path, description = "Queue id or name")),
    request_body = QueueRequest,
    responses((status = 200, body = Vec<String>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[put("/queue/{id}")]
pub async fn update_queue(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let b = body::read(&req, payload, &state).await?;
    let ch = changes(&body::object(b.json)?)?;
    let st = state.clone();
    let msgs = state
        .store
        .write(move |conn| -> ApiResult<Vec<String>> {
            let q = queues::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            if !me.rights.on_queue(q.id, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            queues::update(conn, &q, &ch, UserId(me.id()), st.clock.now()).map_err(|e| match e {
                crate::domain::error::DomainError::Conflict(m) => ApiError::BadRequest(m),
                other => other.into(),
            })
        })
        .await?;
    Ok(common::ok(&msgs))
}

/// Disable a queue (RT keeps the record).
#[utoipa::path(delete, path = "/REST/2.0/queue/{id}", tag = "queues",
    params(("id" = String, Path, description = "Queue id or name")),
    responses((status = 204, description = "Disabled"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/queue/{id}")]
pub async fn disable_queue(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let key = path.into_inner();
    let st = state.clone();
    state
        .store
        .write(move |conn| -> ApiResult<()> {
            let q = queues::lookup(conn, &key)?.ok_or(ApiError::NotFound)?;
            if !me.rights.on_queue(q.id, Right::AdminQueue) {
                return Err(ApiError::Forbidden);
            }
            let ch = QueueChanges {
                disabled: Some(true),
                ..QueueChanges::default()
            };
            queues::update(conn, &q, &ch, UserId(me.id()), st.clock.now())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
