//! `hushdesk retention …` and `hushdesk erase`: the purge and erasure from the command line.

use indicatif::{ProgressBar, ProgressStyle};

use super::RetentionCommand;
use crate::config::Config;
use crate::domain::clock::Clock;
use crate::domain::error::DomainResult;
use crate::retention::purge::{self, Trigger};
use crate::retention::{erase, policy, Reach};
use crate::store::retention::{self as rows, ReceiptRow};
use crate::store::Store;

fn receipt_line(r: &ReceiptRow) -> String {
    let counts: serde_json::Value = serde_json::from_str(&r.counts).unwrap_or_default();
    serde_json::json!({
        "id": r.id,
        "trigger": r.trigger,
        "dry_run": r.dry_run,
        "started": r.started.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "finished": r.finished.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "counts": counts,
    })
    .to_string()
}

pub fn run(
    store: &Store,
    config: &Config,
    clock: &dyn Clock,
    action: RetentionCommand,
) -> DomainResult<String> {
    match action {
        RetentionCommand::Run { dry_run } => {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} purging [{bar:40}] {pos}/{len} tickets ({eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            let r = purge::run(
                store,
                &config.retention,
                &Reach::from_config(config),
                clock,
                Trigger::Cli,
                dry_run,
                &mut |done, total| {
                    bar.set_length(total);
                    bar.set_position(done);
                },
            );
            bar.finish_and_clear();
            Ok(receipt_line(&r?))
        }
        RetentionCommand::Policies => {
            let all = store.read_blocking(|conn| -> DomainResult<_> {
                Ok(policy::all(conn, &config.retention)?)
            })?;
            Ok(serde_json::to_string_pretty(&all).unwrap_or_default())
        }
        RetentionCommand::Receipts { limit } => {
            let (list, _) = store.read_blocking(|conn| -> DomainResult<_> {
                Ok(rows::receipts(conn, 0, limit.clamp(1, 1000))?)
            })?;
            Ok(list.iter().map(receipt_line).collect::<Vec<_>>().join("\n"))
        }
    }
}

pub fn erase(
    store: &Store,
    config: &Config,
    clock: &dyn Clock,
    email: &str,
) -> DomainResult<String> {
    let r = erase::erase(store, &Reach::from_config(config), clock, email)?;
    Ok(receipt_line(&r))
}
