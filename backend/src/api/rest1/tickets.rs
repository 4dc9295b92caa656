//! REST 1.0 tickets: show, create, edit, comment/correspond, take/steal/untake and merge.

use serde_json::{json, Map, Value};

use super::framing::{self, compose, many, one, Form, Out, Reply};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::ctx;
use crate::api::rest2::render::Lookup;
use crate::api::AppState;
use crate::domain::dates;
use crate::domain::error::DomainError;
use crate::domain::lifecycle;
use crate::domain::mime::{self, FileInput};
use crate::store::rows::TicketRow;
use crate::store::tickets::{self as ops, MessageKind, NewTicketInput, OwnerAction};
use crate::store::{custom_fields, queues, DbConn};

pub fn does_not_exist(id: impl std::fmt::Display) -> String {
    format!("# Ticket {id} does not exist.\n")
}

fn user_label(lk: &mut Lookup<'_>, id: i64) -> ApiResult<String> {
    Ok(lk
        .user(id)?
        .map(|u| u.name)
        .unwrap_or_else(|| id.to_string()))
}

fn watcher_label(lk: &mut Lookup<'_>, id: i64) -> ApiResult<String> {
    Ok(match lk.user(id)? {
        Some(u) => match u.email_address {
            Some(e) if !e.is_empty() => e,
            _ => u.name,
        },
        None => id.to_string(),
    })
}

/// The `show` form of a ticket, in RT's field order.
pub fn ticket_form(lk: &mut Lookup<'_>, t: &TicketRow) -> ApiResult<Out> {
    let mut o = Out::new();
    one(&mut o, "id", format!("ticket/{}", t.id));
    let queue = lk
        .queue(t.queue_id)?
        .map(|q| q.name)
        .unwrap_or_else(|| t.queue_id.to_string());
    one(&mut o, "Queue", queue);
    one(&mut o, "Owner", user_label(lk, t.owner_id)?);
    one(&mut o, "Creator", user_label(lk, t.creator)?);
    one(&mut o, "Subject", t.subject.clone());
    one(&mut o, "Status", t.status.clone());
    one(&mut o, "Priority", t.priority.to_string());
    one(&mut o, "InitialPriority", t.initial_priority.to_string());
    one(&mut o, "FinalPriority", t.final_priority.to_string());
    let (mut req, mut cc, mut admin) = (vec![], vec![], vec![]);
    for (role, uid) in ops::watchers(lk.conn, t.id)? {
        let label = watcher_label(lk, uid)?;
        match role.as_str() {
            "Requestor" => req.push(label),
            "Cc" => cc.push(label),
            _ => admin.push(label),
        }
    }
    many(&mut o, "Requestors", req);
    many(&mut o, "Cc", cc);
    many(&mut o, "AdminCc", admin);
    one(&mut o, "Created", dates::rest1(Some(t.created)));
    one(&mut o, "Starts", dates::rest1(t.starts));
    one(&mut o, "Started", dates::rest1(t.started));
    one(&mut o, "Due", dates::rest1(t.due));
    one(&mut o, "Resolved", dates::rest1(t.resolved));
    one(&mut o, "Told", dates::rest1(t.told));
    one(&mut o, "LastUpdated", dates::rest1(Some(t.last_updated)));
    one(&mut o, "TimeEstimated", t.time_estimated.to_string());
    one(&mut o, "TimeWorked", t.time_worked.to_string());
    one(&mut o, "TimeLeft", t.time_left.to_string());
    let values = custom_fields::ticket_values(lk.conn, t.id)?;
    for cf in custom_fields::for_queue(lk.conn, t.queue_id)? {
        let key = format!("CF.{{{}}}", cf.name);
        match values.get(&cf.id) {
            Some(v) if v.len() > 1 => many(&mut o, &key, v.clone()),
            Some(v) => one(&mut o, &key, v.first().cloned().unwrap_or_default()),
            None => one(&mut o, &key, ""),
        }
    }
    Ok(o)
}

/// Keeps `id` and the requested fields (`fields=subject,status`, case-insensitive).
pub fn only_fields(o: Out, fields: Option<&str>) -> Out {
    let Some(list) = fields.filter(|f| !f.trim().is_empty()) else {
        return o;
    };
    let wanted: Vec<String> = list
        .split(',')
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    o.into_iter()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            k == "id"
                || wanted.contains(&k)
                || (k == "requestors" && wanted.iter().any(|w| w == "requestor"))
        })
        .collect()
}

/// Loads a ticket the caller may see; the error is RT's reply.
pub fn visible(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
) -> ApiResult<Result<TicketRow, Reply>> {
    let now = st.clock.now();
    match ops::visible(conn, &ctx(st, me, now), id) {
        Ok(t) => Ok(Ok(t)),
        Err(DomainError::NotFound(_)) => Ok(Err(Reply::ok(does_not_exist(id)))),
        Err(DomainError::Forbidden) => Ok(Err(Reply::new(
            403,
            "Permission denied",
            format!("# You are not allowed to display ticket {id}.\n"),
        ))),
        Err(e) => Err(e.into()),
    }
}

pub fn show(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    fields: Option<&str>,
) -> ApiResult<Reply> {
    let t = match visible(conn, st, me, id)? {
        Ok(t) => t,
        Err(r) => return Ok(r),
    };
    let mut lk = Lookup::new(conn);
    let o = only_fields(ticket_form(&mut lk, &t)?, fields);
    Ok(Reply::ok(compose(&[o])))
}

/// The empty form `rt create` asks for before creating.
pub fn new_form(me: &CurrentUser, st: &AppState) -> Reply {
    let mut o = Out::new();
    one(&mut o, "id", "ticket/new");
    one(&mut o, "Queue", "General");
    one(
        &mut o,
        "Requestor",
        me.user
            .email_address
            .clone()
            .filter(|e| !e.is_empty())
            .unwrap_or_else(|| me.user.name.clone()),
    );
    one(&mut o, "Subject", "");
    many(&mut o, "Cc", vec![]);
    many(&mut o, "AdminCc", vec![]);
    one(&mut o, "Owner", "");
    one(&mut o, "Status", "new");
    one(&mut o, "Priority", "");
    one(&mut o, "InitialPriority", "");
    one(&mut o, "FinalPriority", "");
    one(&mut o, "TimeEstimated", "0");
    one(&mut o, "Starts", dates::sql(st.clock.now()));
    one(&mut o, "Due", "");
    one(&mut o, "Attachment", "");
    one(&mut o, "Text", "");
    Reply::ok(compose(&[o]))
}

fn list(v: &str) -> Vec<String> {
    v.split([',', '\n'])
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn opt_int(key: &str, v: &str) -> Result<Option<i32>, Reply> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    // RT accepts "30 minutes" style durations for the time fields.
    let num = v.split_whitespace().next().unwrap_or("");
    num.parse::<i32>()
        .map(Some)
        .map_err(|_| Reply::syntax_error(&format!("{key}: Invalid value '{v}' for {key}")))
}

fn opt_date(key: &str, v: &str) -> Result<Option<chrono::NaiveDateTime>, Reply> {
    let v = v.trim();
    if v.is_empty() || v.eq_ignore_ascii_case("not set") {
        return Ok(None);
    }
    dates::parse(v)
        .map(Some)
        .ok_or_else(|| Reply::syntax_error(&format!("{key}: Invalid date '{v}'")))
}

/// Canonical RT spelling of a ticket form key (the `rt` CLI sends lower case).
fn canonical(key: &str) -> Option<&'static str> {
    const KEYS: &[&str] = &[
        "id",
        "Queue",
        "Requestor",
        "Requestors",
        "Subject",
        "Cc",
        "AdminCc",
        "Owner",
        "Status",
        "Priority",
        "InitialPriority",
        "FinalPriority",
        "TimeEstimated",
        "TimeWorked",
        "TimeLeft",
        "Starts",
        "Started",
        "Due",
        "Resolved",
        "Told",
        "Text",
        "Content-Type",
        "Attachment",
        "Type",
        "Creator",
        "Created",
        "LastUpdated",
    ];
    KEYS.iter().copied().find(|k| k.eq_ignore_ascii_case(key))
}

fn cf_name(key: &str) -> Option<String> {
    let lower = key.to_ascii_lowercase();
    if lower.starts_with("cf.{") && key.ends_with('}') {
        return Some(key[4..key.len() - 1].to_owned());
    }
    if lower.starts_with("cf-") {
        return Some(key[3..].to_owned());
    }
    None
}

/// Files sent as `attachment_1…`, named as the form's `Attachment:` lines name them.
pub fn files_for(form: &Form, uploads: &[(String, FileInput)]) -> Result<Vec<FileInput>, Reply> {
    let names: Vec<String> = form
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("Attachment"))
        .flat_map(|(_, v)| list(v))
        .collect();
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let field = format!("attachment_{}", i + 1);
        let Some((_, f)) = uploads.iter().find(|(n, _)| *n == field) else {
            return Err(Reply::bad_request(&format!("No attachment for {name}")));
        };
        let mut f = f.clone();
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if !base.is_empty() {
            f.filename = base.to_owned();
        }
        out.push(f);
    }
    if names.is_empty() {
        out.extend(uploads.iter().map(|(_, f)| f.clone()));
    }
    Ok(out)
}

fn content_type(form: &Form) -> Result<String, Reply> {
    let ct = framing::get(form, "Content-Type")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or("text/plain")
        .to_owned();
    if matches!(ct.as_str(), "text/plain" | "text/html") {
        Ok(ct)
    } else {
        Err(Reply::syntax_error(&format!(
            "Content-Type: Invalid Content-Type '{ct}'"
        )))
    }
}

/// `ticket/new`: creates from a form; RT answers `# Ticket <id> created.`.
pub fn create(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    form: &Form,
    uploads: &[(String, FileInput)],
) -> ApiResult<Reply> {
    let mut input = NewTicketInput::default();
    let mut text = None;
    let mut cfs: Vec<(String, Vec<String>)> = Vec::new();
    let mut queue_key = None;
    for (key, v) in form {
        if let Some(name) = cf_name(key) {
            cfs.push((name, list(v)));
            continue;
        }
        let r = match canonical(key) {
            Some("id") | Some("Attachment") | Some("Content-Type") | Some("Created")
            | Some("Creator") | Some("LastUpdated") | Some("Started") | Some("Resolved")
            | Some("Told") => Ok(()),
            Some("Queue") => {
                queue_key = Some(v.clone());
                Ok(())
            }
            Some("Requestor") | Some("Requestors") => {
                input.requestors = list(v);
                Ok(())
            }
            Some("Cc") => {
                input.cc = list(v);
                Ok(())
            }
            Some("AdminCc") => {
                input.admin_cc = list(v);
                Ok(())
            }
            Some("Subject") => {
                input.subject = Some(v.clone());
                Ok(())
            }
            Some("Owner") => {
                input.owner = Some(v.clone()).filter(|o| !o.trim().is_empty());
                Ok(())
            }
            Some("Status") => {
                input.status = Some(v.clone()).filter(|o| !o.trim().is_empty());
                Ok(())
            }
            Some("Type") => {
                input.ticket_type = Some(v.clone()).filter(|o| !o.trim().is_empty());
                Ok(())
            }
            Some("Priority") => opt_int(key, v).map(|n| input.priority = n),
            Some("InitialPriority") => opt_int(key, v).map(|n| input.initial_priority = n),
            Some("FinalPriority") => opt_int(key, v).map(|n| input.final_priority = n),
            Some("TimeEstimated") => opt_int(key, v).map(|n| input.time_estimated = n),
            Some("TimeWorked") => opt_int(key, v).map(|n| input.time_worked = n),
            Some("TimeLeft") => opt_int(key, v).map(|n| input.time_left = n),
            Some("Starts") => opt_date(key, v).map(|d| input.starts = d),
            Some("Due") => opt_date(key, v).map(|d| input.due = d),
            Some("Text") => {
                text = Some(v.clone());
                Ok(())
            }
            _ => Err(Reply::syntax_error(&format!("{key}: Unknown field."))),
        };
        if let Err(reply) = r {
            return Ok(reply);
        }
    }
    let Some(queue_key) = queue_key.filter(|q| !q.trim().is_empty()) else {
        return Ok(Reply::ok("# Required: id, Queue\n"));
    };
    if let Some(s) = &input.status {
        if !lifecycle::is_valid(&s.to_lowercase()) {
            return Ok(Reply::syntax_error(&format!(
                "Status: {}",
                lifecycle::invalid_status_message(s)
            )));
        }
    }
    let ct = match content_type(form) {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let files = match files_for(form, uploads) {
        Ok(f) => f,
        Err(r) => return Ok(r),
    };
    let Some(q) = queues::lookup(conn, queue_key.trim())? else {
        return Ok(Reply::bad_request(&format!(
            "Could not create ticket. Queue '{}' not found",
            queue_key.trim()
        )));
    };
    input.queue = q.id;
    input.custom_fields = cfs;
    input.content = mime::message_tree(
        input.subject.as_deref().unwrap_or(""),
        text.as_deref()
            .filter(|t| !t.is_empty() || files.is_empty()),
        &ct,
        &files,
    );
    let now = st.clock.now();
    match ops::create(conn, &ctx(st, me, now), &input) {
        Ok(id) => Ok(Reply::comment(&format!("Ticket {id} created."))),
        Err(DomainError::Forbidden) => Ok(Reply::bad_request(
            "Could not create ticket. Permission Denied",
        )),
        Err(DomainError::Invalid(m) | DomainError::Conflict(m) | DomainError::NotFound(m)) => {
            Ok(Reply::bad_request(&format!("Could not create ticket. {m}")))
        }
        Err(e) => Err(e.into()),
    }
}

fn is_failure(m: &str) -> bool {
    let l = m.to_ascii_lowercase();
    [
        "isn't a valid",
        "permission denied",
        "could not",
        "couldn't",
        "unknown field",
        "must be",
        "invalid",
        "may not",
        "not allowed",
        "immutable",
    ]
    .iter()
    .any(|p| l.contains(p))
}

/// `ticket/<id>/edit`: changes the given fields through the same update path as REST 2.0.
pub fn edit(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    form: &Form,
) -> ApiResult<Reply> {
    if ops::load(conn, id)?.is_none() {
        return Ok(Reply::new(400, "Bad Request", does_not_exist(id)));
    }
    let mut fields: Vec<(String, Value)> = Vec::new();
    let mut cfs = Map::new();
    let mut keys_for: Vec<String> = Vec::new();
    for (key, v) in form {
        if let Some(name) = cf_name(key) {
            let vals = list(v);
            cfs.insert(
                name,
                if vals.len() == 1 {
                    json!(vals[0])
                } else {
                    json!(vals)
                },
            );
            continue;
        }
        let canon = match canonical(key) {
            Some(c) => c,
            None => return Ok(Reply::syntax_error(&format!("{key}: Unknown field."))),
        };
        let value = match canon {
            "id" | "Text" | "Attachment" | "Content-Type" | "Created" | "Creator"
            | "LastUpdated" => continue,
            "Requestor" | "Requestors" => ("Requestor", json!(list(v))),
            "Cc" | "AdminCc" => (canon, json!(list(v))),
            "Status" => {
                let s = v.trim().to_lowercase();
                if !lifecycle::is_valid(&s) {
                    return Ok(Reply::syntax_error(&format!(
                        "Status: {}",
                        lifecycle::invalid_status_message(v.trim())
                    )));
                }
                (canon, json!(s))
            }
            "Priority" | "InitialPriority" | "FinalPriority" | "TimeEstimated" | "TimeWorked"
            | "TimeLeft" => match opt_int(key, v) {
                Ok(Some(n)) => (canon, json!(n)),
                Ok(None) => continue,
                Err(r) => return Ok(r),
            },
            "Starts" | "Started" | "Due" | "Resolved" | "Told" => match opt_date(key, v) {
                Ok(Some(d)) => (canon, json!(dates::sql(d))),
                Ok(None) => continue,
                Err(r) => return Ok(r),
            },
            "Owner" if v.trim().is_empty() => continue,
            _ => (canon, json!(v.trim())),
        };
        keys_for.push(value.0.to_owned());
        fields.push((value.0.to_owned(), value.1));
    }
    if !cfs.is_empty() {
        keys_for.push("CustomFields".into());
        fields.push(("CustomFields".into(), Value::Object(cfs)));
    }
    let now = st.clock.now();
    let msgs = match ops::update(conn, &ctx(st, me, now), id, &fields) {
        Ok(m) => m,
        Err(DomainError::Forbidden) => {
            return Ok(Reply::new(
                403,
                "Permission denied",
                format!("# You are not allowed to modify ticket {id}.\n"),
            ))
        }
        Err(DomainError::NotFound(_)) => {
            return Ok(Reply::new(400, "Bad Request", does_not_exist(id)))
        }
        Err(e) => return Err(e.into()),
    };
    let failures: Vec<&String> = msgs.iter().filter(|m| is_failure(m)).collect();
    if !failures.is_empty() {
        let prefix = format!("Ticket {id}: ");
        let body: String = failures
            .iter()
            .map(|m| format!("# {}\n", m.strip_prefix(&prefix).unwrap_or(m)))
            .collect();
        return Ok(Reply::new(409, "Syntax Error", body));
    }
    let t = ops::load(conn, id)?.map(|t| t.id).unwrap_or(id);
    Ok(Reply::comment(&format!("Ticket {t} updated.")))
}

/// `ticket/<id>/comment`: `Action: correspond|comment`, `Text`, attachments.
pub fn comment(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    form: &Form,
    uploads: &[(String, FileInput)],
) -> ApiResult<Reply> {
    if ops::load(conn, id)?.is_none() {
        return Ok(Reply::new(400, "Bad Request", does_not_exist(id)));
    }
    let kind = match framing::get(form, "Action").map(|a| a.trim().to_ascii_lowercase()) {
        Some(a) if a == "correspond" => MessageKind::Correspond,
        Some(a) if a == "comment" => MessageKind::Comment,
        Some(a) => return Ok(Reply::bad_request(&format!("Invalid action: '{a}'"))),
        None => return Ok(Reply::bad_request("Action required.")),
    };
    let ct = match content_type(form) {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let files = match files_for(form, uploads) {
        Ok(f) => f,
        Err(r) => return Ok(r),
    };
    let text = framing::get(form, "Text").unwrap_or("").to_owned();
    if text.trim().is_empty() && files.is_empty() {
        return Ok(Reply::bad_request("No text or attachments given."));
    }
    let time_taken = match framing::get(form, "TimeWorked").map(|v| opt_int("TimeWorked", v)) {
        Some(Ok(n)) => n.unwrap_or(0),
        Some(Err(r)) => return Ok(r),
        None => 0,
    };
    let input = ops::MessageInput {
        content: mime::message_tree(
            "",
            Some(text.as_str()).filter(|t| !t.is_empty()),
            &ct,
            &files,
        ),
        subject: None,
        time_taken,
        status: framing::get(form, "Status")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        custom_fields: vec![],
    };
    let now = st.clock.now();
    match ops::add_message(conn, &ctx(st, me, now), id, kind, &input) {
        Ok(_) => Ok(Reply::comment(match kind {
            MessageKind::Correspond => "Correspondence added",
            MessageKind::Comment => "Comments added",
        })),
        Err(DomainError::NotFound(_)) => Ok(Reply::new(400, "Bad Request", does_not_exist(id))),
        Err(DomainError::Forbidden) => Ok(Reply::new(
            403,
            "Permission denied",
            format!("# You are not allowed to comment on ticket {id}.\n"),
        )),
        Err(DomainError::Invalid(m) | DomainError::Conflict(m)) => Ok(Reply::bad_request(&m)),
        Err(e) => Err(e.into()),
    }
}

/// `ticket/<id>/take` with `Action: take|steal|untake`.
pub fn take(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    form: &Form,
) -> ApiResult<Reply> {
    let action = match framing::get(form, "Action").map(|a| a.trim().to_ascii_lowercase()) {
        Some(a) if a == "take" => OwnerAction::Take,
        Some(a) if a == "steal" => OwnerAction::Steal,
        Some(a) if a == "untake" => OwnerAction::Untake,
        _ => return Ok(Reply::bad_request("Invalid action")),
    };
    let now = st.clock.now();
    match ops::owner_action(conn, &ctx(st, me, now), id, action) {
        Ok(msgs) => {
            let m = msgs.join("\n# ");
            if msgs.iter().any(|m| m.starts_with("Owner changed")) {
                Ok(Reply::comment(&m))
            } else {
                Ok(Reply::bad_request(&m))
            }
        }
        Err(DomainError::NotFound(_)) => Ok(Reply::new(400, "Bad Request", does_not_exist(id))),
        Err(DomainError::Forbidden) => Ok(Reply::new(
            403,
            "Permission denied",
            format!("# You are not allowed to display ticket {id}.\n"),
        )),
        Err(e) => Err(e.into()),
    }
}

/// `ticket/<id>/merge/<into>`.
pub fn merge(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    into: &str,
) -> ApiResult<Reply> {
    let Ok(into_id) = into.trim().parse::<i64>() else {
        return Ok(Reply::ok(does_not_exist(into)));
    };
    if ops::load(conn, id)?.is_none() {
        return Ok(Reply::ok(does_not_exist(id)));
    }
    if ops::load(conn, into_id)?.is_none() {
        return Ok(Reply::ok(does_not_exist(into_id)));
    }
    let now = st.clock.now();
    match ops::merge(conn, &ctx(st, me, now), id, into_id) {
        Ok(_) => Ok(Reply::comment("Merge completed.")),
        Err(DomainError::Forbidden) => Ok(Reply::new(
            403,
            "Permission denied",
            format!("# You are not allowed to merge ticket {id}.\n"),
        )),
        Err(DomainError::Invalid(m) | DomainError::Conflict(m) | DomainError::NotFound(m)) => {
            Ok(Reply::bad_request(&m))
        }
        Err(e) => Err(e.into()),
    }
}

/// Turns a store error on a path id into RT's messages.
pub fn parse_id(raw: &str) -> Result<i64, Reply> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Reply::ok(does_not_exist(raw)))
}

pub fn internal(e: ApiError) -> Reply {
    Reply::from(e)
}
