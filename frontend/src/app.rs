//! Root component: page frame around the individual views.

use leptos::prelude::*;

use crate::components::server_status::ServerStatus;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="top">
            <h1>"Hushdesk"</h1>
        </header>
        <main>
            <ServerStatus />
        </main>
    }
}
