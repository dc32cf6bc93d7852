//! The JSON API under `/api/v1`. Handlers are thin: parse, ask the store, let the core count.
//! The route table (`routes`) sits on top: it names the handlers, nothing names it back.

mod body;
mod edit;
mod endpoint;
mod error;
pub mod freshness;
pub mod limits;
mod oembed;
mod open_data;
mod openapi;
mod params;
pub(crate) mod read;
pub mod releases;
pub mod routes;
mod state;

pub use body::MAX_BODY_BYTES;
pub use error::{is_busy, ApiError};
pub use state::AppState;

use axum::extract::{MatchedPath, OriginalUri, Request};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;

/// Refuses query keys the matched endpoint does not take, on every endpoint: handlers that
/// read no query would otherwise accept any (`/facilities/{id}?evil=1`).
async fn known_params(matched: MatchedPath, req: Request, next: Next) -> Response {
    let method = req.method().as_str().to_ascii_lowercase();
    let keys = routes::ENDPOINTS
        .iter()
        .find(|e| e.method == method && matched.as_str().ends_with(&format!("/v1{}", e.path)))
        .map_or(params::NO_PARAMS, |e| e.params);
    if let Err(e) = params::Params::parse(req.uri().query(), keys) {
        return e.into_response();
    }
    next.run(req).await
}

pub fn router(state: AppState) -> Router {
    routes::routes()
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            freshness::freshness,
        ))
        .route_layer(axum::middleware::from_fn(known_params))
        .fallback(no_such_route)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

pub async fn no_such_route(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::NotFound(format!("no API endpoint {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::MethodNotAllowed(format!("{} does not accept {method}", uri.path()))
}
