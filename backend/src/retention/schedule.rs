//! The purge schedule inside the server: a tokio interval; time itself comes from the Clock.

use std::sync::Arc;
use std::time::Duration;

use super::purge::{self, Trigger};
use super::{Reach, RetentionConfig};
use crate::domain::clock::Clock;
use crate::store::Store;

/// Runs a purge now and then every `every`, until the runtime stops.
pub fn spawn(
    store: Store,
    config: RetentionConfig,
    reach: Reach,
    clock: Arc<dyn Clock>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    let config = Arc::new(config);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let (store, config, reach, clock) =
                (store.clone(), config.clone(), reach.clone(), clock.clone());
            let done = tokio::task::spawn_blocking(move || {
                purge::run(
                    &store,
                    &config,
                    &reach,
                    clock.as_ref(),
                    Trigger::Schedule,
                    false,
                    &mut |_, _| {},
                )
            })
            .await;
            match done {
                Ok(Ok(r)) => tracing::info!(receipt = r.id, counts = %r.counts, "retention purge"),
                Ok(Err(e)) => tracing::error!(error = %e, "retention purge failed"),
                Err(_) => tracing::error!("retention purge task panicked"),
            }
        }
    })
}
