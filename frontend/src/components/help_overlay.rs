//! The keyboard help, opened with `?` and closed with Esc or its button.

use leptos::prelude::*;

use crate::ctx::ctx;
use crate::keys::HELP;

#[component]
pub fn HelpOverlay() -> impl IntoView {
    let ctx = ctx();
    view! {
        <Show when=move || ctx.help.get()>
            <div class="overlay" on:click=move |_| ctx.help.set(false)>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="help-title"
                    on:click=|ev| ev.stop_propagation()
                >
                    <h2 id="help-title">"Keyboard shortcuts"</h2>
                    <dl class="keys">
                        {HELP
                            .iter()
                            .map(|(k, what)| view! {
                                <dt><kbd>{*k}</kbd></dt>
                                <dd>{*what}</dd>
                            })
                            .collect_view()}
                    </dl>
                    <button type="button" autofocus on:click=move |_| ctx.help.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
