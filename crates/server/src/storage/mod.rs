//! Karya's storage: one SQLite file by default, or a PostgreSQL server (`postgres://…`), both
//! through sqlx's `Any` driver with portable SQL: the same queries run on either.

mod aggregates;
mod clause;
mod codec;
pub(crate) mod columns;
mod dataset;
mod production;
mod rates;
mod records;
mod reference;
mod releases;
mod tokens;
mod write;

pub use columns::layout;
pub use releases::ShipmentQuery;
pub use tokens::{SignIn, TokenError, DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS};
pub use write::{Actor, ChangeSet};

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::AnyPool;
use std::path::{Path, PathBuf};

/// How long a request waits for a free connection before it is answered 503.
pub const POOL_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

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
    #[error("{0}:// databases are not supported: use a SQLite file path or a postgres:// URL")]
    Unsupported(String),
    #[error("cannot update the database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("the database holds a value Karya cannot read ({0}); was it edited by hand?")]
    Corrupt(String),
    #[error(
        "the data changed while this import was being checked \
         (another import or an editor's write landed first); nothing was written"
    )]
    Moved,
}

/// A handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    engine: Engine,
}

/// Which database engine a store runs on; the SQL is shared, a few operations (backup,
/// bulk loading) are not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    fn of(location: &str) -> Result<Engine, StorageError> {
        match location.split_once("://") {
            None => Ok(Engine::Sqlite),
            Some(("sqlite", _)) => Ok(Engine::Sqlite),
            Some(("postgres" | "postgresql", _)) => Ok(Engine::Postgres),
            Some((scheme, _)) => Err(StorageError::Unsupported(scheme.to_string())),
        }
    }
}

/// A database URL fit for messages and logs: the password replaced by `***`.
pub fn redact_password(location: &str) -> String {
    match url::Url::parse(location) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => location.to_string(),
    }
}

impl Store {
    /// Opens (creating it if needed) and migrates the database named by `location`:
    /// a SQLite file path or `sqlite:` URL, or a `postgres://` URL.
    pub async fn open(location: &str) -> Result<Store, StorageError> {
        sqlx::any::install_default_drivers();
        let engine = Engine::of(location)?;
        let url = match engine {
            Engine::Sqlite => sqlite_url(location)?,
            Engine::Postgres => location.to_string(),
        };
        let opened = match engine {
            // One writer at a time is SQLite's model; reads share the pool.
            Engine::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(POOL_WAIT)
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
            }
            Engine::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(POOL_WAIT)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // As SQLite's busy_timeout: a write waits for a lock this long,
                            // then is answered 503 instead of waiting forever.
                            sqlx::query("SET lock_timeout = '5s'")
                                .execute(&mut *conn)
                                .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await
            }
        };
        let pool = opened.map_err(|source| StorageError::Open {
            path: redact_password(location),
            source,
        })?;
        if engine == Engine::Sqlite {
            // WAL lets readers go on while a writer writes; it is a property of the file.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        MIGRATIONS.run(&pool).await?;
        Ok(Store { pool, engine })
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The data's version: moved by every write and import (see `write.rs`).
    pub async fn data_version(&self) -> Result<i64, StorageError> {
        use sqlx::Row;
        let row = sqlx::query("SELECT version FROM data_version WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("version")?)
    }

    /// Reads the database once: for `/health`.
    pub async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT COUNT(*) AS n FROM karya_meta")
            .fetch_one(&self.pool)
            .await?;
        Ok(())
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
    if location.contains("://") {
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
