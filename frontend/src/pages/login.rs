//! The login form; a successful login sets the HttpOnly session cookie.

use leptos::prelude::*;

use crate::api;
use crate::ctx::{ctx, Auth};

#[component]
pub fn LoginPage() -> impl IntoView {
    let ctx = ctx();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |(u, p): &(String, String)| {
        let (u, p) = (u.clone(), p.clone());
        async move { api::login(u, p).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(s)) = login.value().get() {
            ctx.auth.set(Auth::LoggedIn(s));
        }
    });
    let error = move || match login.value().get() {
        Some(Err(api::ApiError::Unauthorized)) => Some("Wrong user name or password.".to_owned()),
        Some(Err(e)) => Some(e.message()),
        _ => None,
    };
    view! {
        <main class="login" id="main">
            <form
                class="card"
                aria-labelledby="login-title"
                on:submit=move |ev| {
                    ev.prevent_default();
                    login.dispatch((username.get_untracked(), password.get_untracked()));
                }
            >
                <h1 id="login-title">"Hushdesk"</h1>
                <p class="muted">"Log in to the help desk."</p>
                <label for="login-user">"User name"</label>
                <input id="login-user" name="username" autocomplete="username" required bind:value=username />
                <label for="login-password">"Password"</label>
                <input
                    id="login-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    bind:value=password
                />
                {move || error().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="primary" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { "Logging in…" } else { "Log in" }}
                </button>
            </form>
        </main>
    }
}
