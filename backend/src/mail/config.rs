//! `[mail]`: the inbound gateway's settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MailConfig {
    /// Shared secret the mail gateway requires (Basic password, `X-Hushdesk-Mailgate-Secret`
    /// header or `secret` form field); unset: no secret needed.
    pub gateway_secret: Option<String>,
    /// Client addresses allowed to use the gateway; empty: any address (then set a secret).
    pub gateway_clients: Vec<String>,
    /// Queue for mail whose gateway call names none.
    pub default_queue: String,
    /// Largest message accepted, in bytes; larger ones are refused with the reason.
    pub max_message_bytes: usize,
    /// Queues (by name) and addresses that are shared: new tickets arriving there are routed
    /// to the queue of the language they are written in.
    pub shared: Vec<String>,
    /// Language (ISO 639-1) → queue name, for routed mail; queues whose `language` is set
    /// are used for languages missing here.
    pub language_queues: BTreeMap<String, String>,
    /// Queue for routed mail whose language has no queue; empty: stay where it arrived.
    pub fallback_queue: String,
    /// Auto-replies one requester may receive per window.
    pub autoreply_limit: u32,
    /// The rate-limit window, in minutes.
    pub autoreply_window_minutes: i64,
    /// Our `X-Loop` value; mail carrying it came from us and is not processed again.
    /// Empty: `<rt_name>@<organization>`.
    pub loop_id: String,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            gateway_secret: None,
            gateway_clients: vec!["127.0.0.1".into(), "::1".into()],
            default_queue: "General".into(),
            max_message_bytes: 64 * 1024 * 1024,
            shared: Vec::new(),
            language_queues: BTreeMap::new(),
            fallback_queue: String::new(),
            autoreply_limit: 3,
            autoreply_window_minutes: 24 * 60,
            loop_id: String::new(),
        }
    }
}

impl MailConfig {
    /// The `X-Loop` value marking our own mail.
    pub fn loop_id(&self, rt_name: &str, organization: &str) -> String {
        if self.loop_id.is_empty() {
            format!("{rt_name}@{organization}")
        } else {
            self.loop_id.clone()
        }
    }
}
