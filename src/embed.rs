//! Embed mode in the browser: the page reports its height to the page around its frame,
//! whenever the height changes and only then, in every format of `karya_core::embed`.

use karya_core::embed::{resize_messages, EmbedOptions, ResizeMessage};
use wasm_bindgen::prelude::*;

// Browser glue only: a ResizeObserver that calls back with the new height when it changed,
// and `postMessage` of a JSON object or a string to the parent window.
#[wasm_bindgen(inline_js = r#"
export function observe_height(callback) {
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) { last = height; callback(height); }
  };
  new ResizeObserver(report).observe(document.documentElement);
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
