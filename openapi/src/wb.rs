//! WhisperBack reports, known issues ("top bugs") and hardware compatibility: Hushdesk
//! extensions under `/REST/2.0`. Plain JSON with snake_case names (not RT's shapes).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

/// `POST /REST/2.0/whisperback`: what became of an ingested report.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct IngestResponse {
    /// The ticket holding the report.
    pub ticket: i64,
    /// The stored report's row id.
    pub report: i64,
    /// The report id was already ingested: nothing new was stored.
    pub duplicate: bool,
    /// Name of the queue the ticket is in.
    pub queue: String,
    /// ISO 639-1 language detected in the user's text.
    pub language: Option<String>,
    /// WhisperBack report id (hex), from the subject or the body's MIME headers.
    pub report_id: Option<String>,
}

/// Query of `POST /REST/2.0/whisperback`.
#[derive(Debug, Clone, Serialize, Deserialize, IntoParams, ToSchema, Default)]
#[into_params(parameter_in = Query)]
pub struct IngestQuery {
    /// The mail subject (`Bug report: <hex>`) or the bare hex id.
    pub subject: Option<String>,
}

/// A device a report mentions, keyed by identity.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ReportDevice {
    /// `model` (laptop model key), `pci` (vendor:device) or `usb` (vendor:product).
    pub kind: String,
    /// `LENOVO ThinkPad T480`, `8086:3ea0`, `0781:5591`.
    pub key: String,
    /// `machine`, `gpu`, `wifi` or `usb_stick`.
    pub role: String,
    pub name: String,
    pub driver: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct OpenPgpKeyInfo {
    /// `key_id`, `fingerprint`, `url`, `block` or `other`.
    pub kind: String,
    /// The `OpenPGP-Key:` header as typed.
    pub value: String,
    /// The armored public key pasted into the report.
    pub key_block: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct BugSpecificInfo {
    pub app: Option<String>,
    pub summary: Option<String>,
    pub details: Option<String>,
}

/// `GET /REST/2.0/ticket/{id}/whisperback`: a ticket's report facts.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct WhisperbackReportResponse {
    pub id: i64,
    pub ticket: i64,
    pub report_id: Option<String>,
    pub tails_version: Option<String>,
    /// `5.0-5.19`, `5.20-5.22` or `6.x`.
    pub body_format: Option<String>,
    /// The debugging-info section list in use (`5.0` … `5.20`).
    pub debugging_info_era: Option<String>,
    pub language: Option<String>,
    pub contact_email: Option<String>,
    pub openpgp_key: Option<OpenPgpKeyInfo>,
    pub bug_specific: Option<BugSpecificInfo>,
    /// Normalised laptop model key (`vendor model`).
    pub machine_key: Option<String>,
    pub devices: Vec<ReportDevice>,
    /// Boot options the user added (workarounds tried).
    pub boot_added: Vec<String>,
    pub size_bytes: i64,
    /// When the report was ingested (UTC, `YYYY-MM-DD HH:MM:SS`).
    pub created: String,
    /// Every extracted fact, as `hushdesk whisperback parse` prints them.
    #[schema(value_type = Object)]
    pub facts: Value,
}

/// Create or change a known issue; absent fields stay unchanged on update, and an empty
/// string clears `fixed_in` or `tracker_url`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct KnownIssueRequest {
    pub title: Option<String>,
    pub description: Option<String>,
    /// `open`, `fixed` or `wontfix`.
    pub status: Option<String>,
    /// Tails version that fixes it, e.g. `6.10`.
    pub fixed_in: Option<String>,
    /// The developers' issue, e.g. `https://gitlab.tails.boum.org/tails/tails/-/issues/1234`.
    pub tracker_url: Option<String>,
    pub affected_versions: Option<Vec<String>>,
    /// Device roles this issue is about (`machine`, `gpu`, `wifi`, `usb_stick`); a linked
    /// report's devices in these roles count as failing, its other devices as working.
    /// Empty: not a hardware issue. Default: all four.
    pub hardware_roles: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct KnownIssueResponse {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub status: String,
    pub fixed_in: Option<String>,
    pub tracker_url: Option<String>,
    pub affected_versions: Vec<String>,
    pub hardware_roles: Vec<String>,
    /// Linked tickets.
    pub tickets: i64,
    /// Distinct requestors of the linked tickets.
    pub requestors: i64,
    pub created: String,
    pub last_updated: String,
    #[serde(rename = "_url")]
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct KnownIssueList {
    pub total: i64,
    pub items: Vec<KnownIssueResponse>,
}

#[derive(Debug, Clone, Serialize, Deserialize, IntoParams, ToSchema, Default)]
#[into_params(parameter_in = Query)]
pub struct KnownIssueListQuery {
    /// Only issues with this status.
    pub status: Option<String>,
}

/// A ticket linked to a known issue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct LinkedTicket {
    pub ticket: i64,
    pub subject: String,
    pub queue: String,
    pub status: String,
    pub linked_at: String,
    pub report_id: Option<String>,
    pub tails_version: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LinkedTicketList {
    pub known_issue: i64,
    pub items: Vec<LinkedTicket>,
}

/// Window and filters of a top-bugs ranking (dates are `YYYY-MM-DD` or
/// `YYYY-MM-DD HH:MM:SS`, UTC; `to` is exclusive).
#[derive(Debug, Clone, Serialize, Deserialize, IntoParams, ToSchema, Default)]
#[into_params(parameter_in = Query)]
pub struct TopBugsQuery {
    /// Tickets created at or after this time.
    pub from: Option<String>,
    /// Tickets created before this time.
    pub to: Option<String>,
    /// Queue name or id.
    pub queue: Option<String>,
    /// ISO 639-1 code: the report's language, else the queue's.
    pub language: Option<String>,
    /// Also rank fixed and wontfix issues (default: open only).
    pub all: Option<bool>,
    /// At most this many (default 20, at most 500).
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct TopBug {
    pub rank: i64,
    pub id: i64,
    pub title: String,
    pub status: String,
    pub tickets: i64,
    pub requestors: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TopBugsResponse {
    pub from: Option<String>,
    pub to: Option<String>,
    pub queue: Option<String>,
    pub language: Option<String>,
    pub items: Vec<TopBug>,
}

/// Identifies one device.
#[derive(Debug, Clone, Serialize, Deserialize, IntoParams, ToSchema, Default)]
#[into_params(parameter_in = Query)]
pub struct DeviceQuery {
    /// `model`, `pci` or `usb`.
    pub kind: String,
    /// Laptop model key, or `vvvv:dddd`.
    pub key: String,
    /// A Tails version (only for `/hardware/worked`).
    pub version: Option<String>,
}

/// Outcomes of one device on one Tails version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct VersionOutcome {
    pub version: String,
    /// `works`, `fails` or `partial`: the latest supporter mark if any, else from the reports.
    pub outcome: String,
    /// Reports (and marks) saying it works / fails / works with a workaround.
    pub works: i64,
    pub fails: i64,
    pub partial: i64,
    /// The latest supporter mark on this version, if any.
    pub marked: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct DeviceResponse {
    pub kind: String,
    pub key: String,
    pub name: String,
    pub roles: Vec<String>,
    /// Reports that mention the device.
    pub reports: i64,
    /// Newest version first.
    pub versions: Vec<VersionOutcome>,
}

/// `GET /REST/2.0/hardware/worked`: has this hardware worked on version X?
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct WorkedResponse {
    pub kind: String,
    pub key: String,
    pub version: String,
    /// `true`: works (or works with a workaround); `false`: fails; `null`: no evidence.
    pub worked: Option<bool>,
    pub outcome: Option<String>,
    pub works: i64,
    pub fails: i64,
    pub partial: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct DeviceReport {
    pub ticket: i64,
    pub report_id: Option<String>,
    pub tails_version: Option<String>,
    pub role: String,
    pub name: String,
    pub created: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeviceReportList {
    pub kind: String,
    pub key: String,
    pub items: Vec<DeviceReport>,
}

#[derive(Debug, Clone, Serialize, Deserialize, IntoParams, ToSchema, Default)]
#[into_params(parameter_in = Query)]
pub struct TopFailingQuery {
    /// Only outcomes on this Tails version.
    pub version: Option<String>,
    /// Only devices in this role (`machine`, `gpu`, `wifi`, `usb_stick`).
    pub role: Option<String>,
    /// At most this many (default 20, at most 500).
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct FailingDevice {
    pub rank: i64,
    pub kind: String,
    pub key: String,
    pub name: String,
    pub role: String,
    pub fails: i64,
    pub partial: i64,
    pub works: i64,
    /// Distinct Tails versions on which it failed.
    pub versions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TopFailingResponse {
    pub version: Option<String>,
    pub role: Option<String>,
    pub items: Vec<FailingDevice>,
}

/// A supporter's mark: "this device works/fails on that version".
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HardwareMarkRequest {
    pub kind: String,
    pub key: String,
    pub version: String,
    /// `works`, `fails` or `partial`.
    pub outcome: String,
    #[serde(default)]
    pub note: String,
    /// The ticket this knowledge comes from.
    pub ticket: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct HardwareMarkResponse {
    pub id: i64,
    pub kind: String,
    pub key: String,
    pub version: String,
    pub outcome: String,
    pub note: String,
    pub ticket: Option<i64>,
    pub created: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, IntoParams, ToSchema, Default)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `json` (default) or `csv`.
    pub format: Option<String>,
}

/// One line of the hardware export: a device's outcome on one version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct HardwareExportRow {
    pub kind: String,
    pub key: String,
    pub name: String,
    pub roles: String,
    pub version: String,
    pub outcome: String,
    pub works: i64,
    pub fails: i64,
    pub partial: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct VersionTally {
    pub version: String,
    pub reports: i64,
    pub works: i64,
    pub fails: i64,
    pub partial: i64,
}

/// `GET /REST/2.0/dashboard/whisperback`: what the statistics dashboard charts.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WhisperbackDashboard {
    pub top_bugs: TopBugsResponse,
    pub top_failing: Vec<FailingDevice>,
    /// Device outcomes per Tails version (newest first), for a stacked bar chart.
    pub outcomes_by_version: Vec<VersionTally>,
}

/// Result of linking or unlinking a ticket.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct KnownIssueLinkResponse {
    pub known_issue: i64,
    pub ticket: i64,
    /// `false` when the ticket already was (linking) or was not (unlinking) linked.
    pub changed: bool,
}
