//! Opening incoming mail: PGP/MIME (RFC 3156) encrypted and signed, inline armored blocks in
//! text parts, encrypted `.gpg`/`.pgp`/`.asc` attachments, protected Subject. The message is
//! rebuilt by splicing decrypted entities over the encrypted parts; everything else stays
//! byte-exact.

use std::time::SystemTime;

use base64::Engine as _;
use chrono::{DateTime, Utc};
use mailparse::{MailHeaderMap, ParsedMail};
use sequoia_openpgp::Cert;

use super::keys;
use super::pgp::{self, StandardPolicy};
use super::{CryptoError, EncryptionStatus, Opened, SignatureStatus};
use crate::store::DbConn;

const MSG_BEGIN: &[u8] = b"-----BEGIN PGP MESSAGE-----";
const MSG_END: &[u8] = b"-----END PGP MESSAGE-----";
const SIGNED_BEGIN: &[u8] = b"-----BEGIN PGP SIGNED MESSAGE-----";
const SIG_END: &[u8] = b"-----END PGP SIGNATURE-----";
/// Decrypted entities are opened again (signed inside encrypted); this bounds the nesting.
const MAX_DEPTH: usize = 4;

/// Keys and results while walking one message.
struct Walk<'k> {
    policy: StandardPolicy<'static>,
    now: SystemTime,
    secrets: Vec<(Cert, Option<String>)>,
    publics: &'k dyn pgp::Keyring,
    eol: &'static [u8],
    decrypted: bool,
    undecryptable: Option<String>,
    signature: SignatureStatus,
    protected_subject: Option<String>,
    decrypted_with: Vec<String>,
}

impl Walk<'_> {
    fn note_signature(&mut self, s: SignatureStatus) {
        // The first signature decides, except that a later failure overrides a success.
        let keep = match (&self.signature, &s) {
            (SignatureStatus::None, _) => false,
            (SignatureStatus::Good { .. }, SignatureStatus::Good { .. }) => true,
            (SignatureStatus::Good { .. }, SignatureStatus::None) => true,
            (SignatureStatus::Good { .. }, _) => false,
            _ => true,
        };
        if !keep {
            self.signature = s;
        }
    }

    fn decrypt(&mut self, ciphertext: &[u8]) -> Option<Vec<u8>> {
        match pgp::decrypt(
            &self.policy,
            self.now,
            ciphertext,
            &self.secrets,
            self.publics,
        ) {
            Ok(plain) => {
                self.decrypted = true;
                if let Some(f) = plain.decrypted_with {
                    if !self.decrypted_with.contains(&f) {
                        self.decrypted_with.push(f);
                    }
                }
                self.note_signature(plain.signature);
                Some(plain.data)
            }
            Err(e) => {
                let reason = if self.secrets.is_empty() {
                    "the queue has no secret key".to_owned()
                } else {
                    e.to_string()
                };
                self.undecryptable.get_or_insert(reason);
                None
            }
        }
    }
}

pub fn open(
    conn: &mut DbConn,
    queue_id: i64,
    raw: &[u8],
    now: DateTime<Utc>,
) -> Result<Opened, CryptoError> {
    if !mentions_pgp(raw) {
        return Ok(Opened::plain(raw));
    }
    let passphrase = super::config::passphrase();
    let secrets = keys::queue_secrets(conn, queue_id, passphrase.as_deref())?;
    let publics = keys::StoredKeyring::new(conn);
    let mut walk = Walk {
        policy: StandardPolicy::new(),
        now: now.into(),
        secrets,
        publics: &publics,
        eol: if memchr::memmem::find(raw, b"\r\n").is_some() {
            b"\r\n"
        } else {
            b"\n"
        },
        decrypted: false,
        undecryptable: None,
        signature: SignatureStatus::None,
        protected_subject: None,
        decrypted_with: Vec::new(),
    };
    let opened = open_with(&mut walk, raw);
    publics.finish()?;
    Ok(opened)
}

/// Opens with keys given directly (no database): the core of [`open`], used by tests and
/// benchmarks.
pub fn open_with_keys(
    raw: &[u8],
    now: SystemTime,
    secrets: Vec<(Cert, Option<String>)>,
    publics: Vec<Cert>,
) -> Opened {
    if !mentions_pgp(raw) {
        return Opened::plain(raw);
    }
    let mut walk = Walk {
        policy: StandardPolicy::new(),
        now,
        secrets,
        publics: &publics,
        eol: if memchr::memmem::find(raw, b"\r\n").is_some() {
            b"\r\n"
        } else {
            b"\n"
        },
        decrypted: false,
        undecryptable: None,
        signature: SignatureStatus::None,
        protected_subject: None,
        decrypted_with: Vec::new(),
    };
    open_with(&mut walk, raw)
}

fn open_with(walk: &mut Walk, raw: &[u8]) -> Opened {
    let mut message = open_entity(walk, raw, 0, true);
    if let Some(subject) = &walk.protected_subject {
        message = replace_subject(&message, subject, walk.eol);
    }
    let encryption = match (&walk.undecryptable, walk.decrypted) {
        (Some(reason), _) => EncryptionStatus::Undecryptable {
            reason: reason.clone(),
        },
        (None, true) => EncryptionStatus::Decrypted,
        (None, false) => EncryptionStatus::None,
    };
    // Undecryptable mail is kept exactly as received.
    if matches!(encryption, EncryptionStatus::Undecryptable { .. }) && !walk.decrypted {
        message = raw.to_vec();
    }
    Opened {
        message,
        encryption,
        signature: walk.signature.clone(),
        protected_subject: walk.protected_subject.clone(),
        decrypted_with: walk.decrypted_with.clone(),
    }
}

fn mentions_pgp(raw: &[u8]) -> bool {
    // Every message passes here: one lower-cased copy and memchr's substring search instead
    // of comparing at every offset.
    let lower = raw.to_ascii_lowercase();
    [
        &b"-----begin pgp"[..],
        b"application/pgp",
        b".gpg",
        b".pgp",
        b".asc",
    ]
    .iter()
    .any(|needle| memchr::memmem::find(&lower, needle).is_some())
}

/// A part to replace: its byte range in the entity and the new bytes.
struct Splice {
    start: usize,
    end: usize,
    bytes: Vec<u8>,
}

fn offset_in(outer: &[u8], inner: &[u8]) -> Option<(usize, usize)> {
    let o = outer.as_ptr() as usize;
    let i = inner.as_ptr() as usize;
    if i < o || i + inner.len() > o + outer.len() {
        return None;
    }
    Some((i - o, i - o + inner.len()))
}

/// Opens one MIME entity; returns it with its encrypted parts replaced.
fn open_entity(walk: &mut Walk, raw: &[u8], depth: usize, top: bool) -> Vec<u8> {
    let Ok(parsed) = mailparse::parse_mail(raw) else {
        return raw.to_vec();
    };
    let mut splices = Vec::new();
    visit(walk, &parsed, raw, depth, top, &mut splices);
    if splices.is_empty() {
        return raw.to_vec();
    }
    splices.sort_by_key(|s| s.start);
    let mut out = Vec::with_capacity(raw.len());
    let mut at = 0;
    for s in splices {
        if s.start < at {
            continue;
        }
        out.extend_from_slice(&raw[at..s.start]);
        out.extend_from_slice(&s.bytes);
        at = s.end;
    }
    out.extend_from_slice(&raw[at..]);
    out
}

fn visit(
    walk: &mut Walk,
    part: &ParsedMail<'_>,
    entity: &[u8],
    depth: usize,
    top: bool,
    splices: &mut Vec<Splice>,
) {
    let mime = part.ctype.mimetype.to_ascii_lowercase();
    let Some((start, end)) = offset_in(entity, part.raw_bytes) else {
        return;
    };
    let protocol = part
        .ctype
        .params
        .get("protocol")
        .map(|p| p.to_ascii_lowercase())
        .unwrap_or_default();
    if mime == "multipart/encrypted" && protocol == "application/pgp-encrypted" {
        let Some(body) = part
            .subparts
            .iter()
            .find(|p| {
                p.ctype
                    .mimetype
                    .eq_ignore_ascii_case("application/octet-stream")
            })
            .or_else(|| part.subparts.get(1))
            .and_then(|p| p.get_body_raw().ok())
        else {
            walk.undecryptable
                .get_or_insert_with(|| "PGP/MIME message without an encrypted part".into());
            return;
        };
        if let Some(plain) = walk.decrypt(&body) {
            let inner = normalise_entity(&plain, walk.eol);
            take_protected_subject(walk, &inner, top);
            let opened = if depth < MAX_DEPTH {
                open_entity(walk, &inner, depth + 1, false)
            } else {
                inner
            };
            let mut bytes = kept_headers(part, walk.eol);
            bytes.extend_from_slice(&opened);
            splices.push(Splice { start, end, bytes });
        }
        return;
    }
    if mime == "multipart/signed" && protocol == "application/pgp-signature" {
        if let (Some(signed), Some(sig)) = (part.subparts.first(), part.subparts.get(1)) {
            let sig = sig.get_body_raw().unwrap_or_default();
            let status = verify_mime(walk, signed.raw_bytes, &sig);
            walk.note_signature(status);
            // Protected headers of a signed-only message are not taken over: the outer ones
            // are what the sender chose to show.
            visit(walk, signed, entity, depth, false, splices);
        }
        return;
    }
    if mime.starts_with("multipart/") {
        for sub in &part.subparts {
            visit(walk, sub, entity, depth, false, splices);
        }
        return;
    }
    let disposition = part.get_content_disposition();
    let filename = disposition
        .params
        .get("filename")
        .or_else(|| part.ctype.params.get("name"))
        .cloned()
        .unwrap_or_default();
    let lower_name = filename.to_ascii_lowercase();
    let pgp_name = [".gpg", ".pgp", ".asc"]
        .iter()
        .any(|ext| lower_name.ends_with(ext));
    if pgp_name && mime != "application/pgp-keys" && mime != "application/pgp-signature" {
        let Ok(body) = part.get_body_raw() else {
            return;
        };
        if !pgp::looks_encrypted(&body) {
            return;
        }
        if let Some(plain) = walk.decrypt(&body) {
            let name = &filename[..filename.len() - 4];
            let ctype = if plain_is_text(&plain) && name.to_ascii_lowercase().ends_with(".txt") {
                "text/plain; charset=utf-8".to_owned()
            } else {
                "application/octet-stream".to_owned()
            };
            let mut bytes = kept_headers(part, walk.eol);
            push_line(&mut bytes, &format!("Content-Type: {ctype}"), walk.eol);
            push_line(
                &mut bytes,
                &format!(
                    "Content-Disposition: attachment; filename=\"{}\"",
                    name.replace(['"', '\\', '\r', '\n'], "_")
                ),
                walk.eol,
            );
            push_base64_body(&mut bytes, &plain, walk.eol);
            splices.push(Splice { start, end, bytes });
        }
        return;
    }
    if mime.starts_with("text/") && mime != "text/html" {
        let Ok(body) = part.get_body_raw() else {
            return;
        };
        if !contains(&body, MSG_BEGIN) && !contains(&body, SIGNED_BEGIN) {
            return;
        }
        if let Some(new_body) = open_inline(walk, &body) {
            let charset = if std::str::from_utf8(&new_body).is_ok() {
                "utf-8".to_owned()
            } else {
                part.ctype.charset.clone()
            };
            let mut bytes = kept_headers(part, walk.eol);
            let mut ct = format!("Content-Type: {mime}; charset={charset}");
            if let Some(f) = part.ctype.params.get("format") {
                ct.push_str(&format!("; format={f}"));
            }
            push_line(&mut bytes, &ct, walk.eol);
            if let Some(d) = part.headers.get_first_value("Content-Disposition") {
                push_line(&mut bytes, &format!("Content-Disposition: {d}"), walk.eol);
            }
            push_base64_body(&mut bytes, &new_body, walk.eol);
            splices.push(Splice { start, end, bytes });
        }
    }
}

fn plain_is_text(b: &[u8]) -> bool {
    std::str::from_utf8(b).is_ok()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle, 0).is_some()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    memchr::memmem::find(&hay[from..], needle).map(|p| p + from)
}

/// Replaces each armored block in a text body with its content. Returns `None` when nothing
/// changed (every block failed).
fn open_inline(walk: &mut Walk, body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    let mut changed = false;
    loop {
        let next_msg = find(body, MSG_BEGIN, at);
        let next_signed = find(body, SIGNED_BEGIN, at);
        let (start, encrypted) = match (next_msg, next_signed) {
            (Some(m), Some(s)) if s < m => (s, false),
            (Some(m), _) => (m, true),
            (None, Some(s)) => (s, false),
            (None, None) => break,
        };
        let end_marker = if encrypted { MSG_END } else { SIG_END };
        let Some(mut end) = find(body, end_marker, start).map(|e| e + end_marker.len()) else {
            // Truncated armor: left as it is.
            if encrypted {
                walk.undecryptable
                    .get_or_insert_with(|| "truncated PGP message (no END line)".into());
            } else {
                walk.note_signature(SignatureStatus::Bad {
                    reason: "truncated signed message (no END line)".into(),
                });
            }
            break;
        };
        let block = &body[start..end];
        let replacement = if encrypted {
            walk.decrypt(block)
        } else {
            match pgp::verify_inline(&walk.policy, walk.now, block, walk.publics) {
                Ok(plain) => {
                    walk.note_signature(plain.signature);
                    Some(plain.data)
                }
                Err(e) => {
                    walk.note_signature(SignatureStatus::Bad {
                        reason: e.to_string(),
                    });
                    None
                }
            }
        };
        out.extend_from_slice(&body[at..start]);
        match replacement {
            Some(r) => {
                // The line break after the END line belongs to the armor: the content
                // brings its own.
                if r.ends_with(b"\n") {
                    if body[end..].starts_with(b"\r\n") {
                        end += 2;
                    } else if body[end..].starts_with(b"\n") {
                        end += 1;
                    }
                }
                out.extend_from_slice(&r);
                changed = true;
            }
            None => out.extend_from_slice(block),
        }
        at = end;
    }
    out.extend_from_slice(&body[at..]);
    changed.then_some(out)
}

/// Verifies a PGP/MIME signature: over the signed part with CRLF line ends (RFC 3156 §5), or as
/// received when that fails.
fn verify_mime(walk: &Walk, signed: &[u8], sig: &[u8]) -> SignatureStatus {
    let crlf = to_crlf(signed);
    let status = pgp::verify_detached(&walk.policy, walk.now, &crlf, sig, walk.publics);
    if matches!(status, SignatureStatus::Bad { .. }) && crlf != signed {
        let raw = pgp::verify_detached(&walk.policy, walk.now, signed, sig, walk.publics);
        if !matches!(raw, SignatureStatus::Bad { .. }) {
            return raw;
        }
    }
    status
}

fn to_crlf(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + b.len() / 40);
    let mut prev = 0u8;
    for &c in b {
        if c == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// A decrypted PGP/MIME payload is a MIME entity; some senders encrypt bare text instead.
fn normalise_entity(plain: &[u8], eol: &[u8]) -> Vec<u8> {
    let has_headers = matches!(mailparse::parse_headers(plain), Ok((h, _)) if !h.is_empty())
        && !plain.starts_with(b"\n")
        && !plain.starts_with(b"\r\n");
    let looks_mime = has_headers
        && mailparse::parse_headers(plain)
            .map(|(h, _)| h.get_first_value("Content-Type").is_some())
            .unwrap_or(false);
    if looks_mime {
        return plain.to_vec();
    }
    let mut out = Vec::new();
    let charset = if std::str::from_utf8(plain).is_ok() {
        "utf-8"
    } else {
        "iso-8859-1"
    };
    push_line(
        &mut out,
        &format!("Content-Type: text/plain; charset={charset}"),
        eol,
    );
    push_base64_body(&mut out, plain, eol);
    out
}

/// The Subject of protected headers (a Subject header on the decrypted top entity, or on the
/// signed part inside it).
fn take_protected_subject(walk: &mut Walk, inner: &[u8], top: bool) {
    if !top || walk.protected_subject.is_some() {
        return;
    }
    let Ok(parsed) = mailparse::parse_mail(inner) else {
        return;
    };
    let subject = parsed.headers.get_first_value("Subject").or_else(|| {
        (parsed
            .ctype
            .mimetype
            .eq_ignore_ascii_case("multipart/signed"))
        .then(|| parsed.subparts.first())
        .flatten()
        .and_then(|p| p.headers.get_first_value("Subject"))
    });
    walk.protected_subject = subject
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
}

/// The header lines of `part` other than its Content-* ones.
fn kept_headers(part: &ParsedMail<'_>, eol: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for h in &part.headers {
        let key = h.get_key();
        if key.to_ascii_lowercase().starts_with("content-") {
            continue;
        }
        out.extend_from_slice(h.get_key_raw());
        out.extend_from_slice(b": ");
        out.extend_from_slice(h.get_value_raw());
        out.extend_from_slice(eol);
    }
    out
}

fn push_line(out: &mut Vec<u8>, line: &str, eol: &[u8]) {
    out.extend_from_slice(line.as_bytes());
    out.extend_from_slice(eol);
}

fn push_base64_body(out: &mut Vec<u8>, body: &[u8], eol: &[u8]) {
    push_line(out, "Content-Transfer-Encoding: base64", eol);
    out.extend_from_slice(eol);
    let enc = base64::engine::general_purpose::STANDARD.encode(body);
    for chunk in enc.as_bytes().chunks(76) {
        out.extend_from_slice(chunk);
        out.extend_from_slice(eol);
    }
}

/// RFC 2047 form of a header value when it is not plain ASCII.
pub fn encode_header_value(s: &str) -> String {
    if s.is_ascii() && !s.contains("=?") {
        return s.to_owned();
    }
    format!(
        "=?UTF-8?B?{}?=",
        base64::engine::general_purpose::STANDARD.encode(s.as_bytes())
    )
}

/// Replaces the Subject of the top-level header block.
fn replace_subject(message: &[u8], subject: &str, eol: &[u8]) -> Vec<u8> {
    let Ok((headers, body_at)) = mailparse::parse_headers(message) else {
        return message.to_vec();
    };
    let mut out = Vec::with_capacity(message.len() + subject.len());
    let mut done = false;
    for h in &headers {
        if h.get_key().eq_ignore_ascii_case("Subject") {
            if done {
                continue;
            }
            done = true;
            out.extend_from_slice(b"Subject: ");
            out.extend_from_slice(encode_header_value(subject).as_bytes());
        } else {
            out.extend_from_slice(h.get_key_raw());
            out.extend_from_slice(b": ");
            out.extend_from_slice(h.get_value_raw());
        }
        out.extend_from_slice(eol);
    }
    if !done {
        out.extend_from_slice(b"Subject: ");
        out.extend_from_slice(encode_header_value(subject).as_bytes());
        out.extend_from_slice(eol);
    }
    // parse_headers' offset includes the blank line ending the header block.
    out.extend_from_slice(eol);
    out.extend_from_slice(&message[body_at.min(message.len())..]);
    out
}
