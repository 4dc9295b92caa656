//! Round trips through Sequoia and the incoming-mail opener, with fixed times.

use std::time::{Duration, SystemTime};

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::Cert;

use super::incoming::open_with_keys;
use super::pgp::{self, CipherSuite, StandardPolicy};
use super::{EncryptionStatus, SignatureStatus};

fn t0() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000)
}

fn key(uid: &str) -> Cert {
    pgp::generate(uid, CipherSuite::Cv25519, t0(), None).unwrap()
}

fn fpr(c: &Cert) -> String {
    c.fingerprint().to_hex()
}

#[test]
fn sign_encrypt_decrypt_verify_round_trip() {
    let p = StandardPolicy::new();
    let queue = key("Queue <q@example.test>");
    let alice = key("Alice <alice@example.test>");
    let ct = pgp::sign_encrypt(
        &p,
        t0(),
        b"secret text\n",
        Some((&alice, None)),
        std::slice::from_ref(&queue),
    )
    .unwrap();
    assert!(ct.starts_with(b"-----BEGIN PGP MESSAGE-----"));
    let plain = pgp::decrypt(
        &p,
        t0(),
        &ct,
        &[(queue.clone(), None)],
        &vec![alice.clone()],
    )
    .unwrap();
    assert_eq!(plain.data, b"secret text\n");
    assert_eq!(
        plain.signature,
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    assert_eq!(plain.decrypted_with, Some(fpr(&queue)));
    // Without Alice's key the signature is from an unknown key, named by its issuer.
    let plain = pgp::decrypt(&p, t0(), &ct, &[(queue, None)], &Vec::new()).unwrap();
    match plain.signature {
        SignatureStatus::UnknownKey { issuer } => assert!(
            alice
                .keys()
                .any(|k| k.key().fingerprint().to_hex() == issuer
                    || k.key().keyid().to_hex() == issuer),
            "{issuer}"
        ),
        other => panic!("expected unknown key, got {other:?}"),
    }
}

#[test]
fn decrypt_with_the_wrong_key_fails_clearly() {
    let p = StandardPolicy::new();
    let queue = key("Queue <q@example.test>");
    let other = key("Other <o@example.test>");
    let ct = pgp::sign_encrypt(&p, t0(), b"x", None, &[other]).unwrap();
    let err = pgp::decrypt(&p, t0(), &ct, &[(queue, None)], &Vec::new()).unwrap_err();
    assert!(
        err.to_string()
            .contains("not encrypted to any of the queue's keys"),
        "{err}"
    );
}

#[test]
fn locked_queue_key_needs_the_passphrase() {
    let p = StandardPolicy::new();
    let queue = pgp::generate(
        "Queue <q@example.test>",
        CipherSuite::Cv25519,
        t0(),
        Some("hunter2"),
    )
    .unwrap();
    let ct = pgp::sign_encrypt(&p, t0(), b"locked", None, std::slice::from_ref(&queue)).unwrap();
    assert!(pgp::decrypt(&p, t0(), &ct, &[(queue.clone(), None)], &Vec::new()).is_err());
    assert!(pgp::decrypt(
        &p,
        t0(),
        &ct,
        &[(queue.clone(), Some("wrong".into()))],
        &Vec::new()
    )
    .is_err());
    let ok = pgp::decrypt(
        &p,
        t0(),
        &ct,
        &[(queue.clone(), Some("hunter2".into()))],
        &Vec::new(),
    )
    .unwrap();
    assert_eq!(ok.data, b"locked");
    // Signing with a locked key needs it too.
    assert!(pgp::sign_detached(&p, t0(), b"m", &queue, None).is_err());
    assert!(pgp::sign_detached(&p, t0(), b"m", &queue, Some("hunter2")).is_ok());
}

#[test]
fn detached_signature_good_and_bad() {
    let p = StandardPolicy::new();
    let alice = key("Alice <alice@example.test>");
    let sig = pgp::sign_detached(&p, t0(), b"the signed part", &alice, None).unwrap();
    assert_eq!(
        pgp::verify_detached(&p, t0(), b"the signed part", &sig, &vec![alice.clone()]),
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    assert!(matches!(
        pgp::verify_detached(
            &p,
            t0(),
            b"the signed part, altered",
            &sig,
            &vec![alice.clone()]
        ),
        SignatureStatus::Bad { .. }
    ));
    assert!(matches!(
        pgp::verify_detached(&p, t0(), b"x", b"not a signature", &vec![alice]),
        SignatureStatus::Bad { .. }
    ));
}

#[test]
fn signature_by_an_expired_key_is_expired() {
    let p = StandardPolicy::new();
    let (alice, _) = CertBuilder::general_purpose(Some("Alice <alice@example.test>"))
        .set_creation_time(t0())
        .set_validity_period(Duration::from_secs(24 * 3600))
        .generate()
        .unwrap();
    let sig = pgp::sign_detached(&p, t0() + Duration::from_secs(60), b"m", &alice, None).unwrap();
    assert_eq!(
        pgp::verify_detached(
            &p,
            t0() + Duration::from_secs(120),
            b"m",
            &sig,
            &vec![alice.clone()]
        ),
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    let later = t0() + Duration::from_secs(3 * 24 * 3600);
    assert_eq!(
        pgp::verify_detached(&p, later, b"m", &sig, &vec![alice.clone()]),
        SignatureStatus::Expired {
            fingerprint: fpr(&alice)
        }
    );
    // And it can no longer be encrypted to.
    assert!(!pgp::can_encrypt_to(&p, later, &alice));
    assert!(pgp::can_encrypt_to(&p, t0(), &alice));
}

#[test]
fn signature_by_a_revoked_key_is_revoked() {
    let p = StandardPolicy::new();
    let (alice, rev) = CertBuilder::general_purpose(Some("Alice <alice@example.test>"))
        .set_creation_time(t0())
        .generate()
        .unwrap();
    let sig = pgp::sign_detached(&p, t0() + Duration::from_secs(60), b"m", &alice, None).unwrap();
    let (revoked, _) = alice.clone().insert_packets(rev).unwrap();
    assert_eq!(
        pgp::verify_detached(
            &p,
            t0() + Duration::from_secs(120),
            b"m",
            &sig,
            &vec![revoked.clone()]
        ),
        SignatureStatus::Revoked {
            fingerprint: fpr(&alice)
        }
    );
    let info = pgp::info(&p, t0() + Duration::from_secs(120), &revoked);
    assert!(info.revoked);
    assert!(!info.can_encrypt);
}

#[test]
fn armor_round_trip_keeps_or_drops_secrets() {
    let alice = key("Alice <alice@example.test>");
    let public = pgp::armor_public(&alice).unwrap();
    assert!(public.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    assert!(!pgp::parse_cert(&public).unwrap().is_tsk());
    let secret = pgp::armor_secret(&alice).unwrap();
    assert!(secret.starts_with("-----BEGIN PGP PRIVATE KEY BLOCK-----"));
    assert_eq!(
        pgp::parse_cert(&secret).unwrap().fingerprint(),
        alice.fingerprint()
    );
    assert!(pgp::parse_certs(b"garbage").is_err());
}

fn pgp_mime(outer_subject: &str, armored: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "From: Alice <alice@example.test>\r\nTo: support@example.test\r\nSubject: {outer_subject}\r\n\
         Message-ID: <m1@example.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"BB\"\r\n\r\n\
         --BB\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n\
         --BB\r\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n"
    )
    .into_bytes();
    m.extend_from_slice(armored);
    m.extend_from_slice(b"\r\n--BB--\r\n");
    m
}

#[test]
fn pgp_mime_decrypts_with_protected_subject() {
    let p = StandardPolicy::new();
    let queue = key("Queue <q@example.test>");
    let alice = key("Alice <alice@example.test>");
    let inner = "Content-Type: text/plain; charset=utf-8; protected-headers=\"v1\"\r\n\
                 Subject: Mon disque est chiffré\r\nContent-Transfer-Encoding: 8bit\r\n\r\nBonjour, ça marche pas.\r\n";
    let ct = pgp::sign_encrypt(
        &p,
        t0(),
        inner.as_bytes(),
        Some((&alice, None)),
        std::slice::from_ref(&queue),
    )
    .unwrap();
    let raw = pgp_mime("...", &ct);
    let opened = open_with_keys(&raw, t0(), vec![(queue.clone(), None)], vec![alice.clone()]);
    assert_eq!(opened.encryption, EncryptionStatus::Decrypted);
    assert_eq!(
        opened.signature,
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    assert_eq!(
        opened.protected_subject.as_deref(),
        Some("Mon disque est chiffré")
    );
    assert_eq!(opened.decrypted_with, vec![fpr(&queue)]);
    let parsed = mailparse::parse_mail(&opened.message).unwrap();
    use mailparse::MailHeaderMap;
    assert_eq!(
        parsed.headers.get_first_value("Subject").unwrap(),
        "Mon disque est chiffré"
    );
    assert_eq!(
        parsed.headers.get_first_value("Message-ID").unwrap(),
        "<m1@example.test>"
    );
    assert_eq!(parsed.ctype.mimetype, "text/plain");
    assert_eq!(parsed.get_body().unwrap(), "Bonjour, ça marche pas.\r\n");
}

#[test]
fn undecryptable_mail_is_kept_as_received() {
    let p = StandardPolicy::new();
    let queue = key("Queue <q@example.test>");
    let other = key("Other <o@example.test>");
    let ct = pgp::sign_encrypt(
        &p,
        t0(),
        b"Content-Type: text/plain\r\n\r\nhi\r\n",
        None,
        &[other],
    )
    .unwrap();
    let raw = pgp_mime("hello", &ct);
    let opened = open_with_keys(&raw, t0(), vec![(queue, None)], vec![]);
    assert_eq!(opened.message, raw);
    match opened.encryption {
        EncryptionStatus::Undecryptable { reason } => {
            assert!(reason.contains("not encrypted to"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // Corrupt and truncated armor too.
    let mut bad = ct.clone();
    let mid = bad.len() / 2;
    bad[mid] = if bad[mid] == b'A' { b'B' } else { b'A' };
    let opened = open_with_keys(&pgp_mime("x", &bad), t0(), vec![], vec![]);
    assert!(matches!(
        opened.encryption,
        EncryptionStatus::Undecryptable { .. }
    ));
    let text = format!(
        "Subject: t\r\nContent-Type: text/plain\r\n\r\nhello\r\n{}",
        String::from_utf8_lossy(&ct[..ct.len() / 2])
    );
    let opened = open_with_keys(text.as_bytes(), t0(), vec![], vec![]);
    assert_eq!(opened.message, text.as_bytes());
    assert!(
        matches!(opened.encryption, EncryptionStatus::Undecryptable { ref reason } if reason.contains("truncated"))
    );
}

#[test]
fn inline_pgp_in_a_text_part_and_a_gpg_attachment() {
    let p = StandardPolicy::new();
    let queue = key("Queue <q@example.test>");
    let alice = key("Alice <alice@example.test>");
    let ct = pgp::sign_encrypt(
        &p,
        t0(),
        "Grüße aus Berlin\n".as_bytes(),
        Some((&alice, None)),
        std::slice::from_ref(&queue),
    )
    .unwrap();
    let att = pgp::sign_encrypt(
        &p,
        t0(),
        b"log line 1\nlog line 2\n",
        None,
        std::slice::from_ref(&queue),
    )
    .unwrap();
    let raw = format!(
        "From: alice@example.test\nSubject: inline\nMIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\nContent-Type: text/plain; charset=us-ascii\n\n\
         Before\n{}\nAfter\n--XX\nContent-Type: application/octet-stream; name=\"logs.txt.asc\"\n\
         Content-Disposition: attachment; filename=\"logs.txt.asc\"\n\n{}\n--XX--\n",
        String::from_utf8_lossy(&ct),
        String::from_utf8_lossy(&att)
    );
    let opened = open_with_keys(
        raw.as_bytes(),
        t0(),
        vec![(queue, None)],
        vec![alice.clone()],
    );
    assert_eq!(opened.encryption, EncryptionStatus::Decrypted);
    assert_eq!(
        opened.signature,
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    let parsed = mailparse::parse_mail(&opened.message).unwrap();
    assert_eq!(parsed.subparts.len(), 2);
    assert_eq!(
        parsed.subparts[0].get_body().unwrap(),
        "Before\nGrüße aus Berlin\n\nAfter"
    );
    let a = &parsed.subparts[1];
    assert_eq!(
        a.get_content_disposition().params.get("filename").unwrap(),
        "logs.txt"
    );
    assert_eq!(a.get_body_raw().unwrap(), b"log line 1\nlog line 2\n");
}

#[test]
fn pgp_mime_signed_and_cleartext_signed_verify() {
    let p = StandardPolicy::new();
    let alice = key("Alice <alice@example.test>");
    let part = b"Content-Type: text/plain; charset=utf-8\r\n\r\nsigned body\r\n";
    let sig = pgp::sign_detached(&p, t0(), part, &alice, None).unwrap();
    let raw = format!(
        "From: alice@example.test\r\nSubject: s\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"SS\"\r\n\r\n\
         --SS\r\n{}\r\n--SS\r\nContent-Type: application/pgp-signature\r\n\r\n{}\r\n--SS--\r\n",
        String::from_utf8_lossy(part),
        String::from_utf8_lossy(&sig)
    );
    let opened = open_with_keys(raw.as_bytes(), t0(), vec![], vec![alice.clone()]);
    assert_eq!(opened.encryption, EncryptionStatus::None);
    assert_eq!(
        opened.signature,
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    assert_eq!(opened.message, raw.as_bytes());
    // Stored with LF line ends (as some MTAs deliver), it still verifies.
    let lf = raw.replace("\r\n", "\n");
    let opened = open_with_keys(lf.as_bytes(), t0(), vec![], vec![alice.clone()]);
    assert_eq!(
        opened.signature,
        SignatureStatus::Good {
            fingerprint: fpr(&alice)
        }
    );
    // Altered content: bad.
    let altered = raw.replace("signed body", "signed b0dy");
    let opened = open_with_keys(altered.as_bytes(), t0(), vec![], vec![alice.clone()]);
    assert!(
        matches!(opened.signature, SignatureStatus::Bad { .. }),
        "{:?}",
        opened.signature
    );
    // Unknown signer.
    let opened = open_with_keys(raw.as_bytes(), t0(), vec![], vec![]);
    assert!(matches!(
        opened.signature,
        SignatureStatus::UnknownKey { .. }
    ));
}

#[test]
fn plain_mail_passes_through_untouched() {
    let raw = b"From: a@example.test\r\nSubject: hi\r\n\r\nno crypto here\r\n";
    let opened = open_with_keys(raw, t0(), vec![], vec![]);
    assert_eq!(opened.message, raw);
    assert_eq!(opened.encryption, EncryptionStatus::None);
    assert_eq!(opened.signature, SignatureStatus::None);
}

#[test]
fn keys_are_found_in_attachments_autocrypt_and_pasted_blocks() {
    use base64::Engine as _;
    use openpgp::serialize::SerializeInto;
    let alice = key("Alice <alice@example.test>");
    let bob = key("Bob <bob@example.test>");
    let carol = key("Carol <carol@example.test>");
    let keydata = base64::engine::general_purpose::STANDARD.encode(alice.to_vec().unwrap());
    let raw = format!(
        "From: alice@example.test\r\nAutocrypt: addr=alice@example.test; prefer-encrypt=mutual; keydata={keydata}\r\n\
         Subject: k\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"KK\"\r\n\r\n\
         --KK\r\nContent-Type: text/plain\r\n\r\nOpenPGP-Key: included below\r\n\r\n{}\r\n\
         --KK\r\nContent-Type: application/pgp-keys; name=\"carol.asc\"\r\n\r\n{}\r\n--KK--\r\n",
        pgp::armor_public(&bob).unwrap(),
        pgp::armor_public(&carol).unwrap()
    );
    let found = super::learn::find_keys(raw.as_bytes(), "alice@example.test");
    let mut got: Vec<(String, &str)> = found.certs.iter().map(|(c, s)| (fpr(c), *s)).collect();
    got.sort();
    let mut want = vec![
        (fpr(&alice), "autocrypt"),
        (fpr(&bob), "pasted"),
        (fpr(&carol), "attachment"),
    ];
    want.sort();
    assert_eq!(got, want);
    // Autocrypt for another address than the sender's is ignored.
    let found = super::learn::find_keys(raw.as_bytes(), "mallory@example.test");
    assert!(!found.certs.iter().any(|(c, _)| fpr(c) == fpr(&alice)));
}
