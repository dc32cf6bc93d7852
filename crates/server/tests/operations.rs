//! What the people who run Karya rely on: `/health` that reads the database, a busy database
//! answered 503 with `Retry-After` (not 500), and CORS that lets an editor on a configured
//! origin send a token. On SQLite, or (with KARYA_TEST_POSTGRES) PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{create_release, hold_write_lock, test_app, test_app_with};
use karya_server::{app, open_store, Config};

#[tokio::test]
async fn health_answers_503_when_the_database_cannot_be_read() {
    let t = test_app().await;
    let store = open_store(&t.db).await.unwrap();
    let config = Config {
        db: t.db.clone(),
        addr: "127.0.0.1:0".into(),
        dist: t.dir.path().join("dist"),
        cors_origins: vec![],
        frame_ancestors: vec![],
        dataset: None,
        no_sample: true,
        trusted_proxies: vec![],
        limits: Default::default(),
    };
    let router = app(store.clone(), &config).unwrap();
    let probe = || async {
        use tower::ServiceExt;
        let req = Request::get("/api/v1/health").body(Body::empty()).unwrap();
        router.clone().oneshot(req).await.unwrap().status()
    };
    assert_eq!(probe().await, StatusCode::OK);
    store.pool().close().await;
    assert_eq!(probe().await, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_write_while_another_holds_the_write_lock_gets_503_with_retry_after() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let before = app.shipment_count().await;
    // Another writer (an import) holds the lock for longer than the server waits.
    let mut import = hold_write_lock(&app).await;
    let (status, headers, bytes) = app.send(create_release(&token)).await;
    assert_eq!(
        status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert!(headers.contains_key("retry-after"));
    sqlx::query("ROLLBACK").execute(&mut import).await.unwrap();
    assert_eq!(app.shipment_count().await, before);
}

#[tokio::test]
async fn a_configured_origin_may_send_a_token_and_write() {
    let app = test_app_with(|c| c.cors_origins = vec!["https://portal.example.go.id".into()]).await;
    let preflight = Request::options("/api/v1/shipments/x")
        .header("origin", "https://portal.example.go.id")
        .header("access-control-request-method", "PUT")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = app.send(preflight).await;
    assert!(status.is_success(), "{status}");
    let methods = headers["access-control-allow-methods"].to_str().unwrap();
    assert!(
        methods.contains("PUT") && methods.contains("DELETE"),
        "{methods}"
    );
    let allowed = headers["access-control-allow-headers"].to_str().unwrap();
    assert!(allowed.contains("authorization"), "{allowed}");
    // Any other origin gets no permission.
    let other = Request::get("/api/v1/health")
        .header("origin", "https://evil.example")
        .body(Body::empty())
        .unwrap();
    let (_, headers, _) = app.send(other).await;
    assert!(!headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn a_wildcard_origin_is_supported_alone_and_refused_beside_others() {
    let open = test_app_with(|c| c.cors_origins = vec!["*".into()]).await;
    let req = Request::get("/api/v1/health")
        .header("origin", "https://anyone.example")
        .body(Body::empty())
        .unwrap();
    let (_, headers, _) = open.send(req).await;
    assert_eq!(headers["access-control-allow-origin"], "*");
    let t = test_app().await;
    let config = Config {
        db: t.db.clone(),
        addr: "127.0.0.1:0".into(),
        dist: t.dir.path().join("dist"),
        cors_origins: vec!["*".into(), "https://a.example".into()],
        frame_ancestors: vec![],
        dataset: None,
        no_sample: true,
        trusted_proxies: vec![],
        limits: Default::default(),
    };
    let refused = app(open_store(&t.db).await.unwrap(), &config);
    assert!(refused.unwrap_err().to_string().contains('*'));
}

#[tokio::test]
async fn making_and_revoking_a_token_is_in_the_audit_log_without_the_secret() {
    let app = test_app().await;
    let admin = app.token("admin").await;
    let siti = app.token("siti").await;
    app.store().await.revoke_token("siti").await.unwrap();
    let (status, log) = app
        .write("GET", "/api/v1/audit", Some(&admin), "", "application/json")
        .await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let entries: Vec<(String, String)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["record_type"] == "editor_tokens")
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["record_key"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        entries.contains(&("create".into(), "siti".into())),
        "{entries:?}"
    );
    assert!(
        entries.contains(&("withdraw".into(), "siti".into())),
        "{entries:?}"
    );
    let secret = siti.rsplit('_').next().unwrap();
    assert!(!log.to_string().contains(secret));
}

#[tokio::test]
async fn every_documented_parameter_says_its_type_and_what_it_allows() {
    let app = test_app().await;
    let (_, doc) = app.get("/api/v1/openapi.json").await;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for p in op["parameters"].as_array().unwrap() {
                let s = &p["schema"];
                let constrained = s.get("pattern").is_some()
                    || s.get("enum").is_some()
                    || (s["type"] == "integer"
                        && s.get("minimum").is_some()
                        && s.get("maximum").is_some())
                    || (p["name"] == "record_key" && s.get("minLength").is_some());
                assert!(s["type"].is_string() && constrained, "{method} {path}: {p}");
                checked += 1;
            }
        }
    }
    assert!(checked > 30, "{checked}");
    // The filter echoed in answers is an object of the keys given, as the answers send it.
    let filter = &doc["components"]["schemas"]["Filter"];
    assert_eq!(filter["type"], "object", "{filter}");
    assert_eq!(filter["additionalProperties"], false);
    let (_, summary) = app.get("/api/v1/summary?from=2025&country=ES").await;
    assert_eq!(
        summary["filter"],
        serde_json::json!({"from": "2025", "country": "ES"})
    );
    // Filters list the ids Karya holds: a client generated from the document sends known ones.
    let summary_params = doc["paths"]["/api/v1/summary"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let product = summary_params
        .iter()
        .find(|p| p["name"] == "product")
        .unwrap();
    let ids = product["schema"]["enum"].as_array().unwrap();
    assert!(ids.iter().any(|v| v == "coco-shade"), "{product}");
}
