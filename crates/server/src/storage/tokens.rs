//! Editors' tokens. A token is shown once, when made; the database keeps only the SHA-256 of
//! its secret, found by the token's public id and compared in constant time, so neither a
//! copy of the database nor a timing measurement gives a token away.

use super::{StorageError, Store};
use karya_core::api::AuditAction;
use sha2::{Digest, Sha256};
use sqlx::Row;
use subtle::ConstantTimeEq;

const PREFIX: &str = "karya_";

/// How long a token opens the editors' API unless `karya token create --days` says otherwise:
/// about half a year, so a forgotten token does not stay a key for ever.
pub const DEFAULT_TOKEN_DAYS: u32 = 180;
/// The longest lifetime `--days` accepts (ten years).
pub const MAX_TOKEN_DAYS: u32 = 3650;

/// What a token presented to the editors' API turns out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    /// A live token: the editor it belongs to.
    Editor(String),
    /// The right secret, but past its expiry (RFC 3339 UTC): refused, with the date said.
    Expired { editor: String, at: String },
    /// Malformed, unknown, revoked or a wrong secret.
    Refused,
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Token changes are made by whoever runs `karya token` on the server: the audit log names
/// the command and the operating-system user.
async fn audit_token(
    tx: &mut super::records::Tx,
    action: AuditAction,
    name: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), StorageError> {
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let actor = format!("karya token ({user})");
    super::write::audit_entry(tx, &actor, action, "editor_tokens", name, before, after).await
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("an editor named {0:?} already has a token; revoke it first to make a new one")]
    Exists(String),
    #[error("no editor named {0:?} has a token")]
    Unknown(String),
    #[error("an editor's name is 1 to 64 letters, digits, dots, dashes or underscores, got {0:?}")]
    BadName(String),
    #[error("a token lasts 1 to {MAX_TOKEN_DAYS} days, got {0}")]
    BadDays(u32),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

fn random_hex(bytes: usize) -> Result<String, StorageError> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| StorageError::Corrupt(format!("no randomness: {e}")))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

impl Store {
    /// Makes a token for `name` lasting the default lifetime and returns it.
    pub async fn create_token(&self, name: &str) -> Result<String, TokenError> {
        Ok(self.create_token_for(name, DEFAULT_TOKEN_DAYS).await?.0)
    }

    /// Makes a token for `name` that expires after `days` days; returns it (the only time it
    /// is ever seen) and its expiry (RFC 3339 UTC).
    pub async fn create_token_for(
        &self,
        name: &str,
        days: u32,
    ) -> Result<(String, String), TokenError> {
        if !valid_name(name) {
            return Err(TokenError::BadName(name.to_string()));
        }
        if !(1..=MAX_TOKEN_DAYS).contains(&days) {
            return Err(TokenError::BadDays(days));
        }
        let existing = sqlx::query("SELECT revoked_at FROM editor_tokens WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await
            .map_err(StorageError::from)?;
        if let Some(row) = existing {
            let revoked: Option<String> = row.try_get("revoked_at").map_err(StorageError::from)?;
            if revoked.is_none() {
                return Err(TokenError::Exists(name.to_string()));
            }
            sqlx::query("DELETE FROM editor_tokens WHERE name = $1")
                .bind(name)
                .execute(self.pool())
                .await
                .map_err(StorageError::from)?;
        }
        let id = random_hex(8)?;
        let secret = random_hex(32)?;
        let now = chrono::Utc::now();
        let expires = rfc3339(now + chrono::Duration::days(i64::from(days)));
        let mut tx = self.pool().begin().await.map_err(StorageError::from)?;
        sqlx::query(
            "INSERT INTO editor_tokens (name, token_id, secret_sha256, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(name)
        .bind(&id)
        .bind(sha256_hex(&secret))
        .bind(rfc3339(now))
        .bind(&expires)
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        // Who may write is part of the history of what was written: the public id only.
        let after = serde_json::json!({ "token_id": id, "expires_at": expires });
        audit_token(&mut tx, AuditAction::Create, name, None, Some(after)).await?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok((format!("{PREFIX}{id}_{secret}"), expires))
    }

    /// Revokes `name`'s token: from now on it opens nothing.
    pub async fn revoke_token(&self, name: &str) -> Result<(), TokenError> {
        let mut tx = self.pool().begin().await.map_err(StorageError::from)?;
        let done = sqlx::query(
            "UPDATE editor_tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL",
        )
        .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        if done.rows_affected() == 0 {
            return Err(TokenError::Unknown(name.to_string()));
        }
        audit_token(&mut tx, AuditAction::Withdraw, name, None, None).await?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok(())
    }

    /// The token's public id if a live token has it (whatever the secret): failed sign-ins
    /// with it are counted against that token, not against the address they came from.
    pub async fn live_token_id(&self, token: &str) -> Result<Option<String>, StorageError> {
        let Some((id, _)) = token
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split_once('_'))
        else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT token_id FROM editor_tokens WHERE token_id = $1 AND revoked_at IS NULL",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|_| id.to_string()))
    }

    /// Who a token signs in as: its editor if it is well-formed, known, not revoked, its
    /// secret right and its expiry not passed. A token with no expiry (made before tokens
    /// expired) lasts the default lifetime from its creation.
    pub async fn sign_in(&self, token: &str) -> Result<SignIn, StorageError> {
        let Some((id, secret)) = token
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split_once('_'))
        else {
            return Ok(SignIn::Refused);
        };
        let row = sqlx::query(
            "SELECT name, secret_sha256, created_at, expires_at FROM editor_tokens \
             WHERE token_id = $1 AND revoked_at IS NULL",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(SignIn::Refused);
        };
        let stored: String = row.try_get("secret_sha256")?;
        let given = sha256_hex(secret);
        if !bool::from(given.as_bytes().ct_eq(stored.as_bytes())) {
            return Ok(SignIn::Refused);
        }
        let editor: String = row.try_get("name")?;
        let expires = match row.try_get::<Option<String>, _>("expires_at")? {
            Some(at) => parse_time(&at)?,
            None => {
                let created: String = row.try_get("created_at")?;
                parse_time(&created)? + chrono::Duration::days(i64::from(DEFAULT_TOKEN_DAYS))
            }
        };
        if chrono::Utc::now() >= expires {
            return Ok(SignIn::Expired {
                editor,
                at: rfc3339(expires),
            });
        }
        Ok(SignIn::Editor(editor))
    }

    /// The editor a token belongs to, if it is well-formed, known, not revoked nor expired.
    pub async fn editor_of(&self, token: &str) -> Result<Option<String>, StorageError> {
        Ok(match self.sign_in(token).await? {
            SignIn::Editor(name) => Some(name),
            _ => None,
        })
    }
}

fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>, StorageError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| StorageError::Corrupt(format!("a token's time {text:?}: {e}")))
}
