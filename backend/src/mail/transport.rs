//! Where outgoing mail goes: an SMTP relay (implicit TLS, STARTTLS or plain, with optional
//! authentication) or a spool directory (the embedded default), configured in `[outbound]`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    /// Write each message to `spool_dir` (`<id>.eml` and its envelope `<id>.json`).
    Spool,
    /// Relay through `smtp_host`.
    Smtp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Implicit TLS (port 465).
    Tls,
    /// STARTTLS required (port 587).
    Starttls,
    /// Plain text; only for a relay on the same host.
    None,
}

/// `[outbound]`: delivery of outgoing mail.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct OutboundConfig {
    pub transport: TransportKind,
    /// Spool directory; default `<data dir>/outbox`.
    pub spool_dir: Option<PathBuf>,
    pub smtp_host: String,
    /// Default: 465 for `tls`, 587 for `starttls`, 25 for `none`.
    pub smtp_port: Option<u16>,
    pub smtp_security: SmtpSecurity,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub smtp_timeout_seconds: u64,
    /// Sender when a queue has no correspond/comment address; default `<rt_name>@<organization>`.
    pub default_from: String,
    /// How often the delivery worker looks for due mail, in milliseconds.
    pub poll_millis: u64,
    /// Attempts before a message is marked `failed` (it stays stored and can be retried).
    pub max_attempts: i32,
    /// First retry delay in seconds; doubled after each failure, at most one hour.
    pub retry_base_seconds: i64,
    /// Days a sent message stays in the outbox (its EmailRecord stays in the history);
    /// 0 keeps sent messages forever.
    pub keep_sent_days: u32,
}

impl Default for OutboundConfig {
    fn default() -> Self {
        Self {
            transport: TransportKind::Spool,
            spool_dir: None,
            smtp_host: String::new(),
            smtp_port: None,
            smtp_security: SmtpSecurity::Starttls,
            smtp_username: None,
            smtp_password: None,
            smtp_timeout_seconds: 60,
            default_from: String::new(),
            poll_millis: 1000,
            max_attempts: 12,
            retry_base_seconds: 30,
            keep_sent_days: 30,
        }
    }
}

/// Why a delivery failed, and whether trying again may help.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    pub message: String,
    pub permanent: bool,
}

pub enum Transport {
    Spool(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Transport {
    pub fn from_config(c: &OutboundConfig, data_dir: &Path) -> Result<Self, String> {
        match c.transport {
            TransportKind::Spool => Ok(Self::Spool(spool_dir(c, data_dir))),
            TransportKind::Smtp => {
                if c.smtp_host.is_empty() {
                    return Err("[outbound] transport = \"smtp\" needs smtp_host".into());
                }
                let tls = |host: &str| {
                    TlsParameters::new(host.to_owned()).map_err(|e| format!("TLS setup: {e}"))
                };
                let (security, port) = match c.smtp_security {
                    SmtpSecurity::Tls => (Tls::Wrapper(tls(&c.smtp_host)?), 465),
                    SmtpSecurity::Starttls => (Tls::Required(tls(&c.smtp_host)?), 587),
                    SmtpSecurity::None => (Tls::None, 25),
                };
                let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&c.smtp_host)
                    .port(c.smtp_port.unwrap_or(port))
                    .tls(security)
                    .timeout(Some(Duration::from_secs(c.smtp_timeout_seconds.max(1))));
                if let (Some(u), Some(p)) = (&c.smtp_username, &c.smtp_password) {
                    b = b.credentials(Credentials::new(u.clone(), p.clone()));
                }
                Ok(Self::Smtp(b.build()))
            }
        }
    }

    pub async fn send(
        &self,
        envelope: &Envelope,
        id: &str,
        message: &[u8],
    ) -> Result<(), SendError> {
        match self {
            Self::Spool(dir) => spool(dir, envelope, id, message).await,
            Self::Smtp(t) => t
                .send_raw(envelope, message)
                .await
                .map(|_| ())
                .map_err(|e| SendError {
                    permanent: e.is_permanent(),
                    message: format!("SMTP: {e}"),
                }),
        }
    }
}

/// Where the spool transport writes: `[outbound] spool_dir`, else `<data dir>/outbox`.
pub fn spool_dir(c: &OutboundConfig, data_dir: &Path) -> PathBuf {
    c.spool_dir
        .clone()
        .unwrap_or_else(|| data_dir.join("outbox"))
}

/// The file name (without extension) of a spooled message: its Message-ID with every
/// character that is not safe in a file name replaced.
fn spool_name(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Removes a spooled message and its envelope; true when the message file was there.
pub fn remove_spooled(dir: &Path, id: &str) -> bool {
    let name = spool_name(id);
    let _ = std::fs::remove_file(dir.join(format!("{name}.json")));
    std::fs::remove_file(dir.join(format!("{name}.eml"))).is_ok()
}

#[derive(Serialize)]
struct SpoolEnvelope<'a> {
    from: Option<String>,
    to: Vec<String>,
    id: &'a str,
}

/// Writes atomically: a temporary name, then rename, so a reader never sees half a message.
async fn spool(dir: &Path, envelope: &Envelope, id: &str, message: &[u8]) -> Result<(), SendError> {
    let io = |e: std::io::Error| SendError {
        message: format!("spool directory: {e}"),
        permanent: false,
    };
    let name = spool_name(id);
    tokio::fs::create_dir_all(dir).await.map_err(io)?;
    let env = SpoolEnvelope {
        from: envelope.from().map(|a| a.to_string()),
        to: envelope.to().iter().map(|a| a.to_string()).collect(),
        id,
    };
    let json = serde_json::to_vec_pretty(&env).map_err(|e| SendError {
        message: e.to_string(),
        permanent: true,
    })?;
    for (ext, bytes) in [("json", json.as_slice()), ("eml", message)] {
        let tmp = dir.join(format!(".{name}.{ext}.tmp"));
        tokio::fs::write(&tmp, bytes).await.map_err(io)?;
        tokio::fs::rename(&tmp, dir.join(format!("{name}.{ext}")))
            .await
            .map_err(io)?;
    }
    Ok(())
}
