//! The desk around every page: top bar with the views, queue sidebar, routed main area,
//! keyboard help; polls counts every 30 s.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Redirect, Route, Routes};
use leptos_router::path;

use crate::api;
use crate::components::help_overlay::HelpOverlay;
use crate::components::server_status::ServerStatus;
use crate::components::sidebar::Sidebar;
use crate::components::view_tabs::ViewTabs;
use crate::ctx::{ctx, Auth};
use crate::keys;
use crate::pages::answers::AnswersPage;
use crate::pages::handover::HandoverPage;
use crate::pages::hardware::HardwarePage;
use crate::pages::known_issues::KnownIssuesPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::search::SearchPage;
use crate::pages::stats::StatsPage;
use crate::pages::ticket::TicketPage;
use crate::pages::view_list::ViewListPage;

/// How often counts and lists are refreshed.
pub const POLL: Duration = Duration::from_secs(30);

#[component]
pub fn Shell() -> impl IntoView {
    let ctx = ctx();
    keys::install(ctx.help);
    if let Ok(handle) = set_interval_with_handle(move || ctx.refresh(), POLL) {
        on_cleanup(move || handle.clear());
    }
    let who = ctx
        .me()
        .map(|s| {
            if s.real_name.is_empty() {
                s.name
            } else {
                s.real_name
            }
        })
        .unwrap_or_default();
    let logout = move |_| {
        spawn_local(async move {
            // Even if the call fails, forget the session here; the cookie expires anyway.
            let _ = api::logout().await;
            ctx.auth.set(Auth::LoggedOut);
        });
    };
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <header class="top">
            <a class="brand" href="/view/needs-answer">"Hushdesk"</a>
            <ViewTabs />
            <nav class="wb-nav" aria-label="WhisperBack">
                <a href="/known-issues" id="nav-known-issues">"Known issues"</a>
                " "
                <a href="/hardware" id="nav-hardware">"Hardware"</a>
            </nav>
            <div class="me">
                <span class="muted">{who}</span>
                <button
                    type="button"
                    class="link"
                    aria-keyshortcuts="?"
                    on:click=move |_| ctx.help.update(|h| *h = !*h)
                >
                    "Shortcuts"
                </button>
                <button type="button" id="logout" on:click=logout>"Log out"</button>
            </div>
        </header>
        <div class="layout">
            <Sidebar />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/view/needs-answer" /> } />
                    <Route path=path!("/login") view=|| view! { <Redirect path="/view/needs-answer" /> } />
                    <Route path=path!("/view/:name") view=ViewListPage />
                    <Route path=path!("/handover") view=HandoverPage />
                    <Route path=path!("/search") view=SearchPage />
                    <Route path=path!("/find") view=SearchPage />
                    <Route path=path!("/ticket/:id") view=TicketPage />
                    <Route path=path!("/answers") view=AnswersPage />
                    <Route path=path!("/stats") view=StatsPage />
                    <Route path=path!("/known-issues") view=KnownIssuesPage />
                    <Route path=path!("/hardware") view=HardwarePage />
                </Routes>
            </main>
        </div>
        <footer class="foot">
            <ServerStatus />
        </footer>
        <HelpOverlay />
    }
}
