//! Known issues: CRUD, tickets linked to them, and the top-bugs ranking.

pub mod contact_back;
pub mod create;
pub mod delete;
pub mod link;
pub mod list;
pub mod of_ticket;
pub mod show;
pub mod tickets;
pub mod top_bugs;
pub mod unlink;
pub mod update;

use hushdesk_api::wb::{KnownIssueRequest, KnownIssueResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::AppState;
use crate::domain::dates;
use crate::domain::known_issues as rules;
use crate::domain::known_issues::IssueCount;
use crate::domain::rights::Right;
use crate::store::known_issues::{KnownIssueChanges, KnownIssueRow, LinkFilter};
use crate::store::DbConn;
use crate::whisperback::compat;

/// Known issues are the supporters' tool: privileged users only.
pub fn require_privileged(me: &CurrentUser) -> ApiResult<()> {
    if me.user.privileged || me.rights.superuser {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Counts only over the tickets the reader may see.
pub fn visible_filter(me: &CurrentUser) -> LinkFilter {
    LinkFilter {
        visible_queues: me.rights.queues_with(Right::ShowTicket),
        ..LinkFilter::default()
    }
}

pub fn response(
    state: &AppState,
    row: KnownIssueRow,
    c: Option<&IssueCount>,
) -> KnownIssueResponse {
    let len = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    KnownIssueResponse {
        url: state.url(&format!("known-issue/{}", row.id)),
        affected_versions: row.affected(),
        hardware_roles: row.roles(),
        id: row.id,
        title: row.title,
        description: row.description,
        status: row.status,
        fixed_in: row.fixed_in,
        tracker_url: row.tracker_url,
        tickets: c.map_or(0, |c| len(c.tickets.len())),
        requestors: c.map_or(0, |c| len(c.requestors.len())),
        created: dates::rest2(Some(row.created)),
        last_updated: dates::rest2(Some(row.last_updated)),
    }
}

/// One issue with its counts, as the reader may see them.
pub fn load_one(
    conn: &mut DbConn,
    state: &AppState,
    me: &CurrentUser,
    id: i64,
) -> ApiResult<KnownIssueResponse> {
    let row = crate::store::known_issues::get(conn, id)?.ok_or(ApiError::NotFound)?;
    let filter = LinkFilter {
        issues: Some(vec![id]),
        ..visible_filter(me)
    };
    let counts = compat::issue_counts(conn, &filter, None)?;
    Ok(response(state, row, counts.get(&id)))
}

fn tracker_url(s: &str) -> ApiResult<Option<String>> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let ok =
        s.len() <= 2000 && url::Url::parse(s).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    if ok {
        Ok(Some(s.to_owned()))
    } else {
        Err(ApiError::BadRequest(format!(
            "Invalid tracker_url '{s}': expected an http(s) URL"
        )))
    }
}

/// Validates a request into column changes (absent fields stay as they are).
pub fn changes(req: &KnownIssueRequest) -> ApiResult<KnownIssueChanges> {
    let mut c = KnownIssueChanges::default();
    if let Some(t) = &req.title {
        c.title = Some(rules::title(t)?);
    }
    if let Some(d) = &req.description {
        c.description = Some(d.clone());
    }
    if let Some(s) = &req.status {
        c.status = Some(rules::status(s)?);
    }
    if let Some(v) = &req.fixed_in {
        c.fixed_in = Some(if v.trim().is_empty() {
            None
        } else {
            Some(rules::version(v)?)
        });
    }
    if let Some(u) = &req.tracker_url {
        c.tracker_url = Some(tracker_url(u)?);
    }
    if let Some(v) = &req.affected_versions {
        c.affected_versions = Some(rules::versions(v)?.join(","));
    }
    if let Some(r) = &req.hardware_roles {
        c.hardware_roles = Some(rules::roles(r)?.join(","));
    }
    Ok(c)
}
