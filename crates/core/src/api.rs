//! Envelopes of the HTTP API that are not domain records: errors and lists.

use crate::model::Shipment;
use serde::{Deserialize, Serialize};

/// Every error the API returns: `{"error": {"code": "...", "message": "..."}}`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `bad_parameter`, `not_found`, `invalid_period`, …
    pub code: String,
    /// For people: names the parameter or the record at fault.
    pub message: String,
    /// For a record that cannot be written: each field at fault and why (a 422).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<crate::entry::FieldError>,
}

/// One write in the audit log: who, when, which record, its value before and after.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: String,
    /// When, in UTC (RFC 3339).
    pub at: String,
    /// The editor's token name, or who ran `karya import`.
    pub actor: String,
    /// `create`, `correct`, `withdraw` or `import`.
    pub action: String,
    /// The table (`shipments`, `production`, …) or `import` for an import's summary.
    pub record_type: String,
    pub record_key: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// What a write in the audit log did; [`AuditEntry::action`] holds its [`AuditAction::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    /// A new record from an editor.
    Create,
    /// An editor's change to a record already there.
    Correct,
    /// An editor's withdrawal of a figure.
    Withdraw,
    /// `karya import`.
    Import,
}

impl AuditAction {
    pub const ALL: [AuditAction; 4] = [
        AuditAction::Create,
        AuditAction::Correct,
        AuditAction::Withdraw,
        AuditAction::Import,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Correct => "correct",
            AuditAction::Withdraw => "withdraw",
            AuditAction::Import => "import",
        }
    }

    pub fn parse(text: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// `GET /api/v1/session`: whose token this is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub editor: String,
}

/// `GET /api/v1/shipments`: the matching releases, newest first (undated last), and how many
/// matched in all when `limit` cut the list.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShipmentList {
    pub total: u32,
    pub shipments: Vec<Shipment>,
}

/// `GET /api/v1/health`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// `GET /api/v1/production`: one series per product, each in its own unit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionResponse {
    pub filter: crate::filter::Filter,
    pub granularity: crate::production::Granularity,
    pub series: Vec<crate::production::ProductionSeries>,
    /// The period against the one before it; `None` when there is no production at all.
    pub comparison: Option<crate::production::Comparison>,
    /// First and last year with any production or release, for the period control.
    #[serde(default)]
    pub years: Option<(i32, i32)>,
}

/// Why the app could not get an answer, sorted by what a person can do about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// No answer at all: the network or the server is down.
    #[error("the server could not be reached: {0}")]
    Unreachable(String),
    #[error("the server did not answer within {0} seconds")]
    TimedOut(u32),
    /// An answer that says no, with the server's own words.
    #[error("the server answered {status}: {message}")]
    Server {
        status: u16,
        code: String,
        message: String,
    },
    /// An answer that is not the JSON it should be (a proxy's error page, a truncated body).
    #[error("the server's answer could not be read: {0}")]
    BadResponse(String),
}

impl FetchError {
    /// Classifies a non-success answer, keeping the server's message when it sent one.
    pub fn from_status(status: u16, body: &str) -> FetchError {
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(b) => FetchError::Server {
                status,
                code: b.error.code,
                message: b.error.message,
            },
            Err(_) => FetchError::Server {
                status,
                code: "http_error".into(),
                message: format!("HTTP {status}"),
            },
        }
    }

    /// What happened, in the reader's language.
    pub fn headline(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            FetchError::Unreachable(_) => Text::ErrorUnreachable,
            FetchError::TimedOut(_) => Text::ErrorTimedOut,
            FetchError::Server { .. } => Text::ErrorServer,
            FetchError::BadResponse(_) => Text::ErrorBadResponse,
        }
    }

    /// The server's own words, worth showing to a person; never a browser's internals.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            FetchError::Server { message, .. } => Some(message),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Text};

    #[test]
    fn audit_actions_read_back_from_their_stored_words() {
        let words: Vec<&str> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(words, ["create", "correct", "withdraw", "import"]);
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
        }
        assert_eq!(AuditAction::parse("Create"), None);
    }

    #[test]
    fn keeps_the_servers_message() {
        let body = r#"{"error":{"code":"bad_parameter","message":"query parameter `from`: bad"}}"#;
        let e = FetchError::from_status(400, body);
        assert_eq!(e.server_message(), Some("query parameter `from`: bad"));
        assert_eq!(e.headline(), Text::ErrorServer);
    }

    #[test]
    fn a_non_json_error_page_still_gets_a_status() {
        let e = FetchError::from_status(502, "<html>Bad Gateway</html>");
        assert_eq!(e.server_message(), Some("HTTP 502"));
    }

    #[test]
    fn a_network_failure_reads_as_unreachable_in_both_languages() {
        let e = FetchError::Unreachable("TypeError: Failed to fetch".into());
        assert_eq!(e.server_message(), None);
        assert!(e.headline().get(Lang::Id).contains("tidak dapat dihubungi"));
        assert!(e.headline().get(Lang::En).contains("cannot be reached"));
    }
}
