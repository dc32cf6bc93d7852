//! The public reads of `/api/v1`: parse the query, ask the store, let the core count.
//! Each handler checks its query against the keys `params` lists for it.

use super::error::ApiError;
use super::params::{self, Params};
use super::state::AppState;
use crate::storage::{ShipmentQuery, Store};
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use karya_core::api::{Health, ProductionResponse, ShipmentList};
use karya_core::destinations::{Destinations, Measure};
use karya_core::filter::PeriodBound;
use karya_core::pipeline::PipelineStage;
use karya_core::production::{compare, comparison_span, production_series, Granularity, MonthSpan};
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::scope::Endpoint;
use karya_core::summary::{summarize, Summary};
use karya_core::{
    Country, Facility, Filter, Product, ProvenanceKind, Shipment, Source, SourceStatement,
    SupplyLink,
};

/// Most shipments one request returns; `total` says how many matched in all.
pub const MAX_LIMIT: u32 = 10_000;
pub const DEFAULT_LIMIT: u32 = 1_000;

type ApiResult<T> = Result<Json<T>, ApiError>;

/// Up means able to answer: the database is read, and a server that cannot reach it says
/// 503 so a load balancer stops sending it readers.
pub async fn health(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Health> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    if let Err(e) = s.store.ping().await {
        tracing::error!(error = %e, "health: the database cannot be read");
        return Err(ApiError::Unavailable(
            "the database cannot be read".into(),
            super::error::BUSY_RETRY_SECONDS,
        ));
    }
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// Refuses filters that name a product, facility or country Karya does not know: such a
/// filter would show an empty view that looks like "no exports" when it means "typo".
async fn known_filter(store: &Store, params: &Params) -> Result<Filter, ApiError> {
    let filter = params.filter()?;
    if let Some(id) = &filter.product {
        if store.product(id).await?.is_none() {
            return Err(unknown("product", "product", id));
        }
    }
    if let Some(id) = &filter.facility {
        if store.facility(id).await?.is_none() {
            return Err(unknown("facility", "facility", id));
        }
    }
    if let Some(code) = &filter.country {
        if store.country(code).await?.is_none() {
            return Err(unknown("country", "country", code));
        }
    }
    Ok(filter)
}

fn unknown(param: &'static str, what: &'static str, value: &str) -> ApiError {
    ApiError::UnknownReference {
        param,
        what,
        value: value.to_string(),
    }
}

pub async fn summary(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Summary> {
    let params = Params::parse(q.as_deref(), params::SUMMARY)?;
    let filter = known_filter(&s.store, &params).await?;
    let shipments = s.releases.matching(&s.store, &filter).await?;
    let products = s.store.products().await?;
    Ok(Json(summarize(&filter, &shipments, &products)))
}

pub async fn shipments(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<ShipmentList> {
    let params = Params::parse(q.as_deref(), params::SHIPMENTS)?;
    let filter = known_filter(&s.store, &params).await?;
    let provenance = match params.single("provenance")? {
        None => None,
        Some(kind) => Some(ProvenanceKind::parse(kind).ok_or_else(|| {
            ApiError::BadParameter(format!(
                "query parameter `provenance`: expected reported or illustrative, got {kind:?}"
            ))
        })?),
    };
    let query = ShipmentQuery {
        provenance,
        limit: Some(
            params
                .number("limit", 1, MAX_LIMIT)?
                .unwrap_or(DEFAULT_LIMIT),
        ),
        offset: params.number("offset", 0, u32::MAX)?.unwrap_or(0),
        filter,
    };
    let (total, mut shipments) = s.store.shipments(&query).await?;
    // SQL narrowed the rows; the core's filter has the last word, as it has in the summary.
    shipments.retain(|x| {
        query.filter.matches_shipment(x) && provenance.is_none_or(|p| p == x.provenance.kind())
    });
    Ok(Json(ShipmentList { total, shipments }))
}

pub async fn destinations(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Destinations> {
    let params = Params::parse(q.as_deref(), params::DESTINATIONS)?;
    let filter = known_filter(&s.store, &params).await?;
    // Quantity without a product is refused below, not replaced as the map replaces it: an
    // API caller who asked for it learns why it cannot have it.
    let measure = match params.single("measure")? {
        None => Measure::default_for(&filter),
        Some(m) => Measure::parse(m).ok_or_else(|| {
            ApiError::BadParameter(format!(
                "query parameter `measure`: expected releases, value or quantity, got {m:?}"
            ))
        })?,
    };
    let matching = s.releases.matching(&s.store, &filter).await?;
    let mut result = karya_core::destinations::destinations(&filter, &matching, measure)
        .map_err(|e| ApiError::Impossible(e.to_string()))?;
    // The year slider spans all the data, not only what this filter keeps.
    result.years = s.store.release_years().await?;
    Ok(Json(result))
}

pub async fn production(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<ProductionResponse> {
    let params = Params::parse(q.as_deref(), params::PRODUCTION)?;
    let filter = known_filter(&s.store, &params).await?;
    let granularity = match params.single("granularity")? {
        None => Granularity::Month,
        Some(g) => Granularity::parse(g).ok_or_else(|| {
            ApiError::BadParameter(format!(
                "query parameter `granularity`: expected month, quarter or year, got {g:?}"
            ))
        })?,
    };
    let latest = match filter.to {
        Some(_) => None,
        None => s.store.latest_production_month(&filter).await?,
    };
    let span = comparison_span(&filter, latest);
    // One read covers the view's period and the one the comparison looks back to.
    let mut reach = filter.clone();
    if let (Some(from), Some(span)) = (filter.from, span) {
        let back = span.previous().first;
        if back.first_day() < from.start() {
            reach.from = Some(PeriodBound::Month(back));
        }
    }
    let monthly = s.store.production_monthly(&reach).await?;
    Ok(Json(ProductionResponse {
        series: production_series(&filter, &monthly, granularity),
        comparison: span.map(|span: MonthSpan| compare(span, &monthly)),
        filter,
        granularity,
        years: s.store.data_years().await?,
    }))
}

/// Output by facility: the ranking, its table and the map of Indonesia's point sizes.
pub async fn ranking(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Ranking> {
    let params = Params::parse(q.as_deref(), params::RANKING)?;
    let filter = known_filter(&s.store, &params).await?;
    let measure = match params.single("rank")? {
        None => RankMeasure::default_for(&filter),
        Some(m) => RankMeasure::parse(m).ok_or_else(|| {
            ApiError::BadParameter(format!(
                "query parameter `rank`: expected releases, value, products or quantity, got {m:?}"
            ))
        })?,
    };
    // Every facility is counted whatever `facility` says; the answer still echoes `filter`.
    let scope = Endpoint::Ranking.scope(&filter);
    let shipments = s.releases.matching(&s.store, &scope).await?;
    let totals = s.store.production_totals(&scope).await?;
    let unit = match &filter.product {
        Some(id) => s.store.product(id).await?.map(|p| p.unit),
        None => None,
    };
    let facilities = s.store.facilities().await?;
    let mut result =
        karya_core::ranking::ranking(&filter, measure, unit, &facilities, &shipments, &totals)
            .map_err(|e| ApiError::Impossible(e.to_string()))?;
    result.years = s.store.data_years().await?;
    Ok(Json(result))
}

/// Every product by status with the facilities involved.
pub async fn pipeline(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Vec<PipelineStage>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    let products = s.store.products().await?;
    let shipments = s.releases.every(&s.store).await?;
    let starts = s.store.production_starts().await?;
    Ok(Json(karya_core::pipeline::pipeline(
        &products, &shipments, &starts,
    )))
}

pub async fn facilities(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Vec<Facility>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(s.store.facilities().await?))
}

pub async fn facility(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<Facility> {
    let found = s.store.facility(&id).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no facility with the id {id:?}")))
}

pub async fn products(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Vec<Product>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(s.store.products().await?))
}

pub async fn product(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<Product> {
    let found = s.store.product(&id).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no product with the id {id:?}")))
}

pub async fn countries(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Vec<Country>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(s.store.countries().await?))
}

pub async fn country(State(s): State<AppState>, Path(code): Path<String>) -> ApiResult<Country> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(ApiError::BadParameter(format!(
            "path: expected a two-letter ISO 3166-1 code such as ES, got {code:?}"
        )));
    }
    let found = s.store.country(&code.to_ascii_uppercase()).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no country with the code {code:?}")))
}

pub async fn supply_links(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Vec<SupplyLink>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(s.store.supply_links().await?))
}

pub async fn statements(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Vec<SourceStatement>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(s.store.statements().await?))
}

pub async fn shipment(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<Shipment> {
    let found = s.store.shipment(&id).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no shipment with the id {id:?}")))
}

/// Publications on file: what a new record may cite.
pub async fn sources(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Vec<Source>> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(s.store.sources().await?))
}

/// `GET /templates/<table>.csv`: the header row of a table's import file.
pub async fn template(Path(file): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let table = file
        .strip_suffix(".csv")
        .and_then(karya_core::tables::Table::parse)
        .ok_or_else(|| {
            ApiError::NotFound(format!(
                "no template {file:?}; there is one per table: {}",
                karya_core::tables::Table::ALL
                    .map(|t| t.file_name())
                    .join(", ")
            ))
        })?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", table.file_name()),
            ),
        ],
        crate::transfer::export::template(table),
    ))
}
