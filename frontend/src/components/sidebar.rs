//! Queue sidebar: one entry per queue with its language and counts, refetched on every tick.

use leptos::prelude::*;

use crate::api;
use crate::components::error_note::ErrorNote;
use crate::ctx::ctx;

#[component]
pub fn Sidebar() -> impl IntoView {
    let ctx = ctx();
    let data = LocalResource::new(move || {
        ctx.tick.track();
        api::sidebar()
    });
    Effect::new(move |_| {
        if let Some(Ok(s)) = data.get() {
            ctx.queues.set(s.queues);
        }
    });
    view! {
        <nav class="sidebar" aria-label="Queues">
            <h2>"Queues"</h2>
            {move || match data.get() {
                None => view! { <p class="muted">"Loading queues…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(s)) if s.queues.is_empty() => {
                    view! { <p class="muted">"No queue is visible to you."</p> }.into_any()
                }
                Some(Ok(s)) => {
                    view! {
                        <ul class="queues">
                            {s
                                .queues
                                .into_iter()
                                .map(|q| {
                                    let href = format!("/view/needs-answer?queue={}", q.id);
                                    view! {
                                        <li class="queue" data-queue=q.name.clone()>
                                            <a href=href>
                                                <span class="qname">{q.name.clone()}</span>
                                                <span class="lang" title="Language">
                                                    {q.language.clone()}
                                                </span>
                                            </a>
                                            <span class="counts">
                                                <span class="c-new">{q.new} " new"</span>
                                                <span class="c-na">{q.needs_answer} " need answer"</span>
                                                <span class="c-open">{q.open} " open"</span>
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <p class="muted small">"Updated " {crate::format::time(&s.generated_at)} " UTC"</p>
                    }
                        .into_any()
                }
            }}
        </nav>
    }
}
