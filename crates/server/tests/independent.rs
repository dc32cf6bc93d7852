//! Tests that do not check the code against itself, on SQLite or (with KARYA_TEST_POSTGRES)
//! PostgreSQL: `/summary` against figures worked out by hand from the sample; the SQL filter
//! on the rows SQL returns, before the core filters them again; a PostgreSQL backup restored
//! with `pg_restore` into a fresh database.

mod common;

use common::{fresh_database, on_postgres, test_app};
use karya_core::summary::Summary;
use karya_core::Filter;
use karya_server::storage::{ShipmentQuery, Store};
use karya_server::transfer::backup;

fn filter(q: &str) -> Filter {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(q.as_bytes())
        .into_owned()
        .collect();
    Filter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap()
}

#[tokio::test]
async fn the_summary_agrees_with_figures_worked_out_by_hand_from_the_sample() {
    let app = test_app().await;
    // data/sample/dataset.json, coco shade: F7 (750, undated, reported) and the illustrative
    // 2023-001 ES 400, 2024-007 US 500, 2024-012 ES 600, 2025-019 FR 450, 2025-025 ES 700,
    // 2026-030 US 550 — all from Lapas Cirebon; USD 2,800 + 3,750 + 4,500 + 3,600 + 5,600 +
    // 4,400; IDR 44.24 + 59.25 + 71.1 + 56.88 + 88.48 + 69.52 million; F7 has no value.
    let s: Summary = app.ok("/api/v1/summary?product=coco-shade").await;
    assert_eq!(
        (s.shipments, s.destination_countries, s.facilities),
        (7, 3, 1)
    );
    assert_eq!(s.undated_shipments, 1);
    assert_eq!(s.quantities.len(), 1);
    let q = &s.quantities[0];
    assert_eq!(
        (q.product_id.as_str(), q.quantity, q.shipments),
        ("coco-shade", 3950.0, 7)
    );
    assert_eq!(serde_json::to_value(q.unit).unwrap(), "piece");
    assert_eq!(s.values.usd, Some(24_650.0));
    assert_eq!(s.values.idr, Some(389_470_000));
    assert_eq!(
        (
            s.values.shipments_with_value,
            s.values.shipments_without_value
        ),
        (6, 1)
    );
    assert_eq!((s.provenance.reported, s.provenance.illustrative), (1, 6));

    // Korea from 2025: 2025-018 Malang coffee 1,100 kg (USD 9,900; IDR 156.42 M), 2026-028
    // Sukamiskin teak 20 sets (17,000; 268.6 M), 2026-029 Medan coffee 1,600 kg (14,400;
    // 227.52 M). Kilograms and sets stay apart.
    let s: Summary = app.ok("/api/v1/summary?country=KR&from=2025").await;
    assert_eq!(
        (s.shipments, s.destination_countries, s.facilities),
        (3, 1, 3)
    );
    let quantities: Vec<(&str, f64, u32)> = s
        .quantities
        .iter()
        .map(|q| (q.product_id.as_str(), q.quantity, q.shipments))
        .collect();
    assert_eq!(
        quantities,
        [("ground-coffee", 2700.0, 2), ("teak-furniture", 20.0, 1)]
    );
    assert_eq!(s.values.usd, Some(41_300.0));
    assert_eq!(s.values.idr, Some(652_540_000));
    assert_eq!((s.undated_shipments, s.provenance.reported), (0, 0));
}

#[tokio::test]
async fn the_sql_filter_returns_exactly_the_matching_rows_before_the_core_filters_them() {
    let app = test_app().await;
    let store = app.store().await;
    let everything = |filter: Filter| ShipmentQuery {
        filter,
        ..Default::default()
    };
    let (_, all) = store
        .shipments(&everything(Filter::default()))
        .await
        .unwrap();
    let all_production = store.production(&Filter::default()).await.unwrap();
    for q in [
        "country=ES",
        "product=coco-shade",
        "facility=lapas-medan&to=2025",
        "from=2024-03&to=2025-06-17",
        "from=2025&country=KR",
        "product=ground-coffee&facility=lapas-malang&from=2024-02-20&to=2024-02-20",
    ] {
        let f = filter(q);
        // Straight from SQL: every row must match, and none that matches may be missing.
        let (total, rows) = store.shipments(&everything(f.clone())).await.unwrap();
        let got: Vec<&str> = rows.iter().map(|s| s.id.as_str()).collect();
        let want: Vec<&str> = all
            .iter()
            .filter(|s| f.matches_shipment(s))
            .map(|s| s.id.as_str())
            .collect();
        assert!(
            !want.is_empty() && want.len() < all.len(),
            "{q}: narrows nothing"
        );
        assert_eq!(got, want, "{q}");
        assert_eq!(total as usize, want.len(), "{q}");

        let rows = store.production(&f).await.unwrap();
        let want: Vec<_> = all_production
            .iter()
            .filter(|r| f.matches_production(r))
            .collect();
        assert!(
            rows.iter().all(|r| f.matches_production(r)),
            "{q}: too wide"
        );
        assert_eq!(rows.len(), want.len(), "{q}");
    }
}

#[tokio::test]
async fn a_postgres_backup_restored_with_pg_restore_holds_the_same_data() {
    if !on_postgres() {
        return; // SQLite's backup is a database file, opened in transfer.rs
    }
    let app = test_app().await;
    let token = app.token("siti").await;
    let (status, _) = app
        .write(
            "DELETE",
            "/api/v1/shipments/ilustrasi-2024-008",
            Some(&token),
            "",
            "application/json",
        )
        .await;
    assert!(status.is_success(), "{status}");
    let store = app.store().await;
    let file = app.dir.path().join("karya.pgdump");
    backup::backup(&store, &app.db, &file).await.unwrap();

    let target = fresh_database(&app.dir.path().join("restored")).await;
    let out = std::process::Command::new("pg_restore")
        .args(["--no-owner", "--exit-on-error", "-d", &target])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = Store::open(&target).await.unwrap();
    assert_eq!(
        restored.dataset().await.unwrap(),
        store.dataset().await.unwrap()
    );
    assert_eq!(
        restored.data_version().await.unwrap(),
        store.data_version().await.unwrap()
    );
    for table in ["audit_log", "editor_tokens", "issued_ids"] {
        let count = |s: &Store| {
            let sql = format!("SELECT COUNT(*) FROM {table}");
            let pool = s.pool().clone();
            async move {
                sqlx::query_as::<_, (i64,)>(&sql)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
                    .0
            }
        };
        assert_eq!(count(&restored).await, count(&store).await, "{table}");
    }
    // The withdrawal came through: the restored database does not bring it back.
    let (total, _) = restored
        .shipments(&ShipmentQuery {
            filter: filter("facility=lapas-malang&from=2024-02-20&to=2024-02-20"),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(total, 0);
    // And the token still signs in against the restored database.
    assert_eq!(
        restored.editor_of(&token).await.unwrap().as_deref(),
        Some("siti")
    );
}
