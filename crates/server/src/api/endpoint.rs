//! What the route table says of one endpoint, and the closed set of `karya_core` types its
//! bodies and answers are, so the OpenAPI document names a type rather than a string.

use super::params::{Keys, NO_PARAMS};
use super::state::AppState;
use axum::routing::MethodRouter;
use schemars::gen::SchemaGenerator;
use serde_json::{json, Value};
use std::fmt;

pub struct Endpoint {
    pub method: &'static str,
    /// axum's path syntax, which is also OpenAPI's: `/facilities/{id}`.
    pub path: &'static str,
    pub summary: &'static str,
    pub params: Keys,
    /// Needs an editor's token.
    pub editor: bool,
    /// The JSON body's type, for writes.
    pub body: Option<Schema>,
    /// What a success returns.
    pub answer: Answer,
    pub handler: fn() -> MethodRouter<AppState>,
}

impl Endpoint {
    /// A public read.
    pub const fn read(
        path: &'static str,
        summary: &'static str,
        params: Keys,
        answer: Answer,
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

    /// An editor's request.
    pub const fn write(
        method: &'static str,
        path: &'static str,
        summary: &'static str,
        body: Option<Schema>,
        answer: Answer,
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
}

/// A success's body: one value of a core type, a list of them, or a file of a media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    One(Schema),
    List(Schema),
    File(&'static str),
}

impl Answer {
    /// Its JSON Schema (an array of the type's for a list); a file has none.
    pub fn schema(self, g: &mut SchemaGenerator) -> Value {
        match self {
            Answer::One(s) => s.schema(g),
            Answer::List(s) => json!({"type": "array", "items": s.schema(g)}),
            Answer::File(_) => json!({}),
        }
    }
}

/// As the document's descriptions name it: `Facility`, `Facility[]`, `text/csv`.
impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::One(s) => write!(f, "{s}"),
            Answer::List(s) => write!(f, "{s}[]"),
            Answer::File(media_type) => f.write_str(media_type),
        }
    }
}

/// The `karya_core` types the API sends or takes as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    Health,
    Summary,
    Facility,
    Product,
    Country,
    Shipment,
    ShipmentList,
    ShipmentDraft,
    ProductionRecord,
    ProductionResponse,
    Destinations,
    Ranking,
    PipelineStage,
    SupplyLink,
    SourceStatement,
    Source,
    AuditEntry,
    Session,
    ErrorBody,
    Citation,
    Oembed,
    ExchangeRate,
}

impl Schema {
    /// Its JSON Schema, generated from the Rust type; named types land in `g`'s definitions.
    pub fn schema(self, g: &mut SchemaGenerator) -> Value {
        use karya_core::api::{
            AuditEntry, ErrorBody, Health, ProductionResponse, Session, ShipmentList,
        };
        use karya_core::*;
        let schema = match self {
            Schema::Health => g.subschema_for::<Health>(),
            Schema::Summary => g.subschema_for::<summary::Summary>(),
            Schema::Facility => g.subschema_for::<Facility>(),
            Schema::Product => g.subschema_for::<Product>(),
            Schema::Country => g.subschema_for::<Country>(),
            Schema::Shipment => g.subschema_for::<Shipment>(),
            Schema::ShipmentList => g.subschema_for::<ShipmentList>(),
            Schema::ShipmentDraft => g.subschema_for::<entry::ShipmentDraft>(),
            Schema::ProductionRecord => g.subschema_for::<ProductionRecord>(),
            Schema::ProductionResponse => g.subschema_for::<ProductionResponse>(),
            Schema::Destinations => g.subschema_for::<destinations::Destinations>(),
            Schema::Ranking => g.subschema_for::<ranking::Ranking>(),
            Schema::PipelineStage => g.subschema_for::<pipeline::PipelineStage>(),
            Schema::SupplyLink => g.subschema_for::<SupplyLink>(),
            Schema::SourceStatement => g.subschema_for::<SourceStatement>(),
            Schema::Source => g.subschema_for::<Source>(),
            Schema::AuditEntry => g.subschema_for::<AuditEntry>(),
            Schema::Session => g.subschema_for::<Session>(),
            Schema::ErrorBody => g.subschema_for::<ErrorBody>(),
            Schema::Citation => g.subschema_for::<datapackage::Citation>(),
            Schema::Oembed => g.subschema_for::<oembed::Oembed>(),
            Schema::ExchangeRate => g.subschema_for::<currency::ExchangeRate>(),
        };
        serde_json::to_value(schema).unwrap_or_default()
    }
}

/// The type's own name, as the document's descriptions give it.
impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
