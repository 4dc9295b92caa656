//! Abuse flagging without a list of addresses: signals (ticket rate, supporters' marks,
//! content rules) are stored under HMAC-SHA256(server secret, normalised address), expire,
//! and add up to a score; a requester at or above the threshold is flagged.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;
use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::domain::retention::normalise_address;
use crate::store::{abuse as rows, DbConn};

const SECRET_FILE: &str = "abuse.key";

/// `[retention.abuse]`.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AbuseConfig {
    /// HMAC secret for address hashes; `abuse.key` in the data directory when unset.
    pub secret: Option<String>,
    /// Score at which a requester is flagged.
    pub threshold: i64,
    /// Days a signal counts before it expires.
    pub signal_days: u32,
    /// Tickets from one requester within `rate_window_hours` before each further one counts.
    pub rate_limit: u32,
    pub rate_window_hours: u32,
    /// Weight of one ticket over the rate limit.
    pub rate_weight: i32,
    /// Weight of one supporter's "abusive" mark.
    pub mark_weight: i32,
    /// Content rules: a regular expression over subject and body, and its weight.
    pub rules: Vec<ContentRule>,
}

impl Default for AbuseConfig {
    fn default() -> Self {
        Self {
            secret: None,
            threshold: 10,
            signal_days: 30,
            rate_limit: 5,
            rate_window_hours: 24,
            rate_weight: 2,
            mark_weight: 5,
            rules: Vec::new(),
        }
    }
}

impl std::fmt::Debug for AbuseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AbuseConfig")
            .field("threshold", &self.threshold)
            .field("signal_days", &self.signal_days)
            .field("rules", &self.rules.len())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContentRule {
    pub pattern: String,
    pub weight: i32,
}

#[derive(Debug, thiserror::Error)]
pub enum AbuseError {
    #[error("abuse content rule {0:?} is not a valid regular expression: {1}")]
    BadRule(String, regex::Error),
    #[error("abuse secret file {0}: {1}")]
    Io(PathBuf, std::io::Error),
}

/// The keyed hash and the compiled rules.
pub struct AbuseScorer {
    secret: Zeroizing<Vec<u8>>,
    config: AbuseConfig,
    rules: Vec<(regex::Regex, i32)>,
}

impl std::fmt::Debug for AbuseScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AbuseScorer")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl AbuseScorer {
    pub fn new(secret: &[u8], config: &AbuseConfig) -> Result<Self, AbuseError> {
        let rules = config
            .rules
            .iter()
            .map(|r| {
                regex::RegexBuilder::new(&r.pattern)
                    .case_insensitive(true)
                    .size_limit(1 << 20)
                    .build()
                    .map(|re| (re, r.weight))
                    .map_err(|e| AbuseError::BadRule(r.pattern.clone(), e))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            secret: Zeroizing::new(secret.to_vec()),
            config: config.clone(),
            rules,
        })
    }

    /// Secret from config, else `abuse.key` in `data_dir` (created once, mode 0600).
    pub fn from_config(config: &AbuseConfig, data_dir: &Path) -> Result<Self, AbuseError> {
        if let Some(s) = &config.secret {
            return Self::new(s.as_bytes(), config);
        }
        let path = data_dir.join(SECRET_FILE);
        let secret = match std::fs::read(&path) {
            Ok(b) if b.len() >= 32 => b,
            _ => {
                let mut raw = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut raw);
                let key = hex::encode(raw).into_bytes();
                std::fs::create_dir_all(data_dir).map_err(|e| AbuseError::Io(path.clone(), e))?;
                crate::write_private(&path, &key).map_err(|e| AbuseError::Io(path.clone(), e))?;
                key
            }
        };
        Self::new(&secret, config)
    }

    /// HMAC-SHA256 of the normalised address, hex.
    pub fn hash(&self, address: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.secret) else {
            return String::new();
        };
        mac.update(normalise_address(address).as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    fn expires(&self, now: NaiveDateTime) -> NaiveDateTime {
        now + Duration::days(i64::from(self.config.signal_days))
    }

    /// Signals of a new ticket: its rate and the content rules it matches.
    pub fn on_ticket(
        &self,
        conn: &mut DbConn,
        requestors: &[String],
        text: &str,
        now: NaiveDateTime,
    ) -> QueryResult<()> {
        let content_weight: i32 = self
            .rules
            .iter()
            .filter(|(re, _)| re.is_match(text))
            .map(|(_, w)| *w)
            .sum();
        let since = now - Duration::hours(i64::from(self.config.rate_window_hours));
        for r in requestors {
            let h = self.hash(r);
            let recent = rows::count_since(conn, &h, "ticket", since)?;
            // Every ticket is recorded at weight 0 so the rate can be counted later.
            rows::add(conn, &h, "ticket", 0, now, self.expires(now))?;
            if recent >= i64::from(self.config.rate_limit) {
                rows::add(
                    conn,
                    &h,
                    "rate",
                    self.config.rate_weight,
                    now,
                    self.expires(now),
                )?;
            }
            if content_weight != 0 {
                rows::add(conn, &h, "content", content_weight, now, self.expires(now))?;
            }
        }
        Ok(())
    }

    /// A supporter marked this requester abusive.
    pub fn mark(&self, conn: &mut DbConn, address: &str, now: NaiveDateTime) -> QueryResult<()> {
        rows::add(
            conn,
            &self.hash(address),
            "mark",
            self.config.mark_weight,
            now,
            self.expires(now),
        )
    }

    pub fn score(&self, conn: &mut DbConn, address: &str, now: NaiveDateTime) -> QueryResult<i64> {
        rows::score(conn, &self.hash(address), now)
    }

    pub fn flagged(
        &self,
        conn: &mut DbConn,
        address: &str,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        Ok(self.score(conn, address, now)? >= self.config.threshold)
    }

    pub fn threshold(&self) -> i64 {
        self.config.threshold
    }

    pub fn forget(&self, conn: &mut DbConn, address: &str) -> QueryResult<u64> {
        rows::forget(conn, &self.hash(address))
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<AbuseScorer>>> = const { RefCell::new(None) };
}

struct Restore(Option<Arc<AbuseScorer>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let prev = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = prev);
    }
}

/// Runs `f` with `scorer` current on this thread (the store does this for its closures).
pub fn scoped<T>(scorer: Option<&Arc<AbuseScorer>>, f: impl FnOnce() -> T) -> T {
    let prev = CURRENT.with(|c| c.replace(scorer.cloned()));
    let _restore = Restore(prev);
    f()
}

pub fn current() -> Option<Arc<AbuseScorer>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Called by ticket creation on every path (REST, mail, OTRS): records the new ticket's
/// signals when the store has a scorer.
pub fn note_new_ticket(
    conn: &mut DbConn,
    requestors: &[String],
    text: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    match current() {
        Some(s) => s.on_ticket(conn, requestors, text, now),
        None => Ok(()),
    }
}

/// Whether any of these addresses is flagged (false when the store has no scorer).
pub fn any_flagged(
    conn: &mut DbConn,
    addresses: &[String],
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let Some(s) = current() else {
        return Ok(false);
    };
    for a in addresses {
        if s.flagged(conn, a, now)? {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_keyed_normalised_and_hides_the_address() {
        let a = AbuseScorer::new(b"secret-one", &AbuseConfig::default()).unwrap();
        let b = AbuseScorer::new(b"secret-two", &AbuseConfig::default()).unwrap();
        let h = a.hash("Mallory+x@Example.org");
        assert_eq!(h.len(), 64);
        assert_eq!(h, a.hash(" mallory@example.org"));
        assert_ne!(h, b.hash("mallory@example.org"));
        assert!(!h.contains("mallory"));
    }

    #[test]
    fn bad_rule_is_a_clear_error() {
        let cfg = AbuseConfig {
            rules: vec![ContentRule {
                pattern: "(unclosed".into(),
                weight: 3,
            }],
            ..AbuseConfig::default()
        };
        let e = AbuseScorer::new(b"k", &cfg).unwrap_err();
        assert!(e.to_string().contains("(unclosed"));
    }
}
