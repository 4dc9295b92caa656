//! The side panel of a ticket: requestors, watchers, links, merges and custom fields.

use hushdesk_api::app::TicketPage;
use leptos::prelude::*;

#[component]
pub fn TicketFacts(page: TicketPage) -> impl IntoView {
    let t = page.ticket;
    view! {
        <aside class="facts" aria-label="Ticket details">
            {t.abuse_flag.then(|| view! {
                <p class="badge abuse" id="abuse-flag" role="note">
                    "Requestor flagged for abuse: take care before answering."
                </p>
            })}
            <h3>"Requestors"</h3>
            {if page.requestors.is_empty() {
                view! { <p class="muted">"None"</p> }.into_any()
            } else {
                view! {
                    <ul class="people">
                        {page.requestors.into_iter().map(|r| {
                            let p = r.person;
                            view! {
                                <li class="requestor">
                                    <strong>{if p.real_name.is_empty() { p.name.clone() } else { p.real_name.clone() }}</strong>
                                    {p.email.map(|e| view! { <br /><span class="muted">{e}</span> })}
                                    {(!r.organization.is_empty()).then(|| view! { <br /><span>{r.organization.clone()}</span> })}
                                    {(!r.lang.is_empty()).then(|| view! { <br /><span>"Language: " {r.lang.clone()}</span> })}
                                    <br /><span class="muted">{r.other_tickets} " other tickets"</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <dl class="kv">
                <dt>"Queue"</dt><dd>{t.queue} " (" {t.language} ")"</dd>
                <dt>"Status"</dt><dd class="t-status">{t.status}</dd>
                <dt>"Owner"</dt><dd class="t-owner">{t.owner.map(|o| o.name).unwrap_or_else(|| "nobody".into())}</dd>
                <dt>"Priority"</dt><dd>{page.priority}</dd>
                <dt>"Created"</dt><dd>{crate::format::time(&t.created)}</dd>
                {page.resolved.map(|r| view! { <dt>"Resolved"</dt><dd>{crate::format::time(&r)}</dd> })}
                {(!page.cc.is_empty()).then(|| view! {
                    <dt>"Cc"</dt><dd>{page.cc.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ")}</dd>
                })}
                {(!page.admin_cc.is_empty()).then(|| view! {
                    <dt>"AdminCc"</dt><dd>{page.admin_cc.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ")}</dd>
                })}
            </dl>
            <h3>"Links"</h3>
            {if page.links.is_empty() && page.merged.is_empty() {
                view! { <p class="muted">"None"</p> }.into_any()
            } else {
                view! {
                    <ul class="links">
                        {page.links.into_iter().map(|l| {
                            let target = match l.ticket {
                                Some(id) => view! { <a href=format!("/ticket/{id}")>"#" {id}</a> }.into_any(),
                                None => view! { <span>{l.uri.clone()}</span> }.into_any(),
                            };
                            view! {
                                <li>
                                    <span class="muted">{l.kind} " "</span>
                                    {target}
                                    {l.subject.map(|s| format!(" {s}"))}
                                    {l.status.map(|s| view! { " " <span class="status">{s}</span> })}
                                </li>
                            }
                        }).collect_view()}
                        {page.merged.into_iter().map(|id| view! {
                            <li><span class="muted">"Merged in "</span>"#" {id}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>"Custom fields"</h3>
            {if page.custom_fields.is_empty() {
                view! { <p class="muted">"None"</p> }.into_any()
            } else {
                view! {
                    <dl class="kv">
                        {page.custom_fields.into_iter().map(|cf| view! {
                            <dt>{cf.name}</dt>
                            <dd>{if cf.values.is_empty() { "—".to_owned() } else { cf.values.join(", ") }}</dd>
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </aside>
    }
}
