//! The editors' API: tokens, the audit log, and every kind of hostile request, on SQLite or
//! (with KARYA_TEST_POSTGRES) PostgreSQL. Each refusal is checked to have written nothing.

mod common;

use axum::http::StatusCode;
use common::test_app;
use serde_json::{json, Value};

const JSON: &str = "application/json";

fn draft() -> Value {
    json!({
        "date": "2025-06-17",
        "facility_id": "lapas-cirebon",
        "product_id": "coco-shade",
        "country": "ES",
        "quantity": 120,
        "unit": "piece",
        "provisional": true,
        "source": {"id": "", "outlet": "Antara", "title": "Pelepasan ekspor coco shade"}
    })
}

#[tokio::test]
async fn writes_without_a_token_or_with_a_revoked_one_get_401_and_write_nothing() {
    let app = test_app().await;
    let before = app.shipment_count().await;
    let body = draft().to_string();
    let (status, json) = app
        .write("POST", "/api/v1/shipments", None, &body, JSON)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{json}");
    assert_eq!(json["error"]["code"], "unauthorized");
    let token = app.token("siti").await;
    app.store().await.revoke_token("siti").await.unwrap();
    let (status, _) = app
        .write("POST", "/api/v1/shipments", Some(&token), &body, JSON)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let forged = format!("{}0", &token[..token.len() - 1]);
    let (status, _) = app
        .write("POST", "/api/v1/shipments", Some(&forged), &body, JSON)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.shipment_count().await, before);
}

#[tokio::test]
async fn a_write_with_a_token_returns_the_record_and_adds_an_audit_entry() {
    let app = test_app().await;
    let before = app.shipment_count().await;
    let token = app.token("siti").await;
    let (status, session) = app
        .write("GET", "/api/v1/session", Some(&token), "", JSON)
        .await;
    assert_eq!(
        (status, session["editor"].as_str()),
        (StatusCode::OK, Some("siti"))
    );

    let (status, created) = app
        .write(
            "POST",
            "/api/v1/shipments",
            Some(&token),
            &draft().to_string(),
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(id, "lapas-cirebon-20250617-es-1");
    assert_eq!(created["provisional"], true);
    assert_eq!(created["provenance"]["source"]["outlet"], "Antara");
    assert_eq!(app.shipment_count().await, before + 1);
    let (_, stored) = app.get(&format!("/api/v1/shipments/{id}")).await;
    assert_eq!(stored, created);

    // The same draft again is a second release, not an overwrite.
    let (_, second) = app
        .write(
            "POST",
            "/api/v1/shipments",
            Some(&token),
            &draft().to_string(),
            JSON,
        )
        .await;
    assert_eq!(second["id"], "lapas-cirebon-20250617-es-2");

    // A correction keeps the earlier value in the audit log; a withdrawal keeps the record there.
    // The same record sent back is not a correction: nothing is written or logged.
    let (status, _) = app
        .write(
            "PUT",
            &format!("/api/v1/shipments/{id}"),
            Some(&token),
            &created.to_string(),
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut corrected = created.clone();
    corrected["quantity"] = json!(125);
    corrected["provisional"] = json!(false);
    let (status, json) = app
        .write(
            "PUT",
            &format!("/api/v1/shipments/{id}"),
            Some(&token),
            &corrected.to_string(),
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let (status, _) = app
        .write(
            "DELETE",
            &format!("/api/v1/shipments/{id}"),
            Some(&token),
            "",
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.get(&format!("/api/v1/shipments/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, log) = app
        .write(
            "GET",
            &format!("/api/v1/audit?record_type=shipments&record_key={id}"),
            Some(&token),
            "",
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["withdraw", "correct", "create"], "newest first");
    let entries = log.as_array().unwrap();
    assert!(entries.iter().all(|e| e["actor"] == "siti"));
    assert_eq!(entries[1]["before"]["quantity"], 120.0);
    assert_eq!(entries[1]["after"]["quantity"], 125.0);
    assert_eq!(entries[0]["before"]["quantity"], 125.0);
    assert!(entries[0]["after"].is_null());
    // The log is for editors only.
    let (status, _) = app.get("/api/v1/audit").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_production_month_is_recorded_and_corrected_through_its_address() {
    let app = test_app().await;
    let token = app.token("budi").await;
    let uri = "/api/v1/production/lapas-cirebon/coco-shade/2019-01";
    let mut record = json!({"facility_id": "lapas-cirebon", "product_id": "coco-shade", "month": "2019-01",
        "quantity": 40, "unit": "piece", "provisional": true,
        "provenance": {"kind": "reported", "source": {"id": "lapas-cirebon-laporan", "outlet": "Lapas Cirebon",
        "document": "Laporan bulanan Januari 2026"}}});
    let (status, json) = app
        .write("PUT", uri, Some(&token), &record.to_string(), JSON)
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    record["quantity"] = json!(42);
    let (status, _) = app
        .write("PUT", uri, Some(&token), &record.to_string(), JSON)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, p) = app
        .get("/api/v1/production?facility=lapas-cirebon&product=coco-shade&from=2019-01&to=2019-01")
        .await;
    assert_eq!(p["series"][0]["points"][0]["quantity"], 42.0, "{p}");
    let (_, log) = app
        .write(
            "GET",
            "/api/v1/audit?record_type=production&record_key=lapas-cirebon%20coco-shade%202019-01",
            Some(&token),
            "",
            JSON,
        )
        .await;
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["correct", "create"]);
}

#[tokio::test]
async fn hostile_bodies_get_their_own_status_and_write_nothing() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let before = app.shipment_count().await;
    let post = |body: String, content_type: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            app.write(
                "POST",
                "/api/v1/shipments",
                Some(&token),
                &body,
                content_type,
            )
            .await
        }
    };
    let huge = format!("{{\"x\": \"{}\"}}", "a".repeat(100 * 1024));
    let cases: Vec<(String, &str, StatusCode, &str)> = vec![
        (
            huge,
            JSON,
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
        (
            draft().to_string(),
            "text/plain",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "{\"date\": ".into(),
            JSON,
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            {
                let mut d = draft();
                d["quantity"] = json!("banyak");
                d.to_string()
            },
            JSON,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_record",
        ),
        (
            {
                let mut d = draft();
                d["country"] = json!("XX");
                d["quantity"] = json!(1.5);
                d.to_string()
            },
            JSON,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_record",
        ),
        (
            {
                let mut d = draft();
                d["colour"] = json!("red");
                d.to_string()
            },
            JSON,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_record",
        ),
    ];
    for (body, content_type, status, code) in cases {
        let (got, json) = post(body, content_type).await;
        assert_eq!(
            (got, json["error"]["code"].as_str()),
            (status, Some(code)),
            "{json}"
        );
    }
    // The 422s name the fields at fault.
    let mut d = draft();
    d["quantity"] = json!("banyak");
    let (_, json) = post(d.to_string(), JSON).await;
    assert_eq!(json["error"]["fields"][0]["field"], "quantity", "{json}");
    let mut d = draft();
    d["country"] = json!("XX");
    d["quantity"] = json!(1.5);
    let (_, json) = post(d.to_string(), JSON).await;
    let fields: Vec<&str> = json["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["country", "quantity"], "{json}");
    // A client that reads Indonesian is answered in Indonesian.
    let req = axum::http::Request::post("/api/v1/shipments")
        .header("content-type", JSON)
        .header("accept-language", "id-ID,id;q=0.9,en;q=0.8")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::from(d.to_string()))
        .unwrap();
    let (_, _, body) = app.send(req).await;
    let json: Value = serde_json::from_slice(&body).unwrap();
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("catatan ditolak"),
        "{json}"
    );
    assert!(
        json["error"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("tidak ada negara"),
        "{json}"
    );
    assert_eq!(app.shipment_count().await, before);
}

#[tokio::test]
async fn repeated_failed_sign_ins_from_one_client_get_429() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let (status, _) = app
            .write(
                "GET",
                "/api/v1/session",
                Some(&format!("karya_guess_{i}")),
                "",
                JSON,
            )
            .await;
        statuses.push(status.as_u16());
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(&statuses[10..], &[429, 429]);
    // The guesser waits; an editor's real token is not held by a stranger's guesses
    // (tests/hardening.rs).
    let (status, json) = app
        .write("GET", "/api/v1/session", Some(&token), "", JSON)
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
}

#[tokio::test]
async fn templates_are_the_import_headers() {
    let app = test_app().await;
    let (status, headers, body) = app
        .send(
            axum::http::Request::get("/api/v1/templates/shipments.csv")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert_eq!(
        String::from_utf8(body).unwrap().trim_end(),
        karya_core::tables::Table::Shipments.header().join(",")
    );
    let (status, _) = app.get("/api/v1/templates/secrets.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_lists_every_endpoint_and_the_parameters_each_accepts() {
    let app = test_app().await;
    let (status, doc) = app.get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.0.3");
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/shipments", "post"),
        ("/api/v1/shipments/{id}", "delete"),
        ("/api/v1/production/{facility}/{product}/{month}", "put"),
        ("/api/v1/audit", "get"),
        ("/api/v1/ranking", "get"),
        ("/api/v1/openapi.json", "get"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path} missing");
    }
    assert!(paths["/api/v1/shipments"]["post"]["security"].is_array());
    // Schemas come from the Rust types: a field added to a record appears here by itself.
    let schemas = &doc["components"]["schemas"];
    assert!(
        schemas["Shipment"]["properties"]["provisional"].is_object(),
        "{}",
        schemas["Shipment"]
    );
    let draft = &schemas["ShipmentDraft"];
    let required: Vec<&str> = draft["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in [
        "date",
        "facility_id",
        "product_id",
        "country",
        "quantity",
        "unit",
        "source",
    ] {
        assert!(required.contains(&field), "{field} not required in {draft}");
    }
    assert_eq!(
        paths["/api/v1/shipments"]["post"]["requestBody"]["content"]["application/json"]["schema"]
            ["$ref"],
        "#/components/schemas/ShipmentDraft"
    );
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let ok = op["responses"]
                .as_object()
                .unwrap()
                .iter()
                .find(|(k, _)| k.starts_with('2'))
                .unwrap()
                .1;
            let content = ok["content"].as_object().unwrap();
            assert!(
                content.contains_key("text/csv")
                    || path.ends_with("openapi.json")
                    || content["application/json"]["schema"].is_object(),
                "{method} {path} has no schema: {ok}"
            );
        }
    }
    assert!(paths["/api/v1/shipments"]["get"]["security"].is_null());
    // Every documented query parameter is accepted by its endpoint, and an undocumented one
    // is refused: the document and the handlers read the same list.
    for (path, item) in paths {
        let Some(get) = item.get("get") else { continue };
        if path.contains('{') || get["security"].is_array() {
            continue;
        }
        for p in get["parameters"].as_array().unwrap() {
            let name = p["name"].as_str().unwrap();
            let (_, json) = app.get(&format!("{path}?{name}=")).await;
            let message = json["error"]["message"].as_str().unwrap_or("");
            assert!(
                !message.contains("unknown query parameter"),
                "{path} refuses {name}: {json}"
            );
        }
        if path.ends_with(".json") {
            continue;
        }
        let (status, _) = app.get(&format!("{path}?undocumented=1")).await;
        assert_eq!(
            status,
            StatusCode::BAD_REQUEST,
            "{path} accepts an undocumented parameter"
        );
    }
}
