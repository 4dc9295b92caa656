//! One statistic as a chart, with its CSV export link.

use hushdesk_api::app::{StatsKind, StatsQuery};
use leptos::prelude::*;

use crate::api;
use crate::components::chart::{Chart, ChartKind};
use crate::components::error_note::ErrorNote;

/// Title, chart kind and unit of each statistic.
pub fn describe(kind: StatsKind) -> (&'static str, ChartKind, &'static str) {
    match kind {
        StatsKind::NewTickets => ("New tickets", ChartKind::Bars, "tickets"),
        StatsKind::Backlog => (
            "Backlog (active tickets at the end of each day)",
            ChartKind::Lines,
            "tickets",
        ),
        StatsKind::FirstResponse => ("Time to first response", ChartKind::Bars, "tickets"),
        StatsKind::Resolved => ("Resolved", ChartKind::Bars, "tickets"),
    }
}

#[component]
pub fn StatsPanel(kind: StatsKind, query: Signal<StatsQuery>) -> impl IntoView {
    let (title, chart_kind, unit) = describe(kind);
    let data = LocalResource::new(move || {
        let q = query.get();
        async move { api::stats(kind, &q).await }
    });
    let csv = move || {
        let mut q = query.get();
        q.format = Some("csv".into());
        api::stats_url(kind, &q)
    };
    let slug = api::wire_name(&kind);
    view! {
        <section class="stat card" id=format!("stat-{slug}") aria-label=title>
            <header class="stat-head">
                <h3>{title}</h3>
                <a class="csv" href=csv download=format!("{slug}.csv")>"Export CSV"</a>
            </header>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(r)) => {
                    let sub = format!("{} to {}, per {}", r.from, r.to, r.period);
                    view! {
                        <p class="muted small">{sub}</p>
                        <Chart title=title.to_owned() series=r.series kind=chart_kind unit=unit />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
