//! Public answers under a crowd: an ETag from the data's version, `304` for a matching
//! `If-None-Match`, a CDN-friendly `Cache-Control`, and identical aggregate requests served
//! from memory until a write or an import moves the version. SQLite or PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::test_app;

const JSON: &str = "application/json";

async fn get_with(
    app: &common::TestApp,
    uri: &str,
    etag: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::get(uri);
    if let Some(tag) = etag {
        req = req.header("if-none-match", tag);
    }
    app.send(req.body(Body::empty()).unwrap()).await
}

fn tag(headers: &axum::http::HeaderMap) -> String {
    headers["etag"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn an_unchanged_answer_is_304_and_a_write_moves_the_etag() {
    let app = test_app().await;
    let (status, headers, _) = get_with(&app, "/api/v1/summary?country=ES", None).await;
    assert_eq!(status, StatusCode::OK);
    let first = tag(&headers);
    assert!(headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("no-cache"));
    let cdn = headers["cdn-cache-control"].to_str().unwrap();
    assert!(
        cdn.contains("max-age=10") && cdn.contains("stale-while-revalidate"),
        "{cdn}"
    );
    let (status, headers, body) = get_with(&app, "/api/v1/summary?country=ES", Some(&first)).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(tag(&headers), first);
    // Every public read has the validator; the editors' and health answers do not.
    let (_, headers, _) = get_with(&app, "/api/v1/facilities", Some(&first)).await;
    assert_eq!(tag(&headers), first);
    let (status, headers, _) = get_with(&app, "/api/v1/health", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!headers.contains_key("etag"));

    let token = app.token("siti").await;
    let draft = serde_json::json!({
        "date": "2025-06-17", "facility_id": "lapas-cirebon", "product_id": "coco-shade",
        "country": "ES", "quantity": 5, "unit": "piece",
        "source": {"id": "", "outlet": "Antara", "title": "t"}
    });
    let (status, _) = app
        .write(
            "POST",
            "/api/v1/shipments",
            Some(&token),
            &draft.to_string(),
            JSON,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, headers, _) = get_with(&app, "/api/v1/summary?country=ES", Some(&first)).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(tag(&headers), first);
}

#[tokio::test]
async fn identical_aggregate_requests_are_answered_from_memory_until_the_data_changes() {
    let app = test_app().await;
    let uri = "/api/v1/summary?country=ES";
    let (_, before) = app.get(uri).await;
    // Changed behind the server's back (no write through Karya, so the version stays): the
    // answer in memory is still given, which shows it is not worked out again.
    let mut db = app.connect().await;
    sqlx::query("DELETE FROM shipments WHERE country = 'ES'")
        .execute(&mut db)
        .await
        .unwrap();
    let (_, cached) = app.get(uri).await;
    assert_eq!(cached, before);
    // Any write through Karya moves the version, and the answer is worked out anew.
    sqlx::query("UPDATE data_version SET version = version + 1")
        .execute(&mut db)
        .await
        .unwrap();
    let (_, fresh) = app.get(uri).await;
    assert_ne!(fresh, before);
    assert_eq!(fresh["shipments"], 0);
}

#[tokio::test]
async fn an_import_moves_the_version() {
    let app = test_app().await;
    let store = app.store().await;
    let before = store.data_version().await.unwrap();
    let dir = app.dir.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("sources.csv"),
        "id,outlet,title,author,url,document\nnew-source,Antara,Judul,,,\n",
    )
    .unwrap();
    let files = karya_server::transfer::import::read_path(&dir, &mut |_| {}).unwrap();
    let plan = karya_server::transfer::import::plan(&store, &files)
        .await
        .unwrap();
    karya_server::transfer::import::write(&store, &plan, "test", "files")
        .await
        .unwrap();
    assert!(store.data_version().await.unwrap() > before);
}

/// Sends `n` identical requests at once, each on its own task.
async fn at_once(app: &common::TestApp, uri: &str, n: usize) -> Vec<(StatusCode, Vec<u8>)> {
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let router = app.router.clone();
            let uri = uri.to_string();
            tokio::spawn(async move {
                use tower::ServiceExt;
                let req = Request::get(uri).body(Body::empty()).unwrap();
                let res = router.oneshot(req).await.unwrap();
                let status = res.status();
                let body = axum::body::to_bytes(res.into_body(), usize::MAX)
                    .await
                    .unwrap();
                (status, body.to_vec())
            })
        })
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    answers
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_identical_requests_for_an_uncached_address_are_worked_out_once() {
    let app = test_app().await;
    let uri = "/api/v1/destinations?product=coco-shade&from=2024";
    let answers = at_once(&app, uri, 32).await;
    let statuses: Vec<_> = answers
        .iter()
        .map(|(s, b)| (*s, String::from_utf8_lossy(b)))
        .collect();
    assert!(
        answers.iter().all(|(s, _)| *s == StatusCode::OK),
        "{statuses:?}"
    );
    assert!(
        answers.iter().all(|(_, b)| *b == answers[0].1),
        "the same answer for all"
    );
    assert_eq!(app.answers.computed(), 1, "32 requests, one computation");
    // Another address is its own computation; the first is now served from memory.
    at_once(&app, "/api/v1/summary?from=2025", 8).await;
    at_once(&app, uri, 8).await;
    assert_eq!(app.answers.computed(), 2);
    // A refused request is not shared: each gets its own 400, and nothing is kept.
    let refused = at_once(&app, "/api/v1/summary?country=zz9", 6).await;
    assert!(
        refused.iter().all(|(s, _)| *s == StatusCode::BAD_REQUEST),
        "{refused:?}"
    );
    assert!(app.answers.computed() >= 3);
}

/// The aggregates filter the releases in memory (read once per data version), or read them
/// from the database when there are too many to keep: both must keep exactly the releases the
/// SQL clause keeps, in its order, for every kind of filter (the undated release included).
#[tokio::test]
async fn releases_kept_in_memory_are_the_ones_sql_selects() {
    use karya_core::Filter;
    use karya_server::api::releases::ReleaseSnapshot;
    use karya_server::storage::ShipmentQuery;

    let app = test_app().await;
    let store = app.store().await;
    let (_, every) = store.shipments(&ShipmentQuery::default()).await.unwrap();
    assert!(
        every.iter().any(|s| s.date.is_none()),
        "the sample has an undated release"
    );
    let mut pairs: Vec<Vec<(String, String)>> = vec![vec![]];
    for s in &every {
        pairs.push(vec![("product".into(), s.product_id.clone())]);
        pairs.push(vec![("country".into(), s.country.clone())]);
        pairs.push(vec![("facility".into(), s.facility_id.clone())]);
        if let Some(date) = s.date {
            let (year, month, day) = (date.format("%Y"), date.format("%Y-%m"), date.to_string());
            pairs.push(vec![
                ("from".into(), year.to_string()),
                ("to".into(), year.to_string()),
            ]);
            pairs.push(vec![("from".into(), month.to_string())]);
            pairs.push(vec![
                ("to".into(), day.clone()),
                ("country".into(), s.country.clone()),
            ]);
        }
    }
    let kept = ReleaseSnapshot::default();
    let read_each_time = ReleaseSnapshot::keeping_at_most(0);
    let ids = |list: &[karya_core::Shipment]| list.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    let mut narrowed = 0;
    for p in &pairs {
        let filter = Filter::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        let query = ShipmentQuery {
            filter: filter.clone(),
            ..Default::default()
        };
        let (_, by_sql) = store.shipments(&query).await.unwrap();
        assert!(
            !by_sql.is_empty(),
            "{p:?} keeps at least the release it was made from"
        );
        narrowed += usize::from(by_sql.len() < every.len());
        assert_eq!(
            ids(&kept.matching(&store, &filter).await.unwrap()),
            ids(&by_sql),
            "{p:?}"
        );
        let read = read_each_time.matching(&store, &filter).await.unwrap();
        assert_eq!(ids(&read), ids(&by_sql), "{p:?}");
    }
    assert!(
        narrowed > 50,
        "most filters narrow the list ({narrowed} did)"
    );
    assert_eq!(ids(&kept.every(&store).await.unwrap()), ids(&every));
}

/// An editor's token changes no public answer: making or revoking one keeps every cache and
/// validator (it is still audited), while a write of data moves the version.
#[tokio::test]
async fn tokens_leave_the_data_version_alone() {
    let app = test_app().await;
    let store = app.store().await;
    let before = store.data_version().await.unwrap();
    let token = app.token("ani").await;
    store.revoke_token("ani").await.unwrap();
    assert_eq!(store.data_version().await.unwrap(), before);
    let audited =
        sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE record_type = 'editor_tokens'")
            .fetch_one(&mut app.connect().await)
            .await
            .unwrap();
    assert_eq!(sqlx::Row::get::<i64, _>(&audited, "n"), 2);
    let writer = app.token("budi").await;
    let uri = "/api/v1/shipments/f7-cirebon-spanyol-coco-shade";
    let (status, _) = app.write("DELETE", uri, Some(&writer), "", JSON).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "withdrawn with a token other than {token}"
    );
    assert!(store.data_version().await.unwrap() > before);
}
