//! Ticket operations: each change is applied and recorded as an immutable transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::Value as Json;

use super::custom_fields;
use super::links;
use super::rows::{NewTicket, TicketRow, UserRow};
use super::schema::{ticket_watchers, tickets};
use super::transactions::{self, Change, TICKET};
use super::users;
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::ids::UserId;
use crate::domain::lifecycle;
use crate::domain::mime::Part;
use crate::domain::rights::{EffectiveRights, Right, Role, TicketStanding};
use crate::insert_returning_id;

/// Who acts, with what rights, when, and for which organization (link URIs).
pub struct Ctx<'a> {
    pub actor: &'a UserRow,
    pub rights: &'a EffectiveRights,
    pub now: NaiveDateTime,
    pub org: &'a str,
}

impl Ctx<'_> {
    fn uid(&self) -> i64 {
        self.actor.id
    }
}

pub const ROLES: &[&str] = &["Requestor", "Cc", "AdminCc"];

pub fn uri(org: &str, id: i64) -> String {
    format!("fsck.com-rt://{org}/ticket/{id}")
}

pub fn raw(conn: &mut DbConn, id: i64) -> QueryResult<Option<TicketRow>> {
    tickets::table
        .find(id)
        .select(TicketRow::as_select())
        .first(conn)
        .optional()
}

/// The ticket a number stands for, following merges to the survivor.
pub fn load(conn: &mut DbConn, id: i64) -> QueryResult<Option<TicketRow>> {
    let Some(t) = raw(conn, id)? else {
        return Ok(None);
    };
    if t.effective_id != t.id {
        return raw(conn, t.effective_id);
    }
    Ok(Some(t))
}

pub fn watchers(conn: &mut DbConn, ticket: i64) -> QueryResult<Vec<(String, i64)>> {
    ticket_watchers::table
        .filter(ticket_watchers::ticket_id.eq(ticket))
        .select((ticket_watchers::role, ticket_watchers::user_id))
        .order((ticket_watchers::role, ticket_watchers::user_id))
        .load(conn)
}

pub fn standing(conn: &mut DbConn, t: &TicketRow, user: i64) -> QueryResult<TicketStanding> {
    let roles: Vec<String> = ticket_watchers::table
        .filter(ticket_watchers::ticket_id.eq(t.id))
        .filter(ticket_watchers::user_id.eq(user))
        .select(ticket_watchers::role)
        .load(conn)?;
    Ok(TicketStanding {
        owner: t.owner_id == user,
        requestor: roles.iter().any(|r| r == "Requestor"),
        cc: roles.iter().any(|r| r == "Cc"),
        admin_cc: roles.iter().any(|r| r == "AdminCc"),
    })
}

pub fn can(conn: &mut DbConn, ctx: &Ctx<'_>, t: &TicketRow, right: Right) -> QueryResult<bool> {
    if ctx.rights.on_queue(t.queue_id, right) {
        return Ok(true);
    }
    if ctx.rights.roles.is_empty() {
        return Ok(false);
    }
    let st = standing(conn, t, ctx.uid())?;
    Ok(ctx.rights.on_ticket(t.queue_id, st, right))
}

fn require(conn: &mut DbConn, ctx: &Ctx<'_>, t: &TicketRow, right: Right) -> DomainResult<()> {
    if can(conn, ctx, t, right)? {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// Loads a ticket the actor may see, or says why not.
pub fn visible(conn: &mut DbConn, ctx: &Ctx<'_>, id: i64) -> DomainResult<TicketRow> {
    let t = load(conn, id)?.ok_or_else(|| DomainError::NotFound("Not Found".into()))?;
    require(conn, ctx, &t, Right::ShowTicket)?;
    Ok(t)
}

fn record(conn: &mut DbConn, ctx: &Ctx<'_>, ticket: i64, change: Change) -> QueryResult<i64> {
    transactions::record(conn, TICKET, ticket, change, ctx.uid(), ctx.now)
}

fn touch(conn: &mut DbConn, ctx: &Ctx<'_>, ticket: i64) -> QueryResult<()> {
    diesel::update(tickets::table.find(ticket))
        .set((
            tickets::last_updated.eq(ctx.now),
            tickets::last_updated_by.eq(ctx.uid()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Everything a new ticket can be given.
#[derive(Debug, Clone, Default)]
pub struct NewTicketInput {
    pub queue: i64,
    pub subject: Option<String>,
    pub status: Option<String>,
    pub owner: Option<String>,
    pub ticket_type: Option<String>,
    pub requestors: Vec<String>,
    pub cc: Vec<String>,
    pub admin_cc: Vec<String>,
    pub priority: Option<i32>,
    pub initial_priority: Option<i32>,
    pub final_priority: Option<i32>,
    pub time_estimated: Option<i32>,
    pub time_worked: Option<i32>,
    pub time_left: Option<i32>,
    pub starts: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub content: Option<Part>,
    pub custom_fields: Vec<(String, Vec<String>)>,
}

pub const MAX_SUBJECT: usize = 200;

fn clean_subject(s: Option<&str>) -> String {
    let s = s.map(str::trim).unwrap_or("");
    let s = if s.is_empty() { "[no subject]" } else { s };
    s.chars().take(MAX_SUBJECT).collect()
}

/// Creates a ticket with its Create transaction; returns its id.
pub fn create(conn: &mut DbConn, ctx: &Ctx<'_>, input: &NewTicketInput) -> DomainResult<i64> {
    let queue = super::queues::by_id(conn, input.queue)?
        .filter(|q| !q.disabled)
        .ok_or_else(|| DomainError::Invalid("Could not create ticket. Queue not set".into()))?;
    if !ctx.rights.on_queue(queue.id, Right::CreateTicket) {
        return Err(DomainError::Forbidden);
    }
    let status = input
        .status
        .clone()
        .unwrap_or_else(|| "new".into())
        .to_lowercase();
    if !lifecycle::ON_CREATE.contains(&status.as_str()) {
        return Err(DomainError::Invalid(format!(
            "Status '{status}' isn't a valid status for a new ticket."
        )));
    }
    let owner = match input.owner.as_deref().map(str::trim) {
        None | Some("") => UserId::NOBODY.0,
        Some(o) => {
            let u = users::lookup(conn, o)?.ok_or_else(|| {
                DomainError::Invalid(format!("Owner could not be set: User '{o}' not found"))
            })?;
            if u.id != UserId::NOBODY.0 && !u.privileged {
                return Err(DomainError::Invalid(format!(
                    "Owner could not be set: {} is not a privileged user",
                    u.name
                )));
            }
            u.id
        }
    };
    let ticket_type = input.ticket_type.clone().unwrap_or_else(|| "ticket".into());
    if !["ticket", "reminder", "approval"].contains(&ticket_type.as_str()) {
        return Err(DomainError::Invalid(format!(
            "Invalid ticket type '{ticket_type}'"
        )));
    }
    let subject = clean_subject(input.subject.as_deref());
    let initial = input.initial_priority.unwrap_or(queue.initial_priority);
    let started = (!lifecycle::is_initial(&status)).then_some(ctx.now);
    let resolved = lifecycle::is_inactive(&status).then_some(ctx.now);
    let new = NewTicket {
        effective_id: 0,
        queue_id: queue.id,
        ticket_type: &ticket_type,
        owner_id: owner,
        subject: &subject,
        initial_priority: initial,
        final_priority: input.final_priority.unwrap_or(queue.final_priority),
        priority: input.priority.unwrap_or(initial),
        time_estimated: input.time_estimated.unwrap_or(0),
        time_worked: input.time_worked.unwrap_or(0),
        time_left: input.time_left.unwrap_or(0),
        status: &status,
        starts: input.starts,
        started,
        due: input.due,
        resolved,
        last_updated_by: ctx.uid(),
        last_updated: ctx.now,
        creator: ctx.uid(),
        created: ctx.now,
    };
    let id = insert_returning_id!(conn, tickets::table, &new, tickets::id)?;
    diesel::update(tickets::table.find(id))
        .set(tickets::effective_id.eq(id))
        .execute(conn)?;
    for (role, list) in [
        ("Requestor", &input.requestors),
        ("Cc", &input.cc),
        ("AdminCc", &input.admin_cc),
    ] {
        for who in list {
            let uid = users::find_or_create_by_email(conn, who, UserId(ctx.uid()), ctx.now)?;
            add_watcher_row(conn, id, role, uid)?;
        }
    }
    for (name, values) in &input.custom_fields {
        let cf = custom_field_for(conn, queue.id, name)?;
        set_cf_quiet(conn, ctx, id, &cf, values)?;
    }
    let txn = record(
        conn,
        ctx,
        id,
        Change {
            time_taken: input.time_worked.unwrap_or(0),
            ..Change::new("Create")
        },
    )?;
    if let Some(part) = &input.content {
        super::attachments::insert_tree(conn, txn, part, ctx.uid(), ctx.now)?;
    }
    let body = input
        .content
        .as_ref()
        .filter(|p| p.is_text())
        .map(|p| String::from_utf8_lossy(&p.content))
        .unwrap_or_default();
    crate::retention::abuse::note_new_ticket(
        conn,
        &input.requestors,
        &format!("{subject}\n{body}"),
        ctx.now,
    )?;
    Ok(id)
}

fn custom_field_for(
    conn: &mut DbConn,
    queue: i64,
    name: &str,
) -> DomainResult<super::rows::CustomFieldRow> {
    let applicable = custom_fields::for_queue(conn, queue)?;
    applicable
        .into_iter()
        .find(|cf| cf.name.eq_ignore_ascii_case(name) || cf.id.to_string() == name)
        .ok_or_else(|| {
            DomainError::Invalid(format!("Custom field {name} does not apply to this queue"))
        })
}

/// Sets values at creation: RT does not record separate history for them.
fn set_cf_quiet(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    ticket: i64,
    cf: &super::rows::CustomFieldRow,
    values: &[String],
) -> DomainResult<()> {
    use super::schema::object_custom_field_values as v;
    let mut values: Vec<&String> = values.iter().filter(|s| !s.trim().is_empty()).collect();
    if cf.max_values == 1 && values.len() > 1 {
        values = values.split_off(values.len() - 1);
    }
    if cf.cf_type == "Select" {
        let allowed = custom_fields::options(conn, cf.id)?;
        if let Some(bad) = values.iter().find(|x| !allowed.contains(x)) {
            return Err(DomainError::Invalid(format!(
                "Invalid value '{bad}' for custom field {}",
                cf.name
            )));
        }
    }
    for val in values {
        diesel::insert_into(v::table)
            .values((
                v::custom_field_id.eq(cf.id),
                v::object_type.eq(TICKET),
                v::object_id.eq(ticket),
                v::content.eq(val.trim()),
                v::creator.eq(ctx.uid()),
                v::created.eq(ctx.now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn add_watcher_row(conn: &mut DbConn, ticket: i64, role: &str, user: i64) -> QueryResult<bool> {
    let n: i64 = ticket_watchers::table
        .filter(ticket_watchers::ticket_id.eq(ticket))
        .filter(ticket_watchers::role.eq(role))
        .filter(ticket_watchers::user_id.eq(user))
        .count()
        .get_result(conn)?;
    if n > 0 {
        return Ok(false);
    }
    diesel::insert_into(ticket_watchers::table)
        .values((
            ticket_watchers::ticket_id.eq(ticket),
            ticket_watchers::role.eq(role),
            ticket_watchers::user_id.eq(user),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Correspondence (to requestors) or a comment (staff only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Correspond,
    Comment,
}

#[derive(Debug, Clone, Default)]
pub struct MessageInput {
    pub content: Option<Part>,
    pub subject: Option<String>,
    pub time_taken: i32,
    pub status: Option<String>,
    pub custom_fields: Vec<(String, Vec<String>)>,
}

pub fn add_message(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id: i64,
    kind: MessageKind,
    input: &MessageInput,
) -> DomainResult<Vec<String>> {
    let t = load(conn, id)?
        .ok_or_else(|| DomainError::Invalid("Message could not be recorded".into()))?;
    let right = match kind {
        MessageKind::Correspond => Right::ReplyToTicket,
        MessageKind::Comment => Right::CommentOnTicket,
    };
    require(conn, ctx, &t, right)?;
    let (txn_type, msg) = match kind {
        MessageKind::Correspond => ("Correspond", "Correspondence added"),
        MessageKind::Comment => ("Comment", "Comments added"),
    };
    let subject = input
        .subject
        .clone()
        .or_else(|| input.content.as_ref().map(|p| p.subject.clone()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "No Subject".into());
    let txn = record(
        conn,
        ctx,
        t.id,
        Change {
            data: Some(subject),
            time_taken: input.time_taken,
            ..Change::new(txn_type)
        },
    )?;
    if let Some(part) = &input.content {
        super::attachments::insert_tree(conn, txn, part, ctx.uid(), ctx.now)?;
    }
    crate::mail::outbound::on_message(
        conn,
        ctx.actor,
        t.id,
        txn,
        kind == MessageKind::Comment,
        ctx.now,
    )?;
    let mut msgs = vec![msg.to_string()];
    if input.time_taken != 0 {
        diesel::update(tickets::table.find(t.id))
            .set(tickets::time_worked.eq(t.time_worked.saturating_add(input.time_taken)))
            .execute(conn)?;
    }
    if kind == MessageKind::Correspond && ctx.actor.privileged {
        diesel::update(tickets::table.find(t.id))
            .set(tickets::told.eq(Some(ctx.now)))
            .execute(conn)?;
    }
    match &input.status {
        Some(s) => msgs.extend(set_status(conn, ctx, &t, s)?),
        // RT's scrip: staff correspondence opens a new or inactive ticket, as RT_System.
        None if kind == MessageKind::Correspond
            && ctx.actor.privileged
            && (lifecycle::is_initial(&t.status) || lifecycle::is_inactive(&t.status)) =>
        {
            set_status_as(conn, ctx, &t, "open", UserId::SYSTEM.0)?;
        }
        None => {}
    }
    for (name, values) in &input.custom_fields {
        let cf = custom_field_for(conn, t.queue_id, name)?;
        msgs.extend(custom_fields::set_ticket_values(
            conn,
            t.id,
            &cf,
            values,
            ctx.uid(),
            ctx.now,
        )?);
    }
    touch(conn, ctx, t.id)?;
    Ok(msgs)
}

fn set_status_as(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    to: &str,
    actor: i64,
) -> DomainResult<String> {
    let mut changes: Vec<(&str, Option<NaiveDateTime>)> = Vec::new();
    if t.started.is_none() && !lifecycle::is_initial(to) {
        changes.push(("started", Some(ctx.now)));
    }
    diesel::update(tickets::table.find(t.id))
        .set(tickets::status.eq(to))
        .execute(conn)?;
    if lifecycle::is_inactive(to) && to != "deleted" {
        diesel::update(tickets::table.find(t.id))
            .set(tickets::resolved.eq(Some(ctx.now)))
            .execute(conn)?;
    }
    if !changes.is_empty() {
        diesel::update(tickets::table.find(t.id))
            .set(tickets::started.eq(Some(ctx.now)))
            .execute(conn)?;
    }
    transactions::record(
        conn,
        TICKET,
        t.id,
        Change::new("Status")
            .field("Status")
            .old(t.status.clone())
            .new_value(to),
        actor,
        ctx.now,
    )?;
    Ok(format!("Status changed from '{}' to '{to}'", t.status))
}

/// Moves a ticket to `to`; invalid statuses come back as RT's message, not an error.
pub fn set_status(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    to: &str,
) -> DomainResult<Vec<String>> {
    let to = to.trim().to_lowercase();
    if !lifecycle::is_valid(&to) {
        return Ok(vec![lifecycle::invalid_status_message(&to)]);
    }
    if to == t.status {
        return Ok(vec![]);
    }
    require(conn, ctx, t, lifecycle::right_for_transition(&to))?;
    Ok(vec![set_status_as(conn, ctx, t, &to, ctx.uid())?])
}

/// RT's take / untake / steal; refusals are messages, as RT returns them with 200.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerAction {
    Take,
    Untake,
    Steal,
}

pub fn owner_action(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id: i64,
    action: OwnerAction,
) -> DomainResult<Vec<String>> {
    let t = visible(conn, ctx, id)?;
    let me = ctx.uid();
    let nobody = UserId::NOBODY.0;
    let (allowed, new_owner, refusal) = match action {
        OwnerAction::Take => {
            if t.owner_id == me {
                return Ok(vec!["You already own this ticket".into()]);
            }
            if t.owner_id != nobody {
                return Ok(vec!["You can only take tickets that are unowned".into()]);
            }
            (
                can(conn, ctx, &t, Right::TakeTicket)? || can(conn, ctx, &t, Right::ModifyTicket)?,
                me,
                "Permission Denied",
            )
        }
        OwnerAction::Untake => {
            if t.owner_id != me {
                return Ok(vec!["You can only untake tickets you own".into()]);
            }
            (true, nobody, "Permission Denied")
        }
        OwnerAction::Steal => {
            if t.owner_id == me {
                return Ok(vec!["You already own this ticket".into()]);
            }
            if t.owner_id == nobody {
                return Ok(vec![
                    "You can only steal a ticket owned by someone else".into()
                ]);
            }
            (
                can(conn, ctx, &t, Right::StealTicket)? || can(conn, ctx, &t, Right::ModifyTicket)?,
                me,
                "Permission Denied",
            )
        }
    };
    if !allowed
        || (new_owner == me && !can(conn, ctx, &t, Right::OwnTicket)? && !ctx.rights.superuser)
    {
        return Ok(vec![refusal.into()]);
    }
    Ok(vec![change_owner(conn, ctx, &t, new_owner)?])
}

fn change_owner(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    new_owner: i64,
) -> DomainResult<String> {
    let names = users::names_of(conn, &[t.owner_id, new_owner])?;
    let name = |id: i64| {
        names
            .iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, n, _)| n.clone())
            .unwrap_or_default()
    };
    diesel::update(tickets::table.find(t.id))
        .set(tickets::owner_id.eq(new_owner))
        .execute(conn)?;
    record(
        conn,
        ctx,
        t.id,
        Change::new("Set")
            .field("Owner")
            .old(t.owner_id.to_string())
            .new_value(new_owner.to_string()),
    )?;
    record(
        conn,
        ctx,
        t.id,
        Change::new("SetWatcher")
            .field("Owner")
            .old(t.owner_id.to_string())
            .new_value(new_owner.to_string()),
    )?;
    touch(conn, ctx, t.id)?;
    Ok(format!(
        "Owner changed from {} to {}",
        name(t.owner_id),
        name(new_owner)
    ))
}

/// Gives the ticket to `owner` (PUT Owner): needs ModifyTicket, and the new owner OwnTicket-worthy.
fn give(conn: &mut DbConn, ctx: &Ctx<'_>, t: &TicketRow, owner: &str) -> DomainResult<Vec<String>> {
    let u = match users::lookup(conn, owner.trim())? {
        Some(u) => u,
        None => return Ok(vec![format!("User '{owner}' could not be found")]),
    };
    if u.id == t.owner_id {
        return Ok(vec![]);
    }
    if u.id != UserId::NOBODY.0 && !u.privileged {
        return Ok(vec![
            "That user may not own tickets in that queue".to_string()
        ]);
    }
    require(conn, ctx, t, Right::ModifyTicket)?;
    Ok(vec![change_owner(conn, ctx, t, u.id)?])
}

fn as_text(v: &Json) -> Option<String> {
    match v {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(if *b { "1".into() } else { "0".into() }),
        Json::Null => Some(String::new()),
        _ => None,
    }
}

fn as_list(v: &Json) -> Vec<String> {
    match v {
        Json::Array(a) => a
            .iter()
            .filter_map(as_text)
            .filter(|s| !s.is_empty())
            .collect(),
        Json::String(s) => s
            .split(',')
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
            .collect(),
        other => as_text(other)
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect(),
    }
}

fn as_int(v: &Json) -> Option<i32> {
    match v {
        Json::Number(n) => n.as_i64().and_then(|i| i32::try_from(i).ok()),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Applies RT REST 2.0 PUT fields in order; each message is prefixed `Ticket N: ` as RT does.
pub fn update(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id: i64,
    fields: &[(String, Json)],
) -> DomainResult<Vec<String>> {
    let t0 = load(conn, id)?.ok_or_else(|| DomainError::NotFound("Not Found".into()))?;
    require(conn, ctx, &t0, Right::ShowTicket)?;
    let tid = t0.id;
    let mut out = Vec::new();
    for (key, value) in fields {
        let t = load(conn, tid)?.ok_or_else(|| DomainError::NotFound("Not Found".into()))?;
        let msgs = match update_one(conn, ctx, &t, key, value) {
            Ok(m) => m,
            Err(DomainError::Invalid(m) | DomainError::NotFound(m) | DomainError::Conflict(m)) => {
                vec![m]
            }
            Err(DomainError::Forbidden) => vec!["Permission Denied".into()],
            Err(e) => return Err(e),
        };
        // RT prefixes messages about the ticket's own columns, not about watchers, custom
        // fields, links or merges.
        let prefixed = matches!(
            key.as_str(),
            "Status"
                | "Owner"
                | "Subject"
                | "Priority"
                | "InitialPriority"
                | "FinalPriority"
                | "TimeEstimated"
                | "TimeWorked"
                | "TimeLeft"
                | "Due"
                | "Starts"
                | "Started"
                | "Told"
                | "Resolved"
                | "Queue"
                | "Type"
        );
        out.extend(msgs.into_iter().map(|m| {
            if prefixed {
                format!("Ticket {tid}: {m}")
            } else {
                m
            }
        }));
    }
    Ok(out)
}

fn update_one(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    key: &str,
    value: &Json,
) -> DomainResult<Vec<String>> {
    let text =
        || as_text(value).ok_or_else(|| DomainError::Invalid(format!("Invalid value for {key}")));
    match key {
        "Status" => set_status(conn, ctx, t, &text()?),
        "Owner" => give(conn, ctx, t, &text()?),
        "Subject" => {
            require(conn, ctx, t, Right::ModifyTicket)?;
            let s = clean_subject(Some(&text()?));
            set_text_field(conn, ctx, t, "Subject", &t.subject, &s)
        }
        "Priority" | "InitialPriority" | "FinalPriority" | "TimeEstimated" | "TimeWorked"
        | "TimeLeft" => {
            require(conn, ctx, t, Right::ModifyTicket)?;
            let n = as_int(value)
                .ok_or_else(|| DomainError::Invalid(format!("{key} must be an integer")))?;
            set_int_field(conn, ctx, t, key, n)
        }
        "Due" | "Starts" | "Started" | "Told" | "Resolved" => {
            require(conn, ctx, t, Right::ModifyTicket)?;
            let s = text()?;
            let d = crate::domain::dates::parse(&s);
            if d.is_none() && !s.trim().is_empty() {
                return Err(DomainError::Invalid(format!(
                    "Invalid date for {key}: '{s}'"
                )));
            }
            set_date_field(conn, ctx, t, key, d)
        }
        "Queue" => {
            let q = super::queues::lookup(conn, &text()?)?
                .filter(|q| !q.disabled)
                .ok_or_else(|| {
                    DomainError::Invalid("Queue change failed: could not load queue".into())
                })?;
            if q.id == t.queue_id {
                return Ok(vec![]);
            }
            require(conn, ctx, t, Right::ModifyTicket)?;
            if !ctx.rights.on_queue(q.id, Right::CreateTicket) {
                return Err(DomainError::Invalid(
                    "You may not create requests in that queue.".into(),
                ));
            }
            let old = super::queues::by_id(conn, t.queue_id)?
                .map(|q| q.name)
                .unwrap_or_default();
            diesel::update(tickets::table.find(t.id))
                .set(tickets::queue_id.eq(q.id))
                .execute(conn)?;
            record(
                conn,
                ctx,
                t.id,
                Change::new("Set")
                    .field("Queue")
                    .old(t.queue_id.to_string())
                    .new_value(q.id.to_string()),
            )?;
            touch(conn, ctx, t.id)?;
            Ok(vec![format!("Queue changed from {old} to {}", q.name)])
        }
        "Type" => {
            require(conn, ctx, t, Right::ModifyTicket)?;
            let v = text()?;
            if !["ticket", "reminder", "approval"].contains(&v.as_str()) {
                return Err(DomainError::Invalid(format!("Invalid ticket type '{v}'")));
            }
            set_text_field(conn, ctx, t, "Type", &t.ticket_type, &v)
        }
        "Requestor" | "Requestors" | "Cc" | "AdminCc" => {
            require(conn, ctx, t, Right::ModifyTicket)?;
            let role = if key == "Requestors" {
                "Requestor"
            } else {
                key
            };
            set_watchers(conn, ctx, t, role, &as_list(value))
        }
        "CustomFields" => {
            let Json::Object(map) = value else {
                return Err(DomainError::Invalid(
                    "CustomFields must be an object".into(),
                ));
            };
            require(conn, ctx, t, Right::ModifyCustomField)
                .or_else(|_| require(conn, ctx, t, Right::ModifyTicket))?;
            let mut msgs = Vec::new();
            for (name, v) in map {
                let cf = custom_field_for(conn, t.queue_id, name)?;
                let vals = match v {
                    Json::Array(a) => a.iter().filter_map(as_text).collect(),
                    other => as_text(other).into_iter().collect::<Vec<_>>(),
                };
                msgs.extend(custom_fields::set_ticket_values(
                    conn,
                    t.id,
                    &cf,
                    &vals,
                    ctx.uid(),
                    ctx.now,
                )?);
            }
            if !msgs.is_empty() {
                touch(conn, ctx, t.id)?;
            }
            Ok(msgs)
        }
        "MergeInto" => {
            let into = text()?;
            let into: i64 = into.trim().parse().map_err(|_| {
                DomainError::Invalid(format!("Couldn't resolve '{into}' into a ticket"))
            })?;
            merge(conn, ctx, t.id, into).map(|m| vec![m])
        }
        k if k.starts_with("Add") || k.starts_with("Delete") => {
            let (add, view) = match k.strip_prefix("Add") {
                Some(v) => (true, v),
                None => (false, k.trim_start_matches("Delete")),
            };
            if resolve_link_view(view).is_none() {
                return Err(DomainError::Invalid(format!("Unknown field: {k}")));
            }
            let mut msgs = Vec::new();
            for target in as_list(value) {
                msgs.push(link(conn, ctx, t, view, &target, add)?);
            }
            Ok(msgs)
        }
        "id" | "EffectiveId" | "Created" | "Creator" | "LastUpdated" | "LastUpdatedBy" => {
            Ok(vec![format!("Immutable field '{key}' cannot be changed")])
        }
        other => Ok(vec![format!("Unknown field: {other}")]),
    }
}

fn resolve_link_view(view: &str) -> Option<(&'static str, bool)> {
    links::resolve_view(view)
}

fn set_text_field(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    field: &str,
    old: &str,
    new: &str,
) -> DomainResult<Vec<String>> {
    if old == new {
        return Ok(vec![]);
    }
    match field {
        "Subject" => diesel::update(tickets::table.find(t.id))
            .set(tickets::subject.eq(new))
            .execute(conn)?,
        _ => diesel::update(tickets::table.find(t.id))
            .set(tickets::ticket_type.eq(new))
            .execute(conn)?,
    };
    record(
        conn,
        ctx,
        t.id,
        Change::new("Set").field(field).old(old).new_value(new),
    )?;
    touch(conn, ctx, t.id)?;
    Ok(vec![format!("{field} changed from '{old}' to '{new}'")])
}

fn set_int_field(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    field: &str,
    n: i32,
) -> DomainResult<Vec<String>> {
    let old = match field {
        "Priority" => t.priority,
        "InitialPriority" => t.initial_priority,
        "FinalPriority" => t.final_priority,
        "TimeEstimated" => t.time_estimated,
        "TimeWorked" => t.time_worked,
        _ => t.time_left,
    };
    if old == n {
        return Ok(vec![]);
    }
    let target = tickets::table.find(t.id);
    match field {
        "Priority" => diesel::update(target)
            .set(tickets::priority.eq(n))
            .execute(conn)?,
        "InitialPriority" => diesel::update(target)
            .set(tickets::initial_priority.eq(n))
            .execute(conn)?,
        "FinalPriority" => diesel::update(target)
            .set(tickets::final_priority.eq(n))
            .execute(conn)?,
        "TimeEstimated" => diesel::update(target)
            .set(tickets::time_estimated.eq(n))
            .execute(conn)?,
        "TimeWorked" => diesel::update(target)
            .set(tickets::time_worked.eq(n))
            .execute(conn)?,
        _ => diesel::update(target)
            .set(tickets::time_left.eq(n))
            .execute(conn)?,
    };
    record(
        conn,
        ctx,
        t.id,
        Change::new("Set")
            .field(field)
            .old(old.to_string())
            .new_value(n.to_string()),
    )?;
    touch(conn, ctx, t.id)?;
    Ok(vec![format!("{field} changed from '{old}' to '{n}'")])
}

fn set_date_field(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    field: &str,
    d: Option<NaiveDateTime>,
) -> DomainResult<Vec<String>> {
    let old = match field {
        "Due" => t.due,
        "Starts" => t.starts,
        "Started" => t.started,
        "Told" => t.told,
        _ => t.resolved,
    };
    if old == d {
        return Ok(vec![]);
    }
    let target = tickets::table.find(t.id);
    match field {
        "Due" => diesel::update(target)
            .set(tickets::due.eq(d))
            .execute(conn)?,
        "Starts" => diesel::update(target)
            .set(tickets::starts.eq(d))
            .execute(conn)?,
        "Started" => diesel::update(target)
            .set(tickets::started.eq(d))
            .execute(conn)?,
        "Told" => diesel::update(target)
            .set(tickets::told.eq(d))
            .execute(conn)?,
        _ => diesel::update(target)
            .set(tickets::resolved.eq(d))
            .execute(conn)?,
    };
    let fmt = |x: Option<NaiveDateTime>| {
        x.map(crate::domain::dates::sql)
            .unwrap_or_else(|| "Not set".into())
    };
    record(
        conn,
        ctx,
        t.id,
        Change::new("Set")
            .field(field)
            .old(fmt(old))
            .new_value(fmt(d)),
    )?;
    touch(conn, ctx, t.id)?;
    Ok(vec![format!(
        "{field} changed from '{}' to '{}'",
        fmt(old),
        fmt(d)
    )])
}

/// Replaces the members of a role; records AddWatcher / DelWatcher per change.
pub fn set_watchers(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    role: &str,
    wanted: &[String],
) -> DomainResult<Vec<String>> {
    let mut wanted_ids = Vec::new();
    for w in wanted {
        wanted_ids.push(users::find_or_create_by_email(
            conn,
            w,
            UserId(ctx.uid()),
            ctx.now,
        )?);
    }
    let current: Vec<i64> = watchers(conn, t.id)?
        .into_iter()
        .filter(|(r, _)| r == role)
        .map(|(_, u)| u)
        .collect();
    let mut msgs = Vec::new();
    for u in current.iter().filter(|u| !wanted_ids.contains(u)) {
        diesel::delete(
            ticket_watchers::table
                .filter(ticket_watchers::ticket_id.eq(t.id))
                .filter(ticket_watchers::role.eq(role))
                .filter(ticket_watchers::user_id.eq(u)),
        )
        .execute(conn)?;
        record(
            conn,
            ctx,
            t.id,
            Change::new("DelWatcher").field(role).old(u.to_string()),
        )?;
        let name = users::by_id(conn, *u)?
            .map(|x| x.email_address.unwrap_or(x.name))
            .unwrap_or_default();
        msgs.push(format!(
            "{name} is no longer {} for this ticket",
            role_article(role)
        ));
    }
    for u in wanted_ids.iter().filter(|u| !current.contains(u)) {
        if add_watcher_row(conn, t.id, role, *u)? {
            record(
                conn,
                ctx,
                t.id,
                Change::new("AddWatcher")
                    .field(role)
                    .new_value(u.to_string()),
            )?;
            let name = users::by_id(conn, *u)?
                .map(|x| x.email_address.unwrap_or(x.name))
                .unwrap_or_default();
            msgs.push(format!(
                "Added {name} as {} for this ticket",
                role_article(role)
            ));
        }
    }
    if !msgs.is_empty() {
        touch(conn, ctx, t.id)?;
    }
    Ok(msgs)
}

fn role_article(role: &str) -> &'static str {
    match role {
        "Requestor" => "a Requestor",
        "Cc" => "a Cc",
        _ => "an AdminCc",
    }
}

fn link_verb(view: &str) -> &'static str {
    match view {
        "DependsOn" => "depends on",
        "DependedOnBy" => "is depended on by",
        "RefersTo" => "refers to",
        "ReferredToBy" => "is referred to by",
        "MemberOf" => "member of",
        _ => "has member",
    }
}

/// Adds or deletes a link seen from this ticket (`view` may be a reverse name or Parent/Child).
pub fn link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    view: &str,
    target: &str,
    add: bool,
) -> DomainResult<String> {
    let (stored, reverse) = resolve_link_view(view)
        .ok_or_else(|| DomainError::Invalid(format!("Unknown link type {view}")))?;
    require(conn, ctx, t, Right::ModifyTicket)?;
    let (other_uri, other_id) = match target.trim().parse::<i64>() {
        Ok(n) => match load(conn, n)? {
            Some(o) => (uri(ctx.org, o.id), o.id),
            None => {
                return Err(DomainError::Invalid(format!(
                    "Couldn't resolve '{target}' into a link."
                )))
            }
        },
        Err(_) => match crate::domain::txn::local_ticket_id(target.trim()) {
            Some(n) => match load(conn, n)? {
                Some(o) => (uri(ctx.org, o.id), o.id),
                None => {
                    return Err(DomainError::Invalid(format!(
                        "Couldn't resolve '{target}' into a link."
                    )))
                }
            },
            None if target.contains("://") => (target.trim().to_owned(), 0),
            None => {
                return Err(DomainError::Invalid(format!(
                    "Couldn't resolve '{target}' into a link."
                )))
            }
        },
    };
    if other_id == t.id {
        return Err(DomainError::Invalid("Can't link a ticket to itself".into()));
    }
    if add && other_id > 0 && load(conn, other_id)?.is_some_and(|o| o.status == "deleted") {
        return Err(DomainError::Invalid(
            "Linking to a deleted ticket is not allowed".into(),
        ));
    }
    let me = uri(ctx.org, t.id);
    let (base, target_uri, lb, lt) = if reverse {
        (other_uri.clone(), me.clone(), other_id, t.id)
    } else {
        (me.clone(), other_uri.clone(), t.id, other_id)
    };
    let view_here = links::view_name(stored, reverse);
    let view_there = links::view_name(stored, !reverse);
    let phrase = |a: i64, b: &str| format!("Ticket {a} {} {b}.", link_verb(view_here));
    let other_label = if other_id > 0 {
        format!("Ticket {other_id}")
    } else {
        other_uri.clone()
    };
    if add {
        if links::exists(conn, &base, stored, &target_uri)? {
            return Ok("Link already exists".to_string());
        }
        links::add(conn, &base, stored, &target_uri, lb, lt, ctx.uid(), ctx.now)?;
        record(
            conn,
            ctx,
            t.id,
            Change::new("AddLink")
                .field(view_here)
                .new_value(other_uri.clone()),
        )?;
        if other_id > 0 {
            record(
                conn,
                ctx,
                other_id,
                Change::new("AddLink")
                    .field(view_there)
                    .new_value(me.clone()),
            )?;
            touch(conn, ctx, other_id)?;
        }
        touch(conn, ctx, t.id)?;
        Ok(phrase(t.id, &other_label))
    } else {
        if links::delete(conn, &base, stored, &target_uri)? == 0 {
            return Ok("Couldn't find that link".to_string());
        }
        record(
            conn,
            ctx,
            t.id,
            Change::new("DeleteLink")
                .field(view_here)
                .old(other_uri.clone()),
        )?;
        if other_id > 0 {
            record(
                conn,
                ctx,
                other_id,
                Change::new("DeleteLink").field(view_there).old(me.clone()),
            )?;
            touch(conn, ctx, other_id)?;
        }
        touch(conn, ctx, t.id)?;
        Ok(format!(
            "Ticket {} no longer {} {other_label}.",
            t.id,
            link_verb(view_here)
        ))
    }
}

/// Merges `dup` into `keep`: dup's number then resolves to keep, watchers and links join keep.
pub fn merge(conn: &mut DbConn, ctx: &Ctx<'_>, dup: i64, keep: i64) -> DomainResult<String> {
    let d = load(conn, dup)?
        .ok_or_else(|| DomainError::NotFound(format!("Ticket {dup} does not exist.")))?;
    let k = load(conn, keep)?
        .ok_or_else(|| DomainError::Invalid(format!("Couldn't resolve '{keep}' into a ticket")))?;
    if d.id == k.id {
        return Err(DomainError::Invalid(
            "Can't merge a ticket into itself".into(),
        ));
    }
    require(conn, ctx, &d, Right::ModifyTicket)?;
    require(conn, ctx, &k, Right::ModifyTicket)?;
    diesel::update(tickets::table.filter(tickets::effective_id.eq(d.id)))
        .set((tickets::effective_id.eq(k.id), tickets::is_merged.eq(true)))
        .execute(conn)?;
    for (role, user) in watchers(conn, d.id)? {
        add_watcher_row(conn, k.id, &role, user)?;
    }
    let (du, ku) = (uri(ctx.org, d.id), uri(ctx.org, k.id));
    links::repoint(conn, &du, &ku, k.id)?;
    links::add(conn, &du, "MergedInto", &ku, d.id, k.id, ctx.uid(), ctx.now)?;
    if k.owner_id == UserId::NOBODY.0 && d.owner_id != UserId::NOBODY.0 {
        diesel::update(tickets::table.find(k.id))
            .set(tickets::owner_id.eq(d.owner_id))
            .execute(conn)?;
    }
    record(
        conn,
        ctx,
        d.id,
        Change::new("AddLink").field("MergedInto").new_value(ku),
    )?;
    touch(conn, ctx, k.id)?;
    touch(conn, ctx, d.id)?;
    super::activity::recompute(conn, k.id)?;
    Ok("Merge Successful".into())
}

/// RT's DELETE: the record stays, its status becomes `deleted`.
pub fn delete(conn: &mut DbConn, ctx: &Ctx<'_>, id: i64) -> DomainResult<()> {
    let t = visible(conn, ctx, id)?;
    if t.status == "deleted" {
        return Ok(());
    }
    require(conn, ctx, &t, Right::DeleteTicket)?;
    set_status_as(conn, ctx, &t, "deleted", ctx.uid())?;
    touch(conn, ctx, t.id)?;
    Ok(())
}

/// Role of a watcher, parsed from RT's names.
pub fn parse_role(s: &str) -> Option<Role> {
    Role::parse(s)
}
