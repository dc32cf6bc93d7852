//! What a person sees when data cannot be had: what happened, in their language, and a retry.

use crate::view_state::{tr, use_lang};
use karya_core::api::FetchError;
use karya_core::Text;
use leptos::prelude::*;

#[component]
pub fn ErrorPanel(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let headline = error.headline();
    let server_message = error.server_message().map(str::to_string);
    view! {
        <div class="error-panel" role="alert" data-state="error">
            <p class="error-headline">{move || headline.get(lang.get())}</p>
            {server_message.map(|m| view! {
                <p class="error-detail">{tr(Text::ServerSaid)}": " {m}</p>
            })}
            <button type="button" class="button" data-action="retry" on:click=move |_| on_retry.run(())>
                {tr(Text::Retry)}
            </button>
        </div>
    }
}

/// Shown while data loads; it always ends, in data or in an [`ErrorPanel`] (the client has a
/// time limit).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status" aria-busy="true" data-state="loading">{tr(Text::Loading)}</p> }
}
