//! The first view the server writes into a page (`karya_core::first_view`): its sentence is
//! the core's sentence of the API's own answer for the same address, in the address's
//! language, on SQLite and on PostgreSQL; an address the app would answer otherwise gets none.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{test_app_with, TestApp};
use karya_core::destinations::Destinations;
use karya_core::first_view::escape;
use karya_core::names::Names;
use karya_core::ranking::Ranking;
use karya_core::sentence::{map_summary, ranking_summary};
use karya_core::{Country, Facility, Lang, Product};

const INDEX: &str = "<!doctype html><html lang=\"id\"><head><title>Karya</title></head><body><noscript>x</noscript></body></html>";

async fn app() -> TestApp {
    test_app_with(|c| std::fs::write(c.dist.join("index.html"), INDEX).unwrap()).await
}

async fn page(app: &TestApp, uri: &str) -> String {
    let (status, _, body) = app
        .send(Request::get(uri).body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK, "{uri}");
    String::from_utf8(body).unwrap()
}

async fn names(app: &TestApp) -> Names {
    let products: Vec<Product> = app.ok("/api/v1/products").await;
    let facilities: Vec<Facility> = app.ok("/api/v1/facilities").await;
    let countries: Vec<Country> = app.ok("/api/v1/countries").await;
    Names::new(&products, &facilities, &countries)
}

fn sentence_in(html: &str, sentence: &str) -> bool {
    html.contains(&format!(
        "<p class=\"map-summary\">{}</p>",
        escape(sentence)
    ))
}

#[tokio::test]
async fn the_maps_sentence_is_the_apis_answer_in_words() {
    let app = app().await;
    let names = names(&app).await;
    for (lang, query) in [
        (Lang::Id, ""),
        (Lang::En, "from=2025&to=2025&measure=value"),
    ] {
        let d: Destinations = app.ok(&format!("/api/v1/destinations?{query}")).await;
        let expected = map_summary(&d, |c| names.country(c, lang), lang);
        let html = page(&app, &format!("/map?lang={}&{query}", lang.code())).await;
        assert!(sentence_in(&html, &expected), "{expected}\n{html}");
        assert!(html.starts_with(&format!("<!doctype html><html lang=\"{}\">", lang.code())));
    }
}

#[tokio::test]
async fn the_rankings_sentence_is_the_apis_answer_in_words() {
    let app = app().await;
    let names = names(&app).await;
    // The page's facility does not narrow the ranking: every facility is ranked.
    let r: Ranking = app.ok("/api/v1/ranking?rank=releases").await;
    let expected = ranking_summary(&r, |id| names.facility(id, Lang::Id), Lang::Id);
    let html = page(&app, "/facilities?facility=lapas-cirebon").await;
    assert!(sentence_in(&html, &expected), "{expected}\n{html}");
}

#[tokio::test]
async fn addresses_the_app_answers_otherwise_have_no_first_view() {
    let app = app().await;
    for uri in [
        "/facility/no-such-place",
        "/map?from=not-a-year",
        "/facilities?rank=nonsense",
        "/map?product=no-such-product",
        "/entry",
        "/data",
    ] {
        let html = page(&app, uri).await;
        assert!(!html.contains("class=\"first-view\""), "{uri}: {html}");
    }
    let html = page(&app, "/facility/lapas-cirebon").await;
    assert!(html.contains("<h1>Lapas Cirebon</h1>"), "{html}");
}
