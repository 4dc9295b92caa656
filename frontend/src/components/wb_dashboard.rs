//! Statistics dashboard part for WhisperBack: top bugs and hardware outcomes per version.

use leptos::prelude::*;

use crate::api_wb;
use crate::components::error_note::ErrorNote;
use crate::ctx::ctx;

#[component]
pub fn WbDashboard() -> impl IntoView {
    let ctx = ctx();
    let data = LocalResource::new(move || {
        ctx.tick.track();
        async move { api_wb::dashboard().await }
    });
    view! {
        <section class="card wb-dashboard" aria-labelledby="wbd-title">
            <h3 id="wbd-title">"Top bugs and hardware"</h3>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(d)) => view! {
                    <h4 id="wbd-bugs-title">"Top bugs (open)"</h4>
                    <ol id="wbd-bugs" aria-labelledby="wbd-bugs-title">
                        {d.top_bugs.items.into_iter().map(|b| view! {
                            <li data-issue=b.id>{format!("{} — {} tickets, {} requesters", b.title, b.tickets, b.requestors)}</li>
                        }).collect_view()}
                    </ol>
                    <h4 id="wbd-hw-title">"Hardware outcomes per Tails version"</h4>
                    <table class="plain" id="wbd-outcomes" aria-labelledby="wbd-hw-title">
                        <thead><tr>
                            <th scope="col">"Version"</th><th scope="col">"Reports"</th><th scope="col">"Works"</th>
                            <th scope="col">"Fails"</th><th scope="col">"Partial"</th>
                        </tr></thead>
                        <tbody>
                            {d.outcomes_by_version.into_iter().map(|v| view! {
                                <tr><td>{v.version}</td><td>{v.reports}</td><td>{v.works}</td><td>{v.fails}</td><td>{v.partial}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h4>"Top failing devices"</h4>
                    <ul id="wbd-failing">
                        {d.top_failing.into_iter().map(|f| view! {
                            <li>{format!("{} {} ({}) — fails {}, partial {}, works {}", f.kind, f.key, f.name, f.fails, f.partial, f.works)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
