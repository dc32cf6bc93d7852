//! The wiring that tests of the handlers alone would miss: the sample loaded once (a withdrawn
//! sample record stays withdrawn after a restart), the write limit, the trusted-proxy setting,
//! `offset`, and `/sources`. On SQLite, or (with KARYA_TEST_POSTGRES) PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{test_app, test_app_with};
use serde_json::Value;

const JSON: &str = "application/json";

#[tokio::test]
async fn a_withdrawn_sample_record_stays_withdrawn_after_a_restart() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let (_, list) = app.get("/api/v1/shipments?limit=1").await;
    let id = list["shipments"][0]["id"].as_str().unwrap().to_string();
    let uri = format!("/api/v1/shipments/{id}");
    let (status, _) = app.write("DELETE", &uri, Some(&token), "", JSON).await;
    assert_eq!(status, StatusCode::OK);
    // A restart opens the same database as the server does, sample loading included.
    let reopened = karya_server::open_store(&app.db).await.unwrap();
    assert!(reopened.shipment(&id).await.unwrap().is_none());
    let (status, _) = app.get(&uri).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn past_the_write_limit_a_client_waits() {
    let app = test_app_with(|c| c.limits.writes_per_minute = 3).await;
    let token = app.token("siti").await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let (status, _) = app
            .write("GET", "/api/v1/session", Some(&token), "", JSON)
            .await;
        statuses.push(status.as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 429]);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_limited_on_its_own() {
    // In-process requests come from 0.0.0.0: here that is the load balancer.
    let app = test_app_with(|c| c.trusted_proxies = vec!["0.0.0.0".parse().unwrap()]).await;
    let session = |client: &'static str, token: &'static str| {
        Request::get("/api/v1/session")
            .header("x-forwarded-for", client)
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    for _ in 0..12 {
        app.send(session("198.51.100.7", "karya_guess_x")).await;
    }
    let (held, _, _) = app.send(session("198.51.100.7", "karya_guess_y")).await;
    assert_eq!(held, StatusCode::TOO_MANY_REQUESTS);
    let (other, _, _) = app.send(session("198.51.100.8", "karya_guess_z")).await;
    assert_eq!(other, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn offset_pages_through_the_same_list() {
    let app = test_app().await;
    let (_, all) = app.get("/api/v1/shipments").await;
    let (_, page) = app.get("/api/v1/shipments?limit=3&offset=2").await;
    let all = all["shipments"].as_array().unwrap();
    assert_eq!(page["shipments"].as_array().unwrap(), &all[2..5].to_vec());
    assert_eq!(page["total"].as_u64().unwrap() as usize, all.len());
}

#[tokio::test]
async fn sources_lists_every_publication_a_record_cites() {
    let app = test_app().await;
    let (_, sources) = app.get("/api/v1/sources").await;
    let ids: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let (_, list) = app.get("/api/v1/shipments").await;
    for s in list["shipments"].as_array().unwrap() {
        if let Some(id) = s["provenance"]["source"]["id"].as_str() {
            assert!(ids.contains(&id), "{id} missing from /sources");
        }
    }
    assert!(sources
        .as_array()
        .unwrap()
        .iter()
        .all(|s: &Value| s["outlet"].is_string()));
}
