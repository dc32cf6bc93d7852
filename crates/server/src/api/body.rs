//! Reading a JSON request body with errors a client can act on: 415 for a body that is not
//! declared JSON, 400 for JSON that does not parse, 422 naming the field for JSON of the
//! wrong shape, 413 for a body over the limit — never a 500, and nothing written.

use super::error::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use karya_core::entry::FieldError;
use serde::de::DeserializeOwned;

/// The API takes no large bodies: 64 KiB is plenty for the writes that will come.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let declared_json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|m| m.trim().to_ascii_lowercase())
            .is_some_and(|m| m == "application/json" || m.ends_with("+json"));
        if !declared_json {
            return Err(rejected(JsonRejection::MissingJsonContentType(
                Default::default(),
            )));
        }
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::PayloadTooLarge(format!(
                    "the request body is larger than {MAX_BODY_BYTES} bytes"
                )))
            }
            Err(e) => {
                return Err(ApiError::MalformedJson(format!(
                    "the body cannot be read: {}",
                    e.body_text()
                )))
            }
        };
        // PostgreSQL cannot store the NUL character in text: refused here, named, not a 500.
        if holds_nul(&bytes) {
            return Err(ApiError::Invalid {
                message: "the record cannot be read: text may not hold the NUL character (\\u0000)"
                    .into(),
                fields: vec![FieldError {
                    field: String::new(),
                    message: "text may not hold the NUL character".into(),
                }],
            });
        }
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(rejected(rejection)),
        }
    }
}

/// Whether JSON text spells a NUL character (`\u0000`, any case of the hex digits).
fn holds_nul(bytes: &[u8]) -> bool {
    bytes
        .windows(6)
        .any(|w| w[0] == b'\\' && w[1] == b'u' && w[2..].iter().all(|b| *b == b'0'))
}

fn rejected(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType(
            "send the record as JSON, with the header Content-Type: application/json".into(),
        ),
        JsonRejection::JsonSyntaxError(e) => ApiError::MalformedJson(format!(
            "the body is not valid JSON: {}",
            detail(&e.body_text())
        )),
        JsonRejection::JsonDataError(e) => {
            let text = detail(&e.body_text());
            // serde_path_to_error puts the field's path first: "quantity: invalid type …".
            let (field, message) = match text.split_once(": ") {
                Some((path, rest)) if !path.contains(' ') => (path.to_string(), rest.to_string()),
                _ => (String::new(), text.clone()),
            };
            ApiError::Invalid {
                message: format!("the record cannot be read: {text}"),
                fields: vec![FieldError { field, message }],
            }
        }
        JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::PayloadTooLarge(format!(
                "the request body is larger than {} bytes",
                MAX_BODY_BYTES
            ))
        }
        other => ApiError::MalformedJson(format!("the body cannot be read: {}", other.body_text())),
    }
}

/// axum's text without its generic lead-in.
fn detail(text: &str) -> String {
    text.split_once("target type: ")
        .or_else(|| text.split_once("body as JSON: "))
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_else(|| text.to_string())
}
