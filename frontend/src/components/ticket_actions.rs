//! Ownership, status, links and merge for one ticket, over RT's own routes.

use std::future::Future;

use hushdesk_api::app::TicketPage;
use hushdesk_api::rest2::{StringOrInt, StringOrList, UpdateTicketRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::api::{self, ApiError, ApiResult};
use crate::components::error_note::ErrorNote;
use crate::ctx::ctx;

pub const STATUSES: &[&str] = &["new", "open", "stalled", "resolved", "rejected"];
pub const LINK_TYPES: &[(&str, &str)] = &[
    ("RefersTo", "refers to"),
    ("ReferredToBy", "is referred to by"),
    ("DependsOn", "depends on"),
    ("DependedOnBy", "is depended on by"),
    ("MemberOf", "is a member of"),
    ("Members", "has member"),
];

/// The update that adds one link of `kind` to `target` (ticket id or URI).
pub fn link_change(kind: &str, target: &str) -> Option<UpdateTicketRequest> {
    let t = target.trim().trim_start_matches('#');
    if t.is_empty() {
        return None;
    }
    let v = Some(StringOrList::String(t.to_owned()));
    let mut change = UpdateTicketRequest::default();
    match kind {
        "RefersTo" => change.add_refers_to = v,
        "ReferredToBy" => change.add_referred_to_by = v,
        "DependsOn" => change.add_depends_on = v,
        "DependedOnBy" => change.add_depended_on_by = v,
        "MemberOf" => change.add_member_of = v,
        "Members" => change.add_members = v,
        _ => return None,
    }
    Some(change)
}

/// What marking a ticket's requestors abusive did, in words.
pub fn abuse_outcome(marked: u32, flagged: bool) -> String {
    match (marked, flagged) {
        (0, _) => "This ticket has no requestor with an address to mark.".to_owned(),
        (_, true) => "Marked. The requestor is now flagged for abuse.".to_owned(),
        (_, false) => {
            "Marked. The requestor is not flagged (score under the threshold).".to_owned()
        }
    }
}

/// A ticket number typed by a supporter (`42` or `#42`).
pub fn ticket_number(input: &str) -> Option<i64> {
    input
        .trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
}

#[component]
pub fn TicketActions(page: TicketPage, on_change: Callback<()>) -> impl IntoView {
    let ctx = ctx();
    let navigate = use_navigate();
    let id = page.ticket.id;
    let me = ctx.me().map(|s| s.id);
    let owner = page.ticket.owner.clone();
    let can = |r: &str| page.can.iter().any(|c| c == r);
    let (can_modify, can_take, can_steal) =
        (can("ModifyTicket"), can("TakeTicket"), can("StealTicket"));
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let run = move |what: &'static str,
                    fut: std::pin::Pin<Box<dyn Future<Output = ApiResult<()>>>>| {
        error.set(None);
        done.set(None);
        spawn_local(async move {
            match fut.await {
                Ok(()) => {
                    done.set(Some(what.to_owned()));
                    on_change.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let status = RwSignal::new(page.ticket.status.clone());
    let give_to = RwSignal::new(String::new());
    let link_kind = RwSignal::new("RefersTo".to_owned());
    let link_target = RwSignal::new(String::new());
    let merge_target = RwSignal::new(String::new());
    let merge_confirm = RwSignal::new(false);
    let abuse_confirm = RwSignal::new(false);

    let owner_buttons = match (&owner, me) {
        (None, _) => view! {
            <button type="button" id="action-take" disabled=!can_take
                on:click=move |_| run("Taken.", Box::pin(api::ownership(id, "take")))>"Take"</button>
        }.into_any(),
        (Some(o), Some(m)) if o.id == m => view! {
            <button type="button" id="action-untake"
                on:click=move |_| run("Released.", Box::pin(api::ownership(id, "untake")))>"Release"</button>
        }.into_any(),
        (Some(o), _) => {
            let label = format!("Steal from {}", o.name);
            view! {
                <button type="button" id="action-steal" disabled=!can_steal
                    on:click=move |_| run("Stolen.", Box::pin(api::ownership(id, "steal")))>{label}</button>
            }.into_any()
        }
    };
    let merge_nav = navigate.clone();
    view! {
        <section class="actions" aria-label="Ticket actions">
            <div class="action-group">
                <span class="group-label">"Owner"</span>
                {owner_buttons}
                <form class="inline" on:submit=move |ev| {
                    ev.prevent_default();
                    let who = give_to.get_untracked().trim().to_owned();
                    if who.is_empty() { return; }
                    let change = UpdateTicketRequest { owner: Some(who), ..UpdateTicketRequest::default() };
                    run("Given.", Box::pin(async move { api::update_ticket(id, &change).await }));
                }>
                    <label for="give-to">"Give to"</label>
                    <input id="give-to" placeholder="user name" bind:value=give_to size="12" />
                    <button type="submit" disabled=!can_modify>"Give"</button>
                </form>
            </div>
            <form class="action-group" on:submit=move |ev| {
                ev.prevent_default();
                let change = UpdateTicketRequest { status: Some(status.get_untracked()), ..UpdateTicketRequest::default() };
                run("Status changed.", Box::pin(async move { api::update_ticket(id, &change).await }));
            }>
                <label for="set-status" class="group-label">"Status"</label>
                <select id="set-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    {STATUSES.iter().map(|s| {
                        let sel = *s == status.get_untracked();
                        view! { <option value=*s selected=sel>{*s}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" id="action-status" disabled=!can_modify>"Set status"</button>
            </form>
            <form class="action-group" on:submit=move |ev| {
                ev.prevent_default();
                match link_change(&link_kind.get_untracked(), &link_target.get_untracked()) {
                    Some(change) => run("Link added.", Box::pin(async move { api::update_ticket(id, &change).await })),
                    None => error.set(Some(ApiError::Rejected("Give a ticket number or a URI to link to.".into()))),
                }
            }>
                <label for="link-kind" class="group-label">"Link: this ticket"</label>
                <select id="link-kind" on:change=move |ev| link_kind.set(event_target_value(&ev))>
                    {LINK_TYPES.iter().map(|(k, words)| view! { <option value=*k>{*words}</option> }).collect_view()}
                </select>
                <label for="link-target" class="sr-only">"Ticket number or URI"</label>
                <input id="link-target" placeholder="ticket # or URI" size="10" bind:value=link_target />
                <button type="submit" disabled=!can_modify>"Add link"</button>
            </form>
            <form class="action-group" on:submit=move |ev| {
                ev.prevent_default();
                let Some(target) = ticket_number(&merge_target.get_untracked()) else {
                    error.set(Some(ApiError::Rejected("Give the number of the ticket to merge into.".into())));
                    return;
                };
                if !merge_confirm.get_untracked() {
                    merge_confirm.set(true);
                    return;
                }
                merge_confirm.set(false);
                let change = UpdateTicketRequest { merge_into: Some(StringOrInt::Int(target)), ..UpdateTicketRequest::default() };
                let nav = merge_nav.clone();
                error.set(None);
                spawn_local(async move {
                    match api::update_ticket(id, &change).await {
                        Ok(()) => {
                            ctx.refresh();
                            nav(&format!("/ticket/{target}"), NavigateOptions::default());
                        }
                        Err(e) => error.set(Some(e)),
                    }
                });
            }>
                <label for="merge-into" class="group-label">"Merge into ticket"</label>
                <input id="merge-into" placeholder="#" size="6" bind:value=merge_target
                    on:input=move |_| merge_confirm.set(false) />
                <button type="submit" disabled=!can_modify>
                    {move || if merge_confirm.get() { "Confirm merge" } else { "Merge…" }}
                </button>
                {move || merge_confirm.get().then(|| view! {
                    <span class="warn">"Merging cannot be undone. Press again to confirm."</span>
                })}
            </form>
            <div class="action-group">
                <span class="group-label">"Abuse"</span>
                <button type="button" id="action-abusive" disabled=!can_modify
                    title="Adds to the requestor's abuse score (kept under a keyed hash, never the address)"
                    on:click=move |_| {
                        if !abuse_confirm.get_untracked() {
                            abuse_confirm.set(true);
                            return;
                        }
                        abuse_confirm.set(false);
                        error.set(None);
                        done.set(None);
                        spawn_local(async move {
                            match api::mark_abusive(id).await {
                                Ok(r) => {
                                    done.set(Some(abuse_outcome(r.marked, r.flagged)));
                                    // Only a new flag changes what the page shows.
                                    if r.flagged {
                                        on_change.run(());
                                    }
                                }
                                Err(e) => error.set(Some(e)),
                            }
                        });
                    }>
                    {move || if abuse_confirm.get() { "Confirm: mark abusive" } else { "Mark requestor abusive…" }}
                </button>
            </div>
            <div aria-live="polite">
                {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
                {move || done.get().map(|d| view! { <p class="ok">{d}</p> })}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_use_rt_field_names() {
        let c = link_change("DependsOn", " #12 ").map(|c| serde_json::to_value(c).ok());
        assert_eq!(c.flatten(), Some(serde_json::json!({"AddDependsOn": "12"})));
        assert!(link_change("RefersTo", "  ").is_none());
        assert!(link_change("Bogus", "3").is_none());
    }

    #[test]
    fn abuse_marks_are_reported_plainly() {
        assert!(abuse_outcome(0, false).contains("no requestor"));
        assert!(abuse_outcome(1, true).contains("now flagged"));
        assert!(abuse_outcome(2, false).contains("not flagged"));
    }

    #[test]
    fn ticket_numbers_accept_a_hash() {
        assert_eq!(ticket_number("#42"), Some(42));
        assert_eq!(ticket_number(" 7 "), Some(7));
        assert_eq!(ticket_number("0"), None);
        assert_eq!(ticket_number("abc"), None);
    }
}
