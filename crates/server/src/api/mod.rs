//! The JSON API under `/api/v1`. Handlers are thin: parse, ask the store, let the core count.
//! The route table (`routes`) sits on top: it names the handlers, nothing names it back.

mod body;
mod edit;
mod endpoint;
mod error;
pub mod limits;
mod oembed;
mod open_data;
mod openapi;
mod params;
mod read;
pub mod routes;
mod state;

pub use body::MAX_BODY_BYTES;
pub use error::ApiError;
pub use state::AppState;

use axum::extract::OriginalUri;
use axum::http::Method;
use axum::Router;

pub fn router(state: AppState) -> Router {
    routes::routes()
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
