//! Previous/next links for a paged list; keeps the other query parameters.

use leptos::prelude::*;

/// `base` is the path with its other query parameters (`/view/mine?queue=2`).
#[component]
pub fn Pager(base: String, page: i64, pages: i64) -> impl IntoView {
    let sep = if base.contains('?') { '&' } else { '?' };
    let link = move |p: i64| format!("{base}{sep}page={p}");
    let prev = (page > 1).then(|| link(page - 1));
    let next = (page < pages).then(|| link(page + 1));
    view! {
        <nav class="pager" aria-label="Pages">
            {prev.map(|h| view! { <a href=h rel="prev">"← Previous"</a> })}
            <span>"Page " {page} " of " {pages.max(1)}</span>
            {next.map(|h| view! { <a href=h rel="next">"Next →"</a> })}
        </nav>
    }
}
