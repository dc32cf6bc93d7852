//! A hostile client's requests, well over eighty of them: oversize, wrong types, malformed and
//! deeply nested JSON, huge, negative and non-finite numbers, far dates, unknown fields and
//! parameters, repeated parameters, NUL and invalid UTF-8 in paths, traversal of the static
//! files, very long addresses. None may get a 5xx; every `/api` answer is JSON with `nosniff`.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::test_app;
use serde_json::{json, Value};

fn draft() -> Value {
    json!({
        "date": "2025-06-17", "facility_id": "lapas-cirebon", "product_id": "coco-shade",
        "country": "ES", "quantity": 5, "unit": "piece",
        "source": {"id": "", "outlet": "Antara", "title": "t"}
    })
}

/// (method, uri, body) of every hostile request.
fn hostile() -> Vec<(&'static str, String, String)> {
    let mut out: Vec<(&'static str, String, String)> = Vec::new();
    let mut post = |body: String| out.push(("POST", "/api/v1/shipments".into(), body));
    for (field, value) in [
        ("quantity", json!(1e308)),
        ("quantity", json!(-1)),
        ("quantity", json!(0)),
        ("quantity", json!("NaN")),
        ("quantity", json!("Infinity")),
        ("quantity", json!(1.5)),
        ("quantity", json!([1])),
        ("quantity", json!({"n": 1})),
        ("quantity", json!(null)),
        ("quantity", json!(true)),
        ("quantity", json!(u64::MAX)),
        ("value_idr", json!(i64::MAX)),
        ("value_idr", json!(-5)),
        ("value_idr", json!(1.5)),
        ("value_usd", json!(1e300)),
        ("value_usd", json!(-0.5)),
        ("date", json!("0001-01-01")),
        ("date", json!("-2025-01-01")),
        ("date", json!("9999-12-31")),
        ("date", json!("2025-02-30")),
        ("date", json!("17/06/2025")),
        ("date", json!(20250617)),
        ("facility_id", json!("../../etc/passwd")),
        ("facility_id", json!("a".repeat(5000))),
        ("facility_id", json!("lapas\u{0}cirebon")),
        ("country", json!("XX")),
        ("country", json!("es")),
        ("country", json!("")),
        ("unit", json!("tonne")),
        ("unit", json!(7)),
        ("provisional", json!("yes")),
        ("source", json!(null)),
        ("source", json!({"outlet": ""})),
        (
            "source",
            json!({"id": "", "outlet": "An\u{0}tara", "title": "t"}),
        ),
        (
            "source",
            json!({"id": "", "outlet": "Antara", "title": "t", "quote": "\u{0}"}),
        ),
        ("evil", json!(1)),
    ] {
        let mut d = draft();
        d[field] = value;
        post(d.to_string());
    }
    post("[".repeat(100_000));
    post(format!("{}{}", "{\"a\":".repeat(5000), "}".repeat(5000)));
    post("{\"date\": ".into());
    post("null".into());
    post("\"just a string\"".into());
    post("{}".into());
    post(String::from_utf8_lossy(&[0xff, 0xfe, 0x00]).into_owned());
    post(format!("{{\"x\": \"{}\"}}", "a".repeat(80 * 1024)));
    for path in [
        "/api/v1/facilities/%FF",
        "/api/v1/facilities/%00",
        "/api/v1/facilities/%C0%AF",
        "/api/v1/shipments/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/v1/production/%00/x/2025-01",
        "/api/v1/production/a/b/9999-99",
        "/api/v1/production/a/b/not-a-month",
        "/api/v1/countries/%F0%9F%92%A9",
        "/api/v1/templates/..%2f..%2fCargo.toml",
        "/api/v1/templates/nothing.csv",
        "/api/v1/nothing",
        "/api/v2/summary",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/static/../../Cargo.toml",
        "/index.html%00.js",
        "/api/v1/summary?from=0001",
        "/api/v1/summary?from=-5",
        "/api/v1/summary?from=99999999999",
        "/api/v1/summary?from=2025-13",
        "/api/v1/summary?from=2026&to=2025",
        "/api/v1/summary?from=2025&from=2026",
        "/api/v1/summary?country=%00",
        "/api/v1/summary?product=%FF",
        "/api/v1/summary?evil=1",
        "/api/v1/summary?country=ES&country=FR",
        "/api/v1/shipments?limit=-1",
        "/api/v1/shipments?limit=99999999999999999999",
        "/api/v1/shipments?offset=-3",
        "/api/v1/shipments?limit=NaN",
        "/api/v1/shipments?provenance=forged",
        "/api/v1/destinations?measure=quantity",
        "/api/v1/destinations?measure=%00",
        "/api/v1/ranking?rank=everything",
        "/api/v1/production?granularity=decade",
        "/api/v1/facilities/lapas-cirebon?evil=1",
        "/api/v1/openapi.json?x=1",
        "/api/v1/health?x=1",
        "/api/v1/audit",
    ] {
        out.push(("GET", path.to_string(), String::new()));
    }
    out.push((
        "GET",
        format!("/api/v1/summary?product={}", "a".repeat(5000)),
        String::new(),
    ));
    out.push(("GET", format!("/{}", "x/".repeat(3000)), String::new()));
    out.push(("PUT", "/api/v1/shipments/x".into(), "{}".into()));
    out.push(("DELETE", "/api/v1/shipments/x".into(), String::new()));
    out.push(("PATCH", "/api/v1/summary".into(), String::new()));
    out.push(("TRACE", "/api/v1/summary".into(), String::new()));
    out.push((
        "PUT",
        "/api/v1/production/a/b/2025-01".into(),
        "{\"quantity\": 1e999}".into(),
    ));
    out
}

#[tokio::test]
async fn eighty_and_more_hostile_requests_get_no_server_error() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let requests = hostile();
    assert!(requests.len() >= 80, "{}", requests.len());
    let mut answered = 0;
    for (i, (method, uri, body)) in requests.iter().enumerate() {
        // Writes with a valid token (so their bodies are read and checked), reads half with
        // one and half without.
        let mut req = Request::builder()
            .method(*method)
            .uri(uri.as_str())
            .header("content-type", "application/json");
        if *method != "GET" || i % 2 == 0 {
            req = req.header("authorization", format!("Bearer {token}"));
        }
        let Ok(req) = req.body(Body::from(body.clone())) else {
            continue; // an address the HTTP library itself refuses to build
        };
        let (status, headers, bytes) = app.send(req).await;
        answered += 1;
        assert!(status.as_u16() < 500, "{method} {uri}: {status} {bytes:?}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("[package]") && !text.contains("root:"),
            "{uri}: {text}"
        );
        if uri.starts_with("/api") && status.as_u16() != 405 {
            let ct = headers["content-type"].to_str().unwrap();
            assert!(ct.starts_with("application/json"), "{uri}: {ct}");
            let json: Value = serde_json::from_slice(&bytes).unwrap();
            if !status.is_success() {
                assert!(json["error"]["code"].is_string(), "{uri}: {json}");
            }
        }
    }
    assert!(answered >= 80, "{answered}");
}
