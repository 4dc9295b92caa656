//! A raw RFC 5322 message → the MIME tree stored as a transaction's attachments, plus the
//! header facts the pipeline decides on. Never fails: what cannot be parsed is kept whole.

use encoding_rs::Encoding;
use mailparse::{MailHeader, MailHeaderMap, ParsedMail};

use crate::domain::mime::Part;
use crate::mail::rules::Envelope;

/// What the pipeline needs from one message.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub root: Part,
    pub subject: String,
    /// Without angle brackets; empty when the message has none.
    pub message_id: String,
    /// In-Reply-To, then References, newest first, without angle brackets.
    pub parents: Vec<String>,
    pub envelope: Envelope,
    /// The readable text: the first inline text/plain part, else the first HTML part's text.
    pub text: String,
    /// What could not be read as declared (bad encodings, unknown charsets, structure).
    pub problems: Vec<String>,
}

/// Header values, decoded (RFC 2047), one line each; 8-bit bytes are read as UTF-8 or Latin-1.
fn value(h: &MailHeader<'_>) -> String {
    h.get_value_utf8()
        .unwrap_or_else(|_| h.get_value())
        .replace(['\r', '\n'], " ")
        .replace('\0', "")
        .trim()
        .to_owned()
}

fn first(headers: &[MailHeader<'_>], key: &str) -> Option<String> {
    headers
        .iter()
        .find(|h| h.get_key_ref().eq_ignore_ascii_case(key))
        .map(value)
}

fn all(headers: &[MailHeader<'_>], key: &str) -> Vec<String> {
    headers
        .iter()
        .filter(|h| h.get_key_ref().eq_ignore_ascii_case(key))
        .map(value)
        .collect()
}

/// The `<…>` tokens of a Message-ID, In-Reply-To or References header, brackets removed.
pub fn message_ids(v: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = v;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        match after.find('>') {
            Some(end) => {
                let id = after[..end].trim();
                if !id.is_empty() {
                    out.push(id.to_owned());
                }
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    if out.is_empty() {
        let bare = v.trim();
        if !bare.is_empty() && !bare.contains(char::is_whitespace) {
            out.push(bare.to_owned());
        }
    }
    out
}

/// The first mailbox address of an address header.
fn first_address(v: &str) -> Option<String> {
    let list = mailparse::addrparse(v).ok()?;
    list.iter().find_map(|a| match a {
        mailparse::MailAddr::Single(s) => Some(s.addr.trim().to_owned()),
        mailparse::MailAddr::Group(g) => g.addrs.first().map(|s| s.addr.trim().to_owned()),
    })
}

fn addresses(v: &str) -> Vec<String> {
    mailparse::addrparse(v)
        .map(|list| {
            list.iter()
                .flat_map(|a| match a {
                    mailparse::MailAddr::Single(s) => vec![s.addr.trim().to_owned()],
                    mailparse::MailAddr::Group(g) => {
                        g.addrs.iter().map(|s| s.addr.trim().to_owned()).collect()
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Text in any declared charset → UTF-8. When that cannot be done faithfully (malformed
/// text, an unknown charset) the bytes are kept as received, with a note saying so.
pub fn decode_text(bytes: &[u8], charset: &str) -> (Vec<u8>, Option<String>) {
    let label = charset.trim().trim_matches('"');
    let plain_ascii = label.is_empty() || label.eq_ignore_ascii_case("us-ascii");
    if std::str::from_utf8(bytes).is_ok()
        && (plain_ascii
            || label.eq_ignore_ascii_case("utf-8")
            || label.eq_ignore_ascii_case("utf8"))
    {
        return (bytes.to_vec(), None);
    }
    if plain_ascii {
        // Every byte has a windows-1252 character (WHATWG), so nothing is lost.
        let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        return (
            s.into_owned().into_bytes(),
            Some("8-bit text without a charset, read as windows-1252".into()),
        );
    }
    match Encoding::for_label(label.as_bytes()) {
        Some(enc) => {
            let (s, had_errors) = enc.decode_without_bom_handling(bytes);
            if had_errors {
                (
                    bytes.to_vec(),
                    Some(format!(
                        "text is not valid {}; kept as received",
                        enc.name()
                    )),
                )
            } else {
                (s.into_owned().into_bytes(), None)
            }
        }
        None if std::str::from_utf8(bytes).is_ok() => (
            bytes.to_vec(),
            Some(format!(
                "unknown charset '{label}'; the text is valid UTF-8"
            )),
        ),
        None => (
            bytes.to_vec(),
            Some(format!("unknown charset '{label}'; kept as received")),
        ),
    }
}

fn wire_encoding(p: &ParsedMail<'_>) -> String {
    match p
        .headers
        .get_first_value("Content-Transfer-Encoding")
        .map(|s| s.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("base64") => "base64".into(),
        Some("quoted-printable") => "quoted-printable".into(),
        _ => "none".into(),
    }
}

fn filename(p: &ParsedMail<'_>) -> String {
    let cd = p.get_content_disposition();
    cd.params
        .get("filename")
        .or_else(|| p.ctype.params.get("name"))
        .map(|s| s.replace(['\r', '\n', '\0'], " ").trim().to_owned())
        .unwrap_or_default()
}

struct Walk<'a> {
    problems: &'a mut Vec<String>,
    text: Option<String>,
    html: Option<String>,
}

fn header_lines(p: &ParsedMail<'_>, replace_ct: Option<&str>) -> Vec<String> {
    let mut lines = Vec::with_capacity(p.headers.len() + 1);
    for h in &p.headers {
        let key = h.get_key();
        if let (Some(ct), true) = (replace_ct, key.eq_ignore_ascii_case("Content-Type")) {
            lines.push(format!("Content-Type: {ct}"));
        } else {
            lines.push(format!("{}: {}", key.replace('\0', ""), value(h)));
        }
    }
    lines
}

fn convert(p: &ParsedMail<'_>, walk: &mut Walk<'_>) -> Part {
    let mime = p.ctype.mimetype.to_ascii_lowercase().replace('\0', "");
    let encoding = wire_encoding(p);
    if !p.subparts.is_empty() {
        return Part {
            content_type: mime,
            headers: header_lines(p, None).join("\n"),
            content_encoding: encoding,
            children: p.subparts.iter().map(|s| convert(s, walk)).collect(),
            ..Part::default()
        };
    }
    let mut name = filename(p);
    let (raw, mut notes) = match p.get_body_raw() {
        Ok(b) => (b, Vec::new()),
        Err(e) => (
            p.get_body_encoded_raw(),
            vec![format!(
                "{encoding} could not be decoded ({e}); kept as received"
            )],
        ),
    };
    let inline_text = mime.starts_with("text/") && name.is_empty();
    let mut lines;
    let content = if inline_text {
        let (bytes, note) = decode_text(&raw, &p.ctype.charset);
        notes.extend(note);
        if bytes.contains(&0) {
            notes.push("text contains NUL bytes; kept as received, as an attachment".into());
            name = if mime == "text/html" {
                "part.html"
            } else {
                "part.txt"
            }
            .into();
        }
        let utf8 = std::str::from_utf8(&bytes).is_ok();
        lines = if utf8 {
            header_lines(p, Some(&format!("{mime}; charset=\"UTF-8\"")))
        } else {
            header_lines(p, None)
        };
        if utf8 {
            if !p
                .headers
                .iter()
                .any(|h| h.get_key_ref().eq_ignore_ascii_case("Content-Type"))
            {
                lines.push(format!("Content-Type: {mime}; charset=\"UTF-8\""));
            }
            lines.push(format!(
                "X-RT-Original-Encoding: {}",
                p.ctype.charset.to_ascii_lowercase().replace('\0', "")
            ));
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if mime == "text/plain" && walk.text.is_none() {
            walk.text = Some(text);
        } else if mime == "text/html" && walk.html.is_none() {
            walk.html = Some(text);
        }
        bytes
    } else {
        lines = header_lines(p, None);
        raw
    };
    for n in &notes {
        lines.push(format!("X-Hushdesk-Problem: {n}"));
    }
    walk.problems.extend(notes);
    Part {
        content_type: mime,
        filename: name,
        headers: lines.join("\n"),
        content_encoding: encoding,
        content,
        ..Part::default()
    }
}

/// mailparse's raw body of a leaf, without transfer decoding.
trait RawBody {
    fn get_body_encoded_raw(&self) -> Vec<u8>;
}

impl RawBody for ParsedMail<'_> {
    fn get_body_encoded_raw(&self) -> Vec<u8> {
        match self.get_body_encoded() {
            mailparse::body::Body::Base64(b) | mailparse::body::Body::QuotedPrintable(b) => {
                b.get_raw().to_vec()
            }
            mailparse::body::Body::SevenBit(b) | mailparse::body::Body::EightBit(b) => {
                b.get_raw().to_vec()
            }
            mailparse::body::Body::Binary(b) => b.get_raw().to_vec(),
        }
    }
}

fn envelope(headers: &[MailHeader<'_>]) -> Envelope {
    Envelope {
        subject: first(headers, "Subject").unwrap_or_default(),
        message_id: first(headers, "Message-ID")
            .and_then(|v| message_ids(&v).into_iter().next())
            .unwrap_or_default(),
        from: first(headers, "From").and_then(|v| first_address(&v)),
        reply_to: first(headers, "Reply-To").and_then(|v| first_address(&v)),
        sender: first(headers, "Sender").and_then(|v| first_address(&v)),
        return_path: first(headers, "Return-Path"),
        recipients: ["To", "Cc", "Delivered-To", "X-Original-To"]
            .iter()
            .flat_map(|k| all(headers, k))
            .flat_map(|v| addresses(&v))
            .collect(),
        auto_submitted: first(headers, "Auto-Submitted"),
        precedence: first(headers, "Precedence"),
        x_loop: all(headers, "X-Loop"),
        rt_loop: all(headers, "X-RT-Loop-Prevention"),
        list_id: first(headers, "List-Id").is_some(),
        autoreply_header: ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"]
            .iter()
            .any(|k| first(headers, k).is_some()),
    }
}

/// The header facts of a message, without reading its body.
pub fn parse_envelope(raw: &[u8]) -> Envelope {
    let headers = mailparse::parse_headers(raw)
        .map(|(h, _)| h)
        .unwrap_or_default();
    envelope(&headers)
}

/// Parses a message; on a structure mailparse refuses, keeps the original as an attachment
/// under a note saying why.
pub fn parse(raw: &[u8]) -> Parsed {
    let headers = mailparse::parse_headers(raw)
        .map(|(h, _)| h)
        .unwrap_or_default();
    let subject = first(&headers, "Subject").unwrap_or_default();
    let message_id = first(&headers, "Message-ID")
        .and_then(|v| message_ids(&v).into_iter().next())
        .unwrap_or_default();
    let mut parents: Vec<String> = first(&headers, "In-Reply-To")
        .map(|v| message_ids(&v))
        .unwrap_or_default();
    let mut refs = first(&headers, "References")
        .map(|v| message_ids(&v))
        .unwrap_or_default();
    refs.reverse();
    parents.extend(refs);
    let mut seen = std::collections::HashSet::new();
    parents.retain(|id| seen.insert(id.clone()));
    let envelope = envelope(&headers);
    let mut problems = Vec::new();
    let (mut root, text) = match mailparse::parse_mail(raw) {
        Ok(mail) => {
            let mut walk = Walk {
                problems: &mut problems,
                text: None,
                html: None,
            };
            let root = convert(&mail, &mut walk);
            let text = match (walk.text, walk.html) {
                (Some(t), _) => t,
                (None, Some(h)) => super::html::to_text(&h),
                (None, None) => String::new(),
            };
            (root, text)
        }
        Err(e) => {
            let why = format!(
                "the message structure could not be parsed ({e}); the original is attached"
            );
            problems.push(why.clone());
            let note = Part {
                content_type: "text/plain".into(),
                headers: "Content-Type: text/plain; charset=\"UTF-8\"".into(),
                content_encoding: "none".into(),
                content: format!("[Hushdesk: {why}]\n").into_bytes(),
                ..Part::default()
            };
            let original = Part {
                content_type: "message/rfc822".into(),
                filename: "original.eml".into(),
                headers: "Content-Type: message/rfc822; name=\"original.eml\"\nContent-Disposition: attachment; filename=\"original.eml\"".into(),
                content_encoding: "none".into(),
                content: raw.to_vec(),
                ..Part::default()
            };
            let lines: Vec<String> = headers
                .iter()
                .map(|h| format!("{}: {}", h.get_key().replace('\0', ""), value(h)))
                .collect();
            let root = Part {
                content_type: "multipart/mixed".into(),
                headers: lines.join("\n"),
                content_encoding: "none".into(),
                children: vec![note, original],
                ..Part::default()
            };
            (root, String::new())
        }
    };
    root.subject = subject.clone();
    root.message_id = message_id.clone();
    Parsed {
        root,
        subject,
        message_id,
        parents,
        envelope,
        text,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_text_becomes_utf8_and_binary_stays_exact() {
        let mut raw = b"From: A <a@example.test>\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\nMessage-ID: <m1@x>\r\nReferences: <r1@x> <r2@x>\r\nIn-Reply-To: <r2@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9\r\n--b\r\nContent-Type: application/octet-stream; name=x.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
        raw.extend_from_slice(b"AP8NCg==\r\n--b--\r\n");
        let p = parse(&raw);
        assert_eq!(p.subject, "café");
        assert_eq!(p.message_id, "m1@x");
        assert_eq!(p.parents, vec!["r2@x", "r1@x"]);
        assert_eq!(p.envelope.from.as_deref(), Some("a@example.test"));
        assert_eq!(p.root.children.len(), 2);
        assert_eq!(p.root.children[0].content, "café".as_bytes());
        assert_eq!(p.text, "café");
        assert_eq!(p.root.children[1].content, vec![0, 255, 13, 10]);
        assert_eq!(p.root.children[1].filename, "x.bin");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
    }

    #[test]
    fn unknown_charset_and_bad_base64_are_kept_with_a_note() {
        let raw = b"Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=x-klingon\n\nhello\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n!!!not base64***\n--b--\n";
        let p = parse(raw);
        assert_eq!(p.root.children[0].content, b"hello");
        assert_eq!(p.root.children[1].content, b"!!!not base64***");
        assert_eq!(p.problems.len(), 2, "{:?}", p.problems);
        assert!(p.root.children[1].headers.contains("X-Hushdesk-Problem"));
    }

    #[test]
    fn message_id_tokens() {
        assert_eq!(message_ids(" <a@b> <c@d>"), vec!["a@b", "c@d"]);
        assert_eq!(message_ids("bare@id"), vec!["bare@id"]);
        assert!(message_ids("").is_empty());
    }
}
