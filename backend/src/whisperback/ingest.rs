//! Turns a decrypted report into a ticket: queue by the user's language, the contact email as
//! requestor, the user's text as body, the whole report attached, and the facts stored.
//!
//! The REST endpoint parses off the write transaction and calls [`ingest_parsed`]. Mail keeps
//! the message as received for the ticket body and calls [`store_facts`] (see
//! `mail::whisperback`).

use chrono::NaiveDateTime;

use super::{parse, Report, ReportId, Warning, WifiBus};
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::mime::{self, FileInput};
use crate::mail::MailConfig;
use crate::store::rows::QueueRow;
use crate::store::tickets::{self, Ctx, NewTicketInput};
use crate::store::whisperback::{self as wb, NewDevice, NewReport};
use crate::store::{queues, users, DbConn};

/// What became of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub ticket: i64,
    pub report: i64,
    /// The report id had already been ingested; nothing was stored.
    pub duplicate: bool,
    pub queue: String,
    pub language: Option<String>,
    pub report_id: Option<String>,
}

/// Parses and stores a decrypted report; returns the ticket. A report id already ingested
/// returns the existing ticket (mail retries must not duplicate reports).
pub fn ingest(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    raw_decrypted_body: &[u8],
    report_id_from_subject: Option<&str>,
    mail: &MailConfig,
) -> DomainResult<i64> {
    let report = parse(raw_decrypted_body);
    ingest_parsed(
        conn,
        ctx,
        raw_decrypted_body,
        &report,
        report_id_from_subject,
        mail,
    )
    .map(|i| i.ticket)
}

/// The queue for a report's language, routed as the mail gateway routes it
/// ([`crate::mail::inbound::language_queue`]), else the General queue.
pub fn queue_for_language(
    conn: &mut DbConn,
    mail: &MailConfig,
    language: Option<&str>,
) -> DomainResult<QueueRow> {
    if let Some(q) = crate::mail::inbound::language_queue(conn, mail, language.unwrap_or(""))? {
        return Ok(q);
    }
    queues::all(conn)?
        .into_iter()
        .find(|q| !q.disabled && q.name.eq_ignore_ascii_case("General"))
        .ok_or_else(|| DomainError::Invalid("No queue for this report and no General queue".into()))
}

pub fn ingest_parsed(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    raw: &[u8],
    report: &Report,
    report_id_from_subject: Option<&str>,
    mail: &MailConfig,
) -> DomainResult<Ingested> {
    let report_id = match report_id_from_subject {
        Some(s) => Some(ReportId::from_subject(s).ok_or_else(|| {
            DomainError::Invalid("The subject is not 'Bug report: <hex id>'".into())
        })?),
        None => report.report_id.clone(),
    };
    if report.warnings.contains(&Warning::Encrypted) {
        return Err(DomainError::Invalid(
            "The report is still encrypted: decrypt it before ingesting".into(),
        ));
    }
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(DomainError::Invalid("The report is empty".into()));
    }
    let language = report.user_text.language.clone();
    if let Some(id) = &report_id {
        if let Some(existing) = wb::by_report_id(conn, id.as_str())? {
            let t = tickets::visible(conn, ctx, existing.ticket_id)?;
            let queue = queues::by_id(conn, t.queue_id)?
                .map(|q| q.name)
                .unwrap_or_default();
            return Ok(Ingested {
                ticket: existing.ticket_id,
                report: existing.id,
                duplicate: true,
                queue,
                language: existing.language,
                report_id: existing.report_id,
            });
        }
    }
    let queue = queue_for_language(conn, mail, language.as_deref())?;
    let contact = contact_of(report);
    let subject = subject_of(report, report_id.as_ref());
    let text = if report.user_text.text.trim().is_empty() {
        "(The report holds no text from the user.)".to_owned()
    } else {
        report.user_text.text.clone()
    };
    let file = FileInput {
        filename: match &report_id {
            Some(id) => format!("whisperback-{id}.txt"),
            None => "whisperback-report.txt".into(),
        },
        content_type: "text/plain".into(),
        content: raw.to_vec(),
    };
    let input = NewTicketInput {
        queue: queue.id,
        subject: Some(subject.clone()),
        requestors: contact.map(str::to_owned).into_iter().collect(),
        content: mime::message_tree(&subject, Some(&text), "text/plain", &[file]),
        ..NewTicketInput::default()
    };
    let ticket = tickets::create(conn, ctx, &input)?;
    let id = store_facts(
        conn,
        ctx.now,
        ticket,
        raw,
        report,
        report_id.as_ref(),
        contact,
    )?;
    Ok(Ingested {
        ticket,
        report: id,
        duplicate: false,
        queue: queue.name,
        language,
        report_id: report_id.map(|r| r.as_str().to_owned()),
    })
}

/// The ticket subject for a report: the summary the user typed, else the report id.
pub fn subject_of(report: &Report, report_id: Option<&ReportId>) -> String {
    match (&report.summary, report_id) {
        (Some(s), _) if !s.trim().is_empty() => s.trim().to_owned(),
        (_, Some(id)) => format!("WhisperBack report {id}"),
        _ => "WhisperBack report".to_owned(),
    }
}

/// The report's contact email, when it looks like an address.
pub fn contact_of(report: &Report) -> Option<&str> {
    report
        .contact_email
        .as_deref()
        .map(str::trim)
        .filter(|e| users::looks_like_email(e))
}

/// Stores the facts of a report for the ticket it became (the report row and its devices);
/// returns the report row id. `raw` is the decrypted report as received.
pub fn store_facts(
    conn: &mut DbConn,
    now: NaiveDateTime,
    ticket: i64,
    raw: &[u8],
    report: &Report,
    report_id: Option<&ReportId>,
    contact: Option<&str>,
) -> DomainResult<i64> {
    let facts = serde_json::to_string(report)
        .map_err(|e| DomainError::Invalid(format!("The facts do not serialise: {e}")))?;
    let key = report.openpgp_key.as_ref();
    let key_kind = key.map(|k| {
        serde_json::to_value(k.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    });
    let enum_str = |v: Option<serde_json::Value>| v.and_then(|v| v.as_str().map(str::to_owned));
    let body_format = enum_str(
        report
            .tails
            .body_format
            .and_then(|f| serde_json::to_value(f).ok()),
    );
    let era = enum_str(
        report
            .tails
            .debugging_info_era
            .and_then(|f| serde_json::to_value(f).ok()),
    );
    let machine_key = machine_key(report);
    let boot_added = report.boot.added.join(" ");
    let bug = report.bug_specific.as_ref();
    let new = NewReport {
        ticket_id: ticket,
        report_id: report_id.map(ReportId::as_str),
        tails_version: report.tails.version.as_deref(),
        body_format: body_format.as_deref(),
        debugging_info_era: era.as_deref(),
        language: report.user_text.language.as_deref(),
        contact_email: contact,
        openpgp_key_kind: key_kind.as_deref(),
        openpgp_key_value: key.map(|k| k.value.as_str()),
        openpgp_key_block: key.and_then(|k| k.key_block.as_deref()),
        bug_app: bug.and_then(|b| b.app.as_deref()),
        bug_summary: bug.and_then(|b| b.summary.as_deref()),
        bug_details: bug.and_then(|b| b.details.as_deref()),
        machine_key: machine_key.as_deref(),
        boot_added: &boot_added,
        size_bytes: i64::try_from(raw.len()).unwrap_or(i64::MAX),
        facts: &facts,
        created: now,
    };
    let id = wb::insert(conn, &new)?;
    wb::insert_devices(conn, &devices(report, id, ticket))?;
    Ok(id)
}

fn machine_key(report: &Report) -> Option<String> {
    report
        .hardware
        .machine
        .as_ref()
        .filter(|m| !m.placeholder)
        .and_then(|m| m.model_key.clone())
}

/// The devices of a report, keyed by identity: laptop model key, PCI or USB ids.
pub fn devices(report: &Report, report_row: i64, ticket: i64) -> Vec<NewDevice> {
    let version = report.tails.version.clone();
    let dev =
        |kind: &str, key: String, role: &str, name: String, driver: Option<String>| NewDevice {
            report_id: report_row,
            ticket_id: ticket,
            kind: kind.to_owned(),
            device_key: key,
            role: role.to_owned(),
            name,
            driver,
            tails_version: version.clone(),
        };
    let hw = &report.hardware;
    let mut out = Vec::new();
    if let Some(key) = machine_key(report) {
        out.push(dev("model", key.clone(), "machine", key, None));
    }
    for g in &hw.gpus {
        out.push(dev(
            "pci",
            g.id.to_string(),
            "gpu",
            g.name.clone(),
            g.driver.clone(),
        ));
    }
    for w in &hw.wifi {
        let kind = match w.bus {
            WifiBus::Pci => "pci",
            WifiBus::Usb => "usb",
            WifiBus::Sdio => continue,
        };
        if let Some(id) = w.id {
            out.push(dev(
                kind,
                id.to_string(),
                "wifi",
                w.name.clone().unwrap_or_default(),
                w.driver.clone(),
            ));
        }
    }
    if let Some(s) = &hw.boot_usb {
        let name = s
            .usb_ids_name
            .clone()
            .or_else(|| {
                let parts: Vec<&str> = [s.manufacturer.as_deref(), s.product.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            })
            .unwrap_or_default();
        out.push(dev(
            "usb",
            s.id.to_string(),
            "usb_stick",
            name,
            s.driver.clone(),
        ));
    }
    out
}
