//! Editors' tokens. A token is shown once, when made; the database keeps only the SHA-256 of
//! its secret, found by the token's public id and compared in constant time, so neither a
//! copy of the database nor a timing measurement gives a token away.

use super::{StorageError, Store};
use karya_core::api::AuditAction;
use sha2::{Digest, Sha256};
use sqlx::Row;
use subtle::ConstantTimeEq;

const PREFIX: &str = "karya_";

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
    super::write::audit_raw(tx, &actor, action, "editor_tokens", name, before, after).await
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("an editor named {0:?} already has a token; revoke it first to make a new one")]
    Exists(String),
    #[error("no editor named {0:?} has a token")]
    Unknown(String),
    #[error("an editor's name is 1 to 64 letters, digits, dots, dashes or underscores, got {0:?}")]
    BadName(String),
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
    /// Makes a token for `name` and returns it: the only time it is ever seen.
    pub async fn create_token(&self, name: &str) -> Result<String, TokenError> {
        if !valid_name(name) {
            return Err(TokenError::BadName(name.to_string()));
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
        let mut tx = self.pool().begin().await.map_err(StorageError::from)?;
        sqlx::query(
            "INSERT INTO editor_tokens (name, token_id, secret_sha256, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(name)
        .bind(&id)
        .bind(sha256_hex(&secret))
        .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        // Who may write is part of the history of what was written: the public id only.
        let after = serde_json::json!({ "token_id": id });
        audit_token(&mut tx, AuditAction::Create, name, None, Some(after)).await?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok(format!("{PREFIX}{id}_{secret}"))
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

    /// The editor a token belongs to, if it is well-formed, known and not revoked.
    pub async fn editor_of(&self, token: &str) -> Result<Option<String>, StorageError> {
        let Some((id, secret)) = token
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split_once('_'))
        else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT name, secret_sha256 FROM editor_tokens WHERE token_id = $1 AND revoked_at IS NULL",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let stored: String = row.try_get("secret_sha256")?;
        let given = sha256_hex(secret);
        if bool::from(given.as_bytes().ct_eq(stored.as_bytes())) {
            Ok(Some(row.try_get("name")?))
        } else {
            Ok(None)
        }
    }
}
