//! Retention under REST 2.0: queue policies, purge runs, receipts, erasure, abuse marks.

pub mod erase_requester;
pub mod get_queue_policy;
pub mod get_receipt;
pub mod list_policies;
pub mod list_receipts;
pub mod mark_abusive;
pub mod run_purge;
pub mod set_queue_policy;

use hushdesk_api::retention::{PurgeCounts, QueueRetentionPolicy, RetentionReceipt, RetentionRule};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::dates;
use crate::domain::rights::Right;
use crate::retention::policy::QueuePolicy;
use crate::retention::purge::Counts;
use crate::store::retention::ReceiptRow;

/// Purges, receipts and erasure are for administrators of the whole desk.
fn require_super(me: &CurrentUser) -> ApiResult<()> {
    if me.rights.on_system(Right::SuperUser) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

fn policy_response(p: &QueuePolicy) -> QueueRetentionPolicy {
    QueueRetentionPolicy {
        queue_id: p.queue_id,
        queue: p.queue.clone(),
        rules: p
            .rules
            .iter()
            .map(|r| RetentionRule {
                kind: r.kind.as_str().into(),
                max_age_days: r.rule.max_age_days,
                counted_from: r.rule.counted_from.as_str().into(),
                source: Some(r.source.as_str().into()),
            })
            .collect(),
    }
}

fn counts_response(c: Counts) -> PurgeCounts {
    PurgeCounts {
        tickets: c.tickets,
        attachments_cleared: c.attachments_cleared,
        keys_destroyed: c.keys_destroyed,
        index_entries_removed: c.index_entries_removed,
        watchers_anonymised: c.watchers_anonymised,
        users_anonymised: c.users_anonymised,
        openpgp_keys_removed: c.openpgp_keys_removed,
        transactions_removed: c.transactions_removed,
        whisperback_logs_removed: c.whisperback_logs_removed,
        hardware_facts_removed: c.hardware_facts_removed,
        spool_files_removed: c.spool_files_removed,
        abuse_signals_removed: c.abuse_signals_removed,
    }
}

/// Receipts store their policy and counts as JSON written by this server.
fn receipt_response(r: &ReceiptRow) -> RetentionReceipt {
    RetentionReceipt {
        id: r.id,
        trigger: r.trigger.clone(),
        dry_run: r.dry_run,
        started: dates::rest2(Some(r.started)),
        finished: dates::rest2(Some(r.finished)),
        policy: serde_json::from_str::<Vec<QueuePolicy>>(&r.policy)
            .map(|v| v.iter().map(policy_response).collect())
            .unwrap_or_default(),
        counts: counts_response(serde_json::from_str(&r.counts).unwrap_or_default()),
    }
}
