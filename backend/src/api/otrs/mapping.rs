//! OTRS notions ↔ the RT model (see the table in `mod.rs`), and the OTRS shapes of tickets,
//! articles and dynamic fields.

use base64::Engine;
use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

use super::{OtrsError, OtrsResult};
use crate::api::rest2::render::Lookup;
use crate::domain::ids::UserId;
use crate::domain::rights::Right;
use crate::store::rows::{AttachmentMeta, TicketRow, TransactionRow};
use crate::store::tickets::{self as ops, Ctx};
use crate::store::{attachments, custom_fields, transactions, DbConn};

/// (OTRS state, StateID, StateType, RT status).
const STATES: &[(&str, i64, &str, &str)] = &[
    ("new", 1, "new", "new"),
    ("closed successful", 2, "closed", "resolved"),
    ("closed unsuccessful", 3, "closed", "rejected"),
    ("open", 4, "open", "open"),
    ("removed", 5, "removed", "deleted"),
    ("pending reminder", 6, "pending reminder", "stalled"),
];

pub const MERGED: (&str, i64, &str) = ("merged", 9, "merged");

/// The RT status for an OTRS `State` or `StateID`.
pub fn status_for(state: Option<&str>, state_id: Option<&str>) -> Option<&'static str> {
    if let Some(s) = state {
        let s = s.trim().to_lowercase();
        return STATES.iter().find(|x| x.0 == s).map(|x| x.3);
    }
    let id: i64 = state_id?.trim().parse().ok()?;
    STATES.iter().find(|x| x.1 == id).map(|x| x.3)
}

/// RT statuses an OTRS `StateType` stands for.
pub fn statuses_of_type(t: &str) -> Vec<&'static str> {
    let t = t.trim().to_lowercase();
    let t = if t == "pending" {
        "pending reminder".to_owned()
    } else {
        t
    };
    STATES.iter().filter(|x| x.2 == t).map(|x| x.3).collect()
}

/// (State, StateID, StateType) of an RT status.
pub fn state_of(status: &str) -> (&'static str, i64, &'static str) {
    STATES
        .iter()
        .find(|x| x.3 == status)
        .map(|x| (x.0, x.1, x.2))
        .unwrap_or(("open", 4, "open"))
}

const PRIORITIES: &[&str] = &["1 very low", "2 low", "3 normal", "4 high", "5 very high"];

/// The RT priority for an OTRS `Priority` (`3 normal`) or `PriorityID` (3): 0, 25, … 100.
pub fn priority_for(name: Option<&str>, id: Option<&str>) -> Option<i32> {
    let n: i32 = match name {
        Some(p) => {
            let p = p.trim().to_lowercase();
            let idx = PRIORITIES.iter().position(|x| *x == p)?;
            i32::try_from(idx).ok()? + 1
        }
        None => id?.trim().parse().ok().filter(|n| (1..=5).contains(n))?,
    };
    Some((n - 1) * 25)
}

/// (Priority, PriorityID) of an RT priority: the nearest of 0, 25, 50, 75, 100.
pub fn priority_of(p: i32) -> (&'static str, i64) {
    let idx = ((p.clamp(0, 100) + 12) / 25).clamp(0, 4);
    let i = usize::try_from(idx).unwrap_or(0);
    (PRIORITIES[i], i64::from(idx) + 1)
}

/// The range of RT priorities an OTRS priority id reads back as.
pub fn priority_range(id: i64) -> (i32, i32) {
    match id {
        1 => (i32::MIN, 12),
        2 => (13, 37),
        3 => (38, 62),
        4 => (63, 87),
        _ => (88, i32::MAX),
    }
}

pub fn priority_id_of(name: &str) -> Option<i64> {
    let p = name.trim().to_lowercase();
    PRIORITIES
        .iter()
        .position(|x| *x == p)
        .and_then(|i| i64::try_from(i).ok())
        .map(|i| i + 1)
}

/// OTRS types: only the default one exists; it is RT's `ticket`.
pub fn type_ok(t: Option<&str>, type_id: Option<&str>) -> bool {
    match (t, type_id) {
        (Some(t), _) => matches!(t.trim(), "Unclassified" | "default" | ""),
        (None, Some(id)) => id.trim() == "1",
        (None, None) => true,
    }
}

pub fn otrs_time(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// `PendingTime` as OTRS sends it: `{Year, Month, Day, Hour, Minute}` or a date string.
pub fn pending_time(v: &Value, op: &str) -> OtrsResult<String> {
    match v {
        Value::Object(o) => {
            let get = |k: &str| {
                o.get(k)
                    .and_then(|x| super::text(Some(x)))
                    .and_then(|s| s.trim().parse::<u32>().ok())
            };
            let (Some(y), Some(mo), Some(d)) = (get("Year"), get("Month"), get("Day")) else {
                return Err(OtrsError::invalid(op, "Ticket->PendingTime is invalid!"));
            };
            Ok(format!(
                "{y:04}-{mo:02}-{d:02} {:02}:{:02}:00",
                get("Hour").unwrap_or(0),
                get("Minute").unwrap_or(0)
            ))
        }
        other => super::text(Some(other))
            .filter(|s| crate::domain::dates::parse(s).is_some())
            .ok_or_else(|| OtrsError::invalid(op, "Ticket->PendingTime is invalid!")),
    }
}

/// Custom field values given as OTRS `DynamicField`: one `{Name, Value}` or a list of them.
pub fn dynamic_fields(v: Option<&Value>, op: &str) -> OtrsResult<Vec<(String, Vec<String>)>> {
    let items: Vec<&Value> = match v {
        None | Some(Value::Null) => return Ok(vec![]),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(o @ Value::Object(_)) => vec![o],
        Some(_) => return Err(OtrsError::invalid(op, "DynamicField is invalid!")),
    };
    let mut out = Vec::new();
    for it in items {
        let name = it
            .get("Name")
            .and_then(|n| super::text(Some(n)))
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| OtrsError::missing(op, "DynamicField->Name parameter is missing!"))?;
        let values = match it.get("Value") {
            Some(Value::Array(a)) => a.iter().filter_map(|x| super::text(Some(x))).collect(),
            Some(Value::Null) | None => vec![],
            Some(x) => super::text(Some(x)).into_iter().collect(),
        };
        out.push((name, values));
    }
    Ok(out)
}

/// Files given as OTRS `Attachment`: `{Content (base64), ContentType, Filename}`.
pub fn attachments_in(
    v: Option<&Value>,
    op: &str,
) -> OtrsResult<Vec<crate::domain::mime::FileInput>> {
    let items: Vec<&Value> = match v {
        None | Some(Value::Null) => return Ok(vec![]),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(o @ Value::Object(_)) => vec![o],
        Some(_) => return Err(OtrsError::invalid(op, "Attachment is invalid!")),
    };
    let mut out = Vec::new();
    for it in items {
        let field = |k: &str| it.get(k).and_then(|x| super::text(Some(x)));
        let filename = field("Filename")
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| OtrsError::missing(op, "Attachment->Filename parameter is missing!"))?;
        let content = field("Content").unwrap_or_default();
        let cleaned: String = content.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(cleaned)
            .map_err(|_| OtrsError::invalid(op, "Attachment->Content is not valid base64!"))?;
        let ct = field("ContentType").unwrap_or_else(|| "application/octet-stream".into());
        let ct = ct.split(';').next().unwrap_or("").trim().to_owned();
        out.push(crate::domain::mime::FileInput {
            filename,
            content_type: ct,
            content: bytes,
        });
    }
    Ok(out)
}

/// What TicketGet includes besides the ticket's own fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct Include {
    pub articles: bool,
    pub attachments: bool,
    pub dynamic_fields: bool,
    pub html_body_as_attachment: bool,
}

fn user_login(lk: &mut Lookup<'_>, id: i64) -> OtrsResult<String> {
    Ok(lk.user(id)?.map(|u| u.name).unwrap_or_default())
}

/// A ticket in TicketGet's shape. `shown` is the ticket as asked for (a merged one shows as
/// `merged`), `t` the one its data comes from.
pub fn ticket(
    lk: &mut Lookup<'_>,
    ctx: &Ctx<'_>,
    asked: &TicketRow,
    t: &TicketRow,
    inc: Include,
) -> OtrsResult<Value> {
    let (state, state_id, state_type) = if asked.id != t.id {
        MERGED
    } else {
        state_of(&t.status)
    };
    let (priority, priority_id) = priority_of(t.priority);
    let queue = lk.queue(t.queue_id)?.map(|q| q.name).unwrap_or_default();
    let owner = user_login(lk, t.owner_id)?;
    let mut customer = String::new();
    for (role, uid) in ops::watchers(lk.conn, t.id)? {
        if role == "Requestor" {
            if let Some(u) = lk.user(uid)? {
                customer = u.email_address.filter(|e| !e.is_empty()).unwrap_or(u.name);
            }
            break;
        }
    }
    let locked = t.owner_id != UserId::NOBODY.0;
    let age = (ctx.now - t.created).num_seconds();
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_owned(), v);
    };
    put("TicketID", json!(asked.id.to_string()));
    put("TicketNumber", json!(asked.id.to_string()));
    put("Title", json!(t.subject));
    put("State", json!(state));
    put("StateID", json!(state_id.to_string()));
    put("StateType", json!(state_type));
    put("Priority", json!(priority));
    put("PriorityID", json!(priority_id.to_string()));
    put("Queue", json!(queue));
    put("QueueID", json!(t.queue_id.to_string()));
    put("Lock", json!(if locked { "lock" } else { "unlock" }));
    put("LockID", json!(if locked { "2" } else { "1" }));
    put("Owner", json!(owner));
    put("OwnerID", json!(t.owner_id.to_string()));
    put("Responsible", json!(owner));
    put("ResponsibleID", json!(t.owner_id.to_string()));
    put("Type", json!("Unclassified"));
    put("TypeID", json!("1"));
    put("CustomerUserID", json!(customer));
    put("CustomerID", json!(customer));
    put("Created", json!(otrs_time(t.created)));
    put("CreateBy", json!(t.creator.to_string()));
    put("Changed", json!(otrs_time(t.last_updated)));
    put("ChangeBy", json!(t.last_updated_by.to_string()));
    put("Age", json!(age));
    put("ArchiveFlag", json!("n"));
    put("UnlockTimeout", json!("0"));
    put(
        "UntilTime",
        json!(match (t.status.as_str(), t.starts) {
            ("stalled", Some(s)) => (s - ctx.now).num_seconds().max(0),
            _ => 0,
        }),
    );
    put("SLA", json!(""));
    put("SLAID", json!(""));
    put("Service", json!(""));
    put("ServiceID", json!(""));
    put("GroupID", json!("1"));
    if inc.dynamic_fields {
        let values = custom_fields::ticket_values(lk.conn, t.id)?;
        let mut dfs = Vec::new();
        for cf in custom_fields::for_queue(lk.conn, t.queue_id)? {
            let vals = values.get(&cf.id).cloned().unwrap_or_default();
            let v = match vals.len() {
                0 => Value::Null,
                1 if cf.max_values == 1 => json!(vals[0]),
                _ => json!(vals),
            };
            dfs.push(json!({"Name": cf.name, "Value": v}));
        }
        m.insert("DynamicField".into(), Value::Array(dfs));
    }
    if inc.articles {
        m.insert("Article".into(), Value::Array(articles(lk, ctx, t, inc)?));
    }
    Ok(Value::Object(m))
}

/// Create, Correspond and Comment transactions (comments only for those who may see them).
pub fn article_rows(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    t: &TicketRow,
) -> OtrsResult<Vec<(TransactionRow, Vec<AttachmentMeta>)>> {
    let comments = ops::can(conn, ctx, t, Right::ShowTicketComments)?;
    let (rows, _) = transactions::for_ticket(conn, t.id, 0, i64::MAX)?;
    let rows: Vec<TransactionRow> = rows
        .into_iter()
        .filter(|r| match r.txn_type.as_str() {
            "Create" | "Correspond" => true,
            "Comment" => comments,
            _ => false,
        })
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let metas = attachments::for_transactions(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mine: Vec<AttachmentMeta> = metas
                .iter()
                .filter(|a| a.transaction_id == r.id)
                .cloned()
                .collect();
            (r, mine)
        })
        .filter(|(r, parts)| r.txn_type != "Create" || !parts.is_empty())
        .collect())
}

fn human_size(n: i64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MBytes", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KBytes", n as f64 / 1024.0)
    } else {
        format!("{n} Bytes")
    }
}

fn articles(
    lk: &mut Lookup<'_>,
    ctx: &Ctx<'_>,
    t: &TicketRow,
    inc: Include,
) -> OtrsResult<Vec<Value>> {
    let rows = article_rows(lk.conn, ctx, t)?;
    let mut out = Vec::with_capacity(rows.len());
    for (n, (r, parts)) in rows.iter().enumerate() {
        let internal = r.txn_type == "Comment";
        let creator = lk.user(r.creator)?;
        let (from, agent) = match &creator {
            Some(u) => {
                let addr = u.email_address.clone().filter(|e| !e.is_empty());
                let from = match (&addr, u.real_name.is_empty()) {
                    (Some(a), false) => format!("\"{}\" <{a}>", u.real_name),
                    (Some(a), true) => a.clone(),
                    (None, _) => u.name.clone(),
                };
                (from, u.privileged)
            }
            None => (String::new(), false),
        };
        let subject = parts
            .iter()
            .find(|p| !p.subject.is_empty())
            .map(|p| p.subject.clone())
            .or_else(|| r.data.clone())
            .unwrap_or_default();
        let body_part = parts
            .iter()
            .find(|p| p.filename.is_empty() && p.content_type.starts_with("text/"));
        let (mime, body) = match body_part {
            Some(p) => (
                p.content_type.clone(),
                String::from_utf8_lossy(&attachments::content(lk.conn, p.id)?.unwrap_or_default())
                    .into_owned(),
            ),
            None => ("text/plain".to_owned(), String::new()),
        };
        let mut a = Map::new();
        let mut put = |k: &str, v: Value| {
            a.insert(k.to_owned(), v);
        };
        put("ArticleID", json!(r.id.to_string()));
        put("ArticleNumber", json!((n + 1).to_string()));
        put("TicketID", json!(t.id.to_string()));
        put(
            "ArticleType",
            json!(if internal {
                "note-internal"
            } else {
                "email-external"
            }),
        );
        put(
            "CommunicationChannel",
            json!(if internal { "Internal" } else { "Email" }),
        );
        put("IsVisibleForCustomer", json!(if internal { 0 } else { 1 }));
        put(
            "SenderType",
            json!(if agent { "agent" } else { "customer" }),
        );
        put("From", json!(from));
        put("To", json!(""));
        put("Cc", json!(""));
        put("Subject", json!(subject));
        put("Body", json!(body));
        put("MimeType", json!(mime));
        put("Charset", json!("utf-8"));
        put("ContentType", json!(format!("{mime}; charset=utf-8")));
        put("TimeUnit", json!(r.time_taken));
        put("CreateTime", json!(otrs_time(r.created)));
        put("ChangeTime", json!(otrs_time(r.created)));
        put("IncomingTime", json!(r.created.and_utc().timestamp()));
        put("CreateBy", json!(r.creator.to_string()));
        put("ChangeBy", json!(r.creator.to_string()));
        if inc.attachments {
            let mut files = Vec::new();
            let mut idx = 0;
            for p in parts {
                let html_body = inc.html_body_as_attachment
                    && p.filename.is_empty()
                    && p.content_type == "text/html";
                if p.filename.is_empty() && !html_body {
                    continue;
                }
                idx += 1;
                let bytes = attachments::content(lk.conn, p.id)?.unwrap_or_default();
                let name = if html_body {
                    "file-2".to_owned()
                } else {
                    p.filename.clone()
                };
                files.push(json!({
                    "FileID": idx.to_string(),
                    "Filename": name,
                    "ContentType": p.content_type,
                    "Filesize": human_size(p.content_length),
                    "FilesizeRaw": p.content_length.to_string(),
                    "Content": base64::engine::general_purpose::STANDARD.encode(&bytes),
                    "ContentAlternative": "",
                    "ContentID": "",
                    "Disposition": if html_body { "inline" } else { "attachment" },
                }));
            }
            a.insert("Attachment".into(), Value::Array(files));
        }
        out.push(Value::Object(a));
    }
    Ok(out)
}
