//! Known issues: the list with ticket and requester counts, creating one, changing its
//! status and fixed-in version, top bugs, and contacting users back once one is fixed.

use hushdesk_api::wb::{KnownIssueRequest, KnownIssueResponse};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api_wb;
use crate::components::contact_back::ContactBack;
use crate::components::error_note::ErrorNote;

#[component]
pub fn KnownIssuesPage() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let error = RwSignal::new(None::<ApiError>);
    let contact = RwSignal::new(None::<KnownIssueResponse>);
    let list = LocalResource::new(move || {
        reload.track();
        async move { api_wb::known_issues().await }
    });
    let top = LocalResource::new(move || {
        reload.track();
        async move { api_wb::top_bugs().await }
    });
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let roles = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roles: Vec<String> = roles
            .get_untracked()
            .split([',', ' '])
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        let req = KnownIssueRequest {
            title: Some(title.get_untracked()),
            description: Some(description.get_untracked()),
            hardware_roles: Some(roles),
            ..KnownIssueRequest::default()
        };
        error.set(None);
        spawn_local(async move {
            match api_wb::create_known_issue(&req).await {
                Ok(_) => {
                    title.set(String::new());
                    description.set(String::new());
                    reload.update(|r| *r += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let changed = Callback::new(move |_: ()| reload.update(|r| *r += 1));
    view! {
        <section class="page" aria-labelledby="ki-title">
            <h2 id="ki-title">"Known issues"</h2>
            <form class="card" id="ki-new" on:submit=create aria-labelledby="ki-new-title">
                <h3 id="ki-new-title">"New known issue"</h3>
                <label for="ki-new-name">"Title"</label>
                <input id="ki-new-name" required bind:value=title />
                <label for="ki-new-desc">"Description"</label>
                <textarea id="ki-new-desc" rows="3" bind:value=description></textarea>
                <label for="ki-new-roles">"Hardware roles (machine, gpu, wifi, usb_stick; empty: not about hardware)"</label>
                <input id="ki-new-roles" bind:value=roles />
                <div class="buttons"><button type="submit" class="primary" id="ki-create">"Create"</button></div>
            </form>
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            <h3 id="ki-list-title">"All known issues"</h3>
            {move || match list.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(l)) if l.items.is_empty() => view! { <p class="empty">"No known issues yet."</p> }.into_any(),
                Some(Ok(l)) => view! {
                    <table class="plain known-issues" aria-labelledby="ki-list-title">
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Tickets"</th>
                            <th scope="col">"Requesters"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Fixed in"</th>
                            <th scope="col"><span class="sr-only">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            {l.items.into_iter().map(|i| view! { <IssueRow issue=i on_change=changed contact=contact /> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
            {move || contact.get().map(|issue| view! {
                <ContactBack issue=issue on_close=Callback::new(move |_: ()| { contact.set(None); reload.update(|r| *r += 1); }) />
            })}
            <h3 id="ki-top-title">"Top bugs"</h3>
            {move || match top.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(t)) => view! {
                    <ol class="top-bugs" aria-labelledby="ki-top-title">
                        {t.items.into_iter().map(|b| view! {
                            <li data-issue=b.id>
                                <strong>{b.title}</strong> " "
                                <span class="muted">{format!("({})", b.status)}</span> " — "
                                <span class="ticket-count">{crate::format::count(b.tickets, "ticket", "tickets")}</span> ", "
                                {crate::format::count(b.requestors, "requester", "requesters")}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}

/// One known issue with its status and fixed-in version editable in place.
#[component]
fn IssueRow(
    issue: KnownIssueResponse,
    on_change: Callback<()>,
    contact: RwSignal<Option<KnownIssueResponse>>,
) -> impl IntoView {
    let id = issue.id;
    let status = RwSignal::new(issue.status.clone());
    let fixed_in = RwSignal::new(issue.fixed_in.clone().unwrap_or_default());
    let error = RwSignal::new(None::<ApiError>);
    let save = move |_| {
        let req = KnownIssueRequest {
            status: Some(status.get_untracked()),
            fixed_in: Some(fixed_in.get_untracked()),
            ..KnownIssueRequest::default()
        };
        error.set(None);
        spawn_local(async move {
            match api_wb::update_known_issue(id, &req).await {
                Ok(_) => on_change.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let fixed = issue.status == "fixed";
    let for_contact = issue.clone();
    view! {
        <tr data-issue=id>
            <td>{id}</td>
            <td>
                <strong class="ki-name">{issue.title.clone()}</strong>
                <br /><span class="muted small">{issue.description.chars().take(120).collect::<String>()}</span>
                {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            </td>
            <td class="ki-tickets">{issue.tickets}</td>
            <td class="ki-requestors">{issue.requestors}</td>
            <td>
                <label class="sr-only" for=format!("ki-status-{id}")>"Status"</label>
                <select id=format!("ki-status-{id}") class="ki-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    {["open", "fixed", "wontfix"].into_iter().map(|s| view! {
                        <option value=s selected={issue.status == s}>{s}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <label class="sr-only" for=format!("ki-fixed-{id}")>"Fixed in"</label>
                <input id=format!("ki-fixed-{id}") class="ki-fixed-in" size="6" placeholder="6.10" bind:value=fixed_in />
            </td>
            <td class="nowrap">
                <button type="button" class="ki-save" on:click=save>"Save"</button>
                " "
                <button
                    type="button"
                    class="ki-contact"
                    disabled=!fixed
                    title="Reply to every linked ticket (needs status fixed)"
                    on:click=move |_| contact.set(Some(for_contact.clone()))
                >
                    "Contact users back"
                </button>
            </td>
        </tr>
    }
}
