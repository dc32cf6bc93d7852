//! Every endpoint of `/api/v1` in one table: the router is built from it and the OpenAPI
//! document at `/api/v1/openapi.json` is written from it, so the two cannot drift apart.
//! Query parameters are the same constants the handlers check requests against.

use super::endpoint::{Answer, Endpoint, Schema};
use super::params::{self, NO_PARAMS};
use super::state::AppState;
use super::{edit, oembed, open_data, openapi, read};
use axum::routing::{delete, get, post, put};
use serde_json::Value;

pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint::read(
        "/health",
        "Whether the server is up, and its version",
        NO_PARAMS,
        Answer::One(Schema::Health),
        || get(read::health),
    ),
    Endpoint::read(
        "/summary",
        "Headline figures for a filter",
        params::SUMMARY,
        Answer::One(Schema::Summary),
        || get(read::summary),
    ),
    Endpoint::read(
        "/facilities",
        "Every facility (Lapas, Rutan, LPKA, Bapas) with its zoning role",
        NO_PARAMS,
        Answer::List(Schema::Facility),
        || get(read::facilities),
    ),
    Endpoint::read(
        "/facilities/{id}",
        "One facility",
        NO_PARAMS,
        Answer::One(Schema::Facility),
        || get(read::facility),
    ),
    Endpoint::read(
        "/products",
        "Every product with its unit and status",
        NO_PARAMS,
        Answer::List(Schema::Product),
        || get(read::products),
    ),
    Endpoint::read(
        "/products/{id}",
        "One product",
        NO_PARAMS,
        Answer::One(Schema::Product),
        || get(read::product),
    ),
    Endpoint::read(
        "/countries",
        "Countries the data names",
        NO_PARAMS,
        Answer::List(Schema::Country),
        || get(read::countries),
    ),
    Endpoint::read(
        "/countries/{code}",
        "One country by ISO 3166-1 alpha-2 code",
        NO_PARAMS,
        Answer::One(Schema::Country),
        || get(read::country),
    ),
    Endpoint::read(
        "/shipments",
        "Export releases matching a filter, newest first",
        params::SHIPMENTS,
        Answer::One(Schema::ShipmentList),
        || get(read::shipments),
    ),
    Endpoint::read(
        "/shipments/{id}",
        "One export release",
        NO_PARAMS,
        Answer::One(Schema::Shipment),
        || get(read::shipment),
    ),
    Endpoint::read(
        "/production",
        "Production series per product, each in its unit, with a comparison",
        params::PRODUCTION,
        Answer::One(Schema::ProductionResponse),
        || get(read::production),
    ),
    Endpoint::read(
        "/destinations",
        "Export destinations for the world map",
        params::DESTINATIONS,
        Answer::One(Schema::Destinations),
        || get(read::destinations),
    ),
    Endpoint::read(
        "/ranking",
        "Facilities ranked by a measure",
        params::RANKING,
        Answer::One(Schema::Ranking),
        || get(read::ranking),
    ),
    Endpoint::read(
        "/pipeline",
        "Products by status, with the facilities involved",
        NO_PARAMS,
        Answer::List(Schema::PipelineStage),
        || get(read::pipeline),
    ),
    Endpoint::read(
        "/supply-links",
        "Materials supplied between facilities (zoning)",
        NO_PARAMS,
        Answer::List(Schema::SupplyLink),
        || get(read::supply_links),
    ),
    Endpoint::read(
        "/statements",
        "What sources say that is not a record of its own",
        NO_PARAMS,
        Answer::List(Schema::SourceStatement),
        || get(read::statements),
    ),
    Endpoint::read(
        "/sources",
        "Publications on file, which records cite",
        NO_PARAMS,
        Answer::List(Schema::Source),
        || get(read::sources),
    ),
    Endpoint::read(
        "/templates/{file}",
        "The header of a table's CSV import file, e.g. shipments.csv",
        NO_PARAMS,
        Answer::File("text/csv"),
        || get(read::template),
    ),
    Endpoint::read(
        "/exchange-rates",
        "Rupiah per US dollar by day, each with its source: what converts a release's missing currency",
        NO_PARAMS,
        Answer::List(Schema::ExchangeRate),
        || get(open_data::exchange_rates),
    ),
    Endpoint::read(
        "/data/citations",
        "Every source on file with how many records cite it",
        NO_PARAMS,
        Answer::List(Schema::Citation),
        || get(open_data::sources_cited),
    ),
    Endpoint::read(
        "/data/{file}",
        "Open data: a table as its import CSV (e.g. shipments.csv), datapackage.json, or all as karya-data.zip",
        NO_PARAMS,
        // Also application/json (datapackage.json) and application/zip, as the file asked.
        Answer::File("text/csv"),
        || get(open_data::download),
    ),
    Endpoint::read(
        "/oembed",
        "oEmbed 1.0: the embed snippet (type rich) of a view's address given as url",
        oembed::OEMBED,
        Answer::One(Schema::Oembed),
        || get(oembed::provide),
    ),
    Endpoint::read(
        "/openapi.json",
        "This document",
        NO_PARAMS,
        Answer::File("application/json"),
        || get(openapi),
    ),
    Endpoint {
        params: params::AUDIT,
        ..Endpoint::write(
            "get",
            "/audit",
            "The audit log, newest first",
            None,
            Answer::List(Schema::AuditEntry),
            || get(edit::audit),
        )
    },
    Endpoint::write(
        "get",
        "/session",
        "Whose token this is (signing in)",
        None,
        Answer::One(Schema::Session),
        || get(edit::session),
    ),
    Endpoint::write(
        "post",
        "/shipments",
        "Record a new export release; the server gives its id",
        Some(Schema::ShipmentDraft),
        Answer::One(Schema::Shipment),
        || post(edit::create_shipment),
    ),
    Endpoint::write(
        "put",
        "/shipments/{id}",
        "Correct an export release (the earlier value stays in the audit log)",
        Some(Schema::Shipment),
        Answer::One(Schema::Shipment),
        || put(edit::correct_shipment),
    ),
    Endpoint::write(
        "delete",
        "/shipments/{id}",
        "Withdraw an export release (it stays in the audit log)",
        None,
        Answer::One(Schema::Shipment),
        || delete(edit::withdraw_shipment),
    ),
    Endpoint::write(
        "put",
        "/production/{facility}/{product}/{month}",
        "Record or correct a month's production",
        Some(Schema::ProductionRecord),
        Answer::One(Schema::ProductionRecord),
        || put(edit::put_production),
    ),
    Endpoint::write(
        "delete",
        "/production/{facility}/{product}/{month}",
        "Withdraw a month's production",
        None,
        Answer::One(Schema::ProductionRecord),
        || delete(edit::withdraw_production),
    ),
];

/// The router of every endpoint in [`ENDPOINTS`]; methods on one path are merged.
pub fn routes() -> axum::Router<AppState> {
    ENDPOINTS
        .iter()
        .fold(axum::Router::new(), |r, e| r.route(e.path, (e.handler)()))
}

/// The OpenAPI 3.0 document of [`ENDPOINTS`].
pub fn document() -> Value {
    openapi::document(ENDPOINTS, None)
}

/// The document served: the ids Karya holds now are listed as the filters' allowed values.
async fn openapi(
    axum::extract::State(s): axum::extract::State<AppState>,
) -> Result<axum::Json<Value>, super::ApiError> {
    let known = s.store.known().await?;
    Ok(axum::Json(document_with(&known)))
}

/// Apart from the handler, so the route table does not depend on its own future's type.
fn document_with(known: &karya_core::entry::Known) -> Value {
    openapi::document(ENDPOINTS, Some(known))
}
