//! The defects a hostile client found at the door: sign-in limits that locked editors out,
//! refusals without the security headers or the JSON shape, parameters accepted where they
//! mean nothing, pages cached for a year, and corrections with fields nobody reads.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::test_app;
use serde_json::json;

const JSON: &str = "application/json";

#[tokio::test]
async fn a_strangers_wrong_tokens_do_not_lock_out_a_valid_editor() {
    let app = test_app().await;
    let token = app.token("siti").await;
    for i in 0..15 {
        let guess = format!("karya_{i:016x}_{}", "0".repeat(64));
        app.write("GET", "/api/v1/session", Some(&guess), "", JSON)
            .await;
    }
    // The guesser is held…
    let (status, _) = app
        .write("GET", "/api/v1/session", Some("karya_guess_1"), "", JSON)
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // …the editor at the same address is not.
    let (status, json) = app
        .write("GET", "/api/v1/session", Some(&token), "", JSON)
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    // Guessing the secret of a known token is limited per token.
    let id = token.split('_').nth(1).unwrap();
    let mut last = StatusCode::OK;
    for _ in 0..12 {
        let wrong = format!("karya_{id}_{}", "f".repeat(64));
        last = app
            .write("GET", "/api/v1/session", Some(&wrong), "", JSON)
            .await
            .0;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn refusals_at_the_door_carry_the_security_headers() {
    let app = test_app().await;
    let long = format!("/api/v1/facilities?x={}", "a".repeat(5 * 1024));
    let big = Request::post("/api/v1/shipments")
        .header("content-type", JSON)
        .header("content-length", (70 * 1024).to_string())
        .body(Body::from("x".repeat(70 * 1024)))
        .unwrap();
    for (req, expected) in [
        (Request::get(long).body(Body::empty()).unwrap(), 414),
        (big, 413),
    ] {
        let (status, headers, _) = app.send(req).await;
        assert_eq!(status.as_u16(), expected);
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert!(headers.contains_key("referrer-policy"));
        assert!(headers["content-type"].to_str().unwrap().starts_with(JSON));
    }
}

#[tokio::test]
async fn a_badly_encoded_or_nul_path_gets_the_json_error() {
    let app = test_app().await;
    for uri in [
        "/api/v1/facilities/%FF",
        "/api/v1/facilities/%00",
        "/api/v1/shipments/a%00b",
        "/api/v1/production/%C0/x/2025-01",
    ] {
        let (status, json) = app.get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {json}");
        assert_eq!(json["error"]["code"], "bad_parameter", "{uri}");
    }
}

#[tokio::test]
async fn unknown_query_parameters_are_refused_on_every_endpoint() {
    let app = test_app().await;
    let token = app.token("siti").await;
    for uri in [
        "/api/v1/facilities/lapas-cirebon?evil=1",
        "/api/v1/products/coco-shade?evil=1",
        "/api/v1/countries/ES?evil=1",
        "/api/v1/shipments/x?evil=1",
        "/api/v1/openapi.json?evil=1",
        "/api/v1/templates/shipments.csv?evil=1",
    ] {
        app.error(uri, StatusCode::BAD_REQUEST, "bad_parameter")
            .await;
    }
    let (status, json) = app
        .write("GET", "/api/v1/session?evil=1", Some(&token), "", JSON)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{json}");
}

#[tokio::test]
async fn only_real_hashed_assets_are_cached_for_good() {
    let app = test_app().await;
    let cache = |uri: &'static str| {
        let app = &app;
        async move {
            let (_, headers, _) = app
                .send(Request::get(uri).body(Body::empty()).unwrap())
                .await;
            headers
                .get("cache-control")
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        }
    };
    assert!(cache("/karya-app-0123456789abcdef.js")
        .await
        .contains("immutable"));
    for uri in [
        "/facility/x-0123456789abcdef",
        "/api/v1/shipments/x-0123456789abcdef",
        "/missing-0123456789abcdef.js",
    ] {
        assert!(!cache(uri).await.contains("immutable"), "{uri}");
    }
}

#[tokio::test]
async fn a_correction_with_an_unknown_field_is_refused() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let (_, list) = app.get("/api/v1/shipments?limit=1").await;
    let mut shipment = list["shipments"][0].clone();
    let id = shipment["id"].as_str().unwrap().to_string();
    shipment["quantity"] = json!(1);
    shipment["evil"] = json!(true);
    let uri = format!("/api/v1/shipments/{id}");
    let (status, json) = app
        .write("PUT", &uri, Some(&token), &shipment.to_string(), JSON)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert_ne!(app.get(&uri).await.1["quantity"], json!(1));
}
