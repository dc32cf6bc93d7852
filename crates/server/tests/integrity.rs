//! No acknowledged write is lost: concurrent creates each get their own id, a withdrawn id is
//! never handed out again, and figures past the documented bounds are refused at the door.
//! On SQLite, or (with KARYA_TEST_POSTGRES) PostgreSQL.

mod common;

use axum::http::StatusCode;
use common::test_app;
use serde_json::{json, Value};
use std::collections::HashSet;

const JSON: &str = "application/json";

fn draft(quantity: f64) -> Value {
    json!({
        "date": "2025-06-17",
        "facility_id": "lapas-cirebon",
        "product_id": "coco-shade",
        "country": "FR",
        "quantity": quantity,
        "unit": "piece",
        "source": {"id": "", "outlet": "Antara", "title": "Pelepasan ekspor coco shade"}
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_creates_give_fifty_records_ids_and_audit_entries() {
    let app = std::sync::Arc::new(test_app().await);
    let token = app.token("siti").await;
    let before = app.shipment_count().await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 1..=50 {
        let (app, token) = (app.clone(), token.clone());
        tasks.spawn(async move {
            let body = draft(f64::from(i)).to_string();
            app.write("POST", "/api/v1/shipments", Some(&token), &body, JSON)
                .await
        });
    }
    let mut ids = HashSet::new();
    while let Some(done) = tasks.join_next().await {
        let (status, created) = done.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{created}");
        ids.insert(created["id"].as_str().unwrap().to_string());
    }
    assert_eq!(ids.len(), 50);
    assert_eq!(app.shipment_count().await, before + 50);
    let (_, log) = app
        .write("GET", "/api/v1/audit?limit=1000", Some(&token), "", JSON)
        .await;
    let creates: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "create" && e["record_type"] == "shipments")
        .collect();
    assert_eq!(creates.len(), 50);
    assert!(creates.iter().all(|e| e["before"].is_null()));
    let logged: HashSet<&str> = creates
        .iter()
        .map(|e| e["record_key"].as_str().unwrap())
        .collect();
    assert_eq!(logged, ids.iter().map(String::as_str).collect());
}

#[tokio::test]
async fn a_withdrawn_id_is_never_given_again() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let body = draft(11.0).to_string();
    let (_, first) = app
        .write("POST", "/api/v1/shipments", Some(&token), &body, JSON)
        .await;
    let id = first["id"].as_str().unwrap().to_string();
    let uri = format!("/api/v1/shipments/{id}");
    let (status, _) = app.write("DELETE", &uri, Some(&token), "", JSON).await;
    assert_eq!(status, StatusCode::OK);
    let (status, second) = app
        .write("POST", "/api/v1/shipments", Some(&token), &body, JSON)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_ne!(second["id"], first["id"]);
    // Withdrawing again is said plainly, and writes nothing.
    let (status, again) = app.write("DELETE", &uri, Some(&token), "", JSON).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{again}");
}

#[tokio::test]
async fn figures_past_the_bounds_are_refused_and_sums_stay_finite() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let before = app.shipment_count().await;
    let huge = draft(11.0).to_string().replace("11.0", "1e308");
    for body in [
        huge,
        draft(10_000_001.0).to_string(),
        draft(5.0).to_string().replace("2025-06-17", "0001-01-01"),
        draft(5.0).to_string().replace("2025-06-17", "2999-01-01"),
    ] {
        let (status, json) = app
            .write("POST", "/api/v1/shipments", Some(&token), &body, JSON)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {json}");
        let field = json["error"]["fields"][0]["field"].as_str().unwrap();
        assert!(["quantity", "date"].contains(&field), "{json}");
    }
    let (status, json) = app
        .write(
            "PUT",
            "/api/v1/production/lapas-cirebon/coco-shade/9999-01",
            Some(&token),
            &json!({"facility_id": "lapas-cirebon", "product_id": "coco-shade",
                "month": "9999-01", "quantity": 5, "unit": "piece",
                "provenance": {"kind": "illustrative"}})
            .to_string(),
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert_eq!(app.shipment_count().await, before);
    // The largest accepted figure, twice, still sums to a number.
    for _ in 0..2 {
        let body = draft(10_000_000.0).to_string();
        let (status, _) = app
            .write("POST", "/api/v1/shipments", Some(&token), &body, JSON)
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, summary) = app.get("/api/v1/summary?country=FR").await;
    let coco = summary["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["product_id"] == "coco-shade");
    assert!(
        coco.unwrap()["quantity"].as_f64().unwrap() >= 2e7,
        "{summary}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_correction_racing_a_withdrawal_never_brings_the_release_back() {
    let app = std::sync::Arc::new(test_app().await);
    let token = app.token("siti").await;
    for round in 0..12 {
        let (_, created) = app
            .write(
                "POST",
                "/api/v1/shipments",
                Some(&token),
                &draft(5.0).to_string(),
                JSON,
            )
            .await;
        let uri = format!("/api/v1/shipments/{}", created["id"].as_str().unwrap());
        let mut corrected = created.clone();
        corrected["quantity"] = json!(6 + round);
        let (a, b) = (app.clone(), app.clone());
        let (t1, t2, u1, u2) = (token.clone(), token.clone(), uri.clone(), uri.clone());
        let put = tokio::spawn(async move {
            a.write("PUT", &u1, Some(&t1), &corrected.to_string(), JSON)
                .await
                .0
        });
        let delete =
            tokio::spawn(async move { b.write("DELETE", &u2, Some(&t2), "", JSON).await.0 });
        let (put, delete) = (put.await.unwrap(), delete.await.unwrap());
        assert_eq!(delete, StatusCode::OK);
        assert!(
            [StatusCode::OK, StatusCode::NOT_FOUND].contains(&put),
            "{put}"
        );
        let (status, json) = app.get(&uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "round {round}: {json}");
    }
}
