//! The part before the debugging info: WhisperBack's headers, the prepended Tails version,
//! bug-specific fields, the user's text and a pasted public key.

use super::{Answer, BugSpecific, OpenPgpKey, OpenPgpKeyKind};

const KEY_BEGIN: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
const KEY_END: &str = "-----END PGP PUBLIC KEY BLOCK-----";

#[derive(Debug, Default)]
pub(crate) struct Head {
    pub summary: Option<String>,
    pub contact_email: Option<String>,
    pub openpgp_key: Option<OpenPgpKey>,
    pub tails_version: Option<VersionHeader>,
    pub bug_specific: Option<BugSpecific>,
    pub text: String,
    pub answers: Vec<Answer>,
}

impl Head {
    /// Nothing at all was recognised (e.g. an encrypted or empty input).
    pub fn is_empty_report(&self) -> bool {
        self.summary.is_none() && self.tails_version.is_none() && self.text.is_empty()
    }
}

/// `Tails-Version:` in either shape: `5.19 - 20231030` + commit line (≤ 5.22), or the whole
/// `/etc/os-release` (≥ 6.0).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct VersionHeader {
    pub version: Option<String>,
    pub build_date: Option<String>,
    pub git_commit: Option<String>,
    pub channel: Option<String>,
    pub os_release: bool,
}

/// Header fields appear in this order; each at most once.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Stage {
    Start,
    Subject,
    From,
    Key,
    Version,
    BugSpecific,
}

pub(crate) fn parse_header(lines: &[&str]) -> Head {
    let mut head = Head::default();
    let mut stage = Stage::Start;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(v) = field(line, "Subject:").filter(|_| stage < Stage::Subject) {
            head.summary = non_empty(v);
            stage = Stage::Subject;
        } else if let Some(v) = field(line, "From:").filter(|_| stage < Stage::From) {
            head.contact_email = email(v);
            stage = Stage::From;
        } else if let Some(v) = field(line, "OpenPGP-Key:").filter(|_| stage < Stage::Key) {
            head.openpgp_key = non_empty(v).map(|value| OpenPgpKey {
                kind: key_kind(&value),
                value,
                key_block: None,
            });
            stage = Stage::Key;
        } else if let Some(v) = field(line, "Tails-Version:").filter(|_| stage < Stage::Version) {
            let (vh, used) = version_header(v, &lines[i + 1..]);
            head.tails_version = Some(vh);
            i += used;
            stage = Stage::Version;
        } else if let Some((k, v)) = bug_specific(line).filter(|_| stage <= Stage::BugSpecific) {
            let b = head.bug_specific.get_or_insert_with(BugSpecific::default);
            let slot = match k {
                "app" => &mut b.app,
                "summary" => &mut b.summary,
                _ => &mut b.details,
            };
            *slot = non_empty(v);
            stage = Stage::BugSpecific;
        } else if !line.trim().is_empty() || stage == Stage::Start {
            break;
        }
        i += 1;
    }
    // Whatever follows the headers is the user's text, then an optional appended key.
    let mut rest = &lines[i.min(lines.len())..];
    let wants_block = head
        .openpgp_key
        .as_ref()
        .is_some_and(|k| k.kind == OpenPgpKeyKind::Block);
    if wants_block {
        if let Some((block, start)) = last_key_block(rest) {
            if let Some(k) = head.openpgp_key.as_mut() {
                k.key_block = Some(block);
            }
            rest = &rest[..start];
        }
    }
    let rest = trim_blank_lines(rest);
    head.text = rest.join("\n");
    head.answers = answers(rest);
    head
}

fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    line.strip_prefix(name).map(str::trim)
}

fn non_empty(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// WhisperBack checks the address loosely; keep anything with one `@` and no spaces.
fn email(v: &str) -> Option<String> {
    let v = v.trim().trim_start_matches('<').trim_end_matches('>');
    let ok = v.matches('@').count() == 1
        && !v.starts_with('@')
        && !v.ends_with('@')
        && !v.contains(char::is_whitespace);
    ok.then(|| v.to_string())
}

fn key_kind(v: &str) -> OpenPgpKeyKind {
    let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    let body = compact
        .strip_prefix("0x")
        .or_else(|| compact.strip_prefix("0X"))
        .unwrap_or(&compact);
    if v.eq_ignore_ascii_case("included below") {
        OpenPgpKeyKind::Block
    } else if v.starts_with("http://") || v.starts_with("https://") || v.starts_with("hkps://") {
        OpenPgpKeyKind::Url
    } else if hex(body) && (body.len() == 40 || body.len() == 64) {
        OpenPgpKeyKind::Fingerprint
    } else if hex(body) && (body.len() == 8 || body.len() == 16) {
        OpenPgpKeyKind::KeyId
    } else {
        OpenPgpKeyKind::Other
    }
}

/// Parses the version header; returns it and how many following lines it used.
fn version_header(first: &str, next: &[&str]) -> (VersionHeader, usize) {
    let mut vh = VersionHeader::default();
    if is_os_release_line(first) {
        vh.os_release = true;
        let mut used = 0;
        os_release_field(first, &mut vh);
        for line in next {
            if !is_os_release_line(line) {
                break;
            }
            os_release_field(line, &mut vh);
            used += 1;
        }
        return (vh, used);
    }
    // "5.19 - 20231030", then the Git commit on the next line.
    let mut parts = first.splitn(2, " - ");
    vh.version = parts
        .next()
        .map(str::trim)
        .filter(|v| is_version(v))
        .map(str::to_string);
    vh.build_date = parts
        .next()
        .map(str::trim)
        .filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string);
    let commit = next
        .first()
        .map(|l| l.trim())
        .filter(|l| l.len() == 40 && l.bytes().all(|b| b.is_ascii_hexdigit()));
    vh.git_commit = commit.map(str::to_string);
    (vh, usize::from(commit.is_some()))
}

/// `KEY="value"` lines of /etc/os-release (the sanitizer may have eaten a closing quote).
pub(crate) fn is_os_release_line(line: &str) -> bool {
    line.split_once('=').is_some_and(|(k, _)| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    })
}

pub(crate) fn os_release_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let (k, v) = line.split_once('=')?;
    (k == key).then(|| v.trim().trim_matches('"'))
}

fn os_release_field(line: &str, vh: &mut VersionHeader) {
    let set = |v: &str| non_empty(v);
    if let Some(v) = os_release_value(line, "VERSION").filter(|v| is_version(v)) {
        vh.version = set(v);
    } else if let Some(v) = os_release_value(line, "TAILS_GIT_COMMIT") {
        vh.git_commit = set(v);
    } else if let Some(v) = os_release_value(line, "TAILS_CHANNEL") {
        vh.channel = set(v);
    }
}

/// Tails versions: "6.9", "5.16.1", "6.0~rc1".
pub(crate) fn is_version(v: &str) -> bool {
    v.len() <= 24
        && v.starts_with(|c: char| c.is_ascii_digit())
        && v.contains('.')
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'~' | b'+' | b'-'))
}

fn bug_specific(line: &str) -> Option<(&'static str, &str)> {
    let rest = line.strip_prefix("Bug-specific ")?;
    ["app", "summary", "details"].into_iter().find_map(|k| {
        rest.strip_prefix(k)
            .and_then(|r| r.strip_prefix(':'))
            .map(|v| (k, v))
    })
}

/// The last complete armored public key in `lines`, and the line where it starts.
fn last_key_block(lines: &[&str]) -> Option<(String, usize)> {
    let end = lines.iter().rposition(|l| l.trim() == KEY_END)?;
    let start = lines[..end].iter().rposition(|l| l.trim() == KEY_BEGIN)?;
    Some((lines[start..=end].join("\n"), start))
}

fn trim_blank_lines<'a, 'b>(mut lines: &'b [&'a str]) -> &'b [&'a str] {
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines = &lines[1..];
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines = &lines[..lines.len() - 1];
    }
    lines
}

/// Splits at headings: a line followed by a row of `-` as long as the heading in code points
/// (WhisperBack's own underline; its questions are English from 5.20, translated before).
fn answers(lines: &[&str]) -> Vec<Answer> {
    let is_heading = |i: usize| {
        let (Some(h), Some(u)) = (lines.get(i), lines.get(i + 1)) else {
            return false;
        };
        let n = h.trim_end().chars().count();
        n > 0 && !h.trim().is_empty() && u.len() == n && u.bytes().all(|b| b == b'-')
    };
    let mut out = Vec::new();
    let mut heading: Option<String> = None;
    let mut body_start = 0;
    let mut i = 0;
    let flush = |heading: Option<String>, body: &[&str], out: &mut Vec<Answer>| {
        let text = trim_blank_lines(body).join("\n");
        if heading.is_some() || !text.is_empty() {
            out.push(Answer { heading, text });
        }
    };
    while i < lines.len() {
        if is_heading(i) {
            flush(heading.take(), &lines[body_start..i], &mut out);
            heading = Some(lines[i].trim().to_string());
            i += 2;
            body_start = i;
        } else {
            i += 1;
        }
    }
    flush(heading, &lines[body_start.min(lines.len())..], &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.split('\n').collect()
    }

    #[test]
    fn six_x_header_with_os_release_and_bug_specific_fields() {
        let text = "Subject: Persistent storage error\nFrom: jdoe3053@tutanota.com\n\
OpenPGP-Key: 0xC338929A7FCAABCB\nTails-Version: NAME=\"Tails\"\nID=\"tails\"\nVERSION=\"6.7\"\n\
HOME_URL=\"https://[URL REMOVED]\nTAILS_GIT_COMMIT=\"2377d352581e008a2525e16bd95c6de6efbb3264\"\n\
TAILS_GIT_TAG=\"6.7\"\nBug-specific app: tps_frontend\n\
Bug-specific summary: PersistentStorage - Error activating Persistent Storage\n\n\
What were you trying to achieve?\n--------------------------------\n\nUnlock my Persistent Storage.\n\n\
What happened instead?\n----------------------\n\nIt does not unlock.\n\n\n";
        let h = parse_header(&lines(text));
        assert_eq!(h.summary.as_deref(), Some("Persistent storage error"));
        assert_eq!(h.contact_email.as_deref(), Some("jdoe3053@tutanota.com"));
        let key = h.openpgp_key.unwrap();
        assert_eq!(key.kind, OpenPgpKeyKind::KeyId);
        assert_eq!(key.value, "0xC338929A7FCAABCB");
        let v = h.tails_version.unwrap();
        assert_eq!(v.version.as_deref(), Some("6.7"));
        assert_eq!(
            v.git_commit.as_deref(),
            Some("2377d352581e008a2525e16bd95c6de6efbb3264")
        );
        assert!(v.os_release);
        let b = h.bug_specific.unwrap();
        assert_eq!(b.app.as_deref(), Some("tps_frontend"));
        assert_eq!(b.details, None);
        assert_eq!(h.answers.len(), 2);
        assert_eq!(
            h.answers[0].heading.as_deref(),
            Some("What were you trying to achieve?")
        );
        assert_eq!(h.answers[1].text, "It does not unlock.");
        assert!(h.text.starts_with("What were you trying"));
    }

    #[test]
    fn five_x_header_template_headings_and_key_block() {
        let text = "Subject: Stuck\nFrom: m.k1446@proton.me\nOpenPGP-Key: included below\n\
Tails-Version: 5.17.1 - 20230914\n0b99b12cab5cc1df19e7f069195bd0449b4d82ee\n\n\n\
Название уязвимого программного обеспечения\n-------------------------------------------\n\
Tor\n\n\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbqBm\n=XoiD\n-----END PGP PUBLIC KEY BLOCK-----\n\n";
        let h = parse_header(&lines(text));
        let v = h.tails_version.unwrap();
        assert_eq!(v.version.as_deref(), Some("5.17.1"));
        assert_eq!(v.build_date.as_deref(), Some("20230914"));
        assert!(!v.os_release);
        let key = h.openpgp_key.unwrap();
        assert_eq!(key.kind, OpenPgpKeyKind::Block);
        assert!(key
            .key_block
            .unwrap()
            .ends_with("=XoiD\n-----END PGP PUBLIC KEY BLOCK-----"));
        assert_eq!(h.answers.len(), 1);
        assert_eq!(
            h.answers[0].heading.as_deref(),
            Some("Название уязвимого программного обеспечения")
        );
        assert_eq!(h.answers[0].text, "Tor");
        assert!(!h.text.contains("PGP"));
    }

    #[test]
    fn key_reference_kinds() {
        assert_eq!(
            key_kind("ABCD 1234 ABCD 1234 ABCD  1234 ABCD 1234 ABCD 1234"),
            OpenPgpKeyKind::Fingerprint
        );
        assert_eq!(
            key_kind("https://keys.openpgp.org/vks/v1/by-fingerprint/AB"),
            OpenPgpKeyKind::Url
        );
        assert_eq!(key_kind("0x1234ABCD"), OpenPgpKeyKind::KeyId);
        assert_eq!(key_kind("my key on the keyserver"), OpenPgpKeyKind::Other);
    }

    #[test]
    fn unticked_headers_leave_text_only() {
        let h = parse_header(&lines("Subject: Hello\n\nJust a question.\n"));
        assert_eq!(h.summary.as_deref(), Some("Hello"));
        assert!(h.tails_version.is_none());
        assert_eq!(h.text, "Just a question.");
        assert_eq!(
            h.answers,
            vec![Answer {
                heading: None,
                text: "Just a question.".into()
            }]
        );
    }
}
