//! `performance` marks for the benchmarks (bench/*.mjs): when a view has new figures in the
//! DOM (`<view>-updated`) and when the frame that shows them has been painted
//! (`<view>-drawn`); and work put off until that frame is on screen.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Marks `karya:<view>-updated` now and `karya:<view>-drawn` once the next frame is painted.
/// A `requestAnimationFrame` callback runs before that frame's style, layout and paint, so
/// marking there would leave out the costly part of drawing an SVG map; a task queued from it
/// runs after the frame is painted.
pub fn mark_drawn(view: &'static str) {
    mark(&format!("karya:{view}-updated"));
    after_next_paint(move || mark(&format!("karya:{view}-drawn")));
}

/// Runs `f` in a task queued once the next frame has been painted: for work a person is not
/// waiting for, which must not delay what they are.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}
