//! On the ticket page: the known issues this ticket is linked to, and linking it to another.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api_wb;
use crate::components::error_note::ErrorNote;

#[component]
pub fn TicketKnownIssues(ticket: i64) -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let error = RwSignal::new(None::<ApiError>);
    let pick = RwSignal::new(String::new());
    let linked = LocalResource::new(move || {
        reload.track();
        async move { api_wb::ticket_known_issues(ticket).await }
    });
    let all = LocalResource::new(move || {
        reload.track();
        async move { api_wb::known_issues().await }
    });
    let link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let choice = pick.get_untracked();
        spawn_local(async move {
            let res = match api_wb::whole_number(&choice, "The known issue") {
                Ok(issue) => api_wb::link_ticket(issue, ticket).await.map(|_| ()),
                Err(e) => Err(e),
            };
            match res {
                Ok(()) => reload.update(|r| *r += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let unlink = move |issue: i64| {
        error.set(None);
        spawn_local(async move {
            match api_wb::unlink_ticket(issue, ticket).await {
                Ok(()) => reload.update(|r| *r += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card ticket-known-issues" aria-labelledby="tki-title">
            <h3 id="tki-title">"Known issues"</h3>
            {move || match linked.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(l)) if l.items.is_empty() => view! { <p class="empty" id="tki-none">"Not linked to a known issue."</p> }.into_any(),
                Some(Ok(l)) => view! {
                    <ul id="tki-linked">
                        {l.items.into_iter().map(|i| {
                            let id = i.id;
                            view! {
                                <li data-issue=id>
                                    <a href="/known-issues">{i.title}</a>
                                    {format!(" ({})", i.status)} " "
                                    <button type="button" class="link" on:click=move |_| unlink(id)>"Unlink"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <form class="row" on:submit=link>
                <label for="tki-pick">"Link to"</label>
                <select id="tki-pick" on:change=move |ev| pick.set(event_target_value(&ev))>
                    <option value="">"choose a known issue"</option>
                    {move || all.get().and_then(Result::ok).map(|l| l.items.into_iter().map(|i| view! {
                        <option value=i.id.to_string()>{format!("#{} {}", i.id, i.title)}</option>
                    }).collect_view())}
                </select>
                <button type="submit" id="tki-link">"Link"</button>
            </form>
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
        </section>
    }
}
