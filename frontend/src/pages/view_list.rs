//! Needs answer, Mine and Unowned: a paged list per view, optionally for one queue.

use hushdesk_api::app::{ViewName, ViewQuery};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::components::error_note::ErrorNote;
use crate::components::pager::Pager;
use crate::components::ticket_table::TicketTable;
use crate::ctx::ctx;
use crate::format;

/// The view for a path segment, with its title and what it lists.
pub fn view_for(segment: &str) -> Option<(ViewName, &'static str, &'static str)> {
    match segment {
        "needs-answer" => Some((
            ViewName::NeedsAnswer,
            "Needs answer",
            "Tickets whose last message came from a requestor, oldest first.",
        )),
        "mine" => Some((ViewName::Mine, "Mine", "Active tickets you own.")),
        "unowned" => Some((
            ViewName::Unowned,
            "Unowned",
            "Active tickets nobody owns, oldest first.",
        )),
        _ => None,
    }
}

#[component]
pub fn ViewListPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let query = use_query_map();
    let segment = move || params.with(|p| p.get("name").unwrap_or_default());
    let queue = move || query.with(|q| q.get("queue").and_then(|v| v.parse::<i64>().ok()));
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(1)
        })
    };
    let data = LocalResource::new(move || {
        ctx.tick.track();
        let seg = segment();
        let q = ViewQuery {
            queue: queue(),
            page: Some(page()),
            ..ViewQuery::default()
        };
        async move {
            match view_for(&seg) {
                Some((name, _, _)) => Some(api::view(name, &q).await),
                None => None,
            }
        }
    });
    let queue_name = move || {
        queue().and_then(|id| {
            ctx.queues
                .with(|qs| qs.iter().find(|q| q.id == id).map(|q| q.name.clone()))
        })
    };
    view! {
        {move || {
            let seg = segment();
            let Some((name, title, blurb)) = view_for(&seg) else {
                return view! {
                    <section class="page">
                        <h2>"Unknown view"</h2>
                        <p>"There is no view called “" {seg} "”. Pick one in the top bar."</p>
                    </section>
                }
                    .into_any();
            };
            let show_age = name == ViewName::NeedsAnswer;
            view! {
                <section class="page" aria-labelledby="view-title">
                    <h2 id="view-title">
                        {title}
                        {move || queue_name().map(|q| format!(" — {q}"))}
                    </h2>
                    <p class="muted">{blurb}</p>
                    {move || match data.get() {
                        None | Some(None) => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                        Some(Some(Err(e))) => view! { <ErrorNote error=e /> }.into_any(),
                        Some(Some(Ok(p))) => {
                            let mut base = format!("/view/{}", segment());
                            if let Some(q) = queue() {
                                base.push_str(&format!("?queue={q}"));
                            }
                            view! {
                                <p class="count" data-total=p.total>
                                    {format::count(p.total, "ticket", "tickets")}
                                </p>
                                <TicketTable items=p.items show_age=show_age />
                                <Pager base=base page=p.page pages=p.pages />
                            }
                                .into_any()
                        }
                    }}
                </section>
            }
                .into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_segments_map_to_views() {
        assert_eq!(
            view_for("needs-answer").map(|v| v.0),
            Some(ViewName::NeedsAnswer)
        );
        assert_eq!(view_for("mine").map(|v| v.0), Some(ViewName::Mine));
        assert_eq!(view_for("unowned").map(|v| v.0), Some(ViewName::Unowned));
        assert!(view_for("search").is_none());
        assert!(view_for("").is_none());
    }
}
