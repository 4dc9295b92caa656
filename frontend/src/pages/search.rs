//! Full-text search over mail, comments, attachments and WhisperBack reports, with filters
//! (queue, status, language, dates, Tails version, hardware) and highlighted snippets. The
//! form lives in the URL, so a search is a link.

use hushdesk_api::search::{FullTextHit, FullTextQuery, SnippetPiece};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::components::error_note::ErrorNote;
use crate::components::pager::Pager;
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

#[component]
pub fn FullTextPage() -> impl IntoView {
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
    let queues = LocalResource::new(api::sidebar);
    let data = LocalResource::new(move || {
        let q = query_of(&get);
        async move {
            if q.q.trim().is_empty() {
                return None;
            }
            Some(api::full_text(&q).await)
        }
    });
    let submit = {
        let fields = fields.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let parts: Vec<String> = fields
                .iter()
                .map(|(k, s)| (k, s.get_untracked()))
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, v)| format!("{k}={}", api::encode(v.trim())))
                .collect();
            navigate(
                &format!("/find?{}", parts.join("&")),
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
        <section class="page" aria-labelledby="find-title">
            <h2 id="find-title">"Full-text search"</h2>
            <form class="searchbar fulltext" role="search" on:submit=submit>
                <label for="search-text">"Words"</label>
                <input
                    id="search-text"
                    type="search"
                    bind:value=q
                    placeholder="words in mail, comments, attachments, reports"
                    aria-keyshortcuts="/"
                />
                <fieldset class="filters">
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
                <button type="submit" class="primary">"Search"</button>
            </form>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">"Searching…"</p> }.into_any(),
                Some(None) => {
                    view! { <p class="muted">"Type words, pick filters, then press Enter."</p> }
                        .into_any()
                }
                Some(Some(Err(e))) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Some(Ok(r))) => {
                    let params: Vec<String> = FIELDS
                        .iter()
                        .map(|k| (k, get(k)))
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| format!("{k}={}", api::encode(&v)))
                        .collect();
                    let base = format!("/find?{}", params.join("&"));
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
