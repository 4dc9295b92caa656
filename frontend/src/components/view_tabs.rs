//! The views in the top bar, with how many tickets each holds.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::ctx::ctx;

#[component]
pub fn ViewTabs() -> impl IntoView {
    let ctx = ctx();
    let counts = LocalResource::new(move || {
        ctx.tick.track();
        api::view_counts()
    });
    let n = move |pick: fn(&hushdesk_api::app::ViewCounts) -> i64| {
        move || match counts.get() {
            Some(Ok(c)) => format!(" ({})", pick(&c)),
            _ => String::new(),
        }
    };
    view! {
        <nav class="tabs" aria-label="Views">
            <A href="/view/needs-answer">"Needs answer" <span class="n">{n(|c| c.needs_answer)}</span></A>
            <A href="/view/mine">"Mine" <span class="n">{n(|c| c.mine)}</span></A>
            <A href="/view/unowned">"Unowned" <span class="n">{n(|c| c.unowned)}</span></A>
            <A href="/handover">"Since last shift"</A>
            <A href="/search">"Search"</A>
            <A href="/answers">"Answers"</A>
            <A href="/stats">"Statistics"</A>
        </nav>
    }
}
