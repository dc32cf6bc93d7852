//! Facility output through the API: the ranking, production with its comparison, and the
//! product pipeline, on the sample dataset in a real SQLite database.

mod common;

use axum::http::StatusCode;
use common::test_app;
use karya_core::api::{ProductionResponse, ShipmentList};
use karya_core::pipeline::PipelineStage;
use karya_core::ranking::{production_totals, Ranking};
use karya_core::{Filter, ProductStatus, Unit};

#[tokio::test]
async fn the_release_ranking_adds_up_to_the_shipment_count_for_the_same_filter() {
    let app = test_app().await;
    for query in [
        "",
        "from=2025&to=2025",
        "from=2024-03&to=2025-02&product=coco-shade",
    ] {
        let r: Ranking = app
            .ok(&format!("/api/v1/ranking?rank=releases&{query}"))
            .await;
        let list: ShipmentList = app.ok(&format!("/api/v1/shipments?{query}")).await;
        assert_eq!(r.total, Some(list.total as f64), "{query}");
        let facilities: Vec<serde_json::Value> = app.ok("/api/v1/facilities").await;
        assert_eq!(r.rows.len(), facilities.len(), "every facility has a row");
        let values: Vec<f64> = r.rows.iter().map(|x| x.value.unwrap()).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    }
}

#[tokio::test]
async fn the_quantity_ranking_is_the_production_endpoint_in_one_unit() {
    let app = test_app().await;
    let q = "from=2025&to=2025&product=rattan-basket";
    let r: Ranking = app.ok(&format!("/api/v1/ranking?{q}")).await;
    assert_eq!(r.unit, Some(Unit::Piece));
    let p: ProductionResponse = app.ok(&format!("/api/v1/production?{q}")).await;
    assert_eq!(p.series.len(), 1);
    assert_eq!(r.total, Some(p.series[0].total));
    assert!(r.total.unwrap() > 0.0);
    // Each facility's figure is its own production series.
    let top = &r.rows[0];
    let own: ProductionResponse = app
        .ok(&format!(
            "/api/v1/production?{q}&facility={}",
            top.facility_id
        ))
        .await;
    assert_eq!(top.value, Some(own.series[0].total));
    // Quantity across products would add pieces to kilograms: refused, naming the parameter.
    let message = app
        .error(
            "/api/v1/ranking?rank=quantity",
            StatusCode::UNPROCESSABLE_ENTITY,
            "impossible_combination",
        )
        .await;
    assert!(message.contains("`rank`"), "{message}");
    app.error(
        "/api/v1/ranking?rank=biggest",
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
}

#[tokio::test]
async fn sql_totals_equal_the_cores_sum_of_the_records() {
    let app = test_app().await;
    let p: ProductionResponse = app.ok("/api/v1/production?from=2024&to=2024").await;
    let r: Ranking = app.ok("/api/v1/ranking?from=2024&to=2024").await;
    // Every (facility, product) sum the ranking shows equals the records' sum in Rust.
    let records: Vec<karya_core::ProductionRecord> = {
        let store = karya_server::open_store(&app.db).await.unwrap();
        store.production(&Filter::default()).await.unwrap()
    };
    let filter = Filter::from_pairs([("from", "2024"), ("to", "2024")]).unwrap();
    let expected = production_totals(&filter, &records);
    let shown: usize = r.rows.iter().map(|x| x.produced.len()).sum();
    assert_eq!(shown, expected.len());
    for t in &expected {
        let row = r
            .rows
            .iter()
            .find(|x| x.facility_id == t.facility_id)
            .unwrap();
        let q = row
            .produced
            .iter()
            .find(|q| q.product_id == t.product_id)
            .unwrap();
        assert_eq!(q.quantity, t.quantity, "{} {}", t.facility_id, t.product_id);
    }
    let series_total: f64 = p.series.iter().map(|s| s.total).sum();
    let produced_total: f64 = expected.iter().map(|t| t.quantity).sum();
    assert!((series_total - produced_total).abs() < 1e-6);
    // The monthly sums behind the production series, in SQL and in Rust.
    let store = karya_server::open_store(&app.db).await.unwrap();
    let sql = store.production_monthly(&filter).await.unwrap();
    assert_eq!(
        sql,
        karya_core::production::monthly_totals(&filter, &records)
    );
}

#[tokio::test]
async fn production_compares_the_period_with_the_one_before_it() {
    let app = test_app().await;
    let p: ProductionResponse = app
        .ok("/api/v1/production?facility=lapas-cirebon&from=2025&to=2025&granularity=quarter")
        .await;
    let c = p.comparison.expect("a comparison");
    assert_eq!(c.previous.first.to_string(), "2024-01");
    assert_eq!(c.previous.last.to_string(), "2024-12");
    let g = &c.growth[0];
    assert_eq!(g.product_id, "coco-shade");
    // The current period's total is the chart's total; the previous is read from outside the
    // filter's period and still counted.
    assert_eq!(g.current, p.series[0].total);
    let before: ProductionResponse = app
        .ok("/api/v1/production?facility=lapas-cirebon&from=2024&to=2024")
        .await;
    assert_eq!(g.previous, before.series[0].total);
    assert!(g.pct.unwrap() > 0.0, "the sample grows (F11)");
    assert_eq!(p.series[0].points.len(), 4);
    // Without a period: the latest twelve months of data against the twelve before.
    let open: ProductionResponse = app.ok("/api/v1/production?facility=lapas-cirebon").await;
    let c = open.comparison.unwrap();
    assert_eq!(c.current.len(), 12);
    assert_eq!(c.current.last.to_string(), "2026-10");
    // A facility that makes nothing has no series and no comparison, not an error.
    let none: ProductionResponse = app.ok("/api/v1/production?facility=lapas-indramayu").await;
    assert!(none.series.is_empty() && none.comparison.is_none());
}

#[tokio::test]
async fn the_pipeline_shows_the_f10_products_with_their_status_and_facilities() {
    let app = test_app().await;
    let stages: Vec<PipelineStage> = app.ok("/api/v1/pipeline").await;
    assert_eq!(stages.len(), 4);
    let find = |id: &str| {
        stages
            .iter()
            .flat_map(|s| s.products.iter().map(move |p| (s.status, p)))
            .find(|(_, p)| p.product.id == id)
            .unwrap()
    };
    assert_eq!(find("coco-shade").0, ProductStatus::Exporting);
    assert!(find("coco-shade").1.releases > 0);
    assert_eq!(find("eco-bag").0, ProductStatus::InDevelopment);
    assert_eq!(find("solar-panel").0, ProductStatus::InDevelopment);
    let (status, shrimp) = find("vannamei-shrimp");
    assert_eq!(status, ProductStatus::Planned);
    assert_eq!(shrimp.facilities, ["lapas-nusakambangan"]);
    assert_eq!(shrimp.releases, 0);
}
