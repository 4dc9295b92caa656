//! `hushdesk mailgate`: one message on standard input, delivered through a running server's
//! gateway (`--url`, like RT's rt-mailgate) or straight into the database.

use std::io::Read;
use std::sync::Arc;

use clap::Args;

use crate::config::Config;
use crate::domain::clock::Clock;
use crate::mail::inbound::{self, Action, Delivery, InboundError, Settings};

#[derive(Debug, Clone, Args)]
pub struct MailgateArgs {
    /// Queue for new tickets (name or id); `[mail] default_queue` when absent.
    #[arg(long)]
    pub queue: Option<String>,
    /// correspond (default) or comment.
    #[arg(long, default_value = "correspond")]
    pub action: String,
    /// Add the message to this ticket.
    #[arg(long)]
    pub ticket: Option<i64>,
    /// Base URL of a running Hushdesk; without it the message goes straight to the database.
    #[arg(long)]
    pub url: Option<String>,
    /// The gateway's shared secret (with --url).
    #[arg(long, env = "HUSHDESK_MAILGATE_SECRET", hide_env_values = true)]
    pub secret: Option<String>,
    /// Seconds to wait for the server (with --url).
    #[arg(long, default_value_t = 180)]
    pub timeout: u64,
}

/// Runs the command; returns the exit status and what to print (stdout on success, stderr
/// otherwise).
pub fn run(args: &MailgateArgs, config: &Config, clock: Arc<dyn Clock>) -> (u8, String) {
    let mut raw = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut raw) {
        return (
            inbound::EX_TEMPFAIL,
            format!("couldn't read the message: {e}"),
        );
    }
    if raw.iter().all(u8::is_ascii_whitespace) {
        return (inbound::EX_DATAERR, "no message on standard input".into());
    }
    match &args.url {
        Some(url) => post(args, url, raw),
        None => direct(args, config, clock, raw),
    }
}

fn direct(
    args: &MailgateArgs,
    config: &Config,
    clock: Arc<dyn Clock>,
    raw: Vec<u8>,
) -> (u8, String) {
    let Some(action) = Action::parse(&args.action) else {
        return (
            inbound::EX_DATAERR,
            format!(
                "unknown action '{}' (expected correspond or comment)",
                args.action
            ),
        );
    };
    let store = match crate::open_store(config, clock.as_ref()) {
        Ok(s) => s,
        Err(e) => return (inbound::EX_TEMPFAIL, format!("database unavailable: {e:#}")),
    };
    let settings = Settings::from_config(config);
    let delivery = Delivery {
        queue: args.queue.clone(),
        action,
        ticket: args.ticket,
        raw,
    };
    match inbound::deliver_blocking(&store, &settings, &delivery, clock.now()) {
        Ok(d) => (
            0,
            format!(
                "ok\nTicket: {}\nQueue: {}\nAction: {}",
                d.ticket,
                d.queue,
                action.as_str()
            ),
        ),
        Err(InboundError::Loop) => (0, "not ok\nmail loop: dropped".into()),
        Err(e) => (e.exit_code(), e.to_string()),
    }
}

fn post(args: &MailgateArgs, url: &str, raw: Vec<u8>) -> (u8, String) {
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return (inbound::EX_TEMPFAIL, format!("runtime: {e}")),
    };
    rt.block_on(async move {
        let full = format!("{}/REST/1.0/NoAuth/mail-gateway", url.trim_end_matches('/'));
        let mut form = reqwest::multipart::Form::new().text("action", args.action.clone());
        if let Some(q) = &args.queue {
            form = form.text("queue", q.clone());
        }
        if let Some(t) = args.ticket {
            form = form.text("ticket", t.to_string());
        }
        if let Some(s) = &args.secret {
            form = form.text("secret", s.clone());
        }
        let part = match reqwest::multipart::Part::bytes(raw)
            .file_name("message")
            .mime_str("application/octet-stream")
        {
            Ok(p) => p,
            Err(e) => return (inbound::EX_TEMPFAIL, format!("building the request: {e}")),
        };
        form = form.part("message", part);
        let client = match reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(args.timeout))
            .build()
        {
            Ok(c) => c,
            Err(e) => return (inbound::EX_TEMPFAIL, format!("HTTP client: {e}")),
        };
        let resp = match client.post(&full).multipart(form).send().await {
            Ok(r) => r,
            Err(e) => return (inbound::EX_TEMPFAIL, format!("HTTP request failed: {e}")),
        };
        let status = resp.status();
        let exit = resp
            .headers()
            .get("X-Hushdesk-Exit")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u8>().ok());
        let body = resp.text().await.unwrap_or_default();
        let body = body.trim_end().to_owned();
        if !status.is_success() {
            return (inbound::EX_TEMPFAIL, format!("HTTP {status}: {body}"));
        }
        if body.starts_with("ok") {
            return (0, body);
        }
        match body.strip_prefix("not ok") {
            Some(reason) => (
                exit.unwrap_or(inbound::EX_DATAERR),
                reason.trim().to_owned(),
            ),
            None => (
                inbound::EX_TEMPFAIL,
                format!("unexpected answer from the server: {body}"),
            ),
        }
    })
}
