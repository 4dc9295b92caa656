//! Learning a sender's public keys from their mail: attached `application/pgp-keys` parts,
//! Autocrypt headers, pasted key blocks, and WhisperBack's `OpenPGP-Key:` line (which names the
//! pasted key, or says it is "included below"). Keys are never fetched from the network.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use mailparse::{MailHeaderMap, ParsedMail};
use sequoia_openpgp::Cert;

use super::keys::{self, OWNER_USER};
use super::{pgp, CryptoError};
use crate::store::DbConn;

const KEY_BEGIN: &[u8] = b"-----BEGIN PGP PUBLIC KEY BLOCK-----";
const KEY_END: &[u8] = b"-----END PGP PUBLIC KEY BLOCK-----";

/// Certs found in a message, with where each came from.
#[derive(Debug, Default)]
pub struct Found {
    pub certs: Vec<(Cert, &'static str)>,
    /// The hex key id or fingerprint named by an `OpenPGP-Key:` line.
    pub named: Option<String>,
}

pub fn learn_from_message(
    conn: &mut DbConn,
    user_id: i64,
    message: &[u8],
    now: DateTime<Utc>,
) -> Result<Vec<String>, CryptoError> {
    let user = crate::store::users::by_id(conn, user_id)?;
    let email = user.and_then(|u| u.email_address).unwrap_or_default();
    store_learned(conn, user_id, keys_in(message, &email), now)
}

/// The certs a message from `sender` offers that are worth learning: no database needed, so
/// the mail gateway finds them before its write transaction.
pub fn keys_in(message: &[u8], sender: &str) -> Vec<(Cert, &'static str)> {
    select(find_keys(message, sender))
}

/// Stores certs found by [`keys_in`] as the user's; returns their fingerprints.
pub fn store_learned(
    conn: &mut DbConn,
    user_id: i64,
    certs: Vec<(Cert, &'static str)>,
    now: DateTime<Utc>,
) -> Result<Vec<String>, CryptoError> {
    let mut stored = Vec::new();
    for (cert, source) in certs {
        let row = keys::store_cert(conn, OWNER_USER, user_id, cert, source, now)?;
        if !stored.contains(&row.fingerprint) {
            stored.push(row.fingerprint);
        }
    }
    Ok(stored)
}

/// When an `OpenPGP-Key:` line names a key and a found cert matches it, only matching certs are
/// kept (a report may quote someone else's key).
fn select(found: Found) -> Vec<(Cert, &'static str)> {
    let Some(named) = found.named else {
        return found.certs;
    };
    let matches = |c: &Cert| {
        let fpr = c.fingerprint().to_hex();
        fpr.ends_with(&named)
    };
    if found.certs.iter().any(|(c, _)| matches(c)) {
        found
            .certs
            .into_iter()
            .filter(|(c, _)| matches(c))
            .collect()
    } else {
        found.certs
    }
}

pub fn find_keys(message: &[u8], sender: &str) -> Found {
    let mut found = Found::default();
    let Ok(parsed) = mailparse::parse_mail(message) else {
        return found;
    };
    for h in parsed.headers.get_all_values("Autocrypt") {
        if let Some(cert) = autocrypt_cert(&h, sender) {
            found.certs.push((cert, "autocrypt"));
        }
    }
    walk(&parsed, &mut found, 0);
    found
}

fn autocrypt_cert(value: &str, sender: &str) -> Option<Cert> {
    let mut addr = None;
    let mut keydata = None;
    for attr in value.split(';') {
        let (k, v) = attr.split_once('=')?;
        match k.trim() {
            "addr" => addr = Some(v.trim().to_owned()),
            "keydata" => keydata = Some(v.split_whitespace().collect::<String>()),
            _ => {}
        }
    }
    // Autocrypt §2.1: the header only counts for the address that sent the message.
    let addr = addr?;
    if !sender.is_empty() && !addr.eq_ignore_ascii_case(sender) {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(keydata?)
        .ok()?;
    pgp::parse_certs(&bytes).ok()?.into_iter().next()
}

fn walk(part: &ParsedMail<'_>, found: &mut Found, depth: usize) {
    if depth > 20 {
        return;
    }
    let mime = part.ctype.mimetype.to_ascii_lowercase();
    if mime.starts_with("multipart/") {
        for sub in &part.subparts {
            walk(sub, found, depth + 1);
        }
        return;
    }
    let Ok(body) = part.get_body_raw() else {
        return;
    };
    if mime == "application/pgp-keys" {
        if let Ok(certs) = pgp::parse_certs(&body) {
            found
                .certs
                .extend(certs.into_iter().map(|c| (c, "attachment")));
        }
        return;
    }
    if !mime.starts_with("text/") {
        return;
    }
    if let Some(named) = openpgp_key_line(&body) {
        found.named.get_or_insert(named);
    }
    let mut at = 0;
    while let Some(start) = find(&body, KEY_BEGIN, at) {
        let Some(end) = find(&body, KEY_END, start).map(|e| e + KEY_END.len()) else {
            break;
        };
        if let Ok(certs) = pgp::parse_certs(&body[start..end]) {
            found.certs.extend(certs.into_iter().map(|c| (c, "pasted")));
        }
        at = end;
    }
}

/// The key id or fingerprint on WhisperBack's `OpenPGP-Key:` line, upper-case hex.
fn openpgp_key_line(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let line = text
        .lines()
        .take(40)
        .find_map(|l| l.strip_prefix("OpenPGP-Key:"))?;
    let hex: String = line
        .trim()
        .trim_start_matches("0x")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (hex.len() >= 16 && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| hex.to_uppercase())
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    memchr::memmem::find(&hay[from..], needle).map(|p| p + from)
}
