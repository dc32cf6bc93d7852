//! Every endpoint of `/api/v1` in one table: the router is built from it and the OpenAPI
//! document at `/api/v1/openapi.json` is written from it, so the two cannot drift apart.
//! Query parameters are the same constants the handlers check requests against.

use super::{edit, AppState};
use axum::routing::{delete, get, post, put, MethodRouter};
use schemars::gen::{SchemaGenerator, SchemaSettings};
use serde_json::{json, Map, Value};

pub const NO_PARAMS: &[&str] = &[];
pub const FILTER: &[&str] = &["from", "to", "product", "facility", "country"];
pub const SHIPMENT_PARAMS: &[&str] = &[
    "from",
    "to",
    "product",
    "facility",
    "country",
    "limit",
    "offset",
    "provenance",
];
pub const DESTINATION_PARAMS: &[&str] =
    &["from", "to", "product", "facility", "country", "measure"];
pub const PRODUCTION_PARAMS: &[&str] = &["from", "to", "product", "facility", "granularity"];
pub const RANKING_PARAMS: &[&str] = &["from", "to", "product", "facility", "rank"];
pub const AUDIT_PARAMS: &[&str] = &["record_type", "record_key", "limit"];

pub struct Endpoint {
    pub method: &'static str,
    /// axum's path syntax, which is also OpenAPI's: `/facilities/{id}`.
    pub path: &'static str,
    pub summary: &'static str,
    pub params: &'static [&'static str],
    /// Needs an editor's token.
    pub editor: bool,
    /// The JSON body's type in `karya_core`, for writes.
    pub body: Option<&'static str>,
    /// What a success returns (a `karya_core` type, or a file).
    pub answer: &'static str,
    handler: fn() -> MethodRouter<AppState>,
}

const fn read(
    path: &'static str,
    summary: &'static str,
    params: &'static [&'static str],
    answer: &'static str,
    handler: fn() -> MethodRouter<AppState>,
) -> Endpoint {
    Endpoint {
        method: "get",
        path,
        summary,
        params,
        editor: false,
        body: None,
        answer,
        handler,
    }
}

const fn write(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    body: Option<&'static str>,
    answer: &'static str,
    handler: fn() -> MethodRouter<AppState>,
) -> Endpoint {
    Endpoint {
        method,
        path,
        summary,
        params: NO_PARAMS,
        editor: true,
        body,
        answer,
        handler,
    }
}

pub const ENDPOINTS: &[Endpoint] = &[
    read(
        "/health",
        "Whether the server is up, and its version",
        NO_PARAMS,
        "Health",
        || get(super::health),
    ),
    read(
        "/summary",
        "Headline figures for a filter",
        FILTER,
        "Summary",
        || get(super::summary),
    ),
    read(
        "/facilities",
        "Every facility (Lapas, Rutan, LPKA, Bapas) with its zoning role",
        NO_PARAMS,
        "Facility[]",
        || get(super::facilities),
    ),
    read(
        "/facilities/{id}",
        "One facility",
        NO_PARAMS,
        "Facility",
        || get(super::facility),
    ),
    read(
        "/products",
        "Every product with its unit and status",
        NO_PARAMS,
        "Product[]",
        || get(super::products),
    ),
    read(
        "/products/{id}",
        "One product",
        NO_PARAMS,
        "Product",
        || get(super::product),
    ),
    read(
        "/countries",
        "Countries the data names",
        NO_PARAMS,
        "Country[]",
        || get(super::countries),
    ),
    read(
        "/countries/{code}",
        "One country by ISO 3166-1 alpha-2 code",
        NO_PARAMS,
        "Country",
        || get(super::country),
    ),
    read(
        "/shipments",
        "Export releases matching a filter, newest first",
        SHIPMENT_PARAMS,
        "ShipmentList",
        || get(super::shipments),
    ),
    read(
        "/shipments/{id}",
        "One export release",
        NO_PARAMS,
        "Shipment",
        || get(super::shipment),
    ),
    read(
        "/production",
        "Production series per product, each in its unit, with a comparison",
        PRODUCTION_PARAMS,
        "ProductionResponse",
        || get(super::production),
    ),
    read(
        "/destinations",
        "Export destinations for the world map",
        DESTINATION_PARAMS,
        "Destinations",
        || get(super::destinations),
    ),
    read(
        "/ranking",
        "Facilities ranked by a measure",
        RANKING_PARAMS,
        "Ranking",
        || get(super::ranking),
    ),
    read(
        "/pipeline",
        "Products by status, with the facilities involved",
        NO_PARAMS,
        "PipelineStage[]",
        || get(super::pipeline),
    ),
    read(
        "/supply-links",
        "Materials supplied between facilities (zoning)",
        NO_PARAMS,
        "SupplyLink[]",
        || get(super::supply_links),
    ),
    read(
        "/statements",
        "What sources say that is not a record of its own",
        NO_PARAMS,
        "SourceStatement[]",
        || get(super::statements),
    ),
    read(
        "/sources",
        "Publications on file, which records cite",
        NO_PARAMS,
        "Source[]",
        || get(super::sources),
    ),
    read(
        "/templates/{file}",
        "The header of a table's CSV import file, e.g. shipments.csv",
        NO_PARAMS,
        "text/csv",
        || get(super::template),
    ),
    read(
        "/openapi.json",
        "This document",
        NO_PARAMS,
        "application/json",
        || get(openapi),
    ),
    Endpoint {
        params: AUDIT_PARAMS,
        ..write(
            "get",
            "/audit",
            "The audit log, newest first",
            None,
            "AuditEntry[]",
            || get(edit::audit),
        )
    },
    write(
        "get",
        "/session",
        "Whose token this is (signing in)",
        None,
        "Session",
        || get(edit::session),
    ),
    write(
        "post",
        "/shipments",
        "Record a new export release; the server gives its id",
        Some("ShipmentDraft"),
        "Shipment",
        || post(edit::create_shipment),
    ),
    write(
        "put",
        "/shipments/{id}",
        "Correct an export release (the earlier value stays in the audit log)",
        Some("Shipment"),
        "Shipment",
        || put(edit::correct_shipment),
    ),
    write(
        "delete",
        "/shipments/{id}",
        "Withdraw an export release (it stays in the audit log)",
        None,
        "Shipment",
        || delete(edit::withdraw_shipment),
    ),
    write(
        "put",
        "/production/{facility}/{product}/{month}",
        "Record or correct a month's production",
        Some("ProductionRecord"),
        "ProductionRecord",
        || put(edit::put_production),
    ),
    write(
        "delete",
        "/production/{facility}/{product}/{month}",
        "Withdraw a month's production",
        None,
        "ProductionRecord",
        || delete(edit::withdraw_production),
    ),
];

/// The router of every endpoint in [`ENDPOINTS`]; methods on one path are merged.
pub fn routes() -> axum::Router<AppState> {
    ENDPOINTS
        .iter()
        .fold(axum::Router::new(), |r, e| r.route(e.path, (e.handler)()))
}

fn path_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        .collect()
}

/// The JSON Schema of a `karya_core` type named in the table (`Facility[]` for a list),
/// generated from the Rust type itself. `None` for a name the table should not use.
fn schema_of(name: &str, g: &mut SchemaGenerator) -> Option<Value> {
    use karya_core::api::{
        AuditEntry, ErrorBody, Health, ProductionResponse, Session, ShipmentList,
    };
    use karya_core::*;
    if let Some(item) = name.strip_suffix("[]") {
        let item = schema_of(item, g)?;
        return Some(json!({"type": "array", "items": item}));
    }
    let schema = match name {
        "Health" => g.subschema_for::<Health>(),
        "Summary" => g.subschema_for::<summary::Summary>(),
        "Facility" => g.subschema_for::<Facility>(),
        "Product" => g.subschema_for::<Product>(),
        "Country" => g.subschema_for::<Country>(),
        "Shipment" => g.subschema_for::<Shipment>(),
        "ShipmentList" => g.subschema_for::<ShipmentList>(),
        "ShipmentDraft" => g.subschema_for::<entry::ShipmentDraft>(),
        "ProductionRecord" => g.subschema_for::<ProductionRecord>(),
        "ProductionResponse" => g.subschema_for::<ProductionResponse>(),
        "Destinations" => g.subschema_for::<destinations::Destinations>(),
        "Ranking" => g.subschema_for::<ranking::Ranking>(),
        "PipelineStage" => g.subschema_for::<pipeline::PipelineStage>(),
        "SupplyLink" => g.subschema_for::<SupplyLink>(),
        "SourceStatement" => g.subschema_for::<SourceStatement>(),
        "Source" => g.subschema_for::<Source>(),
        "AuditEntry" => g.subschema_for::<AuditEntry>(),
        "Session" => g.subschema_for::<Session>(),
        "ErrorBody" => g.subschema_for::<ErrorBody>(),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}})
}

/// The OpenAPI 3.0 document of [`ENDPOINTS`].
pub fn document() -> Value {
    let mut g = SchemaSettings::openapi3().into_generator();
    let mut paths = Map::new();
    for e in ENDPOINTS {
        let mut parameters: Vec<Value> = path_params(e.path)
            .into_iter()
            .map(|p| json!({"name": p, "in": "path", "required": true, "schema": {"type": "string"}}))
            .collect();
        parameters.extend(e.params.iter().map(
            |p| json!({"name": p, "in": "query", "required": false, "schema": {"type": "string"}}),
        ));
        let success = if e.method == "post" { "201" } else { "200" };
        let content = match schema_of(e.answer, &mut g) {
            Some(schema) => json!({"application/json": {"schema": schema}}),
            None => json!({ e.answer: {} }),
        };
        let mut responses = Map::new();
        responses.insert(
            success.into(),
            json!({"description": format!("{} (karya_core type {})", e.summary, e.answer), "content": content}),
        );
        responses.insert("400".into(), error_response("A parameter or body that cannot be read; the message names it (unknown parameters are refused)"));
        responses.insert("404".into(), error_response("No such record"));
        if e.editor {
            responses.insert(
                "401".into(),
                error_response("No editor's token, or one unknown or revoked"),
            );
            responses.insert(
                "429".into(),
                error_response(
                    "Too many requests or failed sign-ins from this client; see Retry-After",
                ),
            );
        }
        if e.body.is_some() {
            responses.insert("413".into(), error_response("Body over 64 KiB"));
            responses.insert(
                "415".into(),
                error_response("Body not sent as application/json"),
            );
            responses.insert(
                "422".into(),
                error_response(
                    "A record of the wrong shape or with wrong values; `fields` names each",
                ),
            );
        }
        let mut operation = json!({
            "summary": e.summary,
            "operationId": format!("{}{}", e.method, e.path.replace(['/', '{', '}', '-', '.'], "_")),
            "parameters": parameters,
            "responses": responses,
        });
        if e.editor {
            operation["security"] = json!([{"editorToken": []}]);
        }
        if let Some(body) = e.body {
            let schema = schema_of(body, &mut g).unwrap_or(json!({}));
            operation["requestBody"] = json!({
                "required": true,
                "description": format!("karya_core type {body}"),
                "content": {"application/json": {"schema": schema}},
            });
        }
        let item = paths
            .entry(format!("/api/v1{}", e.path))
            .or_insert_with(|| json!({}));
        item[e.method] = operation;
    }
    schema_of("ErrorBody", &mut g);
    let schemas = serde_json::to_value(g.take_definitions()).unwrap_or_default();
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Karya API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "What Indonesia's correctional training programme produces and exports. Reads are public; writes need an editor's token (karya token create NAME).",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"editorToken": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas,
        }
    })
}

async fn openapi() -> axum::Json<Value> {
    axum::Json(document())
}
