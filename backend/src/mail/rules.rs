//! Decisions on an incoming message that need no database: mail loops, who the requestor
//! is, the ticket a subject tag names, and the user's own words for language detection.

/// The header facts rules decide on.
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    /// Decoded Subject of these headers.
    pub subject: String,
    /// Message-ID without angle brackets; empty when absent.
    pub message_id: String,
    pub from: Option<String>,
    pub reply_to: Option<String>,
    pub sender: Option<String>,
    pub return_path: Option<String>,
    /// To, Cc, Delivered-To, X-Original-To.
    pub recipients: Vec<String>,
    pub auto_submitted: Option<String>,
    pub precedence: Option<String>,
    pub x_loop: Vec<String>,
    pub rt_loop: Vec<String>,
    pub list_id: bool,
    pub autoreply_header: bool,
}

/// Why a message must not get an automatic answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAutoReply {
    AutoSubmitted,
    Bulk,
    MailerDaemon,
    OwnLoop,
}

impl NoAutoReply {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AutoSubmitted => "Auto-Submitted",
            Self::Bulk => "bulk, junk or list mail",
            Self::MailerDaemon => "mail from a mailer daemon",
            Self::OwnLoop => "our own mail (X-Loop)",
        }
    }
}

impl Envelope {
    /// Reply-To, else From, else Sender: whom answers go to.
    pub fn requestor(&self) -> Option<&str> {
        [&self.reply_to, &self.from, &self.sender]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .find(|a| crate::store::users::looks_like_email(a))
    }

    /// Mail that came from this help desk itself.
    pub fn is_own(&self, loop_id: &str, rt_name: &str) -> bool {
        self.x_loop
            .iter()
            .any(|v| v.trim().eq_ignore_ascii_case(loop_id))
            || self
                .rt_loop
                .iter()
                .any(|v| v.trim().eq_ignore_ascii_case(rt_name))
    }

    /// RFC 3834 and common practice: no automatic answer to automatic or bulk mail.
    pub fn no_autoreply(&self, loop_id: &str, rt_name: &str) -> Option<NoAutoReply> {
        if self.is_own(loop_id, rt_name) {
            return Some(NoAutoReply::OwnLoop);
        }
        if self
            .auto_submitted
            .as_deref()
            .is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"))
            || self.autoreply_header
        {
            return Some(NoAutoReply::AutoSubmitted);
        }
        if self.precedence.as_deref().is_some_and(|p| {
            let p = p.trim().to_ascii_lowercase();
            p == "bulk" || p == "junk" || p == "list"
        }) || self.list_id
        {
            return Some(NoAutoReply::Bulk);
        }
        let daemon = |a: &str| {
            let local = a.split('@').next().unwrap_or("").to_ascii_lowercase();
            matches!(
                local.as_str(),
                "mailer-daemon" | "postmaster" | "mail-daemon" | "mailer" | "noreply" | "no-reply"
            ) || local.starts_with("owner-")
                || local.ends_with("-request")
                || local.ends_with("-bounces")
        };
        if self
            .return_path
            .as_deref()
            .is_some_and(|r| r.trim() == "<>")
            || self.requestor().is_some_and(daemon)
            || self.from.as_deref().is_some_and(daemon)
        {
            return Some(NoAutoReply::MailerDaemon);
        }
        None
    }
}

/// The ticket named by a subject tag `[<tag> #<id>]`, where tag is the system's rt_name or a
/// queue's subject tag (case-insensitive).
pub fn subject_ticket(subject: &str, tags: &[&str]) -> Option<i64> {
    let lower = subject.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(open) = rest.find('[') {
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(']') else { break };
        let body = inner[..close].trim();
        if let Some((tag, id)) = body.rsplit_once('#') {
            let tag = tag.trim();
            let id = id.trim();
            if !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_digit())
                && tags
                    .iter()
                    .any(|t| !t.is_empty() && t.to_lowercase() == tag)
            {
                if let Ok(n) = id.parse() {
                    return Some(n);
                }
            }
        }
        rest = &inner[close..];
    }
    None
}

/// The writer's own words: quoted lines, attributions, forwarded and signature blocks removed.
pub fn own_words(text: &str) -> String {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_end();
        if t == "--" || t == "-- " || line.starts_with("-- \u{a0}") {
            break;
        }
        let trimmed = t.trim_start();
        if trimmed.starts_with("-----Original Message-----")
            || trimmed.starts_with("-------- Forwarded Message")
            || trimmed.starts_with("---------- Forwarded message")
            || trimmed.starts_with("-----BEGIN PGP SIGNATURE-----")
        {
            break;
        }
        if trimmed.starts_with('>') || trimmed.starts_with('|') {
            continue;
        }
        // "On <date>, <someone> wrote:" (and translations end with ':' before a quote).
        let next_quoted = lines.get(i + 1).is_some_and(|n| {
            n.trim_start().starts_with('>')
                || n.trim().is_empty()
                    && lines
                        .get(i + 2)
                        .is_some_and(|m| m.trim_start().starts_with('>'))
        });
        if trimmed.ends_with(':') && next_quoted {
            continue;
        }
        if trimmed.starts_with("-----BEGIN PGP SIGNED MESSAGE-----") || trimmed.starts_with("Hash:")
        {
            continue;
        }
        out.push(t);
    }
    out.join("\n")
}

/// ISO 639-1 code of the writer's own words, when there are enough of them to tell.
pub fn language_of(text: &str) -> Option<String> {
    // The first 32 KiB are plenty to find the writer's own words in (detection reads less).
    let mut end = text.len().min(32 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let own = own_words(&text[..end]);
    crate::whisperback::language::detect(Some(own.as_str()), &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Envelope {
        Envelope {
            from: Some("user@example.test".into()),
            ..Envelope::default()
        }
    }

    #[test]
    fn loops_and_bulk_get_no_autoreply() {
        assert_eq!(env().no_autoreply("hd@org", "hd"), None);
        let mut e = env();
        e.auto_submitted = Some("auto-replied".into());
        assert_eq!(
            e.no_autoreply("hd@org", "hd"),
            Some(NoAutoReply::AutoSubmitted)
        );
        e.auto_submitted = Some("no".into());
        assert_eq!(e.no_autoreply("hd@org", "hd"), None);
        for p in ["bulk", "Junk", "list"] {
            let mut e = env();
            e.precedence = Some(p.into());
            assert_eq!(e.no_autoreply("hd@org", "hd"), Some(NoAutoReply::Bulk));
        }
        let mut e = env();
        e.from = Some("MAILER-DAEMON@mx.example.test".into());
        assert_eq!(
            e.no_autoreply("hd@org", "hd"),
            Some(NoAutoReply::MailerDaemon)
        );
        let mut e = env();
        e.x_loop = vec!["hd@org".into()];
        assert_eq!(e.no_autoreply("hd@org", "hd"), Some(NoAutoReply::OwnLoop));
        assert!(e.is_own("hd@org", "hd"));
    }

    #[test]
    fn requestor_prefers_reply_to() {
        let mut e = env();
        assert_eq!(e.requestor(), Some("user@example.test"));
        e.reply_to = Some("other@example.test".into());
        assert_eq!(e.requestor(), Some("other@example.test"));
    }

    #[test]
    fn subject_tags() {
        assert_eq!(
            subject_ticket("Re: [hushdesk #42] printer", &["hushdesk"]),
            Some(42)
        );
        assert_eq!(
            subject_ticket("Re: [HushDesk #42] printer", &["hushdesk"]),
            Some(42)
        );
        assert_eq!(subject_ticket("[other #42] printer", &["hushdesk"]), None);
        assert_eq!(
            subject_ticket("[x] [Support #7]", &["hushdesk", "Support"]),
            Some(7)
        );
        assert_eq!(subject_ticket("[hushdesk #]", &["hushdesk"]), None);
        assert_eq!(subject_ticket("Bug report: 1f2e", &["hushdesk"]), None);
    }

    #[test]
    fn own_words_drop_quotes_and_signatures() {
        let t = "Bonjour, mon ordinateur ne démarre plus.\n\nOn Mon, A wrote:\n> Hello there, please tell us more\n> about it\n-- \nJean\n";
        assert_eq!(own_words(t), "Bonjour, mon ordinateur ne démarre plus.\n");
        assert_eq!(
            language_of("Bonjour, mon ordinateur ne démarre plus depuis la mise à jour. Pouvez-vous m'aider ?\n> Hello, what is the problem with your computer exactly?\n").as_deref(),
            Some("fr")
        );
    }
}
