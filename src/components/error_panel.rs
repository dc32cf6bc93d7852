//! What a person sees when data cannot be had: what happened, in their language, and a retry.
//! A busy server's panel counts down the wait it asked for, then retries by itself.

use crate::view_state::{tr, use_lang};
use karya_core::api::{retry_countdown, FetchError};
use karya_core::Text;
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn ErrorPanel(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let headline = error.headline();
    let failure = error.failure().code();
    // The server's words only when they are in the page's language.
    let said = error.clone();
    let server_message = move || {
        said.server_message(lang.get()).map(|m| {
            let m = m.to_string();
            view! { <p class="error-detail">{tr(Text::ServerSaid)}": " {m}</p> }
        })
    };
    let left = RwSignal::new(error.auto_retry_after());
    if left.get_untracked().is_some() {
        // The timer belongs to the panel: a manual retry or leaving the page clears it.
        let tick = move || match left.get_untracked() {
            Some(s) if s > 1 => left.set(Some(s - 1)),
            Some(_) => {
                left.set(None);
                on_retry.run(());
            }
            None => {}
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    }
    let countdown = move || {
        left.get().map(|s| {
            view! { <p class="error-detail" data-retry-in=s>{move || retry_countdown(lang.get(), s)}</p> }
        })
    };
    let retry = move |_| {
        left.set(None);
        on_retry.run(());
    };
    view! {
        <div class="error-panel" role="alert" data-state="error" data-error=failure>
            <p class="error-headline">{move || headline.get(lang.get())}</p>
            {server_message}
            {countdown}
            <button type="button" class="button" data-action="retry" on:click=retry>
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
