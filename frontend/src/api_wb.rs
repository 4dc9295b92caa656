//! Client calls for known issues, contacting users back, hardware compatibility and the
//! WhisperBack dashboard (the `hushdesk-api` `wb` types), over [`crate::api`]'s transport.

use hushdesk_api::wb::{
    DeviceReportList, KnownIssueLinkResponse, KnownIssueList, KnownIssueRequest,
    KnownIssueResponse, TopBugsResponse, TopFailingResponse, WhisperbackDashboard, WorkedResponse,
};
use hushdesk_api::wb_contact::{ContactBackRequest, ContactBackResponse};

use crate::api::{encode, get, send, with_body, ApiError, ApiResult, BASE};

pub async fn known_issues() -> ApiResult<KnownIssueList> {
    get(&format!("{BASE}/known-issues")).await
}

pub async fn create_known_issue(req: &KnownIssueRequest) -> ApiResult<KnownIssueResponse> {
    with_body("POST", &format!("{BASE}/known-issues"), req).await
}

pub async fn update_known_issue(id: i64, req: &KnownIssueRequest) -> ApiResult<KnownIssueResponse> {
    with_body("PUT", &format!("{BASE}/known-issue/{id}"), req).await
}

/// The WhisperBack report a ticket holds (404 when it holds none).
pub async fn ticket_report(ticket: i64) -> ApiResult<hushdesk_api::wb::WhisperbackReportResponse> {
    get(&format!("{BASE}/ticket/{ticket}/whisperback")).await
}

/// Known issues a ticket is linked to.
pub async fn ticket_known_issues(ticket: i64) -> ApiResult<KnownIssueList> {
    get(&format!("{BASE}/ticket/{ticket}/known-issues")).await
}

pub async fn link_ticket(issue: i64, ticket: i64) -> ApiResult<KnownIssueLinkResponse> {
    with_body(
        "PUT",
        &format!("{BASE}/known-issue/{issue}/ticket/{ticket}"),
        &serde_json::json!({}),
    )
    .await
}

pub async fn unlink_ticket(issue: i64, ticket: i64) -> ApiResult<()> {
    send(
        "DELETE",
        &format!("{BASE}/known-issue/{issue}/ticket/{ticket}"),
        None,
    )
    .await
    .map(|_| ())
}

/// Top bugs over all statuses (the page shows fixed ones too).
pub async fn top_bugs() -> ApiResult<TopBugsResponse> {
    get(&format!("{BASE}/known-issues/top?all=true")).await
}

/// `dry_run`: the preview; otherwise the real action (needs `expected_count`).
pub async fn contact_back(
    issue: i64,
    req: &ContactBackRequest,
    dry_run: bool,
) -> ApiResult<ContactBackResponse> {
    let path = if dry_run {
        format!("{BASE}/known-issue/{issue}/contact-back/preview")
    } else {
        format!("{BASE}/known-issue/{issue}/contact-back")
    };
    with_body("POST", &path, req).await
}

pub async fn top_failing() -> ApiResult<TopFailingResponse> {
    get(&format!("{BASE}/hardware/top-failing?limit=50")).await
}

pub async fn worked(kind: &str, key: &str, version: &str) -> ApiResult<WorkedResponse> {
    get(&format!(
        "{BASE}/hardware/worked?kind={}&key={}&version={}",
        encode(kind),
        encode(key),
        encode(version)
    ))
    .await
}

pub async fn device_reports(kind: &str, key: &str) -> ApiResult<DeviceReportList> {
    get(&format!(
        "{BASE}/hardware/reports?kind={}&key={}",
        encode(kind),
        encode(key)
    ))
    .await
}

/// The hardware export for the known-issues documentation (`csv` or `json`).
pub fn export_url(format: &str) -> String {
    format!("{BASE}/hardware/export?format={format}")
}

pub async fn dashboard() -> ApiResult<WhisperbackDashboard> {
    get(&format!("{BASE}/dashboard/whisperback")).await
}

/// A number typed by the user, or a message saying what is expected.
pub fn whole_number(s: &str, what: &str) -> ApiResult<i64> {
    s.trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| ApiError::Rejected(format!("{what} must be a whole number")))
}
