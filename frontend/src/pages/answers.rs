//! Managing template answers: search, filter by language, create, edit, delete.

use hushdesk_api::app::{Answer, AnswerQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::answer_form::AnswerForm;
use crate::components::error_note::ErrorNote;
use crate::ctx::ctx;

/// What the form area shows.
#[derive(Clone)]
enum Editing {
    None,
    New,
    Edit(Answer),
}

#[component]
pub fn AnswersPage() -> impl IntoView {
    let ctx = ctx();
    let q = RwSignal::new(String::new());
    let lang = RwSignal::new(String::new());
    let reload = RwSignal::new(0u32);
    let editing = RwSignal::new(Editing::None);
    let error = RwSignal::new(None::<ApiError>);
    let list = LocalResource::new(move || {
        reload.track();
        let query = AnswerQuery {
            q: Some(q.get()),
            language: Some(lang.get()),
            per_page: Some(100),
            ..AnswerQuery::default()
        };
        async move { api::answers(&query).await }
    });
    let saved = Callback::new(move |_: ()| {
        editing.set(Editing::None);
        reload.update(|r| *r += 1);
    });
    let cancel = Callback::new(move |_: ()| editing.set(Editing::None));
    let delete = move |id: i64, title: String| {
        let sure = window()
            .confirm_with_message(&format!("Delete the template answer “{title}”?"))
            .unwrap_or(false);
        if !sure {
            return;
        }
        error.set(None);
        spawn_local(async move {
            match api::delete_answer(id).await {
                Ok(()) => reload.update(|r| *r += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page" aria-labelledby="answers-title">
            <h2 id="answers-title">"Template answers"</h2>
            <div class="row">
                <label for="answers-q">"Find"</label>
                <input id="answers-q" type="search" placeholder="title or text" bind:value=q />
                <label for="answers-lang">"Language"</label>
                <select id="answers-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                    <option value="">"all"</option>
                    {move || ctx.languages().into_iter().map(|l| view! { <option value=l.clone()>{l.clone()}</option> }).collect_view()}
                </select>
                <button type="button" id="answer-new" class="primary" on:click=move |_| editing.set(Editing::New)>"New answer"</button>
            </div>
            {move || match editing.get() {
                Editing::None => None,
                Editing::New => Some(view! { <AnswerForm existing=None on_saved=saved on_cancel=cancel /> }),
                Editing::Edit(a) => Some(view! { <AnswerForm existing=Some(a) on_saved=saved on_cancel=cancel /> }),
            }}
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            {move || match list.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(l)) if l.items.is_empty() => view! { <p class="empty">"No template answers yet."</p> }.into_any(),
                Some(Ok(l)) => view! {
                    <p class="count">{crate::format::count(l.total, "answer", "answers")}</p>
                    <table class="plain answers">
                        <thead>
                            <tr>
                                <th scope="col">"Title"</th>
                                <th scope="col">"Language"</th>
                                <th scope="col">"Category"</th>
                                <th scope="col">"Used"</th>
                                <th scope="col"><span class="sr-only">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {l.items.into_iter().map(|a| {
                                let id = a.id;
                                let edit = a.clone();
                                let title = a.title.clone();
                                view! {
                                    <tr data-answer=id>
                                        <td>
                                            <strong>{a.title.clone()}</strong>
                                            <br />
                                            <span class="muted small">{a.body.chars().take(90).collect::<String>()}</span>
                                        </td>
                                        <td>{a.language.clone()}</td>
                                        <td>{a.category.clone()}</td>
                                        <td>{a.usage_count}</td>
                                        <td class="nowrap">
                                            <button type="button" on:click=move |_| editing.set(Editing::Edit(edit.clone()))>"Edit"</button>
                                            " "
                                            <button type="button" class="danger" on:click=move |_| delete(id, title.clone())>"Delete"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}
