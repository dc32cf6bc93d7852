//! The editor's token, kept in `sessionStorage`: it lives as long as the tab, never in the
//! address and never in a log. Bound directly, as the app needs nothing else of web storage.

use wasm_bindgen::prelude::*;

const KEY: &str = "karya-editor-token";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = sessionStorage, js_name = getItem)]
    fn get_item(key: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, js_namespace = sessionStorage, js_name = setItem)]
    fn set_item(key: &str, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = sessionStorage, js_name = removeItem)]
    fn remove_item(key: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;
}

/// The token kept for this tab, if any. A browser that refuses storage (a sandboxed frame)
/// simply keeps none: the editor signs in again.
pub fn kept_token() -> Option<String> {
    get_item(KEY).ok().flatten().filter(|t| !t.is_empty())
}

pub fn keep_token(token: &str) {
    let _ = set_item(KEY, token);
}

pub fn forget_token() {
    let _ = remove_item(KEY);
}

/// Today in WIB, by the browser's clock: the latest date a release can have.
pub fn today() -> chrono::NaiveDate {
    let now = chrono::DateTime::from_timestamp_millis(date_now() as i64).unwrap_or_default();
    karya_core::entry::today_wib(now)
}
