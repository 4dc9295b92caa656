//! Shown for addresses the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <section class="page">
            <h2>"Page not found"</h2>
            <p>
                "There is no page at " <code>{move || path.get()}</code>
                ". It may have been mistyped, or the link is from an older version."
            </p>
            <p>
                <A href="/view/needs-answer">"Go to the tickets that need an answer"</A>
            </p>
        </section>
    }
}
