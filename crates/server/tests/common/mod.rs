//! The test server shared by the API test files: a real SQLite database in a temporary
//! folder, reached through the whole router (layers included), without a network port.
#![allow(dead_code)] // each test file uses part of it

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use karya_server::{app, open_store, Config};
use serde_json::Value;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    /// The database file, for tests that read it directly.
    pub db: String,
    _dir: tempfile::TempDir,
}

pub async fn test_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Karya test</title><script type=\"module\">start()</script>",
    )
    .unwrap();
    std::fs::write(dist.join("karya-app-0123456789abcdef.js"), "console.log(1)").unwrap();
    let config = Config {
        db: dir
            .path()
            .join("db/karya.sqlite3")
            .to_string_lossy()
            .into_owned(),
        addr: "127.0.0.1:0".into(),
        dist,
        cors_origins: vec![],
        frame_ancestors: vec!["https://portal.example.go.id".into()],
        dataset: None,
    };
    let store = open_store(&config.db).await.unwrap();
    TestApp {
        router: app(store, &config).unwrap(),
        db: config.db.clone(),
        _dir: dir,
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
