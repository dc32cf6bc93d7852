//! The API's one error type and its JSON form: `{"error": {"code": "...", "message": "..."}}`.

use crate::storage::StorageError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use karya_core::api::{ErrorBody, ErrorDetail};
use karya_core::FilterError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query parameter that cannot be read; the message names it.
    #[error("{0}")]
    BadParameter(String),
    /// A well-formed parameter naming something Karya does not know.
    #[error("query parameter `{param}`: no {what} with the code {value:?}")]
    UnknownReference {
        param: &'static str,
        what: &'static str,
        value: String,
    },
    /// Readable but impossible, such as a period that ends before it starts.
    #[error("{0}")]
    Unprocessable(String),
    /// Parameters each valid that cannot go together (a quantity without one product): what
    /// a JSON Schema of each parameter cannot say, so a 422 rather than a 400.
    #[error("{0}")]
    Impossible(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UriTooLong(String),
    #[error("{0}")]
    MethodNotAllowed(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    MalformedJson(String),
    /// A record that cannot be written: each field at fault.
    #[error("{message}")]
    Invalid {
        message: String,
        fields: Vec<karya_core::entry::FieldError>,
    },
    #[error("{0}")]
    Unauthorized(String),
    #[error("too many requests from this address: wait {0} seconds and try again")]
    TooManyRequests(u64),
    #[error("{0}")]
    Conflict(String),
    /// Busy for now (the database locked by an import, every connection in use, the server
    /// at its limit): try again after the given seconds.
    #[error("{0}")]
    Unavailable(String, u64),
    #[error("internal error")]
    Internal(StorageError),
    /// A fault other than the database's (a handler that panicked); logged where it happened.
    #[error("internal error")]
    Fault,
}

/// Seconds a client is asked to wait when the database is busy.
pub const BUSY_RETRY_SECONDS: u64 = 5;

/// Whether a database error means "busy, try again" rather than a fault: SQLite's lock held
/// past `busy_timeout` (codes 5 and 6 and their extended forms), PostgreSQL's lock timeout or
/// serialisation failure, or no free connection in the pool.
pub fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // SQLite's codes are numbers of at most four digits; PostgreSQL's SQLSTATE is
            // always five characters (its 22021 is not SQLite's 5).
            let sqlite_busy =
                code.len() < 5 && code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6));
            sqlite_busy
                || matches!(&*code, "55P03" | "40001" | "40P01")
                || db.message().contains("database is locked")
        }
        _ => false,
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> Self {
        if let StorageError::Sql(sql) = &e {
            if is_busy(sql) {
                tracing::warn!(error = %e, "refused: the database is busy");
                return ApiError::Unavailable(
                    "the database is busy (an import or many writes at once): try again in a few seconds"
                        .into(),
                    BUSY_RETRY_SECONDS,
                );
            }
        }
        // Two editors saving the same new record at once: the second is told, not failed.
        if let StorageError::Sql(sqlx::Error::Database(db)) = &e {
            if db.is_unique_violation() {
                return ApiError::Conflict(
                    "another write created this record a moment ago: reload and try again".into(),
                );
            }
        }
        ApiError::Internal(e)
    }
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::BadParameter(_) => (StatusCode::BAD_REQUEST, "bad_parameter"),
            ApiError::UnknownReference { .. } => (StatusCode::BAD_REQUEST, "unknown_reference"),
            ApiError::Unprocessable(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_period"),
            ApiError::Impossible(_) => (StatusCode::UNPROCESSABLE_ENTITY, "impossible_combination"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::PayloadTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::UriTooLong(_) => (StatusCode::URI_TOO_LONG, "uri_too_long"),
            ApiError::MethodNotAllowed(_) => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::UnsupportedMediaType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            ApiError::MalformedJson(_) => (StatusCode::BAD_REQUEST, "malformed_json"),
            ApiError::Invalid { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_record"),
            ApiError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::TooManyRequests(_) => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            ApiError::Unavailable(..) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Internal(_) | ApiError::Fault => {
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        }
    }
}

impl From<FilterError> for ApiError {
    fn from(e: FilterError) -> Self {
        match e {
            FilterError::InvertedPeriod { .. } => ApiError::Unprocessable(e.to_string()),
            _ => ApiError::BadParameter(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = match &self {
            // The details are for the log, not for whoever asked.
            ApiError::Internal(e) => {
                tracing::error!(error = %e, "request failed");
                "Karya could not answer this request because of a server problem; it has been logged.".to_string()
            }
            ApiError::Fault => {
                "Karya could not answer this request because of a server problem; it has been logged.".to_string()
            }
            other => other.to_string(),
        };
        let fields = match &self {
            ApiError::Invalid { fields, .. } => fields.clone(),
            _ => Vec::new(),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: code.to_string(),
                message,
                fields,
            },
        };
        let mut response = (status, Json(body)).into_response();
        let headers = response.headers_mut();
        // The message's language, so the app shows it only to a reader of that language.
        // A refused record is worded in the reader's language (`ReplyLang`) and says so in
        // its fields; every other message is English.
        if !matches!(self, ApiError::Invalid { .. }) {
            headers.insert(
                axum::http::header::CONTENT_LANGUAGE,
                axum::http::HeaderValue::from_static("en"),
            );
        }
        match &self {
            ApiError::Unauthorized(_) => {
                headers.insert(
                    axum::http::header::WWW_AUTHENTICATE,
                    axum::http::HeaderValue::from_static("Bearer realm=\"karya\""),
                );
            }
            ApiError::TooManyRequests(wait) | ApiError::Unavailable(_, wait) => {
                if let Ok(v) = axum::http::HeaderValue::from_str(&wait.to_string()) {
                    headers.insert(axum::http::header::RETRY_AFTER, v);
                }
            }
            _ => {}
        }
        response
    }
}
