//! `GET /api/v1/oembed?url=…`: the oEmbed 1.0 provider endpoint. The core reads the address and
//! writes the answer; here it gets the site's public origin and the spec's status codes.

use super::error::ApiError;
use super::params::{Keys, Params};
use crate::discovery::public_origin;
use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use karya_core::oembed::{oembed, OembedError};

pub const OEMBED: Keys = Keys {
    filter: None,
    own: &["url", "maxwidth", "maxheight", "format"],
};

pub async fn provide(headers: HeaderMap, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let params = Params::parse(q.as_deref(), OEMBED)?;
    if let Some(format) = params.single("format")? {
        if format != "json" {
            let message = format!("format {format:?}: this provider answers json only");
            let error = serde_json::json!({"error": {"code": "format_not_implemented", "message": message}});
            return Ok((StatusCode::NOT_IMPLEMENTED, Json(error)).into_response());
        }
    }
    let url = params
        .single("url")?
        .ok_or_else(|| ApiError::BadParameter("query parameter `url` is required".into()))?;
    let (width, height) = (
        params.number("maxwidth", 1, 10_000)?,
        params.number("maxheight", 1, 10_000)?,
    );
    match oembed(&public_origin(&headers), url, width, height) {
        Ok(answer) => Ok(Json(answer).into_response()),
        Err(e @ OembedError::BadUrl(_)) => Err(ApiError::BadParameter(e.to_string())),
        Err(e) => Err(ApiError::NotFound(e.to_string())),
    }
}
