//! Envelopes of the HTTP API that are not domain records: errors and lists.

use crate::model::Shipment;
use serde::{Deserialize, Serialize};

/// Every error the API returns: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `bad_parameter`, `not_found`, `invalid_period`, …
    pub code: String,
    /// For people: names the parameter or the record at fault.
    pub message: String,
}

/// `GET /api/v1/shipments`: the matching releases, newest first (undated last), and how many
/// matched in all when `limit` cut the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShipmentList {
    pub total: u32,
    pub shipments: Vec<Shipment>,
}

/// `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// `GET /api/v1/production`: one series per product, each in its own unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionResponse {
    pub filter: crate::filter::Filter,
    pub granularity: crate::production::Granularity,
    pub series: Vec<crate::production::ProductionSeries>,
}
