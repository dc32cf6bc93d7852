//! Tokens expire: each has its own expiry (180 days unless `karya token create --days N`
//! says otherwise); past it the editors' API answers 401 saying so, on SQLite or (with
//! KARYA_TEST_POSTGRES) PostgreSQL.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, SecondsFormat, Utc};
use common::{fresh_database, test_app};

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

async fn set_times(app: &common::TestApp, created: &str, expires: Option<&str>) {
    let store = app.store().await;
    sqlx::query("UPDATE editor_tokens SET created_at = $1, expires_at = $2 WHERE name = 'siti'")
        .bind(created)
        .bind(expires)
        .execute(store.pool())
        .await
        .unwrap();
}

async fn session(app: &common::TestApp, token: &str) -> (StatusCode, serde_json::Value) {
    app.write(
        "GET",
        "/api/v1/session",
        Some(token),
        "",
        "application/json",
    )
    .await
}

#[tokio::test]
async fn a_token_past_its_expiry_is_refused_401_with_the_date_and_a_live_one_is_not() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let (status, json) = session(&app, &token).await;
    assert_eq!(
        (status, json["editor"].as_str()),
        (StatusCode::OK, Some("siti"))
    );

    let expired = ago(1);
    set_times(&app, &ago(30), Some(&expired)).await;
    let (status, json) = session(&app, &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{json}");
    assert_eq!(json["error"]["code"], "unauthorized");
    let message = json["error"]["message"].as_str().unwrap();
    assert!(message.contains("expired"), "{message}");
    assert!(message.contains(&expired), "{message}");
    let before = app.shipment_count().await;
    let draft = serde_json::json!({"date": "2025-06-17", "facility_id": "lapas-cirebon",
        "product_id": "coco-shade", "country": "ES", "quantity": 1, "unit": "piece",
        "source": {"id": "", "outlet": "Antara", "title": "t"}});
    let (status, _) = app
        .write(
            "POST",
            "/api/v1/shipments",
            Some(&token),
            &draft.to_string(),
            "application/json",
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.shipment_count().await, before);

    // An expiry moved forward opens it again: the refusal came from the date alone.
    set_times(&app, &ago(30), Some(&ago(-1))).await;
    assert_eq!(session(&app, &token).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_token_from_before_expiry_lasts_the_default_from_its_creation() {
    let app = test_app().await;
    let token = app.token("siti").await;
    let days = i64::from(karya_server::storage::DEFAULT_TOKEN_DAYS);
    set_times(&app, &ago(days - 2), None).await;
    assert_eq!(session(&app, &token).await.0, StatusCode::OK);
    set_times(&app, &ago(days + 2), None).await;
    let (status, json) = session(&app, &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{json}");
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("expired"));
}

#[tokio::test]
async fn a_new_token_expires_after_the_default_lifetime() {
    let app = test_app().await;
    app.token("siti").await;
    let row: (String,) = sqlx::query_as("SELECT expires_at FROM editor_tokens WHERE name = 'siti'")
        .fetch_one(app.store().await.pool())
        .await
        .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(&row.0).unwrap();
    let days = (at.with_timezone(&Utc) - Utc::now()).num_hours() as f64 / 24.0;
    let want = f64::from(karya_server::storage::DEFAULT_TOKEN_DAYS);
    assert!(
        (days - want).abs() < 0.1,
        "expires in {days} days, not {want}"
    );
}

fn karya(db: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_karya"))
        .env_remove("KARYA_DB")
        .env_remove("KARYA_TOKEN_DAYS")
        .args(["token", "create", "--db", db])
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test]
async fn karya_token_create_days_sets_the_expiry_and_refuses_a_lifetime_out_of_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database(dir.path()).await;
    for bad in ["0", "3651"] {
        let out = karya(&db, &["--days", bad, "siti"]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("1 to 3650 days"), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = karya(&db, &["--days", "30", "siti"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let store = karya_server::storage::Store::open(&db).await.unwrap();
    let row: (String,) = sqlx::query_as("SELECT expires_at FROM editor_tokens WHERE name = 'siti'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(err.contains(&format!("expires on {}", row.0)), "{err}");
    let at = chrono::DateTime::parse_from_rfc3339(&row.0).unwrap();
    let days = (at.with_timezone(&Utc) - Utc::now()).num_hours();
    assert!((29 * 24..=30 * 24).contains(&days), "{days} hours");
    let token = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        store.editor_of(token.trim()).await.unwrap().as_deref(),
        Some("siti")
    );
}
