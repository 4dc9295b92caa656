//! Retention: per-queue policies, purges that leave nothing readable, erasure on request,
//! receipts, and abuse scores kept under keyed hashes.

pub mod abuse;
pub mod erase;
pub mod hooks;
pub mod policy;
pub mod purge;
pub mod schedule;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::domain::retention::{CountedFrom, DataKind, Rule};
use crate::search::SearchIndex;

/// What a purge reaches beyond the database: the configured search index (the database's own
/// or Sonic) and the outgoing-mail spool directory.
#[derive(Clone)]
pub struct Reach {
    pub index: Arc<dyn SearchIndex>,
    pub spool_dir: PathBuf,
}

impl Reach {
    /// The index the server uses (share the server's, so Sonic sees one client).
    pub fn new(config: &Config, index: Arc<dyn SearchIndex>) -> Self {
        Self {
            index,
            spool_dir: crate::mail::transport::spool_dir(&config.outbound, &config.data_dir()),
        }
    }

    /// For commands run outside the server: opens the configured index.
    pub fn from_config(config: &Config) -> Self {
        Self::new(config, crate::search::open(&config.search))
    }
}

/// `[retention]` in the configuration file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionConfig {
    /// Minutes between scheduled purges inside the server; 0 turns the schedule off.
    pub schedule_minutes: u64,
    /// Tickets purged per database transaction.
    pub batch_size: i64,
    /// Rules for every queue, kind by kind; a kind left out keeps the built-in default.
    pub default: PolicyConfig,
    /// Rules per queue name, over `default`; the API's rules override both.
    pub queues: BTreeMap<String, PolicyConfig>,
    /// `[retention.abuse]`: abuse scoring.
    pub abuse: abuse::AbuseConfig,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        Self {
            schedule_minutes: 60,
            batch_size: 500,
            default: PolicyConfig::default(),
            queues: BTreeMap::new(),
            abuse: abuse::AbuseConfig::default(),
        }
    }
}

/// One rule per kind; each is optional so a queue only says what differs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyConfig {
    pub requester_identity: Option<RuleConfig>,
    pub bodies: Option<RuleConfig>,
    pub whisperback_logs: Option<RuleConfig>,
    pub hardware_facts: Option<RuleConfig>,
    pub metadata: Option<RuleConfig>,
}

impl PolicyConfig {
    pub fn get(&self, kind: DataKind) -> Option<Rule> {
        let r = match kind {
            DataKind::RequesterIdentity => &self.requester_identity,
            DataKind::Bodies => &self.bodies,
            DataKind::WhisperbackLogs => &self.whisperback_logs,
            DataKind::HardwareFacts => &self.hardware_facts,
            DataKind::Metadata => &self.metadata,
        };
        r.as_ref().map(RuleConfig::rule)
    }
}

/// `{ max_age_days = 30, counted_from = "resolution" }`; without `max_age_days`: forever.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleConfig {
    pub max_age_days: Option<u32>,
    pub counted_from: CountedFrom,
}

impl RuleConfig {
    pub fn rule(&self) -> Rule {
        Rule {
            max_age_days: self.max_age_days,
            counted_from: self.counted_from,
        }
    }
}
