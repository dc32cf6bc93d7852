//! The product pipeline (F10): every product by status, from exporting to planned, with the
//! facilities involved — those named for it, those that made it, those that exported it.

use crate::model::{Product, ProductStatus, Shipment};
use crate::month::Month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// When a facility first made a product: one row per (product, facility) with production.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionStart {
    pub product_id: String,
    pub facility_id: String,
    pub first: Month,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineProduct {
    pub product: Product,
    /// Ids, sorted: named for the product, or with production or releases of it.
    pub facilities: Vec<String>,
    pub releases: u32,
    pub latest_release: Option<NaiveDate>,
    /// The first month with production on record, if any.
    pub first_production: Option<Month>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineStage {
    pub status: ProductStatus,
    /// May be empty: an empty stage is shown as such, not hidden.
    pub products: Vec<PipelineProduct>,
}

/// All four stages in order — exporting, pilot, in development, planned.
pub fn pipeline(
    products: &[Product],
    shipments: &[Shipment],
    production: &[ProductionStart],
) -> Vec<PipelineStage> {
    let stages = [
        ProductStatus::Exporting,
        ProductStatus::Pilot,
        ProductStatus::InDevelopment,
        ProductStatus::Planned,
    ];
    stages
        .into_iter()
        .map(|status| PipelineStage {
            status,
            products: products
                .iter()
                .filter(|p| p.status == status)
                .map(|p| {
                    let made = production.iter().filter(|r| r.product_id == p.id);
                    let sent = shipments.iter().filter(|s| s.product_id == p.id);
                    let facilities: BTreeSet<&str> = p
                        .facilities
                        .iter()
                        .map(String::as_str)
                        .chain(made.clone().map(|r| r.facility_id.as_str()))
                        .chain(sent.clone().map(|s| s.facility_id.as_str()))
                        .collect();
                    PipelineProduct {
                        product: p.clone(),
                        facilities: facilities.into_iter().map(str::to_string).collect(),
                        releases: sent.clone().count() as u32,
                        latest_release: sent.filter_map(|s| s.date).max(),
                        first_production: made.map(|r| r.first).min(),
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ProductCategory, Provenance, Unit};

    fn product(id: &str, status: ProductStatus, named: &[&str]) -> Product {
        Product {
            id: id.into(),
            name_id: id.into(),
            name_en: id.into(),
            category: ProductCategory::Fishery,
            unit: Unit::Kilogram,
            status,
            hs_code: None,
            facilities: named.iter().map(|s| s.to_string()).collect(),
            provenance: Provenance::Illustrative,
        }
    }

    #[test]
    fn every_stage_appears_in_order_with_the_facilities_involved() {
        let products = [
            product("shrimp", ProductStatus::Planned, &["lapas-nusakambangan"]),
            product("bag", ProductStatus::InDevelopment, &[]),
            product("panel", ProductStatus::InDevelopment, &[]),
        ];
        let production = [ProductionStart {
            facility_id: "rutan-salemba".into(),
            product_id: "bag".into(),
            first: "2025-02".parse().unwrap(),
        }];
        let stages = pipeline(&products, &[], &production);
        let statuses: Vec<_> = stages.iter().map(|s| s.status).collect();
        assert_eq!(
            statuses,
            [
                ProductStatus::Exporting,
                ProductStatus::Pilot,
                ProductStatus::InDevelopment,
                ProductStatus::Planned
            ]
        );
        assert!(stages[0].products.is_empty());
        let dev = &stages[2].products;
        assert_eq!(dev[0].facilities, ["rutan-salemba"]);
        assert_eq!(dev[0].first_production, Some("2025-02".parse().unwrap()));
        assert!(dev[1].facilities.is_empty());
        assert_eq!(stages[3].products[0].facilities, ["lapas-nusakambangan"]);
        assert_eq!(stages[3].products[0].releases, 0);
    }
}
