//! The effective policy of each queue: rules set through the API, over the configuration
//! file's per-queue rules, over its `default`, over the built-in defaults.

use diesel::QueryResult;
use serde::{Deserialize, Serialize};

use super::RetentionConfig;
use crate::domain::retention::{default_policy, CountedFrom, DataKind, Rule};
use crate::store::{queues, retention as rows, DbConn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Api,
    Config,
    Default,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Config => "config",
            Self::Default => "default",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EffectiveRule {
    pub kind: DataKind,
    pub rule: Rule,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QueuePolicy {
    pub queue_id: i64,
    pub queue: String,
    pub rules: Vec<EffectiveRule>,
}

impl QueuePolicy {
    pub fn rule(&self, kind: DataKind) -> Rule {
        self.rules
            .iter()
            .find(|r| r.kind == kind)
            .map(|r| r.rule)
            .unwrap_or(Rule::FOREVER)
    }
}

fn resolve(
    config: &RetentionConfig,
    stored: &[rows::PolicyRow],
    queue_id: i64,
    queue: &str,
) -> QueuePolicy {
    let builtin = default_policy();
    let per_queue = config
        .queues
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(queue))
        .map(|(_, p)| p);
    let rules = DataKind::ALL
        .into_iter()
        .map(|kind| {
            let api = stored
                .iter()
                .find(|r| r.queue_id == queue_id && r.kind == kind.as_str())
                .map(|r| Rule {
                    max_age_days: r.max_age_days.and_then(|d| u32::try_from(d).ok()),
                    counted_from: CountedFrom::parse(&r.counted_from).unwrap_or_default(),
                });
            let (rule, source) = if let Some(r) = api {
                (r, Source::Api)
            } else if let Some(r) = per_queue.and_then(|p| p.get(kind)) {
                (r, Source::Config)
            } else if let Some(r) = config.default.get(kind) {
                (r, Source::Config)
            } else {
                (
                    builtin.get(&kind).copied().unwrap_or(Rule::FOREVER),
                    Source::Default,
                )
            };
            EffectiveRule { kind, rule, source }
        })
        .collect();
    QueuePolicy {
        queue_id,
        queue: queue.to_owned(),
        rules,
    }
}

/// Every queue's policy, disabled queues included (their tickets still age).
pub fn all(conn: &mut DbConn, config: &RetentionConfig) -> QueryResult<Vec<QueuePolicy>> {
    let stored = rows::policy_rows(conn)?;
    Ok(queues::all(conn)?
        .iter()
        .map(|q| resolve(config, &stored, q.id, &q.name))
        .collect())
}

pub fn for_queue(
    conn: &mut DbConn,
    config: &RetentionConfig,
    queue_id: i64,
) -> QueryResult<Option<QueuePolicy>> {
    let Some(q) = queues::by_id(conn, queue_id)? else {
        return Ok(None);
    };
    let stored = rows::policy_rows(conn)?;
    Ok(Some(resolve(config, &stored, q.id, &q.name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retention::{PolicyConfig, RuleConfig};

    fn row(queue_id: i64, kind: &str, days: Option<i32>) -> rows::PolicyRow {
        rows::PolicyRow {
            id: 1,
            queue_id,
            kind: kind.into(),
            max_age_days: days,
            counted_from: "last_activity".into(),
            updated: chrono::NaiveDateTime::default(),
        }
    }

    #[test]
    fn api_over_queue_config_over_default_config_over_builtin() {
        let mut config = RetentionConfig::default();
        config.default.bodies = Some(RuleConfig {
            max_age_days: Some(60),
            counted_from: CountedFrom::Resolution,
        });
        config.queues.insert(
            "Spanish".into(),
            PolicyConfig {
                bodies: Some(RuleConfig::default()),
                metadata: Some(RuleConfig {
                    max_age_days: Some(10),
                    counted_from: CountedFrom::LastActivity,
                }),
                ..PolicyConfig::default()
            },
        );
        let stored = vec![row(2, "metadata", Some(3)), row(9, "bodies", None)];

        let general = resolve(&config, &stored, 1, "General");
        assert_eq!(general.rule(DataKind::Bodies).max_age_days, Some(60));
        assert_eq!(general.rules[1].source, Source::Config);
        assert_eq!(
            general.rule(DataKind::RequesterIdentity).max_age_days,
            Some(30)
        );
        assert_eq!(general.rules[0].source, Source::Default);

        let spanish = resolve(&config, &stored, 2, "spanish");
        assert_eq!(spanish.rule(DataKind::Bodies).max_age_days, None);
        let meta = spanish
            .rules
            .iter()
            .find(|r| r.kind == DataKind::Metadata)
            .unwrap();
        assert_eq!(meta.rule.max_age_days, Some(3));
        assert_eq!(meta.rule.counted_from, CountedFrom::LastActivity);
        assert_eq!(meta.source, Source::Api);
    }
}
