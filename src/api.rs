//! The app's one HTTP client: typed calls to Karya's JSON API, a time limit on each, and
//! errors sorted by what a person can do about them (see `karya_core::api::FetchError`).

use gloo_net::http::Request;
use karya_core::api::{FetchError, ProductionResponse, ShipmentList};
use karya_core::destinations::{Destinations, Measure};
use karya_core::pipeline::PipelineStage;
use karya_core::production::Granularity;
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::summary::Summary;
use karya_core::{Country, Facility, Filter, Product, SourceStatement, SupplyLink};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// A briefing-room network can hang rather than fail; after this, say so and offer a retry.
const TIMEOUT_SECONDS: u32 = 15;
const DEFAULT_BASE: &str = "/api/v1";

/// The API's address: `<meta name="karya-api-base" content="…">` in `index.html`, so a
/// deployment can point the built app at another backend without rebuilding it.
pub fn api_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=karya-api-base]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .map(|s| s.trim_end_matches('/').to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| DEFAULT_BASE.to_string())
}

/// GET `path` (with its query) under the API base and decode the JSON answer.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    get_url(&format!("{}{path}", api_base())).await
}

/// The prepared world map, shipped with the app (`dist/geo/world.json`).
pub async fn world_map() -> Result<karya_core::geo::WorldMap, FetchError> {
    get_url("/geo/world.json").await
}

/// The prepared map of Indonesia's provinces (`dist/geo/indonesia.json`).
pub async fn indonesia_map() -> Result<karya_core::geo::RegionMap, FetchError> {
    get_url("/geo/indonesia.json").await
}

pub async fn destinations(filter: &Filter, measure: Measure) -> Result<Destinations, FetchError> {
    let extra = (measure != Measure::Releases).then(|| format!("measure={}", measure.code()));
    get_json(&with_query("/destinations", query_with(filter, extra))).await
}

pub async fn ranking(filter: &Filter, measure: RankMeasure) -> Result<Ranking, FetchError> {
    let scope = Filter {
        facility: None,
        country: None,
        ..filter.clone()
    };
    let extra = Some(format!("rank={}", measure.code()));
    get_json(&with_query("/ranking", query_with(&scope, extra))).await
}

/// Production of one facility, with its comparison to the previous period.
pub async fn production(
    filter: &Filter,
    granularity: Granularity,
) -> Result<ProductionResponse, FetchError> {
    let scope = Filter {
        country: None,
        ..filter.clone()
    };
    let extra = Some(format!("granularity={}", granularity.code()));
    get_json(&with_query("/production", query_with(&scope, extra))).await
}

pub async fn pipeline() -> Result<Vec<PipelineStage>, FetchError> {
    get_json("/pipeline").await
}

pub async fn facility(id: &str) -> Result<Facility, FetchError> {
    get_json(&format!("/facilities/{id}")).await
}

pub async fn supply_links() -> Result<Vec<SupplyLink>, FetchError> {
    get_json("/supply-links").await
}

/// The filter's query with one more `key=value` after it.
fn query_with(filter: &Filter, extra: Option<String>) -> String {
    let mut query = filter.to_query();
    if let Some(extra) = extra {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&extra);
    }
    query
}

async fn get_url<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let controller =
        web_sys::AbortController::new().map_err(|e| FetchError::Unreachable(js_text(&e)))?;
    let abort = controller.clone();
    let on_timeout = Closure::once(move || abort.abort());
    let timer = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            (TIMEOUT_SECONDS * 1000) as i32,
        )
        .ok()
    });
    let result = Request::get(url)
        .header("Accept", "application/json")
        .abort_signal(Some(&controller.signal()))
        .send()
        .await;
    if let (Some(w), Some(t)) = (web_sys::window(), timer) {
        w.clear_timeout_with_handle(t);
    }
    let response = match result {
        Ok(r) => r,
        Err(_) if controller.signal().aborted() => {
            return Err(FetchError::TimedOut(TIMEOUT_SECONDS))
        }
        Err(e) => return Err(FetchError::Unreachable(e.to_string())),
    };
    let status = response.status();
    let from_store = response.headers().get("x-karya-from-cache").is_some();
    let fetched_at = response
        .headers()
        .get("x-karya-fetched-at")
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.with_timezone(&chrono::Utc));
    let body = response
        .text()
        .await
        .map_err(|e| FetchError::BadResponse(e.to_string()))?;
    if !(200..300).contains(&status) {
        return Err(match FetchError::from_status(status, &body) {
            // The service worker's word for "offline, and nothing kept for this view".
            FetchError::Server { code, .. } if code == "offline" => {
                FetchError::Unreachable("offline".into())
            }
            other => other,
        });
    }
    if url.starts_with(&api_base()) {
        crate::offline::note_answer(from_store, fetched_at);
    }
    serde_json::from_str(&body).map_err(|e| FetchError::BadResponse(e.to_string()))
}

fn js_text(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

fn with_query(path: &str, query: String) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

pub async fn summary(filter: &Filter) -> Result<Summary, FetchError> {
    get_json(&with_query("/summary", filter.to_query())).await
}

pub async fn shipments(filter: &Filter, limit: u32) -> Result<ShipmentList, FetchError> {
    let query = query_with(filter, Some(format!("limit={limit}")));
    get_json(&with_query("/shipments", query)).await
}

/// Releases that a public source reports (not the illustrative sample), newest first.
pub async fn reported_shipments(limit: u32) -> Result<ShipmentList, FetchError> {
    get_json(&format!("/shipments?provenance=reported&limit={limit}")).await
}

pub async fn products() -> Result<Vec<Product>, FetchError> {
    get_json("/products").await
}

pub async fn facilities() -> Result<Vec<Facility>, FetchError> {
    get_json("/facilities").await
}

pub async fn countries() -> Result<Vec<Country>, FetchError> {
    get_json("/countries").await
}

pub async fn statements() -> Result<Vec<SourceStatement>, FetchError> {
    get_json("/statements").await
}
