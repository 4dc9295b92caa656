//! Writing a reply or a comment: template answers, the text, an optional status change,
//! and a preview of exactly what will be sent before sending.

use hushdesk_api::rest2::MessageRequest;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::answer_picker::AnswerPicker;
use crate::components::error_note::ErrorNote;

/// Adds an answer's text to what is already written.
pub fn append(current: &str, addition: &str) -> String {
    if current.trim().is_empty() {
        addition.to_owned()
    } else {
        format!("{}\n\n{}", current.trim_end(), addition)
    }
}

#[component]
pub fn Composer(
    ticket: i64,
    /// Reply to the requestors (`true`) or internal comment.
    reply: bool,
    /// The queue's language: the default filter of the template answers.
    language: String,
    on_sent: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let previewing = RwSignal::new(false);
    let used = RwSignal::new(Vec::<i64>::new());
    let error = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let area = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(el) = area.get() {
            let _ = el.focus();
        }
    });
    let pick = Callback::new(move |(answer_id, body): (i64, String)| {
        text.update(|t| *t = append(t, &body));
        used.update(|u| u.push(answer_id));
        previewing.set(false);
    });
    let send = move |_| {
        let content = text.get_untracked();
        if content.trim().is_empty() {
            error.set(Some(ApiError::Rejected("Write a message first.".into())));
            return;
        }
        let st = status.get_untracked();
        let msg = MessageRequest {
            content: Some(content),
            content_type: Some("text/plain".into()),
            status: (!st.is_empty()).then_some(st),
            ..MessageRequest::default()
        };
        sending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::post_message(ticket, reply, &msg).await {
                Ok(()) => {
                    // Count each template answer that went into the message.
                    for id in used.get_untracked() {
                        let _ = api::render_answer(id, ticket, true).await;
                    }
                    sending.set(false);
                    on_sent.run(());
                }
                Err(e) => {
                    sending.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    let (title, send_label) = if reply {
        ("Reply to the requestor", "Send reply")
    } else {
        ("Comment (not sent to the requestor)", "Add comment")
    };
    view! {
        <section class=if reply { "composer reply" } else { "composer comment" } aria-labelledby="composer-title">
            <h3 id="composer-title">{title}</h3>
            <AnswerPicker ticket=ticket language=language on_pick=pick />
            <Show
                when=move || previewing.get()
                fallback=move || view! {
                    <label for="composer-text">"Message"</label>
                    <textarea id="composer-text" node_ref=area rows="10" bind:value=text></textarea>
                }
            >
                <div class="preview" aria-live="polite">
                    <h4>"Preview — this is what will be sent"</h4>
                    <pre id="composer-preview">{move || text.get()}</pre>
                </div>
            </Show>
            <div class="row">
                <label for="composer-status">"Then set status"</label>
                <select id="composer-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="" selected>"(unchanged)"</option>
                    <option value="open">"open"</option>
                    <option value="stalled">"stalled"</option>
                    <option value="resolved">"resolved"</option>
                </select>
            </div>
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            <div class="buttons">
                <Show
                    when=move || previewing.get()
                    fallback=move || view! {
                        <button type="button" id="composer-preview-btn" class="primary" on:click=move |_| previewing.set(true)>
                            "Preview"
                        </button>
                    }
                >
                    <button type="button" id="composer-send" class="primary" disabled=move || sending.get() on:click=send>
                        {move || if sending.get() { "Sending…" } else { send_label }}
                    </button>
                    <button type="button" on:click=move |_| previewing.set(false)>"Back to editing"</button>
                </Show>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_append_after_a_blank_line() {
        assert_eq!(append("", "Hello"), "Hello");
        assert_eq!(append("  \n", "Hello"), "Hello");
        assert_eq!(append("Hi Ana,\n", "Try this."), "Hi Ana,\n\nTry this.");
    }
}
