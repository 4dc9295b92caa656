//! Statistics dashboard: per queue and language, new tickets, backlog, first response and
//! resolved tickets, each with a CSV export.

use hushdesk_api::app::{StatsKind, StatsQuery};
use leptos::prelude::*;

use crate::components::stats_panel::StatsPanel;
use crate::components::wb_dashboard::WbDashboard;
use crate::ctx::ctx;

#[component]
pub fn StatsPage() -> impl IntoView {
    let ctx = ctx();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let group = RwSignal::new("none".to_owned());
    let queue = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let opt = |s: String| (!s.is_empty()).then_some(s);
    let base = Signal::derive(move || StatsQuery {
        from: opt(from.get()),
        to: opt(to.get()),
        group: opt(group.get()),
        queue: queue.get().parse::<i64>().ok(),
        language: opt(language.get()),
        ..StatsQuery::default()
    });
    // Day/week applies to the time series; first response is bucketed by the server.
    let periodic = Signal::derive(move || {
        let mut q = base.get();
        q.period = opt(period.get());
        q
    });
    view! {
        <section class="page" aria-labelledby="stats-title">
            <h2 id="stats-title">"Statistics"</h2>
            <form class="filters row" on:submit=|ev| ev.prevent_default()>
                <label for="st-from">"From"</label>
                <input id="st-from" type="date" bind:value=from />
                <label for="st-to">"To"</label>
                <input id="st-to" type="date" bind:value=to />
                <label for="st-period">"Per"</label>
                <select id="st-period" on:change=move |ev| period.set(event_target_value(&ev))>
                    <option value="">"default"</option>
                    <option value="day">"day"</option>
                    <option value="week">"week"</option>
                </select>
                <label for="st-group">"Series"</label>
                <select id="st-group" on:change=move |ev| group.set(event_target_value(&ev))>
                    <option value="none">"all together"</option>
                    <option value="queue">"per queue"</option>
                    <option value="language">"per language"</option>
                </select>
                <label for="st-queue">"Queue"</label>
                <select id="st-queue" on:change=move |ev| queue.set(event_target_value(&ev))>
                    <option value="">"all"</option>
                    {move || ctx.queues.get().into_iter().map(|q| view! { <option value=q.id.to_string()>{q.name}</option> }).collect_view()}
                </select>
                <label for="st-lang">"Language"</label>
                <select id="st-lang" on:change=move |ev| language.set(event_target_value(&ev))>
                    <option value="">"all"</option>
                    {move || ctx.languages().into_iter().map(|l| view! { <option value=l.clone()>{l.clone()}</option> }).collect_view()}
                </select>
            </form>
            <div class="stats-grid">
                <StatsPanel kind=StatsKind::NewTickets query=periodic />
                <StatsPanel kind=StatsKind::Backlog query=periodic />
                <StatsPanel kind=StatsKind::FirstResponse query=base />
                <StatsPanel kind=StatsKind::Resolved query=periodic />
            </div>
            <WbDashboard />
        </section>
    }
}
