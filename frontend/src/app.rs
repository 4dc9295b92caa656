//! Root component: checks the session, then shows the login form or the desk.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Router;

use crate::api::{self, ApiError};
use crate::components::shell::Shell;
use crate::ctx::{Auth, Ctx};
use crate::pages::login::LoginPage;

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);
    api::on_unauthorized(move || ctx.auth.set(Auth::LoggedOut));
    let check = move || {
        ctx.auth.set(Auth::Checking);
        spawn_local(async move {
            match api::session().await {
                Ok(s) => ctx.auth.set(Auth::LoggedIn(s)),
                Err(ApiError::Unauthorized) => ctx.auth.set(Auth::LoggedOut),
                Err(e) => ctx.auth.set(Auth::Failed(e.message())),
            }
        });
    };
    check();
    // Only the phase re-renders the tree, not every change of the session value.
    let phase = Memo::new(move |_| {
        ctx.auth.with(|a| match a {
            Auth::Checking => 0u8,
            Auth::LoggedOut => 1,
            Auth::LoggedIn(_) => 2,
            Auth::Failed(_) => 3,
        })
    });
    view! {
        <Router>
            {move || match phase.get() {
                0 => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                1 => view! { <LoginPage /> }.into_any(),
                2 => view! { <Shell /> }.into_any(),
                _ => {
                    let msg = ctx.auth.with_untracked(|a| match a {
                        Auth::Failed(m) => m.clone(),
                        _ => String::new(),
                    });
                    view! {
                        <div class="center-box">
                            <p class="error" role="alert">{msg}</p>
                            <button on:click=move |_| check()>"Try again"</button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </Router>
    }
}
