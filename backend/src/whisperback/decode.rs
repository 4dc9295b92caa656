//! Bytes to text: optional mail/MIME wrapper, transfer encodings, non-UTF-8 bytes, CRLF.

use std::borrow::Cow;

use base64::Engine;

use super::{ReportId, Warning};

/// Headers that a report body never starts with but a mail or MIME entity does.
const ENVELOPE_HEADERS: &[&str] = &[
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
    "content-description",
    "mime-version",
    "to",
    "date",
    "message-id",
    "received",
    "return-path",
    "delivered-to",
    "reply-to",
];

/// Wrappers nest (mail → multipart → text/plain); deeper input is treated as the body.
const MAX_DEPTH: usize = 4;

pub(crate) struct Envelope<'a> {
    pub report_id: Option<ReportId>,
    pub body: Cow<'a, [u8]>,
}

/// Strips mail/MIME headers in front of the body, decoding base64 or quoted-printable.
pub(crate) fn unwrap_envelope<'a>(input: &'a [u8], warnings: &mut Vec<Warning>) -> Envelope<'a> {
    let mut report_id = None;
    let mut body: Cow<'a, [u8]> = Cow::Borrowed(input);
    for _ in 0..MAX_DEPTH {
        let Some(block) = HeaderBlock::parse(&body) else {
            break;
        };
        if let Some(s) = block.get("subject") {
            report_id = report_id.or_else(|| ReportId::from_subject(&s));
        }
        let content_type = block.get("content-type").unwrap_or_default();
        let ct = content_type.to_ascii_lowercase();
        let rest = &body[block.body_start..];
        if ct.starts_with("multipart/encrypted") || starts_with_pgp_message(rest) {
            warnings.push(Warning::Encrypted);
            return Envelope {
                report_id,
                body: Cow::Borrowed(&[]),
            };
        }
        let next: Vec<u8> = if ct.starts_with("multipart/") {
            match param(&content_type, "boundary").and_then(|b| first_text_part(rest, &b)) {
                Some(part) => part.to_vec(),
                None => {
                    warnings.push(Warning::UnsupportedEnvelope {
                        content_type: ct.split(';').next().unwrap_or("").trim().to_string(),
                    });
                    return Envelope {
                        report_id,
                        body: Cow::Borrowed(&[]),
                    };
                }
            }
        } else {
            let encoding = block
                .get("content-transfer-encoding")
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            match encoding.as_str() {
                "" | "7bit" | "8bit" | "binary" => rest.to_vec(),
                "base64" => match decode_base64(rest) {
                    Some(d) => d,
                    None => {
                        warnings.push(Warning::UndecodableTransferEncoding { encoding });
                        rest.to_vec()
                    }
                },
                "quoted-printable" => decode_quoted_printable(rest),
                _ => {
                    warnings.push(Warning::UndecodableTransferEncoding { encoding });
                    rest.to_vec()
                }
            }
        };
        body = Cow::Owned(next);
    }
    Envelope { report_id, body }
}

fn starts_with_pgp_message(b: &[u8]) -> bool {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b[start..].starts_with(b"-----BEGIN PGP MESSAGE-----")
}

/// A leading RFC 5322 header block that looks like a mail or MIME entity.
struct HeaderBlock {
    fields: Vec<(String, String)>,
    body_start: usize,
}

impl HeaderBlock {
    fn parse(b: &[u8]) -> Option<Self> {
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut pos = 0;
        loop {
            let end = memchr_nl(&b[pos..]).map(|i| pos + i);
            let line_end = end.unwrap_or(b.len());
            let line = trim_cr(&b[pos..line_end]);
            if line.is_empty() {
                // A blank line ends the block; without one this is not a header block.
                end?;
                let is_envelope = fields
                    .iter()
                    .any(|(n, _)| ENVELOPE_HEADERS.contains(&n.as_str()));
                return is_envelope.then_some(Self {
                    fields,
                    body_start: line_end + 1,
                });
            }
            if line[0] == b' ' || line[0] == b'\t' {
                let (_, v) = fields.last_mut()?;
                v.push(' ');
                v.push_str(String::from_utf8_lossy(line).trim());
            } else {
                let colon = line.iter().position(|&c| c == b':')?;
                let name = &line[..colon];
                if name.is_empty()
                    || name.len() > 76
                    || !name.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
                {
                    return None;
                }
                let value = String::from_utf8_lossy(&line[colon + 1..])
                    .trim()
                    .to_string();
                fields.push((String::from_utf8_lossy(name).to_ascii_lowercase(), value));
            }
            pos = end? + 1;
        }
    }

    fn get(&self, name: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

fn trim_cr(b: &[u8]) -> &[u8] {
    b.strip_suffix(b"\r").unwrap_or(b)
}

/// A Content-Type parameter, unquoted.
fn param(header: &str, name: &str) -> Option<String> {
    header.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// The text/plain part (or part without Content-Type) of a multipart body that holds the
/// report, else the first one.
fn first_text_part<'a>(body: &'a [u8], boundary: &str) -> Option<&'a [u8]> {
    let delim = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    while pos < body.len() {
        let end = memchr_nl(&body[pos..]).map_or(body.len(), |i| pos + i);
        let line = trim_cr(&body[pos..end]);
        if line.starts_with(delim.as_bytes()) {
            if let Some(s) = start {
                parts.push(&body[s..pos.saturating_sub(1).max(s)]);
            }
            if line[delim.len()..].starts_with(b"--") {
                start = None;
                break;
            }
            start = Some((end + 1).min(body.len()));
        }
        pos = end + 1;
    }
    if let Some(s) = start {
        parts.push(&body[s..]);
    }
    let text_parts: Vec<&[u8]> = parts
        .into_iter()
        .filter(|p| {
            let head_end = find_blank_line(p).unwrap_or(p.len());
            let head = String::from_utf8_lossy(&p[..head_end]).to_ascii_lowercase();
            match head.find("content-type:") {
                Some(i) => head[i + 13..].trim_start().starts_with("text/plain"),
                None => true,
            }
        })
        .collect();
    // A list server may add its own note as another text part: prefer the report.
    let looks_like_report = |p: &&&[u8]| {
        p.windows(19).any(|w| w == b"======= content of ")
            || p.windows(14).any(|w| w == b"Tails-Version:")
    };
    text_parts
        .iter()
        .find(looks_like_report)
        .or(text_parts.first())
        .copied()
}

fn find_blank_line(b: &[u8]) -> Option<usize> {
    let mut pos = 0;
    while pos < b.len() {
        let end = memchr_nl(&b[pos..]).map_or(b.len(), |i| pos + i);
        if trim_cr(&b[pos..end]).is_empty() {
            return Some(pos);
        }
        pos = end + 1;
    }
    None
}

fn decode_base64(b: &[u8]) -> Option<Vec<u8>> {
    let clean: Vec<u8> = b
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(clean).ok()
}

fn decode_quoted_printable(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let rest = &b[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            if rest.len() >= 2 {
                if let (Some(h), Some(l)) = (hex_val(rest[0]), hex_val(rest[1])) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn hex_val(c: u8) -> Option<u8> {
    (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

pub(crate) struct Decoded {
    /// The body with `\r\n` turned into `\n`.
    pub text: String,
    pub crlf: bool,
    /// Bytes that were not UTF-8 and were read as Windows-1252.
    pub replaced_bytes: usize,
    /// The input ended in the middle of a UTF-8 sequence (a sure sign of truncation).
    pub cut_inside_utf8: bool,
    /// The input's last byte was a line feed.
    pub ends_with_newline: bool,
}

/// Decodes UTF-8, reading stray bytes as Windows-1252 (text pasted from legacy sources).
pub(crate) fn decode_text(bytes: &[u8]) -> Decoded {
    let (bytes, cut_inside_utf8) = strip_incomplete_tail(bytes);
    let mut replaced_bytes = 0;
    let text: Cow<'_, str> = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let mut s = String::with_capacity(bytes.len() + 16);
            for chunk in bytes.utf8_chunks() {
                s.push_str(chunk.valid());
                for &b in chunk.invalid() {
                    s.push(cp1252(b));
                    replaced_bytes += 1;
                }
            }
            Cow::Owned(s)
        }
    };
    let crlf = text.contains("\r\n");
    let text = if crlf {
        text.replace("\r\n", "\n")
    } else {
        text.into_owned()
    };
    Decoded {
        ends_with_newline: text.ends_with('\n'),
        text,
        crlf,
        replaced_bytes,
        cut_inside_utf8,
    }
}

/// Drops a multi-byte UTF-8 sequence cut short at the very end of the input.
fn strip_incomplete_tail(b: &[u8]) -> (&[u8], bool) {
    let n = b.len();
    for back in 1..=3.min(n) {
        let c = b[n - back];
        if c & 0xC0 == 0x80 {
            continue; // continuation byte: keep looking for the lead byte
        }
        let need = match c {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return (b, false),
        };
        // The whole sequence must be valid so far, and shorter than required.
        let tail = &b[n - back..];
        let prefix_ok = std::str::from_utf8(tail)
            .err()
            .is_some_and(|e| e.valid_up_to() == 0 && e.error_len().is_none());
        return if back < need && prefix_ok {
            (&b[..n - back], true)
        } else {
            (b, false)
        };
    }
    (b, false)
}

/// Windows-1252, the usual encoding of "Latin-1" text pasted on Windows.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_bytes_become_accented_letters() {
        let d = decode_text(b"caf\xe9 cr\xe8me \xe2\x82\xac\n");
        assert_eq!(d.text, "café crème €\n");
        assert_eq!(d.replaced_bytes, 2);
        assert!(!d.cut_inside_utf8);
    }

    #[test]
    fn sequence_cut_at_the_end_is_dropped_and_flagged() {
        let d = decode_text("abc é".as_bytes().split_last().map(|(_, r)| r).unwrap());
        assert_eq!(d.text, "abc ");
        assert!(d.cut_inside_utf8);
        assert_eq!(d.replaced_bytes, 0);
        let whole = decode_text("abc 中".as_bytes());
        assert_eq!(whole.text, "abc 中");
        assert!(!whole.cut_inside_utf8);
    }

    #[test]
    fn crlf_is_normalised() {
        let d = decode_text(b"a\r\nb\r\n");
        assert_eq!(d.text, "a\nb\n");
        assert!(d.crlf);
    }

    #[test]
    fn inner_mime_entity_in_base64_is_decoded() {
        let body = "Subject: Tor ne marche pas\nTails-Version: 5.1 - 20220604\n";
        let b64 = base64::engine::general_purpose::STANDARD.encode(body);
        let mime = format!(
            "Content-Type: text/plain; charset=\"utf-8\"\nMIME-Version: 1.0\n\
             Content-Transfer-Encoding: base64\n\n{b64}\n"
        );
        let mut w = Vec::new();
        let env = unwrap_envelope(mime.as_bytes(), &mut w);
        assert_eq!(&*env.body, body.as_bytes());
        assert!(w.is_empty());
    }

    #[test]
    fn report_id_comes_from_the_mail_subject_and_encrypted_mail_is_flagged() {
        let mail = "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"\n\
                    Subject: Bug report: c9aa8281e8d7752d221f2d5f00610bed\n\
                    From: devnull@tails.boum.org\nTo: support@tails.net\n\n--x\n";
        let mut w = Vec::new();
        let env = unwrap_envelope(mail.as_bytes(), &mut w);
        assert_eq!(
            env.report_id.map(|r| r.to_string()).as_deref(),
            Some("c9aa8281e8d7752d221f2d5f00610bed")
        );
        assert_eq!(w, vec![Warning::Encrypted]);
        assert!(env.body.is_empty());
    }

    #[test]
    fn a_bare_body_is_not_mistaken_for_headers() {
        let body = b"Subject: Bug report: abc\nFrom: a@example.org\n\nhello\n";
        let mut w = Vec::new();
        let env = unwrap_envelope(body, &mut w);
        assert_eq!(&*env.body, &body[..]);
        assert!(env.report_id.is_none());
    }

    #[test]
    fn multipart_mail_yields_the_report_part_not_the_list_note() {
        let mail = "Content-Type: multipart/mixed; boundary=\"b1\"\nTo: support@tails.net\n\n\
                    --b1\nContent-Type: text/plain\n\nNote added by the list.\n\
                    --b1\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline\n\n\
                    Subject: Bonjour\nTails-Version: 5.1 - 20220604\n\n--b1--\n";
        let mut w = Vec::new();
        let env = unwrap_envelope(mail.as_bytes(), &mut w);
        assert_eq!(
            String::from_utf8_lossy(&env.body),
            "Subject: Bonjour\nTails-Version: 5.1 - 20220604\n"
        );
        assert!(w.is_empty());
    }

    #[test]
    fn quoted_printable_soft_breaks_and_escapes() {
        assert_eq!(
            decode_quoted_printable(b"caf=C3=A9 =\nok"),
            "café ok".as_bytes()
        );
    }
}
