//! Envelopes of the HTTP API that are not domain records: errors and lists.

use crate::i18n::Lang;
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
    /// An answer that says no (4xx) or that the server failed (5xx), with its own words and
    /// the language they are in (`Content-Language`), when it said.
    #[error("the server answered {status}: {message}")]
    Server {
        status: u16,
        code: String,
        message: String,
        said_in: Option<Lang>,
    },
    /// 503 or 429: the server (or a proxy before it) is overloaded; `retry_after` is the wait
    /// in seconds its `Retry-After` asked for.
    #[error("the server is busy ({status})")]
    Busy {
        status: u16,
        retry_after: Option<u32>,
    },
    /// An answer that is not the JSON it should be (a truncated or garbled body).
    #[error("the server's answer could not be read: {0}")]
    BadResponse(String),
}

/// What happened, as a closed set: the error panel's `data-error` and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Unreachable,
    TimedOut,
    /// The server said no to this request (4xx).
    Refused,
    /// The server broke (5xx other than 503).
    Failed,
    Busy,
    Unreadable,
}

impl Failure {
    pub fn code(self) -> &'static str {
        match self {
            Failure::Unreachable => "unreachable",
            Failure::TimedOut => "timed-out",
            Failure::Refused => "refused",
            Failure::Failed => "failed",
            Failure::Busy => "busy",
            Failure::Unreadable => "unreadable",
        }
    }
}

/// The longest wait an error panel counts down before it retries by itself; a longer
/// `Retry-After` leaves the retry to the reader.
pub const MAX_AUTO_RETRY_SECONDS: u32 = 120;

impl FetchError {
    /// Classifies a non-success answer without its headers (see [`FetchError::from_answer`]).
    pub fn from_status(status: u16, body: &str) -> FetchError {
        FetchError::from_answer(status, body, None, None)
    }

    /// Classifies a non-success answer: 503 and 429 are a busy server (with the wait
    /// `retry_after` gives, in seconds), any other status keeps the server's JSON message and
    /// the language it is in (`content_language`). An HTML page from a proxy has no words
    /// worth showing: only its status counts.
    pub fn from_answer(
        status: u16,
        body: &str,
        content_language: Option<&str>,
        retry_after: Option<u32>,
    ) -> FetchError {
        if status == 503 || status == 429 {
            return FetchError::Busy {
                status,
                retry_after,
            };
        }
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(b) => FetchError::Server {
                status,
                code: b.error.code,
                message: b.error.message,
                said_in: content_language.and_then(language_of),
            },
            Err(_) => FetchError::Server {
                status,
                code: "http_error".into(),
                message: String::new(),
                said_in: None,
            },
        }
    }

    pub fn failure(&self) -> Failure {
        match self {
            FetchError::Unreachable(_) => Failure::Unreachable,
            FetchError::TimedOut(_) => Failure::TimedOut,
            FetchError::Server { status, .. } if *status >= 500 => Failure::Failed,
            FetchError::Server { .. } => Failure::Refused,
            FetchError::Busy { .. } => Failure::Busy,
            FetchError::BadResponse(_) => Failure::Unreadable,
        }
    }

    /// What happened and what to do, in the reader's language.
    pub fn headline(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self.failure() {
            Failure::Unreachable => Text::ErrorUnreachable,
            Failure::TimedOut => Text::ErrorTimedOut,
            Failure::Refused => Text::ErrorServer,
            Failure::Failed => Text::ErrorServerFailed,
            Failure::Busy => Text::ErrorBusy,
            Failure::Unreadable => Text::ErrorBadResponse,
        }
    }

    /// The server's own words, when they are in the reader's language; never a browser's
    /// internals, never words in a language the page is not in.
    pub fn server_message(&self, reader: Lang) -> Option<&str> {
        match self {
            FetchError::Server {
                message,
                said_in: Some(lang),
                ..
            } if *lang == reader && !message.trim().is_empty() => Some(message),
            _ => None,
        }
    }

    /// The wait before the panel retries by itself: a busy server's `Retry-After`, when it
    /// is short enough to wait for on screen.
    pub fn auto_retry_after(&self) -> Option<u32> {
        match self {
            FetchError::Busy {
                retry_after: Some(s),
                ..
            } if *s <= MAX_AUTO_RETRY_SECONDS => Some(*s),
            _ => None,
        }
    }
}

/// The language a `Content-Language` (or `Accept-Language`) value names first, if Karya has
/// it.
pub fn language_of(header: &str) -> Option<Lang> {
    let first = header.split(',').next()?.split(';').next()?.trim();
    let primary = first.split('-').next()?.to_ascii_lowercase();
    Lang::parse(&primary)
}

/// `Retry-After` in seconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3); a
/// date in the past is no wait. Anything else is no advice.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<u32> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.min(u32::MAX as u64) as u32);
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = (when.with_timezone(&chrono::Utc) - now)
        .num_seconds()
        .max(0);
    Some(wait.min(u32::MAX as i64) as u32)
}

/// "Trying again in N seconds", counted down on a busy server's panel.
pub fn retry_countdown(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Id => format!("Mencoba lagi otomatis dalam {seconds} detik…"),
        Lang::En if seconds == 1 => "Trying again automatically in 1 second…".to_string(),
        Lang::En => format!("Trying again automatically in {seconds} seconds…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;

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
    fn keeps_the_servers_message_only_in_the_readers_language() {
        let body = r#"{"error":{"code":"bad_parameter","message":"query parameter `from`: bad"}}"#;
        let e = FetchError::from_answer(400, body, Some("en"), None);
        assert_eq!(
            e.server_message(Lang::En),
            Some("query parameter `from`: bad")
        );
        assert_eq!(e.server_message(Lang::Id), None);
        assert_eq!(e.headline(), Text::ErrorServer);
        assert_eq!(e.failure(), Failure::Refused);
        // Without a word on its language, the message stays out of sight.
        let unsaid = FetchError::from_status(400, body);
        assert_eq!(unsaid.server_message(Lang::En), None);
    }

    #[test]
    fn a_proxys_html_page_is_never_shown_as_http_and_a_status() {
        let e = FetchError::from_answer(502, "<html>Bad Gateway</html>", Some("en"), None);
        assert_eq!(e.failure(), Failure::Failed);
        assert_eq!(e.server_message(Lang::En), None);
        assert_eq!(e.server_message(Lang::Id), None);
        let busy = FetchError::from_answer(503, "<html>Service Unavailable</html>", None, None);
        assert_eq!(busy.failure(), Failure::Busy);
        assert_eq!(busy.server_message(Lang::En), None);
        for lang in [Lang::Id, Lang::En] {
            assert!(!busy.headline().get(lang).contains("HTTP"));
        }
    }

    #[test]
    fn failure_busy_and_refusal_have_their_own_words() {
        let failed = FetchError::from_status(500, r#"{"error":{"code":"internal","message":"x"}}"#);
        let busy = FetchError::from_status(503, "");
        let many = FetchError::from_status(429, "");
        let refused = FetchError::from_status(404, "");
        assert_eq!(failed.failure(), Failure::Failed);
        assert_eq!(busy.failure(), Failure::Busy);
        assert_eq!(many.failure(), Failure::Busy);
        assert_eq!(refused.failure(), Failure::Refused);
        let heads: Vec<&str> = [&failed, &busy, &refused]
            .iter()
            .map(|e| e.headline().get(Lang::Id))
            .collect();
        assert!(heads[0].contains("gangguan"), "{}", heads[0]);
        assert!(heads[1].contains("sibuk"), "{}", heads[1]);
        assert!(heads[2].contains("menolak"), "{}", heads[2]);
        assert!(!heads[0].contains("menolak") && !heads[1].contains("menolak"));
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2015-10-21T07:27:50Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(parse_retry_after("120", now), Some(120));
        assert_eq!(parse_retry_after(" 3 ", now), Some(3));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(10)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(0)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }

    #[test]
    fn a_busy_server_is_retried_by_itself_only_after_a_short_wait() {
        let busy = |s| FetchError::from_answer(503, "", None, s);
        assert_eq!(busy(Some(5)).auto_retry_after(), Some(5));
        assert_eq!(
            busy(Some(MAX_AUTO_RETRY_SECONDS + 1)).auto_retry_after(),
            None
        );
        assert_eq!(busy(None).auto_retry_after(), None);
        assert_eq!(
            FetchError::from_status(500, "").auto_retry_after(),
            None,
            "a failure is retried by the reader"
        );
        assert_eq!(
            retry_countdown(Lang::Id, 3),
            "Mencoba lagi otomatis dalam 3 detik…"
        );
        assert_eq!(
            retry_countdown(Lang::En, 1),
            "Trying again automatically in 1 second…"
        );
    }

    #[test]
    fn content_language_names_the_language() {
        assert_eq!(language_of("id"), Some(Lang::Id));
        assert_eq!(language_of("id-ID, en;q=0.5"), Some(Lang::Id));
        assert_eq!(language_of("EN-gb"), Some(Lang::En));
        assert_eq!(language_of("fr"), None);
    }

    #[test]
    fn a_network_failure_reads_as_unreachable_in_both_languages() {
        let e = FetchError::Unreachable("TypeError: Failed to fetch".into());
        assert_eq!(e.server_message(Lang::En), None);
        assert!(e.headline().get(Lang::Id).contains("tidak dapat dihubungi"));
        assert!(e.headline().get(Lang::En).contains("cannot be reached"));
    }
}
