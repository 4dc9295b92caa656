//! An API error as a readable, announced message.

use leptos::prelude::*;

use crate::api::ApiError;

#[component]
pub fn ErrorNote(error: ApiError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.message()}</p> }
}
