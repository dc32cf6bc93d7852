//! `karya backup`: a consistent snapshot of the database while the server keeps running.
//! SQLite copies itself with `VACUUM INTO` (one read transaction, so the copy is of one
//! moment); PostgreSQL is dumped by its own `pg_dump`, which also reads one snapshot.

use crate::storage::{redact_password, Engine, StorageError, Store};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists: choose a new file name, so no backup is overwritten")]
    Exists(String),
    #[error("cannot run pg_dump (install the postgresql-client package): {0}")]
    NoPgDump(std::io::Error),
    #[error("pg_dump failed: {0}")]
    PgDump(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

pub async fn backup(store: &Store, location: &str, file: &Path) -> Result<(), BackupError> {
    if file.exists() {
        return Err(BackupError::Exists(file.display().to_string()));
    }
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| StorageError::Folder {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    match store.engine() {
        Engine::Sqlite => {
            sqlx::query("VACUUM INTO $1")
                .bind(file.to_string_lossy().into_owned())
                .execute(store.pool())
                .await
                .map_err(StorageError::from)?;
            Ok(())
        }
        Engine::Postgres => {
            let out = tokio::process::Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(file)
                .arg(location)
                .output()
                .await
                .map_err(BackupError::NoPgDump)?;
            if out.status.success() {
                Ok(())
            } else {
                let _ = std::fs::remove_file(file);
                Err(BackupError::PgDump(
                    String::from_utf8_lossy(&out.stderr)
                        .replace(location, &redact_password(location)),
                ))
            }
        }
    }
}
