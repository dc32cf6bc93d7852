//! The app's one HTTP client: typed calls to Karya's JSON API, a time limit on each, and
//! errors sorted by what a person can do about them (see `karya_core::api::FetchError`).

use gloo_net::http::Request;
use karya_core::api::{ErrorBody, FetchError, ProductionResponse, Session, ShipmentList};
use karya_core::destinations::{Destinations, Measure};
use karya_core::entry::{FieldError, ShipmentDraft};
use karya_core::pipeline::PipelineStage;
use karya_core::production::Granularity;
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::scope::queries;
use karya_core::summary::Summary;
use karya_core::{
    Country, Facility, Filter, Product, Shipment, Source, SourceStatement, SupplyLink,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// A briefing-room network can hang rather than fail; after this, say so and offer a retry.
const TIMEOUT_SECONDS: u32 = 15;

/// The time limit in force: 15 s, or a shorter one a test sets before the app starts
/// (`window.karyaTimeLimitSeconds`), so the fault tests need not wait 15 s per case.
fn time_limit() -> u32 {
    web_sys::window()
        .and_then(|w| {
            web_sys::js_sys::Reflect::get(&w, &JsValue::from_str("karyaTimeLimitSeconds")).ok()
        })
        .and_then(|v| v.as_f64())
        .filter(|s| *s >= 1.0 && *s <= TIMEOUT_SECONDS as f64)
        .map_or(TIMEOUT_SECONDS, |s| s as u32)
}

/// The page's language, from its address (`?lang=`), for `Accept-Language`: the server words
/// its errors in it, and says which language it used.
fn reader_lang() -> karya_core::Lang {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang="))
                .and_then(karya_core::Lang::parse)
        })
        .unwrap_or_default()
}
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
    get_json(&with_query(
        "/destinations",
        queries::destinations(filter, measure),
    ))
    .await
}

pub async fn ranking(filter: &Filter, measure: RankMeasure) -> Result<Ranking, FetchError> {
    get_json(&with_query("/ranking", queries::ranking(filter, measure))).await
}

/// Production of one facility, with its comparison to the previous period.
pub async fn production(
    filter: &Filter,
    granularity: Granularity,
) -> Result<ProductionResponse, FetchError> {
    get_json(&with_query(
        "/production",
        queries::production(filter, granularity),
    ))
    .await
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

async fn get_url<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let answer = exchange(|signal| {
        Request::get(url)
            .header("Accept", "application/json")
            .header("Accept-Language", reader_lang().code())
            .abort_signal(Some(signal))
            .build()
    })
    .await?;
    decode(url, answer)
}

/// An answer as it came: its status, its body, what the service worker said about it, and
/// the headers that say how to read a refusal.
struct Answer {
    status: u16,
    body: String,
    from_store: bool,
    fetched_at: Option<chrono::DateTime<chrono::Utc>>,
    content_language: Option<String>,
    retry_after: Option<u32>,
}

/// A request's time limit and its way to stop, owned by the future that sends it: dropped
/// with it — the request answered, or abandoned because a sibling failed or the page was
/// left — it clears its timer and aborts the request, so no timer fires into a closure that
/// is gone and no answer arrives for nobody.
struct Deadline {
    controller: web_sys::AbortController,
    timer: Option<i32>,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(seconds: u32) -> Result<Deadline, FetchError> {
        let controller =
            web_sys::AbortController::new().map_err(|e| FetchError::Unreachable(js_text(&e)))?;
        let abort = controller.clone();
        let on_timeout = Closure::<dyn FnMut()>::new(move || abort.abort());
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                (seconds * 1000) as i32,
            )
            .ok()
        });
        Ok(Deadline {
            controller,
            timer,
            _on_timeout: on_timeout,
        })
    }

    fn expired(&self) -> bool {
        self.controller.signal().aborted()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(w), Some(t)) = (web_sys::window(), self.timer.take()) {
            w.clear_timeout_with_handle(t);
        }
        // Aborting a finished request does nothing; an abandoned one stops downloading.
        self.controller.abort();
    }
}

/// Sends the request `build` makes, with the time limit; any status is an `Answer`.
async fn exchange(
    build: impl FnOnce(&web_sys::AbortSignal) -> Result<gloo_net::http::Request, gloo_net::Error>,
) -> Result<Answer, FetchError> {
    let seconds = time_limit();
    let deadline = Deadline::start(seconds)?;
    let request =
        build(&deadline.controller.signal()).map_err(|e| FetchError::BadResponse(e.to_string()))?;
    let response = match request.send().await {
        Ok(r) => r,
        Err(_) if deadline.expired() => return Err(FetchError::TimedOut(seconds)),
        Err(e) => return Err(FetchError::Unreachable(e.to_string())),
    };
    let status = response.status();
    let headers = response.headers();
    let from_store = headers.get("x-karya-from-cache").is_some();
    let fetched_at = headers
        .get("x-karya-fetched-at")
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.with_timezone(&chrono::Utc));
    let content_language = headers.get("content-language");
    let retry_after = headers
        .get("retry-after")
        .and_then(|v| karya_core::api::parse_retry_after(&v, now()));
    // The body is read under the same time limit: a stalled body is a timeout too.
    let body = match response.text().await {
        Ok(b) => b,
        Err(_) if deadline.expired() => return Err(FetchError::TimedOut(seconds)),
        Err(e) => return Err(FetchError::BadResponse(e.to_string())),
    };
    Ok(Answer {
        status,
        body,
        from_store,
        fetched_at,
        content_language,
        retry_after,
    })
}

/// A success decoded, anything else as the error a person can act on.
fn decode<T: DeserializeOwned>(url: &str, answer: Answer) -> Result<T, FetchError> {
    if !(200..300).contains(&answer.status) {
        let error = FetchError::from_answer(
            answer.status,
            &answer.body,
            answer.content_language.as_deref(),
            answer.retry_after,
        );
        // The service worker's word for "offline, and nothing kept for this view".
        let offline = serde_json::from_str::<ErrorBody>(&answer.body)
            .is_ok_and(|b| b.error.code == "offline");
        return Err(if offline {
            FetchError::Unreachable("offline".into())
        } else {
            error
        });
    }
    if url.starts_with(&api_base()) {
        crate::offline::note_answer(answer.from_store, answer.fetched_at);
    }
    serde_json::from_str(&answer.body).map_err(|e| FetchError::BadResponse(e.to_string()))
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(web_sys::js_sys::Date::now() as i64).unwrap_or_default()
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
    let query = queries::with(filter, Some(format!("limit={limit}")));
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
            .header("Accept-Language", reader_lang().code())
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
            .header("Accept-Language", lang.code())
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
