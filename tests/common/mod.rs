//! What the browser tests share: mounting a view under a view state whose language can be
//! changed, finding what it drew, and letting the browser run what is queued. Each test file
//! uses part of it.
#![allow(dead_code)]

use karya_app::view_state::{AddressFilter, ViewState};
use karya_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{js_sys, JsFuture};
use web_sys::HtmlElement;

/// Mounts `view` in a fresh container under a view state whose language can be changed.
pub fn mount<V: IntoView + 'static>(
    lang: RwSignal<Lang>,
    view: impl FnOnce() -> V + 'static,
) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(ViewState {
            lang: lang.into(),
            filter: Signal::stored(AddressFilter::default()),
            embed: Signal::stored(None),
        });
        view()
    });
    // The container lives for the rest of the test run; keep its view mounted.
    std::mem::forget(handle);
    container
}

pub fn find(container: &HtmlElement, selector: &str) -> HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

pub fn find_all(container: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

pub fn count(container: &HtmlElement, selector: &str) -> u32 {
    container.query_selector_all(selector).unwrap().length()
}

pub fn text(container: &HtmlElement, selector: &str) -> String {
    find(container, selector).text_content().unwrap_or_default()
}

pub fn attr(container: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    find(container, selector).get_attribute(name)
}

/// Lets the browser run everything already queued: promises, spawned tasks, effects.
pub async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
        leptos::task::tick().await;
    }
}
