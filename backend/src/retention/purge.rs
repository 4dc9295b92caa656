//! One purge run: find what each queue's policy says is due, remove or anonymise it batch by
//! batch, make the files forget it, and write a receipt (policy, counts, time — no content).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::policy::{self, QueuePolicy};
use super::{hooks, Reach, RetentionConfig};
use crate::domain::clock::Clock;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::retention::{implied_by, DataKind, Rule};
use crate::store::retention::{self as rows, NewReceipt, ReceiptRow};
use crate::store::{abuse, DbConn, Store};

/// What a run removed (or, on a dry run, would remove). Numbers only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counts {
    /// Tickets purged per kind of data.
    pub tickets: BTreeMap<String, u64>,
    pub attachments_cleared: u64,
    pub keys_destroyed: u64,
    pub index_entries_removed: u64,
    pub watchers_anonymised: u64,
    pub users_anonymised: u64,
    /// OpenPGP keys of blanked users (their addresses are in the keys' user ids).
    pub openpgp_keys_removed: u64,
    pub transactions_removed: u64,
    pub whisperback_logs_removed: u64,
    pub hardware_facts_removed: u64,
    pub spool_files_removed: u64,
    pub abuse_signals_removed: u64,
}

impl Counts {
    fn add_tickets(&mut self, kind: DataKind, n: u64) {
        *self.tickets.entry(kind.as_str().to_owned()).or_default() += n;
    }
}

/// Who started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Schedule,
    Cli,
    Api,
    Erasure,
}

impl Trigger {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Schedule => "schedule",
            Self::Cli => "cli",
            Self::Api => "api",
            Self::Erasure => "erasure",
        }
    }
}

/// Removes one kind of data from tickets `ids` (merged tickets are added here).
pub fn purge_kind(
    conn: &mut DbConn,
    kind: DataKind,
    ids: &[i64],
    now: NaiveDateTime,
    reach: &Reach,
    counts: &mut Counts,
) -> DomainResult<()> {
    let all = rows::with_merged(conn, ids)?;
    if kind == DataKind::Bodies {
        // First, so the transactions read below include a delivery that was being recorded.
        counts.spool_files_removed += hooks::remove_outgoing_mail(conn, &reach.spool_dir, &all)?;
    }
    let txns = rows::transaction_ids(conn, &all)?;
    match kind {
        DataKind::RequesterIdentity => {
            let anonymous = rows::anonymous_user(conn, now)?;
            let c = rows::purge_identity(conn, &all, &txns, anonymous)?;
            counts.watchers_anonymised += c.watchers;
            counts.users_anonymised += c.users_anonymised;
            counts.openpgp_keys_removed += c.openpgp_keys;
        }
        DataKind::Bodies => {
            let atts = rows::attachment_ids(conn, &txns)?;
            counts.index_entries_removed += hooks::remove_from_search_index(conn, &atts)?;
            hooks::remove_tickets_from_search_index(conn, reach.index.as_ref(), &all)?;
            let c = rows::purge_bodies(conn, &all, &txns)?;
            counts.attachments_cleared += c.attachments;
            counts.keys_destroyed += c.keys;
        }
        DataKind::WhisperbackLogs => {
            counts.whisperback_logs_removed += hooks::purge_whisperback_logs(conn, &all)?;
        }
        DataKind::HardwareFacts => {
            counts.hardware_facts_removed += hooks::purge_hardware_facts(conn, &all)?;
        }
        DataKind::Metadata => {
            for implied in implied_by(kind) {
                purge_kind(conn, *implied, ids, now, reach, counts)?;
                rows::mark(conn, ids, *implied, now)?;
            }
            counts.transactions_removed += rows::purge_metadata(conn, &all, &txns)?;
        }
    }
    Ok(())
}

/// Plans the run: per queue and kind, the rule and how many tickets are due.
fn plan(
    store: &Store,
    policies: &[QueuePolicy],
    now: NaiveDateTime,
) -> DomainResult<Vec<(i64, DataKind, Rule, u64)>> {
    let policies = policies.to_vec();
    store.read_blocking(move |conn| -> DomainResult<_> {
        let mut out = Vec::new();
        // Metadata first: it takes everything else with it, so later kinds find less to do.
        let order = [
            DataKind::Metadata,
            DataKind::RequesterIdentity,
            DataKind::Bodies,
            DataKind::WhisperbackLogs,
            DataKind::HardwareFacts,
        ];
        for qp in &policies {
            for kind in order {
                let rule = qp.rule(kind);
                let n = rows::count_due(conn, qp.queue_id, kind, rule, now)?;
                out.push((qp.queue_id, kind, rule, u64::try_from(n).unwrap_or(0)));
            }
        }
        Ok(out)
    })
}

/// Runs a purge (or a dry run) and records its receipt. `progress(done, total)` is called
/// after every batch, with tickets as the unit.
pub fn run(
    store: &Store,
    config: &RetentionConfig,
    reach: &Reach,
    clock: &dyn Clock,
    trigger: Trigger,
    dry_run: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> DomainResult<ReceiptRow> {
    let started = clock.now();
    let policies =
        store.read_blocking(|conn| -> DomainResult<_> { Ok(policy::all(conn, config)?) })?;
    let planned = plan(store, &policies, started)?;
    let total: u64 = planned.iter().map(|p| p.3).sum();
    let mut counts = Counts::default();
    progress(0, total);
    if dry_run {
        for (_, kind, _, n) in &planned {
            if *n > 0 {
                counts.add_tickets(*kind, *n);
            }
        }
    } else {
        let batch = config.batch_size.max(1);
        let mut done = 0u64;
        for (queue, kind, rule, n) in planned {
            if n == 0 {
                continue;
            }
            loop {
                let (n, mut c) = store.write_blocking(|conn| -> DomainResult<(usize, Counts)> {
                    let mut c = Counts::default();
                    let ids = rows::due(conn, queue, kind, rule, started, batch)?;
                    if !ids.is_empty() {
                        purge_kind(conn, kind, &ids, started, reach, &mut c)?;
                        rows::mark(conn, &ids, kind, started)?;
                    }
                    Ok((ids.len(), c))
                })?;
                if n == 0 {
                    break;
                }
                c.add_tickets(kind, n as u64);
                merge(&mut counts, &c);
                done += n as u64;
                progress(done.min(total), total);
            }
        }
        counts.abuse_signals_removed = store
            .write_blocking(|conn| -> DomainResult<u64> { Ok(abuse::expire(conn, started)?) })?;
        if counts != Counts::default() {
            store.write_blocking(|conn| -> DomainResult<()> {
                Ok(hooks::compact_search_index(conn)?)
            })?;
            store.flush_deleted()?;
        }
    }
    let receipt = write_receipt(
        store,
        trigger,
        dry_run,
        started,
        clock.now(),
        &policies,
        &counts,
    )?;
    if !dry_run {
        // The receipt itself went through the WAL; leave the files as compact as the purge.
        store.flush_deleted()?;
    }
    Ok(receipt)
}

fn merge(into: &mut Counts, c: &Counts) {
    for (k, v) in &c.tickets {
        *into.tickets.entry(k.clone()).or_default() += v;
    }
    into.attachments_cleared += c.attachments_cleared;
    into.keys_destroyed += c.keys_destroyed;
    into.index_entries_removed += c.index_entries_removed;
    into.watchers_anonymised += c.watchers_anonymised;
    into.users_anonymised += c.users_anonymised;
    into.openpgp_keys_removed += c.openpgp_keys_removed;
    into.transactions_removed += c.transactions_removed;
    into.whisperback_logs_removed += c.whisperback_logs_removed;
    into.hardware_facts_removed += c.hardware_facts_removed;
    into.spool_files_removed += c.spool_files_removed;
    into.abuse_signals_removed += c.abuse_signals_removed;
}

pub fn write_receipt(
    store: &Store,
    trigger: Trigger,
    dry_run: bool,
    started: NaiveDateTime,
    finished: NaiveDateTime,
    policies: &[QueuePolicy],
    counts: &Counts,
) -> DomainResult<ReceiptRow> {
    let policy = serde_json::to_string(policies).unwrap_or_else(|_| "[]".into());
    let counts = serde_json::to_string(counts).unwrap_or_else(|_| "{}".into());
    store.write_blocking(move |conn| -> DomainResult<ReceiptRow> {
        let id = rows::insert_receipt(
            conn,
            &NewReceipt {
                trigger: trigger.as_str(),
                dry_run,
                started,
                finished,
                policy: &policy,
                counts: &counts,
            },
        )?;
        rows::receipt(conn, id)?.ok_or_else(|| DomainError::NotFound("receipt".into()))
    })
}
