//! `GET /hushdesk/stats/{kind}`: dashboard numbers, as JSON or CSV.

use std::collections::BTreeMap;

use actix_web::{get, web, HttpResponse};
use chrono::{Duration, NaiveDate};
use hushdesk_api::app::{StatsKind, StatsPoint, StatsQuery, StatsResponse, StatsSeries};
use hushdesk_api::rest2::ErrorBody;

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, State};
use crate::domain::app_stats::{self, Period, TicketFacts};
use crate::domain::lifecycle;
use crate::store::app_views::{self, StatsTicket};

const MAX_DAYS: i64 = 731;

fn parse_kind(s: &str) -> Option<StatsKind> {
    Some(match s {
        "new-tickets" => StatsKind::NewTickets,
        "backlog" => StatsKind::Backlog,
        "first-response" => StatsKind::FirstResponse,
        "resolved" => StatsKind::Resolved,
        _ => return None,
    })
}

fn kind_name(k: StatsKind) -> &'static str {
    match k {
        StatsKind::NewTickets => "new-tickets",
        StatsKind::Backlog => "backlog",
        StatsKind::FirstResponse => "first-response",
        StatsKind::Resolved => "resolved",
    }
}

fn day(s: Option<&str>, what: &str) -> ApiResult<Option<NaiveDate>> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::BadRequest(format!("{what} must be a date YYYY-MM-DD, not {s:?}"))
            }),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    None,
    Queue,
    Language,
}

fn facts(t: &StatsTicket) -> TicketFacts {
    let inactive = lifecycle::is_inactive(&t.status);
    TicketFacts {
        created: t.created,
        closed: inactive.then(|| t.resolved.unwrap_or(t.created)),
        resolved: (t.status == "resolved").then_some(t.resolved).flatten(),
        first_response: t.first_response,
    }
}

fn points(v: Vec<(NaiveDate, i64)>) -> Vec<StatsPoint> {
    v.into_iter()
        .map(|(d, value)| StatsPoint {
            label: d.format("%Y-%m-%d").to_string(),
            value,
        })
        .collect()
}

/// The body of the CSV variant: `series,label,value`.
pub fn to_csv(r: &StatsResponse) -> ApiResult<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| ApiError::Internal(e.to_string());
    w.write_record(["series", "label", "value"]).map_err(err)?;
    for s in &r.series {
        for p in &s.points {
            w.write_record([s.name.as_str(), p.label.as_str(), &p.value.to_string()])
                .map_err(err)?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ApiError::Internal(e.to_string()))
}

/// New tickets per day/week, backlog (open at the end of each day), first-response time
/// distribution (buckets `<1h`, `1-4h`, `4-24h`, `1-3d`, `3-7d`, `>7d`, `no reply`) or
/// resolved per week/day; for all visible queues, one queue or one language, optionally one
/// series per queue or language. `format=csv` answers `text/csv` (`series,label,value`).
#[utoipa::path(get, path = "/REST/2.0/hushdesk/stats/{kind}", tag = "app",
    params(("kind" = StatsKind, Path, description = "new-tickets, backlog, first-response or resolved"), StatsQuery),
    responses((status = 200, body = StatsResponse,
               description = "The series (or text/csv with `format=csv`)"),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/hushdesk/stats/{kind}")]
pub async fn get_stats(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    q: web::Query<StatsQuery>,
) -> ApiResult<HttpResponse> {
    let kind = parse_kind(&path).ok_or(ApiError::NotFound)?;
    let q = q.into_inner();
    let today = state.clock.now().date();
    let to = day(q.to.as_deref(), "to")?.unwrap_or(today);
    let from = day(q.from.as_deref(), "from")?.unwrap_or(to - Duration::days(29));
    if from > to {
        return Err(ApiError::BadRequest("from must not be after to".into()));
    }
    if (to - from).num_days() > MAX_DAYS {
        return Err(ApiError::BadRequest(format!(
            "at most {MAX_DAYS} days at once"
        )));
    }
    let default_period = if kind == StatsKind::Resolved {
        "week"
    } else {
        "day"
    };
    let period_s = q.period.as_deref().unwrap_or(default_period);
    let period = Period::parse(period_s)
        .ok_or_else(|| ApiError::BadRequest("period must be day or week".into()))?;
    let group = match q.group.as_deref().unwrap_or("none") {
        "none" | "" => Group::None,
        "queue" => Group::Queue,
        "language" => Group::Language,
        g => {
            return Err(ApiError::BadRequest(format!(
                "group must be none, queue or language, not {g:?}"
            )))
        }
    };
    let csv = match q.format.as_deref().unwrap_or("json") {
        "json" => false,
        "csv" => true,
        f => {
            return Err(ApiError::BadRequest(format!(
                "format must be json or csv, not {f:?}"
            )))
        }
    };
    let lang = shared::language(q.language.as_deref())?;
    let until = (to + Duration::days(1)).and_time(chrono::NaiveTime::MIN);
    let (qs, rows) = state
        .store
        .read(move |conn| -> ApiResult<_> {
            let qs = app_views::visible_queues(conn, &me.rights, q.queue, lang.as_deref())?;
            let ids: Vec<i64> = qs.iter().map(|q| q.id).collect();
            let rows = app_views::stats_tickets(conn, &ids, until)?;
            Ok((qs, rows))
        })
        .await?;
    let mut groups: BTreeMap<String, Vec<TicketFacts>> = BTreeMap::new();
    match group {
        Group::None => {
            groups.insert("all".into(), vec![]);
        }
        Group::Queue => {
            for q in &qs {
                groups.insert(q.name.clone(), vec![]);
            }
        }
        Group::Language => {
            for q in &qs {
                groups.insert(q.language.clone(), vec![]);
            }
        }
    }
    for t in &rows {
        let key = match group {
            Group::None => Some("all".to_owned()),
            Group::Queue => qs
                .iter()
                .find(|q| q.id == t.queue_id)
                .map(|q| q.name.clone()),
            Group::Language => qs
                .iter()
                .find(|q| q.id == t.queue_id)
                .map(|q| q.language.clone()),
        };
        if let Some(k) = key {
            groups.entry(k).or_default().push(facts(t));
        }
    }
    let series = groups
        .into_iter()
        .map(|(name, items)| StatsSeries {
            points: match kind {
                StatsKind::NewTickets => points(app_stats::new_tickets(&items, from, to, period)),
                StatsKind::Resolved => points(app_stats::resolved(&items, from, to, period)),
                StatsKind::Backlog => points(app_stats::backlog(&items, from, to)),
                StatsKind::FirstResponse => app_stats::first_response(&items, from, to)
                    .into_iter()
                    .map(|(label, value)| StatsPoint { label, value })
                    .collect(),
            },
            name,
        })
        .collect();
    let body = StatsResponse {
        kind,
        from: from.format("%Y-%m-%d").to_string(),
        to: to.format("%Y-%m-%d").to_string(),
        period: match kind {
            StatsKind::FirstResponse => "bucket".into(),
            StatsKind::Backlog => "day".into(),
            _ => period.as_str().into(),
        },
        series,
    };
    if csv {
        Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"{}.csv\"", kind_name(kind)),
            ))
            .body(to_csv(&body)?))
    } else {
        Ok(common::ok(&body))
    }
}
