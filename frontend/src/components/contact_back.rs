//! "Contact users back" for a fixed known issue: pick template answers (one per language),
//! preview the dry-run count and the texts per language, then confirm to send.

use hushdesk_api::app::{Answer, AnswerQuery};
use hushdesk_api::wb::KnownIssueResponse;
use hushdesk_api::wb_contact::{ContactBackRequest, ContactBackResponse};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::api_wb;
use crate::components::error_note::ErrorNote;

#[component]
pub fn ContactBack(issue: KnownIssueResponse, on_close: Callback<()>) -> impl IntoView {
    let id = issue.id;
    let chosen = RwSignal::new(Vec::<i64>::new());
    let default_language = RwSignal::new("en".to_owned());
    let preview = RwSignal::new(None::<ContactBackResponse>);
    let done = RwSignal::new(None::<ContactBackResponse>);
    let error = RwSignal::new(None::<ApiError>);
    let answers = LocalResource::new(move || async move {
        api::answers(&AnswerQuery {
            per_page: Some(200),
            ..AnswerQuery::default()
        })
        .await
    });
    let request = move |expected_count: Option<i64>| ContactBackRequest {
        answers: chosen.get_untracked(),
        default_language: Some(default_language.get_untracked()),
        expected_count,
        status: None,
    };
    let run_preview = move |_| {
        error.set(None);
        done.set(None);
        let req = request(None);
        spawn_local(async move {
            match api_wb::contact_back(id, &req, true).await {
                Ok(p) => preview.set(Some(p)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let confirm = move |_| {
        let Some(count) = preview.get_untracked().map(|p| p.count) else {
            return;
        };
        error.set(None);
        let req = request(Some(count));
        spawn_local(async move {
            match api_wb::contact_back(id, &req, false).await {
                Ok(r) => {
                    preview.set(None);
                    done.set(Some(r));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let toggle = move |a: i64, on: bool| {
        preview.set(None);
        chosen.update(|c| {
            c.retain(|x| *x != a);
            if on {
                c.push(a);
            }
        });
    };
    view! {
        <section class="card contact-back" aria-labelledby="cb-title">
            <h3 id="cb-title">{format!("Contact users back: {}", issue.title)}</h3>
            <p class="muted">
                {format!("Fixed in {}. ", issue.fixed_in.clone().unwrap_or_else(|| "?".into()))}
                "Each linked ticket's requester gets the answer in the ticket's language, or in the default language; replies are encrypted where a key is known. Tickets already contacted are skipped."
            </p>
            <fieldset>
                <legend>"Template answers (one per language)"</legend>
                {move || match answers.get() {
                    None => view! { <p class="muted" role="status">"Loading answers…"</p> }.into_any(),
                    Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                    Some(Ok(l)) => l.items.into_iter().map(|a: Answer| {
                        let aid = a.id;
                        view! {
                            <label class="cb-answer" data-answer=aid>
                                <input type="checkbox" on:change=move |ev| toggle(aid, event_target_checked(&ev)) />
                                {format!(" [{}] {}", a.language, a.title)}
                            </label>
                            <br />
                        }
                    }).collect_view().into_any(),
                }}
            </fieldset>
            <label for="cb-default">"Default language"</label>
            <input id="cb-default" size="4" bind:value=default_language />
            <div class="buttons">
                <button type="button" id="cb-preview" on:click=run_preview>"Preview"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            {move || preview.get().map(|p| view! {
                <div class="cb-preview">
                    <p id="cb-count" role="status">
                        {format!("Dry run: {} would be sent", crate::format::count(p.count, "reply", "replies"))}
                        {format!(" ({} skipped).", p.skipped.len())}
                    </p>
                    {p.languages.into_iter().map(|l| view! {
                        <div class="cb-language" data-language=l.language.clone()>
                            <h4>{format!("{} — {} (tickets {})", l.language, l.answer_title,
                                l.tickets.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(", "))}</h4>
                            <pre class="cb-text">{l.text}</pre>
                        </div>
                    }).collect_view()}
                    <button type="button" id="cb-confirm" class="primary" disabled={p.count == 0} on:click=confirm>
                        {format!("Send {}", crate::format::count(p.count, "reply", "replies"))}
                    </button>
                </div>
            })}
            {move || done.get().map(|r| view! {
                <p id="cb-done" role="status">
                    {format!("Sent {}.", crate::format::count(r.count, "reply", "replies"))}
                </p>
            })}
        </section>
    }
}
