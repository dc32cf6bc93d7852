//! The test server shared by the API test files: a real database — SQLite in a temporary
//! folder, or, when `KARYA_TEST_POSTGRES` names a PostgreSQL server (scripts/with-postgres.sh
//! sets it), a fresh database on it — reached through the whole router (layers included),
//! without a network port.
#![allow(dead_code)] // each test file uses part of it

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use karya_server::{app_and_answers, open_store, Config};
use serde_json::Value;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    /// The database's location (a file path or a URL), for tests that open it directly.
    pub db: String,
    pub dir: tempfile::TempDir,
    /// The aggregate answers kept in memory, with the count of those worked out.
    pub answers: std::sync::Arc<karya_server::api::freshness::AnswerCache>,
}

/// A new, empty database for one test: a SQLite file under `dir`, or a database of its own
/// on the PostgreSQL server named by `KARYA_TEST_POSTGRES`.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    match std::env::var("KARYA_TEST_POSTGRES") {
        Ok(server) if !server.is_empty() => {
            let name = format!(
                "karya_test_{}_{}",
                std::process::id(),
                NEXT_DATABASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            );
            new_postgres_database(&server, &name).await
        }
        _ => dir.join("db/karya.sqlite3").to_string_lossy().into_owned(),
    }
}

/// Whether the tests run on PostgreSQL (some check engine-specific behaviour).
pub fn on_postgres() -> bool {
    std::env::var("KARYA_TEST_POSTGRES").is_ok_and(|s| !s.is_empty())
}

static NEXT_DATABASE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

pub async fn test_app() -> TestApp {
    test_app_with(|_| {}).await
}

/// As [`test_app`], with the configuration changed by `change` first.
pub async fn test_app_with(change: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Karya test</title><script type=\"module\">start()</script>",
    )
    .unwrap();
    std::fs::write(dist.join("karya-app-0123456789abcdef.js"), "console.log(1)").unwrap();
    let mut config = Config {
        db: fresh_database(dir.path()).await,
        addr: "127.0.0.1:0".into(),
        dist,
        cors_origins: vec![],
        frame_ancestors: vec!["https://portal.example.go.id".into()],
        dataset: None,
        no_sample: false,
        trusted_proxies: vec![],
        limits: Default::default(),
    };
    change(&mut config);
    let store = open_store(&config.db).await.unwrap();
    let (router, answers) = app_and_answers(store, &config).unwrap();
    TestApp {
        router,
        db: config.db.clone(),
        dir,
        answers,
    }
}

impl TestApp {
    pub async fn send(&self, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        (status, headers, body)
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let (status, _, body) = self
            .send(Request::get(uri).body(Body::empty()).unwrap())
            .await;
        let json =
            serde_json::from_slice(&body).unwrap_or_else(|_| panic!("{uri}: not JSON: {body:?}"));
        (status, json)
    }

    pub async fn ok<T: serde::de::DeserializeOwned>(&self, uri: &str) -> T {
        let (status, json) = self.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {json}");
        serde_json::from_value(json).unwrap()
    }

    pub async fn error(&self, uri: &str, status: StatusCode, code: &str) -> String {
        let (got, json) = self.get(uri).await;
        assert_eq!(got, status, "{uri}: {json}");
        assert_eq!(json["error"]["code"], code, "{uri}: {json}");
        json["error"]["message"].as_str().unwrap().to_string()
    }
}

impl TestApp {
    /// A second handle on the test's database (tokens, direct reads).
    pub async fn store(&self) -> karya_server::storage::Store {
        karya_server::storage::Store::open(&self.db).await.unwrap()
    }

    /// An editor's token, made as `karya token create` makes it.
    pub async fn token(&self, name: &str) -> String {
        self.store().await.create_token(name).await.unwrap()
    }

    /// Sends `body` as JSON (or, with `content_type`, as that) with an optional token.
    pub async fn write(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        body: &str,
        content_type: &str,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder()
            .method(method)
            .uri(uri)
            .header("content-type", content_type);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        let (status, _, bytes) = self
            .send(req.body(Body::from(body.to_string())).unwrap())
            .await;
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, json)
    }

    /// How many releases the API lists: a write that was refused must leave it unchanged.
    pub async fn shipment_count(&self) -> u64 {
        let (_, json) = self.get("/api/v1/shipments?limit=1").await;
        json["total"].as_u64().unwrap()
    }
}

/// Imports the files at `path` as `karya import` does: the report, or every error as text.
pub async fn import_path(
    store: &karya_server::storage::Store,
    path: &std::path::Path,
) -> Result<karya_server::transfer::import::ImportReport, Vec<String>> {
    use karya_server::transfer::import;
    let files = import::read_path(path, &mut |_| {})
        .map_err(|e| e.iter().map(|x| x.to_string()).collect::<Vec<_>>())?;
    let plan = match import::plan(store, &files).await {
        Ok(p) => p,
        Err(import::PlanError::Invalid(e)) => {
            return Err(e.iter().map(|x| x.to_string()).collect())
        }
        Err(e) => panic!("{e}"),
    };
    import::write(store, &plan, "test", "files").await.unwrap();
    Ok(plan.report)
}

/// The `karya` binary, with none of its settings taken from this shell's environment.
pub fn karya() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_karya"));
    cmd.env_remove("KARYA_DB")
        .env_remove("KARYA_ADDR")
        .env_remove("KARYA_DIST")
        .env_remove("KARYA_LOG");
    cmd
}

/// Creates the database `name` on the PostgreSQL server at `server`; returns its URL.
pub async fn new_postgres_database(server: &str, name: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut admin = sqlx::AnyConnection::connect(server).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let mut url = url::Url::parse(server).unwrap();
    url.set_path(name);
    url.to_string()
}

impl TestApp {
    /// A connection of its own to the app's database, beside the server's pool.
    pub async fn connect(&self) -> sqlx::AnyConnection {
        use sqlx::Connection;
        let url = if on_postgres() {
            self.db.clone()
        } else {
            format!("sqlite://{}", self.db)
        };
        sqlx::AnyConnection::connect(&url).await.unwrap()
    }
}

/// Holds the write lock that a new release needs, as a long import does, until dropped or
/// rolled back.
pub async fn hold_write_lock(app: &TestApp) -> sqlx::AnyConnection {
    let mut c = app.connect().await;
    if on_postgres() {
        sqlx::query("BEGIN").execute(&mut c).await.unwrap();
        sqlx::query("LOCK TABLE issued_ids IN ACCESS EXCLUSIVE MODE")
            .execute(&mut c)
            .await
            .unwrap();
    } else {
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut c)
            .await
            .unwrap();
    }
    c
}

/// `POST /api/v1/shipments` of one valid release, with `token`.
pub fn create_release(token: &str) -> Request<Body> {
    let body = serde_json::json!({
        "date": "2025-06-17", "facility_id": "lapas-cirebon", "product_id": "coco-shade",
        "country": "ES", "quantity": 5, "unit": "piece",
        "source": {"id": "", "outlet": "Antara", "title": "t"}
    });
    Request::post("/api/v1/shipments")
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// Starts `karya serve` on a free loopback port, `args` after it, with its standard error
/// going to `stderr`; returns the process and the line it printed
/// (`Karya is running at http://…/`).
pub fn serve<S: AsRef<std::ffi::OsStr>>(
    args: impl IntoIterator<Item = S>,
    stderr: std::process::Stdio,
) -> (std::process::Child, String) {
    let mut command = karya();
    command.args(["serve", "--addr", "127.0.0.1:0"]).args(args);
    spawn_and_read_first_line(command.stderr(stderr))
}

/// Starts `command` with its standard output piped; returns the process and the first line it
/// printed.
pub fn spawn_and_read_first_line(
    command: &mut std::process::Command,
) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line)
}

/// The `host:port` in the line `karya serve` prints.
pub fn address_in(line: &str) -> String {
    let url = line.trim().rsplit("http://").next().unwrap_or_default();
    url.trim_end_matches('/').to_string()
}
