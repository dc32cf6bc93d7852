//! Embed mode in the browser: the page reports its height to the page around its frame,
//! when the height changes and again when the frame is seen, in every format of `karya_core::embed`.

use karya_core::embed::{resize_messages, EmbedOptions, ResizeMessage};
use wasm_bindgen::prelude::*;

// Browser glue only: a ResizeObserver that calls back with the new height when it changed,
// and `postMessage` of a JSON object or a string to the parent window.
#[wasm_bindgen(inline_js = r#"
export function observe_height(callback) {
  let last = -1;
  const report = (again) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (again || height !== last) { last = height; callback(height); }
  };
  new ResizeObserver(() => report(false)).observe(document.documentElement);
  // Chromium pauses rendering in an off-screen cross-origin frame, so the observer may not run
  // until it is seen: say the height again when the frame comes into view or is shown, on
  // load, and every half second while it still changes (three still ticks end it; 20 s at
  // most). A frame in view whose height holds sends nothing more.
  new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) report(true); })
    .observe(document.documentElement);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) report(true); });
  window.addEventListener('load', () => report(true));
  let still = 0, ticks = 0;
  const timer = setInterval(() => {
    const before = last;
    report(false);
    still = last === before ? still + 1 : 0;
    if (still >= 3 || ++ticks >= 40) clearInterval(timer);
  }, 500);
}
export function post_to_parent(text, is_object) {
  if (window.parent === window) return;
  window.parent.postMessage(is_object ? JSON.parse(text) : text, '*');
}
"#)]
extern "C" {
    fn observe_height(callback: &Closure<dyn FnMut(u32)>);
    fn post_to_parent(text: &str, is_object: bool);
}

/// Starts reporting the height for the rest of the page's life.
pub fn report_height(options: EmbedOptions) {
    let callback = Closure::<dyn FnMut(u32)>::new(move |height: u32| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        for message in resize_messages(&options, &href, height) {
            match message {
                ResizeMessage::Object(value) => post_to_parent(&value.to_string(), true),
                ResizeMessage::Text(text) => post_to_parent(&text, false),
            }
        }
    });
    observe_height(&callback);
    // The observer calls it for as long as the page lives.
    callback.forget();
}
