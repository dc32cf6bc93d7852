//! The API against a real SQLite database in a temporary folder, through the whole router
//! (layers included), without a network port.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{test_app, TestApp};
use karya_core::api::{ProductionResponse, ShipmentList};
use karya_core::summary::{summarize, Summary};
use karya_core::{Filter, Product, Shipment};
use karya_server::open_store;
use serde_json::Value;

#[tokio::test]
async fn summary_has_the_contracted_fields_and_agrees_with_the_shipment_list() {
    let app = test_app().await;
    let raw: Value = app.ok("/api/v1/summary").await;
    for field in [
        "destination_countries",
        "shipments",
        "facilities",
        "products_exporting",
    ] {
        assert!(raw[field].is_u64(), "summary lacks {field}: {raw}");
    }
    let summary: Summary = serde_json::from_value(raw).unwrap();
    let list: ShipmentList = app.ok("/api/v1/shipments?limit=10000").await;
    let products: Vec<Product> = app.ok("/api/v1/products").await;
    assert_eq!(summary.shipments, list.total);
    assert_eq!(
        summary,
        summarize(&Filter::default(), &list.shipments, &products)
    );
    assert!(summary.destination_countries >= 8 && summary.facilities > 0);
}

#[tokio::test]
async fn the_reported_coco_shade_release_is_there_with_its_source_and_no_invented_date() {
    let app = test_app().await;
    let list: ShipmentList = app
        .ok("/api/v1/shipments?facility=lapas-cirebon&country=ES")
        .await;
    let reported: Vec<&Shipment> = list
        .shipments
        .iter()
        .filter(|s| !s.provenance.is_illustrative())
        .collect();
    assert_eq!(reported.len(), 1);
    let f7 = reported[0];
    assert_eq!(
        (f7.product_id.as_str(), f7.quantity, f7.date),
        ("coco-shade", 750.0, None)
    );
    assert_eq!((f7.value_idr, f7.value_usd), (None, None));
    let json = serde_json::to_value(&f7.provenance).unwrap();
    assert_eq!(json["source"]["outlet"], "Pantau");
    assert_eq!(json["source"]["author"], "Shila Glorya");
    assert!(json["source"]["quote"]
        .as_str()
        .unwrap()
        .contains("750 unit coco shade"));
    // Undated, it is the last of the list, and no period can include it.
    assert_eq!(list.shipments.last().unwrap().id, f7.id);
    let in_2025: ShipmentList = app
        .ok("/api/v1/shipments?facility=lapas-cirebon&country=ES&from=2025")
        .await;
    assert!(in_2025.shipments.iter().all(|s| s.date.is_some()));
}

#[tokio::test]
async fn shipments_can_be_narrowed_to_reported_records() {
    let app = test_app().await;
    let reported: ShipmentList = app.ok("/api/v1/shipments?provenance=reported").await;
    assert_eq!(reported.total, 1);
    assert_eq!(reported.shipments[0].quantity, 750.0);
    let illustrative: ShipmentList = app
        .ok("/api/v1/shipments?provenance=illustrative&limit=10000")
        .await;
    let all: ShipmentList = app.ok("/api/v1/shipments?limit=10000").await;
    assert_eq!(reported.total + illustrative.total, all.total);
    assert!(illustrative
        .shipments
        .iter()
        .all(|s| s.provenance.is_illustrative()));
    let msg = app
        .error(
            "/api/v1/shipments?provenance=rumour",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
    assert!(msg.contains("`provenance`"), "{msg}");
}

#[tokio::test]
async fn the_sql_filter_and_the_core_filter_agree() {
    let app = test_app().await;
    let all: ShipmentList = app.ok("/api/v1/shipments?limit=10000").await;
    let queries = [
        "from=2024",
        "to=2024-06",
        "from=2024-03-26&to=2025-02-25",
        "product=coco-shade",
        "facility=lapas-medan&from=2025",
        "country=kr",
        "product=ground-coffee&country=KR&to=2025",
    ];
    for q in queries {
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(q.as_bytes())
            .into_owned()
            .collect();
        let filter =
            Filter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        let expected: Vec<&str> = all
            .shipments
            .iter()
            .filter(|s| filter.matches_shipment(s))
            .map(|s| s.id.as_str())
            .collect();
        let got: ShipmentList = app.ok(&format!("/api/v1/shipments?{q}&limit=10000")).await;
        let got_ids: Vec<&str> = got.shipments.iter().map(|s| s.id.as_str()).collect();
        assert!(
            !expected.is_empty(),
            "{q} should match something in the sample"
        );
        assert_eq!(got_ids, expected, "{q}");
        let summary: Summary = app.ok(&format!("/api/v1/summary?{q}")).await;
        assert_eq!(summary.shipments as usize, expected.len(), "{q}");
    }
}

#[tokio::test]
async fn the_map_total_equals_the_summary_for_any_filter() {
    let app = test_app().await;
    for q in [
        "",
        "from=2025",
        "product=coco-shade",
        "facility=lapas-medan&to=2025",
        "country=ES",
    ] {
        let summary: Summary = app.ok(&format!("/api/v1/summary?{q}")).await;
        let d: Value = app.ok(&format!("/api/v1/destinations?{q}")).await;
        assert_eq!(
            d["total"].as_f64().unwrap(),
            summary.shipments as f64,
            "{q}"
        );
        assert_eq!(
            d["countries"].as_array().unwrap().len() as u32,
            summary.destination_countries,
            "{q}"
        );
    }
    let coco: Summary = app.ok("/api/v1/summary?product=coco-shade").await;
    let d: Value = app
        .ok("/api/v1/destinations?product=coco-shade&measure=quantity")
        .await;
    assert_eq!(d["total"].as_f64().unwrap(), coco.quantities[0].quantity);
    assert_eq!(d["unit"], "piece");
    let value: Value = app.ok("/api/v1/destinations?measure=value").await;
    assert_eq!(value["total"].as_f64(), summary_usd(&app).await);
    let msg = app
        .error(
            "/api/v1/destinations?measure=quantity",
            // Each parameter is valid; together they are impossible (the document's 422).
            StatusCode::UNPROCESSABLE_ENTITY,
            "impossible_combination",
        )
        .await;
    assert!(
        msg.contains("`measure`") && msg.contains("product"),
        "{msg}"
    );
    app.error(
        "/api/v1/destinations?measure=weight",
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
}

async fn summary_usd(app: &TestApp) -> Option<f64> {
    let s: Summary = app.ok("/api/v1/summary").await;
    s.values.usd
}

#[tokio::test]
async fn quantities_are_never_added_across_units() {
    let app = test_app().await;
    let products: Vec<Product> = app.ok("/api/v1/products").await;
    let summary: Summary = app.ok("/api/v1/summary").await;
    for q in &summary.quantities {
        let product = products.iter().find(|p| p.id == q.product_id).unwrap();
        assert_eq!(q.unit, product.unit, "{}", q.product_id);
    }
    let production: ProductionResponse = app.ok("/api/v1/production?granularity=year").await;
    for s in &production.series {
        let product = products.iter().find(|p| p.id == s.product_id).unwrap();
        assert_eq!(s.unit, product.unit);
        let sum: f64 = s.points.iter().map(|p| p.quantity).sum();
        assert_eq!(s.total, sum);
    }
}

#[tokio::test]
async fn the_sample_has_what_the_issue_asks_of_it() {
    let app = test_app().await;
    let facilities: Vec<Value> = app.ok("/api/v1/facilities").await;
    assert!(facilities.len() >= 18, "about 20 facilities");
    for role in ["producer", "supplier"] {
        assert!(facilities.iter().any(|f| f["role"] == role), "a {role}");
    }
    let provinces: std::collections::BTreeSet<&str> = facilities
        .iter()
        .map(|f| f["province"].as_str().unwrap())
        .collect();
    assert!(provinces.len() >= 5);
    let links: Vec<Value> = app.ok("/api/v1/supply-links").await;
    assert!(!links.is_empty());
    let production: ProductionResponse = app.ok("/api/v1/production?granularity=month").await;
    let months: std::collections::BTreeSet<&str> = production
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period.as_str()))
        .collect();
    assert!(months.len() >= 36, "three years of monthly production");
    let statements: Vec<Value> = app.ok("/api/v1/statements").await;
    let f8 = statements
        .iter()
        .find(|s| s["source"]["fact"] == "F8")
        .unwrap();
    assert_eq!(
        (f8["figure"].as_f64(), f8["approximate"].as_bool()),
        (Some(8.0), Some(true))
    );
    let products: Vec<Value> = app.ok("/api/v1/products").await;
    for (id, status) in [
        ("eco-bag", "in_development"),
        ("solar-panel", "in_development"),
        ("vannamei-shrimp", "planned"),
    ] {
        let p = products.iter().find(|p| p["id"] == id).unwrap();
        assert_eq!(
            (p["status"].as_str(), p["provenance"]["kind"].as_str()),
            (Some(status), Some("reported"))
        );
    }
    let nusa: Value = app.ok("/api/v1/facilities/lapas-nusakambangan").await;
    assert_eq!(nusa["export_model"], "planned");
}

#[tokio::test]
async fn bad_parameters_are_refused_by_name() {
    let app = test_app().await;
    let msg = app
        .error(
            "/api/v1/summary?from=yesterday",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
    assert!(msg.contains("`from`"), "{msg}");
    let msg = app
        .error(
            "/api/v1/shipments?limit=100000",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
    assert!(msg.contains("`limit`"), "{msg}");
    let msg = app
        .error(
            "/api/v1/summary?produk=coco-shade",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
    assert!(msg.contains("`produk`"), "{msg}");
    let msg = app
        .error(
            "/api/v1/production?granularity=week",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
    assert!(msg.contains("`granularity`"), "{msg}");
    let msg = app
        .error(
            "/api/v1/shipments?country=ZZ",
            StatusCode::BAD_REQUEST,
            "unknown_reference",
        )
        .await;
    assert!(msg.contains("`country`") && msg.contains("ZZ"), "{msg}");
    app.error(
        "/api/v1/summary?product=no-such-thing",
        StatusCode::BAD_REQUEST,
        "unknown_reference",
    )
    .await;
    app.error(
        "/api/v1/summary?from=2026&to=2025",
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_period",
    )
    .await;
}

#[tokio::test]
async fn unknown_ids_and_routes_are_json_404s() {
    let app = test_app().await;
    app.error(
        "/api/v1/facilities/lapas-atlantis",
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    app.error(
        "/api/v1/products/nothing",
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    app.error("/api/v1/countries/ZZ", StatusCode::NOT_FOUND, "not_found")
        .await;
    let msg = app
        .error(
            "/api/v1/no-such-endpoint",
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    assert!(msg.contains("/api/v1/no-such-endpoint"), "{msg}");
    app.error("/api/v2/summary", StatusCode::NOT_FOUND, "not_found")
        .await;
    let es: Value = app.ok("/api/v1/countries/es").await;
    assert_eq!(es["name_id"], "Spanyol");
}

#[tokio::test]
async fn huge_requests_are_refused_before_any_work() {
    let app = test_app().await;
    let req = Request::post("/api/v1/summary")
        .header(header::CONTENT_LENGTH, "10000000")
        .body(Body::from(vec![b'x'; 1024]))
        .unwrap();
    let (status, _, body) = app.send(req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(String::from_utf8_lossy(&body).contains("payload_too_large"));
    let long = format!("/api/v1/summary?product={}", "a".repeat(5000));
    app.error(&long, StatusCode::URI_TOO_LONG, "uri_too_long")
        .await;
    let req = Request::post("/api/v1/summary")
        .body(Body::empty())
        .unwrap();
    let (status, _, _) = app.send(req).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn serves_the_app_with_a_fallback_for_client_routes() {
    let app = test_app().await;
    let (status, headers, body) = app
        .send(
            Request::get("/facility/lapas-cirebon")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).contains("Karya test"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let (status, headers, _) = app
        .send(
            Request::get("/karya-app-0123456789abcdef.js")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let (status, _, _) = app
        .send(
            Request::get("/missing-file.js")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn api_answers_are_compressed_for_clients_that_accept_it() {
    let app = test_app().await;
    let req = Request::get("/api/v1/facilities")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = app.send(req).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn the_sample_is_loaded_once_and_kept_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let first = open_store(&db).await.unwrap();
    let (n1, _) = first.shipments(&Default::default()).await.unwrap();
    drop(first);
    let second = open_store(&db).await.unwrap();
    let (n2, _) = second.shipments(&Default::default()).await.unwrap();
    assert_eq!(n1, n2);
    assert!(n1 > 30);
}

#[tokio::test]
async fn pages_carry_a_policy_that_hashes_their_inline_script_and_names_the_portals() {
    let app = test_app().await;
    let (status, headers, body) = app
        .send(Request::get("/map").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .expect("a policy on the page")
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(
        csp.contains("frame-ancestors 'self' https://portal.example.go.id"),
        "{csp}"
    );
    let html = String::from_utf8(body).unwrap();
    let hashes = karya_server::security::inline_script_hashes(&html);
    assert_eq!(hashes.len(), 1, "the test page has one inline script");
    assert!(csp.contains(&hashes[0]), "{} missing from {csp}", hashes[0]);
    // The API is never sniffed into something else, and gets no page policy.
    let (_, headers, _) = app
        .send(Request::get("/api/v1/health").body(Body::empty()).unwrap())
        .await;
    assert_eq!(
        headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );
    assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_none());
}
