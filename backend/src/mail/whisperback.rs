//! WhisperBack reports arriving by mail: recognising a decrypted body as a report, and who the
//! ticket is for (WhisperBack sends from a fixed address; the user's contact is in the body).
//! The pipeline keeps the message as the ticket body and stores the facts with
//! [`crate::whisperback::ingest::store_facts`].

use crate::mail::rules::Envelope;
use crate::whisperback::{self, ingest, Report, ReportId};

/// The sender WhisperBack puts on every report: it stands for nobody.
pub const WHISPERBACK_FROM: &str = "devnull@tails.boum.org";

/// A mail recognised as a WhisperBack report.
#[derive(Debug, Clone)]
pub struct MailReport {
    pub report: Report,
    /// From the subject `Bug report: <hex>`.
    pub id: Option<ReportId>,
}

/// Recognises a report from the subjects (protected first, then outer) and the decrypted text:
/// a `Bug report: <hex>` subject over a body with any report header or debugging section, or
/// any subject over a body with both a `Tails-Version:` header and debugging sections (a
/// report pasted into a user's own mail).
pub fn recognise(subjects: &[&str], text: &str) -> Option<MailReport> {
    if text.trim().is_empty() {
        return None;
    }
    let id = subjects.iter().find_map(|s| bug_report_id(s));
    if id.is_none() && !could_hold_report(text.as_bytes()) {
        // Most mail: no report subject and nothing a report needs (sections, or a wrapper
        // whose encoding could hide them), so the parser is not run.
        return None;
    }
    let report = whisperback::parse(text.as_bytes());
    let has_header = report.tails.version.is_some()
        || report.summary.is_some()
        || report.contact_email.is_some();
    let has_sections = !report.sections.is_empty();
    let is_report = if id.is_some() {
        has_header || has_sections
    } else {
        report.tails.version.is_some() && has_sections
    };
    is_report.then_some(MailReport { report, id })
}

/// Whether `text` could be a report without a report subject: it needs debugging sections,
/// which show as markers, unless an encoded MIME wrapper hides them.
fn could_hold_report(text: &[u8]) -> bool {
    memchr::memmem::find(text, b"======= content of ").is_some()
        || memchr::memmem::find(&text.to_ascii_lowercase(), b"content-transfer-encoding").is_some()
}

/// `Bug report: <hex>` exactly (a bare hex subject is not a report).
fn bug_report_id(subject: &str) -> Option<ReportId> {
    let s = subject.trim();
    let rest = s.strip_prefix("Bug report:")?;
    if rest.trim().is_empty() {
        return None;
    }
    ReportId::from_subject(s)
}

impl MailReport {
    /// The contact email from the report; else the mail's own requestor unless it is
    /// WhisperBack's fixed sender.
    pub fn requestor(&self, envelope: &Envelope) -> Option<String> {
        if let Some(c) = ingest::contact_of(&self.report) {
            return Some(c.to_owned());
        }
        envelope
            .requestor()
            .filter(|a| !a.eq_ignore_ascii_case(WHISPERBACK_FROM))
            .map(str::to_owned)
    }

    /// The ticket subject: the user's summary, else the mail subject.
    pub fn subject(&self, mail_subject: &str) -> String {
        match &self.report.summary {
            Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
            _ if !mail_subject.trim().is_empty() => mail_subject.trim().to_owned(),
            _ => ingest::subject_of(&self.report, self.id.as_ref()),
        }
    }

    /// The language the user wrote in (headings and logs excluded), or empty.
    pub fn language(&self) -> String {
        self.report.user_text.language.clone().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Subject: Tails freezes\nFrom: someone@example.test\nTails-Version: 6.9\n\n\nWhat happened?\n--------------\nThe whole system becomes unresponsive after login.\n\n======= content of /proc/cmdline =======\nBOOT_IMAGE=/live/vmlinuz boot=live\n";

    #[test]
    fn recognised_by_subject_and_body() {
        let r = recognise(&["Bug report: c9aa8281e8d7"], BODY).unwrap();
        assert_eq!(r.id.as_ref().map(ReportId::as_str), Some("c9aa8281e8d7"));
        assert_eq!(r.report.tails.version.as_deref(), Some("6.9"));
        let env = Envelope {
            from: Some(WHISPERBACK_FROM.into()),
            ..Envelope::default()
        };
        assert_eq!(r.requestor(&env).as_deref(), Some("someone@example.test"));
        assert_eq!(r.subject("Bug report: c9aa8281e8d7"), "Tails freezes");
    }

    #[test]
    fn pasted_report_needs_version_and_sections() {
        let r = recognise(&["my laptop"], BODY).unwrap();
        assert!(r.id.is_none());
        assert!(recognise(&["my laptop"], "Tails-Version: 6.9\n\nHello").is_none());
        assert!(recognise(&["Bug report: zz"], BODY).unwrap().id.is_none());
        assert!(recognise(&["hello"], "Just a question about Tor.\n").is_none());
        assert!(recognise(&["Bug report: 1f"], "Just a question about Tor.\n").is_none());
    }

    #[test]
    fn generic_sender_is_nobody() {
        let body = BODY.replace("From: someone@example.test\n", "");
        let r = recognise(&["Bug report: 1f"], &body).unwrap();
        let mut env = Envelope {
            from: Some("DevNull@tails.boum.org".into()),
            ..Envelope::default()
        };
        assert_eq!(r.requestor(&env), None);
        env.from = Some("user@example.test".into());
        assert_eq!(r.requestor(&env).as_deref(), Some("user@example.test"));
    }
}
