//! Configuration: defaults, then `hushdesk.toml` (or `--config`), then `HUSHDESK_*` env, then flags.

use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `sqlite://PATH` (embedded default) or `postgres://…`.
    pub database_url: String,
    /// Address the server listens on.
    pub bind: String,
    /// Base of every `_url` in REST 2.0 answers (RT's WebBaseURL); derived from `bind` when empty.
    pub web_base_url: String,
    /// Organization in link URIs `fsck.com-rt://<organization>/ticket/<id>` (RT's $Organization).
    pub organization: String,
    /// Name in subject tags `[<rt_name> #id]` (RT's $rtname).
    pub rt_name: String,
    /// Directory holding the built web app (index.html and its bundle).
    pub web_dir: PathBuf,
    /// Directory for the keys Hushdesk creates on first start (sealing, sessions, abuse
    /// scoring) and the default outbox spool. Unset: beside an SQLite database, else `./data`
    /// under the working directory, which a PostgreSQL deployment should not rely on.
    pub data_dir: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Database connections in the pool.
    pub pool_size: u32,
    /// Seconds a request waits for a free database connection before failing.
    pub pool_timeout_seconds: u64,
    /// Secret for signing the app's session cookies; a file under the data directory when unset.
    pub jwt_secret: Option<String>,
    /// Lifetime of an app session, in minutes.
    pub session_minutes: i64,
    /// How long a checked Basic password stays trusted, in seconds.
    pub basic_cache_seconds: u64,
    /// Password for `root` when the database is created; random (and printed) when unset.
    pub initial_admin_password: Option<String>,
    /// Log as JSON lines (for production log collectors).
    pub log_json: bool,
    /// `[search]`: full-text index (database or Sonic).
    pub search: crate::search::SearchConfig,
    /// `[sealing]`: at-rest sealing of message bodies and attachments.
    #[serde(default)]
    pub sealing: crate::sealing::SealingConfig,
    /// `[retention]`: policies per queue, the purge schedule, abuse scoring.
    #[serde(default)]
    pub retention: crate::retention::RetentionConfig,
    /// `[mail]`: the inbound mail gateway.
    pub mail: crate::mail::MailConfig,
    /// `[openpgp]`: passphrase for queue keys, key learning.
    pub openpgp: crate::crypto::OpenPgpConfig,
    /// `[outbound]`: delivery of outgoing mail (spool directory or SMTP).
    pub outbound: crate::mail::transport::OutboundConfig,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://data/hushdesk.db".into(),
            bind: "127.0.0.1:8080".into(),
            web_base_url: String::new(),
            organization: "hushdesk.local".into(),
            rt_name: "hushdesk".into(),
            web_dir: PathBuf::from("frontend/dist"),
            data_dir: None,
            max_body_bytes: 25 * 1024 * 1024,
            pool_size: 8,
            pool_timeout_seconds: 30,
            jwt_secret: None,
            session_minutes: 12 * 60,
            basic_cache_seconds: 60,
            initial_admin_password: None,
            log_json: false,
            search: crate::search::SearchConfig::default(),
            sealing: crate::sealing::SealingConfig::default(),
            retention: crate::retention::RetentionConfig::default(),
            mail: crate::mail::MailConfig::default(),
            openpgp: crate::crypto::OpenPgpConfig::default(),
            outbound: crate::mail::transport::OutboundConfig::default(),
        }
    }
}

impl Config {
    /// Loads from an explicit file, or `hushdesk.toml` in the working directory when present.
    pub fn load(file: Option<&Path>) -> Result<Self, Box<figment::Error>> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => fig = fig.merge(Toml::file_exact(path)),
            None => fig = fig.merge(Toml::file("hushdesk.toml")),
        }
        // `__` separates sections: HUSHDESK_MAIL__SPOOL_DIR sets `[mail] spool_dir`.
        fig = fig.merge(Env::prefixed("HUSHDESK_").split("__"));
        fig.extract().map_err(Box::new)
    }

    /// The base URL for `_url` fields.
    pub fn base_url(&self) -> String {
        if self.web_base_url.is_empty() {
            format!("http://{}", self.bind)
        } else {
            self.web_base_url.trim_end_matches('/').to_owned()
        }
    }

    /// Directory for the keys created on first start: `data_dir` when set, else beside an
    /// SQLite database, else `./data`.
    pub fn data_dir(&self) -> PathBuf {
        if let Some(dir) = &self.data_dir {
            return dir.clone();
        }
        match self.database_url.strip_prefix("sqlite://") {
            Some(p) => Path::new(p)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
            None => PathBuf::from("data"),
        }
    }

    /// Whether the data directory is only the working directory's `./data` by default: a
    /// server database with no `data_dir` set.
    pub fn data_dir_is_implicit(&self) -> bool {
        self.data_dir.is_none() && !self.database_url.starts_with("sqlite://")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_is_the_setting_then_beside_sqlite_then_data() {
        let sqlite = Config {
            database_url: "sqlite:///srv/hushdesk/db/hushdesk.db".into(),
            ..Config::default()
        };
        assert_eq!(sqlite.data_dir(), PathBuf::from("/srv/hushdesk/db"));
        assert!(!sqlite.data_dir_is_implicit());

        let pg = Config {
            database_url: "postgres://hushdesk@db/hushdesk".into(),
            ..Config::default()
        };
        assert_eq!(pg.data_dir(), PathBuf::from("data"));
        assert!(pg.data_dir_is_implicit());

        let pg_set = Config {
            data_dir: Some(PathBuf::from("/var/lib/hushdesk")),
            ..pg
        };
        assert_eq!(pg_set.data_dir(), PathBuf::from("/var/lib/hushdesk"));
        assert!(!pg_set.data_dir_is_implicit());
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail closure returns figment::Error
    fn data_dir_comes_from_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("HUSHDESK_DATA_DIR", "/var/lib/hushdesk");
            jail.set_env("HUSHDESK_DATABASE_URL", "postgres://hushdesk@db/hushdesk");
            let c = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(c.data_dir(), PathBuf::from("/var/lib/hushdesk"));
            Ok(())
        });
    }
}
