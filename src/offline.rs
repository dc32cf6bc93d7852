//! Offline after one visit: the service worker (`static/sw.js`) keeps the app and the last
//! answers; when it answers from what it kept, the app says how old the data is.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function register_service_worker() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  }
}
"#)]
extern "C" {
    fn register_service_worker();
}

/// Registers the service worker (a no-op where the browser has none).
pub fn start() {
    register_service_worker();
}

thread_local! {
    /// When the oldest answer on screen was fetched, if it came from the offline store.
    static KEPT_SINCE: ArcRwSignal<Option<DateTime<Utc>>> = ArcRwSignal::new(None);
}

/// The age of the data on screen: `Some(time)` while answers come from the offline store.
pub fn kept_since() -> ArcRwSignal<Option<DateTime<Utc>>> {
    KEPT_SINCE.with(Clone::clone)
}

/// Called by the API client for every answer: `fetched_at` is set when the answer was kept
/// by the service worker and served from its store.
pub fn note_answer(from_store: bool, fetched_at: Option<DateTime<Utc>>) {
    let kept = kept_since();
    if let (true, Some(t)) = (from_store, fetched_at) {
        kept.update(|k| *k = Some(k.map_or(t, |old| old.min(t))));
    } else if !from_store && kept.get_untracked().is_some() {
        kept.set(None);
    }
}
