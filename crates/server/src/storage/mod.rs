//! Karya's storage: one SQLite file by default, opened through sqlx's `Any` driver with
//! portable SQL so PostgreSQL can take over without rewriting queries.

mod codec;
mod read;
mod write;

pub use read::ShipmentQuery;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::AnyPool;
use std::path::{Path, PathBuf};

static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("cannot create the folder for the database at {path}: {source}. Choose another path with --db or KARYA_DB.")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database at {path}: {source}. Check that the path is writable, or choose another with --db or KARYA_DB.")]
    Open { path: String, source: sqlx::Error },
    #[error("{0} databases are not supported yet: use a SQLite file path")]
    Unsupported(String),
    #[error("cannot update the database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("the database holds a value Karya cannot read ({0}); was it edited by hand?")]
    Corrupt(String),
}

/// A handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
}

impl Store {
    /// Opens (creating it if needed) and migrates the database named by `location`:
    /// a file path, or a `sqlite:` URL.
    pub async fn open(location: &str) -> Result<Store, StorageError> {
        sqlx::any::install_default_drivers();
        let url = sqlite_url(location)?;
        // One writer at a time is SQLite's model; reads share the pool.
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::query("PRAGMA foreign_keys = ON")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query("PRAGMA busy_timeout = 5000")
                        .execute(&mut *conn)
                        .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|source| StorageError::Open {
                path: location.to_string(),
                source,
            })?;
        // WAL lets readers go on while a writer writes; it is a property of the file.
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&pool)
            .await?;
        MIGRATIONS.run(&pool).await?;
        Ok(Store { pool })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn meta(&self, key: &str) -> Result<Option<String>, StorageError> {
        let row: Option<AnyRow> = sqlx::query("SELECT value FROM karya_meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(sqlx::Row::try_get(&r, "value")?),
            None => None,
        })
    }
}

/// `sqlite:///abs/path?mode=rwc` for a plain path (relative ones resolved against the working
/// folder, whose parent folders are created); URLs of other engines refused.
fn sqlite_url(location: &str) -> Result<String, StorageError> {
    if let Some((scheme, _)) = location.split_once("://") {
        if scheme != "sqlite" {
            return Err(StorageError::Unsupported(scheme.to_string()));
        }
        return Ok(location.to_string());
    }
    let path = std::path::absolute(Path::new(location)).map_err(|source| StorageError::Folder {
        path: PathBuf::from(location),
        source,
    })?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| StorageError::Folder {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    // A file URL escapes spaces, `?` and `#`, which would otherwise end the path.
    let file_url = url::Url::from_file_path(&path).map_err(|()| StorageError::Folder {
        path: path.clone(),
        source: std::io::Error::other("not an absolute path"),
    })?;
    Ok(format!("sqlite://{}?mode=rwc", file_url.path()))
}
