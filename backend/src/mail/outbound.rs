//! Outgoing mail. A Correspond or Comment by staff (and an auto-reply) writes an outbox row in
//! the same database transaction; after commit a worker builds the message (threading
//! headers, subject tag, signed with the queue key, PGP/MIME encrypted to every recipient whose
//! key is known), delivers it with retries and records it as an EmailRecord transaction. A
//! ticket that came in encrypted is never answered in plaintext: such mail is held with the
//! reason, visible through the API, until keys are imported and it is retried.

use std::time::SystemTime;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use lettre::address::Envelope;
use lettre::message::header::{
    ContentDisposition, ContentTransferEncoding, ContentType, HeaderName, HeaderValue,
};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};
use sequoia_openpgp::Cert;

use super::transport::Transport;
use crate::api::AppState;
use crate::config::Config;
use crate::crypto::keys::{self, QueueSettings};
use crate::crypto::pgp::{self, StandardPolicy};
use crate::crypto::CryptoError;
use crate::domain::ids::UserId;
use crate::domain::mime::Part;
use crate::store::openpgp::{self as rows, OutboxRow};
use crate::store::rows::{QueueRow, TicketRow, UserRow};
use crate::store::transactions::{self, Change, TICKET};
use crate::store::{DbConn, StoreError};

pub const CORRESPOND: &str = "correspond";
pub const COMMENT: &str = "comment";
pub const AUTOREPLY: &str = "autoreply";

/// Hook for a new Correspond/Comment: staff messages are mailed; a requestor's own mail is not
/// echoed back to them.
pub fn on_message(
    conn: &mut DbConn,
    actor: &UserRow,
    ticket: i64,
    txn: i64,
    comment: bool,
    now: NaiveDateTime,
) -> QueryResult<Option<i64>> {
    if !actor.privileged {
        return Ok(None);
    }
    let kind = if comment { COMMENT } else { CORRESPOND };
    rows::enqueue(conn, ticket, txn, kind, now).map(Some)
}

/// Queues the auto-reply for a ticket created from mail (`txn` is its Create transaction), when
/// the queue has auto-replies on. Loop and rate checks are the caller's.
pub fn enqueue_autoreply(
    conn: &mut DbConn,
    ticket: i64,
    txn: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<i64>> {
    let Some(t) = crate::store::tickets::raw(conn, ticket)? else {
        return Ok(None);
    };
    if !keys::queue_settings(conn, t.queue_id)?.autoreply {
        return Ok(None);
    }
    rows::enqueue(conn, ticket, txn, AUTOREPLY, now).map(Some)
}

/// One message to hand to the transport.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub envelope: Envelope,
    pub message_id: String,
    pub bytes: Vec<u8>,
    pub encrypted: bool,
}

#[derive(Debug, Clone)]
pub struct Built {
    pub deliveries: Vec<Delivery>,
    pub recipients: Vec<String>,
    pub signed: bool,
    /// The cleartext kept in the EmailRecord transaction.
    pub record: Part,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Ready(Built),
    /// Not sent, with the reason (shown by the API).
    Held(String),
    /// Nobody to send to.
    NoRecipients,
}

struct Recipient {
    address: Address,
    mailbox: Mailbox,
    role: &'static str,
    certs: Vec<Cert>,
}

fn recipients(
    conn: &mut DbConn,
    t: &TicketRow,
    kind: &str,
    actor: i64,
    now: SystemTime,
) -> QueryResult<Vec<Recipient>> {
    let mut ids: Vec<(i64, &'static str)> = Vec::new();
    let ticket_w = crate::store::tickets::watchers(conn, t.id)?;
    let queue_w = crate::store::queues::watchers(conn, t.queue_id)?;
    let wanted: &[&'static str] = match kind {
        COMMENT => &["AdminCc"],
        AUTOREPLY => &["Requestor"],
        _ => &["Requestor", "Cc"],
    };
    for (role, uid) in ticket_w.iter().chain(queue_w.iter()) {
        if let Some(r) = wanted.iter().find(|w| *w == role) {
            if !ids.iter().any(|(i, _)| i == uid) {
                ids.push((*uid, r));
            }
        }
    }
    let mut out = Vec::new();
    for (uid, role) in ids {
        // The author does not get their own message, except an auto-reply.
        if uid == actor && kind != AUTOREPLY {
            continue;
        }
        let Some(u) = crate::store::users::by_id(conn, uid)? else {
            continue;
        };
        if u.disabled {
            continue;
        }
        let Some(address) = u
            .email_address
            .as_deref()
            .and_then(|e| e.trim().parse::<Address>().ok())
        else {
            continue;
        };
        let name = (!u.real_name.is_empty()).then(|| u.real_name.clone());
        let certs = keys::encryption_certs_for_user(conn, uid, now)?;
        out.push(Recipient {
            mailbox: Mailbox::new(name, address.clone()),
            address,
            role,
            certs,
        });
    }
    Ok(out)
}

/// Message-IDs already in the ticket's thread, oldest first.
fn thread_ids(conn: &mut DbConn, ticket: i64) -> QueryResult<Vec<String>> {
    use crate::store::schema::{attachments, transactions as tx};
    let ids: Vec<String> = attachments::table
        .inner_join(tx::table)
        .filter(tx::object_type.eq(TICKET))
        .filter(tx::object_id.eq(ticket))
        .filter(attachments::message_id.ne(""))
        .order(attachments::id)
        .select(attachments::message_id)
        .load(conn)?;
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = id.trim().to_owned();
        let id = if id.starts_with('<') {
            id
        } else {
            format!("<{id}>")
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

fn ticket_came_encrypted(conn: &mut DbConn, ticket: i64) -> QueryResult<bool> {
    use crate::store::schema::transactions as tx;
    let ids: Vec<i64> = tx::table
        .filter(tx::object_type.eq(TICKET))
        .filter(tx::object_id.eq(ticket))
        .select(tx::id)
        .load(conn)?;
    rows::any_encrypted(conn, &ids)
}

/// `[<rt_name> #<id>] subject`, unless the tag is already there.
pub fn tagged_subject(rt_name: &str, id: i64, subject: &str) -> String {
    let tag = format!("[{rt_name} #{id}]");
    if subject.contains(&tag) {
        subject.to_owned()
    } else {
        format!("{tag} {subject}")
    }
}

fn autoreply_text(q: &QueueRow, t: &TicketRow, s: &QueueSettings, rt_name: &str) -> String {
    if !s.autoreply_text.trim().is_empty() {
        return s.autoreply_text.clone();
    }
    format!(
        "Hello,\n\nwe have received your message about \"{}\" and opened ticket [{rt_name} #{}] \
         in our {} queue.\n\nPlease keep [{rt_name} #{}] in the subject of any further mail about \
         it; replying to this message does that.\n",
        t.subject, t.id, q.name, t.id
    )
}

fn from_mailbox(config: &Config, q: &QueueRow, kind: &str) -> Result<Mailbox, String> {
    let addr = match kind {
        COMMENT if !q.comment_address.trim().is_empty() => q.comment_address.trim().to_owned(),
        _ if !q.correspond_address.trim().is_empty() => q.correspond_address.trim().to_owned(),
        _ if !config.outbound.default_from.trim().is_empty() => {
            config.outbound.default_from.trim().to_owned()
        }
        _ => format!("{}@{}", config.rt_name, config.organization),
    };
    let address: Address = addr
        .parse()
        .map_err(|_| format!("queue {} has an invalid sender address", q.name))?;
    Ok(Mailbox::new(Some(q.name.clone()), address))
}

fn raw_header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

fn content_type(s: &str) -> Result<ContentType, CryptoError> {
    ContentType::parse(s).map_err(|e| CryptoError::Invalid(format!("content type: {e}")))
}

/// Builds the mail for one outbox row.
pub fn build(
    conn: &mut DbConn,
    config: &Config,
    row: &OutboxRow,
    now: DateTime<Utc>,
) -> Result<Outcome, CryptoError> {
    let sys_now: SystemTime = now.into();
    let Some(t) = crate::store::tickets::raw(conn, row.ticket_id)? else {
        return Ok(Outcome::Held(format!(
            "ticket #{} no longer exists",
            row.ticket_id
        )));
    };
    let Some(q) = crate::store::queues::by_id(conn, t.queue_id)? else {
        return Ok(Outcome::Held("the ticket's queue no longer exists".into()));
    };
    let settings = keys::queue_settings(conn, q.id)?;
    let txn = transactions::by_id(conn, row.transaction_id)?;
    let actor = txn.as_ref().map(|x| x.creator).unwrap_or(UserId::SYSTEM.0);
    let to = recipients(conn, &t, &row.kind, actor, sys_now)?;
    if to.is_empty() {
        return Ok(Outcome::NoRecipients);
    }
    let (body_type, body) = if row.kind == AUTOREPLY {
        (
            "text/plain".to_owned(),
            autoreply_text(&q, &t, &settings, &config.rt_name),
        )
    } else {
        crate::store::attachments::first_text(conn, row.transaction_id)?
            .unwrap_or_else(|| ("text/plain".into(), String::new()))
    };
    let body_type = if body_type.to_ascii_lowercase().starts_with("text/html") {
        "text/html"
    } else {
        "text/plain"
    };
    let base_subject = match row.kind.as_str() {
        AUTOREPLY => format!("AutoReply: {}", t.subject),
        _ => txn
            .as_ref()
            .and_then(|x| x.data.clone())
            .filter(|s| !s.is_empty() && s != "No Subject")
            .unwrap_or_else(|| t.subject.clone()),
    };
    let subject = tagged_subject(&config.rt_name, t.id, &base_subject);
    let from = match from_mailbox(config, &q, &row.kind) {
        Ok(f) => f,
        Err(e) => return Ok(Outcome::Held(e)),
    };
    let came_encrypted = ticket_came_encrypted(conn, t.id)?;
    let encrypt_wanted = settings.encrypt || came_encrypted;
    let (keyed, plain): (Vec<&Recipient>, Vec<&Recipient>) = to
        .iter()
        .partition(|r| encrypt_wanted && !r.certs.is_empty());
    if came_encrypted && !plain.is_empty() {
        let who: Vec<String> = plain.iter().map(|r| r.address.to_string()).collect();
        return Ok(Outcome::Held(format!(
            "ticket #{} came in encrypted and is never answered in plaintext; no usable OpenPGP \
             key (missing, expired or revoked) for: {}. Import a key and retry.",
            t.id,
            who.join(", ")
        )));
    }
    let passphrase = config.openpgp.passphrase.clone();
    let signer = if settings.sign {
        keys::queue_signer(conn, q.id, sys_now)?
    } else {
        None
    };
    let queue_certs: Vec<Cert> = keys::queue_secrets(conn, q.id, None)?
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| pgp::can_encrypt_to(&StandardPolicy::new(), sys_now, c))
        .collect();
    let threads = thread_ids(conn, t.id)?;
    let loop_id = config.mail.loop_id(&config.rt_name, &config.organization);
    let policy = StandardPolicy::new();
    let inner = SinglePart::builder()
        .header(content_type(&format!(
            "{body_type}; charset=utf-8; protected-headers=\"v1\""
        ))?)
        .header(lettre::message::header::Subject::from(subject.clone()))
        .body(
            Body::new_with_encoding(body.clone(), ContentTransferEncoding::QuotedPrintable)
                .map_err(|_| CryptoError::Invalid("message body cannot be encoded".into()))?,
        );
    let inner_bytes = inner.formatted();
    // The CRLF before the next boundary belongs to the boundary (RFC 2046 §5.1.1).
    let signed_bytes = inner_bytes
        .strip_suffix(b"\r\n")
        .unwrap_or(&inner_bytes)
        .to_vec();

    let mut deliveries = Vec::new();
    let groups: Vec<(Vec<&Recipient>, bool)> = [(keyed, true), (plain, false)]
        .into_iter()
        .filter(|(g, _)| !g.is_empty())
        .collect();
    let domain = config.organization.clone();
    for (n, (group, encrypted)) in groups.iter().enumerate() {
        let message_id = if n == 0 {
            format!(
                "<hushdesk-{}-{}-{}@{domain}>",
                t.id, row.transaction_id, row.id
            )
        } else {
            format!(
                "<hushdesk-{}-{}-{}.{n}@{domain}>",
                t.id, row.transaction_id, row.id
            )
        };
        let mut b = Message::builder()
            .from(from.clone())
            .subject(subject.clone())
            .date(sys_now)
            .message_id(Some(message_id.clone()))
            .raw_header(raw_header("X-Loop", loop_id.clone()))
            .raw_header(raw_header("X-RT-Loop-Prevention", config.rt_name.clone()))
            .raw_header(raw_header(
                "RT-Ticket",
                format!("{} #{}", config.rt_name, t.id),
            ));
        if row.kind == AUTOREPLY {
            b = b
                .raw_header(raw_header("Auto-Submitted", "auto-replied".into()))
                .raw_header(raw_header("Precedence", "bulk".into()));
        }
        if let Some(last) = threads.last() {
            b = b.in_reply_to(last.clone()).references(
                threads
                    .iter()
                    .rev()
                    .take(20)
                    .rev()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        for r in group {
            b = match (row.kind.as_str(), r.role) {
                (COMMENT, _) | (_, "Requestor") | (AUTOREPLY, _) => b.to(r.mailbox.clone()),
                _ => b.cc(r.mailbox.clone()),
            };
        }
        let envelope = Envelope::new(
            Some(from.email.clone()),
            group.iter().map(|r| r.address.clone()).collect(),
        )
        .map_err(|e| CryptoError::Invalid(format!("envelope: {e}")))?;
        let b = b.envelope(envelope.clone());
        let signer_ref = signer.as_ref().map(|c| (c, passphrase.as_deref()));
        let message = if *encrypted {
            let mut to_keys: Vec<Cert> = group.iter().flat_map(|r| r.certs.clone()).collect();
            to_keys.extend(queue_certs.iter().cloned());
            let armored =
                match pgp::sign_encrypt(&policy, sys_now, &signed_bytes, signer_ref, &to_keys) {
                    Ok(a) => a,
                    Err(e) => return Ok(Outcome::Held(format!("OpenPGP encryption failed: {e}"))),
                };
            let armored = String::from_utf8_lossy(&armored).into_owned();
            b.multipart(
                MultiPart::encrypted("application/pgp-encrypted".into())
                    .singlepart(
                        SinglePart::builder()
                            .header(content_type("application/pgp-encrypted")?)
                            .header(raw_content_description("PGP/MIME version identification"))
                            .body(String::from("Version: 1")),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(content_type(
                                "application/octet-stream; name=\"encrypted.asc\"",
                            )?)
                            .header(raw_content_description("OpenPGP encrypted message"))
                            .header(ContentDisposition::inline_with_name("encrypted.asc"))
                            .body(armored),
                    ),
            )
        } else if let Some((cert, pw)) = signer_ref {
            let sig = match pgp::sign_detached(&policy, sys_now, &signed_bytes, cert, pw) {
                Ok(s) => s,
                Err(e) => return Ok(Outcome::Held(format!("OpenPGP signing failed: {e}"))),
            };
            b.multipart(
                MultiPart::signed("application/pgp-signature".into(), "pgp-sha256".into())
                    .singlepart(inner.clone())
                    .singlepart(
                        SinglePart::builder()
                            .header(content_type(
                                "application/pgp-signature; name=\"signature.asc\"",
                            )?)
                            .header(raw_content_description("OpenPGP digital signature"))
                            .header(ContentDisposition::attachment("signature.asc"))
                            .body(String::from_utf8_lossy(&sig).into_owned()),
                    ),
            )
        } else {
            b.singlepart(
                SinglePart::builder()
                    .header(content_type(&format!("{body_type}; charset=utf-8"))?)
                    .body(body.clone()),
            )
        }
        .map_err(|e| CryptoError::Invalid(format!("building the message: {e}")))?;
        deliveries.push(Delivery {
            envelope,
            message_id,
            bytes: message.formatted(),
            encrypted: *encrypted,
        });
    }
    let recipients: Vec<String> = to.iter().map(|r| r.address.to_string()).collect();
    let first_id = deliveries
        .first()
        .map(|d| d.message_id.clone())
        .unwrap_or_default();
    let record = Part {
        content_type: body_type.into(),
        subject: subject.clone(),
        message_id: first_id.trim_matches(['<', '>']).to_owned(),
        headers: format!(
            "From: {}\nTo: {}\nSubject: {}\nMessage-ID: {}\nX-Hushdesk-OpenPGP: {}",
            from,
            recipients.join(", "),
            subject,
            first_id,
            match (deliveries.iter().any(|d| d.encrypted), signer.is_some()) {
                (true, true) => "signed, encrypted",
                (true, false) => "encrypted",
                (false, true) => "signed",
                (false, false) => "none",
            }
        ),
        content_encoding: "none".into(),
        content: body.into_bytes(),
        ..Part::default()
    };
    Ok(Outcome::Ready(Built {
        deliveries,
        recipients,
        signed: signer.is_some(),
        record,
    }))
}

fn raw_content_description(s: &str) -> ContentDescription {
    ContentDescription(s.to_owned())
}

/// `Content-Description`, which lettre has no type for.
#[derive(Debug, Clone)]
struct ContentDescription(String);

impl lettre::message::header::Header for ContentDescription {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Description")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

/// What happened to one outbox row in a worker pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Processed {
    Sent,
    Held,
    Skipped,
    Retry,
    Failed,
}

/// Delivers every due outbox row once; returns what happened to each.
pub async fn process_due(
    state: &AppState,
    transport: &Transport,
) -> Result<Vec<(i64, Processed)>, OutboxError> {
    let now = state.clock.now();
    let due = state
        .store
        .read(move |c| rows::due(c, now, 50).map_err(OutboxError::from))
        .await?;
    let mut out = Vec::new();
    for row in due {
        let id = row.id;
        out.push((id, process_one(state, transport, row).await?));
    }
    Ok(out)
}

async fn process_one(
    state: &AppState,
    transport: &Transport,
    row: OutboxRow,
) -> Result<Processed, OutboxError> {
    let now = state.clock.now();
    let config = state.config.clone();
    let r = row.clone();
    let outcome = state
        .store
        .read(move |c| build(c, &config, &r, now.and_utc()).map_err(OutboxError::from))
        .await?;
    let id = row.id;
    match outcome {
        Outcome::Held(reason) => {
            state
                .store
                .write(move |c| {
                    rows::mark(c, id, "held", &reason, row.attempts, now).map_err(OutboxError::from)
                })
                .await?;
            tracing::warn!(outbox = id, ticket = row.ticket_id, "outgoing mail held");
            Ok(Processed::Held)
        }
        Outcome::NoRecipients => {
            state
                .store
                .write(move |c| {
                    rows::mark(
                        c,
                        id,
                        "skipped",
                        "no recipients with an email address",
                        row.attempts,
                        now,
                    )
                    .map_err(OutboxError::from)
                })
                .await?;
            Ok(Processed::Skipped)
        }
        Outcome::Ready(built) => {
            let mut failure = None;
            for d in &built.deliveries {
                if let Err(e) = transport.send(&d.envelope, &d.message_id, &d.bytes).await {
                    failure = Some(e);
                    break;
                }
            }
            if let Some(e) = failure {
                let attempts = row.attempts + 1;
                let cfg = &state.config.outbound;
                let (status, next) = if e.permanent || attempts >= cfg.max_attempts {
                    ("failed", now)
                } else {
                    let delay = cfg
                        .retry_base_seconds
                        .max(1)
                        .saturating_mul(1i64 << attempts.clamp(0, 7))
                        .min(3600);
                    ("pending", now + chrono::Duration::seconds(delay))
                };
                let msg = e.message.clone();
                state
                    .store
                    .write(move |c| {
                        rows::mark(c, id, status, &msg, attempts, next).map_err(OutboxError::from)
                    })
                    .await?;
                tracing::warn!(outbox = id, attempts, status, "outgoing mail not delivered");
                return Ok(if status == "failed" {
                    Processed::Failed
                } else {
                    Processed::Retry
                });
            }
            let ticket = row.ticket_id;
            let kind = row.kind.clone();
            let ids: Vec<String> = built
                .deliveries
                .iter()
                .map(|d| d.message_id.clone())
                .collect();
            let recorded = state
                .store
                .write(move |c| record_sent(c, id, ticket, &kind, &built, now))
                .await?;
            if !recorded {
                // Purged while it was out: what the spool just got goes too.
                if let Transport::Spool(dir) = transport {
                    for m in &ids {
                        crate::mail::transport::remove_spooled(dir, m);
                    }
                }
                tracing::info!(
                    outbox = id,
                    "outgoing mail purged during delivery; not recorded"
                );
            }
            Ok(Processed::Sent)
        }
    }
}

/// After delivery: the EmailRecord transaction with the cleartext, the outbox row, and the sent
/// Message-IDs (so replies thread). False, recording nothing, when a retention purge removed
/// the outbox row while the mail was out; the row stays locked until the commit, so a purge
/// either waits for this record (and removes it) or ran before.
fn record_sent(
    conn: &mut DbConn,
    id: i64,
    ticket: i64,
    kind: &str,
    built: &Built,
    now: NaiveDateTime,
) -> Result<bool, OutboxError> {
    if rows::lock_outbox_row(conn, id)? == 0 {
        return Ok(false);
    }
    let txn_type = if kind == COMMENT {
        "CommentEmailRecord"
    } else {
        "EmailRecord"
    };
    let first_id = built
        .deliveries
        .first()
        .map(|d| d.message_id.clone())
        .unwrap_or_default();
    let txn = transactions::record(
        conn,
        TICKET,
        ticket,
        Change::new(txn_type).data(first_id.clone()),
        UserId::SYSTEM.0,
        now,
    )?;
    crate::store::attachments::insert_tree(conn, txn, &built.record, UserId::SYSTEM.0, now)?;
    let queue = crate::store::tickets::raw(conn, ticket)?
        .map(|t| t.queue_id)
        .unwrap_or(0);
    // Sent Message-IDs go where the inbound side looks them up for threading.
    for d in &built.deliveries {
        crate::store::mail::record_outbound(conn, &d.message_id, ticket, txn, queue, now)?;
    }
    rows::mark_sent(
        conn,
        id,
        &first_id,
        &built.recipients.join(", "),
        built.deliveries.iter().any(|d| d.encrypted),
        built.signed,
        txn,
        now,
    )?;
    Ok(true)
}

/// Held or failed mail goes back to the queue of due mail (after keys were imported, say).
pub fn retry(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<Option<OutboxRow>> {
    let Some(row) = rows::outbox_row(conn, id)? else {
        return Ok(None);
    };
    if row.status != "sent" {
        rows::mark(conn, id, "pending", "", 0, now)?;
    }
    rows::outbox_row(conn, id)
}

/// Deletes outbox rows sent more than `keep_sent_days` before `now` (none when it is 0);
/// returns how many.
pub fn prune_sent(
    conn: &mut DbConn,
    keep_sent_days: u32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    if keep_sent_days == 0 {
        return Ok(0);
    }
    rows::prune_sent(
        conn,
        now - chrono::Duration::days(i64::from(keep_sent_days)),
    )
}

/// How often the delivery loop prunes sent mail.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// The delivery loop run beside the web server.
pub async fn run_worker(state: AppState) {
    let transport = match Transport::from_config(&state.config.outbound, &state.config.data_dir()) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!("outgoing mail disabled: {e}");
            return;
        }
    };
    let every = std::time::Duration::from_millis(state.config.outbound.poll_millis.max(50));
    let mut last_prune: Option<tokio::time::Instant> = None;
    loop {
        if let Err(e) = process_due(&state, &transport).await {
            tracing::error!("outgoing mail worker: {e}");
        }
        if last_prune.is_none_or(|t| t.elapsed() >= PRUNE_EVERY) {
            last_prune = Some(tokio::time::Instant::now());
            let keep = state.config.outbound.keep_sent_days;
            let now = state.clock.now();
            match state
                .store
                .write(move |c| prune_sent(c, keep, now).map_err(OutboxError::from))
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(pruned = n, "outgoing mail worker: sent mail pruned"),
                Err(e) => tracing::error!("outgoing mail worker: pruning sent mail: {e}"),
            }
        }
        tokio::time::sleep(every).await;
    }
}
