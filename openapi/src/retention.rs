//! Retention policies, purge runs and their receipts, erasure on request, abuse marks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How long one kind of data lives in a queue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct RetentionRule {
    /// `requester_identity`, `bodies` (message bodies and attachments), `whisperback_logs`,
    /// `hardware_facts` or `metadata` (everything but queue, status, type and dates).
    pub kind: String,
    /// Days after the reference time; `null` keeps the data forever.
    pub max_age_days: Option<u32>,
    /// `resolution` (inactive tickets, from their resolution) or `last_activity`.
    #[serde(default = "resolution")]
    pub counted_from: String,
    /// Where the rule comes from: `api`, `config` or `default` (ignored on input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn resolution() -> String {
    "resolution".into()
}

/// `GET /REST/2.0/queue/{id}/retention`: a queue's effective policy.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QueueRetentionPolicy {
    pub queue_id: i64,
    pub queue: String,
    pub rules: Vec<RetentionRule>,
}

/// `PUT /REST/2.0/queue/{id}/retention`: rules to store for some kinds; a rule with
/// `"reset": true` drops the stored rule so the configuration applies again.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SetRetentionRequest {
    pub rules: Vec<SetRetentionRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SetRetentionRule {
    pub kind: String,
    #[serde(default)]
    pub max_age_days: Option<u32>,
    #[serde(default = "resolution")]
    pub counted_from: String,
    #[serde(default)]
    pub reset: bool,
}

/// `GET /REST/2.0/retention/policies`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RetentionPolicies {
    pub queues: Vec<QueueRetentionPolicy>,
}

/// `POST /REST/2.0/retention/run`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct RunRetentionRequest {
    /// Count what is due without removing anything.
    #[serde(default)]
    pub dry_run: bool,
}

/// What a run removed (a dry run: would remove). Numbers only.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(default)]
pub struct PurgeCounts {
    /// Tickets purged per kind of data.
    pub tickets: BTreeMap<String, u64>,
    pub attachments_cleared: u64,
    pub keys_destroyed: u64,
    pub index_entries_removed: u64,
    pub watchers_anonymised: u64,
    pub users_anonymised: u64,
    /// OpenPGP keys of blanked users, whose user ids name them.
    pub openpgp_keys_removed: u64,
    pub transactions_removed: u64,
    pub whisperback_logs_removed: u64,
    pub hardware_facts_removed: u64,
    pub spool_files_removed: u64,
    pub abuse_signals_removed: u64,
}

/// A receipt: which policy ran, when, and how much it removed. Never content or addresses.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RetentionReceipt {
    pub id: i64,
    /// `schedule`, `cli`, `api` or `erasure`.
    pub trigger: String,
    pub dry_run: bool,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub started: String,
    pub finished: String,
    pub policy: Vec<QueueRetentionPolicy>,
    pub counts: PurgeCounts,
}

/// `GET /REST/2.0/retention/receipts`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RetentionReceipts {
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub items: Vec<RetentionReceipt>,
}

/// `POST /REST/2.0/retention/erase`: erase everything about one requester.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EraseRequest {
    pub email: String,
}

/// `POST /REST/2.0/ticket/{id}/abusive`: a supporter marks the ticket's requestors abusive.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AbuseMarkResponse {
    /// Requestors marked.
    pub marked: u32,
    /// Whether the ticket is now flagged.
    pub flagged: bool,
}
