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
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(rejected(rejection)),
        }
    }
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
