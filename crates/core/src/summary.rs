//! Headline figures (KPIs) for a filter. The server answers `/api/v1/summary` with this and the
//! app computes nothing of its own, so a figure is the same wherever it is shown.

use crate::filter::Filter;
use crate::model::{Product, ProductStatus, Shipment, Unit};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Exported quantity of one product, in that product's own unit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductQuantity {
    pub product_id: String,
    pub unit: Unit,
    pub quantity: f64,
    pub shipments: u32,
    /// At least one contributing shipment is illustrative.
    pub illustrative: bool,
}

/// Sums of the values that are known; shipments without a value are counted, not guessed.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KnownValues {
    pub idr: Option<i64>,
    pub usd: Option<f64>,
    pub shipments_with_value: u32,
    pub shipments_without_value: u32,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvenanceCounts {
    pub reported: u32,
    pub illustrative: u32,
    /// Of all of them, how many are provisional (*data sementara*).
    #[serde(default)]
    pub provisional: u32,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub filter: Filter,
    /// Distinct destination countries of the matching export releases.
    pub destination_countries: u32,
    /// Matching export releases (pelepasan ekspor).
    pub shipments: u32,
    /// Distinct facilities that made the matching export releases.
    pub facilities: u32,
    /// Products whose status is "exporting" (the catalogue, not narrowed by the filter).
    pub products_exporting: u32,
    /// Products in pilot, in development or planned (the catalogue).
    pub products_pipeline: u32,
    /// Matching releases whose source gives no date (counted only when no period is set).
    pub undated_shipments: u32,
    /// One entry per product: quantities in different units are never added together.
    pub quantities: Vec<ProductQuantity>,
    pub values: KnownValues,
    /// Where the matching releases come from.
    pub provenance: ProvenanceCounts,
}

impl Summary {
    /// True when any figure of this summary rests on illustrative records.
    pub fn has_illustrative(&self) -> bool {
        self.provenance.illustrative > 0
    }
}

pub fn summarize(filter: &Filter, shipments: &[Shipment], products: &[Product]) -> Summary {
    let matching: Vec<&Shipment> = shipments
        .iter()
        .filter(|s| filter.matches_shipment(s))
        .collect();
    let countries: BTreeSet<&str> = matching.iter().map(|s| s.country.as_str()).collect();
    let facilities: BTreeSet<&str> = matching.iter().map(|s| s.facility_id.as_str()).collect();

    // Keyed by product *and* unit: should bad data ever mix units, they stay apart.
    let mut quantities: BTreeMap<(&str, Unit), ProductQuantity> = BTreeMap::new();
    let mut values = KnownValues::default();
    let mut provenance = ProvenanceCounts::default();
    for s in &matching {
        let entry = quantities
            .entry((s.product_id.as_str(), s.unit))
            .or_insert_with(|| ProductQuantity {
                product_id: s.product_id.clone(),
                unit: s.unit,
                quantity: 0.0,
                shipments: 0,
                illustrative: false,
            });
        entry.quantity += s.quantity;
        entry.shipments += 1;
        entry.illustrative |= s.provenance.is_illustrative();

        if s.value_idr.is_some() || s.value_usd.is_some() {
            values.shipments_with_value += 1;
        } else {
            values.shipments_without_value += 1;
        }
        if let Some(idr) = s.value_idr {
            values.idr = Some(values.idr.unwrap_or(0).saturating_add(idr));
        }
        if let Some(usd) = s.value_usd {
            values.usd = Some(values.usd.unwrap_or(0.0) + usd);
        }
        provenance.provisional += u32::from(s.provisional);
        if s.provenance.is_illustrative() {
            provenance.illustrative += 1;
        } else {
            provenance.reported += 1;
        }
    }

    let count_status =
        |pred: fn(ProductStatus) -> bool| products.iter().filter(|p| pred(p.status)).count() as u32;
    Summary {
        filter: filter.clone(),
        destination_countries: countries.len() as u32,
        shipments: matching.len() as u32,
        facilities: facilities.len() as u32,
        products_exporting: count_status(|s| s == ProductStatus::Exporting),
        products_pipeline: count_status(ProductStatus::is_pipeline),
        undated_shipments: matching.iter().filter(|s| s.date.is_none()).count() as u32,
        quantities: quantities.into_values().collect(),
        values,
        provenance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ProductCategory, Provenance, Source};
    use chrono::NaiveDate;

    fn ship(
        id: &str,
        date: Option<(i32, u32)>,
        facility: &str,
        product: &str,
        unit: Unit,
        country: &str,
        qty: f64,
    ) -> Shipment {
        Shipment {
            id: id.into(),
            date: date.map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 15).unwrap()),
            facility_id: facility.into(),
            product_id: product.into(),
            country: country.into(),
            quantity: qty,
            unit,
            value_idr: None,
            value_usd: None,
            provisional: false,
            provenance: Provenance::Illustrative,
        }
    }

    fn product(id: &str, unit: Unit, status: ProductStatus) -> Product {
        Product {
            id: id.into(),
            name_id: id.into(),
            name_en: id.into(),
            category: ProductCategory::Handicraft,
            unit,
            status,
            hs_code: None,
            facilities: Vec::new(),
            provenance: Provenance::Illustrative,
        }
    }

    fn data() -> (Vec<Shipment>, Vec<Product>) {
        let mut reported = ship(
            "f7",
            None,
            "lapas-cirebon",
            "coco-shade",
            Unit::Piece,
            "ES",
            750.0,
        );
        reported.provenance = Provenance::Reported {
            source: Source {
                id: "pantau".into(),
                outlet: "Pantau".into(),
                title: None,
                author: None,
                url: None,
                document: None,
                fact: Some("F7".into()),
                quote: None,
            },
        };
        let mut valued = ship(
            "b",
            Some((2024, 5)),
            "lapas-a",
            "coffee",
            Unit::Kilogram,
            "JP",
            200.0,
        );
        valued.value_usd = Some(1500.0);
        valued.value_idr = Some(24_000_000);
        let shipments = vec![
            reported,
            ship(
                "a",
                Some((2024, 1)),
                "lapas-cirebon",
                "coco-shade",
                Unit::Piece,
                "FR",
                100.0,
            ),
            valued,
            ship(
                "c",
                Some((2025, 2)),
                "lapas-a",
                "coffee",
                Unit::Kilogram,
                "JP",
                50.5,
            ),
        ];
        let products = vec![
            product("coco-shade", Unit::Piece, ProductStatus::Exporting),
            product("coffee", Unit::Kilogram, ProductStatus::Exporting),
            product("eco-bag", Unit::Piece, ProductStatus::InDevelopment),
            product("shrimp", Unit::Kilogram, ProductStatus::Planned),
        ];
        (shipments, products)
    }

    #[test]
    fn counts_distinct_countries_facilities_and_releases() {
        let (s, p) = data();
        let sum = summarize(&Filter::default(), &s, &p);
        assert_eq!(
            (sum.destination_countries, sum.shipments, sum.facilities),
            (3, 4, 2)
        );
        assert_eq!((sum.products_exporting, sum.products_pipeline), (2, 2));
        assert_eq!(sum.undated_shipments, 1);
        assert_eq!(
            sum.provenance,
            ProvenanceCounts {
                reported: 1,
                illustrative: 3,
                provisional: 0,
            }
        );
    }

    #[test]
    fn quantities_stay_in_their_own_units() {
        let (s, p) = data();
        let sum = summarize(&Filter::default(), &s, &p);
        let by_product: Vec<(&str, Unit, f64)> = sum
            .quantities
            .iter()
            .map(|q| (q.product_id.as_str(), q.unit, q.quantity))
            .collect();
        assert_eq!(
            by_product,
            vec![
                ("coco-shade", Unit::Piece, 850.0),
                ("coffee", Unit::Kilogram, 250.5)
            ]
        );
    }

    #[test]
    fn values_sum_only_what_is_known() {
        let (s, p) = data();
        let v = summarize(&Filter::default(), &s, &p).values;
        assert_eq!((v.idr, v.usd), (Some(24_000_000), Some(1500.0)));
        assert_eq!((v.shipments_with_value, v.shipments_without_value), (1, 3));
    }

    #[test]
    fn a_period_drops_undated_releases_and_narrows_the_rest() {
        let (s, p) = data();
        let f = Filter::from_pairs([("from", "2024"), ("to", "2024")]).unwrap();
        let sum = summarize(&f, &s, &p);
        assert_eq!(
            (
                sum.shipments,
                sum.destination_countries,
                sum.undated_shipments
            ),
            (2, 2, 0)
        );
        assert!(sum.has_illustrative());
    }
}
