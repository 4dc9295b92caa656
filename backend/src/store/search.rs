//! TicketSQL compiled to one SQL query on either backend, with rights applied inside it.

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::rows::TicketRow;
use super::schema::{queues, tickets};
use super::sqlfn::lower;
use super::DbConn;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::lifecycle;
use crate::domain::rights::{EffectiveRights, Right, Role};
use crate::domain::ticketsql::{self, Condition, Field, Op, Query, Value};

type Db = <DbConn as diesel::Connection>::Backend;
type Expr = Box<dyn BoxableExpression<tickets::table, Db, SqlType = Bool>>;

/// A query with every name resolved, ready to become SQL any number of times.
#[derive(Debug, Clone)]
enum Filter {
    True,
    False,
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    IntCol(IntCol, Op, i64),
    IdIn(IntCol, Vec<i64>),
    TextCol(TextCol, Op, String),
    DateCol(DateCol, Op, Option<NaiveDateTime>),
    Watcher {
        roles: Vec<&'static str>,
        sub: WatcherSub,
        op: Op,
        value: String,
    },
    Cf {
        cf: i64,
        op: Op,
        value: Option<String>,
    },
    Content(ContentFilter),
    Link {
        stored: &'static str,
        reverse: bool,
        other: Option<i64>,
    },
    OwnerIs(i64),
    WatcherRoleIs(&'static str, i64),
}

#[derive(Debug, Clone, Copy)]
enum IntCol {
    Id,
    EffectiveId,
    Queue,
    Owner,
    Creator,
    LastUpdatedBy,
    Priority,
    InitialPriority,
    FinalPriority,
    TimeWorked,
    TimeLeft,
    TimeEstimated,
}

#[derive(Debug, Clone, Copy)]
enum TextCol {
    Subject,
    Status,
    Type,
    Language,
}

#[derive(Debug, Clone, Copy)]
enum DateCol {
    Created,
    LastUpdated,
    Resolved,
    Due,
    Told,
    Starts,
    Started,
}

#[derive(Debug, Clone, Copy)]
enum WatcherSub {
    Email,
    Name,
    RealName,
}

fn bad(msg: impl Into<String>) -> DomainError {
    DomainError::Invalid(msg.into())
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Null => None,
    }
}

fn null_or_empty(v: &Value) -> bool {
    matches!(v, Value::Null) || matches!(v, Value::Str(s) if s.is_empty())
}

fn resolve_ids(conn: &mut DbConn, col: IntCol, v: &Value) -> DomainResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::Null => Ok(None),
        Value::Str(s) => {
            if let Ok(i) = s.trim().parse::<i64>() {
                return Ok(Some(i));
            }
            match col {
                IntCol::Queue => Ok(Some(
                    super::queues::by_name(conn, s)?.map(|q| q.id).unwrap_or(-1),
                )),
                IntCol::Owner | IntCol::Creator | IntCol::LastUpdatedBy => {
                    let u = if s == "__CurrentUser__" {
                        None
                    } else {
                        super::users::lookup(conn, s)?
                    };
                    Ok(Some(u.map(|u| u.id).unwrap_or(-1)))
                }
                _ => Err(bad(format!("Invalid value '{s}': a number is required"))),
            }
        }
    }
}

fn compile(
    conn: &mut DbConn,
    index: &dyn ContentIndex,
    me: i64,
    q: &Query,
) -> DomainResult<Filter> {
    Ok(match q {
        Query::And(a, b) => Filter::And(
            Box::new(compile(conn, index, me, a)?),
            Box::new(compile(conn, index, me, b)?),
        ),
        Query::Or(a, b) => Filter::Or(
            Box::new(compile(conn, index, me, a)?),
            Box::new(compile(conn, index, me, b)?),
        ),
        Query::Cond(c) => compile_cond(conn, index, me, c)?,
    })
}

fn negate_if(f: Filter, neg: bool) -> Filter {
    if neg {
        Filter::Not(Box::new(f))
    } else {
        f
    }
}

fn compile_cond(
    conn: &mut DbConn,
    index: &dyn ContentIndex,
    me: i64,
    c: &Condition,
) -> DomainResult<Filter> {
    let op = c.op;
    let int_col = match &c.field {
        Field::Id => Some(IntCol::Id),
        Field::EffectiveId => Some(IntCol::EffectiveId),
        Field::Queue => Some(IntCol::Queue),
        Field::Owner => Some(IntCol::Owner),
        Field::Creator => Some(IntCol::Creator),
        Field::LastUpdatedBy => Some(IntCol::LastUpdatedBy),
        Field::Priority => Some(IntCol::Priority),
        Field::InitialPriority => Some(IntCol::InitialPriority),
        Field::FinalPriority => Some(IntCol::FinalPriority),
        Field::TimeWorked => Some(IntCol::TimeWorked),
        Field::TimeLeft => Some(IntCol::TimeLeft),
        Field::TimeEstimated => Some(IntCol::TimeEstimated),
        _ => None,
    };
    if let Some(col) = int_col {
        if matches!(op, Op::Like | Op::NotLike) {
            if let (IntCol::Queue, Some(text)) = (col, value_text(&c.value)) {
                let ids: Vec<i64> = queues::table
                    .filter(lower(queues::name).like(like_pattern(&text)))
                    .select(queues::id)
                    .load(conn)?;
                return Ok(negate_if(Filter::IdIn(col, ids), op == Op::NotLike));
            }
            return Err(bad(format!("LIKE is not supported for {}", c.field.name())));
        }
        if matches!(op, Op::Is | Op::IsNot) {
            // Integer columns are never NULL.
            return Ok(if op == Op::Is {
                Filter::False
            } else {
                Filter::True
            });
        }
        let v = if matches!(&c.value, Value::Str(s) if s == "__CurrentUser__") {
            Some(me)
        } else {
            resolve_ids(conn, col, &c.value)?
        };
        let v = v.ok_or_else(|| bad(format!("Invalid value for {}", c.field.name())))?;
        return Ok(Filter::IntCol(col, op, v));
    }
    Ok(match &c.field {
        Field::Subject | Field::Status | Field::Type | Field::Language => {
            let col = match c.field {
                Field::Subject => TextCol::Subject,
                Field::Status => TextCol::Status,
                Field::Language => TextCol::Language,
                _ => TextCol::Type,
            };
            if matches!(op, Op::Is | Op::IsNot) {
                let empty = Filter::TextCol(col, Op::Eq, String::new());
                return Ok(negate_if(empty, op == Op::IsNot));
            }
            let v = value_text(&c.value).ok_or_else(|| bad("NULL needs IS or IS NOT"))?;
            if let (TextCol::Status, Some(set), Op::Eq | Op::Ne) =
                (col, lifecycle::expand_pseudo(&v), op)
            {
                let f = set
                    .iter()
                    .map(|s| Filter::TextCol(col, Op::Eq, (*s).to_owned()))
                    .reduce(|a, b| Filter::Or(Box::new(a), Box::new(b)))
                    .unwrap_or(Filter::False);
                return Ok(negate_if(f, op == Op::Ne));
            }
            Filter::TextCol(col, op, v)
        }
        Field::Created
        | Field::LastUpdated
        | Field::Resolved
        | Field::Due
        | Field::Told
        | Field::Starts
        | Field::Started => {
            let col = match c.field {
                Field::Created => DateCol::Created,
                Field::LastUpdated => DateCol::LastUpdated,
                Field::Resolved => DateCol::Resolved,
                Field::Due => DateCol::Due,
                Field::Told => DateCol::Told,
                Field::Starts => DateCol::Starts,
                _ => DateCol::Started,
            };
            if matches!(op, Op::Is | Op::IsNot) || null_or_empty(&c.value) {
                let f = Filter::DateCol(col, Op::Is, None);
                return Ok(negate_if(f, matches!(op, Op::IsNot | Op::Ne)));
            }
            let text = value_text(&c.value).unwrap_or_default();
            let d = crate::domain::dates::parse(&text)
                .ok_or_else(|| bad(format!("Invalid date '{text}' for {}", c.field.name())))?;
            if matches!(op, Op::Like | Op::NotLike) {
                return Err(bad(format!("LIKE is not supported for {}", c.field.name())));
            }
            Filter::DateCol(col, op, Some(d))
        }
        Field::Requestor { sub }
        | Field::Cc { sub }
        | Field::AdminCc { sub }
        | Field::Watcher { sub } => {
            let roles: Vec<&'static str> = match &c.field {
                Field::Requestor { .. } => vec!["Requestor"],
                Field::Cc { .. } => vec!["Cc"],
                Field::AdminCc { .. } => vec!["AdminCc"],
                _ => vec!["Requestor", "Cc", "AdminCc"],
            };
            let sub = match sub.as_deref() {
                Some("Name") => WatcherSub::Name,
                Some("RealName") => WatcherSub::RealName,
                _ => WatcherSub::Email,
            };
            if matches!(op, Op::Is | Op::IsNot) || matches!(c.value, Value::Null) {
                // "has no requestor" = not in the set of tickets with one.
                let any = Filter::Watcher {
                    roles,
                    sub,
                    op: Op::Like,
                    value: String::new(),
                };
                return Ok(negate_if(any, matches!(op, Op::Is | Op::Eq)));
            }
            let v = value_text(&c.value).unwrap_or_default();
            if matches!(op, Op::Lt | Op::Gt | Op::Le | Op::Ge) {
                return Err(bad(format!("Invalid operator for {}", c.field.name())));
            }
            let negative = matches!(op, Op::Ne | Op::NotLike);
            let positive_op = if matches!(op, Op::Like | Op::NotLike) {
                Op::Like
            } else {
                Op::Eq
            };
            negate_if(
                Filter::Watcher {
                    roles,
                    sub,
                    op: positive_op,
                    value: v,
                },
                negative,
            )
        }
        Field::CustomField(name) => {
            let cf = super::custom_fields::by_name(conn, name)?
                .ok_or_else(|| bad(format!("Unknown custom field: {name}")))?;
            match op {
                Op::Is | Op::IsNot => negate_if(
                    Filter::Cf {
                        cf: cf.id,
                        op: Op::Is,
                        value: None,
                    },
                    op == Op::IsNot,
                ),
                _ if matches!(c.value, Value::Null) => negate_if(
                    Filter::Cf {
                        cf: cf.id,
                        op: Op::Is,
                        value: None,
                    },
                    op == Op::Ne,
                ),
                Op::Ne => Filter::Not(Box::new(Filter::Cf {
                    cf: cf.id,
                    op: Op::Eq,
                    value: value_text(&c.value),
                })),
                Op::NotLike => Filter::Not(Box::new(Filter::Cf {
                    cf: cf.id,
                    op: Op::Like,
                    value: value_text(&c.value),
                })),
                _ => Filter::Cf {
                    cf: cf.id,
                    op,
                    value: value_text(&c.value),
                },
            }
        }
        Field::Content => {
            let text = value_text(&c.value).unwrap_or_default();
            if !matches!(op, Op::Like | Op::Eq | Op::NotLike | Op::Ne) {
                return Err(bad("Content supports only LIKE, NOT LIKE, = and !="));
            }
            if text
                .split(|ch: char| !ch.is_alphanumeric())
                .all(str::is_empty)
            {
                return Err(bad("Content search needs at least one word"));
            }
            negate_if(
                Filter::Content(index.content_filter(conn, &text)?),
                matches!(op, Op::NotLike | Op::Ne),
            )
        }
        Field::ContentType | Field::Filename => {
            return Err(bad(format!("{} is not searchable yet", c.field.name())));
        }
        Field::DependsOn
        | Field::DependedOnBy
        | Field::RefersTo
        | Field::ReferredToBy
        | Field::MemberOf
        | Field::HasMember => {
            let view = c.field.name();
            let (stored, reverse) = super::links::resolve_view(&view)
                .ok_or_else(|| bad(format!("Unknown link type {view}")))?;
            let other = match &c.value {
                Value::Null => None,
                Value::Int(i) => Some(*i),
                Value::Str(s) if s.is_empty() => None,
                Value::Str(s) => Some(
                    s.trim()
                        .parse()
                        .ok()
                        .or_else(|| crate::domain::txn::local_ticket_id(s))
                        .ok_or_else(|| bad(format!("Invalid ticket '{s}' for {view}")))?,
                ),
            };
            let f = Filter::Link {
                stored,
                reverse,
                other,
            };
            negate_if(
                f,
                matches!(op, Op::Ne | Op::IsNot) || (op == Op::Is && other.is_none()),
            )
        }
        _ => return Err(bad(format!("Unknown field: {}", c.field.name()))),
    })
}

/// `%text%` with LIKE's own wildcards escaped, lower-cased for case-insensitive matching.
fn like_pattern(text: &str) -> String {
    let mut p = String::with_capacity(text.len() + 2);
    p.push('%');
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

fn int_expr(col: IntCol, op: Op, v: i64) -> Expr {
    macro_rules! cmp {
        ($c:expr) => {
            match op {
                Op::Eq => Box::new($c.eq(v)),
                Op::Ne => Box::new($c.ne(v)),
                Op::Lt => Box::new($c.lt(v)),
                Op::Gt => Box::new($c.gt(v)),
                Op::Le => Box::new($c.le(v)),
                _ => Box::new($c.ge(v)),
            }
        };
    }
    macro_rules! cmp32 {
        ($c:expr) => {{
            let v = i32::try_from(v).unwrap_or(if v < 0 { i32::MIN } else { i32::MAX });
            match op {
                Op::Eq => Box::new($c.eq(v)),
                Op::Ne => Box::new($c.ne(v)),
                Op::Lt => Box::new($c.lt(v)),
                Op::Gt => Box::new($c.gt(v)),
                Op::Le => Box::new($c.le(v)),
                _ => Box::new($c.ge(v)),
            }
        }};
    }
    match col {
        IntCol::Id => cmp!(tickets::id),
        IntCol::EffectiveId => cmp!(tickets::effective_id),
        IntCol::Queue => cmp!(tickets::queue_id),
        IntCol::Owner => cmp!(tickets::owner_id),
        IntCol::Creator => cmp!(tickets::creator),
        IntCol::LastUpdatedBy => cmp!(tickets::last_updated_by),
        IntCol::Priority => cmp32!(tickets::priority),
        IntCol::InitialPriority => cmp32!(tickets::initial_priority),
        IntCol::FinalPriority => cmp32!(tickets::final_priority),
        IntCol::TimeWorked => cmp32!(tickets::time_worked),
        IntCol::TimeLeft => cmp32!(tickets::time_left),
        IntCol::TimeEstimated => cmp32!(tickets::time_estimated),
    }
}

fn text_expr(col: TextCol, op: Op, v: &str) -> Expr {
    // Status, Type and Language are stored lower-case; match them case-insensitively as RT does.
    let v_cmp = match col {
        TextCol::Subject => v.to_owned(),
        _ => v.to_lowercase(),
    };
    macro_rules! cmp {
        ($c:expr) => {
            match op {
                Op::Like => Box::new(lower($c).like(like_pattern(v)).escape('\\')),
                Op::NotLike => Box::new(lower($c).not_like(like_pattern(v)).escape('\\')),
                Op::Eq => Box::new($c.eq(v_cmp)),
                Op::Ne => Box::new($c.ne(v_cmp)),
                Op::Lt => Box::new($c.lt(v_cmp)),
                Op::Gt => Box::new($c.gt(v_cmp)),
                Op::Le => Box::new($c.le(v_cmp)),
                _ => Box::new($c.ge(v_cmp)),
            }
        };
    }
    match col {
        TextCol::Subject => cmp!(tickets::subject),
        TextCol::Status => cmp!(tickets::status),
        TextCol::Type => cmp!(tickets::ticket_type),
        TextCol::Language => cmp!(tickets::language),
    }
}

fn date_expr(col: DateCol, op: Op, v: Option<NaiveDateTime>) -> Expr {
    macro_rules! nullable {
        ($c:expr) => {
            match (op, v) {
                (_, None) => Box::new($c.is_null()),
                (Op::Eq, Some(d)) => Box::new($c.is_not_null().and($c.assume_not_null().eq(d))),
                (Op::Ne, Some(d)) => Box::new($c.is_null().or($c.assume_not_null().ne(d))),
                (Op::Lt, Some(d)) => Box::new($c.is_not_null().and($c.assume_not_null().lt(d))),
                (Op::Gt, Some(d)) => Box::new($c.is_not_null().and($c.assume_not_null().gt(d))),
                (Op::Le, Some(d)) => Box::new($c.is_not_null().and($c.assume_not_null().le(d))),
                (_, Some(d)) => Box::new($c.is_not_null().and($c.assume_not_null().ge(d))),
            }
        };
    }
    macro_rules! plain {
        ($c:expr) => {
            match (op, v) {
                (_, None) => Box::new(diesel::dsl::sql::<Bool>("1 = 0")),
                (Op::Eq, Some(d)) => Box::new($c.eq(d)),
                (Op::Ne, Some(d)) => Box::new($c.ne(d)),
                (Op::Lt, Some(d)) => Box::new($c.lt(d)),
                (Op::Gt, Some(d)) => Box::new($c.gt(d)),
                (Op::Le, Some(d)) => Box::new($c.le(d)),
                (_, Some(d)) => Box::new($c.ge(d)),
            }
        };
    }
    match col {
        DateCol::Created => plain!(tickets::created),
        DateCol::LastUpdated => plain!(tickets::last_updated),
        DateCol::Resolved => nullable!(tickets::resolved),
        DateCol::Due => nullable!(tickets::due),
        DateCol::Told => nullable!(tickets::told),
        DateCol::Starts => nullable!(tickets::starts),
        DateCol::Started => nullable!(tickets::started),
    }
}

fn to_expr(f: &Filter) -> Expr {
    match f {
        Filter::True => Box::new(sql::<Bool>("1 = 1")),
        Filter::False => Box::new(sql::<Bool>("1 = 0")),
        Filter::And(a, b) => Box::new(to_expr(a).and(to_expr(b))),
        Filter::Or(a, b) => Box::new(to_expr(a).or(to_expr(b))),
        Filter::Not(a) => Box::new(diesel::dsl::not(to_expr(a))),
        Filter::IntCol(c, op, v) => int_expr(*c, *op, *v),
        Filter::IdIn(IntCol::Queue, ids) => Box::new(tickets::queue_id.eq_any(ids.clone())),
        Filter::IdIn(_, ids) => Box::new(tickets::id.eq_any(ids.clone())),
        Filter::TextCol(c, op, v) => text_expr(*c, *op, v),
        Filter::DateCol(c, op, v) => date_expr(*c, *op, *v),
        // Subqueries are plain SQL with bound values: the same text runs on both backends,
        // and diesel's multi-backend cannot box nested selects.
        Filter::Watcher { roles, sub, op, value } => {
            let col = match sub {
                WatcherSub::Email => "lower(u.email_address)",
                WatcherSub::Name => "lower(u.name)",
                WatcherSub::RealName => "lower(u.real_name)",
            };
            let role_list = roles.iter().map(|r| format!("'{r}'")).collect::<Vec<_>>().join(", ");
            let head = format!(
                "tickets.id IN (SELECT w.ticket_id FROM ticket_watchers w JOIN users u ON u.id = w.user_id \
                 WHERE w.role IN ({role_list})"
            );
            if *op == Op::Like && value.is_empty() {
                Box::new(sql::<Bool>(&format!("{head})")))
            } else if *op == Op::Like {
                Box::new(
                    sql::<Bool>(&format!("{head} AND {col} LIKE "))
                        .bind::<Text, _>(like_pattern(value))
                        .sql(" ESCAPE '\\')"),
                )
            } else {
                Box::new(
                    sql::<Bool>(&format!("{head} AND {col} = "))
                        .bind::<Text, _>(value.to_lowercase())
                        .sql(")"),
                )
            }
        }
        Filter::Cf { cf, op, value } => {
            let head = format!(
                "SELECT v.object_id FROM object_custom_field_values v WHERE v.custom_field_id = {cf} \
                 AND v.object_type = 'RT::Ticket' AND v.disabled = {}",
                "false"
            );
            let cmp = match op {
                Op::Like => " AND lower(v.content) LIKE ",
                Op::Eq => " AND v.content = ",
                Op::Lt => " AND v.content < ",
                Op::Gt => " AND v.content > ",
                Op::Le => " AND v.content <= ",
                _ => " AND v.content >= ",
            };
            match (op, value) {
                (Op::Is, _) | (_, None) => Box::new(sql::<Bool>(&format!("tickets.id NOT IN ({head})"))),
                (Op::Like, Some(v)) => Box::new(
                    sql::<Bool>(&format!("tickets.id IN ({head}{cmp}"))
                        .bind::<Text, _>(like_pattern(v))
                        .sql(" ESCAPE '\\')"),
                ),
                (_, Some(v)) => Box::new(
                    sql::<Bool>(&format!("tickets.id IN ({head}{cmp}"))
                        .bind::<Text, _>(v.clone())
                        .sql(")"),
                ),
            }
        }
        Filter::Content(found) => {
            let inner = match found {
                ContentFilter::Sql(sub) => sub.clone(),
                ContentFilter::Tickets(ids) if ids.is_empty() => "SELECT -1".to_owned(),
                ContentFilter::Tickets(ids) => ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            };
            Box::new(sql::<Bool>(&format!(
                "tickets.id IN (SELECT tk.effective_id FROM tickets tk WHERE tk.id IN ({inner}))"
            )))
        }
        Filter::Link { stored, reverse, other } => {
            let (mine, theirs) = if *reverse { ("local_target", "local_base") } else { ("local_base", "local_target") };
            let other_cond = other.map(|o| format!(" AND l.{theirs} = {o}")).unwrap_or_default();
            Box::new(sql::<Bool>(&format!(
                "tickets.id IN (SELECT l.{mine} FROM links l WHERE l.link_type = '{stored}'{other_cond})"
            )))
        }
        Filter::OwnerIs(u) => Box::new(tickets::owner_id.eq(*u)),
        Filter::WatcherRoleIs(role, u) => Box::new(sql::<Bool>(&format!(
            "tickets.id IN (SELECT w.ticket_id FROM ticket_watchers w WHERE w.role = '{role}' AND w.user_id = {u})"
        ))),
    }
}

/// The rows a user may see, as a filter: queue grants, then role grants.
fn rights_filter(rights: &EffectiveRights, me: i64) -> Filter {
    let Some(queues) = rights.queues_with(Right::ShowTicket) else {
        return Filter::True;
    };
    let mut f = Filter::IdIn(IntCol::Queue, queues);
    for (queue, role) in rights.role_grants(Right::ShowTicket) {
        let holder = match role {
            Role::Owner => Filter::OwnerIs(me),
            Role::Requestor => Filter::WatcherRoleIs("Requestor", me),
            Role::Cc => Filter::WatcherRoleIs("Cc", me),
            Role::AdminCc => Filter::WatcherRoleIs("AdminCc", me),
        };
        let scoped = if queue == 0 {
            holder
        } else {
            Filter::And(
                Box::new(Filter::IntCol(IntCol::Queue, Op::Eq, queue)),
                Box::new(holder),
            )
        };
        f = Filter::Or(Box::new(f), Box::new(scoped));
    }
    f
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderBy {
    Id,
    Subject,
    Status,
    Created,
    LastUpdated,
    Priority,
    Due,
    Resolved,
    Told,
    Queue,
    Owner,
}

impl OrderBy {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "id" | "" => Self::Id,
            "subject" => Self::Subject,
            "status" => Self::Status,
            "created" => Self::Created,
            "lastupdated" => Self::LastUpdated,
            "priority" => Self::Priority,
            "due" => Self::Due,
            "resolved" => Self::Resolved,
            "told" => Self::Told,
            "queue" => Self::Queue,
            "owner" => Self::Owner,
            _ => return None,
        })
    }
}

/// How the configured full-text index answers `Content LIKE`.
#[derive(Debug, Clone)]
pub enum ContentFilter {
    /// A subquery over the database's own index selecting ticket ids; built only from
    /// digits and quoted alphanumeric words, never from raw user text.
    Sql(String),
    /// The tickets an external index (Sonic) returned.
    Tickets(Vec<i64>),
}

/// The part of `crate::search::SearchIndex` that TicketSQL needs.
pub trait ContentIndex {
    fn content_filter(&self, conn: &mut DbConn, text: &str) -> DomainResult<ContentFilter>;
}

pub struct SearchRequest<'a> {
    pub query: &'a str,
    pub order_by: OrderBy,
    pub descending: bool,
    pub offset: i64,
    pub limit: i64,
    pub count_total: bool,
}

/// Parses TicketSQL and returns a page of matching tickets the user may see, and the total.
pub fn search(
    conn: &mut DbConn,
    index: &dyn ContentIndex,
    rights: &EffectiveRights,
    me: i64,
    req: &SearchRequest<'_>,
) -> DomainResult<(Vec<TicketRow>, Option<i64>)> {
    let parsed = if req.query.trim().is_empty() {
        None
    } else {
        Some(ticketsql::parse(req.query).map_err(|e| DomainError::Invalid(e.message))?)
    };
    let user_filter = match &parsed {
        Some(q) => compile(conn, index, me, q)?,
        None => Filter::True,
    };
    let filter = Filter::And(Box::new(user_filter), Box::new(rights_filter(rights, me)));
    if matches!(conn, DbConn::Pg(_)) && uses_index_subquery(&filter) {
        // The planner does not price detoasting a tsvector: for a common word it scans or
        // probes `search_index` row by row (0.2-1 s at 20,000 tickets) where the GIN bitmap
        // answers in milliseconds. Force bitmap plans for the statements of this search.
        return conn.transaction(|c| -> DomainResult<_> {
            c.batch_execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")?;
            let out = run_search(c, &filter, req)?;
            c.batch_execute("SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on")?;
            Ok(out)
        });
    }
    run_search(conn, &filter, req)
}

/// Whether `f` holds a `Content` filter answered by a subquery over the database's index.
fn uses_index_subquery(f: &Filter) -> bool {
    match f {
        Filter::Content(ContentFilter::Sql(_)) => true,
        Filter::And(a, b) | Filter::Or(a, b) => uses_index_subquery(a) || uses_index_subquery(b),
        Filter::Not(a) => uses_index_subquery(a),
        _ => false,
    }
}

fn run_search(
    conn: &mut DbConn,
    filter: &Filter,
    req: &SearchRequest<'_>,
) -> DomainResult<(Vec<TicketRow>, Option<i64>)> {
    let base = || {
        tickets::table
            .filter(tickets::id.eq(tickets::effective_id))
            .filter(to_expr(filter))
            .into_boxed()
    };
    let total = if req.count_total {
        Some(base().count().get_result::<i64>(conn)?)
    } else {
        None
    };
    let mut q = base();
    macro_rules! order {
        ($c:expr) => {
            if req.descending {
                q.order(($c.desc(), tickets::id.desc()))
            } else {
                q.order(($c.asc(), tickets::id.asc()))
            }
        };
    }
    q = match req.order_by {
        OrderBy::Id => {
            if req.descending {
                q.order(tickets::id.desc())
            } else {
                q.order(tickets::id.asc())
            }
        }
        OrderBy::Subject => order!(tickets::subject),
        OrderBy::Status => order!(tickets::status),
        OrderBy::Created => order!(tickets::created),
        OrderBy::LastUpdated => order!(tickets::last_updated),
        OrderBy::Priority => order!(tickets::priority),
        OrderBy::Due => order!(tickets::due),
        OrderBy::Resolved => order!(tickets::resolved),
        OrderBy::Told => order!(tickets::told),
        OrderBy::Queue => order!(tickets::queue_id),
        OrderBy::Owner => order!(tickets::owner_id),
    };
    let rows = q
        .offset(req.offset)
        .limit(req.limit)
        .select(TicketRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Metadata filters of the full-text search endpoint.
#[derive(Debug, Clone, Default)]
pub struct HitFilters {
    pub queue: Option<i64>,
    /// Empty: every status but `deleted`.
    pub statuses: Vec<String>,
    /// ISO 639-1 code, matched against the ticket's language (see [`LANGUAGE_SQL`]).
    pub language: Option<String>,
    pub created_from: Option<NaiveDateTime>,
    pub created_to: Option<NaiveDateTime>,
    /// Tails versions of the ticket's WhisperBack reports; any of them matches.
    pub tails_versions: Vec<String>,
    /// Hardware ids (PCI/USB `vendor:device`, laptop model key) of the ticket's WhisperBack
    /// reports, compared case-insensitively; any of them matches.
    pub hardware: Vec<String>,
}

/// A ticket's language: the one found in its mail on arrival (`tickets.language`), else its
/// WhisperBack report's, else its queue's. SQL over the `tickets` row in scope.
pub const LANGUAGE_SQL: &str = "(CASE WHEN tickets.language <> '' THEN tickets.language ELSE \
     COALESCE((SELECT MIN(w.language) FROM wb_reports w WHERE w.ticket_id = tickets.id AND w.language <> ''), \
     (SELECT q.language FROM queues q WHERE q.id = tickets.queue_id), '') END)";

#[derive(QueryableByName)]
struct IdLanguage {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    language: String,
}

/// [`LANGUAGE_SQL`] for each of `ids` (absent ids are left out).
pub fn languages(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    // Ids are integers: listing them in the SQL text is safe.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows: Vec<IdLanguage> = diesel::sql_query(format!(
        "SELECT tickets.id AS id, {LANGUAGE_SQL} AS language FROM tickets WHERE tickets.id IN ({list})"
    ))
    .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.id, r.language)).collect())
}

/// Effective ids of the tickets (merged ones included) whose WhisperBack reports match.
fn whisperback_tickets(
    conn: &mut DbConn,
    f: &HitFilters,
) -> QueryResult<Option<std::collections::HashSet<i64>>> {
    use super::schema::{wb_report_devices, wb_reports};
    use std::collections::HashSet;
    // Sets, not lists: a common Tails version can match tens of thousands of tickets.
    let mut out: Option<HashSet<i64>> = None;
    let mut narrow = |ids: Vec<i64>| {
        let ids: HashSet<i64> = ids.into_iter().collect();
        out = Some(match out.take() {
            None => ids,
            Some(prev) => prev.intersection(&ids).copied().collect(),
        });
    };
    if !f.tails_versions.is_empty() {
        narrow(
            wb_reports::table
                .inner_join(tickets::table)
                .filter(wb_reports::tails_version.eq_any(f.tails_versions.clone()))
                .select(tickets::effective_id)
                .distinct()
                .load(conn)?,
        );
    }
    if !f.hardware.is_empty() {
        let keys: Vec<String> = f.hardware.iter().map(|k| k.to_lowercase()).collect();
        narrow(
            wb_report_devices::table
                .inner_join(tickets::table.on(tickets::id.eq(wb_report_devices::ticket_id)))
                .filter(lower(wb_report_devices::device_key).eq_any(keys))
                .select(tickets::effective_id)
                .distinct()
                .load(conn)?,
        );
    }
    Ok(out)
}

/// The tickets among `ids` (effective ids) that the user may see and the filters keep.
pub fn visible_among(
    conn: &mut DbConn,
    rights: &EffectiveRights,
    me: i64,
    ids: &[i64],
    f: &HitFilters,
) -> DomainResult<Vec<i64>> {
    let ids: Vec<i64> = match whisperback_tickets(conn, f)? {
        Some(wb) => ids.iter().copied().filter(|i| wb.contains(i)).collect(),
        None => ids.to_vec(),
    };
    let rights = rights_filter(rights, me);
    let mut q = tickets::table
        .filter(tickets::id.eq(tickets::effective_id))
        .filter(tickets::id.eq_any(ids))
        .filter(to_expr(&rights))
        .into_boxed();
    if let Some(queue) = f.queue {
        q = q.filter(tickets::queue_id.eq(queue));
    }
    if let Some(l) = &f.language {
        q = q.filter(sql::<Bool>(&format!("{LANGUAGE_SQL} = ")).bind::<Text, _>(l.clone()));
    }
    if f.statuses.is_empty() {
        q = q.filter(tickets::status.ne("deleted"));
    } else {
        q = q.filter(tickets::status.eq_any(f.statuses.clone()));
    }
    if let Some(from) = f.created_from {
        q = q.filter(tickets::created.ge(from));
    }
    if let Some(to) = f.created_to {
        q = q.filter(tickets::created.le(to));
    }
    Ok(q.select(tickets::id).load(conn)?)
}
