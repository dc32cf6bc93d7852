//! Browser test of the country panel: its heading names the destination in the reader's
//! language, focus moves into it, it closes, and a failed request ends in words with a retry.
//! The releases it lists come from the real server in `tests/e2e/map.test.mjs`; here the test
//! runner's own server has no API, which is the failure this test wants. Run with
//! `cargo test -p karya-app --target wasm32-unknown-unknown --test country_panel`.
#![cfg(target_arch = "wasm32")]

use karya_app::components::country_panel::CountryPanel;
use karya_app::reference::{provide_fixed_reference, Tables};
use karya_core::{Country, Filter, Lang, Text};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{js_sys, JsFuture};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{mount, text};

fn spain() -> Country {
    Country {
        alpha2: "ES".into(),
        numeric: "724".into(),
        name_id: "Spanyol".into(),
        name_en: "Spain".into(),
        latitude: None,
        longitude: None,
    }
}

/// Waits one timer turn and lets Leptos run what is queued.
async fn turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn the_panel_names_its_destination_takes_focus_closes_and_ends_a_failure_in_words() {
    let lang = RwSignal::new(Lang::Id);
    let closed = RwSignal::new(0);
    let container = mount(lang, move || {
        provide_fixed_reference(Tables::new(vec![], vec![], vec![spain()], vec![]));
        view! {
            <CountryPanel iso="ES".to_string() filter=Filter::default()
                on_close=move |_| closed.update(|n| *n += 1)/>
        }
    });
    let document = web_sys::window().unwrap().document().unwrap();
    for _ in 0..3 {
        turn().await;
    }

    let panel = container
        .query_selector("aside[data-panel]")
        .unwrap()
        .unwrap();
    assert_eq!(panel.get_attribute("data-panel").as_deref(), Some("ES"));
    let heading_id = format!("{} Spanyol", Text::ReleasesTo.get(Lang::Id));
    assert_eq!(text(&container, "#country-panel-title"), heading_id);
    lang.set(Lang::En);
    turn().await;
    let heading_en = format!("{} Spain", Text::ReleasesTo.get(Lang::En));
    assert_eq!(text(&container, "#country-panel-title"), heading_en);

    // Keyboard users land in the panel.
    let active = document.active_element().expect("something has focus");
    assert_eq!(
        active.get_attribute("data-action").as_deref(),
        Some("close-panel")
    );

    // The test runner's server has no API: the panel must end in words and a retry, not a
    // spinner, within a few seconds.
    let mut waited = 0;
    while container
        .query_selector("[data-state=error]")
        .unwrap()
        .is_none()
        && waited < 250
    {
        turn().await;
        waited += 1;
    }
    assert_eq!(
        container
            .query_selector_all("[data-state=error]")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        container
            .query_selector_all("[data-state=loading]")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(
        container
            .query_selector_all("[data-action=retry]")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        container
            .query_selector_all("li[data-shipment]")
            .unwrap()
            .length(),
        0
    );

    let close: HtmlElement = container
        .query_selector("[data-action=close-panel]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    close.click();
    turn().await;
    assert_eq!(closed.get_untracked(), 1);
}
