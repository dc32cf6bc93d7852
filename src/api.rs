//! The app's one HTTP client: typed calls to Karya's JSON API, a time limit on each, and
//! errors sorted by what a person can do about them (see `karya_core::api::FetchError`).

use gloo_net::http::Request;
use karya_core::api::{ErrorBody, FetchError, ProductionResponse, Session, ShipmentList};
use karya_core::destinations::{Destinations, Measure};
use karya_core::entry::{FieldError, ShipmentDraft};
use karya_core::pipeline::PipelineStage;
use karya_core::production::Granularity;
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::scope::Endpoint;
use karya_core::summary::Summary;
use karya_core::{
    Country, Facility, Filter, Product, Shipment, Source, SourceStatement, SupplyLink,
};
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
    let scope = Endpoint::Ranking.scope(filter);
    let extra = Some(format!("rank={}", measure.code()));
    get_json(&with_query("/ranking", query_with(&scope, extra))).await
}

/// Production of one facility, with its comparison to the previous period.
pub async fn production(
    filter: &Filter,
    granularity: Granularity,
) -> Result<ProductionResponse, FetchError> {
    let scope = Endpoint::Production.scope(filter);
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
    let answer = exchange(|signal| {
        Request::get(url)
            .header("Accept", "application/json")
            .abort_signal(Some(signal))
            .build()
    })
    .await?;
    decode(url, answer)
}

/// An answer as it came: its status, its body and what the service worker said about it.
struct Answer {
    status: u16,
    body: String,
    from_store: bool,
    fetched_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Sends the request `build` makes, with the time limit; any status is an `Answer`.
async fn exchange(
    build: impl FnOnce(&web_sys::AbortSignal) -> Result<gloo_net::http::Request, gloo_net::Error>,
) -> Result<Answer, FetchError> {
    let controller =
        web_sys::AbortController::new().map_err(|e| FetchError::Unreachable(js_text(&e)))?;
    let request =
        build(&controller.signal()).map_err(|e| FetchError::BadResponse(e.to_string()))?;
    let abort = controller.clone();
    let on_timeout = Closure::once(move || abort.abort());
    let timer = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            (TIMEOUT_SECONDS * 1000) as i32,
        )
        .ok()
    });
    let result = request.send().await;
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
    Ok(Answer {
        status,
        body,
        from_store,
        fetched_at,
    })
}

/// A success decoded, anything else as the error a person can act on.
fn decode<T: DeserializeOwned>(url: &str, answer: Answer) -> Result<T, FetchError> {
    if !(200..300).contains(&answer.status) {
        return Err(match FetchError::from_status(answer.status, &answer.body) {
            // The service worker's word for "offline, and nothing kept for this view".
            FetchError::Server { code, .. } if code == "offline" => {
                FetchError::Unreachable("offline".into())
            }
            other => other,
        });
    }
    if url.starts_with(&api_base()) {
        crate::offline::note_answer(answer.from_store, answer.fetched_at);
    }
    serde_json::from_str(&answer.body).map_err(|e| FetchError::BadResponse(e.to_string()))
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

pub async fn sources() -> Result<Vec<Source>, FetchError> {
    get_json("/sources").await
}

/// Whose token this is: the sign-in check. The token travels in the header only.
pub async fn session(token: &str) -> Result<Session, FetchError> {
    let url = format!("{}/session", api_base());
    let bearer = format!("Bearer {token}");
    let answer = exchange(|signal| {
        Request::get(&url)
            .header("Accept", "application/json")
            .header("Authorization", &bearer)
            .abort_signal(Some(signal))
            .build()
    })
    .await?;
    decode(&url, answer)
}

/// Why a release was not saved: the record itself (a 422, with each field at fault), or
/// anything else (the token, the network).
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Refused {
        message: String,
        fields: Vec<FieldError>,
    },
    Failed(FetchError),
}

/// `POST /shipments`: records a new release; the server gives its id.
pub async fn create_shipment(
    token: &str,
    draft: &ShipmentDraft,
    lang: karya_core::Lang,
) -> Result<Shipment, SaveError> {
    let url = format!("{}/shipments", api_base());
    let bearer = format!("Bearer {token}");
    let answer = exchange(|signal| {
        Request::post(&url)
            .header("Accept", "application/json")
            // The server words a refusal in the page's language.
            .header(
                "Accept-Language",
                match lang {
                    karya_core::Lang::Id => "id",
                    karya_core::Lang::En => "en",
                },
            )
            .header("Authorization", &bearer)
            .abort_signal(Some(signal))
            .json(draft)
    })
    .await
    .map_err(SaveError::Failed)?;
    if answer.status == 422 {
        if let Ok(b) = serde_json::from_str::<ErrorBody>(&answer.body) {
            return Err(SaveError::Refused {
                message: b.error.message,
                fields: b.error.fields,
            });
        }
    }
    decode(&url, answer).map_err(SaveError::Failed)
}
