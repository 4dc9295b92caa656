//! The search page. By default, words over mail, comments, attachments and WhisperBack
//! reports, with filters (queue, status, language, dates, Tails version, hardware) and
//! highlighted snippets; or a TicketSQL query answered as a ticket table. The form lives in
//! the URL (`/search?q=…`, `&mode=sql` for TicketSQL), so a search is a link. `/find`, its
//! older address, shows the same page.

use hushdesk_api::app::{ViewName, ViewQuery};
use hushdesk_api::search::{FullTextHit, FullTextQuery, SnippetPiece};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::components::error_note::ErrorNote;
use crate::components::pager::Pager;
use crate::components::ticket_table::TicketTable;
use crate::format;

/// Form fields, by their URL parameter, in URL order.
const FIELDS: &[&str] = &[
    "q",
    "queue",
    "status",
    "language",
    "from",
    "to",
    "tails_version",
    "hardware",
];

const STATUSES: &[&str] = &["new", "open", "stalled", "resolved", "rejected", "deleted"];

fn query_of(get: &dyn Fn(&str) -> String) -> FullTextQuery {
    let opt = |k: &str| Some(get(k)).filter(|v| !v.trim().is_empty());
    FullTextQuery {
        q: get("q"),
        queue: opt("queue"),
        status: opt("status"),
        language: opt("language"),
        from: opt("from"),
        to: opt("to"),
        tails_version: opt("tails_version"),
        hardware: opt("hardware"),
        page: get("page").parse().ok(),
        per_page: None,
    }
}

/// A snippet as text nodes, matched words in `<mark>`: never parsed as HTML.
#[component]
fn Snippet(pieces: Vec<SnippetPiece>) -> impl IntoView {
    view! {
        <p class="snippet">
            {pieces
                .into_iter()
                .map(|p| {
                    if p.highlight {
                        view! { <mark>{p.text}</mark> }.into_any()
                    } else {
                        p.text.into_any()
                    }
                })
                .collect_view()}
        </p>
    }
}

#[component]
fn Hit(hit: FullTextHit) -> impl IntoView {
    let href = format!("/ticket/{}", hit.id);
    view! {
        <li class="hit" data-ticket=hit.id>
            <a class="row-link" href=href>
                <span class="id">"#" {hit.id}</span>
                " "
                <span class="subject">{hit.subject}</span>
            </a>
            <span class="meta muted">
                {hit.queue} " · " <span class="status">{hit.status}</span> " · "
                <span class="lang">{hit.language}</span> " · " {format::time(&hit.created)}
            </span>
            <Snippet pieces=hit.snippet />
        </li>
    }
}

/// What a search answers: hits with snippets, or a TicketSQL page of tickets.
#[derive(Clone)]
enum Answer {
    Words(hushdesk_api::search::FullTextResponse),
    Sql(hushdesk_api::app::ViewPage),
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let get = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let fields: Vec<(&'static str, RwSignal<String>)> =
        FIELDS.iter().map(|k| (*k, RwSignal::new(get(k)))).collect();
    let field = {
        let fields = fields.clone();
        move |k: &str| {
            fields
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, s)| *s)
                .unwrap_or_else(|| RwSignal::new(String::new()))
        }
    };
    let sql = RwSignal::new(get("mode") == "sql");
    let queues = LocalResource::new(api::sidebar);
    let data = LocalResource::new(move || {
        let q = query_of(&get);
        let sql = get("mode") == "sql";
        async move {
            if q.q.trim().is_empty() {
                return None;
            }
            if sql {
                let vq = ViewQuery {
                    page: q.page,
                    query: Some(q.q),
                    ..ViewQuery::default()
                };
                return Some(api::view(ViewName::Search, &vq).await.map(Answer::Sql));
            }
            Some(api::full_text(&q).await.map(Answer::Words))
        }
    });
    let submit = {
        let fields = fields.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let sql = sql.get_untracked();
            let mut parts: Vec<String> = fields
                .iter()
                // TicketSQL says its own filters: only the query goes.
                .filter(|(k, _)| !sql || *k == "q")
                .map(|(k, s)| (k, s.get_untracked()))
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, v)| format!("{k}={}", api::encode(v.trim())))
                .collect();
            if sql {
                parts.push("mode=sql".into());
            }
            navigate(
                &format!("/search?{}", parts.join("&")),
                NavigateOptions::default(),
            );
        }
    };
    let (q, queue, status, language) = (
        field("q"),
        field("queue"),
        field("status"),
        field("language"),
    );
    let (from, to, version, hardware) = (
        field("from"),
        field("to"),
        field("tails_version"),
        field("hardware"),
    );
    view! {
        <section class="page" aria-labelledby="search-title">
            <h2 id="search-title">"Search"</h2>
            <form class="searchbar fulltext" role="search" on:submit=submit>
                <label for="search-text">{move || if sql.get() { "TicketSQL" } else { "Words" }}</label>
                <input
                    id="search-text"
                    type="search"
                    bind:value=q
                    placeholder=move || {
                        if sql.get() {
                            "Status = 'open' AND Queue = 'English'"
                        } else {
                            "words in mail, comments, attachments, reports"
                        }
                    }
                    aria-keyshortcuts="/"
                />
                <fieldset class="mode">
                    <legend>"Kind of search"</legend>
                    <label>
                        <input id="mode-words" type="radio" name="mode" prop:checked=move || !sql.get() on:change=move |_| sql.set(false) />
                        "Words"
                    </label>
                    <label>
                        <input id="mode-sql" type="radio" name="mode" prop:checked=move || sql.get() on:change=move |_| sql.set(true) />
                        "TicketSQL"
                    </label>
                </fieldset>
                <button type="submit" class="primary">"Search"</button>
                <fieldset class="filters" hidden=move || sql.get()>
                    <legend>"Filters"</legend>
                    <label>
                        "Queue "
                        <select id="find-queue" bind:value=queue>
                            <option value="">"any"</option>
                            {move || {
                                queues
                                    .get()
                                    .and_then(Result::ok)
                                    .map(|s| {
                                        s.queues
                                            .into_iter()
                                            .map(|qc| {
                                                let selected = queue.get_untracked() == qc.name;
                                                view! {
                                                    <option value=qc.name.clone() selected=selected>
                                                        {qc.name.clone()}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    })
                            }}
                        </select>
                    </label>
                    <label>
                        "Status "
                        <select id="find-status" bind:value=status>
                            <option value="">"any but deleted"</option>
                            {STATUSES
                                .iter()
                                .map(|s| {
                                    let selected = status.get_untracked() == *s;
                                    view! { <option value=*s selected=selected>{*s}</option> }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <label>
                        "Language "
                        <input id="find-language" size="3" maxlength="3" placeholder="fr" bind:value=language />
                    </label>
                    <label>"From " <input id="find-from" type="date" bind:value=from /></label>
                    <label>"To " <input id="find-to" type="date" bind:value=to /></label>
                    <label>
                        "Tails version "
                        <input id="find-version" size="6" placeholder="6.10" bind:value=version />
                    </label>
                    <label>
                        "Hardware id "
                        <input id="find-hardware" placeholder="8086:a370" bind:value=hardware />
                    </label>
                </fieldset>
            </form>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">"Searching…"</p> }.into_any(),
                Some(None) => {
                    view! { <p class="muted">"Type words (and pick filters) or a TicketSQL query, then press Enter."</p> }
                        .into_any()
                }
                Some(Some(Err(e))) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Some(Ok(Answer::Sql(p)))) => {
                    let base = format!("/search?q={}&mode=sql", api::encode(&get("q")));
                    view! {
                        <p class="count" data-total=p.total>
                            {format::count(p.total, "ticket found", "tickets found")}
                        </p>
                        <TicketTable items=p.items />
                        <Pager base=base page=p.page pages=p.pages />
                    }
                        .into_any()
                }
                Some(Some(Ok(Answer::Words(r)))) => {
                    let params: Vec<String> = FIELDS
                        .iter()
                        .map(|k| (k, get(k)))
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| format!("{k}={}", api::encode(&v)))
                        .collect();
                    let base = format!("/search?{}", params.join("&"));
                    let pages = (r.total + r.per_page - 1) / r.per_page.max(1);
                    view! {
                        <p class="count" data-total=r.total data-backend=r.backend.clone()>
                            {format::count(r.total, "ticket found", "tickets found")}
                        </p>
                        <ol class="hits">
                            {r.items.into_iter().map(|hit| view! { <Hit hit=hit /> }).collect_view()}
                        </ol>
                        <Pager base=base page=r.page pages=pages />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
