//! "Copy link": the address of the view on screen, which holds its whole state (language,
//! filter, the page's own keys, a briefing's deck), put on the clipboard.

use crate::view_state::tr;
use karya_core::Text;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function copy_text(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).then(() => true, () => false);
  }
  return Promise.resolve(false);
}
"#)]
extern "C" {
    fn copy_text(text: &str) -> Promise;
}

#[component]
pub fn CopyLink() -> impl IntoView {
    // What happened last: copied, or the browser refused (the address is then shown to copy).
    let outcome = RwSignal::new(None::<bool>);
    let href = move || {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    };
    view! {
        <button type="button" class="button button-secondary" data-action="copy-link" on:click=move |_| {
            let copying = JsFuture::from(copy_text(&href()));
            leptos::task::spawn_local(async move {
                let copied = copying.await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
                outcome.set(Some(copied));
            });
        }>{tr(Text::CopyLink)}</button>
        {move || outcome.get().map(|copied| if copied {
            view! { <span class="hint" role="status" data-copied="">{tr(Text::LinkCopied)}</span> }.into_any()
        } else {
            view! {
                <input class="copy-fallback" readonly data-copy-fallback="" aria-label=tr(Text::CopyLink)
                    prop:value=href()/>
            }
            .into_any()
        })}
    }
}
