//! Store rows → RT REST 2.0 records, with the id typing RT clients expect.

use std::collections::{BTreeMap, HashMap};

use hushdesk_api::rest2::{
    AttachmentResponse, CustomFieldValues, Hyperlink, QueueResponse, RecordRef, TicketResponse,
    TransactionResponse, UserResponse,
};
use serde_json::{json, Value};

use crate::api::error::ApiResult;
use crate::api::AppState;
use crate::domain::dates;
use crate::domain::lifecycle;
use crate::domain::txn::{self, Names};
use crate::store::rows::{AttachmentMeta, QueueRow, TicketRow, TransactionRow, UserRow};
use crate::store::{attachments, custom_fields, links, queues, tickets, users, DbConn};

pub fn reference(state: &AppState, kind: &str, id: impl ToString) -> RecordRef {
    let id = id.to_string();
    RecordRef {
        _url: state.url(&format!("{kind}/{id}")),
        id,
        kind: kind.to_owned(),
        extra: BTreeMap::new(),
    }
}

pub fn link(state: &AppState, rel: &str, path: &str) -> Hyperlink {
    Hyperlink {
        rel: rel.to_owned(),
        _url: state.url(path),
        kind: None,
        id: None,
        label: None,
        from: None,
        to: None,
        update: None,
    }
}

/// Resolves users and queues once per response.
pub struct Lookup<'c> {
    pub conn: &'c mut DbConn,
    users: HashMap<i64, Option<UserRow>>,
    queues: HashMap<i64, Option<QueueRow>>,
    subjects: HashMap<i64, Option<String>>,
}

impl<'c> Lookup<'c> {
    pub fn new(conn: &'c mut DbConn) -> Self {
        Self {
            conn,
            users: HashMap::new(),
            queues: HashMap::new(),
            subjects: HashMap::new(),
        }
    }

    pub fn user(&mut self, id: i64) -> ApiResult<Option<UserRow>> {
        if let Some(u) = self.users.get(&id) {
            return Ok(u.clone());
        }
        let u = users::by_id(self.conn, id)?;
        self.users.insert(id, u.clone());
        Ok(u)
    }

    pub fn queue(&mut self, id: i64) -> ApiResult<Option<QueueRow>> {
        if let Some(q) = self.queues.get(&id) {
            return Ok(q.clone());
        }
        let q = queues::by_id(self.conn, id)?;
        self.queues.insert(id, q.clone());
        Ok(q)
    }

    fn subject(&mut self, id: i64) -> ApiResult<Option<String>> {
        if let Some(s) = self.subjects.get(&id) {
            return Ok(s.clone());
        }
        let s = tickets::load(self.conn, id)?.map(|t| t.subject);
        self.subjects.insert(id, s.clone());
        Ok(s)
    }

    pub fn user_ref(&mut self, state: &AppState, id: i64) -> ApiResult<RecordRef> {
        let name = self
            .user(id)?
            .map(|u| u.name)
            .unwrap_or_else(|| id.to_string());
        Ok(reference(state, "user", name))
    }

    /// Pre-loads names a description needs, then describes without further queries.
    pub fn describe(&mut self, t: &TransactionRow) -> ApiResult<String> {
        let mut ids = vec![t.creator];
        for v in [&t.old_value, &t.new_value].into_iter().flatten() {
            if let Ok(n) = v.parse::<i64>() {
                ids.push(n);
            }
            if let Some(tid) = txn::local_ticket_id(v) {
                self.subject(tid)?;
            }
        }
        for id in ids {
            self.user(id)?;
        }
        Ok(txn::describe(
            txn::TxnView {
                txn_type: &t.txn_type,
                field: t.field.as_deref(),
                old_value: t.old_value.as_deref(),
                new_value: t.new_value.as_deref(),
                creator: t.creator,
            },
            &CachedNames(self),
        ))
    }
}

struct CachedNames<'a, 'c>(&'a Lookup<'c>);

impl Names for CachedNames<'_, '_> {
    fn user(&self, id: i64) -> String {
        match self.0.users.get(&id) {
            Some(Some(u)) => match (&u.email_address, u.privileged) {
                (Some(e), false) if !e.is_empty() => e.clone(),
                _ => u.name.clone(),
            },
            _ => id.to_string(),
        }
    }
    fn user_with_real_name(&self, id: i64) -> String {
        match self.0.users.get(&id) {
            Some(Some(u)) if !u.real_name.is_empty() => format!("{} ({})", u.name, u.real_name),
            _ => self.user(id),
        }
    }
    fn ticket_subject(&self, id: i64) -> Option<String> {
        self.0.subjects.get(&id).cloned().flatten()
    }
}

fn n(v: i32) -> String {
    v.to_string()
}

pub fn ticket(state: &AppState, lk: &mut Lookup<'_>, t: &TicketRow) -> ApiResult<TicketResponse> {
    let mut requestor = Vec::new();
    let mut cc = Vec::new();
    let mut admin_cc = Vec::new();
    let mut requestor_addresses = Vec::new();
    for (role, uid) in tickets::watchers(lk.conn, t.id)? {
        let r = lk.user_ref(state, uid)?;
        match role.as_str() {
            "Requestor" => {
                requestor.push(r);
                if let Some(addr) = lk.user(uid)?.and_then(|u| u.email_address) {
                    requestor_addresses.push(addr);
                }
            }
            "Cc" => cc.push(r),
            _ => admin_cc.push(r),
        }
    }
    let values = custom_fields::ticket_values(lk.conn, t.id)?;
    let mut cfs = Vec::new();
    let mut hyperlinks = vec![Hyperlink {
        kind: Some("ticket".into()),
        id: Some(json!(t.id)),
        ..link(state, "self", &format!("ticket/{}", t.id))
    }];
    for cf in custom_fields::for_queue(lk.conn, t.queue_id)? {
        hyperlinks.push(Hyperlink {
            kind: Some("customfield".into()),
            id: Some(json!(cf.id.to_string())),
            label: Some(cf.name.clone()),
            ..link(state, "customfield", &format!("customfield/{}", cf.id))
        });
        cfs.push(CustomFieldValues {
            id: cf.id.to_string(),
            name: cf.name.clone(),
            kind: "customfield".into(),
            _url: state.url(&format!("customfield/{}", cf.id)),
            values: values.get(&cf.id).cloned().unwrap_or_default(),
        });
    }
    hyperlinks.push(link(state, "history", &format!("ticket/{}/history", t.id)));
    hyperlinks.push(link(
        state,
        "correspond",
        &format!("ticket/{}/correspond", t.id),
    ));
    hyperlinks.push(link(state, "comment", &format!("ticket/{}/comment", t.id)));
    for to in lifecycle::transitions_from(&t.status) {
        hyperlinks.push(Hyperlink {
            label: Some(to.to_owned()),
            from: Some(t.status.clone()),
            to: Some(to.to_owned()),
            update: Some(if to == "resolved" {
                "Respond".into()
            } else {
                "Status".into()
            }),
            ..link(state, "lifecycle", &format!("ticket/{}/correspond", t.id))
        });
    }
    let me = tickets::uri(&state.config.organization, t.id);
    for l in links::touching(lk.conn, &me)? {
        if l.link_type == "MergedInto" {
            continue;
        }
        let reverse = l.target == me;
        let other = if reverse { &l.base } else { &l.target };
        let rel = match (l.link_type.as_str(), reverse) {
            ("DependsOn", false) => "depends-on",
            ("DependsOn", true) => "depended-on-by",
            ("RefersTo", false) => "refers-to",
            ("RefersTo", true) => "referred-to-by",
            ("MemberOf", false) => "parent",
            _ => "child",
        };
        match txn::local_ticket_id(other) {
            Some(oid) => hyperlinks.push(Hyperlink {
                kind: Some("ticket".into()),
                id: Some(json!(oid.to_string())),
                ..link(state, rel, &format!("ticket/{oid}"))
            }),
            None => hyperlinks.push(Hyperlink {
                rel: rel.into(),
                _url: other.clone(),
                kind: Some("external".into()),
                id: None,
                label: None,
                from: None,
                to: None,
                update: None,
            }),
        }
    }
    Ok(TicketResponse {
        id: t.id,
        effective_id: reference(state, "ticket", t.effective_id),
        queue: reference(state, "queue", t.queue_id),
        owner: lk.user_ref(state, t.owner_id)?,
        creator: lk.user_ref(state, t.creator)?,
        last_updated_by: lk.user_ref(state, t.last_updated_by)?,
        subject: t.subject.clone(),
        status: t.status.clone(),
        kind: t.ticket_type.clone(),
        priority: n(t.priority),
        initial_priority: n(t.initial_priority),
        final_priority: n(t.final_priority),
        time_estimated: n(t.time_estimated),
        time_worked: n(t.time_worked),
        time_left: n(t.time_left),
        created: dates::rest2(Some(t.created)),
        starts: dates::rest2(t.starts),
        started: dates::rest2(t.started),
        due: dates::rest2(t.due),
        resolved: dates::rest2(t.resolved),
        told: dates::rest2(t.told),
        last_updated: dates::rest2(Some(t.last_updated)),
        sla: t.sla.clone(),
        requestor,
        cc,
        admin_cc,
        custom_fields: cfs,
        hyperlinks,
        abuse_flag: crate::retention::abuse::any_flagged(
            lk.conn,
            &requestor_addresses,
            state.clock.now(),
        )?,
    })
}

pub fn queue(state: &AppState, lk: &mut Lookup<'_>, q: &QueueRow) -> ApiResult<QueueResponse> {
    let mut cc = Vec::new();
    let mut admin_cc = Vec::new();
    for (role, uid) in queues::watchers(lk.conn, q.id)? {
        let r = lk.user_ref(state, uid)?;
        if role == "Cc" {
            cc.push(r);
        } else {
            admin_cc.push(r);
        }
    }
    let cfs = custom_fields::for_queue(lk.conn, q.id)?
        .into_iter()
        .map(|cf| reference(state, "customfield", cf.id))
        .collect();
    Ok(QueueResponse {
        id: q.id,
        name: q.name.clone(),
        description: q.description.clone(),
        correspond_address: q.correspond_address.clone(),
        comment_address: q.comment_address.clone(),
        language: q.language.clone(),
        lifecycle: q.lifecycle.clone(),
        sort_order: q.sort_order.to_string(),
        sla_disabled: u8::from(q.sla_disabled).to_string(),
        disabled: u8::from(q.disabled).to_string(),
        initial_priority: q.initial_priority.to_string(),
        final_priority: q.final_priority.to_string(),
        default_due_in: q.default_due_in.to_string(),
        created: dates::rest2(Some(q.created)),
        creator: lk.user_ref(state, q.creator)?,
        last_updated: dates::rest2(Some(q.last_updated)),
        last_updated_by: lk.user_ref(state, q.last_updated_by)?,
        cc,
        admin_cc,
        ticket_custom_fields: cfs,
        ticket_transaction_custom_fields: vec![],
        custom_fields: vec![],
        hyperlinks: vec![
            Hyperlink {
                kind: Some("queue".into()),
                id: Some(json!(q.id)),
                ..link(state, "self", &format!("queue/{}", q.id))
            },
            link(state, "history", &format!("queue/{}/history", q.id)),
            Hyperlink {
                kind: Some("ticket".into()),
                ..link(state, "create", &format!("ticket?Queue={}", q.id))
            },
        ],
    })
}

pub fn user(state: &AppState, lk: &mut Lookup<'_>, u: &UserRow) -> ApiResult<UserResponse> {
    let extra: BTreeMap<String, Value> = serde_json::from_str(&u.extra).unwrap_or_default();
    Ok(UserResponse {
        id: u.id,
        name: u.name.clone(),
        email_address: u.email_address.clone().unwrap_or_default(),
        real_name: u.real_name.clone(),
        nick_name: u.nickname.clone(),
        organization: u.organization.clone(),
        gecos: u.gecos.clone(),
        comments: u.comments.clone(),
        lang: u.lang.clone(),
        privileged: i64::from(u.privileged),
        disabled: u8::from(u.disabled).to_string(),
        created: dates::rest2(Some(u.created)),
        creator: lk.user_ref(state, u.creator)?,
        last_updated: dates::rest2(Some(u.last_updated)),
        last_updated_by: lk.user_ref(state, u.last_updated_by)?,
        extra,
        hyperlinks: vec![
            Hyperlink {
                kind: Some("user".into()),
                id: Some(json!(u.id)),
                ..link(state, "self", &format!("user/{}", u.id))
            },
            link(state, "history", &format!("user/{}/history", u.id)),
        ],
    })
}

pub fn transaction(
    state: &AppState,
    lk: &mut Lookup<'_>,
    t: &TransactionRow,
) -> ApiResult<TransactionResponse> {
    let description = lk.describe(t)?;
    let mut hyperlinks = vec![Hyperlink {
        kind: Some("transaction".into()),
        id: Some(json!(t.id)),
        ..link(state, "self", &format!("transaction/{}", t.id))
    }];
    for a in attachments::for_transactions(lk.conn, &[t.id])? {
        hyperlinks.push(Hyperlink {
            kind: Some("attachment".into()),
            id: Some(json!(a.id.to_string())),
            ..link(state, "attachment", &format!("attachment/{}", a.id))
        });
    }
    let object_kind = if t.object_type == crate::store::transactions::TICKET {
        "ticket"
    } else {
        "queue"
    };
    Ok(TransactionResponse {
        id: t.id,
        kind: t.txn_type.clone(),
        field: t.field.clone().unwrap_or_default(),
        old_value: t.old_value.clone().unwrap_or_default(),
        new_value: t.new_value.clone().unwrap_or_default(),
        data: t.data.clone().unwrap_or_default(),
        description,
        time_taken: t.time_taken.to_string(),
        created: dates::rest2(Some(t.created)),
        creator: lk.user_ref(state, t.creator)?,
        object: reference(state, object_kind, t.object_id),
        hyperlinks,
    })
}

/// RT wraps base64 content at 76 columns.
pub fn base64_wrapped(bytes: &[u8]) -> String {
    use base64::Engine;
    let raw = base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut out = String::with_capacity(raw.len() + raw.len() / 76 + 1);
    for (i, chunk) in raw.as_bytes().chunks(76).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&String::from_utf8_lossy(chunk));
    }
    out
}

pub fn attachment(
    state: &AppState,
    lk: &mut Lookup<'_>,
    a: &AttachmentMeta,
    content: &[u8],
) -> ApiResult<AttachmentResponse> {
    Ok(AttachmentResponse {
        id: a.id,
        subject: a.subject.clone(),
        filename: (!a.filename.is_empty()).then(|| a.filename.clone()),
        content_type: a.content_type.clone(),
        content_encoding: a.content_encoding.clone(),
        content_length: a.content_length.to_string(),
        headers: a.headers.clone(),
        message_id: a.message_id.clone(),
        parent: if a.parent == 0 {
            json!("0")
        } else {
            serde_json::to_value(reference(state, "attachment", a.parent)).unwrap_or(Value::Null)
        },
        transaction_id: reference(state, "transaction", a.transaction_id),
        creator: lk.user_ref(state, a.creator)?,
        created: dates::rest2(Some(a.created)),
        content: base64_wrapped(content),
        hyperlinks: vec![Hyperlink {
            kind: Some("attachment".into()),
            id: Some(json!(a.id)),
            ..link(state, "self", &format!("attachment/{}", a.id))
        }],
    })
}

/// Query-string field selection: `fields=A,B` and `fields[Ref]=X,Y` expansions.
#[derive(Debug, Default, Clone)]
pub struct FieldSpec {
    pub fields: Vec<String>,
    pub expand: BTreeMap<String, Vec<String>>,
}

impl FieldSpec {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut spec = FieldSpec::default();
        for (k, v) in pairs {
            let list = || {
                v.split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
            };
            if k == "fields" {
                spec.fields.extend(list());
            } else if let Some(inner) = k.strip_prefix("fields[").and_then(|r| r.strip_suffix(']'))
            {
                spec.expand.insert(inner.to_owned(), list());
            }
        }
        spec
    }
}

/// Replaces references named in `spec.expand` with references carrying the sub-fields.
pub fn expand(
    state: &AppState,
    lk: &mut Lookup<'_>,
    obj: &mut serde_json::Map<String, Value>,
    spec: &FieldSpec,
) -> ApiResult<()> {
    for (key, subs) in &spec.expand {
        let Some(v) = obj.get_mut(key) else { continue };
        match v {
            Value::Array(items) => {
                for item in items.iter_mut() {
                    expand_one(state, lk, item, subs)?;
                }
            }
            other => expand_one(state, lk, other, subs)?,
        }
    }
    Ok(())
}

fn expand_one(
    state: &AppState,
    lk: &mut Lookup<'_>,
    v: &mut Value,
    subs: &[String],
) -> ApiResult<()> {
    let (Some(kind), Some(id)) = (
        v.get("type").and_then(Value::as_str).map(str::to_owned),
        v.get("id").and_then(Value::as_str).map(str::to_owned),
    ) else {
        return Ok(());
    };
    let full = match kind.as_str() {
        "queue" => match id
            .parse::<i64>()
            .ok()
            .map(|i| lk.queue(i))
            .transpose()?
            .flatten()
        {
            Some(q) => to_value(queue(state, lk, &q)?)?,
            None => return Ok(()),
        },
        "user" => match users::lookup(lk.conn, &id)? {
            Some(u) => to_value(user(state, lk, &u)?)?,
            None => return Ok(()),
        },
        "ticket" => match id
            .parse::<i64>()
            .ok()
            .map(|i| tickets::load(lk.conn, i))
            .transpose()?
            .flatten()
        {
            Some(t) => to_value(ticket(state, lk, &t)?)?,
            None => return Ok(()),
        },
        _ => return Ok(()),
    };
    if let (Value::Object(target), Value::Object(src)) = (v, full) {
        for s in subs {
            if let Some(x) = src.get(s) {
                target.insert(s.clone(), x.clone());
            }
        }
    }
    Ok(())
}

/// A collection item: the reference plus requested fields taken from the full record.
pub fn item(
    state: &AppState,
    lk: &mut Lookup<'_>,
    base: RecordRef,
    full: Option<Value>,
    spec: &FieldSpec,
) -> ApiResult<RecordRef> {
    let mut r = base;
    if let Some(Value::Object(full)) = full {
        let mut picked = serde_json::Map::new();
        for f in &spec.fields {
            if let Some(v) = full.get(f) {
                picked.insert(f.clone(), v.clone());
            }
        }
        expand(state, lk, &mut picked, spec)?;
        r.extra.extend(picked);
    }
    Ok(r)
}

/// Any response type as JSON.
pub fn to_value<T: serde::Serialize>(v: T) -> ApiResult<Value> {
    serde_json::to_value(v).map_err(|e| crate::api::error::ApiError::Internal(e.to_string()))
}

/// Collection items: each row's reference, plus the requested fields of its full record
/// (rendered only when fields were asked for).
pub fn items<R>(
    state: &AppState,
    lk: &mut Lookup<'_>,
    rows: &[R],
    kind: &str,
    spec: &FieldSpec,
    id: impl Fn(&R) -> i64,
    full: impl Fn(&AppState, &mut Lookup<'_>, &R) -> ApiResult<Value>,
) -> ApiResult<Vec<RecordRef>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let record = if spec.fields.is_empty() {
            None
        } else {
            Some(full(state, lk, r)?)
        };
        out.push(item(
            state,
            lk,
            reference(state, kind, id(r)),
            record,
            spec,
        )?);
    }
    Ok(out)
}
