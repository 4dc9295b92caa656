//! Since last shift: from a chosen time, replies sent, tickets resolved and new tickets
//! still unanswered, per supporter.

use hushdesk_api::app::HandoverQuery;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::api;
use crate::components::error_note::ErrorNote;
use crate::components::ticket_table::TicketTable;
use crate::ctx::ctx;
use crate::format;

/// `YYYY-MM-DDTHH:MM` in the browser's time zone → RFC 3339 UTC.
fn local_to_utc(local: &str) -> Option<String> {
    if local.is_empty() {
        return None;
    }
    let date = js_sys::Date::new(&JsValue::from_str(local));
    if date.get_time().is_nan() {
        return None;
    }
    date.to_iso_string().as_string()
}

#[component]
pub fn HandoverPage() -> impl IntoView {
    let ctx = ctx();
    let since_input = RwSignal::new(String::new());
    let since = RwSignal::new(None::<String>);
    let data = LocalResource::new(move || {
        ctx.tick.track();
        let q = HandoverQuery {
            since: since.get(),
            ..HandoverQuery::default()
        };
        async move { api::handover(&q).await }
    });
    view! {
        <section class="page" aria-labelledby="handover-title">
            <h2 id="handover-title">"Since last shift"</h2>
            <form
                class="inline"
                on:submit=move |ev| {
                    ev.prevent_default();
                    since.set(local_to_utc(&since_input.get_untracked()));
                }
            >
                <label for="handover-since">"Since (your local time)"</label>
                <input id="handover-since" type="datetime-local" bind:value=since_input />
                <button type="submit">"Show"</button>
                <span class="muted">"Empty: the last 8 hours."</span>
            </form>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(h)) => view! {
                    <p class="muted">
                        "From " {format::time(&h.since)} " to " {format::time(&h.until)} " UTC"
                    </p>
                    <ul class="totals">
                        <li><strong data-n="replies">{h.replies}</strong> " replies sent"</li>
                        <li><strong data-n="resolved">{h.resolved}</strong> " tickets resolved"</li>
                        <li><strong data-n="new">{h.new_tickets}</strong> " new tickets"</li>
                        <li><strong data-n="unanswered">{h.unanswered_new.len()}</strong> " new and still unanswered"</li>
                    </ul>
                    <h3>"Per supporter"</h3>
                    {if h.per_supporter.is_empty() {
                        view! { <p class="empty">"Nobody replied, commented or resolved in this period."</p> }.into_any()
                    } else {
                        view! {
                            <table class="plain">
                                <thead>
                                    <tr>
                                        <th scope="col">"Supporter"</th>
                                        <th scope="col">"Replies"</th>
                                        <th scope="col">"Comments"</th>
                                        <th scope="col">"Resolved"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {h.per_supporter.into_iter().map(|a| view! {
                                        <tr>
                                            <td>{if a.supporter.real_name.is_empty() { a.supporter.name } else { a.supporter.real_name }}</td>
                                            <td>{a.replies}</td>
                                            <td>{a.comments}</td>
                                            <td>{a.resolved}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <h3>"New tickets still unanswered"</h3>
                    <TicketTable items=h.unanswered_new show_age=true />
                }
                    .into_any(),
            }}
        </section>
    }
}
