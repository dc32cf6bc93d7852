//! The server under more than it can take: a request past the time limit, more requests than
//! it handles at once, and a handler that panics — each answered with the API's JSON (503 with
//! `Retry-After`, or 500), never a hang or a dropped connection. A request is made slow by
//! holding the database's write lock from outside, as a long import does.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{create_release, hold_write_lock, test_app_with};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_the_time_limit_is_answered_503_and_writes_nothing() {
    let app = test_app_with(|c| c.limits.request = Duration::from_secs(1)).await;
    let token = app.token("siti").await;
    let before = app.shipment_count().await;
    let mut lock = hold_write_lock(&app).await;
    let started = Instant::now();
    let (status, headers, body) = app.send(create_release(&token)).await;
    assert_eq!(
        status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        String::from_utf8_lossy(&body)
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert!(headers.contains_key("retry-after"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    sqlx::query("ROLLBACK").execute(&mut lock).await.unwrap();
    assert_eq!(app.shipment_count().await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_requests_in_flight_others_get_503_at_once() {
    let app = std::sync::Arc::new(test_app_with(|c| c.limits.max_in_flight = 1).await);
    let token = app.token("siti").await;
    let mut lock = hold_write_lock(&app).await;
    let slow = {
        let app = app.clone();
        tokio::spawn(async move { app.send(create_release(&token)).await.0 })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let (status, headers, body) = app
        .send(Request::get("/api/v1/health").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(headers["retry-after"], "1");
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["error"]["code"], "unavailable");
    sqlx::query("ROLLBACK").execute(&mut lock).await.unwrap();
    assert_eq!(slow.await.unwrap(), StatusCode::CREATED);
    let (status, _) = app.get("/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_panicking_handler_is_answered_with_the_json_500() {
    use tower::ServiceExt;
    let router = axum::Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                let empty: Vec<u8> = Vec::new();
                empty[1].to_string() // index out of bounds
            }),
        )
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            karya_server::serve::panic_answer,
        ));
    let res = router
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = axum::body::to_bytes(res.into_body(), 10_000).await.unwrap();
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["error"]["code"], "internal");
}
