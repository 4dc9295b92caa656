//! Create or edit one template answer.

use hushdesk_api::app::{Answer, AnswerRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::error_note::ErrorNote;

#[component]
pub fn AnswerForm(
    /// The answer to edit, or `None` for a new one.
    existing: Option<Answer>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let id = existing.as_ref().map(|a| a.id);
    let pick = |f: fn(&Answer) -> String| existing.as_ref().map(f).unwrap_or_default();
    let title = RwSignal::new(pick(|a| a.title.clone()));
    let body = RwSignal::new(pick(|a| a.body.clone()));
    let language = RwSignal::new(
        existing
            .as_ref()
            .map_or_else(|| "en".to_owned(), |a| a.language.clone()),
    );
    let category = RwSignal::new(pick(|a| a.category.clone()));
    let error = RwSignal::new(None::<ApiError>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = AnswerRequest {
            title: title.get_untracked(),
            body: body.get_untracked(),
            language: language.get_untracked(),
            category: category.get_untracked(),
        };
        error.set(None);
        spawn_local(async move {
            let res = match id {
                Some(id) => api::update_answer(id, &req).await,
                None => api::create_answer(&req).await,
            };
            match res {
                Ok(_) => on_saved.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="card answer-form" on:submit=save aria-labelledby="answer-form-title">
            <h3 id="answer-form-title">{if id.is_some() { "Edit answer" } else { "New answer" }}</h3>
            <label for="af-title">"Title"</label>
            <input id="af-title" required bind:value=title />
            <div class="row">
                <label for="af-lang">"Language (ISO 639-1)"</label>
                <input id="af-lang" required size="4" maxlength="8" bind:value=language />
                <label for="af-cat">"Category"</label>
                <input id="af-cat" bind:value=category />
            </div>
            <label for="af-body">"Text"</label>
            <textarea id="af-body" rows="8" required bind:value=body></textarea>
            <p class="muted small">
                "Variables: " <code>"{{requester_name}}"</code> " " <code>"{{ticket_id}}"</code> " "
                <code>"{{queue}}"</code> " " <code>"{{supporter_name}}"</code> " " <code>"{{subject}}"</code>
            </p>
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            <div class="buttons">
                <button type="submit" class="primary" id="af-save">"Save"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
