//! `keyring` benchmark: checking the signature of one incoming message when many user keys are
//! stored. Before, every OpenPGP message parsed the whole stored keyring; now the signature's
//! key ids are looked up in `openpgp_key_handles` and only the matching key is parsed. Both
//! ways run in the same process on the same SQLite database, alternated; medians reported.

use std::time::{Duration, Instant, SystemTime};

use anyhow::{anyhow, bail, Context as _, Result};
use diesel::prelude::*;
use hushdesk::config::Config;
use hushdesk::crypto::pgp::{self, CipherSuite, StandardPolicy};
use hushdesk::crypto::{incoming, keys, SignatureStatus};
use hushdesk::domain::clock::SystemClock;
use hushdesk::store::schema::openpgp_keys;

const USAGE: &str = "usage: keyring [--keys N] [--rounds N] [--out FILE]
  --keys N    stored user keys (default 2000)
  --rounds N  alternated rounds; each times both ways 10 times (default 9)
  --out FILE  also write the Markdown section to FILE";

fn signed_message(signer: &sequoia_openpgp::Cert, at: SystemTime) -> Result<Vec<u8>> {
    let part = "Content-Type: text/plain; charset=utf-8\r\n\r\nMy laptop does not start.\r\n";
    let sig = pgp::sign_detached(&StandardPolicy::new(), at, part.as_bytes(), signer, None)?;
    Ok(format!(
        "From: signer@example.test\r\nSubject: signed\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"SS\"\r\n\r\n\
         --SS\r\n{part}\r\n--SS\r\nContent-Type: application/pgp-signature\r\n\r\n{}\r\n--SS--\r\n",
        String::from_utf8_lossy(&sig)
    )
    .into_bytes())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() -> Result<()> {
    let mut n_keys = 2000usize;
    let mut rounds = 9usize;
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--keys" => n_keys = value()?.parse()?,
            "--rounds" => rounds = value()?.parse()?,
            "--out" => out = Some(value()?),
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    if n_keys == 0 || rounds == 0 {
        bail!("--keys and --rounds must be at least 1");
    }

    let dir = std::env::temp_dir().join(format!("hushdesk-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let config = Config {
        database_url: format!("sqlite://{}/hd.db", dir.display()),
        data_dir: Some(dir.clone()),
        ..Config::default()
    };
    let store = hushdesk::open_store(&config, &SystemClock)?;
    let mut conn = store.conn().map_err(|e| anyhow!("connection: {e}"))?;
    let created = SystemTime::now() - Duration::from_secs(3600);
    let now = hushdesk::domain::clock::Clock::now(&SystemClock).and_utc();

    eprintln!("storing {n_keys} user keys");
    let mut signer = None;
    for i in 0..n_keys {
        let cert = pgp::generate(
            &format!("User {i} <user{i}@example.test>"),
            CipherSuite::Cv25519,
            created,
            None,
        )?;
        let armored = pgp::armor_public(&cert)?;
        keys::import(
            &mut conn,
            keys::OWNER_USER,
            1000 + i as i64,
            armored.as_bytes(),
            "import",
            now,
        )
        .map_err(|e| anyhow!("import: {e}"))?;
        if i == n_keys / 2 {
            signer = Some(cert);
        }
    }
    let signer = signer.context("no signer")?;
    let raw = signed_message(&signer, created + Duration::from_secs(60))?;
    let want = signer.fingerprint().to_hex();
    let good = |s: &SignatureStatus| matches!(s, SignatureStatus::Good { fingerprint } if *fingerprint == want);

    // Before: the whole keyring read and parsed for every message, then the same walk.
    let mut whole_keyring = || -> Result<SignatureStatus> {
        let rows: Vec<String> = openpgp_keys::table
            .filter(openpgp_keys::owner_type.eq(keys::OWNER_USER))
            .select(openpgp_keys::armored)
            .load(&mut *conn)?;
        let certs: Vec<_> = rows
            .iter()
            .filter_map(|a| pgp::parse_cert(a).ok())
            .collect();
        Ok(incoming::open_with_keys(&raw, SystemTime::now(), Vec::new(), certs).signature)
    };
    let mut old = Vec::new();
    let mut new = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..10 {
            let s = whole_keyring()?;
            if !good(&s) {
                bail!("whole keyring: {s:?}");
            }
        }
        old.push(t.elapsed().as_secs_f64() * 100.0);
        let mut c = store.conn().map_err(|e| anyhow!("connection: {e}"))?;
        let t = Instant::now();
        for _ in 0..10 {
            let s = incoming::open(&mut c, 1, &raw, now)
                .map_err(|e| anyhow!("open: {e}"))?
                .signature;
            if !good(&s) {
                bail!("by handle: {s:?}");
            }
        }
        new.push(t.elapsed().as_secs_f64() * 100.0);
    }
    let (o, n) = (median(&mut old), median(&mut new));
    let section = format!(
        "## Signature check with many stored user keys\n\n\
         `cargo run --release -p hushdesk-bench --bin keyring -- --keys {n_keys}` \
         (e2e/bench/src/bin/keyring.rs): one PGP/MIME signed message (Cv25519), {n_keys} user keys \
         stored in SQLite, {rounds} alternated rounds of 10 checks each way; median ms per message.\n\n\
         | Way | ms per message | vs whole keyring |\n|---|---:|---:|\n\
         | whole keyring parsed per message (before; baseline) | {o:.2} | 1.00× |\n\
         | key looked up by the signature's key id (now) | {n:.2} | {:.3}× ({:.0}× faster) |\n",
        n / o,
        o / n
    );
    print!("{section}");
    if let Some(f) = out {
        std::fs::write(f, &section)?;
    }
    drop(conn);
    drop(store);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
