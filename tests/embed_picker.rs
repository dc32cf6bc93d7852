//! Browser test of the embed dialog's view picker: the site's search, used by keyboard, chooses
//! another view for the snippet. Run with
//! `cargo test -p karya-app --target wasm32-unknown-unknown --test embed_picker`.
#![cfg(target_arch = "wasm32")]

use karya_app::components::embed_dialog::EmbedDialog;
use karya_app::reference::{provide_fixed_reference, Tables};
use karya_core::embed::{chosen_view_pairs, embed_address, snippet, EmbedOptions};
use karya_core::{Country, Lang};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::js_sys;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{attr, find, mount, settle, text};

fn country(alpha2: &str, name_id: &str, name_en: &str) -> Country {
    Country {
        alpha2: alpha2.into(),
        numeric: String::new(),
        name_id: name_id.into(),
        name_en: name_en.into(),
        latitude: None,
        longitude: None,
    }
}

fn key(element: &HtmlElement, key: &str) {
    js_sys::Function::new_with_args(
        "element, key",
        "element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));",
    )
    .call2(&JsValue::NULL, element, &JsValue::from_str(key))
    .unwrap();
}

fn type_text(input: &HtmlElement, value: &str) {
    input
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .set_value(value);
    js_sys::Function::new_with_args(
        "e",
        "e.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .call1(&JsValue::NULL, input)
    .unwrap();
}

fn code(c: &HtmlElement) -> String {
    find(c, "[data-embed-code]")
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

#[wasm_bindgen_test]
async fn a_view_chosen_by_keyboard_is_the_one_the_snippet_embeds() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let history = window.history().unwrap();
    history
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some("/map?year=2025&product=coco-shade&lang=en"),
        )
        .unwrap();
    let countries = vec![
        country("ES", "Spanyol", "Spain"),
        country("LK", "Sri Lanka", "Sri Lanka"),
    ];
    let c = mount(RwSignal::new(Lang::En), move || {
        provide_fixed_reference(Tables::new(vec![], vec![], countries, vec![]));
        view! { <Router><EmbedDialog/></Router> }
    });
    settle().await;
    find(&c, "[data-action=embed]").click();
    settle().await;
    let origin = window.location().origin().unwrap();
    assert!(
        code(&c).contains(&format!("{origin}/map?")),
        "the page on screen first: {}",
        code(&c)
    );
    assert_eq!(text(&c, "[data-embed-chosen]"), "This page");

    let input = find(&c, "#embed-search-input");
    type_text(&input, "s");
    settle().await;
    assert_eq!(
        attr(&c, "#embed-search-input", "aria-expanded").as_deref(),
        Some("true")
    );
    for (press, active, name) in [
        ("ArrowDown", 0, "Spain"),
        ("ArrowDown", 1, "Sri Lanka"),
        ("ArrowUp", 0, "Spain"),
    ] {
        key(&input, press);
        settle().await;
        let id = format!("embed-search-option-{active}");
        assert_eq!(
            attr(&c, "#embed-search-input", "aria-activedescendant"),
            Some(id.clone()),
            "{press}"
        );
        assert_eq!(
            attr(&c, &format!("#{id}"), "aria-selected").as_deref(),
            Some("true")
        );
        assert!(text(&c, &format!("#{id}")).starts_with(name), "{press}");
    }
    // Escape closes the list, not the dialog.
    key(&input, "Escape");
    settle().await;
    assert_eq!(
        attr(&c, "#embed-search-input", "aria-expanded").as_deref(),
        Some("false")
    );
    assert!(find(&c, "[data-dialog=embed]").has_attribute("open"));
    key(&input, "ArrowDown");
    key(&input, "Enter");
    settle().await;

    assert_eq!(
        attr(&c, "[data-embed-view]", "data-embed-view").as_deref(),
        Some("/country/ES")
    );
    assert_eq!(text(&c, "[data-embed-chosen]"), "Spain");
    let page: Vec<(String, String)> = [("year", "2025"), ("product", "coco-shade"), ("lang", "en")]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .into();
    let options = EmbedOptions {
        id: "karya".into(),
        ..Default::default()
    };
    let shown = code(&c);
    assert_eq!(
        shown,
        snippet(
            &origin,
            &embed_address("/country/ES", &chosen_view_pairs(&page), &options),
            "Spain"
        )
    );
    assert!(
        shown.starts_with(&format!(
            "<iframe src=\"{origin}/country/ES?lang=en&amp;embed=karya\""
        )),
        "{shown}"
    );

    // Back to the page on screen.
    find(&c, "[data-embed-reset]").click();
    settle().await;
    assert!(code(&c).contains(&format!("{origin}/map?")), "{}", code(&c));
    assert_eq!(attr(&c, ".embed-view", "data-embed-view"), None);
    assert_eq!(text(&c, "[data-embed-chosen]"), "This page");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&before))
        .unwrap();
}
