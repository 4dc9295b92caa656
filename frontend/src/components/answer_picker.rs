//! Template answers in the composer: search by title or text, filter by language (default:
//! the ticket's queue), preview with the ticket's values filled in, then insert.

use hushdesk_api::app::{AnswerQuery, RenderedAnswer};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::error_note::ErrorNote;
use crate::ctx::ctx;

#[component]
pub fn AnswerPicker(
    ticket: i64,
    language: String,
    /// Called with the answer id and its filled-in text.
    on_pick: Callback<(i64, String)>,
) -> impl IntoView {
    let ctx = ctx();
    let q = RwSignal::new(String::new());
    let lang = RwSignal::new(language.clone());
    let results = LocalResource::new(move || {
        let query = AnswerQuery {
            q: Some(q.get()),
            language: Some(lang.get()),
            per_page: Some(8),
            ..AnswerQuery::default()
        };
        async move { api::answers(&query).await }
    });
    let preview = RwSignal::new(None::<(String, RenderedAnswer)>);
    let error = RwSignal::new(None::<ApiError>);
    let show = move |id: i64, title: String| {
        error.set(None);
        spawn_local(async move {
            match api::render_answer(id, ticket, false).await {
                Ok(r) => preview.set(Some((title, r))),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let langs = move || {
        let mut l = ctx.languages();
        if !language.is_empty() && !l.contains(&language) {
            l.push(language.clone());
        }
        l
    };
    view! {
        <details class="answers-picker" open>
            <summary>"Template answers"</summary>
            <div class="row">
                <label for="answer-q">"Find answer"</label>
                <input id="answer-q" type="search" placeholder="title or text" bind:value=q />
                <label for="answer-lang">"Language"</label>
                <select id="answer-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                    <option value="" selected=move || lang.get().is_empty()>"any"</option>
                    {move || langs().into_iter().map(|l| {
                        let sel = l == lang.get_untracked();
                        view! { <option value=l.clone() selected=sel>{l.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || match results.get() {
                None => view! { <p class="muted">"Loading answers…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(list)) if list.items.is_empty() => {
                    view! { <p class="muted">"No template answer matches."</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <ul class="answer-list">
                        {list.items.into_iter().map(|a| {
                            let (id, title) = (a.id, a.title.clone());
                            view! {
                                <li>
                                    <button type="button" class="link answer-choice" on:click=move |_| show(id, title.clone())>
                                        {a.title.clone()}
                                    </button>
                                    " " <span class="lang">{a.language}</span>
                                    {(!a.category.is_empty()).then(|| view! { " " <span class="muted">{a.category.clone()}</span> })}
                                    " " <span class="muted">{a.usage_count} "× used"</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            {move || preview.get().map(|(title, r)| {
                let (id, body) = (r.answer_id, r.body.clone());
                view! {
                    <div class="answer-preview">
                        <h4>"Preview: " {title}</h4>
                        <pre>{r.body.clone()}</pre>
                        {(!r.unknown_variables.is_empty()).then(|| view! {
                            <p class="warn">"Not filled: " {r.unknown_variables.join(", ")}</p>
                        })}
                        <button type="button" id="answer-use" on:click=move |_| {
                            on_pick.run((id, body.clone()));
                            preview.set(None);
                        }>"Use this answer"</button>
                        <button type="button" on:click=move |_| preview.set(None)>"Close preview"</button>
                    </div>
                }
            })}
        </details>
    }
}
