//! Offline after one visit: the service worker (`static/sw.js`) keeps the app and the last
//! answers; when it answers from what it kept, the app says how old the data is.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function register_service_worker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch(() => {});
  // What this page fetched without the worker (before it took control) is posted to it once
  // it controls the page, so the worker can keep it: one visit is enough to work offline.
  const seen = new Set();
  const pending = [];
  const flush = () => {
    const worker = navigator.serviceWorker.controller;
    if (worker && pending.length) worker.postMessage({ type: 'keep', urls: pending.splice(0) });
  };
  const note = (entries) => {
    for (const e of entries) {
      if (e.workerStart > 0) continue; // the worker saw it already
      const url = new URL(e.name, location.href);
      if (url.origin !== location.origin || seen.has(url.href)) continue;
      seen.add(url.href);
      pending.push(url.href);
    }
    flush();
  };
  try {
    new PerformanceObserver((list) => note(list.getEntries())).observe({ type: 'resource', buffered: true });
  } catch (e) {
    note(performance.getEntriesByType('resource'));
  }
  navigator.serviceWorker.addEventListener('controllerchange', flush);
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
