//! Administration shared by the command line and the API: users, tokens, rights, fields, queues.

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDateTime;

use super::{CfCommand, GroupCommand, QueueCommand, RightArgs, TokenCommand, UserCommand};
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::ids::UserId;
use crate::domain::rights::{Right, Role};
use crate::store::acl::{self, Principal};
use crate::store::rows::TokenRow;
use crate::store::{custom_fields, groups, queues, tokens, users, DbConn, Store};

/// Creates a token for `owner`; returns its row and the token text (shown once).
pub fn new_token(
    conn: &mut DbConn,
    owner: i64,
    description: &str,
    now: NaiveDateTime,
) -> DomainResult<(TokenRow, String)> {
    // The id is part of the token, so insert first with a placeholder hash, then set it.
    let id = tokens::create(conn, owner, description, "", now)?;
    let token = crate::auth::format_token(id, owner, &crate::auth::random_hex(16));
    use crate::store::schema::auth_tokens;
    use diesel::prelude::*;
    diesel::update(auth_tokens::table.find(id))
        .set(auth_tokens::token_hash.eq(crate::auth::token_hash(&token)))
        .execute(conn)?;
    let row = tokens::by_id(conn, id)?.ok_or_else(|| DomainError::NotFound("token".into()))?;
    Ok((row, token))
}

fn read_password(given: Option<String>, from_stdin: bool) -> anyhow::Result<Option<String>> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("reading the password from standard input")?;
        return Ok(Some(line.trim_end_matches(['\r', '\n']).to_owned()));
    }
    Ok(given)
}

fn hash(password: &str) -> anyhow::Result<String> {
    if password.chars().count() < 8 {
        bail!("password too short: at least 8 characters");
    }
    crate::auth::hash_password(password).map_err(|e| anyhow!("hashing the password: {e}"))
}

fn domain(e: DomainError) -> anyhow::Error {
    anyhow!("{e}")
}

/// Creates the first superuser on an empty database; returns the password when generated.
pub fn ensure_admin(
    store: &Store,
    now: NaiveDateTime,
    password: Option<&str>,
) -> anyhow::Result<Option<(String, Option<String>)>> {
    let has_admin = store
        .read_blocking(|conn| -> DomainResult<bool> {
            let aces = acl::list(conn)?;
            Ok(aces.iter().any(|a| a.right_name == "SuperUser"))
        })
        .map_err(domain)?;
    if has_admin {
        return Ok(None);
    }
    let (pw, generated) = match password {
        Some(p) => (p.to_owned(), None),
        None => {
            let p = crate::auth::random_hex(12);
            (p.clone(), Some(p))
        }
    };
    let h = hash(&pw)?;
    store
        .write_blocking(|conn| -> DomainResult<()> {
            let id = match users::by_name(conn, "root")? {
                Some(u) => u.id,
                None => users::create(
                    conn,
                    &users::UserInput {
                        name: "root".into(),
                        real_name: "Enoch Root".into(),
                        password_hash: Some(h.clone()),
                        privileged: true,
                        role: "admin".into(),
                        ..users::UserInput::default()
                    },
                    UserId::SYSTEM,
                    now,
                )?,
            };
            acl::grant(
                conn,
                &Principal::User(id),
                Right::SuperUser,
                acl::Scope::System,
            )?;
            Ok(())
        })
        .map_err(domain)?;
    Ok(Some(("root".into(), generated)))
}

pub fn user(store: &Store, now: NaiveDateTime, action: UserCommand) -> anyhow::Result<String> {
    match action {
        UserCommand::Add {
            name,
            email,
            real_name,
            password,
            password_stdin,
            privileged,
            admin,
        } => {
            let password = read_password(password, password_stdin)?;
            let password_hash = password.as_deref().map(hash).transpose()?;
            let id = store
                .write_blocking(|conn| -> DomainResult<i64> {
                    let id = users::create(
                        conn,
                        &users::UserInput {
                            name: name.clone(),
                            email_address: email.clone(),
                            real_name: real_name.clone().unwrap_or_default(),
                            password_hash: password_hash.clone(),
                            privileged: privileged || admin,
                            role: if admin {
                                "admin".into()
                            } else if privileged {
                                "supporter".into()
                            } else {
                                String::new()
                            },
                            disabled: false,
                        },
                        UserId::SYSTEM,
                        now,
                    )?;
                    if admin {
                        acl::grant(
                            conn,
                            &Principal::User(id),
                            Right::SuperUser,
                            acl::Scope::System,
                        )?;
                    }
                    Ok(id)
                })
                .map_err(domain)?;
            Ok(format!("User {name} created (id {id})."))
        }
        UserCommand::Passwd {
            name,
            password,
            password_stdin,
        } => {
            let password = read_password(password, password_stdin)?
                .ok_or_else(|| anyhow!("give --password or --password-stdin"))?;
            let h = hash(&password)?;
            store
                .write_blocking(|conn| -> DomainResult<()> {
                    let u = users::lookup(conn, &name)?.ok_or_else(|| {
                        DomainError::NotFound(format!("No user named {name} exists."))
                    })?;
                    users::set_password(conn, u.id, &h, now)?;
                    Ok(())
                })
                .map_err(domain)?;
            Ok(format!("Password of {name} changed."))
        }
    }
}

pub fn token(store: &Store, now: NaiveDateTime, action: TokenCommand) -> anyhow::Result<String> {
    match action {
        TokenCommand::Create { user, description } => store
            .write_blocking(|conn| -> DomainResult<String> {
                let u = users::lookup(conn, &user)?.ok_or_else(|| {
                    DomainError::NotFound(format!("No user named {user} exists."))
                })?;
                Ok(new_token(conn, u.id, &description, now)?.1)
            })
            .map_err(domain),
    }
}

pub fn rights(store: &Store, args: RightArgs, grant: bool) -> anyhow::Result<String> {
    let mut parsed = Vec::new();
    for r in &args.rights {
        parsed.push(Right::parse(r).ok_or_else(|| anyhow!("unknown right {r}"))?);
    }
    store
        .write_blocking(|conn| -> DomainResult<String> {
            let p = match (&args.user, &args.group, &args.role) {
                (Some(u), _, _) => Principal::User(
                    users::lookup(conn, u)?
                        .ok_or_else(|| DomainError::NotFound(format!("No user named {u} exists.")))?
                        .id,
                ),
                (_, Some(g), _) => Principal::Group(
                    groups::lookup(conn, g)?
                        .ok_or_else(|| {
                            DomainError::NotFound(format!("No group named {g} exists."))
                        })?
                        .id,
                ),
                (_, _, Some(r)) => Principal::Role(
                    Role::parse(r)
                        .ok_or_else(|| DomainError::Invalid(format!("unknown role {r}")))?,
                ),
                _ => {
                    return Err(DomainError::Invalid(
                        "give --user, --group or --role".into(),
                    ))
                }
            };
            let scope = acl::parse_scope(conn, args.queue.as_deref())?;
            let mut changed = 0;
            for r in &parsed {
                let did = if grant {
                    acl::grant(conn, &p, *r, scope)?
                } else {
                    acl::revoke(conn, &p, *r, scope)?
                };
                changed += usize::from(did);
            }
            Ok(format!(
                "{} {changed} right(s).",
                if grant { "Granted" } else { "Revoked" }
            ))
        })
        .map_err(domain)
}

pub fn cf(store: &Store, now: NaiveDateTime, action: CfCommand) -> anyhow::Result<String> {
    match action {
        CfCommand::Add {
            name,
            r#type,
            multiple,
            values,
            queues: qs,
            description,
        } => store
            .write_blocking(|conn| -> DomainResult<String> {
                let id = custom_fields::create(
                    conn,
                    &custom_fields::CfInput {
                        name: name.clone(),
                        cf_type: r#type.clone(),
                        max_values: if multiple { 0 } else { 1 },
                        description: description.clone(),
                        values: values.clone(),
                    },
                    UserId::SYSTEM.0,
                    now,
                )?;
                if qs.is_empty() {
                    custom_fields::apply(conn, id, 0)?;
                }
                for q in &qs {
                    let row = queues::lookup(conn, q)?.ok_or_else(|| {
                        DomainError::NotFound(format!("No queue named {q} exists."))
                    })?;
                    custom_fields::apply(conn, id, row.id)?;
                }
                Ok(format!("Custom field {name} created (id {id})."))
            })
            .map_err(domain),
    }
}

pub fn queue(store: &Store, now: NaiveDateTime, action: QueueCommand) -> anyhow::Result<String> {
    match action {
        QueueCommand::Add {
            name,
            language,
            description,
            correspond_address,
        } => store
            .write_blocking(|conn| -> DomainResult<String> {
                let id = queues::create(
                    conn,
                    &queues::QueueInput {
                        name: name.clone(),
                        language: language.clone(),
                        description: description.clone(),
                        correspond_address: correspond_address.clone(),
                        ..queues::QueueInput::default()
                    },
                    UserId::SYSTEM,
                    now,
                )?;
                Ok(format!("Queue {name} created (id {id})."))
            })
            .map_err(domain),
    }
}

pub fn group(store: &Store, now: NaiveDateTime, action: GroupCommand) -> anyhow::Result<String> {
    store
        .write_blocking(|conn| -> DomainResult<String> {
            match &action {
                GroupCommand::Add { name, description } => {
                    let id = groups::create(conn, name, description, now)?;
                    Ok(format!("Group {name} created (id {id})."))
                }
                GroupCommand::AddMember { group, user } => {
                    let g = groups::lookup(conn, group)?.ok_or_else(|| {
                        DomainError::NotFound(format!("No group named {group} exists."))
                    })?;
                    let u = users::lookup(conn, user)?.ok_or_else(|| {
                        DomainError::NotFound(format!("No user named {user} exists."))
                    })?;
                    groups::add_member(conn, g.id, u.id)?;
                    Ok(format!("{user} added to {group}."))
                }
            }
        })
        .map_err(domain)
}
