//! The ticket page: history, details, actions, and the composer for replies and comments.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::composer::Composer;
use crate::components::error_note::ErrorNote;
use crate::components::history_entry::HistoryItem;
use crate::components::ticket_actions::TicketActions;
use crate::components::ticket_facts::TicketFacts;
use crate::components::ticket_known_issues::TicketKnownIssues;
use crate::components::ticket_report::TicketReport;
use crate::ctx::ctx;

#[component]
pub fn TicketPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok())));
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(api::ticket_page(id).await),
                None => None,
            }
        }
    });
    // `Some(true)`: replying, `Some(false)`: commenting.
    let compose = RwSignal::new(None::<bool>);
    let changed = Callback::new(move |_: ()| {
        reload.update(|r| *r = r.wrapping_add(1));
        ctx.refresh();
    });
    let sent = Callback::new(move |_: ()| {
        compose.set(None);
        changed.run(());
    });
    let cancel = Callback::new(move |_: ()| compose.set(None));
    view! {
        {move || match data.get() {
            None => view! { <p class="muted" role="status">"Loading ticket…"</p> }.into_any(),
            Some(None) => view! {
                <section class="page">
                    <h2>"No such ticket"</h2>
                    <p>"Ticket numbers are whole numbers, like " <code>"/ticket/42"</code> "."</p>
                </section>
            }.into_any(),
            Some(Some(Err(e))) => view! {
                <section class="page"><h2>"Ticket"</h2><ErrorNote error=e /></section>
            }.into_any(),
            Some(Some(Ok(page))) => {
                let tid = page.ticket.id;
                let lang = page.ticket.language.clone();
                let can_reply = page.can.iter().any(|c| c == "ReplyToTicket");
                let can_comment = page.can.iter().any(|c| c == "CommentOnTicket");
                let history = page.history.clone();
                let facts = page.clone();
                let actions = page.clone();
                view! {
                    <section class="page ticket" aria-labelledby="ticket-title">
                        <h2 id="ticket-title">
                            <span class="muted">"#" {tid} " "</span>
                            {page.ticket.subject.clone()}
                        </h2>
                        <div class="ticket-grid">
                            <div class="ticket-main">
                                <div class="toolbar">
                                    <button
                                        type="button"
                                        id="action-reply"
                                        class="primary"
                                        aria-keyshortcuts="r"
                                        disabled=!can_reply
                                        on:click=move |_| compose.set(Some(true))
                                    >
                                        "Reply"
                                    </button>
                                    <button
                                        type="button"
                                        id="action-comment"
                                        aria-keyshortcuts="c"
                                        disabled=!can_comment
                                        on:click=move |_| compose.set(Some(false))
                                    >
                                        "Comment"
                                    </button>
                                </div>
                                {move || compose.get().map(|reply| {
                                    let lang = lang.clone();
                                    view! {
                                        <Composer ticket=tid reply=reply language=lang on_sent=sent on_cancel=cancel />
                                    }
                                })}
                                <TicketActions page=actions on_change=changed />
                                <TicketReport ticket=tid />
                                <TicketKnownIssues ticket=tid />
                                <h3 id="history-title">"History"</h3>
                                <ol class="history" aria-labelledby="history-title">
                                    {history.into_iter().map(|entry| view! { <HistoryItem entry=entry /> }).collect_view()}
                                </ol>
                            </div>
                            <TicketFacts page=facts />
                        </div>
                    </section>
                }.into_any()
            }
        }}
    }
}
