//! `performance` marks for the benchmarks (bench/*.mjs): when a view has new figures in the
//! DOM (`<view>-updated`) and when the next frame shows them (`<view>-drawn`).

use leptos::prelude::request_animation_frame;

fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Marks `karya:<view>-updated` now and `karya:<view>-drawn` on the next frame.
pub fn mark_drawn(view: &'static str) {
    mark(&format!("karya:{view}-updated"));
    request_animation_frame(move || mark(&format!("karya:{view}-drawn")));
}
