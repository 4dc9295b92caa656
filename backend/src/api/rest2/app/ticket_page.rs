//! `GET /hushdesk/ticket/{id}`: everything the ticket page shows, in one call.

use std::collections::HashMap;

use actix_web::{get, web, HttpResponse};
use hushdesk_api::app::{
    AttachmentMeta as ApiAttachment, HistoryEntry, LinkEntry, OpenPgpStatus, RequesterDetails,
    TicketPage,
};
use hushdesk_api::rest2::{CustomFieldValues, ErrorBody};

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::ApiResult;
use crate::api::rest2::common::{self, ctx, State};
use crate::api::rest2::render::Lookup;
use crate::domain::rights::Right;
use crate::domain::txn;
use crate::store::{
    app_views, attachments, custom_fields, links, queues, tickets, transactions, DbConn,
};

/// At most this many history entries (a ticket with more is a runaway mail loop).
const MAX_HISTORY: i64 = 2000;

/// HTML mail made safe to show: ammonia's allow-list, links opened without referrer,
/// no remote images (they would tell the sender the message was read).
pub fn sanitize_html(html: &str) -> String {
    ammonia::Builder::default()
        .rm_tags(["img"])
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// The text of (sanitized) HTML, for previews and plain-text readers.
pub fn html_text(html: &str) -> String {
    ammonia::Builder::empty()
        .clean(html)
        .to_string()
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn may_see(kind: &str, comments: bool, outgoing: bool) -> bool {
    match kind {
        "Comment" | "CommentEmailRecord" => comments,
        "EmailRecord" => outgoing,
        _ => true,
    }
}

/// The ticket with requestors, watchers, links, merges, custom fields, its full history
/// (text, sanitized HTML, attachment metadata; `openpgp` reserved) and what the caller may do.
#[utoipa::path(get, path = "/REST/2.0/hushdesk/ticket/{id}", tag = "app",
    params(("id" = i64, Path, description = "Ticket id (a merged ticket's id gives the survivor)")),
    responses((status = 200, body = TicketPage), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/hushdesk/ticket/{id}")]
pub async fn get_ticket_page(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let st = state.clone();
    let page = state
        .store
        .read(move |conn| -> ApiResult<TicketPage> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let t = tickets::visible(conn, &c, id)?;
            let qs: Vec<_> = queues::by_id(conn, t.queue_id)?.into_iter().collect();
            let summary = shared::summaries(conn, std::slice::from_ref(&t), &qs, now)?
                .pop()
                .ok_or(crate::api::error::ApiError::NotFound)?;

            let watchers = tickets::watchers(conn, t.id)?;
            let mut ids: Vec<i64> = watchers.iter().map(|w| w.1).collect();
            let (history, total) = transactions::for_ticket(conn, t.id, 0, MAX_HISTORY)?;
            let _ = total;
            ids.extend(history.iter().map(|h| h.creator));
            ids.sort_unstable();
            ids.dedup();
            let people = app_views::users_by_ids(conn, &ids)?;
            let requestor_ids: Vec<i64> = watchers
                .iter()
                .filter(|w| w.0 == "Requestor")
                .map(|w| w.1)
                .collect();
            let counts = app_views::requested_counts(conn, &requestor_ids)?;
            let mut requestors = Vec::new();
            let mut cc = Vec::new();
            let mut admin_cc = Vec::new();
            for (role, uid) in &watchers {
                let Some(u) = people.get(uid) else { continue };
                match role.as_str() {
                    "Requestor" => requestors.push(RequesterDetails {
                        person: shared::person(u),
                        organization: u.organization.clone(),
                        lang: u.lang.clone(),
                        other_tickets: (counts.get(uid).copied().unwrap_or(1) - 1).max(0),
                    }),
                    "Cc" => cc.push(shared::person(u)),
                    _ => admin_cc.push(shared::person(u)),
                }
            }

            let me_uri = tickets::uri(&st.config.organization, t.id);
            let mut link_list = Vec::new();
            for l in links::touching(conn, &me_uri)? {
                if l.link_type == "MergedInto" {
                    continue;
                }
                let reverse = l.target == me_uri;
                let other = if reverse { &l.base } else { &l.target };
                let local = txn::local_ticket_id(other);
                let other_t = match local {
                    Some(oid) => tickets::load(conn, oid)?,
                    None => None,
                };
                link_list.push(LinkEntry {
                    kind: links::view_name(&l.link_type, reverse).replace("HasMember", "Members"),
                    ticket: local,
                    uri: other.clone(),
                    subject: other_t.as_ref().map(|o| o.subject.clone()),
                    status: other_t.map(|o| o.status),
                });
            }
            let merged: Vec<i64> = transactions::merged_ids(conn, t.id)?
                .into_iter()
                .filter(|m| *m != t.id)
                .collect();

            let values = custom_fields::ticket_values(conn, t.id)?;
            let custom = if tickets::can(conn, &c, &t, Right::SeeCustomField)? {
                custom_fields::for_queue(conn, t.queue_id)?
                    .into_iter()
                    .map(|cf| CustomFieldValues {
                        id: cf.id.to_string(),
                        _url: st.url(&format!("customfield/{}", cf.id)),
                        kind: "customfield".into(),
                        values: values.get(&cf.id).cloned().unwrap_or_default(),
                        name: cf.name,
                    })
                    .collect()
            } else {
                vec![]
            };

            let comments = tickets::can(conn, &c, &t, Right::ShowTicketComments)?;
            let outgoing = tickets::can(conn, &c, &t, Right::ShowOutgoingEmail)?;
            let history: Vec<_> = history
                .into_iter()
                .filter(|h| may_see(&h.txn_type, comments, outgoing))
                .collect();
            let txn_ids: Vec<i64> = history.iter().map(|h| h.id).collect();
            let mut files: HashMap<i64, Vec<ApiAttachment>> = HashMap::new();
            for a in attachments::for_transactions(conn, &txn_ids)? {
                if a.filename.is_empty() {
                    continue;
                }
                files
                    .entry(a.transaction_id)
                    .or_default()
                    .push(ApiAttachment {
                        id: a.id,
                        download_url: format!("/REST/2.0/hushdesk/attachment/{}/content", a.id),
                        filename: a.filename,
                        content_type: a.content_type,
                        size: a.content_length,
                    });
            }
            let mut texts: HashMap<i64, String> = HashMap::new();
            let mut htmls: HashMap<i64, String> = HashMap::new();
            for (_, txn_id, ct, content) in app_views::body_parts(conn, &txn_ids)? {
                let s = String::from_utf8_lossy(&content.unwrap_or_default()).into_owned();
                if ct == "text/plain" {
                    texts.entry(txn_id).or_insert(s);
                } else {
                    htmls.entry(txn_id).or_insert(s);
                }
            }
            let mut pgp = openpgp_statuses(conn, t.id, &txn_ids)?;
            let mut lk = Lookup::new(conn);
            let mut entries = Vec::with_capacity(history.len());
            for h in &history {
                let description = lk.describe(h)?;
                let html = htmls.remove(&h.id).map(|s| sanitize_html(&s));
                let text = texts
                    .remove(&h.id)
                    .or_else(|| html.as_deref().map(html_text));
                let creator = match people.get(&h.creator) {
                    Some(u) => shared::person(u),
                    None => hushdesk_api::app::PersonRef {
                        id: h.creator,
                        name: h.creator.to_string(),
                        real_name: String::new(),
                        email: None,
                        privileged: false,
                    },
                };
                entries.push(HistoryEntry {
                    id: h.id,
                    kind: h.txn_type.clone(),
                    created: shared::time(h.created),
                    creator,
                    field: h.field.clone(),
                    old_value: h.old_value.clone(),
                    new_value: h.new_value.clone(),
                    description,
                    text,
                    html,
                    attachments: files.remove(&h.id).unwrap_or_default(),
                    openpgp: pgp.remove(&h.id),
                });
            }
            let conn = lk.conn;
            let mut can = Vec::new();
            for r in [
                Right::ReplyToTicket,
                Right::CommentOnTicket,
                Right::ModifyTicket,
                Right::OwnTicket,
                Right::TakeTicket,
                Right::StealTicket,
            ] {
                if tickets::can(conn, &c, &t, r)? {
                    can.push(r.as_str().to_owned());
                }
            }
            Ok(TicketPage {
                ticket: summary,
                priority: i64::from(t.priority),
                resolved: t.resolved.map(shared::time),
                requestors,
                cc,
                admin_cc,
                links: link_list,
                merged,
                custom_fields: custom,
                history: entries,
                can,
            })
        })
        .await?;
    Ok(common::ok(&page))
}

/// OpenPGP status per transaction: incoming mail as recorded on arrival, outgoing mail
/// (EmailRecord) as the outbox sent it.
fn openpgp_statuses(
    conn: &mut DbConn,
    ticket: i64,
    txns: &[i64],
) -> ApiResult<HashMap<i64, OpenPgpStatus>> {
    let mut out = HashMap::new();
    for r in crate::store::openpgp::txn_statuses(conn, txns)? {
        let signature = match r.signature.as_str() {
            "unknown_key" => "unknown-key",
            "expired" => "expired-key",
            "revoked" => "revoked-key",
            other => other,
        };
        out.insert(
            r.transaction_id,
            OpenPgpStatus {
                encrypted: r.encryption != "none",
                signature: signature.to_owned(),
                signer: Some(r.signer).filter(|s| !s.is_empty()),
                undecryptable: r.encryption == "undecryptable",
            },
        );
    }
    for o in crate::store::openpgp::outbox_for_ticket(conn, ticket)? {
        if let Some(txn) = o.record_transaction_id {
            out.insert(
                txn,
                OpenPgpStatus {
                    encrypted: o.encrypted,
                    signature: if o.signed { "sent-signed" } else { "none" }.to_owned(),
                    signer: None,
                    undecryptable: false,
                },
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_sanitized() {
        let out = sanitize_html(
            "<p onclick=\"x()\">Hi <script>alert(1)</script><a href=\"https://e.org\">l</a>\
             <img src=\"https://track.example/p.gif\"></p>",
        );
        assert_eq!(
            out,
            "<p>Hi <a href=\"https://e.org\" rel=\"noopener noreferrer nofollow\">l</a></p>"
        );
    }
}
