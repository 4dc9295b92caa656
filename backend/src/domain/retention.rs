//! Retention policies: for each kind of data, how long it lives after a ticket is resolved
//! (or after its last activity), or forever.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The kinds of data a policy governs, in the order a purge handles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataKind {
    /// Requestor and Cc addresses and names, and the mail headers that carry them.
    RequesterIdentity,
    /// Message bodies, attachments and subjects.
    Bodies,
    /// WhisperBack debugging logs.
    WhisperbackLogs,
    /// Hardware facts taken from WhisperBack reports.
    HardwareFacts,
    /// Everything but the skeleton counted by statistics (queue, status, type, dates).
    Metadata,
}

impl DataKind {
    pub const ALL: [DataKind; 5] = [
        Self::RequesterIdentity,
        Self::Bodies,
        Self::WhisperbackLogs,
        Self::HardwareFacts,
        Self::Metadata,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::RequesterIdentity => "requester_identity",
            Self::Bodies => "bodies",
            Self::WhisperbackLogs => "whisperback_logs",
            Self::HardwareFacts => "hardware_facts",
            Self::Metadata => "metadata",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What the age of a ticket's data is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountedFrom {
    /// Resolution (resolved, rejected or deleted tickets only; open tickets are kept).
    #[default]
    Resolution,
    /// The last change to the ticket, whatever its status.
    LastActivity,
}

impl CountedFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resolution => "resolution",
            Self::LastActivity => "last_activity",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "resolution" => Some(Self::Resolution),
            "last_activity" => Some(Self::LastActivity),
            _ => None,
        }
    }
}

/// How long one kind of data lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Days after the reference time; `None` keeps the data forever.
    pub max_age_days: Option<u32>,
    #[serde(default)]
    pub counted_from: CountedFrom,
}

impl Rule {
    pub const fn days(n: u32) -> Self {
        Self {
            max_age_days: Some(n),
            counted_from: CountedFrom::Resolution,
        }
    }

    pub const FOREVER: Rule = Rule {
        max_age_days: None,
        counted_from: CountedFrom::Resolution,
    };

    /// Data whose reference time is before this is due; `None` when kept forever.
    pub fn cutoff(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.max_age_days
            .map(|d| now - Duration::days(i64::from(d)))
    }
}

/// One rule per kind.
pub type Policy = BTreeMap<DataKind, Rule>;

/// What a privacy-minded desk keeps: who wrote for a month after resolution, what they wrote
/// for three months, debugging logs for a month, hardware facts for a year, and the ticket
/// skeleton (queue, status, dates — what statistics count) for two years.
pub fn default_policy() -> Policy {
    BTreeMap::from([
        (DataKind::RequesterIdentity, Rule::days(30)),
        (DataKind::Bodies, Rule::days(90)),
        (DataKind::WhisperbackLogs, Rule::days(30)),
        (DataKind::HardwareFacts, Rule::days(365)),
        (DataKind::Metadata, Rule::days(730)),
    ])
}

/// Purging a kind also purges what it contains: the skeleton keeps neither bodies nor
/// identities, and bodies carry the headers with addresses.
pub fn implied_by(kind: DataKind) -> &'static [DataKind] {
    match kind {
        DataKind::Metadata => &[
            DataKind::RequesterIdentity,
            DataKind::Bodies,
            DataKind::WhisperbackLogs,
            DataKind::HardwareFacts,
        ],
        _ => &[],
    }
}

/// The form of an address that abuse scores are keyed on: trimmed, lower-case, without a
/// `+tag` in the local part.
pub fn normalise_address(addr: &str) -> String {
    let a = addr
        .trim()
        .trim_matches(|c| c == '<' || c == '>')
        .to_lowercase();
    match a.split_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in DataKind::ALL {
            assert_eq!(DataKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(DataKind::parse("everything"), None);
        assert_eq!(
            CountedFrom::parse("last_activity"),
            Some(CountedFrom::LastActivity)
        );
        assert_eq!(CountedFrom::parse("creation"), None);
    }

    #[test]
    fn cutoff_counts_days_back_and_forever_has_none() {
        let now =
            NaiveDateTime::parse_from_str("2026-11-24 12:00:00", "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!(
            Rule::days(30).cutoff(now).unwrap().to_string(),
            "2026-10-25 12:00:00"
        );
        assert_eq!(Rule::FOREVER.cutoff(now), None);
        assert_eq!(Rule::days(0).cutoff(now), Some(now));
    }

    #[test]
    fn defaults_cover_every_kind() {
        let p = default_policy();
        assert_eq!(p.len(), DataKind::ALL.len());
        assert_eq!(p[&DataKind::RequesterIdentity].max_age_days, Some(30));
        assert!(p[&DataKind::Bodies].max_age_days > p[&DataKind::RequesterIdentity].max_age_days);
    }

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            normalise_address(" <Alice+help@Example.ORG> "),
            "alice@example.org"
        );
        assert_eq!(normalise_address("bob@example.org"), "bob@example.org");
        assert_eq!(normalise_address("Not An Address"), "not an address");
    }
}
