//! Public answers carry a validator and stay cheap under a crowd: an `ETag` from the data's
//! version (moved by every write and import), `304` for a matching `If-None-Match`, a
//! `Cache-Control` that lets a CDN absorb a spike, and identical aggregate requests answered
//! from memory until the data changes — worked out once however many ask at the same moment.

use super::routes::ENDPOINTS;
use super::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{OnceCell, Semaphore};

/// Browsers revalidate every time (a `304` costs one small query), so a reader never sees a
/// figure older than the last write; shared caches (`CDN-Cache-Control`, RFC 9213) may serve an
/// answer for 10 s, and a stale one for 30 s more while they fetch the new one.
pub const BROWSER_CACHE: &str = "public, no-cache";
pub const CDN_CACHE: &str = "public, max-age=10, stale-while-revalidate=30";

/// Endpoints whose answer is worked out from every matching record: kept in memory.
const AGGREGATES: &[&str] = &[
    "/summary",
    "/destinations",
    "/ranking",
    "/pipeline",
    "/production",
];
/// Answers kept at most; the whole cache is dropped when the data's version moves.
const MAX_ANSWERS: usize = 2048;
/// Larger answers are not kept (a bound on memory: 2048 × 1 MiB at worst).
const MAX_ANSWER_BYTES: usize = 1024 * 1024;

/// An answer kept: its media type and body.
type Kept = (HeaderValue, axum::body::Bytes);

/// One answer being worked out: those who ask for it meanwhile wait for it (`None`: the
/// answer was not one to keep, e.g. an error, so each works out its own).
type Flight = Arc<OnceCell<Option<Kept>>>;

/// Answers by address, for one data version, and the ones being worked out now.
pub struct AnswerCache {
    inner: Mutex<(i64, HashMap<String, Kept>)>,
    /// Single flight: after a write, a crowd asking for the same figures would otherwise
    /// all read every matching record at once, which is what drives p99 up in a flood.
    flights: Mutex<HashMap<(i64, String), Flight>>,
    /// Different addresses worked out at once, at most one per core. Without this bound a
    /// crowd asking for 32 new addresses starts 32 computations that hold every pooled
    /// database connection, and even the answers already in memory (which need one small
    /// query for the data's version) queue behind them: measured, p99 went from 5 ms warm to
    /// 1.2 s in the first ten seconds of a flood.
    computing: Semaphore,
    computed: AtomicU64,
}

impl Default for AnswerCache {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self {
            inner: Mutex::default(),
            flights: Mutex::default(),
            computing: Semaphore::new(cores.clamp(1, 4)),
            computed: AtomicU64::new(0),
        }
    }
}

impl AnswerCache {
    /// How many aggregate answers were worked out by the handlers (not served from memory).
    pub fn computed(&self) -> u64 {
        self.computed.load(Ordering::Relaxed)
    }

    fn get(&self, version: i64, key: &str) -> Option<Kept> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        (inner.0 == version).then(|| inner.1.get(key).cloned())?
    }

    fn put(&self, version: i64, key: String, value: Kept) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.0 != version {
            *inner = (version, HashMap::new());
        }
        if inner.1.len() < MAX_ANSWERS {
            inner.1.insert(key, value);
        }
    }

    fn flight(&self, version: i64, key: &str) -> Flight {
        let mut flights = self.flights.lock().unwrap_or_else(|p| p.into_inner());
        flights
            .entry((version, key.to_string()))
            .or_default()
            .clone()
    }

    fn landed(&self, version: i64, key: &str, flight: &Flight) {
        let mut flights = self.flights.lock().unwrap_or_else(|p| p.into_inner());
        let id = (version, key.to_string());
        if flights.get(&id).is_some_and(|f| Arc::ptr_eq(f, flight)) {
            flights.remove(&id);
        }
    }
}

fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("W/\"v{version}\"")).unwrap_or(HeaderValue::from_static("*"))
}

fn matches(req: &Request, tag: &HeaderValue) -> bool {
    let Some(given) = req.headers().get(header::IF_NONE_MATCH) else {
        return false;
    };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let ours = bare(tag.to_str().unwrap_or_default());
    given
        .to_str()
        .unwrap_or_default()
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == ours)
}

fn with_validators(mut res: Response, tag: HeaderValue) -> Response {
    let headers = res.headers_mut();
    headers.insert(header::ETAG, tag);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(BROWSER_CACHE),
    );
    headers.insert("cdn-cache-control", HeaderValue::from_static(CDN_CACHE));
    res
}

/// The layer over the public reads (not `/health`, not the editors' endpoints).
pub async fn freshness(
    State(s): State<AppState>,
    matched: MatchedPath,
    req: Request,
    next: Next,
) -> Response {
    let path = matched.as_str().rsplit_once("/v1").map_or("", |(_, p)| p);
    let public = ENDPOINTS
        .iter()
        .any(|e| e.path == path && e.method == "get" && !e.editor);
    if req.method() != Method::GET || !public || path == "/health" {
        return next.run(req).await;
    }
    let Ok(version) = s.store.data_version().await else {
        return next.run(req).await; // the handler will say what is wrong
    };
    let tag = etag(version);
    if matches(&req, &tag) {
        return with_validators(StatusCode::NOT_MODIFIED.into_response(), tag);
    }
    if !AGGREGATES.contains(&path) {
        let res = next.run(req).await;
        return if res.status().is_success() {
            with_validators(res, tag)
        } else {
            res
        };
    }
    let key = req.uri().to_string();
    let kept = |(content_type, body): Kept| {
        with_validators(
            ([(header::CONTENT_TYPE, content_type)], body).into_response(),
            tag.clone(),
        )
    };
    if let Some(answer) = s.answers.get(version, &key) {
        return kept(answer);
    }
    // The first to ask works the answer out; the others wait for it. If the first gives up
    // (its client went away), the next one waiting takes over.
    let flight = s.answers.flight(version, &key);
    let mut own: Option<(Request, Next)> = Some((req, next));
    let mut answered: Option<Response> = None;
    let shared = flight
        .get_or_init(|| async {
            let (req, next) = own.take()?;
            // The semaphore is never closed, so a permit always comes.
            let _permit = s.answers.computing.acquire().await.ok();
            s.answers.computed.fetch_add(1, Ordering::Relaxed);
            let (res, keep) = off_the_workers(next, req).await;
            if let Some(answer) = &keep {
                s.answers.put(version, key.clone(), answer.clone());
            }
            answered = Some(res);
            keep
        })
        .await
        .clone();
    s.answers.landed(version, &key, &flight);
    if let Some(res) = answered {
        return with_validators_if_ok(res, tag);
    }
    match (shared, own) {
        (Some(answer), _) => kept(answer),
        // Not an answer to share: this request works out its own.
        (None, Some((req, next))) => with_validators_if_ok(next.run(req).await, tag),
        (None, None) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn with_validators_if_ok(res: Response, tag: HeaderValue) -> Response {
    if res.status().is_success() {
        with_validators(res, tag)
    } else {
        res
    }
}

/// Works an aggregate out on a thread of the blocking pool, not on one of the runtime's
/// workers (one per core): summing thousands of records and writing 100 KB of JSON takes tens
/// of milliseconds of CPU, and on a worker every request queued behind it, answers already in
/// memory included, waits that long. Measured on 2 cores: p99 of the first 3 s of a flood
/// 375 ms on the workers. A panic is passed on to the panic catcher.
async fn off_the_workers(next: Next, req: Request) -> (Response, Option<Kept>) {
    let runtime = tokio::runtime::Handle::current();
    let work = tokio::task::spawn_blocking(move || {
        runtime.block_on(async move { compute(next.run(req).await).await })
    });
    match work.await {
        Ok(done) => done,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE.into_response(), None),
    }
}

/// A handler's answer, read whole, and the copy to keep if it is a success of bounded size.
async fn compute(res: Response) -> (Response, Option<Kept>) {
    if !res.status().is_success() {
        return (res, None);
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR.into_response(), None);
    };
    let keep = parts
        .headers
        .get(header::CONTENT_TYPE)
        .filter(|_| bytes.len() <= MAX_ANSWER_BYTES)
        .map(|ct| (ct.clone(), bytes.clone()));
    (Response::from_parts(parts, Body::from(bytes)), keep)
}
