//! Sequoia behind small synchronous functions over bytes and certs. Every call takes the
//! policy and the time explicitly.

use std::io::{Read, Write};
use std::time::SystemTime;

use anyhow::Context as _;
use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::crypto::{Password, SessionKey};
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::stream::{
    DecryptionHelper, DecryptorBuilder, DetachedVerifierBuilder, MessageLayer, MessageStructure,
    VerificationError, VerificationHelper, VerifierBuilder,
};
use openpgp::parse::Parse;
use openpgp::policy::Policy;
use openpgp::serialize::stream::{Armorer, Encryptor, LiteralWriter, Message, Signer};
use openpgp::serialize::SerializeInto;
use openpgp::types::{RevocationStatus, SymmetricAlgorithm};
use openpgp::{Cert, Fingerprint, KeyHandle};

use super::SignatureStatus;

pub use openpgp::cert::CipherSuite;
pub use openpgp::policy::StandardPolicy;

/// Largest plaintext we accept from one encrypted block (a 50 MB message plus headroom).
const MAX_PLAINTEXT: u64 = 64 * 1024 * 1024;

/// The facts about a cert the key store keeps beside its armored text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    pub fingerprint: String,
    pub user_ids: Vec<String>,
    pub has_secret: bool,
    pub expires: Option<SystemTime>,
    pub revoked: bool,
    /// Usable for encryption (transport) at the given time.
    pub can_encrypt: bool,
    pub can_sign: bool,
}

/// Generates a new general-purpose key (certification primary, signing and encryption subkeys).
pub fn generate(
    user_id: &str,
    suite: CipherSuite,
    now: SystemTime,
    password: Option<&str>,
) -> anyhow::Result<Cert> {
    let (cert, _rev) = CertBuilder::general_purpose(Some(user_id))
        .set_cipher_suite(suite)
        .set_creation_time(now)
        .set_password(password.map(Password::from))
        .generate()?;
    Ok(cert)
}

/// Every cert in `bytes` (armored or binary, one or many keyrings).
pub fn parse_certs(bytes: &[u8]) -> anyhow::Result<Vec<Cert>> {
    let mut certs = Vec::new();
    for c in CertParser::from_bytes(bytes)? {
        certs.push(c?);
    }
    if certs.is_empty() {
        anyhow::bail!("no OpenPGP key found");
    }
    Ok(certs)
}

/// One cert from armored text as stored.
pub fn parse_cert(text: &str) -> anyhow::Result<Cert> {
    Cert::from_bytes(text.as_bytes())
}

/// Public part, armored.
pub fn armor_public(cert: &Cert) -> anyhow::Result<String> {
    Ok(String::from_utf8(cert.armored().to_vec()?)?)
}

/// Public and secret parts, armored.
pub fn armor_secret(cert: &Cert) -> anyhow::Result<String> {
    Ok(String::from_utf8(cert.as_tsk().armored().to_vec()?)?)
}

pub fn info(policy: &dyn Policy, now: SystemTime, cert: &Cert) -> CertInfo {
    let revoked = matches!(
        cert.revocation_status(policy, now),
        RevocationStatus::Revoked(_)
    );
    let valid = cert.with_policy(policy, now).ok();
    let expires = valid
        .as_ref()
        .and_then(|v| v.primary_key().key_expiration_time());
    let user_ids = cert
        .userids()
        .map(|u| String::from_utf8_lossy(u.userid().value()).into_owned())
        .collect();
    let can_encrypt = !encryption_keys(policy, now, cert).is_empty();
    let can_sign = !revoked
        && cert
            .keys()
            .with_policy(policy, now)
            .supported()
            .alive()
            .revoked(false)
            .for_signing()
            .next()
            .is_some();
    CertInfo {
        fingerprint: cert.fingerprint().to_hex(),
        user_ids,
        has_secret: cert.is_tsk(),
        expires,
        revoked,
        can_encrypt,
        can_sign,
    }
}

fn encryption_keys<'a>(
    policy: &'a dyn Policy,
    now: SystemTime,
    cert: &'a Cert,
) -> Vec<ValidErasedKeyAmalgamation<'a, openpgp::packet::key::PublicParts>> {
    if matches!(
        cert.revocation_status(policy, now),
        RevocationStatus::Revoked(_)
    ) {
        return Vec::new();
    }
    cert.keys()
        .with_policy(policy, now)
        .supported()
        .alive()
        .revoked(false)
        .for_transport_encryption()
        .collect()
}

/// Whether `cert` can receive encrypted mail now (valid, not expired, not revoked).
pub fn can_encrypt_to(policy: &dyn Policy, now: SystemTime, cert: &Cert) -> bool {
    !encryption_keys(policy, now, cert).is_empty()
}

fn signing_keypair(
    policy: &dyn Policy,
    now: SystemTime,
    cert: &Cert,
    password: Option<&str>,
) -> anyhow::Result<openpgp::crypto::KeyPair> {
    let key = cert
        .keys()
        .with_policy(policy, now)
        .supported()
        .alive()
        .revoked(false)
        .for_signing()
        .secret()
        .next()
        .context("the key has no usable signing secret key")?
        .key()
        .clone();
    let key = if key.has_unencrypted_secret() {
        key
    } else {
        let pw = password.context("the signing key is locked and no passphrase is configured")?;
        key.decrypt_secret(&Password::from(pw))
            .context("the configured passphrase does not unlock the signing key")?
    };
    key.into_keypair()
}

/// Signs and/or encrypts `data` as an armored OpenPGP message. With no recipients the result is
/// only signed; with no signer it is only encrypted.
pub fn sign_encrypt(
    policy: &dyn Policy,
    now: SystemTime,
    data: &[u8],
    signer: Option<(&Cert, Option<&str>)>,
    recipients: &[Cert],
) -> anyhow::Result<Vec<u8>> {
    let mut keys = Vec::new();
    for r in recipients {
        let ks = encryption_keys(policy, now, r);
        if ks.is_empty() {
            anyhow::bail!("key {} cannot encrypt now", r.fingerprint());
        }
        keys.extend(ks);
    }
    let mut sink = Vec::new();
    {
        let message = Message::new(&mut sink);
        let mut message = Armorer::new(message).build()?;
        if !keys.is_empty() {
            message = Encryptor::for_recipients(message, keys.iter().cloned()).build()?;
        }
        if let Some((cert, pw)) = signer {
            let pair = signing_keypair(policy, now, cert, pw)?;
            let mut s = Signer::new(message, pair)?.creation_time(now);
            for r in recipients {
                s = s.add_intended_recipient(r);
            }
            message = s.build()?;
        }
        let mut w = LiteralWriter::new(message).date(now)?.build()?;
        w.write_all(data)?;
        w.finalize()?;
    }
    Ok(sink)
}

/// An armored detached signature over `data` (for PGP/MIME multipart/signed).
pub fn sign_detached(
    policy: &dyn Policy,
    now: SystemTime,
    data: &[u8],
    signer: &Cert,
    password: Option<&str>,
) -> anyhow::Result<Vec<u8>> {
    let pair = signing_keypair(policy, now, signer, password)?;
    let mut sink = Vec::new();
    {
        let message = Message::new(&mut sink);
        let message = Armorer::new(message)
            .kind(openpgp::armor::Kind::Signature)
            .build()?;
        let mut s = Signer::new(message, pair)?
            .creation_time(now)
            .detached()
            .build()?;
        s.write_all(data)?;
        s.finalize()?;
    }
    Ok(sink)
}

/// The result of opening an encrypted or signed blob.
#[derive(Debug, Clone)]
pub struct Plain {
    pub data: Vec<u8>,
    pub signature: SignatureStatus,
    /// Fingerprint of the secret cert that decrypted it, if it was encrypted.
    pub decrypted_with: Option<String>,
}

/// Public keys to check signatures against, asked for by the key ids and fingerprints a
/// signature names: a store can look up the few that match instead of parsing every key.
pub trait Keyring {
    /// The certs with a key (primary or subkey) matching any of `ids`.
    fn certs_for(&self, ids: &[KeyHandle]) -> Vec<Cert>;
}

impl Keyring for Vec<Cert> {
    fn certs_for(&self, ids: &[KeyHandle]) -> Vec<Cert> {
        self.iter().filter(|c| has_any(c, ids)).cloned().collect()
    }
}

fn has_any(c: &Cert, ids: &[KeyHandle]) -> bool {
    ids.iter()
        .any(|id| c.keys().any(|k| k.key().key_handle().aliases(id)))
}

/// Every handle a signature may name one of the cert's keys by: the upper-case hex
/// fingerprint and key id of the primary key and of each subkey.
pub fn handles_of(c: &Cert) -> Vec<String> {
    let mut out: Vec<String> = c
        .keys()
        .flat_map(|k| [k.key().fingerprint().to_hex(), k.key().keyid().to_hex()])
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The one helper behind both verification and decryption.
struct Helper<'a> {
    policy: &'a dyn Policy,
    now: SystemTime,
    secrets: &'a [(Cert, Option<String>)],
    publics: &'a dyn Keyring,
    signature: SignatureStatus,
    decrypted_with: Option<Fingerprint>,
    locked: bool,
}

impl<'a> Helper<'a> {
    fn new(
        policy: &'a dyn Policy,
        now: SystemTime,
        secrets: &'a [(Cert, Option<String>)],
        publics: &'a dyn Keyring,
    ) -> Self {
        Self {
            policy,
            now,
            secrets,
            publics,
            signature: SignatureStatus::None,
            decrypted_with: None,
            locked: false,
        }
    }

    /// Classifies one signature the way GnuPG reports them: a good signature by a key that is
    /// revoked or expired now is reported as such.
    fn classify(
        &self,
        result: &Result<openpgp::parse::stream::GoodChecksum, VerificationError>,
    ) -> SignatureStatus {
        match result {
            Ok(good) => {
                let cert = good.ka.cert();
                self.status_of_cert(cert)
                    .unwrap_or_else(|| SignatureStatus::Good {
                        fingerprint: cert.fingerprint().to_hex(),
                    })
            }
            Err(VerificationError::MissingKey { sig }) => SignatureStatus::UnknownKey {
                issuer: sig
                    .get_issuers()
                    .first()
                    .map(|h| h.to_hex())
                    .unwrap_or_default(),
            },
            Err(VerificationError::UnboundKey { cert, error, .. }) => self
                .status_of_cert(cert)
                .unwrap_or_else(|| SignatureStatus::Bad {
                    reason: error.to_string(),
                }),
            Err(VerificationError::BadKey { ka, error, .. }) => self
                .status_of_cert(ka.cert())
                .unwrap_or_else(|| SignatureStatus::Bad {
                    reason: error.to_string(),
                }),
            Err(e) => SignatureStatus::Bad {
                reason: e.to_string(),
            },
        }
    }

    fn status_of_cert(&self, cert: &Cert) -> Option<SignatureStatus> {
        let fingerprint = cert.fingerprint().to_hex();
        if matches!(
            cert.revocation_status(self.policy, self.now),
            RevocationStatus::Revoked(_)
        ) {
            return Some(SignatureStatus::Revoked { fingerprint });
        }
        let signing_subkey_revoked = cert.keys().subkeys().any(|k| {
            k.key().for_signing_hint()
                && matches!(
                    k.revocation_status(self.policy, self.now),
                    RevocationStatus::Revoked(_)
                )
        });
        match cert.with_policy(self.policy, self.now) {
            Ok(v) if v.alive().is_err() => Some(SignatureStatus::Expired { fingerprint }),
            Ok(v) => {
                let usable = v
                    .keys()
                    .supported()
                    .alive()
                    .revoked(false)
                    .for_signing()
                    .next()
                    .is_some();
                if usable {
                    None
                } else if signing_subkey_revoked {
                    Some(SignatureStatus::Revoked { fingerprint })
                } else {
                    Some(SignatureStatus::Expired { fingerprint })
                }
            }
            Err(_) => Some(SignatureStatus::Expired { fingerprint }),
        }
    }
}

trait SigningHint {
    fn for_signing_hint(&self) -> bool;
}

impl<P: openpgp::packet::key::KeyParts, R: openpgp::packet::key::KeyRole> SigningHint
    for openpgp::packet::Key<P, R>
{
    fn for_signing_hint(&self) -> bool {
        self.pk_algo().for_signing()
    }
}

impl VerificationHelper for Helper<'_> {
    fn get_certs(&mut self, ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        let mut certs = self.publics.certs_for(ids);
        certs.extend(
            self.secrets
                .iter()
                .map(|(c, _)| c)
                .filter(|c| has_any(c, ids))
                .cloned(),
        );
        Ok(certs)
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        for layer in structure {
            if let MessageLayer::SignatureGroup { results } = layer {
                // The best result wins: one good signature is enough.
                let mut best: Option<SignatureStatus> = None;
                for r in &results {
                    let s = self.classify(r);
                    best = Some(match (best, s) {
                        (Some(b @ SignatureStatus::Good { .. }), _) => b,
                        (_, s) => s,
                    });
                }
                if let Some(b) = best {
                    self.signature = b;
                }
            }
        }
        Ok(())
    }
}

impl DecryptionHelper for Helper<'_> {
    fn decrypt(
        &mut self,
        pkesks: &[PKESK],
        _skesks: &[SKESK],
        sym_algo: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        for (cert, password) in self.secrets {
            // Decryption keys are tried regardless of expiry: mail encrypted to a key before it
            // expired must still open.
            let candidates = cert
                .keys()
                .with_policy(self.policy, None)
                .supported()
                .for_transport_encryption()
                .secret()
                .map(|k| k.key().clone())
                .collect::<Vec<_>>();
            for key in candidates {
                let key = if key.has_unencrypted_secret() {
                    key
                } else if let Some(pw) = password {
                    match key.decrypt_secret(&Password::from(pw.as_str())) {
                        Ok(k) => k,
                        Err(_) => {
                            self.locked = true;
                            continue;
                        }
                    }
                } else {
                    self.locked = true;
                    continue;
                };
                let mut pair = match key.clone().into_keypair() {
                    Ok(p) => p,
                    Err(_) => continue,
                };
                for pkesk in pkesks {
                    let for_us = pkesk
                        .recipient()
                        .is_none_or(|r| r.aliases(key.key_handle()));
                    if !for_us {
                        continue;
                    }
                    if let Some((algo, sk)) = pkesk.decrypt(&mut pair, sym_algo) {
                        if decrypt(algo, &sk) {
                            self.decrypted_with = Some(cert.fingerprint());
                            return Ok(Some(cert.clone()));
                        }
                    }
                }
            }
        }
        if self.locked {
            anyhow::bail!("the queue's secret key is locked and the configured passphrase (if any) does not unlock it")
        }
        anyhow::bail!("not encrypted to any of the queue's keys")
    }
}

fn read_limited(r: &mut dyn Read) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(MAX_PLAINTEXT + 1).read_to_end(&mut out)?;
    if out.len() as u64 > MAX_PLAINTEXT {
        anyhow::bail!("decrypted content is larger than {MAX_PLAINTEXT} bytes");
    }
    Ok(out)
}

/// Decrypts (with `secrets`, each with its passphrase) and verifies (against `publics`) an
/// encrypted message, armored or binary.
pub fn decrypt(
    policy: &dyn Policy,
    now: SystemTime,
    ciphertext: &[u8],
    secrets: &[(Cert, Option<String>)],
    publics: &dyn Keyring,
) -> anyhow::Result<Plain> {
    let helper = Helper::new(policy, now, secrets, publics);
    let mut d = DecryptorBuilder::from_bytes(ciphertext)?.with_policy(policy, now, helper)?;
    let data = read_limited(&mut d)?;
    let h = d.into_helper();
    Ok(Plain {
        data,
        signature: h.signature,
        decrypted_with: h.decrypted_with.map(|f| f.to_hex()),
    })
}

/// Verifies an inline-signed message (cleartext signature framework or a signed message block)
/// and returns its content.
pub fn verify_inline(
    policy: &dyn Policy,
    now: SystemTime,
    signed: &[u8],
    publics: &dyn Keyring,
) -> anyhow::Result<Plain> {
    let helper = Helper::new(policy, now, &[], publics);
    let mut v = VerifierBuilder::from_bytes(signed)?.with_policy(policy, now, helper)?;
    let data = read_limited(&mut v)?;
    let h = v.into_helper();
    Ok(Plain {
        data,
        signature: h.signature,
        decrypted_with: None,
    })
}

/// Verifies a detached signature over `data`.
pub fn verify_detached(
    policy: &dyn Policy,
    now: SystemTime,
    data: &[u8],
    signature: &[u8],
    publics: &dyn Keyring,
) -> SignatureStatus {
    let helper = Helper::new(policy, now, &[], publics);
    let mut v = match DetachedVerifierBuilder::from_bytes(signature)
        .and_then(|b| b.with_policy(policy, now, helper))
    {
        Ok(v) => v,
        Err(e) => {
            return SignatureStatus::Bad {
                reason: format!("unreadable signature: {e}"),
            }
        }
    };
    match v.verify_bytes(data) {
        Ok(()) => v.into_helper().signature,
        Err(e) => {
            let s = v.into_helper().signature;
            if s == SignatureStatus::None {
                SignatureStatus::Bad {
                    reason: e.to_string(),
                }
            } else {
                s
            }
        }
    }
}

/// Whether `bytes` (armored or binary) starts like an encrypted OpenPGP message.
pub fn looks_encrypted(bytes: &[u8]) -> bool {
    use openpgp::packet::Tag;
    use openpgp::parse::{PacketParser, PacketParserResult};
    match PacketParser::from_bytes(bytes) {
        Ok(PacketParserResult::Some(pp)) => matches!(
            pp.packet.tag(),
            Tag::PKESK | Tag::SKESK | Tag::SEIP | Tag::AED
        ),
        _ => false,
    }
}
