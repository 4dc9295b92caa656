//! `hushdesk key`: the OpenPGP key store of queues and users.

use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use clap::{Args, Subcommand};

use crate::config::Config;
use crate::crypto::keys::{self, OWNER_QUEUE, OWNER_USER};
use crate::crypto::pgp::{self, StandardPolicy};
use crate::crypto::CryptoError;
use crate::store::openpgp as rows;
use crate::store::{queues, users, DbConn, Store};

#[derive(Debug, Clone, Args)]
pub struct Owner {
    /// A queue (id or name).
    #[arg(long, conflicts_with = "user", required_unless_present = "user")]
    pub queue: Option<String>,
    /// A user (id, name or email address).
    #[arg(long)]
    pub user: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// List keys.
    List(Owner),
    /// Import keys from a file (`-` for standard input), armored or binary.
    Import {
        #[command(flatten)]
        owner: Owner,
        file: PathBuf,
    },
    /// Delete a key.
    Delete {
        #[command(flatten)]
        owner: Owner,
        fingerprint: String,
    },
    /// Generate a queue key (locked with `[openpgp] passphrase` when set).
    Generate {
        #[arg(long)]
        queue: String,
        /// cv25519 (default), rsa3072 or rsa4096.
        #[arg(long)]
        cipher: Option<String>,
        /// User ID; default `<queue> <correspond address>`.
        #[arg(long)]
        user_id: Option<String>,
    },
    /// Print the armored public keys.
    Export(Owner),
}

fn owner(conn: &mut DbConn, o: &Owner) -> anyhow::Result<(&'static str, i64)> {
    if let Some(q) = &o.queue {
        let q = queues::lookup(conn, q)?.ok_or_else(|| anyhow::anyhow!("no such queue: {q}"))?;
        return Ok((OWNER_QUEUE, q.id));
    }
    let key = o.user.as_deref().unwrap_or_default();
    let u = users::lookup(conn, key)?.ok_or_else(|| anyhow::anyhow!("no such user: {key}"))?;
    Ok((OWNER_USER, u.id))
}

fn describe(r: &rows::KeyRow, now: NaiveDateTime) -> String {
    let policy = StandardPolicy::new();
    let info = pgp::parse_cert(&r.armored)
        .ok()
        .map(|c| pgp::info(&policy, now.and_utc().into(), &c));
    let mut flags = Vec::new();
    if r.has_secret {
        flags.push("secret");
    }
    match info {
        Some(i) if i.revoked => flags.push("revoked"),
        Some(i) if !i.can_encrypt && !i.can_sign => flags.push("expired"),
        None => flags.push("unreadable"),
        _ => {}
    }
    let uids = r.user_ids.lines().collect::<Vec<_>>().join("; ");
    format!("{}  [{}]  {}", r.fingerprint, flags.join(","), uids)
}

pub fn run(
    store: &Store,
    config: &Config,
    now: NaiveDateTime,
    action: KeyCommand,
) -> anyhow::Result<String> {
    match action {
        KeyCommand::List(o) => store.read_blocking(|conn| -> anyhow::Result<String> {
            let (t, id) = owner(conn, &o)?;
            let rows = rows::keys_of(conn, t, id)?;
            if rows.is_empty() {
                return Ok("No keys.".into());
            }
            Ok(rows
                .iter()
                .map(|r| describe(r, now))
                .collect::<Vec<_>>()
                .join("\n"))
        }),
        KeyCommand::Export(o) => store.read_blocking(|conn| -> anyhow::Result<String> {
            let (t, id) = owner(conn, &o)?;
            let mut out = String::new();
            for r in rows::keys_of(conn, t, id)? {
                out.push_str(&pgp::armor_public(&pgp::parse_cert(&r.armored)?)?);
            }
            Ok(out.trim_end().to_owned())
        }),
        KeyCommand::Import { owner: o, file } => {
            let mut bytes = Vec::new();
            if file.as_os_str() == "-" {
                std::io::stdin().read_to_end(&mut bytes)?;
            } else {
                bytes = std::fs::read(&file)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            }
            store.write_blocking(|conn| -> anyhow::Result<String> {
                let (t, id) = owner(conn, &o)?;
                let stored = keys::import(conn, t, id, &bytes, "import", now.and_utc())
                    .map_err(|e: CryptoError| anyhow::anyhow!("{e}"))?;
                Ok(stored
                    .iter()
                    .map(|r| format!("Imported {}", describe(r, now)))
                    .collect::<Vec<_>>()
                    .join("\n"))
            })
        }
        KeyCommand::Delete {
            owner: o,
            fingerprint,
        } => store.write_blocking(|conn| -> anyhow::Result<String> {
            let (t, id) = owner(conn, &o)?;
            let fpr = fingerprint.replace(' ', "").to_uppercase();
            match rows::delete_key(conn, t, id, &fpr)? {
                0 => anyhow::bail!("no key {fpr} there"),
                _ => Ok(format!("Deleted {fpr}")),
            }
        }),
        KeyCommand::Generate {
            queue,
            cipher,
            user_id,
        } => {
            let suite = crate::api::rest2::openpgp::cipher_suite(cipher.as_deref())
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            store.write_blocking(|conn| -> anyhow::Result<String> {
                let q = queues::lookup(conn, &queue)?
                    .ok_or_else(|| anyhow::anyhow!("no such queue: {queue}"))?;
                let uid = user_id.clone().unwrap_or_else(|| {
                    crate::api::rest2::openpgp::default_user_id(
                        &q,
                        &config.rt_name,
                        &config.organization,
                    )
                });
                let row = crate::api::rest2::openpgp::generate_for_queue(
                    conn,
                    q.id,
                    &uid,
                    suite,
                    config.openpgp.passphrase.as_deref(),
                    now,
                )
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                Ok(format!("Generated {}", describe(&row, now)))
            })
        }
    }
}
