//! Public answers carry a validator and stay cheap under a crowd: an `ETag` from the data's
//! version (moved by every write and import), `304` for a matching `If-None-Match`, a
//! `Cache-Control` that lets a CDN absorb a spike, and identical aggregate requests answered
//! from memory until the data changes.

use super::routes::ENDPOINTS;
use super::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Mutex;

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

/// Answers by address, for one data version.
#[derive(Default)]
pub struct AnswerCache {
    inner: Mutex<(i64, HashMap<String, Kept>)>,
}

impl AnswerCache {
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
    let aggregate = AGGREGATES.contains(&path);
    let key = req.uri().to_string();
    if aggregate {
        if let Some((content_type, body)) = s.answers.get(version, &key) {
            let res = ([(header::CONTENT_TYPE, content_type)], body).into_response();
            return with_validators(res, tag);
        }
    }
    let res = next.run(req).await;
    if !res.status().is_success() {
        return res;
    }
    if !aggregate {
        return with_validators(res, tag);
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Some(ct) = parts.headers.get(header::CONTENT_TYPE) {
        if bytes.len() <= MAX_ANSWER_BYTES {
            s.answers.put(version, key, (ct.clone(), bytes.clone()));
        }
    }
    with_validators(Response::from_parts(parts, Body::from(bytes)), tag)
}
