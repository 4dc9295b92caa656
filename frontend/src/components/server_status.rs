//! Shows which RT-compatible server version answers, or why it cannot be reached.

use leptos::prelude::*;

use crate::api;

#[component]
pub fn ServerStatus() -> impl IntoView {
    let version = LocalResource::new(api::rt_version);

    view! {
        <p class="server-status">
            {move || match version.get() {
                None => view! { <span class="muted">"Contacting server…"</span> }.into_any(),
                Some(Ok(v)) => view! { <span class="muted">"Server " {v}</span> }.into_any(),
                Some(Err(e)) => view! { <span class="error">{e.message()}</span> }.into_any(),
            }}
        </p>
    }
}
