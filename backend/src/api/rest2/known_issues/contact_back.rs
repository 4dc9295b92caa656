//! `POST /REST/2.0/known-issue/{id}/contact-back/preview` and `…/contact-back`: reply to the
//! requestor of every linked ticket with a template answer in the ticket's language.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::{post, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb_contact::{
    ContactBackLanguage, ContactBackReply, ContactBackRequest, ContactBackResponse, ContactBackSkip,
};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::app::answers::render::ticket_values;
use crate::api::rest2::common::{self, ctx, State};
use crate::api::AppState;
use crate::domain::answers::fill;
use crate::domain::contact_back::{self as rules, Skip};
use crate::domain::mime;
use crate::domain::rights::Right;
use crate::store::answers::{self, AnswerRow};
use crate::store::known_issue_replies::{self as replies, NewReply};
use crate::store::known_issues::{self as ki, LinkFilter};
use crate::store::rows::TicketRow;
use crate::store::tickets::{self, MessageInput, MessageKind};
use crate::store::DbConn;

/// One reply to send.
struct Planned {
    ticket: TicketRow,
    ticket_language: String,
    language: String,
    answer: i64,
}

struct Plan {
    answers: BTreeMap<i64, AnswerRow>,
    replies: Vec<Planned>,
    skipped: Vec<ContactBackSkip>,
}

/// Which linked tickets get which answer. Only tickets in queues where the caller may reply
/// are considered; merged tickets count as the ticket they were merged into.
fn plan(
    conn: &mut DbConn,
    me: &CurrentUser,
    issue: i64,
    req: &ContactBackRequest,
) -> ApiResult<Plan> {
    let row = ki::get(conn, issue)?.ok_or(ApiError::NotFound)?;
    if row.status != "fixed" {
        return Err(ApiError::Conflict(format!(
            "Known issue {issue} is '{}': mark it fixed before contacting users back",
            row.status
        )));
    }
    let default_language = rules::language(req.default_language.as_deref().unwrap_or("en"))?;
    let mut by_id = BTreeMap::new();
    for id in &req.answers {
        let a = answers::by_id(conn, *id)?
            .ok_or_else(|| ApiError::BadRequest(format!("No template answer {id}")))?;
        by_id.insert(*id, a);
    }
    let langs: Vec<(i64, String)> = by_id.values().map(|a| (a.id, a.language.clone())).collect();
    let by_lang = rules::by_language(&langs)?;
    let filter = LinkFilter {
        issues: Some(vec![issue]),
        visible_queues: me.rights.queues_with(Right::ReplyToTicket),
        ..LinkFilter::default()
    };
    let mut languages: BTreeMap<i64, String> = BTreeMap::new();
    for f in ki::link_facts(conn, &filter)? {
        languages.entry(f.ticket).or_insert(f.language);
    }
    let ids: Vec<i64> = languages.keys().copied().collect();
    let requestors = ki::requestors_of(conn, &ids)?;
    let contacted: BTreeSet<i64> = replies::contacted(conn, issue)?.into_iter().collect();
    let mut out = Plan {
        answers: by_id,
        replies: Vec::new(),
        skipped: Vec::new(),
    };
    for (ticket, ticket_language) in languages {
        let choice = rules::choose(&by_lang, &ticket_language, &default_language);
        let skip = if contacted.contains(&ticket) {
            Some(Skip::AlreadyContacted)
        } else if requestors.get(&ticket).is_none_or(Vec::is_empty) {
            Some(Skip::NoRequestor)
        } else if choice.is_none() {
            Some(Skip::NoAnswerForLanguage)
        } else {
            None
        };
        let (Some((language, answer)), None) = (choice, skip) else {
            out.skipped.push(ContactBackSkip {
                ticket,
                reason: skip.map_or("", Skip::as_str).to_owned(),
            });
            continue;
        };
        let Some(t) = tickets::raw(conn, ticket)? else {
            continue;
        };
        out.replies.push(Planned {
            ticket: t,
            ticket_language,
            language,
            answer,
        });
    }
    Ok(out)
}

/// The answer filled in for one ticket.
fn render(
    conn: &mut DbConn,
    me: &CurrentUser,
    plan: &Plan,
    p: &Planned,
) -> ApiResult<(String, Vec<String>)> {
    let answer = plan
        .answers
        .get(&p.answer)
        .ok_or_else(|| ApiError::Internal(format!("answer {} left the plan", p.answer)))?;
    let values = ticket_values(conn, &p.ticket, &me.user)?;
    Ok(fill(&answer.body, &values))
}

/// Per language: its tickets and the text rendered for the first of them.
fn languages(
    conn: &mut DbConn,
    me: &CurrentUser,
    plan: &Plan,
) -> ApiResult<Vec<ContactBackLanguage>> {
    let mut out: Vec<ContactBackLanguage> = Vec::new();
    for p in &plan.replies {
        if let Some(l) = out.iter_mut().find(|l| l.language == p.language) {
            l.tickets.push(p.ticket.id);
            continue;
        }
        let (text, unknown_variables) = render(conn, me, plan, p)?;
        out.push(ContactBackLanguage {
            language: p.language.clone(),
            answer: p.answer,
            answer_title: plan
                .answers
                .get(&p.answer)
                .map(|a| a.title.clone())
                .unwrap_or_default(),
            tickets: vec![p.ticket.id],
            sample_ticket: p.ticket.id,
            text,
            unknown_variables,
        });
    }
    out.sort_by(|a, b| a.language.cmp(&b.language));
    Ok(out)
}

fn response(
    issue: i64,
    dry_run: bool,
    plan: &Plan,
    languages: Vec<ContactBackLanguage>,
    transactions: &BTreeMap<i64, i64>,
) -> ContactBackResponse {
    ContactBackResponse {
        known_issue: issue,
        dry_run,
        count: i64::try_from(plan.replies.len()).unwrap_or(i64::MAX),
        languages,
        replies: plan
            .replies
            .iter()
            .map(|p| ContactBackReply {
                ticket: p.ticket.id,
                ticket_language: p.ticket_language.clone(),
                language: p.language.clone(),
                answer: p.answer,
                transaction: transactions.get(&p.ticket.id).copied(),
            })
            .collect(),
        skipped: plan.skipped.clone(),
    }
}

/// Dry run of the contact-back action: how many replies would go out, to which tickets, in
/// which languages, with each language's text rendered for its first ticket. Sends nothing.
/// The issue must be marked fixed (409 otherwise).
#[utoipa::path(
    post, path = "/REST/2.0/known-issue/{id}/contact-back/preview", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id")),
    request_body = ContactBackRequest,
    responses((status = 200, body = ContactBackResponse), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody))
)]
#[post("/known-issue/{id}/contact-back/preview")]
pub async fn preview_contact_back(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<ContactBackRequest>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let id = common::path_id(&path)?;
    let req = body.into_inner();
    let v = state
        .store
        .read(move |conn| -> ApiResult<ContactBackResponse> {
            let plan = plan(conn, &me, id, &req)?;
            let langs = languages(conn, &me, &plan)?;
            Ok(response(id, true, &plan, langs, &BTreeMap::new()))
        })
        .await?;
    Ok(common::ok(&v))
}

/// Replies to the requestor of every linked ticket not yet contacted for this issue, through
/// the normal correspondence path (signed, encrypted to known keys, held when the ticket came
/// in encrypted and no key is known), each recorded on its ticket. `expected_count` must equal
/// the preview's `count`. Running it again replies to no ticket twice.
#[utoipa::path(
    post, path = "/REST/2.0/known-issue/{id}/contact-back", tag = "known-issues",
    params(("id" = i64, Path, description = "Known issue id")),
    request_body = ContactBackRequest,
    responses((status = 200, body = ContactBackResponse), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 409, description = "Not fixed, or the count differs from expected_count", body = ErrorBody))
)]
#[post("/known-issue/{id}/contact-back")]
pub async fn contact_back(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
    body: web::Json<ContactBackRequest>,
) -> ApiResult<HttpResponse> {
    super::require_privileged(&me)?;
    let id = common::path_id(&path)?;
    let req = body.into_inner();
    let expected = req.expected_count.ok_or_else(|| {
        ApiError::BadRequest(
            "expected_count is required: preview first and pass the count it returned".into(),
        )
    })?;
    let st = state.clone();
    let v = state
        .store
        .write(move |conn| -> ApiResult<ContactBackResponse> {
            send(conn, &st, &me, id, &req, expected)
        })
        .await?;
    tracing::info!(known_issue = id, replies = v.count, "contacted users back");
    Ok(common::ok(&v))
}

fn send(
    conn: &mut DbConn,
    st: &AppState,
    me: &CurrentUser,
    id: i64,
    req: &ContactBackRequest,
    expected: i64,
) -> ApiResult<ContactBackResponse> {
    let plan = plan(conn, me, id, req)?;
    let count = i64::try_from(plan.replies.len()).unwrap_or(i64::MAX);
    if count != expected {
        return Err(ApiError::Conflict(format!(
            "{count} replies are due, not {expected}: preview again"
        )));
    }
    let langs = languages(conn, me, &plan)?;
    let now = st.clock.now();
    let c = ctx(st, me, now);
    let mut transactions = BTreeMap::new();
    for p in &plan.replies {
        let (text, _) = render(conn, me, &plan, p)?;
        let input = MessageInput {
            content: mime::message_tree("", Some(&text), "text/plain", &[]),
            status: req.status.clone(),
            ..MessageInput::default()
        };
        tickets::add_message(conn, &c, p.ticket.id, MessageKind::Correspond, &input)?;
        let txn = replies::last_transaction(conn, p.ticket.id, "Correspond")?
            .ok_or_else(|| ApiError::Internal("reply not recorded".into()))?;
        answers::count_use(conn, p.answer)?;
        replies::record(
            conn,
            &NewReply {
                known_issue_id: id,
                ticket_id: p.ticket.id,
                transaction_id: txn,
                language: p.language.clone(),
                answer_id: p.answer,
                creator: me.id(),
                created: now,
            },
        )?;
        transactions.insert(p.ticket.id, txn);
    }
    Ok(response(id, false, &plan, langs, &transactions))
}
