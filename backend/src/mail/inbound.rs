//! The inbound pipeline: one message from the gateway becomes a new ticket or a transaction on
//! the ticket it answers, exactly once, inside one database transaction.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use sha2::{Digest, Sha256};

use crate::crypto::{self, Opened, RequireEncryption};
use crate::domain::error::DomainError;
use crate::domain::ids::UserId;
use crate::domain::rights::{EffectiveRights, Right};
use crate::mail::parse::{self, Parsed};
use crate::mail::rules::{self, NoAutoReply};
use crate::mail::whisperback as mailwb;
use crate::mail::MailConfig;
use crate::store::mail::{self as mailstore, NewMailMessage};
use crate::store::rows::{QueueRow, UserRow};
use crate::store::tickets::{self, Ctx, MessageInput, MessageKind, NewTicketInput};
use crate::store::whisperback as wbstore;
use crate::store::{queues, transactions, users, DbConn, StoreError};
use crate::whisperback;

/// What RT's mail gateway calls the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Correspond,
    Comment,
}

impl Action {
    /// `correspond`, `comment`, or RT's dash lists such as `take-comment` (only the recording
    /// action is honoured).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Some(Self::Correspond);
        }
        let mut found = None;
        for a in s.split('-') {
            match a {
                "correspond" => found = Some(Self::Correspond),
                "comment" => found = Some(Self::Comment),
                "take" | "resolve" => {}
                _ => return None,
            }
        }
        found.or(Some(Self::Correspond))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Correspond => "correspond",
            Self::Comment => "comment",
        }
    }
}

/// One message handed to the gateway.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Queue name or id for a new ticket; the configured default when absent.
    pub queue: Option<String>,
    pub action: Action,
    /// A ticket named by the caller (RT's `--extension ticket`).
    pub ticket: Option<i64>,
    pub raw: Vec<u8>,
}

/// The system settings the pipeline reads.
#[derive(Debug, Clone)]
pub struct Settings {
    pub mail: MailConfig,
    pub rt_name: String,
    pub organization: String,
    /// `[openpgp] learn_keys`: learn senders' public keys from their mail.
    pub learn_keys: bool,
}

impl Settings {
    pub fn from_config(config: &crate::config::Config) -> Self {
        Self {
            mail: config.mail.clone(),
            rt_name: config.rt_name.clone(),
            organization: config.organization.clone(),
            learn_keys: config.openpgp.learn_keys,
        }
    }
}

/// Whether the new ticket gets an automatic answer, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutoReply {
    Queued,
    /// The queue has auto-replies off.
    QueueOff,
    /// The message did not create a ticket.
    NotNew,
    Suppressed(NoAutoReply),
    RateLimited,
}

/// Where a message went.
#[derive(Debug, Clone)]
pub struct Delivered {
    pub ticket: i64,
    pub queue: String,
    pub transaction: i64,
    pub created: bool,
    /// The message had been delivered before; nothing was stored again.
    pub duplicate: bool,
    pub autoreply: AutoReply,
    pub language: String,
    /// What could not be read as declared; stored as received.
    pub problems: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum InboundError {
    /// A permanent refusal: the sender gets this reason in the bounce.
    #[error("{0}")]
    Refused(String),
    /// A permanent refusal because the sender may not do this.
    #[error("{0}")]
    NotPermitted(String),
    /// Our own mail came back; it is dropped without a bounce.
    #[error("mail loop: this message was sent by this help desk")]
    Loop,
    /// Retry later (database unavailable, misconfiguration being fixed).
    #[error("{0}")]
    Temporary(String),
    /// Another delivery of the same message committed first; run again to find it.
    #[error("concurrent delivery of the same message")]
    Race,
}

/// sysexits codes, for `hushdesk mailgate` and the gateway's `X-Hushdesk-Exit` header.
pub const EX_OK: u8 = 0;
pub const EX_DATAERR: u8 = 65;
pub const EX_TEMPFAIL: u8 = 75;
pub const EX_NOPERM: u8 = 77;

impl InboundError {
    /// The exit status an MTA acts on: bounce (65, 77), retry (75), or drop (0, loops).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Refused(_) => EX_DATAERR,
            Self::NotPermitted(_) => EX_NOPERM,
            Self::Loop => EX_OK,
            Self::Temporary(_) | Self::Race => EX_TEMPFAIL,
        }
    }
}

impl From<diesel::result::Error> for InboundError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => Self::Race,
            other => Self::Temporary(format!("database: {other}")),
        }
    }
}

impl From<StoreError> for InboundError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Query(q) => q.into(),
            other => Self::Temporary(other.to_string()),
        }
    }
}

impl From<DomainError> for InboundError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(m) | DomainError::NotFound(m) => Self::Refused(m),
            DomainError::Forbidden => Self::NotPermitted("permission denied".into()),
            DomainError::Conflict(m) | DomainError::Unavailable(m) => Self::Temporary(m),
            DomainError::Store(s) => s.into(),
        }
    }
}

/// Trace headers an MTA adds or changes on each hop; left out of the content hash.
const TRACE: &[&str] = &[
    "received",
    "return-path",
    "delivered-to",
    "x-original-to",
    "x-rt-mail-extension",
    "dkim-signature",
    "arc-seal",
    "arc-message-signature",
    "arc-authentication-results",
    "authentication-results",
    "x-spam-status",
    "x-spam-score",
    "x-spam-checker-version",
];

/// `mid:<Message-ID>`, or `sha256:<hex>` of the message without trace headers.
pub fn dedupe_key(raw: &[u8]) -> (String, String) {
    let (headers, body_at) = mailparse::parse_headers(raw).unwrap_or((Vec::new(), 0));
    let mid = headers
        .iter()
        .find(|h| h.get_key_ref().eq_ignore_ascii_case("Message-ID"))
        .and_then(|h| parse::message_ids(&h.get_value()).into_iter().next());
    if let Some(id) = mid {
        return (format!("mid:{id}"), id);
    }
    let mut hash = Sha256::new();
    for h in &headers {
        let key = h.get_key_ref().to_ascii_lowercase();
        if TRACE.contains(&key.as_str()) {
            continue;
        }
        hash.update(key.as_bytes());
        hash.update(b":");
        hash.update(h.get_value_raw());
        hash.update(b"\n");
    }
    hash.update(b"\n");
    // Line endings differ between delivery paths; the content does not.
    let body = raw.get(body_at..).unwrap_or_default();
    for line in body.split(|b| *b == b'\n') {
        hash.update(line.strip_suffix(b"\r").unwrap_or(line));
        hash.update(b"\n");
    }
    (
        format!("sha256:{}", hex::encode(hash.finalize())),
        String::new(),
    )
}

fn load_user(conn: &mut DbConn, id: i64) -> Result<UserRow, InboundError> {
    users::by_id(conn, id)?.ok_or_else(|| InboundError::Temporary(format!("user {id} vanished")))
}

fn is_shared(cfg: &MailConfig, queue: &QueueRow, recipients: &[String]) -> bool {
    cfg.shared.iter().any(|s| {
        s.eq_ignore_ascii_case(&queue.name) || recipients.iter().any(|r| r.eq_ignore_ascii_case(s))
    })
}

/// The queue for routed mail written in `lang`: the configured map, a queue with that
/// language, then the fallback queue; `None` to stay where it arrived.
fn routed_queue(
    conn: &mut DbConn,
    cfg: &MailConfig,
    lang: &str,
) -> Result<Option<QueueRow>, InboundError> {
    Ok(language_queue(conn, cfg, lang)?)
}

/// The queue for mail (or a WhisperBack report) in `lang`: `[mail] language_queues`, then the
/// first enabled queue of that language, then `[mail] fallback_queue`. `None` when none
/// applies. The mail gateway and the REST WhisperBack endpoint route alike through it.
pub fn language_queue(
    conn: &mut DbConn,
    cfg: &MailConfig,
    lang: &str,
) -> QueryResult<Option<QueueRow>> {
    let lang = lang.trim().to_ascii_lowercase();
    if !lang.is_empty() {
        if let Some(name) = cfg.language_queues.get(&lang) {
            if let Some(q) = queues::by_name(conn, name)?.filter(|q| !q.disabled) {
                return Ok(Some(q));
            }
        }
        if let Some(q) = queues::all(conn)?
            .into_iter()
            .filter(|q| !q.disabled && q.language.eq_ignore_ascii_case(&lang))
            .min_by_key(|q| q.id)
        {
            return Ok(Some(q));
        }
    }
    if cfg.fallback_queue.is_empty() {
        return Ok(None);
    }
    queues::by_name(conn, &cfg.fallback_queue).map(|q| q.filter(|q| !q.disabled))
}

fn subject_tags(conn: &mut DbConn, rt_name: &str) -> Result<Vec<String>, InboundError> {
    let mut tags = vec![rt_name.to_owned()];
    tags.extend(
        queues::all(conn)?
            .into_iter()
            .map(|q| q.subject_tag)
            .filter(|t| !t.is_empty()),
    );
    Ok(tags)
}

fn opened(
    conn: &mut DbConn,
    queue: i64,
    raw: &[u8],
    now: NaiveDateTime,
) -> Result<Opened, InboundError> {
    match crypto::open_incoming(conn, queue, raw, now.and_utc()) {
        Ok(o) => Ok(o),
        Err(crypto::CryptoError::Db(e)) => Err(e.into()),
        Err(e) => {
            // Not a database problem: keep the message as received rather than lose it.
            tracing::warn!(error = %e, "OpenPGP processing failed; storing the message as received");
            let mut o = Opened::plain(raw);
            o.encryption = crypto::EncryptionStatus::Undecryptable {
                reason: e.to_string(),
            };
            Ok(o)
        }
    }
}

/// A message decrypted and parsed, ready to be stored.
#[derive(Debug, Clone)]
pub struct Opening {
    key: String,
    outer_mid: String,
    outer: rules::Envelope,
    opened: Opened,
    parsed: Parsed,
    /// The (protected) subject.
    subject: String,
    /// The message read as a WhisperBack report, when it is one.
    report: Option<mailwb::MailReport>,
    /// The language of the writer's own text, should the message start a ticket.
    language: String,
    /// Public keys the message offers for its sender (when keys are learned).
    keys: Vec<(sequoia_openpgp::Cert, &'static str)>,
}

/// What [`prepare`] found.
#[derive(Debug, Clone)]
pub enum Prepared {
    /// Delivered before: nothing to store.
    Seen(Delivered),
    Open(Box<Opening>),
}

fn seen_before(
    conn: &mut DbConn,
    seen: &crate::store::mail::MailMessageRow,
) -> Result<Delivered, InboundError> {
    let queue = queues::by_id(conn, seen.queue_id)?
        .map(|q| q.name)
        .unwrap_or_default();
    Ok(Delivered {
        ticket: seen.ticket_id,
        queue,
        transaction: seen.transaction_id,
        created: false,
        duplicate: true,
        autoreply: AutoReply::NotNew,
        language: mailstore::language(conn, seen.ticket_id).unwrap_or_default(),
        problems: Vec::new(),
    })
}

fn arrival_queue(
    conn: &mut DbConn,
    settings: &Settings,
    delivery: &Delivery,
) -> Result<QueueRow, InboundError> {
    let queue_key = delivery
        .queue
        .clone()
        .filter(|q| !q.trim().is_empty())
        .unwrap_or_else(|| settings.mail.default_queue.clone());
    queues::lookup(conn, &queue_key)?
        .filter(|q| !q.disabled)
        .ok_or_else(|| {
            InboundError::Temporary(format!("queue '{queue_key}' does not exist or is disabled"))
        })
}

/// The work before the write transaction: checks, decryption and parsing. It only reads, so
/// on SQLite other deliveries are not held behind the write lock while it runs.
pub fn prepare(
    conn: &mut DbConn,
    settings: &Settings,
    delivery: &Delivery,
    now: NaiveDateTime,
) -> Result<Prepared, InboundError> {
    let cfg = &settings.mail;
    let raw = &delivery.raw;
    if raw.len() > cfg.max_message_bytes {
        return Err(InboundError::Refused(format!(
            "message too large: {} bytes, this help desk accepts at most {} bytes",
            raw.len(),
            cfg.max_message_bytes
        )));
    }
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(InboundError::Refused("empty message".into()));
    }
    let (key, outer_mid) = dedupe_key(raw);
    if let Some(seen) = mailstore::by_key(conn, &key)? {
        return seen_before(conn, &seen).map(Prepared::Seen);
    }
    let loop_id = cfg.loop_id(&settings.rt_name, &settings.organization);
    let outer = parse::parse_envelope(raw);
    if outer.is_own(&loop_id, &settings.rt_name) {
        return Err(InboundError::Loop);
    }
    let arrival = arrival_queue(conn, settings, delivery)?;
    // The ticket named by the caller decides the keys used; otherwise the arrival queue's.
    let named = match delivery.ticket {
        Some(id) => tickets::load(conn, id)?,
        None => None,
    };
    let key_queue = named.as_ref().map(|t| t.queue_id).unwrap_or(arrival.id);
    let opened = opened(conn, key_queue, raw, now)?;
    if !opened.was_encrypted()
        && crypto::require_encryption(conn, key_queue)? == RequireEncryption::Refuse
    {
        return Err(InboundError::NotPermitted(
            "this queue requires encrypted mail; please encrypt your message to the queue's OpenPGP key".into(),
        ));
    }
    let mut parsed = parse::parse(&opened.message);
    if let crypto::EncryptionStatus::Undecryptable { reason } = &opened.encryption {
        parsed
            .problems
            .push(format!("encrypted, not decrypted: {reason}"));
    }
    let subject = opened
        .protected_subject
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| parsed.subject.clone());
    // Only new tickets become reports; a reply to a ticket named by the caller never does.
    let report = if named.is_none() {
        mailwb::recognise(&[subject.as_str(), outer.subject.as_str()], &parsed.text)
    } else {
        None
    };
    // CPU-heavy work that needs no database is done here, outside the write lock: the
    // language of a message that may start a ticket, and the keys it offers.
    let language = match (&report, &named) {
        (Some(r), _) => r.language(),
        (None, None) => rules::language_of(&parsed.text).unwrap_or_default(),
        (None, Some(_)) => String::new(),
    };
    let keys = if settings.learn_keys {
        let sender = match &report {
            Some(r) => r.requestor(&parsed.envelope),
            None => parsed.envelope.requestor().map(str::to_owned),
        };
        match sender {
            Some(s) => crypto::learn::keys_in(&opened.message, s.trim()),
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    Ok(Prepared::Open(Box::new(Opening {
        key,
        outer_mid,
        outer,
        opened,
        parsed,
        subject,
        report,
        language,
        keys,
    })))
}

/// Delivers one message. Runs inside the caller's write transaction.
pub fn deliver(
    conn: &mut DbConn,
    settings: &Settings,
    delivery: &Delivery,
    now: NaiveDateTime,
) -> Result<Delivered, InboundError> {
    match prepare(conn, settings, delivery, now)? {
        Prepared::Seen(d) => Ok(d),
        Prepared::Open(o) => commit(conn, settings, delivery, *o, now),
    }
}

/// Stores a prepared message: a new ticket or a transaction on the ticket it answers. Runs
/// inside the caller's write transaction.
pub fn commit(
    conn: &mut DbConn,
    settings: &Settings,
    delivery: &Delivery,
    opening: Opening,
    now: NaiveDateTime,
) -> Result<Delivered, InboundError> {
    let cfg = &settings.mail;
    let Opening {
        key,
        outer_mid,
        outer,
        opened,
        parsed,
        subject,
        report,
        language: detected,
        keys,
    } = opening;
    // Another delivery of the same message may have committed since it was prepared.
    if let Some(seen) = mailstore::by_key(conn, &key)? {
        return seen_before(conn, &seen);
    }
    let loop_id = cfg.loop_id(&settings.rt_name, &settings.organization);
    let arrival = arrival_queue(conn, settings, delivery)?;
    let named = match delivery.ticket {
        Some(id) => tickets::load(conn, id)?,
        None => None,
    };
    let Parsed {
        root,
        parents,
        envelope,
        text,
        problems,
        ..
    } = parsed;

    let ticket = match named {
        Some(t) => Some(t),
        None => {
            let tags = subject_tags(conn, &settings.rt_name)?;
            let tag_refs: Vec<&str> = tags.iter().map(String::as_str).collect();
            let by_tag = rules::subject_ticket(&subject, &tag_refs)
                .or_else(|| rules::subject_ticket(&outer.subject, &tag_refs));
            let id = match by_tag {
                Some(id) => Some(id),
                None => mailstore::ticket_of_message_ids(conn, &parents)?,
            };
            match id {
                Some(id) => tickets::load(conn, id)?,
                None => None,
            }
        }
    };

    // A new ticket from a WhisperBack report: its facts, its contact and its language.
    let report = if ticket.is_none() { report } else { None };
    if let Some(id) = report.as_ref().and_then(|r| r.id.as_ref()) {
        if let Some(seen) = wbstore::by_report_id(conn, id.as_str())? {
            // The same report again (another copy or wrapping): nothing is stored twice.
            let ticket = tickets::load(conn, seen.ticket_id)?;
            let queue = match &ticket {
                Some(t) => queues::by_id(conn, t.queue_id)?.map(|q| q.name),
                None => None,
            };
            let transaction = transactions::last_of_types(conn, seen.ticket_id, &["Create"])?
                .map(|r| r.id)
                .unwrap_or(0);
            return Ok(Delivered {
                ticket: seen.ticket_id,
                queue: queue.unwrap_or_default(),
                transaction,
                created: false,
                duplicate: true,
                autoreply: AutoReply::NotNew,
                language: seen.language.unwrap_or_default(),
                problems: Vec::new(),
            });
        }
    }
    let requestor = match &report {
        Some(r) => r.requestor(&envelope),
        None => envelope.requestor().map(str::to_owned),
    };
    let actor_id = match &requestor {
        Some(addr) => match users::find_or_create_by_email(conn, addr, UserId::SYSTEM, now) {
            Ok(id) => id,
            Err(DomainError::Invalid(_)) => UserId::SYSTEM.0,
            Err(e) => return Err(e.into()),
        },
        None => UserId::SYSTEM.0,
    };
    let actor = load_user(conn, actor_id)?;
    if actor.disabled {
        return Err(InboundError::NotPermitted(
            "the sender's account is disabled".into(),
        ));
    }
    // Anyone may write to the help desk; comments need the sender's own right.
    let all = EffectiveRights::all();
    let own;
    let rights = if delivery.action == Action::Comment && ticket.is_some() {
        own = crate::store::acl::effective_rights(conn, &actor)?;
        &own
    } else {
        &all
    };
    let ctx = Ctx {
        actor: &actor,
        rights,
        now,
        org: &settings.organization,
    };

    let (ticket_id, queue_id, txn, created, language) = match ticket {
        Some(t) => {
            let kind = match delivery.action {
                Action::Correspond => MessageKind::Correspond,
                Action::Comment => MessageKind::Comment,
            };
            if kind == MessageKind::Comment
                && !tickets::can(conn, &ctx, &t, Right::CommentOnTicket)?
            {
                return Err(InboundError::NotPermitted(format!(
                    "permission denied: the sender may not comment on ticket {}",
                    t.id
                )));
            }
            tickets::add_message(
                conn,
                &ctx,
                t.id,
                kind,
                &MessageInput {
                    content: Some(root),
                    subject: Some(subject.clone()).filter(|s| !s.trim().is_empty()),
                    ..MessageInput::default()
                },
            )?;
            let txn_type = match kind {
                MessageKind::Correspond => "Correspond",
                MessageKind::Comment => "Comment",
            };
            let txn = transactions::last_of_types(conn, t.id, &[txn_type])?
                .map(|r| r.id)
                .unwrap_or(0);
            let lang = mailstore::language(conn, t.id).unwrap_or_default();
            (t.id, t.queue_id, txn, false, lang)
        }
        None => {
            // Detected in `prepare` (a reply named by the caller has none; threading found
            // no ticket, so it is a new one after all: detect now).
            let language = if detected.is_empty() && delivery.ticket.is_some() {
                rules::language_of(&text).unwrap_or_default()
            } else {
                detected
            };
            let subject = match &report {
                Some(r) => r.subject(&subject),
                None => subject.clone(),
            };
            let mut target = arrival.clone();
            // WhisperBack sends every report to one address: reports are always routed.
            if report.is_some() || is_shared(cfg, &arrival, &envelope.recipients) {
                if let Some(q) = routed_queue(conn, cfg, &language)? {
                    target = q;
                }
            }
            let id = tickets::create(
                conn,
                &ctx,
                &NewTicketInput {
                    queue: target.id,
                    subject: Some(subject.clone()),
                    requestors: requestor.iter().cloned().collect(),
                    content: Some(root),
                    ..NewTicketInput::default()
                },
            )?;
            if !language.is_empty() {
                mailstore::set_language(conn, id, &language)?;
            }
            if let Some(r) = &report {
                let contact = whisperback::ingest::contact_of(&r.report);
                whisperback::ingest::store_facts(
                    conn,
                    now,
                    id,
                    text.as_bytes(),
                    &r.report,
                    r.id.as_ref(),
                    contact,
                )?;
            }
            let txn = transactions::last_of_types(conn, id, &["Create"])?
                .map(|r| r.id)
                .unwrap_or(0);
            (id, target.id, txn, true, language)
        }
    };

    let mid = if outer_mid.is_empty() {
        parse::parse_envelope(&opened.message).message_id
    } else {
        outer_mid
    };
    let reason = problems.join("; ");
    mailstore::record(
        conn,
        &NewMailMessage {
            dedupe_key: &key,
            message_id: &mid,
            direction: "in",
            ticket_id,
            transaction_id: txn,
            queue_id,
            status: "stored",
            reason: &reason,
            created: now,
        },
    )?;
    crypto::record_status(conn, txn, &opened)?;
    if settings.learn_keys && actor.id != UserId::SYSTEM.0 && !keys.is_empty() {
        if let Err(crypto::CryptoError::Db(e)) =
            crypto::learn::store_learned(conn, actor.id, keys, now.and_utc())
        {
            return Err(e.into());
        }
    }

    let autoreply = if !created {
        AutoReply::NotNew
    } else if let Some(why) = envelope
        .no_autoreply(&loop_id, &settings.rt_name)
        .or_else(|| outer.no_autoreply(&loop_id, &settings.rt_name))
    {
        AutoReply::Suppressed(why)
    } else if actor.id == UserId::SYSTEM.0 {
        AutoReply::Suppressed(NoAutoReply::MailerDaemon)
    } else {
        let since = now - chrono::Duration::minutes(cfg.autoreply_window_minutes.max(0));
        if mailstore::autoreplies_since(conn, actor.id, since)? >= i64::from(cfg.autoreply_limit) {
            AutoReply::RateLimited
        } else {
            match crate::mail::outbound::enqueue_autoreply(conn, ticket_id, txn, now)? {
                Some(_) => {
                    mailstore::record_autoreply(conn, actor.id, ticket_id, now)?;
                    AutoReply::Queued
                }
                None => AutoReply::QueueOff,
            }
        }
    };
    let queue = queues::by_id(conn, queue_id)?
        .map(|q| q.name)
        .unwrap_or_default();
    Ok(Delivered {
        ticket: ticket_id,
        queue,
        transaction: txn,
        created,
        duplicate: false,
        autoreply,
        language,
        problems,
    })
}

/// Runs [`prepare`] on a pooled connection, then [`commit`] in one write transaction; once
/// more when a concurrent delivery of the same message won the race (it then reports that
/// delivery).
pub fn deliver_blocking(
    store: &crate::store::Store,
    settings: &Settings,
    delivery: &Delivery,
    now: NaiveDateTime,
) -> Result<Delivered, InboundError> {
    let prepared = {
        let mut conn = store.conn()?;
        prepare(&mut conn, settings, delivery, now)?
    };
    let opening = match prepared {
        Prepared::Seen(d) => return Ok(d),
        Prepared::Open(o) => *o,
    };
    match store.write_blocking(|conn| commit(conn, settings, delivery, opening, now)) {
        Err(InboundError::Race) => {
            store.write_blocking(|conn| deliver(conn, settings, delivery, now))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions() {
        assert_eq!(Action::parse("correspond"), Some(Action::Correspond));
        assert_eq!(Action::parse("take-comment"), Some(Action::Comment));
        assert_eq!(Action::parse(""), Some(Action::Correspond));
        assert_eq!(Action::parse("explode"), None);
    }

    #[test]
    fn hash_ignores_trace_headers_and_line_endings() {
        let a = b"Received: from a\r\nSubject: Bug report: 1f\r\n\r\nbody\r\n";
        let b = b"Received: from b\nReceived: from c\nSubject: Bug report: 1f\n\nbody\n";
        let c = b"Subject: Bug report: 20\n\nbody\n";
        assert_eq!(dedupe_key(a), dedupe_key(b));
        assert_ne!(dedupe_key(a), dedupe_key(c));
        assert!(dedupe_key(a).0.starts_with("sha256:"));
        assert_eq!(dedupe_key(b"Message-ID: <x@y>\n\nz").0, "mid:x@y");
    }
}
