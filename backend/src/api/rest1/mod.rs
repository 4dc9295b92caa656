//! RT REST 1.0, the text protocol of python-rt's `rt.rest1` and of RT's `rt` command line tool.
//!
//! Every answer is HTTP 200 with `RT/<version> <code> <reason>`, a blank line and a payload;
//! one catch-all route reads the parameters, authenticates (form login on any path, the
//! `RT_SID_*` cookie, or Basic) and dispatches on the path.

pub mod admin;
pub mod framing;
pub mod history;
pub mod links;
pub mod search;
pub mod session;
pub mod tickets;

use actix_web::{web, HttpRequest, HttpResponse};

use self::framing::{Form, Reply};
use self::session::{Authed, Params};
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("", web::route().to(handle))
        .route("/{tail:.*}", web::route().to(handle));
}

/// What one request asks for, decided before touching the database.
enum Op {
    Root,
    Logout,
    NewForm,
    Create(Form),
    Show(i64, Option<String>),
    Edit(i64, Form),
    Comment(i64, Form),
    Take(i64, Form),
    Merge(i64, String),
    History(i64, bool),
    Transaction(i64, i64),
    Attachments(i64),
    Attachment(i64, i64),
    AttachmentContent(i64, i64),
    LinksShow(i64),
    LinksEdit(i64, Form),
    Link {
        id: String,
        rel: String,
        to: String,
        del: bool,
    },
    Search {
        query: String,
        orderby: Option<String>,
        format: Option<String>,
        fields: Option<String>,
    },
    User(String),
    Queue(String),
    EditUser(String, Form),
    EditQueue(String, Form),
    /// Several operations whose payloads are joined (`show`/`edit` with several objects).
    Many(Vec<Op>),
    Fail(Reply),
}

fn invalid_object(spec: &str) -> Reply {
    Reply::new(
        400,
        "Bad Request",
        format!("# Invalid object specification: '{spec}'\n\nid: {spec}\n"),
    )
}

/// The one form in `content`; a garbage block is RT's syntax error.
fn one_form(params: &Params) -> Result<Form, Reply> {
    let text = params.get("content").unwrap_or("");
    let forms = framing::parse_forms(text).map_err(|e| Reply::syntax_error(&e))?;
    Ok(forms.into_iter().next().unwrap_or_default())
}

fn ticket_id(raw: &str) -> Result<i64, Reply> {
    tickets::parse_id(raw)
}

/// Maps an object path (`ticket/5/history`, `user/root` …) to an operation.
fn route(segs: &[&str], params: &Params, long: bool) -> Op {
    let fields = params.get("fields").map(str::to_owned);
    let form = || one_form(params);
    let with_id = |raw: &str, f: &dyn Fn(i64) -> Op| match ticket_id(raw) {
        Ok(id) => f(id),
        Err(r) => Op::Fail(r),
    };
    match segs {
        [] | [""] | ["index.html"] => Op::Root,
        ["logout"] => Op::Logout,
        ["ticket", "new"] => match params.get("content") {
            Some(_) => match form() {
                Ok(f) => Op::Create(f),
                Err(r) => Op::Fail(r),
            },
            None => Op::NewForm,
        },
        ["edit"] | ["ticket", "edit"] => {
            let text = params.get("content").unwrap_or("");
            let forms = match framing::parse_forms(text) {
                Ok(f) => f,
                Err(e) => return Op::Fail(Reply::syntax_error(&e)),
            };
            if forms.is_empty() {
                return Op::Fail(Reply::syntax_error("No content."));
            }
            Op::Many(forms.into_iter().map(edit_op).collect())
        }
        ["ticket", "link"] => Op::Link {
            id: params.get("id").unwrap_or("").to_owned(),
            rel: params.get("rel").unwrap_or("").to_owned(),
            to: params.get("to").unwrap_or("").to_owned(),
            del: params.get("del").is_some_and(|d| d.trim() == "1"),
        },
        ["ticket", id] | ["ticket", id, "show"] => with_id(id, &|n| Op::Show(n, fields.clone())),
        ["ticket", id, "edit"] => match form() {
            Ok(f) => with_id(id, &|n| Op::Edit(n, f.clone())),
            Err(r) => Op::Fail(r),
        },
        ["ticket", id, "comment"] => match form() {
            Ok(f) => with_id(id, &|n| Op::Comment(n, f.clone())),
            Err(r) => Op::Fail(r),
        },
        ["ticket", id, "take"] => match form() {
            Ok(f) => with_id(id, &|n| Op::Take(n, f.clone())),
            Err(r) => Op::Fail(r),
        },
        ["ticket", id, "merge", into] => with_id(id, &|n| Op::Merge(n, (*into).to_owned())),
        ["ticket", id, "history"] => with_id(id, &|n| Op::History(n, long)),
        ["ticket", id, "history", "id", txn] => match txn.trim().parse::<i64>() {
            Ok(t) => with_id(id, &|n| Op::Transaction(n, t)),
            Err(_) => with_id(id, &|n| {
                Op::Fail(Reply::ok(format!(
                    "# Transaction {txn} is not related to Ticket {n}\n"
                )))
            }),
        },
        ["ticket", id, "attachments"] => with_id(id, &Op::Attachments),
        ["ticket", id, "attachments", att] | ["ticket", id, "attachments", att, ""] => {
            match att.trim().parse::<i64>() {
                Ok(a) => with_id(id, &|n| Op::Attachment(n, a)),
                Err(_) => Op::Fail(Reply::ok(format!("# Invalid attachment id: {att}\n"))),
            }
        }
        ["ticket", id, "attachments", att, "content"] => match att.trim().parse::<i64>() {
            Ok(a) => with_id(id, &|n| Op::AttachmentContent(n, a)),
            Err(_) => Op::Fail(Reply::ok(format!("# Invalid attachment id: {att}\n"))),
        },
        ["ticket", id, "links", "show"] => with_id(id, &Op::LinksShow),
        ["ticket", id, "links"] => match params.get("content") {
            Some(_) => match form() {
                Ok(f) => with_id(id, &|n| Op::LinksEdit(n, f.clone())),
                Err(r) => Op::Fail(r),
            },
            None => with_id(id, &Op::LinksShow),
        },
        ["search", "ticket"] => Op::Search {
            query: params.get("query").unwrap_or("").to_owned(),
            orderby: params.get("orderby").map(str::to_owned),
            format: params.get("format").map(str::to_owned),
            fields,
        },
        ["user", key] | ["user", key, "show"] if !key.is_empty() => Op::User((*key).to_owned()),
        ["queue", key] | ["queue", key, "show"] if !key.is_empty() => Op::Queue((*key).to_owned()),
        ["show"] => {
            let ids = params.all("id");
            if ids.is_empty() {
                return Op::Fail(Reply::bad_request("No objects specified."));
            }
            let long = params.get("format").is_none_or(|f| f == "l");
            Op::Many(
                ids.iter()
                    .map(|spec| {
                        let s: Vec<&str> = spec.trim().trim_matches('/').split('/').collect();
                        match s.as_slice() {
                            ["ticket", ..] | ["user", _] | ["queue", _] => route(&s, params, long),
                            _ => Op::Fail(invalid_object(spec)),
                        }
                    })
                    .collect(),
            )
        }
        _ => Op::Fail(invalid_object(&segs.join("/"))),
    }
}

/// One form sent to `edit`, by its `id: type/<n|new>`.
fn edit_op(form: Form) -> Op {
    let id = framing::get(&form, "id").unwrap_or("").trim().to_owned();
    let parts: Vec<&str> = id.splitn(2, '/').collect();
    match parts.as_slice() {
        ["ticket", "new"] => Op::Create(form),
        ["ticket", n] => match ticket_id(n) {
            Ok(n) => Op::Edit(n, form),
            Err(r) => Op::Fail(r),
        },
        ["user", n] if !n.is_empty() => Op::EditUser((*n).to_owned(), form),
        ["queue", n] if !n.is_empty() => Op::EditQueue((*n).to_owned(), form),
        _ => Op::Fail(Reply::syntax_error(&format!(
            "Invalid object specification: '{id}'"
        ))),
    }
}

fn is_write(op: &Op) -> bool {
    match op {
        Op::Create(_)
        | Op::Edit(..)
        | Op::Comment(..)
        | Op::Take(..)
        | Op::Merge(..)
        | Op::LinksEdit(..)
        | Op::Link { .. }
        | Op::EditUser(..)
        | Op::EditQueue(..) => true,
        Op::Many(ops) => ops.iter().any(is_write),
        _ => false,
    }
}

/// Runs one operation; the second value is a content type for raw attachment content.
fn run(
    conn: &mut crate::store::DbConn,
    st: &AppState,
    me: &CurrentUser,
    op: Op,
    uploads: &[(String, crate::domain::mime::FileInput)],
) -> ApiResult<(Reply, Option<String>)> {
    let r = match op {
        Op::Root => Reply::ok("# Invalid object specification: 'index.html'\n\nid: index.html\n"),
        Op::Logout => Reply::ok(""),
        Op::NewForm => tickets::new_form(me, st),
        Op::Create(f) => tickets::create(conn, st, me, &f, uploads)?,
        Op::Show(id, fields) => tickets::show(conn, st, me, id, fields.as_deref())?,
        Op::Edit(id, f) => tickets::edit(conn, st, me, id, &f)?,
        Op::Comment(id, f) => tickets::comment(conn, st, me, id, &f, uploads)?,
        Op::Take(id, f) => tickets::take(conn, st, me, id, &f)?,
        Op::Merge(id, into) => tickets::merge(conn, st, me, id, &into)?,
        Op::History(id, long) => history::history(conn, st, me, id, long)?,
        Op::Transaction(id, txn) => history::transaction(conn, st, me, id, txn)?,
        Op::Attachments(id) => history::list(conn, st, me, id)?,
        Op::Attachment(id, att) => history::show(conn, st, me, id, att)?,
        Op::AttachmentContent(id, att) => return history::content(conn, st, me, id, att),
        Op::LinksShow(id) => links::show(conn, st, me, id)?,
        Op::LinksEdit(id, f) => links::edit_all(conn, st, me, id, &f)?,
        Op::Link { id, rel, to, del } => links::edit_one(conn, st, me, &id, &rel, &to, del)?,
        Op::Search {
            query,
            orderby,
            format,
            fields,
        } => search::tickets(
            conn,
            st,
            me,
            &query,
            orderby.as_deref(),
            format.as_deref(),
            fields.as_deref(),
        )?,
        Op::User(key) => admin::show_user(conn, me, &key)?,
        Op::Queue(key) => admin::show_queue(conn, me, &key)?,
        Op::EditUser(key, f) => admin::edit_user(conn, st, me, &key, &f)?,
        Op::EditQueue(key, f) => admin::edit_queue(conn, st, me, &key, &f)?,
        Op::Fail(r) => r,
        Op::Many(ops) => {
            let n = ops.len();
            let mut replies = Vec::with_capacity(n);
            for op in ops {
                let (r, ct) = run(conn, st, me, op, uploads)?;
                if n == 1 {
                    return Ok((r, ct));
                }
                replies.push(r);
            }
            // The first refusal decides the status line, as RT reports the worst result first.
            let code = replies
                .iter()
                .find(|r| r.code != 200)
                .map(|r| (r.code, r.reason))
                .unwrap_or((200, "Ok"));
            let body: Vec<String> = replies
                .iter()
                .map(|r| {
                    String::from_utf8_lossy(&r.body)
                        .trim_end_matches('\n')
                        .to_owned()
                })
                .collect();
            Reply {
                code: code.0,
                reason: code.1,
                body: format!("{}\n", body.join("\n--\n\n")).into_bytes(),
            }
        }
    };
    Ok((r, None))
}

/// Why a write transaction was rolled back.
enum Abort {
    Refused(Reply),
    Failed(ApiError),
}

impl From<crate::store::StoreError> for Abort {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Failed(e.into())
    }
}

impl From<diesel::result::Error> for Abort {
    fn from(e: diesel::result::Error) -> Self {
        Self::Failed(e.into())
    }
}

async fn handle(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let params = match session::read_params(&req, payload, &state).await {
        Ok(p) => p,
        Err(e) => return Reply::from(e).into_response(),
    };
    let path = req.match_info().get("tail").unwrap_or("").to_owned();
    // PostgreSQL text cannot hold NUL; no RT field can either, so refuse it up front.
    if path.contains('\0')
        || params
            .pairs
            .iter()
            .any(|(k, v)| k.contains('\0') || v.contains('\0'))
    {
        return Reply::bad_request("Invalid input: NUL character").into_response();
    }
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let op = route(&segs, &params, params.get("format") == Some("l"));
    if let Op::Logout = op {
        return HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .cookie(session::removal(&state, &req))
            .body(Reply::ok("").bytes());
    }
    let Authed { me, set_cookie } = match session::authenticate(&state, &req, &params).await {
        Ok(a) => a,
        Err(r) => return r.into_response(),
    };
    let st = state.clone();
    let uploads = params.files;
    let result = if is_write(&op) {
        // A refused change must leave nothing behind, so any non-200 answer rolls back.
        match state
            .store
            .write(move |conn| match run(conn, &st, &me, op, &uploads) {
                Ok((r, ct)) if r.code == 200 => Ok((r, ct)),
                Ok((r, _)) => Err(Abort::Refused(r)),
                Err(e) => Err(Abort::Failed(e)),
            })
            .await
        {
            Ok(x) => Ok(x),
            Err(Abort::Refused(r)) => Ok((r, None)),
            Err(Abort::Failed(e)) => Err(e),
        }
    } else {
        state
            .store
            .read(move |conn| run(conn, &st, &me, op, &uploads))
            .await
    };
    let (reply, ctype) = match result {
        Ok(x) => x,
        Err(e) => (Reply::from(e), None),
    };
    let mut resp = HttpResponse::Ok();
    match ctype {
        Some(ct) if ct.starts_with("text/") => {
            resp.content_type(format!("{ct}; charset=utf-8"));
        }
        Some(ct) if !ct.is_empty() => {
            resp.content_type(ct);
        }
        _ => {
            resp.content_type("text/plain; charset=utf-8");
        }
    }
    if let Some(c) = set_cookie {
        resp.cookie(c);
    }
    resp.body(reply.bytes())
}
