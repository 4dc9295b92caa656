//! `hushdesk demo` / `serve --demo`: seeds a desk a newcomer can look around in — one queue
//! per language (en, fr, es, it, de) with realistic tickets, replies and template answers,
//! and a supporter account with a known password. Idempotent: what exists is left alone.

use chrono::{Duration, NaiveDateTime};
use serde::Deserialize;

use crate::domain::error::{DomainError, DomainResult};
use crate::domain::ids::UserId;
use crate::domain::mime;
use crate::domain::rights::{EffectiveRights, Right};
use crate::store::acl::{self, Principal, Scope};
use crate::store::answers::{self, AnswerInput};
use crate::store::rows::UserRow;
use crate::store::tickets::{self, Ctx, MessageInput, MessageKind, NewTicketInput};
use crate::store::{queues, users, DbConn};

/// The demo supporter's login and password (printed by the command).
pub const DEMO_USER: &str = "demo";
pub const DEMO_PASSWORD: &str = "demo-supporter";

const DATA: &str = include_str!("data.json");

#[derive(Debug, Deserialize)]
struct Data {
    supporters: Vec<Supporter>,
    queues: Vec<QueueData>,
}

#[derive(Debug, Deserialize)]
struct Supporter {
    name: String,
    real_name: String,
}

#[derive(Debug, Deserialize)]
struct QueueData {
    name: String,
    language: String,
    description: String,
    tickets: Vec<TicketData>,
    answers: Vec<AnswerData>,
}

#[derive(Debug, Deserialize)]
struct TicketData {
    subject: String,
    /// Real name and address.
    requestor: (String, String),
    hours_ago: i64,
    body: String,
    messages: Vec<MessageData>,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Debug, Deserialize)]
struct MessageData {
    /// `requestor` or a supporter's login.
    by: String,
    after_hours: i64,
    text: String,
}

#[derive(Debug, Deserialize)]
struct AnswerData {
    title: String,
    category: String,
    body: String,
}

/// What the seed created (zero everywhere when run again).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Seeded {
    pub queues: usize,
    pub tickets: usize,
    pub answers: usize,
    pub supporters: usize,
}

const SUPPORTER_RIGHTS: &[Right] = &[
    Right::SeeQueue,
    Right::ShowTicket,
    Right::ShowTicketComments,
    Right::CreateTicket,
    Right::ReplyToTicket,
    Right::CommentOnTicket,
    Right::OwnTicket,
    Right::TakeTicket,
    Right::StealTicket,
    Right::ModifyTicket,
    Right::SeeCustomField,
    Right::ModifyCustomField,
    Right::ShowOutgoingEmail,
    Right::AdminAnswers,
];

fn user_row(conn: &mut DbConn, id: i64) -> DomainResult<UserRow> {
    users::by_id(conn, id)?.ok_or_else(|| DomainError::NotFound(format!("user {id}")))
}

fn supporter(
    conn: &mut DbConn,
    s: &Supporter,
    password_hash: Option<&str>,
    now: NaiveDateTime,
) -> DomainResult<(i64, bool)> {
    if let Some(u) = users::by_name(conn, &s.name)? {
        return Ok((u.id, false));
    }
    let id = users::create(
        conn,
        &users::UserInput {
            name: s.name.clone(),
            email_address: Some(format!("{}@helpdesk.example", s.name)),
            real_name: s.real_name.clone(),
            password_hash: password_hash.map(str::to_owned),
            privileged: true,
            role: "supporter".into(),
            ..users::UserInput::default()
        },
        UserId::SYSTEM,
        now,
    )?;
    for r in SUPPORTER_RIGHTS {
        acl::grant(conn, &Principal::User(id), *r, Scope::System)?;
    }
    Ok((id, true))
}

fn requestor(
    conn: &mut DbConn,
    real_name: &str,
    email: &str,
    now: NaiveDateTime,
) -> DomainResult<i64> {
    if let Some(u) = users::by_email(conn, email)? {
        return Ok(u.id);
    }
    users::create(
        conn,
        &users::UserInput {
            name: email.to_owned(),
            email_address: Some(email.to_owned()),
            real_name: real_name.to_owned(),
            ..users::UserInput::default()
        },
        UserId::SYSTEM,
        now,
    )
}

fn ticket_exists(conn: &mut DbConn, queue: i64, subject: &str) -> DomainResult<bool> {
    use crate::store::schema::tickets as t;
    use diesel::prelude::*;
    let n: i64 = t::table
        .filter(t::queue_id.eq(queue))
        .filter(t::subject.eq(subject))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Seeds the demo desk inside one transaction (the caller's `Store::write_blocking`).
/// `password_hash` is the demo supporter's (hashing is left to the caller, outside the lock).
pub fn seed(
    conn: &mut DbConn,
    now: NaiveDateTime,
    password_hash: &str,
    org: &str,
) -> DomainResult<Seeded> {
    let data: Data =
        serde_json::from_str(DATA).map_err(|e| DomainError::Invalid(format!("demo data: {e}")))?;
    let mut seeded = Seeded::default();
    let mut staff = std::collections::HashMap::new();
    for s in &data.supporters {
        let pw = (s.name == DEMO_USER).then_some(password_hash);
        let (id, created) = supporter(conn, s, pw, now)?;
        seeded.supporters += usize::from(created);
        staff.insert(s.name.clone(), user_row(conn, id)?);
    }
    let all = EffectiveRights::all();
    for q in &data.queues {
        let queue_id = match queues::by_name(conn, &q.name)? {
            Some(row) => row.id,
            None => {
                seeded.queues += 1;
                queues::create(
                    conn,
                    &queues::QueueInput {
                        name: q.name.clone(),
                        description: q.description.clone(),
                        correspond_address: format!("{}@helpdesk.example", q.name),
                        language: q.language.clone(),
                        ..queues::QueueInput::default()
                    },
                    UserId::SYSTEM,
                    now,
                )?
            }
        };
        for t in &q.tickets {
            if ticket_exists(conn, queue_id, &t.subject)? {
                continue;
            }
            seeded.tickets += 1;
            let created = now - Duration::hours(t.hours_ago);
            let rid = requestor(conn, &t.requestor.0, &t.requestor.1, created)?;
            let asker = user_row(conn, rid)?;
            let ctx = Ctx {
                actor: &asker,
                rights: &all,
                now: created,
                org,
            };
            let id = tickets::create(
                conn,
                &ctx,
                &NewTicketInput {
                    queue: queue_id,
                    subject: Some(t.subject.clone()),
                    requestors: vec![t.requestor.1.clone()],
                    content: mime::message_tree(&t.subject, Some(&t.body), "text/plain", &[]),
                    ..NewTicketInput::default()
                },
            )?;
            let mut last_staff: Option<&UserRow> = None;
            let mut taken = false;
            for m in &t.messages {
                let at = (created + Duration::hours(m.after_hours)).min(now);
                let actor = if m.by == "requestor" {
                    &asker
                } else {
                    let u = staff.get(&m.by).ok_or_else(|| {
                        DomainError::Invalid(format!("demo data: unknown supporter {}", m.by))
                    })?;
                    last_staff = Some(u);
                    u
                };
                let ctx = Ctx {
                    actor,
                    rights: &all,
                    now: at,
                    org,
                };
                if actor.privileged && !taken {
                    tickets::owner_action(conn, &ctx, id, tickets::OwnerAction::Take)?;
                    taken = true;
                }
                tickets::add_message(
                    conn,
                    &ctx,
                    id,
                    MessageKind::Correspond,
                    &MessageInput {
                        content: mime::message_tree(&t.subject, Some(&m.text), "text/plain", &[]),
                        subject: Some(format!("Re: {}", t.subject)),
                        time_taken: 0,
                        status: None,
                        custom_fields: vec![],
                    },
                )?;
            }
            if let (Some(status), Some(by)) = (&t.status, last_staff) {
                let last = t.messages.last().map_or(1, |m| m.after_hours + 1);
                let ctx = Ctx {
                    actor: by,
                    rights: &all,
                    now: (created + Duration::hours(last)).min(now),
                    org,
                };
                let row = tickets::load(conn, id)?
                    .ok_or_else(|| DomainError::NotFound(format!("ticket {id}")))?;
                tickets::set_status(conn, &ctx, &row, status)?;
            }
        }
        for a in &q.answers {
            if answers::exists(conn, &a.title, &q.language)? {
                continue;
            }
            seeded.answers += 1;
            let by = staff.get(DEMO_USER).map_or(UserId::SYSTEM.0, |u| u.id);
            answers::create(
                conn,
                &AnswerInput {
                    title: a.title.clone(),
                    body: a.body.clone(),
                    language: q.language.clone(),
                    category: a.category.clone(),
                },
                by,
                now,
            )?;
        }
    }
    Ok(seeded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_covers_five_languages_with_answers() {
        let d: Data = serde_json::from_str(DATA).unwrap();
        let langs: Vec<&str> = d.queues.iter().map(|q| q.language.as_str()).collect();
        assert_eq!(langs, ["en", "fr", "es", "it", "de"]);
        for q in &d.queues {
            assert!(q.tickets.len() >= 3, "{}", q.name);
            assert!(q.answers.len() >= 2, "{}", q.name);
            for t in &q.tickets {
                for m in &t.messages {
                    assert!(m.by == "requestor" || d.supporters.iter().any(|s| s.name == m.by));
                }
            }
        }
    }
}
