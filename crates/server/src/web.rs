//! Everything around the API: the built app from `dist/` with an `index.html` fallback for
//! client routes, cache headers, and the limits that protect the server from huge requests.

use crate::api::{ApiError, AppState, MAX_BODY_BYTES};
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use std::path::PathBuf;
use tower_http::services::ServeDir;

/// Longer addresses are not links people share but mistakes or abuse.
pub const MAX_URI_BYTES: usize = 4 * 1024;

/// Refuses oversized requests before any work, with the API's JSON error.
pub async fn guard_request(req: Request, next: Next) -> Response {
    let uri_len = req.uri().to_string().len();
    if uri_len > MAX_URI_BYTES {
        return ApiError::UriTooLong(format!(
            "the address is {uri_len} bytes long; at most {MAX_URI_BYTES} are accepted"
        ))
        .into_response();
    }
    if let Err(why) = readable_path(req.uri().path()) {
        return ApiError::BadParameter(format!("the address cannot be read: {why}"))
            .into_response();
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(len) = declared.filter(|len| *len > MAX_BODY_BYTES as u64) {
        return ApiError::PayloadTooLarge(format!(
            "the request body is {len} bytes; at most {MAX_BODY_BYTES} are accepted"
        ))
        .into_response();
    }
    next.run(req).await
}

/// Checks that the path decodes to UTF-8 without NUL bytes: axum would refuse the first in
/// plain text, and PostgreSQL refuses a NUL in a text value with a server error.
fn readable_path(path: &str) -> Result<(), &'static str> {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                decoded.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(decoded) {
        Err(_) => Err("it is not UTF-8 once decoded"),
        Ok(text) if text.contains('\0') => Err("it holds a NUL character"),
        Ok(_) => Ok(()),
    }
}

/// Trunk names assets with a content hash, so they can be cached for good; `index.html` and
/// the API must be revalidated so a new release is picked up at once.
pub async fn cache_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    // Only a file of the app's build: never the API, nor a client route answered by index.html.
    let immutable = !path.starts_with("/api/") && is_hashed_asset(path);
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let immutable = immutable && !html;
    if res.status().is_success() && !res.headers().contains_key(header::CACHE_CONTROL) {
        let value = if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

/// `karya-app-3f2a…9c1d_bg.wasm`, `style-0d1e….css`: a 16-hex-digit hash after a dash, and
/// one of the extensions Trunk hashes.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let Some((stem, ext)) = file.split_once('.') else {
        return false;
    };
    if !matches!(
        ext,
        "js" | "wasm" | "pack" | "css" | "svg" | "png" | "woff2" | "json"
    ) {
        return false;
    }
    stem.trim_end_matches("_bg")
        .rsplit('-')
        .next()
        // Trunk's hash is 16 hex digits, fewer when it starts with zeros.
        .is_some_and(|h| (12..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
        && file.contains('-')
}

/// Serves `dist/`; a path without a file extension is a client route and gets `index.html`,
/// with the page's first view in it (`first_view`) and its oEmbed link.
/// The build's brotli and gzip siblings (`scripts/precompress.mjs`) are sent as they are when
/// the browser takes them: made once at the best level, not per request at a low one.
pub fn static_files(dist: PathBuf, state: AppState) -> Router {
    let index = dist.join("index.html");
    let fallback = move |uri: Uri, headers: axum::http::HeaderMap| {
        let (index, state) = (index.clone(), state.clone());
        async move {
            let last = uri.path().rsplit('/').next().unwrap_or("");
            if last.contains('.') {
                return (StatusCode::NOT_FOUND, "not found").into_response();
            }
            match tokio::fs::read_to_string(&index).await {
                Ok(html) => {
                    let origin = crate::discovery::public_origin(&headers);
                    let at = uri.path_and_query().map_or("/", |p| p.as_str());
                    let first =
                        crate::first_view::for_address(&state, uri.path(), uri.query()).await;
                    let html = with_first_view(
                        &html,
                        first.as_deref(),
                        crate::first_view::lang_of(uri.query()),
                    );
                    Html(crate::discovery::with_discovery(&html, &origin, at)).into_response()
                }
                Err(_) => (
                    StatusCode::SERVICE_UNAVAILABLE,
                    Html(
                        "<!doctype html><meta charset=utf-8><title>Karya</title>\
                         <p>The Karya app is not built. Run <code>make run</code>, \
                         or <code>trunk build --release</code> before starting the server.</p>",
                    ),
                )
                    .into_response(),
            }
        }
    };
    // The overview is a view too: served here, not as ServeDir's index, to carry its oEmbed link.
    let files = ServeDir::new(dist).precompressed_br().precompressed_gzip();
    Router::new()
        .route("/", axum::routing::get(fallback.clone()))
        .fallback_service(files.fallback(fallback.into_service()))
}

/// `html` in `lang` (`<html lang>`), with `first` at the start of its `<body>`.
///
/// A page with a first view does not preload the app's wasm: on a slow network half a megabyte
/// fetched beside the style sheet delays the first paint, which needs only the style sheet
/// now. The start script asks for the wasm once that paint is on screen (post-build.sh).
fn with_first_view(html: &str, first: Option<&str>, lang: karya_core::Lang) -> String {
    let mut out = html.replacen(
        "<html lang=\"id\">",
        &format!("<html lang=\"{}\">", lang.code()),
        1,
    );
    if let (Some(first), Some(at)) = (first, out.find("<body>")) {
        out.insert_str(at + "<body>".len(), first);
        out = without_wasm_preload(&out);
    }
    out
}

/// `html` without Trunk's `<link rel="preload" … type="application/wasm">`.
fn without_wasm_preload(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<link rel=\"preload\"") {
        let Some(len) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..=open + len];
        out.push_str(&rest[..open]);
        if !tag.contains("type=\"application/wasm\"") {
            out.push_str(tag);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{is_hashed_asset, with_first_view};
    use crate::first_view::lang_of;

    #[test]
    fn the_first_view_opens_the_body_in_the_address_language() {
        let html = "<html lang=\"id\"><head></head><body><noscript>x</noscript></body></html>";
        let en = lang_of(Some("from=2024&lang=en"));
        assert_eq!(
            with_first_view(html, Some("<p>first</p>"), en),
            "<html lang=\"en\"><head></head><body><p>first</p><noscript>x</noscript></body></html>"
        );
        assert_eq!(with_first_view(html, None, lang_of(None)), html);
    }

    #[test]
    fn a_page_with_a_first_view_does_not_preload_the_wasm() {
        let html = "<html lang=\"id\"><head><link rel=\"preload\" href=\"/a.css\" as=\"style\">\
            <link rel=\"preload\" href=\"/k_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">\
            </head><body></body></html>";
        let lang = lang_of(None);
        let with = with_first_view(html, Some("<p>first</p>"), lang);
        assert!(!with.contains("wasm"), "{with}");
        assert!(
            with.contains("<link rel=\"preload\" href=\"/a.css\" as=\"style\">"),
            "{with}"
        );
        assert!(with_first_view(html, None, lang).contains("k_bg.wasm"));
    }

    #[test]
    fn recognises_trunk_hashed_assets() {
        assert!(is_hashed_asset("/karya-app-3f2a6b7c8d9e0f1a_bg.wasm"));
        assert!(is_hashed_asset("/karya-app-3f2a6b7c8d9e0f1a.js"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(is_hashed_asset("/pack_map_page-3f2a6b7c8d9e0f1a.pack"));
        assert!(is_hashed_asset("/karya-app-1cbc21221482606.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/karya-app.js"));
        assert!(!is_hashed_asset("/api/v1/summary"));
        assert!(!is_hashed_asset("/facility/x-0123456789abcdef"));
    }
}
