//! Types of the supporters' app extensions under `/REST/2.0/hushdesk/…`: queue sidebar,
//! ticket views, shift handover, template answers, statistics and the ticket page.
//!
//! Times are RFC 3339 strings in UTC (`2026-11-24T18:00:00Z`); ids are numbers.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::rest2::CustomFieldValues;

/// A user as the app shows them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct PersonRef {
    pub id: i64,
    /// Login name (an address for requestors created from mail).
    pub name: String,
    pub real_name: String,
    pub email: Option<String>,
    pub privileged: bool,
}

/// Rights of the logged-in user on one queue (names of RT rights).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct QueueRights {
    pub queue_id: i64,
    pub queue: String,
    pub rights: Vec<String>,
}

/// `GET /REST/2.0/hushdesk/me`: who is logged in, with a summary of what they may do.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct MeResponse {
    pub id: i64,
    pub name: String,
    pub real_name: String,
    pub email: Option<String>,
    pub privileged: bool,
    pub superuser: bool,
    /// May create, edit and delete template answers.
    pub manage_answers: bool,
    /// Rights held system-wide.
    pub system_rights: Vec<String>,
    /// Rights per visible queue (system-wide rights included).
    pub queues: Vec<QueueRights>,
}

/// One queue in the sidebar.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct QueueCounts {
    pub id: i64,
    pub name: String,
    /// ISO 639-1 code.
    pub language: String,
    /// Status `new`.
    pub new: i64,
    /// Waiting for a supporter: last correspondence came from a requestor, not yet resolved.
    pub needs_answer: i64,
    /// Status `open`.
    pub open: i64,
}

/// `GET /REST/2.0/hushdesk/sidebar`: every queue the caller may see, with counts.
/// Meant to be polled (the app polls every 30 s; the query is one grouped count).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct SidebarResponse {
    pub queues: Vec<QueueCounts>,
    /// Server time of the counts.
    pub generated_at: String,
    /// Suggested polling interval.
    pub poll_seconds: i64,
}

/// A row of a ticket view.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct TicketSummary {
    pub id: i64,
    pub subject: String,
    pub status: String,
    pub queue_id: i64,
    pub queue: String,
    pub language: String,
    /// `None` when nobody owns the ticket.
    pub owner: Option<PersonRef>,
    /// First requestor, if any.
    pub requestor: Option<PersonRef>,
    pub created: String,
    pub last_updated: String,
    pub needs_answer: bool,
    /// When the requestor's unanswered message came in (if `needs_answer`).
    pub waiting_since: Option<String>,
    /// Seconds since `waiting_since` (if `needs_answer`).
    pub age_seconds: Option<i64>,
    /// The first requestor is flagged for abuse (score at or over the threshold).
    #[serde(default)]
    pub abuse_flag: bool,
}

/// The views of the app.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ViewName {
    /// Last correspondence came from a requestor; oldest first.
    NeedsAnswer,
    /// Active tickets owned by the caller; oldest update first.
    Mine,
    /// Active tickets owned by nobody; oldest first.
    Unowned,
    /// TicketSQL (`query`) or plain text (`text`, matched against subject and content).
    Search,
}

/// Query of `GET /REST/2.0/hushdesk/view/{view}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, IntoParams, Default, PartialEq)]
#[into_params(parameter_in = Query)]
pub struct ViewQuery {
    /// Restrict to one queue (id).
    pub queue: Option<i64>,
    /// Restrict to queues of one language.
    pub language: Option<String>,
    /// 1-based page (default 1).
    pub page: Option<i64>,
    /// Rows per page (default 50, at most 200).
    pub per_page: Option<i64>,
    /// `search` view: a TicketSQL query.
    pub query: Option<String>,
    /// `search` view: plain text.
    pub text: Option<String>,
}

/// A page of a view.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ViewPage {
    pub view: ViewName,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
    pub pages: i64,
    pub items: Vec<TicketSummary>,
}

/// `GET /REST/2.0/hushdesk/view-counts`: how many tickets each view holds.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ViewCounts {
    pub needs_answer: i64,
    pub mine: i64,
    pub unowned: i64,
}

/// Query of `GET /REST/2.0/hushdesk/handover`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, IntoParams, Default, PartialEq)]
#[into_params(parameter_in = Query)]
pub struct HandoverQuery {
    /// Start of the period (RFC 3339 or `YYYY-MM-DD HH:MM:SS`, UTC). Default: 8 hours ago.
    pub since: Option<String>,
    pub queue: Option<i64>,
    pub language: Option<String>,
}

/// What one supporter did since the chosen time.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct SupporterActivity {
    pub supporter: PersonRef,
    /// Correspond transactions (replies sent).
    pub replies: i64,
    /// Tickets they set to resolved.
    pub resolved: i64,
    pub comments: i64,
}

/// `GET /REST/2.0/hushdesk/handover`: "since last shift".
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct HandoverResponse {
    pub since: String,
    pub until: String,
    pub replies: i64,
    pub resolved: i64,
    pub new_tickets: i64,
    pub per_supporter: Vec<SupporterActivity>,
    /// Tickets created since then that nobody answered yet (oldest first, at most 200).
    pub unanswered_new: Vec<TicketSummary>,
}

/// A template answer (in the spirit of RT Articles).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct Answer {
    pub id: i64,
    pub title: String,
    /// Text with variables: `{{requester_name}}`, `{{ticket_id}}`, `{{queue}}`,
    /// `{{supporter_name}}`, `{{subject}}`.
    pub body: String,
    /// ISO 639-1 code.
    pub language: String,
    pub category: String,
    pub usage_count: i64,
    pub created: String,
    pub last_updated: String,
}

/// `POST /REST/2.0/hushdesk/answers` and `PUT /REST/2.0/hushdesk/answers/{id}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default, PartialEq)]
pub struct AnswerRequest {
    pub title: String,
    pub body: String,
    pub language: String,
    #[serde(default)]
    pub category: String,
}

/// Query of `GET /REST/2.0/hushdesk/answers`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, IntoParams, Default, PartialEq)]
#[into_params(parameter_in = Query)]
pub struct AnswerQuery {
    /// Words matched against title and body (case-insensitive).
    pub q: Option<String>,
    pub language: Option<String>,
    pub category: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// A page of template answers (most used first, then by title).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct AnswerList {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
    pub items: Vec<Answer>,
}

/// `POST /REST/2.0/hushdesk/answers/{id}/render`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default, PartialEq)]
pub struct RenderAnswerRequest {
    /// Ticket whose values fill the variables.
    pub ticket: i64,
    /// `true` when the text goes into a reply: counts one use.
    #[serde(default, rename = "use")]
    pub use_it: bool,
}

/// The answer with its variables filled for a ticket.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct RenderedAnswer {
    pub answer_id: i64,
    pub ticket: i64,
    pub body: String,
    /// Variables in the body that are not known (left as written).
    pub unknown_variables: Vec<String>,
    pub usage_count: i64,
}

/// Which statistic.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum StatsKind {
    /// Tickets created per day or week.
    NewTickets,
    /// Active tickets (not resolved, rejected or deleted) at the end of each day.
    Backlog,
    /// Time from creation to the first reply, in buckets.
    FirstResponse,
    /// Tickets resolved per week (or day).
    Resolved,
}

/// Query of `GET /REST/2.0/hushdesk/stats/{kind}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, IntoParams, Default, PartialEq)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day (YYYY-MM-DD, UTC). Default: 30 days before `to`.
    pub from: Option<String>,
    /// Last day, included (YYYY-MM-DD). Default: today.
    pub to: Option<String>,
    /// `day` or `week` (weeks start on Monday). Default: `day`, `week` for `resolved`.
    pub period: Option<String>,
    pub queue: Option<i64>,
    pub language: Option<String>,
    /// `queue`, `language` or `none` (default): one series per queue/language or one in all.
    pub group: Option<String>,
    /// `json` (default) or `csv` (text/csv: `series,label,value`).
    pub format: Option<String>,
}

/// One point of a series: a day (`2026-11-24`), a week's Monday, or a bucket (`<1h`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct StatsPoint {
    pub label: String,
    pub value: i64,
}

/// One series: all queues together (`all`), one queue (its name) or one language (its code).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct StatsSeries {
    pub name: String,
    pub points: Vec<StatsPoint>,
}

/// `GET /REST/2.0/hushdesk/stats/{kind}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct StatsResponse {
    pub kind: StatsKind,
    pub from: String,
    pub to: String,
    /// `day`, `week` or `bucket`.
    pub period: String,
    pub series: Vec<StatsSeries>,
}

/// How a message was protected. Incoming mail: as decrypted and verified on arrival;
/// outgoing mail (EmailRecord): as sent.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct OpenPgpStatus {
    /// Arrived encrypted (whether or not it could be decrypted), or was sent encrypted.
    pub encrypted: bool,
    /// Incoming: `none`, `good`, `bad`, `unknown-key`, `expired-key`, `revoked-key`;
    /// outgoing: `sent-signed` or `none`.
    pub signature: String,
    /// Signer's fingerprint (or the issuer's key id when the key is unknown).
    pub signer: Option<String>,
    /// Arrived encrypted and no queue key could open it: stored as received.
    #[serde(default)]
    pub undecryptable: bool,
}

/// One attachment's description.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct AttachmentMeta {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    /// Download URL (`/REST/2.0/hushdesk/attachment/{id}/content`).
    pub download_url: String,
}

/// One history entry with its message, ready to show.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct HistoryEntry {
    pub id: i64,
    /// RT's transaction type: Create, Correspond, Comment, Status, Set, SetWatcher,
    /// AddLink, DeleteLink, AddWatcher, DelWatcher, CustomField, EmailRecord, CommentEmailRecord, …
    #[serde(rename = "type")]
    pub kind: String,
    pub created: String,
    pub creator: PersonRef,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// One line, as RT describes the change ("Status changed from 'new' to 'open'").
    pub description: String,
    /// Plain text of the message (text/plain part, else the HTML part's text).
    pub text: Option<String>,
    /// The HTML part, sanitized (ammonia) — safe to insert as HTML.
    pub html: Option<String>,
    /// Files (non-body parts).
    pub attachments: Vec<AttachmentMeta>,
    /// `None` for messages that did not come or go by mail (web replies, changes).
    pub openpgp: Option<OpenPgpStatus>,
}

/// A link of the ticket to another ticket or URI.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct LinkEntry {
    /// RefersTo, ReferredToBy, MemberOf, Members, DependsOn, DependedOnBy.
    #[serde(rename = "type")]
    pub kind: String,
    /// Local ticket id, when the other end is a ticket here.
    pub ticket: Option<i64>,
    pub uri: String,
    pub subject: Option<String>,
    pub status: Option<String>,
}

/// A requestor (or Cc) with what the desk knows of them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct RequesterDetails {
    pub person: PersonRef,
    pub organization: String,
    pub lang: String,
    /// Other tickets they requested (count, this one excluded).
    pub other_tickets: i64,
}

/// `GET /REST/2.0/hushdesk/ticket/{id}`: everything the ticket page shows, in one call.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct TicketPage {
    pub ticket: TicketSummary,
    pub priority: i64,
    pub resolved: Option<String>,
    pub requestors: Vec<RequesterDetails>,
    pub cc: Vec<PersonRef>,
    pub admin_cc: Vec<PersonRef>,
    pub links: Vec<LinkEntry>,
    /// Tickets merged into this one.
    pub merged: Vec<i64>,
    pub custom_fields: Vec<CustomFieldValues>,
    /// Oldest first. Comments are left out when the caller may not see them.
    pub history: Vec<HistoryEntry>,
    /// What the caller may do here (RT right names: ReplyToTicket, CommentOnTicket,
    /// ModifyTicket, OwnTicket, TakeTicket, StealTicket).
    pub can: Vec<String>,
}
