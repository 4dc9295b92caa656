//! Search: plain text (subject and content) or TicketSQL, paged; the query lives in the URL.

use hushdesk_api::app::{ViewName, ViewQuery};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::components::error_note::ErrorNote;
use crate::components::pager::Pager;
use crate::components::ticket_table::TicketTable;
use crate::format;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let get = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let text = RwSignal::new(get("q"));
    let sql = RwSignal::new(get("mode") == "sql");
    let data = LocalResource::new(move || {
        let (q, mode) = (get("q"), get("mode"));
        let page = get("page").parse::<i64>().unwrap_or(1);
        async move {
            if q.trim().is_empty() {
                return None;
            }
            let mut vq = ViewQuery {
                page: Some(page),
                ..ViewQuery::default()
            };
            if mode == "sql" {
                vq.query = Some(q);
            } else {
                vq.text = Some(q);
            }
            Some(api::view(ViewName::Search, &vq).await)
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mode = if sql.get_untracked() { "sql" } else { "text" };
        let url = format!(
            "/search?q={}&mode={mode}",
            api::encode(&text.get_untracked())
        );
        navigate(&url, NavigateOptions::default());
    };
    view! {
        <section class="page" aria-labelledby="search-title">
            <h2 id="search-title">"Search"</h2>
            <form class="searchbar" role="search" on:submit=submit>
                <label for="search-text">"Search for"</label>
                <input
                    id="search-text"
                    type="search"
                    bind:value=text
                    placeholder=move || {
                        if sql.get() { "Status = 'open' AND Queue = 'English'" } else { "words in subject or messages" }
                    }
                />
                <fieldset class="mode">
                    <legend>"Kind of search"</legend>
                    <label>
                        <input type="radio" name="mode" prop:checked=move || !sql.get() on:change=move |_| sql.set(false) />
                        "Plain text"
                    </label>
                    <label>
                        <input type="radio" name="mode" prop:checked=move || sql.get() on:change=move |_| sql.set(true) />
                        "TicketSQL"
                    </label>
                </fieldset>
                <button type="submit" class="primary">"Search"</button>
            </form>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">"Searching…"</p> }.into_any(),
                Some(None) => view! { <p class="muted">"Type words or a TicketSQL query, then press Enter."</p> }.into_any(),
                Some(Some(Err(e))) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Some(Ok(p))) => {
                    let base = format!("/search?q={}&mode={}", api::encode(&get("q")), get("mode"));
                    view! {
                        <p class="count" data-total=p.total>{format::count(p.total, "ticket found", "tickets found")}</p>
                        <TicketTable items=p.items />
                        <Pager base=base page=p.page pages=p.pages />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
